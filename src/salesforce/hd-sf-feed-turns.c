/* hd-sf-feed-turns.c
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
#include "hd-packet-parser.h"
#include "hd-sf-feed-private.h"
#include "hd-time.h"

/* Transcript turns in the Salesforce binding (docs/feed-protocol.md,
 * "Transcript turns"): an `update` event carries only ids, so the new
 * Handoff_Turn__c records of the handoff are read over REST, under the
 * org's sharing, each newer than the last Sequence__c applied.  Each goes
 * through the parser the WebSocket feed's `update` turns go through (a bad
 * one is refused with a notice, the others appended), once and in order:
 * the last sequence applied of every handoff is kept here and, through
 * the journal ("turn-appended" carries it), across runs. */

#define TURN_FIELDS "Id,Sequence__c,Speaker__c,Spoken_At__c,Text__c,Request_Id__c"

typedef struct
{
  char   *record_id;       /* the Handoff__c its offer named; nullable until known */
  gint64  last_sequence;   /* the last Sequence__c applied; 0: none */
} HdSfTurnState;

typedef struct
{
  HdSfFeed *self;          /* owned */
  char     *handoff_id;
  char     *request_id;    /* nullable: the reply the update answers */
} TurnRead;

static guint turn_appended_signal;

static void
turn_state_free (HdSfTurnState *state)
{
  g_free (state->record_id);
  g_free (state);
}

static void
turn_read_free (TurnRead *read)
{
  g_object_unref (read->self);
  g_free (read->handoff_id);
  g_free (read->request_id);
  g_free (read);
}

void
_hd_sf_feed_turns_class_init (GObjectClass *object_class)
{
  /* "turn-appended" (HdHandoff *, JsonObject *turn, const char
   * *handoff_record_id, gint64 sequence): a valid turn was appended, for the
   * journal, which keeps the sequence so that a later run applies no turn
   * twice (hd_sf_feed_remember_turns ()). */
  turn_appended_signal = g_signal_new ("turn-appended", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 4, HD_TYPE_HANDOFF, JSON_TYPE_OBJECT,
                                       G_TYPE_STRING, G_TYPE_INT64);
}

void
_hd_sf_feed_turns_init (HdSfFeed *self)
{
  self->turns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) turn_state_free);
}

static HdSfTurnState *
ensure_state (HdSfFeed   *self,
              const char *handoff_id)
{
  HdSfTurnState *state = g_hash_table_lookup (self->turns, handoff_id);

  if (state == NULL)
    {
      state = g_new0 (HdSfTurnState, 1);
      g_hash_table_insert (self->turns, g_strdup (handoff_id), state);
    }
  return state;
}

void
_hd_sf_feed_note_record (HdSfFeed   *self,
                         const char *handoff_id,
                         const char *record_id)
{
  HdSfTurnState *state = ensure_state (self, handoff_id);

  g_free (state->record_id);
  state->record_id = g_strdup (record_id);
}

/**
 * hd_sf_feed_remember_turns:
 * @sequence: the last Sequence__c the journal holds a turn of
 *
 * What an earlier run appended to @handoff_id, from the journal: turns up to
 * @sequence are never appended again, when an update is replayed.  (Its
 * record is taken from the first update, as the journal does not keep it.)
 */
void
hd_sf_feed_remember_turns (HdSfFeed   *self,
                           const char *handoff_id,
                           gint64      sequence)
{
  HdSfTurnState *state;

  g_return_if_fail (HD_IS_SF_FEED (self));
  g_return_if_fail (handoff_id != NULL);

  state = ensure_state (self, handoff_id);
  state->last_sequence = MAX (state->last_sequence, sequence);
}

gint64
hd_sf_feed_get_last_turn_sequence (HdSfFeed   *self,
                                   const char *handoff_id)
{
  HdSfTurnState *state;

  g_return_val_if_fail (HD_IS_SF_FEED (self), 0);
  state = handoff_id != NULL ? g_hash_table_lookup (self->turns, handoff_id) : NULL;
  return state != NULL ? state->last_sequence : 0;
}

