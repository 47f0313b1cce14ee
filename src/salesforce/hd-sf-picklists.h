/* hd-sf-picklists.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The values of every picklist of an sObject for one record type, as the
 * User Interface API gives them (GET ui-api/object-info/<sObject>/
 * picklist-values/<recordTypeId>, the "Picklist Values Collection":
 * {picklistFieldValues: {<field>: {controllerValues: {<value>: index},
 * defaultValue, values: [{label, value, validFor: [index…]}]}}}).  The
 * sObject describe lists a picklist's values for the master record type
 * only; a case of another record type offers these.  Immutable. */

#define HD_TYPE_SF_PICKLISTS (hd_sf_picklists_get_type ())
G_DECLARE_FINAL_TYPE (HdSfPicklists, hd_sf_picklists, HD, SF_PICKLISTS, GObject)

/* HD_ERROR_PARSE when @root is not such a collection. */
HdSfPicklists *hd_sf_picklists_new_from_node (JsonNode       *root,
                                              GError        **error);
gboolean       hd_sf_picklists_has_field     (HdSfPicklists  *self,
                                              const char     *field);
/* The values of @field for this record type, in the org's order; for a
 * dependent picklist, those valid when its controller holds
 * @controller_value (none when it is NULL or unknown).  NULL when the
 * collection has no such picklist. */
GStrv          hd_sf_picklists_dup_values    (HdSfPicklists  *self,
                                              const char     *field,
                                              const char     *controller_value);
/* The record type's default value of @field, or NULL. */
const char    *hd_sf_picklists_get_default   (HdSfPicklists  *self,
                                              const char     *field);

G_END_DECLS
