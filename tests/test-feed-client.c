/* test-feed-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-feed-client"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "hd-test-packet-generator.h"
#include "hd-test-utils.h"
#include "hd-demo-router.h"
#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-feed-client.h"
#include "hd-feed-protocol.h"

#define AGENT "agent-007"

typedef struct
{
  char         *token;
  HdDemoRouter *router;
  HdFeedClient *client;
  HdQueue      *queue;
  char         *dir;
  char         *state_path;
  guint         n_notices;
  char         *last_notice;
  guint         n_added;
  guint         n_retries;   /* retries the current client scheduled (backoffs begun) */
  GPtrArray    *added_ids;   /* every handoff id the queue ever presented */
} Fixture;

static void
on_notice_cb (HdFeedClient *client,
              const char   *message,
              Fixture      *fixture)
{
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  fixture->n_notices++;
  g_free (fixture->last_notice);
  fixture->last_notice = g_strdup (message);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (model, position + i);

      g_ptr_array_add (fixture->added_ids, g_strdup (hd_handoff_get_handoff_id (handoff)));
    }
  fixture->n_added += added;
}

/* Every retry goes through the backoff, which sets "next-retry-at": each
 * time it is set is a retry scheduled. */
static void
on_next_retry_at_cb (HdFeedClient *client,
                     GParamSpec   *pspec,
                     Fixture      *fixture)
{
  g_autoptr(GDateTime) at = NULL;

  g_object_get (client, "next-retry-at", &at, NULL);
  if (at != NULL)
    fixture->n_retries++;
}

static HdFeedClient *
make_client (Fixture    *fixture,
             const char *token)
{
  HdFeedClient *client;

  g_clear_object (&fixture->queue);
  fixture->queue = hd_queue_new ();
  g_signal_connect (fixture->queue, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);

  client = hd_feed_client_new (hd_demo_router_get_uri (fixture->router), AGENT, token,
                               fixture->state_path, fixture->queue);
  g_object_set (client,
                "backoff-initial-ms", 10,
                "backoff-max-ms", 200,
                "ack-delay-ms", 20,
                "request-timeout-ms", 5000,
                NULL);
  g_signal_connect (client, "notice", G_CALLBACK (on_notice_cb), fixture);
  g_signal_connect (client, "notify::next-retry-at", G_CALLBACK (on_next_retry_at_cb), fixture);
  fixture->n_retries = 0;
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->token = hd_demo_router_generate_token ();
  fixture->router = hd_demo_router_new (fixture->token);
  g_object_set (fixture->router, "heartbeat-ms", 200, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (fixture->router, 0, &error));
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("hd-feed-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->state_path = g_build_filename (fixture->dir, "feed-state.json", NULL);
  fixture->added_ids = g_ptr_array_new_with_free_func (g_free);
  fixture->client = make_client (fixture, fixture->token);
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->client != NULL)
    hd_feed_client_stop (fixture->client);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->queue);
  hd_demo_router_stop (fixture->router);
  dispatch_ready ();
  g_assert_finalize_object (fixture->router);

  g_unlink (fixture->state_path);
  g_rmdir (fixture->dir);
  g_free (fixture->state_path);
  g_free (fixture->last_notice);
  g_free (fixture->dir);
  g_free (fixture->token);
  g_ptr_array_unref (fixture->added_ids);
}

static gboolean
is_connected (Fixture *fixture)
{
  return hd_feed_client_get_state (fixture->client) == HD_FEED_CLIENT_STATE_CONNECTED;
}

/* Whether the client is backing off towards another attempt. */
static gboolean
has_retry_pending (HdFeedClient *client)
{
  g_autoptr(GDateTime) at = NULL;

  g_object_get (client, "next-retry-at", &at, NULL);
  return at != NULL;
}

