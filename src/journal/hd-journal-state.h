/* hd-journal-state.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-handoff.h"
#include "hd-journal-event.h"

G_BEGIN_DECLS

#define HD_TYPE_JOURNAL_STATE (hd_journal_state_get_type ())

/* The state of one handoff derived from its events: the pure reducer shared
 * by the live path (the app applies every event it appends, see
 * HdJournal::appended) and by replay (HdReplay applies a recording's events).
 * "Replay state at event k equals the live state after the same k events"
 * holds because both run this code; hd_journal_state_to_json () is the
 * canonical dump that tests compare.
 *
 * JSON nodes handed out are sealed and shared between copies: do not modify
 * them. */
typedef struct _HdJournalState HdJournalState;

GType           hd_journal_state_get_type          (void) G_GNUC_CONST;

HdJournalState *hd_journal_state_new               (void);
HdJournalState *hd_journal_state_copy              (const HdJournalState *self);
void            hd_journal_state_free              (HdJournalState       *self);

/* The reducer.  Applies one event; events of another handoff (once the
 * state has one) are counted as ignored.  Never fails: an event the state
 * diagram does not allow is still applied and noted as an anomaly, because
 * replays must show broken handoffs as they happened. */
void            hd_journal_state_apply             (HdJournalState       *self,
                                                    HdJournalEvent       *event);

guint           hd_journal_state_get_n_applied     (const HdJournalState *self);
const char     *hd_journal_state_get_handoff_id    (const HdJournalState *self);  /* nullable */
/* The packet of the offer as journaled (masked JSON), or NULL before it. */
JsonNode       *hd_journal_state_get_packet        (const HdJournalState *self);
HdHandoffState  hd_journal_state_get_state         (const HdJournalState *self);
gboolean        hd_journal_state_get_offered       (const HdJournalState *self);
const char     *hd_journal_state_get_revoke_reason (const HdJournalState *self);  /* nullable */
const char     *hd_journal_state_get_agent_id      (const HdJournalState *self);  /* nullable */
/* The queue the handoff is in now. */
const char     *hd_journal_state_get_queue         (const HdJournalState *self);  /* nullable */
/* Append-only logs of the state.  TURNS holds the transcript turns appended
 * after the offer (JSON objects as in a packet); QUEUES the queues the
 * handoff went through (string nodes); ANOMALIES notes on transitions the
 * state diagram does not allow (string nodes).  The others hold one entry
 * per event: {"time", "actor", "actor_id", "type", "payload"}. */
typedef enum
{
  HD_STATE_LOG_TURNS = 0,
  HD_STATE_LOG_VERIFICATIONS,
  HD_STATE_LOG_CASE_EDITS,
  HD_STATE_LOG_TRANSFERS,
  HD_STATE_LOG_SALESFORCE,   /* sf-request and sf-response */
  HD_STATE_LOG_SIGNALS,
  HD_STATE_LOG_REVEALS,
  HD_STATE_LOG_NOTES,
  HD_STATE_LOG_QUEUES,
  HD_STATE_LOG_ANOMALIES,
  HD_STATE_N_LOGS,
} HdStateLog;

/* The @n_items nodes of a log; borrowed, valid until the state changes. */
JsonNode * const *hd_journal_state_get_log         (const HdJournalState *self,
                                                    HdStateLog            log,
                                                    guint                *n_items);
/* Case fields as edited by the agent: field name → value (borrowed). */
GHashTable     *hd_journal_state_get_case_fields   (const HdJournalState *self);
guint           hd_journal_state_get_n_ignored     (const HdJournalState *self);
/* The last applied event's type and time (NULL before any). */
const char     *hd_journal_state_get_last_type     (const HdJournalState *self);
GDateTime      *hd_journal_state_get_last_time     (const HdJournalState *self);

/* A canonical, deterministic JSON dump of the whole state. */
char           *hd_journal_state_to_json           (const HdJournalState *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdJournalState, hd_journal_state_free)

G_END_DECLS
