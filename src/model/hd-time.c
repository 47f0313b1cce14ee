/* hd-time.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-time"

#include "config.h"

#include "hd-time.h"

static inline gboolean
parse_digits (const char *s,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }

  *out = value;
  return TRUE;
}

/* Stricter than g_date_time_new_from_iso8601 (), which takes many ISO 8601
 * forms RFC 3339 does not, and faster, because UTC needs no new GTimeZone. */
GDateTime *
hd_time_parse_rfc3339 (const char *s)
{
  int year, month, day, hour, minute, second, tz_hour, tz_minute;
  double fraction = 0.0;
  const char *c;
  g_autoptr(GTimeZone) tz = NULL;

  if (s == NULL)
    return NULL;

  if (!parse_digits (s, 4, &year) || s[4] != '-' ||
      !parse_digits (s + 5, 2, &month) || s[7] != '-' ||
      !parse_digits (s + 8, 2, &day) || (s[10] != 'T' && s[10] != 't') ||
      !parse_digits (s + 11, 2, &hour) || s[13] != ':' ||
      !parse_digits (s + 14, 2, &minute) || s[16] != ':' ||
      !parse_digits (s + 17, 2, &second))
    return NULL;

  c = s + 19;
  if (*c == '.')
    {
      double scale = 0.1;
      guint n = 0;

      for (c++; g_ascii_isdigit (*c); c++, n++)
        {
          fraction += (*c - '0') * scale;
          scale /= 10.0;
        }
      if (n == 0 || n > 9)
        return NULL;
    }

  if ((*c == 'Z' || *c == 'z') && c[1] == '\0')
    tz = g_time_zone_new_utc ();
  else if ((*c == '+' || *c == '-') &&
           parse_digits (c + 1, 2, &tz_hour) && c[3] == ':' &&
           parse_digits (c + 4, 2, &tz_minute) && c[6] == '\0' &&
           tz_hour < 24 && tz_minute < 60)
    tz = g_time_zone_new_offset ((*c == '-' ? -1 : 1) * (tz_hour * 3600 + tz_minute * 60));
  else
    return NULL;

  if (hour > 23 || minute > 59 || second > 60)
    return NULL;

  /* GDateTime has no leap seconds: 23:59:60 becomes the end of 23:59:59. */
  if (second == 60)
    {
      second = 59;
      fraction = 0.999999;
    }

  /* Returns NULL for impossible dates such as February 30. */
  return g_date_time_new (tz, year, month, day, hour, minute, second + fraction);
}

GDateTime *
hd_time_parse_iso8601 (const char *text,
                       GTimeZone  *default_tz)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, default_tz);
}

gint64
hd_time_parse_iso8601_usec (const char *text,
                            gint64      fallback)
{
  g_autoptr(GDateTime) time = hd_time_parse_iso8601 (text, NULL);

  return time != NULL ? hd_time_to_unix_usec (time) : fallback;
}

gint64
hd_time_to_unix_usec (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

GDateTime *
hd_time_new_from_unix_usec (gint64 usec)
{
  g_autoptr(GDateTime) seconds = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  /* Division rounds towards zero: before the epoch the remainder is negative. */
  return seconds != NULL ? g_date_time_add (seconds, usec % G_USEC_PER_SEC) : NULL;
}

char *
hd_time_format_rfc3339 (GDateTime *time,
                        guint      digits)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (digits == 0 || digits == 3 || digits == 6, NULL);

  utc = g_date_time_to_utc (time);
  base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  switch (digits)
    {
    case 3:
      return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (utc) / 1000);
    case 6:
      return g_strdup_printf ("%s.%06dZ", base, g_date_time_get_microsecond (utc));
    default:
      return g_strconcat (base, "Z", NULL);
    }
}