/* Sequence__c is a Number(18, 0): Salesforce writes it as 3.0, or 3. */
static gboolean
read_sequence (JsonObject *record,
               gint64     *out)
{
  JsonNode *node = json_object_get_member (record, "Sequence__c");
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return FALSE;
  if (!(value >= 1 && value <= 1e15) || value != (double) (gint64) value)
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static const char *
record_string (JsonObject *record,
               const char *field)
{
  JsonNode *node = json_object_get_member (record, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The turn as the packet and the WebSocket feed write one: Spoken_At__c
 * ("2026-11-24T09:14:05.000+0000") in RFC 3339; a field the record lacks is
 * left out, for the parser to name. */
static JsonObject *
turn_object_for (JsonObject *record)
{
  JsonObject *turn = json_object_new ();
  const char *speaker = record_string (record, "Speaker__c");
  const char *spoken_at = record_string (record, "Spoken_At__c");
  const char *text = record_string (record, "Text__c");
  JsonNode *text_node = json_object_get_member (record, "Text__c");

  if (speaker != NULL)
    json_object_set_string_member (turn, "speaker", speaker);
  if (spoken_at != NULL)
    {
      g_autoptr(GDateTime) when = hd_sf_parse_datetime (spoken_at);
      g_autofree char *rfc3339 = when != NULL ? hd_time_format_rfc3339 (when, 3) : NULL;

      json_object_set_string_member (turn, "time", rfc3339 != NULL ? rfc3339 : spoken_at);
    }
  if (text != NULL)
    json_object_set_string_member (turn, "text", text);
  else if (text_node != NULL && !JSON_NODE_HOLDS_NULL (text_node))
    json_object_set_member (turn, "text", json_node_copy (text_node));
  return turn;
}

static void
apply_record (HdSfFeed      *self,
              TurnRead      *read,
              HdSfTurnState *state,
              JsonObject    *record)
{
  HdHandoff *handoff = hd_queue_lookup (self->queue, read->handoff_id);
  const char *id = record_string (record, "Id");
  g_autoptr(JsonObject) turn_object = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HdTurn) turn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pointer = NULL;
  gint64 sequence = 0;

  if (!read_sequence (record, &sequence))
    {
      /* Without its sequence a turn cannot be applied exactly once. */
      g_message ("Salesforce feed: turn %s of handoff %s has no valid Sequence__c; skipped",
                 id != NULL ? id : "?", read->handoff_id);
      return;
    }
  /* Applied already: by an earlier update, or an earlier run. */
  if (sequence <= state->last_sequence)
    return;
  state->last_sequence = sequence;
  if (handoff == NULL)
    return;

  turn_object = turn_object_for (record);
  node = json_node_init_object (json_node_alloc (), turn_object);
  pointer = g_strdup_printf ("/turns/%" G_GINT64_FORMAT, sequence);
  turn = hd_turn_parse_node (node, pointer, &error);
  if (turn == NULL)
    {
      g_autofree char *notice = g_strdup_printf (_("A message for handoff %s was rejected: %s"),
                                                 read->handoff_id, error->message);

      self->n_dropped++;
      _hd_sf_feed_notice (self, notice);
      return;
    }
  hd_handoff_append_turn (handoff, turn);
  g_signal_emit (self, turn_appended_signal, 0, handoff, turn_object, state->record_id, sequence);
  /* The agent's own reply, back from the org: its request is answered. */
  if (hd_turn_get_speaker (turn) == HD_SPEAKER_AGENT && record_string (record, "Request_Id__c") != NULL)
    _hd_sf_feed_complete_reply (self, record_string (record, "Request_Id__c"));
}

static void query_page (TurnRead   *read,
                        const char *path);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TurnRead *read = user_data;
  /* Held until the next event is under way, past the read's end. */
  g_autoptr(HdSfFeed) self = g_object_ref (read->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfResponse) response = hd_sf_client_request_finish (HD_SF_CLIENT (object), result, &error);
  g_autoptr(GError) refusal = NULL;
  HdSfTurnState *state;
  JsonObject *page;
  JsonArray *records;
  const char *next;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL ||
      g_queue_is_empty (&self->events))
    {
      turn_read_free (read);
      return;
    }

  if (response != NULL && response->status >= 400 && response->status < 500)
    refusal = hd_sf_response_to_error (response);
  if (refusal != NULL && !g_error_matches (refusal, HD_ERROR, HD_ERROR_LIMIT))
    {
      g_autofree char *notice = g_strdup_printf (_("New messages of handoff %s could not be read from Salesforce: %s"),
                                                 read->handoff_id, refusal->message);

      /* Refused for good (the object or a field is missing, or not
       * readable): waiting would hold every offer behind it.  The next
       * update reads from the same sequence. */
      _hd_sf_feed_notice (self, notice);
      turn_read_free (read);
      _hd_sf_feed_read_done (self, TRUE);
      return;
    }
  if (response == NULL || response->status != SOUP_STATUS_OK || response->json == NULL ||
      !JSON_NODE_HOLDS_OBJECT (response->json) ||
      !json_object_has_member (page = json_node_get_object (response->json), "records") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (page, "records")))
    {
      /* Transient: the events wait, in order, and the read is tried again
       * from the last turn applied. */
      g_message ("Salesforce feed: reading the turns of handoff %s failed, retrying: %s", read->handoff_id,
                 error != NULL ? error->message
                 : response->status != SOUP_STATUS_OK ? soup_status_get_phrase (response->status)
                 : "a malformed query result");
      turn_read_free (read);
      _hd_sf_feed_read_done (self, FALSE);
      return;
    }

  state = ensure_state (self, read->handoff_id);
  records = json_object_get_array_member (page, "records");
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonNode *element = json_array_get_element (records, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        apply_record (self, read, state, json_node_get_object (element));
    }

  next = !hd_json_get_boolean (page, "done", TRUE)
           ? hd_json_get_string (page, "nextRecordsUrl", NULL) : NULL;
  if (next != NULL && g_str_has_prefix (next, "/services/"))
    {
      query_page (read, next);
      return;
    }
  if (read->request_id != NULL)
    _hd_sf_feed_complete_reply (self, read->request_id);
  turn_read_free (read);
  _hd_sf_feed_read_done (self, TRUE);
}

