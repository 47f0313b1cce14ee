/* hd-sf-client.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-sf-client.h"

struct _HdSfClient
{
  GObject      parent_instance;
  HdSfAuth    *auth;          /* owned */
  char        *api_version;
  SoupSession *session;
  guint        api_usage;
  guint        api_limit;
};

G_DEFINE_FINAL_TYPE (HdSfClient, hd_sf_client, G_TYPE_OBJECT)

enum { PROP_0, PROP_API_VERSION, PROP_API_USAGE, PROP_API_LIMIT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* --- boxed types --- */

G_DEFINE_BOXED_TYPE (HdSfResponse, hd_sf_response, hd_sf_response_copy, hd_sf_response_free)

HdSfResponse *
hd_sf_response_copy (const HdSfResponse *response)
{
  HdSfResponse *copy = g_new0 (HdSfResponse, 1);

  copy->status = response->status;
  copy->body = response->body != NULL ? g_bytes_ref (response->body) : NULL;
  copy->json = response->json != NULL ? json_node_ref (response->json) : NULL;
  copy->errors = response->errors != NULL ? g_ptr_array_ref (response->errors) : NULL;
  copy->date = g_strdup (response->date);
  copy->last_modified = g_strdup (response->last_modified);
  return copy;
}

void
hd_sf_response_free (HdSfResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->errors, g_ptr_array_unref);
  g_free (response->date);
  g_free (response->last_modified);
  g_free (response);
}

GError *
hd_sf_response_to_error (const HdSfResponse *response)
{
  const char *code = hd_sf_error_array_first_code (response->errors);
  const char *message = NULL;

  if (response->errors != NULL && response->errors->len > 0)
    message = ((HdSfApiError *) g_ptr_array_index (response->errors, 0))->message;

  if (response->status == SOUP_STATUS_PRECONDITION_FAILED)
    return g_error_new_literal (HD_ERROR, HD_ERROR_CONFLICT,
                                _("Someone else changed this record since it was loaded"));
  if (g_strcmp0 (code, "REQUEST_LIMIT_EXCEEDED") == 0)
    return g_error_new (HD_ERROR, HD_ERROR_LIMIT, _("Salesforce’s API limit is reached (%s)"),
                        message != NULL ? message : code);
  if (response->status == SOUP_STATUS_UNAUTHORIZED || response->status == SOUP_STATUS_FORBIDDEN)
    return g_error_new (HD_ERROR, HD_ERROR_AUTH, _("Salesforce refused access (%s)"),
                        message != NULL ? message : soup_status_get_phrase (response->status));
  return g_error_new (HD_ERROR, HD_ERROR_HTTP, _("Salesforce answered %u: %s"), response->status,
                      message != NULL ? message : soup_status_get_phrase (response->status));
}

G_DEFINE_BOXED_TYPE (HdSfCaseContext, hd_sf_case_context, hd_sf_case_context_copy, hd_sf_case_context_free)

HdSfCaseContext *
hd_sf_case_context_copy (const HdSfCaseContext *context)
{
  HdSfCaseContext *copy = g_new0 (HdSfCaseContext, 1);

  copy->case_record = context->case_record != NULL ? json_object_ref (context->case_record) : NULL;
  copy->customer = context->customer != NULL ? json_object_ref (context->customer) : NULL;
  copy->customer_sobject = g_strdup (context->customer_sobject);
  copy->person_account = context->person_account;
  copy->financial_accounts = json_array_ref (context->financial_accounts);
  copy->fsc_model = g_strdup (context->fsc_model);
  return copy;
}

void
hd_sf_case_context_free (HdSfCaseContext *context)
{
  if (context == NULL)
    return;
  g_clear_pointer (&context->case_record, json_object_unref);
  g_clear_pointer (&context->customer, json_object_unref);
  g_clear_pointer (&context->financial_accounts, json_array_unref);
  g_free (context->customer_sobject);
  g_free (context->fsc_model);
  g_free (context);
}

/* --- the object --- */

