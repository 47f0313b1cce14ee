/* hd-feed-client-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "hd-feed-client.h"
#include "hd-feed-stage-private.h"
#include "hd-packet-parser.h"

G_BEGIN_DECLS

/* Shared by hd-feed-client.c (the object, its properties and lifecycle),
 * hd-feed-client-connection.c (connecting, heartbeats, backoff, the state
 * file), hd-feed-client-messages.c (applying what the router sends) and
 * hd-feed-client-requests.c (accept, decline, agent messages, wrap-up). */

#define HD_FEED_CLIENT_STATE_FILE_VERSION 1
/* The state file holds a few short strings and a number; anything larger
 * is not one. */
#define HD_FEED_CLIENT_STATE_MAX_BYTES (64 * 1024)
/* Before the welcome names the real interval. */
#define HD_FEED_CLIENT_DEFAULT_HEARTBEAT_MS 15000

typedef struct
{
  HdFeedClient      *client;      /* unowned: requests die with the client */
  GTask             *task;        /* owned */
  char              *request_id;
  char              *handoff_id;
  HdFeedMessageType  type;
  GSource           *timeout;     /* owned */
} Request;

struct _HdFeedClient
{
  GObject                  parent_instance;

  /* Configuration. */
  char                    *url;
  char                    *agent_id;
  char                    *token;          /* owned; never logged */
  char                    *state_path;
  HdQueue                 *queue;          /* owned */
  HdFeedOfferPrepareFunc   prepare_offer;  /* nullable */
  gpointer                 prepare_data;
  GDestroyNotify           prepared_free;
  gpointer                 prepared;       /* during "offer-presented" only */
  HdFeedClientCommitFunc   commit;         /* nullable */
  gpointer                 commit_data;
  gboolean                 commit_failing; /* warned once until it works again */
  HdFeedStageFunc          stage_func;     /* nullable: the crash tests' hook */
  gpointer                 stage_data;
  gsize                    max_frame_size;
  guint                    backoff_initial_ms;
  guint                    backoff_max_ms;
  guint                    ack_delay_ms;
  guint                    request_timeout_ms;
  guint                    capacity;
  char                   **languages;
  HdPacketLimits           limits;

  /* Connection. */
  GMainContext            *context;        /* owned */
  SoupSession             *session;        /* owned */
  GCancellable            *connect_cancellable;  /* owned while connecting */
  SoupWebsocketConnection *ws;             /* owned while connected */
  gboolean                 running;        /* between start () and stop () */
  gboolean                 welcomed;       /* on this connection */
  gboolean                 ever_welcomed;
  guint                    attempt;        /* failed attempts since the last welcome */
  GSource                 *retry_source;
  GSource                 *watchdog_source;
  gint64                   last_rx_mono;
  guint                    heartbeat_ms;

  /* Observable state. */
  HdFeedClientState        state;
  GDateTime               *connected_since;
  GDateTime               *next_retry_at;
  guint                    reconnects;
  guint                    frames_rejected;
  guint                    duplicates_dropped;
  char                    *last_error;
  gboolean                 relays_agent_messages;

  /* Sequencing and persistence. */
  char                    *stream_id;
  gint64                   last_seq;       /* last applied */
  gint64                   persisted_seq;
  gint64                   acked_seq;
  GSource                 *ack_source;
  gint64                   applying_seq;   /* of the sequenced message being applied, or 0 */
  GHashTable              *journaled;      /* stream id → highest seq journaled (gint64 *) */

  /* Frames received and not yet applied, in order (of GBytes). */
  GQueue                   pending;
  gboolean                 decoding;       /* a big frame is being decoded in a thread */
  HdHandoff               *presenting;     /* unowned: queued, "offer-presented" to come */
  guint                    generation;     /* bumped when a connection is dropped */

  /* Requests. */
  GHashTable              *requests;       /* request id → Request */
  guint64                  next_request;

  gboolean                 status_set;
  HdFeedAgentStatus        status;
  char                   **queue_ids;      /* NULL: not a supervisor */
};

