/* hd-bench-util.h: what the benchmarks measure with and print alike
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <time.h>

#include <glib.h>

G_BEGIN_DECLS

/* For qsort () of an array of doubles, smallest first. */
static inline int
hd_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The calling thread's processor time, in µs: what a loaded machine does
 * not stretch, unlike the wall clock. */
static inline gint64
hd_bench_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* One line for build-aux/bench-summary.py: KEY | WHAT | FIGURE | TARGET | verdict | NOTE. */
static inline void
hd_bench_print_target (const char *key,
                       const char *what,
                       double      figure,
                       double      target,
                       const char *note)
{
  printf ("target: %s | %s | %.2f ms | ≤ %.1f ms | %s | %s\n",
          key, what, figure, target, figure <= target ? "met" : "missed", note);
}

G_END_DECLS
