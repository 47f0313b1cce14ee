/* test-import.c: the importers, one platform document at a time
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-error.h"
#include "hd-import.h"
#include "hd-test-utils.h"

/* Each fixture (tests/fixtures/import/README.md) is one escalated
 * conversation in its platform's documented shape.  The tests check what
 * lands where in the packet, that it validates, that nothing unmasked
 * leaves the importer, and that every invalid document names its fault. */

static GBytes *
load (const char *folder,
      const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("HD_TEST_FIXTURES"), "import", folder, name, NULL);
  gsize len;
  char *data = hd_test_read_file (path, &len);

  return g_bytes_new_take (data, len);
}

static GDateTime *
test_now (void)
{
  return g_date_time_new_utc (2026, 11, 24, 15, 0, 0);
}

static HdPacket *
import_fixture (const char     *name,
                HdImportSource  source,
                HdImportFormat  expected_format)
{
  g_autoptr(GBytes) document = load (".", name);
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  HdImportFormat format;
  HdPacket *packet;

  /* The JSON an importer hands out is already masked. */
  json = hd_import_to_json (document, source, now, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_import_format_to_string (format), ==, hd_import_format_to_string (expected_format));
  text = json_to_string (json, FALSE);
  g_assert_null (strstr (text, "4111 1111 1111 1111"));
  g_assert_null (strstr (text, "50100234567891"));
  g_assert_null (strstr (text, "001234567890"));
  g_assert_null (strstr (text, "60161331926819"));
  g_assert_null (strstr (text, "739104"));
  g_assert_null (strstr (text, "482913"));
  g_assert_null (strstr (text, "00789123"));

  /* Recognised without being told the platform, too. */
  packet = hd_import_packet (document, HD_IMPORT_SOURCE_ANY, now, &format, &error);
  g_assert_no_error (error);
  g_assert_nonnull (packet);
  g_assert_cmpint (format, ==, expected_format);
  return packet;
}

static HdTurn *
turn (HdPacket *packet,
      guint     i)
{
  HdTurn *item = g_list_model_get_item (hd_packet_get_transcript (packet), i);

  g_object_unref (item);  /* the packet keeps it */
  return item;
}

static HdIntent *
intent (HdPacket *packet,
        guint     i)
{
  HdIntent *item = g_list_model_get_item (hd_packet_get_intents (packet), i);

  g_object_unref (item);
  return item;
}

static const char *
entity (HdPacket   *packet,
        const char *name)
{
  GListModel *entities = hd_packet_get_entities (packet);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (entities, i);

      if (g_str_equal (hd_field_get_name (field), name))
        return hd_field_get_value (field);
    }
  return NULL;
}

static char *
time_text (GDateTime *time)
{
  return g_date_time_format_iso8601 (time);
}

