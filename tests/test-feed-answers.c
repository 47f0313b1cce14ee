/* test-feed-answers.c: the feed protocol's answers to an implementer's questions
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test here backs one answer of docs/feed-protocol.md ("Questions
 * implementers ask"), against a scripted loopback server that sends exactly
 * the frames the test writes, or the built-in router where the answer is the
 * router's.  Also: the client's stops, each logged once on stderr.
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "hd-demo-router.h"
#include "hd-feed-client.h"
#include "hd-feed-protocol.h"
#include "hd-test-packet-generator.h"
#include "hd-test-utils.h"

#define AGENT "agent-answers"

/* A WebSocket server that says nothing by itself: the test sends its
 * frames and reads what the client sent. */
typedef struct
{
  SoupServer              *server;
  char                    *uri;
  SoupWebsocketConnection *ws;        /* the newest connection */
  GPtrArray               *received;  /* of char *: every text frame, in order */
  guint                    n_connections;
  gboolean                 closed;
} Script;

static void
on_script_message_cb (SoupWebsocketConnection *ws,
                      gint                     type,
                      GBytes                  *bytes,
                      Script                  *script)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_ptr_array_add (script->received, g_strndup (data, length));
}

static void
on_script_closed_cb (SoupWebsocketConnection *ws,
                     Script                  *script)
{
  if (ws == script->ws)
    script->closed = TRUE;
}

static void
script_websocket_cb (SoupServer              *server,
                     SoupServerMessage       *msg,
                     const char              *path,
                     SoupWebsocketConnection *connection,
                     gpointer                 user_data)
{
  Script *script = user_data;

  if (script->ws != NULL)
    g_signal_handlers_disconnect_by_data (script->ws, script);
  g_clear_object (&script->ws);
  script->ws = g_object_ref (connection);
  script->closed = FALSE;
  script->n_connections++;
  g_signal_connect (connection, "message", G_CALLBACK (on_script_message_cb), script);
  g_signal_connect (connection, "closed", G_CALLBACK (on_script_closed_cb), script);
}

