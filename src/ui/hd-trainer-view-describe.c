/* hd-trainer-view-describe.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-json-get.h"
#include "hd-locale-format.h"
#include "hd-trainer-view-private.h"
#include "hd-ui-format.h"

/* Trainer mode says what happened in words: the current event, the timeline's marks. */

static char *
describe_actor (HdJournalEvent *event)
{
  const char *id = hd_journal_event_get_actor_id (event);

  switch (hd_journal_event_get_actor_kind (event))
    {
    case HD_ACTOR_BOT:
      return g_strdup (_("Bot"));
    case HD_ACTOR_CUSTOMER:
      return g_strdup (_("Customer"));
    case HD_ACTOR_AGENT:
      return id != NULL ? g_strdup_printf (_("Agent %s"), id) : g_strdup (_("Agent"));
    case HD_ACTOR_SUPERVISOR:
      return id != NULL ? g_strdup_printf (_("Supervisor %s"), id) : g_strdup (_("Supervisor"));
    case HD_ACTOR_SYSTEM:
    default:
      return id != NULL ? g_strdup_printf (_("System (%s)"), id) : g_strdup (_("System"));
    }
}

static const char *
describe_speaker (const char *speaker)
{
  if (g_strcmp0 (speaker, "customer") == 0)
    return _("The customer");
  if (g_strcmp0 (speaker, "bot") == 0)
    return _("The bot");
  if (g_strcmp0 (speaker, "agent") == 0)
    return _("The agent");
  return _("The system");
}

static char *
token_or (const char *token,
          const char *fallback)
{
  return token != NULL ? hd_ui_format_token (token) : g_strdup (fallback);
}

