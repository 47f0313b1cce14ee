/* hd-bounded-json.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-bounded-json"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hd-bounded-json-private.h"
#include "hd-error.h"


static gboolean
fail (HdBoundedJsonScan *r,
      const char        *what)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, HD_ERROR, HD_ERROR_PARSE, "invalid JSON at byte %" G_GSIZE_FORMAT ": %s",
                 (gsize) (r->p - r->start), what);
  return FALSE;
}

/* Fails and returns NULL, dropping @node (nullable): for the value readers. */
static JsonNode *
fail_node (HdBoundedJsonScan *r,
           const char        *what,
           JsonNode          *node)
{
  if (what != NULL)
    fail (r, what);
  if (node != NULL)
    json_node_unref (node);
  return NULL;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (HdBoundedJsonScan *r,
           gunichar          *out)
{
  gunichar value = 0;

  if (r->end - r->p < 4)
    return fail (r, "truncated \\u escape");
  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (r->p[i]);

      if (h < 0)
        return fail (r, "bad \\u escape");
      value = value * 16 + (gunichar) h;
    }
  r->p += 4;
  *out = value;
  return TRUE;
}

/* Reads a string after its opening quote.  *out points into the input when
 * the string has no escapes (its closing quote overwritten with a NUL), else
 * into r->buffer; either way NUL-terminated, and *out_len is its length. */
gboolean
_hd_bounded_json_scan_string (HdBoundedJsonScan  *r,
                              const char        **out,
                              gsize              *out_len)
{
  char *begin = r->p;

  /* Fast path: no escapes. */
  while (r->p < r->end && *r->p != '"' && *r->p != '\\')
    {
      if ((guchar) *r->p < 0x20)
        return fail (r, "control character in a string");
      r->p++;
    }
  if (r->p < r->end && *r->p == '"')
    {
      /* A valid input cut at two ASCII quotes is valid: no UTF-8 sequence
       * holds an ASCII byte. */
      if (!r->input_utf8 && !g_utf8_validate_len (begin, (gsize) (r->p - begin), NULL))
        return fail (r, "invalid UTF-8");
      *out = begin;
      *out_len = (gsize) (r->p - begin);
      if (r->writable)
        *r->p = '\0';
      r->p++;
      return TRUE;
    }

  g_string_truncate (r->buffer, 0);
  g_string_append_len (r->buffer, begin, r->p - begin);
  while (r->p < r->end && *r->p != '"')
    {
      char c = *r->p;

      if ((guchar) c < 0x20)
        return fail (r, "control character in a string");
      if (c != '\\')
        {
          g_string_append_c (r->buffer, c);
          r->p++;
          continue;
        }
      if (++r->p >= r->end)
        break;
      c = *r->p++;
      switch (c)
        {
        case '"':  g_string_append_c (r->buffer, '"'); break;
        case '\\': g_string_append_c (r->buffer, '\\'); break;
        case '/':  g_string_append_c (r->buffer, '/'); break;
        case 'b':  g_string_append_c (r->buffer, '\b'); break;
        case 'f':  g_string_append_c (r->buffer, '\f'); break;
        case 'n':  g_string_append_c (r->buffer, '\n'); break;
        case 'r':  g_string_append_c (r->buffer, '\r'); break;
        case 't':  g_string_append_c (r->buffer, '\t'); break;
        case 'u':
          {
            gunichar u;

            if (!read_hex4 (r, &u))
              return FALSE;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low;

                if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
                  return fail (r, "unpaired surrogate");
                r->p += 2;
                if (!read_hex4 (r, &low) || low < 0xDC00 || low > 0xDFFF)
                  return fail (r, "unpaired surrogate");
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              return fail (r, "unpaired surrogate");
            if (u == 0)
              return fail (r, "NUL in a string");
            g_string_append_unichar (r->buffer, u);
          }
          break;
        default:
          return fail (r, "bad escape");
        }
    }
  if (r->p >= r->end)
    return fail (r, "unterminated string");
  r->p++;  /* the closing quote */
  if (!g_utf8_validate_len (r->buffer->str, r->buffer->len, NULL))
    return fail (r, "invalid UTF-8");
  *out = r->buffer->str;
  *out_len = r->buffer->len;
  return TRUE;
}

/* A NUL-terminated form of a string just read: @value itself when the input
 * is writable or @value is in the scratch buffer, else the scratch buffer,
 * which is free again once the string is read.  Valid until the next string
 * is read; the node or object that keeps it makes its own copy. */
