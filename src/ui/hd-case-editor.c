/* hd-case-editor.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-case-editor-private.h"
#include "hd-ui-format.h"

G_DEFINE_FINAL_TYPE (HdCaseEditor, hd_case_editor, ADW_TYPE_BIN)

enum { PROP_0, PROP_HANDOFF, PROP_SF_CLIENT, PROP_OUTBOX, PROP_DRAFT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The rows of the fields. */

AdwComboRow *
_hd_case_editor_combo_for (HdCaseEditor   *self,
                           HdCaseField     field,
                           GtkStringList **model)
{
  AdwComboRow *combo = NULL;
  GtkStringList *list = NULL;

  switch (field)
    {
    case HD_CASE_FIELD_STATUS:
      combo = self->status_row, list = self->status_model;
      break;
    case HD_CASE_FIELD_PRIORITY:
      combo = self->priority_row, list = self->priority_model;
      break;
    case HD_CASE_FIELD_TYPE:
      combo = self->type_combo, list = self->type_model;
      break;
    case HD_CASE_FIELD_SUBCATEGORY:
      combo = self->subcategory_combo, list = self->subcategory_model;
      break;
    case HD_CASE_FIELD_DISPOSITION:
      combo = self->disposition_combo, list = self->disposition_model;
      break;
    case HD_CASE_FIELD_NEXT_STEP:
      combo = self->next_step_combo, list = self->next_step_model;
      break;
    case HD_CASE_FIELD_DESCRIPTION:
    case HD_CASE_N_FIELDS:
    default:
      break;
    }
  if (combo != NULL && field != HD_CASE_FIELD_STATUS && field != HD_CASE_FIELD_PRIORITY && !self->picklist[field])
    combo = NULL, list = NULL;
  if (model != NULL)
    *model = list;
  return combo;
}

static AdwComboRow *
combo_for (HdCaseEditor *self,
           HdCaseField   field)
{
  return _hd_case_editor_combo_for (self, field, NULL);
}

static AdwEntryRow *
entry_for (HdCaseEditor *self,
           HdCaseField   field)
{
  switch (field)
    {
    case HD_CASE_FIELD_TYPE:
      return self->type_row;
    case HD_CASE_FIELD_SUBCATEGORY:
      return self->subcategory_row;
    case HD_CASE_FIELD_DISPOSITION:
      return self->disposition_row;
    case HD_CASE_FIELD_NEXT_STEP:
      return self->next_step_row;
    case HD_CASE_FIELD_STATUS:
    case HD_CASE_FIELD_PRIORITY:
    case HD_CASE_FIELD_DESCRIPTION:
    case HD_CASE_N_FIELDS:
    default:
      return NULL;
    }
}

static char *
dup_combo_text (AdwComboRow *combo)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (combo);

  return g_strdup (item != NULL ? gtk_string_object_get_string (item) : "");
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_hd_case_editor_set_combo (AdwComboRow   *combo,
                           GtkStringList *model,
                           const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  if (text == NULL || *text == '\0')
    {
      adw_combo_row_set_selected (combo, GTK_INVALID_LIST_POSITION);
      return;
    }
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (model, i), text) == 0)
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }
  /* The org's picklist has a value our list lacks: show it, never hide it. */
  gtk_string_list_append (model, text);
  adw_combo_row_set_selected (combo, n);
}

/* The picklist rows follow the draft by hand (a binding cannot add the
 * org's values our lists lack); the other rows are bound in init. */
static void
sync_combos (HdCaseEditor *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      GtkStringList *model;
      AdwComboRow *combo = _hd_case_editor_combo_for (self, i, &model);

      if (combo != NULL)
        _hd_case_editor_set_combo (combo, model, hd_case_draft_get_field (self->draft, i));
    }
  self->syncing = FALSE;
}

static void
on_combo_selected_cb (HdCaseEditor *self,
                      GParamSpec   *pspec,
                      AdwComboRow  *row)
{
  if (self->syncing || self->draft == NULL)
    return;
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    if (combo_for (self, i) == row)
      {
        g_autofree char *text = dup_combo_text (row);

        hd_case_draft_set_field (self->draft, i, text);
      }
}

/* State shown. */

