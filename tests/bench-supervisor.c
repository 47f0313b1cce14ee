/* bench-supervisor.c: Supervisor mode at contact-centre scale
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hd-supervisor-view.h"
#include "hd-test-gtk-utils.h"

/* 200 queues, 5,000 waiting handoffs, 1,000 queue events per second
 * sustained through HdSupervisorModel into a shown HdSupervisorView, for
 * HD_BENCH_SUPERVISOR_SECONDS (default 60; 600 for the soak).  Reports the
 * frame clock's frame times (layout + paint of each frame, and the interval
 * between frames, with a tick callback keeping frames coming), the time the
 * event batches and the flushes take on the main loop, and resident memory
 * after warm-up against the end of the run.  Run under Xvfb, release build. */

#define N_QUEUES 200
#define N_WAITING 5000
#define EVENTS_PER_SECOND 1000

typedef struct
{
  HdSupervisorModel *model;
  GRand             *rand;
  GPtrArray         *queue_ids;
  GPtrArray         *waiting;        /* per queue: GQueue of handoff ids */
  GQueue             handling;       /* accepted, not wrapped up: "queue-index handoff-id" */
  guint64            next_id;
  guint64            sent;
  gint64             start;
  GArray            *frame_work;     /* µs, layout + paint */
  GArray            *frame_interval; /* µs between frames */
  GArray            *batch;          /* µs per event batch */
  gint64             before_paint;
  gint64             last_after_paint;
} Bench;

static char *
iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static JsonObject *
new_event (Bench      *bench,
           guint       queue,
           const char *event,
           const char *handoff_id)
{
  JsonObject *object = json_object_new ();
  g_autofree char *at = iso_now ();
  GQueue *waiting = g_ptr_array_index (bench->waiting, queue);

  json_object_set_string_member (object, "type", "queue_event");
  json_object_set_string_member (object, "queue_id", g_ptr_array_index (bench->queue_ids, queue));
  json_object_set_string_member (object, "event", event);
  json_object_set_string_member (object, "handoff_id", handoff_id);
  json_object_set_string_member (object, "agent_id", "agent-1");
  json_object_set_string_member (object, "at", at);
  json_object_set_int_member (object, "waiting", waiting->length);
  json_object_set_int_member (object, "agents_available", 3);
  json_object_set_int_member (object, "agents_busy", 12);
  json_object_set_int_member (object, "agents_away", 1);
  json_object_set_string_member (object, "origin", "bot");
  json_object_set_string_member (object, "bot_flow", "cards/dispute");
  return object;
}

/* @reoffer: an id the router offers again (after a decline or an expired
 * push), or NULL for a new handoff. */
static void
offer (Bench      *bench,
       guint       queue,
       const char *reoffer)
{
  g_autofree char *id = reoffer != NULL ? g_strdup (reoffer)
                                        : g_strdup_printf ("ho-%" G_GUINT64_FORMAT, bench->next_id++);
  g_autofree char *at = iso_now ();
  GQueue *waiting = g_ptr_array_index (bench->waiting, queue);
  JsonObject *object, *handoff;
  JsonArray *missing = json_array_new ();

  g_queue_push_tail (waiting, g_strdup (id));
  object = new_event (bench, queue, "offered", id);
  handoff = json_object_new ();
  json_object_set_string_member (handoff, "handoff_id", id);
  json_object_set_string_member (handoff, "waiting_since", at);
  json_object_set_string_member (handoff, "customer", "Priya Raman");
  json_object_set_string_member (handoff, "intent", "international_usage_not_enabled");
  json_object_set_boolean_member (handoff, "vip", g_rand_int_range (bench->rand, 0, 10) == 0);
  json_object_set_boolean_member (handoff, "vulnerable", g_rand_int_range (bench->rand, 0, 50) == 0);
  json_object_set_object_member (object, "handoff", handoff);
  json_object_set_boolean_member (object, "verified", TRUE);
  if (g_rand_boolean (bench->rand))
    json_array_add_string_element (missing, "summary.text");
  json_object_set_array_member (object, "missing", missing);
  hd_supervisor_model_apply_event (bench->model, object);
  json_object_unref (object);
}

