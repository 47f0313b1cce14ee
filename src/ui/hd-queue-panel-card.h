/* hd-queue-panel-card.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-queue-panel.h"

G_BEGIN_DECLS

#define HD_TYPE_QUEUE_PANEL_CARD (hd_queue_panel_card_get_type ())

G_DECLARE_FINAL_TYPE (HdQueuePanelCard, hd_queue_panel_card, HD, QUEUE_PANEL_CARD, AdwBin)

/* One queue's panel in Supervisor mode: waiting, longest wait against the
 * SLA target, offers in push, agents, the hour's abandoned / declined /
 * expired counts, VIP and vulnerable customers waiting, a trend chart and
 * the alert.  It follows its panel's "changed" signal.  The "card.show-waiting"
 * action (its button) emits "show-waiting". */
GtkWidget    *hd_queue_panel_card_new       (void);
HdQueuePanel *hd_queue_panel_card_get_panel (HdQueuePanelCard *self);
void          hd_queue_panel_card_set_panel (HdQueuePanelCard *self,
                                             HdQueuePanel     *panel);

G_END_DECLS
