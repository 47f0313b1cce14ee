/* hd-journal-files.c
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
#include "hd-journal-private.h"

/* The journal's files: their names, the listing in chain order, and the
 * spare file made ahead of a rotation. */

#define FILE_PREFIX "journal-"
#define FILE_SUFFIX ".jsonl"
/* An empty file made ahead, in the background, to become the next one:
 * creating a file can wait for the disk (reading the inode bitmap, 12 ms
 * in the benchmark) and a rotation happens on the window's thread.  Not a
 * journal file name, so listing and verification never see it. */
#define SPARE_NAME ".journal-spare"

gboolean
_hd_journal_fsync_directory (const char  *directory,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!hd_durable_sync_directory (directory, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not save the journal folder “%s” to disk: %s"),
                   directory, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hd_journal_parse_file_name (const char  *name,
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
    if (_hd_journal_parse_file_name (name, NULL, NULL))
      g_ptr_array_add (names, g_strdup (name));
  /* Zero-padded dates and indexes: name order is chain order. */
  g_ptr_array_sort (names, compare_names);

  paths = g_ptr_array_new ();
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (directory, g_ptr_array_index (names, i), NULL));
  g_ptr_array_add (paths, NULL);
  return (GStrv) g_ptr_array_free (paths, FALSE);
}

char *
_hd_journal_build_file_name (const char *day,
                             guint       index)
{
  return g_strdup_printf (FILE_PREFIX "%s-%04u" FILE_SUFFIX, day, index);
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
void
_hd_journal_ask_for_spare (HdJournal *self)
{
  if (self->spare_asked || self->size < self->max_file_size / 2)
    return;
  self->spare_asked = TRUE;
  hd_background_release (g_build_filename (self->directory, SPARE_NAME, NULL), make_spare);
}

/* The spare, if it is there and empty, becomes @path. */
void
_hd_journal_take_spare (HdJournal  *self,
                        const char *path)
{
  g_autofree char *spare = g_build_filename (self->directory, SPARE_NAME, NULL);
  GStatBuf st;

  if (g_lstat (spare, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size != 0)
    return;
  if (g_rename (spare, path) != 0)
    g_debug ("Could not use the journal's spare file: %s", g_strerror (errno));
}
