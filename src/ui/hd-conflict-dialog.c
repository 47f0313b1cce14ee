/* hd-conflict-dialog.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-case-field.h"
#include "hd-conflict-dialog.h"

struct _HdConflictDialog
{
  AdwWindow           parent_instance;

  HdOutbox           *outbox;   /* owned */
  HdOutboxEntry      *entry;    /* owned */
  GHashTable         *mine;     /* field → GtkCheckButton "You wrote", unowned (in the tree) */
  GHashTable         *theirs;   /* field → GtkCheckButton "Salesforce has", unowned */

  /* template children */
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (HdConflictDialog, hd_conflict_dialog, ADW_TYPE_WINDOW)

enum { RESOLVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
add_choice (AdwPreferencesGroup *group,
            const char          *title,
            JsonNode            *value,
            GtkCheckButton      *group_with)
{
  g_autofree char *text = hd_case_field_dup_value_text (value);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The value came from Salesforce or the agent: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *text != '\0' ? text : _("(empty)"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group_with != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group_with);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);
  return check;
}

static void
build (HdConflictDialog *self)
{
  g_auto(GStrv) fields = hd_outbox_entry_dup_conflicting_fields (self->entry);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *theirs;
      GtkWidget *mine;

      adw_preferences_group_set_title (group, hd_case_field_get_title (fields[i]));
      theirs = add_choice (group, _("Salesforce has"),
                           hd_outbox_entry_get_server_value (self->entry, fields[i]), NULL);
      mine = add_choice (group, _("You wrote"),
                         hd_outbox_entry_get_value (self->entry, fields[i]), GTK_CHECK_BUTTON (theirs));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (theirs), TRUE);
      g_hash_table_insert (self->mine, g_strdup (fields[i]), mine);
      g_hash_table_insert (self->theirs, g_strdup (fields[i]), theirs);
      adw_preferences_page_add (self->page, group);
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  HdConflictDialog *self = HD_CONFLICT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!hd_conflict_dialog_apply (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Resolve the Conflict"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      /* Response buttons named by their words alone (hd-a11y.h). */
      hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
hd_conflict_dialog_dispose (GObject *object)
{
  HdConflictDialog *self = HD_CONFLICT_DIALOG (object);

  g_clear_pointer (&self->mine, g_hash_table_unref);
  g_clear_pointer (&self->theirs, g_hash_table_unref);
  g_clear_object (&self->outbox);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_CONFLICT_DIALOG);

  G_OBJECT_CLASS (hd_conflict_dialog_parent_class)->dispose (object);
}

static void
hd_conflict_dialog_class_init (HdConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_conflict_dialog_dispose;

  /**
   * HdConflictDialog::resolved:
   *
   * The agent's choice went to the outbox; the dialog closes right after.
   */
  signals[RESOLVED] = g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HdConflictDialog, page);

  gtk_widget_class_install_action (widget_class, "conflict.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "conflict.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "conflict.cancel", NULL);
}

static void
hd_conflict_dialog_init (HdConflictDialog *self)
{
  self->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

HdConflictDialog *
hd_conflict_dialog_new (HdOutbox      *outbox,
                        HdOutboxEntry *entry)
{
  HdConflictDialog *self;

  g_return_val_if_fail (HD_IS_OUTBOX (outbox), NULL);
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (entry), NULL);

  self = g_object_new (HD_TYPE_CONFLICT_DIALOG, NULL);
  self->outbox = g_object_ref (outbox);
  self->entry = g_object_ref (entry);
  build (self);
  return self;
}

HdOutboxEntry *
hd_conflict_dialog_get_entry (HdConflictDialog *self)
{
  g_return_val_if_fail (HD_IS_CONFLICT_DIALOG (self), NULL);
  return self->entry;
}

gboolean
hd_conflict_dialog_get_keep_mine (HdConflictDialog *self,
                                  const char       *field)
{
  GtkCheckButton *mine;

  g_return_val_if_fail (HD_IS_CONFLICT_DIALOG (self), FALSE);
  mine = g_hash_table_lookup (self->mine, field);
  return mine != NULL && gtk_check_button_get_active (mine);
}

void
hd_conflict_dialog_set_keep_mine (HdConflictDialog *self,
                                  const char       *field,
                                  gboolean          keep_mine)
{
  GtkCheckButton *check;

  g_return_if_fail (HD_IS_CONFLICT_DIALOG (self));
  check = g_hash_table_lookup (keep_mine ? self->mine : self->theirs, field);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, TRUE);
}

gboolean
hd_conflict_dialog_apply (HdConflictDialog *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (HD_IS_CONFLICT_DIALOG (self), FALSE);

  g_hash_table_iter_init (&iter, self->mine);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (value)))
      g_ptr_array_add (keep, key);
  g_ptr_array_add (keep, NULL);

  if (!hd_outbox_resolve_conflict (self->outbox, hd_outbox_entry_get_id (self->entry),
                                   (const char * const *) keep->pdata, error))
    return FALSE;

  g_signal_emit (self, signals[RESOLVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
