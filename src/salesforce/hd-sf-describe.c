/* hd-sf-describe.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-describe"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hd-bounded-json.h"
#include "hd-durable.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-sf-describe.h"

struct _HdSfDescribe
{
  GObject     parent_instance;

  JsonNode   *root;     /* the describe, as Salesforce sent it */
  char       *sobject;
  GHashTable *fields;   /* name → JsonObject, borrowed from root */
};

G_DEFINE_FINAL_TYPE (HdSfDescribe, hd_sf_describe, G_TYPE_OBJECT)

static void
hd_sf_describe_finalize (GObject *object)
{
  HdSfDescribe *self = HD_SF_DESCRIBE (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->sobject);
  G_OBJECT_CLASS (hd_sf_describe_parent_class)->finalize (object);
}

static void
hd_sf_describe_class_init (HdSfDescribeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_sf_describe_finalize;
}

static void
hd_sf_describe_init (HdSfDescribe *self)
{
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
}

static HdSfDescribe *
new_from_node (JsonNode  *root,
               GError   **error)
{
  g_autoptr(HdSfDescribe) self = NULL;
  JsonObject *object;
  JsonArray *fields;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (object = json_node_get_object (root), "fields") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "fields")))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("Salesforce’s description of the object has no fields"));
      return NULL;
    }
  self = g_object_new (HD_TYPE_SF_DESCRIBE, NULL);
  self->root = json_node_ref (root);
  self->sobject = g_strdup (hd_json_get_string (object, "name", ""));
  fields = json_object_get_array_member (object, "fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonNode *node = json_array_get_element (fields, i);
      JsonObject *field;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      field = json_node_get_object (node);
      name = hd_json_get_string (field, "name", NULL);
      if (name != NULL && *name != '\0')
        g_hash_table_insert (self->fields, (char *) name, field);
    }
  return g_steal_pointer (&self);
}

HdSfDescribe *
hd_sf_describe_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0 ||
      (root = hd_bounded_json_parse (data, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("Salesforce’s description of the object is not JSON"));
      return NULL;
    }
  return new_from_node (root, error);
}

const char *
hd_sf_describe_get_sobject (HdSfDescribe *self)
{
  g_return_val_if_fail (HD_IS_SF_DESCRIBE (self), NULL);
  return self->sobject;
}

static JsonObject *
lookup (HdSfDescribe *self,
        const char   *field)
{
  g_return_val_if_fail (HD_IS_SF_DESCRIBE (self), NULL);
  return field != NULL ? g_hash_table_lookup (self->fields, field) : NULL;
}

static gboolean
flag (HdSfDescribe *self,
      const char   *field,
      const char   *member)
{
  JsonObject *object = lookup (self, field);

  return object != NULL && hd_json_get_boolean (object, member, FALSE);
}

gboolean
hd_sf_describe_has_field (HdSfDescribe *self,
                          const char   *field)
{
  return lookup (self, field) != NULL;
}

const char *
hd_sf_describe_get_label (HdSfDescribe *self,
                          const char   *field)
{
  JsonObject *object = lookup (self, field);

  return object != NULL ? hd_json_get_string (object, "label", field) : NULL;
}

const char *
hd_sf_describe_get_field_type (HdSfDescribe *self,
                               const char   *field)
{
  JsonObject *object = lookup (self, field);

  return object != NULL ? hd_json_get_string (object, "type", NULL) : NULL;
}

gboolean
hd_sf_describe_is_updateable (HdSfDescribe *self,
                              const char   *field)
{
  return flag (self, field, "updateable");
}

gboolean
hd_sf_describe_is_createable (HdSfDescribe *self,
                              const char   *field)
{
  return flag (self, field, "createable");
}

gboolean
hd_sf_describe_is_restricted (HdSfDescribe *self,
                              const char   *field)
{
  return flag (self, field, "restrictedPicklist");
}

guint
hd_sf_describe_get_length (HdSfDescribe *self,
                           const char   *field)
{
  JsonObject *object = lookup (self, field);
  gint64 length = object != NULL ? hd_json_get_int (object, "length", 0) : 0;

  return (guint) CLAMP (length, 0, G_MAXINT);
}

static gboolean
is_picklist (JsonObject *object)
{
  const char *type = hd_json_get_string (object, "type", "");

  return g_strcmp0 (type, "picklist") == 0 || g_strcmp0 (type, "multipicklist") == 0;
}

