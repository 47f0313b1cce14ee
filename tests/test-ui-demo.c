/* test-ui-demo.c: the window on the built-in routing layer, as `--demo` runs it
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-agent-view.h"
#include "hd-demo-browser.h"
#include "hd-sf-standin-streaming.h"
#include "hd-status-selector.h"
#include "hd-reply-bar.h"
#include "hd-session.h"
#include "hd-test-demo-window.h"
#include "hd-supervisor-view.h"
#include "hd-test-gtk-utils.h"
#include "hd-window.h"

static HdApplication *test_app;

typedef HdTestDemoWindow Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  hd_test_demo_window_open (fixture, test_app, "hd-ui-demo", 0, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  hd_test_demo_window_close (fixture);
}

static void
test_demo_shows_queue_and_connection (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkStack *agent_stack = GTK_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_stack"));
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  GtkLabel *label = GTK_LABEL (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_label"));
  GtkWidget *button = GTK_WIDGET (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_button"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (agent_stack), ==, "queue");
  g_assert_true (hd_agent_view_get_queue (view) == G_LIST_MODEL (hd_session_get_queue (fixture->session)));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Connected");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Feed connection: Connected");
  /* The demo router relays the agent's replies, so the pane's reply box can be used. */
  g_assert_true (hd_handoff_pane_get_can_reply (hd_agent_view_get_pane (view)));
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
  GtkStack *stack = GTK_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "supervisor_stack"));
  GtkWidget *view = hd_window_get_supervisor_view (fixture->window);

  /* The built-in router streams its queues; the supervisor page, built when
   * first asked for, shows them. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "queues");
  g_assert_true (hd_supervisor_view_get_model (HD_SUPERVISOR_VIEW (view)) ==
                 hd_session_get_supervisor_model (fixture->session));
  g_assert_true (hd_test_wait_until (has_panels, fixture, HD_TEST_TIMEOUT_MS));
}

/* An agent who never opens Supervisor mode has no Supervisor view, but the
 * model it would show still moves on: its totals (and its alerts, which the
 * window turns into toasts and notifications) come from its flushes. */
static void
test_demo_supervisor_unopened (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "supervisor_stack"));
  HdSupervisorModel *model = hd_session_get_supervisor_model (fixture->session);

  g_assert_true (hd_test_wait_until (has_panels, fixture, HD_TEST_TIMEOUT_MS));
  HD_TEST_WAIT_UNTIL (hd_supervisor_model_get_n_waiting (model) > 0, HD_TEST_TIMEOUT_MS);
  g_assert_null (gtk_stack_get_child_by_name (stack, "queues"));
}

static gboolean
first_accepted (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  return hd_handoff_get_state (first) == HD_HANDOFF_STATE_ACCEPTED;
}

/* The application's accelerator for @accel, activated as a key press would: through the
 * window's shortcut handling.  FALSE when its action is disabled, as the key then goes
 * on to the focused widget. */
static gboolean
activate_accel (Fixture    *fixture,
                const char *accel,
                const char *action)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (test_app), accel);

  g_assert_true (g_strv_contains ((const char * const *) actions, action));
  return hd_test_activate_shortcut (GTK_WIDGET (fixture->window), accel);
}

