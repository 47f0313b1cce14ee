/* hd-session.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-session-private.h"

enum { NOTICE, REQUEST_PENDING_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HdSession, hd_session, G_TYPE_OBJECT)

static void
reach_stage (HdSession      *self,
             HdSessionStage  stage)
{
  if (self->stage_func != NULL)
    self->stage_func (self, stage, self->stage_data);
}

static void
on_feed_stage (HdFeedStage  stage,
               gint64       seq,
               gpointer     user_data)
{
  static const HdSessionStage stages[] = {
    [HD_FEED_STAGE_DECODED] = HD_SESSION_STAGE_DECODED,
    [HD_FEED_STAGE_STATE_WRITTEN] = HD_SESSION_STAGE_STATE_WRITTEN,
    [HD_FEED_STAGE_ACKED] = HD_SESSION_STAGE_ACKED,
  };

  reach_stage (user_data, stages[stage]);
}

void
_hd_session_set_stage_func (HdSession          *self,
                            HdSessionStageFunc  func,
                            gpointer            user_data)
{
  g_return_if_fail (HD_IS_SESSION (self));

  self->stage_func = func;
  self->stage_data = user_data;
  _hd_feed_client_set_stage_func (self->feed, func != NULL ? on_feed_stage : NULL, self);
  _hd_session_set_sf_stage_func (self);
}

static void
notice (HdSession  *self,
        const char *message)
{
  g_signal_emit (self, signals[NOTICE], 0, message);
}

void
_hd_session_notice (HdSession  *self,
                    const char *message)
{
  notice (self, message);
}

/* The journal ------------------------------------------------------------ */

/* A journal that cannot be written must be noticed, but it must not take the agent's
 * chat away: log it with the handoff it concerns. */
static void
write_event (HdSession      *self,
             HdJournalEvent *event)
{
  g_autoptr(GError) error = NULL;

  if (!hd_journal_append (self->journal, event, &error))
    g_warning ("Could not journal %s of handoff %s: %s", hd_journal_event_get_event_type (event),
               hd_journal_event_get_handoff_id (event), error->message);
}

static void
write_held (HdSession *self)
{
  HdJournalEvent *event;

  while ((event = g_queue_pop_head (&self->held)) != NULL)
    {
      write_event (self, event);
      hd_journal_event_unref (event);
    }
}

/* In the feed's order: while a big offer is in the queue but not yet
 * presented (its journal record is being prepared in a worker, a few tens
 * of milliseconds), what happens meanwhile (the agent accepting it, say)
 * waits, so the journal never has an action on an offer before the offer. */
static void
append_event (HdSession      *self,
              HdJournalEvent *event)
{
  if (self->feed != NULL && hd_feed_client_is_presenting (self->feed))
    {
      g_queue_push_tail (&self->held, hd_journal_event_ref (event));
      return;
    }
  write_held (self);
  write_event (self, event);
}

static void
journal (HdSession   *self,
         const char  *handoff_id,
         HdActorKind  actor,
         const char  *actor_id,
         const char  *type,
         JsonNode    *payload)
{
  g_autoptr(HdJournalEvent) event = NULL;
  gboolean stamped;

  if (self->journal == NULL)
    {
      if (payload != NULL)
        json_node_unref (payload);
      return;
    }

  if (payload == NULL)
    payload = json_node_init_object (json_node_alloc (), json_object_new ());
  stamped = _hd_session_stamp_feed (self, json_node_get_object (payload));
  event = hd_journal_event_new (handoff_id, actor, actor_id, type, payload);
  json_node_unref (payload);
  append_event (self, event);
  if (stamped)
    _hd_session_note_feed (self);
}

static JsonNode *
payload_with_member (const char *name,
                     JsonNode   *value)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (value != NULL)
    json_object_set_member (object, name, value);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
payload_with_string (const char *name,
                     const char *value)
{
  return payload_with_member (name, value != NULL ? json_node_init_string (json_node_alloc (), value)
                                                  : NULL);
}

static HdActorKind
actor_for_speaker (const char *speaker)
{
  if (g_strcmp0 (speaker, "customer") == 0)
    return HD_ACTOR_CUSTOMER;
  if (g_strcmp0 (speaker, "bot") == 0)
    return HD_ACTOR_BOT;
  if (g_strcmp0 (speaker, "agent") == 0)
    return HD_ACTOR_AGENT;
  return HD_ACTOR_SYSTEM;
}

