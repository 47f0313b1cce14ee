/* test-ui-handoff-pane.c: the handoff pane and its verification badge
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hd-customer-card.h"
#include "hd-draft-store.h"
#include "hd-feed-protocol.h"
#include "hd-handoff-pane.h"
#include "hd-import.h"
#include "hd-reply-bar.h"
#include "hd-routing-card.h"
#include "hd-slice-model.h"
#include "hd-story-column.h"
#include "hd-test-packet-generator.h"
#include "hd-test-packet-util.h"
#include "hd-test-gtk-utils.h"
#include "hd-text-block.h"
#include "hd-transcript-view.h"
#include "hd-ui-format.h"
#include "hd-verification-badge.h"
#include "hd-verification-state.h"

static HdApplication *test_app;

/* Helpers. */

/* A template child of the pane's story column. */
static gpointer
story_child (gpointer    pane,
             const char *name)
{
  return hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "story"),
                                 HD_TYPE_STORY_COLUMN, name);
}

/* A template child of the pane's reply bar. */
static gpointer
reply_child (gpointer    pane,
             const char *name)
{
  return hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "reply_bar"),
                                 HD_TYPE_REPLY_BAR, name);
}

/* A template child of the pane's transcript view. */
static gpointer
transcript_child (gpointer    pane,
                  const char *name)
{
  return hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "transcript"),
                                 HD_TYPE_TRANSCRIPT_VIEW, name);
}

/* A template child of the pane's customer card. */
static gpointer
customer_child (gpointer    pane,
                const char *name)
{
  return hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "customer_card"),
                                 HD_TYPE_CUSTOMER_CARD, name);
}

/* A template child of the pane's routing card. */
static gpointer
routing_child (gpointer    pane,
               const char *name)
{
  return hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "routing_card"),
                                 HD_TYPE_ROUTING_CARD, name);
}

