/* test-session-crash-sf.c: exactly once across kill -9, over Salesforce
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-bounded-json.h"
#include "hd-sf-standin-streaming.h"
#include "hd-test-crash.h"
#include "hd-test-packet-generator.h"
#include "test-sf-common.h"

/* test-session-crash.c's matrix for the Salesforce transport (--feed
 * salesforce): the stand-in runs here, on loopback, and outlives the child
 * that runs the session and kills itself.  Killing the connection instead,
 * mid-run of events (dropped connects, forgotten and expired clients), is
 * test-sf-feed.c's thousand-events. */

/* The signed-in session's tokens reach the child in its environment, as
 * the WebSocket feed's token does. */
#define TOKENS_ENV "HD_TEST_SF_TOKENS"

/* Packet__c is a Long Text Area of this many characters
 * (data/salesforce/…/Handoff__c/fields/Packet__c.field-meta.xml). */
#define PACKET_FIELD_MAX 131072

typedef struct
{
  HdSfStandin *standin;
  char        *state_path;
  gboolean    *exited;
  gint64       published;   /* the replayId of the last offer published, or 0 */
} Crash;

/* The replayId the child stored, or HD_BAYEUX_REPLAY_EARLIEST. */
static gint64
stored_replay_id (const char *state_path)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *replay;

  if (!g_file_test (state_path, G_FILE_TEST_EXISTS) ||
      (root = hd_bounded_json_load_file (state_path, 65536, HD_BOUNDED_JSON_MAX_DEPTH, NULL)) == NULL)
    return HD_BAYEUX_REPLAY_EARLIEST;
  replay = json_object_get_object_member (json_node_get_object (root), "replay");
  return json_object_get_int_member_with_default (replay, HD_SF_STANDIN_EVENT_CHANNEL, HD_BAYEUX_REPLAY_EARLIEST);
}

/* The child died, or journaled everything published and stored its
 * replayId.  (The stand-in's replayIds grow; the app never counts on it.) */
static gboolean
caught_up_or_dead (gpointer data)
{
  Crash *crash = data;

  return *crash->exited || crash->published == 0 || stored_replay_id (crash->state_path) >= crash->published;
}

/* A generated packet for @handoff_id, with @n_turns turns. */
static char *
build_packet (const char *handoff_id,
              guint       n_turns,
              guint       seed)
{
  g_autoptr(GBytes) bytes = hd_test_packet_generator_build (n_turns, seed);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (root), "handoff_id", handoff_id);
  return json_to_string (root, FALSE);
}

/* The largest packet Packet__c holds, roughly: over a REST read of its
 * own, larger than any buffer on the way. */
static char *
build_big_packet (const char *handoff_id,
                  guint       seed)
{
  char *packet = NULL;

  for (guint n_turns = 800; packet == NULL || strlen (packet) > PACKET_FIELD_MAX; n_turns = n_turns * 9 / 10)
    {
      g_free (packet);
      packet = build_packet (handoff_id, n_turns, seed);
    }
  g_assert_cmpuint (strlen (packet), >, 64 * 1024);
  return packet;
}

/* The routing flow offers @handoff_id to the signed-in agent. */
static void
offer (Crash      *crash,
       const char *handoff_id,
       const char *packet)
{
  g_autofree char *record = hd_sf_standin_offer_handoff (crash->standin, hd_sf_standin_get_user_id (crash->standin),
                                                         handoff_id, packet, NULL);

  crash->published = hd_sf_standin_get_last_replay_id (crash->standin);
}

