/* hd-supervisor-view-kpis.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-supervisor-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hd-locale-format.h"
#include "hd-supervisor-view-private.h"
#include "hd-ui-format.h"

/* KPI table ---------------------------------------------------------------------- */

typedef enum
{
  COL_SCOPE,
  COL_OFFERED,
  COL_SUCCESS,
  COL_ABANDONED,
  COL_DUPLICATION,
  COL_REPEAT,
  COL_AHT_BOT,
  COL_AHT_AGENT,
  COL_FCR,
  COL_COMPLETE,
  COL_MISSING,
  N_COLS
} KpiColumn;

/* A rate with the counts it came from: "92% (46 of 50)", so a 100% of one
 * handoff does not read like a 100% of five hundred. */
static char *
format_rate (HdKpiRow   *row,
             const char *figure,
             double      value)
{
  guint part = 0, whole = 0;
  g_autofree char *percent = NULL;
  g_autofree char *part_text = NULL;
  g_autofree char *whole_text = NULL;

  if (isnan (value))
    return g_strdup ("—");
  hd_kpi_row_get_rate_counts (row, figure, &part, &whole);
  percent = hd_locale_format_percent (value);
  part_text = hd_locale_format_count (part);
  whole_text = hd_locale_format_count (whole);
  /* TRANSLATORS: a KPI rate and the counts it came from, "92% (46 of 50)" */
  return g_strdup_printf (_("%s (%s of %s)"), percent, part_text, whole_text);
}

static char *
offered_text (HdKpiRow *row)
{
  g_autofree char *offered = hd_locale_format_count (hd_kpi_row_get_n_offered (row));
  g_autofree char *concluded = hd_locale_format_count (hd_kpi_row_get_n_concluded (row));

  return g_strdup_printf ("%s / %s", offered, concluded);
}

static char *
format_seconds (double value)
{
  guint seconds;

  if (isnan (value))
    return g_strdup ("—");
  seconds = (guint) round (value);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static char *
kpi_cell_text (HdKpiRow  *row,
               KpiColumn  column)
{
  switch (column)
    {
    case COL_SCOPE: return g_strdup (hd_kpi_row_get_label (row));
    case COL_OFFERED: return offered_text (row);
    case COL_SUCCESS: return format_rate (row, "escalation-success", hd_kpi_row_get_escalation_success (row));
    case COL_ABANDONED: return format_rate (row, "abandonment-in-transfer", hd_kpi_row_get_abandonment_in_transfer (row));
    case COL_DUPLICATION: return format_rate (row, "verification-duplication", hd_kpi_row_get_verification_duplication (row));
    case COL_REPEAT: return format_rate (row, "repeat-rate", hd_kpi_row_get_repeat_rate (row));
    case COL_AHT_BOT: return format_seconds (hd_kpi_row_get_handle_time_bot (row));
    case COL_AHT_AGENT: return format_seconds (hd_kpi_row_get_handle_time_agent_only (row));
    case COL_FCR: return format_rate (row, "first-contact-resolution", hd_kpi_row_get_first_contact_resolution (row));
    case COL_COMPLETE: return format_rate (row, "complete-packets", hd_kpi_row_get_complete_packets (row));
    case COL_MISSING: return g_strdup (hd_kpi_row_get_most_missing (row));
    case N_COLS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_kpi_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  KpiColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_SCOPE || column == COL_MISSING ? 0 : 1);
  /* Cells wrap rather than push the last columns past the window's edge:
   * "92% (46 of 50)" folds after the percentage in a narrow window. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column == COL_SCOPE || column == COL_MISSING ? 24 : 10);
  gtk_label_set_justify (GTK_LABEL (label), column == COL_SCOPE || column == COL_MISSING
                                            ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
  if (column != COL_SCOPE && column != COL_MISSING)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
render_kpi_cell (GtkListItem *item)
{
  HdKpiRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = kpi_cell_text (row, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column")));

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) != 0)
    gtk_label_set_label (GTK_LABEL (label), text);
}

static void
bind_kpi_cell_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  HdKpiRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "column", user_data);
  render_kpi_cell (item);
  /* Rows stay and change in place (hd_kpi_row_update_from ()). */
  g_signal_connect_swapped (row, "changed", G_CALLBACK (render_kpi_cell), item);
  if (hd_kpi_row_get_scope (row) == HD_KPI_SCOPE_OVERALL)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
unbind_kpi_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), render_kpi_cell, item);
}

/* GTK 4.8's column headers measure their titles on one width only, so a
 * title that wraps by itself is cut: the titles carry their own line break
 * instead, and are centred over their columns. */
static void
wrap_kpi_titles (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
      else if (!GTK_IS_LIST_VIEW (child) && !GTK_IS_SCROLLED_WINDOW (child))
        wrap_kpi_titles (child);
    }
}

void
_hd_supervisor_view_add_kpi_columns (HdSupervisorView *self)
{
  /* TRANSLATORS: the KPI table's column titles are on two lines each (the
   * \n) so that eleven columns fit a 1366 px screen. */
  const char *titles[N_COLS] = {
    [COL_SCOPE] = _("Scope"),
    [COL_OFFERED] = _("Offered /\nConcluded"),
    [COL_SUCCESS] = _("Right Queue\nFirst"),
    [COL_ABANDONED] = _("Abandoned\nin Transfer"),
    [COL_DUPLICATION] = _("Re-verified"),
    [COL_REPEAT] = _("Asked to\nRepeat"),
    [COL_AHT_BOT] = _("Handle Time\n(Bot)"),
    [COL_AHT_AGENT] = _("Handle Time\n(Agent Only)"),
    [COL_FCR] = _("First-Contact\nResolution"),
    [COL_COMPLETE] = _("Complete\nPackets"),
    [COL_MISSING] = _("Most Often\nMissing"),
  };

  for (guint i = 0; i < N_COLS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_kpi_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_kpi_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_kpi_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COL_SCOPE || i == COL_MISSING);
      gtk_column_view_append_column (self->kpi_view, column);
      g_object_unref (column);
    }
  wrap_kpi_titles (GTK_WIDGET (self->kpi_view));
}

