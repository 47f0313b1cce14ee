/* test-ui-supervisor.c: queue panels, drill-down, alerts, trends and the KPI table
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "hd-queue-panel-card.h"
#include "hd-supervisor-view.h"
#include "hd-ui-format.h"
#include "hd-test-gtk-utils.h"
#include "hd-trend-chart.h"
#include "supervisor-test-data.h"

static HdApplication *test_app;

typedef struct
{
  GtkWindow         *window;
  HdSupervisorView  *view;
  HdSupervisorModel *model;
  GPtrArray         *opened;   /* "handoff-id queue-id" */
  GPtrArray         *alerts;   /* texts */
} Fixture;

static void
open_handoff_cb (HdSupervisorView *view,
                 const char       *handoff_id,
                 const char       *queue_id,
                 Fixture          *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup_printf ("%s %s", handoff_id, queue_id));
}

static void
alert_cb (HdSupervisorView *view,
          const char       *text,
          Fixture          *fixture)
{
  g_test_message ("alert: %s", text);
  g_ptr_array_add (fixture->alerts, g_strdup (text));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  fixture->alerts = g_ptr_array_new_with_free_func (g_free);
  fixture->model = hd_supervisor_model_new ();
  supervisor_test_populate (fixture->model, g_get_real_time ());

  fixture->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (fixture->window, 1366, 720);
  fixture->view = HD_SUPERVISOR_VIEW (hd_supervisor_view_new (fixture->model));
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  g_signal_connect (fixture->view, "open-handoff", G_CALLBACK (open_handoff_cb), fixture);
  g_signal_connect (fixture->view, "alert", G_CALLBACK (alert_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  /* Laid out and drawn before any test looks: the cards and charts in view exist, and have
   * their sizes, only once a whole frame has run. */
  HD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0, HD_TEST_TIMEOUT_MS);
  hd_test_flush (GTK_WIDGET (fixture->view));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  /* Nothing of ours keeps the view alive once its window is gone. */
  HD_TEST_WAIT_UNTIL (fixture->view == NULL, HD_TEST_TIMEOUT_MS);
  g_ptr_array_unref (fixture->opened);
  g_ptr_array_unref (fixture->alerts);
  g_assert_finalize_object (fixture->model);
}

/* The widgets of @type under @widget that are on screen: the list views keep a few
 * unmapped ones around for reuse. */
static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  hd_test_collect (widget, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (all, i)))
      g_ptr_array_add (found, g_ptr_array_index (all, i));
}

static HdQueuePanel *
shown_panel (Fixture *fixture,
             guint    position)
{
  GListModel *shown = hd_supervisor_view_get_shown_panels (fixture->view);
  HdQueuePanel *panel = g_list_model_get_item (shown, position);

  g_object_unref (panel);  /* the model keeps it */
  return panel;
}

static void
test_view_lifecycle (void)
{
  GtkWidget *view = hd_supervisor_view_new (NULL);
  GtkWidget *card = hd_queue_panel_card_new ();
  GtkWidget *chart = hd_trend_chart_new ();

  g_object_ref_sink (view);
  g_object_ref_sink (card);
  g_object_ref_sink (chart);
  g_assert_null (hd_supervisor_view_get_model (HD_SUPERVISOR_VIEW (view)));
  g_assert_finalize_object (view);
  g_assert_finalize_object (card);
  g_assert_finalize_object (chart);
}

static void
test_view_panels (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *shown = hd_supervisor_view_get_shown_panels (fixture->view);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  HdQueuePanel *first;
  GtkLabel *summary;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (supervisor_test_queues));

  /* Most urgent first: a queue with an alert. */
  first = shown_panel (fixture, 0);
  g_assert_cmpint (hd_queue_panel_get_alert (first), !=, HD_QUEUE_ALERT_NONE);

  /* Cards are drawn for the panels in view, each following its panel. */
  find_widgets (GTK_WIDGET (fixture->view), HD_TYPE_QUEUE_PANEL_CARD, cards);
  g_assert_cmpuint (cards->len, >=, 4);
  g_assert_nonnull (hd_queue_panel_card_get_panel (g_ptr_array_index (cards, 0)));

  /* The summary names the totals. */
  summary = GTK_LABEL (hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "summary_label"));
  g_assert_nonnull (strstr (gtk_label_get_label (summary), "9 queues"));
}

