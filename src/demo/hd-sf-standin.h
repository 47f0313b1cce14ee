/* hd-sf-standin.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A Salesforce stand-in: a SoupServer on 127.0.0.1 answering the subset of
 * Salesforce HandoffDesk uses, with Salesforce's shapes (docs/salesforce.md):
 *
 *   GET  /services/oauth2/authorize   auto-approves the demo agent, 302 to
 *                                     redirect_uri?code&state (PKCE S256 required,
 *                                     redirect_uri a registered callback URL)
 *   POST /services/oauth2/token       authorization_code (checks the
 *                                     code_verifier) and refresh_token grants
 *   POST /services/oauth2/revoke
 *   GET  /id/<org>/<user>             the identity URL
 *   /services/data/vNN.N/sobjects/Case/<id>   GET, PATCH (If-Unmodified-Since
 *                                     → 412, Sforce-Auto-Assign, 204)
 *   /services/data/vNN.N/sobjects/<Type>      POST (Case, CaseComment)
 *   /services/data/vNN.N/sobjects/<Type>/<id> GET (Account, Contact,
 *                                     FinServ__FinancialAccount__c, CaseComment)
 *   /services/data/vNN.N/sobjects/Case/describe  the sObject Describe
 *                                     (If-Modified-Since → 304)
 *   /services/data/vNN.N/ui-api/object-info/Case/picklist-values/<record type>
 *                                     a record type's picklist values
 *   /services/data/vNN.N/query?q=     a small SOQL subset: SELECT fields FROM
 *                                     type [WHERE a op v [AND ...]] [ORDER BY f
 *                                     [ASC|DESC]] [LIMIT n]
 *
 * with error arrays, INVALID_SESSION_ID after the token lifetime,
 * Sforce-Limit-Info, REQUEST_LIMIT_EXCEEDED past the request limit, and
 * fault injection.  Demo data: the demo agent, person accounts, financial
 * accounts and one open case per demo handoff template.
 *
 * Every record's LastModifiedDate moves forward by at least a second on
 * each write, so If-Unmodified-Since (whole seconds) always sees a change.
 * It runs on the thread-default main context of the thread that starts it. */

typedef enum
{
  HD_SF_STANDIN_FAULT_NONE = 0,
  HD_SF_STANDIN_FAULT_DROP,        /* close the connection before handling */
  HD_SF_STANDIN_FAULT_DELAY,       /* handle, answer after "delay-ms" */
  HD_SF_STANDIN_FAULT_ERROR_500,   /* 500 UNKNOWN_EXCEPTION, not handled */
  HD_SF_STANDIN_FAULT_HOLD,        /* handle (emit "applied"), then never
                                      answer until release_held () */
  HD_SF_STANDIN_FAULT_LOCKED_ROW,  /* 400 UNABLE_TO_LOCK_ROW, not handled:
                                      a flow or an integration holds the record */
  HD_SF_STANDIN_FAULT_UNAVAILABLE, /* 503 SERVER_UNAVAILABLE, not handled */
  HD_SF_STANDIN_FAULT_PROXY_PAGE,  /* an HTML error page with "fault-status"
                                      (default 502), as a proxy or load
                                      balancer in front of Salesforce sends */
} HdSfStandinFault;

#define HD_TYPE_SF_STANDIN (hd_sf_standin_get_type ())
G_DECLARE_FINAL_TYPE (HdSfStandin, hd_sf_standin, HD, SF_STANDIN, GObject)

/* Signals:
 *   "request" (const char *method, const char *path)  a data API request
 *             arrived (before faults and handling)
 *   "applied" (const char *method, const char *path)  a write was applied;
 *             the answer is not sent yet */

HdSfStandin *hd_sf_standin_new                   (void);
/* @port: 0 for an ephemeral one. */
gboolean     hd_sf_standin_start                 (HdSfStandin      *self,
                                                  guint             port,
                                                  GError          **error);
void         hd_sf_standin_stop                  (HdSfStandin      *self);
/* "http://127.0.0.1:PORT": the login URL and the instance URL. */
const char  *hd_sf_standin_get_url               (HdSfStandin      *self);
guint        hd_sf_standin_get_port              (HdSfStandin      *self);

