/* hd-session-salesforce.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-session"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hd-error.h"
#include "hd-session-private.h"
#include "hd-sf-stage-private.h"

/* The Salesforce transport of a session (docs/feed-protocol.md, "Salesforce
 * binding"): offers from the org's event bus instead of a routing layer's
 * WebSocket, into the same queue and journal, with the same exactly-once
 * rules.  It starts once the session is signed in to Salesforce, whose
 * session it reuses. */

static void
on_sf_stage (HdSfStage  stage,
             gint64     replay_id,
             gpointer   user_data)
{
  static const HdSessionStage stages[] = {
    [HD_SF_STAGE_DECODED] = HD_SESSION_STAGE_DECODED,
    [HD_SF_STAGE_STATE_WRITTEN] = HD_SESSION_STAGE_STATE_WRITTEN,
    [HD_SF_STAGE_ACKED] = HD_SESSION_STAGE_ACKED,
  };
  HdSession *self = user_data;

  if (self->stage_func != NULL)
    self->stage_func (self, stages[stage], self->stage_data);
}

/* The crash tests' hook reaches the Salesforce transport too, whichever
 * of it and the feed is set up first. */
void
_hd_session_set_sf_stage_func (HdSession *self)
{
  if (self->sf_feed != NULL)
    _hd_sf_feed_set_stage_func (self->sf_feed, self->stage_func != NULL ? on_sf_stage : NULL, self);
}

static void
sf_offer_presented_cb (HdSfFeed   *feed,
                       HdHandoff  *handoff,
                       JsonObject *packet,
                       HdSession  *self)
{
  _hd_session_journal_offer (self, handoff, packet, NULL);
}

/* Journaled as the WebSocket feed's turns are, with the turn's sequence,
 * which tells a later run what not to append again.  (Not the record id:
 * the journal masks runs of digits, and an id has them.) */
static void
sf_turn_appended_cb (HdSfFeed   *feed,
                     HdHandoff  *handoff,
                     JsonObject *turn,
                     const char *handoff_record_id,
                     gint64      sequence,
                     HdSession  *self)
{
  g_autoptr(JsonObject) salesforce = json_object_new ();

  json_object_set_int_member (salesforce, "sequence", sequence);
  _hd_session_journal_turn (self, handoff, turn, salesforce);
}

static void
sf_notice_cb (HdSfFeed   *feed,
              const char *message,
              HdSession  *self)
{
  _hd_session_notice (self, message);
}

static void
start_when_signed_in (HdSession *self)
{
  /* Not before the journal is read: what it holds decides what is not
   * shown twice (hd-session-restore.c). */
  if (!self->transport_ready)
    return;
  if (self->sf_feed == NULL || self->sf_auth == NULL || !hd_sf_auth_get_signed_in (self->sf_auth))
    return;
  if (hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (self->sf_feed)) != HD_BAYEUX_STATE_STOPPED)
    return;
  hd_sf_feed_start (self->sf_feed);
}

void
_hd_session_start_transport (HdSession *self)
{
  self->transport_ready = TRUE;
  if (self->sf_feed == NULL)
    hd_feed_client_start (self->feed);
  else
    start_when_signed_in (self);
}

static void
signed_in_cb (HdSfAuth   *auth,
              GParamSpec *pspec,
              HdSession  *self)
{
  if (hd_sf_auth_get_signed_in (auth))
    start_when_signed_in (self);
  else if (self->sf_feed != NULL)
    hd_sf_feed_stop (self->sf_feed);
}

