/* hd-queue-sidebar.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-focus.h"
#include "hd-queue-row.h"
#include "hd-queue-sidebar.h"

struct _HdQueueSidebar
{
  AdwBin              parent_instance;

  GListModel         *model;       /* owned: the queue */
  /* What the list shows: the live handoffs, then a "Recent" header and,
   * when it is expanded, the offers that ended before they were accepted. */
  GtkFilter          *live_filter;   /* owned */
  GtkFilter          *ended_filter;  /* owned */
  GtkFilterListModel *live;          /* owned */
  GtkFilterListModel *ended;         /* owned */
  GListStore         *header;        /* owned: one GtkStringObject while there are ended offers */
  GListStore         *parts;         /* owned: of GListModel */
  GtkFlattenListModel *shown;        /* owned */
  GtkWidget          *header_button; /* the bound header's button, or NULL */
  gboolean            recent_expanded;
  gboolean            refiltering;   /* selection changes are ours, not the agent's */
  GtkSingleSelection *selection;   /* owned */
  GPtrArray          *live_rows;   /* bound HdQueueRow, unowned */
  guint               tick_id;

  /* template children */
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (HdQueueSidebar, hd_queue_sidebar, ADW_TYPE_BIN)

enum { PROP_0, PROP_MODEL, PROP_SELECTED_HANDOFF, N_PROPS };
enum { TICK, CHOSEN, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Offers that ended before the agent took them: they go under "Recent". */
static gboolean
is_ended_offer (gpointer item)
{
  switch (hd_handoff_get_state (HD_HANDOFF (item)))
    {
    case HD_HANDOFF_STATE_DECLINED:
    case HD_HANDOFF_STATE_EXPIRED:
    case HD_HANDOFF_STATE_REVOKED:
      return TRUE;
    case HD_HANDOFF_STATE_OFFERED:
    case HD_HANDOFF_STATE_ACCEPTED:
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      return FALSE;
    }
}

static gboolean
live_filter_cb (gpointer item,
                gpointer user_data)
{
  return !is_ended_offer (item);
}

static gboolean
ended_filter_cb (gpointer item,
                 gpointer user_data)
{
  return is_ended_offer (item);
}

/* The "Recent" header: a flat button that folds the ended offers in and out. */
static GtkWidget *
header_new (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-end-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "queue-recent-header");
  gtk_widget_add_css_class (label, "heading");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "queue.toggle-recent");
  return button;
}

static void
update_header (HdQueueSidebar *self,
               GtkWidget      *button)
{
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));
  GtkWidget *arrow = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (arrow);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ended));
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  /* TRANSLATORS: the header of the ended offers in the queue, "Recent (3)" */
  text = g_strdup_printf (_("Recent (%u)"), n);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_image_set_from_icon_name (GTK_IMAGE (arrow), self->recent_expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  /* TRANSLATORS: what a screen reader says for the header, "Recent: 3 ended offers" */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Recent: %u ended offer", "Recent: %u ended offers", n), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, self->recent_expanded, -1);
  /* The list's own row around it is what takes the focus and is read. */
  hd_a11y_name_list_row (button, spoken);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, hd_queue_row_new ());
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             HdQueueSidebar           *self)
{
  gpointer object = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  /* Rows are recycled between handoffs and the header: each takes the widget it needs. */
  if (!HD_IS_HANDOFF (object))
    {
      if (HD_IS_QUEUE_ROW (child))
        gtk_list_item_set_child (item, (child = header_new ()));
      gtk_list_item_set_selectable (item, FALSE);
      gtk_list_item_set_activatable (item, TRUE);
      self->header_button = child;
      update_header (self, child);
      return;
    }
  if (!HD_IS_QUEUE_ROW (child))
    gtk_list_item_set_child (item, (child = hd_queue_row_new ()));
  gtk_list_item_set_selectable (item, TRUE);
  hd_queue_row_set_handoff (HD_QUEUE_ROW (child), object);
  g_ptr_array_add (self->live_rows, child);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HdQueueSidebar           *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (!HD_IS_QUEUE_ROW (child))
    {
      if (self->header_button == child)
        self->header_button = NULL;
      return;
    }
  g_ptr_array_remove_fast (self->live_rows, child);
  hd_queue_row_set_handoff (HD_QUEUE_ROW (child), NULL);
}

/* The list view keeps a few hundred rows around for recycling; only those
 * on screen are worth a clock update. */
static gboolean
row_on_screen (HdQueueSidebar *self,
               GtkWidget      *row)
{
  graphene_rect_t bounds;
  int height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  if (!gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->list_view), &bounds))
    return FALSE;
  return bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height;
}

guint
hd_queue_sidebar_tick (HdQueueSidebar *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_ticked = 0;

  g_return_val_if_fail (HD_IS_QUEUE_SIDEBAR (self), 0);

  for (guint i = 0; i < self->live_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->live_rows, i);

      if (!row_on_screen (self, row))
        continue;
      hd_queue_row_tick (HD_QUEUE_ROW (row), now);
      n_ticked++;
    }
  g_signal_emit (self, signals[TICK], 0, now);
  return n_ticked;
}

