/* hd-trainer-view.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-trainer-view-private.h"
#include "hd-ui-format.h"

/* Speeds offered by the speed selector, in its order. */
static const double speeds[] = { 1.0, 2.0, 4.0, 8.0, 16.0 };

/* Timelines longer than this get unlabelled marks: the words would overlap. */
#define MAX_LABELLED_MARKS_EVENTS 40

G_DEFINE_FINAL_TYPE (HdTrainerView, hd_trainer_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_BUSY, PROP_LAST_ERROR, PROP_REPLAY, PROP_DEMO_DIRECTORY, N_PROPS };
enum { RECORDING_OPENED, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Errors */

void
_hd_trainer_view_show_error (HdTrainerView *self,
                             const char    *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainer.dismiss-error", message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

void
_hd_trainer_view_set_busy (HdTrainerView *self,
                           gboolean       more)
{
  gboolean was_busy = self->n_loading > 0;

  if (more)
    self->n_loading++;
  else
    self->n_loading--;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_loading > 0);
  gtk_spinner_set_spinning (self->spinner, self->n_loading > 0);
  if (was_busy != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Actions' enabled states */

void
_hd_trainer_view_update_actions (HdTrainerView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint position = 0;
  guint n = 0;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (self->current != NULL)
    {
      position = hd_replay_get_position (self->current->replay);
      n = hd_replay_get_n_events (self->current->replay);
    }

  gtk_widget_action_set_enabled (widget, "trainer.step-back", self->current != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "trainer.step-forward", self->current != NULL && position < n);
  gtk_widget_action_set_enabled (widget, "trainer.play-pause", self->current != NULL && n > 0);
  gtk_widget_action_set_enabled (widget, "trainer.add-note",
                                 self->current != NULL && self->current->notes != NULL &&
                                 position > 0 && trimmed[0] != '\0');
  gtk_widget_action_set_enabled (widget, "trainer.remove-note",
                                 self->current != NULL && self->current->notes != NULL);
  gtk_widget_action_set_enabled (widget, "trainer.export-notes",
                                 self->current != NULL && self->current->notes != NULL);
  gtk_widget_action_set_enabled (widget, "trainer.close-recording", self->current != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry),
                            self->current != NULL && self->current->notes != NULL && position > 0);
}

/* The pane: the handoff as of the current event */

/* Moves @handoff's state forward to @want where the state diagram allows it,
 * so that stepping forward keeps the same object (and the pane its scroll
 * position and list rows).  FALSE when only a fresh handoff can show @want. */
static gboolean
advance_state (HdHandoff            *handoff,
               const HdJournalState *state)
{
  HdHandoffState have = hd_handoff_get_state (handoff);
  HdHandoffState want = hd_journal_state_get_state (state);
  HdRevokeReason reason = HD_REVOKE_REASON_NONE;

  if (want == HD_HANDOFF_STATE_REVOKED &&
      !hd_revoke_reason_from_string (hd_journal_state_get_revoke_reason (state), &reason))
    reason = HD_REVOKE_REASON_NONE;

  if (have == want)
    return want != HD_HANDOFF_STATE_REVOKED || hd_handoff_get_revoke_reason (handoff) == reason;
  if (have != HD_HANDOFF_STATE_OFFERED && !(have == HD_HANDOFF_STATE_ACCEPTED &&
                                            want == HD_HANDOFF_STATE_WRAPPED_UP))
    return FALSE;

  switch (want)
    {
    case HD_HANDOFF_STATE_WRAPPED_UP:
      if (have == HD_HANDOFF_STATE_OFFERED &&
          !hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE))
        return FALSE;
      return hd_handoff_transition (handoff, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE);
    case HD_HANDOFF_STATE_REVOKED:
      return hd_handoff_transition (handoff, want, reason);
    case HD_HANDOFF_STATE_ACCEPTED:
    case HD_HANDOFF_STATE_DECLINED:
    case HD_HANDOFF_STATE_EXPIRED:
      return hd_handoff_transition (handoff, want, HD_REVOKE_REASON_NONE);
    case HD_HANDOFF_STATE_OFFERED:
    default:
      return FALSE;
    }
}

static void
update_pane (HdTrainerView *self)
{
  HdReplay *replay = self->current != NULL ? self->current->replay : NULL;
  HdPacket *packet = replay != NULL ? hd_replay_get_packet (replay) : NULL;
  GListModel *turns;
  guint n_turns;

  if (packet == NULL)
    {
      g_clear_object (&self->handoff);
      self->shown_turns = 0;
      hd_handoff_pane_set_handoff (self->pane, NULL);
      gtk_stack_set_visible_child_name (self->pane_stack, "before-offer");
      return;
    }

  turns = hd_replay_get_transcript (replay);
  n_turns = g_list_model_get_n_items (turns);

  /* Stepping forward only appends turns and moves the state on: update the
   * shown handoff in place, in O(new turns).  Anything else (stepping back,
   * scrubbing, another recording) rebuilds it from the replay. */
  if (self->handoff != NULL &&
      hd_handoff_get_packet (self->handoff) == packet &&
      n_turns >= self->shown_turns &&
      advance_state (self->handoff, hd_replay_get_state (replay)))
    {
      for (guint i = self->shown_turns; i < n_turns; i++)
        {
          g_autoptr(HdTurn) turn = g_list_model_get_item (turns, i);

          hd_handoff_append_turn (self->handoff, turn);
        }
    }
  else
    {
      g_clear_object (&self->handoff);
      self->handoff = hd_replay_dup_handoff (replay);
    }
  self->shown_turns = n_turns;

  hd_handoff_pane_set_handoff (self->pane, self->handoff);
  gtk_stack_set_visible_child_name (self->pane_stack, "pane");
}

/* Transport and timeline */

static void
update_play_button (HdTrainerView *self)
{
  gboolean playing = self->current != NULL && hd_replay_get_playing (self->current->replay);

  gtk_button_set_icon_name (self->play_button, playing ? "media-playback-pause-symbolic"
                                                       : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), playing ? _("Pause (Space)") : _("Play (Space)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, playing ? _("Pause") : _("Play"),
                                  -1);
}

static void
setup_timeline (HdTrainerView *self)
{
  HdRecording *recording = self->current != NULL ? self->current->recording : NULL;
  guint n = recording != NULL ? hd_recording_get_n_events (recording) : 0;
  /* Labels closer than about a tenth of the timeline collide: alternate
   * below and above, and leave a third close one unlabelled. */
  guint min_gap = MAX (2, (n + 9) / 10);
  guint last_bottom = 0;
  guint last_top = 0;

  self->updating = TRUE;
  gtk_scale_clear_marks (self->timeline);
  gtk_adjustment_configure (self->timeline_adjustment, 0, 0, n, 1, MAX (1, n / 10), 0);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hd_trainer_mark_label (hd_recording_get_event_type (recording, i));

      if (label == NULL)
        continue;
      /* Event i is the current one at position i + 1. */
      if (n > MAX_LABELLED_MARKS_EVENTS)
        gtk_scale_add_mark (self->timeline, i + 1, GTK_POS_BOTTOM, NULL);
      else
        {
          g_autofree char *markup = g_markup_escape_text (label, -1);

          if (last_bottom == 0 || i + 1 - last_bottom >= min_gap)
            {
              gtk_scale_add_mark (self->timeline, i + 1, GTK_POS_BOTTOM, markup);
              last_bottom = i + 1;
            }
          else if (last_top == 0 || i + 1 - last_top >= min_gap)
            {
              gtk_scale_add_mark (self->timeline, i + 1, GTK_POS_TOP, markup);
              last_top = i + 1;
            }
          else
            gtk_scale_add_mark (self->timeline, i + 1, GTK_POS_BOTTOM, NULL);
        }
    }
  self->updating = FALSE;
}