static void
test_new (void)
{
  HdFeedClient *client = hd_feed_client_new ("ws://127.0.0.1:9/feed", AGENT, "secret", NULL, NULL);

  g_assert_cmpint (hd_feed_client_get_state (client), ==, HD_FEED_CLIENT_STATE_DISCONNECTED);
  g_assert_nonnull (hd_feed_client_get_queue (client));
  g_assert_null (hd_feed_client_get_connected_since (client));
  g_assert_finalize_object (client);
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A request and its answer on @client's connection: an accept of a handoff
 * the router never offered, which it refuses ("not_found").  The router
 * answers on the connection after everything it sent there before, and the
 * client applies frames in the order they arrive, so once the refusal is
 * here every earlier frame (duplicates and replays included) has been
 * handled: a barrier for checks that something did not happen.  When the
 * connection drops first (a test's last kill can land after its last offer
 * arrived, and a loaded machine can miss heartbeats), the request fails with
 * HD_ERROR_IO; the barrier is then taken on the next connection, whose
 * resumption the router sends before its answer. */
static void
round_trip (HdFeedClient *client)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_CONNECTED,
                          HD_TEST_TIMEOUT_MS);
      hd_feed_client_accept_async (client, "ho-never-offered", NULL, async_done_cb, &result);
      HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
      g_assert_false (hd_feed_client_accept_finish (client, result, &error));
      if (attempt < 3 && g_error_matches (error, HD_ERROR, HD_ERROR_IO))
        {
          g_test_message ("the barrier's connection was lost (%s): again on the next one", error->message);
          continue;
        }
      /* The router's answer, not a timeout or a lost connection. */
      g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
      return;
    }
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HdHandoff *handoff;
  guint n_turns;

  hd_feed_client_start (fixture->client);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_CONNECTING);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  g_assert_nonnull (hd_feed_client_get_connected_since (fixture->client));
  g_assert_true (hd_feed_client_get_relays_agent_messages (fixture->client));

  id1 = hd_demo_router_push_offer (fixture->router, AGENT, 0);
  id2 = hd_demo_router_push_offer (fixture->router, AGENT, 2);
  id3 = hd_demo_router_push_offer (fixture->router, AGENT, 5);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 3, 10000);
  g_assert_cmpuint (hd_queue_get_n_open (fixture->queue), ==, 3);

  handoff = hd_queue_lookup (fixture->queue, id2);
  g_assert_nonnull (handoff);
  g_assert_true (hd_handoff_get_vulnerable (handoff));
  g_assert_nonnull (hd_handoff_get_sla_deadline (handoff));
  g_assert_nonnull (hd_handoff_get_expires_at (handoff));

  /* A customer turn arrives while the offer waits. */
  handoff = hd_queue_lookup (fixture->queue, id1);
  n_turns = g_list_model_get_n_items (hd_handoff_get_transcript (handoff));
  g_assert_true (hd_demo_router_push_turn (fixture->router, id1, "hello? my card is 4111 1111 1111 1111"));
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (hd_handoff_get_transcript (handoff)) == n_turns + 1, 10000);
  {
    g_autoptr(HdTurn) turn = g_list_model_get_item (hd_handoff_get_transcript (handoff), n_turns);

    g_assert_null (strstr (hd_turn_get_text (turn), "4111 1111 1111 1111"));
  }

  /* Accept: the item changes only when the router confirms. */
  hd_feed_client_accept_async (fixture->client, id1, NULL, async_done_cb, &result);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_OFFERED);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_true (hd_feed_client_accept_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_cmpstr (hd_demo_router_get_offer_state (fixture->router, id1), ==, "accepted");

  /* The agent's reply is relayed and comes back in the transcript. */
  hd_feed_client_send_agent_message_async (fixture->client, id1, "I've switched it on for you.",
                                           NULL, async_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_true (hd_feed_client_send_agent_message_finish (fixture->client, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (handoff)), ==, n_turns + 2);

  hd_feed_client_wrap_up_async (fixture->client, id1, "resolved", "Enabled for 10 days", NULL,
                                async_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_true (hd_feed_client_wrap_up_finish (fixture->client, result, &error));
  g_clear_object (&result);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_WRAPPED_UP);

  /* Decline. */
  hd_feed_client_decline_async (fixture->client, id2, "not_my_skill", NULL, async_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_true (hd_feed_client_decline_finish (fixture->client, result, &error));
  g_clear_object (&result);
  g_assert_cmpint (hd_handoff_get_state (hd_queue_lookup (fixture->queue, id2)), ==,
                   HD_HANDOFF_STATE_DECLINED);

  /* Revoke, then a late accept is refused as a conflict. */
  g_assert_true (hd_demo_router_revoke (fixture->router, id3, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  handoff = hd_queue_lookup (fixture->queue, id3);
  HD_TEST_WAIT_UNTIL (hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_REVOKED, 10000);
  g_assert_cmpint (hd_handoff_get_revoke_reason (handoff), ==, HD_REVOKE_REASON_CUSTOMER_ABANDONED);
  hd_feed_client_accept_async (fixture->client, id3, NULL, async_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_false (hd_feed_client_accept_finish (fixture->client, result, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_REVOKED);

  g_assert_cmpuint (hd_queue_get_n_open (fixture->queue), ==, 0);
  g_assert_cmpuint (fixture->n_notices, ==, 0);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (fixture->client), ==, 0);

  /* The router hears the acknowledgement of everything applied. */
  HD_TEST_WAIT_UNTIL (hd_demo_router_get_acked_seq (fixture->router, AGENT) ==
              hd_feed_client_get_last_seq (fixture->client), 10000);

  /* Stopping fails requests and shows a clear state. */
  hd_feed_client_stop (fixture->client);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_DISCONNECTED);
  hd_feed_client_accept_async (fixture->client, id3, NULL, async_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, 10000);
  g_assert_false (hd_feed_client_accept_finish (fixture->client, result, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The acceptance test: 1,000 offers, the connection killed at 20
 * random points (and every frame doubled for a stretch): each offer is
 * presented exactly once, in order. */
static void
test_exactly_once (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) pushed = g_ptr_array_new_with_free_func (g_free);
  guint kills[20];
  guint next_kill = 0;
  guint n = 1000;

  /* Long heartbeats: a busy ASan build must not look dead. */
  hd_demo_router_set_heartbeat_ms (fixture->router, 2000);
  for (guint i = 0; i < G_N_ELEMENTS (kills); i++)
    kills[i] = (guint) g_test_rand_int_range (1, (gint32) n);
  qsort (kills, G_N_ELEMENTS (kills), sizeof (guint), compare_uint);

  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (pushed, hd_demo_router_push_offer (fixture->router, AGENT, (int) (i % 9)));

      while (next_kill < G_N_ELEMENTS (kills) && kills[next_kill] == i)
        {
          /* Each kill hits a new, live connection, with offers in flight. */
          HD_TEST_WAIT_UNTIL (is_connected (fixture) &&
                      hd_feed_client_get_reconnects (fixture->client) == next_kill, 10000);
          g_test_message ("killing the connection after offer %u (client at seq %" G_GINT64_FORMAT ")",
                          i, hd_feed_client_get_last_seq (fixture->client));
          hd_demo_router_drop_connections (fixture->router);
          next_kill++;
        }
      hd_demo_router_set_duplicate_frames (fixture->router, i >= 400 && i < 500);

      /* Let the client run in between, so kills land mid-stream. */
      if (i % 7 == 0)
        for (guint j = 0; j < 5 && g_main_context_iteration (NULL, FALSE); j++)
          ;
    }
  hd_demo_router_set_duplicate_frames (fixture->router, FALSE);

  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) >= n &&
              is_connected (fixture), 90000);
  /* Anything late and duplicate (a doubled frame, a replay) was sent on this
   * connection before the router answers this: it has been handled now. */
  round_trip (fixture->client);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, n);
  g_assert_cmpuint (fixture->n_added, ==, n);
  g_assert_cmpuint (hd_queue_get_n_presented (fixture->queue), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (G_LIST_MODEL (fixture->queue), i);

      g_assert_cmpstr (hd_handoff_get_handoff_id (handoff), ==, g_ptr_array_index (pushed, i));
    }
  g_assert_cmpuint (hd_feed_client_get_reconnects (fixture->client), ==, G_N_ELEMENTS (kills));
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (fixture->client), ==, 0);
  /* The doubled frames were seen and dropped by sequence number. */
  g_assert_cmpuint (hd_feed_client_get_duplicates_dropped (fixture->client), >, 0);
  g_test_message ("reconnects: %u, duplicates dropped: %u",
                  hd_feed_client_get_reconnects (fixture->client),
                  hd_feed_client_get_duplicates_dropped (fixture->client));
  HD_TEST_WAIT_UNTIL (hd_demo_router_get_acked_seq (fixture->router, AGENT) == (gint64) n, 10000);
}

static void
test_restart_resume (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;

  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  for (guint i = 0; i < 10; i++)
    g_ptr_array_add (first, hd_demo_router_push_offer (fixture->router, AGENT, -1));
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 10, 10000);

  /* The app quits: the state file holds the last applied sequence. */
  hd_feed_client_stop (fixture->client);
  g_assert_finalize_object (g_steal_pointer (&fixture->client));
  g_assert_true (g_file_get_contents (fixture->state_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"last_seq\" : 10"));
  g_assert_null (strstr (contents, fixture->token));

  /* Offers keep coming while it is down. */
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (second, hd_demo_router_push_offer (fixture->router, AGENT, -1));

  /* A new process: a new client and queue over the same state file. */
  fixture->n_added = 0;
  fixture->client = make_client (fixture, fixture->token);
  g_assert_cmpint (hd_feed_client_get_last_seq (fixture->client), ==, 10);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 5, 10000);
  /* The whole replay (sent right after the welcome) has been handled now:
   * nothing of the first ten may follow. */
  round_trip (fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (G_LIST_MODEL (fixture->queue), i);

      g_assert_cmpstr (hd_handoff_get_handoff_id (handoff), ==, g_ptr_array_index (second, i));
    }
  g_assert_cmpint (hd_feed_client_get_last_seq (fixture->client), ==, 15);
}