static void
query_page (TurnRead   *read,
            const char *path)
{
  HdSfFeed *self = read->self;

  hd_sf_client_request_async (self->client, "GET", path, NULL, NULL, self->cancellable, page_cb, read);
}

gboolean
_hd_sf_feed_apply_update (HdSfFeed   *self,
                          JsonObject *payload)
{
  const char *handoff_id = hd_json_get_string (payload, "Handoff_Id__c", NULL);
  const char *record_id = hd_json_get_string (payload, "Handoff_Record_Id__c", NULL);
  const char *request_id = hd_json_get_string (payload, "Request_Id__c", NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *soql = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  HdSfTurnState *state;
  TurnRead *read;

  if (handoff_id == NULL || !hd_sf_is_valid_id (record_id))
    {
      g_message ("Salesforce feed: an update event without a handoff id or record id was skipped");
      return FALSE;
    }
  /* As with the WebSocket feed: only a handoff shown to this agent. */
  if (hd_queue_lookup (self->queue, handoff_id) == NULL)
    {
      g_debug ("Update for %s, which is not in the queue", handoff_id);
      return FALSE;
    }
  state = ensure_state (self, handoff_id);
  if (state->record_id == NULL)
    state->record_id = g_strdup (record_id);
  else if (g_strcmp0 (state->record_id, record_id) != 0)
    {
      g_message ("Salesforce feed: an update for %s names record %s, not its own %s; skipped", handoff_id,
                 record_id, state->record_id);
      return FALSE;
    }

  quoted = hd_sf_soql_quote (record_id);
  soql = g_strdup_printf ("SELECT " TURN_FIELDS " FROM Handoff_Turn__c WHERE Handoff__c = %s AND Sequence__c > %"
                          G_GINT64_FORMAT " ORDER BY Sequence__c", quoted, state->last_sequence);
  escaped = g_uri_escape_string (soql, NULL, FALSE);
  path = g_strconcat ("query?q=", escaped, NULL);

  read = g_new0 (TurnRead, 1);
  read->self = g_object_ref (self);
  read->handoff_id = g_strdup (handoff_id);
  read->request_id = g_strdup (request_id);
  self->busy = TRUE;
  query_page (read, path);
  return TRUE;
}
