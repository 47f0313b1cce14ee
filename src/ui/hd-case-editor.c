/* hd-case-editor.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-case-editor-private.h"
#include "hd-error.h"
#include "hd-packet.h"
#include "hd-ui-format.h"

const char * const _hd_case_editor_field_api[N_FIELDS] = {
  HD_SF_CASE_STATUS,
  HD_SF_CASE_PRIORITY,
  HD_SF_CASE_TYPE,
  HD_SF_CASE_SUBCATEGORY,
  HD_SF_CASE_DISPOSITION,
  HD_SF_CASE_NEXT_STEP,
  HD_SF_CASE_DESCRIPTION,
};

/* What the agent typed in a chat they switched away from before saving. */
typedef struct
{
  char *fields[N_FIELDS];
  char *comment;
} Draft;

static void
draft_free (Draft *draft)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (draft->fields[i]);
  g_free (draft->comment);
  g_free (draft);
}

G_DEFINE_FINAL_TYPE (HdCaseEditor, hd_case_editor, ADW_TYPE_BIN)

enum { PROP_0, PROP_HANDOFF, PROP_SF_CLIENT, PROP_OUTBOX, PROP_DIRTY, PROP_CASE_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void load (HdCaseEditor *self);

/* Field names and values. */

const char *
hd_case_field_get_title (const char *api_name)
{
  if (g_strcmp0 (api_name, HD_SF_CASE_STATUS) == 0)
    return _("Status");
  if (g_strcmp0 (api_name, HD_SF_CASE_PRIORITY) == 0)
    return _("Priority");
  if (g_strcmp0 (api_name, HD_SF_CASE_TYPE) == 0)
    return _("Type");
  if (g_strcmp0 (api_name, HD_SF_CASE_SUBCATEGORY) == 0)
    return _("Subcategory");
  if (g_strcmp0 (api_name, HD_SF_CASE_DISPOSITION) == 0)
    return _("Disposition");
  if (g_strcmp0 (api_name, HD_SF_CASE_NEXT_STEP) == 0)
    return _("Next step");
  if (g_strcmp0 (api_name, HD_SF_CASE_DESCRIPTION) == 0)
    return _("Description");
  if (g_strcmp0 (api_name, "CommentBody") == 0)
    return _("Internal comment");
  return api_name;
}

char *
hd_case_field_dup_value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
    }
  return json_to_string (node, FALSE);
}

int
_hd_case_editor_field_from_api (const char *api_name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (_hd_case_editor_field_api[i], api_name) == 0)
      return (int) i;
  return -1;
}

static AdwComboRow *
combo_for (HdCaseEditor *self,
           Field         field)
{
  if (field == FIELD_STATUS)
    return self->status_row;
  if (field == FIELD_PRIORITY)
    return self->priority_row;
  return NULL;
}

static AdwEntryRow *
entry_for (HdCaseEditor *self,
           Field         field)
{
  switch (field)
    {
    case FIELD_TYPE:
      return self->type_row;
    case FIELD_SUBCATEGORY:
      return self->subcategory_row;
    case FIELD_DISPOSITION:
      return self->disposition_row;
    case FIELD_NEXT_STEP:
      return self->next_step_row;
    case FIELD_STATUS:
    case FIELD_PRIORITY:
    case FIELD_DESCRIPTION:
    case N_FIELDS:
    default:
      return NULL;
    }
}

char *
_hd_case_editor_dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

char *
_hd_case_editor_dup_field (HdCaseEditor *self,
                           Field         field)
{
  AdwComboRow *combo = combo_for (self, field);
  AdwEntryRow *entry = entry_for (self, field);

  if (combo != NULL)
    {
      GtkStringObject *item = adw_combo_row_get_selected_item (combo);

      return g_strdup (item != NULL ? gtk_string_object_get_string (item) : "");
    }
  if (entry != NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  return _hd_case_editor_dup_buffer_text (self->description_view);
}

static void
set_combo (AdwComboRow   *combo,
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

void
_hd_case_editor_set_field (HdCaseEditor *self,
                           Field         field,
                           const char   *text)
{
  AdwEntryRow *entry = entry_for (self, field);

  if (text == NULL)
    text = "";
  if (field == FIELD_STATUS)
    set_combo (self->status_row, self->status_model, text);
  else if (field == FIELD_PRIORITY)
    set_combo (self->priority_row, self->priority_model, text);
  else if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), text, -1);
}

