/* hd-test-gtk-utils.c: what the widget tests share
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-test-gtk-utils.h"

#include <glib/gi18n.h>
#include <locale.h>

HdApplication *
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

HdApplication *
hd_test_ui_init (int    *argc,
                 char ***argv)
{
  const char *locale = g_getenv ("HD_TEST_LOCALE");

  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init () sets en_US.UTF-8; a program registered a second time for another
   * language (tests/meson.build) takes that locale and the build tree's catalogues, as
   * the uninstalled app does with HANDOFFDESK_LOCALEDIR. */
  if (locale != NULL)
    {
      if (setlocale (LC_ALL, locale) == NULL)
        g_error ("The locale %s is not generated: ./build-aux/dev.sh generates it", locale);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HANDOFFDESK_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  return hd_test_ui_application_new ();
}

int
hd_test_ui_run (HdApplication *app)
{
  int ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}

static gboolean
drawn_cb (GtkWidget     *widget,
          GdkFrameClock *frame_clock,
          gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* gtk_test_widget_wait_for_draw () with a deadline: it waits for ever on an unmapped widget. */
void
hd_test_flush (GtkWidget *widget)
{
  gboolean drawn = FALSE;
  guint id;

  g_assert_true (gtk_widget_get_mapped (widget));
  id = gtk_widget_add_tick_callback (widget, drawn_cb, &drawn, NULL);
  gtk_widget_queue_draw (widget);
  if (!hd_test_wait_until (flag_set, &drawn, HD_TEST_TIMEOUT_MS))
    {
      gtk_widget_remove_tick_callback (widget, id);
      g_error ("no frame was drawn for %s", G_OBJECT_TYPE_NAME (widget));
    }
  /* The tick runs before layout and paint: wait for the next one, so this frame has ended. */
  drawn = FALSE;
  gtk_widget_add_tick_callback (widget, drawn_cb, &drawn, NULL);
  if (!hd_test_wait_until (flag_set, &drawn, HD_TEST_TIMEOUT_MS))
    g_error ("no second frame was drawn for %s", G_OBJECT_TYPE_NAME (widget));
}

gpointer
hd_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("%s has no template child “%s”", g_type_name (type), name);
  return object;
}

void
hd_test_collect (GtkWidget *widget,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    hd_test_collect (c, type, out);
}

/* Whether a key press of @keyval with @mods fires @trigger; the application's accelerators
 * for one action are one shortcut with alternative triggers. */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* Activates the first shortcut of @widget's shortcut controllers in @phase that @keyval
 * and @mods fire and that takes it; *@found says whether one matched at all. */
static gboolean
activate_in_phase (GtkWidget           *widget,
                   GtkPropagationPhase  phase,
                   guint                keyval,
                   GdkModifierType      mods,
                   gboolean            *found)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (phase != GTK_PHASE_NONE && gtk_event_controller_get_propagation_phase (controller) != phase))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            continue;
          *found = TRUE;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
hd_test_activate_shortcut (GtkWidget  *widget,
                           const char *accel)
{
  GdkModifierType mods;
  gboolean found = FALSE;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  if (activate_in_phase (widget, GTK_PHASE_NONE, keyval, mods, &found))
    return TRUE;
  if (!found)
    g_test_fail_printf ("%s has no shortcut %s", G_OBJECT_TYPE_NAME (widget), accel);
  return FALSE;
}

gboolean
hd_test_press_key (GtkWindow  *window,
                   const char *accel)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkWidget *focus = gtk_window_get_focus (window);
  GdkModifierType mods;
  gboolean found = FALSE;
  guint keyval;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  /* The path from the window down to the focus, as GTK propagates a key event: the
   * capture phase top-down, then the target and bubble phases bottom-up. */
  for (GtkWidget *w = focus != NULL ? focus : GTK_WIDGET (window); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len; i++)
    if (gtk_widget_is_sensitive (g_ptr_array_index (path, i)) &&
        activate_in_phase (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, mods, &found))
      return TRUE;
  for (guint i = path->len; i > 0; i--)
    {
      GtkWidget *w = g_ptr_array_index (path, i - 1);

      if (!gtk_widget_is_sensitive (w))
        continue;
      if (activate_in_phase (w, GTK_PHASE_BUBBLE, keyval, mods, &found) ||
          (w == focus && activate_in_phase (w, GTK_PHASE_TARGET, keyval, mods, &found)))
        return TRUE;
    }
  return FALSE;
}

GtkWindow *
hd_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}
