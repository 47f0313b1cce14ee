/* hd-import-salesforce.c
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

/* Salesforce Messaging (docs/import/salesforce.md): one Composite API
 * response (POST /services/data/vXX.X/composite) of the MessagingSession
 * record, and as the org has them its MessagingEndUser, a SOQL query of its
 * ConversationEntry rows (legacy channels) or the Connect REST entries of an
 * enhanced channel, a query of its ConversationContextEntry rows, the linked
 * Case and the person Account.  The sub-responses are told apart by their
 * bodies (attributes.type, the type of a query's records, or
 * "conversationEntries"), not by the referenceIds, which are the caller's
 * choice.  What the session and legacy transcript give is read here; the
 * rest in hd-import-salesforce-context.c. */

static const char *
map_channel (const char *channel_type)
{
  if (channel_type == NULL)
    return NULL;
  if (g_str_equal (channel_type, "WhatsApp"))
    return "whatsapp";
  if (g_str_equal (channel_type, "Text"))
    return "sms";
  if (g_str_equal (channel_type, "EmbeddedMessaging"))
    return "web_chat";
  if (g_str_equal (channel_type, "Facebook") || g_str_equal (channel_type, "AppleBusinessChat") ||
      g_str_equal (channel_type, "Line"))
    return "social";
  return "other";
}

static const char *
map_speaker (const char *actor_type)
{
  if (actor_type == NULL)
    return "system";
  if (g_str_equal (actor_type, "EndUser"))
    return "customer";
  if (g_str_equal (actor_type, "Bot") || g_str_equal (actor_type, "Chatbot"))
    return "bot";
  if (g_str_equal (actor_type, "Agent") || g_str_equal (actor_type, "Supervisor"))
    return "agent";
  return "system";
}

static const char *
get_record_type (JsonObject *body)
{
  JsonObject *attributes;

  if (!json_object_has_member (body, "attributes") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "attributes")))
    return NULL;
  attributes = json_object_get_object_member (body, "attributes");
  return _hd_import_lookup_string (attributes, "type");
}

/* A failed sub-request's body is [ { "message", "errorCode" } ]. */
static void
fail_subrequest (JsonObject  *item,
                 const char  *pointer,
                 gint64       status,
                 GError     **error)
{
  const char *reference = _hd_import_lookup_string (item, "referenceId");
  const char *message = NULL;
  JsonNode *body = json_object_get_member (item, "body");
  g_autofree char *reason = NULL;

  if (body != NULL && JSON_NODE_HOLDS_ARRAY (body) &&
      json_array_get_length (json_node_get_array (body)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (body), 0)))
    message = _hd_import_lookup_string (json_array_get_object_element (json_node_get_array (body), 0), "message");
  if (message != NULL)
    /* Translators: %s is the sub-request's reference id, %lld an HTTP status, the last %s
     * Salesforce's own message (English). */
    reason = g_strdup_printf (_("the sub-request “%s” failed with HTTP %lld: %s"),
                              reference != NULL ? reference : "?", (long long) status, message);
  else
    reason = g_strdup_printf (_("the sub-request “%s” failed with HTTP %lld"),
                              reference != NULL ? reference : "?", (long long) status);
  _hd_import_fail (error, pointer, NULL, reason);
}

typedef struct
{
  JsonObject *record;
  GDateTime  *time;
  double      seq;
  guint       index;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int order = g_date_time_compare (x->time, y->time);

  if (order == 0 && x->seq != y->seq)
    order = x->seq < y->seq ? -1 : 1;
  return order != 0 ? order : (x->index < y->index ? -1 : 1);
}

