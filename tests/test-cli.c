/* test-cli.c: the command line of the shipped binary
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hd-test-utils.h"

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
 * must reject can ever open a window. Without @installed, it runs as on an auditor's machine
 * where the app is not installed: no settings schema anywhere. */
static void
run_app_va (Run        *run,
            gboolean    installed,
            const char *first_arg,
            va_list     ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  const char *binary = g_getenv ("HD_APP_BINARY");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (!installed)
    {
      empty = hd_test_make_tmp_dir ("hd-cli-no-schemas-XXXXXX");
      g_subprocess_launcher_unsetenv (launcher, "GSETTINGS_SCHEMA_DIR");
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", empty, TRUE);
    }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  if (empty != NULL)
    hd_test_rm_rf (empty);
}

static void
run_app (Run        *run,
         const char *first_arg,
         ...)
{
  va_list ap;

  va_start (ap, first_arg);
  run_app_va (run, TRUE, first_arg, ap);
  va_end (ap);
}

/* Options that need no settings must work where the app is not installed. */
static void
run_app_not_installed (Run        *run,
                       const char *first_arg,
                       ...)
{
  va_list ap;

  va_start (ap, first_arg);
  run_app_va (run, FALSE, first_arg, ap);
  va_end (ap);
}

static void
test_cli_help (void)
{
  static const char *options[] = { "--demo", "--feed=URL", "--replay=FILE", "--mode=MODE",
                                   "--verify-journal=FILE", "--version" };
  g_auto(Run) run = { 0 };

  run_app_not_installed (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (run.out, options[i]));
}

static void
test_cli_version (void)
{
  g_auto(Run) run = { 0 };

  run_app_not_installed (&run, "--version", NULL);
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
test_cli_replay_missing_file (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--replay", "no-such-recording.hdrec", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no recording at no-such-recording.hdrec"));
}

static char *
demo_recording (const char *name)
{
  const char *dir = g_getenv ("HANDOFFDESK_RECORDINGS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
test_cli_verify_journal (void)
{
  g_autofree char *good = demo_recording ("good-handoff.hdrec");
  g_autofree char *text = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  {
    g_auto(Run) run = { 0 };
    run_app_not_installed (&run, "--verify-journal", good, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  /* The same recording with one word changed inside a record: found, named, refused. */
  g_assert_true (g_file_get_contents (good, &text, NULL, &error));
  g_assert_no_error (error);
  at = strstr (text, "\"customer\"");
  g_assert_nonnull (at);
  at[1] = 'C';
  tmp = hd_test_make_tmp_dir ("hd-cli-XXXXXX");
  tampered = g_build_filename (tmp, "tampered.hdrec", NULL);
  g_assert_true (g_file_set_contents (tampered, text, -1, &error));
  g_assert_no_error (error);

  {
    g_auto(Run) run = { 0 };
    run_app_not_installed (&run, "--verify-journal", tampered, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, !=, "");
  }

  hd_test_rm_rf (tmp);
}

static void
test_cli_feed_needs_encryption (void)
{
  g_auto(Run) run = { 0 };

  /* Customer data and the bearer token never travel in the clear to another machine. */
  run_app (&run, "--feed", "ws://router.bank.example/feed", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "must start with wss://"));
}

static void
test_cli_demo_excludes_feed (void)
{
  g_auto(Run) run = { 0 };

  run_app (&run, "--demo", "--feed", "wss://router.bank.example/feed", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "exclude each other"));
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
  g_test_add_func ("/hd/cli/replay-missing-file", test_cli_replay_missing_file);
  g_test_add_func ("/hd/cli/verify-journal", test_cli_verify_journal);
  g_test_add_func ("/hd/cli/feed-needs-encryption", test_cli_feed_needs_encryption);
  g_test_add_func ("/hd/cli/demo-excludes-feed", test_cli_demo_excludes_feed);

  return g_test_run ();
}