static gboolean
is_ended_offer (HdCaseEditor *self)
{
  HdHandoff *handoff = hd_case_draft_get_handoff (self->draft);

  if (handoff == NULL)
    return FALSE;
  switch (hd_handoff_get_state (handoff))
    {
    case HD_HANDOFF_STATE_DECLINED:
    case HD_HANDOFF_STATE_EXPIRED:
    case HD_HANDOFF_STATE_REVOKED:
      return TRUE;
    case HD_HANDOFF_STATE_OFFERED:
    case HD_HANDOFF_STATE_ACCEPTED:
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      return FALSE;
    }
}

/* "• Unsaved changes" only for what the agent changed: a new case the bot
 * prefilled is saved to be created, but nobody has edited it yet. */
static void
update_dirty_label (HdCaseEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->dirty_label),
                          hd_case_draft_get_edited (self->draft) && !is_ended_offer (self));
}

void
_hd_case_editor_update_actions (HdCaseEditor *self)
{
  HdOutboxEntry *attention = hd_case_draft_get_attention (self->draft);
  HdOutboxEntryState state = attention != NULL ? hd_outbox_entry_get_state (attention) : HD_OUTBOX_ENTRY_QUEUED;
  gboolean usable = hd_case_draft_get_connected (self->draft) && hd_case_draft_get_handoff (self->draft) != NULL &&
                    !hd_case_draft_get_saving (self->draft);

  /* An offer that ended before it was accepted has no case to keep. */
  usable = usable && !is_ended_offer (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save", usable && hd_case_draft_get_dirty (self->draft));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.resolve",
                                 usable && attention != NULL && state == HD_OUTBOX_ENTRY_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.discard",
                                 usable && attention != NULL && state == HD_OUTBOX_ENTRY_REJECTED);
}

