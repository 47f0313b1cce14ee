/* hd-journal-event.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The line format version written in every record ("v"). */
#define HD_JOURNAL_FORMAT_VERSION 1

/* The "prev" of the very first record of a chain. */
#define HD_JOURNAL_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Event types ("type" member).  Producers may use others; the reducer and the
 * audit trail ignore types they do not know. */
#define HD_EVENT_OFFER            "offer"
#define HD_EVENT_TRANSCRIPT       "transcript"
#define HD_EVENT_ACCEPT           "accept"
#define HD_EVENT_DECLINE          "decline"
#define HD_EVENT_EXPIRE           "expire"
#define HD_EVENT_REVOKE           "revoke"
#define HD_EVENT_VERIFICATION     "verification"
#define HD_EVENT_CASE_EDIT        "case-edit"
#define HD_EVENT_SF_REQUEST       "sf-request"
#define HD_EVENT_SF_RESPONSE      "sf-response"
#define HD_EVENT_TRANSFER         "transfer"
#define HD_EVENT_WRAP_UP          "wrap-up"
#define HD_EVENT_REVEAL           "reveal"
#define HD_EVENT_SIGNAL           "signal"
#define HD_EVENT_NOTE             "note"

/* "name" of the HD_EVENT_SIGNAL payloads behind the handoff-quality KPIs
 * (docs/kpis.md), journaled locally when the agent clicks them or the app
 * detects one; payload {"name", "detail"?, "source": "agent" | "auto"}.
 * A transfer is an HD_EVENT_TRANSFER, and the wrap-up's outcome is the
 * "resolved" (bool) member of the HD_EVENT_WRAP_UP payload. */
#define HD_SIGNAL_CUSTOMER_REPEATED     "customer-repeated-details"
#define HD_SIGNAL_VERIFICATION_REPEATED "verification-repeated"
/* Bookkeeping records written by the journal itself. */
#define HD_EVENT_JOURNAL_HEADER   "journal-header"
#define HD_EVENT_RECORDING_HEADER "recording-header"
#define HD_EVENT_TORN_LINE        "torn-line"

typedef enum
{
  HD_ACTOR_SYSTEM = 0,
  HD_ACTOR_BOT,
  HD_ACTOR_CUSTOMER,
  HD_ACTOR_AGENT,
  HD_ACTOR_SUPERVISOR,
} HdActorKind;

/* Wire names "system", "bot", "customer", "agent", "supervisor". */
const char *hd_actor_kind_to_string   (HdActorKind  kind);
gboolean    hd_actor_kind_from_string (const char  *name,
                                       HdActorKind *kind);

#define HD_TYPE_JOURNAL_EVENT (hd_journal_event_get_type ())

/* One journal record.  Reference counted; treat as immutable once appended or
 * parsed.  The journal fills in seq, time (if unset), prev and hash when the
 * event is appended, and may replace the payload by its scrubbed copy. */
typedef struct _HdJournalEvent HdJournalEvent;

GType           hd_journal_event_get_type       (void) G_GNUC_CONST;

/* @payload: a JSON object node or NULL for {}; the event takes a copy. */
HdJournalEvent *hd_journal_event_new            (const char     *handoff_id,
                                                 HdActorKind     actor_kind,
                                                 const char     *actor_id,
                                                 const char     *type,
                                                 JsonNode       *payload);
/* A payload scrubbed and serialised ahead of its event, as hd_journal_append ()
 * would on the journal's thread: for a payload too big to do that on the main
 * thread within a frame (an offer's packet of 10,000 turns).  Made and freed
 * in any thread; it shares nothing with @payload. */
typedef struct _HdJournalPayload HdJournalPayload;

HdJournalPayload *hd_journal_payload_prepare    (JsonNode         *payload);
/* The same for the payload {"@member": @value}. */
HdJournalPayload *hd_journal_payload_prepare_member (const char   *member,
                                                     JsonObject   *value);
void              hd_journal_payload_free       (HdJournalPayload *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdJournalPayload, hd_journal_payload_free)

/* An event whose payload was prepared: appending it writes the same line as
 * hd_journal_event_new () with the payload itself would, without scrubbing or
 * serialising it again.  The event copies @payload's text. */
HdJournalEvent *hd_journal_event_new_prepared   (const char             *handoff_id,
                                                 HdActorKind             actor_kind,
                                                 const char             *actor_id,
                                                 const char             *type,
                                                 const HdJournalPayload *payload);
