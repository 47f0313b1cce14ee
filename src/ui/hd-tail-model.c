/* hd-tail-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-tail-model"

#include "config.h"

#include "hd-tail-model.h"

struct _HdTailModel
{
  GObject     parent_instance;

  GListModel *source;    /* owned */
  guint       n_source;  /* as last seen */
  guint       n_shown;   /* never more than n_source */
};

static GType
hd_tail_model_get_item_type (GListModel *model)
{
  HdTailModel *self = HD_TAIL_MODEL (model);

  return g_list_model_get_item_type (self->source);
}

static guint
hd_tail_model_get_n_items (GListModel *model)
{
  return HD_TAIL_MODEL (model)->n_shown;
}

static gpointer
hd_tail_model_get_item (GListModel *model,
                        guint       position)
{
  HdTailModel *self = HD_TAIL_MODEL (model);

  if (position >= self->n_shown)
    return NULL;
  return g_list_model_get_item (self->source, self->n_source - self->n_shown + position);
}

static void
hd_tail_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hd_tail_model_get_item_type;
  iface->get_n_items = hd_tail_model_get_n_items;
  iface->get_item = hd_tail_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HdTailModel, hd_tail_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hd_tail_model_list_model_init))

static void
source_items_changed_cb (HdTailModel *self,
                         guint        position,
                         guint        removed,
                         guint        added,
                         GListModel  *source)
{
  guint old_shown = self->n_shown;

  /* Appends, the live case, keep everything shown and add at the end. */
  if (removed == 0 && position == self->n_source)
    {
      self->n_source += added;
      self->n_shown += added;
      g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, added);
      return;
    }

  /* Anything else is rare: show the same number of last items afresh. */
  self->n_source = g_list_model_get_n_items (source);
  self->n_shown = MIN (old_shown, self->n_source);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
}

static void
hd_tail_model_dispose (GObject *object)
{
  HdTailModel *self = HD_TAIL_MODEL (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_items_changed_cb, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (hd_tail_model_parent_class)->dispose (object);
}

static void
hd_tail_model_class_init (HdTailModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hd_tail_model_dispose;
}

static void
hd_tail_model_init (HdTailModel *self)
{
}

HdTailModel *
hd_tail_model_new (GListModel *source,
                   guint       n_shown)
{
  HdTailModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (HD_TYPE_TAIL_MODEL, NULL);
  self->source = g_object_ref (source);
  self->n_source = g_list_model_get_n_items (source);
  self->n_shown = MIN (n_shown, self->n_source);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_items_changed_cb), self);
  return self;
}

gboolean
hd_tail_model_grow (HdTailModel *self,
                    guint        n_more)
{
  guint old_shown;

  g_return_val_if_fail (HD_IS_TAIL_MODEL (self), FALSE);

  old_shown = self->n_shown;
  self->n_shown = n_more >= self->n_source - old_shown ? self->n_source : old_shown + n_more;
  if (self->n_shown != old_shown)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_shown - old_shown);
  return self->n_shown < self->n_source;
}

gboolean
hd_tail_model_is_complete (HdTailModel *self)
{
  g_return_val_if_fail (HD_IS_TAIL_MODEL (self), TRUE);
  return self->n_shown == self->n_source;
}

guint
hd_tail_model_get_offset (HdTailModel *self)
{
  g_return_val_if_fail (HD_IS_TAIL_MODEL (self), 0);
  return self->n_source - self->n_shown;
}
