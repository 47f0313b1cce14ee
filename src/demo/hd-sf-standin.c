/* hd-sf-standin.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-json-get.h"
#include "hd-sf-standin-private.h"
#include "hd-sf-standin-streaming-private.h"

/* The server: routing, fault injection, the object and its public API,
 * with the test controls.  OAuth is in hd-sf-standin-oauth.c, the record
 * store and data API in hd-sf-standin-store.c, SOQL in
 * hd-sf-standin-soql.c, schema and seed data in hd-sf-standin-data.c. */

G_DEFINE_FINAL_TYPE (HdSfStandin, hd_sf_standin, G_TYPE_OBJECT)

enum { REQUEST, APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* --- answers --- */

void
_hd_sf_standin_set_json (SoupServerMessage *msg,
                         guint              status,
                         JsonNode          *root)
{
  g_autofree char *text = json_to_string (root, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_COPY, text, strlen (text));
}

void
_hd_sf_standin_set_error_array (SoupServerMessage  *msg,
                                guint               status,
                                const char         *code,
                                const char         *message,
                                const char * const *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "errorCode");
  json_builder_add_string_value (builder, code);
  if (fields != NULL)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint i = 0; fields[i] != NULL; i++)
        json_builder_add_string_value (builder, fields[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  _hd_sf_standin_set_json (msg, status, root);
}

void
_hd_sf_standin_set_oauth_error (SoupServerMessage *msg,
                                guint              status,
                                const char        *error,
                                const char        *description)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();

  json_object_set_string_member (object, "error", error);
  json_object_set_string_member (object, "error_description", description);
  json_node_init_object (root, object);
  _hd_sf_standin_set_json (msg, status, root);
}

static void
held_finished_cb (SoupServerMessage *msg,
                  gpointer           user_data)
{
  HdSfStandin *self = user_data;

  for (guint i = 0; i < self->held->len; i++)
    {
      Held *held = g_ptr_array_index (self->held, i);

      if (held->msg == msg)
        {
          g_ptr_array_remove_index (self->held, i);
          return;
        }
    }
}

static void
held_free (Held *held)
{
  g_clear_signal_handler (&held->finished_id, held->msg);
  g_clear_object (&held->msg);
  g_free (held);
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
data_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  HdSfStandin *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *after = path + strlen ("/services/data/");
  const char *slash = strchr (after, '/');
  g_autofree char *version = slash != NULL ? g_strndup (after, slash - after) : g_strdup (after);
  g_autoptr(GRegex) version_regex = g_regex_new ("^v[0-9]{2}\\.0$", 0, 0, NULL);
  g_autofree char *limit_info = NULL;
  HdSfStandinFault fault = HD_SF_STANDIN_FAULT_NONE;
  Session *session;
  gboolean wrote;

  g_signal_emit (self, signals[REQUEST], 0, method, path);

  if (self->fault_count > 0)
    {
      fault = self->fault;
      if (self->fault_count != G_MAXUINT)
        self->fault_count--;
    }
  if (fault == HD_SF_STANDIN_FAULT_DROP)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      return;
    }
  if (fault == HD_SF_STANDIN_FAULT_PROXY_PAGE)
    {
      guint status = self->fault_status != 0 ? self->fault_status : SOUP_STATUS_BAD_GATEWAY;
      g_autofree char *page = g_strdup_printf ("<html><head><title>%u %s</title></head><body><h1>%s</h1>"
                                               "<p>The proxy server received an invalid response from an "
                                               "upstream server.</p></body></html>",
                                               status, soup_status_get_phrase (status),
                                               soup_status_get_phrase (status));

      soup_server_message_set_status (msg, status, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, page, strlen (page));
      return;
    }

  if (!g_regex_match (version_regex, version, 0, NULL))
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return;
    }
  g_free (self->last_api_version);
  self->last_api_version = g_strdup (version);

  if (!(session = _hd_sf_standin_check_bearer (self, msg)))
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_UNAUTHORIZED, "INVALID_SESSION_ID", "Session expired or invalid", NULL);
      return;
    }

  self->n_api_calls++;
  limit_info = g_strdup_printf ("api-usage=%u/%u", self->n_api_calls,
                                self->request_limit > 0 ? self->request_limit : DEFAULT_API_LIMIT);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Sforce-Limit-Info", limit_info);
  if (self->request_limit > 0 && self->n_api_calls > self->request_limit)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_FORBIDDEN, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.", NULL);
      return;
    }
  if (fault == HD_SF_STANDIN_FAULT_ERROR_500)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "UNKNOWN_EXCEPTION",
                       "An unexpected error occurred. Please include this ErrorId if you contact support: "
                       "1234567890-12345 (-1234567890)", NULL);
      return;
    }

  if (fault == HD_SF_STANDIN_FAULT_LOCKED_ROW)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "UNABLE_TO_LOCK_ROW",
                                      "unable to obtain exclusive access to this record or 1 records", NULL);
      return;
    }
  if (fault == HD_SF_STANDIN_FAULT_UNAVAILABLE)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "SERVER_UNAVAILABLE",
                                      "Server is unavailable. Try again later.", NULL);
      return;
    }

  if (_hd_sf_standin_streaming_handle_data (self, msg, session, version, slash != NULL ? slash + 1 : "", query))
    return;
  wrote = _hd_sf_standin_handle_data (self, msg, session, version, slash != NULL ? slash + 1 : "", query);
  if (wrote)
    g_signal_emit (self, signals[APPLIED], 0, method, path);

  if (fault == HD_SF_STANDIN_FAULT_DELAY && self->delay_ms > 0)
    {
      soup_server_message_pause (msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, unpause_cb, g_object_ref (msg), g_object_unref);
    }
  else if (fault == HD_SF_STANDIN_FAULT_HOLD)
    {
      Held *held = g_new0 (Held, 1);

      held->msg = g_object_ref (msg);
      held->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (held_finished_cb), self);
      g_ptr_array_add (self->held, held);
      soup_server_message_pause (msg);
    }
}