/* Runs where the feed client decodes the offer (a worker for a big one):
 * scrubbing and serialising a 10,000-turn packet for the journal takes tens
 * of milliseconds, too long for the main thread. */
static gpointer
prepare_offer (JsonObject *packet,
               gpointer    user_data)
{
  return hd_journal_payload_prepare_member ("packet", packet);
}

static void
on_offer_presented_cb (HdFeedClient *feed,
                       HdHandoff    *handoff,
                       JsonObject   *packet,
                       HdSession    *self)
{
  _hd_session_journal_offer (self, handoff, packet, hd_feed_client_get_offer_prepared (feed));
}

/* An offer either transport presented: journaled first, then what waited
 * for it.  @prepared: what the preparer made of @packet, or NULL. */
void
_hd_session_journal_offer (HdSession        *self,
                           HdHandoff        *handoff,
                           JsonObject       *packet,
                           HdJournalPayload *prepared)
{
  g_autoptr(HdJournalPayload) here = NULL;
  g_autoptr(HdJournalEvent) event = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  GDateTime *expires_at = hd_handoff_get_expires_at (handoff);
  gboolean stamped;

  if (self->journal == NULL)
    return;
  /* The preparer always ran for a presented offer; should it not have, the
   * same work is done here. */
  if (prepared == NULL)
    prepared = here = prepare_offer (packet, NULL);
  /* Its push expiry, for showing it again after a restart, and its feed
   * position, for not showing it twice. */
  if (expires_at != NULL)
    {
      g_autofree char *expires = hd_journal_format_time (expires_at);

      json_object_set_string_member (extra, "expires_at", expires);
    }
  stamped = _hd_session_stamp_feed (self, extra);
  event = hd_journal_event_new_prepared_with (hd_handoff_get_handoff_id (handoff), HD_ACTOR_SYSTEM,
                                              "router", HD_EVENT_OFFER, prepared, extra);
  /* First, then what waited for it. */
  write_event (self, event);
  if (stamped)
    _hd_session_note_feed (self);
  reach_stage (self, HD_SESSION_STAGE_JOURNALED);
  write_held (self);
}

/* A turn appended by either transport.  @salesforce: nullable, where the
 * Salesforce binding read it ({"sequence"}), so that a later run appends no
 * turn twice (hd-session-restore.c). */
void
_hd_session_journal_turn (HdSession  *self,
                          HdHandoff  *handoff,
                          JsonObject *turn,
                          JsonObject *salesforce)
{
  JsonNode *turn_node = json_node_new (JSON_NODE_OBJECT);
  const char *speaker = hd_json_get_string (turn, "speaker", NULL);
  JsonNode *payload;

  json_node_set_object (turn_node, turn);
  payload = payload_with_member ("turn", turn_node);
  if (salesforce != NULL)
    json_object_set_object_member (json_node_get_object (payload), "salesforce", json_object_ref (salesforce));
  journal (self, hd_handoff_get_handoff_id (handoff), actor_for_speaker (speaker),
           g_strcmp0 (speaker, "agent") == 0 ? self->agent_id : NULL,
           HD_EVENT_TRANSCRIPT, payload);
}

static void
on_turn_appended_cb (HdFeedClient *feed,
                     HdHandoff    *handoff,
                     JsonObject   *turn,
                     HdSession    *self)
{
  _hd_session_journal_turn (self, handoff, turn, NULL);
}

