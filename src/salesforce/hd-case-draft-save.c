/* hd-case-draft-save.c: saving the case through the outbox, and what the
 * outbox reports back (sent, conflict, rejected, case linked)
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-draft"

#include "config.h"

#include "hd-case-draft-private.h"
#include "hd-sf-case.h"

#define signals _hd_case_draft_signals

static void run_next_op (HdCaseDraft *self,
                         GTask       *task);

void
_hd_case_draft_op_free (Op *op)
{
  g_clear_pointer (&op->fields, json_object_unref);
  g_clear_pointer (&op->base, json_object_unref);
  g_free (op->text);
  g_free (op);
}

/* Whether the outbox holds our edits back until Salesforce is reachable. */
gboolean
_hd_case_draft_is_queued_state (HdCaseDraft *self)
{
  HdOutboxState state = hd_outbox_get_state (self->outbox);

  return state == HD_OUTBOX_STATE_OFFLINE || state == HD_OUTBOX_STATE_BACKING_OFF ||
         state == HD_OUTBOX_STATE_SIGNED_OUT;
}

/* Saving: build the operations, then run them one by one; each completes
 * once the outbox has the edit on disk. */

static JsonNode *
text_node (const char *text)
{
  JsonNode *node = json_node_alloc ();

  if (text != NULL && *text != '\0')
    return json_node_init_string (node, text);
  return json_node_init_null (node);
}

/* Takes @task and @error. */
static void
finish_save (HdCaseDraft *self,
             GTask       *task,
             GError      *error)
{
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_draft_op_free);
  _hd_case_draft_set_saving (self, FALSE);

  if (error == NULL && self->pending_ids->len > 0 && _hd_case_draft_is_queued_state (self))
    {
      self->queued_reported = TRUE;
      g_signal_emit (self, signals[QUEUED], 0);
    }
  _hd_case_draft_update_dirty (self);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
submit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdCaseDraft *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Op *op;

  id = hd_outbox_submit_finish (HD_OUTBOX (object), result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Another handoff, or disposed: the draft has moved on. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op = g_queue_pop_head (&self->ops);
  if (error != NULL)
    {
      _hd_case_draft_op_free (op);
      finish_save (self, g_steal_pointer (&task), g_steal_pointer (&error));
      return;
    }

  if (id != NULL)
    g_ptr_array_add (self->pending_ids, g_steal_pointer (&id));

  /* Durable: what was submitted is now what the draft compares with, so
   * the dirty state ends and a failure later never asks to type it again.
   * A colleague's change seen before is the outbox's to resolve now. */
  _hd_case_draft_clear_remote (self);
  switch (op->kind)
    {
    case OP_CREATE:
      _hd_case_draft_set_create_queued (self, TRUE);
      if (self->case_id == NULL)
        _hd_case_draft_set_case_id (self, hd_outbox_lookup_link (self->outbox, self->link_key));
      for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
        if (self->base[i] == NULL)
          self->base[i] = g_strdup (self->prefill[i] != NULL ? self->prefill[i] : "");
      G_GNUC_FALLTHROUGH;
    case OP_UPDATE:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *node;

        json_object_iter_init (&iter, op->fields);
        while (json_object_iter_next (&iter, &name, &node))
          {
            int field = hd_case_field_from_api_name (name);

            if (field >= 0)
              {
                g_free (self->base[field]);
                self->base[field] = hd_case_field_dup_value_text (node);
              }
          }
      }
      break;
    case OP_COMMENT:
      /* Only if the agent has not started another comment meanwhile. */
      if (g_strcmp0 (self->comment, op->text) == 0)
        hd_case_draft_set_comment (self, "");
      break;
    default:
      g_assert_not_reached ();
    }
  _hd_case_draft_op_free (op);
  run_next_op (self, g_steal_pointer (&task));
}

