/* hd-packet-decoder.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-parser"

#include "config.h"

#include <string.h>

#include "hd-bounded-json-private.h"
#include "hd-mask.h"
#include "hd-packet-parser-private.h"
#include "hd-time.h"

/* A packet's bytes read straight into the model.  Nearly all of a big
 * packet is its transcript, and building a json-glib tree of it (a hash
 * table, a queue and four nodes per turn), walking it and freeing it took
 * two thirds of the parse.  So the transcript's turns are read from the
 * bytes into HdTurns as the scanner meets them; the rest of the packet, a
 * few dozen small values, is still a tree that the schema walk
 * (hd-packet-parser-schema.c) reads as before.
 *
 * The results are the same as the tree's, error for error.  A turn is read
 * here only when it is the common case: an object of "speaker", "time" and
 * "text", each once, each a string within the limit, a known speaker and an
 * RFC 3339 time.  Anything else (an attachment, an unknown member, a wrong
 * type, a bad value, malformed JSON) goes back to where the turn began and
 * is read as before, as a tree through _hd_packet_parse_turn (), which
 * then names the problem exactly as the tree walk would.  A turn's problem
 * is kept, not raised, until the schema walk reaches the transcript: the
 * whole packet is still read first (malformed JSON anywhere wins), and
 * what the walk checks before the transcript still comes first. */

typedef struct
{
  HdBoundedJsonScan    *scan;
  GError              **scan_error;
  const HdPacketLimits *limits;
  HdPacketTranscript   *transcript;
  HdJsonReader          reader;       /* for turns read as trees, at "/transcript" */
  GString              *slots[3];     /* speaker, time, text of the turn being read */
} Decoder;

enum { SLOT_SPEAKER, SLOT_TIME, SLOT_TEXT, N_SLOTS };

static int
slot_for_name (const char *name,
               gsize       len)
{
  switch (len)
    {
    case 4:
      if (memcmp (name, "time", 4) == 0)
        return SLOT_TIME;
      if (memcmp (name, "text", 4) == 0)
        return SLOT_TEXT;
      return -1;
    case 7:
      return memcmp (name, "speaker", 7) == 0 ? SLOT_SPEAKER : -1;
    default:
      return -1;
    }
}

/* The common turn, or NULL (no error: the caller reads it again as a tree).
 * The scanner's error is off meanwhile, so that nothing read here can set
 * it. */
static HdTurn *
read_common_turn (Decoder *d)
{
  HdBoundedJsonScan *r = d->scan;
  guint seen = 0;
  HdSpeaker speaker;
  GDateTime *time;
  HdTurn *turn;

  _hd_bounded_json_scan_skip_space (r);
  if (r->p >= r->end || *r->p != '{')
    return NULL;
  r->p++;
  for (;;)
    {
      const char *name, *value;
      gsize name_len, value_len;
      int slot;

      _hd_bounded_json_scan_skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return NULL;
      r->p++;
      if (!_hd_bounded_json_scan_string (r, &name, &name_len))
        return NULL;
      slot = slot_for_name (name, name_len);
      if (slot < 0 || (seen & (1u << slot)) != 0)
        return NULL;
      seen |= 1u << slot;

      _hd_bounded_json_scan_skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        return NULL;
      r->p++;
      _hd_bounded_json_scan_skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        return NULL;
      r->p++;
      if (!_hd_bounded_json_scan_string (r, &value, &value_len) ||
          value_len > d->limits->max_string)
        return NULL;
      /* Terminated, and safe from the next string read. */
      g_string_truncate (d->slots[slot], 0);
      g_string_append_len (d->slots[slot], value, value_len);

      _hd_bounded_json_scan_skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          break;
        }
      return NULL;
    }

  if (seen != (1u << N_SLOTS) - 1 ||
      !hd_speaker_from_string (d->slots[SLOT_SPEAKER]->str, &speaker) ||
      (time = hd_time_parse_rfc3339 (d->slots[SLOT_TIME]->str)) == NULL)
    return NULL;

  /* As _hd_packet_parse_turn () makes it. */
  turn = g_object_new (HD_TYPE_TURN, NULL);
  turn->speaker = speaker;
  turn->time = time;
  /* The decoder's input is valid UTF-8 (its callers check it whole), and
   * the scanner refuses a NUL: so is this text. */
  turn->text = hd_mask_text_full (d->slots[SLOT_TEXT]->str, HD_MASK_FLAGS_BARE_CODES | HD_MASK_FLAGS_VALID_UTF8);
  return turn;
}

