/* hd-packet-parser-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bounded-json-private.h"
#include "hd-json-reader-private.h"
#include "hd-packet-parser.h"
#include "hd-packet-private.h"

G_BEGIN_DECLS

/* Shared by hd-packet-parser.c (the entry points: bytes, trees, the worker)
 * and hd-packet-parser-schema.c (the schema walk over the tree). */

/* A transcript read straight from the bytes (hd-packet-decoder.c), for the
 * schema walk to take when it reaches the transcript. */
typedef struct
{
  gboolean   decoded;   /* "transcript" was an array, read here */
  GPtrArray *turns;     /* HdTurn, up to the first that failed */
  guint      n_turns;   /* elements, counted past the limit */
  guint      unknown;   /* unknown members in the turns */
  GError    *error;     /* the first turn that failed, as the walk names it */
} HdPacketTranscript;

/* The whole packet at @root_node, or NULL with the error set.  When
 * @transcript (nullable) was decoded, it stands for the root's
 * "transcript". */
HdPacket *_hd_packet_parse_root (HdJsonReader             *p,
                                 JsonNode                 *root_node,
                                 const HdPacketTranscript *transcript);

/* hd-packet-decoder.c: a packet's bytes straight into the model.  @data
 * must be valid UTF-8 and start with "{" after white space; @max_depth at
 * least 3.  Errors as hd_packet_parse_bytes () gives them. */
HdPacket *_hd_packet_decode     (const char            *data,
                                 gsize                  len,
                                 const HdPacketLimits  *limits,
                                 guint                  max_depth,
                                 GError               **error);

/* hd-packet-parser.c: the errors of a packet the scanner refused (@scan
 * stopped where it failed, with @scan_error), and of one followed by more. */
void      _hd_packet_fail_scan  (const char               *data,
                                 const HdBoundedJsonScan  *scan,
                                 const GError             *scan_error,
                                 GError                  **error);
void      _hd_packet_fail_more_than_one_value (const char              *data,
                                               const HdBoundedJsonScan *scan,
                                               GError                 **error);

/* The tree path of hd_packet_parse_bytes (), kept for the differential
 * test (tests/test-packet-decoder.c) to compare the decoder with. */
HdPacket *_hd_packet_parse_bytes_tree (GBytes                *json,
                                       const HdPacketLimits  *limits,
                                       GError               **error);
/* One transcript turn, or NULL with the error set. */
HdTurn   *_hd_packet_parse_turn (HdJsonReader *p,
                                 JsonObject   *object);

G_END_DECLS
