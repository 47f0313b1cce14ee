/* hd-demo-router-streams.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-router"

#include "config.h"

#include "hd-demo-router-private.h"
#include "hd-demo-templates.h"
#include "hd-json-get.h"
#include "hd-time.h"

/* Streams and offers ---------------------------------------------------- */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

void
_hd_demo_router_stream_free (gpointer data)
{
  Stream *stream = data;

  g_queue_clear_full (&stream->log, entry_free);
  g_free (stream->agent_id);
  g_free (stream);
}

void
_hd_demo_router_offer_free (gpointer data)
{
  Offer *offer = data;

  g_free (offer->id);
  g_free (offer->agent_id);
  g_free (offer->queue_id);
  _hd_demo_router_offer_clear_supervision (offer);
  g_free (offer);
}

void
_hd_demo_router_conn_free (gpointer data)
{
  Conn *conn = data;

  g_signal_handlers_disconnect_by_data (conn->ws, conn);
  if (!conn->dropped && soup_websocket_connection_get_state (conn->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn->ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&conn->ws);
  g_clear_object (&conn->socket);
  g_clear_pointer (&conn->queue_ids, g_strfreev);
  g_free (conn);
}

void
_hd_demo_router_conn_send (Conn       *conn,
                           const char *text)
{
  if (soup_websocket_connection_get_state (conn->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (conn->ws, text);
}

void
_hd_demo_router_conn_send_take (Conn *conn,
                                char *text)
{
  _hd_demo_router_conn_send (conn, text);
  g_free (text);
}

Stream *
_hd_demo_router_ensure_stream (HdDemoRouter *self,
                               const char   *agent_id)
{
  Stream *stream = g_hash_table_lookup (self->streams, agent_id);

  if (stream == NULL)
    {
      stream = g_new0 (Stream, 1);
      stream->agent_id = g_strdup (agent_id);
      g_queue_init (&stream->log);
      g_hash_table_insert (self->streams, stream->agent_id, stream);
    }
  return stream;
}

/* Numbers, logs and sends one state-changing message. */
void
_hd_demo_router_emit_sequenced (HdDemoRouter *self,
                                Stream       *stream,
                                JsonObject   *object)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->seq = ++stream->last_seq;
  json_object_set_int_member (object, "seq", entry->seq);
  entry->text = hd_feed_object_to_text (object);
  json_object_unref (object);

  g_queue_push_tail (&stream->log, entry);
  while (stream->log.length > MAX (self->replay_window, 1))
    entry_free (g_queue_pop_head (&stream->log));

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->stream != stream)
        continue;
      _hd_demo_router_conn_send (conn, entry->text);
      if (self->duplicate_frames)
        _hd_demo_router_conn_send (conn, entry->text);
    }
}

void
_hd_demo_router_set_offer_state (HdDemoRouter   *self,
                                 Offer          *offer,
                                 HdHandoffState  state,
                                 const char     *event)
{
  offer->state = state;
  _hd_demo_router_broadcast (self, offer, event, NULL);
}

void
_hd_demo_router_revoke_offer (HdDemoRouter   *self,
                              Offer          *offer,
                              HdRevokeReason  reason)
{
  JsonObject *object;

  _hd_demo_router_set_offer_state (self, offer,
                   reason == HD_REVOKE_REASON_EXPIRED ? HD_HANDOFF_STATE_EXPIRED
                                                      : HD_HANDOFF_STATE_REVOKED,
                   hd_revoke_reason_to_string (reason));
  /* A handoff waiting in a queue after a transfer, or a simulated one, is in
   * no agent's push: the transferring agent keeps their accepted item. */
  if (offer->in_queue)
    return;

  object = hd_feed_object_new (HD_FEED_MSG_REVOKE, 0);
  json_object_set_string_member (object, "handoff_id", offer->id);
  json_object_set_string_member (object, "reason", hd_revoke_reason_to_string (reason));
  _hd_demo_router_emit_sequenced (self, _hd_demo_router_ensure_stream (self, offer->agent_id), object);
}

void
_hd_demo_router_emit_turn (HdDemoRouter *self,
                           Offer        *offer,
                           const char   *speaker,
                           const char   *text,
                           const char   *request_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = hd_time_format_rfc3339 (now, 6);
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_UPDATE, 0);
  JsonObject *turn = json_object_new ();
  JsonArray *turns = json_array_new ();

  json_object_set_string_member (turn, "speaker", speaker);
  json_object_set_string_member (turn, "time", at);
  json_object_set_string_member (turn, "text", text);
  json_array_add_object_element (turns, turn);
  json_object_set_string_member (object, "handoff_id", offer->id);
  json_object_set_array_member (object, "turns", turns);
  if (request_id != NULL)
    json_object_set_string_member (object, "request_id", request_id);
  _hd_demo_router_emit_sequenced (self, _hd_demo_router_ensure_stream (self, offer->agent_id), object);
}

/* The packet's routing.skill_group when it is a token, else "general". */
static const char *
packet_skill_group (JsonNode *packet)
{
  JsonObject *routing = NULL;
  JsonNode *skill;

  if (packet != NULL && JSON_NODE_HOLDS_OBJECT (packet))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (packet), "routing");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        routing = json_node_get_object (node);
    }
  skill = routing != NULL ? json_object_get_member (routing, "skill_group") : NULL;
  if (skill != NULL && JSON_NODE_HOLDS_VALUE (skill) && json_node_get_value_type (skill) == G_TYPE_STRING &&
      *json_node_get_string (skill) != '\0')
    return json_node_get_string (skill);
  return "general";
}

