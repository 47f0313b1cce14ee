/* test-ui-agent-view.c: the queue sidebar, agent actions and offer notifications
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-agent-view.h"
#include "hd-handoff-pane.h"
#include "hd-offer-notification.h"
#include "hd-queue.h"
#include "hd-queue-row.h"
#include "hd-queue-sidebar.h"
#include "hd-status-selector.h"
#include "hd-text-block.h"
#include "hd-test-packet-generator.h"
#include "hd-test-packet-util.h"
#include "hd-test-gtk-utils.h"
#include "hd-ui-format.h"

static HdApplication *test_app;

typedef struct
{
  GtkWindow   *window;
  HdAgentView *view;
  HdQueue     *queue;
  char        *dir;
  HdSession   *session;    /* never connected: an answer to it fails after a turn of the loop */
  guint        in_flight;  /* answers the session has not finished */
  GPtrArray   *accepted;   /* of HdHandoff */
  GPtrArray   *declined;   /* of HdHandoff */
  GPtrArray   *reasons;    /* of char */
} Fixture;

static HdHandoff *
offer_new (guint32 seed,
           int     expires_in_seconds)
{
  g_autoptr(GBytes) json = hd_test_packet_generator_build (12, seed);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, expires_in_seconds);

  g_assert_no_error (error);
  return hd_handoff_new (packet, expires);
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_false (hd_session_request_finish (HD_SESSION (object), result, NULL));
  fixture->in_flight--;
}

/* Stands in for the window's session.* actions: records what the view asked for, and
 * asks the session, which holds the answer as pending until its (unconnected) feed
 * fails it on the next turn of the main loop. */
static void
accept_activated_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  Fixture *fixture = user_data;
  HdHandoff *handoff = hd_queue_lookup (fixture->queue, g_variant_get_string (param, NULL));

  g_assert_nonnull (handoff);
  g_ptr_array_add (fixture->accepted, g_object_ref (handoff));
  fixture->in_flight++;
  hd_session_accept_async (fixture->session, hd_handoff_get_handoff_id (handoff), NULL, answered_cb, fixture);
}

