/* test-ui-geometry.c: the window fits 1366×768, 1024×768 and 800×600 in every state, and no
 * text is clipped
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hd-agent-view.h"
#include "hd-journal.h"
#include "hd-recording.h"
#include "hd-replay.h"
#include "hd-reply-bar.h"
#include "hd-test-demo.h"
#include "hd-test-gtk-utils.h"
#include "hd-text-block.h"
#include "hd-trainer-view.h"
#include "hd-window.h"

static HdApplication *test_app;

static const struct { int width; int height; } sizes[] = {
  { 1366, 768 },
  { 1024, 768 },
  { 800, 600 },
};

/* Long words with nothing to break them at, a long name, Devanagari and right-to-left text:
 * what makes text widgets wrap, and what they must measure for. */
#define LONG_NAME "श्रीमती राजलक्ष्मी वेंकटसुब्रमण्यम Chattopadhyay-Venkatasubramanian"
#define LONG_TOKEN "REF-7F3A9C0B2E5D8A1F4C6B9E0D3A7F2C5B8E1D4A6F9C2B5E8D0A3F7C1B4E6D9A2F5C8B"
#define RTL_TEXT "مرحبا، لم تصل الحوالة إلى حسابي حتى الآن وأحتاج إلى مساعدة عاجلة שלום, ההעברה לא הגיעה"
#define LONG_REPLY "I have checked the transfer " LONG_TOKEN " and it is on its way; " \
                   "आपका पैसा दो कार्यदिवसों में वापस आ जाएगा। Anything else I can help with?"

typedef struct
{
  char      *dir;
  HdDemo    *demo;
  HdSession *session;
  HdWindow  *window;
  GString   *problems;
} Fixture;

static gboolean
connected_with_offers (gpointer data)
{
  Fixture *fixture = data;

  return hd_feed_client_get_state (hd_session_get_feed (fixture->session)) == HD_FEED_CLIENT_STATE_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hd_session_get_queue (fixture->session))) >= 3;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Transitions end at once: what is measured is where things come to rest. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fixture->dir = g_dir_make_tmp ("hd-geometry-XXXXXX", NULL);
  fixture->demo = hd_demo_new ();
  fixture->session = hd_test_demo_session_new (fixture->demo, fixture->dir, &error);
  g_assert_no_error (error);
  fixture->problems = g_string_new (NULL);

  fixture->window = hd_window_new (test_app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  hd_window_set_session (fixture->window, fixture->session);
  hd_session_start (fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), sizes[0].width, sizes[0].height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (hd_test_wait_until (connected_with_offers, fixture, HD_TEST_TIMEOUT_MS));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  hd_session_stop (fixture->session);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  HD_TEST_WAIT_UNTIL (fixture->window == NULL, HD_TEST_TIMEOUT_MS);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->demo);
  g_string_free (fixture->problems, TRUE);
  g_free (fixture->dir);
}

/* A real packet (tests/fixtures) with a long Devanagari and Latin name, long accounts, an
 * unbroken token and right-to-left turns, offered by the demo router. */
static char *
push_hard_offer (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (g_getenv ("HD_TEST_FIXTURES"), "valid",
                                            "failed-upi-transfer-hi.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  static guint n_offers;
  g_autofree char *handoff_id = NULL;
  JsonObject *packet, *customer, *account, *turn;
  JsonArray *transcript;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  packet = json_node_get_object (json_parser_get_root (parser));
  /* Each offer a handoff of its own. */
  handoff_id = g_strdup_printf ("ho-geometry-%u", ++n_offers);
  json_object_set_string_member (packet, "handoff_id", handoff_id);
  customer = json_object_get_object_member (packet, "customer");
  json_object_set_string_member (customer, "name", LONG_NAME);
  account = json_array_get_object_element (json_object_get_array_member (customer, "accounts"), 0);
  json_object_set_string_member (account, "label", "बचत खाता Premium Savings Account " LONG_TOKEN);
  transcript = json_object_get_array_member (packet, "transcript");
  turn = json_array_get_object_element (transcript, 1);
  json_object_set_string_member (turn, "text", "Reference " LONG_TOKEN " " LONG_TOKEN " मेरा UPI पेमेंट फेल हो गया");
  turn = json_array_get_object_element (transcript, 2);
  json_object_set_string_member (turn, "text", RTL_TEXT);
  json_object_set_string_member (json_object_get_object_member (packet, "summary"), "text",
                                 LONG_TOKEN " " RTL_TEXT " " LONG_NAME);

  return hd_demo_router_push_packet (hd_demo_get_router (fixture->demo),
                                     hd_demo_get_agent_id (fixture->demo),
                                     json_parser_get_root (parser));
}

typedef struct
{
  Fixture        *fixture;
  const char     *id;
  HdHandoffState  state;
} StateWait;

static gboolean
handoff_in_state (gpointer data)
{
  StateWait *wait = data;
  HdHandoff *handoff = hd_queue_lookup (hd_session_get_queue (wait->fixture->session), wait->id);

  return handoff != NULL && hd_handoff_get_state (handoff) == wait->state;
}

static HdHandoff *
wait_for_state (Fixture        *fixture,
                const char     *id,
                HdHandoffState  state)
{
  StateWait wait = { fixture, id, state };

  g_assert_true (hd_test_wait_until (handoff_in_state, &wait, HD_TEST_TIMEOUT_MS));
  return hd_queue_lookup (hd_session_get_queue (fixture->session), id);
}

static HdAgentView *
agent_view (Fixture *fixture)
{
  return HD_AGENT_VIEW (hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "agent_view"));
}

