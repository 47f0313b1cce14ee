/* test-ui-demo.c: the window on the built-in routing layer, as `--demo` runs it
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-agent-view.h"
#include "hd-session.h"
#include "hd-supervisor-view.h"
#include "hd-test-gtk-utils.h"
#include "hd-test-legacy.h"
#include "hd-window.h"

static HdApplication *test_app;

typedef struct
{
  char      *dir;
  HdSession *session;
  HdWindow  *window;
} Fixture;

static GObject *
child (HdWindow   *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), HD_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

/* The shared helper, with the fixture as its argument. */
#define wait_for(condition, fixture, timeout_ms) \
  hd_test_wait_until ((condition), (fixture), (timeout_ms))

static gboolean
three_offers_connected (gpointer data)
{
  Fixture *fixture = data;
  HdFeedClient *feed = hd_session_get_feed (fixture->session);

  return hd_feed_client_get_state (feed) == HD_FEED_CLIENT_STATE_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))) >= 3;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("hd-ui-demo-XXXXXX", NULL);
  fixture->session = hd_session_new_demo (fixture->dir, &error);
  g_assert_no_error (error);

  fixture->window = hd_window_new (test_app);
  hd_window_set_session (fixture->window, fixture->session);
  hd_session_start (fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for (three_offers_connected, fixture, 15000));
  hd_test_ui_iterate (100);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  hd_session_stop (fixture->session);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  hd_test_ui_iterate (20);
  g_clear_object (&fixture->session);
  g_free (fixture->dir);
}

static void
test_demo_shows_queue_and_connection (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkStack *agent_stack = GTK_STACK (child (fixture->window, "agent_stack"));
  HdAgentView *view = HD_AGENT_VIEW (child (fixture->window, "agent_view"));
  GtkLabel *label = GTK_LABEL (child (fixture->window, "connection_label"));
  GtkWidget *button = GTK_WIDGET (child (fixture->window, "connection_button"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (agent_stack), ==, "queue");
  g_assert_true (hd_agent_view_get_queue (view) == G_LIST_MODEL (hd_session_get_queue (fixture->session)));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Connected");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Feed connection: Connected");
  /* The demo router relays the agent's replies, so the pane's reply box can be used. */
  g_assert_true (hd_agent_view_get_can_reply (view));
}

