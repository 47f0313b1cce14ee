/* hd-session-requests.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-session-private.h"

/* What the agent asks of the routing layer: each request is a feed call wrapped in a task
 * of the session, and a quality report or transfer is journaled as it is sent. */

typedef gboolean (*FeedFinish) (HdFeedClient *, GAsyncResult *, GError **);

typedef struct
{
  FeedFinish  finish;
  char       *pending_id;  /* owned, an accept's or decline's handoff: pending until answered */
} Request;

static void
request_free (Request *request)
{
  g_free (request->pending_id);
  g_free (request);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean ok = HD_IS_SF_FEED (object) ? hd_sf_feed_request_finish (HD_SF_FEED (object), result, &error)
                                       : request->finish (HD_FEED_CLIENT (object), result, &error);

  /* Answered, either way: the agent may ask again (a refused accept leaves the offer as
   * it was).  Cleared before the caller hears the answer, so it reads the new state. */
  if (request->pending_id != NULL)
    _hd_session_set_request_pending (g_task_get_source_object (task), request->pending_id, FALSE);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The task holds the session while the feed works on the request. */
static GTask *
request_new (HdSession           *self,
             gpointer             source_tag,
             FeedFinish           finish,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->finish = finish;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  return task;
}

gboolean
hd_session_request_finish (HdSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
hd_session_is_request_pending (HdSession  *self,
                               const char *handoff_id)
{
  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL, FALSE);

  return g_hash_table_contains (self->pending, handoff_id);
}

/* An offer is answered once: while the first accept or decline is with the routing
 * layer, a second (a double click, Ctrl+Return pressed twice) is not sent.  Returns FALSE,
 * with @task finished, when one is pending already. */
static gboolean
begin_answer (HdSession  *self,
              GTask      *task,
              const char *handoff_id)
{
  Request *request = g_task_get_task_data (task);

  if (hd_session_is_request_pending (self, handoff_id))
    {
      g_debug ("Not answering %s again: the routing layer has not answered yet", handoff_id);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The offer was already answered; waiting for the routing layer"));
      g_object_unref (task);
      return FALSE;
    }

  request->pending_id = g_strdup (handoff_id);
  _hd_session_set_request_pending (self, handoff_id, TRUE);
  return TRUE;
}

void
hd_session_accept_async (HdSession           *self,
                         const char          *handoff_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL);

  task = request_new (self, hd_session_accept_async, hd_feed_client_accept_finish,
                      cancellable, callback, user_data);
  if (!begin_answer (self, task, handoff_id))
    return;
  if (self->sf_feed != NULL)
    hd_sf_feed_request_async (self->sf_feed, "accept", handoff_id, NULL, cancellable, request_cb, task);
  else
    hd_feed_client_accept_async (self->feed, handoff_id, cancellable, request_cb, task);
}

void
hd_session_decline_async (HdSession           *self,
                          const char          *handoff_id,
                          const char          *reason,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL);

  task = request_new (self, hd_session_decline_async, hd_feed_client_decline_finish,
                      cancellable, callback, user_data);
  if (!begin_answer (self, task, handoff_id))
    return;
  if (self->sf_feed != NULL)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      if (reason != NULL)
        json_object_set_string_member (body, "reason", reason);
      hd_sf_feed_request_async (self->sf_feed, "decline", handoff_id, body, cancellable, request_cb, task);
    }
  else
    hd_feed_client_decline_async (self->feed, handoff_id, reason, cancellable, request_cb, task);
}

gboolean
hd_session_get_can_send (HdSession *self)
{
  g_return_val_if_fail (HD_IS_SESSION (self), FALSE);

  if (self->sf_feed != NULL)
    return hd_bayeux_client_get_state (hd_sf_feed_get_bayeux (self->sf_feed)) == HD_BAYEUX_STATE_CONNECTED;
  return hd_feed_client_get_state (self->feed) == HD_FEED_CLIENT_STATE_CONNECTED;
}

void
hd_session_reply_async (HdSession           *self,
                        const char          *handoff_id,
                        const char          *text,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL && text != NULL);

  task = request_new (self, hd_session_reply_async, hd_feed_client_send_agent_message_finish,
                      cancellable, callback, user_data);
  /* A message queued while offline would reach the customer late and out of turn. */
  if (!hd_session_get_can_send (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("The routing layer is not connected"));
      return;
    }
  if (self->sf_feed != NULL)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_string_member (body, "text", text);
      hd_sf_feed_request_async (self->sf_feed, "reply", handoff_id, body, cancellable, request_cb,
                                g_steal_pointer (&task));
      return;
    }
  hd_feed_client_send_agent_message_async (self->feed, handoff_id, text, cancellable, request_cb,
                                           g_steal_pointer (&task));
}

