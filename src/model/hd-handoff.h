/* hd-handoff.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-packet.h"

G_BEGIN_DECLS

/* The life of one queue item:
 *
 *   offered ─┬─ accepted ── wrapped-up
 *            ├─ declined
 *            ├─ expired     (the push expired: locally, or the router said so)
 *            └─ revoked     (customer abandoned, reassigned)
 *
 * "accepted" is only ever entered when the routing layer confirms it.  An
 * expired offer may still become accepted if the router confirms an accept it
 * received in time (the router is authoritative, the local clock is not). */
typedef enum
{
  HD_HANDOFF_STATE_OFFERED = 0,
  HD_HANDOFF_STATE_ACCEPTED,
  HD_HANDOFF_STATE_DECLINED,
  HD_HANDOFF_STATE_EXPIRED,
  HD_HANDOFF_STATE_REVOKED,
  HD_HANDOFF_STATE_WRAPPED_UP,
} HdHandoffState;

typedef enum
{
  HD_REVOKE_REASON_NONE = 0,
  HD_REVOKE_REASON_EXPIRED,
  HD_REVOKE_REASON_CUSTOMER_ABANDONED,
  HD_REVOKE_REASON_REASSIGNED,
} HdRevokeReason;

#define HD_TYPE_HANDOFF_STATE (hd_handoff_state_get_type ())
#define HD_TYPE_REVOKE_REASON (hd_revoke_reason_get_type ())
#define HD_TYPE_HANDOFF       (hd_handoff_get_type ())

GType hd_handoff_state_get_type (void) G_GNUC_CONST;
GType hd_revoke_reason_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (HdHandoff, hd_handoff, HD, HANDOFF, GObject)

/* Wire names: "offered", "accepted", ...; "expired", "customer_abandoned",
 * "reassigned".  from_string () returns FALSE for unknown names. */
const char     *hd_handoff_state_to_string   (HdHandoffState  state);
const char     *hd_revoke_reason_to_string   (HdRevokeReason  reason);
gboolean        hd_revoke_reason_from_string (const char     *name,
                                              HdRevokeReason *reason);
/* A translated, human-readable label ("Customer abandoned"). */
const char     *hd_revoke_reason_to_label    (HdRevokeReason  reason);

/* @expires_at: when the push offer lapses (may be NULL: never). */
HdHandoff      *hd_handoff_new               (HdPacket       *packet,
                                              GDateTime      *expires_at);

const char     *hd_handoff_get_handoff_id    (HdHandoff      *self);
HdPacket       *hd_handoff_get_packet        (HdHandoff      *self);
HdHandoffState  hd_handoff_get_state         (HdHandoff      *self);
HdRevokeReason  hd_handoff_get_revoke_reason (HdHandoff      *self);
/* The reason id the agent gave when declining ("busy", "wrong_skill",
 * "language", "other"), or NULL; kept so a declined offer can say why. */
const char     *hd_handoff_get_decline_reason (HdHandoff     *self);
GDateTime      *hd_handoff_get_offered_at    (HdHandoff      *self);
GDateTime      *hd_handoff_get_expires_at    (HdHandoff      *self);
GDateTime      *hd_handoff_get_sla_deadline  (HdHandoff      *self);
gboolean        hd_handoff_get_sla_breached  (HdHandoff      *self);
/* Convenience mirrors of the packet for list rows; priority and vulnerable
 * follow "update" messages that change them. */
const char     *hd_handoff_get_customer_name (HdHandoff      *self);
const char     *hd_handoff_get_intent        (HdHandoff      *self);
HdPriority      hd_handoff_get_priority      (HdHandoff      *self);
gboolean        hd_handoff_get_vulnerable    (HdHandoff      *self);
/* The live transcript: the packet's turns, then every appended turn.  A
 * GListModel of HdTurn; bind a list view to it to see appends. */
GListModel     *hd_handoff_get_transcript    (HdHandoff      *self);
/* Whether the offer still waits for the agent's answer. */
gboolean        hd_handoff_is_open           (HdHandoff      *self);
/* Seconds until the push expires (negative once past), at @now. */
GTimeSpan       hd_handoff_get_time_to_expiry (HdHandoff     *self,
                                               GDateTime     *now);

/* Mutators, for the feed client and the queue.  They return FALSE, changing
 * nothing, for a transition the state diagram above does not allow. */
gboolean        hd_handoff_transition        (HdHandoff      *self,
                                              HdHandoffState  state,
                                              HdRevokeReason  reason);
/* Set by the feed client as it sends the agent's decline. */
void            hd_handoff_set_decline_reason (HdHandoff     *self,
                                               const char    *reason);
void            hd_handoff_append_turn       (HdHandoff      *self,
                                              HdTurn         *turn);
void            hd_handoff_set_priority      (HdHandoff      *self,
                                              HdPriority      priority);
void            hd_handoff_set_vulnerable    (HdHandoff      *self,
                                              gboolean        vulnerable);
void            hd_handoff_set_sla_breached  (HdHandoff      *self,
                                              gboolean        breached);

G_END_DECLS
