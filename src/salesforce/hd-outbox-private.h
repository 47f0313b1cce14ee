/* hd-outbox-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-outbox.h"

G_BEGIN_DECLS

/* Shared by hd-outbox.c (the object and its public API),
 * hd-outbox-store.c (the directory on disk and the typed records read from
 * it), hd-outbox-send.c (the send loop, its answers, conflicts, scheduling)
 * and hd-outbox-reconcile.c (entries found "sending").
 *
 * On disk: one file per entry, "entry-<seq>.json", each written with
 * hd_durable_write_file () (temporary file, fsync, rename, fsync of the
 * directory), and each unlink followed by hd_durable_sync_directory (), so
 * a rename or unlink survives a power cut too.
 * "links.json" maps create-or-enrich keys to the cases created for them.
 * "lock" is flock()ed by the process that owns the outbox.
 *
 * An entry's "state" on disk is "queued", "sending", "conflict" or
 * "rejected".  "sending" is written before every request; whenever an
 * entry is found "sending" (after a crash, a lost answer, a 5xx or a
 * network failure) the server is checked before anything is sent again:
 * see _hd_outbox_reconcile () and docs/salesforce.md. */

#define MAX_AUTO_REBASES 5
#define COMMENT_MAX_BYTES 4000
/* The largest files the outbox reads back: an entry holds one Case edit
 * (Salesforce's longest field is 128 KiB of text, 32 KiB for a case
 * comment), links.json a case id per create-or-enrich key ever sent.
 * Anything larger is not one of them and is set aside as damaged. */
#define HD_OUTBOX_MAX_ENTRY_BYTES ((gsize) 4 * 1024 * 1024)
#define HD_OUTBOX_MAX_LINKS_BYTES ((gsize) 64 * 1024 * 1024)

/* One entry, typed.  Each member is the on-disk member of the same (or the
 * commented) name; _hd_outbox_record_to_json () writes exactly the file
 * format earlier versions wrote, and _hd_outbox_record_new_from_json ()
 * reads every file they left. */
typedef struct
{
  char               *path;             /* the entry's file */
  gint64              version;
  char               *id;
  guint64             seq;
  HdOutboxKind        kind;
  char               *sobject;
  char               *record_id;        /* "record": nullable */
  char               *link;             /* nullable: the create-or-enrich key */
  HdOutboxEntryState  state;
  guint               attempts;
  char               *created_at;
  char               *sent_at;          /* nullable: the last attempt */
  char               *org_id;           /* nullable: whose edit it is */
  char               *user_id;          /* nullable */
  JsonObject         *fields;           /* field → the agent's value */
  JsonObject         *base;             /* nullable: field → what the agent saw */
  char               *base_modified;    /* nullable: LastModifiedDate of that version */
  char               *server_modified;  /* nullable: LastModifiedDate at the conflict */
  gint64              rebases;
  GStrv               conflicts;        /* nullable: fields changed on both sides */
  JsonObject         *server;           /* nullable: field → the server's value */
  JsonArray          *errors;           /* nullable: Salesforce's error array */
  JsonObject         *extra;            /* members this version does not know, kept */
} OutboxRecord;

struct _HdOutbox
{
  GObject        parent_instance;

  char          *directory;
  HdSfClient    *client;        /* owned */
  int            lock_fd;
  GPtrArray     *entries;       /* of OutboxRecord, by seq */
  GHashTable    *links;         /* link key → case id */
  guint64        next_seq;

  HdOutboxState  state;
  gboolean       paused;
  guint          backoff_base_ms;
  guint          failures;
  guint          timer_id;
  guint          idle_id;
  OutboxRecord  *current;       /* borrowed: the entry a request is out for */
  GCancellable  *cancellable;   /* cancelled in dispose */
  gulong         signed_in_id;
};

/* hd-outbox-store.c */
void           _hd_outbox_record_free          (OutboxRecord  *record);
OutboxRecord  *_hd_outbox_record_new           (HdOutbox      *self,
                                                HdOutboxKind   kind,
                                                const char    *sobject,
                                                const char    *record_id,
                                                const char    *link_key);
