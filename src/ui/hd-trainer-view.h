/* hd-trainer-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-recording.h"
#include "hd-replay.h"
#include "hd-trainer-notes.h"

G_BEGIN_DECLS

#define HD_TYPE_TRAINER_VIEW (hd_trainer_view_get_type ())

G_DECLARE_FINAL_TYPE (HdTrainerView, hd_trainer_view, HD, TRAINER_VIEW, AdwBin)

/* Trainer mode: open recordings in a sidebar; for the selected one the same
 * read-only HdHandoffPane as Agent mode shows the handoff as of the current
 * event, with transport controls, a timeline, trainer notes on events, the
 * broken-context checklist and the audit trail.
 *
 * Recordings open from hd_trainer_view_open_file (), the file chooser
 * (trainer.open, Ctrl+O) or by dropping files.  A recording that does not
 * verify is refused and the reason shown in words ("last-error").
 *
 * Actions: trainer.open, trainer.step-back (Left), trainer.step-forward
 * (Right), trainer.play-pause (Space), trainer.add-note,
 * trainer.remove-note (u: note id), trainer.export-notes,
 * trainer.close-recording (s: the file's URI, "" for the shown one),
 * trainer.open-demos, trainer.dismiss-error.
 *
 * Signals: "recording-opened" (HdRecording *recording) once a recording is
 * verified, listed and selected. */
GtkWidget      *hd_trainer_view_new                (void);

/* Opens @file in a worker thread and selects it; a file already open is
 * selected again.  Errors are shown in the view and kept in "last-error". */
void            hd_trainer_view_open_file          (HdTrainerView         *self,
                                                    GFile                 *file);
/* Opens every `*.hdrec` of @directory, in name order (the demo recordings). */
void            hd_trainer_view_open_directory     (HdTrainerView         *self,
                                                    GFile                 *directory);

/* Where the shipped demo recordings are (nullable): the empty page then
 * offers "Open Demo Recordings" (trainer.open-demos), which opens them with
 * hd_trainer_view_open_directory (). */
GFile          *hd_trainer_view_get_demo_directory (HdTrainerView         *self);
void            hd_trainer_view_set_demo_directory (HdTrainerView         *self,
                                                    GFile                 *directory);

/* Whether recordings are still being opened. */
gboolean        hd_trainer_view_get_busy           (HdTrainerView         *self);
const char     *hd_trainer_view_get_last_error     (HdTrainerView         *self);  /* nullable */
guint           hd_trainer_view_get_n_recordings   (HdTrainerView         *self);
/* In the sidebar's order (the order they were asked for). */
HdRecording    *hd_trainer_view_get_recording      (HdTrainerView         *self,
                                                    guint                  index);
void            hd_trainer_view_select_recording   (HdTrainerView         *self,
                                                    guint                  index);
/* The selected recording's cursor and notes (borrowed; NULL when nothing is
 * open, notes also NULL when its notes file could not be read). */
HdReplay       *hd_trainer_view_get_replay         (HdTrainerView         *self);
HdTrainerNotes *hd_trainer_view_get_notes          (HdTrainerView         *self);

/* Whether the recordings sidebar is folded away to leave the replay the width, and whether
 * it is shown over the replay (always, when not folded). */
gboolean        hd_trainer_view_get_recordings_folded   (HdTrainerView *self);
/* The flap that folds the recordings away, for the window's Show Recordings button. */
AdwFlap        *hd_trainer_view_get_recordings_flap     (HdTrainerView *self);
gboolean        hd_trainer_view_get_recordings_revealed (HdTrainerView *self);
void            hd_trainer_view_set_recordings_revealed (HdTrainerView *self,
                                                         gboolean       revealed);

/* What trainer.export-notes writes once a file is chosen, without blocking
 * the window: "busy" holds until the file is written. */
void            hd_trainer_view_export_notes_async  (HdTrainerView         *self,
                                                     GFile                 *dest,
                                                     HdTrainerNotesFormat   format,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean        hd_trainer_view_export_notes_finish (HdTrainerView         *self,
                                                     GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
