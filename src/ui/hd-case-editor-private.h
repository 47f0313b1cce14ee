/* hd-case-editor-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-case-editor.h"

G_BEGIN_DECLS

/* Shared by hd-case-editor.c (fields, loading, state shown) and
 * hd-case-editor-save.c (saving through the outbox and what it reports). */

typedef enum
{
  FIELD_STATUS,
  FIELD_PRIORITY,
  FIELD_TYPE,
  FIELD_SUBCATEGORY,
  FIELD_DISPOSITION,
  FIELD_NEXT_STEP,
  FIELD_DESCRIPTION,
  N_FIELDS
} Field;

/* One queued operation of a save, run in order. */
typedef enum { OP_CREATE, OP_UPDATE, OP_COMMENT } OpKind;

typedef struct
{
  OpKind      kind;
  JsonObject *fields;     /* create: fields; update: changes */
  JsonObject *base;       /* update, nullable */
  char       *text;       /* comment body */
} Op;

struct _HdCaseEditor
{
  AdwBin          parent_instance;

  HdHandoff      *handoff;          /* owned */
  HdSfClient     *client;           /* owned */
  HdOutbox       *outbox;           /* owned */
  HdSfAuth       *auth;             /* owned, the client's */
  GCancellable   *cancellable;      /* per handoff and connection; cancelled on change and in dispose */

  char           *case_id;          /* the case edited, or NULL until it exists */
  char           *case_number;
  char           *link_key;         /* the handoff id, for create-or-enrich */
  gboolean        create;           /* the packet asks for a new case */
  gboolean        create_queued;    /* its creation is in the outbox */
  gboolean        context_loaded;
  gboolean        loading;
  char           *load_error;
  char           *prefill[N_FIELDS];
  char           *base[N_FIELDS];   /* the case's values, when known */
  char           *last_modified;    /* the case's LastModifiedDate as loaded */

  GQueue          ops;              /* of Op, the save in progress */
  gboolean        saving;
  GPtrArray      *pending_ids;      /* entries of ours not acknowledged yet */
  gboolean        queued_toasted;
  char           *attention_id;     /* an entry of ours in conflict or rejected */
  HdOutboxEntryState attention_state;
  char           *field_errors[N_FIELDS];
  gboolean        dirty;
  GtkWindow      *conflict_dialog;  /* weak */
  GHashTable     *drafts;           /* handoff id → Draft: unsaved edits of other chats */

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

extern const char * const _hd_case_editor_field_api[N_FIELDS];

void         _hd_case_editor_op_free                  (Op *op);
int          _hd_case_editor_field_from_api           (const char *api_name);
char        *_hd_case_editor_dup_buffer_text          (GtkTextView *view);
char        *_hd_case_editor_dup_field                (HdCaseEditor *self,
                                                       Field         field);
void         _hd_case_editor_set_field                (HdCaseEditor *self,
                                                       Field         field,
                                                       const char   *text);
const char  *_hd_case_editor_reference                (HdCaseEditor *self,
                                                       Field         field);
gboolean     _hd_case_editor_is_connected             (HdCaseEditor *self);
gboolean     _hd_case_editor_has_comment              (HdCaseEditor *self);
void         _hd_case_editor_update_actions           (HdCaseEditor *self);
void         _hd_case_editor_update_dirty             (HdCaseEditor *self);
void         _hd_case_editor_update_status            (HdCaseEditor *self);
void         _hd_case_editor_clear_attention          (HdCaseEditor *self);
void         _hd_case_editor_show_attention           (HdCaseEditor  *self,
                                                       HdOutboxEntry *entry);
void         _hd_case_editor_toast                    (HdCaseEditor *self,
                                                       const char   *message);
void         _hd_case_editor_fetch_context            (HdCaseEditor *self);
void         _hd_case_editor_save_action              (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);
void         _hd_case_editor_on_outbox_sent_cb        (HdCaseEditor  *self,
                                                       HdOutboxEntry *entry,
                                                       HdOutbox      *outbox);
void         _hd_case_editor_on_outbox_conflict_cb    (HdCaseEditor  *self,
                                                       HdOutboxEntry *entry,
                                                       HdOutbox      *outbox);
void         _hd_case_editor_on_outbox_rejected_cb    (HdCaseEditor  *self,
                                                       HdOutboxEntry *entry,
                                                       HdOutbox      *outbox);
void         _hd_case_editor_on_outbox_case_linked_cb (HdCaseEditor *self,
                                                       const char   *link_key,
                                                       const char   *case_id,
                                                       HdOutbox     *outbox);
void         _hd_case_editor_on_outbox_state_cb       (HdCaseEditor *self,
                                                       GParamSpec   *pspec,
                                                       HdOutbox     *outbox);
void         _hd_case_editor_on_signed_in_cb          (HdCaseEditor *self,
                                                       GParamSpec   *pspec,
                                                       HdSfAuth     *auth);
void         _hd_case_editor_resolve_action           (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);
void         _hd_case_editor_discard_action           (GtkWidget  *widget,
                                                       const char *action_name,
                                                       GVariant   *param);

G_END_DECLS
