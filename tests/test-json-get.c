/* test-json-get.c: members of outside JSON read with a fallback, never a critical
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hd-json-get.h"

static JsonObject *
object_from (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Each member holds one kind of JSON; only the right kind is read, the rest give the
 * fallback.  The suite makes criticals fatal: json-glib's own *_member_with_default ()
 * would abort here on "object" and "array". */
static void
test_kinds (void)
{
  g_autoptr(JsonObject) o = object_from ("{\"string\":\"text\",\"int\":42,\"double\":2.5,\"whole\":7.0,"
                                         "\"true\":true,\"null\":null,\"object\":{\"a\":1},"
                                         "\"array\":[1,2],\"huge\":1e300,\"negative\":-9}");
  static const char * const others[] = { "missing", "null", "object", "array" };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_cmpstr (hd_json_get_string (o, others[i], "fallback"), ==, "fallback");
      g_assert_cmpint (hd_json_get_int (o, others[i], -1), ==, -1);
      g_assert_true (hd_json_get_boolean (o, others[i], TRUE));
      g_assert_false (hd_json_get_boolean (o, others[i], FALSE));
      g_assert_cmpfloat (hd_json_get_double (o, others[i], 0.25), ==, 0.25);
    }

  g_assert_cmpstr (hd_json_get_string (o, "string", NULL), ==, "text");
  g_assert_null (hd_json_get_string (o, "int", NULL));
  g_assert_null (hd_json_get_string (o, "true", NULL));

  g_assert_cmpint (hd_json_get_int (o, "int", 0), ==, 42);
  g_assert_cmpint (hd_json_get_int (o, "negative", 0), ==, -9);
  g_assert_cmpint (hd_json_get_int (o, "whole", 0), ==, 7);
  g_assert_cmpint (hd_json_get_int (o, "double", -1), ==, -1);
  g_assert_cmpint (hd_json_get_int (o, "huge", -1), ==, -1);
  g_assert_cmpint (hd_json_get_int (o, "string", -1), ==, -1);
  g_assert_cmpint (hd_json_get_int (o, "true", -1), ==, -1);

  g_assert_true (hd_json_get_boolean (o, "true", FALSE));
  g_assert_false (hd_json_get_boolean (o, "int", FALSE));
  g_assert_false (hd_json_get_boolean (o, "string", FALSE));

  g_assert_cmpfloat (hd_json_get_double (o, "double", 0), ==, 2.5);
  g_assert_cmpfloat (hd_json_get_double (o, "int", 0), ==, 42.0);
  g_assert_cmpfloat (hd_json_get_double (o, "huge", 0), ==, 1e300);
  g_assert_cmpfloat (hd_json_get_double (o, "string", -1), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/json-get/kinds", test_kinds);

  return g_test_run ();
}