static gboolean
tick_cb (gpointer user_data)
{
  hd_queue_sidebar_tick (HD_QUEUE_SIDEBAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
update_stack (HdQueueSidebar *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (self->model) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_selected_cb (HdQueueSidebar     *self,
                GParamSpec         *pspec,
                GtkSingleSelection *selection)
{
  if (!self->refiltering)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_HANDOFF]);
}

static guint
find_shown (HdQueueSidebar *self,
            HdHandoff      *handoff)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; handoff != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), i);

      if (item == G_OBJECT (handoff))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Shows or hides the ended offers, and the header while there are any. */
static void
set_recent_expanded (HdQueueSidebar *self,
                     gboolean        expanded)
{
  gboolean has_ended = g_list_model_get_n_items (G_LIST_MODEL (self->ended)) > 0;
  guint n_parts = g_list_model_get_n_items (G_LIST_MODEL (self->parts));
  guint n_header = g_list_model_get_n_items (G_LIST_MODEL (self->header));

  self->recent_expanded = expanded;
  if (has_ended && n_header == 0)
    {
      g_autoptr(GtkStringObject) header = gtk_string_object_new ("recent");

      g_list_store_append (self->header, header);
    }
  else if (!has_ended && n_header > 0)
    g_list_store_remove_all (self->header);
  if (self->header_button != NULL)
    update_header (self, self->header_button);

  if (expanded && n_parts == 2)
    g_list_store_append (self->parts, self->ended);
  else if (!expanded && n_parts == 3)
    g_list_store_remove (self->parts, 2);
}

/* A handoff changed state: it may move between the live offers and Recent.
 * The selected one stays selected; if it moved into Recent, Recent opens. */
static void
refilter (HdQueueSidebar *self)
{
  g_autoptr(HdHandoff) selected = NULL;
  HdHandoff *now;

  selected = hd_queue_sidebar_get_selected_handoff (self);
  if (selected != NULL)
    g_object_ref (selected);

  self->refiltering = TRUE;
  gtk_filter_changed (self->live_filter, GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (self->ended_filter, GTK_FILTER_CHANGE_DIFFERENT);
  set_recent_expanded (self, self->recent_expanded ||
                             (selected != NULL && find_shown (self, selected) == GTK_INVALID_LIST_POSITION));
  if (selected != NULL && gtk_single_selection_get_selected_item (self->selection) != (gpointer) selected)
    gtk_single_selection_set_selected (self->selection, find_shown (self, selected));
  self->refiltering = FALSE;

  now = hd_queue_sidebar_get_selected_handoff (self);
  if (now != selected)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_HANDOFF]);
}

static void
watch_items (HdQueueSidebar *self,
             guint           position,
             guint           added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (self->model, i);

      if (g_signal_handler_find (handoff, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA,
                                 0, 0, NULL, (gpointer) refilter, self) == 0)
        g_signal_connect_object (handoff, "notify::state", G_CALLBACK (refilter), self, G_CONNECT_SWAPPED);
    }
}

static void
on_items_changed_cb (HdQueueSidebar *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  watch_items (self, position, added);
  /* The header comes and goes with the ended offers. */
  set_recent_expanded (self, self->recent_expanded);
  update_stack (self);
}

static void
toggle_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (widget);

  set_recent_expanded (self, !self->recent_expanded);
}

/* Enter on the header row folds Recent like a click on it. */
static void
on_activate_cb (HdQueueSidebar *self,
                guint           position,
                GtkListView    *list_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item != NULL && !HD_IS_HANDOFF (item))
    set_recent_expanded (self, !self->recent_expanded);
  else if (item != NULL)
    g_signal_emit (self, signals[CHOSEN], 0);
}

/* A click picks the row it lands on (GTK selects it on press): the handoff is chosen.
 * Arrow keys move the selection too, but only browse: Enter chooses. */
static void
on_click_released_cb (HdQueueSidebar *self,
                      int             n_press,
                      double          x,
                      double          y,
                      GtkGestureClick *gesture)
{
  if (n_press == 1 && hd_queue_sidebar_get_selected_handoff (self) != NULL)
    g_signal_emit (self, signals[CHOSEN], 0);
}

static void
hd_queue_sidebar_map (GtkWidget *widget)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (widget);

  GTK_WIDGET_CLASS (hd_queue_sidebar_parent_class)->map (widget);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
hd_queue_sidebar_unmap (GtkWidget *widget)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (hd_queue_sidebar_parent_class)->unmap (widget);
}

