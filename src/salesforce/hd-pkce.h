/* hd-pkce.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Proof Key for Code Exchange (RFC 7636), S256 only.  Pure functions. */

/* 64 random bytes, base64url without padding: an 86-character verifier. */
char *hd_pkce_generate_verifier  (void);
/* base64url (no padding) of SHA-256 of @verifier. */
char *hd_pkce_challenge_s256     (const char *verifier);
/* 32 random bytes, base64url: the `state` sent against CSRF. */
char *hd_pkce_generate_state     (void);
/* base64url without padding (RFC 4648 §5). */
char *hd_pkce_base64url_encode   (const guint8 *data,
                                  gsize         len);
/* Compares two strings in time that does not depend on where they differ. */
gboolean hd_pkce_equal           (const char *a,
                                  const char *b);

G_END_DECLS
