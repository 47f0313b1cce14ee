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
#include "hd-journal-scrub.h"
#include "hd-journal-verify.h"
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

/* ---- Writing and redaction ---------------------------------------------- */

static const char * const pseudonyms[] = {
  "Alex Morgan", "Sam Okafor", "Jordan Lee", "Taylor Brooks", "Casey Fernandes",
  "Riley Chen", "Morgan Iyer", "Jamie Novak",
};

/* Members holding free text, redacted with HD_RECORDING_REDACT_FREE_TEXT. */
static const char * const free_text_names[] = {
  "text", "summary", "unresolved_issue", "actions_attempted", "detail", "next_best_action",
  "reason", "comment", "message", "value", "body", "description", "subject",
};

static gboolean
is_free_text_name (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (free_text_names); i++)
    if (g_str_equal (name, free_text_names[i]))
      return TRUE;
  return FALSE;
}

static const char *
pseudonym_for (GHashTable *names,
               const char *name)
{
  const char *found = g_hash_table_lookup (names, name);

  if (found == NULL)
    {
      guint n = g_hash_table_size (names);
      char *value = n < G_N_ELEMENTS (pseudonyms) ? g_strdup (pseudonyms[n])
                                                    : g_strdup_printf ("Customer %u", n + 1);

      g_hash_table_insert (names, g_strdup (name), value);
      found = value;
    }
  return found;
}

static char *
replace_names_in_text (GHashTable *names,
                       const char *text)
{
  GString *out = g_string_new (text);
  GHashTableIter iter;
  gpointer key, value;

  /* Whole names first, then first and last names on their own. */
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) real_parts = g_strsplit (key, " ", -1);
      g_auto(GStrv) fake_parts = g_strsplit (value, " ", -1);

      g_string_replace (out, key, value, 0);
      for (guint i = 0; real_parts[i] != NULL; i++)
        if (strlen (real_parts[i]) >= 3)
          g_string_replace (out, real_parts[i],
                            fake_parts[MIN (i, g_strv_length (fake_parts) - 1)], 0);
    }
  return g_string_free (out, FALSE);
}

/* Enum-like values ("regulated_action", "customer_abandoned") are kept even
 * under free-text names: they carry no personal data and trainers need them. */
static gboolean
is_machine_token (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static char *
placeholder_for (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;
  return g_strdup_printf ("[redacted: %u words]", n);
}

static JsonNode *
redact_node (const char             *parent,
             const char             *member,
             JsonNode               *node,
             HdRecordingRedactFlags  flags,
             GHashTable             *names,
             gboolean                in_free_text)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *in = json_node_get_object (node);
        JsonObject *out = json_object_new ();
        JsonNode *result = json_node_new (JSON_NODE_OBJECT);
        JsonObjectIter iter;
        const char *name;
        JsonNode *child;

        json_object_iter_init_ordered (&iter, in);
        while (json_object_iter_next_ordered (&iter, &name, &child))
          json_object_set_member (out, name, redact_node (member, name, child, flags, names,
                                                          in_free_text || is_free_text_name (name)));
        json_node_take_object (result, out);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *in = json_node_get_array (node);
        JsonArray *out = json_array_sized_new (json_array_get_length (in));
        JsonNode *result = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (in); i++)
          json_array_add_element (out, redact_node (parent, member, json_array_get_element (in, i),
                                                    flags, names, in_free_text));
        json_node_take_array (result, out);
        return result;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *value = json_node_get_string (node);
          JsonNode *result = json_node_new (JSON_NODE_VALUE);
          g_autofree char *redacted = NULL;

          if ((flags & HD_RECORDING_REDACT_NAMES) != 0 &&
              g_strcmp0 (parent, "customer") == 0 && g_strcmp0 (member, "name") == 0)
            redacted = g_strdup (pseudonym_for (names, value));
          else if ((flags & HD_RECORDING_REDACT_FREE_TEXT) != 0 && in_free_text && !is_machine_token (value))
            redacted = placeholder_for (value);
          else if ((flags & HD_RECORDING_REDACT_NAMES) != 0)
            redacted = replace_names_in_text (names, value);
          else
            redacted = g_strdup (value);

          json_node_set_string (result, redacted);
          return result;
        }
      return json_node_copy (node);

    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* Registers customer names before any text is redacted, so that a name
 * mentioned in a turn before the packet names it is still replaced. */
static void
collect_names (JsonNode   *node,
               const char *member,
               const char *parent,
               GHashTable *names)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        collect_names (child, name, member, names);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_names (json_array_get_element (array, i), member, parent, names);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           g_strcmp0 (parent, "customer") == 0 && g_strcmp0 (member, "name") == 0)
    pseudonym_for (names, json_node_get_string (node));
}

