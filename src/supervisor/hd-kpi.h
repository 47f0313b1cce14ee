/* hd-kpi.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-feed-protocol.h"

G_BEGIN_DECLS

/* Handoff-quality KPIs over a sliding window, per queue, per bot flow and
 * overall.  docs/kpis.md is the normative definition of every figure; the
 * comments here only say which input feeds which.  Memory is bounded: counts
 * live in one ring of per-minute buckets per scope, and a handoff is tracked
 * only until it concludes (or for one window after its last event). */

typedef enum
{
  HD_KPI_SCOPE_OVERALL = 0,
  HD_KPI_SCOPE_QUEUE,          /* the queue the bot first routed the handoff to */
  HD_KPI_SCOPE_FLOW,           /* the bot flow it escalated from */
} HdKpiScope;

#define HD_TYPE_KPI_SCOPE  (hd_kpi_scope_get_type ())
GType hd_kpi_scope_get_type (void);

#define HD_TYPE_KPI_ROW    (hd_kpi_row_get_type ())
#define HD_TYPE_KPI_ENGINE (hd_kpi_engine_get_type ())

G_DECLARE_FINAL_TYPE (HdKpiRow, hd_kpi_row, HD, KPI_ROW, GObject)
G_DECLARE_FINAL_TYPE (HdKpiEngine, hd_kpi_engine, HD, KPI_ENGINE, GObject)

/* One line of the KPI table.  Rates are 0..1, or NAN when the denominator
 * is 0 (shown as "—", exported as an empty cell).  Every getter below is
 * also a read-only property ("scope", "name", "label", "n-offered",
 * "n-concluded", "escalation-success", …, "most-missing"), notified when
 * hd_kpi_row_update_from () changes it. */
HdKpiScope   hd_kpi_row_get_scope                      (HdKpiRow *self);
const char  *hd_kpi_row_get_name                       (HdKpiRow *self);  /* "" for overall */
/* A translated label with display names, not ids: "All queues", "Fraud",
 * "Bot flow: Cards › Dispute". */
const char  *hd_kpi_row_get_label                      (HdKpiRow *self);
guint        hd_kpi_row_get_n_offered                  (HdKpiRow *self);
guint        hd_kpi_row_get_n_concluded                (HdKpiRow *self);
double       hd_kpi_row_get_escalation_success         (HdKpiRow *self);
double       hd_kpi_row_get_abandonment_in_transfer    (HdKpiRow *self);
double       hd_kpi_row_get_verification_duplication   (HdKpiRow *self);
double       hd_kpi_row_get_repeat_rate                (HdKpiRow *self);
/* Mean seconds from accept to wrap-up. */
double       hd_kpi_row_get_handle_time_bot            (HdKpiRow *self);
double       hd_kpi_row_get_handle_time_agent_only     (HdKpiRow *self);
double       hd_kpi_row_get_first_contact_resolution   (HdKpiRow *self);
double       hd_kpi_row_get_complete_packets           (HdKpiRow *self);
/* Share of offered bot packets lacking @key ("summary.text"), or NAN. */
double       hd_kpi_row_get_missing_share              (HdKpiRow *self,
                                                        const char *key);
/* The keys most often missing, most first, with their shares:
 * "case.type 40%; summary.text 12%" (at most three), or "". */
const char  *hd_kpi_row_get_most_missing               (HdKpiRow *self);
/* The counts behind the rate property @figure ("escalation-success",
 * "abandonment-in-transfer", "verification-duplication", "repeat-rate",
 * "first-contact-resolution", "complete-packets"), so a table can show
 * "92% (46 of 50)".  Returns FALSE for a figure that is not such a rate. */
gboolean     hd_kpi_row_get_rate_counts                (HdKpiRow   *self,
                                                        const char *figure,
                                                        guint      *part,
                                                        guint      *whole);

/* Copies @other's figures into @self (same scope and name) and emits
 * "changed" on @self if any differ, so a table can keep its rows and only
 * redraw what changed.  Returns whether anything did. */
gboolean     hd_kpi_row_update_from                    (HdKpiRow   *self,
                                                        HdKpiRow   *other);

/* @window_minutes: 1..60. */
HdKpiEngine *hd_kpi_engine_new                         (guint        window_minutes);
guint        hd_kpi_engine_get_window_minutes          (HdKpiEngine *self);
/* One event of the supervisor stream (hd_feed_parse_queue_event ()), or
 * one built from elsewhere (a journal, a data warehouse).  Returns FALSE,
 * ignoring it, when it is not one the KPIs use: "reassigned", a signal
 * other than asked_to_repeat and re_verified, a name we do not know. */
gboolean     hd_kpi_engine_add                         (HdKpiEngine        *self,
                                                        const HdQueueEvent *event);
/* The table over the window ending at @now (µs since the epoch): overall
 * first, then queues, then bot flows, each sorted by name.  A new
 * GListModel of HdKpiRow. */
GListModel  *hd_kpi_engine_compute                     (HdKpiEngine *self,
                                                        gint64       now);
/* Handoffs tracked right now (for tests and the benchmark). */
guint        hd_kpi_engine_get_n_tracked               (HdKpiEngine *self);

/* RFC 4180 CSV of @rows (HdKpiRow), with a header line, CRLF line ends and
 * "." decimals whatever the locale.  Cells that a spreadsheet would run as a
 * formula (starting with = + - @) get a leading apostrophe. */
char        *hd_kpi_rows_to_csv                        (GListModel  *rows);

G_END_DECLS
