/* hd-bayeux-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-bayeux-client"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "hd-bayeux-client-private.h"
#include "hd-error.h"
#include "hd-json-get.h"

/* The flow: handshake → subscribe each channel → connect, again and again,
 * and the recovery from every way it can fail (see hd-bayeux-client.h).
 * The wire (one POST, a bounded read, the parse) is in
 * hd-bayeux-client-wire.c. */

#define DEFAULT_ADVICE_TIMEOUT_MS 110000

G_DEFINE_FINAL_TYPE (HdBayeuxClient, hd_bayeux_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_LAST_ERROR,
  PROP_N_HANDSHAKES,
  N_PROPS
};

enum { EVENT, REPLAY_INVALID, SUBSCRIBE_REFUSED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void handshake (HdBayeuxClient *self);
static gboolean run_handshake_cb (gpointer user_data);
static void subscribe_next (HdBayeuxClient *self);
static void connect_poll (HdBayeuxClient *self);

/* --- errors --- */

/* Whether @reply says the session is not valid: `401::Authentication
 * invalid`, or `403::Handshake denied` whose ext.sfdc.failureReason is a
 * 401. */
static gboolean
is_auth_failure (JsonObject *reply)
{
  const char *error = hd_json_get_string (reply, "error", NULL);
  JsonObject *ext, *sfdc;

  if (hd_bayeux_error_code (error) == 401)
    return TRUE;
  if (hd_bayeux_error_code (error) != 403 || !json_object_has_member (reply, "ext") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (reply, "ext")))
    return FALSE;
  ext = json_object_get_object_member (reply, "ext");
  if (!json_object_has_member (ext, "sfdc") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (ext, "sfdc")))
    return FALSE;
  sfdc = json_object_get_object_member (ext, "sfdc");
  return hd_bayeux_error_code (hd_json_get_string (sfdc, "failureReason", NULL)) == 401;
}

/* --- state --- */

static void
set_state (HdBayeuxClient *self,
           HdBayeuxState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_last_error (HdBayeuxClient *self,
                const char     *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  if (message != NULL)
    g_message ("Streaming: %s", message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
clear_timer (HdBayeuxClient *self)
{
  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
}

static void
schedule (HdBayeuxClient *self,
          guint           delay_ms,
          GSourceFunc     func)
{
  clear_timer (self);
  self->timer = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->timer, func, self, NULL);
  g_source_set_name (self->timer, "[hd-bayeux-client] next request");
  g_source_attach (self->timer, g_main_context_get_thread_default ());
}

static gboolean
run_handshake_cb (gpointer user_data)
{
  HdBayeuxClient *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  handshake (self);
  return G_SOURCE_REMOVE;
}

static gboolean
run_connect_cb (gpointer user_data)
{
  HdBayeuxClient *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  connect_poll (self);
  return G_SOURCE_REMOVE;
}

/* Capped exponential backoff with full jitter: a uniformly random delay in
 * [0, min (max, initial × 2^attempt)], so that the agents of a contact
 * centre that lost Salesforce together do not come back in lockstep (and
 * do not run into the org's concurrent-client limit). */
static void
back_off (HdBayeuxClient *self,
          const char     *message)
{
  guint64 ceiling = self->backoff_initial_ms;
  guint delay;

  for (guint i = 0; i < self->attempt && ceiling < self->backoff_max_ms; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, self->backoff_max_ms);
  delay = (guint) g_random_int_range (0, (gint32) MIN (ceiling, G_MAXINT32 - 1) + 1);
  self->attempt++;
  set_last_error (self, message);
  g_clear_pointer (&self->client_id, g_free);
  set_state (self, HD_BAYEUX_STATE_BACKING_OFF);
  schedule (self, delay, run_handshake_cb);
}

static void
fail (HdBayeuxClient *self,
      HdBayeuxState   state,
      const char     *message)
{
  clear_timer (self);
  g_clear_pointer (&self->client_id, g_free);
  set_last_error (self, message);
  set_state (self, state);
}

static void
apply_advice (HdBayeuxClient *self,
              JsonObject     *reply)
{
  JsonObject *advice;

  if (!json_object_has_member (reply, "advice") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (reply, "advice")))
    return;
  advice = json_object_get_object_member (reply, "advice");
  /* Bounded, so that a hostile or broken server cannot park the client for
   * days or make it spin. */
  if (json_object_has_member (advice, "timeout") &&
      json_node_get_value_type (json_object_get_member (advice, "timeout")) == G_TYPE_INT64)
    self->advice_timeout_ms = (guint) CLAMP (json_object_get_int_member (advice, "timeout"), 0, 600000);
  if (json_object_has_member (advice, "interval") &&
      json_node_get_value_type (json_object_get_member (advice, "interval")) == G_TYPE_INT64)
    self->advice_interval_ms = (guint) CLAMP (json_object_get_int_member (advice, "interval"), 0, 600000);
}

static const char *
advice_reconnect (JsonObject *reply)
{
  JsonObject *advice;

  if (reply == NULL || !json_object_has_member (reply, "advice") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (reply, "advice")))
    return NULL;
  advice = json_object_get_object_member (reply, "advice");
  return hd_json_get_string (advice, "reconnect", NULL);
}

