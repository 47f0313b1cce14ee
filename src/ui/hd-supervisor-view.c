/* hd-supervisor-view.c
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

#include "hd-a11y.h"
#include "hd-display-names.h"
#include "hd-locale-format.h"
#include "hd-queue-panel-card.h"
#include "hd-supervisor-view-private.h"
#include "hd-ui-format.h"


G_DEFINE_FINAL_TYPE (HdSupervisorView, hd_supervisor_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_MODEL, PROP_FLUSH_INTERVAL_MS, N_PROPS };
enum { OPEN_HANDOFF, ALERT, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Panels: sort, filter, grid -------------------------------------------------- */

static int
compare_panels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  HdSupervisorView *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  return hd_queue_panel_compare (*(HdQueuePanel **) a, *(HdQueuePanel **) b,
                                 selected <= HD_PANEL_SORT_NAME ? (HdPanelSort) selected : HD_PANEL_SORT_URGENCY);
}

/* Sorts and filters the model's panels into the shown list, and changes
 * it only when the order differs (often it does not), so cards are not
 * rebound for nothing.  Our own code rather than GtkSortListModel: the order is a
 * snapshot taken now, as the keys move with the clock. */
static void
update_order (HdSupervisorView *self)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GListModel *shown = G_LIST_MODEL (self->shown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean alerts_only = gtk_toggle_button_get_active (self->alerts_toggle);
  guint n_old = g_list_model_get_n_items (shown);
  guint first = 0;

  for (guint i = 0; self->model != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->model)); i++)
    {
      g_autoptr(HdQueuePanel) panel = g_list_model_get_item (G_LIST_MODEL (self->model), i);

      if (hd_queue_panel_matches (panel, search, alerts_only))
        g_ptr_array_add (order, panel);  /* the model keeps it alive */
    }
  g_ptr_array_sort_with_data (order, compare_panels, self);

  while (first < n_old && first < order->len)
    {
      g_autoptr(HdQueuePanel) old = g_list_model_get_item (shown, first);

      if (old != g_ptr_array_index (order, first))
        break;
      first++;
    }
  if (first == n_old && first == order->len)
    return;
  /* Replace the whole list rather than the span that differs: GTK 4.8's
   * GtkGridView can lose track of an item moved within one items-changed
   * ("Duplicate item detected in list").  Only when the order changed, at
   * most once per refresh. */
  g_list_store_splice (self->shown, 0, n_old, order->pdata, order->len);
}

static void
update_summary (HdSupervisorView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *queues = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *waiting_count = NULL;
  g_autofree char *alerts = NULL;
  guint n_waiting, n_alerts, n_queues;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), NULL);
      gtk_stack_set_visible_child_name (self->queue_stack, "empty");
      return;
    }

  n_waiting = hd_supervisor_model_get_n_waiting (self->model);
  waiting_count = hd_locale_format_count (n_waiting);
  n_alerts = hd_supervisor_model_get_n_alerts (self->model);
  n_queues = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  /* TRANSLATORS: "9 queues · 42 waiting · 2 alerts" */
  queues = g_strdup_printf (ngettext ("%u queue", "%u queues", n_queues), n_queues);
  waiting = g_strdup_printf (ngettext ("%s waiting", "%s waiting", n_waiting), waiting_count);
  alerts = g_strdup_printf (ngettext ("%u alert", "%u alerts", n_alerts), n_alerts);
  text = g_strdup_printf ("%s · %s · %s", queues, waiting, alerts);
  gtk_label_set_label (self->summary_label, text);
  /* Cut short beside the switcher in a narrow window: the whole line stays in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_label), text);

  if (n_queues == 0)
    gtk_stack_set_visible_child_name (self->queue_stack, "empty");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->queue_stack), "empty") == 0)
    gtk_stack_set_visible_child_name (self->queue_stack, "grid");
}

static void
show_waiting_cb (HdQueuePanelCard *card,
                 HdSupervisorView *self)
{
  HdQueuePanel *panel = hd_queue_panel_card_get_panel (card);

  if (panel != NULL)
    hd_supervisor_view_show_queue (self, hd_queue_panel_get_queue_id (panel));
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HdSupervisorView         *self)
{
  GtkWidget *card = hd_queue_panel_card_new ();

  g_signal_connect_object (card, "show-waiting", G_CALLBACK (show_waiting_cb), self, 0);
  gtk_list_item_set_child (item, card);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              HdSupervisorView         *self)
{
  hd_queue_panel_card_set_panel (HD_QUEUE_PANEL_CARD (gtk_list_item_get_child (item)),
                                 gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                HdSupervisorView         *self)
{
  hd_queue_panel_card_set_panel (HD_QUEUE_PANEL_CARD (gtk_list_item_get_child (item)), NULL);
}

/* Drill-down ------------------------------------------------------------------- */

