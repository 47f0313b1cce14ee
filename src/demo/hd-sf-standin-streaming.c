/* hd-sf-standin-streaming.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-json-get.h"
#include "hd-sf-standin-streaming-private.h"

/* The Streaming API endpoint, written from Salesforce's documentation
 * ("How the Client Connects", "Message Durability", the replay extension;
 * SALESFORCE.md §6.1), stricter than Salesforce where that catches more:
 * one message per request, the cookie required.  The event bus is one log
 * in replayId order; each subscription remembers the last replayId it
 * delivered, so a re-subscription from a replayId is a scan of the log. */

#define MAX_REQUEST_BYTES 32768
#define DEFAULT_CONNECT_TIMEOUT_MS 110000
#define DEFAULT_CLIENT_EXPIRY_MS 40000
#define DEFAULT_RETENTION_MS ((gint64) 72 * 3600 * 1000)
#define COOKIE_NAME "sfdc-stream"

typedef struct
{
  char              *id;
  char              *cookie;
  char              *user_id;
  GHashTable        *subscriptions;   /* channel → gint64 *: last replayId delivered */
  gint64             last_seen_us;    /* monotonic: the last answer sent it */
  SoupServerMessage *held;            /* a connect waiting for events, owned */
  GSource           *hold_timeout;
  HdSfStandin       *standin;
} StreamClient;

static void
stream_event_free (StreamEvent *event)
{
  g_free (event->channel);
  json_object_unref (event->data);
  g_free (event);
}

static void answer_held (StreamClient *client);

static void
stream_client_free (StreamClient *client)
{
  if (client->hold_timeout != NULL)
    {
      g_source_destroy (client->hold_timeout);
      g_clear_pointer (&client->hold_timeout, g_source_unref);
    }
  if (client->held != NULL)
    {
      /* The server is going away or forgot the client: close the poll. */
      soup_server_message_set_status (client->held, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      soup_server_message_unpause (client->held);
      g_clear_object (&client->held);
    }
  g_hash_table_unref (client->subscriptions);
  g_free (client->id);
  g_free (client->cookie);
  g_free (client->user_id);
  g_free (client);
}

HdSfStandinStreaming *
_hd_sf_standin_streaming_new (void)
{
  HdSfStandinStreaming *streaming = g_new0 (HdSfStandinStreaming, 1);

  streaming->clients = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) stream_client_free);
  streaming->log = g_ptr_array_new_with_free_func ((GDestroyNotify) stream_event_free);
  /* Opaque and far from 0, so that nobody mistakes it for a count. */
  streaming->last_replay_id = 4200000 + g_random_int_range (0, 100000);
  streaming->connect_timeout_ms = DEFAULT_CONNECT_TIMEOUT_MS;
  streaming->client_expiry_ms = DEFAULT_CLIENT_EXPIRY_MS;
  streaming->retention_ms = DEFAULT_RETENTION_MS;
  streaming->handoffs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  streaming->turns = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  streaming->turn_page_size = 2000;
  streaming->turn_cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
  streaming->request_log = g_ptr_array_new_with_free_func (g_free);
  return streaming;
}

void
_hd_sf_standin_streaming_free (HdSfStandinStreaming *streaming)
{
  g_hash_table_unref (streaming->clients);
  g_ptr_array_unref (streaming->log);
  g_hash_table_unref (streaming->handoffs);
  g_ptr_array_unref (streaming->turns);
  g_hash_table_unref (streaming->turn_cursors);
  g_ptr_array_unref (streaming->request_log);
  g_free (streaming);
}

void
_hd_sf_standin_streaming_stop (HdSfStandin *self)
{
  g_hash_table_remove_all (self->streaming->clients);
}

/* --- the log --- */

static void
prune (HdSfStandinStreaming *streaming)
{
  gint64 oldest = g_get_monotonic_time () - streaming->retention_ms * 1000;
  guint n = 0;

  while (n < streaming->log->len && ((StreamEvent *) g_ptr_array_index (streaming->log, n))->published_us < oldest)
    n++;
  if (n > 0)
    g_ptr_array_remove_range (streaming->log, 0, n);
}

static gboolean
has_pending (HdSfStandinStreaming *streaming,
             StreamClient         *client)
{
  for (guint i = 0; i < streaming->log->len; i++)
    {
      StreamEvent *event = g_ptr_array_index (streaming->log, i);
      gint64 *last = g_hash_table_lookup (client->subscriptions, event->channel);

      if (last != NULL && event->replay_id > *last)
        return TRUE;
    }
  return FALSE;
}