static void
hd_sf_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HdSfClient *self = HD_SF_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
      break;
    case PROP_API_USAGE:
      g_value_set_uint (value, self->api_usage);
      break;
    case PROP_API_LIMIT:
      g_value_set_uint (value, self->api_limit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sf_client_finalize (GObject *object)
{
  HdSfClient *self = HD_SF_CLIENT (object);

  g_clear_object (&self->auth);
  g_clear_object (&self->session);
  g_free (self->api_version);
  G_OBJECT_CLASS (hd_sf_client_parent_class)->finalize (object);
}

static void
hd_sf_client_class_init (HdSfClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_sf_client_finalize;
  object_class->get_property = hd_sf_client_get_property;

  properties[PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_API_USAGE] =
    g_param_spec_uint ("api-usage", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_API_LIMIT] =
    g_param_spec_uint ("api-limit", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_sf_client_init (HdSfClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 60, "user-agent", "HandoffDesk/" PACKAGE_VERSION, NULL);
}

HdSfClient *
hd_sf_client_new (HdSfAuth   *auth,
                  const char *api_version)
{
  HdSfClient *self;

  g_return_val_if_fail (HD_IS_SF_AUTH (auth), NULL);
  g_return_val_if_fail (api_version != NULL, NULL);

  self = g_object_new (HD_TYPE_SF_CLIENT, NULL);
  self->auth = g_object_ref (auth);
  /* Accept "64.0" as well as "v64.0". */
  self->api_version = api_version[0] == 'v' ? g_strdup (api_version) : g_strconcat ("v", api_version, NULL);
  return self;
}

HdSfAuth *
hd_sf_client_get_auth (HdSfClient *self)
{
  g_return_val_if_fail (HD_IS_SF_CLIENT (self), NULL);
  return self->auth;
}

const char *
hd_sf_client_get_api_version (HdSfClient *self)
{
  g_return_val_if_fail (HD_IS_SF_CLIENT (self), NULL);
  return self->api_version;
}

guint
hd_sf_client_get_api_usage (HdSfClient *self)
{
  g_return_val_if_fail (HD_IS_SF_CLIENT (self), 0);
  return self->api_usage;
}

guint
hd_sf_client_get_api_limit (HdSfClient *self)
{
  g_return_val_if_fail (HD_IS_SF_CLIENT (self), 0);
  return self->api_limit;
}

/* --- requests --- */

typedef struct
{
  char        *method;
  char        *path;
  GBytes      *body;        /* nullable */
  GStrv        headers;     /* nullable */
  SoupMessage *msg;
  char        *token_used;  /* secret; wiped on free */
  gboolean     retried;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_strfreev (request->headers);
  g_clear_object (&request->msg);
  if (request->token_used != NULL)
    memset (request->token_used, 0, strlen (request->token_used));
  g_free (request->token_used);
  g_free (request);
}

static void send_request (GTask *task);

static void
update_limits (HdSfClient  *self,
               SoupMessage *msg)
{
  const char *header = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Sforce-Limit-Info");
  guint used, limit;

  if (!hd_sf_parse_limit_info (header, &used, &limit))
    return;
  if (used != self->api_usage)
    {
      self->api_usage = used;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_USAGE]);
    }
  if (limit != self->api_limit)
    {
      self->api_limit = limit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API_LIMIT]);
    }
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_refresh_finish (HD_SF_AUTH (object), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    send_request (g_steal_pointer (&task));
}

static gboolean
is_scope_error (GPtrArray *errors)
{
  /* "This session is not valid for use with the REST API": the token lacks
   * the api scope, a configuration error a refresh does not fix. */
  return errors != NULL && errors->len > 0 &&
         strstr (((HdSfApiError *) g_ptr_array_index (errors, 0))->message, "not valid for use") != NULL;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;
  HdSfClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gsize size = 0;
  const char *data;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  update_limits (self, request->msg);
  response = g_new0 (HdSfResponse, 1);
  response->status = soup_message_get_status (request->msg);
  response->body = g_bytes_ref (body);
  response->date = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (request->msg), "Date"));
  response->last_modified = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (request->msg),
                                                                    "Last-Modified"));
  data = g_bytes_get_data (body, &size);
  if (data != NULL && size > 0 &&
      (response->json = hd_bounded_json_parse (data, size, HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL)) != NULL)
    {
      if (response->json != NULL && JSON_NODE_HOLDS_ARRAY (response->json) && !SOUP_STATUS_IS_SUCCESSFUL (response->status))
        response->errors = hd_sf_parse_error_array (body, NULL);
    }

  if (response->status == SOUP_STATUS_UNAUTHORIZED &&
      g_strcmp0 (hd_sf_error_array_first_code (response->errors), "INVALID_SESSION_ID") == 0 &&
      !is_scope_error (response->errors))
    {
      if (!request->retried)
        {
          request->retried = TRUE;
          g_debug ("%s %s: session expired, refreshing", request->method, request->path);
          hd_sf_auth_refresh_async (self->auth, request->token_used, g_task_get_cancellable (task),
                                    refresh_cb, g_object_ref (task));
          return;
        }
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH,
                               _("Salesforce refused the renewed session; sign in again"));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&response), (GDestroyNotify) hd_sf_response_free);
}

