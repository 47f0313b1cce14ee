/* hd-durable.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files that must survive a crash or a power cut: the journal and the
 * Salesforce outbox.  A rename or a new file is only on disk once the
 * folder that holds it is synced, so each write ends with that.  Errors are
 * in G_IO_ERROR, their message the system's; callers say what they were
 * saving. */

/* fsync () the folder @directory, so that files created, renamed or
 * removed in it stay that way. */
gboolean hd_durable_sync_directory (const char  *directory,
                                    GError     **error);

/* Writes @data to @path so that after a crash it holds either the old or
 * the new contents, whole: a temporary file in the same folder, fsync, a
 * rename over @path, then an fsync of the folder.  @length may be -1 for
 * a nul-terminated @data; @mode is that of a newly created file. */
gboolean hd_durable_write_file     (const char  *path,
                                    const char  *data,
                                    gssize       length,
                                    int          mode,
                                    GError     **error);

G_END_DECLS
