/* hd-sf-check.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-oauth.h"
#include "hd-sf-auth.h"

G_BEGIN_DECLS

/* Preferences → Salesforce → Check connection: signs in if needed (with
 * @open_uri), renews the session once (which proves the refresh flow works
 * without a client secret), reads the user's identity and the org's Case
 * describe, and says in words what the org still needs and what to change.
 * The finish function returns those sentences (an empty array when the
 * org is ready) and sets @summary to one line about the connection
 * ("Signed in as …").  It fails only when cancelled. */
void   hd_sf_check_connection_async  (HdSfAuth            *auth,
                                      const char          *api_version,
                                      HdOAuthOpenUriFunc   open_uri,
                                      gpointer             open_uri_data,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GStrv  hd_sf_check_connection_finish (GAsyncResult        *result,
                                      char               **summary,
                                      GError             **error);

G_END_DECLS