/* A bare WebSocket to the router, signed in as another agent, counting the
 * heartbeats it gets.  The router sends each heartbeat to every connection
 * at once, so these go by on the client's connection too (the client keeps
 * no trace of them). */
typedef struct
{
  SoupSession             *session;
  SoupWebsocketConnection *ws;
  gboolean                 welcomed;
  guint                    n_heartbeats;
} HeartbeatObserver;

static void
observer_message_cb (SoupWebsocketConnection *ws,
                     gint                     type,
                     GBytes                  *bytes,
                     HeartbeatObserver       *observer)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  g_autoptr(HdFeedMessage) message = hd_feed_message_parse (text, length, 0, NULL);

  g_assert_nonnull (message);
  if (message->type == HD_FEED_MSG_WELCOME)
    observer->welcomed = TRUE;
  else if (message->type == HD_FEED_MSG_HEARTBEAT)
    observer->n_heartbeats++;
}

static void
observer_connect_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HeartbeatObserver *observer = user_data;
  g_autoptr(GError) error = NULL;

  observer->ws = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

static void
observer_start (HeartbeatObserver *observer,
                Fixture           *fixture)
{
  const char *protocols[] = { HD_FEED_SUBPROTOCOL, NULL };
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, hd_demo_router_get_uri (fixture->router));
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", fixture->token);
  g_autofree char *hello = hd_feed_build_hello ("heartbeat-observer", 1, NULL, 0, NULL);

  observer->session = soup_session_new ();
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_session_websocket_connect_async (observer->session, msg, NULL, (char **) protocols,
                                        G_PRIORITY_DEFAULT, NULL, observer_connect_cb, observer);
  HD_TEST_WAIT_UNTIL (observer->ws != NULL, HD_TEST_TIMEOUT_MS);
  g_signal_connect (observer->ws, "message", G_CALLBACK (observer_message_cb), observer);
  /* The router sends heartbeats to connections that said hello. */
  soup_websocket_connection_send_text (observer->ws, hello);
  HD_TEST_WAIT_UNTIL (observer->welcomed, HD_TEST_TIMEOUT_MS);
}

