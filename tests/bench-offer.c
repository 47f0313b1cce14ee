/* bench-offer.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-offer"
/* RUSAGE_THREAD */
#define _GNU_SOURCE

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "hd-agent-view.h"
#include "hd-bench-collect.h"
#include "hd-bench-util.h"
#include "hd-demo-router.h"
#include "hd-feed-client.h"
#include "hd-journal.h"
#include "hd-test-gtk-utils.h"
#include "hd-test-packet-generator.h"

/* Figures for docs/PERFORMANCE.md (issue #20), end to end the way the app
 * receives offers: "offer frame on the wire → pane presented: p95 ≤ 16.7 ms
 * for a typical packet, with main-thread work (selection + the frame that
 * draws it) ≤ 8 ms; ≤ 40 ms for a 10,000-turn transcript, with no
 * main-thread burst over 16.7 ms".  Needs a display: `dev.sh bench` runs it
 * under headless mutter (Wayland, where the targets hold) and under Xvfb.
 *
 * The routing layer runs in its own thread with its own main context, as a
 * stand-in for the remote router, so the main thread does only what the app
 * does: the real HdFeedClient receives the offer over a loopback WebSocket
 * (frames over 256 KiB are decoded in its worker thread), the queue gets it,
 * and the real HdAgentView in a 1366×768 window shows it; the offer is
 * journaled as HdSession does (prepared where it is decoded, appended on
 * the main thread), into a real journal in a temporary folder.
 * One measured
 * interval runs from the router thread's clock reading just after
 * hd_demo_router_push_packet () has serialised the frame and handed it to
 * the socket ("frame on the wire") to the frame clock's "after-paint" of the
 * first frame painted after the pane got the handoff, and to that frame's
 * presentation time as the compositor reports it (gdk_frame_timings_get_
 * presentation_time (): mutter sends it over wp_presentation; a backend that
 * gives none, as GTK's X11 one without a compositing manager, leaves it 0,
 * and the frame's end stands in, which the output says); the same from just
 * before the push is reported too.  Offers are spaced
 * 150–450 ms apart at random, so they land at random phases of the window's
 * own frames; nothing forces redraws beyond what the app itself does.
 *
 * Per offer also: main-thread work (the queue's items-changed handlers up to
 * the selection, plus that frame's before-paint → after-paint), the same with
 * the rest of the feed client's dispatch after the signal, the longest
 * main-loop stall (from the pause before the offer until it is journaled),
 * the router's own push_packet () call, which sits inside the interval (it
 * serialises the frame) although a real router does that before the frame
 * is on the wire, and the journaling (a big offer is journaled after it is
 * shown).  HD_BENCH_VERBOSE=1 prints every run.  Under callgrind
 * (hd-bench-collect.h) the instructions counted are those of the spans of
 * main-thread work: the queue's handlers up to the selection, and the frame
 * that draws it.
 *
 * And what the machine itself costs, so that a stall can be read: the
 * longest stall's share spent on the processor by the main thread (for the
 * rest it waited: for the X server, or for a processor) and the page faults
 * it took; what one page fault costs on this machine; and the longest stall
 * of the same loop, window and connection with nothing arriving (the
 * floor). */

#define RUNS_TYPICAL 60
#define RUNS_LARGE 60
#define WARM_UP 8
#define N_SEEDS 3
#define AGENT "bench-agent"
#define FRAME_MS (1000.0 / 60)
#define IDLE_SECONDS 10

typedef struct
{
  GMainContext *context;     /* the router thread's */
  GMainLoop    *loop;
  GThread      *thread;
  HdDemoRouter *router;      /* used on the router thread only */
  char         *token;
  char         *uri;         /* written before "ready" is set */
  gint          ready;       /* atomic */
  guint         n_turns;     /* of the next offer, set before it is invoked */
  guint32       seed;
  char         *id;
  gint64        sent_at;     /* of the last offer; read once "pushed" is set */
  gint64        pushed_at;   /* when hd_demo_router_push_packet () returned */
  gint          pushed;      /* atomic */
} Router;

