/* hd-demo-browser.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A browser without a window, for the Salesforce stand-in only: GETs @uri (which must be a
 * loopback authorize URL), and follows its redirect to the loopback redirect URI, exactly as
 * a browser would.  Refuses non-loopback URLs.  An HdOAuthOpenUriFunc, for --demo and tests;
 * it lives with the demo because a real org is always signed in to in a real browser. */
void hd_demo_browser_open_uri (const char *uri,
                               gpointer    user_data);

G_END_DECLS
