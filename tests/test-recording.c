/* test-recording.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hd-audit-trail.h"
#include "hd-error.h"
#include "hd-journal.h"
#include "hd-journal-verify.h"
#include "hd-packet-parser.h"
#include "hd-recording.h"
#include "hd-trainer-notes.h"
#include "test-journal-scenario.h"
#include "hd-test-utils.h"

typedef struct
{
  char *dir;
  char *journal_dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hd_test_make_tmp_dir ("hd-recording-XXXXXX");
  f->journal_dir = g_build_filename (f->dir, "journal", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->journal_dir);
}

typedef void (*ScenarioFunc) (Scenario *s);

/* Journals the good and the broken handoff interleaved, as a desk would. */
static void
write_journal (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (f->journal_dir, NULL, &error);
  Scenario good, broken;
  guint i = 0, j = 0;

  g_assert_no_error (error);
  scenario_good_handoff (&good);
  scenario_broken_handoff (&broken);
  while (i < good.events->len || j < broken.events->len)
    {
      if (i < good.events->len)
        g_assert_true (hd_journal_append (journal, g_ptr_array_index (good.events, i++), &error));
      if (j < broken.events->len)
        g_assert_true (hd_journal_append (journal, g_ptr_array_index (broken.events, j++), &error));
      g_assert_no_error (error);
    }
  scenario_clear (&good);
  scenario_clear (&broken);
}