static const char *
label_text (HdHandoffPane *pane,
            const char    *name)
{
  /* The pane's cards, or else its story column's. */
  GtkWidget *customer_card = hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "customer_card");
  GtkWidget *routing_card = hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "routing_card");
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (customer_card, HD_TYPE_CUSTOMER_CARD, name));

  if (widget == NULL)
    widget = GTK_WIDGET (gtk_widget_get_template_child (routing_card, HD_TYPE_ROUTING_CARD, name));
  if (widget == NULL)
    widget = story_child (pane, name);

  if (HD_IS_TEXT_BLOCK (widget))
    return hd_text_block_get_text (HD_TEXT_BLOCK (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* Every text a label under @widget shows, one per line; checks on the way
 * that no label parses its text as markup. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  /* Transcript turns are drawn from plain text by their own widget. */
  if (HD_IS_TEXT_BLOCK (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, hd_text_block_get_text (HD_TEXT_BLOCK (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

/* The turn a transcript row at @position shows (a new reference): the
 * list's items are the slice's, each holding a turn. */
static HdTurn *
shown_turn (GListModel *shown,
            guint       position)
{
  g_autoptr(HdSliceItem) item = g_list_model_get_item (shown, position);

  return item != NULL ? g_object_ref (hd_slice_item_get_item (item)) : NULL;
}

static gboolean
same_turn (GListModel *shown,
           guint       shown_position,
           GListModel *transcript,
           guint       position)
{
  g_autoptr(HdTurn) a = shown_turn (shown, shown_position);
  g_autoptr(HdTurn) b = g_list_model_get_item (transcript, position);

  return a != NULL && a == b;
}

/* An agent scrolling the transcript to its top again and again. The pane loads earlier turns
 * into its list a frame after the view comes within a page of the first one it holds, so each
 * scroll has to wait for the one before to land: these are conditions for hd_test_wait_until ()
 * that scroll once more each time they do not hold yet. */
typedef struct
{
  GtkAdjustment *adjustment;
  GListModel    *shown;       /* the list's items */
  GListModel    *transcript;
  guint          max_shown;   /* the most items the list held on the way */
} ScrollUp;

static void
scroll_up_init (ScrollUp      *scroll,
                HdHandoffPane *pane,
                GListModel    *transcript)
{
  GtkWidget *scroller = transcript_child (pane, "transcript_scroller");
  GtkListView *list = transcript_child (pane, "transcript_view");

  scroll->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  scroll->shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  scroll->transcript = transcript;
  scroll->max_shown = g_list_model_get_n_items (scroll->shown);
}

static gboolean
scroll_up_until (ScrollUp *scroll,
                 gboolean  done)
{
  scroll->max_shown = MAX (scroll->max_shown, g_list_model_get_n_items (scroll->shown));
  if (!done)
    gtk_adjustment_set_value (scroll->adjustment, 0);
  return done;
}

static gboolean
lists_every_turn (gpointer data)
{
  ScrollUp *scroll = data;

  return scroll_up_until (scroll, g_list_model_get_n_items (scroll->shown) ==
                                  g_list_model_get_n_items (scroll->transcript));
}

static gboolean
lists_first_turn (gpointer data)
{
  ScrollUp *scroll = data;

  return scroll_up_until (scroll, same_turn (scroll->shown, 0, scroll->transcript, 0));
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The rows of a key and value grid, and whether one value shows @text. */
static guint
grid_rows (GtkWidget  *grid,
           const char *text,
           gboolean   *found)
{
  guint n = 0;
  GtkWidget *value;

  while ((value = gtk_grid_get_child_at (GTK_GRID (grid), 1, (int) n)) != NULL)
    {
      if (text != NULL && strstr (gtk_label_get_text (GTK_LABEL (value)), text) != NULL)
        *found = TRUE;
      n++;
    }
  return n;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static HdPacket *
parse_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  HdPacket *packet = hd_packet_parse_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return packet;
}

/* The overseas fixture, with @edit applied to its root object. */
static HdPacket *
parse_edited_fixture (void (*edit) (JsonObject *root, gpointer data),
                      gpointer data)
{
  g_autoptr(GBytes) bytes = hd_test_load_fixture ("valid", "overseas-card-decline.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)), data);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json = json_generator_to_data (generator, NULL);
  return parse_json (json);
}

static HdHandoff *
handoff_new (HdPacket *packet,
             gboolean  accepted)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 60);
  HdHandoff *handoff = hd_handoff_new (packet, expires);

  if (accepted)
    g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  return handoff;
}

typedef struct
{
  GtkWindow     *window;
  HdHandoffPane *pane;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (fixture->window, 1366, 720);
  fixture->pane = HD_HANDOFF_PANE (hd_handoff_pane_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  gtk_window_present (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->pane), (gpointer *) &fixture->pane);
  /* Every case starts from a window on screen and laid out, as the agent sees it. */
  hd_test_flush (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  /* Nothing of ours keeps the pane alive: GTK lets go of it once the window is gone, which
   * may take a turn of the main loop. */
  HD_TEST_WAIT_UNTIL (fixture->pane == NULL, HD_TEST_TIMEOUT_MS);
}

/* Pure helpers. */

static void
test_format (void)
{
  g_autofree char *token = hd_ui_format_token ("international_usage_not_enabled");
  g_autofree char *c1 = hd_ui_format_countdown (65 * G_TIME_SPAN_SECOND);
  g_autofree char *c2 = hd_ui_format_countdown (-10 * G_TIME_SPAN_SECOND);
  g_autofree char *c3 = hd_ui_format_countdown (2 * G_TIME_SPAN_HOUR + 5 * G_TIME_SPAN_MINUTE);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 10, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_minutes (now, -4);
  g_autofree char *ago = hd_ui_format_relative_time (then, now);

  g_assert_cmpstr (token, ==, "International usage not enabled");
  g_assert_null (hd_ui_format_token (NULL));
  g_assert_cmpstr (c1, ==, "1:05");
  g_assert_cmpstr (c2, ==, "−0:10");
  g_assert_cmpstr (c3, ==, "2 h 05 min");
  g_assert_cmpstr (ago, ==, "4 min ago");
  g_assert_cmpstr (hd_ui_format_priority (HD_PRIORITY_HIGH), ==, "High priority");
  g_assert_cmpstr (hd_ui_format_escalation_reason (HD_ESCALATION_REASON_REGULATED_ACTION), ==, "Regulated action");
}

typedef struct
{
  gboolean    authenticated;
  int         minutes_ago;   /* < 0: no verified_at */
  const char *scope;         /* comma separated, or NULL for none */
  gboolean    reverify;
} VerificationEdit;

static void
edit_verification (JsonObject *root,
                   gpointer    data)
{
  const VerificationEdit *edit = data;
  JsonObject *verification = json_object_get_object_member (root, "verification");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  json_object_set_boolean_member (verification, "authenticated", edit->authenticated);
  json_object_set_boolean_member (verification, "reverification_required", edit->reverify);
  if (edit->minutes_ago >= 0)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -edit->minutes_ago);
      g_autofree char *iso = g_date_time_format_iso8601 (at);

      json_object_set_string_member (verification, "verified_at", iso);
    }
  else
    json_object_remove_member (verification, "verified_at");

  if (edit->scope == NULL)
    json_object_remove_member (verification, "scope");
  else
    {
      g_auto(GStrv) parts = g_strsplit (edit->scope, ",", -1);
      JsonArray *array = json_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        json_array_add_string_element (array, parts[i]);
      json_object_set_array_member (verification, "scope", array);
    }
}

static void
test_verification_stale_rule (void)
{
  static const struct
  {
    VerificationEdit    edit;
    guint               window;
    HdVerificationState state;
    const char         *title;
    const char         *method;
  } cases[] = {
    { { FALSE, 4, NULL, FALSE }, 900, HD_VERIFICATION_STATE_NOT_VERIFIED, "Not verified", NULL },
    { { TRUE, 4, NULL, FALSE }, 900, HD_VERIFICATION_STATE_VERIFIED, "Verified", "OTP, 4 min ago" },
    { { TRUE, 4, "view_balance,card_controls", FALSE }, 900, HD_VERIFICATION_STATE_PARTLY_VERIFIED,
      "Partly verified", "OTP, 4 min ago" },
    { { TRUE, 14, NULL, FALSE }, 900, HD_VERIFICATION_STATE_VERIFIED, "Verified", "OTP, 14 min ago" },
    { { TRUE, 16, NULL, FALSE }, 900, HD_VERIFICATION_STATE_STALE, "Verification stale", "OTP, 16 min ago" },
    { { TRUE, 16, NULL, FALSE }, 1800, HD_VERIFICATION_STATE_VERIFIED, "Verified", "OTP, 16 min ago" },
    { { TRUE, 0, NULL, TRUE }, 900, HD_VERIFICATION_STATE_STALE, "Verification stale", "OTP, just now" },
    { { TRUE, -1, NULL, FALSE }, 900, HD_VERIFICATION_STATE_STALE, "Verification stale", "OTP, time unknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HdPacket) packet = parse_edited_fixture (edit_verification, (gpointer) &cases[i].edit);
      HdVerification *verification = hd_packet_get_verification (packet);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(HdVerificationSummary) summary = hd_verification_summarize (verification, now, cases[i].window);
      HdVerificationBadge *badge = HD_VERIFICATION_BADGE (g_object_ref_sink (hd_verification_badge_new ()));
      g_autofree char *accessible = g_strdup_printf ("Verification: %s", cases[i].title);

      g_test_message ("case %u", i);
      g_assert_cmpint (hd_verification_compute_state (verification, now, cases[i].window), ==, cases[i].state);
      g_assert_cmpint (summary->state, ==, cases[i].state);
      g_assert_cmpstr (summary->title, ==, cases[i].title);
      g_assert_cmpstr (summary->method, ==, cases[i].method);
      if (cases[i].state == HD_VERIFICATION_STATE_STALE)
        g_assert_true (g_str_has_prefix (summary->advice, cases[i].edit.reverify ? "The bot asks to re-verify"
                                                                                 : "Re-verify before action"));
      if (cases[i].state == HD_VERIFICATION_STATE_PARTLY_VERIFIED)
        g_assert_cmpstr (summary->scope, ==, "Covers only: view balance, card controls");

      /* The badge says the same, in words, to the eye and to screen readers. */
      hd_verification_badge_set_stale_after_seconds (badge, cases[i].window);
      hd_verification_badge_set_verification (badge, verification);
      g_assert_cmpint (hd_verification_badge_get_state (badge), ==, cases[i].state);
      g_assert_cmpstr (hd_verification_badge_get_title (badge), ==, cases[i].title);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
      g_assert_cmpstr (gtk_label_get_text (hd_test_template_child (badge, HD_TYPE_VERIFICATION_BADGE,
                                                                   "title_label")),
                       ==, cases[i].title);
      g_assert_finalize_object (badge);
    }
}

/* The pane, from every valid fixture. */

static void
assert_pane_shows_packet (HdHandoffPane *pane,
                          HdHandoff     *handoff,
                          const char    *raw_json)
{
  HdPacket *packet = hd_handoff_get_packet (handoff);
  HdCustomer *customer = hd_packet_get_customer (packet);
  HdSummary *summary = hd_packet_get_summary (packet);
  GListModel *intents = hd_packet_get_intents (packet);
  HdVerificationBadge *badge = hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "verification_badge");
  GtkListView *list = transcript_child (pane, "transcript_view");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HdVerificationSummary) expected = hd_verification_summarize (hd_packet_get_verification (packet),
                                                                          now, HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS);
  g_autofree char *badge_label = g_strdup_printf ("Verification: %s", expected->title);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *name = hd_customer_get_name (customer);
  JsonObject *raw_customer;
  guint n_intents = g_list_model_get_n_items (intents);
  ScrollUp scroll;

  /* Customer. */
  g_assert_cmpstr (label_text (pane, "customer_name_label"), ==, name != NULL ? name : "Name not given");

  /* Its grid: a row per identifier and account, a Reveal button per account,
   * nothing left of the handoff shown before (the rows are reused). */
  {
    GtkWidget *grid = customer_child (pane, "customer_grid");
    GListModel *lists[] = { hd_customer_get_accounts (customer), hd_customer_get_linked_accounts (customer) };
    guint rows = has_text (hd_customer_get_crm_account_id (customer)) +
                 has_text (hd_customer_get_crm_contact_id (customer));
    guint buttons = 0;

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      for (guint i = 0; lists[l] != NULL && i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(HdAccountRef) account = g_list_model_get_item (lists[l], i);
          const char *masked = hd_account_ref_get_masked_id (account);
          gboolean found = FALSE;

          rows++;
          if (masked != NULL)
            {
              grid_rows (grid, masked, &found);
              g_assert_true (found);
            }
        }
    g_assert_cmpuint (grid_rows (grid, NULL, NULL), ==, rows);
    for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (gtk_widget_has_css_class (c, "reveal-button"))
        buttons++;
    g_assert_cmpuint (buttons, ==, rows - has_text (hd_customer_get_crm_account_id (customer)) -
                                   has_text (hd_customer_get_crm_contact_id (customer)));
  }

  /* Routing chips: priority, then each flag that holds, and no more. */
  {
    HdRouting *routing = hd_packet_get_routing (packet);
    guint chips = 1 + hd_routing_get_vip (routing) + hd_handoff_get_vulnerable (handoff) +
                  (hd_routing_get_language (routing) != NULL) + hd_handoff_get_sla_breached (handoff);

    g_assert_cmpuint (count_children (routing_child (pane, "routing_chips")),
                      ==, chips);
  }

  /* Entities: a row each that has a value. */
  {
    GListModel *entities = hd_packet_get_entities (packet);
    guint rows = 0;

    for (guint i = 0; entities != NULL && i < g_list_model_get_n_items (entities); i++)
      {
        g_autoptr(HdField) field = g_list_model_get_item (entities, i);

        rows += has_text (hd_field_get_value (field));
      }
    g_assert_cmpuint (grid_rows (story_child (pane, "entities_grid"), NULL, NULL),
                      ==, rows);
  }

  /* Verification in words, for the eye and for screen readers. */
  g_assert_cmpstr (hd_verification_badge_get_title (badge), ==, expected->title);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, badge_label);

  /* Intents: one row each, in order. */
  g_assert_cmpuint (count_children (story_child (pane, "intents_box")),
                    ==, MAX (n_intents, 1));

  /* Summary. */
  if (hd_summary_get_text (summary) != NULL)
    g_assert_cmpstr (label_text (pane, "summary_label"), ==, hd_summary_get_text (summary));
  else
    g_assert_cmpstr (label_text (pane, "summary_label"), ==, "The bot sent no summary.");
  if (hd_summary_get_unresolved_issue (summary) != NULL)
    g_assert_cmpstr (label_text (pane, "unresolved_label"), ==, hd_summary_get_unresolved_issue (summary));
  else
    g_assert_false (gtk_widget_get_visible (story_child (pane, "unresolved_label")));

  /* Completeness is said plainly. */
  if (hd_completeness_get_n_missing (hd_packet_get_completeness (packet)) > 0)
    g_assert_true (g_str_has_prefix (label_text (pane, "completeness_title_label"), "The Bot Left Out"));
  else
    g_assert_cmpstr (label_text (pane, "completeness_title_label"), ==, "Context Complete");

  /* The whole transcript is in the (virtualised) list: the latest turns
   * first, earlier ones added above as the agent scrolls up. */
  scroll_up_init (&scroll, pane, hd_packet_get_transcript (packet));
  g_assert_true (hd_test_wait_until (lists_every_turn, &scroll, HD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==,
                    g_list_model_get_n_items (hd_packet_get_transcript (packet)));

  /* No full account number anywhere on screen: neither any long digit run,
   * nor the raw identifiers of the packet. The rows of the turns loaded last
   * are made at the next layout. */
  hd_test_flush (GTK_WIDGET (pane));
  collect_text (GTK_WIDGET (pane), shown);
  hd_test_assert_no_raw_number (shown->str);
  json_parser_load_from_data (parser, raw_json, -1, NULL);
  raw_customer = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "customer");
  if (raw_customer != NULL && json_object_has_member (raw_customer, "accounts"))
    {
      JsonArray *accounts = json_object_get_array_member (raw_customer, "accounts");

      for (guint i = 0; i < json_array_get_length (accounts); i++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (accounts, i), "id");

          if (id != NULL && strlen (id) > 4)
            g_assert_null (strstr (shown->str, id));
        }
    }

  /* Controls are named. */
  gtk_test_accessible_assert_property (reply_child (pane, "send_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Send Reply");
  gtk_test_accessible_assert_property (reply_child (pane, "reply_entry"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reply to Customer");
  gtk_test_accessible_assert_property (transcript_child (pane, "find_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Find in Transcript");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Transcript");
  gtk_test_accessible_assert_property (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "customer_card"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Customer");
}

static void
test_pane_fixtures (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir_path = hd_test_fixture_path ("valid", "");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *file;
  guint n_fixtures = 0;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(HdPacket) packet = NULL;
      g_autoptr(HdHandoff) handoff = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;

      if (!g_str_has_suffix (file, ".json"))
        continue;
      g_test_message ("fixture %s", file);
      bytes = hd_test_load_fixture ("valid", file);
      raw = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      packet = hd_packet_parse_bytes (bytes, NULL, &error);
      g_assert_no_error (error);
      handoff = handoff_new (packet, FALSE);

      hd_handoff_pane_set_handoff (fixture->pane, handoff);
      /* The transcript is scrolled below: its bounds come with the next layout. */
      hd_test_flush (GTK_WIDGET (fixture->pane));
      g_assert_true (hd_handoff_pane_get_handoff (fixture->pane) == handoff);
      assert_pane_shows_packet (fixture->pane, handoff, raw);
      n_fixtures++;
    }
  g_assert_cmpuint (n_fixtures, >, 0);

  hd_handoff_pane_set_handoff (fixture->pane, NULL);
}

/* The pane, from each bot platform's record of an escalation, imported
 * (tests/fixtures/import/): shown as a native packet is. */

static void
test_pane_imported (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) bytes = hd_test_load_fixture ("import", data);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(HdHandoff) handoff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;

  json = hd_import_to_json (bytes, HD_IMPORT_SOURCE_ANY, NULL, NULL, &error);
  g_assert_no_error (error);
  packet = hd_packet_parse_node (json, NULL, &error);
  g_assert_no_error (error);
  raw = json_to_string (json, FALSE);
  handoff = handoff_new (packet, FALSE);

  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  hd_test_flush (GTK_WIDGET (fixture->pane));
  g_assert_true (hd_handoff_pane_get_handoff (fixture->pane) == handoff);
  g_assert_cmpuint (g_list_model_get_n_items (hd_packet_get_transcript (packet)), >, 0);
  assert_pane_shows_packet (fixture->pane, handoff, raw);

  hd_handoff_pane_set_handoff (fixture->pane, NULL);
}

/* Markup-looking text from the network is shown literally. */

static void
edit_markup (JsonObject *root,
             gpointer    data)
{
  JsonObject *customer = json_object_get_object_member (root, "customer");
  JsonObject *summary = json_object_get_object_member (root, "summary");
  JsonObject *routing = json_object_get_object_member (root, "routing");
  JsonObject *case_fields = json_object_get_object_member (root, "case");

  json_object_set_string_member (customer, "name", "<b>Eve</b> & <span foreground='red'>Mallory");
  json_object_set_string_member (summary, "text", "<i>italic</i> &amp; <a href='x'>link</a>");
  json_object_set_string_member (json_object_get_object_member (routing, "escalation"), "detail", "</span>");
  json_object_set_string_member (case_fields, "next_best_action", "<big>Do it</big>");
  {
    JsonArray *transcript = json_object_get_array_member (root, "transcript");
    JsonObject *last = json_array_get_object_element (transcript, json_array_get_length (transcript) - 1);

    json_object_set_string_member (last, "text", "<b>card</b> ending &lt;4421&gt; <span size='99999'>");
  }
}

typedef struct
{
  HdHandoffPane *pane;
  const char    *text;
} ShownText;

/* Whether a label or turn under the pane shows @text; a condition for hd_test_wait_until (). */
static gboolean
pane_shows (gpointer data)
{
  ShownText *shown = data;
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (GTK_WIDGET (shown->pane), text);
  return strstr (text->str, shown->text) != NULL;
}

static void
test_pane_markup_literal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HdPacket) packet = parse_edited_fixture (edit_markup, NULL);
  g_autoptr(HdHandoff) handoff = handoff_new (packet, TRUE);
  g_autoptr(GString) shown = g_string_new (NULL);
  ShownText latest_turn = { fixture->pane, "\n<b>card</b> ending &lt;4421&gt; <span size='99999'>\n" };

  hd_handoff_pane_set_handoff (fixture->pane, handoff);

  g_assert_cmpstr (label_text (fixture->pane, "customer_name_label"), ==,
                   "<b>Eve</b> & <span foreground='red'>Mallory");
  g_assert_cmpstr (label_text (fixture->pane, "summary_label"), ==, "<i>italic</i> &amp; <a href='x'>link</a>");
  g_assert_cmpstr (label_text (fixture->pane, "escalation_detail_label"), ==, "</span>");
  g_assert_cmpstr (label_text (fixture->pane, "next_action_label"), ==, "<big>Do it</big>");
  /* The transcript's latest turn is on screen, as it was typed, once the
   * list has made its row. */
  g_assert_true (hd_test_wait_until (pane_shows, &latest_turn, HD_TEST_TIMEOUT_MS));
  collect_text (GTK_WIDGET (fixture->pane), shown);  /* asserts use-markup is off everywhere */
  g_assert_nonnull (strstr (shown->str, latest_turn.text));
}

/* A countdown's text block (the queue rows' clock and status line): a change
 * of digits alone redraws it without a layout of the window, and its sizes
 * are then those of a fresh block with the new text, at every width; any
 * other change is laid out again. */

static void
count_layout_cb (GdkFrameClock *clock,
                 guint         *n)
{
  (*n)++;
}

static void
assert_sizes_as_fresh (GtkWidget  *block,
                       const char *text)
{
  GtkWidget *fresh = g_object_new (HD_TYPE_TEXT_BLOCK, "tabular-figures", TRUE, "width-chars", 20, NULL);
  GtkWidget *box = gtk_widget_get_parent (block);
  int min, nat, fresh_min, fresh_nat;

  gtk_widget_add_css_class (fresh, "caption");
  gtk_box_append (GTK_BOX (box), fresh);
  hd_text_block_set_text (HD_TEXT_BLOCK (fresh), text, NULL, NULL);
  /* Styled (its caption font) by a frame, as the block was. */
  hd_test_flush (gtk_widget_get_ancestor (box, GTK_TYPE_WINDOW));
  gtk_widget_measure (block, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (fresh, GTK_ORIENTATION_HORIZONTAL, -1, &fresh_min, &fresh_nat, NULL, NULL);
  g_assert_cmpint (min, ==, fresh_min);
  g_assert_cmpint (nat, ==, fresh_nat);
  for (int width = min; width <= nat + 40; width += 7)
    {
      int height, fresh_height;

      gtk_widget_measure (block, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      gtk_widget_measure (fresh, GTK_ORIENTATION_VERTICAL, width, NULL, &fresh_height, NULL, NULL);
      g_assert_cmpint (height, ==, fresh_height);
    }
  gtk_box_remove (GTK_BOX (box), fresh);
}

static void
test_text_block_tabular (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *block = g_object_new (HD_TYPE_TEXT_BLOCK, "tabular-figures", TRUE, "width-chars", 20, NULL);
  GdkFrameClock *clock;
  guint n_layouts = 0;

  gtk_widget_add_css_class (block, "caption");
  gtk_box_append (GTK_BOX (box), block);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 200, 100);
  hd_text_block_set_text (HD_TEXT_BLOCK (block), "Offer · answer within 0:42 · SLA 3 min left", NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  hd_test_flush (window);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "layout", G_CALLBACK (count_layout_cb), &n_layouts);

  /* The next second: drawn, not laid out, and read out as it shows. */
  hd_text_block_set_text (HD_TEXT_BLOCK (block), "Offer · answer within 0:41 · SLA 3 min left", NULL, NULL);
  hd_test_flush (window);
  g_assert_cmpuint (n_layouts, ==, 0);
  g_assert_cmpstr (hd_text_block_get_text (HD_TEXT_BLOCK (block)), ==, "Offer · answer within 0:41 · SLA 3 min left");
  assert_sizes_as_fresh (block, "Offer · answer within 0:41 · SLA 3 min left");

  /* A new shape (one more digit) is measured again. */
  hd_test_flush (window);
  n_layouts = 0;
  hd_text_block_set_text (HD_TEXT_BLOCK (block), "Offer · answer within 10:00 · SLA 3 min left", NULL, NULL);
  hd_test_flush (window);
  g_assert_cmpuint (n_layouts, >, 0);
  assert_sizes_as_fresh (block, "Offer · answer within 10:00 · SLA 3 min left");

  g_signal_handlers_disconnect_by_func (clock, count_layout_cb, &n_layouts);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A turn's widget: plain text, wrapped like a label, sizes that hold. */

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_text_block (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *bubble = hd_text_block_new ();
  const char *markup = "<b>not bold</b> & <span>";
  /* Arabic, right to left: "My card was declined abroad and I cannot pay at the hotel now." */
  g_autofree char *rtl = g_strjoin (" ",
    "تم رفض بطاقتي في الخارج ولا أستطيع الدفع في الفندق الآن.",
    "تم رفض بطاقتي في الخارج ولا أستطيع الدفع في الفندق الآن.",
    "تم رفض بطاقتي في الخارج ولا أستطيع الدفع في الفندق الآن.", NULL);
  int min_width, nat_width, one_line, narrow, wide, again;

  gtk_window_set_child (GTK_WINDOW (window), bubble);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bubble)) == GTK_ACCESSIBLE_ROLE_LABEL);

  hd_text_block_set_text (HD_TEXT_BLOCK (bubble), markup, NULL, NULL);
  g_assert_cmpstr (hd_text_block_get_text (HD_TEXT_BLOCK (bubble)), ==, markup);
  gtk_widget_measure (bubble, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (nat_width, >, 0);
  g_assert_cmpint (min_width, <=, nat_width);
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, nat_width, NULL, &one_line, NULL, NULL);
  g_assert_cmpint (one_line, >, 0);

  /* Long right-to-left text wraps: taller when narrow, never wider than
   * about 72 characters, and the same sizes when asked again. */
  hd_text_block_set_text (HD_TEXT_BLOCK (bubble), rtl, NULL, NULL);
  gtk_widget_measure (bubble, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &nat_width, NULL, NULL);
  g_assert_cmpint (min_width, <, nat_width);
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, nat_width, NULL, &wide, NULL, NULL);
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, min_width, NULL, &narrow, NULL, NULL);
  g_assert_cmpint (wide, >=, 2 * one_line);
  g_assert_cmpint (narrow, >, wide);
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, nat_width, NULL, &again, NULL, NULL);
  g_assert_cmpint (again, ==, wide);

  /* New text, new sizes. */
  hd_text_block_set_text (HD_TEXT_BLOCK (bubble), "OK", NULL, NULL);
  gtk_widget_measure (bubble, GTK_ORIENTATION_VERTICAL, nat_width, NULL, &again, NULL, NULL);
  g_assert_cmpint (again, ==, one_line);

  /* The same text again is no change; another is. */
  {
    guint n_notified = 0;
    g_autofree char *text = NULL;
    int min_12, min_30, nat_30;

    g_signal_connect_swapped (bubble, "notify::text", G_CALLBACK (count_cb), &n_notified);
    hd_text_block_set_text (HD_TEXT_BLOCK (bubble), "OK", NULL, NULL);
    g_assert_cmpuint (n_notified, ==, 0);
    g_object_set (bubble, "text", rtl, NULL);
    g_assert_cmpuint (n_notified, ==, 1);
    g_object_get (bubble, "text", &text, NULL);
    g_assert_cmpstr (text, ==, rtl);

    /* Its narrowest and widest follow width-chars and max-width-chars. */
    gtk_widget_measure (bubble, GTK_ORIENTATION_HORIZONTAL, -1, &min_12, NULL, NULL, NULL);
    g_object_set (bubble, "width-chars", 30, "max-width-chars", 30, NULL);
    gtk_widget_measure (bubble, GTK_ORIENTATION_HORIZONTAL, -1, &min_30, &nat_30, NULL, NULL);
    g_assert_cmpint (min_30, >, min_12);
    g_assert_cmpint (min_30, ==, nat_30);
    g_assert_cmpint (nat_30, <, nat_width);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The reply box. */

/* Stands in for the window's session.* actions: logs what the pane asked for, until
 * remove_session_log (). */
static void
log_reply_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       log)
{
  const char *id, *text;

  g_variant_get (param, "(&s&s)", &id, &text);
  g_assert_cmpstr (id, !=, "");
  g_ptr_array_add (log, g_strdup_printf ("reply:%s", text));
}

