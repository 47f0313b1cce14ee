/* test-ui-reveal.c: reveal, audit trail and recording export on the demo session
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-agent-view.h"
#include "hd-audit-view.h"
#include "hd-customer-card.h"
#include "hd-handoff-pane.h"
#include "hd-journal-dialogs.h"
#include "hd-journal-verify.h"
#include "hd-session.h"
#include "hd-test-demo.h"
#include "hd-test-gtk-utils.h"
#include "hd-window.h"

static HdApplication *test_app;

typedef struct
{
  char      *dir;
  HdDemo    *demo;
  HdSession *session;
  HdWindow  *window;
  HdHandoff *first;     /* owned */
} Fixture;

static HdAgentView *
agent_view (Fixture *fixture)
{
  return HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
}

static HdHandoffPane *
pane (Fixture *fixture)
{
  return HD_HANDOFF_PANE (hd_test_template_child (agent_view (fixture), HD_TYPE_AGENT_VIEW, "pane"));
}

static GSettings *
settings (void)
{
  return hd_application_get_settings (test_app);
}

static gboolean
three_offers_connected (gpointer data)
{
  Fixture *fixture = data;
  HdFeedClient *feed = hd_session_get_feed (fixture->session);

  return hd_feed_client_get_state (feed) == HD_FEED_CLIENT_STATE_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))) >= 3;
}

static gboolean
first_accepted (gpointer data)
{
  Fixture *fixture = data;

  return hd_handoff_get_state (fixture->first) == HD_HANDOFF_STATE_ACCEPTED;
}

/* hd_test_find_toplevel () tells windows by type; the dialogs here are all
 * AdwMessageDialogs, told apart by name. */
static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer name)
{
  return find_toplevel (name) != NULL;
}

static GtkWidget *
wait_for_toplevel (const char *name)
{
  g_assert_true (hd_test_wait_until (toplevel_shown, (gpointer) name, HD_TEST_TIMEOUT_MS));
  return find_toplevel (name);
}

/* The first widget of @type under @widget named @name (any name when NULL), or NULL. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  hd_test_collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    if (name == NULL || g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (found, i)), name) == 0)
      return g_ptr_array_index (found, i);
  return NULL;
}

/* Whether the journal holds an event of @type for the fixture's first handoff, as the audit
 * trail and the recording read it. The session writes an agent's action as it happens,
 * unless an offer is being presented just then: it follows that offer's record. */
static gboolean
journaled (Fixture    *fixture,
           const char *type)
{
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = hd_journal_collect_handoff (hd_journal_get_directory (journal),
                                                            hd_handoff_get_handoff_id (fixture->first),
                                                            &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (hd_journal_event_get_event_type (g_ptr_array_index (events, i)), type) == 0)
      return TRUE;
  return FALSE;
}

/* What a click on a response button does: respond, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
close_dialogs (void)
{
  GtkWidget *other;

  for (const char * const *name = (const char * const[]) { "reveal-reason-dialog", "reveal-value-dialog",
                                                             "reveal-refused-dialog", "audit-window",
                                                             "export-choice-dialog", NULL };
       *name != NULL; name++)
    while ((other = find_toplevel (*name)) != NULL)
      gtk_window_destroy (GTK_WINDOW (other));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings (), "allow-reveal");
  fixture->dir = g_dir_make_tmp ("hd-ui-reveal-XXXXXX", NULL);
  fixture->demo = hd_demo_new ();
  fixture->session = hd_test_demo_session_new (fixture->demo, fixture->dir, &error);
  g_assert_no_error (error);

  fixture->window = hd_window_new (test_app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  hd_window_set_session (fixture->window, fixture->session);
  hd_session_start (fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (hd_test_wait_until (three_offers_connected, fixture, HD_TEST_TIMEOUT_MS));

  /* Selecting shows the handoff in the pane, its reveal buttons included, at once. */
  fixture->first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  hd_agent_view_set_selected_handoff (agent_view (fixture), fixture->first);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_dialogs ();
  hd_session_stop (fixture->session);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* The window lets go of the session before the session goes. */
  HD_TEST_WAIT_UNTIL (fixture->window == NULL, HD_TEST_TIMEOUT_MS);
  g_clear_object (&fixture->first);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->demo);
  g_settings_reset (settings (), "allow-reveal");
  g_free (fixture->dir);
}

static guint
count_reveal_buttons (Fixture *fixture,
                      guint   *n_visible)
{
  GtkWidget *grid = hd_test_template_child (hd_test_template_child (pane (fixture), HD_TYPE_HANDOFF_PANE, "customer_card"),
                                            HD_TYPE_CUSTOMER_CARD, "customer_grid");
  guint n = 0;

  *n_visible = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "reveal-button"))
      {
        n++;
        if (gtk_widget_get_visible (c))
          (*n_visible)++;
      }
  return n;
}

