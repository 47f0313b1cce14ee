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

G_END_DECLS
