/* hd-outbox-reconcile.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox"

#include "config.h"

#include <string.h>

#include "hd-json-get.h"
#include "hd-outbox-private.h"
#include "hd-time.h"

/* An entry found "sending" (after a crash, a lost answer, a 5xx or a
 * network failure) may have reached Salesforce.  Before it is sent again
 * the server is asked: an update is compared field by field with the
 * record, a create or comment is looked for by the marker it carries.
 * docs/salesforce.md gives the rules. */

static void
reconcile_query_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) records = NULL;
  g_autofree char *marker = NULL;
  gboolean comment;

  records = hd_sf_client_query_finish (HD_SF_CLIENT (object), result, &error);
  if (_hd_outbox_call_done (call, error))
    return;
  if (records == NULL)
    {
      _hd_outbox_handle_failure (call->self, call->entry, error);
      return;
    }

  marker = _hd_outbox_record_marker (call->entry);
  comment = call->entry->kind == HD_OUTBOX_KIND_COMMENT;
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *text = hd_json_get_string (record, comment ? "CommentBody" : "Description", NULL);

      if (text != NULL && strstr (text, marker) != NULL)
        {
          g_message ("Outbox: found the %s sent before the interruption; not sending it again",
                     comment ? "comment" : "case");
          _hd_outbox_acknowledge (call->self, call->entry,
                                  hd_json_get_string (record, "Id", NULL));
          return;
        }
    }
  _hd_outbox_send_entry (call->self, call->entry);
}

static void
reconcile_record_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean all_applied;

  if ((server = _hd_outbox_record_from_answer (call, object, result)) == NULL)
    return;

  /* Every field already has the agent's value: the update was applied
   * (by the request whose answer was lost).  Done, not sent again. */
  conflicts = _hd_outbox_find_conflicts (call->entry, server, &all_applied);
  if (all_applied)
    {
      g_message ("Outbox: the update sent before the interruption was applied; not sending it again");
      _hd_outbox_acknowledge (call->self, call->entry, NULL);
      return;
    }

  /* The record is still the version the agent edited: not applied. */
  base = hd_sf_parse_datetime (call->entry->base_modified);
  now = hd_sf_parse_datetime (hd_json_get_string (server, "LastModifiedDate", NULL));
  if (base == NULL || (now != NULL && g_date_time_compare (base, now) == 0))
    {
      _hd_outbox_send_entry (call->self, call->entry);
      return;
    }
  _hd_outbox_handle_changed_record (call->self, call->entry, server);
}

void
_hd_outbox_reconcile (HdOutbox     *self,
                      OutboxRecord *entry)
{
  const char *user_id = hd_sf_auth_get_user_id (hd_sf_client_get_auth (self->client));
  g_autoptr(GDateTime) sent_at = hd_sf_parse_datetime (entry->sent_at);
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *soql = NULL;
  g_autofree char *user = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *description = _hd_outbox_record_describe (entry);

  g_debug ("Outbox: reconciling %s", description);

  if (entry->kind == HD_OUTBOX_KIND_UPDATE)
    {
      _hd_outbox_fetch_record (self, entry, reconcile_record_cb);
      return;
    }

  /* Creates and comments carry the entry's marker: look for it among the
   * records this user created since shortly before the first attempt (an
   * hour's margin for clock skew). */
  if (sent_at == NULL)
    sent_at = g_date_time_new_now_utc ();
  since = g_date_time_add_hours (sent_at, -1);
  since_text = hd_time_format_rfc3339 (since, 0);
  user = user_id != NULL ? hd_sf_soql_quote (user_id) : NULL;

  if (entry->kind == HD_OUTBOX_KIND_COMMENT)
    {
      parent = hd_sf_soql_quote (_hd_outbox_entry_target (self, entry));
      soql = g_strdup_printf ("SELECT Id, CommentBody FROM CaseComment WHERE ParentId = %s "
                              "AND CreatedDate >= %s%s%s", parent, since_text,
                              user != NULL ? " AND CreatedById = " : "", user != NULL ? user : "");
    }
  else
    soql = g_strdup_printf ("SELECT Id, Description FROM %s WHERE CreatedDate >= %s%s%s",
                            entry->sobject, since_text,
                            user != NULL ? " AND CreatedById = " : "", user != NULL ? user : "");
  hd_sf_client_query_async (self->client, soql, self->cancellable, reconcile_query_cb,
                            _hd_outbox_call_new (self, entry));
}
