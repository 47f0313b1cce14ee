/* hd-demo-templates.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The banking journeys the embedded routing layer offers.  Every template
 * builds a complete handoff context packet (schema version 1) that passes
 * hd_packet_parse_node (); tests/test-feed-router.c checks that. */

guint       hd_demo_templates_get_n          (void);
const char *hd_demo_template_get_name        (guint       index);
/* The queue (skill group) a template routes to. */
const char *hd_demo_template_get_queue       (guint       index);
/* A packet for @handoff_id, with times relative to @now. */
JsonNode   *hd_demo_template_build           (guint       index,
                                              const char *handoff_id,
                                              GDateTime  *now);
/* Customer turns the router streams as updates while the offer waits;
 * NULL past the last one. */
const char *hd_demo_template_get_follow_up   (guint       index,
                                              guint       n);

G_END_DECLS
