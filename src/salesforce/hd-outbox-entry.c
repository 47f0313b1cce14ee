/* hd-outbox-entry.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox-entry"

#include "config.h"

#include <string.h>

#include "hd-json-get.h"
#include "hd-outbox-entry.h"
#include "hd-sf-util.h"

struct _HdOutboxEntry
{
  GObject     parent_instance;
  JsonObject *object;    /* owned deep copy of the on-disk form */
  GPtrArray  *errors;    /* of HdSfApiError */
};

G_DEFINE_FINAL_TYPE (HdOutboxEntry, hd_outbox_entry, G_TYPE_OBJECT)

static void
hd_outbox_entry_finalize (GObject *object)
{
  HdOutboxEntry *self = HD_OUTBOX_ENTRY (object);

  g_clear_pointer (&self->object, json_object_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);
  G_OBJECT_CLASS (hd_outbox_entry_parent_class)->finalize (object);
}

static void
hd_outbox_entry_class_init (HdOutboxEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_outbox_entry_finalize;
}

static void
hd_outbox_entry_init (HdOutboxEntry *self)
{
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_sf_api_error_free);
}

HdOutboxEntry *
hd_outbox_entry_new_from_json (JsonObject *object)
{
  HdOutboxEntry *self;
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;
  JsonNode *errors;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (HD_TYPE_OUTBOX_ENTRY, NULL);
  json_node_init_object (node, object);
  copy = json_node_copy (node);
  self->object = json_object_ref (json_node_get_object (copy));

  errors = json_object_get_member (self->object, "errors");
  if (errors != NULL && JSON_NODE_HOLDS_ARRAY (errors))
    {
      g_autofree char *text = json_to_string (errors, FALSE);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GPtrArray) parsed = hd_sf_parse_error_array (bytes, NULL);

      if (parsed != NULL)
        {
          g_clear_pointer (&self->errors, g_ptr_array_unref);
          self->errors = g_steal_pointer (&parsed);
        }
    }
  return self;
}

static const char *
get_string (HdOutboxEntry *self,
            const char    *name)
{
  JsonNode *node = json_object_get_member (self->object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
get_object (HdOutboxEntry *self,
            const char    *name)
{
  JsonNode *node = json_object_get_member (self->object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
hd_outbox_entry_get_id (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_string (self, "id");
}

guint64
hd_outbox_entry_get_seq (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), 0);
  return (guint64) hd_json_get_int (self->object, "seq", 0);
}

HdOutboxKind
hd_outbox_entry_get_kind (HdOutboxEntry *self)
{
  const char *kind;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), HD_OUTBOX_KIND_UPDATE);
  kind = get_string (self, "kind");
  if (g_strcmp0 (kind, "comment") == 0)
    return HD_OUTBOX_KIND_COMMENT;
  if (g_strcmp0 (kind, "create") == 0)
    return HD_OUTBOX_KIND_CREATE;
  return HD_OUTBOX_KIND_UPDATE;
}

HdOutboxEntryState
hd_outbox_entry_get_state (HdOutboxEntry *self)
{
  const char *state;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), HD_OUTBOX_ENTRY_QUEUED);
  state = get_string (self, "state");
  if (g_strcmp0 (state, "sending") == 0)
    return HD_OUTBOX_ENTRY_SENDING;
  if (g_strcmp0 (state, "conflict") == 0)
    return HD_OUTBOX_ENTRY_CONFLICT;
  if (g_strcmp0 (state, "rejected") == 0)
    return HD_OUTBOX_ENTRY_REJECTED;
  return HD_OUTBOX_ENTRY_QUEUED;
}

const char *
hd_outbox_entry_get_record_id (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_string (self, "record");
}

const char *
hd_outbox_entry_get_link_key (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_string (self, "link");
}

guint
hd_outbox_entry_get_attempts (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), 0);
  return (guint) hd_json_get_int (self->object, "attempts", 0);
}

GStrv
hd_outbox_entry_dup_field_names (HdOutboxEntry *self)
{
  JsonObject *fields;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) names = NULL;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);

  if ((fields = get_object (self, "fields")) != NULL)
    {
      names = json_object_get_members (fields);
      names = g_list_sort (names, (GCompareFunc) g_strcmp0);
      for (GList *l = names; l != NULL; l = l->next)
        g_strv_builder_add (builder, l->data);
    }
  return g_strv_builder_end (builder);
}

static JsonNode *
get_member_of (HdOutboxEntry *self,
               const char    *object_name,
               const char    *field)
{
  JsonObject *object = get_object (self, object_name);

  return object != NULL ? json_object_get_member (object, field) : NULL;
}

JsonNode *
hd_outbox_entry_get_value (HdOutboxEntry *self,
                           const char    *field)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_member_of (self, "fields", field);
}

JsonNode *
hd_outbox_entry_get_base_value (HdOutboxEntry *self,
                                const char    *field)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_member_of (self, "base", field);
}

JsonNode *
hd_outbox_entry_get_server_value (HdOutboxEntry *self,
                                  const char    *field)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return get_member_of (self, "server", field);
}

gboolean
hd_outbox_entry_is_conflicting (HdOutboxEntry *self,
                                const char    *field)
{
  JsonNode *node;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), FALSE);
  node = json_object_get_member (self->object, "conflicts");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    if (g_strcmp0 (json_array_get_string_element (json_node_get_array (node), i), field) == 0)
      return TRUE;
  return FALSE;
}

GStrv
hd_outbox_entry_dup_conflicting_fields (HdOutboxEntry *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  node = json_object_get_member (self->object, "conflicts");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (node), i));
  return g_strv_builder_end (builder);
}

GPtrArray *
hd_outbox_entry_get_errors (HdOutboxEntry *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  return self->errors;
}

const char *
hd_outbox_entry_get_field_error (HdOutboxEntry *self,
                                 const char    *field)
{
  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  for (guint i = 0; i < self->errors->len; i++)
    {
      HdSfApiError *error = g_ptr_array_index (self->errors, i);

      if (g_strv_contains ((const char * const *) error->fields, field))
        return error->message;
    }
  return NULL;
}

char *
hd_outbox_entry_describe (HdOutboxEntry *self)
{
  static const char *kinds[] = { "update", "comment", "create" };
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (HD_IS_OUTBOX_ENTRY (self), NULL);
  names = hd_outbox_entry_dup_field_names (self);
  joined = g_strjoinv (",", names);
  return g_strdup_printf ("#%" G_GUINT64_FORMAT " %s %s [%s]", hd_outbox_entry_get_seq (self),
                          kinds[hd_outbox_entry_get_kind (self)],
                          hd_outbox_entry_get_record_id (self) != NULL ? hd_outbox_entry_get_record_id (self)
                                                                       : "(new case)",
                          joined);
}
