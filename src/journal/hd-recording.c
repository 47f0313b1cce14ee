/* hd-recording.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-recording"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-journal.h"
#include "hd-journal-verify.h"
#include "hd-json-get.h"
#include "hd-recording.h"
#include "hd-time.h"

struct _HdRecording
{
  GObject      parent_instance;

  GFile       *file;          /* owned */
  GBytes      *contents;      /* owned */
  GArray      *offsets;       /* owned, guint64 line offsets, header first */
  char        *handoff_id;    /* owned */
  char        *title;         /* owned, nullable */
  GDateTime   *exported_at;   /* owned, nullable */
  gboolean     redacted;
  char         last_hash[65];
  guint        n_events;
  gint64      *times;         /* owned, n_events */
  const char **types;         /* owned array of interned strings, n_events */
  GPtrArray   *checkpoints;   /* owned, of HdJournalState: after i * INTERVAL events */
};

G_DEFINE_FINAL_TYPE (HdRecording, hd_recording, G_TYPE_OBJECT)

/* ---- Reading ------------------------------------------------------------ */

static void
hd_recording_finalize (GObject *object)
{
  HdRecording *self = HD_RECORDING (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_free (self->handoff_id);
  g_free (self->title);
  g_clear_pointer (&self->exported_at, g_date_time_unref);
  g_free (self->times);
  g_free (self->types);
  g_clear_pointer (&self->checkpoints, g_ptr_array_unref);

  G_OBJECT_CLASS (hd_recording_parent_class)->finalize (object);
}

static void
hd_recording_class_init (HdRecordingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_recording_finalize;
}

static void
hd_recording_init (HdRecording *self)
{
}

static const char *
get_line (HdRecording *self,
          guint        line_index,
          gsize       *len)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (self->contents, &size);
  guint64 start = g_array_index (self->offsets, guint64, line_index);
  guint64 end = line_index + 1 < self->offsets->len
                ? g_array_index (self->offsets, guint64, line_index + 1)
                : size;

  *len = (gsize) (end - start - 1);  /* without the '\n' */
  return data + start;
}

static HdJournalEvent *
parse_line_at (HdRecording  *self,
               guint         line_index,
               GError      **error)
{
  gsize len;
  const char *line = get_line (self, line_index, &len);

  /* Every line was verified when the recording was opened. */
  return _hd_journal_event_parse_line_trusted (line, len, error);
}

typedef struct
{
  const char *data;
  gsize       len;
  guint64     n_records;
  char        last_hash[65];
  gboolean    ok;
  GError     *error;
} VerifyJob;

static gpointer
verify_thread (gpointer data)
{
  VerifyJob *job = data;

  job->ok = _hd_journal_verify_buffer (job->data, job->len, NULL, FALSE, NULL, &job->n_records,
                                       job->last_hash, NULL, &job->error);
  return NULL;
}

/* Joins the verifier; its error wins over @error, being more precise about
 * a damaged file than a parse error of the same line. */
