/* hd-trainer-view-notes.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-display-names.h"
#include "hd-trainer-view-private.h"

/* Trainer notes on the current event and the broken-context checklist,
 * saved beside the recording at every change. */

static GtkWidget *
note_row_new (const HdTrainerNote *note)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *created = hd_display_date_time (note->created_at);
  g_autofree char *subtitle = note->author != NULL
                              /* TRANSLATORS: a note's author, then when it was written */
                              ? g_strdup_printf (C_("author and date", "%s, %s"), note->author, created)
                              : g_strdup (created);

  /* Notes are what trainers typed: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), note->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Note"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "trainer.remove-note");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", note->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

void
_hd_trainer_view_update_notes (HdTrainerView *self)
{
  HdTrainerNotes *notes = self->current != NULL ? self->current->notes : NULL;
  guint position = self->current != NULL ? hd_replay_get_position (self->current->replay) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->notes_list, child);

  if (position == 0)
    gtk_label_set_text (self->notes_heading, _("Notes"));
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Notes on Event %u"), position);

      gtk_label_set_text (self->notes_heading, heading);
    }

  if (notes == NULL)
    return;

  for (guint i = 0; i < hd_trainer_notes_get_n_notes (notes); i++)
    {
      const HdTrainerNote *note = hd_trainer_notes_get_note (notes, i);

      if (note->position == position)
        gtk_list_box_append (self->notes_list, note_row_new (note));
    }
}

static gboolean
save_notes (HdTrainerView *self)
{
  g_autoptr(GError) error = NULL;

  if (!hd_trainer_notes_save (self->current->notes, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The trainer notes could not be saved: %s"),
                                                  error->message);

      _hd_trainer_view_show_error (self, message);
      return FALSE;
    }
  return TRUE;
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     HdTrainerView  *self)
{
  HdChecklistItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "hd-checklist-item"));
  const char *handoff_id;

  if (self->updating || self->current == NULL || self->current->notes == NULL)
    return;

  handoff_id = hd_recording_get_handoff_id (self->current->recording);
  hd_trainer_notes_set_ticked (self->current->notes, handoff_id, item, gtk_check_button_get_active (check));
  save_notes (self);
}

void
_hd_trainer_view_update_checklist (HdTrainerView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list))) != NULL)
    gtk_list_box_remove (self->checklist_list, child);

  if (self->current == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = hd_checklist_item_get_label (i);
      const char *handoff_id = hd_recording_get_handoff_id (self->current->recording);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (self->current->suggested & (1u << i))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Seen in the recording"));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (check), "hd-checklist-item", GUINT_TO_POINTER (i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->current->notes != NULL &&
                                   hd_trainer_notes_get_ticked (self->current->notes, handoff_id, i));
      gtk_widget_set_sensitive (check, self->current->notes != NULL);
      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* Named once, not followed by the row title it is labelled by (hd-a11y.h). */
      hd_a11y_set_name (check, label);
      gtk_widget_set_name (row, hd_checklist_item_to_string (i));
      gtk_list_box_append (self->checklist_list, row);
    }
  self->updating = FALSE;
}

void
_hd_trainer_view_add_note (HdTrainerView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  const char *author = hd_display_author_name (g_get_real_name (), g_get_user_name ());
  guint position;

  if (self->current == NULL || self->current->notes == NULL || text[0] == '\0')
    return;
  position = hd_replay_get_position (self->current->replay);
  if (position == 0)
    return;

  hd_trainer_notes_add (self->current->notes, position, author, text);
  if (save_notes (self))
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  _hd_trainer_view_update_notes (self);
  _hd_trainer_view_update_actions (self);
}

void
_hd_trainer_view_remove_note_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);

  if (self->current == NULL || self->current->notes == NULL)
    return;
  if (hd_trainer_notes_remove (self->current->notes, g_variant_get_uint32 (param)))
    save_notes (self);
  _hd_trainer_view_update_notes (self);
}