static void
hd_queue_sidebar_dispose (GObject *object)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  /* The bin's child is a bound template child: detach it from the bin first,
   * or AdwBin would unparent it again after the template dropped it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_QUEUE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->parts);
  g_clear_object (&self->header);
  g_clear_object (&self->live);
  g_clear_object (&self->ended);
  g_clear_object (&self->live_filter);
  g_clear_object (&self->ended_filter);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hd_queue_sidebar_parent_class)->dispose (object);
}

static void
hd_queue_sidebar_finalize (GObject *object)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (object);

  g_ptr_array_unref (self->live_rows);

  G_OBJECT_CLASS (hd_queue_sidebar_parent_class)->finalize (object);
}

static void
hd_queue_sidebar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_HANDOFF:
      g_value_set_object (value, hd_queue_sidebar_get_selected_handoff (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_sidebar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      hd_queue_sidebar_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_HANDOFF:
      hd_queue_sidebar_set_selected_handoff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GTK 4.8's list view stops Tab at every row (tab-behavior came in 4.12): the list is one
 * stop, entered at the row last focused, and the arrow keys move in it. */
static gboolean
hd_queue_sidebar_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  HdQueueSidebar *self = HD_QUEUE_SIDEBAR (widget);
  GtkWidget *list = GTK_WIDGET (self->list_view);
  gboolean moved;

  if (!hd_focus_is_tab (direction) || !hd_focus_is_within (list) || !gtk_widget_get_can_focus (list))
    return GTK_WIDGET_CLASS (hd_queue_sidebar_parent_class)->focus (widget, direction);

  gtk_widget_set_can_focus (list, FALSE);
  moved = GTK_WIDGET_CLASS (hd_queue_sidebar_parent_class)->focus (widget, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static void
hd_queue_sidebar_class_init (HdQueueSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_queue_sidebar_dispose;
  widget_class->focus = hd_queue_sidebar_focus;
  object_class->finalize = hd_queue_sidebar_finalize;
  object_class->get_property = hd_queue_sidebar_get_property;
  object_class->set_property = hd_queue_sidebar_set_property;
  widget_class->map = hd_queue_sidebar_map;
  widget_class->unmap = hd_queue_sidebar_unmap;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_HANDOFF] =
    g_param_spec_object ("selected-handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);
  /**
   * HdQueueSidebar::handoff-chosen:
   *
   * The agent chose the selected handoff: Enter on its row, or a click.
   * Moving the selection with the arrow keys only browses.
   */
  signals[CHOSEN] = g_signal_new ("handoff-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-queue-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, HdQueueSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, HdQueueSidebar, list_view);

  gtk_widget_class_install_action (widget_class, "queue.toggle-recent", NULL, toggle_recent_action);
}

static void
hd_queue_sidebar_init (HdQueueSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->live_rows = g_ptr_array_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  self->live_filter = GTK_FILTER (gtk_custom_filter_new (live_filter_cb, NULL, NULL));
  self->ended_filter = GTK_FILTER (gtk_custom_filter_new (ended_filter_cb, NULL, NULL));
  self->live = gtk_filter_list_model_new (NULL, g_object_ref (self->live_filter));
  self->ended = gtk_filter_list_model_new (NULL, g_object_ref (self->ended_filter));
  self->header = g_list_store_new (G_TYPE_OBJECT);
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->live);
  g_list_store_append (self->parts, self->header);
  self->shown = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->parts)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  /* Nothing is opened behind the agent's back: a new offer does not steal the pane. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_activate_cb), self);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_stack (self);
}

GtkWidget *
hd_queue_sidebar_new (void)
{
  return g_object_new (HD_TYPE_QUEUE_SIDEBAR, NULL);
}

GListModel *
hd_queue_sidebar_get_model (HdQueueSidebar *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_SIDEBAR (self), NULL);
  return self->model;
}

void
hd_queue_sidebar_set_model (HdQueueSidebar *self,
                            GListModel     *model)
{
  g_return_if_fail (HD_IS_QUEUE_SIDEBAR (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      guint n = g_list_model_get_n_items (self->model);

      g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->model, i);

          g_signal_handlers_disconnect_by_func (item, refilter, self);
        }
    }
  g_set_object (&self->model, model);
  /* The filters first: the handler below reads what they let through. */
  gtk_filter_list_model_set_model (self->live, model);
  gtk_filter_list_model_set_model (self->ended, model);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
      watch_items (self, 0, g_list_model_get_n_items (model));
    }
  set_recent_expanded (self, FALSE);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

HdHandoff *
hd_queue_sidebar_get_selected_handoff (HdQueueSidebar *self)
{
  gpointer item;

  g_return_val_if_fail (HD_IS_QUEUE_SIDEBAR (self), NULL);

  item = gtk_single_selection_get_selected_item (self->selection);
  return HD_IS_HANDOFF (item) ? item : NULL;
}

void
hd_queue_sidebar_set_selected_handoff (HdQueueSidebar *self,
                                       HdHandoff      *handoff)
{
  guint n;

  g_return_if_fail (HD_IS_QUEUE_SIDEBAR (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  n = find_shown (self, handoff);
  /* An ended offer asked for by name opens Recent. */
  if (n == GTK_INVALID_LIST_POSITION && handoff != NULL && !self->recent_expanded)
    {
      set_recent_expanded (self, TRUE);
      n = find_shown (self, handoff);
    }
  gtk_single_selection_set_selected (self->selection, n);
}