static void
log_quality_report_activated (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       log)
{
  const char *id, *detail;
  guint32 report;
  gboolean automatic;

  g_variant_get (param, "(&su&sb)", &id, &report, &detail, &automatic);
  if (automatic)
    g_ptr_array_add (log, g_strdup_printf ("repeat:%s", detail));
  else
    g_ptr_array_add (log, g_strdup_printf ("%s:(null)", hd_quality_report_to_string (report)));
}

static void
log_transfer_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       log)
{
  const char *id, *queue;

  g_variant_get (param, "(&s&s)", &id, &queue);
  g_ptr_array_add (log, g_strdup_printf ("transferred:%s", queue));
}

static void
log_wrap_up_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       log)
{
  const char *id;
  gboolean resolved;

  g_variant_get (param, "(&sb)", &id, &resolved);
  g_ptr_array_add (log, g_strdup_printf ("wrap-up:%s", resolved ? "resolved" : "not-resolved"));
}

/* Journal requests carry the handoff's id, which the log keeps: the fixture's one handoff. */
static void
log_journal_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       log)
{
  if (g_variant_is_of_type (param, G_VARIANT_TYPE ("(sbu)")))
    {
      const char *id;
      gboolean linked;
      guint index;

      g_variant_get (param, "(&sbu)", &id, &linked, &index);
      g_ptr_array_add (log, g_strdup_printf ("reveal:%s:%s:%u", id, linked ? "linked" : "own", index));
    }
  else
    g_ptr_array_add (log, g_strdup_printf ("%s:%s", g_action_get_name (G_ACTION (action)),
                                           g_variant_get_string (param, NULL)));
}

