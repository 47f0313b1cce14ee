/* hd-verification-state.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hd-packet-objects.h"

G_BEGIN_DECLS

/* The default age after which a verification must be repeated: 15 minutes. */
#define HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS (15 * 60)

typedef enum
{
  HD_VERIFICATION_STATE_NOT_VERIFIED = 0,
  HD_VERIFICATION_STATE_VERIFIED,
  HD_VERIFICATION_STATE_PARTLY_VERIFIED,
  HD_VERIFICATION_STATE_STALE,
} HdVerificationState;

/* What the verification badge says, in translated words. */
typedef struct
{
  HdVerificationState  state;
  char                *title;    /* "Verified", "Partly verified", "Not verified", "Verification stale" */
  char                *advice;   /* "Re-verify before action", or NULL */
  char                *method;   /* "OTP, 4 min ago", or NULL when not verified */
  char                *scope;    /* "Covers only: view balance, card controls", or NULL */
  char                *consents; /* "Consents: chat recording (09:10)", or NULL */
} HdVerificationSummary;

/* The pure rule, no GTK involved:
 *  - not authenticated → not verified;
 *  - authenticated, but re-verification required, no verification time, or
 *    verified more than @stale_after_seconds before @now → stale;
 *  - authenticated for a listed scope only → partly verified;
 *  - authenticated without a scope restriction (empty, or "full") → verified.
 * @verification may be NULL (nothing known: not verified). */
HdVerificationState    hd_verification_compute_state (HdVerification        *verification,
                                                      GDateTime             *now,
                                                      guint                  stale_after_seconds);
HdVerificationSummary *hd_verification_summarize     (HdVerification        *verification,
                                                      GDateTime             *now,
                                                      guint                  stale_after_seconds);
void                   hd_verification_summary_free  (HdVerificationSummary *summary);
/* One line for screen readers and notifications: "Partly verified. Covers only: …" */
char                  *hd_verification_summary_to_string (HdVerificationSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdVerificationSummary, hd_verification_summary_free)

G_END_DECLS