static JsonObject *
new_message (HdBayeuxClient *self,
             const char     *channel)
{
  JsonObject *message = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%u", ++self->next_id);

  json_object_set_string_member (message, "channel", channel);
  json_object_set_string_member (message, "id", id);
  if (self->client_id != NULL)
    json_object_set_string_member (message, "clientId", self->client_id);
  return message;
}

/* --- authentication --- */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HdBayeuxClient) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_refresh_finish (HD_SF_AUTH (object), result, &error))
    {
      if (self->state != HD_BAYEUX_STATE_STOPPED)
        {
          g_autofree char *message = g_strdup_printf (_("Salesforce refused the session for handoffs: %s"), error->message);

          fail (self, HD_BAYEUX_STATE_AUTH_FAILED, message);
        }
      return;
    }
  if (self->state == HD_BAYEUX_STATE_STOPPED)
    return;
  self->n_refreshes++;
  handshake (self);
}

/* One refresh through the app's Salesforce sign-in, then a new handshake; a
 * second refusal before a connect has worked again stops, so a revoked
 * session does not spin. */
static void
auth_failed (HdBayeuxClient *self,
             const char     *token_used)
{
  g_clear_pointer (&self->client_id, g_free);
  if (self->refreshed)
    {
      fail (self, HD_BAYEUX_STATE_AUTH_FAILED,
            _("Salesforce refused the session for handoffs again after it was renewed; sign in to Salesforce again"));
      return;
    }
  self->refreshed = TRUE;
  set_state (self, HD_BAYEUX_STATE_CONNECTING);
  hd_sf_auth_refresh_async (self->auth, token_used != NULL ? token_used : "", NULL, refresh_cb, g_object_ref (self));
}

/* What every reply shares: a transport error, an HTTP 401, a missing reply,
 * an auth refusal, an unknown client.  Returns the reply when the caller
 * should look at it further, or NULL when it was dealt with here. */
