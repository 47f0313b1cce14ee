/* hd-handoff.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-handoff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-handoff.h"

struct _HdHandoff
{
  GObject         parent_instance;

  HdPacket       *packet;        /* owned, immutable */
  HdHandoffState  state;
  HdRevokeReason  revoke_reason;
  char           *decline_reason; /* owned, nullable: the agent's reason id */
  GDateTime      *offered_at;    /* owned */
  GDateTime      *expires_at;    /* owned, nullable */
  GDateTime      *sla_deadline;  /* owned, nullable */
  gboolean        sla_breached;
  HdPriority      priority;
  gboolean        vulnerable;
  GListStore     *transcript;    /* owned, of HdTurn */
};

G_DEFINE_FINAL_TYPE (HdHandoff, hd_handoff, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HdHandoffState, hd_handoff_state,
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_OFFERED, "offered"),
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_ACCEPTED, "accepted"),
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_DECLINED, "declined"),
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_EXPIRED, "expired"),
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_REVOKED, "revoked"),
                    G_DEFINE_ENUM_VALUE (HD_HANDOFF_STATE_WRAPPED_UP, "wrapped-up"))

G_DEFINE_ENUM_TYPE (HdRevokeReason, hd_revoke_reason,
                    G_DEFINE_ENUM_VALUE (HD_REVOKE_REASON_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (HD_REVOKE_REASON_EXPIRED, "expired"),
                    G_DEFINE_ENUM_VALUE (HD_REVOKE_REASON_CUSTOMER_ABANDONED, "customer-abandoned"),
                    G_DEFINE_ENUM_VALUE (HD_REVOKE_REASON_REASSIGNED, "reassigned"))

enum {
  PROP_0,
  PROP_HANDOFF_ID,
  PROP_PACKET,
  PROP_STATE,
  PROP_REVOKE_REASON,
  PROP_OFFERED_AT,
  PROP_EXPIRES_AT,
  PROP_SLA_DEADLINE,
  PROP_SLA_BREACHED,
  PROP_CUSTOMER_NAME,
  PROP_INTENT,
  PROP_PRIORITY,
  PROP_VULNERABLE,
  PROP_TRANSCRIPT,
  PROP_IS_OPEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  "offered", "accepted", "declined", "expired", "revoked", "wrapped_up",
};

static const char * const reason_names[] = {
  NULL, "expired", "customer_abandoned", "reassigned",
};

const char *
hd_handoff_state_to_string (HdHandoffState state)
{
  if ((guint) state >= G_N_ELEMENTS (state_names))
    return NULL;
  return state_names[state];
}

const char *
hd_revoke_reason_to_string (HdRevokeReason reason)
{
  if ((guint) reason >= G_N_ELEMENTS (reason_names))
    return NULL;
  return reason_names[reason];
}

gboolean
hd_revoke_reason_from_string (const char     *name,
                              HdRevokeReason *reason)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 1; i < G_N_ELEMENTS (reason_names); i++)
    if (g_str_equal (reason_names[i], name))
      {
        *reason = (HdRevokeReason) i;
        return TRUE;
      }

  return FALSE;
}

const char *
hd_revoke_reason_to_label (HdRevokeReason reason)
{
  switch (reason)
    {
    case HD_REVOKE_REASON_EXPIRED:
      return _("The offer expired");
    case HD_REVOKE_REASON_CUSTOMER_ABANDONED:
      return _("The customer left");
    case HD_REVOKE_REASON_REASSIGNED:
      return _("Reassigned to another agent");
    case HD_REVOKE_REASON_NONE:
    default:
      return "";
    }
}

static void
hd_handoff_finalize (GObject *object)
{
  HdHandoff *self = HD_HANDOFF (object);

  g_clear_object (&self->packet);
  g_clear_pointer (&self->offered_at, g_date_time_unref);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_clear_pointer (&self->sla_deadline, g_date_time_unref);
  g_clear_object (&self->transcript);
  g_free (self->decline_reason);

  G_OBJECT_CLASS (hd_handoff_parent_class)->finalize (object);
}

