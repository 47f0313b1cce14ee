/* hd-durable.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-durable"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hd-durable.h"

gboolean
hd_durable_sync_directory (const char  *directory,
                           GError     **error)
{
  int fd;

  g_return_val_if_fail (directory != NULL, FALSE);

  fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
hd_durable_write_file (const char  *path,
                       const char  *data,
                       gssize       length,
                       int          mode,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* CONSISTENT writes a temporary file and renames it over @path; DURABLE
   * fsyncs it first.  Neither syncs the folder the rename changed. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      /* g_file_set_contents_full () reports in G_FILE_ERROR; one domain
       * for the callers. */
      g_set_error_literal (error, G_IO_ERROR,
                           g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return FALSE;
    }
  directory = g_path_get_dirname (path);
  return hd_durable_sync_directory (directory, error);
}
