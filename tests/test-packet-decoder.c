/* test-packet-decoder.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-packet-decoder"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-packet-parser-private.h"
#include "hd-test-packet-generator.h"
#include "hd-test-packet-util.h"

/* The packet decoder (hd-packet-decoder.c) reads a packet's bytes straight
 * into the model; the tree path (_hd_packet_parse_bytes_tree (), and
 * hd_packet_parse_node () for the feed) reads them through a json-glib
 * tree.  Both must give the same result for any input: the same packet,
 * or the same error (domain, code and message).  Inputs: every fixture
 * (which is also the fuzzer's seed corpus), generated packets, and a few
 * thousand deterministic mutations of both, under several limits. */

static void
describe_time (GString   *out,
               GDateTime *time)
{
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  g_string_append_printf (out, "%s|", text != NULL ? text : "-");
}

static void
describe_strv (GString            *out,
               const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append_printf (out, "%s,", strv[i]);
  g_string_append_c (out, '|');
}

#define S(x) g_string_append_printf (out, "%s|", (x) != NULL ? (x) : "-")

/* Everything the packet holds, as text. */
static char *
describe (HdPacket *packet)
{
  GString *out = g_string_new (NULL);
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdVerification *verification = hd_packet_get_verification (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  HdRouting *routing = hd_packet_get_routing (packet);
  HdCaseFields *fields = hd_packet_get_case_fields (packet);
  GListModel *list;

  S (hd_packet_get_schema_version (packet));
  S (hd_packet_get_handoff_id (packet));
  S (hd_packet_get_conversation_id (packet));
  describe_time (out, hd_packet_get_created_at (packet));
  S (hd_packet_get_bot_id (packet));
  S (hd_packet_get_bot_flow (packet));
  g_string_append_printf (out, "unknown %u|", hd_packet_get_unknown_field_count (packet));

  S (hd_customer_get_name (customer));
  S (hd_customer_get_crm_account_id (customer));
  S (hd_customer_get_segment (customer));
  describe_strv (out, (const char * const *) hd_customer_get_products (customer));
  g_string_append_printf (out, "channel %d|", hd_customer_get_channel (customer));
  list = hd_customer_get_accounts (customer);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HdAccountRef) account = g_list_model_get_item (list, i);

      S (hd_account_ref_get_kind (account));
      S (hd_account_ref_get_masked_id (account));
    }

  g_string_append_printf (out, "auth %d %d|", hd_verification_get_authenticated (verification),
                          hd_verification_get_method (verification));
  describe_strv (out, (const char * const *) hd_verification_get_scope (verification));

  list = hd_packet_get_intents (packet);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HdIntent) intent = g_list_model_get_item (list, i);

      S (hd_intent_get_name (intent));
      g_string_append_printf (out, "%g|", hd_intent_get_confidence (intent));
    }

  list = hd_packet_get_transcript (packet);
  g_string_append_printf (out, "\nturns %u\n", g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HdTurn) turn = g_list_model_get_item (list, i);
      GListModel *attachments = hd_turn_get_attachments (turn);

      g_string_append_printf (out, "%d|", hd_turn_get_speaker (turn));
      describe_time (out, hd_turn_get_time (turn));
      S (hd_turn_get_text (turn));
      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(HdAttachment) attachment = g_list_model_get_item (attachments, j);

          S (hd_attachment_get_id (attachment));
          S (hd_attachment_get_name (attachment));
          S (hd_attachment_get_content_type (attachment));
        }
      g_string_append_c (out, '\n');
    }

  S (hd_summary_get_text (summary));
  g_string_append_printf (out, "%d %g|", hd_summary_get_sentiment (summary),
                          hd_summary_get_frustration (summary));
  g_string_append_printf (out, "%d|", hd_routing_get_escalation_reason (routing));
  S (hd_routing_get_skill_group (routing));
  S (hd_routing_get_language (routing));
  g_string_append_printf (out, "%u|", hd_routing_get_sla_target_seconds (routing));
  S (hd_case_fields_get_case_id (fields));
  S (hd_case_fields_get_next_best_action (fields));
  return g_string_free (out, FALSE);
}

#undef S