/* Appends to @messages every retained event after each subscription's
 * position, and moves the positions. */
static void
take_pending (HdSfStandinStreaming *streaming,
              StreamClient         *client,
              JsonArray            *messages)
{
  for (guint i = 0; i < streaming->log->len; i++)
    {
      StreamEvent *event = g_ptr_array_index (streaming->log, i);
      gint64 *last = g_hash_table_lookup (client->subscriptions, event->channel);
      JsonObject *message;

      if (last == NULL || event->replay_id <= *last)
        continue;
      *last = event->replay_id;
      message = json_object_new ();
      json_object_set_string_member (message, "channel", event->channel);
      json_object_set_object_member (message, "data", json_object_ref (event->data));
      json_array_add_object_element (messages, message);
    }
}

/* Appends an event with @payload (taken) to the log and wakes the
 * connects held for @channel. */
static gint64
append_event (HdSfStandin *self,
              const char  *channel,
              JsonObject  *payload)
{
  HdSfStandinStreaming *streaming = self->streaming;
  g_autofree char *uuid = g_uuid_string_random ();
  StreamEvent *event;
  JsonObject *header;
  GHashTableIter iter;
  gpointer value;

  /* Not contiguous: other events of the org share the bus. */
  streaming->last_replay_id += 1 + g_random_int_range (0, 5);
  event = g_new0 (StreamEvent, 1);
  event->channel = g_strdup (channel);
  event->replay_id = streaming->last_replay_id;
  event->published_us = g_get_monotonic_time ();
  event->data = json_object_new ();
  json_object_set_string_member (event->data, "schema", "HdStandinSchema-a1b2c3");
  json_object_set_object_member (event->data, "payload", payload);
  header = json_object_new ();
  json_object_set_int_member (header, "replayId", event->replay_id);
  json_object_set_member (header, "EventUuid", json_node_init_string (json_node_alloc (), uuid));
  json_object_set_object_member (event->data, "event", header);
  g_ptr_array_add (streaming->log, event);
  prune (streaming);

  g_hash_table_iter_init (&iter, streaming->clients);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      StreamClient *client = value;

      if (client->held != NULL && g_hash_table_contains (client->subscriptions, channel))
        answer_held (client);
    }
  return event->replay_id;
}

gint64
hd_sf_standin_publish_event (HdSfStandin *self,
                             const char  *channel,
                             JsonObject  *payload,
                             const char  *created_by)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = NULL;
  JsonObject *copy;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  g_return_val_if_fail (channel != NULL && payload != NULL, 0);

  created = _hd_sf_standin_format_datetime (now);
  copy = json_object_new ();
  names = json_object_get_members (payload);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (payload, l->data)));
  json_object_set_string_member (copy, "CreatedDate", created);
  json_object_set_string_member (copy, "CreatedById", created_by != NULL ? created_by : USER_ID);
  return append_event (self, channel, copy);
}

/* Change Data Capture's shape (SALESFORCE.md §6.1): the header, then only
 * the fields that changed plus LastModifiedDate (on CREATE: every field
 * with a value). */