/* NULL when @object is not a usable entry. */
OutboxRecord  *_hd_outbox_record_new_from_json (JsonObject    *object,
                                                const char    *path);
JsonObject    *_hd_outbox_record_to_json       (OutboxRecord  *record);
HdOutboxEntry *_hd_outbox_record_snapshot      (OutboxRecord  *record);
char          *_hd_outbox_record_describe      (OutboxRecord  *record);
char          *_hd_outbox_record_marker        (OutboxRecord  *record);
gboolean       _hd_outbox_record_needs_attention (OutboxRecord *record);
JsonObject    *_hd_outbox_copy_object          (JsonObject    *object);

gboolean       _hd_outbox_store_lock           (HdOutbox      *self,
                                                GError       **error);
gboolean       _hd_outbox_store_load           (HdOutbox      *self,
                                                GError       **error);
gboolean       _hd_outbox_store_write          (HdOutbox      *self,
                                                OutboxRecord  *record,
                                                GError       **error);
gboolean       _hd_outbox_store_write_links    (HdOutbox      *self,
                                                GError       **error);
gboolean       _hd_outbox_store_unlink         (HdOutbox      *self,
                                                OutboxRecord  *record,
                                                GError       **error);

/* hd-outbox.c */
void           _hd_outbox_set_state            (HdOutbox      *self,
                                                HdOutboxState  state);
void           _hd_outbox_notify_counts        (HdOutbox      *self);
guint          _hd_outbox_count_attention      (HdOutbox      *self);
/* Emits "sent", "conflict" or "rejected" with @snapshot. */
void           _hd_outbox_emit                 (HdOutbox      *self,
                                                guint          signal_index,
                                                HdOutboxEntry *snapshot);
void           _hd_outbox_emit_case_linked     (HdOutbox      *self,
                                                const char    *link_key,
                                                const char    *case_id);
gboolean       _hd_outbox_remove_entry         (HdOutbox      *self,
                                                OutboxRecord  *record,
                                                GError       **error);
const char    *_hd_outbox_entry_target         (HdOutbox      *self,
                                                OutboxRecord  *record);

enum { SENT, CONFLICT, REJECTED, CASE_LINKED, N_SIGNALS };

/* hd-outbox-send.c */
typedef struct
{
  HdOutbox     *self;   /* owned: an answer is always handled, even while the
                           owner lets go of the outbox */
  OutboxRecord *entry;  /* borrowed: self->current, which nothing else removes */
} Call;

Call          *_hd_outbox_call_new             (HdOutbox      *self,
                                                OutboxRecord  *entry);
void           _hd_outbox_call_free            (Call          *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, _hd_outbox_call_free)
gboolean       _hd_outbox_call_done            (Call          *call,
                                                GError        *error);
void           _hd_outbox_schedule             (HdOutbox      *self);
void           _hd_outbox_send_entry           (HdOutbox      *self,
                                                OutboxRecord  *entry);
void           _hd_outbox_handle_failure       (HdOutbox      *self,
                                                OutboxRecord  *entry,
                                                GError        *error);
void           _hd_outbox_acknowledge          (HdOutbox      *self,
                                                OutboxRecord  *entry,
                                                const char    *new_record_id);
void           _hd_outbox_fetch_record         (HdOutbox            *self,
                                                OutboxRecord        *entry,
                                                GAsyncReadyCallback  callback);
JsonObject    *_hd_outbox_record_from_answer   (Call          *call,
                                                GObject       *object,
                                                GAsyncResult  *result);
GPtrArray     *_hd_outbox_find_conflicts       (OutboxRecord  *entry,
                                                JsonObject    *server,
                                                gboolean      *all_applied);
void           _hd_outbox_handle_changed_record (HdOutbox     *self,
                                                 OutboxRecord *entry,
                                                 JsonObject   *server);

/* hd-outbox-reconcile.c */
void           _hd_outbox_reconcile            (HdOutbox      *self,
                                                OutboxRecord  *entry);

G_END_DECLS
