/* hd-outbox-send.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-outbox-private.h"
#include "hd-sf-errors.h"

/* The send loop: one entry at a time, in order per record; the answers,
 * conflicts and rebases; backoff and scheduling. */

static void
finish_current (HdOutbox *self)
{
  self->current = NULL;
  _hd_outbox_schedule (self);
}

/* The record an entry targets: its own record id, or the case created for
 * its link key; NULL while that case does not exist yet. */
const char *
_hd_outbox_entry_target (HdOutbox     *self,
                         OutboxRecord *entry)
{
  if (entry->record_id != NULL)
    return entry->record_id;
  if (entry->link != NULL && entry->kind != HD_OUTBOX_KIND_CREATE)
    return g_hash_table_lookup (self->links, entry->link);
  return NULL;
}

static char *
entry_key (HdOutbox     *self,
           OutboxRecord *entry)
{
  const char *target = _hd_outbox_entry_target (self, entry);

  if (target != NULL)
    return g_strdup (target);
  return g_strconcat ("link:", entry->link, NULL);
}

static gboolean
timer_cb (gpointer user_data)
{
  HdOutbox *self = user_data;

  self->timer_id = 0;
  _hd_outbox_schedule (self);
  return G_SOURCE_REMOVE;
}

static void
back_off (HdOutbox      *self,
          HdOutboxState  state,
          gboolean       limit,
          const char    *why)
{
  guint64 delay;

  self->failures++;
  delay = (guint64) self->backoff_base_ms << MIN (self->failures - 1, 8u);
  delay = MIN (delay, (guint64) self->backoff_base_ms * 300);
  /* The org-wide API limit resets slowly: wait at least a minute's worth. */
  if (limit)
    delay = MAX (delay, (guint64) self->backoff_base_ms * 60);
  /* Up to a quarter more, so many desks do not retry in step. */
  delay += g_random_int_range (0, (gint32) MAX (delay / 4, 1));

  g_message ("Outbox: %s; retrying in %" G_GUINT64_FORMAT " ms", why, delay);
  self->current = NULL;
  _hd_outbox_set_state (self, state);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add ((guint) MIN (delay, G_MAXUINT), timer_cb, self);
}

static void
mark_rejected (HdOutbox     *self,
               OutboxRecord *entry,
               GPtrArray    *errors,
               const char   *fallback_message)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdOutboxEntry) snapshot = NULL;

  if (errors != NULL && errors->len > 0)
    for (guint i = 0; i < errors->len; i++)
      {
        HdSfApiError *item = g_ptr_array_index (errors, i);
        JsonObject *object = json_object_new ();
        JsonArray *fields = json_array_new ();

        json_object_set_string_member (object, "message", item->message);
        json_object_set_string_member (object, "errorCode", item->error_code);
        for (guint j = 0; item->fields[j] != NULL; j++)
          json_array_add_string_element (fields, item->fields[j]);
        json_object_set_array_member (object, "fields", fields);
        json_array_add_object_element (array, object);
      }
  else
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "message", fallback_message);
      json_object_set_string_member (object, "errorCode", "HANDOFFDESK_REJECTED");
      json_object_set_array_member (object, "fields", json_array_new ());
      json_array_add_object_element (array, object);
    }

  g_clear_pointer (&entry->errors, json_array_unref);
  entry->errors = g_steal_pointer (&array);
  entry->state = HD_OUTBOX_ENTRY_REJECTED;
  if (!_hd_outbox_store_write (self, entry, &error))
    g_warning ("Outbox: %s", error->message);
  snapshot = _hd_outbox_record_snapshot (entry);
  _hd_outbox_notify_counts (self);
  _hd_outbox_emit (self, REJECTED, snapshot);
}

