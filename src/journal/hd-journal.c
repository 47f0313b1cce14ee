/* hd-journal.c
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

#include "hd-background.h"
#include "hd-durable.h"
#include "hd-error.h"
#include "hd-journal.h"
#include "hd-journal-scrub.h"

#define FILE_PREFIX "journal-"
#define FILE_SUFFIX ".jsonl"
/* An empty file made ahead, in the background, to become the next one:
 * creating a file can wait for the disk (reading the inode bitmap, 12 ms
 * in the benchmark) and a rotation happens on the window's thread.  Not a
 * journal file name, so listing and verification never see it. */
#define SPARE_NAME ".journal-spare"
/* Unsynced bytes after which they are synced in the background. */
#define BACKGROUND_SYNC_BYTES (1024 * 1024)

struct _HdJournal
{
  GObject   parent_instance;

  char     *directory;      /* owned */
  guint64   max_file_size;
  char     *current_path;   /* owned */
  char     *current_day;    /* owned, "YYYYMMDD" */
  guint     current_index;
  int       fd;             /* -1 when closed */
  guint64   size;           /* of the current file */
  gint64    next_seq;
  char     *last_hash;      /* owned */
  char     *last_error;     /* owned, nullable */
  guint     n_scrubbed;
  gboolean  dirty;          /* written since the last fsync */
  guint64   background_synced; /* of the current file: synced, or being synced */
  gboolean  spare_asked;    /* for the current file */
};

static void hd_journal_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdJournal, hd_journal, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, hd_journal_initable_iface_init))

enum { PROP_0, PROP_DIRECTORY, PROP_MAX_FILE_SIZE, PROP_LAST_ERROR, N_PROPS };
enum { APPENDED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const boundary_types[] = {
  HD_EVENT_ACCEPT, HD_EVENT_DECLINE, HD_EVENT_EXPIRE, HD_EVENT_REVOKE, HD_EVENT_TRANSFER,
  HD_EVENT_CASE_EDIT, HD_EVENT_WRAP_UP, HD_EVENT_REVEAL, HD_EVENT_JOURNAL_HEADER,
  HD_EVENT_TORN_LINE,
};

gboolean
hd_journal_is_boundary_type (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (boundary_types); i++)
    if (g_str_equal (type, boundary_types[i]))
      return TRUE;
  return FALSE;
}

static void
set_io_error (GError     **error,
              const char  *what,
              const char  *path,
              int          saved_errno)
{
  g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not %s the journal file “%s”: %s"),
               what, path, g_strerror (saved_errno));
}

