/* hd-sf-errors.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-errors"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-sf-errors.h"

/* errorCodes Salesforce documents as passing: another process holds the
 * record's lock (a flow, a trigger, an integration; Salesforce waits ten
 * seconds for it and then gives up), and the server being unavailable.
 * REQUEST_LIMIT_EXCEEDED is transient too, but resets slowly. */
static const char * const transient_codes[] = {
  "UNABLE_TO_LOCK_ROW",
  "SERVER_UNAVAILABLE",
  NULL
};

HdSfFailure
hd_sf_classify_answer (guint               status,
                       const char * const *codes,
                       gboolean            body_is_json)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], "REQUEST_LIMIT_EXCEEDED") == 0)
      return HD_SF_FAILURE_LIMIT;
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (g_strv_contains (transient_codes, codes[i]))
      return HD_SF_FAILURE_TRANSIENT;
  if (status == 401)
    return HD_SF_FAILURE_SESSION;
  /* 500, 502, 503, 504: Salesforce, or something in front of it, is not
   * answering properly now. */
  if (status >= 500)
    return HD_SF_FAILURE_TRANSIENT;
  /* A 4xx with an HTML body comes from a proxy or a captive portal, not
   * from Salesforce: Salesforce always answers with an error array. */
  if (!body_is_json)
    return HD_SF_FAILURE_TRANSIENT;
  return HD_SF_FAILURE_PERMANENT;
}

typedef struct
{
  const char *code;
  const char *advice;   /* NULL: not the administrator's to change */
} OAuthRefusal;

/* Salesforce's "OAuth 2.0 Authorization Errors" (help.salesforce.com,
 * remoteaccess_oauth_flow_errors) and RFC 6749 §5.2. */
static const OAuthRefusal refusals[] = {
  { "invalid_grant", NULL },
  { "invalid_client",
    N_("let HandoffDesk renew sessions without a client secret: in the External Client App's OAuth "
       "settings turn off “Require secret for Refresh Token Flow” and check that its consumer key is "
       "the one in HandoffDesk’s preferences") },
  { "invalid_client_id",
    N_("check that the External Client App’s consumer key is the one in HandoffDesk’s preferences") },
  { "invalid_client_credentials",
    N_("turn off “Require secret for Web Server Flow” and “Require secret for Refresh Token Flow” in "
       "the External Client App’s OAuth settings") },
  { "unauthorized_client",
    N_("unblock the External Client App and allow your user to use it (its policies: permitted users, "
       "profiles and permission sets)") },
  { "unsupported_grant_type",
    N_("allow the authorization code and refresh token flows for the External Client App and give it "
       "the “refresh_token” scope") },
  { "inactive_user",
    N_("reactivate your Salesforce user") },
  { "inactive_org",
    N_("reactivate the Salesforce org (it is locked, inactive or its trial has ended)") },
};

static const OAuthRefusal *
find_refusal (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (refusals); i++)
    if (g_strcmp0 (refusals[i].code, code) == 0)
      return &refusals[i];
  return NULL;
}

gboolean
hd_sf_oauth_error_ends_session (const char *code)
{
  return find_refusal (code) != NULL;
}

const char *
hd_sf_oauth_error_advice (const char *code)
{
  const OAuthRefusal *refusal = find_refusal (code);

  return refusal != NULL && refusal->advice != NULL ? _(refusal->advice) : NULL;
}

char *
hd_sf_oauth_refusal_message (const char *code,
                             const char *description,
                             gboolean    refresh)
{
  const char *advice = hd_sf_oauth_error_advice (code);
  g_autofree char *detail = NULL;

  if (code == NULL)
    code = "unknown_error";
  detail = description != NULL && *description != '\0' ? g_strdup_printf ("%s: %s", code, description)
                                                         : g_strdup (code);
  if (refresh && g_strcmp0 (code, "invalid_grant") == 0)
    return g_strdup (_("Your Salesforce session has ended. Sign in again; edits waiting to be sent are kept."));
  if (refresh && advice != NULL)
    /* Translators: the first %s is what to change (“unblock the External
     * Client App…”), the second Salesforce's error code and description. */
    return g_strdup_printf (_("Salesforce refused to renew your session: ask your administrator to %s (%s). "
                              "Edits waiting to be sent are kept."), advice, detail);
  if (advice != NULL)
    return g_strdup_printf (_("Salesforce refused the sign-in: ask your administrator to %s (%s)"),
                            advice, detail);
  if (refresh)
    return g_strdup_printf (_("Salesforce refused to renew the session (%s)"), detail);
  return g_strdup_printf (_("Salesforce refused the sign-in (%s)"), detail);
}