static gboolean
has_panels (gpointer data)
{
  Fixture *fixture = data;
  HdSupervisorModel *model = hd_session_get_supervisor_model (fixture->session);

  return g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static void
test_demo_supervisor_stream (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->window, "supervisor_stack"));
  GObject *view = child (fixture->window, "supervisor_view");

  /* The built-in router streams its queues; the supervisor page shows them. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "queues");
  g_assert_true (hd_supervisor_view_get_model (HD_SUPERVISOR_VIEW (view)) ==
                 hd_session_get_supervisor_model (fixture->session));
  g_assert_true (wait_for (has_panels, fixture, 15000));
}

static gboolean
first_accepted (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  return hd_handoff_get_state (first) == HD_HANDOFF_STATE_ACCEPTED;
}

static void
test_demo_keyboard_accept (Fixture       *fixture,
                           gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (child (fixture->window, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  hd_agent_view_set_selected_handoff (view, first);
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_OFFERED);

  /* What Ctrl+Return does: the window sends accept; the state follows the router. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL));
  g_assert_true (wait_for (first_accepted, fixture, 10000));
  g_assert_cmpstr (hd_demo_router_get_offer_state (hd_session_get_router (fixture->session),
                                                   hd_handoff_get_handoff_id (first)), ==, "accepted");
}

typedef struct
{
  Fixture   *fixture;
  HdHandoff *handoff;
  guint      before;
} ReplyWait;

static gboolean
reply_arrived (gpointer data)
{
  Fixture *fixture = data;
  ReplyWait *wait = g_object_get_data (G_OBJECT (fixture->window), "reply-wait");
  return g_list_model_get_n_items (hd_handoff_get_transcript (wait->handoff)) > wait->before;
}

static void
test_demo_reply_goes_through_feed (Fixture       *fixture,
                                   gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (child (fixture->window, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  GListModel *transcript = hd_handoff_get_transcript (first);
  g_autoptr(HdTurn) last = NULL;
  ReplyWait wait = { fixture, first, 0 };
  gboolean taken = FALSE;

  hd_agent_view_set_selected_handoff (view, first);
  gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL);
  g_assert_true (wait_for (first_accepted, fixture, 10000));

  wait.before = g_list_model_get_n_items (transcript);
  g_object_set_data (G_OBJECT (fixture->window), "reply-wait", &wait);

  g_signal_emit_by_name (view, "reply-requested", first, "I can see the declined payment in Dubai.", &taken);
  g_assert_true (taken);
  g_assert_true (wait_for (reply_arrived, fixture, 10000));

  last = g_list_model_get_item (transcript, g_list_model_get_n_items (transcript) - 1);
  g_assert_cmpint (hd_turn_get_speaker (last), ==, HD_SPEAKER_AGENT);
  g_assert_cmpstr (hd_turn_get_text (last), ==, "I can see the declined payment in Dubai.");
  g_object_set_data (G_OBJECT (fixture->window), "reply-wait", NULL);
}

static gboolean
first_wrapped_up (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  return hd_handoff_get_state (first) == HD_HANDOFF_STATE_WRAPPED_UP;
}

static char *
journal_text (Fixture *fixture)
{
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (hd_journal_sync (journal, &error));
  g_assert_true (g_file_get_contents (hd_journal_get_current_path (journal), &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_demo_quality_signals_and_wrap_up (Fixture       *fixture,
                                       gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (child (fixture->window, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  g_autofree char *text = NULL;

  hd_agent_view_set_selected_handoff (view, first);
  gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL);
  g_assert_true (wait_for (first_accepted, fixture, 10000));

  /* The pane's one-click signals and the silent repeat detection are journaled... */
  g_signal_emit_by_name (view, "signal-requested", first, "asked_to_repeat", NULL);
  g_signal_emit_by_name (view, "repeat-detected", first, "card");
  g_signal_emit_by_name (view, "wrap-up-requested", first, TRUE);

  /* ...and the wrap-up completes when the router confirms, with the stated outcome. */
  g_assert_true (wait_for (first_wrapped_up, fixture, 10000));
  hd_test_ui_iterate (50);
  text = journal_text (fixture);
  g_assert_nonnull (strstr (text, "\"name\":\"customer-repeated-details\",\"source\":\"agent\""));
  g_assert_nonnull (strstr (text, "\"source\":\"auto\",\"detail\":\"card\""));
  g_assert_nonnull (strstr (text, "\"type\":\"wrap-up\",\"payload\":{\"resolved\":true}"));
}

static gboolean
one_refused (gpointer data)
{
  Fixture *fixture = data;
  return hd_feed_client_get_frames_rejected (hd_session_get_feed (fixture->session)) >= 1;
}

static void
test_demo_bad_frame_is_reported_not_fatal (Fixture       *fixture,
                                           gconstpointer  data)
{
  GtkLabel *details = GTK_LABEL (child (fixture->window, "connection_details"));
  GtkLabel *label = GTK_LABEL (child (fixture->window, "connection_label"));

  hd_demo_router_send_malformed (hd_session_get_router (fixture->session));
  g_assert_true (wait_for (one_refused, fixture, 10000));
  hd_test_ui_iterate (50);

  /* Still connected, and the refusal is counted where the agent can read it. */
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Connected");
  g_assert_nonnull (strstr (gtk_label_get_text (details), "1 message refused"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))), >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_app = hd_test_ui_application_new ();

  g_test_add ("/hd/ui/demo/queue-and-connection", Fixture, NULL, fixture_setup, test_demo_shows_queue_and_connection, fixture_teardown);
  g_test_add ("/hd/ui/demo/supervisor-stream", Fixture, NULL, fixture_setup, test_demo_supervisor_stream, fixture_teardown);
  g_test_add ("/hd/ui/demo/keyboard-accept", Fixture, NULL, fixture_setup, test_demo_keyboard_accept, fixture_teardown);
  g_test_add ("/hd/ui/demo/reply", Fixture, NULL, fixture_setup, test_demo_reply_goes_through_feed, fixture_teardown);
  g_test_add ("/hd/ui/demo/quality-signals", Fixture, NULL, fixture_setup, test_demo_quality_signals_and_wrap_up, fixture_teardown);
  g_test_add ("/hd/ui/demo/bad-frame", Fixture, NULL, fixture_setup, test_demo_bad_frame_is_reported_not_fatal, fixture_teardown);

  ret = g_test_run ();
  g_application_release (G_APPLICATION (test_app));
  g_clear_object (&test_app);
  return ret;
}
