/* hd-demo-router.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-router"

#include "config.h"

#include "hd-demo-router-private.h"
#include "hd-demo-templates.h"
#include "hd-error.h"

G_DEFINE_FINAL_TYPE (HdDemoRouter, hd_demo_router, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_HEARTBEAT_MS,
  PROP_OFFER_RATE,
  PROP_OFFER_TTL_S,
  PROP_REPLAY_WINDOW,
  PROP_TURN_INTERVAL_MS,
  PROP_ABANDON_RATIO,
  PROP_SIMULATION_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Timers ---------------------------------------------------------------- */

static void
destroy_source (GSource **source)
{
  if (*source == NULL)
    return;
  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static GSource *
add_timer (HdDemoRouter *self,
           guint         interval_ms,
           GSourceFunc   func,
           const char   *name)
{
  GSource *source = g_timeout_source_new (MAX (interval_ms, 1));

  g_source_set_static_name (source, name);
  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  HdDemoRouter *self = user_data;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (self->heartbeats_paused)
    return G_SOURCE_CONTINUE;

  now = g_date_time_new_now_utc ();
  text = hd_feed_build_heartbeat (now);
  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->stream != NULL || conn->supervisor)
        _hd_demo_router_conn_send (conn, text);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
rate_cb (gpointer user_data)
{
  HdDemoRouter *self = user_data;
  g_autoptr(GPtrArray) agents = g_ptr_array_new ();
  g_autofree char *id = NULL;
  Conn *conn;
  Offer *offer;

  for (guint i = 0; i < self->conns->len; i++)
    {
      conn = g_ptr_array_index (self->conns, i);
      if (conn->stream != NULL && conn->status == HD_FEED_AGENT_STATUS_AVAILABLE)
        g_ptr_array_add (agents, conn);
    }
  if (agents->len == 0)
    return G_SOURCE_CONTINUE;

  conn = g_ptr_array_index (agents, self->next_agent++ % agents->len);
  id = hd_demo_router_push_offer (self, conn->stream->agent_id, -1);
  offer = g_hash_table_lookup (self->offers, id);
  if (offer != NULL && g_rand_double (self->rand) < self->abandon_ratio)
    offer->abandon_mono = g_get_monotonic_time () +
                          (gint64) (g_rand_double_range (self->rand, 0.3, 0.8) *
                                    self->offer_ttl_s * G_USEC_PER_SEC);
  return G_SOURCE_CONTINUE;
}

static gboolean
tick_cb (gpointer user_data)
{
  HdDemoRouter *self = user_data;
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  Offer *offer;

  g_hash_table_iter_init (&iter, self->offers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
    if (offer->state == HD_HANDOFF_STATE_OFFERED && !offer->in_queue)
      g_ptr_array_add (due, offer);

  g_hash_table_iter_init (&iter, self->offers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
    if ((offer->state == HD_HANDOFF_STATE_ACCEPTED && offer->wrap_mono != 0) ||
        (offer->in_queue && offer->state == HD_HANDOFF_STATE_OFFERED))
      g_ptr_array_add (due, offer);

  for (guint i = 0; i < due->len; i++)
    {
      const char *text;

      offer = g_ptr_array_index (due, i);
      if (offer->in_queue || offer->wrap_mono != 0)
        _hd_demo_router_tick_queued (self, offer, now);
      else if (now >= offer->expires_mono)
        _hd_demo_router_revoke_offer (self, offer, HD_REVOKE_REASON_EXPIRED);
      else if (offer->abandon_mono != 0 && now >= offer->abandon_mono)
        _hd_demo_router_revoke_offer (self, offer, HD_REVOKE_REASON_CUSTOMER_ABANDONED);
      else if (self->turn_interval_ms > 0 && offer->template_index >= 0 &&
               now >= offer->next_turn_mono &&
               (text = hd_demo_template_get_follow_up ((guint) offer->template_index,
                                                       offer->next_follow_up)) != NULL)
        {
          offer->next_follow_up++;
          offer->next_turn_mono = now + (gint64) self->turn_interval_ms * 1000;
          _hd_demo_router_emit_turn (self, offer, "customer", text, NULL);
        }
    }
  _hd_demo_router_sweep_simulated (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_timers (HdDemoRouter *self)
{
  destroy_source (&self->heartbeat_source);
  destroy_source (&self->rate_source);
  destroy_source (&self->tick_source);
  destroy_source (&self->simulation_source);
  if (self->server == NULL)
    return;

  if (self->simulation_rate > 0)
    self->simulation_source = add_timer (self, (guint) MAX (60000.0 / self->simulation_rate, 1),
                                         _hd_demo_router_simulate_cb,
                                         "[hd-demo-router] simulation");
  self->heartbeat_source = add_timer (self, self->heartbeat_ms, heartbeat_cb,
                                      "[hd-demo-router] heartbeat");
  self->tick_source = add_timer (self, 100, tick_cb, "[hd-demo-router] tick");
  if (self->offer_rate > 0)
    self->rate_source = add_timer (self, (guint) (60000.0 / self->offer_rate), rate_cb,
                                   "[hd-demo-router] offers");
}

/* Lifecycle ------------------------------------------------------------- */

static void
hd_demo_router_dispose (GObject *object)
{
  HdDemoRouter *self = HD_DEMO_ROUTER (object);

  hd_demo_router_stop (self);

  G_OBJECT_CLASS (hd_demo_router_parent_class)->dispose (object);
}

static void
hd_demo_router_finalize (GObject *object)
{
  HdDemoRouter *self = HD_DEMO_ROUTER (object);

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->stream_id, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->conns, g_ptr_array_unref);
  g_clear_pointer (&self->offers, g_hash_table_unref);
  g_clear_pointer (&self->streams, g_hash_table_unref);
  g_clear_pointer (&self->queue_stats, g_hash_table_unref);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (hd_demo_router_parent_class)->finalize (object);
}

static void
hd_demo_router_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HdDemoRouter *self = HD_DEMO_ROUTER (object);

  switch (prop_id)
    {
    case PROP_HEARTBEAT_MS:
      g_value_set_uint (value, self->heartbeat_ms);
      break;
    case PROP_OFFER_RATE:
      g_value_set_double (value, self->offer_rate);
      break;
    case PROP_OFFER_TTL_S:
      g_value_set_uint (value, self->offer_ttl_s);
      break;
    case PROP_REPLAY_WINDOW:
      g_value_set_uint (value, self->replay_window);
      break;
    case PROP_TURN_INTERVAL_MS:
      g_value_set_uint (value, self->turn_interval_ms);
      break;
    case PROP_ABANDON_RATIO:
      g_value_set_double (value, self->abandon_ratio);
      break;
    case PROP_SIMULATION_RATE:
      g_value_set_double (value, self->simulation_rate);
      break;
    case PROP_TOKEN:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_demo_router_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HdDemoRouter *self = HD_DEMO_ROUTER (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_free (self->token);
      self->token = g_value_dup_string (value);
      break;
    case PROP_HEARTBEAT_MS:
      hd_demo_router_set_heartbeat_ms (self, g_value_get_uint (value));
      break;
    case PROP_OFFER_RATE:
      hd_demo_router_set_offer_rate (self, g_value_get_double (value));
      break;
    case PROP_OFFER_TTL_S:
      self->offer_ttl_s = g_value_get_uint (value);
      break;
    case PROP_REPLAY_WINDOW:
      self->replay_window = g_value_get_uint (value);
      break;
    case PROP_TURN_INTERVAL_MS:
      self->turn_interval_ms = g_value_get_uint (value);
      break;
    case PROP_ABANDON_RATIO:
      self->abandon_ratio = g_value_get_double (value);
      break;
    case PROP_SIMULATION_RATE:
      self->simulation_rate = g_value_get_double (value);
      restart_timers (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_demo_router_class_init (HdDemoRouterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hd_demo_router_dispose;
  object_class->finalize = hd_demo_router_finalize;
  object_class->get_property = hd_demo_router_get_property;
  object_class->set_property = hd_demo_router_set_property;

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEARTBEAT_MS] =
    g_param_spec_uint ("heartbeat-ms", NULL, NULL, 10, 600000, 15000, rw);
  properties[PROP_OFFER_RATE] =
    g_param_spec_double ("offer-rate", NULL, NULL, 0, 600000, 0, rw);
  properties[PROP_OFFER_TTL_S] =
    g_param_spec_uint ("offer-ttl-s", NULL, NULL, 1, 86400, 45, rw);
  properties[PROP_REPLAY_WINDOW] =
    g_param_spec_uint ("replay-window", NULL, NULL, 1, G_MAXUINT, 10000, rw);
  properties[PROP_TURN_INTERVAL_MS] =
    g_param_spec_uint ("turn-interval-ms", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_ABANDON_RATIO] =
    g_param_spec_double ("abandon-ratio", NULL, NULL, 0, 1, 0, rw);
  properties[PROP_SIMULATION_RATE] =
    g_param_spec_double ("simulation-rate", NULL, NULL, 0, 600000, 0, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_demo_router_init (HdDemoRouter *self)
{
  guint8 random_bytes[8];
  GString *id = g_string_new (NULL);

  self->heartbeat_ms = 15000;
  self->offer_ttl_s = 45;
  self->replay_window = 10000;
  self->streams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _hd_demo_router_stream_free);
  self->offers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _hd_demo_router_offer_free);
  self->conns = g_ptr_array_new_with_free_func (_hd_demo_router_conn_free);
  self->queue_stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _hd_demo_router_queue_stats_free);
  self->rand = g_rand_new ();

  for (guint i = 0; i < G_N_ELEMENTS (random_bytes); i++)
    {
      random_bytes[i] = (guint8) g_random_int_range (0, 256);
      g_string_append_printf (id, "%02x", random_bytes[i]);
    }
  self->stream_id = g_string_free (id, FALSE);
}

HdDemoRouter *
hd_demo_router_new (const char *token)
{
  g_return_val_if_fail (token != NULL && *token != '\0', NULL);

  return g_object_new (HD_TYPE_DEMO_ROUTER, "token", token, NULL);
}

char *
hd_demo_router_generate_token (void)
{
  GString *token = g_string_new (NULL);

  for (guint i = 0; i < 32; i++)
    g_string_append_printf (token, "%02x", (guint) g_random_int_range (0, 256));
  return g_string_free (token, FALSE);
}

gboolean
hd_demo_router_start (HdDemoRouter  *self,
                      guint          port,
                      GError       **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *protocols[] = { HD_FEED_SUBPROTOCOL, NULL };
  GSList *uris;

  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  server = soup_server_new ("server-header", "handoffdesk-router", NULL);
  soup_server_add_early_handler (server, HD_FEED_PATH, _hd_demo_router_auth_cb, self, NULL);
  soup_server_add_websocket_handler (server, HD_FEED_PATH, NULL, (char **) protocols,
                                     _hd_demo_router_websocket_cb, self, NULL);
  soup_server_add_early_handler (server, HD_DEMO_ROUTER_INTAKE_PATH, _hd_demo_router_intake_early_cb,
                                 self, NULL);
  soup_server_add_handler (server, HD_DEMO_ROUTER_INTAKE_PATH, _hd_demo_router_intake_cb, self, NULL);
  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_IO, "Cannot listen on 127.0.0.1:%u: %s",
                   port, local_error->message);
      return FALSE;
    }

  uris = soup_server_get_uris (server);
  self->port = uris != NULL ? (guint) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_free (self->uri);
  self->uri = g_strdup_printf ("ws://127.0.0.1:%u%s", self->port, HD_FEED_PATH);
  self->server = g_steal_pointer (&server);
  self->context = g_main_context_ref_thread_default ();
  restart_timers (self);

  g_debug ("listening on %s", self->uri);
  return TRUE;
}

void
hd_demo_router_stop (HdDemoRouter *self)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));

  if (self->server == NULL)
    return;

  /* Like a crash: sockets go away without a close frame. */
  hd_demo_router_drop_connections (self);
  g_ptr_array_set_size (self->conns, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  restart_timers (self);
  g_clear_pointer (&self->context, g_main_context_unref);
}

guint
hd_demo_router_get_port (HdDemoRouter *self)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), 0);
  return self->port;
}