static void
test_rasa (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("rasa-tracker.json", HD_IMPORT_SOURCE_RASA,
                                               HD_IMPORT_FORMAT_RASA_TRACKER);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));
  HdRouting *routing = hd_packet_get_routing (packet);

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "web-5f1c2e9a");
  g_assert_true (g_str_has_prefix (hd_packet_get_handoff_id (packet), "rasa-web-5f1c2e9a-"));
  /* The packet is of the moment of the handoff action. */
  g_assert_cmpstr (created, ==, "2026-11-24T09:11:35.400000Z");
  g_assert_cmpstr (hd_packet_get_bot_id (packet), ==, "rasa");
  /* Rasa Pro's flow, not its handoff pattern. */
  g_assert_cmpstr (hd_packet_get_bot_flow (packet), ==, "card_declined_abroad");
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Ananya Rao");
  g_assert_cmpint (hd_customer_get_channel (hd_packet_get_customer (packet)), ==, HD_CHANNEL_WEB_CHAT);
  g_assert_true (hd_verification_get_authenticated (hd_packet_get_verification (packet)));
  g_assert_cmpint (hd_verification_get_method (hd_packet_get_verification (packet)), ==,
                   HD_VERIFICATION_METHOD_OTP);

  /* Intents in order, the fallback under its best real guess. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 4);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 0)), ==, "card_declined");
  g_assert_cmpfloat_with_epsilon (hd_intent_get_confidence (intent (packet, 0)), 0.91, 1e-9);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 1)), ==, "inform");
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 2)), ==, "enable_international");
  g_assert_cmpint (hd_intent_get_outcome (intent (packet, 2)), ==, HD_INTENT_OUTCOME_FALLBACK);
  g_assert_cmpfloat_with_epsilon (hd_intent_get_confidence (intent (packet, 2)), 0.27, 1e-9);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 3)), ==, "human_handoff");
  g_assert_cmpint (hd_intent_get_outcome (intent (packet, 3)), ==, HD_INTENT_OUTCOME_MATCHED);
  /* Neither small talk ("inform") nor the request for a person. */
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "card_declined");

  /* Slots as entities, masked like a packet's; Rasa's own slots left out. */
  g_assert_cmpstr (entity (packet, "card_number"), ==, "••••1111");
  g_assert_cmpstr (entity (packet, "city"), ==, "Dubai");
  g_assert_cmpstr (entity (packet, "declined_count"), ==, "3");
  g_assert_null (entity (packet, "requested_slot"));
  g_assert_null (entity (packet, "handoff_reason"));

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 8);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 0)), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 1)), ==, HD_SPEAKER_BOT);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 2)), ==, "it's ••••1111, I'm in Dubai");

  /* The bot's own reason wins over the fallback it saw. */
  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==, HD_ESCALATION_REASON_REGULATED_ACTION);
  g_assert_cmpfloat (hd_completeness_get_score (hd_packet_get_completeness (packet)), >, 0.3);
  g_assert_cmpuint (hd_completeness_get_n_missing (hd_packet_get_completeness (packet)), >, 0);
}

static void
test_dialogflow_cx_webhook (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("dialogflow-cx-webhook.json", HD_IMPORT_SOURCE_DIALOGFLOW_CX,
                                               HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));
  HdRouting *routing = hd_packet_get_routing (packet);

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "chat-7f3a91");
  g_assert_cmpstr (hd_packet_get_bot_id (packet), ==, "6a0c1e2f-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
  /* The handoff page is not the flow the customer was in. */
  g_assert_null (hd_packet_get_bot_flow (packet));
  /* A webhook request has no time: the import's. */
  g_assert_cmpstr (created, ==, "2026-11-24T15:00:00Z");
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Rahul Mehta");
  g_assert_cmpint (hd_verification_get_method (hd_packet_get_verification (packet)), ==,
                   HD_VERIFICATION_METHOD_PIN);

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 1);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 0)), ==, "Dispute_a_transaction");
  g_assert_cmpfloat_with_epsilon (hd_intent_get_confidence (intent (packet, 0)), 0.83, 1e-9);
  g_assert_cmpstr (entity (packet, "amount"), ==, "4,999 rupees");
  g_assert_cmpstr (entity (packet, "merchant"), ==, "QuickMart");
  g_assert_cmpstr (entity (packet, "account_number"), ==, "••••7891");

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 3);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 0)), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 0)), ==,
                   "I never made this payment of 4999 at QuickMart on account ••••7891");
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 2)), ==, HD_SPEAKER_BOT);

  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==, HD_ESCALATION_REASON_REGULATED_ACTION);
  g_assert_cmpstr (hd_routing_get_escalation_detail (routing), ==,
                   "A dispute over 2,000 rupees needs an agent by policy.");
  g_assert_cmpstr (hd_routing_get_language (routing), ==, "en");
  g_assert_cmpint (hd_summary_get_sentiment (hd_packet_get_summary (packet)), ==, HD_SENTIMENT_NEGATIVE);
}

