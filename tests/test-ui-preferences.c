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
#include "test-sf-common.h"

static HdApplication *test_app;

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

  hd_feed_token_lookup_async (url, NULL, lookup_cb, &token);
  HD_TEST_WAIT_UNTIL (token != NULL, HD_TEST_TIMEOUT_MS);
  return token;
}

/* The title of the toast @window shows, or NULL. libadwaita's toast widget is private: it is
 * found by its type name, and its title is its first label. */
static const char *
shown_toast (GtkWidget *window)
{
  GType toast_type = g_type_from_name ("AdwToastWidget");
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (toast_type == 0)
    return NULL;  /* no toast was ever made */
  hd_test_collect (window, toast_type, toasts);
  if (toasts->len == 0)
    return NULL;
  hd_test_collect (g_ptr_array_index (toasts, 0), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >=, 1);
  return gtk_label_get_text (g_ptr_array_index (labels, 0));
}

/* Destroys @prefs and returns once it is finalized, so that no window outlives its test. */
static void
destroy_window (HdPreferencesWindow *prefs)
{
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  HD_TEST_WAIT_UNTIL (prefs == NULL, HD_TEST_TIMEOUT_MS);
}

static void
test_preferences_binds_settings (void)
{
  GSettings *settings = hd_application_get_settings (test_app);
  HdPreferencesWindow *prefs = hd_preferences_window_new (settings);
  GtkEditable *row = GTK_EDITABLE (hd_test_template_child (prefs, HD_TYPE_PREFERENCES_WINDOW, "feed_url_row"));
  g_autofree char *url = NULL;

  gtk_window_present (GTK_WINDOW (prefs));

  /* The binding writes the setting as the text changes. */
  gtk_editable_set_text (row, "wss://router.bank.example/feed");
  url = g_settings_get_string (settings, "feed-url");
  g_assert_cmpstr (url, ==, "wss://router.bank.example/feed");

  destroy_window (prefs);
}

static void
test_preferences_token_goes_to_keyring_only (void)
{
  static const char *url = "wss://router.test-bank.example/feed";
  static const char *secret = "hdtok-7f3a9c0e5b2d41a8";
  GSettings *settings = hd_application_get_settings (test_app);
  HdPreferencesWindow *prefs = hd_preferences_window_new (settings);
  GObject *row = hd_test_template_child (prefs, HD_TYPE_PREFERENCES_WINDOW, "feed_token_row");
  g_autofree char *stored = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_settings_set_string (settings, "feed-url", url);
  gtk_window_present (GTK_WINDOW (prefs));

  gtk_editable_set_text (GTK_EDITABLE (row), secret);
  g_signal_emit_by_name (row, "apply");

  /* The entry forgets it at once; the keyring (the real one of the test session) has it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  /* The window says so once the keyring has answered: only then can it be read back. */
  HD_TEST_WAIT_UNTIL (shown_toast (GTK_WIDGET (prefs)) != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (shown_toast (GTK_WIDGET (prefs)), ==, "The access token is saved in the keyring");
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

  destroy_window (prefs);
}

static gboolean
check_done_cond (gpointer data)
{
  GtkLabel *label = data;

  return strstr (gtk_label_get_text (label), "Checking") == NULL && *gtk_label_get_text (label) != '\0';
}

/* Check Connection says, in words, that the stand-in's org is ready. */
static void
test_preferences_check_connection (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = sf_test_new_signed_in_auth (standin, store);
  GSettings *settings = hd_application_get_settings (test_app);
  HdPreferencesWindow *prefs = hd_preferences_window_new (settings);
  GtkLabel *label = hd_test_template_child (prefs, HD_TYPE_PREFERENCES_WINDOW, "check_result_label");
  GtkWidget *button = hd_test_template_child (prefs, HD_TYPE_PREFERENCES_WINDOW, "check_button");

  gtk_window_present (GTK_WINDOW (prefs));
  /* Without a Salesforce session object there is nothing to check. */
  g_assert_false (gtk_widget_is_sensitive (button));
  hd_preferences_window_set_sf_auth (prefs, auth, hd_demo_browser_open_uri);
  g_assert_true (gtk_widget_is_sensitive (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.check-connection", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (hd_test_wait_until (check_done_cond, label, HD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Signed in as Asha Verma\nThe org is ready for HandoffDesk.");
  g_assert_true (gtk_widget_is_sensitive (button));

  destroy_window (prefs);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/preferences/binds-settings", test_preferences_binds_settings);
  g_test_add_func ("/hd/ui/preferences/token-keyring-only", test_preferences_token_goes_to_keyring_only);
  g_test_add_func ("/hd/ui/preferences/check-connection", test_preferences_check_connection);

  return hd_test_ui_run (test_app);
}
