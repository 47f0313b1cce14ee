/* hd-pkce.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-pkce"

#include "config.h"

#include <errno.h>
#include <glib.h>
#include <string.h>
#include <sys/random.h>

#include "hd-pkce.h"

char *
hd_pkce_base64url_encode (const guint8 *data,
                          gsize         len)
{
  char *text = g_base64_encode (data, len);
  char *out = text;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '=')
        continue;
      *out++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
    }
  *out = '\0';
  return text;
}

static void
fill_random (guint8 *buffer,
             gsize   len)
{
  gsize got = 0;

  /* The kernel's CSPRNG, which blocks only until it is seeded at boot.
   * There is no weaker fallback: a guessable verifier or state would
   * defeat PKCE and the CSRF check, so failing here must stop the
   * program rather than degrade (getrandom only fails on kernels older
   * than 3.17, or with a seccomp filter that forbids it). */
  while (got < len)
    {
      ssize_t n = getrandom (buffer + got, len - got, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("Could not read random bytes for sign-in: %s", g_strerror (errno));
      got += (gsize) n;
    }
}

char *
hd_pkce_generate_verifier (void)
{
  guint8 bytes[64];

  fill_random (bytes, sizeof bytes);
  return hd_pkce_base64url_encode (bytes, sizeof bytes);
}

char *
hd_pkce_generate_state (void)
{
  guint8 bytes[32];

  fill_random (bytes, sizeof bytes);
  return hd_pkce_base64url_encode (bytes, sizeof bytes);
}

char *
hd_pkce_challenge_s256 (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;

  g_return_val_if_fail (verifier != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &len);
  return hd_pkce_base64url_encode (digest, len);
}

gboolean
hd_pkce_equal (const char *a,
               const char *b)
{
  gsize la, lb;
  guint8 diff;

  if (a == NULL || b == NULL)
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  diff = la != lb;
  for (gsize i = 0; i < MIN (la, lb); i++)
    diff |= (guint8) (a[i] ^ b[i]);
  return diff == 0;
}
