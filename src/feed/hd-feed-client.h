/* hd-feed-client.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-feed-protocol.h"
#include "hd-queue.h"

G_BEGIN_DECLS

typedef enum
{
  HD_FEED_CLIENT_STATE_DISCONNECTED = 0, /* not started, or stopped */
  HD_FEED_CLIENT_STATE_CONNECTING,       /* first attempt after start () */
  HD_FEED_CLIENT_STATE_CONNECTED,        /* welcome received, offers flow */
  HD_FEED_CLIENT_STATE_RECONNECTING,     /* the connection was lost; backing off, will retry */
  HD_FEED_CLIENT_STATE_UNREACHABLE,      /* the last attempt failed; backing off, will retry */
  HD_FEED_CLIENT_STATE_AUTH_FAILED,      /* the token was refused; no retry until start () */
  HD_FEED_CLIENT_STATE_INCOMPATIBLE,     /* not a feed endpoint of this protocol; no retry */
} HdFeedClientState;

#define HD_TYPE_FEED_CLIENT_STATE (hd_feed_client_state_get_type ())
GType hd_feed_client_state_get_type (void) G_GNUC_CONST;

#define HD_TYPE_FEED_CLIENT (hd_feed_client_get_type ())

G_DECLARE_FINAL_TYPE (HdFeedClient, hd_feed_client, HD, FEED_CLIENT, GObject)

/* The assignment feed client (docs/feed-protocol.md).  It connects to a
 * routing layer over a WebSocket, says hello, watches heartbeats (the
 * connection is dead after two missed ones), reconnects with capped
 * exponential backoff and full jitter, and resumes after the last sequence it
 * applied.  Offers reach the HdQueue exactly once whatever reconnects,
 * replays and duplicate frames happen (sequence numbers, then handoff ids).
 * After each batch of frames it writes the last applied sequence to
 * "state-path" durably (hd_durable_write_file (): write, fsync, rename,
 * fsync of the folder), then acknowledges it, so a restarted app resumes
 * too.
 *
 * Bad frames (malformed, unknown type, over "max-frame-size", an offer whose
 * packet fails validation) are counted in "frames-rejected", logged with
 * g_message (they are the router's fault, not ours) and announced with the
 * "notice" signal, whose argument is a translated sentence for a toast.  The
 * connection and the other offers carry on.
 *
 * Construct properties: "url" (ws:// or wss://), "agent-id", "token"
 * (write-only, also settable later; never logged or stored), "state-path"
 * (nullable: nothing persisted), "queue" (nullable: a new HdQueue).
 * Read-only: "state" (HdFeedClientState), "connected-since" (GDateTime,
 * NULL unless connected), "reconnects", "frames-rejected",
 * "duplicates-dropped", "last-error" (translated, or NULL), "last-seq",
 * "relays-agent-messages" (from welcome), "heartbeat-ms" (from welcome),
 * "next-retry-at" (GDateTime while backing off).
 * Tunable: "max-frame-size" (default HD_FEED_DEFAULT_MAX_FRAME, 8 MiB +
 * 64 KiB), "backoff-initial-ms" (500), "backoff-max-ms" (30000),
 * "ack-delay-ms" (100), "request-timeout-ms" (15000), "capacity" (1),
 * "languages" (strv).
 *
 * Frames above HD_FEED_ASYNC_DECODE_BYTES are decoded (JSON and packet) in a
 * worker thread; every frame is applied on the client's thread, in arrival
 * order.  A big offer is queued as soon as it is decoded; its preparer then
 * runs in a worker, and "offer-presented" follows (see
 * hd_feed_client_is_presenting ()), before any later frame is applied and
 * before its sequence number is acknowledged.  A big offer's JSON is freed
 * by a worker once presented, so "offer-presented" lends its packet object
 * for the emission only.
 *
 * Signals: "notice" (const char *message); "queue-snapshot" and
 * "queue-event" (JsonObject *body) for supervisors; "offer-presented"
 * (HdHandoff *, JsonObject *packet), once per handoff, and "turn-appended"
 * (HdHandoff *, JsonObject *turn), for the event journal.
 *
 * Everything runs on the thread-default main context of the thread that
 * created the client. */

HdFeedClient      *hd_feed_client_new                 (const char    *url,
                                                       const char    *agent_id,
                                                       const char    *token,
                                                       const char    *state_path,
                                                       HdQueue       *queue);

void               hd_feed_client_start               (HdFeedClient  *self);
/* Closes the connection, flushes the state file, fails pending requests. */
void               hd_feed_client_stop                (HdFeedClient  *self);

HdQueue           *hd_feed_client_get_queue           (HdFeedClient  *self);

/* Work on an offer's packet too slow for the client's thread (journaling a
 * 10,000-turn packet): @func runs before "offer-presented", where the offer
 * is decoded for a small frame (before the offer is queued) and in a worker
 * for a frame above HD_FEED_ASYNC_DECODE_BYTES (once the offer is queued).
 * It may only read @packet; it must be thread-safe, as must @user_data,
 * which must outlive the client.  Its result is freed with @result_free, in
 * any thread. */
typedef gpointer (*HdFeedOfferPrepareFunc) (JsonObject *packet,
                                            gpointer    user_data);
void               hd_feed_client_set_offer_preparer  (HdFeedClient           *self,
                                                       HdFeedOfferPrepareFunc  func,
                                                       gpointer                user_data,
                                                       GDestroyNotify          result_free);
/* During "offer-presented": what the preparer made of that offer, or NULL. */
gpointer           hd_feed_client_get_offer_prepared  (HdFeedClient           *self);
/* TRUE while a big offer is in the queue but its "offer-presented" is still
 * to come (its preparer is running): a journal keeping the feed's order
 * holds what else happens meanwhile until then. */
