/* test-ui-app-crash.c: the real app killed mid-chat brings the agent's work back
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include <glib/gstdio.h>

#include "hd-demo-router.h"
#include "hd-test-utils.h"

#define AGENT "agent-ui-crash"

/* hd-test-app-child: the shipped application and window, driven through
 * its widgets, with its data in @data_home. */
static GSubprocess *
run_app (const char *mode,
         const char *uri,
         const char *token,
         const char *handoff_id,
         const char *data_home)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "hd-test-app-child", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;
  gboolean exited = FALSE;

  g_subprocess_launcher_setenv (launcher, "HD_TEST_FEED_TOKEN", token, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, program, mode, uri, handoff_id, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (child, NULL, hd_test_subprocess_exited_cb, &exited);
  /* Two windows of the app under a sanitizer on a loaded machine. */
  hd_test_wait_flag (&exited, HD_TEST_TIMEOUT_MS * 4);
  return child;
}

/* The app is killed (SIGKILL) mid-chat: an offer accepted, a reply typed
 * into the reply box, a next step and a comment into the case editor, the
 * debounced draft on disk.  Started again on the same data, it shows the
 * handoff again, accepted, with all three texts back in those widgets. */
static void
test_app_killed_mid_chat (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-app-crash-XXXXXX");
  g_autofree char *id = NULL;
  g_autofree char *draft_path = NULL;
  g_autoptr(GSubprocess) typed = NULL;
  g_autoptr(GSubprocess) checked = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_object_set (router, "heartbeat-ms", 2000, "offer-ttl-s", 3600, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  g_assert_no_error (error);
  id = hd_demo_router_push_offer (router, AGENT, 0);

  typed = run_app ("type", hd_demo_router_get_uri (router), token, id, dir);
  g_assert_true (g_subprocess_get_if_signaled (typed));
  g_assert_cmpint (g_subprocess_get_term_sig (typed), ==, SIGKILL);
  g_assert_cmpstr (hd_demo_router_get_offer_state (router, id), ==, "accepted");
  draft_path = g_strdup_printf ("%s/handoffdesk/drafts/%s.json", dir, id);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  checked = run_app ("check", hd_demo_router_get_uri (router), token, id, dir);
  g_assert_true (g_subprocess_get_if_exited (checked));
  g_assert_cmpint (g_subprocess_get_exit_status (checked), ==, 0);

  hd_demo_router_stop (router);
  hd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/ui/app-crash/killed-mid-chat", test_app_killed_mid_chat);

  return g_test_run ();
}