static void
hd_handoff_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdHandoff *self = HD_HANDOFF (object);

  switch (prop_id)
    {
    case PROP_HANDOFF_ID:
      g_value_set_string (value, hd_handoff_get_handoff_id (self));
      break;
    case PROP_PACKET:
      g_value_set_object (value, self->packet);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_REVOKE_REASON:
      g_value_set_enum (value, self->revoke_reason);
      break;
    case PROP_OFFERED_AT:
      g_value_set_boxed (value, self->offered_at);
      break;
    case PROP_EXPIRES_AT:
      g_value_set_boxed (value, self->expires_at);
      break;
    case PROP_SLA_DEADLINE:
      g_value_set_boxed (value, self->sla_deadline);
      break;
    case PROP_SLA_BREACHED:
      g_value_set_boolean (value, self->sla_breached);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, hd_handoff_get_customer_name (self));
      break;
    case PROP_INTENT:
      g_value_set_string (value, hd_handoff_get_intent (self));
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_VULNERABLE:
      g_value_set_boolean (value, self->vulnerable);
      break;
    case PROP_TRANSCRIPT:
      g_value_set_object (value, self->transcript);
      break;
    case PROP_IS_OPEN:
      g_value_set_boolean (value, hd_handoff_is_open (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_handoff_class_init (HdHandoffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hd_handoff_finalize;
  object_class->get_property = hd_handoff_get_property;

  properties[PROP_HANDOFF_ID] = g_param_spec_string ("handoff-id", NULL, NULL, NULL, ro);
  properties[PROP_PACKET] = g_param_spec_object ("packet", NULL, NULL, HD_TYPE_PACKET, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, HD_TYPE_HANDOFF_STATE,
                                              HD_HANDOFF_STATE_OFFERED, ro);
  properties[PROP_REVOKE_REASON] = g_param_spec_enum ("revoke-reason", NULL, NULL,
                                                      HD_TYPE_REVOKE_REASON,
                                                      HD_REVOKE_REASON_NONE, ro);
  properties[PROP_OFFERED_AT] = g_param_spec_boxed ("offered-at", NULL, NULL,
                                                    G_TYPE_DATE_TIME, ro);
  properties[PROP_EXPIRES_AT] = g_param_spec_boxed ("expires-at", NULL, NULL,
                                                    G_TYPE_DATE_TIME, ro);
  properties[PROP_SLA_DEADLINE] = g_param_spec_boxed ("sla-deadline", NULL, NULL,
                                                      G_TYPE_DATE_TIME, ro);
  properties[PROP_SLA_BREACHED] = g_param_spec_boolean ("sla-breached", NULL, NULL, FALSE, ro);
  properties[PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, NULL, ro);
  properties[PROP_INTENT] = g_param_spec_string ("intent", NULL, NULL, NULL, ro);
  properties[PROP_PRIORITY] = g_param_spec_enum ("priority", NULL, NULL, HD_TYPE_PRIORITY,
                                                 HD_PRIORITY_UNKNOWN, ro);
  properties[PROP_VULNERABLE] = g_param_spec_boolean ("vulnerable", NULL, NULL, FALSE, ro);
  properties[PROP_TRANSCRIPT] = g_param_spec_object ("transcript", NULL, NULL,
                                                     G_TYPE_LIST_MODEL, ro);
  properties[PROP_IS_OPEN] = g_param_spec_boolean ("is-open", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_handoff_init (HdHandoff *self)
{
  self->transcript = g_list_store_new (HD_TYPE_TURN);
  self->offered_at = g_date_time_new_now_utc ();
}

HdHandoff *
hd_handoff_new (HdPacket  *packet,
                GDateTime *expires_at)
{
  HdHandoff *self;
  HdRouting *routing;
  GListModel *turns;
  guint n;

  g_return_val_if_fail (HD_IS_PACKET (packet), NULL);
  g_return_val_if_fail (hd_packet_get_handoff_id (packet) != NULL, NULL);

  self = g_object_new (HD_TYPE_HANDOFF, NULL);
  self->packet = g_object_ref (packet);
  self->expires_at = expires_at != NULL ? g_date_time_ref (expires_at) : NULL;

  routing = hd_packet_get_routing (packet);
  self->sla_deadline = hd_routing_dup_sla_deadline (routing);
  self->priority = hd_routing_get_priority (routing);
  self->vulnerable = hd_routing_get_vulnerable (routing);

  turns = hd_packet_get_transcript (packet);
  n = g_list_model_get_n_items (turns);
  if (n > 0)
    {
      g_autofree gpointer *items = g_new (gpointer, n);

      for (guint i = 0; i < n; i++)
        items[i] = g_list_model_get_item (turns, i);
      g_list_store_splice (self->transcript, 0, 0, items, n);
      for (guint i = 0; i < n; i++)
        g_object_unref (items[i]);
    }

  return self;
}

const char *
hd_handoff_get_handoff_id (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->packet != NULL ? hd_packet_get_handoff_id (self->packet) : NULL;
}

HdPacket *
hd_handoff_get_packet (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->packet;
}

HdHandoffState
hd_handoff_get_state (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), HD_HANDOFF_STATE_OFFERED);
  return self->state;
}

HdRevokeReason
hd_handoff_get_revoke_reason (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), HD_REVOKE_REASON_NONE);
  return self->revoke_reason;
}

GDateTime *
hd_handoff_get_offered_at (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->offered_at;
}

GDateTime *
hd_handoff_get_expires_at (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->expires_at;
}

GDateTime *
hd_handoff_get_sla_deadline (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->sla_deadline;
}

gboolean
hd_handoff_get_sla_breached (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), FALSE);
  return self->sla_breached;
}

