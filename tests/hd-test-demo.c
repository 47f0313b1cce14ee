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