static void
update_status (HdCaseEditor *self)
{
  HdCaseDraft *draft = self->draft;
  const char *case_id = hd_case_draft_get_case_id (draft);
  g_autofree char *text = NULL;
  gboolean ended = is_ended_offer (self);

  /* Read-only, and saying why, on an offer that was declined, expired or withdrawn. */
  gtk_widget_set_sensitive (self->editor_box, !ended);
  if (ended)
    {
      g_autofree char *why = hd_ui_format_ended_offer (hd_case_draft_get_handoff (draft));

      /* TRANSLATORS: %s says what happened to the offer, "You declined this offer (not my skill area)." */
      text = g_strdup_printf (_("%s The case cannot be edited."), why);
    }
  else if (!hd_case_draft_get_connected (draft) || hd_case_draft_get_handoff (draft) == NULL)
    text = NULL;
  else if (hd_case_draft_get_signed_out (draft))
    text = g_strdup (_("Not signed in to Salesforce. Saved edits wait in the outbox until you sign in."));
  else if (case_id == NULL && hd_case_draft_get_create_queued (draft))
    text = g_strdup (_("New case: its creation is queued; later edits follow it."));
  else if (case_id == NULL)
    text = g_strdup (_("New case: it is created in Salesforce when you save."));
  else if (hd_case_draft_get_loading (draft))
    text = g_strdup (_("Loading the case from Salesforce…"));
  else if (hd_case_draft_get_load_error (draft) != NULL)
    /* TRANSLATORS: %s is an error message */
    text = g_strdup_printf (_("Could not load the case (%s). The fields show what the bot captured."),
                            hd_case_draft_get_load_error (draft));
  else if (hd_case_draft_get_case_number (draft) != NULL)
    /* TRANSLATORS: %s is a Salesforce case number */
    text = g_strdup_printf (_("Case %s"), hd_case_draft_get_case_number (draft));
  else
    text = g_strdup (_("Existing case"));

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
show_field_errors (HdCaseEditor *self)
{
  GtkWidget *rows[HD_CASE_N_FIELDS] = {
    self->status_error_row, self->priority_error_row, self->type_error_row,
    self->subcategory_error_row, self->disposition_error_row, self->next_step_error_row,
    GTK_WIDGET (self->description_error_label),
  };
  GtkLabel *labels[HD_CASE_N_FIELDS] = {
    self->status_error_label, self->priority_error_label, self->type_error_label,
    self->subcategory_error_label, self->disposition_error_label, self->next_step_error_label,
    self->description_error_label,
  };
  GtkWidget *field_rows[HD_CASE_N_FIELDS] = {
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->priority_row), GTK_WIDGET (self->type_row),
    GTK_WIDGET (self->subcategory_row), GTK_WIDGET (self->disposition_row),
    GTK_WIDGET (self->next_step_row), GTK_WIDGET (self->description_view),
  };

  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *message = hd_case_draft_get_field_error (self->draft, i);
      /* A field the org gives as a picklist is edited in its combo row, not its entry
       * row: the one shown is marked, and neither keeps an old mark. */
      GtkWidget *combo = GTK_WIDGET (combo_for (self, i));
      GtkWidget *marks[] = { field_rows[i], i == HD_CASE_FIELD_STATUS || i == HD_CASE_FIELD_PRIORITY ? NULL : combo };
      GtkWidget *shown = combo != NULL ? combo : field_rows[i];

      gtk_label_set_text (labels[i], message != NULL ? message : "");
      gtk_widget_set_visible (rows[i], message != NULL);
      for (guint j = 0; j < G_N_ELEMENTS (marks); j++)
        {
          if (marks[j] == NULL || (message != NULL && marks[j] == shown))
            continue;
          gtk_widget_remove_css_class (marks[j], "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (marks[j]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (marks[j]), GTK_ACCESSIBLE_STATE_INVALID);
        }
      if (message != NULL)
        {
          gtk_widget_add_css_class (shown, "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (shown),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (shown),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
    }
}

/* An edit of ours in conflict or rejected: the box that says so, and the
 * fields Salesforce marked. */
static void
show_attention (HdCaseEditor *self)
{
  HdOutboxEntry *entry = hd_case_draft_get_attention (self->draft);
  HdOutboxEntryState state;

  show_field_errors (self);
  if (entry == NULL)
    {
      _hd_case_editor_show_remote_changes (self);
      return;
    }

  state = hd_outbox_entry_get_state (entry);
  if (state == HD_OUTBOX_ENTRY_CONFLICT)
    gtk_label_set_text (self->attention_label,
                        _("A colleague changed this case while you edited it. Choose, field by field, "
                          "which value to keep."));
  else
    {
      GPtrArray *errors = hd_outbox_entry_get_errors (entry);
      gboolean any_field = FALSE;
      g_autofree char *text = NULL;

      for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
        any_field = any_field || hd_case_draft_get_field_error (self->draft, i) != NULL;
      if (!any_field && errors != NULL && errors->len > 0)
        {
          HdSfApiError *first = g_ptr_array_index (errors, 0);

          /* TRANSLATORS: %s is Salesforce's error message */
          text = g_strdup_printf (_("Salesforce refused this change: %s"), first->message);
        }
      else
        text = g_strdup (_("Salesforce refused this change. Correct the marked fields and save again, "
                           "or discard the change."));
      gtk_label_set_text (self->attention_label, text);
    }
  gtk_widget_set_visible (self->discard_button, state == HD_OUTBOX_ENTRY_REJECTED);
  gtk_widget_set_visible (self->resolve_button, state == HD_OUTBOX_ENTRY_CONFLICT);
  gtk_widget_set_visible (self->attention_box, TRUE);
}

void
_hd_case_editor_toast (HdCaseEditor *self,
                       const char   *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* What the draft notifies. */

static void
on_draft_field_cb (HdCaseEditor *self)
{
  sync_combos (self);
}

static void
on_draft_state_cb (HdCaseEditor *self)
{
  update_status (self);
  update_dirty_label (self);
  _hd_case_editor_update_actions (self);
}

static void
unwatch_handoff (HdCaseEditor *self)
{
  if (self->watched == NULL)
    return;
  g_clear_signal_handler (&self->state_id, self->watched);
  g_object_remove_weak_pointer (G_OBJECT (self->watched), (gpointer *) &self->watched);
  self->watched = NULL;
}

/* The handoff's state decides whether its case can be edited. */
static void
on_draft_handoff_cb (HdCaseEditor *self)
{
  HdHandoff *handoff = hd_case_draft_get_handoff (self->draft);

  unwatch_handoff (self);
  if (handoff != NULL)
    {
      self->watched = handoff;
      g_object_add_weak_pointer (G_OBJECT (handoff), (gpointer *) &self->watched);
      self->state_id = g_signal_connect_swapped (handoff, "notify::state", G_CALLBACK (on_draft_state_cb), self);
    }
  on_draft_state_cb (self);
}

static void
on_draft_attention_cb (HdCaseEditor *self)
{
  show_attention (self);
  _hd_case_editor_update_actions (self);
}

static GParamSpec *
draft_field_pspec (HdCaseEditor *self,
                   HdCaseField   field)
{
  static const char * const names[HD_CASE_N_FIELDS] = {
    "status", "priority", "case-type", "subcategory", "disposition", "next-step", "description",
  };

  return g_object_class_find_property (G_OBJECT_GET_CLASS (self->draft), names[field]);
}

static void
bind_draft (HdCaseEditor *self)
{
  static const char * const state_props[] = {
    "handoff", "connected", "signed-out", "dirty", "saving", "loading", "load-error",
    "case-id", "case-number", "create-queued",
  };
  static const struct
  {
    HdCaseField  field;
    const char  *prop;
  } entries[] = {
    { HD_CASE_FIELD_TYPE, "case-type" },
    { HD_CASE_FIELD_SUBCATEGORY, "subcategory" },
    { HD_CASE_FIELD_DISPOSITION, "disposition" },
    { HD_CASE_FIELD_NEXT_STEP, "next-step" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_object_bind_property (self->draft, entries[i].prop, entry_for (self, entries[i].field), "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->draft, "description", gtk_text_view_get_buffer (self->description_view), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->draft, "comment", gtk_text_view_get_buffer (self->comment_view), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The description is a text view, never a list. */
  for (guint i = 0; i < HD_CASE_FIELD_DESCRIPTION; i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", g_param_spec_get_name (draft_field_pspec (self, i)), NULL);

      g_signal_connect_swapped (self->draft, signal, G_CALLBACK (on_draft_field_cb), self);
    }

  /* Any change of the draft may change whether the agent edited it. */
  g_signal_connect_swapped (self->draft, "notify", G_CALLBACK (update_dirty_label), self);
  g_signal_connect_swapped (self->draft, "notify::handoff", G_CALLBACK (on_draft_handoff_cb), self);
  g_object_bind_property (self->draft, "saving", self->spinner, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->draft, "saving", self->spinner, "spinning", G_BINDING_SYNC_CREATE);
  /* Two boxes rather than a GtkStack: GTK 4.8's stack asks for far more
   * width than its pages when they wrap text, and the pane's columns are narrow. */
  g_object_bind_property (self->draft, "connected", self->editor_box, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->draft, "connected", self->disconnected_box, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  for (guint i = 0; i < G_N_ELEMENTS (state_props); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", state_props[i], NULL);

      g_signal_connect_swapped (self->draft, signal, G_CALLBACK (on_draft_state_cb), self);
    }
  g_signal_connect_swapped (self->draft, "notify::attention", G_CALLBACK (on_draft_attention_cb), self);
  g_signal_connect_swapped (self->draft, "remote-changed", G_CALLBACK (on_draft_attention_cb), self);
  _hd_case_editor_connect_draft_signals (self);
  _hd_case_editor_connect_describe (self);
}

/* GObject. */

static void
hd_case_editor_dispose (GObject *object)
{
  HdCaseEditor *self = HD_CASE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->conflict_dialog != NULL)
    gtk_window_destroy (self->conflict_dialog);
  unwatch_handoff (self);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_CASE_EDITOR);

  G_OBJECT_CLASS (hd_case_editor_parent_class)->dispose (object);
}

static void
hd_case_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HdCaseEditor *self = HD_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, hd_case_editor_get_handoff (self));
      break;
    case PROP_SF_CLIENT:
      g_value_set_object (value, hd_case_editor_get_sf_client (self));
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, hd_case_editor_get_outbox (self));
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_case_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HdCaseEditor *self = HD_CASE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_case_editor_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_SF_CLIENT:
      hd_case_editor_set_sf_client (self, g_value_get_object (value));
      break;
    case PROP_OUTBOX:
      hd_case_editor_set_outbox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_case_editor_class_init (HdCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_case_editor_dispose;
  object_class->get_property = hd_case_editor_get_property;
  object_class->set_property = hd_case_editor_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SF_CLIENT] =
    g_param_spec_object ("sf-client", NULL, NULL, HD_TYPE_SF_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, HD_TYPE_OUTBOX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, HD_TYPE_CASE_DRAFT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-case-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, dirty_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disconnected_box);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, editor_box);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, attention_box);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, attention_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, discard_button);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, status_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, priority_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, subcategory_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disposition_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, next_step_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, type_combo);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, type_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, subcategory_combo);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, subcategory_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disposition_combo);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disposition_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, next_step_combo);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, next_step_model);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, status_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, status_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, priority_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, priority_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, type_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, type_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, subcategory_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, subcategory_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disposition_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, disposition_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, next_step_error_row);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, next_step_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, description_error_label);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, comment_view);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, HdCaseEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_combo_selected_cb);

  gtk_widget_class_install_action (widget_class, "case.save", NULL, _hd_case_editor_save_action);
  gtk_widget_class_install_action (widget_class, "case.resolve", NULL, _hd_case_editor_resolve_action);
  gtk_widget_class_install_action (widget_class, "case.discard", NULL, _hd_case_editor_discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "case.save", NULL);
}

