/* test-case-draft.c: the case edit session without a display, against the
 * Salesforce stand-in and a real outbox on disk
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-case-draft.h"
#include "hd-sf-describe-cache.h"
#include "hd-test-packet-util.h"
#include "test-sf-common.h"

typedef struct
{
  HdSfStandin  *standin;
  HdTokenStore *store;
  HdSfAuth     *auth;
  HdSfClient   *client;
  HdOutbox     *outbox;
  char         *dir;
  HdCaseDraft  *draft;
  HdHandoff    *handoff;
  guint         n_saved;
  guint         n_queued;
  guint         n_conflicts;
  guint         n_rejected;
} Fixture;

static void
on_counted_cb (HdCaseDraft *draft,
               gpointer     user_data)
{
  (*(guint *) user_data)++;
}

static void
on_entry_counted_cb (HdCaseDraft   *draft,
                     HdOutboxEntry *entry,
                     gpointer       user_data)
{
  g_assert_true (HD_IS_OUTBOX_ENTRY (entry));
  g_assert_true (hd_case_draft_get_attention (draft) == entry);
  (*(guint *) user_data)++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean connected = GPOINTER_TO_INT (data) == 0;

  f->draft = hd_case_draft_new ();
  g_signal_connect (f->draft, "saved", G_CALLBACK (on_counted_cb), &f->n_saved);
  g_signal_connect (f->draft, "queued", G_CALLBACK (on_counted_cb), &f->n_queued);
  g_signal_connect (f->draft, "conflict", G_CALLBACK (on_entry_counted_cb), &f->n_conflicts);
  g_signal_connect (f->draft, "rejected", G_CALLBACK (on_entry_counted_cb), &f->n_rejected);
  if (!connected)
    return;

  f->standin = sf_test_new_standin ();
  f->store = hd_memory_token_store_new ();
  f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
  f->client = hd_sf_client_new (f->auth, "v64.0");
  f->dir = sf_test_new_dir ("draft-outbox");
  f->outbox = hd_outbox_new (f->dir, f->client, &error);
  g_assert_no_error (error);
  hd_outbox_set_backoff_base_ms (f->outbox, 50);
  hd_case_draft_set_sf_client (f->draft, f->client);
  hd_case_draft_set_outbox (f->draft, f->outbox);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->draft);
  g_clear_object (&f->handoff);
  if (f->outbox != NULL)
    g_assert_finalize_object (f->outbox);
  g_clear_object (&f->client);
  g_clear_object (&f->auth);
  g_clear_object (&f->store);
  g_clear_object (&f->standin);
  if (f->dir != NULL)
    hd_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Helpers. */

static HdHandoff *
new_handoff (const char *fixture,
             const char *case_id)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture_for_case (fixture, case_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 60);
  HdHandoff *handoff = hd_handoff_new (packet, expires);

  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  return handoff;
}

/* The case as Salesforce has it is applied. */
static gboolean
is_loaded (Fixture *f)
{
  return !hd_case_draft_get_loading (f->draft) && hd_case_draft_get_case_number (f->draft) != NULL;
}

static void
show_existing_case (Fixture    *f,
                    const char *template_name,
                    const char *fixture)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, template_name);

  g_assert_nonnull (case_id);
  f->handoff = new_handoff (fixture, case_id);
  hd_case_draft_set_handoff (f->draft, f->handoff);
  g_assert_cmpstr (hd_case_draft_get_case_id (f->draft), ==, case_id);
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
}

static void
assert_field (Fixture     *f,
              HdCaseField  field,
              const char  *expected)
{
  g_assert_cmpstr (hd_case_draft_get_field (f->draft, field), ==, expected);
}

static char *
server_value (Fixture    *f,
              const char *case_id,
              const char *field)
{
  g_autoptr(JsonObject) record = hd_sf_standin_dup_record (f->standin, "Case", case_id);

  g_assert_nonnull (record);
  return g_strdup (json_object_get_string_member_with_default (record, field, NULL));
}

/* Saves and waits until every entry is durable (an amended entry is
 * queued again at once); returns the save's error. */
static GError *
save (Fixture *f)
{
  SfTestAsync async = { 0 };
  GError *error = NULL;

  hd_case_draft_save_async (f->draft, NULL, sf_test_async_cb, &async);
  hd_case_draft_save_finish (f->draft, sf_test_async_wait (&async), &error);
  sf_test_async_clear (&async);
  g_assert_false (hd_case_draft_get_saving (f->draft));
  return error;
}

