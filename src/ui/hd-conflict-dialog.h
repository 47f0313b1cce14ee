/* hd-conflict-dialog.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-outbox.h"

G_BEGIN_DECLS

#define HD_TYPE_CONFLICT_DIALOG (hd_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HdConflictDialog, hd_conflict_dialog, HD, CONFLICT_DIALOG, AdwWindow)

/* A colleague changed fields the agent changed too (a 412 the outbox could
 * not rebase).  For each such field it shows "Salesforce has: X" and
 * "You wrote: Y" with a choice between them (Salesforce's value is chosen
 * at first: nothing a colleague wrote is overwritten unless the agent says
 * so), then calls hd_outbox_resolve_conflict () and emits "resolved".
 *
 * Actions: conflict.apply, conflict.cancel (Escape: decide later; the
 * entry stays in conflict). */
HdConflictDialog *hd_conflict_dialog_new           (HdOutbox         *outbox,
                                                    HdOutboxEntry    *entry);
HdOutboxEntry    *hd_conflict_dialog_get_entry     (HdConflictDialog *self);
gboolean          hd_conflict_dialog_get_keep_mine (HdConflictDialog *self,
                                                    const char       *field);
void              hd_conflict_dialog_set_keep_mine (HdConflictDialog *self,
                                                    const char       *field,
                                                    gboolean          keep_mine);
/* What conflict.apply does; closes the dialog on success. */
gboolean          hd_conflict_dialog_apply         (HdConflictDialog *self,
                                                    GError          **error);

G_END_DECLS
