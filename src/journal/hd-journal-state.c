/* hd-journal-state.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-state"

#include "config.h"

#include <string.h>

#include "hd-journal-state.h"
#include "hd-json-get.h"

/* An append-only log whose storage is shared between copies: a copy refs the
 * array and remembers how many items it sees, which makes state copies
 * (replay checkpoints) O(1) in the length of the transcript.  Only the state
 * that created the array appends to it in place; a copy clones its visible
 * prefix on its first append.  So the arrays behind a recording's
 * checkpoints never change once loading is done, and may be read from any
 * thread. */
typedef struct
{
  GPtrArray *items;  /* owned ref, of JsonNode; may be longer than len */
  guint      len;
  gboolean   owner;  /* we created items and may append to it */
} Log;

struct _HdJournalState
{
  guint           n_applied;
  guint           n_ignored;
  char           *handoff_id;     /* owned, nullable */
  JsonNode       *packet;         /* owned ref, sealed, nullable */
  gboolean        offered;
  HdHandoffState  state;
  char           *revoke_reason;  /* owned, nullable */
  char           *agent_id;       /* owned, nullable */
  char           *queue;          /* owned, nullable */
  GHashTable     *case_fields;    /* owned, char* → char* */
  char           *last_type;      /* owned, nullable */
  GDateTime      *last_time;      /* owned, nullable */
  Log             logs[HD_STATE_N_LOGS];
};

G_DEFINE_BOXED_TYPE (HdJournalState, hd_journal_state, hd_journal_state_copy, hd_journal_state_free)

static void
log_append (Log      *log,
            JsonNode *node)  /* transfer full */
{
  json_node_seal (node);
  if (!log->owner || log->items->len != log->len)
    {
      GPtrArray *clone = g_ptr_array_new_full (log->len + 16, (GDestroyNotify) json_node_unref);

      for (guint i = 0; i < log->len; i++)
        g_ptr_array_add (clone, json_node_ref (g_ptr_array_index (log->items, i)));
      g_ptr_array_unref (log->items);
      log->items = clone;
      log->owner = TRUE;
    }
  g_ptr_array_add (log->items, node);
  log->len++;
}

HdJournalState *
hd_journal_state_new (void)
{
  HdJournalState *self = g_new0 (HdJournalState, 1);

  self->state = HD_HANDOFF_STATE_OFFERED;
  self->case_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < HD_STATE_N_LOGS; i++)
    {
      self->logs[i].items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      self->logs[i].owner = TRUE;
    }
  return self;
}

HdJournalState *
hd_journal_state_copy (const HdJournalState *self)
{
  HdJournalState *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (HdJournalState, 1);
  copy->n_applied = self->n_applied;
  copy->n_ignored = self->n_ignored;
  copy->handoff_id = g_strdup (self->handoff_id);
  copy->packet = self->packet != NULL ? json_node_ref (self->packet) : NULL;
  copy->offered = self->offered;
  copy->state = self->state;
  copy->revoke_reason = g_strdup (self->revoke_reason);
  copy->agent_id = g_strdup (self->agent_id);
  copy->queue = g_strdup (self->queue);
  copy->case_fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->case_fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->case_fields, g_strdup (key), g_strdup (value));
  copy->last_type = g_strdup (self->last_type);
  copy->last_time = self->last_time != NULL ? g_date_time_ref (self->last_time) : NULL;
  for (guint i = 0; i < HD_STATE_N_LOGS; i++)
    {
      copy->logs[i].items = g_ptr_array_ref (self->logs[i].items);
      copy->logs[i].len = self->logs[i].len;
      copy->logs[i].owner = FALSE;
    }
  return copy;
}

