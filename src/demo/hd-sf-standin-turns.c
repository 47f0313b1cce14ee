/* hd-sf-standin-turns.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-json-get.h"
#include "hd-sf-standin-soql.h"
#include "hd-sf-standin-streaming-private.h"

/* The transcript turns of the Salesforce binding: Handoff_Turn__c, a
 * Master-Detail child of Handoff__c, so readable only by who can read the
 * parent (Private sharing: its owner).  The org's flows insert one for each
 * customer message and each agent reply and publish an `update` that names
 * the handoff, never the text (docs/salesforce-feed.md). */

#define TURN_PREFIX "a0T"

static gboolean
shared_with (HdSfStandin *self,
             JsonObject  *turn,
             const char  *user_id)
{
  const char *parent = hd_json_get_string (turn, "Handoff__c", NULL);
  JsonObject *handoff = parent != NULL ? g_hash_table_lookup (self->streaming->handoffs, parent) : NULL;

  return handoff != NULL &&
         g_strcmp0 (hd_json_get_string (handoff, "OwnerId", NULL), user_id) == 0;
}

static guint
count_turns (HdSfStandin *self,
             const char  *record_id)
{
  GPtrArray *turns = self->streaming->turns;
  guint n = 0;

  for (guint i = 0; i < turns->len; i++)
    n += g_strcmp0 (hd_json_get_string (g_ptr_array_index (turns, i), "Handoff__c", NULL),
                    record_id) == 0;
  return n;
}

guint
hd_sf_standin_insert_turn (HdSfStandin *self,
                           const char  *handoff_id,
                           JsonObject  *fields)
{
  JsonObject *handoff;
  JsonObject *turn;
  const char *record_id;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = _hd_sf_standin_format_datetime (now);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GList) names = NULL;
  guint sequence;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  g_return_val_if_fail (handoff_id != NULL, 0);

  if ((handoff = _hd_sf_standin_find_handoff (self, handoff_id)) == NULL)
    return 0;
  record_id = json_object_get_string_member (handoff, "Id");
  sequence = count_turns (self, record_id) + 1;
  id = g_strdup_printf (TURN_PREFIX "Hs%010u" "AAA", ++self->streaming->next_record);
  name = g_strdup_printf ("T-%06u", self->streaming->next_record);
  turn = json_object_new ();
  json_object_set_string_member (turn, "Id", id);
  json_object_set_string_member (turn, "Name", name);
  json_object_set_string_member (turn, "Handoff__c", record_id);
  /* A Number(18, 0) field: Salesforce's JSON writes it with a fraction. */
  json_object_set_double_member (turn, "Sequence__c", sequence);
  json_object_set_null_member (turn, "Speaker__c");
  json_object_set_string_member (turn, "Spoken_At__c", created);
  json_object_set_null_member (turn, "Text__c");
  json_object_set_null_member (turn, "Request_Id__c");
  json_object_set_string_member (turn, "CreatedDate", created);
  json_object_set_string_member (turn, "CreatedById", "005Hs000000AUTOAAA");
  json_object_set_string_member (turn, "LastModifiedDate", created);
  names = fields != NULL ? json_object_get_members (fields) : NULL;
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (turn, l->data, json_node_copy (json_object_get_member (fields, l->data)));
  g_ptr_array_add (self->streaming->turns, turn);
  return sequence;
}

gint64
hd_sf_standin_publish_update (HdSfStandin *self,
                              const char  *handoff_id,
                              const char  *request_id)
{
  g_autoptr(JsonObject) payload = json_object_new ();
  JsonObject *handoff;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  g_return_val_if_fail (handoff_id != NULL, 0);

  if ((handoff = _hd_sf_standin_find_handoff (self, handoff_id)) == NULL)
    return 0;
  json_object_set_string_member (payload, "Kind__c", "update");
  json_object_set_string_member (payload, "Agent_User_Id__c", json_object_get_string_member (handoff, "OwnerId"));
  json_object_set_string_member (payload, "Handoff_Id__c", handoff_id);
  json_object_set_string_member (payload, "Handoff_Record_Id__c", json_object_get_string_member (handoff, "Id"));
  if (request_id != NULL)
    json_object_set_string_member (payload, "Request_Id__c", request_id);
  /* The flow runs as the automated process user. */
  return hd_sf_standin_publish_event (self, HD_SF_STANDIN_EVENT_CHANNEL, payload, "005Hs000000AUTOAAA");
}

