/* hd-replay.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-replay"

#include "config.h"

#include <string.h>

#include "hd-bounded-json.h"
#include "hd-packet-parser.h"
#include "hd-replay.h"

/* The transcript as of the position: a GListModel that builds an HdTurn only
 * when asked for it (a list view asks for the visible rows), so a seek costs
 * nothing per turn.  Turns are cached by index: turn i is the same in every
 * state of a recording. */
#define HD_TYPE_REPLAY_TRANSCRIPT (hd_replay_transcript_get_type ())
G_DECLARE_FINAL_TYPE (HdReplayTranscript, hd_replay_transcript, HD, REPLAY_TRANSCRIPT, GObject)

struct _HdReplayTranscript
{
  GObject           parent_instance;
  HdReplay         *replay;   /* unowned: the replay owns us */
  JsonNode * const *turns;    /* borrowed from the replay's state */
  guint             n_items;
};

static HdTurn *turn_at (HdReplay *self,
                        JsonNode *node,
                        guint     index);

static GType
hd_replay_transcript_get_item_type (GListModel *model)
{
  return HD_TYPE_TURN;
}

static guint
hd_replay_transcript_get_n_items (GListModel *model)
{
  return HD_REPLAY_TRANSCRIPT (model)->n_items;
}

static gpointer
hd_replay_transcript_get_item (GListModel *model,
                               guint       position)
{
  HdReplayTranscript *self = HD_REPLAY_TRANSCRIPT (model);

  if (position >= self->n_items)
    return NULL;
  return g_object_ref (turn_at (self->replay, self->turns[position], position));
}

static void
hd_replay_transcript_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hd_replay_transcript_get_item_type;
  iface->get_n_items = hd_replay_transcript_get_n_items;
  iface->get_item = hd_replay_transcript_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HdReplayTranscript, hd_replay_transcript, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hd_replay_transcript_list_model_init))

static void
hd_replay_transcript_class_init (HdReplayTranscriptClass *klass)
{
}

static void
hd_replay_transcript_init (HdReplayTranscript *self)
{
}

struct _HdReplay
{
  GObject          parent_instance;

  HdRecording     *recording;     /* owned */
  guint            position;
  HdJournalState  *state;         /* owned */
  HdJournalEvent  *current;       /* owned, nullable */
  JsonNode        *packet_node;   /* owned ref, nullable: what packet was parsed from */
  HdPacket        *packet;        /* owned, nullable */
  HdReplayTranscript *transcript; /* owned */
  GPtrArray       *turn_cache;    /* owned, of HdTurn (or NULL), by turn index */
  double           speed;
  guint            play_source;
};

G_DEFINE_FINAL_TYPE (HdReplay, hd_replay, G_TYPE_OBJECT)

