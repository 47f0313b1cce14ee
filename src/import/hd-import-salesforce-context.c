/* hd-import-salesforce-context.c
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

/* What a Salesforce org knows of a Messaging conversation beyond the
 * session, its end user and the legacy transcript (docs/import/salesforce.md):
 *
 * - the context fields a bot or flow wrote on the MessagingSession before it
 *   transferred (Einstein Bots and Agentforce read and write context through
 *   custom MessagingSession fields; bot-only variables never reach a record);
 * - the pre-chat key/value pairs, ConversationContextEntry rows;
 * - the transcript of an enhanced channel, which Salesforce keeps off-core and
 *   serves from Connect REST GET /connect/conversation/{id}/entries;
 * - the linked Case and the person account.
 *
 * A bot's explicit context wins over what the Case implies; the person
 * account names the customer as the bank knows them. */

static void
fill_str (char       **field,
          const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

/* "Handoff_Reason__c" → "handoff_reason", "fsc__Segment__c" → "segment":
 * a custom field's name as the key a bot sets (Agentforce drops the suffix
 * of field-based context variables the same way). */
static char *
key_from_field (const char *field)
{
  g_autofree char *stem = NULL;
  const char *namespace_end;

  if (!g_str_has_suffix (field, "__c"))
    return NULL;
  stem = g_strndup (field, strlen (field) - strlen ("__c"));
  namespace_end = strstr (stem, "__");
  return g_ascii_strdown (namespace_end != NULL ? namespace_end + 2 : stem, -1);
}

void
_hd_import_salesforce_take_key (HdImportDraft *draft,
                                const char    *key,
                                const char    *value)
{
  static const char * const sentiments[] = { "positive", "neutral", "negative", NULL };
  g_autoptr(JsonNode) node = NULL;

  if (key == NULL || value == NULL || *value == '\0')
    return;

  /* The keys of docs/import/README.md, and these that only a Salesforce
   * record can carry: the bot writes them on the session because the
   * session is all the desk reads. */
  if (g_str_equal (key, "intent"))
    _hd_import_replace_str (&draft->primary, value);
  else if (g_str_equal (key, "unresolved_issue"))
    _hd_import_replace_str (&draft->unresolved_issue, value);
  else if (g_str_equal (key, "product_category"))
    _hd_import_replace_str (&draft->product_category, value);
  else if (g_str_equal (key, "customer_segment") || g_str_equal (key, "segment"))
    _hd_import_replace_str (&draft->segment, value);
  else if (g_str_equal (key, "sentiment"))
    {
      if (_hd_import_find_value (sentiments, value) != NULL)
        draft->sentiment = _hd_import_find_value (sentiments, value);
    }
  else
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
      _hd_import_draft_take_value (draft, key, node);
    }
}

/* A record field's value as the text a bot meant: strings (checked against
 * the string limit), numbers and booleans; NULL for anything else. */
static gboolean
get_scalar (JsonObject  *record,
            const char  *pointer,
            const char  *member,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (record, member);
  const char *text;

  *out = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *out = _hd_import_scalar_text (node);
      return TRUE;
    }
  if (!_hd_import_get_string (record, pointer, member, FALSE, &text, error))
    return FALSE;
  *out = g_strdup (text);
  return TRUE;
}

gboolean
_hd_import_salesforce_session_fields (HdImportDraft  *draft,
                                      JsonObject     *session,
                                      const char     *pointer,
                                      GError        **error)
{
  g_autoptr(GList) members = json_object_get_members (session);

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *key = key_from_field (l->data);
      g_autofree char *value = NULL;

      if (key == NULL)
        continue;
      if (!get_scalar (session, pointer, l->data, &value, error))
        return FALSE;
      _hd_import_salesforce_take_key (draft, key, value);
    }
  return TRUE;
}

