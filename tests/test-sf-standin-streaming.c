/* test-sf-standin-streaming.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "hd-bounded-json.h"
#include "hd-sf-standin-streaming.h"
#include "test-sf-common.h"

/* The stand-in's Streaming API on its own, spoken to in raw HTTP with the
 * message shapes of Salesforce's documentation, so that its behaviour is
 * checked independently of HandoffDesk's Bayeux client. */

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  SoupSession  *session;     /* with a cookie jar, as a browser would */
  char         *endpoint;
  char         *client_id;
} Fixture;

typedef struct
{
  gboolean   done;
  guint      status;
  JsonNode  *root;
  char      *set_cookie;
} Answer;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->root, json_node_unref);
  g_clear_pointer (&answer->set_cookie, g_free);
  answer->done = FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();

  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->session = soup_session_new ();
  soup_session_add_feature (f->session, SOUP_SESSION_FEATURE (jar));
  f->endpoint = g_strconcat (hd_sf_standin_get_url (f->standin), "/cometd/64.0", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->client_id);
  g_free (f->endpoint);
  g_clear_object (&f->session);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Answer *answer = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  answer->status = soup_message_get_status (msg);
  answer->set_cookie = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie"));
  if (body != NULL && g_bytes_get_size (body) > 0)
    answer->root = hd_bounded_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), 64, NULL, NULL);
  answer->done = TRUE;
}

/* Starts a POST of @json to the endpoint with @token (NULL: none). */
static void
post_start (Fixture    *f,
            const char *token,
            const char *json,
            Answer     *answer)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_POST, f->endpoint);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, answer);
}

static JsonObject *
post (Fixture    *f,
      const char *token,
      const char *json,
      Answer     *answer)
{
  post_start (f, token, json, answer);
  HD_TEST_WAIT_UNTIL (answer->done, HD_TEST_TIMEOUT_MS);
  if (answer->root == NULL || !JSON_NODE_HOLDS_ARRAY (answer->root))
    return NULL;
  /* The reply to the meta request is the last message. */
  return json_array_get_object_element (json_node_get_array (answer->root),
                                        json_array_get_length (json_node_get_array (answer->root)) - 1);
}

static const char *
agent_token (Fixture *f)
{
  return hd_sf_auth_peek_access_token (f->auth);
}

static void
do_handshake (Fixture *f)
{
  Answer answer = { 0 };
  JsonObject *reply = post (f, agent_token (f),
                            "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],"
                            "\"ext\":{\"replay\":true},\"id\":\"1\"}]", &answer);

  g_assert_nonnull (reply);
  g_assert_true (json_object_get_boolean_member (reply, "successful"));
  g_free (f->client_id);
  f->client_id = g_strdup (json_object_get_string_member (reply, "clientId"));
  answer_clear (&answer);
}

static JsonObject *
do_subscribe (Fixture    *f,
              const char *channel,
              gint64      replay_id,
              Answer     *answer)
{
  g_autofree char *json = g_strdup_printf ("[{\"channel\":\"/meta/subscribe\",\"clientId\":\"%s\",\"subscription\":\"%s\","
                                           "\"ext\":{\"replay\":{\"%s\":%" G_GINT64_FORMAT "}},\"id\":\"2\"}]",
                                           f->client_id, channel, channel, replay_id);

  return post (f, agent_token (f), json, answer);
}

/* A new client subscribed to the offers channel from @replay_id. */
static void
subscribe_new_client (Fixture *f,
                      gint64   replay_id)
{
  Answer answer = { 0 };

  do_handshake (f);
  g_assert_true (json_object_get_boolean_member (do_subscribe (f, HD_SF_STANDIN_EVENT_CHANNEL, replay_id, &answer),
                                                 "successful"));
  answer_clear (&answer);
}

static void
connect_start (Fixture *f,
               Answer  *answer)
{
  g_autofree char *json = g_strdup_printf ("[{\"channel\":\"/meta/connect\",\"clientId\":\"%s\","
                                           "\"connectionType\":\"long-polling\",\"id\":\"3\"}]", f->client_id);

  post_start (f, agent_token (f), json, answer);
}

/* The replayIds of the events in a connect's answer, and its reply. */
static GArray *
events_of (Answer      *answer,
           JsonObject **reply)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *messages;

  g_assert_nonnull (answer->root);
  messages = json_node_get_array (answer->root);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      if (g_str_has_prefix (json_object_get_string_member (message, "channel"), "/meta/"))
        *reply = message;
      else
        {
          JsonObject *event = json_object_get_object_member (json_object_get_object_member (message, "data"), "event");
          gint64 id = json_object_get_int_member (event, "replayId");

          g_array_append_val (ids, id);
        }
    }
  return ids;
}

