/* hd-test-legacy.h: fixed-time waits being removed (issue #17). Nothing may include this
 * once the conversion is done; the file goes with the last user. */
#pragma once
#include <glib.h>

static inline void
hd_test_ui_iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static inline gboolean
legacy_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

#define RUN_FOR(ms)                                                            \
  G_STMT_START {                                                               \
    gint64 run_end_ = g_get_monotonic_time () + (gint64) (ms) * 1000;          \
    guint run_id_ = g_timeout_add (5, legacy_wake_cb, NULL);                   \
    while (g_get_monotonic_time () < run_end_)                                 \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_source_remove (run_id_);                                                 \
  } G_STMT_END
