/* hd-packet-parser.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-parser"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-json-parse-private.h"
#include "hd-json-reader-private.h"
#include "hd-mask.h"
#include "hd-packet-parser.h"
#include "hd-packet-private.h"

/* A strict, single-pass validator over the json-glib tree.  It walks the
 * members it knows, builds the model objects as it goes, masks every string
 * that can carry a number, and keeps the JSON Pointer of where it is in a
 * GString so that each error can name its place.  Members it does not know are
 * counted and skipped, which is what makes minor schema versions compatible. */

void
hd_packet_limits_init (HdPacketLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_bytes = HD_PACKET_DEFAULT_MAX_BYTES;
  limits->max_turns = HD_PACKET_DEFAULT_MAX_TURNS;
  limits->max_string = HD_PACKET_DEFAULT_MAX_STRING;
  limits->max_depth = HD_PACKET_DEFAULT_MAX_DEPTH;
}

static const HdPacketLimits *
limits_or_default (const HdPacketLimits *limits,
                   HdPacketLimits       *storage)
{
  if (limits != NULL)
    return limits;
  hd_packet_limits_init (storage);
  return storage;
}

/* The context objects.  Each returns a new object, or NULL with the error set. */

static GObject *
parse_account_ref (HdJsonReader *p,
                   JsonObject   *object)
{
  static const char * const known[] = { "kind", "id", "label", NULL };
  g_autoptr(HdAccountRef) self = g_object_new (HD_TYPE_ACCOUNT_REF, NULL);
  const char *id = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_token (p, object, "kind", TRUE, &self->kind) ||
      !_hd_json_read_raw (p, object, "id", TRUE, &id) ||
      !_hd_json_read_text (p, object, "label", FALSE, &self->label))
    return NULL;

  self->masked_id = hd_mask_identifier (id);
  /* Kept only for the journaled reveal flow (hd_packet_reveal_account_id ()). */
  self->raw_id = g_strdup (id);
  return G_OBJECT (g_steal_pointer (&self));
}

static gboolean
check_salesforce_id (HdJsonReader  *p,
                     JsonObject    *object,
                     const char    *key,
                     const char    *prefix,
                     const char    *what,
                     char         **out)
{
  const char *value = NULL;
  gsize len;

  if (!_hd_json_read_raw (p, object, key, FALSE, &value))
    return FALSE;
  if (value == NULL)
    return TRUE;

  len = strlen (value);
  if ((len != 15 && len != 18) || !g_str_has_prefix (value, prefix) ||
      strspn (value, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != len)
    {
      g_autofree char *quoted = _hd_json_quote_value (value);
      gsize old = _hd_json_push (p, key);

      /* TRANSLATORS: the second %s is e.g. "Account", a Salesforce object */
      _hd_json_fail (p, HD_ERROR_PARSE, _("%s is not a Salesforce %s id"), quoted, what);
      _hd_json_pop (p, old);
      return FALSE;
    }

  *out = g_strdup (value);
  return TRUE;
}

static HdCustomer *
parse_customer (HdJsonReader *p,
                JsonObject   *object)
{
  static const char * const known[] = {
    "name", "crm", "segment", "products", "accounts", "linked_accounts", "channel", NULL,
  };
  static const char * const crm_known[] = { "account_id", "contact_id", NULL };
  g_autoptr(HdCustomer) self = g_object_new (HD_TYPE_CUSTOMER, NULL);
  JsonObject *crm = NULL;
  const char *channel = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_text (p, object, "name", FALSE, &self->name) ||
      !_hd_json_read_object (p, object, "crm", FALSE, &crm))
    return NULL;

  if (crm != NULL)
    {
      gsize old = _hd_json_push (p, "crm");
      gboolean ok;

      _hd_json_count_unknown (p, crm, crm_known);
      ok = check_salesforce_id (p, crm, "account_id", "001", "Account", &self->crm_account_id) &&
           check_salesforce_id (p, crm, "contact_id", "003", "Contact", &self->crm_contact_id);
      _hd_json_pop (p, old);
      if (!ok)
        return NULL;
    }

  if (!_hd_json_read_token (p, object, "segment", FALSE, &self->segment) ||
      !_hd_json_read_strv (p, object, "products", TRUE, &self->products) ||
      !_hd_json_read_list (p, object, "accounts", HD_TYPE_ACCOUNT_REF, parse_account_ref,
                           &self->accounts) ||
      !_hd_json_read_list (p, object, "linked_accounts", HD_TYPE_ACCOUNT_REF, parse_account_ref,
                  &self->linked_accounts) ||
      !_hd_json_read_raw (p, object, "channel", FALSE, &channel))
    return NULL;

  if (channel != NULL && !hd_channel_from_string (channel, &self->channel))
    return _hd_json_fail_member_unknown_value (p, "channel", channel), NULL;

  return g_steal_pointer (&self);
}