static void
insert_session_log (HdHandoffPane *pane,
                    GPtrArray     *log)
{
  const GActionEntry entries[] = {
    { .name = "reply", .activate = log_reply_activated, .parameter_type = "(ss)" },
    { .name = "quality-report", .activate = log_quality_report_activated, .parameter_type = "(susb)" },
    { .name = "transfer", .activate = log_transfer_activated, .parameter_type = "(ss)" },
    { .name = "wrap-up", .activate = log_wrap_up_activated, .parameter_type = "(sb)" },
    { .name = "reveal", .activate = log_journal_activated, .parameter_type = "(sbu)" },
    { .name = "show-audit", .activate = log_journal_activated, .parameter_type = "s" },
    { .name = "export", .activate = log_journal_activated, .parameter_type = "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), log);
  gtk_widget_insert_action_group (GTK_WIDGET (pane), "session", G_ACTION_GROUP (group));
}

static void
remove_session_log (HdHandoffPane *pane)
{
  gtk_widget_insert_action_group (GTK_WIDGET (pane), "session", NULL);
}

static void
test_pane_reply (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, FALSE);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *entry = reply_child (fixture->pane, "reply_entry");
  GtkWidget *why = reply_child (fixture->pane, "reply_disabled_label");

  insert_session_log (fixture->pane, replies);
  hd_handoff_pane_set_handoff (fixture->pane, handoff);

  /* An offer cannot be answered yet, and the pane says why. */
  g_assert_false (gtk_widget_get_sensitive (entry));
  g_assert_true (gtk_widget_get_visible (why));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (why)), ==, "Accept the handoff to reply to the customer.");

  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  g_assert_true (gtk_widget_get_sensitive (entry));
  g_assert_false (gtk_widget_get_visible (why));

  /* Empty text sends nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.send-reply", NULL);
  g_assert_cmpuint (replies->len, ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "  I can enable it now.  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.send-reply", NULL));
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (replies, 0), ==, "reply:I can enable it now.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Refused: the text stays, nothing typed is lost. */
  hd_handoff_pane_set_can_send (fixture->pane, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Second");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (replies->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Second");

  /* The routing layer does not relay replies: disabled, with the reason. */
  hd_handoff_pane_set_can_reply (fixture->pane, FALSE);
  g_assert_false (gtk_widget_get_sensitive (entry));
  g_assert_true (gtk_widget_get_visible (why));
  g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (why)), "does not relay") != NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       gtk_label_get_text (GTK_LABEL (why)));

  /* Read-only (supervisors, trainers): no reply box at all. */
  hd_handoff_pane_set_read_only (fixture->pane, TRUE);
  g_assert_false (gtk_widget_get_visible (reply_child (fixture->pane, "reply_box")));

  remove_session_log (fixture->pane);
}

