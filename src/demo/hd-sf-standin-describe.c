/* hd-sf-standin-describe.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-sf-standin-private.h"

/* GET sobjects/Case/describe in the shape of Salesforce's sObject Describe
 * (REST API "sObject Describe"; SALESFORCE.md §4.1): {name, label,
 * updateable, createable, fields: [{name, label, type, length, updateable,
 * createable, nillable, custom, restrictedPicklist, dependentPicklist,
 * controllerName, defaultValue, picklistValues: [{value, label, active,
 * defaultValue, validFor}]}], recordTypeInfos: [...]}, with
 * If-Modified-Since answered 304 when the org's metadata has not changed
 * since.  Tests change the org (remove a field, change a picklist) and the
 * describe follows. */

typedef struct
{
  const char *name;
  const char *label;
  const char *type;
  guint       length;
  gboolean    updateable;
  gboolean    custom;
} CaseFieldInfo;

static const CaseFieldInfo case_field_info[] = {
  { "Id", "Case ID", "id", 18, FALSE, FALSE },
  { "CaseNumber", "Case Number", "string", 30, FALSE, FALSE },
  { "Subject", "Subject", "string", 255, TRUE, FALSE },
  { "Status", "Status", "picklist", 255, TRUE, FALSE },
  { "Priority", "Priority", "picklist", 255, TRUE, FALSE },
  { "Type", "Case Type", "picklist", 255, TRUE, FALSE },
  { "Reason", "Case Reason", "picklist", 255, TRUE, FALSE },
  { "Origin", "Case Origin", "picklist", 255, TRUE, FALSE },
  { "Description", "Description", "textarea", 32000, TRUE, FALSE },
  { "Disposition__c", "Disposition", "string", 255, TRUE, TRUE },
  { "Next_Step__c", "Next Step", "string", 255, TRUE, TRUE },
  { "AccountId", "Account ID", "reference", 18, TRUE, FALSE },
  { "ContactId", "Contact ID", "reference", 18, TRUE, FALSE },
  { "OwnerId", "Owner ID", "reference", 18, TRUE, FALSE },
  { "IsClosed", "Closed", "boolean", 0, FALSE, FALSE },
  { "IsEscalated", "Escalated", "boolean", 0, TRUE, FALSE },
  { "CreatedDate", "Created Date", "datetime", 0, FALSE, FALSE },
  { "CreatedById", "Created By ID", "reference", 18, FALSE, FALSE },
  { "LastModifiedDate", "Last Modified Date", "datetime", 0, FALSE, FALSE },
  { "LastModifiedById", "Last Modified By ID", "reference", 18, FALSE, FALSE },
  { "SystemModstamp", "System Modstamp", "datetime", 0, FALSE, FALSE },
};

static const char * const origins[] = { "Phone", "Email", "Web", "Chat", NULL };

void
_hd_sf_standin_touch_describe (HdSfStandin *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Whole seconds, as If-Modified-Since carries; always forward. */
  self->describe_modified = MAX (now, self->describe_modified + 1);
}

gboolean
_hd_sf_standin_field_removed (HdSfStandin *self,
                              const char  *sobject,
                              const char  *field)
{
  g_autofree char *key = g_strconcat (sobject, ".", field, NULL);

  return g_hash_table_contains (self->removed_fields, key);
}

/* The values of a picklist of Case, the org's first. */
const char * const *
_hd_sf_standin_picklist_values (HdSfStandin *self,
                                const char  *field)
{
  const char * const *values = g_hash_table_lookup (self->picklists, field);

  if (values != NULL)
    return values;
  if (strcmp (field, "Status") == 0)
    return _hd_sf_standin_case_statuses;
  if (strcmp (field, "Priority") == 0)
    return _hd_sf_standin_case_priorities;
  if (strcmp (field, "Origin") == 0)
    return origins;
  return NULL;
}

static const char *
default_value (HdSfStandin *self,
               const char  *field)
{
  const char *value = g_hash_table_lookup (self->picklist_defaults, field);

  if (value != NULL)
    return value;
  if (strcmp (field, "Status") == 0)
    return "New";
  if (strcmp (field, "Priority") == 0)
    return "Medium";
  return NULL;
}