static GObject *
parse_consent (HdJsonReader *p,
               JsonObject   *object)
{
  static const char * const known[] = { "id", "text", "acknowledged_at", NULL };
  g_autoptr(HdConsent) self = g_object_new (HD_TYPE_CONSENT, NULL);

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_token (p, object, "id", TRUE, &self->id) ||
      !_hd_json_read_text (p, object, "text", FALSE, &self->text) ||
      !_hd_json_read_time (p, object, "acknowledged_at", TRUE, &self->acknowledged_at))
    return NULL;

  return G_OBJECT (g_steal_pointer (&self));
}

static HdVerification *
parse_verification (HdJsonReader *p,
                    JsonObject   *object)
{
  static const char * const known[] = {
    "authenticated", "method", "verified_at", "scope", "consents", "reverification_required",
    NULL,
  };
  g_autoptr(HdVerification) self = g_object_new (HD_TYPE_VERIFICATION, NULL);
  const char *method = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_boolean (p, object, "authenticated", TRUE, &self->authenticated) ||
      !_hd_json_read_raw (p, object, "method", self->authenticated, &method))
    return NULL;

  if (method != NULL && !hd_verification_method_from_string (method, &self->method))
    return _hd_json_fail_member_unknown_value (p, "method", method), NULL;

  if (!_hd_json_read_time (p, object, "verified_at", FALSE, &self->verified_at) ||
      !_hd_json_read_strv (p, object, "scope", TRUE, &self->scope) ||
      !_hd_json_read_list (p, object, "consents", HD_TYPE_CONSENT, parse_consent,
                           &self->consents) ||
      !_hd_json_read_boolean (p, object, "reverification_required", FALSE,
                     &self->reverification_required))
    return NULL;

  return g_steal_pointer (&self);
}

static GObject *
parse_intent (HdJsonReader *p,
              JsonObject   *object)
{
  static const char * const known[] = { "name", "time", "confidence", "outcome", NULL };
  g_autoptr(HdIntent) self = g_object_new (HD_TYPE_INTENT, NULL);
  const char *outcome = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_token (p, object, "name", TRUE, &self->name) ||
      !_hd_json_read_time (p, object, "time", TRUE, &self->time) ||
      !_hd_json_read_unit (p, object, "confidence", &self->confidence) ||
      !_hd_json_read_raw (p, object, "outcome", FALSE, &outcome))
    return NULL;

  if (outcome != NULL && !hd_intent_outcome_from_string (outcome, &self->outcome))
    return _hd_json_fail_member_unknown_value (p, "outcome", outcome), NULL;

  return G_OBJECT (g_steal_pointer (&self));
}

static GObject *
parse_field (HdJsonReader *p,
             JsonObject   *object)
{
  static const char * const known[] = { "name", "label", "value", NULL };
  g_autoptr(HdField) self = g_object_new (HD_TYPE_FIELD, NULL);
  const char *value = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_token (p, object, "name", TRUE, &self->name) ||
      !_hd_json_read_text (p, object, "label", FALSE, &self->label) ||
      !_hd_json_read_raw (p, object, "value", TRUE, &value))
    return NULL;

  /* "loan_number": "LN-2024-88120456" is an identifier, whatever its shape. */
  if (hd_mask_is_identifier_name (self->name))
    {
      guint n_digits = 0;

      for (const char *c = value; *c != '\0'; c++)
        n_digits += g_ascii_isdigit (*c) ? 1 : 0;
      if (n_digits > 4)
        self->value = hd_mask_identifier (value);
    }
  if (self->value == NULL)
    self->value = hd_mask_text_full (value, HD_MASK_FLAGS_NONE);

  return G_OBJECT (g_steal_pointer (&self));
}

