/* hd-case-field.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-packet.h"

G_BEGIN_DECLS

/* The Case fields the agent edits, in the order the editor shows them. */
typedef enum
{
  HD_CASE_FIELD_STATUS,
  HD_CASE_FIELD_PRIORITY,
  HD_CASE_FIELD_TYPE,
  HD_CASE_FIELD_SUBCATEGORY,
  HD_CASE_FIELD_DISPOSITION,
  HD_CASE_FIELD_NEXT_STEP,
  HD_CASE_FIELD_DESCRIPTION,
  HD_CASE_N_FIELDS
} HdCaseField;

/* The field's Salesforce API name (one of the HD_SF_CASE_* names). */
const char  *hd_case_field_get_api_name      (HdCaseField  field);
/* The field an API name is, or -1 for a field the editor does not show. */
int          hd_case_field_from_api_name     (const char  *api_name);

/* Points disposition or next step at the org's field (@api_name; NULL or
 * "" for the default, Disposition__c and Next_Step__c).  Refuses what is
 * not an API name, or a field another role has, with HD_ERROR_PARSE.
 * Process-wide: the application calls it from its settings. */
gboolean     hd_case_field_set_api_name      (HdCaseField   field,
                                              const char   *api_name,
                                              GError      **error);

/* The words for a case field's API name ("Reason" → "Subcategory"). */
const char  *hd_case_field_get_title         (const char  *api_name);
/* A JSON field value as text for the agent; "" for null or absent. */
char        *hd_case_field_dup_value_text    (JsonNode    *node);

/* The case description the packet gives: the bot's summary, then every
 * detail it captured (form fields and entities), so that the agent types
 * none of it again. */
char        *hd_case_field_build_description (HdPacket    *packet);

G_END_DECLS
