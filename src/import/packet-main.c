/* packet-main.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "handoffdesk-packet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hd-error.h"
#include "hd-import.h"
#include "hd-packet-parser.h"

/* handoffdesk-packet: the packet tool for bot teams and their CI.  It runs
 * the very parser and importers the app runs, so "valid here" means "shown
 * by the desk". */

enum
{
  EXIT_OK = 0,
  EXIT_INVALID = 1,   /* a file is not a valid packet, or could not be imported */
  EXIT_USAGE = 2,
  EXIT_UNREADABLE = 3,
};

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
} OutputFormat;

static void
print_manual (FILE *out)
{
  /* Reads like the man page it stands in for. */
  fputs (_("NAME\n"
           "    handoffdesk-packet — check, import and score HandoffDesk handoff packets\n"
           "\n"
           "SYNOPSIS\n"
           "    handoffdesk-packet validate [--format text|json] FILE…\n"
           "    handoffdesk-packet import [--from SOURCE] FILE\n"
           "    handoffdesk-packet score [--from SOURCE] [--format text|json] FILE…\n"
           "    handoffdesk-packet --help\n"
           "\n"
           "DESCRIPTION\n"
           "    A handoff packet is the JSON document a bot sends when a chat escalates to a\n"
           "    person (docs/handoff-packet.md). This tool runs the parser and importers of\n"
           "    the HandoffDesk app itself, for bot teams and their continuous integration.\n"
           "    FILE may be \"-\" for standard input.\n"
           "\n"
           "COMMANDS\n"
           "    validate FILE…\n"
           "        Checks each packet against the schema and the app's semantic rules\n"
           "        (times, ids, enums, limits). Prints \"FILE: valid\", or the file's first\n"
           "        error as a JSON Pointer to the member at fault and the reason, e.g.\n"
           "        \"bot.json: /verification/method: unknown value \\\"retina\\\"\".\n"
           "\n"
           "    import [--from SOURCE] FILE\n"
           "        Turns a bot platform's own record of a conversation into a packet and\n"
           "        prints it on standard output, card and account numbers already masked.\n"
           "        The kind of document is recognised; --from names the platform:\n"
           "          rasa           a tracker from GET /conversations/{id}/tracker\n"
           "          dialogflow-cx  a WebhookRequest, or a v3beta1 Conversation\n"
           "          lex-v2         a Lambda input event, or a CloudWatch Logs\n"
           "                         FilterLogEvents response of conversation text logs\n"
           "          salesforce     a Composite API response with a MessagingSession,\n"
           "                         its MessagingEndUser and its ConversationEntry rows\n"
           "        See docs/import/ for what maps where and what cannot be carried.\n"
           "\n"
           "    score FILE…\n"
           "        Context completeness, the share of what an agent needs that the packet\n"
           "        carries, per packet and per bot flow, and how many items it lacks\n"
           "        (their keys with --format json). FILE may be a packet or, with --from\n"
           "        or recognised, any document import reads.\n"
           "\n"
           "OPTIONS\n"
           "    --format text|json   Output for people (the default) or for machines.\n"
           "    --from SOURCE        rasa, dialogflow-cx, lex-v2, salesforce or packet.\n"
           "    -h, --help           Show this manual.\n"
           "\n"
           "EXIT STATUS\n"
           "    0   every file is valid (imported, scored)\n"
           "    1   a file is not a valid packet, or could not be imported\n"
           "    2   the command line is wrong\n"
           "    3   a file could not be read\n"
           "\n"
           "EXAMPLES\n"
           "    handoffdesk-packet validate packets/*.json\n"
           "    curl -s $RASA/conversations/$ID/tracker | handoffdesk-packet import --from rasa -\n"
           "    handoffdesk-packet score --format json packets/*.json\n"
           "\n"
           "SEE ALSO\n"
           "    handoffdesk(1), handoffdesk-router(1); docs/handoff-packet.md, docs/import/\n"),
         out);
}

static gboolean
parse_format (const char   *name,
              OutputFormat *format)
{
  if (name == NULL || g_str_equal (name, "text"))
    *format = FORMAT_TEXT;
  else if (g_str_equal (name, "json"))
    *format = FORMAT_JSON;
  else
    return FALSE;
  return TRUE;
}

static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  /* Linux names standard input as a file, which keeps one reading path. */
  file = g_str_equal (path, "-") ? g_file_new_for_path ("/dev/stdin")
                                 : g_file_new_for_commandline_arg (path);
  stream = G_INPUT_STREAM (g_file_read (file, NULL, error));
  if (stream == NULL)
    return NULL;
  /* One byte over the limit is enough for the parser to say it is too big. */
  while (data->len <= HD_IMPORT_MAX_BYTES)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (stream, 64 * 1024, NULL, error);

      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        break;
      g_byte_array_append (data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
    }
  /* Only the first bytes over the limit were read: say so, not how many. */
  if (data->len > HD_IMPORT_MAX_BYTES)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT, _("the file is over the limit of %llu bytes"),
                   (unsigned long long) HD_IMPORT_MAX_BYTES);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* A file too big is invalid; one that cannot be read at all, unreadable. */
