/* hd-sf-auth.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-auth"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-sf-auth.h"

struct _HdSfAuth
{
  GObject       parent_instance;

  HdOAuth      *oauth;        /* owned */
  HdTokenStore *store;        /* owned */
  HdSfTokens   *tokens;       /* owned, nullable: the secrets live here in memory */
  HdSfIdentity *identity;     /* owned, nullable */
  gboolean      signed_in;
  guint         busy;
  GPtrArray    *refresh_waiters;  /* of GTask, owned; non-NULL while a refresh runs */
};

G_DEFINE_FINAL_TYPE (HdSfAuth, hd_sf_auth, G_TYPE_OBJECT)

enum { PROP_0, PROP_SIGNED_IN, PROP_IDENTITY, PROP_DISPLAY_NAME, PROP_BUSY, N_PROPS };
enum { SIGNED_OUT, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
busy_push (HdSfAuth *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
busy_pop (HdSfAuth *self)
{
  g_assert (self->busy > 0);
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_session (HdSfAuth     *self,
             HdSfTokens   *tokens,     /* transfer full, nullable */
             HdSfIdentity *identity,   /* transfer full, nullable */
             gboolean      signed_in)
{
  gboolean was_signed_in = self->signed_in;

  g_clear_pointer (&self->tokens, hd_sf_tokens_free);
  self->tokens = tokens;
  g_clear_pointer (&self->identity, hd_sf_identity_free);
  self->identity = identity;
  self->signed_in = signed_in;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
  if (was_signed_in != signed_in)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
hd_sf_auth_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdSfAuth *self = HD_SF_AUTH (object);

  switch (prop_id)
    {
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->signed_in);
      break;
    case PROP_IDENTITY:
      g_value_set_boxed (value, self->identity);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, hd_sf_auth_get_display_name (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sf_auth_finalize (GObject *object)
{
  HdSfAuth *self = HD_SF_AUTH (object);

  g_assert (self->refresh_waiters == NULL);
  g_clear_object (&self->oauth);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tokens, hd_sf_tokens_free);
  g_clear_pointer (&self->identity, hd_sf_identity_free);
  G_OBJECT_CLASS (hd_sf_auth_parent_class)->finalize (object);
}

static void
hd_sf_auth_class_init (HdSfAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_sf_auth_finalize;
  object_class->get_property = hd_sf_auth_get_property;

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IDENTITY] =
    g_param_spec_boxed ("identity", NULL, NULL, HD_TYPE_SF_IDENTITY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hd_sf_auth_init (HdSfAuth *self)
{
}

HdSfAuth *
hd_sf_auth_new (HdOAuth      *oauth,
                HdTokenStore *store)
{
  HdSfAuth *self;

  g_return_val_if_fail (HD_IS_OAUTH (oauth), NULL);
  g_return_val_if_fail (HD_IS_TOKEN_STORE (store), NULL);

  self = g_object_new (HD_TYPE_SF_AUTH, NULL);
  self->oauth = g_object_ref (oauth);
  self->store = g_object_ref (store);
  return self;
}

HdOAuth *
hd_sf_auth_get_oauth (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->oauth;
}

gboolean
hd_sf_auth_get_signed_in (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), FALSE);
  return self->signed_in;
}

const HdSfIdentity *
hd_sf_auth_get_identity (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->identity;
}

const char *
hd_sf_auth_get_display_name (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->identity != NULL ? self->identity->display_name : NULL;
}

const char *
hd_sf_auth_get_instance_url (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->signed_in && self->tokens != NULL ? self->tokens->instance_url : NULL;
}

const char *
hd_sf_auth_get_org_id (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->signed_in && self->tokens != NULL ? self->tokens->org_id : NULL;
}

const char *
hd_sf_auth_get_user_id (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->signed_in && self->tokens != NULL ? self->tokens->user_id : NULL;
}

gboolean
hd_sf_auth_get_busy (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), FALSE);
  return self->busy > 0;
}

const char *
hd_sf_auth_peek_access_token (HdSfAuth *self)
{
  g_return_val_if_fail (HD_IS_SF_AUTH (self), NULL);
  return self->signed_in && self->tokens != NULL ? self->tokens->access_token : NULL;
}

/* --- refresh --- */

static void
finish_refresh (HdSfAuth *self,
                GError   *error)   /* transfer full, nullable */
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->refresh_waiters);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  g_clear_error (&error);
  busy_pop (self);
}

static void
refresh_store_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HdSfAuth) self = user_data;
  g_autoptr(GError) error = NULL;

  /* With rotation the old refresh token is dead now; if the keyring
   * refuses the new one the session goes on in memory, and the agent signs
   * in again after a restart. */
  if (!hd_token_store_store_finish (HD_TOKEN_STORE (object), result, &error))
    g_warning ("Could not save the renewed Salesforce session in the keyring: %s", error->message);
  finish_refresh (self, NULL);
}

