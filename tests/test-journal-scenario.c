/* test-journal-scenario.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-journal-scenario.h"

void
scenario_init (Scenario   *s,
               const char *handoff,
               const char *base_iso)
{
  s->events = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  s->base = g_date_time_new_from_iso8601 (base_iso, NULL);
  g_assert_nonnull (s->base);
  s->handoff = handoff;
}

void
scenario_clear (Scenario *s)
{
  g_clear_pointer (&s->events, g_ptr_array_unref);
  g_clear_pointer (&s->base, g_date_time_unref);
}

/* Adds one event @seconds after the base; @payload is JSON text (or NULL). */
HdJournalEvent *
scenario_add (Scenario    *s,
              double       seconds,
              HdActorKind  kind,
              const char  *actor,
              const char  *type,
              const char  *payload)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) time = g_date_time_add (s->base, (GTimeSpan) (seconds * G_USEC_PER_SEC));
  g_autoptr(GError) error = NULL;
  HdJournalEvent *event;

  if (payload != NULL)
    {
      node = json_from_string (payload, &error);
      g_assert_no_error (error);
    }
  event = hd_journal_event_new (s->handoff, kind, actor, type, node);
  hd_journal_event_set_time (event, time);
  g_ptr_array_add (s->events, event);
  return event;
}

char *
scenario_time (Scenario *s,
               double    seconds)
{
  g_autoptr(GDateTime) time = g_date_time_add (s->base, (GTimeSpan) (seconds * G_USEC_PER_SEC));

  return hd_journal_format_time (time);
}

/* A transcript event for one turn at @seconds. */
void
scenario_turn (Scenario    *s,
               double       seconds,
               const char  *speaker,
               const char  *actor,
               const char  *text)
{
  g_autofree char *time = scenario_time (s, seconds);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *json = NULL;
  HdActorKind kind = HD_ACTOR_SYSTEM;

  hd_actor_kind_from_string (g_str_equal (speaker, "agent") ? "agent" : speaker, &kind);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "turn");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "speaker");
  json_builder_add_string_value (builder, speaker);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);
  json = json_to_string (payload, FALSE);
  scenario_add (s, seconds, kind, actor, HD_EVENT_TRANSCRIPT, json);
}

/* ---- 1. A good handoff: verified, summarised, routed right ----------------- */

#define GOOD_PACKET \
  "{\"packet\":{\"schema_version\":\"1.0\",\"handoff_id\":\"ho-2026-11-24-000187\"," \
  "\"conversation_id\":\"conv-7f3a9c21\",\"created_at\":\"2026-11-24T09:14:05Z\"," \
  "\"bot\":{\"id\":\"retail-assist\",\"flow\":\"cards/transaction-declined\",\"flow_label\":\"Declined card payment\"}," \
  "\"customer\":{\"name\":\"Priya Raman\",\"crm\":{\"account_id\":\"001Hs00002ABCDeIAP\",\"contact_id\":\"003Hs00001XYZabIAB\"}," \
  "\"segment\":\"premier\",\"products\":[\"credit_card\",\"savings\"]," \
  "\"accounts\":[{\"kind\":\"card\",\"id\":\"4111 1111 1111 1111\",\"label\":\"Visa Signature credit card\"}]," \
  "\"channel\":\"in_app\"}," \
  "\"verification\":{\"authenticated\":true,\"method\":\"otp\",\"verified_at\":\"2026-11-24T09:11:42Z\"," \
  "\"scope\":[\"view_balance\",\"card_controls\",\"view_transactions\"],\"reverification_required\":false}," \
  "\"intents\":{\"primary\":\"international_usage_not_enabled\",\"history\":[" \
  "{\"name\":\"transaction_declined\",\"time\":\"2026-11-24T09:11:51Z\",\"confidence\":0.93,\"outcome\":\"matched\"}," \
  "{\"name\":\"enable_international_usage\",\"time\":\"2026-11-24T09:12:58Z\",\"confidence\":0.41,\"outcome\":\"fallback\"}]," \
  "\"entities\":[{\"name\":\"merchant_country\",\"value\":\"AE\"},{\"name\":\"amount\",\"value\":\"AED 1,240.00\"}]}," \
  "\"transcript\":[" \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:10:04Z\",\"text\":\"Hi, I'm Ava, your virtual assistant. How can I help?\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:10:19Z\",\"text\":\"my card is not working\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:10:21Z\",\"text\":\"To look into it I need to verify you. I've sent a one-time code to your registered mobile.\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:11:38Z\",\"text\":\"my OTP is 482913\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:11:50Z\",\"text\":\"I'm in Dubai and my card 4111 1111 1111 1111 keeps getting declined at the hotel\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:13:31Z\",\"text\":\"International usage is off for this card. Turning it on is a regulated action, so I'm connecting you to a specialist now.\"}]," \
  "\"summary\":{\"text\":\"Premier customer travelling in Dubai; credit card declined 3 times because international usage is not enabled.\"," \
  "\"unresolved_issue\":\"Needs international usage enabled now to pay a hotel bill.\"," \
  "\"actions_attempted\":[\"Verified customer by OTP\",\"Listed today's declined transactions\"],\"sentiment\":\"negative\",\"frustration\":0.72}," \
  "\"routing\":{\"escalation\":{\"reason\":\"regulated_action\",\"detail\":\"Enabling international usage needs agent confirmation of travel dates.\"}," \
  "\"skill_group\":\"cards_international\",\"skill_group_label\":\"Cards abroad 24x7\",\"product_category\":\"credit_card\",\"priority\":\"high\",\"language\":\"en-IN\"," \
  "\"sla\":{\"started_at\":\"2026-11-24T09:13:31Z\",\"target_seconds\":120}}," \
  "\"case\":{\"id\":\"create\",\"type\":\"card_service_request\",\"type_label\":\"Card service\",\"subcategory\":\"international_usage\"," \
  "\"next_best_action\":\"Confirm travel dates, enable international usage for the travel period.\"}}," \
  "\"queue\":\"cards_international\"}"

