/* test-sf-util.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-error.h"
#include "hd-pkce.h"
#include "hd-sf-tokens.h"
#include "hd-sf-util.h"

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_pkce_rfc7636_vector (void)
{
  g_autofree char *challenge = hd_pkce_challenge_s256 ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
test_pkce_generated (void)
{
  g_autofree char *a = hd_pkce_generate_verifier ();
  g_autofree char *b = hd_pkce_generate_verifier ();
  g_autofree char *state = hd_pkce_generate_state ();

  /* RFC 7636: 43..128 characters of [A-Za-z0-9-._~]. */
  g_assert_cmpuint (strlen (a), >=, 43);
  g_assert_cmpuint (strlen (a), <=, 128);
  for (const char *p = a; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpuint (strlen (state), >=, 43);
  g_assert_true (hd_pkce_equal (a, a));
  g_assert_false (hd_pkce_equal (a, b));
  g_assert_false (hd_pkce_equal (a, NULL));
  g_assert_false (hd_pkce_equal ("abc", "abcd"));
}

static void
test_error_array (void)
{
  g_autoptr(GBytes) body = bytes ("[{\"fields\":[\"Status\"],\"errorCode\":\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST\","
                                  "\"message\":\"Status: bad value for restricted picklist field: Bogus\"},"
                                  "{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;
  HdSfApiError *first, *second;

  errors = hd_sf_parse_error_array (body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 2);
  first = g_ptr_array_index (errors, 0);
  second = g_ptr_array_index (errors, 1);
  g_assert_cmpstr (first->error_code, ==, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
  g_assert_cmpstrv (first->fields, ((const char *[]) { "Status", NULL }));
  g_assert_cmpstr (second->error_code, ==, "INVALID_SESSION_ID");
  g_assert_cmpuint (g_strv_length (second->fields), ==, 0);
  g_assert_cmpstr (hd_sf_error_array_first_code (errors), ==, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
}

static void
test_error_array_broken (void)
{
  const char *inputs[] = { "", "{\"error\":\"invalid_grant\"}", "[1,2]", "[{\"message\":", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) body = bytes (inputs[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) errors = hd_sf_parse_error_array (body, &error);

      g_assert_null (errors);
      g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    }

  /* Nested past any limit: an error, not a stack overflow (JsonParser
   * recursed without a limit). */
  {
    g_autofree char *deep = g_strnfill (200000, '[');
    g_autoptr(GBytes) body = bytes (deep);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) errors = hd_sf_parse_error_array (body, &error);
    g_autoptr(HdSfTokens) tokens = NULL;

    g_assert_null (errors);
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    g_clear_error (&error);
    tokens = hd_sf_tokens_parse (body, &error);
    g_assert_null (tokens);
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  }
}

static void
test_oauth_error (void)
{
  g_autoptr(GBytes) body = bytes ("{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}");
  g_autoptr(GBytes) array = bytes ("[{\"errorCode\":\"X\",\"message\":\"y\"}]");
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;

  g_assert_true (hd_sf_parse_oauth_error (body, &code, &description));
  g_assert_cmpstr (code, ==, "invalid_grant");
  g_assert_cmpstr (description, ==, "expired access/refresh token");
  /* The two shapes are told apart. */
  g_assert_false (hd_sf_parse_oauth_error (array, NULL, NULL));
}

static void
test_limit_info (void)
{
  guint used = 0, limit = 0;

  g_assert_true (hd_sf_parse_limit_info ("api-usage=18/5000", &used, &limit));
  g_assert_cmpuint (used, ==, 18);
  g_assert_cmpuint (limit, ==, 5000);
  g_assert_true (hd_sf_parse_limit_info ("per-app-api-usage=17/250(appName=x); api-usage=25/15000; api-bursts=1/750",
                                         &used, &limit));
  g_assert_cmpuint (used, ==, 25);
  g_assert_cmpuint (limit, ==, 15000);
  g_assert_false (hd_sf_parse_limit_info (NULL, &used, &limit));
  g_assert_false (hd_sf_parse_limit_info ("api-usage=abc", &used, &limit));
  g_assert_false (hd_sf_parse_limit_info ("api-usage=3/0", &used, &limit));
}

static void
test_datetimes (void)
{
  g_autoptr(GDateTime) when = hd_sf_parse_datetime ("2013-05-20T20:49:32.000+0000");
  g_autoptr(GDateTime) zulu = hd_sf_parse_datetime ("2013-05-20T20:49:32Z");
  g_autofree char *text = NULL;
  g_autofree char *http = NULL;

  g_assert_nonnull (when);
  g_assert_cmpint (g_date_time_compare (when, zulu), ==, 0);
  text = hd_sf_format_datetime (when);
  g_assert_cmpstr (text, ==, "2013-05-20T20:49:32.000+0000");
  http = hd_sf_format_http_date (when);
  g_assert_cmpstr (http, ==, "Mon, 20 May 2013 20:49:32 GMT");
  g_assert_null (hd_sf_parse_datetime ("yesterday"));
  g_assert_null (hd_sf_parse_datetime (NULL));
}

static void
test_check_uri (void)
{
  const char *good[] = { "https://acme.my.salesforce.com", "http://127.0.0.1:8080", "http://localhost:1717/x",
                         "http://[::1]:9/" };
  const char *bad[] = { "http://acme.my.salesforce.com", "ftp://127.0.0.1", "not a url", "https://" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (hd_sf_check_uri (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (hd_sf_check_uri (bad[i], &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
    }
}

static void
test_soql_quote (void)
{
  g_autofree char *quoted = hd_sf_soql_quote ("O'Brien \\ co");

  g_assert_cmpstr (quoted, ==, "'O\\'Brien \\\\ co'");
  g_assert_true (hd_sf_is_valid_id ("500Hs00000ABCDeIAP"));
  g_assert_true (hd_sf_is_valid_id ("500Hs00000ABCDe"));
  g_assert_false (hd_sf_is_valid_id ("500'; DROP"));
  g_assert_false (hd_sf_is_valid_id (NULL));
  g_assert_cmpstr (hd_sf_case_priority_from_packet ("urgent"), ==, "Critical");
  g_assert_cmpstr (hd_sf_case_priority_from_packet ("normal"), ==, "Medium");
  g_assert_null (hd_sf_case_priority_from_packet ("whenever"));
}

static void
test_tokens_parse (void)
{
  /* The real shape: no expires_in, issued_at is a string of milliseconds. */
  g_autoptr(GBytes) body = bytes ("{\"access_token\":\"00Dxx!AR.secret\",\"refresh_token\":\"5Aep861.refresh\","
                                  "\"signature\":\"abc=\",\"scope\":\"refresh_token api\","
                                  "\"instance_url\":\"https://acme.my.salesforce.com\","
                                  "\"id\":\"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\","
                                  "\"token_type\":\"Bearer\",\"issued_at\":\"1278448832702\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfTokens) tokens = hd_sf_tokens_parse (body, &error);
  g_autoptr(HdSfTokens) again = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (tokens->access_token, ==, "00Dxx!AR.secret");
  g_assert_cmpstr (tokens->refresh_token, ==, "5Aep861.refresh");
  g_assert_cmpstr (tokens->org_id, ==, "00Dxx0000001gPLEAY");
  g_assert_cmpstr (tokens->user_id, ==, "005xx000001SwiUAAS");
  g_assert_cmpint (tokens->issued_at_ms, ==, G_GINT64_CONSTANT (1278448832702));

  text = hd_sf_tokens_serialize (tokens);
  again = hd_sf_tokens_deserialize (text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->access_token, ==, tokens->access_token);
  g_assert_cmpstr (again->refresh_token, ==, tokens->refresh_token);
  g_assert_cmpstr (again->instance_url, ==, tokens->instance_url);
  g_assert_cmpint (again->issued_at_ms, ==, tokens->issued_at_ms);
}

static void
test_tokens_refused (void)
{
  const char *inputs[] = {
    /* An http instance that is not loopback. */
    "{\"access_token\":\"a\",\"instance_url\":\"http://acme.my.salesforce.com\","
    "\"id\":\"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\"}",
    /* A malformed identity URL. */
    "{\"access_token\":\"a\",\"instance_url\":\"https://acme.my.salesforce.com\",\"id\":\"https://x/id/nope\"}",
    /* No access token. */
    "{\"instance_url\":\"https://acme.my.salesforce.com\","
    "\"id\":\"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\"}",
    "[]",
  };
  const HdError codes[] = { HD_ERROR_AUTH, HD_ERROR_PARSE, HD_ERROR_PARSE, HD_ERROR_PARSE };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) body = bytes (inputs[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdSfTokens) tokens = hd_sf_tokens_parse (body, &error);

      g_assert_null (tokens);
      g_assert_error (error, HD_ERROR, codes[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/sf-util/pkce-rfc7636-vector", test_pkce_rfc7636_vector);
  g_test_add_func ("/hd/sf-util/pkce-generated", test_pkce_generated);
  g_test_add_func ("/hd/sf-util/error-array", test_error_array);
  g_test_add_func ("/hd/sf-util/error-array-broken", test_error_array_broken);
  g_test_add_func ("/hd/sf-util/oauth-error", test_oauth_error);
  g_test_add_func ("/hd/sf-util/limit-info", test_limit_info);
  g_test_add_func ("/hd/sf-util/datetimes", test_datetimes);
  g_test_add_func ("/hd/sf-util/check-uri", test_check_uri);
  g_test_add_func ("/hd/sf-util/soql-quote", test_soql_quote);
  g_test_add_func ("/hd/sf-util/tokens-parse", test_tokens_parse);
  g_test_add_func ("/hd/sf-util/tokens-refused", test_tokens_refused);

  return g_test_run ();
}
