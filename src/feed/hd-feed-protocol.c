/* hd-feed-protocol.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-protocol"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-feed-protocol.h"
#include "hd-json-get.h"
#include "hd-time.h"

static const char * const type_names[] = {
  [HD_FEED_MSG_UNKNOWN] = NULL,
  [HD_FEED_MSG_HELLO] = "hello",
  [HD_FEED_MSG_ACK] = "ack",
  [HD_FEED_MSG_ACCEPT] = "accept",
  [HD_FEED_MSG_DECLINE] = "decline",
  [HD_FEED_MSG_AGENT_MESSAGE] = "agent_message",
  [HD_FEED_MSG_WRAP_UP] = "wrap_up",
  [HD_FEED_MSG_STATUS] = "status",
  [HD_FEED_MSG_SUPERVISOR_SUBSCRIBE] = "supervisor_subscribe",
  [HD_FEED_MSG_WELCOME] = "welcome",
  [HD_FEED_MSG_HEARTBEAT] = "heartbeat",
  [HD_FEED_MSG_OFFER] = "offer",
  [HD_FEED_MSG_UPDATE] = "update",
  [HD_FEED_MSG_REVOKE] = "revoke",
  [HD_FEED_MSG_ASSIGNED] = "assigned",
  [HD_FEED_MSG_DECLINED] = "declined",
  [HD_FEED_MSG_WRAPPED_UP] = "wrapped_up",
  [HD_FEED_MSG_QUEUE_SNAPSHOT] = "queue_snapshot",
  [HD_FEED_MSG_QUEUE_EVENT] = "queue_event",
  [HD_FEED_MSG_ERROR] = "error",
  [HD_FEED_MSG_AGENT_SIGNAL] = "agent_signal",
  [HD_FEED_MSG_SUPERVISOR_FETCH] = "supervisor_fetch",
  [HD_FEED_MSG_SIGNAL_RECORDED] = "signal_recorded",
  [HD_FEED_MSG_HANDOFF_DETAIL] = "handoff_detail",
};

static const char * const report_names[] = {
  [HD_QUALITY_REPORT_ASKED_TO_REPEAT] = "asked_to_repeat",
  [HD_QUALITY_REPORT_REVERIFIED] = "re_verified",
  [HD_QUALITY_REPORT_TRANSFERRED] = "transferred",
};

static const char * const status_names[] = {
  [HD_FEED_AGENT_STATUS_AVAILABLE] = "available",
  [HD_FEED_AGENT_STATUS_BUSY] = "busy",
  [HD_FEED_AGENT_STATUS_AWAY] = "away",
};

void
hd_feed_message_free (HdFeedMessage *message)
{
  if (message == NULL)
    return;

  g_clear_pointer (&message->root, json_node_unref);
  g_clear_pointer (&message->packet, json_node_unref);
  g_clear_pointer (&message->frame, g_bytes_unref);
  g_free (message);
}

const char *
hd_feed_message_type_to_string (HdFeedMessageType type)
{
  if ((guint) type >= G_N_ELEMENTS (type_names))
    return NULL;
  return type_names[type];
}

HdFeedMessageType
hd_feed_message_type_from_string (const char *name)
{
  if (name == NULL)
    return HD_FEED_MSG_UNKNOWN;

  for (guint i = 1; i < G_N_ELEMENTS (type_names); i++)
    if (g_str_equal (type_names[i], name))
      return (HdFeedMessageType) i;

  return HD_FEED_MSG_UNKNOWN;
}

gboolean
hd_feed_message_type_is_sequenced (HdFeedMessageType type)
{
  switch (type)
    {
    case HD_FEED_MSG_OFFER:
    case HD_FEED_MSG_UPDATE:
    case HD_FEED_MSG_REVOKE:
    case HD_FEED_MSG_ASSIGNED:
    case HD_FEED_MSG_DECLINED:
    case HD_FEED_MSG_WRAPPED_UP:
      return TRUE;

    case HD_FEED_MSG_UNKNOWN:
    case HD_FEED_MSG_HELLO:
    case HD_FEED_MSG_ACK:
    case HD_FEED_MSG_ACCEPT:
    case HD_FEED_MSG_DECLINE:
    case HD_FEED_MSG_AGENT_MESSAGE:
    case HD_FEED_MSG_WRAP_UP:
    case HD_FEED_MSG_STATUS:
    case HD_FEED_MSG_SUPERVISOR_SUBSCRIBE:
    case HD_FEED_MSG_WELCOME:
    case HD_FEED_MSG_HEARTBEAT:
    case HD_FEED_MSG_QUEUE_SNAPSHOT:
    case HD_FEED_MSG_QUEUE_EVENT:
    case HD_FEED_MSG_ERROR:
    case HD_FEED_MSG_AGENT_SIGNAL:
    case HD_FEED_MSG_SUPERVISOR_FETCH:
    case HD_FEED_MSG_SIGNAL_RECORDED:
    case HD_FEED_MSG_HANDOFF_DETAIL:
    default:
      return FALSE;
    }
}

const char *
hd_quality_report_to_string (HdQualityReport report)
{
  if ((guint) report >= G_N_ELEMENTS (report_names))
    return NULL;
  return report_names[report];
}

gboolean
hd_quality_report_from_string (const char      *name,
                               HdQualityReport *report)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (report_names); i++)
    if (g_str_equal (report_names[i], name))
      {
        *report = (HdQualityReport) i;
        return TRUE;
      }

  return FALSE;
}

const char *
hd_feed_agent_status_to_string (HdFeedAgentStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return NULL;
  return status_names[status];
}

gboolean
hd_feed_agent_status_from_string (const char        *name,
                                  HdFeedAgentStatus *status)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (status_names[i], name))
      {
        *status = (HdFeedAgentStatus) i;
        return TRUE;
      }

  return FALSE;
}

/* Returns the string member @name, NULL when absent; fails when present with
 * another type. */
