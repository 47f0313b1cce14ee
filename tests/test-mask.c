/* test-mask.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-mask"

#include "config.h"

#include "hd-test-packet-util.h"

typedef struct
{
  const char *in;
  const char *out;
} Case;

static void
run_cases (const Case  *cases,
           guint        n_cases,
           HdMaskFlags  flags)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *masked = hd_mask_text_full (cases[i].in, flags);

      g_test_message ("“%s” → “%s”", cases[i].in, masked);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

static void
test_luhn (void)
{
  g_assert_true (hd_mask_luhn_valid ("4111111111111111", 16));
  g_assert_true (hd_mask_luhn_valid ("378282246310005", 15));
  g_assert_true (hd_mask_luhn_valid ("5500000000000004", 16));
  g_assert_true (hd_mask_luhn_valid ("6011111111111117", 16));
  g_assert_false (hd_mask_luhn_valid ("4111111111111112", 16));
  g_assert_false (hd_mask_luhn_valid ("", 0));
  g_assert_false (hd_mask_luhn_valid ("41111111x1111111", 16));
}

static void
test_identifier (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "4111 1111 1111 1111", "••••1111" },
    { "5500-0000-0000-0004", "••••0004" },
    { "50100123456789", "••••6789" },
    { "GB29NWBK60161331926819", "••••6819" },
    { "PL-2023-00789123", "••••9123" },
    { "1234", "••••" },        /* four digits or fewer: keep none */
    { "AB", "••••" },
    { "", "••••" },
    { "१२३४५६७८९०", "••••७८९०" },  /* Devanagari digits */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = hd_mask_identifier (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }

  g_assert_null (hd_mask_identifier (NULL));
  g_assert_null (hd_mask_text (NULL));
}

static void
test_cards (void)
{
  const Case cases[] = {
    { "my card 4111111111111111 is blocked", "my card ••••1111 is blocked" },
    { "my card 4111 1111 1111 1111 is blocked", "my card ••••1111 is blocked" },
    { "card:4111-1111-1111-1111.", "card:••••1111." },
    { "amex 3782 822463 10005", "amex ••••0005" },
    { "4222222222222", "••••2222" },                        /* 13 digits */
    { "6011 1111 1111 1117 and 5500 0000 0000 0004", "••••1117 and ••••0004" },
    /* Separators must be single and between digits. */
    { "4111  1111 1111 1111", "4111  ••••1111" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), HD_MASK_FLAGS_NONE);
}

static void
test_accounts_in_text (void)
{
  const Case cases[] = {
    { "account 50100123456789 please", "account ••••6789 please" },
    { "a/c no. 918020045671234", "a/c no. ••••1234" },
    { "IBAN GB29 NWBK 6016 1331 9268 19", "IBAN GB29 NWBK ••••6819" },
    { "call +91 98765 43210", "call +••••3210" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), HD_MASK_FLAGS_NONE);
}

static void
test_left_alone (void)
{
  const Case cases[] = {
    { "no digits at all", "no digits at all" },
    { "on 2026-11-24 10:30 I paid", "on 2026-11-24 10:30 I paid" },
    { "3 declined payments of AED 1,240.00", "3 declined payments of AED 1,240.00" },
    { "card ending 0005", "card ending 0005" },
    { "ref 12345678", "ref 12345678" },
    { "my pincode 560001 is wrong", "my pincode 560001 is wrong" },
    { "the pinned message from 2024", "the pinned message from 2024" },
    { "I tried the code 3 times", "I tried the code 3 times" },
    { "नमस्ते, मदद चाहिए", "नमस्ते, मदद चाहिए" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), HD_MASK_FLAGS_BARE_CODES);
}

static void
test_codes (void)
{
  const Case cases[] = {
    { "my OTP is 482913", "my OTP is ••••" },
    { "code: 1234", "code: ••••" },
    { "Verification code 48 29 13, thanks", "Verification code ••••, thanks" },
    { "the otp i got was 0042", "the otp i got was ••••" },
    { "PIN=9921", "PIN=••••" },
    { "cvv 123", "cvv ••••" },
    { "OTP482913", "OTP••••" },
    { "passcode - 55667788!", "passcode - ••••!" },
    { "ओटीपी 482913 है", "ओटीपी •••• है" },
    { "ओटीपी ४८२९१३ है", "ओटीपी •••• है" },
    /* The code belongs to the keyword's sentence. */
    { "I have no code. 1234 is my street number", "I have no code. 1234 is my street number" },
  };

  run_cases (cases, G_N_ELEMENTS (cases), HD_MASK_FLAGS_NONE);
}

static void
test_bare_codes (void)
{
  const Case turn_cases[] = {
    { "482913", "••••" },
    { " 4829 ", "••••" },
    { "48 29 13", "••••" },
    { "123", "123" },
    { "123456789", "••••6789" },   /* too long for a code: an account-like number */
  };
  const Case field_cases[] = {
    { "482913", "482913" },
    { "1111", "1111" },
  };

  run_cases (turn_cases, G_N_ELEMENTS (turn_cases), HD_MASK_FLAGS_BARE_CODES);
  run_cases (field_cases, G_N_ELEMENTS (field_cases), HD_MASK_FLAGS_NONE);
}

