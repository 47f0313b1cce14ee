/* hd-handoff-pane.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-handoff-pane"

#include "config.h"

#include "hd-case-editor.h"
#include "hd-customer-card.h"
#include "hd-focus.h"
#include "hd-handoff-pane-private.h"
#include "hd-packet.h"
#include "hd-routing-card.h"
#include "hd-text-block.h"
#include "hd-verification-badge.h"

G_DEFINE_FINAL_TYPE (HdHandoffPane, hd_handoff_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HANDOFF,
  PROP_CAN_REPLY,
  PROP_CAN_SEND,
  PROP_READ_ONLY,
  PROP_STALE_AFTER_SECONDS,
  PROP_SF_CLIENT,
  PROP_OUTBOX,
  PROP_ALLOW_REVEAL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Transfer and wrap-up are about a chat the agent holds now (the reply bar's quality
 * buttons, on session.quality-report, follow the same rule). */
static void
update_quality_actions (HdHandoffPane *self)
{
  gboolean quality = self->handoff != NULL && !self->read_only &&
                     hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_ACCEPTED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.transfer", quality);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pane.wrap-up", quality);
}

/* Actions. */

/* Ctrl+F and Ctrl+G work wherever the focus is in the pane: they ask the transcript. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find", NULL);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find-next", NULL);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->transcript), "transcript.find-previous", NULL);
}

static void
scroll_to_latest_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  hd_transcript_view_scroll_to_latest (HD_HANDOFF_PANE (widget)->transcript);
}

/* The reply box's action, for the window and tests: the reply bar sends. */
static void
send_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (HD_HANDOFF_PANE (widget)->reply_bar), "reply.send", NULL);
}

static void
on_handoff_notify_cb (HdHandoffPane *self,
                      GParamSpec    *pspec,
                      HdHandoff     *handoff)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "state"))
    update_quality_actions (self);
}

static void
disconnect_handoff (HdHandoffPane *self)
{
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->state_notify_id, self->handoff);
}

static void
update_all (HdHandoffPane *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;

  update_quality_actions (self);
  _hd_handoff_pane_update_journal_actions (self);
  gtk_widget_set_visible (gtk_widget_get_first_child (GTK_WIDGET (self)), packet != NULL);
  /* With no packet the cards keep what they showed, hidden with the rest. */
  hd_customer_card_set_handoff (self->customer_card, self->handoff);
  hd_routing_card_set_handoff (self->routing_card, self->handoff);
  if (packet == NULL)
    {
      hd_verification_badge_set_verification (self->verification_badge, NULL);
      return;
    }

  hd_verification_badge_set_verification (self->verification_badge, hd_packet_get_verification (packet));
  hd_story_column_set_packet (self->story, packet);

  /* A new chat starts at its latest turn, reading along. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->context_scroller), 0);
  hd_transcript_view_scroll_to_latest (self->transcript);
}

static void
hd_handoff_pane_dispose (GObject *object)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  disconnect_handoff (self);
  g_clear_object (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_HANDOFF_PANE);

  G_OBJECT_CLASS (hd_handoff_pane_parent_class)->dispose (object);
}

static void
hd_handoff_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_CAN_REPLY:
      g_value_set_boolean (value, hd_handoff_pane_get_can_reply (self));
      break;
    case PROP_CAN_SEND:
      g_value_set_boolean (value, hd_handoff_pane_get_can_send (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_STALE_AFTER_SECONDS:
      g_value_set_uint (value, hd_handoff_pane_get_stale_after_seconds (self));
      break;
    case PROP_SF_CLIENT:
      g_value_set_object (value, hd_handoff_pane_get_sf_client (self));
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, hd_handoff_pane_get_outbox (self));
      break;
    case PROP_ALLOW_REVEAL:
      g_value_set_boolean (value, self->allow_reveal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_handoff_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_handoff_pane_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_CAN_REPLY:
      hd_handoff_pane_set_can_reply (self, g_value_get_boolean (value));
      break;
    case PROP_CAN_SEND:
      hd_handoff_pane_set_can_send (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      hd_handoff_pane_set_read_only (self, g_value_get_boolean (value));
      break;
    case PROP_STALE_AFTER_SECONDS:
      hd_handoff_pane_set_stale_after_seconds (self, g_value_get_uint (value));
      break;
    case PROP_SF_CLIENT:
      hd_handoff_pane_set_sf_client (self, g_value_get_object (value));
      break;
    case PROP_OUTBOX:
      hd_handoff_pane_set_outbox (self, g_value_get_object (value));
      break;
    case PROP_ALLOW_REVEAL:
      hd_handoff_pane_set_allow_reveal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The pane's regions in reading order: the cards about the customer and the handoff, the
 * conversation, the reply, then the case the agent fills in from all of them.  The case
 * editor sits under the cards on screen, where Tab would reach it before the transcript. */
static guint
focus_regions (HdHandoffPane *self,
               GtkWidget    **regions,
               GtkWidget    **skipped)
{
  GtkWidget *in_order[] = {
    GTK_WIDGET (self->context_scroller), GTK_WIDGET (self->story), GTK_WIDGET (self->transcript),
    GTK_WIDGET (self->reply_bar), GTK_WIDGET (self->case_editor),
  };

  for (guint i = 0; i < G_N_ELEMENTS (in_order); i++)
    {
      regions[i] = in_order[i];
      skipped[i] = in_order[i] == GTK_WIDGET (self->context_scroller) ? GTK_WIDGET (self->case_editor) : NULL;
    }
  return G_N_ELEMENTS (in_order);
}

#define N_FOCUS_REGIONS HD_HANDOFF_PANE_N_FOCUS_REGIONS

static gboolean
hd_handoff_pane_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  HdHandoffPane *self = HD_HANDOFF_PANE (widget);
  GtkWidget *regions[N_FOCUS_REGIONS], *skipped[N_FOCUS_REGIONS];
  guint n = focus_regions (self, regions, skipped);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint current = n;

  if (!hd_focus_is_tab (direction))
    return GTK_WIDGET_CLASS (hd_handoff_pane_parent_class)->focus (widget, direction);

  for (guint i = 0; i < n; i++)
    if (hd_focus_is_within (regions[i]) && (skipped[i] == NULL || !hd_focus_is_within (skipped[i])))
      current = i;

  /* Tab moves on inside the region that has the focus, then from region to region. */
  for (guint i = current == n ? (forward ? 0 : n - 1) : current; i < n; forward ? i++ : i--)
    if (gtk_widget_get_visible (regions[i]) && hd_focus_child_without (regions[i], skipped[i], direction))
      return TRUE;
  return FALSE;
}

