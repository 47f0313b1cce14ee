/* hd-feed-protocol.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-packet-parser.h"

G_BEGIN_DECLS

/* The assignment feed protocol, version 1: the pure codec, shared by the
 * client (src/feed/hd-feed-client.c) and the embedded routing layer
 * (src/demo/hd-demo-router.c).  No I/O happens here.  See
 * docs/feed-protocol.md for the normative description.  Revoke reasons use
 * hd_revoke_reason_to_string () and _from_string () of hd-handoff.h; every
 * timestamp on the wire is hd_time_format_rfc3339 (time, 6) of hd-time.h
 * (UTC, "Z", microseconds), read with hd_time_parse_iso8601 (). */

/* The WebSocket subprotocol both sides must agree on. */
#define HD_FEED_SUBPROTOCOL "handoffdesk.feed.v1"
/* The path the routing layers serve the feed on. */
#define HD_FEED_PATH "/feed"
/* The largest frame a client accepts by default: a packet at the packet
 * parser's default limit (8 MiB) plus the envelope.  Larger frames are
 * rejected (reported, not fatal). */
#define HD_FEED_DEFAULT_MAX_FRAME (8 * 1024 * 1024 + 64 * 1024)
/* The close code a router uses when a newer connection of the same agent
 * replaces this one. */
#define HD_FEED_CLOSE_SUPERSEDED 4001
/* Frames above this are decoded in a worker thread (in order). */
#define HD_FEED_ASYNC_DECODE_BYTES (256 * 1024)
/* How far below a frame's root its packet sits: "packet" is a member of
 * the frame's object (offer, handoff_detail). */
#define HD_FEED_ENVELOPE_DEPTH 1
/* The deepest nesting of arrays and objects a frame may have (counted as
 * hd_bounded_json_parse () counts, the frame's object being 1): the packet
 * parser's default limit plus the envelope, so that a frame within it holds
 * a packet within the packet's limit, and the packet parser need not walk
 * the tree again.  An update's turns sit one level deeper than a packet's,
 * so they get one level less. */
#define HD_FEED_MAX_DEPTH (HD_PACKET_DEFAULT_MAX_DEPTH + HD_FEED_ENVELOPE_DEPTH)

typedef enum
{
  HD_FEED_MSG_UNKNOWN = 0,
  /* client → server */
  HD_FEED_MSG_HELLO,
  HD_FEED_MSG_ACK,
  HD_FEED_MSG_ACCEPT,
  HD_FEED_MSG_DECLINE,
  HD_FEED_MSG_AGENT_MESSAGE,
  HD_FEED_MSG_WRAP_UP,
  HD_FEED_MSG_STATUS,
  HD_FEED_MSG_SUPERVISOR_SUBSCRIBE,
  /* server → client */
  HD_FEED_MSG_WELCOME,
  HD_FEED_MSG_HEARTBEAT,
  HD_FEED_MSG_OFFER,
  HD_FEED_MSG_UPDATE,
  HD_FEED_MSG_REVOKE,
  HD_FEED_MSG_ASSIGNED,
  HD_FEED_MSG_DECLINED,
  HD_FEED_MSG_WRAPPED_UP,
  HD_FEED_MSG_QUEUE_SNAPSHOT,
  HD_FEED_MSG_QUEUE_EVENT,
  HD_FEED_MSG_ERROR,
  /* Supervisor mode (client → server, then server → client). */
  HD_FEED_MSG_AGENT_SIGNAL,
  HD_FEED_MSG_SUPERVISOR_FETCH,
  HD_FEED_MSG_SIGNAL_RECORDED,
  HD_FEED_MSG_HANDOFF_DETAIL,
} HdFeedMessageType;

typedef enum
{
  HD_FEED_AGENT_STATUS_AVAILABLE = 0,
  HD_FEED_AGENT_STATUS_BUSY,
  HD_FEED_AGENT_STATUS_AWAY,
} HdFeedAgentStatus;

/* The one-click handoff-quality reports an agent sends (the wire calls the
 * message "agent_signal" and the field "signal").  Wire names
 * "asked_to_repeat", "re_verified", "transferred". */
typedef enum
{
  HD_QUALITY_REPORT_ASKED_TO_REPEAT = 0,
  HD_QUALITY_REPORT_REVERIFIED,
  HD_QUALITY_REPORT_TRANSFERRED,
} HdQualityReport;

/* The outcome an agent states at wrap-up: omitted, "resolved": true or false. */
typedef enum
{
  HD_FEED_RESOLUTION_UNKNOWN = 0,
  HD_FEED_RESOLUTION_RESOLVED,
  HD_FEED_RESOLUTION_UNRESOLVED,
} HdFeedResolution;

