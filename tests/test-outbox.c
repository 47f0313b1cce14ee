/* test-outbox.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "hd-sf-case.h"
#include "test-sf-common.h"

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  HdSfClient   *client;
  HdOutbox     *outbox;
  char         *dir;
  GPtrArray    *sent;       /* of HdOutboxEntry */
  GPtrArray    *conflicts;  /* of HdOutboxEntry */
  GPtrArray    *rejected;   /* of HdOutboxEntry */
  char         *linked_key;
  char         *linked_id;
} Fixture;

static void
on_sent_cb (HdOutbox      *outbox,
            HdOutboxEntry *entry,
            gpointer       user_data)
{
  g_ptr_array_add (user_data, g_object_ref (entry));
}

static void
on_case_linked_cb (HdOutbox   *outbox,
                   const char *key,
                   const char *id,
                   gpointer    user_data)
{
  Fixture *f = user_data;

  g_free (f->linked_key);
  g_free (f->linked_id);
  f->linked_key = g_strdup (key);
  f->linked_id = g_strdup (id);
}

static void
open_outbox (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->outbox = hd_outbox_new (f->dir, f->client, &error);
  g_assert_no_error (error);
  hd_outbox_set_backoff_base_ms (f->outbox, 20);
  g_signal_connect (f->outbox, "sent", G_CALLBACK (on_sent_cb), f->sent);
  g_signal_connect (f->outbox, "conflict", G_CALLBACK (on_sent_cb), f->conflicts);
  g_signal_connect (f->outbox, "rejected", G_CALLBACK (on_sent_cb), f->rejected);
  g_signal_connect (f->outbox, "case-linked", G_CALLBACK (on_case_linked_cb), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
  f->dir = sf_test_new_dir ("outbox");
  f->sent = g_ptr_array_new_with_free_func (g_object_unref);
  f->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  f->rejected = g_ptr_array_new_with_free_func (g_object_unref);
  open_outbox (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->outbox);
  g_clear_object (&f->client);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
  g_clear_pointer (&f->sent, g_ptr_array_unref);
  g_clear_pointer (&f->conflicts, g_ptr_array_unref);
  g_clear_pointer (&f->rejected, g_ptr_array_unref);
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->linked_key);
  g_free (f->linked_id);
}

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
dup_case (Fixture    *f,
          const char *id)
{
  JsonObject *record = hd_sf_standin_dup_record (f->standin, "Case", id);

  g_assert_nonnull (record);
  return record;
}

static char *
finish_submit (Fixture     *f,
               SfTestAsync *async)
{
  g_autoptr(GError) error = NULL;
  char *id = hd_outbox_submit_finish (f->outbox, sf_test_async_wait (async), &error);

  g_assert_no_error (error);
  sf_test_async_clear (async);
  return id;
}

/* Queues field changes on @case_id as the agent saw it now. */
static char *
submit_update (Fixture    *f,
               const char *case_id,
               const char *changes_json)
{
  g_autoptr(JsonObject) record = dup_case (f, case_id);
  g_autoptr(JsonObject) changes = object_from (changes_json);
  g_autoptr(JsonObject) base = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (changes);
  SfTestAsync async = { 0 };

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (base, l->data, json_node_copy (json_object_get_member (record, l->data)));
  hd_outbox_update_async (f->outbox, "Case", case_id, NULL, changes, base,
                          json_object_get_string_member (record, "LastModifiedDate"), NULL,
                          sf_test_async_cb, &async);
  return finish_submit (f, &async);
}

static char *
submit_comment (Fixture    *f,
                const char *case_id,
                const char *link_key,
                const char *body)
{
  SfTestAsync async = { 0 };

  hd_outbox_add_comment_async (f->outbox, case_id, link_key, body, NULL, sf_test_async_cb, &async);
  return finish_submit (f, &async);
}

static gboolean
outbox_drained (gpointer data)
{
  Fixture *f = data;

  return hd_outbox_get_pending_count (f->outbox) == hd_outbox_get_attention_count (f->outbox) &&
         (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_IDLE ||
          hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_NEEDS_ATTENTION);
}

