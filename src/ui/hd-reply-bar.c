/* hd-reply-bar.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-reply-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-draft-store.h"
#include "hd-feed-protocol.h"
#include "hd-packet.h"
#include "hd-reply-bar.h"
#include "hd-repeat-detector.h"
#include "hd-ui-format.h"

/* How long the reply box waits after the last keystroke before it looks for
 * questions the bot already answered. */
#define REPEAT_DEBOUNCE_MS 250

struct _HdReplyBar
{
  AdwBin     parent_instance;

  HdHandoff *handoff;           /* owned */
  gulong     state_notify_id;
  gboolean   can_reply;
  gboolean   can_send;          /* the session sends now: else the text stays */
  gboolean   read_only;
  guint      repeat_source_id;  /* debounced repeat detection */

  /* template children */
  GtkWidget *reply_box;
  GtkLabel  *reply_disabled_label;
  GtkEntry  *reply_entry;
  GtkWidget *send_button;
  GtkLabel  *repeat_hint_label;
  GtkWidget *quality_box;
  GtkWidget *asked_to_repeat_button;
  GtkWidget *re_verified_button;
};

G_DEFINE_FINAL_TYPE (HdReplyBar, hd_reply_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HANDOFF,
  PROP_CAN_REPLY,
  PROP_CAN_SEND,
  PROP_READ_ONLY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Repeat detection: what the bot already captured, shown under the reply box
 * while the agent types a question about it. */

static GPtrArray *
detect_repeats (HdReplyBar *self,
                const char *text)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;

  if (packet == NULL || !hd_ui_format_has_text (text) ||
      hd_handoff_get_state (self->handoff) != HD_HANDOFF_STATE_ACCEPTED)
    return NULL;
  return hd_repeat_detect (packet, text);
}

static void
clear_repeat_hint (HdReplyBar *self)
{
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  gtk_label_set_text (self->repeat_hint_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_hint_label), FALSE);
}

static void
show_repeat_hint (HdReplyBar *self,
                  GPtrArray  *matches)
{
  g_autoptr(GString) items = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (matches == NULL || matches->len == 0)
    {
      clear_repeat_hint (self);
      return;
    }

  for (guint i = 0; i < matches->len; i++)
    {
      HdRepeatMatch *match = g_ptr_array_index (matches, i);

      if (i > 0)
        /* TRANSLATORS: separates the items of "The bot already captured: …" */
        g_string_append (items, _("; "));
      /* TRANSLATORS: an item the bot captured and its value, e.g. "Card: Visa credit ••••1111" */
      g_string_append_printf (items, _("%s: %s"), match->label, match->captured);
    }
  /* TRANSLATORS: shown under the reply box, e.g.
   * "The bot already captured: Card: Visa credit ••••1111; City: Dubai" */
  text = g_strdup_printf (_("The bot already captured: %s"), items->str);
  /* Captured values came over the network: plain text, never markup. */
  gtk_label_set_text (self->repeat_hint_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_hint_label), TRUE);
}

static gboolean
repeat_timeout_cb (gpointer user_data)
{
  HdReplyBar *self = user_data;
  g_autoptr(GPtrArray) matches = NULL;

  self->repeat_source_id = 0;
  matches = detect_repeats (self, gtk_editable_get_text (GTK_EDITABLE (self->reply_entry)));
  show_repeat_hint (self, matches);
  return G_SOURCE_REMOVE;
}

/* The quality buttons activate session.quality-report directly; their templates give the
 * report, this the handoff. */
static void
set_report_target (GtkWidget  *button,
                   const char *handoff_id)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  guint32 report;

  g_variant_get (target, "(&su&sb)", NULL, &report, NULL, NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(susb)", handoff_id, report, "", FALSE);
}

