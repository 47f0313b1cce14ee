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
 * length, and a picklist is a list of the values the org offers for the
 * case's record type (and, for a dependent picklist, for what its
 * controlling field holds now), in the org's order: Status and Priority
 * always, Type, Subcategory, Disposition and Next Step whenever the org
 * makes them picklists (free text otherwise).  Without a describe (not
 * signed in yet, or never read) the rows keep the built-in labels and
 * lists. */

typedef struct
{
  HdCaseField  field;
  gsize        row_offset;     /* of the field's row in HdCaseEditor */
  gsize        combo_offset;   /* of its combo row when the row is an entry, or 0 */
  gsize        error_offset;   /* of its error row */
} FieldRow;

static const FieldRow field_rows[] = {
  { HD_CASE_FIELD_STATUS, G_STRUCT_OFFSET (HdCaseEditor, status_row), 0,
    G_STRUCT_OFFSET (HdCaseEditor, status_error_row) },
  { HD_CASE_FIELD_PRIORITY, G_STRUCT_OFFSET (HdCaseEditor, priority_row), 0,
    G_STRUCT_OFFSET (HdCaseEditor, priority_error_row) },
  { HD_CASE_FIELD_TYPE, G_STRUCT_OFFSET (HdCaseEditor, type_row), G_STRUCT_OFFSET (HdCaseEditor, type_combo),
    G_STRUCT_OFFSET (HdCaseEditor, type_error_row) },
  { HD_CASE_FIELD_SUBCATEGORY, G_STRUCT_OFFSET (HdCaseEditor, subcategory_row),
    G_STRUCT_OFFSET (HdCaseEditor, subcategory_combo), G_STRUCT_OFFSET (HdCaseEditor, subcategory_error_row) },
  { HD_CASE_FIELD_DISPOSITION, G_STRUCT_OFFSET (HdCaseEditor, disposition_row),
    G_STRUCT_OFFSET (HdCaseEditor, disposition_combo), G_STRUCT_OFFSET (HdCaseEditor, disposition_error_row) },
  { HD_CASE_FIELD_NEXT_STEP, G_STRUCT_OFFSET (HdCaseEditor, next_step_row),
    G_STRUCT_OFFSET (HdCaseEditor, next_step_combo), G_STRUCT_OFFSET (HdCaseEditor, next_step_error_row) },
};

static GtkWidget *
member (HdCaseEditor *self,
        gsize         offset)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, offset);
}

/* Whether @model holds @values, and @current after them when they lack it. */
static gboolean
same_list (GtkStringList      *model,
           const char * const *values,
           const char         *current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n_values = g_strv_length ((char **) values);
  gboolean extra = current != NULL && *current != '\0' && !g_strv_contains (values, current);

  if (n != n_values + (extra ? 1 : 0))
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (gtk_string_list_get_string (model, i), values[i]) != 0)
      return FALSE;
  return !extra || g_strcmp0 (gtk_string_list_get_string (model, n_values), current) == 0;
}

static void
set_list (HdCaseEditor *self,
          HdCaseField   field)
{
  g_auto(GStrv) values = hd_case_draft_dup_picklist_values (self->draft, field);
  GtkStringList *model;
  AdwComboRow *combo = _hd_case_editor_combo_for (self, field, &model);

  const char *current;

  if (combo == NULL || values == NULL)
    return;
  current = hd_case_draft_get_field (self->draft, field);
  self->syncing = TRUE;
  if (!same_list (model, (const char * const *) values, current))
    gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                            (const char * const *) values);
  /* The case's value stays visible even when the org retired it. */
  _hd_case_editor_set_combo (combo, model, current);
  self->syncing = FALSE;
}

typedef struct
{
  HdCaseEditor *editor;   /* unowned: the combo row, which holds this, is the editor's */
  HdCaseField   field;
} ComboLabel;

/* What a picklist's row shows for a value: the org's label for it (the
 * value is what is stored and sent), or the value when the org gives none. */
