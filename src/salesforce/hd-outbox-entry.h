/* hd-outbox-entry.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An immutable snapshot of one outbox entry, for the UI (the outbox's own
 * copy lives on disk; see docs/salesforce.md for the life of an entry). */

typedef enum
{
  HD_OUTBOX_KIND_UPDATE = 0,   /* PATCH fields of a record */
  HD_OUTBOX_KIND_COMMENT,      /* POST a CaseComment */
  HD_OUTBOX_KIND_CREATE,       /* POST a Case, then link it */
} HdOutboxKind;

typedef enum
{
  HD_OUTBOX_ENTRY_QUEUED = 0,  /* durable, not sent yet */
  HD_OUTBOX_ENTRY_SENDING,     /* a request may have reached Salesforce */
  HD_OUTBOX_ENTRY_CONFLICT,    /* 412: the agent chooses per field */
  HD_OUTBOX_ENTRY_REJECTED,    /* 400 etc.: the agent amends or discards */
} HdOutboxEntryState;

#define HD_TYPE_OUTBOX_ENTRY (hd_outbox_entry_get_type ())
G_DECLARE_FINAL_TYPE (HdOutboxEntry, hd_outbox_entry, HD, OUTBOX_ENTRY, GObject)

/* Builds a snapshot from the on-disk JSON object (a deep copy is taken). */
HdOutboxEntry      *hd_outbox_entry_new_from_json       (JsonObject    *object);

const char         *hd_outbox_entry_get_id              (HdOutboxEntry *self);
guint64             hd_outbox_entry_get_seq             (HdOutboxEntry *self);
HdOutboxKind        hd_outbox_entry_get_kind            (HdOutboxEntry *self);
HdOutboxEntryState  hd_outbox_entry_get_state           (HdOutboxEntry *self);
/* The record edited or commented on (NULL while it waits for a create),
 * or, for a create, the new case once known. */
const char         *hd_outbox_entry_get_record_id       (HdOutboxEntry *self);
/* The create-or-enrich key (the handoff id), or NULL. */
const char         *hd_outbox_entry_get_link_key        (HdOutboxEntry *self);
guint               hd_outbox_entry_get_attempts        (HdOutboxEntry *self);
/* The field names this entry sets, sorted. */
GStrv               hd_outbox_entry_dup_field_names     (HdOutboxEntry *self);
/* JSON values (borrowed), NULL when absent.  "Mine" is what the agent
 * wrote, "base" what the agent saw when editing, "server" what Salesforce
 * had when a conflict was found. */
JsonNode           *hd_outbox_entry_get_value           (HdOutboxEntry *self,
                                                         const char    *field);
JsonNode           *hd_outbox_entry_get_base_value      (HdOutboxEntry *self,
                                                         const char    *field);
JsonNode           *hd_outbox_entry_get_server_value    (HdOutboxEntry *self,
                                                         const char    *field);
/* In a conflict: whether @field was changed by someone else too. */
gboolean            hd_outbox_entry_is_conflicting      (HdOutboxEntry *self,
                                                         const char    *field);
GStrv               hd_outbox_entry_dup_conflicting_fields (HdOutboxEntry *self);
/* When rejected: the error array Salesforce sent (of HdSfApiError), and the
 * message for one field (or NULL). */
GPtrArray          *hd_outbox_entry_get_errors          (HdOutboxEntry *self);
const char         *hd_outbox_entry_get_field_error     (HdOutboxEntry *self,
                                                         const char    *field);
/* A one-line description for logs and lists; never contains field values. */
char               *hd_outbox_entry_describe            (HdOutboxEntry *self);

G_END_DECLS
