/* hd-queue-sidebar.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-queue-row.h"
#include "hd-queue-sidebar.h"
#include "hd-focus.h"

struct _HdQueueSidebar
{
  AdwBin              parent_instance;

  GListModel         *model;       /* owned */
  GtkSingleSelection *selection;   /* owned */
  GPtrArray          *live_rows;   /* bound HdQueueRow, unowned */
  guint               tick_id;

  /* template children */
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (HdQueueSidebar, hd_queue_sidebar, ADW_TYPE_BIN)

enum { PROP_0, PROP_MODEL, PROP_SELECTED_HANDOFF, N_PROPS };
enum { TICK, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  HdQueueRow *row = HD_QUEUE_ROW (gtk_list_item_get_child (item));

  hd_queue_row_set_handoff (row, gtk_list_item_get_item (item));
  g_ptr_array_add (self->live_rows, row);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               HdQueueSidebar           *self)
{
  HdQueueRow *row = HD_QUEUE_ROW (gtk_list_item_get_child (item));

  g_ptr_array_remove_fast (self->live_rows, row);
  hd_queue_row_set_handoff (row, NULL);
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_HANDOFF]);
}

static void
on_items_changed_cb (HdQueueSidebar *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  update_stack (self);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-queue-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, HdQueueSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, HdQueueSidebar, list_view);
}

static void
hd_queue_sidebar_init (HdQueueSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->live_rows = g_ptr_array_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), self);
  self->selection = gtk_single_selection_new (NULL);
  /* Nothing is opened behind the agent's back: a new offer does not steal the pane. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self);
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
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  gtk_single_selection_set_model (self->selection, model);
  update_stack (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

HdHandoff *
hd_queue_sidebar_get_selected_handoff (HdQueueSidebar *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_SIDEBAR (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
hd_queue_sidebar_set_selected_handoff (HdQueueSidebar *self,
                                       HdHandoff      *handoff)
{
  guint n;

  g_return_if_fail (HD_IS_QUEUE_SIDEBAR (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; handoff != NULL && i < n; i++)
    {
      g_autoptr(HdHandoff) item = g_list_model_get_item (self->model, i);

      if (item == handoff)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}
