/* bench-feed.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-feed"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hd-test-utils.h"
#include "hd-demo-router.h"
#include "hd-demo-templates.h"
#include "hd-feed-client.h"
#include "hd-feed-protocol.h"
#include "hd-journal-event.h"
#include "hd-packet-parser.h"
#include "hd-test-packet-generator.h"
#include "hd-time.h"

/* Figures for docs/PERFORMANCE.md ("Feed"): run with `./build-aux/dev.sh
 * bench` (a release build).  The router runs in the same process and on the
 * same thread as the client, over real loopback sockets, so the end-to-end
 * figures include the router's own work.
 *
 *  1. Ingest, in process: decode an offer frame, parse + validate + mask its
 *     packet, make the HdHandoff and add it to the HdQueue.  Offers/s.
 *     Then a 10,000-turn offer frame decoded as the client's worker does:
 *     frame → packet (what is shown), then the tree of the packet and its
 *     journal payload (what "offer-presented" waits for), beside the tree
 *     path the client took before the packet decoder (frame tree, then the
 *     packet from it), interleaved.  Median ms.
 *  2. Ingest over loopback: a client connects to a router holding N offers
 *     in its replay window and drains them into its queue.  Offers/s.
 *  3. Offer frame → queue latency: one offer pushed every 2 ms; time from the
 *     router's push to the queue's items-changed.  p50/p95/p99.
 *  4. Resume: the connection is dropped (the router stays up), or the router
 *     goes down for 1 s and comes back; time until an offer routed meanwhile
 *     reaches the queue, with the app's default backoff (500 ms initial,
 *     30 s cap, full jitter).  p50/p95 over 20 runs each. */

#define INGEST_N 20000
#define LOOPBACK_N 10000
#define LATENCY_N 2000
#define RESUME_RUNS 20
#define AGENT "bench-agent"

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint index = (guint) (p * (n - 1) + 0.5);

  return values[MIN (index, n - 1)];
}

static char *
make_offer_frame (guint      i,
                  GDateTime *now)
{
  g_autofree char *id = g_strdup_printf ("ho-bench-%06u", i);
  g_autoptr(JsonNode) packet = hd_demo_template_build (i % hd_demo_templates_get_n (), id, now);
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 3600);
  g_autofree char *expires_text = hd_time_format_rfc3339 (expires, 6);
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_OFFER, i + 1);
  char *text;

  json_object_set_string_member (object, "handoff_id", id);
  json_object_set_string_member (object, "expires_at", expires_text);
  json_object_set_member (object, "packet", g_steal_pointer (&packet));
  text = hd_feed_object_to_text (object);
  json_object_unref (object);
  return text;
}

static void
bench_ingest_in_process (void)
{
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HdQueue) queue = hd_queue_new ();
  HdPacketLimits limits;
  gsize bytes = 0;
  gint64 start, elapsed;

  hd_packet_limits_init (&limits);
  for (guint i = 0; i < INGEST_N; i++)
    {
      g_ptr_array_add (frames, make_offer_frame (i, now));
      bytes += strlen (g_ptr_array_index (frames, i));
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < INGEST_N; i++)
    {
      const char *frame = g_ptr_array_index (frames, i);
      g_autoptr(GBytes) frame_bytes = g_bytes_new_static (frame, strlen (frame));
      g_autoptr(HdFeedMessage) message = hd_feed_message_parse_frame (frame_bytes, HD_FEED_DEFAULT_MAX_FRAME,
                                                                      NULL);
      g_autoptr(HdPacket) packet = hd_feed_message_parse_packet (message, &limits, NULL);
      g_autoptr(GDateTime) expires = hd_time_parse_iso8601 (json_object_get_string_member (message->body, "expires_at"),
                                                                     NULL);
      g_autoptr(HdHandoff) handoff = hd_handoff_new (packet, expires);

      if (!hd_queue_add (queue, handoff))
        g_error ("offer %u not added", i);
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("ingest (decode + parse + queue, in process): %u offers, %.0f offers/s, "
          "%.1f µs/offer, mean frame %" G_GSIZE_FORMAT " bytes\n",
          INGEST_N, INGEST_N / (elapsed / 1e6), (double) elapsed / INGEST_N, bytes / INGEST_N);
}

#define LARGE_TURNS 10000
#define LARGE_RUNS 10

/* One decode of the big offer's frame: the packet (shown) and the journal
 * payload (presented), in ms; by the decoder or by the tree path. */
