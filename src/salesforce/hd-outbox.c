/* hd-outbox.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "hd-error.h"
#include "hd-outbox-private.h"
#include "hd-sf-case.h"

/* The object, its state and the public API.  The files on disk and the
 * typed records are in hd-outbox-store.c, the send loop in
 * hd-outbox-send.c, reconciliation in hd-outbox-reconcile.c. */

G_DEFINE_FINAL_TYPE (HdOutbox, hd_outbox, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HdOutboxState, hd_outbox_state,
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_SENDING, "sending"),
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_OFFLINE, "offline"),
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_BACKING_OFF, "backing-off"),
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_SIGNED_OUT, "signed-out"),
                    G_DEFINE_ENUM_VALUE (HD_OUTBOX_STATE_NEEDS_ATTENTION, "needs-attention"))

enum { PROP_0, PROP_DIRECTORY, PROP_PENDING_COUNT, PROP_ATTENTION_COUNT, PROP_STATE, PROP_PAUSED,
       PROP_BACKOFF_BASE_MS, N_PROPS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- state --- */

guint
_hd_outbox_count_attention (HdOutbox *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += _hd_outbox_record_needs_attention (g_ptr_array_index (self->entries, i));
  return n;
}

void
_hd_outbox_set_state (HdOutbox      *self,
                      HdOutboxState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_hd_outbox_notify_counts (HdOutbox *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_COUNT]);
}

void
_hd_outbox_emit (HdOutbox      *self,
                 guint          signal_index,
                 HdOutboxEntry *snapshot)
{
  g_assert (signal_index == SENT || signal_index == CONFLICT || signal_index == REJECTED);
  g_signal_emit (self, signals[signal_index], 0, snapshot);
}

void
_hd_outbox_emit_case_linked (HdOutbox   *self,
                             const char *link_key,
                             const char *case_id)
{
  g_signal_emit (self, signals[CASE_LINKED], 0, link_key, case_id);
}

static OutboxRecord *
find_entry (HdOutbox   *self,
            const char *id)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      OutboxRecord *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->id, id) == 0)
        return entry;
    }
  return NULL;
}

/* Removes an acknowledged (or explicitly dropped) entry from disk. */
gboolean
_hd_outbox_remove_entry (HdOutbox      *self,
                         OutboxRecord  *entry,
                         GError       **error)
{
  guint index;

  if (!_hd_outbox_store_unlink (self, entry, error))
    return FALSE;
  if (self->current == entry)
    self->current = NULL;
  if (g_ptr_array_find (self->entries, entry, &index))
    g_ptr_array_remove_index (self->entries, index);
  _hd_outbox_notify_counts (self);
  return TRUE;
}

static void
on_signed_in_cb (HdSfAuth   *auth,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  HdOutbox *self = user_data;

  if (hd_sf_auth_get_signed_in (auth))
    hd_outbox_retry_now (self);
}

/* --- GObject --- */

