/* hd-sf-describe-cache.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-sf-describe.h"
#include "hd-sf-picklists.h"

G_BEGIN_DECLS

/* The org's Case metadata for one sign-in, shared by every case editor and
 * Check Connection: the Case describe, read once after the agent signs in
 * (from the disk cache with If-Modified-Since, so usually a 304), and the
 * picklist values of each record type a case shown has, read once each.
 * It is read again only on request: Check Connection, or a save that
 * Salesforce refused for a field or a picklist value the describe offered
 * (hd_sf_describe_cache_is_stale_error ()).  One per HdSfAuth.
 *
 * Properties: "describe" (HdSfDescribe, nullable until read).
 * Signals: "picklists-changed" (const char *record_type_id). */

#define HD_TYPE_SF_DESCRIBE_CACHE (hd_sf_describe_cache_get_type ())
G_DECLARE_FINAL_TYPE (HdSfDescribeCache, hd_sf_describe_cache, HD, SF_DESCRIBE_CACHE, GObject)

/* The cache of @auth's sign-ins (created on first use; @auth keeps it). */
HdSfDescribeCache *hd_sf_describe_cache_get_for_auth   (HdSfAuth           *auth);
HdSfDescribe      *hd_sf_describe_cache_get_describe   (HdSfDescribeCache  *self);
/* Reads the describe through @client unless it was read (or is being
 * read) since the agent signed in. */
void               hd_sf_describe_cache_ensure         (HdSfDescribeCache  *self,
                                                        HdSfClient         *client);
/* Reads it again now, with If-Modified-Since. */
void               hd_sf_describe_cache_refresh_async  (HdSfDescribeCache  *self,
                                                        HdSfClient         *client,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
HdSfDescribe      *hd_sf_describe_cache_refresh_finish (HdSfDescribeCache  *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);
/* The picklist values of record type @record_type_id, or NULL until read;
 * ensure_picklists () reads them once per sign-in ("picklists-changed"). */
HdSfPicklists     *hd_sf_describe_cache_get_picklists  (HdSfDescribeCache  *self,
                                                        const char         *record_type_id);
void               hd_sf_describe_cache_ensure_picklists (HdSfDescribeCache *self,
                                                          HdSfClient        *client,
                                                          const char        *record_type_id);
/* Whether Salesforce refusing a write with @error_code suggests the
 * describe is out of date (a field removed, a picklist value retired). */
gboolean           hd_sf_describe_cache_is_stale_error (const char         *error_code);

G_END_DECLS
