/* hd-sf-feed.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-durable.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-packet-parser.h"
#include "hd-sf-feed-private.h"
#include "hd-sf-util.h"

/* The events of the Salesforce binding, applied one at a time in the order
 * the Streaming API delivered them (an offer's REST read holds the ones
 * behind it), and the replayId stored once they are durable.  Requests and
 * answers are in hd-sf-feed-requests.c. */

#define STATE_MAX_BYTES 65536
#define HANDOFF_FIELDS "Handoff_Id__c,Packet__c,Status__c,Offer_Expires_At__c"

G_DEFINE_FINAL_TYPE (HdSfFeed, hd_sf_feed, G_TYPE_OBJECT)

enum { OFFER_PRESENTED, NOTICE, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { PROP_0, PROP_RELAYS_AGENT_MESSAGES, N_PROPS };

static void process (HdSfFeed *self);

static void
reach_stage (HdSfFeed  *self,
             HdSfStage  stage,
             gint64     replay_id)
{
  if (self->stage_func != NULL)
    self->stage_func (stage, replay_id, self->stage_data);
}

static void
notice (HdSfFeed   *self,
        const char *message)
{
  g_message ("Salesforce feed: %s", message);
  g_signal_emit (self, signals[NOTICE], 0, message);
}

void
_hd_sf_feed_notice (HdSfFeed   *self,
                    const char *message)
{
  notice (self, message);
}

/* --- the stored replayId --- */

static void
load_state (HdSfFeed *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *replay;
  JsonNode *node;

  self->stored = HD_BAYEUX_REPLAY_EARLIEST;
  self->first_start = TRUE;
  if (self->state_path == NULL || !g_file_test (self->state_path, G_FILE_TEST_EXISTS))
    return;
  root = hd_bounded_json_load_file (self->state_path, STATE_MAX_BYTES, HD_BOUNDED_JSON_MAX_DEPTH, &error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "replay") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "replay")))
    {
      g_message ("Salesforce feed: the stored position is unusable, starting over: %s",
                 error != NULL ? error->message : "no replay map");
      return;
    }
  replay = json_object_get_object_member (json_node_get_object (root), "replay");
  node = json_object_get_member (replay, HD_SF_FEED_CHANNEL);
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      self->stored = json_node_get_int (node);
      self->first_start = FALSE;
    }
}

/* The journal first, then the position: after a crash between the two,
 * the events are replayed and the queue refuses the offers the journal
 * holds. */
static void
store_state (HdSfFeed *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *replay;

  if (self->applied == self->stored)
    return;
  if (self->commit != NULL && !self->commit (self->commit_data, &error))
    {
      /* Every run of events tries again; one warning says it until one works. */
      if (!self->commit_failing)
        g_warning ("Salesforce feed: the journal could not be made durable; the position is held back: %s",
                   error->message);
      else
        g_message ("Salesforce feed: the journal is still not durable: %s", error->message);
      self->commit_failing = TRUE;
      return;
    }
  self->commit_failing = FALSE;
  if (self->state_path != NULL)
    {
      root = json_object_new ();
      replay = json_object_new ();
      json_object_set_int_member (replay, HD_SF_FEED_CHANNEL, self->applied);
      json_object_set_object_member (root, "replay", replay);
      node = json_node_init_object (json_node_alloc (), root);
      text = json_to_string (node, FALSE);
      if (!hd_durable_write_file (self->state_path, text, -1, 0600, &error))
        {
          g_warning ("Salesforce feed: the position could not be stored: %s", error->message);
          return;
        }
    }
  self->stored = self->applied;
  reach_stage (self, HD_SF_STAGE_STATE_WRITTEN, self->stored);
}

/* --- applying events --- */

static void
advance (HdSfFeed *self)
{
  JsonObject *payload = g_queue_pop_head (&self->events);

  self->applied = json_object_get_int_member (payload, "replayId");
  json_object_unref (payload);
  self->busy = FALSE;
  self->attempt = 0;
  if (g_queue_is_empty (&self->events))
    store_state (self);
}

static GDateTime *
parse_time (JsonObject *payload,
            const char *field)
{
  const char *text = hd_json_get_string (payload, field, NULL);

  return text != NULL ? hd_sf_parse_datetime (text) : NULL;
}

/* Whether a first start should skip this offer: created before the window,
 * or already expired. */
static gboolean
outside_window (HdSfFeed   *self,
                JsonObject *payload)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) created = parse_time (payload, "CreatedDate");
  g_autoptr(GDateTime) expires = parse_time (payload, "Expires_At__c");

  if (!self->first_start)
    return FALSE;
  if (expires != NULL && g_date_time_compare (expires, now) <= 0)
    return TRUE;
  return created != NULL && g_date_time_difference (now, created) > (GTimeSpan) self->window_s * G_TIME_SPAN_SECOND;
}