/* The consumer key it accepts (default "HandoffDeskDemo"). */
const char  *hd_sf_standin_get_client_id         (HdSfStandin      *self);
void         hd_sf_standin_set_client_id         (HdSfStandin      *self,
                                                  const char       *client_id);
const char  *hd_sf_standin_get_org_id            (HdSfStandin      *self);
const char  *hd_sf_standin_get_user_id           (HdSfStandin      *self);

/* The External Client App's callback URLs, compared exactly with
 * redirect_uri (port included); an authorize request with another answers
 * 400 "error=redirect_uri_mismatch" as Salesforce does.  NULL (the
 * default): http://localhost:<any port>/OauthRedirect, for the demo and
 * tests, which listen on a port the system picks. */
void         hd_sf_standin_set_callback_urls     (HdSfStandin        *self,
                                                  const char * const *urls);

/* Access tokens expire @ms after being issued (0: never, the default). */
void         hd_sf_standin_set_token_lifetime_ms (HdSfStandin      *self,
                                                  guint             ms);
/* Every access token issued so far answers INVALID_SESSION_ID from now on. */
void         hd_sf_standin_expire_access_tokens  (HdSfStandin      *self);
/* Each refresh returns a new refresh token and kills the old one. */
void         hd_sf_standin_set_rotate_refresh_tokens (HdSfStandin  *self,
                                                      gboolean      rotate);
/* Revokes every refresh token (the next refresh gets invalid_grant). */
void         hd_sf_standin_revoke_all            (HdSfStandin      *self);
/* Data API calls allowed in total; later ones get 403
 * REQUEST_LIMIT_EXCEEDED.  0 (default): unlimited. */
void         hd_sf_standin_set_request_limit     (HdSfStandin      *self,
                                                  guint             limit);
/* Applies @fault to the next @count data API requests (G_MAXUINT: until
 * set again). */
void         hd_sf_standin_set_fault             (HdSfStandin      *self,
                                                  HdSfStandinFault  fault,
                                                  guint             count);
void         hd_sf_standin_set_delay_ms          (HdSfStandin      *self,
                                                  guint             ms);
/* The HTTP status of HD_SF_STANDIN_FAULT_PROXY_PAGE (502, 503, 504, 403...). */
void         hd_sf_standin_set_fault_status      (HdSfStandin      *self,
                                                  guint             status);
/* Every refresh_token grant is refused with the OAuth error @error
 * ("invalid_client", "inactive_user"...) and @description, as an org
 * whose External Client App or user settings forbid it; NULL: refreshes
 * work again. */
void         hd_sf_standin_set_refresh_refusal   (HdSfStandin      *self,
                                                  const char       *error,
                                                  const char       *description);
void         hd_sf_standin_release_held          (HdSfStandin      *self);

/* Counters and logs for tests. */
guint        hd_sf_standin_get_n_api_calls       (HdSfStandin      *self);
guint        hd_sf_standin_get_n_refreshes       (HdSfStandin      *self);
guint        hd_sf_standin_get_n_revocations     (HdSfStandin      *self);
/* "PATCH Case/500... Priority,Status", "POST CaseComment 00a...", in the
 * order they were applied. */
GStrv        hd_sf_standin_dup_write_log         (HdSfStandin      *self);
/* The API version of the last data call ("v64.0"), or NULL. */
const char  *hd_sf_standin_get_last_api_version  (HdSfStandin      *self);
/* Whether a request with @header_value as its Sforce-Auto-Assign header
 * was seen on the last PATCH: "FALSE", or NULL when absent. */
const char  *hd_sf_standin_get_last_auto_assign  (HdSfStandin      *self);
/* Whether @token is a live access or refresh token. */
gboolean     hd_sf_standin_is_token_live         (HdSfStandin      *self,
                                                  const char       *token);

/* The colleague whose edits edit_record () makes (LastModifiedById and
 * a CaseChangeEvent's commitUser). */
#define HD_SF_STANDIN_COLLEAGUE_ID "005Hs000000CLGEAAA"