static HdHandoff *
select_offer (Fixture    *fixture,
              const char *id)
{
  HdHandoff *handoff = wait_for_state (fixture, id, HD_HANDOFF_STATE_OFFERED);

  hd_agent_view_set_selected_handoff (agent_view (fixture), handoff);
  return handoff;
}

static char *
accept_hard_offer (Fixture *fixture)
{
  g_autofree char *id = push_hard_offer (fixture);

  select_offer (fixture, id);
  gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "agent.accept", NULL);
  wait_for_state (fixture, id, HD_HANDOFF_STATE_ACCEPTED);
  return g_steal_pointer (&id);
}

static gboolean
last_turn_is_agent (gpointer data)
{
  GListModel *transcript = data;
  guint n = g_list_model_get_n_items (transcript);
  g_autoptr(HdTurn) last = n > 0 ? g_list_model_get_item (transcript, n - 1) : NULL;

  return last != NULL && hd_turn_get_speaker (last) == HD_SPEAKER_AGENT;
}

/* Sends a reply as the agent does: typed into the reply box and sent with Enter. */
static void
send_reply (Fixture    *fixture,
            HdHandoff  *handoff,
            const char *text)
{
  HdHandoffPane *pane = hd_agent_view_get_pane (agent_view (fixture));
  GtkWidget *entry = hd_test_template_child (hd_test_template_child (pane, HD_TYPE_HANDOFF_PANE, "reply_bar"),
                                             HD_TYPE_REPLY_BAR, "reply_entry");

  HD_TEST_WAIT_UNTIL (hd_handoff_pane_get_can_send (pane), HD_TEST_TIMEOUT_MS);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.send-reply", NULL));
  g_assert_true (hd_test_wait_until (last_turn_is_agent, hd_handoff_get_transcript (handoff), HD_TEST_TIMEOUT_MS));
}

/* Whether @widget scrolls its children: they may lie beyond its edges in the direction it
 * scrolls. */
static gboolean
scrolls (GtkWidget      *widget,
         GtkOrientation  orientation)
{
  GtkPolicyType hpolicy, vpolicy;

  if (!GTK_IS_SCROLLED_WINDOW (widget))
    return FALSE;
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &hpolicy, &vpolicy);
  /* "never" and "external" do not show a scrollbar: what is beyond the edge is lost. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return hpolicy == GTK_POLICY_AUTOMATIC || hpolicy == GTK_POLICY_ALWAYS;
  return vpolicy != GTK_POLICY_NEVER;
}

static char *
describe (GtkWidget *widget)
{
  GString *text = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *label = NULL;

  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  else if (HD_IS_TEXT_BLOCK (widget))
    label = hd_text_block_get_text (HD_TEXT_BLOCK (widget));
  else if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  if (gtk_widget_get_name (widget) != NULL && !g_str_equal (gtk_widget_get_name (widget), G_OBJECT_TYPE_NAME (widget)))
    g_string_append_printf (text, "#%s", gtk_widget_get_name (widget));
  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL; parent = gtk_widget_get_parent (parent))
    if (G_OBJECT_TYPE (parent) != GTK_TYPE_BOX && G_OBJECT_TYPE (parent) != GTK_TYPE_WIDGET)
      {
        g_string_append_printf (text, " in %s", G_OBJECT_TYPE_NAME (parent));
        break;
      }
  if (label != NULL && *label != '\0')
    {
      g_autofree char *start = g_utf8_substring (label, 0, MIN (g_utf8_strlen (label, -1), 32));

      g_strdelimit (start, "\n", ' ');
      g_string_append_printf (text, " “%s”", start);
    }
  return g_string_free (text, FALSE);
}

/* A view switcher's badge sits over the corner of its icon, and a scale's knob and marks
 * over the ends of its trough, on purpose. */
