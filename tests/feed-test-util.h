/* feed-test-util.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* Runs the default main context until @expr holds, or fails the test after
 * @ms milliseconds.  A 10 ms ticker keeps the loop from blocking forever. */
static gboolean
feed_test_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

#define WAIT_UNTIL(expr, ms)                                                   \
  G_STMT_START {                                                               \
    gint64 wait_end_ = g_get_monotonic_time () + (gint64) (ms) * 1000;         \
    guint wait_id_ = g_timeout_add (10, feed_test_wake_cb, NULL);              \
    while (!(expr) && g_get_monotonic_time () < wait_end_)                     \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_source_remove (wait_id_);                                                \
    if (!(expr))                                                               \
      g_error ("timed out after %d ms waiting for: %s", (int) (ms), #expr);    \
  } G_STMT_END

/* Runs the default main context for @ms milliseconds. */
#define RUN_FOR(ms)                                                            \
  G_STMT_START {                                                               \
    gint64 run_end_ = g_get_monotonic_time () + (gint64) (ms) * 1000;          \
    guint run_id_ = g_timeout_add (5, feed_test_wake_cb, NULL);                \
    while (g_get_monotonic_time () < run_end_)                                 \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_source_remove (run_id_);                                                 \
  } G_STMT_END
