/* hd-verification-badge.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-packet-objects.h"
#include "hd-verification-state.h"

G_BEGIN_DECLS

#define HD_TYPE_VERIFICATION_BADGE (hd_verification_badge_get_type ())

G_DECLARE_FINAL_TYPE (HdVerificationBadge, hd_verification_badge, HD, VERIFICATION_BADGE, AdwBin)

GtkWidget           *hd_verification_badge_new                     (void);
HdVerification      *hd_verification_badge_get_verification        (HdVerificationBadge *self);
void                 hd_verification_badge_set_verification        (HdVerificationBadge *self,
                                                                    HdVerification      *verification);
guint                hd_verification_badge_get_stale_after_seconds (HdVerificationBadge *self);
void                 hd_verification_badge_set_stale_after_seconds (HdVerificationBadge *self,
                                                                    guint                seconds);
HdVerificationState  hd_verification_badge_get_state               (HdVerificationBadge *self);
/* The state in words, as shown and as given to screen readers. */
const char          *hd_verification_badge_get_title               (HdVerificationBadge *self);
/* Recomputes the state and relative time for "now" (a clock tick). */
void                 hd_verification_badge_refresh                 (HdVerificationBadge *self);

G_END_DECLS
