/* hd-trend.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The last hour of one number (say, a queue's waiting count) in per-minute
 * buckets: a fixed-size ring, so memory never grows however long it runs.
 * Minutes are counted since the Unix epoch (time in µs / 60 s). */
#define HD_TREND_MINUTES 60

typedef struct
{
  gint64 minute[HD_TREND_MINUTES];  /* which minute a slot holds; -1: none */
  double value[HD_TREND_MINUTES];   /* the highest value recorded in it */
} HdTrend;

void     hd_trend_init       (HdTrend       *self);
/* Records @value in @minute; a minute keeps its highest value.  Minutes
 * older than an hour before the newest are ignored. */
void     hd_trend_record     (HdTrend       *self,
                              gint64         minute,
                              double         value);
/* Fills @out with the HD_TREND_MINUTES minutes ending at @now_minute, oldest
 * first.  A minute without a record repeats the one before it (the value
 * held); minutes before the first record are NAN.  Returns how many entries
 * are not NAN. */
guint    hd_trend_get_series (const HdTrend *self,
                              gint64         now_minute,
                              double        *out);
/* A translated sentence for screen readers: "Waiting rose from 3 to 12 over
 * the last 60 minutes."  @what is the capitalised, translated measure. */
char    *hd_trend_describe   (const HdTrend *self,
                              gint64         now_minute,
                              const char    *what);
/* The same from a series as returned by hd_trend_get_series (). */
char    *hd_trend_describe_series (const double *series,
                                   guint         n,
                                   const char   *what);

G_END_DECLS