static gboolean
read_entries (HdImportDraft *draft,
              JsonArray     *records,
              const char    *pointer,
              GError       **error)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (Entry));
  gboolean ok = FALSE;

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      g_autofree char *entry_ptr = g_strdup_printf ("%s/%u", pointer, i);
      Entry entry = { NULL, NULL, -1, i };
      const char *time;

      if ((entry.record = _hd_import_array_object (records, i, pointer, error)) == NULL ||
          !_hd_import_get_string (entry.record, entry_ptr, "EntryTime", TRUE, &time, error) ||
          !_hd_import_get_number (entry.record, entry_ptr, "Seq", FALSE, &entry.seq, error))
        goto out;
      if ((entry.time = _hd_import_parse_time (time)) == NULL)
        {
          _hd_import_fail (error, entry_ptr, "EntryTime", _("not an ISO 8601 time with a zone"));
          goto out;
        }
      g_array_append_val (order, entry);
    }
  g_array_sort (order, compare_entries);

  for (guint i = 0; i < order->len; i++)
    {
      Entry *entry = &g_array_index (order, Entry, i);
      g_autofree char *entry_ptr = g_strdup_printf ("%s/%u", pointer, entry->index);
      const char *actor = NULL, *type = NULL, *message = NULL;

      if (!_hd_import_get_string (entry->record, entry_ptr, "ActorType", FALSE, &actor, error) ||
          !_hd_import_get_string (entry->record, entry_ptr, "EntryType", FALSE, &type, error) ||
          !_hd_import_get_string (entry->record, entry_ptr, "Message", FALSE, &message, error))
        goto out;
      /* The bot's escalation is the handoff: the packet is of that moment. */
      if (type != NULL && g_str_equal (type, "BotEscalated"))
        {
          g_clear_pointer (&draft->created_at, g_date_time_unref);
          draft->created_at = g_date_time_ref (entry->time);
        }
      if (type == NULL || g_str_equal (type, "Text"))
        {
          if (!_hd_import_draft_add_turn (draft, map_speaker (actor), entry->time, message,
                                          entry_ptr, error))
            goto out;
        }
      if (draft->created_at == NULL && i + 1 == order->len)
        draft->created_at = g_date_time_ref (entry->time);
    }
  ok = TRUE;

out:
  for (guint i = 0; i < order->len; i++)
    g_date_time_unref (g_array_index (order, Entry, i).time);
  return ok;
}

/* The type of a query's records: the first record's attributes.type, or
 * NULL (a ConversationEntry query from before the records carried it). */
