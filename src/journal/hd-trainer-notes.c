/* hd-trainer-notes.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-notes"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hd-bounded-json.h"
#include "hd-error.h"
#include "hd-json-get.h"
#include "hd-trainer-notes.h"
#include "hd-time.h"

#define NOTES_SUFFIX ".notes.json"

struct _HdTrainerNotes
{
  GObject     parent_instance;

  GFile      *file;        /* owned: the notes file */
  char       *recording;   /* owned: basename of the recording */
  GArray     *notes;       /* owned, of HdTrainerNote */
  GHashTable *ticks;       /* owned, handoff id → GUINT mask */
  guint       next_id;
};

G_DEFINE_FINAL_TYPE (HdTrainerNotes, hd_trainer_notes, G_TYPE_OBJECT)

static const char * const item_ids[HD_CHECKLIST_N_ITEMS] = {
  "customer-repeated-details", "verification-repeated", "no-summary", "wrong-queue-first",
};

const char *
hd_checklist_item_to_string (HdChecklistItem item)
{
  g_return_val_if_fail ((guint) item < HD_CHECKLIST_N_ITEMS, NULL);
  return item_ids[item];
}

gboolean
hd_checklist_item_from_string (const char      *id,
                               HdChecklistItem *item)
{
  for (guint i = 0; id != NULL && i < HD_CHECKLIST_N_ITEMS; i++)
    if (g_str_equal (id, item_ids[i]))
      {
        *item = (HdChecklistItem) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hd_checklist_item_get_label (HdChecklistItem item)
{
  switch (item)
    {
    case HD_CHECKLIST_CUSTOMER_REPEATED_DETAILS:
      return _("Customer repeated details");
    case HD_CHECKLIST_VERIFICATION_REPEATED:
      return _("Verification repeated");
    case HD_CHECKLIST_NO_SUMMARY:
      return _("No summary");
    case HD_CHECKLIST_WRONG_QUEUE_FIRST:
      return _("Wrong queue first");
    case HD_CHECKLIST_N_ITEMS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static JsonObject *
entry_payload (JsonNode *entry)
{
  JsonNode *payload = json_object_get_member (json_node_get_object (entry), "payload");

  return payload != NULL && JSON_NODE_HOLDS_OBJECT (payload) ? json_node_get_object (payload) : NULL;
}

guint
hd_checklist_suggest (const HdJournalState *state)
{
  g_autoptr(GHashTable) checks = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode * const *entries;
  JsonNode *packet;
  guint mask = 0;
  guint n;

  g_return_val_if_fail (state != NULL, 0);

  entries = hd_journal_state_get_log (state, HD_STATE_LOG_SIGNALS, &n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *payload = entry_payload (entries[i]);
      const char *name = payload != NULL ? hd_json_get_string (payload, "name", "") : "";
      HdChecklistItem item;

      if (hd_checklist_item_from_string (name, &item))
        mask |= 1u << item;
    }

  packet = hd_journal_state_get_packet (state);
  entries = hd_journal_state_get_log (state, HD_STATE_LOG_VERIFICATIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *payload = entry_payload (entries[i]);
      const char *check = payload != NULL ? hd_json_get_string (payload, "check", "") : "";

      if (g_hash_table_contains (checks, check))
        mask |= 1u << HD_CHECKLIST_VERIFICATION_REPEATED;
      g_hash_table_add (checks, (gpointer) check);
    }
  if (n > 0 && packet != NULL)
    {
      JsonNode *verification = json_object_get_member (json_node_get_object (packet), "verification");

      if (verification != NULL && JSON_NODE_HOLDS_OBJECT (verification) &&
          hd_json_get_boolean (json_node_get_object (verification), "authenticated", FALSE))
        mask |= 1u << HD_CHECKLIST_VERIFICATION_REPEATED;
    }

  if (packet != NULL)
    {
      JsonNode *summary = json_object_get_member (json_node_get_object (packet), "summary");
      const char *text = summary != NULL && JSON_NODE_HOLDS_OBJECT (summary)
                         ? hd_json_get_string (json_node_get_object (summary), "text", NULL)
                         : NULL;

      if (text == NULL || *text == '\0')
        mask |= 1u << HD_CHECKLIST_NO_SUMMARY;
    }

  return mask;
}

static void
clear_note (gpointer data)
{
  HdTrainerNote *note = data;

  g_free (note->author);
  g_free (note->text);
  g_clear_pointer (&note->created_at, g_date_time_unref);
}

static void
hd_trainer_notes_finalize (GObject *object)
{
  HdTrainerNotes *self = HD_TRAINER_NOTES (object);

  g_clear_object (&self->file);
  g_free (self->recording);
  g_array_unref (self->notes);
  g_hash_table_unref (self->ticks);

  G_OBJECT_CLASS (hd_trainer_notes_parent_class)->finalize (object);
}

static void
hd_trainer_notes_class_init (HdTrainerNotesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_trainer_notes_finalize;
}

static void
hd_trainer_notes_init (HdTrainerNotes *self)
{
  self->notes = g_array_new (FALSE, TRUE, sizeof (HdTrainerNote));
  g_array_set_clear_func (self->notes, clear_note);
  self->ticks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->next_id = 1;
}

static void
insert_note (HdTrainerNotes *self,
             HdTrainerNote  *note)
{
  guint at = self->notes->len;

  /* Ordered by position, then by insertion. */
  while (at > 0 && g_array_index (self->notes, HdTrainerNote, at - 1).position > note->position)
    at--;
  g_array_insert_val (self->notes, at, *note);
  self->next_id = MAX (self->next_id, note->id + 1);
}

static gboolean
parse_notes (HdTrainerNotes  *self,
             const char      *data,
             gsize            len,
             GError         **error)
{
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;

  /* The bounded parser, not JsonParser: the notes travel with a recording,
   * which may have been sent from elsewhere. */
  tree = hd_bounded_json_parse (data, len, HD_BOUNDED_JSON_MAX_DEPTH, NULL, &local_error);
  if (tree == NULL || !JSON_NODE_HOLDS_OBJECT (tree))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("The trainer notes file is damaged: %s"),
                   local_error != NULL ? local_error->message : _("not an object"));
      return FALSE;
    }
  root = json_node_get_object (tree);
  if (hd_json_get_int (root, "v", 0) != 1)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_VERSION, _("The trainer notes file has an unknown version"));
      return FALSE;
    }

  node = json_object_get_member (root, "notes");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object;
          HdTrainerNote note = { 0, };
          const char *created;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          object = json_node_get_object (element);
          if (hd_json_get_string (object, "text", NULL) == NULL)
            continue;
          note.id = (guint) hd_json_get_int (object, "id", self->next_id);
          note.position = (guint) hd_json_get_int (object, "position", 0);
          note.author = g_strdup (hd_json_get_string (object, "author", NULL));
          note.text = g_strdup (json_object_get_string_member (object, "text"));
          created = hd_json_get_string (object, "created_at", NULL);
          note.created_at = hd_time_parse_iso8601 (created, NULL);
          if (note.created_at == NULL)
            note.created_at = g_date_time_new_now_utc ();
          insert_note (self, &note);
        }
    }

  node = json_object_get_member (root, "checklists");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *handoff;
      JsonNode *items;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &handoff, &items))
        {
          guint mask = 0;

          if (!JSON_NODE_HOLDS_OBJECT (items))
            continue;
          for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
            if (hd_json_get_boolean (json_node_get_object (items), item_ids[i], FALSE))
              mask |= 1u << i;
          g_hash_table_insert (self->ticks, g_strdup (handoff), GUINT_TO_POINTER (mask));
        }
    }
  return TRUE;
}

