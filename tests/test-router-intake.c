/* test-router-intake.c: escalations posted to the router's intake
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "hd-demo.h"
#include "hd-demo-router.h"
#include "hd-feed-client.h"
#include "hd-queue.h"
#include "hd-test-utils.h"

/* The `--demo` stack as the app runs it (HdDemo, the agent's feed client
 * and queue), and a bot posting to POST /v1/escalations over loopback. */

typedef struct
{
  HdDemo       *demo;
  HdFeedClient *client;
  HdQueue      *queue;
  SoupSession  *session;
  char         *intake;
} Fixture;

typedef struct
{
  SoupMessage *msg;    /* unowned, while sent */
  guint        status;
  char        *body;
  gboolean     done;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_free (reply->body);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HdDemoRouter *router;

  fixture->demo = hd_demo_new ();
  g_assert_true (hd_demo_start (fixture->demo, &error));
  g_assert_no_error (error);
  router = hd_demo_get_router (fixture->demo);
  /* Only the demo's three waiting chats and what the test posts. */
  hd_demo_router_set_offer_rate (router, 0);
  fixture->intake = g_strdup_printf ("http://127.0.0.1:%u/v1/escalations", hd_demo_router_get_port (router));

  fixture->queue = hd_queue_new ();
  fixture->client = hd_feed_client_new (hd_demo_get_feed_url (fixture->demo), hd_demo_get_agent_id (fixture->demo),
                                        hd_demo_get_token (fixture->demo), NULL, fixture->queue);
  hd_feed_client_start (fixture->client);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)) == 3, HD_TEST_TIMEOUT_MS);
  fixture->session = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  hd_feed_client_stop (fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->queue);
  hd_demo_stop (fixture->demo);
  g_clear_object (&fixture->demo);
  g_free (fixture->intake);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (reply->msg);
  reply->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  reply->done = TRUE;
}

/* Sends @body (NULL: none) to the intake, with @query (NULL: none) and
 * @token (NULL: none); waits for the answer. */
static void
send_query (Fixture    *fixture,
            const char *method,
            const char *query,
            const char *token,
            GBytes     *body,
            Reply      *reply)
{
  g_autofree char *uri = g_strconcat (fixture->intake, query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  reply->msg = msg;
  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, reply);
  HD_TEST_WAIT_UNTIL (reply->done, HD_TEST_TIMEOUT_MS);
  reply->msg = NULL;
}

static void
post (Fixture    *fixture,
      const char *method,
      const char *token,
      GBytes     *body,
      Reply      *reply)
{
  send_query (fixture, method, NULL, token, body, reply);
}

static GBytes *
load (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HD_TEST_FIXTURES"), "import", name, NULL);
  gsize len;
  char *data = hd_test_read_file (path, &len);

  return g_bytes_new_take (data, len);
}

static HdHandoff *
find_conversation (HdQueue    *queue,
                   const char *conversation_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (G_LIST_MODEL (queue), i);

      if (g_str_equal (hd_packet_get_conversation_id (hd_handoff_get_packet (handoff)), conversation_id))
        return handoff;
    }
  return NULL;
}

