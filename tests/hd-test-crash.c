/* hd-test-crash.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "hd-journal-verify.h"
#include "hd-journal.h"
#include "hd-memory-token-store.h"
#include "hd-session-private.h"
#include "hd-test-crash.h"
#include "hd-test-utils.h"

#define SF_API_VERSION "v64.0"
#define SF_WINDOW_S (24 * 3600)

const char * const hd_test_crash_stages[5] = { "decoded", "shown", "journaled", "state-written", "acked" };

GSubprocess *
hd_test_crash_spawn (const char *uri,
                     const char *secret_env,
                     const char *secret,
                     const char *data_dir,
                     const char *stage,
                     guint       nth,
                     gint64      expect,
                     gboolean   *exited)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "hd-test-session-child", NULL);
  g_autofree char *nth_text = g_strdup_printf ("%u", nth);
  g_autofree char *expect_text = g_strdup_printf ("%" G_GINT64_FORMAT, expect);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  g_subprocess_launcher_setenv (launcher, secret_env, secret, TRUE);
  /* The child is killed on purpose: its leaks are no finding. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, program, uri, data_dir, stage, nth_text,
                                       expect_text, NULL);
  g_assert_no_error (error);
  *exited = FALSE;
  g_subprocess_wait_async (child, NULL, hd_test_subprocess_exited_cb, exited);
  return child;
}

gboolean
hd_test_crash_run (const char *uri,
                   const char *secret_env,
                   const char *secret,
                   const char *data_dir,
                   const char *stage,
                   guint       nth,
                   gint64      expect)
{
  gboolean exited = FALSE;
  g_autoptr(GSubprocess) child = hd_test_crash_spawn (uri, secret_env, secret, data_dir, stage, nth, expect,
                                                      &exited);

  hd_test_wait_flag (&exited, HD_TEST_TIMEOUT_MS * 3);
  if (g_subprocess_get_if_signaled (child))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
      return TRUE;
    }
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  return FALSE;
}

void
hd_test_crash_assert_killed (GSubprocess *child,
                             gboolean    *exited,
                             const char  *stage,
                             guint        nth)
{
  if (!*exited)
    {
      g_subprocess_force_exit (child);
      hd_test_wait_flag (exited, HD_TEST_TIMEOUT_MS);
      g_error ("the child was not killed at %s #%u", stage, nth);
    }
  hd_test_wait_flag (exited, HD_TEST_TIMEOUT_MS);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);
}

GHashTable *
hd_test_crash_count_offers (const char *journal_dir)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = hd_journal_list_files (journal_dir, &error);

  g_assert_no_error (error);
  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      const char *end;

      g_assert_true (g_file_get_contents (files[f], &contents, &length, NULL));
      for (const char *line = contents; line < contents + length; line = end + 1)
        {
          g_autoptr(HdJournalEvent) event = NULL;
          const char *id;

          end = memchr (line, '\n', (gsize) (contents + length - line));
          g_assert_nonnull (end);
          event = hd_journal_event_parse_line (line, (gsize) (end - line), NULL, &error);
          g_assert_no_error (error);
          if (!g_str_equal (hd_journal_event_get_event_type (event), HD_EVENT_OFFER))
            continue;
          id = hd_journal_event_get_handoff_id (event);
          g_hash_table_insert (counts, g_strdup (id),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
        }
    }
  return g_steal_pointer (&counts);
}

void
hd_test_crash_assert_journaled_once (const char *journal_dir,
                                     GPtrArray  *ids)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_bad = -1;

  g_assert_true (hd_journal_verify_directory (journal_dir, &first_bad, &error));
  g_assert_no_error (error);
  counts = hd_test_crash_count_offers (journal_dir);
  g_assert_cmpuint (g_hash_table_size (counts), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));

      if (n != 1)
        g_error ("handoff %s was journaled %u times", id, n);
    }
}

HdSession *
hd_test_crash_new_sf_session (const char  *login_url,
                              const char  *client_id,
                              const char  *tokens_text,
                              const char  *data_dir,
                              GError     **error)
{
  g_autoptr(HdSession) session = NULL;
  g_autoptr(HdSfTokens) tokens = NULL;
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = NULL;

  if (tokens_text == NULL || client_id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no tokens or consumer key given");
      return NULL;
    }
  if ((tokens = hd_sf_tokens_deserialize (tokens_text, error)) == NULL)
    return NULL;
  /* The memory store completes at once. */
  hd_token_store_store_async (store, tokens, NULL, NULL, NULL);
  session = hd_session_new_for_salesforce ("agent-crash", data_dir, error);
  if (session == NULL)
    return NULL;
  oauth = hd_oauth_new (login_url, client_id, 0, "/OauthRedirect");
  if (!_hd_session_setup_salesforce_with_store (session, oauth, store, SF_API_VERSION, error) ||
      !hd_session_use_salesforce_feed (session, SF_WINDOW_S, error))
    return NULL;
  hd_bayeux_client_set_backoff (hd_sf_feed_get_bayeux (hd_session_get_sf_feed (session)), 10, 100);
  return g_steal_pointer (&session);
}
