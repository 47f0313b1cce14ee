/* test-locale-format.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "hd-locale-format.h"

/* 2026-12-07T16:05:09Z */
#define T0 ((gint64) 1796659509)

/* Switches every category to @name, or skips the test: under CI=true (what
 * ./build-aux/dev.sh generates them for) a missing locale fails it instead. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("The locale %s is not generated: ./build-aux/dev.sh generates it", name);
  g_test_skip_printf ("The locale %s is not generated (./build-aux/dev.sh generates it)", name);
  return FALSE;
}

static void
check_count (guint64     count,
             const char *expected)
{
  g_autofree char *text = hd_locale_format_count (count);

  g_assert_cmpstr (text, ==, expected);
}

static void
check_time (const char *expected_hm,
            const char *expected_hms)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (T0);
  g_autofree char *hm = hd_locale_format_time (utc);
  g_autofree char *hms = hd_locale_format_time_seconds (utc);

  g_assert_cmpstr (hm, ==, expected_hm);
  g_assert_cmpstr (hms, ==, expected_hms);
}

static void
check_date (const char *expected)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (T0);
  g_autofree char *text = hd_locale_format_date (utc);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_hi_in (void)
{
  g_autofree char *decimal = NULL;
  g_autofree char *percent = NULL;

  if (!use_locale ("hi_IN.UTF-8"))
    return;
  /* Lakhs and crores, although glibc's hi_IN LC_NUMERIC groups by threes. */
  check_count (0, "0");
  check_count (999, "999");
  check_count (1000, "1,000");
  check_count (100000, "1,00,000");
  check_count (12345678, "1,23,45,678");
  decimal = hd_locale_format_decimal (1234567.25, 1);
  g_assert_cmpstr (decimal, ==, "12,34,567.2");
  percent = hd_locale_format_percent (0.42);
  g_assert_cmpstr (percent, ==, "42%");
  g_assert_true (hd_locale_uses_12_hour_clock ());
  check_time ("4:05 अपराह्न", "4:05:09 अपराह्न");
  check_date ("7 दिसंबर 2026");
}

static void
test_en_in (void)
{
  if (!use_locale ("en_IN.UTF-8"))
    return;
  check_count (100000, "1,00,000");
  check_count (9876543210, "9,87,65,43,210");
  g_assert_true (hd_locale_uses_12_hour_clock ());
  check_time ("4:05 PM", "4:05:09 PM");
  check_date ("7 December 2026");
}

static void
test_en_us (void)
{
  g_autofree char *decimal = NULL;

  if (!use_locale ("en_US.UTF-8"))
    return;
  check_count (100000, "100,000");
  check_count (12345678, "12,345,678");
  decimal = hd_locale_format_decimal (-1234.5, 2);
  g_assert_cmpstr (decimal, ==, "−1,234.50");
  g_assert_true (hd_locale_uses_12_hour_clock ());
  check_time ("4:05 PM", "4:05:09 PM");
  check_date ("December 7, 2026");
}

static void
test_c (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  /* No grouping, a 24-hour clock. */
  check_count (100000, "100000");
  g_assert_false (hd_locale_uses_12_hour_clock ());
  check_time ("16:05", "16:05:09");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locale-format/hi-IN", test_hi_in);
  g_test_add_func ("/locale-format/en-IN", test_en_in);
  g_test_add_func ("/locale-format/en-US", test_en_us);
  g_test_add_func ("/locale-format/c", test_c);
  return g_test_run ();
}