static void
test_view_sort_filter (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *shown = hd_supervisor_view_get_shown_panels (fixture->view);
  GtkWidget *search = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "search_entry");
  GtkWidget *sort = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "sort_dropdown");
  GtkWidget *alerts = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "alerts_toggle");
  guint n_alerts;

  /* The search entry waits a moment before it searches; under sanitizers
   * and a loaded machine that moment can be long, so wait for the result. */
  gtk_editable_set_text (GTK_EDITABLE (search), "hard");
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_queue_panel_get_queue_id (shown_panel (fixture, 0)), ==, "collections_hardship");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == G_N_ELEMENTS (supervisor_test_queues),
                      HD_TEST_TIMEOUT_MS);

  /* By name. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), HD_PANEL_SORT_NAME);
  g_assert_cmpstr (hd_queue_panel_get_queue_id (shown_panel (fixture, 0)), ==, "cards");
  g_assert_cmpstr (hd_queue_panel_get_queue_id (shown_panel (fixture, 8)), ==, "payments_hindi");

  /* By waiting: fraud's backlog grows all hour. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), HD_PANEL_SORT_WAITING);
  g_assert_cmpstr (hd_queue_panel_get_queue_id (shown_panel (fixture, 0)), ==, "fraud");

  /* Alerts only (as of the last flush: the view flushes on its own too). */
  n_alerts = hd_supervisor_model_get_n_alerts (fixture->model);
  g_assert_cmpuint (n_alerts, >=, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (alerts), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_alerts);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    g_assert_cmpint (hd_queue_panel_get_alert (shown_panel (fixture, i)), !=, HD_QUEUE_ALERT_NONE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (alerts), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, G_N_ELEMENTS (supervisor_test_queues));
}

static void
test_view_trend_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  find_widgets (GTK_WIDGET (fixture->view), HD_TYPE_TREND_CHART, charts);
  g_assert_cmpuint (charts->len, >=, 4);
  for (guint i = 0; i < charts->len; i++)
    {
      HdTrendChart *chart = g_ptr_array_index (charts, i);
      const char *text = hd_trend_chart_get_description (chart);

      /* A sentence a screen reader can say, e.g. "Waiting rose from 3 to 13
       * over the last 60 minutes (peak 13)." */
      g_assert_nonnull (text);
      g_assert_true (g_str_has_prefix (text, "Waiting "));
      g_assert_nonnull (strstr (text, "over the last 60 minutes"));
      g_assert_cmpuint (hd_trend_chart_get_n_values (chart), ==, HD_TREND_MINUTES);
      g_assert_true (gtk_widget_get_width (GTK_WIDGET (chart)) > 0);
    }
}

static void
test_view_drill_down (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *stack = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "queue_stack");
  GtkWidget *list = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "waiting_list");
  GtkLabel *title = GTK_LABEL (hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "waiting_title"));
  HdQueuePanel *fraud = hd_supervisor_model_lookup_panel (fixture->model, "fraud");
  g_autoptr(HdWaitingHandoff) oldest = g_list_model_get_item (hd_queue_panel_get_waiting_handoffs (fraud), 0);
  g_autofree char *expected = g_strdup_printf ("%s fraud", hd_waiting_handoff_get_handoff_id (oldest));
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  /* A card's button opens its queue. */
  find_widgets (GTK_WIDGET (fixture->view), HD_TYPE_QUEUE_PANEL_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (hd_queue_panel_card_get_panel (g_ptr_array_index (cards, i)) == fraud)
      gtk_widget_activate_action (g_ptr_array_index (cards, i), "card.show-waiting", NULL);
  /* The card asks the view, which turns to the queue before the action returns. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "waiting");
  g_assert_nonnull (strstr (gtk_label_get_label (title), "Fraud"));

  /* Activating a waiting handoff asks to open it read-only. */
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, expected);

  /* It follows the queue live: the handoff is picked up. */
  supervisor_test_event (fixture->model, "fraud", "accepted", hd_waiting_handoff_get_handoff_id (oldest),
                         g_get_real_time (), -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==,
                    g_list_model_get_n_items (hd_queue_panel_get_waiting_handoffs (fraud)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "supervisor.back", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "grid");
  g_assert_false (hd_supervisor_view_show_queue (fixture->view, "no-such-queue"));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

/* Whether a mapped label under @root reads @text exactly. */
static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  find_widgets (wait->root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), wait->text) == 0)
      return TRUE;
  return FALSE;
}

/* The router's display names reach the screen: the queue's on its card and
 * over its waiting list, the intent's and flow's on a waiting handoff. */
