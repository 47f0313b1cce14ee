/* test-packet-parser.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-packet-parser"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-test-packet-generator.h"
#include "hd-test-packet-util.h"
#include "hd-test-utils.h"

static HdTurn *
get_turn (HdPacket *packet,
          guint     index)
{
  HdTurn *turn = g_list_model_get_item (hd_packet_get_transcript (packet), index);

  g_assert_nonnull (turn);
  g_object_unref (turn);  /* the packet keeps it alive */
  return turn;
}

static HdIntent *
get_intent (HdPacket *packet,
            guint     index)
{
  HdIntent *intent = g_list_model_get_item (hd_packet_get_intents (packet), index);

  g_assert_nonnull (intent);
  g_object_unref (intent);
  return intent;
}

static char *
format_time (GDateTime *time)
{
  g_assert_nonnull (time);
  return g_date_time_format_iso8601 (time);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = format_time (time);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_finalize (void)
{
  HdPacket *packet = hd_test_parse_fixture ("overseas-card-decline.json");

  g_assert_true (HD_IS_PACKET (packet));
  g_assert_finalize_object (packet);
}

static void
test_overseas_card_decline (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdVerification *verification = hd_packet_get_verification (packet);
  HdRouting *routing = hd_packet_get_routing (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  g_autoptr(HdAccountRef) card = NULL;
  g_autoptr(HdAccountRef) savings = NULL;
  g_autoptr(HdConsent) consent = NULL;
  g_autoptr(HdField) entity = NULL;
  g_autoptr(HdField) form_field = NULL;
  g_autoptr(HdAttachment) attachment = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  const char * const scope[] = { "view_balance", "card_controls", "view_transactions", NULL };
  HdTurn *turn;

  /* Envelope */
  g_assert_cmpstr (hd_packet_get_schema_version (packet), ==, "1.0");
  g_assert_cmpstr (hd_packet_get_handoff_id (packet), ==, "ho-2026-11-24-000187");
  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, "conv-7f3a9c21");
  assert_time (hd_packet_get_created_at (packet), "2026-11-24T09:14:05Z");
  g_assert_cmpstr (hd_packet_get_bot_id (packet), ==, "retail-assist");
  g_assert_cmpstr (hd_packet_get_bot_flow (packet), ==, "cards/transaction-declined");
  g_assert_cmpuint (hd_packet_get_unknown_field_count (packet), ==, 0);

  /* Customer: identifiers keep only their last four digits. */
  g_assert_cmpstr (hd_customer_get_name (customer), ==, "Priya Raman");
  g_assert_cmpstr (hd_customer_get_crm_account_id (customer), ==, "001Hs00002ABCDeIAP");
  g_assert_cmpstr (hd_customer_get_crm_contact_id (customer), ==, "003Hs00001XYZabIAB");
  g_assert_cmpstr (hd_customer_get_segment (customer), ==, "premier");
  g_assert_cmpuint (g_strv_length ((GStrv) hd_customer_get_products (customer)), ==, 3);
  g_assert_cmpint (hd_customer_get_channel (customer), ==, HD_CHANNEL_IN_APP);
  g_assert_cmpuint (g_list_model_get_n_items (hd_customer_get_accounts (customer)), ==, 2);
  card = g_list_model_get_item (hd_customer_get_accounts (customer), 0);
  savings = g_list_model_get_item (hd_customer_get_accounts (customer), 1);
  g_assert_cmpstr (hd_account_ref_get_kind (card), ==, "card");
  g_assert_cmpstr (hd_account_ref_get_masked_id (card), ==, "••••1111");
  g_assert_cmpstr (hd_account_ref_get_label (card), ==, "Visa Signature credit card");
  g_assert_cmpstr (hd_account_ref_get_masked_id (savings), ==, "••••6789");
  g_assert_cmpuint (g_list_model_get_n_items (hd_customer_get_linked_accounts (customer)), ==, 1);

  /* Verification: by OTP, with scope and consent. */
  g_assert_true (hd_verification_get_authenticated (verification));
  g_assert_cmpint (hd_verification_get_method (verification), ==, HD_VERIFICATION_METHOD_OTP);
  assert_time (hd_verification_get_verified_at (verification), "2026-11-24T09:11:42Z");
  g_assert_cmpstrv (hd_verification_get_scope (verification), scope);
  g_assert_true (hd_verification_covers (verification, "card_controls"));
  g_assert_false (hd_verification_covers (verification, "dispute"));
  g_assert_false (hd_verification_get_reverification_required (verification));
  consent = g_list_model_get_item (hd_verification_get_consents (verification), 0);
  g_assert_cmpstr (hd_consent_get_id (consent), ==, "chat_recording");
  assert_time (hd_consent_get_acknowledged_at (consent), "2026-11-24T09:10:03Z");

  /* Intents: card problem → transaction declined → international usage. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 4);
  g_assert_cmpstr (hd_intent_get_name (get_intent (packet, 0)), ==, "card_problem");
  g_assert_cmpstr (hd_intent_get_name (get_intent (packet, 1)), ==, "transaction_declined");
  g_assert_cmpfloat_with_epsilon (hd_intent_get_confidence (get_intent (packet, 1)), 0.93, 1e-9);
  g_assert_cmpint (hd_intent_get_outcome (get_intent (packet, 2)), ==, HD_INTENT_OUTCOME_FALLBACK);
  assert_time (hd_intent_get_time (get_intent (packet, 3)), "2026-11-24T09:13:30Z");
  g_assert_true (hd_packet_get_primary_intent (packet) == get_intent (packet, 3));
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==,
                   "international_usage_not_enabled");
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_entities (packet)), ==, 4);
  entity = g_list_model_get_item (hd_packet_get_entities (packet), 2);
  g_assert_cmpstr (hd_field_get_name (entity), ==, "city");
  g_assert_cmpstr (hd_field_get_value (entity), ==, "Dubai");

  /* Transcript: masked at the boundary. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 12);
  turn = get_turn (packet, 0);
  g_assert_cmpint (hd_turn_get_speaker (turn), ==, HD_SPEAKER_SYSTEM);
  assert_time (hd_turn_get_time (turn), "2026-11-24T09:10:03Z");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 4)), ==, "my OTP is ••••");
  g_assert_cmpint (hd_turn_get_speaker (get_turn (packet, 4)), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 6)), ==,
                   "I'm in Dubai and my card ••••1111 keeps getting declined at the hotel");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 7)), ==,
                   "I can see 3 declined transactions today at merchants in the United Arab Emirates.");
  g_assert_cmpuint (g_list_model_get_n_items (hd_turn_get_attachments (get_turn (packet, 0))), ==, 0);
  attachment = g_list_model_get_item (hd_turn_get_attachments (get_turn (packet, 10)), 0);
  g_assert_cmpstr (hd_attachment_get_id (attachment), ==, "att-51f0");
  g_assert_cmpstr (hd_attachment_get_name (attachment), ==, "decline-screenshot.png");
  g_assert_cmpstr (hd_attachment_get_content_type (attachment), ==, "image/png");

  /* Summary */
  g_assert_true (g_str_has_prefix (hd_summary_get_text (summary), "Premier customer travelling"));
  g_assert_nonnull (hd_summary_get_unresolved_issue (summary));
  g_assert_cmpuint (g_strv_length ((GStrv) hd_summary_get_actions_attempted (summary)), ==, 3);
  g_assert_cmpint (hd_summary_get_sentiment (summary), ==, HD_SENTIMENT_NEGATIVE);
  g_assert_cmpfloat_with_epsilon (hd_summary_get_frustration (summary), 0.72, 1e-9);

  /* Routing: urgency high, regulated action, SLA of two minutes. */
  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==,
                   HD_ESCALATION_REASON_REGULATED_ACTION);
  g_assert_true (g_str_has_prefix (hd_routing_get_escalation_detail (routing), "Enabling"));
  g_assert_cmpstr (hd_routing_get_skill_group (routing), ==, "cards_international");
  /* No display names in this packet: the table's, then the rule's. */
  g_assert_null (hd_routing_get_skill_group_label (routing));
  {
    g_autofree char *skill = hd_routing_dup_skill_group_name (routing);
    g_autofree char *flow = hd_packet_dup_bot_flow_name (packet);
    g_autofree char *type = hd_case_fields_dup_case_type_name (case_fields);

    g_assert_cmpstr (skill, ==, "International cards");
    g_assert_cmpstr (flow, ==, "Cards › Transaction declined");
    g_assert_cmpstr (type, ==, "Card service request");
  }
  g_assert_cmpstr (hd_routing_get_product_category (routing), ==, "credit_card");
  g_assert_cmpint (hd_routing_get_priority (routing), ==, HD_PRIORITY_HIGH);
  g_assert_cmpstr (hd_routing_get_language (routing), ==, "en-IN");
  g_assert_true (hd_routing_get_vip (routing));
  g_assert_false (hd_routing_get_vulnerable (routing));
  assert_time (hd_routing_get_sla_start (routing), "2026-11-24T09:13:31Z");
  g_assert_cmpuint (hd_routing_get_sla_target_seconds (routing), ==, 120);
  deadline = hd_routing_dup_sla_deadline (routing);
  assert_time (deadline, "2026-11-24T09:15:31Z");

  /* Case */
  g_assert_null (hd_case_fields_get_case_id (case_fields));
  g_assert_true (hd_case_fields_get_create_case (case_fields));
  g_assert_cmpstr (hd_case_fields_get_case_type (case_fields), ==, "card_service_request");
  g_assert_cmpstr (hd_case_fields_get_subcategory (case_fields), ==, "international_usage");
  g_assert_cmpstr (hd_case_fields_get_disposition (case_fields), ==, "escalated_regulated_action");
  g_assert_cmpuint (g_list_model_get_n_items (hd_case_fields_get_form_fields (case_fields)), ==, 3);
  form_field = g_list_model_get_item (hd_case_fields_get_form_fields (case_fields), 0);
  g_assert_cmpstr (hd_field_get_label (form_field), ==, "Card");
  g_assert_cmpstr (hd_field_get_value (form_field), ==, "1111");
  g_assert_cmpuint (g_strv_length ((GStrv) hd_case_fields_get_documents_requested (case_fields)), ==, 0);
  g_assert_true (g_str_has_prefix (hd_case_fields_get_next_best_action (case_fields), "Confirm travel"));

  hd_test_assert_packet_masked (packet);
}

