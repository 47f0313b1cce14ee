/* hd-import-draft.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-import-private.h"
#include "hd-mask.h"
#include "hd-packet-parser.h"
#include "hd-time.h"

/* The draft packet every importer fills, and its one way out as packet
 * JSON.  Names from the platforms ("Default Welcome Intent", a Lex slot, a
 * Rasa sender id) become packet tokens here, and text is masked here with
 * the packet parser's own rules, so what an importer prints or posts never
 * holds a full number. */

HdImportDraft *
_hd_import_draft_new (const char *source,
                      GDateTime  *now)
{
  HdImportDraft *draft = g_new0 (HdImportDraft, 1);

  draft->source = source;
  draft->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  draft->transcript = json_array_new ();
  draft->history = json_array_new ();
  draft->entity_names = g_ptr_array_new_with_free_func (g_free);
  draft->entity_values = g_ptr_array_new_with_free_func (g_free);
  return draft;
}

void
_hd_import_draft_free (HdImportDraft *draft)
{
  g_free (draft->conversation_id);
  g_clear_pointer (&draft->created_at, g_date_time_unref);
  g_clear_pointer (&draft->now, g_date_time_unref);
  g_free (draft->bot_id);
  g_free (draft->bot_flow);
  g_free (draft->customer_name);
  g_free (draft->crm_account_id);
  g_free (draft->crm_contact_id);
  g_free (draft->verification_method);
  json_array_unref (draft->transcript);
  json_array_unref (draft->history);
  g_ptr_array_unref (draft->entity_names);
  g_ptr_array_unref (draft->entity_values);
  g_free (draft->primary);
  g_free (draft->detail);
  g_free (draft->language);
  g_free (draft->skill_group);
  g_free (draft->case_id);
  g_free (draft->case_type);
  g_free (draft->case_subcategory);
  g_free (draft->summary_text);
  g_free (draft->unresolved_issue);
  g_free (draft->product_category);
  g_free (draft->segment);
  g_free (draft->turn_id);
  g_free (draft);
}

/* A platform's name as a packet token: letters, digits and ". _ : / -",
 * anything else (spaces above all) as "_", at most 128 bytes, starting with a
 * letter or digit.  NULL when nothing is left. */
static char *
to_token (const char *name)
{
  GString *out;

  if (name == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *c = name; *c != '\0' && out->len < 128; c++)
    {
      if (g_ascii_isalnum (*c) || (out->len > 0 && strchr ("._:/-", *c) != NULL))
        g_string_append_c (out, *c);
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
take_string (JsonObject *object,
             const char *member,
             char       *value)
{
  json_object_set_string_member (object, member, value);
  g_free (value);
}

static char *
format_time (GDateTime *time)
{
  return hd_time_format_rfc3339 (time, g_date_time_get_microsecond (time) != 0 ? 3 : 0);
}

gboolean
_hd_import_draft_add_turn (HdImportDraft  *draft,
                           const char     *speaker,
                           GDateTime      *time,
                           const char     *text,
                           const char     *pointer,
                           GError        **error)
{
  JsonObject *turn;
  g_autofree char *when = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (json_array_get_length (draft->transcript) >= HD_PACKET_DEFAULT_MAX_TURNS)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("%s: more than %u turns exceed the limit of a packet"),
                   pointer, (guint) HD_PACKET_DEFAULT_MAX_TURNS);
      return FALSE;
    }

  when = format_time (time != NULL ? time : draft->now);
  turn = json_object_new ();
  json_object_set_string_member (turn, "speaker", speaker);
  json_object_set_string_member (turn, "time", when);
  /* A chat turn that is nothing but 4–8 digits answers a code prompt. */
  take_string (turn, "text", hd_mask_text_full (text, HD_MASK_FLAGS_BARE_CODES));
  json_array_add_object_element (draft->transcript, turn);
  return TRUE;
}

void
_hd_import_draft_add_intent (HdImportDraft *draft,
                             const char    *name,
                             GDateTime     *time,
                             double         confidence,
                             const char    *outcome)
{
  g_autofree char *token = to_token (name);
  g_autofree char *when = NULL;
  JsonObject *entry;

  if (token == NULL)
    return;
  when = format_time (time != NULL ? time : draft->now);
  entry = json_object_new ();
  json_object_set_string_member (entry, "name", token);
  json_object_set_string_member (entry, "time", when);
  if (confidence >= 0 && confidence <= 1)
    json_object_set_double_member (entry, "confidence", confidence);
  json_object_set_string_member (entry, "outcome", outcome);
  json_array_add_object_element (draft->history, entry);
}

/* Entity names in the packet's snake case: "LoanNumber" → "loan_number", so
 * that the identifier rule (hd_mask_is_identifier_name ()) sees Lex's and
 * Salesforce's CamelCase names as it sees a Rasa slot's. */
static char *
to_entity_name (const char *name)
{
  g_autoptr(GString) snake = g_string_new (NULL);

  for (const char *c = name; *c != '\0'; c++)
    {
      if (g_ascii_isupper (*c) && c != name && (g_ascii_islower (c[-1]) || g_ascii_isdigit (c[-1])))
        g_string_append_c (snake, '_');
      g_string_append_c (snake, g_ascii_tolower (*c));
    }
  return to_token (snake->str);
}

