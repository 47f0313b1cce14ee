/* test-session-salesforce.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-demo-browser.h"
#include "hd-demo.h"
#include "hd-error.h"
#include "hd-session.h"
#include "hd-sf-standin-streaming.h"
#include "hd-test-demo.h"
#include "hd-test-utils.h"

/* `handoffdesk --demo --feed salesforce` without the window: the session
 * takes the demo's offers from the stand-in's event bus into the same
 * queue and journal, answers them as platform events, brings transcript
 * turns and replies, and a run that ends before its replayId is stored
 * shows nothing twice. */

/* A started demo whose offers come over the stand-in's event bus. */
static HdDemo *
new_started_demo (void)
{
  g_autoptr(HdDemo) demo = hd_demo_new ();
  g_autoptr(GError) error = NULL;

  hd_demo_set_salesforce_feed (demo, TRUE);
  g_assert_true (hd_demo_start (demo, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&demo);
}

/* As src/hd-application.c, start_demo (), wires it; without @browser a
 * sign-in must come from the keyring. */
static HdSession *
new_session (HdDemo     *demo,
             const char *dir,
             gboolean    browser)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_session_new_for_salesforce (hd_demo_get_agent_id (demo), dir, &error);

  g_assert_no_error (error);
  if (browser)
    hd_session_set_demo (session, hd_demo_browser_open_uri);
  g_assert_true (hd_session_setup_salesforce (session, hd_demo_get_sf_login_url (demo),
                                              hd_demo_get_sf_client_id (demo),
                                              hd_demo_get_sf_redirect_port (demo),
                                              hd_demo_get_sf_redirect_path (demo),
                                              hd_demo_get_sf_api_version (demo), &error));
  g_assert_no_error (error);
  g_assert_true (hd_session_use_salesforce_feed (session, 600, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&session);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_demo_over_salesforce (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-sf-XXXXXX");
  g_autoptr(HdDemo) demo = new_started_demo ();
  g_autoptr(HdSession) session = NULL;
  g_autoptr(HdHandoff) first = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *line = NULL;
  g_autofree char *first_id = NULL;
  HdQueue *queue;
  HdSfStandin *standin;
  gboolean accepted = FALSE;

  standin = hd_demo_get_sf_standin (demo);

  session = new_session (demo, dir, TRUE);
  hd_session_start (session);
  queue = hd_session_get_queue (session);
  /* The three offers waiting at start, through sign-in, handshake and REST. */
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (queue)) == 3, HD_TEST_TIMEOUT_MS);
  HD_TEST_WAIT_UNTIL (hd_sf_feed_is_idle (hd_session_get_sf_feed (session)), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_stream_handshakes (standin), >=, 1);

  first = g_list_model_get_item (G_LIST_MODEL (queue), 0);
  first_id = g_strdup (hd_handoff_get_handoff_id (first));
  journal = hd_test_session_read_journal (session);
  line = g_strdup_printf ("\"handoff\":\"%s\"", first_id);
  g_assert_nonnull (strstr (journal, line));
  g_assert_cmpuint (count (journal, "\"type\":\"offer\""), ==, 3);

  /* Answered by the org's flow, as an event. */
  g_assert_true (hd_session_get_can_send (session));
  hd_session_accept_async (session, first_id, NULL, hd_test_session_request_done_cb, &accepted);
  g_assert_true (hd_session_is_request_pending (session, first_id));
  HD_TEST_WAIT_UNTIL (accepted, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_cmpstr (hd_sf_standin_get_handoff_status (standin, first_id), ==, "Accepted");
  g_assert_false (hd_session_is_request_pending (session, first_id));

  /* The app dies after journaling, before the replayId is stored. */
  hd_session_stop (session);
  g_clear_object (&session);
  g_clear_object (&first);
  hd_session_forget_salesforce_position (dir);

  session = new_session (demo, dir, TRUE);
  hd_session_start (session);
  queue = hd_session_get_queue (session);
  /* Every earlier event is replayed (-2), and the journal's index keeps
   * each offer from being shown again. */
  HD_TEST_WAIT_UNTIL (hd_session_get_sf_feed (session) != NULL &&
                      hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (hd_session_get_sf_feed (session))) ==
                      HD_BAYEUX_STATE_CONNECTED && hd_sf_feed_is_idle (hd_session_get_sf_feed (session)) &&
                      hd_sf_feed_get_stored_replay_id (hd_session_get_sf_feed (session)) > 0,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_null (hd_queue_lookup (queue, first_id));
  g_assert_cmpuint (hd_queue_get_n_presented (queue), ==, 0);

  hd_session_stop (session);
  g_clear_object (&session);
  hd_demo_stop (demo);
  hd_test_rm_rf (dir);
}

static guint
n_turns (HdHandoff *handoff)
{
  return g_list_model_get_n_items (hd_handoff_get_transcript (handoff));
}

static gboolean
request_logged (HdSfStandin *standin,
                const char  *line)
{
  g_auto(GStrv) log = hd_sf_standin_dup_request_log (standin);

  return g_strv_contains ((const char * const *) log, line);
}

/* The agent's screen after Accept over Salesforce: a customer's message
 * and the agent's reply arrive as turns, journaled as the WebSocket feed's
 * are (with where they came from), the status reaches the org, and a later
 * run that replays every event shows the handoff again with each turn
 * once. */
static void
test_turns_over_salesforce (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-sf-XXXXXX");
  g_autoptr(HdDemo) demo = new_started_demo ();
  g_autoptr(HdSession) session = NULL;
  g_autoptr(HdHandoff) first = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *again = NULL;
  g_autofree char *first_id = NULL;
  HdSfStandin *standin;
  HdHandoff *restored;
  gboolean accepted = FALSE;
  gboolean replied = FALSE;
  guint turns_before;

  standin = hd_demo_get_sf_standin (demo);

  session = new_session (demo, dir, TRUE);
  hd_session_set_status (session, "away");
  hd_session_start (session);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (session))) == 3,
                      HD_TEST_TIMEOUT_MS);
  HD_TEST_WAIT_UNTIL (request_logged (standin, "status away"), HD_TEST_TIMEOUT_MS);
  first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (session)), 0);
  first_id = g_strdup (hd_handoff_get_handoff_id (first));
  hd_session_accept_async (session, first_id, NULL, hd_test_session_request_done_cb, &accepted);
  HD_TEST_WAIT_UNTIL (accepted, HD_TEST_TIMEOUT_MS);

  turns_before = n_turns (first);
  hd_sf_standin_add_turn (standin, first_id, "customer", "is my salary safe?", NULL);
  HD_TEST_WAIT_UNTIL (n_turns (first) == turns_before + 1, HD_TEST_TIMEOUT_MS);
  hd_session_reply_async (session, first_id, "Yes, nothing has left your account", NULL, hd_test_session_request_done_cb, &replied);
  HD_TEST_WAIT_UNTIL (replied, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (n_turns (first), ==, turns_before + 2);
  hd_session_set_status (session, "busy");
  HD_TEST_WAIT_UNTIL (request_logged (standin, "status busy") &&
                      hd_sf_feed_is_idle (hd_session_get_sf_feed (session)), HD_TEST_TIMEOUT_MS);

  journal = hd_test_session_read_journal (session);
  g_assert_cmpuint (count (journal, "\"text\":\"is my salary safe?\""), ==, 1);
  g_assert_cmpuint (count (journal, "\"text\":\"Yes, nothing has left your account\""), ==, 1);
  g_assert_cmpuint (count (journal, "\"sequence\":2"), >=, 1);

  /* The next run replays every event (-2); it signs in from the keyring, as
   * the app does, and shows again what the journal has open. */
  hd_session_stop (session);
  g_clear_object (&session);
  hd_session_forget_salesforce_position (dir);
  session = new_session (demo, dir, FALSE);
  hd_session_start (session);
  HD_TEST_WAIT_UNTIL (hd_queue_lookup (hd_session_get_queue (session), first_id) != NULL &&
                      hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (hd_session_get_sf_feed (session))) ==
                      HD_BAYEUX_STATE_CONNECTED && hd_sf_feed_is_idle (hd_session_get_sf_feed (session)) &&
                      hd_sf_feed_get_stored_replay_id (hd_session_get_sf_feed (session)) > 0,
                      HD_TEST_TIMEOUT_MS);
  restored = hd_queue_lookup (hd_session_get_queue (session), first_id);
  g_assert_cmpuint (n_turns (restored), ==, turns_before + 2);
  g_assert_cmpint (hd_sf_feed_get_last_turn_sequence (hd_session_get_sf_feed (session), first_id), ==, 2);
  /* A new message still arrives, once. */
  hd_sf_standin_add_turn (standin, first_id, "customer", "thanks", NULL);
  HD_TEST_WAIT_UNTIL (n_turns (restored) == turns_before + 3 && hd_sf_feed_is_idle (hd_session_get_sf_feed (session)),
                      HD_TEST_TIMEOUT_MS);
  again = hd_test_session_read_journal (session);
  g_assert_cmpuint (count (again, "\"text\":\"is my salary safe?\""), ==, 1);
  g_assert_cmpuint (count (again, "\"text\":\"Yes, nothing has left your account\""), ==, 1);

  hd_session_stop (session);
  g_clear_object (&session);
  hd_demo_stop (demo);
  hd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *root = hd_test_init_xdg ();
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hd/session-salesforce/demo", test_demo_over_salesforce);
  g_test_add_func ("/hd/session-salesforce/turns", test_turns_over_salesforce);
  ret = g_test_run ();
  hd_test_rm_rf (root);
  return ret;
}
