/* main.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hd-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HdApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree (dev.sh, meson devenv), the translations are there. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HANDOFFDESK_LOCALEDIR") != NULL ? g_getenv ("HANDOFFDESK_LOCALEDIR")
                                                                              : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
