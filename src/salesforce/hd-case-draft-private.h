/* hd-case-draft-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-case-draft.h"
#include "hd-sf-auth.h"
#include "hd-sf-case-watch.h"
#include "hd-sf-describe-cache.h"

G_BEGIN_DECLS

/* Shared by hd-case-draft.c (fields, what they are compared with, the
 * attention state, properties), hd-case-draft-load.c (the packet, the case
 * as Salesforce has it, drafts per handoff) and hd-case-draft-save.c (saving
 * through the outbox and what it reports). */

/* One queued operation of a save, run in order. */
typedef enum { OP_CREATE, OP_UPDATE, OP_COMMENT } OpKind;

typedef struct
{
  OpKind      kind;
  JsonObject *fields;     /* create: fields; update: changes */
  JsonObject *base;       /* update, nullable */
  char       *text;       /* comment body */
} Op;

struct _HdCaseDraft
{
  GObject         parent_instance;

  HdHandoff      *handoff;          /* owned */
  HdSfClient     *client;           /* owned */
  HdOutbox       *outbox;           /* owned */
  HdSfAuth       *auth;             /* owned, the client's */
  gboolean        signed_out;       /* auth is set and not signed in */
  GCancellable   *cancellable;      /* per handoff and connection; cancelled on change and in dispose */

  char           *case_id;          /* the case edited, or NULL until it exists */
  char           *case_number;
  char           *link_key;         /* the handoff id, for create-or-enrich */
  gboolean        create;           /* the packet asks for a new case */
  gboolean        create_queued;    /* its creation is in the outbox */
  gboolean        context_loaded;
  gboolean        loading;
  char           *load_error;
  char           *fields[HD_CASE_N_FIELDS];  /* what the agent has now; never NULL */
  char           *comment;                   /* never NULL */
  char           *prefill[HD_CASE_N_FIELDS];
  char           *base[HD_CASE_N_FIELDS];    /* the case's values, when known */
  char           *last_modified;    /* the case's LastModifiedDate as loaded */

  GQueue          ops;              /* of Op, the save in progress */
  gboolean        saving;
  GPtrArray      *pending_ids;      /* entries of ours not acknowledged yet */
  gboolean        queued_reported;  /* "queued" was emitted for these entries */
  HdOutboxEntry  *attention;        /* an entry of ours in conflict or rejected */
  char           *field_errors[HD_CASE_N_FIELDS];
  gboolean        dirty;
  GHashTable     *drafts;           /* handoff id → Draft: unsaved edits of other chats */
  HdSfDescribe   *describe;         /* the org's Case describe, nullable until read */
  HdSfDescribeCache *describe_cache;/* the auth's; owned */
  char           *record_type_id;   /* the case's RecordTypeId, nullable */
  gboolean        loading_draft;    /* in _hd_case_draft_load (): nothing to persist yet */
  HdSfCaseWatch  *watch;            /* the client's, while a case is open; owned */
  char           *watched_id;       /* the case added to it */
  char           *remote[HD_CASE_N_FIELDS];  /* a colleague's value of a field the agent edited, or NULL */
};

enum
{
  PROP_0,
  PROP_HANDOFF,
  PROP_SF_CLIENT,
  PROP_OUTBOX,
  PROP_CONNECTED,
  PROP_SIGNED_OUT,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_LOADING,
  PROP_LOAD_ERROR,
  PROP_CASE_ID,
  PROP_CASE_NUMBER,
  PROP_CREATE_QUEUED,
  PROP_ATTENTION,
  PROP_DESCRIBE,
  PROP_FIELD_FIRST,                                  /* "status" … "description", in HdCaseField order */
  PROP_COMMENT = PROP_FIELD_FIRST + HD_CASE_N_FIELDS,
  N_PROPS
};

enum { SAVED, QUEUED, CONFLICT, REJECTED, REMOTE_CHANGED, N_SIGNALS };

extern GParamSpec *_hd_case_draft_properties[N_PROPS];
extern guint       _hd_case_draft_signals[N_SIGNALS];

/* hd-case-draft.c */
void         _hd_case_draft_set_string         (HdCaseDraft  *self,
                                                char        **field,
                                                const char   *value,
                                                guint         prop);
void         _hd_case_draft_set_field_text     (HdCaseDraft  *self,
                                                HdCaseField   field,
                                                const char   *text);
void         _hd_case_draft_set_comment_text   (HdCaseDraft  *self,
                                                const char   *text);
void         _hd_case_draft_set_loading        (HdCaseDraft  *self,
                                                gboolean      loading);
