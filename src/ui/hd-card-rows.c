/* hd-card-rows.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-card-rows"

#include "config.h"

#include "hd-card-rows.h"
#include "hd-text-block.h"

GtkWidget *
hd_card_rows_new_label (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
  /* Keeps the context columns at their set width whatever the text. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  /* A wrapping label with no narrowest width is laid out at width zero to
   * find one: with word-char wrapping a line per character, each shaped
   * on its own, on every measure.  Labels that do not wrap turn this off. */
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One line, as wide as its text: no narrowest width to find. */
void
hd_card_rows_set_no_wrap (GtkWidget *label)
{
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_width_chars (GTK_LABEL (label), -1);
}

/* GTK 4.8 keeps the request mode a container had when it was first asked
 * until a resize is queued on the container itself while none is pending:
 * a grid first asked while it held no wrapping label goes on measuring its
 * rows without their width, one line each, and a wrapped value (an account
 * and its masked number) runs out of the card.  Once a row is added, a
 * resize is queued on the grid after the next frame it is drawn in, when
 * none is pending, so that it asks its rows again.  It only needs asking
 * once: it then keeps a wrapping row's mode. */
static void
refresh_after_paint_cb (GdkFrameClock *clock,
                        GtkWidget     *grid)
{
  g_signal_handlers_disconnect_by_func (clock, refresh_after_paint_cb, grid);
  gtk_widget_queue_resize (grid);
}

static void
refresh_on_map_cb (GtkWidget *grid)
{
  g_signal_handlers_disconnect_by_func (grid, refresh_on_map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (grid), "after-paint",
                           G_CALLBACK (refresh_after_paint_cb), grid, 0);
}

static void
refresh_request_mode (GtkGrid *grid)
{
  if (g_object_get_data (G_OBJECT (grid), "hd-card-rows-refreshed") != NULL)
    return;
  g_object_set_data (G_OBJECT (grid), "hd-card-rows-refreshed", GINT_TO_POINTER (TRUE));
  if (gtk_widget_get_mapped (GTK_WIDGET (grid)))
    refresh_on_map_cb (GTK_WIDGET (grid));
  else
    g_signal_connect (grid, "map", G_CALLBACK (refresh_on_map_cb), NULL);
}

static void
add_grid_row (GtkGrid    *grid,
              int        *row,
              const char *key,
              const char *value)
{
  GtkWidget *key_label;
  GtkWidget *value_label;

  if (value == NULL || *value == '\0')
    return;

  key_label = hd_card_rows_new_label (key, "dim-label");
  hd_card_rows_set_no_wrap (key_label);
  gtk_widget_set_valign (key_label, GTK_ALIGN_START);
  value_label = hd_card_rows_new_label (value, NULL);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  /* Read, not a Tab stop: GTK 4.8's selectable label takes Tab and keeps it, focusable or
   * not.  The mouse still selects and copies. */
  gtk_widget_set_can_focus (value_label, FALSE);
  gtk_grid_attach (grid, key_label, 0, *row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, *row, 1, 1);
  refresh_request_mode (grid);
  (*row)++;
}

/* Like add_grid_row (), in a grid of key and value columns only, reusing
 * the labels of a row already there: a label given its own text again
 * keeps its layout. */
void
hd_card_rows_set_row (GtkGrid    *grid,
                      int        *row,
                      const char *key,
                      const char *value)
{
  GtkWidget *key_label = gtk_grid_get_child_at (grid, 0, *row);
  GtkWidget *value_label = gtk_grid_get_child_at (grid, 1, *row);

  if (value == NULL || *value == '\0')
    return;
  if (key_label == NULL || value_label == NULL)
    {
      add_grid_row (grid, row, key, value);
      return;
    }
  gtk_label_set_text (GTK_LABEL (key_label), key);
  gtk_label_set_text (GTK_LABEL (value_label), value);
  (*row)++;
}

/* Drops the rows from @row on. */
void
hd_card_rows_trim (GtkGrid *grid,
                   int      row)
{
  GtkWidget *child;

  while ((child = gtk_grid_get_child_at (grid, 0, row)) != NULL ||
         (child = gtk_grid_get_child_at (grid, 1, row)) != NULL)
    gtk_grid_remove_row (grid, row);
}

void
hd_card_rows_set_optional (gpointer    label,
                           GtkWidget  *title,
                           const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  if (HD_IS_TEXT_BLOCK (label))
    hd_text_block_set_text (label, shown ? text : "", NULL, NULL);
  else
    gtk_label_set_text (GTK_LABEL (label), shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
  if (title != NULL)
    gtk_widget_set_visible (title, shown);
}