static char *
read_journal (Fixture *fixture)
{
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  GString *all = g_string_new (NULL);

  g_assert_true (hd_journal_sync (journal, &error));
  g_assert_no_error (error);
  files = hd_journal_list_files (hd_journal_get_directory (journal), &error);
  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *data = NULL;

      g_file_get_contents (files[i], &data, NULL, &error);
      g_assert_no_error (error);
      g_string_append (all, data);
    }
  return g_string_free (all, FALSE);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

static void
test_reveal_policy (Fixture       *fixture,
                    gconstpointer  data)
{
  guint visible = 0;

  /* Policy off (the default): buttons exist for the masked accounts but stay hidden. */
  g_assert_false (g_settings_get_boolean (settings (), "allow-reveal"));
  g_assert_false (hd_handoff_pane_get_allow_reveal (pane (fixture)));
  g_assert_cmpuint (count_reveal_buttons (fixture, &visible), >=, 1);
  g_assert_cmpuint (visible, ==, 0);
  /* And the action asks nothing of the window. The pane asks through a signal, and the
   * window presents its dialog in the handler, so none has come once the action returns. */
  gtk_widget_activate_action (GTK_WIDGET (pane (fixture)), "pane.reveal", "(bu)", FALSE, 0);
  g_assert_null (find_toplevel ("reveal-reason-dialog"));

  /* Policy on, through the application's settings. */
  g_settings_set_boolean (settings (), "allow-reveal", TRUE);
  g_assert_true (hd_handoff_pane_get_allow_reveal (pane (fixture)));
  {
    guint n = count_reveal_buttons (fixture, &visible);

    g_assert_cmpuint (n, >=, 1);
    g_assert_cmpuint (visible, ==, n);
  }

  g_settings_set_boolean (settings (), "allow-reveal", FALSE);
  count_reveal_buttons (fixture, &visible);
  g_assert_cmpuint (visible, ==, 0);
}

static void
test_reveal_with_reason (Fixture       *fixture,
                         gconstpointer  data)
{
  HdPacket *packet = hd_handoff_get_packet (fixture->first);
  g_autoptr(HdAccountRef) account = g_list_model_get_item (hd_customer_get_accounts (hd_packet_get_customer (packet)), 0);
  g_autofree char *raw = hd_packet_reveal_account_id (packet, account);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GtkWidget *value_dialog;
  GtkWidget *label;

  g_assert_nonnull (raw);
  g_assert_cmpstr (raw, !=, hd_account_ref_get_masked_id (account));
  g_settings_set_boolean (settings (), "allow-reveal", TRUE);

  /* An empty reason cannot reveal: the response is disabled, and forcing it refuses. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane (fixture)), "pane.reveal", "(bu)", FALSE, 0));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel ("reveal-reason-dialog"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reveal"));
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "reveal-reason-entry");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reveal"));
  before = read_journal (fixture);
  respond (dialog, "reveal");
  wait_for_toplevel ("reveal-refused-dialog");
  g_assert_null (find_toplevel ("reveal-value-dialog"));
  close_dialogs ();
  after = read_journal (fixture);
  g_assert_cmpuint (count (after, "\"type\":\"reveal\""), ==, count (before, "\"type\":\"reveal\""));
  g_clear_pointer (&after, g_free);

  /* With a reason: journaled first, with who and why, then shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane (fixture)), "pane.reveal", "(bu)", FALSE, 0));
  dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel ("reveal-reason-dialog"));
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, "reveal-reason-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Customer disputes a card charge");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reveal"));
  respond (dialog, "reveal");

  value_dialog = wait_for_toplevel ("reveal-value-dialog");
  label = find_descendant (value_dialog, GTK_TYPE_LABEL, "reveal-value-label");
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, raw);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));

  /* It closes on demand (and by itself after HD_REVEAL_SHOW_SECONDS). */
  respond (ADW_MESSAGE_DIALOG (value_dialog), "close");
  HD_TEST_WAIT_UNTIL (find_toplevel ("reveal-value-dialog") == NULL, HD_TEST_TIMEOUT_MS);

  after = read_journal (fixture);
  g_assert_cmpuint (count (after, "\"type\":\"reveal\""), ==, count (before, "\"type\":\"reveal\"") + 1);
  g_assert_nonnull (strstr (after, "Customer disputes a card charge"));
  g_assert_nonnull (strstr (after, hd_session_get_agent_id (fixture->session)));
  g_assert_null (strstr (after, raw));
  {
    /* Nor the bare digits of it. */
    g_autoptr(GString) digits = g_string_new (NULL);

    for (const char *p = raw; *p != '\0'; p++)
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    if (digits->len > 4)
      g_assert_null (strstr (after, digits->str));
  }
}