static void
drop_offer (HdSfFeed   *self,
            const char *handoff_id,
            const char *why)
{
  self->n_dropped++;
  g_message ("Salesforce feed: offer %s dropped: %s", handoff_id, why);
}

static void
present (HdSfFeed   *self,
         JsonObject *event,
         JsonObject *record)
{
  const char *handoff_id = hd_json_get_string (event, "Handoff_Id__c", "");
  const char *packet_text = hd_json_get_string (record, "Packet__c", NULL);
  g_autoptr(GDateTime) expires = parse_time (event, "Expires_At__c");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(HdHandoff) handoff = NULL;

  if (g_strcmp0 (hd_json_get_string (record, "Handoff_Id__c", NULL), handoff_id) != 0)
    {
      drop_offer (self, handoff_id, "the record holds another handoff");
      return;
    }
  if (packet_text == NULL ||
      (root = hd_bounded_json_parse (packet_text, strlen (packet_text), HD_PACKET_DEFAULT_MAX_DEPTH, NULL, &error)) == NULL ||
      (packet = hd_packet_parse_node (root, NULL, &error)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("An offer from Salesforce was refused: its packet is not valid (%s)"),
                                                  error != NULL ? error->message : _("no packet"));

      self->n_dropped++;
      notice (self, message);
      return;
    }
  if (g_strcmp0 (hd_packet_get_handoff_id (packet), handoff_id) != 0)
    {
      drop_offer (self, handoff_id, "the packet names another handoff");
      return;
    }
  handoff = hd_handoff_new (packet, expires);
  reach_stage (self, HD_SF_STAGE_DECODED, json_object_get_int_member (event, "replayId"));
  /* The queue refuses a handoff id it has seen, in this run or (remembered
   * from the journal) in an earlier one: exactly once. */
  if (hd_queue_add (self->queue, handoff))
    {
      _hd_sf_feed_note_record (self, handoff_id,
                               hd_json_get_string (event, "Handoff_Record_Id__c", NULL));
      g_signal_emit (self, signals[OFFER_PRESENTED], 0, handoff, json_node_get_object (root));
    }
}

static gboolean
retry_cb (gpointer user_data)
{
  HdSfFeed *self = user_data;

  g_clear_pointer (&self->retry, g_source_unref);
  self->busy = FALSE;
  process (self);
  return G_SOURCE_REMOVE;
}

static void
retry_later (HdSfFeed *self)
{
  guint ceiling = MIN (250u << MIN (self->attempt, 7u), 30000u);

  self->attempt++;
  self->retry = g_timeout_source_new (g_random_int_range (0, (gint32) ceiling + 1));
  g_source_set_callback (self->retry, retry_cb, self, NULL);
  g_source_set_name (self->retry, "[hd-sf-feed] retry");
  g_source_attach (self->retry, g_main_context_get_thread_default ());
}

static void
record_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HdSfFeed) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  JsonObject *event;
  const char *handoff_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL ||
      g_queue_is_empty (&self->events))
    return;
  event = g_queue_peek_head (&self->events);
  handoff_id = hd_json_get_string (event, "Handoff_Id__c", "");

  if (response != NULL && (response->status == SOUP_STATUS_NOT_FOUND || response->status == SOUP_STATUS_FORBIDDEN))
    /* Not shared with this agent (or deleted): never shown. */
    drop_offer (self, handoff_id, response->status == SOUP_STATUS_NOT_FOUND ? "not shared with this agent (404)"
                                                                           : "not shared with this agent (403)");
  else if (response != NULL && response->status == SOUP_STATUS_OK && response->json != NULL &&
           JSON_NODE_HOLDS_OBJECT (response->json))
    present (self, event, json_node_get_object (response->json));
  else
    {
      /* Transient: the events wait, in order, and the read is tried again. */
      g_message ("Salesforce feed: reading handoff %s failed, retrying: %s", handoff_id,
                 error != NULL ? error->message : soup_status_get_phrase (response->status));
      retry_later (self);
      return;
    }
  advance (self);
  process (self);
}

void
_hd_sf_feed_read_done (HdSfFeed *self,
                       gboolean  done)
{
  if (!done)
    {
      retry_later (self);
      return;
    }
  advance (self);
  process (self);
}

static void
apply_end (HdSfFeed   *self,
           JsonObject *payload,
           const char *kind)
{
  const char *handoff_id = hd_json_get_string (payload, "Handoff_Id__c", NULL);
  const char *reason_name = hd_json_get_string (payload, "Reason__c", NULL);
  HdRevokeReason reason = HD_REVOKE_REASON_EXPIRED;
  HdHandoff *handoff = handoff_id != NULL ? hd_queue_lookup (self->queue, handoff_id) : NULL;

  if (handoff == NULL)
    return;
  if (reason_name == NULL || !hd_revoke_reason_from_string (reason_name, &reason))
    reason = g_strcmp0 (kind, "expire") == 0 ? HD_REVOKE_REASON_EXPIRED : HD_REVOKE_REASON_REASSIGNED;
  hd_handoff_transition (handoff, g_strcmp0 (kind, "expire") == 0 ? HD_HANDOFF_STATE_EXPIRED : HD_HANDOFF_STATE_REVOKED,
                         reason);
}

