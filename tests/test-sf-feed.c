/* test-sf-feed.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-feed.h"
#include "hd-sf-standin-streaming.h"
#include "hd-test-packet-util.h"
#include "test-sf-common.h"

/* The assignment feed over Salesforce against the stand-in: offers exactly
 * once whatever the connection does, never another agent's packet, the
 * replayId stored only after the journal, requests answered by events,
 * transcript turns read on `update` once and in order. */

#define COLLEAGUE "005Hs000000CLGEAAA"

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  HdSfClient   *client;
  HdSfFeed     *feed;
  HdQueue      *queue;
  char         *dir;
  char         *state_path;
  char         *packet_template;
  GHashTable   *journaled;      /* handoff id → times presented */
  guint         n_commits;
  gboolean      fail_commit;
  guint         n_notices;
  GPtrArray    *turns;          /* "handoff id|speaker|text" appended, in order */
  GHashTable   *last_sequence;  /* handoff id → the last sequence journaled */
} Fixture;

/* The journal's side of "turn-appended": what the session writes. */
static void
turn_appended_cb (HdSfFeed   *feed,
                  HdHandoff  *handoff,
                  JsonObject *turn,
                  const char *record_id,
                  gint64      sequence,
                  Fixture    *f)
{
  const char *id = hd_handoff_get_handoff_id (handoff);

  g_assert_nonnull (record_id);
  g_assert_cmpint (sequence, >, GPOINTER_TO_INT (g_hash_table_lookup (f->last_sequence, id)));
  g_hash_table_insert (f->last_sequence, g_strdup (id), GINT_TO_POINTER ((int) sequence));
  g_ptr_array_add (f->turns, g_strdup_printf ("%s|%s|%s", id,
                                              json_object_get_string_member (turn, "speaker"),
                                              json_object_get_string_member (turn, "text")));
}

static void
presented_cb (HdSfFeed   *feed,
              HdHandoff  *handoff,
              JsonObject *packet,
              Fixture    *f)
{
  const char *id = hd_handoff_get_handoff_id (handoff);

  g_assert_cmpstr (json_object_get_string_member (packet, "handoff_id"), ==, id);
  g_hash_table_insert (f->journaled, g_strdup (id),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (f->journaled, id)) + 1));
  hd_test_assert_packet_masked (hd_handoff_get_packet (handoff));
}

static void
notice_cb (HdSfFeed   *feed,
           const char *message,
           Fixture    *f)
{
  f->n_notices++;
}

static gboolean
commit_cb (gpointer   user_data,
           GError   **error)
{
  Fixture *f = user_data;

  if (f->fail_commit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the process died here");
      return FALSE;
    }
  f->n_commits++;
  return TRUE;
}

/* A feed as the app makes one at start: the queue remembers what the
 * journal says was presented. */
static void
new_feed_for_queue (Fixture *f,
                    HdQueue *queue)
{
  GHashTableIter iter;
  gpointer key, value;

  g_clear_object (&f->feed);
  if (queue != f->queue)
    {
      g_clear_object (&f->queue);
      f->queue = queue;
    }
  g_hash_table_iter_init (&iter, f->journaled);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hd_queue_remember (f->queue, key);
  f->feed = hd_sf_feed_new (f->client, f->state_path, f->queue);
  /* What the journal holds of the turns, as the session tells it at start. */
  g_hash_table_iter_init (&iter, f->last_sequence);
  while (g_hash_table_iter_next (&iter, &key, &value))
    hd_sf_feed_remember_turns (f->feed, key, GPOINTER_TO_INT (value));
  g_signal_connect (f->feed, "turn-appended", G_CALLBACK (turn_appended_cb), f);
  hd_sf_feed_set_commit_func (f->feed, commit_cb, f);
  hd_sf_feed_set_request_timeout (f->feed, 20000);
  hd_bayeux_client_set_backoff (hd_sf_feed_get_bayeux (f->feed), 5, 40);
  hd_bayeux_client_set_timeouts (hd_sf_feed_get_bayeux (f->feed), 5000, 5000);
  g_signal_connect (f->feed, "offer-presented", G_CALLBACK (presented_cb), f);
  g_signal_connect (f->feed, "notice", G_CALLBACK (notice_cb), f);
}

