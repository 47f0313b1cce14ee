/* test-ui-case-editor.c: the Salesforce case editor in the pane, the conflict
 * dialog, the outbox indicator and the sign-in row, against the real
 * stand-in and a real outbox on disk
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-case-editor.h"
#include "hd-conflict-dialog.h"
#include "hd-customer-card.h"
#include "hd-handoff-pane.h"
#include "hd-outbox-indicator.h"
#include "hd-reply-bar.h"
#include "hd-sf-case-watch.h"
#include "hd-sf-standin-streaming.h"
#include "hd-sign-in-row.h"
#include "hd-test-packet-util.h"
#include "hd-test-gtk-utils.h"
#include "test-sf-common.h"

/* The editor tests keep tokens in an HdMemoryTokenStore: the keyring has
 * its own tests, and the sign-in row test below uses the real one. */

static HdApplication *test_app;

typedef struct
{
  HdSfStandin       *standin;
  HdTokenStore      *store;
  HdSfAuth          *auth;
  HdSfClient        *client;
  HdOutbox          *outbox;
  char              *dir;
  GtkWindow         *window;
  HdHandoffPane     *pane;
  HdCaseEditor      *editor;
  HdOutboxIndicator *indicator;
  GPtrArray         *toasts;
  HdHandoff         *handoff;
} Fixture;

static void
show_toast_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  Fixture *f = user_data;

  g_test_message ("toast: %s", g_variant_get_string (param, NULL));
  g_ptr_array_add (f->toasts, g_variant_dup_string (param, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("show-toast", G_VARIANT_TYPE_STRING);
  g_autoptr(GError) error = NULL;
  GtkWidget *header = adw_header_bar_new ();
  gboolean connected = GPOINTER_TO_INT (data) == 0;

  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (f->window, 1366, 768);
  g_signal_connect (toast, "activate", G_CALLBACK (show_toast_cb), f);
  g_action_map_add_action (G_ACTION_MAP (f->window), G_ACTION (toast));

  f->indicator = HD_OUTBOX_INDICATOR (hd_outbox_indicator_new ());
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (f->indicator));
  gtk_window_set_titlebar (f->window, header);
  f->pane = HD_HANDOFF_PANE (hd_handoff_pane_new ());
  f->editor = HD_CASE_EDITOR (hd_test_template_child (f->pane, HD_TYPE_HANDOFF_PANE, "case_editor"));
  gtk_window_set_child (f->window, GTK_WIDGET (f->pane));
  g_object_add_weak_pointer (G_OBJECT (f->pane), (gpointer *) &f->pane);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_object_add_weak_pointer (G_OBJECT (f->indicator), (gpointer *) &f->indicator);

  if (connected)
    {
      f->standin = sf_test_new_standin ();
      f->store = hd_memory_token_store_new ();
      f->auth = sf_test_new_signed_in_auth (f->standin, f->store);
      f->client = hd_sf_client_new (f->auth, "v64.0");
      f->dir = sf_test_new_dir ("ui-outbox");
      f->outbox = hd_outbox_new (f->dir, f->client, &error);
      g_assert_no_error (error);
      hd_outbox_set_backoff_base_ms (f->outbox, 50);
      hd_handoff_pane_set_sf_client (f->pane, f->client);
      hd_handoff_pane_set_outbox (f->pane, f->outbox);
      hd_outbox_indicator_set_outbox (f->indicator, f->outbox);
    }

  /* What the tests look at is set as they call the editor: they need no frame. */
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  /* Nothing of ours keeps the widgets alive. */
  HD_TEST_WAIT_UNTIL (f->pane == NULL && f->editor == NULL && f->indicator == NULL, HD_TEST_TIMEOUT_MS);
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
  g_ptr_array_unref (f->toasts);
}

/* Helpers. */

static HdCaseDraft *
draft_of (Fixture *f)
{
  return hd_case_editor_get_draft (f->editor);
}

/* An offer of @fixture, not answered yet. */
static HdHandoff *
new_offer (const char *fixture,
           const char *case_id)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture_for_case (fixture, case_id);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 60);

  return hd_handoff_new (packet, expires);
}

/* A chat of @fixture the agent accepted. */
static HdHandoff *
new_handoff (const char *fixture,
             const char *case_id)
{
  HdHandoff *handoff = new_offer (fixture, case_id);

  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  return handoff;
}

static gboolean
has_toast_cond (gpointer data)
{
  gpointer *args = data;
  Fixture *f = args[0];

  for (guint i = 0; i < f->toasts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (f->toasts, i), args[1]) == 0)
      return TRUE;
  return FALSE;
}

static void
wait_toast (Fixture    *f,
            const char *message)
{
  gpointer args[] = { f, (gpointer) message };

  g_assert_true (hd_test_wait_until (has_toast_cond, args, HD_TEST_TIMEOUT_MS));
}