/* Applies the events in order until one needs a REST read. */
static void
process (HdSfFeed *self)
{
  while (!self->busy && self->retry == NULL && !g_queue_is_empty (&self->events))
    {
      JsonObject *payload = g_queue_peek_head (&self->events);
      const char *kind = hd_json_get_string (payload, "Kind__c", "");
      const char *agent = hd_json_get_string (payload, "Agent_User_Id__c", NULL);
      const char *handoff_id = hd_json_get_string (payload, "Handoff_Id__c", NULL);
      const char *record_id = hd_json_get_string (payload, "Handoff_Record_Id__c", NULL);

      /* Another agent's: skipped, its replayId still advances. */
      if (g_strcmp0 (agent, self->user_id) != 0)
        ;
      else if (g_strcmp0 (kind, "offer") == 0)
        {
          if (handoff_id == NULL || !hd_sf_is_valid_id (record_id))
            g_message ("Salesforce feed: an offer event without a handoff id or record id was skipped");
          else if (hd_queue_lookup (self->queue, handoff_id) != NULL)
            ;   /* a duplicate */
          else if (outside_window (self, payload))
            g_message ("Salesforce feed: offer %s is older than the first-start window; not shown", handoff_id);
          else
            {
              g_autofree char *path = g_strdup_printf ("sobjects/Handoff__c/%s?fields=" HANDOFF_FIELDS, record_id);

              self->busy = TRUE;
              hd_sf_client_request_async (self->client, "GET", path, NULL, NULL, self->cancellable, record_cb,
                                          g_object_ref (self));
              return;
            }
        }
      else if (g_strcmp0 (kind, "revoke") == 0 || g_strcmp0 (kind, "expire") == 0)
        apply_end (self, payload, kind);
      else if (g_strcmp0 (kind, "answer") == 0)
        _hd_sf_feed_apply_answer (self, payload);
      else if (g_strcmp0 (kind, "update") == 0)
        {
          if (_hd_sf_feed_apply_update (self, payload))
            return;
        }
      else
        g_message ("Salesforce feed: an event of unknown kind “%s” was skipped", kind);
      advance (self);
    }
}

static void
event_cb (HdBayeuxClient *bayeux,
          const char     *channel,
          gint64          replay_id,
          JsonObject     *data,
          HdSfFeed       *self)
{
  JsonObject *payload;
  JsonObject *copy;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (data, "payload") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "payload")))
    return;
  payload = json_object_get_object_member (data, "payload");
  copy = json_object_new ();
  names = json_object_get_members (payload);
  for (GList *l = names; l != NULL; l = l->next)
    if (JSON_NODE_HOLDS_VALUE (json_object_get_member (payload, l->data)))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (payload, l->data)));
  json_object_set_int_member (copy, "replayId", replay_id);
  g_queue_push_tail (&self->events, copy);
  process (self);
}

static void
replay_invalid_cb (HdBayeuxClient *bayeux,
                   const char     *channel,
                   gint64          replay_id,
                   HdSfFeed       *self)
{
  notice (self, _("Salesforce no longer keeps the events since this app last ran (it keeps them for 72 hours); "
                  "offers from before may have been missed"));
}

/* --- GObject --- */

