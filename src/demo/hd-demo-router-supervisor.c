/* hd-demo-router-supervisor.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-router"

#include "config.h"

#include "hd-demo-router-private.h"
#include "hd-demo-templates.h"
#include "hd-json-get.h"
#include "hd-packet-parser.h"
#include "hd-time.h"

/* The supervisor stream: rich queue snapshots and events, the agents'
 * handoff-quality signals, transfers, read-only fetches, and a small
 * simulated contact centre ("simulation-rate") that keeps the panels of
 * `--demo` alive without other agents connected. */

/* A supervisor's drill-down lists at most this many handoffs per queue. */
#define MAX_WAITING_LISTED 500

/* Describing offers ------------------------------------------------------ */

static const char *
get_path_string (JsonObject *root,
                 const char *object_name,
                 const char *member)
{
  JsonObject *object;

  if (root == NULL || !json_object_has_member (root, object_name) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, object_name)))
    return NULL;
  object = json_object_get_object_member (root, object_name);
  if (!json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, member)))
    return NULL;
  return hd_json_get_string (object, member, NULL);
}

void
_hd_demo_router_offer_clear_supervision (Offer *offer)
{
  g_clear_pointer (&offer->packet, json_node_unref);
  g_clear_pointer (&offer->customer, g_free);
  g_clear_pointer (&offer->intent, g_free);
  g_clear_pointer (&offer->flow, g_free);
  g_clear_pointer (&offer->flow_label, g_free);
  g_clear_pointer (&offer->priority, g_free);
  g_clear_pointer (&offer->missing, g_strfreev);
  g_clear_pointer (&offer->transferred_from, g_free);
}

void
_hd_demo_router_queue_stats_free (gpointer data)
{
  QueueStats *stats = data;

  g_free (stats->label);
  g_free (stats);
}

static QueueStats *
ensure_stats (HdDemoRouter *self,
              const char   *queue_id)
{
  QueueStats *stats = g_hash_table_lookup (self->queue_stats, queue_id);

  if (stats == NULL)
    {
      stats = g_new0 (QueueStats, 1);
      g_hash_table_insert (self->queue_stats, g_strdup (queue_id), stats);
    }
  return stats;
}

/* Pulls what supervisors see out of the packet, once per offer: the model's
 * parser gives the completeness keys exactly as the app computes them. */
void
_hd_demo_router_offer_describe (HdDemoRouter *self,
                                Offer        *offer,
                                JsonNode     *packet)
{
  g_autoptr(HdPacket) parsed = NULL;
  JsonObject *root = JSON_NODE_HOLDS_OBJECT (packet) ? json_node_get_object (packet) : NULL;

  offer->packet = json_node_ref (packet);
  offer->waiting_since = g_get_real_time ();
  offer->customer = g_strdup (get_path_string (root, "customer", "name"));
  offer->flow = g_strdup (get_path_string (root, "bot", "flow"));
  offer->priority = g_strdup (get_path_string (root, "routing", "priority"));

  parsed = hd_packet_parse_node (packet, NULL, NULL);
  if (parsed != NULL)
    {
      HdRouting *routing = hd_packet_get_routing (parsed);
      HdIntent *intent = hd_packet_get_primary_intent (parsed);
      HdCompleteness *completeness = hd_packet_get_completeness (parsed);
      g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

      offer->flow_label = g_strdup (hd_packet_get_bot_flow_label (parsed));
      /* The routing layer's name for the queue, as a real router would send
       * it: only the fraud, hardship and payments templates have one. */
      if (hd_routing_get_skill_group_label (routing) != NULL &&
          g_strcmp0 (hd_routing_get_skill_group (routing), offer->queue_id) == 0)
        {
          QueueStats *stats = ensure_stats (self, offer->queue_id);

          g_free (stats->label);
          stats->label = g_strdup (hd_routing_get_skill_group_label (routing));
        }
      offer->vip = hd_routing_get_vip (routing);
      offer->vulnerable = hd_routing_get_vulnerable (routing);
      offer->sla_seconds = hd_routing_get_sla_target_seconds (routing);
      offer->verified = hd_verification_get_authenticated (hd_packet_get_verification (parsed));
      offer->intent = g_strdup (intent != NULL ? hd_intent_get_name (intent) : NULL);
      for (guint c = 0; c < HD_N_CONTEXTS; c++)
        g_strv_builder_addv (missing, (const char **) hd_completeness_get_missing_keys (completeness, c));
      offer->missing = g_strv_builder_end (missing);
    }
  if (offer->sla_seconds > 0)
    ensure_stats (self, offer->queue_id)->sla_seconds = offer->sla_seconds;
}