static gboolean
case_loaded_cond (gpointer data)
{
  Fixture *f = data;
  GtkLabel *status = GTK_LABEL (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_label"));
  const char *text = gtk_label_get_text (status);

  return g_str_has_prefix (text, "Case ");
}

static void
show_existing_case (Fixture    *f,
                    const char *template_name,
                    const char *fixture)
{
  const char *case_id = hd_sf_standin_get_demo_case_id (f->standin, template_name);

  g_assert_nonnull (case_id);
  f->handoff = new_handoff (fixture, case_id);
  hd_handoff_pane_set_handoff (f->pane, f->handoff);
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  g_assert_cmpstr (hd_case_draft_get_case_id (draft_of (f)), ==, case_id);
}

static void
assert_field (Fixture    *f,
              const char *api_name,
              const char *expected)
{
  g_autofree char *text = hd_case_editor_dup_field_text (f->editor, api_name);

  g_assert_cmpstr (text, ==, expected);
}

static gboolean
field_is_cond (gpointer data)
{
  gpointer *args = data;
  g_autofree char *text = hd_case_editor_dup_field_text (HD_CASE_EDITOR (args[0]), args[1]);

  return g_strcmp0 (text, args[2]) == 0;
}

static void
wait_field (Fixture    *f,
            const char *api_name,
            const char *expected)
{
  gpointer args[] = { f->editor, (gpointer) api_name, (gpointer) expected };

  g_assert_true (hd_test_wait_until (field_is_cond, args, HD_TEST_TIMEOUT_MS));
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

static gboolean
save_enabled (Fixture *f)
{
  return gtk_widget_get_sensitive (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "save_button"));
}

/* Tests. */

static void
test_not_connected (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *next_row;
  GtkEditable *next_text;
  GtkWidget *comment;
  GtkLabel *name;

  /* The editor loads the packet as it is given the handoff; with no client there is nothing
   * to fetch. */
  f->handoff = new_handoff ("overseas-card-decline.json", NULL);
  hd_handoff_pane_set_handoff (f->pane, f->handoff);

  /* No client and no outbox: the editor says so, and the pane works as before. */
  g_assert_false (hd_case_draft_get_connected (draft_of (f)));
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR,
                                                                 "disconnected_box")));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "editor_box")));
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));
  g_assert_false (save_enabled (f));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->indicator)));
  name = GTK_LABEL (hd_test_template_child (hd_test_template_child (f->pane, HD_TYPE_HANDOFF_PANE, "customer_card"),
                                                HD_TYPE_CUSTOMER_CARD, "customer_name_label"));
  g_assert_cmpstr (gtk_label_get_text (name), ==, "Priya Raman");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  /* Every control has a name for screen readers, the entry rows' text too. */
  next_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "next_step_row");
  next_text = gtk_editable_get_delegate (GTK_EDITABLE (next_row));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (next_text), GTK_ACCESSIBLE_PROPERTY_LABEL, "Next Step");
  comment = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "comment_view");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (comment), GTK_ACCESSIBLE_PROPERTY_LABEL, "Internal Comment");

  /* Supervisors and trainers do not edit the case. */
  hd_handoff_pane_set_read_only (f->pane, TRUE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  hd_handoff_pane_set_read_only (f->pane, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
}

static gboolean
has_ctrl_s (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      guint n_shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      n_shortcuts = g_list_model_get_n_items (G_LIST_MODEL (controller));
      for (guint j = 0; j < n_shortcuts; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (trigger, "<Control>s") == 0 && strstr (action, "case.save") != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_prefill_and_save (Fixture       *f,
                       gconstpointer  data)
{
  const char *case_id;
  g_autofree char *status = NULL;
  g_autofree char *next = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *description = NULL;
  GtkWidget *dirty_label;

  show_existing_case (f, "emi-hardship", "loan-emi-hardship.json");
  case_id = hd_case_draft_get_case_id (draft_of (f));
  dirty_label = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "dirty_label");

  /* The case's own values win; the packet fills what the case lacks. */
  assert_field (f, HD_SF_CASE_STATUS, "New");
  assert_field (f, HD_SF_CASE_PRIORITY, "High");
  assert_field (f, HD_SF_CASE_TYPE, "hardship_request");
  assert_field (f, HD_SF_CASE_SUBCATEGORY, "job_loss");
  assert_field (f, HD_SF_CASE_DISPOSITION, "escalated_vulnerable");
  assert_field (f, HD_SF_CASE_NEXT_STEP, "Acknowledge the situation, offer a 3-month EMI moratorium under the "
                "hardship policy, and refer to the financial wellbeing team.");
  description = server_value (f, case_id, "Description");
  assert_field (f, HD_SF_CASE_DESCRIPTION, description);
  /* The bot's values the case lacks are unsaved changes from the start. */
  g_assert_true (hd_case_draft_get_dirty (draft_of (f)));
  g_assert_true (gtk_widget_get_visible (dirty_label));
  g_assert_true (save_enabled (f));

  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_STATUS, "Working");
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_NEXT_STEP, "Call back on Friday <b>10:00</b>");
  hd_case_editor_set_comment (f->editor, "Customer lost their job; moratorium offered.");
  g_assert_true (has_ctrl_s (GTK_WIDGET (f->editor)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");

  status = server_value (f, case_id, "Status");
  next = server_value (f, case_id, "Next_Step__c");
  disposition = server_value (f, case_id, "Disposition__c");
  g_assert_cmpstr (status, ==, "Working");
  g_assert_cmpstr (next, ==, "Call back on Friday <b>10:00</b>");
  g_assert_cmpstr (disposition, ==, "escalated_vulnerable");
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "PATCH Case/"), ==, 1);

  /* Saved: nothing unsaved, the comment box is empty again, the text stays. */
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));
  g_assert_false (gtk_widget_get_visible (dirty_label));
  g_assert_false (save_enabled (f));
  comment = hd_case_editor_dup_field_text (f->editor, HD_SF_CASE_STATUS);
  g_assert_cmpstr (comment, ==, "Working");
  assert_field (f, HD_SF_CASE_NEXT_STEP, "Call back on Friday <b>10:00</b>");
  g_assert_cmpstr (hd_outbox_indicator_get_summary (f->indicator), ==, "All edits sent to Salesforce");

  /* Saving twice never conflicts with oneself. */
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_PRIORITY, "Critical");
  g_ptr_array_set_size (f->toasts, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_free (status);
  status = server_value (f, case_id, "Priority");
  g_assert_cmpstr (status, ==, "Critical");
}

