/* hd-queue-panel-card.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue-panel-card"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-locale-format.h"
#include "hd-queue-panel-card.h"
#include "hd-trend-chart.h"

struct _HdQueuePanelCard
{
  AdwBin         parent_instance;

  HdQueuePanel  *panel;           /* owned */
  gulong         changed_id;

  GtkWidget     *box;             /* the bin's child (not bound: AdwBin unparents it) */
  GtkLabel      *title_label;     /* template children */
  GtkWidget     *alert_icon;
  GtkLabel      *waiting_label;
  GtkLabel      *wait_label;
  GtkLevelBar   *sla_bar;
  HdTrendChart  *trend;
  GtkLabel      *agents_label;
  GtkLabel      *hour_label;
  GtkLabel      *vip_chip;
  GtkLabel      *vulnerable_chip;
  GtkLabel      *alert_label;
};

G_DEFINE_FINAL_TYPE (HdQueuePanelCard, hd_queue_panel_card, ADW_TYPE_BIN)

enum { PROP_0, PROP_PANEL, N_PROPS };
enum { SHOW_WAITING, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
format_wait (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static void
update (HdQueuePanelCard *self)
{
  HdQueuePanel *panel = self->panel;
  g_autofree char *waiting = NULL;
  g_autofree char *wait = NULL;
  g_autofree char *agents = NULL;
  g_autofree char *hour = NULL;
  g_autofree char *trend_text = NULL;
  g_autofree char *label = NULL;
  double series[HD_TREND_MINUTES];
  guint sla, longest;
  HdQueueAlert alert;

  if (panel == NULL)
    return;

  sla = hd_queue_panel_get_sla_target_s (panel);
  longest = hd_queue_panel_get_longest_wait_s (panel);
  alert = hd_queue_panel_get_alert (panel);

  gtk_label_set_label (self->title_label, hd_queue_panel_get_title (panel));
  waiting = hd_locale_format_count (hd_queue_panel_get_waiting (panel));
  gtk_label_set_label (self->waiting_label, waiting);

  {
    g_autofree char *longest_text = format_wait (longest);

    if (sla > 0)
      {
        g_autofree char *sla_text = format_wait (sla);

        /* TRANSLATORS: "Longest 1:05 of 1:00 SLA" */
        wait = g_strdup_printf (_("Longest %s of %s SLA"), longest_text, sla_text);
        gtk_level_bar_set_value (self->sla_bar, MIN ((double) longest / sla, 1.0));
      }
    else
      {
        wait = g_strdup_printf (_("Longest %s, no SLA target"), longest_text);
        gtk_level_bar_set_value (self->sla_bar, 0);
      }
  }
  gtk_label_set_label (self->wait_label, wait);
  gtk_widget_set_visible (GTK_WIDGET (self->sla_bar), sla > 0);
  if (alert & HD_QUEUE_ALERT_SLA_BREACH)
    gtk_widget_add_css_class (GTK_WIDGET (self->sla_bar), "breached");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sla_bar), "breached");

  {
    guint push = hd_queue_panel_get_offers_in_push (panel);
    guint available = hd_queue_panel_get_agents_available (panel);
    guint busy = hd_queue_panel_get_agents_busy (panel);
    guint away = hd_queue_panel_get_agents_away (panel);
    g_autofree char *push_n = hd_locale_format_count (push);
    g_autofree char *available_n = hd_locale_format_count (available);
    g_autofree char *busy_n = hd_locale_format_count (busy);
    g_autofree char *away_n = hd_locale_format_count (away);
    /* TRANSLATORS: offers waiting for an agent's answer; %s is a number */
    g_autofree char *push_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in push", "%s in push", push), push_n);
    /* TRANSLATORS: agents; %s is a number */
    g_autofree char *available_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s available", "%s available", available), available_n);
    /* TRANSLATORS: agents; %s is a number */
    g_autofree char *busy_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s busy", "%s busy", busy), busy_n);
    /* TRANSLATORS: agents; %s is a number */
    g_autofree char *away_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s away", "%s away", away), away_n);

    /* TRANSLATORS: "2 in push · 3 available · 4 busy · 1 away" */
    agents = g_strdup_printf (_("%s · %s · %s · %s"), push_text, available_text, busy_text, away_text);
  }
  gtk_label_set_label (self->agents_label, agents);
  {
    guint abandoned = hd_queue_panel_get_abandoned_in_transfer (panel);
    guint declined = hd_queue_panel_get_declined (panel);
    guint expired = hd_queue_panel_get_expired (panel);
    g_autofree char *abandoned_n = hd_locale_format_count (abandoned);
    g_autofree char *declined_n = hd_locale_format_count (declined);
    g_autofree char *expired_n = hd_locale_format_count (expired);
    /* TRANSLATORS: handoffs; %s is a number */
    g_autofree char *abandoned_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s abandoned in transfer", "%s abandoned in transfer", abandoned), abandoned_n);
    /* TRANSLATORS: offers; %s is a number */
    g_autofree char *declined_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s declined", "%s declined", declined), declined_n);
    /* TRANSLATORS: offers; %s is a number */
    g_autofree char *expired_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s expired", "%s expired", expired), expired_n);

    /* TRANSLATORS: counts over the last hour: "Last hour: 2 abandoned in transfer · 1 declined · 0 expired" */
    hour = g_strdup_printf (_("Last hour: %s · %s · %s"), abandoned_text, declined_text, expired_text);
  }
  gtk_label_set_label (self->hour_label, hour);

