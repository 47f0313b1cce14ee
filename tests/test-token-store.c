/* test-token-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sf-common.h"
#include "hd-token-store.h"

/* These run against the real Secret Service (gnome-keyring) of the test
 * session: with no keyring reachable they fail, they never skip. */

static HdSfTokens *
make_tokens (const char *user_suffix)
{
  HdSfTokens *tokens = g_new0 (HdSfTokens, 1);
  g_autofree char *nonce = g_uuid_string_random ();

  tokens->access_token = g_strdup_printf ("00DTEST!AR.access-%s", nonce);
  tokens->refresh_token = g_strdup_printf ("5Aep861.refresh-%s", nonce);
  tokens->instance_url = g_strdup ("https://northbridge.my.salesforce.com");
  tokens->org_id = g_strdup ("00DHs000000TESTAAA");
  tokens->user_id = g_strdup_printf ("005Hs000000%sAAA", user_suffix);
  tokens->id_url = g_strdup_printf ("https://login.salesforce.com/id/%s/%s", tokens->org_id, tokens->user_id);
  tokens->issued_at_ms = g_get_real_time () / 1000;
  return tokens;
}

static void
store_sync (HdTokenStore *store,
            HdSfTokens   *tokens)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  gboolean stored;

  hd_token_store_store_async (store, tokens, NULL, sf_test_async_cb, &async);
  stored = hd_token_store_store_finish (store, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_true (stored);
  sf_test_async_clear (&async);
}

static HdSfTokens *
lookup_sync (HdTokenStore *store,
             const char   *org_id,
             const char   *user_id,
             GError      **error)
{
  SfTestAsync async = { 0 };
  HdSfTokens *tokens;

  hd_token_store_lookup_async (store, org_id, user_id, NULL, sf_test_async_cb, &async);
  tokens = hd_token_store_lookup_finish (store, sf_test_async_wait (&async), error);
  sf_test_async_clear (&async);
  return tokens;
}

static void
clear_sync (HdTokenStore *store,
            const char   *org_id,
            const char   *user_id)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  hd_token_store_clear_async (store, org_id, user_id, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_token_store_clear_finish (store, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  sf_test_async_clear (&async);
}

static void
test_new (void)
{
  HdTokenStore *store = hd_keyring_token_store_new ();

  g_assert_true (HD_IS_TOKEN_STORE (store));
  g_assert_finalize_object (store);
}

static void
test_round_trip (void)
{
  g_autoptr(HdTokenStore) store = hd_keyring_token_store_new ();
  g_autoptr(HdSfTokens) tokens = make_tokens ("RTRP");
  g_autoptr(HdSfTokens) rotated = make_tokens ("RTRP");
  g_autoptr(HdSfTokens) found = NULL;
  g_autoptr(HdSfTokens) again = NULL;
  g_autoptr(HdSfTokens) gone = NULL;
  g_autoptr(GError) error = NULL;

  store_sync (store, tokens);
  found = lookup_sync (store, tokens->org_id, tokens->user_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->access_token, ==, tokens->access_token);
  g_assert_cmpstr (found->refresh_token, ==, tokens->refresh_token);
  g_assert_cmpstr (found->instance_url, ==, tokens->instance_url);
  g_assert_cmpstr (found->user_id, ==, tokens->user_id);

  /* Storing for the same org and user replaces the item (rotation). */
  store_sync (store, rotated);
  again = lookup_sync (store, NULL, rotated->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->refresh_token, ==, rotated->refresh_token);

  /* No token in any file under the test's XDG tree. */
  g_assert_false (sf_test_tree_contains (sf_test_root, tokens->refresh_token, NULL));
  g_assert_false (sf_test_tree_contains (sf_test_root, rotated->access_token, NULL));

  clear_sync (store, tokens->org_id, tokens->user_id);
  gone = lookup_sync (store, tokens->org_id, tokens->user_id, &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  /* Clearing what is not there is not an error. */
  clear_sync (store, tokens->org_id, tokens->user_id);
}

static void
test_users_apart (void)
{
  g_autoptr(HdTokenStore) store = hd_keyring_token_store_new ();
  g_autoptr(HdSfTokens) a = make_tokens ("USRA");
  g_autoptr(HdSfTokens) b = make_tokens ("USRB");
  g_autoptr(HdSfTokens) found_a = NULL;
  g_autoptr(HdSfTokens) found_b = NULL;
  g_autoptr(HdSfTokens) any = NULL;
  g_autoptr(GError) error = NULL;

  store_sync (store, a);
  store_sync (store, b);
  found_a = lookup_sync (store, a->org_id, a->user_id, &error);
  found_b = lookup_sync (store, b->org_id, b->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found_a->access_token, ==, a->access_token);
  g_assert_cmpstr (found_b->access_token, ==, b->access_token);

  /* The start-up lookup (no ids) finds a stored session. */
  any = lookup_sync (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (any);

  clear_sync (store, a->org_id, a->user_id);
  clear_sync (store, b->org_id, b->user_id);
}

static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(HdTokenStore) store = NULL;
      g_autoptr(HdSfTokens) tokens = make_tokens ("NOKR");
      g_autoptr(HdSfTokens) found = NULL;
      g_autoptr(GError) error = NULL;
      SfTestAsync async = { 0 };

      /* No session bus at all: as on a headless login without a keyring. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hd-no-bus", TRUE);
      store = hd_keyring_token_store_new ();

      found = lookup_sync (store, NULL, NULL, &error);
      g_assert_null (found);
      g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
      g_assert_nonnull (strstr (error->message, "keyring"));
      g_clear_error (&error);

      hd_token_store_store_async (store, tokens, NULL, sf_test_async_cb, &async);
      g_assert_false (hd_token_store_store_finish (store, sf_test_async_wait (&async), &error));
      g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
      sf_test_async_clear (&async);

      /* And nothing was written to a file instead. */
      g_assert_false (sf_test_tree_contains (sf_test_root, tokens->access_token, NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_memory_store (void)
{
  HdTokenStore *store = hd_memory_token_store_new ();
  g_autoptr(HdSfTokens) tokens = make_tokens ("MEMO");
  g_autoptr(HdSfTokens) found = NULL;
  g_autoptr(HdSfTokens) failed = NULL;
  g_autoptr(GError) error = NULL;

  store_sync (store, tokens);
  g_assert_cmpuint (hd_memory_token_store_get_n_items (HD_MEMORY_TOKEN_STORE (store)), ==, 1);
  found = lookup_sync (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->access_token, ==, tokens->access_token);

  hd_memory_token_store_set_fail (HD_MEMORY_TOKEN_STORE (store), TRUE);
  failed = lookup_sync (store, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_finalize_object (store);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sf_test_root = hd_test_init_xdg ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/token-store/new", test_new);
  g_test_add_func ("/hd/token-store/round-trip", test_round_trip);
  g_test_add_func ("/hd/token-store/users-apart", test_users_apart);
  g_test_add_func ("/hd/token-store/no-keyring", test_no_keyring);
  g_test_add_func ("/hd/token-store/memory-store", test_memory_store);

  ret = g_test_run ();
  hd_test_rm_rf (sf_test_root);
  return ret;
}
