/* test-sf-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "test-sf-common.h"

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  HdSfClient   *client;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
}

static HdSfResponse *
request_sync (HdSfClient  *client,
              const char  *method,
              const char  *path,
              const char  *body_json,
              GError     **error)
{
  SfTestAsync async = { 0 };
  g_autoptr(JsonNode) body = body_json != NULL ? json_from_string (body_json, NULL) : NULL;
  HdSfResponse *response;

  hd_sf_client_request_async (client, method, path, body, NULL, NULL, sf_test_async_cb, &async);
  response = hd_sf_client_request_finish (client, sf_test_async_wait (&async), error);
  sf_test_async_clear (&async);
  return response;
}

static JsonObject *
get_record_sync (HdSfClient  *client,
                 const char  *sobject,
                 const char  *id,
                 GError     **error)
{
  SfTestAsync async = { 0 };
  JsonObject *record;

  hd_sf_client_get_record_async (client, sobject, id, NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (client, sf_test_async_wait (&async), error);
  sf_test_async_clear (&async);
  return record;
}

static void
test_new (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  HdSfClient *client = hd_sf_client_new (auth, "64.0");

  g_assert_cmpstr (hd_sf_client_get_api_version (client), ==, "v64.0");
  g_assert_finalize_object (client);
}

static void
test_get_case (Fixture       *f,
               gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "overseas-card-decline");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  record = get_record_sync (f->client, "Case", case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (record, "Id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (record, "Subject"), ==, "Card declined abroad (Dubai)");
  g_assert_true (json_object_has_member (record, "LastModifiedDate"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (record, "attributes"), "type"),
                   ==, "Case");

  /* Pinned version; Sforce-Limit-Info read. */
  g_assert_cmpstr (hd_sf_standin_get_last_api_version (f->standin), ==, "v64.0");
  g_assert_cmpuint (hd_sf_client_get_api_usage (f->client), ==, 1);
  g_assert_cmpuint (hd_sf_client_get_api_limit (f->client), ==, 15000);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(GError) error = NULL;

  record = get_record_sync (f->client, "Case", "500Hs0000099999AAA", &error);
  g_assert_null (record);
  g_assert_error (error, HD_ERROR, HD_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* Ids are checked before they go into a URL. */
  bad = get_record_sync (f->client, "Case", "../../oauth2/revoke", &error);
  g_assert_null (bad);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
}

static void
test_error_array (Fixture       *f,
                  gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "fraud-report");
  g_autofree char *path = g_strdup_printf ("sobjects/Case/%s", case_id);
  g_autoptr(HdSfResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) converted = NULL;
  HdSfApiError *first;

  response = request_sync (f->client, "PATCH", path, "{\"Status\":\"Bogus\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 400);
  g_assert_nonnull (response->errors);
  first = g_ptr_array_index (response->errors, 0);
  g_assert_cmpstr (first->error_code, ==, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
  g_assert_cmpstrv (first->fields, ((const char *[]) { "Status", NULL }));
  converted = hd_sf_response_to_error (response);
  g_assert_error (converted, HD_ERROR, HD_ERROR_HTTP);
}

static void
test_refresh_and_retry (Fixture       *f,
                        gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (hd_sf_auth_peek_access_token (f->auth));

  hd_sf_standin_expire_access_tokens (f->standin);
  record = get_record_sync (f->client, "Case", case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, 1);
  g_assert_cmpstr (hd_sf_auth_peek_access_token (f->auth), !=, before);
}

static void
refresh_begun_cb (HdSfAuth    *auth,
                  GParamSpec  *pspec,
                  HdSfStandin *standin)
{
  /* The token the client held was refused: the one the refresh brings must outlive the
   * retry, however slow the machine. */
  if (hd_sf_auth_get_busy (auth))
    hd_sf_standin_set_token_lifetime_ms (standin, G_MAXUINT);
}

/* Salesforce ends an access token some time after issuing it, unannounced: each call made
 * once the token has outlived its lifetime refreshes once, then succeeds. The stand-in
 * compares a token's age with the lifetime when the token is used, so the test sets a
 * lifetime shorter than the held token's age rather than sleeping one away, and a long one
 * once the refresh has begun. */
static void
test_token_lifetime (Fixture       *f,
                     gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  const guint lifetime_ms = 1;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->auth, "notify::busy", G_CALLBACK (refresh_begun_cb), f->standin);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) record = NULL;
      g_autofree char *held = g_strdup (hd_sf_auth_peek_access_token (f->auth));
      gint64 issued_before = g_get_monotonic_time ();

      /* The held token was issued before issued_before: once that is a lifetime ago, the
       * stand-in refuses it. */
      hd_sf_standin_set_token_lifetime_ms (f->standin, lifetime_ms);
      HD_TEST_WAIT_UNTIL (g_get_monotonic_time () - issued_before > lifetime_ms * G_TIME_SPAN_MILLISECOND,
                          HD_TEST_TIMEOUT_MS);
      record = get_record_sync (f->client, "Case", case_id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, i + 1);
      g_assert_cmpstr (hd_sf_auth_peek_access_token (f->auth), !=, held);
    }

  /* A token younger than the lifetime is taken as it is. */
  hd_sf_standin_set_token_lifetime_ms (f->standin, 60 * 1000);
  {
    g_autoptr(JsonObject) record = get_record_sync (f->client, "Case", case_id, &error);

    g_assert_no_error (error);
    g_assert_nonnull (record);
    g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, 2);
  }
  g_signal_handlers_disconnect_by_func (f->auth, refresh_begun_cb, f->standin);
}

