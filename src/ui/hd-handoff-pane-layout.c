/* hd-handoff-pane-layout.c: how the pane folds when it is narrow
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-handoff-pane"

#include "config.h"

#include "hd-handoff-pane-private.h"

/* The context columns and the conversation side by side need the sum of
 * their narrowest widths; folded, the pane needs only the wider of them.
 * Its natural width is the former: a parent that folds by natural width
 * (the agent view's queue) then folds before the pane has to. */
static void
hd_handoff_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);

  GTK_WIDGET_CLASS (g_type_class_peek (ADW_TYPE_BIN))->measure (widget, orientation, for_size,
                                                                 minimum, natural,
                                                                 minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int side_by_side = 0;
      int width;

      for (GtkWidget *part = gtk_widget_get_first_child (GTK_WIDGET (hd_handoff_pane_get_details_flap (self)));
           part != NULL; part = gtk_widget_get_next_sibling (part))
        if (gtk_widget_should_layout (part))
          {
            gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
            side_by_side += width;
          }
      *natural = MAX (*minimum, side_by_side);
    }
}

static void
on_details_flap_notify_cb (HdHandoffPane *self,
                           GParamSpec    *pspec,
                           AdwFlap       *flap)
{
  /* Opening the context over a folded conversation moves the focus into it,
   * so the keyboard gets there as the eye does. */
  if (g_str_equal (g_param_spec_get_name (pspec), "reveal-flap") &&
      adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap))
    gtk_widget_child_focus (adw_flap_get_flap (flap), GTK_DIR_TAB_FORWARD);
}

void
_hd_handoff_pane_class_layout_init (GtkWidgetClass *widget_class)
{
  widget_class->measure = hd_handoff_pane_measure;
  gtk_widget_class_bind_template_callback (widget_class, on_details_flap_notify_cb);
}

AdwFlap *
hd_handoff_pane_get_details_flap (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  /* The bin's child: not a bound template child, as the bin unparents it. */
  return ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));
}
