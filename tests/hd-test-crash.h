/* hd-test-crash.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-session.h"

G_BEGIN_DECLS

/* Shared by the crash tests of both transports (test-session-crash.c,
 * test-session-crash-sf.c): the child process that runs a session and
 * kills itself (hd-test-session-child.c), and what its journal holds
 * afterwards. */

/* The stages the child can be killed at, in the order of
 * HdSessionStage. */
extern const char * const hd_test_crash_stages[5];

/* Starts hd-test-session-child on @uri with @secret in the environment
 * variable @secret_env (never on its command line); *@exited turns TRUE
 * when it ends. */
GSubprocess *hd_test_crash_spawn         (const char  *uri,
                                          const char  *secret_env,
                                          const char  *secret,
                                          const char  *data_dir,
                                          const char  *stage,
                                          guint        nth,
                                          gint64       expect,
                                          gboolean    *exited);
/* Runs the child until it kills itself or is done; returns whether it
 * was killed (by SIGKILL, or the test fails). */
gboolean     hd_test_crash_run           (const char  *uri,
                                          const char  *secret_env,
                                          const char  *secret,
                                          const char  *data_dir,
                                          const char  *stage,
                                          guint        nth,
                                          gint64       expect);
/* Waits for a child spawned for @stage #@nth to end, and asserts that it
 * killed itself; fails the test if it is still alive (it was never
 * killed there). */
void         hd_test_crash_assert_killed (GSubprocess *child,
                                          gboolean    *exited,
                                          const char  *stage,
                                          guint        nth);

/* Every offer record in the journal of @journal_dir: handoff id → count. */
GHashTable  *hd_test_crash_count_offers  (const char  *journal_dir);
/* The journal in @journal_dir verifies, and holds one offer record for
 * each of @ids (char *) and none for anything else. */
void         hd_test_crash_assert_journaled_once (const char *journal_dir,
                                                  GPtrArray  *ids);

/* A session in Salesforce mode (--feed salesforce, showing offers created
 * up to a day before its first start) against the stand-in at
 * @login_url, signed in with @tokens_text (HdSfTokens in their keyring
 * form) from a token store in memory, as the app restores the keyring's
 * at start: every test of a run shares the one keyring. */
HdSession   *hd_test_crash_new_sf_session (const char  *login_url,
                                           const char  *client_id,
                                           const char  *tokens_text,
                                           const char  *data_dir,
                                           GError     **error);

G_END_DECLS
