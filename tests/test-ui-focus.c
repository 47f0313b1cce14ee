/* test-ui-focus.c: the keyboard in Agent mode, on the built-in routing layer
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-agent-view.h"
#include "hd-case-editor.h"
#include "hd-queue-sidebar.h"
#include "hd-reply-bar.h"
#include "hd-session.h"
#include "hd-story-column.h"
#include "hd-test-demo-window.h"
#include "hd-test-gtk-utils.h"
#include "hd-transcript-view.h"
#include "hd-window.h"

/* More Tab presses than the window has stops: a walk that has not come round by then is
 * caught somewhere. */
#define MAX_STOPS 200

static HdApplication *test_app;

typedef HdTestDemoWindow Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  hd_test_demo_window_open (fixture, test_app, "hd-ui-focus", 1366, 768);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  hd_test_demo_window_close (fixture);
}

static HdAgentView *
agent_view (Fixture *fixture)
{
  return HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
}

static HdHandoff *
nth_handoff (Fixture *fixture,
             guint    n)
{
  return g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), n);
}

/* The region of Agent mode that @widget is in, by the classes that make the regions. */
static const char *
region_of (GtkWidget *widget)
{
  if (widget == NULL)
    return "nothing";
  if (gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL)
    return "header";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_QUEUE_SIDEBAR) != NULL)
    return "queue";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_CASE_EDITOR) != NULL)
    return "case";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_TRANSCRIPT_VIEW) != NULL)
    return "transcript";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_REPLY_BAR) != NULL)
    return "reply";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_STORY_COLUMN) != NULL)
    return "story";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_HANDOFF_PANE) != NULL)
    return "cards";
  if (gtk_widget_get_ancestor (widget, HD_TYPE_AGENT_VIEW) != NULL)
    return "offer";
  return G_OBJECT_TYPE_NAME (widget);
}

static gboolean
is_accepted (gpointer data)
{
  return hd_handoff_get_state (data) == HD_HANDOFF_STATE_ACCEPTED;
}

/* The first offer, selected and accepted with Ctrl+Return, and the reply box ready. */
static HdHandoff *
accept_first (Fixture *fixture)
{
  HdHandoff *first = nth_handoff (fixture, 0);
  HdHandoffPane *pane = hd_agent_view_get_pane (agent_view (fixture));

  hd_agent_view_set_selected_handoff (agent_view (fixture), first);
  g_assert_true (hd_test_press_key (GTK_WINDOW (fixture->window), "<Control>Return"));
  g_assert_true (hd_test_wait_until (is_accepted, first, HD_TEST_TIMEOUT_MS));
  HD_TEST_WAIT_UNTIL (hd_handoff_pane_get_can_send (pane), HD_TEST_TIMEOUT_MS);
  /* Tab's order is by where things are drawn: let the accepted layout settle. */
  hd_test_flush (GTK_WIDGET (fixture->window));
  return first;
}

/* Presses @key until the focus comes back to where the walk began; every press must move
 * it.  Returns the stops in order, from the first after the start. */
static GPtrArray *
walk (Fixture    *fixture,
      const char *key)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *start = gtk_window_get_focus (window);

  g_assert_nonnull (start);
  for (guint i = 0; i < MAX_STOPS; i++)
    {
      GtkWidget *before = gtk_window_get_focus (window);
      GtkWidget *after;

      g_assert_true (hd_test_press_key (window, key));
      after = gtk_window_get_focus (window);
      g_test_message ("%s: %s in %s%s%s", key, after != NULL ? G_OBJECT_TYPE_NAME (after) : "nothing",
                      region_of (after), GTK_IS_LABEL (after) ? ": " : "",
                      GTK_IS_LABEL (after) ? gtk_label_get_text (GTK_LABEL (after)) : "");
      if (after == NULL || after == before)
        g_error ("%s left the focus on %s (%s) after %u stops", key,
                 before != NULL ? G_OBJECT_TYPE_NAME (before) : "nothing", region_of (before), i);
      g_ptr_array_add (stops, after);
      if (after == start)
        return stops;
    }
  g_error ("%s did not come round in %u stops: caught in %s", key, MAX_STOPS,
           region_of (gtk_window_get_focus (window)));
}