gboolean
_hd_session_setup_salesforce_with_store (HdSession     *self,
                                         HdOAuth       *oauth,
                                         HdTokenStore  *store,
                                         const char    *api_version,
                                         GError       **error)
{
  g_autofree char *outbox_dir = g_build_filename (self->data_dir, "outbox", NULL);
  g_autoptr(GError) outbox_error = NULL;

  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->sf_auth == NULL, FALSE);

  self->sf_auth = hd_sf_auth_new (oauth, store);
  self->sf_client = hd_sf_client_new (self->sf_auth, api_version);

  /* Another instance holding the outbox must not stop this one from showing chats. */
  self->outbox = hd_outbox_new (outbox_dir, self->sf_client, &outbox_error);
  if (self->outbox == NULL)
    {
      g_warning ("Case edits are disabled: %s", outbox_error->message);
      g_propagate_error (error, g_steal_pointer (&outbox_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
hd_session_setup_salesforce (HdSession   *self,
                             const char  *login_url,
                             const char  *client_id,
                             guint        redirect_port,
                             const char  *redirect_path,
                             const char  *api_version,
                             GError     **error)
{
  g_autoptr(HdOAuth) oauth = NULL;
  g_autoptr(HdTokenStore) store = NULL;

  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->sf_auth == NULL, FALSE);

  if (client_id == NULL || *client_id == '\0')
    return TRUE;  /* not configured: the case editor says so */

  oauth = hd_oauth_new (login_url, client_id, redirect_port, redirect_path);
  store = hd_keyring_token_store_new ();
  return _hd_session_setup_salesforce_with_store (self, oauth, store, api_version, error);
}

/**
 * hd_session_new_for_salesforce:
 *
 * A session whose offers come from Salesforce: call
 * hd_session_setup_salesforce () and hd_session_use_salesforce_feed () on
 * it before hd_session_start ().
 */
HdSession *
hd_session_new_for_salesforce (const char  *agent_id,
                               const char  *data_dir,
                               GError     **error)
{
  g_autoptr(HdSession) self = NULL;
  g_autofree char *state_path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (HD_TYPE_SESSION, NULL);
  self->data_dir = g_strdup (data_dir);
  self->agent_id = g_strdup (agent_id != NULL && *agent_id ? agent_id : g_get_user_name ());
  state_path = g_build_filename (data_dir, "feed-state.json", NULL);
  /* The WebSocket feed client holds the queue and is never started: no
   * routing layer is configured, and nothing connects to this address. */
  if (!_hd_session_setup (self, "wss://salesforce.invalid/", NULL, state_path, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
hd_session_use_salesforce_feed (HdSession  *self,
                                guint       window_s,
                                GError    **error)
{
  g_autofree char *state_path = NULL;

  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (self->sf_feed == NULL, FALSE);

  if (self->sf_client == NULL)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_AUTH,
                           _("Handoffs from Salesforce need Salesforce to be set up in Preferences"));
      return FALSE;
    }
  state_path = g_build_filename (self->data_dir, "sf-feed-state.json", NULL);
  self->sf_feed = hd_sf_feed_new (self->sf_client, state_path, hd_feed_client_get_queue (self->feed));
  hd_sf_feed_set_window (self->sf_feed, window_s);
  if (self->journal != NULL)
    hd_sf_feed_set_commit_func (self->sf_feed, _hd_session_commit_journal, self);
  g_signal_connect_object (self->sf_feed, "offer-presented", G_CALLBACK (sf_offer_presented_cb), self, 0);
  g_signal_connect_object (self->sf_feed, "turn-appended", G_CALLBACK (sf_turn_appended_cb), self, 0);
  g_signal_connect_object (self->sf_feed, "notice", G_CALLBACK (sf_notice_cb), self, 0);
  g_signal_connect_object (self->sf_auth, "notify::signed-in", G_CALLBACK (signed_in_cb), self, 0);
  _hd_session_set_sf_stage_func (self);
  start_when_signed_in (self);
  return TRUE;
}

/**
 * hd_session_forget_salesforce_position:
 *
 * Forgets the stored replayId in @data_dir: the demo's stand-in is a new
 * org every run, whose replayIds mean nothing to the next one.
 */
void
hd_session_forget_salesforce_position (const char *data_dir)
{
  g_autofree char *state_path = NULL;

  g_return_if_fail (data_dir != NULL);
  state_path = g_build_filename (data_dir, "sf-feed-state.json", NULL);
  g_unlink (state_path);
}

HdSfFeed *
hd_session_get_sf_feed (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->sf_feed;
}
