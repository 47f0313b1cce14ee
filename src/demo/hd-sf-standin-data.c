/* hd-sf-standin-data.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-sf-standin-private.h"

/* The stand-in's schema (the sObjects and fields it knows, which Case
 * fields may be written, the restricted picklists) and its seed data: one
 * customer, account and case per demo handoff template. */

static const char *case_fields[] = {
  "Id", "CaseNumber", "Subject", "Status", "Priority", "Type", "Reason", "Origin", "Description",
  "Disposition__c", "Next_Step__c", "AccountId", "ContactId", "OwnerId", "RecordTypeId", "IsClosed", "IsEscalated",
  "CreatedDate", "CreatedById", "LastModifiedDate", "LastModifiedById", "SystemModstamp", NULL
};
const char * const _hd_sf_standin_case_writable[] = {
  "Subject", "Status", "Priority", "Type", "Reason", "Origin", "Description", "Disposition__c",
  "Next_Step__c", "AccountId", "ContactId", "OwnerId", "RecordTypeId", "IsEscalated", NULL
};
const char * const _hd_sf_standin_case_statuses[] = { "New", "Working", "Waiting on Customer", "Escalated", "Closed", NULL };
const char * const _hd_sf_standin_case_priorities[] = { "Low", "Medium", "High", "Critical", NULL };
static const char *comment_fields[] = {
  "Id", "ParentId", "CommentBody", "IsPublished", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *account_fields[] = {
  "Id", "Name", "IsPersonAccount", "FirstName", "LastName", "PersonEmail", "PersonMobilePhone",
  "PersonContactId", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *contact_fields[] = {
  "Id", "Name", "FirstName", "LastName", "Email", "MobilePhone", "AccountId", "CreatedDate",
  "CreatedById", "LastModifiedDate", NULL
};
static const char *financial_fields[] = {
  "Id", "Name", "FinServ__FinancialAccountNumber__c", "FinServ__FinancialAccountType__c",
  "FinServ__Status__c", "FinServ__Balance__c", "FinServ__PrimaryOwner__c", "CreatedDate",
  "CreatedById", "LastModifiedDate", NULL
};
static const char *user_fields[] = { "Id", "Name", "Username", "Email", "CreatedDate", "LastModifiedDate", NULL };
/* Messaging for In-App and Web, as docs/import/salesforce.md reads it: the
 * session with the context fields a bot writes before it transfers (custom
 * fields, as an org adds them), its end user, the legacy transcript rows
 * and the pre-chat entries. */
static const char *messaging_session_fields[] = {
  "Id", "Name", "Status", "ChannelType", "ChannelName", "ChannelLocale", "MessagingEndUserId",
  "StartTime", "AcceptTime", "EndTime", "AgentType", "Origin", "CaseId", "EndUserAccountId",
  "EndUserContactId", "ConversationId", "OwnerId", "Handoff_Reason__c", "Handoff_Summary__c",
  "Intent__c", "Verified__c", "Verification_Method__c", "Skill_Group__c", "CreatedDate",
  "CreatedById", "LastModifiedDate", NULL
};
static const char *messaging_end_user_fields[] = {
  "Id", "Name", "MessageType", "MessagingPlatformKey", "AccountId", "ContactId",
  "AuthenticatedEndUserId", "IsFullyOptedIn", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *conversation_entry_fields[] = {
  "Id", "ConversationId", "ActorType", "ActorName", "EntryType", "Message", "EntryTime", "Seq",
  "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
static const char *conversation_context_entry_fields[] = {
  "Id", "ParentId", "ConversationContextEntryName", "CustomDetailContextKey",
  "CustomDetailContextValue", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};
/* The binding's transcript turns (hd-sf-standin-turns.c keeps them). */
static const char *handoff_turn_fields[] = {
  "Id", "Name", "Handoff__c", "Sequence__c", "Speaker__c", "Spoken_At__c", "Text__c", "Request_Id__c",
  "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};

const char * const *
_hd_sf_standin_fields_of (const char *sobject)
{
  if (g_strcmp0 (sobject, "Case") == 0)
    return case_fields;
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    return comment_fields;
  if (g_strcmp0 (sobject, "Account") == 0)
    return account_fields;
  if (g_strcmp0 (sobject, "Contact") == 0)
    return contact_fields;
  if (g_strcmp0 (sobject, "FinServ__FinancialAccount__c") == 0)
    return financial_fields;
  if (g_strcmp0 (sobject, "User") == 0)
    return user_fields;
  if (g_strcmp0 (sobject, "MessagingSession") == 0)
    return messaging_session_fields;
  if (g_strcmp0 (sobject, "MessagingEndUser") == 0)
    return messaging_end_user_fields;
  if (g_strcmp0 (sobject, "ConversationEntry") == 0)
    return conversation_entry_fields;
  if (g_strcmp0 (sobject, "ConversationContextEntry") == 0)
    return conversation_context_entry_fields;
  if (g_strcmp0 (sobject, "Handoff_Turn__c") == 0)
    return handoff_turn_fields;
  return NULL;
}

gboolean
_hd_sf_standin_field_known (const char *sobject,
                            const char *field)
{
  const char * const *known = _hd_sf_standin_fields_of (sobject);

  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_ascii_strcasecmp (known[i], field) == 0)
      return TRUE;
  return FALSE;
}

const char *
_hd_sf_standin_canonical_field (const char *sobject,
                                const char *field)
{
  const char * const *known = _hd_sf_standin_fields_of (sobject);

  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (g_ascii_strcasecmp (known[i], field) == 0)
      return known[i];
  return field;
}

const char *
_hd_sf_standin_prefix_of (const char *sobject)
{
  if (g_strcmp0 (sobject, "Case") == 0)
    return "500";
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    return "00a";
  if (g_strcmp0 (sobject, "Account") == 0)
    return "001";
  if (g_strcmp0 (sobject, "Contact") == 0)
    return "003";
  if (g_strcmp0 (sobject, "User") == 0)
    return "005";
  if (g_strcmp0 (sobject, "MessagingSession") == 0)
    return "0Mw";
  if (g_strcmp0 (sobject, "MessagingEndUser") == 0)
    return "0PA";
  if (g_strcmp0 (sobject, "ConversationEntry") == 0)
    return "0XE";
  if (g_strcmp0 (sobject, "ConversationContextEntry") == 0)
    return "0Xc";
  return "a0B";
}

/* --- demo data --- */

typedef struct
{
  const char *template_name;
  const char *first_name;
  const char *last_name;
  const char *email;
  const char *account_label;
  const char *account_type;
  const char *masked_number;
  double      balance;
  const char *subject;
  const char *status;
  const char *priority;
  const char *type;
  const char *reason;
} DemoCustomer;

/* One per demo handoff template (src/demo/hd-demo-templates.c), with the
 * same customers; account numbers are stored masked, as the packets are. */
static const DemoCustomer demo_customers[] = {
  { "overseas-card-decline", "Priya", "Raman", "priya.raman@example.com", "Visa Signature credit card",
    "Credit Card", "XXXX-XXXX-XXXX-1111", -48210.55, "Card declined abroad (Dubai)", "New", "High",
    "card_service_request", "international_usage" },
  { "fraud-report", "James", "Whitaker", "j.whitaker@example.co.uk", "Mastercard debit card",
    "Debit Card", "XXXX-XXXX-XXXX-0004", 2310.12, "Unrecognised card payment GBP 1,249.99", "Escalated",
    "Critical", "fraud_claim", "card_not_present" },
  { "emi-hardship", "Sunita", "Devi", "sunita.devi@example.in", "Personal loan", "Loan",
    "XXXXXXXX7745", -312000.00, "EMI hardship: job loss", "New", "High", "hardship_request", "job_loss" },
  { "card-block", "Arjun", "Mehta", "arjun.mehta@example.in", "RuPay debit card", "Debit Card",
    "XXXX-XXXX-XXXX-7899", 18250.00, "Lost debit card: block and replace", "Working", "High",
    "card_replacement", "lost" },
  { "kyc-documents", "Fatima", "Sheikh", "fatima.sheikh@example.in", "Savings account", "Savings",
    "XXXXXXXXXX7812", 40500.75, "Re-KYC: Aadhaar upload rejected", "Waiting on Customer", "Medium",
    "kyc_update", "document_rejected" },
  { "salary-credit-missing", "Ramesh", "Kumar", "ramesh.kumar@example.in", "Salary account", "Savings",
    "XXXXXXXXXX4321", 1200.00, "Salary credit missing (NEFT)", "New", "High", "payment_investigation",
    "inward_neft" },
  { "emi-query", "Oliver", "Bennett", "oliver.bennett@example.co.uk", "Home loan", "Mortgage",
    "XXXXXX1234", -185400.00, "Mortgage payment increased by GBP 96", "New", "Medium", "loan_query",
    "emi_change" },
  { "merchant-dispute", "Emily", "Clarke", "emily.clarke@example.co.uk", "Visa credit card", "Credit Card",
    "XXXX-XXXX-XXXX-9012", -640.00, "Chargeback: sofa not delivered", "Working", "Medium", "dispute",
    "goods_not_received" },
  { "upi-debited-not-credited", "Kavya", "Iyer", "kavya.iyer@example.in", "Savings account", "Savings",
    "XXXXXXXXXX0093", 9800.00, "UPI debited, not credited (INR 2,000)", "New", "Medium",
    "payment_investigation", "upi_reversal" },
};

/* The web chat the merchant-dispute customer had with the bank's bot before
 * it handed off, as Messaging keeps it: what the bot wrote on the session,
 * the legacy transcript, one pre-chat entry.  Times run up to now. */
static const struct
{
  const char *actor_type;
  const char *actor_name;
  const char *entry_type;
  const char *message;
  int         seconds_ago;
} demo_entries[] = {
  { "EndUser", "Emily Clarke", "Text", "Hi, I paid for a sofa on my credit card 4111 1111 1111 1111 and it never came", 95 },
  { "Chatbot", "Assistant", "Text", "I'm sorry. Did you contact the merchant first?", 92 },
  { "EndUser", "Emily Clarke", "Text", "Yes, twice, they don't answer. I want my money back", 60 },
  { "Chatbot", "Assistant", "Text", "A chargeback needs one of our disputes team. I'm passing you over now.", 57 },
  { "Chatbot", "Assistant", "BotEscalated", NULL, 56 },
};

static void
seed_messaging (HdSfStandin *self,
                const char  *case_id,
                const char  *account_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) start = g_date_time_add_seconds (now, -96);
  g_autofree char *start_text = _hd_sf_standin_format_datetime (start);
  g_autoptr(JsonObject) end_user = json_object_new ();
  g_autoptr(JsonObject) session = json_object_new ();
  g_autoptr(JsonObject) context = json_object_new ();
  g_autofree char *end_user_id = NULL;
  g_autofree char *session_id = NULL;

  json_object_set_string_member (end_user, "Name", "Guest 2231");
  json_object_set_string_member (end_user, "MessageType", "EmbeddedMessaging");
  json_object_set_string_member (end_user, "MessagingPlatformKey", "v2/iamessage/AUTH/Bank_Web_Chat/uid:2231");
  json_object_set_string_member (end_user, "AccountId", account_id);
  json_object_set_string_member (end_user, "AuthenticatedEndUserId", "0HaHs0000000DEMOAAA");
  json_object_set_boolean_member (end_user, "IsFullyOptedIn", FALSE);
  end_user_id = _hd_sf_standin_insert (self, "MessagingEndUser", end_user, USER_ID);

  json_object_set_string_member (session, "Name", "00000101");
  json_object_set_string_member (session, "Status", "Waiting");
  json_object_set_string_member (session, "ChannelType", "EmbeddedMessaging");
  json_object_set_string_member (session, "ChannelName", "Bank Web Chat");
  json_object_set_string_member (session, "ChannelLocale", "en_GB");
  json_object_set_string_member (session, "MessagingEndUserId", end_user_id);
  json_object_set_string_member (session, "StartTime", start_text);
  json_object_set_string_member (session, "AgentType", "BotToAgent");
  json_object_set_string_member (session, "Origin", "InboundInitiated");
  json_object_set_string_member (session, "CaseId", case_id);
  json_object_set_string_member (session, "EndUserAccountId", account_id);
  json_object_set_string_member (session, "Handoff_Reason__c", "regulated_action");
  json_object_set_string_member (session, "Handoff_Summary__c",
                                 "Sofa paid by credit card never delivered; merchant unresponsive; customer wants a chargeback.");
  json_object_set_string_member (session, "Intent__c", "Raise_Chargeback");
  json_object_set_boolean_member (session, "Verified__c", TRUE);
  json_object_set_string_member (session, "Verification_Method__c", "otp");
  json_object_set_string_member (session, "Skill_Group__c", "cards_disputes");
  session_id = _hd_sf_standin_insert (self, "MessagingSession", session, USER_ID);

  for (guint i = 0; i < G_N_ELEMENTS (demo_entries); i++)
    {
      g_autoptr(JsonObject) entry = json_object_new ();
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -demo_entries[i].seconds_ago);
      g_autofree char *when_text = _hd_sf_standin_format_datetime (when);

      json_object_set_string_member (entry, "ConversationId", session_id);
      json_object_set_string_member (entry, "ActorType", demo_entries[i].actor_type);
      json_object_set_string_member (entry, "ActorName", demo_entries[i].actor_name);
      json_object_set_string_member (entry, "EntryType", demo_entries[i].entry_type);
      if (demo_entries[i].message != NULL)
        json_object_set_string_member (entry, "Message", demo_entries[i].message);
      json_object_set_string_member (entry, "EntryTime", when_text);
      json_object_set_int_member (entry, "Seq", i + 1);
      g_free (_hd_sf_standin_insert (self, "ConversationEntry", entry, USER_ID));
    }

  json_object_set_string_member (context, "ParentId", session_id);
  json_object_set_string_member (context, "ConversationContextEntryName", "CCE-000001");
  json_object_set_string_member (context, "CustomDetailContextKey", "Order_Reference");
  json_object_set_string_member (context, "CustomDetailContextValue", "FM-88412");
  g_free (_hd_sf_standin_insert (self, "ConversationContextEntry", context, USER_ID));
}

void
_hd_sf_standin_seed (HdSfStandin *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    {
      const DemoCustomer *c = &demo_customers[i];
      g_autoptr(JsonObject) account = json_object_new ();
      g_autoptr(JsonObject) financial = json_object_new ();
      g_autoptr(JsonObject) kase = json_object_new ();
      g_autofree char *name = g_strdup_printf ("%s %s", c->first_name, c->last_name);
      g_autofree char *account_id = NULL;
      g_autofree char *financial_id = NULL;
      g_autofree char *case_id = NULL;
      g_autofree char *description = g_strdup_printf ("%s. Opened by the digital assistant.", c->subject);

      json_object_set_string_member (account, "Name", name);
      json_object_set_boolean_member (account, "IsPersonAccount", TRUE);
      json_object_set_string_member (account, "FirstName", c->first_name);
      json_object_set_string_member (account, "LastName", c->last_name);
      json_object_set_string_member (account, "PersonEmail", c->email);
      account_id = _hd_sf_standin_insert (self, "Account", account, USER_ID);

      json_object_set_string_member (financial, "Name", c->account_label);
      json_object_set_string_member (financial, "FinServ__FinancialAccountNumber__c", c->masked_number);
      json_object_set_string_member (financial, "FinServ__FinancialAccountType__c", c->account_type);
      json_object_set_string_member (financial, "FinServ__Status__c", "Open");
      json_object_set_double_member (financial, "FinServ__Balance__c", c->balance);
      json_object_set_string_member (financial, "FinServ__PrimaryOwner__c", account_id);
      financial_id = _hd_sf_standin_insert (self, "FinServ__FinancialAccount__c", financial, USER_ID);

      json_object_set_string_member (kase, "Subject", c->subject);
      json_object_set_string_member (kase, "Status", c->status);
      json_object_set_string_member (kase, "Priority", c->priority);
      json_object_set_string_member (kase, "Type", c->type);
      json_object_set_string_member (kase, "Reason", c->reason);
      json_object_set_string_member (kase, "Origin", "Chat");
      json_object_set_string_member (kase, "Description", description);
      json_object_set_string_member (kase, "AccountId", account_id);
      /* The card cases have the Card Services record type, the others the master one. */
      json_object_set_string_member (kase, "RecordTypeId", g_str_has_prefix (c->type, "card_") ||
                                                              strcmp (c->type, "fraud_claim") == 0 ||
                                                              strcmp (c->type, "dispute") == 0
                                                              ? HD_SF_STANDIN_CARD_RECORD_TYPE : "012000000000000AAA");
      case_id = _hd_sf_standin_insert (self, "Case", kase, USER_ID);

      g_hash_table_insert (self->demo_cases, g_strdup (c->template_name), g_steal_pointer (&case_id));
      g_hash_table_insert (self->demo_accounts, g_strdup (c->template_name), g_steal_pointer (&account_id));
    }
  /* After the customers, so that their ids stay what they were. */
  seed_messaging (self, g_hash_table_lookup (self->demo_cases, "merchant-dispute"),
                  g_hash_table_lookup (self->demo_accounts, "merchant-dispute"));
}