static void
update_from_replay (HdTrainerView *self)
{
  HdReplay *replay = self->current != NULL ? self->current->replay : NULL;
  guint position = replay != NULL ? hd_replay_get_position (replay) : 0;
  guint n = replay != NULL ? hd_replay_get_n_events (replay) : 0;
  HdJournalEvent *event = replay != NULL ? hd_replay_get_current_event (replay) : NULL;
  g_autofree char *position_text = NULL;
  g_autofree char *event_text = NULL;
  g_autofree char *state_text = NULL;

  if (replay == NULL)
    return;

  self->updating = TRUE;
  gtk_adjustment_set_value (self->timeline_adjustment, position);
  self->updating = FALSE;

  if (position == 0)
    position_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Before the first of %u event",
                                                  "Before the first of %u events", n), n);
  else
    position_text = g_strdup_printf (_("Event %u of %u"), position, n);
  gtk_label_set_text (self->position_label, position_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, position_text,
                                  -1);

  if (event != NULL)
    event_text = _hd_trainer_describe_event (event);
  else
    event_text = g_strdup (_("Start of the recording: press Right or Play to step through it."));
  gtk_label_set_text (self->event_label, event_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_label), event_text);

  if (!hd_journal_state_get_offered (hd_replay_get_state (replay)))
    state_text = g_strdup (_("Not offered yet"));
  else
    state_text = g_strdup (hd_ui_format_handoff_state (hd_journal_state_get_state (hd_replay_get_state (replay))));
  gtk_label_set_text (self->state_label, state_text);
  {
    g_autofree char *state_a11y = g_strdup_printf (_("Handoff state: %s"), state_text);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, state_a11y,
                                    -1);
  }

  update_pane (self);
  _hd_trainer_view_update_notes (self);
  _hd_trainer_view_update_actions (self);
}