gboolean
_hd_import_salesforce_context_entries (HdImportDraft  *draft,
                                       JsonArray      *records,
                                       const char     *pointer,
                                       GError        **error)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      g_autofree char *entry_ptr = g_strdup_printf ("%s/%u", pointer, i);
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;
      JsonObject *record;
      const char *name;

      if ((record = _hd_import_array_object (records, i, pointer, error)) == NULL ||
          !_hd_import_get_string (record, entry_ptr, "CustomDetailContextKey", FALSE, &name, error) ||
          !get_scalar (record, entry_ptr, "CustomDetailContextValue", &value, error))
        return FALSE;
      /* Pre-chat keys are the admin's own ("customer_email", "Verified"). */
      if (name != NULL)
        key = g_ascii_strdown (name, -1);
      _hd_import_salesforce_take_key (draft, key, value);
    }
  return TRUE;
}

/* Connect REST names roles and entry types in more than one spelling
 * ("EndUser", "END_USER"): compared without case and underscores. */
static gboolean
same_word (const char *value,
           const char *word)
{
  const char *c = value;

  if (value == NULL)
    return FALSE;
  for (const char *w = word; *w != '\0'; w++)
    {
      while (*c == '_')
        c++;
      if (g_ascii_tolower (*c) != *w)
        return FALSE;
      c++;
    }
  while (*c == '_')
    c++;
  return *c == '\0';
}

static const char *
map_role (const char *role,
          const char *app_type)
{
  if (same_word (role, "enduser"))
    return "customer";
  if (same_word (role, "chatbot") || same_word (role, "bot") || same_word (app_type, "chatbot"))
    return "bot";
  if (same_word (role, "agent") || same_word (role, "supervisor") || same_word (app_type, "agent"))
    return "agent";
  return "system";
}

typedef struct
{
  JsonObject *entry;
  GDateTime  *time;
  guint       index;
} ConnectEntry;

static int
compare_connect_entries (gconstpointer a,
                         gconstpointer b)
{
  const ConnectEntry *x = a, *y = b;
  int order = g_date_time_compare (x->time, y->time);

  return order != 0 ? order : (x->index < y->index ? -1 : 1);
}

/* Epoch milliseconds, as the Connect resource gives every time. */
static gboolean
get_millis (JsonObject  *entry,
            const char  *pointer,
            GDateTime  **out,
            GError     **error)
{
  JsonNode *received = json_object_get_member (entry, "serverReceivedTimestamp");
  const char *member = received != NULL && !JSON_NODE_HOLDS_NULL (received) ? "serverReceivedTimestamp"
                                                                            : "clientTimestamp";
  double millis = -1;

  if (!_hd_import_get_number (entry, pointer, member, TRUE, &millis, error))
    return FALSE;
  if ((*out = _hd_import_time_from_unix (millis / 1000)) == NULL)
    {
      _hd_import_fail (error, pointer, member, _("not a time in milliseconds since 1970"));
      return FALSE;
    }
  return TRUE;
}

gboolean
_hd_import_salesforce_connect_entries (HdImportDraft  *draft,
                                       JsonArray      *entries,
                                       const char     *pointer,
                                       GError        **error)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (ConnectEntry));
  GDateTime *routed = NULL;
  gboolean ok = FALSE;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *entry_ptr = g_strdup_printf ("%s/%u", pointer, i);
      ConnectEntry entry = { NULL, NULL, i };

      if ((entry.entry = _hd_import_array_object (entries, i, pointer, error)) == NULL ||
          !get_millis (entry.entry, entry_ptr, &entry.time, error))
        goto out;
      g_array_append_val (order, entry);
    }
  /* Read FromEnd, the newest entry comes first: order by time. */
  g_array_sort (order, compare_connect_entries);

  for (guint i = 0; i < order->len; i++)
    {
      ConnectEntry *entry = &g_array_index (order, ConnectEntry, i);
      g_autofree char *entry_ptr = g_strdup_printf ("%s/%u", pointer, entry->index);
      g_autofree char *sender_ptr = _hd_import_pointer (entry_ptr, "sender");
      const char *type = NULL, *text = NULL, *role = NULL, *app_type = NULL;
      JsonObject *sender = NULL;

      if (!_hd_import_get_string (entry->entry, entry_ptr, "entryType", FALSE, &type, error) ||
          !_hd_import_get_string (entry->entry, entry_ptr, "messageText", FALSE, &text, error) ||
          !_hd_import_get_object (entry->entry, entry_ptr, "sender", FALSE, &sender, error) ||
          (sender != NULL &&
           (!_hd_import_get_string (sender, sender_ptr, "role", FALSE, &role, error) ||
            !_hd_import_get_string (sender, sender_ptr, "appType", FALSE, &app_type, error))))
        goto out;
      /* The last routing of the chat is the handoff being imported. */
      if (same_word (type, "routingresult") || same_word (type, "routingworkresult"))
        routed = entry->time;
      if ((type == NULL || same_word (type, "message")) &&
          !_hd_import_draft_add_turn (draft, map_role (role, app_type), entry->time, text,
                                      entry_ptr, error))
        goto out;
    }
  if (routed == NULL && order->len > 0)
    routed = g_array_index (order, ConnectEntry, order->len - 1).time;
  if (routed != NULL)
    {
      g_clear_pointer (&draft->created_at, g_date_time_unref);
      draft->created_at = g_date_time_ref (routed);
    }
  ok = TRUE;

