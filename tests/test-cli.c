/* test-cli.c: the command line of the shipped binary
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the real program with the given arguments and no display, so that nothing it
 * must reject can ever open a window. */
static void
run_app (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("HD_APP_BINARY");
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static void
test_cli_help (void)
{
  static const char *options[] = { "--demo", "--feed=URL", "--replay=FILE", "--mode=MODE", "--version" };
  g_auto(Run) run = { 0 };

  run_app (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (run.out, options[i]));
}

static void
test_cli_version (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "handoffdesk " PACKAGE_VERSION "\n");
}

static void
test_cli_unknown_option (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--retina-scan", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--retina-scan"));
}

static void
test_cli_unknown_mode (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--mode", "auditor", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "unknown mode “auditor”"));
}

static void
test_cli_not_yet_wired (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--replay", "recording.hdrec", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--replay is not available yet"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/cli/help", test_cli_help);
  g_test_add_func ("/hd/cli/version", test_cli_version);
  g_test_add_func ("/hd/cli/unknown-option", test_cli_unknown_option);
  g_test_add_func ("/hd/cli/unknown-mode", test_cli_unknown_mode);
  g_test_add_func ("/hd/cli/not-yet-wired", test_cli_not_yet_wired);

  return g_test_run ();
}
