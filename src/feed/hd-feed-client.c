/* hd-feed-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-feed-client-private.h"

G_DEFINE_FINAL_TYPE (HdFeedClient, hd_feed_client, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HdFeedClientState, hd_feed_client_state,
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_DISCONNECTED, "disconnected"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_CONNECTING, "connecting"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_CONNECTED, "connected"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_RECONNECTING, "reconnecting"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_UNREACHABLE, "unreachable"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_AUTH_FAILED, "auth-failed"),
                    G_DEFINE_ENUM_VALUE (HD_FEED_CLIENT_STATE_INCOMPATIBLE, "incompatible"))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_hd_feed_client_notify (HdFeedClient *self,
                        guint         prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_hd_feed_client_emit (HdFeedClient  *self,
                      guint          signal_id,
                      gconstpointer  argument)
{
  g_signal_emit (self, signals[signal_id], 0, argument);
}

/* For the journal: what was presented or appended, with the JSON it came as. */
void
_hd_feed_client_emit_for_handoff (HdFeedClient *self,
                                  guint         signal_id,
                                  HdHandoff    *handoff,
                                  JsonObject   *object)
{
  g_signal_emit (self, signals[signal_id], 0, handoff, object);
}

/* Small helpers --------------------------------------------------------- */

void
_hd_feed_client_destroy_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

GSource *
_hd_feed_client_add_timeout (HdFeedClient *self,
                             guint         ms,
                             GSourceFunc   func,
                             gpointer      data,
                             const char   *name)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_static_name (source, name);
  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, self->context);
  return source;
}

void
_hd_feed_client_set_state (HdFeedClient      *self,
                           HdFeedClientState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  _hd_feed_client_notify (self, PROP_STATE);
}

void
_hd_feed_client_set_last_error (HdFeedClient *self,
                                const char   *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  _hd_feed_client_notify (self, PROP_LAST_ERROR);
}

void
_hd_feed_client_set_connected_since (HdFeedClient *self,
                                     GDateTime    *since)
{
  if (self->connected_since == NULL && since == NULL)
    return;
  g_clear_pointer (&self->connected_since, g_date_time_unref);
  self->connected_since = since != NULL ? g_date_time_ref (since) : NULL;
  _hd_feed_client_notify (self, PROP_CONNECTED_SINCE);
}

void
_hd_feed_client_set_next_retry_at (HdFeedClient *self,
                                   GDateTime    *at)
{
  if (self->next_retry_at == NULL && at == NULL)
    return;
  g_clear_pointer (&self->next_retry_at, g_date_time_unref);
  self->next_retry_at = at != NULL ? g_date_time_ref (at) : NULL;
  _hd_feed_client_notify (self, PROP_NEXT_RETRY_AT);
}

void
hd_feed_client_start (HdFeedClient *self)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->attempt = 0;
  _hd_feed_client_set_last_error (self, NULL);
  _hd_feed_client_set_state (self, HD_FEED_CLIENT_STATE_CONNECTING);
  _hd_feed_client_connect_now (self);
}

void
hd_feed_client_stop (HdFeedClient *self)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  self->running = FALSE;
  if (self->connect_cancellable != NULL)
    {
      g_cancellable_cancel (self->connect_cancellable);
      g_clear_object (&self->connect_cancellable);
    }
  _hd_feed_client_destroy_source (&self->retry_source);
  _hd_feed_client_flush_ack (self);
  self->welcomed = FALSE;
  _hd_feed_client_discard_pending (self);
  _hd_feed_client_teardown_ws (self);
  _hd_feed_client_fail_all_requests (self, _("The feed was stopped"));
  _hd_feed_client_set_next_retry_at (self, NULL);
  _hd_feed_client_set_connected_since (self, NULL);
  if (self->state != HD_FEED_CLIENT_STATE_AUTH_FAILED &&
      self->state != HD_FEED_CLIENT_STATE_INCOMPATIBLE)
    _hd_feed_client_set_state (self, HD_FEED_CLIENT_STATE_DISCONNECTED);
}

/* GObject --------------------------------------------------------------- */

static void
hd_feed_client_constructed (GObject *object)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);

  G_OBJECT_CLASS (hd_feed_client_parent_class)->constructed (object);

  g_assert (self->url != NULL);
  g_assert (self->agent_id != NULL);
  if (self->queue == NULL)
    self->queue = hd_queue_new ();
  self->context = g_main_context_ref_thread_default ();
  self->session = soup_session_new_with_options ("user-agent", "HandoffDesk/" PACKAGE_VERSION,
                                                 "idle-timeout", 0,
                                                 NULL);
  _hd_feed_client_load_state (self);
}