void
scenario_good_handoff (Scenario *s)
{
  scenario_init (s, "ho-2026-11-24-000187", "2026-11-24T09:14:05Z");
  scenario_add (s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, GOOD_PACKET);
  scenario_add (s, 21, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_ACCEPT, NULL);
  scenario_turn (s, 35, "agent", "agent-0412",
                 "Hello Priya, I'm Meera from the cards team. I can see you're verified and that international usage is off on your Visa Signature card. How long are you in the UAE?");
  scenario_turn (s, 62, "customer", "customer", "until 2 December");
  scenario_add (s, 75, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_CASE_EDIT,
                "{\"field\":\"travel_dates\",\"value\":\"2026-11-24 to 2026-12-02\",\"previous\":null}");
  scenario_add (s, 80, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_CASE_EDIT,
                "{\"field\":\"travel_country\",\"value\":\"United Arab Emirates\",\"previous\":null}");
  scenario_turn (s, 96, "agent", "agent-0412",
                 "Done: international usage is on until 2 December, and you'll get an alert for every foreign transaction. Please retry the payment.");
  scenario_turn (s, 140, "customer", "customer", "it went through, thank you!");
  scenario_add (s, 150, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_SF_REQUEST,
                "{\"operation\":\"create\",\"object\":\"Case\",\"fields\":{\"Type\":\"card_service_request\",\"Subcategory__c\":\"international_usage\",\"Travel_Dates__c\":\"2026-11-24 to 2026-12-02\",\"ContactId\":\"003Hs00001XYZabIAB\"}}");
  scenario_add (s, 151.2, HD_ACTOR_SYSTEM, "salesforce", HD_EVENT_SF_RESPONSE,
                "{\"operation\":\"create\",\"status\":201,\"id\":\"500Hs00001Kq9rTIAR\",\"error\":null}");
  scenario_add (s, 170, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_WRAP_UP,
                "{\"disposition\":\"resolved_first_contact\",\"summary\":\"Enabled international usage for travel period; customer confirmed payment succeeded.\"}");
}

/* ---- 2. A broken handoff: the verification state did not travel --------- */