gboolean     _hd_case_draft_is_connected       (HdCaseDraft  *self);
gboolean     _hd_case_draft_has_comment        (HdCaseDraft  *self);
const char  *_hd_case_draft_reference          (HdCaseDraft  *self,
                                                HdCaseField   field);
void         _hd_case_draft_set_saving         (HdCaseDraft  *self,
                                                gboolean      saving);
void         _hd_case_draft_set_case_id        (HdCaseDraft  *self,
                                                const char   *case_id);
void         _hd_case_draft_set_create_queued  (HdCaseDraft  *self,
                                                gboolean      create_queued);
void         _hd_case_draft_update_dirty       (HdCaseDraft  *self);
void         _hd_case_draft_clear_attention    (HdCaseDraft  *self);
void         _hd_case_draft_show_attention     (HdCaseDraft   *self,
                                                HdOutboxEntry *entry);

/* hd-case-draft-load.c */
GHashTable  *_hd_case_draft_new_draft_table    (void);
void         _hd_case_draft_load               (HdCaseDraft  *self);
void         _hd_case_draft_stash              (HdCaseDraft  *self);
/* Saves the unsaved edits to the default HdDraftStore, for after a crash. */
void         _hd_case_draft_persist            (HdCaseDraft  *self);
void         _hd_case_draft_fetch_context      (HdCaseDraft  *self);
/* Reads the open case again on the draft's cancellable; @done gets the
 * record, or NULL and the error, unless the read was cancelled (another
 * handoff, or disposed). */
typedef void (*HdCaseDraftReadFunc) (HdCaseDraft  *self,
                                     JsonObject   *record,
                                     GError       *error);
void         _hd_case_draft_read_case          (HdCaseDraft         *self,
                                                HdCaseDraftReadFunc  done);

/* hd-case-draft-describe.c */
void         _hd_case_draft_connect_describe   (HdCaseDraft  *self);
void         _hd_case_draft_disconnect_describe (HdCaseDraft *self);
/* Asks the shared cache for the describe (once per sign-in) and the
 * values of the case's record type. */
void         _hd_case_draft_fetch_describe     (HdCaseDraft  *self);
void         _hd_case_draft_set_record_type    (HdCaseDraft  *self,
                                                const char   *record_type_id);
/* A save refused with @errors: reads the describe again when they suggest
 * it is out of date. */
void         _hd_case_draft_check_stale        (HdCaseDraft  *self,
                                                GPtrArray    *errors);
/* Whether @field may be sent: the org has it and lets the user update
 * (or, with @create, create) it; TRUE while the describe is unknown. */
gboolean     _hd_case_draft_can_write          (HdCaseDraft  *self,
                                                const char   *api_name,
                                                gboolean      create);
/* Removes from @fields what _hd_case_draft_can_write () refuses, and
 * values a restricted picklist lacks. */
void         _hd_case_draft_filter_fields      (HdCaseDraft  *self,
                                                JsonObject   *fields,
                                                gboolean      create);

/* hd-case-draft-live.c */
/* Follows the open case's changes while there is a client and a case. */
void         _hd_case_draft_update_watch       (HdCaseDraft  *self);
void         _hd_case_draft_unwatch            (HdCaseDraft  *self);
void         _hd_case_draft_clear_remote       (HdCaseDraft  *self);
/* The agent set @field: a remote conflict it settles ends. */
void         _hd_case_draft_field_edited       (HdCaseDraft  *self,
                                                HdCaseField   field);

/* hd-case-draft-save.c */
void         _hd_case_draft_op_free            (Op           *op);
gboolean     _hd_case_draft_is_queued_state    (HdCaseDraft  *self);
void         _hd_case_draft_on_outbox_sent_cb  (HdCaseDraft   *self,
                                                HdOutboxEntry *entry,
                                                HdOutbox      *outbox);
void         _hd_case_draft_on_outbox_conflict_cb (HdCaseDraft   *self,
                                                   HdOutboxEntry *entry,
                                                   HdOutbox      *outbox);
void         _hd_case_draft_on_outbox_rejected_cb (HdCaseDraft   *self,
                                                   HdOutboxEntry *entry,
                                                   HdOutbox      *outbox);
void         _hd_case_draft_on_outbox_case_linked_cb (HdCaseDraft *self,
                                                      const char  *link_key,
                                                      const char  *case_id,
                                                      HdOutbox    *outbox);
void         _hd_case_draft_on_outbox_state_cb (HdCaseDraft  *self,
                                                GParamSpec   *pspec,
                                                HdOutbox     *outbox);

G_END_DECLS
