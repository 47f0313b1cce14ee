/* hd-agent-view.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-agent-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-agent-view.h"
#include "hd-focus.h"
#include "hd-handoff-pane.h"
#include "hd-queue-sidebar.h"
#include "hd-session.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"

struct _HdAgentView
{
  AdwBin          parent_instance;

  HdHandoff      *handoff;         /* owned: the selected one */
  gulong          notify_id;
  HdSession      *session;         /* owned; holds which answers are pending */
  GtkWidget      *decline_dialog;  /* weak */
  gboolean        can_answer;      /* is_open (), as last notified */

  /* template children (the flap is the bin's child, not bound: the bin
   * unparents it) */
  HdQueueSidebar *sidebar;
  GtkStack       *content_stack;
  GtkRevealer    *offer_revealer;
  HdTextBlock    *offer_label;
  GtkWidget      *accept_button;
  GtkWidget      *decline_button;
  HdHandoffPane  *pane;
};

G_DEFINE_FINAL_TYPE (HdAgentView, hd_agent_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_QUEUE,
  PROP_SELECTED_HANDOFF,
  PROP_CAN_ANSWER,
  PROP_QUEUE_FOLDED,
  PROP_QUEUE_REVEALED,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const struct { const char *id; const char *label; } decline_reasons[] = {
  { "busy", N_("_Busy With Another Customer") },
  { "wrong_skill", N_("_Not My Skill Area") },
  { "language", N_("_Cannot Speak the Language") },
  { "other", N_("_Other Reason") },
};

static AdwFlap *
get_flap (HdAgentView *self)
{
  return ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));
}

/* Asked, not yet confirmed: the session, not the view, knows (a key pressed in the
 * window answers through it too). */
static gboolean
is_pending (HdAgentView *self)
{
  return self->session != NULL && self->handoff != NULL &&
         hd_session_is_request_pending (self->session, hd_handoff_get_handoff_id (self->handoff));
}

static gboolean
is_open (HdAgentView *self)
{
  return self->handoff != NULL &&
         hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_OFFERED &&
         !is_pending (self);
}

static void
update_offer_bar (HdAgentView *self,
                  GDateTime   *now)
{
  HdHandoffState state;
  const char *name;
  g_autofree char *text = NULL;
  const char *reason;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agent.accept", is_open (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agent.decline", is_open (self));
  if (self->can_answer != is_open (self))
    {
      self->can_answer = is_open (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ANSWER]);
    }

  if (self->handoff == NULL)
    return;

  state = hd_handoff_get_state (self->handoff);
  name = hd_handoff_get_customer_name (self->handoff);
  reason = hd_handoff_get_revoke_reason (self->handoff) != HD_REVOKE_REASON_NONE
           ? hd_revoke_reason_to_label (hd_handoff_get_revoke_reason (self->handoff)) : NULL;

  switch (state)
    {
    case HD_HANDOFF_STATE_OFFERED:
      if (is_pending (self))
        text = g_strdup (_("Waiting for the router to confirm…"));
      else if (hd_handoff_get_expires_at (self->handoff) != NULL)
        {
          g_autofree char *left = hd_ui_format_countdown (MAX (0, hd_handoff_get_time_to_expiry (self->handoff, now)));

          text = g_strdup_printf (_("Offer from %s · answer within %s"), name ? name : "", left);
        }
      else
        text = g_strdup_printf (_("Offer from %s"), name ? name : "");
      break;
    case HD_HANDOFF_STATE_EXPIRED:
      text = g_strdup (_("This offer expired before it was answered."));
      break;
    case HD_HANDOFF_STATE_REVOKED:
      text = g_strdup_printf (_("This offer was withdrawn: %s."), reason != NULL ? reason : _("no reason given"));
      break;
    case HD_HANDOFF_STATE_DECLINED:
      text = g_strdup (_("You declined this offer."));
      break;
    case HD_HANDOFF_STATE_WRAPPED_UP:
      text = g_strdup (_("This chat is wrapped up."));
      break;
    case HD_HANDOFF_STATE_ACCEPTED:
    default:
      break;
    }

  hd_text_block_set_text (self->offer_label, text != NULL ? text : "", NULL, NULL);
  gtk_revealer_set_reveal_child (self->offer_revealer, text != NULL);
  gtk_widget_set_visible (self->accept_button, state == HD_HANDOFF_STATE_OFFERED);
  gtk_widget_set_visible (self->decline_button, state == HD_HANDOFF_STATE_OFFERED);
  if (state == HD_HANDOFF_STATE_OFFERED)
    gtk_widget_remove_css_class (GTK_WIDGET (self->offer_revealer), "ended");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->offer_revealer), "ended");
}

