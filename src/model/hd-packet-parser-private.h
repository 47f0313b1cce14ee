/* hd-packet-parser-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-json-reader-private.h"
#include "hd-packet-parser.h"
#include "hd-packet-private.h"

G_BEGIN_DECLS

/* Shared by hd-packet-parser.c (the entry points: bytes, trees, the worker)
 * and hd-packet-parser-schema.c (the schema walk over the tree). */

/* The whole packet at @root_node, or NULL with the error set. */
HdPacket *_hd_packet_parse_root (HdJsonReader *p,
                                 JsonNode     *root_node);
/* One transcript turn, or NULL with the error set. */
HdTurn   *_hd_packet_parse_turn (HdJsonReader *p,
                                 JsonObject   *object);

G_END_DECLS
