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
 *   hd-test-session-child URL DATA_DIR PHASE NTH DELAY_MS EXPECT_ITEMS EXPECT_SEQ
 *
 * PHASE is "none", "shown" (the offer reached the queue: decoded, not yet
 * journaled) or "journaled" (its record was just written: the state file
 * and the ack are still to come); the NTH such offer of this run triggers
 * the kill, DELAY_MS later (0: right there, inside the signal handler).
 * PHASE "drafts" types a reply and case edits into the first handoff,
 * through the APIs the reply box and the case editor use, and kills itself
 * once the draft store wrote them (the debounce passed), mid-chat.
 * Without a kill, or before it, the child stops cleanly and exits 0 once
 * it applied seq EXPECT_SEQ and its queue holds EXPECT_ITEMS handoffs
 * (restored ones included; 0: any number).  The
 * feed token comes in $HD_TEST_FEED_TOKEN (never on a command line).
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hd-case-draft.h"
#include "hd-session.h"

typedef struct
{
  HdSession *session;
  GMainLoop *loop;
  char      *phase;
  guint      nth;
  guint      delay_ms;
  guint      expect_items;
  gint64     expect_seq;
  guint      count;
  gboolean   done;
  gboolean   dying;     /* the kill point was reached: no clean exit now */
  HdCaseDraft *case_draft;
} Child;

static gboolean
die_cb (gpointer data)
{
  kill (getpid (), SIGKILL);
  return G_SOURCE_REMOVE;
}

static void
reached (Child      *child,
         const char *phase)
{
  if (!g_str_equal (child->phase, phase) || ++child->count != child->nth)
    return;
  child->dying = TRUE;
  if (child->delay_ms == 0)
    kill (getpid (), SIGKILL);
  g_timeout_add (child->delay_ms, die_cb, NULL);
}

static void
check_done (Child *child)
{
  HdQueue *queue = hd_session_get_queue (child->session);

  if (g_str_equal (child->phase, "drafts") || child->dying)
    return;  /* it ends by its kill */
  if (g_list_model_get_n_items (G_LIST_MODEL (queue)) >= child->expect_items &&
      hd_feed_client_get_last_seq (hd_session_get_feed (child->session)) >= child->expect_seq)
    {
      child->done = TRUE;
      g_main_loop_quit (child->loop);
    }
}

static gboolean
drafts_written_cb (gpointer data)
{
  Child *child = data;

  if (hd_draft_store_get_n_written (hd_session_get_drafts (child->session)) == 0)
    return G_SOURCE_CONTINUE;
  kill (getpid (), SIGKILL);
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
  for (guint i = 0; i < added; i++)
    reached (child, "shown");
  if (g_str_equal (child->phase, "drafts") && child->case_draft == NULL && added > 0)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, position);

      type_drafts (child, handoff);
      return;
    }
  check_done (child);
}

static void
on_appended_cb (HdJournal      *journal,
                HdJournalEvent *event,
                Child          *child)
{
  if (g_str_equal (hd_journal_event_get_event_type (event), HD_EVENT_OFFER))
    reached (child, "journaled");
}

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

  if (argc != 8)
    {
      g_printerr ("usage: %s URL DATA_DIR PHASE NTH DELAY_MS EXPECT_ITEMS EXPECT_SEQ\n", argv[0]);
      return 2;
    }
  child.phase = argv[3];
  child.nth = (guint) atoi (argv[4]);
  child.delay_ms = (guint) atoi (argv[5]);
  child.expect_items = (guint) atoi (argv[6]);
  child.expect_seq = g_ascii_strtoll (argv[7], NULL, 10);

  child.session = hd_session_new_for_feed (argv[1], "agent-crash", g_getenv ("HD_TEST_FEED_TOKEN"),
                                           argv[2], &error);
  if (child.session == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  child.loop = g_main_loop_new (NULL, FALSE);
  g_object_set (hd_session_get_feed (child.session), "backoff-initial-ms", 10, "backoff-max-ms", 100, NULL);
  g_signal_connect (hd_session_get_journal (child.session), "appended", G_CALLBACK (on_appended_cb), &child);
  g_signal_connect (hd_session_get_feed (child.session), "notify::last-seq", G_CALLBACK (on_last_seq_cb), &child);
  hd_session_start (child.session);
  /* After the handoffs restored at start: only offers of this run count. */
  g_signal_connect (hd_session_get_queue (child.session), "items-changed", G_CALLBACK (on_items_changed_cb), &child);
  check_done (&child);
  if (!child.done)
    g_main_loop_run (child.loop);

  hd_session_stop (child.session);
  g_clear_object (&child.case_draft);
  g_clear_object (&child.session);
  g_main_loop_unref (child.loop);
  return 0;
}
