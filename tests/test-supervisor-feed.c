/* test-supervisor-feed.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-supervisor-feed"

#include "config.h"

#include <string.h>

#include "hd-test-utils.h"
#include "hd-demo-router.h"
#include "hd-error.h"
#include "hd-feed-client.h"
#include "hd-supervisor-model.h"

/* The supervisor stream end to end: the embedded routing layer, an agent's
 * client sending the one-click signals, a supervisor's client feeding
 * HdSupervisorModel, over real loopback WebSockets. */

typedef struct
{
  gboolean  done;
  GError   *error;
  HdHandoff *handoff;
} Result;

static void
signal_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  hd_feed_client_send_quality_report_finish (HD_FEED_CLIENT (object), result, &r->error);
  r->done = TRUE;
}

static void
accept_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  hd_feed_client_accept_finish (HD_FEED_CLIENT (object), result, &r->error);
  r->done = TRUE;
}

static void
wrap_up_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  hd_feed_client_wrap_up_finish (HD_FEED_CLIENT (object), result, &r->error);
  r->done = TRUE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *r = user_data;

  r->handoff = hd_feed_client_fetch_handoff_finish (HD_FEED_CLIENT (object), result, &r->error);
  r->done = TRUE;
}

static void
reset (Result *r)
{
  g_clear_error (&r->error);
  g_clear_object (&r->handoff);
  r->done = FALSE;
}

static void
on_snapshot_cb (HdFeedClient      *client,
                JsonObject        *body,
                HdSupervisorModel *model)
{
  hd_supervisor_model_apply_snapshot (model, body);
  hd_supervisor_model_flush (model, g_get_real_time ());
}

static void
on_event_cb (HdFeedClient      *client,
             JsonObject        *body,
             HdSupervisorModel *model)
{
  hd_supervisor_model_apply_event (model, body);
  hd_supervisor_model_flush (model, g_get_real_time ());
}

static guint
panel_waiting (HdSupervisorModel *model,
               const char        *queue_id)
{
  HdQueuePanel *panel = hd_supervisor_model_lookup_panel (model, queue_id);

  return panel != NULL ? g_list_model_get_n_items (hd_queue_panel_get_waiting_handoffs (panel)) : 0;
}

static HdKpiRow *
overall (HdSupervisorModel *model)
{
  g_autoptr(GListModel) rows = hd_kpi_engine_compute (hd_supervisor_model_get_kpi_engine (model),
                                                      g_get_real_time ());
  return g_list_model_get_item (rows, 0);
}

/* Replaces *@row by a fresh overall row; returns its concluded count. */
static guint
refresh_overall (HdKpiRow          **row,
                 HdSupervisorModel  *model)
{
  g_clear_object (row);
  *row = overall (model);
  return hd_kpi_row_get_n_concluded (*row);
}

static gboolean
nothing_ready (gpointer data)
{
  return !g_main_context_pending (NULL);
}

/* Dispatches what the closed sockets left ready to run (the clients' close
 * handshakes meeting the router's dropped sockets), so that none of it runs
 * inside the next test. */
static void
dispatch_ready (void)
{
  g_assert_true (hd_test_wait_until (nothing_ready, NULL, HD_TEST_TIMEOUT_MS));
}

