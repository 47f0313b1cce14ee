/* test-kpi.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hd-kpi.h"

/* Every expected value below is computed by hand in the comments from the
 * definitions in docs/kpis.md. */

/* 2026-11-24T09:00:00Z */
#define T0 ((gint64) 1795510800 * G_USEC_PER_SEC)
#define S(seconds) (T0 + (gint64) (seconds) * G_USEC_PER_SEC)
#define EPS 1e-9

static void
add (HdKpiEngine        *engine,
     HdQueueEventKind    kind,
     const char         *id,
     const char         *queue,
     const char         *flow,
     double              seconds)
{
  HdQueueEvent event = { .kind = kind, .handoff_id = id, .queue_id = queue, .bot_flow = flow,
                         .at = S (seconds) };

  g_assert_true (hd_kpi_engine_add (engine, &event));
}

static void
add_signal (HdKpiEngine     *engine,
            HdQualityReport  report,
            const char      *id,
            const char      *queue,
            double           seconds)
{
  HdQueueEvent event = { .kind = HD_QUEUE_EVENT_SIGNAL, .handoff_id = id, .queue_id = queue,
                         .at = S (seconds), .has_report = TRUE, .report = report };

  g_assert_true (hd_kpi_engine_add (engine, &event));
}

static void
offer (HdKpiEngine        *engine,
       const char         *id,
       const char         *queue,
       const char         *flow,
       double              seconds,
       gboolean            verified,
       const char * const *missing)
{
  HdQueueEvent event = { .kind = HD_QUEUE_EVENT_OFFERED, .handoff_id = id, .queue_id = queue,
                         .bot_flow = flow, .at = S (seconds), .verified = verified,
                         .missing = missing };

  hd_kpi_engine_add (engine, &event);
}

static void
wrap (HdKpiEngine *engine,
      const char  *id,
      const char  *queue,
      double       seconds,
      int          resolved)
{
  HdQueueEvent event = { .kind = HD_QUEUE_EVENT_WRAPPED_UP, .handoff_id = id, .queue_id = queue,
                         .at = S (seconds),
                         .resolution = resolved < 0 ? HD_FEED_RESOLUTION_UNKNOWN
                                       : resolved > 0 ? HD_FEED_RESOLUTION_RESOLVED
                                       : HD_FEED_RESOLUTION_UNRESOLVED };

  hd_kpi_engine_add (engine, &event);
}

static void
transfer (HdKpiEngine *engine,
          const char  *id,
          const char  *queue,
          const char  *to,
          double       seconds)
{
  HdQueueEvent event = { .kind = HD_QUEUE_EVENT_TRANSFERRED, .handoff_id = id, .queue_id = queue,
                         .to_queue = to, .at = S (seconds) };

  hd_kpi_engine_add (engine, &event);
}

static HdKpiRow *
find_row (GListModel *rows,
          HdKpiScope  scope,
          const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HdKpiRow) row = g_list_model_get_item (rows, i);

      if (hd_kpi_row_get_scope (row) == scope && g_str_equal (hd_kpi_row_get_name (row), name))
        return row;  /* the model keeps it alive */
    }
  g_error ("no row %d:%s", scope, name);
  return NULL;
}

/* The script:
 *   h1 cards  cards/dispute  verified, complete      offer 0, accept 10, wrap 310 resolved
 *   h2 cards  cards/dispute  verified, no summary    offer 20, accept 30, repeat 60,
 *                                                    re-verified 70, wrap 630 unresolved
 *   h3 cards  cards/dispute  unverified, no summary  offer 40, accept 50, transfer→fraud 100,
 *      and no case type                              abandoned 200 (during the transfer)
 *   h4 payments upi-failed   verified, complete      offer 60, accept 70, transfer→cards 120,
 *                                                    accept 180, wrap 480 resolved
 *   h5 cards  cards/dispute  complete                offer 80, abandoned 90 (never reached an agent)
 *   h6 cards  agent-only                             offer 0, accept 100, wrap 400
 *   h7 cards  cards/dispute  complete                offer 100, declined 110, push expired 150 */