static void
test_dialogflow_cx_conversation (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("dialogflow-cx-conversation.json", HD_IMPORT_SOURCE_DIALOGFLOW_CX,
                                               HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "chat-9b2e04");
  /* Of the interaction with the live agent handoff message. */
  g_assert_cmpstr (created, ==, "2026-11-24T10:03:37.900000Z");

  /* In createTime order, whatever order the API listed them in. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 8);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 0)), ==, "hello, I lost my debit card");
  /* The bare reply to a code prompt, and a one-time code in words. */
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 2)), ==, "••••");
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 3)), ==, "Thanks. Your card ending 0005 is now blocked.");
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 4)), ==,
                   "ending 0005 but also someone used it, my OTP is ••••");
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 6)), ==, "I want a human");

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 3);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 0)), ==, "Lost_card");
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 1)), ==, "Report_fraud");
  g_assert_cmpint (hd_intent_get_outcome (intent (packet, 1)), ==, HD_INTENT_OUTCOME_FALLBACK);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 2)), ==, "Talk_to_agent");
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "Lost_card");
  g_assert_cmpstr (entity (packet, "card_last4"), ==, "0005");
  g_assert_cmpstr (entity (packet, "card_type"), ==, "debit");

  /* liveAgentHandoff metadata says why. */
  g_assert_cmpint (hd_routing_get_escalation_reason (hd_packet_get_routing (packet)), ==,
                   HD_ESCALATION_REASON_CUSTOMER_REQUEST);
  g_assert_cmpstr (hd_packet_get_bot_flow (packet), ==, "Lost_card");
}

static void
test_lex_v2_event (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("lex-v2-event.json", HD_IMPORT_SOURCE_LEX_V2,
                                               HD_IMPORT_FORMAT_LEX_V2_EVENT);
  HdRouting *routing = hd_packet_get_routing (packet);

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "142857000111222");
  g_assert_cmpstr (hd_packet_get_bot_id (packet), ==, "RetailBankingBot");
  g_assert_cmpstr (hd_packet_get_bot_flow (packet), ==, "LoanHardship");
  g_assert_cmpstr (hd_routing_get_language (routing), ==, "en-IN");
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Meera Iyer");
  g_assert_true (hd_verification_get_authenticated (hd_packet_get_verification (packet)));

  /* The interpretation Lex acted on, not its alternatives. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 1);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 0)), ==, "LoanHardship");
  g_assert_cmpfloat_with_epsilon (hd_intent_get_confidence (intent (packet, 0)), 0.87, 1e-9);
  /* CamelCase slot names in snake case, so the loan number is masked. */
  g_assert_cmpstr (entity (packet, "loan_number"), ==, "••••9123");
  g_assert_cmpstr (entity (packet, "reason"), ==, "job loss");

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 1);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 0)), ==,
                   "my loan EMI bounced, account ••••7890, I lost my job and need help");
  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==, HD_ESCALATION_REASON_HIGH_EMOTION);
  g_assert_cmpstr (hd_routing_get_skill_group (routing), ==, "collections_hardship");
  g_assert_cmpint (hd_routing_get_priority (routing), ==, HD_PRIORITY_HIGH);
  g_assert_cmpint (hd_summary_get_sentiment (hd_packet_get_summary (packet)), ==, HD_SENTIMENT_NEGATIVE);
}

