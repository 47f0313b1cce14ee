/* hd-feed-client-requests.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-feed-client-private.h"

/* Requests -------------------------------------------------------------- */

void
_hd_feed_client_request_free (gpointer data)
{
  Request *request = data;

  _hd_feed_client_destroy_source (&request->timeout);
  g_clear_object (&request->task);
  g_free (request->request_id);
  g_free (request->handoff_id);
  g_free (request);
}

void
_hd_feed_client_complete_request_pointer (HdFeedClient   *self,
                                          Request        *request,
                                          gpointer        result,
                                          GDestroyNotify  destroy)
{
  g_autoptr(GTask) task = g_steal_pointer (&request->task);

  g_hash_table_remove (self->requests, request->request_id);
  g_task_return_pointer (task, result, destroy);
}

void
_hd_feed_client_complete_request (HdFeedClient *self,
                                  Request      *request,
                                  GError       *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&request->task);

  g_hash_table_remove (self->requests, request->request_id);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The router confirmed @type on @handoff_id: completes the matching request
 * (by request id, else the oldest of that kind for that handoff). */
void
_hd_feed_client_confirm_request (HdFeedClient      *self,
                                 HdFeedMessageType  type,
                                 const char        *request_id,
                                 const char        *handoff_id,
                                 GError            *error)
{
  Request *request = request_id != NULL ? g_hash_table_lookup (self->requests, request_id) : NULL;

  if (request == NULL && handoff_id != NULL)
    {
      GHashTableIter iter;
      Request *candidate;

      g_hash_table_iter_init (&iter, self->requests);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &candidate))
        if ((type == HD_FEED_MSG_UNKNOWN || candidate->type == type) &&
            g_strcmp0 (candidate->handoff_id, handoff_id) == 0)
          {
            request = candidate;
            break;
          }
    }

  if (request != NULL)
    _hd_feed_client_complete_request (self, request, error);
  else if (error != NULL)
    g_error_free (error);
}

void
_hd_feed_client_fail_all_requests (HdFeedClient *self,
                                   const char   *message)
{
  g_autoptr(GList) requests = g_hash_table_get_values (self->requests);

  for (GList *l = requests; l != NULL; l = l->next)
    _hd_feed_client_complete_request (self, l->data, g_error_new_literal (HD_ERROR, HD_ERROR_IO, message));
}

static gboolean
request_timeout_cb (gpointer user_data)
{
  Request *request = user_data;

  g_clear_pointer (&request->timeout, g_source_unref);
  _hd_feed_client_complete_request (request->client, request,
                    g_error_new_literal (HD_ERROR, HD_ERROR_IO,
                                         _("The routing layer did not answer in time")));
  return G_SOURCE_REMOVE;
}

/* What a request carries besides its type and handoff. */
typedef struct
{
  const char       *text_or_reason;  /* agent message text, decline reason, disposition */
  const char       *notes;
  HdFeedResolution  resolution;
  HdQualityReport   report;
  const char       *to_queue;
  gboolean          automatic;
} RequestArgs;

static void
send_request (HdFeedClient       *self,
              HdFeedMessageType   type,
              const char         *handoff_id,
              const RequestArgs  *args,
              GCancellable       *cancellable,
              GAsyncReadyCallback callback,
              gpointer            user_data,
              gpointer            source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *frame = NULL;
  Request *request;

  g_task_set_source_tag (task, source_tag);

  if (!self->welcomed)
    {
      g_task_return_new_error (task, HD_ERROR, HD_ERROR_IO,
                               _("Not connected to the routing layer"));
      return;
    }

  request = g_new0 (Request, 1);
  request->client = self;
  request->task = g_steal_pointer (&task);
  request->request_id = g_strdup_printf ("r%" G_GUINT64_FORMAT, ++self->next_request);
  request->handoff_id = g_strdup (handoff_id);
  request->type = type;
  request->timeout = _hd_feed_client_add_timeout (self, self->request_timeout_ms, request_timeout_cb, request,
                                  "[hd-feed-client] request timeout");
  g_hash_table_insert (self->requests, request->request_id, request);

  switch (type)
    {
    case HD_FEED_MSG_ACCEPT:
      frame = hd_feed_build_accept (request->request_id, handoff_id);
      break;
    case HD_FEED_MSG_DECLINE:
      frame = hd_feed_build_decline (request->request_id, handoff_id, args->text_or_reason);
      break;
    case HD_FEED_MSG_AGENT_MESSAGE:
      frame = hd_feed_build_agent_message (request->request_id, handoff_id, args->text_or_reason);
      break;
    case HD_FEED_MSG_WRAP_UP:
      frame = hd_feed_build_wrap_up_full (request->request_id, handoff_id, args->text_or_reason,
                                          args->notes, args->resolution);
      break;
    case HD_FEED_MSG_AGENT_SIGNAL:
      frame = hd_feed_build_quality_report (request->request_id, handoff_id, args->report,
                                          args->to_queue, args->text_or_reason, args->automatic);
      break;
    case HD_FEED_MSG_SUPERVISOR_FETCH:
      frame = hd_feed_build_supervisor_fetch (request->request_id, handoff_id);
      break;
    case HD_FEED_MSG_UNKNOWN:
    case HD_FEED_MSG_HELLO:
    case HD_FEED_MSG_ACK:
    case HD_FEED_MSG_STATUS:
    case HD_FEED_MSG_SUPERVISOR_SUBSCRIBE:
    case HD_FEED_MSG_WELCOME:
    case HD_FEED_MSG_HEARTBEAT:
    case HD_FEED_MSG_OFFER:
    case HD_FEED_MSG_UPDATE:
    case HD_FEED_MSG_REVOKE:
    case HD_FEED_MSG_ASSIGNED:
    case HD_FEED_MSG_DECLINED:
    case HD_FEED_MSG_WRAPPED_UP:
    case HD_FEED_MSG_QUEUE_SNAPSHOT:
    case HD_FEED_MSG_QUEUE_EVENT:
    case HD_FEED_MSG_ERROR:
    case HD_FEED_MSG_SIGNAL_RECORDED:
    case HD_FEED_MSG_HANDOFF_DETAIL:
    default:
      g_assert_not_reached ();
    }

  _hd_feed_client_send_text (self, frame);
}

