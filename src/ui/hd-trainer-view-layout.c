/* hd-trainer-view-layout.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-view"

#include "config.h"

#include "hd-handoff-pane.h"
#include "hd-trainer-view-private.h"

/* How the trainer fits a narrow window: the recordings and notes sidebar folds into a flap
 * over the replay when the two do not fit side by side, as the agent's queue does, and
 * the window header's Show Recordings button opens it: the header stays above the flap,
 * so the button that opened it can close it again.  The replayed pane folds its own
 * context away as it does in agent mode; the transport bar's details button opens it, as
 * the window's does there. */

/* The flap is the bin's child, not a bound template child: the bin unparents it. */
static AdwFlap *
get_flap (HdTrainerView *self)
{
  return ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));
}

static void
update_fold_buttons (HdTrainerView *self)
{
  AdwFlap *details = hd_handoff_pane_get_details_flap (self->pane);

  gtk_widget_set_visible (GTK_WIDGET (self->details_button),
                          adw_flap_get_folded (details) &&
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->pane_stack), "pane") == 0);
}

/* An error opening a recording is shown in the sidebar: open it, or the error would be
 * hidden under the fold. */
static void
error_revealed_cb (HdTrainerView *self,
                   GParamSpec    *pspec,
                   GtkRevealer   *revealer)
{
  if (gtk_revealer_get_reveal_child (revealer) && adw_flap_get_folded (get_flap (self)))
    adw_flap_set_reveal_flap (get_flap (self), TRUE);
}

void
_hd_trainer_view_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, details_button);
}

void
_hd_trainer_view_layout_init (HdTrainerView *self)
{
  g_object_bind_property (hd_handoff_pane_get_details_flap (self->pane), "reveal-flap",
                          self->details_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (hd_handoff_pane_get_details_flap (self->pane), "notify::folded",
                           G_CALLBACK (update_fold_buttons), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pane_stack, "notify::visible-child-name",
                           G_CALLBACK (update_fold_buttons), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->error_revealer, "notify::reveal-child",
                           G_CALLBACK (error_revealed_cb), self, G_CONNECT_SWAPPED);
  update_fold_buttons (self);
}

/* A folded sidebar was opened to pick a recording: once picked, the replay shows. The
 * focus, on the row just activated, moves to the replay's Play button: left in the closing
 * flap, GTK would hand it to the window's view switcher, where Right and Space no longer
 * reach the trainer. */
void
_hd_trainer_view_recording_shown (HdTrainerView *self)
{
  AdwFlap *flap = get_flap (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!adw_flap_get_folded (flap))
    return;
  adw_flap_set_reveal_flap (flap, FALSE);
  if (focus != NULL && gtk_widget_is_ancestor (focus, adw_flap_get_flap (flap)))
    gtk_widget_grab_focus (GTK_WIDGET (self->play_button));
}

AdwFlap *
hd_trainer_view_get_recordings_flap (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);
  return get_flap (self);
}

gboolean
hd_trainer_view_get_recordings_folded (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), FALSE);
  return adw_flap_get_folded (get_flap (self));
}

gboolean
hd_trainer_view_get_recordings_revealed (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), FALSE);
  return adw_flap_get_reveal_flap (get_flap (self));
}

void
hd_trainer_view_set_recordings_revealed (HdTrainerView *self,
                                         gboolean       revealed)
{
  g_return_if_fail (HD_IS_TRAINER_VIEW (self));
  adw_flap_set_reveal_flap (get_flap (self), revealed);
}
