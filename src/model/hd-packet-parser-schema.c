/* hd-packet-parser-schema.c
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
#include "hd-mask.h"
#include "hd-packet-parser-private.h"

/* A strict, single-pass validator over the json-glib tree.  It walks the
 * members it knows, builds the model objects as it goes, masks every string
 * that can carry a number, and keeps the JSON Pointer of where it is in a
 * GString so that each error can name its place.  Members it does not know are
 * counted and skipped, which is what makes minor schema versions compatible. */

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

HdTurn *
_hd_packet_parse_turn (HdJsonReader *p,
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
  return G_OBJECT (_hd_packet_parse_turn (p, object));
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
                              _("%lld is not between 1 and 2592000 seconds"),
                              (long long) seconds);

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
    "escalation", "skill_group", "skill_group_label", "product_category", "priority",
    "language", "vip", "vulnerable", "sla", NULL,
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
      !_hd_json_read_label (p, object, "skill_group_label", &self->skill_group_label) ||
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
    "id", "type", "type_label", "subcategory", "disposition", "form_fields",
    "documents_requested", "next_best_action", NULL,
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
      !_hd_json_read_label (p, object, "type_label", &self->case_type_label) ||
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

/* The transcript, from the tree or from the decoder. */
static gboolean
parse_transcript (HdJsonReader             *p,
                  JsonObject               *root,
                  const HdPacketTranscript *decoded,
                  HdPacket                 *packet)
{
  JsonArray *transcript = NULL;
  guint n;

  if (decoded != NULL && decoded->decoded)
    n = decoded->n_turns;
  else if (!_hd_json_read_array (p, root, "transcript", &transcript))
    return FALSE;
  else
    n = transcript != NULL ? json_array_get_length (transcript) : 0;

  if (n > p->limits->max_turns)
    {
      /* The error names it; the reader is done with. */
      _hd_json_push (p, "transcript");
      /* TRANSLATORS: the number of transcript turns, then the limit */
      _hd_json_fail (p, HD_ERROR_LIMIT,
                     g_dngettext (GETTEXT_PACKAGE, "%u turn exceeds the limit of %u", "%u turns exceed the limit of %u",
                                  n),
                     n, p->limits->max_turns);
      return FALSE;
    }

  if (decoded == NULL || !decoded->decoded)
    return _hd_json_read_list (p, root, "transcript", HD_TYPE_TURN, parse_turn_item,
                               &packet->transcript);

  if (decoded->error != NULL)
    {
      g_propagate_error (p->error, g_error_copy (decoded->error));
      return FALSE;
    }
  p->unknown += decoded->unknown;
  packet->transcript = g_list_store_new (HD_TYPE_TURN);
  /* One splice rather than n appends: GListStore is a GSequence. */
  g_list_store_splice (packet->transcript, 0, 0, decoded->turns->pdata, decoded->turns->len);
  return TRUE;
}

HdPacket *
_hd_packet_parse_root (HdJsonReader             *p,
                       JsonNode                 *root_node,
                       const HdPacketTranscript *decoded)
{
  static const char * const known[] = {
    "schema_version", "handoff_id", "conversation_id", "created_at", "bot", "customer",
    "verification", "intents", "transcript", "summary", "routing", "case", NULL,
  };
  static const char * const bot_known[] = { "id", "flow", "flow_label", NULL };
  g_autoptr(HdPacket) packet = g_object_new (HD_TYPE_PACKET, NULL);
  JsonObject *root = NULL;
  JsonObject *object = NULL;
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
          !_hd_json_read_token (p, object, "flow", FALSE, &packet->bot_flow) ||
          !_hd_json_read_label (p, object, "flow_label", &packet->bot_flow_label))
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

  if (!parse_transcript (p, root, decoded, packet))
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
