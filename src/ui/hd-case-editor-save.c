/* hd-case-editor-save.c: saving the case through the outbox, and what the
 * outbox reports back (sent, conflict, rejected, case linked)
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
#include "hd-packet.h"
#include "hd-ui-format.h"

static void run_next_op (HdCaseEditor *self);

void
_hd_case_editor_op_free (Op *op)
{
  g_clear_pointer (&op->fields, json_object_unref);
  g_clear_pointer (&op->base, json_object_unref);
  g_free (op->text);
  g_free (op);
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

static void
finish_save (HdCaseEditor *self,
             GError       *error)
{
  self->saving = FALSE;
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_editor_op_free);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is an error message; the agent's text stays in the editor */
      message = g_strdup_printf (_("Could not save the case: %s"), error->message);
      _hd_case_editor_toast (self, message);
    }
  else if (self->pending_ids->len > 0)
    {
      HdOutboxState state = hd_outbox_get_state (self->outbox);

      if (state == HD_OUTBOX_STATE_OFFLINE || state == HD_OUTBOX_STATE_BACKING_OFF ||
          state == HD_OUTBOX_STATE_SIGNED_OUT)
        {
          self->queued_toasted = TRUE;
          _hd_case_editor_toast (self, _("Queued — will send when Salesforce is reachable"));
        }
    }
  _hd_case_editor_update_status (self);
  _hd_case_editor_update_dirty (self);
}

static void
submit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HdCaseEditor *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  Op *op;

  id = hd_outbox_submit_finish (HD_OUTBOX (object), result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another handoff, or disposed: do not touch self */

  op = g_queue_pop_head (&self->ops);
  if (error != NULL)
    {
      _hd_case_editor_op_free (op);
      finish_save (self, error);
      return;
    }

  if (id != NULL)
    g_ptr_array_add (self->pending_ids, g_steal_pointer (&id));

  /* Durable: what was submitted is now what the editor compares with, so
   * the dirty state ends and a failure later never asks to type it again. */
  switch (op->kind)
    {
    case OP_CREATE:
      self->create_queued = TRUE;
      if (self->case_id == NULL)
        self->case_id = g_strdup (hd_outbox_lookup_link (self->outbox, self->link_key));
      for (guint i = 0; i < N_FIELDS; i++)
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
            int field = _hd_case_editor_field_from_api (name);

            if (field >= 0)
              {
                g_free (self->base[field]);
                self->base[field] = hd_case_field_dup_value_text (node);
              }
          }
      }
      break;
    case OP_COMMENT:
      {
        g_autofree char *now = _hd_case_editor_dup_buffer_text (self->comment_view);

        /* Only if the agent has not started another comment meanwhile. */
        if (g_strcmp0 (now, op->text) == 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view), "", -1);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  _hd_case_editor_op_free (op);
  run_next_op (self);
}