static void
test_fraud_report (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("fraud-report.json");
  HdVerification *verification = hd_packet_get_verification (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  g_autoptr(HdAccountRef) iban = g_list_model_get_item (
    hd_customer_get_accounts (hd_packet_get_customer (packet)), 1);
  g_autoptr(HdField) card_field = g_list_model_get_item (hd_case_fields_get_form_fields (case_fields), 0);

  g_assert_cmpint (hd_verification_get_method (verification), ==, HD_VERIFICATION_METHOD_KBA);
  g_assert_true (hd_verification_get_reverification_required (verification));
  g_assert_true (hd_verification_covers (verification, "dispute"));
  g_assert_cmpint (hd_routing_get_priority (hd_packet_get_routing (packet)), ==, HD_PRIORITY_URGENT);
  g_assert_cmpstr (hd_account_ref_get_masked_id (iban), ==, "••••6819");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 5)), ==,
                   "No! and my card ••••0004 is still in my wallet");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 7)), ==,
                   "the bank texted me a code •••• earlier, I didn't ask for it");
  /* A form field named like an identifier is masked as one. */
  g_assert_cmpstr (hd_field_get_value (card_field), ==, "••••0004");
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "report_fraud");
  hd_test_assert_packet_masked (packet);
}

static void
test_loan_emi_hardship (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("loan-emi-hardship.json");
  HdRouting *routing = hd_packet_get_routing (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  g_autoptr(HdField) loan = g_list_model_get_item (hd_packet_get_entities (packet), 0);
  g_autoptr(HdField) due = g_list_model_get_item (hd_packet_get_entities (packet), 2);
  g_autoptr(HdIntent) failed = g_list_model_get_item (hd_packet_get_intents (packet), 1);

  g_assert_true (hd_routing_get_vulnerable (routing));
  g_assert_cmpint (hd_routing_get_escalation_reason (routing), ==, HD_ESCALATION_REASON_HIGH_EMOTION);
  g_assert_cmpint (hd_customer_get_channel (hd_packet_get_customer (packet)), ==, HD_CHANNEL_WHATSAPP);
  g_assert_cmpint (hd_intent_get_outcome (failed), ==, HD_INTENT_OUTCOME_FAILED);
  g_assert_cmpstr (hd_field_get_value (loan), ==, "••••9123");
  g_assert_cmpstr (hd_field_get_value (due), ==, "2026-12-05");
  /* A bare six-digit reply after an OTP prompt is the OTP. */
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 3)), ==, "••••");
  g_assert_cmpstr (hd_case_fields_get_case_id (case_fields), ==, "500Hs00000HARDsAAB");
  g_assert_false (hd_case_fields_get_create_case (case_fields));
  g_assert_cmpuint (g_strv_length ((GStrv) hd_case_fields_get_documents_requested (case_fields)), ==, 1);
  hd_test_assert_packet_masked (packet);
}

