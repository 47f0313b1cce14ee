/* hd-bounded-json.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict RFC 8259 parser for JSON from the network and from the journal,
 * faster than JsonParser (which is built on GScanner) and bounded: JsonParser
 * 1.6 recurses once per level with no limit, so a frame of 100,000 "[" ends
 * the process with a stack overflow.  Builds the same JsonNode tree JsonParser
 * would (integers as gint64, other numbers as double), sealed.
 *
 * Fails with HD_ERROR_PARSE ("invalid JSON at byte N: what") on malformed
 * JSON, invalid UTF-8, control characters or NUL in strings, unpaired
 * surrogates, anything after the value, or nesting deeper than @max_depth
 * (arrays and objects; the top level is depth 0).  @depth (nullable) gets
 * the deepest nesting seen.  Thread-safe. */
/* Deep enough for any document HandoffDesk reads from the network or from
 * a file that may come from elsewhere (recordings, trainer notes). */
#define HD_BOUNDED_JSON_MAX_DEPTH 64

JsonNode *hd_bounded_json_parse (const char  *data,
                                 gsize        len,
                                 guint        max_depth,
                                 guint       *depth,
                                 GError     **error);

G_END_DECLS
