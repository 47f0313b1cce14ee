/* test-display-names.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-display-names.h"
#include "hd-locale-format.h"
#include "hd-packet.h"

static void
test_tokens (void)
{
  static const struct {
    const char *token;
    const char *name;
  } cases[] = {
    { "card_service_request", "Card service request" },
    { "low_confidence", "Low confidence" },
    { "emi_change", "EMI change" },
    { "upi_reversal", "UPI reversal" },
    { "kyc_update", "KYC update" },
    { "resend_otp", "Resend OTP" },
    { "kyc_upi-hi", "KYC UPI hi" },
    { "cards/transaction-declined", "Cards › Transaction declined" },
    { "payments/upi-failed", "Payments › UPI failed" },
    { "loans/emi-breakdown", "Loans › EMI breakdown" },
    { "cards_international", "International cards" },
    { "fraud", "Fraud" },
    { "/cards//dispute/", "Cards › Dispute" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = hd_display_name_for_token (cases[i].token);
      g_autofree char *packet_name = hd_packet_format_token (cases[i].token);

      g_assert_cmpstr (name, ==, cases[i].name);
      /* The packet's own formatter is the same table and rule. */
      g_assert_cmpstr (packet_name, ==, cases[i].name);
    }

  g_assert_null (hd_display_name_for_token (NULL));
  g_assert_null (hd_display_name_for_token (""));
  /* Nothing but separators: shown as sent rather than as nothing. */
  {
    g_autofree char *name = hd_display_name_for_token ("__");

    g_assert_cmpstr (name, ==, "__");
  }
  /* A display name the data sends comes first; without one, the table and the rule. */
  {
    g_autofree char *sent = hd_display_name_choose ("Cards (overseas)", "cards_international");
    g_autofree char *table = hd_display_name_choose (NULL, "cards_international");
    g_autofree char *blank = hd_display_name_choose ("", "emi_change");

    g_assert_cmpstr (sent, ==, "Cards (overseas)");
    g_assert_cmpstr (table, ==, "International cards");
    g_assert_cmpstr (blank, ==, "EMI change");
    g_assert_null (hd_display_name_choose (NULL, NULL));
  }
  g_assert_true (hd_display_name_is_acronym ("EMI"));
  g_assert_true (hd_display_name_is_acronym ("otp"));
  g_assert_false (hd_display_name_is_acronym ("card"));
  g_assert_false (hd_display_name_is_acronym (NULL));
}

/* A label from a stream: the packet's rules, NULL where they are broken. */
static void
test_read_label (void)
{
  g_autofree char *longest = g_strnfill (HD_DISPLAY_LABEL_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (HD_DISPLAY_LABEL_MAX_CHARS + 1, 'a');
  g_autofree char *trimmed = hd_display_name_read_label ("  Cards abroad 24x7 ");
  g_autofree char *kept = hd_display_name_read_label (longest);
  g_autofree char *masked = hd_display_name_read_label ("Card 4111111111111111");

  g_assert_cmpstr (trimmed, ==, "Cards abroad 24x7");
  g_assert_cmpstr (kept, ==, longest);
  g_assert_null (strstr (masked, "4111111111111111"));
  g_assert_null (hd_display_name_read_label (NULL));
  g_assert_null (hd_display_name_read_label (" \t "));
  g_assert_null (hd_display_name_read_label (too_long));
  g_assert_null (hd_display_name_read_label ("two\nlines"));
}

static void
test_date_time (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 12, 7, 10, 42, 5);
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autofree char *date = hd_locale_format_date (local);
  g_autofree char *clock = hd_locale_format_time (local);
  g_autofree char *expected = g_strdup_printf ("%s, %s", date, clock);
  g_autofree char *text = hd_display_date_time (time);

  /* Whatever the zone the test runs in: the locale's date with the year in
   * full and the month by name, then the time without seconds; never 12/07/26. */
  g_assert_cmpstr (text, ==, expected);
  g_assert_nonnull (strstr (text, "2026"));
  g_assert_nonnull (strstr (text, "December"));
  g_assert_null (strchr (text, '/'));
}

static void
test_author (void)
{
  g_assert_cmpstr (hd_display_author_name ("Meera Iyer", "meera"), ==, "Meera Iyer");
  g_assert_cmpstr (hd_display_author_name ("Unknown", "meera"), ==, "meera");
  g_assert_cmpstr (hd_display_author_name ("", "meera"), ==, "meera");
  g_assert_cmpstr (hd_display_author_name (NULL, "meera"), ==, "meera");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/display-names/tokens", test_tokens);
  g_test_add_func ("/hd/display-names/read-label", test_read_label);
  g_test_add_func ("/hd/display-names/date-time", test_date_time);
  g_test_add_func ("/hd/display-names/author", test_author);

  return g_test_run ();
}
