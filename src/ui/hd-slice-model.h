/* hd-slice-model.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HD_TYPE_SLICE_ITEM (hd_slice_item_get_type ())

G_DECLARE_FINAL_TYPE (HdSliceItem, hd_slice_item, HD, SLICE_ITEM, GObject)

/* The source's item that this item of the slice shows (borrowed).  The
 * same HdSliceItem may show another item after an "items-changed" that
 * removed and added it again. */
gpointer      hd_slice_item_get_item        (HdSliceItem  *self);

#define HD_TYPE_SLICE_MODEL (hd_slice_model_get_type ())

G_DECLARE_FINAL_TYPE (HdSliceModel, hd_slice_model, HD, SLICE_MODEL, GObject)

/* A GListModel of a run of consecutive items of another one: the part of a
 * long transcript that the list view holds.  GTK 4.8's list view makes a row
 * for up to 200 items around what it shows and builds them all at once when
 * the agent jumps, so the transcript view keeps its slice small and slides
 * it as the agent scrolls: a jump never costs more rows than the slice has.
 *
 * Every change is told with the fewest "items-changed" (items added or
 * dropped at the ends), so the list view keeps the rows it has.  Items
 * appended to the source show at once while the slice reaches the end.
 *
 * Its items are HdSliceItems, each holding one of the source's.  When the
 * slice moves somewhere else altogether (a new source, a jump), the same
 * HdSliceItems are pointed at the new items and told as removed and added
 * in one signal: GTK 4.8's list view then keeps their rows and binds them
 * again, rather than tearing every row down and making new ones. */
HdSliceModel *hd_slice_model_new            (GListModel   *source,
                                             guint         n_first,
                                             guint         max_items);
/* Shows the last @n_first items of @source (none if NULL) instead. */
void          hd_slice_model_set_source     (HdSliceModel *self,
                                             GListModel   *source,
                                             guint         n_first);
/* Adds up to @n earlier (later) items, dropping as many at the other end as
 * it takes to stay within max-items.  Returns how many were added. */
guint         hd_slice_model_extend_start   (HdSliceModel *self,
                                             guint         n);
guint         hd_slice_model_extend_end     (HdSliceModel *self,
                                             guint         n);
/* Shows the last @n items of the source. */
void          hd_slice_model_show_end       (HdSliceModel *self,
                                             guint         n);
/* Shows @n items with the source's @position near the middle. */
void          hd_slice_model_show_around    (HdSliceModel *self,
                                             guint         position,
                                             guint         n);
gboolean      hd_slice_model_reaches_start  (HdSliceModel *self);
gboolean      hd_slice_model_reaches_end    (HdSliceModel *self);
/* The source position of this model's first item. */
guint         hd_slice_model_get_offset     (HdSliceModel *self);

G_END_DECLS