static void
test_lex_v2_logs (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("lex-v2-logs.json", HD_IMPORT_SOURCE_LEX_V2,
                                               HD_IMPORT_FORMAT_LEX_V2_LOGS);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));
  g_autofree char *first = time_text (hd_turn_get_time (turn (packet, 0)));

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "sess-77a1c4");
  g_assert_cmpstr (hd_packet_get_bot_flow (packet), ==, "BlockCard");
  g_assert_cmpstr (created, ==, "2026-11-24T11:21:15Z");
  g_assert_cmpstr (first, ==, "2026-11-24T11:20:00Z");

  /* Only the handed-off session's turns, in time order. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 8);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 2)), ==, "••••");
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 4)), ==, "the code is ••••");
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 7)), ==, HD_SPEAKER_BOT);

  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 4);
  g_assert_cmpstr (hd_intent_get_name (intent (packet, 2)), ==, "FallbackIntent");
  g_assert_cmpint (hd_intent_get_outcome (intent (packet, 2)), ==, HD_INTENT_OUTCOME_FALLBACK);
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "BlockCard");
  g_assert_cmpstr (entity (packet, "card_last4"), ==, "1111");
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Vikram Singh");
  g_assert_false (hd_verification_get_authenticated (hd_packet_get_verification (packet)));
  g_assert_cmpint (hd_routing_get_escalation_reason (hd_packet_get_routing (packet)), ==,
                   HD_ESCALATION_REASON_CUSTOMER_REQUEST);
}

static void
test_salesforce (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("salesforce-composite.json", HD_IMPORT_SOURCE_SALESFORCE,
                                               HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));
  HdCustomer *customer = hd_packet_get_customer (packet);

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "0Mw5g000000TbQxCAK");
  /* The bot's escalation entry is the moment of the handoff. */
  g_assert_cmpstr (created, ==, "2026-11-24T12:30:45Z");
  g_assert_cmpstr (hd_customer_get_name (customer), ==, "Priya Nair");
  g_assert_cmpstr (hd_customer_get_crm_account_id (customer), ==, "0015g00000Q1w2eAAB");
  g_assert_cmpstr (hd_customer_get_crm_contact_id (customer), ==, "0035g00000R3t4yAAB");
  g_assert_cmpint (hd_customer_get_channel (customer), ==, HD_CHANNEL_WHATSAPP);
  g_assert_cmpstr (hd_case_fields_get_case_id (hd_packet_get_case_fields (packet)), ==, "5005g00000AbCdEAAZ");
  g_assert_cmpstr (hd_routing_get_language (hd_packet_get_routing (packet)), ==, "en-GB");

  /* Text entries only; the escalation event is not a turn. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 5);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 0)), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 0)), ==,
                   "Hi, I sent money to the wrong IBAN GB29NWBK••••6819");
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 1)), ==, HD_SPEAKER_BOT);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 4)), ==, HD_SPEAKER_SYSTEM);

  /* Salesforce keeps no intents: the completeness report says so. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 0);
  g_assert_cmpfloat (hd_completeness_get_context_score (hd_packet_get_completeness (packet),
                                                        HD_CONTEXT_INTENTS), <, 0.5);
}

/* An enhanced channel whose bot wrote its context on the session: the
 * Connect REST transcript, the context fields and pre-chat entries, the
 * Case and the person account. */
