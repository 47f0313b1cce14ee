/* test-supervisor-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hd-supervisor-model.h"
#include "hd-trend.h"

/* 2026-11-24T09:00:00Z */
#define T0 ((gint64) 1795510800 * G_USEC_PER_SEC)
#define S(seconds) (T0 + (gint64) (seconds) * G_USEC_PER_SEC)

static JsonObject *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
snapshot (HdSupervisorModel *model,
          const char        *json)
{
  g_autoptr(JsonObject) body = parse (json);
  hd_supervisor_model_apply_snapshot (model, body);
}

static void
event (HdSupervisorModel *model,
       const char        *json)
{
  g_autoptr(JsonObject) body = parse (json);
  hd_supervisor_model_apply_event (model, body);
}

static const char *snapshot_json =
  "{\"type\":\"queue_snapshot\",\"at\":\"2026-11-24T09:00:00Z\",\"queues\":["
  " {\"queue_id\":\"fraud\",\"waiting\":2,\"agents_available\":3,\"agents_busy\":4,\"agents_away\":1,"
  "  \"offers_in_push\":1,\"longest_wait_s\":50,\"sla_target_s\":60,\"declined\":2,\"expired\":1,"
  "  \"abandoned_in_transfer\":1,\"vip_waiting\":1,\"vulnerable_waiting\":0,\"waiting_handoffs\":["
  "   {\"handoff_id\":\"f1\",\"waiting_since\":\"2026-11-24T08:59:10Z\",\"customer\":\"James W.\","
  "    \"intent\":\"report_fraud\",\"priority\":\"urgent\",\"vip\":true,\"sla_target_s\":60},"
  "   {\"handoff_id\":\"f2\",\"waiting_since\":\"2026-11-24T08:59:40Z\",\"intent\":\"report_fraud\"}]},"
  " {\"queue_id\":\"collections_hardship\",\"waiting\":1,\"sla_target_s\":300,\"waiting_handoffs\":["
  "   {\"handoff_id\":\"c1\",\"waiting_since\":\"2026-11-24T08:59:00Z\",\"vulnerable\":true}]},"
  " {\"queue_id\":\"cards\",\"waiting\":0}"
  "]}";

typedef struct
{
  guint  n;
  char  *last;
} Alerts;

static void
on_alert_cb (HdSupervisorModel *model,
             HdQueuePanel      *panel,
             const char        *text,
             Alerts            *alerts)
{
  alerts->n++;
  g_free (alerts->last);
  alerts->last = g_strdup (text);
}

static void
test_model_lifecycle (void)
{
  HdSupervisorModel *model = hd_supervisor_model_new ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == HD_TYPE_QUEUE_PANEL);
  g_assert_finalize_object (model);
}

static void
test_model_snapshot (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  HdQueuePanel *fraud;
  g_autoptr(HdWaitingHandoff) first = NULL;

  snapshot (model, snapshot_json);
  hd_supervisor_model_flush (model, S (0));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  g_assert_nonnull (fraud);
  g_assert_cmpstr (hd_queue_panel_get_title (fraud), ==, "Fraud");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "collections_hardship")),
                   ==, "Collections hardship");

  g_assert_cmpuint (hd_queue_panel_get_waiting (fraud), ==, 2);
  g_assert_cmpuint (hd_queue_panel_get_offers_in_push (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_agents_available (fraud), ==, 3);
  g_assert_cmpuint (hd_queue_panel_get_agents_busy (fraud), ==, 4);
  g_assert_cmpuint (hd_queue_panel_get_agents_away (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_sla_target_s (fraud), ==, 60);
  g_assert_cmpuint (hd_queue_panel_get_declined (fraud), ==, 2);
  g_assert_cmpuint (hd_queue_panel_get_expired (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_abandoned_in_transfer (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_vip_waiting (fraud), ==, 1);
  /* f1 has waited since 08:59:10: 50 s at 09:00:00. */
  g_assert_cmpuint (hd_queue_panel_get_longest_wait_s (fraud), ==, 50);
  g_assert_cmpint (hd_queue_panel_get_alert (fraud), ==, HD_QUEUE_ALERT_NONE);
  g_assert_cmpuint (hd_supervisor_model_get_n_waiting (model), ==, 3);

  first = g_list_model_get_item (hd_queue_panel_get_waiting_handoffs (fraud), 0);
  g_assert_cmpstr (hd_waiting_handoff_get_handoff_id (first), ==, "f1");
  g_assert_cmpstr (hd_waiting_handoff_get_customer (first), ==, "James W.");
  g_assert_true (hd_waiting_handoff_get_vip (first));
  g_assert_true (hd_supervisor_model_lookup_waiting (model, "f2") != NULL);

  /* A new snapshot without cards drops its panel. */
  snapshot (model, "{\"type\":\"queue_snapshot\",\"queues\":[{\"queue_id\":\"fraud\",\"waiting\":0}]}");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_null (hd_supervisor_model_lookup_waiting (model, "f2"));

  /* Acronyms stay upper case in titles. */
  snapshot (model, "{\"type\":\"queue_snapshot\",\"queues\":[{\"queue_id\":\"kyc_upi-hi\",\"waiting\":0}]}");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "kyc_upi-hi")), ==, "KYC UPI hi");
}