/* The same with the members of @extra (small: ids, times) added after the
 * prepared ones. */
HdJournalEvent *hd_journal_event_new_prepared_with (const char             *handoff_id,
                                                    HdActorKind             actor_kind,
                                                    const char             *actor_id,
                                                    const char             *type,
                                                    const HdJournalPayload *payload,
                                                    JsonObject             *extra);
HdJournalEvent *hd_journal_event_ref            (HdJournalEvent *self);
void            hd_journal_event_unref          (HdJournalEvent *self);

/* A new unsealed event with the same content, without seq, prev and hash. */
HdJournalEvent *hd_journal_event_copy_content   (HdJournalEvent *self);

gint64          hd_journal_event_get_seq        (HdJournalEvent *self);  /* -1 until appended */
GDateTime      *hd_journal_event_get_time       (HdJournalEvent *self);  /* nullable until appended */
void            hd_journal_event_set_time       (HdJournalEvent *self,
                                                 GDateTime      *time);
const char     *hd_journal_event_get_handoff_id (HdJournalEvent *self);
HdActorKind     hd_journal_event_get_actor_kind (HdJournalEvent *self);
const char     *hd_journal_event_get_actor_id   (HdJournalEvent *self);  /* nullable */
const char     *hd_journal_event_get_event_type (HdJournalEvent *self);
JsonObject     *hd_journal_event_get_payload    (HdJournalEvent *self);
JsonNode       *hd_journal_event_get_payload_node (HdJournalEvent *self);
void            hd_journal_event_set_payload    (HdJournalEvent *self,
                                                 JsonNode       *payload);
const char     *hd_journal_event_get_prev       (HdJournalEvent *self);  /* nullable until appended */
const char     *hd_journal_event_get_hash       (HdJournalEvent *self);  /* nullable until appended */
/* Convenience: a string member of the payload, or NULL. */
const char     *hd_journal_event_get_payload_string (HdJournalEvent *self,
                                                     const char     *member);

/* Serialise with @seq and @prev, computing and storing the hash.  Returns the
 * complete line including its trailing '\n'; the event then carries seq, prev
 * and hash.  The time must be set. */
/* TRUE for a prepared event not yet sealed; @n_scrubbed: what its scrub changed. */
gboolean        _hd_journal_event_is_prepared   (HdJournalEvent *self,
                                                 guint          *n_scrubbed);
char           *_hd_journal_event_seal          (HdJournalEvent *self,
                                                 gint64          seq,
                                                 const char     *prev);

/* Parse one line (without its '\n') with the bounded JSON parser (a line
 * may come from a file sent from elsewhere).  On success @hash_valid tells
 * whether the stored hash matches the content; a line that is not a
 * well-formed record fails with HD_ERROR_PARSE. */
HdJournalEvent *hd_journal_event_parse_line     (const char     *line,
                                                 gsize           len,
                                                 gboolean       *hash_valid,
                                                 GError        **error);

/* Checks only the hash of a line: TRUE if the line has the shape
 * `<content>,"hash":"<64 hex>"}` and sha256(<content>) is that hash.
 * @out_hash (65 bytes) receives the stored hash, @out_prev (65 bytes) the
 * "prev" member that ends <content>, @out_seq the "seq" that starts it; each
 * may be NULL.  Returns FALSE with *@shape_ok = FALSE for a line of another
 * shape. */
gboolean        hd_journal_line_check           (const char     *line,
                                                 gsize           len,
                                                 gboolean       *shape_ok,
                                                 gint64         *out_seq,
                                                 char           *out_prev,
                                                 char           *out_hash);

/* Internal: the same without checking the hash, for lines already verified;
 * and reading a line's seq from its fixed place. */
HdJournalEvent *_hd_journal_event_parse_line_trusted (const char  *line,
                                                      gsize        len,
                                                      GError     **error);
gboolean        _hd_journal_line_read_shape     (const char     *line,
                                                 gsize           len,
                                                 gint64         *out_seq);

/* Appends @value as a quoted JSON string. */
void            _hd_journal_append_json_string  (GString        *out,
                                                 const char     *value);

/* "2026-11-24T09:14:05.123Z" (UTC, milliseconds). */
char           *hd_journal_format_time          (GDateTime      *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdJournalEvent, hd_journal_event_unref)

G_END_DECLS
