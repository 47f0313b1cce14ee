/* hd-memory-token-store.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-token-store.h"

G_BEGIN_DECLS

/* An HdTokenStore in memory, for unit tests of its callers.  Never used by
 * the app.  set_fail () makes every call fail as a locked keyring would. */

#define HD_TYPE_MEMORY_TOKEN_STORE (hd_memory_token_store_get_type ())
G_DECLARE_FINAL_TYPE (HdMemoryTokenStore, hd_memory_token_store, HD, MEMORY_TOKEN_STORE, GObject)

HdTokenStore *hd_memory_token_store_new         (void);
guint         hd_memory_token_store_get_n_items (HdMemoryTokenStore *self);
void          hd_memory_token_store_set_fail    (HdMemoryTokenStore *self,
                                                 gboolean            fail);

G_END_DECLS
