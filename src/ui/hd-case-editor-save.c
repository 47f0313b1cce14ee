/* hd-case-editor-save.c: the case actions (save, resolve, discard), and the
 * toasts and dialogs for what the draft reports back (saved, queued,
 * conflict, rejected)
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-case-editor-private.h"
#include "hd-conflict-dialog.h"

/* Saving. */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HdCaseEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  if (hd_case_draft_save_finish (HD_CASE_DRAFT (object), result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another handoff, or disposed: do not touch self */

  {
    /* TRANSLATORS: %s is an error message; the agent's text stays in the editor */
    g_autofree char *message = g_strdup_printf (_("Could not save the case: %s"), error->message);

    _hd_case_editor_toast (self, message);
  }
}

void
_hd_case_editor_save_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  HdCaseEditor *self = HD_CASE_EDITOR (widget);

  hd_case_draft_save_async (self->draft, self->cancellable, save_cb, self);
}

/* What the draft reports. */

static void
on_saved_cb (HdCaseEditor *self)
{
  _hd_case_editor_toast (self, _("Saved to Salesforce"));
}

static void
on_queued_cb (HdCaseEditor *self)
{
  _hd_case_editor_toast (self, _("Queued — will send when Salesforce is reachable"));
}

static void
on_conflict_cb (HdCaseEditor  *self,
                HdOutboxEntry *entry)
{
  _hd_case_editor_toast (self, _("Conflict: a colleague changed this case"));
}

static void
on_rejected_cb (HdCaseEditor  *self,
                HdOutboxEntry *entry)
{
  _hd_case_editor_toast (self, _("Salesforce refused the change — see the marked fields"));
}

void
_hd_case_editor_connect_draft_signals (HdCaseEditor *self)
{
  g_signal_connect_swapped (self->draft, "saved", G_CALLBACK (on_saved_cb), self);
  g_signal_connect_swapped (self->draft, "queued", G_CALLBACK (on_queued_cb), self);
  g_signal_connect_swapped (self->draft, "conflict", G_CALLBACK (on_conflict_cb), self);
  g_signal_connect_swapped (self->draft, "rejected", G_CALLBACK (on_rejected_cb), self);
}

/* Conflicts and rejections. */

static void
on_conflict_resolved_cb (HdCaseEditor     *self,
                         HdConflictDialog *dialog)
{
  HdOutboxEntry *entry = hd_conflict_dialog_get_entry (dialog);

  /* Nothing left to send: every field kept the colleague's value, and the
   * draft reads the case again. */
  if (!hd_case_draft_conflict_resolved (self->draft, hd_outbox_entry_get_id (entry)))
    _hd_case_editor_toast (self, _("Kept the values Salesforce has"));
}

void
_hd_case_editor_resolve_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  HdCaseEditor *self = HD_CASE_EDITOR (widget);
  g_autoptr(HdOutboxEntry) entry = NULL;
  HdConflictDialog *dialog;
  GtkRoot *root;

  if (hd_case_draft_get_attention (self->draft) == NULL || self->conflict_dialog != NULL)
    return;
  entry = hd_case_draft_dup_conflict (self->draft);
  if (entry == NULL)
    return;

  dialog = hd_conflict_dialog_new (hd_case_draft_get_outbox (self->draft), entry);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflict_resolved_cb), self, G_CONNECT_SWAPPED);
  self->conflict_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->conflict_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_hd_case_editor_discard_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  HdCaseEditor *self = HD_CASE_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!hd_case_draft_discard (self->draft, &error))
    {
      /* TRANSLATORS: %s is an error message */
      g_autofree char *message = g_strdup_printf (_("Could not discard the change: %s"), error->message);

      _hd_case_editor_toast (self, message);
    }
}

/* Before a save: fields the agent edited that a colleague has changed
 * meanwhile (live case changes).  Saving will ask which value to keep. */
void
_hd_case_editor_show_remote_changes (HdCaseEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *value = hd_case_draft_get_remote_value (self->draft, i);
      g_autofree char *line = NULL;

      if (value == NULL)
        continue;
      /* TRANSLATORS: %s is a case field ("Priority"), %s its new value as Salesforce has it */
      line = g_strdup_printf (_("%s is now “%s” in Salesforce."), hd_case_field_get_title (hd_case_field_get_api_name (i)),
                              *value != '\0' ? value : _("empty"));
      g_string_append_printf (text, " %s", line);
    }
  if (text->len == 0)
    {
      gtk_widget_set_visible (self->attention_box, FALSE);
      return;
    }
  g_string_prepend (text, _("A colleague changed this case while you edit it."));
  g_string_append_printf (text, " %s", _("Saving will ask which value to keep."));
  gtk_label_set_text (self->attention_label, text->str);
  gtk_widget_set_visible (self->discard_button, FALSE);
  gtk_widget_set_visible (self->resolve_button, FALSE);
  gtk_widget_set_visible (self->attention_box, TRUE);
}