static gboolean
has_case_id_cond (gpointer data)
{
  Fixture *f = data;

  return hd_case_draft_get_case_id (draft_of (f)) != NULL;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  const char *case_id;
  g_autofree char *type = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *next = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  GtkLabel *status;

  /* A new case: everything comes from the packet as the editor is given the handoff, with
   * nothing to fetch. */
  f->handoff = new_handoff ("overseas-card-decline.json", NULL);
  hd_handoff_pane_set_handoff (f->pane, f->handoff);

  g_assert_null (hd_case_draft_get_case_id (draft_of (f)));
  status = GTK_LABEL (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_label"));
  g_assert_cmpstr (gtk_label_get_text (status), ==, "New case: it is created in Salesforce when you save.");
  /* Everything comes from the packet: the agent types nothing the bot knew. */
  assert_field (f, HD_SF_CASE_STATUS, "New");
  assert_field (f, HD_SF_CASE_PRIORITY, "High");
  assert_field (f, HD_SF_CASE_TYPE, "card_service_request");
  assert_field (f, HD_SF_CASE_SUBCATEGORY, "international_usage");
  assert_field (f, HD_SF_CASE_DISPOSITION, "escalated_regulated_action");
  text = hd_case_editor_dup_field_text (f->editor, HD_SF_CASE_DESCRIPTION);
  g_assert_true (g_str_has_prefix (text, "Premier customer travelling in Dubai"));
  g_assert_nonnull (strstr (text, "Country: United Arab Emirates"));
  g_assert_nonnull (strstr (text, "Merchant country: AE"));
  g_assert_true (hd_case_draft_get_dirty (draft_of (f)));
  /* Saving creates it, but nobody has changed anything yet: no "Unsaved changes". */
  g_assert_true (save_enabled (f));
  g_assert_false (hd_case_draft_get_edited (draft_of (f)));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "dirty_label")));

  hd_case_editor_set_comment (f->editor, "Travel dates confirmed: 24–30 Nov.");
  g_assert_true (hd_case_draft_get_edited (draft_of (f)));
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "dirty_label")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_assert_true (hd_test_wait_until (has_case_id_cond, f, HD_TEST_TIMEOUT_MS));
  case_id = hd_case_draft_get_case_id (draft_of (f));
  g_assert_cmpstr (hd_outbox_lookup_link (f->outbox, "ho-2026-11-24-000187"), ==, case_id);

  type = server_value (f, case_id, "Type");
  priority = server_value (f, case_id, "Priority");
  next = server_value (f, case_id, "Next_Step__c");
  description = server_value (f, case_id, "Description");
  g_assert_cmpstr (type, ==, "card_service_request");
  g_assert_cmpstr (priority, ==, "High");
  g_assert_cmpstr (next, ==, "Confirm travel dates, enable international usage for the travel period, and offer "
                   "a card usage alert.");
  g_assert_true (g_str_has_prefix (description, "Premier customer travelling in Dubai"));
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);

  /* Later edits enrich the case made: no second create. */
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_STATUS, "Working");
  g_ptr_array_set_size (f->toasts, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_free (type);
  type = server_value (f, case_id, "Status");
  g_assert_cmpstr (type, ==, "Working");
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 1);
}

