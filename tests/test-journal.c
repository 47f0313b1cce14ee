/* test-journal.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hd-error.h"
#include "hd-journal.h"
#include "hd-journal-json.h"
#include "hd-journal-scrub.h"
#include "hd-journal-verify.h"
#include "hd-mask.h"
#include "test-journal-scenario.h"
#include "hd-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hd_test_make_tmp_dir ("hd-journal-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
journal_dir (Fixture *f)
{
  return g_build_filename (f->dir, "journal", NULL);
}

/* Appends the good handoff; returns the journal, still open. */
static HdJournal *
write_good_handoff (Fixture *f)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (dir, NULL, &error);
  Scenario s;

  g_assert_no_error (error);
  scenario_good_handoff (&s);
  for (guint i = 0; i < s.events->len; i++)
    {
      hd_journal_append (journal, g_ptr_array_index (s.events, i), &error);
      g_assert_no_error (error);
    }
  scenario_clear (&s);
  return g_steal_pointer (&journal);
}

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static GStrv
read_lines (const char *path)
{
  g_autofree char *contents = hd_test_read_file (path, NULL);

  return g_strsplit (contents, "\n", -1);  /* last element is "" */
}

static void
write_lines (const char *path,
             GStrv       lines)
{
  g_autofree char *joined = g_strjoinv ("\n", lines);

  write_file (path, joined, -1);
}

static void
test_new (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  HdJournal *journal = hd_journal_new (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (HD_IS_JOURNAL (journal));
  g_assert_cmpstr (hd_journal_get_directory (journal), ==, dir);
  g_assert_nonnull (hd_journal_get_current_path (journal));
  /* The header is record 0. */
  g_assert_cmpint (hd_journal_get_next_seq (journal), ==, 1);
  g_assert_null (hd_journal_get_last_error (journal));
  g_assert_finalize_object (journal);
}

static void
test_append_verify (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(HdJournal) journal = write_good_handoff (f);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *report = NULL;
  g_autofree char *dir = journal_dir (f);
  gint64 bad = 99;
  guint appended = 0;

  g_assert_cmpint (hd_journal_get_next_seq (journal), ==, 12);
  g_assert_true (hd_journal_close (journal, &error));
  g_assert_no_error (error);

  lines = read_lines (hd_journal_get_current_path (journal));
  g_assert_cmpuint (g_strv_length (lines), ==, 13);
  g_assert_cmpstr (lines[12], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "{\"v\":1,\"seq\":0,\"time\":\""));
  g_assert_nonnull (strstr (lines[0], "\"type\":\"journal-header\""));
  g_assert_nonnull (strstr (lines[0], "\"prev\":\"" HD_JOURNAL_GENESIS_HASH "\""));
  g_assert_true (g_str_has_prefix (lines[2], "{\"v\":1,\"seq\":2,\"time\":\"2026-11-24T09:14:26.000Z\","
                                             "\"handoff\":\"ho-2026-11-24-000187\","
                                             "\"actor\":{\"kind\":\"agent\",\"id\":\"agent-0412\"},"
                                             "\"type\":\"accept\",\"payload\":{},\"prev\":\""));
  for (guint i = 0; i < 12; i++)
    {
      gboolean valid = FALSE;
      g_autoptr(HdJournalEvent) event = hd_journal_event_parse_line (lines[i], strlen (lines[i]), &valid, &error);

      g_assert_no_error (error);
      g_assert_true (valid);
      g_assert_cmpint (hd_journal_event_get_seq (event), ==, i);
      appended++;
    }
  g_assert_cmpuint (appended, ==, 12);

  g_assert_true (hd_journal_verify_file (hd_journal_get_current_path (journal), &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, -1);
  g_assert_true (hd_journal_verify_directory (dir, &bad, &error));
  g_assert_no_error (error);

  g_assert_cmpint (hd_journal_verify_report (hd_journal_get_current_path (journal), &report), ==, 0);
  g_assert_nonnull (strstr (report, "12 records"));

  /* A closed journal refuses appends. */
  {
    g_autoptr(HdJournalEvent) event = hd_journal_event_new ("ho-1", HD_ACTOR_BOT, NULL, HD_EVENT_NOTE, NULL);

    g_assert_false (hd_journal_append (journal, event, &error));
    g_assert_error (error, HD_ERROR, HD_ERROR_IO);
  }
}

static void
appended_cb (HdJournal      *journal,
             HdJournalEvent *event,
             gpointer        user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, hd_journal_event_ref (event));
}

