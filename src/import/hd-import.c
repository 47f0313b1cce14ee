/* hd-import.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-error.h"
#include "hd-import-private.h"
#include "hd-packet-parser.h"

/* Recognising a document and handing it to its platform's importer.  The
 * shapes are told apart by members only one of them has, so a bot team can
 * post whatever their platform gives them. */

static const struct
{
  const char     *name;
  HdImportSource  source;
} source_names[] = {
  { "any", HD_IMPORT_SOURCE_ANY },
  { "packet", HD_IMPORT_SOURCE_PACKET },
  { "rasa", HD_IMPORT_SOURCE_RASA },
  { "dialogflow-cx", HD_IMPORT_SOURCE_DIALOGFLOW_CX },
  { "lex-v2", HD_IMPORT_SOURCE_LEX_V2 },
  { "salesforce", HD_IMPORT_SOURCE_SALESFORCE },
};

gboolean
hd_import_source_from_string (const char     *name,
                              HdImportSource *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    if (name != NULL && g_str_equal (name, source_names[i].name))
      {
        *source = source_names[i].source;
        return TRUE;
      }
  return FALSE;
}

const char *
hd_import_source_to_string (HdImportSource source)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    if (source_names[i].source == source)
      return source_names[i].name;
  return "any";
}

const char *
hd_import_format_to_string (HdImportFormat format)
{
  switch (format)
    {
    case HD_IMPORT_FORMAT_PACKET: return "packet";
    case HD_IMPORT_FORMAT_RASA_TRACKER: return "rasa-tracker";
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK: return "dialogflow-cx-webhook";
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION: return "dialogflow-cx-conversation";
    case HD_IMPORT_FORMAT_LEX_V2_EVENT: return "lex-v2-event";
    case HD_IMPORT_FORMAT_LEX_V2_LOGS: return "lex-v2-logs";
    case HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE: return "salesforce-composite";
    case HD_IMPORT_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

static HdImportSource
get_source (HdImportFormat format)
{
  switch (format)
    {
    case HD_IMPORT_FORMAT_PACKET: return HD_IMPORT_SOURCE_PACKET;
    case HD_IMPORT_FORMAT_RASA_TRACKER: return HD_IMPORT_SOURCE_RASA;
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK:
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION: return HD_IMPORT_SOURCE_DIALOGFLOW_CX;
    case HD_IMPORT_FORMAT_LEX_V2_EVENT:
    case HD_IMPORT_FORMAT_LEX_V2_LOGS: return HD_IMPORT_SOURCE_LEX_V2;
    case HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE: return HD_IMPORT_SOURCE_SALESFORCE;
    case HD_IMPORT_FORMAT_UNKNOWN:
    default:
      return HD_IMPORT_SOURCE_ANY;
    }
}

static HdImportFormat
recognise (JsonObject *root)
{
  JsonNode *events = json_object_get_member (root, "events");

  if (json_object_has_member (root, "schema_version"))
    return HD_IMPORT_FORMAT_PACKET;
  if (json_object_has_member (root, "compositeResponse"))
    return HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE;
  if (json_object_has_member (root, "sender_id") && events != NULL)
    return HD_IMPORT_FORMAT_RASA_TRACKER;
  if (json_object_has_member (root, "interactions"))
    return HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION;
  if (json_object_has_member (root, "sessionInfo") ||
      json_object_has_member (root, "detectIntentResponseId") ||
      json_object_has_member (root, "fulfillmentInfo"))
    return HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK;
  if (json_object_has_member (root, "sessionState") &&
      (json_object_has_member (root, "invocationSource") ||
       json_object_has_member (root, "interpretations")))
    return HD_IMPORT_FORMAT_LEX_V2_EVENT;
  /* FilterLogEvents: events whose "message" is text, unlike a tracker's. */
  if (events != NULL && JSON_NODE_HOLDS_ARRAY (events) &&
      (json_object_has_member (root, "searchedLogStreams") ||
       json_array_get_length (json_node_get_array (events)) == 0 ||
       (JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (events), 0)) &&
        json_object_has_member (json_node_get_object (json_array_get_element (json_node_get_array (events), 0)),
                                "message"))))
    return HD_IMPORT_FORMAT_LEX_V2_LOGS;
  return HD_IMPORT_FORMAT_UNKNOWN;
}

