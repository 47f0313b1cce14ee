/* hd-json-reader.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-display-names.h"
#include "hd-json-reader-private.h"
#include "hd-mask.h"
#include "hd-time.h"

/* Errors */

gboolean
_hd_json_fail (HdJsonReader *p,
               HdError       code,
               const char   *format,
               ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (p->pointer->len > 0)
    g_set_error (p->error, HD_ERROR, code, "%s: %s", p->pointer->str, reason);
  else
    g_set_error_literal (p->error, HD_ERROR, code, reason);

  return FALSE;
}

/* Values quoted in messages come from the packet: keep them short, masked
 * (messages reach toasts and logs) and printable, in any script. */
char *
_hd_json_quote_value (const char *value)
{
  g_autofree char *masked = hd_mask_text (value);
  g_autoptr(GString) inner = g_string_new (NULL);
  gboolean truncated = FALSE;
  guint n = 0;

  for (const char *c = masked; *c != '\0'; c = g_utf8_next_char (c), n++)
    {
      gunichar u = g_utf8_get_char (c);

      if (n == 40)
        {
          truncated = TRUE;
          break;
        }

      if (u == '"' || u == '\\')
        g_string_append_printf (inner, "\\%c", (char) u);
      else if (u < 0x20 || u == 0x7f)
        g_string_append_printf (inner, "\\u%04x", u);
      else
        g_string_append_unichar (inner, u);
    }

  return g_strdup_printf ("\"%s\"%s", inner->str, truncated ? "…" : "");
}

gsize
_hd_json_push (HdJsonReader *p,
               const char   *key)
{
  gsize old = p->pointer->len;
  gsize len = strlen (key);

  /* One append: the pointer is pushed for every member read. */
  g_string_set_size (p->pointer, old + 1 + len);
  p->pointer->str[old] = '/';
  memcpy (p->pointer->str + old + 1, key, len);
  return old;
}

gsize
_hd_json_push_index (HdJsonReader *p,
                     guint         index)
{
  gsize old = p->pointer->len;
  char digits[1 + 10];  /* "/" and G_MAXUINT */
  char *c = digits + sizeof digits;

  /* By hand, not printf: once for every array element. */
  do
    *--c = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  *--c = '/';
  g_string_append_len (p->pointer, c, digits + sizeof digits - c);
  return old;
}

void
_hd_json_pop (HdJsonReader *p,
              gsize         old)
{
  g_string_truncate (p->pointer, old);
}

gboolean
_hd_json_fail_unknown_value (HdJsonReader *p,
                             const char   *value)
{
  g_autofree char *quoted = _hd_json_quote_value (value);

  return _hd_json_fail (p, HD_ERROR_PARSE, _("unknown value %s"), quoted);
}

/* Unknown members */

void
_hd_json_count_unknown (HdJsonReader       *p,
                        JsonObject         *object,
                        const char * const *known)
{
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; known[i] != NULL; i++)
        {
          if (strcmp (known[i], name) == 0)
            {
              found = TRUE;
              break;
            }
        }

      if (!found)
        p->unknown++;
    }
}

/* Typed member access.  Each returns FALSE with the error set; an absent
 * optional member leaves *out untouched. */

gboolean
_hd_json_get_member (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     gboolean       required,
                     JsonNode     **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = node;
  if (node == NULL && required)
    {
      gsize old = _hd_json_push (p, key);

      _hd_json_fail (p, HD_ERROR_PARSE, _("required field missing"));
      _hd_json_pop (p, old);
      return FALSE;
    }

  return TRUE;
}

const char *
_hd_json_node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_STRING:
      return "a string";
    default:
      return "a number";
    }
}

/* The pointer must already name the node. */
const char *
_hd_json_node_get_string (HdJsonReader *p,
                          JsonNode     *node)
{
  const char *value;
  gsize len;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      _hd_json_fail (p, HD_ERROR_PARSE, _("expected a string, found %s"),
                     _hd_json_node_type_name (node));
      return NULL;
    }

  value = json_node_get_string (node);
  len = strlen (value);
  if (len > p->limits->max_string)
    {
      _hd_json_fail (p, HD_ERROR_LIMIT,
                     _("string of %zu bytes exceeds the limit of %zu bytes"),
                     (size_t) len, (size_t) p->limits->max_string);
      return NULL;
    }

  /* JSON escapes (\ud800) can smuggle in what the raw check cannot see. */
  if (!g_utf8_validate_len (value, len, NULL))
    {
      _hd_json_fail (p, HD_ERROR_PARSE, _("invalid UTF-8 in string"));
      return NULL;
    }

  return value;
}