static HdKpiEngine *
build_script (guint window)
{
  static const char * const none[] = { NULL };
  static const char * const no_summary[] = { "summary.text", NULL };
  static const char * const no_summary_case[] = { "summary.text", "case.type", NULL };
  HdKpiEngine *engine = hd_kpi_engine_new (window);

  offer (engine, "h1", "cards", "cards/dispute", 0, TRUE, none);
  offer (engine, "h6", "cards", NULL, 0, FALSE, NULL);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h1", "cards", NULL, 10);
  offer (engine, "h2", "cards", "cards/dispute", 20, TRUE, no_summary);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h2", "cards", NULL, 30);
  offer (engine, "h3", "cards", "cards/dispute", 40, FALSE, no_summary_case);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h3", "cards", NULL, 50);
  add_signal (engine, HD_QUALITY_REPORT_ASKED_TO_REPEAT, "h2", "cards", 60);
  offer (engine, "h4", "payments", "payments/upi-failed", 60, TRUE, none);
  add_signal (engine, HD_QUALITY_REPORT_REVERIFIED, "h2", "cards", 70);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h4", "payments", NULL, 70);
  offer (engine, "h5", "cards", "cards/dispute", 80, FALSE, none);
  add (engine, HD_QUEUE_EVENT_CUSTOMER_ABANDONED, "h5", "cards", NULL, 90);
  transfer (engine, "h3", "cards", "fraud", 100);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h6", "cards", NULL, 100);
  offer (engine, "h7", "cards", "cards/dispute", 100, FALSE, none);
  add (engine, HD_QUEUE_EVENT_DECLINED, "h7", "cards", NULL, 110);
  transfer (engine, "h4", "payments", "cards", 120);
  add (engine, HD_QUEUE_EVENT_EXPIRED, "h7", "cards", NULL, 150);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "h4", "cards", NULL, 180);
  add (engine, HD_QUEUE_EVENT_CUSTOMER_ABANDONED, "h3", "fraud", NULL, 200);
  wrap (engine, "h1", "cards", 310, 1);
  wrap (engine, "h6", "cards", 400, -1);
  wrap (engine, "h4", "cards", 480, 1);
  wrap (engine, "h2", "cards", 630, 0);
  return engine;
}

static void
test_kpi_lifecycle (void)
{
  HdKpiEngine *engine = hd_kpi_engine_new (60);

  g_assert_cmpuint (hd_kpi_engine_get_window_minutes (engine), ==, 60);
  g_assert_finalize_object (engine);
}

static void
test_kpi_overall (void)
{
  g_autoptr(HdKpiEngine) engine = build_script (60);
  g_autoptr(GListModel) rows = hd_kpi_engine_compute (engine, S (30 * 60));
  HdKpiRow *row = find_row (rows, HD_KPI_SCOPE_OVERALL, "");

  /* Offered bot packets: h1 h2 h3 h4 h5 h7 = 6 (h6 is agent-only). */
  g_assert_cmpuint (hd_kpi_row_get_n_offered (row), ==, 6);
  /* Concluded: h1 h2 (wrapped), h3 (abandoned in transfer), h4 (wrapped) = 4;
   * h5 never reached an agent, h7 only had a push expire. */
  g_assert_cmpuint (hd_kpi_row_get_n_concluded (row), ==, 4);
  /* Escalation success: wrapped with no transfer = h1, h2 → 2 / 4 = 0.5. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (row), 0.5, EPS);
  /* Abandonment during transfer: transferred h3, h4; abandoned h3 → 1 / 2. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (row), 0.5, EPS);
  /* Verification duplication: handled and verified h1 h2 h4; re-verified h2 → 1 / 3. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_verification_duplication (row), 1.0 / 3, EPS);
  /* Repeat rate: handled h1 h2 h3 h4; repeat h2 → 1 / 4. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_repeat_rate (row), 0.25, EPS);
  /* Handle time, bot: h1 310-10 = 300, h2 630-30 = 600, h4 480-70 = 410 → 1310 / 3. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_bot (row), 1310.0 / 3, 1e-6);
  /* Agent-only: h6 400-100 = 300. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_agent_only (row), 300, EPS);
  /* FCR: stated h1 yes, h2 no, h4 yes → 2 / 3. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_first_contact_resolution (row), 2.0 / 3, EPS);
  /* Completeness: complete h1 h4 h5 h7 → 4 / 6; summary.text missing in h2 h3 → 2 / 6;
   * case.type in h3 → 1 / 6. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_complete_packets (row), 4.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_missing_share (row, "summary.text"), 2.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_missing_share (row, "case.type"), 1.0 / 6, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_missing_share (row, "customer.name"), 0, EPS);
  g_assert_cmpstr (hd_kpi_row_get_most_missing (row), ==, "summary.text 33%; case.type 17%");
  /* Still open: h7 only (h5 left, the rest concluded). */
  g_assert_cmpuint (hd_kpi_engine_get_n_tracked (engine), ==, 1);
}