enum {
  PROP_0,
  PROP_URL,
  PROP_AGENT_ID,
  PROP_TOKEN,
  PROP_STATE_PATH,
  PROP_QUEUE,
  PROP_STATE,
  PROP_CONNECTED_SINCE,
  PROP_NEXT_RETRY_AT,
  PROP_RECONNECTS,
  PROP_FRAMES_REJECTED,
  PROP_DUPLICATES_DROPPED,
  PROP_LAST_ERROR,
  PROP_LAST_SEQ,
  PROP_RELAYS_AGENT_MESSAGES,
  PROP_HEARTBEAT_MS,
  PROP_MAX_FRAME_SIZE,
  PROP_BACKOFF_INITIAL_MS,
  PROP_BACKOFF_MAX_MS,
  PROP_ACK_DELAY_MS,
  PROP_REQUEST_TIMEOUT_MS,
  PROP_CAPACITY,
  PROP_LANGUAGES,
  N_PROPS
};

enum {
  NOTICE,
  QUEUE_SNAPSHOT,
  QUEUE_EVENT,
  OFFER_PRESENTED,
  TURN_APPENDED,
  N_SIGNALS
};

/* hd-feed-client.c */
void     _hd_feed_client_notify              (HdFeedClient      *self,
                                              guint              prop_id);
void     _hd_feed_client_emit                (HdFeedClient      *self,
                                              guint              signal_id,
                                              gconstpointer      argument);
void     _hd_feed_client_emit_for_handoff    (HdFeedClient      *self,
                                              guint              signal_id,
                                              HdHandoff         *handoff,
                                              JsonObject        *object);
void     _hd_feed_client_destroy_source      (GSource          **source);
GSource *_hd_feed_client_add_timeout         (HdFeedClient      *self,
                                              guint              ms,
                                              GSourceFunc        func,
                                              gpointer           data,
                                              const char        *name);
void     _hd_feed_client_set_state           (HdFeedClient      *self,
                                              HdFeedClientState  state);
void     _hd_feed_client_set_last_error      (HdFeedClient      *self,
                                              const char        *message);
void     _hd_feed_client_set_connected_since (HdFeedClient      *self,
                                              GDateTime         *since);
void     _hd_feed_client_set_next_retry_at   (HdFeedClient      *self,
                                              GDateTime         *at);

void     _hd_feed_client_reach_stage         (HdFeedClient      *self,
                                              HdFeedStage        stage,
                                              gint64             seq);
gint64   _hd_feed_client_journaled_seq       (HdFeedClient      *self,
                                              const char        *stream_id);
void     _hd_feed_client_note_applied        (HdFeedClient      *self);

/* hd-feed-client-connection.c */
void     _hd_feed_client_connect_now         (HdFeedClient      *self);
void     _hd_feed_client_drop_connection     (HdFeedClient      *self,
                                              const char        *reason);
void     _hd_feed_client_stop_for            (HdFeedClient      *self,
                                              HdFeedClientState  state,
                                              const char        *message);
void     _hd_feed_client_start_watchdog      (HdFeedClient      *self);
void     _hd_feed_client_teardown_ws         (HdFeedClient      *self);
void     _hd_feed_client_send_text           (HdFeedClient      *self,
                                              const char        *text);
void     _hd_feed_client_load_state          (HdFeedClient      *self);
void     _hd_feed_client_save_state          (HdFeedClient      *self);
void     _hd_feed_client_flush_ack           (HdFeedClient      *self);
void     _hd_feed_client_schedule_ack        (HdFeedClient      *self);

/* hd-feed-client-messages.c */
void     _hd_feed_client_reject              (HdFeedClient      *self,
                                              const char        *notice);
void     _hd_feed_client_handle_frame        (HdFeedClient      *self,
                                              GBytes            *frame);
void     _hd_feed_client_discard_pending     (HdFeedClient      *self);

/* hd-feed-client-requests.c */
void     _hd_feed_client_request_free        (gpointer           data);
void     _hd_feed_client_complete_request    (HdFeedClient      *self,
                                              Request           *request,
                                              GError            *error);
void     _hd_feed_client_complete_request_pointer (HdFeedClient *self,
                                                   Request      *request,
                                                   gpointer      result,
                                                   GDestroyNotify destroy);
void     _hd_feed_client_confirm_request     (HdFeedClient      *self,
                                              HdFeedMessageType  type,
                                              const char        *request_id,
                                              const char        *handoff_id,
                                              GError            *error);
void     _hd_feed_client_fail_all_requests   (HdFeedClient      *self,
                                              const char        *message);

G_END_DECLS