static gboolean
lets_children_overhang (GtkWidget *widget)
{
  return GTK_IS_SCALE (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwIndicatorBin");
}

/* Labels that may be cut short because their whole text is said elsewhere: the title of
 * an entry row and an entry's placeholder, which are the field's accessible name, and the
 * header's title, which is also the window's. */
static gboolean
keeps_text_elsewhere (GtkWidget *widget)
{
  for (GtkWidget *parent = gtk_widget_get_parent (widget); parent != NULL; parent = gtk_widget_get_parent (parent))
    if (ADW_IS_ENTRY_ROW (parent) || GTK_IS_TEXT (parent) || ADW_IS_WINDOW_TITLE (parent) ||
        ADW_IS_VIEW_SWITCHER_TITLE (parent))
      return TRUE;
  return FALSE;
}

/* What a flap draws around its folded sidebar (the dimming over the content, the shadow)
 * lies beyond the sidebar on purpose, and is no text or control. */
static gboolean
is_flap_decoration (GtkWidget *widget)
{
  const char *css_name = gtk_widget_get_css_name (widget);

  return ADW_IS_FLAP (gtk_widget_get_parent (widget)) &&
         (g_str_equal (css_name, "dimming") || g_str_equal (css_name, "shadow") ||
          g_str_equal (css_name, "outline") || g_str_equal (css_name, "border"));
}

/* The box a widget is seen in: the window, narrowed by every ancestor that clips in the
 * direction it does not scroll. */
typedef struct
{
  double x0, y0, x1, y1;
} Box;

static void
check_widget (Fixture   *fixture,
              GtkWidget *widget,
              Box        visible,
              const char *where)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  graphene_rect_t bounds;
  Box own;

  if (!gtk_widget_get_mapped (widget))
    return;
  /* Popovers and dialogs are windows of their own; a scrollbar is drawn over what it
   * scrolls, and its slider may overhang as it grows on hover. */
  if ((widget != window && GTK_IS_NATIVE (widget)) || GTK_IS_SCROLLBAR (widget) || is_flap_decoration (widget))
    return;
  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    return;
  own.x0 = bounds.origin.x;
  own.y0 = bounds.origin.y;
  own.x1 = bounds.origin.x + bounds.size.width;
  own.y1 = bounds.origin.y + bounds.size.height;

  /* A pixel and a half: the header bar reaches a pixel under the window's border, and
   * transforms need not give whole pixels. */
  if (bounds.size.width > 0 && bounds.size.height > 0 &&
      (own.x0 < visible.x0 - 1.5 || own.x1 > visible.x1 + 1.5 ||
       own.y0 < visible.y0 - 1.5 || own.y1 > visible.y1 + 1.5))
    {
      g_autofree char *name = describe (widget);

      g_string_append_printf (fixture->problems,
                              "%s: %s at %.0f,%.0f %.0f×%.0f is outside what shows of it (%.0f,%.0f–%.0f,%.0f)\n",
                              where, name, own.x0, own.y0, bounds.size.width, bounds.size.height,
                              visible.x0, visible.y0, visible.x1, visible.y1);
    }

  if (GTK_IS_LABEL (widget) || HD_IS_TEXT_BLOCK (widget))
    {
      graphene_rect_t own_bounds;
      int width, height, min_width, min_height;

      /* Its size as allocated, before any transform (an entry row scales its title down). */
      g_assert_true (gtk_widget_compute_bounds (widget, widget, &own_bounds));
      width = own_bounds.size.width + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
      height = own_bounds.size.height + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
      if (width < min_width || height < min_height)
        {
          g_autofree char *name = describe (widget);

          g_string_append_printf (fixture->problems,
                                  "%s: %s is %d×%d, but needs %d×%d at that width\n",
                                  where, name, width, height, MAX (width, min_width), min_height);
        }
    }

  /* A label cut short with "…" loses what it says ("no SLA ta…"): it must wrap, or keep
   * its whole text in its tooltip, where the pointer and a screen reader still find it. */
  if (GTK_IS_LABEL (widget) && gtk_label_get_ellipsize (GTK_LABEL (widget)) != PANGO_ELLIPSIZE_NONE &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (!keeps_text_elsewhere (widget) && (tooltip == NULL || strstr (tooltip, text) == NULL))
        {
          g_autofree char *name = describe (widget);

          g_string_append_printf (fixture->problems, "%s: %s is cut short with an ellipsis\n", where, name);
        }
    }

  /* Children must lie within this widget (a card, a row), which may clip them, and what
   * scrolls may go beyond the edge it scrolls past. */
  if (lets_children_overhang (widget))
    return;
  if (widget != window && !GTK_IS_SCROLLABLE (widget))
    {
      if (!scrolls (widget, GTK_ORIENTATION_HORIZONTAL))
        {
          visible.x0 = MAX (visible.x0, own.x0);
          visible.x1 = MIN (visible.x1, own.x1);
        }
      else
        visible.x0 = -G_MAXINT, visible.x1 = G_MAXINT;
      if (!scrolls (widget, GTK_ORIENTATION_VERTICAL))
        {
          visible.y0 = MAX (visible.y0, own.y0);
          visible.y1 = MIN (visible.y1, own.y1);
        }
      else
        visible.y0 = -G_MAXINT, visible.y1 = G_MAXINT;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_widget (fixture, child, visible, where);
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} SizeWait;

static gboolean
window_has_size (gpointer data)
{
  SizeWait *wait = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->window));

  return gdk_surface_get_width (surface) == wait->width && gdk_surface_get_height (surface) == wait->height;
}