static void
test_appended_signal (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (dir, NULL, &error);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  g_autoptr(HdJournalEvent) event = hd_journal_event_new ("ho-1", HD_ACTOR_CUSTOMER, NULL, HD_EVENT_NOTE, NULL);

  g_assert_no_error (error);
  g_signal_connect (journal, "appended", G_CALLBACK (appended_cb), seen);
  g_assert_true (hd_journal_append (journal, event, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_true (g_ptr_array_index (seen, 0) == event);
  g_assert_cmpint (hd_journal_event_get_seq (event), ==, 1);
  g_assert_nonnull (hd_journal_event_get_time (event));
  g_assert_cmpstr (hd_journal_event_get_hash (event), ==, hd_journal_get_last_hash (journal));
}

/* Tampering: each case edits the closed journal and expects one error. */
typedef enum { MODIFY, DELETE, REORDER, REHASH, CUT_HEAD, TRUNCATE } Tamper;

static void
tamper_and_verify (Fixture *f,
                   Tamper   how,
                   GQuark   domain,
                   int      code,
                   gint64   expected_bad)
{
  g_autoptr(HdJournal) journal = write_good_handoff (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (hd_journal_get_current_path (journal));
  g_auto(GStrv) lines = NULL;
  g_autofree char *report = NULL;
  gint64 bad = -7;

  g_assert_true (hd_journal_close (journal, &error));
  lines = read_lines (path);

  switch (how)
    {
    case MODIFY:
      {
        /* Change one character of the agent's message (record 3). */
        char *p = strstr (lines[3], "Meera");

        g_assert_nonnull (p);
        p[0] = 'N';
      }
      break;
    case DELETE:
      g_free (lines[5]);
      memmove (&lines[5], &lines[6], (g_strv_length (lines) - 5) * sizeof (char *));
      break;
    case REORDER:
      {
        char *tmp = lines[6];

        lines[6] = lines[7];
        lines[7] = tmp;
      }
      break;
    case REHASH:
      {
        /* A careful forger changes record 4 and recomputes its own hash: the
         * next record no longer chains to it. */
        g_autoptr(GString) line = g_string_new (lines[4]);
        g_autofree char *hash = NULL;
        gsize content_len;

        g_string_replace (line, "2 December", "9 December", 0);
        content_len = line->len - (9 + 64 + 2);
        hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) line->str, content_len);
        g_string_truncate (line, content_len);
        g_string_append_printf (line, ",\"hash\":\"%s\"}", hash);
        g_free (lines[4]);
        lines[4] = g_string_free (g_steal_pointer (&line), FALSE);
      }
      break;
    case CUT_HEAD:
      g_free (lines[0]);
      g_free (lines[1]);
      memmove (&lines[0], &lines[2], (g_strv_length (lines) - 1) * sizeof (char *));
      break;
    case TRUNCATE:
      {
        /* A crash mid-write: the last line lost its end. */
        guint n = g_strv_length (lines);

        g_assert_cmpstr (lines[n - 1], ==, "");
        lines[n - 2][strlen (lines[n - 2]) / 2] = '\0';
        g_free (lines[n - 1]);
        lines[n - 1] = NULL;
      }
      break;
    default:
      g_assert_not_reached ();
    }
  write_lines (path, lines);

  g_assert_false (hd_journal_verify_file (path, &bad, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpint (bad, ==, expected_bad);
  g_test_message ("%s", error->message);

  g_assert_cmpint (hd_journal_verify_report (path, &report), ==, 1);
  g_assert_nonnull (strstr (report, error->message));
}

static void
test_modified (Fixture       *f,
               gconstpointer  data)
{
  tamper_and_verify (f, MODIFY, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MODIFIED, 3);
}

static void
test_deleted (Fixture       *f,
              gconstpointer  data)
{
  tamper_and_verify (f, DELETE, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MISSING, 5);
}

static void
test_reordered (Fixture       *f,
                gconstpointer  data)
{
  tamper_and_verify (f, REORDER, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_REORDERED, 6);
}

static void
test_rehashed (Fixture       *f,
               gconstpointer  data)
{
  tamper_and_verify (f, REHASH, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_CHAIN, 5);
}

static void
test_cut_head (Fixture       *f,
               gconstpointer  data)
{
  tamper_and_verify (f, CUT_HEAD, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_HEADER, 1);
}

static void
test_torn_verify (Fixture       *f,
                  gconstpointer  data)
{
  tamper_and_verify (f, TRUNCATE, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_TORN, 11);
}

static void
test_verify_unreadable (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "absent.jsonl", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.jsonl", NULL);
  g_autofree char *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hd_journal_verify_report (path, &report), ==, 2);
  g_assert_false (hd_journal_verify_file (path, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  write_file (empty, "", 0);
  g_assert_false (hd_journal_verify_file (empty, NULL, &error));
  g_assert_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_EMPTY);
  g_clear_error (&error);

  write_file (empty, "{\"v\":1}\n", -1);
  g_assert_false (hd_journal_verify_file (empty, NULL, &error));
  g_assert_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_MALFORMED);
}

/* A crash mid-write, then the app starts again: the torn bytes are moved to a
 * sidecar, reported, journaled, and appends continue the chain. */
static void
test_torn_recovery (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *torn_bytes = NULL;
  g_autofree char *quarantine = NULL;
  g_autofree char *sidecar = NULL;
  g_autofree char *last_hash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) reopened = NULL;
  g_autoptr(HdJournalEvent) event = NULL;
  g_auto(GStrv) lines = NULL;
  gsize before_len = 0;
  gsize sidecar_len = 0;
  gint64 bad = -1;

  {
    g_autoptr(HdJournal) journal = write_good_handoff (f);

    path = g_strdup (hd_journal_get_current_path (journal));
    last_hash = g_strdup (hd_journal_get_last_hash (journal));
    g_assert_true (hd_journal_close (journal, &error));
  }

  /* Half a record, as if the power went out during write (). */
  before = hd_test_read_file (path, &before_len);
  torn_bytes = g_strdup ("{\"v\":1,\"seq\":12,\"time\":\"2026-11-24T09:17:20.000Z\",\"handoff\":\"ho-2026-11-24-0");
  {
    g_autofree char *torn = g_strconcat (before, torn_bytes, NULL);

    write_file (path, torn, -1);
  }
  g_assert_false (hd_journal_verify_file (path, &bad, NULL));

  g_test_expect_message ("hd-journal", G_LOG_LEVEL_WARNING, "*torn or damaged record after record 11*");
  reopened = hd_journal_new (dir, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_nonnull (hd_journal_get_last_error (reopened));
  g_assert_nonnull (strstr (hd_journal_get_last_error (reopened), "journal-"));

  /* Never silently dropped: the exact bytes are in the sidecar. */
  quarantine = g_strconcat (path, ".torn-11", NULL);
  sidecar = hd_test_read_file (quarantine, &sidecar_len);
  g_assert_cmpstr (sidecar, ==, torn_bytes);

  /* Record 12 reports the incident and chains to record 11. */
  g_assert_cmpint (hd_journal_get_next_seq (reopened), ==, 13);
  event = hd_journal_event_new ("ho-2026-11-24-000187", HD_ACTOR_SUPERVISOR, "sup-0007", HD_EVENT_NOTE,
                                NULL);
  g_assert_true (hd_journal_append (reopened, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_journal_event_get_seq (event), ==, 13);
  g_assert_true (hd_journal_close (reopened, &error));

  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 15);
  g_assert_nonnull (strstr (lines[12], "\"type\":\"torn-line\""));
  g_assert_nonnull (strstr (lines[12], "\"after_seq\":11"));
  g_assert_nonnull (strstr (lines[12], last_hash));
  g_assert_true (hd_journal_verify_file (path, &bad, &error));
  g_assert_no_error (error);
  g_assert_true (hd_journal_verify_directory (dir, &bad, &error));
  g_assert_no_error (error);
}

/* The crash hit while the very first record of a new file was written. */
static void
test_torn_header (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) reopened = NULL;

  {
    g_autoptr(HdJournal) journal = write_good_handoff (f);

    g_assert_true (hd_journal_close (journal, &error));
  }
  second = g_build_filename (dir, "journal-20991231-0001.jsonl", NULL);
  write_file (second, "{\"v\":1,\"seq\":12,\"ti", -1);

  g_test_expect_message ("hd-journal", G_LOG_LEVEL_WARNING, "*journal-20991231-0001.jsonl*");
  reopened = hd_journal_new (dir, NULL, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (hd_journal_get_current_path (reopened), ==, second);
  g_assert_true (hd_journal_close (reopened, &error));

  g_assert_true (hd_journal_verify_file (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
}

static void
test_reopen_continues (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) reopened = NULL;
  g_autoptr(HdJournalEvent) event = NULL;

  {
    g_autoptr(HdJournal) journal = write_good_handoff (f);

    hash = g_strdup (hd_journal_get_last_hash (journal));
  }
  reopened = hd_journal_new (dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (hd_journal_get_last_error (reopened));
  g_assert_cmpint (hd_journal_get_next_seq (reopened), ==, 12);
  g_assert_cmpstr (hd_journal_get_last_hash (reopened), ==, hash);

  event = hd_journal_event_new ("ho-2", HD_ACTOR_BOT, "retail-assist", HD_EVENT_SIGNAL, NULL);
  g_assert_true (hd_journal_append (reopened, event, &error));
  g_assert_cmpstr (hd_journal_event_get_prev (event), ==, hash);
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
}

static void
test_rotation_size (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new_full (dir, 4096, NULL, &error);
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_autofree char *report = NULL;
  Scenario s;
  guint n_first;

  g_assert_no_error (error);
  scenario_long (&s, "ho-rotate", 60);
  for (guint i = 0; i < s.events->len; i++)
    {
      g_assert_true (hd_journal_append (journal, g_ptr_array_index (s.events, i), &error));
      g_assert_no_error (error);
    }
  scenario_clear (&s);
  g_assert_true (hd_journal_close (journal, &error));

  files = hd_journal_list_files (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), >=, 3);

  /* The second file starts with a header that carries the first file's last
   * hash: the chain runs on across files. */
  first = read_lines (files[0]);
  second = read_lines (files[1]);
  n_first = g_strv_length (first);
  g_assert_nonnull (strstr (second[0], "\"type\":\"journal-header\""));
  {
    gboolean valid;
    g_autoptr(HdJournalEvent) last = hd_journal_event_parse_line (first[n_first - 2], strlen (first[n_first - 2]),
                                                                  &valid, &error);
    g_autoptr(HdJournalEvent) header = hd_journal_event_parse_line (second[0], strlen (second[0]), &valid, &error);
    g_autofree char *first_name = g_path_get_basename (files[0]);

    g_assert_cmpstr (hd_journal_event_get_prev (header), ==, hd_journal_event_get_hash (last));
    g_assert_cmpint (hd_journal_event_get_seq (header), ==, hd_journal_event_get_seq (last) + 1);
    g_assert_cmpstr (hd_journal_event_get_payload_string (header, "previous_file"), ==, first_name);
  }
  for (guint i = 0; files[i] != NULL; i++)
    {
      gsize len = 0;
      g_autofree char *contents = hd_test_read_file (files[i], &len);

      g_assert_true (hd_journal_verify_file (files[i], NULL, &error));
      g_assert_no_error (error);
      /* At most one record past the limit. */
      g_assert_cmpuint (len, <, 4096 + 2048);
    }
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hd_journal_verify_report (dir, &report), ==, 0);

  /* The seam between files is checked too: drop the last record of file 1. */
  {
    g_autofree char *joined = NULL;
    gint64 bad = -1;

    g_free (first[n_first - 2]);
    first[n_first - 2] = g_strdup ("");
    first[n_first - 1] = (g_free (first[n_first - 1]), NULL);
    joined = g_strjoinv ("\n", first);
    write_file (files[0], joined, -1);
    g_assert_true (hd_journal_verify_file (files[0], NULL, &error));
    g_assert_no_error (error);
    g_assert_false (hd_journal_verify_directory (dir, &bad, &error));
    g_assert_error (error, HD_JOURNAL_ERROR, HD_JOURNAL_ERROR_CHAIN);
  }
}

static void
append_big_transcript (HdJournal  *journal,
                       const char *text)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(HdJournalEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "text", text);
  json_node_set_object (payload, object);
  event = hd_journal_event_new ("ho-big", HD_ACTOR_BOT, "bot", HD_EVENT_TRANSCRIPT, payload);
  g_assert_true (hd_journal_append (journal, event, &error));
  g_assert_no_error (error);
}

static guint
count_open_fds (void)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (fds);
  while (g_dir_read_name (fds) != NULL)
    n++;
  return n;
}