static void
update_offer_bar_now (HdAgentView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  update_offer_bar (self, now);
}

static void
on_handoff_notify_cb (HdAgentView *self,
                      GParamSpec  *pspec,
                      HdHandoff   *handoff)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "state"))
    {
      if (self->decline_dialog != NULL && hd_handoff_get_state (handoff) != HD_HANDOFF_STATE_OFFERED)
        gtk_window_destroy (GTK_WINDOW (self->decline_dialog));
    }
  update_offer_bar_now (self);
}

static void
on_request_pending_cb (HdAgentView *self,
                       const char  *handoff_id,
                       HdSession   *session)
{
  if (self->handoff != NULL && g_strcmp0 (handoff_id, hd_handoff_get_handoff_id (self->handoff)) == 0)
    update_offer_bar_now (self);
}

static void
on_selected_handoff_cb (HdAgentView    *self,
                        GParamSpec     *pspec,
                        HdQueueSidebar *sidebar)
{
  HdHandoff *handoff = hd_queue_sidebar_get_selected_handoff (sidebar);

  if (self->handoff == handoff)
    return;

  if (self->decline_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->decline_dialog));
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->notify_id, self->handoff);
  g_set_object (&self->handoff, handoff);
  if (handoff != NULL)
    self->notify_id = g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);

  hd_handoff_pane_set_handoff (self->pane, handoff);
  gtk_stack_set_visible_child_name (self->content_stack, handoff != NULL ? "handoff" : "empty");
  update_offer_bar_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_HANDOFF]);
}

/* A folded queue was opened to pick a handoff: once chosen (Enter or a click, not an
 * arrow key that only browses the rows), it shows. */
static void
close_folded_queue (HdAgentView *self)
{
  if (self->handoff != NULL && adw_flap_get_folded (get_flap (self)))
    adw_flap_set_reveal_flap (get_flap (self), FALSE);
}

static void
on_handoff_chosen_cb (HdAgentView    *self,
                      HdQueueSidebar *sidebar)
{
  close_folded_queue (self);
}

static void
on_flap_notify_cb (HdAgentView *self,
                   GParamSpec  *pspec,
                   AdwFlap     *flap)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "folded"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE_FOLDED]);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE_REVEALED]);
}

static void
on_tick_cb (HdAgentView    *self,
            GDateTime      *now,
            HdQueueSidebar *sidebar)
{
  if (self->handoff != NULL && hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_OFFERED)
    update_offer_bar (self, now);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HdAgentView *self = HD_AGENT_VIEW (widget);
  g_autoptr(HdHandoff) handoff = NULL;

  if (!is_open (self))
    return;

  /* The state changes only when the router confirms; until then the session
   * holds the request as pending (on_request_pending_cb) and sends it once. */
  handoff = g_object_ref (self->handoff);
  gtk_widget_activate_action (widget, "session.accept", "s", hd_handoff_get_handoff_id (handoff));
}

static void
decline_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HdAgentView      *self)
{
  HdHandoff *handoff = g_object_get_data (G_OBJECT (dialog), "hd-handoff");

  if (g_str_equal (response, "cancel") || handoff != self->handoff || !is_open (self))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "session.decline", "(ss)",
                              hd_handoff_get_handoff_id (handoff), response);
}

