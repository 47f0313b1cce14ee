/* hd-transcript-view.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-transcript-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-focus.h"
#include "hd-packet.h"
#include "hd-slice-model.h"
#include "hd-text-block.h"
#include "hd-transcript-view.h"
#include "hd-ui-format.h"

/* How close to the end (in pixels) still counts as "at the bottom". */
#define BOTTOM_SLACK 24.0
/* The transcript's slice (hd-slice-model.h): the turns shown at first, how
 * many come in whenever the agent scrolls near either end of it, and how many
 * it holds at most.  GTK 4.8's list view builds a row for every item near
 * what it shows (up to 200) when the agent jumps, so the slice's size bounds
 * the cost of any jump; a slide adds rows only as they scroll into view (or,
 * SLICE_FILL_STEP a frame, until a slice too short for the view fills it). */
#define SLICE_FIRST 16
#define SLICE_STEP 32
#define SLICE_FILL_STEP 8
#define SLICE_MAX 120

struct _HdTranscriptView
{
  AdwBin              parent_instance;

  GListModel         *transcript;           /* owned, the handoff's live transcript */
  HdSliceModel       *slice;                /* owned, what the list view shows */
  GtkSingleSelection *transcript_selection; /* owned */
  guint               slide_tick_id;
  int                 slide_direction;      /* -1 earlier, +1 later */
  gboolean            bounds_stale;
  gulong              transcript_changed_id;
  gboolean            following;
  gboolean            sticking;             /* inside our own scroll to the end */
  gboolean            landing;              /* our scroll to the last row lands later */
  double              last_value;           /* of the transcript's adjustment */
  double              last_upper;
  double              last_page_size;
  guint               stick_tick_id;
  int                 stick_frames;
  GdkFrameClock      *layout_clock;         /* while a stick is pending, or NULL */
  gulong              layout_id;
  char               *search_folded;        /* case-folded query, or NULL */

  /* template children */
  GtkInscription     *transcript_title_label;
  GtkWidget          *find_button;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *search_status_label;
  GtkScrolledWindow  *transcript_scroller;
  GtkListView        *transcript_view;
  GtkWidget          *jump_button;
};

G_DEFINE_FINAL_TYPE (HdTranscriptView, hd_transcript_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLLOWING,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Whether live turns are followed: at the bottom of a slice that ends with the latest turn. */
static void
set_following (HdTranscriptView *self,
               gboolean          following)
{
  following = !!following;
  if (self->following == following)
    return;
  self->following = following;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
}

static void
update_transcript_title (HdTranscriptView *self)
{
  guint n = self->transcript != NULL ? g_list_model_get_n_items (self->transcript) : 0;
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Transcript · %u turn",
                                                         "Transcript · %u turns", n), n);

  gtk_inscription_set_text (self->transcript_title_label, title);
}

/* The transcript: rows are made by the list view for the turns near what
 * is shown only, so 50,000 turns cost no more than a few hundred.
 *
 * A turn is one label: its speaker and time, its text and its attachments
 * as plain text, told apart by Pango attributes (never markup: the text is
 * the customer's).  The list view holds up to 200 rows and builds them all
 * when the agent jumps far, so a row must cost as little as one widget can. */

static const char * const speaker_classes[] = {
  "turn-bot", "turn-customer", "turn-agent", "turn-system",
};

static void
turn_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *bubble = hd_text_block_new ();

  gtk_widget_add_css_class (bubble, "turn");
  gtk_list_item_set_child (item, bubble);
}

/* Bold, small and dimmed: the speaker line, like the .caption style. */
static void
add_caption_attributes (PangoAttrList *attributes,
                        guint          start,
                        guint          end,
                        gboolean       bold,
                        guint16        alpha)
{
  PangoAttribute *attribute;

  attribute = pango_attr_scale_new (PANGO_SCALE_SMALL);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_foreground_alpha_new (alpha);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
  if (bold)
    {
      attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attribute->start_index = start;
      attribute->end_index = end;
      pango_attr_list_insert (attributes, attribute);
    }
}

