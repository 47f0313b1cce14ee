/* hd-supervisor-view.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-supervisor-model.h"

G_BEGIN_DECLS

#define HD_TYPE_SUPERVISOR_VIEW (hd_supervisor_view_get_type ())

G_DECLARE_FINAL_TYPE (HdSupervisorView, hd_supervisor_view, HD, SUPERVISOR_VIEW, AdwBin)

/* Supervisor mode: a grid of queue panels (sortable, filterable, with
 * alerts and trends), a drill-down to a queue's waiting handoffs, and the
 * handoff-quality KPI table with CSV export.
 *
 * It flushes its model every "flush-interval-ms" (default 500) while it
 * has one, so alerts fire even when the view is not shown, and re-sorts the
 * panels every few seconds (not on every event: cards must not jump around
 * under the pointer).
 *
 * Signals:
 *   "open-handoff" (const char *handoff_id, const char *queue_id): the
 *     supervisor picked a waiting handoff; open it read-only
 *     (hd_feed_client_fetch_handoff_async ()).
 *   "alert" (const char *text): an alert was raised; show a toast, and a
 *     notification when the window is not focused.
 *
 * Actions: "supervisor.export-kpis" (asks where to save the CSV),
 * "supervisor.back" (from the drill-down to the panels). */
GtkWidget         *hd_supervisor_view_new           (HdSupervisorModel *model);
HdSupervisorModel *hd_supervisor_view_get_model     (HdSupervisorView  *self);
void               hd_supervisor_view_set_model     (HdSupervisorView  *self,
                                                     HdSupervisorModel *model);
/* Re-sorts, re-filters and recomputes the KPI table now. */
void               hd_supervisor_view_refresh       (HdSupervisorView  *self);
/* Opens the drill-down of @queue_id; FALSE if there is no such panel. */
gboolean           hd_supervisor_view_show_queue    (HdSupervisorView  *self,
                                                     const char        *queue_id);
/* The panels as shown (sorted and filtered): a GListModel of HdQueuePanel. */
GListModel        *hd_supervisor_view_get_shown_panels (HdSupervisorView *self);
/* The KPI table: a GListModel of HdKpiRow, recomputed first if stale (it
 * is only kept fresh while its page shows). */
GListModel        *hd_supervisor_view_get_kpi_rows  (HdSupervisorView  *self);
/* Writes the KPI table as CSV (hd_kpi_rows_to_csv ()) without blocking:
 * the table is read now, the file written by GIO's worker.  The export
 * action is disabled until the write is done. */
void               hd_supervisor_view_export_kpis_async  (HdSupervisorView    *self,
                                                          GFile               *file,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           hd_supervisor_view_export_kpis_finish (HdSupervisorView    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
