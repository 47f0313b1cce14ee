/* hd-test-demo.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-demo-browser.h"
#include "hd-test-demo.h"

HdSession *
hd_test_demo_session_new (HdDemo      *demo,
                          const char  *data_dir,
                          GError     **error)
{
  g_autoptr(HdSession) session = NULL;

  if (!hd_demo_start (demo, error))
    return NULL;
  hd_session_forget_feed_position (data_dir);
  session = hd_session_new_for_feed (hd_demo_get_feed_url (demo), hd_demo_get_agent_id (demo),
                                     hd_demo_get_token (demo), data_dir, error);
  if (session == NULL)
    return NULL;
  hd_session_set_demo (session, hd_demo_browser_open_uri);
  if (!hd_session_setup_salesforce (session, hd_demo_get_sf_login_url (demo),
                                    hd_demo_get_sf_client_id (demo),
                                    hd_demo_get_sf_redirect_port (demo),
                                    hd_demo_get_sf_redirect_path (demo),
                                    hd_demo_get_sf_api_version (demo), error))
    return NULL;
  return g_steal_pointer (&session);
}

char *
hd_test_session_read_journal (HdSession *session)
{
  HdJournal *journal = hd_session_get_journal (session);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (journal);
  g_assert_true (hd_journal_sync (journal, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (hd_journal_get_current_path (journal), &text, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

void
hd_test_session_request_done_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_session_request_finish (HD_SESSION (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}