/* With HD_SCREENSHOT_DIR set (build-aux/screenshots.sh), the window as drawn is saved there
 * as @name.png: the screenshots in docs/ show the states checked here. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("HD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL || name == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

/* sizes[@first] up to sizes[@end - 1] in turn: the window's minimum fits each, it takes
 * it, and what it shows fits in it unclipped. @shots names the screenshot of each size
 * (see save_screenshot ()). */
static void
check_sizes (Fixture            *fixture,
             const char         *state,
             const char * const  shots[G_N_ELEMENTS (sizes)],
             guint               first,
             guint               end)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  for (guint i = first; i < end; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s at %d×%d", state, sizes[i].width, sizes[i].height);
      SizeWait wait = { window, sizes[i].width, sizes[i].height };
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
      Box visible;
      int min_width, min_height, frame_width, frame_height;

      g_test_message ("%s", where);
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, sizes[i].height);
      hd_test_flush (window);
      /* What the window draws around its contents (its resize borders) is on the surface. */
      frame_width = gdk_surface_get_width (surface) - gtk_widget_get_width (window);
      frame_height = gdk_surface_get_height (surface) - gtk_widget_get_height (window);
      gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, sizes[i].width - frame_width,
                          &min_height, NULL, NULL, NULL);
      g_test_message ("%s: the window's minimum is %d×%d", where, min_width + frame_width,
                      min_height + frame_height);
      if (min_width + frame_width > sizes[i].width || min_height + frame_height > sizes[i].height)
        {
          g_string_append_printf (fixture->problems, "%s: the window needs at least %d×%d\n",
                                  where, min_width + frame_width, min_height + frame_height);
          continue;
        }
      if (!hd_test_wait_until (window_has_size, &wait, HD_TEST_TIMEOUT_MS))
        {
          g_string_append_printf (fixture->problems, "%s: the window stayed %d×%d\n", where,
                                  gdk_surface_get_width (surface), gdk_surface_get_height (surface));
          continue;
        }
      /* The frame after the resize has been laid out. */
      hd_test_flush (window);
      {
        graphene_rect_t window_bounds;

        g_assert_true (gtk_widget_compute_bounds (window, window, &window_bounds));
        visible = (Box) { window_bounds.origin.x, window_bounds.origin.y,
                          window_bounds.origin.x + window_bounds.size.width,
                          window_bounds.origin.y + window_bounds.size.height };
      }
      check_widget (fixture, window, visible, where);
      if (shots != NULL)
        save_screenshot (window, shots[i]);
    }

  if (fixture->problems->len > 0)
    g_test_message ("%s", fixture->problems->str);
  g_assert_cmpstr (fixture->problems->str, ==, "");
}