/* What the agent's text is compared with: the case's value when known,
 * else what was prefilled (an existing case not loaded yet), else nothing
 * (a case still to be created). */
const char *
_hd_case_editor_reference (HdCaseEditor *self,
                           Field         field)
{
  if (self->base[field] != NULL)
    return self->base[field];
  if (self->create && self->case_id == NULL && !self->create_queued)
    return "";
  return self->prefill[field] != NULL ? self->prefill[field] : "";
}

/* State shown. */

gboolean
_hd_case_editor_is_connected (HdCaseEditor *self)
{
  return self->client != NULL && self->outbox != NULL;
}

gboolean
_hd_case_editor_has_comment (HdCaseEditor *self)
{
  g_autofree char *comment = _hd_case_editor_dup_buffer_text (self->comment_view);

  return *g_strstrip (comment) != '\0';
}

void
_hd_case_editor_update_actions (HdCaseEditor *self)
{
  gboolean usable = _hd_case_editor_is_connected (self) && self->handoff != NULL && !self->saving;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save", usable && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.resolve",
                                 usable && self->attention_id != NULL &&
                                 self->attention_state == HD_OUTBOX_ENTRY_CONFLICT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.discard",
                                 usable && self->attention_id != NULL &&
                                 self->attention_state == HD_OUTBOX_ENTRY_REJECTED);
}

void
_hd_case_editor_update_dirty (HdCaseEditor *self)
{
  gboolean dirty = FALSE;

  if (_hd_case_editor_is_connected (self) && self->handoff != NULL)
    {
      for (guint i = 0; i < N_FIELDS && !dirty; i++)
        {
          g_autofree char *text = _hd_case_editor_dup_field (self, i);

          dirty = g_strcmp0 (text, _hd_case_editor_reference (self, i)) != 0;
        }
      dirty = dirty || _hd_case_editor_has_comment (self);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->dirty_label), dirty);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  _hd_case_editor_update_actions (self);
}

