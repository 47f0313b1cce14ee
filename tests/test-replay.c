/* test-replay.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hd-journal.h"
#include "hd-journal-state.h"
#include "hd-recording.h"
#include "hd-replay.h"
#include "test-journal-scenario.h"
#include "hd-test-utils.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = hd_test_make_tmp_dir ("hd-replay-XXXXXX");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  hd_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The folder of the demo recordings the app ships: the test environment names it, and a
 * program run by hand finds the source tree's. */
static char *
demo_dir (void)
{
  const char *dir = g_getenv ("HANDOFFDESK_RECORDINGS_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "recordings", NULL);
}

static HdRecording *
open_demo (const char *name)
{
  g_autofree char *dir = demo_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HdRecording *recording = hd_recording_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  return recording;
}

static void
test_new (void)
{
  g_autoptr(HdRecording) recording = open_demo ("good-handoff.hdrec");
  HdReplay *replay = hd_replay_new (recording);

  g_assert_true (HD_IS_REPLAY (replay));
  g_assert_true (hd_replay_get_recording (replay) == recording);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 0);
  g_assert_cmpuint (hd_replay_get_n_events (replay), ==, 11);
  g_assert_finalize_object (replay);
}

typedef struct
{
  const char     *handoff;
  HdJournalState *live;
  GPtrArray      *dumps;   /* of char*: live state after k events */
} Live;

static void
appended_cb (HdJournal      *journal,
             HdJournalEvent *event,
             gpointer        user_data)
{
  Live *live = user_data;

  /* The app's live path: every appended event goes through the reducer. */
  if (!g_str_equal (hd_journal_event_get_handoff_id (event), live->handoff))
    return;
  hd_journal_state_apply (live->live, event);
  g_ptr_array_add (live->dumps, hd_journal_state_to_json (live->live));
}

/* Replay state at event k equals the live state after the same k events, for
 * every k, across checkpoints, with another handoff interleaved. */
