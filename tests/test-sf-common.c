/* test-sf-common.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-standin-streaming.h"
#include "test-sf-common.h"

char *sf_test_root;

void
sf_test_init (int    *argc,
              char ***argv)
{
  sf_test_root = hd_test_init_xdg ();
  g_test_init (argc, argv, NULL);
}

int
sf_test_run (void)
{
  int ret = g_test_run ();

  hd_test_rm_rf (sf_test_root);
  g_clear_pointer (&sf_test_root, g_free);
  return ret;
}

char *
sf_test_new_dir (const char *name)
{
  static guint counter;
  g_autofree char *leaf = g_strdup_printf ("%s-%u", name, ++counter);
  char *path = g_build_filename (g_get_user_data_dir (), "handoffdesk", leaf, NULL);

  g_mkdir_with_parents (path, 0700);
  return path;
}

void
sf_test_async_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SfTestAsync *async = user_data;

  async->result = g_object_ref (result);
  async->done = TRUE;
}

GAsyncResult *
sf_test_async_wait (SfTestAsync *async)
{
  hd_test_wait_flag (&async->done, 20000);
  return async->result;
}

void
sf_test_async_clear (SfTestAsync *async)
{
  g_clear_object (&async->result);
  async->done = FALSE;
}

HdOAuth *
sf_test_new_oauth (HdSfStandin *standin)
{
  return hd_oauth_new (hd_sf_standin_get_url (standin), hd_sf_standin_get_client_id (standin), 0, "/OauthRedirect");
}

void
sf_test_sign_in (HdSfAuth *auth)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  hd_sf_auth_sign_in_async (auth, hd_demo_browser_open_uri, NULL, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_sf_auth_sign_in_finish (auth, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  g_assert_true (hd_sf_auth_get_signed_in (auth));
  sf_test_async_clear (&async);
}

HdSfAuth *
sf_test_new_signed_in_auth (HdSfStandin  *standin,
                            HdTokenStore *store)
{
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  HdSfAuth *auth = hd_sf_auth_new (oauth, store);

  sf_test_sign_in (auth);
  return auth;
}

HdSfStandin *
sf_test_new_standin (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *describe_cache = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", NULL);
  HdSfStandin *standin = hd_sf_standin_new ();

  /* Every stand-in is a new org that shares the previous one's id.  A
   * describe cached from the previous one, stamped in the same second as
   * this one's change, would be answered 304 and kept: start each test
   * with no cache, as a new org would. */
  hd_test_rm_rf (describe_cache);
  hd_sf_standin_start (standin, 0, &error);
  g_assert_no_error (error);
  return standin;
}

gint64
sf_test_publish (HdSfStandin *standin,
                 const char  *kind)
{
  g_autoptr(JsonObject) payload = json_object_new ();

  json_object_set_string_member (payload, "Kind__c", kind);
  json_object_set_string_member (payload, "Agent_User_Id__c", hd_sf_standin_get_user_id (standin));
  return hd_sf_standin_publish_event (standin, HD_SF_STANDIN_EVENT_CHANNEL, payload, NULL);
}

guint
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

gboolean
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
