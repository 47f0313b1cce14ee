/* hd-sf-auth.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-oauth.h"
#include "hd-token-store.h"

G_BEGIN_DECLS

/* The agent's Salesforce session: who is signed in, the current tokens
 * (kept in memory and in the HdTokenStore, nowhere else), refresh with
 * rotation, and sign-out.
 *
 * Properties (read-only, notify on change):
 *   "signed-in"     gboolean
 *   "identity"      HdSfIdentity (boxed), NULL when signed out
 *   "display-name"  the signed-in user's name, NULL when signed out
 *   "busy"          a sign-in, restore, refresh or sign-out is running
 * Signals:
 *   "signed-out" (const char *message)  the session ended without the agent
 *                asking (refresh answered invalid_grant); @message says so
 *                in words for a banner or toast. */

#define HD_TYPE_SF_AUTH (hd_sf_auth_get_type ())
G_DECLARE_FINAL_TYPE (HdSfAuth, hd_sf_auth, HD, SF_AUTH, GObject)

HdSfAuth           *hd_sf_auth_new               (HdOAuth             *oauth,
                                                  HdTokenStore        *store);
HdOAuth            *hd_sf_auth_get_oauth         (HdSfAuth            *self);
gboolean            hd_sf_auth_get_signed_in     (HdSfAuth            *self);
const HdSfIdentity *hd_sf_auth_get_identity      (HdSfAuth            *self);
const char         *hd_sf_auth_get_display_name  (HdSfAuth            *self);
const char         *hd_sf_auth_get_instance_url  (HdSfAuth            *self);
/* The signed-in org and user ids (also known offline), or NULL. */
const char         *hd_sf_auth_get_org_id        (HdSfAuth            *self);
const char         *hd_sf_auth_get_user_id       (HdSfAuth            *self);
gboolean            hd_sf_auth_get_busy          (HdSfAuth            *self);

/* At start-up: looks up a stored session in the keyring, checks it with the
 * identity URL (refreshing once if the access token expired) and signs in
 * silently.  Returns FALSE without an error when nothing is stored. */
void                hd_sf_auth_restore_async     (HdSfAuth            *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            hd_sf_auth_restore_finish    (HdSfAuth            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* The interactive PKCE sign-in (see hd_oauth_sign_in_async ()), then the
 * tokens go to the keyring (if that fails, the new tokens are revoked and
 * the sign-in fails with the keyring's HD_ERROR_AUTH message), then the
 * identity is fetched. */
void                hd_sf_auth_sign_in_async     (HdSfAuth            *self,
                                                  HdOAuthOpenUriFunc   open_uri,
                                                  gpointer             open_uri_data,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            hd_sf_auth_sign_in_finish    (HdSfAuth            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Revokes the refresh token (or the access token when there is none),
 * removes the keyring item and forgets the session.  Forgets it even when
 * revoking fails (offline): the error then says the token may still be
 * valid until it expires. */
void                hd_sf_auth_sign_out_async    (HdSfAuth            *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            hd_sf_auth_sign_out_finish   (HdSfAuth            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* For HdSfClient: the access token now (a secret: never log it). */
const char         *hd_sf_auth_peek_access_token (HdSfAuth            *self);
/* Refreshes after @stale_access_token was refused.  Concurrent callers share
 * one refresh; when the token already changed, completes at once.  On
 * invalid_grant the session ends ("signed-out") and this fails with
 * HD_ERROR_AUTH. */
void                hd_sf_auth_refresh_async     (HdSfAuth            *self,
                                                  const char          *stale_access_token,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean            hd_sf_auth_refresh_finish    (HdSfAuth            *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
