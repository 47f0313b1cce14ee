/* hd-turn-bubble.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-turn-bubble"

#include "config.h"

#include <string.h>

#include "hd-turn-bubble.h"

/* Like a label with width-chars 12 and max-width-chars 72. */
#define MIN_CHARS 12
#define MAX_CHARS 72
/* Widths remembered: the list's, the bubble's own, and a resize or two. */
#define N_HEIGHTS 4

typedef struct
{
  int width;   /* px, 0 for an empty slot */
  int height;  /* px */
} HeightForWidth;

struct _HdTurnBubble
{
  GtkWidget             parent_instance;

  PangoLayout          *layout;         /* owned, lazily made */
  int                   layout_width;   /* Pango units, -1 unwrapped: as last set */
  int                   natural_width;  /* px, unwrapped; -1 not known yet */
  int                   natural_height; /* px, unwrapped */
  int                   char_width;     /* px; -1 not known yet */
  HeightForWidth        heights[N_HEIGHTS];
  guint                 next_height;
  PangoFontDescription *font;           /* owned: what the sizes above are for */
};

G_DEFINE_FINAL_TYPE (HdTurnBubble, hd_turn_bubble, GTK_TYPE_WIDGET)

static PangoLayout *
ensure_layout (HdTurnBubble *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
      self->layout_width = -1;
    }
  return self->layout;
}

/* Pango shapes the whole text again whenever the width changes. */
static void
set_layout_width (HdTurnBubble *self,
                  int           width)
{
  ensure_layout (self);
  if (self->layout_width == width)
    return;
  pango_layout_set_width (self->layout, width);
  self->layout_width = width;
}

static void
forget_sizes (HdTurnBubble *self)
{
  self->natural_width = -1;
  memset (self->heights, 0, sizeof self->heights);
  self->next_height = 0;
}

static void
ensure_natural_size (HdTurnBubble *self)
{
  if (self->natural_width >= 0)
    return;
  set_layout_width (self, -1);
  pango_layout_get_pixel_size (self->layout, &self->natural_width, &self->natural_height);
}

/* pango_context_get_metrics () shapes a sample text on every call, and
 * every bubble shares one font: the last answer is kept for all of them.
 * Main thread only, like every widget. */
static struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   char_width;
} last_metrics;

static int
get_char_width (HdTurnBubble *self)
{
  PangoContext *context;
  const PangoFontDescription *font;
  double resolution;
  PangoFontMetrics *metrics;

  if (self->char_width >= 0)
    return self->char_width;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  resolution = pango_cairo_context_get_resolution (context);
  if (last_metrics.font != NULL && font != NULL &&
      resolution == last_metrics.resolution &&
      pango_font_description_equal (font, last_metrics.font))
    return self->char_width = last_metrics.char_width;

  metrics = pango_context_get_metrics (context, NULL, NULL);
  self->char_width = PANGO_PIXELS_CEIL (pango_font_metrics_get_approximate_char_width (metrics));
  pango_font_metrics_unref (metrics);
  g_clear_pointer (&last_metrics.font, pango_font_description_free);
  last_metrics.font = font != NULL ? pango_font_description_copy (font) : NULL;
  last_metrics.resolution = resolution;
  last_metrics.char_width = self->char_width;
  return self->char_width;
}

static int
get_height_for_width (HdTurnBubble *self,
                      int           width)
{
  int height;

  ensure_natural_size (self);
  if (width >= self->natural_width)
    return self->natural_height;

  for (guint i = 0; i < N_HEIGHTS; i++)
    if (self->heights[i].width == width)
      return self->heights[i].height;

  set_layout_width (self, MAX (width, 1) * PANGO_SCALE);
  pango_layout_get_pixel_size (self->layout, NULL, &height);
  self->heights[self->next_height].width = width;
  self->heights[self->next_height].height = height;
  self->next_height = (self->next_height + 1) % N_HEIGHTS;
  return height;
}

static void
hd_turn_bubble_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HdTurnBubble *self = HD_TURN_BUBBLE (widget);
  int widest;

  ensure_natural_size (self);
  widest = MIN (self->natural_width, get_char_width (self) * MAX_CHARS);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = widest;
      *minimum = MIN (get_char_width (self) * MIN_CHARS, widest);
    }
  else
    {
      *minimum = *natural = get_height_for_width (self, for_size >= 0 ? for_size : widest);
    }
}

static GtkSizeRequestMode
hd_turn_bubble_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hd_turn_bubble_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HdTurnBubble *self = HD_TURN_BUBBLE (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA color;

  /* The layout is already at this width: it was measured for it. */
  ensure_natural_size (self);
  set_layout_width (self, width >= self->natural_width ? -1 : MAX (width, 1) * PANGO_SCALE);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
relayout (GtkWidget *widget)
{
  HdTurnBubble *self = HD_TURN_BUBBLE (widget);

  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
  self->char_width = -1;
  forget_sizes (self);
  gtk_widget_queue_resize (widget);
}

/* Only a change of font (or of the way text is laid out) makes the sizes
 * stale; a row's state (hover, selected, backdrop) does not. */
static void
hd_turn_bubble_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  HdTurnBubble *self = HD_TURN_BUBBLE (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (hd_turn_bubble_parent_class)->css_changed (widget, change);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  if (font != NULL)
    self->font = pango_font_description_copy (font);
  relayout (widget);
}

static void
hd_turn_bubble_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (hd_turn_bubble_parent_class)->direction_changed (widget, previous);
  relayout (widget);
}

static void
hd_turn_bubble_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (hd_turn_bubble_parent_class)->system_setting_changed (widget, setting);
  relayout (widget);
}

static void
hd_turn_bubble_finalize (GObject *object)
{
  HdTurnBubble *self = HD_TURN_BUBBLE (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (hd_turn_bubble_parent_class)->finalize (object);
}

static void
hd_turn_bubble_class_init (HdTurnBubbleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hd_turn_bubble_finalize;
  widget_class->get_request_mode = hd_turn_bubble_get_request_mode;
  widget_class->measure = hd_turn_bubble_measure;
  widget_class->snapshot = hd_turn_bubble_snapshot;
  widget_class->css_changed = hd_turn_bubble_css_changed;
  widget_class->direction_changed = hd_turn_bubble_direction_changed;
  widget_class->system_setting_changed = hd_turn_bubble_system_setting_changed;

  /* Styled like a label, and read as one. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hd_turn_bubble_init (HdTurnBubble *self)
{
  self->layout_width = -1;
  self->char_width = -1;
  forget_sizes (self);
}

GtkWidget *
hd_turn_bubble_new (void)
{
  return g_object_new (HD_TYPE_TURN_BUBBLE, NULL);
}

void
hd_turn_bubble_set_text (HdTurnBubble  *self,
                         const char    *text,
                         PangoAttrList *attributes)
{
  g_return_if_fail (HD_IS_TURN_BUBBLE (self));

  /* Plain text: pango_layout_set_text () never reads markup. */
  pango_layout_set_text (ensure_layout (self), text != NULL ? text : "", -1);
  pango_layout_set_attributes (self->layout, attributes);
  /* The layout forgot its lines; the width it was set to still holds. */
  forget_sizes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
hd_turn_bubble_get_text (HdTurnBubble *self)
{
  g_return_val_if_fail (HD_IS_TURN_BUBBLE (self), NULL);
  return self->layout != NULL ? pango_layout_get_text (self->layout) : "";
}
