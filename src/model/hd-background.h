/* hd-background.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Work that must never hold up a frame: decoding and journaling a big offer,
 * freeing its JSON.  It runs in a few threads of its own at a lower
 * scheduling priority (nice +10 on Linux), so on a busy desk the window's
 * thread gets the processor first.
 *
 * hd_background_run () runs @func (@task, its source object, its task data,
 * its cancellable) in one of these threads, like g_task_run_in_thread ():
 * @func returns the task's result, and the callback runs in the task's
 * context.  hd_background_release () runs @func (@data) there, in a thread
 * of its own, for what nobody waits for: freeing, starting writeback. */
void     hd_background_run          (GTask           *task,
                                     GTaskThreadFunc  func);
void     hd_background_release      (gpointer         data,
                                     GDestroyNotify   func);

G_END_DECLS