static HdRecording *
export_and_open (Fixture                *f,
                 const char             *handoff,
                 HdRecordingRedactFlags  flags,
                 GFile                 **out_file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat (handoff, flags ? "-redacted" : "", HD_RECORDING_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HdRecording *recording;

  g_assert_true (hd_journal_export_recording (f->journal_dir, handoff, file, flags, &error));
  g_assert_no_error (error);
  g_assert_true (hd_journal_verify_file (path, NULL, &error));
  g_assert_no_error (error);
  recording = hd_recording_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  if (out_file != NULL)
    *out_file = g_steal_pointer (&file);
  return recording;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(HdJournalEvent) first = NULL;
  HdRecording *recording;

  write_journal (f);
  recording = export_and_open (f, "ho-2026-11-24-000187", HD_RECORDING_REDACT_NONE, &file);
  g_assert_cmpstr (hd_recording_get_handoff_id (recording), ==, "ho-2026-11-24-000187");
  g_assert_cmpuint (hd_recording_get_n_events (recording), ==, 11);
  g_assert_false (hd_recording_get_redacted (recording));
  g_assert_nonnull (hd_recording_get_exported_at (recording));
  g_assert_cmpuint (strlen (hd_recording_get_last_hash (recording)), ==, 64);
  g_assert_cmpstr (hd_recording_get_event_type (recording, 0), ==, HD_EVENT_OFFER);
  g_assert_cmpstr (hd_recording_get_event_type (recording, 10), ==, HD_EVENT_WRAP_UP);
  g_assert_cmpint (hd_recording_get_event_time (recording, 1) - hd_recording_get_event_time (recording, 0),
                   ==, 21 * G_USEC_PER_SEC);

  /* A self-contained chain: header at seq 0 from the genesis hash. */
  contents = hd_test_read_file (g_file_peek_path (file), NULL);
  g_assert_true (g_str_has_prefix (contents, "{\"v\":1,\"seq\":0,"));
  g_assert_nonnull (strstr (contents, "\"type\":\"recording-header\""));
  g_assert_nonnull (strstr (contents, "\"event_count\":11"));
  g_assert_null (strstr (contents, "ho-2026-11-24-000233"));
  first = hd_recording_dup_event (recording, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hd_journal_event_get_seq (first), ==, 1);

  g_assert_finalize_object (recording);

  /* Nothing to export. */
  g_assert_false (hd_journal_export_recording (f->journal_dir, "ho-none", file, 0, &error));
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
}

static void
test_redact (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) names_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names_only = NULL;
  g_autoptr(HdRecording) recording = NULL;
  g_autoptr(HdRecording) names = NULL;
  g_autoptr(HdJournalState) state = NULL;
  g_autoptr(HdPacket) packet = NULL;
  JsonNode * const *turns;
  guint n_turns;

  write_journal (f);
  recording = export_and_open (f, "ho-2026-11-24-000187", HD_RECORDING_REDACT_ALL, &file);
  g_assert_true (hd_recording_get_redacted (recording));
  g_assert_cmpuint (hd_recording_get_n_events (recording), ==, 11);

  contents = hd_test_read_file (g_file_peek_path (file), NULL);
  g_assert_null (strstr (contents, "Priya"));
  g_assert_null (strstr (contents, "Raman"));
  g_assert_null (strstr (contents, "Meera"));
  g_assert_null (strstr (contents, "Dubai"));
  g_assert_null (strstr (contents, "agent-0412"));
  g_assert_nonnull (strstr (contents, "\"name\":\"Alex Morgan\""));
  g_assert_nonnull (strstr (contents, "\"actor\":{\"kind\":\"agent\",\"id\":\"agent-1\"}"));
  g_assert_nonnull (strstr (contents, "\"text\":\"[redacted: 4 words]\""));
  /* Structure, enums and ids stay. */
  g_assert_nonnull (strstr (contents, "\"reason\":\"regulated_action\""));
  g_assert_nonnull (strstr (contents, "\"skill_group\":\"cards_international\""));
  g_assert_nonnull (strstr (contents, "\"status\":201"));
  /* The data's display names stay, so Trainer shows them and not the table's. */
  g_assert_nonnull (strstr (contents, "\"skill_group_label\":\"Cards abroad 24x7\""));
  g_assert_nonnull (strstr (contents, "\"flow_label\":\"Declined card payment\""));
  g_assert_nonnull (strstr (contents, "\"type_label\":\"Card service\""));

  /* The redacted packet still parses, so Trainer mode can show it. */
  state = hd_recording_dup_state_at (recording, 11, &error);
  g_assert_no_error (error);
  packet = hd_packet_parse_node (hd_journal_state_get_packet (state), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_customer_get_name (hd_packet_get_customer (packet)), ==, "Alex Morgan");
  g_assert_cmpstr (hd_routing_get_skill_group_label (hd_packet_get_routing (packet)), ==, "Cards abroad 24x7");
  g_assert_cmpstr (hd_packet_get_bot_flow_label (packet), ==, "Declined card payment");
  g_assert_cmpstr (hd_case_fields_get_case_type_label (hd_packet_get_case_fields (packet)), ==, "Card service");
  turns = hd_journal_state_get_log (state, HD_STATE_LOG_TURNS, &n_turns);
  g_assert_cmpuint (n_turns, ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (turns[1]), "text"), ==,
                   "[redacted: 3 words]");

  /* Names only: text stays, names in it are replaced consistently. */
  names = export_and_open (f, "ho-2026-11-24-000187", HD_RECORDING_REDACT_NAMES, &names_file);
  names_only = hd_test_read_file (g_file_peek_path (names_file), NULL);
  g_assert_null (strstr (names_only, "Priya"));
  g_assert_nonnull (strstr (names_only, "Hello Alex, I'm Meera from the cards team."));
  g_assert_nonnull (strstr (names_only, "until 2 December"));
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRecording) recording = NULL;
  g_autoptr(HdRecording) reopened = NULL;
  g_autofree char *contents = NULL;
  char *p;

  write_journal (f);
  recording = export_and_open (f, "ho-2026-11-24-000187", HD_RECORDING_REDACT_NONE, &file);
  contents = hd_test_read_file (g_file_peek_path (file), NULL);
  p = strstr (contents, "until 2 December");
  g_assert_nonnull (p);
  p[6] = '9';
  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  reopened = hd_recording_new_for_file (file, NULL, &error);
  g_assert_null (reopened);
  g_assert_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MODIFIED);
}