static GObject *
parse_attachment (HdJsonReader *p,
                  JsonObject   *object)
{
  static const char * const known[] = { "id", "name", "content_type", NULL };
  g_autoptr(HdAttachment) self = g_object_new (HD_TYPE_ATTACHMENT, NULL);

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_token (p, object, "id", TRUE, &self->id) ||
      !_hd_json_read_text (p, object, "name", FALSE, &self->name) ||
      !_hd_json_read_token (p, object, "content_type", FALSE, &self->content_type))
    return NULL;

  return G_OBJECT (g_steal_pointer (&self));
}

static gboolean
read_turn_text (HdJsonReader  *p,
                JsonObject    *object,
                char         **out)
{
  HD_JSON_WITH_MEMBER (p, object, "text", TRUE,
                       _hd_json_node_get_text (p, node_, HD_JSON_TEXT_TURN, out));
  return TRUE;
}

static HdTurn *
parse_turn (HdJsonReader *p,
            JsonObject   *object)
{
  static const char * const known[] = { "speaker", "time", "text", "attachments", NULL };
  g_autoptr(HdTurn) self = g_object_new (HD_TYPE_TURN, NULL);
  const char *speaker = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_raw (p, object, "speaker", TRUE, &speaker))
    return NULL;
  if (!hd_speaker_from_string (speaker, &self->speaker))
    return _hd_json_fail_member_unknown_value (p, "speaker", speaker), NULL;

  if (!_hd_json_read_time (p, object, "time", TRUE, &self->time))
    return NULL;

  if (!read_turn_text (p, object, &self->text))
    return NULL;

  /* Most turns have no attachments: leave the store to the getter. */
  if (json_object_has_member (object, "attachments") &&
      !_hd_json_read_list (p, object, "attachments", HD_TYPE_ATTACHMENT, parse_attachment,
                  &self->attachments))
    return NULL;

  return g_steal_pointer (&self);
}

static GObject *
parse_turn_item (HdJsonReader *p,
                 JsonObject   *object)
{
  return G_OBJECT (parse_turn (p, object));
}

static gboolean
parse_intents (HdJsonReader *p,
               JsonObject   *object,
               HdPacket     *packet)
{
  static const char * const known[] = { "primary", "history", "entities", NULL };

  _hd_json_count_unknown (p, object, known);
  g_clear_object (&packet->intents);
  g_clear_object (&packet->entities);
  if (!_hd_json_read_token (p, object, "primary", FALSE, &packet->primary_intent_name) ||
      !_hd_json_read_list (p, object, "history", HD_TYPE_INTENT, parse_intent, &packet->intents) ||
      !_hd_json_read_list (p, object, "entities", HD_TYPE_FIELD, parse_field, &packet->entities))
    return FALSE;

  return TRUE;
}

static HdSummary *
parse_summary (HdJsonReader *p,
               JsonObject   *object)
{
  static const char * const known[] = {
    "text", "unresolved_issue", "actions_attempted", "sentiment", "frustration", NULL,
  };
  g_autoptr(HdSummary) self = g_object_new (HD_TYPE_SUMMARY, NULL);
  const char *sentiment = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_text (p, object, "text", FALSE, &self->text) ||
      !_hd_json_read_text (p, object, "unresolved_issue", FALSE, &self->unresolved_issue) ||
      !_hd_json_read_strv (p, object, "actions_attempted", FALSE, &self->actions_attempted) ||
      !_hd_json_read_raw (p, object, "sentiment", FALSE, &sentiment))
    return NULL;

  if (sentiment != NULL && !hd_sentiment_from_string (sentiment, &self->sentiment))
    return _hd_json_fail_member_unknown_value (p, "sentiment", sentiment), NULL;

  if (!_hd_json_read_unit (p, object, "frustration", &self->frustration))
    return NULL;

  return g_steal_pointer (&self);
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

