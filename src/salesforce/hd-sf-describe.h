/* hd-sf-describe.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-sf-client.h"

G_BEGIN_DECLS

/* What an org says about an sObject (GET sobjects/<type>/describe): which
 * fields exist, their labels, whether the user may write them, lengths,
 * and picklist values (active, default, restricted).  Immutable; the case
 * editor builds its fields from the Case describe, so it never offers a
 * field or a value the org lacks (docs/salesforce.md). */

#define HD_TYPE_SF_DESCRIBE (hd_sf_describe_get_type ())
G_DECLARE_FINAL_TYPE (HdSfDescribe, hd_sf_describe, HD, SF_DESCRIBE, GObject)

/* Parses a describe answer; HD_ERROR_PARSE when it is not one. */
HdSfDescribe *hd_sf_describe_new_from_bytes      (GBytes        *bytes,
                                                  GError       **error);
const char   *hd_sf_describe_get_sobject         (HdSfDescribe  *self);
gboolean      hd_sf_describe_has_field           (HdSfDescribe  *self,
                                                  const char    *field);
/* NULL for a field the org lacks. */
const char   *hd_sf_describe_get_label           (HdSfDescribe  *self,
                                                  const char    *field);
const char   *hd_sf_describe_get_field_type      (HdSfDescribe  *self,
                                                  const char    *field);
gboolean      hd_sf_describe_is_updateable       (HdSfDescribe  *self,
                                                  const char    *field);
gboolean      hd_sf_describe_is_createable       (HdSfDescribe  *self,
                                                  const char    *field);
/* Characters; 0 when unknown or not text. */
guint         hd_sf_describe_get_length          (HdSfDescribe  *self,
                                                  const char    *field);
gboolean      hd_sf_describe_is_restricted       (HdSfDescribe  *self,
                                                  const char    *field);
/* The active picklist values, in the org's order; NULL when @field is no
 * picklist. */
GStrv         hd_sf_describe_dup_picklist_values (HdSfDescribe  *self,
                                                  const char    *field);
/* The org's label of @value in @field's picklist (the words an agent
 * reads; @value is what is stored and sent), or NULL when the describe
 * has none. */
const char   *hd_sf_describe_get_picklist_label  (HdSfDescribe  *self,
                                                  const char    *field,
                                                  const char    *value);
/* The active default value of a picklist, or NULL. */
const char   *hd_sf_describe_get_default_value   (HdSfDescribe  *self,
                                                  const char    *field);
/* Whether @value may be written to @field: any value for a text field or
 * an unrestricted picklist, an active value for a restricted one. */
gboolean      hd_sf_describe_accepts_value       (HdSfDescribe  *self,
                                                  const char    *field,
                                                  const char    *value);
/* The picklist @field depends on (its controllerName), or NULL when it
 * is independent. */
const char   *hd_sf_describe_get_controller      (HdSfDescribe  *self,
                                                  const char    *field);
/* The active values of the dependent picklist @field that are valid when
 * its controller holds @controller_value: each value's "validFor" is a
 * base64 bitmap whose bit i (most significant bit of the first byte
 * first) stands for the controller's i-th picklist value, or false (0) and
 * true (1) for a checkbox.  Empty when @controller_value is NULL or not a
 * value of the controller; the plain list for an independent picklist. */
GStrv         hd_sf_describe_dup_dependent_values (HdSfDescribe *self,
                                                  const char    *field,
                                                  const char    *controller_value);
/* The master record type's id, 012000000000000AAA in every org. */
#define HD_SF_MASTER_RECORD_TYPE "012000000000000AAA"
/* Checks that @field exists and, with @writable, that the user may update
 * it; HD_ERROR_PARSE with a sentence saying which otherwise. */
gboolean      hd_sf_describe_check_field         (HdSfDescribe  *self,
                                                  const char    *field,
                                                  gboolean       writable,
                                                  GError       **error);

/* GET sobjects/@sobject/describe through @client.  With @cache_dir
 * (nullable) the answer is kept in "<org id>-<sobject>-describe.json"
 * there, and the next fetch sends If-Modified-Since with the answer's
 * Last-Modified (or else the server's date of it): 304 reuses the file.
 * Offline, a cached describe is returned as it is.  The app reads it
 * through HdSfDescribeCache, once per sign-in. */
void          hd_sf_describe_fetch_async         (HdSfClient          *client,
                                                  const char          *sobject,
                                                  const char          *cache_dir,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
HdSfDescribe *hd_sf_describe_fetch_finish        (GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
