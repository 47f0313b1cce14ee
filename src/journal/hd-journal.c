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
#include "hd-error.h"
#include "hd-journal-private.h"
#include "hd-journal-scrub.h"

/* Unsynced bytes after which they are synced in the background. */
#define BACKGROUND_SYNC_BYTES (1024 * 1024)

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

void
_hd_journal_set_io_error (GError     **error,
                          const char  *what,
                          const char  *path,
                          int          saved_errno)
{
  const char *reason = g_strerror (saved_errno);

  /* One whole sentence per operation: a verb slotted into a sentence cannot be
   * translated (its form depends on the language's grammar around it). */
  if (g_str_equal (what, "write"))
    g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not write the journal file “%s”: %s"),
                 path, reason);
  else if (g_str_equal (what, "sync"))
    g_set_error (error, HD_ERROR, HD_ERROR_IO,
                 _("Could not save the journal file “%s” to disk: %s"), path, reason);
  else if (g_str_equal (what, "open"))
    g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not open the journal file “%s”: %s"),
                 path, reason);
  else if (g_str_equal (what, "truncate"))
    g_set_error (error, HD_ERROR, HD_ERROR_IO,
                 _("Could not cut the torn end off the journal file “%s”: %s"), path, reason);
  else if (g_str_equal (what, "create the folder of"))
    g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not create the journal folder “%s”: %s"),
                 path, reason);
  else
    g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not use the journal file “%s”: %s"),
                 path, reason);
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
      _hd_journal_set_io_error (error, "write", self->current_path, saved_errno);
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
          _hd_journal_set_io_error (error, "sync", self->current_path, errno);
          return FALSE;
        }
      self->dirty = FALSE;
      self->background_synced = self->size;
    }
  else if (self->size - self->background_synced >= BACKGROUND_SYNC_BYTES)
    sync_in_background (self);
  _hd_journal_ask_for_spare (self);
  return TRUE;
}

gboolean
_hd_journal_open_fd (HdJournal   *self,
                     GError     **error)
{
  self->fd = g_open (self->current_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      _hd_journal_set_io_error (error, "open", self->current_path, errno);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hd_journal_write_header (HdJournal   *self,
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
  return write_line (self, header, TRUE, error) && _hd_journal_fsync_directory (self->directory, error);
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
      name = _hd_journal_build_file_name (day, index);
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
  _hd_journal_take_spare (self, self->current_path);

  return _hd_journal_open_fd (self, error) && _hd_journal_write_header (self, previous_path, time, error);
}

static char *
day_of (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%d");
}

void
_hd_journal_set_last_error (HdJournal  *self,
                            const char *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
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
      _hd_journal_set_io_error (error, "create the folder of", self->directory, errno);
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

  if (!_hd_journal_recover_file (self, files[n_files - 1], n_files > 1 ? files[n_files - 2] : NULL,
                                 &torn, error))
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
          _hd_journal_set_io_error (error, "sync", self->current_path, errno);
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
