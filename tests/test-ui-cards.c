/* test-ui-cards.c: the handoff pane's customer and routing cards on their own
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-customer-card.h"
#include "hd-routing-card.h"
#include "hd-test-gtk-utils.h"
#include "hd-test-packet-util.h"
#include "hd-test-utils.h"
#include "hd-ui-format.h"

static HdApplication *test_app;

typedef struct
{
  GtkWindow *window;
  GtkWidget *card;
} Fixture;

/* A card in a window on screen and laid out, as the agent sees it. */
static void
fixture_show (Fixture   *fixture,
              GtkWidget *card)
{
  fixture->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (fixture->window, 316, 600);
  fixture->card = card;
  gtk_window_set_child (fixture->window, card);
  gtk_window_present (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->card), (gpointer *) &fixture->card);
  hd_test_flush (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  HD_TEST_WAIT_UNTIL (fixture->card == NULL, HD_TEST_TIMEOUT_MS);
}

static HdHandoff *
handoff_new (const char *fixture_name)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture (fixture_name);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 60);

  return hd_handoff_new (packet, expires);
}

/* The text of the value in row @row of a key and value grid, or NULL. */
static const char *
grid_value (GtkWidget *grid,
            int        row)
{
  GtkWidget *value = gtk_grid_get_child_at (GTK_GRID (grid), 1, row);

  return value != NULL ? gtk_label_get_text (GTK_LABEL (value)) : NULL;
}

static const char *
grid_key (GtkWidget *grid,
          int        row)
{
  GtkWidget *key = gtk_grid_get_child_at (GTK_GRID (grid), 0, row);

  return key != NULL ? gtk_label_get_text (GTK_LABEL (key)) : NULL;
}

/* Every value of the grid, one per line. */
static char *
grid_text (GtkWidget *grid)
{
  GString *text = g_string_new (NULL);

  for (int row = 0; grid_value (grid, row) != NULL; row++)
    g_string_append_printf (text, "%s: %s\n", grid_key (grid, row), grid_value (grid, row));
  return g_string_free (text, FALSE);
}

/* A wrapping value has the height its width needs: nothing is cut off. */
static void
assert_rows_fit (GtkWidget *grid)
{
  for (int row = 0; grid_value (grid, row) != NULL; row++)
    {
      GtkWidget *value = gtk_grid_get_child_at (GTK_GRID (grid), 1, row);
      int min_height;

      gtk_widget_measure (value, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (value),
                          &min_height, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (value), >=, min_height);
    }
}

static guint
count_reveal_buttons (GtkWidget *grid,
                      guint     *n_visible)
{
  guint n = 0;

  *n_visible = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "reveal-button"))
      {
        n++;
        *n_visible += gtk_widget_get_visible (c);
      }
  return n;
}