static void
test_demo_keyboard_accept (Fixture       *fixture,
                           gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  GtkWidget *header = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_button");
  GtkWidget *focus;
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  hd_agent_view_set_selected_handoff (view, first);
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_OFFERED);

  /* Ctrl+Return with the focus in the header, far from the offer bar: the window sends
   * accept; the state follows the router. */
  g_assert_true (gtk_widget_grab_focus (header));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (focus == header || gtk_widget_is_ancestor (focus, header));
  g_assert_true (activate_accel (fixture, "<Control>Return", "win.accept-offer"));
  g_assert_true (hd_test_wait_until (first_accepted, fixture, HD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (hd_demo_router_get_offer_state (hd_demo_get_router (fixture->demo),
                                                   hd_handoff_get_handoff_id (first)), ==, "accepted");

  /* Nothing left to answer: both keys pass to whatever has the focus. */
  g_assert_false (activate_accel (fixture, "<Control>Return", "win.accept-offer"));
  g_assert_false (activate_accel (fixture, "<Control>d", "win.decline-offer"));
}

/* An offer is answered only in agent mode; elsewhere the keys are not taken. */
static void
test_demo_keyboard_other_mode (Fixture       *fixture,
                               gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  hd_agent_view_set_selected_handoff (view, first);
  hd_window_set_mode (fixture->window, "supervisor");
  g_assert_false (activate_accel (fixture, "<Control>Return", "win.accept-offer"));
  g_assert_false (activate_accel (fixture, "<Control>d", "win.decline-offer"));
  g_assert_null (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Back in agent mode, Ctrl+D asks for a reason first. */
  hd_window_set_mode (fixture->window, "agent");
  g_assert_true (activate_accel (fixture, "<Control>d", "win.decline-offer"));
  g_assert_nonnull (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_OFFERED);
}

/* Accepts the first offer, sends @text from the pane's reply box (session.reply; once
 * taken, the box clears) and waits for the feed to bring it back as the agent's turn,
 * the transcript's last.  Returns the transcript's length before the reply. */
static guint
accept_and_reply (Fixture    *fixture,
                  const char *text)
{
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  GListModel *transcript = hd_handoff_get_transcript (first);
  g_autoptr(HdTurn) last = NULL;
  HdHandoffPane *pane = hd_agent_view_get_pane (view);
  GtkWidget *entry = hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "reply_bar"),
                                             HD_TYPE_REPLY_BAR, "reply_entry");
  guint before;

  hd_agent_view_set_selected_handoff (view, first);
  gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL);
  g_assert_true (hd_test_wait_until (first_accepted, fixture, HD_TEST_TIMEOUT_MS));

  before = g_list_model_get_n_items (transcript);
  HD_TEST_WAIT_UNTIL (hd_handoff_pane_get_can_send (pane), HD_TEST_TIMEOUT_MS);
  g_assert_true (gtk_widget_get_sensitive (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.send-reply", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (transcript) > before, HD_TEST_TIMEOUT_MS);

  last = g_list_model_get_item (transcript, g_list_model_get_n_items (transcript) - 1);
  g_assert_cmpint (hd_turn_get_speaker (last), ==, HD_SPEAKER_AGENT);
  g_assert_cmpstr (hd_turn_get_text (last), ==, text);
  return before;
}

/* The router relays the reply back: the transcript grows by it. */
static void
test_demo_reply_goes_through_feed (Fixture       *fixture,
                                   gconstpointer  data)
{
  accept_and_reply (fixture, "I can see the declined payment in Dubai.");
}

static gboolean
first_wrapped_up (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  return hd_handoff_get_state (first) == HD_HANDOFF_STATE_WRAPPED_UP;
}

/* Whether the journal file has @needle yet. Read without syncing: what is written is
 * visible to a reader at once, syncing only makes it durable. */
static gboolean
journal_has (Fixture    *fixture,
             const char *needle)
{
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autofree char *text = NULL;

  return g_file_get_contents (hd_journal_get_current_path (journal), &text, NULL, NULL) &&
         strstr (text, needle) != NULL;
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
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  g_autofree char *text = NULL;

  hd_agent_view_set_selected_handoff (view, first);
  gtk_widget_activate_action (GTK_WIDGET (view), "agent.accept", NULL);
  g_assert_true (hd_test_wait_until (first_accepted, fixture, HD_TEST_TIMEOUT_MS));

  /* The reply bar's one-click reports and the silent repeat detection are journaled... */
  g_signal_emit_by_name (hd_test_template_child (hd_test_template_child (hd_agent_view_get_pane (view), HD_TYPE_HANDOFF_PANE,
                                                                         "reply_bar"),
                                                 HD_TYPE_REPLY_BAR, "asked_to_repeat_button"),
                         "clicked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.quality-report", "(susb)",
                                             hd_handoff_get_handoff_id (first),
                                             (guint32) HD_QUALITY_REPORT_ASKED_TO_REPEAT, "card", TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.wrap-up", "(sb)",
                                             hd_handoff_get_handoff_id (first), TRUE));

  /* ...and the wrap-up completes when the router confirms, with the stated outcome. */
  g_assert_true (hd_test_wait_until (first_wrapped_up, fixture, HD_TEST_TIMEOUT_MS));
  /* The session journals the wrap-up as the state changes, unless an offer is being
   * presented just then: then it is held, after the signals, until that offer's record. */
  HD_TEST_WAIT_UNTIL (journal_has (fixture, "\"type\":\"wrap-up\""), HD_TEST_TIMEOUT_MS);
  text = journal_text (fixture);
  g_assert_nonnull (strstr (text, "\"name\":\"customer-repeated-details\",\"source\":\"agent\""));
  g_assert_nonnull (strstr (text, "\"source\":\"auto\",\"detail\":\"card\""));
  g_assert_nonnull (strstr (text, "\"type\":\"wrap-up\",\"payload\":{\"resolved\":true"));
}

