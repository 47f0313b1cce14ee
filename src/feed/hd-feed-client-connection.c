/* hd-feed-client-connection.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-client"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "hd-bounded-json.h"
#include "hd-durable.h"
#include "hd-feed-client-private.h"
#include "hd-json-get.h"

/* Persistence ----------------------------------------------------------- */

void
_hd_feed_client_load_state (HdFeedClient *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (self->state_path == NULL || !g_file_test (self->state_path, G_FILE_TEST_EXISTS))
    return;

  /* A damaged or oversized file is named in the log and ignored: the client
   * starts without resuming, and the next save replaces it. */
  root = hd_bounded_json_load_file (self->state_path, HD_FEED_CLIENT_STATE_MAX_BYTES,
                                    HD_BOUNDED_JSON_MAX_DEPTH, &error);
  if (root == NULL)
    {
      g_warning ("Ignoring the damaged feed state: %s", error->message);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_warning ("Ignoring the feed state %s: not a JSON object", self->state_path);
      return;
    }

  object = json_node_get_object (root);
  /* A state for another agent or router is not ours to resume. */
  if (hd_json_get_int (object, "version", 0) != HD_FEED_CLIENT_STATE_FILE_VERSION ||
      g_strcmp0 (hd_json_get_string (object, "agent_id", NULL),
                 self->agent_id) != 0 ||
      g_strcmp0 (hd_json_get_string (object, "url", NULL),
                 self->url) != 0)
    return;

  self->last_seq = MAX (hd_json_get_int (object, "last_seq", 0), 0);
  self->persisted_seq = self->acked_seq = self->last_seq;
  self->stream_id = g_strdup (hd_json_get_string (object, "stream_id", NULL));
}

/* What the application recorded of the messages up to last_seq goes to
 * disk before the sequence that promises them does (the state file, an
 * ack, a hello's resume_after). */
static gboolean
commit_records (HdFeedClient *self)
{
  g_autoptr(GError) error = NULL;

  if (self->commit == NULL || self->commit (self->commit_data, &error))
    {
      self->commit_failing = FALSE;
      return TRUE;
    }
  /* Every ack tries again; one warning says it until one works. */
  if (!self->commit_failing)
    g_warning ("Not acknowledging the feed up to %lld yet: %s", (long long) self->last_seq, error->message);
  else
    g_debug ("Still not acknowledging the feed up to %lld: %s", (long long) self->last_seq, error->message);
  self->commit_failing = TRUE;
  return FALSE;
}

void
_hd_feed_client_save_state (HdFeedClient *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;

  if (self->state_path == NULL || self->persisted_seq == self->last_seq)
    return;

  if (!commit_records (self))
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, HD_FEED_CLIENT_STATE_FILE_VERSION);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);
  json_builder_set_member_name (builder, "agent_id");
  json_builder_add_string_value (builder, self->agent_id);
  json_builder_set_member_name (builder, "stream_id");
  json_builder_add_string_value (builder, self->stream_id);
  json_builder_set_member_name (builder, "last_seq");
  json_builder_add_int_value (builder, self->last_seq);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);

  /* Durable with its folder (hd-durable.h): the sequence acknowledged next
   * must not come back older after a power cut, or the offers after it
   * would be offered twice. */
  dir = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !hd_durable_write_file (self->state_path, text, -1, 0600, &error))
    {
      g_warning ("Cannot save the feed state to %s: %s", self->state_path,
                 error != NULL ? error->message : g_strerror (errno));
      return;
    }

  self->persisted_seq = self->last_seq;
  _hd_feed_client_reach_stage (self, HD_FEED_STAGE_STATE_WRITTEN, self->last_seq);
}