static void
add_picklist (HdSfStandin *self,
              JsonBuilder *builder,
              const char  *field)
{
  const char * const *values = _hd_sf_standin_picklist_values (self, field);
  const char *fallback = default_value (self, field);

  json_builder_set_member_name (builder, "picklistValues");
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "defaultValue");
      json_builder_add_boolean_value (builder, g_strcmp0 (values[i], fallback) == 0);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, values[i]);
      json_builder_set_member_name (builder, "validFor");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, values[i]);
      json_builder_end_object (builder);
    }
  /* Salesforce lists retired values too, inactive. */
  if (strcmp (field, "Status") == 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "defaultValue");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, "On Hold");
      json_builder_set_member_name (builder, "validFor");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, "On Hold");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
build_case_describe (HdSfStandin *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Case");
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, "Case");
  json_builder_set_member_name (builder, "keyPrefix");
  json_builder_add_string_value (builder, "500");
  json_builder_set_member_name (builder, "createable");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "updateable");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (case_field_info); i++)
    {
      const CaseFieldInfo *info = &case_field_info[i];
      gboolean picklist = strcmp (info->type, "picklist") == 0;

      if (_hd_sf_standin_field_removed (self, "Case", info->name))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, info->name);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, info->label);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, info->type);
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, info->length);
      json_builder_set_member_name (builder, "updateable");
      json_builder_add_boolean_value (builder, info->updateable);
      json_builder_set_member_name (builder, "createable");
      json_builder_add_boolean_value (builder, info->updateable);
      json_builder_set_member_name (builder, "nillable");
      json_builder_add_boolean_value (builder, info->updateable && strcmp (info->name, "Status") != 0);
      json_builder_set_member_name (builder, "custom");
      json_builder_add_boolean_value (builder, info->custom);
      json_builder_set_member_name (builder, "restrictedPicklist");
      json_builder_add_boolean_value (builder, strcmp (info->name, "Status") == 0 ||
                                               strcmp (info->name, "Priority") == 0);
      json_builder_set_member_name (builder, "dependentPicklist");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "controllerName");
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "defaultValue");
      json_builder_add_null_value (builder);
      if (picklist)
        add_picklist (self, builder, info->name);
      else
        {
          json_builder_set_member_name (builder, "picklistValues");
          json_builder_begin_array (builder);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "recordTypeInfos");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Master");
  json_builder_set_member_name (builder, "recordTypeId");
  json_builder_add_string_value (builder, "012000000000000AAA");
  json_builder_set_member_name (builder, "master");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "defaultRecordTypeMapping");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
_hd_sf_standin_answer_describe (HdSfStandin       *self,
                                SoupServerMessage *msg,
                                const char        *sobject)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *since_text = soup_message_headers_get_one (headers, "If-Modified-Since");
  g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (self->describe_modified);
  g_autofree char *modified_text = soup_date_time_to_string (modified, SOUP_DATE_HTTP);
  g_autoptr(JsonNode) root = NULL;

  self->n_describes++;
  if (strcmp (sobject, "Case") != 0)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Last-Modified", modified_text);
  if (since_text != NULL)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (since_text);

      if (since == NULL)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_HEADER_TYPE",
                                          "If-Modified-Since is not a valid HTTP date", NULL);
          return;
        }
      if (g_date_time_to_unix (since) >= self->describe_modified)
        {
          self->n_describes_not_modified++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }
  root = build_case_describe (self);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

void
hd_sf_standin_remove_field (HdSfStandin *self,
                            const char  *sobject,
                            const char  *field)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (sobject != NULL && field != NULL);

  g_hash_table_add (self->removed_fields, g_strconcat (sobject, ".", field, NULL));
  _hd_sf_standin_touch_describe (self);
}

void
hd_sf_standin_set_picklist (HdSfStandin        *self,
                            const char         *field,
                            const char * const *values,
                            const char         *default_value)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (field != NULL && values != NULL);

  g_hash_table_replace (self->picklists, g_strdup (field), g_strdupv ((char **) values));
  if (default_value != NULL)
    g_hash_table_replace (self->picklist_defaults, g_strdup (field), g_strdup (default_value));
  else
    g_hash_table_remove (self->picklist_defaults, field);
  _hd_sf_standin_touch_describe (self);
}

guint
hd_sf_standin_get_n_describes (HdSfStandin *self,
                               guint       *n_not_modified)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  if (n_not_modified != NULL)
    *n_not_modified = self->n_describes_not_modified;
  return self->n_describes;
}
