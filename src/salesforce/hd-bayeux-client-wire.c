/* hd-bayeux-client-wire.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-bayeux-client"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-bayeux-client-private.h"
#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-json-get.h"

/* One Bayeux request: a POST of one message, its answer read with a size
 * cap and a deadline, and parsed with the bounded parser.  Only one request
 * is in flight at a time (handshake, subscribe and connect follow each
 * other), so the client keeps the current one and cuts it loose on stop:
 * the request then never touches the client again. */

#define READ_CHUNK 65536

guint
hd_bayeux_error_code (const char *error)
{
  guint64 code;
  char *end = NULL;

  if (error == NULL)
    return 0;
  code = g_ascii_strtoull (error, &end, 10);
  if (end == error || code > 999)
    return 0;
  return (guint) code;
}

gboolean
hd_bayeux_error_is_invalid_replay (const char *error)
{
  return hd_bayeux_error_code (error) == 400 && error != NULL &&
         strstr (error, "replayId") != NULL && strstr (error, "invalid") != NULL;
}


typedef struct
{
  HdBayeuxClient    *self;       /* NULL once the client let go of it */
  HdBayeuxReplyFunc  func;
  SoupMessage       *msg;
  GInputStream      *stream;
  GCancellable      *cancellable;
  GSource           *timeout_source;
  GByteArray        *body;
  char              *token;
  guint              timeout_ms;
  gboolean           timed_out;
  gint64             acks;       /* a connect: the replayId it acknowledges */
} Request;

static void
request_free (Request *request)
{
  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_clear_pointer (&request->timeout_source, g_source_unref);
    }
  if (request->msg != NULL)
    g_signal_handlers_disconnect_by_data (request->msg, request);
  g_clear_object (&request->msg);
  g_clear_object (&request->stream);
  g_clear_object (&request->cancellable);
  g_clear_pointer (&request->body, g_byte_array_unref);
  if (request->token != NULL)
    memset (request->token, 0, strlen (request->token));
  g_free (request->token);
  g_free (request);
}

static void
request_finish (Request      *request,
                const GError *error)
{
  HdBayeuxClient *self = request->self;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *messages = NULL;
  guint status = request->msg != NULL ? soup_message_get_status (request->msg) : 0;

  if (self == NULL)
    {
      request_free (request);
      return;
    }
  /* Let go before calling back: the callback starts the next request. */
  _hd_bayeux_client_abandon (self);

  if (error == NULL && status != SOUP_STATUS_OK)
    local_error = g_error_new (HD_ERROR, status == SOUP_STATUS_UNAUTHORIZED ? HD_ERROR_AUTH : HD_ERROR_HTTP,
                               /* Translators: %u is an HTTP status code, %s its phrase. */
                               _("Salesforce’s streaming endpoint answered HTTP %u (%s)"),
                               status, soup_status_get_phrase (status));
  else if (error == NULL)
    {
      root = hd_bounded_json_parse ((const char *) request->body->data, request->body->len,
                                    HD_BOUNDED_JSON_MAX_DEPTH, NULL, &local_error);
      if (root != NULL && !JSON_NODE_HOLDS_ARRAY (root))
        g_set_error_literal (&local_error, HD_ERROR, HD_ERROR_PROTOCOL,
                             _("Salesforce’s streaming endpoint answered with something other than Bayeux messages"));
      else if (root != NULL)
        {
          messages = json_node_get_array (root);
          for (guint i = 0; i < json_array_get_length (messages); i++)
            if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (messages, i)))
              {
                g_set_error_literal (&local_error, HD_ERROR, HD_ERROR_PROTOCOL,
                                     _("Salesforce’s streaming endpoint answered with something other than Bayeux messages"));
                messages = NULL;
                break;
              }
        }
      else
        g_prefix_error (&local_error, "%s", _("Salesforce’s streaming answer is not valid JSON: "));
    }

  request->func (self, local_error == NULL ? messages : NULL, error != NULL ? error : local_error,
                 status, request->token);
  request_free (request);
}

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_next (Request *request)
{
  g_input_stream_read_bytes_async (request->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   request->cancellable, read_cb, request);
}