void
hd_journal_state_free (HdJournalState *self)
{
  if (self == NULL)
    return;

  g_free (self->handoff_id);
  g_clear_pointer (&self->packet, json_node_unref);
  g_free (self->revoke_reason);
  g_free (self->agent_id);
  g_free (self->queue);
  g_hash_table_unref (self->case_fields);
  g_free (self->last_type);
  g_clear_pointer (&self->last_time, g_date_time_unref);
  for (guint i = 0; i < HD_STATE_N_LOGS; i++)
    g_ptr_array_unref (self->logs[i].items);
  g_free (self);
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static void
note_anomaly (HdJournalState *self,
              const char     *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
note_anomaly (HdJournalState *self,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  log_append (&self->logs[HD_STATE_LOG_ANOMALIES], string_node (message));
}

static JsonNode *
entry_node (HdJournalEvent *event)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *time = hd_journal_format_time (hd_journal_event_get_time (event));
  JsonNode *payload = hd_journal_event_get_payload_node (event);

  json_object_set_string_member (object, "time", time);
  json_object_set_string_member (object, "actor", hd_actor_kind_to_string (hd_journal_event_get_actor_kind (event)));
  if (hd_journal_event_get_actor_id (event) != NULL)
    json_object_set_string_member (object, "actor_id", hd_journal_event_get_actor_id (event));
  else
    json_object_set_null_member (object, "actor_id");
  json_object_set_string_member (object, "type", hd_journal_event_get_event_type (event));
  /* Sealed payloads (parsed ones) are shared; live ones are copied once. */
  json_object_set_member (object, "payload",
                          json_node_is_immutable (payload) ? json_node_ref (payload) : json_node_copy (payload));
  json_node_take_object (node, object);
  return node;
}

static void
set_queue (HdJournalState *self,
           const char     *queue)
{
  if (queue == NULL || g_strcmp0 (queue, self->queue) == 0)
    return;
  g_free (self->queue);
  self->queue = g_strdup (queue);
  log_append (&self->logs[HD_STATE_LOG_QUEUES], string_node (queue));
}

static const char *
packet_skill_group (JsonNode *packet)
{
  JsonObject *object = json_node_get_object (packet);
  JsonNode *routing = json_object_get_member (object, "routing");

  if (routing == NULL || !JSON_NODE_HOLDS_OBJECT (routing))
    return NULL;
  return hd_json_get_string (json_node_get_object (routing), "skill_group", NULL);
}

static void
transition (HdJournalState *self,
            HdHandoffState  to,
            guint           allowed_from)  /* bit mask of HdHandoffState */
{
  if (!self->offered || (allowed_from & (1u << self->state)) == 0)
    note_anomaly (self, "%s while %s", hd_handoff_state_to_string (to),
                  self->offered ? hd_handoff_state_to_string (self->state) : "not offered");
  self->state = to;
}

#define FROM(s) (1u << HD_HANDOFF_STATE_##s)

void
hd_journal_state_apply (HdJournalState *self,
                        HdJournalEvent *event)
{
  const char *type;
  const char *handoff_id;
  JsonObject *payload;

  g_return_if_fail (self != NULL);
  g_return_if_fail (event != NULL);

  handoff_id = hd_journal_event_get_handoff_id (event);
  type = hd_journal_event_get_event_type (event);
  payload = hd_journal_event_get_payload (event);

  if (*handoff_id == '\0' || (self->handoff_id != NULL && !g_str_equal (handoff_id, self->handoff_id)))
    {
      /* Journal bookkeeping and other handoffs' events. */
      self->n_ignored++;
      return;
    }
  if (self->handoff_id == NULL)
    self->handoff_id = g_strdup (handoff_id);

  self->n_applied++;
  g_free (self->last_type);
  self->last_type = g_strdup (type);
  g_clear_pointer (&self->last_time, g_date_time_unref);
  self->last_time = g_date_time_ref (hd_journal_event_get_time (event));

  if (g_str_equal (type, HD_EVENT_OFFER))
    {
      JsonNode *packet = json_object_get_member (payload, "packet");

      if (packet != NULL && JSON_NODE_HOLDS_OBJECT (packet))
        {
          g_clear_pointer (&self->packet, json_node_unref);
          self->packet = json_node_is_immutable (packet) ? json_node_ref (packet) : json_node_copy (packet);
          json_node_seal (self->packet);
        }
      if (self->offered && self->state != HD_HANDOFF_STATE_OFFERED)
        note_anomaly (self, "offered again while %s", hd_handoff_state_to_string (self->state));
      self->offered = TRUE;
      self->state = HD_HANDOFF_STATE_OFFERED;
      set_queue (self, hd_json_get_string (payload, "queue", NULL));
      if (self->queue == NULL && self->packet != NULL)
        set_queue (self, packet_skill_group (self->packet));
    }
  else if (g_str_equal (type, HD_EVENT_TRANSCRIPT))
    {
      JsonNode *turn = json_object_get_member (payload, "turn");

      if (turn != NULL && JSON_NODE_HOLDS_OBJECT (turn))
        log_append (&self->logs[HD_STATE_LOG_TURNS],
                    json_node_is_immutable (turn) ? json_node_ref (turn) : json_node_copy (turn));
      else
        note_anomaly (self, "transcript event without a turn");
    }
  else if (g_str_equal (type, HD_EVENT_ACCEPT))
    {
      transition (self, HD_HANDOFF_STATE_ACCEPTED, FROM (OFFERED) | FROM (EXPIRED));
      g_free (self->agent_id);
      self->agent_id = g_strdup (hd_journal_event_get_actor_id (event));
    }
  else if (g_str_equal (type, HD_EVENT_DECLINE))
    transition (self, HD_HANDOFF_STATE_DECLINED, FROM (OFFERED));
  else if (g_str_equal (type, HD_EVENT_EXPIRE))
    transition (self, HD_HANDOFF_STATE_EXPIRED, FROM (OFFERED));
  else if (g_str_equal (type, HD_EVENT_REVOKE))
    {
      transition (self, HD_HANDOFF_STATE_REVOKED, FROM (OFFERED) | FROM (EXPIRED));
      g_free (self->revoke_reason);
      self->revoke_reason = g_strdup (hd_json_get_string (payload, "reason", NULL));
    }
  else if (g_str_equal (type, HD_EVENT_WRAP_UP))
    transition (self, HD_HANDOFF_STATE_WRAPPED_UP, FROM (ACCEPTED));
  else if (g_str_equal (type, HD_EVENT_TRANSFER))
    {
      /* A transfer puts the handoff back on offer in another queue. */
      transition (self, HD_HANDOFF_STATE_OFFERED, FROM (ACCEPTED) | FROM (OFFERED));
      g_clear_pointer (&self->agent_id, g_free);
      set_queue (self, hd_json_get_string (payload, "to_queue", NULL));
      log_append (&self->logs[HD_STATE_LOG_TRANSFERS], entry_node (event));
    }
  else if (g_str_equal (type, HD_EVENT_VERIFICATION))
    log_append (&self->logs[HD_STATE_LOG_VERIFICATIONS], entry_node (event));
  else if (g_str_equal (type, HD_EVENT_CASE_EDIT))
    {
      const char *field = hd_json_get_string (payload, "field", NULL);
      const char *value = hd_json_get_string (payload, "value", NULL);

      if (field != NULL)
        {
          if (value != NULL)
            g_hash_table_insert (self->case_fields, g_strdup (field), g_strdup (value));
          else
            g_hash_table_remove (self->case_fields, field);
        }
      log_append (&self->logs[HD_STATE_LOG_CASE_EDITS], entry_node (event));
    }
  else if (g_str_equal (type, HD_EVENT_SF_REQUEST) || g_str_equal (type, HD_EVENT_SF_RESPONSE))
    log_append (&self->logs[HD_STATE_LOG_SALESFORCE], entry_node (event));
  else if (g_str_equal (type, HD_EVENT_SIGNAL))
    log_append (&self->logs[HD_STATE_LOG_SIGNALS], entry_node (event));
  else if (g_str_equal (type, HD_EVENT_REVEAL))
    log_append (&self->logs[HD_STATE_LOG_REVEALS], entry_node (event));
  else if (g_str_equal (type, HD_EVENT_NOTE))
    log_append (&self->logs[HD_STATE_LOG_NOTES], entry_node (event));
  /* Other types only move the clock: they are shown, not modelled. */
}

guint
hd_journal_state_get_n_applied (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_applied;
}

guint
hd_journal_state_get_n_ignored (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_ignored;
}

const char *
hd_journal_state_get_handoff_id (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->handoff_id;
}

JsonNode *
hd_journal_state_get_packet (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->packet;
}

HdHandoffState
hd_journal_state_get_state (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, HD_HANDOFF_STATE_OFFERED);
  return self->state;
}

