/* hd-feed-token.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-token"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-feed-token.h"
#include "hd-keyring.h"

/* The keyring's schema and its error message are in
 * src/secrets/hd-keyring.c, with the Salesforce tokens'. */

static GHashTable *
new_attributes (const char *url)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (gpointer) "url", (gpointer) url);
  return attributes;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = hd_keyring_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) hd_keyring_secret_free);
}

void
hd_feed_token_lookup_async (const char          *url,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_feed_token_lookup_async);
  attributes = new_attributes (url);
  hd_keyring_lookup_async (HD_KEYRING_FEED_TOKEN, attributes, cancellable, lookup_cb, task);
}

char *
hd_feed_token_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  /* Plain memory the caller frees with g_free. */
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!hd_keyring_store_finish (result, &error))
    g_task_return_error (task, error);
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
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_feed_token_store_async);
  label = g_strdup_printf (_("HandoffDesk feed token for %s"), url);
  attributes = new_attributes (url);
  hd_keyring_store_async (HD_KEYRING_FEED_TOKEN, attributes, label, token, cancellable, store_cb, task);
}

gboolean
hd_feed_token_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