/* One event of a steady state: as many arrivals as pickups, then the
 * picked-up handoffs' signals and wrap-ups. */
static void
wrap_oldest (Bench *bench,
             gboolean resolved)
{
  g_autofree char *entry = g_queue_pop_head (&bench->handling);
  char *space = strchr (entry, ' ');
  JsonObject *object;

  *space = '\0';
  object = new_event (bench, (guint) atoi (entry), "wrapped_up", space + 1);
  json_object_set_boolean_member (object, "resolved", resolved);
  hd_supervisor_model_apply_event (bench->model, object);
  json_object_unref (object);
}

/* One event of a steady state: as many arrivals as pickups (45 % each,
 * nudged to keep every queue near 25 waiting),
 * declined and expired pushes offered again (4 % + 2 %), and agents'
 * signals on the chats they handle (4 %); agents handle 2,000 chats at a
 * time, each accepted one wrapping up another. */
static void
one_event (Bench *bench)
{
  guint queue = (guint) g_rand_int_range (bench->rand, 0, N_QUEUES);
  GQueue *waiting = g_ptr_array_index (bench->waiting, queue);
  guint kind = (guint) g_rand_int_range (bench->rand, 0, 100);
  g_autofree char *id = NULL;
  JsonObject *object;

  /* Each queue hovers around its 25 waiting: a random walk would drift. */
  if (waiting->length == 0 || (kind < 45 && waiting->length < 35) ||
      (kind >= 45 && kind < 90 && waiting->length < 15))
    {
      offer (bench, queue, NULL);
      return;
    }
  if (kind < 45)
    kind = 45;  /* too many waiting here: serve one instead */

  if (kind >= 96)
    {
      const char *entry = g_queue_peek_nth (&bench->handling,
                                            (guint) g_rand_int_range (bench->rand, 0, MAX (bench->handling.length, 1)));
      g_auto(GStrv) parts = entry != NULL ? g_strsplit (entry, " ", 2) : NULL;

      if (parts == NULL)
        return;
      object = new_event (bench, (guint) atoi (parts[0]), "signal", parts[1]);
      json_object_set_string_member (object, "signal", kind < 98 ? "asked_to_repeat" : "re_verified");
      hd_supervisor_model_apply_event (bench->model, object);
      json_object_unref (object);
      return;
    }

  id = g_queue_pop_head (waiting);
  object = new_event (bench, queue, kind < 90 ? "accepted" : kind < 94 ? "declined" : "expired", id);
  hd_supervisor_model_apply_event (bench->model, object);
  json_object_unref (object);

  if (kind >= 90)
    {
      offer (bench, queue, id);  /* the router offers it to the next agent */
      return;
    }

  g_queue_push_tail (&bench->handling, g_strdup_printf ("%u %s", queue, id));
  if (bench->handling.length > 2000)
    wrap_oldest (bench, kind % 4 != 0);
}

static gboolean
feed_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 t0 = g_get_monotonic_time ();
  guint64 due = (guint64) ((t0 - bench->start) * (double) EVENTS_PER_SECOND / G_USEC_PER_SEC);
  gint64 took;

  while (bench->sent < due)
    {
      one_event (bench);
      bench->sent++;
    }
  took = g_get_monotonic_time () - t0;
  g_array_append_val (bench->batch, took);
  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->before_paint = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  gint64 work = now - bench->before_paint;

  g_array_append_val (bench->frame_work, work);
  if (bench->last_after_paint != 0)
    {
      gint64 interval = now - bench->last_after_paint;
      g_array_append_val (bench->frame_interval, interval);
    }
  bench->last_after_paint = now;
}

static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  /* Redraw the chart area every frame, as an animation would. */
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *values,
               double  p)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_gint64);
  return g_array_index (values, gint64, MIN ((guint) (p * values->len), values->len - 1)) / 1000.0;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
