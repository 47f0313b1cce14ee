/* hd-sf-standin-soql.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-sf-standin-soql.h"
#include "hd-sf-standin-private.h"

/* The SOQL subset the stand-in understands: a lexer, WHERE conditions
 * joined by AND, ORDER BY and LIMIT.  Pure functions over JSON records. */

static void
condition_free (SoqlCondition *condition)
{
  g_free (condition->field);
  g_free (condition->op);
  g_clear_pointer (&condition->value, json_node_unref);
  g_free (condition);
}

typedef struct
{
  const char *p;
} Lexer;

static void
skip_space (Lexer *lexer)
{
  while (g_ascii_isspace (*lexer->p))
    lexer->p++;
}

/* A word, an operator, a quoted string (returned with its quotes removed
 * and *quoted set) or a punctuation character. */
static char *
next_token (Lexer    *lexer,
            gboolean *quoted)
{
  const char *start;

  skip_space (lexer);
  *quoted = FALSE;
  start = lexer->p;
  if (*lexer->p == '\0')
    return NULL;
  if (*lexer->p == '\'')
    {
      GString *out = g_string_new (NULL);

      lexer->p++;
      while (*lexer->p != '\0' && *lexer->p != '\'')
        {
          if (*lexer->p == '\\' && lexer->p[1] != '\0')
            lexer->p++;
          g_string_append_c (out, *lexer->p++);
        }
      if (*lexer->p != '\'')
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      lexer->p++;
      *quoted = TRUE;
      return g_string_free (out, FALSE);
    }
  if (strchr ("<>!=", *lexer->p) != NULL)
    {
      while (strchr ("<>!=", *lexer->p) != NULL && *lexer->p != '\0')
        lexer->p++;
      return g_strndup (start, lexer->p - start);
    }
  if (strchr (",()", *lexer->p) != NULL)
    return g_strndup (lexer->p++, 1);
  while (*lexer->p != '\0' && !g_ascii_isspace (*lexer->p) && strchr (",()'<>!=", *lexer->p) == NULL)
    lexer->p++;
  return g_strndup (start, lexer->p - start);
}

static int
compare_values (JsonNode *a,
                JsonNode *b)
{
  const char *sa, *sb;
  g_autoptr(GDateTime) da = NULL;
  g_autoptr(GDateTime) db = NULL;

  if (a == NULL || JSON_NODE_HOLDS_NULL (a) || b == NULL || JSON_NODE_HOLDS_NULL (b))
    return (a == NULL || JSON_NODE_HOLDS_NULL (a)) == (b == NULL || JSON_NODE_HOLDS_NULL (b)) ? 0 : 2;
  if (json_node_get_value_type (a) == G_TYPE_BOOLEAN || json_node_get_value_type (b) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) == json_node_get_boolean (b) ? 0 : 2;
  if (json_node_get_value_type (a) != G_TYPE_STRING || json_node_get_value_type (b) != G_TYPE_STRING)
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      return x < y ? -1 : x > y;
    }
  sa = json_node_get_string (a);
  sb = json_node_get_string (b);
  if (strchr (sa, 'T') != NULL && strchr (sb, 'T') != NULL &&
      (da = _hd_sf_standin_parse_datetime (sa)) != NULL && (db = _hd_sf_standin_parse_datetime (sb)) != NULL)
    return g_date_time_compare (da, db);
  return strcmp (sa, sb) < 0 ? -1 : strcmp (sa, sb) > 0;
}

