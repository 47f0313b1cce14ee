/* hd-audit-trail.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-audit-trail"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-audit-trail.h"
#include "hd-handoff.h"
#include "hd-json-get.h"
#include "hd-locale-format.h"
#include "hd-time.h"

struct _HdAuditTrail
{
  GObject    parent_instance;

  char      *handoff_id;                      /* owned */
  GPtrArray *sections[HD_AUDIT_N_SECTIONS];   /* owned, NULL-terminated char* arrays */
};

G_DEFINE_FINAL_TYPE (HdAuditTrail, hd_audit_trail, G_TYPE_OBJECT)

const char *
hd_audit_section_get_heading (HdAuditSection section)
{
  switch (section)
    {
    case HD_AUDIT_SECTION_CUSTOMER_ASKED:
      return _("What the customer asked");
    case HD_AUDIT_SECTION_BOT_ANSWERED:
      return _("What the bot answered");
    case HD_AUDIT_SECTION_WHY_ESCALATED:
      return _("Why it escalated");
    case HD_AUDIT_SECTION_VERIFICATION:
      return _("What was verified, and how");
    case HD_AUDIT_SECTION_AGENT_ACTIONS:
      return _("What the agent did next");
    case HD_AUDIT_SECTION_SALESFORCE:
      return _("What was sent to Salesforce, and what it answered");
    case HD_AUDIT_N_SECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
clock_of (const char *rfc3339)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (rfc3339 == NULL || !(time = hd_time_parse_iso8601 (rfc3339, NULL)))
    return g_strdup ("--:--:--");
  utc = g_date_time_to_utc (time);
  return hd_locale_format_time_seconds (utc);
}

static char *
clock_of_event (HdJournalEvent *event)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (hd_journal_event_get_time (event));

  return hd_locale_format_time_seconds (utc);
}

static void
add_item (HdAuditTrail   *self,
          HdAuditSection  section,
          const char     *clock,
          const char     *format,
          ...) G_GNUC_PRINTF (4, 5);

static void
add_item (HdAuditTrail   *self,
          HdAuditSection  section,
          const char     *clock,
          const char     *format,
          ...)
{
  GPtrArray *items = self->sections[section];
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Keep the trailing NULL. */
  g_ptr_array_insert (items, (int) items->len - 1,
                      clock != NULL ? g_strdup_printf ("%s  %s", clock, text) : g_steal_pointer (&text));
}

static const char *
str (JsonObject *object,
     const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)) ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
obj (JsonObject *object,
     const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)) || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static JsonArray *
arr (JsonObject *object,
     const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)) || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static char *
join_strings (JsonArray *array)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, json_node_get_string (node));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
actor_label (HdJournalEvent *event)
{
  const char *id = hd_journal_event_get_actor_id (event);

  return id != NULL ? id : hd_actor_kind_to_string (hd_journal_event_get_actor_kind (event));
}

static void
add_turn (HdAuditTrail *self,
          JsonObject   *turn)
{
  const char *speaker = str (turn, "speaker");
  const char *text = str (turn, "text");
  g_autofree char *clock = clock_of (str (turn, "time"));

  if (text == NULL)
    return;
  if (g_strcmp0 (speaker, "customer") == 0)
    add_item (self, HD_AUDIT_SECTION_CUSTOMER_ASKED, clock, _("Customer: %s"), text);
  else if (g_strcmp0 (speaker, "bot") == 0)
    add_item (self, HD_AUDIT_SECTION_BOT_ANSWERED, clock, _("Bot: %s"), text);
  else if (g_strcmp0 (speaker, "agent") == 0)
    add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("Agent wrote: %s"), text);
}