void
_hd_sf_standin_publish_case_change (HdSfStandin *self,
                                    const char  *change_type,
                                    JsonObject  *record,
                                    JsonObject  *fields,
                                    const char  *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *transaction = g_uuid_string_random ();
  JsonObject *payload, *header;
  JsonArray *record_ids, *changed;
  g_autoptr(GList) names = NULL;

  if (!self->cdc_enabled)
    return;
  payload = json_object_new ();
  header = json_object_new ();
  json_object_set_string_member (header, "entityName", "Case");
  record_ids = json_array_new ();
  json_array_add_string_element (record_ids, hd_json_get_string (record, "Id", ""));
  json_object_set_array_member (header, "recordIds", record_ids);
  json_object_set_string_member (header, "changeType", change_type);
  json_object_set_string_member (header, "changeOrigin", "com/salesforce/api/rest/64.0");
  json_object_set_string_member (header, "transactionKey", transaction);
  json_object_set_int_member (header, "sequenceNumber", 1);
  json_object_set_int_member (header, "commitTimestamp", g_date_time_to_unix (now) * 1000);
  json_object_set_int_member (header, "commitNumber", ++self->streaming->next_commit);
  json_object_set_string_member (header, "commitUser", user_id);
  changed = json_array_new ();
  if (g_strcmp0 (change_type, "CREATE") == 0)
    {
      /* A CREATE carries every field that has a value, and no changedFields. */
      names = json_object_get_members (record);
      for (GList *l = names; l != NULL; l = l->next)
        if (!JSON_NODE_HOLDS_NULL (json_object_get_member (record, l->data)) && g_strcmp0 (l->data, "Id") != 0)
          json_object_set_member (payload, l->data, json_node_copy (json_object_get_member (record, l->data)));
    }
  else
    {
      names = json_object_get_members (fields);
      for (GList *l = names; l != NULL; l = l->next)
        {
          json_array_add_string_element (changed, l->data);
          json_object_set_member (payload, l->data, json_node_copy (json_object_get_member (fields, l->data)));
        }
      json_array_add_string_element (changed, "LastModifiedDate");
    }
  json_object_set_array_member (header, "changedFields", changed);
  json_object_set_array_member (header, "diffFields", json_array_new ());
  json_object_set_array_member (header, "nulledFields", json_array_new ());
  json_object_set_object_member (payload, "ChangeEventHeader", header);
  json_object_set_member (payload, "LastModifiedDate",
                          json_node_copy (json_object_get_member (record, "LastModifiedDate")));
  append_event (self, HD_SF_STANDIN_CDC_CASE_CHANNEL, payload);
}

/* --- answers --- */