static int
compare_kpi_rows (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  HdKpiRow *x = (HdKpiRow *) a;
  HdKpiRow *y = (HdKpiRow *) b;

  if (hd_kpi_row_get_scope (x) != hd_kpi_row_get_scope (y))
    return hd_kpi_row_get_scope (x) < hd_kpi_row_get_scope (y) ? -1 : 1;
  return g_strcmp0 (hd_kpi_row_get_name (x), hd_kpi_row_get_name (y));
}

void
_hd_supervisor_view_refresh_kpis (HdSupervisorView *self)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = hd_locale_format_time_seconds (now);
  g_autofree char *caption = NULL;
  HdKpiEngine *engine;

  self->kpis_stale = FALSE;
  if (self->model == NULL)
    {
      g_list_store_remove_all (self->kpi_rows);
      return;
    }

  engine = hd_supervisor_model_get_kpi_engine (self->model);
  rows = hd_kpi_engine_compute (engine, g_get_real_time ());

  /* Both lists are sorted the same way: merge, updating rows in place, so
   * the table rebinds nothing and redraws only the cells that changed. */
  {
    guint i = 0, j = 0;

    while (i < g_list_model_get_n_items (rows) || j < g_list_model_get_n_items (G_LIST_MODEL (self->kpi_rows)))
      {
        g_autoptr(HdKpiRow) fresh = i < g_list_model_get_n_items (rows) ? g_list_model_get_item (rows, i) : NULL;
        g_autoptr(HdKpiRow) shown = j < g_list_model_get_n_items (G_LIST_MODEL (self->kpi_rows))
                                    ? g_list_model_get_item (G_LIST_MODEL (self->kpi_rows), j) : NULL;
        int order = fresh == NULL ? 1 : shown == NULL ? -1 : compare_kpi_rows (fresh, shown, NULL);

        if (order == 0)
          {
            hd_kpi_row_update_from (shown, fresh);
            i++;
            j++;
          }
        else if (order < 0)
          {
            g_list_store_insert (self->kpi_rows, j, fresh);
            i++;
            j++;
          }
        else
          g_list_store_remove (self->kpi_rows, j);
      }
  }

  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* TRANSLATORS: "Last 60 minutes, by the queue the bot chose and by bot flow. Updated 09:14:05." */
                                          "Last %u minute, by the queue the bot chose and by bot flow. Updated %s.",
                                          "Last %u minutes, by the queue the bot chose and by bot flow. Updated %s.",
                                          hd_kpi_engine_get_window_minutes (engine)),
                             hd_kpi_engine_get_window_minutes (engine), clock);
  gtk_label_set_label (self->kpi_caption, caption);
}

/* Export -------------------------------------------------------------------------- */

/* The table is read here, on the main thread, where the model lives; only
 * the write goes to GIO's worker, so a slow disk does not freeze the window.
 * While a write is under way the export action is off and the view shows the
 * busy cursor. */
static void
export_begin (HdSupervisorView *self)
{
  if (self->n_exports++ == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervisor.export-kpis", FALSE);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
    }
}

static void
export_end (HdSupervisorView *self)
{
  g_return_if_fail (self->n_exports > 0);

  if (--self->n_exports == 0)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervisor.export-kpis", TRUE);
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdSupervisorView *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  export_end (self);
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hd_supervisor_view_export_kpis_async (HdSupervisorView    *self,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) csv = NULL;
  char *text;

  g_return_if_fail (HD_IS_SUPERVISOR_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_supervisor_view_export_kpis_async);
  /* For the toast: where the file went. */
  g_object_set_data_full (G_OBJECT (task), "hd-file", g_object_ref (file), g_object_unref);

  _hd_supervisor_view_refresh_kpis (self);
  text = hd_kpi_rows_to_csv (G_LIST_MODEL (self->kpi_rows));
  csv = g_bytes_new_take (text, strlen (text));
  export_begin (self);
  g_file_replace_contents_bytes_async (file, csv, NULL, FALSE, G_FILE_CREATE_NONE, cancellable,
                                       export_written_cb, g_steal_pointer (&task));
}

gboolean
hd_supervisor_view_export_kpis_finish (HdSupervisorView  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hd_supervisor_view_export_kpis_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (source);
  g_autoptr(GError) error = NULL;

  if (!hd_supervisor_view_export_kpis_finish (self, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the KPI table: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
  else
    {
      GFile *file = g_object_get_data (G_OBJECT (result), "hd-file");
      g_autofree char *message = file != NULL ? hd_ui_format_saved_to (file) : g_strdup (_("KPI table exported"));

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    HdSupervisorView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    hd_supervisor_view_export_kpis_async (self, file, NULL, export_done_cb, NULL);
  g_clear_object (&self->export_dialog);
}

void
_hd_supervisor_view_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  if (self->export_dialog != NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export KPI Table"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  {
    g_autoptr(GFile) folder = hd_ui_format_export_folder ();

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "handoff-kpis.csv");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  self->export_dialog = GTK_NATIVE_DIALOG (dialog);
  gtk_native_dialog_show (self->export_dialog);
}
