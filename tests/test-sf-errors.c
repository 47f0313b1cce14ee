/* test-sf-errors.c: every row of the transient / permanent table of
 * docs/salesforce.md, against the Salesforce stand-in and a real outbox
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-errors.h"
#include "test-sf-common.h"

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  HdSfClient   *client;
  HdOutbox     *outbox;
  char         *dir;
  const char   *case_id;
  guint         states_seen;     /* bit per HdOutboxState */
  GPtrArray    *rejected;        /* of HdOutboxEntry */
  guint         n_sent;
  char         *signed_out_message;
} Fixture;

static void
on_state_cb (HdOutbox   *outbox,
             GParamSpec *pspec,
             Fixture    *f)
{
  f->states_seen |= 1u << hd_outbox_get_state (outbox);
}

static void
on_rejected_cb (HdOutbox      *outbox,
                HdOutboxEntry *entry,
                Fixture       *f)
{
  g_ptr_array_add (f->rejected, g_object_ref (entry));
}

static void
on_sent_cb (HdOutbox      *outbox,
            HdOutboxEntry *entry,
            Fixture       *f)
{
  f->n_sent++;
}

static void
on_signed_out_cb (HdSfAuth   *auth,
                  const char *message,
                  Fixture    *f)
{
  g_free (f->signed_out_message);
  f->signed_out_message = g_strdup (message);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
  f->dir = sf_test_new_dir ("errors-outbox");
  f->rejected = g_ptr_array_new_with_free_func (g_object_unref);
  f->case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  f->outbox = hd_outbox_new (f->dir, f->client, &error);
  g_assert_no_error (error);
  hd_outbox_set_backoff_base_ms (f->outbox, 20);
  g_signal_connect (f->outbox, "notify::state", G_CALLBACK (on_state_cb), f);
  g_signal_connect (f->outbox, "rejected", G_CALLBACK (on_rejected_cb), f);
  g_signal_connect (f->outbox, "sent", G_CALLBACK (on_sent_cb), f);
  g_signal_connect (f->auth, "signed-out", G_CALLBACK (on_signed_out_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->outbox);
  g_clear_object (&f->client);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
  g_clear_pointer (&f->rejected, g_ptr_array_unref);
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->signed_out_message);
}

/* Queues {@field: @value} on the card-block case as the agent saw it. */
static void
submit (Fixture    *f,
        const char *field,
        const char *value)
{
  g_autoptr(JsonObject) record = hd_sf_standin_dup_record (f->standin, "Case", f->case_id);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonObject) base = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SfTestAsync async = { 0 };

  json_object_set_string_member (changes, field, value);
  json_object_set_member (base, field, json_node_copy (json_object_get_member (record, field)));
  hd_outbox_update_async (f->outbox, "Case", f->case_id, NULL, changes, base,
                          json_object_get_string_member (record, "LastModifiedDate"), NULL,
                          sf_test_async_cb, &async);
  id = hd_outbox_submit_finish (f->outbox, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  sf_test_async_clear (&async);
}

static char *
server_value (Fixture    *f,
              const char *field)
{
  g_autoptr(JsonObject) record = hd_sf_standin_dup_record (f->standin, "Case", f->case_id);

  return g_strdup (json_object_get_string_member_with_default (record, field, NULL));
}

static gboolean
is_drained (gpointer data)
{
  Fixture *f = data;

  return hd_outbox_get_pending_count (f->outbox) == 0 && hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_IDLE;
}

/* --- transient: retried with backoff, applied once, never shown to the agent --- */

typedef struct
{
  const char       *path;
  HdSfStandinFault  fault;
  guint             status;   /* HD_SF_STANDIN_FAULT_PROXY_PAGE's */
} TransientRow;

