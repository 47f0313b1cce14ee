/* test-session.c: the wiring of one run: built-in router, feed, queue and journal
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-audit-trail.h"
#include "hd-error.h"
#include "hd-recording.h"
#include "hd-session.h"
#include "hd-test-demo.h"
#include "hd-test-packet-generator.h"
#include "hd-test-utils.h"

static gboolean
has_three_offers (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (data))) >= 3;
}

static void
accept_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_feed_client_accept_finish (HD_FEED_CLIENT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_session_demo_journals_offers_and_accept (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-XXXXXX");
  g_autoptr(HdDemo) demo = hd_demo_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_test_demo_session_new (demo, dir, &error);
  g_autoptr(HdHandoff) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *offer_line = NULL;
  g_autofree char *accept_line = NULL;
  gboolean accepted = FALSE;

  g_assert_no_error (error);
  g_assert_true (hd_session_get_is_demo (session));
  g_assert_nonnull (hd_session_get_sf_auth (session));   /* the stand-in */

  hd_session_start (session);
  g_assert_true (hd_test_wait_until (has_three_offers, session, HD_TEST_TIMEOUT_MS));

  first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (session)), 0);
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_OFFERED);

  /* Every presented offer is in the journal with its packet. */
  before = hd_test_session_read_journal (session);
  offer_line = g_strdup_printf ("\"handoff\":\"%s\"", hd_handoff_get_handoff_id (first));
  g_assert_nonnull (strstr (before, offer_line));
  g_assert_nonnull (strstr (before, "\"type\":\"offer\""));
  g_assert_nonnull (strstr (before, "\"packet\""));
  g_assert_null (strstr (before, "\"type\":\"accept\""));

  /* Accepting goes to the router; the journal records it once the router confirms. */
  hd_feed_client_accept_async (hd_session_get_feed (session), hd_handoff_get_handoff_id (first),
                               NULL, accept_cb, &accepted);
  hd_test_wait_flag (&accepted, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (hd_handoff_get_state (first), ==, HD_HANDOFF_STATE_ACCEPTED);

  after = hd_test_session_read_journal (session);
  /* One accept record, for this handoff, by the agent. */
  accept_line = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},\"type\":\"accept\"",
                                 hd_handoff_get_handoff_id (first));
  g_assert_nonnull (strstr (after, accept_line));
  g_assert_null (strstr (strstr (after, accept_line) + strlen (accept_line), "\"type\":\"accept\""));

  hd_session_stop (session);
  g_clear_object (&session);
  hd_test_rm_rf (dir);
}

typedef struct
{
  HdSession *session;
  char      *big;        /* the big offer's handoff id */
  gboolean   noted;
  gboolean   presenting; /* the feed said so when the note was made */
} Held;

/* The moment a big offer reaches the queue, before its journal record is
 * ready, the agent does something the journal records. */
static void
queued_cb (GListModel *queue,
           guint       position,
           guint       removed,
           guint       added,
           Held       *held)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HdHandoff) handoff = g_list_model_get_item (queue, i);
      g_autoptr(JsonObject) payload = json_object_new ();

      if (held->big == NULL || g_strcmp0 (hd_handoff_get_handoff_id (handoff), held->big) != 0)
        continue;
      held->presenting = hd_feed_client_is_presenting (hd_session_get_feed (held->session));
      json_object_set_string_member (payload, "text", "Customer sounds distressed");
      hd_session_journal_agent_event (held->session, held->big, "note", payload);
      held->noted = TRUE;
    }
}

static gboolean
big_offer_journaled (gpointer data)
{
  Held *held = data;
  g_autofree char *text = NULL;
  g_autofree char *needle = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"system\",\"id\":\"router\"},\"type\":\"offer\"",
                                             held->big);

  if (!held->noted)
    return FALSE;
  text = hd_test_session_read_journal (held->session);
  return strstr (text, needle) != NULL;
}

/* A 10,000-turn offer is shown before its journal record is prepared (in a
 * worker); what the agent does meanwhile is journaled after the offer, not
 * before it. */
