/* hd-sf-case.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-case"

#include "config.h"

#include "hd-case-field.h"
#include "hd-sf-case.h"
#include "hd-sf-client.h"
#include "hd-sf-util.h"

JsonObject *
hd_sf_case_build_fields (const char *case_type,
                         const char *subcategory,
                         const char *disposition,
                         const char *summary,
                         const char *subject,
                         const char *account_id,
                         const char *contact_id)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "Origin", "Chat");
  if (subject != NULL)
    json_object_set_string_member (fields, "Subject", subject);
  if (case_type != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_TYPE, case_type);
  if (subcategory != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_SUBCATEGORY, subcategory);
  if (disposition != NULL)
    json_object_set_string_member (fields, hd_case_field_get_api_name (HD_CASE_FIELD_DISPOSITION), disposition);
  if (summary != NULL)
    json_object_set_string_member (fields, HD_SF_CASE_DESCRIPTION, summary);
  if (account_id != NULL && hd_sf_is_valid_id (account_id))
    json_object_set_string_member (fields, "AccountId", account_id);
  if (contact_id != NULL && hd_sf_is_valid_id (contact_id))
    json_object_set_string_member (fields, "ContactId", contact_id);
  return fields;
}
