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
#include "hd-case-field.h"
#include "hd-demo.h"
#include "hd-demo-browser.h"
#include "hd-feed-token.h"
#include "hd-journal-verify.h"
#include "hd-preferences-window.h"
#include "hd-session.h"
#include "hd-window.h"

struct _HdApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;   /* owned; the one GSettings of the app */
  HdSession      *session;    /* owned; what this run is connected to, or NULL */
  HdDemo         *demo;       /* owned; the built-in servers of --demo, or NULL */
  GCancellable   *cancellable;
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

/* "--feed salesforce", or a feed URL setting of "salesforce:": offers from the signed-in
 * org's event bus (docs/feed-protocol.md, "Salesforce binding"). */
static gboolean
hd_application_is_salesforce_feed (const char *feed)
{
  return feed != NULL && (g_str_equal (feed, "salesforce") || g_str_has_prefix (feed, "salesforce:"));
}

/* Runs in the process the user started: answers what needs no window and rejects what
 * cannot work, so that a typo or an unfinished feature never opens a silent window. */
static int
hd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *mode = NULL;
  const char *feed = NULL;
  const char *journal = NULL;
  const char *replay = NULL;

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

  if (g_variant_dict_lookup (options, "feed", "&s", &feed) && hd_application_is_salesforce_feed (feed))
    ;   /* the Salesforce transport: with or without --demo */
  else if (g_variant_dict_contains (options, "demo") && g_variant_dict_contains (options, "feed"))
    {
      g_printerr (_("handoffdesk: --demo and --feed exclude each other: the demo runs its own "
                    "routing layer\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "feed", "&s", &feed) && !hd_application_is_salesforce_feed (feed))
    {
      g_autoptr(GError) error = NULL;

      if (!hd_session_check_feed_url (feed, &error))
        {
          g_printerr ("handoffdesk: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  if (g_variant_dict_lookup (options, "replay", "^&ay", &replay) &&
      !g_file_test (replay, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("handoffdesk: no recording at %s\n"), replay);
      return EXIT_FAILURE;
    }

  /* Auditors check a journal without opening a window: report and exit. */
  if (g_variant_dict_lookup (options, "verify-journal", "^&ay", &journal))
    {
      g_autofree char *report = NULL;
      int status = hd_journal_verify_report (journal, &report);

      if (status == 0)
        g_print ("%s\n", report);
      else
        g_printerr ("%s\n", report);
      return status;
    }

  return G_APPLICATION_CLASS (hd_application_parent_class)->handle_local_options (app, options);
}

/* Where this run keeps its feed position, journal and outbox. The demo keeps its own, so
 * trying it never mixes demo customers into an agent's real audit trail. */
static char *
dup_data_dir (gboolean demo)
{
  return g_build_filename (g_get_user_data_dir (), "handoffdesk", demo ? "demo" : NULL, NULL);
}

/* @demo is the built-in servers @session talks to, or NULL. The servers of a session this
 * one replaces stop only once the window has let go of it. */
static void
use_session (HdApplication *self,
             HdSession     *session,
             HdDemo        *demo)
{
  HdWindow *window = ensure_window (self);
  g_autoptr(HdDemo) replaced = g_steal_pointer (&self->demo);

  self->demo = demo != NULL ? g_object_ref (demo) : NULL;
  g_set_object (&self->session, session);
  hd_window_set_session (window, session);
  hd_session_start (session);
}

static void
start_demo (HdApplication *self,
            gboolean       salesforce_feed)
{
  g_autofree char *dir = dup_data_dir (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sf_error = NULL;
  g_autoptr(HdDemo) demo = hd_demo_new ();
  g_autoptr(HdSession) session = NULL;

  hd_demo_set_salesforce_feed (demo, salesforce_feed);
  if (hd_demo_start (demo, &error))
    {
      hd_session_forget_feed_position (dir);
      hd_session_forget_salesforce_position (dir);
      if (salesforce_feed)
        session = hd_session_new_for_salesforce (hd_demo_get_agent_id (demo), dir, &error);
      else
        session = hd_session_new_for_feed (hd_demo_get_feed_url (demo), hd_demo_get_agent_id (demo),
                                           hd_demo_get_token (demo), dir, &error);
    }
  if (session == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The built-in routing layer could not start: %s"),
                                                  error->message);
      hd_window_show_toast (ensure_window (self), message);
      return;
    }

  /* The stand-in is signed in to through the same PKCE, token and keyring code as a real
   * org; only the browser is a headless one, on loopback. */
  hd_session_set_demo (session, hd_demo_browser_open_uri);
  if (!hd_session_setup_salesforce (session, hd_demo_get_sf_login_url (demo),
                                    hd_demo_get_sf_client_id (demo),
                                    hd_demo_get_sf_redirect_port (demo),
                                    hd_demo_get_sf_redirect_path (demo),
                                    hd_demo_get_sf_api_version (demo), &sf_error))
    g_warning ("Demo case edits are disabled: %s", sf_error->message);
  else if (salesforce_feed &&
           !hd_session_use_salesforce_feed (session, g_settings_get_uint (self->settings, "salesforce-feed-window"),
                                            &sf_error))
    hd_window_show_toast (ensure_window (self), sf_error->message);

  use_session (self, session, demo);
}

static void
setup_salesforce (HdApplication *self,
                  HdSession     *session)
{
  g_autofree char *login_url = g_settings_get_string (self->settings, "salesforce-login-url");
  g_autofree char *client_id = g_settings_get_string (self->settings, "salesforce-client-id");
  g_autofree char *path = g_settings_get_string (self->settings, "salesforce-redirect-path");
  g_autofree char *api_version = g_settings_get_string (self->settings, "salesforce-api-version");
  int port = g_settings_get_int (self->settings, "salesforce-redirect-port");
  static const struct
  {
    HdCaseField  field;
    const char  *key;
  } mapped[] = {
    { HD_CASE_FIELD_DISPOSITION, "salesforce-disposition-field" },
    { HD_CASE_FIELD_NEXT_STEP, "salesforce-next-step-field" },
  };
  g_autoptr(GError) error = NULL;

  /* Which Case fields hold disposition and next step; the case editor
   * checks them against the org's describe. */
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    {
      g_autofree char *name = g_settings_get_string (self->settings, mapped[i].key);
      g_autoptr(GError) name_error = NULL;

      if (!hd_case_field_set_api_name (mapped[i].field, name, &name_error))
        hd_window_show_toast (ensure_window (self), name_error->message);
    }

  if (!hd_session_setup_salesforce (session, login_url, client_id, (guint) port, path,
                                    api_version, &error))
    hd_window_show_toast (ensure_window (self), error->message);
}

typedef struct
{
  HdApplication *self;
  char          *url;
} FeedStart;

static void
feed_token_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FeedStart *start = user_data;
  g_autoptr(HdApplication) self = start->self;
  g_autofree char *url = start->url;
  g_autofree char *dir = dup_data_dir (FALSE);
  g_autofree char *agent_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = NULL;
  g_autofree char *token = hd_feed_token_lookup_finish (result, &error);

  g_free (start);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a token the router answers "refused", which the header then shows in words;
   * a keyring problem is said as such. */
  if (error != NULL)
    hd_window_show_toast (ensure_window (self), error->message);

  agent_id = g_settings_get_string (self->settings, "agent-id");
  session = hd_session_new_for_feed (url, agent_id, token, dir, &error);
  if (session == NULL)
    {
      hd_window_show_toast (ensure_window (self), error->message);
      return;
    }
  setup_salesforce (self, session);
  use_session (self, session, NULL);
}

static void
start_salesforce_feed (HdApplication *self)
{
  g_autofree char *dir = dup_data_dir (FALSE);
  g_autofree char *agent_id = g_settings_get_string (self->settings, "agent-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_session_new_for_salesforce (agent_id, dir, &error);

  if (session == NULL)
    {
      hd_window_show_toast (ensure_window (self), error->message);
      return;
    }
  setup_salesforce (self, session);
  if (!hd_session_use_salesforce_feed (session, g_settings_get_uint (self->settings, "salesforce-feed-window"),
                                       &error))
    hd_window_show_toast (ensure_window (self), error->message);
  use_session (self, session, NULL);
}

static void
start_feed (HdApplication *self,
            const char    *url)
{
  FeedStart *start;

  if (hd_application_is_salesforce_feed (url))
    {
      start_salesforce_feed (self);
      return;
    }
  start = g_new0 (FeedStart, 1);

  start->self = g_object_ref (self);
  start->url = g_strdup (url);
  hd_feed_token_lookup_async (url, self->cancellable, feed_token_cb, start);
}

/* Runs in the primary instance, also when a second `handoffdesk --mode …` forwards to it. */
static int
hd_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  HdApplication *self = HD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  const char *mode = NULL;
  const char *feed = NULL;
  const char *replay = NULL;
  g_autofree char *configured = NULL;
  HdWindow *window;

  window = ensure_window (self);
  if (g_variant_dict_lookup (options, "mode", "&s", &mode))
    hd_window_set_mode (window, mode);

  gtk_window_present (GTK_WINDOW (window));

  if (g_variant_dict_lookup (options, "replay", "^&ay", &replay))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, replay);
      hd_window_open_recording (window, file);
    }

  /* One connection per run: a second invocation only raises the window. */
  if (self->session == NULL)
    {
      configured = g_settings_get_string (self->settings, "feed-url");
      if (g_variant_dict_contains (options, "demo"))
        {
          g_variant_dict_lookup (options, "feed", "&s", &feed);
          start_demo (self, hd_application_is_salesforce_feed (feed));
          hd_window_open_demo_recordings (window);
        }
      else if (g_variant_dict_lookup (options, "feed", "&s", &feed))
        start_feed (self, feed);
      else if (configured != NULL && *configured != '\0')
        start_feed (self, configured);
    }

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
  if (self->session != NULL && hd_session_get_sf_auth (self->session) != NULL)
    hd_preferences_window_set_sf_auth (prefs, hd_session_get_sf_auth (self->session),
                                       hd_session_get_is_demo (self->session)
                                       ? hd_demo_browser_open_uri : NULL);
  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

static HdWindow *
present_window (HdApplication *self)
{
  HdWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
accept_offer_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  hd_window_accept_offer (present_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
decline_offer_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  hd_window_decline_offer (present_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
show_offer_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  hd_window_show_offer (present_window (user_data), g_variant_get_string (parameter, NULL));
}

static void
show_mode_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  hd_window_set_mode (present_window (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { .name = "show-mode", .activate = show_mode_action, .parameter_type = "s" },
  { .name = "accept-offer", .activate = accept_offer_action, .parameter_type = "s" },
  { .name = "decline-offer", .activate = decline_offer_action, .parameter_type = "s" },
  { .name = "show-offer", .activate = show_offer_action, .parameter_type = "s" },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
};

static void
hd_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *accept_accels[] = { "<Control>Return", "<Control>KP_Enter", NULL };
  static const char *decline_accels[] = { "<Control>d", NULL };
  static const char *next_region_accels[] = { "F6", NULL };
  static const char *previous_region_accels[] = { "<Shift>F6", NULL };
  static const char *mode_accels[][2] = { { "<Alt>1", NULL }, { "<Alt>2", NULL }, { "<Alt>3", NULL } };
  HdApplication *self = HD_APPLICATION (app);

  G_APPLICATION_CLASS (hd_application_parent_class)->startup (app);

  /* Only the instance that runs reads settings: --help, --version and --verify-journal are
   * answered before this, and an auditor runs them where the app's schema is not installed. */
  self->settings = g_settings_new (BASE_APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  /* Answering the offer shown works wherever the focus is in the window. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.accept-offer", accept_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.decline-offer", decline_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.next-region", next_region_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.previous-region", previous_region_accels);

  for (guint i = 0; modes[i] != NULL; i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.mode::%s", modes[i]);
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), detailed, mode_accels[i]);
    }
}

static void
hd_application_shutdown (GApplication *app)
{
  HdApplication *self = HD_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    hd_session_stop (self->session);
  if (self->demo != NULL)
    hd_demo_stop (self->demo);

  G_APPLICATION_CLASS (hd_application_parent_class)->shutdown (app);
}

static void
hd_application_dispose (GObject *object)
{
  HdApplication *self = HD_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->demo);
  g_clear_object (&self->cancellable);
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
  app_class->shutdown = hd_application_shutdown;
  app_class->command_line = hd_application_command_line;
  app_class->handle_local_options = hd_application_handle_local_options;
}

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run on the built-in routing layer and Salesforce stand-in (no account needed)"), NULL },
  { "feed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to the assignment feed at URL, or “salesforce” for the signed-in org’s event bus"), N_("URL") },
  { "replay", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open a recorded handoff in Trainer mode"), N_("FILE") },
  { "verify-journal", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a journal file or folder for broken, missing or reordered records, and exit"),
    N_("FILE") },
  { "mode", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start in a mode: agent, supervisor or trainer"), N_("MODE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
hd_application_init (HdApplication *self)
{
  self->cancellable = g_cancellable_new ();

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