/* Calls @func for each active value of @field's picklist. */
static JsonArray *
picklist_of (HdSfDescribe *self,
             const char   *field)
{
  JsonObject *object = lookup (self, field);
  JsonNode *node;

  if (object == NULL || !is_picklist (object) ||
      (node = json_object_get_member (object, "picklistValues")) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static const char *
active_value (JsonArray *values,
              guint      i)
{
  JsonNode *node = json_array_get_element (values, i);
  JsonObject *value;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  value = json_node_get_object (node);
  if (!hd_json_get_boolean (value, "active", FALSE))
    return NULL;
  return hd_json_get_string (value, "value", NULL);
}

GStrv
hd_sf_describe_dup_picklist_values (HdSfDescribe *self,
                                    const char   *field)
{
  JsonArray *values = picklist_of (self, field);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (values == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      const char *value = active_value (values, i);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

const char *
hd_sf_describe_get_picklist_label (HdSfDescribe *self,
                                   const char   *field,
                                   const char   *value)
{
  JsonArray *values;

  g_return_val_if_fail (HD_IS_SF_DESCRIBE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || (values = picklist_of (self, field)) == NULL)
    return NULL;
  /* Inactive values too: a case may still hold a retired one. */
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);
      JsonObject *object;
      JsonNode *label;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (hd_json_get_string (object, "value", NULL), value) != 0)
        continue;
      label = json_object_get_member (object, "label");
      if (label != NULL && JSON_NODE_HOLDS_VALUE (label) && json_node_get_value_type (label) == G_TYPE_STRING &&
          *json_node_get_string (label) != '\0')
        return json_node_get_string (label);
      return NULL;
    }
  return NULL;
}

const char *
hd_sf_describe_get_default_value (HdSfDescribe *self,
                                  const char   *field)
{
  JsonArray *values = picklist_of (self, field);

  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
    {
      const char *value = active_value (values, i);

      if (value != NULL &&
          hd_json_get_boolean (json_array_get_object_element (values, i), "defaultValue", FALSE))
        return value;
    }
  return NULL;
}

gboolean
hd_sf_describe_accepts_value (HdSfDescribe *self,
                              const char   *field,
                              const char   *value)
{
  JsonArray *values;

  if (!hd_sf_describe_has_field (self, field))
    return FALSE;
  if (!hd_sf_describe_is_restricted (self, field) || (values = picklist_of (self, field)) == NULL)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (values); i++)
    if (g_strcmp0 (active_value (values, i), value) == 0)
      return TRUE;
  return FALSE;
}

const char *
hd_sf_describe_get_controller (HdSfDescribe *self,
                               const char   *field)
{
  JsonObject *object = lookup (self, field);

  if (object == NULL || !hd_json_get_boolean (object, "dependentPicklist", FALSE))
    return NULL;
  return hd_json_get_string (object, "controllerName", NULL);
}

/* The index of @value among the controller's picklist values as the
 * describe lists them (inactive ones included: validFor counts them), or
 * 0 and 1 for a checkbox's false and true; -1 when it is none of them. */
static int
controller_index (HdSfDescribe *self,
                  const char   *controller,
                  const char   *value)
{
  JsonArray *values;

  if (g_strcmp0 (hd_sf_describe_get_field_type (self, controller), "boolean") == 0)
    return g_strcmp0 (value, "true") == 0 ? 1 : g_strcmp0 (value, "false") == 0 ? 0 : -1;
  values = picklist_of (self, controller);
  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (hd_json_get_string (json_node_get_object (node), "value", NULL),
                     value) == 0)
        return (int) MIN (i, (guint) G_MAXINT);
    }
  return -1;
}

static gboolean
valid_for (JsonObject *value,
           int         index)
{
  const char *bitmap = hd_json_get_string (value, "validFor", NULL);
  g_autofree guchar *bits = NULL;
  gsize n_bits = 0;

  if (bitmap == NULL || index < 0)
    return FALSE;
  bits = g_base64_decode (bitmap, &n_bits);
  return (gsize) index / 8 < n_bits && (bits[index / 8] & (0x80 >> (index % 8))) != 0;
}

GStrv
hd_sf_describe_dup_dependent_values (HdSfDescribe *self,
                                     const char   *field,
                                     const char   *controller_value)
{
  const char *controller = hd_sf_describe_get_controller (self, field);
  JsonArray *values = picklist_of (self, field);
  g_autoptr(GStrvBuilder) builder = NULL;
  int index;

  if (controller == NULL || values == NULL)
    return hd_sf_describe_dup_picklist_values (self, field);
  index = controller_value != NULL ? controller_index (self, controller, controller_value) : -1;
  builder = g_strv_builder_new ();
  for (guint i = 0; index >= 0 && i < json_array_get_length (values); i++)
    {
      const char *value = active_value (values, i);

      if (value != NULL && valid_for (json_array_get_object_element (values, i), index))
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

gboolean
hd_sf_describe_check_field (HdSfDescribe  *self,
                            const char    *field,
                            gboolean       writable,
                            GError       **error)
{
  g_return_val_if_fail (HD_IS_SF_DESCRIBE (self), FALSE);

  if (!hd_sf_describe_has_field (self, field))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The org has no %s field “%s”, or your user cannot see it"), self->sobject, field);
      return FALSE;
    }
  if (writable && !hd_sf_describe_is_updateable (self, field))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("Your user cannot edit the %s field “%s” (field-level security)"), self->sobject, field);
      return FALSE;
    }
  return TRUE;
}