static void
end_session_clear_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!hd_token_store_clear_finish (HD_TOKEN_STORE (object), result, &error))
    g_warning ("Could not remove the ended Salesforce session from the keyring: %s", error->message);
}

static void
end_session (HdSfAuth   *self,
             const char *message)
{
  if (self->tokens != NULL)
    hd_token_store_clear_async (self->store, self->tokens->org_id, self->tokens->user_id,
                                NULL, end_session_clear_cb, NULL);
  set_session (self, NULL, NULL, FALSE);
  g_signal_emit (self, signals[SIGNED_OUT], 0, message);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HdSfAuth) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfTokens) fresh = NULL;

  if (!(fresh = hd_oauth_refresh_finish (HD_OAUTH (object), result, &error)))
    {
      if (g_error_matches (error, HD_ERROR, HD_ERROR_AUTH))
        {
          /* HdOAuth's message says what ended the session and, when an
           * administrator must change something, what. */
          g_autoptr(GError) ended = g_error_copy (error);

          g_message ("Salesforce refused the refresh token: %s", error->message);
          end_session (self, ended->message);
          finish_refresh (self, g_steal_pointer (&ended));
        }
      else
        finish_refresh (self, g_steal_pointer (&error));
      return;
    }

  if (self->tokens == NULL)
    {
      /* Signed out while the refresh ran. */
      finish_refresh (self, g_error_new_literal (HD_ERROR, HD_ERROR_AUTH, _("Not signed in to Salesforce")));
      return;
    }

  /* Without rotation the answer has no refresh_token: keep ours.  With it,
   * the new one replaces the old (which Salesforce has just invalidated). */
  if (fresh->refresh_token == NULL)
    fresh->refresh_token = g_strdup (self->tokens->refresh_token);
  g_clear_pointer (&self->tokens, hd_sf_tokens_free);
  self->tokens = g_steal_pointer (&fresh);
  hd_token_store_store_async (self->store, self->tokens, NULL, refresh_store_cb, g_object_ref (self));
}

static void
start_refresh (HdSfAuth *self,
               GTask    *waiter)
{
  if (self->refresh_waiters != NULL)
    {
      g_ptr_array_add (self->refresh_waiters, waiter);
      return;
    }
  self->refresh_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->refresh_waiters, waiter);
  busy_push (self);
  hd_oauth_refresh_async (self->oauth, self->tokens->refresh_token, NULL, refresh_cb, g_object_ref (self));
}

void
hd_sf_auth_refresh_async (HdSfAuth            *self,
                          const char          *stale_access_token,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HD_IS_SF_AUTH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_auth_refresh_async);

  if (self->tokens == NULL)
    g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("Not signed in to Salesforce"));
  else if (self->refresh_waiters == NULL && stale_access_token != NULL &&
           g_strcmp0 (stale_access_token, self->tokens->access_token) != 0)
    g_task_return_boolean (task, TRUE);   /* someone else refreshed already */
  else if (self->tokens->refresh_token == NULL)
    {
      end_session (self, _("Your Salesforce session has ended. Sign in again."));
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("Your Salesforce session has ended. Sign in again."));
    }
  else
    start_refresh (self, g_steal_pointer (&task));
}

gboolean
hd_sf_auth_refresh_finish (HdSfAuth      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- identity, shared by restore and sign-in --- */

typedef struct
{
  HdSfTokens *tokens;
  gboolean    refreshed;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_pointer (&pending->tokens, hd_sf_tokens_free);
  g_free (pending);
}

static void fetch_identity (GTask *task);

static void
restore_refresh_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);

  if (!hd_sf_auth_refresh_finish (self, result, &error))
    {
      busy_pop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&pending->tokens, hd_sf_tokens_free);
  pending->tokens = hd_sf_tokens_copy (self->tokens);
  fetch_identity (g_steal_pointer (&task));
}

static void
identity_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);
  HdSfIdentity *identity;

  identity = hd_oauth_fetch_identity_finish (HD_OAUTH (object), result, &error);
  if (identity == NULL && g_error_matches (error, HD_ERROR, HD_ERROR_AUTH) && !pending->refreshed)
    {
      /* The stored access token expired: the session, refresh once. */
      pending->refreshed = TRUE;
      set_session (self, hd_sf_tokens_copy (pending->tokens), NULL, TRUE);
      hd_sf_auth_refresh_async (self, pending->tokens->access_token, NULL, restore_refresh_cb,
                                g_steal_pointer (&task));
      return;
    }
  if (identity == NULL && error != NULL &&
      (error->domain == G_IO_ERROR || g_error_matches (error, HD_ERROR, HD_ERROR_HTTP)) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Offline at start-up: keep the session, the identity comes later. */
      g_message ("Signed in to Salesforce without the identity (%s)", error->message);
      set_session (self, g_steal_pointer (&pending->tokens), NULL, TRUE);
      busy_pop (self);
      g_task_return_boolean (task, TRUE);
      return;
    }
  busy_pop (self);
  if (identity == NULL)
    {
      set_session (self, NULL, NULL, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_session (self, g_steal_pointer (&pending->tokens), identity, TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
fetch_identity (GTask *task)
{
  HdSfAuth *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);

  hd_oauth_fetch_identity_async (self->oauth, pending->tokens, g_task_get_cancellable (task),
                                 identity_cb, task);
}

/* --- restore --- */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  HdSfTokens *tokens;
  Pending *pending;

  tokens = hd_token_store_lookup_finish (HD_TOKEN_STORE (object), result, &error);
  if (tokens == NULL)
    {
      busy_pop (self);
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, FALSE);
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->tokens = tokens;
  g_task_set_task_data (task, pending, (GDestroyNotify) pending_free);
  fetch_identity (g_steal_pointer (&task));
}

void
hd_sf_auth_restore_async (HdSfAuth            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SF_AUTH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_auth_restore_async);
  busy_push (self);
  hd_token_store_lookup_async (self->store, NULL, NULL, cancellable, lookup_cb, task);
}

