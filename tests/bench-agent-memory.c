/* bench-agent-memory.c: resident memory of Agent mode with 1,000 offers in the queue
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "hd-agent-view.h"
#include "hd-packet-parser.h"
#include "hd-queue.h"
#include "hd-test-gtk-utils.h"
#include "hd-test-packet-generator.h"

#define N_OFFERS 1000
#define TURNS    50
/* Issue #20. */
#define TARGET_MIB 100.0

static void
ticked_cb (GtkWidget *sidebar,
           GDateTime *now,
           gboolean  *ticked)
{
  *ticked = TRUE;
}

static double
resident_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HdQueue) queue = hd_queue_new ();
  GtkWidget *window, *view;
  double before, after;

  gtk_init ();
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  view = hd_agent_view_new ();
  hd_agent_view_set_queue (HD_AGENT_VIEW (view), G_LIST_MODEL (queue));
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  /* The empty view, drawn: what the offers are measured against. */
  hd_test_flush (window);
  before = resident_mib ();

  for (guint i = 0; i < N_OFFERS; i++)
    {
      g_autoptr(GBytes) json = hd_test_packet_generator_build (TURNS, i + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, &error);
      g_autoptr(GDateTime) expires = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (expires, 600);
      g_autoptr(HdHandoff) handoff = NULL;

      g_assert_no_error (error);
      handoff = hd_handoff_new (packet, later);
      g_assert_true (hd_queue_add (queue, handoff));
    }

  /* Show one of them in the pane, as an agent would, and let the sidebar
   * tick (its one-second timer moves the clocks of the rows on screen):
   * measured once a frame has shown the rows and the pane, the sidebar has
   * ticked over those rows, and a frame has shown that too. */
  {
    g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (queue), 0);
    GObject *sidebar = hd_test_template_child (view, HD_TYPE_AGENT_VIEW, "sidebar");
    gboolean ticked = FALSE;

    hd_agent_view_set_selected_handoff (HD_AGENT_VIEW (view), first);
    hd_test_flush (window);
    g_signal_connect (sidebar, "tick", G_CALLBACK (ticked_cb), &ticked);
    hd_test_wait_flag (&ticked, HD_TEST_TIMEOUT_MS);
    g_signal_handlers_disconnect_by_func (sidebar, ticked_cb, &ticked);
    hd_test_flush (window);
  }
  after = resident_mib ();

  g_print ("agent mode resident memory: %.1f MiB with %u offers of %u turns "
           "(%.1f MiB before the offers; target <= %.0f MiB: %s)\n",
           after, N_OFFERS, TURNS, before, TARGET_MIB, after <= TARGET_MIB ? "met" : "NOT MET");
  /* For build-aux/bench-summary.py: KEY | WHAT | FIGURE | TARGET | verdict | NOTE. */
  /* stdio, not g_print (): the figures go out as UTF-8 whatever the locale. */
  printf ("target: memory | resident memory with %u queued offers | %.1f MiB | ≤ %.0f MiB | %s | "
           "%.1f MiB before the offers\n",
           N_OFFERS, after, TARGET_MIB, after <= TARGET_MIB ? "met" : "missed", before);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
