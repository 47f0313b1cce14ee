/* hd-bayeux-client-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "hd-bayeux-client.h"
#include "hd-sf-stage-private.h"

G_BEGIN_DECLS

/* Shared by hd-bayeux-client.c (the object, the handshake → subscribe →
 * connect flow, recovery) and hd-bayeux-client-wire.c (one POST with a
 * bounded read, the parse of a Bayeux answer). */

/* What one POST came back with: the messages of the answer, or an error. */
typedef void (*HdBayeuxReplyFunc) (HdBayeuxClient *self,
                                   JsonArray      *messages,
                                   const GError   *error,
                                   guint           http_status,
                                   const char     *token_used);

struct _HdBayeuxClient
{
  GObject       parent_instance;

  HdSfAuth     *auth;
  char         *version;          /* "64.0" */
  SoupSession  *session;          /* with a SoupCookieJar */
  gpointer      current;          /* the request in flight, or NULL */
  GSource      *timer;            /* backoff or advice.interval */

  GPtrArray    *channels;         /* char *, in the order subscribed */
  GHashTable   *replay;           /* channel → gint64 * */
  guint         subscribing;      /* index into channels */

  HdBayeuxState state;
  char         *client_id;
  char         *last_error;
  guint         next_id;
  guint         advice_timeout_ms;
  guint         advice_interval_ms;
  gboolean      refreshed;        /* one refresh since the last good connect */
  guint         attempt;
  guint         n_handshakes;
  guint         n_refreshes;

  guint         backoff_initial_ms;
  guint         backoff_max_ms;
  guint         request_ms;
  guint         poll_margin_ms;
  gsize         max_response;

  gboolean      delivered;        /* events since the last connect was sent */
  gint64        last_delivered;   /* the replayId of the last of them */
  HdSfStageFunc stage_func;       /* nullable: the crash tests' hook */
  gpointer      stage_data;
};

/* hd-bayeux-client-wire.c */
/* POSTs @message (one Bayeux message, as the array Salesforce expects) and
 * calls @func with the parsed answer, on the client's main context; a
 * connect may take @timeout_ms. */
void      _hd_bayeux_client_post       (HdBayeuxClient    *self,
                                        JsonObject        *message,
                                        guint              timeout_ms,
                                        HdBayeuxReplyFunc  func);
void      _hd_bayeux_client_abandon    (HdBayeuxClient    *self);
/* Says /meta/disconnect so that Salesforce frees the client at once; not
 * waited for. */
void      _hd_bayeux_client_send_disconnect (HdBayeuxClient *self);
/* The message of @messages on @channel (the reply to a meta request), or NULL. */
JsonObject *_hd_bayeux_find_reply      (JsonArray         *messages,
                                        const char        *channel);

G_END_DECLS
