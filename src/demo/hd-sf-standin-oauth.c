/* hd-sf-standin-oauth.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-sf-standin-private.h"

/* The OAuth 2.0 endpoints: authorize (PKCE S256), token (code and refresh
 * grants, optional rotation), revoke and the identity URL.
 *
 * PKCE S256 and base64url are computed here rather than with
 * src/salesforce/hd-pkce.c on purpose: the stand-in is the independent
 * oracle the client's PKCE is checked against, so it must not share that
 * code. */

char *
_hd_sf_standin_random_token (guint n_bytes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  for (guint i = 0; i < n_bytes; i++)
    g_string_append_c (out, alphabet[g_random_int_range (0, sizeof alphabet - 1)]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
_hd_sf_standin_new_secret (const char *prefix,
                           guint       n_bytes,
                           const char *suffix)
{
  g_autofree char *middle = _hd_sf_standin_random_token (n_bytes);

  return g_strconcat (prefix, middle, suffix, NULL);
}

static char *
sha256_base64url (const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  char *encoded;
  char *out;

  g_checksum_update (checksum, (const guchar *) text, strlen (text));
  g_checksum_get_digest (checksum, digest, &len);
  encoded = g_base64_encode (digest, len);
  out = encoded;
  for (char *p = encoded; *p != '\0'; p++)
    if (*p != '=')
      *out++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
  *out = '\0';
  return encoded;
}

/* --- OAuth endpoints --- */

static char *
add_query (const char *uri,
           const char *name1,
           const char *value1,
           const char *name2,
           const char *value2)
{
  g_autofree char *e1 = g_uri_escape_string (value1, NULL, FALSE);
  g_autofree char *e2 = value2 != NULL ? g_uri_escape_string (value2, NULL, FALSE) : NULL;

  return g_strdup_printf ("%s%s%s=%s%s%s%s%s", uri, strchr (uri, '?') != NULL ? "&" : "?", name1, e1,
                          e2 != NULL ? "&" : "", e2 != NULL ? name2 : "", e2 != NULL ? "=" : "",
                          e2 != NULL ? e2 : "");
}

static void
redirect_to (SoupServerMessage *msg,
             const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

#define REDIRECT_MISMATCH "error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration"

/* The External Client App's callback URLs: those set_callback_urls ()
 * registered, compared exactly; by default the demo's own,
 * http://localhost:<port>/OauthRedirect, on any port, because the tests
 * and the demo listen on a port the system picks.  Host, scheme and path
 * are compared exactly either way, so http://127.0.0.1:… is refused as
 * Salesforce refuses it. */
static gboolean
callback_registered (HdSfStandin *self,
                     const char  *redirect_uri)
{
  const char * const *registered = g_object_get_data (G_OBJECT (self), "hd-callback-urls");
  g_autoptr(GUri) redirect = NULL;

  if (redirect_uri == NULL)
    return FALSE;
  if (registered != NULL)
    return g_strv_contains (registered, redirect_uri);
  redirect = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
  return redirect != NULL && g_strcmp0 (g_uri_get_scheme (redirect), "http") == 0 &&
         g_strcmp0 (g_uri_get_host (redirect), "localhost") == 0 && g_uri_get_port (redirect) > 0 &&
         g_strcmp0 (g_uri_get_path (redirect), "/OauthRedirect") == 0 && g_uri_get_query (redirect) == NULL &&
         g_uri_get_userinfo (redirect) == NULL && g_uri_get_fragment (redirect) == NULL;
}

void
hd_sf_standin_set_callback_urls (HdSfStandin        *self,
                                 const char * const *urls)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));

  g_object_set_data_full (G_OBJECT (self), "hd-callback-urls", g_strdupv ((char **) urls),
                          (GDestroyNotify) g_strfreev);
}