static void
wait_drained (Fixture *f)
{
  g_assert_true (hd_test_wait_until (outbox_drained, f, 20000));
}

static const char *
case_string (Fixture    *f,
             const char *id,
             const char *field)
{
  static char buffer[256];
  g_autoptr(JsonObject) record = dup_case (f, id);

  g_strlcpy (buffer, json_object_get_string_member_with_default (record, field, ""), sizeof buffer);
  return buffer;
}

static void
test_new (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdTokenStore) store = hd_memory_token_store_new ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(HdSfClient) client = hd_sf_client_new (auth, "v64.0");
  g_autofree char *dir = sf_test_new_dir ("outbox-new");
  g_autoptr(GError) error = NULL;
  HdOutbox *outbox = hd_outbox_new (dir, client, &error);
  g_autoptr(HdOutbox) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (hd_outbox_get_pending_count (outbox), ==, 0);
  g_assert_cmpint (hd_outbox_get_state (outbox), ==, HD_OUTBOX_STATE_IDLE);

  /* One process per outbox. */
  second = hd_outbox_new (dir, client, &error);
  g_assert_null (second);
  g_assert_error (error, HD_ERROR, HD_ERROR_IO);

  g_assert_finalize_object (outbox);
  hd_test_rm_rf (dir);
}

static void
test_durable_before_send (Fixture       *f,
                          gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "overseas-card-decline");
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *path = g_build_filename (f->dir, "entry-0000000001.json", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  hd_outbox_set_paused (f->outbox, TRUE);
  id = submit_update (f, case_id, "{\"Status\":\"Working\"}");

  /* On disk, private, before anything was sent. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, id));
  g_assert_nonnull (strstr (contents, "\"queued\""));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (hd_sf_standin_get_n_api_calls (f->standin), ==, 0);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);
  entries = hd_outbox_dup_entries (f->outbox);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (hd_outbox_entry_get_state (g_ptr_array_index (entries, 0)), ==, HD_OUTBOX_ENTRY_QUEUED);

  hd_outbox_set_paused (f->outbox, FALSE);
  wait_drained (f);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Working");
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "overseas-card-decline");
  g_autofree char *owner = g_strdup (case_string (f, case_id, "OwnerId"));
  g_autofree char *id = NULL;

  id = submit_update (f, case_id, "{\"Status\":\"Escalated\",\"Priority\":\"Critical\",\"Next_Step__c\":\"Call back\"}");
  wait_drained (f);

  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpstr (hd_outbox_entry_get_id (g_ptr_array_index (f->sent, 0)), ==, id);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Escalated");
  g_assert_cmpstr (case_string (f, case_id, "Priority"), ==, "Critical");
  g_assert_cmpstr (case_string (f, case_id, "Next_Step__c"), ==, "Call back");
  /* Sforce-Auto-Assign: FALSE kept the owner (the stand-in reassigns otherwise). */
  g_assert_cmpstr (hd_sf_standin_get_last_auto_assign (f->standin), ==, "FALSE");
  g_assert_cmpstr (case_string (f, case_id, "OwnerId"), ==, owner);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  g_assert_cmpint (hd_outbox_get_state (f->outbox), ==, HD_OUTBOX_STATE_IDLE);
}

