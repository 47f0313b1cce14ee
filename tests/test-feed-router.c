/* test-feed-router.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-feed-router"

#include "config.h"

#include <libsoup/soup.h>
#include <signal.h>

#include "hd-test-utils.h"
#include "hd-demo.h"
#include "hd-demo-router.h"
#include "hd-demo-templates.h"
#include "hd-error.h"
#include "hd-feed-client.h"
#include "hd-packet-parser.h"
#include "hd-time.h"

static void
test_new (void)
{
  HdDemoRouter *router = hd_demo_router_new ("secret");

  g_assert_null (hd_demo_router_get_uri (router));
  g_assert_finalize_object (router);
}

/* Every journey the demo offers is a packet the app accepts. */
static void
test_templates_parse (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean saw_hindi = FALSE;
  gboolean saw_vulnerable = FALSE;

  g_assert_cmpuint (hd_demo_templates_get_n (), >=, 8);
  for (guint i = 0; i < hd_demo_templates_get_n (); i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-test-%u", i);
      g_autoptr(JsonNode) node = hd_demo_template_build (i, id, now);
      g_autoptr(HdPacket) packet = NULL;
      g_autoptr(GError) error = NULL;
      HdRouting *routing;

      g_test_message ("template %s", hd_demo_template_get_name (i));
      packet = hd_packet_parse_node (node, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hd_packet_get_handoff_id (packet), ==, id);
      g_assert_nonnull (hd_demo_template_get_queue (i));
      g_assert_nonnull (hd_demo_template_get_follow_up (i, 0));
      g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), >=, 4);

      routing = hd_packet_get_routing (packet);
      saw_hindi |= g_strcmp0 (hd_routing_get_language (routing), "hi-IN") == 0;
      saw_vulnerable |= hd_routing_get_vulnerable (routing);

      /* Follow-up turns parse as turns too. */
      for (guint j = 0; hd_demo_template_get_follow_up (i, j) != NULL; j++)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) turn_node = NULL;
          g_autoptr(HdTurn) turn = NULL;
          g_autofree char *at = hd_time_format_rfc3339 (now, 6);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "speaker");
          json_builder_add_string_value (builder, "customer");
          json_builder_set_member_name (builder, "time");
          json_builder_add_string_value (builder, at);
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, hd_demo_template_get_follow_up (i, j));
          json_builder_end_object (builder);
          turn_node = json_builder_get_root (builder);
          turn = hd_turn_parse_node (turn_node, "/turns/0", &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (saw_hindi);
  g_assert_true (saw_vulnerable);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
nothing_ready (gpointer data)
{
  return !g_main_context_pending (NULL);
}

/* Dispatches what the closed sockets left ready to run (the clients' close
 * handshakes meeting the router's dropped sockets), so that none of it runs
 * inside the next test. */
static void
dispatch_ready (void)
{
  g_assert_true (hd_test_wait_until (nothing_ready, NULL, HD_TEST_TIMEOUT_MS));
}

/* A request and its answer on @client's connection: an accept of a handoff
 * the router never offered, which it refuses ("not_found").  The router
 * answers on the connection after everything it sent there before, and the
 * client applies frames in the order they arrive, so once the refusal is
 * here every earlier frame has been handled: a barrier for checks that
 * something did not arrive. */
static void
round_trip (HdFeedClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hd_feed_client_accept_async (client, "ho-never-offered", NULL, store_result_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_false (hd_feed_client_accept_finish (client, result, &error));
  /* The router's answer, not a timeout or a lost connection. */
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
}

static void
test_refuses_without_token (void)
{
  g_autoptr(HdDemoRouter) router = hd_demo_router_new ("secret");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *http = NULL;

  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_true (g_str_has_prefix (hd_demo_router_get_uri (router), "ws://127.0.0.1:"));

  http = g_strdup_printf ("http://127.0.0.1:%u/feed", hd_demo_router_get_port (router));
  msg = soup_message_new (SOUP_METHOD_GET, http);
  /* The router runs on this thread's main context: ask asynchronously. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, store_result_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpuint (hd_demo_router_get_n_auth_refused (router), ==, 1);
  hd_demo_router_stop (router);
}

typedef struct
{
  guint n_snapshots;
  guint n_events;
} Supervision;

static void
on_snapshot_cb (HdFeedClient *client,
                JsonObject   *body,
                Supervision  *supervision)
{
  g_assert_true (json_object_has_member (body, "queues"));
  supervision->n_snapshots++;
}

static void
on_event_cb (HdFeedClient *client,
             JsonObject   *body,
             Supervision  *supervision)
{
  g_assert_cmpstr (json_object_get_string_member (body, "queue_id"), ==, "fraud");
  supervision->n_events++;
}

/* Whether some handoff in @queue got a streamed turn, and whether some was
 * abandoned by its customer. */
static gboolean
scan_queue (HdQueue  *queue,
            gboolean *appended,
            gboolean *abandoned)
{
  *appended = *abandoned = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (G_LIST_MODEL (queue), i);
      HdPacket *packet = hd_handoff_get_packet (handoff);

      *appended |= g_list_model_get_n_items (hd_handoff_get_transcript (handoff)) >
                   g_list_model_get_n_items (hd_packet_get_transcript (packet));
      *abandoned |= hd_handoff_get_revoke_reason (handoff) == HD_REVOKE_REASON_CUSTOMER_ABANDONED;
    }
  return *appended && *abandoned;
}

/* Generated offers at a rate, streamed turns, abandons, the supervisor view. */
static void
test_generated_traffic (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autoptr(HdFeedClient) agent = NULL;
  g_autoptr(HdFeedClient) supervisor = NULL;
  g_autoptr(GError) error = NULL;
  Supervision supervision = { 0 };
  const char *fraud[] = { "fraud", NULL };
  HdQueue *queue;
  gboolean appended = FALSE;
  gboolean abandoned = FALSE;

  g_object_set (router,
                "heartbeat-ms", 200,
                "offer-ttl-s", 2,
                "turn-interval-ms", 100,
                "abandon-ratio", 0.5,
                NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));

  agent = hd_feed_client_new (hd_demo_router_get_uri (router), "agent-1", token, NULL, NULL);
  supervisor = hd_feed_client_new (hd_demo_router_get_uri (router), "supervisor-1", token, NULL, NULL);
  g_signal_connect (supervisor, "queue-snapshot", G_CALLBACK (on_snapshot_cb), &supervision);
  g_signal_connect (supervisor, "queue-event", G_CALLBACK (on_event_cb), &supervision);
  hd_feed_client_subscribe_queues (supervisor, fraud);
  /* The supervisor's own stream must not draw generated offers.  Its hello
   * makes it an available agent until its status arrives, so offers start
   * only once the router has that: it answers the subscription, sent after
   * the status, with the snapshot. */
  hd_feed_client_set_status (supervisor, HD_FEED_AGENT_STATUS_AWAY);
  hd_feed_client_start (supervisor);
  HD_TEST_WAIT_UNTIL (supervision.n_snapshots == 1, 20000);
  hd_feed_client_start (agent);
  hd_demo_router_set_offer_rate (router, 1200.0);   /* one every 50 ms */

  queue = hd_feed_client_get_queue (agent);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (queue)) >= 20, 20000);
  HD_TEST_WAIT_UNTIL (supervision.n_snapshots == 1 && supervision.n_events > 0, 20000);
  /* Turns stream every 100 ms while an offer waits; a customer abandons
   * 0.6 to 1.6 s after the offer. */
  HD_TEST_WAIT_UNTIL (scan_queue (queue, &appended, &abandoned), HD_TEST_TIMEOUT_MS);
  g_assert_true (appended);
  g_assert_true (abandoned);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (agent), ==, 0);
  /* An offer routed to the supervisor would have been handled before this. */
  round_trip (supervisor);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (supervisor))), ==, 0);

  hd_feed_client_stop (agent);
  hd_feed_client_stop (supervisor);
  hd_demo_router_stop (router);
  dispatch_ready ();
}

