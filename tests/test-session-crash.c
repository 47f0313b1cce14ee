/* test-session-crash.c: exactly once across kill -9, and what a restart brings back
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hd-case-draft.h"
#include "hd-demo-router.h"
#include "hd-demo-templates.h"
#include "hd-journal-index.h"
#include "hd-session.h"
#include "hd-test-crash.h"
#include "hd-test-packet-generator.h"
#include "hd-test-demo.h"
#include "hd-test-utils.h"

#define AGENT "agent-crash"

/* The WebSocket feed's token reaches the child in its environment. */
#define TOKEN_ENV "HD_TEST_FEED_TOKEN"

static HdSession *start_session (HdDemoRouter *router,
                                 const char   *token,
                                 const char   *dir);

typedef struct
{
  HdDemoRouter *router;
  gboolean     *exited;
  gint64        seq;
} Caught;

/* The child died, or applied and acknowledged everything up to @seq. */
static gboolean
caught_up_or_dead (gpointer data)
{
  Caught *caught = data;

  return *caught->exited || hd_demo_router_get_acked_seq (caught->router, AGENT) >= caught->seq;
}

/* An offer above HD_FEED_ASYNC_DECODE_BYTES, which the client decodes and
 * journals in workers, queued before it is journaled. */
static char *
push_big_offer (HdDemoRouter *router,
                guint         seed)
{
  g_autoptr(GBytes) bytes = hd_test_packet_generator_build (4000, seed);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("ho-crash-big-%u", seed);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *packet;

  g_assert_cmpuint (size, >, HD_FEED_ASYNC_DECODE_BYTES);
  g_assert_true (json_parser_load_from_data (parser, data, (gssize) size, &error));
  g_assert_no_error (error);
  packet = json_parser_get_root (parser);
  json_object_set_string_member (json_node_get_object (packet), "handoff_id", id);
  return hd_demo_router_push_packet (router, AGENT, packet);
}

/* Kills the app (a child process running a session) at every named point
 * of an offer's life, the 1st, 2nd, 3rd and 5th time it is reached in a run,
 * over many offers and restarts, against a real loopback router that also
 * re-offers handoffs already presented (a router retrying after its own
 * failover), with some big offers among them.  The test sends one frame
 * at a time, the next once the last is acknowledged, so each offer is its
 * own batch (its own state write and ack) and every run dies at the same
 * point every time.  Then each handoff is journaled exactly once, and the
 * journal verifies. */
static void
test_exactly_once_across_kills (void)
{
  const char * const *stages = hd_test_crash_stages;
  static const guint nths[] = { 1, 2, 3, 5 };
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-crash-XXXXXX");
  g_autofree char *journal_dir = g_build_filename (dir, "journal", NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gint64 pushed = 0;
  guint runs = 0, reoffers = 0;

  g_object_set (router, "heartbeat-ms", 2000, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);

  for (guint n = 0; n < G_N_ELEMENTS (nths); n++)
    for (guint s = 0; s < G_N_ELEMENTS (hd_test_crash_stages); s++, runs++)
      {
        gboolean exited = FALSE;
        guint nth = nths[n];
        g_autoptr(GSubprocess) child = hd_test_crash_spawn (hd_demo_router_get_uri (router), TOKEN_ENV, token,
                                                            dir, stages[s], nth, 0, &exited);
        Caught caught = { router, &exited, pushed };
        guint sent = 0;

        g_test_message ("run %u: kill at %s #%u", runs, stages[s], nth);
        /* What the last run left unacknowledged is replayed first. */
        g_assert_true (hd_test_wait_until (caught_up_or_dead, &caught, HD_TEST_TIMEOUT_MS * 2));

        /* Every other run, a handoff presented earlier again, with a new seq. */
        if (!exited && runs % 2 == 1 && ids->len > 0)
          {
            const char *again = g_ptr_array_index (ids, (runs * 7) % ids->len);
            g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
            g_autoptr(JsonNode) packet = hd_demo_template_build (0, again, now);

            g_free (hd_demo_router_push_packet (router, AGENT, packet));
            caught.seq = ++pushed;
            reoffers++;
            g_assert_true (hd_test_wait_until (caught_up_or_dead, &caught, HD_TEST_TIMEOUT_MS * 2));
          }

        /* Each new offer reaches every stage once: nth + 1 of them reach the
         * nth of any, whatever the replay and the re-offer did. */
        while (!exited && sent < nth + 1)
          {
            /* In the runs killed at the 2nd time, the first new offer is a
             * big one: shown while it is still being prepared for the
             * journal in a worker. */
            g_ptr_array_add (ids, nth == 2 && sent == 0 ? push_big_offer (router, runs)
                                                         : hd_demo_router_push_offer (router, AGENT, -1));
            caught.seq = ++pushed;
            sent++;
            g_assert_true (hd_test_wait_until (caught_up_or_dead, &caught, HD_TEST_TIMEOUT_MS * 2));
          }

        hd_test_crash_assert_killed (child, &exited, stages[s], nth);
      }

  /* A last, clean run applies whatever is left. */
  g_assert_false (hd_test_crash_run (hd_demo_router_get_uri (router), TOKEN_ENV, token, dir, "none", 0, pushed));
  g_test_message ("%u runs killed, %u offers, %u re-offers", runs, ids->len, reoffers);
  hd_test_crash_assert_journaled_once (journal_dir, ids);

  /* None was answered, so a restart shows every one again, once. */
  {
    g_autoptr(HdSession) session = start_session (router, token, dir);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (session))), ==, ids->len);
    hd_session_stop (session);
  }

  hd_demo_router_stop (router);
  hd_test_rm_rf (dir);
}