static gboolean
finish_request (HdFeedClient  *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hd_feed_client_accept_async (HdFeedClient        *self,
                             const char          *handoff_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  RequestArgs args = { 0 };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);

  send_request (self, HD_FEED_MSG_ACCEPT, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_accept_async);
}

gboolean
hd_feed_client_accept_finish (HdFeedClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_request (self, result, hd_feed_client_accept_async, error);
}

void
hd_feed_client_decline_async (HdFeedClient        *self,
                              const char          *handoff_id,
                              const char          *reason,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RequestArgs args = { .text_or_reason = reason };
  HdHandoff *handoff;

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);

  /* Kept on the offer so that, once declined, it says why. */
  handoff = hd_queue_lookup (self->queue, handoff_id);
  if (handoff != NULL)
    hd_handoff_set_decline_reason (handoff, reason);
  send_request (self, HD_FEED_MSG_DECLINE, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_decline_async);
}

gboolean
hd_feed_client_decline_finish (HdFeedClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_request (self, result, hd_feed_client_decline_async, error);
}

void
hd_feed_client_send_agent_message_async (HdFeedClient        *self,
                                         const char          *handoff_id,
                                         const char          *text,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  RequestArgs args = { .text_or_reason = text };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (text != NULL);

  send_request (self, HD_FEED_MSG_AGENT_MESSAGE, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_send_agent_message_async);
}

gboolean
hd_feed_client_send_agent_message_finish (HdFeedClient  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_request (self, result, hd_feed_client_send_agent_message_async, error);
}

void
hd_feed_client_wrap_up_async (HdFeedClient        *self,
                              const char          *handoff_id,
                              const char          *disposition,
                              const char          *notes,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  hd_feed_client_wrap_up_full_async (self, handoff_id, disposition, notes,
                                     HD_FEED_RESOLUTION_UNKNOWN, cancellable, callback, user_data);
}

void
hd_feed_client_wrap_up_full_async (HdFeedClient        *self,
                                   const char          *handoff_id,
                                   const char          *disposition,
                                   const char          *notes,
                                   HdFeedResolution     resolution,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  RequestArgs args = { .text_or_reason = disposition, .notes = notes, .resolution = resolution };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);

  /* Both variants finish with hd_feed_client_wrap_up_finish (). */
  send_request (self, HD_FEED_MSG_WRAP_UP, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_wrap_up_async);
}

gboolean
hd_feed_client_wrap_up_finish (HdFeedClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_request (self, result, hd_feed_client_wrap_up_async, error);
}

void
hd_feed_client_send_quality_report_async (HdFeedClient        *self,
                                          const char          *handoff_id,
                                          HdQualityReport      report,
                                          const char          *to_queue,
                                          const char          *detail,
                                          gboolean             automatic,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  RequestArgs args = { .text_or_reason = detail, .report = report, .to_queue = to_queue,
                       .automatic = automatic };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (hd_quality_report_to_string (report) != NULL);
  g_return_if_fail (report != HD_QUALITY_REPORT_TRANSFERRED || (to_queue != NULL && *to_queue != '\0'));

  send_request (self, HD_FEED_MSG_AGENT_SIGNAL, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_send_quality_report_async);
}

gboolean
hd_feed_client_send_quality_report_finish (HdFeedClient  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_request (self, result, hd_feed_client_send_quality_report_async, error);
}

void
hd_feed_client_fetch_handoff_async (HdFeedClient        *self,
                                    const char          *handoff_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  RequestArgs args = { 0 };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));
  g_return_if_fail (handoff_id != NULL);

  send_request (self, HD_FEED_MSG_SUPERVISOR_FETCH, handoff_id, &args, cancellable, callback,
                user_data, hd_feed_client_fetch_handoff_async);
}

HdHandoff *
hd_feed_client_fetch_handoff_finish (HdFeedClient  *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (HD_IS_FEED_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hd_feed_client_fetch_handoff_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hd_feed_client_set_status (HdFeedClient      *self,
                           HdFeedAgentStatus  status)
{
  g_autofree char *text = NULL;

  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  self->status_set = TRUE;
  self->status = status;
  if (self->welcomed)
    {
      text = hd_feed_build_status (status);
      _hd_feed_client_send_text (self, text);
    }
}

void
hd_feed_client_subscribe_queues (HdFeedClient       *self,
                                 const char * const *queue_ids)
{
  g_autofree char *text = NULL;
  static const char * const all[] = { NULL };

  g_return_if_fail (HD_IS_FEED_CLIENT (self));

  g_strfreev (self->queue_ids);
  self->queue_ids = g_strdupv ((char **) (queue_ids != NULL ? queue_ids : all));
  if (self->welcomed)
    {
      text = hd_feed_build_supervisor_subscribe ((const char * const *) self->queue_ids);
      _hd_feed_client_send_text (self, text);
    }
}