gboolean           hd_feed_client_is_presenting       (HdFeedClient           *self);
/* While a sequenced message is being applied (its offer presented, its
 * turns appended, its state change made): its stream and seq, for a
 * journal that records what it has presented.  FALSE otherwise. */
gboolean           hd_feed_client_get_applying        (HdFeedClient           *self,
                                                       const char            **stream_id,
                                                       gint64                 *seq);
/* What the journal already holds, before start (): @streams maps stream id
 * → highest seq journaled (gint64 *), @last_stream is the newest one.  The
 * client resumes after the journal where it is ahead of the state file (a
 * crash before the debounced write), and a welcome switching to a stream
 * the journal knows resumes after its journaled seq, not from 0: a
 * replayed seq already journaled is dropped. */
void               hd_feed_client_set_journaled       (HdFeedClient           *self,
                                                       GHashTable             *streams,
                                                       const char             *last_stream);
/* Called before the client persists and acknowledges a sequence number:
 * whatever the application made durable of the messages up to it (a
 * journal) must be on disk first, or a power cut after the ack would lose
 * what the router will never send again.  Returning FALSE (with @error
 * set) holds the state file and the ack back until the next try. */
typedef gboolean (*HdFeedClientCommitFunc) (gpointer   user_data,
                                            GError   **error);
void               hd_feed_client_set_commit_func     (HdFeedClient           *self,
                                                       HdFeedClientCommitFunc  func,
                                                       gpointer                user_data);
HdFeedClientState  hd_feed_client_get_state           (HdFeedClient  *self);
GDateTime         *hd_feed_client_get_connected_since (HdFeedClient  *self);
guint              hd_feed_client_get_reconnects      (HdFeedClient  *self);
guint              hd_feed_client_get_frames_rejected (HdFeedClient  *self);
guint              hd_feed_client_get_duplicates_dropped (HdFeedClient *self);
const char        *hd_feed_client_get_last_error      (HdFeedClient  *self);
gint64             hd_feed_client_get_last_seq        (HdFeedClient  *self);
gboolean           hd_feed_client_get_relays_agent_messages (HdFeedClient *self);
/* A new token (after "auth-failed"); used from the next connection on, so
 * call hd_feed_client_start () again. */
void               hd_feed_client_set_token           (HdFeedClient  *self,
                                                       const char    *token);
void               hd_feed_client_set_backoff         (HdFeedClient  *self,
                                                       guint          initial_ms,
                                                       guint          max_ms);

/* Requests.  Each completes when the routing layer confirms ("assigned",
 * "declined", "wrapped_up", or the update carrying the agent's turn), and
 * the queue item changes state only then.  They fail with HD_ERROR_CONFLICT
 * when the router refuses (the offer is gone), HD_ERROR_IO when the
 * connection is down or drops first, or no answer comes in time. */
void               hd_feed_client_accept_async        (HdFeedClient        *self,
                                                       const char          *handoff_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           hd_feed_client_accept_finish       (HdFeedClient        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void               hd_feed_client_decline_async       (HdFeedClient        *self,
                                                       const char          *handoff_id,
                                                       const char          *reason,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           hd_feed_client_decline_finish      (HdFeedClient        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void               hd_feed_client_send_agent_message_async  (HdFeedClient        *self,
                                                             const char          *handoff_id,
                                                             const char          *text,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean           hd_feed_client_send_agent_message_finish (HdFeedClient        *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);
void               hd_feed_client_wrap_up_async       (HdFeedClient        *self,
                                                       const char          *handoff_id,
                                                       const char          *disposition,
                                                       const char          *notes,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           hd_feed_client_wrap_up_finish      (HdFeedClient        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The same with the outcome the agent states ("resolved"), which the
 * first-contact-resolution KPI needs; finish with
 * hd_feed_client_wrap_up_finish (). */
void               hd_feed_client_wrap_up_full_async  (HdFeedClient        *self,
                                                       const char          *handoff_id,
                                                       const char          *disposition,
                                                       const char          *notes,
                                                       HdFeedResolution     resolution,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);

/* A one-click handoff-quality report ("asked customer to repeat",
 * "re-verified", "transferred to queue X"), or one the app detected
 * (@automatic, e.g. by hd_repeat_detect ()).  Completes when the routing
 * layer answers "signal_recorded".  @to_queue is required for
 * HD_QUALITY_REPORT_TRANSFERRED; @detail is optional ("identity",
 * "card_type,city").  HdSession journals it too (HD_EVENT_SIGNAL). */
void     hd_feed_client_send_quality_report_async  (HdFeedClient        *self,
                                                    const char          *handoff_id,
                                                    HdQualityReport      report,
                                                    const char          *to_queue,
                                                    const char          *detail,
                                                    gboolean             automatic,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean hd_feed_client_send_quality_report_finish (HdFeedClient        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/* Supervisor drill-down: the routing layer's current packet of any handoff,
 * as a new HdHandoff for a read-only pane.  Fails with HD_ERROR_CONFLICT
 * when the router does not know it, HD_ERROR_PARSE when its packet does not
 * validate. */
void               hd_feed_client_fetch_handoff_async (HdFeedClient        *self,
                                                       const char          *handoff_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
HdHandoff         *hd_feed_client_fetch_handoff_finish (HdFeedClient       *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

/* Fire and forget; remembered and sent again after every reconnect. */
void               hd_feed_client_set_status          (HdFeedClient        *self,
                                                       HdFeedAgentStatus    status);
void               hd_feed_client_subscribe_queues    (HdFeedClient        *self,
                                                       const char * const  *queue_ids);

G_END_DECLS
