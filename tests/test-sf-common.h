/* test-sf-common.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "hd-demo-browser.h"
#include "hd-error.h"
#include "hd-memory-token-store.h"
#include "hd-oauth.h"
#include "hd-outbox.h"
#include "hd-sf-auth.h"
#include "hd-sf-client.h"
#include "hd-sf-standin.h"
#include "hd-test-utils.h"

/* Shared by the Salesforce tests (compiled into the hd-test-sf library): the
 * private XDG tree's root, and a signed-in session against the stand-in
 * (through the real PKCE flow, with the headless browser). */

/* The private XDG tree's root; each program sets it from
 * hd_test_init_xdg () before anything else. */
extern char *sf_test_root;

/* Sets sf_test_root from hd_test_init_xdg (), then initialises GTest. */
void          sf_test_init               (int          *argc,
                                          char       ***argv);
/* Runs the tests, then removes the private XDG tree. */
int           sf_test_run                (void);

/* A new folder under the private XDG data folder. */
char         *sf_test_new_dir            (const char   *name);

/* A GAsyncResult catcher. */
typedef struct
{
  GAsyncResult *result;
  gboolean      done;
} SfTestAsync;

void          sf_test_async_cb           (GObject      *object,
                                          GAsyncResult *result,
                                          gpointer      user_data);
GAsyncResult *sf_test_async_wait         (SfTestAsync  *async);
void          sf_test_async_clear        (SfTestAsync  *async);

HdOAuth      *sf_test_new_oauth          (HdSfStandin  *standin);
/* Signs in through the whole PKCE flow; asserts it worked. */
void          sf_test_sign_in            (HdSfAuth     *auth);
HdSfAuth     *sf_test_new_signed_in_auth (HdSfStandin  *standin,
                                          HdTokenStore *store);
HdSfStandin  *sf_test_new_standin        (void);
/* Publishes an offer event of @kind (Kind__c) for the signed-in agent;
 * returns its replayId. */
gint64        sf_test_publish            (HdSfStandin  *standin,
                                          const char   *kind);
/* How many writes in the stand-in's log start with @prefix. */
guint         sf_test_count_log          (HdSfStandin  *standin,
                                          const char   *prefix);
/* Whether @needle occurs in any regular file under @path. */
gboolean      sf_test_tree_contains      (const char   *path,
                                          const char   *needle,
                                          guint        *n_files);
