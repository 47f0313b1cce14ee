/* test-oauth.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "test-sf-common.h"
#include "hd-pkce.h"
#include "hd-token-store.h"

/* The PKCE sign-in end to end against the stand-in, the browser being an
 * HTTP client; tokens go through the real gnome-keyring of the test
 * session. */

static HdSfTokens *
keyring_lookup (HdTokenStore *store,
                HdSfStandin  *standin)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  HdSfTokens *tokens;

  hd_token_store_lookup_async (store, hd_sf_standin_get_org_id (standin), hd_sf_standin_get_user_id (standin),
                               NULL, sf_test_async_cb, &async);
  tokens = hd_token_store_lookup_finish (store, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  return tokens;
}

static void
sign_out (HdSfAuth *auth)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  hd_sf_auth_sign_out_async (auth, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_sign_out_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  sf_test_async_clear (&async);
}

static void
test_new (void)
{
  HdOAuth *oauth = hd_oauth_new ("https://login.salesforce.com/", "client", 53682, "/OauthRedirect");

  g_assert_cmpstr (hd_oauth_get_login_url (oauth), ==, "https://login.salesforce.com");
  g_assert_finalize_object (oauth);
}

static void
test_pkce_sign_in (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_keyring_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autoptr(HdOAuth) oauth2 = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) restored = hd_sf_auth_new (oauth2, store);
  g_autoptr(HdSfTokens) stored = NULL;
  g_autoptr(HdSfTokens) after = NULL;
  g_autoptr(GError) error = NULL;
  SfTestAsync async = { 0 };
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  guint n_files = 0;

  g_assert_cmpstr (hd_sf_auth_get_display_name (auth), ==, "Asha Verma");
  g_assert_cmpstr (hd_sf_auth_get_identity (auth)->user_id, ==, hd_sf_standin_get_user_id (standin));
  g_assert_cmpstr (hd_sf_auth_get_instance_url (auth), ==, hd_sf_standin_get_url (standin));

  /* The keyring holds exactly the live tokens. */
  stored = keyring_lookup (store, standin);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->access_token, ==, hd_sf_auth_peek_access_token (auth));
  g_assert_true (hd_sf_standin_is_token_live (standin, stored->access_token));
  g_assert_true (hd_sf_standin_is_token_live (standin, stored->refresh_token));
  access = g_strdup (stored->access_token);
  refresh = g_strdup (stored->refresh_token);

  /* A new start of the app signs in silently from the keyring. */
  hd_sf_auth_restore_async (restored, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_restore_finish (restored, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  g_assert_true (hd_sf_auth_get_signed_in (restored));
  g_assert_cmpstr (hd_sf_auth_get_display_name (restored), ==, "Asha Verma");

  /* No token in any file the code wrote (the whole XDG tree of the test). */
  g_assert_false (sf_test_tree_contains (sf_test_root, access, &n_files));
  g_assert_false (sf_test_tree_contains (sf_test_root, refresh, NULL));

  /* Sign-out revokes at Salesforce and empties the keyring. */
  sign_out (auth);
  g_assert_false (hd_sf_auth_get_signed_in (auth));
  g_assert_cmpuint (hd_sf_standin_get_n_revocations (standin), ==, 1);
  g_assert_false (hd_sf_standin_is_token_live (standin, refresh));
  g_assert_false (hd_sf_standin_is_token_live (standin, access));
  after = keyring_lookup (store, standin);
  g_assert_null (after);
}

typedef struct
{
  SoupSession *session;
  guint        forged_status;
  gboolean     forged_done;
  char        *uri;
  gboolean     deny;
} Forger;

static char *
query_param (const char *uri,
             const char *name)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);

  return g_strdup (g_hash_table_lookup (params, name));
}

static void
forged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Forger *forger = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  forger->forged_status = soup_message_get_status (msg);
  forger->forged_done = TRUE;
  if (!forger->deny)
    hd_demo_browser_open_uri (forger->uri, NULL);   /* then the real browser */
}

/* A "browser" that first hits the redirect with a forged state (or, with
 * deny, with the real state and error=access_denied). */
static void
forging_open (const char *uri,
              gpointer    user_data)
{
  Forger *forger = user_data;
  g_autofree char *redirect = query_param (uri, "redirect_uri");
  g_autofree char *state = query_param (uri, "state");
  g_autofree char *target = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *method = query_param (uri, "code_challenge_method");

  g_assert_cmpstr (method, ==, "S256");
  forger->uri = g_strdup (uri);
  if (forger->deny)
    target = g_strdup_printf ("%s?error=access_denied&error_description=end-user+denied+authorization&state=%s",
                              redirect, state);
  else
    target = g_strdup_printf ("%s?code=forged&state=not-%s", redirect, state);
  msg = soup_message_new ("GET", target);
  soup_session_send_and_read_async (forger->session, msg, G_PRIORITY_DEFAULT, NULL, forged_cb, forger);
}