static gboolean
parse_sla (HdJsonReader *p,
           JsonObject   *object,
           HdRouting    *self)
{
  static const char * const known[] = { "started_at", "target_seconds", NULL };
  JsonNode *target;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_time (p, object, "started_at", TRUE, &self->sla_start) ||
      !_hd_json_get_member (p, object, "target_seconds", FALSE, &target))
    return FALSE;

  if (target != NULL)
    {
      gsize old = _hd_json_push (p, "target_seconds");
      gint64 seconds;

      if (!JSON_NODE_HOLDS_VALUE (target) || json_node_get_value_type (target) != G_TYPE_INT64)
        return _hd_json_fail (p, HD_ERROR_PARSE, _("expected an integer, found %s"),
                     _hd_json_node_type_name (target));

      seconds = json_node_get_int (target);
      if (seconds < 1 || seconds > 30 * 24 * 3600)
        return _hd_json_fail (p, HD_ERROR_PARSE,
                              _("%" G_GINT64_FORMAT " is not between 1 and 2592000 seconds"),
                              seconds);

      self->sla_target_seconds = (guint) seconds;
      _hd_json_pop (p, old);
    }

  return TRUE;
}

static HdRouting *
parse_routing (HdJsonReader *p,
               JsonObject   *object)
{
  static const char * const known[] = {
    "escalation", "skill_group", "product_category", "priority", "language", "vip",
    "vulnerable", "sla", NULL,
  };
  static const char * const escalation_known[] = { "reason", "detail", NULL };
  g_autoptr(HdRouting) self = g_object_new (HD_TYPE_ROUTING, NULL);
  JsonObject *escalation = NULL;
  JsonObject *sla = NULL;
  const char *reason = NULL;
  const char *priority = NULL;
  const char *language = NULL;
  gsize old;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_object (p, object, "escalation", TRUE, &escalation))
    return NULL;

  old = _hd_json_push (p, "escalation");
  _hd_json_count_unknown (p, escalation, escalation_known);
  if (!_hd_json_read_raw (p, escalation, "reason", TRUE, &reason))
    return NULL;
  if (!hd_escalation_reason_from_string (reason, &self->escalation_reason))
    return _hd_json_fail_member_unknown_value (p, "reason", reason), NULL;
  if (!_hd_json_read_text (p, escalation, "detail", FALSE, &self->escalation_detail))
    return NULL;
  _hd_json_pop (p, old);

  if (!_hd_json_read_token (p, object, "skill_group", FALSE, &self->skill_group) ||
      !_hd_json_read_token (p, object, "product_category", FALSE, &self->product_category) ||
      !_hd_json_read_raw (p, object, "priority", FALSE, &priority))
    return NULL;

  if (priority != NULL && !hd_priority_from_string (priority, &self->priority))
    return _hd_json_fail_member_unknown_value (p, "priority", priority), NULL;

  if (!_hd_json_read_raw (p, object, "language", FALSE, &language))
    return NULL;
  if (language != NULL)
    {
      if (!is_language_tag (language))
        {
          g_autofree char *quoted = _hd_json_quote_value (language);

          old = _hd_json_push (p, "language");
          _hd_json_fail (p, HD_ERROR_PARSE, _("%s is not a BCP 47 language tag"), quoted);
          return NULL;
        }
      self->language = g_strdup (language);
    }

  if (!_hd_json_read_boolean (p, object, "vip", FALSE, &self->vip) ||
      !_hd_json_read_boolean (p, object, "vulnerable", FALSE, &self->vulnerable) ||
      !_hd_json_read_object (p, object, "sla", FALSE, &sla))
    return NULL;

  if (sla != NULL)
    {
      old = _hd_json_push (p, "sla");
      if (!parse_sla (p, sla, self))
        return NULL;
      _hd_json_pop (p, old);
    }

  return g_steal_pointer (&self);
}

