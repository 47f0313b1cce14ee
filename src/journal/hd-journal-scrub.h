/* hd-journal-scrub.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What replaces a credential found in a payload. */
#define HD_JOURNAL_TOKEN_PLACEHOLDER "[token removed]"

/* The last line of defence before a payload reaches the disk.  Payloads are
 * built from already-masked model data; this pass makes sure that even a
 * programming error cannot write a credential or a full number:
 *
 *  - members named like credentials ("access_token", "authorization",
 *    "password", "client_secret", ...) lose their value;
 *  - strings that look like credentials (bearer tokens, JWTs, Salesforce
 *    session ids, "access_token=..." query parameters) are replaced;
 *  - identifier members (hd_mask_is_identifier_name ()) are masked with
 *    hd_mask_identifier () unless already masked;
 *  - every other string, except ids and timestamps the journal needs, goes
 *    through hd_mask_text_full () (card, account and one-time code masking).
 *
 * Returns a new node; @n_changed (nullable) receives how many values were
 * changed.  The new node shares what needed no change with @payload
 * (json-glib counts those references without atomics): use the two from one
 * thread.  Pure. */
JsonNode *hd_journal_scrub_payload      (JsonNode   *payload,
                                         guint      *n_changed);

/* TRUE if @text contains something shaped like a credential. */
gboolean  hd_journal_text_has_token     (const char *text);

/* TRUE if a member called @name holds a credential. */
gboolean  hd_journal_is_token_name      (const char *name);

G_END_DECLS