static void
turn_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *bubble = gtk_list_item_get_child (item);
  HdTurn *turn = hd_slice_item_get_item (gtk_list_item_get_item (item));
  HdSpeaker speaker = hd_turn_get_speaker (turn);
  GListModel *attachments = hd_turn_get_attachments (turn);
  guint n_attachments = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;
  const char *speaker_name = hd_ui_format_speaker (speaker);
  const char *text = hd_turn_get_text (turn);
  g_autofree char *clock = hd_ui_format_clock (hd_turn_get_time (turn));
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *accessible = NULL;
  guint header_end;

  /* GTK 4.8 binds a row again whenever its position changes, as when
   * earlier turns come in above: a row that already shows its turn keeps
   * its layout, or every row would be measured and shaped anew. */
  if (g_object_get_data (G_OBJECT (bubble), "hd-turn") == turn)
    return;
  g_object_set_data_full (G_OBJECT (bubble), "hd-turn", g_object_ref (turn), g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (speaker_classes); i++)
    if (i == (guint) speaker)
      gtk_widget_add_css_class (bubble, speaker_classes[i]);
    else
      gtk_widget_remove_css_class (bubble, speaker_classes[i]);
  gtk_widget_set_halign (bubble, speaker == HD_SPEAKER_AGENT ? GTK_ALIGN_END : GTK_ALIGN_START);

  if (clock != NULL)
    /* TRANSLATORS: a turn's speaker and time, e.g. "Customer · 09:11" */
    g_string_append_printf (shown, _("%s · %s"), speaker_name, clock);
  else
    g_string_append (shown, speaker_name);
  header_end = shown->len;
  add_caption_attributes (attributes, 0, header_end, TRUE, 0.75 * G_MAXUINT16);
  g_string_append_c (shown, '\n');
  g_string_append (shown, text != NULL ? text : "");

  if (n_attachments > 0)
    {
      guint start = shown->len + 1;

      for (guint i = 0; i < n_attachments; i++)
        {
          g_autoptr(HdAttachment) attachment = g_list_model_get_item (attachments, i);
          const char *name = hd_attachment_get_name (attachment);

          g_string_append_c (shown, '\n');
          /* TRANSLATORS: a file the customer sent, e.g. "Attachment: receipt.png" */
          g_string_append_printf (shown, _("Attachment: %s"),
                                  name != NULL ? name : hd_attachment_get_id (attachment));
        }
      add_caption_attributes (attributes, start, shown->len, FALSE, 0.55 * G_MAXUINT16);
    }

  /* TRANSLATORS: how a screen reader announces a turn: speaker, time, text */
  accessible = g_strdup_printf (_("%s at %s: %s"), speaker_name, clock != NULL ? clock : "",
                                text != NULL ? text : "");
  hd_text_block_set_text (HD_TEXT_BLOCK (bubble), shown->str, attributes, accessible);
  /* The row around the bubble takes the focus, and is what a screen reader says. */
  hd_a11y_name_list_row (bubble, accessible);
}

static gboolean
adjustment_at_bottom (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         >= gtk_adjustment_get_upper (adjustment) - BOTTOM_SLACK;
}

/* Puts the end of the transcript in view.  Our own change of the value is
 * not the agent scrolling, so it must not decide "following". */
static void
stick_to_bottom (HdTranscriptView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);

  self->sticking = TRUE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  self->last_value = gtk_adjustment_get_value (adjustment);
  self->last_upper = gtk_adjustment_get_upper (adjustment);
  self->last_page_size = gtk_adjustment_get_page_size (adjustment);
  self->sticking = FALSE;
}

static guint
n_shown_turns (HdTranscriptView *self)
{
  return self->slice != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->slice)) : 0;
}

static void
disconnect_layout (HdTranscriptView *self)
{
  /* A clock that was disposed (its window gone) dropped its handlers itself. */
  if (self->layout_clock != NULL && g_signal_handler_is_connected (self->layout_clock, self->layout_id))
    g_signal_handler_disconnect (self->layout_clock, self->layout_id);
  self->layout_id = 0;
  g_clear_object (&self->layout_clock);
}

