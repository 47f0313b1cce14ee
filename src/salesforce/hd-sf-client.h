/* hd-sf-client.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-sf-auth.h"
#include "hd-sf-util.h"

G_BEGIN_DECLS

/* The Salesforce REST API at a pinned version ("v64.0").  Every call sends
 * `Authorization: Bearer`; a 401 INVALID_SESSION_ID refreshes the session
 * (HdSfAuth) and retries the call once.  The instance URL must be https
 * (or loopback).
 *
 * Properties: "api-version" (construct), "api-usage" and "api-limit"
 * (from the last Sforce-Limit-Info header; 0 when unknown). */

/* One answer, whatever its status.  @json is the parsed body (NULL for an
 * empty or non-JSON body), @errors the parsed error array when the body is
 * one (NULL otherwise). */
typedef struct
{
  guint       status;
  GBytes     *body;
  JsonNode   *json;
  GPtrArray  *errors;   /* of HdSfApiError */
  char       *date;     /* the server's Date header, nullable */
  char       *last_modified; /* its Last-Modified header, nullable */
} HdSfResponse;

#define HD_TYPE_SF_RESPONSE (hd_sf_response_get_type ())
GType         hd_sf_response_get_type  (void) G_GNUC_CONST;
HdSfResponse *hd_sf_response_copy      (const HdSfResponse *response);
void          hd_sf_response_free      (HdSfResponse       *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSfResponse, hd_sf_response_free)
/* An error for a non-2xx answer: HD_ERROR_CONFLICT for 412, HD_ERROR_LIMIT
 * for REQUEST_LIMIT_EXCEEDED, HD_ERROR_AUTH for 401/403 other than that,
 * else HD_ERROR_HTTP; the message is the server's first error message. */
GError       *hd_sf_response_to_error  (const HdSfResponse *response);

/* What the pane shows about a case. */
typedef struct
{
  JsonObject *case_record;          /* the whole Case record */
  JsonObject *customer;             /* the person account, account or contact; nullable */
  char       *customer_sobject;     /* "Account" or "Contact"; nullable */
  gboolean    person_account;
  JsonArray  *financial_accounts;   /* records, possibly empty, never NULL */
  char       *fsc_model;            /* "managed" (FinServ__), "standard" or NULL */
} HdSfCaseContext;

#define HD_TYPE_SF_CASE_CONTEXT (hd_sf_case_context_get_type ())
GType            hd_sf_case_context_get_type (void) G_GNUC_CONST;
HdSfCaseContext *hd_sf_case_context_copy     (const HdSfCaseContext *context);
void             hd_sf_case_context_free     (HdSfCaseContext       *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSfCaseContext, hd_sf_case_context_free)

/* The Case fields the case editor edits, by role.  Status, Priority, Type
 * and Description are standard; subcategory maps to the standard Reason
 * picklist; disposition and next step are the custom fields an org adds for
 * them (docs/salesforce.md). */
#define HD_SF_CASE_STATUS       "Status"
#define HD_SF_CASE_PRIORITY     "Priority"
#define HD_SF_CASE_TYPE         "Type"
#define HD_SF_CASE_SUBCATEGORY  "Reason"
#define HD_SF_CASE_DISPOSITION  "Disposition__c"
#define HD_SF_CASE_NEXT_STEP    "Next_Step__c"
#define HD_SF_CASE_DESCRIPTION  "Description"

#define HD_TYPE_SF_CLIENT (hd_sf_client_get_type ())
G_DECLARE_FINAL_TYPE (HdSfClient, hd_sf_client, HD, SF_CLIENT, GObject)

HdSfClient  *hd_sf_client_new               (HdSfAuth            *auth,
                                             const char          *api_version);
HdSfAuth    *hd_sf_client_get_auth          (HdSfClient          *self);
const char  *hd_sf_client_get_api_version   (HdSfClient          *self);
guint        hd_sf_client_get_api_usage     (HdSfClient          *self);
guint        hd_sf_client_get_api_limit     (HdSfClient          *self);

/* @path: relative to /services/data/<version>/ ("sobjects/Case/500..."), or
 * absolute from "/services/".  @body: nullable JSON.  @headers: nullable,
 * NULL-terminated name, value, name, value...  Completes with the answer for
 * any HTTP status; fails for transport errors (GIOError), with
 * HD_ERROR_AUTH when not signed in or when the session is refused again
 * after one refresh. */
void          hd_sf_client_request_async    (HdSfClient          *self,
                                             const char          *method,
                                             const char          *path,
                                             JsonNode            *body,
                                             const char * const  *headers,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
HdSfResponse *hd_sf_client_request_finish   (HdSfClient          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* GET sobjects/<sobject>/<id>; fails on a non-2xx answer. */
void          hd_sf_client_get_record_async (HdSfClient          *self,
                                             const char          *sobject,
                                             const char          *id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonObject   *hd_sf_client_get_record_finish (HdSfClient         *self,
                                              GAsyncResult       *result,
                                              GError            **error);

/* GET query?q=<soql>, following nextRecordsUrl; returns every record. */
void          hd_sf_client_query_async      (HdSfClient          *self,
                                             const char          *soql,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
JsonArray    *hd_sf_client_query_finish     (HdSfClient          *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* The Case, its customer (person account, account or contact) and the
 * customer's financial accounts (FSC managed package or standard objects,
 * whichever the org has; none when neither). */
void             hd_sf_client_fetch_case_context_async  (HdSfClient          *self,
                                                         const char          *case_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
HdSfCaseContext *hd_sf_client_fetch_case_context_finish (HdSfClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