static const char *
get_records_type (JsonArray *records)
{
  JsonNode *first;

  if (json_array_get_length (records) == 0)
    return NULL;
  first = json_array_get_element (records, 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? get_record_type (json_node_get_object (first)) : NULL;
}

/* The records beside the session, each with its JSON Pointer. */
typedef struct
{
  JsonObject *case_record;
  JsonObject *account;
  JsonArray  *context;
  JsonArray  *connect;
  char       *case_ptr;
  char       *account_ptr;
  char       *context_ptr;
  char       *connect_ptr;
} Related;

static void
related_clear (Related *related)
{
  g_free (related->case_ptr);
  g_free (related->account_ptr);
  g_free (related->context_ptr);
  g_free (related->connect_ptr);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Related, related_clear)

static void
take_ptr (char **field,
          char  *pointer)
{
  g_free (*field);
  *field = pointer;
}

JsonNode *
_hd_import_salesforce_composite (JsonObject  *root,
                                 GDateTime   *now,
                                 GError     **error)
{
  g_autoptr(HdImportDraft) draft = _hd_import_draft_new ("salesforce", now);
  g_auto(Related) related = { 0 };
  JsonObject *session = NULL, *end_user = NULL;
  JsonArray *items, *records = NULL;
  g_autofree char *records_ptr = NULL;
  g_autofree char *session_ptr = NULL;
  const char *id, *start = NULL, *channel = NULL, *locale = NULL;

  if (!_hd_import_get_array (root, "", "compositeResponse", TRUE, &items, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/compositeResponse/%u", i);
      g_autofree char *body_ptr = _hd_import_pointer (pointer, "body");
      JsonObject *item = _hd_import_array_object (items, i, "/compositeResponse", error);
      JsonObject *body = NULL;
      double status = 200;
      const char *type;

      if (item == NULL ||
          !_hd_import_get_number (item, pointer, "httpStatusCode", TRUE, &status, error))
        return NULL;
      if (status < 200 || status > 299)
        {
          fail_subrequest (item, pointer, (gint64) status, error);
          return NULL;
        }
      if (!_hd_import_get_object (item, pointer, "body", TRUE, &body, error))
        return NULL;
      type = get_record_type (body);
      if (type != NULL && g_str_equal (type, "MessagingSession"))
        {
          session = body;
          session_ptr = g_steal_pointer (&body_ptr);
        }
      else if (type != NULL && g_str_equal (type, "MessagingEndUser"))
        end_user = body;
      else if (type != NULL && g_str_equal (type, "Case"))
        {
          related.case_record = body;
          take_ptr (&related.case_ptr, g_steal_pointer (&body_ptr));
        }
      else if (type != NULL && g_str_equal (type, "Account"))
        {
          related.account = body;
          take_ptr (&related.account_ptr, g_steal_pointer (&body_ptr));
        }
      else if (json_object_has_member (body, "conversationEntries"))
        {
          if (!_hd_import_get_array (body, body_ptr, "conversationEntries", TRUE, &related.connect, error))
            return NULL;
          take_ptr (&related.connect_ptr, _hd_import_pointer (body_ptr, "conversationEntries"));
        }
      else if (json_object_has_member (body, "records"))
        {
          JsonArray *rows;
          const char *rows_type;

          if (!_hd_import_get_array (body, body_ptr, "records", TRUE, &rows, error))
            return NULL;
          rows_type = get_records_type (rows);
          if (rows_type != NULL && g_str_equal (rows_type, "ConversationContextEntry"))
            {
              related.context = rows;
              take_ptr (&related.context_ptr, _hd_import_pointer (body_ptr, "records"));
            }
          else if (rows_type == NULL || g_str_equal (rows_type, "ConversationEntry"))
            {
              records = rows;
              take_ptr (&records_ptr, _hd_import_pointer (body_ptr, "records"));
            }
        }
    }

  if (session == NULL)
    {
      _hd_import_fail (error, "/compositeResponse", NULL,
                       _("no MessagingSession record among the sub-responses"));
      return NULL;
    }
  if (!_hd_import_get_string (session, session_ptr, "Id", TRUE, &id, error) ||
      !_hd_import_get_string (session, session_ptr, "StartTime", FALSE, &start, error) ||
      !_hd_import_get_string (session, session_ptr, "ChannelType", FALSE, &channel, error) ||
      !_hd_import_get_string (session, session_ptr, "ChannelLocale", FALSE, &locale, error))
    return NULL;
  draft->conversation_id = g_strdup (id);
  draft->bot_id = g_strdup ("salesforce");
  draft->channel = map_channel (channel);
  if (locale != NULL)
    draft->language = g_strdelimit (g_strdup (locale), "_", '-');
  draft->case_id = g_strdup (_hd_import_lookup_string (session, "CaseId"));
  draft->crm_account_id = g_strdup (_hd_import_lookup_string (session, "EndUserAccountId"));
  draft->crm_contact_id = g_strdup (_hd_import_lookup_string (session, "EndUserContactId"));

  if (end_user != NULL)
    {
      const char *value;

      if ((value = _hd_import_lookup_string (end_user, "Name")) != NULL)
        draft->customer_name = g_strdup (value);
      if (draft->crm_account_id == NULL &&
          (value = _hd_import_lookup_string (end_user, "AccountId")) != NULL)
        draft->crm_account_id = g_strdup (value);
      if (draft->crm_contact_id == NULL &&
          (value = _hd_import_lookup_string (end_user, "ContactId")) != NULL)
        draft->crm_contact_id = g_strdup (value);
      /* Verified messaging links the end user to an authenticated identity
       * (API 61.0+); how it was verified is the org's secret. */
      draft->authenticated =
          _hd_import_lookup_string (end_user, "AuthenticatedEndUserId") != NULL;
    }

  /* What the bot or flow wrote for the desk, then the transcript: an
   * enhanced channel's from Connect REST (its legacy query, if sent too, is
   * empty or stale), else the ConversationEntry rows. */
  if (!_hd_import_salesforce_session_fields (draft, session, session_ptr, error) ||
      (related.context != NULL &&
       !_hd_import_salesforce_context_entries (draft, related.context, related.context_ptr, error)))
    return NULL;
  if (related.connect != NULL)
    {
      if (!_hd_import_salesforce_connect_entries (draft, related.connect, related.connect_ptr, error))
        return NULL;
    }
  else if (records != NULL && !read_entries (draft, records, records_ptr, error))
    return NULL;
  if (draft->created_at == NULL && start != NULL)
    draft->created_at = _hd_import_parse_time (start);

  /* The Case fills the gaps the bot left; the person account names the
   * customer as the bank knows them. */
  if ((related.case_record != NULL &&
       !_hd_import_salesforce_case (draft, related.case_record, related.case_ptr, error)) ||
      (related.account != NULL &&
       !_hd_import_salesforce_account (draft, related.account, related.account_ptr, error)))
    return NULL;
  if (draft->primary != NULL && json_array_get_length (draft->history) == 0)
    _hd_import_draft_add_intent (draft, draft->primary, draft->created_at, -1, "matched");

  return _hd_import_draft_finish (draft, error);
}
