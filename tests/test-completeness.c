/* test-completeness.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-completeness"

#include "config.h"

#include "hd-test-packet-util.h"

static void
assert_missing_keys (HdCompleteness     *completeness,
                     HdContext           context,
                     const char * const *expected)
{
  const char * const *keys = hd_completeness_get_missing_keys (completeness, context);
  const char * const *messages = hd_completeness_get_missing (completeness, context);

  g_assert_cmpstrv (keys, expected);
  g_assert_cmpuint (g_strv_length ((GStrv) messages), ==, g_strv_length ((GStrv) keys));
}

static void
test_finalize (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("minimal.json");
  HdCompleteness *completeness = hd_packet_get_completeness (packet);

  g_assert_true (HD_IS_COMPLETENESS (completeness));
  /* Computed once, then cached. */
  g_assert_true (hd_packet_get_completeness (packet) == completeness);
  g_object_ref (completeness);
  g_clear_object (&packet);
  g_assert_finalize_object (completeness);
}

static void
test_overseas (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  const char * const none[] = { NULL };

  /* The reference journey carries every context item. */
  for (HdContext context = 0; context < HD_N_CONTEXTS; context++)
    {
      g_test_message ("%s: %.2f", hd_context_to_string (context),
                      hd_completeness_get_context_score (completeness, context));
      g_assert_cmpfloat (hd_completeness_get_context_score (completeness, context), ==, 1.0);
      assert_missing_keys (completeness, context, none);
    }
  g_assert_cmpfloat (hd_completeness_get_score (completeness), ==, 1.0);
  g_assert_cmpuint (hd_completeness_get_n_missing (completeness), ==, 0);
}

static void
test_kyc (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("kyc-document-issue.json");
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  const char * const customer[] = { "customer.crm", NULL };
  const char * const verification[] = {
    "verification.authenticated", "verification.method", "verification.verified_at",
    "verification.scope", "verification.consents", NULL,
  };
  const char * const transcript[] = {
    "summary.unresolved_issue", "summary.actions_attempted", "summary.sentiment", NULL,
  };
  const char * const routing[] = {
    "routing.escalation.detail", "routing.product_category", "routing.sla", NULL,
  };
  const char * const case_fields[] = { "case.disposition", "case.next_best_action", NULL };
  const char * const *messages;

  assert_missing_keys (completeness, HD_CONTEXT_CUSTOMER, customer);
  assert_missing_keys (completeness, HD_CONTEXT_VERIFICATION, verification);
  assert_missing_keys (completeness, HD_CONTEXT_TRANSCRIPT, transcript);
  assert_missing_keys (completeness, HD_CONTEXT_ROUTING, routing);
  assert_missing_keys (completeness, HD_CONTEXT_CASE, case_fields);

  g_assert_cmpfloat_with_epsilon (hd_completeness_get_context_score (completeness, HD_CONTEXT_CUSTOMER),
                                  4.0 / 5.0, 1e-9);
  g_assert_cmpfloat (hd_completeness_get_context_score (completeness, HD_CONTEXT_VERIFICATION), ==, 0.0);
  g_assert_cmpfloat (hd_completeness_get_context_score (completeness, HD_CONTEXT_INTENTS), ==, 1.0);
  g_assert_cmpfloat_with_epsilon (hd_completeness_get_context_score (completeness, HD_CONTEXT_TRANSCRIPT),
                                  2.0 / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hd_completeness_get_context_score (completeness, HD_CONTEXT_ROUTING),
                                  3.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hd_completeness_get_context_score (completeness, HD_CONTEXT_CASE),
                                  3.0 / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hd_completeness_get_score (completeness),
                                  (0.8 + 0.0 + 1.0 + 0.4 + 0.5 + 0.6) / 6.0, 1e-9);
  g_assert_cmpuint (hd_completeness_get_n_missing (completeness), ==, 1 + 5 + 0 + 3 + 3 + 2);

  messages = hd_completeness_get_missing (completeness, HD_CONTEXT_VERIFICATION);
  g_assert_cmpstr (messages[0], ==, "customer not verified");
  g_assert_cmpstr (messages[3], ==, "verification scope missing");
}

static void
test_minimal (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("minimal.json");
  HdCompleteness *completeness = hd_packet_get_completeness (packet);
  const char * const *messages = hd_completeness_get_missing (completeness, HD_CONTEXT_TRANSCRIPT);

  g_assert_true (g_strv_contains (messages, "no summary"));
  g_assert_true (g_strv_contains (messages, "no transcript"));
  g_assert_true (g_strv_contains (hd_completeness_get_missing (completeness, HD_CONTEXT_CASE),
                                  "no case id and no request to create one"));
  g_assert_cmpfloat (hd_completeness_get_context_score (completeness, HD_CONTEXT_TRANSCRIPT), ==, 0.0);
  g_assert_cmpfloat (hd_completeness_get_context_score (completeness, HD_CONTEXT_INTENTS), ==, 0.0);
  g_assert_cmpfloat (hd_completeness_get_score (completeness), <, 0.1);
  g_assert_cmpfloat (hd_completeness_get_score (completeness), >=, 0.0);
}

static void
test_titles (void)
{
  for (HdContext context = 0; context < HD_N_CONTEXTS; context++)
    {
      g_assert_nonnull (hd_context_to_string (context));
      g_assert_nonnull (hd_context_get_title (context));
    }

  g_assert_cmpstr (hd_context_to_string (HD_CONTEXT_VERIFICATION), ==, "verification");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/completeness/finalize", test_finalize);
  g_test_add_func ("/hd/completeness/overseas-card-decline", test_overseas);
  g_test_add_func ("/hd/completeness/kyc-document-issue", test_kyc);
  g_test_add_func ("/hd/completeness/minimal", test_minimal);
  g_test_add_func ("/hd/completeness/titles", test_titles);

  return g_test_run ();
}