static void
test_state_mismatch (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(GError) error = NULL;
  Forger forger = { soup_session_new (), 0, FALSE, NULL, FALSE };
  SfTestAsync async = { 0 };

  g_test_expect_message ("hd-oauth", G_LOG_LEVEL_MESSAGE, "*wrong state*");
  hd_sf_auth_sign_in_async (auth, forging_open, &forger, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  g_assert_true (forger.forged_done);
  g_assert_cmpuint (forger.forged_status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_true (hd_sf_auth_get_signed_in (auth));

  sf_test_async_clear (&async);
  g_clear_object (&forger.session);
  g_free (forger.uri);
}

static void
test_denied (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(GError) error = NULL;
  Forger forger = { soup_session_new (), 0, FALSE, NULL, TRUE };
  SfTestAsync async = { 0 };

  hd_sf_auth_sign_in_async (auth, forging_open, &forger, NULL, sf_test_async_cb, &async);
  g_assert_false (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "access_denied"));
  g_assert_false (hd_sf_auth_get_signed_in (auth));
  g_assert_cmpuint (hd_memory_token_store_get_n_items (HD_MEMORY_TOKEN_STORE (store)), ==, 0);

  /* Let the browser's page arrive before the session goes. */
  hd_test_wait_flag (&forger.forged_done, 5000);
  sf_test_async_clear (&async);
  g_clear_object (&forger.session);
  g_free (forger.uri);
}

/* The stand-in's own PKCE checks, driven by hand. */
static char *
get_code (SoupSession *session,
          HdSfStandin *standin,
          const char  *challenge)
{
  g_autofree char *redirect = g_uri_escape_string ("http://localhost:1/OauthRedirect", NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/services/oauth2/authorize?response_type=code&client_id=%s"
                                          "&redirect_uri=%s&code_challenge=%s&code_challenge_method=S256&state=s",
                                          hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin),
                                          redirect, challenge);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;
  const char *location;

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sf_test_async_cb, &async);
  body = soup_session_send_and_read_finish (session, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_FOUND);
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  return query_param (location, "code");
}

static char *
post_token (SoupSession *session,
            HdSfStandin *standin,
            const char  *code,
            const char  *verifier,
            guint       *status)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *url = g_strconcat (hd_sf_standin_get_url (standin), "/services/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code_name = NULL;
  SfTestAsync async = { 0 };

  g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "authorization_code");
  g_hash_table_insert (form, (gpointer) "code", (gpointer) code);
  g_hash_table_insert (form, (gpointer) "client_id", (gpointer) hd_sf_standin_get_client_id (standin));
  g_hash_table_insert (form, (gpointer) "redirect_uri", (gpointer) "http://localhost:1/OauthRedirect");
  if (verifier != NULL)
    g_hash_table_insert (form, (gpointer) "code_verifier", (gpointer) verifier);
  msg = soup_message_new_from_encoded_form ("POST", url, soup_form_encode_hash (form));
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sf_test_async_cb, &async);
  body = soup_session_send_and_read_finish (session, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  *status = soup_message_get_status (msg);
  if (*status != SOUP_STATUS_OK)
    g_assert_true (hd_sf_parse_oauth_error (body, &code_name, NULL));
  return g_steal_pointer (&code_name);
}

/* The authorize page's answer to @redirect_uri: its status, and its body. */
static guint
authorize_status (SoupSession *session,
                  HdSfStandin *standin,
                  const char  *redirect_uri,
                  char       **body_text)
{
  g_autofree char *redirect = g_uri_escape_string (redirect_uri, NULL, FALSE);
  g_autofree char *url = g_strdup_printf ("%s/services/oauth2/authorize?response_type=code&client_id=%s"
                                          "&redirect_uri=%s&code_challenge=c&code_challenge_method=S256&state=s",
                                          hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin),
                                          redirect);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SfTestAsync async = { 0 };

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sf_test_async_cb, &async);
  body = soup_session_send_and_read_finish (session, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  *body_text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return soup_message_get_status (msg);
}

static gboolean
is_redirect_to (const char *uri,
                gpointer    user_data)
{
  return g_str_has_prefix (uri, user_data);
}

static void
check_open (const char *uri,
            gpointer    user_data)
{
  g_autofree char *redirect = query_param (uri, "redirect_uri");

  /* What the app asks Salesforce to redirect to: localhost, not 127.0.0.1. */
  g_assert_true (is_redirect_to (redirect, user_data));
  hd_demo_browser_open_uri (uri, NULL);
}