/* Runs after the window's own layout in each frame while a stick is
 * pending: the rows are measured and the bounds are this frame's, so the end
 * can be put in view before the frame is painted (GDK lays out again within
 * the same frame when that moves the list).  Without it a live turn showed
 * below the view first and scrolled into it a frame later, which painted the
 * whole list twice. */
static void
on_frame_clock_layout_cb (GdkFrameClock    *clock,
                          HdTranscriptView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);

  if (!self->following || self->bounds_stale || self->stick_tick_id == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
      gtk_adjustment_get_upper (adjustment))
    stick_to_bottom (self);
}

static gboolean
stick_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (user_data);

  /* Row heights become known only as rows are laid out: keep at the end
   * for a few frames after a change.  Right after a new transcript came in,
   * the bounds are the old one's: only ask the list for its last row. */
  if (self->following && self->bounds_stale)
    {
      guint n = n_shown_turns (self);

      self->bounds_stale = FALSE;
      if (n > 0)
        {
          self->landing = TRUE;
          gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", n - 1);
        }
      return G_SOURCE_CONTINUE;
    }
  if (self->following)
    stick_to_bottom (self);
  if (--self->stick_frames > 0 && self->following)
    return G_SOURCE_CONTINUE;
  self->stick_frames = 0;
  self->stick_tick_id = 0;
  self->landing = FALSE;
  disconnect_layout (self);
  return G_SOURCE_REMOVE;
}

/* Keeps the end in view for the next few frames.  The value is never set
 * from inside the list view's own allocation (notify::upper): it would be
 * out of step with the rows the list view lays out. */
static void
queue_stick (HdTranscriptView *self,
             int               frames)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->transcript_view));

  self->stick_frames = MAX (self->stick_frames, frames);
  if (self->stick_tick_id == 0)
    self->stick_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->transcript_view),
                                                        stick_tick_cb, self, NULL);
  /* After GTK's own handler, which lays the window out. */
  if (clock != NULL && clock != self->layout_clock)
    {
      disconnect_layout (self);
      self->layout_clock = g_object_ref (clock);
      self->layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (on_frame_clock_layout_cb), self);
    }
}

static void
scroll_to_latest (HdTranscriptView *self)
{
  guint offset, n;

  set_following (self, TRUE);
  gtk_widget_set_visible (self->jump_button, FALSE);
  if (self->slice == NULL)
    return;
  /* Back from reading far above: a fresh small slice at the end, rather than
   * sliding through everything in between.  Following: drop what live turns
   * added past the slice's bound, above what is shown. */
  offset = hd_slice_model_get_offset (self->slice);
  n = n_shown_turns (self);
  hd_slice_model_show_end (self->slice, hd_slice_model_reaches_end (self->slice) ? MIN (n, SLICE_MAX) : SLICE_FIRST);
  /* A new slice: until the next layout the bounds are the old slice's. */
  if (offset != hd_slice_model_get_offset (self->slice) || n != n_shown_turns (self))
    self->bounds_stale = TRUE;
  n = n_shown_turns (self);
  if (n == 0)
    return;
  self->landing = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", n - 1);
  queue_stick (self, 6);
}

/* While following the end, only a slice too short to scroll slides: a new
 * transcript is drawn without the turns above it, which come in once the
 * agent scrolls up towards them (which stops following). */
static gboolean
may_slide (HdTranscriptView *self,
           GtkAdjustment    *adjustment)
{
  return !self->following ||
         gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment);
}

static gboolean
slide_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (user_data);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);
  guint step;

  self->slide_tick_id = 0;
  if (self->slice == NULL)
    return G_SOURCE_REMOVE;
  /* While a new transcript is laid out its bounds can briefly read as too
   * short (the upper bound equal to the page): judged again once laid out. */
  if (!may_slide (self, adjustment))
    return G_SOURCE_REMOVE;
  /* Filling a view the first slice does not: a few turns a frame, so the
   * frames after an offer stay light (32 at once took longer to lay out
   * than the offer's own frame). */
  step = self->following ? SLICE_FILL_STEP : SLICE_STEP;
  if (self->slide_direction < 0)
    hd_slice_model_extend_start (self->slice, step);
  else
    hd_slice_model_extend_end (self->slice, step);
  return G_SOURCE_REMOVE;
}