/* --- fetching, with the cache --- */

typedef struct
{
  char   *path;      /* the cache file, nullable */
  char   *fetched;   /* the server's date of the cached answer */
  JsonNode *cached;  /* the cached describe, nullable */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->path);
  g_free (fetch->fetched);
  g_clear_pointer (&fetch->cached, json_node_unref);
  g_free (fetch);
}

static void
read_cache (Fetch *fetch)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize size = 0;
  JsonObject *object;

  if (fetch->path == NULL || !g_file_get_contents (fetch->path, &contents, &size, NULL) ||
      (root = hd_bounded_json_parse (contents, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "describe") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "describe")))
    return;
  fetch->fetched = g_strdup (hd_json_get_string (object, "fetched", NULL));
  fetch->cached = json_node_copy (json_object_get_member (object, "describe"));
}

static void
write_cache (Fetch        *fetch,
             HdSfResponse *response)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  g_autoptr(GDateTime) now = NULL;
  /* What to send as If-Modified-Since next time: the answer's own
   * Last-Modified, else the server's date of the answer. */
  g_autofree char *date = g_strdup (response->last_modified != NULL ? response->last_modified : response->date);
  g_autofree char *text = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;

  if (fetch->path == NULL)
    return;
  if (date == NULL)
    {
      now = g_date_time_new_now_utc ();
      date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
    }
  json_object_set_string_member (object, "fetched", date);
  json_object_set_member (object, "describe", json_node_ref (response->json));
  json_node_init_object (root, object);
  text = json_to_string (root, FALSE);
  folder = g_path_get_dirname (fetch->path);
  /* A cache: losing it costs one full describe, so failing is only logged. */
  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !hd_durable_write_file (fetch->path, text, -1, 0600, &error))
    g_message ("Could not keep Salesforce’s describe in %s: %s", fetch->path,
               error != NULL ? error->message : g_strerror (errno));
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;
  HdSfDescribe *describe;

  response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  if (response != NULL && response->status == SOUP_STATUS_NOT_MODIFIED && fetch->cached != NULL)
    {
      g_debug ("Describe of %s: not modified since %s", fetch->path, fetch->fetched);
      describe = new_from_node (fetch->cached, &error);
    }
  else if (response != NULL && response->status == SOUP_STATUS_OK)
    {
      if ((describe = new_from_node (response->json, &error)) != NULL)
        write_cache (fetch, response);
    }
  else
    {
      if (error == NULL)
        error = hd_sf_response_to_error (response);
      /* Offline or refused: the org's metadata as last seen beats none. */
      describe = fetch->cached != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                   ? new_from_node (fetch->cached, NULL) : NULL;
      if (describe != NULL)
        g_message ("Using the cached describe: %s", error->message);
    }
  if (describe != NULL)
    g_task_return_pointer (task, describe, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
hd_sf_describe_fetch_async (HdSfClient          *client,
                            const char          *sobject,
                            const char          *cache_dir,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  const char *org_id;
  const char *headers[3] = { NULL };
  Fetch *fetch;

  g_return_if_fail (HD_IS_SF_CLIENT (client));
  g_return_if_fail (sobject != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_describe_fetch_async);
  fetch = g_new0 (Fetch, 1);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  org_id = hd_sf_auth_get_org_id (hd_sf_client_get_auth (client));
  if (cache_dir != NULL && org_id != NULL && hd_sf_is_valid_id (org_id))
    {
      g_autofree char *leaf = g_strdup_printf ("%s-%s-describe.json", org_id, sobject);

      fetch->path = g_build_filename (cache_dir, leaf, NULL);
      read_cache (fetch);
    }
  if (fetch->cached != NULL && fetch->fetched != NULL)
    {
      headers[0] = "If-Modified-Since";
      headers[1] = fetch->fetched;
    }
  path = g_strdup_printf ("sobjects/%s/describe", sobject);
  hd_sf_client_request_async (client, SOUP_METHOD_GET, path, NULL, headers, cancellable,
                              fetch_cb, g_steal_pointer (&task));
}

HdSfDescribe *
hd_sf_describe_fetch_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
