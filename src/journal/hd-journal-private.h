/* hd-journal-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-journal.h"

G_BEGIN_DECLS

/* Shared by the writer (hd-journal.c), the files (hd-journal-files.c) and
 * crash recovery (hd-journal-recover.c). */
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

/* hd-journal.c: the writer */
/* @what names the operation, each with a message of its own: "open", "write",
 * "sync", "truncate" or "create the folder of". */
void      _hd_journal_set_io_error      (GError      **error,
                                         const char   *what,
                                         const char   *path,
                                         int           saved_errno);
void      _hd_journal_set_last_error    (HdJournal    *self,
                                         const char   *message);
gboolean  _hd_journal_open_fd           (HdJournal    *self,
                                         GError      **error);
gboolean  _hd_journal_write_header      (HdJournal    *self,
                                         const char   *previous_path,
                                         GDateTime    *time,
                                         GError      **error);

/* hd-journal-files.c */
gboolean  _hd_journal_fsync_directory   (const char   *directory,
                                         GError      **error);
/* journal-YYYYMMDD-NNNN.jsonl: @day and @index may be NULL. */
gboolean  _hd_journal_parse_file_name   (const char   *name,
                                         char        **day,
                                         guint        *index);
char     *_hd_journal_build_file_name   (const char   *day,
                                         guint         index);
/* Makes the spare file in the background once the current file is half
 * full. */
void      _hd_journal_ask_for_spare     (HdJournal    *self);
/* The spare, if it is there and empty, becomes @path. */
void      _hd_journal_take_spare        (HdJournal    *self,
                                         const char   *path);

/* hd-journal-recover.c */
/* Opens @path (the newest file) for appending.  Quarantines a torn or
 * damaged tail first; @torn receives the payload for the "torn-line"
 * record. */
gboolean  _hd_journal_recover_file      (HdJournal    *self,
                                         const char   *path,
                                         const char   *previous_path,
                                         JsonNode    **torn,
                                         GError      **error);

G_END_DECLS