static void
test_rasa_tracker_becomes_offer (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GBytes) tracker = load ("rasa-tracker.json");
  g_autoptr(GBytes) lex = load ("lex-v2-event.json");
  g_auto(Reply) first = { 0 };
  g_auto(Reply) again = { 0 };
  g_auto(Reply) other = { 0 };
  HdHandoff *handoff;
  HdPacket *packet;

  post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), tracker, &first);
  g_assert_cmpuint (first.status, ==, SOUP_STATUS_ACCEPTED);
  g_assert_nonnull (strstr (first.body, "\"format\":\"rasa-tracker\""));

  HD_TEST_WAIT_UNTIL (find_conversation (fixture->queue, "web-5f1c2e9a") != NULL, HD_TEST_TIMEOUT_MS);
  handoff = find_conversation (fixture->queue, "web-5f1c2e9a");
  packet = hd_handoff_get_packet (handoff);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_OFFERED);
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Ananya Rao");
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 8);

  /* The bot's retry is the same escalation: offered once. */
  post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), tracker, &again);
  g_assert_cmpuint (again.status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (again.body, "\"duplicate\":true"));

  /* Another escalation after it arrives after it: by then a second offer
   * of the tracker would have, too. */
  post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), lex, &other);
  g_assert_cmpuint (other.status, ==, SOUP_STATUS_ACCEPTED);
  HD_TEST_WAIT_UNTIL (find_conversation (fixture->queue, "142857000111222") != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 5);
  /* Routed in the queue its packet names, as the bot asked. */
  g_assert_cmpstr (hd_demo_router_get_offer_queue (hd_demo_get_router (fixture->demo),
                                                   hd_handoff_get_handoff_id (find_conversation (fixture->queue, "142857000111222"))),
                   ==, "collections_hardship");

  /* A Lambda event has no time of its own, yet its retry is the same handoff. */
  {
    g_auto(Reply) lex_again = { 0 };

    post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), lex, &lex_again);
    g_assert_cmpuint (lex_again.status, ==, SOUP_STATUS_OK);
    g_assert_nonnull (strstr (lex_again.body, "\"duplicate\":true"));
  }
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) tracker = load ("rasa-tracker.json");
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"sender_id\": ", 14);
  g_autoptr(GBytes) broken = load ("invalid/rasa-event-not-object.json");
  g_autoptr(GBytes) lex = load ("lex-v2-event.json");
  g_auto(Reply) no_token = { 0 };
  g_auto(Reply) wrong_token = { 0 };
  g_auto(Reply) get = { 0 };
  g_auto(Reply) malformed = { 0 };
  g_auto(Reply) invalid = { 0 };
  g_auto(Reply) unknown_from = { 0 };
  g_auto(Reply) wrong_from = { 0 };
  g_auto(Reply) last = { 0 };

  post (fixture, SOUP_METHOD_POST, NULL, tracker, &no_token);
  g_assert_cmpuint (no_token.status, ==, SOUP_STATUS_UNAUTHORIZED);
  post (fixture, SOUP_METHOD_POST, "not-the-token", tracker, &wrong_token);
  g_assert_cmpuint (wrong_token.status, ==, SOUP_STATUS_UNAUTHORIZED);
  post (fixture, SOUP_METHOD_GET, hd_demo_get_token (fixture->demo), NULL, &get);
  g_assert_cmpuint (get.status, ==, SOUP_STATUS_METHOD_NOT_ALLOWED);

  post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), garbage, &malformed);
  g_assert_cmpuint (malformed.status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (malformed.body, "invalid JSON at byte"));
  post (fixture, SOUP_METHOD_POST, hd_demo_get_token (fixture->demo), broken, &invalid);
  g_assert_cmpuint (invalid.status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (invalid.body, "/events/1: expected an object"));

  /* ?from= names the platform the bot is on. */
  send_query (fixture, SOUP_METHOD_POST, "?from=watson", hd_demo_get_token (fixture->demo), tracker, &unknown_from);
  g_assert_cmpuint (unknown_from.status, ==, SOUP_STATUS_BAD_REQUEST);
  send_query (fixture, SOUP_METHOD_POST, "?from=lex-v2", hd_demo_get_token (fixture->demo), tracker, &wrong_from);
  g_assert_cmpuint (wrong_from.status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (wrong_from.body, "the document is not an Amazon Lex V2"));

  /* None of them became an offer: the next escalation is the fourth. */
  send_query (fixture, SOUP_METHOD_POST, "?from=lex-v2", hd_demo_get_token (fixture->demo), lex, &last);
  g_assert_cmpuint (last.status, ==, SOUP_STATUS_ACCEPTED);
  HD_TEST_WAIT_UNTIL (find_conversation (fixture->queue, "142857000111222") != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The demo's Salesforce stand-in keeps its records under XDG folders. */
  xdg = hd_test_init_xdg ();

  g_test_add ("/hd/router-intake/rasa-tracker", Fixture, NULL, fixture_set_up,
              test_rasa_tracker_becomes_offer, fixture_tear_down);
  g_test_add ("/hd/router-intake/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);

  status = g_test_run ();
  hd_test_rm_rf (xdg);
  return status;
}
