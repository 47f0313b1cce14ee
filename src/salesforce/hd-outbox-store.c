/* hd-outbox-store.c
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
#include <sys/file.h>
#include <unistd.h>

#include "hd-bounded-json.h"
#include "hd-durable.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-outbox-private.h"

/* The outbox directory and the typed records read from and written to it.
 * The file format is described in hd-outbox-private.h; it is the one every
 * earlier version wrote, so outboxes left by them still load. */

static const char * const kind_names[] = { "update", "comment", "create" };
static const char * const state_names[] = { "queued", "sending", "conflict", "rejected" };

/* Every member the record types; others are kept in "extra" untouched. */
static const char * const known_members[] = {
  "version", "id", "seq", "kind", "sobject", "record", "link", "state", "attempts",
  "created_at", "sent_at", "org_id", "user_id", "fields", "base", "base_modified",
  "server_modified", "rebases", "conflicts", "server", "errors", NULL
};

/* --- records --- */

void
_hd_outbox_record_free (OutboxRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->path);
  g_free (record->id);
  g_free (record->sobject);
  g_free (record->record_id);
  g_free (record->link);
  g_free (record->created_at);
  g_free (record->sent_at);
  g_free (record->org_id);
  g_free (record->user_id);
  g_clear_pointer (&record->fields, json_object_unref);
  g_clear_pointer (&record->base, json_object_unref);
  g_free (record->base_modified);
  g_free (record->server_modified);
  g_strfreev (record->conflicts);
  g_clear_pointer (&record->server, json_object_unref);
  g_clear_pointer (&record->errors, json_array_unref);
  g_clear_pointer (&record->extra, json_object_unref);
  g_free (record);
}

JsonObject *
_hd_outbox_copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  json_node_init_object (node, object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

OutboxRecord *
_hd_outbox_record_new (HdOutbox     *self,
                       HdOutboxKind  kind,
                       const char   *sobject,
                       const char   *record_id,
                       const char   *link_key)
{
  OutboxRecord *record = g_new0 (OutboxRecord, 1);
  HdSfAuth *auth = hd_sf_client_get_auth (self->client);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = g_strdup_printf ("entry-%010" G_GUINT64_FORMAT ".json", self->next_seq);

  record->path = g_build_filename (self->directory, name, NULL);
  record->version = 1;
  record->id = g_uuid_string_random ();
  record->seq = self->next_seq++;
  record->kind = kind;
  record->sobject = g_strdup (sobject);
  record->record_id = g_strdup (record_id);
  record->link = g_strdup (link_key);
  record->state = HD_OUTBOX_ENTRY_QUEUED;
  record->created_at = hd_sf_format_datetime (now);
  /* Whose edit it is: it is only ever sent in that org, as that user. */
  record->org_id = g_strdup (hd_sf_auth_get_org_id (auth));
  record->user_id = g_strdup (hd_sf_auth_get_user_id (auth));
  return record;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
dup_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? _hd_outbox_copy_object (json_node_get_object (node)) : NULL;
}

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return -1;
}

OutboxRecord *
_hd_outbox_record_new_from_json (JsonObject *object,
                                 const char *path)
{
  g_autoptr(GList) names = NULL;
  OutboxRecord *record;
  JsonNode *node;
  gint64 seq = hd_json_get_int (object, "seq", 0);
  int kind = lookup_name (kind_names, G_N_ELEMENTS (kind_names), get_string (object, "kind"));
  int state = lookup_name (state_names, G_N_ELEMENTS (state_names), get_string (object, "state"));

  if (get_string (object, "id") == NULL || seq <= 0 || kind < 0 ||
      (node = json_object_get_member (object, "fields")) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  record = g_new0 (OutboxRecord, 1);
  record->path = g_strdup (path);
  record->version = hd_json_get_int (object, "version", 1);
  record->id = g_strdup (get_string (object, "id"));
  record->seq = (guint64) seq;
  record->kind = (HdOutboxKind) kind;
  record->sobject = g_strdup (get_string (object, "sobject"));
  record->record_id = g_strdup (get_string (object, "record"));
  record->link = g_strdup (get_string (object, "link"));
  /* An unknown state was always taken for "queued". */
  record->state = state < 0 ? HD_OUTBOX_ENTRY_QUEUED : (HdOutboxEntryState) state;
  record->attempts = (guint) hd_json_get_int (object, "attempts", 0);
  record->created_at = g_strdup (get_string (object, "created_at"));
  record->sent_at = g_strdup (get_string (object, "sent_at"));
  record->org_id = g_strdup (get_string (object, "org_id"));
  record->user_id = g_strdup (get_string (object, "user_id"));
  record->fields = dup_object (object, "fields");
  record->base = dup_object (object, "base");
  record->base_modified = g_strdup (get_string (object, "base_modified"));
  record->server_modified = g_strdup (get_string (object, "server_modified"));
  record->rebases = hd_json_get_int (object, "rebases", 0);
  record->server = dup_object (object, "server");

  node = json_object_get_member (object, "conflicts");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
      record->conflicts = g_strv_builder_end (builder);
    }

  node = json_object_get_member (object, "errors");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(JsonNode) copy = json_node_copy (node);

      record->errors = json_array_ref (json_node_get_array (copy));
    }

  record->extra = json_object_new ();
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (known_members, l->data))
      json_object_set_member (record->extra, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return record;
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value == NULL)
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