HdTrainerNotes *
hd_trainer_notes_load (GFile   *recording,
                       GError **error)
{
  g_autoptr(HdTrainerNotes) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (recording), NULL);

  self = g_object_new (HD_TYPE_TRAINER_NOTES, NULL);
  self->recording = g_file_get_basename (recording);
  path = g_strconcat (g_file_peek_path (recording), NOTES_SUFFIX, NULL);
  self->file = g_file_new_for_path (path);

  if (!g_file_load_contents (self->file, NULL, &contents, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!parse_notes (self, contents, len, error))
    return NULL;
  return g_steal_pointer (&self);
}

GFile *
hd_trainer_notes_get_file (HdTrainerNotes *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), NULL);
  return self->file;
}

guint
hd_trainer_notes_add (HdTrainerNotes *self,
                      guint           position,
                      const char     *author,
                      const char     *text)
{
  HdTrainerNote note = { 0, };

  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  note.id = self->next_id;
  note.position = position;
  note.author = g_strdup (author);
  note.text = g_strdup (text);
  note.created_at = g_date_time_new_now_utc ();
  insert_note (self, &note);
  return note.id;
}

gboolean
hd_trainer_notes_remove (HdTrainerNotes *self,
                         guint           id)
{
  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), FALSE);

  for (guint i = 0; i < self->notes->len; i++)
    if (g_array_index (self->notes, HdTrainerNote, i).id == id)
      {
        g_array_remove_index (self->notes, i);
        return TRUE;
      }
  return FALSE;
}

guint
hd_trainer_notes_get_n_notes (HdTrainerNotes *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), 0);
  return self->notes->len;
}

const HdTrainerNote *
hd_trainer_notes_get_note (HdTrainerNotes *self,
                           guint           index)
{
  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), NULL);
  g_return_val_if_fail (index < self->notes->len, NULL);
  return &g_array_index (self->notes, HdTrainerNote, index);
}

void
hd_trainer_notes_set_ticked (HdTrainerNotes  *self,
                             const char      *handoff_id,
                             HdChecklistItem  item,
                             gboolean         ticked)
{
  guint mask;

  g_return_if_fail (HD_IS_TRAINER_NOTES (self));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail ((guint) item < HD_CHECKLIST_N_ITEMS);

  mask = GPOINTER_TO_UINT (g_hash_table_lookup (self->ticks, handoff_id));
  mask = ticked ? mask | (1u << item) : mask & ~(1u << item);
  g_hash_table_insert (self->ticks, g_strdup (handoff_id), GUINT_TO_POINTER (mask));
}

