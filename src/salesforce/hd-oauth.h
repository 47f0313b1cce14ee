/* hd-oauth.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "hd-sf-tokens.h"

G_BEGIN_DECLS

/* Salesforce OAuth 2.0 for a public client: the web-server flow with PKCE
 * (S256) and a loopback redirect (RFC 8252), refresh, revoke and the
 * identity URL.  No state is kept between calls: HdSfAuth holds the
 * session.  The login URL must be https (or loopback, for the stand-in). */

typedef struct
{
  char *org_id;
  char *user_id;
  char *username;
  char *display_name;
  char *email;
} HdSfIdentity;

#define HD_TYPE_SF_IDENTITY (hd_sf_identity_get_type ())
GType         hd_sf_identity_get_type (void) G_GNUC_CONST;
HdSfIdentity *hd_sf_identity_copy     (const HdSfIdentity *identity);
void          hd_sf_identity_free     (HdSfIdentity       *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSfIdentity, hd_sf_identity_free)

/* Opens @uri in a browser.  The app passes a function calling
 * gtk_show_uri () or g_app_info_launch_default_for_uri (); tests and --demo
 * pass hd_demo_browser_open_uri (src/demo/hd-demo-browser.h). */
typedef void (*HdOAuthOpenUriFunc) (const char *uri,
                                    gpointer    user_data);

#define HD_TYPE_OAUTH (hd_oauth_get_type ())
G_DECLARE_FINAL_TYPE (HdOAuth, hd_oauth, HD, OAUTH, GObject)

/* @redirect_port: 0 picks a free port (tests); the app uses the fixed port
 * registered with the External Client App (setting
 * "salesforce-redirect-port"), and @redirect_path ("/OauthRedirect"). */
HdOAuth     *hd_oauth_new                   (const char          *login_url,
                                             const char          *client_id,
                                             guint                redirect_port,
                                             const char          *redirect_path);
const char  *hd_oauth_get_login_url         (HdOAuth             *self);
const char  *hd_oauth_get_client_id         (HdOAuth             *self);
/* "api refresh_token" by default. */
void         hd_oauth_set_scope             (HdOAuth             *self,
                                             const char          *scope);
/* The callback URL the External Client App must list,
 * "http://localhost:46721/OauthRedirect" (PORT for a port picked at
 * sign-in). */
char        *hd_oauth_dup_callback_url      (HdOAuth             *self);

/* Starts the loopback listener (127.0.0.1 and ::1; the redirect_uri is
 * http://localhost:PORT/PATH, the form Salesforce accepts), builds the authorize URL
 * (response_type=code, client_id, redirect_uri, code_challenge,
 * code_challenge_method=S256, scope, state, prompt=login), calls @open_uri
 * with it, waits for the redirect, checks `state`, answers the browser with
 * a small page, exchanges the code (with the code_verifier) and returns the
 * tokens.  Errors: HD_ERROR_AUTH (denied, state mismatch, invalid grant,
 * port busy, insecure URL), HD_ERROR_HTTP, G_IO_ERROR_CANCELLED. */
void         hd_oauth_sign_in_async         (HdOAuth             *self,
                                             HdOAuthOpenUriFunc   open_uri,
                                             gpointer             open_uri_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
HdSfTokens  *hd_oauth_sign_in_finish        (HdOAuth             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* grant_type=refresh_token.  The answer's refresh_token is NULL unless the
 * app rotates refresh tokens.  A refusal retrying cannot fix
 * (hd_sf_oauth_error_ends_session (): invalid_grant, invalid_client,
 * unauthorized_client, unsupported_grant_type, inactive_user, inactive_org)
 * fails with HD_ERROR_AUTH and a message for the agent saying what to do
 * (sign the agent out); anything else (network, 5xx, other codes) with
 * HD_ERROR_HTTP or a GIOError (transient: keep the tokens). */
void         hd_oauth_refresh_async         (HdOAuth             *self,
                                             const char          *refresh_token,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
HdSfTokens  *hd_oauth_refresh_finish        (HdOAuth             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* POST /services/oauth2/revoke.  Revoking the refresh token also revokes
 * the access tokens issued from it. */
void         hd_oauth_revoke_async          (HdOAuth             *self,
                                             const char          *token,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     hd_oauth_revoke_finish         (HdOAuth             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* GET the identity URL with the access token. */
void          hd_oauth_fetch_identity_async  (HdOAuth             *self,
                                              const HdSfTokens    *tokens,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
HdSfIdentity *hd_oauth_fetch_identity_finish (HdOAuth             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