/* The outcome of one parse, as text: the packet or the error. */
static char *
outcome (HdPacket *packet,
         GError   *error)
{
  g_autofree char *text = NULL;

  g_assert_true ((packet == NULL) != (error == NULL));
  if (packet == NULL)
    return g_strdup_printf ("error %s %d: %s", g_quark_to_string (error->domain), error->code,
                            error->message);
  text = describe (packet);
  return g_strdup_printf ("packet %s", text);
}

static guint n_compared, n_packets;

static char *
node_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("-");
}

/* @data as a feed frame's packet: hd_bounded_json_parse_deferring () must
 * give what hd_bounded_json_parse () gives (the same error and depth, or
 * the same tree less the packet, with the packet's bytes where they are),
 * and the packet read from those bytes what hd_packet_parse_node () reads
 * from the tree. */
static void
compare_frame (const char           *label,
               const char           *data,
               gsize                 len,
               const HdPacketLimits *limits)
{
  g_autoptr(GString) frame = g_string_new ("{\"type\":\"offer\",\"seq\":1,\"packet\":");
  g_autoptr(GError) full_error = NULL;
  g_autoptr(GError) deferred_error = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(JsonNode) deferred = NULL;
  guint full_depth = 0, deferred_depth = 0;
  gsize offset = 0, member_len = 0;
  gsize prefix;

  prefix = frame->len;
  g_string_append_len (frame, data, len);
  g_string_append (frame, ",\"after\":[1,{\"a\":null}]}");
  full = hd_bounded_json_parse (frame->str, frame->len, limits->max_depth + 1, &full_depth,
                                &full_error);
  deferred = hd_bounded_json_parse_deferring (frame->str, frame->len, limits->max_depth + 1,
                                              "packet", &offset, &member_len, &deferred_depth,
                                              &deferred_error);
  g_assert_cmpuint (full_depth, ==, deferred_depth);
  if (full == NULL)
    {
      if (deferred != NULL)
        g_error ("%s: only the deferring scanner read the frame", label);
      g_assert_cmpstr (full_error->message, ==, deferred_error->message);
      return;
    }
  if (deferred == NULL)
    g_error ("%s: only the full scanner read the frame: %s", label, deferred_error->message);

  {
    JsonObject *full_object = json_node_get_object (full);
    JsonObject *deferred_object = json_node_get_object (deferred);
    JsonNode *packet_node = json_object_get_member (full_object, "packet");
    g_autoptr(JsonNode) from_span = NULL;
    g_autoptr(GList) names = json_object_get_members (full_object);
    g_autofree char *packet_text = NULL;
    g_autofree char *span_text = NULL;
    g_autoptr(GError) checked_error = NULL;
    g_autoptr(GError) node_error = NULL;
    g_autoptr(HdPacket) checked = NULL;
    g_autoptr(HdPacket) from_node = NULL;
    g_autofree char *checked_outcome = NULL;
    g_autofree char *node_outcome = NULL;

    /* The same members, less the packet. */
    g_assert_false (json_object_has_member (deferred_object, "packet"));
    g_assert_cmpuint (json_object_get_size (deferred_object), ==, json_object_get_size (full_object) - 1);
    for (GList *l = names; l != NULL; l = l->next)
      {
        g_autofree char *full_text = NULL;
        g_autofree char *deferred_text = NULL;

        if (g_str_equal (l->data, "packet"))
          continue;
        full_text = node_text (json_object_get_member (full_object, l->data));
        deferred_text = node_text (json_object_get_member (deferred_object, l->data));
        g_assert_cmpstr (full_text, ==, deferred_text);
      }
    g_assert_cmpuint (offset, >=, prefix);
    g_assert_cmpuint (offset + member_len, <=, prefix + len);
    from_span = hd_bounded_json_parse (frame->str + offset, member_len, G_MAXUINT, NULL, NULL);
    packet_text = node_text (packet_node);
    span_text = node_text (from_span);
    g_assert_cmpstr (packet_text, ==, span_text);

    checked = hd_packet_parse_checked (frame->str + offset, member_len, limits, &checked_error);
    from_node = hd_packet_parse_node (packet_node, limits, &node_error);
    checked_outcome = outcome (checked, checked_error);
    node_outcome = outcome (from_node, node_error);
    if (g_strcmp0 (checked_outcome, node_outcome) != 0)
      g_error ("%s: the frame's packet differs\n checked: %.300s\n node:    %.300s", label,
               checked_outcome, node_outcome);
    n_compared++;
  }
}