/* Saves, and waits until Salesforce acknowledged every entry of ours. */
static void
save_and_wait_saved (Fixture *f)
{
  guint saved = f->n_saved;

  g_assert_no_error (save (f));
  HD_TEST_WAIT_UNTIL (f->n_saved == saved + 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_case_draft_get_pending_count (f->draft), ==, 0);
}

/* Tests. */

static void
test_not_connected (Fixture       *f,
                    gconstpointer  data)
{
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  /* The packet fills the fields even with nowhere to save them. */
  f->handoff = new_handoff ("overseas-card-decline.json", NULL);
  hd_case_draft_set_handoff (f->draft, f->handoff);
  g_assert_false (hd_case_draft_get_connected (f->draft));
  assert_field (f, HD_CASE_FIELD_TYPE, "card_service_request");
  g_assert_false (hd_case_draft_get_dirty (f->draft));

  /* Saving does nothing, and says it did nothing wrong. */
  hd_case_draft_save_async (f->draft, NULL, sf_test_async_cb, &async);
  g_assert_true (hd_case_draft_save_finish (f->draft, sf_test_async_wait (&async), &error));
  g_assert_no_error (error);
  g_assert_false (hd_case_draft_get_saving (f->draft));
  sf_test_async_clear (&async);
}

static void
test_prefill_and_save (Fixture       *f,
                       gconstpointer  data)
{
  const char *case_id;
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;

  show_existing_case (f, "emi-hardship", "loan-emi-hardship.json");
  case_id = hd_case_draft_get_case_id (f->draft);

  /* The case's own values win; the packet fills what the case lacks. */
  assert_field (f, HD_CASE_FIELD_STATUS, "New");
  assert_field (f, HD_CASE_FIELD_PRIORITY, "High");
  assert_field (f, HD_CASE_FIELD_TYPE, "hardship_request");
  assert_field (f, HD_CASE_FIELD_SUBCATEGORY, "job_loss");
  assert_field (f, HD_CASE_FIELD_DISPOSITION, "escalated_vulnerable");
  assert_field (f, HD_CASE_FIELD_NEXT_STEP, "Acknowledge the situation, offer a 3-month EMI moratorium under the "
                "hardship policy, and refer to the financial wellbeing team.");
  description = server_value (f, case_id, "Description");
  assert_field (f, HD_CASE_FIELD_DESCRIPTION, description);
  /* The bot's values the case lacks are unsaved changes from the start. */
  g_assert_true (hd_case_draft_get_dirty (f->draft));

  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Working");
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_NEXT_STEP, "Call back on Friday <b>10:00</b>");
  hd_case_draft_set_comment (f->draft, "Customer lost their job; moratorium offered.");
  save_and_wait_saved (f);

  value = server_value (f, case_id, "Status");
  g_assert_cmpstr (value, ==, "Working");
  g_free (value);
  value = server_value (f, case_id, "Next_Step__c");
  g_assert_cmpstr (value, ==, "Call back on Friday <b>10:00</b>");
  g_free (value);
  value = server_value (f, case_id, "Disposition__c");
  g_assert_cmpstr (value, ==, "escalated_vulnerable");
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH Case/"), ==, 1);

  /* Saved: nothing unsaved, the comment is empty again, the text stays. */
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  g_assert_false (hd_case_draft_get_dirty (f->draft));
  g_assert_cmpstr (hd_case_draft_get_comment (f->draft), ==, "");
  assert_field (f, HD_CASE_FIELD_STATUS, "Working");
  assert_field (f, HD_CASE_FIELD_NEXT_STEP, "Call back on Friday <b>10:00</b>");

  /* Saving twice never conflicts with oneself. */
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_PRIORITY, "Critical");
  g_assert_true (hd_case_draft_get_dirty (f->draft));
  save_and_wait_saved (f);
  g_free (value);
  value = server_value (f, case_id, "Priority");
  g_assert_cmpstr (value, ==, "Critical");
  g_assert_cmpuint (f->n_conflicts, ==, 0);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  const char *case_id;
  const char *description;
  g_autofree char *value = NULL;

  /* A new case: everything comes from the packet, with nothing to fetch. */
  f->handoff = new_handoff ("overseas-card-decline.json", NULL);
  hd_case_draft_set_handoff (f->draft, f->handoff);
  g_assert_null (hd_case_draft_get_case_id (f->draft));
  g_assert_false (hd_case_draft_get_create_queued (f->draft));
  g_assert_false (hd_case_draft_get_loading (f->draft));
  assert_field (f, HD_CASE_FIELD_STATUS, "New");
  assert_field (f, HD_CASE_FIELD_PRIORITY, "High");
  assert_field (f, HD_CASE_FIELD_TYPE, "card_service_request");
  assert_field (f, HD_CASE_FIELD_SUBCATEGORY, "international_usage");
  assert_field (f, HD_CASE_FIELD_DISPOSITION, "escalated_regulated_action");
  description = hd_case_draft_get_field (f->draft, HD_CASE_FIELD_DESCRIPTION);
  g_assert_true (g_str_has_prefix (description, "Premier customer travelling in Dubai"));
  g_assert_nonnull (strstr (description, "Captured by the bot:"));
  g_assert_nonnull (strstr (description, "Country: United Arab Emirates"));
  g_assert_nonnull (strstr (description, "Merchant country: AE"));
  /* Against a case still to be created, everything prefilled is unsaved. */
  g_assert_true (hd_case_draft_get_dirty (f->draft));

  hd_case_draft_set_comment (f->draft, "Travel dates confirmed: 24–30 Nov.");
  save_and_wait_saved (f);
  g_assert_true (hd_case_draft_get_create_queued (f->draft));
  HD_TEST_WAIT_UNTIL (hd_case_draft_get_case_id (f->draft) != NULL, HD_TEST_TIMEOUT_MS);
  case_id = hd_case_draft_get_case_id (f->draft);
  g_assert_cmpstr (hd_outbox_lookup_link (f->outbox, "ho-2026-11-24-000187"), ==, case_id);

  value = server_value (f, case_id, "Type");
  g_assert_cmpstr (value, ==, "card_service_request");
  g_free (value);
  value = server_value (f, case_id, "Priority");
  g_assert_cmpstr (value, ==, "High");
  g_free (value);
  value = server_value (f, case_id, "Next_Step__c");
  g_assert_cmpstr (value, ==, "Confirm travel dates, enable international usage for the travel period, and offer "
                   "a card usage alert.");
  g_free (value);
  value = server_value (f, case_id, "Description");
  g_assert_true (g_str_has_prefix (value, "Premier customer travelling in Dubai"));
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);

  /* Later edits enrich the case made: no second create. */
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  g_assert_false (hd_case_draft_get_dirty (f->draft));
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Working");
  save_and_wait_saved (f);
  g_free (value);
  value = server_value (f, case_id, "Status");
  g_assert_cmpstr (value, ==, "Working");
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 1);
}