/* Display names from the stream, checked as the packet's labels are; where
 * one is missing or invalid, the table's words for the id. */
static void
test_model_labels (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  g_autofree char *long_label = g_strnfill (81, 'x');
  g_autofree char *json = NULL;
  HdQueuePanel *fraud;
  HdWaitingHandoff *handoff;

  json = g_strdup_printf (
    "{\"type\":\"queue_snapshot\",\"queues\":["
    " {\"queue_id\":\"fraud\",\"queue_label\":\"  Fraud <b>desk</b>  \",\"waiting\":2,\"waiting_handoffs\":["
    "   {\"handoff_id\":\"f1\",\"waiting_since\":\"2026-11-24T08:59:10Z\",\"intent\":\"report_fraud\","
    "    \"intent_label\":\"Suspicious payment\",\"bot_flow\":\"cards/fraud\",\"bot_flow_label\":\"Card fraud\"},"
    "   {\"handoff_id\":\"f2\",\"waiting_since\":\"2026-11-24T08:59:40Z\",\"intent\":\"report_fraud\","
    "    \"intent_label\":\"two\\nlines\",\"bot_flow\":\"cards/fraud\",\"bot_flow_label\":\"%s\"}]},"
    " {\"queue_id\":\"cards\",\"queue_label\":\"   \",\"waiting\":0},"
    " {\"queue_id\":\"kyc\",\"queue_label\":7,\"waiting\":0}"
    "]}", long_label);
  snapshot (model, json);

  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  /* Trimmed, and plain text: markup is shown as typed. */
  g_assert_cmpstr (hd_queue_panel_get_title (fraud), ==, "Fraud <b>desk</b>");
  g_assert_cmpstr (hd_queue_panel_get_queue_id (fraud), ==, "fraud");
  /* Blank, or not a string: the table. */
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "cards")), ==, "Cards");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "kyc")), ==, "KYC");

  handoff = hd_supervisor_model_lookup_waiting (model, "f1");
  g_assert_cmpstr (hd_waiting_handoff_get_intent (handoff), ==, "report_fraud");
  g_assert_cmpstr (hd_waiting_handoff_get_intent_label (handoff), ==, "Suspicious payment");
  g_assert_cmpstr (hd_waiting_handoff_get_bot_flow_label (handoff), ==, "Card fraud");
  /* Two lines, or over 80 characters: not a display name. */
  handoff = hd_supervisor_model_lookup_waiting (model, "f2");
  g_assert_null (hd_waiting_handoff_get_intent_label (handoff));
  g_assert_null (hd_waiting_handoff_get_bot_flow_label (handoff));

  /* An event may rename the queue; one without a label leaves the name. */
  event (model, "{\"type\":\"queue_event\",\"queue_id\":\"cards\",\"queue_label\":\"Cards & loans\","
                "\"event\":\"offered\",\"handoff_id\":\"c9\",\"agent_id\":null,\"waiting\":1}");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "cards")), ==, "Cards & loans");
  event (model, "{\"type\":\"queue_event\",\"queue_id\":\"cards\",\"event\":\"expired\","
                "\"handoff_id\":\"c9\",\"agent_id\":null,\"waiting\":0}");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "cards")), ==, "Cards & loans");

  /* A snapshot replaces the last: without a label, the table's name again. */
  snapshot (model, "{\"type\":\"queue_snapshot\",\"queues\":[{\"queue_id\":\"fraud\",\"waiting\":0}]}");
  g_assert_cmpstr (hd_queue_panel_get_title (hd_supervisor_model_lookup_panel (model, "fraud")), ==, "Fraud");
}

