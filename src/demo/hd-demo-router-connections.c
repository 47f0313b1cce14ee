/* hd-demo-router-connections.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-router"

#include "config.h"

#include "hd-demo-router-private.h"
#include "hd-json-get.h"

/* Client messages ------------------------------------------------------- */

static void
send_error (Conn          *conn,
            const char    *code,
            const char    *message,
            HdFeedMessage *request)
{
  _hd_demo_router_conn_send_take (conn, hd_feed_build_error (code, message,
                                             request != NULL ? request->request_id : NULL,
                                             request != NULL ? request->handoff_id : NULL));
}

static void
handle_hello (HdDemoRouter  *self,
              Conn          *conn,
              HdFeedMessage *message)
{
  const char *agent_id = hd_json_get_string (message->body, "agent_id", NULL);
  const char *stream_id = hd_json_get_string (message->body, "stream_id", NULL);
  gint64 resume_after = hd_json_get_int (message->body, "resume_after", 0);
  Stream *stream;
  Entry *first;
  gboolean resumed;

  if (agent_id == NULL || *agent_id == '\0')
    {
      send_error (conn, "bad_request", "hello needs an agent_id", message);
      return;
    }

  /* One live connection per agent: a newer one supersedes the older. */
  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *other = g_ptr_array_index (self->conns, i);

      if (other != conn && other->stream != NULL && g_str_equal (other->stream->agent_id, agent_id))
        {
          other->stream = NULL;
          soup_websocket_connection_close (other->ws, HD_FEED_CLOSE_SUPERSEDED, "superseded");
        }
    }

  stream = _hd_demo_router_ensure_stream (self, agent_id);
  /* A sequence from another stream (another router) means nothing here. */
  if (stream_id != NULL && !g_str_equal (stream_id, self->stream_id))
    resume_after = 0;
  if (resume_after < 0 || resume_after > stream->last_seq)
    resume_after = 0;

  /* Resuming after a sequence acknowledges it. */
  stream->acked = MAX (stream->acked, resume_after);

  first = g_queue_peek_head (&stream->log);
  resumed = first == NULL ? TRUE : first->seq <= resume_after + 1;
  conn->stream = stream;

  _hd_demo_router_conn_send_take (conn, hd_feed_build_welcome (self->stream_id, self->heartbeat_ms,
                                               stream->last_seq, resumed, TRUE));
  for (GList *l = stream->log.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->seq > resume_after)
        {
          _hd_demo_router_conn_send (conn, entry->text);
          if (self->duplicate_frames)
            _hd_demo_router_conn_send (conn, entry->text);
        }
    }
}

static Offer *
lookup_own_offer (HdDemoRouter  *self,
                  Conn          *conn,
                  HdFeedMessage *message)
{
  Offer *offer = message->handoff_id != NULL
                 ? g_hash_table_lookup (self->offers, message->handoff_id) : NULL;

  if (offer == NULL || !g_str_equal (offer->agent_id, conn->stream->agent_id))
    {
      send_error (conn, "not_found", "no such handoff for this agent", message);
      return NULL;
    }
  return offer;
}

static JsonObject *
new_confirmation (HdFeedMessageType  type,
                  Offer             *offer,
                  HdFeedMessage     *message)
{
  JsonObject *object = hd_feed_object_new (type, 0);

  json_object_set_string_member (object, "handoff_id", offer->id);
  if (message->request_id != NULL)
    json_object_set_string_member (object, "request_id", message->request_id);
  return object;
}

