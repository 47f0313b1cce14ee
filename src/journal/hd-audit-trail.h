/* hd-audit-trail.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-journal-event.h"
#include "hd-recording.h"

G_BEGIN_DECLS

/* The six questions an audit of one handoff answers, in this order. */
typedef enum
{
  HD_AUDIT_SECTION_CUSTOMER_ASKED = 0,
  HD_AUDIT_SECTION_BOT_ANSWERED,
  HD_AUDIT_SECTION_WHY_ESCALATED,
  HD_AUDIT_SECTION_VERIFICATION,
  HD_AUDIT_SECTION_AGENT_ACTIONS,
  HD_AUDIT_SECTION_SALESFORCE,
  HD_AUDIT_N_SECTIONS,
} HdAuditSection;

/* A translated heading: "What the customer asked", ... */
const char *hd_audit_section_get_heading (HdAuditSection section);

#define HD_TYPE_AUDIT_TRAIL (hd_audit_trail_get_type ())

G_DECLARE_FINAL_TYPE (HdAuditTrail, hd_audit_trail, HD, AUDIT_TRAIL, GObject)

/* Builds the readable audit trail of @handoff_id from journal events (of
 * HdJournalEvent, in order; others' events are skipped).  Every item is one
 * line of plain text, starting with its UTC time ("09:14:05"), with masked
 * values as journaled. */
HdAuditTrail       *hd_audit_trail_new               (const char     *handoff_id,
                                                      GPtrArray      *events);
HdAuditTrail       *hd_audit_trail_new_for_recording (HdRecording    *recording,
                                                      GError        **error);

const char         *hd_audit_trail_get_handoff_id    (HdAuditTrail   *self);
/* The items of a section, NULL-terminated (possibly empty). */
const char * const *hd_audit_trail_get_items         (HdAuditTrail   *self,
                                                      HdAuditSection  section);
/* Headings and items as plain text (Markdown-compatible), for export. */
char               *hd_audit_trail_to_text           (HdAuditTrail   *self);

G_END_DECLS
