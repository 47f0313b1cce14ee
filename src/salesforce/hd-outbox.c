/* hd-outbox.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "hd-error.h"
#include "hd-outbox.h"

/* On disk: one file per entry, "entry-<seq>.json", each written with
 * g_file_set_contents_full (CONSISTENT | DURABLE) and followed by an fsync
 * of the directory, so a rename or unlink survives a power cut too.
 * "links.json" maps create-or-enrich keys to the cases created for them.
 * "lock" is flock()ed by the process that owns the outbox.
 *
 * An entry's "state" on disk is "queued", "sending", "conflict" or
 * "rejected".  "sending" is written before every request; whenever an
 * entry is found "sending" (after a crash, a lost answer, a 5xx or a
 * network failure) the server is checked before anything is sent again:
 * see reconcile () and docs/salesforce.md. */

#define MAX_AUTO_REBASES 5
#define COMMENT_MAX_BYTES 4000

typedef struct
{
  JsonObject *object;   /* the on-disk form, owned */
  char       *path;
} Entry;

struct _HdOutbox
{
  GObject        parent_instance;

  char          *directory;
  HdSfClient    *client;        /* owned */
  int            lock_fd;
  GPtrArray     *entries;       /* of Entry, by seq */
  GHashTable    *links;         /* link key → case id */
  guint64        next_seq;

