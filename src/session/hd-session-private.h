/* hd-session-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-draft-store.h"
#include "hd-journal-index.h"
#include "hd-journal.h"
#include "hd-session.h"
#include "hd-sf-feed.h"

G_BEGIN_DECLS

struct _HdSession
{
  GObject       parent_instance;

  char         *data_dir;     /* where this session's state, journal and outbox live */
  char         *agent_id;
  HdFeedClient *feed;         /* owned; not started when sf_feed is set */
  HdSfFeed     *sf_feed;      /* owned; the Salesforce transport, or NULL */
  guint         sf_window_s;
  HdJournal    *journal;      /* owned; NULL when it could not be opened */
  HdJournalIndex *index;      /* owned; NULL without a journal */
  gboolean      restored;     /* what the journal had open is shown again */
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
};

/* hd-session-restore.c */
void     _hd_session_open_index (HdSession  *self);
void     _hd_session_save_index (HdSession  *self);
void     _hd_session_restore    (HdSession  *self);
gboolean _hd_session_stamp_feed (HdSession  *self,
                                 JsonObject *payload);
void     _hd_session_note_feed  (HdSession  *self);

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

/* hd-session.c: emits "request-pending-changed" when it changes. */
void     _hd_session_set_request_pending (HdSession  *self,
                                          const char *handoff_id,
                                          gboolean    pending);

G_END_DECLS