/**
 * hd_session_set_status:
 * @status: "available", "busy", "away" or "offline"
 *
 * The agent's status, to whichever transport the session uses: a
 * `status` message of the WebSocket feed, or a `status` request to
 * Salesforce.  Both send it again whenever they connect.
 */
void
hd_session_set_status (HdSession  *self,
                       const char *status)
{
  HdFeedAgentStatus value;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (status != NULL);

  if (!hd_feed_agent_status_from_string (status, &value))
    {
      g_warning ("Unknown agent status “%s”", status);
      return;
    }
  if (self->sf_feed != NULL)
    hd_sf_feed_set_status (self->sf_feed, status);
  else
    hd_feed_client_set_status (self->feed, value);
}

/* Journaled as it is sent, counted by the routing layer for the KPIs. */
static void
send_quality_report (HdSession           *self,
                     GTask               *task,
                     const char          *handoff_id,
                     HdQualityReport      report,
                     const char          *to_queue,
                     const char          *detail,
                     gboolean             automatic,
                     GCancellable        *cancellable)
{
  g_autoptr(JsonObject) payload = json_object_new ();

  if (report == HD_QUALITY_REPORT_TRANSFERRED)
    {
      json_object_set_string_member (payload, "to_queue", to_queue);
      hd_session_journal_agent_event (self, handoff_id, HD_EVENT_TRANSFER, payload);
    }
  else
    {
      json_object_set_string_member (payload, "name",
                                     report == HD_QUALITY_REPORT_REVERIFIED ? HD_SIGNAL_VERIFICATION_REPEATED
                                                                            : HD_SIGNAL_CUSTOMER_REPEATED);
      json_object_set_string_member (payload, "source", automatic ? "auto" : "agent");
      if (detail != NULL)
        json_object_set_string_member (payload, "detail", detail);
      hd_session_journal_agent_event (self, handoff_id, HD_EVENT_SIGNAL, payload);
    }

  if (self->sf_feed != NULL)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_string_member (body, "signal", hd_quality_report_to_string (report));
      if (to_queue != NULL)
        json_object_set_string_member (body, "to_queue", to_queue);
      if (detail != NULL)
        json_object_set_string_member (body, "detail", detail);
      json_object_set_string_member (body, "source", automatic ? "auto" : "agent");
      hd_sf_feed_request_async (self->sf_feed, "quality_report", handoff_id, body, cancellable, request_cb, task);
      return;
    }
  hd_feed_client_send_quality_report_async (self->feed, handoff_id, report, to_queue, detail,
                                            automatic, cancellable, request_cb, task);
}

void
hd_session_report_quality_async (HdSession           *self,
                                 const char          *handoff_id,
                                 HdQualityReport      report,
                                 const char          *detail,
                                 gboolean             automatic,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (report == HD_QUALITY_REPORT_ASKED_TO_REPEAT || report == HD_QUALITY_REPORT_REVERIFIED);

  task = request_new (self, hd_session_report_quality_async, hd_feed_client_send_quality_report_finish,
                      cancellable, callback, user_data);
  send_quality_report (self, task, handoff_id, report, NULL, detail, automatic, cancellable);
}

void
hd_session_transfer_async (HdSession           *self,
                           const char          *handoff_id,
                           const char          *to_queue,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (to_queue != NULL && *to_queue != '\0');

  task = request_new (self, hd_session_transfer_async, hd_feed_client_send_quality_report_finish,
                      cancellable, callback, user_data);
  send_quality_report (self, task, handoff_id, HD_QUALITY_REPORT_TRANSFERRED, to_queue, NULL, FALSE,
                       cancellable);
}

void
hd_session_wrap_up_async (HdSession           *self,
                          const char          *handoff_id,
                          gboolean             resolved,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HD_IS_SESSION (self));
  g_return_if_fail (handoff_id != NULL);

  /* Journaled with the wrap-up once the routing layer confirms it (on_handoff_state_cb). */
  g_hash_table_insert (self->resolved, g_strdup (handoff_id), GUINT_TO_POINTER (resolved ? 2u : 1u));
  task = request_new (self, hd_session_wrap_up_async, hd_feed_client_wrap_up_finish,
                      cancellable, callback, user_data);
  if (self->sf_feed != NULL)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_boolean_member (body, "resolved", resolved);
      hd_sf_feed_request_async (self->sf_feed, "wrap_up", handoff_id, body, cancellable, request_cb, task);
      return;
    }
  hd_feed_client_wrap_up_full_async (self->feed, handoff_id, NULL, NULL,
                                     resolved ? HD_FEED_RESOLUTION_RESOLVED : HD_FEED_RESOLUTION_UNRESOLVED,
                                     cancellable, request_cb, task);
}
