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
 * describe follows.
 *
 * Reason (the editor's subcategory) is a dependent picklist controlled by
 * Type, as an administrator sets it up with Field Dependencies: each
 * Reason value's validFor is a base64 bitmap of the Type values it goes
 * with.  Besides the master record type the org has a "Card Services"
 * record type (HD_SF_STANDIN_CARD_RECORD_TYPE) with fewer Type values;
 * GET ui-api/object-info/Case/picklist-values/<record type id> answers the
 * User Interface API's Picklist Values Collection for it.
 *
 * self->picklists holds what tests set, by key: "<field>" for a picklist's
 * master values, "<field>/<controller value>" for the values of a
 * dependent picklist valid for that controller value, and
 * "<record type id>:<field>" for a record type's values. */

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
  { "RecordTypeId", "Record Type ID", "reference", 18, TRUE, FALSE },
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
static const char * const types[] = {
  "card_service_request", "card_replacement", "fraud_claim", "dispute", "hardship_request", "loan_query",
  "kyc_update", "payment_investigation", NULL
};
static const char * const card_types[] = {
  "card_service_request", "card_replacement", "fraud_claim", "dispute", NULL
};
/* Reason values and the Type each goes with (the demo cases' pairs). */
static const struct
{
  const char *reason;
  const char *type;
} reasons[] = {
  { "international_usage", "card_service_request" },
  { "lost", "card_replacement" },
  { "damaged", "card_replacement" },
  { "card_not_present", "fraud_claim" },
  { "goods_not_received", "dispute" },
  { "job_loss", "hardship_request" },
  { "emi_change", "loan_query" },
  { "document_rejected", "kyc_update" },
  { "inward_neft", "payment_investigation" },
  { "upi_reversal", "payment_investigation" },
};

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
  if (strcmp (field, "Type") == 0)
    return types;
  if (strcmp (field, "Reason") == 0)
    {
      static const char *all[G_N_ELEMENTS (reasons) + 1];

      for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
        all[i] = reasons[i].reason;
      return all;
    }
  return NULL;
}

/* The controlling field of a dependent picklist of Case, or NULL. */
static const char *
controller_of (const char *field)
{
  return strcmp (field, "Reason") == 0 ? "Type" : NULL;
}

/* Whether @value of the dependent @field goes with @controller_value. */
static gboolean
is_valid_for (HdSfStandin *self,
              const char  *field,
              const char  *value,
              const char  *controller_value)
{
  g_autofree char *key = g_strconcat (field, "/", controller_value, NULL);
  const char * const *set = g_hash_table_lookup (self->picklists, key);

  if (set != NULL)
    return g_strv_contains (set, value);
  for (guint i = 0; strcmp (field, "Reason") == 0 && i < G_N_ELEMENTS (reasons); i++)
    if (strcmp (reasons[i].reason, value) == 0 && strcmp (reasons[i].type, controller_value) == 0)
      return TRUE;
  return FALSE;
}

/* A record type's values of @field: what a test set, else Card Services'
 * Type values, else the master values. */
static const char * const *
record_type_values (HdSfStandin *self,
                    const char  *record_type_id,
                    const char  *field)
{
  g_autofree char *key = g_strconcat (record_type_id, ":", field, NULL);
  const char * const *values = g_hash_table_lookup (self->picklists, key);

  if (values != NULL)
    return values;
  if (strcmp (record_type_id, HD_SF_STANDIN_CARD_RECORD_TYPE) == 0 && strcmp (field, "Type") == 0)
    return card_types;
  return _hd_sf_standin_picklist_values (self, field);
}

/* The describe's validFor: bit i (most significant bit of byte 0 first)
 * is set when the value goes with the controller's i-th value. */
static char *
valid_for_bitmap (HdSfStandin *self,
                  const char  *field,
                  const char  *value)
{
  const char * const *controlling = _hd_sf_standin_picklist_values (self, controller_of (field));
  guchar bits[16] = { 0 };
  guint n = 0;

  for (guint i = 0; controlling != NULL && controlling[i] != NULL && i < 8 * sizeof bits; i++, n++)
    if (is_valid_for (self, field, value, controlling[i]))
      bits[i / 8] |= 0x80 >> (i % 8);
  return g_base64_encode (bits, MAX ((n + 7) / 8, 1));
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
      {
        /* The words an admin gave the value ("card_service_request" is
         * "Card service request"), as an org's labels are. */
        g_autofree char *label = g_strdelimit (g_strdup (values[i]), "_", ' ');

        label[0] = g_ascii_toupper (label[0]);
        json_builder_add_string_value (builder, label);
      }
      json_builder_set_member_name (builder, "validFor");
      if (controller_of (field) != NULL)
        {
          g_autofree char *bitmap = valid_for_bitmap (self, field, values[i]);

          json_builder_add_string_value (builder, bitmap);
        }
      else
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

static void
add_record_type (JsonBuilder *builder,
                 const char  *name,
                 const char  *developer_name,
                 const char  *id,
                 gboolean     master)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "active");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "defaultRecordTypeMapping");
  json_builder_add_boolean_value (builder, master);
  json_builder_set_member_name (builder, "developerName");
  json_builder_add_string_value (builder, developer_name);
  json_builder_set_member_name (builder, "master");
  json_builder_add_boolean_value (builder, master);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "recordTypeId");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
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
      json_builder_add_boolean_value (builder, controller_of (info->name) != NULL);
      json_builder_set_member_name (builder, "controllerName");
      if (controller_of (info->name) != NULL)
        json_builder_add_string_value (builder, controller_of (info->name));
      else
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
  add_record_type (builder, "Card Services", "Card_Services", HD_SF_STANDIN_CARD_RECORD_TYPE, FALSE);
  add_record_type (builder, "Master", "Master", "012000000000000AAA", TRUE);
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

