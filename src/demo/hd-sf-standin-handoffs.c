/* hd-sf-standin-handoffs.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-json-get.h"
#include "hd-sf-standin-streaming-private.h"

/* The org side of the Salesforce binding of the assignment feed: the
 * Handoff__c records, read under Private sharing, the HandoffDesk_Request__e
 * platform events the app publishes, and the routing flow that answers
 * each of them with a HandoffDesk_Event__e after commit (binding23.md). */

#define HANDOFF_PREFIX "a0H"
#define MAX_BODY_BYTES 32768

static const char * const handoff_fields[] = {
  "Id", "OwnerId", "Name", "Handoff_Id__c", "Packet__c", "Status__c", "Offer_Expires_At__c", "Case__c",
  "Messaging_Session__c", "CreatedDate", "CreatedById", "LastModifiedDate", NULL
};

static const char * const request_kinds[] = {
  "accept", "decline", "reply", "status", "quality_report", "wrap_up", NULL
};

JsonObject *
_hd_sf_standin_find_handoff (HdSfStandin *self,
                             const char  *handoff_id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->streaming->handoffs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (hd_json_get_string (value, "Handoff_Id__c", NULL), handoff_id) == 0)
      return value;
  return NULL;
}

static void
publish (HdSfStandin *self,
         const char  *kind,
         const char  *agent_user_id,
         const char  *handoff_id,
         const char  *first_name,
         const char  *first_value,
         const char  *second_name,
         const char  *second_value,
         const char  *third_name,
         const char  *third_value)
{
  g_autoptr(JsonObject) payload = json_object_new ();

  json_object_set_string_member (payload, "Kind__c", kind);
  json_object_set_string_member (payload, "Agent_User_Id__c", agent_user_id);
  json_object_set_string_member (payload, "Handoff_Id__c", handoff_id);
  if (first_name != NULL)
    json_object_set_string_member (payload, first_name, first_value);
  if (second_name != NULL)
    json_object_set_string_member (payload, second_name, second_value);
  if (third_name != NULL)
    json_object_set_string_member (payload, third_name, third_value);
  /* The flow runs as the automated process user. */
  hd_sf_standin_publish_event (self, HD_SF_STANDIN_EVENT_CHANNEL, payload, "005Hs000000AUTOAAA");
}

char *
hd_sf_standin_offer_handoff (HdSfStandin *self,
                             const char  *agent_user_id,
                             const char  *handoff_id,
                             const char  *packet_json,
                             GDateTime   *expires_at)
{
  HdSfStandinStreaming *streaming;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) default_expiry = g_date_time_add_seconds (now, 120);
  g_autofree char *created = _hd_sf_standin_format_datetime (now);
  g_autofree char *expires = _hd_sf_standin_format_datetime (expires_at != NULL ? expires_at : default_expiry);
  g_autofree char *name = NULL;
  JsonObject *record;
  char *id;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  g_return_val_if_fail (agent_user_id != NULL && handoff_id != NULL && packet_json != NULL, NULL);
  streaming = self->streaming;

  id = g_strdup_printf (HANDOFF_PREFIX "Hs%010u" "AAA", ++streaming->next_record);
  name = g_strdup_printf ("H-%06u", streaming->next_record);
  record = json_object_new ();
  json_object_set_string_member (record, "Id", id);
  json_object_set_string_member (record, "OwnerId", agent_user_id);
  json_object_set_string_member (record, "Name", name);
  json_object_set_string_member (record, "Handoff_Id__c", handoff_id);
  json_object_set_string_member (record, "Packet__c", packet_json);
  json_object_set_string_member (record, "Status__c", "Offered");
  json_object_set_string_member (record, "Offer_Expires_At__c", expires);
  json_object_set_null_member (record, "Case__c");
  json_object_set_null_member (record, "Messaging_Session__c");
  json_object_set_string_member (record, "CreatedDate", created);
  json_object_set_string_member (record, "CreatedById", "005Hs000000AUTOAAA");
  json_object_set_string_member (record, "LastModifiedDate", created);
  g_hash_table_replace (streaming->handoffs, g_strdup (id), record);

  publish (self, "offer", agent_user_id, handoff_id, "Handoff_Record_Id__c", id, "Expires_At__c", expires,
           NULL, NULL);
  return id;
}

static void
set_status (JsonObject *record,
            const char *status)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *modified = _hd_sf_standin_format_datetime (now);

  json_object_set_string_member (record, "Status__c", status);
  json_object_set_string_member (record, "LastModifiedDate", modified);
}

void
hd_sf_standin_end_handoff (HdSfStandin *self,
                           const char  *kind,
                           const char  *agent_user_id,
                           const char  *handoff_id,
                           const char  *reason)
{
  JsonObject *record;

  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (g_strcmp0 (kind, "revoke") == 0 || g_strcmp0 (kind, "expire") == 0);

  if ((record = _hd_sf_standin_find_handoff (self, handoff_id)) != NULL)
    set_status (record, g_strcmp0 (kind, "expire") == 0 ? "Expired" : "Revoked");
  publish (self, kind, agent_user_id, handoff_id, "Reason__c", reason != NULL ? reason : "expired",
           NULL, NULL, NULL, NULL);
}

