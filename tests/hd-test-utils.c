/* hd-test-utils.c: what every test program shares (no GTK here)
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "hd-test-utils.h"

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static guint
timeout_scale (void)
{
  static guint scale;

  if (scale == 0)
    {
      const char *value = g_getenv ("HD_TEST_TIMEOUT_SCALE");
      guint64 parsed = 1;

      if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, 100, &parsed, NULL))
        parsed = 1;
      scale = (guint) parsed;
    }
  return scale;
}

void
hd_test_wait_begin (HdTestWait *wait,
                    guint       timeout_ms)
{
  wait->end = g_get_monotonic_time () + (gint64) timeout_ms * timeout_scale () * G_TIME_SPAN_MILLISECOND;
  wait->ticker = g_timeout_add (10, tick_cb, NULL);
}

/* One blocking iteration of the default context; FALSE once the deadline has passed. */
gboolean
hd_test_wait_iterate (HdTestWait *wait)
{
  if (g_get_monotonic_time () >= wait->end)
    return FALSE;
  g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

void
hd_test_wait_end (HdTestWait *wait)
{
  g_clear_handle_id (&wait->ticker, g_source_remove);
}

gboolean
hd_test_wait_until (HdTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  HdTestWait wait;
  gboolean held;

  hd_test_wait_begin (&wait, timeout_ms);
  while (!(held = condition (data)) && hd_test_wait_iterate (&wait))
    ;
  hd_test_wait_end (&wait);
  return held;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until *@flag is set; fails the test after @timeout_ms. */
void
hd_test_wait_flag (gboolean *flag,
                   guint     timeout_ms)
{
  if (!hd_test_wait_until (flag_set, flag, timeout_ms))
    g_error ("timed out after %u ms waiting for a flag", timeout_ms);
}

/* A new private folder under the system's temporary folder; fails the test when it cannot. */
char *
hd_test_make_tmp_dir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return path;
}

/* Removes @path and all below it; links are removed, never followed. */
void
hd_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      hd_test_rm_rf (child);
    }
  g_rmdir (path);
}

/* Points the XDG data, config, cache and state folders at a new private tree and returns its
 * root (remove it with hd_test_rm_rf at the end). Call it first in main (): GLib caches these
 * folders on first use. */
char *
hd_test_init_xdg (void)
{
  static const char * const subdirs[] = { "data", "config", "cache", "state" };
  static const char * const vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  char *root = hd_test_make_tmp_dir ("hd-test-XXXXXX");

  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (root, subdirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (vars[i], path, TRUE);
    }
  return root;
}

char *
hd_test_read_file (const char *path,
                   gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
hd_test_subprocess_exited_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  gboolean *exited = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL));
  *exited = TRUE;
}
