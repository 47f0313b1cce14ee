/* hd-session-restore.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-session"

#include "config.h"

#include "hd-journal-state.h"
#include "hd-packet-parser.h"
#include "hd-session-private.h"
#include "hd-time.h"

/* The journal as the source of truth for what was presented: its index is
 * opened at start, kept up to date with every append, and tells the feed
 * client and the queue what an earlier run (even one killed mid-offer)
 * already journaled; the handoffs still open in it come back. */

/* How long the index may lag the journal on disk: a start after a crash
 * reads the journal from where the index ends, so the lag costs reading
 * time at start, never correctness. */
#define INDEX_SAVE_DELAY_S 60

static gboolean
save_index_cb (gpointer data)
{
  HdSession *self = data;

  self->index_save_id = 0;
  _hd_session_save_index (self);
  return G_SOURCE_REMOVE;
}

static void
on_journal_appended_cb (HdJournal      *journal,
                        HdJournalEvent *event,
                        HdSession      *self)
{
  const char *path = hd_journal_get_current_path (journal);

  /* Not read yet (it is, in a worker): noted once it is.  Noting a record
   * the worker's scan saw too changes nothing, as these are the newest. */
  if (self->index == NULL)
    {
      if (self->unindexed != NULL)
        {
          g_ptr_array_add (self->unindexed, hd_journal_event_ref (event));
          g_ptr_array_add (self->unindexed_paths, g_strdup (path));
        }
      return;
    }
  hd_journal_index_note (self->index, event, path);
  if (self->index_save_id == 0)
    self->index_save_id = g_timeout_add_seconds (INDEX_SAVE_DELAY_S, save_index_cb, self);
}

/* The feed position of what is journaled now, if a sequenced message is
 * being applied: into @payload's "feed" member, so that a rebuilt index
 * knows it too. */
gboolean
_hd_session_stamp_feed (HdSession  *self,
                        JsonObject *payload)
{
  const char *stream = NULL;
  gint64 seq = 0;
  JsonObject *feed;

  if (self->feed == NULL || !hd_feed_client_get_applying (self->feed, &stream, &seq))
    return FALSE;
  feed = json_object_new ();
  json_object_set_string_member (feed, "stream", stream);
  json_object_set_int_member (feed, "seq", seq);
  json_object_set_object_member (payload, "feed", feed);
  return TRUE;
}

/* After a stamped record is written. */
void
_hd_session_note_feed (HdSession *self)
{
  const char *stream = NULL;
  gint64 seq = 0;

  if (self->index != NULL && hd_feed_client_get_applying (self->feed, &stream, &seq))
    hd_journal_index_note_feed (self->index, stream, seq);
}

/* Where the Salesforce binding read a handoff's turns up to: the last
 * Handoff_Turn__c sequence the journal holds. */
typedef struct
{
  char   *handoff_id;
  gint64  sequence;
} TurnMark;

static void
turn_mark_free (TurnMark *mark)
{
  g_free (mark->handoff_id);
  g_free (mark);
}

static void
note_turn_mark (TurnMark       **mark,
                const char      *handoff_id,
                HdJournalEvent  *event)
{
  JsonObject *payload = hd_journal_event_get_payload (event);
  JsonNode *node = payload != NULL ? json_object_get_member (payload, "salesforce") : NULL;
  JsonObject *salesforce;
  JsonNode *sequence;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  salesforce = json_node_get_object (node);
  sequence = json_object_get_member (salesforce, "sequence");
  if (sequence == NULL || json_node_get_value_type (sequence) != G_TYPE_INT64)
    return;
  if (*mark == NULL)
    {
      *mark = g_new0 (TurnMark, 1);
      (*mark)->handoff_id = g_strdup (handoff_id);
    }
  (*mark)->sequence = MAX ((*mark)->sequence, json_node_get_int (sequence));
}

/* An open handoff as the journal has it: the offer's packet, the turns
 * appended since, accepted or not, and (@mark) how far the Salesforce
 * binding read its turns.  In the loading worker: nothing else holds the
 * new handoff yet. */
