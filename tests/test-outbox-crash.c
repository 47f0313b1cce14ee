/* test-outbox-crash.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "hd-sf-case.h"
#include "test-sf-common.h"

/* Exactly once across a crash.  A child process (this binary with --child)
 * signs in to the stand-in served by the parent, queues edits in an outbox
 * directory and is killed with SIGKILL:
 *
 *   - "after-write": right after the edits are durable, before any is sent;
 *   - "after-send":  when the stand-in has applied the first write but not
 *                    answered it (the response is held), i.e. between send
 *                    and acknowledge.
 *
 * The parent then opens the same directory, as the next run of the app
 * would, and checks that every edit reached Salesforce exactly once. */

#define LINK_KEY "ho-crash-000042"

/* --- the child --- */

static void
child_submit_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  guint *n_left = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = hd_outbox_submit_finish (HD_OUTBOX (object), result, &error);

  g_assert_no_error (error);
  (*n_left)--;
}

static int
child_main (const char *mode,
            const char *order,
            const char *dir,
            const char *url,
            const char *case_id)
{
  g_autoptr(HdOAuth) oauth = hd_oauth_new (url, "HandoffDeskDemo", 0, "/OauthRedirect");
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(HdSfClient) client = NULL;
  g_autoptr(HdOutbox) outbox = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  SfTestAsync async = { 0 };
  guint n_left = strlen (order);

  sf_test_sign_in (auth);
  client = hd_sf_client_new (auth, "v64.0");
  hd_sf_client_get_record_async (client, "Case", case_id, NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);

  outbox = hd_outbox_new (dir, client, &error);
  g_assert_no_error (error);
  hd_outbox_set_backoff_base_ms (outbox, 20);
  hd_outbox_set_paused (outbox, g_str_equal (mode, "after-write"));

  for (const char *p = order; *p != '\0'; p++)
    switch (*p)
      {
      case 'u':
        {
          g_autoptr(JsonObject) changes = json_object_new ();
          g_autoptr(JsonObject) base = json_object_new ();

          json_object_set_string_member (changes, "Status", "Escalated");
          json_object_set_string_member (changes, "Next_Step__c", "Fraud team to call back");
          json_object_set_member (base, "Status", json_node_copy (json_object_get_member (record, "Status")));
          json_object_set_null_member (base, "Next_Step__c");
          hd_outbox_update_async (outbox, "Case", case_id, NULL, changes, base,
                                  json_object_get_string_member (record, "LastModifiedDate"), NULL,
                                  child_submit_cb, &n_left);
        }
        break;
      case 'c':
        hd_outbox_add_comment_async (outbox, case_id, NULL, "Card blocked; replacement ordered.", NULL,
                                     child_submit_cb, &n_left);
        break;
      case 'k':
        {
          g_autoptr(JsonObject) fields = hd_sf_case_build_fields ("crash_test", "exactly_once", NULL,
                                                                  "Created by the crash test.",
                                                                  "Crash test case", NULL, NULL);

          hd_outbox_create_case_async (outbox, LINK_KEY, fields, NULL, child_submit_cb, &n_left);
        }
        break;
      default:
        g_assert_not_reached ();
      }

  HD_TEST_WAIT_UNTIL (n_left == 0, HD_TEST_TIMEOUT_MS);

  if (g_str_equal (mode, "after-write"))
    raise (SIGKILL);   /* every edit is durable; none was sent */

  /* "after-send": keep sending until the parent kills us. */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

/* --- the parent --- */

typedef struct
{
  HdSfStandin *standin;
  GSubprocess *child;
  gboolean     armed;
  guint        n_applied;
  gboolean     exited;
} Crash;

static void
on_request_cb (HdSfStandin *standin,
               const char  *method,
               const char  *path,
               gpointer     user_data)
{
  Crash *crash = user_data;

  /* Hold the answer to the first write, so the child dies between the
   * server applying it and the child hearing about it. */
  if (!crash->armed && !g_str_equal (method, "GET"))
    {
      crash->armed = TRUE;
      hd_sf_standin_set_fault (standin, HD_SF_STANDIN_FAULT_HOLD, 1);
    }
}

static void
on_applied_cb (HdSfStandin *standin,
               const char  *method,
               const char  *path,
               gpointer     user_data)
{
  Crash *crash = user_data;

  if (crash->n_applied++ == 0 && crash->child != NULL)
    g_subprocess_force_exit (crash->child);   /* SIGKILL */
}

static void
child_exited_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Crash *crash = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  crash->exited = TRUE;
}

static char *
count_states (const char *dir,
              const char *state)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  g_autofree char *needle = g_strdup_printf ("\"state\":\"%s\"", state);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_str_has_prefix (name, "entry-") && g_file_get_contents (path, &contents, NULL, NULL) &&
          strstr (contents, needle) != NULL)
        {
          const char *kind = strstr (contents, "\"kind\":\"");

          g_string_append_c (found, kind != NULL ? kind[8] : '?');
        }
    }
  return g_string_free (g_steal_pointer (&found), FALSE);
}

