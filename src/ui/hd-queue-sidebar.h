/* hd-queue-sidebar.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_QUEUE_SIDEBAR (hd_queue_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (HdQueueSidebar, hd_queue_sidebar, HD, QUEUE_SIDEBAR, AdwBin)

/* The list of offers and accepted chats.  "model" is a GListModel of
 * HdHandoff (the HdQueue); "selected-handoff" follows the selection.  One 1 s
 * timer runs while the sidebar is mapped and moves the clocks of the rows
 * on screen; "tick" (GDateTime now) is emitted after. */
GtkWidget  *hd_queue_sidebar_new                  (void);
GListModel *hd_queue_sidebar_get_model            (HdQueueSidebar *self);
void        hd_queue_sidebar_set_model            (HdQueueSidebar *self,
                                                   GListModel     *model);
HdHandoff  *hd_queue_sidebar_get_selected_handoff (HdQueueSidebar *self);
void        hd_queue_sidebar_set_selected_handoff (HdQueueSidebar *self,
                                                   HdHandoff      *handoff);
/* Moves the clocks of the rows on screen now (what the timer does), and
 * returns how many rows it updated. */
guint       hd_queue_sidebar_tick                 (HdQueueSidebar *self);

G_END_DECLS