void
_hd_case_editor_update_status (HdCaseEditor *self)
{
  g_autofree char *text = NULL;

  if (!_hd_case_editor_is_connected (self) || self->handoff == NULL)
    text = NULL;
  else if (self->auth != NULL && !hd_sf_auth_get_signed_in (self->auth))
    text = g_strdup (_("Not signed in to Salesforce. Saved edits wait in the outbox until you sign in."));
  else if (self->case_id == NULL && self->create_queued)
    text = g_strdup (_("New case: its creation is queued; later edits follow it."));
  else if (self->case_id == NULL)
    text = g_strdup (_("New case: it is created in Salesforce when you save."));
  else if (self->loading)
    text = g_strdup (_("Loading the case from Salesforce…"));
  else if (self->load_error != NULL)
    /* TRANSLATORS: %s is an error message */
    text = g_strdup_printf (_("Could not load the case (%s). The fields show what the bot captured."),
                            self->load_error);
  else if (self->case_number != NULL)
    /* TRANSLATORS: %s is a Salesforce case number */
    text = g_strdup_printf (_("Case %s"), self->case_number);
  else
    text = g_strdup (_("Existing case"));

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

static void
show_field_errors (HdCaseEditor *self)
{
  GtkWidget *rows[N_FIELDS] = {
    self->status_error_row, self->priority_error_row, self->type_error_row,
    self->subcategory_error_row, self->disposition_error_row, self->next_step_error_row,
    GTK_WIDGET (self->description_error_label),
  };
  GtkLabel *labels[N_FIELDS] = {
    self->status_error_label, self->priority_error_label, self->type_error_label,
    self->subcategory_error_label, self->disposition_error_label, self->next_step_error_label,
    self->description_error_label,
  };
  GtkWidget *field_rows[N_FIELDS] = {
    GTK_WIDGET (self->status_row), GTK_WIDGET (self->priority_row), GTK_WIDGET (self->type_row),
    GTK_WIDGET (self->subcategory_row), GTK_WIDGET (self->disposition_row),
    GTK_WIDGET (self->next_step_row), GTK_WIDGET (self->description_view),
  };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = self->field_errors[i];

      gtk_label_set_text (labels[i], message != NULL ? message : "");
      gtk_widget_set_visible (rows[i], message != NULL);
      if (message != NULL)
        {
          gtk_widget_add_css_class (field_rows[i], "error");
          gtk_accessible_update_property (GTK_ACCESSIBLE (field_rows[i]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          gtk_accessible_update_state (GTK_ACCESSIBLE (field_rows[i]),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (field_rows[i], "error");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (field_rows[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field_rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
}

void
_hd_case_editor_clear_attention (HdCaseEditor *self)
{
  g_clear_pointer (&self->attention_id, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->field_errors[i], g_free);
  show_field_errors (self);
  gtk_widget_set_visible (self->attention_box, FALSE);
  _hd_case_editor_update_actions (self);
}

void
_hd_case_editor_show_attention (HdCaseEditor  *self,
                                HdOutboxEntry *entry)
{
  HdOutboxEntryState state = hd_outbox_entry_get_state (entry);

  g_free (self->attention_id);
  self->attention_id = g_strdup (hd_outbox_entry_get_id (entry));
  self->attention_state = state;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = state == HD_OUTBOX_ENTRY_REJECTED
                              ? hd_outbox_entry_get_field_error (entry, _hd_case_editor_field_api[i]) : NULL;

      g_free (self->field_errors[i]);
      self->field_errors[i] = g_strdup (message);
    }
  show_field_errors (self);

  /* A refused change is not saved: the fields it sets count as unsaved
   * again, and saving amends the entry. */
  if (state == HD_OUTBOX_ENTRY_REJECTED && hd_outbox_entry_get_kind (entry) == HD_OUTBOX_KIND_UPDATE)
    for (guint i = 0; i < N_FIELDS; i++)
      {
        const char *name = _hd_case_editor_field_api[i];

        if (hd_outbox_entry_get_value (entry, name) != NULL && self->base[i] != NULL)
          {
            g_free (self->base[i]);
            self->base[i] = hd_case_field_dup_value_text (hd_outbox_entry_get_base_value (entry, name));
          }
      }

  if (state == HD_OUTBOX_ENTRY_CONFLICT)
    gtk_label_set_text (self->attention_label,
                        _("A colleague changed this case while you edited it. Choose, field by field, "
                          "which value to keep."));
  else
    {
      GPtrArray *errors = hd_outbox_entry_get_errors (entry);
      gboolean any_field = FALSE;
      g_autofree char *text = NULL;

      for (guint i = 0; i < N_FIELDS; i++)
        any_field = any_field || self->field_errors[i] != NULL;
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
  _hd_case_editor_update_dirty (self);
}

void
_hd_case_editor_toast (HdCaseEditor *self,
                       const char   *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static void
update_page (HdCaseEditor *self)
{
  /* Two boxes rather than a GtkStack: GTK 4.8's stack asks for far more
   * width than its pages when they wrap text, and the pane's columns are narrow. */
  gtk_widget_set_visible (self->editor_box, _hd_case_editor_is_connected (self));
  gtk_widget_set_visible (self->disconnected_box, !_hd_case_editor_is_connected (self));
  _hd_case_editor_update_status (self);
  _hd_case_editor_update_dirty (self);
}

/* Loading: the packet first, then the case. */

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (text, '\n');
  /* TRANSLATORS: a detail the bot captured, e.g. "Country: United Arab Emirates" */
  g_string_append_printf (text, _("%s: %s"), label, value);
}

/* The bot's summary, then every detail it captured: the agent types none of
 * it again. */
static char *
build_description (HdPacket *packet)
{
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  GListModel *form = hd_case_fields_get_form_fields (case_fields);
  GListModel *entities = hd_packet_get_entities (packet);
  const char *summary = hd_summary_get_text (hd_packet_get_summary (packet));
  GString *text = g_string_new (summary != NULL ? summary : "");
  GString *details = g_string_new (NULL);
  guint n_form = form != NULL ? g_list_model_get_n_items (form) : 0;
  guint n_entities = entities != NULL ? g_list_model_get_n_items (entities) : 0;

  for (guint i = 0; i < n_form; i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (form, i);
      g_autofree char *name = hd_ui_format_token (hd_field_get_name (field));
      const char *label = hd_field_get_label (field);

      append_line (details, label != NULL ? label : name, hd_field_get_value (field));
    }
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (entities, i);
      g_autofree char *name = hd_ui_format_token (hd_field_get_name (field));
      const char *label = hd_field_get_label (field);

      append_line (details, label != NULL ? label : name, hd_field_get_value (field));
    }

  if (details->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, _("Captured by the bot:"));
      g_string_append (text, details->str);
    }
  g_string_free (details, TRUE);
  return g_string_free (text, FALSE);
}

static void
prefill_from_packet (HdCaseEditor *self,
                     HdPacket     *packet)
{
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  const char *priority = hd_priority_to_string (hd_routing_get_priority (hd_packet_get_routing (packet)));

  self->prefill[FIELD_STATUS] = g_strdup ("New");
  self->prefill[FIELD_PRIORITY] = g_strdup (hd_sf_case_priority_from_packet (priority));
  self->prefill[FIELD_TYPE] = g_strdup (hd_case_fields_get_case_type (case_fields));
  self->prefill[FIELD_SUBCATEGORY] = g_strdup (hd_case_fields_get_subcategory (case_fields));
  self->prefill[FIELD_DISPOSITION] = g_strdup (hd_case_fields_get_disposition (case_fields));
  self->prefill[FIELD_NEXT_STEP] = g_strdup (hd_case_fields_get_next_best_action (case_fields));
  self->prefill[FIELD_DESCRIPTION] = build_description (packet);
  for (guint i = 0; i < N_FIELDS; i++)
    _hd_case_editor_set_field (self, i, self->prefill[i]);
}

/* Edits of ours the outbox still holds for this case, after a restart or a
 * switch between chats: a queued create, or one that needs the agent. */
static void
scan_outbox (HdCaseEditor *self)
{
  g_autoptr(GPtrArray) entries = hd_outbox_dup_entries (self->outbox);

  for (guint i = 0; i < entries->len; i++)
    {
      HdOutboxEntry *entry = g_ptr_array_index (entries, i);
      const char *record = hd_outbox_entry_get_record_id (entry);
      const char *key = hd_outbox_entry_get_link_key (entry);
      HdOutboxEntryState state = hd_outbox_entry_get_state (entry);
      gboolean ours = (self->case_id != NULL && g_strcmp0 (record, self->case_id) == 0) ||
                      (self->link_key != NULL && g_strcmp0 (key, self->link_key) == 0);

      if (!ours)
        continue;
      if (hd_outbox_entry_get_kind (entry) == HD_OUTBOX_KIND_CREATE)
        self->create_queued = TRUE;
      if (state == HD_OUTBOX_ENTRY_CONFLICT || state == HD_OUTBOX_ENTRY_REJECTED)
        _hd_case_editor_show_attention (self, entry);
      else
        g_ptr_array_add (self->pending_ids, g_strdup (hd_outbox_entry_get_id (entry)));
    }
}

static void
reset (HdCaseEditor *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_editor_op_free);
  self->saving = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->case_number, g_free);
  g_clear_pointer (&self->link_key, g_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_clear_pointer (&self->prefill[i], g_free);
      g_clear_pointer (&self->base[i], g_free);
    }
  g_ptr_array_set_size (self->pending_ids, 0);
  self->create = FALSE;
  self->create_queued = FALSE;
  self->context_loaded = FALSE;
  self->loading = FALSE;
  self->queued_toasted = FALSE;
  _hd_case_editor_clear_attention (self);
}

/* Switching chats never drops what the agent typed: the unsaved edits wait
 * in memory until the agent comes back to that chat. */
static void
stash_draft (HdCaseEditor *self)
{
  Draft *draft;

  if (self->link_key == NULL || !self->dirty)
    return;
  draft = g_new0 (Draft, 1);
  for (guint i = 0; i < N_FIELDS; i++)
    draft->fields[i] = _hd_case_editor_dup_field (self, i);
  draft->comment = _hd_case_editor_dup_buffer_text (self->comment_view);
  g_hash_table_replace (self->drafts, g_strdup (self->link_key), draft);
}

static void
restore_draft (HdCaseEditor *self)
{
  Draft *draft = self->link_key != NULL ? g_hash_table_lookup (self->drafts, self->link_key) : NULL;

  if (draft == NULL)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    _hd_case_editor_set_field (self, i, draft->fields[i]);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), draft->comment, -1);
  g_hash_table_remove (self->drafts, self->link_key);
}

static void
load (HdCaseEditor *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;
  HdCaseFields *case_fields;

  reset (self);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), "", -1);
  if (packet == NULL)
    {
      for (guint i = 0; i < N_FIELDS; i++)
        _hd_case_editor_set_field (self, i, NULL);
      update_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
      return;
    }

  case_fields = hd_packet_get_case_fields (packet);
  self->link_key = g_strdup (hd_packet_get_handoff_id (packet));
  self->case_id = g_strdup (hd_case_fields_get_case_id (case_fields));
  self->create = self->case_id == NULL;
  prefill_from_packet (self, packet);
  restore_draft (self);

  if (_hd_case_editor_is_connected (self))
    {
      if (self->case_id == NULL && self->link_key != NULL)
        self->case_id = g_strdup (hd_outbox_lookup_link (self->outbox, self->link_key));
      scan_outbox (self);
      _hd_case_editor_fetch_context (self);
    }
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

