/* hd-queue-row.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-packet.h"
#include "hd-queue-row.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"

struct _HdQueueRow
{
  AdwBin      parent_instance;

  HdHandoff  *handoff;      /* owned */
  gulong      notify_id;
  char       *status;

  /* template children */
  GtkWidget  *box;
  GtkLabel   *name_label;
  HdTextBlock *clock_label;
  GtkLabel   *intent_label;
  GtkLabel   *priority_chip;
  GtkWidget  *vip_chip;
  GtkWidget  *vulnerable_chip;
  GtkLabel   *language_chip;
  HdTextBlock *status_label;
};

G_DEFINE_FINAL_TYPE (HdQueueRow, hd_queue_row, ADW_TYPE_BIN)

enum { PROP_0, PROP_HANDOFF, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
finished_reason (HdHandoff *handoff)
{
  HdRevokeReason reason = hd_handoff_get_revoke_reason (handoff);

  if (reason == HD_REVOKE_REASON_NONE)
    return NULL;
  return hd_revoke_reason_to_label (reason);
}

void
hd_queue_row_tick (HdQueueRow *self,
                   GDateTime  *now)
{
  HdHandoffState state;
  GDateTime *deadline;
  g_autofree char *expiry = NULL;
  g_autofree char *sla = NULL;
  g_autofree char *status = NULL;
  const char *clock = "";
  const char *reason;

  g_return_if_fail (HD_IS_QUEUE_ROW (self));
  g_return_if_fail (now != NULL);

  if (self->handoff == NULL)
    return;

  state = hd_handoff_get_state (self->handoff);
  deadline = hd_handoff_get_sla_deadline (self->handoff);
  if (hd_handoff_get_expires_at (self->handoff) != NULL)
    expiry = hd_ui_format_countdown (MAX (0, hd_handoff_get_time_to_expiry (self->handoff, now)));
  if (deadline != NULL)
    {
      GTimeSpan left = g_date_time_difference (deadline, now);

      if (left >= 0 && !hd_handoff_get_sla_breached (self->handoff))
        {
          g_autofree char *countdown = hd_ui_format_countdown (left);

          sla = g_strdup_printf (_("SLA %s left"), countdown);
        }
      else
        {
          g_autofree char *countdown = hd_ui_format_countdown (MAX (0, -left));

          sla = g_strdup_printf (_("SLA breached %s ago"), countdown);
        }
    }

  reason = finished_reason (self->handoff);
  switch (state)
    {
    case HD_HANDOFF_STATE_OFFERED:
      clock = expiry != NULL ? expiry : "";
      if (expiry != NULL && sla != NULL)
        /* TRANSLATORS: the time left to answer (e.g. 0:42), then the SLA state (e.g. SLA in 3 min) */
        status = g_strdup_printf (_("Offer · answer within %s · %s"), expiry, sla);
      else if (expiry != NULL)
        /* TRANSLATORS: %s is the time left to answer, e.g. 0:42 */
        status = g_strdup_printf (_("Offer · answer within %s"), expiry);
      else if (sla != NULL)
        /* TRANSLATORS: %s is the SLA state, e.g. SLA in 3 min */
        status = g_strdup_printf (_("Offer · %s"), sla);
      else
        status = g_strdup (_("Offer"));
      break;
    case HD_HANDOFF_STATE_ACCEPTED:
      /* TRANSLATORS: %s is the SLA state, e.g. SLA in 3 min */
      status = sla != NULL ? g_strdup_printf (_("Accepted · %s"), sla) : g_strdup (_("Accepted"));
      break;
    case HD_HANDOFF_STATE_EXPIRED:
      status = g_strdup (_("Expired: not answered in time"));
      break;
    case HD_HANDOFF_STATE_REVOKED:
      status = g_strdup_printf (_("Withdrawn: %s"), reason != NULL ? reason : _("no reason given"));
      break;
    case HD_HANDOFF_STATE_DECLINED:
      status = g_strdup (_("Declined"));
      break;
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      status = g_strdup (_("Wrapped up"));
      break;
    }

  /* Text blocks with tabular figures: a second going by is a redraw, where
   * a label's new text would queue a resize of the whole window. */
  hd_text_block_set_text (self->clock_label, clock, NULL, NULL);
  if (g_strcmp0 (status, self->status) != 0)
    {
      hd_text_block_set_text (self->status_label, status, NULL, NULL);
      g_free (self->status);
      self->status = g_steal_pointer (&status);
    }
}

static void
update (HdQueueRow *self)
{
  HdPacket *packet;
  HdRouting *routing;
  HdHandoffState state;
  const char *name;
  const char *language;
  g_autofree char *intent = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *language_text = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean vip, vulnerable, finished;

  if (self->handoff == NULL)
    return;

  packet = hd_handoff_get_packet (self->handoff);
  routing = hd_packet_get_routing (packet);
  state = hd_handoff_get_state (self->handoff);
  name = hd_handoff_get_customer_name (self->handoff);
  intent = hd_ui_format_token (hd_handoff_get_intent (self->handoff));
  language = hd_routing_get_language (routing);
  vip = hd_routing_get_vip (routing);
  vulnerable = hd_handoff_get_vulnerable (self->handoff);
  finished = state != HD_HANDOFF_STATE_OFFERED && state != HD_HANDOFF_STATE_ACCEPTED;

  gtk_label_set_text (self->name_label, name != NULL && *name != '\0' ? name : _("Name not given"));
  gtk_label_set_text (self->intent_label, intent != NULL ? intent : _("No intent recognised"));
  gtk_label_set_text (self->priority_chip, hd_ui_format_priority (hd_handoff_get_priority (self->handoff)));
  if (hd_handoff_get_priority (self->handoff) >= HD_PRIORITY_HIGH)
    gtk_widget_add_css_class (GTK_WIDGET (self->priority_chip), "chip-high");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->priority_chip), "chip-high");
  gtk_widget_set_visible (self->vip_chip, vip);
  gtk_widget_set_visible (self->vulnerable_chip, vulnerable);
  if (language != NULL)
    language_text = g_ascii_strup (language, -1);
  gtk_label_set_text (self->language_chip, language_text != NULL ? language_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->language_chip), language_text != NULL);

  if (finished)
    gtk_widget_add_css_class (self->box, "finished");
  else
    gtk_widget_remove_css_class (self->box, "finished");
  if (state == HD_HANDOFF_STATE_OFFERED)
    gtk_widget_add_css_class (self->box, "offered");
  else
    gtk_widget_remove_css_class (self->box, "offered");

  now = g_date_time_new_now_utc ();
  hd_queue_row_tick (self, now);

  {
    /* TRANSLATORS: between the items of a list read out, e.g. “High priority, VIP” */
    const char *separator = C_("list separator", ", ");
    GString *traits = g_string_new (hd_ui_format_priority (hd_handoff_get_priority (self->handoff)));
    g_autofree char *traits_text = NULL;
    g_autofree char *state_text = NULL;

    if (vip)
      g_string_append_printf (traits, "%s%s", separator, _("VIP"));
    if (vulnerable)
      g_string_append_printf (traits, "%s%s", separator, _("vulnerable customer"));
    if (language != NULL)
      {
        g_string_append (traits, separator);
        /* TRANSLATORS: %s is the customer's language code, e.g. hi */
        g_string_append_printf (traits, _("language %s"), language);
      }
    traits_text = g_string_free (traits, FALSE);
    if (finished_reason (self->handoff) != NULL)
      /* TRANSLATORS: a finished handoff's state (e.g. Expired), then why */
      state_text = g_strdup_printf (C_("state and reason", "%s: %s"), hd_ui_format_handoff_state (state),
                                    finished_reason (self->handoff));
    else
      state_text = g_strdup (hd_ui_format_handoff_state (state));
    /* TRANSLATORS: a queue row for screen readers: name, intent, priority and flags, state.
     * The state has no running clock in it: a label that changed every second
     * would keep interrupting. */
    accessible = g_strdup_printf (_("%s, %s, %s, %s"), gtk_label_get_text (self->name_label),
                                  gtk_label_get_text (self->intent_label), traits_text, state_text);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  /* The row around it takes the focus, and is what a screen reader says. */
  hd_a11y_name_list_row (GTK_WIDGET (self), accessible);
}