static void
hd_outbox_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdOutbox *self = HD_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, hd_outbox_get_pending_count (self));
      break;
    case PROP_ATTENTION_COUNT:
      g_value_set_uint (value, hd_outbox_get_attention_count (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_BACKOFF_BASE_MS:
      g_value_set_uint (value, self->backoff_base_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_outbox_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdOutbox *self = HD_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      hd_outbox_set_paused (self, g_value_get_boolean (value));
      break;
    case PROP_BACKOFF_BASE_MS:
      hd_outbox_set_backoff_base_ms (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_outbox_dispose (GObject *object)
{
  HdOutbox *self = HD_OUTBOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->client != NULL && self->signed_in_id != 0)
    g_clear_signal_handler (&self->signed_in_id, hd_sf_client_get_auth (self->client));
  self->current = NULL;
  G_OBJECT_CLASS (hd_outbox_parent_class)->dispose (object);
}

static void
hd_outbox_finalize (GObject *object)
{
  HdOutbox *self = HD_OUTBOX (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_hash_table_unref);
  if (self->lock_fd >= 0)
    close (self->lock_fd);   /* releases the flock */
  g_free (self->directory);
  G_OBJECT_CLASS (hd_outbox_parent_class)->finalize (object);
}

static void
hd_outbox_class_init (HdOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_outbox_dispose;
  object_class->finalize = hd_outbox_finalize;
  object_class->get_property = hd_outbox_get_property;
  object_class->set_property = hd_outbox_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ATTENTION_COUNT] =
    g_param_spec_uint ("attention-count", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HD_TYPE_OUTBOX_STATE, HD_OUTBOX_STATE_IDLE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BACKOFF_BASE_MS] =
    g_param_spec_uint ("backoff-base-ms", NULL, NULL, 1, 600000, 1000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, HD_TYPE_OUTBOX_ENTRY);
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, HD_TYPE_OUTBOX_ENTRY);
  signals[REJECTED] = g_signal_new ("rejected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, HD_TYPE_OUTBOX_ENTRY);
  signals[CASE_LINKED] = g_signal_new ("case-linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
hd_outbox_init (HdOutbox *self)
{
  self->lock_fd = -1;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _hd_outbox_record_free);
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->backoff_base_ms = 1000;
  self->next_seq = 1;
}

HdOutbox *
hd_outbox_new (const char  *directory,
               HdSfClient  *client,
               GError     **error)
{
  g_autoptr(HdOutbox) self = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (HD_IS_SF_CLIENT (client), NULL);

  self = g_object_new (HD_TYPE_OUTBOX, NULL);
  self->directory = g_strdup (directory);
  self->client = g_object_ref (client);

  if (!_hd_outbox_store_lock (self, error) || !_hd_outbox_store_load (self, error))
    return NULL;

  self->signed_in_id = g_signal_connect (hd_sf_client_get_auth (client), "notify::signed-in",
                                         G_CALLBACK (on_signed_in_cb), self);
  if (self->entries->len > 0)
    g_message ("Outbox: %u edit(s) left from the last run", self->entries->len);
  _hd_outbox_schedule (self);
  return g_steal_pointer (&self);
}

/* --- public API --- */

const char *
hd_outbox_get_directory (HdOutbox *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), NULL);
  return self->directory;
}

guint
hd_outbox_get_pending_count (HdOutbox *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), 0);
  return self->entries->len;
}

guint
hd_outbox_get_attention_count (HdOutbox *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), 0);
  return _hd_outbox_count_attention (self);
}

HdOutboxState
hd_outbox_get_state (HdOutbox *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), HD_OUTBOX_STATE_IDLE);
  return self->state;
}

gboolean
hd_outbox_get_paused (HdOutbox *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);
  return self->paused;
}

void
hd_outbox_set_paused (HdOutbox *self,
                      gboolean  paused)
{
  g_return_if_fail (HD_IS_OUTBOX (self));

  paused = !!paused;
  if (self->paused == paused)
    return;
  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
  _hd_outbox_schedule (self);
}

void
hd_outbox_set_backoff_base_ms (HdOutbox *self,
                               guint     base_ms)
{
  g_return_if_fail (HD_IS_OUTBOX (self));
  g_return_if_fail (base_ms > 0);

  if (self->backoff_base_ms == base_ms)
    return;
  self->backoff_base_ms = base_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKOFF_BASE_MS]);
}

