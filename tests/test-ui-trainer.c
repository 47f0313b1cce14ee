/* test-ui-trainer.c: Trainer mode — opening recordings, stepping, scrubbing,
 * playing, notes, the checklist and the audit view
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-audit-view.h"
#include "hd-display-names.h"
#include "hd-handoff-pane.h"
#include "hd-locale-format.h"
#include "hd-test-gtk-utils.h"
#include "hd-trainer-view.h"
#include "hd-text-block.h"
#include "hd-ui-format.h"

static HdApplication *test_app;

/* The demo recordings shipped in data/recordings, in name order. */
static const char * const demo_names[] = {
  "abandoned-transfer.hdrec",
  "broken-handoff-missing-verification.hdrec",
  "good-handoff.hdrec",
  "misrouted-chat.hdrec",
};

typedef struct
{
  GtkWindow     *window;
  HdTrainerView *view;
  char          *tmpdir;   /* copies of the demo recordings: notes are written beside them */
} Fixture;

static char *
demo_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "recordings", name, NULL);
}

static void
copy_demos (const char *dir)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_names); i++)
    {
      g_autofree char *from = demo_path (demo_names[i]);
      g_autofree char *to = g_build_filename (dir, demo_names[i], NULL);
      gsize len;
      g_autofree char *contents = hd_test_read_file (from, &len);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (to, contents, len, &error);
      g_assert_no_error (error);
    }
}

static HdTrainerView *
view_new_in_window (GtkWindow **window)
{
  HdTrainerView *view = HD_TRAINER_VIEW (hd_trainer_view_new ());

  *window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (*window, 1366, 720);
  gtk_window_set_child (*window, GTK_WIDGET (view));
  gtk_window_present (*window);
  return view;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->tmpdir = hd_test_make_tmp_dir ("hd-trainer-XXXXXX");
  copy_demos (fixture->tmpdir);
  fixture->view = view_new_in_window (&fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  /* Nothing of ours keeps the view alive: it goes with the window, or once GTK has
   * dropped what it holds until the main loop runs. */
  HD_TEST_WAIT_UNTIL (fixture->view == NULL, HD_TEST_TIMEOUT_MS);
  hd_test_rm_rf (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* Recordings open in worker threads: "busy" ends once the last one is listed, or its error
 * shown. */
static void
wait_until_idle (HdTrainerView *view)
{
  HD_TEST_WAIT_UNTIL (!hd_trainer_view_get_busy (view), HD_TEST_TIMEOUT_MS);
}

static GFile *
tmp_file (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

  return g_file_new_for_path (path);
}

static void
open_demo (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GFile) file = tmp_file (fixture, name);

  hd_trainer_view_open_file (fixture->view, file);
  wait_until_idle (fixture->view);
  g_assert_null (hd_trainer_view_get_last_error (fixture->view));
  g_assert_nonnull (hd_trainer_view_get_replay (fixture->view));
}

static HdHandoff *
shown_handoff (Fixture *fixture)
{
  HdHandoffPane *pane = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "pane");

  return hd_handoff_pane_get_handoff (pane);
}

static guint
shown_turns (Fixture *fixture)
{
  HdHandoff *handoff = shown_handoff (fixture);

  return handoff != NULL ? g_list_model_get_n_items (hd_handoff_get_transcript (handoff)) : 0;
}

static guint
packet_turns (HdReplay *replay)
{
  HdPacket *packet = hd_replay_get_packet (replay);

  return packet != NULL ? g_list_model_get_n_items (hd_packet_get_transcript (packet)) : 0;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, name)));
}

static void
test_lifecycle (void)
{
  GtkWidget *view = g_object_ref_sink (hd_trainer_view_new ());
  GtkWidget *audit = g_object_ref_sink (hd_audit_view_new ());

  g_assert_null (hd_trainer_view_get_replay (HD_TRAINER_VIEW (view)));
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (HD_TRAINER_VIEW (view)), ==, 0);
  g_assert_finalize_object (view);
  g_assert_finalize_object (audit);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *stack = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "content_stack");
  GtkWidget *open = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "open_button");
  GtkWidget *step_forward = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "step_forward_button");
  GtkWidget *play = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "play_button");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, "Open Recording");
  /* Nothing to step or play yet. */
  g_assert_false (gtk_widget_is_sensitive (step_forward));
  g_assert_false (gtk_widget_is_sensitive (play));
}

