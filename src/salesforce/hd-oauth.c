/* hd-oauth.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-oauth"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-oauth.h"
#include "hd-pkce.h"
#include "hd-sf-errors.h"
#include "hd-sf-util.h"

struct _HdOAuth
{
  GObject      parent_instance;
  char        *login_url;      /* without a trailing slash */
  char        *client_id;
  char        *scope;
  char        *redirect_path;
  guint        redirect_port;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (HdOAuth, hd_oauth, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (HdSfIdentity, hd_sf_identity, hd_sf_identity_copy, hd_sf_identity_free)

HdSfIdentity *
hd_sf_identity_copy (const HdSfIdentity *identity)
{
  HdSfIdentity *copy = g_new0 (HdSfIdentity, 1);

  copy->org_id = g_strdup (identity->org_id);
  copy->user_id = g_strdup (identity->user_id);
  copy->username = g_strdup (identity->username);
  copy->display_name = g_strdup (identity->display_name);
  copy->email = g_strdup (identity->email);
  return copy;
}

void
hd_sf_identity_free (HdSfIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->org_id);
  g_free (identity->user_id);
  g_free (identity->username);
  g_free (identity->display_name);
  g_free (identity->email);
  g_free (identity);
}

static void
hd_oauth_finalize (GObject *object)
{
  HdOAuth *self = HD_OAUTH (object);

  g_free (self->login_url);
  g_free (self->client_id);
  g_free (self->scope);
  g_free (self->redirect_path);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (hd_oauth_parent_class)->finalize (object);
}

static void
hd_oauth_class_init (HdOAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_oauth_finalize;
}

static void
hd_oauth_init (HdOAuth *self)
{
  self->session = soup_session_new_with_options ("timeout", 30, "user-agent", "HandoffDesk/" PACKAGE_VERSION, NULL);
  self->scope = g_strdup ("api refresh_token");
}

HdOAuth *
hd_oauth_new (const char *login_url,
              const char *client_id,
              guint       redirect_port,
              const char *redirect_path)
{
  HdOAuth *self;

  g_return_val_if_fail (login_url != NULL, NULL);
  g_return_val_if_fail (client_id != NULL, NULL);

  self = g_object_new (HD_TYPE_OAUTH, NULL);
  self->login_url = g_strdup (login_url);
  while (g_str_has_suffix (self->login_url, "/"))
    self->login_url[strlen (self->login_url) - 1] = '\0';
  self->client_id = g_strdup (client_id);
  self->redirect_port = redirect_port;
  self->redirect_path = g_strdup (redirect_path != NULL && *redirect_path == '/' ? redirect_path : "/OauthRedirect");
  return self;
}

const char *
hd_oauth_get_login_url (HdOAuth *self)
{
  g_return_val_if_fail (HD_IS_OAUTH (self), NULL);
  return self->login_url;
}

const char *
hd_oauth_get_client_id (HdOAuth *self)
{
  g_return_val_if_fail (HD_IS_OAUTH (self), NULL);
  return self->client_id;
}

void
hd_oauth_set_scope (HdOAuth    *self,
                    const char *scope)
{
  g_return_if_fail (HD_IS_OAUTH (self));
  g_free (self->scope);
  self->scope = g_strdup (scope);
}

char *
hd_oauth_dup_callback_url (HdOAuth *self)
{
  g_return_val_if_fail (HD_IS_OAUTH (self), NULL);

  if (self->redirect_port == 0)
    return g_strdup_printf ("http://localhost:PORT%s", self->redirect_path);
  return g_strdup_printf ("http://localhost:%u%s", self->redirect_port, self->redirect_path);
}

/* --- token endpoint --- */

static SoupMessage *
new_form_post (HdOAuth    *self,
               const char *path,
               GHashTable *form)
{
  g_autofree char *url = g_strconcat (self->login_url, path, NULL);
  g_autofree char *encoded = soup_form_encode_hash (form);
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&encoded), strlen (encoded));
  SoupMessage *msg = soup_message_new (SOUP_METHOD_POST, url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  return msg;
}

static GError *
oauth_error_from_answer (SoupMessage *msg,
                         GBytes      *body,
                         gboolean     refresh)
{
  g_autofree char *code = NULL;
  g_autofree char *description = NULL;
  guint status = soup_message_get_status (msg);

  if (hd_sf_parse_oauth_error (body, &code, &description))
    {
      g_autofree char *message = hd_sf_oauth_refusal_message (code, description, refresh);

      /* A refresh refused for a reason retrying cannot fix (the token is
       * gone, the app or the user is blocked) ends the session; any other
       * refusal of a refresh may pass (SALESFORCE.md §2.5, docs/salesforce.md
       * "Transient and permanent errors"). */
      if (refresh && !hd_sf_oauth_error_ends_session (code))
        return g_error_new_literal (HD_ERROR, HD_ERROR_HTTP, message);
      return g_error_new_literal (HD_ERROR, HD_ERROR_AUTH, message);
    }
  return g_error_new (HD_ERROR, HD_ERROR_HTTP, _("Salesforce’s sign-in service answered %u"), status);
}

