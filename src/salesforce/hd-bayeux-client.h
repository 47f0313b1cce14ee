/* hd-bayeux-client.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-sf-auth.h"

G_BEGIN_DECLS

typedef enum
{
  HD_BAYEUX_STATE_STOPPED = 0,   /* not started, or stopped */
  HD_BAYEUX_STATE_CONNECTING,    /* handshake and subscriptions under way */
  HD_BAYEUX_STATE_CONNECTED,     /* subscribed; the connect loop runs */
  HD_BAYEUX_STATE_BACKING_OFF,   /* a network failure; a new handshake is due */
  HD_BAYEUX_STATE_AUTH_FAILED,   /* Salesforce refused the session after a refresh */
  HD_BAYEUX_STATE_FAILED,        /* Salesforce said not to reconnect; no retry until start () */
} HdBayeuxState;

/* The replay presets of the replay extension (SALESFORCE.md §6.1). */
#define HD_BAYEUX_REPLAY_TIP      ((gint64) -1)
#define HD_BAYEUX_REPLAY_EARLIEST ((gint64) -2)

/* A response larger than this is refused as an error (a connect can carry
 * a batch of events; each of ours is a few hundred bytes). */
#define HD_BAYEUX_DEFAULT_MAX_RESPONSE (4 * 1024 * 1024)

#define HD_TYPE_BAYEUX_CLIENT (hd_bayeux_client_get_type ())
G_DECLARE_FINAL_TYPE (HdBayeuxClient, hd_bayeux_client, HD, BAYEUX_CLIENT, GObject)

/* A Salesforce Streaming API client (CometD / Bayeux 1.0 over HTTP
 * long-polling, SALESFORCE.md §6.1): POST {instance}/cometd/{version} with
 * one message per request, `Authorization: Bearer` from the signed-in
 * HdSfAuth (no sign-in of its own), cookies kept (the `sfdc-stream` cookie
 * pins the load balancer).  Handshake with the replay extension, subscribe
 * each channel with its replayId, then the connect loop, obeying `advice`
 * (reconnect retry/handshake/none, interval, timeout).  After events it
 * reconnects at once, well within Salesforce's 40 s.
 *
 * Recovery: `403::Unknown client` → a new handshake and the subscriptions
 * again; `401::Authentication invalid` (or `403::Handshake denied` whose
 * ext.sfdc.failureReason says 401) → one token refresh through HdSfAuth,
 * then a new handshake; a second refusal in a row stops with
 * HD_BAYEUX_STATE_AUTH_FAILED.  A network failure, a timeout or an answer
 * that is not Bayeux → capped exponential backoff with full jitter, then a
 * new handshake.  A subscribe refused for an invalid replayId (past the
 * retention window) subscribes again from HD_BAYEUX_REPLAY_EARLIEST and
 * emits "replay-invalid".
 *
 * The replay position of each channel moves with every event emitted, so a
 * re-subscription in the same run resumes after the last event delivered.
 * The caller persists positions itself, after it has made an event durable,
 * and passes the stored one to hd_bayeux_client_subscribe () at start.
 * (From HD_BAYEUX_REPLAY_TIP, a re-subscription before the first event is
 * from the tip again: what was published in the gap is skipped, as with
 * any Salesforce client.  Start from a replayId or from
 * HD_BAYEUX_REPLAY_EARLIEST when nothing may be missed.)
 *
 * Every response is read with a size cap ("max-response-bytes") and parsed
 * with hd_bounded_json_parse (); anything malformed is an error in words
 * ("last-error"), never a crash.
 *
 * Signals:
 *   "event" (const char *channel, gint64 replay_id, JsonObject *data): an
 *           event's `data` ({"schema", "payload", "event": {"replayId"}}),
 *           in the order received.  Events without an integer
 *           data.event.replayId are dropped with a log line.
 *   "replay-invalid" (const char *channel, gint64 replay_id): the stored
 *           position was refused; older events may have been missed.
 *   "subscribe-refused" (const char *channel, const char *error): a
 *           subscription was refused for another reason (the Bayeux error,
 *           or NULL); the client then backs off and tries again, or stops
 *           when advice says so.  A handler may stop () the client instead.
 * Properties (read-only, notify): "state", "last-error", "n-handshakes". */

HdBayeuxClient *hd_bayeux_client_new            (HdSfAuth       *auth,
                                                 const char     *api_version);

/* Adds @channel ("/event/HandoffDesk_Event__e") with the position to
 * replay after: a stored replayId, or HD_BAYEUX_REPLAY_TIP or
 * HD_BAYEUX_REPLAY_EARLIEST.  Before start (). */
void            hd_bayeux_client_subscribe      (HdBayeuxClient *self,
                                                 const char     *channel,
                                                 gint64          replay_id);
gint64          hd_bayeux_client_get_replay_id  (HdBayeuxClient *self,
                                                 const char     *channel);

void            hd_bayeux_client_start          (HdBayeuxClient *self);
/* Cancels what is in flight and says /meta/disconnect (not waited for). */
void            hd_bayeux_client_stop           (HdBayeuxClient *self);

HdBayeuxState   hd_bayeux_client_get_state      (HdBayeuxClient *self);
const char     *hd_bayeux_client_get_last_error (HdBayeuxClient *self);
const char     *hd_bayeux_client_get_client_id  (HdBayeuxClient *self);
guint           hd_bayeux_client_get_n_handshakes (HdBayeuxClient *self);
guint           hd_bayeux_client_get_n_refreshes  (HdBayeuxClient *self);

/* Tuning, for tests: backoff bounds (500 ms, 30 s), how long a request
 * other than connect may take (30 s), and what a connect may take beyond
 * the server's advice.timeout (15 s). */
void            hd_bayeux_client_set_backoff    (HdBayeuxClient *self,
                                                 guint           initial_ms,
                                                 guint           max_ms);
void            hd_bayeux_client_set_timeouts   (HdBayeuxClient *self,
                                                 guint           request_ms,
                                                 guint           poll_margin_ms);
void            hd_bayeux_client_set_max_response_bytes (HdBayeuxClient *self,
                                                         gsize           max_bytes);

/* Classifies a Bayeux error string ("403::Unknown client"): its code (403)
 * and whether it is the invalid-replayId refusal.  Exposed for tests. */
guint           hd_bayeux_error_code            (const char     *error);
gboolean        hd_bayeux_error_is_invalid_replay (const char   *error);

G_END_DECLS
