/* hd-window.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-agent-view.h"
#include "hd-locale-format.h"
#include "hd-offer-notification.h"
#include "hd-outbox-indicator.h"
#include "hd-handoff-pane.h"
#include "hd-status-selector.h"
#include "hd-window-private.h"

G_DEFINE_FINAL_TYPE (HdWindow, hd_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
is_known_mode (const char *mode)
{
  return g_strcmp0 (mode, "agent") == 0 ||
         g_strcmp0 (mode, "supervisor") == 0 ||
         g_strcmp0 (mode, "trainer") == 0;
}

const char *
hd_window_get_mode (HdWindow *self)
{
  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);

  return self->mode;
}

/* The header's Show Queue and Show Details buttons show while agent mode has folded the
 * queue or the context away, and Show Recordings while Trainer has folded its recordings;
 * the switcher moves to the bottom bar when the header is full. */
static void
update_fold_buttons (HdWindow *self)
{
  AdwFlap *details = hd_handoff_pane_get_details_flap (hd_agent_view_get_pane (self->agent_view));
  gboolean agent = g_strcmp0 (self->mode, "agent") == 0 &&
                   g_strcmp0 (gtk_stack_get_visible_child_name (self->agent_stack), "queue") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->queue_button),
                          agent && hd_agent_view_get_queue_folded (self->agent_view));
  gtk_widget_set_visible (GTK_WIDGET (self->recordings_button),
                          g_strcmp0 (self->mode, "trainer") == 0 &&
                          self->trainer_view != NULL &&
                          hd_trainer_view_get_recordings_folded (self->trainer_view));
  gtk_widget_set_visible (GTK_WIDGET (self->details_button),
                          agent && hd_agent_view_get_selected_handoff (self->agent_view) != NULL &&
                          adw_flap_get_folded (details));
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static gboolean
update_fold_buttons_idle_cb (gpointer data)
{
  HdWindow *self = data;

  self->fold_buttons_id = 0;
  update_fold_buttons (self);
  return G_SOURCE_REMOVE;
}

/* Flaps fold, and the switcher title drops its switcher, during layout, after the
 * header bar was allocated: the buttons and the bar change before the next one. */
void
_hd_window_queue_update_fold_buttons (HdWindow *self)
{
  if (self->fold_buttons_id == 0)
    self->fold_buttons_id = g_idle_add_full (GTK_PRIORITY_RESIZE - 1, update_fold_buttons_idle_cb, self, NULL);
}