/* AdwMessageDialog 1.2 has a row of response buttons and a stacked column
 * of the same buttons, and switches to the column as it first lays itself
 * out: the focus then falls on the first button of the column, a reason,
 * and Enter would decline.  Whenever it switches, the focus goes to the
 * default button of the layout shown, Keep Offer. */
static void
on_decline_dialog_default_cb (GtkWindow  *dialog,
                              GParamSpec *pspec,
                              gpointer    user_data)
{
  GtkWidget *keep = gtk_window_get_default_widget (dialog);

  if (keep != NULL)
    gtk_widget_grab_focus (keep);
}

static void
decline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HdAgentView *self = HD_AGENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *name;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (!is_open (self) || self->decline_dialog != NULL)
    return;

  name = hd_handoff_get_customer_name (self->handoff);
  body = g_strdup_printf (_("Why are you declining the handoff from %s? The router offers it to another agent."),
                          name != NULL ? name : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Decline Offer?"), NULL));
  /* Network text: the body is never parsed as markup. */
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "cancel", _("_Keep Offer"));
  /* Declining is an ordinary answer that the router handles, not a loss:
   * the reasons are plain buttons, and Keep Offer is what Enter does. */
  for (guint i = 0; i < G_N_ELEMENTS (decline_reasons); i++)
    adw_message_dialog_add_response (dialog, decline_reasons[i].id, _(decline_reasons[i].label));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hd-handoff", g_object_ref (self->handoff), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decline_response_cb), self, 0);

  self->decline_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->decline_dialog);
  g_signal_connect (dialog, "notify::default-widget", G_CALLBACK (on_decline_dialog_default_cb), NULL);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hd_agent_view_dispose (GObject *object)
{
  HdAgentView *self = HD_AGENT_VIEW (object);

  if (self->decline_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->decline_dialog), (gpointer *) &self->decline_dialog);
      gtk_window_destroy (GTK_WINDOW (self->decline_dialog));
      self->decline_dialog = NULL;
    }
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->notify_id, self->handoff);
  g_clear_object (&self->handoff);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_AGENT_VIEW);

  G_OBJECT_CLASS (hd_agent_view_parent_class)->dispose (object);
}

static void
hd_agent_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HdAgentView *self = HD_AGENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      g_value_set_object (value, hd_agent_view_get_queue (self));
      break;
    case PROP_SELECTED_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_CAN_ANSWER:
      g_value_set_boolean (value, self->can_answer);
      break;
    case PROP_QUEUE_FOLDED:
      g_value_set_boolean (value, hd_agent_view_get_queue_folded (self));
      break;
    case PROP_QUEUE_REVEALED:
      g_value_set_boolean (value, hd_agent_view_get_queue_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_agent_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HdAgentView *self = HD_AGENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUEUE:
      hd_agent_view_set_queue (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_HANDOFF:
      hd_agent_view_set_selected_handoff (self, g_value_get_object (value));
      break;
    case PROP_QUEUE_REVEALED:
      hd_agent_view_set_queue_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_agent_view_class_init (HdAgentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_agent_view_dispose;
  object_class->get_property = hd_agent_view_get_property;
  object_class->set_property = hd_agent_view_set_property;

  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_HANDOFF] =
    g_param_spec_object ("selected-handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_ANSWER] =
    g_param_spec_boolean ("can-answer", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the queue is folded away to leave the handoff the width, and
   * whether it is shown over the handoff (always, when not folded). */
  properties[PROP_QUEUE_FOLDED] =
    g_param_spec_boolean ("queue-folded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUEUE_REVEALED] =
    g_param_spec_boolean ("queue-revealed", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_QUEUE_SIDEBAR);
  g_type_ensure (HD_TYPE_HANDOFF_PANE);
  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-agent-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, offer_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, offer_label);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, decline_button);
  gtk_widget_class_bind_template_child (widget_class, HdAgentView, pane);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_handoff_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_handoff_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tick_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_notify_cb);

  gtk_widget_class_install_action (widget_class, "agent.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "agent.decline", NULL, decline_action);
}

static void
hd_agent_view_init (HdAgentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_offer_bar_now (self);
}

GtkWidget *
hd_agent_view_new (void)
{
  return g_object_new (HD_TYPE_AGENT_VIEW, NULL);
}

GListModel *
hd_agent_view_get_queue (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), NULL);
  return hd_queue_sidebar_get_model (self->sidebar);
}