static JsonObject *
offer_summary (Offer *offer)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GDateTime) since = g_date_time_new_from_unix_utc (offer->waiting_since / G_USEC_PER_SEC);
  g_autofree char *since_text = hd_time_format_rfc3339 (since, 6);

  json_object_set_string_member (object, "handoff_id", offer->id);
  json_object_set_string_member (object, "waiting_since", since_text);
  if (offer->customer != NULL)
    json_object_set_string_member (object, "customer", offer->customer);
  if (offer->intent != NULL)
    json_object_set_string_member (object, "intent", offer->intent);
  if (offer->priority != NULL)
    json_object_set_string_member (object, "priority", offer->priority);
  if (offer->flow != NULL)
    json_object_set_string_member (object, "bot_flow", offer->flow);
  if (offer->flow_label != NULL)
    json_object_set_string_member (object, "bot_flow_label", offer->flow_label);
  json_object_set_boolean_member (object, "vip", offer->vip);
  json_object_set_boolean_member (object, "vulnerable", offer->vulnerable);
  if (offer->sla_seconds > 0)
    json_object_set_int_member (object, "sla_target_s", offer->sla_seconds);
  if (offer->transferred_from != NULL)
    json_object_set_string_member (object, "transferred_from", offer->transferred_from);
  return object;
}

/* Counting --------------------------------------------------------------- */

static guint
stats_slot (QueueStats *stats,
            gint64      minute)
{
  guint slot = (guint) (minute % 60);

  if (stats->minute[slot] != minute)
    {
      stats->minute[slot] = minute;
      stats->declined[slot] = 0;
      stats->expired[slot] = 0;
      stats->abandoned_in_transfer[slot] = 0;
    }
  return slot;
}

static void
stats_sum (QueueStats *stats,
           gint64      minute,
           guint      *declined,
           guint      *expired,
           guint      *abandoned_in_transfer)
{
  *declined = *expired = *abandoned_in_transfer = 0;
  for (guint i = 0; stats != NULL && i < 60; i++)
    if (stats->minute[i] > minute - 60 && stats->minute[i] <= minute)
      {
        *declined += stats->declined[i];
        *expired += stats->expired[i];
        *abandoned_in_transfer += stats->abandoned_in_transfer[i];
      }
}

static void
count_agents (HdDemoRouter *self,
              guint        *available,
              guint        *busy,
              guint        *away)
{
  *available = *busy = *away = 0;
  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      /* A supervisor's own connection is not an agent. */
      if (conn->stream == NULL || conn->supervisor)
        continue;
      switch (conn->status)
        {
        case HD_FEED_AGENT_STATUS_AVAILABLE: (*available)++; break;
        case HD_FEED_AGENT_STATUS_BUSY: (*busy)++; break;
        case HD_FEED_AGENT_STATUS_AWAY: (*away)++; break;
        default: break;
        }
    }
}

static void
set_agent_counts (HdDemoRouter *self,
                  JsonObject   *object)
{
  guint available, busy, away;

  count_agents (self, &available, &busy, &away);
  json_object_set_int_member (object, "agents_available", available);
  json_object_set_int_member (object, "agents_busy", busy);
  json_object_set_int_member (object, "agents_away", away);
}

static gboolean
is_waiting (Offer *offer)
{
  return offer->state == HD_HANDOFF_STATE_OFFERED;
}