static void
test_draft_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HdHandoff) other = new_handoff ("overseas-card-decline.json", NULL);
  g_autoptr(HdHandoff) first = NULL;

  show_existing_case (f, "emi-hardship", "loan-emi-hardship.json");
  first = g_object_ref (f->handoff);
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_NEXT_STEP, "Half-typed <i>note</i>");
  hd_case_draft_set_comment (f->draft, "Draft comment");

  /* Another chat: its own packet, nothing of the first chat's draft. */
  hd_case_draft_set_handoff (f->draft, other);
  assert_field (f, HD_CASE_FIELD_NEXT_STEP, "Confirm travel dates, enable international usage for the travel "
                "period, and offer a card usage alert.");
  g_assert_cmpstr (hd_case_draft_get_comment (f->draft), ==, "");

  /* Back: the first chat's case is read again, its draft kept over what
   * Salesforce has, and still unsaved. */
  hd_case_draft_set_handoff (f->draft, first);
  assert_field (f, HD_CASE_FIELD_NEXT_STEP, "Half-typed <i>note</i>");
  g_assert_cmpstr (hd_case_draft_get_comment (f->draft), ==, "Draft comment");
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  assert_field (f, HD_CASE_FIELD_NEXT_STEP, "Half-typed <i>note</i>");
  assert_field (f, HD_CASE_FIELD_STATUS, "New");
  g_assert_true (hd_case_draft_get_dirty (f->draft));
  save_and_wait_saved (f);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 0);

  /* A draft is taken back once: saved, it is gone for good. */
  hd_case_draft_set_handoff (f->draft, other);
  hd_case_draft_set_handoff (f->draft, first);
  g_assert_cmpstr (hd_case_draft_get_comment (f->draft), ==, "");
}

