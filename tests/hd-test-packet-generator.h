/* hd-test-packet-generator.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A valid, realistic-looking synthetic packet (schema version 1) with
 * `n_turns` transcript turns, as JSON.  The same seed gives the same bytes.
 * Some customer turns carry card numbers and one-time codes so that masking
 * is exercised.  For tests and benchmarks only (the demo has its own
 * templates, src/demo/hd-demo-templates.c). */
GBytes *hd_test_packet_generator_build (guint   n_turns,
                                        guint32 seed);

G_END_DECLS