static void
setup_waiting_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  HdSupervisorView         *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *chips = gtk_label_new (NULL);
  GtkWidget *since = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_widget_add_css_class (chips, "chip");
  gtk_widget_set_valign (chips, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (since, "numeric");
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), chips);
  gtk_box_append (GTK_BOX (row), since);
  gtk_widget_add_css_class (row, "waiting-row");
  gtk_list_item_set_child (item, row);
}

static void
bind_waiting_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 HdSupervisorView         *self)
{
  HdWaitingHandoff *handoff = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *chips = gtk_widget_get_next_sibling (text);
  GtkWidget *since = gtk_widget_get_next_sibling (chips);
  const char *customer = hd_waiting_handoff_get_customer (handoff);
  /* The router's names, else ids in words as everywhere else (hd_display_name_choose ()). */
  g_autofree char *intent = hd_display_name_choose (hd_waiting_handoff_get_intent_label (handoff),
                                                    hd_waiting_handoff_get_intent (handoff));
  g_autofree char *flow = hd_display_name_choose (hd_waiting_handoff_get_bot_flow_label (handoff),
                                                  hd_waiting_handoff_get_bot_flow (handoff));
  const char *from_id = hd_waiting_handoff_get_transferred_from (handoff);
  HdQueuePanel *from_panel = NULL;
  g_autofree char *from = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (hd_waiting_handoff_get_waiting_since (handoff) / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *clock = hd_locale_format_time_seconds (local);
  g_autofree char *since_text = g_strdup_printf (_("since %s"), clock);
  g_autofree char *subtitle_text = NULL;
  GString *chip_text = g_string_new (NULL);

  /* The queue it left by the name its panel shows, the router's when it sent one. */
  if (self->model != NULL && from_id != NULL)
    from_panel = hd_supervisor_model_lookup_panel (self->model, from_id);
  from = from_panel != NULL ? g_strdup (hd_queue_panel_get_title (from_panel)) : hd_ui_format_token (from_id);

  gtk_label_set_label (GTK_LABEL (title), customer != NULL ? customer : hd_waiting_handoff_get_handoff_id (handoff));
  if (from != NULL)
    /* TRANSLATORS: "report_fraud · transferred from cards" */
    subtitle_text = g_strdup_printf (_("%s · transferred from %s"), intent != NULL ? intent : "", from);
  else
    subtitle_text = g_strdup_printf ("%s%s%s", intent != NULL ? intent : "",
                                     intent != NULL && flow != NULL ? " · " : "",
                                     flow != NULL ? flow : "");
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
  gtk_label_set_label (GTK_LABEL (since), since_text);

  if (hd_waiting_handoff_get_vulnerable (handoff))
    g_string_append (chip_text, _("Vulnerable"));
  if (hd_waiting_handoff_get_vip (handoff))
    g_string_append_printf (chip_text, "%s%s", chip_text->len > 0 ? " · " : "", _("VIP"));
  if (g_strcmp0 (hd_waiting_handoff_get_priority (handoff), "urgent") == 0)
    g_string_append_printf (chip_text, "%s%s", chip_text->len > 0 ? " · " : "", _("Urgent"));
  gtk_label_set_label (GTK_LABEL (chips), chip_text->str);
  gtk_widget_set_visible (chips, chip_text->len > 0);
  gtk_widget_remove_css_class (chips, "chip-vulnerable");
  gtk_widget_remove_css_class (chips, "chip-vip");
  if (hd_waiting_handoff_get_vulnerable (handoff))
    gtk_widget_add_css_class (chips, "chip-vulnerable");
  else if (hd_waiting_handoff_get_vip (handoff))
    gtk_widget_add_css_class (chips, "chip-vip");
  g_string_free (chip_text, TRUE);
}

static void
update_waiting_page (HdSupervisorView *self)
{
  guint n;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  if (self->shown_panel == NULL)
    return;
  n = g_list_model_get_n_items (hd_queue_panel_get_waiting_handoffs (self->shown_panel));
  count = hd_locale_format_count (n);
  /* TRANSLATORS: "Fraud · 3 waiting" */
  title = g_strdup_printf (ngettext ("%s · %s waiting", "%s · %s waiting", n), hd_queue_panel_get_title (self->shown_panel), count);
  gtk_label_set_label (self->waiting_title, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->waiting_title), title);
  gtk_stack_set_visible_child_name (self->waiting_stack, n > 0 ? "list" : "none");
}

