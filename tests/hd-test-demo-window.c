/* hd-test-demo-window.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-test-demo.h"
#include "hd-test-demo-window.h"
#include "hd-test-gtk-utils.h"

static gboolean
three_offers_connected (gpointer data)
{
  HdTestDemoWindow *self = data;
  HdFeedClient *feed = hd_session_get_feed (self->session);

  return hd_feed_client_get_state (feed) == HD_FEED_CLIENT_STATE_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (self->session))) >= 3;
}

void
hd_test_demo_window_open (HdTestDemoWindow *self,
                          HdApplication    *app,
                          const char       *prefix,
                          int               width,
                          int               height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);

  self->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  self->demo = hd_demo_new ();
  self->session = hd_test_demo_session_new (self->demo, self->dir, &error);
  g_assert_no_error (error);

  self->window = hd_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self->window), width, height);
  hd_window_set_session (self->window, self->session);
  hd_session_start (self->session);
  gtk_window_present (GTK_WINDOW (self->window));
  /* The window follows the feed and the queue as they notify, so once both are there
   * it shows them. */
  g_assert_true (hd_test_wait_until (three_offers_connected, self, HD_TEST_TIMEOUT_MS));
}

void
hd_test_demo_window_close (HdTestDemoWindow *self)
{
  if (self->session == NULL)
    return;
  hd_session_stop (self->session);
  gtk_window_destroy (GTK_WINDOW (self->window));
  /* The window lets go of the session before the session goes. */
  HD_TEST_WAIT_UNTIL (self->window == NULL, HD_TEST_TIMEOUT_MS);
  g_clear_object (&self->session);
  g_clear_object (&self->demo);
  hd_test_rm_rf (self->dir);
  g_clear_pointer (&self->dir, g_free);
}