static guint
count_waiting (HdDemoRouter *self,
               const char   *queue_id)
{
  GHashTableIter iter;
  Offer *offer;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->offers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
    if (is_waiting (offer) && g_strcmp0 (offer->queue_id, queue_id) == 0)
      n++;
  return n;
}

static guint
count_in_push (HdDemoRouter *self,
               const char   *queue_id)
{
  GHashTableIter iter;
  Offer *offer;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->offers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
    if (is_waiting (offer) && !offer->in_queue && g_strcmp0 (offer->queue_id, queue_id) == 0)
      n++;
  return n;
}

static gboolean
conn_watches_queue (Conn       *conn,
                    const char *queue_id)
{
  if (!conn->supervisor)
    return FALSE;
  if (conn->queue_ids == NULL || conn->queue_ids[0] == NULL)
    return TRUE;
  return g_strv_contains ((const char * const *) conn->queue_ids, queue_id);
}

/* Events ----------------------------------------------------------------- */

/* Supervisor events are live only: a supervisor that reconnects subscribes
 * again and gets a fresh snapshot.  @extra (consumed) adds members. */
void
_hd_demo_router_broadcast (HdDemoRouter *self,
                           Offer        *offer,
                           const char   *event,
                           JsonObject   *extra)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;
  g_autofree char *text = NULL;
  const char *to_queue = extra != NULL ? hd_json_get_string (extra, "to_queue", NULL) : NULL;
  const char *queue_id = offer->queue_id;
  JsonObject *object;
  gboolean any = FALSE;
  gint64 minute = g_get_real_time () / (60 * G_USEC_PER_SEC);
  QueueStats *stats;

  /* A transfer is reported by the queue it leaves. */
  if (to_queue != NULL && offer->transferred_from != NULL)
    queue_id = offer->transferred_from;

  stats = ensure_stats (self, queue_id);
  if (g_str_equal (event, "declined"))
    stats->declined[stats_slot (stats, minute)]++;
  else if (g_str_equal (event, "expired"))
    stats->expired[stats_slot (stats, minute)]++;
  else if (g_str_equal (event, "customer_abandoned") && offer->transferred_from != NULL)
    stats->abandoned_in_transfer[stats_slot (stats, minute)]++;

  for (guint i = 0; i < self->conns->len && !any; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      any = conn_watches_queue (conn, queue_id) || (to_queue != NULL && conn_watches_queue (conn, to_queue));
    }
  if (!any)
    {
      g_clear_pointer (&extra, json_object_unref);
      return;
    }

  now = g_date_time_new_now_utc ();
  at = hd_time_format_rfc3339 (now, 6);
  object = hd_feed_object_new (HD_FEED_MSG_QUEUE_EVENT, 0);
  json_object_set_string_member (object, "queue_id", queue_id);
  if (stats->label != NULL)
    json_object_set_string_member (object, "queue_label", stats->label);
  json_object_set_string_member (object, "event", event);
  json_object_set_string_member (object, "handoff_id", offer->id);
  json_object_set_string_member (object, "agent_id", offer->simulated ? "sim-agent" : offer->agent_id);
  json_object_set_string_member (object, "at", at);
  json_object_set_int_member (object, "waiting", count_waiting (self, queue_id));
  json_object_set_int_member (object, "offers_in_push", count_in_push (self, queue_id));
  set_agent_counts (self, object);
  json_object_set_string_member (object, "origin", offer->flow != NULL ? "bot" : "agent_only");
  if (offer->flow != NULL)
    json_object_set_string_member (object, "bot_flow", offer->flow);
  if (offer->flow != NULL && offer->flow_label != NULL)
    json_object_set_string_member (object, "bot_flow_label", offer->flow_label);
  if (g_str_equal (event, "offered"))
    {
      JsonArray *missing = json_array_new ();

      for (guint i = 0; offer->missing != NULL && offer->missing[i] != NULL; i++)
        json_array_add_string_element (missing, offer->missing[i]);
      json_object_set_array_member (object, "missing", missing);
      json_object_set_boolean_member (object, "verified", offer->verified);
      json_object_set_object_member (object, "handoff", offer_summary (offer));
    }
  if (g_str_equal (event, "customer_abandoned") || g_str_equal (event, "expired"))
    json_object_set_boolean_member (object, "in_transfer", offer->transferred_from != NULL);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (object, name, json_node_copy (node));
      json_object_unref (extra);
    }
  if (to_queue != NULL)
    {
      json_object_set_int_member (object, "to_waiting", count_waiting (self, to_queue));
      json_object_set_object_member (object, "handoff", offer_summary (offer));
    }
  text = hd_feed_object_to_text (object);
  json_object_unref (object);

  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn_watches_queue (conn, queue_id) || (to_queue != NULL && conn_watches_queue (conn, to_queue)))
        _hd_demo_router_conn_send (conn, text);
    }
}

