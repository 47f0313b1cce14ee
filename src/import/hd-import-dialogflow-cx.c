/* hd-import-dialogflow-cx.c
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

/* Dialogflow CX (docs/import/dialogflow-cx.md), two documents:
 *
 *  - the WebhookRequest a webhook gets at the handoff page: the last
 *    matched intent (intentInfo), the session parameters (sessionInfo), the
 *    customer's last input (text or transcript) and the messages the agent is
 *    about to send.  It carries no time, and no earlier turns.
 *  - the v3beta1 Conversation of projects.locations.agents.conversations.get:
 *    every interaction with its request (queryInput), its response's
 *    queryResult (match with matchType and confidence, responseMessages,
 *    parameters) and createTime.  It carries the whole conversation. */

/* Sentiment score -1..1 to the packet's three words; Dialogflow's own
 * guidance reads scores within ±0.25 as neutral. */
static const char *
map_sentiment (JsonObject *result)
{
  JsonObject *analysis;
  double score;

  if (result == NULL ||
      !json_object_has_member (result, "sentimentAnalysisResult") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "sentimentAnalysisResult")))
    return NULL;
  analysis = json_object_get_object_member (result, "sentimentAnalysisResult");
  score = _hd_import_lookup_number (analysis, "score", 0);
  return score < -0.25 ? "negative" : score > 0.25 ? "positive" : "neutral";
}

/* Session or query parameters: every one a value for the draft. */
static void
take_parameters (HdImportDraft *draft,
                 JsonObject    *parameters)
{
  g_autoptr(GList) names = NULL;

  if (parameters == NULL)
    return;
  names = json_object_get_members (parameters);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (parameters, l->data);

      /* intentInfo.parameters wrap theirs: { "originalValue", "resolvedValue" }. */
      if (JSON_NODE_HOLDS_OBJECT (value) &&
          json_object_has_member (json_node_get_object (value), "resolvedValue"))
        {
          JsonObject *wrapped = json_node_get_object (value);

          /* A composite value ({ "amount", "currency" }) reads best as said. */
          value = json_object_get_member (wrapped, "resolvedValue");
          if (JSON_NODE_HOLDS_OBJECT (value) && json_object_has_member (wrapped, "originalValue"))
            value = json_object_get_member (wrapped, "originalValue");
        }
      _hd_import_draft_take_value (draft, l->data, value);
    }
}

/* ResponseMessage[]: text messages become bot turns; a liveAgentHandoff
 * message is the handoff itself, and its metadata may say why. */
static gboolean
take_messages (HdImportDraft *draft,
               JsonArray     *messages,
               const char    *pointer,
               GDateTime     *time,
               gboolean      *handoff,
               GError       **error)
{
  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    {
      g_autofree char *message_ptr = g_strdup_printf ("%s/%u", pointer, i);
      JsonObject *message = _hd_import_array_object (messages, i, pointer, error);
      JsonObject *text = NULL, *live_agent = NULL, *metadata = NULL;
      JsonArray *lines = NULL;

      if (message == NULL ||
          !_hd_import_get_object (message, message_ptr, "text", FALSE, &text, error) ||
          !_hd_import_get_object (message, message_ptr, "liveAgentHandoff", FALSE, &live_agent, error))
        return FALSE;
      if (text != NULL)
        {
          g_autofree char *text_ptr = _hd_import_pointer (message_ptr, "text");
          g_autofree char *lines_ptr = _hd_import_pointer (text_ptr, "text");

          if (!_hd_import_get_array (text, text_ptr, "text", FALSE, &lines, error))
            return FALSE;
          for (guint j = 0; lines != NULL && j < json_array_get_length (lines); j++)
            {
              JsonNode *line = json_array_get_element (lines, j);
              g_autofree char *line_ptr = g_strdup_printf ("%s/%u", lines_ptr, j);

              if (json_node_get_value_type (line) != G_TYPE_STRING)
                {
                  _hd_import_fail (error, line_ptr, NULL, _("expected a string"));
                  return FALSE;
                }
              if (!_hd_import_draft_add_turn (draft, "bot", time, json_node_get_string (line),
                                              line_ptr, error))
                return FALSE;
            }
        }
      if (live_agent != NULL)
        {
          g_autofree char *agent_ptr = _hd_import_pointer (message_ptr, "liveAgentHandoff");

          *handoff = TRUE;
          if (!_hd_import_get_object (live_agent, agent_ptr, "metadata", FALSE, &metadata, error))
            return FALSE;
          take_parameters (draft, metadata);
        }
    }
  return TRUE;
}