/* What a supervisor stream's "queue_event" says happened (its "event"). */
typedef enum
{
  HD_QUEUE_EVENT_OFFERED = 0,
  HD_QUEUE_EVENT_ACCEPTED,
  HD_QUEUE_EVENT_DECLINED,
  HD_QUEUE_EVENT_EXPIRED,
  HD_QUEUE_EVENT_CUSTOMER_ABANDONED,
  HD_QUEUE_EVENT_REASSIGNED,
  HD_QUEUE_EVENT_WRAPPED_UP,
  HD_QUEUE_EVENT_TRANSFERRED,
  HD_QUEUE_EVENT_SIGNAL,
  HD_QUEUE_EVENT_OTHER,          /* a name this version does not know */
} HdQueueEventKind;

/* A decoded "queue_event" (docs/feed-protocol.md, Supervisor stream), the
 * one input of the supervisor's panels and of the KPI engine.  Strings and
 * @handoff are borrowed from the body it was decoded from; @missing's array
 * belongs to the event (hd_queue_event_clear ()). */
typedef struct
{
  HdQueueEventKind    kind;
  const char         *queue_id;     /* never NULL */
  /* The router's display name for @queue_id as sent, or NULL: unchecked,
   * read with hd_display_name_read_label (). */
  const char         *queue_label;
  const char         *handoff_id;   /* never NULL */
  const char         *agent_id;     /* or NULL */
  gint64              at;           /* µs since the epoch: "at", or the time of decoding */
  /* The counts after the event, each -1 when the event does not say. */
  gint64              waiting;
  gint64              offers_in_push;
  gint64              agents_available;
  gint64              agents_busy;
  gint64              agents_away;
  gint64              to_waiting;   /* TRANSFERRED: in @to_queue */
  /* OFFERED, TRANSFERRED: the waiting handoff's summary, or NULL. */
  JsonObject         *handoff;
  /* The bot flow the handoff escalated from: NULL for an agent-only chat
   * ("origin": "agent_only"), "unknown" for a bot escalation that names
   * none.  OFFERED: whether the packet says the customer is verified, and
   * the completeness keys it lacks (NULL-terminated, or NULL). */
  const char         *bot_flow;
  /* The router's display name for @bot_flow as sent, or NULL: unchecked,
   * read with hd_display_name_read_label (). */
  const char         *bot_flow_label;
  gboolean            verified;
  const char * const *missing;
  /* TRANSFERRED: where to. */
  const char         *to_queue;
  /* WRAPPED_UP: the outcome the agent stated. */
  HdFeedResolution    resolution;
  /* SIGNAL: the quality report, when @has_report (a name this version knows). */
  gboolean            has_report;
  HdQualityReport     report;
  /* CUSTOMER_ABANDONED, EXPIRED: the stream says it was being transferred. */
  gboolean            in_transfer;
} HdQueueEvent;

void hd_queue_event_clear (HdQueueEvent *event);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HdQueueEvent, hd_queue_event_clear)

/* A decoded frame.  @body is the whole JSON object of the frame (it includes
 * "type" and, for state-changing server messages, "seq"); the other fields
 * are the ones every consumer needs, pre-extracted.  A frame decoded by
 * hd_feed_message_parse_frame () has no "packet" in @body: ask
 * hd_feed_message_get_packet () and hd_feed_message_parse_packet (). */
typedef struct
{
  HdFeedMessageType  type;
  const char        *type_name;    /* borrowed from @body */
  gint64             seq;          /* 0 when the message carries none */
  const char        *handoff_id;   /* borrowed from @body, or NULL */
  const char        *request_id;   /* borrowed from @body, or NULL */
  JsonObject        *body;         /* owned */
  JsonNode          *root;         /* owned */
  /* hd_feed_message_parse_frame (): the frame, where its packet's bytes are
   * in it (packet_len 0: none), and their tree once it was asked for. */
  GBytes            *frame;
  gsize              packet_offset;
  gsize              packet_len;
  JsonNode          *packet;
} HdFeedMessage;

void           hd_feed_message_free          (HdFeedMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdFeedMessage, hd_feed_message_free)

const char        *hd_feed_message_type_to_string   (HdFeedMessageType  type);
HdFeedMessageType  hd_feed_message_type_from_string (const char        *name);
gboolean           hd_feed_message_type_is_sequenced (HdFeedMessageType type);

const char        *hd_quality_report_to_string       (HdQualityReport    report);
gboolean           hd_quality_report_from_string     (const char        *name,
                                                      HdQualityReport   *report);

const char        *hd_feed_agent_status_to_string    (HdFeedAgentStatus  status);
gboolean           hd_feed_agent_status_from_string  (const char        *name,
                                                      HdFeedAgentStatus *status);