build_snapshot (Bench *bench)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *at = iso_now ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "queue_snapshot");
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint q = 0; q < N_QUEUES; q++)
    {
      GQueue *waiting = g_ptr_array_index (bench->waiting, q);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "queue_id");
      json_builder_add_string_value (builder, g_ptr_array_index (bench->queue_ids, q));
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, N_WAITING / N_QUEUES);
      json_builder_set_member_name (builder, "sla_target_s");
      json_builder_add_int_value (builder, 60 + 60 * (q % 10));
      json_builder_set_member_name (builder, "waiting_handoffs");
      json_builder_begin_array (builder);
      for (guint i = 0; i < N_WAITING / N_QUEUES; i++)
        {
          g_autofree char *id = g_strdup_printf ("ho-%" G_GUINT64_FORMAT, bench->next_id++);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "handoff_id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "waiting_since");
          json_builder_add_string_value (builder, at);
          json_builder_end_object (builder);
          g_queue_push_tail (waiting, g_steal_pointer (&id));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  hd_supervisor_model_apply_snapshot (bench->model, json_node_get_object (root));
}

static void
free_queue (gpointer data)
{
  g_queue_free_full (data, g_free);
}

/* Runs the main loop for @seconds under the sustained event rate (feed_cb's
 * 4 ms timer sends the events; the frame clock keeps drawing): the
 * benchmark's deliberately fixed measurement period, and its warm-up, not a
 * wait for something to happen.  With @progress, prints the resident memory
 * every 10 s. */
