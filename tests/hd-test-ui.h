/* hd-test-ui.h: helpers shared by the widget tests
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hd-application.h"

G_BEGIN_DECLS

/* Creates the real application, registered (so "startup" ran) but not running, so windows get its actions,
 * accelerators and settings exactly as in the shipped program. */
static inline HdApplication *
hd_test_ui_application_new (void)
{
  g_autoptr(GError) error = NULL;
  HdApplication *app = hd_application_new ();

  /* Tests run side by side on one session bus: never hand off to another instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  return app;
}

static inline void
hd_test_ui_iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Appends @widget and its descendants that are of @type to @out, in tree order. */
static inline void
hd_test_ui_collect (GtkWidget *widget,
                    GType      type,
                    GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    hd_test_ui_collect (c, type, out);
}

/* Iterates until @condition holds or @timeout_ms pass: sanitizer builds lay out slowly, so
 * tests wait for what they need instead of for a fixed time. Returns whether it held. */
static inline gboolean
hd_test_ui_wait_until (gboolean (*condition) (gpointer),
                       gpointer   data,
                       guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

G_END_DECLS