guint
hd_sf_standin_add_turn (HdSfStandin *self,
                        const char  *handoff_id,
                        const char  *speaker,
                        const char  *text,
                        const char  *request_id)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  guint sequence;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  g_return_val_if_fail (handoff_id != NULL && speaker != NULL && text != NULL, 0);

  json_object_set_string_member (fields, "Speaker__c", speaker);
  json_object_set_string_member (fields, "Text__c", text);
  if (request_id != NULL)
    json_object_set_string_member (fields, "Request_Id__c", request_id);
  if ((sequence = hd_sf_standin_insert_turn (self, handoff_id, fields)) > 0)
    hd_sf_standin_publish_update (self, handoff_id, request_id);
  return sequence;
}

guint
hd_sf_standin_get_n_turns (HdSfStandin *self,
                           const char  *handoff_id)
{
  JsonObject *handoff;

  g_return_val_if_fail (HD_IS_SF_STANDIN (self), 0);
  handoff = _hd_sf_standin_find_handoff (self, handoff_id);
  return handoff != NULL ? count_turns (self, json_object_get_string_member (handoff, "Id")) : 0;
}

void
hd_sf_standin_set_turn_page_size (HdSfStandin *self,
                                  guint        size)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  self->streaming->turn_page_size = MAX (size, 1);
}

/* One page of @rows (JsonNode records, taken from the front) as the query
 * resource answers it: the rest stays behind a query locator, for the
 * nextRecordsUrl, as Salesforce pages a result of more than its batch
 * size. */
static void
answer_page (HdSfStandin       *self,
             SoupServerMessage *msg,
             GPtrArray         *rows,
             guint              total,
             const char        *version)
{
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(JsonNode) root = json_node_alloc ();
  JsonArray *records = json_array_new ();
  guint n = MIN (rows->len, self->streaming->turn_page_size);

  for (guint i = 0; i < n; i++)
    json_array_add_element (records, json_node_ref (g_ptr_array_index (rows, i)));
  g_ptr_array_remove_range (rows, 0, n);
  json_object_set_int_member (result, "totalSize", total);
  json_object_set_boolean_member (result, "done", rows->len == 0);
  if (rows->len > 0)
    {
      g_autofree char *locator = g_strdup_printf ("01gHs%010uAAA-%u", ++self->streaming->next_cursor,
                                                  total - rows->len);
      g_autofree char *url = g_strdup_printf ("/services/data/%s/query/%s", version, locator);

      json_object_set_string_member (result, "nextRecordsUrl", url);
      g_hash_table_insert (self->streaming->turn_cursors, g_steal_pointer (&locator), g_ptr_array_ref (rows));
    }
  json_object_set_array_member (result, "records", records);
  json_node_init_object (root, result);
  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, root);
}

/* SELECT … FROM Handoff_Turn__c: only the turns of handoffs the caller owns
 * exist, as far as the query can tell. */
static void
answer_query (HdSfStandin       *self,
              SoupServerMessage *msg,
              Session           *session,
              SoqlQuery         *query,
              const char        *version)
{
  g_autoptr(GPtrArray) matched = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  GPtrArray *turns = self->streaming->turns;

  for (guint i = 0; i < turns->len; i++)
    {
      JsonObject *turn = g_ptr_array_index (turns, i);

      if (shared_with (self, turn, session->user_id) && _hd_sf_soql_matches (query, turn))
        g_ptr_array_add (matched, turn);
    }
  _hd_sf_soql_sort (query, matched);
  for (guint i = 0; i < matched->len; i++)
    g_ptr_array_add (rows, _hd_sf_standin_record_for_output (self, "Handoff_Turn__c", g_ptr_array_index (matched, i),
                                                             version, (const char * const *) query->select));
  answer_page (self, msg, rows, rows->len, version);
}

