/* hd-tail-model.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HD_TYPE_TAIL_MODEL (hd_tail_model_get_type ())

G_DECLARE_FINAL_TYPE (HdTailModel, hd_tail_model, HD, TAIL_MODEL, GObject)

/* A GListModel of the last items of another one.  The transcript view shows
 * the latest turns first and grows upward a slice per frame, so a long
 * transcript never costs more than one frame: a list view makes a row for up
 * to 200 items at once.  Items appended to the source always show. */
HdTailModel *hd_tail_model_new        (GListModel  *source,
                                       guint        n_shown);
/* Shows up to @n_more earlier items (G_MAXUINT: all); FALSE once all show. */
gboolean     hd_tail_model_grow       (HdTailModel *self,
                                       guint        n_more);
gboolean     hd_tail_model_is_complete (HdTailModel *self);
/* The source position of this model's first item. */
guint        hd_tail_model_get_offset (HdTailModel *self);

G_END_DECLS
