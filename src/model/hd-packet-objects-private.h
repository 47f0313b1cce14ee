/* hd-packet-objects-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-packet-private.h"

G_BEGIN_DECLS

/* Shared by hd-packet-objects.c (the customer, the accounts, consent and
 * verification) and hd-packet-objects-conversation.c (intents, fields,
 * attachments, turns, the summary, routing and the Case fields). */

static inline const char * const *
strv_or_empty (GStrv strv)
{
  static const char * const empty_strv[] = { NULL };

  return strv != NULL ? (const char * const *) strv : empty_strv;
}

/* Lists the parser left NULL (nothing to list) are read as an empty store of
 * the right item type, so callers never see NULL.  Packets are shared between
 * threads, hence the compare-and-exchange rather than a plain assignment. */
static inline GListModel *
store_or_empty (GListStore **store,
                GType        item_type)
{
  if (g_atomic_pointer_get (store) == NULL)
    {
      GListStore *empty = g_list_store_new (item_type);

      if (!g_atomic_pointer_compare_and_exchange (store, NULL, empty))
        g_object_unref (empty);
    }

  return G_LIST_MODEL (g_atomic_pointer_get (store));
}

G_END_DECLS
