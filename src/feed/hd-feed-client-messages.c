/* hd-feed-client-messages.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-feed-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-background.h"
#include "hd-error.h"
#include "hd-feed-client-private.h"
#include "hd-json-get.h"
#include "hd-time.h"

/* A frame or packet the client refuses: counted, logged, and shown. */
void
_hd_feed_client_reject (HdFeedClient *self,
                        const char   *notice)
{
  self->frames_rejected++;
  g_message ("Rejected a frame from %s: %s", self->url, notice);
  _hd_feed_client_notify (self, PROP_FRAMES_REJECTED);
  _hd_feed_client_emit (self, NOTICE, notice);
}

/* Incoming messages ----------------------------------------------------- */

/* Queues the offer; returns its handoff (to be presented), or NULL when
 * the offer was rejected or is already in the queue.  @later: it is
 * presented later, so it is "presenting" from before the queue's signal. */
static HdHandoff *
apply_offer (HdFeedClient  *self,
             HdFeedMessage *message,
             HdPacket      *packet,
             const GError  *error,
             gboolean       later)
{
  g_autoptr(HdHandoff) handoff = NULL;
  g_autoptr(GDateTime) expires_at = NULL;
  const char *expires = hd_json_get_string (message->body, "expires_at", NULL);

  if (packet == NULL && error == NULL)
    {
      _hd_feed_client_reject (self, _("An offer came without a packet"));
      return NULL;
    }

  if (packet == NULL)
    {
      g_autofree char *notice = g_strdup_printf (_("Offer %s was rejected: %s"),
                                                 message->handoff_id != NULL ? message->handoff_id : "?",
                                                 error->message);
      _hd_feed_client_reject (self, notice);
      return NULL;
    }

  if (message->handoff_id != NULL &&
      g_strcmp0 (message->handoff_id, hd_packet_get_handoff_id (packet)) != 0)
    {
      g_autofree char *notice = g_strdup_printf (_("Offer %s was rejected: its packet is for handoff %s"),
                                                 message->handoff_id,
                                                 hd_packet_get_handoff_id (packet));
      _hd_feed_client_reject (self, notice);
      return NULL;
    }

  if (expires != NULL && (expires_at = hd_time_parse_iso8601 (expires, NULL)) == NULL)
    {
      g_autofree char *notice = g_strdup_printf (_("Offer %s was rejected: /expires_at: not a date and time"),
                                                 hd_packet_get_handoff_id (packet));
      _hd_feed_client_reject (self, notice);
      return NULL;
    }

  handoff = hd_handoff_new (packet, expires_at);
  if (later)
    self->presenting = handoff;
  if (!hd_queue_add (self->queue, handoff))
    {
      self->presenting = NULL;
      self->duplicates_dropped++;
      _hd_feed_client_notify (self, PROP_DUPLICATES_DROPPED);
      return NULL;
    }
  return g_steal_pointer (&handoff);
}

/* "offer-presented", with what the preparer made of the offer. */
static void
present_offer (HdFeedClient  *self,
               HdHandoff     *handoff,
               HdFeedMessage *message,
               gpointer       prepared)
{
  self->prepared = prepared;
  _hd_feed_client_emit_for_handoff (self, OFFER_PRESENTED, handoff,
                                    hd_feed_message_get_packet (message));
  self->prepared = NULL;
}

