/* test-ui-window.c: the main window, its modes and header controls
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-test-gtk-utils.h"
#include "hd-test-legacy.h"
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
  gtk_window_present (GTK_WINDOW (fixture->window));
  hd_test_ui_iterate (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  hd_test_ui_iterate (20);
}

static GtkWidget *
find_child (HdWindow   *window,
            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), HD_TYPE_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
test_window_lifecycle (void)
{
  HdWindow *window = hd_window_new (test_app);

  g_assert_true (HD_IS_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  hd_test_ui_iterate (50);
  g_assert_null (window);  /* nothing of ours keeps a destroyed window alive */
}

static void
test_window_modes (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *mode; const char *page; const char *title; } cases[] = {
    { "supervisor", "supervisor_stack", NULL },
    { "trainer", "trainer_page", NULL },
    { "agent", "agent_stack", NULL },
  };
  AdwViewStack *stack = ADW_VIEW_STACK (find_child (fixture->window, "view_stack"));
  GSettings *settings = hd_application_get_settings (fixture->app);

  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "agent");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "agent");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *saved = NULL;
      GtkWidget *page = find_child (fixture->window, cases[i].page);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.mode",
                                                 "s", cases[i].mode));
      hd_test_ui_iterate (20);

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
  GtkStack *agent_stack = GTK_STACK (find_child (fixture->window, "agent_stack"));
  GtkWidget *offline = find_child (fixture->window, "agent_page");

  /* No feed configured: the agent is told how to connect, and the feed controls stay hidden. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (agent_stack), ==, "offline");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (offline)), ==, "Not Connected");
  g_assert_false (gtk_widget_get_visible (find_child (fixture->window, "connection_button")));
  g_assert_false (gtk_widget_get_visible (find_child (fixture->window, "status_selector")));
  g_assert_true (HD_IS_TRAINER_VIEW (find_child (fixture->window, "trainer_page")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_child (fixture->window, "supervisor_stack"))),
                   ==, "offline");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_child (fixture->window, "supervisor_page"))),
                   ==, "No Queues to Watch");
}

static void
test_window_switcher_changes_mode (Fixture       *fixture,
                                   gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (find_child (fixture->window, "view_stack"));

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
  GtkWidget *menu = find_child (fixture->window, "menu_button");
  GtkWidget *switcher = find_child (fixture->window, "switcher_title");

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Mode");
}

static void
test_window_toast_is_plain_text (Fixture       *fixture,
                                 gconstpointer  data)
{
  /* Text from the network must never be parsed as markup, nor break the toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-toast",
                                             "s", "<b>Bold</b> & <span foreground='red'>x"));
  hd_test_ui_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_app = hd_test_ui_application_new ();

  g_test_add_func ("/hd/ui/window/lifecycle", test_window_lifecycle);
  g_test_add ("/hd/ui/window/modes", Fixture, NULL, fixture_setup, test_window_modes, fixture_teardown);
  g_test_add ("/hd/ui/window/without-feed", Fixture, NULL, fixture_setup, test_window_without_feed, fixture_teardown);
  g_test_add ("/hd/ui/window/switcher", Fixture, NULL, fixture_setup, test_window_switcher_changes_mode, fixture_teardown);
  g_test_add ("/hd/ui/window/accels", Fixture, NULL, fixture_setup, test_window_accels, fixture_teardown);
  g_test_add ("/hd/ui/window/header-accessible", Fixture, NULL, fixture_setup, test_window_header_accessible, fixture_teardown);
  g_test_add ("/hd/ui/window/toast-plain-text", Fixture, NULL, fixture_setup, test_window_toast_is_plain_text, fixture_teardown);

  ret = g_test_run ();
  g_application_release (G_APPLICATION (test_app));
  g_clear_object (&test_app);
  return ret;
}