static gboolean
one_refused (gpointer data)
{
  Fixture *fixture = data;
  return hd_feed_client_get_frames_rejected (hd_session_get_feed (fixture->session)) >= 1;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HdHandoff **fetched = user_data;
  g_autoptr(GError) error = NULL;

  *fetched = hd_feed_client_fetch_handoff_finish (HD_FEED_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static void
test_demo_bad_frame_is_reported_not_fatal (Fixture       *fixture,
                                           gconstpointer  data)
{
  GtkLabel *details = GTK_LABEL (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_details"));
  GtkLabel *label = GTK_LABEL (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_label"));
  HdFeedClient *feed = hd_session_get_feed (fixture->session);
  guint reconnects = hd_feed_client_get_reconnects (feed);
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  g_autoptr(HdHandoff) fetched = NULL;

  hd_demo_router_send_malformed (hd_demo_get_router (fixture->demo));
  g_assert_true (hd_test_wait_until (one_refused, fixture, HD_TEST_TIMEOUT_MS));

  /* Had the bad frame cost the connection, it would have been dropped on reading it: a
   * request sent after it and answered on the same connection shows that it was not. */
  hd_feed_client_fetch_handoff_async (feed, hd_handoff_get_handoff_id (first), NULL, fetch_cb, &fetched);
  HD_TEST_WAIT_UNTIL (fetched != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_handoff_get_handoff_id (fetched), ==, hd_handoff_get_handoff_id (first));
  g_assert_cmpuint (hd_feed_client_get_reconnects (feed), ==, reconnects);

  /* Still connected, and the refusal is counted where the agent can read it. */
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Connected");
  g_assert_nonnull (strstr (gtk_label_get_text (details), "1 message refused"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))), >=, 3);
}

static gboolean
sf_offers_connected (gpointer data)
{
  Fixture *fixture = data;
  HdSfFeed *feed = hd_session_get_sf_feed (fixture->session);

  return hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (feed)) == HD_BAYEUX_STATE_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))) >= 3;
}

/* The window as `--demo --feed salesforce` opens it (src/hd-application.c,
 * start_demo ()): offers from the stand-in's event bus. */
