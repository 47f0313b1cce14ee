/* hd-sf-describe-cache.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-describe"

#include "config.h"

#include "hd-sf-describe-cache.h"
#include "hd-sf-util.h"

struct _HdSfDescribeCache
{
  GObject       parent_instance;

  HdSfAuth     *auth;          /* weak: it owns us */
  HdSfDescribe *describe;
  gboolean      current;       /* read (or being read) since the sign-in */
  GCancellable *cancellable;   /* of the read under way, cancelled on sign-out */
  GHashTable   *picklists;     /* record type id → HdSfPicklists, or NULL while read */
};

enum { PROP_0, PROP_DESCRIBE, N_PROPS };
static GParamSpec *properties[N_PROPS];
enum { PICKLISTS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HdSfDescribeCache, hd_sf_describe_cache, G_TYPE_OBJECT)

static void
hd_sf_describe_cache_dispose (GObject *object)
{
  HdSfDescribeCache *self = HD_SF_DESCRIBE_CACHE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->describe);
  g_clear_pointer (&self->picklists, g_hash_table_unref);
  G_OBJECT_CLASS (hd_sf_describe_cache_parent_class)->dispose (object);
}

static void
hd_sf_describe_cache_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HdSfDescribeCache *self = HD_SF_DESCRIBE_CACHE (object);

  switch (prop_id)
    {
    case PROP_DESCRIBE:
      g_value_set_object (value, self->describe);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sf_describe_cache_class_init (HdSfDescribeCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_sf_describe_cache_dispose;
  object_class->get_property = hd_sf_describe_cache_get_property;

  properties[PROP_DESCRIBE] =
    g_param_spec_object ("describe", NULL, NULL, HD_TYPE_SF_DESCRIBE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PICKLISTS_CHANGED] =
    g_signal_new ("picklists-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
hd_sf_describe_cache_init (HdSfDescribeCache *self)
{
  self->picklists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
}

/* Every sign-in (and sign-out) starts over: another org or user may see
 * other fields and values.  What was read stays shown until then. */
static void
on_signed_in_cb (HdSfDescribeCache *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->current = FALSE;
  g_hash_table_remove_all (self->picklists);
}

HdSfDescribeCache *
hd_sf_describe_cache_get_for_auth (HdSfAuth *auth)
{
  HdSfDescribeCache *self;

  g_return_val_if_fail (HD_IS_SF_AUTH (auth), NULL);

  self = g_object_get_data (G_OBJECT (auth), "hd-sf-describe-cache");
  if (self != NULL)
    return self;
  self = g_object_new (HD_TYPE_SF_DESCRIBE_CACHE, NULL);
  self->auth = auth;
  g_object_set_data_full (G_OBJECT (auth), "hd-sf-describe-cache", self, g_object_unref);
  /* Connected before any case draft asks, so a draft's own handler sees
   * the cache already reset. */
  g_signal_connect_object (auth, "notify::signed-in", G_CALLBACK (on_signed_in_cb), self, G_CONNECT_SWAPPED);
  return self;
}

HdSfDescribe *
hd_sf_describe_cache_get_describe (HdSfDescribeCache *self)
{
  g_return_val_if_fail (HD_IS_SF_DESCRIBE_CACHE (self), NULL);
  return self->describe;
}

static void
set_describe (HdSfDescribeCache *self,
              HdSfDescribe      *describe)
{
  if (!g_set_object (&self->describe, describe))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIBE]);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdSfDescribeCache *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfDescribe) describe = hd_sf_describe_fetch_finish (result, &error);

  if (describe == NULL)
    {
      /* Read again at the next chance: the editors keep what they show,
       * and Salesforce checks every write anyway. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_message ("Could not read the org’s Case fields: %s", error->message);
          if (g_task_get_task_data (task) == self->cancellable)
            self->current = FALSE;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_describe (self, describe);
  g_task_return_pointer (task, g_steal_pointer (&describe), g_object_unref);
}

static void
fetch (HdSfDescribeCache   *self,
       HdSfClient          *client,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", NULL);

  g_task_set_source_tag (task, fetch);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  /* The read belongs to this sign-in: a sign-out cancels it. */
  g_task_set_task_data (task, g_object_ref (self->cancellable), g_object_unref);
  hd_sf_describe_fetch_async (client, "Case", cache_dir, self->cancellable, fetch_cb, task);
}

void
hd_sf_describe_cache_ensure (HdSfDescribeCache *self,
                             HdSfClient        *client)
{
  g_return_if_fail (HD_IS_SF_DESCRIBE_CACHE (self));
  g_return_if_fail (HD_IS_SF_CLIENT (client));

  if (self->current || !hd_sf_auth_get_signed_in (self->auth))
    return;
  self->current = TRUE;
  fetch (self, client, NULL, NULL, NULL);
}

void
hd_sf_describe_cache_refresh_async (HdSfDescribeCache   *self,
                                    HdSfClient          *client,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (HD_IS_SF_DESCRIBE_CACHE (self));
  g_return_if_fail (HD_IS_SF_CLIENT (client));

  self->current = TRUE;
  /* Record types' values may have changed with the rest. */
  g_hash_table_remove_all (self->picklists);
  fetch (self, client, cancellable, callback, user_data);
}

HdSfDescribe *
hd_sf_describe_cache_refresh_finish (HdSfDescribeCache  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the values of each record type --- */

typedef struct
{
  HdSfDescribeCache *self;   /* weak */
  char              *record_type_id;
  GCancellable      *cancellable;
} PicklistRead;

static void
picklist_read_free (PicklistRead *read)
{
  if (read->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (read->self), (gpointer *) &read->self);
  g_free (read->record_type_id);
  g_clear_object (&read->cancellable);
  g_free (read);
}

static void
picklists_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PicklistRead *read = user_data;
  HdSfDescribeCache *self = read->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  g_autoptr(HdSfPicklists) picklists = NULL;

  if (self == NULL || g_cancellable_is_cancelled (read->cancellable))
    {
      picklist_read_free (read);
      return;
    }
  if (response != NULL && response->status == SOUP_STATUS_OK)
    picklists = hd_sf_picklists_new_from_node (response->json, &error);
  else if (error == NULL)
    error = hd_sf_response_to_error (response);
  if (picklists == NULL)
    {
      /* The describe's values stand in; the next sign-in tries again. */
      g_message ("Could not read the picklist values of record type %s: %s", read->record_type_id, error->message);
      picklist_read_free (read);
      return;
    }
  g_hash_table_replace (self->picklists, g_strdup (read->record_type_id), g_steal_pointer (&picklists));
  g_signal_emit (self, signals[PICKLISTS_CHANGED], 0, read->record_type_id);
  picklist_read_free (read);
}

HdSfPicklists *
hd_sf_describe_cache_get_picklists (HdSfDescribeCache *self,
                                    const char        *record_type_id)
{
  g_return_val_if_fail (HD_IS_SF_DESCRIBE_CACHE (self), NULL);
  return record_type_id != NULL ? g_hash_table_lookup (self->picklists, record_type_id) : NULL;
}

void
hd_sf_describe_cache_ensure_picklists (HdSfDescribeCache *self,
                                       HdSfClient        *client,
                                       const char        *record_type_id)
{
  g_autofree char *path = NULL;
  PicklistRead *read;

  g_return_if_fail (HD_IS_SF_DESCRIBE_CACHE (self));
  g_return_if_fail (HD_IS_SF_CLIENT (client));

  if (record_type_id == NULL || !hd_sf_is_valid_id (record_type_id) ||
      g_hash_table_contains (self->picklists, record_type_id) || !hd_sf_auth_get_signed_in (self->auth))
    return;
  /* A placeholder while it is read, so that it is read once. */
  g_hash_table_insert (self->picklists, g_strdup (record_type_id), NULL);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  read = g_new0 (PicklistRead, 1);
  read->self = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &read->self);
  read->record_type_id = g_strdup (record_type_id);
  read->cancellable = g_object_ref (self->cancellable);
  path = g_strdup_printf ("ui-api/object-info/Case/picklist-values/%s", record_type_id);
  hd_sf_client_request_async (client, SOUP_METHOD_GET, path, NULL, NULL, read->cancellable, picklists_cb, read);
}

gboolean
hd_sf_describe_cache_is_stale_error (const char *error_code)
{
  static const char * const stale[] = {
    "INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
    "INVALID_TYPE", "NO_SUCH_COLUMN", NULL,
  };

  return error_code != NULL && g_strv_contains (stale, error_code);
}