/* Snapshots -------------------------------------------------------------- */

static gint
compare_waiting_since (gconstpointer a,
                       gconstpointer b)
{
  const Offer *x = *(Offer **) a;
  const Offer *y = *(Offer **) b;

  return x->waiting_since < y->waiting_since ? -1 : x->waiting_since > y->waiting_since;
}

void
_hd_demo_router_send_snapshot (HdDemoRouter *self,
                               Conn         *conn)
{
  g_autoptr(GPtrArray) queues = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = hd_time_format_rfc3339 (now, 6);
  JsonObject *object = hd_feed_object_new (HD_FEED_MSG_QUEUE_SNAPSHOT, 0);
  JsonArray *array = json_array_new ();
  gint64 now_us = g_get_real_time ();
  gint64 minute = now_us / (60 * G_USEC_PER_SEC);
  GHashTableIter iter;
  const char *queue_id;
  Offer *offer;

  for (guint i = 0; i < hd_demo_templates_get_n (); i++)
    {
      queue_id = hd_demo_template_get_queue (i);
      if (!g_ptr_array_find_with_equal_func (queues, queue_id, g_str_equal, NULL) &&
          conn_watches_queue (conn, queue_id))
        g_ptr_array_add (queues, (gpointer) queue_id);
    }
  g_hash_table_iter_init (&iter, self->queue_stats);
  while (g_hash_table_iter_next (&iter, (gpointer *) &queue_id, NULL))
    if (!g_ptr_array_find_with_equal_func (queues, queue_id, g_str_equal, NULL) &&
        conn_watches_queue (conn, queue_id))
      g_ptr_array_add (queues, (gpointer) queue_id);

  for (guint i = 0; i < queues->len; i++)
    {
      g_autoptr(GPtrArray) waiting = g_ptr_array_new ();
      JsonObject *queue = json_object_new ();
      JsonArray *handoffs = json_array_new ();
      QueueStats *stats;
      guint declined, expired, abandoned, vip = 0, vulnerable = 0, in_push = 0;

      queue_id = g_ptr_array_index (queues, i);
      stats = g_hash_table_lookup (self->queue_stats, queue_id);
      g_hash_table_iter_init (&iter, self->offers);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
        if (is_waiting (offer) && g_strcmp0 (offer->queue_id, queue_id) == 0)
          {
            g_ptr_array_add (waiting, offer);
            vip += offer->vip;
            vulnerable += offer->vulnerable;
            in_push += !offer->in_queue;
          }
      g_ptr_array_sort (waiting, compare_waiting_since);
      for (guint j = 0; j < waiting->len && j < MAX_WAITING_LISTED; j++)
        json_array_add_object_element (handoffs, offer_summary (g_ptr_array_index (waiting, j)));

      stats_sum (stats, minute, &declined, &expired, &abandoned);
      json_object_set_string_member (queue, "queue_id", queue_id);
      if (stats != NULL && stats->label != NULL)
        json_object_set_string_member (queue, "queue_label", stats->label);
      json_object_set_int_member (queue, "waiting", waiting->len);
      set_agent_counts (self, queue);
      json_object_set_int_member (queue, "offers_in_push", in_push);
      json_object_set_int_member (queue, "longest_wait_s",
                                  waiting->len == 0 ? 0
                                  : (now_us - ((Offer *) g_ptr_array_index (waiting, 0))->waiting_since) / G_USEC_PER_SEC);
      if (stats != NULL && stats->sla_seconds > 0)
        json_object_set_int_member (queue, "sla_target_s", stats->sla_seconds);
      json_object_set_int_member (queue, "declined", declined);
      json_object_set_int_member (queue, "expired", expired);
      json_object_set_int_member (queue, "abandoned_in_transfer", abandoned);
      json_object_set_int_member (queue, "vip_waiting", vip);
      json_object_set_int_member (queue, "vulnerable_waiting", vulnerable);
      json_object_set_array_member (queue, "waiting_handoffs", handoffs);
      json_array_add_object_element (array, queue);
    }

  json_object_set_string_member (object, "at", at);
  json_object_set_array_member (object, "queues", array);
  _hd_demo_router_conn_send_take (conn, hd_feed_object_to_text (object));
  json_object_unref (object);
}

