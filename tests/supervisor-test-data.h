/* supervisor-test-data.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-supervisor-model.h"

/* A realistic supervisor stream for the widget tests and the benchmark:
 * snapshots and queue events as the routing layer sends them. */

static const char * const supervisor_test_queues[] = {
  "cards_international", "fraud", "collections_hardship", "cards", "kyc",
  "payments_hindi", "loans", "disputes", "payments",
};

static const char * const supervisor_test_flows[] = {
  "cards/transaction-declined", "fraud/unrecognised-transaction", "loans/payment-difficulty",
  "cards/lost-stolen", "accounts/kyc", "payments/credit-not-received", "loans/emi-breakdown",
  "cards/dispute", "payments/upi-failed",
};

static inline void
supervisor_test_apply (HdSupervisorModel *model,
                       gboolean           snapshot,
                       JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  if (snapshot)
    hd_supervisor_model_apply_snapshot (model, json_node_get_object (root));
  else
    hd_supervisor_model_apply_event (model, json_node_get_object (root));
}

static inline char *
supervisor_test_time (gint64 us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* One "offered" event for @handoff in @queue at @at (µs). */
static inline void
supervisor_test_offer (HdSupervisorModel *model,
                       const char        *queue,
                       const char        *handoff,
                       gint64             at,
                       guint              waiting,
                       gboolean           vip,
                       gboolean           vulnerable)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *time = supervisor_test_time (at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queue_id");
  json_builder_add_string_value (builder, queue);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, "offered");
  json_builder_set_member_name (builder, "handoff_id");
  json_builder_add_string_value (builder, handoff);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "waiting");
  json_builder_add_int_value (builder, waiting);
  {
    guint q = 0;
    guint hash = g_str_hash (handoff);

    while (q < G_N_ELEMENTS (supervisor_test_queues) - 1 && !g_str_equal (supervisor_test_queues[q], queue))
      q++;
    if (hash % 8 == 0)
      {
        /* A chat no bot saw, for the agent-only handle time. */
        json_builder_set_member_name (builder, "origin");
        json_builder_add_string_value (builder, "agent_only");
      }
    else
      {
        json_builder_set_member_name (builder, "bot_flow");
        json_builder_add_string_value (builder, supervisor_test_flows[q]);
      }
    json_builder_set_member_name (builder, "verified");
    json_builder_add_boolean_value (builder, hash % 5 != 0);
    json_builder_set_member_name (builder, "missing");
    json_builder_begin_array (builder);
    if (hash % 3 == 0)
      json_builder_add_string_value (builder, "summary.text");
    if (hash % 7 == 0)
      json_builder_add_string_value (builder, "case.type");
    json_builder_end_array (builder);
  }
  json_builder_set_member_name (builder, "handoff");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "handoff_id");
  json_builder_add_string_value (builder, handoff);
  json_builder_set_member_name (builder, "waiting_since");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "customer");
  json_builder_add_string_value (builder, vulnerable ? "Sunita Devi" : "Priya Raman");
  json_builder_set_member_name (builder, "intent");
  json_builder_add_string_value (builder, vulnerable ? "payment_hardship" : "international_usage_not_enabled");
  json_builder_set_member_name (builder, "vip");
  json_builder_add_boolean_value (builder, vip);
  json_builder_set_member_name (builder, "vulnerable");
  json_builder_add_boolean_value (builder, vulnerable);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  supervisor_test_apply (model, FALSE, builder);
}

/* A simple event ("accepted", "wrapped_up", ...). */
static inline void
supervisor_test_event (HdSupervisorModel *model,
                       const char        *queue,
                       const char        *event,
                       const char        *handoff,
                       gint64             at,
                       int                waiting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *time = supervisor_test_time (at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queue_id");
  json_builder_add_string_value (builder, queue);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  json_builder_set_member_name (builder, "handoff_id");
  json_builder_add_string_value (builder, handoff);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, time);
  if (waiting >= 0)
    {
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, waiting);
    }
  if (g_str_equal (event, "wrapped_up"))
    {
      json_builder_set_member_name (builder, "resolved");
      json_builder_add_boolean_value (builder, g_str_hash (handoff) % 4 != 0);
    }
  else if (g_str_equal (event, "signal"))
    {
      json_builder_set_member_name (builder, "signal");
      json_builder_add_string_value (builder, (g_str_hash (handoff) / 6) % 3 ? "asked_to_repeat" : "re_verified");
    }
  else if (g_str_equal (event, "transferred"))
    {
      json_builder_set_member_name (builder, "to_queue");
      json_builder_add_string_value (builder, "disputes");
    }
  json_builder_end_object (builder);
  supervisor_test_apply (model, FALSE, builder);
}