const char *
hd_handoff_get_customer_name (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->packet != NULL ? hd_customer_get_name (hd_packet_get_customer (self->packet)) : NULL;
}

const char *
hd_handoff_get_intent (HdHandoff *self)
{
  HdIntent *intent;

  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);

  if (self->packet == NULL || (intent = hd_packet_get_primary_intent (self->packet)) == NULL)
    return NULL;
  return hd_intent_get_name (intent);
}

HdPriority
hd_handoff_get_priority (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), HD_PRIORITY_UNKNOWN);
  return self->priority;
}

gboolean
hd_handoff_get_vulnerable (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), FALSE);
  return self->vulnerable;
}

GListModel *
hd_handoff_get_transcript (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return G_LIST_MODEL (self->transcript);
}

gboolean
hd_handoff_is_open (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), FALSE);
  return self->state == HD_HANDOFF_STATE_OFFERED;
}

GTimeSpan
hd_handoff_get_time_to_expiry (HdHandoff *self,
                               GDateTime *now)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  if (self->expires_at == NULL)
    return G_MAXINT64;
  return g_date_time_difference (self->expires_at, now);
}

static gboolean
transition_allowed (HdHandoffState from,
                    HdHandoffState to)
{
  switch (from)
    {
    case HD_HANDOFF_STATE_OFFERED:
      return to != HD_HANDOFF_STATE_OFFERED && to != HD_HANDOFF_STATE_WRAPPED_UP;
    case HD_HANDOFF_STATE_EXPIRED:
      /* The router may still confirm an accept, or formally revoke. */
      return to == HD_HANDOFF_STATE_ACCEPTED || to == HD_HANDOFF_STATE_REVOKED;
    case HD_HANDOFF_STATE_ACCEPTED:
      return to == HD_HANDOFF_STATE_WRAPPED_UP || to == HD_HANDOFF_STATE_REVOKED;
    case HD_HANDOFF_STATE_DECLINED:
    case HD_HANDOFF_STATE_REVOKED:
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      return FALSE;
    }
}

gboolean
hd_handoff_transition (HdHandoff      *self,
                       HdHandoffState  state,
                       HdRevokeReason  reason)
{
  gboolean was_open;

  g_return_val_if_fail (HD_IS_HANDOFF (self), FALSE);

  /* A revoke for expiry is the router's word on an expiry. */
  if (state == HD_HANDOFF_STATE_REVOKED && reason == HD_REVOKE_REASON_EXPIRED)
    state = HD_HANDOFF_STATE_EXPIRED;
  if (state == HD_HANDOFF_STATE_EXPIRED)
    reason = HD_REVOKE_REASON_EXPIRED;
  if (state != HD_HANDOFF_STATE_EXPIRED && state != HD_HANDOFF_STATE_REVOKED)
    reason = HD_REVOKE_REASON_NONE;

  if (state == self->state)
    return reason == self->revoke_reason;
  if (!transition_allowed (self->state, state))
    return FALSE;

  was_open = hd_handoff_is_open (self);
  /* Both are set before either is notified: whoever watches "state" (the
   * journal) reads the reason of the new state, not of the old one. */
  self->state = state;
  if (reason != self->revoke_reason)
    {
      self->revoke_reason = reason;
      g_object_freeze_notify (G_OBJECT (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVOKE_REASON]);
      g_object_thaw_notify (G_OBJECT (self));
    }
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (was_open != hd_handoff_is_open (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_OPEN]);

  return TRUE;
}

void
hd_handoff_append_turn (HdHandoff *self,
                        HdTurn    *turn)
{
  g_return_if_fail (HD_IS_HANDOFF (self));
  g_return_if_fail (HD_IS_TURN (turn));

  g_list_store_append (self->transcript, turn);
}

void
hd_handoff_set_priority (HdHandoff  *self,
                         HdPriority  priority)
{
  g_return_if_fail (HD_IS_HANDOFF (self));

  if (self->priority == priority)
    return;
  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

void
hd_handoff_set_vulnerable (HdHandoff *self,
                           gboolean   vulnerable)
{
  g_return_if_fail (HD_IS_HANDOFF (self));

  vulnerable = !!vulnerable;
  if (self->vulnerable == vulnerable)
    return;
  self->vulnerable = vulnerable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VULNERABLE]);
}

void
hd_handoff_set_sla_breached (HdHandoff *self,
                             gboolean   breached)
{
  g_return_if_fail (HD_IS_HANDOFF (self));

  breached = !!breached;
  if (self->sla_breached == breached)
    return;
  self->sla_breached = breached;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLA_BREACHED]);
}

const char *
hd_handoff_get_decline_reason (HdHandoff *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF (self), NULL);
  return self->decline_reason;
}

void
hd_handoff_set_decline_reason (HdHandoff  *self,
                               const char *reason)
{
  g_return_if_fail (HD_IS_HANDOFF (self));

  g_free (self->decline_reason);
  self->decline_reason = g_strdup (reason);
}
