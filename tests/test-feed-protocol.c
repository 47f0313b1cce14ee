/* test-feed-protocol.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-feed-protocol"

#include "config.h"

#include <string.h>

#include "hd-error.h"
#include "hd-feed-protocol.h"
#include "hd-packet.h"

static HdFeedMessage *
parse (const char  *text,
       gsize        max,
       GError     **error)
{
  return hd_feed_message_parse (text, strlen (text), max, error);
}

static void
test_parse_valid (void)
{
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = parse ("{\"type\":\"offer\",\"seq\":42,\"handoff_id\":\"ho-1\",\"expires_at\":\"2026-11-24T09:14:05Z\",\"packet\":{}}",
                   0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (message);
  g_assert_cmpint (message->type, ==, HD_FEED_MSG_OFFER);
  g_assert_cmpint (message->seq, ==, 42);
  g_assert_cmpstr (message->handoff_id, ==, "ho-1");
  g_assert_null (message->request_id);
  g_assert_true (json_object_has_member (message->body, "packet"));
}

static void
test_parse_unknown_type (void)
{
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = parse ("{\"type\":\"teleport\"}", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message->type, ==, HD_FEED_MSG_UNKNOWN);
  g_assert_cmpstr (message->type_name, ==, "teleport");
}

static void
test_parse_errors (void)
{
  const struct { const char *text; gsize max; int code; } cases[] = {
    { "{\"type\": \"offer\", \"seq\": ", 0, HD_ERROR_PARSE },
    { "[1, 2, 3]", 0, HD_ERROR_PARSE },
    { "\"offer\"", 0, HD_ERROR_PARSE },
    { "{\"seq\": 1}", 0, HD_ERROR_PARSE },
    { "{\"type\": 7}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"offer\", \"handoff_id\": \"a\"}", 0, HD_ERROR_PARSE },  /* no seq */
    { "{\"type\": \"offer\", \"seq\": -3}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"offer\", \"seq\": \"7\"}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"offer\", \"seq\": 1.5}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"revoke\", \"seq\": 1, \"handoff_id\": \"\"}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"revoke\", \"seq\": 1, \"handoff_id\": 12}", 0, HD_ERROR_PARSE },
    { "{\"type\": \"heartbeat\"}", 10, HD_ERROR_LIMIT },
    { "", 0, HD_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HdFeedMessage) message = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].text);
      message = parse (cases[i].text, cases[i].max, &error);
      g_assert_null (message);
      g_assert_error (error, HD_ERROR, cases[i].code);
    }
}

/* A frame nested past HD_FEED_MAX_DEPTH is an error, not a stack overflow
 * (JsonParser recursed without a limit: 100,000 "[" crashed it). */
static void
test_parse_deep (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) edge = g_string_new ("{\"type\": \"heartbeat\", \"x\": ");
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  message = hd_feed_message_parse (deep->str, deep->len, 0, &error);
  g_assert_null (message);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  /* The frame's object is level 1, the innermost {} level HD_FEED_MAX_DEPTH:
   * an empty array or object counts like a full one. */
  for (guint i = 2; i < HD_FEED_MAX_DEPTH; i++)
    g_string_append_c (edge, '[');
  g_string_append (edge, "{}");
  for (guint i = 2; i < HD_FEED_MAX_DEPTH; i++)
    g_string_append_c (edge, ']');
  g_string_append_c (edge, '}');
  message = hd_feed_message_parse (edge->str, edge->len, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (message);
  g_clear_pointer (&message, hd_feed_message_free);

  g_string_insert_c (edge, strlen ("{\"type\": \"heartbeat\", \"x\": "), '[');
  g_string_insert_c (edge, edge->len - 1, ']');
  message = hd_feed_message_parse (edge->str, edge->len, 0, &error);
  g_assert_null (message);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
}

/* An offer whose packet nests @levels deep: a valid packet with an unknown
 * member (skipped by the parser) of nested arrays. */