static gboolean
join_verify (GThread    *thread,
             VerifyJob  *job,
             gboolean    ok,
             GError    **error,
             GError     *local_error)
{
  g_thread_join (thread);
  if (!job->ok)
    {
      g_clear_error (&local_error);
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Lines a parser thread takes at a time. */
#define PARSE_CHUNK 2048

typedef struct
{
  GMutex        mutex;
  GCond         cond;
  GCancellable *cancellable;
  gint          stop;      /* atomic */
} ParseShared;

typedef struct
{
  ParseShared *shared;
  guint        first;      /* event indexes [first, last) */
  guint        last;
  GPtrArray   *events;     /* of HdJournalEvent, set when done */
  GError      *error;
  gboolean     done;       /* under shared->mutex */
} ParseChunk;

static void
parse_chunk_func (gpointer data,
                  gpointer user_data)
{
  ParseChunk *chunk = data;
  HdRecording *self = user_data;
  GPtrArray *events = g_ptr_array_new_full (chunk->last - chunk->first, (GDestroyNotify) hd_journal_event_unref);
  GError *error = NULL;

  if (g_atomic_int_get (&chunk->shared->stop) ||
      g_cancellable_set_error_if_cancelled (chunk->shared->cancellable, &error))
    goto out;
  for (guint i = chunk->first; i < chunk->last; i++)
    {
      HdJournalEvent *event = parse_line_at (self, i + 1, &error);

      if (event == NULL)
        {
          g_prefix_error (&error, _("Event %u: "), i + 1);
          break;
        }
      g_ptr_array_add (events, event);
    }

out:
  g_mutex_lock (&chunk->shared->mutex);
  chunk->events = events;
  chunk->error = error;
  chunk->done = TRUE;
  g_cond_broadcast (&chunk->shared->cond);
  g_mutex_unlock (&chunk->shared->mutex);
}

static gboolean
parse_and_checkpoint (HdRecording   *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(HdJournalEvent) header = NULL;
  g_autoptr(HdJournalState) state = NULL;
  ParseShared shared = { 0, };
  ParseChunk *chunks;
  GThreadPool *pool;
  gboolean ok = TRUE;
  guint n_chunks;
  const char *format;
  JsonObject *payload;
  JsonNode *redacted;

  if (self->offsets->len == 0)
    return TRUE;  /* the verifier reports the empty file */

  if (!(header = parse_line_at (self, 0, error)))
    return FALSE;
  payload = hd_journal_event_get_payload (header);
  format = hd_json_get_string (payload, "format", NULL);
  if (!g_str_equal (hd_journal_event_get_event_type (header), HD_EVENT_RECORDING_HEADER) ||
      g_strcmp0 (format, HD_RECORDING_FORMAT) != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("This is not a HandoffDesk recording"));
      return FALSE;
    }
  if (hd_json_get_int (payload, "format_version", 0) > 1)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_VERSION, _("This recording needs a newer HandoffDesk"));
      return FALSE;
    }
  self->handoff_id = g_strdup (hd_journal_event_get_handoff_id (header));
  self->title = g_strdup (hd_json_get_string (payload, "title", NULL));
  self->exported_at = hd_time_parse_iso8601 (hd_json_get_string (payload, "exported_at", NULL),
                                             NULL);
  redacted = json_object_get_member (payload, "redacted");
  if (redacted != NULL && JSON_NODE_HOLDS_OBJECT (redacted))
    self->redacted = hd_json_get_boolean (json_node_get_object (redacted), "names", FALSE) ||
                     hd_json_get_boolean (json_node_get_object (redacted), "free_text", FALSE);

  self->n_events = self->offsets->len - 1;
  self->times = g_new0 (gint64, MAX (self->n_events, 1));
  self->types = g_new0 (const char *, MAX (self->n_events, 1));

  /* Worker threads parse chunks of lines; this thread applies the events in
   * order and checkpoints the state, so any seek is cheap later. */
  n_chunks = (self->n_events + PARSE_CHUNK - 1) / PARSE_CHUNK;
  chunks = g_new0 (ParseChunk, MAX (n_chunks, 1));
  g_mutex_init (&shared.mutex);
  g_cond_init (&shared.cond);
  shared.cancellable = cancellable;
  pool = g_thread_pool_new (parse_chunk_func, self, (int) CLAMP (g_get_num_processors (), 1, 8), FALSE, NULL);
  for (guint c = 0; c < n_chunks; c++)
    {
      chunks[c].shared = &shared;
      chunks[c].first = c * PARSE_CHUNK;
      chunks[c].last = MIN ((c + 1) * PARSE_CHUNK, self->n_events);
      g_thread_pool_push (pool, &chunks[c], NULL);
    }

  state = hd_journal_state_new ();
  g_ptr_array_add (self->checkpoints, hd_journal_state_copy (state));
  for (guint c = 0; c < n_chunks && ok; c++)
    {
      ParseChunk *chunk = &chunks[c];

      g_mutex_lock (&shared.mutex);
      while (!chunk->done)
        g_cond_wait (&shared.cond, &shared.mutex);
      g_mutex_unlock (&shared.mutex);

      if (chunk->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&chunk->error));
          ok = FALSE;
          break;
        }
      for (guint i = chunk->first; i < chunk->last; i++)
        {
          HdJournalEvent *event = g_ptr_array_index (chunk->events, i - chunk->first);

          self->times[i] = hd_time_to_unix_usec (hd_journal_event_get_time (event));
          self->types[i] = g_intern_string (hd_journal_event_get_event_type (event));
          hd_journal_state_apply (state, event);
          if ((i + 1) % HD_RECORDING_CHECKPOINT_INTERVAL == 0)
            g_ptr_array_add (self->checkpoints, hd_journal_state_copy (state));
        }
      g_clear_pointer (&chunk->events, g_ptr_array_unref);
    }

  /* Stop the workers (they skip remaining chunks once cancelled). */
  g_atomic_int_set (&shared.stop, 1);
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint c = 0; c < n_chunks; c++)
    {
      g_clear_pointer (&chunks[c].events, g_ptr_array_unref);
      g_clear_error (&chunks[c].error);
    }
  g_free (chunks);
  g_mutex_clear (&shared.mutex);
  g_cond_clear (&shared.cond);
  return ok;
}

