/* hd-json-reader-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-error.h"
#include "hd-packet-parser.h"

G_BEGIN_DECLS

/* Strict, typed access to a json-glib tree, for the packet parser.  The
 * reader keeps the JSON Pointer of where it is, so that every error names its
 * place: "<pointer>: <reason>".  Functions returning gboolean return FALSE
 * with the error set; an absent optional member leaves its output untouched.
 * Strings are checked against the string limit and for UTF-8, and free text
 * comes back masked. */

typedef struct
{
  const HdPacketLimits *limits;
  GString              *pointer;
  guint                 unknown;
  GError              **error;
} HdJsonReader;

typedef enum
{
  HD_JSON_TEXT_PLAIN,    /* free text, masked without the bare-code rule */
  HD_JSON_TEXT_TURN,     /* a chat turn: a message that is only digits is a code */
} HdJsonTextKind;

/* Calls parse_item on each element of an array member with the pointer set to
 * the element, and collects the objects it returns into a new GListStore. */
typedef GObject *(*HdJsonItemFunc) (HdJsonReader *p,
                                    JsonObject   *object);

/* Looks `key` up in `object` and names it in the pointer while `body` runs
 * (`body` sees the member as `node_`); returns FALSE from the calling function
 * if a required member is missing or `body` is FALSE. */
#define HD_JSON_WITH_MEMBER(p, object, key, required, body)                   \
  G_STMT_START {                                                              \
    JsonNode *node_;                                                          \
    if (!_hd_json_get_member (p, object, key, required, &node_))              \
      return FALSE;                                                           \
    if (node_ != NULL)                                                        \
      {                                                                       \
        gsize old_ = _hd_json_push (p, key);                                  \
        gboolean ok_ = body;                                                  \
        _hd_json_pop (p, old_);                                               \
        if (!ok_)                                                             \
          return FALSE;                                                       \
      }                                                                       \
  } G_STMT_END

gboolean
_hd_json_fail (HdJsonReader *p,
               HdError       code,
               const char   *format,
               ...) G_GNUC_PRINTF (3, 4);

char *
_hd_json_quote_value (const char *value);

gsize
_hd_json_push (HdJsonReader *p,
               const char   *key);

gsize
_hd_json_push_index (HdJsonReader *p,
                     guint         index);

void
_hd_json_pop (HdJsonReader *p,
              gsize         old);

gboolean
_hd_json_fail_unknown_value (HdJsonReader *p,
                             const char   *value);

void
_hd_json_count_unknown (HdJsonReader       *p,
                        JsonObject         *object,
                        const char * const *known);

gboolean
_hd_json_get_member (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     gboolean       required,
                     JsonNode     **out);

const char *
_hd_json_node_type_name (JsonNode *node);

const char *
_hd_json_node_get_string (HdJsonReader *p,
                          JsonNode     *node);

gboolean
_hd_json_node_get_token (HdJsonReader  *p,
                         JsonNode      *node,
                         char         **out);

gboolean
_hd_json_node_get_text (HdJsonReader    *p,
                        JsonNode        *node,
                        HdJsonTextKind   kind,
                        char           **out);

gboolean
_hd_json_node_get_time (HdJsonReader  *p,
                        JsonNode      *node,
                        GDateTime    **out);

gboolean
_hd_json_read_token (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     gboolean       required,
                     char         **out);

gboolean
_hd_json_read_text (HdJsonReader  *p,
                    JsonObject    *object,
                    const char    *key,
                    gboolean       required,
                    char         **out);

/* A display name for an id (`*_label`), by hd_display_name_check_label ()'s
 * rules: plain text of at most HD_DISPLAY_LABEL_MAX_CHARS characters on one
 * line; blank reads as absent. */

gboolean
_hd_json_read_label (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     char         **out);

gboolean
_hd_json_read_time (HdJsonReader  *p,
                    JsonObject    *object,
                    const char    *key,
                    gboolean       required,
                    GDateTime    **out);

gboolean
_hd_json_read_boolean (HdJsonReader *p,
                       JsonObject   *object,
                       const char   *key,
                       gboolean      required,
                       gboolean     *out);

gboolean
_hd_json_read_unit (HdJsonReader *p,
                    JsonObject   *object,
                    const char   *key,
                    double       *out);

gboolean
_hd_json_read_raw (HdJsonReader  *p,
                   JsonObject    *object,
                   const char    *key,
                   gboolean       required,
                   const char   **out);

gboolean
_hd_json_fail_member_unknown_value (HdJsonReader *p,
                                    const char   *key,
                                    const char   *value);

gboolean
_hd_json_node_get_object (HdJsonReader  *p,
                          JsonNode      *node,
                          JsonObject   **out);

gboolean
_hd_json_node_get_array (HdJsonReader  *p,
                         JsonNode      *node,
                         JsonArray    **out);

gboolean
_hd_json_read_object (HdJsonReader  *p,
                      JsonObject    *object,
                      const char    *key,
                      gboolean       required,
                      JsonObject   **out);

gboolean
_hd_json_read_array (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     JsonArray    **out);

gboolean
_hd_json_read_strv (HdJsonReader *p,
                    JsonObject   *object,
                    const char   *key,
                    gboolean      tokens,
                    GStrv        *out);

gboolean
_hd_json_read_list (HdJsonReader    *p,
                    JsonObject      *object,
                    const char      *key,
                    GType            item_type,
                    HdJsonItemFunc   parse_item,
                    GListStore     **out);

G_END_DECLS
