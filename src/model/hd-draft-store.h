/* hd-draft-store.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HD_TYPE_DRAFT_STORE (hd_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (HdDraftStore, hd_draft_store, HD, DRAFT_STORE, GObject)

/* What the agent typed and has not sent yet, per handoff, kept on disk so
 * that a crash loses at most the last "delay-ms" of it: the reply in the
 * reply box and the case editor's unsaved fields.  One file per handoff in
 * "directory" (created 0700, files 0600), written durably (hd-durable)
 * once the agent pauses, removed when the draft is cleared (sent, saved,
 * wrapped up).  Drafts are never journaled, and hold only what the agent
 * typed: no token or secret is ever given to the store.
 *
 * The app's session makes one and sets it as the default, which the reply
 * box and the case draft use when there is one. */
HdDraftStore *hd_draft_store_new          (const char   *directory);
HdDraftStore *hd_draft_store_get_default  (void);  /* nullable */
void          hd_draft_store_set_default  (HdDraftStore *self);  /* nullable */

const char   *hd_draft_store_get_directory (HdDraftStore *self);
/* The debounce before a change is written (default 300 ms). */
void          hd_draft_store_set_delay_ms (HdDraftStore *self,
                                           guint         delay_ms);

/* NULL when there is none. */
char         *hd_draft_store_dup_reply    (HdDraftStore *self,
                                           const char   *handoff_id);
/* NULL or "" clears it. */
void          hd_draft_store_set_reply    (HdDraftStore *self,
                                           const char   *handoff_id,
                                           const char   *text);
/* The case fields by API name, and "comment"; NULL when there is none. */
JsonObject   *hd_draft_store_dup_case     (HdDraftStore *self,
                                           const char   *handoff_id);
/* NULL clears it; the store takes a copy. */
void          hd_draft_store_set_case     (HdDraftStore *self,
                                           const char   *handoff_id,
                                           JsonObject   *fields);
void          hd_draft_store_clear        (HdDraftStore *self,
                                           const char   *handoff_id);
/* Writes what waits for its debounce now. */
gboolean      hd_draft_store_flush        (HdDraftStore *self,
                                           GError      **error);
/* How many writes (and removals) reached the disk: tests wait on it. */
guint         hd_draft_store_get_n_written (HdDraftStore *self);

G_END_DECLS
