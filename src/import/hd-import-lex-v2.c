/* hd-import-lex-v2.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-import-private.h"

/* Amazon Lex V2 (docs/import/lex-v2.md), two documents:
 *
 *  - the Lambda input event at the handoff: sessionId, bot, inputTranscript,
 *    interpretations (intent, nluConfidence, sentimentResponse), sessionState
 *    (intent with its slots, sessionAttributes).  No time, no earlier turns.
 *  - the conversation text logs as CloudWatch Logs FilterLogEvents returns
 *    them: events with a millisecond "timestamp" and a "message" that is
 *    itself a JSON document per turn (inputTranscript, messages,
 *    interpretations, sessionState, missedUtterance).  The whole
 *    conversation, one event per turn. */

static const char *
map_sentiment (const char *sentiment)
{
  if (sentiment == NULL)
    return NULL;
  if (g_str_equal (sentiment, "POSITIVE"))
    return "positive";
  if (g_str_equal (sentiment, "NEGATIVE"))
    return "negative";
  /* MIXED has no packet word: neutral is the honest middle. */
  return "neutral";
}

/* sessionState.intent.slots: { name: { "value": { "interpretedValue" } } }
 * or a list slot's { "values": [ ... ] }. */
static void
take_slots (HdImportDraft *draft,
            JsonObject    *intent)
{
  JsonObject *slots;
  g_autoptr(GList) names = NULL;

  if (intent == NULL || !json_object_has_member (intent, "slots") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (intent, "slots")))
    return;
  slots = json_object_get_object_member (intent, "slots");
  names = json_object_get_members (slots);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *slot = json_object_get_member (slots, l->data);
      g_autoptr(GString) joined = g_string_new (NULL);
      JsonArray *values = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (slot))
        continue;
      object = json_node_get_object (slot);
      if (json_object_has_member (object, "values") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "values")))
        values = json_object_get_array_member (object, "values");
      for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
        {
          JsonNode *element = json_array_get_element (values, i);
          JsonObject *value;
          const char *text;

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              !json_object_has_member (json_node_get_object (element), "value") ||
              !JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (element), "value")))
            continue;
          value = json_object_get_object_member (json_node_get_object (element), "value");
          if ((text = _hd_import_lookup_string (value, "interpretedValue")) != NULL)
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? ", " : "", text);
        }
      if (values == NULL && json_object_has_member (object, "value") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "value")))
        {
          JsonObject *value = json_object_get_object_member (object, "value");
          const char *text = _hd_import_lookup_string (value, "interpretedValue");

          if (text == NULL)
            text = _hd_import_lookup_string (value, "originalValue");
          if (text != NULL)
            g_string_append (joined, text);
        }
      _hd_import_draft_set_entity (draft, l->data, joined->str);
    }
}