/* Each state a handoff reaches is journaled once, by whoever caused it. */
static void
on_handoff_state_cb (HdHandoff  *handoff,
                     GParamSpec *pspec,
                     HdSession  *self)
{
  const char *id = hd_handoff_get_handoff_id (handoff);
  HdHandoffState state = hd_handoff_get_state (handoff);
  gpointer seen = g_hash_table_lookup (self->watched, id);

  if (seen != NULL && GPOINTER_TO_UINT (seen) == (guint) state + 1)
    return;
  g_hash_table_insert (self->watched, g_strdup (id), GUINT_TO_POINTER ((guint) state + 1));

  /* A closed chat's unsent reply and case edits have nowhere to go. */
  if (!hd_handoff_is_open (handoff))
    hd_draft_store_clear (self->drafts, id);

  switch (state)
    {
    case HD_HANDOFF_STATE_ACCEPTED:
      journal (self, id, HD_ACTOR_AGENT, self->agent_id, HD_EVENT_ACCEPT, NULL);
      break;
    case HD_HANDOFF_STATE_DECLINED:
      journal (self, id, HD_ACTOR_AGENT, self->agent_id, HD_EVENT_DECLINE, NULL);
      break;
    case HD_HANDOFF_STATE_EXPIRED:
      /* The auditor tells an offer that timed out from one withdrawn by its reason. */
      journal (self, id, HD_ACTOR_SYSTEM, "router", HD_EVENT_EXPIRE,
               payload_with_string ("reason", hd_revoke_reason_to_string (HD_REVOKE_REASON_EXPIRED)));
      break;
    case HD_HANDOFF_STATE_REVOKED:
      journal (self, id, HD_ACTOR_SYSTEM, "router", HD_EVENT_REVOKE,
               payload_with_string ("reason",
                                    hd_revoke_reason_to_string (hd_handoff_get_revoke_reason (handoff))));
      break;
    case HD_HANDOFF_STATE_WRAPPED_UP:
      {
        gpointer said = g_hash_table_lookup (self->resolved, id);
        JsonNode *payload = NULL;

        if (said != NULL)
          payload = payload_with_member ("resolved",
                                         json_node_init_boolean (json_node_alloc (),
                                                                 GPOINTER_TO_UINT (said) == 2));
        journal (self, id, HD_ACTOR_AGENT, self->agent_id, HD_EVENT_WRAP_UP, payload);
      }
      break;
    case HD_HANDOFF_STATE_OFFERED:
    default:
      break;
    }
}

static void
on_queue_items_changed_cb (GListModel *queue,
                           guint       position,
                           guint       removed,
                           guint       added,
                           HdSession  *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);
      const char *id = hd_handoff_get_handoff_id (handoff);

      if (!self->restoring)
        reach_stage (self, HD_SESSION_STAGE_SHOWN);

      if (g_hash_table_contains (self->watched, id))
        continue;
      g_hash_table_insert (self->watched, g_strdup (id),
                           GUINT_TO_POINTER ((guint) hd_handoff_get_state (handoff) + 1));
      g_signal_connect_object (handoff, "notify::state", G_CALLBACK (on_handoff_state_cb), self, 0);
    }
}

void
hd_session_journal_agent_event (HdSession  *self,
                                const char *handoff_id,
                                const char *type,
                                JsonObject *payload)
{
  JsonNode *node = NULL;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL && type != NULL);

  if (payload != NULL)
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (node, payload);
    }
  journal (self, handoff_id, HD_ACTOR_AGENT, self->agent_id, type, node);
}

/* The supervisor stream ---------------------------------------------------- */

static void
on_queue_snapshot_cb (HdFeedClient *feed,
                      JsonObject   *body,
                      HdSession    *self)
{
  hd_supervisor_model_apply_snapshot (self->supervisor, body);
}

static void
on_queue_event_cb (HdFeedClient *feed,
                   JsonObject   *body,
                   HdSession    *self)
{
  hd_supervisor_model_apply_event (self->supervisor, body);
}

/* Construction ------------------------------------------------------------ */