static void
test_audit_trail (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *customer = hd_customer_get_name (hd_packet_get_customer (hd_handoff_get_packet (fixture->first)));
  g_autofree char *title = g_strdup_printf ("Audit Trail — %s", customer);
  const char * const *actions;
  GtkWidget *window;
  GtkWidget *view;
  HdAuditTrail *trail;
  gboolean accepted = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "agent.accept", NULL));
  g_assert_true (hd_test_wait_until (first_accepted, fixture, HD_TEST_TIMEOUT_MS));
  /* The trail is read from the journal: the acceptance must be there first. */
  HD_TEST_WAIT_UNTIL (journaled (fixture, HD_EVENT_ACCEPT), HD_TEST_TIMEOUT_MS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane (fixture)), "pane.show-audit", NULL));
  window = wait_for_toplevel ("audit-window");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  view = find_descendant (window, HD_TYPE_AUDIT_VIEW, NULL);
  g_assert_nonnull (view);
  /* The journal is read in a worker thread; the view is busy until then. */
  HD_TEST_WAIT_UNTIL (!hd_audit_view_get_busy (HD_AUDIT_VIEW (view)), HD_TEST_TIMEOUT_MS);
  trail = hd_audit_view_get_trail (HD_AUDIT_VIEW (view));
  g_assert_nonnull (trail);
  g_assert_cmpstr (hd_audit_trail_get_handoff_id (trail), ==, hd_handoff_get_handoff_id (fixture->first));

  g_assert_nonnull (hd_audit_trail_get_items (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED)[0]);
  g_assert_nonnull (hd_audit_trail_get_items (trail, HD_AUDIT_SECTION_WHY_ESCALATED)[0]);
  actions = hd_audit_trail_get_items (trail, HD_AUDIT_SECTION_AGENT_ACTIONS);
  for (guint i = 0; actions[i] != NULL; i++)
    accepted |= strstr (actions[i], "accepted the handoff") != NULL;
  g_assert_true (accepted);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Exports as the file chooser's answer does, and waits for the worker. */
static gboolean
export_to_file (Fixture                *fixture,
                const char             *handoff_id,
                GFile                  *file,
                HdRecordingRedactFlags  flags)
{
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exported;

  hd_journal_dialogs_export_to_file_async (GTK_WINDOW (fixture->window), journal, handoff_id, file, flags,
                                           export_done_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  exported = hd_journal_dialogs_export_to_file_finish (GTK_WINDOW (fixture->window), result, &error);
  g_assert_no_error (error);
  return exported;
}

static void
test_export_recording (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *id = hd_handoff_get_handoff_id (fixture->first);
  const char *customer = hd_customer_get_name (hd_packet_get_customer (hd_handoff_get_packet (fixture->first)));
  g_autofree char *plain_path = g_build_filename (fixture->dir, "plain.hdrec", NULL);
  g_autofree char *redacted_path = g_build_filename (fixture->dir, "redacted.hdrec", NULL);
  g_autoptr(GFile) plain = g_file_new_for_path (plain_path);
  g_autoptr(GFile) redacted = g_file_new_for_path (redacted_path);
  g_autofree char *plain_data = NULL;
  g_autofree char *redacted_data = NULL;
  g_autofree char *report = NULL;
  AdwMessageDialog *choice;

  g_assert_nonnull (customer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "agent.accept", NULL));
  g_assert_true (hd_test_wait_until (first_accepted, fixture, HD_TEST_TIMEOUT_MS));
  /* The recording is read from the journal: the offer and its acceptance must be there. */
  HD_TEST_WAIT_UNTIL (journaled (fixture, HD_EVENT_ACCEPT), HD_TEST_TIMEOUT_MS);

  /* The menu item first asks whether to redact; the file chooser follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane (fixture)), "pane.export-recording", NULL));
  choice = ADW_MESSAGE_DIALOG (wait_for_toplevel ("export-choice-dialog"));
  g_assert_true (adw_message_dialog_has_response (choice, "export"));
  g_assert_true (adw_message_dialog_has_response (choice, "redacted"));
  respond (choice, "cancel");
  HD_TEST_WAIT_UNTIL (find_toplevel ("export-choice-dialog") == NULL, HD_TEST_TIMEOUT_MS);

  g_assert_true (export_to_file (fixture, id, plain, HD_RECORDING_REDACT_NONE));
  g_assert_cmpint (hd_journal_verify_report (plain_path, &report), ==, 0);
  g_clear_pointer (&report, g_free);
  g_assert_true (g_file_get_contents (plain_path, &plain_data, NULL, NULL));
  g_assert_nonnull (strstr (plain_data, customer));

  g_assert_true (export_to_file (fixture, id, redacted, HD_RECORDING_REDACT_ALL));
  g_assert_cmpint (hd_journal_verify_report (redacted_path, &report), ==, 0);
  g_assert_true (g_file_get_contents (redacted_path, &redacted_data, NULL, NULL));
  g_assert_null (strstr (redacted_data, customer));
  g_assert_nonnull (strstr (redacted_data, id));
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add ("/hd/ui/reveal/policy", Fixture, NULL, fixture_setup, test_reveal_policy, fixture_teardown);
  g_test_add ("/hd/ui/reveal/with-reason", Fixture, NULL, fixture_setup, test_reveal_with_reason, fixture_teardown);
  g_test_add ("/hd/ui/reveal/audit-trail", Fixture, NULL, fixture_setup, test_audit_trail, fixture_teardown);
  g_test_add ("/hd/ui/reveal/export", Fixture, NULL, fixture_setup, test_export_recording, fixture_teardown);

  return hd_test_ui_run (test_app);
}