static void
test_card_block (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("card-block.json");
  HdVerification *verification = hd_packet_get_verification (packet);
  g_autoptr(HdIntent) first = g_list_model_get_item (hd_packet_get_intents (packet), 0);

  g_assert_cmpint (hd_verification_get_method (verification), ==, HD_VERIFICATION_METHOD_BIOMETRIC);
  g_assert_null (hd_customer_get_crm_account_id (hd_packet_get_customer (packet)));
  g_assert_cmpstr (hd_customer_get_crm_contact_id (hd_packet_get_customer (packet)), ==,
                   "003Hs00001BLOCKAAB");
  /* "outcome" defaults to matched. */
  g_assert_cmpint (hd_intent_get_outcome (first), ==, HD_INTENT_OUTCOME_MATCHED);
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 4)), ==,
                   "yes block ••••0005 now. And I need a new one sent to my hotel");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 3)), ==,
                   "Should I block the card ending 0005 permanently?");
  g_assert_cmpint (hd_turn_get_speaker (get_turn (packet, 2)), ==, HD_SPEAKER_SYSTEM);
  g_assert_cmpuint (hd_routing_get_sla_target_seconds (hd_packet_get_routing (packet)), ==, 0);
  g_assert_null (hd_routing_dup_sla_deadline (hd_packet_get_routing (packet)));
  g_assert_cmpfloat (hd_summary_get_frustration (hd_packet_get_summary (packet)), ==, -1.0);
  hd_test_assert_packet_masked (packet);
}

