/* sf-standin-main.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "handoffdesk-sf-standin"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>

#include "hd-sf-standin.h"

/* The Salesforce stand-in as a process: point the app's
 * salesforce-login-url at the URL it prints (loopback http is accepted for
 * it only) and salesforce-client-id at its client id. */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfStandin) standin = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *client_id = NULL;
  int port = 0;
  int token_lifetime_s = 0;
  int request_limit = 0;
  gboolean rotate = FALSE;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, N_("Port on 127.0.0.1 (0: any free port)"), N_("PORT") },
    { "client-id", 0, 0, G_OPTION_ARG_STRING, &client_id, N_("Consumer key to accept"), N_("ID") },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime_s,
      N_("Seconds before access tokens answer INVALID_SESSION_ID (0: never)"), N_("SECONDS") },
    { "rotate-refresh-tokens", 0, 0, G_OPTION_ARG_NONE, &rotate, N_("Rotate refresh tokens on every refresh"), NULL },
    { "request-limit", 0, 0, G_OPTION_ARG_INT, &request_limit,
      N_("API calls before REQUEST_LIMIT_EXCEEDED (0: unlimited)"), N_("N") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Run from the build tree (dev.sh, meson devenv), the translations are there. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HANDOFFDESK_LOCALEDIR") != NULL ? g_getenv ("HANDOFFDESK_LOCALEDIR")
                                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("A Salesforce stand-in for HandoffDesk, on loopback only."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || token_lifetime_s < 0 || request_limit < 0)
    {
      g_printerr ("%s\n", _("Out-of-range option value"));
      return 2;
    }

  standin = hd_sf_standin_new ();
  if (client_id != NULL)
    hd_sf_standin_set_client_id (standin, client_id);
  hd_sf_standin_set_token_lifetime_ms (standin, (guint) token_lifetime_s * 1000);
  hd_sf_standin_set_rotate_refresh_tokens (standin, rotate);
  hd_sf_standin_set_request_limit (standin, (guint) request_limit);
  if (!hd_sf_standin_start (standin, (guint) port, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("url=%s\nclient_id=%s\n", hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
