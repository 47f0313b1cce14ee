/* hd-text-block.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HD_TYPE_TEXT_BLOCK (hd_text_block_get_type ())

G_DECLARE_FINAL_TYPE (HdTextBlock, hd_text_block, HD, TEXT_BLOCK, GtkWidget)

/* Wrapped plain text (never markup) with Pango attributes, as a wrapping
 * GtkLabel shows it, but it remembers its sizes: a transcript turn, or a
 * long text of a context card.  GTK 4.8's list view measures its rows again
 * on every change of its model, and a wrapping label lays its text out at
 * up to four widths per measure (one of them zero: a line per word), each a
 * fresh shaping.  A text block shapes once for its natural width, once per
 * width it is laid out at, and not at all when given the same text again.
 * Its narrowest width is "width-chars" characters, its widest
 * "max-width-chars".  Not selectable.
 *
 * With "tabular-figures" its digits all take the same width ("tnum"), and
 * text that changes only in its digits, place for place (a countdown), is
 * redrawn without being measured again: each measure of a row that ticks
 * every second would otherwise resize the window's whole layout.  The
 * sizes it keeps are checked first: the font must give all ten digits one
 * advance, and the new text must lay out as wide as the old. */
GtkWidget  *hd_text_block_new       (void);
/* @spoken, what screen readers read for it, is @text itself when NULL. */
void        hd_text_block_set_text  (HdTextBlock   *self,
                                     const char    *text,
                                     PangoAttrList *attributes,
                                     const char    *spoken);
const char *hd_text_block_get_text  (HdTextBlock   *self);
void        hd_text_block_set_tabular_figures (HdTextBlock *self,
                                               gboolean     tabular);

G_END_DECLS