typedef struct
{
  HdAgentView *view;
  char        *expected_id;   /* the offer in flight, or NULL */
  gint64       handler_start;
  gint64       handler_work;  /* µs, items-changed up to the selection */
  gint64       handler_cpu_start;
  gint64       handler_cpu;   /* µs on the processor, the same */
  gint64       frame_cpu_start;
  gint64       frame_cpu;     /* µs on the processor, the frame showing it */
  gint64       dispatch_work; /* µs, items-changed up to the end of its dispatch */
  gint64       frame_start;
  gint64       shown_frame_start; /* frame_start of the frame showing it */
  gint64       frame_work;    /* µs, before-paint → after-paint of the frame showing it */
  gint64       drawn_at;
  gint64       shown_frame;   /* the frame clock's counter of the frame showing it */
  GdkFrameClock *clock;
  gboolean     armed;         /* the pane has the handoff; the next frame shows it */
  gint         drawn;
  gint64       last_beat;
  gint64       stall_max;     /* µs, longest gap between heartbeats */
  gint64       stall_end;     /* when it ended */
  gint64       last_cpu;      /* µs, the main thread's processor time at the last heartbeat */
  long         last_faults;   /* its page faults then */
  gint64       stall_cpu;     /* µs on the processor during the longest stall */
  long         stall_faults;  /* page faults during it */
  guint        n_frames;      /* painted during the run */
  gint64       frame_max;     /* µs, the longest of them (before-paint → after-paint) */
  HdJournal   *journal;
  gint64       journal_work;  /* µs, journaling the offer */
  gint64       journaled_at;
  gint         journaled;
} Bench;

/* The router thread ------------------------------------------------------- */

static gpointer
router_thread (gpointer user_data)
{
  Router *r = user_data;
  g_autoptr(GError) error = NULL;

  /* The router captures the thread-default context in start (). */
  g_main_context_push_thread_default (r->context);
  r->router = hd_demo_router_new (r->token);
  /* The production heartbeat; offers that outlive the run, so no expiry
   * changes rows while we measure. */
  g_object_set (r->router, "heartbeat-ms", 15000, "offer-ttl-s", 3600, "replay-window", 1000, NULL);
  if (!hd_demo_router_start (r->router, 0, &error))
    g_error ("%s", error->message);

  r->uri = g_strdup (hd_demo_router_get_uri (r->router));
  g_atomic_int_set (&r->ready, TRUE);

  g_main_loop_run (r->loop);

  hd_demo_router_stop (r->router);
  g_clear_object (&r->router);
  while (g_main_context_iteration (r->context, FALSE))
    ;
  g_main_context_pop_thread_default (r->context);
  return NULL;
}

/* Runs on the router thread: building the packet is not part of the
 * interval, sending it is. */
static gboolean
push_cb (gpointer user_data)
{
  Router *r = user_data;
  g_autoptr(GBytes) bytes = hd_test_packet_generator_build (r->n_turns, r->seed);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  JsonNode *packet;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &error))
    g_error ("generated packet: %s", error->message);
  /* A fresh id per offer: the queue shows each handoff id only once. */
  packet = json_parser_get_root (parser);
  json_object_set_string_member (json_node_get_object (packet), "handoff_id", r->id);

  r->sent_at = g_get_monotonic_time ();
  id = hd_demo_router_push_packet (r->router, AGENT, packet);
  r->pushed_at = g_get_monotonic_time ();
  g_atomic_int_set (&r->pushed, TRUE);
  return G_SOURCE_REMOVE;
}

/* The main thread ---------------------------------------------------------- */

static long
thread_page_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

/* The "never blocked more than one frame" check: a high-priority 1 ms timer
 * on the main context, dispatched as soon as the loop gets a chance.  Its
 * longest gap minus its own 1 ms is the longest time the main thread was
 * busy (or blocked) in one go; a 60 Hz frame is 16.7 ms.  The processor
 * time and page faults of that gap tell work from waiting. */
static gboolean
heartbeat_cb (gpointer user_data)
{
  Bench *b = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = hd_bench_thread_cpu_us ();
  long faults = thread_page_faults ();

  if (b->last_beat != 0 && now - b->last_beat > b->stall_max)
    {
      b->stall_max = now - b->last_beat;
      b->stall_end = now;
      b->stall_cpu = cpu - b->last_cpu;
      b->stall_faults = faults - b->last_faults;
    }
  b->last_beat = now;
  b->last_cpu = cpu;
  b->last_faults = faults;
  return G_SOURCE_CONTINUE;
}