static int
choose_exit_status (GBytes       *bytes,
                    const GError *error)
{
  return bytes == NULL && !g_error_matches (error, HD_ERROR, HD_ERROR_LIMIT) ? EXIT_UNREADABLE : EXIT_INVALID;
}

/* "/a/b: reason" → "/a/b"; NULL for an error about the document as a whole. */
static char *
find_error_pointer (const char *message)
{
  const char *colon;

  if (message[0] != '/' || (colon = strstr (message, ": ")) == NULL)
    return NULL;
  return g_strndup (message, colon - message);
}

static const char *
name_error_code (const GError *error)
{
  if (error->domain != HD_ERROR)
    return "io";
  switch (error->code)
    {
    case HD_ERROR_LIMIT: return "limit";
    case HD_ERROR_VERSION: return "version";
    default: return "parse";
    }
}

static void
add_error (JsonBuilder  *builder,
           const GError *error)
{
  g_autofree char *pointer = find_error_pointer (error->message);

  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, name_error_code (error));
  json_builder_set_member_name (builder, "pointer");
  if (pointer != NULL)
    json_builder_add_string_value (builder, pointer);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, TRUE);

  g_print ("%s\n", text);
}

static int
run_validate (char         **files,
              OutputFormat   format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int status = EXIT_OK;

  json_builder_begin_array (builder);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = read_input (files[i], &error);
      g_autoptr(HdPacket) packet = NULL;

      if (bytes != NULL)
        packet = hd_packet_parse_bytes (bytes, NULL, &error);
      if (packet == NULL)
        status = MAX (status, choose_exit_status (bytes, error));

      if (format == FORMAT_TEXT && packet != NULL)
        g_print (_("%s: valid\n"), files[i]);
      else if (format == FORMAT_TEXT)
        g_printerr ("%s: %s\n", files[i], error->message);
      else
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, files[i]);
          json_builder_set_member_name (builder, "valid");
          json_builder_add_boolean_value (builder, packet != NULL);
          if (packet != NULL)
            {
              json_builder_set_member_name (builder, "handoff_id");
              json_builder_add_string_value (builder, hd_packet_get_handoff_id (packet));
            }
          else
            add_error (builder, error);
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  if (format == FORMAT_JSON)
    print_json (builder);
  return status;
}

static int
run_import (const char     *file,
            HdImportSource  source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_input (file, &error);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autofree char *text = NULL;
  HdImportFormat format;

  if (bytes == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return choose_exit_status (bytes, error);
    }
  json = hd_import_to_json (bytes, source, NULL, &format, &error);
  /* What is printed is what the desk would accept: check it as the desk does. */
  if (json != NULL)
    packet = hd_packet_parse_node (json, NULL, &error);
  if (packet == NULL)
    {
      g_printerr ("%s: %s\n", file, error->message);
      return EXIT_INVALID;
    }
  text = json_to_string (json, TRUE);
  g_print ("%s\n", text);
  return EXIT_OK;
}

typedef struct
{
  guint  n;
  double total;
} FlowScore;