static void
new_feed (Fixture *f)
{
  new_feed_for_queue (f, hd_queue_new ());
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) packet = hd_test_load_fixture ("valid", "card-block.json");

  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
  f->dir = sf_test_new_dir ("sf-feed");
  f->state_path = g_build_filename (f->dir, "sf-feed-state.json", NULL);
  f->packet_template = g_strndup (g_bytes_get_data (packet, NULL), g_bytes_get_size (packet));
  f->journaled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->turns = g_ptr_array_new_with_free_func (g_free);
  f->last_sequence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  new_feed (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->feed != NULL)
    hd_sf_feed_stop (f->feed);
  g_clear_object (&f->feed);
  g_clear_object (&f->queue);
  g_clear_pointer (&f->journaled, g_hash_table_unref);
  g_clear_pointer (&f->turns, g_ptr_array_unref);
  g_clear_pointer (&f->last_sequence, g_hash_table_unref);
  g_free (f->packet_template);
  g_free (f->state_path);
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_clear_object (&f->client);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
}

static char *
packet_for (Fixture    *f,
            const char *handoff_id)
{
  g_auto(GStrv) parts = g_strsplit (f->packet_template, "ho-2026-11-24-000251", -1);

  return g_strjoinv (handoff_id, parts);
}

/* An offer of @handoff_id to @agent, as the routing flow makes one. */
static void
offer (Fixture    *f,
       const char *agent,
       const char *handoff_id)
{
  g_autofree char *packet = packet_for (f, handoff_id);
  g_autofree char *id = hd_sf_standin_offer_handoff (f->standin, agent, handoff_id, packet, NULL);
}

static guint
times_journaled (Fixture    *f,
                 const char *handoff_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->journaled, handoff_id));
}

static void
start (Fixture *f)
{
  hd_sf_feed_start (f->feed);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (f->feed)) == HD_BAYEUX_STATE_CONNECTED,
                      HD_TEST_TIMEOUT_MS);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Request;

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *request = user_data;

  request->ok = hd_sf_feed_request_finish (HD_SF_FEED (object), result, &request->error);
  request->done = TRUE;
}

static void
test_offer_and_accept (Fixture       *f,
                       gconstpointer  data)
{
  Request accept = { 0 };
  Request again = { 0 };
  HdHandoff *handoff;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-sf-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-sf-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  handoff = hd_queue_lookup (f->queue, "ho-sf-1");
  g_assert_nonnull (handoff);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_OFFERED);
  g_assert_cmpuint (f->n_commits, >=, 1);
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (f->feed), >, 0);

  /* The state changes only when the org answers. */
  hd_sf_feed_request_async (f->feed, "accept", "ho-sf-1", NULL, NULL, request_cb, &accept);
  HD_TEST_WAIT_UNTIL (accept.done, HD_TEST_TIMEOUT_MS);
  g_assert_no_error (accept.error);
  g_assert_true (accept.ok);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_cmpstr (hd_sf_standin_get_handoff_status (f->standin, "ho-sf-1"), ==, "Accepted");

  /* A second answer to the same offer is refused by the org. */
  hd_sf_feed_request_async (f->feed, "decline", "ho-sf-1", NULL, NULL, request_cb, &again);
  HD_TEST_WAIT_UNTIL (again.done, HD_TEST_TIMEOUT_MS);
  g_assert_error (again.error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&again.error);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_ACCEPTED);

  /* Revoke after accept changes nothing the state diagram forbids; an
   * expire of an open offer ends it with its reason. */
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-sf-2");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-sf-2") == 1, HD_TEST_TIMEOUT_MS);
  hd_sf_standin_end_handoff (f->standin, "revoke", hd_sf_standin_get_user_id (f->standin), "ho-sf-2",
                             "customer_abandoned");
  HD_TEST_WAIT_UNTIL (hd_handoff_get_state (hd_queue_lookup (f->queue, "ho-sf-2")) == HD_HANDOFF_STATE_REVOKED,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_handoff_get_revoke_reason (hd_queue_lookup (f->queue, "ho-sf-2")), ==,
                   HD_REVOKE_REASON_CUSTOMER_ABANDONED);
}

