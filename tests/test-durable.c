/* test-durable.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "hd-durable.h"
#include "hd-test-utils.h"

static guint
count_entries (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_write_and_replace (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-durable-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "entry.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GStatBuf st;

  g_assert_true (hd_durable_write_file (path, "{\"a\":1}", -1, 0600, &error));
  g_assert_no_error (error);
  first = hd_test_read_file (path, NULL);
  g_assert_cmpstr (first, ==, "{\"a\":1}");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Replaced whole, with an explicit length, and no temporary file left. */
  g_assert_true (hd_durable_write_file (path, "{\"a\":2}trailing", 7, 0600, &error));
  g_assert_no_error (error);
  second = hd_test_read_file (path, NULL);
  g_assert_cmpstr (second, ==, "{\"a\":2}");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_true (hd_durable_sync_directory (dir, &error));
  g_assert_no_error (error);

  hd_test_rm_rf (dir);
}

static void
test_errors (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-durable-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "entry.json", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (hd_durable_sync_directory (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A file is not a folder to sync. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_false (hd_durable_sync_directory (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (hd_durable_write_file (path, "x", -1, 0600, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  hd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/durable/write-and-replace", test_write_and_replace);
  g_test_add_func ("/durable/errors", test_errors);

  return g_test_run ();
}
