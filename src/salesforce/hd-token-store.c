/* hd-token-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-token-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-keyring.h"
#include "hd-token-store.h"

/* The interface, and HdKeyringTokenStore over the system keyring
 * (src/secrets/hd-keyring.c knows the schema and talks to libsecret). */

G_DEFINE_INTERFACE (HdTokenStore, hd_token_store, G_TYPE_OBJECT)

static void
hd_token_store_default_init (HdTokenStoreInterface *iface)
{
}

void
hd_token_store_store_async (HdTokenStore        *self,
                            const HdSfTokens    *tokens,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HD_IS_TOKEN_STORE (self));
  g_return_if_fail (tokens != NULL && tokens->org_id != NULL && tokens->user_id != NULL);
  HD_TOKEN_STORE_GET_IFACE (self)->store_async (self, tokens, cancellable, callback, user_data);
}

gboolean
hd_token_store_store_finish (HdTokenStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (HD_IS_TOKEN_STORE (self), FALSE);
  return HD_TOKEN_STORE_GET_IFACE (self)->store_finish (self, result, error);
}

void
hd_token_store_lookup_async (HdTokenStore        *self,
                             const char          *org_id,
                             const char          *user_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (HD_IS_TOKEN_STORE (self));
  HD_TOKEN_STORE_GET_IFACE (self)->lookup_async (self, org_id, user_id, cancellable, callback, user_data);
}

HdSfTokens *
hd_token_store_lookup_finish (HdTokenStore  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HD_IS_TOKEN_STORE (self), NULL);
  return HD_TOKEN_STORE_GET_IFACE (self)->lookup_finish (self, result, error);
}

void
hd_token_store_clear_async (HdTokenStore        *self,
                            const char          *org_id,
                            const char          *user_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HD_IS_TOKEN_STORE (self));
  HD_TOKEN_STORE_GET_IFACE (self)->clear_async (self, org_id, user_id, cancellable, callback, user_data);
}

gboolean
hd_token_store_clear_finish (HdTokenStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (HD_IS_TOKEN_STORE (self), FALSE);
  return HD_TOKEN_STORE_GET_IFACE (self)->clear_finish (self, result, error);
}

/* --- the Secret Service implementation --- */

struct _HdKeyringTokenStore
{
  GObject parent_instance;
};

static void hd_keyring_token_store_iface_init (HdTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdKeyringTokenStore, hd_keyring_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HD_TYPE_TOKEN_STORE,
                                                      hd_keyring_token_store_iface_init))

static void keyring_store_async (HdTokenStore        *store,
                                 const HdSfTokens    *tokens,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);

static GHashTable *
new_attributes (const char *org_id,
                const char *user_id)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (org_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "org-id", g_strdup (org_id));
  if (user_id != NULL)
    g_hash_table_insert (attributes, (gpointer) "user-id", g_strdup (user_id));
  return attributes;
}

static void
boolean_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean done;

  if (g_task_get_source_tag (task) == keyring_store_async)
    done = hd_keyring_store_finish (result, &error);
  else
    done = hd_keyring_clear_finish (result, &error);
  if (!done)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
keyring_store_async (HdTokenStore        *store,
                     const HdSfTokens    *tokens,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GUri) uri = g_uri_parse (tokens->instance_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) attributes = new_attributes (tokens->org_id, tokens->user_id);
  g_autofree char *label = NULL;
  char *secret = hd_sf_tokens_serialize (tokens);

  g_task_set_source_tag (task, keyring_store_async);
  g_hash_table_insert (attributes, (gpointer) "instance-host",
                       g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : ""));
  label = g_strdup_printf (_("HandoffDesk Salesforce sign-in (%s)"),
                           uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : tokens->org_id);
  hd_keyring_store_async (HD_KEYRING_SALESFORCE, attributes, label, secret, cancellable, boolean_cb, task);
  hd_keyring_secret_free (secret);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfTokens *tokens;
  char *text;

  text = hd_keyring_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (text == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  tokens = hd_sf_tokens_deserialize (text, NULL);
  hd_keyring_secret_free (text);
  if (tokens == NULL)
    g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                             _("The Salesforce sign-in stored in the keyring is damaged; sign in again"));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) hd_sf_tokens_free);
}

static void
keyring_lookup_async (HdTokenStore        *store,
                      const char          *org_id,
                      const char          *user_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = new_attributes (org_id, user_id);

  g_task_set_source_tag (task, keyring_lookup_async);
  hd_keyring_lookup_async (HD_KEYRING_SALESFORCE, attributes, cancellable, lookup_cb, task);
}

static void
keyring_clear_async (HdTokenStore        *store,
                     const char          *org_id,
                     const char          *user_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = new_attributes (org_id, user_id);

  g_task_set_source_tag (task, keyring_clear_async);
  hd_keyring_clear_async (HD_KEYRING_SALESFORCE, attributes, cancellable, boolean_cb, task);
}

static gboolean
keyring_boolean_finish (HdTokenStore  *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static HdSfTokens *
keyring_lookup_finish (HdTokenStore  *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
hd_keyring_token_store_iface_init (HdTokenStoreInterface *iface)
{
  iface->store_async = keyring_store_async;
  iface->store_finish = keyring_boolean_finish;
  iface->lookup_async = keyring_lookup_async;
  iface->lookup_finish = keyring_lookup_finish;
  iface->clear_async = keyring_clear_async;
  iface->clear_finish = keyring_boolean_finish;
}

static void
hd_keyring_token_store_class_init (HdKeyringTokenStoreClass *klass)
{
}

static void
hd_keyring_token_store_init (HdKeyringTokenStore *self)
{
}

HdTokenStore *
hd_keyring_token_store_new (void)
{
  return g_object_new (HD_TYPE_KEYRING_TOKEN_STORE, NULL);
}