static void
run_next_op (HdCaseEditor *self)
{
  Op *op = g_queue_peek_head (&self->ops);
  const char *record = self->case_id;
  const char *key = record == NULL ? self->link_key : NULL;

  if (op == NULL)
    {
      finish_save (self, NULL);
      return;
    }

  switch (op->kind)
    {
    case OP_CREATE:
      hd_outbox_create_case_async (self->outbox, self->link_key, op->fields, self->cancellable,
                                   submit_cb, self);
      break;
    case OP_UPDATE:
      hd_outbox_update_async (self->outbox, "Case", record, key, op->fields, op->base,
                              record != NULL ? self->last_modified : NULL,
                              self->cancellable, submit_cb, self);
      break;
    case OP_COMMENT:
      hd_outbox_add_comment_async (self->outbox, record, key, op->text, self->cancellable,
                                   submit_cb, self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonObject *
build_create_fields (HdCaseEditor *self)
{
  HdPacket *packet = hd_handoff_get_packet (self->handoff);
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdIntent *intent = hd_packet_get_primary_intent (packet);
  g_autofree char *subject = intent != NULL ? hd_ui_format_token (hd_intent_get_name (intent)) : NULL;
  char *texts[N_FIELDS] = { NULL };
  JsonObject *fields;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      texts[i] = _hd_case_editor_dup_field (self, i);
      if (*texts[i] == '\0')
        g_clear_pointer (&texts[i], g_free);
    }
  fields = hd_outbox_build_case_fields (texts[FIELD_TYPE], texts[FIELD_SUBCATEGORY],
                                        texts[FIELD_DISPOSITION], texts[FIELD_DESCRIPTION], subject,
                                        hd_customer_get_crm_account_id (customer),
                                        hd_customer_get_crm_contact_id (customer));
  /* The rest of what the editor shows goes with the create itself. */
  if (texts[FIELD_STATUS] != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_STATUS, texts[FIELD_STATUS]);
  if (texts[FIELD_PRIORITY] != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_PRIORITY, texts[FIELD_PRIORITY]);
  if (texts[FIELD_NEXT_STEP] != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_NEXT_STEP, texts[FIELD_NEXT_STEP]);
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (texts[i]);
  return fields;
}

void
_hd_case_editor_save_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  HdCaseEditor *self = HD_CASE_EDITOR (widget);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) base = json_object_new ();
  g_autofree char *comment = _hd_case_editor_dup_buffer_text (self->comment_view);
  gboolean creating = self->create && self->case_id == NULL && !self->create_queued;
  Op *op;

  if (!_hd_case_editor_is_connected (self) || self->handoff == NULL || self->saving)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = _hd_case_editor_dup_field (self, i);

      if (g_strcmp0 (text, _hd_case_editor_reference (self, i)) == 0)
        continue;
      json_object_set_member (changes, _hd_case_editor_field_api[i], text_node (text));
      if (self->base[i] != NULL)
        json_object_set_member (base, _hd_case_editor_field_api[i], text_node (self->base[i]));
    }

  /* A change Salesforce refused is corrected in place, not queued twice. */
  if (self->attention_id != NULL && self->attention_state == HD_OUTBOX_ENTRY_REJECTED)
    {
      g_autoptr(HdOutboxEntry) entry = hd_outbox_dup_entry (self->outbox, self->attention_id);
      g_autoptr(GError) error = NULL;

      if (entry != NULL && hd_outbox_entry_get_kind (entry) != HD_OUTBOX_KIND_COMMENT)
        {
          g_auto(GStrv) names = hd_outbox_entry_dup_field_names (entry);
          g_autoptr(JsonObject) amended = json_object_new ();

          for (guint i = 0; names[i] != NULL; i++)
            {
              int field = _hd_case_editor_field_from_api (names[i]);

              if (field >= 0)
                {
                  g_autofree char *text = _hd_case_editor_dup_field (self, field);

                  json_object_set_member (amended, names[i], text_node (text));
                  json_object_remove_member (changes, names[i]);
                  json_object_remove_member (base, names[i]);
                }
            }
          if (!hd_outbox_amend (self->outbox, self->attention_id, amended, &error))
            {
              /* TRANSLATORS: %s is an error message */
              g_autofree char *message = g_strdup_printf (_("Could not save the case: %s"), error->message);

              _hd_case_editor_toast (self, message);
              return;
            }
          g_ptr_array_add (self->pending_ids, g_strdup (self->attention_id));
          for (guint i = 0; names[i] != NULL; i++)
            {
              int field = _hd_case_editor_field_from_api (names[i]);

              if (field >= 0)
                {
                  g_free (self->base[field]);
                  self->base[field] = _hd_case_editor_dup_field (self, field);
                }
            }
          _hd_case_editor_clear_attention (self);
        }
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
  if (_hd_case_editor_has_comment (self))
    {
      op = g_new0 (Op, 1);
      op->kind = OP_COMMENT;
      op->text = g_steal_pointer (&comment);
      g_queue_push_tail (&self->ops, op);
    }

  if (g_queue_is_empty (&self->ops))
    {
      _hd_case_editor_update_dirty (self);
      return;
    }

  self->saving = TRUE;
  self->queued_toasted = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  _hd_case_editor_update_actions (self);
  run_next_op (self);
}

/* What the outbox reports. */

static gboolean
take_pending (HdCaseEditor  *self,
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
is_ours (HdCaseEditor  *self,
         HdOutboxEntry *entry)
{
  const char *id = hd_outbox_entry_get_id (entry);

  for (guint i = 0; i < self->pending_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->pending_ids, i), id) == 0)
      return TRUE;
  return g_strcmp0 (self->attention_id, id) == 0;
}

void
_hd_case_editor_on_outbox_sent_cb (HdCaseEditor  *self,
                                   HdOutboxEntry *entry,
                                   HdOutbox      *outbox)
{
  if (!take_pending (self, entry))
    return;
  if (self->pending_ids->len == 0)
    {
      _hd_case_editor_toast (self, _("Saved to Salesforce"));
      self->queued_toasted = FALSE;
      /* The case moved on (LastModifiedDate): read it again for the next save. */
      _hd_case_editor_fetch_context (self);
    }
}

