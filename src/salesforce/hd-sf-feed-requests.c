/* hd-sf-feed-requests.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-sf-feed-private.h"

/* The agent's requests in the Salesforce binding: a HandoffDesk_Request__e
 * insert each, answered by a HandoffDesk_Event__e of kind `answer` with
 * the same Request_Id__c.  The org trusts the event's CreatedById for who
 * asked, so nothing here names the agent. */

typedef struct
{
  char    *kind;
  char    *handoff_id;
  char    *request_id;
  GSource *timeout;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->timeout != NULL)
    {
      g_source_destroy (pending->timeout);
      g_source_unref (pending->timeout);
    }
  g_free (pending->kind);
  g_free (pending->handoff_id);
  g_free (pending->request_id);
  g_free (pending);
}

/* Takes @request_id's task out of the table, its timeout stopped. */
static GTask *
steal_task (HdSfFeed   *self,
            const char *request_id)
{
  gpointer key = NULL, value = NULL;
  Pending *pending;

  if (!g_hash_table_steal_extended (self->requests, request_id, &key, &value))
    return NULL;
  g_free (key);
  pending = g_task_get_task_data (value);
  if (pending->timeout != NULL)
    {
      g_source_destroy (pending->timeout);
      g_clear_pointer (&pending->timeout, g_source_unref);
    }
  return value;
}

void
_hd_sf_feed_apply_answer (HdSfFeed   *self,
                          JsonObject *payload)
{
  const char *request_id = hd_json_get_string (payload, "Request_Id__c", NULL);
  const char *result = hd_json_get_string (payload, "Result__c", "");
  const char *message = hd_json_get_string (payload, "Message__c", "");
  GTask *waiting = request_id != NULL ? g_hash_table_lookup (self->requests, request_id) : NULL;
  g_autoptr(GTask) task = NULL;
  Pending *pending;
  HdHandoff *handoff;

  /* An answer to a request of an earlier run, or replayed: nobody waits. */
  if (waiting == NULL)
    return;
  /* A reply is done when its agent turn is in the transcript, as with the
   * WebSocket feed: the `update` that brings it completes it, and an `ok`
   * alone only says the org took it (hd-sf-feed-turns.c). */
  pending = g_task_get_task_data (waiting);
  if (g_str_equal (pending->kind, "reply") && g_strcmp0 (result, "ok") == 0)
    return;
  task = steal_task (self, request_id);
  if (g_strcmp0 (result, "ok") != 0)
    {
      gboolean conflict = g_str_equal (result, "offer_unavailable") || g_str_equal (result, "not_assigned") ||
                          g_str_equal (result, "not_found");

      g_task_return_new_error (task, HD_ERROR, conflict ? HD_ERROR_CONFLICT : HD_ERROR_PROTOCOL,
                               /* Translators: %s is the org's message, as it sent it. */
                               _("Salesforce refused the request: %s"), *message != '\0' ? message : result);
      return;
    }
  /* The handoff changes state only now that the org confirmed. */
  handoff = hd_queue_lookup (self->queue, pending->handoff_id);
  if (handoff != NULL && g_str_equal (pending->kind, "accept"))
    hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE);
  else if (handoff != NULL && g_str_equal (pending->kind, "decline"))
    hd_handoff_transition (handoff, HD_HANDOFF_STATE_DECLINED, HD_REVOKE_REASON_NONE);
  else if (handoff != NULL && g_str_equal (pending->kind, "wrap_up"))
    hd_handoff_transition (handoff, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE);
  g_task_return_boolean (task, TRUE);
}

void
_hd_sf_feed_complete_reply (HdSfFeed   *self,
                            const char *request_id)
{
  GTask *waiting = g_hash_table_lookup (self->requests, request_id);
  g_autoptr(GTask) task = NULL;

  if (waiting == NULL || !g_str_equal (((Pending *) g_task_get_task_data (waiting))->kind, "reply"))
    return;
  task = steal_task (self, request_id);
  g_task_return_boolean (task, TRUE);
}

void
_hd_sf_feed_fail_requests (HdSfFeed *self)
{
  g_autoptr(GList) ids = g_hash_table_get_keys (self->requests);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      g_autoptr(GTask) task = steal_task (self, l->data);

      if (task != NULL)
        g_task_return_new_error (task, HD_ERROR, HD_ERROR_IO, "%s",
                                 _("The connection to Salesforce ended before it answered"));
    }
}

static gboolean
request_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  HdSfFeed *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);
  g_autoptr(GTask) stolen = NULL;

  g_clear_pointer (&pending->timeout, g_source_unref);
  stolen = steal_task (self, pending->request_id);
  if (stolen != NULL)
    g_task_return_new_error (stolen, HD_ERROR, HD_ERROR_IO, "%s", _("Salesforce did not answer the request in time"));
  return G_SOURCE_REMOVE;
}