static void
test_open_directory (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->tmpdir);
  GtkWidget *stack = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "content_stack");

  hd_trainer_view_open_directory (fixture->view, dir);
  g_assert_true (hd_trainer_view_get_busy (fixture->view));
  wait_until_idle (fixture->view);

  g_assert_null (hd_trainer_view_get_last_error (fixture->view));
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, G_N_ELEMENTS (demo_names));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "replay");

  /* Listed in name order, whatever order the threads finished in. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_names); i++)
    {
      HdRecording *recording = hd_trainer_view_get_recording (fixture->view, i);
      g_autofree char *name = g_file_get_basename (hd_recording_get_file (recording));

      g_assert_cmpstr (name, ==, demo_names[i]);
      hd_trainer_view_select_recording (fixture->view, i);
      g_assert_true (hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view)) == recording);
      g_assert_cmpuint (hd_replay_get_position (hd_trainer_view_get_replay (fixture->view)), ==, 0);
      g_assert_cmpstr (label_text (fixture, "state_label"), ==, "Not offered yet");
    }

  /* Opening one again selects it rather than listing it twice. */
  {
    g_autoptr(GFile) again = tmp_file (fixture, demo_names[0]);

    hd_trainer_view_open_file (fixture->view, again);
    g_assert_false (hd_trainer_view_get_busy (fixture->view));
    g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, G_N_ELEMENTS (demo_names));
    g_assert_true (hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view)) ==
                   hd_trainer_view_get_recording (fixture->view, 0));
  }

  /* Closing the shown one shows the next. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.close-recording", "s", ""));
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, G_N_ELEMENTS (demo_names) - 1);
  {
    HdRecording *recording = hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view));
    g_autofree char *name = g_file_get_basename (hd_recording_get_file (recording));

    g_assert_cmpstr (name, ==, demo_names[1]);
  }
}

static char *
turn_texts (HdHandoff *handoff)
{
  GListModel *turns = hd_handoff_get_transcript (handoff);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (turns); i++)
    {
      g_autoptr(HdTurn) turn = g_list_model_get_item (turns, i);

      g_string_append_printf (out, "%s\n", hd_turn_get_text (turn));
    }
  return g_string_free (out, FALSE);
}

/* The view shows the model at the replay's position: the position in words (the label and
 * the timeline's accessible value), the timeline, step buttons that stop at either end, the
 * state in words, and a read-only pane with the handoff the replay builds (its state and
 * every turn), however the view got there. */
static void
assert_shows_replay (Fixture *fixture)
{
  HdReplay *replay = hd_trainer_view_get_replay (fixture->view);
  GtkWidget *timeline = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "timeline");
  GtkWidget *pane_stack = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "pane_stack");
  GtkWidget *pane = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "pane");
  GtkWidget *step_back = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "step_back_button");
  GtkWidget *step_forward = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "step_forward_button");
  guint k = hd_replay_get_position (replay);
  guint n = hd_replay_get_n_events (replay);
  g_autoptr(HdHandoff) want = hd_replay_dup_handoff (replay);
  HdHandoff *have = shown_handoff (fixture);
  g_autofree char *position_text = NULL;

  if (k == 0)
    position_text = g_strdup_printf ("Before the first of %u events", n);
  else
    position_text = g_strdup_printf ("Event %u of %u", k, n);
  g_assert_cmpstr (label_text (fixture, "position_label"), ==, position_text);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       position_text);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (timeline)), ==, k);
  g_assert_cmpint (gtk_widget_is_sensitive (step_back), ==, k > 0);
  g_assert_cmpint (gtk_widget_is_sensitive (step_forward), ==, k < n);

  if (want == NULL)
    {
      g_assert_null (have);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_stack)), ==, "before-offer");
      g_assert_cmpstr (label_text (fixture, "state_label"), ==, "Not offered yet");
    }
  else
    {
      g_autofree char *want_texts = turn_texts (want);
      g_autofree char *have_texts = NULL;

      g_assert_nonnull (have);
      have_texts = turn_texts (have);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pane_stack)), ==, "pane");
      g_assert_true (hd_handoff_pane_get_read_only (HD_HANDOFF_PANE (pane)));
      g_assert_cmpint (hd_handoff_get_state (have), ==, hd_handoff_get_state (want));
      g_assert_cmpint (hd_handoff_get_revoke_reason (have), ==, hd_handoff_get_revoke_reason (want));
      g_assert_cmpstr (have_texts, ==, want_texts);
      g_assert_cmpstr (label_text (fixture, "state_label"), ==,
                       hd_ui_format_handoff_state (hd_handoff_get_state (want)));
    }
}