static JsonObject *
check_reply (HdBayeuxClient *self,
             JsonArray      *messages,
             const GError   *error,
             const char     *token_used,
             const char     *channel)
{
  JsonObject *reply;
  const char *bayeux_error;

  if (error != NULL && g_error_matches (error, HD_ERROR, HD_ERROR_AUTH))
    {
      if (hd_sf_auth_get_signed_in (self->auth))
        auth_failed (self, token_used);
      else
        fail (self, HD_BAYEUX_STATE_AUTH_FAILED, error->message);
      return NULL;
    }
  if (error != NULL)
    {
      back_off (self, error->message);
      return NULL;
    }
  if ((reply = _hd_bayeux_find_reply (messages, channel)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Salesforce’s streaming endpoint did not answer the %s request"), channel);

      back_off (self, message);
      return NULL;
    }
  if (hd_json_get_boolean (reply, "successful", FALSE))
    return reply;

  bayeux_error = hd_json_get_string (reply, "error", NULL);
  if (is_auth_failure (reply))
    {
      g_message ("Streaming: %s refused (%s); renewing the session", channel, bayeux_error);
      auth_failed (self, token_used);
      return NULL;
    }
  if (hd_bayeux_error_code (bayeux_error) == 403 && bayeux_error != NULL && strstr (bayeux_error, "Unknown client") != NULL)
    {
      /* The server forgot the client (a load-balancer move, or it did not
       * reconnect in time): a new handshake, and every subscription again. */
      g_message ("Streaming: %s answered %s; handshaking again", channel, bayeux_error);
      g_clear_pointer (&self->client_id, g_free);
      set_state (self, HD_BAYEUX_STATE_CONNECTING);
      schedule (self, 0, run_handshake_cb);
      return NULL;
    }
  return reply;
}

/* --- handshake --- */

static void
handshake_reply (HdBayeuxClient *self,
                 JsonArray      *messages,
                 const GError   *error,
                 guint           http_status,
                 const char     *token_used)
{
  JsonObject *reply = check_reply (self, messages, error, token_used, "/meta/handshake");
  const char *client_id;

  if (reply == NULL)
    return;
  client_id = hd_json_get_string (reply, "clientId", NULL);
  if (!hd_json_get_boolean (reply, "successful", FALSE) || client_id == NULL || *client_id == '\0')
    {
      const char *bayeux_error = hd_json_get_string (reply, "error", NULL);
      g_autofree char *message = g_strdup_printf (_("Salesforce refused the streaming handshake: %s"),
                                                  bayeux_error != NULL ? bayeux_error : _("no reason given"));

      if (g_strcmp0 (advice_reconnect (reply), "none") == 0)
        fail (self, HD_BAYEUX_STATE_FAILED, message);
      else
        back_off (self, message);
      return;
    }
  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
  apply_advice (self, reply);
  self->subscribing = 0;
  subscribe_next (self);
}

static void
handshake (HdBayeuxClient *self)
{
  g_autoptr(JsonObject) message = NULL;
  g_autoptr(JsonObject) ext = json_object_new ();
  g_autoptr(JsonArray) types = json_array_new ();

  g_clear_pointer (&self->client_id, g_free);
  set_state (self, HD_BAYEUX_STATE_CONNECTING);
  self->n_handshakes++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HANDSHAKES]);

  message = new_message (self, "/meta/handshake");
  json_object_set_string_member (message, "version", "1.0");
  json_object_set_string_member (message, "minimumVersion", "1.0");
  json_array_add_string_element (types, "long-polling");
  json_object_set_array_member (message, "supportedConnectionTypes", g_steal_pointer (&types));
  json_object_set_boolean_member (ext, "replay", TRUE);
  json_object_set_object_member (message, "ext", g_steal_pointer (&ext));
  _hd_bayeux_client_post (self, message, self->request_ms, handshake_reply);
}

/* --- subscribe --- */