static void
conflict_round (Fixture     *f,
                HdCaseField  field,
                const char  *mine,
                const char  *theirs,
                gboolean     keep_mine)
{
  const char *api_name = hd_case_field_get_api_name (field);
  const char *case_id = hd_case_draft_get_case_id (f->draft);
  g_autoptr(JsonObject) colleague = json_object_new ();
  g_autoptr(HdOutboxEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  const char *keep[] = { keep_mine ? api_name : NULL, NULL };
  guint conflicts = f->n_conflicts;
  guint saved = f->n_saved;

  hd_case_draft_set_field (f->draft, field, mine);
  json_object_set_string_member (colleague, api_name, theirs);
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, colleague));

  g_assert_no_error (save (f));
  HD_TEST_WAIT_UNTIL (f->n_conflicts == conflicts + 1, HD_TEST_TIMEOUT_MS);
  g_assert_nonnull (hd_case_draft_get_attention (f->draft));
  g_assert_cmpint (hd_outbox_entry_get_state (hd_case_draft_get_attention (f->draft)), ==,
                   HD_OUTBOX_ENTRY_CONFLICT);
  g_assert_null (hd_case_draft_get_field_error (f->draft, field));
  /* The agent's text stays while they decide. */
  assert_field (f, field, mine);

  entry = hd_case_draft_dup_conflict (f->draft);
  g_assert_nonnull (entry);
  g_assert_true (hd_outbox_entry_is_conflicting (entry, api_name));
  g_assert_true (hd_outbox_resolve_conflict (f->outbox, hd_outbox_entry_get_id (entry), keep, &error));
  g_assert_no_error (error);
  /* Kept mine: the edit is still queued.  Kept theirs: nothing left to send. */
  g_assert_true (hd_case_draft_conflict_resolved (f->draft, hd_outbox_entry_get_id (entry)) == keep_mine);
  g_assert_null (hd_case_draft_get_attention (f->draft));
  if (keep_mine)
    HD_TEST_WAIT_UNTIL (f->n_saved == saved + 1, HD_TEST_TIMEOUT_MS);

  server = server_value (f, case_id, api_name);
  g_assert_cmpstr (server, ==, keep_mine ? mine : theirs);
  /* Either way the case is read again: the field shows what Salesforce has. */
  HD_TEST_WAIT_UNTIL (is_loaded (f) &&
                      g_strcmp0 (hd_case_draft_get_field (f->draft, field), keep_mine ? mine : theirs) == 0,
                      HD_TEST_TIMEOUT_MS);
  g_assert_false (hd_case_draft_get_dirty (f->draft));
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  show_existing_case (f, "card-block", "card-block.json");
  /* Save the bot's prefill first, so only the conflicting field differs. */
  save_and_wait_saved (f);
  HD_TEST_WAIT_UNTIL (hd_outbox_get_pending_count (f->outbox) == 0, HD_TEST_TIMEOUT_MS);
  /* The draft reads the case again after a save: the colleague's edit must come after. */
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);

  conflict_round (f, HD_CASE_FIELD_STATUS, "Escalated", "Waiting on Customer", TRUE);
  conflict_round (f, HD_CASE_FIELD_PRIORITY, "Low", "Critical", FALSE);
}

static void
reject_status (Fixture *f)
{
  guint rejected = f->n_rejected;

  /* A picklist value the org does not have (ours is not read from describe). */
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "On Hold");
  g_assert_no_error (save (f));
  HD_TEST_WAIT_UNTIL (f->n_rejected == rejected + 1, HD_TEST_TIMEOUT_MS);

  g_assert_cmpint (hd_outbox_entry_get_state (hd_case_draft_get_attention (f->draft)), ==,
                   HD_OUTBOX_ENTRY_REJECTED);
  g_assert_nonnull (strstr (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_STATUS),
                            "bad value for restricted picklist"));
  g_assert_null (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_PRIORITY));
  /* Nothing typed is lost, and it counts as unsaved. */
  assert_field (f, HD_CASE_FIELD_STATUS, "On Hold");
  g_assert_true (hd_case_draft_get_dirty (f->draft));
  g_assert_cmpuint (hd_case_draft_get_pending_count (f->draft), ==, 0);
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  const char *case_id;
  g_autofree char *status = NULL;

  show_existing_case (f, "kyc-documents", "kyc-document-issue.json");
  case_id = hd_case_draft_get_case_id (f->draft);
  reject_status (f);

  /* Amend: correct the field and save again; the same entry goes out. */
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Working");
  save_and_wait_saved (f);
  status = server_value (f, case_id, "Status");
  g_assert_cmpstr (status, ==, "Working");
  g_assert_null (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_STATUS));
  g_assert_null (hd_case_draft_get_attention (f->draft));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
}

/* The org's rule "closing a case requires a disposition", on a case whose
 * disposition is empty: Status alone is refused, naming Disposition__c. */
