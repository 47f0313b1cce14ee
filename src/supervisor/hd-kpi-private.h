/* hd-kpi-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-kpi.h"

G_BEGIN_DECLS

/* Shared by hd-kpi-engine.c, which counts, and hd-kpi-row.c, which holds
 * one line of the table.  See docs/kpis.md for the definitions. */

typedef struct
{
  gint64      minute;                 /* -1: empty */
  guint       offered;                /* bot-escalated packets offered */
  guint       complete;               /* ... with nothing missing */
  guint       concluded;              /* bot-escalated handoffs concluded */
  guint       succeeded;              /* ... wrapped up with no transfer */
  guint       transferred;            /* ... concluded after at least one transfer */
  guint       abandoned_in_transfer;
  guint       handled;                /* bot-escalated, accepted, concluded */
  guint       verified_handled;
  guint       reverified;
  guint       repeated;
  double      aht_bot_sum;
  guint       aht_bot_n;
  double      aht_agent_sum;
  guint       aht_agent_n;
  guint       fcr_stated;
  guint       fcr_resolved;
  GHashTable *missing;                /* key → count, created on demand */
} Bucket;

struct _HdKpiRow
{
  GObject     parent_instance;
  HdKpiScope  scope;
  char       *name;
  char       *label;
  Bucket      sum;             /* its missing table is owned */
  char       *most_missing;
};

/* A row of @scope and @name over @sum, whose missing table it takes,
 * named by @label (the stream's display name, or NULL for the table's). */
HdKpiRow *_hd_kpi_row_new (HdKpiScope  scope,
                           const char *name,
                           const char *label,
                           Bucket     *sum);

G_END_DECLS
