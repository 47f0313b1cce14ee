/* hd-routing-card.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_ROUTING_CARD (hd_routing_card_get_type ())

G_DECLARE_FINAL_TYPE (HdRoutingCard, hd_routing_card, HD, ROUTING_CARD, GtkBox)

GtkWidget *hd_routing_card_new         (void);
HdHandoff *hd_routing_card_get_handoff (HdRoutingCard *self);
void       hd_routing_card_set_handoff (HdRoutingCard *self,
                                        HdHandoff     *handoff);

G_END_DECLS
