/* hd-demo-router-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "hd-demo-router.h"
#include "hd-feed-protocol.h"

G_BEGIN_DECLS

/* Shared by hd-demo-router.c (the object, timers, lifecycle and faults),
 * hd-demo-router-streams.c (sequenced streams, offers, supervisors) and
 * hd-demo-router-connections.c (the WebSocket endpoint and client messages)
 * and hd-demo-router-intake.c (escalations posted over HTTP). */

/* Client frames are small; anything bigger is a broken or hostile client. */
#define MAX_CLIENT_FRAME (64 * 1024)

typedef struct
{
  gint64  seq;
  char   *text;
} Entry;

/* One agent's sequenced message log: the replay window. */
typedef struct
{
  char   *agent_id;
  gint64  last_seq;
  gint64  acked;
  GQueue  log;   /* of Entry, oldest first */
} Stream;

typedef struct
{
  char           *id;
  char           *agent_id;
  char           *queue_id;
  int             template_index;  /* -1: pushed packet */
  HdHandoffState  state;
  gint64          expires_mono;
  gint64          abandon_mono;    /* 0: the customer stays */
  gint64          next_turn_mono;
  guint           next_follow_up;

  /* Supervisor mode (hd-demo-router-supervisor.c). */
  JsonNode       *packet;          /* owned, for supervisor_fetch */
  char           *customer;
  char           *intent;
  char           *flow;            /* bot flow, or NULL */
  char           *flow_label;      /* the packet's bot.flow_label, or NULL */
  char           *priority;
  char          **missing;         /* completeness keys the packet lacks */
  gboolean        vip;
  gboolean        vulnerable;
  gboolean        verified;        /* the packet says the bot verified the customer */
  guint           sla_seconds;
  gint64          waiting_since;   /* real time, µs: offered, or transferred */
  char           *transferred_from;  /* the first queue, once transferred */
  gboolean        in_queue;        /* waits in a queue with no agent (transferred, simulated) */
  gboolean        simulated;       /* a virtual contact centre's handoff: no agent stream */
  gboolean        leg_wrapped;     /* the transferring agent wrapped up their part */
  gint64          pickup_mono;     /* in_queue: a virtual agent accepts then (0: never) */
  gint64          wrap_mono;       /* accepted by a virtual agent: wraps up then */
} Offer;

/* Per-queue counts over the last 60 minutes, in per-minute buckets. */
typedef struct
{
  gint64  minute[60];
  guint   declined[60];
  guint   expired[60];
  guint   abandoned_in_transfer[60];
  guint   sla_seconds;             /* the last SLA target seen in this queue */
  char   *label;                   /* the packets' routing.skill_group_label, or NULL */
} QueueStats;

void _hd_demo_router_queue_stats_free (gpointer data);

typedef struct
{
  HdDemoRouter            *router;   /* unowned: the router outlives its connections */
  SoupWebsocketConnection *ws;       /* owned */
  GSocket                 *socket;   /* owned, for abrupt drops */
  Stream                  *stream;   /* unowned, set by hello */
  HdFeedAgentStatus        status;
  gboolean                 supervisor;
  gboolean                 dropped;  /* its socket was shut down */
  char                   **queue_ids;
} Conn;

struct _HdDemoRouter
{
  GObject       parent_instance;

  char         *token;           /* owned, never exposed */
  char         *stream_id;
  SoupServer   *server;          /* owned while started */
  guint         port;
  char         *uri;
  GMainContext *context;         /* owned while started */

  guint         heartbeat_ms;
  double        offer_rate;
  guint         offer_ttl_s;
  guint         replay_window;
  guint         turn_interval_ms;
  double        abandon_ratio;

  gboolean      heartbeats_paused;
  gboolean      refuse_auth;
  gboolean      duplicate_frames;

  GHashTable   *streams;         /* agent id → Stream */
  GHashTable   *offers;          /* handoff id → Offer */
  GPtrArray    *conns;           /* of Conn */
  guint64       next_offer_no;
  guint         next_agent;      /* round robin for generated offers */
  GRand        *rand;

