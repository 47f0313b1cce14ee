/* hd-window-actions.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-journal-dialogs.h"
#include "hd-window-private.h"

/* Requests go to the session; the handoff changes state only when the routing layer
 * confirms, so a failure leaves the offer as it was and says why. */
typedef struct
{
  HdWindow *self;    /* not owned: the window cancels its requests when disposed */
  char     *what;
} Request;

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  /* An answer asked twice is not sent twice; the offer bar already says it waits. */
  if (!hd_session_request_finish (HD_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
    {
      /* Translators: what failed and why, e.g. "Could not accept the chat: timed out". */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), request->what, error->message);
      hd_window_show_toast (request->self, message);
    }

  g_free (request->what);
  g_free (request);
}

static Request *
request_new (HdWindow   *self,
             const char *what)
{
  Request *request = g_new0 (Request, 1);

  request->self = self;
  request->what = g_strdup (what);
  return request;
}

/* The session.* actions: what the agent asks of the routing layer, from wherever in the
 * window it was asked.  Each names its handoff by id. */

static void
accept_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  HdWindow *self = user_data;

  if (self->session != NULL)
    hd_session_accept_async (self->session, g_variant_get_string (param, NULL), self->cancellable,
                             request_cb, request_new (self, _("Could not accept the chat")));
}

static void
decline_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  HdWindow *self = user_data;
  const char *id, *reason;

  g_variant_get (param, "(&s&s)", &id, &reason);
  if (self->session != NULL)
    hd_session_decline_async (self->session, id, reason, self->cancellable, request_cb,
                              request_new (self, _("Could not decline the chat")));
}

static void
reply_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  HdWindow *self = user_data;
  g_autofree char *what = NULL;
  const char *id, *text;

  g_variant_get (param, "(&s&s)", &id, &text);
  if (self->session == NULL)
    return;
  /* Should delivery fail, the toast carries the text so nothing the agent typed is lost. */
  what = g_strdup_printf (_("Not delivered: “%s”"), text);
  hd_session_reply_async (self->session, id, text, self->cancellable, request_cb,
                          request_new (self, what));
}

/* A click on a quality button, or a repeat the pane detected in a reply (automatic). */
static void
quality_report_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  HdWindow *self = user_data;
  const char *id, *detail;
  guint32 report;
  gboolean automatic;

  g_variant_get (param, "(&su&sb)", &id, &report, &detail, &automatic);
  /* A quality button names no handoff while none is held (hd-reply-bar.c). */
  if (self->session == NULL || *id == '\0' ||
      (report != HD_QUALITY_REPORT_ASKED_TO_REPEAT && report != HD_QUALITY_REPORT_REVERIFIED))
    return;
  hd_session_report_quality_async (self->session, id, report, *detail != '\0' ? detail : NULL,
                                   automatic, self->cancellable, request_cb,
                                   request_new (self, _("The routing layer did not record the quality report")));
}

static void
transfer_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  HdWindow *self = user_data;
  const char *id, *to_queue;

  g_variant_get (param, "(&s&s)", &id, &to_queue);
  if (self->session != NULL && *to_queue != '\0')
    hd_session_transfer_async (self->session, id, to_queue, self->cancellable, request_cb,
                               request_new (self, _("The routing layer did not record the transfer")));
}

static void
wrap_up_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  HdWindow *self = user_data;
  const char *id;
  gboolean resolved;

  g_variant_get (param, "(&sb)", &id, &resolved);
  if (self->session != NULL)
    hd_session_wrap_up_async (self->session, id, resolved, self->cancellable, request_cb,
                              request_new (self, _("Could not wrap up the chat")));
}

/* Ctrl+Return and Ctrl+D, set on the application: the offer shown is answered wherever
 * the focus is in the window.  The agent view asks for a reason to decline, then
 * activates session.accept or session.decline; the session holds the answer pending
 * until the router answers.  With no offer to answer (or one already answered) both
 * are disabled, so the keys go to the focused widget (a text field of the case
 * editor, say) as if they were not set. */
void
_hd_window_update_offer_actions (HdWindow *self)
{
  gboolean enabled = g_strcmp0 (self->mode, "agent") == 0 &&
                     hd_agent_view_get_can_answer (self->agent_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-offer", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.decline-offer", enabled);
  /* F6 has regions to cycle only in Agent mode; elsewhere the key goes on. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-region", g_strcmp0 (self->mode, "agent") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-region", g_strcmp0 (self->mode, "agent") == 0);
}

/* F6 and Shift+F6, as in GNOME's apps: the focus goes from region to region (queue, offer,
 * cards, story, transcript, reply, case) in one press each, where Tab stops at every
 * control on the way. */
static void
cycle_region_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HdWindow *self = HD_WINDOW (widget);

  hd_agent_view_cycle_region (self->agent_view, g_str_equal (action_name, "win.next-region"));
}

static void
accept_offer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HdWindow *self = HD_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->agent_view), "agent.accept", NULL);
}

static void
decline_offer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  HdWindow *self = HD_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->agent_view), "agent.decline", NULL);
}

/* Reveal, audit trail and export of a handoff, through the session's journal.  Each
 * names its handoff by id; reveal also names the account (linked or not, and its index). */

