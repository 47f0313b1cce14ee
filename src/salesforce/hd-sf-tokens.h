/* hd-sf-tokens.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What Salesforce's token endpoint answers (there is no expires_in: an
 * access token lasts until a call answers 401 INVALID_SESSION_ID).  These
 * strings are secrets: never log, print, or write them anywhere but the
 * keyring (HdTokenStore). */
typedef struct
{
  char   *access_token;
  char   *refresh_token;  /* nullable: a refresh without rotation has none */
  char   *instance_url;   /* https://MyDomain.my.salesforce.com */
  char   *id_url;         /* https://login.salesforce.com/id/00D.../005... */
  char   *org_id;         /* from id_url */
  char   *user_id;        /* from id_url */
  char   *scope;          /* nullable */
  gint64  issued_at_ms;   /* 0 when absent */
} HdSfTokens;

#define HD_TYPE_SF_TOKENS (hd_sf_tokens_get_type ())
GType       hd_sf_tokens_get_type     (void) G_GNUC_CONST;
HdSfTokens *hd_sf_tokens_copy         (const HdSfTokens *tokens);
/* Overwrites the secrets with zeros before freeing them. */
void        hd_sf_tokens_free         (HdSfTokens       *tokens);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HdSfTokens, hd_sf_tokens_free)

/* Parses a token endpoint answer (authorization_code or refresh_token
 * grant).  Checks the instance and identity URLs (https, or loopback).
 * Fails with HD_ERROR_PARSE or HD_ERROR_AUTH. */
HdSfTokens *hd_sf_tokens_parse        (GBytes           *body,
                                       GError          **error);
/* The form kept in the keyring (JSON), and back. */
char       *hd_sf_tokens_serialize    (const HdSfTokens *tokens);
HdSfTokens *hd_sf_tokens_deserialize  (const char       *text,
                                       GError          **error);
/* Splits ".../id/<org>/<user>" into its ids. */
gboolean    hd_sf_split_identity_url  (const char       *id_url,
                                       char            **org_id,
                                       char            **user_id);

G_END_DECLS
