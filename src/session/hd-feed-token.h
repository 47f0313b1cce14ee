/* hd-feed-token.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The routing layer's bearer token for one feed URL, kept only in the system keyring:
 * never in GSettings, files, logs or argv. A locked or missing keyring is an error with
 * a clear message, never a fallback. */

void      hd_feed_token_lookup_async  (const char           *url,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* Returns the token, or NULL with no error when none is stored for the URL. */
char     *hd_feed_token_lookup_finish (GAsyncResult         *result,
                                       GError              **error);

void      hd_feed_token_store_async   (const char           *url,
                                       const char           *token,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  hd_feed_token_store_finish  (GAsyncResult         *result,
                                       GError              **error);

G_END_DECLS