static void
apply_update (HdFeedClient  *self,
              HdFeedMessage *message)
{
  HdHandoff *handoff = message->handoff_id != NULL
                       ? hd_queue_lookup (self->queue, message->handoff_id) : NULL;
  JsonArray *turns = NULL;
  JsonObject *changes = NULL;
  JsonNode *node;

  if (handoff == NULL)
    {
      g_debug ("Update for %s, which is not in the queue", message->handoff_id);
      return;
    }

  if ((node = json_object_get_member (message->body, "turns")) != NULL && JSON_NODE_HOLDS_ARRAY (node))
    turns = json_node_get_array (node);
  if ((node = json_object_get_member (message->body, "changes")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    changes = json_node_get_object (node);

  for (guint i = 0; turns != NULL && i < json_array_get_length (turns); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/turns/%u", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(HdTurn) turn = hd_turn_parse_node (json_array_get_element (turns, i), pointer, &error);

      if (turn != NULL)
        {
          JsonNode *turn_node = json_array_get_element (turns, i);

          hd_handoff_append_turn (handoff, turn);
          _hd_feed_client_emit_for_handoff (self, TURN_APPENDED, handoff,
                                            json_node_get_object (turn_node));
        }
      else
        {
          g_autofree char *notice = g_strdup_printf (_("A message for handoff %s was rejected: %s"),
                                                     message->handoff_id, error->message);
          _hd_feed_client_reject (self, notice);
        }
    }

  if (changes != NULL)
    {
      const char *priority = hd_json_get_string (changes, "priority", NULL);
      HdPriority value;

      if (priority != NULL && hd_priority_from_string (priority, &value))
        hd_handoff_set_priority (handoff, value);
      if (json_object_has_member (changes, "vulnerable"))
        hd_handoff_set_vulnerable (handoff, hd_json_get_boolean (changes, "vulnerable", FALSE));
    }

  if (message->request_id != NULL)
    _hd_feed_client_confirm_request (self, HD_FEED_MSG_AGENT_MESSAGE, message->request_id, NULL, NULL);
}

static void
apply_state (HdFeedClient      *self,
             HdFeedMessage     *message,
             HdHandoffState     state,
             HdFeedMessageType  request_type)
{
  HdHandoff *handoff = message->handoff_id != NULL
                       ? hd_queue_lookup (self->queue, message->handoff_id) : NULL;
  HdRevokeReason reason = HD_REVOKE_REASON_NONE;

  if (state == HD_HANDOFF_STATE_REVOKED &&
      !hd_revoke_reason_from_string (hd_json_get_string (message->body, "reason", NULL),
                                     &reason))
    reason = HD_REVOKE_REASON_REASSIGNED;

  if (handoff != NULL && !hd_handoff_transition (handoff, state, reason))
    g_debug ("Ignoring %s for %s in state %s", message->type_name, message->handoff_id,
             hd_handoff_state_to_string (hd_handoff_get_state (handoff)));

  if (state == HD_HANDOFF_STATE_REVOKED)
    _hd_feed_client_confirm_request (self, HD_FEED_MSG_UNKNOWN, NULL, message->handoff_id,
                     g_error_new (HD_ERROR, HD_ERROR_CONFLICT, _("The offer was withdrawn: %s"),
                                  hd_revoke_reason_to_label (reason)));
  else
    _hd_feed_client_confirm_request (self, request_type, message->request_id, message->handoff_id, NULL);
}

static void
handle_welcome (HdFeedClient  *self,
                HdFeedMessage *message)
{
  const char *stream_id = hd_json_get_string (message->body, "stream_id", NULL);
  gint64 heartbeat_ms = hd_json_get_int (message->body, "heartbeat_ms",
                                         HD_FEED_CLIENT_DEFAULT_HEARTBEAT_MS);
  gboolean relays = hd_json_get_boolean (message->body, "relays_agent_messages", FALSE);
  gint64 welcome_last_seq = hd_json_get_int (message->body, "last_seq", 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 known;

  /* Another stream (a different router), or one that went backwards (it
   * lost its log): our sequence means nothing there. */
  if (g_strcmp0 (stream_id, self->stream_id) != 0 || welcome_last_seq < self->last_seq)
    {
      if (self->stream_id != NULL)
        g_message ("Feed stream changed from %s to %s; starting from its beginning",
                   self->stream_id, stream_id);
      g_free (self->stream_id);
      self->stream_id = g_strdup (stream_id);
      /* A stream the journal knows (a router back from a failover) goes on
       * after what was journaled of it; a new one from its beginning. */
      known = _hd_feed_client_journaled_seq (self, stream_id);
      self->last_seq = known <= welcome_last_seq ? known : 0;
      self->acked_seq = 0;
      self->persisted_seq = -1;
      _hd_feed_client_notify (self, PROP_LAST_SEQ);
    }

  if (!hd_json_get_boolean (message->body, "resumed", TRUE))
    _hd_feed_client_emit (self, NOTICE, _("Some assignments were missed while disconnected: the routing layer no longer had them"));

  self->heartbeat_ms = (guint) CLAMP (heartbeat_ms, 10, 600000);
  _hd_feed_client_notify (self, PROP_HEARTBEAT_MS);
  _hd_feed_client_start_watchdog (self);  /* at the announced interval */
  if (self->relays_agent_messages != relays)
    {
      self->relays_agent_messages = relays;
      _hd_feed_client_notify (self, PROP_RELAYS_AGENT_MESSAGES);
    }

  self->welcomed = TRUE;
  self->attempt = 0;
  if (self->ever_welcomed)
    {
      self->reconnects++;
      _hd_feed_client_notify (self, PROP_RECONNECTS);
    }
  self->ever_welcomed = TRUE;
  _hd_feed_client_set_last_error (self, NULL);
  _hd_feed_client_set_connected_since (self, now);
  _hd_feed_client_set_state (self, HD_FEED_CLIENT_STATE_CONNECTED);

  if (self->status_set)
    {
      g_autofree char *text = hd_feed_build_status (self->status);
      _hd_feed_client_send_text (self, text);
    }
  if (self->queue_ids != NULL)
    {
      g_autofree char *text = hd_feed_build_supervisor_subscribe ((const char * const *) self->queue_ids);
      _hd_feed_client_send_text (self, text);
    }
}

static void
handle_error (HdFeedClient  *self,
              HdFeedMessage *message)
{
  const char *code = hd_json_get_string (message->body, "code", "error");
  const char *text = hd_json_get_string (message->body, "message", "");
  gboolean conflict = g_str_equal (code, "offer_unavailable") || g_str_equal (code, "not_assigned") ||
                      g_str_equal (code, "not_found");
  Request *request = message->request_id != NULL
                     ? g_hash_table_lookup (self->requests, message->request_id) : NULL;

  g_message ("The routing layer reported %s: %s", code, text);
  if (request != NULL)
    _hd_feed_client_complete_request (self, request,
                      g_error_new (HD_ERROR, conflict ? HD_ERROR_CONFLICT : HD_ERROR_PROTOCOL,
                                   conflict ? _("The routing layer refused: the handoff is no longer yours or no longer open")
                                            : _("The routing layer reported an error: %s"),
                                   text));
}

/* Decoding -------------------------------------------------------------- */

/* One received frame on its way to being applied.  Decoding (JSON, and an
 * offer's packet: the expensive part) is a pure function, so big frames run
 * it in a worker thread; applying always happens on the client's thread, in
 * the order the frames arrived.
 *
 * A big offer takes two steps, so the agent sees it sooner: once its packet
 * is decoded it is queued (and shown); then the preparer runs on it in a
 * worker, and only then is it presented ("offer-presented": the journal),
 * its sequence number taken and acknowledged, and the next frame applied. */
typedef struct
{
  GBytes         *frame;
  gsize           max_frame_size;
  HdPacketLimits  limits;
  guint           generation;
  gboolean        oversized;
  HdFeedMessage  *message;   /* NULL when the frame itself was rejected */
  HdPacket       *packet;    /* an offer's packet, when it parsed */
  GError         *error;     /* why the frame, or the offer's packet, was rejected */
  HdFeedOfferPrepareFunc prepare;  /* copied from the client: read in the worker */
  gpointer       prepare_data;
  GDestroyNotify prepared_free;
  gpointer       prepared;   /* what prepare () made of the offer's packet */
  gboolean       prepare_later;  /* a big offer: prepare () runs once it is queued */
  HdHandoff     *presenting;     /* owned: queued, to be presented after prepare () */
} Decoded;

static void
decoded_free (gpointer data)
{
  Decoded *decoded = data;

  g_clear_pointer (&decoded->frame, g_bytes_unref);
  g_clear_pointer (&decoded->message, hd_feed_message_free);
  g_clear_object (&decoded->packet);
  g_clear_error (&decoded->error);
  g_clear_object (&decoded->presenting);
  if (decoded->prepared != NULL && decoded->prepared_free != NULL)
    decoded->prepared_free (decoded->prepared);
  g_free (decoded);
}

/* The packet is read straight from the frame's bytes into the model
 * (hd_feed_message_parse_frame ()); the tree the preparer reads is built
 * only for it, for a big offer after the offer is shown. */
static void
decode (Decoded *decoded)
{
  if (g_bytes_get_size (decoded->frame) > decoded->max_frame_size)
    {
      decoded->oversized = TRUE;
      return;
    }

  decoded->message = hd_feed_message_parse_frame (decoded->frame, 0, &decoded->error);
  if (decoded->message != NULL &&
      (decoded->message->type == HD_FEED_MSG_OFFER ||
       decoded->message->type == HD_FEED_MSG_HANDOFF_DETAIL))
    decoded->packet = hd_feed_message_parse_packet (decoded->message, &decoded->limits,
                                                    &decoded->error);
  /* Before the offer is applied, so what it makes is there when it is;
   * a big offer's comes after, in prepare_thread (). */
  if (decoded->packet != NULL && decoded->prepare != NULL &&
      decoded->message->type == HD_FEED_MSG_OFFER && !decoded->prepare_later)
    decoded->prepared = decoded->prepare (hd_feed_message_get_packet (decoded->message),
                                          decoded->prepare_data);
}

/* The second step of a big offer, in a worker: nothing else reads or
 * writes the frame's JSON meanwhile (the client's thread is done with it
 * until prepare_cb ()). */
static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Decoded *decoded = task_data;
  JsonObject *packet = hd_feed_message_get_packet (decoded->message);

  decoded->prepared = decoded->prepare (packet, decoded->prepare_data);
  g_task_return_boolean (task, TRUE);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  decode (task_data);
  g_task_return_boolean (task, TRUE);
}

static void apply_decoded (HdFeedClient *self,
                           Decoded      *decoded);
static void finish_sequenced (HdFeedClient  *self,
                              HdFeedMessage *message);
static void process_pending (HdFeedClient *self);

/* Freeing a big offer's JSON tree takes longer than a frame (10,000 turns:
 * about 20 ms), so it is done in the background once the offer is applied.  That
 * is safe only because nothing else holds any of the tree by then: the
 * packet model copies what it keeps, and "offer-presented" lends the
 * packet's object to its handlers for the emission only (json-glib's
 * reference counts are not thread-safe).  Other messages (queue snapshots
 * the supervisor model may keep parts of) are freed here, as before. */
static void
release_decoded (Decoded *decoded)
{
  if (decoded->message == NULL || decoded->message->type != HD_FEED_MSG_OFFER)
    {
      decoded_free (decoded);
      return;
    }
  /* The packet may be the handoff's now: its last reference stays here. */
  g_clear_object (&decoded->packet);
  hd_background_release (decoded, decoded_free);
}

/* A frame that went through a worker is done with: the next one may go. */
static void
finish_decoding (HdFeedClient *self,
                 Decoded      *decoded)
{
  self->decoding = FALSE;
  release_decoded (decoded);
  process_pending (self);
}

/* A big offer is in the queue now, and shown: present it.  Even when the
 * connection was dropped meanwhile, as the handoff is in the queue. */
static void
prepare_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);
  Decoded *decoded = g_task_get_task_data (G_TASK (result));

  self->presenting = NULL;
  self->applying_seq = decoded->message->seq;
  present_offer (self, decoded->presenting, decoded->message, decoded->prepared);
  finish_sequenced (self, decoded->message);
  finish_decoding (self, decoded);
}