static void
default_handler (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
}

/* --- GObject --- */

static void
hd_sf_standin_finalize (GObject *object)
{
  HdSfStandin *self = HD_SF_STANDIN (object);

  hd_sf_standin_stop (self);
  g_clear_pointer (&self->streaming, _hd_sf_standin_streaming_free);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->refresh_tokens, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->demo_cases, g_hash_table_unref);
  g_clear_pointer (&self->demo_accounts, g_hash_table_unref);
  g_clear_pointer (&self->write_log, g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_free (self->refresh_refusal);
  g_free (self->refresh_refusal_description);
  g_clear_pointer (&self->removed_fields, g_hash_table_unref);
  g_clear_pointer (&self->picklists, g_hash_table_unref);
  g_clear_pointer (&self->picklist_defaults, g_hash_table_unref);
  g_free (self->client_id);
  g_free (self->url);
  g_free (self->last_api_version);
  g_free (self->last_auto_assign);
  G_OBJECT_CLASS (hd_sf_standin_parent_class)->finalize (object);
}

static void
hd_sf_standin_class_init (HdSfStandinClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_sf_standin_finalize;

  signals[REQUEST] = g_signal_new ("request", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
hd_sf_standin_init (HdSfStandin *self)
{
  self->client_id = g_strdup (DEFAULT_CLIENT_ID);
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _hd_sf_standin_auth_code_free);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) _hd_sf_standin_session_free);
  self->refresh_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->demo_cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->demo_accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  self->write_log = g_ptr_array_new_with_free_func (g_free);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) _hd_sf_standin_rule_free);
  self->removed_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->picklists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->picklist_defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* The org's metadata dates from a while ago. */
  self->describe_modified = g_get_real_time () / G_USEC_PER_SEC - 3600;
  self->next_case_number = 1040;
  self->streaming = _hd_sf_standin_streaming_new ();
  self->cdc_enabled = TRUE;
  _hd_sf_standin_seed (self);
}

HdSfStandin *
hd_sf_standin_new (void)
{
  return g_object_new (HD_TYPE_SF_STANDIN, NULL);
}

gboolean
hd_sf_standin_start (HdSfStandin  *self,
                     guint         port,
                     GError      **error)
{
  GSList *uris;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  self->server = soup_server_new ("server-header", "HandoffDesk-Salesforce-standin", NULL);
  soup_server_add_handler (self->server, NULL, default_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/authorize", _hd_sf_standin_authorize_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/token", _hd_sf_standin_token_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/oauth2/revoke", _hd_sf_standin_revoke_handler, self, NULL);
  soup_server_add_handler (self->server, "/id/", _hd_sf_standin_identity_handler, self, NULL);
  soup_server_add_handler (self->server, "/services/data/", data_handler, self, NULL);
  soup_server_add_handler (self->server, "/cometd/", _hd_sf_standin_cometd_handler, self, NULL);
  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  self->port = uris != NULL ? (guint) g_uri_get_port (uris->data) : 0;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  return TRUE;
}

void
hd_sf_standin_stop (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));

  if (self->server == NULL)
    return;
  g_ptr_array_set_size (self->held, 0);
  _hd_sf_standin_streaming_stop (self);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
}

const char *
hd_sf_standin_get_url (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->url;
}

guint
hd_sf_standin_get_port (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->port;
}

const char *
hd_sf_standin_get_client_id (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->client_id;
}

void
hd_sf_standin_set_client_id (HdSfStandin *self,
                             const char  *client_id)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (client_id != NULL);
  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
}

const char *
hd_sf_standin_get_org_id (HdSfStandin *self)
{
  return ORG_ID;
}

const char *
hd_sf_standin_get_user_id (HdSfStandin *self)
{
  return USER_ID;
}

void
hd_sf_standin_set_token_lifetime_ms (HdSfStandin *self,
                                     guint        ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->token_lifetime_ms = ms;
}

void
hd_sf_standin_expire_access_tokens (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->generation++;
}

void
hd_sf_standin_set_rotate_refresh_tokens (HdSfStandin *self,
                                         gboolean     rotate)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->rotate = rotate;
}

void
hd_sf_standin_revoke_all (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_hash_table_remove_all (self->refresh_tokens);
  g_hash_table_remove_all (self->sessions);
}

