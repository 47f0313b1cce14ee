/* hd-draft-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-draft-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hd-bounded-json.h"
#include "hd-draft-store.h"
#include "hd-durable.h"
#include "hd-json-get.h"

#define DEFAULT_DELAY_MS 300
/* A draft file holds typed text: far below this. */
#define MAX_DRAFT_BYTES (4 * 1024 * 1024)

typedef struct
{
  char       *reply;    /* nullable */
  JsonObject *fields;   /* nullable */
  gboolean    dirty;    /* to be written */
} Draft;

struct _HdDraftStore
{
  GObject     parent_instance;

  char       *directory;
  GHashTable *drafts;   /* handoff id → Draft, loaded or changed */
  guint       delay_ms;
  guint       flush_id;
  guint       n_written;
};

G_DEFINE_FINAL_TYPE (HdDraftStore, hd_draft_store, G_TYPE_OBJECT)

static HdDraftStore *default_store;

static void
draft_free (gpointer data)
{
  Draft *draft = data;

  g_free (draft->reply);
  g_clear_pointer (&draft->fields, json_object_unref);
  g_free (draft);
}

/* Handoff ids come from the network: a file name is made of them only when
 * they are plainly safe, else of their hash. */
static char *
path_for (HdDraftStore *self,
          const char   *handoff_id)
{
  g_autofree char *name = NULL;
  gboolean safe = *handoff_id != '\0' && *handoff_id != '.' && strlen (handoff_id) <= 128;

  for (const char *p = handoff_id; safe && *p != '\0'; p++)
    safe = g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.';
  if (safe)
    name = g_strdup_printf ("%s.json", handoff_id);
  else
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, handoff_id, -1);
      name = g_strdup_printf ("%s.json", hash);
    }
  return g_build_filename (self->directory, name, NULL);
}

static Draft *
load (HdDraftStore *self,
      const char   *handoff_id)
{
  Draft *draft = g_hash_table_lookup (self->drafts, handoff_id);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length = 0;

  if (draft != NULL)
    return draft;

  draft = g_new0 (Draft, 1);
  path = path_for (self, handoff_id);
  if (g_file_get_contents (path, &text, &length, NULL) && length <= MAX_DRAFT_BYTES &&
      (node = hd_bounded_json_parse (text, length, 8, NULL, NULL)) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *root = json_node_get_object (node);
      JsonNode *fields = json_object_get_member (root, "case");

      /* The file must be this handoff's (a hashed name could collide). */
      if (g_strcmp0 (hd_json_get_string (root, "handoff", NULL), handoff_id) == 0)
        {
          draft->reply = g_strdup (hd_json_get_string (root, "reply", NULL));
          if (fields != NULL && JSON_NODE_HOLDS_OBJECT (fields))
            draft->fields = json_object_ref (json_node_get_object (fields));
        }
    }
  g_hash_table_insert (self->drafts, g_strdup (handoff_id), draft);
  return draft;
}

static gboolean
write_draft (HdDraftStore  *self,
             const char    *handoff_id,
             Draft         *draft,
             GError       **error)
{
  g_autofree char *path = path_for (self, handoff_id);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  draft->dirty = FALSE;
  self->n_written++;
  if (draft->reply == NULL && draft->fields == NULL)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "handoff");
  json_builder_add_string_value (builder, handoff_id);
  if (draft->reply != NULL)
    {
      json_builder_set_member_name (builder, "reply");
      json_builder_add_string_value (builder, draft->reply);
    }
  if (draft->fields != NULL)
    {
      JsonNode *fields = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (fields, draft->fields);
      json_builder_set_member_name (builder, "case");
      json_builder_add_value (builder, fields);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return hd_durable_write_file (path, text, -1, 0600, error);
}