JsonNode *
hd_recording_redact_payload (JsonNode               *payload,
                             HdRecordingRedactFlags  flags,
                             GHashTable             *names)
{
  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  if (flags & HD_RECORDING_REDACT_NAMES)
    collect_names (payload, NULL, NULL, names);
  return redact_node (NULL, NULL, payload, flags, names, FALSE);
}

static const char *
redact_actor (GHashTable  *actors,
              HdActorKind  kind,
              const char  *id)
{
  g_autofree char *key = NULL;
  const char *found;

  if (id == NULL || (kind != HD_ACTOR_AGENT && kind != HD_ACTOR_SUPERVISOR))
    return id;
  key = g_strdup_printf ("%d:%s", kind, id);
  found = g_hash_table_lookup (actors, key);
  if (found == NULL)
    {
      guint n = 1;
      GHashTableIter iter;
      gpointer k;
      char *value;

      g_hash_table_iter_init (&iter, actors);
      while (g_hash_table_iter_next (&iter, &k, NULL))
        if (g_str_has_prefix (k, kind == HD_ACTOR_AGENT ? "3:" : "4:"))
          n++;
      value = g_strdup_printf ("%s-%u", hd_actor_kind_to_string (kind), n);
      g_hash_table_insert (actors, g_steal_pointer (&key), value);
      found = value;
    }
  return found;
}

gboolean
hd_recording_write (GFile                   *dest,
                    const char              *handoff_id,
                    GPtrArray               *events,
                    HdRecordingRedactFlags   flags,
                    const char              *title,
                    GDateTime               *exported_at,
                    GError                 **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) header_payload = NULL;
  g_autoptr(HdJournalEvent) header = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *exported = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char prev[65] = HD_JOURNAL_GENESIS_HASH;
  gint64 first_seq = -1;
  gint64 last_seq = -1;

  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (handoff_id != NULL && *handoff_id != '\0', FALSE);
  g_return_val_if_fail (events != NULL, FALSE);

  for (guint i = 0; i < events->len; i++)
    {
      HdJournalEvent *event = g_ptr_array_index (events, i);

      g_return_val_if_fail (hd_journal_event_get_time (event) != NULL, FALSE);
      if (!g_str_equal (hd_journal_event_get_handoff_id (event), handoff_id))
        continue;
      g_ptr_array_add (selected, event);
      if (first_seq < 0)
        first_seq = hd_journal_event_get_seq (event);
      last_seq = hd_journal_event_get_seq (event);
      if (flags & HD_RECORDING_REDACT_NAMES)
        collect_names (hd_journal_event_get_payload_node (event), NULL, NULL, names);
    }
  if (selected->len == 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("The journal holds no event of handoff “%s”"), handoff_id);
      return FALSE;
    }

  if (exported_at == NULL)
    exported_at = now = g_date_time_new_now_utc ();
  exported = hd_journal_format_time (exported_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, HD_RECORDING_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    json_builder_add_string_value (builder, title);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, exported);
  json_builder_set_member_name (builder, "event_count");
  json_builder_add_int_value (builder, selected->len);
  json_builder_set_member_name (builder, "redacted");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "names");
  json_builder_add_boolean_value (builder, (flags & HD_RECORDING_REDACT_NAMES) != 0);
  json_builder_set_member_name (builder, "free_text");
  json_builder_add_boolean_value (builder, (flags & HD_RECORDING_REDACT_FREE_TEXT) != 0);
  json_builder_end_object (builder);
  /* Where the events came from in the journal (null when they were never
   * journaled, as for generated demo recordings). */
  json_builder_set_member_name (builder, "source_seq");
  if (first_seq >= 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "first");
      json_builder_add_int_value (builder, first_seq);
      json_builder_set_member_name (builder, "last");
      json_builder_add_int_value (builder, last_seq);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  header_payload = json_builder_get_root (builder);

  header = hd_journal_event_new (handoff_id, HD_ACTOR_SYSTEM, "handoffdesk", HD_EVENT_RECORDING_HEADER,
                                 header_payload);
  hd_journal_event_set_time (header, exported_at);
  {
    g_autofree char *line = _hd_journal_event_seal (header, 0, prev);

    g_string_append (out, line);
    memcpy (prev, hd_journal_event_get_hash (header), sizeof prev);
  }

  for (guint i = 0; i < selected->len; i++)
    {
      HdJournalEvent *source = g_ptr_array_index (selected, i);
      g_autoptr(HdJournalEvent) copy = NULL;
      g_autoptr(JsonNode) scrubbed = hd_journal_scrub_payload (hd_journal_event_get_payload_node (source), NULL);
      g_autoptr(JsonNode) redacted = flags != HD_RECORDING_REDACT_NONE
                                     ? hd_recording_redact_payload (scrubbed, flags, names)
                                     : json_node_ref (scrubbed);
      g_autofree char *line = NULL;
      const char *actor_id = hd_journal_event_get_actor_id (source);

      if (flags & HD_RECORDING_REDACT_NAMES)
        actor_id = redact_actor (actors, hd_journal_event_get_actor_kind (source), actor_id);

      copy = hd_journal_event_new (handoff_id, hd_journal_event_get_actor_kind (source), actor_id,
                                   hd_journal_event_get_event_type (source), redacted);
      hd_journal_event_set_time (copy, hd_journal_event_get_time (source));
      line = _hd_journal_event_seal (copy, i + 1, prev);
      g_string_append (out, line);
      memcpy (prev, hd_journal_event_get_hash (copy), sizeof prev);
    }

  return g_file_replace_contents (dest, out->str, out->len, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, error);
}

