/* hd-sf-case-watch.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bayeux-client.h"
#include "hd-sf-client.h"

G_BEGIN_DECLS

#define HD_SF_CASE_WATCH_CHANNEL "/data/CaseChangeEvent"

#define HD_TYPE_SF_CASE_WATCH (hd_sf_case_watch_get_type ())
G_DECLARE_FINAL_TYPE (HdSfCaseWatch, hd_sf_case_watch, HD, SF_CASE_WATCH, GObject)

/* Live case changes: while Salesforce is signed in, one Streaming API
 * subscription to /data/CaseChangeEvent (Change Data Capture,
 * SALESFORCE.md §6.1) from the tip, over its own HdBayeuxClient, which
 * re-handshakes and re-subscribes by itself.  Events whose recordIds name
 * a watched case become "case-changed"; those the signed-in user committed
 * (their own saves) are ignored.  A case open in an editor re-reads the
 * record on the signal, as Salesforce advises: a change event carries only
 * the changed fields.
 *
 * Optional by design: when the org offers no Change Data Capture for Case
 * (the subscription refused with a 400 or 403), the watch logs it once,
 * stops, and "available" turns FALSE until the next sign-in; everything
 * else works as before.
 *
 * Signals:
 *   "case-changed" (const char *case_id, GStrv changed_fields,
 *                   const char *commit_user): case_id as the caller
 *                   watched it; changed_fields may be empty (a gap event).
 * Properties (read-only, notify): "available". */

HdSfCaseWatch  *hd_sf_case_watch_new          (HdSfAuth      *auth,
                                               const char    *api_version);
/* The one watch of @client's session, created on first use and kept with
 * the client: one subscription per app, however many editors. */
HdSfCaseWatch  *hd_sf_case_watch_get_for_client (HdSfClient  *client);

/* Counted: a case watched twice needs two removes. */
void            hd_sf_case_watch_add          (HdSfCaseWatch *self,
                                               const char    *case_id);
void            hd_sf_case_watch_remove       (HdSfCaseWatch *self,
                                               const char    *case_id);
gboolean        hd_sf_case_watch_get_available (HdSfCaseWatch *self);
/* The Streaming client, for tests to tune its backoff. */
HdBayeuxClient *hd_sf_case_watch_get_bayeux   (HdSfCaseWatch *self);

G_END_DECLS