static char *
record_text (JsonObject *record,
             const char *field)
{
  return hd_case_field_dup_value_text (json_object_get_member (record, field));
}

/* Applies the case as Salesforce has it.  A field the agent has not
 * touched takes the server's value (on the first load only when there is
 * one, so the bot's prefill fills the blanks); a field the agent changed
 * keeps the agent's text. */
static void
apply_case (HdCaseEditor *self,
            JsonObject   *record)
{
  gboolean first = !self->context_loaded;
  /* While an edit of ours is on its way or waits for the agent, the case
   * is in flux: the fields keep what the agent wrote. */
  gboolean settled = first || (self->pending_ids->len == 0 && self->attention_id == NULL && !self->saving);

  for (guint i = 0; i < N_FIELDS && settled; i++)
    {
      g_autofree char *server = record_text (record, _hd_case_editor_field_api[i]);
      g_autofree char *text = _hd_case_editor_dup_field (self, i);
      gboolean untouched = g_strcmp0 (text, _hd_case_editor_reference (self, i)) == 0 ||
                           (first && g_strcmp0 (text, self->prefill[i]) == 0);

      if (untouched && (!first || *server != '\0'))
        _hd_case_editor_set_field (self, i, server);
      g_free (self->base[i]);
      self->base[i] = g_steal_pointer (&server);
    }
  g_free (self->last_modified);
  self->last_modified = g_strdup (json_object_get_string_member_with_default (record, "LastModifiedDate", NULL));
  g_free (self->case_number);
  self->case_number = g_strdup (json_object_get_string_member_with_default (record, "CaseNumber", NULL));
  self->context_loaded = TRUE;
}