gboolean
hd_journal_export_recording (const char              *journal_directory,
                             const char              *handoff_id,
                             GFile                   *dest,
                             HdRecordingRedactFlags   flags,
                             GError                 **error)
{
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (journal_directory != NULL, FALSE);
  g_return_val_if_fail (handoff_id != NULL, FALSE);

  if (!(events = hd_journal_collect_handoff (journal_directory, handoff_id, error)))
    return FALSE;
  return hd_recording_write (dest, handoff_id, events, flags, NULL, NULL, error);
}

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
               JsonParser   *parser,
               GError      **error)
{
  gsize len;
  const char *line = get_line (self, line_index, &len);

  /* Every line was verified when the recording was opened. */
  return _hd_journal_event_parse_line_trusted (line, len, parser, error);
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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GPtrArray *events = g_ptr_array_new_full (chunk->last - chunk->first, (GDestroyNotify) hd_journal_event_unref);
  GError *error = NULL;

  if (g_atomic_int_get (&chunk->shared->stop) ||
      g_cancellable_set_error_if_cancelled (chunk->shared->cancellable, &error))
    goto out;
  for (guint i = chunk->first; i < chunk->last; i++)
    {
      HdJournalEvent *event = parse_line_at (self, i + 1, parser, &error);

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
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
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

  if (!(header = parse_line_at (self, 0, parser, error)))
    return FALSE;
  payload = hd_journal_event_get_payload (header);
  format = json_object_get_string_member_with_default (payload, "format", NULL);
  if (!g_str_equal (hd_journal_event_get_event_type (header), HD_EVENT_RECORDING_HEADER) ||
      g_strcmp0 (format, HD_RECORDING_FORMAT) != 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("This is not a HandoffDesk recording"));
      return FALSE;
    }
  if (json_object_get_int_member_with_default (payload, "format_version", 0) > 1)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_VERSION, _("This recording needs a newer HandoffDesk"));
      return FALSE;
    }
  self->handoff_id = g_strdup (hd_journal_event_get_handoff_id (header));
  self->title = g_strdup (json_object_get_string_member_with_default (payload, "title", NULL));
  self->exported_at = hd_time_parse_iso8601 (json_object_get_string_member_with_default (payload, "exported_at", NULL),
                                             NULL);
  redacted = json_object_get_member (payload, "redacted");
  if (redacted != NULL && JSON_NODE_HOLDS_OBJECT (redacted))
    self->redacted = json_object_get_boolean_member_with_default (json_node_get_object (redacted), "names", FALSE) ||
                     json_object_get_boolean_member_with_default (json_node_get_object (redacted), "free_text", FALSE);

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

  return parse_line_at (self, index + 1, NULL, error);
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
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(HdJournalState) state = NULL;
  guint checkpoint;

  g_return_val_if_fail (HD_IS_RECORDING (self), NULL);
  g_return_val_if_fail (position <= self->n_events, NULL);

  checkpoint = MIN (position / HD_RECORDING_CHECKPOINT_INTERVAL, self->checkpoints->len - 1);
  state = hd_journal_state_copy (g_ptr_array_index (self->checkpoints, checkpoint));
  if (checkpoint * HD_RECORDING_CHECKPOINT_INTERVAL < position)
    parser = json_parser_new_immutable ();
  for (guint i = checkpoint * HD_RECORDING_CHECKPOINT_INTERVAL; i < position; i++)
    {
      g_autoptr(HdJournalEvent) event = parse_line_at (self, i + 1, parser, error);

      if (event == NULL)
        return NULL;
      hd_journal_state_apply (state, event);
    }
  return g_steal_pointer (&state);
}