static void
test_kpi_scopes (void)
{
  g_autoptr(HdKpiEngine) engine = build_script (60);
  g_autoptr(GListModel) rows = hd_kpi_engine_compute (engine, S (30 * 60));
  HdKpiRow *cards = find_row (rows, HD_KPI_SCOPE_QUEUE, "cards");
  HdKpiRow *payments = find_row (rows, HD_KPI_SCOPE_QUEUE, "payments");
  HdKpiRow *flow = find_row (rows, HD_KPI_SCOPE_FLOW, "cards/dispute");
  g_autoptr(HdKpiRow) first = g_list_model_get_item (rows, 0);

  /* Overall first, then queues, then flows; fraud has no row (h3 counts
   * for the queue the bot chose, cards). */
  g_assert_cmpint (hd_kpi_row_get_scope (first), ==, HD_KPI_SCOPE_OVERALL);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);  /* overall, cards, payments, 2 flows */

  /* cards: concluded h1 h2 h3; success h1 h2 → 2/3. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (cards), 2.0 / 3, EPS);
  /* transferred h3, abandoned → 1/1. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (cards), 1.0, EPS);
  /* verified handled h1 h2, re-verified h2 → 1/2; repeat 1/3. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_verification_duplication (cards), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_repeat_rate (cards), 1.0 / 3, EPS);
  /* (300 + 600) / 2 = 450; agent-only h6 300; FCR h1 yes h2 no → 1/2. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_bot (cards), 450, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_agent_only (cards), 300, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_first_contact_resolution (cards), 0.5, EPS);

  /* payments: h4 alone, transferred and wrapped → success 0/1, abandonment 0/1. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (payments), 0, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (payments), 0, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_bot (payments), 410, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_first_contact_resolution (payments), 1, EPS);

  /* The flow row equals the cards queue without the agent-only chat. */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (flow), 2.0 / 3, EPS);
  g_assert_true (isnan (hd_kpi_row_get_handle_time_agent_only (flow)));
  g_assert_cmpuint (hd_kpi_row_get_n_offered (flow), ==, 5);  /* h1 h2 h3 h5 h7 */
}

