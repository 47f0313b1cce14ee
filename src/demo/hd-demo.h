/* hd-demo.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-demo-router.h"
#include "hd-sf-standin.h"

G_BEGIN_DECLS

/* What `--demo` runs on: the built-in routing layer and the Salesforce stand-in, both on
 * loopback. HdDemo starts them and hands out their addresses, the feed token and the
 * stand-in's OAuth settings as plain values; the application passes those to the session,
 * which talks to the demo over its sockets exactly as it would to production servers and
 * so never depends on it. */

#define HD_TYPE_DEMO (hd_demo_get_type ())
G_DECLARE_FINAL_TYPE (HdDemo, hd_demo, HD, DEMO, GObject)

HdDemo       *hd_demo_new                  (void);
/* Starts both servers on free loopback ports, with three chats already waiting for
 * hd_demo_get_agent_id (). */
/* Before start: the demo's offers come over the Salesforce stand-in's
 * event bus (--demo --feed salesforce) instead of the routing layer's
 * WebSocket feed. */
void          hd_demo_set_salesforce_feed  (HdDemo      *self,
                                            gboolean     salesforce_feed);
gboolean      hd_demo_start                (HdDemo      *self,
                                            GError     **error);
void          hd_demo_stop                 (HdDemo      *self);

/* The assignment feed: its ws:// URL, bearer token and the agent it offers chats to. */
const char   *hd_demo_get_feed_url         (HdDemo      *self);
const char   *hd_demo_get_token            (HdDemo      *self);
const char   *hd_demo_get_agent_id         (HdDemo      *self);

/* The Salesforce stand-in, as hd_session_setup_salesforce () takes a real org. */
const char   *hd_demo_get_sf_login_url     (HdDemo      *self);
const char   *hd_demo_get_sf_client_id     (HdDemo      *self);
guint         hd_demo_get_sf_redirect_port (HdDemo      *self);
const char   *hd_demo_get_sf_redirect_path (HdDemo      *self);
const char   *hd_demo_get_sf_api_version   (HdDemo      *self);

/* The servers themselves, for tests that drive them. NULL before hd_demo_start (). */
HdDemoRouter *hd_demo_get_router           (HdDemo      *self);
HdSfStandin  *hd_demo_get_sf_standin       (HdDemo      *self);

G_END_DECLS
