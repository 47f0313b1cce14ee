/* hd-json-get.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hd-json-get.h"

static GType
value_type (JsonObject *object,
            const char *name,
            JsonNode  **node)
{
  g_return_val_if_fail (object != NULL, G_TYPE_INVALID);
  g_return_val_if_fail (name != NULL, G_TYPE_INVALID);

  *node = json_object_get_member (object, name);
  if (*node == NULL || !JSON_NODE_HOLDS_VALUE (*node))
    return G_TYPE_INVALID;
  return json_node_get_value_type (*node);
}

const char *
hd_json_get_string (JsonObject *object,
                    const char *name,
                    const char *fallback)
{
  JsonNode *node;

  return value_type (object, name, &node) == G_TYPE_STRING ? json_node_get_string (node) : fallback;
}

gint64
hd_json_get_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node;
  double number;

  switch (value_type (object, name, &node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      number = json_node_get_double (node);
      /* 2^63 itself is out of range: compare with the exact doubles on either side. */
      if (isfinite (number) && number == floor (number) && number >= -9223372036854775808.0 &&
          number < 9223372036854775808.0)
        return (gint64) number;
      return fallback;
    default:
      return fallback;
    }
}

gboolean
hd_json_get_boolean (JsonObject *object,
                     const char *name,
                     gboolean    fallback)
{
  JsonNode *node;

  return value_type (object, name, &node) == G_TYPE_BOOLEAN ? json_node_get_boolean (node) : fallback;
}

double
hd_json_get_double (JsonObject *object,
                    const char *name,
                    double      fallback)
{
  JsonNode *node;
  double number;

  switch (value_type (object, name, &node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      number = json_node_get_double (node);
      return isfinite (number) ? number : fallback;
    default:
      return fallback;
    }
}