static GString *
offer_with_packet_depth (guint levels)
{
  GString *frame = g_string_new ("{\"type\":\"offer\",\"seq\":1,\"handoff_id\":\"ho-deep-1\","
                                 "\"queue_id\":\"fraud\",\"expires_at\":\"2026-11-24T09:15:05.000000Z\","
                                 "\"packet\":{\"schema_version\":\"1.0\",\"handoff_id\":\"ho-deep-1\","
                                 "\"conversation_id\":\"conv-deep-1\","
                                 "\"created_at\":\"2026-11-24T08:00:00Z\",\"customer\":{},"
                                 "\"verification\":{\"authenticated\":false},"
                                 "\"routing\":{\"escalation\":{\"reason\":\"sla_rule\"}},\"x\":");

  /* The packet's object is level 1 of the packet. */
  for (guint i = 1; i < levels; i++)
    g_string_append_c (frame, '[');
  for (guint i = 1; i < levels; i++)
    g_string_append_c (frame, ']');
  g_string_append (frame, "}}");
  return frame;
}

/* The frame's bound is the packet's plus the envelope, so a frame that
 * parses holds a packet within its limit, and one past it is refused as a
 * frame, saying why; on its own, the same packet gets the packet's error. */
static void
test_parse_packet_depth (void)
{
  g_autoptr(GString) at_limit = offer_with_packet_depth (HD_PACKET_DEFAULT_MAX_DEPTH);
  g_autoptr(GString) past_limit = offer_with_packet_depth (HD_PACKET_DEFAULT_MAX_DEPTH + 1);
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (HD_FEED_MAX_DEPTH, ==, HD_PACKET_DEFAULT_MAX_DEPTH + 1);

  message = hd_feed_message_parse (at_limit->str, at_limit->len, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message->type, ==, HD_FEED_MSG_OFFER);
  packet = hd_packet_parse_node (json_object_get_member (message->body, "packet"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_packet_get_handoff_id (packet), ==, "ho-deep-1");
  g_clear_pointer (&message, hd_feed_message_free);

  message = hd_feed_message_parse (past_limit->str, past_limit->len, 0, &error);
  g_assert_null (message);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  expected = g_strdup_printf ("The frame nests deeper than %u levels of arrays and objects "
                              "(a packet in it may nest %u): ",
                              HD_FEED_MAX_DEPTH, HD_PACKET_DEFAULT_MAX_DEPTH);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  /* The packet alone, from bytes. */
  {
    const char *start = strstr (past_limit->str, "\"packet\":") + strlen ("\"packet\":");
    g_autoptr(GBytes) bytes = g_bytes_new (start, past_limit->str + past_limit->len - 1 - start);
    g_autofree char *packet_error = g_strdup_printf ("the packet nests deeper than %u levels",
                                                     HD_PACKET_DEFAULT_MAX_DEPTH);

    g_clear_object (&packet);
    packet = hd_packet_parse_bytes (bytes, NULL, &error);
    g_assert_null (packet);
    g_assert_error (error, HD_ERROR, HD_ERROR_LIMIT);
    g_assert_cmpstr (error->message, ==, packet_error);
  }
}

static void
test_build_roundtrip (void)
{
  const char *languages[] = { "en-IN", "hi-IN", NULL };
  const char *queues[] = { "fraud", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  char *frames[] = {
    hd_feed_build_hello ("agent-1", 2, languages, 17, "abc"),
    hd_feed_build_ack (17),
    hd_feed_build_accept ("r1", "ho-1"),
    hd_feed_build_decline ("r2", "ho-1", "busy"),
    hd_feed_build_agent_message ("r3", "ho-1", "Hello \"there\""),
    hd_feed_build_wrap_up ("r4", "ho-1", "resolved", NULL),
    hd_feed_build_status (HD_FEED_AGENT_STATUS_AWAY),
    hd_feed_build_supervisor_subscribe (queues),
    hd_feed_build_welcome ("abc", 15000, 17, TRUE, TRUE),
    hd_feed_build_heartbeat (now),
    hd_feed_build_error ("not_found", "no such handoff", "r1", "ho-1"),
  };
  const HdFeedMessageType types[] = {
    HD_FEED_MSG_HELLO, HD_FEED_MSG_ACK, HD_FEED_MSG_ACCEPT, HD_FEED_MSG_DECLINE,
    HD_FEED_MSG_AGENT_MESSAGE, HD_FEED_MSG_WRAP_UP, HD_FEED_MSG_STATUS,
    HD_FEED_MSG_SUPERVISOR_SUBSCRIBE, HD_FEED_MSG_WELCOME, HD_FEED_MSG_HEARTBEAT,
    HD_FEED_MSG_ERROR,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (frames) == G_N_ELEMENTS (types));

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_autoptr(HdFeedMessage) message = NULL;
      g_autoptr(GError) error = NULL;

      message = parse (frames[i], 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (message->type, ==, types[i]);
      g_assert_cmpstr (hd_feed_message_type_to_string (message->type), ==, message->type_name);
      g_free (frames[i]);
    }
}

static void
test_hello_fields (void)
{
  g_autofree char *text = hd_feed_build_hello ("agent-1", 3, NULL, 99, NULL);
  g_autoptr(HdFeedMessage) message = parse (text, 0, NULL);

  g_assert_cmpstr (json_object_get_string_member (message->body, "agent_id"), ==, "agent-1");
  g_assert_cmpint (json_object_get_int_member (message->body, "capacity"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (message->body, "resume_after"), ==, 99);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (message->body, "languages")), ==, 0);
  g_assert_false (json_object_has_member (message->body, "stream_id"));
}

static void
test_status_names (void)
{
  HdFeedAgentStatus status;

  g_assert_true (hd_feed_agent_status_from_string ("busy", &status));
  g_assert_cmpint (status, ==, HD_FEED_AGENT_STATUS_BUSY);
  g_assert_false (hd_feed_agent_status_from_string ("asleep", &status));
  g_assert_true (hd_feed_message_type_is_sequenced (HD_FEED_MSG_ASSIGNED));
  g_assert_false (hd_feed_message_type_is_sequenced (HD_FEED_MSG_HEARTBEAT));
}

static gboolean
parse_event (const char   *text,
             HdFeedMessage **message,
             HdQueueEvent  *event)
{
  g_autoptr(GError) error = NULL;

  *message = parse (text, 0, &error);
  g_assert_no_error (error);
  return hd_feed_parse_queue_event ((*message)->body, event);
}

/* Every field of the wrong kind (objects and arrays where strings, numbers and booleans
 * go): read as absent, with no critical (fatal in the suite). */
static void
test_queue_event_wrong_kinds (void)
{
  g_autoptr(HdFeedMessage) message = NULL;
  g_auto(HdQueueEvent) event = { 0 };

  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"event\":\"offered\","
                              "\"handoff_id\":\"w1\",\"queue_label\":{},\"agent_id\":[],\"at\":{},"
                              "\"origin\":[],\"bot_flow\":{},\"verified\":{},\"in_transfer\":[],"
                              "\"to_queue\":{},\"signal\":[],\"waiting\":{},\"agents_busy\":[]}",
                              &message, &event));
  g_assert_cmpstr (event.handoff_id, ==, "w1");
  g_assert_null (event.agent_id);
  /* A bot escalation whose flow is not named, as when it is missing. */
  g_assert_cmpstr (event.bot_flow, ==, "unknown");
  g_assert_false (event.verified);
  /* A count not given. */
  g_assert_cmpint (event.waiting, ==, -1);
}

