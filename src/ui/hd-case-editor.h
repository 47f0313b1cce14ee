/* hd-case-editor.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-case-draft.h"

G_BEGIN_DECLS

#define HD_TYPE_CASE_EDITOR (hd_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (HdCaseEditor, hd_case_editor, HD, CASE_EDITOR, AdwBin)

/* The Salesforce case of one handoff, shown and edited: status, priority,
 * type, subcategory, disposition, next step, description and an internal
 * comment.  The edit session itself (prefill, what is unsaved, drafts per
 * handoff, saving through the outbox, conflicts and rejections) is the
 * headless HdCaseDraft the editor owns; its rows are bound to the draft's
 * properties, and the editor shows the rest.  Outcomes come back as toasts
 * through win.show-toast, and conflicts and rejections are shown until the
 * agent resolves them.
 *
 * Properties: "handoff", "sf-client", "outbox" (all nullable, the draft's:
 * without a client and an outbox the editor says Salesforce is not
 * connected), "draft" (read-only).
 * Actions: case.save (Ctrl+S), case.resolve (opens the conflict dialog),
 * case.discard (drops a change Salesforce refused, on request). */
GtkWidget   *hd_case_editor_new            (void);
HdCaseDraft *hd_case_editor_get_draft      (HdCaseEditor *self);
HdHandoff   *hd_case_editor_get_handoff    (HdCaseEditor *self);
void         hd_case_editor_set_handoff    (HdCaseEditor *self,
                                            HdHandoff    *handoff);
HdSfClient  *hd_case_editor_get_sf_client  (HdCaseEditor *self);
void         hd_case_editor_set_sf_client  (HdCaseEditor *self,
                                            HdSfClient   *client);
HdOutbox    *hd_case_editor_get_outbox     (HdCaseEditor *self);
void         hd_case_editor_set_outbox     (HdCaseEditor *self,
                                            HdOutbox     *outbox);

/* The text a field's row shows now (@api_name is one of the HD_SF_CASE_*
 * names); "" when empty.  For tests. */
char        *hd_case_editor_dup_field_text (HdCaseEditor *self,
                                            const char   *api_name);
/* Types into a field's row or the comment box, as the agent would. */
void         hd_case_editor_set_field_text (HdCaseEditor *self,
                                            const char   *api_name,
                                            const char   *text);
void         hd_case_editor_set_comment    (HdCaseEditor *self,
                                            const char   *text);
/* The conflict dialog case.resolve opened, while it is open (tests). */
GtkWindow   *hd_case_editor_get_conflict_dialog (HdCaseEditor *self);

G_END_DECLS