static void
test_model_events (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  HdQueuePanel *fraud, *cards;
  guint changed = 0;

  snapshot (model, snapshot_json);
  hd_supervisor_model_flush (model, S (0));
  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  cards = hd_supervisor_model_lookup_panel (model, "cards");

  event (model, "{\"queue_id\":\"fraud\",\"event\":\"offered\",\"handoff_id\":\"f3\",\"at\":\"2026-11-24T09:00:05Z\","
                "\"waiting\":3,\"offers_in_push\":2,\"agents_available\":2,\"origin\":\"bot\",\"bot_flow\":\"fraud/report\","
                "\"handoff\":{\"handoff_id\":\"f3\",\"waiting_since\":\"2026-11-24T09:00:05Z\",\"vulnerable\":true}}");
  event (model, "{\"queue_id\":\"fraud\",\"event\":\"declined\",\"handoff_id\":\"f2\",\"at\":\"2026-11-24T09:00:06Z\",\"waiting\":2}");
  event (model, "{\"queue_id\":\"fraud\",\"event\":\"accepted\",\"handoff_id\":\"f1\",\"at\":\"2026-11-24T09:00:07Z\",\"waiting\":1}");
  event (model, "{\"queue_id\":\"fraud\",\"event\":\"transferred\",\"handoff_id\":\"f1\",\"to_queue\":\"cards\","
                "\"at\":\"2026-11-24T09:01:00Z\",\"waiting\":1,\"to_waiting\":1,"
                "\"handoff\":{\"handoff_id\":\"f1\",\"waiting_since\":\"2026-11-24T09:01:00Z\",\"transferred_from\":\"fraud\"}}");
  event (model, "{\"queue_id\":\"cards\",\"event\":\"customer_abandoned\",\"handoff_id\":\"f1\",\"in_transfer\":true,"
                "\"at\":\"2026-11-24T09:01:30Z\",\"waiting\":0}");

  /* Nothing is emitted until the flush. */
  g_signal_connect_swapped (cards, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_cmpuint (changed, ==, 0);
  hd_supervisor_model_flush (model, S (100));
  g_assert_cmpuint (changed, ==, 1);
  hd_supervisor_model_flush (model, S (100));
  g_assert_cmpuint (changed, ==, 1);  /* nothing new */

  g_assert_cmpuint (hd_queue_panel_get_waiting (fraud), ==, 1);
  /* The last event named no count: at most the one still waiting. */
  g_assert_cmpuint (hd_queue_panel_get_offers_in_push (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_agents_available (fraud), ==, 2);
  g_assert_cmpuint (hd_queue_panel_get_declined (fraud), ==, 3);       /* 2 in the snapshot + 1 */
  g_assert_cmpuint (hd_queue_panel_get_vulnerable_waiting (fraud), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_vip_waiting (fraud), ==, 0);    /* f1 left */
  g_assert_cmpuint (hd_queue_panel_get_waiting (cards), ==, 0);
  g_assert_cmpuint (hd_queue_panel_get_abandoned_in_transfer (cards), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (hd_queue_panel_get_waiting_handoffs (cards)), ==, 0);
  /* f3 (since 09:00:05) is the only one left: 95 s at 09:01:40. */
  g_assert_cmpuint (hd_queue_panel_get_longest_wait_s (fraud), ==, 95);

  /* The KPI engine saw the same events: f1 was abandoned during its transfer. */
  {
    g_autoptr(GListModel) rows = hd_kpi_engine_compute (hd_supervisor_model_get_kpi_engine (model), S (120));
    g_autoptr(HdKpiRow) overall = g_list_model_get_item (rows, 0);

    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (overall), 1.0, 1e-9);
  }
}

static void
test_model_alerts (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  Alerts alerts = { 0 };
  HdQueuePanel *fraud, *hardship;

  g_signal_connect (model, "alert", G_CALLBACK (on_alert_cb), &alerts);
  snapshot (model, snapshot_json);

  /* 09:00:00: f1 waited 50 s of 60; c1 (vulnerable) 60 s of 120. */
  hd_supervisor_model_flush (model, S (0));
  g_assert_cmpuint (alerts.n, ==, 0);
  g_assert_cmpuint (hd_supervisor_model_get_n_alerts (model), ==, 0);

  /* 09:00:15: f1 has waited 65 s > 60: a breach. */
  hd_supervisor_model_flush (model, S (15));
  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  g_assert_cmpint (hd_queue_panel_get_alert (fraud), ==, HD_QUEUE_ALERT_SLA_BREACH);
  g_assert_cmpuint (alerts.n, ==, 1);
  g_assert_cmpstr (alerts.last, ==, "Fraud: longest wait 1:05, SLA target 1:00.");
  g_assert_cmpuint (hd_supervisor_model_get_n_alerts (model), ==, 1);

  /* Still breached a second later: no second alert, but the text follows. */
  hd_supervisor_model_flush (model, S (16));
  g_assert_cmpuint (alerts.n, ==, 1);
  g_assert_cmpstr (hd_queue_panel_get_alert_text (fraud), ==, "Fraud: longest wait 1:06, SLA target 1:00.");

  /* 09:01:01: c1 (vulnerable) has waited 121 s > 120. */
  hd_supervisor_model_flush (model, S (61));
  hardship = hd_supervisor_model_lookup_panel (model, "collections_hardship");
  g_assert_cmpint (hd_queue_panel_get_alert (hardship), ==, HD_QUEUE_ALERT_VULNERABLE_WAITING);
  g_assert_cmpuint (alerts.n, ==, 2);
  g_assert_cmpstr (alerts.last, ==, "Collections hardship: a vulnerable customer has waited 2:01.");

  /* The breach clears when f1 and f2 are served, and can be raised again. */
  event (model, "{\"queue_id\":\"fraud\",\"event\":\"accepted\",\"handoff_id\":\"f1\",\"waiting\":1}");
  event (model, "{\"queue_id\":\"fraud\",\"event\":\"accepted\",\"handoff_id\":\"f2\",\"waiting\":0}");
  hd_supervisor_model_flush (model, S (62));
  g_assert_cmpint (hd_queue_panel_get_alert (fraud), ==, HD_QUEUE_ALERT_NONE);
  g_assert_null (hd_queue_panel_get_alert_text (fraud));
  g_assert_cmpuint (hd_supervisor_model_get_n_alerts (model), ==, 1);

  /* A higher threshold clears the vulnerable alert. */
  hd_supervisor_model_set_vulnerable_threshold_s (model, 600);
  hd_supervisor_model_flush (model, S (63));
  g_assert_cmpint (hd_queue_panel_get_alert (hardship), ==, HD_QUEUE_ALERT_NONE);
  g_free (alerts.last);
}

static void
test_model_sort_filter (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  HdQueuePanel *fraud, *hardship, *cards;

  snapshot (model, snapshot_json);
  hd_supervisor_model_flush (model, S (15));  /* fraud breached */
  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  hardship = hd_supervisor_model_lookup_panel (model, "collections_hardship");
  cards = hd_supervisor_model_lookup_panel (model, "cards");

  /* Urgency: the alert first; then 75 s of 300 before nothing waiting. */
  g_assert_cmpint (hd_queue_panel_compare (fraud, hardship, HD_PANEL_SORT_URGENCY), <, 0);
  g_assert_cmpint (hd_queue_panel_compare (hardship, cards, HD_PANEL_SORT_URGENCY), <, 0);
  g_assert_cmpint (hd_queue_panel_compare (fraud, hardship, HD_PANEL_SORT_WAITING), <, 0);    /* 2 > 1 */
  g_assert_cmpint (hd_queue_panel_compare (hardship, fraud, HD_PANEL_SORT_LONGEST_WAIT), <, 0); /* 75 > 65 */
  g_assert_cmpint (hd_queue_panel_compare (cards, fraud, HD_PANEL_SORT_NAME), <, 0);
  g_assert_cmpint (hd_queue_panel_compare (cards, cards, HD_PANEL_SORT_NAME), ==, 0);

  g_assert_true (hd_queue_panel_matches (hardship, "HARD", FALSE));
  g_assert_true (hd_queue_panel_matches (hardship, "collections_h", FALSE));
  g_assert_false (hd_queue_panel_matches (hardship, "fraud", FALSE));
  g_assert_true (hd_queue_panel_matches (cards, NULL, FALSE));
  g_assert_true (hd_queue_panel_matches (fraud, "", TRUE));
  g_assert_false (hd_queue_panel_matches (cards, "", TRUE));
}

static void
test_model_trend (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  HdQueuePanel *fraud;
  g_autofree char *text = NULL;
  double series[HD_TREND_MINUTES];
  HdTrend trend;

  /* Waiting 3 at 09:00, then one more every ten minutes, flushed each minute. */
  snapshot (model, "{\"type\":\"queue_snapshot\",\"queues\":[{\"queue_id\":\"fraud\",\"waiting\":3}]}");
  for (guint minute = 0; minute < 60; minute++)
    {
      if (minute > 0 && minute % 10 == 0)
        {
          g_autofree char *json = g_strdup_printf ("{\"queue_id\":\"fraud\",\"event\":\"offered\",\"handoff_id\":\"t%u\","
                                                   "\"waiting\":%u}", minute, 3 + minute / 10);
          event (model, json);
        }
      hd_supervisor_model_flush (model, S (minute * 60));
    }
  fraud = hd_supervisor_model_lookup_panel (model, "fraud");
  g_assert_cmpuint (hd_trend_get_series (hd_queue_panel_get_trend (fraud), hd_queue_panel_get_now_minute (fraud), series),
                    ==, 60);
  g_assert_cmpfloat (series[0], ==, 3);
  g_assert_cmpfloat (series[59], ==, 8);
  text = hd_queue_panel_describe_trend (fraud);
  g_assert_cmpstr (text, ==, "Waiting rose from 3 to 8 over the last 60 minutes (peak 8).");

  /* The ring on its own: gaps repeat the value held, old minutes drop out. */
  hd_trend_init (&trend);
  hd_trend_record (&trend, 1000, 5);
  hd_trend_record (&trend, 1000, 2);   /* a minute keeps its highest */
  hd_trend_record (&trend, 1030, 1);
  g_assert_cmpuint (hd_trend_get_series (&trend, 1059, series), ==, 60);
  g_assert_cmpfloat (series[0], ==, 5);
  g_assert_cmpfloat (series[29], ==, 5);
  g_assert_cmpfloat (series[30], ==, 1);
  g_clear_pointer (&text, g_free);
  text = hd_trend_describe (&trend, 1059, "Waiting");
  g_assert_cmpstr (text, ==, "Waiting fell from 5 to 1 over the last 60 minutes (peak 5).");
  g_assert_cmpuint (hd_trend_get_series (&trend, 1010, series), ==, 11);
  g_assert_true (isnan (series[0]));
  hd_trend_record (&trend, 900, 99);   /* more than an hour older than what it holds */
  g_assert_cmpuint (hd_trend_get_series (&trend, 1059, series), ==, 60);
  g_assert_cmpfloat (series[0], ==, 5);
  g_clear_pointer (&text, g_free);
  hd_trend_init (&trend);
  text = hd_trend_describe (&trend, 1059, "Waiting");
  g_assert_cmpstr (text, ==, "Waiting: no data yet.");
}

static void
test_model_bounded (void)
{
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  guint total = 0;

  /* 20,000 handoffs come and go through 50 queues: what is left is only
   * what still waits. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *offered = g_strdup_printf ("{\"queue_id\":\"q%u\",\"event\":\"offered\",\"handoff_id\":\"h%u\"}",
                                                  i % 50, i);
      event (model, offered);
      if (i >= 100)
        {
          g_autofree char *accepted = g_strdup_printf ("{\"queue_id\":\"q%u\",\"event\":\"accepted\",\"handoff_id\":\"h%u\"}",
                                                       (i - 100) % 50, i - 100);
          event (model, accepted);
        }
    }
  hd_supervisor_model_flush (model, g_get_real_time ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(HdQueuePanel) panel = g_list_model_get_item (G_LIST_MODEL (model), i);
      total += g_list_model_get_n_items (hd_queue_panel_get_waiting_handoffs (panel));
    }
  g_assert_cmpuint (total, ==, 100);
  g_assert_cmpuint (hd_supervisor_model_get_n_waiting (model), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/supervisor-model/lifecycle", test_model_lifecycle);
  g_test_add_func ("/hd/supervisor-model/snapshot", test_model_snapshot);
  g_test_add_func ("/hd/supervisor-model/labels", test_model_labels);
  g_test_add_func ("/hd/supervisor-model/events", test_model_events);
  g_test_add_func ("/hd/supervisor-model/alerts", test_model_alerts);
  g_test_add_func ("/hd/supervisor-model/sort-filter", test_model_sort_filter);
  g_test_add_func ("/hd/supervisor-model/trend", test_model_trend);
  g_test_add_func ("/hd/supervisor-model/bounded", test_model_bounded);

  return g_test_run ();
}