static void
replay_changed_cb (HdReplay      *replay,
                   HdTrainerView *self)
{
  update_from_replay (self);
}

static void
replay_playing_cb (HdReplay      *replay,
                   GParamSpec    *pspec,
                   HdTrainerView *self)
{
  update_play_button (self);
}

void
_hd_trainer_view_set_current (HdTrainerView   *self,
                              HdOpenRecording *open)
{
  if (self->current == open)
    return;

  if (self->current != NULL)
    {
      hd_replay_set_playing (self->current->replay, FALSE);
      g_clear_signal_handler (&self->changed_id, self->current->replay);
      g_clear_signal_handler (&self->playing_id, self->current->replay);
    }

  self->current = open;
  g_clear_object (&self->handoff);
  self->shown_turns = 0;

  if (open != NULL)
    {
      double speed = hd_replay_get_speed (open->replay);
      guint selected = 0;

      self->changed_id = g_signal_connect (open->replay, "changed", G_CALLBACK (replay_changed_cb), self);
      self->playing_id = g_signal_connect (open->replay, "notify::playing",
                                           G_CALLBACK (replay_playing_cb), self);
      for (guint i = 0; i < G_N_ELEMENTS (speeds); i++)
        if (speed >= speeds[i])
          selected = i;
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->speed_dropdown, selected);
      self->updating = FALSE;

      if (open->row != NULL && gtk_list_box_get_selected_row (self->recordings_list) != GTK_LIST_BOX_ROW (open->row))
        gtk_list_box_select_row (self->recordings_list, GTK_LIST_BOX_ROW (open->row));
    }

  gtk_widget_set_visible (self->side_box, open != NULL);
  setup_timeline (self);
  _hd_trainer_view_update_checklist (self);
  hd_audit_view_set_trail (self->audit_view, open != NULL ? open->audit : NULL);
  update_play_button (self);
  if (open != NULL)
    {
      update_from_replay (self);
      gtk_stack_set_visible_child_name (self->content_stack, "replay");
      _hd_trainer_view_recording_shown (self);
    }
  else
    {
      update_pane (self);
      _hd_trainer_view_update_notes (self);
      _hd_trainer_view_update_actions (self);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLAY]);
}

/* Other actions */

static void
step_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);

  if (self->current == NULL)
    return;
  hd_replay_set_playing (self->current->replay, FALSE);
  hd_replay_step_back (self->current->replay);
}

static void
step_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);

  if (self->current == NULL)
    return;
  hd_replay_set_playing (self->current->replay, FALSE);
  hd_replay_step_forward (self->current->replay);
}

static void
play_pause_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);
  HdReplay *replay;

  if (self->current == NULL)
    return;

  replay = self->current->replay;
  if (hd_replay_get_playing (replay))
    {
      hd_replay_set_playing (replay, FALSE);
      return;
    }
  /* Play from the end starts over, as media players do. */
  if (hd_replay_get_position (replay) >= hd_replay_get_n_events (replay))
    hd_replay_seek (replay, 0);
  hd_replay_set_playing (replay, TRUE);
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  _hd_trainer_view_add_note (HD_TRAINER_VIEW (widget));
}