void
hd_outbox_retry_now (HdOutbox *self)
{
  g_return_if_fail (HD_IS_OUTBOX (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->failures = 0;
  _hd_outbox_schedule (self);
}

static void
submit (HdOutbox     *self,
        OutboxRecord *entry,
        GTask        *task)
{
  g_autoptr(GError) error = NULL;

  if (!_hd_outbox_store_write (self, entry, &error))
    {
      _hd_outbox_record_free (entry);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (self->entries, entry);
  _hd_outbox_notify_counts (self);
  g_task_return_pointer (task, g_strdup (entry->id), g_free);
  _hd_outbox_schedule (self);
}

void
hd_outbox_update_async (HdOutbox            *self,
                        const char          *sobject,
                        const char          *record_id,
                        const char          *link_key,
                        JsonObject          *changes,
                        JsonObject          *base,
                        const char          *base_last_modified,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OutboxRecord *entry;

  g_return_if_fail (HD_IS_OUTBOX (self));
  g_return_if_fail (sobject != NULL);
  g_return_if_fail (record_id != NULL || link_key != NULL);
  g_return_if_fail (changes != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_outbox_update_async);
  if (record_id != NULL && !hd_sf_is_valid_id (record_id))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a Salesforce record id"), record_id);
      return;
    }
  if (json_object_get_size (changes) == 0)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("There are no changes to save"));
      return;
    }

  entry = _hd_outbox_record_new (self, HD_OUTBOX_KIND_UPDATE, sobject, record_id, link_key);
  entry->fields = _hd_outbox_copy_object (changes);
  if (base != NULL)
    entry->base = _hd_outbox_copy_object (base);
  entry->base_modified = g_strdup (base_last_modified);
  submit (self, entry, task);
}

void
hd_outbox_add_comment_async (HdOutbox            *self,
                             const char          *case_id,
                             const char          *link_key,
                             const char          *body,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OutboxRecord *entry;
  g_autofree char *marker = NULL;

  g_return_if_fail (HD_IS_OUTBOX (self));
  g_return_if_fail (case_id != NULL || link_key != NULL);
  g_return_if_fail (body != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_outbox_add_comment_async);
  if (case_id != NULL && !hd_sf_is_valid_id (case_id))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a Salesforce record id"), case_id);
      return;
    }

  entry = _hd_outbox_record_new (self, HD_OUTBOX_KIND_COMMENT, "CaseComment", case_id, link_key);
  marker = _hd_outbox_record_marker (entry);
  if (*body == '\0' || strlen (body) + 2 + strlen (marker) > COMMENT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (COMMENT_MAX_BYTES - 2 - strlen (marker));
      g_autofree char *size = g_format_size (strlen (body));

      _hd_outbox_record_free (entry);
      self->next_seq--;
      /* TRANSLATORS: both are sizes, e.g. “4.0 kB” and “4.1 kB” */
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("A case comment holds up to %s; this one has %s"),
                               limit, size);
      return;
    }
  entry->fields = json_object_new ();
  json_object_set_string_member (entry->fields, "CommentBody", body);
  submit (self, entry, task);
}

void
hd_outbox_create_case_async (HdOutbox            *self,
                             const char          *link_key,
                             JsonObject          *fields,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OutboxRecord *entry;

  g_return_if_fail (HD_IS_OUTBOX (self));
  g_return_if_fail (link_key != NULL && *link_key != '\0');
  g_return_if_fail (fields != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_outbox_create_case_async);

  if (g_hash_table_contains (self->links, link_key))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      OutboxRecord *pending = g_ptr_array_index (self->entries, i);

      if (pending->kind == HD_OUTBOX_KIND_CREATE && g_strcmp0 (pending->link, link_key) == 0)
        {
          g_task_return_pointer (task, g_strdup (pending->id), g_free);
          return;
        }
    }

  entry = _hd_outbox_record_new (self, HD_OUTBOX_KIND_CREATE, "Case", NULL, link_key);
  entry->fields = _hd_outbox_copy_object (fields);
  submit (self, entry, task);
}

