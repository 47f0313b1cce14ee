/* hd-journal-event.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-event"

#include "config.h"

#include <string.h>

#include "hd-error.h"
#include "hd-journal-event.h"
#include "hd-journal-json.h"
#include "hd-journal-scrub.h"
#include "hd-json-get.h"
#include "hd-time.h"

struct _HdJournalEvent
{
  gatomicrefcount  ref_count;
  gint64           seq;         /* -1 until sealed */
  GDateTime       *time;        /* owned, nullable */
  char            *handoff_id;  /* owned, never NULL */
  HdActorKind      actor_kind;
  char            *actor_id;    /* owned, nullable */
  char            *type;        /* owned */
  JsonNode        *payload;     /* owned, an object; NULL until asked for when prepared */
  char            *payload_text;  /* owned, nullable: the prepared, scrubbed payload */
  guint            n_scrubbed;    /* what its scrub changed */
  char            *prev;        /* owned, nullable */
  char            *hash;        /* owned, nullable */
};

G_DEFINE_BOXED_TYPE (HdJournalEvent, hd_journal_event, hd_journal_event_ref, hd_journal_event_unref)

static const char * const actor_names[] = { "system", "bot", "customer", "agent", "supervisor" };

#define HASH_HEX_LEN   64
#define SUFFIX_PREFIX  ",\"hash\":\""
#define PREV_PREFIX    ",\"prev\":\""
#define SEQ_PREFIX     "{\"v\":1,\"seq\":"
/* ,"hash":" + 64 hex + "} */
#define SUFFIX_LEN     (sizeof SUFFIX_PREFIX - 1 + HASH_HEX_LEN + 2)
/* ,"prev":" + 64 hex + " */
#define PREV_LEN       (sizeof PREV_PREFIX - 1 + HASH_HEX_LEN + 1)

const char *
hd_actor_kind_to_string (HdActorKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (actor_names), "system");
  return actor_names[kind];
}

gboolean
hd_actor_kind_from_string (const char  *name,
                           HdActorKind *kind)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (actor_names); i++)
    if (g_str_equal (name, actor_names[i]))
      {
        *kind = (HdActorKind) i;
        return TRUE;
      }
  return FALSE;
}

static JsonNode *
empty_object_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  return node;
}

/* An event without its payload yet. */
static HdJournalEvent *
event_new (const char  *handoff_id,
           HdActorKind  actor_kind,
           const char  *actor_id,
           const char  *type)
{
  HdJournalEvent *self = g_new0 (HdJournalEvent, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->seq = -1;
  self->handoff_id = g_strdup (handoff_id != NULL ? handoff_id : "");
  self->actor_kind = actor_kind;
  self->actor_id = g_strdup (actor_id);
  self->type = g_strdup (type);
  return self;
}

HdJournalEvent *
hd_journal_event_new (const char  *handoff_id,
                      HdActorKind  actor_kind,
                      const char  *actor_id,
                      const char  *type,
                      JsonNode    *payload)
{
  HdJournalEvent *self;

  g_return_val_if_fail (type != NULL && *type != '\0', NULL);
  g_return_val_if_fail (payload == NULL || JSON_NODE_HOLDS_OBJECT (payload), NULL);

  self = event_new (handoff_id, actor_kind, actor_id, type);
  self->payload = payload != NULL ? json_node_copy (payload) : empty_object_node ();
  return self;
}

struct _HdJournalPayload
{
  char  *text;
  guint  n_scrubbed;
};

HdJournalPayload *
hd_journal_payload_prepare (JsonNode *payload)
{
  HdJournalPayload *self;
  g_autoptr(JsonNode) scrubbed = NULL;

  g_return_val_if_fail (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload), NULL);

  self = g_new0 (HdJournalPayload, 1);
  scrubbed = hd_journal_scrub_payload (payload, &self->n_scrubbed);
  self->text = json_to_string (scrubbed, FALSE);
  return self;
}