/* Steps through one recording with the keyboard, to the end and back to the start, and
 * checks what the view shows at every event. That seeking and stepping agree at every
 * position of every demo recording is the model's property: test-replay checks it without
 * a display. */
static void
test_step (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  HdReplay *replay;
  guint n;
  guint transcript_events = 0;
  gboolean seen_accept = FALSE;

  open_demo (fixture, "broken-handoff-missing-verification.hdrec");
  replay = hd_trainer_view_get_replay (fixture->view);
  n = hd_replay_get_n_events (replay);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 0);
  assert_shows_replay (fixture);
  /* Left at the start does nothing (its action is off). */
  g_assert_false (hd_test_activate_shortcut (view, "Left"));
  g_assert_cmpuint (hd_replay_get_position (replay), ==, 0);

  for (guint k = 1; k <= n; k++)
    {
      const char *type;

      g_assert_true (hd_test_activate_shortcut (view, "Right"));
      g_assert_cmpuint (hd_replay_get_position (replay), ==, k);
      assert_shows_replay (fixture);

      /* The pane shows the offered packet's turns and one more for every transcript event
       * since, counted here from the events themselves rather than from the model. */
      type = hd_journal_event_get_event_type (hd_replay_get_current_event (replay));
      if (g_str_equal (type, HD_EVENT_TRANSCRIPT))
        transcript_events++;
      g_assert_cmpuint (shown_turns (fixture), ==, packet_turns (replay) + transcript_events);

      if (g_str_equal (type, HD_EVENT_ACCEPT) && !seen_accept)
        {
          seen_accept = TRUE;
          g_assert_cmpstr (label_text (fixture, "state_label"), ==,
                           hd_ui_format_handoff_state (HD_HANDOFF_STATE_ACCEPTED));
          g_assert_nonnull (strstr (label_text (fixture, "event_label"), "Accepted the handoff"));
        }
    }
  g_assert_true (seen_accept);
  g_assert_cmpuint (transcript_events, >, 0);
  /* At the end: no further, and the last state shows (wrapped up or taken back). */
  g_assert_false (hd_test_activate_shortcut (view, "Right"));
  g_assert_cmpuint (hd_replay_get_position (replay), ==, n);
  g_assert_cmpstr (label_text (fixture, "state_label"), !=,
                   hd_ui_format_handoff_state (HD_HANDOFF_STATE_OFFERED));

  /* Back: the pane is rebuilt from the model at every event. */
  for (guint k = n; k > 0; k--)
    {
      g_assert_true (hd_test_activate_shortcut (view, "Left"));
      g_assert_cmpuint (hd_replay_get_position (replay), ==, k - 1);
      assert_shows_replay (fixture);
    }
}

/* Scrubbing the timeline moves the replay, and the view shows the model there: from the
 * start to the middle, the end, back to just after the offer and to the start. Stepping on
 * from a scrubbed position, which updates the pane in place rather than rebuilding it,
 * keeps it right. */
static void
test_scrub (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *timeline = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "timeline");
  HdReplay *replay;
  guint n;

  /* The customer left before the end: the pane shows a revoked handoff and its reason. */
  open_demo (fixture, "abandoned-transfer.hdrec");
  replay = hd_trainer_view_get_replay (fixture->view);
  n = hd_replay_get_n_events (replay);
  g_assert_cmpuint (n, >, 5);
  assert_shows_replay (fixture);

  {
    const guint positions[] = { n / 2, n, 1, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        gtk_range_set_value (GTK_RANGE (timeline), positions[i]);
        g_assert_cmpuint (hd_replay_get_position (replay), ==, positions[i]);
        assert_shows_replay (fixture);
      }
  }

  gtk_range_set_value (GTK_RANGE (timeline), n / 2);
  g_assert_cmpuint (hd_replay_get_position (replay), ==, n / 2);
  while (hd_replay_get_position (replay) < n)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.step-forward", NULL));
      assert_shows_replay (fixture);
    }
}