/* The longest stall since stall_max was reset, less the heartbeat's own 1 ms. */
static double
stall_ms (Bench *b)
{
  return MAX (b->stall_max - 1000, 0) / 1000.0;
}

/* Connected before the agent view's own handlers, so the main-thread work
 * includes the sidebar's share of the new item. */
static void
items_changed_first_cb (GListModel *queue,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Bench      *b)
{
  b->handler_start = g_get_monotonic_time ();
  b->handler_cpu_start = hd_bench_thread_cpu_us ();
  hd_bench_collect (b->expected_id != NULL);
}

/* Runs first once the loop regains control: the feed client's dispatch that
 * added the offer goes on after the queue's signal (it frees the decoded
 * frame, for one), and that is main-thread work of the offer too. */
static gboolean
dispatch_done_cb (gpointer user_data)
{
  Bench *b = user_data;

  b->dispatch_work = g_get_monotonic_time () - b->handler_start;
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (GListModel *queue,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *b)
{
  for (guint i = position; i < position + added && b->expected_id != NULL; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);

      if (g_strcmp0 (hd_handoff_get_handoff_id (handoff), b->expected_id) != 0)
        continue;
      /* In the app the agent's click on the offer's row does this (HdWindow
       * does it itself only for an agent with nothing open). */
      hd_agent_view_set_selected_handoff (b->view, handoff);
      b->handler_work = g_get_monotonic_time () - b->handler_start;
      b->handler_cpu = hd_bench_thread_cpu_us () - b->handler_cpu_start;
      b->armed = TRUE;
      g_idle_add_full (G_PRIORITY_HIGH - 10, dispatch_done_cb, b, NULL);
      g_clear_pointer (&b->expected_id, g_free);
    }
  hd_bench_collect (FALSE);
}

/* What HdSession does with every offer: its packet goes into the audit
 * journal, scrubbed and serialised where the offer is decoded (a big one in
 * a worker, once it is queued and shown), then hashed and written on the
 * main thread (an offer is not a boundary, so no fsync). */
static gpointer
prepare_offer_cb (JsonObject *packet,
                  gpointer    user_data)
{
  return hd_journal_payload_prepare_member ("packet", packet);
}

static void
offer_presented_cb (HdFeedClient *client,
                    HdHandoff    *handoff,
                    JsonObject   *packet,
                    Bench        *b)
{
  gint64 start = g_get_monotonic_time ();
  HdJournalPayload *prepared = hd_feed_client_get_offer_prepared (client);
  g_autoptr(HdJournalEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (prepared != NULL);
  event = hd_journal_event_new_prepared (hd_handoff_get_handoff_id (handoff), HD_ACTOR_SYSTEM, "router",
                                         HD_EVENT_OFFER, prepared);
  if (!hd_journal_append (b->journal, event, &error))
    g_error ("journal: %s", error->message);
  b->journaled_at = g_get_monotonic_time ();
  b->journal_work = b->journaled_at - start;
  b->journaled = TRUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *b)
{
  b->frame_start = g_get_monotonic_time ();
  b->frame_cpu_start = hd_bench_thread_cpu_us ();
  hd_bench_collect (b->armed);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  b->n_frames++;
  b->frame_max = MAX (b->frame_max, g_get_monotonic_time () - b->frame_start);
  if (!b->armed)
    return;
  b->drawn_at = g_get_monotonic_time ();
  b->shown_frame = gdk_frame_clock_get_frame_counter (clock);
  b->shown_frame_start = b->frame_start;
  b->frame_work = b->drawn_at - b->frame_start;
  b->frame_cpu = hd_bench_thread_cpu_us () - b->frame_cpu_start;
  hd_bench_collect (FALSE);
  b->armed = FALSE;
  b->drawn = TRUE;
}

static void
set_flag_cb (gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, TRUE);
}