static void
hd_feed_client_dispose (GObject *object)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);

  if (self->requests != NULL)
    hd_feed_client_stop (self);
  _hd_feed_client_destroy_source (&self->ack_source);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (hd_feed_client_parent_class)->dispose (object);
}

static void
hd_feed_client_finalize (GObject *object)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->agent_id, g_free);
  g_clear_pointer (&self->state_path, g_free);
  g_clear_object (&self->queue);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->queue_ids, g_strfreev);
  g_clear_pointer (&self->stream_id, g_free);
  g_clear_pointer (&self->journaled, g_hash_table_unref);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->connected_since, g_date_time_unref);
  g_clear_pointer (&self->next_retry_at, g_date_time_unref);
  g_queue_clear_full (&self->pending, (GDestroyNotify) g_bytes_unref);
  g_clear_pointer (&self->requests, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (hd_feed_client_parent_class)->finalize (object);
}

static void
hd_feed_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_AGENT_ID:
      g_value_set_string (value, self->agent_id);
      break;
    case PROP_STATE_PATH:
      g_value_set_string (value, self->state_path);
      break;
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_CONNECTED_SINCE:
      g_value_set_boxed (value, self->connected_since);
      break;
    case PROP_NEXT_RETRY_AT:
      g_value_set_boxed (value, self->next_retry_at);
      break;
    case PROP_RECONNECTS:
      g_value_set_uint (value, self->reconnects);
      break;
    case PROP_FRAMES_REJECTED:
      g_value_set_uint (value, self->frames_rejected);
      break;
    case PROP_DUPLICATES_DROPPED:
      g_value_set_uint (value, self->duplicates_dropped);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_LAST_SEQ:
      g_value_set_int64 (value, self->last_seq);
      break;
    case PROP_RELAYS_AGENT_MESSAGES:
      g_value_set_boolean (value, self->relays_agent_messages);
      break;
    case PROP_HEARTBEAT_MS:
      g_value_set_uint (value, self->heartbeat_ms);
      break;
    case PROP_MAX_FRAME_SIZE:
      g_value_set_uint64 (value, self->max_frame_size);
      break;
    case PROP_BACKOFF_INITIAL_MS:
      g_value_set_uint (value, self->backoff_initial_ms);
      break;
    case PROP_BACKOFF_MAX_MS:
      g_value_set_uint (value, self->backoff_max_ms);
      break;
    case PROP_ACK_DELAY_MS:
      g_value_set_uint (value, self->ack_delay_ms);
      break;
    case PROP_REQUEST_TIMEOUT_MS:
      g_value_set_uint (value, self->request_timeout_ms);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    case PROP_LANGUAGES:
      g_value_set_boxed (value, self->languages);
      break;
    case PROP_TOKEN:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_feed_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;
    case PROP_AGENT_ID:
      self->agent_id = g_value_dup_string (value);
      break;
    case PROP_TOKEN:
      hd_feed_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_STATE_PATH:
      self->state_path = g_value_dup_string (value);
      break;
    case PROP_QUEUE:
      self->queue = g_value_dup_object (value);
      break;
    case PROP_MAX_FRAME_SIZE:
      self->max_frame_size = (gsize) g_value_get_uint64 (value);
      break;
    case PROP_BACKOFF_INITIAL_MS:
      self->backoff_initial_ms = g_value_get_uint (value);
      break;
    case PROP_BACKOFF_MAX_MS:
      self->backoff_max_ms = g_value_get_uint (value);
      break;
    case PROP_ACK_DELAY_MS:
      self->ack_delay_ms = g_value_get_uint (value);
      break;
    case PROP_REQUEST_TIMEOUT_MS:
      self->request_timeout_ms = g_value_get_uint (value);
      break;
    case PROP_CAPACITY:
      self->capacity = g_value_get_uint (value);
      break;
    case PROP_LANGUAGES:
      g_strfreev (self->languages);
      self->languages = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_feed_client_class_init (HdFeedClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = hd_feed_client_constructed;
  object_class->dispose = hd_feed_client_dispose;
  object_class->finalize = hd_feed_client_finalize;
  object_class->get_property = hd_feed_client_get_property;
  object_class->set_property = hd_feed_client_set_property;

  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, co);
  properties[PROP_AGENT_ID] = g_param_spec_string ("agent-id", NULL, NULL, NULL, co);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_PATH] = g_param_spec_string ("state-path", NULL, NULL, NULL, co);
  properties[PROP_QUEUE] = g_param_spec_object ("queue", NULL, NULL, HD_TYPE_QUEUE, co);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, HD_TYPE_FEED_CLIENT_STATE,
                                              HD_FEED_CLIENT_STATE_DISCONNECTED, ro);
  properties[PROP_CONNECTED_SINCE] = g_param_spec_boxed ("connected-since", NULL, NULL,
                                                         G_TYPE_DATE_TIME, ro);
  properties[PROP_NEXT_RETRY_AT] = g_param_spec_boxed ("next-retry-at", NULL, NULL,
                                                       G_TYPE_DATE_TIME, ro);
  properties[PROP_RECONNECTS] = g_param_spec_uint ("reconnects", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_FRAMES_REJECTED] = g_param_spec_uint ("frames-rejected", NULL, NULL,
                                                        0, G_MAXUINT, 0, ro);
  properties[PROP_DUPLICATES_DROPPED] = g_param_spec_uint ("duplicates-dropped", NULL, NULL,
                                                           0, G_MAXUINT, 0, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  properties[PROP_LAST_SEQ] = g_param_spec_int64 ("last-seq", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RELAYS_AGENT_MESSAGES] = g_param_spec_boolean ("relays-agent-messages", NULL, NULL,
                                                                 FALSE, ro);
  properties[PROP_HEARTBEAT_MS] = g_param_spec_uint ("heartbeat-ms", NULL, NULL, 10, 600000,
                                                     HD_FEED_CLIENT_DEFAULT_HEARTBEAT_MS, ro);
  properties[PROP_MAX_FRAME_SIZE] = g_param_spec_uint64 ("max-frame-size", NULL, NULL, 1024,
                                                         G_MAXUINT32, HD_FEED_DEFAULT_MAX_FRAME,
                                                         rw | G_PARAM_CONSTRUCT);
  properties[PROP_BACKOFF_INITIAL_MS] = g_param_spec_uint ("backoff-initial-ms", NULL, NULL, 1,
                                                           600000, 500, rw | G_PARAM_CONSTRUCT);
  properties[PROP_BACKOFF_MAX_MS] = g_param_spec_uint ("backoff-max-ms", NULL, NULL, 1,
                                                       3600000, 30000, rw | G_PARAM_CONSTRUCT);
  properties[PROP_ACK_DELAY_MS] = g_param_spec_uint ("ack-delay-ms", NULL, NULL, 0, 60000, 100,
                                                     rw | G_PARAM_CONSTRUCT);
  properties[PROP_REQUEST_TIMEOUT_MS] = g_param_spec_uint ("request-timeout-ms", NULL, NULL, 10,
                                                           600000, 15000, rw | G_PARAM_CONSTRUCT);
  properties[PROP_CAPACITY] = g_param_spec_uint ("capacity", NULL, NULL, 0, 1000, 1,
                                                 rw | G_PARAM_CONSTRUCT);
  properties[PROP_LANGUAGES] = g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NOTICE] = g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[QUEUE_SNAPSHOT] = g_signal_new ("queue-snapshot", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  signals[QUEUE_EVENT] = g_signal_new ("queue-event", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /* "offer-presented" (handoff, packet object): an offer reached the queue, once (a big
   * one a little later, once its preparer ran).  The packet object is lent for the
   * emission only: a handler that keeps any of it makes its own copy (a big offer's
   * tree is freed by a worker afterwards). */
  signals[OFFER_PRESENTED] = g_signal_new ("offer-presented", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, HD_TYPE_HANDOFF, JSON_TYPE_OBJECT);
  /* "turn-appended" (handoff, turn object): a valid transcript turn was appended. */
  signals[TURN_APPENDED] = g_signal_new ("turn-appended", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, HD_TYPE_HANDOFF, JSON_TYPE_OBJECT);
}

static void
hd_feed_client_init (HdFeedClient *self)
{
  self->heartbeat_ms = HD_FEED_CLIENT_DEFAULT_HEARTBEAT_MS;
  g_queue_init (&self->pending);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          _hd_feed_client_request_free);
  hd_packet_limits_init (&self->limits);
}