static void
waiting_activate_cb (GtkListView      *list,
                     guint             position,
                     HdSupervisorView *self)
{
  g_autoptr(HdWaitingHandoff) handoff = NULL;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  if (self->shown_panel == NULL || position >= g_list_model_get_n_items (model))
    return;
  handoff = g_list_model_get_item (model, position);
  g_signal_emit (self, signals[OPEN_HANDOFF], 0, hd_waiting_handoff_get_handoff_id (handoff),
                 hd_queue_panel_get_queue_id (self->shown_panel));
}

gboolean
hd_supervisor_view_show_queue (HdSupervisorView *self,
                               const char       *queue_id)
{
  HdQueuePanel *panel;
  GListModel *waiting;

  g_return_val_if_fail (HD_IS_SUPERVISOR_VIEW (self), FALSE);
  g_return_val_if_fail (queue_id != NULL, FALSE);

  if (self->model == NULL || (panel = hd_supervisor_model_lookup_panel (self->model, queue_id)) == NULL)
    return FALSE;

  if (self->shown_panel != NULL)
    g_signal_handlers_disconnect_by_func (hd_queue_panel_get_waiting_handoffs (self->shown_panel),
                                          update_waiting_page, self);
  g_set_object (&self->shown_panel, panel);
  waiting = hd_queue_panel_get_waiting_handoffs (panel);
  g_signal_connect_object (waiting, "items-changed", G_CALLBACK (update_waiting_page), self, G_CONNECT_SWAPPED);
  {
    /* set_model () does not take the reference. */
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (waiting));

    gtk_list_view_set_model (self->waiting_list, GTK_SELECTION_MODEL (selection));
  }
  update_waiting_page (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "queues");
  gtk_stack_set_visible_child_name (self->queue_stack, "waiting");
  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (widget);

  if (self->shown_panel != NULL)
    g_signal_handlers_disconnect_by_func (hd_queue_panel_get_waiting_handoffs (self->shown_panel),
                                          update_waiting_page, self);
  g_clear_object (&self->shown_panel);
  gtk_list_view_set_model (self->waiting_list, NULL);
  gtk_stack_set_visible_child_name (self->queue_stack, "grid");
  update_summary (self);
}
/* Model and timer ------------------------------------------------------------------ */

void
hd_supervisor_view_refresh (HdSupervisorView *self)
{
  g_return_if_fail (HD_IS_SUPERVISOR_VIEW (self));

  update_order (self);
  /* Rebinding the table's rows is the costly part: only when it shows. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "quality") == 0)
    _hd_supervisor_view_refresh_kpis (self);
  else
    self->kpis_stale = TRUE;
  update_summary (self);
  update_waiting_page (self);
}

static void
on_page_changed_cb (HdSupervisorView *self)
{
  if (self->kpis_stale &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "quality") == 0)
    _hd_supervisor_view_refresh_kpis (self);
}

static gboolean
flush_cb (gpointer user_data)
{
  HdSupervisorView *self = user_data;

  hd_supervisor_model_flush (self->model, g_get_real_time ());
  if (++self->n_flushes % RESORT_EVERY == 0)
    hd_supervisor_view_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
on_alert_cb (HdSupervisorModel *model,
             HdQueuePanel      *panel,
             const char        *text,
             HdSupervisorView  *self)
{
  /* A queue that just raised an alert may be hidden by "Alerts only"; it
   * shows after the flush, at the next refresh, or at once here. */
  if (gtk_toggle_button_get_active (self->alerts_toggle))
    update_order (self);
  g_signal_emit (self, signals[ALERT], 0, text);
}

static void
restart_timer (HdSupervisorView *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->model != NULL && self->flush_interval_ms > 0)
    {
      self->flush_id = g_timeout_add (self->flush_interval_ms, flush_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->flush_id),
                                "[hd-supervisor-view] flush");
    }
}

static void
on_items_changed_cb (HdSupervisorView *self)
{
  update_order (self);
  update_summary (self);
}

HdSupervisorModel *
hd_supervisor_view_get_model (HdSupervisorView *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_VIEW (self), NULL);
  return self->model;
}

void
hd_supervisor_view_set_model (HdSupervisorView  *self,
                              HdSupervisorModel *model)
{
  g_return_if_fail (HD_IS_SUPERVISOR_VIEW (self));
  g_return_if_fail (model == NULL || HD_IS_SUPERVISOR_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->alert_id, self->model);
      g_clear_signal_handler (&self->n_waiting_id, self->model);
      g_clear_signal_handler (&self->n_alerts_id, self->model);
      g_clear_signal_handler (&self->items_id, self->model);
    }
  if (self->shown_panel != NULL)
    back_action (GTK_WIDGET (self), NULL, NULL);

  g_set_object (&self->model, model);
  if (model != NULL)
    {
      self->alert_id = g_signal_connect (model, "alert", G_CALLBACK (on_alert_cb), self);
      self->n_waiting_id = g_signal_connect_swapped (model, "notify::n-waiting", G_CALLBACK (update_summary), self);
      self->n_alerts_id = g_signal_connect_swapped (model, "notify::n-alerts", G_CALLBACK (update_summary), self);
      self->items_id = g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
    }
  restart_timer (self);
  hd_supervisor_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
