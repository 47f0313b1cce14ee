/* hd-sf-standin-streaming.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-sf-standin.h"

G_BEGIN_DECLS

/* The stand-in's Streaming API (SALESFORCE.md §6.1) and the org side of the
 * Salesforce binding of the assignment feed (docs/feed-protocol.md,
 * "Salesforce binding"):
 *
 *   POST /cometd/NN.N   Bayeux 1.0 over long-polling only: one message per
 *                       request (a batch is refused), a body over 32,768
 *                       bytes → 413, `Authorization: Bearer` checked (an
 *                       expired token: `403::Handshake denied` with
 *                       ext.sfdc.failureReason `401::Authentication
 *                       invalid` on handshake, `401::Authentication invalid`
 *                       with advice reconnect none elsewhere), the
 *                       `sfdc-stream` cookie set on handshake and required
 *                       after it, `403::Unknown client` for a client it does
 *                       not know (forgotten, expired, or without its cookie),
 *                       the replay extension (ext.replay on handshake, a map
 *                       channel → replayId on subscribe, data.event.replayId
 *                       on every event; -1 tip, -2 everything retained),
 *                       `400::The replayId {N} you provided was invalid…`
 *                       for a replayId it no longer retains.  A connect is
 *                       held until an event comes or the connect timeout
 *                       (110 s) passes; a client that does not reconnect
 *                       within the expiry (40 s) is forgotten.  replayIds
 *                       are opaque and not contiguous.
 *   GET  /services/data/vNN.N/sobjects/Handoff__c/<id>[?fields=a,b]
 *                       under Private sharing: a record the caller does not
 *                       own is NOT_FOUND (404), as Salesforce answers.
 *   GET  /services/data/vNN.N/query?q=SELECT … FROM Handoff_Turn__c …
 *                       the transcript turns, Master-Detail children of
 *                       Handoff__c: only those of handoffs the caller owns
 *                       (another agent's query returns none); Sequence__c
 *                       written as a Number(18, 0), 3.0; more records than
 *                       the page size follow through nextRecordsUrl
 *                       (GET query/<locator>).
 *   POST /services/data/vNN.N/sobjects/HandoffDesk_Request__e
 *                       201 {"id": "e00…", "success": true, "errors": []};
 *                       after commit, the routing flow updates the
 *                       Handoff__c's Status__c and publishes an `answer`
 *                       HandoffDesk_Event__e to the event's creator; for a
 *                       `reply` it first inserts the agent's turn and
 *                       publishes an `update` with the Request_Id__c. */

#define HD_SF_STANDIN_EVENT_CHANNEL "/event/HandoffDesk_Event__e"
#define HD_SF_STANDIN_CDC_CASE_CHANNEL "/data/CaseChangeEvent"

/* Test controls: how long a connect is held (110,000 ms), how long a client
 * may go without reconnecting (40,000 ms), how long events are retained
 * (72 h). */
void         hd_sf_standin_set_streaming_timeouts (HdSfStandin *self,
                                                   guint        connect_timeout_ms,
                                                   guint        client_expiry_ms);
void         hd_sf_standin_set_retention_ms       (HdSfStandin *self,
                                                   gint64       retention_ms);
/* Whether Case is selected for Change Data Capture (TRUE): every Case
 * created or updated through the REST API or hd_sf_standin_edit_record ()
 * publishes a CaseChangeEvent on HD_SF_STANDIN_CDC_CASE_CHANNEL.  FALSE:
 * nothing is published and a subscription to it is refused with
 * `400::The channel you requested to subscribe to does not exist`. */
void         hd_sf_standin_set_cdc_enabled        (HdSfStandin *self,
                                                   gboolean     enabled);
/* Forgets every streaming client: the next request of each is answered
 * `403::Unknown client` (a load-balancer move). */
void         hd_sf_standin_forget_stream_clients  (HdSfStandin *self);
/* Closes the connection of the next @count connects without an answer, the
 * events they would have carried taken off the client's queue (a network
 * drop mid-response). */
void         hd_sf_standin_drop_connects          (HdSfStandin *self,
                                                   guint        count);
guint        hd_sf_standin_get_n_stream_handshakes (HdSfStandin *self);
guint        hd_sf_standin_get_n_stream_clients   (HdSfStandin *self);
/* The replayId of the last event published on any channel (the stand-in's
 * grow, though a client must not count on it). */
gint64       hd_sf_standin_get_last_replay_id     (HdSfStandin *self);

/* Publishes a platform event on @channel (its payload's field API names as
 * keys; CreatedDate and CreatedById are added) and returns its replayId. */
gint64       hd_sf_standin_publish_event          (HdSfStandin *self,
                                                   const char  *channel,
                                                   JsonObject  *payload,
                                                   const char  *created_by);

/* An access token for another user of the org (a colleague), as if they
 * had signed in: for tests of sharing. */
char        *hd_sf_standin_issue_access_token     (HdSfStandin *self,
                                                   const char  *user_id);

/* The routing flow's side: creates the Handoff__c (owner @agent_user_id,
 * Status__c Offered, Packet__c @packet_json) and publishes its `offer`.
 * Returns the record id. */
char        *hd_sf_standin_offer_handoff          (HdSfStandin *self,
                                                   const char  *agent_user_id,
                                                   const char  *handoff_id,
                                                   const char  *packet_json,
                                                   GDateTime   *expires_at);
/* Publishes a `revoke` or `expire` (@kind) with @reason and updates the
 * record's Status__c. */
void         hd_sf_standin_end_handoff            (HdSfStandin *self,
                                                   const char  *kind,
                                                   const char  *agent_user_id,
                                                   const char  *handoff_id,
                                                   const char  *reason);
/* A customer's (or bot's, or the agent's) message as the org's flows
 * record it: a Handoff_Turn__c of @handoff_id (Speaker__c @speaker,
 * Text__c @text, Spoken_At__c now, Request_Id__c @request_id, nullable)
 * with the next Sequence__c, then an `update` event to the handoff's owner.
 * Returns the sequence, 0 when there is no such handoff. */
guint        hd_sf_standin_add_turn               (HdSfStandin *self,
                                                   const char  *handoff_id,
                                                   const char  *speaker,
                                                   const char  *text,
                                                   const char  *request_id);
/* The two halves, for tests: a Handoff_Turn__c with @fields as given (any
 * values, valid or not) and the next Sequence__c, no event; and an
 * `update` for @handoff_id (@request_id nullable), returning its replayId. */
guint        hd_sf_standin_insert_turn            (HdSfStandin *self,
                                                   const char  *handoff_id,
                                                   JsonObject  *fields);
gint64       hd_sf_standin_publish_update         (HdSfStandin *self,
                                                   const char  *handoff_id,
                                                   const char  *request_id);
guint        hd_sf_standin_get_n_turns            (HdSfStandin *self,
                                                   const char  *handoff_id);
/* How many records a page of a Handoff_Turn__c query holds (2,000, as
 * Salesforce's default batch); the rest follow through nextRecordsUrl. */
void         hd_sf_standin_set_turn_page_size     (HdSfStandin *self,
                                                   guint        size);
/* HandoffDesk_Request__e events received, "accept h-1" ("status away" for
 * a status), in order. */
GStrv        hd_sf_standin_dup_request_log        (HdSfStandin *self);
/* The Status__c of the Handoff__c for @handoff_id, or NULL. */
const char  *hd_sf_standin_get_handoff_status     (HdSfStandin *self,
                                                   const char  *handoff_id);

G_END_DECLS
