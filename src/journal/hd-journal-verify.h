/* hd-journal-verify.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HD_JOURNAL_ERROR (hd_journal_error_quark ())

/* Why a journal or recording file does not verify. */
typedef enum
{
  HD_JOURNAL_ERROR_TORN,       /* the last line has no newline: a crash mid-write */
  HD_JOURNAL_ERROR_MALFORMED,  /* a line is not a record of this format */
  HD_JOURNAL_ERROR_MODIFIED,   /* a record's hash does not match its content */
  HD_JOURNAL_ERROR_MISSING,    /* a seq is missing: records were deleted */
  HD_JOURNAL_ERROR_REORDERED,  /* a record appears out of seq order */
  HD_JOURNAL_ERROR_CHAIN,      /* a record's prev is not the previous record's hash */
  HD_JOURNAL_ERROR_HEADER,     /* the first record is not a header: the file start was cut */
  HD_JOURNAL_ERROR_EMPTY,      /* no record at all */
} HdJournalError;

GQuark   hd_journal_error_quark        (void);

/* Verifies a journal file or a recording: every line is a well-formed record
 * whose hash matches its content, seqs increase by one, each "prev" is the
 * hash of the record before, and the file starts with a header record (a
 * recording's header must start a fresh chain: seq 0, genesis prev; a journal
 * file's header carries the previous file's last hash, which only
 * hd_journal_verify_directory () can check).
 *
 * On failure returns FALSE with a HD_JOURNAL_ERROR naming the first broken
 * or missing record, and sets @first_bad_seq to its seq (the expected seq for
 * a missing one, -1 if unknown).  I/O errors use G_FILE_ERROR. */
gboolean hd_journal_verify_file        (const char  *path,
                                        gint64      *first_bad_seq,
                                        GError     **error);

/* Every journal file of @directory, and the seams between them. */
gboolean hd_journal_verify_directory   (const char  *directory,
                                        gint64      *first_bad_seq,
                                        GError     **error);

/* For `handoffdesk --verify-journal FILE` (a file or a journal directory):
 * returns the process exit status (0 verified, 1 broken or missing records,
 * 2 unreadable) and a human-readable, translated report in @report. */
int      hd_journal_verify_report      (const char  *path,
                                        char       **report);

/* The same checks over a buffer.  @line_offsets (nullable, a GArray of
 * guint64) receives the offset of every good line; @last_hash (65 bytes,
 * nullable) the hash ending the chain; @n_records the count of good records.
 * With @parse_json, every line is also parsed as JSON. */
gboolean _hd_journal_verify_buffer     (const char  *data,
                                        gsize        len,
                                        const char  *expected_first_prev,
                                        gboolean     parse_json,
                                        GArray      *line_offsets,
                                        guint64     *n_records,
                                        char        *last_hash,
                                        gint64      *first_bad_seq,
                                        GError     **error);

G_END_DECLS
