/* hd-import-rasa.c
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

/* Rasa: the tracker of GET /conversations/{conversation_id}/tracker
 * (docs/import/rasa.md).  Its "events" are the whole conversation in order:
 * "user" (text, parse_data.intent with confidence, intent_ranking), "bot"
 * (text), "action" (name) and "slot" (name, value), each with a Unix
 * "timestamp" in seconds; the top-level "slots" hold the final values. */

/* Slots Rasa keeps for itself, not for the customer's case. */
static const char * const internal_slots[] = {
  "requested_slot", "session_started_metadata", NULL
};

static gboolean
is_fallback_action (const char *name)
{
  return g_str_equal (name, "action_default_fallback") ||
         g_str_equal (name, "action_two_stage_fallback") ||
         g_str_equal (name, "action_default_ask_affirmation") ||
         g_str_equal (name, "action_default_ask_rephrase");
}

static const char *
map_channel (const char *input_channel)
{
  if (input_channel == NULL)
    return NULL;
  if (g_str_equal (input_channel, "socketio") || g_str_equal (input_channel, "rest") ||
      g_str_equal (input_channel, "rasa") || g_str_equal (input_channel, "webchat"))
    return "web_chat";
  if (g_str_equal (input_channel, "twilio"))
    return "sms";
  if (g_str_equal (input_channel, "twilio_voice") || g_str_equal (input_channel, "audiocodes") ||
      g_str_equal (input_channel, "genesys"))
    return "voice";
  if (g_str_equal (input_channel, "facebook") || g_str_equal (input_channel, "slack") ||
      g_str_equal (input_channel, "telegram") || g_str_equal (input_channel, "mattermost") ||
      g_str_equal (input_channel, "rocketchat") || g_str_equal (input_channel, "botframework") ||
      g_str_equal (input_channel, "hangouts") || g_str_equal (input_channel, "webexteams"))
    return "social";
  return "other";
}

typedef struct
{
  char      *name;
  GDateTime *time;
  double     confidence;
  gboolean   fallback;
} Intent;

static void
intent_clear (gpointer data)
{
  Intent *intent = data;

  g_free (intent->name);
  g_clear_pointer (&intent->time, g_date_time_unref);
}

/* The user event's intent; for Rasa's FallbackClassifier ("nlu_fallback")
 * the best real guess from the ranking, as the packet wants. */
static gboolean
read_intent (JsonObject  *event,
             const char  *pointer,
             GDateTime   *time,
             GArray      *intents,
             GError     **error)
{
  g_autofree char *parse_ptr = _hd_import_pointer (pointer, "parse_data");
  g_autofree char *intent_ptr = NULL;
  JsonObject *parse_data, *intent;
  JsonArray *ranking = NULL;
  const char *name = NULL;
  Intent entry = { 0 };

  entry.confidence = -1;
  if (!_hd_import_get_object (event, pointer, "parse_data", FALSE, &parse_data, error))
    return FALSE;
  if (parse_data == NULL)
    return TRUE;
  if (!_hd_import_get_object (parse_data, parse_ptr, "intent", FALSE, &intent, error) ||
      !_hd_import_get_array (parse_data, parse_ptr, "intent_ranking", FALSE, &ranking, error))
    return FALSE;
  if (intent == NULL)
    return TRUE;
  intent_ptr = _hd_import_pointer (parse_ptr, "intent");
  if (!_hd_import_get_string (intent, intent_ptr, "name", FALSE, &name, error) ||
      !_hd_import_get_number (intent, intent_ptr, "confidence", FALSE, &entry.confidence, error))
    return FALSE;
  if (name == NULL)
    return TRUE;

  if (g_str_equal (name, "nlu_fallback"))
    {
      entry.fallback = TRUE;
      entry.confidence = -1;
      for (guint i = 0; ranking != NULL && i < json_array_get_length (ranking); i++)
        {
          JsonNode *node = json_array_get_element (ranking, i);
          JsonObject *guess = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *guess_name;

          if (guess == NULL ||
              (guess_name = _hd_import_lookup_string (guess, "name")) == NULL ||
              g_str_equal (guess_name, "nlu_fallback"))
            continue;
          name = guess_name;
          entry.confidence = _hd_import_lookup_number (guess, "confidence", -1);
          break;
        }
    }
  entry.name = g_strdup (name);
  entry.time = g_date_time_ref (time);
  g_array_append_val (intents, entry);
  return TRUE;
}