/* The reply box saves what the agent types to the draft store, and shows it
 * again for the same handoff: after switching chats, or after a restart. */
static void
test_pane_reply_draft (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, FALSE);
  g_autoptr(HdPacket) other_packet = hd_test_parse_fixture ("card-block.json");
  g_autoptr(HdHandoff) other = handoff_new (other_packet, FALSE);
  g_autofree char *dir = hd_test_make_tmp_dir ("hd-drafts-XXXXXX");
  g_autoptr(HdDraftStore) store = hd_draft_store_new (dir);
  GtkWidget *entry = reply_child (fixture->pane, "reply_entry");
  const char *id = hd_handoff_get_handoff_id (handoff);
  g_autofree char *saved = NULL;

  hd_draft_store_set_default (store);
  /* As a crashed run left it. */
  hd_draft_store_set_reply (store, id, "Your card is unblocked");
  g_assert_true (hd_draft_store_flush (store, NULL));
  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));

  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Your card is unblocked");

  gtk_editable_set_text (GTK_EDITABLE (entry), "Your card is unblocked now");
  hd_handoff_pane_set_handoff (fixture->pane, other);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Your card is unblocked now");
  saved = hd_draft_store_dup_reply (store, id);
  g_assert_cmpstr (saved, ==, "Your card is unblocked now");

  /* Emptied (as sending does): no draft left. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_clear_pointer (&saved, g_free);
  saved = hd_draft_store_dup_reply (store, id);
  g_assert_null (saved);

  hd_handoff_pane_set_handoff (fixture->pane, NULL);
  hd_draft_store_set_default (NULL);
  g_assert_true (hd_draft_store_flush (store, NULL));
  hd_test_rm_rf (dir);
}

/* Reveal, audit trail and export go up as session.* actions naming the handoff; reveal
 * only while policy allows it. */
static void
test_pane_journal_requests (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, FALSE);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  const char *id = hd_handoff_get_handoff_id (handoff);
  g_autofree char *audit = g_strdup_printf ("show-audit:%s", id);
  g_autofree char *export = g_strdup_printf ("export:%s", id);
  g_autofree char *reveal = g_strdup_printf ("reveal:%s:own:0", id);

  insert_session_log (fixture->pane, log);

  /* Nothing shown, nothing to ask about. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.show-audit", NULL);
  g_assert_cmpuint (log->len, ==, 0);

  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.show-audit", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.export-recording", NULL));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, audit);
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, export);

  /* Without the policy the pane does not even ask. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.reveal", "(bu)", FALSE, 0);
  g_assert_cmpuint (log->len, ==, 2);

  hd_handoff_pane_set_allow_reveal (fixture->pane, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.reveal", "(bu)", FALSE, 0));
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (log, 2), ==, reveal);

  remove_session_log (fixture->pane);
}

/* Live appends follow the bottom, unless the agent scrolled up. */