JsonObject *
_hd_outbox_record_to_json (OutboxRecord *record)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "version", record->version);
  json_object_set_string_member (object, "id", record->id);
  json_object_set_int_member (object, "seq", (gint64) record->seq);
  json_object_set_string_member (object, "kind", kind_names[record->kind]);
  set_string_or_null (object, "sobject", record->sobject);
  /* Written as null when unset, as they always were. */
  set_string_or_null (object, "record", record->record_id);
  set_string_or_null (object, "link", record->link);
  json_object_set_string_member (object, "state", state_names[record->state]);
  json_object_set_int_member (object, "attempts", record->attempts);
  if (record->created_at != NULL)
    json_object_set_string_member (object, "created_at", record->created_at);
  set_string_or_null (object, "org_id", record->org_id);
  set_string_or_null (object, "user_id", record->user_id);
  json_object_set_object_member (object, "fields", _hd_outbox_copy_object (record->fields));
  if (record->base != NULL)
    json_object_set_object_member (object, "base", _hd_outbox_copy_object (record->base));
  if (record->kind == HD_OUTBOX_KIND_UPDATE || record->base_modified != NULL)
    set_string_or_null (object, "base_modified", record->base_modified);
  if (record->sent_at != NULL)
    json_object_set_string_member (object, "sent_at", record->sent_at);
  if (record->rebases != 0)
    json_object_set_int_member (object, "rebases", record->rebases);
  if (record->server_modified != NULL)
    json_object_set_string_member (object, "server_modified", record->server_modified);
  if (record->conflicts != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; record->conflicts[i] != NULL; i++)
        json_array_add_string_element (array, record->conflicts[i]);
      json_object_set_array_member (object, "conflicts", array);
    }
  if (record->server != NULL)
    json_object_set_object_member (object, "server", _hd_outbox_copy_object (record->server));
  if (record->errors != NULL)
    {
      g_autoptr(JsonNode) node = json_node_alloc ();
      JsonNode *copy;

      json_node_init_array (node, record->errors);
      copy = json_node_copy (node);
      json_object_set_member (object, "errors", copy);
    }
  if (record->extra != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (record->extra);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (object, l->data, json_node_copy (json_object_get_member (record->extra, l->data)));
    }
  return object;
}

HdOutboxEntry *
_hd_outbox_record_snapshot (OutboxRecord *record)
{
  g_autoptr(JsonObject) object = _hd_outbox_record_to_json (record);

  return hd_outbox_entry_new_from_json (object);
}

char *
_hd_outbox_record_describe (OutboxRecord *record)
{
  g_autoptr(HdOutboxEntry) snapshot = _hd_outbox_record_snapshot (record);

  return hd_outbox_entry_describe (snapshot);
}

/* The marker that lets reconciliation find a create or comment that
 * reached Salesforce although its answer did not reach us. */
char *
_hd_outbox_record_marker (OutboxRecord *record)
{
  return g_strdup_printf ("HandoffDesk ref: hd-%s", record->id);
}

gboolean
_hd_outbox_record_needs_attention (OutboxRecord *record)
{
  return record->state == HD_OUTBOX_ENTRY_CONFLICT || record->state == HD_OUTBOX_ENTRY_REJECTED;
}

/* --- files --- */