void
hd_window_set_mode (HdWindow   *self,
                    const char *mode)
{
  g_return_if_fail (HD_IS_WINDOW (self));

  /* Settings from an older or hand-edited configuration must not leave an empty window. */
  if (!is_known_mode (mode))
    {
      g_warning ("Ignoring unknown mode “%s”", mode ? mode : "(null)");
      return;
    }

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  /* Supervisor and Trainer are built the first time they are shown. */
  _hd_window_ensure_mode_view (self, mode);
  adw_view_stack_set_visible_child_name (self->view_stack, mode);
  _hd_window_update_offer_actions (self);
  update_fold_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
hd_window_show_toast (HdWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* In libadwaita 1.2 toast titles are always Pango markup, and messages may carry text
   * from the network: escape them so they show as plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  hd_window_show_toast (HD_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The view switcher changes the stack directly: keep the mode property in step. */
static void
on_visible_child_name_cb (HdWindow   *self,
                          GParamSpec *pspec,
                          AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (name != NULL)
    hd_window_set_mode (self, name);
}

/* For the start-up benchmark: report when the first frame has been painted, on the
 * system-wide monotonic clock the benchmark also reads, then quit. */
static void
on_first_paint_cb (GdkFrameClock *clock,
                   HdWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
hd_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hd_window_parent_class)->realize (widget);

  if (g_getenv ("HD_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_paint_cb), widget, 0);
}

/* The session: feed connection, queue and requests ------------------------- */

static const char *
connection_title (HdFeedClientState state)
{
  switch (state)
    {
    case HD_FEED_CLIENT_STATE_CONNECTING:
      return _("Connecting…");
    case HD_FEED_CLIENT_STATE_CONNECTED:
      return _("Connected");
    case HD_FEED_CLIENT_STATE_RECONNECTING:
      return _("Reconnecting…");
    case HD_FEED_CLIENT_STATE_UNREACHABLE:
      return _("Routing Layer Unreachable");
    case HD_FEED_CLIENT_STATE_AUTH_FAILED:
      return _("Sign-In Refused");
    case HD_FEED_CLIENT_STATE_INCOMPATIBLE:
      return _("Not a HandoffDesk Feed");
    case HD_FEED_CLIENT_STATE_DISCONNECTED:
    default:
      return _("Offline");
    }
}

static const char *
connection_icon_name (HdFeedClientState state)
{
  switch (state)
    {
    case HD_FEED_CLIENT_STATE_CONNECTED:
      return "network-transmit-receive-symbolic";
    case HD_FEED_CLIENT_STATE_CONNECTING:
    case HD_FEED_CLIENT_STATE_RECONNECTING:
      return "network-idle-symbolic";
    case HD_FEED_CLIENT_STATE_UNREACHABLE:
    case HD_FEED_CLIENT_STATE_AUTH_FAILED:
    case HD_FEED_CLIENT_STATE_INCOMPATIBLE:
      return "network-error-symbolic";
    case HD_FEED_CLIENT_STATE_DISCONNECTED:
    default:
      return "network-offline-symbolic";
    }
}

/* The Salesforce transport's state, in the feed's words. */
static HdFeedClientState
bayeux_to_feed_state (HdBayeuxState state)
{
  switch (state)
    {
    case HD_BAYEUX_STATE_CONNECTING: return HD_FEED_CLIENT_STATE_CONNECTING;
    case HD_BAYEUX_STATE_CONNECTED: return HD_FEED_CLIENT_STATE_CONNECTED;
    case HD_BAYEUX_STATE_BACKING_OFF: return HD_FEED_CLIENT_STATE_RECONNECTING;
    case HD_BAYEUX_STATE_AUTH_FAILED: return HD_FEED_CLIENT_STATE_AUTH_FAILED;
    case HD_BAYEUX_STATE_FAILED: return HD_FEED_CLIENT_STATE_UNREACHABLE;
    case HD_BAYEUX_STATE_STOPPED:
    default: return HD_FEED_CLIENT_STATE_DISCONNECTED;
    }
}

/* The header shows the feed's state in words; its popover says since when, how often it
 * reconnected, what it refused and why it is not connected. */
static void
update_connection (HdWindow *self)
{
  HdFeedClient *feed;
  HdFeedClientState state;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  const char *title;
  GDateTime *since;
  const char *last_error;
  guint reconnects, rejected;

  if (self->session == NULL)
    return;

  feed = hd_session_get_feed (self->session);
  state = hd_feed_client_get_state (feed);
  since = hd_feed_client_get_connected_since (feed);
  last_error = hd_feed_client_get_last_error (feed);
  reconnects = hd_feed_client_get_reconnects (feed);
  rejected = hd_feed_client_get_frames_rejected (feed);
  if (hd_session_get_sf_feed (self->session) != NULL)
    {
      HdSfFeed *sf_feed = hd_session_get_sf_feed (self->session);
      HdBayeuxClient *bayeux = hd_sf_feed_get_bayeux (sf_feed);
      guint handshakes = hd_bayeux_client_get_n_handshakes (bayeux);

      state = bayeux_to_feed_state (hd_bayeux_client_get_state (bayeux));
      since = NULL;
      last_error = hd_bayeux_client_get_last_error (bayeux);
      reconnects = handshakes > 0 ? handshakes - 1 : 0;
      rejected = hd_sf_feed_get_n_dropped (sf_feed);
    }
  title = connection_title (state);

  if (hd_session_get_sf_feed (self->session) != NULL)
    g_string_append (details, _("The event bus of the signed-in Salesforce org."));
  else if (hd_session_get_is_demo (self->session))
    g_string_append (details, _("Built-in demo routing layer on this computer."));
  else
    g_string_append (details, _("Assignment feed of the routing layer."));
  g_string_append_c (details, '\n');

  if (state == HD_FEED_CLIENT_STATE_CONNECTED && since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (since);
      g_autofree char *time = hd_locale_format_time_seconds (local);
      g_string_append_printf (details, _("Connected since %s."), time);
      g_string_append_c (details, '\n');
    }
  g_string_append_printf (details,
                          g_dngettext (GETTEXT_PACKAGE, "%u reconnect", "%u reconnects", reconnects),
                          reconnects);
  g_string_append (details, " · ");
  g_string_append_printf (details,
                          g_dngettext (GETTEXT_PACKAGE, "%u message refused", "%u messages refused", rejected),
                          rejected);
  if (last_error != NULL && *last_error != '\0' && state != HD_FEED_CLIENT_STATE_CONNECTED)
    {
      g_string_append_c (details, '\n');
      g_string_append (details, last_error);
    }

  gtk_label_set_text (self->connection_label, title);
  gtk_image_set_from_icon_name (self->connection_icon, connection_icon_name (state));
  gtk_label_set_text (self->connection_details, details->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->connection_button), details->str);

  /* Colour never carries the state alone: the words are in the label and the name. */
  accessible = g_strdup_printf (_("Feed connection: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connection_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str,
                                  -1);

  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->connection_button), "warning");
  if (state == HD_FEED_CLIENT_STATE_AUTH_FAILED || state == HD_FEED_CLIENT_STATE_UNREACHABLE ||
      state == HD_FEED_CLIENT_STATE_INCOMPATIBLE)
    gtk_widget_add_css_class (GTK_WIDGET (self->connection_button), "error");
  else if (state != HD_FEED_CLIENT_STATE_CONNECTED)
    gtk_widget_add_css_class (GTK_WIDGET (self->connection_button), "warning");
}

static void
on_feed_changed_cb (HdWindow   *self,
                    GParamSpec *pspec,
                    GObject    *feed)
{
  update_connection (self);
}

static void
on_notice_cb (HdWindow   *self,
              const char *notice,
              GObject    *feed)
{
  hd_window_show_toast (self, notice);
}

static void
on_status_changed_cb (HdWindow   *self,
                      const char *status)
{
  /* To the transport in use: the WebSocket feed, or Salesforce. */
  if (self->session != NULL && status != NULL)
    hd_session_set_status (self->session, status);
}

/* Desktop notifications for offers that arrive while the agent looks elsewhere. */
static void
on_offer_state_cb (HdHandoff  *handoff,
                   GParamSpec *pspec,
                   HdWindow   *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *id = NULL;

  if (hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_OFFERED || app == NULL)
    return;
  id = hd_offer_notification_dup_id (handoff);
  g_application_withdraw_notification (app, id);
  g_signal_handlers_disconnect_by_func (handoff, on_offer_state_cb, self);
}

static void
on_queue_items_changed_cb (HdWindow   *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *queue)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* An agent with nothing open sees the first offer's context at once; an agent reading
   * one handoff is never pulled away from it. */
  if (added > 0 && hd_agent_view_get_selected_handoff (self->agent_view) == NULL)
    {
      g_autoptr(HdHandoff) first = g_list_model_get_item (queue, position);
      hd_agent_view_set_selected_handoff (self->agent_view, first);
    }

  if (app == NULL)
    return;

  /* The optional sound, for agents who work with the window behind others. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);

      if (hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_OFFERED &&
          g_settings_get_boolean (hd_application_get_settings (HD_APPLICATION (app)), "offer-sound"))
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          break;
        }
    }

  if (gtk_window_is_active (GTK_WINDOW (self)))
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *id = NULL;

      if (hd_handoff_get_state (handoff) != HD_HANDOFF_STATE_OFFERED)
        continue;

      notification = hd_offer_notification_new (handoff);
      id = hd_offer_notification_dup_id (handoff);
      g_application_send_notification (app, id, notification);
      g_signal_connect_object (handoff, "notify::state", G_CALLBACK (on_offer_state_cb), self, 0);
    }
}

static gboolean
state_to_can_send (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == HD_FEED_CLIENT_STATE_CONNECTED);
  return TRUE;
}

static gboolean
bayeux_state_to_can_send (GBinding     *binding,
                          const GValue *from,
                          GValue       *to,
                          gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_int (from) == HD_BAYEUX_STATE_CONNECTED);
  return TRUE;
}

void
hd_window_set_session (HdWindow  *self,
                       HdSession *session)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  HdFeedClient *feed;
  HdQueue *queue;
  HdHandoffPane *pane;

  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (HD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  feed = hd_session_get_feed (session);
  queue = hd_session_get_queue (session);

  hd_agent_view_set_queue (self->agent_view, G_LIST_MODEL (queue));
  hd_agent_view_set_session (self->agent_view, session);
  pane = hd_agent_view_get_pane (self->agent_view);
  /* Replies go through whichever transport brings the offers. */
  if (hd_session_get_sf_feed (session) != NULL)
    g_object_bind_property (hd_session_get_sf_feed (session), "relays-agent-messages", pane, "can-reply",
                            G_BINDING_SYNC_CREATE);
  else
    g_object_bind_property (feed, "relays-agent-messages", pane, "can-reply", G_BINDING_SYNC_CREATE);
  if (hd_session_get_sf_feed (session) != NULL)
    {
      HdBayeuxClient *bayeux = hd_sf_feed_get_bayeux (hd_session_get_sf_feed (session));

      g_object_bind_property_full (bayeux, "state", pane, "can-send", G_BINDING_SYNC_CREATE,
                                   bayeux_state_to_can_send, NULL, NULL, NULL);
      g_signal_connect_object (bayeux, "notify::state", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bayeux, "notify::last-error", G_CALLBACK (on_feed_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    g_object_bind_property_full (feed, "state", pane, "can-send", G_BINDING_SYNC_CREATE,
                                 state_to_can_send, NULL, NULL, NULL);

  g_signal_connect_object (feed, "notice", G_CALLBACK (on_notice_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notice", G_CALLBACK (on_notice_cb), self, G_CONNECT_SWAPPED);

  /* Case edits: the pane's editor saves through the outbox; the header counts what waits. */
  g_object_set (pane,
                "sf-client", hd_session_get_sf_client (session),
                "outbox", hd_session_get_outbox (session),
                NULL);
  if (hd_session_get_outbox (session) != NULL)
    hd_outbox_indicator_set_outbox (self->outbox_indicator, hd_session_get_outbox (session));
  g_signal_connect_object (feed, "notify::state", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (feed, "notify::reconnects", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (feed, "notify::frames-rejected", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
  /* Everything the header says comes with a notification: no polling timer. */
  g_signal_connect_object (feed, "notify::connected-since", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (feed, "notify::last-error", G_CALLBACK (on_feed_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "items-changed", G_CALLBACK (on_queue_items_changed_cb), self, G_CONNECT_SWAPPED);
  /* The pane shows Reveal buttons only while policy allows; session.reveal checks again. */
  if (HD_IS_APPLICATION (app))
    g_settings_bind (hd_application_get_settings (HD_APPLICATION (app)), "allow-reveal",
                     pane, "allow-reveal", G_SETTINGS_BIND_GET);

  gtk_widget_set_visible (GTK_WIDGET (self->status_selector), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->connection_button), TRUE);
  gtk_stack_set_visible_child_name (self->agent_stack, "queue");
  _hd_window_views_set_session (self);
  update_connection (self);
}

HdSession *
hd_window_get_session (HdWindow *self)
{
  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);

  return self->session;
}

/* Every handoff the agent view shows comes from the session's queue, and none leaves it
 * during a run: requests that name a handoff by id find it there. */
HdHandoff *
_hd_window_lookup_handoff (HdWindow   *self,
                           const char *handoff_id)
{
  return self->session != NULL ? hd_queue_lookup (hd_session_get_queue (self->session), handoff_id)
                               : NULL;
}

void
hd_window_show_offer (HdWindow   *self,
                      const char *handoff_id)
{
  HdHandoff *handoff;

  g_return_if_fail (HD_IS_WINDOW (self));

  if ((handoff = _hd_window_lookup_handoff (self, handoff_id)) != NULL)
    {
      hd_window_set_mode (self, "agent");
      hd_agent_view_set_selected_handoff (self->agent_view, handoff);
    }
}

/* The demo recordings: installed with the app, or the source tree's when a developer runs
 * the build tree (dev.sh and the tests set HANDOFFDESK_RECORDINGS_DIR). */
GFile *
hd_window_dup_demo_recordings (void)
{
  const char *dir = g_getenv ("HANDOFFDESK_RECORDINGS_DIR");

  return g_file_new_for_path (dir != NULL && *dir != '\0' ? dir : HD_RECORDINGS_DIR);
}

static void
hd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      hd_window_set_mode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's own state lives in the application's one GSettings. */
static void
bind_settings (HdWindow  *self,
               GSettings *settings)
{
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "last-mode", self, "mode", G_SETTINGS_BIND_DEFAULT);
}

static void
hd_window_finalize (GObject *object)
{
  HdWindow *self = HD_WINDOW (object);

  g_free (self->mode);

  G_OBJECT_CLASS (hd_window_parent_class)->finalize (object);
}

static void
hd_window_dispose (GObject *object)
{
  HdWindow *self = HD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->fold_buttons_id, g_source_remove);
  g_clear_handle_id (&self->model_flush_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), HD_TYPE_WINDOW);

  G_OBJECT_CLASS (hd_window_parent_class)->dispose (object);
}

static void
hd_window_class_init (HdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_window_dispose;
  object_class->finalize = hd_window_finalize;
  object_class->get_property = hd_window_get_property;
  object_class->set_property = hd_window_set_property;
  widget_class->realize = hd_window_realize;

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "agent",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, agent_page);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, supervisor_page);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, trainer_bin);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, agent_stack);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, agent_view);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, status_selector);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, queue_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, recordings_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, connection_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, connection_details);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, outbox_indicator);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, supervisor_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_name_cb);

  gtk_widget_class_install_property_action (widget_class, "win.mode", "mode");
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);

  _hd_window_class_actions_init (widget_class);
}