static void
close_without_disposition (Fixture *f)
{
  hd_sf_standin_add_validation_rule (f->standin, "Case", "Status", "Closed", "Disposition__c", TRUE,
                                     "Choose a disposition before you close the case.");
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_DISPOSITION, "");
  save_and_wait_saved (f);
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
}

/* The PATCHes Salesforce applied to @case_id, as "field,field". */
static GStrv
applied_patches (Fixture    *f,
                 const char *case_id)
{
  g_auto(GStrv) log = hd_sf_standin_dup_write_log (f->standin);
  g_autofree char *prefix = g_strdup_printf ("PATCH Case/%s ", case_id);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; log[i] != NULL; i++)
    if (g_str_has_prefix (log[i], prefix))
      g_strv_builder_add (builder, log[i] + strlen (prefix));
  return g_strv_builder_end (builder);
}

static void
assert_closed_with_disposition (Fixture    *f,
                                const char *case_id,
                                guint       n_patches_before)
{
  g_auto(GStrv) patches = applied_patches (f, case_id);
  g_autofree char *status = server_value (f, case_id, "Status");
  g_autofree char *disposition = server_value (f, case_id, "Disposition__c");

  /* One request carried the whole correction. */
  g_assert_cmpuint (g_strv_length (patches), ==, n_patches_before + 1);
  g_assert_cmpstr (patches[n_patches_before], ==, "Disposition__c,Status");
  g_assert_cmpstr (status, ==, "Closed");
  g_assert_cmpstr (disposition, ==, "Resolved - card replaced");
  g_assert_null (hd_case_draft_get_attention (f->draft));
  g_assert_null (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_DISPOSITION));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  g_assert_false (hd_case_draft_get_dirty (f->draft));
}

static void
test_cross_field_rejected (Fixture       *f,
                           gconstpointer  data)
{
  const char *case_id;
  guint rejected = f->n_rejected;
  guint n_patches;

  show_existing_case (f, "card-block", "card-block.json");
  case_id = hd_case_draft_get_case_id (f->draft);
  close_without_disposition (f);
  {
    g_auto(GStrv) patches = applied_patches (f, case_id);

    n_patches = g_strv_length (patches);
  }

  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Closed");
  g_assert_no_error (save (f));
  HD_TEST_WAIT_UNTIL (f->n_rejected == rejected + 1, HD_TEST_TIMEOUT_MS);
  /* The rule's message is on the field it names, which the save did not send. */
  g_assert_cmpstr (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_DISPOSITION), ==,
                   "Choose a disposition before you close the case.");
  g_assert_null (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_STATUS));

  /* The agent fills it in and saves: Status and the disposition go together. */
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_DISPOSITION, "Resolved - card replaced");
  save_and_wait_saved (f);
  assert_closed_with_disposition (f, case_id, n_patches);
}

/* The disposition was saved on its own while the close was on its way: it
 * sits in its own entry behind the refused one, and the correction still
 * goes as one request. */
static void
test_cross_field_queued_apart (Fixture       *f,
                               gconstpointer  data)
{
  const char *case_id;
  guint rejected = f->n_rejected;
  guint n_patches;

  show_existing_case (f, "card-block", "card-block.json");
  case_id = hd_case_draft_get_case_id (f->draft);
  close_without_disposition (f);
  {
    g_auto(GStrv) patches = applied_patches (f, case_id);

    n_patches = g_strv_length (patches);
  }

  hd_outbox_set_paused (f->outbox, TRUE);
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Closed");
  g_assert_no_error (save (f));
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_DISPOSITION, "Resolved - card replaced");
  g_assert_no_error (save (f));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 2);
  hd_outbox_set_paused (f->outbox, FALSE);
  HD_TEST_WAIT_UNTIL (f->n_rejected == rejected + 1, HD_TEST_TIMEOUT_MS);
  /* The disposition waits behind the refused close. */
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 2);
  g_assert_nonnull (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_DISPOSITION));

  /* Saving again sends both, once. */
  save_and_wait_saved (f);
  assert_closed_with_disposition (f, case_id, n_patches);
}

static gboolean
has_describe (Fixture *f)
{
  return hd_case_draft_get_describe (f->draft) != NULL;
}

/* The org's describe drives what is sent: a field it lacks is never sent
 * nor counted as unsaved.  It is read once per sign-in, and again (with
 * If-Modified-Since) only when a save suggests it is out of date or on
 * request. */
