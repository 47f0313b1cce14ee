/* hd-sf-standin-soql.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The SOQL subset the Salesforce stand-in answers: SELECT fields FROM one
 * known sObject, WHERE conditions (=, !=, <>, <, >, <=, >=, LIKE) joined
 * by AND, ORDER BY one field ASC or DESC, LIMIT.  Pure functions, with no
 * server or store: tests/test-sf-soql.c checks them directly. */

typedef struct
{
  char     *field;   /* canonical name */
  char     *op;
  JsonNode *value;   /* string, number, boolean, null; datetimes as strings */
} SoqlCondition;

typedef struct
{
  char      *sobject;
  GStrv      select;        /* canonical field names */
  GPtrArray *conditions;    /* of SoqlCondition */
  char      *order_field;   /* canonical, nullable */
  gboolean   descending;
  gint64     limit;         /* -1: none */
} SoqlQuery;

/* NULL on failure, with Salesforce's errorCode (MALFORMED_QUERY,
 * INVALID_TYPE, INVALID_FIELD) and message in the out arguments. */
SoqlQuery *_hd_sf_soql_parse      (const char  *soql,
                                   char       **error_code,
                                   char       **error_message);
void       _hd_sf_soql_query_free (SoqlQuery   *query);
gboolean   _hd_sf_soql_matches    (SoqlQuery   *query,
                                   JsonObject  *record);
/* Sorts @rows (of JsonObject) by the ORDER BY and cuts them to the LIMIT. */
void       _hd_sf_soql_sort       (SoqlQuery   *query,
                                   GPtrArray   *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SoqlQuery, _hd_sf_soql_query_free)

G_END_DECLS
