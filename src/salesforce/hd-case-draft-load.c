/* hd-case-draft-load.c: loading from the packet and the case, and the
 * drafts kept per handoff
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-draft"

#include "config.h"

#include "hd-case-draft-private.h"
#include "hd-draft-store.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-sf-util.h"

/* What the agent typed in a chat they switched away from before saving. */
typedef struct
{
  char *fields[HD_CASE_N_FIELDS];
  char *comment;
} Draft;

static void
draft_free (Draft *draft)
{
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    g_free (draft->fields[i]);
  g_free (draft->comment);
  g_free (draft);
}

GHashTable *
_hd_case_draft_new_draft_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) draft_free);
}

/* Loading: the packet first, then the case. */

static void
prefill_from_packet (HdCaseDraft *self,
                     HdPacket    *packet)
{
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  const char *priority = hd_priority_to_string (hd_routing_get_priority (hd_packet_get_routing (packet)));

  self->prefill[HD_CASE_FIELD_STATUS] = g_strdup ("New");
  self->prefill[HD_CASE_FIELD_PRIORITY] = g_strdup (hd_sf_case_priority_from_packet (priority));
  self->prefill[HD_CASE_FIELD_TYPE] = g_strdup (hd_case_fields_get_case_type (case_fields));
  self->prefill[HD_CASE_FIELD_SUBCATEGORY] = g_strdup (hd_case_fields_get_subcategory (case_fields));
  self->prefill[HD_CASE_FIELD_DISPOSITION] = g_strdup (hd_case_fields_get_disposition (case_fields));
  self->prefill[HD_CASE_FIELD_NEXT_STEP] = g_strdup (hd_case_fields_get_next_best_action (case_fields));
  self->prefill[HD_CASE_FIELD_DESCRIPTION] = hd_case_field_build_description (packet);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    _hd_case_draft_set_field_text (self, i, self->prefill[i]);
}

/* Edits of ours the outbox still holds for this case, after a restart or a
 * switch between chats: a queued create, or one that needs the agent. */
static void
scan_outbox (HdCaseDraft *self)
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
        _hd_case_draft_set_create_queued (self, TRUE);
      if (state == HD_OUTBOX_ENTRY_CONFLICT || state == HD_OUTBOX_ENTRY_REJECTED)
        _hd_case_draft_show_attention (self, entry);
      else
        g_ptr_array_add (self->pending_ids, g_strdup (hd_outbox_entry_get_id (entry)));
    }
}

static void
reset (HdCaseDraft *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_draft_op_free);
  _hd_case_draft_set_saving (self, FALSE);
  _hd_case_draft_set_case_id (self, NULL);
  _hd_case_draft_set_string (self, &self->case_number, NULL, PROP_CASE_NUMBER);
  g_clear_pointer (&self->link_key, g_free);
  _hd_case_draft_set_string (self, &self->load_error, NULL, PROP_LOAD_ERROR);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->record_type_id, g_free);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      g_clear_pointer (&self->prefill[i], g_free);
      g_clear_pointer (&self->base[i], g_free);
    }
  g_ptr_array_set_size (self->pending_ids, 0);
  self->create = FALSE;
  _hd_case_draft_set_create_queued (self, FALSE);
  self->context_loaded = FALSE;
  _hd_case_draft_set_loading (self, FALSE);
  self->queued_reported = FALSE;
  _hd_case_draft_clear_attention (self);
}

/* Switching chats never drops what the agent typed: the unsaved edits wait
 * in memory until the agent comes back to that chat. */
void
_hd_case_draft_stash (HdCaseDraft *self)
{
  Draft *draft;

  if (self->link_key == NULL || !self->dirty)
    return;
  draft = g_new0 (Draft, 1);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    draft->fields[i] = g_strdup (self->fields[i]);
  draft->comment = g_strdup (self->comment);
  g_hash_table_replace (self->drafts, g_strdup (self->link_key), draft);
}

/* What the agent had typed in this case before the app stopped (crashed or
 * not): from the default draft store. */
static void
restore_saved_draft (HdCaseDraft *self)
{
  HdDraftStore *store = hd_draft_store_get_default ();
  g_autoptr(JsonObject) saved = store != NULL && self->link_key != NULL
                                ? hd_draft_store_dup_case (store, self->link_key) : NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (saved == NULL)
    return;
  json_object_iter_init (&iter, saved);
  while (json_object_iter_next (&iter, &name, &value))
    {
      const char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                         ? json_node_get_string (value) : NULL;
      int field = hd_case_field_from_api_name (name);

      if (text == NULL)
        continue;
      if (g_str_equal (name, "comment"))
        _hd_case_draft_set_comment_text (self, text);
      else if (field >= 0 && field < HD_CASE_N_FIELDS)
        _hd_case_draft_set_field_text (self, (HdCaseField) field, text);
    }
}

void
_hd_case_draft_persist (HdCaseDraft *self)
{
  HdDraftStore *store = hd_draft_store_get_default ();
  g_autoptr(JsonObject) fields = NULL;

  if (store == NULL || self->link_key == NULL || self->loading_draft)
    return;
  /* Only what differs from the case (or the packet's prefill): the rest
   * comes back by itself. */
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    if (g_strcmp0 (self->fields[i], _hd_case_draft_reference (self, i)) != 0)
      {
        if (fields == NULL)
          fields = json_object_new ();
        json_object_set_string_member (fields, hd_case_field_get_api_name (i), self->fields[i]);
      }
  if (_hd_case_draft_has_comment (self))
    {
      if (fields == NULL)
        fields = json_object_new ();
      json_object_set_string_member (fields, "comment", self->comment);
    }
  hd_draft_store_set_case (store, self->link_key, fields);
}

