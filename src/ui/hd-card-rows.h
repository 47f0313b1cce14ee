/* hd-card-rows.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Builders for the few widgets of the pane's context cards made at run time,
 * shared by HdCustomerCard, HdRoutingCard and HdStoryColumn.  Every text that came
 * over the network goes through gtk_label_set_text (), never markup. */

/* A wrapping label of at most 30 characters' width, with @css_class (or NULL). */
GtkWidget *hd_card_rows_new_label    (const char *text,
                                      const char *css_class);
/* One line, as wide as its text: no narrowest width to find. */
void       hd_card_rows_set_no_wrap  (GtkWidget  *label);
/* Sets row *@row of a key and value grid to @key and @value, reusing the
 * labels already there, and moves *@row on; an empty @value adds nothing. */
void       hd_card_rows_set_row      (GtkGrid    *grid,
                                      int        *row,
                                      const char *key,
                                      const char *value);
/* Drops the rows from @row on. */
void       hd_card_rows_trim         (GtkGrid    *grid,
                                      int         row);
/* Shows @text in @label (a GtkLabel or an HdTextBlock), or hides it and
 * @title (if any) when @text is empty. */
void       hd_card_rows_set_optional (gpointer    label,
                                      GtkWidget  *title,
                                      const char *text);

G_END_DECLS
