/* bench-pane.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-pane"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include <adwaita.h>

#include "hd-bench-collect.h"
#include "hd-bench-util.h"
#include "hd-handoff-pane.h"
#include "hd-handoff.h"
#include "hd-packet-parser.h"
#include "hd-test-packet-generator.h"
#include "hd-transcript-view.h"

/* Figures for docs/PERFORMANCE.md: "offer frame received → pane drawn",
 * and issue #20's targets for a 10,000-turn transcript: scrolling back
 * (each "load earlier turns" step, and dragging the scrollbar end to end)
 * with no main-thread burst over 16.7 ms, and a live turn appended with at
 * most 4 ms of main-thread work.  Needs a display: `dev.sh bench` runs it
 * under headless mutter and under Xvfb (GSK_RENDERER=cairo).
 *
 * For a typical packet (50 turns) and a 10,000-turn one: the time from
 * setting the handoff on a shown 1366×768 pane until the frame clock has
 * painted the frame that shows it, alternating between two handoffs so every
 * run rebuilds the pane.  Also the same with the packet parse included
 * (the bytes of the offer frame → pane drawn).  p50 and p95 over the runs.
 *
 * For profiling (callgrind, perf record), HD_BENCH_ONLY=typical or =large
 * runs one packet size, and =append only the live turns on the 10,000-turn
 * transcript. */

#define RUNS_TYPICAL 60
#define RUNS_LARGE 20
#define RUNS_APPEND 60
#define FRAME_MS (1000.0 / 60)
/* A drag of the scrollbar's handle from one end to the other: one step a frame. */
#define DRAG_FRAMES 60

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;
static gint64 frame_cpu_start;
static gint64 frame_cpu;  /* µs on the processor, before-paint → after-paint */

/* The main-thread burst probe: a 1 ms timer at high priority, dispatched as
 * soon as the loop gets a chance (as in bench-offer).  Its longest gap less
 * its own 1 ms is the longest the main thread was busy (or kept off the
 * processor) in one go. */
static guint probe_id;
static gint64 probe_last;
static gint64 probe_max;
static gint64 probe_last_cpu;
static gint64 probe_max_cpu;  /* µs on the processor during the longest burst */

static gboolean
probe_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = hd_bench_thread_cpu_us ();

  if (probe_last != 0 && now - probe_last > probe_max)
    {
      probe_max = now - probe_last;
      probe_max_cpu = cpu - probe_last_cpu;
    }
  probe_last = now;
  probe_last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
probe_start (void)
{
  probe_last = 0;
  probe_max = 0;
  probe_max_cpu = 0;
  if (probe_id == 0)
    probe_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, NULL, NULL);
}

/* The longest burst since probe_start (), in ms. */
static double
probe_stop (void)
{
  g_clear_handle_id (&probe_id, g_source_remove);
  return MAX (probe_max - 1000, 0) / 1000.0;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = hd_bench_thread_cpu_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work = g_get_monotonic_time () - frame_start;
  frame_cpu = hd_bench_thread_cpu_us () - frame_cpu_start;
}

static void
wait_for_paint (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Sorts @ms and prints it; returns the p95. */
static double
report (const char *what,
        double     *ms,
        guint       n)
{
  double p95;

  qsort (ms, n, sizeof (double), hd_bench_compare_doubles);
  p95 = ms[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1];
  printf ("%-64s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%u runs)\n",
          what, ms[n / 2], p95, ms[n - 1], n);
  return p95;
}

/* A live turn, as the feed client makes one from a "turn" message. */
static HdTurn *
live_turn_new (guint i)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("Still there? This is my message number %u, "
                                           "about the payment I asked about earlier.", i);
  HdTurn *turn;

  json_object_set_string_member (object, "speaker", i % 2 ? "customer" : "bot");
  json_object_set_string_member (object, "time", "2026-11-24T09:20:00Z");
  json_object_set_string_member (object, "text", text);
  json_node_take_object (node, object);
  turn = hd_turn_parse_node (node, "/transcript/-", &error);
  g_assert_no_error (error);
  return turn;
}

typedef struct
{
  GtkAdjustment *adjustment;
  guint          frame;
  gboolean       done;
} Drag;

/* Moves the handle a step a frame, from the bottom to the top over
 * DRAG_FRAMES frames and back down over as many, as a pointer dragging it
 * does; the bounds are read each frame, since earlier turns load above as
 * the handle nears the top. */
static gboolean
drag_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  Drag *drag = user_data;
  double span = gtk_adjustment_get_upper (drag->adjustment) - gtk_adjustment_get_page_size (drag->adjustment);
  guint step = drag->frame++;
  double at;

  if (step > 2 * DRAG_FRAMES)
    {
      drag->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  if (step <= DRAG_FRAMES)
    at = span * (1.0 - (double) step / DRAG_FRAMES);
  else
    at = span * (double) (step - DRAG_FRAMES) / DRAG_FRAMES;
  gtk_adjustment_set_value (drag->adjustment, at);
  return G_SOURCE_CONTINUE;
}

