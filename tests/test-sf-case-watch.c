/* test-sf-case-watch.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-case-watch.h"
#include "hd-sf-standin-streaming.h"
#include "test-sf-common.h"

/* HdSfCaseWatch against the stand-in's Change Data Capture: a colleague's
 * change of a watched case is signalled with its fields, the agent's own
 * saves and unwatched cases are not, a forgotten client re-handshakes and
 * still delivers, and an org without CDC for Case turns the watch off. */

typedef struct
{
  HdSfStandin   *standin;
  HdTokenStore  *store;
  HdSfAuth      *auth;
  HdSfClient    *client;
  HdSfCaseWatch *watch;
  GPtrArray     *changes;   /* "case-id Field,Field by user", as signalled */
} Fixture;

static void
case_changed_cb (HdSfCaseWatch *watch,
                 const char    *case_id,
                 GStrv          fields,
                 const char    *commit_user,
                 Fixture       *f)
{
  g_autofree char *joined = g_strjoinv (",", fields);

  g_ptr_array_add (f->changes, g_strdup_printf ("%s %s by %s", case_id, joined, commit_user));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
  f->changes = g_ptr_array_new_with_free_func (g_free);
}

static void
start_watch (Fixture *f)
{
  f->watch = g_object_ref (hd_sf_case_watch_get_for_client (f->client));
  hd_bayeux_client_set_backoff (hd_sf_case_watch_get_bayeux (f->watch), 5, 50);
  g_signal_connect (f->watch, "case-changed", G_CALLBACK (case_changed_cb), f);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (hd_sf_case_watch_get_bayeux (f->watch)) == HD_BAYEUX_STATE_CONNECTED &&
                      hd_sf_standin_get_n_stream_clients (f->standin) == 1, HD_TEST_TIMEOUT_MS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->watch != NULL)
    g_signal_handlers_disconnect_by_data (f->watch, f);
  g_clear_object (&f->watch);
  g_clear_object (&f->client);
  g_clear_pointer (&f->changes, g_ptr_array_unref);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
}

static void
colleague_edit (Fixture    *f,
                const char *case_id,
                const char *field,
                const char *value)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, field, value);
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, fields));
}

static void
own_edit (Fixture    *f,
          const char *case_id,
          const char *field,
          const char *value)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) body = json_node_alloc ();
  g_autofree char *path = g_strdup_printf ("sobjects/Case/%s", case_id);
  const char *headers[] = { "Sforce-Auto-Assign", "FALSE", NULL };
  SfTestAsync async = { 0 };
  g_autoptr(HdSfResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, field, value);
  json_node_init_object (body, fields);
  hd_sf_client_request_async (f->client, "PATCH", path, body, headers, NULL, sf_test_async_cb, &async);
  response = hd_sf_client_request_finish (f->client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 204);
  sf_test_async_clear (&async);
}

static void
test_colleague_change (Fixture       *f,
                       gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  const char *other_id = hd_sf_standin_get_demo_case_id (f->standin, "fraud-report");
  g_autofree char *expected = NULL;

  g_assert_nonnull (other_id);
  start_watch (f);
  hd_sf_case_watch_add (f->watch, case_id);

  /* Another case changes: not watched, not signalled.  Then the watched one. */
  colleague_edit (f, other_id, "Status", "Escalated");
  colleague_edit (f, case_id, "Priority", "High");
  HD_TEST_WAIT_UNTIL (f->changes->len >= 1, HD_TEST_TIMEOUT_MS);
  expected = g_strdup_printf ("%s Priority,LastModifiedDate by %s", case_id, HD_SF_STANDIN_COLLEAGUE_ID);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 0), ==, expected);
}

static void
test_own_change_ignored (Fixture       *f,
                         gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autofree char *expected = NULL;

  start_watch (f);
  hd_sf_case_watch_add (f->watch, case_id);
  own_edit (f, case_id, "Status", "Working");
  /* Events come in commit order: once the colleague's is here, the agent's
   * own came before it and was left out. */
  colleague_edit (f, case_id, "Status", "Escalated");
  HD_TEST_WAIT_UNTIL (f->changes->len >= 1, HD_TEST_TIMEOUT_MS);
  expected = g_strdup_printf ("%s Status,LastModifiedDate by %s", case_id, HD_SF_STANDIN_COLLEAGUE_ID);
  g_assert_cmpuint (f->changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->changes, 0), ==, expected);

  /* Not watched any more: nothing. */
  hd_sf_case_watch_remove (f->watch, case_id);
  colleague_edit (f, case_id, "Status", "New");
  own_edit (f, case_id, "Priority", "Low");
  hd_sf_case_watch_add (f->watch, case_id);
  colleague_edit (f, case_id, "Priority", "Critical");
  HD_TEST_WAIT_UNTIL (f->changes->len >= 2, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->changes->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 1), case_id));
  g_assert_true (g_strrstr (g_ptr_array_index (f->changes, 1), " Priority,") != NULL);
}