static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *cache = NULL;
  g_autofree char *leaf = NULL;
  g_auto(GStrv) statuses = NULL;
  g_auto(GStrv) patches = NULL;
  g_autofree char *joined = NULL;
  static const char * const priorities[] = { "Low", "Medium", "High", NULL };
  const char *case_id;
  guint n_not_modified = 0;
  guint n_describes;
  g_autoptr(HdSfDescribe) first = NULL;

  hd_sf_standin_remove_field (f->standin, "Case", "Next_Step__c");
  show_existing_case (f, "card-block", "card-block.json");
  case_id = hd_case_draft_get_case_id (f->draft);
  HD_TEST_WAIT_UNTIL (has_describe (f), HD_TEST_TIMEOUT_MS);
  first = g_object_ref (hd_case_draft_get_describe (f->draft));

  /* The describe's own shape: labels, active values in order, default, restricted. */
  g_assert_cmpstr (hd_sf_describe_get_label (first, "Type"), ==, "Case Type");
  statuses = hd_sf_describe_dup_picklist_values (first, "Status");
  joined = g_strjoinv (",", statuses);
  g_assert_cmpstr (joined, ==, "New,Working,Waiting on Customer,Escalated,Closed");
  g_assert_cmpstr (hd_sf_describe_get_default_value (first, "Status"), ==, "New");
  g_assert_true (hd_sf_describe_is_restricted (first, "Priority"));
  g_assert_false (hd_sf_describe_accepts_value (first, "Status", "On Hold"));   /* inactive */
  g_assert_false (hd_sf_describe_has_field (first, "Next_Step__c"));
  g_assert_false (hd_sf_describe_is_updateable (first, "CaseNumber"));
  g_assert_cmpuint (hd_sf_describe_get_length (first, "Disposition__c"), ==, 255);

  /* The packet's next step is not an unsaved change, and never sent. */
  g_assert_cmpstr (hd_case_draft_get_field (f->draft, HD_CASE_FIELD_NEXT_STEP), !=, "");
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_STATUS, "Escalated");
  save_and_wait_saved (f);
  patches = applied_patches (f, case_id);
  for (guint i = 0; patches[i] != NULL; i++)
    g_assert_null (strstr (patches[i], "Next_Step__c"));
  g_assert_false (hd_case_draft_get_dirty (f->draft));

  /* On disk, for the next start.  Read once per sign-in: the next case
   * asks nothing. */
  leaf = g_strdup_printf ("%s-Case-describe.json", hd_sf_standin_get_org_id (f->standin));
  cache = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", leaf, NULL);
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_REGULAR));
  n_describes = hd_sf_standin_get_n_describes (f->standin, NULL);
  g_assert_cmpuint (n_describes, ==, 1);
  g_clear_object (&f->handoff);
  show_existing_case (f, "kyc-documents", "kyc-document-issue.json");
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_describes (f->standin, NULL), ==, n_describes);
  g_assert_true (hd_case_draft_get_describe (f->draft) == first);

  /* A save refused for a value the describe offered reads it again, with
   * If-Modified-Since: the administrator retired Critical. */
  hd_sf_standin_set_picklist (f->standin, "Priority", priorities, "Medium");
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_PRIORITY, "Critical");
  hd_case_draft_save_async (f->draft, NULL, NULL, NULL);
  HD_TEST_WAIT_UNTIL (hd_case_draft_get_describe (f->draft) != first, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_describes (f->standin, &n_not_modified), ==, n_describes + 1);
  g_assert_cmpuint (n_not_modified, ==, 0);
  g_assert_false (hd_sf_describe_accepts_value (hd_case_draft_get_describe (f->draft), "Priority", "Critical"));
  g_assert_nonnull (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_PRIORITY));
  g_assert_true (hd_case_draft_discard (f->draft, NULL));

  /* Asked again (Check Connection does), nothing changed: a 304. */
  hd_sf_describe_cache_refresh_async (hd_sf_describe_cache_get_for_auth (f->auth), f->client, NULL,
                                      NULL, NULL);
  HD_TEST_WAIT_UNTIL (hd_sf_standin_get_n_describes (f->standin, &n_not_modified) == n_describes + 2,
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (n_not_modified, ==, 1);
  g_assert_false (hd_sf_describe_has_field (hd_case_draft_get_describe (f->draft), "Next_Step__c"));

  /* The next test's stand-in is another org with the same id. */
  g_assert_cmpint (g_unlink (cache), ==, 0);
}

static char *
dup_values (Fixture     *f,
            HdCaseField  field)
{
  g_auto(GStrv) values = hd_case_draft_dup_picklist_values (f->draft, field);

  return values != NULL ? g_strjoinv (",", values) : NULL;
}

