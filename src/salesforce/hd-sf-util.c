/* hd-sf-util.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-util"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-sf-util.h"
#include "hd-time.h"

G_DEFINE_BOXED_TYPE (HdSfApiError, hd_sf_api_error, hd_sf_api_error_copy, hd_sf_api_error_free)

HdSfApiError *
hd_sf_api_error_copy (const HdSfApiError *error)
{
  HdSfApiError *copy = g_new0 (HdSfApiError, 1);

  copy->message = g_strdup (error->message);
  copy->error_code = g_strdup (error->error_code);
  copy->fields = g_strdupv (error->fields);
  return copy;
}

void
hd_sf_api_error_free (HdSfApiError *error)
{
  if (error == NULL)
    return;
  g_free (error->message);
  g_free (error->error_code);
  g_strfreev (error->fields);
  g_free (error);
}

static JsonNode *
parse_body (GBytes  *body,
            GError **error)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("The server sent an empty answer"));
      return NULL;
    }
  if (!(root = hd_bounded_json_parse (data, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("The server sent malformed JSON"));
      return NULL;
    }
  return root;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

GPtrArray *
hd_sf_parse_error_array (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  JsonArray *array;

  if (!(root = parse_body (body, error)))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("The server’s error is not an error list"));
      return NULL;
    }

  array = json_node_get_array (root);
  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_sf_api_error_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *fields;
      HdSfApiError *item;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("The server’s error is not an error list"));
          return NULL;
        }
      object = json_node_get_object (node);
      item = g_new0 (HdSfApiError, 1);
      item->message = g_strdup (get_string_member (object, "message"));
      item->error_code = g_strdup (get_string_member (object, "errorCode"));
      if (item->error_code == NULL)
        item->error_code = g_strdup ("UNKNOWN_EXCEPTION");
      if (item->message == NULL)
        item->message = g_strdup (item->error_code);
      fields = json_object_get_member (object, "fields");
      if (fields != NULL && JSON_NODE_HOLDS_ARRAY (fields))
        {
          JsonArray *fa = json_node_get_array (fields);

          for (guint j = 0; j < json_array_get_length (fa); j++)
            {
              JsonNode *f = json_array_get_element (fa, j);

              if (JSON_NODE_HOLDS_VALUE (f) && json_node_get_value_type (f) == G_TYPE_STRING)
                g_strv_builder_add (builder, json_node_get_string (f));
            }
        }
      item->fields = g_strv_builder_end (builder);
      g_ptr_array_add (errors, item);
    }

  return g_steal_pointer (&errors);
}

const char *
hd_sf_error_array_first_code (GPtrArray *errors)
{
  if (errors == NULL || errors->len == 0)
    return NULL;
  return ((HdSfApiError *) g_ptr_array_index (errors, 0))->error_code;
}

gboolean
hd_sf_parse_oauth_error (GBytes  *body,
                         char   **error_code,
                         char   **description)
{
  g_autoptr(JsonNode) root = parse_body (body, NULL);
  JsonObject *object;
  const char *code;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if ((code = get_string_member (object, "error")) == NULL)
    return FALSE;
  if (error_code != NULL)
    *error_code = g_strdup (code);
  if (description != NULL)
    *description = g_strdup (get_string_member (object, "error_description"));
  return TRUE;
}

gboolean
hd_sf_parse_limit_info (const char *header,
                        guint      *used,
                        guint      *limit)
{
  g_auto(GStrv) parts = NULL;

  if (header == NULL)
    return FALSE;

  parts = g_strsplit_set (header, ";,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);
      guint64 a, b;
      char *end = NULL;

      if (!g_str_has_prefix (item, "api-usage="))
        continue;
      item += strlen ("api-usage=");
      a = g_ascii_strtoull (item, &end, 10);
      if (end == item || *end != '/')
        return FALSE;
      item = end + 1;
      b = g_ascii_strtoull (item, &end, 10);
      if (end == item || b == 0 || a > G_MAXUINT || b > G_MAXUINT)
        return FALSE;
      if (used != NULL)
        *used = (guint) a;
      if (limit != NULL)
        *limit = (guint) b;
      return TRUE;
    }
  return FALSE;
}

GDateTime *
hd_sf_parse_datetime (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  /* Salesforce's times are UTC; one without a zone is read as UTC too. */
  return hd_time_parse_iso8601 (text, utc);
}

char *
hd_sf_format_datetime (GDateTime *datetime)
{
  g_autofree char *text = hd_time_format_rfc3339 (datetime, 3);

  /* Salesforce writes UTC as "+0000" where RFC 3339 has "Z". */
  return g_strdup_printf ("%.*s+0000", (int) strlen (text) - 1, text);
}

char *
hd_sf_format_http_date (GDateTime *datetime)
{
  return soup_date_time_to_string (datetime, SOUP_DATE_HTTP);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
hd_sf_uri_is_loopback (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);

  return parsed != NULL && host_is_loopback (g_uri_get_host (parsed));
}

gboolean
hd_sf_check_uri (const char  *uri,
                 GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || (parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) == NULL ||
      g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    {
      g_set_error (error, HD_ERROR, HD_ERROR_AUTH, _("“%s” is not a valid Salesforce address"),
                   uri != NULL ? uri : "");
      return FALSE;
    }

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (g_uri_get_host (parsed)))
    return TRUE;

  g_set_error (error, HD_ERROR, HD_ERROR_AUTH,
               _("Refusing the insecure Salesforce address “%s”: only https is allowed"), uri);
  return FALSE;
}

char *
hd_sf_soql_quote (const char *value)
{
  GString *out = g_string_new ("'");

  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
  return g_string_free (out, FALSE);
}

gboolean
hd_sf_is_valid_id (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;
  len = strlen (id);
  if (len != 15 && len != 18)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]))
      return FALSE;
  return TRUE;
}

const char *
hd_sf_case_priority_from_packet (const char *priority)
{
  if (g_strcmp0 (priority, "low") == 0)
    return "Low";
  if (g_strcmp0 (priority, "normal") == 0)
    return "Medium";
  if (g_strcmp0 (priority, "high") == 0)
    return "High";
  if (g_strcmp0 (priority, "urgent") == 0)
    return "Critical";
  return NULL;
}
