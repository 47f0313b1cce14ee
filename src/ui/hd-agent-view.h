/* hd-agent-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_AGENT_VIEW (hd_agent_view_get_type ())

G_DECLARE_FINAL_TYPE (HdAgentView, hd_agent_view, HD, AGENT_VIEW, AdwBin)

/* Agent mode: the queue sidebar next to the pane of the selected handoff.
 *
 * It never changes a handoff itself.  Its actions ask upward:
 *   agent.accept  (Ctrl+Return)  → "accept-requested"  (HdHandoff *handoff)
 *   agent.decline (Ctrl+D)       → asks for a reason, then
 *                                   "decline-requested" (HdHandoff *handoff, const char *reason)
 *   the pane's reply box         → "reply-requested"   (HdHandoff *handoff, const char *text) → gboolean
 *   the pane's Reveal button      → "reveal-requested" (HdHandoff *handoff, HdAccountRef *account)
 *   the pane's "Audit Trail"      → "audit-requested"  (HdHandoff *handoff)
 *   the pane's "Export Recording…" → "export-requested" (HdHandoff *handoff)
 *   the pane's "Handoff Quality" buttons → "signal-requested"
 *     (HdHandoff *handoff, const char *signal, const char *to_queue, nullable)
 *     and "wrap-up-requested" (HdHandoff *handoff, gboolean resolved)
 *   a reply asking for what the bot captured → "repeat-detected"
 *     (HdHandoff *handoff, const char *detail), just before "reply-requested"
 * and shows the result once the model changes (the server confirmed).
 * "allow-reveal" (policy, default FALSE) shows the pane's Reveal buttons.
 * Decline reasons are stable keys: "busy", "wrong_skill", "language", "other".
 *
 * "sf-client" and "outbox" (nullable) go to the pane's Salesforce case editor. */
GtkWidget  *hd_agent_view_new                  (void);
GListModel *hd_agent_view_get_queue            (HdAgentView *self);
void        hd_agent_view_set_queue            (HdAgentView *self,
                                                GListModel  *queue);
HdHandoff  *hd_agent_view_get_selected_handoff (HdAgentView *self);
void        hd_agent_view_set_selected_handoff (HdAgentView *self,
                                                HdHandoff   *handoff);
gboolean    hd_agent_view_get_can_reply        (HdAgentView *self);
void        hd_agent_view_set_can_reply        (HdAgentView *self,
                                                gboolean     can_reply);

G_END_DECLS
