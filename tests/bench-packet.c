/* bench-packet.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-packet"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hd-error.h"
#include "hd-packet-parser.h"
#include "hd-test-packet-generator.h"

/* Figures for docs/PERFORMANCE.md: run with `./build-aux/dev.sh bench` (a
 * release build).  Single core, no sanitizers.
 *
 *  1. Parse + validate + mask a typical packet of 50 turns, in a loop over 64
 *     different packets, for about two seconds: packets per second.
 *  2. A 10,000-turn packet parsed off the main thread with
 *     hd_packet_parse_bytes_async (): wall time per packet, and in a fresh
 *     process the peak RSS growth and the heap the parsed model keeps. */

#define N_TYPICAL_PACKETS 64
#define TYPICAL_TURNS 50
#define LARGE_TURNS 10000
#define LARGE_RUNS 10

static void
bench_typical (void)
{
  GBytes *packets[N_TYPICAL_PACKETS];
  gsize total_bytes = 0;
  guint64 n_parsed = 0;
  gsize bytes_parsed = 0;
  gint64 start, elapsed;
  double per_second;

  for (guint i = 0; i < N_TYPICAL_PACKETS; i++)
    {
      packets[i] = hd_test_packet_generator_build (TYPICAL_TURNS, i + 1);
      total_bytes += g_bytes_get_size (packets[i]);
    }

  /* Warm up caches and the GType system. */
  for (guint i = 0; i < N_TYPICAL_PACKETS; i++)
    g_object_unref (hd_packet_parse_bytes (packets[i], NULL, NULL));

  start = g_get_monotonic_time ();
  do
    {
      for (guint i = 0; i < N_TYPICAL_PACKETS; i++)
        {
          g_autoptr(GError) error = NULL;
          HdPacket *packet = hd_packet_parse_bytes (packets[i], NULL, &error);

          if (packet == NULL)
            g_error ("synthetic packet failed to parse: %s", error->message);
          g_object_unref (packet);
          bytes_parsed += g_bytes_get_size (packets[i]);
        }
      n_parsed += N_TYPICAL_PACKETS;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < 2 * G_USEC_PER_SEC);

  per_second = n_parsed / (elapsed / (double) G_USEC_PER_SEC);
  printf ("typical packet (%u turns, %.1f KiB average)\n", TYPICAL_TURNS,
          total_bytes / (double) N_TYPICAL_PACKETS / 1024.0);
  printf ("  parse + validate + mask: %.0f packets/s, %.1f µs/packet, %.1f MiB/s (one core)\n",
          per_second, 1e6 / per_second,
          bytes_parsed / (elapsed / (double) G_USEC_PER_SEC) / (1024.0 * 1024.0));
  printf ("  target ≥ 5000 packets/s: %s\n", per_second >= 5000 ? "met" : "NOT MET");

  for (guint i = 0; i < N_TYPICAL_PACKETS; i++)
    g_bytes_unref (packets[i]);
}

static void
parse_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static HdPacket *
parse_off_main_thread (GBytes *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HdPacket *packet;

  hd_packet_parse_bytes_async (json, NULL, NULL, parse_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if ((packet = hd_packet_parse_bytes_finish (result, &error)) == NULL)
    g_error ("large packet failed to parse: %s", error->message);
  return packet;
}

/* The peak RSS of this process image, from VmHWM: unlike ru_maxrss it
 * starts afresh at exec (), so the parent's size does not count. */
static glong
max_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static gsize
heap_in_use (void)
{
#ifdef __GLIBC__
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
#else
  return 0;
#endif
}

/* Runs in a fresh process (`bench-packet --measure-memory`), so that the
 * high-water mark belongs to this one parse.  A forked child could not use
 * the worker threads, as threads do not survive fork (). */
static int
measure_memory_main (void)
{
  glong rss_start;
  g_autoptr(GBytes) json = NULL;
  gsize heap_before;
  HdPacket *packet;

#ifdef __GLIBC__
  /* One arena, so that mallinfo2 () also sees the worker thread's memory. */
  mallopt (M_ARENA_MAX, 1);
#endif
  rss_start = max_rss_kib ();

  /* The input is built in one piece so that its own high-water mark is just
   * its size; then everything above it is the parse. */
  json = hd_test_packet_generator_build (LARGE_TURNS, 99);
  heap_before = heap_in_use ();
  packet = parse_off_main_thread (json);

  printf ("%ld %" G_GSIZE_FORMAT "\n", max_rss_kib () - rss_start, heap_in_use () - heap_before);
  g_object_unref (packet);
  return 0;
}

static void
measure_memory (const char *self_path,
                glong      *rss_growth_kib,
                gsize      *retained_bytes)
{
  const char *argv[] = { self_path, "--measure-memory", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%ld %" G_GSIZE_FORMAT, rss_growth_kib, retained_bytes) != 2)
    g_error ("the memory measurement failed: %s", error != NULL ? error->message : out);
}

static void
bench_large (const char *self_path)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (LARGE_TURNS, 99);
  double best = G_MAXDOUBLE, total = 0.0;
  glong rss_growth_kib = 0;
  gsize retained = 0;

  g_object_unref (parse_off_main_thread (json));

  for (guint i = 0; i < LARGE_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      HdPacket *packet = parse_off_main_thread (json);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert (g_list_model_get_n_items (hd_packet_get_transcript (packet)) == LARGE_TURNS);
      g_object_unref (packet);
      best = MIN (best, ms);
      total += ms;
    }

  measure_memory (self_path, &rss_growth_kib, &retained);

  printf ("large packet (%u turns, %.2f MiB), parsed in a worker thread\n", LARGE_TURNS,
          g_bytes_get_size (json) / (1024.0 * 1024.0));
  printf ("  time per packet: %.1f ms mean, %.1f ms best of %u\n", total / LARGE_RUNS, best,
          LARGE_RUNS);
  printf ("  peak RSS growth, JSON input included: %.1f MiB\n", rss_growth_kib / 1024.0);
  printf ("  heap kept by the parsed model: %.1f MiB (%.0f bytes/turn)\n",
          retained / (1024.0 * 1024.0), retained / (double) LARGE_TURNS);
}

int
main (int   argc,
      char *argv[])
{
  setvbuf (stdout, NULL, _IOLBF, 0);
  if (argc == 2 && g_str_equal (argv[1], "--measure-memory"))
    return measure_memory_main ();

  bench_typical ();
  bench_large (argv[0]);
  return 0;
}
