/* hd-journal-recover.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hd-durable.h"
#include "hd-error.h"
#include "hd-journal-private.h"

/* Crash recovery: opening the newest file after a crash finds the end of
 * its good records, moves a torn or damaged tail to a quarantine sidecar
 * and continues the chain from there. */

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

/* Opens @path (the newest file) for appending.  Quarantines a torn or damaged
 * tail first; @torn receives the payload for the "torn-line" record. */
gboolean
_hd_journal_recover_file (HdJournal   *self,
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
  _hd_journal_parse_file_name (name, &self->current_day, &self->current_index);

  if (!_hd_journal_open_fd (self, error))
    return FALSE;

  if (good < len)
    {
      g_autofree char *quarantine = NULL;
      g_autofree char *quarantine_name = NULL;
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) contents + good, len - good);
      g_autofree char *message = NULL;
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(GError) local_error = NULL;

      quarantine = unique_quarantine_path (path, last_seq);
      /* On disk, folder included, before the journal is cut: a power cut
       * between the two must not lose the bytes both ways. */
      if (!hd_durable_write_file (quarantine, contents + good, (gssize) (len - good), 0600, &local_error))
        {
          g_set_error (error, HD_ERROR, HD_ERROR_IO,
                       _("Could not set aside the damaged end of the journal in “%s”: %s"),
                       quarantine, local_error->message);
          return FALSE;
        }
      if (ftruncate (self->fd, (off_t) good) != 0 || g_fsync (self->fd) != 0)
        {
          _hd_journal_set_io_error (error, "truncate", path, errno);
          return FALSE;
        }
      quarantine_name = g_path_get_basename (quarantine);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* TRANSLATORS: the journal file, the number of bytes cut off, the last good record's number, the file they went to */
                                              "The journal file “%s” ended with %zu byte of a torn or damaged record "
                                              "after record %lld; it was moved to “%s”",
                                              "The journal file “%s” ended with %zu bytes of a torn or damaged record "
                                              "after record %lld; they were moved to “%s”", len - good),
                                 name, (size_t) (len - good), (long long) last_seq, quarantine_name);
      g_warning ("%s", message);
      _hd_journal_set_last_error (self, message);

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

    return _hd_journal_write_header (self, previous_path, now, error);
  }
}
