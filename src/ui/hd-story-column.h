/* hd-story-column.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-packet.h"

G_BEGIN_DECLS

#define HD_TYPE_STORY_COLUMN (hd_story_column_get_type ())
G_DECLARE_FINAL_TYPE (HdStoryColumn, hd_story_column, HD, STORY_COLUMN, AdwBin)

/* The pane's second column of context cards: what happened in the bot
 * conversation and what to do next.  Context completeness (what the bot left
 * out), the bot's summary with sentiment, unresolved issue and actions tried,
 * the suggested next step with documents requested, and the intents and
 * entities the bot recognised.  It only presents a packet. */
GtkWidget *hd_story_column_new        (void);
void       hd_story_column_set_packet (HdStoryColumn *self,
                                       HdPacket      *packet);

G_END_DECLS
