/* hd-sf-check.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-case-field.h"
#include "hd-error.h"
#include "hd-sf-check.h"
#include "hd-sf-describe-cache.h"

typedef struct
{
  HdSfAuth   *auth;
  HdSfClient *client;
  GPtrArray  *problems;   /* of char *: what the org still needs */
  char       *summary;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->auth);
  g_clear_object (&check->client);
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_free (check->summary);
  g_free (check);
}

static void
finish (GTask *task)
{
  Check *check = g_task_get_task_data (task);

  if (check->summary == NULL)
    check->summary = hd_sf_auth_get_signed_in (check->auth)
                       ? g_strdup_printf (_("Signed in as %s"),
                                          hd_sf_auth_get_display_name (check->auth) != NULL
                                            ? hd_sf_auth_get_display_name (check->auth) : "")
                       : g_strdup (_("Not signed in"));
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
describe_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfDescribe) describe = hd_sf_describe_cache_refresh_finish (HD_SF_DESCRIBE_CACHE (object),
                                                                         result, &error);

  if (describe == NULL)
    {
      g_ptr_array_add (check->problems,
                       g_strdup_printf (_("HandoffDesk cannot read the Case object (%s): give the users "
                                          "“Read” and “Edit” on Cases and the “API Enabled” permission."),
                                        error->message));
      finish (task);
      return;
    }
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *name = hd_case_field_get_api_name (i);
      g_autoptr(GError) field_error = NULL;

      if (hd_sf_describe_check_field (describe, name, TRUE, &field_error))
        continue;
      if (i == HD_CASE_FIELD_DISPOSITION || i == HD_CASE_FIELD_NEXT_STEP)
        g_ptr_array_add (check->problems,
                         g_strdup_printf (_("%s: create a text or picklist field on Case for the %s and give "
                                            "the users edit access to it, or set its API name in the "
                                            "setting “%s”."),
                                          field_error->message,
                                          i == HD_CASE_FIELD_DISPOSITION ? _("disposition") : _("next step"),
                                          i == HD_CASE_FIELD_DISPOSITION ? "salesforce-disposition-field"
                                                                         : "salesforce-next-step-field"));
      else
        g_ptr_array_add (check->problems,
                         g_strdup_printf (_("%s: give the users edit access to it (field-level security)."),
                                          field_error->message));
    }
  finish (task);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_refresh_finish (HD_SF_AUTH (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      /* The message says what to change for the codes an administrator must fix. */
      g_ptr_array_add (check->problems,
                       g_strdup_printf (_("Salesforce would not renew the session, so agents would have to sign "
                                          "in again whenever it expires: %s. The app needs the “refresh_token” "
                                          "scope, and “Require secret for Refresh Token Flow” turned off."),
                                        error->message));
      if (!hd_sf_auth_get_signed_in (check->auth))
        {
          finish (task);
          return;
        }
    }
  /* Through the shared cache, so that the case editors follow what the
   * check found (If-Modified-Since: usually a 304). */
  hd_sf_describe_cache_refresh_async (hd_sf_describe_cache_get_for_auth (check->auth), check->client,
                                      g_task_get_cancellable (task), describe_cb, task);
}

static void
signed_in (GTask *task)
{
  Check *check = g_task_get_task_data (task);

  hd_sf_auth_refresh_async (check->auth, hd_sf_auth_peek_access_token (check->auth),
                            g_task_get_cancellable (task), refresh_cb, task);
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *callback_url = NULL;

  if (!hd_sf_auth_sign_in_finish (HD_SF_AUTH (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      check->summary = g_strdup (_("Could not sign in"));
      callback_url = hd_oauth_dup_callback_url (hd_sf_auth_get_oauth (check->auth));
      g_ptr_array_add (check->problems,
                       /* TRANSLATORS: the first %s is an error message, the second a URL */
                       g_strdup_printf (_("%s. The External Client App must list the callback URL %s exactly "
                                          "(with “localhost”, not “127.0.0.1”), allow the “api” and "
                                          "“refresh_token” scopes, require PKCE and not require a secret for "
                                          "the web server flow."), error->message, callback_url));
      finish (task);
      return;
    }
  signed_in (task);
}

void
hd_sf_check_connection_async (HdSfAuth            *auth,
                              const char          *api_version,
                              HdOAuthOpenUriFunc   open_uri,
                              gpointer             open_uri_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  Check *check;

  g_return_if_fail (HD_IS_SF_AUTH (auth));
  g_return_if_fail (api_version != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_check_connection_async);
  check = g_new0 (Check, 1);
  check->auth = g_object_ref (auth);
  check->client = hd_sf_client_new (auth, api_version);
  check->problems = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  if (hd_sf_auth_get_signed_in (auth))
    signed_in (task);
  else
    hd_sf_auth_sign_in_async (auth, open_uri, open_uri_data, cancellable, sign_in_cb, task);
}

GStrv
hd_sf_check_connection_finish (GAsyncResult  *result,
                               char         **summary,
                               GError       **error)
{
  Check *check;
  GStrv problems;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  check = g_task_get_task_data (G_TASK (result));
  problems = g_new0 (char *, check->problems->len + 1);
  for (guint i = 0; i < check->problems->len; i++)
    problems[i] = g_strdup (g_ptr_array_index (check->problems, i));
  if (summary != NULL)
    *summary = g_strdup (check->summary);
  return problems;
}
