/* hd-keyring.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-keyring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "hd-error.h"
#include "hd-keyring.h"

/* The only file in HandoffDesk that talks to libsecret.  It uses the
 * SecretService API rather than secret_password_*(): since libsecret 0.20
 * those may pick a local file backend (inside a Flatpak sandbox, or with
 * SECRET_BACKEND=file), and secrets must never end up in a file the app
 * manages.  Items are the same either way (the schema name is stored as
 * the xdg:schema attribute), so tokens kept by earlier versions are found. */

static const SecretSchema feed_token_schema = {
  "com.example.HandoffDesk.FeedToken", SECRET_SCHEMA_NONE,
  {
    { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

static const SecretSchema salesforce_schema = {
  "com.example.HandoffDesk.SalesforceToken", SECRET_SCHEMA_NONE,
  {
    { "org-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "instance-host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

static const SecretSchema *
get_schema (HdKeyringSecret kind)
{
  return kind == HD_KEYRING_FEED_TOKEN ? &feed_token_schema : &salesforce_schema;
}

static const char *
get_content_type (HdKeyringSecret kind)
{
  return kind == HD_KEYRING_FEED_TOKEN ? "text/plain" : "application/json";
}

typedef enum { OP_STORE, OP_LOOKUP, OP_CLEAR } OpKind;

typedef struct
{
  OpKind           op;
  HdKeyringSecret  kind;
  GHashTable      *attributes;
  char            *label;
  char            *secret;      /* for OP_STORE; wiped on free */
} Op;

void
hd_keyring_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
op_free (Op *op)
{
  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_free (op->label);
  hd_keyring_secret_free (op->secret);
  g_free (op);
}

/* libsecret's own errors name D-Bus services; the agent needs to know what
 * to do, whatever libsecret or D-Bus said. */
static void
return_keyring_error (GTask  *task,
                      GError *error)
{
  Op *op = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else if (op->kind == HD_KEYRING_FEED_TOKEN)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                               _("The system keyring is locked or not available, so the feed token "
                                 "cannot be read or kept (%s). Unlock the keyring and try again."),
                               error->message);
      g_error_free (error);
    }
  else
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                               _("The keyring is locked or not available (%s). HandoffDesk keeps "
                                 "Salesforce sign-in only in the keyring: unlock it, or sign in "
                                 "to a desktop session with a keyring, then try again."),
                               error->message);
      g_error_free (error);
    }
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
  /* A secret that is not text is returned as an empty one, for the caller
   * to reject as damaged. */
  text = secret_value_get_text (value);
  g_task_return_pointer (task, g_strdup (text != NULL ? text : ""), (GDestroyNotify) hd_keyring_secret_free);
  secret_value_unref (value);
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
  const SecretSchema *schema = get_schema (op->kind);

  if (!(service = secret_service_get_finish (result, &error)))
    {
      return_keyring_error (task, error);
      return;
    }

  switch (op->op)
    {
    case OP_STORE:
      {
        g_autoptr(SecretValue) value = secret_value_new (op->secret, -1, get_content_type (op->kind));

        secret_service_store (service, schema, op->attributes, SECRET_COLLECTION_DEFAULT,
                              op->label, value, cancellable, store_cb, g_steal_pointer (&task));
      }
      break;
    case OP_LOOKUP:
      secret_service_lookup (service, schema, op->attributes, cancellable, lookup_cb, g_steal_pointer (&task));
      break;
    case OP_CLEAR:
      secret_service_clear (service, schema, op->attributes, cancellable, clear_cb, g_steal_pointer (&task));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_op (OpKind               op_kind,
          HdKeyringSecret      kind,
          GHashTable          *attributes,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          const char          *label,
          const char          *secret)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Op *op = g_new0 (Op, 1);

  op->op = op_kind;
  op->kind = kind;
  op->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (attributes != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, attributes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (op->attributes, g_strdup (key), g_strdup (value));
    }
  op->label = g_strdup (label);
  op->secret = g_strdup (secret);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, get_service_cb, task);
}

void
hd_keyring_store_async (HdKeyringSecret      kind,
                        GHashTable          *attributes,
                        const char          *label,
                        const char          *secret,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);

  start_op (OP_STORE, kind, attributes, hd_keyring_store_async, cancellable, callback, user_data,
            label, secret);
}

gboolean
hd_keyring_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hd_keyring_lookup_async (HdKeyringSecret      kind,
                         GHashTable          *attributes,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  start_op (OP_LOOKUP, kind, attributes, hd_keyring_lookup_async, cancellable, callback, user_data,
            NULL, NULL);
}

char *
hd_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hd_keyring_clear_async (HdKeyringSecret      kind,
                        GHashTable          *attributes,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  start_op (OP_CLEAR, kind, attributes, hd_keyring_clear_async, cancellable, callback, user_data,
            NULL, NULL);
}

gboolean
hd_keyring_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