typedef struct
{
  SoupMessage *msg;
  gboolean     refresh;
} TokenCall;

static void
token_call_free (TokenCall *call)
{
  g_clear_object (&call->msg);
  g_free (call);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  TokenCall *call = g_task_get_task_data (task);
  HdSfTokens *tokens;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (soup_message_get_status (call->msg) != SOUP_STATUS_OK)
    g_task_return_error (task, oauth_error_from_answer (call->msg, body, call->refresh));
  else if (!(tokens = hd_sf_tokens_parse (body, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) hd_sf_tokens_free);
}

static void
post_token (HdOAuth      *self,
            GHashTable   *form,
            gboolean      refresh,
            GTask        *task)
{
  TokenCall *call = g_new0 (TokenCall, 1);

  call->msg = new_form_post (self, "/services/oauth2/token", form);
  call->refresh = refresh;
  g_task_set_task_data (task, call, (GDestroyNotify) token_call_free);
  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), token_cb, task);
}

void
hd_oauth_refresh_async (HdOAuth             *self,
                        const char          *refresh_token,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task;

  g_return_if_fail (HD_IS_OAUTH (self));
  g_return_if_fail (refresh_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_oauth_refresh_async);
  g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "refresh_token");
  g_hash_table_insert (form, (gpointer) "refresh_token", (gpointer) refresh_token);
  g_hash_table_insert (form, (gpointer) "client_id", self->client_id);
  g_hash_table_insert (form, (gpointer) "format", (gpointer) "json");
  post_token (self, form, TRUE, task);
}

HdSfTokens *
hd_oauth_refresh_finish (HdOAuth       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- sign-in --- */

typedef struct
{
  HdOAuth     *self;           /* owned */
  SoupServer  *server;         /* owned; listening while waiting */
  char        *verifier;
  char        *state;
  char        *redirect_uri;
  gulong       cancel_id;
  gboolean     answered;       /* the redirect came; code exchange under way */
  GError      *error;          /* an error callback, returned once the page is sent */
} SignIn;

static void
sign_in_stop_server (SignIn *sign_in)
{
  if (sign_in->server != NULL)
    {
      soup_server_disconnect (sign_in->server);
      g_clear_object (&sign_in->server);
    }
}

static void
sign_in_free (SignIn *sign_in)
{
  sign_in_stop_server (sign_in);
  g_clear_object (&sign_in->self);
  g_free (sign_in->verifier);
  g_free (sign_in->state);
  g_free (sign_in->redirect_uri);
  g_clear_error (&sign_in->error);
  g_free (sign_in);
}

static void
answer_browser (SoupServerMessage *msg,
                guint              status,
                const char        *heading,
                const char        *text)
{
  g_autofree char *escaped_heading = g_markup_escape_text (heading, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                           "<title>HandoffDesk</title></head>"
                                           "<body style=\"font-family: sans-serif; margin: 3em\">"
                                           "<h1>%s</h1><p>%s</p></body></html>\n",
                                           escaped_heading, escaped_text);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, page, strlen (page));
}

static void
exchange_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfTokens *tokens;

  /* The browser has had its page by now; stop listening. */
  sign_in_stop_server (g_task_get_task_data (task));

  if (!(tokens = hd_oauth_refresh_finish (HD_OAUTH (object), result, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) hd_sf_tokens_free);
}

static gboolean
return_error_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);

  g_task_return_error (task, g_steal_pointer (&sign_in->error));
  g_object_unref (task);   /* the handler's reference */
  return G_SOURCE_REMOVE;
}

static void
page_sent_cb (SoupServerMessage *msg,
              gpointer           user_data)
{
  g_signal_handlers_disconnect_by_func (msg, page_sent_cb, user_data);
  g_idle_add (return_error_idle_cb, user_data);
}

