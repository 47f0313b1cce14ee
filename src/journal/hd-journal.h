/* hd-journal.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-journal-event.h"

G_BEGIN_DECLS

/* Rotate once a file would grow past this size, and at each new UTC day. */
#define HD_JOURNAL_DEFAULT_MAX_FILE_SIZE ((guint64) 16 * 1024 * 1024)

#define HD_TYPE_JOURNAL (hd_journal_get_type ())

G_DECLARE_FINAL_TYPE (HdJournal, hd_journal, HD, JOURNAL, GObject)

/* The append-only, hash-chained event journal (see docs/journal.md).
 *
 * Files are `journal-YYYYMMDD-NNNN.jsonl` in "directory" (the app passes
 * g_get_user_data_dir ()/handoffdesk/journal).  Opening continues the chain of
 * the newest file; a torn or damaged last line is moved to a quarantine
 * sidecar `<file>.torn-<seq>`, reported through "last-error" and a warning,
 * and recorded by a "torn-line" record, so appends continue on a clean line.
 *
 * Use from one thread (the main thread). */
HdJournal  *hd_journal_new                (const char      *directory,
                                           GCancellable    *cancellable,
                                           GError         **error);
/* Same with a custom rotation size (tests, benchmarks). */
HdJournal  *hd_journal_new_full           (const char      *directory,
                                           guint64          max_file_size,
                                           GCancellable    *cancellable,
                                           GError         **error);

const char *hd_journal_get_directory      (HdJournal       *self);
/* The file now appended to. */
const char *hd_journal_get_current_path   (HdJournal       *self);
/* The seq the next record gets. */
gint64      hd_journal_get_next_seq       (HdJournal       *self);
const char *hd_journal_get_last_hash      (HdJournal       *self);
/* A human-readable description of the last problem met when opening (torn
 * line quarantined, ...), or NULL. */
const char *hd_journal_get_last_error     (HdJournal       *self);
/* How many payload values the defensive scrub had to change since open. */
guint       hd_journal_get_n_scrubbed     (HdJournal       *self);

/* Append one event: the journal sets its time (if unset), seq, prev and hash,
 * scrubs its payload (hd-journal-scrub.h) and writes one line with a single
 * write ().  Handoff boundaries (accept, decline, expire, revoke, transfer,
 * case-edit, wrap-up, reveal) and journal bookkeeping are followed by
 * fsync (); other events are not.  Emits "appended" on success.  On failure
 * (HD_ERROR_IO) nothing is left half-written. */
gboolean    hd_journal_append             (HdJournal       *self,
                                           HdJournalEvent  *event,
                                           GError         **error);

/* Journals that @who revealed the masked @field of @handoff_id, and why.  The
 * value itself is never written.  An empty reason fails with
 * G_IO_ERROR_INVALID_ARGUMENT. */
gboolean    hd_journal_append_reveal      (HdJournal       *self,
                                           const char      *handoff_id,
                                           const char      *field,
                                           HdActorKind      who_kind,
                                           const char      *who,
                                           const char      *reason,
                                           GError         **error);

/* fsync () now (the app calls it before quitting; close also does). */
gboolean    hd_journal_sync               (HdJournal       *self,
                                           GError         **error);
/* fsync and close the file; later appends fail. */
gboolean    hd_journal_close              (HdJournal       *self,
                                           GError         **error);

/* TRUE if an event of this type ends a step of the handoff and is fsynced. */
gboolean    hd_journal_is_boundary_type   (const char      *type);

/* The journal files of @directory, oldest first (full paths). */
GStrv       hd_journal_list_files         (const char      *directory,
                                           GError         **error);

/* Every event of @handoff_id in the journal files of @directory, in order (a
 * GPtrArray of HdJournalEvent).  Lines that fail to parse are skipped with a
 * warning; use hd_journal_verify_file () to audit the files themselves. */
GPtrArray  *hd_journal_collect_handoff    (const char      *directory,
                                           const char      *handoff_id,
                                           GError         **error);
/* The same in a worker thread, for the main thread: reading every file of
 * the journal may take a while. */
void        hd_journal_collect_handoff_async  (const char          *directory,
                                               const char          *handoff_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray  *hd_journal_collect_handoff_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