  GSource      *heartbeat_source;
  GSource      *rate_source;
  GSource      *tick_source;

  guint         n_handshakes;
  guint         n_auth_refused;

  GHashTable   *queue_stats;     /* queue id → QueueStats */
  double        simulation_rate; /* simulated handoffs per minute; 0 = none */
  GSource      *simulation_source;
};

/* hd-demo-router-streams.c */
void     _hd_demo_router_stream_free     (gpointer        data);
void     _hd_demo_router_offer_free      (gpointer        data);
void     _hd_demo_router_conn_free       (gpointer        data);
void     _hd_demo_router_conn_send       (Conn           *conn,
                                          const char     *text);
void     _hd_demo_router_conn_send_take  (Conn           *conn,
                                          char           *text);
Stream  *_hd_demo_router_ensure_stream   (HdDemoRouter   *self,
                                          const char     *agent_id);
void     _hd_demo_router_emit_sequenced  (HdDemoRouter   *self,
                                          Stream         *stream,
                                          JsonObject     *object);
void     _hd_demo_router_send_snapshot   (HdDemoRouter   *self,
                                          Conn           *conn);
void     _hd_demo_router_set_offer_state (HdDemoRouter   *self,
                                          Offer          *offer,
                                          HdHandoffState  state,
                                          const char     *event);
void     _hd_demo_router_revoke_offer    (HdDemoRouter   *self,
                                          Offer          *offer,
                                          HdRevokeReason  reason);
void     _hd_demo_router_emit_turn       (HdDemoRouter   *self,
                                          Offer          *offer,
                                          const char     *speaker,
                                          const char     *text,
                                          const char     *request_id);

/* hd-demo-router-supervisor.c */
void     _hd_demo_router_offer_describe  (HdDemoRouter   *self,
                                          Offer          *offer,
                                          JsonNode       *packet);
void     _hd_demo_router_offer_clear_supervision (Offer  *offer);
void     _hd_demo_router_broadcast       (HdDemoRouter   *self,
                                          Offer          *offer,
                                          const char     *event,
                                          JsonObject     *extra);
void     _hd_demo_router_send_snapshot_all (HdDemoRouter *self);
void     _hd_demo_router_handle_signal   (HdDemoRouter   *self,
                                          Conn           *conn,
                                          Offer          *offer,
                                          HdFeedMessage  *message);
void     _hd_demo_router_handle_fetch    (HdDemoRouter   *self,
                                          Conn           *conn,
                                          HdFeedMessage  *message);
void     _hd_demo_router_tick_queued     (HdDemoRouter   *self,
                                          Offer          *offer,
                                          gint64          now_mono);
gboolean _hd_demo_router_simulate_cb     (gpointer        user_data);
void     _hd_demo_router_sweep_simulated (HdDemoRouter   *self);

/* hd-demo-router-connections.c */
void     _hd_demo_router_websocket_cb    (SoupServer              *server,
                                          SoupServerMessage       *msg,
                                          const char              *path,
                                          SoupWebsocketConnection *ws,
                                          gpointer                 user_data);
void     _hd_demo_router_auth_cb         (SoupServer              *server,
                                          SoupServerMessage       *msg,
                                          const char              *path,
                                          GHashTable              *query,
                                          gpointer                 user_data);
/* "Bearer <token>", compared in constant time. */
gboolean _hd_demo_router_token_matches   (const char              *expected,
                                          const char              *header);

/* hd-demo-router-intake.c: POST /v1/escalations */
#define HD_DEMO_ROUTER_INTAKE_PATH "/v1/escalations"
void     _hd_demo_router_intake_early_cb (SoupServer              *server,
                                          SoupServerMessage       *msg,
                                          const char              *path,
                                          GHashTable              *query,
                                          gpointer                 user_data);
void     _hd_demo_router_intake_cb       (SoupServer              *server,
                                          SoupServerMessage       *msg,
                                          const char              *path,
                                          GHashTable              *query,
                                          gpointer                 user_data);

G_END_DECLS