/* The loopback callback URL: the app sends http://localhost:PORT/…, and
 * the stand-in, as Salesforce, accepts only a registered callback URL,
 * exactly. */
static void
test_callback_url (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupServer) probe = soup_server_new (NULL, NULL);
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = NULL;
  g_autoptr(HdSfAuth) auth = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *registered = NULL;
  g_autofree char *body = NULL;
  GSList *uris;
  guint port;
  SfTestAsync async = { 0 };
  const char *exact[2] = { NULL, NULL };

  /* The IP literal, a trailing slash: not the registered URL. */
  g_assert_cmpuint (authorize_status (session, standin, "http://127.0.0.1:1/OauthRedirect", &body), ==, 400);
  g_assert_nonnull (strstr (body, "redirect_uri_mismatch"));
  g_clear_pointer (&body, g_free);
  g_assert_cmpuint (authorize_status (session, standin, "http://localhost:1/OauthRedirect/", &body), ==, 400);
  g_clear_pointer (&body, g_free);

  /* A fixed port, registered as the app's settings say. */
  g_assert_true (soup_server_listen_local (probe, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (probe);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  soup_server_disconnect (probe);
  registered = g_strdup_printf ("http://localhost:%u/OauthRedirect", port);
  exact[0] = registered;
  hd_sf_standin_set_callback_urls (standin, exact);
  g_assert_cmpuint (authorize_status (session, standin, "http://localhost:1/OauthRedirect", &body), ==, 400);
  g_clear_pointer (&body, g_free);
  g_assert_cmpuint (authorize_status (session, standin, registered, &body), ==, SOUP_STATUS_FOUND);

  /* The app's sign-in on that port gets through. */
  oauth = hd_oauth_new (hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin), port,
                        "/OauthRedirect");
  auth = hd_sf_auth_new (oauth, store);
  hd_sf_auth_sign_in_async (auth, check_open, registered, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  sf_test_async_clear (&async);
}

static void
test_standin_pkce_checks (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *verifier = hd_pkce_generate_verifier ();
  g_autofree char *challenge = hd_pkce_challenge_s256 (verifier);
  g_autofree char *other = hd_pkce_generate_verifier ();
  guint status = 0;

  {
    g_autofree char *code = get_code (session, standin, challenge);
    g_autofree char *error = post_token (session, standin, code, other, &status);

    g_assert_cmpuint (status, ==, SOUP_STATUS_BAD_REQUEST);
    g_assert_cmpstr (error, ==, "invalid_request");
  }
  {
    g_autofree char *code = get_code (session, standin, challenge);
    g_autofree char *error = post_token (session, standin, code, NULL, &status);

    g_assert_cmpuint (status, ==, SOUP_STATUS_BAD_REQUEST);
    g_assert_cmpstr (error, ==, "invalid_grant");
  }
  {
    g_autofree char *code = get_code (session, standin, challenge);
    g_autofree char *ok = post_token (session, standin, code, verifier, &status);
    g_autofree char *replay = post_token (session, standin, code, verifier, &status);

    g_assert_null (ok);
    /* A code is good once. */
    g_assert_cmpuint (status, ==, SOUP_STATUS_BAD_REQUEST);
    g_assert_cmpstr (replay, ==, "invalid_grant");
  }
}

static void
never_open (const char *uri,
            gpointer    user_data)
{
  gboolean *opened = user_data;

  *opened = TRUE;
}

static void
test_insecure_login_url (void)
{
  g_autoptr(HdOAuth) oauth = hd_oauth_new ("http://login.salesforce.com", "client", 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfTokens) tokens = NULL;
  gboolean opened = FALSE;
  SfTestAsync async = { 0 };

  hd_oauth_sign_in_async (oauth, never_open, &opened, NULL, sf_test_async_cb, &async);
  tokens = hd_oauth_sign_in_finish (oauth, sf_test_async_wait (&async), &error);
  g_assert_null (tokens);
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_false (opened);
  sf_test_async_clear (&async);
}

static void
test_cancel (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfTokens) tokens = NULL;
  gboolean opened = FALSE;
  SfTestAsync async = { 0 };

  hd_oauth_sign_in_async (oauth, never_open, &opened, cancellable, sf_test_async_cb, &async);
  g_assert_true (opened);
  g_cancellable_cancel (cancellable);
  tokens = hd_oauth_sign_in_finish (oauth, sf_test_async_wait (&async), &error);
  g_assert_null (tokens);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  sf_test_async_clear (&async);
}