/* One element of the transcript, at @index.  FALSE only for malformed JSON
 * (the scanner's error set); a turn that is not valid becomes the
 * transcript's error. */
static gboolean
read_turn (Decoder *d,
           guint    index)
{
  HdBoundedJsonScan *r = d->scan;
  HdPacketTranscript *transcript = d->transcript;
  gboolean wanted = transcript->error == NULL && transcript->n_turns < d->limits->max_turns;
  char *start = r->p;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = NULL;
  HdTurn *turn = NULL;
  gsize old;

  if (wanted)
    {
      r->error = NULL;
      turn = read_common_turn (d);
      r->error = d->scan_error;
      if (turn != NULL)
        {
          g_ptr_array_add (transcript->turns, turn);
          transcript->n_turns++;
          return TRUE;
        }
      r->p = start;
    }

  /* Two levels below the root: the transcript, then the turn.  Past the
   * limit or a bad turn, the rest is only checked. */
  if (!wanted)
    {
      transcript->n_turns++;
      return _hd_bounded_json_scan_skip (r, 2);
    }
  if ((node = _hd_bounded_json_scan_value (r, 2)) == NULL)
    return FALSE;
  old = _hd_json_push_index (&d->reader, index);
  if (_hd_json_node_get_object (&d->reader, node, &object) &&
      (turn = _hd_packet_parse_turn (&d->reader, object)) != NULL)
    g_ptr_array_add (transcript->turns, turn);
  _hd_json_pop (&d->reader, old);
  transcript->n_turns++;
  return TRUE;
}

/* The transcript's array, at the scanner (on its "["). */
static gboolean
read_transcript (Decoder *d)
{
  HdBoundedJsonScan *r = d->scan;
  guint index = 0;

  /* As _hd_bounded_json_scan_value () reads an array one level below the
   * root; the caller made sure the limit allows the turns' level. */
  r->depth_seen = MAX (r->depth_seen, 2);
  r->p++;
  _hd_bounded_json_scan_skip_space (r);
  if (r->p < r->end && *r->p == ']')
    {
      r->p++;
      return TRUE;
    }
  for (;;)
    {
      if (!read_turn (d, index++))
        return FALSE;
      _hd_bounded_json_scan_skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == ']')
        {
          r->p++;
          return TRUE;
        }
      _hd_bounded_json_scan_fail (r, "expected ',' or ']'");
      return FALSE;
    }
}

static void
transcript_reset (HdPacketTranscript *transcript)
{
  g_ptr_array_set_size (transcript->turns, 0);
  transcript->n_turns = 0;
  transcript->decoded = FALSE;
  g_clear_error (&transcript->error);
}

/* The root object, as _hd_bounded_json_scan_value () reads it, except for
 * an array "transcript", read by read_transcript () and left in the tree as
 * an empty array (so that the walk finds it where it is expected). */