JsonNode *
_hd_import_rasa_tracker (JsonObject  *root,
                         GDateTime   *now,
                         GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("rasa", now);
  g_autoptr(GArray) intents = g_array_new (FALSE, TRUE, sizeof (Intent));
  g_autoptr(GDateTime) handoff_time = NULL;
  g_autoptr(GDateTime) last_time = NULL;
  const char *sender_id, *input_channel = NULL;
  JsonArray *events;
  JsonObject *slots;
  guint n_fallbacks_late = 0;
  gboolean asked_for_human = FALSE;

  g_array_set_clear_func (intents, intent_clear);
  if (!_hd_import_get_string (root, "", "sender_id", TRUE, &sender_id, error) ||
      !_hd_import_get_array (root, "", "events", TRUE, &events, error) ||
      !_hd_import_get_object (root, "", "slots", FALSE, &slots, error) ||
      !_hd_import_get_string (root, "", "latest_input_channel", FALSE, &input_channel, error))
    return NULL;

  draft->conversation_id = g_strdup (sender_id);
  draft->bot_id = g_strdup ("rasa");

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/events/%u", i);
      g_autoptr(GDateTime) time = NULL;
      JsonObject *event = _hd_import_array_object (events, i, "/events", error);
      const char *type, *text = NULL, *name = NULL;
      double timestamp = -G_MAXDOUBLE;  /* absent */

      if (event == NULL ||
          !_hd_import_get_string (event, pointer, "event", TRUE, &type, error) ||
          !_hd_import_get_number (event, pointer, "timestamp", FALSE, &timestamp, error))
        return NULL;
      if (timestamp != -G_MAXDOUBLE && (time = _hd_import_time_from_unix (timestamp)) == NULL)
        {
          _hd_import_fail (error, pointer, "timestamp", _("not a Unix time in seconds"));
          return NULL;
        }

      if (g_str_equal (type, "user") || g_str_equal (type, "bot"))
        {
          if (time == NULL)
            {
              _hd_import_fail (error, pointer, "timestamp", _("required field missing"));
              return NULL;
            }
          if (!_hd_import_get_string (event, pointer, "text", FALSE, &text, error) ||
              !_hd_import_draft_add_turn (draft, g_str_equal (type, "user") ? "customer" : "bot",
                                          time, text, pointer, error))
            return NULL;
          if (g_str_equal (type, "user"))
            {
              const char *channel = NULL;

              if (!read_intent (event, pointer, time, intents, error) ||
                  !_hd_import_get_string (event, pointer, "input_channel", FALSE, &channel, error))
                return NULL;
              if (channel != NULL)
                input_channel = input_channel != NULL ? input_channel : channel;
            }
        }
      else if (g_str_equal (type, "action"))
        {
          if (!_hd_import_get_string (event, pointer, "name", TRUE, &name, error))
            return NULL;
          if (is_fallback_action (name) && intents->len > 0)
            g_array_index (intents, Intent, intents->len - 1).fallback = TRUE;
          /* Rasa has no handoff action of its own: its human handoff
           * pattern is a custom action such as "action_handoff_to_human". */
          if (_hd_import_is_handoff_name (name) && !g_str_has_prefix (name, "utter_") && time != NULL)
            {
              g_clear_pointer (&handoff_time, g_date_time_unref);
              handoff_time = g_date_time_ref (time);
            }
        }
      else if (g_str_equal (type, "flow_started"))
        {
          const char *flow_id;

          /* Rasa Pro's flows: the customer's business is the last flow
           * that is not one of Rasa's own patterns; its human handoff
           * pattern is the handoff. */
          if (!_hd_import_get_string (event, pointer, "flow_id", TRUE, &flow_id, error))
            return NULL;
          if (g_str_has_prefix (flow_id, "pattern_human_handoff") && time != NULL)
            {
              g_clear_pointer (&handoff_time, g_date_time_unref);
              handoff_time = g_date_time_ref (time);
            }
          else if (!g_str_has_prefix (flow_id, "pattern_"))
            {
              g_free (draft->bot_flow);
              draft->bot_flow = g_strdup (flow_id);
            }
        }
      else if (g_str_equal (type, "slot"))
        {
          if (!_hd_import_get_string (event, pointer, "name", TRUE, &name, error))
            return NULL;
          /* Without the final values, the last slot event of each wins. */
          if (slots == NULL && !g_strv_contains (internal_slots, name))
            _hd_import_draft_take_value (draft, name, json_object_get_member (event, "value"));
        }

      if (time != NULL)
        {
          g_clear_pointer (&last_time, g_date_time_unref);
          last_time = g_date_time_ref (time);
        }
    }

  for (guint i = 0; i < intents->len; i++)
    {
      Intent *intent = &g_array_index (intents, Intent, i);

      _hd_import_draft_add_intent (draft, intent->name, intent->time, intent->confidence,
                                   intent->fallback ? "fallback" : "matched");
      if (_hd_import_is_handoff_name (intent->name))
        asked_for_human = TRUE;
      else if (!intent->fallback && !_hd_import_is_small_talk (intent->name))
        {
          g_free (draft->primary);
          draft->primary = g_strdup (intent->name);
        }
      if (i + 2 >= intents->len && intent->fallback)
        n_fallbacks_late++;
    }

  /* The final slot values, when the tracker has them; the bot's own
   * "handoff_reason" wins over what the events suggest. */
  if (slots != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (slots);

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_strv_contains (internal_slots, l->data))
          _hd_import_draft_take_value (draft, l->data, json_object_get_member (slots, l->data));
    }

  if (draft->reason == NULL && n_fallbacks_late > 0)
    draft->reason = "low_confidence";
  else if (draft->reason == NULL && asked_for_human)
    draft->reason = "customer_request";

  /* Rasa Open Source has forms rather than flows: the active one. */
  if (draft->bot_flow == NULL)
    draft->bot_flow = g_strdup (_hd_import_lookup_string (_hd_import_lookup_object (root, "active_loop"), "name"));

  draft->channel = map_channel (input_channel);
  if (handoff_time != NULL)
    draft->created_at = g_date_time_ref (handoff_time);
  else if (last_time != NULL)
    draft->created_at = g_date_time_ref (last_time);

  return _hd_import_draft_finish (draft, error);
}