static void
decode_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HdFeedClient *self = HD_FEED_CLIENT (object);
  Decoded *decoded = g_task_get_task_data (G_TASK (result));

  /* Frames of a connection that was dropped meanwhile are replayed anyway. */
  if (decoded->generation == self->generation)
    apply_decoded (self, decoded);
  if (decoded->presenting != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, prepare_cb, NULL);

      /* The frames behind it keep waiting ("decoding" stays set); it is
       * "presenting" since apply_offer (). */
      g_task_set_source_tag (task, decode_cb);
      g_task_set_task_data (task, decoded, NULL);
      hd_background_run (task, prepare_thread);
      return;
    }
  finish_decoding (self, decoded);
}

static void
process_pending (HdFeedClient *self)
{
  GBytes *frame;

  while (!self->decoding && (frame = g_queue_pop_head (&self->pending)) != NULL)
    {
      Decoded *decoded = g_new0 (Decoded, 1);
      gsize size = g_bytes_get_size (frame);

      decoded->frame = frame;
      decoded->max_frame_size = self->max_frame_size;
      decoded->limits = self->limits;
      decoded->generation = self->generation;
      decoded->prepare = self->prepare_offer;
      decoded->prepare_data = self->prepare_data;
      decoded->prepared_free = self->prepared_free;

      if (size > HD_FEED_ASYNC_DECODE_BYTES && size <= self->max_frame_size)
        {
          g_autoptr(GTask) task = g_task_new (self, NULL, decode_cb, NULL);

          decoded->prepare_later = decoded->prepare != NULL;
          g_task_set_source_tag (task, process_pending);
          /* Freed by decode_cb (), which always runs. */
          g_task_set_task_data (task, decoded, NULL);
          self->decoding = TRUE;
          hd_background_run (task, decode_thread);
          return;
        }

      decode (decoded);
      apply_decoded (self, decoded);
      decoded_free (decoded);
    }
}

