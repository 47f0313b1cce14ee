/* test-ui-window.c: the main window, its modes and header controls
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-test-gtk-utils.h"
#include "hd-trainer-view.h"
#include "hd-window.h"

/* One application per test program, as in the shipped program; a window per test. */
static HdApplication *test_app;

typedef struct
{
  HdApplication *app;
  HdWindow      *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->app = test_app;
  fixture->window = hd_window_new (fixture->app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  /* Presenting maps the window and its visible pages at once: nothing to wait for. */
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* A test may have closed it itself, before what it set on it goes. */
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* Gone before the next test makes its own: no window of one test lives on into another. */
  HD_TEST_WAIT_UNTIL (fixture->window == NULL, HD_TEST_TIMEOUT_MS);
}

static void
test_window_lifecycle (void)
{
  HdWindow *window = hd_window_new (test_app);

  g_assert_true (HD_IS_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Nothing of ours keeps a destroyed window alive: it goes, at the latest once GTK has
   * run what it queued for it. */
  HD_TEST_WAIT_UNTIL (window == NULL, HD_TEST_TIMEOUT_MS);
}

static void
test_window_modes (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *mode; const char *page; const char *title; } cases[] = {
    { "supervisor", "supervisor_stack", NULL },
    { "trainer", "trainer_bin", NULL },
    { "agent", "agent_stack", NULL },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "view_stack"));
  GSettings *settings = hd_application_get_settings (fixture->app);

  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "agent");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "agent");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *saved = NULL;
      GtkWidget *page = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, cases[i].page);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mode",
                                                 "s", cases[i].mode));

      /* The action sets the mode, the stack's page and the setting before it returns. */
      g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, cases[i].mode);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, cases[i].mode);
      g_assert_true (adw_view_stack_get_visible_child (stack) == page);
      g_assert_true (gtk_widget_get_mapped (page));
      if (cases[i].title != NULL)
        g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, cases[i].title);

      /* The mode is remembered for the next start. */
      saved = g_settings_get_string (settings, "last-mode");
      g_assert_cmpstr (saved, ==, cases[i].mode);
    }
}

static void
test_window_without_feed (Fixture       *fixture,
                          gconstpointer  data)
{
  HdWindow *window = fixture->window;
  GtkStack *agent_stack = GTK_STACK (hd_test_template_child (window, HD_TYPE_WINDOW, "agent_stack"));
  GtkWidget *offline = hd_test_template_child (window, HD_TYPE_WINDOW, "agent_page");
  GtkStack *supervisor_stack = GTK_STACK (hd_test_template_child (window, HD_TYPE_WINDOW, "supervisor_stack"));
  GtkWidget *supervisor_page = hd_test_template_child (window, HD_TYPE_WINDOW, "supervisor_page");

  /* No feed configured: the agent is told how to connect, and the feed controls stay hidden. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (agent_stack), ==, "offline");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (offline)), ==, "Not Connected");
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (window, HD_TYPE_WINDOW, "connection_button")));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (window, HD_TYPE_WINDOW, "status_selector")));
  /* Supervisor and Trainer are built on first use, not at start-up. */
  g_assert_null (adw_bin_get_child (ADW_BIN (hd_test_template_child (window, HD_TYPE_WINDOW, "trainer_bin"))));
  g_assert_null (gtk_stack_get_child_by_name (supervisor_stack, "queues"));
  g_assert_true (HD_IS_TRAINER_VIEW (hd_window_get_trainer_view (window)));
  g_assert_true (adw_bin_get_child (ADW_BIN (hd_test_template_child (window, HD_TYPE_WINDOW, "trainer_bin"))) ==
                 hd_window_get_trainer_view (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (supervisor_stack), ==, "offline");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (supervisor_page)), ==, "No Queues to Watch");
}

/* Salesforce mode: no routing layer streams queues, so Supervisor says where
 * they are rather than waiting, empty, for a snapshot that never comes. */
