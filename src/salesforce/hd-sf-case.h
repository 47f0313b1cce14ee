/* hd-sf-case.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Case fields for create-or-enrich from a packet's case fields: Type,
 * Reason (the subcategory), Disposition__c, Description (the bot's
 * summary), Subject, Origin "Chat", and AccountId / ContactId when they are
 * valid record ids.  NULL arguments are left out. */
JsonObject *hd_sf_case_build_fields (const char *case_type,
                                     const char *subcategory,
                                     const char *disposition,
                                     const char *summary,
                                     const char *subject,
                                     const char *account_id,
                                     const char *contact_id);

G_END_DECLS