static gboolean
is_token (const char *s)
{
  gsize len = 0;

  if (!g_ascii_isalnum (s[0]))
    return FALSE;

  for (const char *c = s; *c != '\0'; c++, len++)
    {
      if (!g_ascii_isalnum (*c) && strchr ("._:/-", *c) == NULL)
        return FALSE;
    }

  return len <= 128;
}

gboolean
_hd_json_node_get_token (HdJsonReader  *p,
                         JsonNode      *node,
                         char         **out)
{
  const char *value = _hd_json_node_get_string (p, node);

  if (value == NULL)
    return FALSE;
  if (!is_token (value))
    {
      g_autofree char *quoted = _hd_json_quote_value (value);

      return _hd_json_fail (p, HD_ERROR_PARSE,
                   _("%s is not an identifier (letters, digits and . _ : / -, at most 128)"),
                   quoted);
    }

  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

gboolean
_hd_json_node_get_text (HdJsonReader    *p,
                        JsonNode        *node,
                        HdJsonTextKind   kind,
                        char           **out)
{
  const char *value = _hd_json_node_get_string (p, node);

  if (value == NULL)
    return FALSE;

  g_free (*out);
  *out = hd_mask_text_full (value, kind == HD_JSON_TEXT_TURN ? HD_MASK_FLAGS_BARE_CODES
                                                     : HD_MASK_FLAGS_NONE);
  return TRUE;
}

gboolean
_hd_json_node_get_time (HdJsonReader  *p,
                        JsonNode      *node,
                        GDateTime    **out)
{
  const char *value = _hd_json_node_get_string (p, node);
  GDateTime *time;

  if (value == NULL)
    return FALSE;

  if ((time = hd_time_parse_rfc3339 (value)) == NULL)
    return _hd_json_fail (p, HD_ERROR_PARSE, _("not an RFC 3339 time"));

  g_clear_pointer (out, g_date_time_unref);
  *out = time;
  return TRUE;
}


gboolean
_hd_json_read_token (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     gboolean       required,
                     char         **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required, _hd_json_node_get_token (p, node_, out));
  return TRUE;
}

gboolean
_hd_json_read_text (HdJsonReader  *p,
                    JsonObject    *object,
                    const char    *key,
                    gboolean       required,
                    char         **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required,
                       _hd_json_node_get_text (p, node_, HD_JSON_TEXT_PLAIN, out));
  return TRUE;
}

static gboolean
node_get_label (HdJsonReader  *p,
                JsonNode      *node,
                char         **out)
{
  const char *value = _hd_json_node_get_string (p, node);
  g_autoptr(GError) error = NULL;
  char *label = NULL;

  if (value == NULL)
    return FALSE;
  if (!hd_display_name_check_label (value, &label, &error))
    return _hd_json_fail (p, HD_ERROR_PARSE, "%s", error->message);
  g_free (*out);
  *out = label;
  return TRUE;
}

gboolean
_hd_json_read_label (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     char         **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, FALSE, node_get_label (p, node_, out));
  return TRUE;
}

gboolean
_hd_json_read_time (HdJsonReader  *p,
                    JsonObject    *object,
                    const char    *key,
                    gboolean       required,
                    GDateTime    **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required, _hd_json_node_get_time (p, node_, out));
  return TRUE;
}

static gboolean
node_get_boolean (HdJsonReader *p,
                  JsonNode     *node,
                  gboolean     *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _hd_json_fail (p, HD_ERROR_PARSE, _("expected a boolean, found %s"),
                          _hd_json_node_type_name (node));

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_hd_json_read_boolean (HdJsonReader *p,
                       JsonObject   *object,
                       const char   *key,
                       gboolean      required,
                       gboolean     *out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required, node_get_boolean (p, node_, out));
  return TRUE;
}

static gboolean
node_get_unit (HdJsonReader *p,
               JsonNode     *node,
               double       *out)
{
  double value;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    return _hd_json_fail (p, HD_ERROR_PARSE, _("expected a number, found %s"),
                          _hd_json_node_type_name (node));

  value = json_node_get_double (node);
  if (!(value >= 0.0 && value <= 1.0))
    return _hd_json_fail (p, HD_ERROR_PARSE, _("%g is not between 0 and 1"), value);

  *out = value;
  return TRUE;
}

