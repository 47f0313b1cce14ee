/* hd-status-selector.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HD_TYPE_STATUS_SELECTOR (hd_status_selector_get_type ())

G_DECLARE_FINAL_TYPE (HdStatusSelector, hd_status_selector, HD, STATUS_SELECTOR, AdwBin)

/* The agent's availability for the header bar: "available", "busy" or
 * "away" (the wire names of hd_feed_agent_status_to_string ()).  Choosing one
 * emits "status-changed" (const char *status) for the feed to send; setting
 * "status" from code (the server's word) does not emit it. */
GtkWidget  *hd_status_selector_new        (void);
const char *hd_status_selector_get_status (HdStatusSelector *self);
void        hd_status_selector_set_status (HdStatusSelector *self,
                                           const char       *status);

G_END_DECLS
