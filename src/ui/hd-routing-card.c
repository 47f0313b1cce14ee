/* hd-routing-card.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-routing-card"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-card-rows.h"
#include "hd-packet.h"
#include "hd-routing-card.h"
#include "hd-ui-format.h"

/* The pane's card on why the bot escalated and how the handoff is routed:
 * the reason, chips for priority and flags, skill group and SLA.  It
 * follows the handoff's priority and flags as the routing layer changes
 * them. */
struct _HdRoutingCard
{
  GtkBox      parent_instance;

  HdHandoff  *handoff;              /* owned */
  gulong      notify_id;

  /* template children */
  GtkLabel   *escalation_reason_label;
  GtkLabel   *escalation_detail_label;
  GtkFlowBox *routing_chips;
  GtkGrid    *routing_grid;
};

G_DEFINE_FINAL_TYPE (HdRoutingCard, hd_routing_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_HANDOFF,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const char * const chip_variants[] = {
  "chip-high", "chip-vip", "chip-vulnerable", "chip-breached",
};

/* The @n th routing chip, made the first time only: a new handoff, or a
 * state change of this one, changes the words of the chips already there
 * rather than making new widgets. */
static void
set_chip (HdRoutingCard *self,
          guint         *n,
          const char    *text,
          const char    *variant)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->routing_chips, (int) *n);
  GtkWidget *chip;

  if (child == NULL)
    {
      chip = hd_card_rows_new_label (text, "chip");
      hd_card_rows_set_no_wrap (chip);
      child = GTK_FLOW_BOX_CHILD (gtk_flow_box_child_new ());
      /* Chips are words to read, not stops for the Tab key. */
      gtk_widget_set_focusable (GTK_WIDGET (child), FALSE);
      gtk_flow_box_child_set_child (child, chip);
      gtk_flow_box_append (self->routing_chips, GTK_WIDGET (child));
    }
  else
    {
      chip = gtk_flow_box_child_get_child (child);
      gtk_label_set_text (GTK_LABEL (chip), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (chip_variants); i++)
    if (g_strcmp0 (variant, chip_variants[i]) == 0)
      gtk_widget_add_css_class (chip, chip_variants[i]);
    else
      gtk_widget_remove_css_class (chip, chip_variants[i]);
  (*n)++;
}

/* Drops the chips past the first @n. */
static void
trim_chips (HdRoutingCard *self,
            guint          n)
{
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->routing_chips, (int) n)) != NULL)
    gtk_flow_box_remove (self->routing_chips, GTK_WIDGET (child));
}

/* With no handoff the card keeps what it showed: the pane hides it then. */
static void
update (HdRoutingCard *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;
  HdRouting *routing;
  HdPriority priority;
  const char *language;
  g_autofree char *skill = NULL;
  g_autofree char *flow = NULL;
  g_autofree char *case_type = NULL;
  g_autofree char *sla = NULL;
  GDateTime *deadline;
  guint n_chips = 0;
  int row = 0;

  if (packet == NULL)
    return;

  routing = hd_packet_get_routing (packet);
  priority = hd_handoff_get_priority (self->handoff);
  language = hd_routing_get_language (routing);
  /* The names the routing layer and the bot send, else ours (hd_display_name_choose ()). */
  skill = hd_routing_dup_skill_group_name (routing);
  flow = hd_packet_dup_bot_flow_name (packet);
  /* Read-only here: the case editor's Type field edits the CRM's value. */
  case_type = hd_case_fields_dup_case_type_name (hd_packet_get_case_fields (packet));
  deadline = hd_handoff_get_sla_deadline (self->handoff);

  gtk_label_set_text (self->escalation_reason_label,
                      hd_ui_format_escalation_reason (hd_routing_get_escalation_reason (routing)));
  hd_card_rows_set_optional (self->escalation_detail_label, NULL, hd_routing_get_escalation_detail (routing));

  set_chip (self, &n_chips, hd_ui_format_priority (priority),
            priority >= HD_PRIORITY_HIGH ? "chip-high" : NULL);
  if (hd_routing_get_vip (routing))
    set_chip (self, &n_chips, _("VIP"), "chip-vip");
  if (hd_handoff_get_vulnerable (self->handoff))
    set_chip (self, &n_chips, _("Vulnerable customer"), "chip-vulnerable");
  if (language != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Language: %s"), language);

      set_chip (self, &n_chips, text, NULL);
    }
  if (hd_handoff_get_sla_breached (self->handoff))
    set_chip (self, &n_chips, _("SLA breached"), "chip-breached");
  trim_chips (self, n_chips);

  if (deadline != NULL)
    {
      g_autofree char *clock = hd_ui_format_clock (deadline);
      guint target = hd_routing_get_sla_target_seconds (routing);

      /* TRANSLATORS: SLA deadline and target, e.g. "Due 09:15 (target 2 min)" */
      sla = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due %s (target %u min)",
                                          "Due %s (target %u min)", (target + 59) / 60),
                             clock, (target + 59) / 60);
    }

  hd_card_rows_set_row (self->routing_grid, &row, _("Skill"), skill);
  hd_card_rows_set_row (self->routing_grid, &row, _("Bot flow"), flow);
  hd_card_rows_set_row (self->routing_grid, &row, _("Case type"), case_type);
  hd_card_rows_set_row (self->routing_grid, &row, _("SLA"), sla);
  hd_card_rows_trim (self->routing_grid, row);
}

static void
on_handoff_notify_cb (HdRoutingCard *self,
                      GParamSpec    *pspec,
                      HdHandoff     *handoff)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "priority") || g_str_equal (name, "vulnerable") ||
      g_str_equal (name, "sla-breached"))
    update (self);
}

static void
disconnect_handoff (HdRoutingCard *self)
{
  if (self->handoff != NULL)
    g_clear_signal_handler (&self->notify_id, self->handoff);
}

static void
hd_routing_card_dispose (GObject *object)
{
  HdRoutingCard *self = HD_ROUTING_CARD (object);

  disconnect_handoff (self);
  g_clear_object (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_ROUTING_CARD);

  G_OBJECT_CLASS (hd_routing_card_parent_class)->dispose (object);
}

static void
hd_routing_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdRoutingCard *self = HD_ROUTING_CARD (object);

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
hd_routing_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdRoutingCard *self = HD_ROUTING_CARD (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_routing_card_set_handoff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_routing_card_class_init (HdRoutingCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_routing_card_dispose;
  object_class->get_property = hd_routing_card_get_property;
  object_class->set_property = hd_routing_card_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-routing-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HdRoutingCard, escalation_reason_label);
  gtk_widget_class_bind_template_child (widget_class, HdRoutingCard, escalation_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HdRoutingCard, routing_chips);
  gtk_widget_class_bind_template_child (widget_class, HdRoutingCard, routing_grid);
}

static void
hd_routing_card_init (HdRoutingCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Escalation and Routing"), -1);
}

GtkWidget *
hd_routing_card_new (void)
{
  return g_object_new (HD_TYPE_ROUTING_CARD, NULL);
}

HdHandoff *
hd_routing_card_get_handoff (HdRoutingCard *self)
{
  g_return_val_if_fail (HD_IS_ROUTING_CARD (self), NULL);
  return self->handoff;
}

void
hd_routing_card_set_handoff (HdRoutingCard *self,
                             HdHandoff     *handoff)
{
  g_return_if_fail (HD_IS_ROUTING_CARD (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;

  disconnect_handoff (self);
  g_set_object (&self->handoff, handoff);
  if (handoff != NULL)
    self->notify_id = g_signal_connect_swapped (handoff, "notify", G_CALLBACK (on_handoff_notify_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}