static void
test_live_equals_replay (Fixture       *f,
                         gconstpointer  data)
{
  const guint n_events = 3 * HD_RECORDING_CHECKPOINT_INTERVAL + 37;
  g_autofree char *journal_dir = g_build_filename (f->dir, "journal", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "long.hdrec", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournal) journal = hd_journal_new (journal_dir, NULL, &error);
  g_autoptr(HdRecording) recording = NULL;
  g_autoptr(HdReplay) replay = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  Live live = { "ho-long", hd_journal_state_new (), g_ptr_array_new_with_free_func (g_free) };
  Scenario s, other;
  guint j = 0;

  g_assert_no_error (error);
  g_ptr_array_add (live.dumps, hd_journal_state_to_json (live.live));
  g_signal_connect (journal, "appended", G_CALLBACK (appended_cb), &live);

  scenario_long (&s, "ho-long", n_events);
  scenario_good_handoff (&other);
  /* A card number the scrub must mask identically on both paths. */
  scenario_turn (&s, 9999, "customer", "customer", "my other card is 5500 0000 0000 0004");
  for (guint i = 0; i < s.events->len; i++)
    {
      g_assert_true (hd_journal_append (journal, g_ptr_array_index (s.events, i), &error));
      if (i % 50 == 0 && j < other.events->len)
        g_assert_true (hd_journal_append (journal, g_ptr_array_index (other.events, j++), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (live.dumps->len, ==, n_events + 2);
  g_assert_null (strstr (g_ptr_array_index (live.dumps, n_events + 1), "5500 0000"));

  g_assert_true (hd_journal_export_recording (journal_dir, "ho-long", file, HD_RECORDING_REDACT_NONE, &error));
  g_assert_no_error (error);
  recording = hd_recording_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hd_recording_get_n_events (recording), ==, n_events + 1);

  for (guint k = 0; k <= n_events + 1; k++)
    {
      g_autoptr(HdJournalState) state = hd_recording_dup_state_at (recording, k, &error);
      g_autofree char *dump = NULL;

      g_assert_no_error (error);
      dump = hd_journal_state_to_json (state);
      if (g_strcmp0 (dump, g_ptr_array_index (live.dumps, k)) != 0)
        g_error ("State after %u events differs:\nlive:   %s\nreplay: %s", k,
                 (char *) g_ptr_array_index (live.dumps, k), dump);
    }

  /* The same through HdReplay, scrubbing in random order. */
  replay = hd_replay_new (recording);
  for (guint i = 0; i < 200; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, (gint32) n_events + 2);
      g_autofree char *dump = NULL;

      hd_replay_seek (replay, k);
      g_assert_cmpuint (hd_replay_get_position (replay), ==, k);
      dump = hd_journal_state_to_json (hd_replay_get_state (replay));
      g_assert_cmpstr (dump, ==, g_ptr_array_index (live.dumps, k));
    }

  scenario_clear (&s);
  scenario_clear (&other);
  hd_journal_state_free (live.live);
  g_ptr_array_unref (live.dumps);
}

static void
changed_cb (HdReplay *replay,
            guint    *count)
{
  (*count)++;
}

static void
notify_cb (HdReplay   *replay,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_step (void)
{
  g_autoptr(HdRecording) recording = open_demo ("broken-handoff-missing-verification.hdrec");
  g_autoptr(HdReplay) replay = hd_replay_new (recording);
  g_autoptr(HdHandoff) handoff = NULL;
  guint n = hd_replay_get_n_events (replay);
  guint changed = 0;
  guint notified = 0;
  guint steps = 0;
  guint n_turns = 0;

  g_signal_connect (replay, "changed", G_CALLBACK (changed_cb), &changed);
  g_signal_connect (replay, "notify::position", G_CALLBACK (notify_cb), &notified);

  g_assert_null (hd_replay_get_packet (replay));
  g_assert_null (hd_replay_get_current_event (replay));
  g_assert_null (hd_replay_dup_handoff (replay));
  g_assert_false (hd_replay_step_back (replay));
  g_assert_false (hd_journal_state_get_offered (hd_replay_get_state (replay)));

  g_assert_true (hd_replay_step_forward (replay));
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 1);
  g_assert_nonnull (hd_replay_get_packet (replay));
  g_assert_cmpstr (hd_packet_get_handoff_id (hd_replay_get_packet (replay)), ==, "ho-2026-11-24-000233");
  g_assert_false (hd_verification_get_authenticated (hd_packet_get_verification (hd_replay_get_packet (replay))));
  g_assert_cmpstr (hd_journal_event_get_event_type (hd_replay_get_current_event (replay)), ==, HD_EVENT_OFFER);
  g_assert_cmpint (hd_journal_state_get_state (hd_replay_get_state (replay)), ==, HD_HANDOFF_STATE_OFFERED);

  while (hd_replay_step_forward (replay))
    steps++;
  g_assert_cmpuint (steps, ==, n - 1);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, n);
  g_assert_cmpuint (changed, ==, n);
  g_assert_cmpuint (notified, ==, n);
  g_assert_cmpint (hd_journal_state_get_state (hd_replay_get_state (replay)), ==, HD_HANDOFF_STATE_WRAPPED_UP);
  hd_journal_state_get_log (hd_replay_get_state (replay), HD_STATE_LOG_TURNS, &n_turns);
  g_assert_cmpuint (g_list_model_get_n_items (hd_replay_get_transcript (replay)), ==, n_turns);
  g_assert_cmpuint (n_turns, ==, 7);

  handoff = hd_replay_dup_handoff (replay);
  g_assert_cmpint (hd_handoff_get_state (handoff), ==, HD_HANDOFF_STATE_WRAPPED_UP);
  g_assert_cmpuint (g_list_model_get_n_items (hd_handoff_get_transcript (handoff)), ==, 8 + n_turns);

  /* Back one: the last agent turn and the wrap-up are undone in order. */
  g_assert_true (hd_replay_step_back (replay));
  g_assert_cmpint (hd_journal_state_get_state (hd_replay_get_state (replay)), ==, HD_HANDOFF_STATE_ACCEPTED);
  g_assert_true (hd_replay_step_back (replay));
  g_assert_cmpuint (g_list_model_get_n_items (hd_replay_get_transcript (replay)), ==, n_turns - 1);
  {
    g_autoptr(HdTurn) turn = g_list_model_get_item (hd_replay_get_transcript (replay), n_turns - 2);

    g_assert_cmpint (hd_turn_get_speaker (turn), ==, HD_SPEAKER_CUSTOMER);
    g_assert_nonnull (strstr (hd_turn_get_text (turn), "typed this twice"));
  }

  /* Seeking past the end clamps; seeking to the same place is silent. */
  hd_replay_seek (replay, 10000);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, n);
  changed = 0;
  hd_replay_seek (replay, n);
  g_assert_cmpuint (changed, ==, 0);
  g_object_set (replay, "position", 0, NULL);
  g_assert_null (hd_replay_get_packet (replay));
  g_assert_cmpuint (g_list_model_get_n_items (hd_replay_get_transcript (replay)), ==, 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every demo recording, in name order: the properties below hold for any recording, and
 * these are the ones trainers open first. */
static GPtrArray *
open_all_demos (void)
{
  g_autofree char *dir = demo_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *recordings = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, HD_RECORDING_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (recordings, open_demo (g_ptr_array_index (names, i)));
  /* Four ship with the app: an empty or wrong folder must not pass for "all hold". */
  g_assert_cmpuint (recordings->len, >=, 4);
  return recordings;
}

/* Everything a cursor shows at its position, as one text that g_assert_cmpstr () can
 * compare and print: the position and current event, the state, the transcript model's
 * length, and the handoff the trainer's pane is given (state and every turn). */
static char *
describe (HdReplay *replay)
{
  g_autoptr(HdHandoff) handoff = hd_replay_dup_handoff (replay);
  g_autofree char *state = hd_journal_state_to_json (hd_replay_get_state (replay));
  HdJournalEvent *event = hd_replay_get_current_event (replay);
  HdPacket *packet = hd_replay_get_packet (replay);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "position %u, event %" G_GINT64_FORMAT " %s\nstate %s\ntranscript %u turns\n",
                          hd_replay_get_position (replay),
                          event != NULL ? hd_journal_event_get_seq (event) : -1,
                          event != NULL ? hd_journal_event_get_event_type (event) : "(none)",
                          state, g_list_model_get_n_items (hd_replay_get_transcript (replay)));
  if (handoff == NULL)
    g_string_append (out, "no handoff\n");
  else
    {
      GListModel *turns = hd_handoff_get_transcript (handoff);
      guint n = g_list_model_get_n_items (turns);

      /* The pane shows the offered packet's turns, then every turn since. */
      g_assert_cmpuint (n, ==, g_list_model_get_n_items (hd_packet_get_transcript (packet)) +
                               g_list_model_get_n_items (hd_replay_get_transcript (replay)));
      g_string_append_printf (out, "handoff state %d, revoke reason %d, %u turns\n",
                              hd_handoff_get_state (handoff), hd_handoff_get_revoke_reason (handoff), n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HdTurn) turn = g_list_model_get_item (turns, i);

          g_string_append_printf (out, "  %d: %s\n", hd_turn_get_speaker (turn), hd_turn_get_text (turn));
        }
    }
  return g_string_free (out, FALSE);
}