/* What --demo runs on: HdDemo starts both servers on loopback and hands out what a session
 * needs to reach them; the feed it hands out already has three chats waiting. */
static void
test_demo_servers (void)
{
  g_autoptr(HdDemo) demo = hd_demo_new ();
  g_autoptr(HdFeedClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (hd_demo_get_feed_url (demo));
  g_assert_true (hd_demo_start (demo, &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_prefix (hd_demo_get_feed_url (demo), "ws://127.0.0.1:"));
  g_assert_cmpstr (hd_demo_get_token (demo), !=, "");
  g_assert_cmpstr (hd_demo_get_agent_id (demo), ==, "agent-demo");
  g_assert_true (g_str_has_prefix (hd_demo_get_sf_login_url (demo), "http://127.0.0.1:"));
  g_assert_cmpstr (hd_demo_get_sf_client_id (demo), ==,
                   hd_sf_standin_get_client_id (hd_demo_get_sf_standin (demo)));
  g_assert_cmpstr (hd_demo_get_sf_redirect_path (demo), ==, "/OauthRedirect");
  g_assert_cmpstr (hd_demo_get_sf_api_version (demo), ==, "v64.0");
  g_assert_cmpstr (hd_demo_router_get_uri (hd_demo_get_router (demo)), ==, hd_demo_get_feed_url (demo));

  client = hd_feed_client_new (hd_demo_get_feed_url (demo), hd_demo_get_agent_id (demo),
                               hd_demo_get_token (demo), NULL, NULL);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (client))) >= 3,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (client), ==, 0);

  hd_feed_client_stop (client);
  hd_demo_stop (demo);
  dispatch_ready ();
}

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **line = user_data;
  g_autoptr(GError) error = NULL;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL,
                                                     &error);
  g_assert_no_error (error);
  g_assert_nonnull (*line);
}

/* The standalone binary, as integrators and scripts use it: the token from
 * the environment, the URL on the first line of standard output. */
static void
test_standalone_binary (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "..", "src", "demo",
                                                 "handoffdesk-router", NULL);
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(HdFeedClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("handoffdesk-router is not built");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "HANDOFFDESK_ROUTER_TOKEN", token, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, path, "--port", "0", "--rate", "600",
                                         "--heartbeat-ms", "200", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, read_line_cb, &line);
  HD_TEST_WAIT_UNTIL (line != NULL, 20000);
  g_assert_true (g_str_has_prefix (line, "url=ws://127.0.0.1:"));

  client = hd_feed_client_new (line + strlen ("url="), "agent-1", token, NULL, NULL);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (client))) >= 3, 20000);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (client), ==, 0);
  hd_feed_client_stop (client);

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/feed-router/new", test_new);
  g_test_add_func ("/hd/feed-router/templates-parse", test_templates_parse);
  g_test_add_func ("/hd/feed-router/refuses-without-token", test_refuses_without_token);
  g_test_add_func ("/hd/feed-router/generated-traffic", test_generated_traffic);
  g_test_add_func ("/hd/feed-router/demo-servers", test_demo_servers);
  g_test_add_func ("/hd/feed-router/standalone-binary", test_standalone_binary);

  return g_test_run ();
}