static void
answer_record (HdSfStandin       *self,
               SoupServerMessage *msg,
               JsonObject        *turn,
               const char        *version)
{
  g_autoptr(JsonNode) out = _hd_sf_standin_record_for_output (self, "Handoff_Turn__c", turn, version, NULL);

  _hd_sf_standin_set_json (msg, SOUP_STATUS_OK, out);
}

gboolean
_hd_sf_standin_turns_handle_data (HdSfStandin        *self,
                                  SoupServerMessage  *msg,
                                  Session            *session,
                                  const char         *version,
                                  const char * const *parts,
                                  GHashTable         *query)
{
  const char *method = soup_server_message_get_method (msg);
  guint n = g_strv_length ((GStrv) parts);

  if (n == 1 && strcmp (parts[0], "query") == 0 && method == SOUP_METHOD_GET)
    {
      const char *soql = query != NULL ? g_hash_table_lookup (query, "q") : NULL;
      g_autofree char *error_code = NULL;
      g_autofree char *error_message = NULL;
      g_autoptr(SoqlQuery) parsed = soql != NULL ? _hd_sf_soql_parse (soql, &error_code, &error_message) : NULL;

      /* Anything else, and a query that does not parse, is the store's. */
      if (parsed == NULL || g_strcmp0 (parsed->sobject, "Handoff_Turn__c") != 0)
        return FALSE;
      answer_query (self, msg, session, parsed, version);
      return TRUE;
    }
  /* The next page of a result (a locator is good for one read). */
  if (n == 2 && strcmp (parts[0], "query") == 0 && method == SOUP_METHOD_GET)
    {
      gpointer locator = NULL, rows = NULL;
      const char *dash = strrchr (parts[1], '-');

      if (!g_hash_table_steal_extended (self->streaming->turn_cursors, parts[1], &locator, &rows))
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_QUERY_LOCATOR",
                                          "invalid query locator", NULL);
          return TRUE;
        }
      answer_page (self, msg, rows, (dash != NULL ? (guint) g_ascii_strtoull (dash + 1, NULL, 10) : 0) +
                                    ((GPtrArray *) rows)->len, version);
      g_free (locator);
      g_ptr_array_unref (rows);
      return TRUE;
    }
  if (n >= 2 && strcmp (parts[0], "sobjects") == 0 && strcmp (parts[1], "Handoff_Turn__c") == 0)
    {
      JsonObject *turn = NULL;
      GPtrArray *turns = self->streaming->turns;

      /* The permission set grants Read only: the org's flows write turns. */
      if (method != SOUP_METHOD_GET || n != 3)
        {
          _hd_sf_standin_set_error_array (msg, SOUP_STATUS_FORBIDDEN, "INSUFFICIENT_ACCESS_OR_READONLY",
                                          "insufficient access rights on object id", NULL);
          return TRUE;
        }
      for (guint i = 0; i < turns->len && turn == NULL; i++)
        if (g_strcmp0 (json_object_get_string_member (g_ptr_array_index (turns, i), "Id"), parts[2]) == 0)
          turn = g_ptr_array_index (turns, i);
      if (turn == NULL || !shared_with (self, turn, session->user_id))
        _hd_sf_standin_set_error_array (msg, SOUP_STATUS_NOT_FOUND, "NOT_FOUND",
                                        "The requested resource does not exist", NULL);
      else
        answer_record (self, msg, turn, version);
      return TRUE;
    }
  return FALSE;
}
