/* hd-locale-format.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-locale-format"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "hd-locale-format.h"

/* The digit grouping of counts.  glibc's LC_NUMERIC of hi_IN (and of other
 * Indian locales: bn_IN, ta_IN, te_IN…) groups by threes, while the same
 * locale's LC_MONETARY, CLDR and every Indian reader group lakhs and crores
 * (3;2: 1,00,000).  When a locale's money is grouped 3;2, so are its counts. */
static const char *
count_grouping (const struct lconv *conv)
{
  if (conv->mon_grouping != NULL && conv->mon_grouping[0] == 3 && conv->mon_grouping[1] == 2)
    return conv->mon_grouping;
  return conv->grouping;
}

/* Groups the ASCII digits of @digits (no sign) as @grouping (localeconv's
 * format: sizes from the right, the last repeated, CHAR_MAX or 0 ending). */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *grouping,
                const char *separator)
{
  gsize len = strlen (digits);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize from_right = 0;
  const char *g = grouping;
  int size = 0;

  if (separator == NULL || *separator == '\0' || grouping == NULL || *grouping <= 0 || *grouping == CHAR_MAX)
    {
      g_string_append (out, digits);
      return;
    }
  while (TRUE)
    {
      if (*g > 0 && *g != CHAR_MAX)
        size = *g++;
      else if (*g == CHAR_MAX)
        break;
      /* *g == 0: repeat the last size. */
      if (from_right + size >= len)
        break;
      from_right += size;
      g_array_append_val (cuts, from_right);
    }
  for (gsize i = 0; i < len; i++)
    {
      for (guint c = 0; c < cuts->len; c++)
        if (i > 0 && len - i == g_array_index (cuts, gsize, c))
          g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

char *
hd_locale_format_count (guint64 count)
{
  const struct lconv *conv = localeconv ();
  char digits[32];
  GString *out = g_string_new (NULL);

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  append_grouped (out, digits, count_grouping (conv), conv->thousands_sep);
  return g_string_free (out, FALSE);
}

char *
hd_locale_format_decimal (double value,
                          guint  digits)
{
  const struct lconv *conv = localeconv ();
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%uf", MIN (digits, 9));
  GString *out = g_string_new (NULL);
  const char *text, *point;

  if (!isfinite (value))
    return g_strdup ("—");
  /* Formatted in C, then given the locale's grouping and decimal point. */
  text = g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (*text == '-')
    {
      g_string_append (out, "−");
      text++;
    }
  point = strchr (text, '.');
  {
    g_autofree char *whole = g_strndup (text, point != NULL ? (gsize) (point - text) : strlen (text));

    append_grouped (out, whole, count_grouping (conv), conv->thousands_sep);
  }
  if (point != NULL)
    {
      g_string_append (out, conv->decimal_point != NULL && *conv->decimal_point != '\0' ? conv->decimal_point : ".");
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

char *
hd_locale_format_percent (double fraction)
{
  g_autofree char *number = NULL;

  if (!isfinite (fraction))
    return g_strdup ("—");
  number = hd_locale_format_decimal (round (fraction * 100), 0);
  /* The sign follows the number, unspaced, in English and Hindi alike (CLDR). */
  return g_strdup_printf ("%s%%", number);
}

gboolean
hd_locale_uses_12_hour_clock (void)
{
  const char *t_fmt = nl_langinfo (T_FMT);
  const char *am = nl_langinfo (AM_STR);

  /* en_US says %r (the AM/PM form), hi_IN and en_IN %I…%p; C and de_DE %H. */
  if (am == NULL || *am == '\0' || t_fmt == NULL)
    return FALSE;
  return strstr (t_fmt, "%r") != NULL || strstr (t_fmt, "%p") != NULL || strstr (t_fmt, "%I") != NULL ||
         strstr (t_fmt, "%l") != NULL;
}

char *
hd_locale_format_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  return g_date_time_format (time, hd_locale_uses_12_hour_clock () ? "%-I:%M %p" : "%H:%M");
}

char *
hd_locale_format_time_seconds (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  return g_date_time_format (time, hd_locale_uses_12_hour_clock () ? "%-I:%M:%S %p" : "%H:%M:%S");
}

char *
hd_locale_format_date (GDateTime *time)
{
  const char *d_fmt = nl_langinfo (D_FMT);
  const char *day, *month, *year;

  g_return_val_if_fail (time != NULL, NULL);

  /* The locale's numeric date tells the order of its parts; the written-out
   * date keeps that order but names the month and gives the whole year. */
  day = d_fmt != NULL ? strpbrk (d_fmt, "de") : NULL;
  month = d_fmt != NULL ? strpbrk (d_fmt, "mbB") : NULL;
  year = d_fmt != NULL ? strpbrk (d_fmt, "yY") : NULL;
  if (year != NULL && (day == NULL || year < day) && (month == NULL || year < month))
    return g_date_time_format (time, "%Y %B %-d");
  if (month != NULL && day != NULL && month < day)
    return g_date_time_format (time, "%B %-d, %Y");
  return g_date_time_format (time, "%-d %B %Y");
}