static void
on_note_entry_activate_cb (HdTrainerView *self,
                           GtkEntry      *entry)
{
  _hd_trainer_view_add_note (self);
}

static void
on_note_entry_changed_cb (GtkEditable   *editable,
                          HdTrainerView *self)
{
  _hd_trainer_view_update_actions (self);
}

static void
open_demos_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);

  if (self->demo_directory != NULL)
    hd_trainer_view_open_directory (self, self->demo_directory);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _hd_trainer_view_show_error (HD_TRAINER_VIEW (widget), NULL);
}

static void
on_timeline_value_changed_cb (HdTrainerView *self,
                              GtkAdjustment *adjustment)
{
  guint position;

  if (self->updating || self->current == NULL)
    return;

  position = (guint) (gtk_adjustment_get_value (adjustment) + 0.5);
  if (position != hd_replay_get_position (self->current->replay))
    hd_replay_seek (self->current->replay, position);
}

static void
on_speed_selected_cb (HdTrainerView *self,
                      GParamSpec    *pspec,
                      GtkDropDown   *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->current == NULL || selected >= G_N_ELEMENTS (speeds))
    return;
  hd_replay_set_speed (self->current->replay, speeds[selected]);
}

void
_hd_trainer_view_emit_opened (HdTrainerView *self,
                              HdRecording   *recording)
{
  g_signal_emit (self, signals[RECORDING_OPENED], 0, recording);
}

/* GObject */

static void
hd_trainer_view_dispose (GObject *object)
{
  HdTrainerView *self = HD_TRAINER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->current != NULL)
    {
      hd_replay_set_playing (self->current->replay, FALSE);
      g_clear_signal_handler (&self->changed_id, self->current->replay);
      g_clear_signal_handler (&self->playing_id, self->current->replay);
      self->current = NULL;
    }
  g_clear_object (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_TRAINER_VIEW);
  g_clear_pointer (&self->open, g_ptr_array_unref);

  G_OBJECT_CLASS (hd_trainer_view_parent_class)->dispose (object);
}

static void
hd_trainer_view_finalize (GObject *object)
{
  HdTrainerView *self = HD_TRAINER_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->demo_directory);
  g_free (self->last_error);

  G_OBJECT_CLASS (hd_trainer_view_parent_class)->finalize (object);
}

static void
hd_trainer_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HdTrainerView *self = HD_TRAINER_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, hd_trainer_view_get_busy (self));
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_REPLAY:
      g_value_set_object (value, hd_trainer_view_get_replay (self));
      break;
    case PROP_DEMO_DIRECTORY:
      g_value_set_object (value, self->demo_directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_trainer_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HdTrainerView *self = HD_TRAINER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DEMO_DIRECTORY:
      hd_trainer_view_set_demo_directory (self, g_value_get_object (value));
      break;
    case PROP_BUSY:
    case PROP_LAST_ERROR:
    case PROP_REPLAY:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_trainer_view_class_init (HdTrainerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_trainer_view_dispose;
  object_class->finalize = hd_trainer_view_finalize;
  object_class->get_property = hd_trainer_view_get_property;
  object_class->set_property = hd_trainer_view_set_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPLAY] =
    g_param_spec_object ("replay", NULL, NULL, HD_TYPE_REPLAY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DEMO_DIRECTORY] =
    g_param_spec_object ("demo-directory", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HdTrainerView::recording-opened:
   * @recording: the verified recording, now listed
   */
  signals[RECORDING_OPENED] =
    g_signal_new ("recording-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HD_TYPE_RECORDING);

  g_type_ensure (HD_TYPE_AUDIT_VIEW);
  g_type_ensure (HD_TYPE_HANDOFF_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-trainer-view.ui");
  _hd_trainer_view_layout_class_init (widget_class);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, error_label);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, recordings_list);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, pane);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, notes_list);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, note_entry);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, audit_view);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, event_label);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, state_label);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, position_label);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, play_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, timeline);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, timeline_adjustment);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, open_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, open_demos_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, export_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, side_box);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, step_back_button);
  gtk_widget_class_bind_template_child (widget_class, HdTrainerView, step_forward_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_selected_cb",
                                                G_CALLBACK (_hd_trainer_view_row_selected_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_row_activated_cb",
                                                G_CALLBACK (_hd_trainer_view_row_activated_cb));
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_speed_selected_cb);

  gtk_widget_class_install_action (widget_class, "trainer.open", NULL, _hd_trainer_view_open_action);
  gtk_widget_class_install_action (widget_class, "trainer.step-back", NULL, step_back_action);
  gtk_widget_class_install_action (widget_class, "trainer.step-forward", NULL, step_forward_action);
  gtk_widget_class_install_action (widget_class, "trainer.play-pause", NULL, play_pause_action);
  gtk_widget_class_install_action (widget_class, "trainer.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "trainer.remove-note", "u", _hd_trainer_view_remove_note_action);
  gtk_widget_class_install_action (widget_class, "trainer.export-notes", NULL, _hd_trainer_view_export_notes_action);
  gtk_widget_class_install_action (widget_class, "trainer.close-recording", "s", _hd_trainer_view_close_recording_action);
  gtk_widget_class_install_action (widget_class, "trainer.open-demos", NULL, open_demos_action);
  gtk_widget_class_install_action (widget_class, "trainer.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "trainer.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "trainer.step-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "trainer.step-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "trainer.play-pause", NULL);
}

