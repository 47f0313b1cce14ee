/* hd-sf-errors.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which of Salesforce's refusals pass and which need a person: the one
 * table docs/salesforce.md ("Transient and permanent errors") describes.
 * Pure functions over status codes, errorCodes and OAuth error codes. */

typedef enum
{
  HD_SF_FAILURE_PERMANENT = 0,  /* the request is wrong for this org: the agent decides */
  HD_SF_FAILURE_TRANSIENT,      /* retry later with backoff; nothing was applied */
  HD_SF_FAILURE_LIMIT,          /* REQUEST_LIMIT_EXCEEDED: retry, after a long wait */
  HD_SF_FAILURE_SESSION,        /* 401: refresh, or sign in again */
} HdSfFailure;

/* A REST answer's class from its status, the errorCodes of its error
 * array (@codes, nullable, NULL-terminated) and whether its body was JSON
 * at all: a proxy's or load balancer's HTML page is not Salesforce's
 * answer, whatever its status. */
HdSfFailure  hd_sf_classify_answer          (guint               status,
                                             const char * const *codes,
                                             gboolean            body_is_json);

/* Whether an OAuth error on the token endpoint ends the session for good
 * (invalid_grant, invalid_client, unauthorized_client,
 * unsupported_grant_type, inactive_user, inactive_org and Salesforce's
 * invalid_client_id / invalid_client_credentials): retrying cannot help;
 * the agent is signed out. */
gboolean     hd_sf_oauth_error_ends_session (const char         *code);

/* What the administrator must change for @code, as the end of a sentence
 * starting "ask your administrator to", or NULL when it is not the
 * administrator's to change (invalid_grant: the refresh token expired or
 * was revoked; signing in again is the fix). */
const char  *hd_sf_oauth_error_advice       (const char         *code);

/* The agent-facing message for a refusal of the token endpoint: on a
 * refresh (@refresh) a session-ending code says the session ended and,
 * when it is the administrator's to fix, what to ask for; on a sign-in
 * the same advice follows "Salesforce refused the sign-in".  @description
 * is Salesforce's error_description (plain text, nullable). */
char        *hd_sf_oauth_refusal_message    (const char         *code,
                                             const char         *description,
                                             gboolean            refresh);

G_END_DECLS