void
_hd_import_draft_set_entity (HdImportDraft *draft,
                             const char    *name,
                             const char    *value)
{
  g_autofree char *token = name != NULL ? to_entity_name (name) : NULL;

  if (token == NULL || value == NULL || *value == '\0')
    return;
  for (guint i = 0; i < draft->entity_names->len; i++)
    if (g_str_equal (g_ptr_array_index (draft->entity_names, i), token))
      {
        g_free (g_ptr_array_index (draft->entity_values, i));
        g_ptr_array_index (draft->entity_values, i) = g_strdup (value);
        return;
      }
  g_ptr_array_add (draft->entity_names, g_steal_pointer (&token));
  g_ptr_array_add (draft->entity_values, g_strdup (value));
}

const char *
_hd_import_find_value (const char * const *values,
                       const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_ascii_strcasecmp (values[i], value) == 0)
      return values[i];
  return NULL;
}

static const char * const reasons[] = {
  "low_confidence", "regulated_action", "high_emotion", "backend_exception",
  "customer_request", "sla_rule", NULL
};
static const char * const methods[] = {
  "otp", "pin", "kba", "secure_link", "biometric", "other", NULL
};
static const char * const priorities[] = { "low", "normal", "high", "urgent", NULL };

void
_hd_import_replace_str (char       **field,
                        const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
_hd_import_draft_take_value (HdImportDraft *draft,
                             const char    *name,
                             JsonNode      *value)
{
  g_autofree char *text = _hd_import_scalar_text (value);

  if (text == NULL)
    return;

  /* The keys a bot sets for the desk (docs/import/README.md). */
  if (g_str_equal (name, "handoff_reason") && _hd_import_find_value (reasons, text) != NULL)
    draft->reason = _hd_import_find_value (reasons, text);
  else if (g_str_equal (name, "handoff_detail"))
    _hd_import_replace_str (&draft->detail, text);
  else if (g_str_equal (name, "handoff_summary"))
    _hd_import_replace_str (&draft->summary_text, text);
  else if (g_str_equal (name, "customer_name"))
    _hd_import_replace_str (&draft->customer_name, text);
  else if (g_str_equal (name, "authenticated") || g_str_equal (name, "verified"))
    draft->authenticated = g_ascii_strcasecmp (text, "true") == 0;
  else if (g_str_equal (name, "verification_method") && _hd_import_find_value (methods, text) != NULL)
    _hd_import_replace_str (&draft->verification_method, _hd_import_find_value (methods, text));
  else if (g_str_equal (name, "skill_group"))
    _hd_import_replace_str (&draft->skill_group, text);
  else if (g_str_equal (name, "priority") && _hd_import_find_value (priorities, text) != NULL)
    draft->priority = _hd_import_find_value (priorities, text);
  else
    _hd_import_draft_set_entity (draft, name, text);
}

static gboolean
is_salesforce_id (const char *id,
                  const char *prefix)
{
  gsize len = id != NULL ? strlen (id) : 0;

  if ((len != 15 && len != 18) || !g_str_has_prefix (id, prefix))
    return FALSE;
  for (const char *c = id; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

static gboolean
is_language_tag (const char *s)
{
  const char *c = s;
  guint n = 0, subtags = 0;

  while (g_ascii_isalpha (*c))
    c++, n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (*c == '-')
    {
      for (c++, n = 0; g_ascii_isalnum (*c); c++)
        n++;
      if (n < 2 || n > 8 || ++subtags > 4)
        return FALSE;
    }
  return *c == '\0';
}

/* Masked as the packet parser masks a field: a value named like an
 * identifier with more than four digits keeps its last four only. */
static char *
mask_field (const char *name,
            const char *value)
{
  if (hd_mask_is_identifier_name (name))
    {
      guint n_digits = 0;

      for (const char *c = value; *c != '\0'; c++)
        n_digits += g_ascii_isdigit (*c) ? 1 : 0;
      if (n_digits > 4)
        return hd_mask_identifier (value);
    }
  return hd_mask_text_full (value, HD_MASK_FLAGS_NONE);
}

static void
set_text (JsonObject *object,
          const char *member,
          const char *text)
{
  if (text != NULL && *text != '\0')
    take_string (object, member, hd_mask_text_full (text, HD_MASK_FLAGS_NONE));
}

static void
set_token (JsonObject *object,
           const char *member,
           const char *name)
{
  g_autofree char *token = to_token (name);

  if (token != NULL)
    json_object_set_string_member (object, member, token);
}

JsonNode *
_hd_import_draft_finish (HdImportDraft  *draft,
                         GError        **error)
{
  g_autoptr(JsonObject) packet = json_object_new ();
  g_autofree char *conversation = to_token (draft->conversation_id);
  g_autofree char *bot_id = to_token (draft->bot_id);
  g_autofree char *handoff_id = NULL;
  g_autofree char *created = NULL;
  GDateTime *created_at = draft->created_at != NULL ? draft->created_at : draft->now;
  JsonObject *customer = json_object_new ();
  JsonObject *verification = json_object_new ();
  JsonObject *routing = json_object_new ();
  JsonObject *escalation = json_object_new ();
  JsonNode *node;

  if (conversation == NULL)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("the document names no conversation to hand off"));
      json_object_unref (customer);
      json_object_unref (verification);
      json_object_unref (routing);
      json_object_unref (escalation);
      return NULL;
    }

  /* One chat may escalate more than once: the time tells them apart, or
   * for a document without one, the id of the turn it was sent at. */
  if (draft->turn_id != NULL && *draft->turn_id != '\0')
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, draft->turn_id, -1);

      handoff_id = g_strdup_printf ("%s-%.96s-%.12s", draft->source, conversation, digest);
    }
  else
    handoff_id = g_strdup_printf ("%s-%.96s-%" G_GINT64_FORMAT, draft->source, conversation,
                                  g_date_time_to_unix (created_at));
  created = format_time (created_at);
  json_object_set_string_member (packet, "schema_version", "1.0");
  json_object_set_string_member (packet, "handoff_id", handoff_id);
  json_object_set_string_member (packet, "conversation_id", conversation);
  json_object_set_string_member (packet, "created_at", created);

  if (bot_id != NULL)
    {
      JsonObject *bot = json_object_new ();

      json_object_set_string_member (bot, "id", bot_id);
      set_token (bot, "flow", draft->bot_flow);
      json_object_set_object_member (packet, "bot", bot);
    }

  set_text (customer, "name", draft->customer_name);
  set_token (customer, "segment", draft->segment);
  if (is_salesforce_id (draft->crm_account_id, "001") || is_salesforce_id (draft->crm_contact_id, "003"))
    {
      JsonObject *crm = json_object_new ();

      if (is_salesforce_id (draft->crm_account_id, "001"))
        json_object_set_string_member (crm, "account_id", draft->crm_account_id);
      if (is_salesforce_id (draft->crm_contact_id, "003"))
        json_object_set_string_member (crm, "contact_id", draft->crm_contact_id);
      json_object_set_object_member (customer, "crm", crm);
    }
  if (draft->channel != NULL)
    json_object_set_string_member (customer, "channel", draft->channel);
  json_object_set_object_member (packet, "customer", customer);

  json_object_set_boolean_member (verification, "authenticated", draft->authenticated);
  if (draft->authenticated)
    json_object_set_string_member (verification, "method",
                                   draft->verification_method != NULL ? draft->verification_method
                                                                       : "other");
  json_object_set_object_member (packet, "verification", verification);

  if (json_array_get_length (draft->history) > 0 || draft->entity_names->len > 0)
    {
      JsonObject *intents = json_object_new ();
      JsonArray *entities = json_array_new ();

      set_token (intents, "primary", draft->primary);
      json_object_set_array_member (intents, "history", json_array_ref (draft->history));
      for (guint i = 0; i < draft->entity_names->len; i++)
        {
          JsonObject *field = json_object_new ();
          const char *name = g_ptr_array_index (draft->entity_names, i);

          json_object_set_string_member (field, "name", name);
          take_string (field, "value", mask_field (name, g_ptr_array_index (draft->entity_values, i)));
          json_array_add_object_element (entities, field);
        }
      json_object_set_array_member (intents, "entities", entities);
      json_object_set_object_member (packet, "intents", intents);
    }

  if (json_array_get_length (draft->transcript) > 0)
    json_object_set_array_member (packet, "transcript", json_array_ref (draft->transcript));

  if (draft->summary_text != NULL || draft->unresolved_issue != NULL || draft->sentiment != NULL)
    {
      JsonObject *summary = json_object_new ();

      set_text (summary, "text", draft->summary_text);
      set_text (summary, "unresolved_issue", draft->unresolved_issue);
      if (draft->sentiment != NULL)
        json_object_set_string_member (summary, "sentiment", draft->sentiment);
      json_object_set_object_member (packet, "summary", summary);
    }

  json_object_set_string_member (escalation, "reason",
                                 draft->reason != NULL ? draft->reason : "customer_request");
  set_text (escalation, "detail", draft->detail);
  json_object_set_object_member (routing, "escalation", escalation);
  set_token (routing, "skill_group", draft->skill_group);
  set_token (routing, "product_category", draft->product_category);
  if (draft->priority != NULL)
    json_object_set_string_member (routing, "priority", draft->priority);
  if (draft->language != NULL && is_language_tag (draft->language))
    json_object_set_string_member (routing, "language", draft->language);
  json_object_set_object_member (packet, "routing", routing);

  if (is_salesforce_id (draft->case_id, "500") || draft->case_type != NULL || draft->case_subcategory != NULL)
    {
      JsonObject *case_fields = json_object_new ();

      if (is_salesforce_id (draft->case_id, "500"))
        json_object_set_string_member (case_fields, "id", draft->case_id);
      set_token (case_fields, "type", draft->case_type);
      set_token (case_fields, "subcategory", draft->case_subcategory);
      json_object_set_object_member (packet, "case", case_fields);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, packet);
  return node;
}
