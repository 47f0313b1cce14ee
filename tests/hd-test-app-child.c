/* hd-test-app-child.c: the real app in a process of its own, for the crash test
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the shipped HdApplication as `handoffdesk --feed URL` does (its
 * window, its session in $XDG_DATA_HOME/handoffdesk, the feed token from the
 * keyring, Salesforce configured but not signed in) and drives its widgets:
 *
 *   hd-test-app-child type URL HANDOFF_ID
 *     accepts the offer HANDOFF_ID in the agent view, types a reply into the
 *     reply box and a next step and a comment into the case editor, waits
 *     until the debounced draft holding all three is on disk, and kills
 *     itself with SIGKILL, mid-chat;
 *   hd-test-app-child check URL HANDOFF_ID
 *     waits for the handoff to be shown again, accepted, selects it as the
 *     agent would, and exits 0 once the reply box and the case editor show
 *     the three texts again (1, saying what they show, if they do not).
 *
 * The token comes in $HD_TEST_FEED_TOKEN and goes to the keyring, as the
 * app reads it from there; never on a command line.
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <string.h>

#include "hd-agent-view.h"
#include "hd-case-editor.h"
#include "hd-feed-token.h"
#include "hd-handoff-pane.h"
#include "hd-reply-bar.h"
#include "hd-test-gtk-utils.h"
#include "hd-window.h"

#define AGENT "agent-ui-crash"
#define REPLY "Let me check that for you"
#define NEXT_STEP "Call back once the card is blocked"
#define COMMENT "Customer confirmed the card is with them"

typedef struct
{
  HdApplication *app;
  HdWindow      *window;
  const char    *mode;
  const char    *handoff_id;
  gboolean       started;
  gboolean       failed;
} Child;

static HdHandoff *
lookup (Child *child)
{
  HdSession *session = hd_window_get_session (child->window);

  return session != NULL ? hd_queue_lookup (hd_session_get_queue (session), child->handoff_id) : NULL;
}

static gboolean
offered (gpointer data)
{
  Child *child = data;
  HdSession *session = hd_window_get_session (child->window);

  return lookup (child) != NULL &&
         hd_feed_client_get_state (hd_session_get_feed (session)) == HD_FEED_CLIENT_STATE_CONNECTED;
}

static gboolean
accepted (gpointer data)
{
  HdHandoff *handoff = lookup (data);

  return handoff != NULL && hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_ACCEPTED;
}

typedef struct
{
  GtkEditable   *reply;
  HdCaseEditor  *editor;
  GtkEditable   *next_step;
  GtkTextBuffer *comment;
  const char    *draft_path;
} Widgets;

static void
find_widgets (Child   *child,
              Widgets *widgets)
{
  HdAgentView *view = hd_test_template_child (child->window, HD_TYPE_WINDOW, "agent_view");
  HdHandoffPane *pane = hd_agent_view_get_pane (view);
  GtkWidget *reply_bar = hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "reply_bar");

  widgets->reply = hd_test_template_child (reply_bar, HD_TYPE_REPLY_BAR, "reply_entry");
  widgets->editor = hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "case_editor");
  widgets->next_step = hd_test_template_child (widgets->editor, HD_TYPE_CASE_EDITOR, "next_step_row");
  widgets->comment = gtk_text_view_get_buffer (hd_test_template_child (widgets->editor, HD_TYPE_CASE_EDITOR,
                                                                       "comment_view"));
}

static gboolean
editor_usable (gpointer data)
{
  Widgets *widgets = data;

  return gtk_widget_is_sensitive (GTK_WIDGET (widgets->reply)) &&
         gtk_widget_get_mapped (GTK_WIDGET (widgets->next_step)) &&
         gtk_widget_is_sensitive (GTK_WIDGET (widgets->next_step));
}

/* The debounced draft reached the disk with all three texts. */
static gboolean
draft_written (gpointer data)
{
  Widgets *widgets = data;
  g_autofree char *text = NULL;

  return g_file_get_contents (widgets->draft_path, &text, NULL, NULL) && strstr (text, REPLY) != NULL &&
         strstr (text, NEXT_STEP) != NULL && strstr (text, COMMENT) != NULL;
}

static char *
dup_comment (Widgets *widgets)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (widgets->comment, &start, &end);
  return gtk_text_buffer_get_text (widgets->comment, &start, &end, FALSE);
}