static gboolean
fsync_directory (const char  *directory,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!hd_durable_sync_directory (directory, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not %s the journal file “%s”: %s"),
                   "sync", directory, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_file_name (const char  *name,
                 char       **day,
                 guint       *index)
{
  const char *p;
  guint value = 0;

  /* journal-YYYYMMDD-NNNN.jsonl */
  if (!g_str_has_prefix (name, FILE_PREFIX) || !g_str_has_suffix (name, FILE_SUFFIX) ||
      strlen (name) != strlen (FILE_PREFIX) + 8 + 1 + 4 + strlen (FILE_SUFFIX))
    return FALSE;
  p = name + strlen (FILE_PREFIX);
  for (guint i = 0; i < 13; i++)
    if (i == 8 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return FALSE;
  for (guint i = 9; i < 13; i++)
    value = value * 10 + (guint) (p[i] - '0');
  if (day != NULL)
    *day = g_strndup (p, 8);
  if (index != NULL)
    *index = value;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
hd_journal_list_files (const char  *directory,
                       GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *paths;
  const char *name;

  g_return_val_if_fail (directory != NULL, NULL);

  if (!(dir = g_dir_open (directory, 0, error)))
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (parse_file_name (name, NULL, NULL))
      g_ptr_array_add (names, g_strdup (name));
  /* Zero-padded dates and indexes: name order is chain order. */
  g_ptr_array_sort (names, compare_names);

  paths = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (directory, g_ptr_array_index (names, i), NULL));
  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_free (paths, FALSE);
}

/* Finds the last complete, well-formed line of @contents[0..@len): returns
 * the length of the good prefix, and the seq and hash of its last record. */
static gsize
find_good_prefix (const char *contents,
                  gsize       len,
                  gint64     *last_seq,
                  char       *last_hash,
                  gboolean   *found)
{
  gsize end = len;

  *found = FALSE;

  /* Drop a torn tail: bytes after the last newline. */
  while (end > 0 && contents[end - 1] != '\n')
    end--;

  while (end > 0)
    {
      const char *line_end = contents + end - 1;  /* the '\n' */
      const char *line_start = line_end;
      gboolean shape_ok;

      while (line_start > contents && line_start[-1] != '\n')
        line_start--;

      if (hd_journal_line_check (line_start, (gsize) (line_end - line_start), &shape_ok,
                                 last_seq, NULL, last_hash))
        {
          *found = TRUE;
          return end;
        }
      /* A damaged last line: quarantine it too and look at the one before. */
      end = (gsize) (line_start - contents);
    }
  return 0;
}

static char *
unique_quarantine_path (const char *path,
                        gint64      after_seq)
{
  char *candidate = g_strdup_printf ("%s.torn-%" G_GINT64_FORMAT, path, after_seq);

  for (guint i = 1; g_file_test (candidate, G_FILE_TEST_EXISTS); i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.torn-%" G_GINT64_FORMAT ".%u", path, after_seq, i);
    }
  return candidate;
}

/* The seq and hash that end the chain of @path; FALSE if it holds no good
 * record.  Read-only. */
static gboolean
read_chain_tail (const char  *path,
                 gint64      *last_seq,
                 char        *last_hash,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  gboolean found = FALSE;

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  find_good_prefix (contents, len, last_seq, last_hash, &found);
  return found;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           int         *saved_errno)
{
  while (len > 0)
    {
      gssize written = write (fd, data, len);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += written;
      len -= (gsize) written;
    }
  return TRUE;
}

static void
make_spare (gpointer data)
{
  char *path = data;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd >= 0)
    close (fd);
  else if (errno != EEXIST)
    g_debug ("Could not make the journal's spare file %s: %s", path, g_strerror (errno));
  g_free (path);
}

/* Once the current file is half full. */
static void
ask_for_spare (HdJournal *self)
{
  if (self->spare_asked || self->size < self->max_file_size / 2)
    return;
  self->spare_asked = TRUE;
  hd_background_release (g_build_filename (self->directory, SPARE_NAME, NULL), make_spare);
}

/* The spare, if it is there and empty, becomes @path. */
static void
take_spare (HdJournal  *self,
            const char *path)
{
  g_autofree char *spare = g_build_filename (self->directory, SPARE_NAME, NULL);
  GStatBuf st;

  if (g_lstat (spare, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return;
  if (g_rename (spare, path) != 0)
    g_debug ("Could not use the journal's spare file: %s", g_strerror (errno));
}

typedef struct
{
  int   fd;      /* a duplicate, owned */
  char *path;    /* owned, for the log */
} BackgroundSync;

static void
background_sync (gpointer data)
{
  BackgroundSync *job = data;

  if (fdatasync (job->fd) != 0)
    g_debug ("Could not sync %s in the background: %s", job->path, g_strerror (errno));
  close (job->fd);
  g_free (job->path);
  g_free (job);
}

/* Big records (a 10,000-turn offer is a megabyte) are not synced one by
 * one, but the fsync of the next boundary or rotation, on the window's
 * thread, must not find megabytes still to write (a rotation took 12 ms
 * in the benchmark): they are synced in the background, through a
 * duplicate of the descriptor, as they pile up.  That fsync still decides
 * what is durable when; this only leaves it less to do. */
static void
sync_in_background (HdJournal *self)
{
  BackgroundSync *job;
  int fd = fcntl (self->fd, F_DUPFD_CLOEXEC, 0);

  if (fd < 0)
    return;
  job = g_new0 (BackgroundSync, 1);
  job->fd = fd;
  job->path = g_strdup (self->current_path);
  hd_background_release (job, background_sync);
  self->background_synced = self->size;
}

static gboolean
write_line (HdJournal       *self,
            HdJournalEvent  *event,
            gboolean         sync,
            GError         **error)
{
  g_autofree char *line = _hd_journal_event_seal (event, self->next_seq, self->last_hash);
  gsize len = strlen (line);
  int saved_errno = 0;

  if (!write_all (self->fd, line, len, &saved_errno))
    {
      /* Never leave a partial line for the next append to glue onto. */
      if (ftruncate (self->fd, (off_t) self->size) != 0)
        g_warning ("Could not cut a failed append from %s: %s", self->current_path, g_strerror (errno));
      set_io_error (error, "write", self->current_path, saved_errno);
      return FALSE;
    }
  self->size += len;
  self->next_seq++;
  g_free (self->last_hash);
  self->last_hash = g_strdup (hd_journal_event_get_hash (event));
  self->dirty = TRUE;

  if (sync)
    {
      if (g_fsync (self->fd) != 0)
        {
          set_io_error (error, "sync", self->current_path, errno);
          return FALSE;
        }
      self->dirty = FALSE;
      self->background_synced = self->size;
    }
  else if (self->size - self->background_synced >= BACKGROUND_SYNC_BYTES)
    sync_in_background (self);
  ask_for_spare (self);
  return TRUE;
}

static gboolean
open_fd (HdJournal   *self,
         GError     **error)
{
  self->fd = g_open (self->current_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_io_error (error, "open", self->current_path, errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_header (HdJournal   *self,
              const char  *previous_path,
              GDateTime   *time,
              GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(HdJournalEvent) header = NULL;
  g_autofree char *previous_name = previous_path != NULL ? g_path_get_basename (previous_path) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "handoffdesk-journal");
  json_builder_set_member_name (builder, "app_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "previous_file");
  if (previous_name != NULL)
    json_builder_add_string_value (builder, previous_name);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  header = hd_journal_event_new ("", HD_ACTOR_SYSTEM, "handoffdesk", HD_EVENT_JOURNAL_HEADER, payload);
  hd_journal_event_set_time (header, time);
  return write_line (self, header, TRUE, error) && fsync_directory (self->directory, error);
}

/* Closes the current file and starts the next one for @day. */
static gboolean
start_file (HdJournal   *self,
            const char  *day,
            GDateTime   *time,
            GError     **error)
{
  g_autofree char *previous_path = g_steal_pointer (&self->current_path);
  guint index = previous_path != NULL && g_strcmp0 (day, self->current_day) == 0
                ? self->current_index + 1 : 1;

  if (self->fd >= 0)
    {
      if (g_fsync (self->fd) != 0)
        g_warning ("Could not sync %s before rotating: %s", previous_path, g_strerror (errno));
      close (self->fd);
      self->fd = -1;
    }

  for (;; index++)
    {
      g_autofree char *name = NULL;

      if (index > 9999)
        {
          g_set_error (error, HD_ERROR, HD_ERROR_LIMIT, _("Too many journal files for one day"));
          return FALSE;
        }
      name = g_strdup_printf (FILE_PREFIX "%s-%04u" FILE_SUFFIX, day, index);
      g_free (self->current_path);
      self->current_path = g_build_filename (self->directory, name, NULL);
      if (!g_file_test (self->current_path, G_FILE_TEST_EXISTS))
        break;
    }

  g_free (self->current_day);
  self->current_day = g_strdup (day);
  self->current_index = index;
  self->size = 0;
  self->background_synced = 0;
  self->spare_asked = FALSE;
  take_spare (self, self->current_path);

  return open_fd (self, error) && write_header (self, previous_path, time, error);
}

static char *
day_of (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%d");
}

static void
set_last_error (HdJournal  *self,
                const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

/* Opens @path (the newest file) for appending.  Quarantines a torn or damaged
 * tail first; @torn receives the payload for the "torn-line" record. */
static gboolean
recover_file (HdJournal   *self,
              const char  *path,
              const char  *previous_path,
              JsonNode   **torn,
              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_path_get_basename (path);
  char last_hash[65] = HD_JOURNAL_GENESIS_HASH;
  gint64 last_seq = -1;
  gboolean found = FALSE;
  gsize len = 0;
  gsize good;

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  good = find_good_prefix (contents, len, &last_seq, last_hash, &found);

  g_free (self->current_path);
  self->current_path = g_strdup (path);
  g_clear_pointer (&self->current_day, g_free);
  parse_file_name (name, &self->current_day, &self->current_index);

  if (!open_fd (self, error))
    return FALSE;

  if (good < len)
    {
      g_autofree char *quarantine = NULL;
      g_autofree char *quarantine_name = NULL;
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) contents + good, len - good);
      g_autofree char *message = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      quarantine = unique_quarantine_path (path, last_seq);
      if (!g_file_set_contents (quarantine, contents + good, (gssize) (len - good), error))
        return FALSE;
      if (ftruncate (self->fd, (off_t) good) != 0 || g_fsync (self->fd) != 0)
        {
          set_io_error (error, "truncate", path, errno);
          return FALSE;
        }
      quarantine_name = g_path_get_basename (quarantine);
      message = g_strdup_printf (_("The journal file “%s” ended with %zu bytes of a torn or damaged record "
                                   "after record %lld; they were moved to “%s”"),
                                 name, len - good, (long long) last_seq, quarantine_name);
      g_warning ("%s", message);
      set_last_error (self, message);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "after_seq");
      json_builder_add_int_value (builder, last_seq);
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, (gint64) (len - good));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha);
      json_builder_set_member_name (builder, "quarantine");
      json_builder_add_string_value (builder, quarantine_name);
      json_builder_end_object (builder);
      *torn = json_builder_get_root (builder);
    }
  self->size = good;
  self->background_synced = good;

  if (found)
    {
      self->next_seq = last_seq + 1;
      g_free (self->last_hash);
      self->last_hash = g_strdup (last_hash);
      return TRUE;
    }

  /* Nothing usable in this file (a crash right after creating it): continue
   * the chain of the previous file and write this file's header. */
  if (previous_path != NULL && read_chain_tail (previous_path, &last_seq, last_hash, NULL))
    {
      self->next_seq = last_seq + 1;
      g_free (self->last_hash);
      self->last_hash = g_strdup (last_hash);
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    return write_header (self, previous_path, now, error);
  }
}

static gboolean
hd_journal_initable_init (GInitable     *initable,
                          GCancellable  *cancellable,
                          GError       **error)
{
  HdJournal *self = HD_JOURNAL (initable);
  g_autoptr(JsonNode) torn = NULL;
  g_auto(GStrv) files = NULL;
  guint n_files;

  if (self->directory == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "No journal directory");
      return FALSE;
    }
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      set_io_error (error, "create the folder of", self->directory, errno);
      return FALSE;
    }
  if (!(files = hd_journal_list_files (self->directory, error)))
    return FALSE;

  n_files = g_strv_length (files);
  if (n_files == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *day = day_of (now);

      return start_file (self, day, now, error);
    }

  if (!recover_file (self, files[n_files - 1], n_files > 1 ? files[n_files - 2] : NULL, &torn, error))
    return FALSE;

  if (torn != NULL)
    {
      g_autoptr(HdJournalEvent) event =
        hd_journal_event_new ("", HD_ACTOR_SYSTEM, "handoffdesk", HD_EVENT_TORN_LINE, torn);

      return hd_journal_append (self, event, error);
    }
  return TRUE;
}

static void
hd_journal_initable_iface_init (GInitableIface *iface)
{
  iface->init = hd_journal_initable_init;
}

static void
hd_journal_finalize (GObject *object)
{
  HdJournal *self = HD_JOURNAL (object);

  if (self->fd >= 0)
    {
      if (self->dirty && g_fsync (self->fd) != 0)
        g_warning ("Could not sync %s: %s", self->current_path, g_strerror (errno));
      close (self->fd);
    }
  g_free (self->directory);
  g_free (self->current_path);
  g_free (self->current_day);
  g_free (self->last_hash);
  g_free (self->last_error);

  G_OBJECT_CLASS (hd_journal_parent_class)->finalize (object);
}

static void
hd_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdJournal *self = HD_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_MAX_FILE_SIZE:
      g_value_set_uint64 (value, self->max_file_size);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_journal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HdJournal *self = HD_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    case PROP_MAX_FILE_SIZE:
      self->max_file_size = g_value_get_uint64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_journal_class_init (HdJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_journal_finalize;
  object_class->get_property = hd_journal_get_property;
  object_class->set_property = hd_journal_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_FILE_SIZE] =
    g_param_spec_uint64 ("max-file-size", NULL, NULL, 4096, G_MAXUINT64,
                         HD_JOURNAL_DEFAULT_MAX_FILE_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HdJournal::appended:
   * @event: the sealed HdJournalEvent, as written
   *
   * Feed this to the live hd_journal_state_apply () of the handoff.
   */
  signals[APPENDED] = g_signal_new ("appended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                    HD_TYPE_JOURNAL_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hd_journal_init (HdJournal *self)
{
  self->fd = -1;
  self->max_file_size = HD_JOURNAL_DEFAULT_MAX_FILE_SIZE;
  self->last_hash = g_strdup (HD_JOURNAL_GENESIS_HASH);
}

HdJournal *
hd_journal_new (const char    *directory,
                GCancellable  *cancellable,
                GError       **error)
{
  return hd_journal_new_full (directory, HD_JOURNAL_DEFAULT_MAX_FILE_SIZE, cancellable, error);
}

HdJournal *
hd_journal_new_full (const char    *directory,
                     guint64        max_file_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (directory != NULL, NULL);

  return g_initable_new (HD_TYPE_JOURNAL, cancellable, error,
                         "directory", directory,
                         "max-file-size", max_file_size,
                         NULL);
}

const char *
hd_journal_get_directory (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), NULL);
  return self->directory;
}

const char *
hd_journal_get_current_path (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), NULL);
  return self->current_path;
}

