/* hd-recording-export.c
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
#include "hd-recording.h"

/* Making a recording: the events of one handoff collected from the
 * journal, redacted as asked, and written as their own hash chain.  Reading
 * a recording back is in hd-recording.c. */

/* ---- Collecting from the journal ------------------------------------------ */

GPtrArray *
hd_journal_collect_handoff (const char  *directory,
                            const char  *handoff_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_journal_event_unref);
  g_autoptr(GString) needle = g_string_new ("\"handoff\":");
  g_auto(GStrv) files = NULL;

  g_return_val_if_fail (directory != NULL && handoff_id != NULL, NULL);

  if (!(files = hd_journal_list_files (directory, error)))
    return NULL;

  /* A cheap substring test skips other handoffs without parsing them. */
  _hd_journal_append_json_string (needle, handoff_id);
  g_string_append_c (needle, ',');

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;
      const char *line = NULL;
      const char *end = NULL;

      if (!g_file_get_contents (files[f], &contents, &len, error))
        return NULL;
      for (line = contents; line < contents + len; line = end + 1)
        {
          g_autoptr(GError) local_error = NULL;
          HdJournalEvent *event;

          end = memchr (line, '\n', (gsize) (contents + len - line));
          if (end == NULL)
            break;  /* a torn tail: not a record */
          if (g_strstr_len (line, end - line, needle->str) == NULL)
            continue;
          event = hd_journal_event_parse_line (line, (gsize) (end - line), NULL, &local_error);
          if (event == NULL)
            {
              g_warning ("Skipping a damaged record in %s: %s", files[f], local_error->message);
              continue;
            }
          if (g_str_equal (hd_journal_event_get_handoff_id (event), handoff_id))
            g_ptr_array_add (events, event);
          else
            hd_journal_event_unref (event);
        }
    }
  return g_steal_pointer (&events);
}

typedef struct
{
  char *directory;
  char *handoff_id;
} CollectJob;

static void
collect_job_free (CollectJob *job)
{
  g_free (job->directory);
  g_free (job->handoff_id);
  g_free (job);
}

static void
collect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CollectJob *job = task_data;
  GError *error = NULL;
  GPtrArray *events = hd_journal_collect_handoff (job->directory, job->handoff_id, &error);

  if (events == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
}

void
hd_journal_collect_handoff_async (const char          *directory,
                                  const char          *handoff_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CollectJob *job;

  g_return_if_fail (directory != NULL && handoff_id != NULL);

  job = g_new0 (CollectJob, 1);
  job->directory = g_strdup (directory);
  job->handoff_id = g_strdup (handoff_id);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_journal_collect_handoff_async);
  g_task_set_task_data (task, job, (GDestroyNotify) collect_job_free);
  /* Reading every file of the journal can take a while: not on the
   * caller's thread.  The files are only read, and the writer appends
   * whole lines, so a line being written is at worst a torn tail, which
   * is not read as a record. */
  g_task_run_in_thread (task, collect_thread);
}

GPtrArray *
hd_journal_collect_handoff_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- Redaction and writing ------------------------------------------------ */

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

typedef struct
{
  char                   *directory;
  char                   *handoff_id;
  GFile                  *dest;
  HdRecordingRedactFlags  flags;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->directory);
  g_free (job->handoff_id);
  g_object_unref (job->dest);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (hd_journal_export_recording (job->directory, job->handoff_id, job->dest, job->flags, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hd_journal_export_recording_async (const char              *journal_directory,
                                   const char              *handoff_id,
                                   GFile                   *dest,
                                   HdRecordingRedactFlags   flags,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (journal_directory != NULL);
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (G_IS_FILE (dest));

  job = g_new0 (ExportJob, 1);
  job->directory = g_strdup (journal_directory);
  job->handoff_id = g_strdup (handoff_id);
  job->dest = g_object_ref (dest);
  job->flags = flags;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_journal_export_recording_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* Reading every journal file, redacting and writing a file the user
   * chose, maybe on a slow disk: not on the window's thread.  The job owns
   * copies of everything it reads, and the journal is only read, as in
   * hd_journal_collect_handoff_async (). */
  g_task_run_in_thread (task, export_thread);
}

gboolean
hd_journal_export_recording_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, hd_journal_export_recording_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