#define BROKEN_PACKET \
  "{\"packet\":{\"schema_version\":\"1.0\",\"handoff_id\":\"ho-2026-11-24-000233\"," \
  "\"conversation_id\":\"conv-1c88e402\",\"created_at\":\"2026-11-24T10:02:47Z\"," \
  "\"bot\":{\"id\":\"retail-assist\",\"flow\":\"accounts/address-change\"}," \
  "\"customer\":{\"name\":\"Daniel Okoye\",\"segment\":\"mass_retail\",\"products\":[\"current_account\"]," \
  "\"accounts\":[{\"kind\":\"current\",\"id\":\"20481177302916\",\"label\":\"Everyday current account\"}],\"channel\":\"web_chat\"}," \
  "\"verification\":{\"authenticated\":false}," \
  "\"intents\":{\"primary\":\"change_address\",\"history\":[" \
  "{\"name\":\"change_address\",\"time\":\"2026-11-24T09:58:12Z\",\"confidence\":0.89,\"outcome\":\"matched\"}," \
  "{\"name\":\"change_address\",\"time\":\"2026-11-24T10:01:55Z\",\"confidence\":0.52,\"outcome\":\"failed\"}]}," \
  "\"transcript\":[" \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:58:10Z\",\"text\":\"I moved house and need to update my address\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:58:13Z\",\"text\":\"I can help with that. First I need to verify you: please enter your date of birth.\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:58:40Z\",\"text\":\"14/03/1986\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:59:02Z\",\"text\":\"Thanks, and the code I just texted you?\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:59:31Z\",\"text\":\"code 771204\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T09:59:33Z\",\"text\":\"You're verified. What's the new address?\"}," \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T10:01:50Z\",\"text\":\"Flat 4, 27 Canal Street, Manchester M1 3HE, moved in on the 1st\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T10:02:40Z\",\"text\":\"Sorry, I couldn't validate that address. Let me connect you to a colleague.\"}]," \
  "\"summary\":{\"text\":\"\"}," \
  "\"routing\":{\"escalation\":{\"reason\":\"backend_exception\",\"detail\":\"Address validation service timed out.\"}," \
  "\"skill_group\":\"accounts_servicing\",\"product_category\":\"current_account\",\"priority\":\"normal\",\"language\":\"en-GB\"," \
  "\"sla\":{\"started_at\":\"2026-11-24T10:02:40Z\",\"target_seconds\":300}}}," \
  "\"queue\":\"accounts_servicing\"}"

void
scenario_broken_handoff (Scenario *s)
{
  scenario_init (s, "ho-2026-11-24-000233", "2026-11-24T10:02:47Z");
  scenario_add (s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, BROKEN_PACKET);
  scenario_add (s, 48, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_ACCEPT, NULL);
  scenario_turn (s, 60, "agent", "agent-0388",
                 "Hi, this is Tom. Before we continue I need to verify you. Can you confirm your date of birth?");
  scenario_turn (s, 85, "customer", "customer", "I already did all that with the bot. 14/03/1986");
  scenario_add (s, 86, HD_ACTOR_SYSTEM, "context-monitor", HD_EVENT_SIGNAL,
                "{\"name\":\"customer-repeated-details\",\"detail\":\"Date of birth given to the bot at 09:58:40\"}");
  scenario_add (s, 95, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_VERIFICATION,
                "{\"check\":\"date_of_birth\",\"method\":\"kba\",\"result\":\"passed\"}");
  scenario_turn (s, 110, "agent", "agent-0388", "Thanks. I've also sent you a one-time code, what does it say?");
  scenario_turn (s, 150, "customer", "customer", "seriously? ok the code is 390518");
  scenario_add (s, 152, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_VERIFICATION,
                "{\"check\":\"otp\",\"method\":\"otp\",\"result\":\"passed\"}");
  scenario_add (s, 153, HD_ACTOR_SYSTEM, "context-monitor", HD_EVENT_SIGNAL,
                "{\"name\":\"verification-repeated\",\"detail\":\"Bot verified by date of birth and OTP before the handoff; the packet says not authenticated.\"}");
  scenario_turn (s, 170, "agent", "agent-0388", "You're verified. What's the new address, please?");
  scenario_turn (s, 215, "customer", "customer", "Flat 4, 27 Canal Street, Manchester M1 3HE. I typed this twice already");
  scenario_add (s, 216, HD_ACTOR_SYSTEM, "context-monitor", HD_EVENT_SIGNAL,
                "{\"name\":\"customer-repeated-details\",\"detail\":\"New address given to the bot at 10:01:50\"}");
  scenario_add (s, 240, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_CASE_EDIT,
                "{\"field\":\"mailing_address\",\"value\":\"Flat 4, 27 Canal Street, Manchester M1 3HE\",\"previous\":null}");
  scenario_add (s, 242, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_SF_REQUEST,
                "{\"operation\":\"update\",\"object\":\"Contact\",\"fields\":{\"MailingStreet\":\"Flat 4, 27 Canal Street\",\"MailingCity\":\"Manchester\",\"MailingPostalCode\":\"M1 3HE\"}}");
  scenario_add (s, 243.5, HD_ACTOR_SYSTEM, "salesforce", HD_EVENT_SF_RESPONSE,
                "{\"operation\":\"update\",\"status\":204,\"id\":null,\"error\":null}");
  scenario_turn (s, 260, "agent", "agent-0388", "Your address is updated. Sorry you had to repeat yourself.");
  scenario_add (s, 300, HD_ACTOR_AGENT, "agent-0388", HD_EVENT_WRAP_UP,
                "{\"disposition\":\"resolved_with_repeat_verification\",\"summary\":\"Address updated after re-verifying; verification state missing from the handoff packet.\"}");
}