/* Also for flags the router thread sets, hence the atomic read. */
static gboolean
flag_is_set (gpointer data)
{
  return g_atomic_int_get ((gint *) data);
}

static void
wait_for (gint       *flag,
          const char *what)
{
  if (!hd_test_wait_until (flag_is_set, flag, 60000))
    g_error ("timed out waiting for %s", what);
}

/* Runs the main loop for @ms, as the measurement's design asks (the idle
 * floor, the random pauses between offers): a deliberately fixed period,
 * not a wait for something to happen. */
static void
measure_fixed_period (guint       ms,
                      const char *what)
{
  gint over = FALSE;

  g_timeout_add_once (ms, set_flag_cb, &over);
  if (!hd_test_wait_until (flag_is_set, &over, ms + 60000))
    g_error ("the main loop did not reach the end of %s", what);
}

/* What a minor page fault costs here: the first touch of each page of a
 * fresh 4 MiB mapping (about a 1366×768 window's pixels), median of 5. */
static double
page_fault_us (void)
{
  const size_t size = 4 << 20;
  size_t page = (size_t) sysconf (_SC_PAGESIZE);
  double us[5];

  for (guint i = 0; i < G_N_ELEMENTS (us); i++)
    {
      char *p = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      volatile char *touch = p;
      gint64 start;

      g_assert (p != MAP_FAILED);
      start = g_get_monotonic_time ();
      for (size_t off = 0; off < size; off += page)
        touch[off] = 1;
      us[i] = (double) (g_get_monotonic_time () - start) / (double) (size / page);
      munmap (p, size);
    }
  qsort (us, G_N_ELEMENTS (us), sizeof (double), hd_bench_compare_doubles);
  return us[G_N_ELEMENTS (us) / 2];
}

/* The floor: the longest heartbeat gap of the same loop, window and
 * connection over @seconds with nothing arriving, once the window's first
 * frames are over (a frame of its own has been drawn). */
static double
idle_stall_ms (Bench     *b,
               GtkWidget *window,
               guint      seconds)
{
  hd_test_flush (window);
  b->stall_max = 0;
  measure_fixed_period (seconds * 1000, "the idle period");
  return stall_ms (b);
}

static gboolean
frame_complete (gpointer user_data)
{
  Bench *b = user_data;
  GdkFrameTimings *timings = gdk_frame_clock_get_timings (b->clock, b->shown_frame);

  return timings == NULL || gdk_frame_timings_get_complete (timings);
}

/* When the frame that showed the offer reached the screen: its
 * presentation time, once the compositor has told it (the frame's timings
 * are complete), or 0 where the backend gives none. */
static gint64
presentation_time (Bench *b)
{
  GdkFrameTimings *timings;
  gint64 presented;

  if (!hd_test_wait_until (frame_complete, b, 500))
    return 0;
  timings = gdk_frame_clock_get_timings (b->clock, b->shown_frame);
  if (timings == NULL)
    return 0;
  presented = gdk_frame_timings_get_presentation_time (timings);
  /* The frame clock's time base is the monotonic clock; anything before the
   * frame was drawn or far after it is not a usable reading. */
  if (presented < b->shown_frame_start || presented > b->drawn_at + G_USEC_PER_SEC)
    return 0;
  return presented;
}

/* Sorts @values and prints them like bench-pane; returns the p95. */
static double
report_unit (const char *label,
             const char *what,
             double     *values,
             guint       n,
             const char *unit)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", label, what);
  int pad = 80 - (int) g_utf8_strlen (line, -1);
  double p95;

  qsort (values, n, sizeof (double), hd_bench_compare_doubles);
  p95 = values[(n * 95) / 100 < n ? (n * 95) / 100 : n - 1];
  /* Padded by characters, not bytes: the labels hold arrows. */
  printf ("%s%*s p50 %7.2f %-2s   p95 %7.2f %-2s   max %7.2f %-2s   (%u runs)\n",
          line, MAX (pad, 0), "", values[n / 2], unit, p95, unit, values[n - 1], unit, n);
  return p95;
}

static double
report (const char *label,
        const char *what,
        double     *ms,
        guint       n)
{
  return report_unit (label, what, ms, n, "ms");
}

