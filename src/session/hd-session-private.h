/* hd-session-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-draft-store.h"
#include "hd-feed-stage-private.h"
#include "hd-journal-index.h"
#include "hd-journal.h"
#include "hd-session.h"
#include "hd-sf-feed.h"

G_BEGIN_DECLS

/* The named points of an offer's life, in order, for the crash tests
 * (tests/hd-test-session-child.c kills itself at the Nth time one is
 * reached): decoded by the feed transport, shown (added to the queue),
 * journaled (its offer record written), the transport's position written
 * durably (the state file), acknowledged to the router.  Exactly once must
 * hold whichever of them a kill -9 comes after.  The Salesforce transport
 * reports the same ones, but its acknowledgement is Bayeux's implicit one
 * and comes right after delivery, before decoded (hd-sf-stage-private.h). */
typedef enum
{
  HD_SESSION_STAGE_DECODED,
  HD_SESSION_STAGE_SHOWN,
  HD_SESSION_STAGE_JOURNALED,
  HD_SESSION_STAGE_STATE_WRITTEN,
  HD_SESSION_STAGE_ACKED,
} HdSessionStage;

typedef void (*HdSessionStageFunc) (HdSession      *self,
                                    HdSessionStage  stage,
                                    gpointer        user_data);

struct _HdSession
{
  GObject       parent_instance;

  char         *data_dir;     /* where this session's state, journal and outbox live */
  char         *agent_id;
  HdFeedClient *feed;         /* owned; not started when sf_feed is set */
  HdSfFeed     *sf_feed;      /* owned; the Salesforce transport, or NULL */
  HdJournal    *journal;      /* owned; NULL when it could not be opened */
  HdJournalIndex *index;      /* owned; NULL without a journal */
  gboolean      restored;     /* the index was asked for: what the journal had open is shown again */
  gboolean      loading;      /* the index is being read in a worker; the feed waits */
  gboolean      transport_ready; /* the journal is read: the transport may start */
  GPtrArray    *unindexed;    /* HdJournalEvent appended while loading, to note once loaded */
  GPtrArray    *unindexed_paths; /* and the journal file of each */
  guint         index_save_id; /* the index is saved a while after an append */
  HdDraftStore *drafts;       /* owned; the default store while this session lives */
  GQueue        held;         /* HdJournalEvent, owned: waiting for an offer to be presented */
  GHashTable   *watched;      /* handoff id → last journaled HdHandoffState + 1 */
  GHashTable   *resolved;     /* handoff id → 1 + whether the agent said it was resolved */
  GHashTable   *pending;      /* handoff ids, owned: accepted or declined, not yet answered */
  HdSupervisorModel *supervisor; /* owned; fed by the feed's supervisor stream */

  HdOAuthOpenUriFunc demo_open_uri; /* NULL unless demo: signs in to the stand-in */
  HdSfAuth     *sf_auth;      /* owned; NULL without Salesforce */
  HdSfClient   *sf_client;
  HdOutbox     *outbox;       /* NULL when its folder is held by another instance */
  GCancellable *cancellable;

  HdSessionStageFunc stage_func; /* nullable: the crash tests' hook, set by code only */
  gpointer      stage_data;
  gboolean      restoring;    /* the queue is being given what the journal had open */
};

/* hd-session-restore.c */
void     _hd_session_watch_journal  (HdSession *self);
void     _hd_session_load_and_start (HdSession *self);
void     _hd_session_save_index (HdSession  *self);
gboolean _hd_session_stamp_feed (HdSession  *self,
                                 JsonObject *payload);
void     _hd_session_note_feed  (HdSession  *self);

/* hd-session.c: a test hook, never reachable from the environment or a
 * setting (the app has no switch that crashes it). */
void     _hd_session_set_stage_func (HdSession          *self,
                                     HdSessionStageFunc  func,
                                     gpointer            user_data);

/* hd-session.c */
gboolean _hd_session_setup          (HdSession   *self,
                                     const char  *url,
                                     const char  *token,
                                     const char  *state_path,
                                     GError     **error);
void     _hd_session_notice         (HdSession   *self,
                                     const char  *message);
void     _hd_session_journal_offer  (HdSession        *self,
                                     HdHandoff        *handoff,
                                     JsonObject       *packet,
                                     HdJournalPayload *prepared);
gboolean _hd_session_commit_journal (gpointer    user_data,
                                     GError    **error);
void     _hd_session_journal_turn   (HdSession  *self,
                                     HdHandoff  *handoff,
                                     JsonObject *turn,
                                     JsonObject *salesforce);

/* hd-session-salesforce.c: starts the session's transport (the WebSocket
 * feed, or Salesforce's once signed in) once the journal is read. */
void     _hd_session_start_transport (HdSession *self);
/* hd-session-salesforce.c: passes the stage hook on to the Salesforce
 * transport, when there is one. */
void     _hd_session_set_sf_stage_func (HdSession *self);
/* hd-session-salesforce.c: hd_session_setup_salesforce () with @store in
 * place of the keyring.  For tests that run a session in a process of
 * their own, with the tokens handed over in memory (every test of a run
 * shares one keyring); code only, like the stage hook. */
gboolean _hd_session_setup_salesforce_with_store (HdSession     *self,
                                                  HdOAuth       *oauth,
                                                  HdTokenStore  *store,
                                                  const char    *api_version,
                                                  GError       **error);

/* hd-session.c: emits "request-pending-changed" when it changes. */
void     _hd_session_set_request_pending (HdSession  *self,
                                          const char *handoff_id,
                                          gboolean    pending);

G_END_DECLS