static void
hd_sf_feed_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RELAYS_AGENT_MESSAGES:
      /* Replies go as `reply` requests; the org always takes them. */
      g_value_set_boolean (value, TRUE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sf_feed_dispose (GObject *object)
{
  HdSfFeed *self = HD_SF_FEED (object);

  hd_sf_feed_stop (self);
  g_clear_object (&self->bayeux);
  g_clear_object (&self->client);
  g_clear_object (&self->queue);
  G_OBJECT_CLASS (hd_sf_feed_parent_class)->dispose (object);
}

static void
hd_sf_feed_finalize (GObject *object)
{
  HdSfFeed *self = HD_SF_FEED (object);

  g_queue_clear_full (&self->events, (GDestroyNotify) json_object_unref);
  g_clear_pointer (&self->requests, g_hash_table_unref);
  g_clear_pointer (&self->turns, g_hash_table_unref);
  g_free (self->status);
  g_free (self->state_path);
  g_free (self->user_id);
  G_OBJECT_CLASS (hd_sf_feed_parent_class)->finalize (object);
}

static void
hd_sf_feed_class_init (HdSfFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_sf_feed_dispose;
  object_class->finalize = hd_sf_feed_finalize;
  object_class->get_property = hd_sf_feed_get_property;

  /* As HdFeedClient's: whether the pane may offer a reply box. */
  g_object_class_install_property (object_class, PROP_RELAYS_AGENT_MESSAGES,
                                   g_param_spec_boolean ("relays-agent-messages", NULL, NULL, TRUE,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  signals[OFFER_PRESENTED] = g_signal_new ("offer-presented", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 2, HD_TYPE_HANDOFF, JSON_TYPE_OBJECT);
  signals[NOTICE] = g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
  _hd_sf_feed_turns_class_init (object_class);
}

static void
hd_sf_feed_init (HdSfFeed *self)
{
  g_queue_init (&self->events);
  self->window_s = HD_SF_FEED_DEFAULT_WINDOW_S;
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->request_timeout_ms = 30000;
  _hd_sf_feed_turns_init (self);
}

HdSfFeed *
hd_sf_feed_new (HdSfClient *client,
                const char *state_path,
                HdQueue    *queue)
{
  HdSfFeed *self;

  g_return_val_if_fail (HD_IS_SF_CLIENT (client), NULL);

  self = g_object_new (HD_TYPE_SF_FEED, NULL);
  self->client = g_object_ref (client);
  self->queue = queue != NULL ? g_object_ref (queue) : hd_queue_new ();
  self->state_path = g_strdup (state_path);
  self->bayeux = hd_bayeux_client_new (hd_sf_client_get_auth (client), hd_sf_client_get_api_version (client));
  g_signal_connect_object (self->bayeux, "event", G_CALLBACK (event_cb), self, 0);
  g_signal_connect_object (self->bayeux, "replay-invalid", G_CALLBACK (replay_invalid_cb), self, 0);
  _hd_sf_feed_watch_status (self);
  load_state (self);
  self->applied = self->stored;
  return self;
}

void
hd_sf_feed_set_window (HdSfFeed *self,
                       guint     seconds)
{
  g_return_if_fail (HD_IS_SF_FEED (self));
  self->window_s = seconds;
}

void
hd_sf_feed_set_commit_func (HdSfFeed           *self,
                            HdSfFeedCommitFunc  func,
                            gpointer            user_data)
{
  g_return_if_fail (HD_IS_SF_FEED (self));
  self->commit = func;
  self->commit_data = user_data;
}

void
_hd_sf_feed_set_stage_func (HdSfFeed      *self,
                            HdSfStageFunc  func,
                            gpointer       user_data)
{
  g_return_if_fail (HD_IS_SF_FEED (self));

  self->stage_func = func;
  self->stage_data = user_data;
  _hd_bayeux_client_set_stage_func (self->bayeux, func, user_data);
}

void
hd_sf_feed_start (HdSfFeed *self)
{
  g_return_if_fail (HD_IS_SF_FEED (self));

  g_free (self->user_id);
  self->user_id = g_strdup (hd_sf_auth_get_user_id (hd_sf_client_get_auth (self->client)));
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* Resume after what is stored; the client moves the position itself
   * as it delivers, for re-subscriptions in this run. */
  hd_bayeux_client_subscribe (self->bayeux, HD_SF_FEED_CHANNEL, self->stored);
  hd_bayeux_client_start (self->bayeux);
}

void
hd_sf_feed_stop (HdSfFeed *self)
{
  g_return_if_fail (HD_IS_SF_FEED (self));

  if (self->bayeux != NULL)
    hd_bayeux_client_stop (self->bayeux);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->retry != NULL)
    {
      g_source_destroy (self->retry);
      g_clear_pointer (&self->retry, g_source_unref);
    }
  /* What was not applied is not stored: the next run replays it. */
  g_queue_clear_full (&self->events, (GDestroyNotify) json_object_unref);
  self->busy = FALSE;
  store_state (self);
  _hd_sf_feed_fail_requests (self);
}

HdBayeuxClient *
hd_sf_feed_get_bayeux (HdSfFeed *self)
{
  g_return_val_if_fail (HD_IS_SF_FEED (self), NULL);
  return self->bayeux;
}

gint64
hd_sf_feed_get_stored_replay_id (HdSfFeed *self)
{
  g_return_val_if_fail (HD_IS_SF_FEED (self), HD_BAYEUX_REPLAY_EARLIEST);
  return self->stored;
}

gboolean
hd_sf_feed_is_idle (HdSfFeed *self)
{
  g_return_val_if_fail (HD_IS_SF_FEED (self), TRUE);
  return g_queue_is_empty (&self->events) && !self->busy && self->stored == self->applied;
}

guint
hd_sf_feed_get_n_dropped (HdSfFeed *self)
{
  g_return_val_if_fail (HD_IS_SF_FEED (self), 0);
  return self->n_dropped;
}