gboolean
hd_draft_store_flush (HdDraftStore  *self,
                      GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok = TRUE;

  g_return_val_if_fail (HD_IS_DRAFT_STORE (self), FALSE);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->drafts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GError) local_error = NULL;

      if (!((Draft *) value)->dirty)
        continue;
      if (!write_draft (self, key, value, &local_error))
        {
          g_warning ("Could not save the draft of handoff %s: %s", (char *) key, local_error->message);
          if (ok)
            g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
flush_cb (gpointer data)
{
  HdDraftStore *self = data;

  self->flush_id = 0;
  hd_draft_store_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
changed (HdDraftStore *self,
         Draft        *draft)
{
  draft->dirty = TRUE;
  /* Once the agent pauses: a write per keystroke would fsync per keystroke. */
  g_clear_handle_id (&self->flush_id, g_source_remove);
  self->flush_id = g_timeout_add (self->delay_ms, flush_cb, self);
}

HdDraftStore *
hd_draft_store_new (const char *directory)
{
  HdDraftStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (HD_TYPE_DRAFT_STORE, NULL);
  self->directory = g_strdup (directory);
  return self;
}

HdDraftStore *
hd_draft_store_get_default (void)
{
  return default_store;
}

void
hd_draft_store_set_default (HdDraftStore *self)
{
  g_return_if_fail (self == NULL || HD_IS_DRAFT_STORE (self));
  g_set_object (&default_store, self);
}

const char *
hd_draft_store_get_directory (HdDraftStore *self)
{
  g_return_val_if_fail (HD_IS_DRAFT_STORE (self), NULL);
  return self->directory;
}

void
hd_draft_store_set_delay_ms (HdDraftStore *self,
                             guint         delay_ms)
{
  g_return_if_fail (HD_IS_DRAFT_STORE (self));
  self->delay_ms = delay_ms;
}

char *
hd_draft_store_dup_reply (HdDraftStore *self,
                          const char   *handoff_id)
{
  g_return_val_if_fail (HD_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (handoff_id != NULL, NULL);
  return g_strdup (load (self, handoff_id)->reply);
}

void
hd_draft_store_set_reply (HdDraftStore *self,
                          const char   *handoff_id,
                          const char   *text)
{
  Draft *draft;

  g_return_if_fail (HD_IS_DRAFT_STORE (self));
  g_return_if_fail (handoff_id != NULL);

  draft = load (self, handoff_id);
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (draft->reply, text) == 0)
    return;
  g_free (draft->reply);
  draft->reply = g_strdup (text);
  changed (self, draft);
}

JsonObject *
hd_draft_store_dup_case (HdDraftStore *self,
                         const char   *handoff_id)
{
  Draft *draft;

  g_return_val_if_fail (HD_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (handoff_id != NULL, NULL);

  draft = load (self, handoff_id);
  return draft->fields != NULL ? json_object_ref (draft->fields) : NULL;
}

static gboolean
same_fields (JsonObject *a,
             JsonObject *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_object_equal (a, b);
}

void
hd_draft_store_set_case (HdDraftStore *self,
                         const char   *handoff_id,
                         JsonObject   *fields)
{
  Draft *draft;

  g_return_if_fail (HD_IS_DRAFT_STORE (self));
  g_return_if_fail (handoff_id != NULL);

  draft = load (self, handoff_id);
  if (same_fields (draft->fields, fields))
    return;
  g_clear_pointer (&draft->fields, json_object_unref);
  if (fields != NULL)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonNode) copy = NULL;

      json_node_set_object (node, fields);
      copy = json_node_copy (node);
      draft->fields = json_object_ref (json_node_get_object (copy));
    }
  changed (self, draft);
}

void
hd_draft_store_clear (HdDraftStore *self,
                      const char   *handoff_id)
{
  Draft *draft;

  g_return_if_fail (HD_IS_DRAFT_STORE (self));
  g_return_if_fail (handoff_id != NULL);

  draft = load (self, handoff_id);
  if (draft->reply == NULL && draft->fields == NULL)
    return;
  g_clear_pointer (&draft->reply, g_free);
  g_clear_pointer (&draft->fields, json_object_unref);
  changed (self, draft);
}

guint
hd_draft_store_get_n_written (HdDraftStore *self)
{
  g_return_val_if_fail (HD_IS_DRAFT_STORE (self), 0);
  return self->n_written;
}

static void
hd_draft_store_dispose (GObject *object)
{
  HdDraftStore *self = HD_DRAFT_STORE (object);

  if (self->flush_id != 0)
    hd_draft_store_flush (self, NULL);

  G_OBJECT_CLASS (hd_draft_store_parent_class)->dispose (object);
}

static void
hd_draft_store_finalize (GObject *object)
{
  HdDraftStore *self = HD_DRAFT_STORE (object);

  g_free (self->directory);
  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (hd_draft_store_parent_class)->finalize (object);
}

static void
hd_draft_store_class_init (HdDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_draft_store_dispose;
  object_class->finalize = hd_draft_store_finalize;
}

static void
hd_draft_store_init (HdDraftStore *self)
{
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, draft_free);
  self->delay_ms = DEFAULT_DELAY_MS;
}
