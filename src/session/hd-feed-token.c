/* hd-feed-token.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-token"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "hd-error.h"
#include "hd-feed-token.h"

static const SecretSchema *
feed_token_schema (void)
{
  static const SecretSchema schema = {
    "com.example.HandoffDesk.FeedToken", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

/* libsecret's own errors name D-Bus services; the agent needs to know what to do. */
static GError *
keyring_error (const GError *cause)
{
  return g_error_new (HD_ERROR, HD_ERROR_AUTH,
                      _("The system keyring is locked or not available, so the feed token "
                        "cannot be read or kept (%s). Unlock the keyring and try again."),
                      cause->message);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
hd_feed_token_lookup_async (const char          *url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_feed_token_lookup_async);
  secret_password_lookup (feed_token_schema (), cancellable, lookup_cb, task,
                          "url", url, NULL);
}

char *
hd_feed_token_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_autofree char *token = NULL;
  char *secret;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  /* Hand back plain memory the caller frees with g_free, and wipe libsecret's copy. */
  secret = g_task_propagate_pointer (G_TASK (result), error);
  if (secret == NULL)
    return NULL;
  token = g_strdup (secret);
  secret_password_free (secret);
  return g_steal_pointer (&token);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hd_feed_token_store_async (const char          *url,
                           const char          *token,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_feed_token_store_async);
  label = g_strdup_printf (_("HandoffDesk feed token for %s"), url);
  secret_password_store (feed_token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                         cancellable, store_cb, task, "url", url, NULL);
}

gboolean
hd_feed_token_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
