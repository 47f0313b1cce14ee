/* hd-journal-json.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-json"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hd-error.h"
#include "hd-journal-json.h"

typedef struct
{
  const char *p;
  const char *start;
  const char *end;
  GString    *buffer;   /* scratch for strings with escapes */
  GError    **error;
} Reader;

static gboolean
fail (Reader     *r,
      const char *what)
{
  if (r->error != NULL && *r->error == NULL)
    g_set_error (r->error, HD_ERROR, HD_ERROR_PARSE, "invalid JSON at byte %" G_GSIZE_FORMAT ": %s",
                 (gsize) (r->p - r->start), what);
  return FALSE;
}

/* Fails and returns NULL, dropping @node (nullable): for the value readers. */
static JsonNode *
fail_node (Reader     *r,
           const char *what,
           JsonNode   *node)
{
  if (what != NULL)
    fail (r, what);
  if (node != NULL)
    json_node_unref (node);
  return NULL;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
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
read_hex4 (Reader   *r,
           gunichar *out)
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
 * the string has no escapes, else into r->buffer; *out_len is its length. */
static gboolean
read_string (Reader      *r,
             const char **out,
             gsize       *out_len)
{
  const char *begin = r->p;

  /* Fast path: no escapes. */
  while (r->p < r->end && *r->p != '"' && *r->p != '\\')
    {
      if ((guchar) *r->p < 0x20)
        return fail (r, "control character in a string");
      r->p++;
    }
  if (r->p < r->end && *r->p == '"')
    {
      if (!g_utf8_validate_len (begin, (gsize) (r->p - begin), NULL))
        return fail (r, "invalid UTF-8");
      *out = begin;
      *out_len = (gsize) (r->p - begin);
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

static JsonNode *
string_node (const char *value,
             gsize       len)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  char *copy = g_strndup (value, len);

  json_node_set_string (node, copy);
  g_free (copy);
  return node;
}

static JsonNode *
read_number (Reader *r)
{
  const char *begin = r->p;
  gboolean is_double = FALSE;
  char buf[64];
  gsize len;
  JsonNode *node;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p >= r->end || !g_ascii_isdigit (*r->p))
    return fail_node (r, "bad number", NULL);
  if (*r->p == '0')
    r->p++;
  else
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  if (r->p < r->end && *r->p == '.')
    {
      is_double = TRUE;
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail_node (r, "bad number", NULL);
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      is_double = TRUE;
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        return fail_node (r, "bad number", NULL);
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  len = (gsize) (r->p - begin);
  if (len >= sizeof buf)
    return fail_node (r, "number too long", NULL);
  memcpy (buf, begin, len);
  buf[len] = '\0';

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
    }
  json_node_set_double (node, g_ascii_strtod (buf, NULL));
  return node;
}

static gboolean
read_literal (Reader     *r,
              const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return fail (r, "unexpected character");
  r->p += len;
  return TRUE;
}

static JsonNode *
read_value (Reader *r,
            guint   depth)
{
  skip_space (r);
  if (r->p >= r->end)
    return fail_node (r, "unexpected end", NULL);
  if (depth > HD_JOURNAL_JSON_MAX_DEPTH)
    return fail_node (r, "nested too deeply", NULL);

  switch (*r->p)
    {
    case '{':
      {
        JsonObject *object = json_object_new ();
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (node, object);
        r->p++;
        skip_space (r);
        if (r->p < r->end && *r->p == '}')
          {
            r->p++;
            return node;
          }
        for (;;)
          {
            g_autofree char *name = NULL;
            const char *key;
            gsize key_len;
            JsonNode *member;

            skip_space (r);
            if (r->p >= r->end || *r->p != '"')
              return fail_node (r, "expected a member name", node);
            r->p++;
            if (!read_string (r, &key, &key_len))
              return fail_node (r, NULL, node);
            name = g_strndup (key, key_len);
            skip_space (r);
            if (r->p >= r->end || *r->p != ':')
              return fail_node (r, "expected ':'", node);
            r->p++;
            if (!(member = read_value (r, depth + 1)))
              return fail_node (r, NULL, node);
            json_object_set_member (object, name, member);
            skip_space (r);
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

    case '[':
      {
        JsonArray *array = json_array_new ();
        JsonNode *node = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (node, array);
        r->p++;
        skip_space (r);
        if (r->p < r->end && *r->p == ']')
          {
            r->p++;
            return node;
          }
        for (;;)
          {
            JsonNode *element = read_value (r, depth + 1);

            if (element == NULL)
              return fail_node (r, NULL, node);
            json_array_add_element (array, element);
            skip_space (r);
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
        if (!read_string (r, &value, &len))
          return NULL;
        return string_node (value, len);
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

JsonNode *
_hd_journal_json_parse (const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  Reader r = { data, data, data + len, buffer, error };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (!(root = read_value (&r, 0)))
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    {
      fail (&r, "trailing characters");
      json_node_unref (root);
      return NULL;
    }
  json_node_seal (root);
  return root;
}

static gboolean
expect (Reader     *r,
        const char *literal)
{
  gsize len = strlen (literal);

  if ((gsize) (r->end - r->p) < len || memcmp (r->p, literal, len) != 0)
    return FALSE;
  r->p += len;
  return TRUE;
}

static gboolean
expect_string (Reader  *r,
               char   **out)
{
  const char *value;
  gsize len;

  if (r->p >= r->end || *r->p != '"')
    return FALSE;
  r->p++;
  if (!read_string (r, &value, &len))
    return FALSE;
  *out = g_strndup (value, len);
  return TRUE;
}

gboolean
_hd_journal_json_parse_envelope (const char  *line,
                                 gsize        content_len,
                                 char       **time,
                                 char       **handoff,
                                 char       **kind,
                                 char       **actor_id,
                                 char       **type,
                                 JsonNode   **payload)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  Reader r = { line, line, line + content_len, buffer, NULL };
  g_autofree char *t = NULL, *h = NULL, *k = NULL, *id = NULL, *ty = NULL;
  JsonNode *node;

  /* {"v":1,"seq":N  — already checked by the caller. */
  if (!expect (&r, "{\"v\":1,\"seq\":"))
    return FALSE;
  while (r.p < r.end && g_ascii_isdigit (*r.p))
    r.p++;
  if (!expect (&r, ",\"time\":") || !expect_string (&r, &t) ||
      !expect (&r, ",\"handoff\":") || !expect_string (&r, &h) ||
      !expect (&r, ",\"actor\":{\"kind\":") || !expect_string (&r, &k))
    return FALSE;
  if (expect (&r, ",\"id\":") && !expect_string (&r, &id))
    return FALSE;
  if (!expect (&r, "},\"type\":") || !expect_string (&r, &ty) || !expect (&r, ",\"payload\":"))
    return FALSE;
  if (r.p >= r.end || *r.p != '{' || !(node = read_value (&r, 1)))
    return FALSE;
  /* The payload must end exactly where ,"prev":"…" starts. */
  if (!expect (&r, ",\"prev\":\"") || r.end - r.p != 65 || r.end[-1] != '"')
    {
      json_node_unref (node);
      return FALSE;
    }
  json_node_seal (node);
  *time = g_steal_pointer (&t);
  *handoff = g_steal_pointer (&h);
  *kind = g_steal_pointer (&k);
  *actor_id = g_steal_pointer (&id);
  *type = g_steal_pointer (&ty);
  *payload = node;
  return TRUE;
}