void
_hd_sf_standin_authorize_handler (SoupServer        *server,
                                  SoupServerMessage *msg,
                                  const char        *path,
                                  GHashTable        *query,
                                  gpointer           user_data)
{
  HdSfStandin *self = user_data;
  const char *client_id = query != NULL ? g_hash_table_lookup (query, "client_id") : NULL;
  const char *redirect_uri = query != NULL ? g_hash_table_lookup (query, "redirect_uri") : NULL;
  const char *response_type = query != NULL ? g_hash_table_lookup (query, "response_type") : NULL;
  const char *challenge = query != NULL ? g_hash_table_lookup (query, "code_challenge") : NULL;
  const char *method = query != NULL ? g_hash_table_lookup (query, "code_challenge_method") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  g_autofree char *location = NULL;
  g_autofree char *code = NULL;
  AuthCode *auth;

  if (g_strcmp0 (client_id, self->client_id) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "error=invalid_client_id", 23);
      return;
    }
  /* Salesforce compares redirect_uri with the app's callback URLs
   * character for character and, on a mismatch, shows an error page
   * instead of redirecting (the redirect is not trusted). */
  if (!callback_registered (self, redirect_uri))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_REQUEST, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC,
                                        REDIRECT_MISMATCH, strlen (REDIRECT_MISMATCH));
      return;
    }
  if (g_strcmp0 (response_type, "code") != 0)
    {
      location = add_query (redirect_uri, "error", "unsupported_response_type", "state", state);
      redirect_to (msg, location);
      return;
    }
  if (challenge == NULL || (method != NULL && g_strcmp0 (method, "S256") != 0))
    {
      g_autofree char *with_error = add_query (redirect_uri, "error", "invalid_request", "error_description",
                                               "missing or unsupported code challenge");

      location = state != NULL ? add_query (with_error, "state", state, NULL, NULL) : g_strdup (with_error);
      redirect_to (msg, location);
      return;
    }

  code = _hd_sf_standin_new_secret ("aPrx", 40, "==");
  auth = g_new0 (AuthCode, 1);
  auth->challenge = g_strdup (challenge);
  auth->redirect_uri = g_strdup (redirect_uri);
  auth->client_id = g_strdup (client_id);
  auth->expires_us = g_get_monotonic_time () + 15 * G_USEC_PER_SEC * 60;
  g_hash_table_insert (self->codes, g_strdup (code), auth);

  location = add_query (redirect_uri, "code", code, "state", state);
  redirect_to (msg, location);
}

void
_hd_sf_standin_auth_code_free (AuthCode *auth)
{
  g_free (auth->challenge);
  g_free (auth->redirect_uri);
  g_free (auth->client_id);
  g_free (auth);
}

void
_hd_sf_standin_session_free (Session *session)
{
  g_free (session->user_id);
  g_free (session->refresh_token);
  g_free (session);
}

static void
answer_tokens (HdSfStandin       *self,
               SoupServerMessage *msg,
               const char        *refresh_token,
               gboolean           include_refresh)
{
  g_autofree char *token = _hd_sf_standin_new_secret (ORG_ID "!AR", 96, NULL);
  g_autofree char *id_url = g_strdup_printf ("%s/id/%s/%s", self->url, ORG_ID, USER_ID);
  g_autofree char *issued = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
  g_autofree char *signature = _hd_sf_standin_random_token (43);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  Session *session = g_new0 (Session, 1);

  session->user_id = g_strdup (USER_ID);
  session->issued_us = g_get_monotonic_time ();
  session->generation = self->generation;
  session->refresh_token = g_strdup (refresh_token);
  g_hash_table_insert (self->sessions, g_strdup (token), session);

  /* The fields of Salesforce's answer: no expires_in. */
  json_object_set_string_member (object, "access_token", token);
  if (include_refresh && refresh_token != NULL)
    json_object_set_string_member (object, "refresh_token", refresh_token);
  json_object_set_string_member (object, "signature", signature);
  json_object_set_string_member (object, "scope", "refresh_token api");
  json_object_set_string_member (object, "instance_url", self->url);
  json_object_set_string_member (object, "id", id_url);
  json_object_set_string_member (object, "token_type", "Bearer");
  json_object_set_string_member (object, "issued_at", issued);
  json_node_init_object (root, object);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

static GHashTable *
read_form (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

void
_hd_sf_standin_token_handler (SoupServer        *server,
                              SoupServerMessage *msg,
                              const char        *path,
                              GHashTable        *query,
                              gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  const char *grant_type;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "must use HTTP POST");
      return;
    }
  form = read_form (msg);
  grant_type = g_hash_table_lookup (form, "grant_type");

  if (g_strcmp0 (grant_type, "authorization_code") == 0)
    {
      const char *code = g_hash_table_lookup (form, "code");
      const char *verifier = g_hash_table_lookup (form, "code_verifier");
      AuthCode *auth = code != NULL ? g_hash_table_lookup (self->codes, code) : NULL;
      g_autofree char *challenge = NULL;
      g_autofree char *refresh = NULL;

      if (auth == NULL || auth->expires_us < g_get_monotonic_time ())
        {
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "invalid authorization code");
          return;
        }
      if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), auth->client_id) != 0 ||
          g_strcmp0 (g_hash_table_lookup (form, "redirect_uri"), auth->redirect_uri) != 0)
        {
          g_hash_table_remove (self->codes, code);
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "redirect_uri must match configuration");
          return;
        }
      /* SALESFORCE.md §2.2: no verifier → invalid_grant, a wrong one →
       * invalid_request.  Either way the code is spent. */
      if (verifier == NULL)
        {
          g_hash_table_remove (self->codes, code);
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "code verifier is missing");
          return;
        }
      challenge = sha256_base64url (verifier);
      if (g_strcmp0 (challenge, auth->challenge) != 0)
        {
          g_hash_table_remove (self->codes, code);
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "invalid code verifier");
          return;
        }
      g_hash_table_remove (self->codes, code);
      refresh = _hd_sf_standin_new_secret ("5Aep861", 80, NULL);
      g_hash_table_insert (self->refresh_tokens, g_strdup (refresh), g_strdup (USER_ID));
      answer_tokens (self, msg, refresh, TRUE);
      return;
    }

  if (g_strcmp0 (grant_type, "refresh_token") == 0)
    {
      const char *refresh = g_hash_table_lookup (form, "refresh_token");

      if (g_strcmp0 (g_hash_table_lookup (form, "client_id"), self->client_id) != 0)
        {
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_client_id", "client identifier invalid");
          return;
        }
      if (self->refresh_refusal != NULL)
        {
          /* The org's settings refuse every refresh (a secret required, the
           * app blocked, the user deactivated...). */
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, self->refresh_refusal,
                                          self->refresh_refusal_description);
          return;
        }
      if (refresh == NULL || !g_hash_table_contains (self->refresh_tokens, refresh))
        {
          _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant", "expired access/refresh token");
          return;
        }
      self->n_refreshes++;
      if (self->rotate)
        {
          g_autofree char *fresh = _hd_sf_standin_new_secret ("5Aep861", 80, NULL);

          g_hash_table_remove (self->refresh_tokens, refresh);
          g_hash_table_insert (self->refresh_tokens, g_strdup (fresh), g_strdup (USER_ID));
          answer_tokens (self, msg, fresh, TRUE);
        }
      else
        {
          g_autofree char *same = g_strdup (refresh);

          answer_tokens (self, msg, same, FALSE);
        }
      return;
    }

  _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type", "grant type not supported");
}