/* ".../agents/AGENT/sessions/SESSION" or ".../conversations/ID". */
static gboolean
take_agent (HdImportDraft *draft,
            const char    *name,
            const char    *collection)
{
  g_free (draft->bot_id);
  draft->bot_id = _hd_import_path_segment (name, "agents");
  g_free (draft->conversation_id);
  draft->conversation_id = _hd_import_path_segment (name, collection);
  return draft->conversation_id != NULL;
}

JsonNode *
_hd_import_dialogflow_cx_webhook (JsonObject  *root,
                                  GDateTime   *now,
                                  GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("dialogflow-cx", now);
  JsonObject *session_info, *intent_info, *page_info, *session_params = NULL;
  JsonArray *messages;
  const char *session, *text = NULL, *transcript = NULL, *language = NULL;
  const char *intent_name = NULL, *page_name = NULL;
  double confidence = -1;
  gboolean handoff = FALSE;

  if (!_hd_import_get_object (root, "", "sessionInfo", TRUE, &session_info, error) ||
      !_hd_import_get_string (session_info, "/sessionInfo", "session", TRUE, &session, error) ||
      !_hd_import_get_object (session_info, "/sessionInfo", "parameters", FALSE, &session_params, error) ||
      !_hd_import_get_object (root, "", "intentInfo", FALSE, &intent_info, error) ||
      !_hd_import_get_object (root, "", "pageInfo", FALSE, &page_info, error) ||
      !_hd_import_get_array (root, "", "messages", FALSE, &messages, error) ||
      !_hd_import_get_string (root, "", "text", FALSE, &text, error) ||
      !_hd_import_get_string (root, "", "transcript", FALSE, &transcript, error) ||
      !_hd_import_get_string (root, "", "languageCode", FALSE, &language, error))
    return NULL;
  if (!take_agent (draft, session, "sessions"))
    {
      _hd_import_fail (error, "/sessionInfo/session", NULL,
                       _("not a session name (projects/…/agents/…/sessions/…)"));
      return NULL;
    }
  if (page_info != NULL &&
      !_hd_import_get_string (page_info, "/pageInfo", "displayName", FALSE, &page_name, error))
    return NULL;
  /* The page the flow was on, unless it is the handoff page itself. */
  if (page_name != NULL && !_hd_import_is_handoff_name (page_name))
    draft->bot_flow = g_strdup (page_name);

  /* The webhook runs before the agent answers: the customer spoke first. */
  if (!_hd_import_draft_add_turn (draft, "customer", now, text != NULL ? text : transcript,
                                  text != NULL ? "/text" : "/transcript", error))
    return NULL;

  if (intent_info != NULL)
    {
      if (!_hd_import_get_string (intent_info, "/intentInfo", "displayName", FALSE, &intent_name, error) ||
          !_hd_import_get_number (intent_info, "/intentInfo", "confidence", FALSE, &confidence, error))
        return NULL;
      if (intent_name == NULL)
        intent_name = _hd_import_last_segment (_hd_import_lookup_string (intent_info, "lastMatchedIntent"));
      _hd_import_draft_add_intent (draft, intent_name, now, confidence, "matched");
      draft->primary = g_strdup (intent_name);
      if (json_object_has_member (intent_info, "parameters") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (intent_info, "parameters")))
        take_parameters (draft, json_object_get_object_member (intent_info, "parameters"));
    }
  else if (text != NULL || transcript != NULL)
    {
      /* Input that matched no intent: the agent fell back. */
      _hd_import_draft_add_intent (draft, "no_match", now, -1, "fallback");
      draft->reason = "low_confidence";
    }

  take_parameters (draft, session_params);
  if (!take_messages (draft, messages, "/messages", now, &handoff, error))
    return NULL;

  draft->sentiment = map_sentiment (root);
  draft->language = g_strdup (language);
  draft->channel = "other";
  draft->turn_id = g_strdup (_hd_import_lookup_string (root, "detectIntentResponseId"));
  return _hd_import_draft_finish (draft, error);
}