void
_hd_outbox_acknowledge (HdOutbox     *self,
                        OutboxRecord *entry,
                        const char   *new_record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdOutboxEntry) snapshot = NULL;
  g_autofree char *description = NULL;
  /* Copies: _hd_outbox_remove_entry () frees the entry. */
  HdOutboxKind kind = entry->kind;
  g_autofree char *link = g_strdup (entry->link);
  g_autofree char *record = g_strdup (_hd_outbox_entry_target (self, entry));

  if (kind == HD_OUTBOX_KIND_CREATE && new_record_id != NULL)
    {
      /* Record the new case durably before the entry goes: from now on it
       * is linked, and create-or-enrich never creates it again. */
      g_hash_table_replace (self->links, g_strdup (link), g_strdup (new_record_id));
      if (!_hd_outbox_store_write_links (self, &error))
        {
          g_hash_table_remove (self->links, link);
          back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
          return;
        }
      g_free (record);
      record = g_strdup (new_record_id);
      g_free (entry->record_id);
      entry->record_id = g_strdup (new_record_id);
    }

  /* The agent's later edits to this record were made on top of this one:
   * what they saw as "before" is now what this entry wrote. */
  if (kind == HD_OUTBOX_KIND_UPDATE)
    {
      for (guint i = 0; i < self->entries->len; i++)
        {
          OutboxRecord *later = g_ptr_array_index (self->entries, i);
          g_autofree char *later_key = NULL;
          g_autoptr(GList) names = NULL;

          if (later == entry || later->kind != HD_OUTBOX_KIND_UPDATE ||
              later->state != HD_OUTBOX_ENTRY_QUEUED)
            continue;
          later_key = entry_key (self, later);
          if (g_strcmp0 (later_key, record) != 0 || later->base == NULL)
            continue;
          names = json_object_get_members (entry->fields);
          for (GList *l = names; l != NULL; l = l->next)
            if (json_object_has_member (later->base, l->data))
              json_object_set_member (later->base, l->data,
                                      json_node_copy (json_object_get_member (entry->fields, l->data)));
          if (!_hd_outbox_store_write (self, later, &error))
            {
              g_warning ("Outbox: %s", error->message);
              g_clear_error (&error);
            }
        }
    }

  snapshot = _hd_outbox_record_snapshot (entry);
  description = hd_outbox_entry_describe (snapshot);
  if (!_hd_outbox_remove_entry (self, entry, &error))
    {
      back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
      return;
    }
  g_debug ("Outbox: acknowledged %s", description);
  self->failures = 0;

  if (kind == HD_OUTBOX_KIND_CREATE && new_record_id != NULL)
    _hd_outbox_emit_case_linked (self, link, new_record_id);
  _hd_outbox_emit (self, SENT, snapshot);
  finish_current (self);
}

/* Compares the agent's fields with the server's record.  Returns the
 * fields where someone else set a value different from both what the
 * agent saw and what the agent wrote. */
GPtrArray *
_hd_outbox_find_conflicts (OutboxRecord *entry,
                           JsonObject   *server,
                           gboolean     *all_applied)
{
  g_autoptr(GList) names = json_object_get_members (entry->fields);
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_free);

  *all_applied = TRUE;
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *mine = json_object_get_member (entry->fields, l->data);
      JsonNode *theirs = json_object_get_member (server, l->data);
      JsonNode *seen = entry->base != NULL ? json_object_get_member (entry->base, l->data) : NULL;
      g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);

      if (theirs == NULL)
        theirs = null_node;
      if (json_node_equal (mine, theirs))
        continue;
      *all_applied = FALSE;
      if (seen != NULL && json_node_equal (seen, theirs))
        continue;
      g_ptr_array_add (conflicts, g_strdup (l->data));
    }
  return conflicts;
}

/* Someone changed the record since the agent's version (412, or seen while
 * reconciling).  Unrelated changes: move the entry onto the new version
 * and send again.  Changes to the agent's fields: a conflict. */