/* Nine queues with an hour of history ending at @now: waiting counts that
 * rise and fall, one SLA breach (fraud), one vulnerable customer waiting too
 * long (collections_hardship), and KPI traffic. */
static inline void
supervisor_test_populate (HdSupervisorModel *model,
                          gint64             now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *at = supervisor_test_time (now - (gint64) 3600 * G_USEC_PER_SEC);
  static const guint sla[] = { 120, 60, 300, 180, 600, 240, 900, 1200, 600 };
  guint n = G_N_ELEMENTS (supervisor_test_queues);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "queue_snapshot");
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint q = 0; q < n; q++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "queue_id");
      json_builder_add_string_value (builder, supervisor_test_queues[q]);
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "sla_target_s");
      json_builder_add_int_value (builder, sla[q]);
      json_builder_set_member_name (builder, "agents_available");
      json_builder_add_int_value (builder, 2 + q % 3);
      json_builder_set_member_name (builder, "agents_busy");
      json_builder_add_int_value (builder, 4 + q % 5);
      json_builder_set_member_name (builder, "agents_away");
      json_builder_add_int_value (builder, q % 2);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  supervisor_test_apply (model, TRUE, builder);

  /* An hour, minute by minute: arrivals, pickups, conclusions. */
  for (guint minute = 0; minute < 60; minute++)
    {
      gint64 t = now - (gint64) (59 - minute) * 60 * G_USEC_PER_SEC;

      for (guint q = 0; q < n; q++)
        {
          HdQueuePanel *panel = hd_supervisor_model_lookup_panel (model, supervisor_test_queues[q]);
          GListModel *waiting = hd_queue_panel_get_waiting_handoffs (panel);
          /* A wave per queue, with its own phase. */
          guint target = (guint) (3 + 3 * (1 + sin ((minute + q * 7) / 9.0)) + (q == 1 ? minute / 6 : 0));
          guint have = g_list_model_get_n_items (waiting);

          /* Customers flow through: the two oldest are served every minute,
           * except in fraud and hardship, which fall behind and breach. */
          for (guint served = 0; q != 1 && q != 2 && served < 2 && have > 0; served++)
            {
              g_autoptr(HdWaitingHandoff) oldest = g_list_model_get_item (waiting, 0);
              g_autofree char *id = g_strdup (hd_waiting_handoff_get_handoff_id (oldest));

              supervisor_test_event (model, supervisor_test_queues[q], "accepted", id, t, --have);
              /* Some agents had to ask again or re-verify; a few chats
               * were in the wrong queue. */
              if (g_str_hash (id) % 6 == 0)
                supervisor_test_event (model, supervisor_test_queues[q], "signal", id, t + 10 * G_USEC_PER_SEC, -1);
              if (g_str_hash (id) % 11 == 0 && q != 7)
                {
                  gboolean abandoned = g_str_hash (id) % 2 == 0;

                  supervisor_test_event (model, supervisor_test_queues[q], "transferred", id,
                                         t + 20 * G_USEC_PER_SEC, -1);
                  supervisor_test_event (model, "disputes", abandoned ? "customer_abandoned" : "accepted",
                                         id, t + 40 * G_USEC_PER_SEC, -1);
                  if (abandoned)
                    continue;
                }
              supervisor_test_event (model, supervisor_test_queues[q], "wrapped_up", id,
                                     t + (200 + g_str_hash (id) % 400) * G_USEC_PER_SEC, -1);
            }

          while (have < target)
            {
              g_autofree char *id = g_strdup_printf ("ho-%s-%02u-%u-%u", supervisor_test_queues[q], minute, have,
                                                     g_list_model_get_n_items (waiting));

              /* The old ones stay put in fraud and hardship, so they breach. */
              supervisor_test_offer (model, supervisor_test_queues[q], id, t, have + 1,
                                     have % 5 == 1, q == 2 && have == 0);
              have++;
            }
          while (have > target)
            {
              /* Served oldest first, except in fraud and hardship, where the
               * oldest stay put and breach. */
              g_autoptr(HdWaitingHandoff) newest = g_list_model_get_item (waiting, q == 1 || q == 2 ? have - 1 : 0);
              g_autofree char *id = g_strdup (hd_waiting_handoff_get_handoff_id (newest));

              supervisor_test_event (model, supervisor_test_queues[q], "accepted", id, t, have - 1);
              supervisor_test_event (model, supervisor_test_queues[q], "wrapped_up", id,
                                     t + 30 * G_USEC_PER_SEC, -1);
              have--;
            }
        }
      hd_supervisor_model_flush (model, t);
    }
}