void
hd_sf_standin_set_request_limit (HdSfStandin *self,
                                 guint        limit)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->request_limit = limit;
}

void
hd_sf_standin_set_fault (HdSfStandin      *self,
                         HdSfStandinFault  fault,
                         guint             count)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->fault = fault;
  self->fault_count = fault == HD_SF_STANDIN_FAULT_NONE ? 0 : count;
}

void
hd_sf_standin_set_delay_ms (HdSfStandin *self,
                            guint        ms)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->delay_ms = ms;
}

void
hd_sf_standin_set_fault_status (HdSfStandin *self,
                                guint        status)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->fault_status = status;
}

void
hd_sf_standin_set_refresh_refusal (HdSfStandin *self,
                                   const char  *error,
                                   const char  *description)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_free (self->refresh_refusal);
  g_free (self->refresh_refusal_description);
  self->refresh_refusal = g_strdup (error);
  self->refresh_refusal_description = g_strdup (description != NULL ? description : "");
}

void
hd_sf_standin_release_held (HdSfStandin *self)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (HD_IS_SF_STANDIN (self));
  held = g_steal_pointer (&self->held);
  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
  for (guint i = 0; i < held->len; i++)
    soup_server_message_unpause (((Held *) g_ptr_array_index (held, i))->msg);
}

guint
hd_sf_standin_get_n_api_calls (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_api_calls;
}

guint
hd_sf_standin_get_n_refreshes (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_refreshes;
}

guint
hd_sf_standin_get_n_revocations (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  return self->n_revocations;
}

GStrv
hd_sf_standin_dup_write_log (HdSfStandin *self)
{
  GStrv log;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  log = g_new0 (char *, self->write_log->len + 1);
  for (guint i = 0; i < self->write_log->len; i++)
    log[i] = g_strdup (g_ptr_array_index (self->write_log, i));
  return log;
}

const char *
hd_sf_standin_get_last_api_version (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->last_api_version;
}

const char *
hd_sf_standin_get_last_auto_assign (HdSfStandin *self)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return self->last_auto_assign;
}

gboolean
hd_sf_standin_is_token_live (HdSfStandin *self,
                             const char  *token)
{
  Session *session;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  if (token == NULL)
    return FALSE;
  if (g_hash_table_contains (self->refresh_tokens, token))
    return TRUE;
  session = g_hash_table_lookup (self->sessions, token);
  return session != NULL && session->generation == self->generation;
}

JsonObject *
hd_sf_standin_dup_record (HdSfStandin *self,
                          const char  *sobject,
                          const char  *id)
{
  JsonObject *record;
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonNode) copy = NULL;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  if ((record = _hd_sf_standin_lookup_record (self, sobject, id)) == NULL)
    return NULL;
  json_node_init_object (node, record);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

gboolean
hd_sf_standin_edit_record (HdSfStandin *self,
                           const char  *sobject,
                           const char  *id,
                           JsonObject  *fields)
{
  JsonObject *record;
  g_autoptr(GList) names = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), FALSE);
  if ((record = _hd_sf_standin_lookup_record (self, sobject, id)) == NULL)
    return FALSE;
  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (record, l->data, json_node_copy (json_object_get_member (fields, l->data)));
  _hd_sf_standin_touch (record, HD_SF_STANDIN_COLLEAGUE_ID);
  what = g_strdup_printf ("%s/%s (colleague)", sobject, id);
  _hd_sf_standin_log_write (self, "EDIT", what, fields);
  if (g_strcmp0 (sobject, "Case") == 0)
    _hd_sf_standin_publish_case_change (self, "UPDATE", record, fields, HD_SF_STANDIN_COLLEAGUE_ID);
  return TRUE;
}

char *
hd_sf_standin_insert_record (HdSfStandin *self,
                             const char  *sobject,
                             JsonObject  *fields)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  g_return_val_if_fail (_hd_sf_standin_fields_of (sobject) != NULL, NULL);
  return _hd_sf_standin_insert (self, sobject, fields, USER_ID);
}

GStrv
hd_sf_standin_find_records (HdSfStandin *self,
                            const char  *sobject,
                            const char  *field,
                            const char  *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);
      g_autofree char *type = g_strndup (key, strchr (key, '/') - key);
      JsonObject *record;

      if (g_strcmp0 (type, sobject) != 0 || (record = _hd_sf_standin_lookup_record (self, sobject, strchr (key, '/') + 1)) == NULL)
        continue;
      if (g_strcmp0 (hd_json_get_string (record, field, NULL), value) == 0)
        g_strv_builder_add (builder, json_object_get_string_member (record, "Id"));
    }
  return g_strv_builder_end (builder);
}

const char *
hd_sf_standin_get_demo_case_id (HdSfStandin *self,
                                const char  *template_name)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return template_name != NULL ? g_hash_table_lookup (self->demo_cases, template_name) : NULL;
}

const char *
hd_sf_standin_get_demo_account_id (HdSfStandin *self,
                                   const char  *template_name)
{
  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  return template_name != NULL ? g_hash_table_lookup (self->demo_accounts, template_name) : NULL;
}

