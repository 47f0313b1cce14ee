/* hd-import-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-import.h"

G_BEGIN_DECLS

/* Shared by the importers: hd-import.c (recognition, dispatch), the reading
 * helpers and the draft packet (hd-import-draft.c), and one file per
 * platform. */

/* What the importers know of a conversation, before it becomes packet JSON.
 * Strings are raw, as the platform sent them: _hd_import_draft_finish ()
 * turns names into tokens and masks text exactly as the packet parser does. */
typedef struct
{
  const char *source;            /* "rasa", ...: the prefix of the handoff id */
  char       *conversation_id;
  GDateTime  *created_at;
  GDateTime  *now;
  char       *bot_id;
  char       *bot_flow;
  char       *customer_name;
  const char *channel;           /* a packet channel value, or NULL */
  char       *crm_account_id;
  char       *crm_contact_id;
  gboolean    authenticated;
  char       *verification_method;
  JsonArray  *transcript;        /* of packet turns, raw text */
  JsonArray  *history;           /* of packet intent entries */
  GPtrArray  *entity_names;      /* parallel to entity_values: last value wins */
  GPtrArray  *entity_values;
  char       *primary;           /* raw intent name, or NULL */
  const char *sentiment;         /* a packet sentiment value, or NULL */
  const char *reason;            /* a packet escalation reason, or NULL */
  char       *detail;
  char       *language;          /* raw; kept only when it is a BCP 47 tag */
  char       *skill_group;
  const char *priority;
  char       *case_id;
  char       *case_type;         /* raw; made a token */
  char       *case_subcategory;  /* raw; made a token */
  char       *summary_text;
  char       *unresolved_issue;
  char       *product_category;  /* raw; made a token */
  char       *segment;           /* raw; made a token */
  /* A stable id of the handoff turn, for documents with no time of their
   * own (a webhook request, a Lambda event): it names the handoff instead
   * of the import's time, so a bot's retry is the same handoff. */
  char       *turn_id;
} HdImportDraft;

HdImportDraft *_hd_import_draft_new       (const char     *source,
                                           GDateTime      *now);
void           _hd_import_draft_free      (HdImportDraft  *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdImportDraft, _hd_import_draft_free)

/* Appends a turn; FALSE (HD_ERROR_LIMIT) past the packet's turn limit. */
gboolean       _hd_import_draft_add_turn  (HdImportDraft  *draft,
                                           const char     *speaker,
                                           GDateTime      *time,
                                           const char     *text,
                                           const char     *pointer,
                                           GError        **error);
/* @confidence < 0: unknown.  @outcome "matched", "failed" or "fallback". */
void           _hd_import_draft_add_intent (HdImportDraft *draft,
                                            const char    *name,
                                            GDateTime     *time,
                                            double         confidence,
                                            const char    *outcome);
void           _hd_import_draft_set_entity (HdImportDraft *draft,
                                            const char    *name,
                                            const char    *value);
/* A key/value the platform keeps (Rasa slots, Dialogflow session
 * parameters, Lex session attributes): the documented handoff keys
 * ("handoff_reason", "customer_name", "authenticated", ...) fill their packet
 * fields, anything else with a scalar value becomes a captured entity. */
void           _hd_import_draft_take_value (HdImportDraft *draft,
                                            const char    *name,
                                            JsonNode      *value);
/* The entry of @values (NULL-terminated) that is @value without regard to
 * case, or NULL. */
const char    *_hd_import_find_value      (const char * const *values,
                                           const char         *value);
/* Sets *@field to a copy of @value (g_set_str () is GLib 2.76). */
void           _hd_import_replace_str     (char              **field,
                                           const char         *value);
/* The packet JSON, or NULL with HD_ERROR_PARSE if the draft lacks what a
 * packet needs (a conversation id). */
JsonNode      *_hd_import_draft_finish    (HdImportDraft  *draft,
                                           GError        **error);

/* Reading the document.  Each names the member at fault by its JSON Pointer
 * (@pointer is the pointer of @object).  Absent and null are the same; with
 * @required they fail with "required field missing". */
gboolean       _hd_import_get_object      (JsonObject     *object,
                                           const char     *pointer,
                                           const char     *member,
                                           gboolean        required,
                                           JsonObject    **out,
                                           GError        **error);
gboolean       _hd_import_get_array       (JsonObject     *object,
                                           const char     *pointer,
                                           const char     *member,
                                           gboolean        required,
                                           JsonArray     **out,
                                           GError        **error);
/* Strings longer than the packet's string limit fail with HD_ERROR_LIMIT. */
gboolean       _hd_import_get_string      (JsonObject     *object,
                                           const char     *pointer,
                                           const char     *member,
                                           gboolean        required,
                                           const char    **out,
                                           GError        **error);