static gboolean
restored (gpointer data)
{
  Widgets *widgets = data;
  g_autofree char *comment = dup_comment (widgets);

  return g_strcmp0 (gtk_editable_get_text (widgets->reply), REPLY) == 0 &&
         g_strcmp0 (gtk_editable_get_text (widgets->next_step), NEXT_STEP) == 0 &&
         g_strcmp0 (comment, COMMENT) == 0;
}

static void
type_and_die (Child *child)
{
  HdAgentView *view = hd_test_template_child (child->window, HD_TYPE_WINDOW, "agent_view");
  g_autofree char *draft_path = NULL;
  Widgets widgets = { 0 };

  g_assert_true (hd_test_wait_until (offered, child, HD_TEST_TIMEOUT_MS * 2));
  hd_agent_view_set_selected_handoff (view, lookup (child));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL));
  g_assert_true (hd_test_wait_until (accepted, child, HD_TEST_TIMEOUT_MS));

  find_widgets (child, &widgets);
  g_assert_true (hd_test_wait_until (editor_usable, &widgets, HD_TEST_TIMEOUT_MS));
  gtk_editable_set_text (widgets.reply, REPLY);
  gtk_editable_set_text (widgets.next_step, NEXT_STEP);
  gtk_text_buffer_insert_at_cursor (widgets.comment, COMMENT, -1);

  draft_path = g_strdup_printf ("%s/handoffdesk/drafts/%s.json", g_get_user_data_dir (), child->handoff_id);
  widgets.draft_path = draft_path;
  g_assert_true (hd_test_wait_until (draft_written, &widgets, HD_TEST_TIMEOUT_MS));
  raise (SIGKILL);
}

static void
check (Child *child)
{
  HdAgentView *view = hd_test_template_child (child->window, HD_TYPE_WINDOW, "agent_view");
  Widgets widgets = { 0 };

  /* Shown again from the journal, accepted, before the feed is back. */
  g_assert_true (hd_test_wait_until (accepted, child, HD_TEST_TIMEOUT_MS * 2));
  if (hd_agent_view_get_selected_handoff (view) != lookup (child))
    hd_agent_view_set_selected_handoff (view, lookup (child));
  find_widgets (child, &widgets);
  if (!hd_test_wait_until (restored, &widgets, HD_TEST_TIMEOUT_MS))
    {
      g_autofree char *comment = dup_comment (&widgets);

      g_printerr ("not restored: reply “%s”, next step “%s”, comment “%s”\n",
                  gtk_editable_get_text (widgets.reply), gtk_editable_get_text (widgets.next_step), comment);
      child->failed = TRUE;
    }
  g_application_quit (G_APPLICATION (child->app));
}

static gboolean
drive_cb (gpointer data)
{
  Child *child = data;

  if (g_str_equal (child->mode, "type"))
    type_and_die (child);
  else
    check (child);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  if (!HD_IS_WINDOW (window) || child->started)
    return;
  child->started = TRUE;
  child->window = HD_WINDOW (window);
  g_idle_add (drive_cb, child);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_feed_token_store_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  char *app_argv[4];
  gboolean stored = FALSE;
  Child child = { 0 };
  int status;

  if (argc != 4)
    {
      g_printerr ("usage: %s type|check URL HANDOFF_ID\n", argv[0]);
      return 2;
    }
  /* A test that fails while this runs must not leave it behind, holding
   * the test's output open. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  child.mode = argv[1];
  child.handoff_id = argv[3];

  /* Where the app reads its feed token from. */
  hd_feed_token_store_async (argv[2], g_getenv ("HD_TEST_FEED_TOKEN"), NULL, stored_cb, &stored);
  hd_test_wait_flag (&stored, HD_TEST_TIMEOUT_MS);

  /* The agent, and a Salesforce org (never reached: nobody signs in), so
   * the case editor is there. */
  settings = g_settings_new (BASE_APP_ID);
  g_settings_set_string (settings, "agent-id", AGENT);
  g_settings_set_string (settings, "salesforce-login-url", "https://127.0.0.1:9");
  g_settings_set_string (settings, "salesforce-client-id", "hd-test-app-child");

  child.app = hd_application_new ();
  /* Tests run side by side on one session bus: never hand off to another instance. */
  g_application_set_flags (G_APPLICATION (child.app),
                           g_application_get_flags (G_APPLICATION (child.app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (child.app, "window-added", G_CALLBACK (window_added_cb), &child);
  app_argv[0] = (char *) "handoffdesk";
  app_argv[1] = (char *) "--feed";
  app_argv[2] = argv[2];
  app_argv[3] = NULL;
  status = g_application_run (G_APPLICATION (child.app), 3, app_argv);
  g_clear_object (&child.app);
  return child.failed ? 1 : status;
}