gint64
hd_journal_get_next_seq (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), -1);
  return self->next_seq;
}

const char *
hd_journal_get_last_hash (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), NULL);
  return self->last_hash;
}

const char *
hd_journal_get_last_error (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), NULL);
  return self->last_error;
}

guint
hd_journal_get_n_scrubbed (HdJournal *self)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), 0);
  return self->n_scrubbed;
}

gboolean
hd_journal_append (HdJournal       *self,
                   HdJournalEvent  *event,
                   GError         **error)
{
  g_autoptr(JsonNode) scrubbed = NULL;
  g_autofree char *day = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (HD_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (hd_journal_event_get_hash (event) == NULL, FALSE);

  if (self->fd < 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("The journal is closed"));
      return FALSE;
    }

  if (hd_journal_event_get_time (event) == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      hd_journal_event_set_time (event, now);
    }

  /* A prepared payload was scrubbed when it was made. */
  if (_hd_journal_event_is_prepared (event, &n_changed))
    self->n_scrubbed += n_changed;
  else
    {
      scrubbed = hd_journal_scrub_payload (hd_journal_event_get_payload_node (event), &n_changed);
      if (n_changed > 0)
        {
          hd_journal_event_set_payload (event, scrubbed);
          self->n_scrubbed += n_changed;
        }
    }

  /* Rotate by day (of the event, in UTC) and by size.  A file always keeps
   * its header plus at least one record, so a huge record cannot loop.  An
   * event dated before the current file's day (a late or replayed one, a
   * clock behind) stays under that day: names never go back, because name
   * order is chain order. */
  day = day_of (hd_journal_event_get_time (event));
  if (self->current_day != NULL && g_strcmp0 (day, self->current_day) < 0)
    {
      g_free (day);
      day = g_strdup (self->current_day);
    }
  if (g_strcmp0 (day, self->current_day) > 0 ||
      (self->size >= self->max_file_size && self->current_path != NULL))
    {
      if (!start_file (self, day, hd_journal_event_get_time (event), error))
        return FALSE;
    }

  if (!write_line (self, event, hd_journal_is_boundary_type (hd_journal_event_get_event_type (event)), error))
    return FALSE;

  g_signal_emit (self, signals[APPENDED], 0, event);
  return TRUE;
}