static void
test_kyc_document_issue (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("kyc-document-issue.json");
  HdVerification *verification = hd_packet_get_verification (packet);
  GListModel *attachments = hd_turn_get_attachments (get_turn (packet, 2));
  g_autoptr(HdAttachment) second = NULL;

  g_assert_false (hd_verification_get_authenticated (verification));
  g_assert_cmpint (hd_verification_get_method (verification), ==, HD_VERIFICATION_METHOD_NONE);
  g_assert_null (hd_verification_get_verified_at (verification));
  g_assert_cmpuint (g_strv_length ((GStrv) hd_verification_get_scope (verification)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (attachments), ==, 2);
  second = g_list_model_get_item (attachments, 1);
  g_assert_cmpstr (hd_attachment_get_name (second), ==, "error.png");
  g_assert_null (hd_packet_get_bot_flow (packet));
  g_assert_null (hd_packet_get_bot_flow_label (packet));
  g_assert_cmpint (hd_routing_get_escalation_reason (hd_packet_get_routing (packet)), ==,
                   HD_ESCALATION_REASON_CUSTOMER_REQUEST);
  /* Display names as sent, trimmed, and plain text: nothing in them is markup. */
  g_assert_cmpstr (hd_routing_get_skill_group_label (hd_packet_get_routing (packet)), ==,
                   "Onboarding & KYC <new>");
  g_assert_cmpstr (hd_case_fields_get_case_type_label (hd_packet_get_case_fields (packet)), ==,
                   "Account opening");
  {
    g_autofree char *skill = hd_routing_dup_skill_group_name (hd_packet_get_routing (packet));
    g_autofree char *type = hd_case_fields_dup_case_type_name (hd_packet_get_case_fields (packet));
    g_autofree char *flow = hd_packet_dup_bot_flow_name (packet);

    g_assert_cmpstr (skill, ==, "Onboarding & KYC <new>");
    g_assert_cmpstr (type, ==, "Account opening");
    g_assert_null (flow);
  }
  g_assert_null (hd_routing_get_escalation_detail (hd_packet_get_routing (packet)));
  g_assert_cmpstr (hd_case_fields_get_case_id (hd_packet_get_case_fields (packet)), ==,
                   "500Hs00000KYCdoAAB");
  hd_test_assert_packet_masked (packet);
}

static void
test_hindi (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("failed-upi-transfer-hi.json");
  HdCustomer *customer = hd_packet_get_customer (packet);
  g_autoptr(GDateTime) utc = NULL;

  g_assert_cmpstr (hd_customer_get_name (customer), ==, "राजेश कुमार");
  g_assert_cmpstr (hd_routing_get_language (hd_packet_get_routing (packet)), ==, "hi-IN");
  /* Offsets are kept, and the instant is right. */
  g_assert_cmpint (g_date_time_get_utc_offset (hd_packet_get_created_at (packet)) / G_TIME_SPAN_MINUTE,
                   ==, 330);
  utc = g_date_time_to_utc (hd_packet_get_created_at (packet));
  assert_time (utc, "2026-11-24T13:02:04Z");
  /* A code in Devanagari digits after "ओटीपी" is masked too. */
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 3)), ==, "ओटीपी •••• है");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 5)), ==,
                   "खाता संख्या ••••1234 से ₹5000 कटे, दुकानदार को नहीं मिले");
  g_assert_cmpstr (hd_turn_get_text (get_turn (packet, 0)), ==,
                   "नमस्ते! मैं आपकी क्या सहायता कर सकता हूँ?");
  hd_test_assert_packet_masked (packet);
}