static void
test_play (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *play = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "play_button");
  GtkWidget *speed = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "speed_dropdown");
  GtkWidget *timeline = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "timeline");
  HdReplay *replay;

  open_demo (fixture, "good-handoff.hdrec");
  replay = hd_trainer_view_get_replay (fixture->view);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL, "Play");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (speed), GTK_ACCESSIBLE_PROPERTY_LABEL, "Playback Speed");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (speed), 4);
  g_assert_cmpfloat (hd_replay_get_speed (replay), ==, 16.0);

  g_assert_true (hd_test_activate_shortcut (GTK_WIDGET (fixture->view), "space"));
  g_assert_true (hd_replay_get_playing (replay));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL, "Pause");

  /* Gaps are capped at 3 s at 1×: at 16× three events take well under 2 s. */
  HD_TEST_WAIT_UNTIL (hd_replay_get_position (replay) >= 3, HD_TEST_TIMEOUT_MS);
  g_assert_cmpfloat (gtk_range_get_value (GTK_RANGE (timeline)), ==, hd_replay_get_position (replay));

  g_assert_true (hd_test_activate_shortcut (GTK_WIDGET (fixture->view), "space"));
  g_assert_false (hd_replay_get_playing (replay));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (play), GTK_ACCESSIBLE_PROPERTY_LABEL, "Play");

  /* Stepping pauses; playing from the end starts over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.play-pause", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.step-forward", NULL));
  g_assert_false (hd_replay_get_playing (replay));
  hd_replay_seek (replay, hd_replay_get_n_events (replay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.play-pause", NULL));
  g_assert_true (hd_replay_get_playing (replay));
  g_assert_cmpuint (hd_replay_get_position (replay), <, hd_replay_get_n_events (replay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.play-pause", NULL));
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "good-handoff.hdrec", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "error_label");
  GtkWidget *error_revealer = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "error_revealer");
  GtkWidget *content_stack = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "content_stack");
  gsize len;
  g_autofree char *contents = hd_test_read_file (path, &len);
  char *text;

  /* Change one byte inside a transcript turn: "Priya" → "Prxya". */
  text = strstr (contents, "Hello Priya");
  g_assert_nonnull (text);
  text[8] = 'x';
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  hd_trainer_view_open_file (fixture->view, file);
  wait_until_idle (fixture->view);

  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, 0);
  g_assert_null (hd_trainer_view_get_replay (fixture->view));
  g_assert_nonnull (hd_trainer_view_get_last_error (fixture->view));
  g_assert_nonnull (strstr (hd_trainer_view_get_last_error (fixture->view),
                            "“good-handoff.hdrec” failed verification and was not opened. Record 3 (line 4) was modified"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, hd_trainer_view_get_last_error (fixture->view));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (content_stack)), ==, "empty");

  /* Not a recording at all: its error replaces the first, and dismissing hides it. */
  {
    g_autoptr(GFile) bogus = tmp_file (fixture, "notes.txt");

    g_assert_true (g_file_replace_contents (bogus, "hello\n", 6, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
    g_assert_no_error (error);
    hd_trainer_view_open_file (fixture->view, bogus);
    wait_until_idle (fixture->view);
    g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, 0);
    g_assert_nonnull (strstr (hd_trainer_view_get_last_error (fixture->view), "“notes.txt”"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.dismiss-error", NULL));
  g_assert_null (hd_trainer_view_get_last_error (fixture->view));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (error_revealer)));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      n++;
  return n;
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *notes_path = g_build_filename (fixture->tmpdir, "good-handoff.hdrec.notes.json", NULL);
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "note_entry");
  GtkWidget *notes_list = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "notes_list");
  GtkWidget *add = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "add_note_button");
  HdReplay *replay;
  HdTrainerNotes *notes;
  GtkWindow *window2 = NULL;
  HdTrainerView *view2;

  open_demo (fixture, "good-handoff.hdrec");
  replay = hd_trainer_view_get_replay (fixture->view);

  /* No event, no note. */
  g_assert_false (gtk_widget_is_sensitive (entry));
  hd_replay_seek (replay, 3);
  g_assert_true (gtk_widget_is_sensitive (entry));
  g_assert_false (gtk_widget_is_sensitive (add));
  g_assert_cmpstr (label_text (fixture, "notes_heading"), ==, "Notes on Event 3");

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Good: greets the customer by name <b>without</b> asking again  ");
  g_assert_true (gtk_widget_is_sensitive (add));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.add-note", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (count_rows (notes_list), ==, 1);

  notes = hd_trainer_view_get_notes (fixture->view);
  g_assert_cmpuint (hd_trainer_notes_get_n_notes (notes), ==, 1);
  g_assert_cmpuint (hd_trainer_notes_get_note (notes, 0)->position, ==, 3);
  g_assert_cmpstr (hd_trainer_notes_get_note (notes, 0)->text, ==,
                   "Good: greets the customer by name <b>without</b> asking again");
  /* Signed with the user's name and a date no reader can misread. */
  {
    GtkWidget *row = gtk_widget_get_first_child (notes_list);
    const char *author = hd_display_author_name (g_get_real_name (), g_get_user_name ());
    g_autofree char *date = hd_display_date_time (hd_trainer_notes_get_note (notes, 0)->created_at);
    g_autofree char *subtitle = g_strdup_printf ("%s, %s", author, date);

    g_assert_cmpstr (hd_trainer_notes_get_note (notes, 0)->author, ==, author);
    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
    /* The year in full and the month by name, never 12/07/26. */
    g_assert_true (g_regex_match_simple ("[0-9]{4}", subtitle, 0, 0));
    g_assert_null (strchr (subtitle, '/'));
  }

  /* Saved beside the recording at once. */
  g_file_get_contents (notes_path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "greets the customer by name"));

  /* Other events have their own notes. */
  g_assert_true (hd_test_activate_shortcut (GTK_WIDGET (fixture->view), "Right"));
  g_assert_cmpuint (count_rows (notes_list), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Edits the case while the customer waits");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (hd_trainer_notes_get_n_notes (notes), ==, 2);

  /* A second view (another start of the app) finds them again. */
  view2 = view_new_in_window (&window2);
  {
    g_autoptr(GFile) file = tmp_file (fixture, "good-handoff.hdrec");
    HdTrainerNotes *notes2;
    GtkWidget *list2 = hd_test_template_child (view2, HD_TYPE_TRAINER_VIEW, "notes_list");

    hd_trainer_view_open_file (view2, file);
    wait_until_idle (view2);
    notes2 = hd_trainer_view_get_notes (view2);
    g_assert_cmpuint (hd_trainer_notes_get_n_notes (notes2), ==, 2);
    hd_replay_seek (hd_trainer_view_get_replay (view2), 3);
    g_assert_cmpuint (count_rows (list2), ==, 1);
    hd_replay_seek (hd_trainer_view_get_replay (view2), 2);
    g_assert_cmpuint (count_rows (list2), ==, 0);
  }
  gtk_window_destroy (window2);

  /* Removing one. */
  hd_replay_seek (replay, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.remove-note", "u",
                                             hd_trainer_notes_get_note (notes, 0)->id));
  g_assert_cmpuint (hd_trainer_notes_get_n_notes (notes), ==, 1);
  g_assert_cmpuint (count_rows (notes_list), ==, 0);
  g_clear_pointer (&saved, g_free);
  g_file_get_contents (notes_path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (saved, "greets the customer by name"));
  g_assert_nonnull (strstr (saved, "Edits the case while the customer waits"));
}

