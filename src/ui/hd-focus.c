/* hd-focus.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-focus"

#include "config.h"

#include "hd-focus.h"

gboolean
hd_focus_is_tab (GtkDirectionType direction)
{
  return direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;
}

gboolean
hd_focus_is_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

gboolean
hd_focus_child_without (GtkWidget        *widget,
                        GtkWidget        *skipped,
                        GtkDirectionType  direction)
{
  gboolean moved;

  /* A widget that cannot focus is passed over whole by gtk_widget_child_focus (); this
   * changes no state anyone sees, and is undone before anything else runs. */
  if (skipped == NULL || !gtk_widget_get_can_focus (skipped))
    return gtk_widget_child_focus (widget, direction);
  gtk_widget_set_can_focus (skipped, FALSE);
  moved = gtk_widget_child_focus (widget, direction);
  gtk_widget_set_can_focus (skipped, TRUE);
  return moved;
}

gboolean
hd_focus_cycle_regions (GtkWidget * const *regions,
                        GtkWidget * const *skipped,
                        guint              n,
                        gboolean           forward)
{
  guint current = n;

  g_return_val_if_fail (n > 0, FALSE);

  /* The innermost region that has the focus: one may sit inside another. */
  for (guint i = 0; i < n; i++)
    if (regions[i] != NULL && hd_focus_is_within (regions[i]) &&
        (skipped == NULL || skipped[i] == NULL || !hd_focus_is_within (skipped[i])))
      current = i;

  for (guint step = 1; step <= n; step++)
    {
      guint i = current == n ? (forward ? step - 1 : n - step)
                             : (forward ? (current + step) % n : (current + n - step) % n);
      GtkWidget *region = regions[i];

      if (i == current || region == NULL || !gtk_widget_is_drawable (region))
        continue;
      /* A region is entered at its first stop, whichever way the cycle goes. */
      if (hd_focus_child_without (region, skipped != NULL ? skipped[i] : NULL, GTK_DIR_TAB_FORWARD))
        return TRUE;
    }
  return FALSE;
}