static void
add_packet (HdAuditTrail   *self,
            HdJournalEvent *offer,
            JsonObject     *packet)
{
  g_autofree char *offer_clock = clock_of_event (offer);
  JsonObject *intents = obj (packet, "intents");
  JsonObject *summary = obj (packet, "summary");
  JsonObject *routing = obj (packet, "routing");
  JsonObject *escalation = obj (routing, "escalation");
  JsonObject *verification = obj (packet, "verification");
  JsonArray *transcript = arr (packet, "transcript");
  JsonArray *history = arr (intents, "history");

  if (str (intents, "primary") != NULL)
    add_item (self, HD_AUDIT_SECTION_CUSTOMER_ASKED, NULL, _("Primary intent: %s"), str (intents, "primary"));
  for (guint i = 0; transcript != NULL && i < json_array_get_length (transcript); i++)
    {
      JsonNode *node = json_array_get_element (transcript, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        add_turn (self, json_node_get_object (node));
    }
  if (str (summary, "text") != NULL && *str (summary, "text") != '\0')
    add_item (self, HD_AUDIT_SECTION_BOT_ANSWERED, NULL, _("Bot summary: %s"), str (summary, "text"));
  else
    add_item (self, HD_AUDIT_SECTION_BOT_ANSWERED, NULL, _("The bot handed over no summary"));

  if (escalation != NULL && str (escalation, "detail") != NULL)
    /* TRANSLATORS: the first %s is the bot's reason code (or “unknown”), the second its detail */
    add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, offer_clock, _("Escalation reason: %s — %s"),
              /* TRANSLATORS: an escalation reason the bot did not give */
              str (escalation, "reason") != NULL ? str (escalation, "reason") : C_("escalation reason", "unknown"),
              str (escalation, "detail"));
  else if (escalation != NULL)
    /* TRANSLATORS: %s is the bot's reason code (or “unknown”) */
    add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, offer_clock, _("Escalation reason: %s"),
              str (escalation, "reason") != NULL ? str (escalation, "reason") : C_("escalation reason", "unknown"));
  else
    add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, offer_clock, _("The packet gives no escalation reason"));
  if (str (summary, "unresolved_issue") != NULL)
    add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, NULL, _("Unresolved issue: %s"), str (summary, "unresolved_issue"));
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonNode *node = json_array_get_element (history, i);
      JsonObject *intent = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *outcome = str (intent, "outcome");
      g_autofree char *clock = NULL;

      if (outcome == NULL || g_str_equal (outcome, "matched"))
        continue;
      clock = clock_of (str (intent, "time"));
      add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, clock, _("The bot could not handle “%s” (%s, confidence %.2f)"),
                str (intent, "name") != NULL ? str (intent, "name") : "?", outcome,
                hd_json_get_double (intent, "confidence", 0.0));
    }
  if (str (routing, "skill_group") != NULL)
    add_item (self, HD_AUDIT_SECTION_WHY_ESCALATED, offer_clock, _("Routed to queue %s, priority %s"),
              str (routing, "skill_group"), str (routing, "priority") != NULL ? str (routing, "priority") : _("unknown"));

  if (verification == NULL)
    add_item (self, HD_AUDIT_SECTION_VERIFICATION, offer_clock,
              _("The packet carried no verification state: the customer's identity was not handed over"));
  else if (hd_json_get_boolean (verification, "authenticated", FALSE))
    {
      g_autofree char *clock = clock_of (str (verification, "verified_at"));
      g_autofree char *scope = join_strings (arr (verification, "scope"));

      /* TRANSLATORS: the scope of a verification that covers nothing */
      const char *scope_text = *scope != '\0' ? scope : C_("verification scope", "none");

      if (str (verification, "method") != NULL)
        /* TRANSLATORS: the first %s is the method code (e.g. otp), the second the scope (e.g. balance, transfers) */
        add_item (self, HD_AUDIT_SECTION_VERIFICATION, clock, _("The bot verified the customer by %s; scope: %s"),
                  str (verification, "method"), scope_text);
      else
        /* TRANSLATORS: %s is the scope of the verification (e.g. balance, transfers) */
        add_item (self, HD_AUDIT_SECTION_VERIFICATION, clock, _("The bot verified the customer by an unknown method; scope: %s"),
                  scope_text);
      if (hd_json_get_boolean (verification, "reverification_required", FALSE))
        add_item (self, HD_AUDIT_SECTION_VERIFICATION, NULL, _("The bot asked for re-verification before acting"));
    }
  else
    add_item (self, HD_AUDIT_SECTION_VERIFICATION, offer_clock, _("The bot did not verify the customer"));
}