static GtkCheckButton *
checklist_check (Fixture    *fixture,
                 const char *id)
{
  GtkWidget *list = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "checklist_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

        g_assert_true (GTK_IS_CHECK_BUTTON (check));
        return GTK_CHECK_BUTTON (check);
      }
  g_test_fail_printf ("no checklist row %s", id);
  return NULL;
}

static void
export_notes_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Exports as trainer.export-notes does once a file is chosen: the view is busy until the
 * file is written. */
static void
export_notes (Fixture              *fixture,
              GFile                *dest,
              HdTrainerNotesFormat  format)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hd_trainer_view_export_notes_async (fixture->view, dest, format, export_notes_cb, &result);
  g_assert_true (hd_trainer_view_get_busy (fixture->view));
  HD_TEST_WAIT_UNTIL (result != NULL, HD_TEST_TIMEOUT_MS);
  g_assert_true (hd_trainer_view_export_notes_finish (fixture->view, result, &error));
  g_assert_no_error (error);
  g_assert_false (hd_trainer_view_get_busy (fixture->view));
}

static void
test_checklist (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) md = tmp_file (fixture, "export.md");
  g_autoptr(GFile) csv = tmp_file (fixture, "export.csv");
  g_autoptr(GFile) json = tmp_file (fixture, "export.json");
  g_autofree char *md_text = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *json_text = NULL;
  GtkCheckButton *repeated;
  GtkCheckButton *verification;
  GtkCheckButton *no_summary;
  GtkCheckButton *wrong_queue;

  /* The broken handoff: the recording shows repeated details and verification. */
  open_demo (fixture, "broken-handoff-missing-verification.hdrec");
  repeated = checklist_check (fixture, "customer-repeated-details");
  verification = checklist_check (fixture, "verification-repeated");
  no_summary = checklist_check (fixture, "no-summary");
  wrong_queue = checklist_check (fixture, "wrong-queue-first");
  g_assert_true (gtk_check_button_get_active (repeated));
  g_assert_true (gtk_check_button_get_active (verification));
  g_assert_false (gtk_check_button_get_active (wrong_queue));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (repeated), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       hd_checklist_item_get_label (HD_CHECKLIST_CUSTOMER_REPEATED_DETAILS));

  /* The trainer disagrees with one suggestion and adds another. */
  gtk_check_button_set_active (verification, FALSE);
  gtk_check_button_set_active (no_summary, TRUE);
  {
    const char *handoff_id =
      hd_recording_get_handoff_id (hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view)));
    HdTrainerNotes *notes = hd_trainer_view_get_notes (fixture->view);

    g_assert_false (hd_trainer_notes_get_ticked (notes, handoff_id, HD_CHECKLIST_VERIFICATION_REPEATED));
    g_assert_true (hd_trainer_notes_get_ticked (notes, handoff_id, HD_CHECKLIST_NO_SUMMARY));
  }

  export_notes (fixture, md, HD_TRAINER_NOTES_FORMAT_MARKDOWN);
  export_notes (fixture, csv, HD_TRAINER_NOTES_FORMAT_CSV);
  export_notes (fixture, json, HD_TRAINER_NOTES_FORMAT_JSON);

  md_text = hd_test_read_file (g_file_peek_path (md), NULL);
  g_assert_nonnull (strstr (md_text, "# Trainer notes"));
  {
    g_autofree char *line1 = g_strdup_printf ("- [x] %s\n", hd_checklist_item_get_label (HD_CHECKLIST_CUSTOMER_REPEATED_DETAILS));
    g_autofree char *line2 = g_strdup_printf ("- [ ] %s\n", hd_checklist_item_get_label (HD_CHECKLIST_VERIFICATION_REPEATED));
    g_autofree char *line3 = g_strdup_printf ("- [x] %s\n", hd_checklist_item_get_label (HD_CHECKLIST_NO_SUMMARY));
    g_autofree char *line4 = g_strdup_printf ("- [ ] %s\n", hd_checklist_item_get_label (HD_CHECKLIST_WRONG_QUEUE_FIRST));

    g_assert_nonnull (strstr (md_text, line1));
    g_assert_nonnull (strstr (md_text, line2));
    g_assert_nonnull (strstr (md_text, line3));
    g_assert_nonnull (strstr (md_text, line4));
  }
  csv_text = hd_test_read_file (g_file_peek_path (csv), NULL);
  g_assert_true (g_str_has_prefix (csv_text, "\"kind\",\"handoff\",\"item\",\"value\",\"position\",\"author\"\r\n"));
  g_assert_nonnull (strstr (csv_text, "\"customer-repeated-details\",\"yes\""));
  g_assert_nonnull (strstr (csv_text, "\"verification-repeated\",\"no\""));
  g_assert_nonnull (strstr (csv_text, "\"no-summary\",\"yes\""));
  json_text = hd_test_read_file (g_file_peek_path (json), NULL);
  g_assert_nonnull (strstr (json_text, "\"no-summary\" : true"));

  /* The ticks were saved: reopening keeps the trainer's, not the suggestions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.close-recording", "s", ""));
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, 0);
  open_demo (fixture, "broken-handoff-missing-verification.hdrec");
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "customer-repeated-details")));
  g_assert_false (gtk_check_button_get_active (checklist_check (fixture, "verification-repeated")));
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "no-summary")));

  /* The misrouted chat suggests the wrong queue. */
  open_demo (fixture, "misrouted-chat.hdrec");
  g_assert_true (gtk_check_button_get_active (checklist_check (fixture, "wrong-queue-first")));
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
    }
  /* Transcript turns are drawn from plain text by their own widget. */
  if (HD_IS_TEXT_BLOCK (widget) && gtk_widget_get_mapped (widget))
    {
      g_string_append (out, hd_text_block_get_text (HD_TEXT_BLOCK (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, out);
}

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *side_stack = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "side_stack");
  GtkWidget *audit = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "audit_view");
  GtkWidget *copy;
  HdAuditTrail *trail;
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;

  open_demo (fixture, "misrouted-chat.hdrec");
  gtk_stack_set_visible_child_name (GTK_STACK (side_stack), "audit");

  trail = hd_audit_view_get_trail (HD_AUDIT_VIEW (audit));
  g_assert_nonnull (trail);
  g_assert_cmpstr (hd_audit_trail_get_handoff_id (trail), ==,
                   hd_recording_get_handoff_id (hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view))));

  /* Every question is a heading, followed by its answers as plain text. */
  collect_labels (audit, shown);
  for (guint s = 0; s < HD_AUDIT_N_SECTIONS; s++)
    {
      const char * const *items = hd_audit_trail_get_items (trail, s);

      g_assert_nonnull (strstr (shown->str, hd_audit_section_get_heading (s)));
      for (guint i = 0; items[i] != NULL; i++)
        g_assert_nonnull (strstr (shown->str, items[i]));
    }
  g_assert_nonnull (hd_audit_trail_get_items (trail, HD_AUDIT_SECTION_SALESFORCE)[0]);

  copy = hd_test_template_child (audit, HD_TYPE_AUDIT_VIEW, "copy_button");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy Audit Trail");
  g_assert_true (gtk_widget_activate_action (audit, "audit.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (audit), NULL, read_text_cb, &copied);
  HD_TEST_WAIT_UNTIL (copied != NULL, HD_TEST_TIMEOUT_MS);
  expected = hd_audit_trail_to_text (trail);
  g_assert_cmpstr (copied, ==, expected);

  /* Another recording, another trail. */
  open_demo (fixture, "good-handoff.hdrec");
  g_assert_true (hd_audit_view_get_trail (HD_AUDIT_VIEW (audit)) != trail);
}

static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *child; const char *label; } cases[] = {
    { "step_back_button", "Step Back" },
    { "play_button", "Play" },
    { "step_forward_button", "Step Forward" },
    { "timeline", "Timeline" },
    { "speed_dropdown", "Playback Speed" },
    { "open_button", "Open Recording" },
    { "note_entry", "New Note" },
    { "add_note_button", "Add Note" },
    { "export_button", "Export Notes and Checklist" },
    { "recordings_list", "Open Recordings" },
  };
  GtkWidget *timeline = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "timeline");

  open_demo (fixture, "good-handoff.hdrec");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    gtk_test_accessible_assert_property (hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, cases[i].child),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, cases[i].label);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Before the first of 11 events");
  hd_replay_seek (hd_trainer_view_get_replay (fixture->view), 2);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "Event 2 of 11");
  gtk_test_accessible_assert_property (hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "state_label"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Handoff state: Accepted");
  {
    /* The clock as the test's locale writes it (gtk_test_init () picks en_US.UTF-8 where
     * it is generated: “9:14:26 AM”). */
    g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 24, 9, 14, 26);
    g_autofree char *clock = hd_locale_format_time_seconds (at);
    g_autofree char *expected = g_strdup_printf ("%s · Agent agent-0412 · Accepted the handoff", clock);

    g_assert_cmpstr (label_text (fixture, "event_label"), ==, expected);
  }
}