static void
bench (Bench      *b,
       Router     *r,
       guint       n_turns,
       guint       runs,
       const char *label,
       const char *key,
       double      target_ms,
       GString    *verdicts)
{
  static guint next_offer;
  g_autofree double *latency = g_new (double, runs);
  g_autofree double *presented = g_new (double, runs);
  guint n_presented = 0;
  g_autofree double *from_push = g_new (double, runs);
  g_autofree double *work = g_new (double, runs);
  g_autofree double *work_cpu = g_new (double, runs);
  g_autofree double *dispatch = g_new (double, runs);
  g_autofree double *stall = g_new (double, runs);
  g_autofree double *stall_cpu = g_new (double, runs);
  g_autofree double *stall_faults = g_new (double, runs);
  g_autofree double *push_ms = g_new (double, runs);
  g_autofree double *to_handler = g_new (double, runs);
  g_autofree double *frame_wait = g_new (double, runs);
  g_autofree double *frame_ms = g_new (double, runs);
  g_autofree double *journal_ms = g_new (double, runs);
  g_autofree double *journal_after = g_new (double, runs);
  double p95;

  /* Warm up (styles, fonts, row widgets) at each size: not counted.  One
   * of the one-time costs falls on the sixth offer of a process: a frame
   * that renders through a fresh window-sized buffer of cairo's X11
   * shared-memory pool and faults in its 1,028 pages (about 11 ms on the
   * CI-class VM, where a page fault costs 9-13 µs).  It did not recur in
   * the runs after it, so the warm-up is long enough to cover it. */
  for (guint i = 0; i < WARM_UP + runs; i++)
    {
      guint k = i - WARM_UP;

      /* The stall of a run covers its whole time: the pause and the offer.
       * The pause's random length is part of the design (offers land at
       * random phases of the window's frames), not a wait. */
      b->stall_max = 0;
      b->n_frames = 0;
      b->frame_max = 0;
      measure_fixed_period ((guint) g_random_int_range (150, 451), "the pause between offers");

      /* A few distinct transcripts, so the pane really rebuilds.  The router
       * thread is idle now; the invoke hands these fields over to it. */
      r->n_turns = n_turns;
      r->seed = 1 + i % N_SEEDS;
      g_free (r->id);
      r->id = g_strdup_printf ("ho-bench-%06u", ++next_offer);
      b->expected_id = g_strdup (r->id);
      b->drawn = FALSE;
      b->journaled = FALSE;
      g_atomic_int_set (&r->pushed, FALSE);
      g_main_context_invoke (r->context, push_cb, r);
      wait_for (&b->drawn, "the offer to be drawn");
      wait_for (&r->pushed, "the router");
      wait_for (&b->journaled, "the offer to be journaled");
      if (i < WARM_UP)
        continue;

      {
        gint64 at = presentation_time (b);

        if (at != 0)
          n_presented++;
        presented[k] = ((at != 0 ? at : b->drawn_at) - r->pushed_at) / 1000.0;
      }

      latency[k] = (b->drawn_at - r->pushed_at) / 1000.0;
      from_push[k] = (b->drawn_at - r->sent_at) / 1000.0;
      work[k] = (b->handler_work + b->frame_work) / 1000.0;
      work_cpu[k] = (b->handler_cpu + b->frame_cpu) / 1000.0;
      dispatch[k] = (b->dispatch_work + b->frame_work) / 1000.0;
      stall[k] = stall_ms (b);
      stall_cpu[k] = b->stall_cpu / 1000.0;
      stall_faults[k] = b->stall_faults;
      push_ms[k] = (r->pushed_at - r->sent_at) / 1000.0;
      to_handler[k] = (b->handler_start - r->pushed_at) / 1000.0;
      frame_wait[k] = (b->shown_frame_start - (b->handler_start + b->dispatch_work)) / 1000.0;
      frame_ms[k] = b->frame_work / 1000.0;
      journal_ms[k] = b->journal_work / 1000.0;
      journal_after[k] = (b->journaled_at - b->handler_start) / 1000.0;
      if (g_getenv ("HD_BENCH_VERBOSE") != NULL)
        printf ("%s: run %u: drawn %.1f ms (to queue %.1f, frame %.1f), stall %.1f ms (%.1f ms on the processor, "
                "%.0f page faults) ending %+.1f ms after the queue signal (at %" G_GINT64_FORMAT " µs), "
                "journal %.1f ms ending %+.1f ms, %u frames in the run, longest %.1f ms\n",
                label, k, latency[k], to_handler[k], frame_ms[k], stall[k], stall_cpu[k], stall_faults[k],
                (b->stall_end - b->handler_start) / 1000.0, b->stall_end, journal_ms[k],
                (b->journaled_at - b->handler_start) / 1000.0, b->n_frames, b->frame_max / 1000.0);
    }

  {
    g_autofree char *what = g_strdup_printf ("%s: on the wire → presented, p95", label);
    g_autofree char *note = NULL;

    if (n_presented == runs)
      note = g_strdup ("the compositor's presentation time in every run");
    else
      note = g_strdup_printf ("the compositor's presentation time in %u of %u runs, the frame's end in the others",
                              n_presented, runs);
    p95 = report (label, "offer frame on the wire → pane presented", presented, runs);
    printf ("%s: presented is %s\n", label, note);
    hd_bench_print_target (key, what, p95, target_ms, note);
    g_string_append_printf (verdicts, "%s: offer frame on the wire → pane presented, p95 %.2f ms ≤ %.1f ms: %s\n",
                            label, p95, target_ms, p95 <= target_ms ? "met" : "NOT met");
  }
  report (label, "offer frame on the wire → pane drawn (frame end)", latency, runs);
  report (label, "router starts the push → pane drawn", from_push, runs);
  p95 = report (label, "main-thread work (select + frame)", work, runs);
  if (n_turns <= 50)
    {
      g_autofree char *what = g_strdup_printf ("%s: main-thread work (select + frame), p95", label);

      hd_bench_print_target ("offer-typical-work", what, p95, 8, "half a frame");
    }
  report (label, "main-thread work (select + frame + dispatch tail)", dispatch, runs);
  /* The same work's processor time: what a loaded machine does not stretch. */
  report (label, "main-thread work (select + frame) on the processor", work_cpu, runs);
  /* Read before report () sorts them: the longest stall's own share. */
  {
    g_autofree char *what = NULL;
    g_autofree char *note = NULL;
    guint longest = 0;

    for (guint k = 1; k < runs; k++)
      if (stall[k] > stall[longest])
        longest = k;
    what = g_strdup_printf ("%s: longest main-thread burst (1 ms probe), max over the runs", label);
    note = g_strdup_printf ("%.1f ms of it on the processor, %.0f page faults",
                            stall_cpu[longest], stall_faults[longest]);

    g_string_append_printf (verdicts, "%s: longest main-loop stall %.2f ms ≤ %.1f ms: %s "
                            "(%.1f ms of it on the processor, %.0f page faults)\n",
                            label, stall[longest], FRAME_MS, stall[longest] <= FRAME_MS ? "met" : "NOT met",
                            stall_cpu[longest], stall_faults[longest]);
    /* The issue sets the burst target for the big offer; a typical one's is
     * reported beside it. */
    if (n_turns > 50)
      hd_bench_print_target ("offer-large-burst", what, stall[longest], FRAME_MS, note);
  }
  report (label, "longest main-loop stall", stall, runs);
  report (label, "longest stall: main thread on the processor", stall_cpu, runs);
  report_unit (label, "longest stall: page faults taken by the main thread", stall_faults, runs, "");
  report (label, "router's push_packet () (router thread)", push_ms, runs);
  /* Where the interval goes, in order: receiving and decoding up to the
   * queue's signal, the dispatch that adds and selects the offer, the wait
   * for the window's next frame, and that frame. */
  report (label, "breakdown: on the wire → queue signal", to_handler, runs);
  report (label, "breakdown: dispatch → next frame starts", frame_wait, runs);
  report (label, "breakdown: the frame that draws it", frame_ms, runs);
  /* Journaling, for a big offer after it is shown (in its own dispatch). */
  report (label, "journal: queue signal → offer journaled", journal_after, runs);
  report (label, "journal: hashing and writing it (main thread)", journal_ms, runs);
}

