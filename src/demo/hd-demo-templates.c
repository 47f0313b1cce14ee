/* hd-demo-templates.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-templates"

#include "config.h"

#include "hd-demo-templates.h"
#include "hd-feed-protocol.h"
#include "hd-time.h"

typedef struct
{
  const char *speaker;
  const char *text;
} Line;

typedef struct
{
  const char *name;
  const char *customer;
  const char *segment;
  const char *channel;
  const char *account_kind;
  const char *account_id;
  const char *account_label;
  const char *verification_method;  /* NULL: not verified */
  const char *scope[4];
  const char *bot_flow;
  const char *bot_flow_label;       /* the display names a routing layer may send */
  const char *earlier_intent;
  const char *intent;
  double      confidence;
  const char *entity_name;
  const char *entity_value;
  Line        turns[9];
  const char *summary;
  const char *unresolved;
  const char *actions[4];
  const char *sentiment;
  double      frustration;
  const char *reason;
  const char *reason_detail;
  const char *skill_group;
  const char *skill_group_label;
  const char *product;
  const char *priority;
  const char *language;
  gboolean    vip;
  gboolean    vulnerable;
  guint       sla_seconds;
  const char *case_type;
  const char *case_type_label;
  const char *subcategory;
  const char *next_best_action;
  const char *documents[3];
  const char *follow_ups[5];
} Template;

