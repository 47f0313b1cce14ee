/* hd-packet.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-completeness.h"
#include "hd-packet-enums.h"
#include "hd-packet-objects.h"

G_BEGIN_DECLS

/* The schema version this build understands.  Packets with the same major
 * version and any minor version parse (unknown fields are counted); a newer
 * major version fails with HD_ERROR_VERSION. */
#define HD_PACKET_SCHEMA_MAJOR 1
#define HD_PACKET_SCHEMA_MINOR 0

#define HD_TYPE_PACKET (hd_packet_get_type ())

G_DECLARE_FINAL_TYPE (HdPacket, hd_packet, HD, PACKET, GObject)

/* An immutable, validated and masked handoff context packet.  Build one with
 * hd_packet_parse_bytes () or hd_packet_parse_node () (hd-packet-parser.h).
 * The six context objects are never NULL: an absent optional object is an
 * empty one, which the completeness report then flags. */
const char     *hd_packet_get_schema_version     (HdPacket *self);  /* "1.0" */
const char     *hd_packet_get_handoff_id         (HdPacket *self);
const char     *hd_packet_get_conversation_id    (HdPacket *self);
GDateTime      *hd_packet_get_created_at         (HdPacket *self);
const char     *hd_packet_get_bot_id             (HdPacket *self);
const char     *hd_packet_get_bot_flow           (HdPacket *self);
/* The bot's own name for its flow, or NULL. */
const char     *hd_packet_get_bot_flow_label     (HdPacket *self);
/* The flow as words for people: its label, else hd_display_name_for_token ().
 * A new string, or NULL when the packet names no flow. */
char           *hd_packet_dup_bot_flow_name      (HdPacket *self);
HdCustomer     *hd_packet_get_customer           (HdPacket *self);
HdVerification *hd_packet_get_verification       (HdPacket *self);
GListModel     *hd_packet_get_intents            (HdPacket *self);  /* of HdIntent, in order */
/* The primary intent: the last history entry of that name, else a
 * name-only intent; NULL if the packet names none. */
HdIntent       *hd_packet_get_primary_intent     (HdPacket *self);
GListModel     *hd_packet_get_entities           (HdPacket *self);  /* of HdField */
GListModel     *hd_packet_get_transcript         (HdPacket *self);  /* of HdTurn */
HdSummary      *hd_packet_get_summary            (HdPacket *self);
HdRouting      *hd_packet_get_routing            (HdPacket *self);
HdCaseFields   *hd_packet_get_case_fields        (HdPacket *self);
/* How many object members the parser did not know (forward compatibility). */
guint           hd_packet_get_unknown_field_count (HdPacket *self);
HdCompleteness *hd_packet_get_completeness       (HdPacket *self);

/* The unmasked identifier of @ref, one of the account references of the
 * packet's customer (accounts or linked accounts), exactly as the bot sent
 * it; NULL if @ref is not one of them.  Free with g_free ().
 *
 * The packet keeps these raw identifiers, and only these (never transcript
 * text, entities or case fields), privately: no getter, property, mask or
 * serializer returns them.  Widgets never call this.  Only the window's reveal
 * flow does, when the "allow-reveal" policy is on, after the agent gave a
 * reason and hd_journal_append_reveal () succeeded (docs/handoff-packet.md). */
char           *hd_packet_reveal_account_id      (HdPacket     *packet,
                                                  HdAccountRef *ref);

/* A packet token as words for people (hd_display_name_for_token ()):
 * "international_usage_not_enabled" → "International usage not enabled",
 * "emi_change" → "EMI change".  NULL for NULL or "". */
char           *hd_packet_format_token           (const char   *token);

G_END_DECLS