static void
hd_case_editor_init (HdCaseEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Screen readers name the text inside an entry row by the row's title, and hear its
   * focus (hd-a11y.h). */
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      AdwEntryRow *row = entry_for (self, i);

      if (row != NULL)
        hd_a11y_expose_editable (GTK_EDITABLE (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  /* The text views are named by the template, not also by their headings (hd-a11y.h). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->description_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->comment_view), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  self->draft = hd_case_draft_new ();
  bind_draft (self);
  on_draft_handoff_cb (self);
}

GtkWidget *
hd_case_editor_new (void)
{
  return g_object_new (HD_TYPE_CASE_EDITOR, NULL);
}

HdCaseDraft *
hd_case_editor_get_draft (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->draft;
}

HdHandoff *
hd_case_editor_get_handoff (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return hd_case_draft_get_handoff (self->draft);
}

void
hd_case_editor_set_handoff (HdCaseEditor *self,
                            HdHandoff    *handoff)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));

  if (hd_case_draft_get_handoff (self->draft) == handoff)
    return;
  hd_case_draft_set_handoff (self->draft, handoff);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

HdSfClient *
hd_case_editor_get_sf_client (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return hd_case_draft_get_sf_client (self->draft);
}

void
hd_case_editor_set_sf_client (HdCaseEditor *self,
                              HdSfClient   *client)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));

  if (hd_case_draft_get_sf_client (self->draft) == client)
    return;
  hd_case_draft_set_sf_client (self->draft, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SF_CLIENT]);
}

HdOutbox *
hd_case_editor_get_outbox (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return hd_case_draft_get_outbox (self->draft);
}

void
hd_case_editor_set_outbox (HdCaseEditor *self,
                           HdOutbox     *outbox)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));

  if (hd_case_draft_get_outbox (self->draft) == outbox)
    return;
  hd_case_draft_set_outbox (self->draft, outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

char *
hd_case_editor_dup_field_text (HdCaseEditor *self,
                               const char   *api_name)
{
  int field;
  AdwComboRow *combo;
  AdwEntryRow *entry;

  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  field = hd_case_field_from_api_name (api_name);
  g_return_val_if_fail (field >= 0, NULL);

  combo = combo_for (self, field);
  entry = entry_for (self, field);
  if (combo != NULL)
    return dup_combo_text (combo);
  if (entry != NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  return dup_buffer_text (self->description_view);
}

void
hd_case_editor_set_field_text (HdCaseEditor *self,
                               const char   *api_name,
                               const char   *text)
{
  int field;
  AdwEntryRow *entry;
  GtkStringList *model;

  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  field = hd_case_field_from_api_name (api_name);
  g_return_if_fail (field >= 0);

  entry = entry_for (self, field);
  if (text == NULL)
    text = "";
  if (_hd_case_editor_combo_for (self, field, &model) != NULL)
    _hd_case_editor_set_combo (_hd_case_editor_combo_for (self, field, NULL), model, text);
  else if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), text, -1);
}

void
hd_case_editor_set_comment (HdCaseEditor *self,
                            const char   *text)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), text != NULL ? text : "", -1);
}

GtkWindow *
hd_case_editor_get_conflict_dialog (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->conflict_dialog;
}