/* Decodes one text frame.  Fails with HD_ERROR_LIMIT when @length exceeds
 * @max_bytes (0: no limit), HD_ERROR_PARSE when it is not a JSON object with
 * a string "type", or has a malformed "seq"/"handoff_id".  An unknown type is
 * not an error here: the message comes back as HD_FEED_MSG_UNKNOWN, and the
 * caller decides (the client reports and skips it). */
HdFeedMessage *hd_feed_message_parse (const char  *data,
                                      gsize        length,
                                      gsize        max_bytes,
                                      GError     **error);

/* The same for a frame the client applies, whose "packet" (an offer's, a
 * handoff_detail's) is checked as JSON here, with the same errors, but
 * not built: hd_feed_message_parse_packet () reads its bytes straight into
 * the model, and its tree, which only the journal needs, is built when
 * hd_feed_message_get_packet () first asks for it.  Keeps @frame. */
HdFeedMessage *hd_feed_message_parse_frame (GBytes      *frame,
                                            gsize        max_bytes,
                                            GError     **error);

/* The frame's "packet" object, or NULL when it has none (or it is no
 * object).  For a frame from hd_feed_message_parse_frame (), the tree is
 * built on the first call: call it from one thread at a time. */
JsonObject    *hd_feed_message_get_packet   (HdFeedMessage         *message);

/* The frame's packet, parsed, validated and masked with @limits (the depth
 * is bounded by the frame's, HD_FEED_MAX_DEPTH), as hd_packet_parse_node ()
 * would from the tree.  NULL without an error when the frame has no
 * "packet". */
HdPacket      *hd_feed_message_parse_packet (HdFeedMessage         *message,
                                             const HdPacketLimits  *limits,
                                             GError               **error);

/* Decodes the body of a "queue_event" into @event (cleared first; clear it
 * with hd_queue_event_clear () when done).  Returns FALSE, and leaves
 * @event cleared, when the body lacks "event", "handoff_id" or a non-empty
 * "queue_id"; every other member is optional.  @body must outlive @event. */
gboolean hd_feed_parse_queue_event (JsonObject   *body,
                                    HdQueueEvent *event);

/* Builders: each returns a newly allocated, compact JSON text frame. */
char *hd_feed_build_hello        (const char          *agent_id,
                                  guint                capacity,
                                  const char * const  *languages,
                                  gint64               resume_after,
                                  const char          *stream_id);
char *hd_feed_build_ack          (gint64               seq);
char *hd_feed_build_accept       (const char          *request_id,
                                  const char          *handoff_id);
char *hd_feed_build_decline      (const char          *request_id,
                                  const char          *handoff_id,
                                  const char          *reason);
char *hd_feed_build_agent_message (const char         *request_id,
                                   const char         *handoff_id,
                                   const char         *text);
char *hd_feed_build_wrap_up      (const char          *request_id,
                                  const char          *handoff_id,
                                  const char          *disposition,
                                  const char          *notes);
/* The same with the agent's stated outcome ("resolved"), for the KPIs. */
char *hd_feed_build_wrap_up_full (const char          *request_id,
                                  const char          *handoff_id,
                                  const char          *disposition,
                                  const char          *notes,
                                  HdFeedResolution     resolution);
/* @to_queue: required for HD_QUALITY_REPORT_TRANSFERRED, else ignored.
 * @detail: optional free token(s), e.g. "identity" or "card_type,city".
 * @automatic: TRUE when the app detected it (repeat detection), not a click. */
char *hd_feed_build_quality_report (const char        *request_id,
                                    const char        *handoff_id,
                                    HdQualityReport    report,
                                    const char        *to_queue,
                                    const char        *detail,
                                    gboolean           automatic);
char *hd_feed_build_supervisor_fetch (const char      *request_id,
                                      const char      *handoff_id);
char *hd_feed_build_status       (HdFeedAgentStatus    status);
char *hd_feed_build_supervisor_subscribe (const char * const *queue_ids);

char *hd_feed_build_welcome      (const char          *stream_id,
                                  guint                heartbeat_ms,
                                  gint64               last_seq,
                                  gboolean             resumed,
                                  gboolean             relays_agent_messages);
char *hd_feed_build_heartbeat    (GDateTime           *now);
char *hd_feed_build_error        (const char          *code,
                                  const char          *message,
                                  const char          *request_id,
                                  const char          *handoff_id);

/* Server messages that carry a sequence number: the router builds the object
 * once, stores its text in the replay window, and sends that text. */
JsonObject *hd_feed_object_new   (HdFeedMessageType    type,
                                  gint64               seq);
char       *hd_feed_object_to_text (JsonObject        *object);

G_END_DECLS