char *
hd_outbox_submit_finish (HdOutbox      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
hd_outbox_lookup_link (HdOutbox   *self,
                       const char *link_key)
{
  g_return_val_if_fail (HD_IS_OUTBOX (self), NULL);
  return link_key != NULL ? g_hash_table_lookup (self->links, link_key) : NULL;
}

GPtrArray *
hd_outbox_dup_entries (HdOutbox *self)
{
  GPtrArray *snapshots;

  g_return_val_if_fail (HD_IS_OUTBOX (self), NULL);
  snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (snapshots, _hd_outbox_record_snapshot (g_ptr_array_index (self->entries, i)));
  return snapshots;
}

HdOutboxEntry *
hd_outbox_dup_entry (HdOutbox   *self,
                     const char *entry_id)
{
  OutboxRecord *entry;

  g_return_val_if_fail (HD_IS_OUTBOX (self), NULL);
  entry = find_entry (self, entry_id);
  return entry != NULL ? _hd_outbox_record_snapshot (entry) : NULL;
}

static OutboxRecord *
find_for_agent (HdOutbox            *self,
                const char          *entry_id,
                HdOutboxEntryState   wanted,
                GError             **error)
{
  OutboxRecord *entry = find_entry (self, entry_id);

  if (entry == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("This edit is no longer in the outbox"));
      return NULL;
    }
  if (entry == self->current || (wanted != (HdOutboxEntryState) -1 && entry->state != wanted))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_CONFLICT, _("This edit is being sent; try again in a moment"));
      return NULL;
    }
  return entry;
}

gboolean
hd_outbox_resolve_conflict (HdOutbox            *self,
                            const char          *entry_id,
                            const char * const  *keep_mine,
                            GError             **error)
{
  OutboxRecord *entry;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  if (!(entry = find_for_agent (self, entry_id, HD_OUTBOX_ENTRY_CONFLICT, error)))
    return FALSE;

  for (guint i = 0; entry->conflicts != NULL && entry->conflicts[i] != NULL; i++)
    if (keep_mine == NULL || !g_strv_contains (keep_mine, entry->conflicts[i]))
      json_object_remove_member (entry->fields, entry->conflicts[i]);   /* theirs wins */

  /* Send what is left against the version seen at the conflict, with the
   * server's values as the new "before". */
  if (entry->server != NULL)
    {
      g_clear_pointer (&entry->base, json_object_unref);
      entry->base = g_steal_pointer (&entry->server);
    }
  if (entry->server_modified != NULL)
    {
      g_free (entry->base_modified);
      entry->base_modified = g_strdup (entry->server_modified);
    }
  g_clear_pointer (&entry->conflicts, g_strfreev);
  g_clear_pointer (&entry->server, json_object_unref);
  entry->rebases = 0;
  entry->state = HD_OUTBOX_ENTRY_QUEUED;

  if (json_object_get_size (entry->fields) == 0)
    {
      if (!_hd_outbox_remove_entry (self, entry, error))
        return FALSE;
    }
  else if (!_hd_outbox_store_write (self, entry, error))
    return FALSE;
  _hd_outbox_notify_counts (self);
  _hd_outbox_schedule (self);
  return TRUE;
}

/* Whether @a and @b change the same record (or the same case still to be
 * created), for the same agent. */
static gboolean
same_record (HdOutbox     *self,
             OutboxRecord *a,
             OutboxRecord *b)
{
  const char *target_a = _hd_outbox_entry_target (self, a);
  const char *target_b = _hd_outbox_entry_target (self, b);

  if (g_strcmp0 (a->sobject, b->sobject) != 0 || g_strcmp0 (a->org_id, b->org_id) != 0 ||
      g_strcmp0 (a->user_id, b->user_id) != 0)
    return FALSE;
  if (target_a != NULL || target_b != NULL)
    return g_strcmp0 (target_a, target_b) == 0;
  return g_strcmp0 (a->link, b->link) == 0;
}

/* Sets @from's members in @into; with @keep, members @into has already
 * stay as they are. */