static void
hd_trainer_view_init (HdTrainerView *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  _hd_trainer_view_layout_init (self);
  hd_a11y_name_drop_down (self->speed_dropdown, _("Playback Speed"));
  self->open = g_ptr_array_new_with_free_func (_hd_trainer_open_recording_free);
  self->cancellable = g_cancellable_new ();

  /* The pane judges verification age against the wall clock, which means
   * nothing for a recorded handoff: never call a replayed check stale. */
  hd_handoff_pane_set_stale_after_seconds (self->pane, G_MAXUINT);

  gtk_list_box_set_sort_func (self->recordings_list, _hd_trainer_view_sort_rows, NULL, NULL);
  g_signal_connect (self->note_entry, "changed", G_CALLBACK (on_note_entry_changed_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (_hd_trainer_view_on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainer.dismiss-error", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainer.open-demos", FALSE);
  gtk_widget_set_visible (self->side_box, FALSE);
  update_play_button (self);
  _hd_trainer_view_update_actions (self);
}

GtkWidget *
hd_trainer_view_new (void)
{
  return g_object_new (HD_TYPE_TRAINER_VIEW, NULL);
}

gboolean
hd_trainer_view_get_busy (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), FALSE);

  return self->n_loading > 0;
}

const char *
hd_trainer_view_get_last_error (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);

  return self->last_error;
}

guint
hd_trainer_view_get_n_recordings (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), 0);

  return self->open->len;
}

HdRecording *
hd_trainer_view_get_recording (HdTrainerView *self,
                               guint          index)
{
  GtkListBoxRow *row;
  HdOpenRecording *open;

  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);

  row = gtk_list_box_get_row_at_index (self->recordings_list, index);
  if (row == NULL)
    return NULL;
  open = g_object_get_data (G_OBJECT (row), "hd-open-recording");
  return open->recording;
}

void
hd_trainer_view_select_recording (HdTrainerView *self,
                                  guint          index)
{
  GtkListBoxRow *row;

  g_return_if_fail (HD_IS_TRAINER_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->recordings_list, index);
  g_return_if_fail (row != NULL);
  _hd_trainer_view_set_current (self, g_object_get_data (G_OBJECT (row), "hd-open-recording"));
}

HdReplay *
hd_trainer_view_get_replay (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);

  return self->current != NULL ? self->current->replay : NULL;
}

HdTrainerNotes *
hd_trainer_view_get_notes (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);

  return self->current != NULL ? self->current->notes : NULL;
}

GFile *
hd_trainer_view_get_demo_directory (HdTrainerView *self)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), NULL);

  return self->demo_directory;
}

void
hd_trainer_view_set_demo_directory (HdTrainerView *self,
                                    GFile         *directory)
{
  g_return_if_fail (HD_IS_TRAINER_VIEW (self));
  g_return_if_fail (directory == NULL || G_IS_FILE (directory));

  if (!g_set_object (&self->demo_directory, directory))
    return;

  gtk_widget_set_visible (self->open_demos_button, directory != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trainer.open-demos", directory != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_DIRECTORY]);
}