static int
run_score (char           **files,
           HdImportSource   source,
           OutputFormat     format)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) flows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) flow_order = g_ptr_array_new_with_free_func (g_free);
  int status = EXIT_OK;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "packets");
  json_builder_begin_array (builder);
  if (format == FORMAT_TEXT)
    /* Translators: the column heads of "handoffdesk-packet score". */
    g_print ("%-40s %-32s %6s %8s\n", _("FILE"), _("BOT FLOW"), _("SCORE"), _("MISSING"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = read_input (files[i], &error);
      g_autoptr(HdPacket) packet = NULL;
      HdCompleteness *completeness;
      const char *flow;
      FlowScore *score;

      if (bytes != NULL)
        packet = hd_import_packet (bytes, source, NULL, NULL, &error);
      if (packet == NULL)
        {
          status = MAX (status, choose_exit_status (bytes, error));
          if (format == FORMAT_TEXT)
            g_printerr ("%s: %s\n", files[i], error->message);
          else
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "file");
              json_builder_add_string_value (builder, files[i]);
              add_error (builder, error);
              json_builder_end_object (builder);
            }
          continue;
        }

      completeness = hd_packet_get_completeness (packet);
      flow = hd_packet_get_bot_flow (packet) != NULL ? hd_packet_get_bot_flow (packet) : "-";
      if ((score = g_hash_table_lookup (flows, flow)) == NULL)
        {
          score = g_new0 (FlowScore, 1);
          g_hash_table_insert (flows, g_strdup (flow), score);
          g_ptr_array_add (flow_order, g_strdup (flow));
        }
      score->n++;
      score->total += hd_completeness_get_score (completeness);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, files[i]);
      json_builder_set_member_name (builder, "handoff_id");
      json_builder_add_string_value (builder, hd_packet_get_handoff_id (packet));
      json_builder_set_member_name (builder, "bot_flow");
      if (hd_packet_get_bot_flow (packet) != NULL)
        json_builder_add_string_value (builder, hd_packet_get_bot_flow (packet));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, hd_completeness_get_score (completeness));
      json_builder_set_member_name (builder, "contexts");
      json_builder_begin_object (builder);
      for (HdContext c = 0; c < HD_N_CONTEXTS; c++)
        {
          json_builder_set_member_name (builder, hd_context_to_string (c));
          json_builder_add_double_value (builder, hd_completeness_get_context_score (completeness, c));
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (HdContext c = 0; c < HD_N_CONTEXTS; c++)
        {
          const char * const *keys = hd_completeness_get_missing_keys (completeness, c);

          for (guint k = 0; keys[k] != NULL; k++)
            json_builder_add_string_value (builder, keys[k]);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      if (format == FORMAT_TEXT)
        g_print ("%-40s %-32s %5.0f%% %8u\n", files[i], flow,
                 100 * hd_completeness_get_score (completeness),
                 hd_completeness_get_n_missing (completeness));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "flows");
  json_builder_begin_array (builder);
  if (format == FORMAT_TEXT && flow_order->len > 0)
    g_print ("\n%-32s %8s %6s\n", _("BOT FLOW"), _("PACKETS"), _("MEAN"));
  for (guint i = 0; i < flow_order->len; i++)
    {
      const char *flow = g_ptr_array_index (flow_order, i);
      FlowScore *score = g_hash_table_lookup (flows, flow);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "bot_flow");
      json_builder_add_string_value (builder, flow);
      json_builder_set_member_name (builder, "packets");
      json_builder_add_int_value (builder, score->n);
      json_builder_set_member_name (builder, "mean_score");
      json_builder_add_double_value (builder, score->total / score->n);
      json_builder_end_object (builder);
      if (format == FORMAT_TEXT)
        g_print ("%-32s %8u %5.0f%%\n", flow, score->n, 100 * score->total / score->n);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (format == FORMAT_JSON)
    print_json (builder);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *from = NULL;
  g_auto(GStrv) files = NULL;
  gboolean help = FALSE;
  HdImportSource source = HD_IMPORT_SOURCE_ANY;
  OutputFormat format;
  const char *command;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* The manual is the help: GOption's generated one would say less. */
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("handoffdesk-packet: %s\n", error->message);
      g_printerr (_("Try “handoffdesk-packet --help”.\n"));
      return EXIT_USAGE;
    }
  if (help)
    {
      print_manual (stdout);
      return EXIT_OK;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("handoffdesk-packet: no command; the commands are validate, import and score\n"));
      g_printerr (_("Try “handoffdesk-packet --help”.\n"));
      return EXIT_USAGE;
    }

  command = files[0];
  if (!parse_format (format_name, &format))
    {
      g_printerr (_("handoffdesk-packet: unknown --format “%s”: text or json\n"), format_name);
      return EXIT_USAGE;
    }
  if (from != NULL && !hd_import_source_from_string (from, &source))
    {
      g_printerr (_("handoffdesk-packet: unknown --from “%s”: rasa, dialogflow-cx, lex-v2, salesforce or packet\n"),
                  from);
      return EXIT_USAGE;
    }
  if (files[1] == NULL)
    {
      g_printerr (_("handoffdesk-packet: %s needs a FILE\n"), command);
      return EXIT_USAGE;
    }

  if (g_str_equal (command, "validate"))
    {
      if (from != NULL)
        {
          g_printerr (_("handoffdesk-packet: validate checks packets; use import --from to read other documents\n"));
          return EXIT_USAGE;
        }
      return run_validate (files + 1, format);
    }
  if (g_str_equal (command, "import"))
    {
      if (files[2] != NULL || format_name != NULL)
        {
          g_printerr (_("handoffdesk-packet: import takes one FILE and prints JSON\n"));
          return EXIT_USAGE;
        }
      return run_import (files[1], source);
    }
  if (g_str_equal (command, "score"))
    return run_score (files + 1, source, format);

  g_printerr (_("handoffdesk-packet: unknown command “%s”; the commands are validate, import and score\n"), command);
  return EXIT_USAGE;
}