static HdHandoff *
rebuild_handoff (const char  *handoff_id,
                 GPtrArray   *events,
                 TurnMark   **mark)
{
  g_autoptr(HdJournalState) state = hd_journal_state_new ();
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(GDateTime) expires_at = NULL;
  g_autoptr(HdHandoff) handoff = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode * const *turns;
  guint n_turns = 0;

  for (guint i = 0; i < events->len; i++)
    {
      HdJournalEvent *event = g_ptr_array_index (events, i);

      hd_journal_state_apply (state, event);
      if (g_strcmp0 (hd_journal_event_get_event_type (event), HD_EVENT_TRANSCRIPT) == 0)
        note_turn_mark (mark, handoff_id, event);
      if (expires_at == NULL && g_strcmp0 (hd_journal_event_get_event_type (event), HD_EVENT_OFFER) == 0 &&
          hd_journal_event_get_payload_string (event, "expires_at") != NULL)
        expires_at = hd_time_parse_iso8601 (hd_journal_event_get_payload_string (event, "expires_at"), NULL);
    }

  if (hd_journal_state_get_packet (state) == NULL ||
      !(packet = hd_packet_parse_node (hd_journal_state_get_packet (state), NULL, &error)))
    {
      g_warning ("Handoff %s was open, but its journaled offer cannot be read back: %s", handoff_id,
                 error != NULL ? error->message : "no packet");
      return NULL;
    }

  handoff = hd_handoff_new (packet, expires_at);
  turns = hd_journal_state_get_log (state, HD_STATE_LOG_TURNS, &n_turns);
  for (guint i = 0; i < n_turns; i++)
    {
      g_autofree char *pointer = g_strdup_printf ("/turns/%u", i);
      g_autoptr(HdTurn) turn = hd_turn_parse_node (turns[i], pointer, NULL);

      if (turn != NULL)
        hd_handoff_append_turn (handoff, turn);
    }
  if (hd_journal_state_get_state (state) == HD_HANDOFF_STATE_ACCEPTED)
    hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE);
  return g_steal_pointer (&handoff);
}

/* What the worker made of the journal: the index, and the handoffs it has
 * open rebuilt (their packets parsed), for the main thread to take in. */
typedef struct
{
  char           *directory;
  gboolean        restore;    /* FALSE for the demo */
  HdJournalIndex *index;
  GPtrArray      *handoffs;   /* HdHandoff, owned */
  GPtrArray      *marks;      /* TurnMark, owned */
  GError         *error;      /* why the index could not be made */
  gint64          elapsed_us;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->directory);
  g_clear_pointer (&load->index, hd_journal_index_free);
  g_clear_pointer (&load->handoffs, g_ptr_array_unref);
  g_clear_pointer (&load->marks, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_free (load);
}

/* Reading the whole journal when its index must be rebuilt takes time in
 * proportion to it (docs/journal.md, "The index"): never on the thread that
 * draws the window. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GHashTable) open = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  gint64 started = g_get_monotonic_time ();
  gboolean rebuilt = FALSE;

  load->index = hd_journal_index_open (load->directory, &rebuilt, &load->error);
  if (load->index == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (rebuilt)
    g_debug ("The journal index was rebuilt from the journal");
  if (!hd_journal_index_save (load->index, &error))
    g_warning ("%s", error->message);
  g_clear_error (&error);

  load->handoffs = g_ptr_array_new_with_free_func (g_object_unref);
  load->marks = g_ptr_array_new_with_free_func ((GDestroyNotify) turn_mark_free);
  /* The built-in demo's router is a new one every run: what was open at
   * the last one's does not exist at this one. */
  ids = load->restore ? hd_journal_index_dup_open (load->index) : g_new0 (char *, 1);
  open = ids[0] != NULL ? hd_journal_index_collect_open (load->index, &error) : NULL;
  if (open == NULL && error != NULL)
    g_warning ("Could not read the open handoffs back from the journal: %s", error->message);
  for (guint i = 0; open != NULL && ids[i] != NULL; i++)
    {
      TurnMark *mark = NULL;
      HdHandoff *handoff = rebuild_handoff (ids[i], g_hash_table_lookup (open, ids[i]), &mark);

      if (handoff != NULL)
        g_ptr_array_add (load->handoffs, handoff);
      if (handoff != NULL && mark != NULL)
        g_ptr_array_add (load->marks, mark);
      else if (mark != NULL)
        turn_mark_free (mark);
    }
  load->elapsed_us = g_get_monotonic_time () - started;
  g_task_return_boolean (task, TRUE);
}