/* describe () at every position 0..n of @recording, reached by stepping forward from 0
 * (the k-th is what stepping k times shows). */
static GPtrArray *
describe_stepping (HdRecording *recording)
{
  g_autoptr(HdReplay) replay = hd_replay_new (recording);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (shown, describe (replay));
  while (hd_replay_step_forward (replay))
    g_ptr_array_add (shown, describe (replay));
  g_assert_cmpuint (shown->len, ==, hd_replay_get_n_events (replay) + 1);
  return shown;
}

/* Keeps a count of the transcript's items from its "items-changed" alone, as a list view
 * bound to it does. */
static void
transcript_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       guint      *mirror)
{
  g_assert_cmpuint (position + removed, <=, *mirror);
  *mirror = *mirror - removed + added;
}

/* Seeking to k shows exactly what stepping k times shows, for every position of every demo
 * recording, each seek starting from wherever the one before left the cursor; and a view
 * bound to the transcript follows the seeks. */
static void
test_seek_equals_step (void)
{
  g_autoptr(GPtrArray) recordings = open_all_demos ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  for (guint r = 0; r < recordings->len; r++)
    {
      HdRecording *recording = g_ptr_array_index (recordings, r);
      g_autoptr(GPtrArray) stepped = describe_stepping (recording);
      g_autoptr(HdReplay) replay = hd_replay_new (recording);
      guint n = hd_replay_get_n_events (replay);
      g_autofree guint *order = g_new (guint, n + 1);
      guint mirror = 0;

      g_test_message ("%s: %u events", hd_recording_get_handoff_id (recording), n);
      g_signal_connect (hd_replay_get_transcript (replay), "items-changed",
                        G_CALLBACK (transcript_changed_cb), &mirror);

      /* Every position once, in a jumbled order (Fisher-Yates with a fixed seed): seeks
       * forward and back, near and far. */
      for (guint i = 0; i <= n; i++)
        order[i] = i;
      for (guint i = n; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          guint swap = order[i];

          order[i] = order[j];
          order[j] = swap;
        }

      for (guint i = 0; i <= n; i++)
        {
          g_autofree char *sought = NULL;

          hd_replay_seek (replay, order[i]);
          g_assert_cmpuint (hd_replay_get_position (replay), ==, order[i]);
          sought = describe (replay);
          g_assert_cmpstr (sought, ==, g_ptr_array_index (stepped, order[i]));
          g_assert_cmpuint (mirror, ==, g_list_model_get_n_items (hd_replay_get_transcript (replay)));
        }
    }
}