void
_hd_case_editor_on_outbox_conflict_cb (HdCaseEditor  *self,
                                       HdOutboxEntry *entry,
                                       HdOutbox      *outbox)
{
  if (!is_ours (self, entry))
    return;
  take_pending (self, entry);
  _hd_case_editor_show_attention (self, entry);
  _hd_case_editor_toast (self, _("Conflict: a colleague changed this case"));
}

void
_hd_case_editor_on_outbox_rejected_cb (HdCaseEditor  *self,
                                       HdOutboxEntry *entry,
                                       HdOutbox      *outbox)
{
  if (!is_ours (self, entry))
    return;
  take_pending (self, entry);
  _hd_case_editor_show_attention (self, entry);
  _hd_case_editor_toast (self, _("Salesforce refused the change — see the marked fields"));
}

void
_hd_case_editor_on_outbox_case_linked_cb (HdCaseEditor *self,
                                          const char   *link_key,
                                          const char   *case_id,
                                          HdOutbox     *outbox)
{
  if (self->link_key == NULL || g_strcmp0 (link_key, self->link_key) != 0 || self->case_id != NULL)
    return;
  self->case_id = g_strdup (case_id);
  g_object_notify (G_OBJECT (self), "case-id");
  _hd_case_editor_update_status (self);
}

void
_hd_case_editor_on_outbox_state_cb (HdCaseEditor *self,
                                    GParamSpec   *pspec,
                                    HdOutbox     *outbox)
{
  HdOutboxState state = hd_outbox_get_state (outbox);

  if (self->pending_ids->len == 0 || self->queued_toasted || self->saving)
    return;
  if (state == HD_OUTBOX_STATE_OFFLINE || state == HD_OUTBOX_STATE_BACKING_OFF ||
      state == HD_OUTBOX_STATE_SIGNED_OUT)
    {
      self->queued_toasted = TRUE;
      _hd_case_editor_toast (self, _("Queued — will send when Salesforce is reachable"));
    }
}

void
_hd_case_editor_on_signed_in_cb (HdCaseEditor *self,
                                 GParamSpec   *pspec,
                                 HdSfAuth     *auth)
{
  _hd_case_editor_update_status (self);
  if (hd_sf_auth_get_signed_in (auth) && !self->context_loaded && !self->loading)
    _hd_case_editor_fetch_context (self);
}

/* Conflicts and rejections. */

static void
on_conflict_resolved_cb (HdCaseEditor     *self,
                         HdConflictDialog *dialog)
{
  HdOutboxEntry *entry = hd_conflict_dialog_get_entry (dialog);
  g_autoptr(HdOutboxEntry) now = hd_outbox_dup_entry (self->outbox, hd_outbox_entry_get_id (entry));

  _hd_case_editor_clear_attention (self);
  /* Still queued: its outcome comes as "sent" like any edit.  Gone: every
   * field kept the colleague's value, so the case is read again. */
  if (now != NULL)
    g_ptr_array_add (self->pending_ids, g_strdup (hd_outbox_entry_get_id (entry)));
  else
    {
      /* Reading the case again shows the colleague's values in the fields
       * the agent had not touched since saving. */
      _hd_case_editor_toast (self, _("Kept the values Salesforce has"));
      _hd_case_editor_fetch_context (self);
    }
  _hd_case_editor_update_dirty (self);
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

  if (self->attention_id == NULL || self->conflict_dialog != NULL)
    return;
  entry = hd_outbox_dup_entry (self->outbox, self->attention_id);
  if (entry == NULL || hd_outbox_entry_get_state (entry) != HD_OUTBOX_ENTRY_CONFLICT)
    {
      _hd_case_editor_clear_attention (self);
      return;
    }

  dialog = hd_conflict_dialog_new (self->outbox, entry);
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

  if (self->attention_id == NULL)
    return;
  if (!hd_outbox_discard (self->outbox, self->attention_id, &error))
    {
      /* TRANSLATORS: %s is an error message */
      g_autofree char *message = g_strdup_printf (_("Could not discard the change: %s"), error->message);

      _hd_case_editor_toast (self, message);
      return;
    }
  _hd_case_editor_clear_attention (self);
  /* The fields go back to what Salesforce has. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->base[i] != NULL)
      _hd_case_editor_set_field (self, i, self->base[i]);
  _hd_case_editor_fetch_context (self);
  _hd_case_editor_update_dirty (self);
}
