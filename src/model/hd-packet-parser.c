/* hd-packet-parser.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-parser"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-bounded-json-private.h"
#include "hd-error.h"
#include "hd-packet-parser-private.h"

/* The entry points: limits, bytes (through the bounded scanner), trees
 * from hd_bounded_json_parse (), and the worker thread.  The schema walk they share is in
 * hd-packet-parser-schema.c. */

void
hd_packet_limits_init (HdPacketLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_bytes = HD_PACKET_DEFAULT_MAX_BYTES;
  limits->max_turns = HD_PACKET_DEFAULT_MAX_TURNS;
  limits->max_string = HD_PACKET_DEFAULT_MAX_STRING;
  limits->max_depth = HD_PACKET_DEFAULT_MAX_DEPTH;
}

static const HdPacketLimits *
limits_or_default (const HdPacketLimits *limits,
                   HdPacketLimits       *storage)
{
  if (limits != NULL)
    return limits;
  hd_packet_limits_init (storage);
  return storage;
}


static HdPacket *
parse_root (JsonNode              *node,
            const HdPacketLimits  *limits,
            GError               **error)
{
  g_autoptr(GString) pointer = g_string_sized_new (64);
  HdJsonReader p = { limits, pointer, 0, error };

  return _hd_packet_parse_root (&p, node, NULL);
}

/* No walk for the depth limit here: the tree came from
 * hd_bounded_json_parse () with a bound that holds the packet within it
 * (hd-packet-parser.h). */
HdPacket *
hd_packet_parse_node (JsonNode              *node,
                      const HdPacketLimits  *limits,
                      GError               **error)
{
  HdPacketLimits defaults;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_root (node, limits_or_default (limits, &defaults), error);
}

static inline gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The document must start with an object or an array (an array then fails
 * as "expected an object"): a packet that is a number or a string is named as
 * such rather than as malformed JSON. */
static gboolean
check_start (const char  *data,
             gsize        len,
             GError     **error)
{
  gsize i = 0;

  while (i < len && is_json_space (data[i]))
    i++;

  if (i == len)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("the packet is empty"));
      return FALSE;
    }

  if (data[i] != '{' && data[i] != '[')
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("the packet is not a JSON object"));
      return FALSE;
    }

  return TRUE;
}

/* Where the scanner stopped, as the line and column people count (both
 * from 1, the column in bytes), for the error of a malformed packet. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *newline = NULL;

  *line = 1;
  for (const char *c = data; c < data + offset; c++)
    if (*c == '\n')
      {
        (*line)++;
        newline = c;
      }
  *column = (guint) (data + offset - (newline != NULL ? newline + 1 : data)) + 1;
}

/* The tree of a packet, read by the bounded scanner under
 * hd_bounded_json_parse () (without its seal, a walk of the whole tree that
 * the packet parser does not need), or NULL with the error set.  The
 * scanner reads strict RFC 8259 only, and counts the nesting of arrays and
 * objects exactly as the limit does, so no other depth check is needed, and
 * its recursion stops at the limit.  It
 * also refuses a second value after the first.  @data must be valid UTF-8
 * (the scanner then skips checking strings without escapes again) and start
 * with "{" or "[" after white space (check_start ()). */
void
_hd_packet_fail_more_than_one_value (const char              *data,
                                     const HdBoundedJsonScan *scan,
                                     GError                 **error)
{
  g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
               _("malformed JSON: more than one value at the top level (byte offset %zu)"),
               (size_t) (scan->p - data));
}

void
_hd_packet_fail_scan (const char               *data,
                      const HdBoundedJsonScan  *scan,
                      const GError             *scan_error,
                      GError                  **error)
{
  const char *what = scan_error->message;
  guint line, column;

  if (scan->too_deep)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("the packet nests deeper than %u levels"), scan->max_depth);
      return;
    }

  /* The scanner says "invalid JSON at byte N: what"; name the place as
   * a person reading the packet would look for it. */
  if (g_str_has_prefix (what, "invalid JSON at byte ") && (what = strstr (what, ": ")) != NULL)
    what += 2;
  else
    what = scan_error->message;
  locate (data, (gsize) (scan->p - data), &line, &column);
  g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
               _("malformed JSON at line %u, column %u: %s"), line, column, what);
}

/* The tree of a packet, read by the bounded scanner under
 * hd_bounded_json_parse () (without its seal, a walk of the whole tree that
 * the packet parser does not need), or NULL with the error set.  The
 * scanner reads strict RFC 8259 only, and counts the nesting of arrays and
 * objects exactly as the limit does, so no other depth check is needed, and
 * its recursion stops at the limit.  It
 * also refuses a second value after the first.  @data must be valid UTF-8
 * (the scanner then skips checking strings without escapes again) and start
 * with "{" or "[" after white space (check_start ()). */