static void
send_request (GTask *task)
{
  HdSfClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  const char *token = hd_sf_auth_peek_access_token (self->auth);
  const char *instance = hd_sf_auth_get_instance_url (self->auth);
  g_autofree char *url = NULL;
  g_autofree char *bearer = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  if (token == NULL || instance == NULL)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_AUTH, _("Not signed in to Salesforce"));
      g_object_unref (task);
      return;
    }
  if (!hd_sf_check_uri (instance, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (g_str_has_prefix (request->path, "/services/"))
    url = g_strconcat (instance, request->path, NULL);
  else
    url = g_strdup_printf ("%s/services/data/%s/%s", instance, self->api_version, request->path);

  g_clear_object (&request->msg);
  request->msg = soup_message_new (request->method, url);
  if (request->msg == NULL)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_HTTP, _("Invalid Salesforce request URL"));
      g_object_unref (task);
      return;
    }
  g_free (request->token_used);
  request->token_used = g_strdup (token);

  headers = soup_message_get_request_headers (request->msg);
  bearer = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (headers, "Authorization", bearer);
  memset (bearer, 0, strlen (bearer));
  soup_message_headers_replace (headers, "Accept", "application/json");
  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL && request->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, request->headers[i], request->headers[i + 1]);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->msg, "application/json", request->body);

  soup_session_send_and_read_async (self->session, request->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_cb, task);
}

void
hd_sf_client_request_async (HdSfClient          *self,
                            const char          *method,
                            const char          *path,
                            JsonNode            *body,
                            const char * const  *headers,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Request *request;

  g_return_if_fail (HD_IS_SF_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_client_request_async);
  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->headers = g_strdupv ((char **) headers);
  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize len = strlen (text);

      request->body = g_bytes_new_take (g_steal_pointer (&text), len);
    }
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  send_request (task);
}

HdSfResponse *
hd_sf_client_request_finish (HdSfClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- get record --- */

static void
get_record_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;

  if (!(response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error)))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (response->status != SOUP_STATUS_OK)
    g_task_return_error (task, hd_sf_response_to_error (response));
  else if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json))
    g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("Salesforce sent a record that is not an object"));
  else
    g_task_return_pointer (task, json_object_ref (json_node_get_object (response->json)),
                           (GDestroyNotify) json_object_unref);
}

void
hd_sf_client_get_record_async (HdSfClient          *self,
                               const char          *sobject,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (HD_IS_SF_CLIENT (self));
  g_return_if_fail (sobject != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_client_get_record_async);
  if (!hd_sf_is_valid_id (id))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a Salesforce record id"),
                               id != NULL ? id : "");
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("sobjects/%s/%s", sobject, id);
  hd_sf_client_request_async (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable, get_record_cb, task);
}

JsonObject *
hd_sf_client_get_record_finish (HdSfClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- query --- */

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = NULL;
  JsonArray *records = g_task_get_task_data (task);
  JsonObject *page;
  JsonArray *page_records;
  const char *next;

  if (!(response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (response->status != SOUP_STATUS_OK)
    {
      g_task_return_error (task, hd_sf_response_to_error (response));
      return;
    }
  if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT (response->json) ||
      !json_object_has_member (page = json_node_get_object (response->json), "records") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (page, "records")))
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_PARSE, _("Salesforce sent a malformed query result"));
      return;
    }
  page_records = json_object_get_array_member (page, "records");
  for (guint i = 0; i < json_array_get_length (page_records); i++)
    json_array_add_element (records, json_node_copy (json_array_get_element (page_records, i)));

  next = json_object_has_member (page, "nextRecordsUrl") && !hd_json_get_boolean (page, "done", TRUE)
           ? hd_json_get_string (page, "nextRecordsUrl", NULL) : NULL;
  if (next != NULL && g_str_has_prefix (next, "/services/"))
    {
      hd_sf_client_request_async (HD_SF_CLIENT (object), SOUP_METHOD_GET, next, NULL, NULL,
                                  g_task_get_cancellable (task), query_cb, g_object_ref (task));
      return;
    }
  g_task_return_pointer (task, json_array_ref (records), (GDestroyNotify) json_array_unref);
}

void
hd_sf_client_query_async (HdSfClient          *self,
                          const char          *soql,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (HD_IS_SF_CLIENT (self));
  g_return_if_fail (soql != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_client_query_async);
  g_task_set_task_data (task, json_array_new (), (GDestroyNotify) json_array_unref);
  escaped = g_uri_escape_string (soql, NULL, FALSE);
  path = g_strconcat ("query?q=", escaped, NULL);
  hd_sf_client_request_async (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable, query_cb, task);
}

