/* hd-window.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-application.h"
#include "hd-session.h"

G_BEGIN_DECLS

#define HD_TYPE_WINDOW (hd_window_get_type ())
G_DECLARE_FINAL_TYPE (HdWindow, hd_window, HD, WINDOW, AdwApplicationWindow)

HdWindow   *hd_window_new        (HdApplication *application);
const char *hd_window_get_mode   (HdWindow      *self);
void        hd_window_set_mode   (HdWindow      *self,
                                  const char    *mode);
void        hd_window_show_toast (HdWindow      *self,
                                  const char    *message);
void        hd_window_set_session (HdWindow     *self,
                                   HdSession    *session);
HdSession  *hd_window_get_session (HdWindow     *self);
void        hd_window_accept_offer  (HdWindow   *self,
                                     const char *handoff_id);
void        hd_window_decline_offer (HdWindow   *self,
                                     const char *handoff_id);
void        hd_window_show_offer    (HdWindow   *self,
                                     const char *handoff_id);
GFile      *hd_window_dup_demo_recordings  (void);
void        hd_window_open_recording       (HdWindow   *self,
                                            GFile      *file);
void        hd_window_open_demo_recordings (HdWindow   *self);
/* Built the first time they are asked for (or their mode shown). */
GtkWidget  *hd_window_get_supervisor_view  (HdWindow   *self);
GtkWidget  *hd_window_get_trainer_view     (HdWindow   *self);

G_END_DECLS