static void
handle_agent_request (HdDemoRouter  *self,
                      Conn          *conn,
                      HdFeedMessage *message)
{
  Offer *offer = lookup_own_offer (self, conn, message);

  if (offer == NULL)
    return;

  switch (message->type)
    {
    case HD_FEED_MSG_ACCEPT:
      if (offer->state != HD_HANDOFF_STATE_OFFERED)
        {
          send_error (conn, "offer_unavailable", "the offer is no longer open", message);
          return;
        }
      _hd_demo_router_set_offer_state (self, offer, HD_HANDOFF_STATE_ACCEPTED, "accepted");
      _hd_demo_router_emit_sequenced (self, conn->stream, new_confirmation (HD_FEED_MSG_ASSIGNED, offer, message));
      break;

    case HD_FEED_MSG_DECLINE:
      if (offer->state != HD_HANDOFF_STATE_OFFERED)
        {
          send_error (conn, "offer_unavailable", "the offer is no longer open", message);
          return;
        }
      _hd_demo_router_set_offer_state (self, offer, HD_HANDOFF_STATE_DECLINED, "declined");
      _hd_demo_router_emit_sequenced (self, conn->stream, new_confirmation (HD_FEED_MSG_DECLINED, offer, message));
      break;

    case HD_FEED_MSG_WRAP_UP:
      if (offer->transferred_from != NULL && !offer->leg_wrapped)
        {
          /* The transferring agent wraps up their part; the handoff itself
           * concludes in the queue it went to. */
          offer->leg_wrapped = TRUE;
        }
      else if (offer->state != HD_HANDOFF_STATE_ACCEPTED)
        {
          send_error (conn, "not_assigned", "the handoff is not assigned to you", message);
          return;
        }
      else
        {
          JsonNode *resolved = json_object_get_member (message->body, "resolved");
          JsonObject *extra = json_object_new ();

          if (resolved != NULL && JSON_NODE_HOLDS_VALUE (resolved) &&
              json_node_get_value_type (resolved) == G_TYPE_BOOLEAN)
            json_object_set_boolean_member (extra, "resolved", json_node_get_boolean (resolved));
          offer->state = HD_HANDOFF_STATE_WRAPPED_UP;
          _hd_demo_router_broadcast (self, offer, "wrapped_up", extra);
        }
      _hd_demo_router_emit_sequenced (self, conn->stream, new_confirmation (HD_FEED_MSG_WRAPPED_UP, offer, message));
      break;

    case HD_FEED_MSG_AGENT_MESSAGE:
      {
        const char *text = hd_json_get_string (message->body, "text", NULL);

        if (offer->state != HD_HANDOFF_STATE_ACCEPTED)
          send_error (conn, "not_assigned", "the handoff is not assigned to you", message);
        else if (text == NULL || *text == '\0')
          send_error (conn, "bad_request", "agent_message needs a text", message);
        else
          _hd_demo_router_emit_turn (self, offer, "agent", text, message->request_id);
      }
      break;

    case HD_FEED_MSG_AGENT_SIGNAL:
      _hd_demo_router_handle_signal (self, conn, offer, message);
      break;

    case HD_FEED_MSG_UNKNOWN:
    case HD_FEED_MSG_HELLO:
    case HD_FEED_MSG_ACK:
    case HD_FEED_MSG_STATUS:
    case HD_FEED_MSG_SUPERVISOR_SUBSCRIBE:
    case HD_FEED_MSG_WELCOME:
    case HD_FEED_MSG_HEARTBEAT:
    case HD_FEED_MSG_OFFER:
    case HD_FEED_MSG_UPDATE:
    case HD_FEED_MSG_REVOKE:
    case HD_FEED_MSG_ASSIGNED:
    case HD_FEED_MSG_DECLINED:
    case HD_FEED_MSG_WRAPPED_UP:
    case HD_FEED_MSG_QUEUE_SNAPSHOT:
    case HD_FEED_MSG_QUEUE_EVENT:
    case HD_FEED_MSG_ERROR:
    case HD_FEED_MSG_SUPERVISOR_FETCH:
    case HD_FEED_MSG_SIGNAL_RECORDED:
    case HD_FEED_MSG_HANDOFF_DETAIL:
    default:
      g_assert_not_reached ();
    }
}