static void
test_two_edits_same_case (Fixture       *f,
                          gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autoptr(JsonObject) record = dup_case (f, case_id);
  g_autoptr(JsonObject) first = object_from ("{\"Status\":\"Working\"}");
  g_autoptr(JsonObject) second = object_from ("{\"Status\":\"Escalated\"}");
  g_autoptr(JsonObject) base1 = object_from ("{\"Status\":\"Working\"}");
  const char *modified = json_object_get_string_member (record, "LastModifiedDate");
  SfTestAsync async = { 0 };
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;

  /* The agent saves twice from the same loaded version (the second on top
   * of the first): no conflict with itself. */
  json_object_set_string_member (base1, "Status", json_object_get_string_member (record, "Status"));
  hd_outbox_set_paused (f->outbox, TRUE);
  hd_outbox_update_async (f->outbox, "Case", case_id, NULL, first, base1, modified, NULL, sf_test_async_cb, &async);
  id1 = finish_submit (f, &async);
  hd_outbox_update_async (f->outbox, "Case", case_id, NULL, second, first, modified, NULL, sf_test_async_cb, &async);
  id2 = finish_submit (f, &async);
  hd_outbox_set_paused (f->outbox, FALSE);
  wait_drained (f);

  g_assert_cmpuint (f->conflicts->len, ==, 0);
  g_assert_cmpuint (f->sent->len, ==, 2);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Escalated");
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 2);
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  gboolean keep_mine = GPOINTER_TO_INT (data);
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "fraud-report");
  g_autoptr(JsonObject) colleague = object_from ("{\"Status\":\"Waiting on Customer\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HdOutboxEntry *entry;
  g_auto(GStrv) conflicting = NULL;
  const char *mine[] = { "Status", NULL };

  hd_outbox_set_paused (f->outbox, TRUE);
  id = submit_update (f, case_id, "{\"Status\":\"Working\",\"Priority\":\"High\"}");
  /* A colleague changes the status after the agent loaded the case. */
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, colleague));
  hd_outbox_set_paused (f->outbox, FALSE);
  wait_drained (f);

  g_assert_cmpuint (f->conflicts->len, ==, 1);
  entry = g_ptr_array_index (f->conflicts, 0);
  g_assert_cmpstr (hd_outbox_entry_get_id (entry), ==, id);
  g_assert_cmpint (hd_outbox_entry_get_state (entry), ==, HD_OUTBOX_ENTRY_CONFLICT);
  conflicting = hd_outbox_entry_dup_conflicting_fields (entry);
  g_assert_cmpstrv (conflicting, ((const char *[]) { "Status", NULL }));
  g_assert_false (hd_outbox_entry_is_conflicting (entry, "Priority"));
  g_assert_cmpstr (json_node_get_string (hd_outbox_entry_get_server_value (entry, "Status")), ==, "Waiting on Customer");
  g_assert_cmpstr (json_node_get_string (hd_outbox_entry_get_value (entry, "Status")), ==, "Working");
  g_assert_cmpint (hd_outbox_get_state (f->outbox), ==, HD_OUTBOX_STATE_NEEDS_ATTENTION);
  g_assert_cmpuint (hd_outbox_get_attention_count (f->outbox), ==, 1);
  /* Nothing was written over the colleague's edit. */
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Waiting on Customer");
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 0);

  g_assert_true (hd_outbox_resolve_conflict (f->outbox, id, keep_mine ? mine : NULL, &error));
  g_assert_no_error (error);
  wait_drained (f);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, keep_mine ? "Working" : "Waiting on Customer");
  g_assert_cmpstr (case_string (f, case_id, "Priority"), ==, "High");
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
}

