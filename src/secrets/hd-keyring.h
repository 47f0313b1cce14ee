/* hd-keyring.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one place that talks to the system keyring (libsecret's Secret
 * Service API).  Each kind of secret has its schema and attributes here, and
 * a locked or missing keyring gives one clear HD_ERROR_AUTH message per
 * kind, never a fallback.  Secrets never reach GSettings, files or logs. */

typedef enum
{
  HD_KEYRING_FEED_TOKEN = 0,  /* the routing layer's bearer token; attribute "url" */
  HD_KEYRING_SALESFORCE,      /* serialized HdSfTokens; attributes "org-id", "user-id",
                                 "instance-host" (a lookup or clear may give fewer) */
} HdKeyringSecret;

/* @attributes: attribute name → value (both strings), borrowed. */
void      hd_keyring_store_async   (HdKeyringSecret       kind,
                                    GHashTable           *attributes,
                                    const char           *label,
                                    const char           *secret,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  hd_keyring_store_finish  (GAsyncResult         *result,
                                    GError              **error);

void      hd_keyring_lookup_async  (HdKeyringSecret       kind,
                                    GHashTable           *attributes,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* The secret as text, or NULL with no error when none matches; free it
 * with hd_keyring_secret_free (). */
char     *hd_keyring_lookup_finish (GAsyncResult         *result,
                                    GError              **error);

/* Removes every item of @kind matching @attributes; none is not an error. */
void      hd_keyring_clear_async   (HdKeyringSecret       kind,
                                    GHashTable           *attributes,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  hd_keyring_clear_finish  (GAsyncResult         *result,
                                    GError              **error);

/* Wipes and frees a secret (NULL is fine). */
void      hd_keyring_secret_free   (char                 *secret);

G_END_DECLS
