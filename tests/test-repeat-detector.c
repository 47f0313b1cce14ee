/* test-repeat-detector.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-repeat-detector.h"
#include "hd-test-packet-util.h"

/* Realistic agent messages, in English, Hindi (Devanagari) and Hinglish,
 * against the packets of tests/fixtures/valid.  "expected" is the detail
 * string of the matched keys, in rule order ("" = nothing asked again). */
typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
run_cases (const char *fixture,
           const Case *cases,
           gsize       n)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture (fixture);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) matches = hd_repeat_detect (packet, cases[i].text);
      g_autofree char *detail = hd_repeat_matches_to_detail (matches);

      if (g_strcmp0 (detail, cases[i].expected) != 0)
        g_error ("%s: “%s” matched “%s”, expected “%s”", fixture, cases[i].text, detail,
                 cases[i].expected);
      for (guint m = 0; m < matches->len; m++)
        {
          HdRepeatMatch *match = g_ptr_array_index (matches, m);

          g_assert_nonnull (match->label);
          g_assert_nonnull (match->captured);
          g_assert_cmpstr (match->captured, !=, "");
        }
    }
}

static void
test_repeat_english (void)
{
  /* Priya Raman: verified by OTP, Visa credit card 4111…1111, in Dubai,
   * AED 1,240.00 declined. */
  static const Case cases[] = {
    { "Could you please verify your identity by telling me your date of birth?", "identity" },
    { "Before I proceed, please share the OTP you received.", "identity" },
    { "Which card are you using, credit or debit?", "card" },
    { "Can you tell me which city you are in right now?", "city" },
    { "Sorry, what is the issue you are facing?", "issue" },
    { "How much was the transaction for?", "amount" },
    { "Hi Priya! Please confirm your full name and the last 4 digits of your card.", "name,card" },
    { "Thanks for waiting. May I have your card number and the amount, please?", "card,amount" },
    /* Statements, warnings and confirmations are not repeats. */
    { "I can see you were verified by OTP at 09:11, thanks.", "" },
    { "Is it the card ending 1111 that was declined in Dubai?", "" },
    { "Please never share your OTP or PIN with anyone, including us.", "" },
    { "No need to verify again, you're already verified.", "" },
    { "I have turned on international usage for your credit card.", "" },
    { "The spinning icon means the payment is processing.", "" },
    { "", "" },
  };

  run_cases ("overseas-card-decline.json", cases, G_N_ELEMENTS (cases));
}

static void
test_repeat_loan (void)
{
  /* Meera Iyer: personal loan PL-…-9123, UPI handle, EMI INR 18,450. */
  static const Case cases[] = {
    { "Can you give me your loan account number?", "loan_number" },
    { "What's your UPI ID?", "upi" },
    { "I see the loan ending 9123. Can you confirm that's the one?", "" },
    { "Which card do you want to block?", "" },  /* the packet holds no card */
  };

  run_cases ("loan-emi-hardship.json", cases, G_N_ELEMENTS (cases));
}

static void
test_repeat_hindi (void)
{
  /* राजेश कुमार: verified by OTP, UPI failed, ₹ 5,000, UTR 4321 0987. */
  static const Case cases[] = {
    /* Devanagari */
    { "कृपया अपना ओटीपी बताइए।", "identity" },
    { "आपने कितने रुपये भेजे थे?", "amount" },
    { "UTR नंबर क्या है?", "reference" },
    { "नमस्ते राजेश जी, आपकी समस्या क्या है?", "issue" },
    { "पहचान के लिए अपनी जन्म तिथि बताइए, और आपका यूपीआई आईडी क्या है?", "identity,upi" },
    { "आपको ओटीपी बताने की ज़रूरत नहीं है, आप पहले से सत्यापित हैं।", "" },
    { "मैं आपका भुगतान देख रहा हूँ।", "" },
    /* Hinglish */
    { "Aapka OTP kya hai? Verify karna padega.", "identity" },
    { "Aapne kitne paise bheje the?", "amount" },
    { "Apni UPI ID bataiye please", "upi" },
    { "Sir aapko kya problem ho rahi hai?", "issue" },
    { "Aapka payment 5,000 ka tha, main check kar raha hoon.", "" },
    { "OTP share mat kijiye kisi ke saath bhi.", "" },
  };

  run_cases ("failed-upi-transfer-hi.json", cases, G_N_ELEMENTS (cases));
}

static void
test_repeat_unverified (void)
{
  /* The minimal packet holds no verification, customer or entities: asking
   * for them is the agent's job, not a repeat. */
  static const Case cases[] = {
    { "Please verify your identity: what is your date of birth?", "" },
    { "Which card is it?", "" },
    { "What's your full name?", "" },
  };

  run_cases ("minimal.json", cases, G_N_ELEMENTS (cases));
}

static void
test_repeat_captured (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(GPtrArray) matches = hd_repeat_detect (packet, "Can you verify your identity and tell me which city you are in?");
  HdRepeatMatch *identity, *city;

  g_assert_cmpuint (matches->len, ==, 2);
  identity = g_ptr_array_index (matches, 0);
  city = g_ptr_array_index (matches, 1);
  g_assert_cmpstr (identity->key, ==, "identity");
  g_assert_cmpstr (identity->captured, ==, "Verified by otp at 09:11 UTC");
  g_assert_cmpstr (city->key, ==, "city");
  /* Entities named like a place: merchant_country and city. */
  g_assert_cmpstr (city->captured, ==, "AE; Dubai");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/repeat-detector/english", test_repeat_english);
  g_test_add_func ("/hd/repeat-detector/loan", test_repeat_loan);
  g_test_add_func ("/hd/repeat-detector/hindi", test_repeat_hindi);
  g_test_add_func ("/hd/repeat-detector/unverified", test_repeat_unverified);
  g_test_add_func ("/hd/repeat-detector/captured", test_repeat_captured);

  return g_test_run ();
}