static char *
describe_action (HdJournalEvent *event)
{
  const char *type = hd_journal_event_get_event_type (event);
  JsonObject *payload = hd_journal_event_get_payload (event);

  if (g_str_equal (type, HD_EVENT_OFFER))
    {
      const char *queue = hd_journal_event_get_payload_string (event, "queue");

      return queue != NULL ? g_strdup_printf (_("Offered in the queue %s"), queue)
                           : g_strdup (_("Offered to an agent"));
    }
  if (g_str_equal (type, HD_EVENT_TRANSCRIPT))
    {
      JsonObject *turn = payload != NULL && json_object_has_member (payload, "turn")
                         ? json_object_get_object_member (payload, "turn") : NULL;
      const char *speaker = turn != NULL ? hd_json_get_string (turn, "speaker", NULL) : NULL;
      const char *text = turn != NULL ? hd_json_get_string (turn, "text", "") : "";

      return g_strdup_printf (_("%s wrote: %s"), describe_speaker (speaker), text);
    }
  if (g_str_equal (type, HD_EVENT_ACCEPT))
    return g_strdup (_("Accepted the handoff"));
  if (g_str_equal (type, HD_EVENT_DECLINE))
    {
      const char *reason = hd_journal_event_get_payload_string (event, "reason");

      return reason != NULL ? g_strdup_printf (_("Declined the handoff: %s"), reason)
                            : g_strdup (_("Declined the handoff"));
    }
  if (g_str_equal (type, HD_EVENT_EXPIRE))
    return g_strdup (_("The offer expired"));
  if (g_str_equal (type, HD_EVENT_REVOKE))
    {
      HdRevokeReason reason = HD_REVOKE_REASON_NONE;

      if (!hd_revoke_reason_from_string (hd_journal_event_get_payload_string (event, "reason"), &reason))
        return g_strdup (_("Taken back from the agent"));
      return g_strdup_printf (_("Taken back from the agent: %s"), hd_revoke_reason_to_label (reason));
    }
  if (g_str_equal (type, HD_EVENT_VERIFICATION))
    {
      const char *result = hd_journal_event_get_payload_string (event, "result");
      g_autofree char *check = token_or (hd_journal_event_get_payload_string (event, "check"), _("Identity"));
      const char *method_name = hd_journal_event_get_payload_string (event, "method");
      HdVerificationMethod method_value;
      g_autofree char *method = NULL;

      if (method_name != NULL && hd_verification_method_from_string (method_name, &method_value))
        method = g_strdup (hd_ui_format_method (method_value));
      else
        method = token_or (method_name, _("unknown method"));

      if (g_strcmp0 (result, "passed") == 0)
        return g_strdup_printf (_("Verification passed: %s, by %s"), check, method);
      if (g_strcmp0 (result, "failed") == 0)
        return g_strdup_printf (_("Verification failed: %s, by %s"), check, method);
      return g_strdup_printf (_("Verification checked: %s, by %s"), check, method);
    }
  if (g_str_equal (type, HD_EVENT_CASE_EDIT))
    {
      const char *value = hd_journal_event_get_payload_string (event, "value");
      g_autofree char *field = token_or (hd_journal_event_get_payload_string (event, "field"), _("A field"));

      return value != NULL ? g_strdup_printf (_("Case field set: %s = %s"), field, value)
                           : g_strdup_printf (_("Case field cleared: %s"), field);
    }
  if (g_str_equal (type, HD_EVENT_SF_REQUEST))
    {
      const char *operation = hd_journal_event_get_payload_string (event, "operation");
      const char *object = hd_journal_event_get_payload_string (event, "object");

      return g_strdup_printf (_("Sent to Salesforce: %s %s"), operation != NULL ? operation : "",
                              object != NULL ? object : "");
    }
  if (g_str_equal (type, HD_EVENT_SF_RESPONSE))
    {
      gint64 status = payload != NULL ? hd_json_get_int (payload, "status", 0) : 0;
      const char *error = hd_journal_event_get_payload_string (event, "error");
      const char *id = hd_journal_event_get_payload_string (event, "id");

      if (error != NULL)
        return g_strdup_printf (_("Salesforce answered %lld: %s"), (long long) status, error);
      if (id != NULL)
        return g_strdup_printf (_("Salesforce answered %lld, record %s"), (long long) status, id);
      return g_strdup_printf (_("Salesforce answered %lld"), (long long) status);
    }
  if (g_str_equal (type, HD_EVENT_TRANSFER))
    {
      const char *from = hd_journal_event_get_payload_string (event, "from_queue");
      const char *to = hd_journal_event_get_payload_string (event, "to_queue");

      return g_strdup_printf (_("Transferred from %s to %s"), from != NULL ? from : _("an unknown queue"),
                              to != NULL ? to : _("an unknown queue"));
    }
  if (g_str_equal (type, HD_EVENT_WRAP_UP))
    {
      g_autofree char *disposition = token_or (hd_journal_event_get_payload_string (event, "disposition"),
                                               _("no disposition"));

      return g_strdup_printf (_("Wrapped up: %s"), disposition);
    }
  if (g_str_equal (type, HD_EVENT_REVEAL))
    {
      g_autofree char *field = token_or (hd_journal_event_get_payload_string (event, "field"), _("A value"));
      const char *reason = hd_journal_event_get_payload_string (event, "reason");

      return g_strdup_printf (_("Revealed %s, because: %s"), field, reason != NULL ? reason : "");
    }
  if (g_str_equal (type, HD_EVENT_SIGNAL))
    {
      HdChecklistItem item;
      const char *name = hd_journal_event_get_payload_string (event, "name");

      if (name != NULL && hd_checklist_item_from_string (name, &item))
        return g_strdup_printf (_("Broken context: %s"), hd_checklist_item_get_label (item));
      return g_strdup_printf (_("Warning: %s"), name != NULL ? name : "");
    }
  if (g_str_equal (type, HD_EVENT_NOTE))
    {
      const char *text = hd_journal_event_get_payload_string (event, "text");

      return g_strdup_printf (_("Note: %s"), text != NULL ? text : "");
    }

  return g_strdup_printf (_("Event “%s”"), type);
}

char *
_hd_trainer_describe_event (HdJournalEvent *event)
{
  GDateTime *time = hd_journal_event_get_time (event);
  g_autofree char *actor = describe_actor (event);
  g_autofree char *action = describe_action (event);
  g_autofree char *clock = NULL;

  if (time == NULL)
    return g_strdup_printf ("%s · %s", actor, action);

  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

    clock = hd_locale_format_time_seconds (utc);
  }
  /* TRANSLATORS: time · who · what happened */
  return g_strdup_printf (_("%s · %s · %s"), clock, actor, action);
}

const char *
_hd_trainer_mark_label (const char *type)
{
  if (g_str_equal (type, HD_EVENT_OFFER))
    return C_("timeline", "Offer");
  if (g_str_equal (type, HD_EVENT_ACCEPT))
    return C_("timeline", "Accept");
  if (g_str_equal (type, HD_EVENT_VERIFICATION))
    return C_("timeline", "Check");
  if (g_str_equal (type, HD_EVENT_TRANSFER))
    return C_("timeline", "Transfer");
  if (g_str_equal (type, HD_EVENT_WRAP_UP))
    return C_("timeline", "Wrap-up");
  if (g_str_equal (type, HD_EVENT_REVOKE))
    return C_("timeline", "Revoked");
  if (g_str_equal (type, HD_EVENT_DECLINE))
    return C_("timeline", "Decline");
  return NULL;
}