static HdSession *
start_session (HdDemoRouter *router,
               const char   *token,
               const char   *dir)
{
  g_autoptr(GError) error = NULL;
  HdSession *session = hd_session_new_for_feed (hd_demo_router_get_uri (router), AGENT, token, dir, &error);

  g_assert_no_error (error);
  hd_session_start (session);
  HD_TEST_WAIT_UNTIL (hd_session_get_can_send (session), HD_TEST_TIMEOUT_MS);
  return session;
}

/* A restart shows again what was open, rebuilt from the journal: an offer
 * still unanswered, and an accepted chat with the turns that came after
 * its offer; a closed one stays closed.  A re-offer of a handoff already
 * presented is acknowledged and not shown again. */
static void
test_restart_restores_open (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-restore-XXXXXX");
  g_autofree char *journal_dir = g_build_filename (dir, "journal", NULL);
  g_autoptr(HdSession) session = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *offered = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *closed = NULL;
  HdQueue *queue;
  HdHandoff *handoff;
  gboolean done = FALSE;
  guint turns_before;

  g_object_set (router, "heartbeat-ms", 2000, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);

  session = start_session (router, token, dir);
  queue = hd_session_get_queue (session);
  offered = hd_demo_router_push_offer (router, AGENT, 0);
  accepted = hd_demo_router_push_offer (router, AGENT, 1);
  closed = hd_demo_router_push_offer (router, AGENT, 2);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (queue)) == 3, HD_TEST_TIMEOUT_MS);
  hd_session_accept_async (session, accepted, NULL, hd_test_session_request_done_cb, &done);
  hd_test_wait_flag (&done, HD_TEST_TIMEOUT_MS);
  turns_before = g_list_model_get_n_items (hd_handoff_get_transcript (hd_queue_lookup (queue, accepted)));
  g_assert_true (hd_demo_router_push_turn (router, accepted, "are you still there?"));
  g_assert_true (hd_demo_router_revoke (router, closed, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  HD_TEST_WAIT_UNTIL (hd_handoff_get_state (hd_queue_lookup (queue, closed)) == HD_HANDOFF_STATE_REVOKED,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (hd_queue_lookup (queue, accepted))),
                    ==, turns_before + 1);
  hd_session_stop (session);
  g_clear_object (&session);

  /* The feed position is forgotten too: only the journal knows. */
  hd_session_forget_feed_position (dir);
  session = start_session (router, token, dir);
  queue = hd_session_get_queue (session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 2);
  handoff = hd_queue_lookup (queue, offered);
  g_assert_nonnull (handoff);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_OFFERED);
  handoff = hd_queue_lookup (queue, accepted);
  g_assert_nonnull (handoff);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (handoff)), ==, turns_before + 1);
  g_assert_null (hd_queue_lookup (queue, closed));

  /* The router offers the closed one again after a failover of its own. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(JsonNode) packet = hd_demo_template_build (2, closed, now);
    gint64 seq_before = hd_feed_client_get_last_seq (hd_session_get_feed (session));

    g_free (hd_demo_router_push_packet (router, AGENT, packet));
    HD_TEST_WAIT_UNTIL (hd_demo_router_get_acked_seq (router, AGENT) > seq_before, HD_TEST_TIMEOUT_MS);
  }
  g_assert_null (hd_queue_lookup (queue, closed));
  hd_session_stop (session);
  g_clear_object (&session);

  counts = hd_test_crash_count_offers (journal_dir);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, closed)), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, offered)), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, accepted)), ==, 1);

  hd_demo_router_stop (router);
  hd_test_rm_rf (dir);
}

/* Killed mid-chat with a reply typed and case edits made: a restart finds
 * the handoff open again, the reply in the store the reply box reads, and
 * the case edits in the case draft. */