  HdOutboxState  state;
  gboolean       paused;
  guint          backoff_base_ms;
  guint          failures;
  guint          timer_id;
  guint          idle_id;
  Entry         *current;       /* borrowed: the entry a request is out for */
  GCancellable  *cancellable;   /* cancelled in dispose */
  gulong         signed_in_id;
};

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
enum { SENT, CONFLICT, REJECTED, CASE_LINKED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (HdOutbox *self);
static void send_entry (HdOutbox *self, Entry *entry);

/* --- entries --- */

static void
entry_free (Entry *entry)
{
  g_clear_pointer (&entry->object, json_object_unref);
  g_free (entry->path);
  g_free (entry);
}

static const char *
entry_string (Entry      *entry,
              const char *name)
{
  JsonNode *node = json_object_get_member (entry->object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
entry_object (Entry      *entry,
              const char *name)
{
  JsonNode *node = json_object_get_member (entry->object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
entry_set_string (Entry      *entry,
                  const char *name,
                  const char *value)
{
  if (value == NULL)
    json_object_set_null_member (entry->object, name);
  else
    json_object_set_string_member (entry->object, name, value);
}

static HdOutboxEntryState
entry_state (Entry *entry)
{
  const char *state = entry_string (entry, "state");

  if (g_strcmp0 (state, "sending") == 0)
    return HD_OUTBOX_ENTRY_SENDING;
  if (g_strcmp0 (state, "conflict") == 0)
    return HD_OUTBOX_ENTRY_CONFLICT;
  if (g_strcmp0 (state, "rejected") == 0)
    return HD_OUTBOX_ENTRY_REJECTED;
  return HD_OUTBOX_ENTRY_QUEUED;
}

static gboolean
entry_needs_attention (Entry *entry)
{
  HdOutboxEntryState state = entry_state (entry);

  return state == HD_OUTBOX_ENTRY_CONFLICT || state == HD_OUTBOX_ENTRY_REJECTED;
}

static HdOutboxEntry *
entry_snapshot (Entry *entry)
{
  return hd_outbox_entry_new_from_json (entry->object);
}

static char *
entry_describe (Entry *entry)
{
  g_autoptr(HdOutboxEntry) snapshot = entry_snapshot (entry);

  return hd_outbox_entry_describe (snapshot);
}

/* The marker that lets reconcile () find a create or comment that reached
 * Salesforce although its answer did not reach us. */
static char *
entry_marker (Entry *entry)
{
  return g_strdup_printf ("HandoffDesk ref: hd-%s", entry_string (entry, "id"));
}

static gboolean
fsync_directory (const char  *directory,
                 GError     **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not sync the outbox folder: %s"), g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
write_json_durably (const char  *directory,
                    const char  *path,
                    JsonNode    *root,
                    GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not save the outbox: %s"), local_error->message);
      return FALSE;
    }
  return fsync_directory (directory, error);
}

static gboolean
entry_write (HdOutbox  *self,
             Entry     *entry,
             GError   **error)
{
  g_autoptr(JsonNode) root = json_node_alloc ();

  json_node_init_object (root, entry->object);
  return write_json_durably (self->directory, entry->path, root, error);
}

static gboolean
links_write (HdOutbox  *self,
             GError   **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) links = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  g_autofree char *path = g_build_filename (self->directory, "links.json", NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->links);
  while (g_hash_table_iter_next (&iter, &key, &value))
    json_object_set_string_member (links, key, value);
  json_object_set_object_member (object, "links", g_steal_pointer (&links));
  json_node_init_object (root, object);
  return write_json_durably (self->directory, path, root, error);
}

/* --- state --- */

static guint
count_attention (HdOutbox *self)
{
  guint n = 0;

  for (guint i = 0; i < self->entries->len; i++)
    n += entry_needs_attention (g_ptr_array_index (self->entries, i));
  return n;
}

static void
set_state (HdOutbox      *self,
           HdOutboxState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
notify_counts (HdOutbox *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_COUNT]);
}

static Entry *
find_entry (HdOutbox   *self,
            const char *id,
            guint      *index)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry_string (entry, "id"), id) == 0)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

/* The record an entry targets: its own record id, or the case created for
 * its link key; NULL while that case does not exist yet. */
static const char *
entry_target (HdOutbox *self,
              Entry    *entry)
{
  const char *record = entry_string (entry, "record");
  const char *link = entry_string (entry, "link");

  if (record != NULL)
    return record;
  if (link != NULL && g_strcmp0 (entry_string (entry, "kind"), "create") != 0)
    return g_hash_table_lookup (self->links, link);
  return NULL;
}

static char *
entry_key (HdOutbox *self,
           Entry    *entry)
{
  const char *target = entry_target (self, entry);

  if (target != NULL)
    return g_strdup (target);
  return g_strconcat ("link:", entry_string (entry, "link"), NULL);
}

/* Removes an acknowledged (or explicitly dropped) entry from disk. */
static gboolean
remove_entry (HdOutbox  *self,
              Entry     *entry,
              GError   **error)
{
  guint index;

  if (g_unlink (entry->path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not remove a sent edit from the outbox: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  if (!fsync_directory (self->directory, error))
    return FALSE;
  if (self->current == entry)
    self->current = NULL;
  if (g_ptr_array_find (self->entries, entry, &index))
    g_ptr_array_remove_index (self->entries, index);
  notify_counts (self);
  return TRUE;
}

/* --- the loop --- */

static void
finish_current (HdOutbox *self)
{
  self->current = NULL;
  schedule (self);
}

static gboolean
timer_cb (gpointer user_data)
{
  HdOutbox *self = user_data;

  self->timer_id = 0;
  schedule (self);
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
  set_state (self, state);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add ((guint) MIN (delay, G_MAXUINT), timer_cb, self);
}

static void
mark_rejected (HdOutbox   *self,
               Entry      *entry,
               GPtrArray  *errors,
               const char *fallback_message)
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

  json_object_set_array_member (entry->object, "errors", g_steal_pointer (&array));
  entry_set_string (entry, "state", "rejected");
  if (!entry_write (self, entry, &error))
    g_warning ("Outbox: %s", error->message);
  snapshot = entry_snapshot (entry);
  notify_counts (self);
  g_signal_emit (self, signals[REJECTED], 0, snapshot);
}

static void
acknowledge (HdOutbox   *self,
             Entry      *entry,
             const char *new_record_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdOutboxEntry) snapshot = NULL;
  g_autofree char *description = NULL;
  /* Copies: remove_entry () frees the entry. */
  g_autofree char *kind = g_strdup (entry_string (entry, "kind"));
  g_autofree char *link = g_strdup (entry_string (entry, "link"));
  g_autofree char *record = g_strdup (entry_target (self, entry));

  if (g_strcmp0 (kind, "create") == 0 && new_record_id != NULL)
    {
      /* Record the new case durably before the entry goes: from now on it
       * is linked, and create-or-enrich never creates it again. */
      g_hash_table_replace (self->links, g_strdup (link), g_strdup (new_record_id));
      if (!links_write (self, &error))
        {
          g_hash_table_remove (self->links, link);
          back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
          return;
        }
      g_free (record);
      record = g_strdup (new_record_id);
      entry_set_string (entry, "record", new_record_id);
    }

  /* The agent's later edits to this record were made on top of this one:
   * what they saw as "before" is now what this entry wrote. */
  if (g_strcmp0 (kind, "update") == 0)
    {
      JsonObject *fields = entry_object (entry, "fields");

      for (guint i = 0; i < self->entries->len; i++)
        {
          Entry *later = g_ptr_array_index (self->entries, i);
          g_autofree char *later_key = NULL;
          JsonObject *base;
          g_autoptr(GList) names = NULL;

          if (later == entry || g_strcmp0 (entry_string (later, "kind"), "update") != 0 ||
              entry_state (later) != HD_OUTBOX_ENTRY_QUEUED)
            continue;
          later_key = entry_key (self, later);
          if (g_strcmp0 (later_key, record) != 0 || (base = entry_object (later, "base")) == NULL)
            continue;
          names = json_object_get_members (fields);
          for (GList *l = names; l != NULL; l = l->next)
            if (json_object_has_member (base, l->data))
              json_object_set_member (base, l->data, json_node_copy (json_object_get_member (fields, l->data)));
          if (!entry_write (self, later, &error))
            {
              g_warning ("Outbox: %s", error->message);
              g_clear_error (&error);
            }
        }
    }

  snapshot = entry_snapshot (entry);
  description = hd_outbox_entry_describe (snapshot);
  if (!remove_entry (self, entry, &error))
    {
      back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
      return;
    }
  g_debug ("Outbox: acknowledged %s", description);
  self->failures = 0;

  if (g_strcmp0 (kind, "create") == 0 && new_record_id != NULL)
    g_signal_emit (self, signals[CASE_LINKED], 0, link, new_record_id);
  g_signal_emit (self, signals[SENT], 0, snapshot);
  finish_current (self);
}

/* Compares the agent's fields with the server's record.  Returns the
 * fields where someone else set a value different from both what the
 * agent saw and what the agent wrote. */
static GPtrArray *
find_conflicts (Entry      *entry,
                JsonObject *server,
                gboolean   *all_applied)
{
  JsonObject *fields = entry_object (entry, "fields");
  JsonObject *base = entry_object (entry, "base");
  g_autoptr(GList) names = json_object_get_members (fields);
  GPtrArray *conflicts = g_ptr_array_new_with_free_func (g_free);

  *all_applied = TRUE;
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *mine = json_object_get_member (fields, l->data);
      JsonNode *theirs = json_object_get_member (server, l->data);
      JsonNode *seen = base != NULL ? json_object_get_member (base, l->data) : NULL;
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
static void
handle_changed_record (HdOutbox   *self,
                       Entry      *entry,
                       JsonObject *server)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *fields = entry_object (entry, "fields");
  g_autoptr(GList) names = json_object_get_members (fields);
  JsonNode *modified = json_object_get_member (server, "LastModifiedDate");
  gint64 rebases = json_object_get_int_member_with_default (entry->object, "rebases", 0);
  gboolean all_applied;
  JsonObject *server_values = json_object_new ();

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (server, l->data);

      json_object_set_member (server_values, l->data, value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
    }
  if (modified != NULL)
    json_object_set_member (entry->object, "server_modified", json_node_copy (modified));

  conflicts = find_conflicts (entry, server, &all_applied);
  if (all_applied)
    {
      json_object_unref (server_values);
      acknowledge (self, entry, NULL);
      return;
    }

  if (conflicts->len == 0 && rebases < MAX_AUTO_REBASES)
    {
      json_object_set_object_member (entry->object, "base", server_values);
      if (modified != NULL)
        json_object_set_member (entry->object, "base_modified", json_node_copy (modified));
      json_object_set_int_member (entry->object, "rebases", rebases + 1);
      entry_set_string (entry, "state", "queued");
      if (!entry_write (self, entry, &error))
        {
          back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
          return;
        }
      g_debug ("Outbox: the record changed elsewhere in other fields; sending on top of it");
      finish_current (self);
      return;
    }

  {
    g_autoptr(JsonArray) array = json_array_new ();
    g_autoptr(HdOutboxEntry) snapshot = NULL;

    if (conflicts->len == 0)
      {
        /* Too many rebases: let the agent look at every field. */
        for (GList *l = names; l != NULL; l = l->next)
          json_array_add_string_element (array, l->data);
      }
    for (guint i = 0; i < conflicts->len; i++)
      json_array_add_string_element (array, g_ptr_array_index (conflicts, i));
    json_object_set_array_member (entry->object, "conflicts", g_steal_pointer (&array));
    json_object_set_object_member (entry->object, "server", server_values);
    entry_set_string (entry, "state", "conflict");
    if (!entry_write (self, entry, &error))
      g_warning ("Outbox: %s", error->message);
    snapshot = entry_snapshot (entry);
    notify_counts (self);
    g_signal_emit (self, signals[CONFLICT], 0, snapshot);
    finish_current (self);
  }
}

/* Classifies a failed request; the entry stays "sending" where the request
 * may have been applied. */
static void
handle_failure (HdOutbox *self,
                Entry    *entry,
                GError   *error)
{
  if (g_error_matches (error, HD_ERROR, HD_ERROR_AUTH))
    {
      g_message ("Outbox: waiting for sign-in (%s)", error->message);
      self->current = NULL;
      set_state (self, HD_OUTBOX_STATE_SIGNED_OUT);
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
                       Entry        *entry,
                       HdSfResponse *response)
{
  g_autoptr(GError) error = hd_sf_response_to_error (response);

  if (response->status >= 500 || g_error_matches (error, HD_ERROR, HD_ERROR_LIMIT) ||
      response->status == 401)
    {
      handle_failure (self, entry, error);
      return;
    }
  /* 400 (error array per field), 403 (no permission), 404 (deleted), ...:
   * Salesforce will refuse it again; the agent decides. */
  {
    g_autofree char *description = entry_describe (entry);

    g_message ("Outbox: Salesforce refused %s: %s", description, error->message);
  }
  mark_rejected (self, entry, response->errors, error->message);
  finish_current (self);
}

typedef struct
{
  HdOutbox *self;   /* owned: an answer is always handled, even while the
                       owner lets go of the outbox */
  Entry    *entry;  /* borrowed: self->current, which nothing else removes */
} Call;

static Call *
call_new (HdOutbox *self,
          Entry    *entry)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->entry = entry;
  return call;
}

static void
call_free (Call *call)
{
  g_clear_object (&call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static gboolean
call_done (Call    *call,
           GError  *error)
{
  /* Disposed (the cancellable is cancelled then): the entry stays as it is
   * on disk, "sending", and the next run reconciles it. */
  return g_cancellable_is_cancelled (call->self->cancellable) ||
         (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}

/* GETs the entry's record for reconciling; the answer is classified like a
 * write's (5xx and the API limit back off, 404 etc. reject). */
static void
fetch_record (HdOutbox            *self,
              Entry               *entry,
              GAsyncReadyCallback  callback)
{
  g_autofree char *path = g_strdup_printf ("sobjects/%s/%s", entry_string (entry, "sobject"),
                                           entry_target (self, entry));

  hd_sf_client_request_async (self->client, SOUP_METHOD_GET, path, NULL, NULL, self->cancellable,
                              callback, call_new (self, entry));
}

/* Returns the record, or NULL when the failure was dealt with. */
static JsonObject *
record_from_answer (Call          *call,
                    GObject       *object,
                    GAsyncResult  *result,
                    gboolean      *cancelled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;

  response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  *cancelled = call_done (call, error);
  if (*cancelled)
    return NULL;
  if (response == NULL)
    {
      handle_failure (call->self, call->entry, error);
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
  gboolean cancelled;

  if ((server = record_from_answer (call, object, result, &cancelled)) == NULL)
    return;
  handle_changed_record (call->self, call->entry, server);
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
  Entry *entry = call->entry;
  const char *kind;

  response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  if (call_done (call, error))
    return;
  if (response == NULL)
    {
      handle_failure (self, entry, error);
      return;
    }

  kind = entry_string (entry, "kind");
  if (SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      const char *id = NULL;

      if (g_strcmp0 (kind, "create") == 0)
        {
          if (response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json))
            id = json_object_get_string_member_with_default (json_node_get_object (response->json), "id", NULL);
          if (!hd_sf_is_valid_id (id))
            {
              /* Created, but we cannot tell which: reconcile finds it. */
              back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, "the created case's id is missing");
              return;
            }
        }
      acknowledge (self, entry, id);
      return;
    }

  if (response->status == SOUP_STATUS_PRECONDITION_FAILED && g_strcmp0 (kind, "update") == 0)
    {
      fetch_record (self, entry, changed_record_cb);
      return;
    }
  handle_error_response (self, entry, response);
}

static void
send_entry (HdOutbox *self,
            Entry    *entry)
{
  const char *kind = entry_string (entry, "kind");
  JsonObject *fields = entry_object (entry, "fields");
  g_autoptr(JsonNode) body = json_node_alloc ();
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *path = NULL;
  g_autofree char *http_date = NULL;
  g_autofree char *marker = entry_marker (entry);
  const char *headers[5] = { "Sforce-Auto-Assign", "FALSE", NULL, NULL, NULL };
  const char *method = SOUP_METHOD_POST;
  const char *target = entry_target (self, entry);

  /* A fresh copy: the marker is added on the wire only. */
  {
    g_autoptr(JsonNode) wrap = json_node_alloc ();
    g_autoptr(JsonNode) copy = NULL;

    json_node_init_object (wrap, fields);
    copy = json_node_copy (wrap);
    object = json_object_ref (json_node_get_object (copy));
  }

  if (g_strcmp0 (kind, "update") == 0)
    {
      const char *base_modified = entry_string (entry, "base_modified");
      g_autoptr(GDateTime) when = hd_sf_parse_datetime (base_modified);

      method = "PATCH";
      path = g_strdup_printf ("sobjects/%s/%s", entry_string (entry, "sobject"), target);
      if (when != NULL)
        {
          http_date = hd_sf_format_http_date (when);
          headers[2] = "If-Unmodified-Since";
          headers[3] = http_date;
        }
    }
  else if (g_strcmp0 (kind, "comment") == 0)
    {
      const char *text = json_object_get_string_member_with_default (object, "CommentBody", "");
      g_autofree char *with_marker = g_strdup_printf ("%s\n\n%s", text, marker);

      path = g_strdup ("sobjects/CaseComment");
      json_object_set_string_member (object, "ParentId", target);
      json_object_set_string_member (object, "CommentBody", with_marker);
      json_object_set_boolean_member (object, "IsPublished", FALSE);
    }
  else
    {
      const char *text = json_object_get_string_member_with_default (object, "Description", NULL);
      g_autofree char *with_marker = text != NULL ? g_strdup_printf ("%s\n\n%s", text, marker) : g_strdup (marker);

      path = g_strdup_printf ("sobjects/%s", entry_string (entry, "sobject"));
      json_object_set_string_member (object, "Description", with_marker);
    }

  json_node_init_object (body, object);
  hd_sf_client_request_async (self->client, method, path, body, headers, self->cancellable,
                              write_cb, call_new (self, entry));
}

/* --- reconciliation --- */

static void
reconcile_query_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = NULL;
  g_autofree char *marker = NULL;
  gboolean comment;

  records = hd_sf_client_query_finish (HD_SF_CLIENT (object), result, &error);
  if (call_done (call, error))
    return;
  if (records == NULL)
    {
      handle_failure (call->self, call->entry, error);
      return;
    }

  marker = entry_marker (call->entry);
  comment = g_strcmp0 (entry_string (call->entry, "kind"), "comment") == 0;
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *text = json_object_get_string_member_with_default (record, comment ? "CommentBody" : "Description", NULL);

      if (text != NULL && strstr (text, marker) != NULL)
        {
          g_message ("Outbox: found the %s sent before the interruption; not sending it again",
                     comment ? "comment" : "case");
          acknowledge (call->self, call->entry, json_object_get_string_member_with_default (record, "Id", NULL));
          return;
        }
    }
  send_entry (call->self, call->entry);
}

static void
reconcile_record_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean all_applied;
  gboolean cancelled;
  g_autoptr(GPtrArray) conflicts = NULL;