static gboolean
get_optional_string (JsonObject  *object,
                     const char  *name,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("/%s: must be a string"), name);
      return FALSE;
    }

  *out = json_node_get_string (node);
  return TRUE;
}

/* hd_feed_message_parse () and, with @frame, hd_feed_message_parse_frame (). */
static HdFeedMessage *
parse_message (const char  *data,
               gsize        length,
               gsize        max_bytes,
               GBytes      *frame,
               GError     **error)
{
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *seq_node;
  guint depth = 0;
  gsize packet_offset = 0;
  gsize packet_len = 0;

  if (max_bytes > 0 && length > max_bytes)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("The frame is %zu bytes, more than the limit of %zu"),
                   (size_t) length, (size_t) max_bytes);
      return NULL;
    }

  if (length > G_MAXSSIZE)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_LIMIT, _("The frame is too large"));
      return NULL;
    }

  /* Not JsonParser: it has no depth limit, and a frame of 100,000 "["
   * overflowed the stack. */
  if (frame != NULL)
    root = hd_bounded_json_parse_deferring (data, length, HD_FEED_MAX_DEPTH, "packet",
                                            &packet_offset, &packet_len, &depth, &local_error);
  else
    root = hd_bounded_json_parse (data, length, HD_FEED_MAX_DEPTH, &depth, &local_error);
  if (root == NULL && depth > HD_FEED_MAX_DEPTH)
    {
      /* Most likely a packet past its limit; the frame's bound is what
       * caught it (HD_FEED_MAX_DEPTH), so name both. */
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("The frame nests deeper than %u levels of arrays and objects "
                     "(a packet in it may nest %u): %s"),
                   HD_FEED_MAX_DEPTH, HD_PACKET_DEFAULT_MAX_DEPTH, local_error->message);
      return NULL;
    }
  if (root == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("The frame is not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("The frame is not a JSON object"));
      return NULL;
    }

  message = g_new0 (HdFeedMessage, 1);
  message->root = json_node_ref (root);
  message->body = json_node_get_object (root);
  if (frame != NULL)
    {
      message->frame = g_bytes_ref (frame);
      message->packet_offset = packet_offset;
      message->packet_len = packet_len;
    }

  if (!get_optional_string (message->body, "type", &message->type_name, error))
    return NULL;
  if (message->type_name == NULL)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("/type: is missing"));
      return NULL;
    }
  message->type = hd_feed_message_type_from_string (message->type_name);

  if (!get_optional_string (message->body, "handoff_id", &message->handoff_id, error) ||
      !get_optional_string (message->body, "request_id", &message->request_id, error))
    return NULL;

  seq_node = json_object_get_member (message->body, "seq");
  if (seq_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (seq_node) || json_node_get_value_type (seq_node) != G_TYPE_INT64 ||
          json_node_get_int (seq_node) <= 0)
        {
          g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                               _("/seq: must be a positive integer"));
          return NULL;
        }
      message->seq = json_node_get_int (seq_node);
    }
  else if (hd_feed_message_type_is_sequenced (message->type))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("/seq: is missing from a “%s” message"),
                   message->type_name);
      return NULL;
    }

  if (message->handoff_id != NULL && *message->handoff_id == '\0')
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("/handoff_id: must not be empty"));
      return NULL;
    }

  return g_steal_pointer (&message);
}