static void
test_minimal (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("minimal.json");
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);

  /* Absent optional objects are empty, never NULL. */
  g_assert_null (hd_packet_get_bot_id (packet));
  g_assert_null (hd_customer_get_name (customer));
  g_assert_nonnull (hd_customer_get_products (customer));
  g_assert_null (hd_customer_get_products (customer)[0]);
  g_assert_cmpuint (g_list_model_get_n_items (hd_customer_get_accounts (customer)), ==, 0);
  g_assert_cmpint (hd_customer_get_channel (customer), ==, HD_CHANNEL_UNKNOWN);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_intents (packet)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_entities (packet)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 0);
  g_assert_null (hd_packet_get_primary_intent (packet));
  g_assert_nonnull (summary);
  g_assert_null (hd_summary_get_text (summary));
  g_assert_cmpint (hd_summary_get_sentiment (summary), ==, HD_SENTIMENT_UNKNOWN);
  g_assert_nonnull (case_fields);
  g_assert_false (hd_case_fields_get_create_case (case_fields));
  g_assert_cmpint (hd_routing_get_priority (hd_packet_get_routing (packet)), ==, HD_PRIORITY_UNKNOWN);
  g_assert_cmpint (hd_routing_get_escalation_reason (hd_packet_get_routing (packet)), ==,
                   HD_ESCALATION_REASON_SLA_RULE);
}

static void
test_forward_compatible (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("forward-compatible.json");
  g_autoptr(GDateTime) utc = NULL;

  /* A newer minor version reads; its new members are counted: channel_session,
   * customer.loyalty_tier, verification.risk_score, transcript/0/translated_text,
   * routing.escalation.rule_id and routing.queue_hint. */
  g_assert_cmpstr (hd_packet_get_schema_version (packet), ==, "1.7");
  g_assert_cmpuint (hd_packet_get_unknown_field_count (packet), ==, 6);
  g_assert_cmpint (hd_verification_get_method (hd_packet_get_verification (packet)), ==,
                   HD_VERIFICATION_METHOD_SECURE_LINK);
  g_assert_cmpint (hd_turn_get_speaker (get_turn (packet, 0)), ==, HD_SPEAKER_AGENT);
  g_assert_cmpint (hd_customer_get_channel (hd_packet_get_customer (packet)), ==, HD_CHANNEL_SMS);
  /* Lower-case "t", fractional seconds and a negative offset are RFC 3339. */
  utc = g_date_time_to_utc (hd_packet_get_created_at (packet));
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 11);
  g_assert_cmpint (g_date_time_get_microsecond (utc), ==, 250000);
}

/* Every valid fixture parses and passes the masking walk, including any added
 * later without a test of its own. */
static void
test_all_valid_fixtures (void)
{
  g_autofree char *dir_path = hd_test_fixture_path ("valid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(HdPacket) packet = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      g_test_message ("fixture %s", name);
      packet = hd_test_parse_fixture (name);
      hd_test_assert_packet_masked (packet);
      n++;
    }

  g_assert_cmpuint (n, >=, 6);
}

/* Invalid fixtures: each X.json has an X.expect of two lines, the HdError
 * name and the exact start of the message (its JSON Pointer and reason). */
static HdError
error_code_from_name (const char *name)
{
  if (g_str_equal (name, "PARSE"))
    return HD_ERROR_PARSE;
  if (g_str_equal (name, "LIMIT"))
    return HD_ERROR_LIMIT;
  if (g_str_equal (name, "VERSION"))
    return HD_ERROR_VERSION;
  g_error ("unknown error name %s in an .expect file", name);
}

static void
test_invalid_fixture (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autofree char *expect_name = g_strconcat (name, ".expect", NULL);
  g_autoptr(GBytes) json = hd_test_load_fixture ("invalid", json_name);
  g_autoptr(GBytes) expect = hd_test_load_fixture ("invalid", expect_name);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (expect, NULL), "\n", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  packet = hd_packet_parse_bytes (json, NULL, &error);
  g_assert_null (packet);
  g_assert_error (error, HD_ERROR, error_code_from_name (lines[0]));
  g_test_message ("%s → %s", name, error->message);
  if (!g_str_has_prefix (error->message, lines[1]))
    g_test_fail_printf ("expected a message starting “%s”, got “%s”", lines[1], error->message);
}

static void
test_invalid_fixtures_have_expectations (void)
{
  g_autofree char *dir_path = hd_test_fixture_path ("invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *expect = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      stem = g_strndup (name, strlen (name) - strlen (".json"));
      expect = g_strconcat (dir_path, G_DIR_SEPARATOR_S, stem, ".expect", NULL);
      if (!g_file_test (expect, G_FILE_TEST_EXISTS))
        g_test_fail_printf ("%s has no .expect file", name);
      n++;
    }

  g_assert_cmpuint (n, >=, 40);
}