static void
observer_stop (HeartbeatObserver *observer)
{
  g_signal_handlers_disconnect_by_data (observer->ws, observer);
  soup_websocket_connection_close (observer->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&observer->ws);
  g_clear_object (&observer->session);
}

static void
test_heartbeat_loss (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  HeartbeatObserver observer = { 0 };
  gint64 paused_at;
  gint64 dead_after_ms;

  hd_demo_router_set_heartbeat_ms (fixture->router, 100);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  /* Heartbeats alone keep the connection: nothing else is sent on it while
   * four go by.  The observer said hello after the client's welcome, so the
   * fourth it counts comes at least three intervals after that welcome,
   * later than the watchdog's limit of two and a half. */
  observer_start (&observer, fixture);
  HD_TEST_WAIT_UNTIL (observer.n_heartbeats >= 4, HD_TEST_TIMEOUT_MS);
  g_assert_true (is_connected (fixture));
  g_assert_cmpuint (hd_feed_client_get_reconnects (fixture->client), ==, 0);

  hd_demo_router_set_heartbeats_paused (fixture->router, TRUE);
  paused_at = g_get_monotonic_time ();
  HD_TEST_WAIT_UNTIL (!is_connected (fixture), 5000);
  dead_after_ms = (g_get_monotonic_time () - paused_at) / 1000;
  g_test_message ("declared dead %" G_GINT64_FORMAT " ms after the last heartbeat", dead_after_ms);
  /* Not after one missed heartbeat; soon after the second. */
  g_assert_cmpint (dead_after_ms, >=, 150);
  g_assert_cmpint (dead_after_ms, <, 2000);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_RECONNECTING);
  g_assert_nonnull (strstr (hd_feed_client_get_last_error (fixture->client), "heartbeat"));

  hd_demo_router_set_heartbeats_paused (fixture->router, FALSE);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  id = hd_demo_router_push_offer (fixture->router, AGENT, -1);
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, id) != NULL, 10000);
  g_assert_cmpuint (hd_feed_client_get_reconnects (fixture->client), >=, 1);
  observer_stop (&observer);
}