static JsonNode *
read_root (Decoder *d)
{
  HdBoundedJsonScan *r = d->scan;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_node_take_object (node, object);
  r->depth_seen = MAX (r->depth_seen, 1);
  r->p++;
  _hd_bounded_json_scan_skip_space (r);
  if (r->p < r->end && *r->p == '}')
    {
      r->p++;
      return g_steal_pointer (&node);
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      const char *raw;
      gsize name_len;
      JsonNode *member;

      _hd_bounded_json_scan_skip_space (r);
      if (r->p >= r->end || *r->p != '"')
        {
          _hd_bounded_json_scan_fail (r, "expected a member name");
          return NULL;
        }
      r->p++;
      if (!_hd_bounded_json_scan_string (r, &raw, &name_len))
        return NULL;
      name = g_strndup (raw, name_len);
      _hd_bounded_json_scan_skip_space (r);
      if (r->p >= r->end || *r->p != ':')
        {
          _hd_bounded_json_scan_fail (r, "expected ':'");
          return NULL;
        }
      r->p++;

      if (strcmp (name, "transcript") == 0)
        {
          /* A repeated member replaces the one before. */
          transcript_reset (d->transcript);
          _hd_bounded_json_scan_skip_space (r);
          if (r->p < r->end && *r->p == '[')
            {
              d->transcript->decoded = TRUE;
              if (!read_transcript (d))
                return NULL;
              member = json_node_new (JSON_NODE_ARRAY);
              json_node_take_array (member, json_array_new ());
            }
          else if (!(member = _hd_bounded_json_scan_value (r, 1)))
            return NULL;
        }
      else if (!(member = _hd_bounded_json_scan_value (r, 1)))
        return NULL;
      json_object_set_member (object, name, member);

      _hd_bounded_json_scan_skip_space (r);
      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }
      if (r->p < r->end && *r->p == '}')
        {
          r->p++;
          return g_steal_pointer (&node);
        }
      {
        _hd_bounded_json_scan_fail (r, "expected ',' or '}'");
        return NULL;
      }
    }
}

HdPacket *
_hd_packet_decode (const char            *data,
                   gsize                  len,
                   const HdPacketLimits  *limits,
                   guint                  max_depth,
                   GError               **error)
{
  g_auto(HdBoundedJsonScan) scan = { 0 };
  g_autoptr(GError) scan_error = NULL;
  g_autoptr(GString) pointer = g_string_new ("/transcript");
  g_autoptr(JsonNode) root = NULL;
  HdPacketTranscript transcript = { FALSE, NULL, 0, 0, NULL };
  Decoder d = { &scan, NULL, limits, &transcript, { limits, pointer, 0, NULL }, { NULL } };
  HdPacket *packet = NULL;

  /* A turn sits at level 3; with a smaller limit, the tree reads it. */
  g_return_val_if_fail (max_depth >= 3, NULL);

  _hd_bounded_json_scan_init (&scan, data, len, FALSE, max_depth, &scan_error);
  scan.input_utf8 = TRUE;
  d.scan_error = &scan_error;
  transcript.turns = g_ptr_array_new_with_free_func (g_object_unref);
  d.reader.error = &transcript.error;
  for (guint i = 0; i < N_SLOTS; i++)
    d.slots[i] = g_string_sized_new (64);

  _hd_bounded_json_scan_skip_space (&scan);
  g_assert (scan.p < scan.end && *scan.p == '{');
  if ((root = read_root (&d)) != NULL)
    {
      _hd_bounded_json_scan_skip_space (&scan);
      if (scan.p != scan.end)
        {
          g_clear_pointer (&root, json_node_unref);
          _hd_packet_fail_more_than_one_value (data, &scan, error);
        }
      else
        {
          HdJsonReader p = { limits, g_string_sized_new (64), 0, error };

          transcript.unknown = d.reader.unknown;
          packet = _hd_packet_parse_root (&p, root, &transcript);
          g_string_free (p.pointer, TRUE);
        }
    }
  else
    _hd_packet_fail_scan (data, &scan, scan_error, error);

  for (guint i = 0; i < N_SLOTS; i++)
    g_string_free (d.slots[i], TRUE);
  g_ptr_array_unref (transcript.turns);
  g_clear_error (&transcript.error);
  return packet;
}