static void
test_kpi_window (void)
{
  g_autoptr(HdKpiEngine) engine = build_script (5);
  g_autoptr(GListModel) at9 = hd_kpi_engine_compute (engine, S (9 * 60));
  g_autoptr(GListModel) late = NULL;
  HdKpiRow *row = find_row (at9, HD_KPI_SCOPE_OVERALL, "");

  /* Minute 9, five-minute window = minutes 5..9.  Concluded there: h1
   * (310 s, minute 5) and h4 (480 s, minute 8); h3 (200 s) is older and h2
   * (630 s, minute 10) later → success 1/2. Offers (minutes 0-1) are out. */
  g_assert_cmpuint (hd_kpi_row_get_n_concluded (row), ==, 2);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (row), 0.5, EPS);
  g_assert_cmpuint (hd_kpi_row_get_n_offered (row), ==, 0);
  g_assert_true (isnan (hd_kpi_row_get_complete_packets (row)));
  /* (300 + 410) / 2 */
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_bot (row), 355, EPS);

  /* An hour later nothing is left; only the overall row remains, empty. */
  late = hd_kpi_engine_compute (engine, S (80 * 60));
  g_assert_cmpuint (g_list_model_get_n_items (late), ==, 1);
  row = find_row (late, HD_KPI_SCOPE_OVERALL, "");
  g_assert_true (isnan (hd_kpi_row_get_escalation_success (row)));
  g_assert_cmpuint (hd_kpi_row_get_n_concluded (row), ==, 0);
}

static void
test_kpi_queue_events (void)
{
  static const char * const frames[] = {
    "{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"queue_label\":\"Fraud and scams\",\"event\":\"offered\","
    "\"handoff_id\":\"w1\",\"at\":\"2026-11-24T09:00:00Z\",\"origin\":\"bot\",\"bot_flow\":\"fraud/report\","
    "\"bot_flow_label\":\"Report a fraud\",\"verified\":true,"
    "\"missing\":[\"case.type\"],\"waiting\":1}",
    "{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"event\":\"accepted\",\"handoff_id\":\"w1\","
    "\"at\":\"2026-11-24T09:01:00Z\",\"waiting\":0}",
    "{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"event\":\"signal\",\"handoff_id\":\"w1\","
    "\"at\":\"2026-11-24T09:02:00Z\",\"signal\":\"re_verified\",\"source\":\"agent\"}",
    "{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"event\":\"signal\",\"handoff_id\":\"w1\","
    "\"at\":\"2026-11-24T09:02:30Z\",\"signal\":\"asked_to_repeat\",\"source\":\"auto\",\"detail\":\"card\"}",
    "{\"type\":\"queue_event\",\"queue_id\":\"fraud\",\"event\":\"wrapped_up\",\"handoff_id\":\"w1\","
    "\"at\":\"2026-11-24T09:05:00Z\",\"resolved\":true}",
    /* Joined mid-way: the stream says it was abandoned during a transfer. */
    "{\"type\":\"queue_event\",\"queue_id\":\"cards\",\"event\":\"customer_abandoned\",\"handoff_id\":\"w0\","
    "\"at\":\"2026-11-24T09:03:00Z\",\"bot_flow\":\"cards/lost-stolen\",\"bot_flow_label\":\"two\\nlines\","
    "\"in_transfer\":true}",
    "{\"type\":\"queue_event\",\"queue_id\":\"cards\",\"event\":\"reassigned\",\"handoff_id\":\"w9\"}",
    "{\"type\":\"queue_event\",\"event\":\"offered\"}",
  };
  static const gboolean used[] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE };
  g_autoptr(HdKpiEngine) engine = hd_kpi_engine_new (60);
  g_autoptr(GListModel) rows = NULL;
  HdKpiRow *row;

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(HdQueueEvent) event = { 0 };

      g_assert_true (json_parser_load_from_data (parser, frames[i], -1, NULL));
      g_assert_cmpint (hd_feed_parse_queue_event (json_node_get_object (json_parser_get_root (parser)), &event) &&
                       hd_kpi_engine_add (engine, &event),
                       ==, used[i]);
    }

  rows = hd_kpi_engine_compute (engine, S (10 * 60));
  row = find_row (rows, HD_KPI_SCOPE_OVERALL, "");
  /* w1 concluded without transfer; w0 abandoned in transfer → success 1/2,
   * abandonment 1/1.  Handled: only w1 (w0 never seen accepted) → repeat
   * 1/1, duplication 1/1, handle time 4 min = 240 s, FCR 1/1. */
  g_assert_cmpuint (hd_kpi_row_get_n_concluded (row), ==, 2);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (row), 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (row), 1, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_repeat_rate (row), 1, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_verification_duplication (row), 1, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_handle_time_bot (row), 240, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_first_contact_resolution (row), 1, EPS);
  g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_missing_share (row, "case.type"), 1, EPS);
  /* Rows read as the stream names them, and keep the ids for the CSV. */
  row = find_row (rows, HD_KPI_SCOPE_FLOW, "fraud/report");
  g_assert_cmpstr (hd_kpi_row_get_label (row), ==, "Bot flow: Report a fraud");
  row = find_row (rows, HD_KPI_SCOPE_QUEUE, "fraud");
  g_assert_cmpstr (hd_kpi_row_get_label (row), ==, "Fraud and scams");
  g_assert_cmpstr (hd_kpi_row_get_name (row), ==, "fraud");
  /* No label, or one that breaks the rules: the table's words. */
  row = find_row (rows, HD_KPI_SCOPE_QUEUE, "cards");
  g_assert_cmpstr (hd_kpi_row_get_label (row), ==, "Cards");
  row = find_row (rows, HD_KPI_SCOPE_FLOW, "cards/lost-stolen");
  g_assert_cmpstr (hd_kpi_row_get_label (row), ==, "Bot flow: Cards › Lost stolen");
}