HdFeedClient *
hd_feed_client_new (const char *url,
                    const char *agent_id,
                    const char *token,
                    const char *state_path,
                    HdQueue    *queue)
{
  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (agent_id != NULL && *agent_id != '\0', NULL);
  g_return_val_if_fail (queue == NULL || HD_IS_QUEUE (queue), NULL);

  return g_object_new (HD_TYPE_FEED_CLIENT,
                       "url", url,
                       "agent-id", agent_id,
                       "token", token,
                       "state-path", state_path,
                       "queue", queue,
                       NULL);
}

/* Accessors ------------------------------------------------------------- */

void
hd_feed_client_set_offer_preparer (HdFeedClient           *self,
                                   HdFeedOfferPrepareFunc  func,
                                   gpointer                user_data,
                                   GDestroyNotify          result_free)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  self->prepare_offer = func;
  self->prepare_data = user_data;
  self->prepared_free = result_free;
}

void
hd_feed_client_set_commit_func (HdFeedClient           *self,
                                HdFeedClientCommitFunc  func,
                                gpointer                user_data)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  self->commit = func;
  self->commit_data = user_data;
}

void
_hd_feed_client_set_stage_func (HdFeedClient    *self,
                                HdFeedStageFunc  func,
                                gpointer         user_data)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  self->stage_func = func;
  self->stage_data = user_data;
}

