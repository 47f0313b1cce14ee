/* hd-sf-standin-store.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-json-get.h"
#include "hd-sf-standin-private.h"
#include "hd-sf-standin-soql.h"

/* The record store (sObject → id → record, in creation order) and the REST
 * data API over it: query, read, create, update, with Salesforce's field
 * validation and error arrays. */

char *
_hd_sf_standin_format_datetime (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  g_autofree char *base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03d+0000", base, g_date_time_get_microsecond (utc) / 1000);
}

GDateTime *
_hd_sf_standin_parse_datetime (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

/* --- records --- */

GHashTable *
_hd_sf_standin_table_for (HdSfStandin *self,
                          const char  *sobject)
{
  GHashTable *table = g_hash_table_lookup (self->records, sobject);

  if (table == NULL && _hd_sf_standin_fields_of (sobject) != NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
      g_hash_table_insert (self->records, g_strdup (sobject), table);
    }
  return table;
}

JsonObject *
_hd_sf_standin_lookup_record (HdSfStandin *self,
                              const char  *sobject,
                              const char  *id)
{
  GHashTable *table = _hd_sf_standin_table_for (self, sobject);

  return table != NULL && id != NULL ? g_hash_table_lookup (table, id) : NULL;
}

/* Never earlier than now, and always at least a second after the last
 * change, so whole-second If-Unmodified-Since checks see every write. */
void
_hd_sf_standin_touch (JsonObject *record,
                      const char *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last = _hd_sf_standin_parse_datetime (hd_json_get_string (record, "LastModifiedDate", NULL));
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;

  if (last != NULL)
    {
      g_autoptr(GDateTime) next = g_date_time_add_seconds (last, 1.0);

      when = g_date_time_compare (next, now) > 0 ? g_date_time_ref (next) : g_date_time_ref (now);
    }
  else
    when = g_date_time_ref (now);
  text = _hd_sf_standin_format_datetime (when);
  json_object_set_string_member (record, "LastModifiedDate", text);
  if (json_object_has_member (record, "SystemModstamp"))
    json_object_set_string_member (record, "SystemModstamp", text);
  if (json_object_has_member (record, "LastModifiedById"))
    json_object_set_string_member (record, "LastModifiedById", user_id);
}

char *
_hd_sf_standin_insert (HdSfStandin *self,
                       const char  *sobject,
                       JsonObject  *fields,
                       const char  *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = _hd_sf_standin_format_datetime (now);
  GHashTable *table = _hd_sf_standin_table_for (self, sobject);
  const char * const *known = _hd_sf_standin_fields_of (sobject);
  JsonObject *record = json_object_new ();
  char *id;

  g_assert (table != NULL);
  id = g_strdup_printf ("%sHs%010u%s", _hd_sf_standin_prefix_of (sobject), ++self->next_id, "AAA");
  for (guint i = 0; known[i] != NULL; i++)
    json_object_set_null_member (record, known[i]);
  json_object_set_string_member (record, "Id", id);
  json_object_set_string_member (record, "CreatedDate", created);
  json_object_set_string_member (record, "CreatedById", user_id);
  json_object_set_string_member (record, "LastModifiedDate", created);
  if (g_strcmp0 (sobject, "Case") == 0)
    {
      g_autofree char *number = g_strdup_printf ("%08u", ++self->next_case_number);

      json_object_set_string_member (record, "CaseNumber", number);
      json_object_set_string_member (record, "Status", "New");
      json_object_set_string_member (record, "Priority", "Medium");
      json_object_set_string_member (record, "OwnerId", user_id);
      json_object_set_boolean_member (record, "IsClosed", FALSE);
      json_object_set_boolean_member (record, "IsEscalated", FALSE);
      json_object_set_string_member (record, "SystemModstamp", created);
      json_object_set_string_member (record, "LastModifiedById", user_id);
    }
  if (g_strcmp0 (sobject, "CaseComment") == 0)
    json_object_set_boolean_member (record, "IsPublished", FALSE);

  if (fields != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
    }
  g_hash_table_insert (table, g_strdup (id), record);
  g_ptr_array_add (self->order, g_strconcat (sobject, "/", id, NULL));
  return id;
}

JsonNode *
_hd_sf_standin_record_for_output (HdSfStandin *self,
                                  const char  *sobject,
                                  JsonObject  *record,
                                  const char  *version,
                                  const char * const *only)
{
  JsonObject *out = json_object_new ();
  JsonObject *attributes = json_object_new ();
  g_autofree char *url = g_strdup_printf ("/services/data/%s/sobjects/%s/%s", version, sobject,
                                          json_object_get_string_member (record, "Id"));
  g_autoptr(GList) names = json_object_get_members (record);
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (attributes, "type", sobject);
  json_object_set_string_member (attributes, "url", url);
  json_object_set_object_member (out, "attributes", attributes);
  if (only != NULL)
    {
      for (guint i = 0; only[i] != NULL; i++)
        {
          JsonNode *value = json_object_get_member (record, only[i]);

          json_object_set_member (out, only[i], value != NULL ? json_node_copy (value) : json_node_new (JSON_NODE_NULL));
        }
    }
  else
    for (GList *l = names; l != NULL; l = l->next)
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (record, l->data)));
  json_node_init_object (node, out);
  json_object_unref (out);
  return node;
}