/* ---- 3. An abandoned transfer --------------------------------------------- */

#define ABANDONED_PACKET \
  "{\"packet\":{\"schema_version\":\"1.0\",\"handoff_id\":\"ho-2026-11-24-000301\"," \
  "\"conversation_id\":\"conv-9e02b7d5\",\"created_at\":\"2026-11-24T11:20:09Z\"," \
  "\"bot\":{\"id\":\"retail-assist\",\"flow\":\"loans/emi-query\"}," \
  "\"customer\":{\"name\":\"Anita Desai\",\"segment\":\"mass_retail\",\"products\":[\"personal_loan\",\"savings\"]," \
  "\"accounts\":[{\"kind\":\"loan\",\"id\":\"PL-778812093341\",\"label\":\"Personal loan\"}],\"channel\":\"whatsapp\"}," \
  "\"verification\":{\"authenticated\":true,\"method\":\"secure_link\",\"verified_at\":\"2026-11-24T11:17:30Z\",\"scope\":[\"view_loan\"]}," \
  "\"intents\":{\"primary\":\"emi_payment_difficulty\"}," \
  "\"transcript\":[" \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T11:16:58Z\",\"text\":\"I lost my job last month and can't pay this month's EMI\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T11:17:02Z\",\"text\":\"I'm sorry to hear that. I've sent you a secure link to confirm it's you.\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T11:20:05Z\",\"text\":\"Thanks. A loan specialist will talk to you about your options.\"}]," \
  "\"summary\":{\"text\":\"Customer lost job; cannot pay the November EMI of the personal loan; asks about options.\"," \
  "\"unresolved_issue\":\"Payment holiday or restructuring for the personal loan.\",\"sentiment\":\"negative\",\"frustration\":0.55}," \
  "\"routing\":{\"escalation\":{\"reason\":\"high_emotion\",\"detail\":\"Financial hardship disclosed.\"}," \
  "\"skill_group\":\"loans_servicing\",\"product_category\":\"personal_loan\",\"priority\":\"high\",\"language\":\"en-IN\",\"vulnerable\":true," \
  "\"sla\":{\"started_at\":\"2026-11-24T11:20:05Z\",\"target_seconds\":180}}}," \
  "\"queue\":\"loans_servicing\"}"