static void
test_not_a_recording (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(HdRecording) recording = NULL;

  write_journal (f);
  files = hd_journal_list_files (f->journal_dir, &error);
  file = g_file_new_for_path (files[0]);
  recording = hd_recording_new_for_file (file, NULL, &error);
  g_assert_null (recording);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);

  missing = g_file_new_build_filename (f->dir, "missing.hdrec", NULL);
  g_assert_null (hd_recording_new_for_file (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HdRecording **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = hd_recording_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(HdRecording) sync = NULL;
  g_autoptr(HdRecording) async = NULL;

  write_journal (f);
  sync = export_and_open (f, "ho-2026-11-24-000233", HD_RECORDING_REDACT_NONE, &file);
  hd_recording_load_async (file, NULL, load_cb, &async);
  HD_TEST_WAIT_UNTIL (async != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_recording_get_n_events (async), ==, hd_recording_get_n_events (sync));
  g_assert_cmpstr (hd_recording_get_last_hash (async), ==, hd_recording_get_last_hash (sync));
}

static gboolean
items_contain (HdAuditTrail   *trail,
               HdAuditSection  section,
               const char     *needle)
{
  const char * const *items = hd_audit_trail_get_items (trail, section);

  for (guint i = 0; items[i] != NULL; i++)
    if (strstr (items[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_audit_trail (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRecording) good = NULL;
  g_autoptr(HdRecording) broken = NULL;
  g_autoptr(HdAuditTrail) trail = NULL;
  g_autoptr(HdAuditTrail) broken_trail = NULL;
  g_autofree char *text = NULL;

  write_journal (f);
  good = export_and_open (f, "ho-2026-11-24-000187", HD_RECORDING_REDACT_NONE, NULL);
  trail = hd_audit_trail_new_for_recording (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hd_audit_trail_get_handoff_id (trail), ==, "ho-2026-11-24-000187");

  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED, "09:10:19  Customer: my card is not working"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED, "Customer: until 2 December"));
  /* Masked as in the pane: the OTP and card number never show. */
  g_assert_false (items_contain (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED, "482913"));
  g_assert_false (items_contain (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED, "4111 1111"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_BOT_ANSWERED, "Bot: International usage is off"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_BOT_ANSWERED, "Bot summary: Premier customer"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_WHY_ESCALATED, "regulated_action — Enabling international usage"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_WHY_ESCALATED, "enable_international_usage"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_VERIFICATION, "09:11:42  The bot verified the customer by otp"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_AGENT_ACTIONS, "09:14:26  agent-0412 accepted the handoff"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_AGENT_ACTIONS, "set case field travel_dates"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_AGENT_ACTIONS, "wrapped up with disposition resolved_first_contact"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_SALESFORCE, "Sent create Case: Type=card_service_request"));
  g_assert_true (items_contain (trail, HD_AUDIT_SECTION_SALESFORCE, "Salesforce answered 201, record 500Hs00001Kq9rTIAR"));

  text = hd_audit_trail_to_text (trail);
  g_assert_true (g_str_has_prefix (text, "# Audit trail of handoff ho-2026-11-24-000187\n"));
  for (guint s = 0; s < HD_AUDIT_N_SECTIONS; s++)
    g_assert_nonnull (strstr (text, hd_audit_section_get_heading (s)));

  broken = export_and_open (f, "ho-2026-11-24-000233", HD_RECORDING_REDACT_NONE, NULL);
  broken_trail = hd_audit_trail_new_for_recording (broken, &error);
  g_assert_true (items_contain (broken_trail, HD_AUDIT_SECTION_VERIFICATION, "The bot did not verify the customer"));
  g_assert_true (items_contain (broken_trail, HD_AUDIT_SECTION_VERIFICATION, "agent-0388 checked date_of_birth by kba: passed"));
  g_assert_true (items_contain (broken_trail, HD_AUDIT_SECTION_BOT_ANSWERED, "The bot handed over no summary"));
  g_assert_true (items_contain (broken_trail, HD_AUDIT_SECTION_SALESFORCE, "Salesforce answered 204"));
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recording = g_file_new_build_filename (f->dir, "good.hdrec", NULL);
  g_autoptr(HdTrainerNotes) notes = NULL;
  g_autoptr(HdTrainerNotes) reloaded = NULL;
  g_autoptr(GFile) expected = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  guint first, second;

  notes = hd_trainer_notes_load (recording, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hd_trainer_notes_get_n_notes (notes), ==, 0);
  expected = g_file_new_build_filename (f->dir, "good.hdrec.notes.json", NULL);
  g_assert_true (g_file_equal (hd_trainer_notes_get_file (notes), expected));

  second = hd_trainer_notes_add (notes, 7, "trainer-ann", "Good recap: \"verified\", no repeat");
  first = hd_trainer_notes_add (notes, 2, NULL, "=Accepted within SLA");
  g_assert_cmpuint (first, !=, second);
  g_assert_cmpuint (hd_trainer_notes_get_note (notes, 0)->position, ==, 2);
  hd_trainer_notes_set_ticked (notes, "ho-2026-11-24-000233", HD_CHECKLIST_VERIFICATION_REPEATED, TRUE);
  hd_trainer_notes_set_ticked (notes, "ho-2026-11-24-000233", HD_CHECKLIST_NO_SUMMARY, TRUE);
  hd_trainer_notes_set_ticked (notes, "ho-2026-11-24-000233", HD_CHECKLIST_NO_SUMMARY, FALSE);
  g_assert_true (hd_trainer_notes_save (notes, &error));
  g_assert_no_error (error);

  reloaded = hd_trainer_notes_load (recording, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hd_trainer_notes_get_n_notes (reloaded), ==, 2);
  g_assert_cmpstr (hd_trainer_notes_get_note (reloaded, 1)->text, ==, "Good recap: \"verified\", no repeat");
  g_assert_cmpstr (hd_trainer_notes_get_note (reloaded, 1)->author, ==, "trainer-ann");
  g_assert_true (hd_trainer_notes_get_ticked (reloaded, "ho-2026-11-24-000233", HD_CHECKLIST_VERIFICATION_REPEATED));
  g_assert_false (hd_trainer_notes_get_ticked (reloaded, "ho-2026-11-24-000233", HD_CHECKLIST_NO_SUMMARY));
  /* A new note does not reuse an id. */
  g_assert_cmpuint (hd_trainer_notes_add (reloaded, 1, NULL, "x"), >, MAX (first, second));
  g_assert_true (hd_trainer_notes_remove (reloaded, first));
  g_assert_false (hd_trainer_notes_remove (reloaded, first));

  csv = hd_trainer_notes_export (notes, HD_TRAINER_NOTES_FORMAT_CSV);
  g_assert_nonnull (strstr (csv, "\"checklist\",\"ho-2026-11-24-000233\",\"verification-repeated\",\"yes\""));
  g_assert_nonnull (strstr (csv, "\"checklist\",\"ho-2026-11-24-000233\",\"no-summary\",\"no\""));
  g_assert_nonnull (strstr (csv, "\"Good recap: \"\"verified\"\", no repeat\""));
  g_assert_nonnull (strstr (csv, "\"'=Accepted within SLA\""));
  markdown = hd_trainer_notes_export (notes, HD_TRAINER_NOTES_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "- [x] Verification repeated\n"));
  g_assert_nonnull (strstr (markdown, "- [ ] No summary\n"));
  g_assert_nonnull (strstr (markdown, "- Event 7 — trainer-ann: Good recap"));
  json = hd_trainer_notes_export (notes, HD_TRAINER_NOTES_FORMAT_JSON);
  g_assert_nonnull (strstr (json, "\"verification-repeated\" : true"));

  /* A damaged notes file is an error, not silently empty notes. */
  path = g_file_get_path (expected);
  g_file_set_contents (path, "{\"v\":1,", -1, &error);
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = hd_trainer_notes_load (recording, &error);
  g_assert_null (reloaded);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  g_clear_error (&error);

  /* So is one nested too deeply: the notes go through the bounded parser,
   * where JsonParser would overflow the stack. */
  {
    g_autofree char *deep = g_strnfill (100000, '[');

    g_file_set_contents (path, deep, -1, &error);
    g_assert_no_error (error);
    reloaded = hd_trainer_notes_load (recording, &error);
    g_assert_null (reloaded);
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  }

  for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
    {
      HdChecklistItem item;

      g_assert_true (hd_checklist_item_from_string (hd_checklist_item_to_string (i), &item));
      g_assert_cmpint (item, ==, i);
      g_assert_nonnull (hd_checklist_item_get_label (i));
    }
}

/* ---- The demo recordings in data/recordings/ ------------------------------ */

typedef struct
{
  const char   *file;
  const char   *title;
  ScenarioFunc  build;
  guint         expected_checklist;
  HdHandoffState final_state;
} Demo;

static const Demo demos[] = {
  { "good-handoff.hdrec", "Good handoff: card declined abroad, enabled in one contact",
    scenario_good_handoff, 0, HD_HANDOFF_STATE_WRAPPED_UP },
  { "broken-handoff-missing-verification.hdrec",
    "Broken handoff: verification state missing, customer re-verified and repeated the address",
    scenario_broken_handoff,
    (1u << HD_CHECKLIST_CUSTOMER_REPEATED_DETAILS) | (1u << HD_CHECKLIST_VERIFICATION_REPEATED) |
    (1u << HD_CHECKLIST_NO_SUMMARY),
    HD_HANDOFF_STATE_WRAPPED_UP },
  { "abandoned-transfer.hdrec", "Abandoned transfer: hardship case lost in the transfer queue",
    scenario_abandoned_transfer, 0, HD_HANDOFF_STATE_REVOKED },
  { "misrouted-chat.hdrec", "Misrouted chat: mortgage overpayment sent to the cards queue",
    scenario_misrouted_chat, 1u << HD_CHECKLIST_WRONG_QUEUE_FIRST, HD_HANDOFF_STATE_WRAPPED_UP },
};

static void
write_demo (const Demo *demo,
            GFile      *dest)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) exported_at = g_date_time_new_utc (2026, 11, 25, 8, 0, 0);
  Scenario s;

  demo->build (&s);
  hd_recording_write (dest, s.handoff, s.events, HD_RECORDING_REDACT_NONE, demo->title, exported_at, &error);
  g_assert_no_error (error);
  scenario_clear (&s);
}