static const char *
describe_expected (HdImportSource source)
{
  switch (source)
    {
    case HD_IMPORT_SOURCE_PACKET:
      return _("a HandoffDesk packet (no \"schema_version\")");
    case HD_IMPORT_SOURCE_RASA:
      return _("a Rasa tracker from GET /conversations/{id}/tracker (no \"sender_id\" and \"events\")");
    case HD_IMPORT_SOURCE_DIALOGFLOW_CX:
      return _("a Dialogflow CX webhook request (no \"sessionInfo\") or conversation (no \"interactions\")");
    case HD_IMPORT_SOURCE_LEX_V2:
      return _("an Amazon Lex V2 Lambda input event (no \"sessionState\") or FilterLogEvents response (no \"events\" with a \"message\")");
    case HD_IMPORT_SOURCE_SALESFORCE:
      return _("a Salesforce Composite API response (no \"compositeResponse\")");
    case HD_IMPORT_SOURCE_ANY:
    default:
      return _("a packet or a document of a known bot platform (see docs/import)");
    }
}

JsonNode *
hd_import_to_json (GBytes          *document,
                   HdImportSource   source,
                   GDateTime       *now,
                   HdImportFormat  *format,
                   GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) stamp = NULL;
  HdImportFormat found;
  JsonObject *object;
  gsize len;
  const char *data;

  g_return_val_if_fail (document != NULL, NULL);

  if (format != NULL)
    *format = HD_IMPORT_FORMAT_UNKNOWN;
  data = g_bytes_get_data (document, &len);
  if (len == 0)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("the document is empty"));
      return NULL;
    }
  if ((root = _hd_import_parse_json (data, len, "", error)) == NULL)
    return NULL;

  object = json_node_get_object (root);
  found = recognise (object);
  if (found == HD_IMPORT_FORMAT_UNKNOWN ||
      (source != HD_IMPORT_SOURCE_ANY && get_source (found) != source))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("the document is not %s"),
                   describe_expected (source));
      return NULL;
    }
  if (format != NULL)
    *format = found;

  stamp = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  switch (found)
    {
    case HD_IMPORT_FORMAT_PACKET:
      return g_steal_pointer (&root);
    case HD_IMPORT_FORMAT_RASA_TRACKER:
      return _hd_import_rasa_tracker (object, stamp, error);
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_WEBHOOK:
      return _hd_import_dialogflow_cx_webhook (object, stamp, error);
    case HD_IMPORT_FORMAT_DIALOGFLOW_CX_CONVERSATION:
      return _hd_import_dialogflow_cx_conversation (object, stamp, error);
    case HD_IMPORT_FORMAT_LEX_V2_EVENT:
      return _hd_import_lex_v2_event (object, stamp, error);
    case HD_IMPORT_FORMAT_LEX_V2_LOGS:
      return _hd_import_lex_v2_logs (object, stamp, error);
    case HD_IMPORT_FORMAT_SALESFORCE_COMPOSITE:
      return _hd_import_salesforce_composite (object, stamp, error);
    case HD_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

HdPacket *
hd_import_packet (GBytes          *document,
                  HdImportSource   source,
                  GDateTime       *now,
                  HdImportFormat  *format,
                  GError         **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  HdImportFormat found = HD_IMPORT_FORMAT_UNKNOWN;
  HdPacket *packet;

  g_return_val_if_fail (document != NULL, NULL);

  node = hd_import_to_json (document, source, now, &found, error);
  if (format != NULL)
    *format = found;
  if (node == NULL)
    return NULL;
  packet = hd_packet_parse_node (node, NULL, &local_error);
  if (packet == NULL)
    {
      /* A packet the importer built and the parser refused is a bug of the
       * importer; a packet posted as it is, the sender's. */
      if (found != HD_IMPORT_FORMAT_PACKET)
        g_prefix_error (&local_error, _("the imported packet is invalid: "));
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return packet;
}
