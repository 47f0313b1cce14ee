/* hd-journal-index.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hd-bounded-json.h"
#include "hd-durable.h"
#include "hd-error.h"
#include "hd-journal-index.h"
#include "hd-journal.h"
#include "hd-json-get.h"

#define INDEX_FORMAT "handoffdesk-journal-index"
#define INDEX_VERSION 1

/* Where a handoff that is not closed yet stands, and where its offer is. */
typedef struct
{
  char   *state;   /* "offered", "accepted" or "expired" (an accept may still follow) */
  char   *file;    /* the journal file of its offer record (base name) */
  gint64  seq;     /* the offer record's seq */
} Entry;

struct _HdJournalIndex
{
  char       *directory;
  char       *path;         /* of the index file */
  GHashTable *presented;    /* id set */
  GHashTable *streams;      /* stream id → gint64 * */
  char       *last_stream;
  GHashTable *open;         /* id → Entry */

  /* The point of the journal covered: the record ending it. */
  char       *file;         /* base name, NULL for an empty journal */
  gint64      last_seq;
  char       *last_hash;
  gboolean    dirty;        /* noted more since the file was written */
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->state);
  g_free (entry->file);
  g_free (entry);
}

static void
reset (HdJournalIndex *self)
{
  g_hash_table_remove_all (self->presented);
  g_hash_table_remove_all (self->streams);
  g_hash_table_remove_all (self->open);
  g_clear_pointer (&self->last_stream, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->last_hash, g_free);
  self->last_seq = -1;
}

static void
note_stream (HdJournalIndex *self,
             const char     *stream,
             gint64          seq)
{
  gint64 *known = g_hash_table_lookup (self->streams, stream);

  if (known == NULL)
    {
      known = g_new0 (gint64, 1);
      g_hash_table_insert (self->streams, g_strdup (stream), known);
    }
  *known = MAX (*known, seq);
  if (g_strcmp0 (self->last_stream, stream) != 0)
    {
      g_free (self->last_stream);
      self->last_stream = g_strdup (stream);
    }
}

void
hd_journal_index_note_feed (HdJournalIndex *self,
                            const char     *stream,
                            gint64          seq)
{
  g_return_if_fail (self != NULL);

  if (stream != NULL && seq > 0)
    note_stream (self, stream, seq);
  self->dirty = TRUE;
}

/* @read_feed: read the payload's "feed" member (when scanning); a live
 * append's feed position comes from hd_journal_index_note_feed () instead,
 * as parsing a big offer's payload again on the main thread is what the
 * prepared payload avoided. */
static void
note (HdJournalIndex *self,
      HdJournalEvent *event,
      const char     *path,
      gboolean        read_feed)
{
  const char *type = hd_journal_event_get_event_type (event);
  const char *id = hd_journal_event_get_handoff_id (event);
  JsonObject *payload = read_feed ? hd_journal_event_get_payload (event) : NULL;
  JsonNode *feed = payload != NULL ? json_object_get_member (payload, "feed") : NULL;
  g_autofree char *file = g_path_get_basename (path);
  Entry *entry;

  if (id != NULL && *id != '\0')
    {
      entry = g_hash_table_lookup (self->open, id);
      if (g_str_equal (type, HD_EVENT_OFFER))
        {
          g_hash_table_add (self->presented, g_strdup (id));
          entry = g_new0 (Entry, 1);
          entry->state = g_strdup ("offered");
          entry->file = g_strdup (file);
          entry->seq = hd_journal_event_get_seq (event);
          g_hash_table_insert (self->open, g_strdup (id), entry);
        }
      else if (entry != NULL && (g_str_equal (type, HD_EVENT_ACCEPT) || g_str_equal (type, HD_EVENT_EXPIRE)))
        {
          g_free (entry->state);
          entry->state = g_strdup (g_str_equal (type, HD_EVENT_ACCEPT) ? "accepted" : "expired");
        }
      else if (g_str_equal (type, HD_EVENT_DECLINE) || g_str_equal (type, HD_EVENT_REVOKE) ||
               g_str_equal (type, HD_EVENT_WRAP_UP))
        g_hash_table_remove (self->open, id);
    }

  if (feed != NULL && JSON_NODE_HOLDS_OBJECT (feed))
    {
      JsonObject *object = json_node_get_object (feed);
      const char *stream = hd_json_get_string (object, "stream", NULL);
      gint64 seq = hd_json_get_int (object, "seq", 0);

      hd_journal_index_note_feed (self, stream, seq);
    }

  if (g_strcmp0 (self->file, file) != 0)
    {
      g_free (self->file);
      self->file = g_steal_pointer (&file);
    }
  self->last_seq = hd_journal_event_get_seq (event);
  g_free (self->last_hash);
  self->last_hash = g_strdup (hd_journal_event_get_hash (event));
  self->dirty = TRUE;
}