static void
test_auth_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  fixture->client = make_client (fixture, "not-the-token");
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (fixture->client) == HD_FEED_CLIENT_STATE_AUTH_FAILED, 10000);
  g_assert_nonnull (hd_feed_client_get_last_error (fixture->client));

  /* No retry storm: the client waits for the user to fix the token.  Every
   * retry goes through the backoff, and the client began none and has none
   * pending, so no attempt can follow this one. */
  g_assert_cmpuint (fixture->n_retries, ==, 0);
  g_assert_false (has_retry_pending (fixture->client));
  g_assert_cmpuint (hd_demo_router_get_n_auth_refused (fixture->router), ==, 1);
  g_assert_cmpuint (hd_demo_router_get_n_handshakes (fixture->router), ==, 0);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_AUTH_FAILED);

  /* The user fixes the token: start () again is the retry. */
  hd_feed_client_set_token (fixture->client, fixture->token);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  /* A router that refuses everyone, even the right token. */
  g_clear_object (&fixture->client);
  fixture->client = make_client (fixture, fixture->token);
  hd_demo_router_set_refuse_auth (fixture->router, TRUE);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (fixture->client) == HD_FEED_CLIENT_STATE_AUTH_FAILED, 10000);
  hd_demo_router_set_refuse_auth (fixture->router, FALSE);

  /* start () again is the retry. */
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
}

static void
test_bad_frames (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *good1 = NULL;
  g_autofree char *good2 = NULL;
  g_autofree char *bad = NULL;

  g_object_set (fixture->client, "max-frame-size", (guint64) 64 * 1024, NULL);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  good1 = hd_demo_router_push_offer (fixture->router, AGENT, 1);
  hd_demo_router_send_malformed (fixture->router);
  hd_demo_router_send_unknown_type (fixture->router);
  hd_demo_router_send_oversized (fixture->router, 100 * 1024);
  /* Nested past the frame's depth limit: rejected like any malformed frame
   * (the codec's test has the 100,000 levels that overflowed JsonParser). */
  {
    g_autofree char *deep = g_strnfill (60 * 1024, '[');

    hd_demo_router_send_raw (fixture->router, deep);
  }
  bad = hd_demo_router_push_invalid_offer (fixture->router, AGENT);
  good2 = hd_demo_router_push_offer (fixture->router, AGENT, 3);

  HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, good2) != NULL, 10000);
  g_assert_nonnull (hd_queue_lookup (fixture->queue, good1));
  g_assert_null (hd_queue_lookup (fixture->queue, bad));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 2);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (fixture->client), ==, 5);
  g_assert_cmpuint (fixture->n_notices, ==, 5);

  /* The connection survived all of it. */
  g_assert_true (is_connected (fixture));
  g_assert_cmpuint (hd_feed_client_get_reconnects (fixture->client), ==, 0);
  g_assert_cmpuint (hd_demo_router_get_n_handshakes (fixture->router), ==, 1);

  /* The rejected offer still counts as processed: it is not replayed. */
  HD_TEST_WAIT_UNTIL (hd_demo_router_get_acked_seq (fixture->router, AGENT) == 3, 10000);
}

/* A valid packet whose unknown member "x" (skipped by the parser) makes
 * it nest @levels deep. */
static JsonNode *
packet_with_depth (const char *handoff_id,
                   guint       levels)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *packet;

  g_string_printf (text, "{\"schema_version\":\"1.0\",\"handoff_id\":\"%s\","
                   "\"conversation_id\":\"conv-%s\",\"created_at\":\"2026-11-24T08:00:00Z\","
                   "\"customer\":{},\"verification\":{\"authenticated\":false},"
                   "\"routing\":{\"escalation\":{\"reason\":\"sla_rule\"}},\"x\":",
                   handoff_id, handoff_id);
  for (guint i = 1; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  packet = hd_bounded_json_parse (text->str, text->len, HD_BOUNDED_JSON_MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  return packet;
}

/* The frame's depth bound is the packet's plus the envelope: an offer whose
 * packet nests exactly as deep as a packet may is shown; one level more and
 * the frame is refused, saying so, and the connection goes on. */
static void
test_packet_depth (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) at_limit = packet_with_depth ("ho-deep-at", HD_PACKET_DEFAULT_MAX_DEPTH);
  g_autoptr(JsonNode) past_limit = packet_with_depth ("ho-deep-past", HD_PACKET_DEFAULT_MAX_DEPTH + 1);
  g_autofree char *good = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;

  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  deep = hd_demo_router_push_packet (fixture->router, AGENT, past_limit);
  good = hd_demo_router_push_packet (fixture->router, AGENT, at_limit);
  after = hd_demo_router_push_offer (fixture->router, AGENT, 1);
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, after) != NULL, 10000);

  g_assert_cmpstr (deep, ==, "ho-deep-past");
  g_assert_null (hd_queue_lookup (fixture->queue, deep));
  g_assert_nonnull (hd_queue_lookup (fixture->queue, good));
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (fixture->client), ==, 1);
  g_assert_cmpuint (fixture->n_notices, ==, 1);
  expected = g_strdup_printf ("nests deeper than %u levels of arrays and objects (a packet in it may nest %u)",
                              HD_FEED_MAX_DEPTH, HD_PACKET_DEFAULT_MAX_DEPTH);
  g_assert_nonnull (strstr (fixture->last_notice, expected));
  g_assert_true (is_connected (fixture));
}