void
_hd_feed_client_send_text (HdFeedClient *self,
                           const char   *text)
{
  if (self->ws != NULL &&
      soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (self->ws, text);
}

/* Persist first, then acknowledge: the router may forget what we acked. */
void
_hd_feed_client_flush_ack (HdFeedClient *self)
{
  _hd_feed_client_destroy_source (&self->ack_source);
  _hd_feed_client_save_state (self);

  if (self->welcomed && self->acked_seq < self->last_seq &&
      (self->state_path != NULL ? self->persisted_seq == self->last_seq : commit_records (self)) &&
      self->ws != NULL && soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    {
      g_autofree char *text = hd_feed_build_ack (self->last_seq);

      _hd_feed_client_send_text (self, text);
      self->acked_seq = self->last_seq;
      _hd_feed_client_reach_stage (self, HD_FEED_STAGE_ACKED, self->acked_seq);
    }
}

static gboolean
ack_cb (gpointer user_data)
{
  HdFeedClient *self = user_data;

  g_clear_pointer (&self->ack_source, g_source_unref);
  _hd_feed_client_flush_ack (self);
  return G_SOURCE_REMOVE;
}

void
_hd_feed_client_schedule_ack (HdFeedClient *self)
{
  if (self->ack_source == NULL)
    self->ack_source = _hd_feed_client_add_timeout (self, self->ack_delay_ms, ack_cb, self, "[hd-feed-client] ack");
}

/* Connection ------------------------------------------------------------ */

static gboolean
retry_cb (gpointer user_data)
{
  HdFeedClient *self = user_data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  _hd_feed_client_set_next_retry_at (self, NULL);
  _hd_feed_client_connect_now (self);
  return G_SOURCE_REMOVE;
}

/* Capped exponential backoff with full jitter: a uniformly random delay in
 * [0, min (max, initial × 2^attempt)], so that many clients that lost the
 * same router do not come back in lockstep. */
static void
schedule_retry (HdFeedClient      *self,
                HdFeedClientState  state)
{
  guint64 ceiling = self->backoff_initial_ms;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = NULL;
  guint delay;

  for (guint i = 0; i < self->attempt && ceiling < self->backoff_max_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, self->backoff_max_ms);
  delay = (guint) g_random_int_range (0, (gint32) MIN (ceiling, G_MAXINT32 - 1) + 1);
  self->attempt++;

  _hd_feed_client_destroy_source (&self->retry_source);
  self->retry_source = _hd_feed_client_add_timeout (self, delay, retry_cb, self, "[hd-feed-client] retry");
  at = g_date_time_add (now, (GTimeSpan) delay * 1000);
  _hd_feed_client_set_next_retry_at (self, at);
  _hd_feed_client_set_state (self, state);
}

/* Dead after two missed heartbeats, with half an interval of slack for
 * jitter: exactly 2.5 × heartbeat_ms of silence (docs/feed-protocol.md). */
static gint64
watchdog_limit_ms (HdFeedClient *self)
{
  return 2 * (gint64) self->heartbeat_ms + self->heartbeat_ms / 2;
}

static gboolean watchdog_cb (gpointer user_data);

/* One timer, due when the silence would reach the limit: polling at a
 * fraction of the interval would fire up to that fraction late (the limit
 * was met at 2.5 × heartbeat_ms, but seen only at 2.75 ×). */
static void
arm_watchdog (HdFeedClient *self,
              gint64        due_in_ms)
{
  _hd_feed_client_destroy_source (&self->watchdog_source);
  self->watchdog_source = _hd_feed_client_add_timeout (self, (guint) MAX (due_in_ms, 1), watchdog_cb, self,
                                                       "[hd-feed-client] watchdog");
}

static gboolean
watchdog_cb (gpointer user_data)
{
  HdFeedClient *self = user_data;
  gint64 silent_us = g_get_monotonic_time () - self->last_rx_mono;
  gint64 limit_us = watchdog_limit_ms (self) * 1000;

  g_clear_pointer (&self->watchdog_source, g_source_unref);
  if (silent_us < limit_us)
    {
      /* A frame came meanwhile: due again the limit after it (rounded up,
       * so it is never early). */
      arm_watchdog (self, (limit_us - silent_us + 999) / 1000);
      return G_SOURCE_REMOVE;
    }

  {
    g_autofree char *reason = g_strdup_printf (_("No heartbeat from the routing layer for %lld ms"),
                                               (long long) (silent_us / 1000));
    _hd_feed_client_drop_connection (self, reason);
  }
  return G_SOURCE_REMOVE;
}

void
_hd_feed_client_start_watchdog (HdFeedClient *self)
{
  self->last_rx_mono = g_get_monotonic_time ();
  arm_watchdog (self, watchdog_limit_ms (self));
}

void
_hd_feed_client_teardown_ws (HdFeedClient *self)
{
  g_autoptr(SoupWebsocketConnection) ws = g_steal_pointer (&self->ws);

  _hd_feed_client_destroy_source (&self->watchdog_source);
  if (ws == NULL)
    return;

  g_signal_handlers_disconnect_by_data (ws, self);
  if (soup_websocket_connection_get_state (ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

static void
drop_connection (HdFeedClient *self,
                 const char   *reason)
{
  gboolean was_welcomed = self->welcomed;

  _hd_feed_client_flush_ack (self);
  self->welcomed = FALSE;
  /* What was received and not applied yet is replayed after the resume. */
  _hd_feed_client_discard_pending (self);
  _hd_feed_client_teardown_ws (self);
  _hd_feed_client_fail_all_requests (self, _("The connection to the routing layer was lost"));
  _hd_feed_client_set_connected_since (self, NULL);
  _hd_feed_client_set_last_error (self, reason);

  if (!self->running)
    return;
  schedule_retry (self, was_welcomed ? HD_FEED_CLIENT_STATE_RECONNECTING
                                     : HD_FEED_CLIENT_STATE_UNREACHABLE);
}

/* The connection is gone (closed, errored or silent): clean up and retry. */
void
_hd_feed_client_drop_connection (HdFeedClient *self,
                                 const char   *reason)
{
  g_message ("Feed connection to %s lost: %s", self->url, reason);
  drop_connection (self, reason);
}

/* The client gives up until hd_feed_client_start () is called again (the
 * token was refused, the server is no feed of this protocol, the agent
 * signed in elsewhere).  Every such stop goes through here, so each is
 * logged once, on stderr, and shown: in "last-error" and "state", which
 * the window's connection popover presents, and as a "notice" (a toast). */
void
_hd_feed_client_stop_for (HdFeedClient      *self,
                          HdFeedClientState  state,
                          const char        *message)
{
  self->running = FALSE;
  g_message ("The feed client stopped (%s): %s: %s",
             g_enum_get_value (g_type_class_peek (HD_TYPE_FEED_CLIENT_STATE), state)->value_nick,
             self->url, message);
  if (self->ws != NULL || self->welcomed)
    drop_connection (self, message);
  _hd_feed_client_set_last_error (self, message);
  _hd_feed_client_set_state (self, state);
  _hd_feed_client_emit (self, NOTICE, message);
}

static void
on_message_cb (SoupWebsocketConnection *ws,
               gint                     type,
               GBytes                  *bytes,
               gpointer                 user_data)
{
  HdFeedClient *self = user_data;

  self->last_rx_mono = g_get_monotonic_time ();
  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      _hd_feed_client_reject (self, _("A binary message was rejected: the feed uses text messages"));
      return;
    }
  _hd_feed_client_handle_frame (self, bytes);
}

static void
on_closed_cb (SoupWebsocketConnection *ws,
              gpointer                 user_data)
{
  HdFeedClient *self = user_data;
  gushort code = soup_websocket_connection_get_close_code (ws);
  g_autofree char *reason = NULL;

  /* The same agent connected from somewhere else: coming back would only
   * push that one out in turn. */
  if (code == HD_FEED_CLOSE_SUPERSEDED)
    {
      _hd_feed_client_stop_for (self, HD_FEED_CLIENT_STATE_DISCONNECTED,
                                _("This agent signed in from another place"));
      return;
    }

  reason = g_strdup_printf (_("The routing layer closed the connection (code %u)"), code);
  _hd_feed_client_drop_connection (self, reason);
}

static void
on_error_cb (SoupWebsocketConnection *ws,
             GError                  *error,
             gpointer                 user_data)
{
  HdFeedClient *self = user_data;

  /* "closed" follows; remember why. */
  g_debug ("Feed connection error: %s", error->message);
  _hd_feed_client_set_last_error (self, error->message);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HdFeedClient) self = user_data;
  g_autoptr(SoupWebsocketConnection) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *hello = NULL;
  guint status;

  ws = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  msg = g_object_get_data (G_OBJECT (self->connect_cancellable), "hd-message");
  msg = msg != NULL ? g_object_ref (msg) : NULL;
  g_clear_object (&self->connect_cancellable);
  status = msg != NULL ? soup_message_get_status (msg) : 0;

  if (ws == NULL)
    {
      g_autofree char *reason = NULL;

      if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
        {
          g_autofree char *text = g_strdup_printf (_("The routing layer refused the sign-in token (HTTP %u)"),
                                                   status);
          _hd_feed_client_stop_for (self, HD_FEED_CLIENT_STATE_AUTH_FAILED, text);
          return;
        }
      if (status >= 400 && status < 500 && status != SOUP_STATUS_REQUEST_TIMEOUT &&
          status != 429 /* too many requests */)
        {
          g_autofree char *text = g_strdup_printf (_("The server is not a compatible routing layer (HTTP %u)"),
                                                   status);
          _hd_feed_client_stop_for (self, HD_FEED_CLIENT_STATE_INCOMPATIBLE, text);
          return;
        }

      reason = status >= 500 ? g_strdup_printf (_("The routing layer answered HTTP %u"), status)
                             : g_strdup_printf (_("Cannot reach the routing layer: %s"), error->message);
      g_message ("%s: %s", self->url, reason);
      _hd_feed_client_set_last_error (self, reason);
      schedule_retry (self, HD_FEED_CLIENT_STATE_UNREACHABLE);
      return;
    }

  if (g_strcmp0 (soup_websocket_connection_get_protocol (ws), HD_FEED_SUBPROTOCOL) != 0)
    {
      soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_PROTOCOL_ERROR, NULL);
      _hd_feed_client_stop_for (self, HD_FEED_CLIENT_STATE_INCOMPATIBLE,
                                _("The server does not speak this version of the feed protocol (no “handoffdesk.feed.v1” subprotocol)"));
      return;
    }

  self->ws = g_steal_pointer (&ws);
  self->welcomed = FALSE;
  /* libsoup closes the connection above its own limit, so keep that well
   * above ours: oversized frames are then rejected one by one, not fatal. */
  soup_websocket_connection_set_max_incoming_payload_size (self->ws,
                                                           MAX ((guint64) self->max_frame_size * 4,
                                                                16 * 1024 * 1024));
  g_signal_connect (self->ws, "message", G_CALLBACK (on_message_cb), self);
  g_signal_connect (self->ws, "closed", G_CALLBACK (on_closed_cb), self);
  g_signal_connect (self->ws, "error", G_CALLBACK (on_error_cb), self);
  _hd_feed_client_start_watchdog (self);

  /* "resume_after" acknowledges too, so it must be on disk first. */
  _hd_feed_client_save_state (self);
  self->acked_seq = self->persisted_seq == self->last_seq ? self->last_seq : 0;
  hello = hd_feed_build_hello (self->agent_id, self->capacity,
                               (const char * const *) self->languages, self->last_seq,
                               self->stream_id);
  _hd_feed_client_send_text (self, hello);
}

void
_hd_feed_client_connect_now (HdFeedClient *self)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *authorization = NULL;
  const char *protocols[] = { HD_FEED_SUBPROTOCOL, NULL };

  if (!self->running)
    return;

  msg = soup_message_new (SOUP_METHOD_GET, self->url);
  if (msg == NULL)
    {
      _hd_feed_client_stop_for (self, HD_FEED_CLIENT_STATE_INCOMPATIBLE,
                                _("The routing layer address is not a valid URL"));
      return;
    }

  authorization = g_strdup_printf ("Bearer %s", self->token != NULL ? self->token : "");
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  memset (authorization, 0, strlen (authorization));

  g_clear_object (&self->connect_cancellable);
  self->connect_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->connect_cancellable), "hd-message",
                          g_object_ref (msg), g_object_unref);
  soup_session_websocket_connect_async (self->session, msg, NULL, (char **) protocols,
                                        G_PRIORITY_DEFAULT, self->connect_cancellable,
                                        connect_cb, g_object_ref (self));
}