static void
test_unrelated_change (Fixture       *f,
                       gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "kyc-documents");
  g_autoptr(JsonObject) colleague = object_from ("{\"Subject\":\"Re-KYC: PAN requested\"}");
  g_autofree char *id = NULL;

  hd_outbox_set_paused (f->outbox, TRUE);
  id = submit_update (f, case_id, "{\"Priority\":\"High\"}");
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, colleague));
  hd_outbox_set_paused (f->outbox, FALSE);
  wait_drained (f);

  /* A 412, but nobody touched the agent's field: sent on top, no conflict. */
  g_assert_cmpuint (f->conflicts->len, ==, 0);
  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpstr (case_string (f, case_id, "Priority"), ==, "High");
  g_assert_cmpstr (case_string (f, case_id, "Subject"), ==, "Re-KYC: PAN requested");
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "emi-query");
  g_autoptr(JsonObject) fix = object_from ("{\"Status\":\"Working\"}");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HdOutboxEntry *entry;

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*refused*");
  id = submit_update (f, case_id, "{\"Status\":\"Sorted\",\"Priority\":\"Low\"}");
  wait_drained (f);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (f->rejected->len, ==, 1);
  entry = g_ptr_array_index (f->rejected, 0);
  g_assert_cmpint (hd_outbox_entry_get_state (entry), ==, HD_OUTBOX_ENTRY_REJECTED);
  g_assert_nonnull (strstr (hd_outbox_entry_get_field_error (entry, "Status"), "restricted picklist"));
  g_assert_null (hd_outbox_entry_get_field_error (entry, "Priority"));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);
  g_assert_cmpuint (hd_outbox_get_attention_count (f->outbox), ==, 1);

  /* Never dropped on its own; the agent fixes the field and it goes. */
  g_assert_true (hd_outbox_amend (f->outbox, id, fix, NULL, &error));
  g_assert_no_error (error);
  wait_drained (f);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Working");
  g_assert_cmpstr (case_string (f, case_id, "Priority"), ==, "Low");
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "emi-query");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*refused*");
  id = submit_update (f, case_id, "{\"Status\":\"Sorted\"}");
  wait_drained (f);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (hd_outbox_get_attention_count (f->outbox), ==, 1);

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*discarded*");
  g_assert_true (hd_outbox_discard (f->outbox, id, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  g_assert_false (hd_outbox_discard (f->outbox, id, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
}

static void
test_offline_then_flush_in_order (Fixture       *f,
                                  gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "salary-credit-missing");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_auto(GStrv) comments = NULL;
  g_auto(GStrv) log = NULL;

  /* The network is gone: every data request's connection drops. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_DROP, G_MAXUINT);
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*retrying*");
  a = submit_comment (f, case_id, NULL, "Asked the customer for the UTR.");
  b = submit_update (f, case_id, "{\"Status\":\"Working\"}");
  c = submit_comment (f, case_id, NULL, "Payments desk is tracing the UTR.");
  HD_TEST_WAIT_UNTIL (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_OFFLINE, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 3);

  /* Offline means a send has failed and a retry is scheduled; then the network comes back. */
  g_test_assert_expected_messages ();
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_NONE, 0);
  hd_outbox_retry_now (f->outbox);
  wait_drained (f);

  g_assert_cmpuint (f->sent->len, ==, 3);
  g_assert_cmpstr (hd_outbox_entry_get_id (g_ptr_array_index (f->sent, 0)), ==, a);
  g_assert_cmpstr (hd_outbox_entry_get_id (g_ptr_array_index (f->sent, 1)), ==, b);
  g_assert_cmpstr (hd_outbox_entry_get_id (g_ptr_array_index (f->sent, 2)), ==, c);
  /* In order on the server, each once. */
  log = hd_sf_standin_dup_write_log (f->standin);
  g_assert_cmpuint (g_strv_length (log), ==, 3);
  g_assert_true (g_str_has_prefix (log[0], "POST CaseComment"));
  g_assert_true (g_str_has_prefix (log[1], "PATCH Case/"));
  g_assert_true (g_str_has_prefix (log[2], "POST CaseComment"));
  comments = hd_sf_standin_find_records (f->standin, "CaseComment", "ParentId", case_id);
  g_assert_cmpuint (g_strv_length (comments), ==, 2);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Working");
}

static void
test_server_errors_back_off (Fixture       *f,
                             gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "merchant-dispute");
  g_autofree char *id = NULL;

  /* Two 500s, then the API limit once: retried, not dropped, sent once. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_ERROR_500, 2);
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*retrying*");
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*retrying*");
  id = submit_update (f, case_id, "{\"Priority\":\"High\"}");
  wait_drained (f);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
}

static gboolean
is_backing_off (gpointer data)
{
  return hd_outbox_get_state (((Fixture *) data)->outbox) == HD_OUTBOX_STATE_BACKING_OFF;
}

static void
test_request_limit (Fixture       *f,
                    gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "merchant-dispute");
  g_autofree char *id = NULL;

  SfTestAsync async = { 0 };
  g_autoptr(JsonObject) record = NULL;

  /* One call left today, and the pane spends it reading the case. */
  hd_sf_standin_set_request_limit (f->standin, 1);
  hd_sf_client_get_record_async (f->client, "Case", case_id, NULL, sf_test_async_cb, &async);
  record = hd_sf_client_get_record_finish (f->client, sf_test_async_wait (&async), NULL);
  g_assert_nonnull (record);
  sf_test_async_clear (&async);

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*limit*retrying*");
  id = submit_update (f, case_id, "{\"Priority\":\"Low\"}");
  g_assert_true (hd_test_wait_until (is_backing_off, f, 10000));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);

  /* The limit resets; the edit goes. */
  hd_sf_standin_set_request_limit (f->standin, 0);
  hd_outbox_retry_now (f->outbox);
  wait_drained (f);
  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpstr (case_string (f, case_id, "Priority"), ==, "Low");
}