/* Stepping back undoes stepping forward: from the end all the way back, and one step
 * forward and back from every position reached by a seek, the cursor shows again what it
 * showed there on the way forward. */
static void
test_step_back_undoes_step (void)
{
  g_autoptr(GPtrArray) recordings = open_all_demos ();

  for (guint r = 0; r < recordings->len; r++)
    {
      HdRecording *recording = g_ptr_array_index (recordings, r);
      g_autoptr(GPtrArray) stepped = describe_stepping (recording);
      g_autoptr(HdReplay) replay = hd_replay_new (recording);
      guint n = hd_replay_get_n_events (replay);
      guint mirror = 0;

      g_test_message ("%s: %u events", hd_recording_get_handoff_id (recording), n);
      g_signal_connect (hd_replay_get_transcript (replay), "items-changed",
                        G_CALLBACK (transcript_changed_cb), &mirror);

      hd_replay_seek (replay, n);
      for (guint k = n; k > 0; k--)
        {
          g_autofree char *shown = NULL;

          g_assert_true (hd_replay_step_back (replay));
          shown = describe (replay);
          g_assert_cmpstr (shown, ==, g_ptr_array_index (stepped, k - 1));
          g_assert_cmpuint (mirror, ==, g_list_model_get_n_items (hd_replay_get_transcript (replay)));
        }
      g_assert_false (hd_replay_step_back (replay));

      for (guint k = 0; k < n; k++)
        {
          g_autofree char *forward = NULL;
          g_autofree char *back = NULL;

          hd_replay_seek (replay, k);
          g_assert_true (hd_replay_step_forward (replay));
          forward = describe (replay);
          g_assert_cmpstr (forward, ==, g_ptr_array_index (stepped, k + 1));
          g_assert_true (hd_replay_step_back (replay));
          back = describe (replay);
          g_assert_cmpstr (back, ==, g_ptr_array_index (stepped, k));
          g_assert_cmpuint (mirror, ==, g_list_model_get_n_items (hd_replay_get_transcript (replay)));
        }
    }
}

