/* hd-journal-verify.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-verify"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-journal.h"
#include "hd-journal-event.h"
#include "hd-journal-verify.h"

G_DEFINE_QUARK (hd-journal-error-quark, hd_journal_error)

#define HEADER_TYPE_MEMBER_J ",\"type\":\"" HD_EVENT_JOURNAL_HEADER "\","
#define HEADER_TYPE_MEMBER_R ",\"type\":\"" HD_EVENT_RECORDING_HEADER "\","

static gboolean
seq_appears_later (const char *from,
                   const char *end,
                   gint64      seq)
{
  while (from < end)
    {
      const char *nl = memchr (from, '\n', (gsize) (end - from));
      const char *line_end = nl != NULL ? nl : end;
      gint64 line_seq = -1;

      if (_hd_journal_line_read_shape (from, (gsize) (line_end - from), &line_seq) && line_seq == seq)
        return TRUE;
      from = line_end + 1;
    }
  return FALSE;
}

gboolean
_hd_journal_verify_buffer (const char  *data,
                           gsize        len,
                           const char  *expected_first_prev,
                           gboolean     parse_json,
                           GArray      *line_offsets,
                           guint64     *n_records,
                           char        *last_hash,
                           gint64      *first_bad_seq,
                           GError     **error)
{
  char prev_hash[65] = { 0, };
  gint64 expected_seq = -1;
  guint64 count = 0;
  guint line_no = 0;
  const char *line = data;
  const char *end = data + len;

  if (first_bad_seq != NULL)
    *first_bad_seq = -1;

  while (line < end)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      gsize line_len;
      gboolean shape_ok = FALSE;
      gboolean hash_ok;
      gint64 seq = -1;
      char prev[65];
      char hash[65];

      line_no++;
      if (nl == NULL)
        {
          if (first_bad_seq != NULL)
            *first_bad_seq = expected_seq;
          g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_TORN,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u is torn: the file ends in the middle of a record (%zu byte without a newline), as after a crash",
                                    "Line %u is torn: the file ends in the middle of a record (%zu bytes without a newline), as after a crash",
                                    end - line),
                       line_no, (size_t) (end - line));
          return FALSE;
        }
      line_len = (gsize) (nl - line);
      hash_ok = hd_journal_line_check (line, line_len, &shape_ok, &seq, prev, hash);

      if (!shape_ok)
        {
          if (first_bad_seq != NULL)
            *first_bad_seq = expected_seq;
          g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MALFORMED,
                       _("Line %u is not a journal record"), line_no);
          return FALSE;
        }
      if (!hash_ok)
        {
          if (first_bad_seq != NULL)
            *first_bad_seq = seq;
          g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MODIFIED,
                       _("Record %lld (line %u) was modified: its hash does not match its content"),
                       (long long) seq, line_no);
          return FALSE;
        }

      if (count == 0)
        {
          gboolean is_recording = g_strstr_len (line, line_len, HEADER_TYPE_MEMBER_R) != NULL;
          gboolean is_journal = g_strstr_len (line, line_len, HEADER_TYPE_MEMBER_J) != NULL;

          if (!is_recording && !is_journal)
            {
              if (first_bad_seq != NULL)
                *first_bad_seq = seq > 0 ? seq - 1 : -1;
              g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_HEADER,
                           _("The file does not start with a header record: the records before record %lld are missing"),
                           (long long) seq);
              return FALSE;
            }
          if ((is_recording || seq == 0 || expected_first_prev != NULL) &&
              strcmp (prev, expected_first_prev != NULL && !is_recording ? expected_first_prev
                                                                         : HD_JOURNAL_GENESIS_HASH) != 0)
            {
              if (first_bad_seq != NULL)
                *first_bad_seq = seq;
              g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_CHAIN,
                           _("Record %lld (line %u) does not continue the chain it claims to start"),
                           (long long) seq, line_no);
              return FALSE;
            }
        }
      else if (seq != expected_seq)
        {
          if (first_bad_seq != NULL)
            *first_bad_seq = expected_seq;
          if (seq < expected_seq || seq_appears_later (nl + 1, end, expected_seq))
            g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_REORDERED,
                         _("Records are out of order: line %u holds record %lld where record %lld belongs"),
                         line_no, (long long) seq, (long long) expected_seq);
          else
            g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MISSING,
                         _("Record %lld is missing (line %u holds record %lld)"),
                         (long long) expected_seq, line_no, (long long) seq);
          return FALSE;
        }
      else if (strcmp (prev, prev_hash) != 0)
        {
          if (first_bad_seq != NULL)
            *first_bad_seq = seq;
          g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_CHAIN,
                       _("Record %lld (line %u) does not chain to the record before it"),
                       (long long) seq, line_no);
          return FALSE;
        }

      if (parse_json)
        {
          g_autoptr(GError) local_error = NULL;
          g_autoptr(HdJournalEvent) event =
            hd_journal_event_parse_line (line, line_len, NULL, &local_error);

          if (event == NULL)
            {
              if (first_bad_seq != NULL)
                *first_bad_seq = seq;
              g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MALFORMED,
                           _("Record %lld (line %u) is malformed: %s"),
                           (long long) seq, line_no, local_error->message);
              return FALSE;
            }
        }

      if (line_offsets != NULL)
        {
          guint64 offset = (guint64) (line - data);

          g_array_append_val (line_offsets, offset);
        }
      memcpy (prev_hash, hash, sizeof prev_hash);
      expected_seq = seq + 1;
      count++;
      line = nl + 1;
    }

  if (count == 0)
    {
      g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_EMPTY, _("The file holds no record"));
      return FALSE;
    }
  if (n_records != NULL)
    *n_records = count;
  if (last_hash != NULL)
    memcpy (last_hash, prev_hash, 65);
  return TRUE;
}

static gboolean
verify_path (const char  *path,
             const char  *expected_first_prev,
             guint64     *n_records,
             char        *last_hash,
             gint64      *first_bad_seq,
             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  if (first_bad_seq != NULL)
    *first_bad_seq = -1;
  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return FALSE;

  return _hd_journal_verify_buffer (g_mapped_file_get_contents (mapped),
                                    g_mapped_file_get_length (mapped),
                                    expected_first_prev, TRUE, NULL, n_records, last_hash,
                                    first_bad_seq, error);
}

gboolean
hd_journal_verify_file (const char  *path,
                        gint64      *first_bad_seq,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return verify_path (path, NULL, NULL, NULL, first_bad_seq, error);
}

gboolean
hd_journal_verify_directory (const char  *directory,
                             gint64      *first_bad_seq,
                             GError     **error)
{
  g_auto(GStrv) files = NULL;
  char last_hash[65] = HD_JOURNAL_GENESIS_HASH;

  g_return_val_if_fail (directory != NULL, FALSE);

  if (first_bad_seq != NULL)
    *first_bad_seq = -1;
  if (!(files = hd_journal_list_files (directory, error)))
    return FALSE;
  if (files[0] == NULL)
    {
      g_set_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_EMPTY, _("The folder holds no journal file"));
      return FALSE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = g_path_get_basename (files[i]);

      if (!verify_path (files[i], i > 0 ? last_hash : NULL, NULL, last_hash, first_bad_seq, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
          return FALSE;
        }
    }
  return TRUE;
}

int
hd_journal_verify_report (const char  *path,
                          char       **report)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 first_bad = -1;
  gboolean ok;

  g_return_val_if_fail (path != NULL, 2);
  g_return_val_if_fail (report != NULL, 2);

  name = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    ok = hd_journal_verify_directory (path, &first_bad, &error);
  else
    {
      guint64 n_records = 0;
      char last_hash[65] = { 0, };

      ok = verify_path (path, NULL, &n_records, last_hash, &first_bad, &error);
      if (ok)
        {
          *report = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  /* TRANSLATORS: the journal file's name, the number of records, the last record's hash */
                                                  "%s: verified, %llu record, chain intact, last hash %s",
                                                  "%s: verified, %llu records, chain intact, last hash %s", n_records),
                                     name, (unsigned long long) n_records, last_hash);
          return 0;
        }
    }

  if (ok)
    {
      *report = g_strdup_printf (_("%s: verified, every journal file and the chain between them intact"), name);
      return 0;
    }
  if (error->domain != HD_JOURNAL_ERROR)
    {
      *report = g_strdup_printf (_("%s: could not be read: %s"), name, error->message);
      return 2;
    }
  if (first_bad >= 0)
    *report = g_strdup_printf (_("%s: NOT verified: %s (first bad record: %lld)"),
                               name, error->message, (long long) first_bad);
  else
    *report = g_strdup_printf (_("%s: NOT verified: %s"), name, error->message);
  return 1;
}