static void
test_session_big_offer_journal_order (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-XXXXXX");
  g_autoptr(HdDemo) demo = hd_demo_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_test_demo_session_new (demo, dir, &error);
  g_autoptr(GBytes) json = hd_test_packet_generator_build (10000, 11);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *offer = NULL;
  g_autofree char *note = NULL;
  const char *offer_at, *note_at;
  Held held = { session, NULL, FALSE, FALSE };

  g_assert_no_error (error);
  hd_session_start (session);
  g_assert_true (hd_test_wait_until (has_three_offers, session, HD_TEST_TIMEOUT_MS));
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                             (gssize) g_bytes_get_size (json), NULL));
  g_signal_connect (hd_session_get_queue (session), "items-changed", G_CALLBACK (queued_cb), &held);

  held.big = hd_demo_router_push_packet (hd_demo_get_router (demo),
                                         hd_session_get_agent_id (session),
                                         json_parser_get_root (parser));
  /* A 10,000-turn packet is slow to prepare under the sanitizers: three times the usual wait. */
  g_assert_true (hd_test_wait_until (big_offer_journaled, &held, 3 * HD_TEST_TIMEOUT_MS));
  g_assert_true (held.presenting);

  text = hd_test_session_read_journal (session);
  offer = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"system\",\"id\":\"router\"},\"type\":\"offer\"", held.big);
  note = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},\"type\":\"note\"", held.big);
  offer_at = strstr (text, offer);
  note_at = strstr (text, note);
  g_assert_nonnull (offer_at);
  g_assert_nonnull (note_at);
  g_assert_true (offer_at < note_at);
  /* Each once. */
  g_assert_null (strstr (offer_at + 1, offer));
  g_assert_null (strstr (note_at + 1, note));

  g_signal_handlers_disconnect_by_data (hd_session_get_queue (session), &held);
  hd_session_stop (session);
  g_clear_object (&session);
  g_free (held.big);
  hd_test_rm_rf (dir);
}

static void
test_session_feed_url_rules (void)
{
  static const struct { const char *url; gboolean ok; } cases[] = {
    { "wss://router.bank.example/feed", TRUE },
    { "ws://127.0.0.1:8080/feed", TRUE },
    { "ws://localhost/feed", TRUE },
    { "ws://router.bank.example/feed", FALSE },   /* customer data in the clear */
    { "http://router.bank.example/feed", FALSE },
    { "not a url", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = hd_session_check_feed_url (cases[i].url, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    }
}

static void
test_session_feed_refuses_plain_remote (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-XXXXXX");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_session_new_for_feed ("ws://router.bank.example/feed", "agent-7",
                                                          NULL, dir, &error);

  g_assert_null (session);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  hd_test_rm_rf (dir);
}

/* Requests ---------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  GError   *error;
} Done;

static void
request_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Done *done = user_data;

  hd_session_request_finish (HD_SESSION (object), result, &done->error);
  done->done = TRUE;
}

/* Waits for the request to finish and fails the test if it did not succeed. */
static void
assert_done (Done *done)
{
  hd_test_wait_flag (&done->done, HD_TEST_TIMEOUT_MS);
  g_assert_no_error (done->error);
  done->done = FALSE;
}

typedef struct
{
  char      *dir;
  HdDemo    *servers;
  HdSession *session;
  HdHandoff *offers[3];
} Demo;

static void
demo_setup (Demo          *demo,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  demo->dir = hd_test_make_tmp_dir ("hd-session-XXXXXX");
  demo->servers = hd_demo_new ();
  demo->session = hd_test_demo_session_new (demo->servers, demo->dir, &error);
  g_assert_no_error (error);
  hd_session_start (demo->session);
  HD_TEST_WAIT_UNTIL (has_three_offers (demo->session) && hd_session_get_can_send (demo->session),
                      HD_TEST_TIMEOUT_MS);
  for (guint i = 0; i < G_N_ELEMENTS (demo->offers); i++)
    demo->offers[i] = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (demo->session)), i);
}

static void
demo_teardown (Demo          *demo,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo->offers); i++)
    g_clear_object (&demo->offers[i]);
  hd_session_stop (demo->session);
  g_clear_object (&demo->session);
  g_clear_object (&demo->servers);
  hd_test_rm_rf (demo->dir);
  g_free (demo->dir);
}

static gboolean
journal_has (HdSession  *session,
             const char *needle)
{
  g_autofree char *text = hd_test_session_read_journal (session);

  return strstr (text, needle) != NULL;
}