static void
test_salesforce_messaging (void)
{
  g_autoptr(HdPacket) packet = import_fixture ("salesforce-messaging.json", HD_IMPORT_SOURCE_SALESFORCE,
                                               HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE);
  g_autofree char *created = time_text (hd_packet_get_created_at (packet));
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdVerification *verification = hd_packet_get_verification (packet);
  HdRouting *routing = hd_packet_get_routing (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  const char * const *missing;

  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "0Mw5g000000UcRyCAK");
  /* The last routing entry is the moment of the handoff. */
  g_assert_cmpstr (created, ==, "2026-11-24T12:41:10Z");
  g_assert_cmpstr (hd_packet_get_handoff_id (packet), ==, "salesforce-0Mw5g000000UcRyCAK-1795524070");

  /* The person account names the customer, not the chat's "Guest 4821";
   * the Case links them when the session does not. */
  g_assert_cmpstr (hd_customer_get_name (customer), ==, "Ananya Rao");
  g_assert_cmpstr (hd_customer_get_crm_account_id (customer), ==, "0015g00000Z9y8xAAB");
  g_assert_cmpstr (hd_customer_get_crm_contact_id (customer), ==, "0035g00000Y7w6vAAB");
  g_assert_cmpstr (hd_customer_get_segment (customer), ==, NULL);
  g_assert_cmpint (hd_customer_get_channel (customer), ==, HD_CHANNEL_WEB_CHAT);

  /* The bot's session fields. */
  g_assert_true (hd_verification_get_authenticated (verification));
  g_assert_cmpint (hd_verification_get_method (verification), ==, HD_VERIFICATION_METHOD_OTP);
  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==, HD_ESCALATION_REASON_REGULATED_ACTION);
  g_assert_cmpstr (hd_routing_get_escalation_detail (routing), ==,
                   "Card disputes are a regulated action: a specialist must raise the chargeback.");
  g_assert_cmpstr (hd_routing_get_skill_group (routing), ==, "cards_disputes");
  g_assert_cmpstr (hd_routing_get_product_category (routing), ==, "credit_card");
  g_assert_cmpstr (hd_routing_get_language (routing), ==, "en-IN");
  g_assert_cmpstr (hd_summary_get_text (summary), ==,
                   "Customer reports a duplicate card charge at FreshMart and wants one refunded.");
  g_assert_cmpint (hd_summary_get_sentiment (summary), ==, HD_SENTIMENT_NEGATIVE);
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "Dispute_Transaction");
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 1);

  /* Other session fields and pre-chat keys are captured entities, masked. */
  g_assert_cmpstr (entity (packet, "card_number"), ==, "••••1111");
  g_assert_cmpstr (entity (packet, "loan_number"), ==, "••••9123");
  g_assert_cmpstr (entity (packet, "merchant"), ==, "FreshMart");
  g_assert_cmpstr (entity (packet, "bot_confidence"), ==, "0.42");
  g_assert_cmpstr (entity (packet, "preferred_contact_time"), ==, "evenings");

  /* The Case fills what the bot left out, never what it said. */
  g_assert_cmpstr (hd_case_fields_get_case_id (case_fields), ==, "5005g00000BcDeFAAZ");
  g_assert_cmpstr (hd_case_fields_get_case_type (case_fields), ==, "Card_Dispute");
  g_assert_cmpstr (hd_case_fields_get_subcategory (case_fields), ==, "Duplicate_charge");
  g_assert_cmpstr (hd_summary_get_unresolved_issue (summary), ==, "Duplicate card charge at FreshMart");
  g_assert_cmpint (hd_routing_get_priority (routing), ==, HD_PRIORITY_HIGH);

  /* The Connect entries, newest first in the document, oldest first here;
   * routing and participant entries are not turns; the empty legacy query
   * does not matter. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 6);
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 0)), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 0)), ==, "Hi, my card was charged twice at FreshMart");
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 1)), ==, HD_SPEAKER_BOT);
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 2)), ==, "••••");
  g_assert_cmpstr (hd_turn_get_text (turn (packet, 4)), ==,
                   "It's my credit card ••••1111, both charges were Rs 2,340");
  g_assert_cmpint (hd_turn_get_speaker (turn (packet, 5)), ==, HD_SPEAKER_BOT);

  /* What the bot left out, the completeness report names. */
  missing = hd_completeness_get_missing_keys (completeness, HD_CONTEXT_CUSTOMER);
  g_assert_true (g_strv_contains (missing, "customer.segment"));
  g_assert_true (g_strv_contains (missing, "customer.accounts"));
  g_assert_false (g_strv_contains (missing, "customer.name"));
  missing = hd_completeness_get_missing_keys (completeness, HD_CONTEXT_VERIFICATION);
  g_assert_true (g_strv_contains (missing, "verification.scope"));
  g_assert_false (g_strv_contains (missing, "verification.method"));
  missing = hd_completeness_get_missing_keys (completeness, HD_CONTEXT_CASE);
  g_assert_true (g_strv_contains (missing, "case.next_best_action"));
  g_assert_false (g_strv_contains (missing, "case.type"));
  /* Far more than the composite of a bot that wrote nothing. */
  g_assert_cmpfloat (hd_completeness_get_score (completeness), >, 0.5);
}