void
_hd_feed_client_reach_stage (HdFeedClient *self,
                             HdFeedStage   stage,
                             gint64        seq)
{
  if (self->stage_func != NULL)
    self->stage_func (stage, seq, self->stage_data);
}

gpointer
hd_feed_client_get_offer_prepared (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), NULL);
  return self->prepared;
}

gboolean
hd_feed_client_is_presenting (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), FALSE);
  return self->presenting != NULL;
}

gboolean
hd_feed_client_get_applying (HdFeedClient  *self,
                             const char   **stream_id,
                             gint64        *seq)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), FALSE);

  if (self->applying_seq <= 0 || self->stream_id == NULL)
    return FALSE;
  if (stream_id != NULL)
    *stream_id = self->stream_id;
  if (seq != NULL)
    *seq = self->applying_seq;
  return TRUE;
}

gint64
_hd_feed_client_journaled_seq (HdFeedClient *self,
                               const char   *stream_id)
{
  gint64 *seq = self->journaled != NULL && stream_id != NULL
                ? g_hash_table_lookup (self->journaled, stream_id) : NULL;

  return seq != NULL ? *seq : 0;
}

void
_hd_feed_client_note_applied (HdFeedClient *self)
{
  gint64 *seq;

  if (self->stream_id == NULL)
    return;
  if (self->journaled == NULL)
    self->journaled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((seq = g_hash_table_lookup (self->journaled, self->stream_id)) == NULL)
    {
      seq = g_new0 (gint64, 1);
      g_hash_table_insert (self->journaled, g_strdup (self->stream_id), seq);
    }
  *seq = MAX (*seq, self->last_seq);
}

void
hd_feed_client_set_journaled (HdFeedClient *self,
                              GHashTable   *streams,
                              const char   *last_stream)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 known;

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (streams != NULL);

  g_clear_pointer (&self->journaled, g_hash_table_unref);
  self->journaled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, streams);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->journaled, g_strdup (key), g_memdup2 (value, sizeof (gint64)));

  /* The state file is written up to ack-delay-ms after the journal: after
   * a crash in between, the journal is ahead, and it is what was presented.
   * With no state file at all, the journal's newest stream is where to
   * resume. */
  if (self->stream_id == NULL && last_stream != NULL)
    {
      self->stream_id = g_strdup (last_stream);
      self->last_seq = 0;
      self->persisted_seq = -1;
    }
  known = _hd_feed_client_journaled_seq (self, self->stream_id);
  if (known > self->last_seq)
    {
      g_message ("The journal holds stream %s up to seq %" G_GINT64_FORMAT ", the feed state only up to %"
                 G_GINT64_FORMAT ": resuming after the journal", self->stream_id, known, self->last_seq);
      self->last_seq = known;
      _hd_feed_client_notify (self, PROP_LAST_SEQ);
    }
}

HdQueue *
hd_feed_client_get_queue (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), NULL);
  return self->queue;
}

HdFeedClientState
hd_feed_client_get_state (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), HD_FEED_CLIENT_STATE_DISCONNECTED);
  return self->state;
}

GDateTime *
hd_feed_client_get_connected_since (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), NULL);
  return self->connected_since;
}

guint
hd_feed_client_get_reconnects (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), 0);
  return self->reconnects;
}

guint
hd_feed_client_get_frames_rejected (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), 0);
  return self->frames_rejected;
}

guint
hd_feed_client_get_duplicates_dropped (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), 0);
  return self->duplicates_dropped;
}

const char *
hd_feed_client_get_last_error (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), NULL);
  return self->last_error;
}

gint64
hd_feed_client_get_last_seq (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), 0);
  return self->last_seq;
}

gboolean
hd_feed_client_get_relays_agent_messages (HdFeedClient *self)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), FALSE);
  return self->relays_agent_messages;
}

void
hd_feed_client_set_token (HdFeedClient *self,
                          const char   *token)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

void
hd_feed_client_set_backoff (HdFeedClient *self,
                            guint         initial_ms,
                            guint         max_ms)
{
  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  self->backoff_initial_ms = initial_ms;
  self->backoff_max_ms = max_ms;
}