static void
refresh_sync (HdSfAuth  *auth,
              GError   **error)
{
  SfTestAsync async = { 0 };
  g_autofree char *stale = g_strdup (hd_sf_auth_peek_access_token (auth));

  hd_sf_auth_refresh_async (auth, stale, NULL, sf_test_async_cb, &async);
  hd_sf_auth_refresh_finish (auth, sf_test_async_wait (&async), error);
  sf_test_async_clear (&async);
}

static void
test_refresh_rotation (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_keyring_token_store_new ();
  g_autoptr(HdSfAuth) auth = NULL;
  g_autoptr(HdSfTokens) before = NULL;
  g_autoptr(HdSfTokens) after = NULL;
  g_autoptr(GError) error = NULL;

  hd_sf_standin_set_rotate_refresh_tokens (standin, TRUE);
  auth = sf_test_new_signed_in_auth (standin, store);
  before = keyring_lookup (store, standin);

  hd_sf_standin_expire_access_tokens (standin);
  refresh_sync (auth, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (standin), ==, 1);

  /* The rotated refresh token replaced the old one in the keyring. */
  after = keyring_lookup (store, standin);
  g_assert_cmpstr (after->refresh_token, !=, before->refresh_token);
  g_assert_cmpstr (after->access_token, ==, hd_sf_auth_peek_access_token (auth));
  g_assert_false (hd_sf_standin_is_token_live (standin, before->refresh_token));
  g_assert_true (hd_sf_standin_is_token_live (standin, after->refresh_token));
  g_assert_false (sf_test_tree_contains (sf_test_root, after->refresh_token, NULL));

  sign_out (auth);
}

static void
test_refresh_no_rotation (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfTokens) before = NULL;
  g_autoptr(HdSfTokens) after = NULL;

  before = keyring_lookup (store, standin);
  hd_sf_standin_expire_access_tokens (standin);
  refresh_sync (auth, &error);
  g_assert_no_error (error);
  /* Without rotation the answer has no refresh token: ours is kept. */
  after = keyring_lookup (store, standin);
  g_assert_cmpstr (after->refresh_token, ==, before->refresh_token);
  g_assert_cmpstr (after->access_token, !=, before->access_token);
}

static void
on_signed_out_cb (HdSfAuth   *auth,
                  const char *message,
                  gpointer    user_data)
{
  char **out = user_data;

  *out = g_strdup (message);
}

static gboolean
store_is_empty (gpointer data)
{
  return hd_memory_token_store_get_n_items (data) == 0;
}

static void
test_invalid_grant_signs_out (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_signal_connect (auth, "signed-out", G_CALLBACK (on_signed_out_cb), &message);
  hd_sf_standin_revoke_all (standin);
  g_test_expect_message ("hd-sf-auth", G_LOG_LEVEL_MESSAGE, "*refused the refresh token*");
  refresh_sync (auth, &error);
  g_test_assert_expected_messages ();
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_false (hd_sf_auth_get_signed_in (auth));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Sign in again"));
  g_assert_true (hd_test_wait_until (store_is_empty, store, 5000));
}

static void
test_keyring_unavailable (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(GError) error = NULL;
  SfTestAsync async = { 0 };

  hd_memory_token_store_set_fail (HD_MEMORY_TOKEN_STORE (store), TRUE);
  hd_sf_auth_sign_in_async (auth, hd_demo_browser_open_uri, NULL, NULL, sf_test_async_cb, &async);
  g_assert_false (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_false (hd_sf_auth_get_signed_in (auth));
  sf_test_async_clear (&async);

  /* The tokens that could not be kept safely are revoked. */
  HD_TEST_WAIT_UNTIL (hd_sf_standin_get_n_revocations (standin) > 0, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_revocations (standin), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sf_test_root = hd_test_init_xdg ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/oauth/new", test_new);
  g_test_add_func ("/hd/oauth/pkce-sign-in", test_pkce_sign_in);
  g_test_add_func ("/hd/oauth/state-mismatch", test_state_mismatch);
  g_test_add_func ("/hd/oauth/denied", test_denied);
  g_test_add_func ("/hd/oauth/standin-pkce-checks", test_standin_pkce_checks);
  g_test_add_func ("/hd/oauth/callback-url", test_callback_url);
  g_test_add_func ("/hd/oauth/insecure-login-url", test_insecure_login_url);
  g_test_add_func ("/hd/oauth/cancel", test_cancel);
  g_test_add_func ("/hd/oauth/refresh-rotation", test_refresh_rotation);
  g_test_add_func ("/hd/oauth/refresh-no-rotation", test_refresh_no_rotation);
  g_test_add_func ("/hd/oauth/invalid-grant-signs-out", test_invalid_grant_signs_out);
  g_test_add_func ("/hd/oauth/keyring-unavailable", test_keyring_unavailable);

  ret = g_test_run ();
  hd_test_rm_rf (sf_test_root);
  return ret;
}