static void
test_packet_passes_through (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("HD_TEST_FIXTURES"), "valid",
                                            "overseas-card-decline.json", NULL);
  gsize len;
  char *data = hd_test_read_file (path, &len);
  g_autoptr(GBytes) document = g_bytes_new_take (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdImportFormat format;

  packet = hd_import_packet (document, HD_IMPORT_SOURCE_ANY, NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, HD_IMPORT_FORMAT_PACKET);
  g_assert_nonnull (packet);
}

/* A webhook request and a Lambda event carry no time: the same document
 * imported at two times is still the same handoff (a bot's retry). */
static void
test_timeless_documents_keep_their_id (void)
{
  const char *names[] = { "dialogflow-cx-webhook.json", "lex-v2-event.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) document = load (".", names[i]);
      g_autoptr(GDateTime) now = test_now ();
      g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 3);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdPacket) first = hd_import_packet (document, HD_IMPORT_SOURCE_ANY, now, NULL, &error);
      g_autoptr(HdPacket) again = hd_import_packet (document, HD_IMPORT_SOURCE_ANY, later, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hd_packet_get_handoff_id (first), ==, hd_packet_get_handoff_id (again));
      g_assert_true (g_date_time_compare (hd_packet_get_created_at (first), hd_packet_get_created_at (again)) < 0);
    }
}

static void
test_source_names (void)
{
  HdImportSource source;

  g_assert_true (hd_import_source_from_string ("dialogflow-cx", &source));
  g_assert_cmpint (source, ==, HD_IMPORT_SOURCE_DIALOGFLOW_CX);
  g_assert_cmpstr (hd_import_source_to_string (HD_IMPORT_SOURCE_LEX_V2), ==, "lex-v2");
  g_assert_false (hd_import_source_from_string ("watson", &source));
}

/* Every member of every fixture, replaced in turn by a value of each other
 * JSON type: the importer takes it or says why, never crashes nor warns
 * (the tests run with fatal criticals). */
typedef struct
{
  JsonObject *object;
  char       *member;
} Member;

static void
collect_members (JsonNode  *node,
                 GArray    *members)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          Member member = { object, g_strdup (l->data) };

          g_array_append_val (members, member);
          collect_members (json_object_get_member (object, l->data), members);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_members (json_array_get_element (array, i), members);
    }
}