/* Limits that need big inputs are tested with small limits. */
static void
test_limit_size (void)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (50, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdPacketLimits limits;

  hd_packet_limits_init (&limits);
  g_assert_cmpuint (limits.max_bytes, ==, 8 * 1024 * 1024);
  limits.max_bytes = g_bytes_get_size (json) - 1;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_assert_null (packet);
  g_assert_true (g_str_has_prefix (error->message, "the packet is "));
  g_clear_error (&error);

  limits.max_bytes = g_bytes_get_size (json);
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (packet);
}

static void
test_limit_turns (void)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (120, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdPacketLimits limits;

  hd_packet_limits_init (&limits);
  g_assert_cmpuint (limits.max_turns, ==, 50000);
  limits.max_turns = 119;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "/transcript: 120 turns exceed the limit of 119");
  g_clear_error (&error);

  limits.max_turns = 120;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 120);
}

static void
test_limit_string (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("valid", "overseas-card-decline.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdPacketLimits limits;

  hd_packet_limits_init (&limits);
  g_assert_cmpuint (limits.max_string, ==, 64 * 1024);
  /* The longest string is turn 11's text, 121 bytes. */
  limits.max_string = 120;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "/transcript/11/text: string of 121 bytes exceeds the limit of 120 bytes");
  g_clear_error (&error);

  limits.max_string = 121;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_no_error (error);
  g_assert_nonnull (packet);
}