/* The reply bar's line saying why replies are off. */
static const char *
reply_disabled_text (Fixture *f)
{
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();

  hd_test_collect (GTK_WIDGET (f->pane), HD_TYPE_REPLY_BAR, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  return gtk_label_get_text (hd_test_template_child (g_ptr_array_index (bars, 0), HD_TYPE_REPLY_BAR,
                                                     "reply_disabled_label"));
}

static void
test_ended_offer (Fixture       *f,
                  gconstpointer  data)
{
  GtkLabel *status = GTK_LABEL (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_label"));
  GtkWidget *editor_box = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "editor_box");
  g_autoptr(HdHandoff) expired = new_offer ("overseas-card-decline.json", NULL);
  g_autoptr(HdHandoff) withdrawn = new_offer ("overseas-card-decline.json", NULL);

  /* An open offer's case can be prepared. */
  f->handoff = new_offer ("overseas-card-decline.json", NULL);
  hd_handoff_pane_set_handoff (f->pane, f->handoff);
  g_assert_true (gtk_widget_get_sensitive (editor_box));
  g_assert_true (save_enabled (f));

  /* Declined: read-only, and it says so, with the reason, here and under the reply box. */
  hd_handoff_set_decline_reason (f->handoff, "wrong_skill");
  g_assert_true (hd_handoff_transition (f->handoff, HD_HANDOFF_STATE_DECLINED, HD_REVOKE_REASON_NONE));
  g_assert_false (gtk_widget_get_sensitive (editor_box));
  g_assert_false (save_enabled (f));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "dirty_label")));
  g_assert_cmpstr (gtk_label_get_text (status), ==,
                   "You declined this offer (not my skill area). The case cannot be edited.");
  g_assert_cmpstr (reply_disabled_text (f), ==, "You declined this offer (not my skill area).");

  /* Expired and withdrawn offers the same. */
  g_assert_true (hd_handoff_transition (expired, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_EXPIRED));
  hd_handoff_pane_set_handoff (f->pane, expired);
  g_assert_false (gtk_widget_get_sensitive (editor_box));
  g_assert_cmpstr (gtk_label_get_text (status), ==,
                   "This offer expired before it was accepted. The case cannot be edited.");
  g_assert_true (hd_handoff_transition (withdrawn, HD_HANDOFF_STATE_REVOKED, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  hd_handoff_pane_set_handoff (f->pane, withdrawn);
  g_assert_false (gtk_widget_get_sensitive (editor_box));
  g_assert_cmpstr (reply_disabled_text (f), ==, "This offer was withdrawn: the customer left.");

  /* An accepted chat's case is editable again. */
  hd_handoff_pane_set_handoff (f->pane, NULL);
  g_clear_object (&f->handoff);
  f->handoff = new_handoff ("overseas-card-decline.json", NULL);
  hd_handoff_pane_set_handoff (f->pane, f->handoff);
  g_assert_true (gtk_widget_get_sensitive (editor_box));
}

static void
test_draft_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HdHandoff) other = new_handoff ("overseas-card-decline.json", NULL);
  g_autoptr(HdHandoff) first = NULL;

  show_existing_case (f, "emi-hardship", "loan-emi-hardship.json");
  first = g_object_ref (f->handoff);
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_NEXT_STEP, "Half-typed <i>note</i>");
  hd_case_editor_set_comment (f->editor, "Draft comment");

  /* Another chat, then back: nothing typed is gone, and it is still unsaved. The other
   * chat's new case is filled from its packet at once; the first chat's case is read again,
   * its draft kept over what Salesforce has. */
  hd_handoff_pane_set_handoff (f->pane, other);
  assert_field (f, HD_SF_CASE_NEXT_STEP, "Confirm travel dates, enable international usage for the travel "
                "period, and offer a card usage alert.");
  hd_handoff_pane_set_handoff (f->pane, first);
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  assert_field (f, HD_SF_CASE_NEXT_STEP, "Half-typed <i>note</i>");
  assert_field (f, HD_SF_CASE_STATUS, "New");
  g_assert_true (hd_case_draft_get_dirty (draft_of (f)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST CaseComment"), ==, 1);
  g_assert_cmpuint (sf_test_count_log (f->standin, "POST Case "), ==, 0);
}

static gboolean
dialog_open_cond (gpointer data)
{
  Fixture *f = data;

  return hd_case_editor_get_conflict_dialog (f->editor) != NULL;
}

/* "title: subtitle" of each action row under @widget, a line each, in tree order; none may
 * take its text as markup. */
static void
collect_rows (GtkWidget *widget,
              GString   *out)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  hd_test_collect (widget, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      g_string_append_printf (out, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
}

static void
conflict_round (Fixture    *f,
                const char *field,
                const char *mine,
                const char *theirs,
                gboolean    keep_mine)
{
  const char *case_id = hd_case_draft_get_case_id (draft_of (f));
  g_autoptr(JsonObject) colleague = json_object_new ();
  g_autofree char *server = NULL;
  g_autofree char *expected_rows = NULL;
  GString *rows = g_string_new (NULL);
  GtkWidget *attention_box = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "attention_box");
  HdConflictDialog *dialog;

  g_ptr_array_set_size (f->toasts, 0);
  hd_case_editor_set_field_text (f->editor, field, mine);
  json_object_set_string_member (colleague, field, theirs);
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, colleague));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Conflict: a colleague changed this case");
  g_assert_true (gtk_widget_get_visible (attention_box));
  g_assert_true (gtk_widget_get_sensitive (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR,
                                                                   "resolve_button")));
  g_assert_cmpstr (hd_outbox_indicator_get_summary (f->indicator), ==, "1 edit needs your attention");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (f->indicator))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "1 edit needs your attention");
  /* The agent's text stays while they decide. */
  assert_field (f, field, mine);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.resolve", NULL));
  g_assert_true (hd_test_wait_until (dialog_open_cond, f, HD_TEST_TIMEOUT_MS));
  dialog = HD_CONFLICT_DIALOG (hd_case_editor_get_conflict_dialog (f->editor));
  collect_rows (GTK_WIDGET (dialog), rows);
  expected_rows = g_strdup_printf ("Salesforce has: %s\nYou wrote: %s\n", theirs, mine);
  g_assert_cmpstr (rows->str, ==, expected_rows);
  g_string_free (rows, TRUE);
  /* The colleague's value is the default: nothing is overwritten unasked. */
  g_assert_false (hd_conflict_dialog_get_keep_mine (dialog, field));
  hd_conflict_dialog_set_keep_mine (dialog, field, keep_mine);
  g_assert_true (hd_conflict_dialog_get_keep_mine (dialog, field) == keep_mine);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "conflict.apply", NULL));
  /* Applying destroys the dialog, and the editor lets go of it. */
  HD_TEST_WAIT_UNTIL (hd_case_editor_get_conflict_dialog (f->editor) == NULL, HD_TEST_TIMEOUT_MS);
  g_assert_false (gtk_widget_get_visible (attention_box));

  if (keep_mine)
    wait_toast (f, "Saved to Salesforce");
  else
    wait_toast (f, "Kept the values Salesforce has");
  server = server_value (f, case_id, field);
  g_assert_cmpstr (server, ==, keep_mine ? mine : theirs);
  /* Either way the editor reads the case again (it asks as it says so): wait for it, so that
   * a colleague's next edit comes after that read and conflicts. */
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  wait_field (f, field, keep_mine ? mine : theirs);
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));
}