gboolean
hd_trainer_notes_get_ticked (HdTrainerNotes  *self,
                             const char      *handoff_id,
                             HdChecklistItem  item)
{
  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL, FALSE);
  g_return_val_if_fail ((guint) item < HD_CHECKLIST_N_ITEMS, FALSE);

  return (GPOINTER_TO_UINT (g_hash_table_lookup (self->ticks, handoff_id)) & (1u << item)) != 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static const char **
sorted_handoffs (HdTrainerNotes *self,
                 guint          *n)
{
  const char **keys = (const char **) g_hash_table_get_keys_as_array (self->ticks, n);

  qsort (keys, *n, sizeof (char *), compare_strings);
  return keys;
}

static char *
to_json (HdTrainerNotes *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree const char **handoffs = NULL;
  guint n = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "recording");
  json_builder_add_string_value (builder, self->recording);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->notes->len; i++)
    {
      HdTrainerNote *note = &g_array_index (self->notes, HdTrainerNote, i);
      g_autofree char *created = g_date_time_format_iso8601 (note->created_at);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, note->id);
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, note->position);
      json_builder_set_member_name (builder, "author");
      if (note->author != NULL)
        json_builder_add_string_value (builder, note->author);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, note->text);
      json_builder_set_member_name (builder, "created_at");
      json_builder_add_string_value (builder, created);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checklists");
  json_builder_begin_object (builder);
  handoffs = sorted_handoffs (self, &n);
  for (guint h = 0; h < n; h++)
    {
      json_builder_set_member_name (builder, handoffs[h]);
      json_builder_begin_object (builder);
      for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
        {
          json_builder_set_member_name (builder, item_ids[i]);
          json_builder_add_boolean_value (builder, hd_trainer_notes_get_ticked (self, handoffs[h], i));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static void
append_csv_field (GString    *out,
                  const char *value)
{
  /* RFC 4180: quote every field, double the quotes.  A leading =, +, - or @
   * is prefixed with a quote so spreadsheets do not run it as a formula. */
  g_string_append_c (out, '"');
  if (value != NULL && strchr ("=+-@", *value) != NULL && *value != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
hd_trainer_notes_export (HdTrainerNotes       *self,
                         HdTrainerNotesFormat  format)
{
  g_autofree const char **handoffs = NULL;
  GString *out;
  guint n = 0;

  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), NULL);

  if (format == HD_TRAINER_NOTES_FORMAT_JSON)
    return to_json (self);

  out = g_string_new (NULL);
  handoffs = sorted_handoffs (self, &n);

  if (format == HD_TRAINER_NOTES_FORMAT_CSV)
    {
      g_string_append (out, "\"kind\",\"handoff\",\"item\",\"value\",\"position\",\"author\"\r\n");
      for (guint h = 0; h < n; h++)
        for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
          {
            g_string_append (out, "\"checklist\",");
            append_csv_field (out, handoffs[h]);
            g_string_append_c (out, ',');
            append_csv_field (out, item_ids[i]);
            g_string_append_printf (out, ",\"%s\",\"\",\"\"\r\n",
                                    hd_trainer_notes_get_ticked (self, handoffs[h], i) ? "yes" : "no");
          }
      for (guint i = 0; i < self->notes->len; i++)
        {
          HdTrainerNote *note = &g_array_index (self->notes, HdTrainerNote, i);

          g_string_append (out, "\"note\",\"\",\"\",");
          append_csv_field (out, note->text);
          g_string_append_printf (out, ",\"%u\",", note->position);
          append_csv_field (out, note->author);
          g_string_append (out, "\r\n");
        }
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, _("# Trainer notes: %s\n"), self->recording);
  for (guint h = 0; h < n; h++)
    {
      g_string_append_printf (out, _("\n## Checklist for %s\n\n"), handoffs[h]);
      for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
        g_string_append_printf (out, "- [%c] %s\n", hd_trainer_notes_get_ticked (self, handoffs[h], i) ? 'x' : ' ',
                                hd_checklist_item_get_label (i));
    }
  if (self->notes->len > 0)
    g_string_append_printf (out, "\n## %s\n\n", _("Notes"));
  for (guint i = 0; i < self->notes->len; i++)
    {
      HdTrainerNote *note = &g_array_index (self->notes, HdTrainerNote, i);

      if (note->author != NULL)
        /* TRANSLATORS: a Markdown list item: the event's position, the note's author, the note */
        g_string_append_printf (out, _("- Event %u — %s: %s\n"), note->position, note->author, note->text);
      else
        /* TRANSLATORS: a Markdown list item: the event's position, then the note */
        g_string_append_printf (out, _("- Event %u: %s\n"), note->position, note->text);
    }
  return g_string_free (out, FALSE);
}

gboolean
hd_trainer_notes_save (HdTrainerNotes  *self,
                       GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (HD_IS_TRAINER_NOTES (self), FALSE);

  json = to_json (self);
  return g_file_replace_contents (self->file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