HdFeedMessage *
hd_feed_message_parse (const char  *data,
                       gsize        length,
                       gsize        max_bytes,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse_message (data, length, max_bytes, NULL, error);
}

HdFeedMessage *
hd_feed_message_parse_frame (GBytes  *frame,
                             gsize    max_bytes,
                             GError **error)
{
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (frame != NULL, NULL);

  data = g_bytes_get_data (frame, &length);
  return parse_message (data != NULL ? data : "", length, max_bytes, frame, error);
}

/* The bytes of a deferred packet, or NULL. */
static const char *
packet_bytes (HdFeedMessage *message)
{
  if (message->frame == NULL || message->packet_len == 0)
    return NULL;
  return (const char *) g_bytes_get_data (message->frame, NULL) + message->packet_offset;
}

JsonObject *
hd_feed_message_get_packet (HdFeedMessage *message)
{
  const char *bytes;

  g_return_val_if_fail (message != NULL, NULL);

  if ((bytes = packet_bytes (message)) == NULL)
    {
      JsonNode *node = json_object_get_member (message->body, "packet");

      return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  /* Checked already, within the frame's bound, so this cannot fail. */
  if (message->packet == NULL)
    message->packet = hd_bounded_json_parse (bytes, message->packet_len,
                                             HD_FEED_MAX_DEPTH - HD_FEED_ENVELOPE_DEPTH, NULL, NULL);
  g_return_val_if_fail (message->packet != NULL, NULL);
  return JSON_NODE_HOLDS_OBJECT (message->packet) ? json_node_get_object (message->packet) : NULL;
}

HdPacket *
hd_feed_message_parse_packet (HdFeedMessage         *message,
                              const HdPacketLimits  *limits,
                              GError               **error)
{
  const char *bytes;
  JsonNode *node;

  g_return_val_if_fail (message != NULL, NULL);

  if ((bytes = packet_bytes (message)) != NULL)
    return hd_packet_parse_checked (bytes, message->packet_len, limits, error);
  if ((node = json_object_get_member (message->body, "packet")) == NULL)
    return NULL;
  return hd_packet_parse_node (node, limits, error);
}

/* Queue events ------------------------------------------------------------ */

static const char * const queue_event_names[] = {
  [HD_QUEUE_EVENT_OFFERED] = "offered",
  [HD_QUEUE_EVENT_ACCEPTED] = "accepted",
  [HD_QUEUE_EVENT_DECLINED] = "declined",
  [HD_QUEUE_EVENT_EXPIRED] = "expired",
  [HD_QUEUE_EVENT_CUSTOMER_ABANDONED] = "customer_abandoned",
  [HD_QUEUE_EVENT_REASSIGNED] = "reassigned",
  [HD_QUEUE_EVENT_WRAPPED_UP] = "wrapped_up",
  [HD_QUEUE_EVENT_TRANSFERRED] = "transferred",
  [HD_QUEUE_EVENT_SIGNAL] = "signal",
};

/* A count the router may add to an event: -1 when absent or not an integer. */
static gint64
get_count (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return CLAMP (json_node_get_int (node), 0, G_MAXUINT);
}

void
hd_queue_event_clear (HdQueueEvent *event)
{
  g_return_if_fail (event != NULL);

  g_free ((gpointer) event->missing);
  memset (event, 0, sizeof *event);
}

gboolean
hd_feed_parse_queue_event (JsonObject   *body,
                           HdQueueEvent *event)
{
  const char *name;
  const char *origin;
  const char *signal;
  JsonNode *node;

  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  memset (event, 0, sizeof *event);
  name = hd_json_get_string (body, "event", NULL);
  event->handoff_id = hd_json_get_string (body, "handoff_id", NULL);
  event->queue_id = hd_json_get_string (body, "queue_id", NULL);
  if (name == NULL || event->handoff_id == NULL || event->queue_id == NULL || *event->queue_id == '\0')
    {
      memset (event, 0, sizeof *event);
      return FALSE;
    }

  event->kind = HD_QUEUE_EVENT_OTHER;
  for (guint i = 0; i < G_N_ELEMENTS (queue_event_names); i++)
    if (g_str_equal (name, queue_event_names[i]))
      event->kind = (HdQueueEventKind) i;

  event->agent_id = hd_json_get_string (body, "agent_id", NULL);
  node = json_object_get_member (body, "queue_label");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    event->queue_label = json_node_get_string (node);
  /* An event without a time (or with one we cannot read) happened now. */
  event->at = hd_time_parse_iso8601_usec (hd_json_get_string (body, "at", NULL),
                                          g_get_real_time ());
  event->waiting = get_count (body, "waiting");
  event->offers_in_push = get_count (body, "offers_in_push");
  event->agents_available = get_count (body, "agents_available");
  event->agents_busy = get_count (body, "agents_busy");
  event->agents_away = get_count (body, "agents_away");
  event->to_waiting = get_count (body, "to_waiting");
  node = json_object_get_member (body, "handoff");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    event->handoff = json_node_get_object (node);

  origin = hd_json_get_string (body, "origin", "bot");
  event->bot_flow = hd_json_get_string (body, "bot_flow", NULL);
  /* A bot escalation whose flow the router did not name still counts as one. */
  if (g_strcmp0 (origin, "agent_only") == 0)
    event->bot_flow = NULL;
  else if (event->bot_flow == NULL)
    event->bot_flow = "unknown";
  node = json_object_get_member (body, "bot_flow_label");
  if (event->bot_flow != NULL && node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    event->bot_flow_label = json_node_get_string (node);
  event->verified = hd_json_get_boolean (body, "verified", FALSE);
  event->in_transfer = hd_json_get_boolean (body, "in_transfer", FALSE);
  event->to_queue = hd_json_get_string (body, "to_queue", NULL);

  node = json_object_get_member (body, "missing");
  if (event->kind == HD_QUEUE_EVENT_OFFERED && node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);
      const char **missing = g_new0 (const char *, length + 1);
      guint n = 0;

      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            missing[n++] = json_node_get_string (element);
        }
      event->missing = missing;
    }

  node = json_object_get_member (body, "resolved");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    event->resolution = json_node_get_boolean (node) ? HD_FEED_RESOLUTION_RESOLVED : HD_FEED_RESOLUTION_UNRESOLVED;

  signal = hd_json_get_string (body, "signal", NULL);
  if (event->kind == HD_QUEUE_EVENT_SIGNAL && signal != NULL)
    event->has_report = hd_quality_report_from_string (signal, &event->report);

  return TRUE;
}