void
hd_journal_index_note (HdJournalIndex *self,
                       HdJournalEvent *event,
                       const char     *path)
{
  g_return_if_fail (self != NULL && event != NULL && path != NULL);
  note (self, event, path, FALSE);
}

/* Reads @length bytes of @path from byte @offset (-1: to its end), so that
 * an index only a little behind a long journal reads only its tail, not
 * the whole file. */
static gboolean
read_range (const char  *path,
            goffset      offset,
            gssize       length,
            char       **contents,
            gsize       *out_length,
            GError     **error)
{
  g_autofree char *buffer = NULL;
  GStatBuf st;
  gsize done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (offset > st.st_size)
    offset = st.st_size;
  if (length < 0 || offset + length > st.st_size)
    length = (gssize) (st.st_size - offset);
  buffer = g_malloc ((gsize) length + 1);
  while (done < (gsize) length)
    {
      gssize n = pread (fd, buffer + done, (gsize) length - done, offset + (goffset) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : EIO;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                       g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  close (fd);
  buffer[done] = '\0';
  *out_length = done;
  *contents = g_steal_pointer (&buffer);
  return TRUE;
}

/* Notes every whole, well-formed record of @path from byte @offset on.  A
 * damaged line is skipped (the journal quarantines a torn tail when it
 * opens; hd_journal_verify_file () reports the rest). */
static gboolean
scan_file (HdJournalIndex  *self,
           const char      *path,
           gsize            offset,
           GError         **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *line;
  const char *end;

  if (!read_range (path, (goffset) offset, -1, &contents, &length, error))
    return FALSE;

  for (line = contents; line < contents + length; line = end + 1)
    {
      g_autoptr(HdJournalEvent) event = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean valid = FALSE;

      end = memchr (line, '\n', (gsize) (contents + length - line));
      if (end == NULL)
        break;
      event = hd_journal_event_parse_line (line, (gsize) (end - line), &valid, &local_error);
      if (event == NULL || !valid)
        {
          g_debug ("Index: skipping a damaged record in %s", path);
          continue;
        }
      note (self, event, path, TRUE);
    }
  return TRUE;
}

/* Scans @files from the one named @from (at @offset) on; all of them when
 * @from is NULL. */
static gboolean
scan_from (HdJournalIndex  *self,
           GStrv            files,
           const char      *from,
           gsize            offset,
           GError         **error)
{
  gboolean started = from == NULL;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (files[i]);

      if (!started && g_str_equal (name, from))
        {
          started = TRUE;
          if (!scan_file (self, files[i], offset, error))
            return FALSE;
          continue;
        }
      if (started && !scan_file (self, files[i], 0, error))
        return FALSE;
    }
  return TRUE;
}

static void
read_string_set (JsonObject *root,
                 const char *member,
                 GHashTable *set)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id = json_array_get_string_element (array, i);

      if (id != NULL)
        g_hash_table_add (set, g_strdup (id));
    }
}

/* Reads the index file and checks the point it covers against the journal.
 * Returns the byte offset to scan on from, or -1 (and the index reset) when
 * it must be rebuilt. */