static gboolean
ensure_dir (const char  *path,
            GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, HD_ERROR, HD_ERROR_IO, _("Could not create the folder %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Offers and turns are appended without an fsync of their own (docs/journal.md);
 * the feed acknowledges them only once this has made them durable, or a power
 * cut after the ack would lose what the router never sends again. */
gboolean
_hd_session_commit_journal (gpointer   user_data,
                            GError   **error)
{
  HdSession *self = user_data;

  return self->journal == NULL || hd_journal_sync (self->journal, error);
}

gboolean
_hd_session_setup (HdSession   *self,
                   const char  *url,
                   const char  *token,
                   const char  *state_path,
                   GError     **error)
{
  g_autofree char *journal_dir = g_build_filename (self->data_dir, "journal", NULL);
  g_autofree char *drafts_dir = g_build_filename (self->data_dir, "drafts", NULL);
  g_autoptr(GError) journal_error = NULL;
  HdQueue *queue;

  if (!ensure_dir (self->data_dir, error))
    return FALSE;

  /* What the agent types, saved as they type, for after a crash; in the
   * user's data folder with the journal, never in it. */
  self->drafts = hd_draft_store_new (drafts_dir);
  hd_draft_store_set_default (self->drafts);

  self->feed = hd_feed_client_new (url, self->agent_id, token, state_path, NULL);
  queue = hd_feed_client_get_queue (self->feed);
  g_signal_connect_object (queue, "items-changed", G_CALLBACK (on_queue_items_changed_cb), self, 0);
  hd_feed_client_set_offer_preparer (self->feed, prepare_offer, NULL,
                                     (GDestroyNotify) hd_journal_payload_free);
  g_signal_connect_object (self->feed, "offer-presented", G_CALLBACK (on_offer_presented_cb), self, 0);
  g_signal_connect_object (self->feed, "turn-appended", G_CALLBACK (on_turn_appended_cb), self, 0);

  /* The same connection carries the supervisor stream once subscribed (all queues). */
  self->supervisor = hd_supervisor_model_new ();
  g_signal_connect_object (self->feed, "queue-snapshot", G_CALLBACK (on_queue_snapshot_cb), self, 0);
  g_signal_connect_object (self->feed, "queue-event", G_CALLBACK (on_queue_event_cb), self, 0);
  hd_feed_client_subscribe_queues (self->feed, NULL);

  /* Without a journal there is no audit trail; the agent is told by the window, but the
   * chats still flow. */
  self->journal = hd_journal_new (journal_dir, NULL, &journal_error);
  if (self->journal == NULL)
    g_warning ("The event journal in %s could not be opened: %s", journal_dir, journal_error->message);
  else if (hd_journal_get_last_error (self->journal) != NULL)
    g_warning ("Event journal: %s", hd_journal_get_last_error (self->journal));
  _hd_session_watch_journal (self);
  if (self->journal != NULL)
    hd_feed_client_set_commit_func (self->feed, _hd_session_commit_journal, self);

  return TRUE;
}

/**
 * hd_session_check_feed_url:
 *
 * Only wss:// is accepted, and ws:// when the host is this computer: a feed carries
 * customer data and a bearer token, which never travel in the clear.
 */
gboolean
hd_session_check_feed_url (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  if (uri == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a URL"), url ? url : "");
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_strcmp0 (scheme, "wss") == 0)
    return TRUE;
  if (g_strcmp0 (scheme, "ws") == 0 &&
      (g_strcmp0 (host, "localhost") == 0 || g_str_has_prefix (host ? host : "", "127.") ||
       g_strcmp0 (host, "::1") == 0 || g_strcmp0 (host, "[::1]") == 0))
    return TRUE;

  g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
               _("The feed URL must start with wss:// (ws:// is allowed only for this computer): %s"),
               url);
  return FALSE;
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HdSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_restore_finish (HD_SF_AUTH (object), result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    notice (self, error->message);
}

static void
demo_sign_in_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HdSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_sign_in_finish (HD_SF_AUTH (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The demo could not sign in to the Salesforce stand-in: %s"),
                                                  error->message);
      notice (self, message);
    }
}

HdSession *
hd_session_new_for_feed (const char  *url,
                         const char  *agent_id,
                         const char  *token,
                         const char  *data_dir,
                         GError     **error)
{
  g_autoptr(HdSession) self = NULL;
  g_autofree char *state_path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (!hd_session_check_feed_url (url, error))
    return NULL;

  self = g_object_new (HD_TYPE_SESSION, NULL);
  self->data_dir = g_strdup (data_dir);
  self->agent_id = g_strdup (agent_id != NULL && *agent_id ? agent_id : g_get_user_name ());
  state_path = g_build_filename (data_dir, "feed-state.json", NULL);

  if (!_hd_session_setup (self, url, token, state_path, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
hd_session_forget_feed_position (const char *data_dir)
{
  g_autofree char *state_path = NULL;

  g_return_if_fail (data_dir != NULL);

  state_path = g_build_filename (data_dir, "feed-state.json", NULL);
  g_unlink (state_path);
}

void
hd_session_set_demo (HdSession          *self,
                     HdOAuthOpenUriFunc  open_uri)
{
  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (open_uri != NULL);

  self->demo_open_uri = open_uri;
}

void
hd_session_start (HdSession *self)
{
  g_return_if_fail (HD_IS_SESSION (self));

  /* Before the feed: what the journal holds decides what is shown again
   * and what is not shown twice.  It is read in a worker, so a long
   * journal never holds up the window; the feed starts once it is in. */
  _hd_session_load_and_start (self);

  if (self->sf_auth == NULL)
    return;
  if (self->demo_open_uri != NULL)
    hd_sf_auth_sign_in_async (self->sf_auth, self->demo_open_uri, NULL, self->cancellable,
                              demo_sign_in_cb, g_object_ref (self));
  else
    hd_sf_auth_restore_async (self->sf_auth, self->cancellable, restore_cb, g_object_ref (self));
}

void
hd_session_stop (HdSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HD_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);
  if (self->feed != NULL)
    hd_feed_client_stop (self->feed);
  if (self->sf_feed != NULL)
    hd_sf_feed_stop (self->sf_feed);
  if (self->journal != NULL && !hd_journal_sync (self->journal, &error))
    g_warning ("Could not flush the event journal: %s", error->message);
  _hd_session_save_index (self);
  if (self->drafts != NULL)
    hd_draft_store_flush (self->drafts, NULL);
}

gboolean
hd_session_get_is_demo (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  return self->demo_open_uri != NULL;
}

const char *
hd_session_get_agent_id (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->agent_id;
}

const char *
hd_session_get_data_dir (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->data_dir;
}

HdFeedClient *
hd_session_get_feed (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->feed;
}

HdQueue *
hd_session_get_queue (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return hd_feed_client_get_queue (self->feed);
}

HdJournal *
hd_session_get_journal (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->journal;
}

HdSupervisorModel *
hd_session_get_supervisor_model (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->supervisor;
}

HdSfAuth *
hd_session_get_sf_auth (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->sf_auth;
}

HdSfClient *
hd_session_get_sf_client (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->sf_client;
}

HdDraftStore *
hd_session_get_drafts (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->drafts;
}

HdOutbox *
hd_session_get_outbox (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), NULL);
  return self->outbox;
}

static void
hd_session_dispose (GObject *object)
{
  HdSession *self = HD_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->index_save_id, g_source_remove);

  if (self->feed != NULL)
    hd_feed_client_stop (self->feed);
  /* Before the journal closes: it stores its position after a journal sync. */
  if (self->sf_feed != NULL)
    hd_sf_feed_stop (self->sf_feed);
  g_clear_object (&self->sf_feed);
  if (self->journal != NULL)
    {
      /* An offer still being prepared is not acknowledged: the router
       * offers it again next time, and it is journaled then. */
      if (!g_queue_is_empty (&self->held))
        g_message ("Journaling %u events that waited for an offer still being prepared",
                   g_queue_get_length (&self->held));
      write_held (self);
      hd_journal_close (self->journal, NULL);
      _hd_session_save_index (self);
    }
  g_queue_clear_full (&self->held, (GDestroyNotify) hd_journal_event_unref);

  if (self->drafts != NULL && hd_draft_store_get_default () == self->drafts)
    hd_draft_store_set_default (NULL);
  g_clear_object (&self->drafts);
  g_clear_object (&self->feed);
  g_clear_object (&self->journal);
  g_clear_object (&self->outbox);
  g_clear_object (&self->sf_client);
  g_clear_object (&self->sf_auth);
  g_clear_object (&self->supervisor);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hd_session_parent_class)->dispose (object);
}