static void
test_session_accept_and_decline (Demo          *demo,
                                 gconstpointer  data)
{
  const char *first = hd_handoff_get_handoff_id (demo->offers[0]);
  const char *second = hd_handoff_get_handoff_id (demo->offers[1]);
  g_autofree char *accept = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},\"type\":\"accept\"", first);
  g_autofree char *decline = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},\"type\":\"decline\"", second);
  Done done = { 0 };

  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &done);
  assert_done (&done);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[0]), ==, HD_HANDOFF_STATE_ACCEPTED);
  HD_TEST_WAIT_UNTIL (journal_has (demo->session, accept), HD_TEST_TIMEOUT_MS);

  hd_session_decline_async (demo->session, second, "wrong_skill", NULL, request_done_cb, &done);
  assert_done (&done);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[1]), ==, HD_HANDOFF_STATE_DECLINED);
  HD_TEST_WAIT_UNTIL (journal_has (demo->session, decline), HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_demo_router_get_offer_state (hd_demo_get_router (demo->servers), second), ==, "declined");

  /* Refused by the routing layer: the offer stays as it was and the caller hears why. */
  hd_session_accept_async (demo->session, second, NULL, request_done_cb, &done);
  hd_test_wait_flag (&done.done, HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (done.error);
  g_clear_error (&done.error);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[1]), ==, HD_HANDOFF_STATE_DECLINED);
}

static void
count_pending_cb (HdSession  *session,
                  const char *handoff_id,
                  guint      *count)
{
  (*count)++;
}

static guint
count_in_journal (HdSession  *session,
                  const char *needle)
{
  g_autofree char *text = hd_test_session_read_journal (session);
  guint n = 0;

  for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* A double click or Ctrl+Return pressed twice: while the first accept is with the router,
 * the second is refused at once and never sent; the pending state clears on the answer,
 * whether the router confirmed or refused. */
static void
test_session_answer_pending (Demo          *demo,
                             gconstpointer  data)
{
  const char *first = hd_handoff_get_handoff_id (demo->offers[0]);
  const char *second = hd_handoff_get_handoff_id (demo->offers[1]);
  g_autofree char *accept = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},\"type\":\"accept\"", first);
  Done done = { 0 };
  Done again = { 0 };
  Done declined = { 0 };
  guint changes = 0;

  g_signal_connect (demo->session, "request-pending-changed", G_CALLBACK (count_pending_cb), &changes);
  g_assert_false (hd_session_is_request_pending (demo->session, first));

  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &done);
  g_assert_true (hd_session_is_request_pending (demo->session, first));
  g_assert_false (hd_session_is_request_pending (demo->session, second));
  g_assert_cmpuint (changes, ==, 1);

  /* Refused before anything is sent: had it reached the router, it would fail as a
   * conflict (the offer is accepted) rather than as pending. */
  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &again);
  hd_session_decline_async (demo->session, first, "busy", NULL, request_done_cb, &declined);
  hd_test_wait_flag (&again.done, HD_TEST_TIMEOUT_MS);
  hd_test_wait_flag (&declined.done, HD_TEST_TIMEOUT_MS);
  g_assert_error (again.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_error (declined.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&again.error);
  g_clear_error (&declined.error);
  g_assert_cmpuint (changes, ==, 1);

  assert_done (&done);
  g_assert_false (hd_session_is_request_pending (demo->session, first));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[0]), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_cmpstr (hd_demo_router_get_offer_state (hd_demo_get_router (demo->servers), first), ==, "accepted");
  HD_TEST_WAIT_UNTIL (journal_has (demo->session, accept), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_in_journal (demo->session, accept), ==, 1);

  /* A decline is pending the same way; refused by the router (the offer is declined
   * already), an accept clears it all the same. */
  hd_session_decline_async (demo->session, second, "busy", NULL, request_done_cb, &done);
  g_assert_true (hd_session_is_request_pending (demo->session, second));
  assert_done (&done);
  g_assert_false (hd_session_is_request_pending (demo->session, second));
  hd_session_accept_async (demo->session, second, NULL, request_done_cb, &done);
  g_assert_true (hd_session_is_request_pending (demo->session, second));
  hd_test_wait_flag (&done.done, HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (done.error);
  g_assert_false (g_error_matches (done.error, G_IO_ERROR, G_IO_ERROR_PENDING));
  g_clear_error (&done.error);
  g_assert_false (hd_session_is_request_pending (demo->session, second));
  g_assert_cmpuint (changes, ==, 6);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[1]), ==, HD_HANDOFF_STATE_DECLINED);
  g_assert_cmpuint (count_in_journal (demo->session, accept), ==, 1);

  g_signal_handlers_disconnect_by_func (demo->session, count_pending_cb, &changes);
}