static void
subscribe_reply (HdBayeuxClient *self,
                 JsonArray      *messages,
                 const GError   *error,
                 guint           http_status,
                 const char     *token_used)
{
  JsonObject *reply = check_reply (self, messages, error, token_used, "/meta/subscribe");
  const char *channel = g_ptr_array_index (self->channels, self->subscribing);
  const char *bayeux_error;

  if (reply == NULL)
    return;
  if (hd_json_get_boolean (reply, "successful", FALSE))
    {
      self->subscribing++;
      subscribe_next (self);
      return;
    }
  bayeux_error = hd_json_get_string (reply, "error", NULL);
  if (hd_bayeux_error_is_invalid_replay (bayeux_error))
    {
      gint64 *position = g_hash_table_lookup (self->replay, channel);
      gint64 refused = *position;

      /* The stored position is past the retention window: take everything
       * still retained, and say that older events may be lost. */
      g_message ("Streaming: replayId %" G_GINT64_FORMAT " of %s is past retention; replaying all retained events",
                 refused, channel);
      *position = HD_BAYEUX_REPLAY_EARLIEST;
      g_signal_emit (self, signals[REPLAY_INVALID], 0, channel, refused);
      if (self->state != HD_BAYEUX_STATE_STOPPED)
        subscribe_next (self);
      return;
    }
  /* A handler may stop the client (a channel the org does not offer). */
  g_signal_emit (self, signals[SUBSCRIBE_REFUSED], 0, channel, bayeux_error);
  if (self->state == HD_BAYEUX_STATE_STOPPED)
    return;
  {
    g_autofree char *message = g_strdup_printf (_("Salesforce refused the subscription to %s: %s"), channel,
                                                bayeux_error != NULL ? bayeux_error : _("no reason given"));

    if (g_strcmp0 (advice_reconnect (reply), "none") == 0)
      fail (self, HD_BAYEUX_STATE_FAILED, message);
    else
      back_off (self, message);
  }
}

static void
subscribe_next (HdBayeuxClient *self)
{
  g_autoptr(JsonObject) message = NULL;
  g_autoptr(JsonObject) ext = NULL;
  g_autoptr(JsonObject) replay = NULL;
  const char *channel;

  if (self->subscribing >= self->channels->len)
    {
      set_state (self, HD_BAYEUX_STATE_CONNECTED);
      connect_poll (self);
      return;
    }
  channel = g_ptr_array_index (self->channels, self->subscribing);
  message = new_message (self, "/meta/subscribe");
  json_object_set_string_member (message, "subscription", channel);
  replay = json_object_new ();
  json_object_set_int_member (replay, channel, *(gint64 *) g_hash_table_lookup (self->replay, channel));
  ext = json_object_new ();
  json_object_set_object_member (ext, "replay", g_steal_pointer (&replay));
  json_object_set_object_member (message, "ext", g_steal_pointer (&ext));
  _hd_bayeux_client_post (self, message, self->request_ms, subscribe_reply);
}

/* --- connect --- */

static void
deliver (HdBayeuxClient *self,
         JsonObject     *message)
{
  const char *channel = hd_json_get_string (message, "channel", NULL);
  gint64 *position;
  JsonObject *data, *event;
  JsonNode *replay_node;

  if (channel == NULL || (position = g_hash_table_lookup (self->replay, channel)) == NULL)
    {
      g_message ("Streaming: dropped a message on a channel not subscribed to (%s)", channel != NULL ? channel : "none");
      return;
    }
  if (!json_object_has_member (message, "data") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (message, "data")))
    {
      g_message ("Streaming: dropped an event on %s without data", channel);
      return;
    }
  data = json_object_get_object_member (message, "data");
  if (!json_object_has_member (data, "event") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "event")) ||
      (event = json_object_get_object_member (data, "event")) == NULL ||
      (replay_node = json_object_get_member (event, "replayId")) == NULL ||
      json_node_get_value_type (replay_node) != G_TYPE_INT64)
    {
      g_message ("Streaming: dropped an event on %s without data.event.replayId", channel);
      return;
    }
  /* Opaque: kept as given, never compared or counted on. */
  *position = json_node_get_int (replay_node);
  self->delivered = TRUE;
  self->last_delivered = *position;
  g_signal_emit (self, signals[EVENT], 0, channel, *position, data);
}