static void
decline_activated_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  Fixture *fixture = user_data;
  const char *id, *reason;
  HdHandoff *handoff;

  g_variant_get (param, "(&s&s)", &id, &reason);
  handoff = hd_queue_lookup (fixture->queue, id);
  g_assert_nonnull (handoff);
  g_ptr_array_add (fixture->declined, g_object_ref (handoff));
  g_ptr_array_add (fixture->reasons, g_strdup (reason));
  fixture->in_flight++;
  hd_session_decline_async (fixture->session, id, reason, NULL, answered_cb, fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->queue = hd_queue_new ();
  fixture->dir = hd_test_make_tmp_dir ("hd-agent-view-XXXXXX");
  fixture->session = hd_session_new_for_feed ("ws://127.0.0.1:9/feed", "agent-7", NULL, fixture->dir, &error);
  g_assert_no_error (error);
  fixture->accepted = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->declined = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->reasons = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (test_app)));
  gtk_window_set_default_size (fixture->window, 1366, 720);
  fixture->view = HD_AGENT_VIEW (hd_agent_view_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  hd_agent_view_set_queue (fixture->view, G_LIST_MODEL (fixture->queue));
  hd_agent_view_set_session (fixture->view, fixture->session);
  {
    const GActionEntry entries[] = {
      { .name = "accept", .activate = accept_activated_cb, .parameter_type = "s" },
      { .name = "decline", .activate = decline_activated_cb, .parameter_type = "(ss)" },
    };
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
    gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "session", G_ACTION_GROUP (group));
  }
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  /* Every case starts from a window on screen and laid out, as the agent sees it. */
  hd_test_flush (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  /* Nothing of ours keeps the view alive: GTK lets go of it once the window is
   * gone, which may take a turn of the main loop. */
  HD_TEST_WAIT_UNTIL (fixture->view == NULL, HD_TEST_TIMEOUT_MS);
  g_ptr_array_unref (fixture->accepted);
  g_ptr_array_unref (fixture->declined);
  g_ptr_array_unref (fixture->reasons);
  g_assert_finalize_object (fixture->queue);
  /* An answer the unconnected feed has not failed yet holds the session. */
  HD_TEST_WAIT_UNTIL (fixture->in_flight == 0, HD_TEST_TIMEOUT_MS);
  hd_session_stop (fixture->session);
  g_assert_finalize_object (fixture->session);
  hd_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static HdQueueRow *
find_row (HdAgentView *view,
          HdHandoff   *handoff)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  hd_test_collect (GTK_WIDGET (view), HD_TYPE_QUEUE_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (hd_queue_row_get_handoff (g_ptr_array_index (rows, i)) == handoff)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_view_lifecycle (void)
{
  GtkWidget *view = g_object_ref_sink (hd_agent_view_new ());
  g_autoptr(HdQueue) queue = hd_queue_new ();

  hd_agent_view_set_queue (HD_AGENT_VIEW (view), G_LIST_MODEL (queue));
  g_assert_finalize_object (view);
}

static void
test_view_accept_pending (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HdHandoff) offer = offer_new (1, 90);
  GtkWidget *stack = hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "content_stack");
  GtkWidget *accept = hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "accept_button");
  GtkWidget *decline = hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "decline_button");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  /* Nothing selected: nothing to accept. */
  g_assert_false (hd_agent_view_get_can_answer (fixture->view));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.accept", NULL) &&
                  fixture->accepted->len > 0);

  /* A new offer does not steal the pane, neither when it comes nor when the
   * sidebar lays its row out. */
  hd_queue_add (fixture->queue, offer);
  hd_test_flush (GTK_WIDGET (fixture->view));
  g_assert_null (hd_agent_view_get_selected_handoff (fixture->view));

  hd_agent_view_set_selected_handoff (fixture->view, offer);
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == offer);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "handoff");
  g_assert_true (gtk_widget_get_visible (accept));
  g_assert_true (gtk_widget_is_sensitive (accept));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL, "Accept Offer");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (decline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Decline Offer");

  g_assert_true (hd_agent_view_get_can_answer (fixture->view));

  /* Accepting (what the window's Ctrl+Return activates) asks once; the state waits for
   * the server, and meanwhile there is nothing left to answer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.accept", NULL));
  g_assert_cmpuint (fixture->accepted->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->accepted, 0) == offer);
  g_assert_cmpint (hd_handoff_get_state (offer), ==, HD_HANDOFF_STATE_OFFERED);
  g_assert_false (gtk_widget_is_sensitive (accept));
  g_assert_false (hd_agent_view_get_can_answer (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.accept", NULL);
  g_assert_cmpuint (fixture->accepted->len, ==, 1);

  /* The router confirms: the offer bar goes (at once: the revealer only
   * animates it away), the reply box opens. */
  g_assert_true (hd_handoff_transition (offer, HD_HANDOFF_STATE_ACCEPTED, HD_REVOKE_REASON_NONE));
  g_assert_false (gtk_revealer_get_reveal_child (hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW,
                                                                         "offer_revealer")));
}

static void
test_view_action_accept (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(HdHandoff) offer = offer_new (2, 90);

  hd_queue_add (fixture->queue, offer);
  hd_agent_view_set_selected_handoff (fixture->view, offer);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.accept", NULL));
  g_assert_cmpuint (fixture->accepted->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->accepted, 0) == offer);
}

