/* hd-packet-parser.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-packet.h"

G_BEGIN_DECLS

#define HD_PACKET_DEFAULT_MAX_BYTES  ((gsize) 8 * 1024 * 1024)
#define HD_PACKET_DEFAULT_MAX_TURNS  50000
#define HD_PACKET_DEFAULT_MAX_STRING ((gsize) 64 * 1024)
#define HD_PACKET_DEFAULT_MAX_DEPTH  32

typedef struct
{
  gsize max_bytes;   /* whole document, default 8 MiB */
  guint max_turns;   /* transcript turns, default 50000 */
  gsize max_string;  /* bytes per string value, default 64 KiB */
  guint max_depth;   /* nesting of arrays and objects, default 32 */
} HdPacketLimits;

void      hd_packet_limits_init        (HdPacketLimits        *limits);

/* Parse, validate and mask a packet.  Errors (domain HD_ERROR):
 *   HD_ERROR_PARSE    malformed JSON, invalid UTF-8, or invalid content; the
 *                     message is "<json-pointer>: <reason>", e.g.
 *                     "/verification/method: unknown value \"retina\"".
 *   HD_ERROR_LIMIT    a size, turn, string length or depth limit was exceeded
 *                     (depth: "the packet nests deeper than N levels").
 *   HD_ERROR_VERSION  the packet has a newer major schema version.
 * `limits` may be NULL for the defaults. */
HdPacket *hd_packet_parse_bytes        (GBytes                *json,
                                        const HdPacketLimits  *limits,
                                        GError               **error);
/* The same for a tree, which must come from hd_bounded_json_parse () with a
 * bound that keeps the packet within `limits->max_depth`: the packet's bound
 * plus how deep the document holding it puts it (a feed frame:
 * HD_FEED_MAX_DEPTH).  The depth is not checked again here; the other
 * limits are. */
HdPacket *hd_packet_parse_node         (JsonNode              *node,
                                        const HdPacketLimits  *limits,
                                        GError               **error);

/* The same for the bytes of a packet inside a document that
 * hd_bounded_json_parse_deferring () has checked (a feed frame's
 * "packet"): they are strict JSON within the depth bound already, so, as
 * for hd_packet_parse_node (), neither the size nor the depth is checked
 * here, and the errors are hd_packet_parse_node ()'s for the same packet.
 * An object is read straight into the model, with no tree. */
HdPacket *hd_packet_parse_checked      (const char            *data,
                                        gsize                  len,
                                        const HdPacketLimits  *limits,
                                        GError               **error);

/* The same in a worker thread, for big packets (10,000 turns and more). */
void      hd_packet_parse_bytes_async  (GBytes                *json,
                                        const HdPacketLimits  *limits,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
HdPacket *hd_packet_parse_bytes_finish (GAsyncResult          *result,
                                        GError               **error);

/* One transcript turn, validated and masked exactly like turns inside a
 * packet (default limits; the node comes from hd_bounded_json_parse (), as
 * for hd_packet_parse_node ()).  `pointer` is the JSON Pointer used in error
 * messages, e.g. "/transcript/12". */
HdTurn   *hd_turn_parse_node           (JsonNode              *node,
                                        const char            *pointer,
                                        GError               **error);

G_END_DECLS
