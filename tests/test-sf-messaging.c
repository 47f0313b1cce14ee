/* test-sf-messaging.c: context from Messaging records, fetched from the
 * Salesforce stand-in over loopback REST and SOQL and imported into a packet
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-import.h"
#include "test-sf-common.h"

/* The stand-in keeps the web chat of its merchant-dispute customer as an org
 * keeps Messaging records (src/demo/hd-sf-standin-data.c).  The test reads
 * them as a desk or a middleware would, one REST call per record and a SOQL
 * query per list, puts the answers into the Composite response
 * docs/import/salesforce.md describes, and imports that. */

static JsonObject *
get_record (HdSfClient *client,
            const char *sobject,
            const char *id)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *record;

  hd_sf_client_get_record_async (client, sobject, id, NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  sf_test_async_clear (&async);
  return record;
}

/* A query's records as the query resource answers them. */
static JsonObject *
query (HdSfClient *client,
       const char *soql)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *body = json_object_new ();
  JsonArray *records;

  hd_sf_client_query_async (client, soql, NULL, sf_test_async_cb, &async);
  records = hd_sf_client_query_finish (client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);
  sf_test_async_clear (&async);
  json_object_set_int_member (body, "totalSize", json_array_get_length (records));
  json_object_set_boolean_member (body, "done", TRUE);
  json_object_set_array_member (body, "records", records);
  return body;
}

/* One sub-response of a Composite API response; takes @body. */
static void
add_subresponse (JsonArray  *items,
                 const char *reference,
                 JsonObject *body)
{
  JsonObject *item = json_object_new ();

  json_object_set_object_member (item, "body", body);
  json_object_set_object_member (item, "httpHeaders", json_object_new ());
  json_object_set_int_member (item, "httpStatusCode", 200);
  json_object_set_string_member (item, "referenceId", reference);
  json_array_add_object_element (items, item);
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

static void
test_import_from_standin (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autoptr(HdSfClient) client = hd_sf_client_new (auth, "v64.0");
  const char *case_id = hd_sf_standin_get_demo_case_id (standin, "merchant-dispute");
  const char *account_id = hd_sf_standin_get_demo_account_id (standin, "merchant-dispute");
  g_auto(GStrv) sessions = hd_sf_standin_find_records (standin, "MessagingSession", "CaseId", case_id);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GBytes) document = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entries_soql = NULL;
  g_autofree char *context_soql = NULL;
  g_autofree char *text = NULL;
  JsonArray *items = json_array_new ();
  JsonObject *session, *kase;
  HdCustomer *customer;
  HdTurn *first;

  g_assert_cmpuint (g_strv_length (sessions), ==, 1);
  session = get_record (client, "MessagingSession", sessions[0]);
  add_subresponse (items, "session", session);
  add_subresponse (items, "endUser",
                   get_record (client, "MessagingEndUser", json_object_get_string_member (session, "MessagingEndUserId")));
  entries_soql = g_strdup_printf ("SELECT Id, ActorType, ActorName, EntryType, Message, EntryTime, Seq "
                                  "FROM ConversationEntry WHERE ConversationId = '%s' ORDER BY Seq", sessions[0]);
  add_subresponse (items, "entries", query (client, entries_soql));
  context_soql = g_strdup_printf ("SELECT Id, CustomDetailContextKey, CustomDetailContextValue "
                                  "FROM ConversationContextEntry WHERE ParentId = '%s'", sessions[0]);
  add_subresponse (items, "context", query (client, context_soql));
  kase = get_record (client, "Case", case_id);
  add_subresponse (items, "case", kase);
  add_subresponse (items, "account", get_record (client, "Account", json_object_get_string_member (kase, "AccountId")));
  json_object_set_array_member (root, "compositeResponse", items);

  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

    text = json_to_string (node, FALSE);
  }
  /* What went over the wire held the full card number; the packet never does. */
  g_assert_nonnull (strstr (text, "4111 1111 1111 1111"));
  document = g_bytes_new (text, strlen (text));
  packet = hd_import_packet (document, HD_IMPORT_SOURCE_SALESFORCE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (packet);

  customer = hd_packet_get_customer (packet);
  g_assert_cmpstr (hd_packet_get_conversation_id (packet), ==, sessions[0]);
  g_assert_cmpstr (hd_customer_get_name (customer), ==, "Emily Clarke");
  g_assert_cmpstr (hd_customer_get_crm_account_id (customer), ==, account_id);
  g_assert_cmpint (hd_customer_get_channel (customer), ==, HD_CHANNEL_WEB_CHAT);
  g_assert_cmpstr (hd_case_fields_get_case_id (hd_packet_get_case_fields (packet)), ==, case_id);
  g_assert_cmpstr (hd_case_fields_get_case_type (hd_packet_get_case_fields (packet)), ==, "dispute");
  g_assert_true (hd_verification_get_authenticated (hd_packet_get_verification (packet)));
  g_assert_cmpint (hd_verification_get_method (hd_packet_get_verification (packet)), ==, HD_VERIFICATION_METHOD_OTP);
  g_assert_cmpint (hd_routing_get_escalation_reason (hd_packet_get_routing (packet)), ==,
                   HD_ESCALATION_REASON_REGULATED_ACTION);
  g_assert_cmpstr (hd_routing_get_skill_group (hd_packet_get_routing (packet)), ==, "cards_disputes");
  g_assert_cmpstr (hd_intent_get_name (hd_packet_get_primary_intent (packet)), ==, "Raise_Chargeback");
  g_assert_cmpstr (entity (packet, "order_reference"), ==, "FM-88412");

  /* The four text entries in Seq order, masked; the escalation is no turn. */
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), ==, 4);
  first = g_list_model_get_item (hd_packet_get_transcript (packet), 0);
  g_assert_cmpint (hd_turn_get_speaker (first), ==, HD_SPEAKER_CUSTOMER);
  g_assert_cmpstr (hd_turn_get_text (first), ==, "Hi, I paid for a sofa on my credit card ••••1111 and it never came");
  g_object_unref (first);
}

/* The stand-in answers for Messaging records as an org does for records it
 * does not have: 404 NOT_FOUND. */
static void
test_unknown_session (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autoptr(HdSfClient) client = hd_sf_client_new (auth, "v64.0");
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;

  hd_sf_client_get_record_async (client, "MessagingSession", "0MwHs0000009999AAA", NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (client, sf_test_async_wait (&async), &error);
  g_assert_null (record);
  g_assert_nonnull (error);
  sf_test_async_clear (&async);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

  g_test_add_func ("/hd/sf-messaging/import-from-standin", test_import_from_standin);
  g_test_add_func ("/hd/sf-messaging/unknown-session", test_unknown_session);

  return sf_test_run ();
}