/* Only sizes[@index], in the state the window is in now (a flap opened at that size
 * would fold shut at another). */
static void
check_size (Fixture    *fixture,
            const char *state,
            guint       index)
{
  check_sizes (fixture, state, NULL, index, index + 1);
}

static void
check_all_sizes (Fixture            *fixture,
                 const char         *state,
                 const char * const  shots[G_N_ELEMENTS (sizes)])
{
  check_sizes (fixture, state, shots, 0, G_N_ELEMENTS (sizes));
}

static void
test_offer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *id = push_hard_offer (fixture);

  select_offer (fixture, id);
  check_all_sizes (fixture, "offer", NULL);
}

/* The demo's own first offer: its customer card holds the masked account line. */
static void
test_demo_offer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);

  hd_agent_view_set_selected_handoff (agent_view (fixture), first);
  check_all_sizes (fixture, "demo offer", NULL);
}

static void
test_accepted (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = accept_hard_offer (fixture);

  check_all_sizes (fixture, "accepted", NULL);
}

static void
test_replying (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = accept_hard_offer (fixture);
  HdHandoff *handoff = hd_queue_lookup (hd_session_get_queue (fixture->session), id);

  send_reply (fixture, handoff, LONG_REPLY);
  check_all_sizes (fixture, "replying", NULL);
}

/* The demo's first offer accepted and answered: what docs/screenshots show. */
static void
test_demo_reply (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const shots[] = { "agent-accepted", NULL, "agent-narrow" };
  g_autoptr(HdHandoff) first = g_list_model_get_item (G_LIST_MODEL (hd_session_get_queue (fixture->session)), 0);
  const char *id = hd_handoff_get_handoff_id (first);

  select_offer (fixture, id);
  gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "agent.accept", NULL);
  wait_for_state (fixture, id, HD_HANDOFF_STATE_ACCEPTED);
  send_reply (fixture, first, "Thanks for waiting, Priya. I can switch international usage on now: "
                              "which dates are you travelling?");
  check_all_sizes (fixture, "demo reply", shots);
}

static void
test_wrapped_up (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *id = accept_hard_offer (fixture);
  HdHandoff *handoff = hd_queue_lookup (hd_session_get_queue (fixture->session), id);

  send_reply (fixture, handoff, LONG_REPLY);
  gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "session.wrap-up", "(sb)", id, TRUE);
  wait_for_state (fixture, id, HD_HANDOFF_STATE_WRAPPED_UP);
  check_all_sizes (fixture, "wrapped up", NULL);
}

static void
test_declined (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = push_hard_offer (fixture);

  select_offer (fixture, id);
  gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "session.decline", "(ss)", id, "busy");
  wait_for_state (fixture, id, HD_HANDOFF_STATE_DECLINED);
  check_all_sizes (fixture, "declined", NULL);
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  data)
{
  HdDemoRouter *router = hd_demo_get_router (fixture->demo);
  g_autofree char *id = NULL;

  /* An offer that lasts a second, left unanswered. */
  g_object_set (router, "offer-ttl-s", 1, NULL);
  id = push_hard_offer (fixture);
  g_object_set (router, "offer-ttl-s", 45, NULL);
  hd_agent_view_set_selected_handoff (agent_view (fixture),
                                      wait_for_state (fixture, id, HD_HANDOFF_STATE_EXPIRED));
  check_all_sizes (fixture, "expired", NULL);
}

static void
test_supervisor (Fixture       *fixture,
                 gconstpointer  data)
{
  hd_window_set_mode (fixture->window, "supervisor");
  check_all_sizes (fixture, "supervisor", NULL);
}

static gboolean
trainer_open (gpointer data)
{
  HdTrainerView *view = data;

  return !hd_trainer_view_get_busy (view) && hd_trainer_view_get_n_recordings (view) > 0;
}

static gboolean
trainer_selected (gpointer data)
{
  HdTrainerView *view = data;

  return !hd_trainer_view_get_busy (view) && hd_trainer_view_get_replay (view) != NULL;
}

static gboolean
recordings_revealed (gpointer data)
{
  return hd_trainer_view_get_recordings_revealed (data);
}

static gboolean
recordings_hidden (gpointer data)
{
  return !hd_trainer_view_get_recordings_revealed (data);
}