static gboolean
load (HdRecording   *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *contents = NULL;
  GError *local_error = NULL;
  VerifyJob job = { 0, };
  GThread *thread;
  const char *data;
  const char *end;
  gsize size = 0;
  gboolean ok;

  if (!g_file_load_contents (self->file, cancellable, &contents, &size, NULL, error))
    return FALSE;
  self->contents = g_bytes_new_take (g_steal_pointer (&contents), size);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->checkpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_state_free);

  /* Index the complete lines; a torn tail is left to the verifier. */
  data = g_bytes_get_data (self->contents, NULL);
  end = data + size;
  for (const char *line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', (gsize) (end - line));
      guint64 offset = (guint64) (line - data);

      if (nl == NULL)
        break;
      g_array_append_val (self->offsets, offset);
      line = nl + 1;
    }

  /* Hashing the chain and parsing the events are independent: do them on
   * two cores.  Nothing parsed is handed out unless the chain verifies. */
  job.data = data;
  job.len = size;
  thread = g_thread_new ("hd-recording-verify", verify_thread, &job);
  ok = parse_and_checkpoint (self, cancellable, &local_error);
  if (!join_verify (thread, &job, ok, error, local_error))
    return FALSE;

  g_assert (job.n_records == self->offsets->len);
  memcpy (self->last_hash, job.last_hash, sizeof self->last_hash);
  return TRUE;
}

HdRecording *
hd_recording_new_for_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(HdRecording) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (HD_TYPE_RECORDING, NULL);
  self->file = g_object_ref (file);
  if (!load (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HdRecording *self = hd_recording_new_for_file (task_data, cancellable, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
hd_recording_load_async (GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_recording_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

HdRecording *
hd_recording_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
hd_recording_get_file (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  return self->file;
}

const char *
hd_recording_get_handoff_id (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  return self->handoff_id;
}

const char *
hd_recording_get_title (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  return self->title;
}

GDateTime *
hd_recording_get_exported_at (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  return self->exported_at;
}

gboolean
hd_recording_get_redacted (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), FALSE);
  return self->redacted;
}

const char *
hd_recording_get_last_hash (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  return self->last_hash;
}

guint
hd_recording_get_n_events (HdRecording *self)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), 0);
  return self->n_events;
}

HdJournalEvent *
hd_recording_dup_event (HdRecording  *self,
                        guint         index,
                        GError      **error)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  g_return_val_if_fail (index < self->n_events, NULL);

  return parse_line_at (self, index + 1, error);
}

gint64
hd_recording_get_event_time (HdRecording *self,
                             guint        index)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), 0);
  g_return_val_if_fail (index < self->n_events, 0);
  return self->times[index];
}

const char *
hd_recording_get_event_type (HdRecording *self,
                             guint        index)
{
  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  g_return_val_if_fail (index < self->n_events, NULL);
  return self->types[index];
}

HdJournalState *
hd_recording_dup_state_at (HdRecording  *self,
                           guint         position,
                           GError      **error)
{
  g_autoptr(HdJournalState) state = NULL;
  guint checkpoint;

  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  g_return_val_if_fail (position <= self->n_events, NULL);

  checkpoint = MIN (position / HD_RECORDING_CHECKPOINT_INTERVAL, self->checkpoints->len - 1);
  state = hd_journal_state_copy (g_ptr_array_index (self->checkpoints, checkpoint));
  for (guint i = checkpoint * HD_RECORDING_CHECKPOINT_INTERVAL; i < position; i++)
    {
      g_autoptr(HdJournalEvent) event = parse_line_at (self, i + 1, error);

      if (event == NULL)
        return NULL;
      hd_journal_state_apply (state, event);
    }
  return g_steal_pointer (&state);
}
