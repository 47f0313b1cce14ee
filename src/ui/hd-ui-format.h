/* hd-ui-format.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-handoff.h"
#include "hd-packet-enums.h"

G_BEGIN_DECLS

/* Translated words for the packet's enums and clocks, shared by the Agent-mode
 * widgets and the offer notification.  Plain GLib: no GTK types, so they can
 * be unit-tested without a display.  Strings returned as `const char *` are
 * static; `char *` ones are new. */
const char *hd_ui_format_escalation_reason (HdEscalationReason    reason);
const char *hd_ui_format_priority          (HdPriority            priority);
const char *hd_ui_format_channel           (HdChannel             channel);
const char *hd_ui_format_sentiment         (HdSentiment           sentiment);
const char *hd_ui_format_speaker           (HdSpeaker             speaker);
const char *hd_ui_format_method            (HdVerificationMethod  method);
const char *hd_ui_format_handoff_state     (HdHandoffState        state);

/* Why an offer that ended before it was accepted is closed: "You declined
 * this offer (not my skill area).", "This offer expired before it was
 * accepted.", "This offer was withdrawn: the customer left."  NULL for a
 * handoff in any other state.  A new string. */
char       *hd_ui_format_ended_offer       (HdHandoff             *handoff);
/* Where an export went, for its toast: "Saved to ~/Documents/handoff-kpis.csv"
 * (the home folder shortened to ~).  A new string. */
char       *hd_ui_format_saved_to          (GFile                 *file);
/* The folder a file chooser for an export opens in: the user's Documents,
 * else Downloads, else the home folder; never the working directory.  A new
 * reference. */
GFile      *hd_ui_format_export_folder     (void);
/* "international_usage_not_enabled" → "International usage not enabled"
 * (hd_packet_format_token (), which headless code calls). */
char       *hd_ui_format_token             (const char           *token);
/* "4 min ago", "just now", "2 hours ago"; a time ahead of @now gives "at 09:14". */
char       *hd_ui_format_relative_time     (GDateTime            *then,
                                            GDateTime            *now);
/* A countdown: "1:05", "12:00", "2 h 05 min", "3 days"; negative spans give "−0:10". */
char       *hd_ui_format_countdown         (GTimeSpan             span);
/* A wall-clock time in the local zone, as the locale writes it: "09:14", "9:14 AM". */
char       *hd_ui_format_clock             (GDateTime            *time);
/* Whether @text (may be NULL) holds anything but white space: what a reply or a
 * queue name needs before it can be sent. */
gboolean    hd_ui_format_has_text          (const char           *text);

G_END_DECLS
