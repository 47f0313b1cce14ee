/* test-packet-schema.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-packet-schema"

#include "config.h"

#include "hd-test-packet-util.h"

/* The published JSON Schema and the parser must agree: same enum values, and
 * every valid fixture valid under the schema (when a validator is at hand). */

static char *
schema_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "handoff-packet.schema.json", NULL);
}

static JsonNode *
load_schema (void)
{
  g_autofree char *path = schema_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
schema_enum (JsonNode   *schema,
             const char *path)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *matches;

  result = json_path_query (path, schema, &error);
  g_assert_no_error (error);
  matches = json_node_get_array (result);
  g_assert_cmpuint (json_array_get_length (matches), ==, 1);
  return json_array_ref (json_array_get_array_element (matches, 0));
}

typedef gboolean (*CheckFunc) (const char *name);

#define CHECKER(prefix, Type)                        \
  static gboolean                                    \
  check_##prefix (const char *name)                  \
  {                                                  \
    Type value;                                      \
    return prefix##_from_string (name, &value);      \
  }

CHECKER (hd_channel, HdChannel)
CHECKER (hd_verification_method, HdVerificationMethod)
CHECKER (hd_intent_outcome, HdIntentOutcome)
CHECKER (hd_speaker, HdSpeaker)
CHECKER (hd_sentiment, HdSentiment)
CHECKER (hd_escalation_reason, HdEscalationReason)
CHECKER (hd_priority, HdPriority)

static void
test_enums_match (void)
{
  const struct { const char *path; CheckFunc check; GType type; guint n_absent; } enums[] = {
    { "$.$defs.customer.properties.channel.enum", check_hd_channel, HD_TYPE_CHANNEL, 1 },
    { "$.$defs.verification.properties.method.enum", check_hd_verification_method,
      HD_TYPE_VERIFICATION_METHOD, 1 },
    { "$.$defs.intents.properties.history.items.properties.outcome.enum",
      check_hd_intent_outcome, HD_TYPE_INTENT_OUTCOME, 0 },
    { "$.$defs.turn.properties.speaker.enum", check_hd_speaker, HD_TYPE_SPEAKER, 0 },
    { "$.$defs.summary.properties.sentiment.enum", check_hd_sentiment, HD_TYPE_SENTIMENT, 1 },
    { "$.$defs.routing.properties.escalation.properties.reason.enum", check_hd_escalation_reason,
      HD_TYPE_ESCALATION_REASON, 1 },
    { "$.$defs.routing.properties.priority.enum", check_hd_priority, HD_TYPE_PRIORITY, 1 },
  };
  g_autoptr(JsonNode) schema = load_schema ();

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(JsonArray) values = schema_enum (schema, enums[i].path);
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[i].type);

      g_test_message ("%s", enums[i].path);
      for (guint j = 0; j < json_array_get_length (values); j++)
        g_assert_true (enums[i].check (json_array_get_string_element (values, j)));

      /* And no C value the schema does not know, but the "absent" one. */
      g_assert_cmpuint (json_array_get_length (values) + enums[i].n_absent, ==, klass->n_values);
      g_assert_false (enums[i].check ("retina"));
    }
}

/* Runs Python's jsonschema over every valid fixture, if it is installed:
 * the schema and the parser accept the same packets. */
static void
test_fixtures_validate (void)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *schema = schema_path ();
  g_autofree char *valid_dir = hd_test_fixture_path ("valid", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *script =
    "import glob, json, os, sys\n"
    "try:\n"
    "    import jsonschema\n"
    "except ImportError:\n"
    "    sys.exit(77)\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema(schema)\n"
    "v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())\n"
    "files = sorted(glob.glob(os.path.join(sys.argv[2], '*.json')))\n"
    "assert files\n"
    "for f in files:\n"
    "    v.validate(json.load(open(f, encoding='utf-8')))\n"
    "print(len(files))\n";
  int status = 0;

  if (python == NULL)
    {
      g_test_skip ("python3 not installed");
      return;
    }

  {
    const char *argv[] = { python, "-c", script, schema, valid_dir, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &status, &error);
  }
  g_assert_no_error (error);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("Python jsonschema not installed");
      return;
    }

  g_test_message ("validated %s fixtures; %s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/packet-schema/enums-match", test_enums_match);
  g_test_add_func ("/hd/packet-schema/fixtures-validate", test_fixtures_validate);

  return g_test_run ();
}