static const char *
terminated (HdBoundedJsonScan *r,
            const char        *value,
            gsize              len)
{
  if (r->writable || value == r->buffer->str)
    return value;
  g_string_truncate (r->buffer, 0);
  g_string_append_len (r->buffer, value, len);
  return r->buffer->str;
}

static JsonNode *
string_node (HdBoundedJsonScan *r,
             const char        *value,
             gsize              len)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, terminated (r, value, len));
  return node;
}

/* Checks a number's syntax and copies it, NUL-terminated, into @buf. */
static gboolean
scan_number (HdBoundedJsonScan *r,
             char               buf[64],
             gboolean          *is_double)
{
  const char *begin = r->p;
  gsize len;

  *is_double = FALSE;
  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail (r, "bad number");
  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      *is_double = TRUE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, "bad number");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      *is_double = TRUE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail (r, "bad number");
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  len = (gsize) (r->p - begin);
  if (len >= 64)
    return fail (r, "number too long");
  memcpy (buf, begin, len);
  buf[len] = '\0';
  return TRUE;
}

static JsonNode *
read_number (HdBoundedJsonScan *r)
{
  gboolean is_double;
  char buf[64];
  JsonNode *node;

  if (!scan_number (r, buf, &is_double))
    return NULL;

  node = json_node_new (JSON_NODE_VALUE);
  if (!is_double)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (buf, NULL, 10);
      if (errno == 0)
        {
          json_node_set_int (node, value);
          return node;
        }
      if (r->int64_only)
        return fail_node (r, "integer out of range", node);
    }
  json_node_set_double (node, g_ascii_strtod (buf, NULL));
  return node;
}

static gboolean
read_literal (HdBoundedJsonScan *r,
              const char        *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, "unexpected character");
  r->p += len;
  return TRUE;
}

/* A member whose value is checked but not built (hd_bounded_json_parse_deferring ()). */
typedef struct
{
  const char *name;
  gboolean    found;
  gsize       offset;
  gsize       len;
} Deferred;

/* Opens the array or object at the scanner, at @depth: FALSE if it is
 * empty, its @close already read. */
static inline gboolean
open_container (HdBoundedJsonScan *r,
                guint              depth,
                char               close)
{
  r->depth_seen = MAX (r->depth_seen, depth + 1);
  r->p++;
  _hd_bounded_json_scan_skip_space (r);
  if (r->p < r->end && *r->p == close)
    {
      r->p++;
      return FALSE;
    }
  return TRUE;
}

/* A member's name and its ':', as _hd_bounded_json_scan_string () gives
 * the name. */
static inline gboolean
read_member_name (HdBoundedJsonScan  *r,
                  const char        **name,
                  gsize              *name_len)
{
  _hd_bounded_json_scan_skip_space (r);
  if (r->p >= r->end || *r->p != '"')
    return fail (r, "expected a member name");
  r->p++;
  if (!_hd_bounded_json_scan_string (r, name, name_len))
    return FALSE;
  _hd_bounded_json_scan_skip_space (r);
  if (r->p >= r->end || *r->p != ':')
    return fail (r, "expected ':'");
  r->p++;
  return TRUE;
}

/* An object at @depth, after the depth check; @deferred (nullable) names
 * a member to check without building it. */
static JsonNode *
read_object (HdBoundedJsonScan *r,
             guint              depth,
             Deferred          *deferred)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  if (!open_container (r, depth, '}'))
    return node;
  for (;;)
    {
      g_autofree char *escaped = NULL;
      const char *name;
      gsize name_len;
      JsonNode *member;

      if (!read_member_name (r, &name, &name_len))
        return fail_node (r, NULL, node);
      /* The value may reuse the scratch buffer; a name in the input
       * stays where it is. */
      if (name == r->buffer->str)
        name = escaped = g_strndup (name, name_len);
      if (deferred != NULL && name_len == strlen (deferred->name) &&
          memcmp (name, deferred->name, name_len) == 0)
        {
          /* The last one counts, as a repeated member replaces the one
           * before; the member itself is left out. */
          _hd_bounded_json_scan_skip_space (r);
          deferred->offset = (gsize) (r->p - r->start);
          if (!_hd_bounded_json_scan_skip (r, depth + 1))
            return fail_node (r, NULL, node);
          deferred->len = (gsize) (r->p - r->start) - deferred->offset;
          deferred->found = TRUE;
        }
      else
        {
          if (!(member = _hd_bounded_json_scan_value (r, depth + 1)))
            return fail_node (r, NULL, node);
          /* json_object_set_member () copies the name. */
          json_object_set_member (object, escaped != NULL ? escaped : terminated (r, name, name_len),
                                  member);
        }
      _hd_bounded_json_scan_skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return node;
        }
      return fail_node (r, "expected ',' or '}'", node);
    }
}

