/* hd-status-selector.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-status-selector"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-status-selector.h"

struct _HdStatusSelector
{
  AdwBin       parent_instance;

  GtkDropDown *drop_down;   /* the bin's child */
  gboolean     setting;     /* inside set_status: no signal */
};

G_DEFINE_FINAL_TYPE (HdStatusSelector, hd_status_selector, ADW_TYPE_BIN)

enum { PROP_0, PROP_STATUS, N_PROPS };
enum { STATUS_CHANGED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const status_ids[] = { "available", "busy", "away" };

static void
on_selected_cb (HdStatusSelector *self,
                GParamSpec       *pspec,
                GtkDropDown      *drop_down)
{
  const char *status = hd_status_selector_get_status (self);
  g_autofree char *label = g_strdup_printf (_("Availability: %s"),
                                            gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop_down)));

  hd_a11y_name_drop_down (drop_down, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (!self->setting)
    g_signal_emit (self, signals[STATUS_CHANGED], 0, status);
}

static void
hd_status_selector_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);

  G_OBJECT_CLASS (hd_status_selector_parent_class)->dispose (object);
}

static void
hd_status_selector_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, hd_status_selector_get_status (HD_STATUS_SELECTOR (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_status_selector_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STATUS:
      hd_status_selector_set_status (HD_STATUS_SELECTOR (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_status_selector_class_init (HdStatusSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_status_selector_dispose;
  object_class->get_property = hd_status_selector_get_property;
  object_class->set_property = hd_status_selector_set_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, "available",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATUS_CHANGED] =
    g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hd_status_selector_init (HdStatusSelector *self)
{
  /* Words, not a coloured dot: the state is readable without colour. */
  const char * const labels[] = { _("Available"), _("Busy"), _("Away"), NULL };

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->drop_down), _("Your Availability for New Handoffs"));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->drop_down));
  g_signal_connect_object (self->drop_down, "notify::selected", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->setting = TRUE;
  on_selected_cb (self, NULL, self->drop_down);
  self->setting = FALSE;
}

GtkWidget *
hd_status_selector_new (void)
{
  return g_object_new (HD_TYPE_STATUS_SELECTOR, NULL);
}

const char *
hd_status_selector_get_status (HdStatusSelector *self)
{
  guint selected;

  g_return_val_if_fail (HD_IS_STATUS_SELECTOR (self), NULL);

  selected = gtk_drop_down_get_selected (self->drop_down);
  return selected < G_N_ELEMENTS (status_ids) ? status_ids[selected] : status_ids[0];
}

void
hd_status_selector_set_status (HdStatusSelector *self,
                               const char       *status)
{
  g_return_if_fail (HD_IS_STATUS_SELECTOR (self));
  g_return_if_fail (status != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_str_equal (status, status_ids[i]))
      {
        self->setting = TRUE;
        gtk_drop_down_set_selected (self->drop_down, i);
        self->setting = FALSE;
        return;
      }
  g_warning ("unknown agent status “%s”", status);
}
