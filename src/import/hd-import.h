/* hd-import.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hd-packet.h"

G_BEGIN_DECLS

/* Importers: each bot platform's own record of a conversation turned into a
 * handoff context packet (docs/import/).  Headless and pure: no I/O, safe
 * from any thread.
 *
 * The document is untrusted: it is read with hd_bounded_json_parse () (and so
 * is every JSON string embedded in it, such as the messages of CloudWatch log
 * events), at most HD_IMPORT_MAX_BYTES, and an importer that cannot use it
 * fails with an HD_ERROR whose message is "<JSON Pointer into the document>:
 * <reason>", like the packet parser's.  Text, entities and case fields are
 * masked exactly as the packet parser masks them, before the packet JSON is
 * returned, so the JSON never holds a full card or account number. */

/* The platform a document comes from, as the user names it. */
typedef enum
{
  HD_IMPORT_SOURCE_ANY = 0,       /* recognise it from the document */
  HD_IMPORT_SOURCE_PACKET,        /* already a HandoffDesk packet */
  HD_IMPORT_SOURCE_RASA,
  HD_IMPORT_SOURCE_DIALOGFLOW_CX,
  HD_IMPORT_SOURCE_LEX_V2,
  HD_IMPORT_SOURCE_SALESFORCE,
} HdImportSource;

/* The document kinds within the platforms. */
typedef enum
{
  HD_IMPORT_FORMAT_UNKNOWN = 0,
  HD_IMPORT_FORMAT_PACKET,
  HD_IMPORT_FORMAT_RASA_TRACKER,              /* GET /conversations/{id}/tracker */
  HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK,     /* WebhookRequest */
  HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION,/* v3beta1 GetConversation */
  HD_IMPORT_FORMAT_LEX_V2_EVENT,              /* Lambda input event */
  HD_IMPORT_FORMAT_LEX_V2_LOGS,               /* CloudWatch Logs FilterLogEvents */
  HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE,      /* Composite API response */
} HdImportFormat;

#define HD_IMPORT_MAX_BYTES ((gsize) 8 * 1024 * 1024)

/* "rasa", "dialogflow-cx", "lex-v2", "salesforce", "packet" (and "any").
 * FALSE for an unknown name. */
gboolean        hd_import_source_from_string (const char      *name,
                                              HdImportSource  *source);
const char     *hd_import_source_to_string   (HdImportSource   source);
/* "rasa-tracker", "dialogflow-cx-webhook", ... */
const char     *hd_import_format_to_string   (HdImportFormat   format);

/* Turns @document into packet JSON (a new object node).  @source names the
 * platform, or HD_IMPORT_SOURCE_ANY; within a platform the kind of document
 * is recognised.  @now (nullable: the current time) stamps what the
 * platform's record has no time for (a webhook request carries none).
 * @format (nullable) receives the kind of document read.  A packet is
 * returned as it is, unmasked: the packet parser masks it like any other. */
JsonNode       *hd_import_to_json            (GBytes          *document,
                                              HdImportSource   source,
                                              GDateTime       *now,
                                              HdImportFormat  *format,
                                              GError         **error);

/* The same, parsed into a validated, masked HdPacket. */
HdPacket       *hd_import_packet             (GBytes          *document,
                                              HdImportSource   source,
                                              GDateTime       *now,
                                              HdImportFormat  *format,
                                              GError         **error);

G_END_DECLS