static void
test_handshake (Fixture       *f,
                gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply, *ext, *advice;
  JsonArray *types;

  /* No bearer: Spring '18 and later refuse the handshake itself. */
  reply = post (f, NULL, "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1\"}]", &answer);
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "403::Handshake denied");
  ext = json_object_get_object_member (reply, "ext");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ext, "sfdc"), "failureReason"), ==,
                   "401::Authentication invalid");
  answer_clear (&answer);

  reply = post (f, agent_token (f),
                "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],"
                "\"ext\":{\"replay\":true},\"id\":\"1\"}]", &answer);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_true (json_object_get_boolean_member (reply, "successful"));
  g_assert_cmpstr (json_object_get_string_member (reply, "id"), ==, "1");
  g_assert_nonnull (json_object_get_string_member (reply, "clientId"));
  types = json_object_get_array_member (reply, "supportedConnectionTypes");
  g_assert_cmpuint (json_array_get_length (types), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (types, 0), ==, "long-polling");
  ext = json_object_get_object_member (reply, "ext");
  g_assert_true (json_object_get_boolean_member (ext, "replay"));
  advice = json_object_get_object_member (reply, "advice");
  g_assert_cmpint (json_object_get_int_member (advice, "timeout"), ==, 110000);
  g_assert_nonnull (answer.set_cookie);
  g_assert_true (g_str_has_prefix (answer.set_cookie, "sfdc-stream="));
  answer_clear (&answer);

  /* Long-polling only. */
  reply = post (f, agent_token (f), "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"websocket\"],\"id\":\"1\"}]", &answer);
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  answer_clear (&answer);
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  Answer answer = { 0 };
  g_autoptr(GString) big = g_string_new ("[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"x\":\"");

  /* One message per request. */
  post (f, agent_token (f), "[{\"channel\":\"/meta/handshake\"},{\"channel\":\"/meta/connect\"}]", &answer);
  g_assert_cmpuint (answer.status, ==, 400);
  answer_clear (&answer);

  while (big->len <= 32768)
    g_string_append (big, "xxxxxxxxxxxxxxxx");
  g_string_append (big, "\"}]");
  post (f, agent_token (f), big->str, &answer);
  g_assert_cmpuint (answer.status, ==, 413);
  answer_clear (&answer);

  /* Not JSON, and deeper than any bound: refused, not crashed. */
  post (f, agent_token (f), "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", &answer);
  g_assert_cmpuint (answer.status, ==, 400);
  answer_clear (&answer);
}

static void
test_cookie_and_unknown_client (Fixture       *f,
                                gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply;
  g_autoptr(SoupSession) cookieless = soup_session_new ();
  SoupSession *kept;

  subscribe_new_client (f, -1);

  /* Without the cookie the request lands on a server that does not know
   * the client. */
  kept = f->session;
  f->session = cookieless;
  reply = do_subscribe (f, HD_SF_STANDIN_EVENT_CHANNEL, -1, &answer);
  f->session = kept;
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "403::Unknown client");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "advice"), "reconnect"), ==, "handshake");
  answer_clear (&answer);

  hd_sf_standin_forget_stream_clients (f->standin);
  reply = do_subscribe (f, HD_SF_STANDIN_EVENT_CHANNEL, -1, &answer);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "403::Unknown client");
  answer_clear (&answer);
}

static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *expected = NULL;
  gint64 first, second, third;

  first = sf_test_publish (f->standin, "offer");
  second = sf_test_publish (f->standin, "revoke");
  third = sf_test_publish (f->standin, "expire");
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (third, >, second);

  /* -2: everything retained. */
  subscribe_new_client (f, -2);
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  ids = events_of (&answer, &reply);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, first);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, third);
  g_assert_true (json_object_get_boolean_member (reply, "successful"));
  answer_clear (&answer);

  /* A replayId: the events after it. */
  subscribe_new_client (f, first);
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  after = events_of (&answer, &reply);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, second);
  answer_clear (&answer);

  /* One the bus no longer retains. */
  do_handshake (f);
  reply = do_subscribe (f, HD_SF_STANDIN_EVENT_CHANNEL, 17, &answer);
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  expected = g_strdup ("400::The replayId {17} you provided was invalid.  Please provide a valid ID, -2 to replay all "
                       "events, or -1 to replay only new events.");
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, expected);
  answer_clear (&answer);

  /* Retention passes: even the newest replayId is refused. */
  hd_sf_standin_set_retention_ms (f->standin, 0);
  reply = do_subscribe (f, HD_SF_STANDIN_EVENT_CHANNEL, third, &answer);
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  answer_clear (&answer);
}

