/* hd-trend.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hd-locale-format.h"
#include "hd-trend.h"

void
hd_trend_init (HdTrend *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < HD_TREND_MINUTES; i++)
    {
      self->minute[i] = -1;
      self->value[i] = 0;
    }
}

void
hd_trend_record (HdTrend *self,
                 gint64   minute,
                 double   value)
{
  guint slot;

  g_return_if_fail (self != NULL);

  if (minute < 0)
    return;
  slot = (guint) (minute % HD_TREND_MINUTES);
  if (self->minute[slot] > minute)
    return;  /* the slot already holds a newer minute: this one is over an hour old */
  if (self->minute[slot] != minute)
    {
      self->minute[slot] = minute;
      self->value[slot] = value;
    }
  else
    self->value[slot] = MAX (self->value[slot], value);
}

guint
hd_trend_get_series (const HdTrend *self,
                     gint64         now_minute,
                     double        *out)
{
  double held = NAN;
  guint n_known = 0;

  g_return_val_if_fail (self != NULL && out != NULL, 0);

  /* The value held when the window opens: the newest record before it. */
  {
    gint64 best = -1;

    for (guint i = 0; i < HD_TREND_MINUTES; i++)
      if (self->minute[i] >= 0 && self->minute[i] <= now_minute - HD_TREND_MINUTES &&
          self->minute[i] > best)
        {
          best = self->minute[i];
          held = self->value[i];
        }
  }

  for (guint i = 0; i < HD_TREND_MINUTES; i++)
    {
      gint64 minute = now_minute - (HD_TREND_MINUTES - 1) + i;
      guint slot;

      if (minute >= 0)
        {
          slot = (guint) (minute % HD_TREND_MINUTES);
          if (self->minute[slot] == minute)
            held = self->value[slot];
        }
      out[i] = held;
      if (!isnan (held))
        n_known++;
    }
  return n_known;
}

static char *
format_value (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return hd_locale_format_decimal (round (value), 0);
  return hd_locale_format_decimal (value, 1);
}

char *
hd_trend_describe_series (const double *series,
                          guint         n,
                          const char   *what)
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *peak_text = NULL;
  double first = NAN, last = NAN, peak = NAN;
  guint minutes = 0;

  g_return_val_if_fail (series != NULL || n == 0, NULL);
  g_return_val_if_fail (what != NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      if (isnan (series[i]))
        continue;
      if (isnan (first))
        {
          first = series[i];
          minutes = n - i;
        }
      last = series[i];
      peak = isnan (peak) ? series[i] : MAX (peak, series[i]);
    }

  if (isnan (first))
    /* TRANSLATORS: %s is a measure such as "Waiting". */
    return g_strdup_printf (_("%s: no data yet."), what);

  first_text = format_value (first);
  last_text = format_value (last);
  peak_text = format_value (peak);
  if (last > first)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* TRANSLATORS: "Waiting rose from 3 to 12 over the last 60 minutes (peak 14)." */
                                         "%s rose from %s to %s over the last %u minute (peak %s).",
                                         "%s rose from %s to %s over the last %u minutes (peak %s).",
                                         minutes),
                            what, first_text, last_text, minutes, peak_text);
  if (last < first)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s fell from %s to %s over the last %u minute (peak %s).",
                                         "%s fell from %s to %s over the last %u minutes (peak %s).",
                                         minutes),
                            what, first_text, last_text, minutes, peak_text);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s stayed at %s over the last %u minute (peak %s).",
                                       "%s stayed at %s over the last %u minutes (peak %s).",
                                       minutes),
                          what, first_text, minutes, peak_text);
}

char *
hd_trend_describe (const HdTrend *self,
                   gint64         now_minute,
                   const char    *what)
{
  double series[HD_TREND_MINUTES];

  g_return_val_if_fail (self != NULL, NULL);

  hd_trend_get_series (self, now_minute, series);
  return hd_trend_describe_series (series, HD_TREND_MINUTES, what);
}
