/* test-session.c: the wiring of one run: built-in router, feed, queue and journal
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-error.h"
#include "hd-session.h"
#include "hd-test-demo.h"
#include "hd-test-packet-generator.h"
#include "hd-test-utils.h"

static gboolean
has_three_offers (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (data))) >= 3;
}

static char *
read_journal (HdSession *session)
{
  HdJournal *journal = hd_session_get_journal (session);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (journal);
  g_assert_true (hd_journal_sync (journal, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (hd_journal_get_current_path (journal), &text, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&text);
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
  before = read_journal (session);
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

  after = read_journal (session);
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
  text = read_journal (held->session);
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

  text = read_journal (session);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/session/demo-journals-offers-and-accept", test_session_demo_journals_offers_and_accept);
  g_test_add_func ("/hd/session/big-offer-journal-order", test_session_big_offer_journal_order);
  g_test_add_func ("/hd/session/feed-url-rules", test_session_feed_url_rules);
  g_test_add_func ("/hd/session/feed-refuses-plain-remote", test_session_feed_refuses_plain_remote);

  return g_test_run ();
}