void
_hd_feed_client_handle_frame (HdFeedClient *self,
                              GBytes       *frame)
{
  g_queue_push_tail (&self->pending, g_bytes_ref (frame));
  process_pending (self);
}

void
_hd_feed_client_discard_pending (HdFeedClient *self)
{
  self->generation++;
  g_queue_clear_full (&self->pending, (GDestroyNotify) g_bytes_unref);
}

/* The answer to hd_feed_client_fetch_handoff_async (): a read-only copy for
 * the supervisor's drill-down, never added to the agent's queue. */
static void
apply_handoff_detail (HdFeedClient  *self,
                      HdFeedMessage *message,
                      HdPacket      *packet,
                      GError        *error)
{
  Request *request = message->request_id != NULL
                     ? g_hash_table_lookup (self->requests, message->request_id) : NULL;

  if (request == NULL || request->type != HD_FEED_MSG_SUPERVISOR_FETCH)
    return;  /* timed out or cancelled meanwhile */

  if (packet == NULL)
    {
      _hd_feed_client_complete_request (self, request,
                        g_error_new (HD_ERROR, HD_ERROR_PARSE,
                                     _("The handoff’s packet was rejected: %s"),
                                     error != NULL ? error->message : _("it is missing")));
      return;
    }

  _hd_feed_client_complete_request_pointer (self, request, hd_handoff_new (packet, NULL),
                                            g_object_unref);
}