static gboolean
values_are (Fixture     *f,
            HdCaseField  field,
            const char  *expected)
{
  g_autofree char *values = dup_values (f, field);

  return g_strcmp0 (values, expected) == 0;
}

/* The values on offer follow the case's record type (the User Interface
 * API's values for it, read once per sign-in) and, for Reason, what Type
 * holds (validFor); when the org changes them, the draft follows. */
static void
test_picklists (Fixture       *f,
                gconstpointer  data)
{
  static const char * const reasons[] = {
    "international_usage", "lost", "damaged", "card_not_present", "goods_not_received", "job_loss",
    "emi_change", "document_rejected", "address_change", "inward_neft", "upi_reversal", NULL
  };
  static const char * const kyc_reasons[] = { "document_rejected", "address_change", NULL };
  static const char * const card_types[] = { "card_replacement", "fraud_claim", NULL };
  g_autofree char *cache = NULL;
  g_autofree char *leaf = NULL;

  /* A Card Services case: its record type's Type values, and the Reasons
   * that go with its Type. */
  show_existing_case (f, "card-block", "card-block.json");
  HD_TEST_WAIT_UNTIL (is_loaded (f) && has_describe (f), HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_case_draft_get_record_type_id (f->draft), ==, HD_SF_STANDIN_CARD_RECORD_TYPE);
  HD_TEST_WAIT_UNTIL (values_are (f, HD_CASE_FIELD_TYPE, "card_service_request,card_replacement,fraud_claim,dispute"),
                      HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_case_draft_get_field (f->draft, HD_CASE_FIELD_TYPE), ==, "card_replacement");
  g_assert_true (values_are (f, HD_CASE_FIELD_SUBCATEGORY, "lost,damaged"));
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_TYPE, "fraud_claim");
  g_assert_true (values_are (f, HD_CASE_FIELD_SUBCATEGORY, "card_not_present"));
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_TYPE, "");
  g_assert_true (values_are (f, HD_CASE_FIELD_SUBCATEGORY, ""));
  /* Text fields take free text. */
  g_assert_null (hd_case_draft_dup_picklist_values (f->draft, HD_CASE_FIELD_DESCRIPTION));
  g_assert_cmpuint (hd_sf_standin_get_n_picklist_reads (f->standin), ==, 1);

  /* A case of the master record type: the describe's values, and the
   * dependency from its validFor bitmaps. */
  g_clear_object (&f->handoff);
  show_existing_case (f, "kyc-documents", "kyc-document-issue.json");
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  g_assert_null (hd_case_draft_get_record_type_id (f->draft));
  g_assert_true (values_are (f, HD_CASE_FIELD_TYPE, "card_service_request,card_replacement,fraud_claim,dispute,"
                                                    "hardship_request,loan_query,kyc_update,payment_investigation"));
  g_assert_true (values_are (f, HD_CASE_FIELD_SUBCATEGORY, "document_rejected"));

  /* The administrator adds a Reason for KYC and narrows Card Services'
   * Types; the next read of the org's metadata shows it. */
  hd_sf_standin_set_picklist (f->standin, "Reason", reasons, NULL);
  hd_sf_standin_set_dependent_values (f->standin, "Reason", "kyc_update", kyc_reasons);
  hd_sf_standin_set_record_type_values (f->standin, HD_SF_STANDIN_CARD_RECORD_TYPE, "Type", card_types);
  hd_sf_describe_cache_refresh_async (hd_sf_describe_cache_get_for_auth (f->auth), f->client, NULL, NULL, NULL);
  HD_TEST_WAIT_UNTIL (values_are (f, HD_CASE_FIELD_SUBCATEGORY, "document_rejected,address_change"),
                      HD_TEST_TIMEOUT_MS);
  g_clear_object (&f->handoff);
  show_existing_case (f, "card-block", "card-block.json");
  HD_TEST_WAIT_UNTIL (values_are (f, HD_CASE_FIELD_TYPE, "card_replacement,fraud_claim"), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_picklist_reads (f->standin), ==, 2);

  /* The next test's stand-in is another org with the same id. */
  leaf = g_strdup_printf ("%s-Case-describe.json", hd_sf_standin_get_org_id (f->standin));
  cache = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", leaf, NULL);
  g_unlink (cache);
}

