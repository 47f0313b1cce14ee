/* hd-handoff-pane.h
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

#define HD_TYPE_HANDOFF_PANE (hd_handoff_pane_get_type ())

G_DECLARE_FINAL_TYPE (HdHandoffPane, hd_handoff_pane, HD, HANDOFF_PANE, AdwBin)

/* Everything about one handoff on one screen: customer, verification,
 * escalation and routing, intents, summary, next step, context completeness,
 * the live transcript and a reply box.  It only presents the HdHandoff; what
 * the agent asks of the routing layer goes up as the window's session.*
 * actions (see HdWindow), with the handoff's id:
 *   pane.send-reply → session.reply (ss: id, text), and the box clears once
 *     the action was taken.  While "can-send" is FALSE (the feed is not
 *     connected) nothing is sent: a toast says so and the text stays.
 *     The reply box is an HdReplyBar, the transcript an HdTranscriptView;
 *     "can-reply", "can-send" and "read-only" reach the reply bar.
 *
 * Actions: pane.find (Ctrl+F), pane.find-next, pane.find-previous,
 * pane.send-reply, pane.scroll-to-latest.
 *
 * The Salesforce case editor (HdCaseEditor, case.save with Ctrl+S) sits
 * under the routing card; it needs "sf-client" and "outbox" and says
 * "Salesforce is not connected" while either is NULL.  A read-only pane
 * (supervisor, trainer) hides it.
 *
 * Journal requests, all handled by the window, which holds journal and policy:
 *   pane.reveal (bu: linked, index) → session.reveal (sbu: id, linked, index),
 *     from the "Reveal" button next to each masked account number, shown and
 *     enabled only while "allow-reveal" is TRUE.  The pane never sees the
 *     unmasked number; the window asks for a reason and journals it first.
 *   pane.show-audit         → session.show-audit (s: id)
 *   pane.export-recording   → session.export (s: id)
 *
 * Handoff quality, shown and enabled only on an accepted handoff of a pane
 * that is not read-only (KPI reports, docs/kpis.md):
 *   the reply bar's buttons → session.quality-report (susb: id,
 *     HD_QUALITY_REPORT_ASKED_TO_REPEAT or _REVERIFIED, "", FALSE) directly
 *   pane.transfer   → asks for a queue, then session.transfer (ss: id, queue)
 *   pane.wrap-up    → asks resolved or not, then session.wrap-up (sb: id, resolved)
 * (pane actions, not the session's, only where a dialog comes first or the
 * handoff shown must be named from a static menu).
 * While the agent types, a hint under the reply box lists what the bot already
 * captured that the reply asks for (hd_repeat_detect ()); sending such a reply
 * activates session.quality-report (id, HD_QUALITY_REPORT_ASKED_TO_REPEAT,
 * detail, TRUE) just before session.reply. */
GtkWidget *hd_handoff_pane_new                     (void);
/* Where the context columns fold to when the conversation needs the width:
 * the window's Show Details button follows its "folded" and "reveal-flap". */
AdwFlap   *hd_handoff_pane_get_details_flap        (HdHandoffPane *self);
HdHandoff *hd_handoff_pane_get_handoff             (HdHandoffPane *self);
void       hd_handoff_pane_set_handoff             (HdHandoffPane *self,
                                                    HdHandoff     *handoff);
gboolean   hd_handoff_pane_get_can_reply           (HdHandoffPane *self);
void       hd_handoff_pane_set_can_reply           (HdHandoffPane *self,
                                                    gboolean       can_reply);
gboolean   hd_handoff_pane_get_can_send            (HdHandoffPane *self);
void       hd_handoff_pane_set_can_send            (HdHandoffPane *self,
                                                    gboolean       can_send);
gboolean   hd_handoff_pane_get_read_only           (HdHandoffPane *self);
void       hd_handoff_pane_set_read_only           (HdHandoffPane *self,
                                                    gboolean       read_only);
guint      hd_handoff_pane_get_stale_after_seconds (HdHandoffPane *self);
void       hd_handoff_pane_set_stale_after_seconds (HdHandoffPane *self,
                                                    guint          seconds);
HdSfClient *hd_handoff_pane_get_sf_client          (HdHandoffPane *self);
void        hd_handoff_pane_set_sf_client          (HdHandoffPane *self,
                                                    HdSfClient    *client);
HdOutbox   *hd_handoff_pane_get_outbox             (HdHandoffPane *self);
void        hd_handoff_pane_set_outbox             (HdHandoffPane *self,
                                                    HdOutbox      *outbox);
gboolean   hd_handoff_pane_get_allow_reveal        (HdHandoffPane *self);
void       hd_handoff_pane_set_allow_reveal        (HdHandoffPane *self,
                                                    gboolean       allow_reveal);
/* Whether new transcript turns scroll into view (the agent is at the bottom). */
gboolean   hd_handoff_pane_get_following           (HdHandoffPane *self);

/* The regions Tab and F6 go through, in reading order (cards, story, transcript, reply,
 * case); @skipped[i] is a region inside @regions[i] that is not part of it. */
#define HD_HANDOFF_PANE_N_FOCUS_REGIONS 5
guint      hd_handoff_pane_get_focus_regions       (HdHandoffPane  *self,
                                                    GtkWidget     **regions,
                                                    GtkWidget     **skipped);

G_END_DECLS