static void
apply_decoded (HdFeedClient *self,
               Decoded      *decoded)
{
  HdFeedMessage *message = decoded->message;

  if (decoded->oversized)
    {
      g_autofree char *notice = g_strdup_printf (_("A message of %zu bytes was rejected: the limit is %zu bytes"),
                                                 g_bytes_get_size (decoded->frame), decoded->max_frame_size);
      _hd_feed_client_reject (self, notice);
      return;
    }

  if (message == NULL)
    {
      g_autofree char *notice = g_strdup_printf (_("A malformed message was rejected: %s"),
                                                 decoded->error->message);
      _hd_feed_client_reject (self, notice);
      return;
    }

  if (message->type == HD_FEED_MSG_WELCOME)
    {
      handle_welcome (self, message);
      return;
    }
  if (!self->welcomed)
    {
      g_autofree char *notice = g_strdup_printf (_("A “%s” message came before the welcome and was rejected"),
                                                 message->type_name);
      _hd_feed_client_reject (self, notice);
      return;
    }

  if (hd_feed_message_type_is_sequenced (message->type))
    {
      if (message->seq <= self->last_seq)
        {
          self->duplicates_dropped++;
          _hd_feed_client_notify (self, PROP_DUPLICATES_DROPPED);
          return;
        }
      if (message->seq > self->last_seq + 1)
        g_info ("Sequence gap: %" G_GINT64_FORMAT " after %" G_GINT64_FORMAT,
                message->seq, self->last_seq);
    }

  if (hd_feed_message_type_is_sequenced (message->type))
    self->applying_seq = message->seq;

  switch (message->type)
    {
    case HD_FEED_MSG_HEARTBEAT:
      return;
    case HD_FEED_MSG_OFFER:
      {
        g_autoptr(HdHandoff) handoff = NULL;

        _hd_feed_client_reach_stage (self, HD_FEED_STAGE_DECODED, message->seq);
        handoff = apply_offer (self, message, decoded->packet, decoded->error, decoded->prepare_later);

        if (handoff != NULL && decoded->prepare_later)
          {
            /* Presented, and its sequence number taken, by prepare_cb (). */
            decoded->presenting = g_steal_pointer (&handoff);
            self->applying_seq = 0;
            return;
          }
        if (handoff != NULL)
          present_offer (self, handoff, message, decoded->prepared);
      }
      break;
    case HD_FEED_MSG_UPDATE:
      apply_update (self, message);
      break;
    case HD_FEED_MSG_REVOKE:
      apply_state (self, message, HD_HANDOFF_STATE_REVOKED, HD_FEED_MSG_UNKNOWN);
      break;
    case HD_FEED_MSG_ASSIGNED:
      apply_state (self, message, HD_HANDOFF_STATE_ACCEPTED, HD_FEED_MSG_ACCEPT);
      break;
    case HD_FEED_MSG_DECLINED:
      apply_state (self, message, HD_HANDOFF_STATE_DECLINED, HD_FEED_MSG_DECLINE);
      break;
    case HD_FEED_MSG_WRAPPED_UP:
      apply_state (self, message, HD_HANDOFF_STATE_WRAPPED_UP, HD_FEED_MSG_WRAP_UP);
      break;
    case HD_FEED_MSG_QUEUE_SNAPSHOT:
      _hd_feed_client_emit (self, QUEUE_SNAPSHOT, message->body);
      return;
    case HD_FEED_MSG_QUEUE_EVENT:
      _hd_feed_client_emit (self, QUEUE_EVENT, message->body);
      return;
    case HD_FEED_MSG_ERROR:
      handle_error (self, message);
      return;
    case HD_FEED_MSG_SIGNAL_RECORDED:
      _hd_feed_client_confirm_request (self, HD_FEED_MSG_AGENT_SIGNAL, message->request_id,
                                       message->handoff_id, NULL);
      return;
    case HD_FEED_MSG_HANDOFF_DETAIL:
      apply_handoff_detail (self, message, decoded->packet, decoded->error);
      return;
    case HD_FEED_MSG_UNKNOWN:
    case HD_FEED_MSG_WELCOME:
    case HD_FEED_MSG_HELLO:
    case HD_FEED_MSG_ACK:
    case HD_FEED_MSG_ACCEPT:
    case HD_FEED_MSG_DECLINE:
    case HD_FEED_MSG_AGENT_MESSAGE:
    case HD_FEED_MSG_WRAP_UP:
    case HD_FEED_MSG_STATUS:
    case HD_FEED_MSG_SUPERVISOR_SUBSCRIBE:
    case HD_FEED_MSG_AGENT_SIGNAL:
    case HD_FEED_MSG_SUPERVISOR_FETCH:
    default:
      {
        g_autofree char *notice = g_strdup_printf (_("A message of unknown type “%s” was rejected"),
                                                   message->type_name);
        _hd_feed_client_reject (self, notice);
      }
      return;
    }

  finish_sequenced (self, message);
}

/* A sequenced message was processed (applied or rejected): move on. */
static void
finish_sequenced (HdFeedClient  *self,
                  HdFeedMessage *message)
{
  self->applying_seq = 0;
  self->last_seq = message->seq;
  _hd_feed_client_note_applied (self);
  _hd_feed_client_notify (self, PROP_LAST_SEQ);
  _hd_feed_client_schedule_ack (self);
}
