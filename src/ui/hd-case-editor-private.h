/* hd-case-editor-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-case-editor.h"

G_BEGIN_DECLS

/* Shared by hd-case-editor.c (rows bound to the draft, the state shown) and
 * hd-case-editor-save.c (the actions, and the toasts and dialogs of what
 * the draft reports). */

struct _HdCaseEditor
{
  AdwBin          parent_instance;

  HdCaseDraft    *draft;            /* owned: the edit session shown */
  GCancellable   *cancellable;      /* cancelled in dispose */
  GtkWindow      *conflict_dialog;  /* weak */
  gboolean        syncing;          /* a combo row is being set from the draft */
  gboolean        picklist[HD_CASE_N_FIELDS]; /* shown as a combo row: the org's describe says picklist */
  HdHandoff      *watched;          /* weak: the handoff whose state is watched */
  gulong          state_id;

  /* template children */
  GtkLabel       *dirty_label;
  GtkLabel       *status_label;
  GtkWidget      *disconnected_box;
  GtkWidget      *editor_box;
  GtkWidget      *attention_box;
  GtkLabel       *attention_label;
  GtkWidget      *discard_button;
  GtkWidget      *resolve_button;
  AdwComboRow    *status_row;
  GtkStringList  *status_model;
  AdwComboRow    *priority_row;
  GtkStringList  *priority_model;
  AdwEntryRow    *type_row;
  AdwEntryRow    *subcategory_row;
  AdwEntryRow    *disposition_row;
  AdwEntryRow    *next_step_row;
  AdwComboRow    *type_combo;
  GtkStringList  *type_model;
  AdwComboRow    *subcategory_combo;
  GtkStringList  *subcategory_model;
  AdwComboRow    *disposition_combo;
  GtkStringList  *disposition_model;
  AdwComboRow    *next_step_combo;
  GtkStringList  *next_step_model;
  GtkWidget      *status_error_row;
  GtkLabel       *status_error_label;
  GtkWidget      *priority_error_row;
  GtkLabel       *priority_error_label;
  GtkWidget      *type_error_row;
  GtkLabel       *type_error_label;
  GtkWidget      *subcategory_error_row;
  GtkLabel       *subcategory_error_label;
  GtkWidget      *disposition_error_row;
  GtkLabel       *disposition_error_label;
  GtkWidget      *next_step_error_row;
  GtkLabel       *next_step_error_label;
  GtkTextView    *description_view;
  GtkLabel       *description_error_label;
  GtkTextView    *comment_view;
  GtkSpinner     *spinner;
  GtkWidget      *save_button;
};

void         _hd_case_editor_update_actions           (HdCaseEditor *self);
void         _hd_case_editor_toast                    (HdCaseEditor *self,
                                                       const char   *message);
void         _hd_case_editor_connect_draft_signals    (HdCaseEditor *self);
/* hd-case-editor-describe.c: the rows follow the org's Case describe. */
void         _hd_case_editor_connect_describe         (HdCaseEditor *self);
/* The combo row of @field and its model: Status and Priority always,
 * the others while the org makes them picklists; NULL otherwise. */
AdwComboRow *_hd_case_editor_combo_for                (HdCaseEditor  *self,
                                                       HdCaseField    field,
                                                       GtkStringList **model);
/* Selects @text in @combo, adding it when the list lacks it. */
void         _hd_case_editor_set_combo                (AdwComboRow   *combo,
                                                       GtkStringList *model,
                                                       const char    *text);
void         _hd_case_editor_save_action              (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);
void         _hd_case_editor_resolve_action           (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);
void         _hd_case_editor_discard_action           (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);

/* hd-case-editor-save.c: the fields a colleague changed while the agent
 * edits them, in the attention box (hidden when there are none). */
void _hd_case_editor_show_remote_changes (HdCaseEditor *self);

G_END_DECLS
