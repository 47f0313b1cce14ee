/* fuzz-packet.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-packet"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-mask.h"
#include "hd-packet-parser-private.h"

/* libFuzzer target for the packet parser and the masking it does, and for
 * the JSON parser the feed reads frames with (hd_bounded_json_parse (), then
 * the packet from its tree, as the feed client does).  Any input must give a
 * packet or an HD_ERROR, never a crash, a sanitizer report, a leak, or a
 * GLib critical (made fatal below: a g_return_if_fail hit is a bug here).
 * The packet decoder (bytes straight into the model) must agree with the
 * tree path it replaced, error for error (tests/test-packet-decoder.c
 * checks the same on a fixed corpus).
 * Seed corpus: tests/fixtures/valid and tests/fixtures/invalid. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* GLib stops on a fatal message with a breakpoint trap, which libFuzzer does
 * not catch: abort instead, so the input is saved as a crash. */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
  return 0;
}

/* Both the same packet (as far as a fuzzer can cheaply tell), or the same
 * error. */
static void
assert_same (HdPacket     *a,
             const GError *a_error,
             HdPacket     *b,
             const GError *b_error)
{
  g_assert ((a == NULL) == (b == NULL));
  if (a == NULL)
    {
      g_assert (a_error->domain == b_error->domain && a_error->code == b_error->code);
      g_assert (strcmp (a_error->message, b_error->message) == 0);
      return;
    }
  g_assert (g_list_model_get_n_items (hd_packet_get_transcript (a)) ==
            g_list_model_get_n_items (hd_packet_get_transcript (b)));
  g_assert (hd_packet_get_unknown_field_count (a) == hd_packet_get_unknown_field_count (b));
  for (guint i = 0; i < g_list_model_get_n_items (hd_packet_get_transcript (a)); i++)
    {
      g_autoptr(HdTurn) turn_a = g_list_model_get_item (hd_packet_get_transcript (a), i);
      g_autoptr(HdTurn) turn_b = g_list_model_get_item (hd_packet_get_transcript (b), i);

      g_assert (strcmp (hd_turn_get_text (turn_a), hd_turn_get_text (turn_b)) == 0);
      g_assert (hd_turn_get_speaker (turn_a) == hd_turn_get_speaker (turn_b));
      g_assert (g_date_time_equal (hd_turn_get_time (turn_a), hd_turn_get_time (turn_b)));
    }
}

static void
walk_packet (HdPacket *packet)
{
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  GListModel *transcript = hd_packet_get_transcript (packet);
  guint n = g_list_model_get_n_items (transcript);

  g_assert (hd_completeness_get_score (completeness) >= 0.0);
  g_assert (hd_completeness_get_score (completeness) <= 1.0);
  g_assert (hd_packet_get_handoff_id (packet) != NULL);
  g_assert (hd_packet_get_customer (packet) != NULL);
  g_assert (hd_packet_get_case_fields (packet) != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdTurn) turn = g_list_model_get_item (transcript, i);

      g_assert (g_utf8_validate (hd_turn_get_text (turn), -1, NULL));
      g_assert (hd_turn_get_time (turn) != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HdPacket) from_tree = NULL;
  guint depth = 0;
  HdPacketLimits limits;

  /* Small limits reach the limit paths more often. */
  hd_packet_limits_init (&limits);
  limits.max_string = 4096;
  limits.max_turns = 256;

  packet = hd_packet_parse_bytes (bytes, &limits, &error);
  g_assert ((packet == NULL) != (error == NULL));
  if (packet != NULL)
    walk_packet (packet);
  else
    g_assert (error->domain == HD_ERROR && error->message != NULL);
  {
    g_autoptr(GError) tree_error = NULL;
    g_autoptr(HdPacket) tree = _hd_packet_parse_bytes_tree (bytes, &limits, &tree_error);

    assert_same (packet, error, tree, tree_error);
  }
  g_clear_error (&error);

  /* A tree is bounded by the parse that made it, here with the packet's
   * own bound, as a feed frame's is with the packet's plus its envelope. */
  root = hd_bounded_json_parse ((const char *) data, size, limits.max_depth, &depth, &error);
  g_assert ((root == NULL) != (error == NULL));
  if (root == NULL)
    g_assert (depth <= limits.max_depth + 1);
  else
    {
      g_autoptr(GError) checked_error = NULL;
      g_autoptr(HdPacket) checked = NULL;

      g_assert (depth <= limits.max_depth);
      g_assert (json_node_is_immutable (root));
      from_tree = hd_packet_parse_node (root, &limits, &error);
      g_assert ((from_tree == NULL) != (error == NULL));
      if (from_tree != NULL)
        walk_packet (from_tree);
      /* The feed's path: bytes the scanner checked, read into the model. */
      checked = hd_packet_parse_checked ((const char *) data, size, &limits, &checked_error);
      assert_same (checked, checked_error, from_tree, error);
    }
  if (error != NULL)
    g_assert (error->domain == HD_ERROR && error->message != NULL);

  /* The maskers take any C string, valid UTF-8 or not. */
  text = g_strndup ((const char *) data, MIN (size, 4096));
  masked = hd_mask_text (text);
  id = hd_mask_identifier (text);
  g_assert (g_utf8_validate (masked, -1, NULL));
  g_assert (g_utf8_validate (id, -1, NULL));

  return 0;
}