/* @subprotocol: FALSE for a server that selects none. */
static void
script_start (Script   *script,
              gboolean  subprotocol)
{
  const char *protocols[] = { HD_FEED_SUBPROTOCOL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;

  script->received = g_ptr_array_new_with_free_func (g_free);
  script->server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (script->server, "/feed", NULL,
                                     subprotocol ? (char **) protocols : NULL,
                                     script_websocket_cb, script, NULL);
  g_assert_true (soup_server_listen_local (script->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (script->server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  /* http://127.0.0.1:port/ → ws://127.0.0.1:port/feed */
  script->uri = g_strdup_printf ("ws%sfeed", base + strlen ("http"));
}

static void
script_stop (Script *script)
{
  if (script->ws != NULL)
    {
      g_signal_handlers_disconnect_by_data (script->ws, script);
      if (soup_websocket_connection_get_state (script->ws) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (script->ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
  g_clear_object (&script->ws);
  soup_server_disconnect (script->server);
  g_clear_object (&script->server);
  g_clear_pointer (&script->received, g_ptr_array_unref);
  g_clear_pointer (&script->uri, g_free);
}

static void
script_send (Script     *script,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
script_send (Script     *script,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_nonnull (script->ws);
  soup_websocket_connection_send_text (script->ws, text);
}

/* The index of the first frame from @from on containing @needle, or -1. */
static int
script_find (Script     *script,
             guint       from,
             const char *needle)
{
  for (guint i = from; i < script->received->len; i++)
    if (strstr (g_ptr_array_index (script->received, i), needle) != NULL)
      return (int) i;
  return -1;
}

static HdFeedClient *
make_client (const char *uri,
             HdQueue    *queue)
{
  HdFeedClient *client = hd_feed_client_new (uri, AGENT, "token", NULL, queue);

  g_object_set (client, "backoff-initial-ms", 10, "backoff-max-ms", 100, "ack-delay-ms", 5, NULL);
  return client;
}

static void
send_welcome (Script     *script,
              const char *stream_id,
              guint       heartbeat_ms,
              gint64      last_seq)
{
  script_send (script, "{\"type\":\"welcome\",\"protocol\":\"" HD_FEED_SUBPROTOCOL "\",\"stream_id\":\"%s\","
               "\"heartbeat_ms\":%u,\"last_seq\":%" G_GINT64_FORMAT ",\"resumed\":true,"
               "\"relays_agent_messages\":true}",
               stream_id, heartbeat_ms, last_seq);
}

static char *
offer_frame (const char *handoff_id,
             const char *packet_handoff_id,
             gint64      seq)
{
  g_autoptr(GBytes) bytes = hd_test_packet_generator_build (2, 1);
  g_autoptr(GString) packet = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (packet, "ho-synth-00000001", packet_handoff_id, 0), >, 0);
  return g_strdup_printf ("{\"type\":\"offer\",\"handoff_id\":\"%s\",\"queue_id\":\"cards\","
                          "\"packet\":%s,\"seq\":%" G_GINT64_FORMAT "}",
                          handoff_id, packet->str, seq);
}

/* Liveness --------------------------------------------------------------- */

typedef struct
{
  gint64 connected_at;
  gint64 lost_at;
} Times;

static void
on_state_cb (HdFeedClient *client,
             GParamSpec   *pspec,
             Times        *times)
{
  HdFeedClientState state = hd_feed_client_get_state (client);

  if (state == HD_FEED_CLIENT_STATE_CONNECTED && times->connected_at == 0)
    times->connected_at = g_get_monotonic_time ();
  else if (state != HD_FEED_CLIENT_STATE_CONNECTED && times->connected_at != 0 && times->lost_at == 0)
    times->lost_at = g_get_monotonic_time ();
}

/* "A bound on dead-connection detection": the welcome is the last frame; the
 * client declares the connection dead 2.5 × heartbeat_ms after it, not
 * earlier and not a polling interval later (the old watchdog, polling every
 * quarter interval, fired at 2.75 ×: this test fails on it). */
static void
test_dead_connection_bound (void)
{
  const guint heartbeat_ms = 1000;
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  Script script = { 0 };
  Times times = { 0 };
  gint64 dead_after_ms;

  script_start (&script, TRUE);
  client = make_client (script.uri, queue);
  g_signal_connect (client, "notify::state", G_CALLBACK (on_state_cb), &times);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (script_find (&script, 0, "\"hello\"") >= 0, HD_TEST_TIMEOUT_MS);
  send_welcome (&script, "stream-a", heartbeat_ms, 0);
  HD_TEST_WAIT_UNTIL (times.connected_at != 0, HD_TEST_TIMEOUT_MS);

  /* No heartbeat, nothing at all, from here on. */
  HD_TEST_WAIT_UNTIL (times.lost_at != 0, HD_TEST_TIMEOUT_MS);
  dead_after_ms = (times.lost_at - times.connected_at) / 1000;
  g_test_message ("declared dead %" G_GINT64_FORMAT " ms after the welcome (heartbeat %u ms)",
                  dead_after_ms, heartbeat_ms);
  /* connected_at is taken just after the client's own clock started, so
   * the measure can only be a little short of the client's. */
  g_assert_cmpint (dead_after_ms, >=, heartbeat_ms * 5 / 2 - 20);
  g_assert_cmpint (dead_after_ms, <, heartbeat_ms * 5 / 2 + heartbeat_ms / 8);
  g_assert_cmpint (hd_feed_client_get_state (client), ==, HD_FEED_CLIENT_STATE_RECONNECTING);

  hd_feed_client_stop (client);
  script_stop (&script);
}

/* Stops ------------------------------------------------------------------ */

typedef struct
{
  guint   n_stopped;   /* "The feed client stopped" messages */
  guint   n_notices;
  GString *log;
} Stops;

static void
count_log_cb (const char     *domain,
              GLogLevelFlags  level,
              const char     *message,
              gpointer        user_data)
{
  Stops *stops = user_data;

  if (strstr (message, "The feed client stopped") != NULL)
    {
      stops->n_stopped++;
      g_string_append_printf (stops->log, "%s\n", message);
    }
  /* Still on stderr, as in the app. */
  g_log_default_handler (domain, level, message, NULL);
}

static void
on_notice_cb (HdFeedClient *client,
              const char   *notice,
              Stops        *stops)
{
  stops->n_notices++;
}

/* A server that selects no subprotocol stops the client, which says so once
 * on stderr, in "last-error" and as a notice, like every other stop. */
static void
test_stop_no_subprotocol (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  Script script = { 0 };
  Stops stops = { 0, 0, g_string_new (NULL) };
  guint handler = g_log_set_handler ("hd-feed-client", G_LOG_LEVEL_MESSAGE, count_log_cb, &stops);

  script_start (&script, FALSE);
  client = make_client (script.uri, queue);
  g_signal_connect (client, "notice", G_CALLBACK (on_notice_cb), &stops);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_INCOMPATIBLE,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (stops.n_stopped, ==, 1);
  g_assert_nonnull (strstr (stops.log->str, "incompatible"));
  g_assert_nonnull (strstr (stops.log->str, "subprotocol"));
  g_assert_cmpuint (stops.n_notices, ==, 1);
  g_assert_nonnull (strstr (hd_feed_client_get_last_error (client), "subprotocol"));
  /* No retry: one connection was all. */
  g_assert_cmpuint (script.n_connections, ==, 1);

  hd_feed_client_stop (client);
  g_assert_cmpuint (stops.n_stopped, ==, 1);
  g_log_remove_handler ("hd-feed-client", handler);
  g_string_free (stops.log, TRUE);
  script_stop (&script);
}

/* Refused tokens and a newer connection of the same agent stop the client
 * too, each logged once. */
static void
test_stop_auth_and_superseded (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdQueue) other_queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  g_autoptr(HdFeedClient) other = NULL;
  g_autoptr(GError) error = NULL;
  Stops stops = { 0, 0, g_string_new (NULL) };
  guint handler = g_log_set_handler ("hd-feed-client", G_LOG_LEVEL_MESSAGE, count_log_cb, &stops);

  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);

  client = make_client (hd_demo_router_get_uri (router), queue);
  g_signal_connect (client, "notice", G_CALLBACK (on_notice_cb), &stops);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_AUTH_FAILED,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (stops.n_stopped, ==, 1);
  g_assert_nonnull (strstr (stops.log->str, "auth-failed"));
  g_assert_cmpuint (stops.n_notices, ==, 1);

  /* The right token; then the same agent signs in elsewhere. */
  hd_feed_client_set_token (client, token);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_CONNECTED,
                      HD_TEST_TIMEOUT_MS);
  other = make_client (hd_demo_router_get_uri (router), other_queue);
  hd_feed_client_set_token (other, token);
  hd_feed_client_start (other);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_DISCONNECTED,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (stops.n_stopped, ==, 2);
  g_assert_nonnull (strstr (stops.log->str, "another place"));
  g_assert_cmpuint (stops.n_notices, ==, 2);
  g_assert_nonnull (strstr (hd_feed_client_get_last_error (client), "another place"));

  hd_feed_client_stop (other);
  hd_feed_client_stop (client);
  g_log_remove_handler ("hd-feed-client", handler);
  g_string_free (stops.log, TRUE);
  hd_demo_router_stop (router);
}

/* Sequencing answers ----------------------------------------------------- */

static gboolean
acked (Script *script,
       gint64  seq)
{
  g_autofree char *needle = g_strdup_printf ("\"type\":\"ack\",\"seq\":%" G_GINT64_FORMAT, seq);

  return script_find (script, 0, needle) >= 0;
}

/* "Does a rejected frame that carries seq advance the sequence?"  A
 * sequenced message the client understood and refused (an offer whose
 * packet fails, or whose packet is for another handoff) does: it is
 * acknowledged and not replayed.  A frame that is not a message at all
 * (not JSON) has no seq anyone can trust, and does not. */
static void
test_rejected_frames_and_seq (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  g_autofree char *mismatched = offer_frame ("ho-answer-1", "ho-answer-other", 1);
  g_autofree char *good = offer_frame ("ho-answer-3", "ho-answer-3", 3);
  Script script = { 0 };

  script_start (&script, TRUE);
  client = make_client (script.uri, queue);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (script_find (&script, 0, "\"hello\"") >= 0, HD_TEST_TIMEOUT_MS);
  send_welcome (&script, "stream-a", 15000, 0);

  /* packet.handoff_id differs from the offer's: rejected, nothing shown,
   * yet processed: seq 1 is acknowledged. */
  script_send (&script, "%s", mismatched);
  HD_TEST_WAIT_UNTIL (acked (&script, 1), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (client), ==, 1);

  /* An offer without a valid packet, seq 2: the same. */
  script_send (&script, "{\"type\":\"offer\",\"handoff_id\":\"ho-answer-2\",\"packet\":{\"x\":1},\"seq\":2}");
  HD_TEST_WAIT_UNTIL (acked (&script, 2), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (client), ==, 2);

  /* Not JSON, though "seq":9 is in its bytes: rejected without touching
   * the sequence, so seq 3 after it is applied, not taken for a replay. */
  script_send (&script, "{\"type\":\"offer\",\"seq\":9,");
  script_send (&script, "%s", good);
  HD_TEST_WAIT_UNTIL (acked (&script, 3), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (client), ==, 3);
  g_assert_nonnull (hd_queue_lookup (queue, "ho-answer-3"));
  g_assert_cmpint (hd_feed_client_get_last_seq (client), ==, 3);

  hd_feed_client_stop (client);
  script_stop (&script);
}

/* "Does the client reset its last seq on a new stream_id?"  Yes: a welcome
 * naming another stream starts the sequence again, so that stream's seq 1
 * is applied, not dropped as a duplicate of the old stream's. */
static void
test_new_stream_resets_seq (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  Script script = { 0 };
  int hello;

  script_start (&script, TRUE);
  client = make_client (script.uri, queue);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (script_find (&script, 0, "\"hello\"") >= 0, HD_TEST_TIMEOUT_MS);
  send_welcome (&script, "stream-a", 15000, 0);
  for (gint64 seq = 1; seq <= 3; seq++)
    {
      g_autofree char *id = g_strdup_printf ("ho-stream-a-%" G_GINT64_FORMAT, seq);
      g_autofree char *frame = offer_frame (id, id, seq);

      script_send (&script, "%s", frame);
    }
  HD_TEST_WAIT_UNTIL (acked (&script, 3), HD_TEST_TIMEOUT_MS);

  /* The router restarts as a new stream. */
  soup_websocket_connection_close (script.ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  HD_TEST_WAIT_UNTIL (script.n_connections == 2 &&
                      (hello = script_find (&script, 1, "\"hello\"")) > 0, HD_TEST_TIMEOUT_MS);
  /* It asked to resume stream-a after 3. */
  g_assert_nonnull (strstr (g_ptr_array_index (script.received, hello), "\"resume_after\":3"));
  g_assert_nonnull (strstr (g_ptr_array_index (script.received, hello), "stream-a"));
  send_welcome (&script, "stream-b", 15000, 1);
  {
    g_autofree char *frame = offer_frame ("ho-stream-b-1", "ho-stream-b-1", 1);

    script_send (&script, "%s", frame);
  }
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (queue, "ho-stream-b-1") != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_feed_client_get_last_seq (client), ==, 1);
  g_assert_cmpuint (hd_feed_client_get_duplicates_dropped (client), ==, 0);

  hd_feed_client_stop (client);
  script_stop (&script);
}

/* "What is the agent's initial status, and when is it sent?"  None is sent
 * until the agent picks one (a router takes a new agent as available);
 * once picked, it is sent at once and again right after every welcome. */
static void
test_initial_status (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdFeedClient) client = NULL;
  g_autofree char *frame = offer_frame ("ho-status-1", "ho-status-1", 1);
  Script script = { 0 };
  int hello;
  int status;

  script_start (&script, TRUE);
  client = make_client (script.uri, queue);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (script_find (&script, 0, "\"hello\"") >= 0, HD_TEST_TIMEOUT_MS);
  send_welcome (&script, "stream-a", 15000, 0);
  /* A round trip: the ack of an offer sent after the welcome comes after
   * anything the client would have sent on the welcome. */
  script_send (&script, "%s", frame);
  HD_TEST_WAIT_UNTIL (acked (&script, 1), HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (script_find (&script, 0, "\"status\""), <, 0);

  hd_feed_client_set_status (client, HD_FEED_AGENT_STATUS_BUSY);
  HD_TEST_WAIT_UNTIL (script_find (&script, 0, "\"status\":\"busy\"") >= 0, HD_TEST_TIMEOUT_MS);

  soup_websocket_connection_close (script.ws, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  HD_TEST_WAIT_UNTIL (script.n_connections == 2 &&
                      (hello = script_find (&script, 2, "\"hello\"")) > 0, HD_TEST_TIMEOUT_MS);
  send_welcome (&script, "stream-a", 15000, 1);
  HD_TEST_WAIT_UNTIL ((status = script_find (&script, (guint) hello, "\"status\":\"busy\"")) > hello,
                      HD_TEST_TIMEOUT_MS);

  hd_feed_client_stop (client);
  script_stop (&script);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The router's side: "what is welcome.resumed when stream_id is foreign or
 * resume_after is ahead?"  The router replays its stream from the start,
 * and resumed says whether that start is still in its window: true while
 * the window reaches back to seq 1. */
static void
test_router_resume_answers (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autoptr(GError) error = NULL;
  const struct { const char *stream; gint64 resume_after; } cases[] = {
    { "a-foreign-stream", 1 },
    { NULL, 1000 },   /* ahead of the stream */
  };

  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    g_free (hd_demo_router_push_offer (router, AGENT, -1));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", hd_demo_router_get_uri (router));
      g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);
      const char *protocols[] = { HD_FEED_SUBPROTOCOL, NULL };
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(SoupWebsocketConnection) ws = NULL;
      g_autofree char *hello = hd_feed_build_hello (AGENT, 1, NULL, cases[i].resume_after, cases[i].stream);
      Script reader = { .received = g_ptr_array_new_with_free_func (g_free) };
      int welcome;
      int first_offer;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
      soup_session_websocket_connect_async (session, msg, NULL, (char **) protocols, G_PRIORITY_DEFAULT,
                                            NULL, store_result_cb, &result);
      HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
      ws = soup_session_websocket_connect_finish (session, result, &error);
      g_assert_no_error (error);
      g_signal_connect (ws, "message", G_CALLBACK (on_script_message_cb), &reader);
      soup_websocket_connection_send_text (ws, hello);

      /* The welcome, then the stream from its first offer (seq 1). */
      HD_TEST_WAIT_UNTIL ((welcome = script_find (&reader, 0, "\"welcome\"")) >= 0 &&
                          (first_offer = script_find (&reader, 0, "\"seq\":1}")) > welcome,
                          HD_TEST_TIMEOUT_MS);
      g_test_message ("%s", (char *) g_ptr_array_index (reader.received, welcome));
      g_assert_nonnull (strstr (g_ptr_array_index (reader.received, welcome), "\"resumed\":true"));

      g_signal_handlers_disconnect_by_data (ws, &reader);
      soup_websocket_connection_close (ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_ptr_array_unref (reader.received);
    }
  hd_demo_router_stop (router);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/feed-answers/dead-connection-bound", test_dead_connection_bound);
  g_test_add_func ("/hd/feed-answers/stop-no-subprotocol", test_stop_no_subprotocol);
  g_test_add_func ("/hd/feed-answers/stop-auth-and-superseded", test_stop_auth_and_superseded);
  g_test_add_func ("/hd/feed-answers/rejected-frames-and-seq", test_rejected_frames_and_seq);
  g_test_add_func ("/hd/feed-answers/new-stream-resets-seq", test_new_stream_resets_seq);
  g_test_add_func ("/hd/feed-answers/initial-status", test_initial_status);
  g_test_add_func ("/hd/feed-answers/router-resume", test_router_resume_answers);

  return g_test_run ();
}
