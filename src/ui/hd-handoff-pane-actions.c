/* hd-handoff-pane-actions.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-handoff-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-feed-protocol.h"
#include "hd-handoff-pane-private.h"
#include "hd-ui-format.h"

/* Handoff quality: the one-click reports are the reply bar's buttons on
 * session.quality-report.  Transfer and wrap-up stay pane actions because
 * each asks something first (the queue, the outcome), then activates
 * session.transfer or session.wrap-up; the session sends them. */

static gboolean
can_signal (HdHandoffPane *self)
{
  return self->handoff != NULL && !self->read_only &&
         hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_ACCEPTED;
}

static AdwMessageDialog *
new_message_dialog (HdHandoffPane *self,
                    const char    *heading,
                    const char    *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_transfer_entry_changed_cb (AdwMessageDialog *dialog,
                              GtkEditable      *entry)
{
  adw_message_dialog_set_response_enabled (dialog, "transfer", hd_ui_format_has_text (gtk_editable_get_text (entry)));
}

static void
on_transfer_response_cb (HdHandoffPane    *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *queue = NULL;

  if (!g_str_equal (response, "transfer") || !GTK_IS_EDITABLE (entry))
    return;
  queue = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (*queue != '\0' && can_signal (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "session.transfer", "(ss)",
                                hd_handoff_get_handoff_id (self->handoff), queue);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (!can_signal (self))
    return;

  dialog = new_message_dialog (self, _("Transfer to Queue"),
                               _("The customer goes to another queue, with this handoff's context."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Queue name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Queue name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "transfer", _("_Transfer"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "transfer", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "transfer", FALSE);
  adw_message_dialog_set_default_response (dialog, "transfer");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_transfer_entry_changed_cb),
                           dialog, G_CONNECT_SWAPPED);
  /* The dialog may outlive the pane: the handler goes with the pane. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_transfer_response_cb),
                           self, G_CONNECT_SWAPPED);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_wrap_up_response_cb (HdHandoffPane    *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  gboolean resolved;

  if (g_str_equal (response, "resolved"))
    resolved = TRUE;
  else if (g_str_equal (response, "not-resolved"))
    resolved = FALSE;
  else
    return;

  if (can_signal (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "session.wrap-up", "(sb)",
                                hd_handoff_get_handoff_id (self->handoff), resolved);
}

static void
wrap_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);
  AdwMessageDialog *dialog;

  if (!can_signal (self))
    return;

  dialog = new_message_dialog (self, _("Wrap Up Handoff?"),
                               _("Was the customer's issue resolved in this chat?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "not-resolved", _("_Not Resolved"),
                                    "resolved", _("_Resolved"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "resolved", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_wrap_up_response_cb),
                           self, G_CONNECT_SWAPPED);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reveal, audit trail and export: the pane only asks, through the session.*
 * actions; the window holds the journal and the policy, and does the rest.
 * They stay pane actions because they name the handoff shown (and the
 * account), which the static journal menu and the cards' rows cannot carry. */
void
_hd_handoff_pane_update_journal_actions (HdHandoffPane *self)
{
  gboolean has_packet = self->handoff != NULL && hd_handoff_get_packet (self->handoff) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.reveal", has_packet && self->allow_reveal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.show-audit", self->handoff != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.export-recording", self->handoff != NULL);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);
  gboolean linked;
  guint index;

  if (!self->allow_reveal || self->handoff == NULL || hd_handoff_get_packet (self->handoff) == NULL)
    return;

  g_variant_get (param, "(bu)", &linked, &index);
  gtk_widget_activate_action (widget, "session.reveal", "(sbu)",
                              hd_handoff_get_handoff_id (self->handoff), linked, index);
}

static void
show_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);

  if (self->handoff != NULL)
    gtk_widget_activate_action (widget, "session.show-audit", "s", hd_handoff_get_handoff_id (self->handoff));
}

static void
export_recording_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);

  if (self->handoff != NULL)
    gtk_widget_activate_action (widget, "session.export", "s", hd_handoff_get_handoff_id (self->handoff));
}

void
_hd_handoff_pane_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pane.reveal", "(bu)", reveal_action);
  gtk_widget_class_install_action (widget_class, "pane.show-audit", NULL, show_audit_action);
  gtk_widget_class_install_action (widget_class, "pane.export-recording", NULL, export_recording_action);
  gtk_widget_class_install_action (widget_class, "pane.transfer", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "pane.wrap-up", NULL, wrap_up_action);
}