static char *
combo_label_cb (GtkStringObject *item,
                ComboLabel      *data)
{
  const char *value = item != NULL ? gtk_string_object_get_string (item) : NULL;
  HdSfDescribe *describe = data->editor->draft != NULL ? hd_case_draft_get_describe (data->editor->draft) : NULL;
  const char *label = NULL;

  if (value == NULL)
    return g_strdup ("");
  if (describe != NULL)
    label = hd_sf_describe_get_picklist_label (describe, hd_case_field_get_api_name (data->field), value);
  return g_strdup (label != NULL ? label : value);
}

/* Set anew with each describe, so the rows read the labels it gives. */
static void
set_combo_labels (HdCaseEditor *self,
                  AdwComboRow  *combo,
                  HdCaseField   field)
{
  ComboLabel *data = g_new0 (ComboLabel, 1);
  g_autoptr(GtkExpression) expression = NULL;
  gboolean syncing = self->syncing;

  data->editor = self;
  data->field = field;
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (combo_label_cb), data, (GClosureNotify) (void (*) (void)) g_free);
  /* The row may drop its selection meanwhile: that is not the agent's
   * choice, and the draft keeps its value (set_list () selects it again). */
  self->syncing = TRUE;
  adw_combo_row_set_expression (combo, expression);
  self->syncing = syncing;
}

static void
apply_describe (HdCaseEditor *self)
{
  HdSfDescribe *describe = self->draft != NULL ? hd_case_draft_get_describe (self->draft) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      HdCaseField field = field_rows[i].field;
      const char *api_name = hd_case_field_get_api_name (field);
      GtkWidget *row = member (self, field_rows[i].row_offset);
      GtkWidget *combo = field_rows[i].combo_offset != 0 ? member (self, field_rows[i].combo_offset) : NULL;
      gboolean exists = describe == NULL || hd_sf_describe_has_field (describe, api_name);
      gboolean editable = describe == NULL || hd_sf_describe_is_updateable (describe, api_name);
      const char *label = describe != NULL ? hd_sf_describe_get_label (describe, api_name) : NULL;
      g_auto(GStrv) values = describe != NULL ? hd_case_draft_dup_picklist_values (self->draft, field) : NULL;

      if (!exists)
        gtk_widget_set_visible (member (self, field_rows[i].error_offset), FALSE);
      if (label == NULL)
        label = hd_case_field_get_title (api_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (combo != NULL)
        {
          GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
          guint length = describe != NULL ? hd_sf_describe_get_length (describe, api_name) : 0;

          self->picklist[field] = values != NULL;
          set_combo_labels (self, ADW_COMBO_ROW (combo), field);
          gtk_widget_set_visible (row, exists && values == NULL);
          gtk_widget_set_visible (combo, exists && values != NULL);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), label);
          gtk_widget_set_sensitive (combo, editable);
          gtk_editable_set_editable (GTK_EDITABLE (row), editable);
          if (GTK_IS_TEXT (delegate))
            gtk_text_set_max_length (GTK_TEXT (delegate), (int) MIN (length, (guint) G_MAXINT));
        }
      else
        {
          gtk_widget_set_visible (row, exists);
          gtk_widget_set_sensitive (row, editable);
          if (ADW_IS_COMBO_ROW (row))
            set_combo_labels (self, ADW_COMBO_ROW (row), field);
        }
      set_list (self, field);
    }
}

/* A dependent picklist's values change with its controlling field, and a
 * retired value the case had leaves the list once the field moves off it. */
static void
on_field_cb (HdCaseEditor *self)
{
  if (hd_case_draft_get_describe (self->draft) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    set_list (self, field_rows[i].field);
}

void
_hd_case_editor_connect_describe (HdCaseEditor *self)
{
  static const char * const controllers[] = {
    "notify::status", "notify::priority", "notify::case-type", "notify::subcategory",
    "notify::disposition", "notify::next-step",
  };

  g_signal_connect_swapped (self->draft, "notify::describe", G_CALLBACK (apply_describe), self);
  for (guint i = 0; i < G_N_ELEMENTS (controllers); i++)
    g_signal_connect_swapped (self->draft, controllers[i], G_CALLBACK (on_field_cb), self);
  apply_describe (self);
}