static void
test_limit_depth (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("valid", "overseas-card-decline.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"schema_version\":\"1.0\",\"x\":");
  g_autoptr(GBytes) deep_bytes = NULL;
  HdPacketLimits limits;

  hd_packet_limits_init (&limits);
  g_assert_cmpuint (limits.max_depth, ==, 32);

  /* The fixture nests 5 levels: root, transcript, turn, attachments, item. */
  limits.max_depth = 4;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "the packet nests deeper than 4 levels");
  g_clear_error (&error);

  limits.max_depth = 5;
  packet = hd_packet_parse_bytes (json, &limits, &error);
  g_assert_no_error (error);
  g_clear_object (&packet);

  /* Through a tree, the bound is hd_bounded_json_parse ()'s, which counts
   * the same way: 5 here, so a bound of 4 refuses it (saying how deep it
   * got: past the bound) and 5 passes; hd_packet_parse_node () does not
   * walk the tree again. */
  {
    guint depth = 0;
    g_autoptr(JsonNode) root = NULL;

    root = hd_bounded_json_parse (g_bytes_get_data (json, NULL), g_bytes_get_size (json), 4, &depth, &error);
    g_assert_null (root);
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    g_assert_cmpuint (depth, ==, 5);
    g_clear_error (&error);

    root = hd_bounded_json_parse (g_bytes_get_data (json, NULL), g_bytes_get_size (json), 5, &depth, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (depth, ==, 5);
    packet = hd_packet_parse_node (root, &limits, &error);
    g_assert_no_error (error);
    g_assert_nonnull (packet);
    g_clear_object (&packet);
  }

  /* An empty array counts as a level too: the scanner counts arrays and
   * objects, not values. */
  {
    g_autoptr(GBytes) at_limit = g_bytes_new_static ("{\"x\":[]}", 8);
    g_autoptr(GBytes) past_limit = g_bytes_new_static ("{\"x\":[[]]}", 10);

    limits.max_depth = 2;
    packet = hd_packet_parse_bytes (at_limit, &limits, &error);
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    g_clear_error (&error);
    packet = hd_packet_parse_bytes (past_limit, &limits, &error);
    g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
    g_assert_cmpstr (error->message, ==, "the packet nests deeper than 2 levels");
    g_clear_error (&error);
  }

  /* A hostile nesting must be an error, not a stack overflow; brackets inside
   * strings do not count. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  deep_bytes = g_bytes_new (deep->str, deep->len);
  packet = hd_packet_parse_bytes (deep_bytes, NULL, &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_clear_error (&error);
}

static void
test_brackets_in_strings (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("valid", "minimal.json");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;

  g_string_replace (text, "\"customer\": {}",
                    "\"customer\": {\"name\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ \\\" {{{{\"}", 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  packet = hd_packet_parse_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (hd_customer_get_name (hd_packet_get_customer (packet)), "\" {{{{"));
}

static void
test_quoted_values (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("valid", "minimal.json");
  const struct { const char *channel, *message; } cases[] = {
    { "\\u0007bell\\\"quote", "/customer/channel: unknown value \"\\u0007bell\\\"quote\"" },
    { "व्हाट्सऐप", "/customer/channel: unknown value \"व्हाट्सऐप\"" },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "/customer/channel: unknown value \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (json, NULL),
                                                  g_bytes_get_size (json));
      g_autofree char *customer = g_strdup_printf ("\"customer\": {\"channel\": \"%s\"}",
                                                   cases[i].channel);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HdPacket) packet = NULL;

      g_string_replace (text, "\"customer\": {}", customer, 1);
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));
      packet = hd_packet_parse_bytes (bytes, NULL, &error);
      g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_parse_node (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("valid", "fraud-report.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) from_node = NULL;
  g_autoptr(HdPacket) from_bytes = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                             g_bytes_get_size (json), NULL));
  from_node = hd_packet_parse_node (json_parser_get_root (parser), NULL, &error);
  g_assert_no_error (error);
  from_bytes = hd_packet_parse_bytes (json, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (hd_packet_get_handoff_id (from_node), ==, hd_packet_get_handoff_id (from_bytes));
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (from_node)), ==,
                    g_list_model_get_n_items (hd_packet_get_transcript (from_bytes)));
  g_assert_cmpstr (hd_turn_get_text (get_turn (from_node, 5)), ==,
                   hd_turn_get_text (get_turn (from_bytes, 5)));
}

static JsonNode *
node_from_string (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_turn_parse_node (void)
{
  g_autoptr(JsonNode) good = node_from_string (
    "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:11:38Z\",\"text\":\"code: 1234 and card "
    "4111-1111-1111-1111\",\"mood\":\"upset\"}");
  g_autoptr(JsonNode) bad_time = node_from_string (
    "{\"speaker\":\"customer\",\"time\":\"yesterday\",\"text\":\"hi\"}");
  g_autoptr(JsonNode) not_object = node_from_string ("[1]");
  g_autoptr(HdTurn) turn = NULL;
  g_autoptr(GError) error = NULL;

  turn = hd_turn_parse_node (good, "/transcript/3", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_turn_get_speaker (turn), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (turn), ==, "code: •••• and card ••••1111");
  g_assert_finalize_object (g_steal_pointer (&turn));

  turn = hd_turn_parse_node (bad_time, "/transcript/12", &error);
  g_assert_null (turn);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "/transcript/12/time: not an RFC 3339 time");
  g_clear_error (&error);

  turn = hd_turn_parse_node (not_object, "/transcript/0", &error);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "/transcript/0: expected an object, found an array");
}

static void
test_generator (void)
{
  const guint sizes[] = { 0, 1, 50, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) a = hd_test_packet_generator_build (sizes[i], 42);
      g_autoptr(GBytes) b = hd_test_packet_generator_build (sizes[i], 42);
      g_autoptr(GBytes) c = hd_test_packet_generator_build (sizes[i], 43);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdPacket) packet = hd_packet_parse_bytes (a, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (a, b));
      g_assert_false (g_bytes_equal (a, c));
      g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, sizes[i]);
      g_assert_cmpuint (hd_packet_get_unknown_field_count (packet), ==, 0);
      hd_test_assert_packet_masked (packet);
    }
}

static void
parse_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (source);
  *out = g_object_ref (result);
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static void
test_async_large (void)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (10000, 7);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  guint ticks = 0;
  guint tick_id;

  /* The main loop keeps running while the worker parses. */
  tick_id = g_idle_add (tick_cb, &ticks);
  hd_packet_parse_bytes_async (json, NULL, NULL, parse_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_source_remove (tick_id);

  packet = hd_packet_parse_bytes_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 10000);
  g_assert_cmpuint (ticks, >, 0);
  hd_test_assert_packet_masked (packet);
}

