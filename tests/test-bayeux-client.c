/* test-bayeux-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-bayeux-client.h"
#include "hd-sf-standin-streaming.h"
#include "test-sf-common.h"

/* HdBayeuxClient against the stand-in's Streaming API: delivery in order,
 * and recovery from every failure Salesforce documents. */

typedef struct
{
  HdSfStandin    *standin;
  HdTokenStore   *store;
  HdSfAuth       *auth;
  HdBayeuxClient *client;
  GArray         *replay_ids;     /* gint64, as delivered */
  GPtrArray      *kinds;          /* char *, as delivered */
  guint           n_invalid;
  gint64          invalid_id;
} Fixture;

static void
event_cb (HdBayeuxClient *client,
          const char     *channel,
          gint64          replay_id,
          JsonObject     *data,
          Fixture        *f)
{
  JsonObject *payload = json_object_get_object_member (data, "payload");

  g_assert_cmpstr (channel, ==, HD_SF_STANDIN_EVENT_CHANNEL);
  g_array_append_val (f->replay_ids, replay_id);
  g_ptr_array_add (f->kinds, g_strdup (json_object_get_string_member (payload, "Kind__c")));
}

static void
replay_invalid_cb (HdBayeuxClient *client,
                   const char     *channel,
                   gint64          replay_id,
                   Fixture        *f)
{
  f->n_invalid++;
  f->invalid_id = replay_id;
}

static void
new_client (Fixture *f,
            gint64   from)
{
  g_clear_object (&f->client);
  f->client = hd_bayeux_client_new (f->auth, "v64.0");
  hd_bayeux_client_set_backoff (f->client, 5, 50);
  hd_bayeux_client_set_timeouts (f->client, 5000, 5000);
  hd_bayeux_client_subscribe (f->client, HD_SF_STANDIN_EVENT_CHANNEL, from);
  g_signal_connect (f->client, "event", G_CALLBACK (event_cb), f);
  g_signal_connect (f->client, "replay-invalid", G_CALLBACK (replay_invalid_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->replay_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->kinds = g_ptr_array_new_with_free_func (g_free);
  /* From the earliest retained: from the tip, events published while the
   * client reconnects before its first event would be skipped, since it
   * has no replayId to resume after yet. */
  new_client (f, HD_BAYEUX_REPLAY_EARLIEST);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->client != NULL)
    hd_bayeux_client_stop (f->client);
  g_clear_object (&f->client);
  g_clear_pointer (&f->replay_ids, g_array_unref);
  g_clear_pointer (&f->kinds, g_ptr_array_unref);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
}

static void
start_connected (Fixture *f)
{
  hd_bayeux_client_start (f->client);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (f->client) == HD_BAYEUX_STATE_CONNECTED &&
                      hd_sf_standin_get_n_stream_clients (f->standin) == 1, HD_TEST_TIMEOUT_MS);
}

/* Every published id delivered once, in order. */
static void
assert_delivered (Fixture *f,
                  GArray  *published)
{
  g_assert_cmpuint (f->replay_ids->len, ==, published->len);
  for (guint i = 0; i < published->len; i++)
    g_assert_cmpint (g_array_index (f->replay_ids, gint64, i), ==, g_array_index (published, gint64, i));
}

static void
test_events_in_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));

  start_connected (f);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (f->client), ==, 1);
  for (guint i = 0; i < 20; i++)
    {
      gint64 id = sf_test_publish (f->standin, i % 2 == 0 ? "offer" : "revoke");

      g_array_append_val (published, id);
    }
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == published->len, HD_TEST_TIMEOUT_MS);
  assert_delivered (f, published);
  g_assert_cmpstr (g_ptr_array_index (f->kinds, 0), ==, "offer");
  g_assert_cmpint (hd_bayeux_client_get_replay_id (f->client, HD_SF_STANDIN_EVENT_CHANNEL), ==,
                   g_array_index (published, gint64, published->len - 1));
  g_assert_null (hd_bayeux_client_get_last_error (f->client));
}

static void
test_resume_from_replay_id (Fixture       *f,
                            gconstpointer  data)
{
  gint64 first = sf_test_publish (f->standin, "offer");
  gint64 second = sf_test_publish (f->standin, "offer");
  gint64 third = sf_test_publish (f->standin, "expire");

  new_client (f, first);
  start_connected (f);
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == 2, HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (g_array_index (f->replay_ids, gint64, 0), ==, second);
  g_assert_cmpint (g_array_index (f->replay_ids, gint64, 1), ==, third);
}

static void
test_unknown_client (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  start_connected (f);
  id = sf_test_publish (f->standin, "offer");
  g_array_append_val (published, id);
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == 1, HD_TEST_TIMEOUT_MS);

  /* A load-balancer move: the server forgets the client; what is published
   * meanwhile comes after the new handshake and subscription. */
  hd_sf_standin_forget_stream_clients (f->standin);
  for (guint i = 0; i < 3; i++)
    {
      id = sf_test_publish (f->standin, "offer");
      g_array_append_val (published, id);
    }
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_n_handshakes (f->client) >= 2 && f->replay_ids->len == published->len,
                      HD_TEST_TIMEOUT_MS);
  assert_delivered (f, published);
  g_assert_cmpuint (hd_sf_standin_get_n_stream_clients (f->standin), <=, 1);
}