static void
test_view_labels (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkLabel *title = GTK_LABEL (hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "waiting_title"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  LabelWait wait = { GTK_WIDGET (fixture->view), "Fraud & scams desk" };

  json_parser_load_from_data (parser,
    "{\"type\":\"queue_snapshot\",\"queues\":["
    " {\"queue_id\":\"fraud\",\"queue_label\":\"Fraud & scams desk\",\"waiting\":2,\"waiting_handoffs\":["
    "   {\"handoff_id\":\"f1\",\"waiting_since\":\"2026-11-24T08:59:10Z\",\"customer\":\"James W.\","
    "    \"intent\":\"report_fraud\",\"intent_label\":\"Suspicious payment\","
    "    \"bot_flow\":\"cards/fraud\",\"bot_flow_label\":\"Card fraud\"},"
    "   {\"handoff_id\":\"f3\",\"waiting_since\":\"2026-11-24T08:59:20Z\",\"intent\":\"report_fraud\","
    "    \"intent_label\":\"Suspicious payment\",\"transferred_from\":\"cards\"}]},"
    " {\"queue_id\":\"cards\",\"queue_label\":\"Card services\",\"waiting\":0}]}", -1, &error);
  g_assert_no_error (error);
  hd_supervisor_model_apply_snapshot (fixture->model, json_node_get_object (json_parser_get_root (parser)));

  HD_TEST_WAIT_UNTIL (label_shown (&wait), HD_TEST_TIMEOUT_MS);
  g_assert_true (hd_supervisor_view_show_queue (fixture->view, "fraud"));
  g_assert_nonnull (strstr (gtk_label_get_label (title), "Fraud & scams desk"));
  wait.text = "Suspicious payment · Card fraud";
  HD_TEST_WAIT_UNTIL (label_shown (&wait), HD_TEST_TIMEOUT_MS);
  /* The queue it came from, by that queue's name. */
  wait.text = "Suspicious payment · transferred from Card services";
  HD_TEST_WAIT_UNTIL (label_shown (&wait), HD_TEST_TIMEOUT_MS);
}

typedef struct
{
  Fixture    *fixture;
  guint       before;   /* alerts before the change */
  const char *text;
} AlertWait;

static gboolean
alert_since (gpointer data)
{
  AlertWait *wait = data;
  GPtrArray *alerts = wait->fixture->alerts;

  for (guint i = wait->before; i < alerts->len; i++)
    if (strstr (g_ptr_array_index (alerts, i), wait->text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_view_alert (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 now = g_get_real_time ();
  g_autofree char *id = g_strdup ("ho-vulnerable-late");
  AlertWait wait = { fixture, fixture->alerts->len, "Cards: a vulnerable customer has waited" };

  g_object_set (fixture->view, "flush-interval-ms", 20, NULL);
  /* A vulnerable customer joins cards and waits past the 120 s threshold: the view's next
   * flush says so. The test data leaves some queues' longest wait exactly at their SLA
   * target, so they raise alerts of their own once a second has passed, in that flush or
   * the next: the one for cards is any alert since the offer, not the last. */
  supervisor_test_offer (fixture->model, "cards", id, now - 200 * G_USEC_PER_SEC, 1, FALSE, TRUE);
  g_assert_true (hd_test_wait_until (alert_since, &wait, HD_TEST_TIMEOUT_MS));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_view_kpis (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *rows;
  g_autoptr(HdKpiRow) overall = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  hd_supervisor_view_refresh (fixture->view);
  rows = hd_supervisor_view_get_kpi_rows (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, G_N_ELEMENTS (supervisor_test_queues));
  overall = g_list_model_get_item (rows, 0);
  g_assert_cmpint (hd_kpi_row_get_scope (overall), ==, HD_KPI_SCOPE_OVERALL);
  g_assert_cmpuint (hd_kpi_row_get_n_concluded (overall), >, 0);
  g_assert_false (isnan (hd_kpi_row_get_first_contact_resolution (overall)));

  file = g_file_new_tmp ("hd-kpis-XXXXXX.csv", &stream, &error);
  g_assert_no_error (error);
  hd_supervisor_view_export_kpis_async (fixture->view, file, NULL, export_done_cb, &result);
  /* The write runs off the main thread; the view shows it is busy. */
  g_assert_nonnull (gtk_widget_get_cursor (GTK_WIDGET (fixture->view)));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (fixture->view))), ==, "progress");
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (fixture->view)));
  g_assert_true (hd_supervisor_view_export_kpis_finish (fixture->view, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "scope,name,offered,concluded,escalation_success,"));
  g_assert_nonnull (strstr (contents, "\r\noverall,,"));
  g_assert_nonnull (strstr (contents, "\r\nqueue,fraud,"));
  g_file_delete (file, NULL, NULL);

  /* The toast says where the file went, and choosers open in a folder of the user's. */
  {
    g_autofree char *path = g_build_filename (g_get_home_dir (), "Documents", "handoff-kpis.csv", NULL);
    g_autoptr(GFile) saved = g_file_new_for_path (path);
    g_autofree char *message = hd_ui_format_saved_to (saved);
    g_autoptr(GFile) folder = hd_ui_format_export_folder ();
    g_autoptr(GFile) cwd = g_file_new_for_path (g_get_current_dir ());
    g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
    g_autofree char *folder_path = g_file_get_path (folder);

    g_assert_cmpstr (message, ==, "Saved to ~/Documents/handoff-kpis.csv");
    g_assert_true (g_file_equal (folder, home) || g_file_has_prefix (folder, home) ||
                   g_strcmp0 (folder_path, g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)) == 0 ||
                   g_strcmp0 (folder_path, g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD)) == 0);
    if (!g_file_equal (cwd, home))
      g_assert_false (g_file_equal (folder, cwd));
  }
}