static void
update_reply (HdReplyBar *self)
{
  HdHandoffState state = self->handoff != NULL ? hd_handoff_get_state (self->handoff)
                                               : HD_HANDOFF_STATE_OFFERED;
  const char *why = NULL;
  g_autofree char *ended = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reply_entry));
  gboolean open;
  gboolean quality;

  if (self->handoff == NULL)
    why = _("Select a handoff to reply.");
  else if (!self->can_reply)
    why = _("Replies are off: the routing layer does not relay agent messages for this chat.");
  else if (state == HD_HANDOFF_STATE_OFFERED)
    why = _("Accept the handoff to reply to the customer.");
  else if ((ended = hd_ui_format_ended_offer (self->handoff)) != NULL)
    /* A declined, expired or withdrawn offer never was a chat: it says what happened to it. */
    why = ended;
  else if (state != HD_HANDOFF_STATE_ACCEPTED)
    why = _("This chat has ended: replies can no longer be sent.");

  open = why == NULL;
  gtk_widget_set_visible (self->reply_box, !self->read_only);
  gtk_label_set_text (self->reply_disabled_label, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reply_disabled_label), !open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reply_entry), open);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reply_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why != NULL ? why : "",
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reply.send",
                                 open && !self->read_only && hd_ui_format_has_text (text));

  /* Handoff-quality reports are about a chat the agent holds now: the buttons show then,
   * and only then name it (session.quality-report ignores a report that names none). */
  quality = self->handoff != NULL && state == HD_HANDOFF_STATE_ACCEPTED && !self->read_only;
  gtk_widget_set_visible (self->quality_box, quality);
  set_report_target (self->asked_to_repeat_button, quality ? hd_handoff_get_handoff_id (self->handoff) : "");
  set_report_target (self->re_verified_button, quality ? hd_handoff_get_handoff_id (self->handoff) : "");
  if (!open)
    clear_repeat_hint (self);
}

static void
send_reply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HdReplyBar *self = HD_REPLY_BAR (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reply_entry))));
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *id = NULL;
  gboolean taken;

  if (self->handoff == NULL || *text == '\0')
    return;

  /* Not connected: say so, and keep the agent's text in the box. */
  if (!self->can_send)
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s",
                                  _("Not sent: the routing layer is not connected. Your message is still in the reply box."));
      return;
    }

  /* Activations may change the selection: keep the handoff's id for both. */
  id = g_strdup (hd_handoff_get_handoff_id (self->handoff));
  /* Detected again on the text as sent, not on the last debounced one. */
  matches = detect_repeats (self, text);
  if (matches != NULL && matches->len > 0)
    {
      g_autofree char *detail = hd_repeat_matches_to_detail (matches);

      gtk_widget_activate_action (widget, "session.quality-report", "(susb)", id,
                                  (guint32) HD_QUALITY_REPORT_ASKED_TO_REPEAT, detail, TRUE);
    }

  taken = gtk_widget_activate_action (widget, "session.reply", "(ss)", id, text);
  /* The text stays if no session took it, so nothing the agent typed is lost. */
  if (taken)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), "");
      clear_repeat_hint (self);
    }
}

static void
on_reply_activate_cb (HdReplyBar *self,
                      GtkEntry   *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "reply.send", NULL);
}

static void
on_reply_changed_cb (HdReplyBar  *self,
                     GtkEditable *editable)
{
  HdDraftStore *drafts = hd_draft_store_get_default ();

  update_reply (self);
  /* Saved as the agent types (debounced by the store), for after a crash;
   * sending empties the box, and so the draft. */
  if (drafts != NULL && self->handoff != NULL && !self->read_only)
    hd_draft_store_set_reply (drafts, hd_handoff_get_handoff_id (self->handoff),
                              gtk_editable_get_text (editable));

  /* Matching runs once the agent pauses, not on every keystroke. */
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  if (!hd_ui_format_has_text (gtk_editable_get_text (editable)))
    clear_repeat_hint (self);
  else if (self->handoff != NULL && hd_handoff_get_state (self->handoff) == HD_HANDOFF_STATE_ACCEPTED)
    self->repeat_source_id = g_timeout_add (REPEAT_DEBOUNCE_MS, repeat_timeout_cb, self);
}

static void
disconnect_handoff (HdReplyBar *self)
{
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->state_notify_id, self->handoff);
}