static void
hd_session_finalize (GObject *object)
{
  HdSession *self = HD_SESSION (object);

  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->resolved, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->index, hd_journal_index_free);
  g_clear_pointer (&self->unindexed, g_ptr_array_unref);
  g_clear_pointer (&self->unindexed_paths, g_ptr_array_unref);
  g_free (self->data_dir);
  g_free (self->agent_id);

  G_OBJECT_CLASS (hd_session_parent_class)->finalize (object);
}

static void
hd_session_class_init (HdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_session_dispose;
  object_class->finalize = hd_session_finalize;

  /* "notice" (const char *message): something the agent should read, e.g. a keyring
   * problem at sign-in. */
  signals[NOTICE] = g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* "request-pending-changed" (const char *handoff_id): an accept or decline for the
   * handoff was sent, or the routing layer answered it; see
   * hd_session_is_request_pending (). */
  signals[REQUEST_PENDING_CHANGED] = g_signal_new ("request-pending-changed", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
_hd_session_set_request_pending (HdSession  *self,
                                 const char *handoff_id,
                                 gboolean    pending)
{
  gboolean changed = pending ? g_hash_table_add (self->pending, g_strdup (handoff_id))
                             : g_hash_table_remove (self->pending, handoff_id);

  if (changed)
    g_signal_emit (self, signals[REQUEST_PENDING_CHANGED], 0, handoff_id);
}

static void
hd_session_init (HdSession *self)
{
  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}
