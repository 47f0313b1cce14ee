/* hd-demo-router-intake.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-router"

#include "config.h"

#include <string.h>

#include "hd-demo-router-private.h"
#include "hd-error.h"
#include "hd-import.h"
#include "hd-packet-parser.h"

/* The router's intake: POST /v1/escalations takes an escalation from a bot,
 * as a packet or as any document the importers read (docs/import/), with
 * the router's bearer token, and offers it to an agent the way generated
 * offers go.  So a bot team can point a real bot at a router on their desk
 * and watch its handoffs arrive in the app.
 *
 * Answers are JSON: 202 { "handoff_id", "agent_id", "format" } for a new
 * offer, 200 with "duplicate": true for an escalation already offered (a
 * bot's retry: the offer stays one), 400 (malformed, or not a known
 * document) and 422 (not a valid packet) with { "error": { "code",
 * "message" } }, 401, 405, 413, and 503 while no agent has ever connected. */

static void
respond (SoupServerMessage *msg,
         guint              status,
         JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, FALSE);
  gsize len = strlen (text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), len);
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  respond (msg, status, builder);
}

/* Runs on the request's headers, before its body is read: a stranger's or
 * an oversized body is never buffered. */
void
_hd_demo_router_intake_early_cb (SoupServer        *server,
                                 SoupServerMessage *msg,
                                 const char        *path,
                                 GHashTable        *query,
                                 gpointer           user_data)
{
  HdDemoRouter *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (!g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_POST))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "POST");
      respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method", "POST an escalation here");
      return;
    }
  if (self->refuse_auth ||
      !_hd_demo_router_token_matches (self->token, soup_message_headers_get_one (headers, "Authorization")))
    {
      self->n_auth_refused++;
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer realm=\"handoffdesk\", error=\"invalid_token\"");
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "auth", "a valid bearer token is required");
      return;
    }
  if (soup_message_headers_get_content_length (headers) > HD_IMPORT_MAX_BYTES)
    respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "limit", "the escalation is too big");
}

/* Like generated offers: the next available agent in turn; else any agent
 * connected; else the last agent the router has a stream for, where the
 * offer waits until they connect. */
static const char *
pick_agent (HdDemoRouter *self)
{
  g_autoptr(GPtrArray) available = g_ptr_array_new ();
  GHashTableIter iter;
  Stream *stream;

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->stream != NULL && !conn->supervisor && conn->status == HD_FEED_AGENT_STATUS_AVAILABLE)
        g_ptr_array_add (available, conn);
    }
  if (available->len > 0)
    return ((Conn *) g_ptr_array_index (available, self->next_agent++ % available->len))->stream->agent_id;

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->stream != NULL && !conn->supervisor)
        return conn->stream->agent_id;
    }

  g_hash_table_iter_init (&iter, self->streams);
  if (g_hash_table_iter_next (&iter, NULL, (gpointer *) &stream))
    return stream->agent_id;
  return NULL;
}

void
_hd_demo_router_intake_cb (SoupServer        *server,
                           SoupServerMessage *msg,
                           const char        *path,
                           GHashTable        *query,
                           gpointer           user_data)
{
  HdDemoRouter *self = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) packet = NULL;
  g_autoptr(HdPacket) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *handoff_id = NULL;
  HdImportSource source = HD_IMPORT_SOURCE_ANY;
  HdImportFormat format = HD_IMPORT_FORMAT_UNKNOWN;
  const char *from, *agent_id;
  Offer *existing;

  /* The early handler answered already. */
  if (soup_server_message_get_status (msg) != 0)
    return;

  from = query != NULL ? g_hash_table_lookup (query, "from") : NULL;
  if (from != NULL && !hd_import_source_from_string (from, &source))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "from",
                     "unknown from: rasa, dialogflow-cx, lex-v2, salesforce or packet");
      return;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  packet = hd_import_to_json (body, source, NULL, &format, &error);
  if (packet != NULL)
    parsed = hd_packet_parse_node (packet, NULL, &error);
  if (parsed == NULL)
    {
      gboolean limit = g_error_matches (error, HD_ERROR, HD_ERROR_LIMIT);

      respond_error (msg, limit ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                : packet != NULL ? SOUP_STATUS_UNPROCESSABLE_ENTITY
                                                 : SOUP_STATUS_BAD_REQUEST,
                     limit ? "limit" : packet != NULL ? "invalid" : "parse", error->message);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "handoff_id");
  json_builder_add_string_value (builder, hd_packet_get_handoff_id (parsed));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, hd_import_format_to_string (format));

  /* A bot that did not hear back posts again: that is the same escalation. */
  if ((existing = g_hash_table_lookup (self->offers, hd_packet_get_handoff_id (parsed))) != NULL)
    {
      json_builder_set_member_name (builder, "agent_id");
      json_builder_add_string_value (builder, existing->agent_id);
      json_builder_set_member_name (builder, "duplicate");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      respond (msg, SOUP_STATUS_OK, builder);
      return;
    }

  if ((agent_id = pick_agent (self)) == NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "5");
      respond_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "no_agent", "no agent has connected yet");
      return;
    }

  handoff_id = hd_demo_router_push_packet (self, agent_id, packet);
  g_debug ("intake: %s (%s) offered to %s", handoff_id, hd_import_format_to_string (format), agent_id);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_string_value (builder, agent_id);
  json_builder_end_object (builder);
  respond (msg, SOUP_STATUS_ACCEPTED, builder);
}
