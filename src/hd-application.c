/* hd-application.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-application.h"
#include "hd-preferences-window.h"
#include "hd-window.h"

struct _HdApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;   /* owned; the one GSettings of the app */
};

G_DEFINE_FINAL_TYPE (HdApplication, hd_application, ADW_TYPE_APPLICATION)

static const char * const modes[] = { "agent", "supervisor", "trainer", NULL };

static gboolean
is_valid_mode (const char *mode)
{
  return mode != NULL && g_strv_contains (modes, mode);
}

static HdWindow *
ensure_window (HdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (hd_window_new (self));

  return HD_WINDOW (window);
}

/* Runs in the process the user started: answers what needs no window and rejects what
 * cannot work, so that a typo or an unfinished feature never opens a silent window. */
static int
hd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *mode = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("handoffdesk %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "mode", "&s", &mode) && !is_valid_mode (mode))
    {
      g_printerr (_("handoffdesk: unknown mode “%s”: use agent, supervisor or trainer\n"), mode);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "demo"))
    {
      g_printerr (_("handoffdesk: --demo is not available yet: the built-in routing layer "
                    "arrives with the assignment feed\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "feed"))
    {
      g_printerr (_("handoffdesk: --feed is not available yet: the assignment feed client "
                    "is not wired into this build\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "replay"))
    {
      g_printerr (_("handoffdesk: --replay is not available yet: recordings arrive with the "
                    "event journal and Trainer mode\n"));
      return EXIT_FAILURE;
    }

  return G_APPLICATION_CLASS (hd_application_parent_class)->handle_local_options (app, options);
}

/* Runs in the primary instance, also when a second `handoffdesk --mode …` forwards to it. */
static int
hd_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  HdApplication *self = HD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *mode = NULL;
  HdWindow *window;

  window = ensure_window (self);
  if (g_variant_dict_lookup (options, "mode", "&s", &mode))
    hd_window_set_mode (window, mode);

  gtk_window_present (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}

static void
hd_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (HD_APPLICATION (app))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HdApplication *self = user_data;
  static const char *developers[] = { "The HandoffDesk authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", "HandoffDesk",
                        "application-icon", APP_ID,
                        "developer-name", "The HandoffDesk authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Take over escalated banking chats with the customer’s "
                                      "whole state: identity, verification, intents, summary "
                                      "and transcript, in one pane."),
                        "website", "https://example.com/handoffdesk",
                        "issue-url", "https://example.com/handoffdesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The HandoffDesk authors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HdApplication *self = user_data;
  HdPreferencesWindow *prefs;

  prefs = hd_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
};

static void
hd_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *mode_accels[][2] = { { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL } };
  HdApplication *self = HD_APPLICATION (app);

  G_APPLICATION_CLASS (hd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);

  for (guint i = 0; modes[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.mode::%s", modes[i]);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, mode_accels[i]);
    }
}

static void
hd_application_dispose (GObject *object)
{
  HdApplication *self = HD_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hd_application_parent_class)->dispose (object);
}

static void
hd_application_class_init (HdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hd_application_dispose;
  app_class->activate = hd_application_activate;
  app_class->startup = hd_application_startup;
  app_class->command_line = hd_application_command_line;
  app_class->handle_local_options = hd_application_handle_local_options;
}

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run on the built-in routing layer and Salesforce stand-in (no account needed)"), NULL },
  { "feed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to the assignment feed at URL"), N_("URL") },
  { "replay", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open a recorded handoff in Trainer mode"), N_("FILE") },
  { "mode", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start in a mode: agent, supervisor or trainer"), N_("MODE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
hd_application_init (HdApplication *self)
{
  self->settings = g_settings_new (BASE_APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Take over escalated banking chats with the "
                                              "customer’s full context."));
}

HdApplication *
hd_application_new (void)
{
  return g_object_new (HD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
hd_application_get_settings (HdApplication *self)
{
  g_return_val_if_fail (HD_IS_APPLICATION (self), NULL);

  return self->settings;
}