/* Slides the transcript's slice once the agent scrolls within a page of
 * either of its ends; never from inside the list view's own layout, hence
 * the tick callback.  The list view keeps the rows in view where they are. */
static void
maybe_slide (HdTranscriptView *self,
             GtkAdjustment    *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->slice == NULL || self->slide_tick_id != 0 || !may_slide (self, adjustment))
    return;
  if (value <= page && !hd_slice_model_reaches_start (self->slice))
    self->slide_direction = -1;
  else if (value + 2 * page >= gtk_adjustment_get_upper (adjustment) &&
           !hd_slice_model_reaches_end (self->slice))
    self->slide_direction = 1;
  else
    return;
  self->slide_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->transcript_view),
                                                      slide_tick_cb, self, NULL);
}

static void
on_vadjustment_value_changed_cb (HdTranscriptView *self,
                                 GtkAdjustment    *adjustment)
{
  gboolean bounds_changed;

  if (self->sticking)
    return;

  /* A change that comes with new bounds is layout (rows measured, turns
   * appended, window resized), not the agent scrolling. */
  bounds_changed = gtk_adjustment_get_upper (adjustment) != self->last_upper ||
                   gtk_adjustment_get_page_size (adjustment) != self->last_page_size;

  /* Our scroll to the last row lands a frame later, with the row in view but
   * not always at the very bottom: that is not the agent scrolling up (it
   * stopped following and slid 32 rows into the frame after an offer). */
  {
    double previous = self->last_value;

    self->last_value = gtk_adjustment_get_value (adjustment);
    /* Downwards only: the agent scrolling up meanwhile is the agent. */
    if (self->landing && self->following && !bounds_changed && self->stick_tick_id != 0 &&
        self->last_value >= previous)
      {
        self->landing = FALSE;
        return;
      }
    self->landing = FALSE;
  }

  /* The agent's own scrolling decides whether live turns are followed: at
   * the bottom of a slice that ends with the latest turn. */
  if (!bounds_changed)
    {
      set_following (self, adjustment_at_bottom (adjustment) && hd_slice_model_reaches_end (self->slice));
      if (self->following)
        gtk_widget_set_visible (self->jump_button, FALSE);
    }

  maybe_slide (self, adjustment);

  if (bounds_changed)
    {
      self->last_upper = gtk_adjustment_get_upper (adjustment);
      self->last_page_size = gtk_adjustment_get_page_size (adjustment);
      if (self->following)
        queue_stick (self, 2);
    }
}

static void
on_vadjustment_upper_cb (HdTranscriptView *self,
                         GParamSpec       *pspec,
                         GtkAdjustment    *adjustment)
{
  /* The bounds are not recorded here: the value change that usually comes
   * with new bounds must still be recognised as layout. */
  if (self->following)
    queue_stick (self, 2);
}

static void
on_transcript_items_changed_cb (HdTranscriptView *self,
                                guint             position,
                                guint             removed,
                                guint             added,
                                GListModel       *model)
{
  update_transcript_title (self);
  if (added == 0)
    return;
  if (self->following)
    scroll_to_latest (self);
  else
    gtk_widget_set_visible (self->jump_button, TRUE);
}

/* Find in transcript. */

static gboolean
turn_matches (HdTurn     *turn,
              const char *folded_query)
{
  const char *text = hd_turn_get_text (turn);
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_query) != NULL;
}