void
_hd_outbox_handle_changed_record (HdOutbox     *self,
                                  OutboxRecord *entry,
                                  JsonObject   *server)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = json_object_get_members (entry->fields);
  JsonNode *modified = json_object_get_member (server, "LastModifiedDate");
  const char *modified_text = NULL;
  g_autoptr(JsonObject) server_values = json_object_new ();
  g_autoptr(HdOutboxEntry) snapshot = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean all_applied;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (server, l->data);

      json_object_set_member (server_values, l->data, value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
    }
  if (modified != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (modified) && json_node_get_value_type (modified) == G_TYPE_STRING)
        modified_text = json_node_get_string (modified);
      g_free (entry->server_modified);
      entry->server_modified = g_strdup (modified_text);
    }

  conflicts = _hd_outbox_find_conflicts (entry, server, &all_applied);
  if (all_applied)
    {
      _hd_outbox_acknowledge (self, entry, NULL);
      return;
    }

  if (conflicts->len == 0 && entry->rebases < MAX_AUTO_REBASES)
    {
      g_clear_pointer (&entry->base, json_object_unref);
      entry->base = g_steal_pointer (&server_values);
      if (modified != NULL)
        {
          g_free (entry->base_modified);
          entry->base_modified = g_strdup (modified_text);
        }
      entry->rebases++;
      entry->state = HD_OUTBOX_ENTRY_QUEUED;
      if (!_hd_outbox_store_write (self, entry, &error))
        {
          back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
          return;
        }
      g_debug ("Outbox: the record changed elsewhere in other fields; sending on top of it");
      finish_current (self);
      return;
    }

  builder = g_strv_builder_new ();
  if (conflicts->len == 0)
    {
      /* Too many rebases: let the agent look at every field. */
      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  for (guint i = 0; i < conflicts->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (conflicts, i));
  g_strfreev (entry->conflicts);
  entry->conflicts = g_strv_builder_end (builder);
  g_clear_pointer (&entry->server, json_object_unref);
  entry->server = g_steal_pointer (&server_values);
  entry->state = HD_OUTBOX_ENTRY_CONFLICT;
  if (!_hd_outbox_store_write (self, entry, &error))
    g_warning ("Outbox: %s", error->message);
  snapshot = _hd_outbox_record_snapshot (entry);
  _hd_outbox_notify_counts (self);
  _hd_outbox_emit (self, CONFLICT, snapshot);
  finish_current (self);
}

/* Classifies a failed request; the entry stays "sending" where the request
 * may have been applied. */
void
_hd_outbox_handle_failure (HdOutbox     *self,
                           OutboxRecord *entry,
                           GError       *error)
{
  if (g_error_matches (error, HD_ERROR, HD_ERROR_AUTH))
    {
      g_message ("Outbox: waiting for sign-in (%s)", error->message);
      self->current = NULL;
      _hd_outbox_set_state (self, HD_OUTBOX_STATE_SIGNED_OUT);
      return;
    }
  if (g_error_matches (error, HD_ERROR, HD_ERROR_LIMIT))
    {
      back_off (self, HD_OUTBOX_STATE_BACKING_OFF, TRUE, error->message);
      return;
    }
  if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR || error->domain == G_TLS_ERROR)
    {
      back_off (self, HD_OUTBOX_STATE_OFFLINE, FALSE, error->message);
      return;
    }
  back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
}