static void
on_message_cb (SoupWebsocketConnection *ws,
               gint                     type,
               GBytes                  *bytes,
               gpointer                 user_data)
{
  Conn *conn = user_data;
  HdDemoRouter *self = conn->router;
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      send_error (conn, "bad_request", "only text frames are allowed", NULL);
      return;
    }

  message = hd_feed_message_parse (data, length, MAX_CLIENT_FRAME, &error);
  if (message == NULL)
    {
      send_error (conn, "bad_request", error->message, NULL);
      return;
    }

  if (message->type == HD_FEED_MSG_HELLO)
    {
      handle_hello (self, conn, message);
      return;
    }
  if (message->type == HD_FEED_MSG_SUPERVISOR_SUBSCRIBE)
    {
      JsonNode *node = json_object_get_member (message->body, "queue_ids");
      JsonArray *ids = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
        {
          const char *id = json_node_get_string (json_array_get_element (ids, i));

          if (id != NULL)
            g_strv_builder_add (builder, id);
        }
      g_clear_pointer (&conn->queue_ids, g_strfreev);
      conn->queue_ids = g_strv_builder_end (builder);
      conn->supervisor = TRUE;
      _hd_demo_router_send_snapshot (self, conn);
      return;
    }
  if (message->type == HD_FEED_MSG_SUPERVISOR_FETCH)
    {
      _hd_demo_router_handle_fetch (self, conn, message);
      return;
    }
  if (conn->stream == NULL)
    {
      send_error (conn, "hello_required", "say hello first", message);
      return;
    }

  switch (message->type)
    {
    case HD_FEED_MSG_ACK:
      conn->stream->acked = MAX (conn->stream->acked,
                                 MIN (hd_json_get_int (message->body, "seq", 0),
                                      conn->stream->last_seq));
      break;

    case HD_FEED_MSG_STATUS:
      if (!hd_feed_agent_status_from_string (hd_json_get_string (message->body, "status", NULL),
                                             &conn->status))
        send_error (conn, "bad_request", "unknown status", message);
      else
        _hd_demo_router_send_snapshot_all (self);  /* agent counts changed */
      break;

    case HD_FEED_MSG_ACCEPT:
    case HD_FEED_MSG_DECLINE:
    case HD_FEED_MSG_WRAP_UP:
    case HD_FEED_MSG_AGENT_MESSAGE:
    case HD_FEED_MSG_AGENT_SIGNAL:
      handle_agent_request (self, conn, message);
      break;

    case HD_FEED_MSG_UNKNOWN:
    case HD_FEED_MSG_HELLO:
    case HD_FEED_MSG_SUPERVISOR_SUBSCRIBE:
    case HD_FEED_MSG_WELCOME:
    case HD_FEED_MSG_HEARTBEAT:
    case HD_FEED_MSG_OFFER:
    case HD_FEED_MSG_UPDATE:
    case HD_FEED_MSG_REVOKE:
    case HD_FEED_MSG_ASSIGNED:
    case HD_FEED_MSG_DECLINED:
    case HD_FEED_MSG_WRAPPED_UP:
    case HD_FEED_MSG_QUEUE_SNAPSHOT:
    case HD_FEED_MSG_QUEUE_EVENT:
    case HD_FEED_MSG_ERROR:
    case HD_FEED_MSG_SUPERVISOR_FETCH:
    case HD_FEED_MSG_SIGNAL_RECORDED:
    case HD_FEED_MSG_HANDOFF_DETAIL:
    default:
      send_error (conn, "unknown_type", "the router does not handle this message type", message);
      break;
    }
}

static void
on_closed_cb (SoupWebsocketConnection *ws,
              gpointer                 user_data)
{
  Conn *conn = user_data;

  g_debug ("connection closed (%u)", soup_websocket_connection_get_close_code (ws));
  g_ptr_array_remove (conn->router->conns, conn);  /* frees conn */
}

static void
on_error_cb (SoupWebsocketConnection *ws,
             GError                  *error,
             gpointer                 user_data)
{
  g_debug ("connection error: %s", error->message);
}

void
_hd_demo_router_websocket_cb (SoupServer              *server,
                              SoupServerMessage       *msg,
                              const char              *path,
                              SoupWebsocketConnection *ws,
                              gpointer                 user_data)
{
  HdDemoRouter *self = user_data;
  Conn *conn = g_new0 (Conn, 1);
  GSocket *socket = soup_server_message_get_socket (msg);

  conn->router = self;
  conn->ws = g_object_ref (ws);
  conn->socket = socket != NULL ? g_object_ref (socket) : NULL;
  conn->status = HD_FEED_AGENT_STATUS_AVAILABLE;
  soup_websocket_connection_set_max_incoming_payload_size (ws, MAX_CLIENT_FRAME);
  g_signal_connect (ws, "message", G_CALLBACK (on_message_cb), conn);
  g_signal_connect (ws, "closed", G_CALLBACK (on_closed_cb), conn);
  g_signal_connect (ws, "error", G_CALLBACK (on_error_cb), conn);
  g_ptr_array_add (self->conns, conn);
  self->n_handshakes++;
}

gboolean
_hd_demo_router_token_matches (const char *expected,
                               const char *header)
{
  gsize len;
  guchar diff = 0;

  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    return FALSE;
  header += strlen ("Bearer ");
  len = strlen (expected);
  if (strlen (header) != len)
    return FALSE;

  /* Constant time, so the comparison does not leak how much matched. */
  for (gsize i = 0; i < len; i++)
    diff |= (guchar) (expected[i] ^ header[i]);
  return diff == 0;
}

/* Runs on the upgrade request's headers: a status set here stops the
 * WebSocket handler from running. */
void
_hd_demo_router_auth_cb (SoupServer        *server,
                         SoupServerMessage *msg,
                         const char        *path,
                         GHashTable        *query,
                         gpointer           user_data)
{
  HdDemoRouter *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (!self->refuse_auth &&
      _hd_demo_router_token_matches (self->token, soup_message_headers_get_one (headers, "Authorization")))
    return;

  self->n_auth_refused++;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "WWW-Authenticate", "Bearer realm=\"handoffdesk\", error=\"invalid_token\"");
  soup_server_message_set_status (msg, SOUP_STATUS_UNAUTHORIZED, NULL);
}