static void
find (HdTranscriptView *self,
      int               direction,
      gboolean          include_current)
{
  guint n = self->transcript != NULL ? g_list_model_get_n_items (self->transcript) : 0;
  guint selected = gtk_single_selection_get_selected (self->transcript_selection);
  guint offset = self->slice != NULL ? hd_slice_model_get_offset (self->slice) : 0;
  guint start;

  /* Positions below are in the whole transcript, the selection's in the slice. */
  if (selected != GTK_INVALID_LIST_POSITION)
    selected += offset;

  if (self->search_folded == NULL || *self->search_folded == '\0' || n == 0)
    {
      gtk_label_set_text (self->search_status_label, "");
      return;
    }

  if (selected == GTK_INVALID_LIST_POSITION)
    start = direction > 0 ? 0 : n - 1;
  else if (include_current)
    start = selected;
  else
    start = (selected + n + direction) % n;

  for (guint k = 0; k < n; k++)
    {
      guint i = (start + n + (direction > 0 ? k : n - k)) % n;
      g_autoptr(HdTurn) turn = g_list_model_get_item (self->transcript, i);

      if (turn_matches (turn, self->search_folded))
        {
          g_autofree char *status = g_strdup_printf (_("Turn %u of %u"), i + 1, n);

          /* A match outside the slice: a small slice around it. */
          if (i < offset || i >= offset + n_shown_turns (self))
            {
              hd_slice_model_show_around (self->slice, i, SLICE_FIRST);
              offset = hd_slice_model_get_offset (self->slice);
            }
          gtk_single_selection_set_selected (self->transcript_selection, i - offset);
          gtk_widget_activate_action (GTK_WIDGET (self->transcript_view), "list.scroll-to-item", "u", i - offset);
          gtk_label_set_text (self->search_status_label, status);
          set_following (self, FALSE);
          return;
        }
    }

  gtk_single_selection_set_selected (self->transcript_selection, GTK_INVALID_LIST_POSITION);
  gtk_label_set_text (self->search_status_label, _("No matches"));
}

static void
on_search_changed_cb (HdTranscriptView *self,
                      GtkSearchEntry   *entry)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (query != NULL && *query != '\0')
    self->search_folded = g_utf8_casefold (query, -1);
  find (self, 1, TRUE);
}

static void
on_search_activate_cb (HdTranscriptView *self,
                       GtkSearchEntry   *entry)
{
  find (self, 1, FALSE);
}

static void
on_search_previous_cb (HdTranscriptView *self,
                       GtkSearchEntry   *entry)
{
  find (self, -1, FALSE);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  find (HD_TRANSCRIPT_VIEW (widget), 1, FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  find (HD_TRANSCRIPT_VIEW (widget), -1, FALSE);
}

static void
scroll_to_latest_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  scroll_to_latest (HD_TRANSCRIPT_VIEW (widget));
}

static void
disconnect_transcript (HdTranscriptView *self)
{
  if (self->slide_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->transcript_view), self->slide_tick_id);
  self->slide_tick_id = 0;
  if (self->transcript != NULL)
    g_clear_signal_handler (&self->transcript_changed_id, self->transcript);
  g_clear_object (&self->transcript);
}

static void
hd_transcript_view_dispose (GObject *object)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (object);

  disconnect_transcript (self);
  if (self->stick_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->transcript_view), self->stick_tick_id);
  self->stick_tick_id = 0;
  disconnect_layout (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_TRANSCRIPT_VIEW);
  g_clear_object (&self->transcript_selection);
  g_clear_object (&self->slice);

  G_OBJECT_CLASS (hd_transcript_view_parent_class)->dispose (object);
}

static void
hd_transcript_view_finalize (GObject *object)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (object);

  g_free (self->search_folded);

  G_OBJECT_CLASS (hd_transcript_view_parent_class)->finalize (object);
}

static void
hd_transcript_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLLOWING:
      g_value_set_boolean (value, self->following);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GTK 4.8's list view stops Tab at every row (tab-behavior came in 4.12): the list is one
 * stop, entered at the row last focused, and the arrow keys move in it. */