/* Whether a click at the middle of @widget reaches it, not something drawn over it. */
static gboolean
is_reachable (GtkWidget *window,
              GtkWidget *widget)
{
  graphene_rect_t bounds;
  GtkWidget *picked;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, window, &bounds))
    return FALSE;
  picked = gtk_widget_pick (window, bounds.origin.x + bounds.size.width / 2,
                            bounds.origin.y + bounds.size.height / 2, GTK_PICK_DEFAULT);
  return picked != NULL && (picked == widget || gtk_widget_is_ancestor (picked, widget));
}

/* The screenshot of a recording stepped to its end, in the narrow layout. */
static const char * const trainer_shots[G_N_ELEMENTS (sizes)] = { NULL, NULL, "trainer-narrow" };

static void
test_trainer (Fixture       *fixture,
              gconstpointer  data)
{
  HdTrainerView *view = HD_TRAINER_VIEW (hd_window_get_trainer_view (fixture->window));
  g_autoptr(GFile) recordings = g_file_new_for_path (g_getenv ("HANDOFFDESK_RECORDINGS_DIR"));
  GtkWidget *recordings_button;
  GtkListBox *recordings_list;

  hd_window_set_mode (fixture->window, "trainer");
  hd_trainer_view_open_directory (view, recordings);
  g_assert_true (hd_test_wait_until (trainer_open, view, HD_TEST_TIMEOUT_MS));
  hd_trainer_view_select_recording (view, 0);
  g_assert_true (hd_test_wait_until (trainer_selected, view, HD_TEST_TIMEOUT_MS));
  check_all_sizes (fixture, "trainer", NULL);
  /* At its end, the recorded pane shows everything the handoff gathered; at 800 px the
   * recordings fold away beside it (issue #19). */
  hd_replay_seek (hd_trainer_view_get_replay (view), G_MAXUINT);
  check_all_sizes (fixture, "trainer at the end", trainer_shots);

  /* At 800 px the recordings are folded away; the header's button opens them over the
   * replay, stays above them to close them again, and opening another recording (Enter or
   * a click on its row) closes them too. */
  recordings_button = hd_test_template_child (fixture->window, HD_TYPE_WINDOW, "recordings_button");
  recordings_list = hd_test_template_child (view, HD_TYPE_TRAINER_VIEW, "recordings_list");
  g_assert_true (hd_trainer_view_get_recordings_folded (view));
  g_assert_false (hd_trainer_view_get_recordings_revealed (view));
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_get_mapped (recordings_button));
  /* A button's activation clicks it once its pressed look has shown. */
  g_assert_true (gtk_widget_activate (recordings_button));
  g_assert_true (hd_test_wait_until (recordings_revealed, view, HD_TEST_TIMEOUT_MS));
  check_size (fixture, "trainer, recordings open", G_N_ELEMENTS (sizes) - 1);
  g_assert_true (is_reachable (GTK_WIDGET (fixture->window), recordings_button));
  g_assert_true (gtk_widget_activate (recordings_button));
  g_assert_true (hd_test_wait_until (recordings_hidden, view, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate (recordings_button));
  g_assert_true (hd_test_wait_until (recordings_revealed, view, HD_TEST_TIMEOUT_MS));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (recordings_list, 1))));
  g_assert_true (hd_test_wait_until (trainer_selected, view, HD_TEST_TIMEOUT_MS));
  g_assert_false (hd_trainer_view_get_recordings_revealed (view));
}

/* GTK's complaints of a negative size ("attempt to allocate … with width -1") are
 * warnings, not criticals: counted here as problems. */
static void
on_gtk_warning (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  Fixture *fixture = user_data;

  g_string_append_printf (fixture->problems, "%s: %s\n", domain, message);
}

/* The window takes sizes[@index] in one step, and lays it out. */
static void
resize_at_once (Fixture *fixture,
                guint    index)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SizeWait wait = { window, sizes[index].width, sizes[index].height };

  gtk_window_set_default_size (GTK_WINDOW (window), sizes[index].width, sizes[index].height);
  g_assert_true (hd_test_wait_until (window_has_size, &wait, HD_TEST_TIMEOUT_MS));
  hd_test_flush (window);
}

