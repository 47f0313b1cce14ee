/* hd-preferences-window.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-sf-auth.h"

G_BEGIN_DECLS

#define HD_TYPE_PREFERENCES_WINDOW (hd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HdPreferencesWindow, hd_preferences_window, HD, PREFERENCES_WINDOW, AdwPreferencesWindow)

HdPreferencesWindow *hd_preferences_window_new         (GSettings           *settings);
void                 hd_preferences_window_set_sf_auth (HdPreferencesWindow *self,
                                                        HdSfAuth            *auth,
                                                        HdOAuthOpenUriFunc   open_uri);

G_END_DECLS
