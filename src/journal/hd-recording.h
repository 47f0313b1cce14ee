/* hd-recording.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-journal-event.h"
#include "hd-journal-state.h"

G_BEGIN_DECLS

/* A recording is one handoff's events in the journal line format, starting a
 * fresh chain with a "recording-header" record (seq 0), events numbered from
 * 1.  It verifies with hd_journal_verify_file (). */
#define HD_RECORDING_FORMAT "handoffdesk-recording"
#define HD_RECORDING_SUFFIX ".hdrec"

/* One derived-state checkpoint every this many events. */
#define HD_RECORDING_CHECKPOINT_INTERVAL 256

typedef enum
{
  HD_RECORDING_REDACT_NONE      = 0,
  /* Customer names become a consistent pseudonym ("Alex Morgan"), agent and
   * supervisor ids "agent-1", "supervisor-1"; names inside text too. */
  HD_RECORDING_REDACT_NAMES     = 1 << 0,
  /* Free text (turns, summaries, notes, reasons, field values) becomes
   * "[redacted: N words]"; structure, times, types and enums stay. */
  HD_RECORDING_REDACT_FREE_TEXT = 1 << 1,
  HD_RECORDING_REDACT_ALL       = HD_RECORDING_REDACT_NAMES | HD_RECORDING_REDACT_FREE_TEXT,
} HdRecordingRedactFlags;

/* Writes @events (of HdJournalEvent, with times; other handoffs' events are
 * skipped) as a recording of @handoff_id to @dest, atomically.  Payloads are
 * scrubbed (hd-journal-scrub.h) and redacted as @flags say.  @title and
 * @exported_at (NULL: now) go into the header. */
gboolean      hd_recording_write              (GFile                   *dest,
                                               const char              *handoff_id,
                                               GPtrArray               *events,
                                               HdRecordingRedactFlags   flags,
                                               const char              *title,
                                               GDateTime               *exported_at,
                                               GError                 **error);

/* Exports one handoff of the journal in @journal_directory. */
gboolean      hd_journal_export_recording     (const char              *journal_directory,
                                               const char              *handoff_id,
                                               GFile                   *dest,
                                               HdRecordingRedactFlags   flags,
                                               GError                 **error);

/* The same in a worker thread: a journal of many days takes a while to
 * read. */
void          hd_journal_export_recording_async  (const char              *journal_directory,
                                                  const char              *handoff_id,
                                                  GFile                   *dest,
                                                  HdRecordingRedactFlags   flags,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
gboolean      hd_journal_export_recording_finish (GAsyncResult            *result,
                                                  GError                 **error);

/* Redacts one payload as hd_recording_write () does.  @names maps real names
 * to pseudonyms and grows as new names are met.  Returns a new node. */
JsonNode     *hd_recording_redact_payload     (JsonNode                *payload,
                                               HdRecordingRedactFlags   flags,
                                               GHashTable              *names);

#define HD_TYPE_RECORDING (hd_recording_get_type ())

G_DECLARE_FINAL_TYPE (HdRecording, hd_recording, HD, RECORDING, GObject)

/* An opened, verified recording: the file is read once, its chain verified,
 * its lines indexed, and the derived state checkpointed every
 * HD_RECORDING_CHECKPOINT_INTERVAL events, so that any event's state is at
 * most that many events away.  Immutable once loaded: safe to share.
 *
 * Errors: G_IO_ERROR / G_FILE_ERROR reading, HD_JOURNAL_ERROR when the file
 * does not verify (a tampered recording does not open), HD_ERROR_PARSE when
 * it is not a recording. */
HdRecording  *hd_recording_new_for_file       (GFile                   *file,
                                               GCancellable            *cancellable,
                                               GError                 **error);
/* The same in a worker thread. */
void          hd_recording_load_async         (GFile                   *file,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
HdRecording  *hd_recording_load_finish        (GAsyncResult            *result,
                                               GError                 **error);

GFile        *hd_recording_get_file           (HdRecording             *self);
const char   *hd_recording_get_handoff_id     (HdRecording             *self);
const char   *hd_recording_get_title          (HdRecording             *self);  /* nullable */
GDateTime    *hd_recording_get_exported_at    (HdRecording             *self);  /* nullable */
gboolean      hd_recording_get_redacted       (HdRecording             *self);
/* The hash ending the chain: quote it to prove which recording was used. */
const char   *hd_recording_get_last_hash      (HdRecording             *self);
/* Events, not counting the header. */
guint         hd_recording_get_n_events       (HdRecording             *self);
/* Event @index (0-based; seq index + 1), parsed from its line. */
HdJournalEvent *hd_recording_dup_event        (HdRecording             *self,
                                               guint                    index,
                                               GError                 **error);
/* Cheap per-event facts for a timeline, without parsing. */
gint64        hd_recording_get_event_time     (HdRecording             *self,
                                               guint                    index);  /* Unix µs */
const char   *hd_recording_get_event_type     (HdRecording             *self,
                                               guint                    index);  /* interned */

/* The state after the first @position events (0 … n_events), computed from
 * the nearest checkpoint.  Free with hd_journal_state_free (). */
HdJournalState *hd_recording_dup_state_at     (HdRecording             *self,
                                               guint                    position,
                                               GError                 **error);

G_END_DECLS
