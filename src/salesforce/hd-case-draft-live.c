/* hd-case-draft-live.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-draft"

#include "config.h"

#include "hd-case-draft-private.h"
#include "hd-json-get.h"
#include "hd-sf-util.h"

/* Live case changes: the case open in the draft is watched through the
 * session's HdSfCaseWatch (Change Data Capture).  When a colleague or a
 * flow changes it, the draft reads the record again, as Salesforce advises
 * (a change event carries only the changed fields), and takes the new
 * values as its base where the agent has not touched the field.  Where the
 * agent has, and Salesforce now has a third value, the field is in "remote"
 * conflict: the agent sees it before saving, and the base and
 * LastModifiedDate stay as they were, so that a save still meets the
 * outbox's conflict check (412) and asks the agent field by field rather
 * than overwriting the colleague. */

static gboolean
is_settled (HdCaseDraft *self)
{
  /* While an edit of ours is on its way or waits for the agent, the
   * outbox's own conflict handling owns the case. */
  return self->context_loaded && !self->loading && !self->saving && self->pending_ids->len == 0 &&
         self->attention == NULL;
}

static gboolean
set_remote (HdCaseDraft *self,
            HdCaseField  field,
            const char  *value)
{
  if (g_strcmp0 (self->remote[field], value) == 0)
    return FALSE;
  g_free (self->remote[field]);
  self->remote[field] = g_strdup (value);
  return TRUE;
}

void
_hd_case_draft_clear_remote (HdCaseDraft *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    changed = set_remote (self, i, NULL) || changed;
  if (changed)
    g_signal_emit (self, _hd_case_draft_signals[REMOTE_CHANGED], 0);
}

/* The agent typed Salesforce's new value themselves: nothing to decide. */
void
_hd_case_draft_field_edited (HdCaseDraft *self,
                             HdCaseField  field)
{
  if (self->remote[field] == NULL || g_strcmp0 (self->fields[field], self->remote[field]) != 0)
    return;
  g_free (self->base[field]);
  self->base[field] = g_strdup (self->remote[field]);
  set_remote (self, field, NULL);
  g_signal_emit (self, _hd_case_draft_signals[REMOTE_CHANGED], 0);
}

static void
apply_remote (HdCaseDraft *self,
              JsonObject  *record,
              GError      *error)
{
  gboolean changed = FALSE;
  gboolean in_conflict = FALSE;

  if (record == NULL)
    {
      /* The next change or the next save tells again; nothing is lost. */
      g_debug ("Could not read the changed case again: %s", error->message);
      return;
    }
  if (!is_settled (self))
    return;
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *name = hd_case_field_get_api_name (i);
      g_autofree char *server = NULL;
      const char *text = self->fields[i];

      if (!json_object_has_member (record, name))
        continue;
      server = hd_case_field_dup_value_text (json_object_get_member (record, name));
      if (g_strcmp0 (text, _hd_case_draft_reference (self, i)) == 0 || g_strcmp0 (text, server) == 0)
        {
          /* Untouched, or the agent wrote what Salesforce now has. */
          g_free (self->base[i]);
          self->base[i] = g_strdup (server);
          _hd_case_draft_set_field_text (self, i, server);
          changed = set_remote (self, i, NULL) || changed;
        }
      else if (self->base[i] != NULL && g_strcmp0 (server, self->base[i]) != 0)
        changed = set_remote (self, i, server) || changed;
      else
        changed = set_remote (self, i, NULL) || changed;
      in_conflict = in_conflict || self->remote[i] != NULL;
    }
  if (!in_conflict)
    {
      g_free (self->last_modified);
      self->last_modified = g_strdup (hd_json_get_string (record, "LastModifiedDate", NULL));
    }
  if (changed)
    g_signal_emit (self, _hd_case_draft_signals[REMOTE_CHANGED], 0);
  _hd_case_draft_update_dirty (self);
}


static void
on_case_changed_cb (HdCaseDraft   *self,
                    const char    *case_id,
                    GStrv          changed_fields,
                    const char    *commit_user,
                    HdSfCaseWatch *watch)
{
  if (g_strcmp0 (case_id, self->case_id) != 0 || !is_settled (self) || self->client == NULL)
    return;
  g_debug ("Case %s changed by %s; reading it again", case_id, commit_user != NULL ? commit_user : "someone");
  _hd_case_draft_read_case (self, apply_remote);
}

void
_hd_case_draft_unwatch (HdCaseDraft *self)
{
  if (self->watch == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->watch, on_case_changed_cb, self);
  hd_sf_case_watch_remove (self->watch, self->watched_id);
  g_clear_object (&self->watch);
  g_clear_pointer (&self->watched_id, g_free);
}

void
_hd_case_draft_update_watch (HdCaseDraft *self)
{
  gboolean want = self->client != NULL && self->case_id != NULL && hd_sf_is_valid_id (self->case_id);

  if (want && self->watch != NULL && self->watch == hd_sf_case_watch_get_for_client (self->client) &&
      g_strcmp0 (self->watched_id, self->case_id) == 0)
    return;
  _hd_case_draft_unwatch (self);
  _hd_case_draft_clear_remote (self);
  if (!want)
    return;
  self->watch = g_object_ref (hd_sf_case_watch_get_for_client (self->client));
  self->watched_id = g_strdup (self->case_id);
  hd_sf_case_watch_add (self->watch, self->watched_id);
  g_signal_connect_swapped (self->watch, "case-changed", G_CALLBACK (on_case_changed_cb), self);
}

const char *
hd_case_draft_get_remote_value (HdCaseDraft *self,
                                HdCaseField  field)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  g_return_val_if_fail (field < HD_CASE_N_FIELDS, NULL);
  return self->remote[field];
}
