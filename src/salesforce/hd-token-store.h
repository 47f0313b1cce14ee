/* hd-token-store.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-sf-tokens.h"

G_BEGIN_DECLS

/* Where Salesforce tokens live.  The app uses HdKeyringTokenStore (the
 * Secret Service through libsecret, nothing else: there is no file
 * fallback); unit tests of callers may use HdMemoryTokenStore.
 *
 * Items are keyed by org id and user id.  lookup () with NULL ids finds any
 * stored session (the one the app signs in with at start-up); it returns
 * NULL without an error when there is none.  Every failure to reach the
 * keyring (no Secret Service, locked and not unlocked, D-Bus error) is an
 * HD_ERROR_AUTH error with a message for the agent. */

#define HD_TYPE_TOKEN_STORE (hd_token_store_get_type ())
G_DECLARE_INTERFACE (HdTokenStore, hd_token_store, HD, TOKEN_STORE, GObject)

struct _HdTokenStoreInterface
{
  GTypeInterface parent_iface;

  void        (*store_async)   (HdTokenStore        *self,
                                const HdSfTokens    *tokens,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
  gboolean    (*store_finish)  (HdTokenStore        *self,
                                GAsyncResult        *result,
                                GError             **error);
  void        (*lookup_async)  (HdTokenStore        *self,
                                const char          *org_id,
                                const char          *user_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
  HdSfTokens *(*lookup_finish) (HdTokenStore        *self,
                                GAsyncResult        *result,
                                GError             **error);
  void        (*clear_async)   (HdTokenStore        *self,
                                const char          *org_id,
                                const char          *user_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
  gboolean    (*clear_finish)  (HdTokenStore        *self,
                                GAsyncResult        *result,
                                GError             **error);
};

void        hd_token_store_store_async   (HdTokenStore        *self,
                                          const HdSfTokens    *tokens,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    hd_token_store_store_finish  (HdTokenStore        *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        hd_token_store_lookup_async  (HdTokenStore        *self,
                                          const char          *org_id,
                                          const char          *user_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
HdSfTokens *hd_token_store_lookup_finish (HdTokenStore        *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        hd_token_store_clear_async   (HdTokenStore        *self,
                                          const char          *org_id,
                                          const char          *user_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    hd_token_store_clear_finish  (HdTokenStore        *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The Secret Service implementation: schema
 * "com.example.HandoffDesk.SalesforceToken", attributes "org-id",
 * "user-id" and "instance-host"; the secret is the token answer as JSON. */
#define HD_TYPE_KEYRING_TOKEN_STORE (hd_keyring_token_store_get_type ())
G_DECLARE_FINAL_TYPE (HdKeyringTokenStore, hd_keyring_token_store, HD, KEYRING_TOKEN_STORE, GObject)

HdTokenStore *hd_keyring_token_store_new (void);

G_END_DECLS
