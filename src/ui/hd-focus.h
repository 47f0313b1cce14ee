/* hd-focus.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The keyboard's way through a window: Tab stops and the regions F6 cycles.  GTK 4.8 stops
 * Tab at every row of a list view (its tab-behavior property came in 4.12) and orders Tab
 * stops by where they are drawn, so the widgets that make a region say where it begins and
 * ends with these. */

/* Whether @direction is Tab or Shift+Tab. */
gboolean hd_focus_is_tab          (GtkDirectionType  direction);

/* Whether the window's focus is @widget or inside it. */
gboolean hd_focus_is_within       (GtkWidget        *widget);

/* gtk_widget_child_focus () on @widget, with @skipped (inside it) left out of the walk. */
gboolean hd_focus_child_without   (GtkWidget        *widget,
                                   GtkWidget        *skipped,
                                   GtkDirectionType  direction);

/* Moves the focus to the first stop of @regions[@n] past the region that has it now,
 * @forward or back, and round; a region whose widget is NULL, hidden or has no stop is
 * passed over.  @skipped[i], when not NULL, is left out of @regions[i] (a region inside
 * another).  TRUE when some region took the focus. */
gboolean hd_focus_cycle_regions   (GtkWidget * const *regions,
                                   GtkWidget * const *skipped,
                                   guint              n,
                                   gboolean           forward);

G_END_DECLS