static void
test_open_demos (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->tmpdir);
  GtkWidget *button = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "open_demos_button");

  /* No demo folder, no button. */
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.open-demos", NULL) &&
                  hd_trainer_view_get_busy (fixture->view));

  hd_trainer_view_set_demo_directory (fixture->view, dir);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trainer.open-demos", NULL));
  wait_until_idle (fixture->view);
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, G_N_ELEMENTS (demo_names));
  g_assert_null (hd_trainer_view_get_last_error (fixture->view));

  /* A folder that is not there says so. */
  {
    g_autofree char *missing_path = g_build_filename (fixture->tmpdir, "missing", NULL);
    g_autoptr(GFile) missing = g_file_new_for_path (missing_path);

    hd_trainer_view_open_directory (fixture->view, missing);
    wait_until_idle (fixture->view);
    g_assert_nonnull (strstr (hd_trainer_view_get_last_error (fixture->view), "could not be listed"));
  }
}

static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  GtkDropTarget *target = NULL;
  g_autoptr(GFile) a = tmp_file (fixture, "good-handoff.hdrec");
  g_autoptr(GFile) b = tmp_file (fixture, "misrouted-chat.hdrec");
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_append (files, a);
  files = g_slist_append (files, b);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (files);

  g_assert_true (accepted);
  wait_until_idle (fixture->view);
  g_assert_cmpuint (hd_trainer_view_get_n_recordings (fixture->view), ==, 2);
  /* The first dropped file is shown. */
  g_assert_true (g_file_equal (hd_recording_get_file (hd_replay_get_recording (hd_trainer_view_get_replay (fixture->view))),
                               a));
}