static void
redirect_handler (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  GTask *task = user_data;   /* held by the sign-in until it completes */
  SignIn *sign_in = g_task_get_task_data (task);
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *error_code = query != NULL ? g_hash_table_lookup (query, "error") : NULL;
  const char *error_description = query != NULL ? g_hash_table_lookup (query, "error_description") : NULL;
  g_autoptr(GHashTable) form = NULL;
  GTask *exchange;

  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }
  if (sign_in->answered)
    {
      answer_browser (msg, SOUP_STATUS_OK, _("Already signed in"), _("You can close this tab."));
      return;
    }
  /* A redirect that does not carry our state is not ours (CSRF, or a stale
   * tab): refuse it and keep waiting for the right one. */
  if (!hd_pkce_equal (state, sign_in->state))
    {
      g_message ("Ignoring a sign-in redirect with a wrong state");
      answer_browser (msg, SOUP_STATUS_BAD_REQUEST, _("Sign-in failed"),
                      _("This sign-in link is not the one HandoffDesk started. Close this tab and sign in again from HandoffDesk."));
      return;
    }

  sign_in->answered = TRUE;
  if (error_code != NULL || code == NULL)
    {
      answer_browser (msg, SOUP_STATUS_OK, _("Sign-in failed"),
                      _("Salesforce did not sign you in. You can close this tab and try again from HandoffDesk."));
      sign_in->error = g_error_new (HD_ERROR, HD_ERROR_AUTH, _("Salesforce did not sign you in (%s: %s)"),
                                    error_code != NULL ? error_code : "no_code",
                                    error_description != NULL ? error_description : "");
      /* Fail only once the browser has its page: failing stops the server. */
      g_signal_connect (msg, "finished", G_CALLBACK (page_sent_cb), task);
      return;
    }

  answer_browser (msg, SOUP_STATUS_OK, _("Signed in to HandoffDesk"),
                  _("You can close this tab and go back to HandoffDesk."));

  form = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (form, (gpointer) "grant_type", (gpointer) "authorization_code");
  g_hash_table_insert (form, (gpointer) "code", (gpointer) code);
  g_hash_table_insert (form, (gpointer) "client_id", sign_in->self->client_id);
  g_hash_table_insert (form, (gpointer) "redirect_uri", sign_in->redirect_uri);
  g_hash_table_insert (form, (gpointer) "code_verifier", sign_in->verifier);
  g_hash_table_insert (form, (gpointer) "format", (gpointer) "json");

  /* The exchange is an inner task whose result completes the outer one. */
  exchange = g_task_new (sign_in->self, g_task_get_cancellable (task), exchange_cb, task);
  g_task_set_source_tag (exchange, hd_oauth_refresh_async);
  post_token (sign_in->self, form, FALSE, exchange);
}

static void
sign_in_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *sign_in = g_task_get_task_data (task);

  if (sign_in->answered)
    return;   /* the exchange owns the task now and sees the cancellable itself */
  sign_in->answered = TRUE;
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
}

static gboolean
sign_in_cancel_idle_cb (gpointer user_data)
{
  GTask *task = user_data;

  sign_in_cancelled_cb (g_task_get_cancellable (task), task);
  return G_SOURCE_REMOVE;
}

static void
on_cancelled_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  /* "cancelled" may fire in another thread, or inside g_cancellable_cancel ()
   * where g_cancellable_disconnect () would deadlock: finish from an idle
   * on the task's context. */
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, sign_in_cancel_idle_cb, g_object_ref (user_data), g_object_unref);
  g_source_attach (source, g_task_get_context (G_TASK (user_data)));
}

void
hd_oauth_sign_in_async (HdOAuth             *self,
                        HdOAuthOpenUriFunc   open_uri,
                        gpointer             open_uri_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) authorize = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *query = NULL;
  g_autofree char *authorize_url = NULL;
  g_autoptr(GHashTable) params = NULL;
  GSList *uris;
  guint port = 0;
  SignIn *sign_in;

  g_return_if_fail (HD_IS_OAUTH (self));
  g_return_if_fail (open_uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_oauth_sign_in_async);

  if (!hd_sf_check_uri (self->login_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (*self->client_id == '\0')
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                               _("No Salesforce client id is configured; set it in Preferences"));
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->self = g_object_ref (self);
  sign_in->verifier = hd_pkce_generate_verifier ();
  sign_in->state = hd_pkce_generate_state ();
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);

  sign_in->server = soup_server_new ("server-header", "HandoffDesk", NULL);
  /* Both loopback addresses: the browser resolves "localhost" to either. */
  if (!soup_server_listen_local (sign_in->server, self->redirect_port, 0, &error))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                               _("Could not listen for the sign-in on localhost port %u (%s); is another sign-in open?"),
                               self->redirect_port, error->message);
      return;
    }
  uris = soup_server_get_uris (sign_in->server);
  if (uris != NULL)
    port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* Salesforce accepts an http callback URL on "localhost" (the form its
   * documentation and the Salesforce CLI use) and matches it exactly; the
   * IP literal RFC 8252 prefers is refused with redirect_uri_mismatch
   * (docs/salesforce.md, "Set up your org"). */
  sign_in->redirect_uri = g_strdup_printf ("http://localhost:%u%s", port, self->redirect_path);
  soup_server_add_handler (sign_in->server, self->redirect_path, redirect_handler, task, NULL);

  challenge = hd_pkce_challenge_s256 (sign_in->verifier);
  params = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (params, (gpointer) "response_type", (gpointer) "code");
  g_hash_table_insert (params, (gpointer) "client_id", self->client_id);
  g_hash_table_insert (params, (gpointer) "redirect_uri", sign_in->redirect_uri);
  g_hash_table_insert (params, (gpointer) "code_challenge", challenge);
  g_hash_table_insert (params, (gpointer) "code_challenge_method", (gpointer) "S256");
  g_hash_table_insert (params, (gpointer) "scope", self->scope);
  g_hash_table_insert (params, (gpointer) "state", sign_in->state);
  g_hash_table_insert (params, (gpointer) "prompt", (gpointer) "login");
  query = soup_form_encode_hash (params);
  authorize_url = g_strconcat (self->login_url, "/services/oauth2/authorize?", query, NULL);

  if (cancellable != NULL)
    sign_in->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb),
                                                g_object_ref (task), g_object_unref);

  /* The handler holds a reference until the redirect (or cancellation)
   * completes the task. */
  open_uri (authorize_url, open_uri_data);
  g_steal_pointer (&task);
}