/* Records of a megabyte are synced in the background (through a duplicate
 * of the journal's descriptor) as they go, through rotations: every file
 * verifies, the chain runs on, and no descriptor is left open. */
static void
test_big_records (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *text = g_strnfill (700 * 1024, 'a');
  guint before;

  /* The wait below runs the default main context: make it (and its wakeup descriptor)
   * before counting. */
  g_main_context_default ();
  before = count_open_fds ();
  journal = hd_journal_new_full (dir, 2 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 10; i++)
    append_big_transcript (journal, text);
  g_assert_true (hd_journal_close (journal, &error));
  g_assert_no_error (error);
  g_clear_object (&journal);

  files = hd_journal_list_files (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), >=, 3);
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);

  /* The background closes its duplicates soon after. */
  HD_TEST_WAIT_UNTIL (count_open_fds () <= before, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (count_open_fds (), ==, before);
}

/* Once a file is half full, the next one is made ahead in the background
 * (a hidden spare), and the rotation takes it: the new file is that very
 * inode.  The spare is never listed as a journal file. */
static void
test_spare_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *spare = g_build_filename (dir, ".journal-spare", NULL);
  g_autofree char *first_path = NULL;
  g_autofree char *text = g_strnfill (700 * 1024, 'b');
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new_full (dir, 2 * 1024 * 1024, NULL, &error);
  g_auto(GStrv) files = NULL;
  GStatBuf before, after;

  g_assert_no_error (error);
  append_big_transcript (journal, text);
  g_assert_false (g_file_test (spare, G_FILE_TEST_EXISTS));
  append_big_transcript (journal, text);
  /* A worker makes it. */
  HD_TEST_WAIT_UNTIL (g_file_test (spare, G_FILE_TEST_EXISTS), HD_TEST_TIMEOUT_MS);
  g_assert_cmpint (g_stat (spare, &before), ==, 0);
  g_assert_cmpint (before.st_size, ==, 0);
  first_path = g_strdup (hd_journal_get_current_path (journal));

  append_big_transcript (journal, text);
  append_big_transcript (journal, text);
  g_assert_cmpstr (hd_journal_get_current_path (journal), !=, first_path);
  g_assert_cmpint (g_stat (hd_journal_get_current_path (journal), &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_false (g_file_test (spare, G_FILE_TEST_EXISTS));
  g_assert_true (hd_journal_close (journal, &error));
  g_assert_no_error (error);

  files = hd_journal_list_files (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), ==, 2);
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
}

