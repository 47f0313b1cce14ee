/* hd-window.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-window.h"

struct _HdWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *mode;            /* "agent", "supervisor" or "trainer" */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkMenuButton        *menu_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *agent_page;
  GtkWidget            *supervisor_page;
  GtkWidget            *trainer_page;
};

G_DEFINE_FINAL_TYPE (HdWindow, hd_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_MODE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static gboolean
is_known_mode (const char *mode)
{
  return g_strcmp0 (mode, "agent") == 0 ||
         g_strcmp0 (mode, "supervisor") == 0 ||
         g_strcmp0 (mode, "trainer") == 0;
}

const char *
hd_window_get_mode (HdWindow *self)
{
  g_return_val_if_fail (HD_IS_WINDOW (self), NULL);

  return self->mode;
}

void
hd_window_set_mode (HdWindow   *self,
                    const char *mode)
{
  g_return_if_fail (HD_IS_WINDOW (self));

  /* Settings from an older or hand-edited configuration must not leave an empty window. */
  if (!is_known_mode (mode))
    {
      g_warning ("Ignoring unknown mode “%s”", mode ? mode : "(null)");
      return;
    }

  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  adw_view_stack_set_visible_child_name (self->view_stack, mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

void
hd_window_show_toast (HdWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (HD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* In libadwaita 1.2 toast titles are always Pango markup, and messages may carry text
   * from the network: escape them so they show as plain text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  hd_window_show_toast (HD_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The view switcher changes the stack directly: keep the mode property in step. */
static void
on_visible_child_name_cb (HdWindow   *self,
                          GParamSpec *pspec,
                          AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (name != NULL)
    hd_window_set_mode (self, name);
}

/* For the start-up benchmark: report when the first frame has been painted, on the
 * system-wide monotonic clock the benchmark also reads, then quit. */
static void
on_first_paint_cb (GdkFrameClock *clock,
                   HdWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
hd_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hd_window_parent_class)->realize (widget);

  if (g_getenv ("HD_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_paint_cb), widget, 0);
}

static void
hd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HdWindow *self = HD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      hd_window_set_mode (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The window's own state lives in the application's one GSettings. */
static void
bind_settings (HdWindow  *self,
               GSettings *settings)
{
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "last-mode", self, "mode", G_SETTINGS_BIND_DEFAULT);
}

static void
hd_window_finalize (GObject *object)
{
  HdWindow *self = HD_WINDOW (object);

  g_free (self->mode);

  G_OBJECT_CLASS (hd_window_parent_class)->finalize (object);
}

static void
hd_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HD_TYPE_WINDOW);

  G_OBJECT_CLASS (hd_window_parent_class)->dispose (object);
}

static void
hd_window_class_init (HdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_window_dispose;
  object_class->finalize = hd_window_finalize;
  object_class->get_property = hd_window_get_property;
  object_class->set_property = hd_window_set_property;
  widget_class->realize = hd_window_realize;

  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "agent",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/hd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, agent_page);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, supervisor_page);
  gtk_widget_class_bind_template_child (widget_class, HdWindow, trainer_page);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_name_cb);

  gtk_widget_class_install_property_action (widget_class, "win.mode", "mode");
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
}

static void
hd_window_init (HdWindow *self)
{
  self->mode = g_strdup ("agent");
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The primary menu button shows only an icon: give it a name for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->switcher_title),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mode"),
                                  -1);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

HdWindow *
hd_window_new (HdApplication *application)
{
  HdWindow *self;

  g_return_val_if_fail (HD_IS_APPLICATION (application), NULL);

  self = g_object_new (HD_TYPE_WINDOW, "application", application, NULL);
  bind_settings (self, hd_application_get_settings (application));
  return self;
}