static void
finish_load (HdCaseEditor *self,
             JsonObject   *record,
             GError       *error)
{
  self->loading = FALSE;
  g_clear_pointer (&self->load_error, g_free);
  if (record == NULL)
    {
      /* Shown in the editor's status line; the fields keep the packet's values. */
      g_debug ("Could not load case: %s", error->message);
      self->load_error = g_strdup (error->message);
    }
  else
    apply_case (self, record);
  _hd_case_editor_update_status (self);
  _hd_case_editor_update_dirty (self);
}

static void
get_record_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HdCaseEditor *self = user_data;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  record = hd_sf_client_get_record_finish (HD_SF_CLIENT (object), result, &error);
  if (record == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another handoff, or disposed: do not touch self */
  finish_load (self, record, error);
}

static void
fetch_context_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HdCaseEditor *self = user_data;
  g_autoptr(HdSfCaseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = hd_sf_client_fetch_case_context_finish (HD_SF_CLIENT (object), result, &error);
  if (context == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another handoff, or disposed: do not touch self */

  if (context == NULL && g_error_matches (error, HD_ERROR, HD_ERROR_HTTP))
    {
      /* The case may be fine when its customer is not (a deleted or
       * unshared account): the editor needs only the case. */
      g_debug ("Could not load case context, reading the case alone: %s", error->message);
      hd_sf_client_get_record_async (self->client, "Case", self->case_id, self->cancellable,
                                     get_record_cb, self);
      return;
    }
  finish_load (self, context != NULL ? context->case_record : NULL, error);
}

void
_hd_case_editor_fetch_context (HdCaseEditor *self)
{
  if (!_hd_case_editor_is_connected (self) || self->case_id == NULL || self->auth == NULL ||
      !hd_sf_auth_get_signed_in (self->auth) || !hd_sf_is_valid_id (self->case_id))
    return;

  self->loading = TRUE;
  hd_sf_client_fetch_case_context_async (self->client, self->case_id, self->cancellable,
                                         fetch_context_cb, self);
  _hd_case_editor_update_status (self);
}

static void
on_field_changed_cb (HdCaseEditor *self)
{
  _hd_case_editor_update_dirty (self);
}

/* Connections. */

static void
disconnect_sources (HdCaseEditor *self)
{
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
}

static void
connect_sources (HdCaseEditor *self)
{
  g_clear_object (&self->auth);
  if (self->client != NULL)
    {
      self->auth = g_object_ref (hd_sf_client_get_auth (self->client));
      g_signal_connect_swapped (self->auth, "notify::signed-in",
                                G_CALLBACK (_hd_case_editor_on_signed_in_cb), self);
    }
  if (self->outbox != NULL)
    {
      g_signal_connect_swapped (self->outbox, "sent",
                                G_CALLBACK (_hd_case_editor_on_outbox_sent_cb), self);
      g_signal_connect_swapped (self->outbox, "conflict",
                                G_CALLBACK (_hd_case_editor_on_outbox_conflict_cb), self);
      g_signal_connect_swapped (self->outbox, "rejected",
                                G_CALLBACK (_hd_case_editor_on_outbox_rejected_cb), self);
      g_signal_connect_swapped (self->outbox, "case-linked",
                                G_CALLBACK (_hd_case_editor_on_outbox_case_linked_cb), self);
      g_signal_connect_swapped (self->outbox, "notify::state",
                                G_CALLBACK (_hd_case_editor_on_outbox_state_cb), self);
    }
}

static void
hd_case_editor_dispose (GObject *object)
{
  HdCaseEditor *self = HD_CASE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->conflict_dialog != NULL)
    gtk_window_destroy (self->conflict_dialog);
  disconnect_sources (self);
  g_clear_object (&self->auth);
  g_clear_object (&self->handoff);
  g_clear_object (&self->client);
  g_clear_object (&self->outbox);
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_editor_op_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_CASE_EDITOR);

  G_OBJECT_CLASS (hd_case_editor_parent_class)->dispose (object);
}