static HdCaseFields *
parse_case (HdJsonReader *p,
            JsonObject   *object)
{
  static const char * const known[] = {
    "id", "type", "subcategory", "disposition", "form_fields", "documents_requested",
    "next_best_action", NULL,
  };
  g_autoptr(HdCaseFields) self = g_object_new (HD_TYPE_CASE_FIELDS, NULL);
  const char *id = NULL;

  _hd_json_count_unknown (p, object, known);
  if (!_hd_json_read_raw (p, object, "id", FALSE, &id))
    return NULL;

  if (g_strcmp0 (id, "create") == 0)
    self->create_case = TRUE;
  else if (id != NULL && !check_salesforce_id (p, object, "id", "500", "Case", &self->case_id))
    return NULL;

  if (!_hd_json_read_token (p, object, "type", FALSE, &self->case_type) ||
      !_hd_json_read_token (p, object, "subcategory", FALSE, &self->subcategory) ||
      !_hd_json_read_token (p, object, "disposition", FALSE, &self->disposition) ||
      !_hd_json_read_list (p, object, "form_fields", HD_TYPE_FIELD, parse_field,
                           &self->form_fields) ||
      !_hd_json_read_strv (p, object, "documents_requested", FALSE, &self->documents_requested) ||
      !_hd_json_read_text (p, object, "next_best_action", FALSE, &self->next_best_action))
    return NULL;

  return g_steal_pointer (&self);
}

/* Envelope and version */

static gboolean
check_version (HdJsonReader *p,
               JsonObject   *root,
               HdPacket     *packet)
{
  const char *version = NULL;
  const char *dot;
  guint64 major = 0, minor = 0;
  gsize old;

  if (!_hd_json_read_raw (p, root, "schema_version", TRUE, &version))
    return FALSE;

  old = _hd_json_push (p, "schema_version");
  dot = strchr (version, '.');
  if (dot == NULL || dot == version || dot - version > 4 || strlen (dot + 1) > 4 ||
      strspn (version, "0123456789") != (gsize) (dot - version) ||
      dot[1] == '\0' || strspn (dot + 1, "0123456789") != strlen (dot + 1))
    {
      g_autofree char *quoted = _hd_json_quote_value (version);

      return _hd_json_fail (p, HD_ERROR_PARSE, _("%s is not a MAJOR.MINOR version"), quoted);
    }

  major = g_ascii_strtoull (version, NULL, 10);
  minor = g_ascii_strtoull (dot + 1, NULL, 10);
  if (major != HD_PACKET_SCHEMA_MAJOR)
    return _hd_json_fail (p, HD_ERROR_VERSION,
                 _("schema version %s is not supported: this version of HandoffDesk reads "
                   "version %d.x packets"), version, HD_PACKET_SCHEMA_MAJOR);
  _hd_json_pop (p, old);

  (void) minor;  /* any minor version of our major is readable */
  packet->schema_version = g_strdup (version);
  return TRUE;
}

