/* test-sf-check.c: Preferences → Salesforce → Check connection, headless,
 * against the Salesforce stand-in
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-check.h"
#include "hd-sf-describe-cache.h"
#include "test-sf-common.h"

static GStrv
run_check (HdSfAuth  *auth,
           char     **summary)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  GStrv problems;

  hd_sf_check_connection_async (auth, "v64.0", hd_demo_browser_open_uri, NULL, NULL, sf_test_async_cb, &async);
  problems = hd_sf_check_connection_finish (sf_test_async_wait (&async), summary, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  sf_test_async_clear (&async);
  return problems;
}

static gboolean
any_contains (GStrv       problems,
              const char *needle)
{
  for (guint i = 0; problems[i] != NULL; i++)
    if (strstr (problems[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Not signed in: the check signs in, and the stand-in's org has all it needs. */
static void
test_ready (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autofree char *summary = NULL;
  g_autofree char *leaf = NULL;
  g_autofree char *cache = NULL;
  g_auto(GStrv) problems = NULL;

  problems = run_check (auth, &summary);
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_assert_true (hd_sf_auth_get_signed_in (auth));
  g_assert_cmpstr (summary, ==, "Signed in as Asha Verma");
  /* It renewed the session once and read the Case describe. */
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (standin), ==, 1);
  g_assert_cmpuint (hd_sf_standin_get_n_describes (standin, NULL), ==, 1);
  /* The case editors see what the check read. */
  g_assert_nonnull (hd_sf_describe_cache_get_describe (hd_sf_describe_cache_get_for_auth (auth)));
  leaf = g_strdup_printf ("%s-Case-describe.json", hd_sf_standin_get_org_id (standin));
  cache = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", leaf, NULL);
  g_unlink (cache);
}

/* An org without the next-step field whose app requires a secret for
 * refreshes: both are said, with what to change. */
static void
test_org_needs (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autofree char *summary = NULL;
  g_auto(GStrv) problems = NULL;

  hd_sf_standin_remove_field (standin, "Case", "Next_Step__c");
  hd_sf_standin_set_refresh_refusal (standin, "invalid_client", "invalid client credentials");
  g_test_expect_message ("hd-sf-auth", G_LOG_LEVEL_MESSAGE, "*refused the refresh token*");
  problems = run_check (auth, &summary);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_true (any_contains (problems, "Require secret for Refresh Token Flow"));
  /* The refusal signed the agent out, so the fields could not be read:
   * the next check, after the fix, finds them. */
  g_assert_false (hd_sf_auth_get_signed_in (auth));

  hd_sf_standin_set_refresh_refusal (standin, NULL, NULL);
  g_clear_pointer (&problems, g_strfreev);
  g_clear_pointer (&summary, g_free);
  problems = run_check (auth, &summary);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_true (any_contains (problems, "Next_Step__c"));
  g_assert_true (any_contains (problems, "salesforce-next-step-field"));
}

/* The sign-in fails (here the keyring refuses the tokens): the check says
 * so, and what the External Client App needs. */
static void
test_sign_in_fails (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autofree char *summary = NULL;
  g_auto(GStrv) problems = NULL;

  hd_memory_token_store_set_fail (HD_MEMORY_TOKEN_STORE (store), TRUE);
  problems = run_check (auth, &summary);
  g_assert_cmpstr (summary, ==, "Could not sign in");
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_true (any_contains (problems, "keyring"));
  g_assert_true (any_contains (problems, "callback URL"));
  g_assert_false (hd_sf_auth_get_signed_in (auth));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

  g_test_add_func ("/hd/sf-check/ready", test_ready);
  g_test_add_func ("/hd/sf-check/org-needs", test_org_needs);
  g_test_add_func ("/hd/sf-check/sign-in-fails", test_sign_in_fails);

  return sf_test_run ();
}
