/* hd-turn-bubble.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HD_TYPE_TURN_BUBBLE (hd_turn_bubble_get_type ())

G_DECLARE_FINAL_TYPE (HdTurnBubble, hd_turn_bubble, HD, TURN_BUBBLE, GtkWidget)

/* One transcript turn: wrapped plain text (never markup) with Pango
 * attributes, as a GtkLabel would show it, but it remembers its sizes.
 * GTK 4.8's list view measures its rows again on every change of its model,
 * and a label shapes its whole text again each time; a bubble shapes it once
 * for its natural width and once per width it is laid out at. */
GtkWidget  *hd_turn_bubble_new       (void);
void        hd_turn_bubble_set_text  (HdTurnBubble  *self,
                                      const char    *text,
                                      PangoAttrList *attributes);
const char *hd_turn_bubble_get_text  (HdTurnBubble  *self);

G_END_DECLS
