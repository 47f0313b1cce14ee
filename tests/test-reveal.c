/* test-reveal.c: the raw account identifiers a packet keeps for the reveal flow
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hd-journal.h"
#include "hd-mask.h"
#include "hd-packet-parser.h"
#include "hd-test-packet-util.h"
#include "hd-test-utils.h"

#define RAW_CARD     "4111 1111 1111 1111"
#define RAW_CARD_RUN "4111111111111111"
#define RAW_LINKED   "50100234567812"
#define RAW_IN_TEXT  "5500000000000004"

static const char packet_json[] =
  "{"
  "  \"schema_version\": \"1.0\","
  "  \"handoff_id\": \"ho-reveal-1\","
  "  \"conversation_id\": \"conv-reveal-1\","
  "  \"created_at\": \"2026-11-24T08:00:00Z\","
  "  \"customer\": {"
  "    \"name\": \"Priya Raman\","
  "    \"accounts\": [ { \"kind\": \"card\", \"id\": \"" RAW_CARD "\", \"label\": \"Visa card\" } ],"
  "    \"linked_accounts\": [ { \"kind\": \"savings\", \"id\": \"" RAW_LINKED "\" } ],"
  "    \"channel\": \"in_app\""
  "  },"
  "  \"verification\": { \"authenticated\": false },"
  "  \"routing\": { \"escalation\": { \"reason\": \"sla_rule\" } },"
  "  \"transcript\": ["
  "    { \"speaker\": \"customer\", \"time\": \"2026-11-24T07:59:00Z\","
  "      \"text\": \"my other card " RAW_IN_TEXT " is blocked\" }"
  "  ]"
  "}";

static HdPacket *
parse_literal (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (packet_json, strlen (packet_json));
  g_autoptr(GError) error = NULL;
  HdPacket *packet = hd_packet_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (packet);
  return packet;
}

static HdAccountRef *
nth_account (HdPacket *packet,
             gboolean  linked,
             guint     index)
{
  HdCustomer *customer = hd_packet_get_customer (packet);
  GListModel *list = linked ? hd_customer_get_linked_accounts (customer)
                            : hd_customer_get_accounts (customer);

  return g_list_model_get_item (list, index);
}

static void
assert_not_contains (const char *text,
                     const char *needle)
{
  if (text != NULL && strstr (text, needle) != NULL)
    g_test_fail_printf ("“%s” found in “%s”", needle, text);
}

static void
test_reveal_finalize (void)
{
  HdPacket *packet = parse_literal ();

  g_assert_finalize_object (packet);
}

static void
test_reveal_only_through_reveal (void)
{
  g_autoptr(HdPacket) packet = parse_literal ();
  g_autoptr(HdAccountRef) card = nth_account (packet, FALSE, 0);
  g_autoptr(HdAccountRef) savings = nth_account (packet, TRUE, 0);
  g_autofree char *raw_card = NULL;
  g_autofree char *raw_savings = NULL;
  g_autofree char *masked_again = NULL;
  g_autoptr(HdTurn) turn = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  /* The normal getters only ever show the masked form. */
  g_assert_cmpstr (hd_account_ref_get_masked_id (card), ==, "••••1111");
  g_assert_cmpstr (hd_account_ref_get_masked_id (savings), ==, "••••7812");
  g_assert_cmpstr (hd_account_ref_get_label (card), ==, "Visa card");
  g_assert_cmpstr (hd_account_ref_get_kind (card), ==, "card");
  /* No property leaks it either: account references have none. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (card), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 0);
  /* Masking the masked form keeps it masked. */
  masked_again = hd_mask_identifier (hd_account_ref_get_masked_id (card));
  g_assert_cmpstr (masked_again, ==, "••••1111");

  /* The deliberate call returns the identifier exactly as the bot sent it. */
  raw_card = hd_packet_reveal_account_id (packet, card);
  raw_savings = hd_packet_reveal_account_id (packet, savings);
  g_assert_cmpstr (raw_card, ==, RAW_CARD);
  g_assert_cmpstr (raw_savings, ==, RAW_LINKED);

  /* Transcript text is never kept unmasked. */
  turn = g_list_model_get_item (hd_packet_get_transcript (packet), 0);
  g_assert_cmpstr (hd_turn_get_text (turn), ==, "my other card ••••0004 is blocked");
  hd_test_assert_no_raw_number (hd_turn_get_text (turn));
}