static void
test_position_for_time (void)
{
  g_autoptr(HdRecording) recording = open_demo ("abandoned-transfer.hdrec");
  g_autoptr(HdReplay) replay = hd_replay_new (recording);
  gint64 t0 = hd_recording_get_event_time (recording, 0);
  guint n = hd_replay_get_n_events (replay);

  g_assert_cmpuint (hd_replay_position_for_time (replay, t0 - 1), ==, 0);
  g_assert_cmpuint (hd_replay_position_for_time (replay, t0), ==, 1);
  g_assert_cmpuint (hd_replay_position_for_time (replay, t0 + 64 * G_USEC_PER_SEC), ==, 1);
  g_assert_cmpuint (hd_replay_position_for_time (replay, t0 + 65 * G_USEC_PER_SEC), ==, 2);
  g_assert_cmpuint (hd_replay_position_for_time (replay, G_MAXINT64), ==, n);

  hd_replay_seek (replay, n);
  g_assert_cmpint (hd_journal_state_get_state (hd_replay_get_state (replay)), ==, HD_HANDOFF_STATE_REVOKED);
  g_assert_cmpstr (hd_journal_state_get_revoke_reason (hd_replay_get_state (replay)), ==, "customer_abandoned");
  g_assert_cmpstr (hd_journal_state_get_queue (hd_replay_get_state (replay)), ==, "financial_hardship");
}

static void
test_play (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_build_filename (f->dir, "short.hdrec", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdRecording) recording = NULL;
  g_autoptr(HdReplay) replay = NULL;
  gint64 start;
  Scenario s;

  scenario_init (&s, "ho-short", "2026-11-24T12:00:00Z");
  scenario_add (&s, 0, HD_ACTOR_SYSTEM, "router", HD_EVENT_OFFER, "{\"queue\":\"cards_general\"}");
  for (guint i = 1; i < 6; i++)
    scenario_turn (&s, i, "customer", "customer", "hello?");
  hd_recording_write (file, s.handoff, s.events, HD_RECORDING_REDACT_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  scenario_clear (&s);

  recording = hd_recording_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  replay = hd_replay_new (recording);
  hd_replay_set_speed (replay, 100);
  g_assert_cmpfloat (hd_replay_get_speed (replay), ==, HD_REPLAY_MAX_SPEED);
  hd_replay_set_speed (replay, 0.5);
  g_assert_cmpfloat (hd_replay_get_speed (replay), ==, HD_REPLAY_MIN_SPEED);
  hd_replay_set_speed (replay, 16);

  start = g_get_monotonic_time ();
  hd_replay_set_playing (replay, TRUE);
  g_assert_true (hd_replay_get_playing (replay));
  HD_TEST_WAIT_UNTIL (!hd_replay_get_playing (replay), HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 6);
  /* Five one-second gaps at 16×: about 0.31 s. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 250 * 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* Playing from the end starts over; pausing stops. */
  hd_replay_set_playing (replay, TRUE);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 0);
  hd_replay_set_playing (replay, FALSE);
  g_assert_false (hd_replay_get_playing (replay));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hd/replay/new", test_new);
  g_test_add ("/hd/replay/live-equals-replay", Fixture, NULL, fixture_set_up, test_live_equals_replay,
              fixture_tear_down);
  g_test_add_func ("/hd/replay/step", test_step);
  g_test_add_func ("/hd/replay/seek-equals-step", test_seek_equals_step);
  g_test_add_func ("/hd/replay/step-back-undoes-step", test_step_back_undoes_step);
  g_test_add_func ("/hd/replay/position-for-time", test_position_for_time);
  g_test_add ("/hd/replay/play", Fixture, NULL, fixture_set_up, test_play, fixture_tear_down);

  return g_test_run ();
}