static void
on_handoff_notify_cb (HdQueueRow *self,
                      GParamSpec *pspec,
                      HdHandoff  *handoff)
{
  update (self);
}

static void
hd_queue_row_dispose (GObject *object)
{
  HdQueueRow *self = HD_QUEUE_ROW (object);

  if (self->handoff != NULL)
    g_clear_signal_handler (&self->notify_id, self->handoff);
  g_clear_object (&self->handoff);
  /* The bin's child is a bound template child: detach it from the bin first,
   * or AdwBin would unparent it again after the template dropped it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_QUEUE_ROW);

  G_OBJECT_CLASS (hd_queue_row_parent_class)->dispose (object);
}

static void
hd_queue_row_finalize (GObject *object)
{
  HdQueueRow *self = HD_QUEUE_ROW (object);

  g_free (self->status);

  G_OBJECT_CLASS (hd_queue_row_parent_class)->finalize (object);
}

static void
hd_queue_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HdQueueRow *self = HD_QUEUE_ROW (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HdQueueRow *self = HD_QUEUE_ROW (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_queue_row_set_handoff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_row_class_init (HdQueueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_queue_row_dispose;
  object_class->finalize = hd_queue_row_finalize;
  object_class->get_property = hd_queue_row_get_property;
  object_class->set_property = hd_queue_row_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-queue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, box);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, intent_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, priority_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, vip_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, vulnerable_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, language_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueueRow, status_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hd_queue_row_init (HdQueueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hd_queue_row_new (void)
{
  return g_object_new (HD_TYPE_QUEUE_ROW, NULL);
}

HdHandoff *
hd_queue_row_get_handoff (HdQueueRow *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_ROW (self), NULL);
  return self->handoff;
}

void
hd_queue_row_set_handoff (HdQueueRow *self,
                          HdHandoff  *handoff)
{
  g_return_if_fail (HD_IS_QUEUE_ROW (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;

  if (self->handoff != NULL)
    g_clear_signal_handler (&self->notify_id, self->handoff);
  g_set_object (&self->handoff, handoff);
  if (handoff != NULL)
    self->notify_id = g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);
  g_clear_pointer (&self->status, g_free);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

const char *
hd_queue_row_get_status (HdQueueRow *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_ROW (self), NULL);
  return self->status;
}
