/* hd-journal-index.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-journal-event.h"

G_BEGIN_DECLS

/* The file beside the journal's files that holds the index. */
#define HD_JOURNAL_INDEX_NAME ".journal-index.json"

/* What the journal says was presented, kept so that a start need not read
 * the whole journal (docs/journal.md, "The index"): every handoff id with
 * an offer record, the highest feed `seq` journaled per feed stream (the
 * payload's "feed" member), and the handoffs still open (offered or
 * accepted, not yet closed) with where their offer record is.
 *
 * The index file names the point of the journal it covers (file, size,
 * modification time, and the seq and hash of the record ending there).
 * Opening checks that this record is still there with that hash (the hash
 * chain then vouches for everything before it), and reads only the records
 * after it; an index that is missing, unreadable or whose covered point no
 * longer matches is rebuilt from the whole journal.  So an index left stale
 * by a crash is never trusted beyond what it covers. */
typedef struct _HdJournalIndex HdJournalIndex;

/* Reads (or rebuilds) the index of the journal in @directory and brings it
 * up to the journal's end.  @rebuilt (nullable): whether it had to be made
 * from the whole journal.  Fails only when the folder cannot be read. */
HdJournalIndex *hd_journal_index_open           (const char      *directory,
                                                 gboolean        *rebuilt,
                                                 GError         **error);
void            hd_journal_index_free           (HdJournalIndex  *self);

/* Takes in one appended record (HdJournal::appended), written to the
 * journal file @path. */
void            hd_journal_index_note           (HdJournalIndex  *self,
                                                 HdJournalEvent  *event,
                                                 const char      *path);
/* The feed position (stream, seq) the record just noted carries in its
 * payload's "feed" member. */
void            hd_journal_index_note_feed      (HdJournalIndex  *self,
                                                 const char      *stream,
                                                 gint64           seq);
/* Writes the index durably (0600), covering what was noted. */
gboolean        hd_journal_index_save           (HdJournalIndex  *self,
                                                 GError         **error);

gboolean        hd_journal_index_was_presented  (HdJournalIndex  *self,
                                                 const char      *handoff_id);
/* Handoff ids ever presented (a set: id → id), borrowed. */
GHashTable     *hd_journal_index_get_presented  (HdJournalIndex  *self);
/* Stream id → highest journaled seq (gint64 *), borrowed. */
GHashTable     *hd_journal_index_get_streams    (HdJournalIndex  *self);
/* The stream of the newest record that named one, or NULL. */
const char     *hd_journal_index_get_last_stream (HdJournalIndex *self);
/* Handoffs open at the journal's end (offered or accepted), oldest offer
 * first. */
GStrv           hd_journal_index_dup_open       (HdJournalIndex  *self);

/* Every record of the open handoffs, from their offers on: handoff id →
 * GPtrArray of HdJournalEvent, in journal order. */
GHashTable     *hd_journal_index_collect_open   (HdJournalIndex  *self,
                                                 GError         **error);

G_END_DECLS