static void
test_never_another_agents_packet (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *packet = packet_for (f, "ho-forged");
  g_autofree char *record = NULL;
  g_autoptr(JsonObject) forged = json_object_new ();
  guint calls;

  start (f);
  /* An offer to a colleague: skipped without even reading it. */
  calls = hd_sf_standin_get_n_api_calls (f->standin);
  offer (f, COLLEAGUE, "ho-theirs");
  /* An event naming this agent for a record shared only with the
   * colleague (a misrouted or forged event): the org's sharing says 404. */
  record = hd_sf_standin_offer_handoff (f->standin, COLLEAGUE, "ho-forged", packet, NULL);
  json_object_set_string_member (forged, "Kind__c", "offer");
  json_object_set_string_member (forged, "Agent_User_Id__c", hd_sf_standin_get_user_id (f->standin));
  json_object_set_string_member (forged, "Handoff_Id__c", "ho-forged");
  json_object_set_string_member (forged, "Handoff_Record_Id__c", record);
  hd_sf_standin_publish_event (f->standin, HD_SF_STANDIN_EVENT_CHANNEL, forged, NULL);
  /* Then one that is ours, which must come after both. */
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-mine");

  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-mine") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_null (hd_queue_lookup (f->queue, "ho-theirs"));
  g_assert_null (hd_queue_lookup (f->queue, "ho-forged"));
  g_assert_cmpuint (times_journaled (f, "ho-theirs"), ==, 0);
  g_assert_cmpuint (times_journaled (f, "ho-forged"), ==, 0);
  g_assert_cmpuint (hd_sf_feed_get_n_dropped (f->feed), ==, 1);
  /* Two reads: the forged record (refused) and ours. */
  g_assert_cmpuint (hd_sf_standin_get_n_api_calls (f->standin) - calls, ==, 2);
}

/* 1,000 events, a third of them for a colleague, while answers are
 * dropped, the server forgets clients and clients expire: every offer of
 * this agent is journaled exactly once, and none of the colleague's. */
static void
test_thousand_events (Fixture       *f,
                      gconstpointer  data)
{
  const guint n = 1000;
  guint mine = 0;

  start (f);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-k-%04u", i);
      gboolean theirs = i % 3 == 2;

      offer (f, theirs ? COLLEAGUE : hd_sf_standin_get_user_id (f->standin), id);
      mine += !theirs;
      switch (i % 100)
        {
        case 10:
          hd_sf_standin_drop_connects (f->standin, 2);
          break;
        case 40:
          hd_sf_standin_forget_stream_clients (f->standin);
          break;
        case 70:
          {
            guint handshakes = hd_sf_standin_get_n_stream_handshakes (f->standin);

            /* The client takes longer than the expiry to come back after
             * the events it just got: the server forgets it. */
            hd_sf_standin_set_streaming_timeouts (f->standin, 110000, 1);
            HD_TEST_WAIT_UNTIL (hd_sf_standin_get_n_stream_handshakes (f->standin) > handshakes, HD_TEST_TIMEOUT_MS);
            hd_sf_standin_set_streaming_timeouts (f->standin, 110000, 40000);
          }
          break;
        default:
          break;
        }
      /* Let the app work between bursts, as a real bus would. */
      if (i % 25 == 24)
        HD_TEST_WAIT_UNTIL (g_hash_table_size (f->journaled) >= mine * 9 / 10, HD_TEST_TIMEOUT_MS);
    }
  HD_TEST_WAIT_UNTIL (g_hash_table_size (f->journaled) == mine && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS * 3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-k-%04u", i);

      g_assert_cmpuint (times_journaled (f, id), ==, i % 3 == 2 ? 0 : 1);
    }
  g_assert_cmpuint (hd_queue_get_n_presented (f->queue), ==, mine);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (hd_sf_feed_get_bayeux (f->feed)), >, 10);
  g_test_message ("%u offers journaled once through %u handshakes", mine,
                  hd_bayeux_client_get_n_handshakes (hd_sf_feed_get_bayeux (f->feed)));
}