static HdPacket *
parse_root (HdJsonReader *p,
            JsonNode     *root_node)
{
  static const char * const known[] = {
    "schema_version", "handoff_id", "conversation_id", "created_at", "bot", "customer",
    "verification", "intents", "transcript", "summary", "routing", "case", NULL,
  };
  static const char * const bot_known[] = { "id", "flow", NULL };
  g_autoptr(HdPacket) packet = g_object_new (HD_TYPE_PACKET, NULL);
  JsonObject *root = NULL;
  JsonObject *object = NULL;
  JsonArray *transcript = NULL;
  gsize old;

  if (!_hd_json_node_get_object (p, root_node, &root))
    return NULL;

  /* The version decides how to read everything else, so it comes first. */
  if (!check_version (p, root, packet))
    return NULL;

  _hd_json_count_unknown (p, root, known);
  if (!_hd_json_read_token (p, root, "handoff_id", TRUE, &packet->handoff_id) ||
      !_hd_json_read_token (p, root, "conversation_id", TRUE, &packet->conversation_id) ||
      !_hd_json_read_time (p, root, "created_at", TRUE, &packet->created_at))
    return NULL;

  if (!_hd_json_read_object (p, root, "bot", FALSE, &object))
    return NULL;
  if (object != NULL)
    {
      old = _hd_json_push (p, "bot");
      _hd_json_count_unknown (p, object, bot_known);
      if (!_hd_json_read_token (p, object, "id", TRUE, &packet->bot_id) ||
          !_hd_json_read_token (p, object, "flow", FALSE, &packet->bot_flow))
        return NULL;
      _hd_json_pop (p, old);
    }

  object = NULL;
  if (!_hd_json_read_object (p, root, "customer", TRUE, &object))
    return NULL;
  old = _hd_json_push (p, "customer");
  if ((packet->customer = parse_customer (p, object)) == NULL)
    return NULL;
  _hd_json_pop (p, old);

  if (!_hd_json_read_object (p, root, "verification", TRUE, &object))
    return NULL;
  old = _hd_json_push (p, "verification");
  if ((packet->verification = parse_verification (p, object)) == NULL)
    return NULL;
  _hd_json_pop (p, old);

  object = NULL;
  packet->intents = g_list_store_new (HD_TYPE_INTENT);
  packet->entities = g_list_store_new (HD_TYPE_FIELD);
  if (!_hd_json_read_object (p, root, "intents", FALSE, &object))
    return NULL;
  if (object != NULL)
    {
      old = _hd_json_push (p, "intents");
      if (!parse_intents (p, object, packet))
        return NULL;
      _hd_json_pop (p, old);
    }

  if (!_hd_json_read_array (p, root, "transcript", &transcript))
    return NULL;
  if (transcript != NULL && json_array_get_length (transcript) > p->limits->max_turns)
    {
      old = _hd_json_push (p, "transcript");
      _hd_json_fail (p, HD_ERROR_LIMIT, _("%u turns exceed the limit of %u"),
            json_array_get_length (transcript), p->limits->max_turns);
      return NULL;
    }
  if (!_hd_json_read_list (p, root, "transcript", HD_TYPE_TURN, parse_turn_item,
                           &packet->transcript))
    return NULL;

  object = NULL;
  if (!_hd_json_read_object (p, root, "summary", FALSE, &object))
    return NULL;
  if (object != NULL)
    {
      old = _hd_json_push (p, "summary");
      if ((packet->summary = parse_summary (p, object)) == NULL)
        return NULL;
      _hd_json_pop (p, old);
    }
  else
    packet->summary = g_object_new (HD_TYPE_SUMMARY, NULL);

  if (!_hd_json_read_object (p, root, "routing", TRUE, &object))
    return NULL;
  old = _hd_json_push (p, "routing");
  if ((packet->routing = parse_routing (p, object)) == NULL)
    return NULL;
  _hd_json_pop (p, old);

  object = NULL;
  if (!_hd_json_read_object (p, root, "case", FALSE, &object))
    return NULL;
  if (object != NULL)
    {
      old = _hd_json_push (p, "case");
      if ((packet->case_fields = parse_case (p, object)) == NULL)
        return NULL;
      _hd_json_pop (p, old);
    }
  else
    packet->case_fields = g_object_new (HD_TYPE_CASE_FIELDS, NULL);

  /* The primary intent is the last attempt at it, or a bare name. */
  if (packet->primary_intent_name != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (packet->intents));

      for (guint i = n; i > 0 && packet->primary_intent == NULL; i--)
        {
          g_autoptr(HdIntent) intent = NULL;

          intent = g_list_model_get_item (G_LIST_MODEL (packet->intents), i - 1);

          if (g_strcmp0 (intent->name, packet->primary_intent_name) == 0)
            packet->primary_intent = g_steal_pointer (&intent);
        }

      if (packet->primary_intent == NULL)
        {
          packet->primary_intent = g_object_new (HD_TYPE_INTENT, NULL);
          packet->primary_intent->name = g_strdup (packet->primary_intent_name);
        }
    }

  packet->unknown_field_count = p->unknown;
  return g_steal_pointer (&packet);
}

/* The depth limit for trees made elsewhere */