void
scenario_abandoned_transfer (Scenario *s)
{
  scenario_init (s, "ho-2026-11-24-000301", "2026-11-24T11:20:09Z");
  scenario_add (s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, ABANDONED_PACKET);
  scenario_add (s, 65, HD_ACTOR_AGENT, "agent-0527", HD_EVENT_ACCEPT, NULL);
  scenario_turn (s, 80, "agent", "agent-0527",
                 "Hi Anita, I'm Ravi. I'm sorry about your job. Hardship arrangements are handled by our financial support team; I'll transfer you to them now with your details.");
  scenario_add (s, 95, HD_ACTOR_AGENT, "agent-0527", HD_EVENT_TRANSFER,
                "{\"from_queue\":\"loans_servicing\",\"to_queue\":\"financial_hardship\",\"reason\":\"Hardship arrangements need the financial support team\"}");
  scenario_turn (s, 96, "system", NULL, "You're being transferred to the financial support team. Current wait: about 12 minutes.");
  scenario_turn (s, 420, "customer", "customer", "still waiting?");
  scenario_turn (s, 425, "system", NULL, "You're next in line.");
  scenario_add (s, 790, HD_ACTOR_SYSTEM, "router", HD_EVENT_REVOKE, "{\"reason\":\"customer_abandoned\"}");
}

/* ---- 4. A misrouted chat ---------------------------------------------------- */

#define MISROUTED_PACKET \
  "{\"packet\":{\"schema_version\":\"1.0\",\"handoff_id\":\"ho-2026-11-24-000342\"," \
  "\"conversation_id\":\"conv-44d1a0c9\",\"created_at\":\"2026-11-24T14:05:31Z\"," \
  "\"bot\":{\"id\":\"retail-assist\",\"flow\":\"cards/general\"}," \
  "\"customer\":{\"name\":\"Marta Kowalski\",\"segment\":\"affluent\",\"products\":[\"mortgage\",\"credit_card\"]," \
  "\"accounts\":[{\"kind\":\"mortgage\",\"id\":\"MTG-0093318842\",\"label\":\"Home loan\"}],\"channel\":\"web_chat\"}," \
  "\"verification\":{\"authenticated\":true,\"method\":\"pin\",\"verified_at\":\"2026-11-24T14:03:10Z\",\"scope\":[\"view_balance\"]}," \
  "\"intents\":{\"primary\":\"card_payment\",\"history\":[" \
  "{\"name\":\"card_payment\",\"time\":\"2026-11-24T14:04:40Z\",\"confidence\":0.46,\"outcome\":\"matched\"}]}," \
  "\"transcript\":[" \
  "{\"speaker\":\"customer\",\"time\":\"2026-11-24T14:04:38Z\",\"text\":\"I want to overpay my home loan with a lump sum, will there be a penalty?\"}," \
  "{\"speaker\":\"bot\",\"time\":\"2026-11-24T14:05:25Z\",\"text\":\"I'll connect you with someone who can help with payments.\"}]," \
  "\"summary\":{\"text\":\"Customer asks about making a payment.\",\"sentiment\":\"neutral\"}," \
  "\"routing\":{\"escalation\":{\"reason\":\"low_confidence\"}," \
  "\"skill_group\":\"cards_general\",\"product_category\":\"credit_card\",\"priority\":\"normal\",\"language\":\"en-GB\"," \
  "\"sla\":{\"started_at\":\"2026-11-24T14:05:25Z\",\"target_seconds\":300}}}," \
  "\"queue\":\"cards_general\"}"