HdJournalPayload *
hd_journal_payload_prepare_member (const char *member,
                                   JsonObject *value)
{
  g_autoptr(JsonNode) payload = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *value_node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (member != NULL && value != NULL, NULL);

  json_node_set_object (value_node, value);
  json_object_set_member (object, member, value_node);
  json_node_set_object (payload, object);
  return hd_journal_payload_prepare (payload);
}

void
hd_journal_payload_free (HdJournalPayload *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self);
}

HdJournalEvent *
hd_journal_event_new_prepared (const char             *handoff_id,
                               HdActorKind             actor_kind,
                               const char             *actor_id,
                               const char             *type,
                               const HdJournalPayload *payload)
{
  HdJournalEvent *self;

  g_return_val_if_fail (type != NULL && *type != '\0', NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  self = event_new (handoff_id, actor_kind, actor_id, type);
  self->payload_text = g_strdup (payload->text);
  self->n_scrubbed = payload->n_scrubbed;
  return self;
}

/* A prepared event's payload, parsed back from its text when asked for. */
static JsonNode *
ensure_payload (HdJournalEvent *self)
{
  if (self->payload == NULL)
    {
      self->payload = self->payload_text != NULL ? json_from_string (self->payload_text, NULL) : NULL;
      if (self->payload == NULL || !JSON_NODE_HOLDS_OBJECT (self->payload))
        {
          g_clear_pointer (&self->payload, json_node_unref);
          self->payload = empty_object_node ();
        }
    }
  return self->payload;
}

gboolean
_hd_journal_event_is_prepared (HdJournalEvent *self,
                               guint          *n_scrubbed)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (n_scrubbed != NULL)
    *n_scrubbed = self->n_scrubbed;
  return self->payload_text != NULL && self->hash == NULL;
}

HdJournalEvent *
hd_journal_event_new_prepared_with (const char             *handoff_id,
                                    HdActorKind             actor_kind,
                                    const char             *actor_id,
                                    const char             *type,
                                    const HdJournalPayload *payload,
                                    JsonObject             *extra)
{
  HdJournalEvent *self = hd_journal_event_new_prepared (handoff_id, actor_kind, actor_id, type, payload);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) scrubbed = NULL;
  g_autofree char *extra_text = NULL;
  guint n_scrubbed = 0;
  gsize length;
  GString *text;

  if (extra == NULL || json_object_get_size (extra) == 0)
    return self;

  /* Small members (ids, times, counters): scrubbed and serialised here,
   * then spliced in before the prepared object's closing brace. */
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, extra);
  scrubbed = hd_journal_scrub_payload (node, &n_scrubbed);
  extra_text = json_to_string (scrubbed, FALSE);
  length = strlen (self->payload_text);
  g_assert (length >= 2 && self->payload_text[length - 1] == '}');
  text = g_string_new_len (self->payload_text, (gssize) length - 1);
  if (length > 2)
    g_string_append_c (text, ',');
  g_string_append (text, extra_text + 1);
  g_free (self->payload_text);
  self->payload_text = g_string_free (text, FALSE);
  self->n_scrubbed += n_scrubbed;
  return self;
}

HdJournalEvent *
hd_journal_event_ref (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hd_journal_event_unref (HdJournalEvent *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->handoff_id);
  g_free (self->actor_id);
  g_free (self->type);
  g_clear_pointer (&self->payload, json_node_unref);
  g_free (self->payload_text);
  g_free (self->prev);
  g_free (self->hash);
  g_free (self);
}

HdJournalEvent *
hd_journal_event_copy_content (HdJournalEvent *self)
{
  HdJournalEvent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = hd_journal_event_new (self->handoff_id, self->actor_kind, self->actor_id,
                               self->type, ensure_payload (self));
  if (self->time != NULL)
    copy->time = g_date_time_ref (self->time);
  return copy;
}

gint64
hd_journal_event_get_seq (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->seq;
}

GDateTime *
hd_journal_event_get_time (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->time;
}