int
main (int   argc,
      char *argv[])
{
  Router r = { 0 };
  Bench b = { 0 };
  g_autoptr(HdFeedClient) client = NULL;
  g_autoptr(GString) verdicts = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_dir = NULL;
  GtkWidget *window;
  GdkFrameClock *clock;
  HdQueue *queue;
  guint heartbeat_id;

  if (!gtk_init_check ())
    {
      printf ("bench-offer: no display, skipped (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();
  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("# bench-offer (%s build, %s)\n",
#ifdef __OPTIMIZE__
          "optimised"
#else
          "unoptimised: figures are not representative"
#endif
          , G_OBJECT_TYPE_NAME (gdk_display_get_default ()));

  r.token = hd_demo_router_generate_token ();
  r.context = g_main_context_new ();
  r.loop = g_main_loop_new (r.context, FALSE);
  r.thread = g_thread_new ("bench-router", router_thread, &r);
  wait_for (&r.ready, "the router thread");

  /* The app's wiring (hd_window_set_session): queue → agent view. */
  client = hd_feed_client_new (r.uri, AGENT, r.token, NULL, NULL);
  queue = hd_feed_client_get_queue (client);
  journal_dir = g_dir_make_tmp ("bench-offer-XXXXXX", &error);
  if (journal_dir == NULL || (b.journal = hd_journal_new (journal_dir, NULL, &error)) == NULL)
    g_error ("journal: %s", error->message);
  hd_feed_client_set_offer_preparer (client, prepare_offer_cb, NULL, (GDestroyNotify) hd_journal_payload_free);
  g_signal_connect (client, "offer-presented", G_CALLBACK (offer_presented_cb), &b);
  b.view = HD_AGENT_VIEW (hd_agent_view_new ());
  g_signal_connect (queue, "items-changed", G_CALLBACK (items_changed_first_cb), &b);
  hd_agent_view_set_queue (b.view, G_LIST_MODEL (queue));
  g_object_bind_property (client, "relays-agent-messages", hd_agent_view_get_pane (b.view), "can-reply",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (queue, "items-changed", G_CALLBACK (items_changed_cb), &b);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (b.view));
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  b.clock = clock;
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  heartbeat_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, heartbeat_cb, &b, NULL);

  hd_feed_client_start (client);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (client) == HD_FEED_CLIENT_STATE_CONNECTED,
                      HD_TEST_TIMEOUT_MS);

  /* The machine, for reading the stalls below. */
  printf ("machine: a minor page fault costs %.1f µs (first touch of a fresh 4 MiB mapping)\n",
          page_fault_us ());
  printf ("machine: longest main-loop stall with nothing arriving, %u s: %.2f ms\n",
          IDLE_SECONDS, idle_stall_ms (&b, window, IDLE_SECONDS));

  /* HD_BENCH_ONLY=typical or =large runs one half, for profiling. */
  if (g_strcmp0 (g_getenv ("HD_BENCH_ONLY"), "large") != 0)
    bench (&b, &r, 50, RUNS_TYPICAL, "typical packet (50 turns)", "offer-typical-presented", FRAME_MS, verdicts);
  if (g_strcmp0 (g_getenv ("HD_BENCH_ONLY"), "typical") != 0)
    bench (&b, &r, 10000, RUNS_LARGE, "large packet (10,000 turns)", "offer-large-presented", 40, verdicts);
  printf ("# targets\n%s", verdicts->str);

  g_source_remove (heartbeat_id);
  g_signal_handlers_disconnect_by_data (clock, &b);
  g_signal_handlers_disconnect_by_data (queue, &b);
  hd_feed_client_stop (client);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&client);
  g_clear_object (&b.journal);
  {
    g_autoptr(GDir) dir = g_dir_open (journal_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (journal_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (journal_dir);
  }

  /* The router stops on its own thread once its loop returns. */
  g_main_loop_quit (r.loop);
  g_thread_join (r.thread);
  g_main_loop_unref (r.loop);
  g_main_context_unref (r.context);
  g_free (r.token);
  g_free (r.uri);
  g_free (r.id);
  return 0;
}