void
_hd_sf_standin_run_query (HdSfStandin       *self,
                          SoupServerMessage *msg,
                          const char        *soql,
                          const char        *version)
{
  g_autoptr(SoqlQuery) query = NULL;
  g_autofree char *error_code = NULL;
  g_autofree char *error_message = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  JsonArray *records;

  if (!(query = _hd_sf_soql_parse (soql, &error_code, &error_message)))
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, error_code, error_message, NULL);
      return;
    }

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);
      g_autofree char *type = g_strndup (key, strchr (key, '/') - key);
      JsonObject *record;

      if (strcmp (type, query->sobject) != 0)
        continue;
      record = _hd_sf_standin_lookup_record (self, query->sobject, strchr (key, '/') + 1);
      if (record != NULL && _hd_sf_soql_matches (query, record))
        g_ptr_array_add (rows, record);
    }
  _hd_sf_soql_sort (query, rows);

  records = json_array_new ();
  for (guint i = 0; i < rows->len; i++)
    json_array_add_element (records, _hd_sf_standin_record_for_output (self, query->sobject, g_ptr_array_index (rows, i),
                                                                       version, (const char * const *) query->select));
  json_object_set_int_member (result, "totalSize", rows->len);
  json_object_set_boolean_member (result, "done", TRUE);
  json_object_set_array_member (result, "records", records);
  json_node_init_object (root, result);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

/* --- data API --- */

static JsonObject *
read_json_object (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonNode) root = NULL;

  /* A request body is network input, even on loopback: bounded. */
  if (g_bytes_get_size (bytes) == 0 ||
      (root = hd_bounded_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

void
_hd_sf_standin_log_write (HdSfStandin *self,
                          const char  *method,
                          const char  *what,
                          JsonObject  *fields)
{
  g_autoptr(GList) names = fields != NULL ? json_object_get_members (fields) : NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  g_string_printf (line, "%s %s", method, what);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (line, "%s%s", l == names ? " " : ",", (char *) l->data);
  g_ptr_array_add (self->write_log, g_string_free (g_steal_pointer (&line), FALSE));
}

/* Checks the fields of a write; answers the 400 itself and returns FALSE. */
static gboolean
validate_fields (HdSfStandin       *self,
                 SoupServerMessage *msg,
                 const char        *sobject,
                 JsonObject        *fields)
{
  g_autoptr(GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *one[] = { name, NULL };
      JsonNode *value = json_object_get_member (fields, name);

      if (!_hd_sf_standin_field_known (sobject, name) || _hd_sf_standin_field_removed (self, sobject, name))
        {
          g_autofree char *message = g_strdup_printf ("No such column '%s' on sobject of type %s", name, sobject);

          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
          return FALSE;
        }
      if (g_strcmp0 (sobject, "Case") == 0 && !g_strv_contains (_hd_sf_standin_case_writable, name))
        {
          g_autofree char *message = g_strdup_printf ("Unable to create/update fields: %s. Please check the "
                                                      "security settings of this field and verify that it is "
                                                      "read/write for your profile or permission set.", name);

          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD_FOR_INSERT_UPDATE", message, one);
          return FALSE;
        }
      if (g_strcmp0 (sobject, "Case") == 0 &&
          (strcmp (name, "Status") == 0 || strcmp (name, "Priority") == 0))
        {
          const char * const *allowed = _hd_sf_standin_picklist_values (self, name);
          const char *text = JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
                               ? json_node_get_string (value) : NULL;

          if (text == NULL || !g_strv_contains (allowed, text))
            {
              g_autofree char *message = g_strdup_printf ("%s: bad value for restricted picklist field: %s",
                                                          name, text != NULL ? text : "null");

              _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", message, one);
              return FALSE;
            }
        }
      if (g_strcmp0 (sobject, "CaseComment") == 0 && strcmp (name, "CommentBody") == 0 &&
          JSON_NODE_HOLDS_VALUE (value) && strlen (json_node_get_string (value)) > 4000)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "STRING_TOO_LONG",
                           "Body: data value too large (max length=4000)", one);
          return FALSE;
        }
    }
  return TRUE;
}