void
_hd_demo_router_send_snapshot_all (HdDemoRouter *self)
{
  for (guint i = 0; i < self->conns->len; i++)
    {
      Conn *conn = g_ptr_array_index (self->conns, i);

      if (conn->supervisor)
        _hd_demo_router_send_snapshot (self, conn);
    }
}

/* Agent signals and fetches ------------------------------------------------ */

static void
send_error (Conn          *conn,
            const char    *code,
            const char    *text,
            HdFeedMessage *request)
{
  _hd_demo_router_conn_send_take (conn, hd_feed_build_error (code, text, request->request_id,
                                                             request->handoff_id));
}

/* Puts @offer back in a queue with no agent, where a virtual agent picks it
 * up later, or the customer gives up. */
static void
requeue (HdDemoRouter *self,
         Offer        *offer,
         const char   *to_queue)
{
  gint64 mono = g_get_monotonic_time ();

  if (offer->transferred_from == NULL)
    offer->transferred_from = g_strdup (offer->queue_id);
  g_free (offer->queue_id);
  offer->queue_id = g_strdup (to_queue);
  offer->state = HD_HANDOFF_STATE_OFFERED;
  offer->in_queue = TRUE;
  offer->wrap_mono = 0;
  offer->waiting_since = g_get_real_time ();
  offer->expires_mono = mono + (gint64) self->offer_ttl_s * 4 * G_USEC_PER_SEC;
  offer->pickup_mono = mono + (gint64) (g_rand_double_range (self->rand, 0.2, 0.9) *
                                        self->offer_ttl_s * G_USEC_PER_SEC);
  offer->abandon_mono = g_rand_double (self->rand) < MAX (self->abandon_ratio, 0.2)
                        ? mono + (gint64) (g_rand_double_range (self->rand, 0.1, 0.8) *
                                           self->offer_ttl_s * G_USEC_PER_SEC)
                        : 0;
}

void
_hd_demo_router_handle_signal (HdDemoRouter  *self,
                               Conn          *conn,
                               Offer         *offer,
                               HdFeedMessage *message)
{
  const char *name = hd_json_get_string (message->body, "signal", NULL);
  const char *detail = hd_json_get_string (message->body, "detail", NULL);
  const char *source = hd_json_get_string (message->body, "source", "agent");
  const char *to_queue = hd_json_get_string (message->body, "to_queue", NULL);
  JsonObject *answer;
  JsonObject *extra;
  HdQualityReport report;

  if (!hd_quality_report_from_string (name, &report))
    {
      send_error (conn, "bad_request", "unknown signal", message);
      return;
    }
  if (offer->state != HD_HANDOFF_STATE_ACCEPTED || offer->in_queue)
    {
      send_error (conn, "not_assigned", "the handoff is not assigned to you", message);
      return;
    }

  extra = json_object_new ();
  if (report == HD_QUALITY_REPORT_TRANSFERRED)
    {
      if (to_queue == NULL || *to_queue == '\0' || g_strcmp0 (to_queue, offer->queue_id) == 0)
        {
          json_object_unref (extra);
          send_error (conn, "bad_request", "a transfer needs another to_queue", message);
          return;
        }
      requeue (self, offer, to_queue);
      json_object_set_string_member (extra, "to_queue", to_queue);
      _hd_demo_router_broadcast (self, offer, "transferred", extra);
    }
  else
    {
      json_object_set_string_member (extra, "signal", name);
      json_object_set_string_member (extra, "source", g_str_equal (source, "auto") ? "auto" : "agent");
      if (detail != NULL)
        json_object_set_string_member (extra, "detail", detail);
      _hd_demo_router_broadcast (self, offer, "signal", extra);
    }

  answer = hd_feed_object_new (HD_FEED_MSG_SIGNAL_RECORDED, 0);
  json_object_set_string_member (answer, "handoff_id", offer->id);
  if (message->request_id != NULL)
    json_object_set_string_member (answer, "request_id", message->request_id);
  json_object_set_string_member (answer, "signal", name);
  _hd_demo_router_conn_send_take (conn, hd_feed_object_to_text (answer));
  json_object_unref (answer);
}

