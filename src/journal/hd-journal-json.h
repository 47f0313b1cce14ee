/* hd-journal-json.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest nesting a record may have. */
#define HD_JOURNAL_JSON_MAX_DEPTH 64

/* A strict RFC 8259 parser for one journal line, several times faster than
 * JsonParser (which is built on GScanner): opening a 100,000-event recording
 * parses every line.  Builds the same JsonNode tree JsonParser would (integers
 * as gint64, other numbers as double), sealed.  Fails with HD_ERROR_PARSE on
 * malformed JSON, invalid UTF-8, control characters in strings, or nesting
 * deeper than HD_JOURNAL_JSON_MAX_DEPTH.  Thread-safe. */
JsonNode *_hd_journal_json_parse (const char  *data,
                                  gsize        len,
                                  GError     **error);

/* The fast path for a line in the layout the journal writes: reads the
 * envelope members in their fixed order and parses only the payload.  Returns
 * FALSE (no error) for any other layout; the caller then parses the line as
 * generic JSON.  @content_len is the length up to the ,"hash" member. */
gboolean  _hd_journal_json_parse_envelope (const char  *line,
                                           gsize        content_len,
                                           char       **time,
                                           char       **handoff,
                                           char       **kind,
                                           char       **actor_id,
                                           char       **type,
                                           JsonNode   **payload);

G_END_DECLS