gboolean
hd_journal_append_reveal (HdJournal    *self,
                          const char   *handoff_id,
                          const char   *field,
                          HdActorKind   who_kind,
                          const char   *who,
                          const char   *reason,
                          GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(HdJournalEvent) event = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (HD_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL && field != NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Say why the value must be revealed"));
      return FALSE;
    }
  if (who == NULL || *who == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A reveal must name who asked for it"));
      return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, stripped);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  event = hd_journal_event_new (handoff_id, who_kind, who, HD_EVENT_REVEAL, payload);
  return hd_journal_append (self, event, error);
}

gboolean
hd_journal_sync (HdJournal  *self,
                 GError    **error)
{
  g_return_val_if_fail (HD_IS_JOURNAL (self), FALSE);

  if (self->fd >= 0 && self->dirty)
    {
      if (g_fsync (self->fd) != 0)
        {
          set_io_error (error, "sync", self->current_path, errno);
          return FALSE;
        }
      self->dirty = FALSE;
    }
  return TRUE;
}

gboolean
hd_journal_close (HdJournal  *self,
                  GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (HD_IS_JOURNAL (self), FALSE);

  if (self->fd < 0)
    return TRUE;
  ok = hd_journal_sync (self, error);
  close (self->fd);
  self->fd = -1;
  return ok;
}