static gboolean
state_saved (const char *path)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_has_prefix (contents, "{\n");
}

/* A state file that is damaged, or far larger than any state, is named in
 * the log and ignored, as before: the client starts without resuming, still
 * presents offers, and its next save replaces the file. */
static void
test_damaged_state (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    const char *contents;
    const char *why;
  } cases[] = {
    { "{\"version\":1,\"url\":\"ws://", "*damaged feed state*is not valid JSON*" },
    { NULL, "*damaged feed state*more than the limit of 65536 bytes*" },
  };
  g_autofree char *huge = g_strnfill (64 * 1024 + 1, ' ');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      g_clear_object (&fixture->client);
      g_assert_true (g_file_set_contents (fixture->state_path, cases[i].contents != NULL ? cases[i].contents : huge,
                                          -1, &error));
      g_assert_no_error (error);

      g_test_expect_message ("hd-feed-client", G_LOG_LEVEL_WARNING, cases[i].why);
      fixture->client = make_client (fixture, fixture->token);
      g_test_assert_expected_messages ();

      hd_feed_client_start (fixture->client);
      HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
      id = hd_demo_router_push_offer (fixture->router, AGENT, (int) i);
      HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, id) != NULL, 10000);
      HD_TEST_WAIT_UNTIL (state_saved (fixture->state_path), 10000);
      hd_feed_client_stop (fixture->client);
    }
}

static void
test_server_down_up (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  guint port = hd_demo_router_get_port (fixture->router);
  guint retries_before;
  gint64 back_at;

  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  before = hd_demo_router_push_offer (fixture->router, AGENT, -1);
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, before) != NULL, 10000);

  hd_demo_router_stop (fixture->router);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (fixture->client) == HD_FEED_CLIENT_STATE_UNREACHABLE, 10000);
  g_assert_nonnull (hd_feed_client_get_last_error (fixture->client));
  g_assert_null (hd_feed_client_get_connected_since (fixture->client));
  /* It keeps trying while the server is down, and stays unreachable. */
  retries_before = fixture->n_retries;
  HD_TEST_WAIT_UNTIL (fixture->n_retries >= retries_before + 2, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_UNREACHABLE);

  /* Routed while the server was down, delivered once it is back. */
  during = hd_demo_router_push_offer (fixture->router, AGENT, -1);
  g_assert_true (hd_demo_router_start (fixture->router, port, &error));
  g_assert_no_error (error);
  back_at = g_get_monotonic_time ();
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (fixture->queue, during) != NULL, 10000);
  g_test_message ("resumed delivery %" G_GINT64_FORMAT " ms after the server came back",
                  (g_get_monotonic_time () - back_at) / 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 2);
  g_assert_true (is_connected (fixture));
}

static void
test_unreachable (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  g_autoptr(HdFeedClient) client = NULL;

  /* A port that is surely closed: bound, never listened on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("ws://127.0.0.1:%u/feed",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  client = hd_feed_client_new (url, AGENT, "token", NULL, NULL);
  hd_feed_client_set_backoff (client, 10, 100);
  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_UNREACHABLE, 10000);
  g_assert_nonnull (hd_feed_client_get_last_error (client));
  hd_feed_client_stop (client);
  g_assert_cmpint (hd_feed_client_get_state (client), ==, HD_FEED_CLIENT_STATE_DISCONNECTED);
}

typedef struct
{
  GThread *main_thread;
  gint     n_off_main;   /* atomic: preparations in another thread */
  GPtrArray *presented;  /* what "offer-presented" saw prepared, in order */
  GString   *seen;       /* "queued <id> presenting|not", "presented <id> <queue length>" */
} Prepared;

/* A stand-in for the session's journal preparation: reads the packet only. */
static gpointer
prepare_cb (JsonObject *packet,
            gpointer    user_data)
{
  Prepared *p = user_data;

  if (g_thread_self () != p->main_thread)
    g_atomic_int_inc (&p->n_off_main);
  return g_strdup (json_object_get_string_member (packet, "handoff_id"));
}

/* Counted through a global: the free function gets the result only. */
static gint prepared_n_freed;

static void
prepared_free_cb (gpointer data)
{
  g_atomic_int_inc (&prepared_n_freed);
  g_free (data);
}

static void
offer_presented_cb (HdFeedClient *client,
                    HdHandoff    *handoff,
                    JsonObject   *packet,
                    Prepared     *p)
{
  const char *prepared = hd_feed_client_get_offer_prepared (client);

  g_ptr_array_add (p->presented, g_strdup (prepared != NULL ? prepared : "(none)"));
  g_string_append_printf (p->seen, "presented %s %u%s\n", hd_handoff_get_handoff_id (handoff),
                          g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (client))),
                          hd_feed_client_is_presenting (client) ? " presenting" : "");
}

