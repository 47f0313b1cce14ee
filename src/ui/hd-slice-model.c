/* hd-slice-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-slice-model"

#include "config.h"

#include "hd-slice-model.h"

struct _HdSliceModel
{
  GObject     parent_instance;

  GListModel *source;     /* owned */
  guint       n_source;   /* as last seen */
  guint       offset;     /* source position of the first item shown */
  guint       n_shown;    /* offset + n_shown <= n_source */
  guint       max_items;
};

static GType
hd_slice_model_get_item_type (GListModel *model)
{
  HdSliceModel *self = HD_SLICE_MODEL (model);

  return g_list_model_get_item_type (self->source);
}

static guint
hd_slice_model_get_n_items (GListModel *model)
{
  return HD_SLICE_MODEL (model)->n_shown;
}

static gpointer
hd_slice_model_get_item (GListModel *model,
                         guint       position)
{
  HdSliceModel *self = HD_SLICE_MODEL (model);

  if (position >= self->n_shown)
    return NULL;
  return g_list_model_get_item (self->source, self->offset + position);
}

static void
hd_slice_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hd_slice_model_get_item_type;
  iface->get_n_items = hd_slice_model_get_n_items;
  iface->get_item = hd_slice_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HdSliceModel, hd_slice_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hd_slice_model_list_model_init))

/* Moves the slice to [offset, offset + n_shown) of the source.  Where the old
 * and the new slice overlap, only the ends change: first the far end, then
 * the start, each told as soon as the state matches it. */
static void
set_slice (HdSliceModel *self,
           guint         offset,
           guint         n_shown)
{
  guint old_end = self->offset + self->n_shown;
  guint new_end = offset + n_shown;

  g_assert (new_end <= self->n_source);

  if (offset == self->offset && n_shown == self->n_shown)
    return;

  if (self->n_shown == 0 || n_shown == 0 || offset >= old_end || new_end <= self->offset)
    {
      guint removed = self->n_shown;

      self->offset = offset;
      self->n_shown = n_shown;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_shown);
      return;
    }

  if (new_end < old_end)
    {
      self->n_shown -= old_end - new_end;
      g_list_model_items_changed (G_LIST_MODEL (self), self->n_shown, old_end - new_end, 0);
    }
  else if (new_end > old_end)
    {
      guint position = self->n_shown;

      self->n_shown += new_end - old_end;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, new_end - old_end);
    }

  if (offset > self->offset)
    {
      guint dropped = offset - self->offset;

      self->offset = offset;
      self->n_shown -= dropped;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, dropped, 0);
    }
  else if (offset < self->offset)
    {
      guint added = self->offset - offset;

      self->offset = offset;
      self->n_shown += added;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, added);
    }
}

static void
source_items_changed_cb (HdSliceModel *self,
                         guint         position,
                         guint         removed,
                         guint         added,
                         GListModel   *source)
{
  gboolean reached_end = self->offset + self->n_shown == self->n_source;

  /* Appends, the live case: shown at once while the slice reaches the end,
   * even past max-items (the view trims when it follows the end again). */
  if (removed == 0 && position == self->n_source)
    {
      self->n_source += added;
      if (reached_end)
        set_slice (self, self->offset, self->n_shown + added);
      return;
    }

  /* Anything else is rare: show as many last items afresh. */
  {
    guint old_shown = self->n_shown;

    self->n_source = g_list_model_get_n_items (source);
    self->n_shown = MIN (old_shown, self->n_source);
    self->offset = self->n_source - self->n_shown;
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
  }
}

static void
hd_slice_model_dispose (GObject *object)
{
  HdSliceModel *self = HD_SLICE_MODEL (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (hd_slice_model_parent_class)->dispose (object);
}

static void
hd_slice_model_class_init (HdSliceModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hd_slice_model_dispose;
}

static void
hd_slice_model_init (HdSliceModel *self)
{
}

HdSliceModel *
hd_slice_model_new (GListModel *source,
                    guint       n_first,
                    guint       max_items)
{
  HdSliceModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (max_items > 0, NULL);

  self = g_object_new (HD_TYPE_SLICE_MODEL, NULL);
  self->source = g_object_ref (source);
  self->max_items = max_items;
  self->n_source = g_list_model_get_n_items (source);
  self->n_shown = MIN (MIN (n_first, max_items), self->n_source);
  self->offset = self->n_source - self->n_shown;
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  return self;
}

guint
hd_slice_model_extend_start (HdSliceModel *self,
                             guint         n)
{
  guint added;

  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);

  added = MIN (n, self->offset);
  set_slice (self, self->offset - added, MIN (self->n_shown + added, self->max_items));
  return added;
}

guint
hd_slice_model_extend_end (HdSliceModel *self,
                           guint         n)
{
  guint end, added, n_shown;

  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);

  end = self->offset + self->n_shown;
  added = MIN (n, self->n_source - end);
  n_shown = MIN (self->n_shown + added, self->max_items);
  set_slice (self, end + added - n_shown, n_shown);
  return added;
}

void
hd_slice_model_show_end (HdSliceModel *self,
                         guint         n)
{
  g_return_if_fail (HD_IS_SLICE_MODEL (self));

  n = MIN (MIN (n, self->max_items), self->n_source);
  set_slice (self, self->n_source - n, n);
}

void
hd_slice_model_show_around (HdSliceModel *self,
                            guint         position,
                            guint         n)
{
  guint offset;

  g_return_if_fail (HD_IS_SLICE_MODEL (self));

  n = MIN (MIN (n, self->max_items), self->n_source);
  offset = position > n / 2 ? position - n / 2 : 0;
  set_slice (self, MIN (offset, self->n_source - n), n);
}

gboolean
hd_slice_model_reaches_start (HdSliceModel *self)
{
  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), TRUE);
  return self->offset == 0;
}

gboolean
hd_slice_model_reaches_end (HdSliceModel *self)
{
  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), TRUE);
  return self->offset + self->n_shown == self->n_source;
}

guint
hd_slice_model_get_offset (HdSliceModel *self)
{
  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);
  return self->offset;
}
