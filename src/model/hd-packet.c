/* hd-packet.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet"

#include "config.h"

#include "hd-display-names.h"
#include "hd-packet-private.h"

G_DEFINE_FINAL_TYPE (HdPacket, hd_packet, G_TYPE_OBJECT)

static void
hd_packet_finalize (GObject *object)
{
  HdPacket *self = HD_PACKET (object);

  g_free (self->schema_version);
  g_free (self->handoff_id);
  g_free (self->conversation_id);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self->bot_id);
  g_free (self->bot_flow);
  g_free (self->bot_flow_label);
  g_clear_object (&self->customer);
  g_clear_object (&self->verification);
  g_free (self->primary_intent_name);
  g_clear_object (&self->primary_intent);
  g_clear_object (&self->intents);
  g_clear_object (&self->entities);
  g_clear_object (&self->transcript);
  g_clear_object (&self->summary);
  g_clear_object (&self->routing);
  g_clear_object (&self->case_fields);
  g_clear_object (&self->completeness);

  G_OBJECT_CLASS (hd_packet_parent_class)->finalize (object);
}

static void
hd_packet_class_init (HdPacketClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_packet_finalize;
}

static void
hd_packet_init (HdPacket *self)
{
}

const char *
hd_packet_get_schema_version (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->schema_version;
}

const char *
hd_packet_get_handoff_id (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->handoff_id;
}

const char *
hd_packet_get_conversation_id (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->conversation_id;
}

GDateTime *
hd_packet_get_created_at (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->created_at;
}

const char *
hd_packet_get_bot_id (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->bot_id;
}

const char *
hd_packet_get_bot_flow (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->bot_flow;
}

const char *
hd_packet_get_bot_flow_label (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->bot_flow_label;
}

char *
hd_packet_dup_bot_flow_name (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return hd_display_name_choose (self->bot_flow_label, self->bot_flow);
}

HdCustomer *
hd_packet_get_customer (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->customer;
}

HdVerification *
hd_packet_get_verification (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->verification;
}

GListModel *
hd_packet_get_intents (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return G_LIST_MODEL (self->intents);
}

HdIntent *
hd_packet_get_primary_intent (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->primary_intent;
}

GListModel *
hd_packet_get_entities (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return G_LIST_MODEL (self->entities);
}

GListModel *
hd_packet_get_transcript (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return G_LIST_MODEL (self->transcript);
}

HdSummary *
hd_packet_get_summary (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->summary;
}

HdRouting *
hd_packet_get_routing (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->routing;
}

HdCaseFields *
hd_packet_get_case_fields (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);
  return self->case_fields;
}

guint
hd_packet_get_unknown_field_count (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), 0);
  return self->unknown_field_count;
}

HdCompleteness *
hd_packet_get_completeness (HdPacket *self)
{
  g_return_val_if_fail (HD_IS_PACKET (self), NULL);

  /* Computed on first use: most packets parsed by the queue are never opened.
   * Packets are shared between threads, hence the compare-and-exchange. */
  if (g_atomic_pointer_get (&self->completeness) == NULL)
    {
      HdCompleteness *completeness = _hd_completeness_new_for_packet (self);

      if (!g_atomic_pointer_compare_and_exchange (&self->completeness, NULL, completeness))
        g_object_unref (completeness);
    }

  return g_atomic_pointer_get (&self->completeness);
}

static gboolean
list_contains (GListModel *list,
               gpointer    item)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (list, i);

      if (candidate == item)
        return TRUE;
    }
  return FALSE;
}

char *
hd_packet_reveal_account_id (HdPacket     *packet,
                             HdAccountRef *ref)
{
  g_return_val_if_fail (HD_IS_PACKET (packet), NULL);
  g_return_val_if_fail (HD_IS_ACCOUNT_REF (ref), NULL);

  /* Only the customer record's own references: an account reference from
   * another packet must not reveal through this one. */
  if (!list_contains (G_LIST_MODEL (packet->customer->accounts), ref) &&
      !list_contains (G_LIST_MODEL (packet->customer->linked_accounts), ref))
    return NULL;

  return g_strdup (ref->raw_id);
}

char *
hd_packet_format_token (const char *token)
{
  return hd_display_name_for_token (token);
}
