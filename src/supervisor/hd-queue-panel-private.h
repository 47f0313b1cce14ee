/* hd-queue-panel-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-queue-panel.h"

G_BEGIN_DECLS

/* Shared by hd-queue-panel.c and hd-supervisor-model.c, which updates the
 * panels. */

typedef struct
{
  gint64 minute;
  guint  declined;
  guint  expired;
  guint  abandoned_in_transfer;
} PanelBucket;

struct _HdQueuePanel
{
  GObject       parent_instance;

  char         *queue_id;
  char         *title;
  guint         waiting;
  guint         offers_in_push;
  guint         agents_available;
  guint         agents_busy;
  guint         agents_away;
  guint         longest_wait_s;
  guint         sla_target_s;
  guint         vip_waiting;
  guint         vulnerable_waiting;
  PanelBucket   buckets[60];
  GListStore   *waiting_handoffs;  /* of HdWaitingHandoff, oldest first */
  HdTrend       trend;
  gint64        now_minute;
  HdQueueAlert  alert;
  char         *alert_text;

  gboolean      dirty;
};

/* What a panel counts over its 60 minutes. */
typedef enum
{
  HD_QUEUE_PANEL_COUNT_DECLINED = 0,
  HD_QUEUE_PANEL_COUNT_EXPIRED,
  HD_QUEUE_PANEL_COUNT_ABANDONED_IN_TRANSFER,
} HdQueuePanelCount;

/* A waiting handoff the stream said nothing more about than its id. */
HdWaitingHandoff *_hd_waiting_handoff_new   (const char       *handoff_id,
                                             gint64            waiting_since);

HdQueuePanel *_hd_queue_panel_new           (const char       *queue_id);
/* The router's `queue_label`: NULL, blank or invalid gives the table's title. */
void          _hd_queue_panel_set_label     (HdQueuePanel     *self,
                                             const char       *label);
/* Counts one @what at @at (µs). */
void          _hd_queue_panel_count         (HdQueuePanel     *self,
                                             HdQueuePanelCount what,
                                             gint64            at);
/* Replaces the 60-minute counts by a snapshot's, put in @at's minute. */
void          _hd_queue_panel_set_window_counts (HdQueuePanel *self,
                                                 gint64        at,
                                                 guint         declined,
                                                 guint         expired,
                                                 guint         abandoned_in_transfer);
void          _hd_queue_panel_add_waiting   (HdQueuePanel     *self,
                                             HdWaitingHandoff *handoff);
gboolean      _hd_queue_panel_remove_waiting (HdQueuePanel    *self,
                                              HdWaitingHandoff *handoff);
void          _hd_queue_panel_clear_waiting (HdQueuePanel     *self);
/* Recomputes the longest wait and alerts at @now (µs), records the trend,
 * and returns the alerts newly raised. */
HdQueueAlert  _hd_queue_panel_refresh       (HdQueuePanel     *self,
                                             gint64            now,
                                             guint             vulnerable_threshold_s);

G_END_DECLS
