/* hd-test-packet-util.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hd-mask.h"
#include "hd-test-packet-util.h"

char *
hd_test_fixture_path (const char *kind,
                      const char *name)
{
  const char *dir = g_getenv ("HD_TEST_FIXTURES");

  if (dir != NULL)
    return g_build_filename (dir, kind, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "fixtures", kind, name, NULL);
}

GBytes *
hd_test_load_fixture (const char *kind,
                      const char *name)
{
  g_autofree char *path = hd_test_fixture_path (kind, name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

HdPacket *
hd_test_parse_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = hd_test_load_fixture ("valid", name);
  g_autoptr(GError) error = NULL;
  HdPacket *packet = hd_packet_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (packet);
  return packet;
}

HdPacket *
hd_test_parse_fixture_for_case (const char *name,
                                const char *case_id)
{
  g_autoptr(GBytes) bytes = hd_test_load_fixture ("valid", name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GError) error = NULL;
  HdPacket *packet;
  char *json;

  if (case_id == NULL)
    return hd_test_parse_fixture (name);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                                "case"),
                                 "id", case_id);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json = json_generator_to_data (generator, NULL);
  edited = g_bytes_new_take (json, strlen (json));
  packet = hd_packet_parse_bytes (edited, NULL, &error);
  g_assert_no_error (error);
  return packet;
}

/* Fails the test if `text` holds a Luhn-valid 13–19 digit run (spaces and
 * dashes allowed between digits) or any run of 9 or more digits.  ASCII
 * digits only: the model keeps at most four digits of anything it masks. */
void
hd_test_assert_no_raw_number (const char *text)
{
  char digits[128];
  gsize n = 0;
  gsize longest = 0, current = 0;

  if (text == NULL)
    return;

  for (const char *p = text;; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n < sizeof digits - 1)
            digits[n++] = *p;
          current++;
          longest = MAX (longest, current);
          continue;
        }

      if ((*p == ' ' || *p == '-') && n > 0 && g_ascii_isdigit (p[1]))
        {
          current = 0;
          continue;
        }

      if (n >= 13 && n <= 19 && hd_mask_luhn_valid (digits, n))
        g_test_fail_printf ("card number survived masking in “%s”", text);
      if (longest >= 9)
        g_test_fail_printf ("long number survived masking in “%s”", text);

      n = 0;
      current = 0;
      longest = 0;
      if (*p == '\0')
        break;
    }
}

void
hd_test_assert_strv_masked (const char * const *strv)
{
  for (guint i = 0; strv[i] != NULL; i++)
    hd_test_assert_no_raw_number (strv[i]);
}

void
hd_test_assert_fields_masked (GListModel *fields)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (fields, i);

      hd_test_assert_no_raw_number (hd_field_get_label (field));
      hd_test_assert_no_raw_number (hd_field_get_value (field));
    }
}

void
hd_test_assert_accounts_masked (GListModel *accounts)
{
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(HdAccountRef) account = g_list_model_get_item (accounts, i);
      const char *id = hd_account_ref_get_masked_id (account);

      /* "••••" and at most the last four digits. */
      g_assert_true (g_str_has_prefix (id, HD_MASK_BULLETS));
      g_assert_cmpuint (strlen (id), <=, strlen (HD_MASK_BULLETS) + 4);
      hd_test_assert_no_raw_number (hd_account_ref_get_label (account));
    }
}

/* Walks every free-text string a widget could show. */
void
hd_test_assert_packet_masked (HdPacket *packet)
{
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  HdRouting *routing = hd_packet_get_routing (packet);
  HdCaseFields *case_fields = hd_packet_get_case_fields (packet);
  GListModel *transcript = hd_packet_get_transcript (packet);
  GListModel *consents = hd_verification_get_consents (hd_packet_get_verification (packet));

  hd_test_assert_no_raw_number (hd_customer_get_name (customer));
  hd_test_assert_accounts_masked (hd_customer_get_accounts (customer));
  hd_test_assert_accounts_masked (hd_customer_get_linked_accounts (customer));

  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(HdConsent) consent = g_list_model_get_item (consents, i);

      hd_test_assert_no_raw_number (hd_consent_get_text (consent));
    }

  hd_test_assert_fields_masked (hd_packet_get_entities (packet));

  for (guint i = 0; i < g_list_model_get_n_items (transcript); i++)
    {
      g_autoptr(HdTurn) turn = g_list_model_get_item (transcript, i);

      hd_test_assert_no_raw_number (hd_turn_get_text (turn));
    }

  hd_test_assert_no_raw_number (hd_summary_get_text (summary));
  hd_test_assert_no_raw_number (hd_summary_get_unresolved_issue (summary));
  hd_test_assert_strv_masked (hd_summary_get_actions_attempted (summary));
  hd_test_assert_no_raw_number (hd_routing_get_escalation_detail (routing));
  hd_test_assert_fields_masked (hd_case_fields_get_form_fields (case_fields));
  hd_test_assert_strv_masked (hd_case_fields_get_documents_requested (case_fields));
  hd_test_assert_no_raw_number (hd_case_fields_get_next_best_action (case_fields));
}
