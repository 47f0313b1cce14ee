/* hd-reply-bar.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_REPLY_BAR (hd_reply_bar_get_type ())
G_DECLARE_FINAL_TYPE (HdReplyBar, hd_reply_bar, HD, REPLY_BAR, AdwBin)

/* The reply box under a handoff's transcript, and the handoff-quality buttons.
 *
 * reply.send sends the entry's text as session.reply (ss: id, text) and
 * clears the box once the action was taken.  While "can-send" is FALSE
 * nothing is sent: a toast says so and the text stays.  Without "can-reply",
 * or unless the handoff is accepted, the box is disabled and says why.
 * While the agent types, a hint lists what the bot already captured that the
 * reply asks for (hd_repeat_detect ()); sending such a reply activates
 * session.quality-report (id, HD_QUALITY_REPORT_ASKED_TO_REPEAT, detail,
 * TRUE) first.  "read-only" hides it all.
 *
 * The quality buttons activate session.quality-report (id, report, "", FALSE)
 * themselves, and the enclosing pane's pane.transfer and pane.wrap-up, which
 * ask for the queue or the outcome first; they show on an accepted handoff only. */
GtkWidget *hd_reply_bar_new           (void);
HdHandoff *hd_reply_bar_get_handoff   (HdReplyBar *self);
void       hd_reply_bar_set_handoff   (HdReplyBar *self,
                                       HdHandoff  *handoff);
gboolean   hd_reply_bar_get_can_reply (HdReplyBar *self);
void       hd_reply_bar_set_can_reply (HdReplyBar *self,
                                       gboolean    can_reply);
gboolean   hd_reply_bar_get_can_send  (HdReplyBar *self);
void       hd_reply_bar_set_can_send  (HdReplyBar *self,
                                       gboolean    can_send);
gboolean   hd_reply_bar_get_read_only (HdReplyBar *self);
void       hd_reply_bar_set_read_only (HdReplyBar *self,
                                       gboolean    read_only);

G_END_DECLS