static HdTurn *
turn_new (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autoptr(GError) error = NULL;
  HdTurn *turn;

  json_object_set_string_member (object, "speaker", "customer");
  json_object_set_string_member (object, "time", "2026-11-24T09:20:00Z");
  json_object_set_string_member (object, "text", text);
  json_node_take_object (node, object);
  turn = hd_turn_parse_node (node, "/transcript/-", &error);
  g_assert_no_error (error);
  return turn;
}

static gboolean
at_bottom (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         >= gtk_adjustment_get_upper (adjustment) - 30;
}

/* The first frame painted with the transcript's bounds grown, and where the view was in it. */
typedef struct
{
  GtkAdjustment *adjustment;
  double         upper;
  gboolean       grown;
  gboolean       at_bottom;
} Painted;

static void
painted_grown_cb (GdkFrameClock *clock,
                  Painted       *painted)
{
  if (painted->grown || gtk_adjustment_get_upper (painted->adjustment) <= painted->upper)
    return;
  painted->grown = TRUE;
  painted->at_bottom = at_bottom (painted->adjustment);
}

static gboolean
scrollable (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) &&
         at_bottom (adjustment);
}

/* The pane loads earlier turns while the view is within a page of the first
 * one it holds: past that page, the view holds still. */
static gboolean
beyond_first_page (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static void
test_pane_live_append (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (300, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, &error);
  g_autoptr(HdHandoff) handoff = NULL;
  GtkWidget *scroller = transcript_child (fixture->pane, "transcript_scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkWidget *jump = transcript_child (fixture->pane, "jump_button");
  double before;

  g_assert_no_error (error);
  handoff = handoff_new (packet, TRUE);
  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  /* Laid out, taller than the view, and landed at the end. */
  g_assert_true (hd_test_wait_until (scrollable, adjustment, HD_TEST_TIMEOUT_MS));

  /* A chat opens at its latest turn. */
  g_assert_true (hd_handoff_pane_get_following (fixture->pane));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_true (at_bottom (adjustment));

  /* At the bottom, new turns scroll into view. Each is laid out in a frame of
   * its own (the view's bounds grow by its row), and the view lands at the
   * new end in that same frame: painted once, not below the view first. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HdTurn) turn = turn_new ("Are you still there?");
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->pane));
      Painted painted = { adjustment, gtk_adjustment_get_upper (adjustment), FALSE, FALSE };
      gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_grown_cb), &painted);

      hd_handoff_append_turn (handoff, turn);
      HD_TEST_WAIT_UNTIL (painted.grown, HD_TEST_TIMEOUT_MS);
      g_signal_handler_disconnect (clock, id);
      g_assert_true (painted.at_bottom);
    }
  /* The count in the title follows. */
  {
    guint n = g_list_model_get_n_items (hd_handoff_get_transcript (handoff));
    g_autofree char *title = g_strdup_printf ("Transcript · %u turns", n);

    g_assert_cmpstr (gtk_inscription_get_text (transcript_child (fixture->pane, "transcript_title_label")), ==, title);
  }
  g_assert_true (hd_handoff_pane_get_following (fixture->pane));
  g_assert_true (at_bottom (adjustment));
  g_assert_false (gtk_widget_get_visible (jump));

  /* Scrolled up to read (earlier turns load above): appends leave the view
   * where it is. */
  gtk_adjustment_set_value (adjustment, 0);
  g_assert_true (hd_test_wait_until (beyond_first_page, adjustment, HD_TEST_TIMEOUT_MS));
  g_assert_false (hd_handoff_pane_get_following (fixture->pane));
  before = gtk_adjustment_get_value (adjustment);
  /* A view that followed would move in the frame that lays the new turn out:
   * each append waits for that frame. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HdTurn) turn = turn_new ("Hello?");

      hd_handoff_append_turn (handoff, turn);
      hd_test_flush (GTK_WIDGET (fixture->pane));
    }
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) - before), <, 100.0);
  g_assert_false (at_bottom (adjustment));
  g_assert_false (hd_handoff_pane_get_following (fixture->pane));
  g_assert_true (gtk_widget_get_visible (jump));

  /* The "new messages" button brings the agent back to following: the view
   * lands at the end once the frame after the jump has laid it out, and it
   * still follows then (it must not take its own landing for the agent
   * scrolling). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.scroll-to-latest", NULL);
  hd_test_flush (GTK_WIDGET (fixture->pane));
  HD_TEST_WAIT_UNTIL (at_bottom (adjustment), HD_TEST_TIMEOUT_MS);
  g_assert_true (hd_handoff_pane_get_following (fixture->pane));
  g_assert_true (at_bottom (adjustment));
  g_assert_false (gtk_widget_get_visible (jump));
}

/* Find in transcript. */

static void
test_pane_find (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, TRUE);
  GtkSearchBar *bar = transcript_child (fixture->pane, "search_bar");
  GtkWidget *entry = transcript_child (fixture->pane, "search_entry");
  GtkListView *list = transcript_child (fixture->pane, "transcript_view");
  GtkSelectionModel *selection = gtk_list_view_get_model (list);
  guint first;
  g_autoptr(HdTurn) turn = NULL;
  g_autofree char *folded = NULL;

  hd_handoff_pane_set_handoff (fixture->pane, handoff);

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.find", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  gtk_editable_set_text (GTK_EDITABLE (entry), "INTERNATIONAL");
  g_signal_emit_by_name (entry, "search-changed");
  first = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  g_assert_cmpuint (first, !=, GTK_INVALID_LIST_POSITION);
  turn = shown_turn (G_LIST_MODEL (selection), first);
  folded = g_utf8_casefold (hd_turn_get_text (turn), -1);
  g_assert_nonnull (strstr (folded, "international"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.find-next", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), >, first);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.find-previous", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, first);

  gtk_editable_set_text (GTK_EDITABLE (entry), "zebra crossing");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_label_get_text (transcript_child (fixture->pane, "search_status_label")), ==, "No matches");
}

/* A long transcript: the list holds a bounded slice of it, which slides as
 * the agent scrolls, and every turn stays reachable. */

static guint
list_n_items (Fixture *fixture)
{
  GtkListView *list = transcript_child (fixture->pane, "transcript_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* Another handoff, and back: the rows stay and show the new turns only, the
 * speaker's style and side included. */
static void
test_pane_switch_reuses_rows (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) json_a = hd_test_packet_generator_build (40, 1);
  g_autoptr(GBytes) json_b = hd_test_packet_generator_build (40, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet_a = hd_packet_parse_bytes (json_a, NULL, &error);
  g_autoptr(HdPacket) packet_b = hd_packet_parse_bytes (json_b, NULL, &error);
  g_autoptr(HdHandoff) a = NULL;
  g_autoptr(HdHandoff) b = NULL;
  g_autoptr(GPtrArray) rows_a = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows_b = g_ptr_array_new ();
  GtkWidget *view = transcript_child (fixture->pane, "transcript_view");
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  guint n_kept = 0;

  g_assert_no_error (error);
  a = handoff_new (packet_a, TRUE);
  b = handoff_new (packet_b, TRUE);
  /* The list makes and binds its rows when it lays them out. */
  hd_handoff_pane_set_handoff (fixture->pane, a);
  hd_test_flush (view);
  hd_test_collect (view, HD_TYPE_TEXT_BLOCK, rows_a);
  g_assert_cmpuint (rows_a->len, >, 0);

  hd_handoff_pane_set_handoff (fixture->pane, b);
  hd_test_flush (view);
  hd_test_collect (view, HD_TYPE_TEXT_BLOCK, rows_b);
  g_assert_cmpuint (rows_b->len, ==, g_list_model_get_n_items (shown));
  for (guint i = 0; i < rows_b->len; i++)
    if (g_ptr_array_find (rows_a, g_ptr_array_index (rows_b, i), NULL))
      n_kept++;
  g_assert_cmpuint (n_kept, ==, MIN (rows_a->len, rows_b->len));

  /* Each row shows its own item's turn of b, never one of a. */
  for (guint i = 0; i < rows_b->len; i++)
    {
      HdTextBlock *bubble = g_ptr_array_index (rows_b, i);
      /* The rows are in the list's order. */
      g_autoptr(HdTurn) turn = shown_turn (shown, i);
      const char *text;

      g_assert_nonnull (turn);
      text = hd_turn_get_text (turn);
      if (text != NULL)
        g_assert_nonnull (strstr (hd_text_block_get_text (bubble), text));
      g_assert_cmpint (gtk_widget_get_halign (GTK_WIDGET (bubble)), ==,
                       hd_turn_get_speaker (turn) == HD_SPEAKER_AGENT ? GTK_ALIGN_END : GTK_ALIGN_START);
      for (guint j = 0; j < g_list_model_get_n_items (hd_handoff_get_transcript (a)); j++)
        {
          g_autoptr(HdTurn) old = g_list_model_get_item (hd_handoff_get_transcript (a), j);
          const char *old_text = hd_turn_get_text (old);

          if (old_text != NULL && g_strcmp0 (old_text, text) != 0)
            g_assert_null (strstr (hd_text_block_get_text (bubble), old_text));
        }
    }

  /* Back to a: its own turns again. */
  hd_handoff_pane_set_handoff (fixture->pane, a);
  hd_test_flush (view);
  g_ptr_array_set_size (rows_b, 0);
  hd_test_collect (view, HD_TYPE_TEXT_BLOCK, rows_b);
  for (guint i = 0; i < rows_b->len; i++)
    {
      g_autoptr(HdTurn) turn = shown_turn (shown, i);
      const char *text = hd_turn_get_text (turn);

      if (text != NULL)
        g_assert_nonnull (strstr (hd_text_block_get_text (g_ptr_array_index (rows_b, i)), text));
    }
}

static void
test_pane_long_transcript (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (2000, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, &error);
  g_autoptr(HdHandoff) handoff = NULL;
  GListModel *transcript;
  GtkWidget *scroller = transcript_child (fixture->pane, "transcript_scroller");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkListView *list = transcript_child (fixture->pane, "transcript_view");
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkWidget *entry = transcript_child (fixture->pane, "search_entry");
  GtkWidget *jump = transcript_child (fixture->pane, "jump_button");
  g_autofree char *needle = NULL;
  ScrollUp scroll;

  g_assert_no_error (error);
  handoff = handoff_new (packet, TRUE);
  transcript = hd_handoff_get_transcript (handoff);
  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  /* Opened and laid out: the scrolling below starts from a view with bounds. */
  hd_test_flush (GTK_WIDGET (fixture->pane));

  /* Opens at the latest turn, with a few turns only. */
  g_assert_cmpuint (list_n_items (fixture), >, 0);
  g_assert_cmpuint (list_n_items (fixture), <, 200);
  g_assert_true (same_turn (shown, list_n_items (fixture) - 1, transcript, 1999));
  g_assert_true (hd_handoff_pane_get_following (fixture->pane));

  /* Scrolling up again and again reaches the very first turn. */
  scroll_up_init (&scroll, fixture->pane, transcript);
  g_assert_true (hd_test_wait_until (lists_first_turn, &scroll, HD_TEST_TIMEOUT_MS));
  g_assert_true (same_turn (shown, 0, transcript, 0));
  g_assert_cmpuint (scroll.max_shown, <=, 200);
  g_assert_false (hd_handoff_pane_get_following (fixture->pane));

  /* A live turn while reading the start: not shown yet, but announced. A view
   * that jumped to it would do so in the frame that lays it out. */
  {
    g_autoptr(HdTurn) turn = turn_new ("Are you still there?");

    hd_handoff_append_turn (handoff, turn);
    hd_test_flush (GTK_WIDGET (fixture->pane));
  }
  g_assert_true (gtk_widget_get_visible (jump));
  g_assert_true (same_turn (shown, 0, transcript, 0));

  /* Find goes to a match outside the slice. */
  {
    guint i = 1500;
    g_autoptr(HdTurn) target = NULL;
    HdTurn *selected;

    while (target == NULL || hd_turn_get_text (target) == NULL)
      {
        g_clear_object (&target);
        target = g_list_model_get_item (transcript, i++);
      }
    needle = g_strdup (hd_turn_get_text (target));
    gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.find", NULL);
    gtk_editable_set_text (GTK_EDITABLE (entry), needle);
    g_signal_emit_by_name (entry, "search-changed");
    selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown));
    g_assert_nonnull (selected);
    selected = hd_slice_item_get_item (HD_SLICE_ITEM (selected));
    g_assert_cmpstr (hd_turn_get_text (selected), ==, needle);
    gtk_search_bar_set_search_mode (transcript_child (fixture->pane, "search_bar"), FALSE);
  }

  /* Back to the latest turns, the live one included, and following again,
   * once the view has landed at the end of the fresh slice (the frame after
   * the jump lays it out). */
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.scroll-to-latest", NULL);
  hd_test_flush (GTK_WIDGET (fixture->pane));
  HD_TEST_WAIT_UNTIL (at_bottom (adjustment), HD_TEST_TIMEOUT_MS);
  g_assert_true (same_turn (shown, list_n_items (fixture) - 1, transcript, 2000));
  g_assert_cmpuint (list_n_items (fixture), <=, 200);
  g_assert_true (hd_handoff_pane_get_following (fixture->pane));
  g_assert_false (gtk_widget_get_visible (jump));
}

/* Handoff quality: one-click KPI signals, only on an accepted handoff. */

/* The one open message dialog, or NULL. Unlike hd_test_find_toplevel (), it
 * fails the test when more than one is open: a click must never stack a
 * second dialog over the first. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = ADW_MESSAGE_DIALOG (window);
        }
    }
  return found;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_message_dialog ());
}

static void
click (HdHandoffPane *pane,
       const char    *name)
{
  GtkWidget *button = reply_child (pane, name);

  g_assert_true (gtk_widget_get_visible (button));
  /* The button's action runs at once: a signal, or a dialog presented. */
  g_signal_emit_by_name (button, "clicked");
}

/* The handoff a quality button reports on: its session.quality-report target's id. */
static const char *
report_target_id (HdHandoffPane *pane,
                  const char    *name)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (reply_child (pane, name)));
  const char *id;

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (reply_child (pane, name))), ==,
                   "session.quality-report");
  g_variant_get (target, "(&susb)", &id, NULL, NULL, NULL);
  return id;
}