GStrv
hd_sf_standin_dup_request_log (HdSfStandin *self)
{
  GPtrArray *log;
  GStrv copy;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  log = self->streaming->request_log;
  copy = g_new0 (char *, log->len + 1);
  for (guint i = 0; i < log->len; i++)
    copy[i] = g_strdup (g_ptr_array_index (log, i));
  return copy;
}

const char *
hd_sf_standin_get_handoff_status (HdSfStandin *self,
                                  const char  *handoff_id)
{
  JsonObject *record;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), NULL);
  record = _hd_sf_standin_find_handoff (self, handoff_id);
  return record != NULL ? hd_json_get_string (record, "Status__c", NULL) : NULL;
}

/* --- the routing flow --- */

typedef struct
{
  HdSfStandin *self;
  char        *user_id;
  char        *kind;
  char        *handoff_id;
  char        *request_id;
  char        *text;          /* a reply's */
} FlowRun;

static void
flow_run_free (FlowRun *run)
{
  g_object_unref (run->self);
  g_free (run->user_id);
  g_free (run->kind);
  g_free (run->handoff_id);
  g_free (run->request_id);
  g_free (run->text);
  g_free (run);
}

/* The platform-event-triggered flow of the admin guide: checks that the
 * handoff is the requester's (by the event's CreatedById, never a field),
 * moves Status__c, and answers. */
static gboolean
flow_run_cb (gpointer user_data)
{
  FlowRun *run = user_data;
  HdSfStandin *self = run->self;
  JsonObject *record = _hd_sf_standin_find_handoff (self, run->handoff_id);
  const char *status = record != NULL ? hd_json_get_string (record, "Status__c", "") : "";
  const char *result = "ok";
  const char *message = "";

  if (record == NULL || g_strcmp0 (hd_json_get_string (record, "OwnerId", NULL), run->user_id) != 0)
    {
      result = "not_found";
      message = "No such handoff is shared with you.";
    }
  else if (g_strcmp0 (run->kind, "accept") == 0 || g_strcmp0 (run->kind, "decline") == 0)
    {
      if (g_strcmp0 (status, "Offered") != 0)
        {
          result = "offer_unavailable";
          message = "The offer is no longer open.";
        }
      else
        set_status (record, g_strcmp0 (run->kind, "accept") == 0 ? "Accepted" : "Declined");
    }
  else if (g_strcmp0 (run->kind, "wrap_up") == 0 || g_strcmp0 (run->kind, "quality_report") == 0 ||
           g_strcmp0 (run->kind, "reply") == 0)
    {
      if (g_strcmp0 (status, "Accepted") != 0)
        {
          result = "not_assigned";
          message = "The handoff is not assigned to you.";
        }
      else if (g_strcmp0 (run->kind, "wrap_up") == 0)
        set_status (record, "Wrapped_Up");
      else if (g_strcmp0 (run->kind, "reply") == 0 && (run->text == NULL || *run->text == '\0'))
        {
          result = "bad_request";
          message = "A reply needs a text.";
        }
      else if (g_strcmp0 (run->kind, "reply") == 0)
        /* The message goes to the customer; the agent's turn is recorded
         * and announced by an `update` that names the request. */
        hd_sf_standin_add_turn (self, run->handoff_id, "agent", run->text, run->request_id);
    }
  publish (self, "answer", run->user_id, run->handoff_id, "Request_Id__c", run->request_id, "Result__c", result,
           "Message__c", message);
  return G_SOURCE_REMOVE;
}