  if ((server = record_from_answer (call, object, result, &cancelled)) == NULL)
    return;

  /* Every field already has the agent's value: the update was applied
   * (by the request whose answer was lost).  Done, not sent again. */
  conflicts = find_conflicts (call->entry, server, &all_applied);
  if (all_applied)
    {
      g_message ("Outbox: the update sent before the interruption was applied; not sending it again");
      acknowledge (call->self, call->entry, NULL);
      return;
    }

  /* The record is still the version the agent edited: not applied. */
  base = hd_sf_parse_datetime (entry_string (call->entry, "base_modified"));
  now = hd_sf_parse_datetime (json_object_get_string_member_with_default (server, "LastModifiedDate", NULL));
  if (base == NULL || (now != NULL && g_date_time_compare (base, now) == 0))
    {
      send_entry (call->self, call->entry);
      return;
    }
  handle_changed_record (call->self, call->entry, server);
}

static void
reconcile (HdOutbox *self,
           Entry    *entry)
{
  const char *kind = entry_string (entry, "kind");
  const char *user_id = hd_sf_auth_get_user_id (hd_sf_client_get_auth (self->client));
  g_autoptr(GDateTime) sent_at = hd_sf_parse_datetime (entry_string (entry, "sent_at"));
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *soql = NULL;
  g_autofree char *user = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *description = entry_describe (entry);

  g_debug ("Outbox: reconciling %s", description);

  if (g_strcmp0 (kind, "update") == 0)
    {
      fetch_record (self, entry, reconcile_record_cb);
      return;
    }

  /* Creates and comments carry the entry's marker: look for it among the
   * records this user created since shortly before the first attempt (an
   * hour's margin for clock skew). */
  if (sent_at == NULL)
    sent_at = g_date_time_new_now_utc ();
  since = g_date_time_add_hours (sent_at, -1);
  since_text = g_date_time_format (since, "%Y-%m-%dT%H:%M:%SZ");
  user = user_id != NULL ? hd_sf_soql_quote (user_id) : NULL;

  if (g_strcmp0 (kind, "comment") == 0)
    {
      parent = hd_sf_soql_quote (entry_target (self, entry));
      soql = g_strdup_printf ("SELECT Id, CommentBody FROM CaseComment WHERE ParentId = %s "
                              "AND CreatedDate >= %s%s%s", parent, since_text,
                              user != NULL ? " AND CreatedById = " : "", user != NULL ? user : "");
    }
  else
    soql = g_strdup_printf ("SELECT Id, Description FROM %s WHERE CreatedDate >= %s%s%s",
                            entry_string (entry, "sobject"), since_text,
                            user != NULL ? " AND CreatedById = " : "", user != NULL ? user : "");
  hd_sf_client_query_async (self->client, soql, self->cancellable, reconcile_query_cb, call_new (self, entry));
}