static void
sf_fixture_setup (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("hd-ui-demo-sf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->demo = hd_demo_new ();
  hd_demo_set_salesforce_feed (fixture->demo, TRUE);
  g_assert_true (hd_demo_start (fixture->demo, &error));
  g_assert_no_error (error);
  fixture->session = hd_session_new_for_salesforce (hd_demo_get_agent_id (fixture->demo), fixture->dir, &error);
  g_assert_no_error (error);
  hd_session_set_demo (fixture->session, hd_demo_browser_open_uri);
  g_assert_true (hd_session_setup_salesforce (fixture->session, hd_demo_get_sf_login_url (fixture->demo),
                                              hd_demo_get_sf_client_id (fixture->demo),
                                              hd_demo_get_sf_redirect_port (fixture->demo),
                                              hd_demo_get_sf_redirect_path (fixture->demo),
                                              hd_demo_get_sf_api_version (fixture->demo), &error));
  g_assert_true (hd_session_use_salesforce_feed (fixture->session, 600, &error));
  g_assert_no_error (error);

  fixture->window = hd_window_new (test_app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  hd_window_set_session (fixture->window, fixture->session);
  hd_session_start (fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (hd_test_wait_until (sf_offers_connected, fixture, HD_TEST_TIMEOUT_MS));
}

/* Over Salesforce the pane's reply box works as over the WebSocket feed:
 * enabled, and a reply comes back into the transcript as the agent's turn. */
static void
test_demo_salesforce_reply (Fixture       *fixture,
                            gconstpointer  data)
{
  HdAgentView *view = HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  GListModel *transcript = hd_handoff_get_transcript (first);
  guint before;

  g_assert_true (hd_handoff_pane_get_can_reply (hd_agent_view_get_pane (view)));
  before = accept_and_reply (fixture, "Your card is blocked; a new one is on its way.");
  /* The org records the reply as a turn and announces it: the transcript grows by it, once. */
  HD_TEST_WAIT_UNTIL (hd_sf_feed_is_idle (hd_session_get_sf_feed (fixture->session)), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (transcript), ==, before + 1);
}

static gboolean
status_busy_sent (gpointer data)
{
  Fixture *fixture = data;
  g_auto(GStrv) log = hd_sf_standin_dup_request_log (hd_demo_get_sf_standin (fixture->demo));

  return g_strv_contains ((const char * const *) log, "status busy");
}

/* The header's availability reaches the org as a `status` request. */
static void
test_demo_salesforce_status (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *selector = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "status_selector");

  /* The agent picks "Busy". */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_bin_get_child (ADW_BIN (selector))), 1);
  g_assert_cmpstr (hd_status_selector_get_status (HD_STATUS_SELECTOR (selector)), ==, "busy");
  g_assert_true (hd_test_wait_until (status_busy_sent, fixture, HD_TEST_TIMEOUT_MS));
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add ("/hd/ui/demo/queue-and-connection", Fixture, NULL, fixture_setup, test_demo_shows_queue_and_connection, fixture_teardown);
  g_test_add ("/hd/ui/demo/supervisor-stream", Fixture, NULL, fixture_setup, test_demo_supervisor_stream, fixture_teardown);
  g_test_add ("/hd/ui/demo/supervisor-unopened", Fixture, NULL, fixture_setup, test_demo_supervisor_unopened,
              fixture_teardown);
  g_test_add ("/hd/ui/demo/keyboard-accept", Fixture, NULL, fixture_setup, test_demo_keyboard_accept, fixture_teardown);
  g_test_add ("/hd/ui/demo/keyboard-other-mode", Fixture, NULL, fixture_setup, test_demo_keyboard_other_mode,
              fixture_teardown);
  g_test_add ("/hd/ui/demo/reply", Fixture, NULL, fixture_setup, test_demo_reply_goes_through_feed, fixture_teardown);
  g_test_add ("/hd/ui/demo/quality-signals", Fixture, NULL, fixture_setup, test_demo_quality_signals_and_wrap_up, fixture_teardown);
  g_test_add ("/hd/ui/demo/bad-frame", Fixture, NULL, fixture_setup, test_demo_bad_frame_is_reported_not_fatal, fixture_teardown);
  g_test_add ("/hd/ui/demo/salesforce-reply", Fixture, NULL, sf_fixture_setup, test_demo_salesforce_reply,
              fixture_teardown);
  g_test_add ("/hd/ui/demo/salesforce-status", Fixture, NULL, sf_fixture_setup, test_demo_salesforce_status,
              fixture_teardown);

  return hd_test_ui_run (test_app);
}