/* Both paths on @data: hd_packet_parse_bytes () against the tree path, and,
 * for what the bounded scanner accepts, hd_packet_parse_checked () (the
 * feed's) against hd_packet_parse_node () on the scanner's tree. */
static void
compare (const char           *label,
         const char           *data,
         gsize                 len,
         const HdPacketLimits *limits)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) decoder_error = NULL;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(HdPacket) decoded = hd_packet_parse_bytes (bytes, limits, &decoder_error);
  g_autoptr(HdPacket) tree = _hd_packet_parse_bytes_tree (bytes, limits, &tree_error);
  g_autofree char *decoder_outcome = outcome (decoded, decoder_error);
  g_autofree char *tree_outcome = outcome (tree, tree_error);
  g_autoptr(JsonNode) root = NULL;

  if (g_strcmp0 (decoder_outcome, tree_outcome) != 0)
    g_error ("%s: the decoder and the tree differ\n decoder: %.300s\n tree:    %.300s", label,
             decoder_outcome, tree_outcome);
  n_compared++;
  n_packets += decoded != NULL;

  /* The feed's path: the frame's scanner checked the bytes (with the
   * packet's depth bound, as the frame's bound leaves it), then the packet
   * is read from them. */
  if ((root = hd_bounded_json_parse (data, len, limits->max_depth, NULL, NULL)) != NULL)
    {
      g_autoptr(GError) checked_error = NULL;
      g_autoptr(GError) node_error = NULL;
      g_autoptr(HdPacket) checked = hd_packet_parse_checked (data, len, limits, &checked_error);
      g_autoptr(HdPacket) from_node = hd_packet_parse_node (root, limits, &node_error);
      g_autofree char *checked_outcome = outcome (checked, checked_error);
      g_autofree char *node_outcome = outcome (from_node, node_error);

      if (g_strcmp0 (checked_outcome, node_outcome) != 0)
        g_error ("%s: checked bytes and the node differ\n checked: %.300s\n node:    %.300s", label,
                 checked_outcome, node_outcome);
      n_compared++;
    }

  /* With the default limits only: the frame's path shares the rest. */
  if (limits->max_depth == HD_PACKET_DEFAULT_MAX_DEPTH && limits->max_turns == HD_PACKET_DEFAULT_MAX_TURNS)
    compare_frame (label, data, len, limits);
}

static void
limits_variants (HdPacketLimits variants[4])
{
  for (guint i = 0; i < 4; i++)
    hd_packet_limits_init (&variants[i]);
  /* As the fuzzer has them: the limit paths more often. */
  variants[1].max_string = 40;
  variants[1].max_turns = 3;
  variants[2].max_depth = 3;
  variants[2].max_turns = 0;
  variants[3].max_depth = 2;
}

static void
compare_all_limits (const char *label,
                    const char *data,
                    gsize       len)
{
  HdPacketLimits variants[4];

  limits_variants (variants);
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    compare (label, data, len, &variants[i]);
}

/* Deterministic mutations of @data: bytes dropped, replaced, inserted, and
 * spans repeated, with the bytes JSON and the turns are made of. */
static void
compare_mutations (const char *label,
                   const char *data,
                   gsize       len,
                   guint       n,
                   guint32     seed)
{
  static const char * const pieces[] = {
    "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "-1", "1e999", "null", "true",
    "\"speaker\":\"bot\",", "\"text\":\"4111 1111 1111 1111\",", "\"time\":\"2026-13-01T00:00:00Z\",",
    "\"x\":1,", "\\u0041", "\\ud800", "\xc3\xa9", "\xff", "\"attachments\":[],", "{}", "[]",
    "\"speaker\":", "\"transcript\":[],",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) mutated = g_string_new_len (data, len);
      g_autofree char *what = NULL;
      guint at = len > 0 ? (guint) g_rand_int_range (rand, 0, (gint32) len) : 0;
      guint kind = (guint) g_rand_int_range (rand, 0, 4);
      /* Drawn before MIN (), which evaluates its arguments twice. */
      gsize count = (gsize) g_rand_int_range (rand, 1, 8);
      gsize span = (gsize) g_rand_int_range (rand, 1, 200);

      switch (kind)
        {
        case 0:
          g_string_erase (mutated, at, MIN (count, len - at));
          break;
        case 1:
          g_string_insert (mutated, at, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          break;
        case 2:
          if (at < len)
            mutated->str[at] = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))][0];
          break;
        default:
          g_string_insert_len (mutated, at, data + at, MIN (span, len - at));
          break;
        }
      what = g_strdup_printf ("%s, mutation %u", label, i);
      compare_all_limits (what, mutated->str, mutated->len);
    }
}