void
scenario_misrouted_chat (Scenario *s)
{
  scenario_init (s, "ho-2026-11-24-000342", "2026-11-24T14:05:31Z");
  scenario_add (s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, MISROUTED_PACKET);
  scenario_add (s, 30, HD_ACTOR_AGENT, "agent-0219", HD_EVENT_ACCEPT, NULL);
  scenario_turn (s, 41, "agent", "agent-0219", "Hi Marta, I'm Sofia from cards. Which card payment is this about?");
  scenario_turn (s, 70, "customer", "customer", "Not a card. My home loan. I want to overpay it, I said that to the bot.");
  scenario_add (s, 71, HD_ACTOR_SYSTEM, "context-monitor", HD_EVENT_SIGNAL,
                "{\"name\":\"wrong-queue-first\",\"detail\":\"Mortgage overpayment routed to cards_general\"}");
  scenario_add (s, 90, HD_ACTOR_AGENT, "agent-0219", HD_EVENT_TRANSFER,
                "{\"from_queue\":\"cards_general\",\"to_queue\":\"mortgages\",\"reason\":\"Mortgage overpayment, not a card payment\"}");
  scenario_add (s, 150, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_ACCEPT, NULL);
  scenario_turn (s, 165, "agent", "agent-0650",
                 "Hello Marta, Aaron from mortgages. On your fixed-rate home loan you can overpay up to 10% a year without an early repayment charge.");
  scenario_turn (s, 210, "customer", "customer", "Great, I'd like to pay 15,000 next week");
  scenario_add (s, 240, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_CASE_EDIT,
                "{\"field\":\"overpayment_amount\",\"value\":\"GBP 15,000\",\"previous\":null}");
  scenario_add (s, 250, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_SF_REQUEST,
                "{\"operation\":\"create\",\"object\":\"Case\",\"fields\":{\"Type\":\"mortgage_overpayment\",\"Amount__c\":\"GBP 15,000\"}}");
  scenario_add (s, 252, HD_ACTOR_SYSTEM, "salesforce", HD_EVENT_SF_RESPONSE,
                "{\"operation\":\"create\",\"status\":400,\"id\":null,\"error\":\"REQUIRED_FIELD_MISSING: Mortgage_Account__c\"}");
  scenario_add (s, 262, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_CASE_EDIT,
                "{\"field\":\"mortgage_account\",\"value\":\"MTG-0093318842\",\"previous\":null}");
  scenario_add (s, 265, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_SF_REQUEST,
                "{\"operation\":\"create\",\"object\":\"Case\",\"fields\":{\"Type\":\"mortgage_overpayment\",\"Amount__c\":\"GBP 15,000\",\"Mortgage_Account__c\":\"MTG-0093318842\"}}");
  scenario_add (s, 266.4, HD_ACTOR_SYSTEM, "salesforce", HD_EVENT_SF_RESPONSE,
                "{\"operation\":\"create\",\"status\":201,\"id\":\"500Hs00001LmW2aIAF\",\"error\":null}");
  scenario_add (s, 290, HD_ACTOR_AGENT, "agent-0650", HD_EVENT_WRAP_UP,
                "{\"disposition\":\"resolved_after_transfer\",\"summary\":\"Overpayment request raised; first routed to cards by mistake.\"}");
}

/* ---- A long synthetic handoff (replay equality, benchmark) ----------------- */

void
scenario_long (Scenario   *s,
               const char *handoff,
               guint       n_events)
{
  g_autofree char *offer = NULL;
  g_autoptr(GString) packet = g_string_new (GOOD_PACKET);

  scenario_init (s, handoff, "2026-11-24T09:14:05Z");
  /* The good packet, under another handoff id. */
  g_string_replace (packet, "ho-2026-11-24-000187", handoff, 0);
  scenario_add (s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, packet->str);
  scenario_add (s, 5, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_ACCEPT, NULL);
  for (guint i = 2; i < n_events; i++)
    {
      double t = 5 + i * 0.5;

      switch (i % 16)
        {
        case 3:
          {
            g_autofree char *payload = g_strdup_printf ("{\"check\":\"%s\",\"method\":\"kba\",\"result\":\"passed\"}",
                                                        i % 32 == 3 ? "date_of_birth" : "postcode");
            scenario_add (s, t, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_VERIFICATION, payload);
          }
          break;
        case 7:
          {
            g_autofree char *payload = g_strdup_printf ("{\"field\":\"note_%u\",\"value\":\"Customer confirmed item %u\",\"previous\":null}",
                                                        i % 5, i);
            scenario_add (s, t, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_CASE_EDIT, payload);
          }
          break;
        case 11:
          scenario_add (s, t, HD_ACTOR_SYSTEM, "context-monitor", HD_EVENT_SIGNAL,
                        "{\"name\":\"customer-repeated-details\",\"detail\":\"synthetic\"}");
          break;
        case 13:
          scenario_add (s, t, HD_ACTOR_AGENT, "agent-0412", HD_EVENT_SF_REQUEST,
                        "{\"operation\":\"update\",\"object\":\"Case\",\"fields\":{\"Status\":\"Working\"}}");
          break;
        default:
          {
            g_autofree char *text = g_strdup_printf ("Message %u about the card ending 1111 and the hotel bill in Dubai", i);

            scenario_turn (s, t, i % 2 ? "customer" : "agent", i % 2 ? "customer" : "agent-0412", text);
          }
        }
    }
}