static void
test_customer_card (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(HdHandoff) handoff = handoff_new ("overseas-card-decline.json");
  g_autoptr(HdHandoff) minimal = handoff_new ("minimal.json");
  HdCustomerCard *card;
  GtkWidget *grid;
  g_autofree char *rows = NULL;
  g_autofree char *minimal_rows = NULL;
  guint n_visible;

  fixture_show (fixture, hd_customer_card_new ());
  card = HD_CUSTOMER_CARD (fixture->card);
  grid = hd_test_template_child (card, HD_TYPE_CUSTOMER_CARD, "customer_grid");
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, "Customer");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (card), "card"));

  hd_customer_card_set_handoff (card, handoff);
  g_assert_true (hd_customer_card_get_handoff (card) == handoff);
  g_assert_cmpstr (gtk_label_get_text (hd_test_template_child (card, HD_TYPE_CUSTOMER_CARD, "customer_name_label")),
                   ==, "Priya Raman");
  g_assert_cmpstr (gtk_label_get_text (hd_test_template_child (card, HD_TYPE_CUSTOMER_CARD, "customer_meta_label")),
                   ==, "Premier · In-app chat");

  /* Identifiers, then each account by its label and masked number, the key on the first of a kind. */
  rows = grid_text (grid);
  g_assert_true (g_str_has_prefix (rows, "CRM account: 001Hs00002ABCDeIAP\nCRM contact: 003Hs00001XYZabIAB\n"
                                         "Accounts: Visa Signature credit card "));
  g_assert_cmpstr (grid_key (grid, 3), ==, "");
  g_assert_cmpstr (grid_key (grid, 4), ==, "Linked");
  g_assert_null (grid_value (grid, 5));
  for (int row = 2; row < 5; row++)
    g_assert_true (g_str_has_suffix (grid_value (grid, row), "1111") ||
                   g_str_has_suffix (grid_value (grid, row), "6789") ||
                   g_str_has_suffix (grid_value (grid, row), "0034"));
  g_assert_null (strstr (rows, "4111 1111 1111 1111"));
  g_assert_null (strstr (rows, "50100123456789"));
  hd_test_assert_no_raw_number (rows);

  /* A Reveal button per account, shown only while policy allows it, named for its account. */
  g_assert_cmpuint (count_reveal_buttons (grid, &n_visible), ==, 3);
  g_assert_cmpuint (n_visible, ==, 0);
  hd_customer_card_set_allow_reveal (card, TRUE);
  g_assert_cmpuint (count_reveal_buttons (grid, &n_visible), ==, 3);
  g_assert_cmpuint (n_visible, ==, 3);
  {
    g_autofree char *name = g_strdup_printf ("Reveal %s", grid_value (grid, 2));

    gtk_test_accessible_assert_property (gtk_grid_get_child_at (GTK_GRID (grid), 2, 2),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }

  /* Labels are read, not Tab stops. */
  for (int row = 0; grid_value (grid, row) != NULL; row++)
    g_assert_false (gtk_widget_get_can_focus (gtk_grid_get_child_at (GTK_GRID (grid), 1, row)));

  /* After the next frame the rows have the height their width needs. */
  hd_test_flush (GTK_WIDGET (fixture->window));
  hd_test_flush (GTK_WIDGET (fixture->window));
  assert_rows_fit (grid);

  /* The journal menu follows show-journal. */
  g_assert_true (hd_customer_card_get_show_journal (card));
  hd_customer_card_set_show_journal (card, FALSE);
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (card, HD_TYPE_CUSTOMER_CARD, "journal_button")));

  /* Another handoff reuses the rows and leaves nothing of the first. */
  hd_customer_card_set_handoff (card, minimal);
  minimal_rows = grid_text (grid);
  g_assert_null (strstr (minimal_rows, "Priya"));
  g_assert_null (strstr (minimal_rows, "Visa"));
  g_assert_cmpuint (count_reveal_buttons (grid, &n_visible), ==, n_visible);
}

static guint
count_chips (GtkWidget *chips,
             const char *variant,
             GString    *words)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (chips); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      g_assert_false (gtk_widget_get_focusable (c));
      if (words != NULL)
        g_string_append_printf (words, "%s|", gtk_label_get_text (GTK_LABEL (chip)));
      if (variant == NULL || gtk_widget_has_css_class (chip, variant))
        n++;
    }
  return n;
}

