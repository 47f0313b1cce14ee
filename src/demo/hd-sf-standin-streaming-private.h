/* hd-sf-standin-streaming-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-sf-standin-private.h"
#include "hd-sf-standin-streaming.h"

G_BEGIN_DECLS

/* Shared by hd-sf-standin-streaming.c (the Bayeux endpoint and the event
 * bus), hd-sf-standin-handoffs.c (Handoff__c, the request events and the
 * routing flow that answers them) and hd-sf-standin-turns.c
 * (Handoff_Turn__c and the `update` events). */

typedef struct
{
  char       *channel;
  gint64      replay_id;
  gint64      published_us;   /* monotonic */
  JsonObject *data;           /* {"schema", "payload", "event": {"replayId"}} */
} StreamEvent;

typedef struct _HdSfStandinStreaming
{
  GHashTable *clients;          /* clientId → StreamClient */
  GPtrArray  *log;              /* of StreamEvent, in replayId order */
  gint64      last_replay_id;
  guint       connect_timeout_ms;
  guint       client_expiry_ms;
  gint64      retention_ms;
  guint       drop_connects;
  guint       n_handshakes;
  gint64      next_commit;      /* CaseChangeEvent commitNumber */

  GHashTable *handoffs;         /* Handoff__c id → JsonObject */
  GPtrArray  *turns;            /* Handoff_Turn__c JsonObject, in creation order */
  guint       turn_page_size;   /* records per page of a Handoff_Turn__c query (2000) */
  GHashTable *turn_cursors;     /* query locator → GPtrArray of the JsonNode records left */
  guint       next_cursor;
  GPtrArray  *request_log;      /* of char * */
  guint       next_record;
} HdSfStandinStreaming;

HdSfStandinStreaming *_hd_sf_standin_streaming_new  (void);
void     _hd_sf_standin_streaming_free              (HdSfStandinStreaming *streaming);
void     _hd_sf_standin_streaming_stop              (HdSfStandin *self);
void     _hd_sf_standin_cometd_handler              (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data);
/* Answers the Handoff__c and HandoffDesk_Request__e calls of the data
 * API; FALSE for anything else. */
gboolean _hd_sf_standin_streaming_handle_data       (HdSfStandin *self, SoupServerMessage *msg, Session *session, const char *version, const char *rest, GHashTable *query);

/* hd-sf-standin-handoffs.c: the Handoff__c record of @handoff_id, or NULL. */
JsonObject *_hd_sf_standin_find_handoff             (HdSfStandin *self, const char *handoff_id);

/* hd-sf-standin-turns.c: answers a SOQL query of Handoff_Turn__c and the
 * sobjects/Handoff_Turn__c calls (under the parent's Private sharing);
 * FALSE for anything else. */
gboolean _hd_sf_standin_turns_handle_data           (HdSfStandin *self, SoupServerMessage *msg, Session *session, const char *version, const char * const *parts, GHashTable *query);

G_END_DECLS
