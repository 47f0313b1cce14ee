/* hd-queue.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_QUEUE (hd_queue_get_type ())

G_DECLARE_FINAL_TYPE (HdQueue, hd_queue, HD, QUEUE, GObject)

/* The agent's queue: a GListModel of HdHandoff in arrival order, which the UI
 * binds to.  It guarantees exactly-once presentation by handoff id: adding a
 * handoff whose id is already in the queue changes nothing and returns FALSE.
 *
 * The queue runs the clocks of its items on the thread-default main context
 * it was created in: open offers become "expired" when their push expiry
 * passes, and "sla-breached" turns TRUE when an unfinished item passes its
 * SLA deadline.  Properties: "n-items", "n-open" (offers awaiting an answer),
 * "n-presented" (items ever added, duplicates not counted). */
HdQueue   *hd_queue_new             (void);

gboolean   hd_queue_add             (HdQueue    *self,
                                     HdHandoff  *handoff);
/* Counts @handoff_id as presented (in an earlier run, says the journal):
 * an offer of it is never added. */
void       hd_queue_remember        (HdQueue    *self,
                                     const char *handoff_id);
HdHandoff *hd_queue_lookup          (HdQueue    *self,
                                     const char *handoff_id);
gboolean   hd_queue_remove          (HdQueue    *self,
                                     const char *handoff_id);
/* Drops declined, expired, revoked and wrapped-up items (their ids stay
 * remembered, so a replayed offer is still not shown again). */
guint      hd_queue_remove_finished (HdQueue    *self);
guint      hd_queue_get_n_open      (HdQueue    *self);
guint64    hd_queue_get_n_presented (HdQueue    *self);

/* Applies the clocks at @now (also what the internal timer does). */
void       hd_queue_tick            (HdQueue    *self,
                                     GDateTime  *now);

G_END_DECLS