/**
 * hd_handoff_pane_get_focus_regions:
 * @self: a pane
 * @regions: (out caller-allocates): HD_HANDOFF_PANE_N_FOCUS_REGIONS widgets
 * @skipped: (out caller-allocates): for each region, a region inside it to leave out, or %NULL
 *
 * The pane's regions in reading order, for F6: cards, story, transcript, reply, case.
 *
 * Returns: how many were written
 */
guint
hd_handoff_pane_get_focus_regions (HdHandoffPane  *self,
                                   GtkWidget     **regions,
                                   GtkWidget     **skipped)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), 0);

  return focus_regions (self, regions, skipped);
}

static void
hd_handoff_pane_class_init (HdHandoffPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_handoff_pane_dispose;
  object_class->get_property = hd_handoff_pane_get_property;
  object_class->set_property = hd_handoff_pane_set_property;
  widget_class->focus = hd_handoff_pane_focus;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REPLY] =
    g_param_spec_boolean ("can-reply", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether a reply would be sent now (the window binds the feed's state). */
  properties[PROP_CAN_SEND] =
    g_param_spec_boolean ("can-send", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STALE_AFTER_SECONDS] =
    g_param_spec_uint ("stale-after-seconds", NULL, NULL,
                       0, G_MAXUINT, HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SF_CLIENT] =
    g_param_spec_object ("sf-client", NULL, NULL, HD_TYPE_SF_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, HD_TYPE_OUTBOX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOW_REVEAL] =
    g_param_spec_boolean ("allow-reveal", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_CUSTOMER_CARD);
  g_type_ensure (HD_TYPE_VERIFICATION_BADGE);
  g_type_ensure (HD_TYPE_ROUTING_CARD);
  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  g_type_ensure (HD_TYPE_CASE_EDITOR);
  g_type_ensure (HD_TYPE_STORY_COLUMN);
  g_type_ensure (HD_TYPE_TRANSCRIPT_VIEW);
  g_type_ensure (HD_TYPE_REPLY_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-handoff-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, context_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, customer_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, verification_badge);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, routing_card);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, story);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, transcript);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, reply_bar);
  gtk_widget_class_bind_template_child (widget_class, HdHandoffPane, case_editor);

  gtk_widget_class_install_action (widget_class, "pane.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pane.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pane.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "pane.scroll-to-latest", NULL, scroll_to_latest_action);
  gtk_widget_class_install_action (widget_class, "pane.send-reply", NULL, send_reply_action);
  _hd_handoff_pane_class_actions_init (widget_class);
  _hd_handoff_pane_class_layout_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pane.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "pane.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pane.find-previous", NULL);
}