/* The regions the stops pass through, a region once for each time it is entered. */
static char *
regions_of (GPtrArray *stops)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *last = NULL;

  for (guint i = 0; i < stops->len; i++)
    {
      const char *region = region_of (g_ptr_array_index (stops, i));

      if (g_strcmp0 (region, last) == 0)
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", region);
      last = region;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_in (GPtrArray  *stops,
          const char *region)
{
  guint n = 0;

  for (guint i = 0; i < stops->len; i++)
    if (g_str_equal (region_of (g_ptr_array_index (stops, i)), region))
      n++;
  return n;
}

static void
test_focus_tab_walk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HdHandoff) first = accept_first (fixture);
  g_autoptr(GPtrArray) forward = NULL;
  g_autoptr(GPtrArray) backward = NULL;
  g_autofree char *regions = NULL;
  g_autofree char *back_regions = NULL;

  /* From the header, as after start-up: Tab goes round the window once, in reading order,
   * each region entered once. */
  g_assert_true (gtk_widget_grab_focus (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "menu_button")));
  forward = walk (fixture, "Tab");
  regions = regions_of (forward);
  g_assert_cmpstr (regions, ==, "queue cards story transcript reply case header");

  /* The queue is one stop, whatever its length (the arrow keys move in it). */
  g_assert_cmpuint (count_in (forward, "queue"), ==, 1);
  /* Plain text is read, not stopped at. */
  for (guint i = 0; i < forward->len; i++)
    g_assert_false (GTK_IS_LABEL (g_ptr_array_index (forward, i)));

  /* Shift+Tab goes the same way back, from the end of the header. */
  backward = walk (fixture, "<Shift>Tab");
  back_regions = regions_of (backward);
  g_assert_cmpstr (back_regions, ==, "header case reply transcript story cards queue header");
  g_assert_cmpuint (backward->len, ==, forward->len);
}

static void
test_focus_f6 (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const order[] = { "queue", "cards", "story", "transcript", "reply", "case" };
  g_autoptr(HdHandoff) first = accept_first (fixture);
  GtkWindow *window = GTK_WINDOW (fixture->window);
  const char *region;

  /* F6 from the header enters the first region, then goes round them all. */
  g_assert_true (gtk_widget_grab_focus (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "menu_button")));
  for (guint i = 0; i < 2 * G_N_ELEMENTS (order); i++)
    {
      g_assert_true (hd_test_press_key (window, "F6"));
      region = region_of (gtk_window_get_focus (window));
      g_assert_cmpstr (region, ==, order[i % G_N_ELEMENTS (order)]);
    }

  /* Shift+F6 goes back round. */
  for (guint i = 1; i <= 2 * G_N_ELEMENTS (order); i++)
    {
      g_assert_true (hd_test_press_key (window, "<Shift>F6"));
      region = region_of (gtk_window_get_focus (window));
      g_assert_cmpstr (region, ==, order[(3 * G_N_ELEMENTS (order) - 1 - i) % G_N_ELEMENTS (order)]);
    }
}

/* The agent's keys work wherever the focus is: as the window starts, after switching modes
 * with the keyboard, and in the middle of typing. */
static void
test_focus_shortcuts_anywhere (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);
  HdHandoffPane *pane = hd_agent_view_get_pane (agent_view (fixture));
  g_autoptr(HdHandoff) first = nth_handoff (fixture, 0);
  g_autoptr(HdHandoff) second = nth_handoff (fixture, 1);
  GtkWindow *dialog;

  /* As the window starts, with the focus where GTK put it. */
  hd_agent_view_set_selected_handoff (agent_view (fixture), first);
  g_assert_true (hd_test_press_key (window, "<Control>Return"));
  g_assert_true (hd_test_wait_until (is_accepted, first, HD_TEST_TIMEOUT_MS));

  /* Alt+2 then Alt+1, by key. */
  hd_agent_view_set_selected_handoff (agent_view (fixture), second);
  g_assert_true (hd_test_press_key (window, "<Alt>2"));
  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "supervisor");
  g_assert_false (hd_test_press_key (window, "<Control>d"));
  g_assert_true (hd_test_press_key (window, "<Alt>1"));
  g_assert_cmpstr (hd_window_get_mode (fixture->window), ==, "agent");
  /* The focus is back in Agent mode, not on a page that is gone. */
  g_assert_cmpstr (region_of (gtk_window_get_focus (window)), !=, "nothing");
  g_assert_true (gtk_widget_get_mapped (gtk_window_get_focus (window)));
  g_assert_true (hd_test_press_key (window, "<Control>d"));
  dialog = hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  /* In the reply box of the accepted chat. */
  hd_agent_view_set_selected_handoff (agent_view (fixture), first);
  HD_TEST_WAIT_UNTIL (hd_handoff_pane_get_can_send (pane), HD_TEST_TIMEOUT_MS);
  hd_agent_view_set_selected_handoff (agent_view (fixture), second);
  g_assert_true (gtk_widget_grab_focus (hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "case_editor"),
                                                                HD_TYPE_CASE_EDITOR, "type_row")));
  g_assert_true (hd_test_press_key (window, "<Control>Return"));
  g_assert_true (hd_test_wait_until (is_accepted, second, HD_TEST_TIMEOUT_MS));
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add ("/hd/ui/focus/tab-walk", Fixture, NULL, fixture_setup, test_focus_tab_walk, fixture_teardown);
  g_test_add ("/hd/ui/focus/f6", Fixture, NULL, fixture_setup, test_focus_f6, fixture_teardown);
  g_test_add ("/hd/ui/focus/shortcuts-anywhere", Fixture, NULL, fixture_setup, test_focus_shortcuts_anywhere,
              fixture_teardown);

  return hd_test_ui_run (test_app);
}
