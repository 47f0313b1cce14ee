/* test-packet-cli.c: handoffdesk-packet, run as a program
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-packet-parser.h"
#include "hd-test-utils.h"

/* The tool as bot teams and CI run it: the built binary, its exit status,
 * what it prints on each stream. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *folder,
         const char *name)
{
  return g_build_filename (g_getenv ("HD_TEST_FIXTURES"), folder, name, NULL);
}

/* Runs the tool from the fixtures folder, @input (nullable) on its stdin. */
static void
run_tool (Run        *run,
          const char *input,
          const char *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("HD_PACKET_BINARY");
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_set_cwd (launcher, g_getenv ("HD_TEST_FIXTURES"));
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input != NULL ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_tool (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (const char *section = "NAME\0SYNOPSIS\0DESCRIPTION\0COMMANDS\0OPTIONS\0EXIT STATUS\0EXAMPLES\0";
       *section != '\0'; section += strlen (section) + 1)
    if (strstr (run.out, section) == NULL)
      g_test_fail_printf ("the manual has no %s section", section);
  g_assert_nonnull (strstr (run.out, "import [--from SOURCE] FILE"));
}

static void
test_usage_errors (void)
{
  const char *cases[][4] = {
    { NULL },                                        /* no command */
    { "frobnicate", "valid/minimal.json", NULL },
    { "validate", NULL },                            /* no file */
    { "score", "--format", "xml", "valid/minimal.json" },
    { "import", "--from", "watson", "valid/minimal.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_tool (&run, NULL, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "handoffdesk-packet"));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_validate (void)
{
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) missing = { 0 };

  run_tool (&good, NULL, "validate", "valid/overseas-card-decline.json", "valid/minimal.json", NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "valid/minimal.json: valid"));

  /* An invalid file among valid ones: each said, the status says "invalid". */
  run_tool (&bad, NULL, "validate", "valid/minimal.json", "invalid/unknown-verification-method.json", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.out, "valid/minimal.json: valid"));
  g_assert_nonnull (strstr (bad.err, "invalid/unknown-verification-method.json: /verification/method: "));

  run_tool (&missing, NULL, "validate", "valid/no-such-packet.json", NULL);
  g_assert_cmpint (missing.status, ==, 3);
  g_assert_nonnull (strstr (missing.err, "valid/no-such-packet.json: "));
}

static void
test_too_big (void)
{
  /* 9 MiB of white space: read only to the limit. */
  g_autofree char *big = g_strnfill (9 * 1024 * 1024, ' ');
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-packet-cli-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autofree char *expected = g_strconcat (path, ": the file is over the limit of 8388608 bytes\n", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_file_set_contents (path, big, -1, &error);
  g_assert_no_error (error);
  run_tool (&run, NULL, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);
  hd_test_rm_rf (dir);
}

static void
test_validate_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *results;
  JsonObject *error;

  run_tool (&run, NULL, "validate", "--format", "json", "valid/minimal.json",
            "invalid/unknown-verification-method.json", "invalid/whitespace-only.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  root = parse_json (run.out);
  results = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (results, 0), "valid"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (results, 1), "valid"));
  error = json_object_get_object_member (json_array_get_object_element (results, 1), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "pointer"), ==, "/verification/method");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "parse");
  /* An error about the whole document has no pointer. */
  error = json_object_get_object_member (json_array_get_object_element (results, 2), "error");
  g_assert_true (json_object_get_null_member (error, "pointer"));
}

static void
test_import_each_platform (void)
{
  const char *cases[][2] = {
    { "rasa", "import/rasa-tracker.json" },
    { "dialogflow-cx", "import/dialogflow-cx-webhook.json" },
    { "dialogflow-cx", "import/dialogflow-cx-conversation.json" },
    { "lex-v2", "import/lex-v2-event.json" },
    { "lex-v2", "import/lex-v2-logs.json" },
    { "salesforce", "import/salesforce-composite.json" },
    { "salesforce", "import/salesforce-messaging.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(GBytes) out = NULL;
      g_autoptr(HdPacket) packet = NULL;
      g_autoptr(GError) error = NULL;

      run_tool (&run, NULL, "import", "--from", cases[i][0], cases[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      /* What it prints is a packet the desk accepts, already masked. */
      out = g_bytes_new (run.out, strlen (run.out));
      packet = hd_packet_parse_bytes (out, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (strstr (run.out, "4111 1111 1111 1111"));
      g_assert_null (strstr (run.out, "50100234567891"));
    }
}

static void
test_import_stdin_and_errors (void)
{
  g_autofree char *path = fixture ("import", "rasa-tracker.json");
  g_autofree char *tracker = hd_test_read_file (path, NULL);
  g_auto(Run) piped = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) broken = { 0 };

  run_tool (&piped, tracker, "import", "-", NULL);
  g_assert_cmpint (piped.status, ==, 0);
  g_assert_nonnull (strstr (piped.out, "\"conversation_id\" : \"web-5f1c2e9a\""));

  run_tool (&wrong, NULL, "import", "--from", "lex-v2", "import/rasa-tracker.json", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "import/rasa-tracker.json: the document is not an Amazon Lex V2"));
  g_assert_cmpstr (wrong.out, ==, "");

  run_tool (&broken, NULL, "import", "import/invalid/lex-v2-logs-message-not-json.json", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, ": /events/0/message: invalid JSON at byte"));
}

static void
test_score (void)
{
  g_auto(Run) table = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *packets, *flows;
  JsonObject *first;

  run_tool (&table, NULL, "score", "valid/overseas-card-decline.json", "valid/minimal.json",
            "import/lex-v2-event.json", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "BOT FLOW"));
  g_assert_nonnull (strstr (table.out, "cards/transaction-declined"));
  g_assert_nonnull (strstr (table.out, "100%"));
  g_assert_nonnull (strstr (table.out, "LoanHardship"));

  run_tool (&json, NULL, "score", "--format", "json", "valid/overseas-card-decline.json",
            "valid/card-block.json", "valid/minimal.json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out);
  packets = json_object_get_array_member (json_node_get_object (root), "packets");
  flows = json_object_get_array_member (json_node_get_object (root), "flows");
  g_assert_cmpuint (json_array_get_length (packets), ==, 3);
  first = json_array_get_object_element (packets, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "score"), 1.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (first, "bot_flow"), ==, "cards/transaction-declined");
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "contexts"), "verification"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (packets, 2),
                                                                         "missing")), >, 10);
  g_assert_cmpuint (json_array_get_length (flows), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/packet-cli/help", test_help);
  g_test_add_func ("/hd/packet-cli/usage-errors", test_usage_errors);
  g_test_add_func ("/hd/packet-cli/validate", test_validate);
  g_test_add_func ("/hd/packet-cli/validate-json", test_validate_json);
  g_test_add_func ("/hd/packet-cli/too-big", test_too_big);
  g_test_add_func ("/hd/packet-cli/import", test_import_each_platform);
  g_test_add_func ("/hd/packet-cli/import-stdin-and-errors", test_import_stdin_and_errors);
  g_test_add_func ("/hd/packet-cli/score", test_score);

  return g_test_run ();
}
