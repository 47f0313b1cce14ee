/* hd-transcript-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HD_TYPE_TRANSCRIPT_VIEW (hd_transcript_view_get_type ())
G_DECLARE_FINAL_TYPE (HdTranscriptView, hd_transcript_view, HD, TRANSCRIPT_VIEW, AdwBin)

/* A handoff's live transcript (a GListModel of HdTurn), as a list view over a
 * sliding HdSliceModel of it, with find and "New Messages Below".
 *
 * While "following" (read-only) is TRUE, the view keeps the latest turn in
 * view as turns come in; the agent scrolling up stops that, and scrolling back
 * to the bottom (or transcript.scroll-to-latest) starts it again.
 *
 * Actions: transcript.find (shows the search bar), transcript.find-next,
 * transcript.find-previous, transcript.scroll-to-latest. */
GtkWidget  *hd_transcript_view_new              (void);
GListModel *hd_transcript_view_get_transcript   (HdTranscriptView *self);
void        hd_transcript_view_set_transcript   (HdTranscriptView *self,
                                                 GListModel       *transcript);
gboolean    hd_transcript_view_get_following    (HdTranscriptView *self);
void        hd_transcript_view_scroll_to_latest (HdTranscriptView *self);

G_END_DECLS