/* Events dated before the day of the file being written (late ones, a clock
 * behind) rotate under that day: file names keep the chain's order. */
static void
test_rotation_late_events (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new_full (dir, 4096, NULL, &error);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2020, 1, 1, 12, 0, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "journal-%Y%m%d-");
  g_auto(GStrv) files = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(HdJournalEvent) event = hd_journal_event_new ("ho-late", HD_ACTOR_BOT, "retail-assist",
                                                              HD_EVENT_TRANSCRIPT, NULL);

      hd_journal_event_set_time (event, past);
      g_assert_true (hd_journal_append (journal, event, &error));
      g_assert_no_error (error);
    }
  g_assert_true (hd_journal_close (journal, &error));

  files = hd_journal_list_files (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), >=, 2);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (files[i]);

      g_assert_true (g_str_has_prefix (name, today));
    }
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
}

static void
test_rotation_day (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (dir, NULL, &error);
  g_autoptr(HdJournalEvent) late = hd_journal_event_new ("ho-1", HD_ACTOR_AGENT, "agent-1", HD_EVENT_ACCEPT, NULL);
  g_autoptr(HdJournalEvent) next_day = hd_journal_event_new ("ho-1", HD_ACTOR_AGENT, "agent-1", HD_EVENT_WRAP_UP, NULL);
  g_autoptr(GDateTime) t1 = g_date_time_new_utc (2099, 3, 1, 23, 59, 59.5);
  g_autoptr(GDateTime) t2 = g_date_time_new_utc (2099, 3, 2, 0, 0, 1);
  g_autofree char *first_path = NULL;
  g_autofree char *second_name = NULL;

  g_assert_no_error (error);
  hd_journal_event_set_time (late, t1);
  hd_journal_event_set_time (next_day, t2);
  g_assert_true (hd_journal_append (journal, late, &error));
  first_path = g_strdup (hd_journal_get_current_path (journal));
  g_assert_true (g_str_has_suffix (first_path, "journal-20990301-0001.jsonl"));
  g_assert_true (hd_journal_append (journal, next_day, &error));
  second_name = g_path_get_basename (hd_journal_get_current_path (journal));
  g_assert_cmpstr (second_name, ==, "journal-20990302-0001.jsonl");
  g_assert_cmpint (hd_journal_event_get_seq (next_day), ==, hd_journal_event_get_seq (late) + 2);
  g_assert_true (hd_journal_verify_directory (dir, NULL, &error));
  g_assert_no_error (error);
}