/* --- scheduling --- */

/* An entry made while signed out belongs to whoever signs in next. */
static gboolean
entry_owned_by_session (HdOutbox *self,
                        Entry    *entry)
{
  HdSfAuth *auth = hd_sf_client_get_auth (self->client);
  const char *org = entry_string (entry, "org_id");
  const char *user = entry_string (entry, "user_id");

  return (org == NULL || g_strcmp0 (org, hd_sf_auth_get_org_id (auth)) == 0) &&
         (user == NULL || g_strcmp0 (user, hd_sf_auth_get_user_id (auth)) == 0);
}

static Entry *
pick_next (HdOutbox *self)
{
  g_autoptr(GHashTable) blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_autofree char *key = entry_key (self, entry);
      const char *link = entry_string (entry, "link");

      if (entry_needs_attention (entry))
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
      if (entry_target (self, entry) == NULL && g_strcmp0 (entry_string (entry, "kind"), "create") != 0)
        {
          /* Waits for its case; the create comes first in order, so if it
           * is not ahead any more, it will never come. */
          gboolean create_ahead = FALSE;

          for (guint j = 0; j < i; j++)
            {
              Entry *earlier = g_ptr_array_index (self->entries, j);

              create_ahead |= g_strcmp0 (entry_string (earlier, "kind"), "create") == 0 &&
                              g_strcmp0 (entry_string (earlier, "link"), link) == 0;
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
  g_autofree char *now_text = NULL;
  Entry *entry;

  self->idle_id = 0;
  if (self->current != NULL || self->paused || self->timer_id != 0)
    return G_SOURCE_REMOVE;

  if (!hd_sf_auth_get_signed_in (hd_sf_client_get_auth (self->client)))
    {
      set_state (self, self->entries->len > count_attention (self) ? HD_OUTBOX_STATE_SIGNED_OUT
                       : count_attention (self) > 0 ? HD_OUTBOX_STATE_NEEDS_ATTENTION : HD_OUTBOX_STATE_IDLE);
      return G_SOURCE_REMOVE;
    }
  entry = pick_next (self);
  if (entry == NULL)
    {
      gboolean foreign = FALSE;

      for (guint i = 0; i < self->entries->len; i++)
        foreign |= !entry_needs_attention (g_ptr_array_index (self->entries, i)) &&
                   !entry_owned_by_session (self, g_ptr_array_index (self->entries, i));
      self->failures = 0;
      if (foreign && self->state != HD_OUTBOX_STATE_SIGNED_OUT)
        g_message ("Outbox: edits made by another Salesforce user wait until that user signs in");
      set_state (self, foreign ? HD_OUTBOX_STATE_SIGNED_OUT
                       : count_attention (self) > 0 ? HD_OUTBOX_STATE_NEEDS_ATTENTION : HD_OUTBOX_STATE_IDLE);
      return G_SOURCE_REMOVE;
    }

  self->current = entry;
  set_state (self, HD_OUTBOX_STATE_SENDING);

  if (entry_state (entry) == HD_OUTBOX_ENTRY_SENDING)
    {
      reconcile (self, entry);
      return G_SOURCE_REMOVE;
    }

  /* Durably "sending" before the request leaves: if we die from here on,
   * the next run checks the server before sending again. */
  now = g_date_time_new_now_utc ();
  now_text = hd_sf_format_datetime (now);
  entry_set_string (entry, "state", "sending");
  entry_set_string (entry, "sent_at", now_text);
  json_object_set_int_member (entry->object, "attempts",
                              json_object_get_int_member_with_default (entry->object, "attempts", 0) + 1);
  if (!entry_write (self, entry, &error))
    {
      entry_set_string (entry, "state", "queued");
      back_off (self, HD_OUTBOX_STATE_BACKING_OFF, FALSE, error->message);
      return G_SOURCE_REMOVE;
    }
  send_entry (self, entry);
  return G_SOURCE_REMOVE;
}

static void
schedule (HdOutbox *self)
{
  if (self->idle_id == 0 && self->current == NULL && self->timer_id == 0 && !self->paused &&
      !g_cancellable_is_cancelled (self->cancellable))
    self->idle_id = g_idle_add (process_cb, self);
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
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
  self->backoff_base_ms = 1000;
  self->next_seq = 1;
}

/* --- loading --- */

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  gint64 sa = json_object_get_int_member_with_default ((*(Entry **) a)->object, "seq", 0);
  gint64 sb = json_object_get_int_member_with_default ((*(Entry **) b)->object, "seq", 0);

  return sa < sb ? -1 : sa > sb;
}

static void
set_aside_damaged (HdOutbox   *self,
                   const char *name)
{
  g_autofree char *damaged = g_build_filename (self->directory, "damaged", NULL);
  g_autofree char *from = g_build_filename (self->directory, name, NULL);
  g_autofree char *to = g_build_filename (damaged, name, NULL);

  /* Never dropped silently: kept for a person to look at. */
  g_warning ("Outbox: %s is damaged; moved to %s", from, to);
  g_mkdir_with_parents (damaged, 0700);
  if (g_rename (from, to) != 0)
    g_warning ("Outbox: could not move %s: %s", from, g_strerror (errno));
}

static gboolean
load (HdOutbox  *self,
      GError   **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *links_path = g_build_filename (self->directory, "links.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *name;

  if (g_file_test (links_path, G_FILE_TEST_EXISTS))
    {
      JsonNode *root;

      if (json_parser_load_from_file (parser, links_path, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
          json_object_has_member (json_node_get_object (root), "links"))
        {
          JsonObject *links = json_object_get_object_member (json_node_get_object (root), "links");
          g_autoptr(GList) keys = links != NULL ? json_object_get_members (links) : NULL;

          for (GList *l = keys; l != NULL; l = l->next)
            g_hash_table_replace (self->links, g_strdup (l->data),
                                  g_strdup (json_object_get_string_member (links, l->data)));
        }
      else
        set_aside_damaged (self, "links.json");
    }

  if (!(dir = g_dir_open (self->directory, 0, error)))
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) entry_parser = NULL;
      JsonNode *root;
      JsonObject *object;
      Entry *entry;
      gint64 seq;

      if (!g_str_has_prefix (name, "entry-") || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (self->directory, name, NULL);
      entry_parser = json_parser_new ();
      if (!json_parser_load_from_file (entry_parser, path, NULL) ||
          (root = json_parser_get_root (entry_parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
          !json_object_has_member (object = json_node_get_object (root), "id") ||
          (seq = json_object_get_int_member_with_default (object, "seq", 0)) <= 0 ||
          !json_object_has_member (object, "kind") || !json_object_has_member (object, "fields"))
        {
          set_aside_damaged (self, name);
          continue;
        }
      entry = g_new0 (Entry, 1);
      entry->object = json_object_ref (object);
      entry->path = g_steal_pointer (&path);
      g_ptr_array_add (self->entries, entry);
      self->next_seq = MAX (self->next_seq, (guint64) seq + 1);
    }
  g_ptr_array_sort (self->entries, compare_entries);
  return TRUE;
}

HdOutbox *
hd_outbox_new (const char  *directory,
               HdSfClient  *client,
               GError     **error)
{
  g_autoptr(HdOutbox) self = NULL;
  g_autofree char *lock_path = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (HD_IS_SF_CLIENT (client), NULL);

  self = g_object_new (HD_TYPE_OUTBOX, NULL);
  self->directory = g_strdup (directory);
  self->client = g_object_ref (client);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not create the outbox folder %s: %s"),
                   directory, g_strerror (saved));
      return NULL;
    }
  lock_path = g_build_filename (directory, "lock", NULL);
  self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   _("Another HandoffDesk is already sending the edits in %s"), directory);
      return NULL;
    }
  if (!load (self, error))
    return NULL;

  self->signed_in_id = g_signal_connect (hd_sf_client_get_auth (client), "notify::signed-in",
                                         G_CALLBACK (on_signed_in_cb), self);
  if (self->entries->len > 0)
    g_message ("Outbox: %u edit(s) left from the last run", self->entries->len);
  schedule (self);
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
  return count_attention (self);
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
  schedule (self);
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
  schedule (self);
}