static void
hd_window_init (HdWindow *self)
{
  g_type_ensure (HD_TYPE_AGENT_VIEW);
  g_type_ensure (HD_TYPE_STATUS_SELECTOR);
  g_type_ensure (HD_TYPE_OUTBOX_INDICATOR);

  self->mode = g_strdup ("agent");
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The agent's view is built by now: each button is named once (hd-a11y.h says
   * why); the Supervisor and Trainer views name theirs when they are built. */
  hd_a11y_fix_buttons (GTK_WIDGET (self));

  _hd_window_actions_init (self);

  {
    AdwFlap *details = hd_handoff_pane_get_details_flap (hd_agent_view_get_pane (self->agent_view));

    g_object_bind_property (self->agent_view, "queue-revealed", self->queue_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    g_object_bind_property (details, "reveal-flap", self->details_button, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    g_signal_connect_object (self->agent_view, "notify::queue-folded",
                             G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->agent_view, "notify::selected-handoff",
                             G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->agent_stack, "notify::visible-child-name",
                             G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (details, "notify::folded",
                             G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->switcher_title, "notify::title-visible",
                             G_CALLBACK (_hd_window_queue_update_fold_buttons), self, G_CONNECT_SWAPPED);
  }

  /* The primary menu button shows only an icon: give it a name for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switcher_title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mode"),
                                  -1);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

HdWindow *
hd_window_new (HdApplication *application)
{
  HdWindow *self;

  g_return_val_if_fail (HD_IS_APPLICATION (application), NULL);

  self = g_object_new (HD_TYPE_WINDOW, "application", application, NULL);
  bind_settings (self, hd_application_get_settings (application));
  return self;
}