static void
decode_large_offer (GBytes   *frame,
                    gboolean  tree_path,
                    double   *shown_ms,
                    double   *presented_ms)
{
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(HdPacket) packet = NULL;
  HdJournalPayload *payload;
  gint64 start = g_get_monotonic_time ();
  gint64 shown;
  gsize len;
  const char *data = g_bytes_get_data (frame, &len);

  if (tree_path)
    {
      message = hd_feed_message_parse (data, len, HD_FEED_DEFAULT_MAX_FRAME, NULL);
      packet = hd_packet_parse_node (json_object_get_member (message->body, "packet"), NULL, NULL);
    }
  else
    {
      message = hd_feed_message_parse_frame (frame, HD_FEED_DEFAULT_MAX_FRAME, NULL);
      packet = hd_feed_message_parse_packet (message, NULL, NULL);
    }
  g_assert (packet != NULL);
  shown = g_get_monotonic_time ();
  payload = hd_journal_payload_prepare_member ("packet", hd_feed_message_get_packet (message));
  *presented_ms = (g_get_monotonic_time () - start) / 1000.0;
  *shown_ms = (shown - start) / 1000.0;
  hd_journal_payload_free (payload);
}

static void
bench_large_offer (void)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (LARGE_TURNS, 99);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) frame = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, NULL);
  double shown[2][LARGE_RUNS], presented[2][LARGE_RUNS];
  gsize len;
  const char *data = g_bytes_get_data (json, &len);

  g_string_append_printf (text, "{\"type\":\"offer\",\"seq\":1,\"handoff_id\":\"%s\",\"packet\":",
                          hd_packet_get_handoff_id (packet));
  g_string_append_len (text, data, len);
  g_string_append (text, "}");
  frame = g_string_free_to_bytes (g_steal_pointer (&text));

  for (guint i = 0; i < LARGE_RUNS + 1; i++)
    for (guint path = 0; path < 2; path++)
      {
        double a, b;

        decode_large_offer (frame, path == 1, &a, &b);
        /* The first round warms up. */
        if (i > 0)
          {
            shown[path][i - 1] = a;
            presented[path][i - 1] = b;
          }
      }
  for (guint path = 0; path < 2; path++)
    {
      qsort (shown[path], LARGE_RUNS, sizeof (double), compare_double);
      qsort (presented[path], LARGE_RUNS, sizeof (double), compare_double);
    }
  printf ("%u-turn offer frame (%.2f MiB), decoded in this thread, median of %u, interleaved\n",
          LARGE_TURNS, g_bytes_get_size (frame) / (1024.0 * 1024.0), LARGE_RUNS);
  printf ("  frame → packet (shown): %.1f ms; the tree path before the decoder: %.1f ms\n",
          percentile (shown[0], LARGE_RUNS, 0.5), percentile (shown[1], LARGE_RUNS, 0.5));
  printf ("  + tree and journal payload (offer-presented): %.1f ms; tree path: %.1f ms\n",
          percentile (presented[0], LARGE_RUNS, 0.5), percentile (presented[1], LARGE_RUNS, 0.5));
}

typedef struct
{
  HdDemoRouter *router;
  HdFeedClient *client;
  char         *token;
  GHashTable   *pushed_at;   /* handoff id → gint64 µs */
  GArray       *latencies;   /* of double, ms */
} Bench;

static void
bench_set_up (Bench *bench)
{
  g_autoptr(GError) error = NULL;

  bench->token = hd_demo_router_generate_token ();
  bench->router = hd_demo_router_new (bench->token);
  g_object_set (bench->router, "heartbeat-ms", 5000, "offer-ttl-s", 3600,
                "replay-window", LOOPBACK_N + 100, NULL);
  if (!hd_demo_router_start (bench->router, 0, &error))
    g_error ("%s", error->message);
  bench->pushed_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  bench->latencies = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
bench_tear_down (Bench *bench)
{
  if (bench->client != NULL)
    hd_feed_client_stop (bench->client);
  g_clear_object (&bench->client);
  hd_demo_router_stop (bench->router);
  g_clear_object (&bench->router);
  g_clear_pointer (&bench->token, g_free);
  g_clear_pointer (&bench->pushed_at, g_hash_table_unref);
  g_clear_pointer (&bench->latencies, g_array_unref);
}

static guint
queue_length (Bench *bench)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (bench->client)));
}

static void
bench_ingest_loopback (void)
{
  Bench bench = { 0 };
  gint64 start, elapsed;

  bench_set_up (&bench);
  for (guint i = 0; i < LOOPBACK_N; i++)
    g_free (hd_demo_router_push_offer (bench.router, AGENT, (int) (i % hd_demo_templates_get_n ())));

  bench.client = hd_feed_client_new (hd_demo_router_get_uri (bench.router), AGENT, bench.token,
                                     NULL, NULL);
  start = g_get_monotonic_time ();
  hd_feed_client_start (bench.client);
  HD_TEST_WAIT_UNTIL (queue_length (&bench) == LOOPBACK_N, 120000);
  elapsed = g_get_monotonic_time () - start;

  printf ("ingest (over loopback, router in process): %u offers, %.0f offers/s\n",
          LOOPBACK_N, LOOPBACK_N / (elapsed / 1e6));
  bench_tear_down (&bench);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Bench      *bench)
{
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (model, position + i);
      gint64 *pushed = g_hash_table_lookup (bench->pushed_at, hd_handoff_get_handoff_id (handoff));
      double ms;

      if (pushed == NULL)
        continue;
      ms = (now - *pushed) / 1000.0;
      g_array_append_val (bench->latencies, ms);
    }
}