/* What one turn of Lex (an event, or a log message) says. */
static gboolean
read_turn (HdImportDraft *draft,
           JsonObject    *turn,
           const char    *pointer,
           GDateTime     *time,
           gboolean       missed,
           GError       **error)
{
  g_autofree char *state_ptr = _hd_import_pointer (pointer, "sessionState");
  JsonObject *bot = NULL, *state = NULL, *intent = NULL, *attributes = NULL;
  JsonArray *interpretations = NULL, *messages = NULL;
  const char *session_id, *transcript = NULL, *input_mode = NULL, *flow;

  if (!_hd_import_get_string (turn, pointer, "sessionId", TRUE, &session_id, error) ||
      !_hd_import_get_object (turn, pointer, "bot", FALSE, &bot, error) ||
      !_hd_import_get_object (turn, pointer, "sessionState", FALSE, &state, error) ||
      !_hd_import_get_array (turn, pointer, "interpretations", FALSE, &interpretations, error) ||
      !_hd_import_get_array (turn, pointer, "messages", FALSE, &messages, error) ||
      !_hd_import_get_string (turn, pointer, "inputTranscript", FALSE, &transcript, error) ||
      !_hd_import_get_string (turn, pointer, "inputMode", FALSE, &input_mode, error))
    return FALSE;

  g_free (draft->conversation_id);
  draft->conversation_id = g_strdup (session_id);
  if (bot != NULL)
    {
      const char *name = _hd_import_lookup_string (bot, "name");
      const char *locale = _hd_import_lookup_string (bot, "localeId");

      if (name == NULL)
        name = _hd_import_lookup_string (bot, "id");
      if (name != NULL)
        {
          g_free (draft->bot_id);
          draft->bot_id = g_strdup (name);
        }
      if (locale != NULL)
        {
          /* "en_US" is Lex's spelling of the tag "en-US". */
          g_free (draft->language);
          draft->language = g_strdelimit (g_strdup (locale), "_", '-');
        }
    }
  if (input_mode != NULL)
    draft->channel = g_str_equal (input_mode, "Text") ? "other" : "voice";

  if (!_hd_import_draft_add_turn (draft, "customer", time, transcript, pointer, error))
    return FALSE;

  /* The first interpretation is the one Lex acted on; the others are
   * alternatives with lower confidence. */
  if (interpretations != NULL && json_array_get_length (interpretations) > 0)
    {
      g_autofree char *interp_ptr = g_strdup_printf ("%s/interpretations/0", pointer);
      JsonObject *first = _hd_import_array_object (interpretations, 0, interp_ptr, error);
      JsonObject *chosen = NULL, *sentiment = NULL;
      const char *name = NULL;
      double confidence = -1;

      if (first == NULL ||
          !_hd_import_get_object (first, interp_ptr, "intent", FALSE, &chosen, error) ||
          !_hd_import_get_number (first, interp_ptr, "nluConfidence", FALSE, &confidence, error) ||
          !_hd_import_get_object (first, interp_ptr, "sentimentResponse", FALSE, &sentiment, error))
        return FALSE;
      if (chosen != NULL)
        {
          g_autofree char *intent_ptr = _hd_import_pointer (interp_ptr, "intent");

          if (!_hd_import_get_string (chosen, intent_ptr, "name", TRUE, &name, error))
            return FALSE;
        }
      if (name != NULL)
        {
          gboolean fallback = missed || g_str_equal (name, "FallbackIntent");

          _hd_import_draft_add_intent (draft, name, time, confidence,
                                       fallback ? "fallback" : "matched");
          if (!fallback && !_hd_import_is_handoff_name (name))
            {
              g_free (draft->primary);
              draft->primary = g_strdup (name);
            }
          if (fallback)
            draft->reason = "low_confidence";
          else if (_hd_import_is_handoff_name (name))
            draft->reason = "customer_request";
        }
      if (sentiment != NULL)
        draft->sentiment = map_sentiment (_hd_import_lookup_string (sentiment, "sentiment"));
    }

  if (state != NULL)
    {
      if (!_hd_import_get_object (state, state_ptr, "intent", FALSE, &intent, error) ||
          !_hd_import_get_object (state, state_ptr, "sessionAttributes", FALSE, &attributes, error))
        return FALSE;
      take_slots (draft, intent);
      /* The flow is the intent being served, not a fallback or the request
       * for a person. */
      flow = _hd_import_lookup_string (intent, "name");
      if (flow != NULL && !_hd_import_is_handoff_name (flow) && !g_str_equal (flow, "FallbackIntent"))
        {
          g_free (draft->bot_flow);
          draft->bot_flow = g_strdup (flow);
        }
      if (attributes != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (attributes);

          for (GList *l = names; l != NULL; l = l->next)
            _hd_import_draft_take_value (draft, l->data, json_object_get_member (attributes, l->data));
        }
    }

  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    {
      g_autofree char *message_ptr = g_strdup_printf ("%s/messages/%u", pointer, i);
      g_autofree char *messages_ptr = _hd_import_pointer (pointer, "messages");
      JsonObject *message = _hd_import_array_object (messages, i, messages_ptr, error);
      const char *content = NULL;

      if (message == NULL ||
          !_hd_import_get_string (message, message_ptr, "content", FALSE, &content, error) ||
          !_hd_import_draft_add_turn (draft, "bot", time, content, message_ptr, error))
        return FALSE;
    }
  return TRUE;
}

