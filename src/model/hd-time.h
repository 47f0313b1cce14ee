/* hd-time.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Timestamps, one implementation for every folder: RFC 3339 and ISO 8601
 * text to GDateTime and back, and microseconds since the epoch (the unit of
 * g_get_real_time ()), which GLib 2.74 has no conversion for. */

/* Strict RFC 3339 date-time: 2026-11-24T09:14:05(.123)?(Z|+05:30), as the
 * packet schema demands.  NULL for anything else, NULL included. */
GDateTime *hd_time_parse_rfc3339       (const char *text);
/* Any form g_date_time_new_from_iso8601 () takes, for input we are lenient
 * with (the feed's and the journal's timestamps).  A time without a zone is
 * in @default_tz (local when NULL).  NULL when @text is NULL or no time. */
GDateTime *hd_time_parse_iso8601       (const char *text,
                                        GTimeZone  *default_tz);
/* @text as hd_time_parse_iso8601 () reads it, in µs since the epoch, or
 * @fallback when it is NULL or no time. */
gint64     hd_time_parse_iso8601_usec  (const char *text,
                                        gint64      fallback);

gint64     hd_time_to_unix_usec        (GDateTime  *time);
/* A UTC GDateTime of @usec µs since the epoch. */
GDateTime *hd_time_new_from_unix_usec  (gint64      usec);

/* RFC 3339 in UTC with a "Z": 2026-11-24T09:14:05Z, with @digits 3 (ms,
 * truncated) or 6 (µs) of fraction after the seconds; 0 for none. */
char      *hd_time_format_rfc3339      (GDateTime  *time,
                                        guint       digits);

G_END_DECLS
