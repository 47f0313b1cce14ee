/* hd-feed-stage-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-feed-client.h"

G_BEGIN_DECLS

/* The points of a sequenced message's life that only the feed transport
 * sees, reported to one hook for the crash tests (HdSession maps them onto
 * its own stages, hd-session-private.h).  The hook is set by code only,
 * never from the environment or a setting, so nothing a user can reach
 * turns it on.  Any transport reports the same stages: an offer decoded and
 * about to be applied; the transport's position (here the state file)
 * written durably; that position acknowledged to the server. */
typedef enum
{
  HD_FEED_STAGE_DECODED,
  HD_FEED_STAGE_STATE_WRITTEN,
  HD_FEED_STAGE_ACKED,
} HdFeedStage;

/* @seq: the sequence number concerned (the offer's, or the one written or
 * acknowledged). */
typedef void (*HdFeedStageFunc) (HdFeedStage  stage,
                                 gint64       seq,
                                 gpointer     user_data);

void _hd_feed_client_set_stage_func (HdFeedClient    *self,
                                     HdFeedStageFunc  func,
                                     gpointer         user_data);

G_END_DECLS