static GSettings *
settings_of (HdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return HD_IS_APPLICATION (app) ? hd_application_get_settings (HD_APPLICATION (app)) : NULL;
}

static void
reveal_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  HdWindow *self = user_data;
  GSettings *settings = settings_of (self);
  g_autoptr(HdAccountRef) account = NULL;
  HdHandoff *handoff;
  HdCustomer *customer;
  GListModel *accounts;
  const char *id;
  gboolean linked;
  guint index;

  /* The pane hides the button without the policy; check again where it counts. */
  if (self->session == NULL || settings == NULL || !g_settings_get_boolean (settings, "allow-reveal"))
    return;

  g_variant_get (param, "(&sbu)", &id, &linked, &index);
  if ((handoff = _hd_window_lookup_handoff (self, id)) == NULL || hd_handoff_get_packet (handoff) == NULL)
    return;
  customer = hd_packet_get_customer (hd_handoff_get_packet (handoff));
  accounts = linked ? hd_customer_get_linked_accounts (customer) : hd_customer_get_accounts (customer);
  if (index >= g_list_model_get_n_items (accounts))
    return;
  account = g_list_model_get_item (accounts, index);
  hd_journal_dialogs_reveal (GTK_WINDOW (self), hd_session_get_journal (self->session),
                             hd_session_get_agent_id (self->session), handoff, account);
}

static void
show_audit_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  HdWindow *self = user_data;
  HdHandoff *handoff = _hd_window_lookup_handoff (self, g_variant_get_string (param, NULL));

  if (handoff != NULL)
    hd_journal_dialogs_show_audit (GTK_WINDOW (self), hd_session_get_journal (self->session), handoff);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  HdWindow *self = user_data;
  HdHandoff *handoff = _hd_window_lookup_handoff (self, g_variant_get_string (param, NULL));

  if (handoff != NULL)
    hd_journal_dialogs_export (GTK_WINDOW (self), hd_session_get_journal (self->session), handoff);
}

static const GActionEntry session_actions[] = {
  { .name = "accept", .activate = accept_action, .parameter_type = "s" },
  { .name = "decline", .activate = decline_action, .parameter_type = "(ss)" },
  { .name = "reply", .activate = reply_action, .parameter_type = "(ss)" },
  { .name = "quality-report", .activate = quality_report_action, .parameter_type = "(susb)" },
  { .name = "transfer", .activate = transfer_action, .parameter_type = "(ss)" },
  { .name = "wrap-up", .activate = wrap_up_action, .parameter_type = "(sb)" },
  { .name = "reveal", .activate = reveal_action, .parameter_type = "(sbu)" },
  { .name = "show-audit", .activate = show_audit_action, .parameter_type = "s" },
  { .name = "export", .activate = export_action, .parameter_type = "s" },
};

void
_hd_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.accept-offer", NULL, accept_offer_action);
  gtk_widget_class_install_action (widget_class, "win.decline-offer", NULL, decline_offer_action);
  gtk_widget_class_install_action (widget_class, "win.next-region", NULL, cycle_region_action);
  gtk_widget_class_install_action (widget_class, "win.previous-region", NULL, cycle_region_action);
}

void
_hd_window_actions_init (HdWindow *self)
{
  g_autoptr(GSimpleActionGroup) session_group = g_simple_action_group_new ();

  /* Any descendant reaches the requests by name, as in GNOME Text Editor's window. */
  g_action_map_add_action_entries (G_ACTION_MAP (session_group), session_actions,
                                   G_N_ELEMENTS (session_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session", G_ACTION_GROUP (session_group));

  g_signal_connect_object (self->agent_view, "notify::can-answer",
                           G_CALLBACK (_hd_window_update_offer_actions), self, G_CONNECT_SWAPPED);
  _hd_window_update_offer_actions (self);
}

/* From the notification's buttons: the agent decided without opening the window. */
void
hd_window_accept_offer (HdWindow   *self,
                        const char *handoff_id)
{
  HdHandoff *handoff;

  g_return_if_fail (HD_IS_WINDOW (self));

  if ((handoff = _hd_window_lookup_handoff (self, handoff_id)) != NULL &&
      hd_handoff_get_state (handoff) == HD_HANDOFF_STATE_OFFERED)
    {
      hd_window_set_mode (self, "agent");
      hd_agent_view_set_selected_handoff (self->agent_view, handoff);
      gtk_widget_activate_action (GTK_WIDGET (self), "session.accept", "s", handoff_id);
    }
}

/* A decline needs a reason: show the offer and ask, as Ctrl+D does. */
void
hd_window_decline_offer (HdWindow   *self,
                         const char *handoff_id)
{
  HdHandoff *handoff;

  g_return_if_fail (HD_IS_WINDOW (self));

  if ((handoff = _hd_window_lookup_handoff (self, handoff_id)) != NULL)
    {
      hd_window_set_mode (self, "agent");
      hd_agent_view_set_selected_handoff (self->agent_view, handoff);
      gtk_widget_activate_action (GTK_WIDGET (self->agent_view), "agent.decline", NULL);
    }
}
