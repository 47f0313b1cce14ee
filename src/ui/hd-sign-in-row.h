/* hd-sign-in-row.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-sf-auth.h"

G_BEGIN_DECLS

#define HD_TYPE_SIGN_IN_ROW (hd_sign_in_row_get_type ())

G_DECLARE_FINAL_TYPE (HdSignInRow, hd_sign_in_row, HD, SIGN_IN_ROW, AdwBin)

/* The agent's Salesforce account, for Preferences or a header popover:
 * "Signed in as <name> (<instance>)" or "Not signed in", Sign In (the
 * system browser opens the org's login page) and Sign Out, and a message
 * when something went wrong: a locked or missing keyring, a denied
 * sign-in, or the session Salesforce ended (HdSfAuth::signed-out).
 *
 * Properties: "auth" (nullable: "Salesforce is not set up"), "title"
 * (read-only, the words shown), "message" (read-only, the last problem,
 * or NULL).
 * Actions: account.sign-in, account.sign-out. */
GtkWidget  *hd_sign_in_row_new               (void);
HdSfAuth   *hd_sign_in_row_get_auth          (HdSignInRow        *self);
void        hd_sign_in_row_set_auth          (HdSignInRow        *self,
                                              HdSfAuth           *auth);
const char *hd_sign_in_row_get_title         (HdSignInRow        *self);
const char *hd_sign_in_row_get_message       (HdSignInRow        *self);
/* Replaces the browser opener (gtk_show_uri () on the row's window by
 * default); --demo and tests pass hd_demo_browser_open_uri. */
void        hd_sign_in_row_set_open_uri_func (HdSignInRow        *self,
                                              HdOAuthOpenUriFunc  func,
                                              gpointer            data);

G_END_DECLS
