/* hd-case-editor-describe.c: the editor's fields as the org describes them
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-editor"

#include "config.h"

#include "hd-case-editor-private.h"

/* The rows follow HdCaseDraft:describe: a field the org lacks (or hides
 * from the user) is not shown, one the user may not update is shown
 * read-only, labels are the org's, text fields take at most the org's
 * length, and the Status and Priority lists hold the org's active values
 * in its order.  Without a describe (not signed in yet, or never read) the
 * rows keep the built-in labels and lists. */

typedef struct
{
  HdCaseField  field;
  gsize        row_offset;     /* of the field's row in HdCaseEditor */
  gsize        error_offset;   /* of its error row */
} FieldRow;

static const FieldRow field_rows[] = {
  { HD_CASE_FIELD_STATUS, G_STRUCT_OFFSET (HdCaseEditor, status_row), G_STRUCT_OFFSET (HdCaseEditor, status_error_row) },
  { HD_CASE_FIELD_PRIORITY, G_STRUCT_OFFSET (HdCaseEditor, priority_row), G_STRUCT_OFFSET (HdCaseEditor, priority_error_row) },
  { HD_CASE_FIELD_TYPE, G_STRUCT_OFFSET (HdCaseEditor, type_row), G_STRUCT_OFFSET (HdCaseEditor, type_error_row) },
  { HD_CASE_FIELD_SUBCATEGORY, G_STRUCT_OFFSET (HdCaseEditor, subcategory_row), G_STRUCT_OFFSET (HdCaseEditor, subcategory_error_row) },
  { HD_CASE_FIELD_DISPOSITION, G_STRUCT_OFFSET (HdCaseEditor, disposition_row), G_STRUCT_OFFSET (HdCaseEditor, disposition_error_row) },
  { HD_CASE_FIELD_NEXT_STEP, G_STRUCT_OFFSET (HdCaseEditor, next_step_row), G_STRUCT_OFFSET (HdCaseEditor, next_step_error_row) },
};

static GtkWidget *
member (HdCaseEditor *self,
        gsize         offset)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, offset);
}

static void
set_list (HdCaseEditor  *self,
          GtkStringList *model,
          HdSfDescribe  *describe,
          HdCaseField    field)
{
  const char *api_name = hd_case_field_get_api_name (field);
  g_auto(GStrv) values = hd_sf_describe_dup_picklist_values (describe, api_name);
  const char *current = hd_case_draft_get_field (self->draft, field);

  if (values == NULL)
    return;
  self->syncing = TRUE;
  gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                          (const char * const *) values);
  self->syncing = FALSE;
  /* The case's value stays visible even when the org retired it. */
  hd_case_editor_set_field_text (self, api_name, current);
}

static void
apply_describe (HdCaseEditor *self)
{
  HdSfDescribe *describe = self->draft != NULL ? hd_case_draft_get_describe (self->draft) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      const char *api_name = hd_case_field_get_api_name (field_rows[i].field);
      GtkWidget *row = member (self, field_rows[i].row_offset);
      gboolean exists = describe == NULL || hd_sf_describe_has_field (describe, api_name);
      gboolean editable = describe == NULL || hd_sf_describe_is_updateable (describe, api_name);
      const char *label = describe != NULL ? hd_sf_describe_get_label (describe, api_name) : NULL;

      gtk_widget_set_visible (row, exists);
      if (!exists)
        gtk_widget_set_visible (member (self, field_rows[i].error_offset), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     label != NULL ? label : hd_case_field_get_title (api_name));
      if (ADW_IS_ENTRY_ROW (row))
        {
          GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
          guint length = describe != NULL ? hd_sf_describe_get_length (describe, api_name) : 0;

          gtk_editable_set_editable (GTK_EDITABLE (row), editable);
          if (GTK_IS_TEXT (delegate))
            gtk_text_set_max_length (GTK_TEXT (delegate), (int) MIN (length, (guint) G_MAXINT));
        }
      else
        gtk_widget_set_sensitive (row, editable);
    }
  if (describe == NULL)
    return;
  set_list (self, self->status_model, describe, HD_CASE_FIELD_STATUS);
  set_list (self, self->priority_model, describe, HD_CASE_FIELD_PRIORITY);
}

void
_hd_case_editor_connect_describe (HdCaseEditor *self)
{
  g_signal_connect_swapped (self->draft, "notify::describe", G_CALLBACK (apply_describe), self);
  apply_describe (self);
}
