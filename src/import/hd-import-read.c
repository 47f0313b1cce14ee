/* hd-import-read.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-import-private.h"
#include "hd-packet-parser.h"
#include "hd-time.h"

/* Reading the platforms' documents.  They are untrusted like any packet:
 * every accessor checks the type it wants and names the member at fault by
 * its JSON Pointer, so a bot team can find the broken field in their own
 * record rather than in a packet they never wrote. */

char *
_hd_import_pointer (const char *pointer,
                    const char *member)
{
  GString *out = g_string_new (pointer);

  g_string_append_c (out, '/');
  for (const char *c = member; *c != '\0'; c++)
    {
      if (*c == '~')
        g_string_append (out, "~0");
      else if (*c == '/')
        g_string_append (out, "~1");
      else
        g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

void
_hd_import_fail (GError     **error,
                 const char  *pointer,
                 const char  *member,
                 const char  *reason)
{
  g_autofree char *where = member != NULL ? _hd_import_pointer (pointer, member)
                                          : g_strdup (pointer);

  g_set_error (error, HD_ERROR, HD_ERROR_PARSE, "%s: %s",
               *where != '\0' ? where : "/", reason);
}

/* The member's node, or NULL (absent or null); fails when required. */
static JsonNode *
get_member (JsonObject  *object,
            const char  *pointer,
            const char  *member,
            gboolean     required,
            gboolean    *ok,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          _hd_import_fail (error, pointer, member, _("required field missing"));
          *ok = FALSE;
        }
      return NULL;
    }
  return node;
}

gboolean
_hd_import_get_object (JsonObject  *object,
                       const char  *pointer,
                       const char  *member,
                       gboolean     required,
                       JsonObject **out,
                       GError     **error)
{
  gboolean ok;
  JsonNode *node = get_member (object, pointer, member, required, &ok, error);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _hd_import_fail (error, pointer, member, _("expected an object"));
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_hd_import_get_array (JsonObject  *object,
                      const char  *pointer,
                      const char  *member,
                      gboolean     required,
                      JsonArray  **out,
                      GError     **error)
{
  gboolean ok;
  JsonNode *node = get_member (object, pointer, member, required, &ok, error);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _hd_import_fail (error, pointer, member, _("expected an array"));
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_hd_import_get_string (JsonObject  *object,
                       const char  *pointer,
                       const char  *member,
                       gboolean     required,
                       const char **out,
                       GError     **error)
{
  gboolean ok;
  JsonNode *node = get_member (object, pointer, member, required, &ok, error);
  gsize len;

  *out = NULL;
  if (node == NULL)
    return ok;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _hd_import_fail (error, pointer, member, _("expected a string"));
      return FALSE;
    }
  *out = json_node_get_string (node);
  if ((len = strlen (*out)) > HD_PACKET_DEFAULT_MAX_STRING)
    {
      g_autofree char *where = _hd_import_pointer (pointer, member);

      *out = NULL;
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("%s: string of %llu bytes exceeds the limit of %llu bytes"),
                   where, (unsigned long long) len, (unsigned long long) HD_PACKET_DEFAULT_MAX_STRING);
      return FALSE;
    }
  return TRUE;
}

gboolean
_hd_import_get_number (JsonObject  *object,
                       const char  *pointer,
                       const char  *member,
                       gboolean     required,
                       double      *out,
                       GError     **error)
{
  gboolean ok;
  JsonNode *node = get_member (object, pointer, member, required, &ok, error);
  GType type;

  if (node == NULL)
    return ok;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      _hd_import_fail (error, pointer, member, _("expected a number"));
      return FALSE;
    }
  *out = json_node_get_double (node);
  return TRUE;
}

JsonObject *
_hd_import_array_object (JsonArray   *array,
                         guint        index,
                         const char  *pointer,
                         GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("%s/%u", pointer, index);

      _hd_import_fail (error, where, NULL, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

char *
_hd_import_scalar_text (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *text = NULL;

          if (JSON_NODE_HOLDS_ARRAY (element) || (text = _hd_import_scalar_text (element)) == NULL)
            return NULL;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, text);
        }
      return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return *json_node_get_string (node) != '\0' ? g_strdup (json_node_get_string (node)) : NULL;
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
    }
  return NULL;
}

