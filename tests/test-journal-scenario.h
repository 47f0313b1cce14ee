/* test-journal-scenario.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Realistic handoff event sequences shared by the journal tests, the
 * benchmark and the generator of the demo recordings in data/recordings/
 * (compiled into the hd-test-journal library).  Everything is
 * deterministic: the same calls give the same bytes. */

#pragma once

#include "hd-journal-event.h"
#include "hd-recording.h"

typedef struct
{
  GPtrArray  *events;   /* of HdJournalEvent, times set, not sealed */
  GDateTime  *base;     /* owned */
  const char *handoff;
} Scenario;

G_BEGIN_DECLS

/* Starts @s for @handoff, its times counted from @base_iso. */
void scenario_init (Scenario   *s,
                    const char *handoff,
                    const char *base_iso);

void scenario_clear (Scenario *s);

/* Adds one event @seconds after the base; @payload is JSON text (or NULL). */
HdJournalEvent *scenario_add (Scenario    *s,
                              double       seconds,
                              HdActorKind  kind,
                              const char  *actor,
                              const char  *type,
                              const char  *payload);

/* The journal's text for @seconds after the base. */
char *scenario_time (Scenario *s,
                     double    seconds);

/* A transcript event for one turn at @seconds. */
void scenario_turn (Scenario    *s,
                    double       seconds,
                    const char  *speaker,
                    const char  *actor,
                    const char  *text);

/* The four demo handoffs: 1. a good one (verified, summarised, routed
 * right); 2. a broken one (the verification state did not travel); 3. an
 * abandoned transfer; 4. a misrouted chat. */
void scenario_good_handoff       (Scenario *s);
void scenario_broken_handoff     (Scenario *s);
void scenario_abandoned_transfer (Scenario *s);
void scenario_misrouted_chat     (Scenario *s);

/* A long synthetic handoff of @n_events (replay equality, benchmark). */
void scenario_long (Scenario   *s,
                    const char *handoff,
                    guint       n_events);

G_END_DECLS
