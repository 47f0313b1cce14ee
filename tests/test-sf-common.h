/* test-sf-common.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "hd-error.h"
#include "hd-memory-token-store.h"
#include "hd-oauth.h"
#include "hd-outbox.h"
#include "hd-sf-auth.h"
#include "hd-sf-client.h"
#include "hd-sf-standin.h"

/* Shared by the Salesforce tests: a private XDG tree, main-loop waits that
 * fail instead of hanging, and a signed-in session against the stand-in
 * (through the real PKCE flow, with the headless browser). */

G_GNUC_UNUSED static char *sf_test_root;

/* Call first in main (): GLib caches the XDG directories on first use. */
G_GNUC_UNUSED static void
sf_test_init_xdg (void)
{
  g_autoptr(GError) error = NULL;
  const char *subdirs[] = { "data", "config", "cache", "state", NULL };
  const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", NULL };

  sf_test_root = g_dir_make_tmp ("hd-sf-test-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; subdirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (sf_test_root, subdirs[i], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (vars[i], path, TRUE);
    }
}

G_GNUC_UNUSED static void
sf_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          sf_test_rm_rf (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

G_GNUC_UNUSED static char *
sf_test_new_dir (const char *name)
{
  static guint counter;
  g_autofree char *leaf = g_strdup_printf ("%s-%u", name, ++counter);
  char *path = g_build_filename (g_get_user_data_dir (), "handoffdesk", leaf, NULL);

  g_mkdir_with_parents (path, 0700);
  return path;
}

static gboolean
sf_test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until *flag is set, failing after
 * @timeout_ms. */
G_GNUC_UNUSED static void
sf_test_wait_flag (gboolean *flag,
                   guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, sf_test_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

typedef gboolean (*SfTestCondition) (gpointer data);

G_GNUC_UNUSED static void
sf_test_wait_until (SfTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, sf_test_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

/* A GAsyncResult catcher. */
typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} SfTestAsync;

G_GNUC_UNUSED static void
sf_test_async_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SfTestAsync *async = user_data;

  async->result = g_object_ref (result);
  async->done = TRUE;
}

G_GNUC_UNUSED static GAsyncResult *
sf_test_async_wait (SfTestAsync *async)
{
  sf_test_wait_flag (&async->done, 20000);
  return async->result;
}

G_GNUC_UNUSED static void
sf_test_async_clear (SfTestAsync *async)
{
  g_clear_object (&async->result);
  async->done = FALSE;
}

G_GNUC_UNUSED static HdOAuth *
sf_test_new_oauth (HdSfStandin *standin)
{
  return hd_oauth_new (hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin), 0, "/OauthRedirect");
}

/* Signs in through the whole PKCE flow; asserts it worked. */
G_GNUC_UNUSED static void
sf_test_sign_in (HdSfAuth *auth)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  hd_sf_auth_sign_in_async (auth, hd_oauth_open_uri_headless, NULL, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  g_assert_true (hd_sf_auth_get_signed_in (auth));
  sf_test_async_clear (&async);
}

G_GNUC_UNUSED static HdSfAuth *
sf_test_new_signed_in_auth (HdSfStandin  *standin,
                            HdTokenStore *store)
{
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  HdSfAuth *auth = hd_sf_auth_new (oauth, store);

  sf_test_sign_in (auth);
  return auth;
}

G_GNUC_UNUSED static HdSfStandin *
sf_test_new_standin (void)
{
  g_autoptr(GError) error = NULL;
  HdSfStandin *standin = hd_sf_standin_new ();

  hd_sf_standin_start (standin, 0, &error);
  g_assert_no_error (error);
  return standin;
}

G_GNUC_UNUSED static guint
sf_test_count_log (HdSfStandin *standin,
                   const char  *prefix)
{
  g_auto(GStrv) log = hd_sf_standin_dup_write_log (standin);
  guint n = 0;

  for (guint i = 0; log[i] != NULL; i++)
    n += g_str_has_prefix (log[i], prefix);
  return n;
}

static gboolean
sf_test_bytes_contain (const char *haystack,
                       gsize       len,
                       const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= len; i++)
    if (haystack[i] == needle[0] && memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @needle occurs in any regular file under @path. */
G_GNUC_UNUSED static gboolean
sf_test_tree_contains (const char *path,
                       const char *needle,
                       guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          if (sf_test_tree_contains (child, needle, n_files))
            return TRUE;
          continue;
        }
      if (n_files != NULL)
        (*n_files)++;
      if (g_file_get_contents (child, &contents, &len, NULL) &&
          sf_test_bytes_contain (contents, len, needle))
        return TRUE;
    }
  return FALSE;
}