static void
test_fixtures (void)
{
  const char *kinds[] = { "valid", "invalid" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir_path = hd_test_fixture_path (kinds[k], "");
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;
      guint n_files = 0;
      guint before;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autofree char *data = NULL;
          gsize len;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          path = g_build_filename (dir_path, name, NULL);
          g_assert_true (g_file_get_contents (path, &data, &len, NULL));
          before = n_packets;
          compare_all_limits (name, data, len);
          /* Both sides agreeing on an error proves nothing: a valid fixture is read, at
           * least with the default limits. */
          if (k == 0)
            g_assert_cmpuint (n_packets, >, before);
          compare_mutations (name, data, len, 12, g_str_hash (name));
          n_files++;
        }
      g_assert_cmpuint (n_files, >, 0);
    }
  g_test_message ("%u comparisons, %u of them packets", n_compared, n_packets);
}

static void
test_generated (void)
{
  for (guint seed = 1; seed <= 12; seed++)
    {
      g_autoptr(GBytes) json = hd_test_packet_generator_build (seed * 5, seed);
      gsize len;
      const char *data = g_bytes_get_data (json, &len);
      g_autofree char *label = g_strdup_printf ("generated %u", seed);
      guint before = n_packets;

      compare_all_limits (label, data, len);
      g_assert_cmpuint (n_packets, >, before);
      compare_mutations (label, data, len, 40, seed);
    }

  /* One big one, as the benchmark has it. */
  {
    g_autoptr(GBytes) json = hd_test_packet_generator_build (10000, 99);
    gsize len;
    const char *data = g_bytes_get_data (json, &len);
    HdPacketLimits limits;
    guint before = n_packets;

    hd_packet_limits_init (&limits);
    compare ("generated 10000", data, len, &limits);
    g_assert_cmpuint (n_packets, ==, before + 1);
  }
  g_test_message ("%u comparisons, %u of them packets", n_compared, n_packets);
}

/* The decoder's own choices: a repeated transcript (the last one counts,
 * as json-glib's objects keep the last), escapes in member names and
 * values, a turn read as a tree among common ones, and the limits'
 * precedence over a bad turn. */
static void
test_edge_cases (void)
{
  static const char * const cases[] = {
    "\"transcript\":[{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"}],"
      "\"transcript\":[]",
    "\"transcript\":[],\"transcript\":7",
    "\"transcript\":7,\"transcript\":[{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"}]",
    "\"tr\\u0061nscript\":[{\"sp\\u0065aker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\\nb \\\"1234\\\"\"}]",
    "\"transcript\":[{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\",\"x\":{\"y\":[1]}},"
      "{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"123456\"}]",
    "\"transcript\":[{\"speaker\":\"robot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"},1,2,3,4]",
    "\"transcript\":[{\"speaker\":\"bot\",\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"}]",
    "\"transcript\":[{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"} , null ]",
    "\"transcript\":[ ]",
    "\"transcript\":[{\"speaker\":\"bot\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\"a\"},]",
  };
  g_autoptr(GBytes) base = NULL;
  const char *data;
  gsize len;

  /* A packet whose transcript goes last, so a case can replace it. */
  base = hd_test_load_fixture ("valid", "minimal.json");
  data = g_bytes_get_data (base, &len);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) packet = g_string_new_len (data, len);
      g_autofree char *label = g_strdup_printf ("edge case %u", i);
      gssize close = -1;

      for (gssize j = (gssize) packet->len - 1; j >= 0 && close < 0; j--)
        if (packet->str[j] == '}')
          close = j;
      g_assert_cmpint (close, >, 0);
      g_string_insert (packet, close, ",");
      g_string_insert (packet, close + 1, cases[i]);
      compare_all_limits (label, packet->str, packet->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/packet-decoder/fixtures", test_fixtures);
  g_test_add_func ("/packet-decoder/generated", test_generated);
  g_test_add_func ("/packet-decoder/edge-cases", test_edge_cases);

  return g_test_run ();
}
