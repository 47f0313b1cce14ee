/* hd-journal-json.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bounded-json.h"

G_BEGIN_DECLS

/* The deepest nesting a record may have (parse lines with
 * hd_bounded_json_parse ()): the bound of any document that embeds nothing
 * with a bound of its own (hd-bounded-json.h).  A packet in an offer record
 * sits two levels below the record's root and was within its own 32 when it
 * was journaled. */
#define HD_JOURNAL_JSON_MAX_DEPTH HD_BOUNDED_JSON_MAX_DEPTH

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