static void
test_pane_quality (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { const char *button; const char *a11y; } buttons[] = {
    { "asked_to_repeat_button", "Signal: Asked Customer to Repeat" },
    { "re_verified_button", "Signal: Re-verified Customer" },
    { "transfer_button", "Transfer to Queue" },
    { "wrap_up_button", "Wrap Up Handoff" },
  };
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, FALSE);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box = reply_child (fixture->pane, "quality_box");
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  insert_session_log (fixture->pane, log);
  hd_handoff_pane_set_handoff (fixture->pane, handoff);

  /* An offer: no quality buttons, naming no handoff, and wrap-up does nothing (what it
   * does, it does at once: the dialog presented). */
  g_assert_false (gtk_widget_get_visible (box));
  g_assert_cmpstr (report_target_id (fixture->pane, "asked_to_repeat_button"), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.wrap-up", NULL);
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (log->len, ==, 0);

  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  g_assert_true (gtk_widget_get_visible (box));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, "Handoff Quality");
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = reply_child (fixture->pane, buttons[i].button);

      g_assert_true (gtk_widget_get_visible (button));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           buttons[i].a11y);
    }

  /* The buttons go to the session themselves, naming the handoff held. */
  g_assert_cmpstr (report_target_id (fixture->pane, "asked_to_repeat_button"), ==, hd_handoff_get_handoff_id (handoff));
  g_assert_cmpstr (report_target_id (fixture->pane, "re_verified_button"), ==, hd_handoff_get_handoff_id (handoff));
  click (fixture->pane, "asked_to_repeat_button");
  click (fixture->pane, "re_verified_button");
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==, "asked_to_repeat:(null)");
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "re_verified:(null)");

  /* Transfer asks for the queue; an empty name cannot be sent, cancel sends nothing. */
  click (fixture->pane, "transfer_button");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Cards Tier 2  ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  respond (dialog, "transfer");
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (log, 2), ==, "transferred:Cards Tier 2");

  click (fixture->pane, "transfer_button");
  respond (find_message_dialog (), "cancel");
  g_assert_cmpuint (log->len, ==, 3);

  /* Wrap up: resolved, not resolved, cancelled. */
  click (fixture->pane, "wrap_up_button");
  respond (find_message_dialog (), "resolved");
  click (fixture->pane, "wrap_up_button");
  respond (find_message_dialog (), "not-resolved");
  click (fixture->pane, "wrap_up_button");
  respond (find_message_dialog (), "cancel");
  g_assert_cmpuint (log->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (log, 3), ==, "wrap-up:resolved");
  g_assert_cmpstr (g_ptr_array_index (log, 4), ==, "wrap-up:not-resolved");

  /* Read-only panes (supervisor, trainer) never signal. */
  hd_handoff_pane_set_read_only (fixture->pane, TRUE);
  g_assert_false (gtk_widget_get_visible (box));
  g_assert_cmpstr (report_target_id (fixture->pane, "re_verified_button"), ==, "");
  g_assert_cmpuint (log->len, ==, 5);
  hd_handoff_pane_set_read_only (fixture->pane, FALSE);
  g_assert_true (gtk_widget_get_visible (box));

  /* A finished chat: hidden again. */
  g_assert_true (hd_handoff_transition (handoff, HD_HANDOFF_STATE_WRAPPED_UP, HD_REVOKE_REASON_NONE));
  g_assert_false (gtk_widget_get_visible (box));

  remove_session_log (fixture->pane);
}