JsonObject *
hd_feed_object_new (HdFeedMessageType type,
                    gint64            seq)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (hd_feed_message_type_to_string (type) != NULL, object);

  json_object_set_string_member (object, "type", hd_feed_message_type_to_string (type));
  if (seq > 0)
    json_object_set_int_member (object, "seq", seq);

  return object;
}

char *
hd_feed_object_to_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

static char *
finish_object (JsonObject *object)
{
  char *text = hd_feed_object_to_text (object);

  json_object_unref (object);
  return text;
}

static void
set_optional_string (JsonObject *object,
                     const char *name,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

char *
hd_feed_build_hello (const char         *agent_id,
                     guint               capacity,
                     const char * const *languages,
                     gint64              resume_after,
                     const char         *stream_id)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_HELLO, 0);

  g_return_val_if_fail (agent_id != NULL, finish_object (object));

  json_object_set_string_member (object, "agent_id", agent_id);
  json_object_set_int_member (object, "capacity", capacity);
  json_object_set_array_member (object, "languages", strv_to_array (languages));
  json_object_set_int_member (object, "resume_after", MAX (resume_after, 0));
  set_optional_string (object, "stream_id", stream_id);

  return finish_object (object);
}

char *
hd_feed_build_ack (gint64 seq)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_ACK, 0);

  json_object_set_int_member (object, "seq", seq);
  return finish_object (object);
}

static JsonObject *
new_request (HdFeedMessageType  type,
             const char        *request_id,
             const char        *handoff_id)
{
  JsonObject *object = hd_feed_object_new (type, 0);

  set_optional_string (object, "request_id", request_id);
  set_optional_string (object, "handoff_id", handoff_id);
  return object;
}

char *
hd_feed_build_accept (const char *request_id,
                      const char *handoff_id)
{
  return finish_object (new_request (HD_FEED_MSG_ACCEPT, request_id, handoff_id));
}