static void
fail_cancelled (Request      *request,
                const GError *error)
{
  g_autoptr(GError) timeout_error = NULL;

  if (request->timed_out)
    {
      timeout_error = g_error_new (HD_ERROR, HD_ERROR_IO,
                                   /* Translators: %u is a number of seconds. */
                                   _("Salesforce’s streaming endpoint did not answer within %u seconds"),
                                   (request->timeout_ms + 999) / 1000);
      request_finish (request, timeout_error);
    }
  else if (request->self == NULL)
    request_free (request);
  else
    {
      g_autoptr(GError) io_error = g_error_new (HD_ERROR, HD_ERROR_IO,
                                                _("The connection to Salesforce’s streaming endpoint failed: %s"),
                                                error->message);

      request_finish (request, io_error);
    }
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  HdBayeuxClient *self = request->self;

  if (chunk == NULL)
    {
      fail_cancelled (request, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      request_finish (request, NULL);
      return;
    }
  if (self != NULL && request->body->len + g_bytes_get_size (chunk) > self->max_response)
    {
      g_autoptr(GError) limit_error = g_error_new (HD_ERROR, HD_ERROR_LIMIT,
                                                   /* Translators: %zu is a number of bytes. */
                                                   _("Salesforce’s streaming answer is larger than the limit of %zu bytes"),
                                                   self->max_response);

      request_finish (request, limit_error);
      return;
    }
  g_byte_array_append (request->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next (request);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (request->stream == NULL)
    {
      fail_cancelled (request, error);
      return;
    }
  read_next (request);
}

static gboolean
request_timeout_cb (gpointer user_data)
{
  Request *request = user_data;

  request->timed_out = TRUE;
  g_clear_pointer (&request->timeout_source, g_source_unref);
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

/* The connect that follows delivered events is on its way to the server:
 * CometD's implicit acknowledgement of them (hd-sf-stage-private.h). */
static void
wrote_connect_cb (SoupMessage *msg,
                  Request     *request)
{
  HdBayeuxClient *self = request->self;

  if (self != NULL && self->stage_func != NULL)
    self->stage_func (HD_SF_STAGE_ACKED, request->acks, self->stage_data);
}

static char *
endpoint_uri (HdBayeuxClient *self)
{
  const char *instance = hd_sf_auth_get_instance_url (self->auth);

  if (instance == NULL)
    return NULL;
  return g_strdup_printf ("%s%scometd/%s", instance, g_str_has_suffix (instance, "/") ? "" : "/", self->version);
}

void
_hd_bayeux_client_post (HdBayeuxClient    *self,
                        JsonObject        *message,
                        guint              timeout_ms,
                        HdBayeuxReplyFunc  func)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  g_autofree char *uri = endpoint_uri (self);
  g_autofree char *text = NULL;
  g_autofree char *authorization = NULL;
  const char *token = hd_sf_auth_peek_access_token (self->auth);
  g_autoptr(GBytes) body = NULL;
  gsize length;
  Request *request;
  GSource *source;

  g_return_if_fail (self->current == NULL);

  request = g_new0 (Request, 1);
  request->self = self;
  request->func = func;
  request->body = g_byte_array_new ();
  request->token = g_strdup (token);
  request->timeout_ms = timeout_ms;
  request->cancellable = g_cancellable_new ();
  self->current = request;

  if (uri == NULL || token == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (HD_ERROR, HD_ERROR_AUTH,
                                                     _("Sign in to Salesforce to receive handoffs from it"));

      request_finish (request, error);
      return;
    }

  g_debug ("POST %s", hd_json_get_string (message, "channel", "?"));
  json_array_add_object_element (array, json_object_ref (message));
  json_node_init_array (root, array);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  request->msg = soup_message_new (SOUP_METHOD_POST, uri);
  if (request->msg == NULL)
    {
      g_autoptr(GError) error = g_error_new (HD_ERROR, HD_ERROR_PROTOCOL,
                                             _("“%s” is not a valid streaming address"), uri);

      request_finish (request, error);
      return;
    }
  authorization = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (request->msg), "Authorization", authorization);
  memset (authorization, 0, strlen (authorization));
  body = g_bytes_new_take (g_steal_pointer (&text), length);
  soup_message_set_request_body_from_bytes (request->msg, "application/json", body);
  if (self->delivered &&
      g_strcmp0 (hd_json_get_string (message, "channel", NULL), "/meta/connect") == 0)
    {
      self->delivered = FALSE;
      request->acks = self->last_delivered;
      if (self->stage_func != NULL)
        g_signal_connect (request->msg, "wrote-body", G_CALLBACK (wrote_connect_cb), request);
    }

  source = g_timeout_source_new (timeout_ms);
  g_source_set_callback (source, request_timeout_cb, request, NULL);
  g_source_set_name (source, "[hd-bayeux-client] request timeout");
  g_source_attach (source, g_main_context_get_thread_default ());
  request->timeout_source = source;

  soup_session_send_async (self->session, request->msg, G_PRIORITY_DEFAULT, request->cancellable, send_cb, request);
}

void
_hd_bayeux_client_set_stage_func (HdBayeuxClient *self,
                                  HdSfStageFunc   func,
                                  gpointer        user_data)
{
  g_return_if_fail (HD_IS_BAYEUX_CLIENT (self));

  self->stage_func = func;
  self->stage_data = user_data;
}

/* Lets go of the request in flight (stop, dispose): it ends on its own and
 * calls nothing. */
void
_hd_bayeux_client_abandon (HdBayeuxClient *self)
{
  Request *request = self->current;

  if (request == NULL)
    return;
  self->current = NULL;
  request->self = NULL;
  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_clear_pointer (&request->timeout_source, g_source_unref);
    }
  g_cancellable_cancel (request->cancellable);
}

JsonObject *
_hd_bayeux_find_reply (JsonArray  *messages,
                       const char *channel)
{
  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      if (g_strcmp0 (hd_json_get_string (message, "channel", NULL), channel) == 0)
        return message;
    }
  return NULL;
}

static void
disconnect_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
}

/* Says goodbye so that Salesforce frees the client at once rather than
 * after 40 s; nobody waits for the answer. */
void
_hd_bayeux_client_send_disconnect (HdBayeuxClient *self)
{
  const char *instance = hd_sf_auth_get_instance_url (self->auth);
  const char *token = hd_sf_auth_peek_access_token (self->auth);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonObject) message = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%u", ++self->next_id);
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  g_autoptr(GBytes) body = NULL;

  if (self->client_id == NULL || instance == NULL || token == NULL)
    return;
  uri = g_strdup_printf ("%s%scometd/%s", instance, g_str_has_suffix (instance, "/") ? "" : "/", self->version);
  if ((msg = soup_message_new (SOUP_METHOD_POST, uri)) == NULL)
    return;
  json_object_set_string_member (message, "channel", "/meta/disconnect");
  json_object_set_string_member (message, "id", id);
  json_object_set_string_member (message, "clientId", self->client_id);
  json_array_add_object_element (array, g_steal_pointer (&message));
  json_node_init_array (root, array);
  text = json_to_string (root, FALSE);
  body = g_bytes_new (text, strlen (text));
  authorization = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, NULL, disconnect_done_cb, NULL);
}
