/* router-main.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "handoffdesk-router"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "hd-demo-router.h"

/* The token never comes from the command line, where other users of the
 * machine could read it: it comes from $HANDOFFDESK_ROUTER_TOKEN, from
 * --token-file, or is generated and printed once on standard output. */
#define TOKEN_ENV "HANDOFFDESK_ROUTER_TOKEN"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static char *
load_token (const char  *token_file,
            gboolean    *generated,
            GError     **error)
{
  const char *env = g_getenv (TOKEN_ENV);
  g_autofree char *contents = NULL;

  *generated = FALSE;
  if (token_file != NULL)
    {
      if (!g_file_get_contents (token_file, &contents, NULL, error))
        return NULL;
      g_strstrip (contents);
      if (*contents == '\0')
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("The token file is empty"));
          return NULL;
        }
      return g_steal_pointer (&contents);
    }
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  *generated = TRUE;
  return hd_demo_router_generate_token ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HdDemoRouter) router = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_file = NULL;
  gboolean generated;
  int port = 0;
  int heartbeat_ms = 15000;
  int ttl_s = 45;
  int turn_interval_ms = 8000;
  double rate = 6;
  double abandon = 0.15;
  double simulate = 0;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port on 127.0.0.1 (0: any free port)"), N_("PORT") },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate, N_("Offers per minute (0: none)"), N_("N") },
    { "heartbeat-ms", 0, 0, G_OPTION_ARG_INT, &heartbeat_ms, N_("Heartbeat interval"), N_("MS") },
    { "ttl", 0, 0, G_OPTION_ARG_INT, &ttl_s, N_("Seconds before an offer expires"), N_("S") },
    { "turn-interval-ms", 0, 0, G_OPTION_ARG_INT, &turn_interval_ms,
      N_("Stream a customer turn this often while an offer waits (0: never)"), N_("MS") },
    { "abandon", 0, 0, G_OPTION_ARG_DOUBLE, &abandon,
      N_("Share of offers the customer abandons, 0 to 1"), N_("RATIO") },
    { "simulate", 0, 0, G_OPTION_ARG_DOUBLE, &simulate,
      N_("Simulated contact-centre handoffs per minute for supervisors (0: none)"), N_("N") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file,
      N_("Read the bearer token from FILE (else $HANDOFFDESK_ROUTER_TOKEN, else a new one is printed)"),
      N_("FILE") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Run from the build tree (dev.sh, meson devenv), the translations are there. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HANDOFFDESK_LOCALEDIR") != NULL ? g_getenv ("HANDOFFDESK_LOCALEDIR")
                                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  context = g_option_context_new (_("— HandoffDesk routing layer (assignment feed) on loopback"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || heartbeat_ms < 10 || ttl_s < 1 || turn_interval_ms < 0 ||
      rate < 0 || abandon < 0 || abandon > 1 || simulate < 0)
    {
      g_printerr (_("An option is out of range; see --help\n"));
      return 2;
    }

  if ((token = load_token (token_file, &generated, &error)) == NULL)
    {
      g_printerr (_("Cannot read the token: %s\n"), error->message);
      return 1;
    }

  router = hd_demo_router_new (token);
  g_object_set (router,
                "heartbeat-ms", (guint) heartbeat_ms,
                "offer-ttl-s", (guint) ttl_s,
                "turn-interval-ms", (guint) turn_interval_ms,
                "abandon-ratio", abandon,
                "offer-rate", rate,
                "simulation-rate", simulate,
                NULL);
  if (!hd_demo_router_start (router, (guint) port, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Machine-readable first lines, for scripts and tests that start us. */
  g_print ("url=%s\n", hd_demo_router_get_uri (router));
  if (generated)
    g_print ("token=%s\n", token);
  /* Where bots post escalations (docs/import/README.md). */
  g_print ("intake=http://127.0.0.1:%u/v1/escalations\n", hd_demo_router_get_port (router));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  hd_demo_router_stop (router);
  return 0;
}