typedef struct
{
  guint n_done;
  guint n_ok;
} Many;

static void
many_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Many *many = user_data;
  g_autoptr(JsonObject) record = hd_sf_client_get_record_finish (HD_SF_CLIENT (object), result, NULL);

  many->n_done++;
  many->n_ok += record != NULL;
}

static gboolean
many_done (gpointer data)
{
  return ((Many *) data)->n_done == 5;
}

static void
test_concurrent_refresh (Fixture       *f,
                         gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "kyc-documents");
  Many many = { 0 };

  hd_sf_standin_expire_access_tokens (f->standin);
  for (guint i = 0; i < 5; i++)
    hd_sf_client_get_record_async (f->client, "Case", case_id, NULL, many_cb, &many);
  g_assert_true (hd_test_wait_until (many_done, &many, 20000));
  g_assert_cmpuint (many.n_ok, ==, 5);
  /* Five calls refused at once share one refresh. */
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, 1);
}

static void
test_refresh_refused (Fixture       *f,
                      gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  hd_sf_standin_revoke_all (f->standin);
  g_test_expect_message ("hd-sf-auth", G_LOG_LEVEL_MESSAGE, "*refused the refresh token*");
  record = get_record_sync (f->client, "Case", case_id, &error);
  g_test_assert_expected_messages ();
  g_assert_null (record);
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_false (hd_sf_auth_get_signed_in (f->auth));
}

static void
test_request_limit (Fixture       *f,
                    gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(GError) error = NULL;

  hd_sf_standin_set_request_limit (f->standin, 1);
  first = get_record_sync (f->client, "Case", case_id, &error);
  g_assert_no_error (error);
  second = get_record_sync (f->client, "Case", case_id, &error);
  g_assert_null (second);
  g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
  g_assert_cmpuint (hd_sf_client_get_api_usage (f->client), ==, 2);
  g_assert_cmpuint (hd_sf_client_get_api_limit (f->client), ==, 1);
}

static void
test_query (Fixture       *f,
            gconstpointer  data)
{
  SfTestAsync async = { 0 };
  g_autoptr(JsonArray) records = NULL;
  g_autoptr(GError) error = NULL;

  hd_sf_client_query_async (f->client, "SELECT Id, Name FROM Account WHERE Name = 'Priya Raman'", NULL,
                            sf_test_async_cb, &async);
  records = hd_sf_client_query_finish (f->client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 0), "Id"), ==,
                   hd_sf_standin_get_demo_account_id (f->standin, "overseas-card-decline"));
  sf_test_async_clear (&async);
  g_clear_pointer (&records, json_array_unref);

  hd_sf_client_query_async (f->client, "SELECT Id FROM Nonsense__c", NULL, sf_test_async_cb, &async);
  records = hd_sf_client_query_finish (f->client, sf_test_async_wait (&async), &error);
  g_assert_null (records);
  g_assert_error (error, HD_ERROR, HD_ERROR_HTTP);
  g_assert_nonnull (strstr (error->message, "not supported"));
  sf_test_async_clear (&async);
}

static void
test_case_context (Fixture       *f,
                   gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "emi-hardship");
  SfTestAsync async = { 0 };
  g_autoptr(HdSfCaseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *financial;

  hd_sf_client_fetch_case_context_async (f->client, case_id, NULL, sf_test_async_cb, &async);
  context = hd_sf_client_fetch_case_context_finish (f->client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (context->case_record, "Subject"), ==, "EMI hardship: job loss");
  g_assert_cmpstr (context->customer_sobject, ==, "Account");
  g_assert_true (context->person_account);
  g_assert_cmpstr (json_object_get_string_member (context->customer, "Name"), ==, "Sunita Devi");
  g_assert_cmpstr (context->fsc_model, ==, "managed");
  g_assert_cmpuint (json_array_get_length (context->financial_accounts), ==, 1);
  financial = json_array_get_object_element (context->financial_accounts, 0);
  g_assert_cmpstr (json_object_get_string_member (financial, "FinServ__FinancialAccountType__c"), ==, "Loan");
  sf_test_async_clear (&async);
}

static void
test_signed_out (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(HdSfClient) client = hd_sf_client_new (auth, "v64.0");
  g_autoptr(HdSfResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = request_sync (client, "GET", "sobjects/Case/500Hs0000000001AAA", NULL, &error);
  g_assert_null (response);
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_cmpuint (hd_sf_standin_get_n_api_calls (standin), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hd/sf-client/new", test_new);
  ADD ("/hd/sf-client/get-case", test_get_case);
  ADD ("/hd/sf-client/not-found", test_not_found);
  ADD ("/hd/sf-client/error-array", test_error_array);
  ADD ("/hd/sf-client/refresh-and-retry", test_refresh_and_retry);
  ADD ("/hd/sf-client/token-lifetime", test_token_lifetime);
  ADD ("/hd/sf-client/concurrent-refresh", test_concurrent_refresh);
  ADD ("/hd/sf-client/refresh-refused", test_refresh_refused);
  ADD ("/hd/sf-client/request-limit", test_request_limit);
  ADD ("/hd/sf-client/query", test_query);
  ADD ("/hd/sf-client/case-context", test_case_context);
  g_test_add_func ("/hd/sf-client/signed-out", test_signed_out);
#undef ADD

  return sf_test_run ();
}