static void
test_view_decline (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HdHandoff) offer = offer_new (3, 90);
  AdwMessageDialog *dialog;

  hd_queue_add (fixture->queue, offer);
  hd_agent_view_set_selected_handoff (fixture->view, offer);

  /* Declining (what the window's Ctrl+D activates) asks for a reason first (the dialog
   * is presented at once); cancelling declines nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.decline", NULL));
  dialog = ADW_MESSAGE_DIALOG (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "busy"));
  g_assert_true (adw_message_dialog_has_response (dialog, "wrong_skill"));
  g_assert_true (adw_message_dialog_has_response (dialog, "language"));
  g_assert_true (adw_message_dialog_has_response (dialog, "other"));
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  /* The reasons are ordinary answers, not red destructive buttons, and
   * Keep Offer is the default. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    hd_test_collect (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, >=, 5);
    for (guint i = 0; i < buttons->len; i++)
      g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (buttons, i), "destructive-action"));
  }
  /* Enter does what the default does: it keeps the offer. */
  hd_test_flush (GTK_WIDGET (dialog));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

    if (GTK_IS_BUTTON (focus))
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "_Keep Offer");
  }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* GtkWindow binds Enter to "activate-default" when the focus is not on a button. */
  g_signal_emit_by_name (dialog, "activate-default");
  HD_TEST_WAIT_UNTIL (dialog == NULL, HD_TEST_TIMEOUT_MS);
  g_assert_cmpuint (fixture->declined->len, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.decline", NULL));
  dialog = ADW_MESSAGE_DIALOG (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  /* What a click does: the response, then the dialog closes. Both run at
   * once, and the view answers the response in its handler. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_cmpuint (fixture->declined->len, ==, 0);
  g_assert_null (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* The view asks again only once the last dialog is gone (finalized). */
  HD_TEST_WAIT_UNTIL (dialog == NULL, HD_TEST_TIMEOUT_MS);

  /* With a reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.decline", NULL));
  dialog = ADW_MESSAGE_DIALOG (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "wrong_skill");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (hd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (fixture->declined->len, ==, 1);
  g_assert_true (g_ptr_array_index (fixture->declined, 0) == offer);
  g_assert_cmpstr (g_ptr_array_index (fixture->reasons, 0), ==, "wrong_skill");
  g_assert_cmpint (hd_handoff_get_state (offer), ==, HD_HANDOFF_STATE_OFFERED);
}

static void
test_view_finished_shown (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(HdHandoff) revoked = offer_new (4, 90);
  g_autoptr(HdHandoff) expired = offer_new (5, 90);
  g_autoptr(HdHandoff) live = offer_new (6, 90);
  HdQueueRow *row;
  g_autofree char *expected = NULL;

  hd_queue_add (fixture->queue, revoked);
  hd_queue_add (fixture->queue, expired);
  hd_queue_add (fixture->queue, live);
  /* The sidebar makes its rows when it lays them out; they follow their
   * handoff's state from then on. */
  HD_TEST_WAIT_UNTIL (find_row (fixture->view, revoked) != NULL &&
                      find_row (fixture->view, expired) != NULL &&
                      find_row (fixture->view, live) != NULL, HD_TEST_TIMEOUT_MS);

  g_assert_true (hd_handoff_transition (revoked, HD_HANDOFF_STATE_REVOKED, HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  g_assert_true (hd_handoff_transition (expired, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_EXPIRED));

  /* Still listed, under Recent, with the reason in words. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->queue)), ==, 3);
  g_assert_true (gtk_widget_activate_action (hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "sidebar"),
                                             "queue.toggle-recent", NULL));
  HD_TEST_WAIT_UNTIL (find_row (fixture->view, revoked) != NULL &&
                      find_row (fixture->view, expired) != NULL, HD_TEST_TIMEOUT_MS);
  row = find_row (fixture->view, revoked);
  g_assert_nonnull (row);
  expected = g_strdup_printf ("Withdrawn: %s", hd_revoke_reason_to_label (HD_REVOKE_REASON_CUSTOMER_ABANDONED));
  g_assert_cmpstr (hd_queue_row_get_status (row), ==, expected);
  {
    HdRouting *routing = hd_packet_get_routing (hd_handoff_get_packet (revoked));
    const char *language = hd_routing_get_language (routing);
    g_autofree char *intent = hd_ui_format_token (hd_handoff_get_intent (revoked));
    g_autofree char *spoken = NULL;

    /* The row is summarised for screen readers, its state and reason in words. */
    spoken = g_strdup_printf ("%s, %s, %s%s%s%s%s, Withdrawn: %s",
                              hd_handoff_get_customer_name (revoked), intent,
                              hd_ui_format_priority (hd_handoff_get_priority (revoked)),
                              hd_routing_get_vip (routing) ? ", VIP" : "",
                              hd_handoff_get_vulnerable (revoked) ? ", vulnerable customer" : "",
                              language != NULL ? ", language " : "", language != NULL ? language : "",
                              hd_revoke_reason_to_label (HD_REVOKE_REASON_CUSTOMER_ABANDONED));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
  }
  row = find_row (fixture->view, expired);
  g_assert_nonnull (row);
  g_assert_cmpstr (hd_queue_row_get_status (row), ==, "Expired: not answered in time");

  /* A live offer counts down in words too. */
  row = find_row (fixture->view, live);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (hd_queue_row_get_status (row), "Offer · answer within 1:"));

  /* Selecting the withdrawn one says so, and offers no accept. */
  hd_agent_view_set_selected_handoff (fixture->view, revoked);
  g_assert_nonnull (strstr (hd_text_block_get_text (hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW,
                                                                           "offer_label")),
                            "withdrawn"));
  g_assert_false (gtk_widget_get_visible (hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW,
                                                                  "accept_button")));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "agent.accept", NULL);
  g_assert_cmpuint (fixture->accepted->len, ==, 0);
}