static gboolean
fsync_directory (const char  *directory,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!hd_durable_sync_directory (directory, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not sync the outbox folder: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_json_durably (const char  *path,
                    JsonNode    *root,
                    GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);
  if (!hd_durable_write_file (path, data, (gssize) len, 0600, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not save the outbox: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hd_outbox_store_write (HdOutbox      *self,
                        OutboxRecord  *record,
                        GError       **error)
{
  g_autoptr(JsonObject) object = _hd_outbox_record_to_json (record);
  g_autoptr(JsonNode) root = json_node_alloc ();

  json_node_init_object (root, object);
  return write_json_durably (record->path, root, error);
}

gboolean
_hd_outbox_store_write_links (HdOutbox  *self,
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
  return write_json_durably (path, root, error);
}

gboolean
_hd_outbox_store_unlink (HdOutbox      *self,
                         OutboxRecord  *record,
                         GError       **error)
{
  if (g_unlink (record->path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not remove a sent edit from the outbox: %s"),
                   g_strerror (saved));
      return FALSE;
    }
  return fsync_directory (self->directory, error);
}

gboolean
_hd_outbox_store_lock (HdOutbox  *self,
                       GError   **error)
{
  g_autofree char *lock_path = NULL;

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not create the outbox folder %s: %s"),
                   self->directory, g_strerror (saved));
      return FALSE;
    }
  lock_path = g_build_filename (self->directory, "lock", NULL);
  self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO,
                   _("Another HandoffDesk is already sending the edits in %s"), self->directory);
      return FALSE;
    }
  return TRUE;
}

/* --- loading --- */

static gint
compare_records (gconstpointer a,
                 gconstpointer b)
{
  guint64 sa = (*(OutboxRecord **) a)->seq;
  guint64 sb = (*(OutboxRecord **) b)->seq;

  return sa < sb ? -1 : sa > sb;
}

static void
set_aside_damaged (HdOutbox   *self,
                   const char *name,
                   const char *why)
{
  g_autofree char *damaged = g_build_filename (self->directory, "damaged", NULL);
  g_autofree char *from = g_build_filename (self->directory, name, NULL);
  g_autofree char *to = g_build_filename (damaged, name, NULL);

  /* Never dropped silently: kept for a person to look at. */
  g_warning ("Outbox: %s is damaged (%s); moved to %s", from, why, to);
  g_mkdir_with_parents (damaged, 0700);
  if (g_rename (from, to) != 0)
    g_warning ("Outbox: could not move %s: %s", from, g_strerror (errno));
}

/* The outbox's own files, read with the bounded parser all the same: a
 * file cut short by a full disk, or replaced by hand, is named, not a
 * crash. */
static JsonObject *
load_object (const char  *path,
             gsize        max_bytes,
             GError     **error)
{
  g_autoptr(JsonNode) root = hd_bounded_json_load_file (path, max_bytes, HD_BOUNDED_JSON_MAX_DEPTH, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a JSON object"), path);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static void
load_links (HdOutbox *self)
{
  g_autofree char *links_path = g_build_filename (self->directory, "links.json", NULL);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *links;
  JsonNode *value;

  if (!g_file_test (links_path, G_FILE_TEST_EXISTS))
    return;
  if (!(root = load_object (links_path, HD_OUTBOX_MAX_LINKS_BYTES, &error)))
    {
      set_aside_damaged (self, "links.json", error->message);
      return;
    }
  if ((links = json_object_get_member (root, "links")) == NULL || !JSON_NODE_HOLDS_OBJECT (links))
    {
      set_aside_damaged (self, "links.json", _("no “links” object"));
      return;
    }

  /* All or nothing: a half-read map would send creates twice. */
  json_object_iter_init (&iter, json_node_get_object (links));
  while (json_object_iter_next (&iter, &key, &value))
    if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
      {
        set_aside_damaged (self, "links.json", _("a link that is not a case id"));
        return;
      }
  json_object_iter_init (&iter, json_node_get_object (links));
  while (json_object_iter_next (&iter, &key, &value))
    g_hash_table_replace (self->links, g_strdup (key), g_strdup (json_node_get_string (value)));
}

gboolean
_hd_outbox_store_load (HdOutbox  *self,
                       GError   **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  load_links (self);

  if (!(dir = g_dir_open (self->directory, 0, error)))
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) root = NULL;
      g_autoptr(GError) local_error = NULL;
      OutboxRecord *record = NULL;

      if (!g_str_has_prefix (name, "entry-") || !g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (self->directory, name, NULL);
      if (!(root = load_object (path, HD_OUTBOX_MAX_ENTRY_BYTES, &local_error)))
        {
          set_aside_damaged (self, name, local_error->message);
          continue;
        }
      if ((record = _hd_outbox_record_new_from_json (root, path)) == NULL)
        {
          set_aside_damaged (self, name, _("not an outbox entry this version can send"));
          continue;
        }
      g_ptr_array_add (self->entries, record);
      self->next_seq = MAX (self->next_seq, record->seq + 1);
    }
  g_ptr_array_sort (self->entries, compare_records);
  return TRUE;
}
