/* hd-test-demo.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-demo.h"
#include "hd-demo-browser.h"
#include "hd-session.h"

G_BEGIN_DECLS

/* A session on a started HdDemo in @data_dir, wired as `handoffdesk --demo` wires it
 * (src/hd-application.c, start_demo ()). The caller keeps @demo until the session is gone. */
HdSession *hd_test_demo_session_new (HdDemo      *demo,
                                     const char  *data_dir,
                                     GError     **error);

/* The text of @session's current journal file, synced first. */
char      *hd_test_session_read_journal (HdSession *session);

/* A GAsyncReadyCallback for the session's requests (accept, reply, ...): the request must
 * succeed, and the gboolean at @user_data turns TRUE. */
void       hd_test_session_request_done_cb (GObject      *object,
                                            GAsyncResult *result,
                                            gpointer      user_data);

G_END_DECLS
