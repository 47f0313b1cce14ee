/* hd-trainer-notes.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-journal-state.h"

G_BEGIN_DECLS

/* The broken-context patterns a trainer ticks per handoff. */
typedef enum
{
  HD_CHECKLIST_CUSTOMER_REPEATED_DETAILS = 0,
  HD_CHECKLIST_VERIFICATION_REPEATED,
  HD_CHECKLIST_NO_SUMMARY,
  HD_CHECKLIST_WRONG_QUEUE_FIRST,
  HD_CHECKLIST_N_ITEMS,
} HdChecklistItem;

/* Stable ids ("customer-repeated-details", ...) and translated labels. */
const char *hd_checklist_item_to_string (HdChecklistItem  item);
gboolean    hd_checklist_item_from_string (const char     *id,
                                           HdChecklistItem *item);
const char *hd_checklist_item_get_label (HdChecklistItem  item);

/* Which patterns the events show, as a bit mask (1 << item), as a starting
 * point for the trainer: "signal" events named after an item (the context
 * monitor raises "customer-repeated-details", "wrong-queue-first", ...), two
 * verification checks of one kind or any check after the bot had verified,
 * and an empty bot summary.  A transfer alone is not a wrong queue. */
guint       hd_checklist_suggest        (const HdJournalState *state);

typedef enum
{
  HD_TRAINER_NOTES_FORMAT_JSON = 0,
  HD_TRAINER_NOTES_FORMAT_CSV,
  HD_TRAINER_NOTES_FORMAT_MARKDOWN,
} HdTrainerNotesFormat;

typedef struct
{
  guint      id;          /* unique within the file */
  guint      position;    /* the event it is attached to (1-based, as HdReplay:position) */
  char      *author;      /* nullable */
  char      *text;
  GDateTime *created_at;
} HdTrainerNote;

#define HD_TYPE_TRAINER_NOTES (hd_trainer_notes_get_type ())

G_DECLARE_FINAL_TYPE (HdTrainerNotes, hd_trainer_notes, HD, TRAINER_NOTES, GObject)

/* Trainer notes and checklists of one recording, saved beside it as
 * `<recording>.notes.json`.  Loading a recording without notes gives empty
 * notes; a damaged notes file fails with HD_ERROR_PARSE. */
HdTrainerNotes      *hd_trainer_notes_load        (GFile                *recording,
                                                   GError              **error);
GFile               *hd_trainer_notes_get_file    (HdTrainerNotes       *self);
/* Atomically replaces the notes file. */
gboolean             hd_trainer_notes_save        (HdTrainerNotes       *self,
                                                   GError              **error);

/* Returns the new note's id; notes are kept ordered by position. */
guint                hd_trainer_notes_add         (HdTrainerNotes       *self,
                                                   guint                 position,
                                                   const char           *author,
                                                   const char           *text);
gboolean             hd_trainer_notes_remove      (HdTrainerNotes       *self,
                                                   guint                 id);
guint                hd_trainer_notes_get_n_notes (HdTrainerNotes       *self);
const HdTrainerNote *hd_trainer_notes_get_note    (HdTrainerNotes       *self,
                                                   guint                 index);

void                 hd_trainer_notes_set_ticked  (HdTrainerNotes       *self,
                                                   const char           *handoff_id,
                                                   HdChecklistItem       item,
                                                   gboolean              ticked);
gboolean             hd_trainer_notes_get_ticked  (HdTrainerNotes       *self,
                                                   const char           *handoff_id,
                                                   HdChecklistItem       item);

/* Notes and checklists for sharing: JSON (the saved form), CSV (one row per
 * checklist item, then one per note) or Markdown. */
char                *hd_trainer_notes_export      (HdTrainerNotes       *self,
                                                   HdTrainerNotesFormat  format);

G_END_DECLS
