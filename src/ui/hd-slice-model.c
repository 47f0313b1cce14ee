/* hd-slice-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-slice-model"

#include "config.h"

#include "hd-slice-model.h"

/* One shown item: a stable object the list view keys its rows on. */
struct _HdSliceItem
{
  GObject  parent_instance;

  GObject *item;  /* owned: the source's item */
};

G_DEFINE_FINAL_TYPE (HdSliceItem, hd_slice_item, G_TYPE_OBJECT)

static void
hd_slice_item_finalize (GObject *object)
{
  g_clear_object (&HD_SLICE_ITEM (object)->item);
  G_OBJECT_CLASS (hd_slice_item_parent_class)->finalize (object);
}

static void
hd_slice_item_class_init (HdSliceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_slice_item_finalize;
}

static void
hd_slice_item_init (HdSliceItem *self)
{
}

gpointer
hd_slice_item_get_item (HdSliceItem *self)
{
  g_return_val_if_fail (HD_IS_SLICE_ITEM (self), NULL);
  return self->item;
}

struct _HdSliceModel
{
  GObject     parent_instance;

  GListModel *source;     /* owned, or NULL: nothing to show */
  guint       n_source;   /* as last seen */
  guint       offset;     /* source position of the first item shown */
  GPtrArray  *shown;      /* of HdSliceItem, the source's [offset, offset + len) */
  guint       max_items;
};

#define N_SHOWN(self) ((self)->shown->len)

static GType
hd_slice_model_get_item_type (GListModel *model)
{
  return HD_TYPE_SLICE_ITEM;
}

static guint
hd_slice_model_get_n_items (GListModel *model)
{
  return N_SHOWN (HD_SLICE_MODEL (model));
}

static gpointer
hd_slice_model_get_item (GListModel *model,
                         guint       position)
{
  HdSliceModel *self = HD_SLICE_MODEL (model);

  if (position >= N_SHOWN (self))
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
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

/* Points @slot (a new one if NULL) at the source's item at @position. */
static HdSliceItem *
point_slot (HdSliceModel *self,
            HdSliceItem  *slot,
            guint         position)
{
  if (slot == NULL)
    slot = g_object_new (HD_TYPE_SLICE_ITEM, NULL);
  g_clear_object (&slot->item);
  slot->item = g_list_model_get_item (self->source, position);
  return slot;
}

/* Inserts slots for the source's [from, from + n) at @at of the shown. */
static void
insert_slots (HdSliceModel *self,
              guint         at,
              guint         from,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_insert (self->shown, (int) (at + i), point_slot (self, NULL, from + i));
}

/* Shows the source's [offset, offset + n_shown) in one "items-changed" for
 * everything, with the slots already there pointed at the new items: the
 * list view finds the objects it keyed its rows on among those removed and
 * keeps the rows, which rebind, rather than making new ones. */
static void
replace_all (HdSliceModel *self,
             guint         offset,
             guint         n_shown)
{
  guint removed = N_SHOWN (self);

  if (n_shown < removed)
    g_ptr_array_set_size (self->shown, n_shown);
  for (guint i = 0; i < N_SHOWN (self); i++)
    point_slot (self, g_ptr_array_index (self->shown, i), offset + i);
  insert_slots (self, N_SHOWN (self), offset + N_SHOWN (self), n_shown - N_SHOWN (self));
  self->offset = offset;
  if (removed > 0 || n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_shown);
}

static void
set_slice (HdSliceModel *self,
           guint         offset,
           guint         n_shown)
{
  guint old_end = self->offset + N_SHOWN (self);
  guint new_end = offset + n_shown;

  g_assert (new_end <= self->n_source);

  if (offset == self->offset && n_shown == N_SHOWN (self))
    return;

  if (N_SHOWN (self) == 0 || n_shown == 0 || offset >= old_end || new_end <= self->offset)
    {
      replace_all (self, offset, n_shown);
      return;
    }

  if (new_end < old_end)
    {
      guint position = N_SHOWN (self) - (old_end - new_end);

      g_ptr_array_remove_range (self->shown, position, old_end - new_end);
      g_list_model_items_changed (G_LIST_MODEL (self), position, old_end - new_end, 0);
    }
  else if (new_end > old_end)
    {
      guint position = N_SHOWN (self);

      insert_slots (self, position, old_end, new_end - old_end);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, new_end - old_end);
    }

  if (offset > self->offset)
    {
      guint dropped = offset - self->offset;

      self->offset = offset;
      g_ptr_array_remove_range (self->shown, 0, dropped);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, dropped, 0);
    }
  else if (offset < self->offset)
    {
      guint added = self->offset - offset;

      insert_slots (self, 0, offset, added);
      self->offset = offset;
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
  gboolean reached_end = self->offset + N_SHOWN (self) == self->n_source;

  /* Appends, the live case: shown at once while the slice reaches the end,
   * even past max-items (the view trims when it follows the end again). */
  if (removed == 0 && position == self->n_source)
    {
      self->n_source += added;
      if (reached_end)
        set_slice (self, self->offset, N_SHOWN (self) + added);
      return;
    }

  /* Anything else is rare: show as many last items afresh. */
  {
    guint n_shown;

    self->n_source = g_list_model_get_n_items (source);
    n_shown = MIN (N_SHOWN (self), self->n_source);
    replace_all (self, self->n_source - n_shown, n_shown);
  }
}

static void
disconnect_source (HdSliceModel *self)
{
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);
  self->n_source = 0;
}

static void
hd_slice_model_dispose (GObject *object)
{
  HdSliceModel *self = HD_SLICE_MODEL (object);

  disconnect_source (self);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

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
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
}

HdSliceModel *
hd_slice_model_new (GListModel *source,
                    guint       n_first,
                    guint       max_items)
{
  HdSliceModel *self;

  g_return_val_if_fail (source == NULL || G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (max_items > 0, NULL);

  self = g_object_new (HD_TYPE_SLICE_MODEL, NULL);
  self->max_items = max_items;
  hd_slice_model_set_source (self, source, n_first);
  return self;
}

void
hd_slice_model_set_source (HdSliceModel *self,
                           GListModel   *source,
                           guint         n_first)
{
  guint n;

  g_return_if_fail (HD_IS_SLICE_MODEL (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (source != NULL)
    g_object_ref (source);
  disconnect_source (self);
  self->source = source;
  if (source != NULL)
    {
      self->n_source = g_list_model_get_n_items (source);
      g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
    }
  n = MIN (MIN (n_first, self->max_items), self->n_source);
  replace_all (self, self->n_source - n, n);
}

guint
hd_slice_model_extend_start (HdSliceModel *self,
                             guint         n)
{
  guint added;

  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);

  added = MIN (n, self->offset);
  set_slice (self, self->offset - added, MIN (N_SHOWN (self) + added, self->max_items));
  return added;
}

guint
hd_slice_model_extend_end (HdSliceModel *self,
                           guint         n)
{
  guint end, added, n_shown;

  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);

  end = self->offset + N_SHOWN (self);
  added = MIN (n, self->n_source - end);
  n_shown = MIN (N_SHOWN (self) + added, self->max_items);
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
  return self->offset + N_SHOWN (self) == self->n_source;
}

guint
hd_slice_model_get_offset (HdSliceModel *self)
{
  g_return_val_if_fail (HD_IS_SLICE_MODEL (self), 0);
  return self->offset;
}