void
_hd_demo_router_handle_fetch (HdDemoRouter  *self,
                              Conn          *conn,
                              HdFeedMessage *message)
{
  Offer *offer = message->handoff_id != NULL ? g_hash_table_lookup (self->offers, message->handoff_id) : NULL;
  JsonObject *answer;

  if (!conn->supervisor)
    {
      send_error (conn, "bad_request", "subscribe as a supervisor first", message);
      return;
    }
  if (offer == NULL || offer->packet == NULL)
    {
      send_error (conn, "not_found", "no such handoff", message);
      return;
    }

  answer = hd_feed_object_new (HD_FEED_MSG_HANDOFF_DETAIL, 0);
  json_object_set_string_member (answer, "handoff_id", offer->id);
  if (message->request_id != NULL)
    json_object_set_string_member (answer, "request_id", message->request_id);
  json_object_set_string_member (answer, "queue_id", offer->queue_id);
  json_object_set_string_member (answer, "state", hd_handoff_state_to_string (offer->state));
  json_object_set_member (answer, "packet", json_node_ref (offer->packet));
  _hd_demo_router_conn_send_take (conn, hd_feed_object_to_text (answer));
  json_object_unref (answer);
}

/* Handoffs with no agent stream -------------------------------------------- */

static const char *
random_other_queue (HdDemoRouter *self,
                    const char   *queue_id)
{
  for (guint tries = 0; tries < 8; tries++)
    {
      const char *other = hd_demo_template_get_queue ((guint) g_rand_int_range (self->rand, 0,
                                                                                 (gint32) hd_demo_templates_get_n ()));
      if (g_strcmp0 (other, queue_id) != 0)
        return other;
    }
  return "general";
}

/* One step of a handoff waiting in a queue with no agent, or worked by a
 * virtual agent. */
