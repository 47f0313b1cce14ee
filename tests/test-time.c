/* test-time.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-time.h"

/* 2026-11-24T09:14:05Z */
#define T0 ((gint64) 1795511645 * G_USEC_PER_SEC)

static void
test_rfc3339 (void)
{
  static const char * const bad[] = {
    "", "yesterday", "2026-11-24", "2026-11-24 09:14:05Z", "2026-11-24T09:14:05",
    "2026-11-24T09:14:05.Z", "2026-11-24T09:14:05.1234567890Z", "2026-11-24T24:00:00Z",
    "2026-02-30T09:14:05Z", "2026-11-24T09:14:05+0530", "2026-11-24T09:14:05Zjunk",
    "20261124T091405Z",
  };
  g_autoptr(GDateTime) utc = hd_time_parse_rfc3339 ("2026-11-24T09:14:05Z");
  g_autoptr(GDateTime) lower = hd_time_parse_rfc3339 ("2026-11-24t09:14:05.5z");
  g_autoptr(GDateTime) offset = hd_time_parse_rfc3339 ("2026-11-24T14:44:05.123+05:30");
  g_autoptr(GDateTime) leap = hd_time_parse_rfc3339 ("2016-12-31T23:59:60Z");

  g_assert_nonnull (utc);
  g_assert_cmpint (hd_time_to_unix_usec (utc), ==, T0);
  g_assert_cmpint (hd_time_to_unix_usec (lower), ==, T0 + 500000);
  g_assert_cmpint (hd_time_to_unix_usec (offset), ==, T0 + 123000);
  /* GDateTime has no leap second: it becomes the end of the second before. */
  g_assert_cmpint (g_date_time_get_second (leap), ==, 59);

  g_assert_null (hd_time_parse_rfc3339 (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) time = hd_time_parse_rfc3339 (bad[i]);

      if (time != NULL)
        g_error ("\"%s\" was taken as RFC 3339", bad[i]);
    }
}

static void
test_iso8601 (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) plain = hd_time_parse_iso8601 ("2026-11-24T09:14:05.250000Z", NULL);
  /* Lenient: a form RFC 3339 refuses, and a time without a zone. */
  g_autoptr(GDateTime) compact = hd_time_parse_iso8601 ("20261124T091405Z", NULL);
  g_autoptr(GDateTime) zoneless = hd_time_parse_iso8601 ("2026-11-24T09:14:05", utc);

  g_assert_cmpint (hd_time_to_unix_usec (plain), ==, T0 + 250000);
  g_assert_cmpint (hd_time_to_unix_usec (compact), ==, T0);
  g_assert_cmpint (hd_time_to_unix_usec (zoneless), ==, T0);
  g_assert_null (hd_time_parse_iso8601 (NULL, NULL));
  g_assert_null (hd_time_parse_iso8601 ("yesterday", NULL));

  g_assert_cmpint (hd_time_parse_iso8601_usec ("2026-11-24T09:14:05.000001Z", -1), ==, T0 + 1);
  g_assert_cmpint (hd_time_parse_iso8601_usec ("yesterday", 42), ==, 42);
  g_assert_cmpint (hd_time_parse_iso8601_usec (NULL, 42), ==, 42);
}

static void
test_usec (void)
{
  static const gint64 values[] = { 0, 1, T0, T0 + 999999, -1, -G_USEC_PER_SEC - 250000 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GDateTime) time = hd_time_new_from_unix_usec (values[i]);

      g_assert_nonnull (time);
      g_assert_cmpint (hd_time_to_unix_usec (time), ==, values[i]);
    }
}

static void
test_format (void)
{
  g_autoptr(GDateTime) time = hd_time_new_from_unix_usec (T0 + 250999);
  g_autoptr(GTimeZone) india = g_time_zone_new_offset (5 * 3600 + 30 * 60);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, india);
  g_autofree char *seconds = hd_time_format_rfc3339 (time, 0);
  g_autofree char *millis = hd_time_format_rfc3339 (time, 3);
  g_autofree char *micros = hd_time_format_rfc3339 (local, 6);
  g_autoptr(GDateTime) back = hd_time_parse_rfc3339 (micros);

  g_assert_cmpstr (seconds, ==, "2026-11-24T09:14:05Z");
  /* Milliseconds are truncated, as the journal always wrote them. */
  g_assert_cmpstr (millis, ==, "2026-11-24T09:14:05.250Z");
  /* Whatever the zone, the text is UTC. */
  g_assert_cmpstr (micros, ==, "2026-11-24T09:14:05.250999Z");
  g_assert_true (g_date_time_equal (time, back));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/time/rfc3339", test_rfc3339);
  g_test_add_func ("/hd/time/iso8601", test_iso8601);
  g_test_add_func ("/hd/time/usec", test_usec);
  g_test_add_func ("/hd/time/format", test_format);

  return g_test_run ();
}