static gboolean
hd_transcript_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  HdTranscriptView *self = HD_TRANSCRIPT_VIEW (widget);
  GtkWidget *list = GTK_WIDGET (self->transcript_view);
  gboolean moved;

  if (!hd_focus_is_tab (direction) || !hd_focus_is_within (list) || !gtk_widget_get_can_focus (list))
    return GTK_WIDGET_CLASS (hd_transcript_view_parent_class)->focus (widget, direction);

  gtk_widget_set_can_focus (list, FALSE);
  moved = GTK_WIDGET_CLASS (hd_transcript_view_parent_class)->focus (widget, direction);
  gtk_widget_set_can_focus (list, TRUE);
  return moved;
}

static void
hd_transcript_view_class_init (HdTranscriptViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_transcript_view_dispose;
  widget_class->focus = hd_transcript_view_focus;
  object_class->finalize = hd_transcript_view_finalize;
  object_class->get_property = hd_transcript_view_get_property;

  properties[PROP_FOLLOWING] =
    g_param_spec_boolean ("following", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HD_TYPE_TEXT_BLOCK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-transcript-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, transcript_title_label);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, find_button);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, transcript_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, transcript_view);
  gtk_widget_class_bind_template_child (widget_class, HdTranscriptView, jump_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous_cb);

  gtk_widget_class_install_action (widget_class, "transcript.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "transcript.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "transcript.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "transcript.scroll-to-latest", NULL, scroll_to_latest_action);
}

static void
hd_transcript_view_init (HdTranscriptView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  self->following = TRUE;
  /* The adjustment has no transcript's bounds until the first layout. */
  self->bounds_stale = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (turn_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (turn_bind_cb), NULL);
  self->transcript_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->transcript_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->transcript_selection, TRUE);
  self->slice = hd_slice_model_new (NULL, SLICE_FIRST, SLICE_MAX);
  gtk_single_selection_set_model (self->transcript_selection, G_LIST_MODEL (self->slice));
  gtk_list_view_set_factory (self->transcript_view, factory);
  gtk_list_view_set_model (self->transcript_view, GTK_SELECTION_MODEL (self->transcript_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  adjustment = gtk_scrolled_window_get_vadjustment (self->transcript_scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (on_vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (on_vadjustment_upper_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (on_vadjustment_upper_cb), self, G_CONNECT_SWAPPED);

  update_transcript_title (self);
}

GtkWidget *
hd_transcript_view_new (void)
{
  return g_object_new (HD_TYPE_TRANSCRIPT_VIEW, NULL);
}

GListModel *
hd_transcript_view_get_transcript (HdTranscriptView *self)
{
  g_return_val_if_fail (HD_IS_TRANSCRIPT_VIEW (self), NULL);
  return self->transcript;
}

void
hd_transcript_view_set_transcript (HdTranscriptView *self,
                                   GListModel       *transcript)
{
  g_return_if_fail (HD_IS_TRANSCRIPT_VIEW (self));
  g_return_if_fail (transcript == NULL || G_IS_LIST_MODEL (transcript));

  disconnect_transcript (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* The same slice shows every transcript: the rows stay, and only bind to
   * the new turns. */
  if (transcript == NULL)
    hd_slice_model_set_source (self->slice, NULL, 0);
  else
    {
      self->transcript = g_object_ref (transcript);
      /* Before our own handler, so the list already has new turns when it runs. */
      hd_slice_model_set_source (self->slice, self->transcript, SLICE_FIRST);
      self->transcript_changed_id =
        g_signal_connect_swapped (self->transcript, "items-changed",
                                  G_CALLBACK (on_transcript_items_changed_cb), self);
    }

  /* The adjustment still has the old transcript's bounds until the next layout. */
  self->bounds_stale = TRUE;
  update_transcript_title (self);
}

gboolean
hd_transcript_view_get_following (HdTranscriptView *self)
{
  g_return_val_if_fail (HD_IS_TRANSCRIPT_VIEW (self), FALSE);
  return self->following;
}

void
hd_transcript_view_scroll_to_latest (HdTranscriptView *self)
{
  g_return_if_fail (HD_IS_TRANSCRIPT_VIEW (self));
  scroll_to_latest (self);
}