static Entry *
new_entry (HdOutbox   *self,
           const char *kind,
           const char *sobject,
           const char *record_id,
           const char *link_key)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = hd_sf_format_datetime (now);
  g_autofree char *name = g_strdup_printf ("entry-%010" G_GUINT64_FORMAT ".json", self->next_seq);

  entry->object = json_object_new ();
  entry->path = g_build_filename (self->directory, name, NULL);
  json_object_set_int_member (entry->object, "version", 1);
  json_object_set_string_member (entry->object, "id", id);
  json_object_set_int_member (entry->object, "seq", (gint64) self->next_seq++);
  json_object_set_string_member (entry->object, "kind", kind);
  json_object_set_string_member (entry->object, "sobject", sobject);
  entry_set_string (entry, "record", record_id);
  entry_set_string (entry, "link", link_key);
  json_object_set_string_member (entry->object, "state", "queued");
  json_object_set_int_member (entry->object, "attempts", 0);
  json_object_set_string_member (entry->object, "created_at", now_text);
  /* Whose edit it is: it is only ever sent in that org, as that user. */
  entry_set_string (entry, "org_id", hd_sf_auth_get_org_id (hd_sf_client_get_auth (self->client)));
  entry_set_string (entry, "user_id", hd_sf_auth_get_user_id (hd_sf_client_get_auth (self->client)));
  return entry;
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  json_node_init_object (node, object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

static void
submit (HdOutbox *self,
        Entry    *entry,
        GTask    *task)
{
  g_autoptr(GError) error = NULL;

  if (!entry_write (self, entry, &error))
    {
      entry_free (entry);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (self->entries, entry);
  notify_counts (self);
  g_task_return_pointer (task, g_strdup (entry_string (entry, "id")), g_free);
  schedule (self);
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
  Entry *entry;

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

  entry = new_entry (self, "update", sobject, record_id, link_key);
  json_object_set_object_member (entry->object, "fields", copy_object (changes));
  if (base != NULL)
    json_object_set_object_member (entry->object, "base", copy_object (base));
  entry_set_string (entry, "base_modified", base_last_modified);
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
  JsonObject *fields;
  Entry *entry;
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

  entry = new_entry (self, "comment", "CaseComment", case_id, link_key);
  marker = entry_marker (entry);
  if (*body == '\0' || strlen (body) + 2 + strlen (marker) > COMMENT_MAX_BYTES)
    {
      entry_free (entry);
      self->next_seq--;
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE,
                               _("A case comment holds up to %u bytes; this one has %zu"),
                               (guint) (COMMENT_MAX_BYTES - 2 - strlen (marker)), strlen (body));
      return;
    }
  fields = json_object_new ();
  json_object_set_string_member (fields, "CommentBody", body);
  json_object_set_object_member (entry->object, "fields", fields);
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
  Entry *entry;

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
      Entry *pending = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry_string (pending, "kind"), "create") == 0 &&
          g_strcmp0 (entry_string (pending, "link"), link_key) == 0)
        {
          g_task_return_pointer (task, g_strdup (entry_string (pending, "id")), g_free);
          return;
        }
    }

  entry = new_entry (self, "create", "Case", NULL, link_key);
  json_object_set_object_member (entry->object, "fields", copy_object (fields));
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
    g_ptr_array_add (snapshots, entry_snapshot (g_ptr_array_index (self->entries, i)));
  return snapshots;
}