gboolean
hd_journal_state_get_offered (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->offered;
}

const char *
hd_journal_state_get_revoke_reason (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->revoke_reason;
}

const char *
hd_journal_state_get_agent_id (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->agent_id;
}

const char *
hd_journal_state_get_queue (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->queue;
}

JsonNode * const *
hd_journal_state_get_log (const HdJournalState *self,
                          HdStateLog            log,
                          guint                *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) log < HD_STATE_N_LOGS, NULL);

  if (n_items != NULL)
    *n_items = self->logs[log].len;
  return (JsonNode * const *) self->logs[log].items->pdata;
}

GHashTable *
hd_journal_state_get_case_fields (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->case_fields;
}

const char *
hd_journal_state_get_last_type (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_type;
}

GDateTime *
hd_journal_state_get_last_time (const HdJournalState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_time;
}

static const char * const log_names[HD_STATE_N_LOGS] = {
  "turns", "verifications", "case_edits", "transfers", "salesforce", "signals", "reveals",
  "notes", "queues", "anomalies",
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
hd_journal_state_to_json (const HdJournalState *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *time = NULL;
  g_autofree const char **keys = NULL;
  guint n_keys = 0;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "n_applied");
  json_builder_add_int_value (builder, self->n_applied);
  add_nullable_string (builder, "handoff_id", self->handoff_id);
  json_builder_set_member_name (builder, "offered");
  json_builder_add_boolean_value (builder, self->offered);
  add_nullable_string (builder, "state", hd_handoff_state_to_string (self->state));
  add_nullable_string (builder, "revoke_reason", self->revoke_reason);
  add_nullable_string (builder, "agent_id", self->agent_id);
  add_nullable_string (builder, "queue", self->queue);
  add_nullable_string (builder, "last_type", self->last_type);
  if (self->last_time != NULL)
    time = hd_journal_format_time (self->last_time);
  add_nullable_string (builder, "last_time", time);
  json_builder_set_member_name (builder, "packet");
  if (self->packet != NULL)
    json_builder_add_value (builder, json_node_copy (self->packet));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "case_fields");
  json_builder_begin_object (builder);
  keys = (const char **) g_hash_table_get_keys_as_array (self->case_fields, &n_keys);
  qsort (keys, n_keys, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->case_fields, keys[i]));
    }
  json_builder_end_object (builder);

  for (guint l = 0; l < HD_STATE_N_LOGS; l++)
    {
      json_builder_set_member_name (builder, log_names[l]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->logs[l].len; i++)
        json_builder_add_value (builder, json_node_copy (g_ptr_array_index (self->logs[l].items, i)));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}