static void
restore_draft (HdCaseDraft *self)
{
  Draft *draft = self->link_key != NULL ? g_hash_table_lookup (self->drafts, self->link_key) : NULL;

  if (draft == NULL)
    {
      restore_saved_draft (self);
      return;
    }
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    _hd_case_draft_set_field_text (self, i, draft->fields[i]);
  _hd_case_draft_set_comment_text (self, draft->comment);
  g_hash_table_remove (self->drafts, self->link_key);
}

void
_hd_case_draft_load (HdCaseDraft *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;
  HdCaseFields *case_fields;

  self->loading_draft = TRUE;
  reset (self);
  _hd_case_draft_set_comment_text (self, "");
  if (packet == NULL)
    {
      for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
        _hd_case_draft_set_field_text (self, i, NULL);
      self->loading_draft = FALSE;
      _hd_case_draft_update_dirty (self);
      return;
    }

  case_fields = hd_packet_get_case_fields (packet);
  self->link_key = g_strdup (hd_packet_get_handoff_id (packet));
  _hd_case_draft_set_case_id (self, hd_case_fields_get_case_id (case_fields));
  self->create = self->case_id == NULL;
  prefill_from_packet (self, packet);
  restore_draft (self);
  self->loading_draft = FALSE;

  if (_hd_case_draft_is_connected (self))
    {
      if (self->case_id == NULL && self->link_key != NULL)
        _hd_case_draft_set_case_id (self, hd_outbox_lookup_link (self->outbox, self->link_key));
      scan_outbox (self);
      _hd_case_draft_fetch_describe (self);
      _hd_case_draft_fetch_context (self);
    }
  _hd_case_draft_update_dirty (self);
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
apply_case (HdCaseDraft *self,
            JsonObject  *record)
{
  gboolean first = !self->context_loaded;
  /* While an edit of ours is on its way or waits for the agent, the case
   * is in flux: the fields keep what the agent wrote. */
  gboolean settled = first || (self->pending_ids->len == 0 && self->attention == NULL && !self->saving);

  for (guint i = 0; i < HD_CASE_N_FIELDS && settled; i++)
    {
      g_autofree char *server = record_text (record, hd_case_field_get_api_name (i));
      const char *text = self->fields[i];
      gboolean untouched = g_strcmp0 (text, _hd_case_draft_reference (self, i)) == 0 ||
                           (first && g_strcmp0 (text, self->prefill[i]) == 0);

      if (untouched && (!first || *server != '\0'))
        _hd_case_draft_set_field_text (self, i, server);
      g_free (self->base[i]);
      self->base[i] = g_steal_pointer (&server);
    }
  /* Every base is Salesforce's now: nothing is left to warn about. */
  if (settled)
    _hd_case_draft_clear_remote (self);
  g_free (self->last_modified);
  self->last_modified = g_strdup (hd_json_get_string (record, "LastModifiedDate", NULL));
  /* Which values the picklists offer depends on the case's record type. */
  _hd_case_draft_set_record_type (self, hd_json_get_string (record, "RecordTypeId", NULL));
  _hd_case_draft_set_string (self, &self->case_number,
              hd_json_get_string (record, "CaseNumber", NULL), PROP_CASE_NUMBER);
  self->context_loaded = TRUE;
}

static void
finish_load (HdCaseDraft *self,
             JsonObject  *record,
             GError      *error)
{
  if (record == NULL)
    {
      /* Shown in the editor's status line; the fields keep the packet's values. */
      g_debug ("Could not load case: %s", error->message);
      _hd_case_draft_set_string (self, &self->load_error, error->message, PROP_LOAD_ERROR);
    }
  else
    {
      _hd_case_draft_set_string (self, &self->load_error, NULL, PROP_LOAD_ERROR);
      apply_case (self, record);
    }
  _hd_case_draft_set_loading (self, FALSE);
  _hd_case_draft_update_dirty (self);
}

typedef struct
{
  HdCaseDraft         *self;
  HdCaseDraftReadFunc  done;
} CaseRead;

static void
read_case_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree CaseRead *read = user_data;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  record = hd_sf_client_get_record_finish (HD_SF_CLIENT (object), result, &error);
  if (record == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another handoff, or disposed: do not touch self */
  read->done (read->self, record, error);
}

void
_hd_case_draft_read_case (HdCaseDraft         *self,
                          HdCaseDraftReadFunc  done)
{
  CaseRead *read = g_new (CaseRead, 1);

  read->self = self;
  read->done = done;
  hd_sf_client_get_record_async (self->client, "Case", self->case_id, self->cancellable,
                                 read_case_cb, read);
}

static void
fetch_context_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HdCaseDraft *self = user_data;
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
      _hd_case_draft_read_case (self, finish_load);
      return;
    }
  finish_load (self, context != NULL ? context->case_record : NULL, error);
}

void
_hd_case_draft_fetch_context (HdCaseDraft *self)
{
  if (!_hd_case_draft_is_connected (self) || self->case_id == NULL || self->auth == NULL ||
      !hd_sf_auth_get_signed_in (self->auth) || !hd_sf_is_valid_id (self->case_id))
    return;

  _hd_case_draft_set_loading (self, TRUE);
  hd_sf_client_fetch_case_context_async (self->client, self->case_id, self->cancellable,
                                         fetch_context_cb, self);
}