static void
add_event (HdAuditTrail   *self,
           HdJournalEvent *event)
{
  const char *type = hd_journal_event_get_event_type (event);
  JsonObject *payload = hd_journal_event_get_payload (event);
  g_autofree char *clock = clock_of_event (event);
  const char *who = actor_label (event);

  if (g_str_equal (type, HD_EVENT_OFFER))
    {
      JsonObject *packet = obj (payload, "packet");

      if (packet != NULL)
        add_packet (self, event, packet);
      add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("Offered in queue %s"),
                str (payload, "queue") != NULL ? str (payload, "queue") : _("(unknown)"));
    }
  else if (g_str_equal (type, HD_EVENT_TRANSCRIPT))
    {
      JsonObject *turn = obj (payload, "turn");

      if (turn != NULL)
        add_turn (self, turn);
    }
  else if (g_str_equal (type, HD_EVENT_ACCEPT))
    add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s accepted the handoff"), who);
  else if (g_str_equal (type, HD_EVENT_DECLINE))
    {
      if (str (payload, "reason") != NULL)
        /* TRANSLATORS: the first %s is who (an agent's name or “The agent”), the second the reason they gave */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s declined the handoff: %s"), who, str (payload, "reason"));
      else
        /* TRANSLATORS: %s is who (an agent's name or “The agent”) */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s declined the handoff"), who);
    }
  else if (g_str_equal (type, HD_EVENT_EXPIRE))
    add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("The offer expired unanswered"));
  else if (g_str_equal (type, HD_EVENT_REVOKE))
    {
      HdRevokeReason reason;

      /* In words, with the routing layer's token, so an abandoned chat reads
       * differently from a reassigned one. */
      if (hd_revoke_reason_from_string (str (payload, "reason"), &reason))
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("The handoff was withdrawn: %s (%s)"),
                  hd_revoke_reason_to_label (reason), str (payload, "reason"));
      else
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("The handoff was withdrawn: %s"),
                  str (payload, "reason") != NULL ? str (payload, "reason") : _("no reason given"));
    }
  else if (g_str_equal (type, HD_EVENT_VERIFICATION))
    {
      const char *check = str (payload, "check") != NULL ? str (payload, "check") : _("identity");
      /* TRANSLATORS: fills “%s checked %s by %s: %s” when the journal names no method */
      const char *method = str (payload, "method") != NULL ? str (payload, "method") : C_("checked by", "an unknown method");
      const char *result = str (payload, "result") != NULL ? str (payload, "result") : _("no result");

      if (str (payload, "detail") != NULL)
        /* TRANSLATORS: who checked what (e.g. identity) by which method (e.g. otp): result — detail */
        add_item (self, HD_AUDIT_SECTION_VERIFICATION, clock, _("%s checked %s by %s: %s — %s"), who, check, method,
                  result, str (payload, "detail"));
      else
        /* TRANSLATORS: who checked what (e.g. identity) by which method (e.g. otp): result */
        add_item (self, HD_AUDIT_SECTION_VERIFICATION, clock, _("%s checked %s by %s: %s"), who, check, method, result);
    }
  else if (g_str_equal (type, HD_EVENT_REVEAL))
    add_item (self, HD_AUDIT_SECTION_VERIFICATION, clock, _("%s revealed the masked %s, giving as reason: %s"), who,
              str (payload, "field") != NULL ? str (payload, "field") : "?",
              str (payload, "reason") != NULL ? str (payload, "reason") : "?");
  else if (g_str_equal (type, HD_EVENT_CASE_EDIT))
    add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s set case field %s to “%s”"), who,
              str (payload, "field") != NULL ? str (payload, "field") : "?",
              str (payload, "value") != NULL ? str (payload, "value") : "");
  else if (g_str_equal (type, HD_EVENT_TRANSFER))
    {
      const char *from = str (payload, "from_queue") != NULL ? str (payload, "from_queue") : "?";
      const char *to = str (payload, "to_queue") != NULL ? str (payload, "to_queue") : "?";

      if (str (payload, "reason") != NULL)
        /* TRANSLATORS: who transferred the handoff from which queue to which queue: the reason given */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s transferred the handoff from %s to %s: %s"), who,
                  from, to, str (payload, "reason"));
      else
        /* TRANSLATORS: who transferred the handoff from which queue to which queue */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s transferred the handoff from %s to %s"), who,
                  from, to);
    }
  else if (g_str_equal (type, HD_EVENT_WRAP_UP))
    {
      const char *disposition = str (payload, "disposition") != NULL ? str (payload, "disposition") : "?";

      if (str (payload, "summary") != NULL)
        /* TRANSLATORS: who wrapped up, the disposition code (e.g. resolved), the agent's summary */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s wrapped up with disposition %s: %s"), who,
                  disposition, str (payload, "summary"));
      else
        /* TRANSLATORS: who wrapped up, the disposition code (e.g. resolved) */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s wrapped up with disposition %s"), who,
                  disposition);
    }
  else if (g_str_equal (type, HD_EVENT_SIGNAL))
    {
      const char *name = str (payload, "name") != NULL ? str (payload, "name") : "?";

      if (str (payload, "detail") != NULL)
        /* TRANSLATORS: the signal's code name (e.g. customer_typing), then its detail */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("Signal: %s — %s"), name, str (payload, "detail"));
      else
        /* TRANSLATORS: the signal's code name (e.g. customer_typing) */
        add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("Signal: %s"), name);
    }
  else if (g_str_equal (type, HD_EVENT_NOTE))
    add_item (self, HD_AUDIT_SECTION_AGENT_ACTIONS, clock, _("%s noted: %s"), who,
              str (payload, "text") != NULL ? str (payload, "text") : "");
  else if (g_str_equal (type, HD_EVENT_SF_REQUEST))
    {
      g_autofree char *fields = NULL;
      JsonObject *values = obj (payload, "fields");

      if (values != NULL)
        {
          g_autoptr(GString) out = g_string_new (NULL);
          JsonObjectIter iter;
          const char *name;
          JsonNode *node;

          json_object_iter_init_ordered (&iter, values);
          while (json_object_iter_next_ordered (&iter, &name, &node))
            if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
              g_string_append_printf (out, "%s%s=%s", out->len > 0 ? ", " : "", name, json_node_get_string (node));
          fields = g_string_free (g_steal_pointer (&out), FALSE);
        }
      if (fields != NULL)
        /* TRANSLATORS: the operation (e.g. create), the Salesforce object (e.g. Case), then field=value pairs */
        add_item (self, HD_AUDIT_SECTION_SALESFORCE, clock, _("Sent %s %s: %s"),
                  str (payload, "operation") != NULL ? str (payload, "operation") : "?",
                  str (payload, "object") != NULL ? str (payload, "object") : "", fields);
      else
        /* TRANSLATORS: the operation (e.g. create), then the Salesforce object (e.g. Case) */
        add_item (self, HD_AUDIT_SECTION_SALESFORCE, clock, _("Sent %s %s"),
                  str (payload, "operation") != NULL ? str (payload, "operation") : "?",
                  str (payload, "object") != NULL ? str (payload, "object") : "");
    }
  else if (g_str_equal (type, HD_EVENT_SF_RESPONSE))
    {
      gint64 status = hd_json_get_int (payload, "status", 0);

      if (str (payload, "error") != NULL)
        add_item (self, HD_AUDIT_SECTION_SALESFORCE, clock, _("Salesforce answered %lld: %s"),
                  (long long) status, str (payload, "error"));
      else if (str (payload, "id") != NULL)
        /* TRANSLATORS: the HTTP status (e.g. 201), then the Salesforce record id */
        add_item (self, HD_AUDIT_SECTION_SALESFORCE, clock, _("Salesforce answered %lld, record %s"),
                  (long long) status, str (payload, "id"));
      else
        /* TRANSLATORS: the HTTP status (e.g. 204) */
        add_item (self, HD_AUDIT_SECTION_SALESFORCE, clock, _("Salesforce answered %lld"), (long long) status);
    }
}