typedef struct
{
  JsonObject *interaction;
  GDateTime  *time;
  guint       index;
} Interaction;

static int
compare_interactions (gconstpointer a,
                      gconstpointer b)
{
  const Interaction *x = a, *y = b;
  int order = g_date_time_compare (x->time, y->time);

  return order != 0 ? order : (x->index < y->index ? -1 : 1);
}

static gboolean
read_interaction (HdImportDraft *draft,
                  Interaction   *it,
                  gboolean      *handoff,
                  GError       **error)
{
  g_autofree char *pointer = g_strdup_printf ("/interactions/%u", it->index);
  g_autofree char *response_ptr = _hd_import_pointer (pointer, "response");
  g_autofree char *result_ptr = _hd_import_pointer (response_ptr, "queryResult");
  g_autofree char *messages_ptr = _hd_import_pointer (result_ptr, "responseMessages");
  JsonObject *response = NULL, *result = NULL, *match = NULL, *page = NULL, *params = NULL;
  JsonArray *messages = NULL;
  const char *utterance = NULL, *match_type = NULL, *page_name = NULL;
  double confidence = -1;
  gboolean handed_off = FALSE;

  if (!_hd_import_get_string (it->interaction, pointer, "requestUtterances", FALSE, &utterance, error) ||
      !_hd_import_get_object (it->interaction, pointer, "response", FALSE, &response, error))
    return FALSE;
  if (utterance == NULL)
    {
      JsonObject *request, *input, *text;

      /* request.queryInput.text.text, when the utterance was not copied. */
      if (json_object_has_member (it->interaction, "request") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (it->interaction, "request")) &&
          (request = json_object_get_object_member (it->interaction, "request")) != NULL &&
          json_object_has_member (request, "queryInput") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (request, "queryInput")) &&
          (input = json_object_get_object_member (request, "queryInput")) != NULL &&
          json_object_has_member (input, "text") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (input, "text")) &&
          (text = json_object_get_object_member (input, "text")) != NULL)
        {
          g_autofree char *text_ptr = g_strdup_printf ("%s/request/queryInput/text", pointer);

          if (!_hd_import_get_string (text, text_ptr, "text", FALSE, &utterance, error))
            return FALSE;
        }
    }
  if (!_hd_import_draft_add_turn (draft, "customer", it->time, utterance, pointer, error))
    return FALSE;

  if (response == NULL)
    return TRUE;
  if (!_hd_import_get_object (response, response_ptr, "queryResult", FALSE, &result, error))
    return FALSE;
  if (result == NULL)
    return TRUE;
  if (!_hd_import_get_object (result, result_ptr, "match", FALSE, &match, error) ||
      !_hd_import_get_object (result, result_ptr, "currentPage", FALSE, &page, error) ||
      !_hd_import_get_object (result, result_ptr, "parameters", FALSE, &params, error) ||
      !_hd_import_get_array (result, result_ptr, "responseMessages", FALSE, &messages, error))
    return FALSE;

  if (match != NULL)
    {
      g_autofree char *match_ptr = _hd_import_pointer (result_ptr, "match");
      JsonObject *intent = NULL;
      const char *name = NULL;

      if (!_hd_import_get_string (match, match_ptr, "matchType", FALSE, &match_type, error) ||
          !_hd_import_get_number (match, match_ptr, "confidence", FALSE, &confidence, error) ||
          !_hd_import_get_object (match, match_ptr, "intent", FALSE, &intent, error))
        return FALSE;
      if (intent != NULL)
        name = _hd_import_lookup_string (intent, "displayName");
      if (match_type != NULL && (g_str_equal (match_type, "INTENT") ||
                                 g_str_equal (match_type, "DIRECT_INTENT")) && name != NULL)
        {
          _hd_import_draft_add_intent (draft, name, it->time, confidence, "matched");
          if (!_hd_import_is_handoff_name (name))
            {
              g_free (draft->primary);
              draft->primary = g_strdup (name);
            }
        }
      else if (match_type != NULL && g_str_equal (match_type, "NO_MATCH"))
        {
          const char *guess = NULL;

          /* A missing transition names the intent NLU saw but the page did not take. */
          guess = _hd_import_lookup_string (_hd_import_lookup_object (it->interaction, "missingTransition"),
                                            "intentDisplayName");
          _hd_import_draft_add_intent (draft, guess != NULL ? guess : "no_match", it->time,
                                       -1, "fallback");
        }
    }
  if (page != NULL)
    page_name = _hd_import_lookup_string (page, "displayName");
  if (page_name != NULL && !_hd_import_is_handoff_name (page_name))
    {
      g_free (draft->bot_flow);
      /* The page the flow was on, unless it is the handoff page itself. */
  if (page_name != NULL && !_hd_import_is_handoff_name (page_name))
    draft->bot_flow = g_strdup (page_name);
    }
  take_parameters (draft, params);
  if (!take_messages (draft, messages, messages_ptr, it->time, &handed_off, error))
    return FALSE;
  if (map_sentiment (result) != NULL)
    draft->sentiment = map_sentiment (result);

  if (handed_off)
    {
      *handoff = TRUE;
      g_clear_pointer (&draft->created_at, g_date_time_unref);
      draft->created_at = g_date_time_ref (it->time);
    }
  return TRUE;
}