HdOutboxEntry *
hd_outbox_dup_entry (HdOutbox   *self,
                     const char *entry_id)
{
  Entry *entry;

  g_return_val_if_fail (HD_IS_OUTBOX (self), NULL);
  entry = find_entry (self, entry_id, NULL);
  return entry != NULL ? entry_snapshot (entry) : NULL;
}

static Entry *
find_for_agent (HdOutbox            *self,
                const char          *entry_id,
                HdOutboxEntryState   wanted,
                GError             **error)
{
  Entry *entry = find_entry (self, entry_id, NULL);

  if (entry == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("This edit is no longer in the outbox"));
      return NULL;
    }
  if (entry == self->current || (wanted != (HdOutboxEntryState) -1 && entry_state (entry) != wanted))
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
  Entry *entry;
  JsonObject *fields, *server;
  JsonNode *conflicts, *server_modified;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  if (!(entry = find_for_agent (self, entry_id, HD_OUTBOX_ENTRY_CONFLICT, error)))
    return FALSE;

  fields = entry_object (entry, "fields");
  server = entry_object (entry, "server");
  conflicts = json_object_get_member (entry->object, "conflicts");
  if (conflicts != NULL && JSON_NODE_HOLDS_ARRAY (conflicts))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (conflicts)); i++)
      {
        const char *field = json_array_get_string_element (json_node_get_array (conflicts), i);

        if (keep_mine == NULL || !g_strv_contains (keep_mine, field))
          json_object_remove_member (fields, field);   /* theirs wins */
      }

  /* Send what is left against the version seen at the conflict, with the
   * server's values as the new "before". */
  if (server != NULL)
    json_object_set_object_member (entry->object, "base", copy_object (server));
  server_modified = json_object_get_member (entry->object, "server_modified");
  if (server_modified != NULL)
    json_object_set_member (entry->object, "base_modified", json_node_copy (server_modified));
  json_object_remove_member (entry->object, "conflicts");
  json_object_remove_member (entry->object, "server");
  json_object_set_int_member (entry->object, "rebases", 0);
  entry_set_string (entry, "state", "queued");

  if (json_object_get_size (fields) == 0)
    {
      if (!remove_entry (self, entry, error))
        return FALSE;
    }
  else if (!entry_write (self, entry, error))
    return FALSE;
  notify_counts (self);
  schedule (self);
  return TRUE;
}