static void
test_kpi_csv (void)
{
  static const char * const none[] = { NULL };
  g_autoptr(HdKpiEngine) engine = hd_kpi_engine_new (60);
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  /* Ids a router could send: a comma and quotes, a formula, a space. */
  offer (engine, "c1", "a,\"b\"", "=HYPERLINK(\"x\")", 0, TRUE, none);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "c1", "a,\"b\"", NULL, 60);
  wrap (engine, "c1", "a,\"b\"", 150, 1);
  offer (engine, "c2", " lead", "flow\nx", 0, FALSE, NULL);

  rows = hd_kpi_engine_compute (engine, S (5 * 60));
  csv = hd_kpi_rows_to_csv (rows);
  lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "scope,name,offered,concluded,escalation_success,abandonment_in_transfer,"
                                 "verification_duplication,repeat_rate,handle_time_bot_s,handle_time_agent_only_s,"
                                 "first_contact_resolution,complete_packets,most_missing");
  /* Overall: offered c1 c2 = 2, concluded c1; success 1/1; no transfer → empty;
   * duplication 0/1; repeat 0/1; 90 s; no agent-only; FCR 1/1; complete 2/2. */
  g_assert_cmpstr (lines[1], ==, "overall,,2,1,1.000,,0.000,0.000,90.0,,1.000,1.000,");
  /* Sorted by name within queues: " lead" before "a,\"b\"". */
  g_assert_cmpstr (lines[2], ==, "queue,\" lead\",1,0,,,,,,,,1.000,");
  g_assert_cmpstr (lines[3], ==, "queue,\"a,\"\"b\"\"\",1,1,1.000,,0.000,0.000,90.0,,1.000,1.000,");
  g_assert_cmpstr (lines[4], ==, "flow,\"'=HYPERLINK(\"\"x\"\")\",1,1,1.000,,0.000,0.000,90.0,,1.000,1.000,");
  g_assert_cmpstr (lines[5], ==, "flow,\"flow\nx\",1,0,,,,,,,,1.000,");
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_null (lines[7]);
}

static void
test_kpi_bounded (void)
{
  g_autoptr(HdKpiEngine) engine = hd_kpi_engine_new (60);

  /* Three hours of handoffs that never conclude, one every second: only
   * the last hour's are tracked. */
  for (guint i = 0; i < 3 * 3600; i++)
    {
      g_autofree char *id = g_strdup_printf ("b%u", i);

      offer (engine, id, "q", "f", i, FALSE, NULL);
    }
  g_assert_cmpuint (hd_kpi_engine_get_n_tracked (engine), <=, 3600 + 60);
  g_assert_cmpuint (hd_kpi_engine_get_n_tracked (engine), >=, 3600);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *seen = user_data;

  g_hash_table_add (seen, (gpointer) g_param_spec_get_name (pspec));
}