static gboolean
push_one_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 *at = g_new (gint64, 1);
  char *id;

  *at = g_get_monotonic_time ();
  id = hd_demo_router_push_offer (bench->router, AGENT, -1);
  g_hash_table_insert (bench->pushed_at, id, at);
  return g_hash_table_size (bench->pushed_at) < LATENCY_N ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
bench_latency (void)
{
  Bench bench = { 0 };
  double *values;

  bench_set_up (&bench);
  bench.client = hd_feed_client_new (hd_demo_router_get_uri (bench.router), AGENT, bench.token,
                                     NULL, NULL);
  g_signal_connect (hd_feed_client_get_queue (bench.client), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &bench);
  hd_feed_client_start (bench.client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (bench.client) == HD_FEED_CLIENT_STATE_CONNECTED, 10000);

  g_timeout_add (2, push_one_cb, &bench);
  HD_TEST_WAIT_UNTIL (bench.latencies->len == LATENCY_N, 120000);

  values = (double *) (gpointer) bench.latencies->data;
  qsort (values, bench.latencies->len, sizeof (double), compare_double);
  printf ("offer frame → queue latency: %u offers, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms\n",
          LATENCY_N, percentile (values, LATENCY_N, 0.50), percentile (values, LATENCY_N, 0.95),
          percentile (values, LATENCY_N, 0.99), values[LATENCY_N - 1]);
  bench_tear_down (&bench);
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The scenario's outage: the router stays down for @ms while the client
 * backs off.  A deliberate fixed period of the measurement, not a wait for
 * something to happen: the main loop runs (blocked in poll, woken by the
 * client's own timers) until a timer marks its end. */
static void
keep_router_down (guint ms)
{
  gboolean over = FALSE;

  g_timeout_add_once (ms, set_flag_cb, &over);
  hd_test_wait_flag (&over, ms + HD_TEST_TIMEOUT_MS);
}

static void
bench_resume (gboolean server_down)
{
  Bench bench = { 0 };
  double times[RESUME_RUNS];
  guint port;

  bench_set_up (&bench);
  port = hd_demo_router_get_port (bench.router);
  /* The app's defaults: 500 ms initial backoff, 30 s cap, full jitter. */
  bench.client = hd_feed_client_new (hd_demo_router_get_uri (bench.router), AGENT, bench.token,
                                     NULL, NULL);
  hd_feed_client_start (bench.client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (bench.client) == HD_FEED_CLIENT_STATE_CONNECTED, 10000);

  for (guint run = 0; run < RESUME_RUNS; run++)
    {
      g_autofree char *id = NULL;
      gint64 start;

      if (server_down)
        {
          g_autoptr(GError) error = NULL;

          hd_demo_router_stop (bench.router);
          keep_router_down (1000);
          id = hd_demo_router_push_offer (bench.router, AGENT, -1);
          start = g_get_monotonic_time ();
          if (!hd_demo_router_start (bench.router, port, &error))
            g_error ("%s", error->message);
        }
      else
        {
          start = g_get_monotonic_time ();
          hd_demo_router_drop_connections (bench.router);
          id = hd_demo_router_push_offer (bench.router, AGENT, -1);
        }

      HD_TEST_WAIT_UNTIL (hd_queue_lookup (hd_feed_client_get_queue (bench.client), id) != NULL, 120000);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (bench.client) == HD_FEED_CLIENT_STATE_CONNECTED, 10000);
    }

  qsort (times, RESUME_RUNS, sizeof (double), compare_double);
  printf ("%s → resumed delivery (default backoff): %u runs, p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
          server_down ? "router back after 1 s down" : "connection dropped",
          RESUME_RUNS, percentile (times, RESUME_RUNS, 0.50), percentile (times, RESUME_RUNS, 0.95),
          times[RESUME_RUNS - 1]);
  bench_tear_down (&bench);
}

static GLogWriterOutput
quiet_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  /* Reconnect chatter (g_message) would drown the figures. */
  if (log_level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (quiet_writer, NULL, NULL);
  setvbuf (stdout, NULL, _IOLBF, 0);

  printf ("# bench-feed (%s build)\n",
#ifdef __OPTIMIZE__
          "optimised"
#else
          "unoptimised: figures are not representative"
#endif
          );
  bench_ingest_in_process ();
  bench_large_offer ();
  /* The decode path alone (for perf record and for comparing builds). */
  if (argc == 2 && g_str_equal (argv[1], "--in-process"))
    return 0;
  bench_ingest_loopback ();
  bench_latency ();
  bench_resume (FALSE);
  bench_resume (TRUE);
  return 0;
}