static void
queued_cb (GListModel   *queue,
           guint         position,
           guint         removed,
           guint         added,
           HdFeedClient *client)
{
  Prepared *p = g_object_get_data (G_OBJECT (client), "prepared");

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);

      g_string_append_printf (p->seen, "queued %s %s\n", hd_handoff_get_handoff_id (handoff),
                              hd_feed_client_is_presenting (client) ? "presenting" : "not");
    }
}

/* A 10,000-turn packet is decoded off the main thread, and still reaches the
 * queue before the small offer sent after it; the offer preparer runs where
 * each is decoded, and its result is there while the offer is presented.
 * The big one is queued first and presented after (its preparer runs in a
 * worker meanwhile), before the small one is even applied. */
static void
test_big_packet_in_order (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (10000, 7);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  g_autoptr(HdHandoff) first = NULL;
  g_autoptr(HdHandoff) second = NULL;
  gsize size = 0;
  const char *text = g_bytes_get_data (json, &size);
  g_autoptr(GPtrArray) presented = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *expected = NULL;
  Prepared p = { g_thread_self (), 0, presented, seen };

  g_assert_cmpuint (size, >, HD_FEED_ASYNC_DECODE_BYTES);
  g_assert_cmpuint (size, <, HD_FEED_DEFAULT_MAX_FRAME);
  g_assert_true (json_parser_load_from_data (parser, text, (gssize) size, NULL));

  hd_feed_client_set_offer_preparer (fixture->client, prepare_cb, &p, prepared_free_cb);
  g_signal_connect (fixture->client, "offer-presented", G_CALLBACK (offer_presented_cb), &p);
  g_object_set_data (G_OBJECT (fixture->client), "prepared", &p);
  g_signal_connect (fixture->queue, "items-changed", G_CALLBACK (queued_cb), fixture->client);
  g_atomic_int_set (&prepared_n_freed, 0);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  big = hd_demo_router_push_packet (fixture->router, AGENT, json_parser_get_root (parser));
  small = hd_demo_router_push_offer (fixture->router, AGENT, 3);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 2, 60000);

  first = g_list_model_get_item (G_LIST_MODEL (fixture->queue), 0);
  second = g_list_model_get_item (G_LIST_MODEL (fixture->queue), 1);
  g_assert_cmpstr (hd_handoff_get_handoff_id (first), ==, big);
  g_assert_cmpstr (hd_handoff_get_handoff_id (second), ==, small);
  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (first)), ==, 10000);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (fixture->client), ==, 0);

  g_assert_cmpuint (presented->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (presented, 0), ==, big);
  g_assert_cmpstr (g_ptr_array_index (presented, 1), ==, small);
  expected = g_strdup_printf ("queued %s presenting\npresented %s 1\n"
                              "queued %s not\npresented %s 2\n", big, big, small, small);
  g_assert_cmpstr (seen->str, ==, expected);
  /* The big one in the decoding worker, the small one on this thread. */
  g_assert_cmpint (g_atomic_int_get (&p.n_off_main), ==, 1);
  /* Both results are freed once applied (the big one by a worker). */
  HD_TEST_WAIT_UNTIL (g_atomic_int_get (&prepared_n_freed) == 2, 10000);
  g_signal_handlers_disconnect_by_data (fixture->client, &p);
  g_signal_handlers_disconnect_by_data (fixture->queue, fixture->client);
  g_object_set_data (G_OBJECT (fixture->client), "prepared", NULL);
  hd_feed_client_set_offer_preparer (fixture->client, NULL, NULL, NULL);
}

/* The same agent signs in from a second place: the first client stops
 * instead of pushing the second one out in turn. */
static void
test_superseded (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HdFeedClient) second = NULL;
  guint retries_before;

  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);
  retries_before = fixture->n_retries;

  second = hd_feed_client_new (hd_demo_router_get_uri (fixture->router), AGENT, fixture->token,
                               NULL, NULL);
  hd_feed_client_start (second);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (second) == HD_FEED_CLIENT_STATE_CONNECTED &&
              hd_feed_client_get_state (fixture->client) == HD_FEED_CLIENT_STATE_DISCONNECTED, 10000);
  g_assert_nonnull (hd_feed_client_get_last_error (fixture->client));

  /* The first one does not come back: every retry goes through the backoff,
   * and it began none and has none pending. */
  g_assert_cmpuint (fixture->n_retries, ==, retries_before);
  g_assert_false (has_retry_pending (fixture->client));
  /* The second one's connection is still the agent's live one: the router
   * answers on it. */
  round_trip (second);
  g_assert_cmpint (hd_feed_client_get_state (second), ==, HD_FEED_CLIENT_STATE_CONNECTED);
  g_assert_cmpint (hd_feed_client_get_state (fixture->client), ==, HD_FEED_CLIENT_STATE_DISCONNECTED);
  g_assert_cmpuint (hd_demo_router_get_n_handshakes (fixture->router), ==, 2);
  hd_feed_client_stop (second);
}