  {
    guint vip = hd_queue_panel_get_vip_waiting (panel);
    guint vulnerable = hd_queue_panel_get_vulnerable_waiting (panel);
    g_autofree char *vip_text = g_strdup_printf (ngettext ("%u VIP", "%u VIP", vip), vip);
    g_autofree char *vulnerable_text = g_strdup_printf (ngettext ("%u vulnerable", "%u vulnerable",
                                                                  vulnerable), vulnerable);

    gtk_label_set_label (self->vip_chip, vip_text);
    gtk_widget_set_visible (GTK_WIDGET (self->vip_chip), vip > 0);
    gtk_label_set_label (self->vulnerable_chip, vulnerable_text);
    gtk_widget_set_visible (GTK_WIDGET (self->vulnerable_chip), vulnerable > 0);
  }

  gtk_widget_set_visible (self->alert_icon, alert != HD_QUEUE_ALERT_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->alert_label), alert != HD_QUEUE_ALERT_NONE);
  gtk_label_set_label (self->alert_label, hd_queue_panel_get_alert_text (panel));
  if (alert != HD_QUEUE_ALERT_NONE)
    {
      gtk_widget_add_css_class (self->box, "alert");
      gtk_widget_add_css_class (GTK_WIDGET (self->trend), "alert");
    }
  else
    {
      gtk_widget_remove_css_class (self->box, "alert");
      gtk_widget_remove_css_class (GTK_WIDGET (self->trend), "alert");
    }

  hd_trend_get_series (hd_queue_panel_get_trend (panel), hd_queue_panel_get_now_minute (panel), series);
  trend_text = hd_queue_panel_describe_trend (panel);
  hd_trend_chart_set_series (self->trend, series, HD_TREND_MINUTES, trend_text);

  /* One sentence for screen readers, as the card is a group. */
  /* TRANSLATORS: the queue's name, the number of customers waiting, then the longest wait */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s waiting. %s", "%s: %s waiting. %s",
                                        hd_queue_panel_get_waiting (panel)),
                           hd_queue_panel_get_title (panel), waiting, wait);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  alert != HD_QUEUE_ALERT_NONE ? hd_queue_panel_get_alert_text (panel) : trend_text,
                                  -1);
}

static void
show_waiting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_signal_emit (widget, signals[SHOW_WAITING], 0);
}

HdQueuePanel *
hd_queue_panel_card_get_panel (HdQueuePanelCard *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL_CARD (self), NULL);
  return self->panel;
}

void
hd_queue_panel_card_set_panel (HdQueuePanelCard *self,
                               HdQueuePanel     *panel)
{
  g_return_if_fail (HD_IS_QUEUE_PANEL_CARD (self));
  g_return_if_fail (panel == NULL || HD_IS_QUEUE_PANEL (panel));

  if (self->panel == panel)
    return;

  g_clear_signal_handler (&self->changed_id, self->panel);
  g_set_object (&self->panel, panel);
  if (panel != NULL)
    self->changed_id = g_signal_connect_object (panel, "changed", G_CALLBACK (update), self,
                                                G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.show-waiting", panel != NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL]);
}

static void
hd_queue_panel_card_dispose (GObject *object)
{
  HdQueuePanelCard *self = HD_QUEUE_PANEL_CARD (object);

  g_clear_signal_handler (&self->changed_id, self->panel);
  g_clear_object (&self->panel);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_QUEUE_PANEL_CARD);

  G_OBJECT_CLASS (hd_queue_panel_card_parent_class)->dispose (object);
}

static void
hd_queue_panel_card_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HdQueuePanelCard *self = HD_QUEUE_PANEL_CARD (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      g_value_set_object (value, self->panel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_panel_card_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HdQueuePanelCard *self = HD_QUEUE_PANEL_CARD (object);

  switch (prop_id)
    {
    case PROP_PANEL:
      hd_queue_panel_card_set_panel (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_panel_card_class_init (HdQueuePanelCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_queue_panel_card_dispose;
  object_class->get_property = hd_queue_panel_card_get_property;
  object_class->set_property = hd_queue_panel_card_set_property;

  properties[PROP_PANEL] =
    g_param_spec_object ("panel", NULL, NULL, HD_TYPE_QUEUE_PANEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SHOW_WAITING] = g_signal_new ("show-waiting", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HD_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-queue-panel-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, alert_icon);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, wait_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, sla_bar);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, trend);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, agents_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, hour_label);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, vip_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, vulnerable_chip);
  gtk_widget_class_bind_template_child (widget_class, HdQueuePanelCard, alert_label);
  gtk_widget_class_install_action (widget_class, "card.show-waiting", NULL, show_waiting_action);
}

static void
hd_queue_panel_card_init (HdQueuePanelCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->box = adw_bin_get_child (ADW_BIN (self));
  /* For an SLA, fuller is worse: replace the default low/high/full colours. */
  gtk_level_bar_remove_offset_value (self->sla_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->sla_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->sla_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->sla_bar, "sla-ok", 0.75);
  gtk_level_bar_add_offset_value (self->sla_bar, "sla-near", 1.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.show-waiting", FALSE);
  /* The card is one group for screen readers, labelled in update (). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Queue"), -1);
}

GtkWidget *
hd_queue_panel_card_new (void)
{
  return g_object_new (HD_TYPE_QUEUE_PANEL_CARD, NULL);
}
