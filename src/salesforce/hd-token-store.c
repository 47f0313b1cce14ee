/* hd-token-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-token-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "hd-error.h"
#include "hd-token-store.h"

/* The only file in HandoffDesk that talks to libsecret.  It uses the
 * SecretService API rather than secret_password_*(): since libsecret 0.20
 * those may pick a local file backend (inside a Flatpak sandbox, or with
 * SECRET_BACKEND=file), and tokens must never end up in a file the app
 * manages. */

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

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "com.example.HandoffDesk.SalesforceToken", SECRET_SCHEMA_NONE,
    {
      { "org-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "instance-host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

typedef enum { OP_STORE, OP_LOOKUP, OP_CLEAR } OpKind;

typedef struct
{
  OpKind      kind;
  GHashTable *attributes;
  char       *label;
  char       *secret;      /* for OP_STORE; wiped on free */
} Op;

static void
op_free (Op *op)
{
  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_free (op->label);
  if (op->secret != NULL)
    memset (op->secret, 0, strlen (op->secret));
  g_free (op->secret);
  g_free (op);
}

static void
return_keyring_error (GTask  *task,
                      GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  /* One clear message for the agent, whatever libsecret or D-Bus said. */
  g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                           _("The keyring is locked or not available (%s). HandoffDesk keeps "
                             "Salesforce sign-in only in the keyring: unlock it, or sign in "
                             "to a desktop session with a keyring, then try again."),
                           error->message);
  g_error_free (error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SecretValue *value;
  HdSfTokens *tokens;
  const char *text;

  value = secret_service_lookup_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_keyring_error (task, error);
      return;
    }
  if (value == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  text = secret_value_get_text (value);
  tokens = text != NULL ? hd_sf_tokens_deserialize (text, &error) : NULL;
  secret_value_unref (value);
  if (tokens == NULL)
    g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                             _("The Salesforce sign-in stored in the keyring is damaged; sign in again"));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) hd_sf_tokens_free);
  g_clear_error (&error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  if (!secret_service_clear_finish (SECRET_SERVICE (object), result, &error) && error != NULL)
    return_keyring_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
get_service_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = NULL;
  GError *error = NULL;
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (!(service = secret_service_get_finish (result, &error)))
    {
      return_keyring_error (task, error);
      return;
    }

  switch (op->kind)
    {
    case OP_STORE:
      {
        g_autoptr(SecretValue) value = secret_value_new (op->secret, -1, "application/json");

        secret_service_store (service, get_schema (), op->attributes, SECRET_COLLECTION_DEFAULT,
                              op->label, value, cancellable, store_cb, g_steal_pointer (&task));
      }
      break;
    case OP_LOOKUP:
      secret_service_lookup (service, get_schema (), op->attributes, cancellable,
                             lookup_cb, g_steal_pointer (&task));
      break;
    case OP_CLEAR:
      secret_service_clear (service, get_schema (), op->attributes, cancellable,
                            clear_cb, g_steal_pointer (&task));
      break;
    default:
      g_assert_not_reached ();
    }
}

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
start_op (HdKeyringTokenStore *self,
          Op                  *op,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, get_service_cb, task);
}

static void
keyring_store_async (HdTokenStore        *store,
                     const HdSfTokens    *tokens,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Op *op = g_new0 (Op, 1);
  g_autoptr(GUri) uri = g_uri_parse (tokens->instance_url, G_URI_FLAGS_NONE, NULL);

  op->kind = OP_STORE;
  op->attributes = new_attributes (tokens->org_id, tokens->user_id);
  g_hash_table_insert (op->attributes, (gpointer) "instance-host",
                       g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : ""));
  op->label = g_strdup_printf (_("HandoffDesk Salesforce sign-in (%s)"),
                               uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : tokens->org_id);
  op->secret = hd_sf_tokens_serialize (tokens);
  start_op (HD_KEYRING_TOKEN_STORE (store), op, keyring_store_async, cancellable, callback, user_data);
}

static void
keyring_lookup_async (HdTokenStore        *store,
                      const char          *org_id,
                      const char          *user_id,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_LOOKUP;
  op->attributes = new_attributes (org_id, user_id);
  start_op (HD_KEYRING_TOKEN_STORE (store), op, keyring_lookup_async, cancellable, callback, user_data);
}

static void
keyring_clear_async (HdTokenStore        *store,
                     const char          *org_id,
                     const char          *user_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_CLEAR;
  op->attributes = new_attributes (org_id, user_id);
  start_op (HD_KEYRING_TOKEN_STORE (store), op, keyring_clear_async, cancellable, callback, user_data);
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
