/* hd-agent-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-handoff.h"
#include "hd-handoff-pane.h"
#include "hd-session.h"

G_BEGIN_DECLS

#define HD_TYPE_AGENT_VIEW (hd_agent_view_get_type ())

G_DECLARE_FINAL_TYPE (HdAgentView, hd_agent_view, HD, AGENT_VIEW, AdwBin)

/* Agent mode: the queue sidebar next to the pane of the selected handoff.
 *
 * It never changes a handoff itself.  Its actions ask the window's session.*
 * actions (see HdWindow), as the pane inside it does:
 *   agent.accept  → session.accept (s: handoff id)
 *   agent.decline → asks for a reason, then session.decline (ss: id, reason)
 * and shows the request pending while its session (hd_agent_view_set_session ())
 * says so: the session, not the view, keeps an answer from being sent twice.
 * "can-answer" (read-only) is TRUE while they can: the handoff shown is an
 * offer, and no answer to it is pending.  The window's win.accept-offer and
 * win.decline-offer (Ctrl+Return, Ctrl+D, anywhere in the window) activate
 * them on the handoff shown, and are enabled only while "can-answer" is TRUE.
 * Decline reasons are stable keys: "busy", "wrong_skill", "language", "other".
 *
 * The pane (hd_agent_view_get_pane ()) is the one the window binds "can-reply",
 * "can-send", "allow-reveal", "sf-client" and "outbox" to.
 *
 * Narrower than the queue and the pane side by side, the queue folds away:
 * "queue-folded" (read-only) says so, and "queue-revealed" shows it over the
 * pane until a handoff is picked (the window's Show Queue button). */
GtkWidget  *hd_agent_view_new                  (void);
GListModel *hd_agent_view_get_queue            (HdAgentView *self);
void        hd_agent_view_set_queue            (HdAgentView *self,
                                                GListModel  *queue);
HdHandoff  *hd_agent_view_get_selected_handoff (HdAgentView *self);
void        hd_agent_view_set_selected_handoff (HdAgentView *self,
                                                HdHandoff   *handoff);
gboolean    hd_agent_view_get_can_answer       (HdAgentView *self);
void        hd_agent_view_set_session          (HdAgentView *self,
                                                HdSession   *session);
HdHandoffPane *hd_agent_view_get_pane          (HdAgentView *self);
gboolean    hd_agent_view_get_queue_folded     (HdAgentView *self);
gboolean    hd_agent_view_get_queue_revealed   (HdAgentView *self);
void        hd_agent_view_set_queue_revealed   (HdAgentView *self,
                                                gboolean     revealed);
/* F6 and Shift+F6: the focus to the next or previous region (queue, offer bar, the pane's). */
gboolean    hd_agent_view_cycle_region         (HdAgentView *self,
                                                gboolean     forward);

G_END_DECLS