static gboolean
no_pending_cond (gpointer data)
{
  Fixture *f = data;

  return hd_outbox_get_pending_count (f->outbox) == 0;
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  show_existing_case (f, "card-block", "card-block.json");
  /* Save the bot's prefill first, so only the conflicting field differs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_assert_true (hd_test_wait_until (no_pending_cond, f, HD_TEST_TIMEOUT_MS));
  /* The editor reads the case again after a save: the colleague's edit must come after. */
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));

  conflict_round (f, HD_SF_CASE_STATUS, "Escalated", "Waiting on Customer", TRUE);
  conflict_round (f, HD_SF_CASE_PRIORITY, "Low", "Critical", FALSE);
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));
}

static gboolean
watch_connected_cond (gpointer data)
{
  Fixture *f = data;
  HdBayeuxClient *bayeux = hd_sf_case_watch_get_bayeux (hd_sf_case_watch_get_for_client (f->client));

  return hd_bayeux_client_get_state (bayeux) == HD_BAYEUX_STATE_CONNECTED &&
         hd_sf_standin_get_n_stream_clients (f->standin) >= 1;
}

/* Live case changes: a colleague's change shows before the agent saves. */
static void
test_live_changes (Fixture       *f,
                   gconstpointer  data)
{
  const char *case_id;
  GtkWidget *attention_box = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "attention_box");
  GtkLabel *attention_label = GTK_LABEL (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "attention_label"));
  g_autoptr(JsonObject) priority = json_object_new ();
  g_autoptr(JsonObject) status = json_object_new ();
  g_autofree char *server = NULL;

  show_existing_case (f, "card-block", "card-block.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  g_assert_true (hd_test_wait_until (no_pending_cond, f, HD_TEST_TIMEOUT_MS));
  g_assert_true (hd_test_wait_until (case_loaded_cond, f, HD_TEST_TIMEOUT_MS));
  /* Subscribed from the tip: only changes after this are seen. */
  g_assert_true (hd_test_wait_until (watch_connected_cond, f, HD_TEST_TIMEOUT_MS));
  case_id = hd_case_draft_get_case_id (draft_of (f));
  g_assert_false (gtk_widget_get_visible (attention_box));

  /* The agent edits Priority; a colleague sets it to something else. */
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_PRIORITY, "Low");
  json_object_set_string_member (priority, HD_SF_CASE_PRIORITY, "Critical");
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, priority));
  HD_TEST_WAIT_UNTIL (gtk_widget_get_visible (attention_box), HD_TEST_TIMEOUT_MS);
  g_assert_cmpstr (hd_case_draft_get_remote_value (draft_of (f), HD_CASE_FIELD_PRIORITY), ==, "Critical");
  g_assert_cmpstr (gtk_label_get_text (attention_label), ==,
                   "A colleague changed this case while you edit it. Priority is now “Critical” in Salesforce. "
                   "Saving will ask which value to keep.");
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "resolve_button")));
  /* The agent's text stays; nothing was saved. */
  assert_field (f, HD_SF_CASE_PRIORITY, "Low");
  g_assert_true (hd_case_draft_get_dirty (draft_of (f)));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);

  /* A field the agent did not touch simply takes the colleague's value. */
  json_object_set_string_member (status, HD_SF_CASE_STATUS, "Waiting on Customer");
  g_assert_true (hd_sf_standin_edit_record (f->standin, "Case", case_id, status));
  wait_field (f, HD_SF_CASE_STATUS, "Waiting on Customer");
  g_assert_null (hd_case_draft_get_remote_value (draft_of (f), HD_CASE_FIELD_STATUS));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
  assert_field (f, HD_SF_CASE_PRIORITY, "Low");
  g_assert_true (gtk_widget_get_visible (attention_box));

  /* Saving does not overwrite the colleague unasked: it asks. */
  g_ptr_array_set_size (f->toasts, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Conflict: a colleague changed this case");
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "resolve_button")));
  server = server_value (f, case_id, HD_SF_CASE_PRIORITY);
  g_assert_cmpstr (server, ==, "Critical");
}

static void
test_rejected (Fixture       *f,
               gconstpointer  data)
{
  const char *case_id;
  g_autofree char *status = NULL;
  GtkLabel *error_label;
  GtkWidget *status_error_row;
  GtkWidget *status_row;

  show_existing_case (f, "kyc-documents", "kyc-document-issue.json");
  case_id = hd_case_draft_get_case_id (draft_of (f));
  status_error_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_error_row");
  status_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_row");

  /* A picklist value the org does not have (ours is not read from describe). */
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_STATUS, "On Hold");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Salesforce refused the change — see the marked fields");

  error_label = GTK_LABEL (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_error_label"));
  g_assert_true (gtk_widget_get_visible (status_error_row));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, hd_case_draft_get_field_error (draft_of (f), HD_CASE_FIELD_STATUS));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "bad value for restricted picklist"));
  g_assert_null (hd_case_draft_get_field_error (draft_of (f), HD_CASE_FIELD_PRIORITY));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR,
                                                                  "priority_error_row")));
  g_assert_true (gtk_widget_has_css_class (status_row, "error"));
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "discard_button")));
  /* Nothing typed is lost. */
  assert_field (f, HD_SF_CASE_STATUS, "On Hold");
  g_assert_true (hd_case_draft_get_dirty (draft_of (f)));

  /* Amend: correct the field and save again; the same entry goes out. */
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_STATUS, "Working");
  g_ptr_array_set_size (f->toasts, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Saved to Salesforce");
  status = server_value (f, case_id, "Status");
  g_assert_cmpstr (status, ==, "Working");
  g_assert_null (hd_case_draft_get_field_error (draft_of (f), HD_CASE_FIELD_STATUS));
  g_assert_false (gtk_widget_get_visible (status_error_row));
  g_assert_false (gtk_widget_has_css_class (status_row, "error"));
  g_assert_cmpuint (hd_outbox_get_pending_count (f->outbox), ==, 0);
}