static void
hd_case_editor_finalize (GObject *object)
{
  HdCaseEditor *self = HD_CASE_EDITOR (object);

  g_free (self->case_id);
  g_free (self->case_number);
  g_free (self->link_key);
  g_free (self->load_error);
  g_free (self->last_modified);
  g_free (self->attention_id);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->prefill[i]);
      g_free (self->base[i]);
      g_free (self->field_errors[i]);
    }
  g_ptr_array_unref (self->pending_ids);
  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (hd_case_editor_parent_class)->finalize (object);
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
      g_value_set_object (value, self->handoff);
      break;
    case PROP_SF_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
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
  object_class->finalize = hd_case_editor_finalize;
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
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CASE_ID] =
    g_param_spec_string ("case-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "case.save", NULL, _hd_case_editor_save_action);
  gtk_widget_class_install_action (widget_class, "case.resolve", NULL, _hd_case_editor_resolve_action);
  gtk_widget_class_install_action (widget_class, "case.discard", NULL, _hd_case_editor_discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "case.save", NULL);
}

static void
hd_case_editor_init (HdCaseEditor *self)
{
  self->pending_ids = g_ptr_array_new_with_free_func (g_free);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) draft_free);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->ops);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  /* Screen readers name the text inside an entry row by the row's title. */
  for (guint i = 0; i < N_FIELDS; i++)
    {
      AdwEntryRow *row = entry_for (self, i);

      if (row != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
    }
  update_page (self);
}