static void
insert_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdSfFeed *self = g_task_get_source_object (task);
  Pending *pending = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  g_autoptr(GTask) stolen = NULL;

  if (response != NULL && response->status == SOUP_STATUS_CREATED)
    return;   /* published: the answer comes as an event */
  if ((stolen = steal_task (self, pending->request_id)) == NULL)
    return;
  if (error == NULL)
    error = hd_sf_response_to_error (response);
  g_task_return_new_error (stolen, HD_ERROR, HD_ERROR_IO, _("The request could not be sent to Salesforce: %s"),
                           error->message);
}

static void
insert (HdSfFeed   *self,
        const char *kind,
        const char *handoff_id,
        const char *request_id,
        JsonObject *body,
        GTask      *task)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body_text = NULL;

  json_object_set_string_member (fields, "Kind__c", kind);
  if (handoff_id != NULL)
    json_object_set_string_member (fields, "Handoff_Id__c", handoff_id);
  json_object_set_string_member (fields, "Request_Id__c", request_id);
  if (body != NULL)
    {
      g_autoptr(JsonNode) body_node = json_node_init_object (json_node_alloc (), body);

      body_text = json_to_string (body_node, FALSE);
      json_object_set_string_member (fields, "Body__c", body_text);
    }
  root = json_node_init_object (json_node_alloc (), fields);
  hd_sf_client_request_async (self->client, "POST", "sobjects/HandoffDesk_Request__e/", root, NULL, NULL,
                              insert_cb, task);
}

void
hd_sf_feed_request_async (HdSfFeed            *self,
                          const char          *kind,
                          const char          *handoff_id,
                          JsonObject          *body,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Pending *pending;

  g_return_if_fail (HD_IS_SF_FEED (self));
  g_return_if_fail (kind != NULL && handoff_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_sf_feed_request_async);
  if (body != NULL && json_object_has_member (body, "text") &&
      strlen (hd_json_get_string (body, "text", "")) > 16384)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_LIMIT, "%s", _("The reply is too long to send"));
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->kind = g_strdup (kind);
  pending->handoff_id = g_strdup (handoff_id);
  pending->request_id = g_strdup_printf ("hd-%u-%08x", ++self->next_request, g_random_int ());
  g_task_set_task_data (task, pending, (GDestroyNotify) pending_free);
  pending->timeout = g_timeout_source_new (self->request_timeout_ms);
  g_source_set_callback (pending->timeout, request_timeout_cb, task, NULL);
  g_source_set_name (pending->timeout, "[hd-sf-feed] request timeout");
  g_source_attach (pending->timeout, g_main_context_get_thread_default ());
  g_hash_table_insert (self->requests, g_strdup (pending->request_id), g_object_ref (task));
  insert (self, kind, handoff_id, pending->request_id, body, g_steal_pointer (&task));
}

gboolean
hd_sf_feed_request_finish (HdSfFeed      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);

  if (response == NULL || response->status != SOUP_STATUS_CREATED)
    g_message ("Salesforce feed: the agent status could not be sent: %s",
               error != NULL ? error->message : soup_status_get_phrase (response->status));
}

static void
send_status (HdSfFeed   *self,
             const char *status)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) body_node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *request_id = NULL;

  request_id = g_strdup_printf ("hd-%u-status", ++self->next_request);
  json_object_set_string_member (body, "status", status);
  body_node = json_node_init_object (json_node_alloc (), body);
  body_text = json_to_string (body_node, FALSE);
  json_object_set_string_member (fields, "Kind__c", "status");
  json_object_set_string_member (fields, "Request_Id__c", request_id);
  json_object_set_string_member (fields, "Body__c", body_text);
  root = json_node_init_object (json_node_alloc (), fields);
  hd_sf_client_request_async (self->client, "POST", "sobjects/HandoffDesk_Request__e/", root, NULL, NULL,
                              status_cb, NULL);
}

void
hd_sf_feed_set_status (HdSfFeed   *self,
                       const char *status)
{
  g_return_if_fail (HD_IS_SF_FEED (self));
  g_return_if_fail (status != NULL);

  g_free (self->status);
  self->status = g_strdup (status);
  /* Not connected: sent once it is (the org may have restarted the
   * agent's presence meanwhile, so every connect sends it again). */
  if (hd_bayeux_client_get_state (self->bayeux) == HD_BAYEUX_STATE_CONNECTED)
    send_status (self, status);
}

static void
bayeux_state_cb (HdBayeuxClient *bayeux,
                 GParamSpec     *pspec,
                 HdSfFeed       *self)
{
  if (self->status != NULL && hd_bayeux_client_get_state (bayeux) == HD_BAYEUX_STATE_CONNECTED)
    send_status (self, self->status);
}

void
_hd_sf_feed_watch_status (HdSfFeed *self)
{
  g_signal_connect_object (self->bayeux, "notify::state", G_CALLBACK (bayeux_state_cb), self, 0);
}

void
hd_sf_feed_set_request_timeout (HdSfFeed *self,
                                guint     ms)
{
  g_return_if_fail (HD_IS_SF_FEED (self));
  self->request_timeout_ms = MAX (ms, 1);
}