/* A non-2xx answer to a write (or a reconciling read). */
static void
handle_error_response (HdOutbox     *self,
                       OutboxRecord *entry,
                       HdSfResponse *response)
{
  g_autoptr(GError) error = hd_sf_response_to_error (response);
  g_autofree char *description = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) codes = NULL;

  for (guint i = 0; response->errors != NULL && i < response->errors->len; i++)
    g_strv_builder_add (builder, ((HdSfApiError *) g_ptr_array_index (response->errors, i))->error_code);
  codes = g_strv_builder_end (builder);

  /* The table in docs/salesforce.md: a locked row, an unavailable server,
   * 5xx, a proxy's HTML page and the API limit pass; a 401 waits for the
   * session. */
  switch (hd_sf_classify_answer (response->status, (const char * const *) codes,
                                 response->json != NULL || response->body == NULL ||
                                 g_bytes_get_size (response->body) == 0))
    {
    case HD_SF_FAILURE_TRANSIENT:
      if (!g_error_matches (error, HD_ERROR, HD_ERROR_HTTP))
        {
          /* A proxy's 403 page is no refusal of the session. */
          g_autoptr(GError) passing = g_error_new (HD_ERROR, HD_ERROR_HTTP, _("Salesforce answered %u: %s"),
                                                   response->status, error->message);

          _hd_outbox_handle_failure (self, entry, passing);
          return;
        }
      G_GNUC_FALLTHROUGH;
    case HD_SF_FAILURE_LIMIT:
    case HD_SF_FAILURE_SESSION:
      _hd_outbox_handle_failure (self, entry, error);
      return;
    case HD_SF_FAILURE_PERMANENT:
    default:
      break;
    }
  /* 400 (validation and field errors), 403 (no permission), 404 (deleted), ...:
   * Salesforce will refuse it again; the agent decides. */
  description = _hd_outbox_record_describe (entry);
  g_message ("Outbox: Salesforce refused %s: %s", description, error->message);
  mark_rejected (self, entry, response->errors, error->message);
  finish_current (self);
}

Call *
_hd_outbox_call_new (HdOutbox     *self,
                     OutboxRecord *entry)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->entry = entry;
  return call;
}

void
_hd_outbox_call_free (Call *call)
{
  g_clear_object (&call->self);
  g_free (call);
}

gboolean
_hd_outbox_call_done (Call   *call,
                      GError *error)
{
  /* Disposed (the cancellable is cancelled then): the entry stays as it is
   * on disk, "sending", and the next run reconciles it. */
  return g_cancellable_is_cancelled (call->self->cancellable) ||
         (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}

/* GETs the entry's record for reconciling; the answer is classified like a
 * write's (5xx and the API limit back off, 404 etc. reject). */
void
_hd_outbox_fetch_record (HdOutbox            *self,
                         OutboxRecord        *entry,
                         GAsyncReadyCallback  callback)
{
  g_autofree char *path = g_strdup_printf ("sobjects/%s/%s", entry->sobject,
                                           _hd_outbox_entry_target (self, entry));

  hd_sf_client_request_async (self->client, SOUP_METHOD_GET, path, NULL, NULL, self->cancellable,
                              callback, _hd_outbox_call_new (self, entry));
}

/* Returns the record, or NULL when the failure (or cancellation) was dealt
 * with. */
JsonObject *
_hd_outbox_record_from_answer (Call         *call,
                               GObject      *object,
                               GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;

  response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  if (_hd_outbox_call_done (call, error))
    return NULL;
  if (response == NULL)
    {
      _hd_outbox_handle_failure (call->self, call->entry, error);
      return NULL;
    }
  if (response->status != SOUP_STATUS_OK)
    {
      handle_error_response (call->self, call->entry, response);
      return NULL;
    }
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    {
      back_off (call->self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, "Salesforce sent a record that is not an object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (response->json));
}

static void
changed_record_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(JsonObject) server = NULL;

  if ((server = _hd_outbox_record_from_answer (call, object, result)) == NULL)
    return;
  _hd_outbox_handle_changed_record (call->self, call->entry, server);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;
  HdOutbox *self = call->self;
  OutboxRecord *entry = call->entry;

  response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  if (_hd_outbox_call_done (call, error))
    return;
  if (response == NULL)
    {
      _hd_outbox_handle_failure (self, entry, error);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      const char *id = NULL;

      if (entry->kind == HD_OUTBOX_KIND_CREATE)
        {
          if (response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json))
            id = hd_json_get_string (json_node_get_object (response->json), "id", NULL);
          if (!hd_sf_is_valid_id (id))
            {
              /* Created, but we cannot tell which: reconcile finds it. */
              back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, "the created case's id is missing");
              return;
            }
        }
      _hd_outbox_acknowledge (self, entry, id);
      return;
    }

  if (response->status == SOUP_STATUS_PRECONDITION_FAILED && entry->kind == HD_OUTBOX_KIND_UPDATE)
    {
      _hd_outbox_fetch_record (self, entry, changed_record_cb);
      return;
    }
  handle_error_response (self, entry, response);
}