static void
set_messages (SoupServerMessage *msg,
              JsonArray         *messages)
{
  g_autoptr(JsonNode) root = json_node_alloc ();

  json_node_init_array (root, messages);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

static JsonObject *
new_reply (JsonObject *request,
           const char *channel,
           gboolean    successful)
{
  JsonObject *reply = json_object_new ();
  const char *id = hd_json_get_string (request, "id", NULL);
  const char *client_id = hd_json_get_string (request, "clientId", NULL);

  json_object_set_string_member (reply, "channel", channel);
  json_object_set_boolean_member (reply, "successful", successful);
  if (id != NULL)
    json_object_set_string_member (reply, "id", id);
  if (client_id != NULL)
    json_object_set_string_member (reply, "clientId", client_id);
  return reply;
}

static void
set_advice (JsonObject *reply,
            const char *reconnect,
            guint       timeout_ms)
{
  JsonObject *advice = json_object_new ();

  json_object_set_string_member (advice, "reconnect", reconnect);
  json_object_set_int_member (advice, "interval", 0);
  if (timeout_ms > 0)
    json_object_set_int_member (advice, "timeout", timeout_ms);
  json_object_set_object_member (reply, "advice", advice);
}

static void
answer_one (SoupServerMessage *msg,
            JsonObject        *reply)
{
  g_autoptr(JsonArray) messages = json_array_new ();

  json_array_add_object_element (messages, reply);
  set_messages (msg, messages);
}

static void
answer_error (SoupServerMessage *msg,
              JsonObject        *request,
              const char        *channel,
              const char        *error,
              const char        *reconnect)
{
  JsonObject *reply = new_reply (request, channel, FALSE);

  json_object_set_string_member (reply, "error", error);
  if (reconnect != NULL)
    set_advice (reply, reconnect, 0);
  answer_one (msg, reply);
}

static void
answer_held (StreamClient *client)
{
  HdSfStandinStreaming *streaming = client->standin->streaming;
  g_autoptr(SoupServerMessage) msg = g_steal_pointer (&client->held);
  g_autoptr(JsonArray) messages = json_array_new ();
  JsonObject *reply;

  if (client->hold_timeout != NULL)
    {
      g_source_destroy (client->hold_timeout);
      g_clear_pointer (&client->hold_timeout, g_source_unref);
    }
  take_pending (streaming, client, messages);
  reply = json_object_new ();
  json_object_set_string_member (reply, "channel", "/meta/connect");
  json_object_set_string_member (reply, "clientId", client->id);
  json_object_set_boolean_member (reply, "successful", TRUE);
  set_advice (reply, "retry", streaming->connect_timeout_ms);
  json_array_add_object_element (messages, reply);
  set_messages (msg, messages);
  client->last_seen_us = g_get_monotonic_time ();
  soup_server_message_unpause (msg);
}

static gboolean
hold_timeout_cb (gpointer user_data)
{
  StreamClient *client = user_data;

  g_clear_pointer (&client->hold_timeout, g_source_unref);
  answer_held (client);
  return G_SOURCE_REMOVE;
}

/* --- the meta channels --- */

static char *
dup_request_cookie (SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_list (soup_server_message_get_request_headers (msg), "Cookie");
  GHashTable *pairs;
  char *value;

  if (header == NULL)
    return NULL;
  pairs = soup_header_parse_semi_param_list (header);
  value = g_strdup (g_hash_table_lookup (pairs, COOKIE_NAME));
  soup_header_free_param_list (pairs);
  return value;
}

static void
handshake (HdSfStandin       *self,
           SoupServerMessage *msg,
           JsonObject        *request,
           Session           *session)
{
  HdSfStandinStreaming *streaming = self->streaming;
  JsonArray *types = json_object_has_member (request, "supportedConnectionTypes") &&
                     JSON_NODE_HOLDS_ARRAY (json_object_get_member (request, "supportedConnectionTypes"))
                     ? json_object_get_array_member (request, "supportedConnectionTypes") : NULL;
  gboolean long_polling = FALSE;
  StreamClient *client;
  JsonObject *reply, *ext;
  JsonArray *supported;
  g_autofree char *set_cookie = NULL;

  streaming->n_handshakes++;
  if (session == NULL)
    {
      JsonObject *sfdc = json_object_new ();

      reply = new_reply (request, "/meta/handshake", FALSE);
      json_object_set_string_member (reply, "error", "403::Handshake denied");
      ext = json_object_new ();
      json_object_set_string_member (sfdc, "failureReason", "401::Authentication invalid");
      json_object_set_object_member (ext, "sfdc", sfdc);
      json_object_set_object_member (reply, "ext", ext);
      set_advice (reply, "none", 0);
      answer_one (msg, reply);
      return;
    }
  for (guint i = 0; types != NULL && i < json_array_get_length (types); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (types, i)), "long-polling") == 0)
      long_polling = TRUE;
  if (g_strcmp0 (hd_json_get_string (request, "version", NULL), "1.0") != 0 || !long_polling)
    {
      answer_error (msg, request, "/meta/handshake", "400::Unsupported connection type or version", "none");
      return;
    }

  client = g_new0 (StreamClient, 1);
  client->standin = self;
  client->id = _hd_sf_standin_random_token (24);
  client->cookie = _hd_sf_standin_random_token (24);
  client->user_id = g_strdup (session->user_id);
  client->subscriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  client->last_seen_us = g_get_monotonic_time ();
  g_hash_table_insert (streaming->clients, client->id, client);

  reply = new_reply (request, "/meta/handshake", TRUE);
  json_object_set_string_member (reply, "clientId", client->id);
  json_object_set_string_member (reply, "version", "1.0");
  json_object_set_string_member (reply, "minimumVersion", "1.0");
  supported = json_array_new ();
  json_array_add_string_element (supported, "long-polling");
  json_object_set_array_member (reply, "supportedConnectionTypes", supported);
  ext = json_object_new ();
  json_object_set_boolean_member (ext, "replay", TRUE);
  json_object_set_boolean_member (ext, "payload.format", TRUE);
  json_object_set_object_member (reply, "ext", ext);
  set_advice (reply, "retry", streaming->connect_timeout_ms);
  set_cookie = g_strdup_printf (COOKIE_NAME "=!%s; Path=/; HttpOnly", client->cookie);
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", set_cookie);
  answer_one (msg, reply);
}

/* The client named by @request, if it is still known, its cookie came
 * along, and it reconnected in time; otherwise answers `403::Unknown
 * client` itself. */
static StreamClient *
known_client (HdSfStandin       *self,
              SoupServerMessage *msg,
              JsonObject        *request,
              const char        *channel)
{
  HdSfStandinStreaming *streaming = self->streaming;
  const char *id = hd_json_get_string (request, "clientId", NULL);
  g_autofree char *cookie = dup_request_cookie (msg);
  StreamClient *client = id != NULL ? g_hash_table_lookup (streaming->clients, id) : NULL;

  if (client != NULL && client->held == NULL &&
      g_get_monotonic_time () - client->last_seen_us > (gint64) streaming->client_expiry_ms * 1000)
    {
      /* It did not reconnect within the expiry: its subscriptions are gone. */
      g_hash_table_remove (streaming->clients, id);
      client = NULL;
    }
  if (client == NULL || cookie == NULL || cookie[0] != '!' || g_strcmp0 (cookie + 1, client->cookie) != 0)
    {
      answer_error (msg, request, channel, "403::Unknown client", "handshake");
      return NULL;
    }
  return client;
}

