/* hd-sf-picklists.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-picklists"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-sf-picklists.h"

struct _HdSfPicklists
{
  GObject     parent_instance;

  JsonNode   *root;
  JsonObject *fields;   /* picklistFieldValues, borrowed from root */
};

G_DEFINE_FINAL_TYPE (HdSfPicklists, hd_sf_picklists, G_TYPE_OBJECT)

static void
hd_sf_picklists_finalize (GObject *object)
{
  HdSfPicklists *self = HD_SF_PICKLISTS (object);

  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (hd_sf_picklists_parent_class)->finalize (object);
}

static void
hd_sf_picklists_class_init (HdSfPicklistsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_sf_picklists_finalize;
}

static void
hd_sf_picklists_init (HdSfPicklists *self)
{
}

HdSfPicklists *
hd_sf_picklists_new_from_node (JsonNode  *root,
                               GError   **error)
{
  HdSfPicklists *self;
  JsonNode *fields;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (fields = json_object_get_member (json_node_get_object (root), "picklistFieldValues")) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (fields))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("Salesforce’s picklist values for the record type are not readable"));
      return NULL;
    }
  self = g_object_new (HD_TYPE_SF_PICKLISTS, NULL);
  self->root = json_node_ref (root);
  self->fields = json_node_get_object (fields);
  return self;
}

static JsonObject *
lookup (HdSfPicklists *self,
        const char    *field)
{
  JsonNode *node;

  g_return_val_if_fail (HD_IS_SF_PICKLISTS (self), NULL);

  node = field != NULL ? json_object_get_member (self->fields, field) : NULL;
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
hd_sf_picklists_has_field (HdSfPicklists *self,
                           const char    *field)
{
  return lookup (self, field) != NULL;
}

static gboolean
contains_index (JsonObject *value,
                gint64      index)
{
  JsonNode *node = json_object_get_member (value, "validFor");
  JsonArray *valid;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  valid = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (valid); i++)
    {
      JsonNode *element = json_array_get_element (valid, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64 &&
          json_node_get_int (element) == index)
        return TRUE;
    }
  return FALSE;
}

GStrv
hd_sf_picklists_dup_values (HdSfPicklists *self,
                            const char    *field,
                            const char    *controller_value)
{
  JsonObject *picklist = lookup (self, field);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonObject *controller = NULL;
  JsonArray *values;
  gint64 index = -1;

  if (picklist == NULL || (node = json_object_get_member (picklist, "values")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  values = json_node_get_array (node);
  node = json_object_get_member (picklist, "controllerValues");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && json_object_get_size (json_node_get_object (node)) > 0)
    {
      JsonNode *at;

      controller = json_node_get_object (node);
      at = controller_value != NULL ? json_object_get_member (controller, controller_value) : NULL;
      if (at != NULL && JSON_NODE_HOLDS_VALUE (at) && json_node_get_value_type (at) == G_TYPE_INT64)
        index = json_node_get_int (at);
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *element = json_array_get_element (values, i);
      JsonObject *value;
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      value = json_node_get_object (element);
      text = hd_json_get_string (value, "value", NULL);
      if (text != NULL && (controller == NULL || contains_index (value, index)))
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

const char *
hd_sf_picklists_get_default (HdSfPicklists *self,
                             const char    *field)
{
  JsonObject *picklist = lookup (self, field);
  JsonNode *node = picklist != NULL ? json_object_get_member (picklist, "defaultValue") : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return hd_json_get_string (json_node_get_object (node), "value", NULL);
}