/* TRUE if the tree nests deeper than max_depth.  Stops descending at the
 * limit, so its own recursion is bounded too.  Bytes never need it (the
 * scanner counts as it reads, read_tree ()); trees handed to
 * hd_packet_parse_node () and hd_turn_parse_node () do: a recording read by
 * JsonParser, or a feed frame, whose bound (HD_FEED_MAX_DEPTH) is the
 * frame's, not the packet's. */
static gboolean
node_too_deep (JsonNode *node,
               guint     depth,
               guint     max_depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
    {
      if (++depth > max_depth)
        return TRUE;

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          JsonNode *child;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, NULL, &child))
            if (node_too_deep (child, depth, max_depth))
              return TRUE;
        }
      else
        {
          JsonArray *array = json_node_get_array (node);
          guint n = json_array_get_length (array);

          for (guint i = 0; i < n; i++)
            if (node_too_deep (json_array_get_element (array, i), depth, max_depth))
              return TRUE;
        }
    }

  return FALSE;
}

static HdPacket *
parse_node_internal (JsonNode              *node,
                     const HdPacketLimits  *limits,
                     gboolean               check_depth,
                     GError               **error)
{
  g_autoptr(GString) pointer = g_string_sized_new (64);
  HdJsonReader p = { limits, pointer, 0, error };

  if (check_depth && node_too_deep (node, 0, limits->max_depth))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("the packet nests deeper than %u levels"), limits->max_depth);
      return NULL;
    }

  return parse_root (&p, node);
}

HdPacket *
hd_packet_parse_node (JsonNode              *node,
                      const HdPacketLimits  *limits,
                      GError               **error)
{
  HdPacketLimits defaults;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_node_internal (node, limits_or_default (limits, &defaults), TRUE, error);
}

HdPacket *
hd_packet_parse_node_with_depth (JsonNode              *node,
                                 const HdPacketLimits  *limits,
                                 guint                  depth,
                                 GError               **error)
{
  HdPacketLimits defaults;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limits = limits_or_default (limits, &defaults);
  return parse_node_internal (node, limits, depth > limits->max_depth, error);
}

static inline gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The document must start with an object or an array (an array then fails
 * as "expected an object"): a packet that is a number or a string is named as
 * such rather than as malformed JSON. */
static gboolean
check_start (const char  *data,
             gsize        len,
             GError     **error)
{
  gsize i = 0;

  while (i < len && is_json_space (data[i]))
    i++;

  if (i == len)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("the packet is empty"));
      return FALSE;
    }

  if (data[i] != '{' && data[i] != '[')
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, _("the packet is not a JSON object"));
      return FALSE;
    }

  return TRUE;
}

/* Where the scanner stopped, as the line and column people count (both
 * from 1, the column in bytes), for the error of a malformed packet. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *newline = NULL;

  *line = 1;
  for (const char *c = data; c < data + offset; c++)
    if (*c == '\n')
      {
        (*line)++;
        newline = c;
      }
  *column = (guint) (data + offset - (newline != NULL ? newline + 1 : data)) + 1;
}

/* The tree of a packet, read by the bounded scanner under hd_json_parse ()
 * (without its seal, a walk of the whole tree that the packet parser does not
 * need), or NULL with the error set.  The scanner reads strict RFC 8259 only,
 * and counts the nesting of arrays and objects exactly as the limit does, so
 * no other depth check is needed, and its recursion stops at the limit.  It
 * also refuses a second value after the first.  @data must be valid UTF-8
 * (the scanner then skips checking strings without escapes again) and start
 * with "{" or "[" after white space (check_start ()). */