static gssize
load (HdJournalIndex *self,
      GStrv           files)
{
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *covered_path = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gsize text_length = 0;
  gsize length = 0;
  JsonObject *root;
  JsonNode *member;
  gint64 size, mtime;
  const char *file, *hash;
  GStatBuf st;
  char stored_hash[65] = { 0 };
  gint64 stored_seq = -1;
  gboolean shape_ok = FALSE;
  const char *line;
  gboolean listed = FALSE;

  if (!g_file_get_contents (self->path, &text, &text_length, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Rebuilding the journal index: %s", error->message);
      return -1;
    }
  node = hd_bounded_json_parse (text, text_length, 8, NULL, &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_message ("Rebuilding the journal index %s: it is not a JSON object", self->path);
      return -1;
    }
  root = json_node_get_object (node);
  if (g_strcmp0 (hd_json_get_string (root, "format", NULL), INDEX_FORMAT) != 0 ||
      hd_json_get_int (root, "version", 0) != INDEX_VERSION)
    {
      g_message ("Rebuilding the journal index %s: unknown format", self->path);
      return -1;
    }

  file = hd_json_get_string (root, "file", NULL);
  size = hd_json_get_int (root, "size", -1);
  mtime = hd_json_get_int (root, "mtime", -1);
  hash = hd_json_get_string (root, "last_hash", "");
  if (file == NULL || size <= 0)
    return -1;
  for (guint i = 0; files[i] != NULL && !listed; i++)
    {
      g_autofree char *name = g_path_get_basename (files[i]);

      listed = g_str_equal (name, file);
    }
  covered_path = g_build_filename (self->directory, file, NULL);
  if (!listed || g_stat (covered_path, &st) != 0 || st.st_size < size ||
      (st.st_size == size && (gint64) st.st_mtime != mtime))
    {
      g_message ("Rebuilding the journal index: %s changed since it was indexed", file);
      return -1;
    }

  /* The record that ends the covered point must still be there, whole and
   * with the same hash: the chain then vouches for all before it.  Only
   * the file's tail up to that point is read, more while no line starts
   * in it (a big offer's record). */
  for (gint64 window = 64 * 1024;; window *= 4)
    {
      gint64 start = MAX (size - window, 0);

      g_clear_pointer (&contents, g_free);
      if (!read_range (covered_path, start, (gssize) (size - start), &contents, &length, NULL) ||
          length != (gsize) (size - start) || contents[length - 1] != '\n')
        return -1;
      line = g_strrstr_len (contents, (gssize) length - 1, "\n");
      if (line != NULL || start == 0)
        break;
    }
  line = line != NULL ? line + 1 : contents;
  if (!hd_journal_line_check (line, (gsize) (contents + length - 1 - line), &shape_ok, &stored_seq,
                              NULL, stored_hash) ||
      g_strcmp0 (stored_hash, hash) != 0 ||
      stored_seq != hd_json_get_int (root, "last_seq", -2))
    {
      g_message ("Rebuilding the journal index: the record it ends at no longer matches");
      return -1;
    }

  self->file = g_strdup (file);
  self->last_seq = stored_seq;
  self->last_hash = g_strdup (hash);
  read_string_set (root, "presented", self->presented);
  if ((member = json_object_get_member (root, "streams")) != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (member));
      while (json_object_iter_next (&iter, &name, &value))
        if (JSON_NODE_HOLDS_VALUE (value))
          note_stream (self, name, json_node_get_int (value));
    }
  g_free (self->last_stream);
  self->last_stream = g_strdup (hd_json_get_string (root, "last_stream", NULL));
  if ((member = json_object_get_member (root, "open")) != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObjectIter iter;
      const char *id;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (member));
      while (json_object_iter_next (&iter, &id, &value))
        {
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
          Entry *entry;

          if (object == NULL || hd_json_get_string (object, "file", NULL) == NULL)
            continue;
          entry = g_new0 (Entry, 1);
          entry->state = g_strdup (hd_json_get_string (object, "state", "offered"));
          entry->file = g_strdup (json_object_get_string_member (object, "file"));
          entry->seq = hd_json_get_int (object, "seq", 0);
          g_hash_table_insert (self->open, g_strdup (id), entry);
        }
    }
  return (gssize) size;
}

HdJournalIndex *
hd_journal_index_open (const char  *directory,
                       gboolean    *rebuilt,
                       GError     **error)
{
  HdJournalIndex *self;
  g_auto(GStrv) files = NULL;
  gssize offset;

  g_return_val_if_fail (directory != NULL, NULL);

  if (!(files = hd_journal_list_files (directory, error)))
    return NULL;

  self = g_new0 (HdJournalIndex, 1);
  self->directory = g_strdup (directory);
  self->path = g_build_filename (directory, HD_JOURNAL_INDEX_NAME, NULL);
  self->presented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->last_seq = -1;

  offset = load (self, files);
  if (offset < 0)
    reset (self);
  self->dirty = offset < 0;
  if (rebuilt != NULL)
    *rebuilt = offset < 0;
  if (!scan_from (self, files, offset < 0 ? NULL : self->file, offset < 0 ? 0 : (gsize) offset, error))
    {
      hd_journal_index_free (self);
      return NULL;
    }
  return self;
}

void
hd_journal_index_free (HdJournalIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->directory);
  g_free (self->path);
  g_hash_table_unref (self->presented);
  g_hash_table_unref (self->streams);
  g_hash_table_unref (self->open);
  g_free (self->last_stream);
  g_free (self->file);
  g_free (self->last_hash);
  g_free (self);
}