/* @out is left alone when the member is absent. */
gboolean       _hd_import_get_number      (JsonObject     *object,
                                           const char     *pointer,
                                           const char     *member,
                                           gboolean        required,
                                           double         *out,
                                           GError        **error);
/* Lenient lookups for what may be absent or of another type (then NULL or
 * @fallback), never a critical warning whatever the document holds. */
const char    *_hd_import_lookup_string   (JsonObject     *object,
                                           const char     *member);
JsonObject    *_hd_import_lookup_object   (JsonObject     *object,
                                           const char     *member);
double         _hd_import_lookup_number   (JsonObject     *object,
                                           const char     *member,
                                           double          fallback);
gboolean       _hd_import_lookup_boolean  (JsonObject     *object,
                                           const char     *member,
                                           gboolean        fallback);
/* An element of an array that must be an object. */
JsonObject    *_hd_import_array_object    (JsonArray      *array,
                                           guint           index,
                                           const char     *pointer,
                                           GError        **error);
/* @pointer + "/" + @member, escaped as RFC 6901 wants. */
char          *_hd_import_pointer         (const char     *pointer,
                                           const char     *member);
void           _hd_import_fail            (GError        **error,
                                           const char     *pointer,
                                           const char     *member,
                                           const char     *reason);

/* A scalar JSON value as text ("12", "true", "Mumbai"); NULL for null,
 * objects, and arrays other than of scalars (joined with ", "). */
char          *_hd_import_scalar_text     (JsonNode       *node);
/* The last segment of a resource name: ".../sessions/abc" → "abc". */
const char    *_hd_import_last_segment    (const char     *name);
/* The segment after @collection in a resource name, or NULL (new string). */
char          *_hd_import_path_segment    (const char     *name,
                                           const char     *collection);
/* An intent or action that asks for a person ("human_handoff",
 * "SpeakToAgent", "Talk to agent"), in any case. */
gboolean       _hd_import_is_handoff_name (const char     *name);
/* Rasa's small-talk intents ("greet", "inform", ...): never the intent an
 * escalation is about. */
gboolean       _hd_import_is_small_talk   (const char     *name);
/* Any ISO 8601 time with a zone (Salesforce's "+0000" included); NULL else. */
GDateTime     *_hd_import_parse_time      (const char     *text);
GDateTime     *_hd_import_time_from_unix  (double          seconds);
/* A document read with the bounded parser and the importers' limits. */
JsonNode      *_hd_import_parse_json      (const char     *data,
                                           gsize           len,
                                           const char     *pointer,
                                           GError        **error);

/* The importers.  @root is the document's top object. */
JsonNode      *_hd_import_rasa_tracker    (JsonObject     *root,
                                           GDateTime      *now,
                                           GError        **error);
JsonNode      *_hd_import_dialogflow_cx_webhook (JsonObject *root,
                                                 GDateTime  *now,
                                                 GError    **error);
JsonNode      *_hd_import_dialogflow_cx_conversation (JsonObject *root,
                                                      GDateTime  *now,
                                                      GError    **error);
JsonNode      *_hd_import_lex_v2_event    (JsonObject     *root,
                                           GDateTime      *now,
                                           GError        **error);
JsonNode      *_hd_import_lex_v2_logs     (JsonObject     *root,
                                           GDateTime      *now,
                                           GError        **error);
JsonNode      *_hd_import_salesforce_composite (JsonObject *root,
                                                GDateTime  *now,
                                                GError    **error);

/* The Salesforce Messaging records beside the session and its legacy
 * transcript (hd-import-salesforce-context.c): the context fields a bot or
 * flow wrote on the MessagingSession, ConversationContextEntry rows, the
 * Connect REST entries of an enhanced channel, the linked Case and the
 * person account. */
void           _hd_import_salesforce_take_key        (HdImportDraft *draft,
                                                      const char    *key,
                                                      const char    *value);
gboolean       _hd_import_salesforce_session_fields  (HdImportDraft *draft,
                                                      JsonObject    *session,
                                                      const char    *pointer,
                                                      GError       **error);
gboolean       _hd_import_salesforce_context_entries (HdImportDraft *draft,
                                                      JsonArray     *records,
                                                      const char    *pointer,
                                                      GError       **error);
gboolean       _hd_import_salesforce_connect_entries (HdImportDraft *draft,
                                                      JsonArray     *entries,
                                                      const char    *pointer,
                                                      GError       **error);
gboolean       _hd_import_salesforce_case            (HdImportDraft *draft,
                                                      JsonObject    *record,
                                                      const char    *pointer,
                                                      GError       **error);
gboolean       _hd_import_salesforce_account         (HdImportDraft *draft,
                                                      JsonObject    *record,
                                                      const char    *pointer,
                                                      GError       **error);

G_END_DECLS