enum { PROP_0, PROP_RECORDING, PROP_POSITION, PROP_N_EVENTS, PROP_SPEED, PROP_PLAYING, N_PROPS };
enum { CHANGED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static HdTurn *
turn_at (HdReplay *self,
         JsonNode *node,
         guint     index)
{
  HdTurn *turn;

  if (index >= self->turn_cache->len)
    g_ptr_array_set_size (self->turn_cache, index + 1);
  turn = g_ptr_array_index (self->turn_cache, index);
  if (turn == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *pointer = g_strdup_printf ("/turns/%u", index);

      turn = hd_turn_parse_node (node, pointer, &error);
      if (turn == NULL)
        {
          g_autoptr(JsonNode) placeholder = NULL;
          g_autoptr(GDateTime) epoch = g_date_time_new_from_unix_utc (0);
          g_autofree char *time = hd_journal_format_time (epoch);
          g_autofree char *fallback =
            g_strdup_printf ("{\"speaker\":\"system\",\"time\":\"%s\",\"text\":\"(unreadable turn)\"}", time);

          g_warning ("Recording %s: turn %u does not parse: %s",
                     hd_recording_get_handoff_id (self->recording), index, error->message);
          placeholder = hd_bounded_json_parse (fallback, strlen (fallback), HD_BOUNDED_JSON_MAX_DEPTH, NULL, NULL);
          turn = hd_turn_parse_node (placeholder, pointer, NULL);
          g_assert (turn != NULL);
        }
      g_ptr_array_index (self->turn_cache, index) = turn;
    }
  return turn;
}

static void
sync_transcript (HdReplay *self)
{
  HdReplayTranscript *model = self->transcript;
  guint n_turns = 0;
  guint shown = model->n_items;

  model->turns = hd_journal_state_get_log (self->state, HD_STATE_LOG_TURNS, &n_turns);
  model->n_items = n_turns;
  if (n_turns < shown)
    g_list_model_items_changed (G_LIST_MODEL (model), n_turns, shown - n_turns, 0);
  else if (n_turns > shown)
    g_list_model_items_changed (G_LIST_MODEL (model), shown, 0, n_turns - shown);
}

static void
sync_packet (HdReplay *self)
{
  JsonNode *node = hd_journal_state_get_packet (self->state);

  if (node == self->packet_node)
    return;
  g_clear_pointer (&self->packet_node, json_node_unref);
  g_clear_object (&self->packet);
  if (node == NULL)
    return;

  self->packet_node = json_node_ref (node);
  {
    g_autoptr(GError) error = NULL;

    self->packet = hd_packet_parse_node (node, NULL, &error);
    if (self->packet == NULL)
      g_warning ("Recording %s: the offered packet does not parse: %s",
                 hd_recording_get_handoff_id (self->recording), error->message);
  }
}

void
hd_replay_seek (HdReplay *self,
                guint     position)
{
  g_autoptr(GError) error = NULL;
  HdJournalState *state;

  g_return_if_fail (HD_IS_REPLAY (self));

  position = MIN (position, hd_recording_get_n_events (self->recording));
  if (position == self->position && self->state != NULL)
    return;

  state = hd_recording_dup_state_at (self->recording, position, &error);
  if (state == NULL)
    {
      /* The recording verified when opened and is immutable: unreachable
       * short of memory corruption. */
      g_critical ("Cannot seek to event %u of %s: %s", position,
                  hd_recording_get_handoff_id (self->recording), error->message);
      return;
    }
  g_clear_pointer (&self->state, hd_journal_state_free);
  self->state = state;
  self->position = position;
  g_clear_pointer (&self->current, hd_journal_event_unref);
  if (position > 0)
    self->current = hd_recording_dup_event (self->recording, position - 1, NULL);

  sync_packet (self);
  sync_transcript (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
hd_replay_step_forward (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), FALSE);

  if (self->position >= hd_recording_get_n_events (self->recording))
    return FALSE;
  hd_replay_seek (self, self->position + 1);
  return TRUE;
}

gboolean
hd_replay_step_back (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), FALSE);

  if (self->position == 0)
    return FALSE;
  hd_replay_seek (self, self->position - 1);
  return TRUE;
}

guint
hd_replay_position_for_time (HdReplay *self,
                             gint64    time_usec)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (HD_IS_REPLAY (self), 0);

  /* The number of events at or before @time_usec; times never decrease in a
   * recording written by the journal, so a binary search is enough. */
  hi = hd_recording_get_n_events (self->recording);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (hd_recording_get_event_time (self->recording, mid) <= time_usec)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean play_cb (gpointer user_data);

static void
schedule_next (HdReplay *self)
{
  gint64 gap = 0;
  guint n = hd_recording_get_n_events (self->recording);

  if (self->position >= n)
    {
      g_clear_handle_id (&self->play_source, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return;
    }
  if (self->position > 0)
    gap = hd_recording_get_event_time (self->recording, self->position) -
          hd_recording_get_event_time (self->recording, self->position - 1);
  gap = CLAMP (gap, 0, HD_REPLAY_MAX_GAP_USEC);
  self->play_source = g_timeout_add ((guint) (gap / 1000 / self->speed), play_cb, self);
}

static gboolean
play_cb (gpointer user_data)
{
  HdReplay *self = user_data;

  self->play_source = 0;
  hd_replay_step_forward (self);
  schedule_next (self);
  return G_SOURCE_REMOVE;
}

void
hd_replay_set_playing (HdReplay *self,
                       gboolean  playing)
{
  g_return_if_fail (HD_IS_REPLAY (self));

  playing = !!playing;
  if (playing == (self->play_source != 0))
    return;
  if (playing)
    {
      if (self->position >= hd_recording_get_n_events (self->recording))
        hd_replay_seek (self, 0);
      schedule_next (self);
    }
  else
    g_clear_handle_id (&self->play_source, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
hd_replay_get_playing (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), FALSE);
  return self->play_source != 0;
}

void
hd_replay_set_speed (HdReplay *self,
                     double    speed)
{
  g_return_if_fail (HD_IS_REPLAY (self));

  speed = CLAMP (speed, HD_REPLAY_MIN_SPEED, HD_REPLAY_MAX_SPEED);
  if (speed == self->speed)
    return;
  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

double
hd_replay_get_speed (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), 1.0);
  return self->speed;
}

HdRecording *
hd_replay_get_recording (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);
  return self->recording;
}

guint
hd_replay_get_n_events (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), 0);
  return hd_recording_get_n_events (self->recording);
}

guint
hd_replay_get_position (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), 0);
  return self->position;
}

const HdJournalState *
hd_replay_get_state (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);
  return self->state;
}

HdJournalEvent *
hd_replay_get_current_event (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);
  return self->current;
}