static gboolean
drained (gpointer data)
{
  HdOutbox *outbox = data;

  return hd_outbox_get_pending_count (outbox) == 0 && hd_outbox_get_state (outbox) == HD_OUTBOX_STATE_IDLE;
}

static void
run_crash (const char *mode,
           const char *order,
           const char *expect_sending_kind)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  const char *case_id = hd_sf_standin_get_demo_case_id (standin, "fraud-report");
  g_autofree char *dir = sf_test_new_dir ("outbox-crash");
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) auth = NULL;
  g_autoptr(HdSfClient) client = NULL;
  g_autoptr(HdOutbox) outbox = NULL;
  g_autofree char *sending = NULL;
  g_autofree char *queued = NULL;
  g_autofree char *patch_prefix = g_strdup_printf ("PATCH Case/%s", case_id);
  g_auto(GStrv) comments = NULL;
  g_auto(GStrv) created = NULL;
  g_autoptr(JsonObject) record = NULL;
  Crash crash = { standin, NULL, FALSE, 0, FALSE };

  if (g_str_equal (mode, "after-send"))
    {
      g_signal_connect (standin, "request", G_CALLBACK (on_request_cb), &crash);
      g_signal_connect (standin, "applied", G_CALLBACK (on_applied_cb), &crash);
    }

  crash.child = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--child", mode, order, dir,
                                             hd_sf_standin_get_url (standin), case_id, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (crash.child, NULL, child_exited_cb, &crash);
  hd_test_wait_flag (&crash.exited, 30000);
  g_assert_true (g_subprocess_get_if_signaled (crash.child));
  g_assert_cmpint (g_subprocess_get_term_sig (crash.child), ==, SIGKILL);
  hd_sf_standin_release_held (standin);

  /* What the dead process left on disk. */
  sending = count_states (dir, "sending");
  queued = count_states (dir, "queued");
  if (g_str_equal (mode, "after-write"))
    {
      g_auto(GStrv) log = hd_sf_standin_dup_write_log (standin);

      g_assert_cmpstr (sending, ==, "");
      g_assert_cmpuint (strlen (queued), ==, strlen (order));
      g_assert_cmpuint (g_strv_length (log), ==, 0);
    }
  else
    {
      g_assert_cmpstr (sending, ==, expect_sending_kind);
      g_assert_cmpuint (strlen (queued), ==, strlen (order) - 1);
      g_assert_cmpuint (crash.n_applied, ==, 1);
    }

  /* The next run: same directory, a new session. */
  auth = sf_test_new_signed_in_auth (standin, store);
  client = hd_sf_client_new (auth, "v64.0");
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*left from the last run*");
  if (!g_str_equal (mode, "after-write"))
    g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*before the interruption*");
  outbox = hd_outbox_new (dir, client, &error);
  g_assert_no_error (error);
  g_assert_true (hd_test_wait_until (drained, outbox, 20000));
  g_test_assert_expected_messages ();

  /* Each edit reached Salesforce exactly once. */
  g_assert_cmpuint (sf_test_count_log (standin, patch_prefix), ==, strchr (order, 'u') != NULL);
  comments = hd_sf_standin_find_records (standin, "CaseComment", "ParentId", case_id);
  g_assert_cmpuint (g_strv_length (comments), ==, strchr (order, 'c') != NULL);
  created = hd_sf_standin_find_records (standin, "Case", "Type", "crash_test");
  g_assert_cmpuint (g_strv_length (created), ==, strchr (order, 'k') != NULL);
  if (strchr (order, 'k') != NULL)
    g_assert_cmpstr (hd_outbox_lookup_link (outbox, LINK_KEY), ==, created[0]);
  record = hd_sf_standin_dup_record (standin, "Case", case_id);
  if (strchr (order, 'u') != NULL)
    g_assert_cmpstr (json_object_get_string_member (record, "Status"), ==, "Escalated");

  g_clear_object (&outbox);
  hd_test_rm_rf (dir);
}

static void
test_killed_after_write (void)
{
  run_crash ("after-write", "ukc", NULL);
}

static void
test_killed_after_sending_update (void)
{
  run_crash ("after-send", "ukc", "u");
}

static void
test_killed_after_sending_comment (void)
{
  run_crash ("after-send", "cuk", "c");
}

static void
test_killed_after_sending_create (void)
{
  run_crash ("after-send", "kcu", "c");   /* "create" also starts with c */
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 7 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3], argv[4], argv[5], argv[6]);

  sf_test_root = hd_test_init_xdg ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/outbox-crash/killed-after-write", test_killed_after_write);
  g_test_add_func ("/hd/outbox-crash/killed-after-sending-update", test_killed_after_sending_update);
  g_test_add_func ("/hd/outbox-crash/killed-after-sending-comment", test_killed_after_sending_comment);
  g_test_add_func ("/hd/outbox-crash/killed-after-sending-create", test_killed_after_sending_create);

  ret = g_test_run ();
  hd_test_rm_rf (sf_test_root);
  return ret;
}