static void
subscribe (HdSfStandin       *self,
           SoupServerMessage *msg,
           JsonObject        *request,
           StreamClient      *client)
{
  HdSfStandinStreaming *streaming = self->streaming;
  const char *channel = hd_json_get_string (request, "subscription", NULL);
  gint64 from = -1;
  gint64 *position;
  JsonObject *reply;

  /* Case not selected for Change Data Capture in Setup: the channel does not exist. */
  if (channel == NULL || (!g_str_has_prefix (channel, "/event/") &&
                          (g_strcmp0 (channel, HD_SF_STANDIN_CDC_CASE_CHANNEL) != 0 || !self->cdc_enabled)))
    {
      g_autofree char *error = g_strdup_printf ("400::The channel you requested to subscribe to does not exist {%s}",
                                                channel != NULL ? channel : "");

      answer_error (msg, request, "/meta/subscribe", error, NULL);
      return;
    }
  if (json_object_has_member (request, "ext") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (request, "ext")))
    {
      JsonObject *ext = json_object_get_object_member (request, "ext");

      if (json_object_has_member (ext, "replay") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (ext, "replay")))
        {
          JsonObject *replay = json_object_get_object_member (ext, "replay");
          JsonNode *node = json_object_get_member (replay, channel);

          if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
            from = json_node_get_int (node);
        }
    }

  prune (streaming);
  if (from == -1)
    from = streaming->last_replay_id;
  else if (from == -2)
    from = G_MININT64;
  else
    {
      gboolean retained = FALSE;

      for (guint i = 0; i < streaming->log->len && !retained; i++)
        retained = ((StreamEvent *) g_ptr_array_index (streaming->log, i))->replay_id == from;
      if (!retained)
        {
          g_autofree char *error = g_strdup_printf ("400::The replayId {%" G_GINT64_FORMAT "} you provided was invalid.  "
                                                    "Please provide a valid ID, -2 to replay all events, or -1 to "
                                                    "replay only new events.", from);

          answer_error (msg, request, "/meta/subscribe", error, NULL);
          return;
        }
    }
  position = g_new (gint64, 1);
  *position = from;
  g_hash_table_insert (client->subscriptions, g_strdup (channel), position);
  client->last_seen_us = g_get_monotonic_time ();

  reply = new_reply (request, "/meta/subscribe", TRUE);
  json_object_set_string_member (reply, "subscription", channel);
  answer_one (msg, reply);
}

static void
connect_poll (HdSfStandin       *self,
              SoupServerMessage *msg,
              JsonObject        *request,
              StreamClient      *client)
{
  HdSfStandinStreaming *streaming = self->streaming;

  if (g_strcmp0 (hd_json_get_string (request, "connectionType", NULL), "long-polling") != 0)
    {
      answer_error (msg, request, "/meta/connect", "400::Unsupported connection type", "none");
      return;
    }
  if (streaming->drop_connects > 0)
    {
      g_autoptr(GIOStream) stream = NULL;
      g_autoptr(JsonArray) lost = json_array_new ();

      /* The answer was on its way when the network dropped it. */
      streaming->drop_connects--;
      take_pending (streaming, client, lost);
      client->last_seen_us = g_get_monotonic_time ();
      stream = soup_server_message_steal_connection (msg);
      g_io_stream_close (stream, NULL, NULL);
      return;
    }
  if (client->held != NULL)
    answer_held (client);   /* a newer poll replaces it */

  client->held = g_object_ref (msg);
  soup_server_message_pause (msg);
  if (has_pending (streaming, client))
    {
      answer_held (client);
      return;
    }
  client->hold_timeout = g_timeout_source_new (streaming->connect_timeout_ms);
  g_source_set_callback (client->hold_timeout, hold_timeout_cb, client, NULL);
  g_source_set_name (client->hold_timeout, "[hd-sf-standin] connect timeout");
  g_source_attach (client->hold_timeout, g_main_context_get_thread_default ());
}

