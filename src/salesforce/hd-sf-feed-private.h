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

/* Shared by hd-sf-feed.c (the events, in order, and the stored replayId)
 * and hd-sf-feed-requests.c (requests as platform events, and their
 * answers). */

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
};

/* hd-sf-feed-requests.c: an `answer` event for @request_id. */
void _hd_sf_feed_apply_answer (HdSfFeed   *self,
                               JsonObject *payload);
void _hd_sf_feed_fail_requests (HdSfFeed  *self);

G_END_DECLS