const char *
hd_demo_router_get_uri (HdDemoRouter *self)
{
  g_return_val_if_fail (HD_IS_DEMO_ROUTER (self), NULL);
  return self->server != NULL ? self->uri : NULL;
}

void
hd_demo_router_set_offer_rate (HdDemoRouter *self,
                               double        per_minute)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));

  self->offer_rate = MAX (per_minute, 0);
  restart_timers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER_RATE]);
}

void
hd_demo_router_set_heartbeat_ms (HdDemoRouter *self,
                                 guint         heartbeat_ms)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));

  self->heartbeat_ms = MAX (heartbeat_ms, 10);
  restart_timers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEARTBEAT_MS]);
}

/* Faults ---------------------------------------------------------------- */

void
hd_demo_router_drop_connections (HdDemoRouter *self)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      conn->stream = NULL;  /* nothing more goes out on it */
      conn->supervisor = FALSE;
      conn->dropped = TRUE;
      if (conn->socket != NULL)
        g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
    }
}

void
hd_demo_router_send_raw (HdDemoRouter *self,
                         const char   *text)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->stream != NULL)
        _hd_demo_router_conn_send (conn, text);
    }
}

void
hd_demo_router_send_malformed (HdDemoRouter *self)
{
  hd_demo_router_send_raw (self, "{\"type\": \"offer\", \"seq\": 17, \"packet\": {\"handoff_id\": ");
}

void
hd_demo_router_send_unknown_type (HdDemoRouter *self)
{
  hd_demo_router_send_raw (self, "{\"type\": \"teleport\", \"to\": \"mars\"}");
}

void
hd_demo_router_send_oversized (HdDemoRouter *self,
                               gsize         n_bytes)
{
  GString *text;

  g_return_if_fail (HD_IS_DEMO_ROUTER (self));

  text = g_string_sized_new (n_bytes + 64);
  g_string_append (text, "{\"type\": \"heartbeat\", \"padding\": \"");
  while (text->len + 2 < n_bytes)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}");
  hd_demo_router_send_raw (self, text->str);
  g_string_free (text, TRUE);
}

void
hd_demo_router_set_heartbeats_paused (HdDemoRouter *self,
                                      gboolean      paused)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));
  self->heartbeats_paused = paused;
}

void
hd_demo_router_set_refuse_auth (HdDemoRouter *self,
                                gboolean      refuse)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));
  self->refuse_auth = refuse;
}

void
hd_demo_router_set_duplicate_frames (HdDemoRouter *self,
                                     gboolean      duplicate)
{
  g_return_if_fail (HD_IS_DEMO_ROUTER (self));
  self->duplicate_frames = duplicate;
}
