/* hd-supervisor-view-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-supervisor-view.h"

G_BEGIN_DECLS

/* Shared by hd-supervisor-view.c (the object, the queue panels, the
 * drill-down, the model and its timer) and hd-supervisor-view-kpis.c (the
 * KPI table and its CSV export). */

/* Re-sort and recompute the KPI table every this many flushes. */
#define RESORT_EVERY 10

struct _HdSupervisorView
{
  AdwBin              parent_instance;

  HdSupervisorModel  *model;          /* owned */
  gulong              alert_id;
  gulong              n_waiting_id;
  gulong              n_alerts_id;
  gulong              items_id;
  GListStore         *shown;          /* owned: the panels shown, sorted and filtered */
  GListStore         *kpi_rows;       /* owned, of HdKpiRow */
  HdQueuePanel       *shown_panel;    /* owned: the drill-down's */
  guint               flush_id;
  guint               flush_interval_ms;
  guint               n_flushes;
  gboolean            kpis_stale;     /* recomputed when the table is shown */
  GtkNativeDialog    *export_dialog;  /* owned while open */
  guint               n_exports;      /* CSV writes under way: the export action waits */

  /* Template children. */
  GtkLabel           *summary_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *alerts_toggle;
  AdwViewStack       *view_stack;
  GtkStack           *queue_stack;
  GtkGridView        *grid_view;
  GtkLabel           *waiting_title;
  GtkStack           *waiting_stack;
  GtkListView        *waiting_list;
  GtkLabel           *kpi_caption;
  GtkColumnView      *kpi_view;
};

/* hd-supervisor-view-kpis.c */
void _hd_supervisor_view_add_kpi_columns (HdSupervisorView *self);
void _hd_supervisor_view_refresh_kpis    (HdSupervisorView *self);
void _hd_supervisor_view_export_action   (GtkWidget        *widget,
                                          const char       *action_name,
                                          GVariant         *param);

G_END_DECLS