static void
test_window_salesforce_supervisor (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-window-sf-XXXXXX");
  g_autoptr(HdSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GtkStack *supervisor_stack = GTK_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW,
                                                                  "supervisor_stack"));
  GtkWidget *page;

  /* Set up as the app does for --feed salesforce; never started, so
   * nothing signs in or connects. */
  session = hd_session_new_for_salesforce ("agent-window", dir, &error);
  g_assert_no_error (error);
  g_assert_true (hd_session_setup_salesforce (session, "https://login.salesforce.com", "HandoffDeskTest", 0,
                                              "/OauthRedirect", "v64.0", &error));
  g_assert_no_error (error);
  g_assert_true (hd_session_use_salesforce_feed (session, 600, &error));
  g_assert_no_error (error);
  hd_window_set_session (fixture->window, session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mode", "s", "supervisor"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (supervisor_stack), ==, "salesforce");
  page = gtk_stack_get_visible_child (supervisor_stack);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Queues Are in Salesforce");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "Omni-Channel Supervisor"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Queues Are in Salesforce");

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  HD_TEST_WAIT_UNTIL (fixture->window == NULL, HD_TEST_TIMEOUT_MS);
  hd_session_stop (session);
  g_clear_object (&session);
  hd_test_rm_rf (dir);
}

static void
test_window_switcher_changes_mode (Fixture       *fixture,
                                   gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "view_stack"));

  /* What the view switcher does when clicked: the mode property must follow. */
  adw_view_stack_set_visible_child_name (stack, "trainer");
  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "trainer");

  /* An unknown mode from an old configuration is refused, the window stays usable. */
  g_test_expect_message ("hd-window", G_LOG_LEVEL_WARNING, "*unknown mode*");
  hd_window_set_mode (fixture->window, "retina");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "trainer");
}

static void
test_window_accels (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct { const char *accel; const char *action; } cases[] = {
    { "<Alt>1", "win.mode::agent" },
    { "<Alt>2", "win.mode::supervisor" },
    { "<Alt>3", "win.mode::trainer" },
    { "<Control>q", "app.quit" },
    { "<Control>comma", "app.preferences" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app),
                                                                     cases[i].accel);
      g_assert_true (g_strv_contains ((const char * const *) actions, cases[i].action));
    }

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "preferences"));
  /* GtkApplication loads gtk/help-overlay.ui from our resources and adds this action. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));
}

static void
test_window_header_accessible (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *menu = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "menu_button");
  GtkWidget *switcher = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "switcher_title");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Mode");
}

/* Whether a label under @widget shows @text: what a toast looks like from outside, as
 * libadwaita's toast widget is private. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  hd_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_window_toast_is_plain_text (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char *text = "<b>Bold</b> & <span foreground='red'>x";
  GtkWidget *overlay = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "toast_overlay");

  /* Text from the network must never be parsed as markup, nor break the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-toast",
                                             "s", text));
  /* The toast shows the text as written, and draws (markup errors would warn, and
   * warnings are fatal). */
  HD_TEST_WAIT_UNTIL (shows_label (overlay, text), HD_TEST_TIMEOUT_MS);
  hd_test_flush (GTK_WIDGET (fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/window/lifecycle", test_window_lifecycle);
  g_test_add ("/hd/ui/window/modes", Fixture, NULL, fixture_setup, test_window_modes, fixture_teardown);
  g_test_add ("/hd/ui/window/without-feed", Fixture, NULL, fixture_setup, test_window_without_feed, fixture_teardown);
  g_test_add ("/hd/ui/window/salesforce-supervisor", Fixture, NULL, fixture_setup,
              test_window_salesforce_supervisor, fixture_teardown);
  g_test_add ("/hd/ui/window/switcher", Fixture, NULL, fixture_setup, test_window_switcher_changes_mode, fixture_teardown);
  g_test_add ("/hd/ui/window/accels", Fixture, NULL, fixture_setup, test_window_accels, fixture_teardown);
  g_test_add ("/hd/ui/window/header-accessible", Fixture, NULL, fixture_setup, test_window_header_accessible, fixture_teardown);
  g_test_add ("/hd/ui/window/toast-plain-text", Fixture, NULL, fixture_setup, test_window_toast_is_plain_text, fixture_teardown);

  return hd_test_ui_run (test_app);
}