static gboolean
handle_request_insert (HdSfStandin       *self,
                       SoupServerMessage *msg,
                       Session           *session)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) answer_root = json_node_alloc ();
  JsonObject *fields;
  const char *kind, *handoff_id, *request_id, *request_body;
  g_autoptr(JsonNode) body_root = NULL;
  JsonObject *body_object;
  g_autofree char *event_id = NULL;
  FlowRun *run;

  root = hd_bounded_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "JSON_PARSER_ERROR",
                                      "The request body is not a JSON object", NULL);
      return TRUE;
    }
  fields = json_node_get_object (root);
  kind = hd_json_get_string (fields, "Kind__c", NULL);
  handoff_id = hd_json_get_string (fields, "Handoff_Id__c", NULL);
  request_id = hd_json_get_string (fields, "Request_Id__c", NULL);
  request_body = hd_json_get_string (fields, "Body__c", "");
  if (kind == NULL || !g_strv_contains (request_kinds, kind))
    {
      const char * const bad[] = { "Kind__c", NULL };

      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "FIELD_INTEGRITY_EXCEPTION",
                                      "Kind__c: bad value for the request kind", bad);
      return TRUE;
    }
  if (request_id == NULL || strlen (request_id) > 64 || (handoff_id != NULL && strlen (handoff_id) > 64) ||
      strlen (request_body) > MAX_BODY_BYTES)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "STRING_TOO_LONG",
                                      "Request_Id__c, Handoff_Id__c or Body__c: data value too large", NULL);
      return TRUE;
    }

  body_root = *request_body != '\0' ? hd_bounded_json_parse (request_body, strlen (request_body),
                                                              HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL) : NULL;
  body_object = body_root != NULL && JSON_NODE_HOLDS_OBJECT (body_root) ? json_node_get_object (body_root) : NULL;
  /* A status is logged with its value, for tests: "status away". */
  g_ptr_array_add (self->streaming->request_log,
                   g_strdup_printf ("%s %s", kind,
                                    g_strcmp0 (kind, "status") == 0 && body_object != NULL
                                    ? hd_json_get_string (body_object, "status", "")
                                    : handoff_id != NULL ? handoff_id : ""));
  event_id = g_strdup_printf ("e00Hs%010uAAA", ++self->streaming->next_record);
  json_object_set_string_member (answer, "id", event_id);
  json_object_set_boolean_member (answer, "success", TRUE);
  json_object_set_array_member (answer, "errors", json_array_new ());
  json_node_init_object (answer_root, answer);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_CREATED, answer_root);

  /* A status is not about a handoff: nothing to answer for the flow. */
  if (g_strcmp0 (kind, "status") == 0 || handoff_id == NULL)
    return TRUE;
  /* Publish After Commit: the flow runs after the insert has answered. */
  run = g_new0 (FlowRun, 1);
  run->self = g_object_ref (self);
  run->user_id = g_strdup (session->user_id);
  run->kind = g_strdup (kind);
  run->handoff_id = g_strdup (handoff_id);
  run->request_id = g_strdup (request_id);
  if (body_object != NULL)
    run->text = g_strdup (hd_json_get_string (body_object, "text", NULL));
  g_idle_add_full (G_PRIORITY_DEFAULT, flow_run_cb, run, (GDestroyNotify) flow_run_free);
  return TRUE;
}

static void
answer_handoff (HdSfStandin       *self,
                SoupServerMessage *msg,
                Session           *session,
                const char        *version,
                const char        *id,
                GHashTable        *query)
{
  JsonObject *record = g_hash_table_lookup (self->streaming->handoffs, id);
  const char *wanted = query != NULL ? g_hash_table_lookup (query, "fields") : NULL;
  g_auto(GStrv) only = wanted != NULL ? g_strsplit (wanted, ",", -1) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) select = NULL;
  g_autoptr(JsonNode) root = NULL;

  /* Private sharing: another user's record does not exist, as far as
   * the caller can tell. */
  if (record == NULL || g_strcmp0 (hd_json_get_string (record, "OwnerId", NULL), session->user_id) != 0)
    {
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", "The requested resource does not exist", NULL);
      return;
    }
  for (guint i = 0; only != NULL && only[i] != NULL; i++)
    if (!g_strv_contains (handoff_fields, g_strstrip (only[i])))
      {
        g_autofree char *text = g_strdup_printf ("No such column '%s' on sobject of type Handoff__c", only[i]);

        _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_FIELD", text, NULL);
        return;
      }
  /* The asked fields and the Id, in the sobject's order. */
  for (guint i = 0; handoff_fields[i] != NULL; i++)
    if (only == NULL || g_strv_contains ((const char * const *) only, handoff_fields[i]) ||
        g_strcmp0 (handoff_fields[i], "Id") == 0)
      g_strv_builder_add (builder, handoff_fields[i]);
  select = g_strv_builder_end (builder);
  root = _hd_sf_standin_record_for_output (self, "Handoff__c", record, version, (const char * const *) select);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

gboolean
_hd_sf_standin_streaming_handle_data (HdSfStandin       *self,
                                      SoupServerMessage *msg,
                                      Session           *session,
                                      const char        *version,
                                      const char        *rest,
                                      GHashTable        *query)
{
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) parts = g_strsplit (rest, "/", -1);
  guint n = g_strv_length (parts);

  if (_hd_sf_standin_turns_handle_data (self, msg, session, version, (const char * const *) parts, query))
    return TRUE;
  /* "sobjects/HandoffDesk_Request__e" and "sobjects/HandoffDesk_Request__e/". */
  if (n >= 2 && n <= 3 && strcmp (parts[0], "sobjects") == 0 && strcmp (parts[1], "HandoffDesk_Request__e") == 0 &&
      (n == 2 || parts[2][0] == '\0'))
    {
      if (method != SOUP_METHOD_POST)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                                          "HTTP Method not allowed for platform events", NULL);
          return TRUE;
        }
      return handle_request_insert (self, msg, session);
    }
  if (n == 3 && strcmp (parts[0], "sobjects") == 0 && strcmp (parts[1], "Handoff__c") == 0)
    {
      if (method != SOUP_METHOD_GET)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_FORBIDDEN, "INSUFFICIENT_ACCESS_OR_READONLY",
                                          "insufficient access rights on object id", NULL);
          return TRUE;
        }
      answer_handoff (self, msg, session, version, parts[2], query);
      return TRUE;
    }
  return FALSE;
}