void
_hd_sf_standin_cometd_handler (SoupServer        *server,
                               SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query,
                               gpointer           user_data)
{
  HdSfStandin *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRegex) version_regex = g_regex_new ("^/cometd/[0-9]{2}\\.0$", 0, 0, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *request;
  const char *channel;
  Session *session;
  StreamClient *client;

  if (!g_regex_match (version_regex, path, 0, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  if (body->length > MAX_REQUEST_BYTES)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Maximum Request Size Exceeded");
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Maximum Request Size Exceeded", 29);
      return;
    }
  bytes = soup_message_body_flatten (body);
  root = hd_bounded_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), HD_BOUNDED_JSON_MAX_DEPTH,
                                NULL, NULL);
  /* One message per request, as the Streaming API guide asks of clients. */
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root) || json_array_get_length (json_node_get_array (root)) != 1 ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (root), 0)))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Bad Bayeux request", 18);
      return;
    }
  request = json_array_get_object_element (json_node_get_array (root), 0);
  channel = hd_json_get_string (request, "channel", "");
  session = _hd_sf_standin_check_bearer (self, msg);

  if (g_strcmp0 (channel, "/meta/handshake") == 0)
    {
      handshake (self, msg, request, session);
      return;
    }
  if (session == NULL)
    {
      answer_error (msg, request, channel, "401::Authentication invalid", "none");
      return;
    }
  if ((client = known_client (self, msg, request, channel)) == NULL)
    return;
  if (g_strcmp0 (client->user_id, session->user_id) != 0)
    {
      answer_error (msg, request, channel, "403::Unknown client", "handshake");
      return;
    }
  if (g_strcmp0 (channel, "/meta/subscribe") == 0)
    subscribe (self, msg, request, client);
  else if (g_strcmp0 (channel, "/meta/connect") == 0)
    connect_poll (self, msg, request, client);
  else if (g_strcmp0 (channel, "/meta/unsubscribe") == 0)
    {
      const char *subscription = hd_json_get_string (request, "subscription", "");
      JsonObject *reply = new_reply (request, channel, TRUE);

      g_hash_table_remove (client->subscriptions, subscription);
      json_object_set_string_member (reply, "subscription", subscription);
      answer_one (msg, reply);
    }
  else if (g_strcmp0 (channel, "/meta/disconnect") == 0)
    {
      answer_one (msg, new_reply (request, channel, TRUE));
      g_hash_table_remove (self->streaming->clients, client->id);
    }
  else
    answer_error (msg, request, channel, "403::Publish denied", NULL);
}

/* --- test controls --- */

void
hd_sf_standin_set_streaming_timeouts (HdSfStandin *self,
                                      guint        connect_timeout_ms,
                                      guint        client_expiry_ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->streaming->connect_timeout_ms = MAX (connect_timeout_ms, 1);
  self->streaming->client_expiry_ms = MAX (client_expiry_ms, 1);
}

void
hd_sf_standin_set_retention_ms (HdSfStandin *self,
                                gint64       retention_ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->streaming->retention_ms = MAX (retention_ms, 0);
  prune (self->streaming);
}

void
hd_sf_standin_set_cdc_enabled (HdSfStandin *self,
                               gboolean     enabled)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->cdc_enabled = !!enabled;
}

void
hd_sf_standin_forget_stream_clients (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_hash_table_remove_all (self->streaming->clients);
}

void
hd_sf_standin_drop_connects (HdSfStandin *self,
                             guint        count)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->streaming->drop_connects = count;
}

guint
hd_sf_standin_get_n_stream_handshakes (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->streaming->n_handshakes;
}

guint
hd_sf_standin_get_n_stream_clients (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return g_hash_table_size (self->streaming->clients);
}

gint64
hd_sf_standin_get_last_replay_id (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->streaming->last_replay_id;
}

char *
hd_sf_standin_issue_access_token (HdSfStandin *self,
                                  const char  *user_id)
{
  char *token;
  Session *session;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);
  token = _hd_sf_standin_new_secret (ORG_ID "!AR", 96, NULL);
  session = g_new0 (Session, 1);
  session->user_id = g_strdup (user_id);
  session->issued_us = g_get_monotonic_time ();
  session->generation = self->generation;
  g_hash_table_insert (self->sessions, g_strdup (token), session);
  return token;
}