static void
test_session_reply (Demo          *demo,
                    gconstpointer  data)
{
  const char *first = hd_handoff_get_handoff_id (demo->offers[0]);
  GListModel *transcript = hd_handoff_get_transcript (demo->offers[0]);
  g_autoptr(HdTurn) last = NULL;
  Done done = { 0 };
  guint before;

  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &done);
  assert_done (&done);

  before = g_list_model_get_n_items (transcript);
  hd_session_reply_async (demo->session, first, "I can see the declined payment in Dubai.", NULL,
                          request_done_cb, &done);
  assert_done (&done);
  /* The router relays the reply back: the transcript grows by it. */
  HD_TEST_WAIT_UNTIL (g_list_model_get_n_items (transcript) > before, HD_TEST_TIMEOUT_MS);
  last = g_list_model_get_item (transcript, g_list_model_get_n_items (transcript) - 1);
  g_assert_cmpint (hd_turn_get_speaker (last), ==, HD_SPEAKER_AGENT);
  g_assert_cmpstr (hd_turn_get_text (last), ==, "I can see the declined payment in Dubai.");
}

/* Before the feed is connected nothing is sent: the reply fails at once. */
static void
test_session_reply_needs_connection (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-session-XXXXXX");
  g_autoptr(HdDemo) servers = hd_demo_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSession) session = hd_test_demo_session_new (servers, dir, &error);
  Done done = { 0 };

  g_assert_no_error (error);
  g_assert_false (hd_session_get_can_send (session));
  hd_session_reply_async (session, "ho-1", "Hello", NULL, request_done_cb, &done);
  hd_test_wait_flag (&done.done, HD_TEST_TIMEOUT_MS);
  g_assert_error (done.error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED);
  g_clear_error (&done.error);

  hd_session_stop (session);
  hd_test_rm_rf (dir);
}

/* A quality report is journaled and sent together; a wrap-up is journaled once the
 * routing layer confirms it, with the outcome the agent stated. */
static void
test_session_quality_reports_and_wrap_up (Demo          *demo,
                                          gconstpointer  data)
{
  const char *first = hd_handoff_get_handoff_id (demo->offers[0]);
  g_autofree char *text = NULL;
  Done done = { 0 };

  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &done);
  assert_done (&done);

  hd_session_report_quality_async (demo->session, first, HD_QUALITY_REPORT_ASKED_TO_REPEAT, NULL, FALSE,
                                   NULL, request_done_cb, &done);
  assert_done (&done);
  hd_session_report_quality_async (demo->session, first, HD_QUALITY_REPORT_ASKED_TO_REPEAT, "card", TRUE,
                                   NULL, request_done_cb, &done);
  assert_done (&done);
  hd_session_report_quality_async (demo->session, first, HD_QUALITY_REPORT_REVERIFIED, NULL, FALSE,
                                   NULL, request_done_cb, &done);
  assert_done (&done);

  hd_session_wrap_up_async (demo->session, first, TRUE, NULL, request_done_cb, &done);
  assert_done (&done);
  g_assert_cmpint (hd_handoff_get_state (demo->offers[0]), ==, HD_HANDOFF_STATE_WRAPPED_UP);
  HD_TEST_WAIT_UNTIL (journal_has (demo->session, "\"type\":\"wrap-up\""), HD_TEST_TIMEOUT_MS);

  text = hd_test_session_read_journal (demo->session);
  g_assert_nonnull (strstr (text, "\"name\":\"customer-repeated-details\",\"source\":\"agent\"}"));
  g_assert_nonnull (strstr (text, "\"name\":\"customer-repeated-details\",\"source\":\"auto\",\"detail\":\"card\""));
  g_assert_nonnull (strstr (text, "\"name\":\"verification-repeated\",\"source\":\"agent\""));
  g_assert_nonnull (strstr (text, "\"type\":\"wrap-up\",\"payload\":{\"resolved\":true"));
}

static void
test_session_transfer (Demo          *demo,
                       gconstpointer  data)
{
  const char *first = hd_handoff_get_handoff_id (demo->offers[0]);
  g_autofree char *journaled = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"agent\",\"id\":\"agent-demo\"},"
                                                "\"type\":\"transfer\",\"payload\":{\"to_queue\":\"kyc-review\"}", first);
  Done done = { 0 };

  hd_session_accept_async (demo->session, first, NULL, request_done_cb, &done);
  assert_done (&done);

  hd_session_transfer_async (demo->session, first, "kyc-review", NULL, request_done_cb, &done);
  assert_done (&done);
  HD_TEST_WAIT_UNTIL (journal_has (demo->session, journaled), HD_TEST_TIMEOUT_MS);
}