/* What _hd_bounded_json_scan_value () does, with the same checks, the same
 * errors at the same bytes and the same depth accounting, building
 * nothing. */
gboolean
_hd_bounded_json_scan_skip (HdBoundedJsonScan *r,
                            guint              depth)
{
  _hd_bounded_json_scan_skip_space (r);
  if (r->p >= r->end)
    return fail (r, "unexpected end");
  if (G_UNLIKELY (depth >= r->max_depth) && (*r->p == '{' || *r->p == '['))
    {
      r->too_deep = TRUE;
      return fail (r, "nested too deeply");
    }

  switch (*r->p)
    {
    case '{':
    case '[':
      {
        char close = *r->p == '{' ? '}' : ']';

        if (!open_container (r, depth, close))
          return TRUE;
        for (;;)
          {
            const char *name;
            gsize name_len;

            if (close == '}' && !read_member_name (r, &name, &name_len))
              return FALSE;
            if (!_hd_bounded_json_scan_skip (r, depth + 1))
              return FALSE;
            _hd_bounded_json_scan_skip_space (r);
            if (r->p < r->end && *r->p == ',')
              {
                r->p++;
                continue;
              }
            if (r->p < r->end && *r->p == close)
              {
                r->p++;
                return TRUE;
              }
            return fail (r, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
          }
      }

    case '"':
      {
        const char *value;
        gsize len;

        r->p++;
        return _hd_bounded_json_scan_string (r, &value, &len);
      }

    case 't':
      return read_literal (r, "true");
    case 'f':
      return read_literal (r, "false");
    case 'n':
      return read_literal (r, "null");

    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        {
          gboolean is_double;
          char buf[64];

          return scan_number (r, buf, &is_double);
        }
      return fail (r, "unexpected character");
    }
}

JsonNode *
_hd_bounded_json_scan_value (HdBoundedJsonScan *r,
                             guint              depth)
{
  _hd_bounded_json_scan_skip_space (r);
  if (r->p >= r->end)
    return fail_node (r, "unexpected end", NULL);
  /* An array or object at @depth is level @depth + 1.  A scalar needs no
   * check: the container holding it passed.  One comparison on the common
   * path: this runs once per value. */
  if (G_UNLIKELY (depth >= r->max_depth) && (*r->p == '{' || *r->p == '['))
    {
      r->too_deep = TRUE;
      return fail_node (r, "nested too deeply", NULL);
    }

  switch (*r->p)
    {
    case '{':
      return read_object (r, depth, NULL);

    case '[':
      {
        JsonArray *array = json_array_new ();
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (node, array);
        if (!open_container (r, depth, ']'))
          return node;
        for (;;)
          {
            JsonNode *element = _hd_bounded_json_scan_value (r, depth + 1);

            if (element == NULL)
              return fail_node (r, NULL, node);
            json_array_add_element (array, element);
            _hd_bounded_json_scan_skip_space (r);
            if (r->p < r->end && *r->p == ',')
              {
                r->p++;
                continue;
              }
            if (r->p < r->end && *r->p == ']')
              {
                r->p++;
                return node;
              }
            return fail_node (r, "expected ',' or ']'", node);
          }
      }

    case '"':
      {
        const char *value;
        gsize len;

        r->p++;
        if (!_hd_bounded_json_scan_string (r, &value, &len))
          return NULL;
        return string_node (r, value, len);
      }

    case 't':
    case 'f':
      {
        gboolean value = *r->p == 't';
        JsonNode *node;

        if (!read_literal (r, value ? "true" : "false"))
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_boolean (node, value);
        return node;
      }

    case 'n':
      if (!read_literal (r, "null"))
        return NULL;
      return json_node_new (JSON_NODE_NULL);

    default:
      if (*r->p == '-' || g_ascii_isdigit (*r->p))
        return read_number (r);
      return fail_node (r, "unexpected character", NULL);
    }
}

void
_hd_bounded_json_scan_init (HdBoundedJsonScan  *r,
                            const char         *data,
                            gsize               len,
                            gboolean            writable,
                            guint               max_depth,
                            GError            **error)
{
  /* Written to only when @writable. */
  r->p = (char *) data;
  r->start = data;
  r->end = data + len;
  r->writable = writable;
  r->buffer = g_string_new (NULL);
  r->max_depth = max_depth;
  r->depth_seen = 0;
  r->error = error;
  r->input_utf8 = FALSE;
  r->int64_only = FALSE;
  r->too_deep = FALSE;
}

gboolean
_hd_bounded_json_scan_fail (HdBoundedJsonScan *r,
                            const char        *what)
{
  return fail (r, what);
}

void
_hd_bounded_json_scan_clear (HdBoundedJsonScan *r)
{
  if (r->buffer != NULL)
    g_string_free (r->buffer, TRUE);
  r->buffer = NULL;
}

gboolean
_hd_bounded_json_scan_expect (HdBoundedJsonScan *r,
                              const char        *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, literal, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

/* A whole document; @deferred (nullable) names a member of a root object
 * to check without building it. */
static JsonNode *
parse (const char  *data,
       gsize        len,
       guint        max_depth,
       Deferred    *deferred,
       guint       *depth,
       GError     **error)
{
  /* A copy, so strings are terminated in place, not in the scratch buffer. */
  g_autofree char *copy = NULL;
  g_auto(HdBoundedJsonScan) r = { 0 };
  JsonNode *root;

  copy = g_malloc (len + 1);
  memcpy (copy, data, len);
  copy[len] = '\0';
  _hd_bounded_json_scan_init (&r, copy, len, TRUE, max_depth, error);
  _hd_bounded_json_scan_skip_space (&r);
  /* Only a root object has members: anything else is read as
   * hd_bounded_json_parse () reads it. */
  if (deferred != NULL && r.p < r.end && *r.p == '{' && max_depth > 0)
    root = read_object (&r, 0, deferred);
  else
    root = _hd_bounded_json_scan_value (&r, 0);
  if (root != NULL)
    {
      _hd_bounded_json_scan_skip_space (&r);
      if (r.p != r.end)
        {
          fail (&r, "trailing characters");
          g_clear_pointer (&root, json_node_unref);
        }
    }
  if (depth != NULL)
    *depth = r.too_deep ? max_depth + 1 : r.depth_seen;
  if (root == NULL)
    return NULL;
  json_node_seal (root);
  return root;
}

JsonNode *
hd_bounded_json_parse (const char  *data,
                       gsize        len,
                       guint        max_depth,
                       guint       *depth,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  return parse (data, len, max_depth, NULL, depth, error);
}

JsonNode *
hd_bounded_json_parse_deferring (const char  *data,
                                 gsize        len,
                                 guint        max_depth,
                                 const char  *member,
                                 gsize       *member_offset,
                                 gsize       *member_len,
                                 guint       *depth,
                                 GError     **error)
{
  Deferred deferred = { member, FALSE, 0, 0 };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (member != NULL && member_offset != NULL && member_len != NULL, NULL);

  *member_offset = 0;
  *member_len = 0;
  root = parse (data, len, max_depth, &deferred, depth, error);
  if (root != NULL && deferred.found)
    {
      *member_offset = deferred.offset;
      *member_len = deferred.len;
    }
  return root;
}

JsonNode *
hd_bounded_json_load_file (const char  *path,
                           gsize        max_bytes,
                           guint        max_depth,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  GStatBuf st;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* The size first, so that a huge file is refused without reading it. */
  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (st.st_size > 0 && (guint64) st.st_size > max_bytes)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("“%s” is %llu bytes, more than the limit of %llu bytes"),
                   path, (unsigned long long) st.st_size, (unsigned long long) max_bytes);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  /* It may have grown since. */
  if (len > max_bytes)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("“%s” is %llu bytes, more than the limit of %llu bytes"),
                   path, (unsigned long long) len, (unsigned long long) max_bytes);
      return NULL;
    }
  if (!(root = hd_bounded_json_parse (data, len, max_depth, NULL, &local_error)))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not valid JSON: %s"), path, local_error->message);
      return NULL;
    }
  return root;
}