static gboolean
summary_is_cond (gpointer data)
{
  gpointer *args = data;
  Fixture *f = args[0];

  return g_strcmp0 (hd_outbox_indicator_get_summary (f->indicator), args[1]) == 0;
}

static void
wait_summary (Fixture    *f,
              const char *summary)
{
  gpointer args[] = { f, (gpointer) summary };

  g_assert_true (hd_test_wait_until (summary_is_cond, args, HD_TEST_TIMEOUT_MS));
}

static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  const char *case_id;
  g_autofree char *next = NULL;
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (f->indicator));
  GtkLabel *badge;

  show_existing_case (f, "merchant-dispute", "fraud-report.json");
  case_id = hd_case_draft_get_case_id (draft_of (f));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->indicator)));
  g_assert_cmpstr (hd_outbox_indicator_get_summary (f->indicator), ==, "All edits sent to Salesforce");

  /* Salesforce unreachable: every request's connection drops. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_DROP, G_MAXUINT);
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_NEXT_STEP, "Raise chargeback with the merchant");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  wait_toast (f, "Queued — will send when Salesforce is reachable");
  wait_summary (f, "Offline — 1 edit queued");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Offline — 1 edit queued");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Offline — 1 edit queued");
  badge = GTK_LABEL (hd_test_template_child (f->indicator, HD_TYPE_OUTBOX_INDICATOR, "badge_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge)));
  g_assert_cmpstr (gtk_label_get_text (badge), ==, "1");
  /* Queued is saved as far as the agent is concerned: nothing unsaved. */
  g_assert_false (hd_case_draft_get_dirty (draft_of (f)));

  /* Back online: the outbox flushes it. */
  hd_sf_standin_set_fault (f->standin, HD_SF_STANDIN_FAULT_NONE, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->indicator), "outbox.retry-now", NULL);
  wait_toast (f, "Saved to Salesforce");
  wait_summary (f, "All edits sent to Salesforce");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge)));
  next = server_value (f, case_id, "Next_Step__c");
  g_assert_cmpstr (next, ==, "Raise chargeback with the merchant");
}

static char *
dup_model_strings (GtkStringList *model)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", gtk_string_list_get_string (model, i));
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gboolean
model_is_cond (gpointer data)
{
  gpointer *args = data;
  g_autofree char *values = dup_model_strings (args[0]);

  return g_strcmp0 (values, args[1]) == 0;
}

static void
wait_model (GtkStringList *model,
            const char    *expected)
{
  gpointer args[] = { model, (gpointer) expected };

  if (!hd_test_wait_until (model_is_cond, args, HD_TEST_TIMEOUT_MS))
    {
      g_autofree char *values = dup_model_strings (model);

      g_assert_cmpstr (values, ==, expected);
    }
}

static gboolean
has_describe (Fixture *f)
{
  return hd_case_draft_get_describe (draft_of (f)) != NULL;
}

/* The editor shows only the fields and values the org's describe offers:
 * Type and Subcategory become the org's lists, Subcategory follows Type
 * (a dependent picklist), a case's record type narrows the values.  The
 * describe is read once per sign-in, not per case, and again when a save
 * is refused for a value it offered. */
