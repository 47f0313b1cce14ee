/* test-ui-preferences.c: Preferences, and the feed token that only the keyring keeps
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-feed-token.h"
#include "hd-preferences-window.h"
#include "hd-test-gtk-utils.h"
#include "hd-test-legacy.h"

static HdApplication *test_app;

static GObject *
child (HdPreferencesWindow *window,
       const char          *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window), HD_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **token = user_data;
  g_autoptr(GError) error = NULL;

  *token = hd_feed_token_lookup_finish (result, &error);
  g_assert_no_error (error);
  if (*token == NULL)
    *token = g_strdup ("");
}

static char *
lookup_token (const char *url)
{
  char *token = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  hd_feed_token_lookup_async (url, NULL, lookup_cb, &token);
  while (token == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (token);
  return token;
}

static void
test_preferences_binds_settings (void)
{
  GSettings *settings = hd_application_get_settings (test_app);
  HdPreferencesWindow *prefs = hd_preferences_window_new (settings);
  g_autofree char *url = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  hd_test_ui_iterate (50);

  gtk_editable_set_text (GTK_EDITABLE (child (prefs, "feed_url_row")), "wss://router.bank.example/feed");
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "wss://router.bank.example/feed");

  gtk_window_destroy (GTK_WINDOW (prefs));
  hd_test_ui_iterate (20);
}

static void
test_preferences_token_goes_to_keyring_only (void)
{
  static const char *url = "wss://router.test-bank.example/feed";
  static const char *secret = "hdtok-7f3a9c0e5b2d41a8";
  GSettings *settings = hd_application_get_settings (test_app);
  HdPreferencesWindow *prefs = hd_preferences_window_new (settings);
  GObject *row = child (prefs, "feed_token_row");
  g_autofree char *stored = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_settings_set_string (settings, "feed-url", url);
  gtk_window_present (GTK_WINDOW (prefs));
  hd_test_ui_iterate (50);

  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_signal_emit_by_name (row, "apply");

  /* The entry forgets it at once; the keyring (the real one of the test session) has it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  hd_test_ui_iterate (300);
  stored = lookup_token (url);
  g_assert_cmpstr (stored, ==, secret);

  /* No settings key holds it. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, FALSE);
      g_assert_null (strstr (printed, secret));
    }

  gtk_window_destroy (GTK_WINDOW (prefs));
  hd_test_ui_iterate (20);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  test_app = hd_test_ui_application_new ();

  g_test_add_func ("/hd/ui/preferences/binds-settings", test_preferences_binds_settings);
  g_test_add_func ("/hd/ui/preferences/token-keyring-only", test_preferences_token_goes_to_keyring_only);

  ret = g_test_run ();
  g_application_release (G_APPLICATION (test_app));
  g_clear_object (&test_app);
  return ret;
}