void
hd_journal_event_set_time (HdJournalEvent *self,
                           GDateTime      *time)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->hash == NULL);

  g_clear_pointer (&self->time, g_date_time_unref);
  if (time != NULL)
    self->time = g_date_time_to_utc (time);
}

const char *
hd_journal_event_get_handoff_id (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->handoff_id;
}

HdActorKind
hd_journal_event_get_actor_kind (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, HD_ACTOR_SYSTEM);
  return self->actor_kind;
}

const char *
hd_journal_event_get_actor_id (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->actor_id;
}

const char *
hd_journal_event_get_event_type (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->type;
}

JsonObject *
hd_journal_event_get_payload (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return json_node_get_object (ensure_payload (self));
}

JsonNode *
hd_journal_event_get_payload_node (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ensure_payload (self);
}

void
hd_journal_event_set_payload (HdJournalEvent *self,
                              JsonNode       *payload)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->hash == NULL);
  g_return_if_fail (payload != NULL && JSON_NODE_HOLDS_OBJECT (payload));

  g_clear_pointer (&self->payload, json_node_unref);
  g_clear_pointer (&self->payload_text, g_free);
  self->payload = json_node_copy (payload);
}

const char *
hd_journal_event_get_prev (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->prev;
}

const char *
hd_journal_event_get_hash (HdJournalEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->hash;
}

const char *
hd_journal_event_get_payload_string (HdJournalEvent *self,
                                     const char     *member)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (self != NULL, NULL);

  object = json_node_get_object (ensure_payload (self));
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
hd_journal_format_time (GDateTime *time)
{
  /* The journal keeps milliseconds: enough to order a handoff's events. */
  return hd_time_format_rfc3339 (time, 3);
}

void
_hd_journal_append_json_string (GString    *out,
                                const char *value)
{
  /* The escaping json-glib's generator uses for the characters that need it;
   * other UTF-8 is written as is. */
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

char *
_hd_journal_event_seal (HdJournalEvent *self,
                        gint64          seq,
                        const char     *prev)
{
  g_autofree char *time = NULL;
  g_autofree char *serialised = NULL;
  const char *payload;
  g_autofree char *hash = NULL;
  GString *line;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->time != NULL, NULL);
  g_return_val_if_fail (prev != NULL && strlen (prev) == HASH_HEX_LEN, NULL);

  time = hd_journal_format_time (self->time);
  /* Prepared: already scrubbed and serialised, the same bytes. */
  payload = self->payload_text != NULL ? self->payload_text
                                       : (serialised = json_to_string (self->payload, FALSE));

  /* The member order is fixed: verification reads "seq" and "prev" from their
   * places and hashes the bytes as written, so no canonicalisation is needed. */
  line = g_string_sized_new (strlen (payload) + 256);
  g_string_append_printf (line, SEQ_PREFIX "%" G_GINT64_FORMAT ",\"time\":\"%s\",\"handoff\":",
                          seq, time);
  _hd_journal_append_json_string (line, self->handoff_id);
  g_string_append_printf (line, ",\"actor\":{\"kind\":\"%s\"", hd_actor_kind_to_string (self->actor_kind));
  if (self->actor_id != NULL)
    {
      g_string_append (line, ",\"id\":");
      _hd_journal_append_json_string (line, self->actor_id);
    }
  g_string_append (line, "},\"type\":");
  _hd_journal_append_json_string (line, self->type);
  g_string_append (line, ",\"payload\":");
  g_string_append (line, payload);
  g_string_append_printf (line, PREV_PREFIX "%s\"", prev);

  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) line->str, line->len);
  g_string_append_printf (line, SUFFIX_PREFIX "%s\"}\n", hash);

  self->seq = seq;
  g_free (self->prev);
  self->prev = g_strdup (prev);
  g_free (self->hash);
  self->hash = g_steal_pointer (&hash);

  return g_string_free (line, FALSE);
}

static gboolean
is_hex (const char *s,
        gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
      return FALSE;
  return TRUE;
}

