/* hd-sf-util.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Pure helpers for the Salesforce wire formats (see docs/salesforce.md). */

/* One element of a REST error array:
 * [{"message": "...", "errorCode": "...", "fields": ["Status"]}] */
typedef struct
{
  char  *message;
  char  *error_code;
  GStrv  fields;      /* never NULL, possibly empty */
} HdSfApiError;

#define HD_TYPE_SF_API_ERROR (hd_sf_api_error_get_type ())
GType         hd_sf_api_error_get_type     (void) G_GNUC_CONST;
HdSfApiError *hd_sf_api_error_copy         (const HdSfApiError *error);
void          hd_sf_api_error_free         (HdSfApiError       *error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSfApiError, hd_sf_api_error_free)

/* Parses a REST error array (keys in any order, unknown codes kept).
 * Returns a GPtrArray of HdSfApiError, or NULL with HD_ERROR_PARSE when
 * @body is not such an array. */
GPtrArray  *hd_sf_parse_error_array       (GBytes      *body,
                                           GError     **error);
/* The errorCode of the first element, or NULL. */
const char *hd_sf_error_array_first_code  (GPtrArray   *errors);

/* Parses an OAuth error object {"error": ..., "error_description": ...}. */
gboolean    hd_sf_parse_oauth_error       (GBytes      *body,
                                           char       **error_code,
                                           char       **description);

/* "api-usage=18/5000; api-bursts=1/750": the api-usage pair, leniently. */
gboolean    hd_sf_parse_limit_info        (const char  *header,
                                           guint       *used,
                                           guint       *limit);

/* "2013-05-20T20:49:32.000+0000" and other ISO 8601 forms. */
GDateTime  *hd_sf_parse_datetime          (const char  *text);
/* The Salesforce form: UTC, milliseconds, "+0000". */
char       *hd_sf_format_datetime         (GDateTime   *datetime);
/* An RFC 1123 HTTP date ("Tue, 24 Nov 2026 09:14:05 GMT"), seconds
 * truncated, for If-Unmodified-Since. */
char       *hd_sf_format_http_date        (GDateTime   *datetime);

/* Only https URLs are accepted, except http on loopback (127.0.0.0/8, ::1,
 * localhost) for the stand-in and tests.  Fails with HD_ERROR_AUTH. */
gboolean    hd_sf_check_uri               (const char  *uri,
                                           GError     **error);
gboolean    hd_sf_uri_is_loopback         (const char  *uri);

/* A SOQL string literal with quotes and backslashes escaped, quotes included. */
char       *hd_sf_soql_quote              (const char  *value);

/* Whether @id looks like a Salesforce record id: 15 or 18 letters and
 * digits (checked before an id goes into a URL or a query). */
gboolean    hd_sf_is_valid_id             (const char  *id);

/* The Case Priority picklist value for a handoff packet's routing priority
 * ("low", "normal", "high", "urgent"), for prefilling the case editor:
 * Low, Medium, High, Critical.  NULL for anything else. */
const char *hd_sf_case_priority_from_packet (const char *priority);

G_END_DECLS