static void
hd_audit_trail_finalize (GObject *object)
{
  HdAuditTrail *self = HD_AUDIT_TRAIL (object);

  g_free (self->handoff_id);
  for (guint i = 0; i < HD_AUDIT_N_SECTIONS; i++)
    g_ptr_array_unref (self->sections[i]);

  G_OBJECT_CLASS (hd_audit_trail_parent_class)->finalize (object);
}

static void
hd_audit_trail_class_init (HdAuditTrailClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_audit_trail_finalize;
}

static void
hd_audit_trail_init (HdAuditTrail *self)
{
  for (guint i = 0; i < HD_AUDIT_N_SECTIONS; i++)
    {
      self->sections[i] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->sections[i], NULL);
    }
}

HdAuditTrail *
hd_audit_trail_new (const char *handoff_id,
                    GPtrArray  *events)
{
  HdAuditTrail *self;

  g_return_val_if_fail (handoff_id != NULL, NULL);
  g_return_val_if_fail (events != NULL, NULL);

  self = g_object_new (HD_TYPE_AUDIT_TRAIL, NULL);
  self->handoff_id = g_strdup (handoff_id);
  for (guint i = 0; i < events->len; i++)
    {
      HdJournalEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (hd_journal_event_get_handoff_id (event), handoff_id))
        add_event (self, event);
    }
  return self;
}