static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  static const char * const priorities[] = { "Low", "Medium", "High", NULL };
  GtkWidget *next_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "next_step_row");
  GtkWidget *type_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "type_row");
  GtkWidget *type_combo = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "type_combo");
  GtkWidget *subcategory_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "subcategory_row");
  GtkWidget *subcategory_combo = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "subcategory_combo");
  GtkWidget *disposition_row = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "disposition_row");
  GtkStringList *status_model = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "status_model");
  GtkStringList *priority_model = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "priority_model");
  GtkStringList *type_model = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "type_model");
  GtkStringList *subcategory_model = hd_test_template_child (f->editor, HD_TYPE_CASE_EDITOR, "subcategory_model");
  g_autofree char *statuses = NULL;
  g_autofree char *leaf = NULL;
  g_autofree char *cache = NULL;

  show_existing_case (f, "emi-hardship", "loan-emi-hardship.json");
  HD_TEST_WAIT_UNTIL (has_describe (f), HD_TEST_TIMEOUT_MS);

  /* The org's labels and active values, in its order. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (type_combo)), ==, "Case Type");
  g_assert_true (gtk_widget_get_visible (next_row));
  statuses = dup_model_strings (status_model);
  g_assert_cmpstr (statuses, ==, "New,Working,Waiting on Customer,Escalated,Closed");
  assert_field (f, HD_SF_CASE_PRIORITY, "High");

  /* Type and Subcategory are picklists in the org: lists, not free text;
   * Disposition is text. */
  g_assert_false (gtk_widget_get_visible (type_row));
  g_assert_true (gtk_widget_get_visible (type_combo));
  g_assert_false (gtk_widget_get_visible (subcategory_row));
  g_assert_true (gtk_widget_get_visible (subcategory_combo));
  g_assert_true (gtk_widget_get_visible (disposition_row));
  wait_model (type_model, "card_service_request,card_replacement,fraud_claim,dispute,hardship_request,"
                          "loan_query,kyc_update,payment_investigation");
  assert_field (f, HD_SF_CASE_TYPE, "hardship_request");
  /* The row reads the org's label for the value it stores and sends. */
  {
    g_auto(GValue) shown = G_VALUE_INIT;

    g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (ADW_COMBO_ROW (type_combo)),
                                            adw_combo_row_get_selected_item (ADW_COMBO_ROW (type_combo)), &shown));
    g_assert_cmpstr (g_value_get_string (&shown), ==, "Hardship request");
  }
  wait_model (subcategory_model, "job_loss");
  assert_field (f, HD_SF_CASE_SUBCATEGORY, "job_loss");

  /* Choosing another Type offers its Subcategories. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_combo), 5);
  g_assert_cmpstr (hd_case_draft_get_field (draft_of (f), HD_CASE_FIELD_TYPE), ==, "loan_query");
  wait_model (subcategory_model, "emi_change,job_loss");
  adw_combo_row_set_selected (ADW_COMBO_ROW (subcategory_combo), 0);
  g_assert_cmpstr (hd_case_draft_get_field (draft_of (f), HD_CASE_FIELD_SUBCATEGORY), ==, "emi_change");
  wait_model (subcategory_model, "emi_change");

  /* The administrator removes the next-step field and the Critical
   * priority.  The next case does not read the describe again... */
  hd_sf_standin_remove_field (f->standin, "Case", "Next_Step__c");
  hd_sf_standin_set_picklist (f->standin, "Priority", priorities, "Medium");
  g_clear_object (&f->handoff);
  show_existing_case (f, "card-block", "card-block.json");
  g_assert_cmpuint (hd_sf_standin_get_n_describes (f->standin, NULL), ==, 1);
  g_assert_true (gtk_widget_get_visible (next_row));

  /* ...but its record type (Card Services) has its own Types. */
  wait_model (type_model, "card_service_request,card_replacement,fraud_claim,dispute");
  assert_field (f, HD_SF_CASE_TYPE, "card_replacement");
  wait_model (subcategory_model, "lost,damaged");

  /* A save refused for the retired Critical reads the describe again. */
  hd_case_editor_set_field_text (f->editor, HD_SF_CASE_PRIORITY, "Critical");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.save", NULL));
  HD_TEST_WAIT_UNTIL (!gtk_widget_get_visible (next_row), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_sf_standin_get_n_describes (f->standin, NULL), ==, 2);
  wait_model (priority_model, "Low,Medium,High,Critical");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "case.discard", NULL));
  wait_model (priority_model, "Low,Medium,High");
  assert_field (f, HD_SF_CASE_PRIORITY, "High");

  /* The next stand-in is another org with the same id. */
  leaf = g_strdup_printf ("%s-Case-describe.json", hd_sf_standin_get_org_id (f->standin));
  cache = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", leaf, NULL);
  g_unlink (cache);
}