/* Records.  dup_record () returns a copy; edit_record () changes fields
 * "as a colleague" (bumping LastModifiedDate; a Case publishes its
 * CaseChangeEvent); insert_record () adds one
 * and returns its id; find_records () returns the ids whose @field equals
 * @value, in creation order. */
JsonObject  *hd_sf_standin_dup_record            (HdSfStandin      *self,
                                                  const char       *sobject,
                                                  const char       *id);
gboolean     hd_sf_standin_edit_record           (HdSfStandin      *self,
                                                  const char       *sobject,
                                                  const char       *id,
                                                  JsonObject       *fields);
char        *hd_sf_standin_insert_record         (HdSfStandin      *self,
                                                  const char       *sobject,
                                                  JsonObject       *fields);
GStrv        hd_sf_standin_find_records          (HdSfStandin      *self,
                                                  const char       *sobject,
                                                  const char       *field,
                                                  const char       *value);

/* Validation rules, as an org's administrator writes them in Setup: when
 * @when_field holds @when_value once a write to @sobject is applied (the
 * record's other fields as stored, the written ones as sent),
 * @required_field must not be empty, or the write is refused with 400
 * [{"message": @message, "errorCode": "FIELD_CUSTOM_VALIDATION_EXCEPTION",
 * "fields": [@required_field]}] and nothing is applied.  With
 * @at_field FALSE the error shows "at the top of the page": "fields" is
 * [].  Rules are checked in the order they were added, after field
 * checks (unknown fields, read-only fields, restricted picklists). */
void         hd_sf_standin_add_validation_rule   (HdSfStandin      *self,
                                                  const char       *sobject,
                                                  const char       *when_field,
                                                  const char       *when_value,
                                                  const char       *required_field,
                                                  gboolean          at_field,
                                                  const char       *message);
void         hd_sf_standin_clear_validation_rules (HdSfStandin     *self);

/* The org's metadata, as GET sobjects/Case/describe shows it.
 * remove_field () takes a field away (describe lacks it, writes to it get
 * INVALID_FIELD); set_picklist () replaces a Case picklist's active values
 * (Status and Priority stay restricted to them).  Each moves the
 * metadata's modification time, so If-Modified-Since sees the change.
 * get_n_describes () counts describe requests, and @n_not_modified
 * (nullable) those answered 304. */
void         hd_sf_standin_remove_field          (HdSfStandin        *self,
                                                  const char         *sobject,
                                                  const char         *field);
void         hd_sf_standin_set_picklist          (HdSfStandin        *self,
                                                  const char         *field,
                                                  const char * const *values,
                                                  const char         *default_value);
guint        hd_sf_standin_get_n_describes       (HdSfStandin        *self,
                                                  guint              *n_not_modified);

/* Record types and dependent picklists.  Besides the master record type
 * (012000000000000AAA) the org has "Card Services", whose Type picklist
 * offers only the card values; the demo's card cases have it.  Reason
 * depends on Type.  set_record_type_values () sets the values a record
 * type offers for a picklist (the User Interface API's picklist-values
 * answer); set_dependent_values () which Reason values go with a Type
 * value (validFor in the describe and the UI API).  Both move the
 * metadata's modification time.  get_n_picklist_reads () counts the UI API
 * picklist-values requests. */
#define HD_SF_STANDIN_CARD_RECORD_TYPE "012Hs000000CARDAAA"
void         hd_sf_standin_set_record_type_values (HdSfStandin       *self,
                                                   const char        *record_type_id,
                                                   const char        *field,
                                                   const char * const *values);
void         hd_sf_standin_set_dependent_values  (HdSfStandin        *self,
                                                  const char         *field,
                                                  const char         *controller_value,
                                                  const char * const *values);
guint        hd_sf_standin_get_n_picklist_reads  (HdSfStandin        *self);

/* The demo data: the seeded open case and person account for the demo
 * handoff template called @template_name ("overseas-card-decline", ...),
 * or NULL. */
const char  *hd_sf_standin_get_demo_case_id      (HdSfStandin      *self,
                                                  const char       *template_name);
const char  *hd_sf_standin_get_demo_account_id   (HdSfStandin      *self,
                                                  const char       *template_name);

G_END_DECLS