/* A window resized in one step, as maximizing or snapping does, from 1366 to 800 px and
 * back, with animations on as on an agent's desk: the queue and the context fold in the
 * frame after the one laid out at the new width, even with a fold of no duration.  That
 * frame must hand no widget a negative width (it did at 800 px: the context flap's content
 * got its width less the separator and the columns' minimum, and GTK measured text for a
 * negative width).  A negative size is a warning of GTK's, a negative width to measure for
 * a critical (fatal in the suite). */
static void
test_resized_at_once (Fixture       *fixture,
                      gconstpointer  data)
{
  HdTrainerView *view = HD_TRAINER_VIEW (hd_window_get_trainer_view (fixture->window));
  g_autoptr(GFile) recordings = g_file_new_for_path (g_getenv ("HANDOFFDESK_RECORDINGS_DIR"));
  g_autofree char *id = accept_hard_offer (fixture);
  const guint narrowest = G_N_ELEMENTS (sizes) - 1;
  guint handler;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  handler = g_log_set_handler ("Gtk", G_LOG_LEVEL_WARNING, on_gtk_warning, fixture);
  resize_at_once (fixture, 0);
  resize_at_once (fixture, narrowest);
  resize_at_once (fixture, 0);
  resize_at_once (fixture, narrowest);

  hd_window_set_mode (fixture->window, "trainer");
  hd_trainer_view_open_directory (view, recordings);
  g_assert_true (hd_test_wait_until (trainer_open, view, HD_TEST_TIMEOUT_MS));
  hd_trainer_view_select_recording (view, 0);
  g_assert_true (hd_test_wait_until (trainer_selected, view, HD_TEST_TIMEOUT_MS));
  hd_replay_seek (hd_trainer_view_get_replay (view), G_MAXUINT);
  resize_at_once (fixture, 0);
  resize_at_once (fixture, narrowest);
  resize_at_once (fixture, 0);
  g_log_remove_handler ("Gtk", handler);
  g_assert_cmpstr (fixture->problems->str, ==, "");
}

/* The hard offer, answered and wrapped up, exported from the journal unredacted and
 * opened in Trainer: its long name and unbroken tokens in the trainer's panes. */
static void
test_trainer_long_name (Fixture       *fixture,
                        gconstpointer  data)
{
  HdTrainerView *view = HD_TRAINER_VIEW (hd_window_get_trainer_view (fixture->window));
  g_autofree char *id = accept_hard_offer (fixture);
  HdHandoff *handoff = hd_queue_lookup (hd_session_get_queue (fixture->session), id);
  HdJournal *journal = hd_session_get_journal (fixture->session);
  g_autofree char *journal_dir = g_path_get_dirname (hd_journal_get_current_path (journal));
  g_autoptr(GFile) recording = g_file_new_build_filename (fixture->dir, "long-name.hdrec", NULL);
  g_autoptr(GError) error = NULL;

  send_reply (fixture, handoff, LONG_REPLY);
  gtk_widget_activate_action (GTK_WIDGET (agent_view (fixture)), "session.wrap-up", "(sb)", id, TRUE);
  wait_for_state (fixture, id, HD_HANDOFF_STATE_WRAPPED_UP);
  g_assert_true (hd_journal_export_recording (journal_dir, id, recording, 0, &error));
  g_assert_no_error (error);

  hd_window_set_mode (fixture->window, "trainer");
  hd_trainer_view_open_file (view, recording);
  g_assert_true (hd_test_wait_until (trainer_selected, view, HD_TEST_TIMEOUT_MS));
  hd_replay_seek (hd_trainer_view_get_replay (view), G_MAXUINT);
  check_all_sizes (fixture, "trainer, long name", NULL);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);
  /* Every state is checked and reported, whichever fails first. */
  g_test_set_nonfatal_assertions ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/geometry/offer", test_offer);
  ADD ("/geometry/demo-offer", test_demo_offer);
  ADD ("/geometry/accepted", test_accepted);
  ADD ("/geometry/replying", test_replying);
  ADD ("/geometry/demo-reply", test_demo_reply);
  ADD ("/geometry/wrapped-up", test_wrapped_up);
  ADD ("/geometry/declined", test_declined);
  ADD ("/geometry/expired", test_expired);
  ADD ("/geometry/supervisor", test_supervisor);
  ADD ("/geometry/trainer", test_trainer);
  ADD ("/geometry/trainer-long-name", test_trainer_long_name);
  ADD ("/geometry/resized-at-once", test_resized_at_once);
#undef ADD

  return hd_test_ui_run (test_app);
}
