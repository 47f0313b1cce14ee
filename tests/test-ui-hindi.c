/* test-ui-hindi.c: the window as shipped, in Hindi (hi_IN.UTF-8) with Indian formats
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hd-queue-panel-card.h"
#include "hd-queue-panel-private.h"
#include "hd-session.h"
#include "hd-supervisor-view.h"
#include "hd-test-demo-window.h"
#include "hd-test-gtk-utils.h"
#include "hd-window.h"

static HdApplication *test_app;
static gboolean in_hindi;

typedef HdTestDemoWindow Fixture;

/* Whether @text has a letter of the Devanagari block (U+0900–U+097F). */
static gboolean
has_devanagari (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0900 && c <= 0x097F)
        return TRUE;
    }
  return FALSE;
}

/* The labels on screen under @widget that are in Hindi. */
static guint
count_hindi_labels (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  hd_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (label)) && has_devanagari (gtk_label_get_text (label)))
        {
          g_test_message ("Hindi: %s", gtk_label_get_text (label));
          n++;
        }
    }
  return n;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  if (!in_hindi)
    return;
  hd_test_demo_window_open (fixture, test_app, "hd-ui-hindi", 1366, 720);
  hd_test_flush (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  hd_test_demo_window_close (fixture);
}

static gboolean
window_fits (GtkWidget *window)
{
  int minimum;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("window: minimum width %d, width %d", minimum, gtk_widget_get_width (window));
  return minimum <= gtk_widget_get_width (window);
}

static gboolean
has_panels (gpointer data)
{
  Fixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_supervisor_model (fixture->session))) > 0;
}

static void
test_every_mode_in_hindi (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *button = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "connection_button");
  GtkWidget *agent_view = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view");
  GtkWidget *supervisor_view = hd_window_get_supervisor_view (fixture->window);
  GtkWidget *trainer = hd_window_get_trainer_view (fixture->window);
  GtkWidget *switcher = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "switcher_title");

  if (!in_hindi)
    {
      g_test_skip ("The locale hi_IN.UTF-8 is not generated (./build-aux/dev.sh generates it)");
      return;
    }

  /* The header: the feed's state as a screen reader hears it, and the mode switcher. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "फ़ीड कनेक्शन: कनेक्ट है");
  g_assert_cmpuint (count_hindi_labels (switcher), >, 0);
  g_assert_true (window_fits (GTK_WIDGET (fixture->window)));

  /* The Agent pane: the queue's rows and chips. */
  hd_window_set_mode (fixture->window, "agent");
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_hindi_labels (agent_view), >, 0);
  g_assert_true (window_fits (GTK_WIDGET (fixture->window)));

  /* The Supervisor: the queue cards and the KPI table. */
  hd_window_set_mode (fixture->window, "supervisor");
  g_assert_true (hd_test_wait_until (has_panels, fixture, HD_TEST_TIMEOUT_MS));
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_hindi_labels (supervisor_view), >, 0);
  g_assert_true (window_fits (GTK_WIDGET (fixture->window)));

  /* The Trainer, before a recording is open. */
  hd_window_set_mode (fixture->window, "trainer");
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (count_hindi_labels (trainer), >, 0);
  g_assert_true (window_fits (GTK_WIDGET (fixture->window)));
}

/* A queue figure of a lakh and more, grouped as Indian readers write it. */
static void
test_indian_grouping (void)
{
  GtkWidget *window;
  GtkWidget *card;
  g_autoptr(HdQueuePanel) panel = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;
  gint64 now = g_get_real_time ();

  if (!in_hindi)
    {
      g_test_skip ("The locale hi_IN.UTF-8 is not generated (./build-aux/dev.sh generates it)");
      return;
    }
  panel = _hd_queue_panel_new ("payments_hindi");
  _hd_queue_panel_set_window_counts (panel, now, 123456, 7, 2);
  _hd_queue_panel_refresh (panel, now, 600);

  window = gtk_window_new ();
  card = hd_queue_panel_card_new ();
  hd_queue_panel_card_set_panel (HD_QUEUE_PANEL_CARD (card), panel);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_present (GTK_WINDOW (window));
  HD_TEST_WAIT_UNTIL (gtk_widget_get_mapped (card), HD_TEST_TIMEOUT_MS);
  hd_test_flush (card);

  hd_test_collect (card, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      g_test_message ("card: %s", text);
      /* “पिछला घंटा: 2 ट्रांसफ़र में छोड़े गए · 1,23,456 अस्वीकृत · 7 समय-समाप्त” */
      if (strstr (text, "1,23,456 अस्वीकृत") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;
  g_autofree char *catalog = NULL;

  test_app = hd_test_ui_init (&argc, &argv);

  /* As the app starts in India: the locale from the environment, the translations from
   * the build tree (what HANDOFFDESK_LOCALEDIR gives the uninstalled app). */
  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  catalog = g_build_filename (localedir, "hi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (catalog, G_FILE_TEST_EXISTS));
  g_setenv ("LANGUAGE", "hi", TRUE);
  in_hindi = setlocale (LC_ALL, "hi_IN.UTF-8") != NULL;
  if (!in_hindi && g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("The locale hi_IN.UTF-8 is not generated: ./build-aux/dev.sh generates it");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/hindi/every-mode", Fixture, NULL, fixture_setup, test_every_mode_in_hindi, fixture_teardown);
  g_test_add_func ("/hindi/indian-grouping", test_indian_grouping);
  return hd_test_ui_run (test_app);
}
