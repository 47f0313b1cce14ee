/* hd-supervisor-model.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-kpi.h"
#include "hd-queue-panel.h"

G_BEGIN_DECLS

#define HD_TYPE_SUPERVISOR_MODEL (hd_supervisor_model_get_type ())

G_DECLARE_FINAL_TYPE (HdSupervisorModel, hd_supervisor_model, HD, SUPERVISOR_MODEL, GObject)

/* Supervisor mode's state: a GListModel of HdQueuePanel (one per queue, in
 * the order they first appeared) fed by the supervisor stream, plus the KPI
 * engine fed by the same events.  Headless.
 *
 * Applying a snapshot or an event only updates numbers; nothing is emitted
 * until hd_supervisor_model_flush (), which the view calls a few times a
 * second: it recomputes waits and alerts, records the trends, emits
 * "changed" on each panel that changed and "alert" for every alert newly
 * raised, so the UI's work does not grow with the event rate.
 *
 * Signals: "alert" (HdQueuePanel *panel, const char *text): a breach or a
 * vulnerable customer waiting past "vulnerable-threshold-s" (default 120)
 * was raised (again after it had cleared).
 * Properties: "n-waiting", "n-alerts" (read-only, at the last flush). */

HdSupervisorModel *hd_supervisor_model_new              (void);

/* The bodies of the feed client's "queue-snapshot" and "queue-event"
 * signals.  A snapshot replaces everything but the trends and the KPIs.
 * An event body is decoded with hd_feed_parse_queue_event () and added
 * (ignored when it cannot be). */
void          hd_supervisor_model_apply_snapshot        (HdSupervisorModel *self,
                                                         JsonObject        *body);
void          hd_supervisor_model_apply_event           (HdSupervisorModel *self,
                                                         JsonObject        *body);
/* One decoded event: the panels and the KPI engine both take it. */
void          hd_supervisor_model_add_event             (HdSupervisorModel  *self,
                                                         const HdQueueEvent *event);
/* @now: µs since the epoch (g_get_real_time ()). */
void          hd_supervisor_model_flush                 (HdSupervisorModel *self,
                                                         gint64             now);

HdKpiEngine  *hd_supervisor_model_get_kpi_engine        (HdSupervisorModel *self);
HdQueuePanel *hd_supervisor_model_lookup_panel          (HdSupervisorModel *self,
                                                         const char        *queue_id);
HdWaitingHandoff *hd_supervisor_model_lookup_waiting    (HdSupervisorModel *self,
                                                         const char        *handoff_id);
guint         hd_supervisor_model_get_n_waiting         (HdSupervisorModel *self);
guint         hd_supervisor_model_get_n_alerts          (HdSupervisorModel *self);
guint         hd_supervisor_model_get_vulnerable_threshold_s (HdSupervisorModel *self);
void          hd_supervisor_model_set_vulnerable_threshold_s (HdSupervisorModel *self,
                                                              guint              seconds);

G_END_DECLS
