/* hd-replay.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-handoff.h"
#include "hd-packet.h"
#include "hd-recording.h"

G_BEGIN_DECLS

#define HD_REPLAY_MIN_SPEED 1.0
#define HD_REPLAY_MAX_SPEED 16.0
/* Playing never waits longer than this between two events, at 1×. */
#define HD_REPLAY_MAX_GAP_USEC (3 * G_USEC_PER_SEC)

#define HD_TYPE_REPLAY (hd_replay_get_type ())

G_DECLARE_FINAL_TYPE (HdReplay, hd_replay, HD, REPLAY, GObject)

/* A cursor over a recording for Trainer mode: the state as of the current
 * event, stepping, seeking (scrubbing) and playing.
 *
 * "position" counts applied events: 0 is before the first event, n_events
 * after the last; the "current event" is event position - 1.  Every change of
 * position notifies "position" and emits "changed" once, after the state,
 * packet and transcript are up to date. */
HdReplay       *hd_replay_new                 (HdRecording  *recording);

HdRecording    *hd_replay_get_recording       (HdReplay     *self);
guint           hd_replay_get_n_events        (HdReplay     *self);
guint           hd_replay_get_position        (HdReplay     *self);
/* Moves to @position (clamped to n_events).  Cost: at most
 * HD_RECORDING_CHECKPOINT_INTERVAL events are applied. */
void            hd_replay_seek                (HdReplay     *self,
                                               guint         position);
/* One event forward or back (`→`/`←`); FALSE at either end. */
gboolean        hd_replay_step_forward        (HdReplay     *self);
gboolean        hd_replay_step_back           (HdReplay     *self);
/* The position of the event at or just before @time_usec (Unix µs), for a
 * timeline scrubbed by time. */
guint           hd_replay_position_for_time   (HdReplay     *self,
                                               gint64        time_usec);

/* The state as of the current position (borrowed). */
const HdJournalState *hd_replay_get_state     (HdReplay     *self);
/* The current event (borrowed), NULL at position 0. */
HdJournalEvent *hd_replay_get_current_event   (HdReplay     *self);
/* The offered packet parsed with the model parser (borrowed), or NULL before
 * the offer or when the journaled packet does not parse. */
HdPacket       *hd_replay_get_packet          (HdReplay     *self);
/* The turns appended after the offer, as of the position: a GListModel of
 * HdTurn that changes by splicing as the position moves (bind a list view). */
GListModel     *hd_replay_get_transcript      (HdReplay     *self);
/* An HdHandoff showing the state as of the position, for the same pane as
 * Agent mode; NULL before the offer.  A new object per call, O(turns). */
HdHandoff      *hd_replay_dup_handoff         (HdReplay     *self);

/* Playing: one event per recorded gap divided by @speed (1×–16×), gaps capped
 * at HD_REPLAY_MAX_GAP_USEC.  Stops at the end. */
void            hd_replay_set_speed           (HdReplay     *self,
                                               double        speed);
double          hd_replay_get_speed           (HdReplay     *self);
void            hd_replay_set_playing         (HdReplay     *self,
                                               gboolean      playing);
gboolean        hd_replay_get_playing         (HdReplay     *self);

G_END_DECLS
