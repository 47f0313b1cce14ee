/* hd-outbox.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-outbox-entry.h"
#include "hd-sf-client.h"

G_BEGIN_DECLS

/* The durable outbox: every case edit is written to disk (atomically, with
 * fsync) before it is sent, sent in order, and removed only when
 * Salesforce has acknowledged it.  An entry found "sending" after a crash
 * or a lost answer is reconciled with the server before anything is sent
 * again, so each edit reaches Salesforce exactly once (docs/salesforce.md
 * gives the rules and the state diagram).
 *
 * One directory per outbox (the app uses
 * g_get_user_data_dir ()/handoffdesk/outbox); a lock file keeps a second
 * process out.
 *
 * Properties (read-only unless said, notify on change):
 *   "directory"       construct-only
 *   "pending-count"   entries not yet acknowledged, including those that
 *                     need the agent
 *   "attention-count" entries in conflict or rejected
 *   "state"           HdOutboxState
 *   "paused"          read-write: when TRUE nothing is sent (tests)
 *   "backoff-base-ms" read-write: the first retry delay (default 1000);
 *                     later ones double up to 300 times it
 * Signals:
 *   "sent"        (HdOutboxEntry *entry)  acknowledged by Salesforce
 *   "conflict"    (HdOutboxEntry *entry)  412: someone else changed a field
 *                 the agent changed; resolve with hd_outbox_resolve_conflict ()
 *   "rejected"    (HdOutboxEntry *entry)  400 error array (per field) or
 *                 another permanent refusal; amend or discard
 *   "case-linked" (const char *link_key, const char *case_id)  a case made
 *                 by create-or-enrich exists; its id is stored durably */

typedef enum
{
  HD_OUTBOX_STATE_IDLE = 0,         /* nothing to send */
  HD_OUTBOX_STATE_SENDING,
  HD_OUTBOX_STATE_OFFLINE,          /* network failure; retrying with backoff */
  HD_OUTBOX_STATE_BACKING_OFF,      /* a transient refusal (docs/salesforce.md); retrying later */
  HD_OUTBOX_STATE_SIGNED_OUT,       /* waiting for the agent to sign in */
  HD_OUTBOX_STATE_NEEDS_ATTENTION,  /* only conflicts or rejections are left */
} HdOutboxState;

#define HD_TYPE_OUTBOX_STATE (hd_outbox_state_get_type ())
GType hd_outbox_state_get_type (void) G_GNUC_CONST;

#define HD_TYPE_OUTBOX (hd_outbox_get_type ())
G_DECLARE_FINAL_TYPE (HdOutbox, hd_outbox, HD, OUTBOX, GObject)

/* Opens (creating it if needed) the outbox in @directory and loads the
 * entries a previous run left; sending starts from an idle. */
HdOutbox      *hd_outbox_new                  (const char          *directory,
                                               HdSfClient          *client,
                                               GError             **error);
const char    *hd_outbox_get_directory        (HdOutbox            *self);
guint          hd_outbox_get_pending_count    (HdOutbox            *self);
guint          hd_outbox_get_attention_count  (HdOutbox            *self);
HdOutboxState  hd_outbox_get_state            (HdOutbox            *self);
gboolean       hd_outbox_get_paused           (HdOutbox            *self);
void           hd_outbox_set_paused           (HdOutbox            *self,
                                               gboolean             paused);
void           hd_outbox_set_backoff_base_ms  (HdOutbox            *self,
                                               guint                base_ms);
/* Skips the current backoff delay (a "Retry now" button, network back). */
void           hd_outbox_retry_now            (HdOutbox            *self);

/* Field changes on a record (a Case).  @record_id is the record, or NULL
 * with @link_key naming a case still being created.  @changes: the fields
 * and their new values; @base: the same fields as the agent saw them
 * (nullable; used to tell a real conflict from an unrelated change);
 * @base_last_modified: the record's LastModifiedDate as loaded (nullable),
 * sent as If-Unmodified-Since.  Completes once the entry is durable; the
 * finish function returns its id. */
void           hd_outbox_update_async         (HdOutbox            *self,
                                               const char          *sobject,
                                               const char          *record_id,
                                               const char          *link_key,
                                               JsonObject          *changes,
                                               JsonObject          *base,
                                               const char          *base_last_modified,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* An internal (IsPublished false) CaseComment on @case_id, or on the case
 * @link_key creates.  The body is at most 4000 bytes including the
 * outbox's reference line (HD_ERROR_PARSE otherwise). */
void           hd_outbox_add_comment_async    (HdOutbox            *self,
                                               const char          *case_id,
                                               const char          *link_key,
                                               const char          *body,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Create-or-enrich: creates the Case with @fields once for @link_key (the
 * handoff id).  When the case exists already or its creation is queued,
 * nothing new is queued: the finish function then returns the pending
 * entry's id, or NULL (no error) when the case is linked already
 * (hd_outbox_lookup_link () has its id). */
void           hd_outbox_create_case_async    (HdOutbox            *self,
                                               const char          *link_key,
                                               JsonObject          *fields,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The id of a queued entry, or NULL. */
char          *hd_outbox_submit_finish        (HdOutbox            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* The case id created for @link_key, or NULL. */
const char    *hd_outbox_lookup_link          (HdOutbox            *self,
                                               const char          *link_key);

/* Snapshots, in sending order. */
GPtrArray     *hd_outbox_dup_entries          (HdOutbox            *self);
HdOutboxEntry *hd_outbox_dup_entry            (HdOutbox            *self,
                                               const char          *entry_id);

/* Resolves a conflict: the fields in @keep_mine are sent with the agent's
 * values; every other conflicting field keeps the server's value (and is
 * dropped from the update).  Non-conflicting fields are sent as before,
 * against the server version seen at the conflict.  When nothing is left
 * to send the entry is removed. */
gboolean       hd_outbox_resolve_conflict     (HdOutbox            *self,
                                               const char          *entry_id,
                                               const char * const  *keep_mine,
                                               GError             **error);
/* Corrects a rejected update (the agent fixed it) and queues it again as
 * one request: @changes (fields and the agent's values) are set in it,
 * and every later update of the same record still queued behind it is
 * folded into it (their entries leave the outbox).  @base (nullable): the
 * fields of @changes as the agent saw them, for those the entry did not
 * have yet. */
gboolean       hd_outbox_amend                (HdOutbox            *self,
                                               const char          *entry_id,
                                               JsonObject          *changes,
                                               JsonObject          *base,
                                               GError             **error);
/* Drops an entry on the agent's explicit request (never done silently).
 * Refused while the entry is being sent. */
gboolean       hd_outbox_discard              (HdOutbox            *self,
                                               const char          *entry_id,
                                               GError             **error);

G_END_DECLS