GtkWidget *
hd_case_editor_new (void)
{
  return g_object_new (HD_TYPE_CASE_EDITOR, NULL);
}

HdHandoff *
hd_case_editor_get_handoff (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->handoff;
}

void
hd_case_editor_set_handoff (HdCaseEditor *self,
                            HdHandoff    *handoff)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;
  stash_draft (self);
  g_set_object (&self->handoff, handoff);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

HdSfClient *
hd_case_editor_get_sf_client (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->client;
}

void
hd_case_editor_set_sf_client (HdCaseEditor *self,
                              HdSfClient   *client)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  g_return_if_fail (client == NULL || HD_IS_SF_CLIENT (client));

  if (self->client == client)
    return;
  disconnect_sources (self);
  g_set_object (&self->client, client);
  connect_sources (self);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SF_CLIENT]);
}

HdOutbox *
hd_case_editor_get_outbox (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->outbox;
}

void
hd_case_editor_set_outbox (HdCaseEditor *self,
                           HdOutbox     *outbox)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  g_return_if_fail (outbox == NULL || HD_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  disconnect_sources (self);
  g_set_object (&self->outbox, outbox);
  connect_sources (self);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

gboolean
hd_case_editor_get_dirty (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), FALSE);
  return self->dirty;
}

const char *
hd_case_editor_get_case_id (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->case_id;
}

gboolean
hd_case_editor_get_connected (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), FALSE);
  return _hd_case_editor_is_connected (self);
}

char *
hd_case_editor_dup_field_text (HdCaseEditor *self,
                               const char   *api_name)
{
  int field;

  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  field = _hd_case_editor_field_from_api (api_name);
  g_return_val_if_fail (field >= 0, NULL);
  return _hd_case_editor_dup_field (self, field);
}

void
hd_case_editor_set_field_text (HdCaseEditor *self,
                               const char   *api_name,
                               const char   *text)
{
  int field;

  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  field = _hd_case_editor_field_from_api (api_name);
  g_return_if_fail (field >= 0);
  _hd_case_editor_set_field (self, field, text);
}

void
hd_case_editor_set_comment (HdCaseEditor *self,
                            const char   *text)
{
  g_return_if_fail (HD_IS_CASE_EDITOR (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), text != NULL ? text : "", -1);
}

const char *
hd_case_editor_get_field_error (HdCaseEditor *self,
                                const char   *api_name)
{
  int field;

  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  field = _hd_case_editor_field_from_api (api_name);
  g_return_val_if_fail (field >= 0, NULL);
  return self->field_errors[field];
}

GtkWindow *
hd_case_editor_get_conflict_dialog (HdCaseEditor *self)
{
  g_return_val_if_fail (HD_IS_CASE_EDITOR (self), NULL);
  return self->conflict_dialog;
}