JsonNode *
_hd_import_dialogflow_cx_conversation (JsonObject  *root,
                                       GDateTime   *now,
                                       GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("dialogflow-cx", now);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Interaction));
  JsonArray *interactions;
  const char *name, *language = NULL, *type = NULL;
  gboolean handoff = FALSE;
  guint n_fallbacks = 0;

  if (!_hd_import_get_string (root, "", "name", TRUE, &name, error) ||
      !_hd_import_get_array (root, "", "interactions", TRUE, &interactions, error) ||
      !_hd_import_get_string (root, "", "languageCode", FALSE, &language, error) ||
      !_hd_import_get_string (root, "", "type", FALSE, &type, error))
    return NULL;
  if (!take_agent (draft, name, "conversations"))
    {
      _hd_import_fail (error, "/name", NULL,
                       _("not a conversation name (projects/…/agents/…/conversations/…)"));
      return NULL;
    }

  /* The API does not promise an order: sort by createTime. */
  for (guint i = 0; i < json_array_get_length (interactions); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/interactions/%u", i);
      Interaction it = { NULL, NULL, i };
      const char *created;

      if ((it.interaction = _hd_import_array_object (interactions, i, "/interactions", error)) == NULL ||
          !_hd_import_get_string (it.interaction, pointer, "createTime", TRUE, &created, error))
        goto fail;
      if ((it.time = _hd_import_parse_time (created)) == NULL)
        {
          _hd_import_fail (error, pointer, "createTime", _("not an RFC 3339 time"));
          goto fail;
        }
      g_array_append_val (order, it);
    }
  g_array_sort (order, compare_interactions);

  for (guint i = 0; i < order->len; i++)
    if (!read_interaction (draft, &g_array_index (order, Interaction, i), &handoff, error))
      goto fail;

  if (draft->created_at == NULL && order->len > 0)
    draft->created_at = g_date_time_ref (g_array_index (order, Interaction, order->len - 1).time);
  for (guint i = 0; i < json_array_get_length (draft->history); i++)
    {
      JsonObject *entry = json_array_get_object_element (draft->history, i);

      if (i + 2 >= json_array_get_length (draft->history) &&
          g_str_equal (json_object_get_string_member (entry, "outcome"), "fallback"))
        n_fallbacks++;
    }
  if (draft->reason == NULL && n_fallbacks > 0)
    draft->reason = "low_confidence";
  draft->language = g_strdup (language);
  draft->channel = type != NULL && g_str_equal (type, "AUDIO") ? "voice" : "other";

  for (guint i = 0; i < order->len; i++)
    g_date_time_unref (g_array_index (order, Interaction, i).time);
  return _hd_import_draft_finish (draft, error);

fail:
  for (guint i = 0; i < order->len; i++)
    g_date_time_unref (g_array_index (order, Interaction, i).time);
  return NULL;
}
