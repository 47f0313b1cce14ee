/* hd-audit-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-audit-trail.h"

G_BEGIN_DECLS

#define HD_TYPE_AUDIT_VIEW (hd_audit_view_get_type ())

G_DECLARE_FINAL_TYPE (HdAuditView, hd_audit_view, HD, AUDIT_VIEW, AdwBin)

/* The readable audit trail of one handoff: the six questions of
 * HdAuditSection as headings, each answered by plain, selectable lines (never
 * markup: the items hold what customers and agents typed).
 *
 * Actions: audit.copy copies hd_audit_trail_to_text () to the clipboard and
 * asks for a toast through win.show-toast.
 *
 * While "busy" (the trail is still being read) it shows a spinner instead,
 * and audit.copy is disabled. */
GtkWidget    *hd_audit_view_new        (void);
HdAuditTrail *hd_audit_view_get_trail  (HdAuditView  *self);
void          hd_audit_view_set_trail  (HdAuditView  *self,
                                        HdAuditTrail *trail);
gboolean      hd_audit_view_get_busy   (HdAuditView  *self);
void          hd_audit_view_set_busy   (HdAuditView  *self,
                                        gboolean      busy);

G_END_DECLS
