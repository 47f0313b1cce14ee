/* hd-sf-stage-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bayeux-client.h"
#include "hd-sf-feed.h"

G_BEGIN_DECLS

/* The points of an offer's life that only the Salesforce transport sees,
 * reported to one hook for the crash tests: HdSession maps them onto its
 * own stages (hd-session-private.h), as it does the WebSocket client's
 * (src/feed/hd-feed-stage-private.h).  The hooks are set by code only,
 * never from the environment or a setting, so nothing a user can reach
 * turns them on.
 *
 *   decoded        an offer's Packet__c, read over REST, parsed into a
 *                  handoff that is about to be added to the queue;
 *   state-written  the replayId written durably to the state file, after
 *                  the journal's sync;
 *   acked          the first /meta/connect written after events were
 *                  delivered.
 *
 * Salesforce has no acknowledgement of its own: the Streaming API keeps no
 * position per subscriber, and what a restart gets is decided only by the
 * replayId the client subscribes with, the one in the state file.  The
 * nearest thing is CometD's implicit one: a client that connects again has
 * received what the last connect carried, and the server will not send it
 * to this client again.  The client reconnects at once (Salesforce drops a
 * client that stays away 40 s), before the events are applied, so for this
 * transport "acked" comes before "decoded", not after "state-written" as
 * with the WebSocket feed; a kill just after it is the case where the
 * server is done with events the app has not journaled, which the stored
 * replayId brings back. */
typedef enum
{
  HD_SF_STAGE_DECODED,
  HD_SF_STAGE_STATE_WRITTEN,
  HD_SF_STAGE_ACKED,
} HdSfStage;

/* @replay_id: the event's (decoded), the one stored (state-written), or
 * the last one the connect acknowledges (acked). */
typedef void (*HdSfStageFunc) (HdSfStage  stage,
                               gint64     replay_id,
                               gpointer   user_data);

/* hd-sf-feed.c */
void _hd_sf_feed_set_stage_func       (HdSfFeed       *self,
                                       HdSfStageFunc   func,
                                       gpointer        user_data);

/* hd-bayeux-client-wire.c: @func is called with HD_SF_STAGE_ACKED once a
 * /meta/connect after delivered events is written. */
void _hd_bayeux_client_set_stage_func (HdBayeuxClient *self,
                                       HdSfStageFunc   func,
                                       gpointer        user_data);

G_END_DECLS
