/* hd-test-demo-window.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-demo.h"
#include "hd-session.h"
#include "hd-window.h"

G_BEGIN_DECLS

/* The shipped window on a session of the built-in demo, as `handoffdesk --demo` opens
 * it, for the widget tests that drive the whole app (a test's fixture). */
typedef struct
{
  char      *dir;
  HdDemo    *demo;
  HdSession *session;
  HdWindow  *window;
} HdTestDemoWindow;

/* Starts the demo and its session in a new temporary folder named after @prefix,
 * presents the window of @app at @width × @height (or its default size for 0), and
 * returns once the feed is connected with the demo's first three offers queued. */
void hd_test_demo_window_open  (HdTestDemoWindow *self,
                                HdApplication    *app,
                                const char       *prefix,
                                int               width,
                                int               height);
/* Stops the session, destroys the window (which lets go of the session first) and
 * removes the folder. Does nothing for a window never opened. */
void hd_test_demo_window_close (HdTestDemoWindow *self);

G_END_DECLS