static void
test_indicator_words (void)
{
  static const struct
  {
    HdOutboxState state;
    guint         pending;
    guint         attention;
    const char   *words;
  } cases[] = {
    { HD_OUTBOX_STATE_IDLE, 0, 0, "All edits sent to Salesforce" },
    { HD_OUTBOX_STATE_IDLE, 2, 0, "2 edits waiting to send" },
    { HD_OUTBOX_STATE_IDLE, 1, 0, "1 edit waiting to send" },
    { HD_OUTBOX_STATE_OFFLINE, 3, 0, "Offline — 3 edits queued" },
    { HD_OUTBOX_STATE_NEEDS_ATTENTION, 1, 1, "1 edit needs your attention" },
    { HD_OUTBOX_STATE_OFFLINE, 4, 2, "2 edits need your attention" },
    { HD_OUTBOX_STATE_SIGNED_OUT, 1, 0, "Signed out — 1 edit waits for you to sign in" },
    { HD_OUTBOX_STATE_BACKING_OFF, 5, 0, "Salesforce is busy — 5 edits queued" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hd_outbox_indicator_describe (cases[i].state, cases[i].pending, cases[i].attention);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* The sign-in row, with the real keyring of the test session. */

static gboolean
title_is_cond (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (hd_sign_in_row_get_title (args[0]), args[1]) == 0;
}

static void
wait_title (HdSignInRow *row,
            const char  *title)
{
  gpointer args[] = { row, (gpointer) title };

  g_test_message ("waiting for \"%s\" (now \"%s\")", title, hd_sign_in_row_get_title (row));
  g_assert_true (hd_test_wait_until (title_is_cond, args, HD_TEST_TIMEOUT_MS));
}

static gboolean
can_sign_in_cond (gpointer data)
{
  GtkWidget *button = hd_test_template_child (data, HD_TYPE_SIGN_IN_ROW, "sign_in_button");

  return gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button);
}

static gboolean
revoked_cond (gpointer data)
{
  return hd_sf_standin_get_n_revocations (data) >= 1;
}

static gboolean
has_message_cond (gpointer data)
{
  return hd_sign_in_row_get_message (data) != NULL;
}

static void
test_sign_in_row (void)
{
  g_autoptr(HdSfStandin) standin = sf_test_new_standin ();
  g_autoptr(HdOAuth) oauth = sf_test_new_oauth (standin);
  g_autoptr(HdTokenStore) store = hd_keyring_token_store_new ();
  g_autoptr(HdSfAuth) auth = hd_sf_auth_new (oauth, store);
  g_autoptr(HdSfClient) client = hd_sf_client_new (auth, "v64.0");
  g_autoptr(HdTokenStore) failing = hd_memory_token_store_new ();
  g_autoptr(HdSfAuth) locked = hd_sf_auth_new (oauth, failing);
  GtkWindow *window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  HdSignInRow *row = HD_SIGN_IN_ROW (hd_sign_in_row_new ());
  g_autofree char *signed_in = g_strdup_printf ("Signed in as Asha Verma (127.0.0.1:%u)",
                                                hd_sf_standin_get_port (standin));
  AdwActionRow *account_row;
  GtkWidget *sign_out_button;
  SfTestAsync async = { 0 };
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *) &row);
  gtk_window_set_child (window, GTK_WIDGET (row));
  gtk_window_present (window);
  g_assert_cmpstr (hd_sign_in_row_get_title (row), ==, "Salesforce is not set up");

  hd_sign_in_row_set_auth (row, auth);
  hd_sign_in_row_set_open_uri_func (row, hd_demo_browser_open_uri, NULL);
  g_assert_cmpstr (hd_sign_in_row_get_title (row), ==, "Not signed in");
  account_row = ADW_ACTION_ROW (hd_test_template_child (row, HD_TYPE_SIGN_IN_ROW, "account_row"));
  sign_out_button = hd_test_template_child (row, HD_TYPE_SIGN_IN_ROW, "sign_out_button");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (account_row)));
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (row, HD_TYPE_SIGN_IN_ROW, "sign_in_button")));

  /* Sign in through the whole PKCE flow; the name comes from the identity URL. */
  g_assert_true (hd_test_wait_until (can_sign_in_cond, row, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "account.sign-in", NULL));
  wait_title (row, signed_in);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (account_row)), ==, signed_in);
  g_assert_null (hd_sign_in_row_get_message (row));
  g_assert_true (gtk_widget_get_visible (sign_out_button));

  /* Sign out revokes the token. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "account.sign-out", NULL));
  wait_title (row, "Not signed in");
  g_test_message ("waiting for the revocation");
  g_assert_true (hd_test_wait_until (revoked_cond, standin, HD_TEST_TIMEOUT_MS));
  g_assert_false (gtk_widget_get_visible (sign_out_button));

  /* Salesforce ends the session (invalid_grant on refresh): said in words. */
  g_assert_true (hd_test_wait_until (can_sign_in_cond, row, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "account.sign-in", NULL));
  wait_title (row, signed_in);
  hd_sf_standin_revoke_all (standin);
  hd_sf_standin_expire_access_tokens (standin);
  hd_sf_client_get_record_async (client, "Case", hd_sf_standin_get_demo_case_id (standin, "card-block"),
                                 NULL, sf_test_async_cb, &async);
  g_assert_null (hd_sf_client_get_record_finish (client, sf_test_async_wait (&async), &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_AUTH);
  sf_test_async_clear (&async);
  wait_title (row, "Not signed in");
  g_assert_cmpstr (hd_sign_in_row_get_message (row), ==,
                   "Your Salesforce session has ended. Sign in again; edits waiting to be sent are kept.");
  g_assert_true (gtk_widget_get_visible (hd_test_template_child (row, HD_TYPE_SIGN_IN_ROW, "message_label")));

  /* A keyring that cannot take the tokens: a clear message, no session. */
  hd_memory_token_store_set_fail (HD_MEMORY_TOKEN_STORE (failing), TRUE);
  hd_sign_in_row_set_auth (row, locked);
  g_assert_null (hd_sign_in_row_get_message (row));
  g_assert_true (hd_test_wait_until (can_sign_in_cond, row, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "account.sign-in", NULL));
  g_assert_true (hd_test_wait_until (has_message_cond, row, HD_TEST_TIMEOUT_MS));
  g_test_message ("keyring message: %s", hd_sign_in_row_get_message (row));
  g_assert_true (g_str_has_prefix (hd_sign_in_row_get_message (row), "Could not sign in: "));
  g_assert_nonnull (strstr (hd_sign_in_row_get_message (row), "keyring"));
  g_assert_cmpstr (hd_sign_in_row_get_title (row), ==, "Not signed in");
  g_assert_false (hd_sf_auth_get_signed_in (locked));

  gtk_window_destroy (window);
  /* Nothing of ours keeps the row alive once its window is gone. */
  HD_TEST_WAIT_UNTIL (row == NULL, HD_TEST_TIMEOUT_MS);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sf_test_root = hd_test_init_xdg ();
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/case-editor/indicator-words", test_indicator_words);
  g_test_add ("/hd/ui/case-editor/not-connected", Fixture, GINT_TO_POINTER (1), fixture_setup,
              test_not_connected, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/prefill-and-save", Fixture, NULL, fixture_setup,
              test_prefill_and_save, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/ended-offer", Fixture, NULL, fixture_setup, test_ended_offer, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/draft-kept", Fixture, NULL, fixture_setup, test_draft_kept, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/live-changes", Fixture, NULL, fixture_setup, test_live_changes, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/rejected", Fixture, NULL, fixture_setup, test_rejected, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);
  g_test_add ("/hd/ui/case-editor/describe", Fixture, NULL, fixture_setup, test_describe, fixture_teardown);
  g_test_add_func ("/hd/ui/case-editor/sign-in-row", test_sign_in_row);

  ret = hd_test_ui_run (test_app);
  hd_test_rm_rf (sf_test_root);
  g_free (sf_test_root);
  return ret;
}