static void
hd_reply_bar_dispose (GObject *object)
{
  HdReplyBar *self = HD_REPLY_BAR (object);

  disconnect_handoff (self);
  g_clear_handle_id (&self->repeat_source_id, g_source_remove);
  g_clear_object (&self->handoff);
  /* The box is both the bin's child and a template child: let the bin go of
   * it first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_REPLY_BAR);

  G_OBJECT_CLASS (hd_reply_bar_parent_class)->dispose (object);
}

static void
hd_reply_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HdReplyBar *self = HD_REPLY_BAR (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_CAN_REPLY:
      g_value_set_boolean (value, self->can_reply);
      break;
    case PROP_CAN_SEND:
      g_value_set_boolean (value, self->can_send);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reply_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HdReplyBar *self = HD_REPLY_BAR (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_reply_bar_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_CAN_REPLY:
      hd_reply_bar_set_can_reply (self, g_value_get_boolean (value));
      break;
    case PROP_CAN_SEND:
      hd_reply_bar_set_can_send (self, g_value_get_boolean (value));
      break;
    case PROP_READ_ONLY:
      hd_reply_bar_set_read_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_reply_bar_class_init (HdReplyBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_reply_bar_dispose;
  object_class->get_property = hd_reply_bar_get_property;
  object_class->set_property = hd_reply_bar_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REPLY] =
    g_param_spec_boolean ("can-reply", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_SEND] =
    g_param_spec_boolean ("can-send", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-reply-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, reply_box);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, reply_disabled_label);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, reply_entry);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, send_button);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, repeat_hint_label);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, quality_box);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, asked_to_repeat_button);
  gtk_widget_class_bind_template_child (widget_class, HdReplyBar, re_verified_button);
  /* Not kept in the struct, only named for tests and accessibility checks. */
  gtk_widget_class_bind_template_child_full (widget_class, "transfer_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "wrap_up_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_changed_cb);

  gtk_widget_class_install_action (widget_class, "reply.send", NULL, send_reply_action);
}

static void
hd_reply_bar_init (HdReplyBar *self)
{
  self->can_reply = TRUE;
  self->can_send = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_reply (self);
}

GtkWidget *
hd_reply_bar_new (void)
{
  return g_object_new (HD_TYPE_REPLY_BAR, NULL);
}

HdHandoff *
hd_reply_bar_get_handoff (HdReplyBar *self)
{
  g_return_val_if_fail (HD_IS_REPLY_BAR (self), NULL);
  return self->handoff;
}

static void
on_handoff_state_cb (HdReplyBar *self,
                     GParamSpec *pspec,
                     HdHandoff  *handoff)
{
  update_reply (self);
}

void
hd_reply_bar_set_handoff (HdReplyBar *self,
                          HdHandoff  *handoff)
{
  g_return_if_fail (HD_IS_REPLY_BAR (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;

  disconnect_handoff (self);
  g_set_object (&self->handoff, handoff);
  {
    HdDraftStore *drafts = hd_draft_store_get_default ();
    g_autofree char *draft = drafts != NULL && handoff != NULL && !self->read_only
                             ? hd_draft_store_dup_reply (drafts, hd_handoff_get_handoff_id (handoff)) : NULL;

    /* The reply the agent had typed in this chat, even before a restart. */
    gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), draft != NULL ? draft : "");
  }
  clear_repeat_hint (self);
  if (handoff != NULL)
    self->state_notify_id =
      g_signal_connect_swapped (handoff, "notify::state", G_CALLBACK (on_handoff_state_cb), self);
  update_reply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

gboolean
hd_reply_bar_get_can_reply (HdReplyBar *self)
{
  g_return_val_if_fail (HD_IS_REPLY_BAR (self), FALSE);
  return self->can_reply;
}

void
hd_reply_bar_set_can_reply (HdReplyBar *self,
                            gboolean    can_reply)
{
  g_return_if_fail (HD_IS_REPLY_BAR (self));

  can_reply = !!can_reply;
  if (self->can_reply == can_reply)
    return;
  self->can_reply = can_reply;
  update_reply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REPLY]);
}

gboolean
hd_reply_bar_get_can_send (HdReplyBar *self)
{
  g_return_val_if_fail (HD_IS_REPLY_BAR (self), FALSE);
  return self->can_send;
}

void
hd_reply_bar_set_can_send (HdReplyBar *self,
                           gboolean    can_send)
{
  g_return_if_fail (HD_IS_REPLY_BAR (self));

  can_send = !!can_send;
  if (self->can_send == can_send)
    return;
  self->can_send = can_send;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SEND]);
}

gboolean
hd_reply_bar_get_read_only (HdReplyBar *self)
{
  g_return_val_if_fail (HD_IS_REPLY_BAR (self), FALSE);
  return self->read_only;
}

void
hd_reply_bar_set_read_only (HdReplyBar *self,
                            gboolean    read_only)
{
  g_return_if_fail (HD_IS_REPLY_BAR (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  update_reply (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}