static JsonNode *
read_tree (const char  *data,
           gsize        len,
           guint        max_depth,
           GError     **error)
{
  g_auto(HdBoundedJsonScan) scan = { 0 };
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  /* Read in place, not from a copy: a copy of a typical packet is a
   * block big enough that malloc first sorts all its freed small blocks,
   * which cost more than the copy saves. */
  _hd_bounded_json_scan_init (&scan, data, len, FALSE, max_depth, &local_error);
  scan.input_utf8 = TRUE;
  if ((root = _hd_bounded_json_scan_value (&scan, 0)) != NULL)
    {
      while (scan.p < scan.end && is_json_space (*scan.p))
        scan.p++;
      if (scan.p == scan.end)
        return root;

      g_clear_pointer (&root, json_node_unref);
      _hd_packet_fail_more_than_one_value (data, &scan, error);
      return NULL;
    }

  _hd_packet_fail_scan (data, &scan, local_error, error);
  return NULL;
}

/* What hd_packet_parse_bytes () checks before reading: the size, UTF-8,
 * and the first character.  Returns the data, or NULL with the error set. */
static const char *
check_bytes (GBytes                *json,
             const HdPacketLimits  *limits,
             gsize                 *len,
             GError               **error)
{
  const char *data = g_bytes_get_data (json, len);
  const char *invalid = NULL;

  if (*len > limits->max_bytes)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("the packet is %zu bytes, more than the limit of %zu bytes"),
                   (size_t) *len, (size_t) limits->max_bytes);
      return NULL;
    }

  /* One pass for the whole input, so the scanner need not check each
   * string again, and the error names the byte. */
  if (!g_utf8_validate_len (data, *len, &invalid))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   *invalid == '\0' ? _("NUL byte at offset %zu")
                                    : _("invalid UTF-8 at byte offset %zu"),
                   (size_t) (invalid - data));
      return NULL;
    }

  if (!check_start (data, *len, error))
    return NULL;

  return data != NULL ? data : "";
}

/* Whether @data starts with an object (after white space). */
static gboolean
starts_with_object (const char *data,
                    gsize       len)
{
  gsize i = 0;

  while (i < len && is_json_space (data[i]))
    i++;
  return i < len && data[i] == '{';
}

HdPacket *
_hd_packet_parse_bytes_tree (GBytes                *json,
                             const HdPacketLimits  *limits,
                             GError               **error)
{
  HdPacketLimits defaults;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize len;

  limits = limits_or_default (limits, &defaults);
  if ((data = check_bytes (json, limits, &len, error)) == NULL ||
      (root = read_tree (data, len, limits->max_depth, error)) == NULL)
    return NULL;

  return parse_root (root, limits, error);
}

HdPacket *
hd_packet_parse_bytes (GBytes                *json,
                       const HdPacketLimits  *limits,
                       GError               **error)
{
  HdPacketLimits defaults;
  const char *data;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limits = limits_or_default (limits, &defaults);
  if ((data = check_bytes (json, limits, &len, error)) == NULL)
    return NULL;

  /* An object is read straight into the model; anything else (an array,
   * which fails as such) and limits too tight for a turn go through a
   * tree. */
  if (limits->max_depth >= 3 && starts_with_object (data, len))
    return _hd_packet_decode (data, len, limits, limits->max_depth, error);
  return _hd_packet_parse_bytes_tree (json, limits, error);
}

HdPacket *
hd_packet_parse_checked (const char            *data,
                         gsize                  len,
                         const HdPacketLimits  *limits,
                         GError               **error)
{
  HdPacketLimits defaults;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limits = limits_or_default (limits, &defaults);
  /* The bytes passed the scanner with a depth bound already: no second
   * bound here, as for hd_packet_parse_node (). */
  if (starts_with_object (data, len))
    return _hd_packet_decode (data, len, limits, G_MAXUINT, error);

  /* Not an object: the tree names what it is. */
  if ((root = hd_bounded_json_parse (data, len, G_MAXUINT, NULL, error)) == NULL)
    return NULL;
  return parse_root (root, limits, error);
}

HdTurn *
hd_turn_parse_node (JsonNode    *node,
                    const char  *pointer,
                    GError     **error)
{
  HdPacketLimits limits;
  g_autoptr(GString) path = NULL;
  HdJsonReader p = { &limits, NULL, 0, error };
  JsonObject *object = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hd_packet_limits_init (&limits);
  path = g_string_new (pointer != NULL ? pointer : "");
  p.pointer = path;

  if (!_hd_json_node_get_object (&p, node, &object))
    return NULL;

  return _hd_packet_parse_turn (&p, object);
}

/* Async */

typedef struct
{
  GBytes         *json;
  HdPacketLimits  limits;
} ParseData;

static void
parse_data_free (gpointer data)
{
  ParseData *parse_data = data;

  g_bytes_unref (parse_data->json);
  g_free (parse_data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  HdPacket *packet;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((packet = hd_packet_parse_bytes (data->json, &data->limits, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, packet, g_object_unref);
}

void
hd_packet_parse_bytes_async (GBytes               *json,
                             const HdPacketLimits *limits,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseData *data;

  g_return_if_fail (json != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ParseData, 1);
  data->json = g_bytes_ref (json);
  if (limits != NULL)
    data->limits = *limits;
  else
    hd_packet_limits_init (&data->limits);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_packet_parse_bytes_async);
  g_task_set_task_data (task, data, parse_data_free);
  g_task_run_in_thread (task, parse_thread);
}

HdPacket *
hd_packet_parse_bytes_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hd_packet_parse_bytes_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
