/* test-queue.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-queue"

#include "config.h"

#include "hd-demo-templates.h"
#include "hd-handoff.h"
#include "hd-packet-parser.h"
#include "hd-queue.h"

static HdPacket *
make_packet (const char *id,
             guint       template_index,
             GDateTime  *now)
{
  g_autoptr(JsonNode) node = hd_demo_template_build (template_index, id, now);
  g_autoptr(GError) error = NULL;
  HdPacket *packet = hd_packet_parse_node (node, NULL, &error);

  g_assert_no_error (error);
  return packet;
}

static HdHandoff *
make_handoff (const char *id,
              GTimeSpan   expires_in)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add (now, expires_in);
  g_autoptr(HdPacket) packet = make_packet (id, 0, now);

  return hd_handoff_new (packet, expires);
}

static void
test_new (void)
{
  HdQueue *queue = hd_queue_new ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (queue)) == HD_TYPE_HANDOFF);
  g_assert_finalize_object (queue);
}

static void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *n_added)
{
  *n_added += added;
}

static void
test_exactly_once (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdHandoff) a = make_handoff ("ho-a", G_TIME_SPAN_HOUR);
  g_autoptr(HdHandoff) a_again = make_handoff ("ho-a", G_TIME_SPAN_HOUR);
  g_autoptr(HdHandoff) b = make_handoff ("ho-b", G_TIME_SPAN_HOUR);
  guint n_added = 0;

  g_signal_connect (queue, "items-changed", G_CALLBACK (count_cb), &n_added);
  g_assert_true (hd_queue_add (queue, a));
  g_assert_false (hd_queue_add (queue, a_again));
  g_assert_true (hd_queue_add (queue, b));
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (hd_queue_get_n_open (queue), ==, 2);
  g_assert_true (hd_queue_lookup (queue, "ho-a") == a);

  /* Removed items stay remembered: a replay does not bring them back. */
  g_assert_true (hd_handoff_transition (a, HD_HANDOFF_STATE_DECLINED, HD_REVOKE_REASON_NONE));
  g_assert_cmpuint (hd_queue_get_n_open (queue), ==, 1);
  g_assert_cmpuint (hd_queue_remove_finished (queue), ==, 1);
  g_assert_null (hd_queue_lookup (queue, "ho-a"));
  g_assert_false (hd_queue_add (queue, a_again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), ==, 1);
  g_assert_cmpuint (hd_queue_get_n_presented (queue), ==, 2);
}