/* Shows again what was open when the app last stopped (crashed or not),
 * then makes every other presented id known to the queue and the journal's
 * feed positions to the client, all before the feed starts. */
static void
restore (HdSession *self,
         GPtrArray *handoffs,
         GPtrArray *marks)
{
  HdQueue *queue = hd_feed_client_get_queue (self->feed);
  GHashTableIter iter;
  gpointer key;
  guint restored = 0;

  for (guint i = 0; handoffs != NULL && i < handoffs->len; i++)
    {
      self->restoring = TRUE;
      if (hd_queue_add (queue, g_ptr_array_index (handoffs, i)))
        restored++;
      self->restoring = FALSE;
    }
  if (restored > 0)
    g_message ("Restored %u open handoffs from the journal", restored);
  /* A replayed `update` must not append what the journal holds. */
  for (guint i = 0; self->sf_feed != NULL && marks != NULL && i < marks->len; i++)
    {
      TurnMark *mark = g_ptr_array_index (marks, i);

      hd_sf_feed_remember_turns (self->sf_feed, mark->handoff_id, mark->sequence);
    }

  g_hash_table_iter_init (&iter, hd_journal_index_get_presented (self->index));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hd_queue_remember (queue, key);
  hd_feed_client_set_journaled (self->feed, hd_journal_index_get_streams (self->index),
                                hd_journal_index_get_last_stream (self->index));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HdSession *self = user_data;
  Load *load = g_task_get_task_data (G_TASK (result));

  /* Stopped or gone meanwhile: @self may be too, and nothing is started. */
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  self->loading = FALSE;
  if (load->index == NULL)
    g_warning ("The journal's index could not be made; offers journaled by an earlier run may be shown again: %s",
               load->error->message);
  else
    {
      g_debug ("The journal index was ready in %" G_GINT64_FORMAT " ms", load->elapsed_us / 1000);
      self->index = g_steal_pointer (&load->index);
      for (guint i = 0; i < self->unindexed->len; i++)
        hd_journal_index_note (self->index, g_ptr_array_index (self->unindexed, i),
                               g_ptr_array_index (self->unindexed_paths, i));
      restore (self, load->handoffs, load->marks);
    }
  g_clear_pointer (&self->unindexed, g_ptr_array_unref);
  g_clear_pointer (&self->unindexed_paths, g_ptr_array_unref);
  _hd_session_start_transport (self);
}

/* Opens the index (rebuilding it when stale) and rebuilds the handoffs it
 * has open in a worker; once done, on this thread, shows them again, tells
 * the queue and the feed client what was presented, and starts the feed:
 * exactly once needs all of it in place before the first frame. */
void
_hd_session_load_and_start (HdSession *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  if (self->loading)
    return;
  if (self->journal == NULL || self->restored)
    {
      _hd_session_start_transport (self);
      return;
    }
  self->restored = TRUE;
  self->loading = TRUE;

  load = g_new0 (Load, 1);
  load->directory = g_strdup (hd_journal_get_directory (self->journal));
  load->restore = self->demo_open_uri == NULL;
  /* No reference on the session: its dispose cancels, and then the
   * callback touches nothing of it. */
  task = g_task_new (NULL, self->cancellable, load_cb, self);
  g_task_set_source_tag (task, _hd_session_load_and_start);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
}

void
_hd_session_watch_journal (HdSession *self)
{
  if (self->journal == NULL)
    return;
  /* From now on: what is appended before the index is in is noted then. */
  self->unindexed = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  self->unindexed_paths = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_object (self->journal, "appended", G_CALLBACK (on_journal_appended_cb), self, 0);
}

void
_hd_session_save_index (HdSession *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->index_save_id, g_source_remove);
  if (self->index != NULL && !hd_journal_index_save (self->index, &error))
    g_warning ("%s", error->message);
}