static char *
offer_packet (HdDemoRouter *self,
              const char   *agent_id,
              JsonNode     *packet,
              int           template_index)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, self->offer_ttl_s);
  g_autofree char *expires_text = hd_time_format_rfc3339 (expires, 6);
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_OFFER, 0);
  Offer *offer = g_new0 (Offer, 1);
  const char *id = NULL;
  gint64 mono = g_get_monotonic_time ();

  if (JSON_NODE_HOLDS_OBJECT (packet))
    id = hd_json_get_string (json_node_get_object (packet), "handoff_id", NULL);
  offer->id = id != NULL ? g_strdup (id)
                         : g_strdup_printf ("ho-%.6s-%06" G_GUINT64_FORMAT, self->stream_id,
                                            ++self->next_offer_no);
  offer->agent_id = g_strdup (agent_id);
  offer->template_index = template_index;
  /* A bot's escalation (the intake) names its queue in the packet's routing. */
  offer->queue_id = g_strdup (template_index >= 0 ? hd_demo_template_get_queue (template_index)
                                                  : packet_skill_group (packet));
  offer->state = HD_HANDOFF_STATE_OFFERED;
  offer->expires_mono = mono + (gint64) self->offer_ttl_s * G_USEC_PER_SEC;
  offer->next_turn_mono = mono + (gint64) self->turn_interval_ms * 1000;
  _hd_demo_router_offer_describe (self, offer, packet);
  g_hash_table_replace (self->offers, offer->id, offer);

  json_object_set_string_member (object, "handoff_id", offer->id);
  json_object_set_string_member (object, "queue_id", offer->queue_id);
  json_object_set_string_member (object, "expires_at", expires_text);
  json_object_set_member (object, "packet", json_node_ref (packet));
  _hd_demo_router_emit_sequenced (self, _hd_demo_router_ensure_stream (self, agent_id), object);
  _hd_demo_router_broadcast (self, offer, "offered", NULL);

  return g_strdup (offer->id);
}

char *
hd_demo_router_push_offer (HdDemoRouter *self,
                           const char   *agent_id,
                           int           template_index)
{
  g_autoptr(JsonNode) packet = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = NULL;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);
  g_return_val_if_fail (agent_id != NULL, NULL);
  g_return_val_if_fail (template_index < (int) hd_demo_templates_get_n (), NULL);

  if (template_index < 0)
    template_index = g_rand_int_range (self->rand, 0, (gint32) hd_demo_templates_get_n ());

  id = g_strdup_printf ("ho-%.6s-%06" G_GUINT64_FORMAT, self->stream_id, ++self->next_offer_no);
  packet = hd_demo_template_build ((guint) template_index, id, now);
  return offer_packet (self, agent_id, packet, template_index);
}

char *
hd_demo_router_push_packet (HdDemoRouter *self,
                            const char   *agent_id,
                            JsonNode     *packet)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);
  g_return_val_if_fail (agent_id != NULL, NULL);
  g_return_val_if_fail (packet != NULL, NULL);

  return offer_packet (self, agent_id, packet, -1);
}

char *
hd_demo_router_push_invalid_offer (HdDemoRouter *self,
                                   const char   *agent_id)
{
  g_autoptr(JsonNode) packet = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = NULL;
  JsonObject *object;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);

  id = g_strdup_printf ("ho-%.6s-%06" G_GUINT64_FORMAT, self->stream_id, ++self->next_offer_no);
  packet = hd_demo_template_build (0, id, now);
  object = json_node_get_object (packet);
  /* A verification method no schema knows. */
  json_object_set_string_member (json_object_get_object_member (object, "verification"),
                                 "method", "retina");
  return offer_packet (self, agent_id, packet, -1);
}

gboolean
hd_demo_router_push_turn (HdDemoRouter *self,
                          const char   *handoff_id,
                          const char   *text)
{
  Offer *offer;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL && text != NULL, FALSE);

  if ((offer = g_hash_table_lookup (self->offers, handoff_id)) == NULL)
    return FALSE;
  _hd_demo_router_emit_turn (self, offer, "customer", text, NULL);
  return TRUE;
}

gboolean
hd_demo_router_revoke (HdDemoRouter   *self,
                       const char     *handoff_id,
                       HdRevokeReason  reason)
{
  Offer *offer;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL, FALSE);

  offer = g_hash_table_lookup (self->offers, handoff_id);
  if (offer == NULL || offer->state != HD_HANDOFF_STATE_OFFERED)
    return FALSE;
  _hd_demo_router_revoke_offer (self, offer, reason == HD_REVOKE_REASON_NONE ? HD_REVOKE_REASON_REASSIGNED : reason);
  return TRUE;
}

const char *
hd_demo_router_get_offer_state (HdDemoRouter *self,
                                const char   *handoff_id)
{
  Offer *offer;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);

  offer = g_hash_table_lookup (self->offers, handoff_id);
  return offer != NULL ? hd_handoff_state_to_string (offer->state) : NULL;
}

const char *
hd_demo_router_get_offer_queue (HdDemoRouter *self,
                                const char   *handoff_id)
{
  Offer *offer;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);

  offer = g_hash_table_lookup (self->offers, handoff_id);
  return offer != NULL ? offer->queue_id : NULL;
}

gint64
hd_demo_router_get_acked_seq (HdDemoRouter *self,
                              const char   *agent_id)
{
  Stream *stream;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), 0);

  stream = g_hash_table_lookup (self->streams, agent_id);
  return stream != NULL ? stream->acked : 0;
}

guint
hd_demo_router_get_n_connections (HdDemoRouter *self)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), 0);
  return self->conns->len;
}

guint
hd_demo_router_get_n_handshakes (HdDemoRouter *self)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), 0);
  return self->n_handshakes;
}

guint
hd_demo_router_get_n_auth_refused (HdDemoRouter *self)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), 0);
  return self->n_auth_refused;
}
