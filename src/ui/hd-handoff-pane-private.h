/* hd-handoff-pane-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-case-editor.h"
#include "hd-customer-card.h"
#include "hd-handoff-pane.h"
#include "hd-reply-bar.h"
#include "hd-routing-card.h"
#include "hd-story-column.h"
#include "hd-text-block.h"
#include "hd-transcript-view.h"
#include "hd-verification-badge.h"

G_BEGIN_DECLS

struct _HdHandoffPane
{
  AdwBin               parent_instance;

  HdHandoff           *handoff;              /* owned */
  gulong               state_notify_id;
  gboolean             read_only;
  gboolean             allow_reveal;

  /* template children */
  GtkScrolledWindow   *context_scroller;
  HdCustomerCard      *customer_card;
  HdVerificationBadge *verification_badge;
  HdRoutingCard       *routing_card;
  HdStoryColumn       *story;
  HdTranscriptView    *transcript;
  HdReplyBar          *reply_bar;
  HdCaseEditor        *case_editor;
};

void _hd_handoff_pane_update_journal_actions (HdHandoffPane  *self);
void _hd_handoff_pane_class_actions_init     (GtkWidgetClass *widget_class);
void _hd_handoff_pane_class_layout_init      (GtkWidgetClass *widget_class);

G_END_DECLS
