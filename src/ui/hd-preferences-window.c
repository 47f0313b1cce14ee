/* hd-preferences-window.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-preferences-window.h"

struct _HdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;   /* owned */

  /* template children */
  AdwEntryRow          *feed_url_row;
  AdwEntryRow          *login_url_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *api_version_row;
};

G_DEFINE_FINAL_TYPE (HdPreferencesWindow, hd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum { PROP_0, PROP_SETTINGS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bind_row (HdPreferencesWindow *self,
          const char          *key,
          AdwEntryRow         *row)
{
  g_settings_bind (self->settings, key, row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
hd_preferences_window_constructed (GObject *object)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->constructed (object);

  bind_row (self, "feed-url", self->feed_url_row);
  bind_row (self, "salesforce-login-url", self->login_url_row);
  bind_row (self, "salesforce-client-id", self->client_id_row);
  bind_row (self, "salesforce-api-version", self->api_version_row);
}

static void
hd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_preferences_window_dispose (GObject *object)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->dispose (object);
}

static void
hd_preferences_window_class_init (HdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hd_preferences_window_constructed;
  object_class->dispose = hd_preferences_window_dispose;
  object_class->set_property = hd_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/hd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, feed_url_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, login_url_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, api_version_row);
}

static void
hd_preferences_window_init (HdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HdPreferencesWindow *
hd_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HD_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