static void
test_expired_token_mid_flush (Fixture       *f,
                              gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "upi-debited-not-credited");
  g_autofree char *id = NULL;

  hd_sf_standin_expire_access_tokens (f->standin);
  id = submit_update (f, case_id, "{\"Status\":\"Working\"}");
  wait_drained (f);
  g_assert_cmpuint (hd_sf_standin_get_n_refreshes (f->standin), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 1);
}

static void
test_signed_out_keeps_edits (Fixture       *f,
                             gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "upi-debited-not-credited");
  g_autofree char *id = NULL;

  hd_sf_standin_revoke_all (f->standin);
  g_test_expect_message ("hd-sf-auth", G_LOG_LEVEL_MESSAGE, "*refused the refresh token*");
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*waiting for sign-in*");
  id = submit_update (f, case_id, "{\"Status\":\"Working\"}");
  HD_TEST_WAIT_UNTIL (hd_outbox_get_state (f->outbox) == HD_OUTBOX_STATE_SIGNED_OUT, HD_TEST_TIMEOUT_MS);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);

  /* Signing in again sends it. */
  sf_test_sign_in (f->auth);
  wait_drained (f);
  g_assert_cmpuint (f->sent->len, ==, 1);
  g_assert_cmpstr (case_string (f, case_id, "Status"), ==, "Working");
}

static void
test_create_or_enrich (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonObject) fields = hd_sf_case_build_fields ("card_service_request", "international_usage",
                                                          "escalated_regulated_action",
                                                          "Premier customer in Dubai; card declined 3 times.",
                                                          "Card declined abroad",
                                                          hd_sf_standin_get_demo_account_id (f->standin, "overseas-card-decline"),
                                                          NULL);
  SfTestAsync async = { 0 };
  g_autofree char *create_id = NULL;
  g_autofree char *again_id = NULL;
  g_autofree char *comment_id = NULL;
  g_autofree char *after_id = NULL;
  g_auto(GStrv) created = NULL;
  g_auto(GStrv) comments = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) edit = object_from ("{\"Status\":\"Working\"}");

  hd_outbox_set_paused (f->outbox, TRUE);
  hd_outbox_create_case_async (f->outbox, "ho-2026-11-24-000187", fields, NULL, sf_test_async_cb, &async);
  create_id = finish_submit (f, &async);
  g_assert_nonnull (create_id);
  /* Asking again while queued queues nothing new. */
  hd_outbox_create_case_async (f->outbox, "ho-2026-11-24-000187", fields, NULL, sf_test_async_cb, &async);
  again_id = finish_submit (f, &async);
  g_assert_cmpstr (again_id, ==, create_id);
  /* Edits can target the case before it exists. */
  comment_id = submit_comment (f, NULL, "ho-2026-11-24-000187", "Travel dates confirmed: 24-30 Nov.");
  hd_outbox_update_async (f->outbox, "Case", NULL, "ho-2026-11-24-000187", edit, NULL, NULL, NULL,
                          sf_test_async_cb, &async);
  g_free (finish_submit (f, &async));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 3);

  hd_outbox_set_paused (f->outbox, FALSE);
  wait_drained (f);
  g_assert_cmpuint (f->sent->len, ==, 3);
  g_assert_cmpstr (f->linked_key, ==, "ho-2026-11-24-000187");
  g_assert_cmpstr (hd_outbox_lookup_link (f->outbox, "ho-2026-11-24-000187"), ==, f->linked_id);

  created = hd_sf_standin_find_records (f->standin, "Case", "Type", "card_service_request");
  g_assert_cmpuint (g_strv_length (created), ==, 2);   /* the seeded one and ours */
  record = dup_case (f, f->linked_id);
  g_assert_cmpstr (json_object_get_string_member (record, "Reason"), ==, "international_usage");
  g_assert_cmpstr (json_object_get_string_member (record, "Disposition__c"), ==, "escalated_regulated_action");
  g_assert_cmpstr (json_object_get_string_member (record, "Status"), ==, "Working");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (record, "Description"),
                                   "Premier customer in Dubai"));
  comments = hd_sf_standin_find_records (f->standin, "CaseComment", "ParentId", f->linked_id);
  g_assert_cmpuint (g_strv_length (comments), ==, 1);

  /* Linked for good: after a restart, asking again creates nothing. */
  g_clear_object (&f->outbox);
  open_outbox (f);
  g_assert_cmpstr (hd_outbox_lookup_link (f->outbox, "ho-2026-11-24-000187"), ==, f->linked_id);
  hd_outbox_create_case_async (f->outbox, "ho-2026-11-24-000187", fields, NULL, sf_test_async_cb, &async);
  after_id = finish_submit (f, &async);
  g_assert_null (after_id);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 1);
}