static const TransientRow transient_rows[] = {
  { "/hd/sf-errors/transient/unable-to-lock-row", HD_SF_STANDIN_FAULT_LOCKED_ROW, 0 },
  { "/hd/sf-errors/transient/server-unavailable", HD_SF_STANDIN_FAULT_UNAVAILABLE, 0 },
  { "/hd/sf-errors/transient/500", HD_SF_STANDIN_FAULT_ERROR_500, 0 },
  { "/hd/sf-errors/transient/html-502", HD_SF_STANDIN_FAULT_PROXY_PAGE, 502 },
  { "/hd/sf-errors/transient/html-503", HD_SF_STANDIN_FAULT_PROXY_PAGE, 503 },
  { "/hd/sf-errors/transient/html-504", HD_SF_STANDIN_FAULT_PROXY_PAGE, 504 },
  /* A proxy's "access denied" page is not Salesforce refusing the session. */
  { "/hd/sf-errors/transient/html-403", HD_SF_STANDIN_FAULT_PROXY_PAGE, 403 },
};

static void
test_transient (Fixture       *f,
                gconstpointer  data)
{
  const TransientRow *row = data;
  g_autofree char *status = NULL;

  hd_sf_standin_set_fault_status (f->standin, row->status);
  /* Twice: the first retry is refused too, so the backoff grows. */
  hd_sf_standin_set_fault (f->standin, row->fault, 2);
  submit (f, "Status", "Waiting on Customer");
  g_assert_true (hd_test_wait_until (is_drained, f, HD_TEST_TIMEOUT_MS));

  g_assert_true (f->states_seen & (1u << HD_OUTBOX_STATE_BACKING_OFF));
  g_assert_false (f->states_seen & (1u << HD_OUTBOX_STATE_SIGNED_OUT));
  g_assert_false (f->states_seen & (1u << HD_OUTBOX_STATE_NEEDS_ATTENTION));
  g_assert_cmpuint (f->rejected->len, ==, 0);
  g_assert_cmpuint (f->n_sent, ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
  status = server_value (f, "Status");
  g_assert_cmpstr (status, ==, "Waiting on Customer");
  g_assert_true (hd_sf_auth_get_signed_in (f->auth));
}

/* REQUEST_LIMIT_EXCEEDED: transient, but it waits at least 60 × the base. */
static void
test_request_limit (Fixture       *f,
                    gconstpointer  data)
{
  gint64 start;
  g_autofree char *status = NULL;
  SfTestAsync async = { 0 };
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;

  /* One call spent, and the limit is reached from the next on. */
  hd_sf_client_get_record_async (f->client, "Case", f->case_id, NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (f->client, sf_test_async_wait (&async), &error);
  g_assert_no_error (error);
  sf_test_async_clear (&async);
  hd_sf_standin_set_request_limit (f->standin, hd_sf_standin_get_n_api_calls (f->standin));
  submit (f, "Status", "Waiting on Customer");
  start = g_get_monotonic_time ();
  HD_TEST_WAIT_UNTIL (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_BACKING_OFF, HD_TEST_TIMEOUT_MS);
  hd_sf_standin_set_request_limit (f->standin, 0);
  g_assert_true (hd_test_wait_until (is_drained, f, HD_TEST_TIMEOUT_MS));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 60 * 20 * 1000);
  g_assert_cmpuint (f->rejected->len, ==, 0);
  status = server_value (f, "Status");
  g_assert_cmpstr (status, ==, "Waiting on Customer");
}

/* --- permanent: the agent decides --- */

static HdOutboxEntry *
wait_rejected (Fixture *f)
{
  HD_TEST_WAIT_UNTIL (f->rejected->len == 1, HD_TEST_TIMEOUT_MS);
  HD_TEST_WAIT_UNTIL (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_NEEDS_ATTENTION, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);
  g_assert_cmpuint (hd_outbox_get_attention_count (f->outbox), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 0);
  g_assert_true (hd_sf_auth_get_signed_in (f->auth));
  return g_ptr_array_index (f->rejected, 0);
}

static void
test_validation_rule (Fixture       *f,
                      gconstpointer  data)
{
  HdOutboxEntry *entry;

  hd_sf_standin_add_validation_rule (f->standin, "Case", "Status", "Closed", "Disposition__c", TRUE,
                                     "Choose a disposition before you close the case.");
  {
    g_autoptr(JsonObject) empty = json_object_new ();

    json_object_set_null_member (empty, "Disposition__c");
    g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", f->case_id, empty));
  }
  submit (f, "Status", "Closed");
  entry = wait_rejected (f);
  g_assert_cmpstr (hd_outbox_entry_get_field_error (entry, "Disposition__c"), ==,
                   "Choose a disposition before you close the case.");
}

static void
test_field_error (Fixture       *f,
                  gconstpointer  data)
{
  HdOutboxEntry *entry;

  submit (f, "Status", "On Hold");
  entry = wait_rejected (f);
  g_assert_nonnull (strstr (hd_outbox_entry_get_field_error (entry, "Status"), "restricted picklist"));
}

/* --- OAuth: a refresh refused for good signs the agent out; edits wait --- */

typedef struct
{
  const char *path;
  const char *error;
  const char *description;
  const char *expected;    /* in the signed-out message */
} OAuthRow;

static const OAuthRow oauth_rows[] = {
  { "/hd/sf-errors/oauth/invalid-grant", "invalid_grant", "expired access/refresh token", "Sign in again" },
  { "/hd/sf-errors/oauth/invalid-client", "invalid_client", "invalid client credentials",
    "“Require secret for Refresh Token Flow”" },
  { "/hd/sf-errors/oauth/unauthorized-client", "unauthorized_client", "client is blocked",
    "unblock the External Client App" },
  { "/hd/sf-errors/oauth/unsupported-grant-type", "unsupported_grant_type", "grant type not supported",
    "“refresh_token” scope" },
  { "/hd/sf-errors/oauth/inactive-user", "inactive_user", "user is inactive", "reactivate your Salesforce user" },
  { "/hd/sf-errors/oauth/inactive-org", "inactive_org", "organization is locked", "reactivate the Salesforce org" },
};

static void
test_oauth_refusal (Fixture       *f,
                    gconstpointer  data)
{
  const OAuthRow *row = data;
  g_autofree char *status = NULL;

  hd_sf_standin_set_refresh_refusal (f->standin, row->error, row->description);
  hd_sf_standin_expire_access_tokens (f->standin);
  g_test_expect_message ("hd-sf-auth", G_LOG_LEVEL_MESSAGE, "*refused the refresh token*");
  submit (f, "Status", "Waiting on Customer");
  HD_TEST_WAIT_UNTIL (f->signed_out_message != NULL, HD_TEST_TIMEOUT_MS);
  HD_TEST_WAIT_UNTIL (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_SIGNED_OUT, HD_TEST_TIMEOUT_MS);
  g_test_assert_expected_messages ();

  /* Signed out, told what to ask for, and why. */
  g_assert_false (hd_sf_auth_get_signed_in (f->auth));
  g_assert_nonnull (strstr (f->signed_out_message, row->expected));
  if (g_strcmp0 (row->error, "invalid_grant") != 0)
    {
      g_assert_nonnull (strstr (f->signed_out_message, "ask your administrator"));
      g_assert_nonnull (strstr (f->signed_out_message, row->error));
    }
  g_assert_nonnull (strstr (f->signed_out_message, "dits waiting to be sent are kept"));
  /* The edit waits, on disk, not retried in a loop and not rejected. */
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);
  g_assert_cmpuint (f->rejected->len, ==, 0);
  g_assert_false (f->states_seen & (1u << HD_OUTBOX_STATE_BACKING_OFF));

  /* The administrator fixed it; the agent signs in and the edit goes. */
  hd_sf_standin_set_refresh_refusal (f->standin, NULL, NULL);
  sf_test_sign_in (f->auth);
  g_assert_true (hd_test_wait_until (is_drained, f, HD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
  status = server_value (f, "Status");
  g_assert_cmpstr (status, ==, "Waiting on Customer");
}

/* Any other refusal of a refresh may pass: the session and its tokens are
 * kept and the outbox backs off until the refresh works again. */
static void
test_oauth_transient (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *status = NULL;

  hd_sf_standin_set_refresh_refusal (f->standin, "rate_limit_exceeded", "too many requests");
  hd_sf_standin_expire_access_tokens (f->standin);
  submit (f, "Status", "Waiting on Customer");
  HD_TEST_WAIT_UNTIL (f->states_seen & (1u << HD_OUTBOX_STATE_BACKING_OFF), HD_TEST_TIMEOUT_MS);
  g_assert_true (hd_sf_auth_get_signed_in (f->auth));
  g_assert_null (f->signed_out_message);
  g_assert_cmpuint (f->rejected->len, ==, 0);

  hd_sf_standin_set_refresh_refusal (f->standin, NULL, NULL);
  hd_outbox_retry_now (f->outbox);
  g_assert_true (hd_test_wait_until (is_drained, f, HD_TEST_TIMEOUT_MS));
  g_assert_false (f->states_seen & (1u << HD_OUTBOX_STATE_SIGNED_OUT));
  status = server_value (f, "Status");
  g_assert_cmpstr (status, ==, "Waiting on Customer");
}

/* The table itself, without a server. */
static void
test_classify (void)
{
  const char *lock[] = { "UNABLE_TO_LOCK_ROW", NULL };
  const char *limit[] = { "REQUEST_LIMIT_EXCEEDED", NULL };
  const char *rule[] = { "FIELD_CUSTOM_VALIDATION_EXCEPTION", NULL };
  const char *session[] = { "INVALID_SESSION_ID", NULL };

  g_assert_cmpint (hd_sf_classify_answer (400, lock, TRUE), ==, HD_SF_FAILURE_TRANSIENT);
  g_assert_cmpint (hd_sf_classify_answer (403, limit, TRUE), ==, HD_SF_FAILURE_LIMIT);
  g_assert_cmpint (hd_sf_classify_answer (400, rule, TRUE), ==, HD_SF_FAILURE_PERMANENT);
  g_assert_cmpint (hd_sf_classify_answer (401, session, TRUE), ==, HD_SF_FAILURE_SESSION);
  g_assert_cmpint (hd_sf_classify_answer (404, NULL, TRUE), ==, HD_SF_FAILURE_PERMANENT);
  g_assert_cmpint (hd_sf_classify_answer (404, NULL, FALSE), ==, HD_SF_FAILURE_TRANSIENT);
  g_assert_cmpint (hd_sf_classify_answer (504, NULL, FALSE), ==, HD_SF_FAILURE_TRANSIENT);
  g_assert_true (hd_sf_oauth_error_ends_session ("inactive_org"));
  g_assert_false (hd_sf_oauth_error_ends_session ("rate_limit_exceeded"));
  g_assert_false (hd_sf_oauth_error_ends_session (NULL));
  g_assert_null (hd_sf_oauth_error_advice ("invalid_grant"));
}

int
main (int   argc,
      char *argv[])
{
  sf_test_init (&argc, &argv);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hd/sf-errors/classify", test_classify);
  for (guint i = 0; i < G_N_ELEMENTS (transient_rows); i++)
    ADD (transient_rows[i].path, &transient_rows[i], test_transient);
  ADD ("/hd/sf-errors/transient/request-limit-exceeded", NULL, test_request_limit);
  ADD ("/hd/sf-errors/permanent/validation-rule", NULL, test_validation_rule);
  ADD ("/hd/sf-errors/permanent/field-error", NULL, test_field_error);
  for (guint i = 0; i < G_N_ELEMENTS (oauth_rows); i++)
    ADD (oauth_rows[i].path, &oauth_rows[i], test_oauth_refusal);
  ADD ("/hd/sf-errors/oauth/other-refusal-is-transient", NULL, test_oauth_transient);
#undef ADD

  return sf_test_run ();
}