void
hd_agent_view_set_queue (HdAgentView *self,
                         GListModel  *queue)
{
  g_return_if_fail (HD_IS_AGENT_VIEW (self));
  g_return_if_fail (queue == NULL || G_IS_LIST_MODEL (queue));

  if (hd_queue_sidebar_get_model (self->sidebar) == queue)
    return;
  hd_queue_sidebar_set_model (self->sidebar, queue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}

HdHandoff *
hd_agent_view_get_selected_handoff (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), NULL);
  return self->handoff;
}

/**
 * hd_agent_view_set_session:
 * @session: (nullable): whose pending answers the offer bar shows
 *
 * The offer bar reads from @session whether the selected offer's accept or
 * decline is with the routing layer; the requests themselves go through the
 * window's session.* actions.
 */
void
hd_agent_view_set_session (HdAgentView *self,
                           HdSession   *session)
{
  g_return_if_fail (HD_IS_AGENT_VIEW (self));
  g_return_if_fail (session == NULL || HD_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_request_pending_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "request-pending-changed", G_CALLBACK (on_request_pending_cb),
                             self, G_CONNECT_SWAPPED);
  update_offer_bar_now (self);
}

gboolean
hd_agent_view_get_can_answer (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), FALSE);
  return self->can_answer;
}

void
hd_agent_view_set_selected_handoff (HdAgentView *self,
                                    HdHandoff   *handoff)
{
  g_return_if_fail (HD_IS_AGENT_VIEW (self));
  hd_queue_sidebar_set_selected_handoff (self->sidebar, handoff);
  /* Asked for from elsewhere (a notification, Supervisor): the handoff is what to see. */
  close_folded_queue (self);
}

HdHandoffPane *
hd_agent_view_get_pane (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), NULL);
  return self->pane;
}

gboolean
hd_agent_view_get_queue_folded (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), FALSE);
  return adw_flap_get_folded (get_flap (self));
}

gboolean
hd_agent_view_get_queue_revealed (HdAgentView *self)
{
  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), FALSE);
  return adw_flap_get_reveal_flap (get_flap (self));
}

void
hd_agent_view_set_queue_revealed (HdAgentView *self,
                                  gboolean     revealed)
{
  g_return_if_fail (HD_IS_AGENT_VIEW (self));
  adw_flap_set_reveal_flap (get_flap (self), revealed);
}

/**
 * hd_agent_view_cycle_region:
 * @self: an agent view
 * @forward: %TRUE for the next region (F6), %FALSE for the previous (Shift+F6)
 *
 * Moves the focus to the first stop of the next region in reading order: the queue, the
 * offer bar, then the pane's cards, story, transcript, reply and case; and round.
 *
 * Returns: whether a region took the focus
 */
gboolean
hd_agent_view_cycle_region (HdAgentView *self,
                            gboolean     forward)
{
  GtkWidget *regions[2 + HD_HANDOFF_PANE_N_FOCUS_REGIONS] = { GTK_WIDGET (self->sidebar), GTK_WIDGET (self->offer_revealer) };
  GtkWidget *skipped[2 + HD_HANDOFF_PANE_N_FOCUS_REGIONS] = { NULL, };
  guint n;

  g_return_val_if_fail (HD_IS_AGENT_VIEW (self), FALSE);

  n = 2 + hd_handoff_pane_get_focus_regions (self->pane, regions + 2, skipped + 2);
  return hd_focus_cycle_regions (regions, skipped, n, forward);
}