/* Takes @task. */
static void
run_next_op (HdCaseDraft *self,
             GTask       *task)
{
  Op *op = g_queue_peek_head (&self->ops);
  const char *record = self->case_id;
  const char *key = record == NULL ? self->link_key : NULL;

  if (op == NULL)
    {
      finish_save (self, task, NULL);
      return;
    }

  switch (op->kind)
    {
    case OP_CREATE:
      hd_outbox_create_case_async (self->outbox, self->link_key, op->fields, self->cancellable,
                                   submit_cb, task);
      break;
    case OP_UPDATE:
      hd_outbox_update_async (self->outbox, "Case", record, key, op->fields, op->base,
                              record != NULL ? self->last_modified : NULL,
                              self->cancellable, submit_cb, task);
      break;
    case OP_COMMENT:
      hd_outbox_add_comment_async (self->outbox, record, key, op->text, self->cancellable,
                                   submit_cb, task);
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonObject *
build_create_fields (HdCaseDraft *self)
{
  HdPacket *packet = hd_handoff_get_packet (self->handoff);
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdIntent *intent = hd_packet_get_primary_intent (packet);
  g_autofree char *subject = intent != NULL ? hd_packet_format_token (hd_intent_get_name (intent)) : NULL;
  const char *texts[HD_CASE_N_FIELDS] = { NULL };
  JsonObject *fields;

  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    texts[i] = *self->fields[i] != '\0' ? self->fields[i] : NULL;
  fields = hd_sf_case_build_fields (texts[HD_CASE_FIELD_TYPE], texts[HD_CASE_FIELD_SUBCATEGORY],
                                    texts[HD_CASE_FIELD_DISPOSITION], texts[HD_CASE_FIELD_DESCRIPTION],
                                    subject,
                                    hd_customer_get_crm_account_id (customer),
                                    hd_customer_get_crm_contact_id (customer));
  /* The rest of what the agent sees goes with the create itself. */
  if (texts[HD_CASE_FIELD_STATUS] != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_STATUS, texts[HD_CASE_FIELD_STATUS]);
  if (texts[HD_CASE_FIELD_PRIORITY] != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_PRIORITY, texts[HD_CASE_FIELD_PRIORITY]);
  if (texts[HD_CASE_FIELD_NEXT_STEP] != NULL)
    json_object_set_string_member (fields, hd_case_field_get_api_name (HD_CASE_FIELD_NEXT_STEP),
                                   texts[HD_CASE_FIELD_NEXT_STEP]);
  _hd_case_draft_filter_fields (self, fields, TRUE);
  return fields;
}

/* A change Salesforce refused is corrected in place, not queued twice:
 * the entry is sent again with its own fields (the agent's text now) and
 * everything else the agent changed on the case since, as one request.
 * A cross-field rule ("closing needs a disposition") names a field the
 * refused request did not carry; sent apart, the fix would wait behind
 * the same refusal for ever.  Every change leaves @changes and @base. */
static gboolean
amend_rejected (HdCaseDraft  *self,
                JsonObject   *changes,
                JsonObject   *base,
                GError      **error)
{
  const char *id = hd_outbox_entry_get_id (self->attention);
  g_autoptr(HdOutboxEntry) entry = hd_outbox_dup_entry (self->outbox, id);
  g_autoptr(JsonObject) amended = NULL;
  g_autoptr(GList) names = NULL;
  g_auto(GStrv) own = NULL;

  if (entry == NULL || hd_outbox_entry_get_kind (entry) != HD_OUTBOX_KIND_UPDATE)
    return TRUE;

  own = hd_outbox_entry_dup_field_names (entry);
  amended = json_object_new ();
  names = json_object_get_members (changes);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (amended, l->data, json_node_copy (json_object_get_member (changes, l->data)));
  g_clear_pointer (&names, g_list_free);
  for (guint i = 0; own[i] != NULL; i++)
    {
      int field = hd_case_field_from_api_name (own[i]);

      if (field >= 0)
        json_object_set_member (amended, own[i], text_node (self->fields[field]));
    }
  if (!hd_outbox_amend (self->outbox, id, amended, base, error))
    return FALSE;

  /* Entries folded into the amended one are gone: their "sent" is its. */
  for (guint i = self->pending_ids->len; i > 0; i--)
    {
      g_autoptr(HdOutboxEntry) pending = hd_outbox_dup_entry (self->outbox,
                                                              g_ptr_array_index (self->pending_ids, i - 1));

      if (pending == NULL)
        g_ptr_array_remove_index (self->pending_ids, i - 1);
    }
  g_ptr_array_add (self->pending_ids, g_strdup (id));

  names = json_object_get_members (amended);
  for (GList *l = names; l != NULL; l = l->next)
    {
      int field = hd_case_field_from_api_name (l->data);

      json_object_remove_member (changes, l->data);
      json_object_remove_member (base, l->data);
      if (field >= 0)
        {
          g_free (self->base[field]);
          self->base[field] = g_strdup (self->fields[field]);
        }
    }
  _hd_case_draft_clear_attention (self);
  return TRUE;
}

void
hd_case_draft_save_async (HdCaseDraft         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(GError) error = NULL;
  gboolean creating;
  Op *op;

  g_return_if_fail (HD_IS_CASE_DRAFT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_case_draft_save_async);

  if (!_hd_case_draft_is_connected (self) || self->handoff == NULL || self->saving)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  creating = self->create && self->case_id == NULL && !self->create_queued;
  changes = json_object_new ();
  base = json_object_new ();
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *name = hd_case_field_get_api_name (i);

      if (g_strcmp0 (self->fields[i], _hd_case_draft_reference (self, i)) == 0 ||
          !_hd_case_draft_can_write (self, name, FALSE))
        continue;
      json_object_set_member (changes, name, text_node (self->fields[i]));
      if (self->base[i] != NULL)
        json_object_set_member (base, name, text_node (self->base[i]));
    }

  if (self->attention != NULL &&
      hd_outbox_entry_get_state (self->attention) == HD_OUTBOX_ENTRY_REJECTED &&
      !amend_rejected (self, changes, base, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (creating)
    {
      op = g_new0 (Op, 1);
      op->kind = OP_CREATE;
      op->fields = build_create_fields (self);
      g_queue_push_tail (&self->ops, op);
    }
  else if (json_object_get_size (changes) > 0)
    {
      op = g_new0 (Op, 1);
      op->kind = OP_UPDATE;
      op->fields = json_object_ref (changes);
      op->base = self->context_loaded ? json_object_ref (base) : NULL;
      g_queue_push_tail (&self->ops, op);
    }
  if (_hd_case_draft_has_comment (self))
    {
      op = g_new0 (Op, 1);
      op->kind = OP_COMMENT;
      op->text = g_strdup (self->comment);
      g_queue_push_tail (&self->ops, op);
    }

  if (g_queue_is_empty (&self->ops))
    {
      _hd_case_draft_update_dirty (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->queued_reported = FALSE;
  _hd_case_draft_set_saving (self, TRUE);
  run_next_op (self, g_steal_pointer (&task));
}

gboolean
hd_case_draft_save_finish (HdCaseDraft   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the outbox reports. */

static gboolean
take_pending (HdCaseDraft   *self,
              HdOutboxEntry *entry)
{
  const char *id = hd_outbox_entry_get_id (entry);

  for (guint i = 0; i < self->pending_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->pending_ids, i), id) == 0)
      {
        g_ptr_array_remove_index (self->pending_ids, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_ours (HdCaseDraft   *self,
         HdOutboxEntry *entry)
{
  const char *id = hd_outbox_entry_get_id (entry);

  for (guint i = 0; i < self->pending_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->pending_ids, i), id) == 0)
      return TRUE;
  return self->attention != NULL && g_strcmp0 (hd_outbox_entry_get_id (self->attention), id) == 0;
}

void
_hd_case_draft_on_outbox_sent_cb (HdCaseDraft   *self,
                                  HdOutboxEntry *entry,
                                  HdOutbox      *outbox)
{
  if (!take_pending (self, entry))
    return;
  if (self->pending_ids->len == 0)
    {
      g_signal_emit (self, signals[SAVED], 0);
      self->queued_reported = FALSE;
      /* The case moved on (LastModifiedDate): read it again for the next save. */
      _hd_case_draft_fetch_context (self);
    }
}

void
_hd_case_draft_on_outbox_conflict_cb (HdCaseDraft   *self,
                                      HdOutboxEntry *entry,
                                      HdOutbox      *outbox)
{
  if (!is_ours (self, entry))
    return;
  take_pending (self, entry);
  _hd_case_draft_show_attention (self, entry);
  g_signal_emit (self, signals[CONFLICT], 0, entry);
}

void
_hd_case_draft_on_outbox_rejected_cb (HdCaseDraft   *self,
                                      HdOutboxEntry *entry,
                                      HdOutbox      *outbox)
{
  if (!is_ours (self, entry))
    return;
  take_pending (self, entry);
  _hd_case_draft_check_stale (self, hd_outbox_entry_get_errors (entry));
  _hd_case_draft_show_attention (self, entry);
  g_signal_emit (self, signals[REJECTED], 0, entry);
}

void
_hd_case_draft_on_outbox_case_linked_cb (HdCaseDraft *self,
                                         const char  *link_key,
                                         const char  *case_id,
                                         HdOutbox    *outbox)
{
  if (self->link_key == NULL || g_strcmp0 (link_key, self->link_key) != 0 || self->case_id != NULL)
    return;
  _hd_case_draft_set_case_id (self, case_id);
}

void
_hd_case_draft_on_outbox_state_cb (HdCaseDraft *self,
                                   GParamSpec  *pspec,
                                   HdOutbox    *outbox)
{
  if (self->pending_ids->len == 0 || self->queued_reported || self->saving)
    return;
  if (_hd_case_draft_is_queued_state (self))
    {
      self->queued_reported = TRUE;
      g_signal_emit (self, signals[QUEUED], 0);
    }
}

/* Conflicts and rejections. */

HdOutboxEntry *
hd_case_draft_dup_conflict (HdCaseDraft *self)
{
  HdOutboxEntry *entry;

  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);

  if (self->attention == NULL)
    return NULL;
  entry = hd_outbox_dup_entry (self->outbox, hd_outbox_entry_get_id (self->attention));
  if (entry == NULL || hd_outbox_entry_get_state (entry) != HD_OUTBOX_ENTRY_CONFLICT)
    {
      g_clear_object (&entry);
      _hd_case_draft_clear_attention (self);
    }
  return entry;
}

gboolean
hd_case_draft_conflict_resolved (HdCaseDraft *self,
                                 const char  *entry_id)
{
  g_autoptr(HdOutboxEntry) now = NULL;

  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  now = hd_outbox_dup_entry (self->outbox, entry_id);
  _hd_case_draft_clear_attention (self);
  /* Still queued: its outcome comes as "sent" like any edit.  Gone: every
   * field kept the colleague's value, so the case is read again, which
   * shows the colleague's values in the fields the agent had not touched
   * since saving. */
  if (now != NULL)
    g_ptr_array_add (self->pending_ids, g_strdup (entry_id));
  else
    _hd_case_draft_fetch_context (self);
  _hd_case_draft_update_dirty (self);
  return now != NULL;
}

gboolean
hd_case_draft_discard (HdCaseDraft  *self,
                       GError      **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->attention == NULL)
    return TRUE;
  id = g_strdup (hd_outbox_entry_get_id (self->attention));
  if (!hd_outbox_discard (self->outbox, id, error))
    return FALSE;
  _hd_case_draft_clear_attention (self);
  /* The fields go back to what Salesforce has. */
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    if (self->base[i] != NULL)
      hd_case_draft_set_field (self, i, self->base[i]);
  _hd_case_draft_fetch_context (self);
  _hd_case_draft_update_dirty (self);
  return TRUE;
}