static HdHandoff *
handoff_from_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return hd_handoff_new (packet, NULL);
}

static void
bench (GtkWidget  *window,
       GtkWidget  *pane,
       guint       n_turns,
       guint       runs,
       const char *label)
{
  g_autoptr(GBytes) a = hd_test_packet_generator_build (n_turns, 11);
  g_autoptr(GBytes) b = hd_test_packet_generator_build (n_turns, 12);
  g_autoptr(HdHandoff) ha = handoff_from_bytes (a);
  g_autoptr(HdHandoff) hb = handoff_from_bytes (b);
  g_autofree double *call = g_new (double, runs);
  g_autofree double *idle = g_new (double, runs);
  g_autofree double *work = g_new (double, runs);
  g_autofree double *idle_work = g_new (double, runs);
  g_autofree double *scroll = g_new (double, runs);
  g_autofree double *build = g_new (double, runs);
  g_autofree double *full = g_new (double, runs);
  g_autofree char *what = NULL;
  gboolean append_only = g_strcmp0 (g_getenv ("HD_BENCH_ONLY"), "append") == 0;

  /* Warm up: styles, fonts, row widgets. */
  for (guint i = 0; i < 4; i++)
    {
      hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), i % 2 ? ha : hb);
      wait_for_paint (window);
    }

  /* Only the live turns: the other parts' loops run no times. */
  if (append_only)
    runs = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), i % 2 ? ha : hb);
      call[i] = (g_get_monotonic_time () - start) / 1000.0;
      wait_for_paint (window);
      build[i] = (g_get_monotonic_time () - start) / 1000.0;
      work[i] = call[i] + frame_work / 1000.0;
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      wait_for_paint (window);
      idle[i] = (g_get_monotonic_time () - start) / 1000.0;
      idle_work[i] = frame_work / 1000.0;
    }

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HdHandoff) handoff = handoff_from_bytes (i % 2 ? a : b);

      hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), handoff);
      wait_for_paint (window);
      full[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  /* The agent scrolls to the top again and again: earlier turns load above,
   * one frame each.  Then drags the scrollbar end to end and back, and live
   * turns come in at the bottom. */
  {
    GObject *transcript = gtk_widget_get_template_child (pane, HD_TYPE_HANDOFF_PANE, "transcript");
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (transcript),
                                                                                      HD_TYPE_TRANSCRIPT_VIEW,
                                                                                      "transcript_scroller"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
    g_autofree double *append = g_new (double, RUNS_APPEND);
    g_autofree double *append_frames = g_new (double, RUNS_APPEND);
    g_autofree double *append_cpu = g_new (double, RUNS_APPEND);
    double scroll_burst = 0, drag_burst = 0, append_burst = 0;
    double scroll_cpu = 0, drag_cpu = 0;
    guint n_append_frames = 0;

    hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), ha);
    for (guint i = 0; i < 4; i++)
      wait_for_paint (window);
    probe_start ();
    for (guint i = 0; i < runs; i++)
      {
        gtk_adjustment_set_value (adjustment, 0);
        scroll[i] = 0;
        for (guint k = 0; k < 3; k++)
          {
            wait_for_paint (window);
            scroll[i] = MAX (scroll[i], frame_work / 1000.0);
          }
      }
    scroll_burst = probe_stop ();
    scroll_cpu = probe_max_cpu / 1000.0;

    if (n_turns > 50)
      {
        Drag drag = { adjustment, 0, append_only };

        /* From the end of a fresh transcript. */
        hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), hb);
        for (guint i = 0; i < 4; i++)
          wait_for_paint (window);
        probe_start ();
        if (!drag.done)
          gtk_widget_add_tick_callback (GTK_WIDGET (scroller), drag_tick_cb, &drag, NULL);
        while (!drag.done)
          g_main_context_iteration (NULL, TRUE);
        drag_burst = probe_stop ();
        drag_cpu = probe_max_cpu / 1000.0;

        /* Live turns while following the end of a 10,000-turn transcript:
         * the append (its "items-changed" through the slice to the list
         * view) and the frames that lay the turn out and land the view on
         * it, as long as the view keeps scrolling (at most 4 frames). */
        hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), ha);
        for (guint i = 0; i < 8; i++)
          wait_for_paint (window);
        probe_start ();
        for (guint i = 0; i < RUNS_APPEND; i++)
          {
            g_autoptr(HdTurn) turn = live_turn_new (i);
            gint64 start = g_get_monotonic_time ();
            gint64 start_cpu = hd_bench_thread_cpu_us ();
            double frames = 0, frames_cpu = 0;

            hd_bench_collect (TRUE);
            hd_handoff_append_turn (ha, turn);
            append[i] = (g_get_monotonic_time () - start) / 1000.0;
            append_cpu[i] = (hd_bench_thread_cpu_us () - start_cpu) / 1000.0;
            for (guint k = 0; k < 4; k++)
              {
                double value = gtk_adjustment_get_value (adjustment);
                double upper = gtk_adjustment_get_upper (adjustment);

                wait_for_paint (window);
                n_append_frames++;
                frames += frame_work / 1000.0;
                frames_cpu += frame_cpu / 1000.0;
                if (g_getenv ("HD_BENCH_VERBOSE") != NULL)
                  printf ("live turn %u, frame %u: %.2f ms on the processor, value %.0f → %.0f, upper %.0f → %.0f\n",
                          i, k, frame_cpu / 1000.0, value, gtk_adjustment_get_value (adjustment),
                          upper, gtk_adjustment_get_upper (adjustment));
                if (k > 0 && value == gtk_adjustment_get_value (adjustment) &&
                    upper == gtk_adjustment_get_upper (adjustment))
                  break;
              }
            hd_bench_collect (FALSE);
            append_frames[i] = frames;
            append[i] += frames;
            /* The same spans' processor time, which load does not stretch. */
            append_cpu[i] += frames_cpu;
          }
        append_burst = probe_stop ();
      }

    if (n_turns > 50)
      {
        g_autofree char *note = NULL;
        double p95;

        note = g_strdup_printf ("each step: scroll to the top, three frames; %.1f ms of the burst on the processor",
                                scroll_cpu);
        if (!append_only)
          {
            hd_bench_print_target ("pane-load-earlier-burst",
                          "10,000 turns: longest main-thread burst loading earlier turns (1 ms probe)",
                          scroll_burst, FRAME_MS, note);
            g_clear_pointer (&note, g_free);
            note = g_strdup_printf ("one step a frame, 60 frames each way; %.1f ms of the burst on the processor",
                                    drag_cpu);
            hd_bench_print_target ("pane-drag-burst",
                          "10,000 turns: longest main-thread burst dragging the scrollbar end to end and back",
                          drag_burst, FRAME_MS, note);
            g_clear_pointer (&note, g_free);
          }
        p95 = report ("large packet (10,000 turns): live turn appended: append + its frames", append, RUNS_APPEND);
        report ("large packet (10,000 turns): live turn appended: its frames alone", append_frames, RUNS_APPEND);
        report ("large packet (10,000 turns): live turn appended: append + its frames on the processor",
                append_cpu, RUNS_APPEND);
        printf ("large packet (10,000 turns): live turn appended: longest main-thread burst %.2f ms\n",
                append_burst);
        /* One frame would do: the rest land the view on the turn. */
        printf ("large packet (10,000 turns): live turn appended: %.2f frames each, mean\n",
                (double) n_append_frames / RUNS_APPEND);
        hd_bench_print_target ("pane-live-turn-work",
                      "10,000 turns: live turn appended, main-thread work (append + frames), p95",
                      p95, 4, "following the end");
      }
  }
  hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), NULL);
  if (runs == 0)
    return;

  what = g_strdup_printf ("%s: longest frame loading earlier turns", label);
  report (what, scroll, runs);
  g_free (what);
  what = g_strdup_printf ("%s: hd_handoff_pane_set_handoff ()", label);
  report (what, call, runs);
  g_free (what);
  what = g_strdup_printf ("%s: main-thread work (set + frame)", label);
  report (what, work, runs);
  g_free (what);
  what = g_strdup_printf ("%s: frame work of a plain redraw (baseline)", label);
  report (what, idle_work, runs);
  g_free (what);
  what = g_strdup_printf ("%s: redraw alone (baseline)", label);
  report (what, idle, runs);
  g_free (what);
  what = g_strdup_printf ("%s: set handoff → drawn", label);
  report (what, build, runs);
  g_free (what);
  what = g_strdup_printf ("%s: parse + set handoff → drawn", label);
  report (what, full, runs);
}

int
main (int   argc,
      char *argv[])
{
  const char *only = g_getenv ("HD_BENCH_ONLY");
  GtkWidget *window;
  GtkWidget *pane;

  if (!gtk_init_check ())
    {
      printf ("bench-pane: no display, skipped (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366 - 272, 768 - 47);
  pane = hd_handoff_pane_new ();
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint (window);

  if (g_strcmp0 (only, "large") != 0 && g_strcmp0 (only, "append") != 0)
    bench (window, pane, 50, RUNS_TYPICAL, "typical packet (50 turns)");
  if (g_strcmp0 (only, "typical") != 0)
    bench (window, pane, 10000, RUNS_LARGE, "large packet (10,000 turns)");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
