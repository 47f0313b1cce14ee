/* hd-case-editor.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"
#include "hd-outbox.h"
#include "hd-sf-client.h"

G_BEGIN_DECLS

#define HD_TYPE_CASE_EDITOR (hd_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (HdCaseEditor, hd_case_editor, HD, CASE_EDITOR, AdwBin)

/* The Salesforce case of one handoff: status, priority, type, subcategory,
 * disposition, next step, description and an internal comment, prefilled
 * from the packet (case fields, summary, entities) and, once fetched, from
 * the case itself (server values win where the case has one).  Saving
 * queues the edits in the HdOutbox (create-or-enrich when the packet asks
 * for a new case); the outcome comes back as a toast through
 * win.show-toast, and conflicts and rejections are shown until the agent
 * resolves them.  Typed text is never dropped on an error.
 *
 * Properties: "handoff", "sf-client", "outbox" (all nullable: without a
 * client and an outbox the editor says Salesforce is not connected),
 * "dirty" (read-only), "case-id" (read-only: the case edited, NULL while
 * it does not exist yet).
 * Actions: case.save (Ctrl+S), case.resolve (opens the conflict dialog),
 * case.discard (drops a change Salesforce refused, on request). */
GtkWidget   *hd_case_editor_new            (void);
HdHandoff   *hd_case_editor_get_handoff    (HdCaseEditor *self);
void         hd_case_editor_set_handoff    (HdCaseEditor *self,
                                            HdHandoff    *handoff);
HdSfClient  *hd_case_editor_get_sf_client  (HdCaseEditor *self);
void         hd_case_editor_set_sf_client  (HdCaseEditor *self,
                                            HdSfClient   *client);
HdOutbox    *hd_case_editor_get_outbox     (HdCaseEditor *self);
void         hd_case_editor_set_outbox     (HdCaseEditor *self,
                                            HdOutbox     *outbox);
gboolean     hd_case_editor_get_dirty      (HdCaseEditor *self);
const char  *hd_case_editor_get_case_id    (HdCaseEditor *self);
/* Whether the editor shows the "not connected" state. */
gboolean     hd_case_editor_get_connected  (HdCaseEditor *self);

/* The field's text as the editor holds it now (@api_name is one of the
 * HD_SF_CASE_* names); "" when empty.  For tests and the pane. */
char        *hd_case_editor_dup_field_text (HdCaseEditor *self,
                                            const char   *api_name);
void         hd_case_editor_set_field_text (HdCaseEditor *self,
                                            const char   *api_name,
                                            const char   *text);
void         hd_case_editor_set_comment    (HdCaseEditor *self,
                                            const char   *text);
/* The error Salesforce gave for @api_name in the last rejection, or NULL. */
const char  *hd_case_editor_get_field_error (HdCaseEditor *self,
                                             const char   *api_name);
/* The conflict dialog case.resolve opened, while it is open (tests). */
GtkWindow   *hd_case_editor_get_conflict_dialog (HdCaseEditor *self);

/* The words for a case field's API name ("Reason" → "Subcategory"). */
const char  *hd_case_field_get_title       (const char   *api_name);
/* A JSON field value as text for the agent; "" for null or absent. */
char        *hd_case_field_dup_value_text  (JsonNode     *node);

G_END_DECLS
