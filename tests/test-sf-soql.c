/* test-sf-soql.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-sf-standin-soql.h"

/* The Salesforce stand-in's SOQL subset, checked directly: no server, no
 * store.  The outbox's reconciliation depends on exactly these shapes. */

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static SoqlQuery *
parse_ok (const char *soql)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  SoqlQuery *query = _hd_sf_soql_parse (soql, &code, &message);

  g_assert_null (code);
  g_assert_nonnull (query);
  return query;
}

static void
assert_refused (const char *soql,
                const char *expected_code)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr(SoqlQuery) query = _hd_sf_soql_parse (soql, &code, &message);

  g_assert_null (query);
  g_assert_cmpstr (code, ==, expected_code);
  g_assert_nonnull (message);
}

static void
test_parse (void)
{
  g_autoptr(SoqlQuery) query = parse_ok ("select id, commentbody FROM CaseComment WHERE ParentId = '500Hs0000000001AAA' "
                                         "AND CreatedDate >= 2026-01-05T09:00:00Z ORDER BY createddate DESC LIMIT 5");

  g_assert_cmpstr (query->sobject, ==, "CaseComment");
  g_assert_cmpuint (g_strv_length (query->select), ==, 2);
  /* Field names are case-insensitive and come back canonical. */
  g_assert_cmpstr (query->select[0], ==, "Id");
  g_assert_cmpstr (query->select[1], ==, "CommentBody");
  g_assert_cmpuint (query->conditions->len, ==, 2);
  g_assert_cmpstr (query->order_field, ==, "CreatedDate");
  g_assert_true (query->descending);
  g_assert_cmpint (query->limit, ==, 5);
}

static void
test_refused (void)
{
  assert_refused ("", "MALFORMED_QUERY");
  assert_refused ("DELETE FROM Case", "MALFORMED_QUERY");
  assert_refused ("SELECT Id Case", "MALFORMED_QUERY");
  assert_refused ("SELECT Id FROM Widget", "INVALID_TYPE");
  assert_refused ("SELECT Colour FROM Case", "INVALID_FIELD");
  assert_refused ("SELECT Id FROM Case WHERE Colour = 'red'", "INVALID_FIELD");
  assert_refused ("SELECT Id FROM Case WHERE Status = 'New' OR", "MALFORMED_QUERY");
  assert_refused ("SELECT Id FROM Case WHERE Subject = 'unterminated", "MALFORMED_QUERY");
  assert_refused ("SELECT Id FROM Case LIMIT -1", "MALFORMED_QUERY");
}

static void
test_matches (void)
{
  g_autoptr(JsonObject) kase = object_from ("{\"Id\":\"500Hs0000000001AAA\",\"Status\":\"Working\",\"IsClosed\":false,"
                                            "\"Subject\":\"Card declined abroad\",\"AccountId\":null,"
                                            "\"CreatedDate\":\"2026-01-05T10:00:00.000+0000\"}");
  struct { const char *where; gboolean expected; } cases[] = {
    { "Status = 'Working'", TRUE },
    { "Status = 'New'", FALSE },
    { "Status != 'New'", TRUE },
    { "Status <> 'Working'", FALSE },
    { "IsClosed = false", TRUE },
    { "AccountId = null", TRUE },
    { "AccountId != null", FALSE },
    { "Subject LIKE 'Card%'", TRUE },
    { "Subject LIKE '%abroad'", TRUE },
    { "Subject LIKE 'Lost%'", FALSE },
    /* Datetimes compare as instants, whatever their offset notation. */
    { "CreatedDate >= 2026-01-05T10:00:00Z", TRUE },
    { "CreatedDate > 2026-01-05T10:00:00Z", FALSE },
    { "CreatedDate < 2026-01-05T11:00:00+01:00", FALSE },
    { "CreatedDate <= 2026-01-05T11:00:00+01:00", TRUE },
    { "Status = 'Working' AND IsClosed = true", FALSE },
    { "Status = 'Working' AND Subject LIKE '%declined%'", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *soql = g_strdup_printf ("SELECT Id FROM Case WHERE %s", cases[i].where);
      g_autoptr(SoqlQuery) query = parse_ok (soql);

      g_test_message ("%s", soql);
      g_assert_cmpint (_hd_sf_soql_matches (query, kase), ==, cases[i].expected);
    }
}

static void
test_sort_and_limit (void)
{
  g_autoptr(SoqlQuery) query = parse_ok ("SELECT Id FROM Case ORDER BY CreatedDate DESC LIMIT 2");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_ptr_array_add (rows, object_from ("{\"Id\":\"a\",\"CreatedDate\":\"2026-01-05T10:00:00.000+0000\"}"));
  g_ptr_array_add (rows, object_from ("{\"Id\":\"b\",\"CreatedDate\":\"2026-01-05T12:00:00.000+0000\"}"));
  g_ptr_array_add (rows, object_from ("{\"Id\":\"c\",\"CreatedDate\":\"2026-01-05T11:00:00.000+0000\"}"));
  _hd_sf_soql_sort (query, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 0), "Id"), ==, "b");
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (rows, 1), "Id"), ==, "c");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/sf-soql/parse", test_parse);
  g_test_add_func ("/hd/sf-soql/refused", test_refused);
  g_test_add_func ("/hd/sf-soql/matches", test_matches);
  g_test_add_func ("/hd/sf-soql/sort-and-limit", test_sort_and_limit);
  return g_test_run ();
}