static void
test_supervisor_stream (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autoptr(HdFeedClient) agent = NULL;
  g_autoptr(HdFeedClient) supervisor = NULL;
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id2 = NULL;
  Result r = { 0 };
  HdQueuePanel *hardship, *kyc;
  HdWaitingHandoff *waiting;

  g_object_set (router, "heartbeat-ms", 500, "offer-ttl-s", 30, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));

  agent = hd_feed_client_new (hd_demo_router_get_uri (router), "agent-1", token, NULL, NULL);
  supervisor = hd_feed_client_new (hd_demo_router_get_uri (router), "supervisor-1", token, NULL, NULL);
  g_signal_connect (supervisor, "queue-snapshot", G_CALLBACK (on_snapshot_cb), model);
  g_signal_connect (supervisor, "queue-event", G_CALLBACK (on_event_cb), model);
  hd_feed_client_set_status (supervisor, HD_FEED_AGENT_STATUS_AWAY);
  hd_feed_client_subscribe_queues (supervisor, NULL);
  hd_feed_client_start (agent);
  HD_TEST_WAIT_UNTIL (hd_feed_client_get_state (agent) == HD_FEED_CLIENT_STATE_CONNECTED, 10000);
  hd_feed_client_start (supervisor);
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (model)) >= 9, 10000);

  /* The snapshot lists every queue, and counts the agent but not the supervisor. */
  hardship = hd_supervisor_model_lookup_panel (model, "collections_hardship");
  g_assert_nonnull (hardship);
  g_assert_cmpuint (hd_queue_panel_get_agents_available (hardship), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_agents_away (hardship), ==, 0);

  /* An offer from the EMI hardship journey: a vulnerable customer waits. */
  id = hd_demo_router_push_offer (router, "agent-1", 2);
  HD_TEST_WAIT_UNTIL (panel_waiting (model, "collections_hardship") == 1, 10000);
  waiting = hd_supervisor_model_lookup_waiting (model, id);
  g_assert_nonnull (waiting);
  g_assert_true (hd_waiting_handoff_get_vulnerable (waiting));
  g_assert_cmpstr (hd_waiting_handoff_get_customer (waiting), ==, "Sunita Devi");
  g_assert_cmpstr (hd_waiting_handoff_get_bot_flow (waiting), ==, "loans/payment-difficulty");
  /* The routing layer's names travel with the ids. */
  g_assert_cmpstr (hd_waiting_handoff_get_bot_flow_label (waiting), ==, "Loans: trouble paying");
  g_assert_cmpstr (hd_queue_panel_get_title (hardship), ==, "Collections (hardship)");
  g_assert_cmpuint (hd_queue_panel_get_vulnerable_waiting (hardship), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_offers_in_push (hardship), ==, 1);
  g_assert_cmpuint (hd_queue_panel_get_sla_target_s (hardship), ==, 300);  /* the handoff's own target */

  /* Drill-down: the supervisor fetches the packet, read-only. */
  hd_feed_client_fetch_handoff_async (supervisor, id, NULL, fetch_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  g_assert_cmpstr (hd_handoff_get_handoff_id (r.handoff), ==, id);
  g_assert_true (hd_handoff_get_vulnerable (r.handoff));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hd_feed_client_get_queue (supervisor))), ==, 0);
  reset (&r);
  hd_feed_client_fetch_handoff_async (supervisor, "no-such-handoff", NULL, fetch_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_error (r.error, HD_ERROR, HD_ERROR_CONFLICT);
  reset (&r);

  /* A signal before accepting is refused. */
  hd_feed_client_send_quality_report_async (agent, id, HD_QUALITY_REPORT_REVERIFIED, NULL, NULL, FALSE, NULL, signal_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_error (r.error, HD_ERROR, HD_ERROR_CONFLICT);
  reset (&r);

  hd_feed_client_accept_async (agent, id, NULL, accept_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);
  HD_TEST_WAIT_UNTIL (panel_waiting (model, "collections_hardship") == 0, 10000);

  /* The one-click signals, and one the app detected. */
  hd_feed_client_send_quality_report_async (agent, id, HD_QUALITY_REPORT_REVERIFIED, NULL, NULL, FALSE, NULL, signal_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);
  hd_feed_client_send_quality_report_async (agent, id, HD_QUALITY_REPORT_ASKED_TO_REPEAT, NULL, "loan_number,identity", TRUE,
                                    NULL, signal_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);

  /* Transferred to KYC: it waits there, with no agent. */
  hd_feed_client_send_quality_report_async (agent, id, HD_QUALITY_REPORT_TRANSFERRED, "kyc", NULL, FALSE, NULL, signal_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);
  HD_TEST_WAIT_UNTIL (panel_waiting (model, "kyc") == 1, 10000);
  kyc = hd_supervisor_model_lookup_panel (model, "kyc");
  waiting = hd_supervisor_model_lookup_waiting (model, id);
  g_assert_cmpstr (hd_waiting_handoff_get_transferred_from (waiting), ==, "collections_hardship");
  g_assert_cmpuint (hd_queue_panel_get_offers_in_push (kyc), ==, 0);

  /* The agent wraps up their part of it. */
  hd_feed_client_wrap_up_full_async (agent, id, "transferred", NULL, HD_FEED_RESOLUTION_UNRESOLVED,
                                     NULL, wrap_up_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);

  /* The customer gives up while being transferred. */
  g_assert_true (hd_demo_router_revoke (router, id, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  HD_TEST_WAIT_UNTIL (panel_waiting (model, "kyc") == 0, 10000);
  hd_supervisor_model_flush (model, g_get_real_time ());
  g_assert_cmpuint (hd_queue_panel_get_abandoned_in_transfer (kyc), ==, 1);

  /* A second handoff goes right: accepted and resolved. */
  id2 = hd_demo_router_push_offer (router, "agent-1", 0);
  hd_feed_client_accept_async (agent, id2, NULL, accept_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);
  hd_feed_client_wrap_up_full_async (agent, id2, "resolved", "enabled international usage",
                                     HD_FEED_RESOLUTION_RESOLVED, NULL, wrap_up_cb, &r);
  HD_TEST_WAIT_UNTIL (r.done, 10000);
  g_assert_no_error (r.error);
  reset (&r);

  {
    g_autoptr(HdKpiRow) row = NULL;

    /* Both concluded: one abandoned during its transfer, one wrapped up with
     * no transfer → success 1/2, abandonment 1/1; both verified by the bot,
     * one re-verified → 1/2; one repeat → 1/2; FCR 1/1. */
    HD_TEST_WAIT_UNTIL (refresh_overall (&row, model) == 2, 10000);
    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_escalation_success (row), 0.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_abandonment_in_transfer (row), 1, 1e-9);
    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_verification_duplication (row), 0.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_repeat_rate (row), 0.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (hd_kpi_row_get_first_contact_resolution (row), 1, 1e-9);
    g_assert_cmpuint (hd_kpi_row_get_n_offered (row), ==, 2);
  }
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (supervisor), ==, 0);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (agent), ==, 0);

  hd_feed_client_stop (agent);
  hd_feed_client_stop (supervisor);
  hd_demo_router_stop (router);
  dispatch_ready ();
}