static void
test_kpi_row_properties (void)
{
  static const char * const none[] = { NULL };
  g_autoptr(HdKpiEngine) engine = hd_kpi_engine_new (60);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) same = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  HdKpiRow *row;
  HdKpiScope scope;
  double success;
  guint offered;

  offer (engine, "p1", "cards", "cards/dispute", 0, TRUE, none);
  add (engine, HD_QUEUE_EVENT_ACCEPTED, "p1", "cards", NULL, 10);
  before = hd_kpi_engine_compute (engine, S (60));
  row = find_row (before, HD_KPI_SCOPE_QUEUE, "cards");

  g_object_get (row, "scope", &scope, "name", &name, "label", &label, "n-offered", &offered,
                "escalation-success", &success, NULL);
  g_assert_cmpint (scope, ==, HD_KPI_SCOPE_QUEUE);
  g_assert_cmpstr (name, ==, "cards");
  g_assert_cmpstr (label, ==, hd_kpi_row_get_label (row));
  g_assert_cmpuint (offered, ==, 1);
  g_assert_true (isnan (success));

  /* Only what changed notifies: concluded and success, not the offers. */
  g_signal_connect (row, "notify", G_CALLBACK (count_notify), seen);
  wrap (engine, "p1", "cards", 70, 1);
  after = hd_kpi_engine_compute (engine, S (120));
  g_assert_true (hd_kpi_row_update_from (row, find_row (after, HD_KPI_SCOPE_QUEUE, "cards")));
  g_assert_true (g_hash_table_contains (seen, "n-concluded"));
  g_assert_true (g_hash_table_contains (seen, "escalation-success"));
  g_assert_true (g_hash_table_contains (seen, "handle-time-bot"));
  g_assert_false (g_hash_table_contains (seen, "n-offered"));
  g_assert_false (g_hash_table_contains (seen, "complete-packets"));
  g_object_get (row, "escalation-success", &success, NULL);
  g_assert_cmpfloat_with_epsilon (success, 1, EPS);
  /* The counts behind the rate, for "100% (1 of 1)". */
  {
    guint part = 0, whole = 0;

    g_assert_true (hd_kpi_row_get_rate_counts (row, "escalation-success", &part, &whole));
    g_assert_cmpuint (part, ==, 1);
    g_assert_cmpuint (whole, ==, 1);
    g_assert_true (hd_kpi_row_get_rate_counts (row, "complete-packets", &part, &whole));
    g_assert_cmpuint (whole, ==, 1);
    g_assert_false (hd_kpi_row_get_rate_counts (row, "handle-time-bot", &part, &whole));
  }
  /* Labels are display names, not ids. */
  g_assert_cmpstr (hd_kpi_row_get_label (row), ==, "Cards");
  g_assert_cmpstr (hd_kpi_row_get_label (find_row (after, HD_KPI_SCOPE_FLOW, "cards/dispute")), ==,
                   "Bot flow: Cards › Dispute");

  g_hash_table_remove_all (seen);
  same = hd_kpi_engine_compute (engine, S (120));
  g_assert_false (hd_kpi_row_update_from (row, find_row (same, HD_KPI_SCOPE_QUEUE, "cards")));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/kpi/lifecycle", test_kpi_lifecycle);
  g_test_add_func ("/hd/kpi/overall", test_kpi_overall);
  g_test_add_func ("/hd/kpi/scopes", test_kpi_scopes);
  g_test_add_func ("/hd/kpi/window", test_kpi_window);
  g_test_add_func ("/hd/kpi/queue-events", test_kpi_queue_events);
  g_test_add_func ("/hd/kpi/csv", test_kpi_csv);
  g_test_add_func ("/hd/kpi/bounded", test_kpi_bounded);
  g_test_add_func ("/hd/kpi/row-properties", test_kpi_row_properties);

  return g_test_run ();
}