static void
sustain_event_rate (Bench    *bench,
                    guint     seconds,
                    gboolean  progress)
{
  gint64 end = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  gint64 next_report = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      if (progress && g_get_monotonic_time () >= next_report)
        {
          printf ("  t=%3.0f s: RSS %ld KiB, waiting %u, KPI tracks %u\n",
                  (g_get_monotonic_time () - bench->start) / 1e6, rss_kib (),
                  hd_supervisor_model_get_n_waiting (bench->model),
                  hd_kpi_engine_get_n_tracked (hd_supervisor_model_get_kpi_engine (bench->model)));
          fflush (stdout);
          next_report += 10 * G_USEC_PER_SEC;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HdApplication) app = NULL;
  Bench bench = { 0 };
  GtkWindow *window;
  GtkWidget *view;
  GdkFrameClock *clock;
  const char *env = g_getenv ("HD_BENCH_SUPERVISOR_SECONDS");
  guint seconds = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 60;
  guint warmup = MIN (10, seconds / 3);
  long rss_warm, rss_end;
  gint64 t0;
  guint source;
  guint64 sent_warm;

  gtk_init ();
  adw_init ();
  app = hd_test_ui_application_new ();

  bench.model = hd_supervisor_model_new ();
  bench.rand = g_rand_new_with_seed (8);
  bench.queue_ids = g_ptr_array_new_with_free_func (g_free);
  bench.waiting = g_ptr_array_new_with_free_func (free_queue);
  bench.frame_work = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.frame_interval = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.batch = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint q = 0; q < N_QUEUES; q++)
    {
      g_ptr_array_add (bench.queue_ids, g_strdup_printf ("queue_%03u", q));
      g_ptr_array_add (bench.waiting, g_queue_new ());
    }

  t0 = g_get_monotonic_time ();
  build_snapshot (&bench);
  hd_supervisor_model_flush (bench.model, g_get_real_time ());
  printf ("snapshot: %u queues, %u waiting applied in %.1f ms\n", N_QUEUES,
          hd_supervisor_model_get_n_waiting (bench.model), (g_get_monotonic_time () - t0) / 1000.0);

  window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (app)));
  gtk_window_set_default_size (window, 1366, 768);
  view = hd_supervisor_view_new (bench.model);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  /* The snapshot's panels, laid out and drawn before the load starts. */
  hd_test_flush (view);

  clock = gtk_widget_get_frame_clock (view);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  gtk_widget_add_tick_callback (view, keep_ticking_cb, NULL, NULL);

  bench.start = g_get_monotonic_time ();
  source = g_timeout_add (4, feed_cb, &bench);

  /* Warm up (the KPI window and the rings fill), then measure. */
  sustain_event_rate (&bench, warmup, FALSE);
  rss_warm = rss_kib ();
  sent_warm = bench.sent;
  g_array_set_size (bench.frame_work, 0);
  g_array_set_size (bench.frame_interval, 0);
  g_array_set_size (bench.batch, 0);
  bench.last_after_paint = 0;

  sustain_event_rate (&bench, seconds - warmup, TRUE);
  rss_end = rss_kib ();
  g_source_remove (source);

  /* What the view's periodic work costs on the main loop at this scale. */
  {
    g_autoptr(GArray) flushes = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autoptr(GArray) refreshes = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < 20; i++)
      {
        gint64 a, b, c;

        for (guint e = 0; e < 500; e++)
          one_event (&bench);
        a = g_get_monotonic_time ();
        hd_supervisor_model_flush (bench.model, g_get_real_time ());
        b = g_get_monotonic_time () - a;
        g_array_append_val (flushes, b);
        a = g_get_monotonic_time ();
        hd_supervisor_view_refresh (HD_SUPERVISOR_VIEW (view));
        c = g_get_monotonic_time () - a;
        g_array_append_val (refreshes, c);
        /* The next sample starts once a frame has shown this one. */
        hd_test_flush (view);
      }
    printf ("model flush (every 500 ms) p50 %.2f ms, max %.2f ms; view refresh (every 5 s: sort, filter) p50 %.2f ms, max %.2f ms\n",
            percentile_ms (flushes, 0.5), percentile_ms (flushes, 1.0),
            percentile_ms (refreshes, 0.5), percentile_ms (refreshes, 1.0));

    /* The same with the KPI table shown (201 rows: overall, 200 queues, one flow). */
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (view, HD_TYPE_SUPERVISOR_VIEW,
                                                                                          "view_stack")),
                                           "quality");
    /* The KPI table, laid out and drawn before it is measured. */
    hd_test_flush (view);
    g_array_set_size (refreshes, 0);
    for (guint i = 0; i < 10; i++)
      {
        gint64 a = g_get_monotonic_time (), c;

        for (guint e = 0; e < 500; e++)
          one_event (&bench);
        hd_supervisor_view_refresh (HD_SUPERVISOR_VIEW (view));
        c = g_get_monotonic_time () - a;
        g_array_append_val (refreshes, c);
        hd_test_flush (view);
      }
    printf ("view refresh with the KPI table shown p50 %.2f ms, max %.2f ms\n",
            percentile_ms (refreshes, 0.5), percentile_ms (refreshes, 1.0));
  }

  printf ("ran %u s (%u s warm-up): %" G_GUINT64_FORMAT " events, %.0f events/s sustained\n",
          seconds, warmup, bench.sent,
          (bench.sent - sent_warm) / (double) (seconds - warmup));
  printf ("waiting now: %u in %u queues; KPI engine tracks %u handoffs\n",
          hd_supervisor_model_get_n_waiting (bench.model), N_QUEUES,
          hd_kpi_engine_get_n_tracked (hd_supervisor_model_get_kpi_engine (bench.model)));
  printf ("frames: %u; frame work (layout+paint) p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
          bench.frame_work->len, percentile_ms (bench.frame_work, 0.5), percentile_ms (bench.frame_work, 0.95),
          percentile_ms (bench.frame_work, 1.0));
  printf ("frame interval p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
          percentile_ms (bench.frame_interval, 0.5), percentile_ms (bench.frame_interval, 0.95),
          percentile_ms (bench.frame_interval, 0.99));
  printf ("event batches (every 4 ms): p50 %.2f ms, p95 %.2f ms, max %.2f ms\n",
          percentile_ms (bench.batch, 0.5), percentile_ms (bench.batch, 0.95), percentile_ms (bench.batch, 1.0));
  printf ("RSS after warm-up %ld KiB, at the end %ld KiB: %+ld KiB over %u s\n",
          rss_warm, rss_end, rss_end - rss_warm, seconds - warmup);

  gtk_window_destroy (window);
  g_object_unref (bench.model);
  g_rand_free (bench.rand);
  g_ptr_array_unref (bench.queue_ids);
  g_ptr_array_unref (bench.waiting);
  g_queue_clear_full (&bench.handling, g_free);
  g_array_unref (bench.frame_work);
  g_array_unref (bench.frame_interval);
  g_array_unref (bench.batch);
  g_application_release (G_APPLICATION (app));
  return 0;
}