/* Moving the focus over the recordings list (Tab, the arrow keys) only moves the focus: the
 * recording shown, and the notes with it, change on Enter or a click. */
static void
test_focus_does_not_open (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkListBox *list = hd_test_template_child (fixture->view, HD_TYPE_TRAINER_VIEW, "recordings_list");
  HdReplay *second;
  GtkListBoxRow *first_row;

  open_demo (fixture, "good-handoff.hdrec");
  open_demo (fixture, "misrouted-chat.hdrec");
  second = hd_trainer_view_get_replay (fixture->view);
  first_row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (first_row);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  hd_test_flush (GTK_WIDGET (fixture->view));

  /* The focus walks onto the other row as an arrow key or Tab puts it there. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (first_row)));
  g_assert_true (hd_trainer_view_get_replay (fixture->view) == second);
  gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_FORWARD);
  gtk_widget_child_focus (GTK_WIDGET (list), GTK_DIR_TAB_BACKWARD);
  g_assert_true (hd_trainer_view_get_replay (fixture->view) == second);
  /* What is highlighted is still what is open. */
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));

  /* Enter (or a click) opens it. */
  gtk_widget_activate (GTK_WIDGET (first_row));
  g_assert_true (hd_trainer_view_get_replay (fixture->view) != second);
  g_assert_true (gtk_list_box_get_selected_row (list) == first_row);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/trainer/lifecycle", test_lifecycle);
  g_test_add ("/hd/ui/trainer/empty", Fixture, NULL, fixture_setup, test_empty, fixture_teardown);
  g_test_add ("/hd/ui/trainer/open-directory", Fixture, NULL, fixture_setup, test_open_directory, fixture_teardown);
  g_test_add ("/hd/ui/trainer/step", Fixture, NULL, fixture_setup, test_step, fixture_teardown);
  g_test_add ("/hd/ui/trainer/scrub", Fixture, NULL, fixture_setup, test_scrub, fixture_teardown);
  g_test_add ("/hd/ui/trainer/play", Fixture, NULL, fixture_setup, test_play, fixture_teardown);
  g_test_add ("/hd/ui/trainer/tampered", Fixture, NULL, fixture_setup, test_tampered, fixture_teardown);
  g_test_add ("/hd/ui/trainer/notes", Fixture, NULL, fixture_setup, test_notes, fixture_teardown);
  g_test_add ("/hd/ui/trainer/checklist", Fixture, NULL, fixture_setup, test_checklist, fixture_teardown);
  g_test_add ("/hd/ui/trainer/audit", Fixture, NULL, fixture_setup, test_audit, fixture_teardown);
  g_test_add ("/hd/ui/trainer/accessible-names", Fixture, NULL, fixture_setup, test_accessible_names, fixture_teardown);
  g_test_add ("/hd/ui/trainer/open-demos", Fixture, NULL, fixture_setup, test_open_demos, fixture_teardown);
  g_test_add ("/hd/ui/trainer/focus-does-not-open", Fixture, NULL, fixture_setup, test_focus_does_not_open,
              fixture_teardown);
  g_test_add ("/hd/ui/trainer/drop", Fixture, NULL, fixture_setup, test_drop, fixture_teardown);

  return hd_test_ui_run (test_app);
}