static void
test_identifier_names (void)
{
  g_assert_true (hd_mask_is_identifier_name ("loan_number"));
  g_assert_true (hd_mask_is_identifier_name ("card_number"));
  g_assert_true (hd_mask_is_identifier_name ("account"));
  g_assert_true (hd_mask_is_identifier_name ("iban"));
  g_assert_true (hd_mask_is_identifier_name ("IBAN"));
  g_assert_true (hd_mask_is_identifier_name ("AccountNumber"));
  g_assert_true (hd_mask_is_identifier_name ("FinServ__FinancialAccountNumber__c"));
  g_assert_true (hd_mask_is_identifier_name ("CardNumber"));
  g_assert_false (hd_mask_is_identifier_name ("city"));
  g_assert_false (hd_mask_is_identifier_name ("amount"));
  g_assert_false (hd_mask_is_identifier_name (NULL));
}

/* Random Luhn-valid numbers in random formats inside random text: none may
 * survive, whatever surrounds it. */
static void
test_random_cards (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char * const before[] = { "", "card ", "my number is ", "नंबर ", "(", "x" };
  const char * const after[] = { "", " thanks", ".", ")", " ok?", "\n" };

  for (guint round = 0; round < 2000; round++)
    {
      guint len = (guint) g_rand_int_range (rand, 13, 20);
      guint group = (guint) g_rand_int_range (rand, 0, 6);   /* 0: contiguous */
      gboolean dash = g_rand_boolean (rand);
      char digits[20];
      int sum = 0;
      g_autoptr(GString) text = g_string_new (before[g_rand_int_range (rand, 0, G_N_ELEMENTS (before))]);
      g_autofree char *masked = NULL;

      for (guint i = 0; i + 1 < len; i++)
        digits[i] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      for (guint i = 0; i + 1 < len; i++)
        {
          int d = digits[len - 2 - i] - '0';

          if (i % 2 == 0)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          sum += d;
        }
      digits[len - 1] = (char) ('0' + (10 - sum % 10) % 10);
      digits[len] = '\0';
      g_assert_true (hd_mask_luhn_valid (digits, len));

      for (guint i = 0; i < len; i++)
        {
          if (group >= 3 && i > 0 && i % group == 0)
            g_string_append_c (text, dash ? '-' : ' ');
          g_string_append_c (text, digits[i]);
        }
      g_string_append (text, after[g_rand_int_range (rand, 0, G_N_ELEMENTS (after))]);

      masked = hd_mask_text (text->str);
      hd_test_assert_no_raw_number (masked);
      g_assert_nonnull (strstr (masked, HD_MASK_BULLETS));
      g_assert_nonnull (strstr (masked, digits + len - 4));

      /* A parser that vouches for its valid UTF-8 gets the same masking. */
      {
        g_autofree char *vouched = hd_mask_text_full (text->str,
                                                      HD_MASK_FLAGS_BARE_CODES | HD_MASK_FLAGS_VALID_UTF8);

        g_assert_cmpstr (vouched, ==, masked);
      }
    }
}

/* Whatever the input, the output is valid UTF-8 and the function returns. */
static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  const char alphabet[] = "0123456789 -otpcodeOTP:.\n";

  for (guint round = 0; round < 2000; round++)
    {
      char text[64];
      guint len = (guint) g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *masked = NULL;

      for (guint i = 0; i < len; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';

      masked = hd_mask_text (text);
      g_assert_true (g_utf8_validate (masked, -1, NULL));
      hd_test_assert_no_raw_number (masked);
    }

  /* Invalid UTF-8 in: still valid UTF-8 out, no overread. */
  {
    g_autofree char *masked = hd_mask_text ("4111 1111 1111 1111 \xf0");
    g_autofree char *id = hd_mask_identifier ("12345\xc3");

    g_assert_true (g_utf8_validate (masked, -1, NULL));
    g_assert_true (g_str_has_prefix (masked, "••••1111"));
    g_assert_cmpstr (id, ==, "••••2345");
  }
}

/* Journals and recordings hold masked ids; replaying them masks again. */
static void
test_identifier_idempotent (void)
{
  static const char * const ids[] = { "4111111111111111", "ACC-00123456789", "50012345" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *once = hd_mask_identifier (ids[i]);
      g_autofree char *twice = hd_mask_identifier (once);

      g_assert_cmpstr (twice, ==, once);
      g_assert_true (g_str_has_suffix (twice, ids[i] + strlen (ids[i]) - 4));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/mask/luhn", test_luhn);
  g_test_add_func ("/hd/mask/identifier", test_identifier);
  g_test_add_func ("/hd/mask/identifier-idempotent", test_identifier_idempotent);
  g_test_add_func ("/hd/mask/identifier-names", test_identifier_names);
  g_test_add_func ("/hd/mask/cards", test_cards);
  g_test_add_func ("/hd/mask/accounts-in-text", test_accounts_in_text);
  g_test_add_func ("/hd/mask/left-alone", test_left_alone);
  g_test_add_func ("/hd/mask/codes", test_codes);
  g_test_add_func ("/hd/mask/bare-codes", test_bare_codes);
  g_test_add_func ("/hd/mask/random-cards", test_random_cards);
  g_test_add_func ("/hd/mask/random-bytes", test_random_bytes);

  return g_test_run ();
}
