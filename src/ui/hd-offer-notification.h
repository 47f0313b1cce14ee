/* hd-offer-notification.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

/* A desktop notification for a new offer, carrying what the agent needs to
 * decide before accepting: escalation reason, verification state in words, a
 * one-line brief and the time left.  Its buttons activate app.accept-offer
 * and app.decline-offer with the handoff id (a string) as target; clicking
 * the notification itself activates app.show-offer with the same target.
 * Send it with g_application_send_notification () under the id of
 * hd_offer_notification_dup_id (), and withdraw it with that id once the
 * offer is answered, expires or is revoked. */
GNotification *hd_offer_notification_new    (HdHandoff *handoff);
char          *hd_offer_notification_dup_id (HdHandoff *handoff);
/* The body text alone, for tests and for logs. */
char          *hd_offer_notification_dup_body (HdHandoff *handoff,
                                               GDateTime *now);

G_END_DECLS
