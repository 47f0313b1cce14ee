/* hd-test-gtk-utils.h: what the widget tests share
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-application.h"
#include "hd-test-utils.h"

G_BEGIN_DECLS

/* The real application, registered (so "startup" ran) but not running, so windows get its
 * actions, accelerators and settings exactly as in the shipped program. */
HdApplication *hd_test_ui_application_new   (void);

/* gtk_test_init (), adw_init () and the application; hd_test_ui_run () runs the cases and
 * releases it. With HD_TEST_LOCALE (e.g. hi_IN.UTF-8) and HANDOFFDESK_LOCALEDIR in the
 * environment, the program runs in that locale with the build tree's translations. */
HdApplication *hd_test_ui_init              (int          *argc,
                                             char       ***argv);
int            hd_test_ui_run               (HdApplication *app);

/* Returns once @widget's frame clock has run a whole style, layout and paint cycle: what a
 * test needs after a change that shows only in the next frame. Fails when no frame comes
 * (an unmapped widget never draws). */
void           hd_test_flush                (GtkWidget    *widget);

/* The named template child of @widget's class @type; fails the test when there is none. */
gpointer       hd_test_template_child       (gpointer      widget,
                                             GType         type,
                                             const char   *name);

/* Appends @widget and its descendants that are of @type to @out, in tree order. */
void           hd_test_collect              (GtkWidget    *widget,
                                             GType         type,
                                             GPtrArray    *out);

/* The shortcut of @widget's controllers that @accel ("<Control>Return") fires (a widget
 * class's bindings; on a window, also the application's accelerators), activated as GTK
 * would on the key press: FALSE when its action is disabled and the key would go on.
 * Fails the test when the widget has no such shortcut. */
gboolean       hd_test_activate_shortcut    (GtkWidget    *widget,
                                             const char   *accel);

/* A key press of @accel ("Tab", "<Shift>F6") in @window, as GTK delivers it to shortcuts:
 * the capture phase from the window down to the focus widget, then up again; the first
 * shortcut that takes it ends it.  TRUE when one did.  Key controllers that are not
 * shortcuts (text input) are not reached: a test of Tab checks what has the focus. */
gboolean       hd_test_press_key            (GtkWindow    *window,
                                             const char   *accel);

/* The visible top-level window of @type, or NULL. */
GtkWindow     *hd_test_find_toplevel        (GType         type);

G_END_DECLS