static void
add_ui_value (JsonBuilder *builder,
              const char  *value,
              JsonArray   *valid_for)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "attributes");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, value);
  json_builder_set_member_name (builder, "validFor");
  json_builder_begin_array (builder);
  for (guint i = 0; valid_for != NULL && i < json_array_get_length (valid_for); i++)
    json_builder_add_int_value (builder, json_array_get_int_element (valid_for, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

/* One field of the Picklist Values Collection: controllerValues maps the
 * record type's values of the controlling field to their indexes, and each
 * value's validFor lists the indexes it goes with. */
static void
add_ui_picklist (HdSfStandin *self,
                 JsonBuilder *builder,
                 const char  *record_type_id,
                 const char  *version,
                 const char  *field)
{
  const char * const *values = record_type_values (self, record_type_id, field);
  const char *controller = controller_of (field);
  const char * const *controlling = controller != NULL ? record_type_values (self, record_type_id, controller) : NULL;
  const char *fallback = default_value (self, field);
  g_autofree char *url = g_strdup_printf ("/services/data/%s/ui-api/object-info/Case/picklist-values/%s/%s",
                                          version, record_type_id, field);

  json_builder_set_member_name (builder, field);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "controllerValues");
  json_builder_begin_object (builder);
  for (guint i = 0; controlling != NULL && controlling[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, controlling[i]);
      json_builder_add_int_value (builder, i);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "defaultValue");
  if (fallback != NULL && values != NULL && g_strv_contains (values, fallback))
    add_ui_value (builder, fallback, NULL);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "eTag");
  json_builder_add_string_value (builder, "standin");
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(JsonArray) valid_for = json_array_new ();

      for (guint j = 0; controlling != NULL && controlling[j] != NULL; j++)
        if (is_valid_for (self, field, values[i], controlling[j]))
          json_array_add_int_element (valid_for, j);
      add_ui_value (builder, values[i], valid_for);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

void
_hd_sf_standin_answer_ui_picklists (HdSfStandin       *self,
                                    SoupServerMessage *msg,
                                    const char        *version,
                                    const char * const *parts)
{
  static const char * const fields[] = { "Status", "Priority", "Type", "Reason", "Origin", NULL };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *record_type_id;

  /* ui-api/object-info/Case/picklist-values/<record type id> */
  if (g_strv_length ((char **) parts) != 5 || strcmp (parts[1], "object-info") != 0 ||
      strcmp (parts[2], "Case") != 0 || strcmp (parts[3], "picklist-values") != 0 ||
      soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return;
    }
  record_type_id = parts[4];
  if (strcmp (record_type_id, "012000000000000AAA") != 0 && strcmp (record_type_id, HD_SF_STANDIN_CARD_RECORD_TYPE) != 0)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND",
                                      "The requested resource does not exist", NULL);
      return;
    }
  self->n_picklist_reads++;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "eTag");
  json_builder_add_string_value (builder, "standin");
  json_builder_set_member_name (builder, "picklistFieldValues");
  json_builder_begin_object (builder);
  for (guint i = 0; fields[i] != NULL; i++)
    if (!_hd_sf_standin_field_removed (self, "Case", fields[i]))
      add_ui_picklist (self, builder, record_type_id, version, fields[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

void
hd_sf_standin_set_dependent_values (HdSfStandin        *self,
                                    const char         *field,
                                    const char         *controller_value,
                                    const char * const *values)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (field != NULL && controller_of (field) != NULL && controller_value != NULL && values != NULL);

  g_hash_table_replace (self->picklists, g_strconcat (field, "/", controller_value, NULL),
                        g_strdupv ((char **) values));
  _hd_sf_standin_touch_describe (self);
}

void
hd_sf_standin_set_record_type_values (HdSfStandin        *self,
                                      const char         *record_type_id,
                                      const char         *field,
                                      const char * const *values)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (record_type_id != NULL && field != NULL && values != NULL);

  g_hash_table_replace (self->picklists, g_strconcat (record_type_id, ":", field, NULL),
                        g_strdupv ((char **) values));
  _hd_sf_standin_touch_describe (self);
}

guint
hd_sf_standin_get_n_picklist_reads (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_picklist_reads;
}