static void
test_queue_event (void)
{
  g_autoptr(HdFeedMessage) offered = NULL;
  g_autoptr(HdFeedMessage) agent_only = NULL;
  g_autoptr(HdFeedMessage) signal = NULL;
  g_autoptr(HdFeedMessage) wrapped = NULL;
  g_autoptr(HdFeedMessage) unknown = NULL;
  g_autoptr(HdFeedMessage) bad = NULL;
  g_auto(HdQueueEvent) event = { 0 };
  gint64 before = g_get_real_time ();

  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"queue_label\":\"Fraud desk\","
                              "\"event\":\"offered\",\"handoff_id\":\"w1\",\"agent_id\":\"a7\",\"at\":\"2026-11-24T09:14:05.5Z\","
                              "\"bot_flow\":\"fraud/report\",\"verified\":true,\"missing\":[\"case.type\",3],"
                              "\"waiting\":2,\"agents_busy\":-4,\"handoff\":{\"handoff_id\":\"w1\"}}",
                              &offered, &event));
  g_assert_cmpint (event.kind, ==, HD_QUEUE_EVENT_OFFERED);
  g_assert_cmpstr (event.queue_id, ==, "fraud");
  g_assert_cmpstr (event.queue_label, ==, "Fraud desk");
  g_assert_cmpstr (event.handoff_id, ==, "w1");
  g_assert_cmpstr (event.agent_id, ==, "a7");
  g_assert_cmpint (event.at, ==, (gint64) 1795511645 * G_USEC_PER_SEC + 500000);
  g_assert_cmpstr (event.bot_flow, ==, "fraud/report");
  g_assert_true (event.verified);
  g_assert_nonnull (event.missing);
  g_assert_cmpstr (event.missing[0], ==, "case.type");
  g_assert_null (event.missing[1]);
  g_assert_cmpint (event.waiting, ==, 2);
  g_assert_cmpint (event.agents_busy, ==, 0);
  g_assert_cmpint (event.agents_available, ==, -1);
  g_assert_nonnull (event.handoff);
  hd_queue_event_clear (&event);

  /* No "at": now.  No flow named: a bot's, unless the chat never saw one. */
  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"q\",\"event\":\"transferred\","
                              "\"handoff_id\":\"w2\",\"to_queue\":\"r\",\"to_waiting\":5}",
                              &agent_only, &event));
  g_assert_cmpint (event.kind, ==, HD_QUEUE_EVENT_TRANSFERRED);
  g_assert_null (event.queue_label);
  g_assert_cmpint (event.at, >=, before);
  g_assert_cmpstr (event.bot_flow, ==, "unknown");
  g_assert_cmpstr (event.to_queue, ==, "r");
  g_assert_cmpint (event.to_waiting, ==, 5);
  g_assert_null (event.missing);
  hd_queue_event_clear (&event);

  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"q\",\"event\":\"signal\","
                              "\"queue_label\":[\"not\",\"text\"],\"handoff_id\":\"w2\",\"origin\":\"agent_only\",\"bot_flow\":\"x\","
                              "\"signal\":\"re_verified\"}",
                              &signal, &event));
  g_assert_cmpint (event.kind, ==, HD_QUEUE_EVENT_SIGNAL);
  /* A label that is not a string is ignored, as other optional members are. */
  g_assert_null (event.queue_label);
  g_assert_null (event.bot_flow);
  g_assert_true (event.has_report);
  g_assert_cmpint (event.report, ==, HD_QUALITY_REPORT_REVERIFIED);
  hd_queue_event_clear (&event);

  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"q\",\"event\":\"wrapped_up\","
                              "\"handoff_id\":\"w2\",\"resolved\":false}",
                              &wrapped, &event));
  g_assert_cmpint (event.kind, ==, HD_QUEUE_EVENT_WRAPPED_UP);
  g_assert_cmpint (event.resolution, ==, HD_FEED_RESOLUTION_UNRESOLVED);
  hd_queue_event_clear (&event);

  g_assert_true (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"q\",\"event\":\"paused\","
                              "\"handoff_id\":\"w2\"}",
                              &unknown, &event));
  g_assert_cmpint (event.kind, ==, HD_QUEUE_EVENT_OTHER);
  hd_queue_event_clear (&event);

  /* The ids and the name are required; a queue id must not be empty. */
  g_assert_false (parse_event ("{\"type\":\"queue_event\",\"queue_id\":\"\",\"event\":\"offered\","
                               "\"handoff_id\":\"w3\"}",
                               &bad, &event));
  g_assert_null (event.handoff_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/feed-protocol/parse-valid", test_parse_valid);
  g_test_add_func ("/hd/feed-protocol/parse-unknown-type", test_parse_unknown_type);
  g_test_add_func ("/hd/feed-protocol/parse-errors", test_parse_errors);
  g_test_add_func ("/hd/feed-protocol/parse-deep", test_parse_deep);
  g_test_add_func ("/hd/feed-protocol/parse-packet-depth", test_parse_packet_depth);
  g_test_add_func ("/hd/feed-protocol/build-roundtrip", test_build_roundtrip);
  g_test_add_func ("/hd/feed-protocol/hello-fields", test_hello_fields);
  g_test_add_func ("/hd/feed-protocol/status-names", test_status_names);
  g_test_add_func ("/hd/feed-protocol/queue-event", test_queue_event);
  g_test_add_func ("/hd/feed-protocol/queue-event-wrong-kinds", test_queue_event_wrong_kinds);

  return g_test_run ();
}