static const Template templates[] = {
  {
    .name = "overseas-card-decline",
    .customer = "Priya Raman", .segment = "premier", .channel = "in_app",
    .account_kind = "card", .account_id = "4111 1111 1111 1111",
    .account_label = "Visa Signature credit card",
    .verification_method = "otp", .scope = { "view_transactions", "card_controls" },
    .bot_flow = "cards/transaction-declined",
    .earlier_intent = "transaction_declined", .intent = "international_usage_not_enabled",
    .confidence = 0.95, .entity_name = "merchant_country", .entity_value = "AE",
    .turns = {
      { "bot", "Hi, I'm Ava, your virtual assistant. How can I help?" },
      { "customer", "my card is not working in Dubai" },
      { "bot", "To look into it I need to verify you. I've sent a one-time code to your registered mobile." },
      { "customer", "OTP is 482913" },
      { "bot", "Thanks, you're verified. I can see 3 declined transactions today in the United Arab Emirates." },
      { "customer", "can you switch on international please, I need to pay the hotel NOW" },
      { "bot", "International usage is off for this card. Turning it on is a regulated action, so I'm connecting you to a specialist." },
    },
    .summary = "Premier customer in Dubai; credit card declined 3 times because international usage is not enabled.",
    .unresolved = "Enable international usage on the credit card for the travel period.",
    .actions = { "Verified customer by OTP", "Listed today's declined transactions" },
    .sentiment = "negative", .frustration = 0.72,
    .reason = "regulated_action", .reason_detail = "Enabling international usage needs agent confirmation of travel dates.",
    .skill_group = "cards_international", .product = "credit_card",
    .priority = "high", .language = "en-IN", .vip = TRUE, .sla_seconds = 120,
    .case_type = "card_service_request", .subcategory = "international_usage",
    .next_best_action = "Confirm travel dates, enable international usage, offer a usage alert.",
    .follow_ups = { "hello? is anyone there", "the hotel is waiting for me at the desk", "please hurry" },
  },
  {
    .name = "fraud-report",
    .customer = "James Whitaker", .segment = "retail", .channel = "web_chat",
    .account_kind = "card", .account_id = "5500 0000 0000 0004",
    .account_label = "Mastercard debit card",
    .verification_method = "pin", .scope = { "view_transactions", "block_card", "dispute" },
    .bot_flow = "fraud/unrecognised-transaction", .bot_flow_label = "Fraud: unrecognised payment",
    .earlier_intent = "unrecognised_transaction", .intent = "report_fraud",
    .confidence = 0.91, .entity_name = "amount", .entity_value = "GBP 1,249.99",
    .turns = {
      { "bot", "Hello, I'm the Northbridge assistant. What can I help you with today?" },
      { "customer", "there's a payment of £1,249.99 to an electronics shop I've never heard of" },
      { "bot", "I'm sorry to hear that. Please confirm your telephone banking PIN to continue." },
      { "customer", "done" },
      { "bot", "Thank you. I can see a card payment of £1,249.99 at 02:14 this morning." },
      { "customer", "that wasn't me, I was asleep. my card 5500 0000 0000 0004 is still in my wallet" },
      { "bot", "I'll pass you to our fraud team now. Please stay in the chat." },
    },
    .summary = "Customer reports an unrecognised card payment of £1,249.99; card still in their possession.",
    .unresolved = "Block the card, raise a fraud claim and arrange a replacement.",
    .actions = { "Verified customer by PIN", "Found the disputed transaction" },
    .sentiment = "negative", .frustration = 0.64,
    .reason = "regulated_action", .reason_detail = "Fraud claims are handled by a human specialist.",
    .skill_group = "fraud", .skill_group_label = "Fraud and scams",
    .product = "debit_card",
    .priority = "urgent", .language = "en-GB", .sla_seconds = 60,
    .case_type = "fraud_claim", .case_type_label = "Fraud claim",
    .subcategory = "card_not_present",
    .next_best_action = "Block the card now, then take the claim details.",
    .follow_ups = { "are you blocking the card?", "I can see another pending payment now" },
  },
  {
    .name = "emi-hardship",
    .customer = "Sunita Devi", .segment = "retail", .channel = "whatsapp",
    .account_kind = "loan", .account_id = "PL0098127745", .account_label = "Personal loan",
    .verification_method = "otp", .scope = { "view_balance", "loan_servicing" },
    .bot_flow = "loans/payment-difficulty", .bot_flow_label = "Loans: trouble paying",
    .earlier_intent = "emi_due_date", .intent = "payment_hardship",
    .confidence = 0.78, .entity_name = "emi_amount", .entity_value = "INR 8,450",
    .turns = {
      { "bot", "Namaste! How can I help you with your loan today?" },
      { "customer", "my EMI is due on the 5th but I lost my job last month" },
      { "bot", "I'm sorry to hear that. Let me verify you first: I've sent a code to your mobile." },
      { "customer", "code 771204" },
      { "bot", "Thank you. Your next EMI of ₹8,450 is due on 5 December." },
      { "customer", "I also have my husband in hospital, I don't know what to do" },
      { "bot", "I'm connecting you to a colleague who can talk through options with you." },
    },
    .summary = "Customer lost her job and has a family member in hospital; cannot pay the next EMI of ₹8,450.",
    .unresolved = "Discuss a payment holiday or restructuring; customer shows signs of vulnerability.",
    .actions = { "Verified customer by OTP", "Shared the next EMI date and amount" },
    .sentiment = "negative", .frustration = 0.55,
    .reason = "high_emotion", .reason_detail = "Financial hardship with vulnerability indicators.",
    .skill_group = "collections_hardship", .skill_group_label = "Collections (hardship)",
    .product = "personal_loan",
    .priority = "high", .language = "en-IN", .vulnerable = TRUE, .sla_seconds = 300,
    .case_type = "hardship_request", .case_type_label = "Hardship request",
    .subcategory = "job_loss",
    .next_best_action = "Follow the vulnerable customer guide; offer a 3-month EMI moratorium.",
    .follow_ups = { "sorry I am not able to think clearly", "will this affect my CIBIL score?" },
  },
  {
    .name = "card-block",
    .customer = "Arjun Mehta", .segment = "retail", .channel = "in_app",
    .account_kind = "card", .account_id = "4000 0012 3456 7899", .account_label = "RuPay debit card",
    .verification_method = "biometric", .scope = { "block_card" },
    .bot_flow = "cards/lost-stolen",
    .earlier_intent = "card_problem", .intent = "block_card",
    .confidence = 0.97, .entity_name = "lost_where", .entity_value = "Mumbai local train",
    .turns = {
      { "bot", "Hi Arjun, how can I help?" },
      { "customer", "I lost my wallet on the train, block my debit card" },
      { "bot", "I've temporarily frozen the card ending 7899. Would you like a replacement?" },
      { "customer", "yes but send it to my office address not home" },
      { "bot", "Changing the delivery address needs a colleague. Connecting you now." },
    },
    .summary = "Debit card lost on a train; card frozen by the bot; replacement to a new address requested.",
    .unresolved = "Permanently block the card and send a replacement to the office address.",
    .actions = { "Froze the card temporarily" },
    .sentiment = "neutral", .frustration = 0.3,
    .reason = "regulated_action", .reason_detail = "Address change for card delivery.",
    .skill_group = "cards", .product = "debit_card",
    .priority = "high", .language = "en-IN", .sla_seconds = 180,
    .case_type = "card_replacement", .subcategory = "lost",
    .next_best_action = "Block permanently, verify the office address, order a replacement.",
    .follow_ups = { "also my UPI is linked to this card, is it safe?" },
  },
  {
    .name = "kyc-documents",
    .customer = "Fatima Sheikh", .segment = "retail", .channel = "web_chat",
    .account_kind = "savings", .account_id = "50100234567812", .account_label = "Savings account",
    .verification_method = "otp", .scope = { "view_balance", "kyc_update" },
    .bot_flow = "accounts/kyc",
    .earlier_intent = "account_frozen", .intent = "kyc_update",
    .confidence = 0.86, .entity_name = "document", .entity_value = "Aadhaar",
    .turns = {
      { "bot", "Hello! What can I do for you?" },
      { "customer", "my account says KYC pending and I can't make transfers" },
      { "bot", "Your re-KYC was due on 1 November. You can upload documents here." },
      { "customer", "I uploaded my Aadhaar twice already and it got rejected" },
      { "bot", "I'll connect you to the KYC team to check the rejected uploads." },
    },
    .summary = "Re-KYC overdue; two Aadhaar uploads rejected; outgoing transfers blocked.",
    .unresolved = "Find out why the uploads were rejected and complete re-KYC.",
    .actions = { "Explained the re-KYC due date" },
    .sentiment = "negative", .frustration = 0.58,
    .reason = "backend_exception", .reason_detail = "Document verification service rejected the upload.",
    .skill_group = "kyc", .product = "savings",
    .priority = "normal", .language = "en-IN", .sla_seconds = 600,
    .case_type = "kyc_update", .subcategory = "document_rejected",
    .next_best_action = "Check the rejection reason and request a clearer copy or PAN.",
    .documents = { "Aadhaar (both sides)", "PAN card" },
    .follow_ups = { "the photo was clear", "I need to pay rent today" },
  },
  {
    .name = "salary-credit-missing",
    .customer = "रमेश कुमार", .segment = "salary", .channel = "whatsapp",
    .account_kind = "savings", .account_id = "50100987654321", .account_label = "Salary account",
    .verification_method = "otp", .scope = { "view_balance", "view_transactions" },
    .bot_flow = "payments/credit-not-received",
    .earlier_intent = "check_balance", .intent = "salary_credit_missing",
    .confidence = 0.82, .entity_name = "employer", .entity_value = "Shree Logistics Pvt Ltd",
    .turns = {
      { "bot", "नमस्ते! मैं आपकी क्या मदद कर सकता हूँ?" },
      { "customer", "मेरी सैलरी अभी तक खाते में नहीं आई" },
      { "bot", "आपके पंजीकृत मोबाइल पर एक OTP भेजा गया है।" },
      { "customer", "OTP 650193 है" },
      { "bot", "धन्यवाद। पिछले 7 दिनों में कंपनी की ओर से कोई क्रेडिट नहीं दिखा।" },
      { "customer", "कंपनी कह रही है कि पैसा 1 तारीख को भेज दिया, UTR भी दिया है" },
      { "bot", "मैं आपको हमारे सहयोगी से जोड़ रहा हूँ।" },
    },
    .summary = "Salary of the 1st not credited; employer shared a UTR. Customer writes in Hindi.",
    .unresolved = "Trace the NEFT credit by UTR and credit the salary or tell the customer why it bounced.",
    .actions = { "Verified customer by OTP", "Checked credits for the last 7 days" },
    .sentiment = "negative", .frustration = 0.6,
    .reason = "backend_exception", .reason_detail = "No credit found for the UTR the customer gave.",
    .skill_group = "payments_hindi", .product = "savings",
    .priority = "high", .language = "hi-IN", .sla_seconds = 240,
    .case_type = "payment_investigation", .subcategory = "inward_neft",
    .next_best_action = "Trace the UTR with the payments desk; reply in Hindi.",
    .follow_ups = { "UTR नंबर SBIN226112400123 है", "EMI कटने वाली है, जल्दी कीजिए" },
  },
  {
    .name = "emi-query",
    .customer = "Oliver Bennett", .segment = "retail", .channel = "web_chat",
    .account_kind = "loan", .account_id = "HL77001234", .account_label = "Home loan",
    .verification_method = "kba", .scope = { "view_balance", "loan_servicing" },
    .bot_flow = "loans/emi-breakdown",
    .earlier_intent = "loan_balance", .intent = "emi_amount_changed",
    .confidence = 0.62, .entity_name = "new_emi", .entity_value = "GBP 1,412.30",
    .turns = {
      { "bot", "Hi, how can I help with your mortgage?" },
      { "customer", "why has my monthly payment gone up by £96?" },
      { "bot", "Your payment changes when the base rate changes. Would you like the breakdown?" },
      { "customer", "I'm on a fixed rate though" },
      { "bot", "I didn't quite get that. Could you rephrase?" },
      { "customer", "FIXED RATE. talk to a person" },
    },
    .summary = "Monthly mortgage payment rose by £96 although the customer believes the rate is fixed.",
    .unresolved = "Explain the increase; check whether the fixed-rate period ended.",
    .actions = { "Explained base rate changes" },
    .sentiment = "negative", .frustration = 0.49,
    .reason = "low_confidence",
    .skill_group = "loans", .product = "home_loan",
    .priority = "normal", .language = "en-GB", .sla_seconds = 900,
    .case_type = "loan_query", .subcategory = "emi_change",
    .next_best_action = "Check the fixed-rate end date and offer a product switch.",
    .follow_ups = { "it was fixed until 2027 I'm sure" },
  },
  {
    .name = "merchant-dispute",
    .customer = "Emily Clarke", .segment = "retail", .channel = "in_app",
    .account_kind = "card", .account_id = "4929 1234 5678 9012", .account_label = "Visa credit card",
    .verification_method = "secure_link", .scope = { "view_transactions", "dispute" },
    .bot_flow = "cards/dispute",
    .earlier_intent = "transaction_query", .intent = "dispute_transaction",
    .confidence = 0.88, .entity_name = "merchant", .entity_value = "HomeStyle Furniture",
    .turns = {
      { "bot", "Hello Emily, what can I help with?" },
      { "customer", "I paid £640 for a sofa in September and it never arrived" },
      { "bot", "I'm sorry about that. Have you contacted the merchant?" },
      { "customer", "many times, they've stopped answering. their website is gone" },
      { "bot", "I'll connect you to our disputes team to raise a chargeback." },
    },
    .summary = "Sofa bought for £640 in September never delivered; merchant unreachable.",
    .unresolved = "Raise a chargeback for goods not received.",
    .actions = { "Confirmed the merchant was contacted" },
    .sentiment = "neutral", .frustration = 0.4,
    .reason = "customer_request",
    .skill_group = "disputes", .product = "credit_card",
    .priority = "normal", .language = "en-GB", .sla_seconds = 1200,
    .case_type = "dispute", .subcategory = "goods_not_received",
    .next_best_action = "Raise a goods-not-received chargeback and ask for the order email.",
    .documents = { "Order confirmation email" },
    .follow_ups = { "I have the order email if you need it" },
  },
  {
    .name = "upi-debited-not-credited",
    .customer = "Kavya Iyer", .segment = "young_saver", .channel = "in_app",
    .account_kind = "upi", .account_id = "kavya.iyer@okhdbank", .account_label = "UPI handle",
    .verification_method = "biometric", .scope = { "view_transactions" },
    .bot_flow = "payments/upi-failed", .bot_flow_label = "Payments: UPI payment failed",
    .earlier_intent = "upi_failed", .intent = "upi_debited_not_credited",
    .confidence = 0.9, .entity_name = "amount", .entity_value = "INR 2,000",
    .turns = {
      { "bot", "Hi Kavya! How can I help?" },
      { "customer", "sent 2000 to my landlord on UPI, money cut from my account but he didn't get it" },
      { "bot", "Failed UPI transfers are usually reversed within 48 hours. This one is 3 days old." },
      { "customer", "yes that's why I'm asking. please check" },
      { "bot", "Let me connect you to the payments team." },
    },
    .summary = "UPI transfer of ₹2,000 debited 3 days ago, not credited to the payee, not reversed.",
    .unresolved = "Raise a UPI dispute with NPCI and tell the customer the turnaround time.",
    .actions = { "Explained the 48-hour auto reversal" },
    .sentiment = "neutral", .frustration = 0.35,
    .reason = "sla_rule", .reason_detail = "Reversal overdue by more than 24 hours.",
    .skill_group = "payments", .skill_group_label = "UPI and payments",
    .product = "upi",
    .priority = "normal", .language = "en-IN", .sla_seconds = 600,
    .case_type = "payment_investigation", .case_type_label = "Payment investigation",
    .subcategory = "upi_reversal",
    .next_best_action = "Raise the UPI complaint and share the reference number.",
    .follow_ups = { "the UPI ref is 433012987765" },
  },
};