out:
  for (guint i = 0; i < order->len; i++)
    g_date_time_unref (g_array_index (order, ConnectEntry, i).time);
  return ok;
}

static const char *
map_priority (const char *priority)
{
  if (priority == NULL)
    return NULL;
  if (g_ascii_strcasecmp (priority, "Low") == 0)
    return "low";
  if (g_ascii_strcasecmp (priority, "Medium") == 0 || g_ascii_strcasecmp (priority, "Normal") == 0)
    return "normal";
  if (g_ascii_strcasecmp (priority, "High") == 0)
    return "high";
  if (g_ascii_strcasecmp (priority, "Critical") == 0 || g_ascii_strcasecmp (priority, "Urgent") == 0)
    return "urgent";
  return NULL;
}

gboolean
_hd_import_salesforce_case (HdImportDraft  *draft,
                            JsonObject     *record,
                            const char     *pointer,
                            GError        **error)
{
  const char *id, *type, *reason, *priority, *subject, *description, *account, *contact;

  if (!_hd_import_get_string (record, pointer, "Id", FALSE, &id, error) ||
      !_hd_import_get_string (record, pointer, "Type", FALSE, &type, error) ||
      !_hd_import_get_string (record, pointer, "Reason", FALSE, &reason, error) ||
      !_hd_import_get_string (record, pointer, "Priority", FALSE, &priority, error) ||
      !_hd_import_get_string (record, pointer, "Subject", FALSE, &subject, error) ||
      !_hd_import_get_string (record, pointer, "Description", FALSE, &description, error) ||
      !_hd_import_get_string (record, pointer, "AccountId", FALSE, &account, error) ||
      !_hd_import_get_string (record, pointer, "ContactId", FALSE, &contact, error))
    return FALSE;

  /* The Case fills what the bot did not say: its subject is the issue in
   * one line, its description the longer story. */
  fill_str (&draft->case_id, id);
  fill_str (&draft->case_type, type);
  fill_str (&draft->case_subcategory, reason);
  fill_str (&draft->unresolved_issue, subject);
  fill_str (&draft->summary_text, description);
  fill_str (&draft->crm_account_id, account);
  fill_str (&draft->crm_contact_id, contact);
  if (draft->priority == NULL)
    draft->priority = map_priority (priority);
  return TRUE;
}

gboolean
_hd_import_salesforce_account (HdImportDraft  *draft,
                               JsonObject     *record,
                               const char     *pointer,
                               GError        **error)
{
  const char *id, *name, *contact;

  if (!_hd_import_get_string (record, pointer, "Id", FALSE, &id, error) ||
      !_hd_import_get_string (record, pointer, "Name", FALSE, &name, error) ||
      !_hd_import_get_string (record, pointer, "PersonContactId", FALSE, &contact, error))
    return FALSE;

  fill_str (&draft->crm_account_id, id);
  /* A business account is the customer's employer, not the customer. */
  if (!_hd_import_lookup_boolean (record, "IsPersonAccount", FALSE))
    return TRUE;
  if (name != NULL && *name != '\0')
    _hd_import_replace_str (&draft->customer_name, name);
  fill_str (&draft->crm_contact_id, contact);
  return TRUE;
}