static void
test_auth_refresh (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint refreshes = hd_sf_standin_get_n_refreshes (f->standin);
  gint64 id;

  start_connected (f);
  /* The access token dies: the held connect ends, the next says 401. */
  hd_sf_standin_expire_access_tokens (f->standin);
  id = sf_test_publish (f->standin, "offer");
  g_array_append_val (published, id);
  id = sf_test_publish (f->standin, "offer");
  g_array_append_val (published, id);
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == published->len, HD_TEST_TIMEOUT_MS);
  /* The first batch may have come before the refresh; either way once. */
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (f->client) == HD_BAYEUX_STATE_CONNECTED, HD_TEST_TIMEOUT_MS);
  id = sf_test_publish (f->standin, "offer");
  g_array_append_val (published, id);
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == published->len &&
                      hd_bayeux_client_get_n_refreshes (f->client) == 1, HD_TEST_TIMEOUT_MS);
  assert_delivered (f, published);
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, refreshes + 1);
}

static void
test_auth_refused (Fixture       *f,
                   gconstpointer  data)
{
  start_connected (f);
  /* Revoked: no refresh can work.  One try, then a clear stop. */
  hd_sf_standin_revoke_all (f->standin);
  sf_test_publish (f->standin, "offer");
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (f->client) == HD_BAYEUX_STATE_AUTH_FAILED, HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (hd_bayeux_client_get_last_error (f->client));
  g_assert_nonnull (strstr (hd_bayeux_client_get_last_error (f->client), "Salesforce"));
}

static void
test_handshake_denied (Fixture       *f,
                       gconstpointer  data)
{
  guint refreshes = hd_sf_standin_get_n_refreshes (f->standin);

  /* Expired before the first handshake: `403::Handshake denied` with a
   * 401 failure reason is an auth failure, refreshed once. */
  hd_sf_standin_expire_access_tokens (f->standin);
  start_connected (f);
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, refreshes + 1);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (f->client), ==, 2);
}

static void
test_drops (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id;

  start_connected (f);
  /* Three answers lost on the way, events in them: the client backs off,
   * handshakes again and resumes after the last event it got. */
  hd_sf_standin_drop_connects (f->standin, 3);
  for (guint i = 0; i < 10; i++)
    {
      id = sf_test_publish (f->standin, "offer");
      g_array_append_val (published, id);
    }
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == published->len, HD_TEST_TIMEOUT_MS);
  assert_delivered (f, published);
  g_assert_cmpuint (hd_bayeux_client_get_n_handshakes (f->client), >=, 2);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_state (f->client) == HD_BAYEUX_STATE_CONNECTED, HD_TEST_TIMEOUT_MS);
}

static void
test_invalid_replay_id (Fixture       *f,
                        gconstpointer  data)
{
  gint64 old = sf_test_publish (f->standin, "offer");
  gint64 kept;

  /* The stored position fell out of retention. */
  hd_sf_standin_set_retention_ms (f->standin, 0);
  hd_sf_standin_set_retention_ms (f->standin, 3600 * 1000);
  kept = sf_test_publish (f->standin, "offer");
  new_client (f, old);
  start_connected (f);
  HD_TEST_WAIT_UNTIL (f->replay_ids->len == 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->n_invalid, ==, 1);
  g_assert_cmpint (f->invalid_id, ==, old);
  g_assert_cmpint (g_array_index (f->replay_ids, gint64, 0), ==, kept);
}

static void
test_response_cap (Fixture       *f,
                   gconstpointer  data)
{
  /* A handshake answer is a few hundred bytes: over a cap of 64, refused
   * with words, and retried. */
  hd_bayeux_client_set_max_response_bytes (f->client, 64);
  hd_bayeux_client_start (f->client);
  HD_TEST_WAIT_UNTIL (hd_bayeux_client_get_last_error (f->client) != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (strstr (hd_bayeux_client_get_last_error (f->client), "larger than the limit"));
  g_assert_cmpint (hd_bayeux_client_get_state (f->client), !=, HD_BAYEUX_STATE_CONNECTED);
}

static void
test_error_strings (void)
{
  g_assert_cmpuint (hd_bayeux_error_code ("403::Unknown client"), ==, 403);
  g_assert_cmpuint (hd_bayeux_error_code ("401::Authentication invalid"), ==, 401);
  g_assert_cmpuint (hd_bayeux_error_code ("garbage"), ==, 0);
  g_assert_cmpuint (hd_bayeux_error_code (NULL), ==, 0);
  g_assert_true (hd_bayeux_error_is_invalid_replay ("400::The replayId {17} you provided was invalid.  Please provide a "
                                                    "valid ID, -2 to replay all events, or -1 to replay only new events."));
  g_assert_false (hd_bayeux_error_is_invalid_replay ("400::The channel you requested to subscribe to does not exist"));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hd/bayeux-client/error-strings", test_error_strings);
  ADD ("/hd/bayeux-client/events-in-order", test_events_in_order);
  ADD ("/hd/bayeux-client/resume-from-replay-id", test_resume_from_replay_id);
  ADD ("/hd/bayeux-client/unknown-client", test_unknown_client);
  ADD ("/hd/bayeux-client/auth-refresh", test_auth_refresh);
  ADD ("/hd/bayeux-client/auth-refused", test_auth_refused);
  ADD ("/hd/bayeux-client/handshake-denied", test_handshake_denied);
  ADD ("/hd/bayeux-client/drops", test_drops);
  ADD ("/hd/bayeux-client/invalid-replay-id", test_invalid_replay_id);
  ADD ("/hd/bayeux-client/response-cap", test_response_cap);
#undef ADD

  return sf_test_run ();
}
