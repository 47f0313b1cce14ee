/* hd-outbox-indicator.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-outbox.h"

G_BEGIN_DECLS

#define HD_TYPE_OUTBOX_INDICATOR (hd_outbox_indicator_get_type ())

G_DECLARE_FINAL_TYPE (HdOutboxIndicator, hd_outbox_indicator, HD, OUTBOX_INDICATOR, AdwBin)

/* A header bar button for the Salesforce outbox: a badge with the number of
 * edits not yet acknowledged, and a popover listing them (waiting, sending,
 * needing the agent) with a "Retry Now" button.  Its state in words
 * ("2 edits waiting to send", "Offline — 3 edits queued", "1 edit needs
 * your attention") is the tooltip, the popover's heading and the
 * accessible label.  Hidden while "outbox" is NULL.
 *
 * Properties: "outbox", "summary" (read-only, the words).
 * Actions: outbox.retry-now. */
GtkWidget  *hd_outbox_indicator_new         (void);
HdOutbox   *hd_outbox_indicator_get_outbox  (HdOutboxIndicator *self);
void        hd_outbox_indicator_set_outbox  (HdOutboxIndicator *self,
                                             HdOutbox          *outbox);
const char *hd_outbox_indicator_get_summary (HdOutboxIndicator *self);
/* The words for an outbox in @state with @pending entries, @attention of
 * them needing the agent. */
char       *hd_outbox_indicator_describe    (HdOutboxState      state,
                                             guint              pending,
                                             guint              attention);

G_END_DECLS