/* The new messages round-trip through the codec. */
static void
test_supervisor_codec (void)
{
  static const struct { HdQualityReport signal; const char *name; } signals_[] = {
    { HD_QUALITY_REPORT_ASKED_TO_REPEAT, "asked_to_repeat" },
    { HD_QUALITY_REPORT_REVERIFIED, "re_verified" },
    { HD_QUALITY_REPORT_TRANSFERRED, "transferred" },
  };
  g_autofree char *signal_text = NULL;
  g_autofree char *transfer_text = NULL;
  g_autofree char *wrap_text = NULL;
  g_autofree char *plain_wrap_text = NULL;
  g_autofree char *fetch_text = NULL;
  g_autoptr(HdFeedMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  HdQualityReport parsed;

  for (guint i = 0; i < G_N_ELEMENTS (signals_); i++)
    {
      g_assert_cmpstr (hd_quality_report_to_string (signals_[i].signal), ==, signals_[i].name);
      g_assert_true (hd_quality_report_from_string (signals_[i].name, &parsed));
      g_assert_cmpint (parsed, ==, signals_[i].signal);
    }
  g_assert_false (hd_quality_report_from_string ("shrugged", &parsed));
  g_assert_false (hd_quality_report_from_string (NULL, &parsed));

  signal_text = hd_feed_build_quality_report ("r1", "ho-1", HD_QUALITY_REPORT_ASKED_TO_REPEAT, "ignored", "card,city", TRUE);
  g_assert_cmpstr (signal_text, ==, "{\"type\":\"agent_signal\",\"request_id\":\"r1\",\"handoff_id\":\"ho-1\","
                                    "\"signal\":\"asked_to_repeat\",\"detail\":\"card,city\",\"source\":\"auto\"}");
  message = hd_feed_message_parse (signal_text, strlen (signal_text), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message->type, ==, HD_FEED_MSG_AGENT_SIGNAL);
  g_assert_cmpstr (message->request_id, ==, "r1");
  g_assert_false (hd_feed_message_type_is_sequenced (message->type));
  g_clear_pointer (&message, hd_feed_message_free);

  transfer_text = hd_feed_build_quality_report ("r2", "ho-1", HD_QUALITY_REPORT_TRANSFERRED, "kyc", NULL, FALSE);
  g_assert_cmpstr (transfer_text, ==, "{\"type\":\"agent_signal\",\"request_id\":\"r2\",\"handoff_id\":\"ho-1\","
                                      "\"signal\":\"transferred\",\"to_queue\":\"kyc\",\"source\":\"agent\"}");

  wrap_text = hd_feed_build_wrap_up_full ("r3", "ho-1", "resolved", NULL, HD_FEED_RESOLUTION_UNRESOLVED);
  g_assert_cmpstr (wrap_text, ==, "{\"type\":\"wrap_up\",\"request_id\":\"r3\",\"handoff_id\":\"ho-1\","
                                  "\"disposition\":\"resolved\",\"resolved\":false}");
  /* Unstated, the frame is what version 1 always sent. */
  plain_wrap_text = hd_feed_build_wrap_up ("r4", "ho-1", NULL, NULL);
  g_assert_cmpstr (plain_wrap_text, ==, "{\"type\":\"wrap_up\",\"request_id\":\"r4\",\"handoff_id\":\"ho-1\"}");

  fetch_text = hd_feed_build_supervisor_fetch ("r5", "ho-1");
  message = hd_feed_message_parse (fetch_text, strlen (fetch_text), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (message->type, ==, HD_FEED_MSG_SUPERVISOR_FETCH);
  g_clear_pointer (&message, hd_feed_message_free);

  for (HdFeedMessageType type = HD_FEED_MSG_AGENT_SIGNAL; type <= HD_FEED_MSG_HANDOFF_DETAIL; type++)
    g_assert_cmpint (hd_feed_message_type_from_string (hd_feed_message_type_to_string (type)), ==, type);
}

/* The simulated contact centre keeps a supervisor's panels alive in --demo. */
static void
test_supervisor_simulation (void)
{
  g_autofree char *token = hd_demo_router_generate_token ();
  g_autoptr(HdDemoRouter) router = hd_demo_router_new (token);
  g_autoptr(HdFeedClient) supervisor = NULL;
  g_autoptr(HdSupervisorModel) model = hd_supervisor_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdKpiRow) row = NULL;
  double rate = 0;

  g_object_set (router, "heartbeat-ms", 500, "offer-ttl-s", 1, "simulation-rate", 1200.0, NULL);
  g_assert_true (hd_demo_router_start (router, 0, &error));
  supervisor = hd_feed_client_new (hd_demo_router_get_uri (router), "supervisor-1", token, NULL, NULL);
  g_signal_connect (supervisor, "queue-snapshot", G_CALLBACK (on_snapshot_cb), model);
  g_signal_connect (supervisor, "queue-event", G_CALLBACK (on_event_cb), model);
  hd_feed_client_set_status (supervisor, HD_FEED_AGENT_STATUS_AWAY);
  hd_feed_client_subscribe_queues (supervisor, NULL);
  hd_feed_client_start (supervisor);

  /* Handoffs arrive, are picked up, transferred, wrapped up. */
  HD_TEST_WAIT_UNTIL (refresh_overall (&row, model) >= 20, 30000);
  g_assert_cmpuint (hd_kpi_row_get_n_offered (row), >=, 20);
  rate = hd_kpi_row_get_escalation_success (row);
  g_assert_cmpfloat (rate, >=, 0);
  g_assert_cmpfloat (rate, <=, 1);
  g_assert_cmpuint (hd_feed_client_get_frames_rejected (supervisor), ==, 0);
  g_object_get (router, "simulation-rate", &rate, NULL);
  g_assert_cmpfloat (rate, ==, 1200);

  hd_feed_client_stop (supervisor);
  hd_demo_router_stop (router);
  dispatch_ready ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/supervisor-feed/codec", test_supervisor_codec);
  g_test_add_func ("/hd/supervisor-feed/stream", test_supervisor_stream);
  g_test_add_func ("/hd/supervisor-feed/simulation", test_supervisor_simulation);

  return g_test_run ();
}