void
_hd_outbox_send_entry (HdOutbox     *self,
                       OutboxRecord *entry)
{
  g_autoptr(JsonNode) body = json_node_alloc ();
  /* A fresh copy: the marker is added on the wire only. */
  g_autoptr(JsonObject) object = _hd_outbox_copy_object (entry->fields);
  g_autofree char *path = NULL;
  g_autofree char *http_date = NULL;
  g_autofree char *marker = _hd_outbox_record_marker (entry);
  const char *headers[5] = { "Sforce-Auto-Assign", "FALSE", NULL, NULL, NULL };
  const char *method = SOUP_METHOD_POST;
  const char *target = _hd_outbox_entry_target (self, entry);

  if (entry->kind == HD_OUTBOX_KIND_UPDATE)
    {
      g_autoptr(GDateTime) when = hd_sf_parse_datetime (entry->base_modified);

      method = "PATCH";
      path = g_strdup_printf ("sobjects/%s/%s", entry->sobject, target);
      if (when != NULL)
        {
          http_date = hd_sf_format_http_date (when);
          headers[2] = "If-Unmodified-Since";
          headers[3] = http_date;
        }
    }
  else if (entry->kind == HD_OUTBOX_KIND_COMMENT)
    {
      const char *text = hd_json_get_string (object, "CommentBody", "");
      g_autofree char *with_marker = g_strdup_printf ("%s\n\n%s", text, marker);

      path = g_strdup ("sobjects/CaseComment");
      json_object_set_string_member (object, "ParentId", target);
      json_object_set_string_member (object, "CommentBody", with_marker);
      json_object_set_boolean_member (object, "IsPublished", FALSE);
    }
  else
    {
      const char *text = hd_json_get_string (object, "Description", NULL);
      g_autofree char *with_marker = text != NULL ? g_strdup_printf ("%s\n\n%s", text, marker) : g_strdup (marker);

      path = g_strdup_printf ("sobjects/%s", entry->sobject);
      json_object_set_string_member (object, "Description", with_marker);
    }

  json_node_init_object (body, object);
  hd_sf_client_request_async (self->client, method, path, body, headers, self->cancellable,
                              write_cb, _hd_outbox_call_new (self, entry));
}

/* --- scheduling --- */

/* An entry made while signed out belongs to whoever signs in next. */
static gboolean
entry_owned_by_session (HdOutbox     *self,
                        OutboxRecord *entry)
{
  HdSfAuth *auth = hd_sf_client_get_auth (self->client);

  return (entry->org_id == NULL || g_strcmp0 (entry->org_id, hd_sf_auth_get_org_id (auth)) == 0) &&
         (entry->user_id == NULL || g_strcmp0 (entry->user_id, hd_sf_auth_get_user_id (auth)) == 0);
}