gboolean
hd_outbox_amend (HdOutbox    *self,
                 const char  *entry_id,
                 JsonObject  *changes,
                 GError     **error)
{
  Entry *entry;
  JsonObject *fields;
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!(entry = find_for_agent (self, entry_id, HD_OUTBOX_ENTRY_REJECTED, error)))
    return FALSE;
  fields = entry_object (entry, "fields");
  names = json_object_get_members (changes);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (fields, l->data, json_node_copy (json_object_get_member (changes, l->data)));
  json_object_remove_member (entry->object, "errors");
  entry_set_string (entry, "state", "queued");
  if (!entry_write (self, entry, error))
    return FALSE;
  notify_counts (self);
  schedule (self);
  return TRUE;
}

gboolean
hd_outbox_discard (HdOutbox    *self,
                   const char  *entry_id,
                   GError     **error)
{
  Entry *entry;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HD_IS_OUTBOX (self), FALSE);

  if (!(entry = find_for_agent (self, entry_id, (HdOutboxEntryState) -1, error)))
    return FALSE;
  if (entry_state (entry) == HD_OUTBOX_ENTRY_SENDING)
    {
      /* It may have reached Salesforce; only reconciliation may drop it. */
      g_set_error (error, HD_ERROR, HD_ERROR_CONFLICT,
                   _("This edit may already have reached Salesforce and cannot be discarded"));
      return FALSE;
    }
  description = entry_describe (entry);
  g_message ("Outbox: the agent discarded %s", description);
  if (!remove_entry (self, entry, error))
    return FALSE;
  schedule (self);
  return TRUE;
}

JsonObject *
hd_outbox_build_case_fields (const char *case_type,
                             const char *subcategory,
                             const char *disposition,
                             const char *summary,
                             const char *subject,
                             const char *account_id,
                             const char *contact_id)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "Origin", "Chat");
  if (subject != NULL)
    json_object_set_string_member (fields, "Subject", subject);
  if (case_type != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_TYPE, case_type);
  if (subcategory != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_SUBCATEGORY, subcategory);
  if (disposition != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_DISPOSITION, disposition);
  if (summary != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_DESCRIPTION, summary);
  if (account_id != NULL && hd_sf_is_valid_id (account_id))
    json_object_set_string_member (fields, "AccountId", account_id);
  if (contact_id != NULL && hd_sf_is_valid_id (contact_id))
    json_object_set_string_member (fields, "ContactId", contact_id);
  return fields;
}
