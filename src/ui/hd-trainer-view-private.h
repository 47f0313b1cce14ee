/* hd-trainer-view-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-audit-trail.h"
#include "hd-audit-view.h"
#include "hd-handoff-pane.h"
#include "hd-trainer-view.h"

G_BEGIN_DECLS

/* One open recording: its cursor, notes and audit trail. */
typedef struct
{
  HdRecording    *recording;  /* owned */
  HdReplay       *replay;     /* owned */
  HdTrainerNotes *notes;      /* owned, NULL when its notes file could not be read */
  HdAuditTrail   *audit;      /* owned, nullable */
  guint           suggested;  /* hd_checklist_suggest () of the whole recording */
  guint           order;      /* when it was asked for: the sidebar's order */
  GtkWidget      *row;        /* in recordings_list, unowned */
} HdOpenRecording;

struct _HdTrainerView
{
  AdwBin                parent_instance;

  GPtrArray            *open;            /* of HdOpenRecording, owned */
  HdOpenRecording        *current;         /* borrowed from open, nullable */
  gulong                changed_id;
  gulong                playing_id;
  HdHandoff            *handoff;         /* shown in the pane, owned */
  guint                 shown_turns;     /* appended turns the pane's handoff holds */
  GCancellable         *cancellable;     /* cancelled in dispose */
  guint                 n_loading;
  guint                 next_order;
  char                 *last_error;
  GtkFileChooserNative *chooser;         /* owned while shown */
  GFile                *demo_directory;  /* owned, nullable */
  gboolean              updating;        /* moving the controls to the replay */

  /* template children */
  GtkToggleButton      *details_button;
  GtkSpinner           *spinner;
  GtkWidget            *open_button;
  GtkWidget            *open_demos_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkListBox           *recordings_list;
  GtkStack             *content_stack;
  GtkStack             *pane_stack;
  HdHandoffPane        *pane;
  GtkLabel             *notes_heading;
  GtkListBox           *notes_list;
  GtkEntry             *note_entry;
  GtkWidget            *add_note_button;
  GtkWidget            *export_button;
  GtkStack             *side_stack;
  GtkWidget            *side_box;
  GtkListBox           *checklist_list;
  HdAuditView          *audit_view;
  GtkLabel             *event_label;
  GtkLabel             *state_label;
  GtkLabel             *position_label;
  GtkWidget            *step_back_button;
  GtkButton            *play_button;
  GtkWidget            *step_forward_button;
  GtkScale             *timeline;
  GtkAdjustment        *timeline_adjustment;
  GtkDropDown          *speed_dropdown;
};

/* hd-trainer-view.c */
void             _hd_trainer_view_show_error             (HdTrainerView   *self,
                                                          const char      *message);
void             _hd_trainer_view_set_busy               (HdTrainerView   *self,
                                                          gboolean         more);
void             _hd_trainer_view_set_current            (HdTrainerView   *self,
                                                          HdOpenRecording *open);
void             _hd_trainer_view_update_actions         (HdTrainerView   *self);
void             _hd_trainer_view_emit_opened            (HdTrainerView   *self,
                                                          HdRecording     *recording);

/* hd-trainer-view-describe.c: words for events and timeline marks */
char            *_hd_trainer_describe_event              (HdJournalEvent  *event);
const char      *_hd_trainer_mark_label                  (const char      *type);

/* hd-trainer-view-notes.c */
void             _hd_trainer_view_update_notes           (HdTrainerView   *self);
void             _hd_trainer_view_update_checklist       (HdTrainerView   *self);
void             _hd_trainer_view_add_note               (HdTrainerView   *self);
void             _hd_trainer_view_remove_note_action     (GtkWidget       *widget,
                                                          const char      *action_name,
                                                          GVariant        *param);

/* hd-trainer-view-recordings.c */
HdOpenRecording *_hd_trainer_open_recording_new          (HdTrainerView   *self,
                                                          HdRecording     *recording,
                                                          guint            order);
void             _hd_trainer_open_recording_free         (gpointer         data);
HdOpenRecording *_hd_trainer_view_find_open              (HdTrainerView   *self,
                                                          GFile           *file);
int              _hd_trainer_view_sort_rows              (GtkListBoxRow   *a,
                                                          GtkListBoxRow   *b,
                                                          gpointer         user_data);
void             _hd_trainer_view_open_file              (HdTrainerView   *self,
                                                          GFile           *file,
                                                          gboolean         select);
gboolean         _hd_trainer_view_on_drop_cb             (GtkDropTarget   *target,
                                                          const GValue    *value,
                                                          double           x,
                                                          double           y,
                                                          HdTrainerView   *self);
void             _hd_trainer_view_open_action            (GtkWidget       *widget,
                                                          const char      *action_name,
                                                          GVariant        *param);
void             _hd_trainer_view_export_notes_action    (GtkWidget       *widget,
                                                          const char      *action_name,
                                                          GVariant        *param);
void             _hd_trainer_view_close_recording_action (GtkWidget       *widget,
                                                          const char      *action_name,
                                                          GVariant        *param);

/* The recordings list: a row opens on activation, not on selection. */
void             _hd_trainer_view_layout_class_init      (GtkWidgetClass  *widget_class);
void             _hd_trainer_view_layout_init            (HdTrainerView   *self);
void             _hd_trainer_view_recording_shown        (HdTrainerView   *self);

void             _hd_trainer_view_row_activated_cb       (HdTrainerView   *self,
                                                          GtkListBoxRow   *row);
void             _hd_trainer_view_row_selected_cb        (HdTrainerView   *self,
                                                          GtkListBoxRow   *row);

G_END_DECLS
