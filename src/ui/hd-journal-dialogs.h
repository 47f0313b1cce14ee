/* hd-journal-dialogs.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"
#include "hd-journal.h"
#include "hd-recording.h"

G_BEGIN_DECLS

/* How long a revealed account number stays on screen. */
#define HD_REVEAL_SHOW_SECONDS 30

/* The dialogs behind the pane's journal requests.  The window calls them with
 * its session's journal; they report outcomes through @parent's
 * win.show-toast, or a message dialog where the agent must read why.
 *
 * Widget names, for tests and the accessibility tree:
 * "reveal-reason-dialog", "reveal-value-dialog", "reveal-refused-dialog",
 * "audit-window", "export-choice-dialog". */

/* Asks the agent why (an entry; Reveal stays disabled while it is empty),
 * then journals the reveal with hd_journal_append_reveal () and only if that
 * succeeded shows the unmasked number of @account (selectable plain text) for
 * HD_REVEAL_SHOW_SECONDS or until closed.  A NULL @journal, or a failed
 * append, refuses the reveal with a dialog saying why. */
void       hd_journal_dialogs_reveal        (GtkWindow              *parent,
                                             HdJournal              *journal,
                                             const char             *agent_id,
                                             HdHandoff              *handoff,
                                             HdAccountRef           *account);

/* Shows a window "Audit Trail — <customer>" whose HdAuditView is busy while
 * @handoff's events are collected from @journal (after syncing it) in a
 * worker thread, then shows them.  Returns the new window (owned by GTK), or
 * NULL after a toast saying what failed; when reading the journal fails,
 * the window closes and a toast on @parent says why. */
GtkWidget *hd_journal_dialogs_show_audit    (GtkWindow              *parent,
                                             HdJournal              *journal,
                                             HdHandoff              *handoff);

/* Asks whether to redact ("Export" or "Export Redacted"), then where to save
 * (suggesting "<handoff-id>.hdrec"), then exports with
 * hd_journal_dialogs_export_to_file_async (). */
void       hd_journal_dialogs_export        (GtkWindow              *parent,
                                             HdJournal              *journal,
                                             HdHandoff              *handoff);

/* Exports @handoff_id's events from @journal to @file (synced first, then
 * read and written in a worker thread) and toasts "Recording exported" or
 * the error on @parent when done.  @callback may be NULL. */
void       hd_journal_dialogs_export_to_file_async  (GtkWindow              *parent,
                                                     HdJournal              *journal,
                                                     const char             *handoff_id,
                                                     GFile                  *file,
                                                     HdRecordingRedactFlags  flags,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
gboolean   hd_journal_dialogs_export_to_file_finish (GtkWindow              *parent,
                                                     GAsyncResult           *result,
                                                     GError                **error);

G_END_DECLS