gboolean
_hd_json_read_unit (HdJsonReader *p,
                    JsonObject   *object,
                    const char   *key,
                    double       *out)
{
  HD_JSON_WITH_MEMBER (p, object, key, FALSE, node_get_unit (p, node_, out));
  return TRUE;
}

/* Reads a string member for the caller to check, e.g. against an enum.  The
 * string is borrowed from the tree. */
gboolean
_hd_json_read_raw (HdJsonReader  *p,
                   JsonObject    *object,
                   const char    *key,
                   gboolean       required,
                   const char   **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required,
                       (*out = _hd_json_node_get_string (p, node_)) != NULL);
  return TRUE;
}

gboolean
_hd_json_fail_member_unknown_value (HdJsonReader *p,
                                    const char   *key,
                                    const char   *value)
{
  gsize old = _hd_json_push (p, key);

  _hd_json_fail_unknown_value (p, value);
  _hd_json_pop (p, old);
  return FALSE;
}

gboolean
_hd_json_node_get_object (HdJsonReader  *p,
                          JsonNode      *node,
                          JsonObject   **out)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _hd_json_fail (p, HD_ERROR_PARSE, _("expected an object, found %s"),
                          _hd_json_node_type_name (node));
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_hd_json_node_get_array (HdJsonReader  *p,
                         JsonNode      *node,
                         JsonArray    **out)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _hd_json_fail (p, HD_ERROR_PARSE, _("expected an array, found %s"),
                          _hd_json_node_type_name (node));
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_hd_json_read_object (HdJsonReader  *p,
                      JsonObject    *object,
                      const char    *key,
                      gboolean       required,
                      JsonObject   **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, required, _hd_json_node_get_object (p, node_, out));
  return TRUE;
}

gboolean
_hd_json_read_array (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     JsonArray    **out)
{
  HD_JSON_WITH_MEMBER (p, object, key, FALSE, _hd_json_node_get_array (p, node_, out));
  return TRUE;
}

/* An array of identifiers (tokens) or of free text. */
gboolean
_hd_json_read_strv (HdJsonReader *p,
                    JsonObject   *object,
                    const char   *key,
                    gboolean      tokens,
                    GStrv        *out)
{
  JsonArray *array = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  gsize old;
  guint n;

  if (!_hd_json_read_array (p, object, key, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  n = json_array_get_length (array);
  old = _hd_json_push (p, key);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = NULL;
      gsize item_old = _hd_json_push_index (p, i);
      JsonNode *node = json_array_get_element (array, i);
      gboolean ok = tokens ? _hd_json_node_get_token (p, node, &value)
                           : _hd_json_node_get_text (p, node, HD_JSON_TEXT_PLAIN, &value);

      _hd_json_pop (p, item_old);
      if (!ok)
        {
          _hd_json_pop (p, old);
          return FALSE;
        }
      g_strv_builder_add (builder, value);
    }
  _hd_json_pop (p, old);

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Calls parse_item on each element of an array member with the pointer set to
 * the element, and collects the objects it returns into a new GListStore. */

gboolean
_hd_json_read_list (HdJsonReader    *p,
                    JsonObject      *object,
                    const char      *key,
                    GType            item_type,
                    HdJsonItemFunc   parse_item,
                    GListStore     **out)
{
  JsonArray *array = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gsize old;
  guint n;

  if (!_hd_json_read_array (p, object, key, &array))
    return FALSE;

  *out = g_list_store_new (item_type);
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);
  old = _hd_json_push (p, key);
  for (guint i = 0; i < n; i++)
    {
      gsize item_old = _hd_json_push_index (p, i);
      JsonObject *item_object = NULL;
      GObject *item;

      if (!_hd_json_node_get_object (p, json_array_get_element (array, i), &item_object) ||
          (item = parse_item (p, item_object)) == NULL)
        return FALSE;

      g_ptr_array_add (items, item);
      _hd_json_pop (p, item_old);
    }
  _hd_json_pop (p, old);

  /* One splice rather than n appends: GListStore is a GSequence. */
  g_list_store_splice (*out, 0, 0, items->pdata, items->len);
  return TRUE;
}
