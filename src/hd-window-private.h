/* hd-window-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-agent-view.h"
#include "hd-outbox-indicator.h"
#include "hd-status-selector.h"
#include "hd-supervisor-view.h"
#include "hd-trainer-view.h"
#include "hd-window.h"

G_BEGIN_DECLS

struct _HdWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *mode;            /* "agent", "supervisor" or "trainer" */
  HdSession            *session;         /* owned; NULL when not connected to a feed */
  GCancellable         *cancellable;
  guint                 fold_buttons_id; /* idle: update_fold_buttons () */     /* cancelled in dispose and when the session changes */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkMenuButton        *menu_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *agent_page;
  GtkWidget            *supervisor_page;
  GtkWidget            *trainer_bin;     /* holds trainer_view once built */
  GtkStack             *agent_stack;
  HdAgentView          *agent_view;
  HdStatusSelector     *status_selector;
  AdwViewSwitcherBar   *switcher_bar;
  GtkToggleButton      *queue_button;
  GtkToggleButton      *recordings_button;
  GtkToggleButton      *details_button;
  GtkMenuButton        *connection_button;
  GtkImage             *connection_icon;
  GtkLabel             *connection_label;
  GtkLabel             *connection_details;
  HdOutboxIndicator    *outbox_indicator;
  GtkStack             *supervisor_stack;

  /* Built on first use (hd-window-views.c), NULL until then. */
  HdSupervisorView     *supervisor_view;
  HdTrainerView        *trainer_view;
  gboolean              alerts_connected; /* to the session's supervisor model */
  guint                 model_flush_id;   /* flushes that model until supervisor_view is built */
};

HdHandoff *_hd_window_lookup_handoff       (HdWindow       *self,
                                           const char     *handoff_id);
void       _hd_window_class_actions_init   (GtkWidgetClass *widget_class);
void       _hd_window_actions_init         (HdWindow       *self);
void       _hd_window_update_offer_actions (HdWindow       *self);
void       _hd_window_ensure_mode_view     (HdWindow       *self,
                                           const char     *mode);
void       _hd_window_views_set_session    (HdWindow       *self);
void       _hd_window_queue_update_fold_buttons (HdWindow  *self);

G_END_DECLS