static void
connect_reply (HdBayeuxClient *self,
               JsonArray      *messages,
               const GError   *error,
               guint           http_status,
               const char     *token_used)
{
  g_autoptr(JsonArray) held = messages != NULL ? json_array_ref (messages) : NULL;
  JsonObject *reply;
  const char *reconnect;

  /* Events first, in order: they were delivered whatever the connect
   * reply says, and Salesforce will not send them again to this client. */
  for (guint i = 0; held != NULL && i < json_array_get_length (held); i++)
    {
      JsonObject *message = json_array_get_object_element (held, i);
      const char *channel = hd_json_get_string (message, "channel", "");

      if (!g_str_has_prefix (channel, "/meta/"))
        {
          deliver (self, message);
          if (self->state != HD_BAYEUX_STATE_CONNECTED)
            return;   /* stopped from a handler */
        }
    }

  if ((reply = check_reply (self, held, error, token_used, "/meta/connect")) == NULL)
    return;
  reconnect = advice_reconnect (reply);
  if (!hd_json_get_boolean (reply, "successful", FALSE))
    {
      const char *bayeux_error = hd_json_get_string (reply, "error", NULL);
      g_autofree char *message = g_strdup_printf (_("Salesforce closed the stream of handoffs: %s"),
                                                  bayeux_error != NULL ? bayeux_error : _("no reason given"));

      if (g_strcmp0 (reconnect, "none") == 0)
        fail (self, HD_BAYEUX_STATE_FAILED, message);
      else
        back_off (self, message);
      return;
    }

  apply_advice (self, reply);
  self->attempt = 0;
  self->refreshed = FALSE;
  set_last_error (self, NULL);
  if (g_strcmp0 (reconnect, "handshake") == 0)
    schedule (self, self->advice_interval_ms, run_handshake_cb);
  else if (g_strcmp0 (reconnect, "none") == 0)
    fail (self, HD_BAYEUX_STATE_FAILED, _("Salesforce asked not to reconnect to the stream of handoffs"));
  else if (self->advice_interval_ms == 0)
    connect_poll (self);
  else
    schedule (self, self->advice_interval_ms, run_connect_cb);
}

static void
connect_poll (HdBayeuxClient *self)
{
  g_autoptr(JsonObject) message = new_message (self, "/meta/connect");

  json_object_set_string_member (message, "connectionType", "long-polling");
  _hd_bayeux_client_post (self, message, self->advice_timeout_ms + self->poll_margin_ms, connect_reply);
}

/* --- GObject --- */

static void
hd_bayeux_client_dispose (GObject *object)
{
  HdBayeuxClient *self = HD_BAYEUX_CLIENT (object);

  _hd_bayeux_client_abandon (self);
  clear_timer (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->auth);
  G_OBJECT_CLASS (hd_bayeux_client_parent_class)->dispose (object);
}

static void
hd_bayeux_client_finalize (GObject *object)
{
  HdBayeuxClient *self = HD_BAYEUX_CLIENT (object);

  g_free (self->version);
  g_free (self->client_id);
  g_free (self->last_error);
  g_clear_pointer (&self->channels, g_ptr_array_unref);
  g_clear_pointer (&self->replay, g_hash_table_unref);
  G_OBJECT_CLASS (hd_bayeux_client_parent_class)->finalize (object);
}

