/* hd-case-draft.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-case-field.h"
#include "hd-handoff.h"
#include "hd-outbox.h"
#include "hd-sf-client.h"
#include "hd-sf-describe.h"

G_BEGIN_DECLS

#define HD_TYPE_CASE_DRAFT (hd_case_draft_get_type ())

G_DECLARE_FINAL_TYPE (HdCaseDraft, hd_case_draft, HD, CASE_DRAFT, GObject)

/* The edit session of one handoff's Salesforce case, without a display:
 * the case fields (status, priority, type, subcategory, disposition, next
 * step, description) and an internal comment, prefilled from the packet and,
 * once fetched, from the case itself (server values win where the case has
 * one).  It knows what the agent changed (the "dirty" fields, compared with
 * the case's values), keeps the unsaved edits of each handoff while the
 * agent looks at another, turns a save into outbox entries (create-or-enrich
 * when the packet asks for a new case), and follows them: the entries not
 * acknowledged yet, and the one of ours in conflict or rejected ("attention")
 * until the agent resolves it.  Typed text is never dropped on an error.
 *
 * The case editor widget binds its rows to the field properties and shows
 * the rest; every property notifies only when it changes.
 *
 * Properties: "handoff", "sf-client", "outbox" (read-write, nullable;
 * without a client and an outbox the draft is not "connected"); read-only:
 * "connected", "signed-out" (the client's session is not signed in),
 * "dirty", "saving", "loading", "load-error", "case-id" (NULL while the case
 * does not exist yet), "case-number", "create-queued", "attention" (an
 * HdOutboxEntry snapshot, or NULL); read-write, never NULL: "status",
 * "priority", "case-type", "subcategory", "disposition", "next-step",
 * "description", "comment".
 * Signals: "saved" (every edit of ours is acknowledged), "queued" (edits of
 * ours wait for Salesforce to be reachable; said once per save),
 * "conflict" and "rejected" (HdOutboxEntry *entry: an edit of ours needs
 * the agent; "attention" holds it); "remote-changed" (a value of
 * hd_case_draft_get_remote_value () changed).
 *
 * Live case changes: while the case is open, its changes by others come
 * through the client's HdSfCaseWatch; the draft reads the case again and a
 * field the agent has not touched takes the new value. */
HdCaseDraft   *hd_case_draft_new             (void);
HdHandoff     *hd_case_draft_get_handoff     (HdCaseDraft   *self);
void           hd_case_draft_set_handoff     (HdCaseDraft   *self,
                                              HdHandoff     *handoff);
HdSfClient    *hd_case_draft_get_sf_client   (HdCaseDraft   *self);
void           hd_case_draft_set_sf_client   (HdCaseDraft   *self,
                                              HdSfClient    *client);
HdOutbox      *hd_case_draft_get_outbox      (HdCaseDraft   *self);
void           hd_case_draft_set_outbox      (HdCaseDraft   *self,
                                              HdOutbox      *outbox);
gboolean       hd_case_draft_get_connected   (HdCaseDraft   *self);
gboolean       hd_case_draft_get_signed_out  (HdCaseDraft   *self);
gboolean       hd_case_draft_get_dirty       (HdCaseDraft   *self);
/* Whether the agent changed anything: a field differs from the case's value
 * or, while there is none yet, from what the bot prefilled; or a comment is
 * written.  A new case nobody touched is dirty (saving creates it) but not
 * edited.  Changes when "dirty" or a field does. */
gboolean       hd_case_draft_get_edited      (HdCaseDraft   *self);
gboolean       hd_case_draft_get_saving      (HdCaseDraft   *self);
gboolean       hd_case_draft_get_loading     (HdCaseDraft   *self);
const char    *hd_case_draft_get_load_error  (HdCaseDraft   *self);
const char    *hd_case_draft_get_case_id     (HdCaseDraft   *self);
const char    *hd_case_draft_get_case_number (HdCaseDraft   *self);
gboolean       hd_case_draft_get_create_queued (HdCaseDraft *self);
/* How many outbox entries of ours are not acknowledged yet (not counting
 * the one that needs the agent). */
guint          hd_case_draft_get_pending_count (HdCaseDraft *self);

/* The field's text as the agent has it now; "" when empty. */
const char    *hd_case_draft_get_field       (HdCaseDraft   *self,
                                              HdCaseField    field);
void           hd_case_draft_set_field       (HdCaseDraft   *self,
                                              HdCaseField    field,
                                              const char    *text);
const char    *hd_case_draft_get_comment     (HdCaseDraft   *self);
void           hd_case_draft_set_comment     (HdCaseDraft   *self,
                                              const char    *text);

/* The edit of ours in conflict or rejected, as the outbox last reported it,
 * or NULL. */
HdOutboxEntry *hd_case_draft_get_attention   (HdCaseDraft   *self);
/* The error Salesforce gave for @field in the last rejection, or NULL. */
const char    *hd_case_draft_get_field_error (HdCaseDraft   *self,
                                              HdCaseField    field);

/* A value a colleague or a flow saved for @field while the agent had it
 * edited to something else, seen before saving; NULL otherwise.  Saving
 * then meets a conflict and asks which value to keep; typing the same
 * value ends it. */
const char    *hd_case_draft_get_remote_value (HdCaseDraft  *self,
                                               HdCaseField   field);

/* Queues the changed fields and the comment in the outbox (amending a
 * rejected edit in place).  Completes once every entry is durable; what
 * Salesforce makes of them comes as "saved", "conflict" or "rejected".
 * Does nothing while not connected, without a handoff or while saving. */
void           hd_case_draft_save_async      (HdCaseDraft          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       hd_case_draft_save_finish     (HdCaseDraft          *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* The conflict of ours as the outbox has it now, for the agent to resolve;
 * NULL (and the attention is dropped) when it is no longer in conflict. */
HdOutboxEntry *hd_case_draft_dup_conflict    (HdCaseDraft   *self);
/* The agent resolved the conflict @entry_id (hd_outbox_resolve_conflict ()).
 * Returns TRUE when the entry is still queued (its outcome comes as
 * "saved"), FALSE when every field kept Salesforce's value and nothing was
 * left to send: the case is then read again. */
gboolean       hd_case_draft_conflict_resolved (HdCaseDraft *self,
                                                const char  *entry_id);
/* Drops the rejected edit of ours on the agent's request; the fields go
 * back to what Salesforce has. */
gboolean       hd_case_draft_discard         (HdCaseDraft   *self,
                                              GError       **error);

/* The org's Case describe (HdSfDescribeCache: read once per sign-in), or
 * NULL until it is known.  Fields it lacks or the user may not update are
 * never sent.  "notify::describe" also says that the values offered
 * (below) may have changed: the case's record type became known, or its
 * values were read. */
HdSfDescribe  *hd_case_draft_get_describe     (HdCaseDraft  *self);
/* The case's RecordTypeId, or NULL (the master record type). */
const char    *hd_case_draft_get_record_type_id (HdCaseDraft *self);
/* The values the agent may choose for @field, in the org's order: the
 * case's record type's values (User Interface API) or else the
 * describe's, and for a dependent picklist only those valid for what its
 * controlling field holds now.  NULL when @field is not a picklist or the
 * describe is unknown: the editor then takes free text. */
GStrv          hd_case_draft_dup_picklist_values (HdCaseDraft *self,
                                                  HdCaseField  field);

G_END_DECLS