const char *
_hd_import_last_segment (const char *name)
{
  const char *slash = name != NULL ? strrchr (name, '/') : NULL;

  return slash != NULL ? slash + 1 : name;
}

char *
_hd_import_path_segment (const char *name,
                         const char *collection)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL)
    return NULL;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL && parts[i + 1] != NULL; i++)
    if (g_str_equal (parts[i], collection) && *parts[i + 1] != '\0')
      return g_strdup (parts[i + 1]);
  return NULL;
}

GDateTime *
_hd_import_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || strlen (text) < 20)
    return NULL;
  /* A time without a zone would be read in the desk's zone: refuse it, as
   * the packet does, rather than guess.  Every platform here sends UTC. */
  if (!(g_str_has_suffix (text, "Z") || g_str_has_suffix (text, "z") ||
        strchr (text + 19, '+') != NULL || strchr (text + 19, '-') != NULL))
    return NULL;
  utc = g_time_zone_new_utc ();
  return hd_time_parse_iso8601 (text, utc);
}

GDateTime *
_hd_import_time_from_unix (double seconds)
{
  /* Up to year 9999, after 1970: anything else is not a chat's time. */
  if (!(seconds >= 0 && seconds < 253402300800.0))
    return NULL;
  return hd_time_new_from_unix_usec ((gint64) (seconds * G_USEC_PER_SEC));
}

JsonNode *
_hd_import_parse_json (const char  *data,
                       gsize        len,
                       const char  *pointer,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  if (len > HD_IMPORT_MAX_BYTES)
    {
      if (*pointer != '\0')
        /* Translators: %s is a JSON Pointer into the document, e.g. /events/3/text. */
        g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                     _("%s: document of %llu bytes exceeds the limit of %llu bytes"),
                     pointer, (unsigned long long) len, (unsigned long long) HD_IMPORT_MAX_BYTES);
      else
        g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                     _("document of %llu bytes exceeds the limit of %llu bytes"),
                     (unsigned long long) len, (unsigned long long) HD_IMPORT_MAX_BYTES);
      return NULL;
    }
  node = hd_bounded_json_parse (data, len, HD_BOUNDED_JSON_MAX_DEPTH, NULL, &local_error);
  if (node == NULL)
    {
      if (*pointer != '\0')
        g_set_error (error, HD_ERROR, local_error->code, "%s: %s", pointer, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      json_node_unref (node);
      if (*pointer != '\0')
        _hd_import_fail (error, pointer, NULL, _("expected a JSON object"));
      else
        g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("the document is not a JSON object"));
      return NULL;
    }
  return node;
}

gboolean
_hd_import_is_handoff_name (const char *name)
{
  static const char * const words[] = {
    "handoff", "hand_off", "human", "agent", "escalat", "representative", NULL
  };
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  for (guint i = 0; lower != NULL && words[i] != NULL; i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
_hd_import_is_small_talk (const char *name)
{
  static const char * const names[] = {
    "greet", "goodbye", "affirm", "deny", "inform", "thankyou", "thanks", "bot_challenge",
    "chitchat", "out_of_scope", "nlu_fallback", NULL
  };

  return name != NULL && (g_strv_contains (names, name) || g_str_has_prefix (name, "mood_"));
}

/* json-glib's *_with_default () getters fail a g_return_if_fail () when the
 * member is an object or an array: from untrusted input, these instead. */
const char *
_hd_import_lookup_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
_hd_import_lookup_object (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

double
_hd_import_lookup_number (JsonObject *object,
                          const char *member,
                          double      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE ? json_node_get_double (node) : fallback;
}

gboolean
_hd_import_lookup_boolean (JsonObject *object,
                           const char *member,
                           gboolean    fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}