guint
hd_demo_templates_get_n (void)
{
  return G_N_ELEMENTS (templates);
}

const char *
hd_demo_template_get_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);
  return templates[index].name;
}

const char *
hd_demo_template_get_queue (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);
  return templates[index].skill_group;
}

const char *
hd_demo_template_get_follow_up (guint index,
                                guint n)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);

  if (n >= G_N_ELEMENTS (templates[index].follow_ups))
    return NULL;
  return templates[index].follow_ups[n];
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          GDateTime   *now,
          int          seconds_before)
{
  g_autoptr(GDateTime) time = g_date_time_add_seconds (now, -seconds_before);
  g_autofree char *text = hd_time_format_rfc3339 (time, 6);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *values,
             guint               n_values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_values && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
hd_demo_template_build (guint       index,
                        const char *handoff_id,
                        GDateTime  *now)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *conversation_id = NULL;
  const Template *t;
  guint n_turns = 0;

  g_return_val_if_fail (index < G_N_ELEMENTS (templates), NULL);
  g_return_val_if_fail (handoff_id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  t = &templates[index];
  while (n_turns < G_N_ELEMENTS (t->turns) && t->turns[n_turns].text != NULL)
    n_turns++;
  conversation_id = g_strdup_printf ("conv-%s", handoff_id);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "schema_version", "1.0");
  add_string (builder, "handoff_id", handoff_id);
  add_string (builder, "conversation_id", conversation_id);
  add_time (builder, "created_at", now, 0);

  json_builder_set_member_name (builder, "bot");
  json_builder_begin_object (builder);
  add_string (builder, "id", "retail-assist");
  add_string (builder, "flow", t->bot_flow);
  add_string (builder, "flow_label", t->bot_flow_label);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "customer");
  json_builder_begin_object (builder);
  add_string (builder, "name", t->customer);
  add_string (builder, "segment", t->segment);
  add_string (builder, "channel", t->channel);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "kind", t->account_kind);
  add_string (builder, "id", t->account_id);
  add_string (builder, "label", t->account_label);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "verification");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "authenticated");
  json_builder_add_boolean_value (builder, t->verification_method != NULL);
  if (t->verification_method != NULL)
    {
      add_string (builder, "method", t->verification_method);
      add_time (builder, "verified_at", now, 20 * (int) n_turns / 2);
      add_strings (builder, "scope", t->scope, G_N_ELEMENTS (t->scope));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "intents");
  json_builder_begin_object (builder);
  add_string (builder, "primary", t->intent);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", t->earlier_intent);
  add_time (builder, "time", now, 20 * (int) n_turns);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", t->intent);
  add_time (builder, "time", now, 25);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, t->confidence);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", t->entity_name);
  add_string (builder, "value", t->entity_value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "transcript");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_turns; i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "speaker", t->turns[i].speaker);
      add_time (builder, "time", now, 20 * (int) (n_turns - i));
      add_string (builder, "text", t->turns[i].text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_string (builder, "text", t->summary);
  add_string (builder, "unresolved_issue", t->unresolved);
  add_strings (builder, "actions_attempted", t->actions, G_N_ELEMENTS (t->actions));
  add_string (builder, "sentiment", t->sentiment);
  json_builder_set_member_name (builder, "frustration");
  json_builder_add_double_value (builder, t->frustration);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "routing");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "escalation");
  json_builder_begin_object (builder);
  add_string (builder, "reason", t->reason);
  add_string (builder, "detail", t->reason_detail);
  json_builder_end_object (builder);
  add_string (builder, "skill_group", t->skill_group);
  add_string (builder, "skill_group_label", t->skill_group_label);
  add_string (builder, "product_category", t->product);
  add_string (builder, "priority", t->priority);
  add_string (builder, "language", t->language);
  json_builder_set_member_name (builder, "vip");
  json_builder_add_boolean_value (builder, t->vip);
  json_builder_set_member_name (builder, "vulnerable");
  json_builder_add_boolean_value (builder, t->vulnerable);
  json_builder_set_member_name (builder, "sla");
  json_builder_begin_object (builder);
  add_time (builder, "started_at", now, 0);
  json_builder_set_member_name (builder, "target_seconds");
  json_builder_add_int_value (builder, t->sla_seconds);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "case");
  json_builder_begin_object (builder);
  add_string (builder, "id", "create");
  add_string (builder, "type", t->case_type);
  add_string (builder, "type_label", t->case_type_label);
  add_string (builder, "subcategory", t->subcategory);
  add_string (builder, "next_best_action", t->next_best_action);
  add_strings (builder, "documents_requested", t->documents, G_N_ELEMENTS (t->documents));
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