static void
hd_handoff_pane_init (HdHandoffPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_all (self);
}

GtkWidget *
hd_handoff_pane_new (void)
{
  return g_object_new (HD_TYPE_HANDOFF_PANE, NULL);
}

HdHandoff *
hd_handoff_pane_get_handoff (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return self->handoff;
}

void
hd_handoff_pane_set_handoff (HdHandoffPane *self,
                             HdHandoff     *handoff)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;

  disconnect_handoff (self);
  g_set_object (&self->handoff, handoff);
  hd_reply_bar_set_handoff (self->reply_bar, handoff);
  /* The same slice shows every handoff's transcript: the rows stay, and
   * only bind to the new turns. */
  hd_transcript_view_set_transcript (self->transcript, handoff != NULL ? hd_handoff_get_transcript (handoff) : NULL);
  if (handoff != NULL)
    self->state_notify_id =
      g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);

  hd_case_editor_set_handoff (self->case_editor, handoff);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

gboolean
hd_handoff_pane_get_can_reply (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_reply_bar_get_can_reply (self->reply_bar);
}

void
hd_handoff_pane_set_can_reply (HdHandoffPane *self,
                               gboolean       can_reply)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_reply = !!can_reply;
  if (hd_reply_bar_get_can_reply (self->reply_bar) == can_reply)
    return;
  hd_reply_bar_set_can_reply (self->reply_bar, can_reply);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REPLY]);
}

gboolean
hd_handoff_pane_get_can_send (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_reply_bar_get_can_send (self->reply_bar);
}

void
hd_handoff_pane_set_can_send (HdHandoffPane *self,
                              gboolean       can_send)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  can_send = !!can_send;
  if (hd_reply_bar_get_can_send (self->reply_bar) == can_send)
    return;
  hd_reply_bar_set_can_send (self->reply_bar, can_send);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SEND]);
}

gboolean
hd_handoff_pane_get_read_only (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->read_only;
}

void
hd_handoff_pane_set_read_only (HdHandoffPane *self,
                               gboolean       read_only)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  /* Supervisors and trainers look on; only the agent edits the case. */
  gtk_widget_set_visible (GTK_WIDGET (self->case_editor), !read_only);
  hd_customer_card_set_show_journal (self->customer_card, !read_only);
  hd_reply_bar_set_read_only (self->reply_bar, read_only);
  update_quality_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

guint
hd_handoff_pane_get_stale_after_seconds (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), 0);
  return hd_verification_badge_get_stale_after_seconds (self->verification_badge);
}

void
hd_handoff_pane_set_stale_after_seconds (HdHandoffPane *self,
                                         guint          seconds)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  if (hd_verification_badge_get_stale_after_seconds (self->verification_badge) == seconds)
    return;
  hd_verification_badge_set_stale_after_seconds (self->verification_badge, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_AFTER_SECONDS]);
}

gboolean
hd_handoff_pane_get_following (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return hd_transcript_view_get_following (self->transcript);
}

HdSfClient *
hd_handoff_pane_get_sf_client (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return hd_case_editor_get_sf_client (self->case_editor);
}

void
hd_handoff_pane_set_sf_client (HdHandoffPane *self,
                               HdSfClient    *client)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (client == NULL || HD_IS_SF_CLIENT (client));

  if (hd_case_editor_get_sf_client (self->case_editor) == client)
    return;
  hd_case_editor_set_sf_client (self->case_editor, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SF_CLIENT]);
}

HdOutbox *
hd_handoff_pane_get_outbox (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), NULL);
  return hd_case_editor_get_outbox (self->case_editor);
}

void
hd_handoff_pane_set_outbox (HdHandoffPane *self,
                            HdOutbox      *outbox)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));
  g_return_if_fail (outbox == NULL || HD_IS_OUTBOX (outbox));

  if (hd_case_editor_get_outbox (self->case_editor) == outbox)
    return;
  hd_case_editor_set_outbox (self->case_editor, outbox);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

gboolean
hd_handoff_pane_get_allow_reveal (HdHandoffPane *self)
{
  g_return_val_if_fail (HD_IS_HANDOFF_PANE (self), FALSE);
  return self->allow_reveal;
}

void
hd_handoff_pane_set_allow_reveal (HdHandoffPane *self,
                                  gboolean       allow_reveal)
{
  g_return_if_fail (HD_IS_HANDOFF_PANE (self));

  allow_reveal = !!allow_reveal;
  if (self->allow_reveal == allow_reveal)
    return;
  self->allow_reveal = allow_reveal;

  hd_customer_card_set_allow_reveal (self->customer_card, allow_reveal);
  _hd_handoff_pane_update_journal_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REVEAL]);
}