JsonNode *
_hd_import_lex_v2_event (JsonObject  *root,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("lex-v2", now);

  if (!read_turn (draft, root, "", now, FALSE, error))
    return NULL;
  draft->turn_id = g_strdup (_hd_import_lookup_string (_hd_import_lookup_object (root, "sessionState"),
                                                       "originatingRequestId"));
  return _hd_import_draft_finish (draft, error);
}

typedef struct
{
  JsonNode  *message;   /* owned: the parsed "message" */
  GDateTime *time;
  guint      index;
} LogEvent;

static void
log_event_clear (gpointer data)
{
  LogEvent *event = data;

  g_clear_pointer (&event->message, json_node_unref);
  g_clear_pointer (&event->time, g_date_time_unref);
}

static int
compare_log_events (gconstpointer a,
                    gconstpointer b)
{
  const LogEvent *x = a, *y = b;
  int order = g_date_time_compare (x->time, y->time);

  return order != 0 ? order : (x->index < y->index ? -1 : 1);
}

JsonNode *
_hd_import_lex_v2_logs (JsonObject  *root,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("lex-v2", now);
  g_autoptr(GArray) order = g_array_new (FALSE, TRUE, sizeof (LogEvent));
  const char *session = NULL;
  JsonArray *events;

  g_array_set_clear_func (order, log_event_clear);
  if (!_hd_import_get_array (root, "", "events", TRUE, &events, error))
    return NULL;
  if (json_array_get_length (events) == 0)
    {
      _hd_import_fail (error, "/events", NULL, _("no log events: nothing to hand off"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/events/%u", i);
      g_autofree char *message_ptr = _hd_import_pointer (pointer, "message");
      JsonObject *event = _hd_import_array_object (events, i, "/events", error);
      LogEvent entry = { NULL, NULL, i };
      const char *message;
      double timestamp;

      if (event == NULL ||
          !_hd_import_get_number (event, pointer, "timestamp", TRUE, &timestamp, error) ||
          !_hd_import_get_string (event, pointer, "message", TRUE, &message, error))
        return NULL;
      if ((entry.time = _hd_import_time_from_unix (timestamp / 1000)) == NULL)
        {
          _hd_import_fail (error, pointer, "timestamp", _("not a Unix time in milliseconds"));
          return NULL;
        }
      /* The message is a document of its own, as untrusted as the rest. */
      entry.message = _hd_import_parse_json (message, strlen (message), message_ptr, error);
      if (entry.message == NULL)
        {
          g_date_time_unref (entry.time);
          return NULL;
        }
      g_array_append_val (order, entry);
    }
  g_array_sort (order, compare_log_events);

  /* A log group holds every session: hand off the one the last event is of. */
  session = _hd_import_lookup_string (json_node_get_object (g_array_index (order, LogEvent, order->len - 1).message),
                                      "sessionId");
  for (guint i = 0; i < order->len; i++)
    {
      LogEvent *entry = &g_array_index (order, LogEvent, i);
      JsonObject *message = json_node_get_object (entry->message);
      g_autofree char *pointer = g_strdup_printf ("/events/%u/message", entry->index);
      const char *this_session = _hd_import_lookup_string (message, "sessionId");

      if (session != NULL && this_session != NULL && !g_str_equal (session, this_session))
        continue;
      if (!read_turn (draft, message, pointer, entry->time,
                      _hd_import_lookup_boolean (message, "missedUtterance", FALSE),
                      error))
        return NULL;
      g_clear_pointer (&draft->created_at, g_date_time_unref);
      draft->created_at = g_date_time_ref (entry->time);
    }

  return _hd_import_draft_finish (draft, error);
}
