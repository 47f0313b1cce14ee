/* hd-preferences-window.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-feed-token.h"
#include "hd-preferences-window.h"
#include "hd-sf-check.h"
#include "hd-sign-in-row.h"

struct _HdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;   /* owned */
  GCancellable         *cancellable;

  /* template children */
  AdwEntryRow          *feed_url_row;
  AdwEntryRow          *agent_id_row;
  AdwEntryRow          *feed_token_row;
  GtkSwitch            *offer_sound_switch;
  HdSignInRow          *sign_in_row;
  AdwEntryRow          *login_url_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *api_version_row;
  GtkWidget            *check_button;
  GtkSpinner           *check_spinner;
  GtkLabel             *check_result_label;

  HdSfAuth             *auth;       /* owned, nullable */
  HdOAuthOpenUriFunc    open_uri;
  gboolean              checking;
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
store_token_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HdPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;

  if (!hd_feed_token_store_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window was closed */

  escaped = g_markup_escape_text (error != NULL ? error->message
                                                : _("The access token is saved in the keyring"), -1);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* The token goes straight to the keyring and out of the entry: never into GSettings. */
static void
on_feed_token_apply_cb (HdPreferencesWindow *self,
                        AdwEntryRow         *row)
{
  g_autofree char *url = g_settings_get_string (self->settings, "feed-url");
  g_autofree char *token = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  if (*url == '\0')
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Set the feed URL first: the token belongs to it")));
      return;
    }
  if (*token == '\0')
    return;

  hd_feed_token_store_async (url, token, self->cancellable, store_token_cb, self);
}

static void
hd_preferences_window_constructed (GObject *object)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->constructed (object);

  bind_row (self, "feed-url", self->feed_url_row);
  bind_row (self, "agent-id", self->agent_id_row);
  g_settings_bind (self->settings, "offer-sound", self->offer_sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->auth);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (hd_preferences_window_parent_class)->dispose (object);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HdPreferencesWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) problems = hd_sf_check_connection_finish (result, &summary, &error);
  g_autoptr(GString) text = NULL;

  if (problems == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window was closed */
  self->checking = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  gtk_spinner_stop (self->check_spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.check-connection", self->auth != NULL);

  /* Plain text: Salesforce's messages are never markup. */
  text = g_string_new (summary != NULL ? summary : "");
  if (problems == NULL || problems[0] == NULL)
    g_string_append_printf (text, "\n%s", _("The org is ready for HandoffDesk."));
  else
    {
      g_string_append_printf (text, "\n%s", _("The org still needs:"));
      for (guint i = 0; problems[i] != NULL; i++)
        g_string_append_printf (text, "\n• %s", problems[i]);
    }
  gtk_label_set_text (self->check_result_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->check_result_label), TRUE);
}

static void
show_uri_cb (const char *uri,
             gpointer    user_data)
{
  gtk_show_uri (GTK_WINDOW (user_data), uri, GDK_CURRENT_TIME);
}

static void
check_connection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  HdPreferencesWindow *self = HD_PREFERENCES_WINDOW (widget);
  g_autofree char *api_version = NULL;

  if (self->auth == NULL || self->checking)
    return;
  api_version = g_settings_get_string (self->settings, "salesforce-api-version");
  self->checking = TRUE;
  gtk_widget_action_set_enabled (widget, "prefs.check-connection", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), TRUE);
  gtk_spinner_start (self->check_spinner);
  gtk_label_set_text (self->check_result_label, _("Checking the connection…"));
  gtk_widget_set_visible (GTK_WIDGET (self->check_result_label), TRUE);
  hd_sf_check_connection_async (self->auth, api_version,
                                self->open_uri != NULL ? self->open_uri : show_uri_cb,
                                self->open_uri != NULL ? NULL : self,
                                self->cancellable, check_cb, self);
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
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, agent_id_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, feed_token_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, offer_sound_switch);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, sign_in_row);
  gtk_widget_class_bind_template_callback (widget_class, on_feed_token_apply_cb);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, login_url_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, api_version_row);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, HdPreferencesWindow, check_result_label);
  gtk_widget_class_install_action (widget_class, "prefs.check-connection", NULL, check_connection_action);
}

static void
hd_preferences_window_init (HdPreferencesWindow *self)
{
  AdwEntryRow *rows[6];

  g_type_ensure (HD_TYPE_SIGN_IN_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.check-connection", FALSE);

  /* Each entry row says its name and its focus to a screen reader (hd-a11y.h). */
  rows[0] = self->feed_url_row;
  rows[1] = self->agent_id_row;
  rows[2] = self->feed_token_row;
  rows[3] = self->login_url_row;
  rows[4] = self->client_id_row;
  rows[5] = self->api_version_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    hd_a11y_expose_editable (GTK_EDITABLE (rows[i]), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])));
}

/* Who is signed in to Salesforce, with Sign In and Sign Out; @open_uri replaces the system
 * browser (the demo's stand-in signs in headless). */
void
hd_preferences_window_set_sf_auth (HdPreferencesWindow *self,
                                   HdSfAuth            *auth,
                                   HdOAuthOpenUriFunc   open_uri)
{
  g_return_if_fail (HD_IS_PREFERENCES_WINDOW (self));

  hd_sign_in_row_set_auth (self->sign_in_row, auth);
  if (open_uri != NULL)
    hd_sign_in_row_set_open_uri_func (self->sign_in_row, open_uri, NULL);
  g_set_object (&self->auth, auth);
  self->open_uri = open_uri;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.check-connection", auth != NULL && !self->checking);
}

HdPreferencesWindow *
hd_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HD_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