static void
test_rehandshake (Fixture       *f,
                  gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  HdBayeuxClient *bayeux;

  start_watch (f);
  bayeux = hd_sf_case_watch_get_bayeux (f->watch);
  hd_sf_case_watch_add (f->watch, case_id);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (bayeux), ==, 1);

  /* The server forgets the client (expired, or a load-balancer move). */
  hd_sf_standin_forget_stream_clients (f->standin);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_n_handshakes (bayeux) >= 2 &&
                      hd_bayeux_client_get_state (bayeux) == HD_BAYEUX_STATE_CONNECTED &&
                      hd_sf_standin_get_n_stream_clients (f->standin) == 1, HD_TEST_TIMEOUT_MS);
  colleague_edit (f, case_id, "Subject", "Card blocked twice");
  HD_TEST_WAIT_UNTIL (f->changes->len >= 1, HD_TEST_TIMEOUT_MS);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (f->changes, 0), case_id));
  g_assert_true (hd_sf_case_watch_get_available (f->watch));
}

static void
test_no_cdc (Fixture       *f,
             gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  Fixture other = { 0 };
  HdBayeuxClient *bayeux;

  hd_sf_standin_set_cdc_enabled (f->standin, FALSE);
  f->watch = g_object_ref (hd_sf_case_watch_get_for_client (f->client));
  g_signal_connect (f->watch, "case-changed", G_CALLBACK (case_changed_cb), f);
  bayeux = hd_sf_case_watch_get_bayeux (f->watch);
  hd_sf_case_watch_add (f->watch, case_id);
  g_test_expect_message ("hd-sf-case-watch", G_LOG_LEVEL_MESSAGE, "Live case changes are off*");
  HD_TEST_WAIT_UNTIL (!hd_sf_case_watch_get_available (f->watch), HD_TEST_TIMEOUT_MS);
  g_test_assert_expected_messages ();
  /* Stopped for good this sign-in: one handshake, no retries. */
  g_assert_cmpint (hd_bayeux_client_get_state (bayeux), ==, HD_BAYEUX_STATE_STOPPED);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (bayeux), ==, 1);
  /* The same watch for the same client. */
  g_assert_true (hd_sf_case_watch_get_for_client (f->client) == f->watch);

  /* Even once the org has CDC again, this watch stays off: another
   * client's watch sees the change, this one does not. */
  hd_sf_standin_set_cdc_enabled (f->standin, TRUE);
  other.client = hd_sf_client_new (f->auth, "v64.0");
  other.changes = g_ptr_array_new_with_free_func (g_free);
  other.watch = g_object_ref (hd_sf_case_watch_get_for_client (other.client));
  g_signal_connect (other.watch, "case-changed", G_CALLBACK (case_changed_cb), &other);
  hd_sf_case_watch_add (other.watch, case_id);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (hd_sf_case_watch_get_bayeux (other.watch)) == HD_BAYEUX_STATE_CONNECTED,
                      HD_TEST_TIMEOUT_MS);
  colleague_edit (f, case_id, "Status", "Escalated");
  HD_TEST_WAIT_UNTIL (other.changes->len >= 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpint (hd_bayeux_client_get_state (bayeux), ==, HD_BAYEUX_STATE_STOPPED);

  g_signal_handlers_disconnect_by_data (other.watch, &other);
  g_clear_object (&other.watch);
  g_clear_object (&other.client);
  g_clear_pointer (&other.changes, g_ptr_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hd/sf-case-watch/colleague-change", test_colleague_change);
  ADD ("/hd/sf-case-watch/own-change-ignored", test_own_change_ignored);
  ADD ("/hd/sf-case-watch/rehandshake", test_rehandshake);
  ADD ("/hd/sf-case-watch/no-cdc", test_no_cdc);
#undef ADD

  return sf_test_run ();
}