static void
test_boundaries (void)
{
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_ACCEPT));
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_WRAP_UP));
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_DECLINE));
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_REVOKE));
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_CASE_EDIT));
  g_assert_true (hd_journal_is_boundary_type (HD_EVENT_REVEAL));
  g_assert_false (hd_journal_is_boundary_type (HD_EVENT_TRANSCRIPT));
  g_assert_false (hd_journal_is_boundary_type (HD_EVENT_SIGNAL));
  g_assert_false (hd_journal_is_boundary_type (NULL));
}

static const char *secrets[] = {
  "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMDVIczAwMDAwIn0.c2lnbmF0dXJl",
  "00DHs000000abcd!AQcAQH0dMHZfz972Szmpkb58urFRkgeBGsxL",
  "s3cr3t-refresh-9f8e7d",
  "4111 1111 1111 1111",
  "4111111111111111",
  "50100123456789",
  "482913",
  "hunter2",
};

static void
test_scrub (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (dir, NULL, &error);
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(HdJournalEvent) event = NULL;
  const char *json =
    "{\"operation\":\"create\",\"headers\":{\"Authorization\":\"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMDVIczAwMDAwIn0.c2lnbmF0dXJl\"},"
    "\"refresh_token\":\"s3cr3t-refresh-9f8e7d\",\"password\":\"hunter2\",\"pin\":4821,"
    "\"note\":\"session 00DHs000000abcd!AQcAQH0dMHZfz972Szmpkb58urFRkgeBGsxL pasted by mistake\","
    "\"turn\":{\"speaker\":\"customer\",\"time\":\"2026-11-24T09:11:38Z\",\"text\":\"card 4111111111111111, OTP 482913\"},"
    "\"account_number\":\"50100123456789\",\"handoff_id\":\"ho-2026-11-24-000187\","
    "\"card\":\"" HD_MASK_BULLETS "1111\","
    "\"customer\":{\"accounts\":[{\"kind\":\"mobile_app\",\"id\":\"MB-88210034\"}],"
    "\"crm\":{\"account_id\":\"001Hs00002ABCDeIAP\"}}}";

  g_assert_no_error (error);
  payload = json_from_string (json, &error);
  g_assert_no_error (error);
  event = hd_journal_event_new ("ho-2026-11-24-000187", HD_ACTOR_AGENT, "agent-0412", HD_EVENT_SF_REQUEST, payload);
  g_assert_true (hd_journal_append (journal, event, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hd_journal_get_n_scrubbed (journal), >=, 6);
  g_assert_true (hd_journal_close (journal, &error));

  contents = hd_test_read_file (hd_journal_get_current_path (journal), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (strstr (contents, secrets[i]) != NULL)
      g_error ("The journal holds the secret “%s”:\n%s", secrets[i], contents);
  g_assert_nonnull (strstr (contents, HD_JOURNAL_TOKEN_PLACEHOLDER));
  /* What the journal needs stays readable. */
  g_assert_nonnull (strstr (contents, "\"handoff_id\":\"ho-2026-11-24-000187\""));
  g_assert_nonnull (strstr (contents, "\"card\":\"" HD_MASK_BULLETS "1111\""));
  g_assert_nonnull (strstr (contents, "\"account_number\":\"" HD_MASK_BULLETS "6789\""));
  g_assert_null (strstr (contents, "88210034"));
  g_assert_nonnull (strstr (contents, "\"id\":\"" HD_MASK_BULLETS "0034\""));
  g_assert_nonnull (strstr (contents, "\"account_id\":\"001Hs00002ABCDeIAP\""));
  /* The event now carries the scrubbed payload, so live state matches disk. */
  g_assert_cmpstr (hd_journal_event_get_payload_string (event, "refresh_token"), ==, HD_JOURNAL_TOKEN_PLACEHOLDER);

  g_assert_true (hd_journal_text_has_token ("Authorization: Bearer abcdefghijkl1234"));
  g_assert_true (hd_journal_text_has_token ("https://x/cb?code=abc&state=1"));
  g_assert_false (hd_journal_text_has_token ("The bearer of this card is travelling"));
  g_assert_true (hd_journal_is_token_name ("access_token"));
  g_assert_true (hd_journal_is_token_name ("Client_Secret"));
  g_assert_false (hd_journal_is_token_name ("summary"));
  /* Each form of the pattern, past the cheap check in front of it, in any
   * case where the pattern ignores case. */
  g_assert_true (hd_journal_text_has_token ("auth: BEARER abcdefghijkl1234 sent"));
  g_assert_true (hd_journal_text_has_token ("no b here but eyJabcd.efghij.klm"));
  g_assert_true (hd_journal_text_has_token ("org 00DHs000000abcd!AQcAQH0dMHZfz972Szmpkb58"));
  g_assert_true (hd_journal_text_has_token ("ACCESS_TOKEN=xyz"));
  g_assert_false (hd_journal_text_has_token ("Bob and Barbara wrote a long chat without any secret"));
  g_assert_true (hd_journal_is_token_name ("SALESFORCE_REFRESH_TOKEN"));
  g_assert_true (hd_journal_is_token_name ("Admin_Password"));
  g_assert_false (hd_journal_is_token_name ("token_count"));
  g_assert_false (hd_journal_is_token_name ("_toke"));
}

/* The part of @contents' last line from its type to its payload's end. */
static char *
last_type_and_payload (const char *contents)
{
  const char *last = contents + strlen (contents) - 1;
  const char *start, *end;

  while (last > contents && last[-1] != '\n')
    last--;
  start = strstr (last, ",\"type\":");
  end = strstr (last, ",\"prev\":");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* A payload prepared ahead (in a worker, for a big offer) is written exactly
 * as the payload itself would be, scrubbed the same, and reads back. */
static void
test_prepared_payload (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *dir_b = g_build_filename (f->dir, "journal-b", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) plain = hd_journal_new (dir, NULL, &error);
  g_autoptr(HdJournal) ahead = hd_journal_new (dir_b, NULL, &error);
  g_autoptr(JsonNode) packet = json_from_string (
    "{\"handoff_id\":\"ho-1\",\"transcript\":[{\"speaker\":\"customer\",\"text\":\"card 4111111111111111\"},"
    "{\"speaker\":\"bot\",\"text\":\"Thanks\"}],\"refresh_token\":\"s3cr3t-refresh-9f8e7d\"}", NULL);
  g_autoptr(HdJournalPayload) prepared = hd_journal_payload_prepare_member ("packet", json_node_get_object (packet));
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(HdJournalEvent) a = NULL;
  g_autoptr(HdJournalEvent) b = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
  g_autofree char *contents_a = NULL;
  g_autofree char *contents_b = NULL;
  g_autofree char *part_a = NULL;
  g_autofree char *part_b = NULL;
  JsonObject *read_back;

  g_assert_no_error (error);
  json_object_set_member (object, "packet", json_node_ref (packet));
  json_node_set_object (payload, object);
  a = hd_journal_event_new ("ho-1", HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, payload);
  b = hd_journal_event_new_prepared ("ho-1", HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, prepared);
  hd_journal_event_set_time (a, time);
  hd_journal_event_set_time (b, time);
  g_assert_true (hd_journal_append (plain, a, &error));
  g_assert_true (hd_journal_append (ahead, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hd_journal_get_n_scrubbed (ahead), ==, hd_journal_get_n_scrubbed (plain));
  g_assert_cmpuint (hd_journal_get_n_scrubbed (ahead), ==, 2);

  contents_a = hd_test_read_file (hd_journal_get_current_path (plain), NULL);
  contents_b = hd_test_read_file (hd_journal_get_current_path (ahead), NULL);
  part_a = last_type_and_payload (contents_a);
  part_b = last_type_and_payload (contents_b);
  g_assert_cmpstr (part_b, ==, part_a);
  g_assert_null (strstr (contents_b, "4111111111111111"));
  g_assert_null (strstr (contents_b, "s3cr3t-refresh-9f8e7d"));

  /* Read back from its text when asked. */
  read_back = json_object_get_object_member (hd_journal_event_get_payload (b), "packet");
  g_assert_nonnull (read_back);
  g_assert_cmpstr (json_object_get_string_member (read_back, "handoff_id"), ==, "ho-1");
  g_assert_true (hd_journal_close (ahead, &error));
  g_assert_true (hd_journal_close (plain, &error));
}

/* The scrubbed copy: only what changed is new, the rest (member order
 * included) as it was, and the input is never touched. */
static void
test_scrub_copy (void)
{
  const char *json =
    "{\"a\":{\"x\":1,\"text\":\"hello\"},\"turns\":[{\"text\":\"fine\"},"
    "{\"text\":\"card 4111111111111111\",\"time\":\"2026-11-24T09:11:38Z\"},{\"text\":\"also fine\"}],"
    "\"z\":[true,null,2.5],\"password\":\"hunter2\",\"last\":\"kept\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) payload = json_from_string (json, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  guint n_changed = 0;

  g_assert_no_error (error);
  before = json_to_string (payload, FALSE);

  /* Nothing to change: an equal tree, no change counted. */
  {
    g_autoptr(JsonNode) clean = json_from_string ("{\"b\":[{\"text\":\"hi\"},1],\"c\":\"ok\"}", NULL);
    g_autoptr(JsonNode) same = hd_journal_scrub_payload (clean, &n_changed);

    g_assert_cmpuint (n_changed, ==, 0);
    g_assert_true (json_node_equal (same, clean));
  }

  {
    g_autoptr(JsonNode) scrubbed = hd_journal_scrub_payload (payload, &n_changed);

    g_assert_cmpuint (n_changed, ==, 2);
    out = json_to_string (scrubbed, FALSE);
  }
  after = json_to_string (payload, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (out, ==,
    "{\"a\":{\"x\":1,\"text\":\"hello\"},\"turns\":[{\"text\":\"fine\"},"
    "{\"text\":\"card " HD_MASK_BULLETS "1111\",\"time\":\"2026-11-24T09:11:38Z\"},{\"text\":\"also fine\"}],"
    "\"z\":[true,null,2.5],\"password\":\"" HD_JOURNAL_TOKEN_PLACEHOLDER "\",\"last\":\"kept\"}");
}

static void
test_reveal (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (dir, NULL, &error);
  gint64 next;

  g_assert_no_error (error);
  next = hd_journal_get_next_seq (journal);
  g_assert_false (hd_journal_append_reveal (journal, "ho-1", "account_number", HD_ACTOR_AGENT, "agent-0412",
                                            "  \t", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (hd_journal_append_reveal (journal, "ho-1", "account_number", HD_ACTOR_AGENT, "agent-0412",
                                            NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (hd_journal_append_reveal (journal, "ho-1", "account_number", HD_ACTOR_AGENT, "",
                                            "Customer disputes a debit", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (hd_journal_get_next_seq (journal), ==, next);

  g_assert_true (hd_journal_append_reveal (journal, "ho-1", "account_number", HD_ACTOR_SUPERVISOR, "sup-0007",
                                           " Customer disputes a debit on this account ", &error));
  g_assert_no_error (error);
  g_assert_true (hd_journal_close (journal, &error));
  contents = hd_test_read_file (hd_journal_get_current_path (journal), NULL);
  g_assert_nonnull (strstr (contents, "\"actor\":{\"kind\":\"supervisor\",\"id\":\"sup-0007\"},\"type\":\"reveal\","
                                      "\"payload\":{\"field\":\"account_number\",\"reason\":\"Customer disputes a debit on this account\"}"));
}

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(HdJournal) journal = write_good_handoff (f);
  g_autoptr(HdJournalEvent) other = hd_journal_event_new ("ho-2026-11-24-0001870", HD_ACTOR_BOT, NULL, HD_EVENT_NOTE, NULL);

  g_assert_true (hd_journal_append (journal, other, &error));
  events = hd_journal_collect_handoff (dir, "ho-2026-11-24-000187", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 11);
  g_assert_cmpstr (hd_journal_event_get_event_type (g_ptr_array_index (events, 0)), ==, HD_EVENT_OFFER);
  g_assert_cmpstr (hd_journal_event_get_event_type (g_ptr_array_index (events, 10)), ==, HD_EVENT_WRAP_UP);
}

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_collect_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = journal_dir (f);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HdJournal) journal = write_good_handoff (f);

  g_assert_true (hd_journal_sync (journal, &error));
  expected = hd_journal_collect_handoff (dir, "ho-2026-11-24-000187", &error);
  g_assert_no_error (error);

  /* The same events as the synchronous reader, in the same order. */
  hd_journal_collect_handoff_async (dir, "ho-2026-11-24-000187", NULL, collected_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  events = hd_journal_collect_handoff_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, expected->len);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (hd_journal_event_get_hash (g_ptr_array_index (events, i)), ==,
                     hd_journal_event_get_hash (g_ptr_array_index (expected, i)));
  g_clear_object (&result);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* A folder that is not there fails as the synchronous reader does. */
  hd_journal_collect_handoff_async (missing, "ho-2026-11-24-000187", NULL, collected_cb, &result);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_null (hd_journal_collect_handoff_finish (result, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancelled before it is done: the caller hears so. */
  hd_journal_collect_handoff_async (dir, "ho-2026-11-24-000187", cancellable, collected_cb, &result);
  g_cancellable_cancel (cancellable);
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_null (hd_journal_collect_handoff_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_parse_line_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournalEvent) event = NULL;
  const char *junk = "not json at all";

  event = hd_journal_event_parse_line (junk, strlen (junk), NULL, &error);
  g_assert_null (event);
  g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
}

/* The fast line parser builds what JsonParser builds, and refuses what it
 * refuses. */
static void
test_json_fast (void)
{
  static const char * const good[] = {
    "{}", "[]", "{\"a\":[1,-2,3.5,1e3,-0.25E-2,0,true,false,null]}",
    "{\"s\":\"caf\u00e9 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u20ac \\ud83d\\ude00 ₹\"}",
    " { \"nested\" : { \"deep\" : [ { } , [ ] ] } } ",
    "{\"big\":9223372036854775807,\"dup\":1,\"dup\":2}",
    "\"just a string\"", "42",
  };
  static const char * const bad[] = {
    "", "{", "{\"a\":}", "{\"a\":1,}", "[1,]", "{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
    "{\"a\":tru}", "{\"a\":\"unterminated}", "{\"a\":\"bad \\x escape\"}", "{\"a\":\"\\ud83d alone\"}",
    "{\"a\":\"tab\there\"}", "{\"a\":\"\xff\xfe\"}", "{} trailing", "{\"a\":\"\\u0000\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) fast = hd_bounded_json_parse (good[i], strlen (good[i]), HD_JOURNAL_JSON_MAX_DEPTH, NULL, &error);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      g_assert_true (json_node_is_immutable (fast));
      json_parser_load_from_data (parser, good[i], -1, &error);
      g_assert_no_error (error);
      expected = json_to_string (json_parser_get_root (parser), FALSE);
      got = json_to_string (fast, FALSE);
      g_assert_cmpstr (got, ==, expected);
      g_assert_true (json_node_equal (fast, json_parser_get_root (parser)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) fast = hd_bounded_json_parse (bad[i], strlen (bad[i]), HD_JOURNAL_JSON_MAX_DEPTH, NULL, &error);

      if (fast != NULL)
        g_error ("accepted bad JSON: %s", bad[i]);
      g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
    }

  /* Past gint64, a number becomes a double (JsonParser 1.6 wraps to -1). */
  {
    g_autoptr(JsonNode) node = hd_bounded_json_parse ("92233720368547758070", 20, HD_JOURNAL_JSON_MAX_DEPTH, NULL, NULL);

    g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
    g_assert_cmpfloat (json_node_get_double (node), >, 9.2e19);
  }

  /* Nesting is bounded. */
  {
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 200; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 200; i++)
      g_string_append_c (deep, ']');
    g_assert_null (hd_bounded_json_parse (deep->str, deep->len, HD_JOURNAL_JSON_MAX_DEPTH, NULL, &error));
    g_assert_error (error, HD_ERROR, HD_ERROR_PARSE);
  }
}

/* A record whose members are in another order (as another tool might write
 * it) still parses through the generic path, and its hash is checked. */
static void
test_generic_layout (void)
{
  g_autoptr(GString) line = g_string_new ("{\"v\":1,\"seq\":4,\"handoff\":\"ho-9\",\"type\":\"note\","
                                          "\"time\":\"2026-11-24T10:00:00Z\",\"payload\":{\"text\":\"hi\"},"
                                          "\"actor\":{\"id\":\"sup-1\",\"kind\":\"supervisor\"},"
                                          "\"prev\":\"" HD_JOURNAL_GENESIS_HASH "\"");
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) line->str, line->len);
  g_autoptr(HdJournalEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = FALSE;

  g_string_append_printf (line, ",\"hash\":\"%s\"}", hash);
  event = hd_journal_event_parse_line (line->str, line->len, &valid, &error);
  g_assert_no_error (error);
  g_assert_true (valid);
  g_assert_cmpint (hd_journal_event_get_seq (event), ==, 4);
  g_assert_cmpstr (hd_journal_event_get_actor_id (event), ==, "sup-1");
  g_assert_cmpint (hd_journal_event_get_actor_kind (event), ==, HD_ACTOR_SUPERVISOR);
  g_assert_cmpstr (hd_journal_event_get_payload_string (event, "text"), ==, "hi");

  /* One flipped byte: still parses, but the hash says it was modified. */
  line->str[line->len / 2] ^= 1;
  g_clear_pointer (&event, hd_journal_event_unref);
  event = hd_journal_event_parse_line (line->str, line->len, &valid, NULL);
  if (event != NULL)
    g_assert_false (valid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/hd/journal/new", test_new);
  ADD ("/hd/journal/append-verify", test_append_verify);
  ADD ("/hd/journal/appended-signal", test_appended_signal);
  ADD ("/hd/journal/tamper/modified", test_modified);
  ADD ("/hd/journal/tamper/deleted", test_deleted);
  ADD ("/hd/journal/tamper/reordered", test_reordered);
  ADD ("/hd/journal/tamper/rehashed", test_rehashed);
  ADD ("/hd/journal/tamper/cut-head", test_cut_head);
  ADD ("/hd/journal/tamper/torn", test_torn_verify);
  ADD ("/hd/journal/verify-unreadable", test_verify_unreadable);
  ADD ("/hd/journal/torn-recovery", test_torn_recovery);
  ADD ("/hd/journal/torn-header", test_torn_header);
  ADD ("/hd/journal/reopen", test_reopen_continues);
  ADD ("/hd/journal/rotation/size", test_rotation_size);
  ADD ("/hd/journal/rotation/day", test_rotation_day);
  ADD ("/hd/journal/rotation/late-events", test_rotation_late_events);
  ADD ("/hd/journal/big-records", test_big_records);
  ADD ("/hd/journal/spare-file", test_spare_file);
  ADD ("/hd/journal/scrub", test_scrub);
  ADD ("/hd/journal/prepared-payload", test_prepared_payload);
  ADD ("/hd/journal/reveal", test_reveal);
  ADD ("/hd/journal/collect", test_collect);
  ADD ("/hd/journal/collect-async", test_collect_async);
#undef ADD
  g_test_add_func ("/hd/journal/boundaries", test_boundaries);
  g_test_add_func ("/hd/journal/scrub-copy", test_scrub_copy);
  g_test_add_func ("/hd/journal/parse-line-errors", test_parse_line_errors);
  g_test_add_func ("/hd/journal/json-fast", test_json_fast);
  g_test_add_func ("/hd/journal/generic-layout", test_generic_layout);

  return g_test_run ();
}