/* The settings that say which Case fields hold disposition and next step. */
static void
test_field_setting (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hd_case_field_set_api_name (HD_CASE_FIELD_DISPOSITION, "Outcome__c", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hd_case_field_get_api_name (HD_CASE_FIELD_DISPOSITION), ==, "Outcome__c");
  g_assert_cmpint (hd_case_field_from_api_name ("Outcome__c"), ==, HD_CASE_FIELD_DISPOSITION);
  g_assert_cmpint (hd_case_field_from_api_name ("Disposition__c"), ==, -1);
  g_assert_cmpstr (hd_case_field_get_title ("Outcome__c"), ==, "Disposition");

  g_assert_false (hd_case_field_set_api_name (HD_CASE_FIELD_NEXT_STEP, "Next step", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (hd_case_field_set_api_name (HD_CASE_FIELD_NEXT_STEP, "Status", &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_cmpstr (hd_case_field_get_api_name (HD_CASE_FIELD_NEXT_STEP), ==, "Next_Step__c");

  /* Empty: the default again. */
  g_assert_true (hd_case_field_set_api_name (HD_CASE_FIELD_DISPOSITION, "", &error));
  g_assert_cmpstr (hd_case_field_get_api_name (HD_CASE_FIELD_DISPOSITION), ==, "Disposition__c");
}

static void
test_discard (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  const char *case_id;

  show_existing_case (f, "kyc-documents", "kyc-document-issue.json");
  case_id = hd_case_draft_get_case_id (f->draft);
  reject_status (f);

  /* Dropped on request: the field goes back to what Salesforce has. */
  g_assert_true (hd_case_draft_discard (f->draft, &error));
  g_assert_no_error (error);
  g_assert_null (hd_case_draft_get_attention (f->draft));
  g_assert_null (hd_case_draft_get_field_error (f->draft, HD_CASE_FIELD_STATUS));
  server = server_value (f, case_id, "Status");
  assert_field (f, HD_CASE_FIELD_STATUS, server);
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  HD_TEST_WAIT_UNTIL (is_loaded (f), HD_TEST_TIMEOUT_MS);
  assert_field (f, HD_CASE_FIELD_STATUS, server);
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  const char *case_id;
  g_autofree char *next = NULL;

  show_existing_case (f, "merchant-dispute", "fraud-report.json");
  case_id = hd_case_draft_get_case_id (f->draft);

  /* Salesforce unreachable: every request's connection drops. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_DROP, G_MAXUINT);
  hd_case_draft_set_field (f->draft, HD_CASE_FIELD_NEXT_STEP, "Raise chargeback with the merchant");
  g_assert_no_error (save (f));
  HD_TEST_WAIT_UNTIL (f->n_queued == 1, HD_TEST_TIMEOUT_MS);
  /* Queued is saved as far as the agent is concerned: nothing unsaved. */
  g_assert_false (hd_case_draft_get_dirty (f->draft));
  g_assert_cmpuint (hd_case_draft_get_pending_count (f->draft), ==, 1);
  g_assert_cmpuint (f->n_saved, ==, 0);

  /* Back online: the outbox flushes it, and "queued" was said once. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_NONE, 0);
  hd_outbox_retry_now (f->outbox);
  HD_TEST_WAIT_UNTIL (f->n_saved == 1, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (f->n_queued, ==, 1);
  next = server_value (f, case_id, "Next_Step__c");
  g_assert_cmpstr (next, ==, "Raise chargeback with the merchant");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sf_test_root = hd_test_init_xdg ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/hd/case-draft/not-connected", GINT_TO_POINTER (1), test_not_connected);
  ADD ("/hd/case-draft/prefill-and-save", NULL, test_prefill_and_save);
  ADD ("/hd/case-draft/create", NULL, test_create);
  ADD ("/hd/case-draft/draft-kept", NULL, test_draft_kept);
  ADD ("/hd/case-draft/conflict", NULL, test_conflict);
  ADD ("/hd/case-draft/rejected", NULL, test_rejected);
  ADD ("/hd/case-draft/cross-field-rejected", NULL, test_cross_field_rejected);
  ADD ("/hd/case-draft/cross-field-queued-apart", NULL, test_cross_field_queued_apart);
  ADD ("/hd/case-draft/describe", NULL, test_describe);
  ADD ("/hd/case-draft/picklists", NULL, test_picklists);
  g_test_add_func ("/hd/case-draft/field-setting", test_field_setting);
  ADD ("/hd/case-draft/discard", NULL, test_discard);
  ADD ("/hd/case-draft/offline", NULL, test_offline);
#undef ADD

  ret = g_test_run ();
  hd_test_rm_rf (sf_test_root);
  g_free (sf_test_root);
  return ret;
}