static void
merge_members (JsonObject *into,
               JsonObject *from,
               gboolean    keep)
{
  g_autoptr(GList) names = from != NULL ? json_object_get_members (from) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    if (!keep || !json_object_has_member (into, l->data))
      json_object_set_member (into, l->data, json_node_copy (json_object_get_member (from, l->data)));
}

gboolean
hd_outbox_amend (HdOutbox    *self,
                 const char  *entry_id,
                 JsonObject  *changes,
                 JsonObject  *base,
                 GError     **error)
{
  OutboxRecord *entry;
  g_autoptr(GPtrArray) folded = g_ptr_array_new ();
  guint index;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!(entry = find_for_agent (self, entry_id, HD_OUTBOX_ENTRY_REJECTED, error)))
    return FALSE;

  /* A rejection is often about fields the rejected request did not carry
   * (a validation rule "closing needs a disposition" names the
   * disposition): the correction may sit in later updates of the same
   * record, queued behind this one, which blocks them.  They become one
   * request with it, or Salesforce would see the same refused PATCH again
   * and the correction never. */
  if (entry->kind == HD_OUTBOX_KIND_UPDATE && g_ptr_array_find (self->entries, entry, &index))
    for (guint i = index + 1; i < self->entries->len; i++)
      {
        OutboxRecord *later = g_ptr_array_index (self->entries, i);

        if (!same_record (self, entry, later))
          continue;
        /* Anything else for the record keeps its place after this entry. */
        if (later->kind != HD_OUTBOX_KIND_UPDATE || later->state != HD_OUTBOX_ENTRY_QUEUED ||
            later == self->current)
          break;
        g_ptr_array_add (folded, later);
      }

  for (guint i = 0; i < folded->len; i++)
    {
      OutboxRecord *later = g_ptr_array_index (folded, i);

      merge_members (entry->fields, later->fields, FALSE);
      if (later->base != NULL)
        {
          if (entry->base == NULL)
            entry->base = json_object_new ();
          /* What the agent saw first is what a conflict is judged against. */
          merge_members (entry->base, later->base, TRUE);
        }
    }
  merge_members (entry->fields, changes, FALSE);
  if (base != NULL && json_object_get_size (base) > 0)
    {
      if (entry->base == NULL)
        entry->base = json_object_new ();
      merge_members (entry->base, base, TRUE);
    }
  g_clear_pointer (&entry->errors, json_array_unref);
  entry->state = HD_OUTBOX_ENTRY_QUEUED;
  /* The amended entry is durable before the ones folded into it go: a
   * crash in between sends their fields twice, the same values, never
   * not at all. */
  if (!_hd_outbox_store_write (self, entry, error))
    return FALSE;
  for (guint i = 0; i < folded->len; i++)
    {
      OutboxRecord *later = g_ptr_array_index (folded, i);
      g_autofree char *description = _hd_outbox_record_describe (later);

      g_message ("Outbox: %s is sent with the amended %s", description, entry->id);
      if (!_hd_outbox_remove_entry (self, later, error))
        return FALSE;
    }
  _hd_outbox_notify_counts (self);
  _hd_outbox_schedule (self);
  return TRUE;
}

gboolean
hd_outbox_discard (HdOutbox    *self,
                   const char  *entry_id,
                   GError     **error)
{
  OutboxRecord *entry;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);

  if (!(entry = find_for_agent (self, entry_id, (HdOutboxEntryState) -1, error)))
    return FALSE;
  if (entry->state == HD_OUTBOX_ENTRY_SENDING)
    {
      /* It may have reached Salesforce; only reconciliation may drop it. */
      g_set_error (error, HD_ERROR, HD_ERROR_CONFLICT,
                   _("This edit may already have reached Salesforce and cannot be discarded"));
      return FALSE;
    }
  description = _hd_outbox_record_describe (entry);
  g_message ("Outbox: the agent discarded %s", description);
  if (!_hd_outbox_remove_entry (self, entry, error))
    return FALSE;
  _hd_outbox_schedule (self);
  return TRUE;
}