/* The items the sidebar's list shows, in order: handoffs, and NULL for the "Recent" header. */
static GPtrArray *
shown_items (Fixture *fixture)
{
  GtkListView *list = hd_test_template_child (hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "sidebar"),
                                              HD_TYPE_QUEUE_SIDEBAR, "list_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_ptr_array_add (items, HD_IS_HANDOFF (item) ? item : NULL);
    }
  return items;
}

static void
test_view_recent (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HdHandoff) declined = offer_new (7, 90);
  g_autoptr(HdHandoff) expired = offer_new (8, 90);
  g_autoptr(HdHandoff) withdrawn = offer_new (9, 90);
  g_autoptr(HdHandoff) urgent = offer_new (10, 5);
  g_autoptr(GPtrArray) items = NULL;
  HdQueueSidebar *sidebar = hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "sidebar");

  hd_queue_add (fixture->queue, declined);
  hd_queue_add (fixture->queue, expired);
  hd_queue_add (fixture->queue, withdrawn);
  hd_queue_add (fixture->queue, urgent);
  items = shown_items (fixture);
  g_assert_cmpuint (items->len, ==, 4);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Ended offers go below the live one, folded under "Recent": the offer
   * with seconds left is first, whatever arrived before it. */
  g_assert_true (hd_handoff_transition (declined, HD_HANDOFF_STATE_DECLINED, HD_REVOKE_REASON_NONE));
  g_assert_true (hd_handoff_transition (expired, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_EXPIRED));
  g_assert_true (hd_handoff_transition (withdrawn, HD_HANDOFF_STATE_REVOKED, HD_REVOKE_REASON_REASSIGNED));
  items = shown_items (fixture);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (g_ptr_array_index (items, 0) == urgent);
  g_assert_null (g_ptr_array_index (items, 1));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The header says how many, and unfolds them in arrival order. */
  hd_test_flush (GTK_WIDGET (fixture->view));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean seen = FALSE;

    hd_test_collect (GTK_WIDGET (sidebar), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      seen = seen || g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), "Recent (3)") == 0;
    g_assert_true (seen);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "queue.toggle-recent", NULL));
  items = shown_items (fixture);
  g_assert_cmpuint (items->len, ==, 5);
  g_assert_true (g_ptr_array_index (items, 0) == urgent);
  g_assert_null (g_ptr_array_index (items, 1));
  g_assert_true (g_ptr_array_index (items, 2) == declined);
  g_assert_true (g_ptr_array_index (items, 3) == expired);
  g_assert_true (g_ptr_array_index (items, 4) == withdrawn);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "queue.toggle-recent", NULL));

  /* The offer the agent is looking at stays selected as it ends: Recent opens for it. */
  hd_agent_view_set_selected_handoff (fixture->view, urgent);
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == urgent);
  g_assert_true (hd_handoff_transition (urgent, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_EXPIRED));
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == urgent);
  items = shown_items (fixture);
  g_assert_cmpuint (items->len, ==, 5);
  g_assert_null (g_ptr_array_index (items, 0));
  g_assert_true (g_ptr_array_index (items, 4) == urgent);
}

typedef struct
{
  HdQueueSidebar *sidebar;
  guint           n_ticked;
} SidebarTick;