gboolean
_hd_sf_soql_matches (SoqlQuery  *query,
                     JsonObject *record)
{
  GPtrArray *conditions = query->conditions;

  for (guint i = 0; i < conditions->len; i++)
    {
      SoqlCondition *condition = g_ptr_array_index (conditions, i);
      JsonNode *value = json_object_get_member (record, condition->field);
      int cmp;

      if (g_ascii_strcasecmp (condition->op, "LIKE") == 0)
        {
          g_autofree char *pattern = NULL;
          g_autoptr(GPatternSpec) spec = NULL;

          if (value == NULL || JSON_NODE_HOLDS_NULL (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            return FALSE;
          pattern = g_strdelimit (g_strdup (json_node_get_string (condition->value)), "%", '*');
          spec = g_pattern_spec_new (pattern);
          if (!g_pattern_spec_match_string (spec, json_node_get_string (value)))
            return FALSE;
          continue;
        }
      cmp = compare_values (value, condition->value);
      if ((strcmp (condition->op, "=") == 0 && cmp != 0) ||
          ((strcmp (condition->op, "!=") == 0 || strcmp (condition->op, "<>") == 0) && cmp == 0) ||
          (strcmp (condition->op, "<") == 0 && cmp != -1) ||
          (strcmp (condition->op, ">") == 0 && cmp != 1) ||
          (strcmp (condition->op, "<=") == 0 && cmp != -1 && cmp != 0) ||
          (strcmp (condition->op, ">=") == 0 && cmp != 1 && cmp != 0))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *field;
  gboolean    descending;
} Order;

static gint
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Order *order = user_data;
  int cmp = compare_values (json_object_get_member (*(JsonObject **) a, order->field),
                            json_object_get_member (*(JsonObject **) b, order->field));

  if (cmp == 2)
    cmp = 0;
  return order->descending ? -cmp : cmp;
}


static void
fail (char       **error_code,
      char       **error_message,
      const char  *code,
      char        *message)
{
  *error_code = g_strdup (code);
  *error_message = message;
}

/* Parses @soql.  On failure returns NULL with Salesforce's error code and
 * message for the 400 answer. */
SoqlQuery *
_hd_sf_soql_parse (const char  *soql,
                   char       **error_code,
                   char       **error_message)
{
  Lexer lexer = { soql };
  gboolean quoted;
  g_autoptr(GPtrArray) select = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);
  g_autofree char *token = NULL;
  g_autofree char *sobject = NULL;
  g_autofree char *order_field = NULL;
  gboolean descending = FALSE;
  gint64 limit = -1;
  SoqlQuery *query;

#define MALFORMED(why) G_STMT_START { \
    fail (error_code, error_message, "MALFORMED_QUERY", g_strdup (why)); return NULL; } G_STMT_END

  if (soql == NULL || *soql == '\0')
    MALFORMED ("SOQL statements cannot be empty or null");
  token = next_token (&lexer, &quoted);
  if (token == NULL || g_ascii_strcasecmp (token, "SELECT") != 0)
    MALFORMED ("unexpected token: expected SELECT");
  for (;;)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || quoted || strcmp (token, "(") == 0)
        MALFORMED ("unexpected token in the field list");
      g_ptr_array_add (select, g_strdup (token));
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token != NULL && strcmp (token, ",") == 0)
        continue;
      break;
    }
  if (token == NULL || g_ascii_strcasecmp (token, "FROM") != 0)
    MALFORMED ("unexpected token: expected FROM");
  sobject = next_token (&lexer, &quoted);
  if (sobject == NULL || quoted)
    MALFORMED ("unexpected token: expected an sObject type");
  if (_hd_sf_standin_fields_of (sobject) == NULL)
    {
      fail (error_code, error_message, "INVALID_TYPE",
            g_strdup_printf ("sObject type '%s' is not supported. If you are attempting "
                                                  "to use a custom object, be sure to append the '__c' after "
                                                  "the entity name.", sobject));
      return NULL;
    }
  for (guint i = 0; i < select->len; i++)
    if (!_hd_sf_standin_field_known (sobject, g_ptr_array_index (select, i)))
      {
        fail (error_code, error_message, "INVALID_FIELD",
              g_strdup_printf ("No such column '%s' on entity '%s'.",
                                                    (char *) g_ptr_array_index (select, i), sobject));
        return NULL;
      }

  g_free (token);
  token = next_token (&lexer, &quoted);
  if (token != NULL && g_ascii_strcasecmp (token, "WHERE") == 0)
    {
      for (;;)
        {
          SoqlCondition *condition;
          g_autofree char *field = next_token (&lexer, &quoted);
          g_autofree char *op = next_token (&lexer, &quoted);
          g_autofree char *value = NULL;
          gboolean value_quoted;

          if (field == NULL || op == NULL || strcmp (field, "(") == 0)
            MALFORMED ("unexpected token in WHERE");
          value = next_token (&lexer, &value_quoted);
          if (value == NULL || strcmp (value, "(") == 0)
            MALFORMED ("unexpected token in WHERE");
          if (!_hd_sf_standin_field_known (sobject, field))
            {
              fail (error_code, error_message, "INVALID_FIELD",
                    g_strdup_printf ("No such column '%s' on entity '%s'.", field, sobject));
              return NULL;
            }
          condition = g_new0 (SoqlCondition, 1);
          condition->field = g_strdup (_hd_sf_standin_canonical_field (sobject, field));
          condition->op = g_steal_pointer (&op);
          if (value_quoted)
            condition->value = json_node_init_string (json_node_alloc (), value);
          else if (g_ascii_strcasecmp (value, "null") == 0)
            condition->value = json_node_new (JSON_NODE_NULL);
          else if (g_ascii_strcasecmp (value, "true") == 0 || g_ascii_strcasecmp (value, "false") == 0)
            condition->value = json_node_init_boolean (json_node_alloc (), g_ascii_strcasecmp (value, "true") == 0);
          else if (strchr (value, 'T') != NULL)
            condition->value = json_node_init_string (json_node_alloc (), value);   /* a datetime literal */
          else
            condition->value = json_node_init_double (json_node_alloc (), g_ascii_strtod (value, NULL));
          g_ptr_array_add (conditions, condition);

          g_free (token);
          token = next_token (&lexer, &quoted);
          if (token != NULL && g_ascii_strcasecmp (token, "AND") == 0)
            continue;
          break;
        }
    }
  if (token != NULL && g_ascii_strcasecmp (token, "ORDER") == 0)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || g_ascii_strcasecmp (token, "BY") != 0)
        MALFORMED ("unexpected token: expected BY");
      order_field = next_token (&lexer, &quoted);
      if (order_field == NULL || !_hd_sf_standin_field_known (sobject, order_field))
        MALFORMED ("unexpected ORDER BY field");
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token != NULL && (g_ascii_strcasecmp (token, "ASC") == 0 || g_ascii_strcasecmp (token, "DESC") == 0))
        {
          descending = g_ascii_strcasecmp (token, "DESC") == 0;
          g_free (token);
          token = next_token (&lexer, &quoted);
        }
    }
  if (token != NULL && g_ascii_strcasecmp (token, "LIMIT") == 0)
    {
      g_free (token);
      token = next_token (&lexer, &quoted);
      if (token == NULL || (limit = g_ascii_strtoll (token, NULL, 10)) < 0)
        MALFORMED ("unexpected LIMIT");
      g_free (token);
      token = next_token (&lexer, &quoted);
    }
  if (token != NULL)
    MALFORMED ("unexpected token at the end of the query");
#undef MALFORMED

  query = g_new0 (SoqlQuery, 1);
  query->select = g_new0 (char *, select->len + 1);
  for (guint i = 0; i < select->len; i++)
    query->select[i] = g_strdup (_hd_sf_standin_canonical_field (sobject, g_ptr_array_index (select, i)));
  query->order_field = order_field != NULL ? g_strdup (_hd_sf_standin_canonical_field (sobject, order_field)) : NULL;
  query->sobject = g_steal_pointer (&sobject);
  query->conditions = g_steal_pointer (&conditions);
  query->descending = descending;
  query->limit = limit;
  return query;
}

void
_hd_sf_soql_sort (SoqlQuery *query,
                  GPtrArray *rows)
{
  if (query->order_field != NULL)
    {
      Order order = { query->order_field, query->descending };

      g_ptr_array_sort_with_data (rows, compare_records, &order);
    }
  if (query->limit >= 0 && rows->len > query->limit)
    g_ptr_array_set_size (rows, (guint) query->limit);
}

void
_hd_sf_soql_query_free (SoqlQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->sobject);
  g_strfreev (query->select);
  g_clear_pointer (&query->conditions, g_ptr_array_unref);
  g_free (query->order_field);
  g_free (query);
}