/* Returns TRUE when the request wrote something. */
gboolean
_hd_sf_standin_handle_data (HdSfStandin       *self,
                            SoupServerMessage *msg,
                            Session           *session,
                            const char        *version,
                            const char        *rest,
                            GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (rest, "/", -1);
  guint n = g_strv_length (parts);

  if (n == 1 && strcmp (parts[0], "query") == 0 && method == SOUP_METHOD_GET)
    {
      _hd_sf_standin_run_query (self, msg, query != NULL ? g_hash_table_lookup (query, "q") : NULL, version);
      return FALSE;
    }
  if (n >= 1 && strcmp (parts[0], "ui-api") == 0)
    {
      _hd_sf_standin_answer_ui_picklists (self, msg, version, (const char * const *) parts);
      return FALSE;
    }
  if (n < 2 || strcmp (parts[0], "sobjects") != 0 || _hd_sf_standin_fields_of (parts[1]) == NULL)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return FALSE;
    }

  if (n == 2 && method == SOUP_METHOD_POST &&
      (strcmp (parts[1], "Case") == 0 || strcmp (parts[1], "CaseComment") == 0))
    {
      g_autoptr(JsonObject) fields = read_json_object (msg);
      g_autoptr(JsonObject) answer = json_object_new ();
      g_autoptr(JsonNode) root = json_node_alloc ();
      g_autofree char *id = NULL;
      g_autofree char *what = NULL;

      if (fields == NULL)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "JSON_PARSER_ERROR", "The request body is not a JSON object", NULL);
          return FALSE;
        }
      if (!validate_fields (self, msg, parts[1], fields) ||
          !_hd_sf_standin_check_rules (self, msg, parts[1], NULL, fields))
        return FALSE;
      if (strcmp (parts[1], "CaseComment") == 0)
        {
          const char *parent = hd_json_get_string (fields, "ParentId", NULL);
          JsonObject *parent_case = _hd_sf_standin_lookup_record (self, "Case", parent);
          const char *fields_missing[] = { "ParentId", NULL };

          if (parent_case == NULL)
            {
              _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "FIELD_INTEGRITY_EXCEPTION",
                               "Parent ID: id value of incorrect type", fields_missing);
              return FALSE;
            }
        }
      id = _hd_sf_standin_insert (self, parts[1], fields, session->user_id);
      what = g_strdup_printf ("%s %s", parts[1], id);
      _hd_sf_standin_log_write (self, "POST", what, NULL);
      if (strcmp (parts[1], "Case") == 0)
        _hd_sf_standin_publish_case_change (self, "CREATE", _hd_sf_standin_lookup_record (self, "Case", id), fields,
                                            session->user_id);
      json_object_set_string_member (answer, "id", id);
      json_object_set_boolean_member (answer, "success", TRUE);
      json_object_set_array_member (answer, "errors", json_array_new ());
      json_node_init_object (root, answer);
      _hd_sf_standin_set_json (msg, SOUP_STATUS_CREATED, root);
      return TRUE;
    }

  if (n == 3 && strcmp (parts[2], "describe") == 0 && method == SOUP_METHOD_GET)
    {
      _hd_sf_standin_answer_describe (self, msg, parts[1]);
      return FALSE;
    }
  if (n == 3)
    {
      JsonObject *record = _hd_sf_standin_lookup_record (self, parts[1], parts[2]);

      if (record == NULL)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
          return FALSE;
        }
      if (method == SOUP_METHOD_GET)
        {
          g_autoptr(JsonNode) root = NULL;
          const char *fields_param = query != NULL ? g_hash_table_lookup (query, "fields") : NULL;
          g_auto(GStrv) only = fields_param != NULL ? g_strsplit (fields_param, ",", -1) : NULL;

          for (guint i = 0; only != NULL && only[i] != NULL; i++)
            if (!_hd_sf_standin_field_known (parts[1], only[i]))
              {
                g_autofree char *message = g_strdup_printf ("No such column '%s' on sobject of type %s",
                                                            only[i], parts[1]);

                _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", message, NULL);
                return FALSE;
              }
          root = _hd_sf_standin_record_for_output (self, parts[1], record, version, (const char * const *) only);
          _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
          return FALSE;
        }
      if (strcmp (method, "PATCH") == 0 && strcmp (parts[1], "Case") == 0)
        {
          SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
          const char *since_text = soup_message_headers_get_one (headers, "If-Unmodified-Since");
          const char *auto_assign = soup_message_headers_get_one (headers, "Sforce-Auto-Assign");
          g_autoptr(JsonObject) fields = read_json_object (msg);
          g_autofree char *what = NULL;
          g_autoptr(GList) names = NULL;

          g_free (self->last_auto_assign);
          self->last_auto_assign = g_strdup (auto_assign);
          if (fields == NULL)
            {
              _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "JSON_PARSER_ERROR", "The request body is not a JSON object", NULL);
              return FALSE;
            }
          if (since_text != NULL)
            {
              g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (since_text);
              g_autoptr(GDateTime) modified = _hd_sf_standin_parse_datetime (json_object_get_string_member (record, "LastModifiedDate"));
              g_autoptr(GDateTime) modified_s = NULL;

              if (since == NULL)
                {
                  _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_HEADER_TYPE",
                                   "If-Unmodified-Since is not a valid HTTP date", NULL);
                  return FALSE;
                }
              /* Whole seconds, as HTTP dates have no more. */
              modified_s = g_date_time_add (modified, -(g_date_time_get_microsecond (modified)));
              if (g_date_time_compare (modified_s, since) > 0)
                {
                  _hd_sf_standin_set_error_array (msg, SOUP_STATUS_PRECONDITION_FAILED, "PRECONDITION_FAILED",
                                   "The requested entity has been modified since the time specified in If-Unmodified-Since",
                                   NULL);
                  return FALSE;
                }
            }
          if (!validate_fields (self, msg, "Case", fields) ||
              !_hd_sf_standin_check_rules (self, msg, "Case", record, fields))
            return FALSE;

          names = json_object_get_members (fields);
          for (GList *l = names; l != NULL; l = l->next)
            json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
          json_object_set_boolean_member (record, "IsClosed",
                                          g_strcmp0 (hd_json_get_string (record, "Status", ""), "Closed") == 0);
          /* Without Sforce-Auto-Assign: FALSE the assignment rules run and
           * hand the case to the default queue, as in a real org. */
          if (g_strcmp0 (auto_assign, "FALSE") != 0 && g_strcmp0 (auto_assign, "false") != 0)
            json_object_set_string_member (record, "OwnerId", QUEUE_ID);
          _hd_sf_standin_touch (record, session->user_id);
          what = g_strdup_printf ("Case/%s", parts[2]);
          _hd_sf_standin_log_write (self, "PATCH", what, fields);
          _hd_sf_standin_publish_case_change (self, "UPDATE", record, fields, session->user_id);
          soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
          return TRUE;
        }
    }

  soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
  return FALSE;
}