static void
test_transitions (void)
{
  g_autoptr(HdHandoff) h = make_handoff ("ho-t", G_TIME_SPAN_HOUR);

  g_assert_cmpint (hd_handoff_get_state (h), ==, HD_HANDOFF_STATE_OFFERED);
  g_assert_true (hd_handoff_is_open (h));
  g_assert_false (hd_handoff_transition (h, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE));
  g_assert_true (hd_handoff_transition (h, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_NONE));
  g_assert_cmpint (hd_handoff_get_revoke_reason (h), ==, HD_REVOKE_REASON_EXPIRED);
  /* The router's confirmation beats the local clock. */
  g_assert_true (hd_handoff_transition (h, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  g_assert_cmpint (hd_handoff_get_revoke_reason (h), ==, HD_REVOKE_REASON_NONE);
  g_assert_false (hd_handoff_transition (h, HD_HANDOFF_STATE_DECLINED, HD_REVOKE_REASON_NONE));
  g_assert_true (hd_handoff_transition (h, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE));
  g_assert_false (hd_handoff_transition (h, HD_HANDOFF_STATE_REVOKED, HD_REVOKE_REASON_REASSIGNED));

  {
    g_autoptr(HdHandoff) r = make_handoff ("ho-r", G_TIME_SPAN_HOUR);

    /* A revoke for expiry is an expiry. */
    g_assert_true (hd_handoff_transition (r, HD_HANDOFF_STATE_REVOKED, HD_REVOKE_REASON_EXPIRED));
    g_assert_cmpint (hd_handoff_get_state (r), ==, HD_HANDOFF_STATE_EXPIRED);
  }
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_push_expiry_clock (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdHandoff) soon = make_handoff ("ho-soon", 150 * G_TIME_SPAN_MILLISECOND);
  g_autoptr(HdHandoff) late = make_handoff ("ho-late", G_TIME_SPAN_HOUR);
  g_autoptr(HdHandoff) past = make_handoff ("ho-past", -G_TIME_SPAN_SECOND);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  hd_queue_add (queue, soon);
  hd_queue_add (queue, late);
  g_assert_cmpint (hd_handoff_get_state (soon), ==, HD_HANDOFF_STATE_OFFERED);

  /* An offer replayed after its expiry is shown, already expired. */
  hd_queue_add (queue, past);
  g_assert_cmpint (hd_handoff_get_state (past), ==, HD_HANDOFF_STATE_EXPIRED);

  g_timeout_add (400, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (hd_handoff_get_state (soon), ==, HD_HANDOFF_STATE_EXPIRED);
  g_assert_cmpint (hd_handoff_get_revoke_reason (soon), ==, HD_REVOKE_REASON_EXPIRED);
  g_assert_cmpint (hd_handoff_get_state (late), ==, HD_HANDOFF_STATE_OFFERED);
  g_assert_cmpuint (hd_queue_get_n_open (queue), ==, 1);
}

static void
test_sla_clock (void)
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  g_autoptr(HdHandoff) h = make_handoff ("ho-sla", G_TIME_SPAN_HOUR);
  GDateTime *deadline;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;

  hd_queue_add (queue, h);
  deadline = hd_handoff_get_sla_deadline (h);
  g_assert_nonnull (deadline);   /* template 0: 120 s from now */
  before = g_date_time_add_seconds (deadline, -1);
  after = g_date_time_add_seconds (deadline, 1);

  hd_queue_tick (queue, before);
  g_assert_false (hd_handoff_get_sla_breached (h));
  hd_queue_tick (queue, after);
  g_assert_true (hd_handoff_get_sla_breached (h));
  /* Past the SLA and past... an hour: the push expires too. */
  g_assert_cmpint (hd_handoff_get_state (h), ==, HD_HANDOFF_STATE_OFFERED);
}

static void
test_transcript_appends (void)
{
  g_autoptr(HdHandoff) h = make_handoff ("ho-x", G_TIME_SPAN_HOUR);
  GListModel *transcript = hd_handoff_get_transcript (h);
  HdPacket *packet = hd_handoff_get_packet (h);
  guint n = g_list_model_get_n_items (transcript);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HdTurn) turn = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (hd_packet_get_transcript (packet)));
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:14:05Z\","
                                             "\"text\":\"my OTP is 123456\"}", -1, NULL));
  turn = hd_turn_parse_node (json_parser_get_root (parser), "/turns/0", &error);
  g_assert_no_error (error);

  g_signal_connect (transcript, "items-changed", G_CALLBACK (count_cb), &n_added);
  hd_handoff_append_turn (h, turn);
  g_assert_cmpuint (n_added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (transcript), ==, n + 1);
  g_assert_cmpstr (hd_handoff_get_customer_name (h), ==, "Priya Raman");
  g_assert_cmpstr (hd_handoff_get_intent (h), ==, "international_usage_not_enabled");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/queue/new", test_new);
  g_test_add_func ("/hd/queue/exactly-once", test_exactly_once);
  g_test_add_func ("/hd/queue/transitions", test_transitions);
  g_test_add_func ("/hd/queue/push-expiry-clock", test_push_expiry_clock);
  g_test_add_func ("/hd/queue/sla-clock", test_sla_clock);
  g_test_add_func ("/hd/queue/transcript-appends", test_transcript_appends);

  return g_test_run ();
}