GPtrArray *
hd_journal_collect_handoff (const char  *directory,
                            const char  *handoff_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) needle = g_string_new ("\"handoff\":");
  g_auto(GStrv) files = NULL;

  g_return_val_if_fail (directory != NULL && handoff_id != NULL, NULL);

  if (!(files = hd_journal_list_files (directory, error)))
    return NULL;

  /* A cheap substring test skips other handoffs without parsing them. */
  _hd_journal_append_json_string (needle, handoff_id);
  g_string_append_c (needle, ',');

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      const char *line = NULL;
      const char *end = NULL;

      if (!g_file_get_contents (files[f], &contents, &len, error))
        return NULL;
      for (line = contents; line < contents + len; line = end + 1)
        {
          g_autoptr(GError) local_error = NULL;
          HdJournalEvent *event;

          end = memchr (line, '\n', (gsize) (contents + len - line));
          if (end == NULL)
            break;  /* a torn tail: not a record */
          if (g_strstr_len (line, end - line, needle->str) == NULL)
            continue;
          event = hd_journal_event_parse_line (line, (gsize) (end - line), parser, NULL, &local_error);
          if (event == NULL)
            {
              g_warning ("Skipping a damaged record in %s: %s", files[f], local_error->message);
              continue;
            }
          if (g_str_equal (hd_journal_event_get_handoff_id (event), handoff_id))
            g_ptr_array_add (events, event);
          else
            hd_journal_event_unref (event);
        }
    }
  return g_steal_pointer (&events);
}
