/* hd-sf-feed-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-sf-feed.h"
#include "hd-sf-stage-private.h"

G_BEGIN_DECLS

/* Shared by hd-sf-feed.c (the events, in order, and the stored replayId),
 * hd-sf-feed-requests.c (requests as platform events, and their answers)
 * and hd-sf-feed-turns.c (transcript turns read on `update`). */

struct _HdSfFeed
{
  GObject         parent_instance;

  HdSfClient     *client;
  HdBayeuxClient *bayeux;
  HdQueue        *queue;
  char           *state_path;     /* nullable */
  char           *user_id;        /* the signed-in agent's */
  guint           window_s;
  gboolean        first_start;    /* nothing was stored */

  HdSfFeedCommitFunc commit;
  gpointer        commit_data;
  gboolean        commit_failing;
  HdSfStageFunc   stage_func;     /* nullable: the crash tests' hook */
  gpointer        stage_data;

  GQueue          events;         /* JsonObject payloads with "replayId" set, in order */
  gboolean        busy;           /* the head event waits for a REST read */
  GSource        *retry;          /* a REST read failed: backoff */
  guint           attempt;
  gint64          applied;        /* replayId of the last event applied */
  gint64          stored;         /* replayId in the state file */
  guint           n_dropped;
  GCancellable   *cancellable;

  GHashTable     *requests;       /* Request_Id__c → GTask */
  guint           request_timeout_ms;
  guint           next_request;
  char           *status;         /* the agent's, sent again on each connect; nullable */

  GHashTable     *turns;          /* handoff id → HdSfTurnState: what was read of its turns */
};

/* hd-sf-feed.c: the head event's REST read is over.  @done: applied (or
 * refused for good), the next event follows; else the events wait and the
 * read is tried again after a backoff. */
void _hd_sf_feed_read_done (HdSfFeed   *self,
                            gboolean    done);
void _hd_sf_feed_notice (HdSfFeed   *self,
                         const char *message);

/* hd-sf-feed-requests.c: an `answer` event for @request_id. */
void _hd_sf_feed_apply_answer (HdSfFeed   *self,
                               JsonObject *payload);
void _hd_sf_feed_fail_requests (HdSfFeed  *self);
/* Completes the pending `reply` @request_id, if there is one: its agent
 * turn has been appended (or the update answering it applied). */
void _hd_sf_feed_complete_reply (HdSfFeed   *self,
                                 const char *request_id);
/* Sends the agent's status again once the Streaming API connects. */
void _hd_sf_feed_watch_status (HdSfFeed *self);

/* hd-sf-feed-turns.c: the "turn-appended" signal, and the table. */
void     _hd_sf_feed_turns_class_init (GObjectClass *object_class);
void     _hd_sf_feed_turns_init   (HdSfFeed   *self);
/* Notes the record holding @handoff_id's offer, which its updates must name. */
void     _hd_sf_feed_note_record  (HdSfFeed   *self,
                                   const char *handoff_id,
                                   const char *record_id);
/* An `update` event: TRUE when it started the REST read of the new turns
 * (the feed is busy until _hd_sf_feed_read_done ()), FALSE when there is
 * nothing to read. */
gboolean _hd_sf_feed_apply_update (HdSfFeed   *self,
                                   JsonObject *payload);

G_END_DECLS