static void
test_routing_card (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HdHandoff) handoff = handoff_new ("overseas-card-decline.json");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *clock = hd_ui_format_clock (hd_handoff_get_sla_deadline (handoff));
  g_autofree char *sla = g_strdup_printf ("Due %s (target 2 min)", clock);
  HdRoutingCard *card;
  GtkWidget *chips;
  GtkWidget *grid;

  fixture_show (fixture, hd_routing_card_new ());
  card = HD_ROUTING_CARD (fixture->card);
  chips = hd_test_template_child (card, HD_TYPE_ROUTING_CARD, "routing_chips");
  grid = hd_test_template_child (card, HD_TYPE_ROUTING_CARD, "routing_grid");
  gtk_test_accessible_assert_property (card, GTK_ACCESSIBLE_PROPERTY_LABEL, "Escalation and Routing");
  g_assert_false (gtk_widget_get_can_focus (chips));

  hd_routing_card_set_handoff (card, handoff);
  g_assert_cmpstr (gtk_label_get_text (hd_test_template_child (card, HD_TYPE_ROUTING_CARD, "escalation_reason_label")),
                   ==, "Regulated action");
  g_assert_cmpstr (gtk_label_get_text (hd_test_template_child (card, HD_TYPE_ROUTING_CARD, "escalation_detail_label")),
                   ==, "Enabling international usage needs agent confirmation of travel dates.");

  /* Priority, VIP and language, in that order. */
  g_assert_cmpuint (count_chips (chips, NULL, words), ==, 3);
  g_assert_cmpstr (words->str, ==, "High priority|VIP|Language: en-IN|");
  g_assert_cmpuint (count_chips (chips, "chip-high", NULL), ==, 1);
  g_assert_cmpuint (count_chips (chips, "chip-vip", NULL), ==, 1);

  /* Skill group and bot flow in words, and the SLA's deadline and target. */
  g_assert_cmpstr (grid_key (grid, 0), ==, "Skill");
  g_assert_cmpstr (grid_value (grid, 0), ==, "International cards");
  g_assert_cmpstr (grid_key (grid, 1), ==, "Bot flow");
  g_assert_cmpstr (grid_value (grid, 1), ==, "Cards › Transaction declined");
  g_assert_cmpstr (grid_key (grid, 2), ==, "Case type");
  g_assert_cmpstr (grid_value (grid, 2), ==, "Card service request");
  g_assert_cmpstr (grid_key (grid, 3), ==, "SLA");
  g_assert_cmpstr (grid_value (grid, 3), ==, sla);
  g_assert_null (grid_value (grid, 4));

  /* The routing layer's changes show at once, on the chips already there. */
  hd_handoff_set_vulnerable (handoff, TRUE);
  hd_handoff_set_sla_breached (handoff, TRUE);
  g_string_truncate (words, 0);
  g_assert_cmpuint (count_chips (chips, NULL, words), ==, 5);
  g_assert_cmpstr (words->str, ==, "High priority|VIP|Vulnerable customer|Language: en-IN|SLA breached|");
  g_assert_cmpuint (count_chips (chips, "chip-vulnerable", NULL), ==, 1);
  g_assert_cmpuint (count_chips (chips, "chip-breached", NULL), ==, 1);
  hd_handoff_set_priority (handoff, HD_PRIORITY_NORMAL);
  g_assert_cmpuint (count_chips (chips, "chip-high", NULL), ==, 0);

  /* Let go of, the handoff no longer changes the card. */
  hd_routing_card_set_handoff (card, NULL);
  hd_handoff_set_sla_breached (handoff, FALSE);
  g_assert_cmpuint (count_chips (chips, "chip-breached", NULL), ==, 1);

  /* A packet that names its queue: the routing layer's name, as plain text. */
  {
    g_autoptr(HdHandoff) named = handoff_new ("kyc-document-issue.json");

    hd_routing_card_set_handoff (card, named);
    g_assert_cmpstr (grid_key (grid, 0), ==, "Skill");
    g_assert_cmpstr (grid_value (grid, 0), ==, "Onboarding & KYC <new>");
    /* The case type's label from the packet, not the table's words for its id. */
    g_assert_cmpstr (grid_key (grid, 1), ==, "Case type");
    g_assert_cmpstr (grid_value (grid, 1), ==, "Account opening");
    hd_routing_card_set_handoff (card, NULL);
  }

  hd_test_flush (GTK_WIDGET (fixture->window));
  hd_test_flush (GTK_WIDGET (fixture->window));
  assert_rows_fit (grid);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add ("/hd/ui/cards/customer", Fixture, NULL, NULL, test_customer_card, fixture_teardown);
  g_test_add ("/hd/ui/cards/routing", Fixture, NULL, NULL, test_routing_card, fixture_teardown);

  return hd_test_ui_run (test_app);
}
