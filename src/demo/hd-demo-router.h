/* hd-demo-router.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_DEMO_ROUTER (hd_demo_router_get_type ())

G_DECLARE_FINAL_TYPE (HdDemoRouter, hd_demo_router, HD, DEMO_ROUTER, GObject)

/* The embedded routing layer: a SoupServer speaking the assignment feed
 * protocol (docs/feed-protocol.md) on 127.0.0.1 only.  `--demo` runs it
 * in-process; tests and integrators run the `handoffdesk-router` binary or
 * create one in-process.  It runs on the thread-default main context of the
 * thread that calls hd_demo_router_start ().
 *
 * Properties (all readable and writable, also after start):
 *   "heartbeat-ms"      heartbeat interval announced and sent (default 15000)
 *   "offer-rate"        generated offers per minute; 0 = only push_offer ()
 *   "offer-ttl-s"       push expiry of an offer in seconds (default 45)
 *   "replay-window"     sequenced messages kept per agent stream (default 10000)
 *   "turn-interval-ms"  customer turns streamed as updates while an offer
 *                       waits, this often; 0 = none (default 0)
 *   "abandon-ratio"     share of generated offers the customer abandons
 *                       (revoked as "customer_abandoned"), 0..1 (default 0)
 * The token is construct-only and never readable. */

HdDemoRouter *hd_demo_router_new             (const char    *token);
/* A random 32-byte bearer token, hex encoded. */
char         *hd_demo_router_generate_token  (void);

/* @port: 0 for an ephemeral one.  Starting again after stop () reuses the
 * same streams, sequences and offers (a server that went down and came
 * back); pass hd_demo_router_get_port () to come back on the same port. */
gboolean      hd_demo_router_start           (HdDemoRouter  *self,
                                              guint          port,
                                              GError       **error);
void          hd_demo_router_stop            (HdDemoRouter  *self);
guint         hd_demo_router_get_port        (HdDemoRouter  *self);
/* "ws://127.0.0.1:PORT/feed", or NULL when not started. */
const char   *hd_demo_router_get_uri         (HdDemoRouter  *self);

void          hd_demo_router_set_offer_rate  (HdDemoRouter  *self,
                                              double         per_minute);
void          hd_demo_router_set_heartbeat_ms (HdDemoRouter *self,
                                               guint         heartbeat_ms);

/* Offers a handoff built from template @template_index (-1: a random one) to
 * @agent_id, connected or not (it waits in the agent's stream).  Returns the
 * new handoff id. */
char         *hd_demo_router_push_offer      (HdDemoRouter  *self,
                                              const char    *agent_id,
                                              int            template_index);
/* Offers @packet as is (it may be invalid, for tests).  @packet's
 * "handoff_id" is used when it has one, else a new id is made up. */
char         *hd_demo_router_push_packet     (HdDemoRouter  *self,
                                              const char    *agent_id,
                                              JsonNode      *packet);
/* Streams one customer turn as an update. */
gboolean      hd_demo_router_push_turn       (HdDemoRouter  *self,
                                              const char    *handoff_id,
                                              const char    *text);
gboolean      hd_demo_router_revoke          (HdDemoRouter  *self,
                                              const char    *handoff_id,
                                              HdRevokeReason reason);
/* The router's state of an offer: "offered", "accepted", ..., or NULL. */
const char   *hd_demo_router_get_offer_state (HdDemoRouter  *self,
                                              const char    *handoff_id);
/* The queue an offer is routed in (an escalation from a bot: its packet's
 * routing.skill_group, else "general"), or NULL. */
const char   *hd_demo_router_get_offer_queue (HdDemoRouter  *self,
                                              const char    *handoff_id);
/* The last sequence @agent_id acknowledged, or 0. */
gint64        hd_demo_router_get_acked_seq   (HdDemoRouter  *self,
                                              const char    *agent_id);
guint         hd_demo_router_get_n_connections  (HdDemoRouter *self);  /* open now */
guint         hd_demo_router_get_n_handshakes   (HdDemoRouter *self);  /* ever upgraded */
guint         hd_demo_router_get_n_auth_refused (HdDemoRouter *self);

/* Fault injection, for tests. */
void          hd_demo_router_drop_connections   (HdDemoRouter *self);  /* abrupt, no close frame */
void          hd_demo_router_send_raw           (HdDemoRouter *self,
                                                 const char   *text);  /* to every agent */
void          hd_demo_router_send_malformed     (HdDemoRouter *self);
void          hd_demo_router_send_unknown_type  (HdDemoRouter *self);
void          hd_demo_router_send_oversized     (HdDemoRouter *self,
                                                 gsize         n_bytes);
char         *hd_demo_router_push_invalid_offer (HdDemoRouter *self,
                                                 const char   *agent_id);
void          hd_demo_router_set_heartbeats_paused (HdDemoRouter *self,
                                                    gboolean      paused);
void          hd_demo_router_set_refuse_auth    (HdDemoRouter *self,
                                                 gboolean      refuse);
/* Sends every sequenced frame twice. */
void          hd_demo_router_set_duplicate_frames (HdDemoRouter *self,
                                                   gboolean      duplicate);

G_END_DECLS
