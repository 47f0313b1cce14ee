/* hd-test-utils.h: what every test program shares (no GTK here)
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long a test waits for something that should happen at once, before it fails. Generous:
 * a sanitizer build on a loaded 2-vCPU machine is slow, and a wait ends as soon as its
 * condition holds, so a long deadline costs nothing when the code is right. */
#define HD_TEST_TIMEOUT_MS 20000

typedef gboolean (*HdTestCondition) (gpointer data);

/* The one wait of the test suite: runs the default main context, blocking, until the caller's
 * condition holds or the deadline passes. A 10 ms ticker wakes the loop so that a condition
 * changed by another thread or process is seen too; nothing spins. The deadline is scaled by
 * HD_TEST_TIMEOUT_SCALE (the `leaks` setup's slow unwinder sets it). */
typedef struct
{
  gint64 end;
  guint  ticker;
} HdTestWait;

void     hd_test_wait_begin    (HdTestWait      *wait,
                                guint            timeout_ms);
gboolean hd_test_wait_iterate  (HdTestWait      *wait);
void     hd_test_wait_end      (HdTestWait      *wait);

gboolean hd_test_wait_until    (HdTestCondition  condition,
                                gpointer         data,
                                guint            timeout_ms);
void     hd_test_wait_flag     (gboolean        *flag,
                                guint            timeout_ms);

/* Waits until @expr holds, or fails the test naming @expr. */
#define HD_TEST_WAIT_UNTIL(expr, timeout_ms)                                         \
  G_STMT_START {                                                                     \
    HdTestWait hd_wait_;                                                             \
    hd_test_wait_begin (&hd_wait_, (timeout_ms));                                    \
    while (!(expr) && hd_test_wait_iterate (&hd_wait_))                              \
      ;                                                                              \
    hd_test_wait_end (&hd_wait_);                                                    \
    if (!(expr))                                                                     \
      g_error ("timed out after %u ms waiting for: %s", (guint) (timeout_ms), #expr); \
  } G_STMT_END

/* A GAsyncReadyCallback for g_subprocess_wait_async (): the wait must succeed, and
 * the gboolean at @user_data turns TRUE once the child has exited. */
void     hd_test_subprocess_exited_cb (GObject      *object,
                                       GAsyncResult *result,
                                       gpointer      user_data);

/* Temporary folders. */
char    *hd_test_make_tmp_dir  (const char      *name_template);
void     hd_test_rm_rf         (const char      *path);
char    *hd_test_init_xdg      (void);

/* Reads a whole file, failing the test when it cannot. */
char    *hd_test_read_file     (const char      *path,
                                gsize           *length);

G_END_DECLS