/* Every frame twice: an update must not append its turn twice either. */
static void
test_duplicate_updates (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = NULL;
  HdHandoff *handoff;
  guint n_turns;

  hd_demo_router_set_duplicate_frames (fixture->router, TRUE);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), 10000);

  id = hd_demo_router_push_offer (fixture->router, AGENT, 4);
  HD_TEST_WAIT_UNTIL ((handoff = hd_queue_lookup (fixture->queue, id)) != NULL, 10000);
  n_turns = g_list_model_get_n_items (hd_handoff_get_transcript (handoff));
  g_assert_true (hd_demo_router_push_turn (fixture->router, id, "the photo was clear"));
  g_assert_true (hd_demo_router_push_turn (fixture->router, id, "I need to pay rent today"));
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_last_seq (fixture->client) == 3 &&
              hd_feed_client_get_duplicates_dropped (fixture->client) == 3, 10000);
  /* A late copy of any of them would be handled before this answer. */
  round_trip (fixture->client);

  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (handoff)), ==, n_turns + 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 1);
  g_assert_cmpuint (fixture->n_added, ==, 1);
}

typedef struct
{
  gboolean ok;
  guint    n_calls;
} Commit;

static gboolean
commit_cb (gpointer   user_data,
           GError   **error)
{
  Commit *commit = user_data;

  commit->n_calls++;
  if (!commit->ok)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");
  return commit->ok;
}

static gboolean
commit_called (gpointer data)
{
  return ((Commit *) data)->n_calls > 0;
}

/* Nothing is acknowledged, nor written to the state file, before what the
 * application recorded of it is on disk: a commit that fails holds both
 * back, and the next one after it succeeds lets them through. */
static void
test_commit_before_ack (Fixture       *fixture,
                        gconstpointer  data)
{
  Commit commit = { FALSE, 0 };
  g_autofree char *contents = NULL;

  g_test_expect_message ("hd-feed-client", G_LOG_LEVEL_WARNING, "*Not acknowledging the feed up to * yet: the disk is full*");
  hd_feed_client_set_commit_func (fixture->client, commit_cb, &commit);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (is_connected (fixture), HD_TEST_TIMEOUT_MS);
  g_free (hd_demo_router_push_offer (fixture->router, AGENT, -1));
  g_free (hd_demo_router_push_offer (fixture->router, AGENT, -1));
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 2, HD_TEST_TIMEOUT_MS);

  g_assert_true (hd_test_wait_until (commit_called, &commit, HD_TEST_TIMEOUT_MS));
  g_test_assert_expected_messages ();
  g_assert_cmpint (hd_demo_router_get_acked_seq (fixture->router, AGENT), ==, 0);
  g_assert_false (g_file_test (fixture->state_path, G_FILE_TEST_EXISTS));

  /* The disk recovers: the next message's ack carries both. */
  commit.ok = TRUE;
  g_free (hd_demo_router_push_offer (fixture->router, AGENT, -1));
  HD_TEST_WAIT_UNTIL (hd_demo_router_get_acked_seq (fixture->router, AGENT) == 3, HD_TEST_TIMEOUT_MS);
  g_assert_true (g_file_get_contents (fixture->state_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"last_seq\" : 3"));
  /* @commit lives on this stack frame; the tear-down's stop commits too. */
  hd_feed_client_set_commit_func (fixture->client, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/feed-client/new", test_new);
  g_test_add_func ("/hd/feed-client/unreachable", test_unreachable);
#define ADD(path, func) \
  g_test_add ("/hd/feed-client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("lifecycle", test_lifecycle);
  ADD ("exactly-once", test_exactly_once);
  ADD ("restart-resume", test_restart_resume);
  ADD ("heartbeat-loss", test_heartbeat_loss);
  ADD ("auth-failure", test_auth_failure);
  ADD ("bad-frames", test_bad_frames);
  ADD ("packet-depth", test_packet_depth);
  ADD ("damaged-state", test_damaged_state);
  ADD ("server-down-up", test_server_down_up);
  ADD ("big-packet-in-order", test_big_packet_in_order);
  ADD ("superseded", test_superseded);
  ADD ("duplicate-updates", test_duplicate_updates);
  ADD ("commit-before-ack", test_commit_before_ack);
#undef ADD

  return g_test_run ();
}
