/* hd-queue-panel.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-trend.h"

G_BEGIN_DECLS

/* What a supervisor's panel shows about one queue (skill group), as the
 * supervisor stream reports it.  HdSupervisorModel owns and updates the
 * panels; they emit "changed" at most once per hd_supervisor_model_flush (),
 * so a widget redraws once whatever the event rate. */

typedef enum /*< flags >*/
{
  HD_QUEUE_ALERT_NONE               = 0,
  HD_QUEUE_ALERT_SLA_BREACH         = 1 << 0,  /* longest wait past the SLA target */
  HD_QUEUE_ALERT_VULNERABLE_WAITING = 1 << 1,  /* a vulnerable customer waits past the threshold */
} HdQueueAlert;

typedef enum
{
  HD_PANEL_SORT_URGENCY = 0,   /* alerts first, then longest wait against the SLA target */
  HD_PANEL_SORT_WAITING,       /* most waiting first */
  HD_PANEL_SORT_LONGEST_WAIT,  /* longest wait first */
  HD_PANEL_SORT_NAME,
} HdPanelSort;

#define HD_TYPE_WAITING_HANDOFF (hd_waiting_handoff_get_type ())
#define HD_TYPE_QUEUE_PANEL     (hd_queue_panel_get_type ())

G_DECLARE_FINAL_TYPE (HdWaitingHandoff, hd_waiting_handoff, HD, WAITING_HANDOFF, GObject)
G_DECLARE_FINAL_TYPE (HdQueuePanel, hd_queue_panel, HD, QUEUE_PANEL, GObject)

/* One waiting handoff of the drill-down ("waiting_handoffs" of a snapshot,
 * "handoff" of an offered or transferred event).  Immutable. */
HdWaitingHandoff *hd_waiting_handoff_new_from_json   (JsonObject       *object);
const char       *hd_waiting_handoff_get_handoff_id  (HdWaitingHandoff *self);
const char       *hd_waiting_handoff_get_customer    (HdWaitingHandoff *self);  /* nullable */
const char       *hd_waiting_handoff_get_intent      (HdWaitingHandoff *self);  /* nullable */
const char       *hd_waiting_handoff_get_priority    (HdWaitingHandoff *self);  /* nullable */
const char       *hd_waiting_handoff_get_bot_flow    (HdWaitingHandoff *self);  /* nullable */
const char       *hd_waiting_handoff_get_transferred_from (HdWaitingHandoff *self);  /* nullable */
/* The router's display names for the intent and the bot flow, checked as the
 * packet's labels are (hd_display_name_read_label ()). */
const char       *hd_waiting_handoff_get_intent_label   (HdWaitingHandoff *self);  /* nullable */
const char       *hd_waiting_handoff_get_bot_flow_label (HdWaitingHandoff *self);  /* nullable */
gboolean          hd_waiting_handoff_get_vip         (HdWaitingHandoff *self);
gboolean          hd_waiting_handoff_get_vulnerable  (HdWaitingHandoff *self);
/* µs since the epoch. */
gint64            hd_waiting_handoff_get_waiting_since (HdWaitingHandoff *self);
guint             hd_waiting_handoff_get_sla_target_s  (HdWaitingHandoff *self);

const char   *hd_queue_panel_get_queue_id              (HdQueuePanel *self);
/* The queue's display name: the stream's `queue_label`, else "collections_hardship" →
 * "Collections hardship" (hd_display_name_choose ()). */
const char   *hd_queue_panel_get_title                 (HdQueuePanel *self);
guint         hd_queue_panel_get_waiting               (HdQueuePanel *self);
guint         hd_queue_panel_get_offers_in_push        (HdQueuePanel *self);
guint         hd_queue_panel_get_agents_available      (HdQueuePanel *self);
guint         hd_queue_panel_get_agents_busy           (HdQueuePanel *self);
guint         hd_queue_panel_get_agents_away           (HdQueuePanel *self);
/* At the last flush. */
guint         hd_queue_panel_get_longest_wait_s        (HdQueuePanel *self);
guint         hd_queue_panel_get_sla_target_s          (HdQueuePanel *self);  /* 0: none */
/* Over the last 60 minutes. */
guint         hd_queue_panel_get_abandoned_in_transfer (HdQueuePanel *self);
guint         hd_queue_panel_get_declined              (HdQueuePanel *self);
guint         hd_queue_panel_get_expired               (HdQueuePanel *self);
guint         hd_queue_panel_get_vip_waiting           (HdQueuePanel *self);
guint         hd_queue_panel_get_vulnerable_waiting    (HdQueuePanel *self);
HdQueueAlert  hd_queue_panel_get_alert                 (HdQueuePanel *self);
/* A translated sentence per raised alert, or NULL. */
const char   *hd_queue_panel_get_alert_text            (HdQueuePanel *self);
/* The waiting handoffs, oldest first: a GListModel of HdWaitingHandoff. */
GListModel   *hd_queue_panel_get_waiting_handoffs      (HdQueuePanel *self);
/* Waiting per minute over the last hour. */
const HdTrend *hd_queue_panel_get_trend                (HdQueuePanel *self);
/* The minute of the last flush (for hd_trend_get_series ()). */
gint64        hd_queue_panel_get_now_minute            (HdQueuePanel *self);
/* "Waiting rose from 3 to 12 over the last 60 minutes (peak 14)." */
char         *hd_queue_panel_describe_trend            (HdQueuePanel *self);

/* Sorting and filtering, for the view's sorter and filter. */
int           hd_queue_panel_compare                   (HdQueuePanel *a,
                                                        HdQueuePanel *b,
                                                        HdPanelSort   sort);
/* @search matches the queue id or title, case-insensitively (NULL or "":
 * any); @alerts_only keeps panels with an alert. */
gboolean      hd_queue_panel_matches                   (HdQueuePanel *self,
                                                        const char   *search,
                                                        gboolean      alerts_only);

G_END_DECLS