/* Ticks the sidebar's clock once (as its own timer does every second):
 * TRUE once rows on screen were ticked, which they are from the layout
 * that places them on. */
static gboolean
ticks_rows (gpointer data)
{
  SidebarTick *tick = data;

  tick->n_ticked = hd_queue_sidebar_tick (tick->sidebar);
  return tick->n_ticked > 0;
}

static gboolean
queue_folded_cond (gpointer data)
{
  return hd_agent_view_get_queue_folded (data);
}

/* At 800 px the queue folds away.  Opened, the arrow keys browse its rows (the selection
 * moves, the queue stays open); Enter on a row chooses it, and the queue closes over
 * the handoff chosen (issue #19: the keyboard walk could not browse the folded queue). */
static void
test_view_folded_queue_browse (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(HdHandoff) first = offer_new (11, 90);
  g_autoptr(HdHandoff) second = offer_new (12, 90);
  HdQueueSidebar *sidebar = hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "sidebar");
  GtkWidget *list_view = hd_test_template_child (sidebar, HD_TYPE_QUEUE_SIDEBAR, "list_view");

  hd_queue_add (fixture->queue, first);
  hd_queue_add (fixture->queue, second);
  /* Folded as at 800 px (the geometry test checks when it folds by itself; narrowing the
   * window here would meet AdwFlap 1.2's one allocation of a negative width, a GTK
   * critical the keyboard walk lists as a known gap). */
  adw_flap_set_fold_policy (ADW_FLAP (adw_bin_get_child (ADW_BIN (fixture->view))), ADW_FLAP_FOLD_POLICY_ALWAYS);
  hd_agent_view_set_selected_handoff (fixture->view, first);
  HD_TEST_WAIT_UNTIL (queue_folded_cond (fixture->view), HD_TEST_TIMEOUT_MS);
  hd_agent_view_set_queue_revealed (fixture->view, TRUE);
  hd_test_flush (GTK_WIDGET (fixture->window));

  /* Browsing: the selection moves as an arrow key moves it; the queue stays open. */
  hd_queue_sidebar_set_selected_handoff (sidebar, first);
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == first);
  g_assert_true (hd_agent_view_get_queue_revealed (fixture->view));
  hd_queue_sidebar_set_selected_handoff (sidebar, second);
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == second);
  g_assert_true (hd_agent_view_get_queue_revealed (fixture->view));

  /* Enter on the row (the list's activate) chooses it: the queue closes over it. */
  g_signal_emit_by_name (list_view, "activate", 1u);
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_false (hd_agent_view_get_queue_revealed (fixture->view));
  g_assert_true (hd_agent_view_get_selected_handoff (fixture->view) == second);

  /* Asked for from elsewhere (a notification), a handoff is shown at once. */
  hd_agent_view_set_queue_revealed (fixture->view, TRUE);
  hd_agent_view_set_selected_handoff (fixture->view, first);
  hd_test_flush (GTK_WIDGET (fixture->window));
  g_assert_false (hd_agent_view_get_queue_revealed (fixture->view));
}

static void
test_view_clock_visible_rows_only (Fixture       *fixture,
                                   gconstpointer  data)
{
  SidebarTick tick = { hd_test_template_child (fixture->view, HD_TYPE_AGENT_VIEW, "sidebar"), 0 };
  g_autoptr(GBytes) json = hd_test_packet_generator_build (4, 42);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = hd_packet_parse_bytes (json, NULL, &error);

  g_assert_no_error (error);
  /* 300 offers (distinct ids) in the queue. */
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(HdHandoff) handoff = offer_new (1000 + i, 120);

      hd_queue_add (fixture->queue, handoff);
    }
  /* Only the rows on screen (about a screenful) are ticked. */
  g_assert_true (hd_test_wait_until (ticks_rows, &tick, HD_TEST_TIMEOUT_MS));
  g_assert_cmpuint (tick.n_ticked, >, 0);
  g_assert_cmpuint (tick.n_ticked, <, 20);
}