static JsonNode *
read_tree (const char  *data,
           gsize        len,
           guint        max_depth,
           GError     **error)
{
  g_auto(HdJsonScan) scan = { 0 };
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  /* Read in place, not from a copy: a copy of a typical packet is a
   * block big enough that malloc first sorts all its freed small blocks,
   * which cost more than the copy saves. */
  _hd_json_scan_init (&scan, data, len, FALSE, max_depth, &local_error);
  scan.input_utf8 = TRUE;
  scan.count_containers = TRUE;
  if ((root = _hd_json_scan_value (&scan, 0)) != NULL)
    {
      while (scan.p < scan.end && is_json_space (*scan.p))
        scan.p++;
      if (scan.p == scan.end)
        return root;

      g_clear_pointer (&root, json_node_unref);
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("malformed JSON: more than one value at the top level (byte offset %"
                     G_GSIZE_FORMAT ")"), (gsize) (scan.p - data));
      return NULL;
    }

  if (scan.too_deep)
    g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                 _("the packet nests deeper than %u levels"), max_depth);
  else
    {
      const char *what = local_error->message;
      guint line, column;

      /* The scanner says "invalid JSON at byte N: what"; name the place as
       * a person reading the packet would look for it. */
      if (g_str_has_prefix (what, "invalid JSON at byte ") && (what = strstr (what, ": ")) != NULL)
        what += 2;
      else
        what = local_error->message;
      locate (data, (gsize) (scan.p - data), &line, &column);
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   _("malformed JSON at line %u, column %u: %s"), line, column, what);
    }
  return NULL;
}

HdPacket *
hd_packet_parse_bytes (GBytes                *json,
                       const HdPacketLimits  *limits,
                       GError               **error)
{
  HdPacketLimits defaults;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  const char *invalid = NULL;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limits = limits_or_default (limits, &defaults);
  data = g_bytes_get_data (json, &len);

  if (len > limits->max_bytes)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_LIMIT,
                   _("the packet is %" G_GSIZE_FORMAT " bytes, more than the limit of %"
                     G_GSIZE_FORMAT " bytes"), len, limits->max_bytes);
      return NULL;
    }

  /* One pass for the whole input, so the scanner need not check each
   * string again, and the error names the byte. */
  if (!g_utf8_validate_len (data, len, &invalid))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE,
                   *invalid == '\0' ? _("NUL byte at offset %" G_GSIZE_FORMAT)
                                    : _("invalid UTF-8 at byte offset %" G_GSIZE_FORMAT),
                   (gsize) (invalid - data));
      return NULL;
    }

  if (!check_start (data, len, error))
    return NULL;

  if ((root = read_tree (data, len, limits->max_depth, error)) == NULL)
    return NULL;

  return parse_node_internal (root, limits, FALSE, error);
}

HdTurn *
hd_turn_parse_node (JsonNode    *node,
                    const char  *pointer,
                    GError     **error)
{
  HdPacketLimits limits;
  g_autoptr(GString) path = NULL;
  HdJsonReader p = { &limits, NULL, 0, error };
  JsonObject *object = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hd_packet_limits_init (&limits);
  path = g_string_new (pointer != NULL ? pointer : "");
  p.pointer = path;

  if (node_too_deep (node, 0, limits.max_depth))
    {
      _hd_json_fail (&p, HD_ERROR_LIMIT, _("the turn nests deeper than %u levels"),
                     limits.max_depth);
      return NULL;
    }

  if (!_hd_json_node_get_object (&p, node, &object))
    return NULL;

  return parse_turn (&p, object);
}

/* Async */

typedef struct
{
  GBytes         *json;
  HdPacketLimits  limits;
} ParseData;

static void
parse_data_free (gpointer data)
{
  ParseData *parse_data = data;

  g_bytes_unref (parse_data->json);
  g_free (parse_data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  HdPacket *packet;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((packet = hd_packet_parse_bytes (data->json, &data->limits, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, packet, g_object_unref);
}

void
hd_packet_parse_bytes_async (GBytes               *json,
                             const HdPacketLimits *limits,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ParseData *data;

  g_return_if_fail (json != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ParseData, 1);
  data->json = g_bytes_ref (json);
  if (limits != NULL)
    data->limits = *limits;
  else
    hd_packet_limits_init (&data->limits);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_packet_parse_bytes_async);
  g_task_set_task_data (task, data, parse_data_free);
  g_task_run_in_thread (task, parse_thread);
}

HdPacket *
hd_packet_parse_bytes_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hd_packet_parse_bytes_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