char *
hd_feed_build_decline (const char *request_id,
                       const char *handoff_id,
                       const char *reason)
{
  JsonObject *object = new_request (HD_FEED_MSG_DECLINE, request_id, handoff_id);

  set_optional_string (object, "reason", reason);
  return finish_object (object);
}

char *
hd_feed_build_agent_message (const char *request_id,
                             const char *handoff_id,
                             const char *text)
{
  JsonObject *object = new_request (HD_FEED_MSG_AGENT_MESSAGE, request_id, handoff_id);

  json_object_set_string_member (object, "text", text != NULL ? text : "");
  return finish_object (object);
}

char *
hd_feed_build_wrap_up (const char *request_id,
                       const char *handoff_id,
                       const char *disposition,
                       const char *notes)
{
  return hd_feed_build_wrap_up_full (request_id, handoff_id, disposition, notes,
                                     HD_FEED_RESOLUTION_UNKNOWN);
}

char *
hd_feed_build_wrap_up_full (const char       *request_id,
                            const char       *handoff_id,
                            const char       *disposition,
                            const char       *notes,
                            HdFeedResolution  resolution)
{
  JsonObject *object = new_request (HD_FEED_MSG_WRAP_UP, request_id, handoff_id);

  set_optional_string (object, "disposition", disposition);
  set_optional_string (object, "notes", notes);
  /* Left out when unknown, so older routers see the same frame as before. */
  if (resolution != HD_FEED_RESOLUTION_UNKNOWN)
    json_object_set_boolean_member (object, "resolved", resolution == HD_FEED_RESOLUTION_RESOLVED);
  return finish_object (object);
}

char *
hd_feed_build_quality_report (const char      *request_id,
                              const char      *handoff_id,
                              HdQualityReport  report,
                              const char      *to_queue,
                              const char      *detail,
                              gboolean         automatic)
{
  JsonObject *object = new_request (HD_FEED_MSG_AGENT_SIGNAL, request_id, handoff_id);

  g_return_val_if_fail (hd_quality_report_to_string (report) != NULL, finish_object (object));

  /* The wire keeps its name for the report: "signal". */
  json_object_set_string_member (object, "signal", hd_quality_report_to_string (report));
  if (report == HD_QUALITY_REPORT_TRANSFERRED)
    set_optional_string (object, "to_queue", to_queue);
  set_optional_string (object, "detail", detail);
  json_object_set_string_member (object, "source", automatic ? "auto" : "agent");
  return finish_object (object);
}

char *
hd_feed_build_supervisor_fetch (const char *request_id,
                                const char *handoff_id)
{
  return finish_object (new_request (HD_FEED_MSG_SUPERVISOR_FETCH, request_id, handoff_id));
}

char *
hd_feed_build_status (HdFeedAgentStatus status)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_STATUS, 0);

  json_object_set_string_member (object, "status", hd_feed_agent_status_to_string (status));
  return finish_object (object);
}

char *
hd_feed_build_supervisor_subscribe (const char * const *queue_ids)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_SUPERVISOR_SUBSCRIBE, 0);

  json_object_set_array_member (object, "queue_ids", strv_to_array (queue_ids));
  return finish_object (object);
}

char *
hd_feed_build_welcome (const char *stream_id,
                       guint       heartbeat_ms,
                       gint64      last_seq,
                       gboolean    resumed,
                       gboolean    relays_agent_messages)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_WELCOME, 0);

  json_object_set_string_member (object, "protocol", HD_FEED_SUBPROTOCOL);
  json_object_set_string_member (object, "stream_id", stream_id);
  json_object_set_int_member (object, "heartbeat_ms", heartbeat_ms);
  json_object_set_int_member (object, "last_seq", last_seq);
  json_object_set_boolean_member (object, "resumed", resumed);
  json_object_set_boolean_member (object, "relays_agent_messages", relays_agent_messages);
  return finish_object (object);
}

char *
hd_feed_build_heartbeat (GDateTime *now)
{
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_HEARTBEAT, 0);
  g_autofree char *text = hd_time_format_rfc3339 (now, 6);

  json_object_set_string_member (object, "at", text);
  return finish_object (object);
}

char *
hd_feed_build_error (const char *code,
                     const char *message,
                     const char *request_id,
                     const char *handoff_id)
{
  JsonObject *object = new_request (HD_FEED_MSG_ERROR, request_id, handoff_id);

  json_object_set_string_member (object, "code", code);
  json_object_set_string_member (object, "message", message != NULL ? message : "");
  return finish_object (object);
}
