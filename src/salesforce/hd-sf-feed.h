/* hd-sf-feed.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bayeux-client.h"
#include "hd-queue.h"
#include "hd-sf-client.h"

G_BEGIN_DECLS

#define HD_SF_FEED_CHANNEL "/event/HandoffDesk_Event__e"

/* How far back a first start looks, by default: offers created earlier
 * are not shown (docs/feed-protocol.md, "Salesforce binding"). */
#define HD_SF_FEED_DEFAULT_WINDOW_S 600

#define HD_TYPE_SF_FEED (hd_sf_feed_get_type ())
G_DECLARE_FINAL_TYPE (HdSfFeed, hd_sf_feed, HD, SF_FEED, GObject)

/* The assignment feed over Salesforce (docs/feed-protocol.md, "Salesforce
 * binding"): HandoffDesk_Event__e events from the Streaming API
 * (HdBayeuxClient), each applied in the order received:
 *
 *   - an event for another user is skipped;
 *   - an `offer` reads its Handoff__c over REST, under the org's sharing
 *     (not shared with the agent: dropped with a log line, never shown),
 *     and its Packet__c goes through the bounded parser and the packet
 *     parser (validation, masking) into the HdQueue, once: a handoff id
 *     ever presented (in the queue, or remembered from the journal with
 *     hd_queue_remember ()) is never shown again;
 *   - a `revoke` or `expire` ends an open offer with its reason;
 *   - an `answer` completes the request with its Request_Id__c;
 *   - an `update` reads the handoff's Handoff_Turn__c records newer than
 *     the last Sequence__c applied (SOQL, under the org's sharing) and
 *     appends each valid turn once, in order (hd-sf-feed-turns.c); one
 *     with the Request_Id__c of a reply completes it.
 *
 * After a run of events is applied, the commit function (the journal's
 * sync) runs, and only then is the replayId written to "state-path"
 * durably: a crash in between replays events whose offers the journal
 * already holds, which the queue then refuses.  A first start (no state)
 * subscribes with -2 and skips offers created more than the window ago or
 * already expired.  A stored replayId past retention is replaced by -2,
 * with a "notice".  A REST failure holds the events back and retries
 * with backoff, so nothing is skipped.
 *
 * Signals: "offer-presented" (HdHandoff *, JsonObject *packet) once per
 * handoff, for the journal; "turn-appended" (HdHandoff *, JsonObject
 * *turn, const char *handoff_record_id, gint64 sequence) once per turn,
 * for the journal; "notice" (const char *message), translated, for a
 * toast.  Property "relays-agent-messages" (TRUE): replies are taken. */

typedef gboolean (*HdSfFeedCommitFunc) (gpointer   user_data,
                                        GError   **error);

HdSfFeed       *hd_sf_feed_new               (HdSfClient         *client,
                                              const char         *state_path,
                                              HdQueue            *queue);
void            hd_sf_feed_set_window        (HdSfFeed           *self,
                                              guint               seconds);
void            hd_sf_feed_set_commit_func   (HdSfFeed           *self,
                                              HdSfFeedCommitFunc  func,
                                              gpointer            user_data);
void            hd_sf_feed_start             (HdSfFeed           *self);
void            hd_sf_feed_stop              (HdSfFeed           *self);

HdBayeuxClient *hd_sf_feed_get_bayeux        (HdSfFeed           *self);
/* The replayId last written to the state file, or HD_BAYEUX_REPLAY_EARLIEST. */
gint64          hd_sf_feed_get_stored_replay_id (HdSfFeed        *self);
/* Events applied (or skipped) and not yet stored, and REST reads waiting. */
gboolean        hd_sf_feed_is_idle           (HdSfFeed           *self);
guint           hd_sf_feed_get_n_dropped     (HdSfFeed           *self);

/* What an earlier run appended (from the journal): no turn of @handoff_id
 * up to @sequence is appended again. */
void            hd_sf_feed_remember_turns    (HdSfFeed           *self,
                                              const char         *handoff_id,
                                              gint64              sequence);
/* The last Sequence__c applied for @handoff_id, 0 for none. */
gint64          hd_sf_feed_get_last_turn_sequence (HdSfFeed      *self,
                                                   const char    *handoff_id);

/* A request as a HandoffDesk_Request__e insert ("accept", "decline",
 * "reply", "quality_report", "wrap_up"; @body: the feed protocol's request
 * object, nullable), completed by the `answer` event with its
 * Request_Id__c (a `reply` by the `update` that brings its agent turn, an
 * error `answer` failing it): TRUE for `ok`, HD_ERROR_CONFLICT for `offer_unavailable`,
 * `not_assigned` and `not_found`, HD_ERROR_PROTOCOL for another result,
 * HD_ERROR_IO when no answer comes in time.  On `ok` an accept, decline or
 * wrap-up moves the handoff's state. */
void            hd_sf_feed_request_async     (HdSfFeed            *self,
                                              const char          *kind,
                                              const char          *handoff_id,
                                              JsonObject          *body,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        hd_sf_feed_request_finish    (HdSfFeed            *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* The agent's status (fire and forget; no answer comes), sent again on
 * every connect of the Streaming API. */
void            hd_sf_feed_set_status        (HdSfFeed            *self,
                                              const char          *status);
void            hd_sf_feed_set_request_timeout (HdSfFeed          *self,
                                                guint              ms);

G_END_DECLS