static void
test_comment_too_long (Fixture       *f,
                       gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "emi-hardship");
  g_autofree char *body = g_strnfill (3990, 'x');
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  SfTestAsync async = { 0 };

  hd_outbox_add_comment_async (f->outbox, case_id, NULL, body, NULL, sf_test_async_cb, &async);
  id = hd_outbox_submit_finish (f->outbox, sf_test_async_wait (&async), &error);
  g_assert_null (id);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  sf_test_async_clear (&async);
}

static void
test_no_tokens_in_outbox (Fixture       *f,
                          gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "emi-hardship");
  g_autofree char *access = g_strdup (hd_sf_auth_peek_access_token (f->auth));
  g_autofree char *id = NULL;
  guint n_files = 0;

  hd_outbox_set_paused (f->outbox, TRUE);
  id = submit_update (f, case_id, "{\"Status\":\"Working\"}");
  g_assert_false (sf_test_tree_contains (sf_test_root, access, &n_files));
  g_assert_cmpuint (n_files, >=, 2);   /* the entry and the lock at least */
}

static gboolean
is_signed_out_state (gpointer data)
{
  return hd_outbox_get_state (((Fixture *) data)->outbox) == HD_OUTBOX_STATE_SIGNED_OUT;
}

static void
test_other_users_edits_wait (Fixture       *f,
                             gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autofree char *path = g_build_filename (f->dir, "entry-0000000001.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;

  hd_outbox_set_paused (f->outbox, TRUE);
  id = submit_update (f, case_id, "{\"Status\":\"Working\"}");
  g_clear_object (&f->outbox);

  /* The edit was made by someone else signed in on this desk before. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, hd_sf_standin_get_user_id (f->standin), "005Hs000000OTHRAAA", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, &error));
  g_assert_no_error (error);

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*left from the last run*");
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*another Salesforce user*");
  open_outbox (f);
  g_assert_true (hd_test_wait_until (is_signed_out_state, f, 10000));
  g_test_assert_expected_messages ();
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH"), ==, 0);
}

/* An entry file as earlier versions wrote it, in conflict, with a member
 * this version does not know: it loads with every value, and rewriting it
 * keeps the format (null members, the unknown member). */
static void
test_loads_earlier_files (Fixture       *f,
                          gconstpointer  data)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, "card-block");
  g_autofree char *path = g_build_filename (f->dir, "entry-0000000007.json", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "entry-0000000008.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *keep[] = { "Status", NULL };
  HdOutboxEntry *entry;
  JsonObject *object;

  g_clear_object (&f->outbox);
  json = g_strdup_printf ("{\"version\":1,\"id\":\"3f0c9a52-1111-4a2b-9c3d-0123456789ab\",\"seq\":7,"
                          "\"kind\":\"update\",\"sobject\":\"Case\",\"record\":\"%s\",\"link\":null,"
                          "\"state\":\"conflict\",\"attempts\":2,\"created_at\":\"2026-01-05T10:00:00.000+0000\","
                          "\"org_id\":null,\"user_id\":null,"
                          "\"fields\":{\"Status\":\"Escalated\",\"Priority\":\"High\"},"
                          "\"base\":{\"Status\":\"New\",\"Priority\":\"Medium\"},"
                          "\"base_modified\":\"2026-01-05T09:00:00.000+0000\","
                          "\"sent_at\":\"2026-01-05T10:00:01.000+0000\",\"rebases\":1,"
                          "\"server_modified\":\"2026-01-05T09:30:00.000+0000\","
                          "\"conflicts\":[\"Status\"],"
                          "\"server\":{\"Status\":\"On Hold\",\"Priority\":\"Medium\"},"
                          "\"future_member\":42}", case_id);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  /* An entry of a kind this version cannot send is kept for a person. */
  g_assert_true (g_file_set_contents (damaged, "{\"id\":\"x\",\"seq\":8,\"kind\":\"merge\",\"fields\":{}}",
                                      -1, &error));
  g_assert_no_error (error);

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_WARNING, "*entry-0000000008.json is damaged*");
  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_MESSAGE, "*left from the last run*");
  open_outbox (f);
  g_test_assert_expected_messages ();
  hd_outbox_set_paused (f->outbox, TRUE);

  entries = hd_outbox_dup_entries (f->outbox);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (hd_outbox_entry_get_id (entry), ==, "3f0c9a52-1111-4a2b-9c3d-0123456789ab");
  g_assert_cmpuint (hd_outbox_entry_get_seq (entry), ==, 7);
  g_assert_cmpint (hd_outbox_entry_get_kind (entry), ==, HD_OUTBOX_KIND_UPDATE);
  g_assert_cmpint (hd_outbox_entry_get_state (entry), ==, HD_OUTBOX_ENTRY_CONFLICT);
  g_assert_cmpstr (hd_outbox_entry_get_record_id (entry), ==, case_id);
  g_assert_null (hd_outbox_entry_get_link_key (entry));
  g_assert_cmpuint (hd_outbox_entry_get_attempts (entry), ==, 2);
  g_assert_cmpstr (json_node_get_string (hd_outbox_entry_get_value (entry, "Status")), ==, "Escalated");
  g_assert_cmpstr (json_node_get_string (hd_outbox_entry_get_base_value (entry, "Status")), ==, "New");
  g_assert_cmpstr (json_node_get_string (hd_outbox_entry_get_server_value (entry, "Status")), ==, "On Hold");
  g_assert_true (hd_outbox_entry_is_conflicting (entry, "Status"));
  g_assert_false (hd_outbox_entry_is_conflicting (entry, "Priority"));
  g_assert_cmpuint (hd_outbox_get_attention_count (f->outbox), ==, 1);
  g_assert_false (g_file_test (damaged, G_FILE_TEST_EXISTS));

  /* Keep mine: the file is rewritten, queued on top of the server's
   * version, in the same format. */
  g_assert_true (hd_outbox_resolve_conflict (f->outbox, "3f0c9a52-1111-4a2b-9c3d-0123456789ab", keep, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  root = json_from_string (contents, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "seq"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "update");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "queued");
  g_assert_cmpstr (json_object_get_string_member (object, "record"), ==, case_id);
  g_assert_true (json_object_get_null_member (object, "link"));
  g_assert_true (json_object_get_null_member (object, "org_id"));
  g_assert_cmpstr (json_object_get_string_member (object, "created_at"), ==, "2026-01-05T10:00:00.000+0000");
  g_assert_cmpstr (json_object_get_string_member (object, "sent_at"), ==, "2026-01-05T10:00:01.000+0000");
  g_assert_cmpstr (json_object_get_string_member (object, "base_modified"), ==, "2026-01-05T09:30:00.000+0000");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "base"), "Status"), ==,
                   "On Hold");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "fields"), "Status"), ==,
                   "Escalated");
  g_assert_false (json_object_has_member (object, "conflicts"));
  g_assert_false (json_object_has_member (object, "server"));
  g_assert_cmpint (json_object_get_int_member (object, "future_member"), ==, 42);
}