/* Repeat detection in the reply box. */

static gboolean
widget_shown (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
widget_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* Whether the reply bar has no timer left to run. Its debounce of repeat
 * detection, which passes the bar to g_timeout_add (), is its only one; the
 * test checks first that this sees a debounce that is pending. */
static gboolean
no_timer_pending (gpointer data)
{
  return g_main_context_find_source_by_user_data (NULL, data) == NULL;
}

static void
test_pane_repeat_hint (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, TRUE);
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *entry = reply_child (fixture->pane, "reply_entry");
  gpointer reply_bar = hd_test_template_child (fixture->pane, HD_TYPE_HANDOFF_PANE, "reply_bar");
  GtkWidget *hint = reply_child (fixture->pane, "repeat_hint_label");
  const char *text;

  insert_session_log (fixture->pane, log);
  hd_handoff_pane_set_handoff (fixture->pane, handoff);
  g_assert_false (gtk_widget_get_visible (hint));

  /* Debounced: nothing at the keystroke, the hint once the agent pauses. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Which card are you using, credit or debit?");
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_true (hd_test_wait_until (widget_shown, hint, HD_TEST_TIMEOUT_MS));
  text = gtk_label_get_text (GTK_LABEL (hint));
  g_assert_true (g_str_has_prefix (text, "The bot already captured: "));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (hint)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (hint)));
  g_assert_nonnull (strstr (text, "Card: "));
  /* Screen readers read the hint as it reads. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (hint), GTK_ACCESSIBLE_PROPERTY_LABEL, text);

  /* An unrelated reply: the hint goes, once the agent pauses again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "I have turned on international usage for your credit card.");
  g_assert_false (no_timer_pending (reply_bar));
  g_assert_true (hd_test_wait_until (widget_hidden, hint, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.send-reply", NULL));
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log, 0), ==,
                   "reply:I have turned on international usage for your credit card.");

  /* Sending a repeating question reports it first, then sends it, and clears the hint. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Which card are you using, credit or debit?");
  g_assert_true (hd_test_wait_until (widget_shown, hint, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "pane.send-reply", NULL));
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (log, 1), ==, "repeat:card");
  g_assert_cmpstr (g_ptr_array_index (log, 2), ==, "reply:Which card are you using, credit or debit?");
  g_assert_false (gtk_widget_get_visible (hint));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  /* And nothing brings it back: only a debounce still to run could. */
  g_assert_true (hd_test_wait_until (no_timer_pending, reply_bar, HD_TEST_TIMEOUT_MS));
  g_assert_false (gtk_widget_get_visible (hint));

  remove_session_log (fixture->pane);
}

static void
test_pane_lifecycle (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(HdHandoff) handoff = handoff_new (packet, FALSE);
  GtkWidget *pane = g_object_ref_sink (hd_handoff_pane_new ());

  hd_handoff_pane_set_handoff (HD_HANDOFF_PANE (pane), handoff);
  g_assert_finalize_object (pane);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/handoff-pane/lifecycle", test_pane_lifecycle);
  g_test_add_func ("/hd/ui/format/words", test_format);
  g_test_add_func ("/hd/ui/text-block", test_text_block);
  g_test_add_func ("/hd/ui/text-block/tabular", test_text_block_tabular);
  g_test_add_func ("/hd/ui/verification/stale-rule", test_verification_stale_rule);
  g_test_add ("/hd/ui/handoff-pane/fixtures", Fixture, NULL, fixture_setup, test_pane_fixtures, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/rasa", Fixture, "rasa-tracker.json", fixture_setup,
              test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/dialogflow-cx-webhook", Fixture, "dialogflow-cx-webhook.json",
              fixture_setup, test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/dialogflow-cx-conversation", Fixture, "dialogflow-cx-conversation.json",
              fixture_setup, test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/lex-v2-event", Fixture, "lex-v2-event.json", fixture_setup,
              test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/lex-v2-logs", Fixture, "lex-v2-logs.json", fixture_setup,
              test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/salesforce", Fixture, "salesforce-composite.json", fixture_setup,
              test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/import/salesforce-messaging", Fixture, "salesforce-messaging.json",
              fixture_setup, test_pane_imported, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/markup-literal", Fixture, NULL, fixture_setup, test_pane_markup_literal, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/reply", Fixture, NULL, fixture_setup, test_pane_reply, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/reply-draft", Fixture, NULL, fixture_setup, test_pane_reply_draft,
              fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/journal-requests", Fixture, NULL, fixture_setup, test_pane_journal_requests,
              fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/live-append", Fixture, NULL, fixture_setup, test_pane_live_append, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/find", Fixture, NULL, fixture_setup, test_pane_find, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/switch-reuses-rows", Fixture, NULL, fixture_setup,
              test_pane_switch_reuses_rows, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/long-transcript", Fixture, NULL, fixture_setup, test_pane_long_transcript,
              fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/quality", Fixture, NULL, fixture_setup, test_pane_quality, fixture_teardown);
  g_test_add ("/hd/ui/handoff-pane/repeat-hint", Fixture, NULL, fixture_setup, test_pane_repeat_hint, fixture_teardown);

  return hd_test_ui_run (test_app);
}