void
_hd_demo_router_tick_queued (HdDemoRouter *self,
                             Offer        *offer,
                             gint64        now_mono)
{
  if (offer->state == HD_HANDOFF_STATE_OFFERED)
    {
      if (offer->abandon_mono != 0 && now_mono >= offer->abandon_mono)
        _hd_demo_router_revoke_offer (self, offer, HD_REVOKE_REASON_CUSTOMER_ABANDONED);
      else if (now_mono >= offer->expires_mono)
        _hd_demo_router_revoke_offer (self, offer, HD_REVOKE_REASON_EXPIRED);
      else if (offer->pickup_mono != 0 && now_mono >= offer->pickup_mono)
        {
          offer->state = HD_HANDOFF_STATE_ACCEPTED;
          offer->in_queue = FALSE;
          offer->simulated = TRUE;
          offer->wrap_mono = now_mono + (gint64) (g_rand_double_range (self->rand, 0.3, 1.5) *
                                                  self->offer_ttl_s * G_USEC_PER_SEC);
          _hd_demo_router_broadcast (self, offer, "accepted", NULL);

          /* A virtual agent's handoff-quality signals, at rough real-life rates. */
          if (offer->flow != NULL && g_rand_double (self->rand) < 0.15)
            {
              JsonObject *extra = json_object_new ();

              json_object_set_string_member (extra, "signal", "asked_to_repeat");
              json_object_set_string_member (extra, "source", "agent");
              json_object_set_string_member (extra, "detail", "issue");
              _hd_demo_router_broadcast (self, offer, "signal", extra);
            }
          if (offer->verified && g_rand_double (self->rand) < 0.1)
            {
              JsonObject *extra = json_object_new ();

              json_object_set_string_member (extra, "signal", "re_verified");
              json_object_set_string_member (extra, "source", "agent");
              _hd_demo_router_broadcast (self, offer, "signal", extra);
            }
        }
    }
  else if (offer->state == HD_HANDOFF_STATE_ACCEPTED && offer->wrap_mono != 0 && now_mono >= offer->wrap_mono)
    {
      offer->wrap_mono = 0;
      if (offer->transferred_from == NULL && g_rand_double (self->rand) < 0.12)
        {
          JsonObject *extra = json_object_new ();
          const char *to_queue = random_other_queue (self, offer->queue_id);

          requeue (self, offer, to_queue);
          json_object_set_string_member (extra, "to_queue", to_queue);
          _hd_demo_router_broadcast (self, offer, "transferred", extra);
        }
      else
        {
          JsonObject *extra = json_object_new ();

          json_object_set_boolean_member (extra, "resolved", g_rand_double (self->rand) < 0.75);
          offer->state = HD_HANDOFF_STATE_WRAPPED_UP;
          _hd_demo_router_broadcast (self, offer, "wrapped_up", extra);
        }
    }
}

/* A customer of the simulated contact centre reaches a queue. */
gboolean
_hd_demo_router_simulate_cb (gpointer user_data)
{
  HdDemoRouter *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) packet = NULL;
  guint template_index = (guint) g_rand_int_range (self->rand, 0, (gint32) hd_demo_templates_get_n ());
  Offer *offer = g_new0 (Offer, 1);
  gint64 mono = g_get_monotonic_time ();

  offer->id = g_strdup_printf ("sim-%.6s-%06" G_GUINT64_FORMAT, self->stream_id, ++self->next_offer_no);
  offer->agent_id = g_strdup ("sim-agent");
  offer->template_index = -1;  /* no follow-up turns: no agent stream */
  offer->queue_id = g_strdup (hd_demo_template_get_queue (template_index));
  offer->state = HD_HANDOFF_STATE_OFFERED;
  offer->in_queue = TRUE;
  offer->simulated = TRUE;
  packet = hd_demo_template_build (template_index, offer->id, now);
  _hd_demo_router_offer_describe (self, offer, packet);
  offer->expires_mono = mono + (gint64) self->offer_ttl_s * 4 * G_USEC_PER_SEC;
  offer->pickup_mono = mono + (gint64) (g_rand_double_range (self->rand, 0.1, 1.2) *
                                        self->offer_ttl_s * G_USEC_PER_SEC);
  offer->abandon_mono = g_rand_double (self->rand) < MAX (self->abandon_ratio, 0.05)
                        ? mono + (gint64) (g_rand_double_range (self->rand, 0.2, 1.5) *
                                           self->offer_ttl_s * G_USEC_PER_SEC)
                        : 0;
  g_hash_table_replace (self->offers, offer->id, offer);
  _hd_demo_router_broadcast (self, offer, "offered", NULL);
  return G_SOURCE_CONTINUE;
}

/* Simulated handoffs belong to no agent stream: forget them once they end,
 * so a long demo does not grow. */
void
_hd_demo_router_sweep_simulated (HdDemoRouter *self)
{
  GHashTableIter iter;
  Offer *offer;

  g_hash_table_iter_init (&iter, self->offers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &offer))
    if (offer->simulated && g_str_has_prefix (offer->id, "sim-") &&
        offer->state != HD_HANDOFF_STATE_OFFERED && offer->state != HD_HANDOFF_STATE_ACCEPTED)
      g_hash_table_iter_remove (&iter);
}