/* Sets @contents as the outbox file @name, reopens the outbox, and checks
 * that the file was set aside under damaged/, whole, saying why. */
static void
assert_set_aside (Fixture    *f,
                  const char *name,
                  const char *contents,
                  gssize      length,
                  const char *why)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *moved = g_build_filename (f->dir, "damaged", name, NULL);
  g_autofree char *pattern = g_strdup_printf ("*%s is damaged (*%s*", name, why);
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gsize kept_length = 0;

  g_clear_object (&f->outbox);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);

  g_test_expect_message ("hd-outbox", G_LOG_LEVEL_WARNING, pattern);
  open_outbox (f);
  g_test_assert_expected_messages ();

  entries = hd_outbox_dup_entries (f->outbox);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (moved, &kept, &kept_length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept_length, ==, length < 0 ? strlen (contents) : (gsize) length);
}

/* The outbox's files are read with the bounded parser: one cut short,
 * replaced by something else, nested without end or grown past any entry's
 * size is set aside for a person with the reason, and the outbox opens all
 * the same. */
static void
test_damaged_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *huge = g_strnfill (4 * 1024 * 1024 + 1, ' ');
  g_autofree char *deep = g_strnfill (100000, '[');

  assert_set_aside (f, "entry-0000000003.json", "{\"version\":1,\"id\":\"3f0c", -1, "not valid JSON");
  assert_set_aside (f, "entry-0000000004.json", "[1, 2, 3]", -1, "not a JSON object");
  assert_set_aside (f, "entry-0000000005.json", deep, -1, "nested too deeply");
  assert_set_aside (f, "entry-0000000006.json", huge, -1, "more than the limit of 4194304 bytes");
  assert_set_aside (f, "links.json", "{\"links\":", -1, "not valid JSON");
  assert_set_aside (f, "links.json", "{\"links\":{\"k\":{\"id\":1}}}", -1, "not a case id");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sf_test_root = hd_test_init_xdg ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/hd/outbox/new", test_new);
  ADD ("/hd/outbox/durable-before-send", NULL, test_durable_before_send);
  ADD ("/hd/outbox/update", NULL, test_update);
  ADD ("/hd/outbox/two-edits-same-case", NULL, test_two_edits_same_case);
  ADD ("/hd/outbox/conflict-keep-mine", GINT_TO_POINTER (TRUE), test_conflict);
  ADD ("/hd/outbox/conflict-keep-theirs", GINT_TO_POINTER (FALSE), test_conflict);
  ADD ("/hd/outbox/unrelated-change", NULL, test_unrelated_change);
  ADD ("/hd/outbox/rejected", NULL, test_rejected);
  ADD ("/hd/outbox/discard", NULL, test_discard);
  ADD ("/hd/outbox/offline-then-flush-in-order", NULL, test_offline_then_flush_in_order);
  ADD ("/hd/outbox/server-errors-back-off", NULL, test_server_errors_back_off);
  ADD ("/hd/outbox/request-limit", NULL, test_request_limit);
  ADD ("/hd/outbox/expired-token-mid-flush", NULL, test_expired_token_mid_flush);
  ADD ("/hd/outbox/signed-out-keeps-edits", NULL, test_signed_out_keeps_edits);
  ADD ("/hd/outbox/create-or-enrich", NULL, test_create_or_enrich);
  ADD ("/hd/outbox/comment-too-long", NULL, test_comment_too_long);
  ADD ("/hd/outbox/no-tokens-in-outbox", NULL, test_no_tokens_in_outbox);
  ADD ("/hd/outbox/other-users-edits-wait", NULL, test_other_users_edits_wait);
  ADD ("/hd/outbox/loads-earlier-files", NULL, test_loads_earlier_files);
  ADD ("/hd/outbox/damaged-files", NULL, test_damaged_files);
#undef ADD

  ret = g_test_run ();
  hd_test_rm_rf (sf_test_root);
  return ret;
}