static OutboxRecord *
pick_next (HdOutbox *self)
{
  g_autoptr(GHashTable) blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      OutboxRecord *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *key = entry_key (self, entry);

      if (_hd_outbox_record_needs_attention (entry))
        {
          g_hash_table_add (blocked, g_steal_pointer (&key));
          continue;
        }
      /* In order per record: nothing overtakes an earlier edit of the same
       * record that waits for the agent. */
      if (g_hash_table_contains (blocked, key))
        continue;
      if (!entry_owned_by_session (self, entry))
        {
          g_hash_table_add (blocked, g_steal_pointer (&key));
          continue;
        }
      if (_hd_outbox_entry_target (self, entry) == NULL && entry->kind != HD_OUTBOX_KIND_CREATE)
        {
          /* Waits for its case; the create comes first in order, so if it
           * is not ahead any more, it will never come. */
          gboolean create_ahead = FALSE;

          for (guint j = 0; j < i; j++)
            {
              OutboxRecord *earlier = g_ptr_array_index (self->entries, j);

              create_ahead |= earlier->kind == HD_OUTBOX_KIND_CREATE &&
                              g_strcmp0 (earlier->link, entry->link) == 0;
            }
          if (!create_ahead)
            {
              mark_rejected (self, entry, NULL, _("The case this edit belongs to was never created"));
              g_hash_table_add (blocked, g_steal_pointer (&key));
            }
          continue;
        }
      return entry;
    }
  return NULL;
}

static gboolean
process_cb (gpointer user_data)
{
  HdOutbox *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  OutboxRecord *entry;
  guint attention;

  self->idle_id = 0;
  if (self->current != NULL || self->paused || self->timer_id != 0)
    return G_SOURCE_REMOVE;

  if (!hd_sf_auth_get_signed_in (hd_sf_client_get_auth (self->client)))
    {
      attention = _hd_outbox_count_attention (self);
      _hd_outbox_set_state (self, self->entries->len > attention ? HD_OUTBOX_STATE_SIGNED_OUT
                                  : attention > 0 ? HD_OUTBOX_STATE_NEEDS_ATTENTION : HD_OUTBOX_STATE_IDLE);
      return G_SOURCE_REMOVE;
    }
  entry = pick_next (self);
  if (entry == NULL)
    {
      gboolean foreign = FALSE;

      for (guint i = 0; i < self->entries->len; i++)
        foreign |= !_hd_outbox_record_needs_attention (g_ptr_array_index (self->entries, i)) &&
                   !entry_owned_by_session (self, g_ptr_array_index (self->entries, i));
      self->failures = 0;
      if (foreign && self->state != HD_OUTBOX_STATE_SIGNED_OUT)
        g_message ("Outbox: edits made by another Salesforce user wait until that user signs in");
      _hd_outbox_set_state (self, foreign ? HD_OUTBOX_STATE_SIGNED_OUT
                                  : _hd_outbox_count_attention (self) > 0 ? HD_OUTBOX_STATE_NEEDS_ATTENTION
                                  : HD_OUTBOX_STATE_IDLE);
      return G_SOURCE_REMOVE;
    }

  self->current = entry;
  _hd_outbox_set_state (self, HD_OUTBOX_STATE_SENDING);

  if (entry->state == HD_OUTBOX_ENTRY_SENDING)
    {
      _hd_outbox_reconcile (self, entry);
      return G_SOURCE_REMOVE;
    }

  /* Durably "sending" before the request leaves: if we die from here on,
   * the next run checks the server before sending again. */
  now = g_date_time_new_now_utc ();
  entry->state = HD_OUTBOX_ENTRY_SENDING;
  g_free (entry->sent_at);
  entry->sent_at = hd_sf_format_datetime (now);
  entry->attempts++;
  if (!_hd_outbox_store_write (self, entry, &error))
    {
      entry->state = HD_OUTBOX_ENTRY_QUEUED;
      back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
      return G_SOURCE_REMOVE;
    }
  _hd_outbox_send_entry (self, entry);
  return G_SOURCE_REMOVE;
}

void
_hd_outbox_schedule (HdOutbox *self)
{
  if (self->idle_id == 0 && self->current == NULL && self->timer_id == 0 && !self->paused &&
      !g_cancellable_is_cancelled (self->cancellable))
    self->idle_id = g_idle_add (process_cb, self);
}