HdSfTokens *
hd_oauth_sign_in_finish (HdOAuth       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SignIn *sign_in;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  sign_in = g_task_get_task_data (G_TASK (result));
  if (sign_in != NULL)
    {
      if (sign_in->cancel_id != 0)
        g_cancellable_disconnect (g_task_get_cancellable (G_TASK (result)), sign_in->cancel_id);
      sign_in->cancel_id = 0;
      sign_in_stop_server (sign_in);
    }
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- revoke --- */

static void
revoke_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg = g_task_get_task_data (task);

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    g_task_return_error (task, oauth_error_from_answer (msg, body, FALSE));
  else
    g_task_return_boolean (task, TRUE);
}

void
hd_oauth_revoke_async (HdOAuth             *self,
                       const char          *token,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  GTask *task;
  SoupMessage *msg;

  g_return_if_fail (HD_IS_OAUTH (self));
  g_return_if_fail (token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_oauth_revoke_async);
  g_hash_table_insert (form, (gpointer) "token", (gpointer) token);
  msg = new_form_post (self, "/services/oauth2/revoke", form);
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, revoke_cb, task);
}

gboolean
hd_oauth_revoke_finish (HdOAuth       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- identity --- */

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static void
identity_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *msg = g_task_get_task_data (task);
  guint status;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object_;
  HdSfIdentity *identity;
  gsize size;
  const char *data;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  status = soup_message_get_status (msg);
  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("Salesforce refused the session (%u)"), status);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_HTTP, _("The identity service answered %u"), status);
      return;
    }
  data = g_bytes_get_data (body, &size);
  if (data == NULL || (root = hd_bounded_json_parse (data, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("The identity service sent malformed JSON"));
      return;
    }
  object_ = json_node_get_object (root);
  identity = g_new0 (HdSfIdentity, 1);
  identity->org_id = dup_member (object_, "organization_id");
  identity->user_id = dup_member (object_, "user_id");
  identity->username = dup_member (object_, "username");
  identity->display_name = dup_member (object_, "display_name");
  identity->email = dup_member (object_, "email");
  if (identity->user_id == NULL || identity->org_id == NULL)
    {
      hd_sf_identity_free (identity);
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("The identity service did not name the user"));
      return;
    }
  if (identity->display_name == NULL)
    identity->display_name = g_strdup (identity->username != NULL ? identity->username : identity->user_id);
  g_task_return_pointer (task, identity, (GDestroyNotify) hd_sf_identity_free);
}

void
hd_oauth_fetch_identity_async (HdOAuth             *self,
                               const HdSfTokens    *tokens,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bearer = NULL;
  SoupMessage *msg;

  g_return_if_fail (HD_IS_OAUTH (self));
  g_return_if_fail (tokens != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_oauth_fetch_identity_async);
  if (!hd_sf_check_uri (tokens->id_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  msg = soup_message_new (SOUP_METHOD_GET, tokens->id_url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("The identity URL is not valid"));
      return;
    }
  bearer = g_strconcat ("Bearer ", tokens->access_token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    identity_cb, g_steal_pointer (&task));
}

HdSfIdentity *
hd_oauth_fetch_identity_finish (HdOAuth       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