/* The app dies after the offers are journaled and before their replayId is
 * stored: the next run replays them, and shows none again. */
static void
test_crash_before_replay_id_stored (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 stored;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-c-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-c-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  stored = hd_sf_feed_get_stored_replay_id (f->feed);

  f->fail_commit = TRUE;
  g_test_expect_message ("hd-sf-feed", G_LOG_LEVEL_WARNING, "*the process died here*");
  for (guint i = 2; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-c-%u", i);

      offer (f, hd_sf_standin_get_user_id (f->standin), id);
    }
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-c-5") == 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (f->feed), ==, stored);
  /* The process ends here: nothing more is stored. */
  hd_sf_feed_stop (f->feed);
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (f->feed), ==, stored);

  new_feed (f);
  g_test_assert_expected_messages ();
  f->fail_commit = FALSE;
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (f->feed), ==, stored);
  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-c-6");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-c-6") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-c-%u", i);

      g_assert_cmpuint (times_journaled (f, id), ==, 1);
    }
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (f->feed), >, stored);
}

static void
test_first_start_and_retention (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_seconds (now, -30);
  g_autofree char *packet = packet_for (f, "ho-old");
  g_autofree char *record = NULL;

  /* Before the app ever ran: an offer that already lapsed, and one still
   * open.  A first start replays both (-2) and shows only the open one. */
  record = hd_sf_standin_offer_handoff (f->standin, hd_sf_standin_get_user_id (f->standin), "ho-old", packet, past);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-open");
  start (f);
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-open") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (times_journaled (f, "ho-old"), ==, 0);
  hd_sf_feed_stop (f->feed);

  /* The stored replayId falls out of retention while the app is closed:
   * a notice, and everything retained. */
  hd_sf_standin_set_retention_ms (f->standin, 0);
  hd_sf_standin_set_retention_ms (f->standin, 3600 * 1000);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-after");
  new_feed (f);
  start (f);
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-after") == 1 && f->n_notices == 1, HD_TEST_TIMEOUT_MS);
}

/* --- transcript turns --- */

static guint
n_turns_in (Fixture    *f,
            const char *handoff_id)
{
  HdHandoff *handoff = hd_queue_lookup (f->queue, handoff_id);

  return handoff != NULL ? g_list_model_get_n_items (hd_handoff_get_transcript (handoff)) : 0;
}

static guint
times_appended (Fixture    *f,
                const char *line)
{
  guint n = 0;

  for (guint i = 0; i < f->turns->len; i++)
    n += g_strcmp0 (g_ptr_array_index (f->turns, i), line) == 0;
  return n;
}

static char *
last_text (Fixture    *f,
           const char *handoff_id)
{
  GListModel *transcript = hd_handoff_get_transcript (hd_queue_lookup (f->queue, handoff_id));
  g_autoptr(HdTurn) turn = g_list_model_get_item (transcript, g_list_model_get_n_items (transcript) - 1);

  return g_strdup (hd_turn_get_text (turn));
}

static void
reply (Fixture    *f,
       const char *handoff_id,
       const char *text,
       Request    *request)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_string_member (body, "text", text);
  hd_sf_feed_request_async (f->feed, "reply", handoff_id, body, NULL, request_cb, request);
}

/* Customer follow-ups arrive in order on `update` events; a reply
 * completes when its agent turn is in the transcript, which holds it once. */