gboolean
hd_journal_index_save (HdJournalIndex  *self,
                       GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *covered_path = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GStatBuf st;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->file == NULL || !self->dirty)
    return TRUE;  /* nothing journaled yet, or nothing new */
  /* Every append is noted as it happens, so the file ends where the last
   * noted record does. */
  covered_path = g_build_filename (self->directory, self->file, NULL);
  if (g_stat (covered_path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not save the journal index: %s"), g_strerror (saved));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, INDEX_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, INDEX_VERSION);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, self->file);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) st.st_size);
  json_builder_set_member_name (builder, "mtime");
  json_builder_add_int_value (builder, (gint64) st.st_mtime);
  json_builder_set_member_name (builder, "last_seq");
  json_builder_add_int_value (builder, self->last_seq);
  json_builder_set_member_name (builder, "last_hash");
  json_builder_add_string_value (builder, self->last_hash);
  json_builder_set_member_name (builder, "last_stream");
  if (self->last_stream != NULL)
    json_builder_add_string_value (builder, self->last_stream);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "streams");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->streams);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      json_builder_set_member_name (builder, key);
      json_builder_add_int_value (builder, *(gint64 *) value);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "open");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->open);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      json_builder_set_member_name (builder, key);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, entry->state);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, entry->file);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, entry->seq);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "presented");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->presented);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_builder_add_string_value (builder, key);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  if (!hd_durable_write_file (self->path, text, -1, 0600, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not save the journal index: %s"),
                   local_error->message);
      return FALSE;
    }
  self->dirty = FALSE;
  return TRUE;
}

gboolean
hd_journal_index_was_presented (HdJournalIndex *self,
                                const char     *handoff_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return handoff_id != NULL && g_hash_table_contains (self->presented, handoff_id);
}

GHashTable *
hd_journal_index_get_presented (HdJournalIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->presented;
}

GHashTable *
hd_journal_index_get_streams (HdJournalIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->streams;
}

const char *
hd_journal_index_get_last_stream (HdJournalIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_stream;
}

static gboolean
is_open (Entry *entry)
{
  return g_str_equal (entry->state, "offered") || g_str_equal (entry->state, "accepted");
}

static int
compare_open (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GHashTable *open = user_data;
  Entry *x = g_hash_table_lookup (open, *(const char * const *) a);
  Entry *y = g_hash_table_lookup (open, *(const char * const *) b);
  int by_file = strcmp (x->file, y->file);

  if (by_file != 0)
    return by_file;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

GStrv
hd_journal_index_dup_open (HdJournalIndex *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  g_hash_table_iter_init (&iter, self->open);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (is_open (value))
      g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort_with_data (ids, compare_open, self->open);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (ids, FALSE);
}

GHashTable *
hd_journal_index_collect_open (HdJournalIndex  *self,
                               GError         **error)
{
  g_autoptr(GHashTable) result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) ids = hd_journal_index_dup_open (self);
  g_auto(GStrv) files = NULL;
  Entry *first;
  gboolean started = FALSE;

  if (ids[0] == NULL)
    return g_steal_pointer (&result);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_insert (result, g_strdup (ids[i]),
                         g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref));
  if (!(files = hd_journal_list_files (self->directory, error)))
    return NULL;

  /* The oldest open offer is where reading starts: what came before it is
   * of handoffs closed since. */
  first = g_hash_table_lookup (self->open, ids[0]);
  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *name = g_path_get_basename (files[f]);
      g_autofree char *contents = NULL;
      gsize length = 0;
      const char *end;

      if (!started && !g_str_equal (name, first->file))
        continue;
      started = TRUE;
      if (!g_file_get_contents (files[f], &contents, &length, error))
        return NULL;
      for (const char *line = contents; line < contents + length; line = end + 1)
        {
          g_autoptr(HdJournalEvent) event = NULL;
          GPtrArray *events;
          gint64 seq = -1;

          end = memchr (line, '\n', (gsize) (contents + length - line));
          if (end == NULL)
            break;
          if (!_hd_journal_line_read_shape (line, (gsize) (end - line), &seq) || seq < first->seq)
            continue;
          event = hd_journal_event_parse_line (line, (gsize) (end - line), NULL, NULL);
          if (event == NULL)
            continue;
          events = g_hash_table_lookup (result, hd_journal_event_get_handoff_id (event));
          if (events != NULL)
            g_ptr_array_add (events, g_steal_pointer (&event));
        }
    }
  return g_steal_pointer (&result);
}