static void
test_async_error_and_cancel (void)
{
  g_autoptr(GBytes) json = hd_test_load_fixture ("invalid", "unknown-verification-method.json");
  g_autoptr(GBytes) good = hd_test_packet_generator_build (10, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HdPacket *packet;

  hd_packet_parse_bytes_async (json, NULL, NULL, parse_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  packet = hd_packet_parse_bytes_finish (result, &error);
  g_assert_null (packet);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "/verification/method: unknown value \"retina\"");
  g_clear_error (&error);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  hd_packet_parse_bytes_async (good, NULL, cancellable, parse_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  packet = hd_packet_parse_bytes_finish (result, &error);
  g_assert_null (packet);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_enum_strings (void)
{
  HdVerificationMethod method = HD_VERIFICATION_METHOD_NONE;
  HdEscalationReason reason = HD_ESCALATION_REASON_UNKNOWN;
  HdSpeaker speaker = HD_SPEAKER_BOT;
  g_autoptr(GEnumClass) klass = g_type_class_ref (HD_TYPE_PRIORITY);

  g_assert_true (hd_verification_method_from_string ("secure_link", &method));
  g_assert_cmpint (method, ==, HD_VERIFICATION_METHOD_SECURE_LINK);
  g_assert_false (hd_verification_method_from_string ("retina", &method));
  /* "none" is the absent value, not a wire value. */
  g_assert_false (hd_verification_method_from_string ("none", &method));
  g_assert_null (hd_verification_method_to_string (HD_VERIFICATION_METHOD_NONE));
  g_assert_cmpstr (hd_escalation_reason_to_string (HD_ESCALATION_REASON_SLA_RULE), ==, "sla_rule");
  g_assert_true (hd_escalation_reason_from_string ("customer_request", &reason));
  g_assert_cmpint (reason, ==, HD_ESCALATION_REASON_CUSTOMER_REQUEST);
  g_assert_true (hd_speaker_from_string ("system", &speaker));
  g_assert_cmpint (speaker, ==, HD_SPEAKER_SYSTEM);
  g_assert_cmpstr (hd_speaker_to_string (HD_SPEAKER_CUSTOMER), ==, "customer");
  g_assert_null (hd_priority_to_string ((HdPriority) 99));
  g_assert_cmpstr (g_enum_get_value (klass, HD_PRIORITY_URGENT)->value_nick, ==, "urgent");
}

static void
test_turn_properties (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  HdTurn *turn = get_turn (packet, 4);
  g_autofree char *text = NULL;
  HdSpeaker speaker = HD_SPEAKER_BOT;

  g_object_get (turn, "text", &text, "speaker", &speaker, NULL);
  g_assert_cmpstr (text, ==, "my OTP is ••••");
  g_assert_cmpint (speaker, ==, HD_SPEAKER_CUSTOMER);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *invalid_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/packet-parser/finalize", test_finalize);
  g_test_add_func ("/hd/packet-parser/valid/overseas-card-decline", test_overseas_card_decline);
  g_test_add_func ("/hd/packet-parser/valid/fraud-report", test_fraud_report);
  g_test_add_func ("/hd/packet-parser/valid/loan-emi-hardship", test_loan_emi_hardship);
  g_test_add_func ("/hd/packet-parser/valid/card-block", test_card_block);
  g_test_add_func ("/hd/packet-parser/valid/kyc-document-issue", test_kyc_document_issue);
  g_test_add_func ("/hd/packet-parser/valid/failed-upi-transfer-hi", test_hindi);
  g_test_add_func ("/hd/packet-parser/valid/minimal", test_minimal);
  g_test_add_func ("/hd/packet-parser/valid/forward-compatible", test_forward_compatible);
  g_test_add_func ("/hd/packet-parser/valid/all", test_all_valid_fixtures);
  g_test_add_func ("/hd/packet-parser/invalid/all-have-expectations",
                   test_invalid_fixtures_have_expectations);
  g_test_add_func ("/hd/packet-parser/limit/size", test_limit_size);
  g_test_add_func ("/hd/packet-parser/limit/turns", test_limit_turns);
  g_test_add_func ("/hd/packet-parser/limit/string", test_limit_string);
  g_test_add_func ("/hd/packet-parser/limit/depth", test_limit_depth);
  g_test_add_func ("/hd/packet-parser/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/hd/packet-parser/quoted-values", test_quoted_values);
  g_test_add_func ("/hd/packet-parser/parse-node", test_parse_node);
  g_test_add_func ("/hd/packet-parser/turn-parse-node", test_turn_parse_node);
  g_test_add_func ("/hd/packet-parser/generator", test_generator);
  g_test_add_func ("/hd/packet-parser/async/large", test_async_large);
  g_test_add_func ("/hd/packet-parser/async/error-and-cancel", test_async_error_and_cancel);
  g_test_add_func ("/hd/packet-parser/enum-strings", test_enum_strings);
  g_test_add_func ("/hd/packet-parser/turn-properties", test_turn_properties);

  /* One case per invalid fixture, so a failure names its fixture. */
  invalid_dir = hd_test_fixture_path ("invalid", NULL);
  dir = g_dir_open (invalid_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".json")));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = NULL;
      const char *stem = g_ptr_array_index (names, i);

      path = g_strconcat ("/hd/packet-parser/invalid/", stem, NULL);
      g_test_add_data_func (path, stem, test_invalid_fixture);
    }

  return g_test_run ();
}