static void
test_long_poll (Fixture       *f,
                gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) none = NULL;
  gint64 id;

  hd_sf_standin_set_streaming_timeouts (f->standin, 300, 40000);
  subscribe_new_client (f, -1);

  /* Held until an event comes. */
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (hd_sf_standin_get_n_stream_clients (f->standin) == 1, HD_TEST_TIMEOUT_MS);
  id = sf_test_publish (f->standin, "offer");
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  ids = events_of (&answer, &reply);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  answer_clear (&answer);

  /* With nothing to say, it answers after the connect timeout, empty. */
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  none = events_of (&answer, &reply);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (json_object_get_boolean_member (reply, "successful"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "advice"), "reconnect"), ==, "retry");
  answer_clear (&answer);
}

static void
test_expiry (Fixture       *f,
             gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply;
  gint64 deadline;

  subscribe_new_client (f, -1);
  hd_sf_standin_set_streaming_timeouts (f->standin, 110000, 50);

  /* The client does not come back within the expiry: it is gone. */
  deadline = g_get_monotonic_time () + 60 * 1000;
  HD_TEST_WAIT_UNTIL (g_get_monotonic_time () > deadline, HD_TEST_TIMEOUT_MS);
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  reply = json_array_get_object_element (json_node_get_array (answer.root), 0);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "403::Unknown client");
  answer_clear (&answer);
}

static void
test_expired_token (Fixture       *f,
                    gconstpointer  data)
{
  Answer answer = { 0 };
  JsonObject *reply;

  do_handshake (f);
  hd_sf_standin_expire_access_tokens (f->standin);
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  reply = json_array_get_object_element (json_node_get_array (answer.root), 0);
  g_assert_false (json_object_get_boolean_member (reply, "successful"));
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "401::Authentication invalid");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply, "advice"), "reconnect"), ==, "none");
  answer_clear (&answer);
}

typedef struct
{
  gboolean   done;
  guint      status;
  JsonNode  *root;
} Rest;

static void
rest_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Rest *rest = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  rest->status = soup_message_get_status (msg);
  if (body != NULL && g_bytes_get_size (body) > 0)
    rest->root = hd_bounded_json_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), 64, NULL, NULL);
  rest->done = TRUE;
}

static void
rest_call (Fixture    *f,
           const char *method,
           const char *path,
           const char *token,
           const char *json,
           Rest       *rest)
{
  g_autofree char *uri = g_strconcat (hd_sf_standin_get_url (f->standin), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, rest_cb, rest);
  HD_TEST_WAIT_UNTIL (rest->done, HD_TEST_TIMEOUT_MS);
}

static void
test_handoff_sharing (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *colleague = hd_sf_standin_issue_access_token (f->standin, "005Hs000000CLGEAAA");
  g_autofree char *id = hd_sf_standin_offer_handoff (f->standin, hd_sf_standin_get_user_id (f->standin), "h-share-1",
                                                     "{\"handoff_id\":\"h-share-1\"}", NULL);
  g_autofree char *path = g_strdup_printf ("/services/data/v64.0/sobjects/Handoff__c/%s?fields=Handoff_Id__c,Packet__c,Status__c", id);
  Rest rest = { 0 };
  JsonObject *record;

  rest_call (f, "GET", path, agent_token (f), NULL, &rest);
  g_assert_cmpuint (rest.status, ==, 200);
  record = json_node_get_object (rest.root);
  g_assert_cmpstr (json_object_get_string_member (record, "Handoff_Id__c"), ==, "h-share-1");
  g_assert_cmpstr (json_object_get_string_member (record, "Status__c"), ==, "Offered");
  g_assert_cmpstr (json_object_get_string_member (record, "Packet__c"), ==, "{\"handoff_id\":\"h-share-1\"}");
  g_assert_false (json_object_has_member (record, "OwnerId"));
  g_clear_pointer (&rest.root, json_node_unref);

  /* Private sharing: to a colleague the record does not exist. */
  rest = (Rest) { 0 };
  rest_call (f, "GET", path, colleague, NULL, &rest);
  g_assert_cmpuint (rest.status, ==, 404);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (rest.root), 0), "errorCode"),
                   ==, "NOT_FOUND");
  g_clear_pointer (&rest.root, json_node_unref);
}