JsonArray *
hd_sf_client_query_finish (HdSfClient    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- case context --- */

static const char *
record_string (JsonObject *record,
               const char *field)
{
  JsonNode *node = record != NULL ? json_object_get_member (record, field) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void context_financial_standard (GTask *task);

static void
context_financial_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = NULL;
  HdSfCaseContext *context = g_task_get_task_data (task);
  gboolean managed = context->fsc_model == NULL;

  records = hd_sf_client_query_finish (HD_SF_CLIENT (object), result, &error);
  if (records == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || error->domain == G_IO_ERROR ||
          g_error_matches (error, HD_ERROR, HD_ERROR_AUTH) || g_error_matches (error, HD_ERROR, HD_ERROR_LIMIT))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* INVALID_TYPE: the org does not have this model. */
      if (managed)
        {
          g_free (context->fsc_model);
          context->fsc_model = g_strdup ("standard-probe");
          context_financial_standard (g_steal_pointer (&task));
          return;
        }
      g_debug ("No financial accounts in this org: %s", error->message);
      g_clear_pointer (&context->fsc_model, g_free);
    }
  else
    {
      g_free (context->fsc_model);
      context->fsc_model = g_strdup (managed ? "managed" : "standard");
      g_clear_pointer (&context->financial_accounts, json_array_unref);
      context->financial_accounts = g_steal_pointer (&records);
    }
  g_task_return_pointer (task, hd_sf_case_context_copy (context), (GDestroyNotify) hd_sf_case_context_free);
}

static void
context_financial_standard (GTask *task)
{
  HdSfCaseContext *context = g_task_get_task_data (task);
  g_autofree char *account = hd_sf_soql_quote (record_string (context->case_record, "AccountId"));
  g_autofree char *soql = g_strdup_printf ("SELECT Id, Name, FinancialAccountNumber, Type, Status "
                                           "FROM FinancialAccount WHERE Id IN "
                                           "(SELECT FinancialAccountId FROM FinancialAccountParty "
                                           "WHERE AccountId = %s)", account);

  hd_sf_client_query_async (g_task_get_source_object (task), soql, g_task_get_cancellable (task),
                            context_financial_cb, task);
}

static void
context_financial (GTask *task)
{
  HdSfCaseContext *context = g_task_get_task_data (task);
  const char *account_id = record_string (context->case_record, "AccountId");
  g_autofree char *account = NULL;
  g_autofree char *soql = NULL;

  if (account_id == NULL)
    {
      g_task_return_pointer (task, hd_sf_case_context_copy (context), (GDestroyNotify) hd_sf_case_context_free);
      g_object_unref (task);
      return;
    }
  account = hd_sf_soql_quote (account_id);
  soql = g_strdup_printf ("SELECT Id, Name, FinServ__FinancialAccountNumber__c, "
                          "FinServ__FinancialAccountType__c, FinServ__Status__c, FinServ__Balance__c "
                          "FROM FinServ__FinancialAccount__c WHERE FinServ__PrimaryOwner__c = %s", account);
  hd_sf_client_query_async (g_task_get_source_object (task), soql, g_task_get_cancellable (task),
                            context_financial_cb, task);
}

static void
context_customer_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfCaseContext *context = g_task_get_task_data (task);
  JsonObject *customer;

  customer = hd_sf_client_get_record_finish (HD_SF_CLIENT (object), result, &error);
  if (customer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  context->customer = customer;
  context->person_account = g_strcmp0 (context->customer_sobject, "Account") == 0 &&
                            hd_json_get_boolean (customer, "IsPersonAccount", FALSE);
  context_financial (g_steal_pointer (&task));
}

static void
context_case_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HdSfCaseContext *context = g_task_get_task_data (task);
  const char *account_id, *contact_id;

  context->case_record = hd_sf_client_get_record_finish (HD_SF_CLIENT (object), result, &error);
  if (context->case_record == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  account_id = record_string (context->case_record, "AccountId");
  contact_id = record_string (context->case_record, "ContactId");
  if (account_id != NULL)
    {
      context->customer_sobject = g_strdup ("Account");
      hd_sf_client_get_record_async (HD_SF_CLIENT (object), "Account", account_id, g_task_get_cancellable (task),
                                     context_customer_cb, g_object_ref (task));
    }
  else if (contact_id != NULL)
    {
      context->customer_sobject = g_strdup ("Contact");
      hd_sf_client_get_record_async (HD_SF_CLIENT (object), "Contact", contact_id, g_task_get_cancellable (task),
                                     context_customer_cb, g_object_ref (task));
    }
  else
    context_financial (g_steal_pointer (&task));
}

void
hd_sf_client_fetch_case_context_async (HdSfClient          *self,
                                       const char          *case_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  HdSfCaseContext *context;

  g_return_if_fail (HD_IS_SF_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_client_fetch_case_context_async);
  context = g_new0 (HdSfCaseContext, 1);
  context->financial_accounts = json_array_new ();
  g_task_set_task_data (task, context, (GDestroyNotify) hd_sf_case_context_free);
  hd_sf_client_get_record_async (self, "Case", case_id, cancellable, context_case_cb, task);
}

HdSfCaseContext *
hd_sf_client_fetch_case_context_finish (HdSfClient    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
