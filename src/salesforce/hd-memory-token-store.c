/* hd-memory-token-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-memory-token-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-memory-token-store.h"

struct _HdMemoryTokenStore
{
  GObject     parent_instance;
  GPtrArray  *items;   /* of HdSfTokens, owned */
  gboolean    fail;
};

static void hd_memory_token_store_iface_init (HdTokenStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdMemoryTokenStore, hd_memory_token_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HD_TYPE_TOKEN_STORE,
                                                      hd_memory_token_store_iface_init))

static gboolean
matches (HdSfTokens *tokens,
         const char *org_id,
         const char *user_id)
{
  return (org_id == NULL || g_strcmp0 (tokens->org_id, org_id) == 0) &&
         (user_id == NULL || g_strcmp0 (tokens->user_id, user_id) == 0);
}

static GTask *
new_task (HdMemoryTokenStore  *self,
          gpointer             tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  if (self->fail)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("The keyring is locked or not available"));
      g_clear_object (&task);
    }
  return task;
}

static void
memory_clear (HdMemoryTokenStore *self,
              const char         *org_id,
              const char         *user_id)
{
  for (guint i = self->items->len; i > 0; i--)
    if (matches (g_ptr_array_index (self->items, i - 1), org_id, user_id))
      g_ptr_array_remove_index (self->items, i - 1);
}

static void
memory_store_async (HdTokenStore        *store,
                    const HdSfTokens    *tokens,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  HdMemoryTokenStore *self = HD_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = new_task (self, memory_store_async, cancellable, callback, user_data);

  if (task == NULL)
    return;
  memory_clear (self, tokens->org_id, tokens->user_id);
  g_ptr_array_add (self->items, hd_sf_tokens_copy (tokens));
  g_task_return_boolean (task, TRUE);
}

static void
memory_lookup_async (HdTokenStore        *store,
                     const char          *org_id,
                     const char          *user_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  HdMemoryTokenStore *self = HD_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = new_task (self, memory_lookup_async, cancellable, callback, user_data);

  if (task == NULL)
    return;
  for (guint i = 0; i < self->items->len; i++)
    if (matches (g_ptr_array_index (self->items, i), org_id, user_id))
      {
        g_task_return_pointer (task, hd_sf_tokens_copy (g_ptr_array_index (self->items, i)),
                               (GDestroyNotify) hd_sf_tokens_free);
        return;
      }
  g_task_return_pointer (task, NULL, NULL);
}

static void
memory_clear_async (HdTokenStore        *store,
                    const char          *org_id,
                    const char          *user_id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  HdMemoryTokenStore *self = HD_MEMORY_TOKEN_STORE (store);
  g_autoptr(GTask) task = new_task (self, memory_clear_async, cancellable, callback, user_data);

  if (task == NULL)
    return;
  memory_clear (self, org_id, user_id);
  g_task_return_boolean (task, TRUE);
}

static gboolean
memory_boolean_finish (HdTokenStore  *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static HdSfTokens *
memory_lookup_finish (HdTokenStore  *store,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
hd_memory_token_store_iface_init (HdTokenStoreInterface *iface)
{
  iface->store_async = memory_store_async;
  iface->store_finish = memory_boolean_finish;
  iface->lookup_async = memory_lookup_async;
  iface->lookup_finish = memory_lookup_finish;
  iface->clear_async = memory_clear_async;
  iface->clear_finish = memory_boolean_finish;
}

static void
hd_memory_token_store_finalize (GObject *object)
{
  HdMemoryTokenStore *self = HD_MEMORY_TOKEN_STORE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (hd_memory_token_store_parent_class)->finalize (object);
}

static void
hd_memory_token_store_class_init (HdMemoryTokenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_memory_token_store_finalize;
}

static void
hd_memory_token_store_init (HdMemoryTokenStore *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_sf_tokens_free);
}

HdTokenStore *
hd_memory_token_store_new (void)
{
  return g_object_new (HD_TYPE_MEMORY_TOKEN_STORE, NULL);
}

guint
hd_memory_token_store_get_n_items (HdMemoryTokenStore *self)
{
  g_return_val_if_fail (HD_IS_MEMORY_TOKEN_STORE (self), 0);
  return self->items->len;
}

void
hd_memory_token_store_set_fail (HdMemoryTokenStore *self,
                                gboolean            fail)
{
  g_return_if_fail (HD_IS_MEMORY_TOKEN_STORE (self));
  self->fail = fail;
}
