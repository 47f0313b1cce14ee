/* hd-bench-collect.h: which spans of a benchmark callgrind counts
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#ifdef HD_BENCH_CALLGRIND
#include <valgrind/callgrind.h>
#endif

G_BEGIN_DECLS

/* A benchmark's wall-clock and processor-time figures depend on the load of
 * the machine; the instructions of the spans it measures do not.  Run under
 *
 *   valgrind --tool=callgrind --collect-atstart=no BENCH
 *
 * and callgrind counts only between hd_bench_collect (TRUE) and
 * hd_bench_collect (FALSE) (every thread's instructions in that time, which
 * for the UI benchmarks is the main thread's but for a worker's decode).
 * Outside valgrind, or built without its header, these do nothing. */
static inline void
hd_bench_collect (gboolean on)
{
#ifdef HD_BENCH_CALLGRIND
  static gboolean collecting;

  if (collecting == !!on)
    return;
  collecting = !!on;
  CALLGRIND_TOGGLE_COLLECT;
#else
  (void) on;
#endif
}

G_END_DECLS