static void
test_demo_recordings (Fixture       *f,
                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (demos); i++)
    {
      const Demo *demo = &demos[i];
      g_autofree char *shipped_path = g_test_build_filename (G_TEST_DIST, "..", "data", "recordings", demo->file, NULL);
      g_autoptr(GFile) shipped = g_file_new_for_path (shipped_path);
      g_autoptr(GFile) fresh = g_file_new_build_filename (f->dir, demo->file, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdRecording) recording = NULL;
      g_autoptr(HdJournalState) state = NULL;
      g_autoptr(HdPacket) packet = NULL;
      g_autoptr(HdAuditTrail) trail = NULL;
      g_autofree char *shipped_bytes = NULL;
      g_autofree char *fresh_bytes = NULL;
      g_autofree char *report = NULL;
      guint n;

      g_test_message ("%s", demo->file);
      g_assert_cmpint (hd_journal_verify_report (shipped_path, &report), ==, 0);
      g_test_message ("%s", report);

      /* The shipped file is exactly what the scenario generates: regenerate
       * with HD_WRITE_DEMO_RECORDINGS=<dir> after changing a scenario. */
      write_demo (demo, fresh);
      shipped_bytes = hd_test_read_file (g_file_peek_path (shipped), NULL);
      fresh_bytes = hd_test_read_file (g_file_peek_path (fresh), NULL);
      g_assert_cmpstr (shipped_bytes, ==, fresh_bytes);

      recording = hd_recording_new_for_file (shipped, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hd_recording_get_title (recording), ==, demo->title);
      n = hd_recording_get_n_events (recording);
      state = hd_recording_dup_state_at (recording, n, &error);
      g_assert_no_error (error);
      g_assert_cmpint (hd_journal_state_get_state (state), ==, demo->final_state);
      g_assert_cmpuint (hd_checklist_suggest (state), ==, demo->expected_checklist);
      packet = hd_packet_parse_node (hd_journal_state_get_packet (state), NULL, &error);
      g_assert_no_error (error);
      trail = hd_audit_trail_new_for_recording (recording, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hd_audit_trail_get_items (trail, HD_AUDIT_SECTION_CUSTOMER_ASKED)[0]);
    }
}

static int
write_demo_recordings (const char *dir)
{
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (demos); i++)
    {
      g_autoptr(GFile) dest = g_file_new_build_filename (dir, demos[i].file, NULL);

      write_demo (&demos[i], dest);
      g_print ("wrote %s\n", g_file_peek_path (dest));
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *demo_dir = g_getenv ("HD_WRITE_DEMO_RECORDINGS");

  g_test_init (&argc, &argv, NULL);

  if (demo_dir != NULL)
    return write_demo_recordings (demo_dir);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hd/recording/export", test_export);
  ADD ("/hd/recording/redact", test_redact);
  ADD ("/hd/recording/tampered", test_tampered);
  ADD ("/hd/recording/not-a-recording", test_not_a_recording);
  ADD ("/hd/recording/load-async", test_load_async);
  ADD ("/hd/recording/audit-trail", test_audit_trail);
  ADD ("/hd/recording/notes", test_notes);
  ADD ("/hd/recording/demo", test_demo_recordings);
#undef ADD

  return g_test_run ();
}