/* Each way a handoff is taken away is journaled with the routing layer's
 * reason (docs/journal.md), and the audit trail says it in words: an
 * abandoned chat must read differently from a reassigned one. */
static void
test_session_revoke_reasons (Demo          *demo,
                             gconstpointer  data)
{
  HdDemoRouter *router = hd_demo_get_router (demo->servers);
  const char *abandoned = hd_handoff_get_handoff_id (demo->offers[0]);
  const char *reassigned = hd_handoff_get_handoff_id (demo->offers[1]);
  const char *expired = hd_handoff_get_handoff_id (demo->offers[2]);
  struct { const char *id; const char *type; const char *reason; const char *words; } expected[] = {
    { abandoned, "revoke", "customer_abandoned", "The customer left" },
    { reassigned, "revoke", "reassigned", "Reassigned to another agent" },
    { expired, "expire", "expired", "expired" },
  };

  g_assert_true (hd_demo_router_revoke (router, abandoned, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  g_assert_true (hd_demo_router_revoke (router, reassigned, HD_REVOKE_REASON_REASSIGNED));
  g_assert_true (hd_demo_router_revoke (router, expired, HD_REVOKE_REASON_EXPIRED));
  HD_TEST_WAIT_UNTIL (hd_handoff_get_state (demo->offers[2]) == HD_HANDOFF_STATE_EXPIRED,
                      HD_TEST_TIMEOUT_MS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *record = g_strdup_printf ("\"handoff\":\"%s\",\"actor\":{\"kind\":\"system\",\"id\":\"router\"},\"type\":\"%s\",\"payload\":{\"reason\":\"%s\"",
                                                 expected[i].id, expected[i].type, expected[i].reason);
      g_autoptr(GPtrArray) events = NULL;
      g_autoptr(HdAuditTrail) trail = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      HD_TEST_WAIT_UNTIL (journal_has (demo->session, record), HD_TEST_TIMEOUT_MS);
      events = hd_journal_collect_handoff (hd_journal_get_directory (hd_session_get_journal (demo->session)),
                                           expected[i].id, &error);
      g_assert_no_error (error);
      trail = hd_audit_trail_new (expected[i].id, events);
      text = hd_audit_trail_to_text (trail);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, expected[i].words));

      /* A recording keeps it, redacted for training too (a reason is a
       * token, not free text). */
      {
        g_autofree char *path = g_build_filename (demo->dir, "revoked.hdrec", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autofree char *recording = NULL;
        g_autofree char *member = g_strdup_printf ("\"reason\":\"%s\"", expected[i].reason);

        g_assert_true (hd_recording_write (file, expected[i].id, events, HD_RECORDING_REDACT_ALL,
                                           "revoked", NULL, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &recording, NULL, NULL));
        g_assert_nonnull (strstr (recording, member));
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/session/demo-journals-offers-and-accept", test_session_demo_journals_offers_and_accept);
  g_test_add_func ("/hd/session/big-offer-journal-order", test_session_big_offer_journal_order);
  g_test_add_func ("/hd/session/feed-url-rules", test_session_feed_url_rules);
  g_test_add_func ("/hd/session/feed-refuses-plain-remote", test_session_feed_refuses_plain_remote);
  g_test_add_func ("/hd/session/reply-needs-connection", test_session_reply_needs_connection);
  g_test_add ("/hd/session/accept-and-decline", Demo, NULL, demo_setup, test_session_accept_and_decline, demo_teardown);
  g_test_add ("/hd/session/answer-pending", Demo, NULL, demo_setup, test_session_answer_pending, demo_teardown);
  g_test_add ("/hd/session/reply", Demo, NULL, demo_setup, test_session_reply, demo_teardown);
  g_test_add ("/hd/session/quality-reports-and-wrap-up", Demo, NULL, demo_setup,
              test_session_quality_reports_and_wrap_up, demo_teardown);
  g_test_add ("/hd/session/transfer", Demo, NULL, demo_setup, test_session_transfer, demo_teardown);
  g_test_add ("/hd/session/revoke-reasons", Demo, NULL, demo_setup, test_session_revoke_reasons, demo_teardown);

  return g_test_run ();
}
