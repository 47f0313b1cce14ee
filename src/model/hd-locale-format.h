/* hd-locale-format.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers, clocks and dates as the user's locale writes them (LC_NUMERIC,
 * LC_MONETARY and LC_TIME), the one place the app makes such text: no
 * hand-made "%u" or "%H:%M" in what a person reads.  Headless, for every
 * folder; not for data that leaves the app (CSV, JSON, the journal). */

/* 1234567 → "1,234,567" (en_US), "12,34,567" (en_IN, hi_IN), "1.234.567" (de_DE). */
char *hd_locale_format_count        (guint64    count);
/* @value with @digits decimals, grouped and with the locale's decimal point. */
char *hd_locale_format_decimal      (double     value,
                                     guint      digits);
/* 0.42 → "42%" as a whole percent, with the locale's digits. */
char *hd_locale_format_percent      (double     fraction);
/* Hours and minutes in @time's own zone: "09:14" where the locale has a
 * 24-hour clock, "9:14 AM" (en_US, en_IN) or "9:14 पूर्वाह्न" (hi_IN) where
 * it has AM and PM. */
char *hd_locale_format_time         (GDateTime *time);
/* The same with seconds: "09:14:05", "9:14:05 AM". */
char *hd_locale_format_time_seconds (GDateTime *time);
/* A date no reader can misread: the month by name and the year in full, in
 * the locale's order: "7 December 2026" (en_IN), "December 7, 2026" (en_US). */
char *hd_locale_format_date         (GDateTime *time);
/* Whether the locale's clock is a 12-hour one (AM/PM). */
gboolean hd_locale_uses_12_hour_clock (void);

G_END_DECLS
