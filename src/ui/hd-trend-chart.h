/* hd-trend-chart.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HD_TYPE_TREND_CHART (hd_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (HdTrendChart, hd_trend_chart, HD, TREND_CHART, GtkWidget)

/* A small line chart of the last hour (one value per minute, NAN = no data),
 * drawn with cairo in the widget's CSS colour, so it follows dark mode and
 * high contrast.  Add the "alert" style class to draw it in the error colour.
 * Screen readers get @description (e.g. "Waiting rose from 3 to 12 over the
 * last 60 minutes.") as the image's accessible description. */
GtkWidget  *hd_trend_chart_new              (void);
void        hd_trend_chart_set_series       (HdTrendChart *self,
                                             const double *values,
                                             guint         n_values,
                                             const char   *description);
guint       hd_trend_chart_get_n_values     (HdTrendChart *self);
const char *hd_trend_chart_get_description  (HdTrendChart *self);

G_END_DECLS
