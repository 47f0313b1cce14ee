/* hd-bounded-json.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict RFC 8259 parser for JSON from the network and from files,
 * faster than JsonParser (which is built on GScanner) and bounded: JsonParser
 * 1.6 recurses once per level with no limit, so a frame of 100,000 "[" ends
 * the process with a stack overflow.  Every untrusted byte HandoffDesk reads
 * as JSON goes through here (or through the packet parser's bytes entry,
 * which uses the same scanner).  Builds the same JsonNode tree JsonParser
 * would (integers as gint64, other numbers as double), sealed.
 *
 * The depth budget, one unit everywhere: @max_depth bounds the nesting of
 * arrays and objects, the outermost counting 1 (a bare scalar is 0; an empty
 * array counts like a full one).  HdPacketLimits.max_depth counts the same
 * way, so a document that embeds a packet @n levels below its root is
 * parsed with the packet's bound + @n, and the packet in it is then within
 * its own bound with no second walk: feed frames (HD_FEED_MAX_DEPTH, see
 * hd-feed-protocol.h) do that.  Documents that embed nothing bounded use
 * HD_BOUNDED_JSON_MAX_DEPTH.
 *
 * Fails with HD_ERROR_PARSE ("invalid JSON at byte N: what") on malformed
 * JSON, invalid UTF-8, control characters or NUL in strings, unpaired
 * surrogates, anything after the value, or nesting deeper than @max_depth
 * ("nested too deeply").  @depth (nullable) gets the deepest nesting read;
 * when the parse failed for nesting, @max_depth + 1, so that a caller can
 * name the limit.  Thread-safe. */
/* Deep enough for any document HandoffDesk reads from the network or from
 * a file that may come from elsewhere (recordings, trainer notes, the
 * journal), and shallow enough for the recursion of the scanner and of
 * json-glib's generator. */
#define HD_BOUNDED_JSON_MAX_DEPTH 64

JsonNode *hd_bounded_json_parse (const char  *data,
                                 gsize        len,
                                 guint        max_depth,
                                 guint       *depth,
                                 GError     **error);

/* hd_bounded_json_parse () for a document whose top-level @member is read
 * by someone else: its value is checked exactly as hd_bounded_json_parse ()
 * checks it (the same errors, at the same bytes, and the same depth), but
 * not built, and the root object is left without it; *@member_offset and
 * *@member_len get where its bytes are in @data (the last one, as a repeated
 * member replaces the one before), or 0 and 0 when it is absent.  A feed
 * frame's packet is read this way: the packet parser reads it straight into
 * the model (hd_packet_parse_checked ()), and a tree of it is built only
 * when one is needed. */
JsonNode *hd_bounded_json_parse_deferring (const char  *data,
                                           gsize        len,
                                           guint        max_depth,
                                           const char  *member,
                                           gsize       *member_offset,
                                           gsize       *member_len,
                                           guint       *depth,
                                           GError     **error);

/* The same for a whole file that may be damaged or replaced: one the
 * program keeps between runs (the outbox, the feed's state).  Reads at most
 * @max_bytes.  Errors (HD_ERROR), each naming @path:
 *   HD_ERROR_IO     it cannot be read;
 *   HD_ERROR_LIMIT  it is larger than @max_bytes ("“…” is N bytes, more
 *                   than the limit of M bytes");
 *   HD_ERROR_PARSE  it is not JSON ("“…” is not valid JSON: invalid JSON at
 *                   byte N: what"), or nests deeper than @max_depth. */
JsonNode *hd_bounded_json_load_file (const char  *path,
                                     gsize        max_bytes,
                                     guint        max_depth,
                                     GError     **error);

G_END_DECLS