static void
hd_bayeux_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HdBayeuxClient *self = HD_BAYEUX_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_N_HANDSHAKES:
      g_value_set_uint (value, self->n_handshakes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_bayeux_client_class_init (HdBayeuxClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_bayeux_client_dispose;
  object_class->finalize = hd_bayeux_client_finalize;
  object_class->get_property = hd_bayeux_client_get_property;

  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, HD_BAYEUX_STATE_FAILED, 0,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HANDSHAKES] = g_param_spec_uint ("n-handshakes", NULL, NULL, 0, G_MAXUINT, 0,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, JSON_TYPE_OBJECT);
  signals[REPLAY_INVALID] = g_signal_new ("replay-invalid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  signals[SUBSCRIBE_REFUSED] = g_signal_new ("subscribe-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                             NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
hd_bayeux_client_init (HdBayeuxClient *self)
{
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();

  /* No idle timeout of libsoup's own: each request has its deadline. */
  self->session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (jar));
  self->channels = g_ptr_array_new_with_free_func (g_free);
  self->replay = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->advice_timeout_ms = DEFAULT_ADVICE_TIMEOUT_MS;
  self->backoff_initial_ms = 500;
  self->backoff_max_ms = 30000;
  self->request_ms = 30000;
  self->poll_margin_ms = 15000;
  self->max_response = HD_BAYEUX_DEFAULT_MAX_RESPONSE;
}

HdBayeuxClient *
hd_bayeux_client_new (HdSfAuth   *auth,
                      const char *api_version)
{
  HdBayeuxClient *self;

  g_return_val_if_fail (HD_IS_SF_AUTH (auth), NULL);
  g_return_val_if_fail (api_version != NULL, NULL);

  self = g_object_new (HD_TYPE_BAYEUX_CLIENT, NULL);
  self->auth = g_object_ref (auth);
  /* The REST version is written "v64.0"; the streaming path takes "64.0". */
  self->version = g_strdup (api_version[0] == 'v' ? api_version + 1 : api_version);
  return self;
}

void
hd_bayeux_client_subscribe (HdBayeuxClient *self,
                            const char     *channel,
                            gint64          replay_id)
{
  gint64 *position;

  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));
  g_return_if_fail (channel != NULL && channel[0] == '/');

  if ((position = g_hash_table_lookup (self->replay, channel)) == NULL)
    {
      position = g_new (gint64, 1);
      g_hash_table_insert (self->replay, g_strdup (channel), position);
      g_ptr_array_add (self->channels, g_strdup (channel));
    }
  *position = replay_id;
}

gint64
hd_bayeux_client_get_replay_id (HdBayeuxClient *self,
                                const char     *channel)
{
  gint64 *position;

  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), HD_BAYEUX_REPLAY_TIP);
  position = g_hash_table_lookup (self->replay, channel);
  return position != NULL ? *position : HD_BAYEUX_REPLAY_TIP;
}

void
hd_bayeux_client_start (HdBayeuxClient *self)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));

  _hd_bayeux_client_abandon (self);
  clear_timer (self);
  self->attempt = 0;
  self->refreshed = FALSE;
  self->delivered = FALSE;
  set_last_error (self, NULL);
  handshake (self);
}

void
hd_bayeux_client_stop (HdBayeuxClient *self)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));

  _hd_bayeux_client_abandon (self);
  clear_timer (self);
  _hd_bayeux_client_send_disconnect (self);
  g_clear_pointer (&self->client_id, g_free);
  set_state (self, HD_BAYEUX_STATE_STOPPED);
}

HdBayeuxState
hd_bayeux_client_get_state (HdBayeuxClient *self)
{
  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), HD_BAYEUX_STATE_STOPPED);
  return self->state;
}

const char *
hd_bayeux_client_get_last_error (HdBayeuxClient *self)
{
  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), NULL);
  return self->last_error;
}

const char *
hd_bayeux_client_get_client_id (HdBayeuxClient *self)
{
  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), NULL);
  return self->client_id;
}

guint
hd_bayeux_client_get_n_handshakes (HdBayeuxClient *self)
{
  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), 0);
  return self->n_handshakes;
}

guint
hd_bayeux_client_get_n_refreshes (HdBayeuxClient *self)
{
  g_return_val_if_fail (HD_IS_BAYEUX_CLIENT (self), 0);
  return self->n_refreshes;
}

void
hd_bayeux_client_set_backoff (HdBayeuxClient *self,
                              guint           initial_ms,
                              guint           max_ms)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));
  self->backoff_initial_ms = MAX (initial_ms, 1);
  self->backoff_max_ms = MAX (max_ms, self->backoff_initial_ms);
}

void
hd_bayeux_client_set_timeouts (HdBayeuxClient *self,
                               guint           request_ms,
                               guint           poll_margin_ms)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));
  self->request_ms = MAX (request_ms, 1);
  self->poll_margin_ms = poll_margin_ms;
}

void
hd_bayeux_client_set_max_response_bytes (HdBayeuxClient *self,
                                         gsize           max_bytes)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));
  self->max_response = MAX (max_bytes, 64);
}
