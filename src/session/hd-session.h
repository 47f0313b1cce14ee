/* hd-session.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-draft-store.h"
#include "hd-feed-client.h"
#include "hd-journal.h"
#include "hd-oauth.h"
#include "hd-outbox.h"
#include "hd-queue.h"
#include "hd-sf-auth.h"
#include "hd-sf-client.h"
#include "hd-sf-feed.h"
#include "hd-supervisor-model.h"

G_BEGIN_DECLS

/* What one run of the app is connected to: the assignment feed (a real routing layer, or
 * the built-in one for --demo), the queue it fills, and the journal every handoff event is
 * written to. Headless, so the whole wiring is tested without a display. */

#define HD_TYPE_SESSION (hd_session_get_type ())
G_DECLARE_FINAL_TYPE (HdSession, hd_session, HD, SESSION, GObject)

HdSession    *hd_session_new_for_feed  (const char  *url,
                                        const char  *agent_id,
                                        const char  *token,
                                        const char  *data_dir,
                                        GError     **error);

/* Forgets the feed position kept in @data_dir, so that a session made there next starts
 * at the router's beginning. The built-in demo's router is a new one every run, whose
 * sequence starts again: resuming from the last run's position would skip its offers. */
void          hd_session_forget_feed_position (const char *data_dir);
/* Marks the session as the built-in demo's (src/demo/hd-demo.h), before it starts: its
 * Salesforce, the stand-in, is signed in to at start through @open_uri (a headless browser)
 * instead of being restored from the keyring. */
void          hd_session_set_demo      (HdSession          *self,
                                        HdOAuthOpenUriFunc  open_uri);

/* Shows again, first, the handoffs the journal has open (an earlier run's,
 * even one that crashed; not for the demo, whose router is new every run),
 * then connects. */
void          hd_session_start         (HdSession   *self);
void          hd_session_stop          (HdSession   *self);

gboolean      hd_session_get_is_demo   (HdSession   *self);
const char   *hd_session_get_agent_id  (HdSession   *self);
const char   *hd_session_get_data_dir  (HdSession   *self);
HdFeedClient *hd_session_get_feed      (HdSession   *self);
HdQueue      *hd_session_get_queue     (HdSession   *self);
HdJournal    *hd_session_get_journal   (HdSession   *self);
HdSupervisorModel *hd_session_get_supervisor_model (HdSession *self);

/* What the agent asks of the routing layer.  A handoff changes state only when the
 * routing layer confirms, so a failed request leaves it as it was; each finishes with
 * hd_session_request_finish ().  An accept or decline is pending until answered
 * (hd_session_is_request_pending ()).  A quality report and a transfer are journaled as they
 * are sent, a wrap-up's outcome once the routing layer confirms it. */
void          hd_session_accept_async  (HdSession           *self,
                                        const char          *handoff_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void          hd_session_decline_async (HdSession           *self,
                                        const char          *handoff_id,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Fails at once, before anything is sent, unless hd_session_get_can_send (). */
void          hd_session_reply_async   (HdSession           *self,
                                        const char          *handoff_id,
                                        const char          *text,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* @report: asked to repeat or re-verified (a transfer is hd_session_transfer_async ());
 * @detail: nullable, what was asked for again; @automatic: detected, not clicked. */
void          hd_session_report_quality_async (HdSession           *self,
                                               const char          *handoff_id,
                                               HdQualityReport      report,
                                               const char          *detail,
                                               gboolean             automatic,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void          hd_session_transfer_async (HdSession           *self,
                                         const char          *handoff_id,
                                         const char          *to_queue,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void          hd_session_wrap_up_async (HdSession           *self,
                                        const char          *handoff_id,
                                        gboolean             resolved,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean      hd_session_request_finish (HdSession          *self,
                                         GAsyncResult       *result,
                                         GError            **error);
/* Whether an accept or decline for the handoff was sent and the routing layer has not
 * answered yet.  Meanwhile a second accept or decline for it is not sent: it fails at once
 * with G_IO_ERROR_PENDING, so a double click or a key pressed twice asks only once.
 * "request-pending-changed" (const char *handoff_id) says when this changes. */
gboolean      hd_session_is_request_pending (HdSession      *self,
                                             const char     *handoff_id);
/* Whether a reply would be sent now: the feed is connected. */
gboolean      hd_session_get_can_send  (HdSession           *self);
/* The agent's status ("available", "busy", "away", "offline") to the
 * transport in use (WebSocket feed or Salesforce). */
void          hd_session_set_status    (HdSession           *self,
                                        const char          *status);

/* What the agent did that only the app knows of: journaled with the agent as actor. */
void          hd_session_journal_agent_event (HdSession   *self,
                                              const char  *handoff_id,
                                              const char  *type,
                                              JsonObject  *payload);

gboolean      hd_session_check_feed_url (const char  *url,
                                         GError     **error);

/* Salesforce for a real org, or the demo's stand-in. Sign-in is restored from the keyring
 * at start (the demo signs in afresh, see hd_session_set_demo ()); problems come back as
 * "notice". */
gboolean      hd_session_setup_salesforce (HdSession   *self,
                                           const char  *login_url,
                                           const char  *client_id,
                                           guint        redirect_port,
                                           const char  *redirect_path,
                                           const char  *api_version,
                                           GError     **error);
HdSfAuth     *hd_session_get_sf_auth   (HdSession   *self);  /* NULL without Salesforce */

/* The Salesforce transport (docs/feed-protocol.md, "Salesforce binding"):
 * a session made with hd_session_new_for_salesforce (), then
 * hd_session_setup_salesforce (), then hd_session_use_salesforce_feed (),
 * takes its offers from the org's event bus once it is signed in (first
 * start: offers at most @window_s old).  Requests go to the org as
 * platform events; queue, journal and pane are the same. */
HdSession    *hd_session_new_for_salesforce (const char  *agent_id,
                                             const char  *data_dir,
                                             GError     **error);
gboolean      hd_session_use_salesforce_feed (HdSession  *self,
                                              guint       window_s,
                                              GError    **error);
void          hd_session_forget_salesforce_position (const char *data_dir);
HdSfFeed     *hd_session_get_sf_feed   (HdSession   *self);   /* NULL for a WebSocket feed */
HdSfClient   *hd_session_get_sf_client (HdSession   *self);
HdOutbox     *hd_session_get_outbox    (HdSession   *self);
/* The agent's unsent replies and case edits, per handoff (also the default
 * HdDraftStore while the session lives); cleared when a handoff closes. */
HdDraftStore *hd_session_get_drafts    (HdSession   *self);

G_END_DECLS
