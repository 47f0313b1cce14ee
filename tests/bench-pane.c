/* bench-pane.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-pane"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "hd-handoff-pane.h"
#include "hd-packet-parser.h"
#include "hd-test-packet-generator.h"
#include "hd-transcript-view.h"

/* Figures for docs/PERFORMANCE.md: "offer frame received → pane drawn".
 * Needs a display (run under xvfb-run with GSK_RENDERER=cairo in CI).
 *
 * For a typical packet (50 turns) and a 10,000-turn one: the time from
 * setting the handoff on a shown 1366×768 pane until the frame clock has
 * painted the frame that shows it, alternating between two handoffs so every
 * run rebuilds the pane.  Also the same with the packet parse included
 * (the bytes of the offer frame → pane drawn).  p50 and p95 over the runs. */

#define RUNS_TYPICAL 60
#define RUNS_LARGE 20

static gboolean painted;
static gint64 frame_start;
static gint64 frame_work;

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
  frame_work = g_get_monotonic_time () - frame_start;
}

static void
wait_for_paint (GtkWidget *widget)
{
  painted = FALSE;
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  printf ("%-64s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (%u runs)\n",
          what, ms[n / 2], ms[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1], ms[n - 1], n);
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

  /* Warm up: styles, fonts, row widgets. */
  for (guint i = 0; i < 4; i++)
    {
      hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), i % 2 ? ha : hb);
      wait_for_paint (window);
    }

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
   * one frame each. */
  {
    GObject *transcript = gtk_widget_get_template_child (pane, HD_TYPE_HANDOFF_PANE, "transcript");
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (GTK_WIDGET (transcript),
                                                                                      HD_TYPE_TRANSCRIPT_VIEW,
                                                                                      "transcript_scroller"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

    hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), ha);
    for (guint i = 0; i < 4; i++)
      wait_for_paint (window);
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
  }
  hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), NULL);

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

  bench (window, pane, 50, RUNS_TYPICAL, "typical packet (50 turns)");
  bench (window, pane, 10000, RUNS_LARGE, "large packet (10,000 turns)");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