hd_supervisor_view_get_shown_panels (HdSupervisorView *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

GListModel *
hd_supervisor_view_get_kpi_rows (HdSupervisorView *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_VIEW (self), NULL);
  if (self->kpis_stale)
    _hd_supervisor_view_refresh_kpis (self);
  return G_LIST_MODEL (self->kpi_rows);
}

static void
on_sort_changed_cb (HdSupervisorView *self)
{
  update_order (self);
}

static void
on_filter_changed_cb (HdSupervisorView *self)
{
  update_order (self);
}

/* Object -------------------------------------------------------------------------- */

static void
hd_supervisor_view_dispose (GObject *object)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (self->export_dialog);
  g_clear_object (&self->export_dialog);
  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->alert_id, self->model);
      g_clear_signal_handler (&self->n_waiting_id, self->model);
      g_clear_signal_handler (&self->n_alerts_id, self->model);
      g_clear_signal_handler (&self->items_id, self->model);
    }
  if (self->shown_panel != NULL)
    g_signal_handlers_disconnect_by_func (hd_queue_panel_get_waiting_handoffs (self->shown_panel),
                                          update_waiting_page, self);
  g_clear_object (&self->shown_panel);
  /* List widgets may outlive this dispose by a main loop iteration: let go
   * of the panels now, so whoever owns the model can drop it. */
  if (self->shown != NULL)
    g_list_store_remove_all (self->shown);
  if (self->waiting_list != NULL)
    gtk_list_view_set_model (self->waiting_list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_SUPERVISOR_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->kpi_rows);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hd_supervisor_view_parent_class)->dispose (object);
}

static void
hd_supervisor_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_FLUSH_INTERVAL_MS:
      g_value_set_uint (value, self->flush_interval_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_supervisor_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HdSupervisorView *self = HD_SUPERVISOR_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      hd_supervisor_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_FLUSH_INTERVAL_MS:
      if (self->flush_interval_ms != g_value_get_uint (value))
        {
          self->flush_interval_ms = g_value_get_uint (value);
          restart_timer (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_supervisor_view_class_init (HdSupervisorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_supervisor_view_dispose;
  object_class->get_property = hd_supervisor_view_get_property;
  object_class->set_property = hd_supervisor_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, HD_TYPE_SUPERVISOR_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FLUSH_INTERVAL_MS] =
    g_param_spec_uint ("flush-interval-ms", NULL, NULL, 0, 60000, 500,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_HANDOFF] = g_signal_new ("open-handoff", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[ALERT] = g_signal_new ("alert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-supervisor-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, alerts_toggle);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, waiting_title);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, waiting_stack);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, kpi_caption);
  gtk_widget_class_bind_template_child (widget_class, HdSupervisorView, kpi_view);
  gtk_widget_class_install_action (widget_class, "supervisor.export-kpis", NULL, _hd_supervisor_view_export_action);
  gtk_widget_class_install_action (widget_class, "supervisor.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "supervisor.back", NULL);
}

static void
hd_supervisor_view_init (HdSupervisorView *self)
{
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->flush_interval_ms = 500;

  self->shown = g_list_store_new (HD_TYPE_QUEUE_PANEL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);  /* set_model () does not take the reference */

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_waiting_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_waiting_cb), self);
  gtk_list_view_set_factory (self->waiting_list, factory);
  g_object_unref (factory);
  g_signal_connect (self->waiting_list, "activate", G_CALLBACK (waiting_activate_cb), self);

  self->kpi_rows = g_list_store_new (HD_TYPE_KPI_ROW);
  _hd_supervisor_view_add_kpi_columns (self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->kpi_rows)));
  gtk_column_view_set_model (self->kpi_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_page_changed_cb), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (on_sort_changed_cb), self);
  hd_a11y_name_drop_down (self->sort_dropdown, _("Sort Queues"));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->alerts_toggle, "toggled", G_CALLBACK (on_filter_changed_cb), self);
  update_summary (self);
}

GtkWidget *
hd_supervisor_view_new (HdSupervisorModel *model)
{
  return g_object_new (HD_TYPE_SUPERVISOR_VIEW, "model", model, NULL);
}