void
_hd_sf_standin_revoke_handler (SoupServer        *server,
                               SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query,
                               gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autoptr(GHashTable) form = NULL;
  const char *token;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  form = read_form (msg);
  token = g_hash_table_lookup (form, "token");
  if (token != NULL && g_hash_table_remove (self->refresh_tokens, token))
    {
      GHashTableIter iter;
      Session *session;

      /* Revoking a refresh token revokes the access tokens it issued. */
      g_hash_table_iter_init (&iter, self->sessions);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &session))
        if (g_strcmp0 (session->refresh_token, token) == 0)
          g_hash_table_iter_remove (&iter);
    }
  else if (token == NULL || !g_hash_table_remove (self->sessions, token))
    {
      _hd_sf_standin_set_oauth_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_token", "the token is not valid");
      return;
    }
  self->n_revocations++;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

Session *
_hd_sf_standin_check_bearer (HdSfStandin       *self,
                             SoupServerMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");
  Session *session;

  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    return NULL;
  session = g_hash_table_lookup (self->sessions, header + strlen ("Bearer "));
  if (session == NULL || session->generation != self->generation)
    return NULL;
  if (self->token_lifetime_ms > 0 &&
      g_get_monotonic_time () - session->issued_us > (gint64) self->token_lifetime_ms * 1000)
    return NULL;
  return session;
}

void
_hd_sf_standin_identity_handler (SoupServer        *server,
                                 SoupServerMessage *msg,
                                 const char        *path,
                                 GHashTable        *query,
                                 gpointer           user_data)
{
  HdSfStandin *self = user_data;
  g_autofree char *expected = g_strdup_printf ("/id/%s/%s", ORG_ID, USER_ID);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *urls;
  g_autofree char *id_url = NULL;
  g_autofree char *rest = NULL;

  if (_hd_sf_standin_check_bearer (self, msg) == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_FORBIDDEN, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Bad_OAuth_Token", 15);
      return;
    }
  if (g_strcmp0 (path, expected) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  id_url = g_strconcat (self->url, expected, NULL);
  rest = g_strconcat (self->url, "/services/data/v{version}/", NULL);
  object = json_object_new ();
  json_object_set_string_member (object, "id", id_url);
  json_object_set_boolean_member (object, "asserted_user", TRUE);
  json_object_set_string_member (object, "user_id", USER_ID);
  json_object_set_string_member (object, "organization_id", ORG_ID);
  json_object_set_string_member (object, "username", "asha.verma@northbridge-bank.example");
  json_object_set_string_member (object, "nick_name", "asha.verma");
  json_object_set_string_member (object, "display_name", "Asha Verma");
  json_object_set_string_member (object, "email", "asha.verma@northbridge-bank.example");
  json_object_set_boolean_member (object, "active", TRUE);
  json_object_set_string_member (object, "user_type", "STANDARD");
  json_object_set_string_member (object, "language", "en_US");
  json_object_set_string_member (object, "locale", "en_IN");
  json_object_set_int_member (object, "utcOffset", 19800000);
  urls = json_object_new ();
  json_object_set_string_member (urls, "rest", rest);
  json_object_set_object_member (object, "urls", urls);
  root = json_node_alloc ();
  json_node_init_object (root, object);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