static void
test_offer_notification (void)
{
  g_autoptr(HdPacket) packet = hd_test_parse_fixture ("overseas-card-decline.json");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 45);
  g_autoptr(HdHandoff) handoff = hd_handoff_new (packet, expires);
  g_autoptr(GNotification) notification = hd_offer_notification_new (handoff);
  g_autofree char *body = hd_offer_notification_dup_body (handoff, now);
  g_autofree char *id = hd_offer_notification_dup_id (handoff);

  g_assert_true (G_IS_NOTIFICATION (notification));
  g_assert_cmpstr (id, ==, "offer-ho-2026-11-24-000187");
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, "Why: Regulated action."));
  g_assert_nonnull (strstr (body, "Identity: Verification stale. Re-verify before action"));
  g_assert_nonnull (strstr (body, "Customer needs international usage enabled"));
  g_assert_nonnull (strstr (body, "Answer within 0:45"));
  hd_test_assert_no_raw_number (body);
}

static void
edit_markup_cb (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "summary"), "unresolved_issue",
                                 "<b>bold</b> <a href=\"x\">y</a>");
}

static void
test_offer_notification_plain (void)
{
  g_autoptr(GBytes) bytes = hd_test_load_fixture ("valid", "overseas-card-decline.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(HdPacket) packet = NULL;
  g_autoptr(HdHandoff) handoff = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  edit_markup_cb (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json = json_generator_to_data (generator, NULL);
  edited = g_bytes_new (json, strlen (json));
  packet = hd_packet_parse_bytes (edited, NULL, &error);
  g_assert_no_error (error);
  handoff = hd_handoff_new (packet, NULL);
  body = hd_offer_notification_dup_body (handoff, now);

  /* Notification servers may parse markup: no tag survives. */
  g_assert_null (strchr (body, '<'));
  g_assert_nonnull (strstr (body, "‹b›bold‹/b›"));
}

static void
status_changed_cb (HdStatusSelector *selector,
                   const char       *status,
                   GPtrArray        *changes)
{
  g_ptr_array_add (changes, g_strdup (status));
}

static void
test_status_selector (void)
{
  GtkWidget *selector = g_object_ref_sink (hd_status_selector_new ());
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *drop_down = adw_bin_get_child (ADW_BIN (selector));

  g_signal_connect (selector, "status-changed", G_CALLBACK (status_changed_cb), changes);
  g_assert_cmpstr (hd_status_selector_get_status (HD_STATUS_SELECTOR (selector)), ==, "available");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Availability: Available");

  /* The agent picks "Busy": asked upward, and said in words. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), 1);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (changes, 0), ==, "busy");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Availability: Busy");

  /* The server's word is shown, not echoed back. */
  hd_status_selector_set_status (HD_STATUS_SELECTOR (selector), "away");
  g_assert_cmpstr (hd_status_selector_get_status (HD_STATUS_SELECTOR (selector)), ==, "away");
  g_assert_cmpuint (changes->len, ==, 1);

  g_signal_handlers_disconnect_by_func (selector, status_changed_cb, changes);
  g_assert_finalize_object (selector);
}

int
main (int   argc,
      char *argv[])
{
  test_app = hd_test_ui_init (&argc, &argv);

  g_test_add_func ("/hd/ui/agent-view/lifecycle", test_view_lifecycle);
  g_test_add_func ("/hd/ui/offer-notification/body", test_offer_notification);
  g_test_add_func ("/hd/ui/offer-notification/plain", test_offer_notification_plain);
  g_test_add_func ("/hd/ui/status-selector/choose", test_status_selector);
  g_test_add ("/hd/ui/agent-view/accept-pending", Fixture, NULL, fixture_setup, test_view_accept_pending, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/action-accept", Fixture, NULL, fixture_setup, test_view_action_accept, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/recent", Fixture, NULL, fixture_setup, test_view_recent, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/decline", Fixture, NULL, fixture_setup, test_view_decline, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/finished-shown", Fixture, NULL, fixture_setup, test_view_finished_shown, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/folded-queue-browse", Fixture, NULL, fixture_setup, test_view_folded_queue_browse, fixture_teardown);
  g_test_add ("/hd/ui/agent-view/clock-visible-rows", Fixture, NULL, fixture_setup, test_view_clock_visible_rows_only, fixture_teardown);

  return hd_test_ui_run (test_app);
}