static char *
dup_tokens_text (HdTokenStore *store)
{
  SfTestAsync async = { 0 };
  g_autoptr(HdSfTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  hd_token_store_lookup_async (store, NULL, NULL, NULL, sf_test_async_cb, &async);
  tokens = hd_token_store_lookup_finish (store, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  sf_test_async_clear (&async);
  return hd_sf_tokens_serialize (tokens);
}

/* Kills the app (a child process running a session in Salesforce mode) at
 * every named point of an offer's life, the 1st, 2nd, 3rd and 5th time it
 * is reached in a run, over many offers and restarts, with the org's flow
 * offering again, every other run, a handoff already presented, and some
 * offers as large as Packet__c holds.  The test publishes one offer at a
 * time, the next once the child stored the last one's replayId, so each
 * offer is its own batch (its own connect, REST read and state write).
 * Then each handoff is journaled exactly once, none is lost, the journal
 * verifies, and a restart shows each (all still open) once. */
static void
test_exactly_once_across_kills (void)
{
  static const guint nths[] = { 1, 2, 3, 5 };
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autofree char *tokens = dup_tokens_text (store);
  g_autofree char *dir = sf_test_new_dir ("crash-sf");
  g_autofree char *journal_dir = g_build_filename (dir, "journal", NULL);
  g_autofree char *state_path = g_build_filename (dir, "sf-feed-state.json", NULL);
  const char *url = hd_sf_standin_get_url (standin);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) packets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HdSession) session = NULL;
  g_autoptr(GError) error = NULL;
  Crash crash = { standin, state_path, NULL, 0 };
  guint runs = 0, reoffers = 0;
  HdSfFeed *feed;
  HdQueue *queue;

  g_setenv ("HD_TEST_SF_CLIENT_ID", hd_sf_standin_get_client_id (standin), TRUE);

  for (guint n = 0; n < G_N_ELEMENTS (nths); n++)
    for (guint s = 0; s < G_N_ELEMENTS (hd_test_crash_stages); s++, runs++)
      {
        const char *stage = hd_test_crash_stages[s];
        gboolean exited = FALSE;
        guint nth = nths[n];
        g_autoptr(GSubprocess) child = hd_test_crash_spawn (url, TOKENS_ENV, tokens, dir, stage, nth, 0, &exited);
        guint sent = 0;

        g_test_message ("run %u: kill at %s #%u", runs, stage, nth);
        crash.exited = &exited;
        /* What the last run did not store is replayed first. */
        g_assert_true (hd_test_wait_until (caught_up_or_dead, &crash, HD_TEST_TIMEOUT_MS * 2));

        /* Every other run, the flow offers a handoff presented earlier again. */
        if (!exited && runs % 2 == 1 && ids->len > 0)
          {
            guint again = (runs * 7) % ids->len;

            offer (&crash, g_ptr_array_index (ids, again), g_ptr_array_index (packets, again));
            reoffers++;
            g_assert_true (hd_test_wait_until (caught_up_or_dead, &crash, HD_TEST_TIMEOUT_MS * 2));
          }

        /* Each new offer reaches every stage once: nth + 1 of them reach
         * the nth of any, whatever the replay and the re-offer did. */
        while (!exited && sent < nth + 1)
          {
            char *id = g_strdup_printf ("ho-crash-sf-%u-%u", runs, sent);

            /* In the runs killed at the 2nd time, the first new offer is a
             * big one. */
            g_ptr_array_add (packets, nth == 2 && sent == 0 ? build_big_packet (id, runs)
                                                            : build_packet (id, 6, runs * 10 + sent));
            g_ptr_array_add (ids, id);
            offer (&crash, id, g_ptr_array_index (packets, packets->len - 1));
            sent++;
            g_assert_true (hd_test_wait_until (caught_up_or_dead, &crash, HD_TEST_TIMEOUT_MS * 2));
          }

        hd_test_crash_assert_killed (child, &exited, stage, nth);
      }

  /* A last, clean run applies whatever is left. */
  g_assert_false (hd_test_crash_run (url, TOKENS_ENV, tokens, dir, "none", 0, crash.published));
  g_test_message ("%u runs killed, %u offers, %u re-offers", runs, ids->len, reoffers);
  /* None expired or was revoked: every one published is there, once. */
  hd_test_crash_assert_journaled_once (journal_dir, ids);

  /* None was answered, so a restart shows every one again, once, and
   * Salesforce has nothing new for it. */
  session = hd_test_crash_new_sf_session (url, hd_sf_standin_get_client_id (standin), tokens, dir, &error);
  g_assert_no_error (error);
  hd_session_start (session);
  feed = hd_session_get_sf_feed (session);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (feed)) == HD_BAYEUX_STATE_CONNECTED &&
                      hd_sf_feed_is_idle (feed), HD_TEST_TIMEOUT_MS);
  queue = hd_session_get_queue (session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_nonnull (hd_queue_lookup (queue, g_ptr_array_index (ids, i)));
  g_assert_cmpint (hd_sf_feed_get_stored_replay_id (feed), ==, crash.published);
  hd_session_stop (session);

  g_unsetenv ("HD_TEST_SF_CLIENT_ID");
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);
  g_test_add_func ("/hd/session-crash-sf/exactly-once-across-kills", test_exactly_once_across_kills);
  return sf_test_run ();
}