/* Whether every column title of @view ends inside @view's viewport. */
static void
assert_kpi_columns_fit (GtkWidget *view,
                        int        viewport_width)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *header = gtk_widget_get_first_child (view);

  hd_test_collect (header, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 11);
  for (guint i = 0; i < labels->len; i++)
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (labels, i), view, &bounds));
      g_test_message ("column %u \"%s\": %.0f..%.0f of %d", i,
                      gtk_label_get_label (g_ptr_array_index (labels, i)),
                      bounds.origin.x, bounds.origin.x + bounds.size.width, viewport_width);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, viewport_width);
      /* And no title is cut: each has at least the room it asks for. */
      {
        GtkWidget *label = g_ptr_array_index (labels, i);
        int min_width, min_height;

        gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
        gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label),
                            &min_height, NULL, NULL, NULL);
        g_assert_cmpint (gtk_widget_get_width (label), >=, min_width);
        g_assert_cmpint (gtk_widget_get_height (label), >=, min_height);
      }
    }
}

static void
test_view_kpi_layout (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwViewStack *stack = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "view_stack");
  GtkWidget *kpi_view = hd_test_template_child (fixture->view, HD_TYPE_SUPERVISOR_VIEW, "kpi_view");
  GtkWidget *scroller = gtk_widget_get_parent (kpi_view);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  gboolean counted = FALSE;

  hd_supervisor_view_refresh (fixture->view);
  adw_view_stack_set_visible_child_name (stack, "quality");
  hd_test_flush (GTK_WIDGET (fixture->view));

  /* At 1366 px every column is on screen, none past the right edge. */
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  HD_TEST_WAIT_UNTIL (gtk_widget_get_width (kpi_view) > 0, HD_TEST_TIMEOUT_MS);
  assert_kpi_columns_fit (kpi_view, gtk_widget_get_width (scroller));
  g_assert_cmpint (gtk_widget_get_width (kpi_view), <=, gtk_widget_get_width (scroller));

  /* Rates show their counts. */
  hd_test_collect (kpi_view, GTK_TYPE_LABEL, cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_regex_match_simple ("^[0-9]+% \\([0-9]+ of [0-9]+\\)$",
                              gtk_label_get_label (g_ptr_array_index (cells, i)), 0, 0))
      counted = TRUE;
  g_assert_true (counted);

  /* At 800 px the table scrolls sideways with a scrollbar one can see. */
  gtk_window_set_default_size (fixture->window, 800, 600);
  HD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 800, HD_TEST_TIMEOUT_MS);
  hd_test_flush (GTK_WIDGET (fixture->view));
  g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 800);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/supervisor/lifecycle", test_view_lifecycle);
  g_test_add ("/hd/ui/supervisor/panels", Fixture, NULL, fixture_setup, test_view_panels, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/sort-filter", Fixture, NULL, fixture_setup, test_view_sort_filter, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/trend-text", Fixture, NULL, fixture_setup, test_view_trend_text, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/drill-down", Fixture, NULL, fixture_setup, test_view_drill_down, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/labels", Fixture, NULL, fixture_setup, test_view_labels, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/alert", Fixture, NULL, fixture_setup, test_view_alert, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/kpi-layout", Fixture, NULL, fixture_setup, test_view_kpi_layout, fixture_teardown);
  g_test_add ("/hd/ui/supervisor/kpis", Fixture, NULL, fixture_setup, test_view_kpis, fixture_teardown);

  return hd_test_ui_run (test_app);
}
