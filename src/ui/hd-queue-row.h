/* hd-queue-row.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_QUEUE_ROW (hd_queue_row_get_type ())

G_DECLARE_FINAL_TYPE (HdQueueRow, hd_queue_row, HD, QUEUE_ROW, AdwBin)

/* One queue item in the sidebar: customer, primary intent, priority and
 * flags in words, its state with the reason, and the clocks.  The clocks
 * move only when hd_queue_row_tick () is called: the sidebar runs one timer
 * for all rows it shows. */
GtkWidget *hd_queue_row_new         (void);
HdHandoff *hd_queue_row_get_handoff (HdQueueRow *self);
void       hd_queue_row_set_handoff (HdQueueRow *self,
                                     HdHandoff  *handoff);
void       hd_queue_row_tick        (HdQueueRow *self,
                                     GDateTime  *now);
/* The words of the clock and state line, as shown (for tests). */
const char *hd_queue_row_get_status (HdQueueRow *self);

G_END_DECLS