HdAuditTrail *
hd_audit_trail_new_for_recording (HdRecording  *recording,
                                  GError      **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  guint n;

  g_return_val_if_fail (HD_IS_RECORDING (recording), NULL);

  n = hd_recording_get_n_events (recording);
  for (guint i = 0; i < n; i++)
    {
      HdJournalEvent *event = hd_recording_dup_event (recording, i, error);

      if (event == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }
  return hd_audit_trail_new (hd_recording_get_handoff_id (recording), events);
}

const char *
hd_audit_trail_get_handoff_id (HdAuditTrail *self)
{
  g_return_val_if_fail (HD_IS_AUDIT_TRAIL (self), NULL);
  return self->handoff_id;
}

const char * const *
hd_audit_trail_get_items (HdAuditTrail   *self,
                          HdAuditSection  section)
{
  g_return_val_if_fail (HD_IS_AUDIT_TRAIL (self), NULL);
  g_return_val_if_fail ((guint) section < HD_AUDIT_N_SECTIONS, NULL);
  return (const char * const *) self->sections[section]->pdata;
}

char *
hd_audit_trail_to_text (HdAuditTrail *self)
{
  GString *out;

  g_return_val_if_fail (HD_IS_AUDIT_TRAIL (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, _("# Audit trail of handoff %s\n"), self->handoff_id);
  for (guint s = 0; s < HD_AUDIT_N_SECTIONS; s++)
    {
      const char * const *items = hd_audit_trail_get_items (self, s);

      g_string_append_printf (out, "\n## %s\n\n", hd_audit_section_get_heading (s));
      if (items[0] == NULL)
        g_string_append_printf (out, "- %s\n", _("Nothing recorded"));
      for (guint i = 0; items[i] != NULL; i++)
        g_string_append_printf (out, "- %s\n", items[i]);
    }
  return g_string_free (out, FALSE);
}
