/* hd-window-views.c: the Supervisor and Trainer views, built on first use
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-handoff-pane.h"
#include "hd-queue-panel.h"
#include "hd-supervisor-view.h"
#include "hd-trainer-view.h"
#include "hd-window-private.h"

/* Most windows are an agent's, who never opens the other modes: building the
 * Supervisor view (its KPI table, its panels' list) and the Trainer view (its
 * replay pane, recordings list and audit view) before the first frame cost
 * start-up time for nothing.  Each is built when its mode is first shown, or
 * when something needs it (a recording opened from the command line). */

static HdFeedClient *
feed_of (HdWindow *self)
{
  return self->session != NULL ? hd_session_get_feed (self->session) : NULL;
}

/* A supervisor opens any waiting handoff in the same pane as an agent, read-only. */
static void
fetch_handoff_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HdWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdHandoff) handoff = hd_feed_client_fetch_handoff_finish (HD_FEED_CLIENT (object), result, &error);
  g_autofree char *title = NULL;
  GtkWidget *window, *box, *pane;

  if (handoff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not open the handoff: %s"), error->message);
          hd_window_show_toast (self, message);
        }
      return;
    }

  title = g_strdup_printf (_("Handoff — %s"), hd_handoff_get_customer_name (handoff));
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 720);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  pane = g_object_new (HD_TYPE_HANDOFF_PANE, "read-only", TRUE, "vexpand", TRUE, NULL);
  hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), handoff);
  gtk_box_append (GTK_BOX (box), pane);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_open_handoff_cb (HdWindow   *self,
                    const char *handoff_id,
                    const char *queue_id)
{
  HdFeedClient *feed = feed_of (self);

  if (feed != NULL)
    hd_feed_client_fetch_handoff_async (feed, handoff_id, self->cancellable, fetch_handoff_cb, self);
}

/* Straight from the model, so a queue's alert reaches a supervisor who has
 * not opened Supervisor mode yet (its view is not built). */
static void
on_supervisor_alert_cb (HdWindow     *self,
                        HdQueuePanel *panel,
                        const char   *text)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  hd_window_show_toast (self, text);
  if (app != NULL && !gtk_window_is_active (GTK_WINDOW (self)))
    {
      g_autoptr(GNotification) notification = g_notification_new (_("Queue Alert"));

      g_notification_set_body (notification, text);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_notification_set_default_action_and_target (notification, "app.show-mode", "s", "supervisor");
      g_application_send_notification (app, "queue-alert", notification);
    }
}

/* The supervisor model's waits, totals and alerts move on only when it is
 * flushed, which the Supervisor view does on its own timer once built;
 * before that the window does it, at the view's default pace, so that a
 * queue's alert still reaches the toast and the notification. */
static gboolean
flush_model_cb (gpointer user_data)
{
  HdWindow *self = user_data;
  HdSupervisorModel *model = self->session != NULL ? hd_session_get_supervisor_model (self->session) : NULL;

  if (model != NULL)
    hd_supervisor_model_flush (model, g_get_real_time ());
  return G_SOURCE_CONTINUE;
}

GtkWidget *
hd_window_get_supervisor_view (HdWindow *self)
{
  GtkWidget *view;

  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);

  if (self->supervisor_view != NULL)
    return GTK_WIDGET (self->supervisor_view);

  view = hd_supervisor_view_new (NULL);
  self->supervisor_view = HD_SUPERVISOR_VIEW (view);
  /* Its own timer flushes the model from now on. */
  g_clear_handle_id (&self->model_flush_id, g_source_remove);
  g_signal_connect_object (view, "open-handoff", G_CALLBACK (on_open_handoff_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->supervisor_stack, view, "queues");
  /* Named once, as the window's own buttons are (hd-a11y.h). */
  hd_a11y_fix_buttons (view);
  if (self->session != NULL)
    _hd_window_views_set_session (self);
  return view;
}

GtkWidget *
hd_window_get_trainer_view (HdWindow *self)
{
  g_autoptr(GFile) demos = NULL;
  AdwFlap *recordings;
  GtkWidget *view;

  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);

  if (self->trainer_view != NULL)
    return GTK_WIDGET (self->trainer_view);

  view = g_object_new (HD_TYPE_TRAINER_VIEW, NULL);
  self->trainer_view = HD_TRAINER_VIEW (view);
  adw_bin_set_child (ADW_BIN (self->trainer_bin), view);
  hd_a11y_fix_buttons (view);
  demos = hd_window_dup_demo_recordings ();
  hd_trainer_view_set_demo_directory (self->trainer_view, demos);
  /* Show Recordings in the window's header opens the recordings the view folds away. */
  recordings = hd_trainer_view_get_recordings_flap (self->trainer_view);
  g_object_bind_property (recordings, "reveal-flap", self->recordings_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (recordings, "notify::folded",
                           G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
  _hd_window_queue_update_fold_buttons (self);
  return view;
}

void
_hd_window_ensure_mode_view (HdWindow   *self,
                             const char *mode)
{
  if (g_strcmp0 (mode, "supervisor") == 0)
    hd_window_get_supervisor_view (self);
  else if (g_strcmp0 (mode, "trainer") == 0)
    hd_window_get_trainer_view (self);
}

/* The session's supervisor model: its alerts from now on, and its queues in
 * the view once the view is built. */
void
_hd_window_views_set_session (HdWindow *self)
{
  HdSupervisorModel *model = hd_session_get_supervisor_model (self->session);

  if (!self->alerts_connected && model != NULL)
    {
      g_signal_connect_object (model, "alert", G_CALLBACK (on_supervisor_alert_cb), self, G_CONNECT_SWAPPED);
      self->alerts_connected = TRUE;
    }
  if (self->supervisor_view == NULL && self->model_flush_id == 0 && model != NULL)
    {
      self->model_flush_id = g_timeout_add (500, flush_model_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->model_flush_id),
                                "[hd-window] supervisor model flush");
    }
  /* In Salesforce mode Omni-Channel routes, and nothing streams its queues
   * to the app (that stream is the routing layer's WebSocket feed): an
   * empty "0 queues" view would look like a connection that never comes.
   * The page says where the queues are instead. */
  if (hd_session_get_sf_feed (self->session) != NULL)
    {
      gtk_stack_set_visible_child_name (self->supervisor_stack, "salesforce");
      return;
    }
  if (self->supervisor_view != NULL)
    {
      hd_supervisor_view_set_model (self->supervisor_view, model);
      gtk_stack_set_visible_child_name (self->supervisor_stack, "queues");
    }
}

void
hd_window_open_recording (HdWindow *self,
                          GFile    *file)
{
  GtkWidget *view;

  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  hd_window_set_mode (self, "trainer");
  view = hd_window_get_trainer_view (self);
  hd_trainer_view_open_file (HD_TRAINER_VIEW (view), file);
  gtk_widget_grab_focus (view);
}

void
hd_window_open_demo_recordings (HdWindow *self)
{
  g_autoptr(GFile) demos = hd_window_dup_demo_recordings ();

  g_return_if_fail (HD_IS_WINDOW (self));

  hd_trainer_view_open_directory (HD_TRAINER_VIEW (hd_window_get_trainer_view (self)), demos);
}