/* Reads the fixed parts of a record line without hashing it. */
static gboolean
read_shape (const char *line,
            gsize       len,
            gint64     *out_seq,
            char       *out_prev,
            char       *out_hash)
{
  const char *suffix;
  const char *prev;
  const char *digits;
  gint64 seq = 0;

  if (len < SUFFIX_LEN + PREV_LEN + sizeof SEQ_PREFIX)
    return FALSE;

  suffix = line + len - SUFFIX_LEN;
  prev = suffix - PREV_LEN;
  if (memcmp (suffix, SUFFIX_PREFIX, sizeof SUFFIX_PREFIX - 1) != 0 ||
      !is_hex (suffix + sizeof SUFFIX_PREFIX - 1, HASH_HEX_LEN) ||
      memcmp (line + len - 2, "\"}", 2) != 0 ||
      memcmp (prev, PREV_PREFIX, sizeof PREV_PREFIX - 1) != 0 ||
      !is_hex (prev + sizeof PREV_PREFIX - 1, HASH_HEX_LEN) ||
      prev[PREV_LEN - 1] != '"' ||
      memcmp (line, SEQ_PREFIX, sizeof SEQ_PREFIX - 1) != 0)
    return FALSE;

  digits = line + sizeof SEQ_PREFIX - 1;
  if (!g_ascii_isdigit (*digits))
    return FALSE;
  for (; g_ascii_isdigit (*digits) && digits < prev; digits++)
    {
      if (seq > (G_MAXINT64 - 9) / 10)
        return FALSE;
      seq = seq * 10 + (*digits - '0');
    }
  if (*digits != ',')
    return FALSE;

  if (out_seq != NULL)
    *out_seq = seq;
  if (out_prev != NULL)
    {
      memcpy (out_prev, prev + sizeof PREV_PREFIX - 1, HASH_HEX_LEN);
      out_prev[HASH_HEX_LEN] = '\0';
    }
  if (out_hash != NULL)
    {
      memcpy (out_hash, suffix + sizeof SUFFIX_PREFIX - 1, HASH_HEX_LEN);
      out_hash[HASH_HEX_LEN] = '\0';
    }
  return TRUE;
}

gboolean
_hd_journal_line_read_shape (const char *line,
                             gsize       len,
                             gint64     *out_seq)
{
  return read_shape (line, len, out_seq, NULL, NULL);
}