static void
test_request_answered (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *colleague = hd_sf_standin_issue_access_token (f->standin, "005Hs000000CLGEAAA");
  g_autofree char *id = hd_sf_standin_offer_handoff (f->standin, hd_sf_standin_get_user_id (f->standin), "h-req-1",
                                                     "{}", NULL);
  Answer answer = { 0 };
  JsonObject *reply = NULL;
  Rest rest = { 0 };
  g_autoptr(GArray) ids = NULL;
  JsonArray *messages;
  JsonObject *payload = NULL;

  subscribe_new_client (f, -1);

  /* A colleague cannot accept someone else's offer: the flow answers them. */
  rest_call (f, "POST", "/services/data/v64.0/sobjects/HandoffDesk_Request__e/", colleague,
             "{\"Kind__c\":\"accept\",\"Handoff_Id__c\":\"h-req-1\",\"Request_Id__c\":\"r-0\",\"Body__c\":\"{}\"}", &rest);
  g_assert_cmpuint (rest.status, ==, 201);
  g_clear_pointer (&rest.root, json_node_unref);
  rest = (Rest) { 0 };

  rest_call (f, "POST", "/services/data/v64.0/sobjects/HandoffDesk_Request__e/", agent_token (f),
             "{\"Kind__c\":\"accept\",\"Handoff_Id__c\":\"h-req-1\",\"Request_Id__c\":\"r-1\",\"Body__c\":\"{}\"}", &rest);
  g_assert_cmpuint (rest.status, ==, 201);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (rest.root), "success"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_node_get_object (rest.root), "id"), "e00"));
  g_clear_pointer (&rest.root, json_node_unref);

  /* The answers come as events, after commit. */
  HD_TEST_WAIT_UNTIL (g_strcmp0 (hd_sf_standin_get_handoff_status (f->standin, "h-req-1"), "Accepted") == 0,
                      HD_TEST_TIMEOUT_MS);
  connect_start (f, &answer);
  HD_TEST_WAIT_UNTIL (answer.done, HD_TEST_TIMEOUT_MS);
  ids = events_of (&answer, &reply);
  g_assert_cmpuint (ids->len, ==, 2);
  messages = json_node_get_array (answer.root);
  for (guint i = 0; i < 2; i++)
    {
      payload = json_object_get_object_member (json_object_get_object_member (json_array_get_object_element (messages, i), "data"), "payload");
      g_assert_cmpstr (json_object_get_string_member (payload, "Kind__c"), ==, "answer");
      if (g_strcmp0 (json_object_get_string_member (payload, "Request_Id__c"), "r-0") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (payload, "Result__c"), ==, "not_found");
          g_assert_cmpstr (json_object_get_string_member (payload, "Agent_User_Id__c"), ==, "005Hs000000CLGEAAA");
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (payload, "Request_Id__c"), ==, "r-1");
          g_assert_cmpstr (json_object_get_string_member (payload, "Result__c"), ==, "ok");
          g_assert_cmpstr (json_object_get_string_member (payload, "Agent_User_Id__c"), ==, hd_sf_standin_get_user_id (f->standin));
        }
    }
  answer_clear (&answer);

  /* A bad kind is refused by the insert itself. */
  rest = (Rest) { 0 };
  rest_call (f, "POST", "/services/data/v64.0/sobjects/HandoffDesk_Request__e/", agent_token (f),
             "{\"Kind__c\":\"steal\",\"Handoff_Id__c\":\"h-req-1\",\"Request_Id__c\":\"r-2\"}", &rest);
  g_assert_cmpuint (rest.status, ==, 400);
  g_clear_pointer (&rest.root, json_node_unref);
  g_assert_nonnull (id);
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hd/sf-standin-streaming/handshake", test_handshake);
  ADD ("/hd/sf-standin-streaming/limits", test_limits);
  ADD ("/hd/sf-standin-streaming/cookie-and-unknown-client", test_cookie_and_unknown_client);
  ADD ("/hd/sf-standin-streaming/replay", test_replay);
  ADD ("/hd/sf-standin-streaming/long-poll", test_long_poll);
  ADD ("/hd/sf-standin-streaming/expiry", test_expiry);
  ADD ("/hd/sf-standin-streaming/expired-token", test_expired_token);
  ADD ("/hd/sf-standin-streaming/handoff-sharing", test_handoff_sharing);
  ADD ("/hd/sf-standin-streaming/request-answered", test_request_answered);
#undef ADD

  return sf_test_run ();
}