HdPacket *
hd_replay_get_packet (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);
  return self->packet;
}

GListModel *
hd_replay_get_transcript (HdReplay *self)
{
  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);
  return G_LIST_MODEL (self->transcript);
}

HdHandoff *
hd_replay_dup_handoff (HdReplay *self)
{
  g_autoptr(HdHandoff) handoff = NULL;
  HdRevokeReason reason = HD_REVOKE_REASON_NONE;
  HdHandoffState state;
  guint n;

  g_return_val_if_fail (HD_IS_REPLAY (self), NULL);

  if (self->packet == NULL)
    return NULL;

  handoff = hd_handoff_new (self->packet, NULL);
  state = hd_journal_state_get_state (self->state);
  switch (state)
    {
    case HD_HANDOFF_STATE_WRAPPED_UP:
      hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE);
      hd_handoff_transition (handoff, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE);
      break;
    case HD_HANDOFF_STATE_REVOKED:
      if (!hd_revoke_reason_from_string (hd_journal_state_get_revoke_reason (self->state), &reason))
        reason = HD_REVOKE_REASON_NONE;
      hd_handoff_transition (handoff, HD_HANDOFF_STATE_REVOKED, reason);
      break;
    case HD_HANDOFF_STATE_ACCEPTED:
    case HD_HANDOFF_STATE_DECLINED:
    case HD_HANDOFF_STATE_EXPIRED:
      hd_handoff_transition (handoff, state, HD_REVOKE_REASON_NONE);
      break;
    case HD_HANDOFF_STATE_OFFERED:
    default:
      break;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->transcript));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdTurn) turn = g_list_model_get_item (G_LIST_MODEL (self->transcript), i);

      hd_handoff_append_turn (handoff, turn);
    }
  return g_steal_pointer (&handoff);
}

static void
hd_replay_dispose (GObject *object)
{
  HdReplay *self = HD_REPLAY (object);

  g_clear_handle_id (&self->play_source, g_source_remove);

  G_OBJECT_CLASS (hd_replay_parent_class)->dispose (object);
}

static void
hd_replay_finalize (GObject *object)
{
  HdReplay *self = HD_REPLAY (object);

  g_clear_object (&self->recording);
  g_clear_pointer (&self->state, hd_journal_state_free);
  g_clear_pointer (&self->current, hd_journal_event_unref);
  g_clear_pointer (&self->packet_node, json_node_unref);
  g_clear_object (&self->packet);
  g_clear_object (&self->transcript);
  g_clear_pointer (&self->turn_cache, g_ptr_array_unref);

  G_OBJECT_CLASS (hd_replay_parent_class)->finalize (object);
}

static void
hd_replay_constructed (GObject *object)
{
  HdReplay *self = HD_REPLAY (object);

  G_OBJECT_CLASS (hd_replay_parent_class)->constructed (object);

  g_assert (self->recording != NULL);
  self->state = hd_recording_dup_state_at (self->recording, 0, NULL);
  sync_transcript (self);
}

static void
hd_replay_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdReplay *self = HD_REPLAY (object);

  switch (prop_id)
    {
    case PROP_RECORDING:
      g_value_set_object (value, self->recording);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_N_EVENTS:
      g_value_set_uint (value, hd_recording_get_n_events (self->recording));
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, self->play_source != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_replay_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdReplay *self = HD_REPLAY (object);

  switch (prop_id)
    {
    case PROP_RECORDING:
      self->recording = g_value_dup_object (value);
      break;
    case PROP_POSITION:
      hd_replay_seek (self, g_value_get_uint (value));
      break;
    case PROP_SPEED:
      hd_replay_set_speed (self, g_value_get_double (value));
      break;
    case PROP_PLAYING:
      hd_replay_set_playing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_replay_class_init (HdReplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hd_replay_constructed;
  object_class->dispose = hd_replay_dispose;
  object_class->finalize = hd_replay_finalize;
  object_class->get_property = hd_replay_get_property;
  object_class->set_property = hd_replay_set_property;

  properties[PROP_RECORDING] =
    g_param_spec_object ("recording", NULL, NULL, HD_TYPE_RECORDING,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, HD_REPLAY_MIN_SPEED, HD_REPLAY_MAX_SPEED, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hd_replay_init (HdReplay *self)
{
  self->speed = 1.0;
  self->transcript = g_object_new (HD_TYPE_REPLAY_TRANSCRIPT, NULL);
  self->transcript->replay = self;
  self->turn_cache = g_ptr_array_new_with_free_func (unref_nullable);
}

HdReplay *
hd_replay_new (HdRecording *recording)
{
  g_return_val_if_fail (HD_IS_RECORDING (recording), NULL);

  return g_object_new (HD_TYPE_REPLAY, "recording", recording, NULL);
}