gboolean
hd_journal_line_check (const char *line,
                       gsize       len,
                       gboolean   *shape_ok,
                       gint64     *out_seq,
                       char       *out_prev,
                       char       *out_hash)
{
  static const char hex[] = "0123456789abcdef";
  char computed[HASH_HEX_LEN + 1];
  GChecksum *checksum;
  gsize digest_len = 32;
  guint8 digest[32];

  if (shape_ok != NULL)
    *shape_ok = FALSE;
  if (!read_shape (line, len, out_seq, out_prev, out_hash))
    return FALSE;
  if (shape_ok != NULL)
    *shape_ok = TRUE;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) line, len - SUFFIX_LEN);
  g_checksum_get_digest (checksum, digest, &digest_len);
  g_checksum_free (checksum);
  for (guint i = 0; i < 32; i++)
    {
      computed[2 * i] = hex[digest[i] >> 4];
      computed[2 * i + 1] = hex[digest[i] & 0xf];
    }
  computed[HASH_HEX_LEN] = '\0';

  return memcmp (computed, line + len - SUFFIX_LEN + sizeof SUFFIX_PREFIX - 1, HASH_HEX_LEN) == 0;
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static HdJournalEvent *
parse_line (const char  *line,
            gsize        len,
            gboolean     check_hash,
            gboolean    *hash_valid,
            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) local_error = NULL;
  char prev[HASH_HEX_LEN + 1];
  char hash[HASH_HEX_LEN + 1];
  gboolean shape_ok = FALSE;
  gboolean valid;
  gint64 seq = 0;
  JsonObject *object;
  JsonObject *actor;
  JsonNode *node;
  const char *handoff;
  const char *type;
  const char *kind_name;
  HdActorKind kind;
  HdJournalEvent *self;

  g_return_val_if_fail (line != NULL, NULL);

  if (check_hash)
    valid = hd_journal_line_check (line, len, &shape_ok, &seq, prev, hash);
  else
    valid = shape_ok = read_shape (line, len, &seq, prev, hash);
  if (!shape_ok)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                           "not a journal record: the seq, prev or hash member is missing or misplaced");
      return NULL;
    }

  /* Lines in the layout the journal writes (all of them, in practice) take
   * the fast path; any other line goes through hd_bounded_json_parse (), so
   * a file from elsewhere never reaches json-glib's unbounded JsonParser. */
  {
    g_autofree char *f_time = NULL;
    g_autofree char *f_handoff = NULL;
    g_autofree char *f_kind = NULL;
    g_autofree char *f_id = NULL;
    g_autofree char *f_type = NULL;
    JsonNode *payload = NULL;

    if (_hd_journal_json_parse_envelope (line, len - SUFFIX_LEN, &f_time, &f_handoff, &f_kind, &f_id,
                                         &f_type, &payload))
      {
        time = hd_time_parse_iso8601 (f_time, NULL);
        if (time == NULL || *f_type == '\0' || !hd_actor_kind_from_string (f_kind, &kind))
          {
            json_node_unref (payload);
            g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                                 "a record needs time, handoff, actor kind and type");
            return NULL;
          }
        self = g_new0 (HdJournalEvent, 1);
        g_atomic_ref_count_init (&self->ref_count);
        self->seq = seq;
        self->time = g_steal_pointer (&time);
        self->handoff_id = g_steal_pointer (&f_handoff);
        self->actor_kind = kind;
        self->actor_id = g_steal_pointer (&f_id);
        self->type = g_steal_pointer (&f_type);
        self->payload = payload;
        self->prev = g_strdup (prev);
        self->hash = g_strdup (hash);
        if (hash_valid != NULL)
          *hash_valid = valid;
        return self;
      }
  }

  if (!(root = hd_bounded_json_parse (line, len, HD_JOURNAL_JSON_MAX_DEPTH, NULL, &local_error)))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, "not valid JSON: %s", local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, "a record must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  if (hd_json_get_int (object, "v", 0) != HD_JOURNAL_FORMAT_VERSION)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_VERSION, "unsupported record version");
      return NULL;
    }

  handoff = get_string_member (object, "handoff");
  type = get_string_member (object, "type");
  node = json_object_get_member (object, "actor");
  actor = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  kind_name = actor != NULL ? get_string_member (actor, "kind") : NULL;
  time = hd_time_parse_iso8601 (get_string_member (object, "time"), NULL);

  if (handoff == NULL || type == NULL || *type == '\0' || time == NULL ||
      kind_name == NULL || !hd_actor_kind_from_string (kind_name, &kind))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                           "a record needs time, handoff, actor kind and type");
      return NULL;
    }
  node = json_object_get_member (object, "payload");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE, "the payload must be an object");
      return NULL;
    }

  self = g_new0 (HdJournalEvent, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->seq = seq;
  self->time = g_steal_pointer (&time);
  self->handoff_id = g_strdup (handoff);
  self->actor_kind = kind;
  self->actor_id = g_strdup (get_string_member (actor, "id"));
  self->type = g_strdup (type);
  self->payload = json_node_ref (node);
  self->prev = g_strdup (prev);
  self->hash = g_strdup (hash);

  if (hash_valid != NULL)
    *hash_valid = valid;
  return self;
}

HdJournalEvent *
hd_journal_event_parse_line (const char  *line,
                             gsize        len,
                             gboolean    *hash_valid,
                             GError     **error)
{
  g_return_val_if_fail (line != NULL, NULL);

  return parse_line (line, len, TRUE, hash_valid, error);
}

HdJournalEvent *
_hd_journal_event_parse_line_trusted (const char  *line,
                                      gsize        len,
                                      GError     **error)
{
  return parse_line (line, len, FALSE, NULL, error);
}