static void
test_any_member_of_any_type (gconstpointer data)
{
  g_autoptr(GBytes) document = load (".", data);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_autoptr(GError) error = NULL;
  const char *replacements[] = { "{}", "[]", "7", "-1e300", "\"x\"", "null" };
  guint n_ok = 0, n_failed = 0;
  JsonNode *root;

  json_parser_load_from_data (parser, g_bytes_get_data (document, NULL), g_bytes_get_size (document), &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  collect_members (root, members);

  for (guint i = 0; i < members->len; i++)
    {
      Member *member = &g_array_index (members, Member, i);
      g_autoptr(JsonNode) original = json_node_ref (json_object_get_member (member->object, member->member));

      for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
        {
          g_autoptr(JsonNode) replacement = json_from_string (replacements[r], NULL);
          g_autofree char *text = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(HdPacket) packet = NULL;
          g_autoptr(GError) local_error = NULL;

          if (replacement == NULL)
            replacement = json_node_new (JSON_NODE_NULL);
          json_object_set_member (member->object, member->member, g_steal_pointer (&replacement));
          text = json_to_string (root, FALSE);
          bytes = g_bytes_new (text, strlen (text));
          packet = hd_import_packet (bytes, HD_IMPORT_SOURCE_ANY, NULL, NULL, &local_error);
          if (packet != NULL)
            n_ok++;
          else
            {
              g_assert_true (local_error != NULL && local_error->domain == HD_ERROR);
              /* The importer's own packet is always valid: a refusal names
               * the platform document's fault. */
              if (g_str_has_prefix (local_error->message, "the imported packet is invalid"))
                g_test_fail_printf ("%s as %s: %s", member->member, replacements[r], local_error->message);
              n_failed++;
            }
        }
      json_object_set_member (member->object, member->member, json_node_ref (original));
    }
  g_test_message ("%s: %u members, %u imported, %u refused", (const char *) data, members->len, n_ok, n_failed);
  for (guint i = 0; i < members->len; i++)
    g_free (g_array_index (members, Member, i).member);
}

/* tests/fixtures/import/invalid/X.json with X.expect: the platform named
 * ("any", "rasa", ...), the HdError, and the start of the message. */
static void
test_invalid (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *expect_name = g_strconcat (name, ".expect", NULL);
  g_autoptr(GBytes) document = load ("invalid", json_name);
  g_autoptr(GBytes) expect = load ("invalid", expect_name);
  g_autofree char *expect_text = g_strndup (g_bytes_get_data (expect, NULL), g_bytes_get_size (expect));
  g_auto(GStrv) lines = g_strsplit (expect_text, "\n", 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdImportSource source;

  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_true (hd_import_source_from_string (lines[0], &source));
  packet = hd_import_packet (document, source, NULL, NULL, &error);
  g_assert_null (packet);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HD_ERROR);
  g_assert_cmpint (error->code, ==, g_str_equal (lines[1], "LIMIT") ? HD_ERROR_LIMIT : HD_ERROR_PARSE);
  g_test_message ("%s → %s", name, error->message);
  if (!g_str_has_prefix (error->message, lines[2]))
    g_test_fail_printf ("expected a message starting “%s”, got “%s”", lines[2], error->message);
}

static const char * const platform_fixtures[] = {
  "rasa-tracker.json", "dialogflow-cx-webhook.json", "dialogflow-cx-conversation.json",
  "lex-v2-event.json", "lex-v2-logs.json", "salesforce-composite.json", "salesforce-messaging.json",
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *invalid = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/import/rasa", test_rasa);
  g_test_add_func ("/hd/import/dialogflow-cx/webhook", test_dialogflow_cx_webhook);
  g_test_add_func ("/hd/import/dialogflow-cx/conversation", test_dialogflow_cx_conversation);
  g_test_add_func ("/hd/import/lex-v2/event", test_lex_v2_event);
  g_test_add_func ("/hd/import/lex-v2/logs", test_lex_v2_logs);
  g_test_add_func ("/hd/import/salesforce", test_salesforce);
  g_test_add_func ("/hd/import/salesforce/messaging", test_salesforce_messaging);
  g_test_add_func ("/hd/import/packet", test_packet_passes_through);
  g_test_add_func ("/hd/import/source-names", test_source_names);
  g_test_add_func ("/hd/import/timeless-documents-keep-their-id", test_timeless_documents_keep_their_id);
  for (guint i = 0; i < G_N_ELEMENTS (platform_fixtures); i++)
    {
      g_autofree char *path = g_strconcat ("/hd/import/any-member-of-any-type/", platform_fixtures[i], NULL);

      g_test_add_data_func (path, platform_fixtures[i], test_any_member_of_any_type);
    }

  invalid = g_build_filename (g_getenv ("HD_TEST_FIXTURES"), "import", "invalid", NULL);
  dir = g_dir_open (invalid, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        char *stem = g_strndup (name, strlen (name) - strlen (".json"));
        g_autofree char *path = g_strconcat ("/hd/import/invalid/", stem, NULL);

        g_test_add_data_func_full (path, stem, test_invalid, g_free);
      }

  return g_test_run ();
}
