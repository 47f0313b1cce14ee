/* hd-test-packet-generator.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-test-packet-generator"

#include "config.h"

#include "hd-test-packet-generator.h"
#include "hd-time.h"

/* Writes JSON text directly rather than through a JsonBuilder: benchmarks
 * build packets of 10,000 turns and more, and the generator should not be what
 * they measure.  Every string it writes comes from the tables below or from
 * digits, so none needs JSON escaping. */

static const char * const bot_lines[] = {
  "I can help with that. Could you tell me a little more?",
  "Thanks. Let me check your recent transactions.",
  "I can see the transaction was declined by our fraud rules.",
  "For your security I've sent a one-time code to your registered mobile number.",
  "I didn't quite get that. Could you rephrase?",
  "Is there anything else I can help you with today?",
  "I'm connecting you to a specialist who can help with this.",
};

static const char * const customer_lines[] = {
  "my card is not working abroad",
  "I was charged twice for the same payment",
  "why was my payment declined?",
  "I want to talk to a person",
  "the app says my KYC documents are pending",
  "I lost my job and cannot pay this month's EMI",
  "please block my card, I think it was stolen",
  "ok",
};

static const char * const intents[] = {
  "card_problem", "transaction_declined", "dispute_charge", "block_card", "kyc_status",
  "loan_emi_hardship",
};

static void
append_time (GString  *out,
             gint64    base,
             guint     offset_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (base + offset_seconds);
  g_autofree char *text = hd_time_format_rfc3339 (time, 0);

  g_string_append_printf (out, "\"%s\"", text);
}

/* A Luhn-valid 16-digit card number starting with 4, grouped in fours. */
static void
append_card_number (GString *out,
                    GRand   *rand)
{
  int digits[16];
  int sum = 0;

  digits[0] = 4;
  for (guint i = 1; i < 15; i++)
    digits[i] = g_rand_int_range (rand, 0, 10);

  for (guint i = 0; i < 15; i++)
    {
      /* Counting from the check digit, every second digit is doubled. */
      int d = digits[14 - i];

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  digits[15] = (10 - sum % 10) % 10;

  for (guint i = 0; i < 16; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, (char) ('0' + digits[i]));
    }
}

static void
append_turn (GString *out,
             GRand   *rand,
             guint    index,
             gint64   base)
{
  const char *speaker;
  guint pick = (guint) g_rand_int_range (rand, 0, 100);

  if (index == 0)
    speaker = "system";
  else if (index % 2 == 1)
    speaker = "bot";
  else
    speaker = "customer";

  g_string_append_printf (out, "{\"speaker\":\"%s\",\"time\":", speaker);
  append_time (out, base, index * 7);
  g_string_append (out, ",\"text\":\"");

  if (index == 0)
    g_string_append (out, "This chat is recorded for quality and training.");
  else if (index % 2 == 1)
    g_string_append (out, bot_lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (bot_lines))]);
  else if (pick < 5)
    {
      g_string_append (out, "my card number is ");
      append_card_number (out, rand);
    }
  else if (pick < 10)
    g_string_append_printf (out, "my OTP is %06d", g_rand_int_range (rand, 0, 1000000));
  else
    g_string_append (out,
                     customer_lines[g_rand_int_range (rand, 0, G_N_ELEMENTS (customer_lines))]);

  g_string_append (out, "\"");
  if (index % 2 == 0 && pick >= 95)
    g_string_append_printf (out, ",\"attachments\":[{\"id\":\"att-%u\",\"name\":\"photo.jpg\","
                            "\"content_type\":\"image/jpeg\"}]", index);
  g_string_append (out, "}");
}

GBytes *
hd_test_packet_generator_build (guint   n_turns,
                                guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_sized_new (2048 + (gsize) n_turns * 120);
  gint64 base = 1795000000 + (gint64) (seed % 1000000);
  guint n_intents = (guint) g_rand_int_range (rand, 1, 5);

  g_string_append (out, "{\"schema_version\":\"1.0\",");
  g_string_append_printf (out, "\"handoff_id\":\"ho-synth-%08x\",\"conversation_id\":"
                          "\"conv-synth-%08x\",\"created_at\":", seed, seed ^ 0x5a5a5a5a);
  append_time (out, base, n_turns * 7);
  g_string_append (out, ",\"bot\":{\"id\":\"retail-assist\",\"flow\":\"synthetic/load\"},");

  g_string_append (out, "\"customer\":{\"name\":\"Synthetic Customer\",\"crm\":{\"account_id\":"
                   "\"001Hs00002ABCDeIAP\"},\"segment\":\"retail\",\"products\":[\"debit_card\","
                   "\"savings\"],\"accounts\":[{\"kind\":\"card\",\"id\":\"");
  append_card_number (out, rand);
  g_string_append (out, "\"},{\"kind\":\"savings\",\"id\":\"5010012345678\"}],"
                   "\"channel\":\"web_chat\"},");

  g_string_append (out, "\"verification\":{\"authenticated\":true,\"method\":\"otp\","
                   "\"verified_at\":");
  append_time (out, base, 30);
  g_string_append (out, ",\"scope\":[\"view_balance\",\"card_controls\"],\"consents\":[{\"id\":"
                   "\"chat_recording\",\"acknowledged_at\":");
  append_time (out, base, 0);
  g_string_append (out, "}]},");

  g_string_append (out, "\"intents\":{\"primary\":\"");
  g_string_append (out, intents[(n_intents - 1) % G_N_ELEMENTS (intents)]);
  g_string_append (out, "\",\"history\":[");
  for (guint i = 0; i < n_intents; i++)
    {
      g_string_append_printf (out, "%s{\"name\":\"%s\",\"time\":", i > 0 ? "," : "",
                              intents[i % G_N_ELEMENTS (intents)]);
      append_time (out, base, 20 + i * 40);
      g_string_append_printf (out, ",\"confidence\":0.%02d,\"outcome\":\"%s\"}",
                              g_rand_int_range (rand, 40, 100),
                              i + 1 == n_intents || i % 2 == 0 ? "matched" : "fallback");
    }
  g_string_append (out, "],\"entities\":[{\"name\":\"card_type\",\"value\":\"debit\"}]},");

  g_string_append (out, "\"transcript\":[");
  for (guint i = 0; i < n_turns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_turn (out, rand, i, base);
    }
  g_string_append (out, "],");

  g_string_append_printf (out, "\"summary\":{\"text\":\"Synthetic conversation of %u turns.\","
                          "\"unresolved_issue\":\"Customer needs an agent.\","
                          "\"actions_attempted\":[\"Verified customer by OTP\"],"
                          "\"sentiment\":\"negative\",\"frustration\":0.5},", n_turns);

  g_string_append (out, "\"routing\":{\"escalation\":{\"reason\":\"customer_request\"},"
                   "\"skill_group\":\"cards\",\"product_category\":\"debit_card\","
                   "\"priority\":\"normal\",\"language\":\"en-IN\",\"vip\":false,"
                   "\"vulnerable\":false,\"sla\":{\"started_at\":");
  append_time (out, base, n_turns * 7);
  g_string_append (out, ",\"target_seconds\":180}},");

  g_string_append (out, "\"case\":{\"id\":\"create\",\"type\":\"card_service_request\","
                   "\"next_best_action\":\"Review the conversation and confirm the request.\"}}");

  return g_string_free_to_bytes (out);
}