static void
test_turns_and_reply (Fixture       *f,
                      gconstpointer  data)
{
  const char *me;
  Request early = { 0 };
  Request accept = { 0 };
  Request sent = { 0 };
  g_autofree char *masked = NULL;
  g_autofree char *replied = NULL;
  guint base;

  start (f);
  me = hd_sf_standin_get_user_id (f->standin);
  offer (f, me, "ho-t-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-t-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  base = n_turns_in (f, "ho-t-1");

  /* While the offer waits, the customer writes twice. */
  g_assert_cmpuint (hd_sf_standin_add_turn (f->standin, "ho-t-1", "customer", "hello? is anyone there", NULL), ==, 1);
  g_assert_cmpuint (hd_sf_standin_add_turn (f->standin, "ho-t-1", "customer", "my card 4111111111111111 is blocked",
                                            NULL), ==, 2);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-t-1") == base + 2 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->turns->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f->turns, 0), ==, "ho-t-1|customer|hello? is anyone there");
  /* Masked as any turn of a packet: the card number never shows whole. */
  masked = last_text (f, "ho-t-1");
  g_assert_null (strstr (masked, "4111111111111111"));
  g_assert_cmpint (hd_sf_feed_get_last_turn_sequence (f->feed, "ho-t-1"), ==, 2);

  /* Before the accept, the org refuses a reply. */
  reply (f, "ho-t-1", "too early", &early);
  HD_TEST_WAIT_UNTIL (early.done, HD_TEST_TIMEOUT_MS);
  g_assert_error (early.error, HD_ERROR, HD_ERROR_CONFLICT);
  g_clear_error (&early.error);

  hd_sf_feed_request_async (f->feed, "accept", "ho-t-1", NULL, NULL, request_cb, &accept);
  HD_TEST_WAIT_UNTIL (accept.done, HD_TEST_TIMEOUT_MS);
  g_assert_no_error (accept.error);

  /* The reply completes with its turn already appended, and the `answer`
   * that follows the `update` appends nothing more. */
  reply (f, "ho-t-1", "I am blocking it now", &sent);
  HD_TEST_WAIT_UNTIL (sent.done, HD_TEST_TIMEOUT_MS);
  g_assert_no_error (sent.error);
  g_assert_true (sent.ok);
  g_assert_cmpuint (times_appended (f, "ho-t-1|agent|I am blocking it now"), ==, 1);
  replied = last_text (f, "ho-t-1");
  g_assert_cmpstr (replied, ==, "I am blocking it now");
  HD_TEST_WAIT_UNTIL (hd_sf_feed_is_idle (f->feed) && hd_sf_standin_get_n_turns (f->standin, "ho-t-1") == 3,
                      HD_TEST_TIMEOUT_MS);
  hd_sf_standin_add_turn (f->standin, "ho-t-1", "customer", "thank you", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-t-1") == base + 4 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (times_appended (f, "ho-t-1|agent|I am blocking it now"), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->turns, 3), ==, "ho-t-1|customer|thank you");
}

/* The app dies after turns are journaled and before the replayId of their
 * updates is stored: the next run replays the updates, and appends nothing
 * the journal holds. */
static void
test_turns_replayed_update (Fixture       *f,
                            gconstpointer  data)
{
  guint base;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-r-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-r-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  base = n_turns_in (f, "ho-r-1");

  f->fail_commit = TRUE;
  g_test_expect_message ("hd-sf-feed", G_LOG_LEVEL_WARNING, "*the process died here*");
  hd_sf_standin_add_turn (f->standin, "ho-r-1", "customer", "first", NULL);
  hd_sf_standin_add_turn (f->standin, "ho-r-1", "customer", "second", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-r-1") == base + 2, HD_TEST_TIMEOUT_MS);
  hd_sf_feed_stop (f->feed);
  g_test_assert_expected_messages ();
  f->fail_commit = FALSE;

  /* The next run: the handoff is back from the journal with its turns (the
   * same queue stands for it), and the feed starts where the state file
   * says, before both updates. */
  new_feed_for_queue (f, f->queue);
  start (f);
  hd_sf_standin_add_turn (f->standin, "ho-r-1", "customer", "third", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-r-1") == base + 3 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (times_appended (f, "ho-r-1|customer|first"), ==, 1);
  g_assert_cmpuint (times_appended (f, "ho-r-1|customer|second"), ==, 1);
  g_assert_cmpuint (times_appended (f, "ho-r-1|customer|third"), ==, 1);
  g_assert_cmpuint (f->turns->len, ==, 3);

  /* An update the org sends twice (a flow retried) appends nothing new. */
  hd_sf_standin_publish_update (f->standin, "ho-r-1", NULL);
  hd_sf_standin_add_turn (f->standin, "ho-r-1", "customer", "fourth", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-r-1") == base + 4 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->turns->len, ==, 4);
}

/* Another agent's turns are never read into this agent's handoffs: not by
 * an update for their handoff, nor by one that names this agent's handoff
 * with their record, and the org's sharing hides them from the query. */
static void
test_turns_never_another_agents (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *packet = packet_for (f, "ho-theirs");
  g_autofree char *theirs = NULL;
  g_autofree char *soql = NULL;
  g_autoptr(JsonObject) forged = json_object_new ();
  g_autoptr(JsonObject) misnamed = json_object_new ();
  g_autoptr(JsonArray) records = NULL;
  g_autoptr(GError) error = NULL;
  SfTestAsync async = { 0 };
  const char *me;

  start (f);
  me = hd_sf_standin_get_user_id (f->standin);
  theirs = hd_sf_standin_offer_handoff (f->standin, COLLEAGUE, "ho-theirs", packet, NULL);
  hd_sf_standin_add_turn (f->standin, "ho-theirs", "customer", "their customer's secret", NULL);
  offer (f, me, "ho-mine");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-mine") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);

  /* Addressed to this agent, for the colleague's handoff. */
  json_object_set_string_member (forged, "Kind__c", "update");
  json_object_set_string_member (forged, "Agent_User_Id__c", me);
  json_object_set_string_member (forged, "Handoff_Id__c", "ho-theirs");
  json_object_set_string_member (forged, "Handoff_Record_Id__c", theirs);
  hd_sf_standin_publish_event (f->standin, HD_SF_STANDIN_EVENT_CHANNEL, forged, NULL);
  /* For this agent's handoff, naming the colleague's record. */
  json_object_set_string_member (misnamed, "Kind__c", "update");
  json_object_set_string_member (misnamed, "Agent_User_Id__c", me);
  json_object_set_string_member (misnamed, "Handoff_Id__c", "ho-mine");
  json_object_set_string_member (misnamed, "Handoff_Record_Id__c", theirs);
  hd_sf_standin_publish_event (f->standin, HD_SF_STANDIN_EVENT_CHANNEL, misnamed, NULL);
  /* Then one of this agent's own, which must come after both. */
  hd_sf_standin_add_turn (f->standin, "ho-mine", "customer", "mine", NULL);

  HD_TEST_WAIT_UNTIL (f->turns->len == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (g_ptr_array_index (f->turns, 0), ==, "ho-mine|customer|mine");
  g_assert_null (hd_queue_lookup (f->queue, "ho-theirs"));

  /* And the query itself, as this agent: the org's sharing returns none. */
  soql = g_strdup_printf ("SELECT Id, Text__c FROM Handoff_Turn__c WHERE Handoff__c = '%s'", theirs);
  hd_sf_client_query_async (f->client, soql, NULL, sf_test_async_cb, &async);
  records = hd_sf_client_query_finish (f->client, sf_test_async_wait (&async), &error);
  sf_test_async_clear (&async);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (records), ==, 0);
}

/* A malformed turn is refused with a notice; the others are appended. */
static void
test_turns_malformed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonObject) bad_speaker = json_object_new ();
  g_autoptr(JsonObject) no_text = json_object_new ();
  g_autoptr(JsonObject) good = json_object_new ();
  g_autofree char *text = NULL;
  guint base;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-m-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-m-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  base = n_turns_in (f, "ho-m-1");

  json_object_set_string_member (bad_speaker, "Speaker__c", "robot");
  json_object_set_string_member (bad_speaker, "Text__c", "who am I");
  json_object_set_string_member (no_text, "Speaker__c", "customer");
  json_object_set_string_member (good, "Speaker__c", "customer");
  json_object_set_string_member (good, "Text__c", "<b>still</b> waiting");
  hd_sf_standin_insert_turn (f->standin, "ho-m-1", bad_speaker);
  hd_sf_standin_insert_turn (f->standin, "ho-m-1", no_text);
  hd_sf_standin_insert_turn (f->standin, "ho-m-1", good);
  hd_sf_standin_publish_update (f->standin, "ho-m-1", NULL);

  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-m-1") == base + 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->n_notices, ==, 2);
  g_assert_cmpuint (f->turns->len, ==, 1);
  /* Plain text: the markup stays as the customer typed it. */
  text = last_text (f, "ho-m-1");
  g_assert_cmpstr (text, ==, "<b>still</b> waiting");
  /* The refused ones are not read again. */
  hd_sf_standin_add_turn (f->standin, "ho-m-1", "customer", "hello", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-m-1") == base + 2 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->n_notices, ==, 2);
}

/* More turns than a page: the rest follow through nextRecordsUrl, in order. */
static void
test_turns_paged (Fixture       *f,
                  gconstpointer  data)
{
  guint base, calls;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-p-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-p-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  base = n_turns_in (f, "ho-p-1");

  hd_sf_standin_set_turn_page_size (f->standin, 2);
  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *text = g_strdup_printf ("line %u", i);

      json_object_set_string_member (fields, "Speaker__c", "customer");
      json_object_set_string_member (fields, "Text__c", text);
      hd_sf_standin_insert_turn (f->standin, "ho-p-1", fields);
    }
  calls = hd_sf_standin_get_n_api_calls (f->standin);
  hd_sf_standin_publish_update (f->standin, "ho-p-1", NULL);
  HD_TEST_WAIT_UNTIL (n_turns_in (f, "ho-p-1") == base + 5 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  /* Pages of 2, 2 and 1. */
  g_assert_cmpuint (hd_sf_standin_get_n_api_calls (f->standin) - calls, ==, 3);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *line = g_strdup_printf ("ho-p-1|customer|line %u", i);

      g_assert_cmpstr (g_ptr_array_index (f->turns, i - 1), ==, line);
    }
  g_assert_cmpint (hd_sf_feed_get_last_turn_sequence (f->feed, "ho-p-1"), ==, 5);
}

/* A REST failure holds the update (and the offer behind it) and retries. */
static void
test_turns_retry (Fixture       *f,
                  gconstpointer  data)
{
  guint base;

  start (f);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-f-1");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-f-1") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  base = n_turns_in (f, "ho-f-1");

  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_UNAVAILABLE, 2);
  hd_sf_standin_add_turn (f->standin, "ho-f-1", "customer", "are you there", NULL);
  offer (f, hd_sf_standin_get_user_id (f->standin), "ho-f-2");
  HD_TEST_WAIT_UNTIL (times_journaled (f, "ho-f-2") == 1 && hd_sf_feed_is_idle (f->feed), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (n_turns_in (f, "ho-f-1"), ==, base + 1);
  g_assert_cmpuint (f->turns->len, ==, 1);
}

static gboolean
request_logged (Fixture    *f,
                const char *line)
{
  g_auto(GStrv) log = hd_sf_standin_dup_request_log (f->standin);

  return g_strv_contains ((const char * const *) log, line);
}

/* The agent's status reaches the org as a `status` request, set before the
 * connection (sent once it connects) and after. */
static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  hd_sf_feed_set_status (f->feed, "away");
  start (f);
  HD_TEST_WAIT_UNTIL (request_logged (f, "status away"), HD_TEST_TIMEOUT_MS);
  hd_sf_feed_set_status (f->feed, "available");
  HD_TEST_WAIT_UNTIL (request_logged (f, "status available"), HD_TEST_TIMEOUT_MS);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hd/sf-feed/offer-and-accept", test_offer_and_accept);
  ADD ("/hd/sf-feed/never-another-agents-packet", test_never_another_agents_packet);
  ADD ("/hd/sf-feed/thousand-events", test_thousand_events);
  ADD ("/hd/sf-feed/crash-before-replay-id-stored", test_crash_before_replay_id_stored);
  ADD ("/hd/sf-feed/first-start-and-retention", test_first_start_and_retention);
  ADD ("/hd/sf-feed/turns-and-reply", test_turns_and_reply);
  ADD ("/hd/sf-feed/turns-replayed-update", test_turns_replayed_update);
  ADD ("/hd/sf-feed/turns-never-another-agents", test_turns_never_another_agents);
  ADD ("/hd/sf-feed/turns-malformed", test_turns_malformed);
  ADD ("/hd/sf-feed/turns-paged", test_turns_paged);
  ADD ("/hd/sf-feed/turns-retry", test_turns_retry);
  ADD ("/hd/sf-feed/status", test_status);
#undef ADD

  return sf_test_run ();
}