static void
test_drafts_survive_kill (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-drafts-XXXXXX");
  g_autoptr(HdSession) session = NULL;
  g_autoptr(HdCaseDraft) case_draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autofree char *draft_path = NULL;
  HdHandoff *handoff;
  GStatBuf st;

  g_object_set (router, "heartbeat-ms", 2000, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);
  id = hd_demo_router_push_offer (router, AGENT, 0);

  g_assert_true (hd_test_crash_run (hd_demo_router_get_uri (router), TOKEN_ENV, token, dir, "drafts", 0, 1));

  /* Saved beside the journal, readable by the agent only. */
  draft_path = g_strdup_printf ("%s/%s.json", drafts_dir, id);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  session = start_session (router, token, dir);
  handoff = hd_queue_lookup (hd_session_get_queue (session), id);
  g_assert_nonnull (handoff);
  reply = hd_draft_store_dup_reply (hd_draft_store_get_default (), id);
  g_assert_cmpstr (reply, ==, "Let me check that for you");
  case_draft = hd_case_draft_new ();
  hd_case_draft_set_handoff (case_draft, handoff);
  g_assert_cmpstr (hd_case_draft_get_comment (case_draft), ==, "Customer confirmed the card is with them");
  g_assert_cmpstr (hd_case_draft_get_field (case_draft, HD_CASE_FIELD_NEXT_STEP), ==,
                   "Call back once the card is blocked");

  /* Closing the chat clears its drafts. */
  g_assert_true (hd_demo_router_revoke (router, id, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  HD_TEST_WAIT_UNTIL (hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_REVOKED, HD_TEST_TIMEOUT_MS);
  g_clear_object (&case_draft);
  hd_session_stop (session);
  g_assert_cmpint (g_stat (draft_path, &st), !=, 0);
  g_clear_object (&session);

  hd_demo_router_stop (router);
  hd_test_rm_rf (dir);
}

/* The index beside the journal is rebuilt when it is missing, and when it
 * no longer matches the journal (a record after its point was removed, or
 * the record it ends at changed). */
static void
test_index_stale (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-index-XXXXXX");
  g_autofree char *index_path = g_build_filename (dir, HD_JOURNAL_INDEX_NAME, NULL);
  g_autoptr(HdJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  HdJournalIndex *index;
  gboolean rebuilt = FALSE;
  GStatBuf st;

  journal = hd_journal_new (dir, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("ho-index-%u", i);
      g_autoptr(JsonNode) payload = json_from_string ("{\"packet\":{},\"feed\":{\"stream\":\"s1\",\"seq\":7}}", NULL);
      g_autoptr(HdJournalEvent) event = hd_journal_event_new (id, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, payload);

      g_assert_true (hd_journal_append (journal, event, &error));
    }

  /* Missing: made from the journal. */
  index = hd_journal_index_open (dir, &rebuilt, &error);
  g_assert_no_error (error);
  g_assert_true (rebuilt);
  g_assert_true (hd_journal_index_was_presented (index, "ho-index-2"));
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (hd_journal_index_get_streams (index), "s1"), ==, 7);
  g_assert_true (hd_journal_index_save (index, &error));
  g_assert_no_error (error);
  hd_journal_index_free (index);
  g_assert_cmpint (g_stat (index_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Up to date: read, not rebuilt. */
  index = hd_journal_index_open (dir, &rebuilt, &error);
  g_assert_false (rebuilt);
  hd_journal_index_free (index);

  /* Behind the journal (a crash before it was saved): read, and caught up. */
  {
    g_autoptr(JsonNode) payload = json_from_string ("{\"packet\":{},\"feed\":{\"stream\":\"s1\",\"seq\":9}}", NULL);
    g_autoptr(HdJournalEvent) event = hd_journal_event_new ("ho-index-late", HD_ACTOR_SYSTEM, "router",
                                                            HD_EVENT_OFFER, payload);

    g_assert_true (hd_journal_append (journal, event, &error));
    g_assert_true (hd_journal_sync (journal, &error));
  }
  index = hd_journal_index_open (dir, &rebuilt, &error);
  g_assert_false (rebuilt);
  g_assert_true (hd_journal_index_was_presented (index, "ho-index-late"));
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (hd_journal_index_get_streams (index), "s1"), ==, 9);
  g_assert_true (hd_journal_index_save (index, &error));
  hd_journal_index_free (index);
  g_clear_object (&journal);

  /* The record the index ends at is not what it was (the journal was
   * replaced by another of the same length): rebuilt, and the other
   * journal's ids are what it knows. */
  {
    g_autofree char *path = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_auto(GStrv) files = hd_journal_list_files (dir, &error);
    char *at;

    path = g_strdup (files[0]);
    g_assert_true (g_file_get_contents (path, &contents, &length, &error));
    at = strstr (contents, "ho-index-late");
    g_assert_nonnull (at);
    memcpy (at, "ho-index-LATE", strlen ("ho-index-LATE"));
    g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));
  }
  index = hd_journal_index_open (dir, &rebuilt, &error);
  g_assert_no_error (error);
  g_assert_true (rebuilt);
  g_assert_false (hd_journal_index_was_presented (index, "ho-index-late"));
  hd_journal_index_free (index);

  hd_test_rm_rf (dir);
}

/* The index is read in a worker (here rebuilt, as it is gone): the
 * session's start returns at once, with nothing restored and the feed not
 * started, so a long journal never holds up the window; both follow once
 * the index is in.  A record journaled meanwhile is in the index too. */
static void
test_index_loads_in_worker (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-index-load-XXXXXX");
  g_autofree char *index_path = g_build_filename (dir, "journal", HD_JOURNAL_INDEX_NAME, NULL);
  g_autoptr(HdSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *declined = NULL;
  HdQueue *queue;

  g_object_set (router, "heartbeat-ms", 2000, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);

  session = start_session (router, token, dir);
  kept = hd_demo_router_push_offer (router, AGENT, 0);
  declined = hd_demo_router_push_offer (router, AGENT, 1);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (session))) == 2,
                      HD_TEST_TIMEOUT_MS);
  hd_session_stop (session);
  g_clear_object (&session);
  g_assert_cmpint (g_unlink (index_path), ==, 0);

  session = hd_session_new_for_feed (hd_demo_router_get_uri (router), AGENT, token, dir, &error);
  g_assert_no_error (error);
  queue = hd_session_get_queue (session);
  hd_session_start (session);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_cmpint (hd_feed_client_get_state (hd_session_get_feed (session)), ==,
                   HD_FEED_CLIENT_STATE_DISCONNECTED);
  hd_session_journal_agent_event (session, declined, HD_EVENT_DECLINE, NULL);
  HD_TEST_WAIT_UNTIL (hd_session_get_can_send (session), HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (hd_queue_lookup (queue, kept));
  g_assert_true (g_file_test (index_path, G_FILE_TEST_EXISTS));
  hd_session_stop (session);
  g_clear_object (&session);

  /* Saved at the stop with the decline noted: not rebuilt, and only the
   * other handoff comes back. */
  {
    gboolean rebuilt = TRUE;
    g_autofree char *journal_dir = g_build_filename (dir, "journal", NULL);
    HdJournalIndex *index = hd_journal_index_open (journal_dir, &rebuilt, &error);
    g_auto(GStrv) open = NULL;

    g_assert_no_error (error);
    g_assert_false (rebuilt);
    open = hd_journal_index_dup_open (index);
    g_assert_cmpuint (g_strv_length (open), ==, 1);
    g_assert_cmpstr (open[0], ==, kept);
    hd_journal_index_free (index);
  }

  hd_demo_router_stop (router);
  hd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/session-crash/index-stale", test_index_stale);
  g_test_add_func ("/hd/session-crash/index-loads-in-worker", test_index_loads_in_worker);
  g_test_add_func ("/hd/session-crash/restart-restores-open", test_restart_restores_open);
  g_test_add_func ("/hd/session-crash/drafts-survive-kill", test_drafts_survive_kill);
  g_test_add_func ("/hd/session-crash/exactly-once-across-kills", test_exactly_once_across_kills);

  return g_test_run ();
}