static void
test_reveal_foreign_ref (void)
{
  g_autoptr(HdPacket) packet = parse_literal ();
  g_autoptr(HdPacket) other = parse_literal ();
  g_autoptr(HdAccountRef) foreign = nth_account (other, FALSE, 0);

  /* A reference of another packet reveals nothing through this one. */
  g_assert_null (hd_packet_reveal_account_id (packet, foreign));
}

static char *
read_journal (const char *dir)
{
  g_auto(GStrv) files = NULL;
  g_autoptr(GError) error = NULL;
  GString *all = g_string_new (NULL);

  files = hd_journal_list_files (dir, &error);
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

static void
test_reveal_journal_round_trip (void)
{
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-reveal-XXXXXX");
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HdJournalEvent) offer = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(HdPacket) original = parse_literal ();
  g_autoptr(HdPacket) replayed = NULL;
  g_autoptr(HdAccountRef) card = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *revealed = NULL;
  JsonObject *payload;
  JsonNode *packet_node;

  journal = hd_journal_new (dir, NULL, &error);
  g_assert_no_error (error);

  /* The session journals offers as the packet JSON the feed delivered. */
  json_parser_load_from_data (parser, packet_json, -1, &error);
  g_assert_no_error (error);
  {
    JsonObject *object = json_object_new ();
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_object_set_member (object, "packet", json_node_copy (json_parser_get_root (parser)));
    json_node_take_object (node, object);
    offer = hd_journal_event_new ("ho-reveal-1", HD_ACTOR_BOT, NULL, HD_EVENT_OFFER, node);
    json_node_unref (node);
  }
  g_assert_true (hd_journal_append (journal, offer, &error));
  g_assert_no_error (error);

  /* A reveal records who and why, never the value. */
  g_assert_false (hd_journal_append_reveal (journal, "ho-reveal-1", "account ••••1111", HD_ACTOR_AGENT,
                                            "agent-7", "  ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (hd_journal_append_reveal (journal, "ho-reveal-1", "account ••••1111", HD_ACTOR_AGENT,
                                           "agent-7", "Customer disputes a charge", &error));
  g_assert_no_error (error);
  g_assert_true (hd_journal_sync (journal, &error));
  g_assert_no_error (error);

  contents = read_journal (dir);
  g_assert_nonnull (strstr (contents, "\"reveal\""));
  g_assert_nonnull (strstr (contents, "Customer disputes a charge"));
  g_assert_nonnull (strstr (contents, "agent-7"));
  assert_not_contains (contents, RAW_CARD);
  assert_not_contains (contents, RAW_CARD_RUN);
  assert_not_contains (contents, RAW_LINKED);
  assert_not_contains (contents, RAW_IN_TEXT);

  /* Parsing the journaled packet back gives nothing more to reveal than the mask. */
  events = hd_journal_collect_handoff (dir, "ho-reveal-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  payload = hd_journal_event_get_payload (g_ptr_array_index (events, 0));
  packet_node = json_object_get_member (payload, "packet");
  g_assert_nonnull (packet_node);
  replayed = hd_packet_parse_node (packet_node, NULL, &error);
  g_assert_no_error (error);
  card = nth_account (replayed, FALSE, 0);
  g_assert_cmpstr (hd_account_ref_get_masked_id (card), ==, "••••1111");
  revealed = hd_packet_reveal_account_id (replayed, card);
  g_assert_nonnull (revealed);
  assert_not_contains (revealed, RAW_CARD);
  hd_test_assert_no_raw_number (revealed);

  g_assert_true (hd_journal_close (journal, &error));
  g_assert_no_error (error);
  g_clear_object (&journal);
  hd_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/reveal/finalize", test_reveal_finalize);
  g_test_add_func ("/hd/reveal/only-through-reveal", test_reveal_only_through_reveal);
  g_test_add_func ("/hd/reveal/foreign-ref", test_reveal_foreign_ref);
  g_test_add_func ("/hd/reveal/journal-round-trip", test_reveal_journal_round_trip);

  return g_test_run ();
}
