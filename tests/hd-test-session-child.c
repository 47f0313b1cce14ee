/* hd-test-session-child.c: a session in a process of its own, for crash tests
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs one HdSession against a feed and kills itself with SIGKILL at a
 * chosen point of an offer's life, so a test can check what survives a
 * crash exactly there:
 *
 *   hd-test-session-child URL DATA_DIR STAGE NTH EXPECT_SEQ
 *
 * STAGE names one of the session's stages (hd-session-private.h):
 * "decoded", "shown", "journaled", "state-written" or "acked"; the child
 * raises SIGKILL inside the stage's hook the NTH time this run reaches it,
 * so the kill comes exactly there, with nothing after it run.  It never
 * stops by itself then: the test feeds it offers until it is killed.
 * STAGE "none" stops cleanly and exits 0 once seq EXPECT_SEQ is applied.
 * STAGE "drafts" types a reply and case edits into the first handoff,
 * through the APIs the reply box and the case editor use, and kills itself
 * once the draft store wrote them (the debounce passed), mid-chat.  The
 * feed token comes in $HD_TEST_FEED_TOKEN (never on a command line).
 *
 * A URL of http:// is a Salesforce login URL (the stand-in's): the session
 * then runs in Salesforce mode (--feed salesforce), signed in with the
 * tokens in $HD_TEST_SF_TOKENS (their keyring form, restored as at an
 * app's start), its consumer key in $HD_TEST_SF_CLIENT_ID, and EXPECT_SEQ
 * is the replayId whose storing ends a STAGE "none" run.
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <string.h>

#include "hd-case-draft.h"
#include "hd-session-private.h"
#include "hd-test-crash.h"

static const char * const stage_names[] = {
  [HD_SESSION_STAGE_DECODED] = "decoded",
  [HD_SESSION_STAGE_SHOWN] = "shown",
  [HD_SESSION_STAGE_JOURNALED] = "journaled",
  [HD_SESSION_STAGE_STATE_WRITTEN] = "state-written",
  [HD_SESSION_STAGE_ACKED] = "acked",
};

typedef struct
{
  HdSession   *session;
  GMainLoop   *loop;
  const char  *stage;
  guint        nth;
  gint64       expect_seq;
  guint        count;
  gboolean     done;
  HdCaseDraft *case_draft;
} Child;

static void
check_done (Child *child)
{
  HdSfFeed *sf_feed = hd_session_get_sf_feed (child->session);
  gboolean caught_up;

  if (sf_feed != NULL)
    caught_up = hd_sf_feed_get_stored_replay_id (sf_feed) >= child->expect_seq && hd_sf_feed_is_idle (sf_feed);
  else
    caught_up = hd_feed_client_get_last_seq (hd_session_get_feed (child->session)) >= child->expect_seq;
  if (g_str_equal (child->stage, "none") && caught_up && !child->done)
    {
      child->done = TRUE;
      g_main_loop_quit (child->loop);
    }
}

static void
stage_cb (HdSession      *session,
          HdSessionStage  stage,
          gpointer        user_data)
{
  Child *child = user_data;

  if (g_str_equal (child->stage, stage_names[stage]) && ++child->count == child->nth)
    raise (SIGKILL);
  /* The Salesforce transport has no notify of its position: it is
   * stored when state-written is reached. */
  if (stage == HD_SESSION_STAGE_STATE_WRITTEN)
    check_done (child);
}

static gboolean
drafts_written_cb (gpointer data)
{
  Child *child = data;

  if (hd_draft_store_get_n_written (hd_session_get_drafts (child->session)) == 0)
    return G_SOURCE_CONTINUE;
  raise (SIGKILL);
  return G_SOURCE_REMOVE;
}

static void
type_drafts (Child     *child,
             HdHandoff *handoff)
{
  child->case_draft = hd_case_draft_new ();
  hd_case_draft_set_handoff (child->case_draft, handoff);
  hd_case_draft_set_field (child->case_draft, HD_CASE_FIELD_NEXT_STEP, "Call back once the card is blocked");
  hd_case_draft_set_comment (child->case_draft, "Customer confirmed the card is with them");
  hd_draft_store_set_reply (hd_session_get_drafts (child->session), hd_handoff_get_handoff_id (handoff),
                            "Let me check that for you");
  g_timeout_add (10, drafts_written_cb, child);
}

static void
on_items_changed_cb (GListModel *queue,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Child      *child)
{
  if (g_str_equal (child->stage, "drafts") && child->case_draft == NULL && added > 0)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, position);

      type_drafts (child, handoff);
    }
}

/* Also once welcomed: a resume after the journal may need no frame. */
static void
on_last_seq_cb (GObject    *feed,
                GParamSpec *pspec,
                Child      *child)
{
  check_done (child);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Child child = { 0 };

  if (argc != 6)
    {
      g_printerr ("usage: %s URL DATA_DIR STAGE NTH EXPECT_SEQ\n", argv[0]);
      return 2;
    }
  /* A test that fails while this runs must not leave it behind, holding
   * the test's output open. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  child.stage = argv[3];
  child.nth = (guint) atoi (argv[4]);
  child.expect_seq = g_ascii_strtoll (argv[5], NULL, 10);

  if (g_str_has_prefix (argv[1], "http://"))
    child.session = hd_test_crash_new_sf_session (argv[1], g_getenv ("HD_TEST_SF_CLIENT_ID"),
                                                  g_getenv ("HD_TEST_SF_TOKENS"), argv[2], &error);
  else
    child.session = hd_session_new_for_feed (argv[1], "agent-crash", g_getenv ("HD_TEST_FEED_TOKEN"),
                                             argv[2], &error);
  if (child.session == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  child.loop = g_main_loop_new (NULL, FALSE);
  g_object_set (hd_session_get_feed (child.session), "backoff-initial-ms", 10, "backoff-max-ms", 100, NULL);
  _hd_session_set_stage_func (child.session, stage_cb, &child);
  g_signal_connect (hd_session_get_feed (child.session), "notify::last-seq", G_CALLBACK (on_last_seq_cb), &child);
  g_signal_connect (hd_session_get_feed (child.session), "notify::state", G_CALLBACK (on_last_seq_cb), &child);
  g_signal_connect (hd_session_get_queue (child.session), "items-changed", G_CALLBACK (on_items_changed_cb), &child);
  hd_session_start (child.session);
  check_done (&child);
  if (!child.done)
    g_main_loop_run (child.loop);

  hd_session_stop (child.session);
  g_clear_object (&child.case_draft);
  g_clear_object (&child.session);
  g_main_loop_unref (child.loop);
  return 0;
}
