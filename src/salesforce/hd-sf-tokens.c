/* hd-sf-tokens.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-tokens"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-sf-tokens.h"
#include "hd-sf-util.h"

G_DEFINE_BOXED_TYPE (HdSfTokens, hd_sf_tokens, hd_sf_tokens_copy, hd_sf_tokens_free)

HdSfTokens *
hd_sf_tokens_copy (const HdSfTokens *tokens)
{
  HdSfTokens *copy = g_new0 (HdSfTokens, 1);

  copy->access_token = g_strdup (tokens->access_token);
  copy->refresh_token = g_strdup (tokens->refresh_token);
  copy->instance_url = g_strdup (tokens->instance_url);
  copy->id_url = g_strdup (tokens->id_url);
  copy->org_id = g_strdup (tokens->org_id);
  copy->user_id = g_strdup (tokens->user_id);
  copy->scope = g_strdup (tokens->scope);
  copy->issued_at_ms = tokens->issued_at_ms;
  return copy;
}

static void
free_secret (char *secret)
{
  if (secret != NULL)
    {
      memset (secret, 0, strlen (secret));
      g_free (secret);
    }
}

void
hd_sf_tokens_free (HdSfTokens *tokens)
{
  if (tokens == NULL)
    return;
  free_secret (tokens->access_token);
  free_secret (tokens->refresh_token);
  g_free (tokens->instance_url);
  g_free (tokens->id_url);
  g_free (tokens->org_id);
  g_free (tokens->user_id);
  g_free (tokens->scope);
  g_free (tokens);
}

gboolean
hd_sf_split_identity_url (const char  *id_url,
                          char       **org_id,
                          char       **user_id)
{
  g_autoptr(GUri) uri = NULL;
  g_auto(GStrv) parts = NULL;
  guint n;

  if (id_url == NULL || (uri = g_uri_parse (id_url, G_URI_FLAGS_NONE, NULL)) == NULL)
    return FALSE;
  parts = g_strsplit (g_uri_get_path (uri), "/", -1);
  n = g_strv_length (parts);
  /* "", "id", org, user */
  if (n < 4 || g_strcmp0 (parts[n - 3], "id") != 0 ||
      !hd_sf_is_valid_id (parts[n - 2]) || !hd_sf_is_valid_id (parts[n - 1]))
    return FALSE;
  if (org_id != NULL)
    *org_id = g_strdup (parts[n - 2]);
  if (user_id != NULL)
    *user_id = g_strdup (parts[n - 1]);
  return TRUE;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static HdSfTokens *
tokens_from_object (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(HdSfTokens) tokens = g_new0 (HdSfTokens, 1);
  const char *issued_at;
  JsonNode *issued;

  tokens->access_token = g_strdup (string_member (object, "access_token"));
  tokens->refresh_token = g_strdup (string_member (object, "refresh_token"));
  tokens->instance_url = g_strdup (string_member (object, "instance_url"));
  tokens->id_url = g_strdup (string_member (object, "id"));
  tokens->scope = g_strdup (string_member (object, "scope"));

  /* issued_at is epoch milliseconds as a string; accept a number too. */
  issued = json_object_get_member (object, "issued_at");
  if ((issued_at = string_member (object, "issued_at")) != NULL)
    tokens->issued_at_ms = g_ascii_strtoll (issued_at, NULL, 10);
  else if (issued != NULL && JSON_NODE_HOLDS_VALUE (issued) && json_node_get_value_type (issued) == G_TYPE_INT64)
    tokens->issued_at_ms = json_node_get_int (issued);

  if (tokens->access_token == NULL || *tokens->access_token == '\0' ||
      tokens->instance_url == NULL || tokens->id_url == NULL)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                           _("Salesforce’s sign-in answer lacks the token, instance or identity"));
      return NULL;
    }
  if (!hd_sf_split_identity_url (tokens->id_url, &tokens->org_id, &tokens->user_id))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                           _("Salesforce’s sign-in answer has a malformed identity URL"));
      return NULL;
    }
  if (!hd_sf_check_uri (tokens->instance_url, error) || !hd_sf_check_uri (tokens->id_url, error))
    return NULL;

  return g_steal_pointer (&tokens);
}

HdSfTokens *
hd_sf_tokens_parse (GBytes  *body,
                    GError **error)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;
  g_autoptr(JsonNode) root = NULL;

  if (data == NULL || size == 0 ||
      (root = hd_bounded_json_parse (data, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                           _("Salesforce’s sign-in answer is not a JSON object"));
      return NULL;
    }
  return tokens_from_object (json_node_get_object (root), error);
}

char *
hd_sf_tokens_serialize (const HdSfTokens *tokens)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *issued = g_strdup_printf ("%" G_GINT64_FORMAT, tokens->issued_at_ms);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, tokens->access_token);
  if (tokens->refresh_token != NULL)
    {
      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, tokens->refresh_token);
    }
  json_builder_set_member_name (builder, "instance_url");
  json_builder_add_string_value (builder, tokens->instance_url);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, tokens->id_url);
  if (tokens->scope != NULL)
    {
      json_builder_set_member_name (builder, "scope");
      json_builder_add_string_value (builder, tokens->scope);
    }
  json_builder_set_member_name (builder, "issued_at");
  json_builder_add_string_value (builder, issued);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

HdSfTokens *
hd_sf_tokens_deserialize (const char  *text,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  bytes = g_bytes_new (text, strlen (text));
  return hd_sf_tokens_parse (bytes, error);
}