gboolean
hd_sf_auth_restore_finish (HdSfAuth      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- sign-in --- */

static void
revoke_quietly_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!hd_oauth_revoke_finish (HD_OAUTH (object), result, &error))
    g_message ("Could not revoke the unsaved Salesforce token: %s", error->message);
}

static void
sign_in_store_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);

  if (!hd_token_store_store_finish (HD_TOKEN_STORE (object), result, &error))
    {
      /* No keyring, no session: never keep tokens anywhere else. */
      hd_oauth_revoke_async (self->oauth,
                             pending->tokens->refresh_token != NULL ? pending->tokens->refresh_token
                                                                    : pending->tokens->access_token,
                             NULL, revoke_quietly_cb, NULL);
      busy_pop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pending->refreshed = TRUE;   /* fresh tokens: no refresh needed for the identity */
  fetch_identity (g_steal_pointer (&task));
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  HdSfTokens *tokens;
  Pending *pending;

  if (!(tokens = hd_oauth_sign_in_finish (HD_OAUTH (object), result, &error)))
    {
      busy_pop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->tokens = tokens;
  g_task_set_task_data (task, pending, (GDestroyNotify) pending_free);
  hd_token_store_store_async (self->store, tokens, g_task_get_cancellable (task), sign_in_store_cb,
                              g_object_ref (task));
}

void
hd_sf_auth_sign_in_async (HdSfAuth            *self,
                          HdOAuthOpenUriFunc   open_uri,
                          gpointer             open_uri_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SF_AUTH (self));
  g_return_if_fail (open_uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_auth_sign_in_async);
  busy_push (self);
  hd_oauth_sign_in_async (self->oauth, open_uri, open_uri_data, cancellable, sign_in_cb, task);
}

gboolean
hd_sf_auth_sign_in_finish (HdSfAuth      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- sign-out --- */

typedef struct
{
  HdSfTokens *tokens;
  GError     *revoke_error;
} SignOut;

static void
sign_out_free (SignOut *sign_out)
{
  g_clear_pointer (&sign_out->tokens, hd_sf_tokens_free);
  g_clear_error (&sign_out->revoke_error);
  g_free (sign_out);
}

static void
sign_out_clear_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfAuth *self = g_task_get_source_object (task);
  SignOut *sign_out = g_task_get_task_data (task);

  busy_pop (self);
  if (!hd_token_store_clear_finish (HD_TOKEN_STORE (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (sign_out->revoke_error != NULL)
    g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                             _("Signed out, but Salesforce could not be told to revoke the session (%s)"),
                             sign_out->revoke_error->message);
  else
    g_task_return_boolean (task, TRUE);
}

static void
sign_out_revoke_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdSfAuth *self = g_task_get_source_object (task);
  SignOut *sign_out = g_task_get_task_data (task);

  hd_oauth_revoke_finish (HD_OAUTH (object), result, &sign_out->revoke_error);
  hd_token_store_clear_async (self->store, sign_out->tokens->org_id, sign_out->tokens->user_id,
                              NULL, sign_out_clear_cb, g_steal_pointer (&task));
}

void
hd_sf_auth_sign_out_async (HdSfAuth            *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignOut *sign_out;

  g_return_if_fail (HD_IS_SF_AUTH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_auth_sign_out_async);
  if (self->tokens == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  sign_out = g_new0 (SignOut, 1);
  sign_out->tokens = g_steal_pointer (&self->tokens);
  g_task_set_task_data (task, sign_out, (GDestroyNotify) sign_out_free);
  set_session (self, NULL, NULL, FALSE);
  busy_push (self);
  hd_oauth_revoke_async (self->oauth,
                         sign_out->tokens->refresh_token != NULL ? sign_out->tokens->refresh_token
                                                                 : sign_out->tokens->access_token,
                         NULL, sign_out_revoke_cb, g_steal_pointer (&task));
}

gboolean
hd_sf_auth_sign_out_finish (HdSfAuth      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
