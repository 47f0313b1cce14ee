/* hd-text-block.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-text-block"

#include "config.h"

#include <string.h>

#include "hd-text-block.h"

/* Like a label's width-chars and max-width-chars, by default. */
#define DEFAULT_MIN_CHARS 12
#define DEFAULT_MAX_CHARS 72
/* Widths remembered: the list's, the bubble's own, and a resize or two. */
#define N_HEIGHTS 4

typedef struct
{
  int width;   /* px, 0 for an empty slot */
  int height;  /* px */
} HeightForWidth;

struct _HdTextBlock
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
  int                   min_chars;
  int                   max_chars;
  gboolean              tabular;        /* "tabular-figures" */
  gboolean              has_attributes; /* the caller's, beside tabular figures */
  int                   digits_even;    /* the font's ten digits take one advance; -1 not known yet */
  int                   natural_units;  /* Pango units, unwrapped; -1 not known yet */
};

G_DEFINE_FINAL_TYPE (HdTextBlock, hd_text_block, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  PROP_WIDTH_CHARS,
  PROP_MAX_WIDTH_CHARS,
  PROP_TABULAR_FIGURES,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static PangoLayout *
ensure_layout (HdTextBlock *self)
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
set_layout_width (HdTextBlock *self,
                  int           width)
{
  ensure_layout (self);
  if (self->layout_width == width)
    return;
  pango_layout_set_width (self->layout, width);
  self->layout_width = width;
}

static void
forget_sizes (HdTextBlock *self)
{
  self->natural_width = -1;
  self->natural_units = -1;
  memset (self->heights, 0, sizeof self->heights);
  self->next_height = 0;
}

static void
ensure_natural_size (HdTextBlock *self)
{
  if (self->natural_width >= 0)
    return;
  set_layout_width (self, -1);
  pango_layout_get_pixel_size (self->layout, &self->natural_width, &self->natural_height);
  pango_layout_get_size (self->layout, &self->natural_units, NULL);
}

/* The caller's attributes, and tabular figures if asked for (owned). */
static PangoAttrList *
make_attributes (HdTextBlock   *self,
                 PangoAttrList *attributes)
{
  PangoAttrList *list;

  if (!self->tabular)
    return attributes != NULL ? pango_attr_list_ref (attributes) : NULL;
  list = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  pango_attr_list_insert (list, pango_attr_font_features_new ("tnum=1"));
  return list;
}

/* Whether @a and @b differ only in which ASCII digits they hold, place for place. */
static gboolean
same_but_digits (const char *a,
                 const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++)
    if (*a != *b && !(g_ascii_isdigit (*a) && g_ascii_isdigit (*b)))
      return FALSE;
  return *a == *b;
}

/* Whether the font, with the layout's attributes, gives all ten digits the
 * same advance: then a digit for a digit moves no other glyph.  Known once
 * per font (forgotten with the sizes on a change of font). */
static gboolean
digits_even (HdTextBlock *self)
{
  g_autoptr(PangoLayout) probe = NULL;
  int first = 0;

  if (self->digits_even >= 0)
    return self->digits_even;
  probe = pango_layout_new (pango_layout_get_context (ensure_layout (self)));
  pango_layout_set_attributes (probe, pango_layout_get_attributes (self->layout));
  self->digits_even = TRUE;
  for (char digit = '0'; digit <= '9' && self->digits_even; digit++)
    {
      char text[2] = { digit, '\0' };
      int width;

      pango_layout_set_text (probe, text, 1);
      pango_layout_get_size (probe, &width, NULL);
      if (digit == '0')
        first = width;
      else if (width != first)
        self->digits_even = FALSE;
    }
  return self->digits_even;
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
get_char_width (HdTextBlock *self)
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
get_height_for_width (HdTextBlock *self,
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

/* The widest it lays its text out: unwrapped, or max-width-chars. */
static int
get_widest (HdTextBlock *self)
{
  ensure_natural_size (self);
  return MIN (self->natural_width, get_char_width (self) * self->max_chars);
}

static void
hd_text_block_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  HdTextBlock *self = HD_TEXT_BLOCK (widget);
  int widest;

  widest = get_widest (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = widest;
      *minimum = MIN (get_char_width (self) * self->min_chars, widest);
    }
  else
    {
      /* Never laid out wider than its natural width (see the snapshot):
       * a bubble aligned to one side is offered the list's whole width
       * but allocated only that, and must be as tall as it then is. */
      *minimum = *natural = get_height_for_width (self, for_size >= 0 ? MIN (for_size, widest) : widest);
    }
}

static GtkSizeRequestMode
hd_text_block_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hd_text_block_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HdTextBlock *self = HD_TEXT_BLOCK (widget);
  int width = MIN (gtk_widget_get_width (widget), get_widest (self));
  GdkRGBA color;

  /* The layout is already at this width: it was measured for it. */
  set_layout_width (self, width >= self->natural_width ? -1 : MAX (width, 1) * PANGO_SCALE);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
}

static void
relayout (GtkWidget *widget)
{
  HdTextBlock *self = HD_TEXT_BLOCK (widget);

  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
  self->char_width = -1;
  self->digits_even = -1;
  forget_sizes (self);
  gtk_widget_queue_resize (widget);
}

/* Only a change of font (or of the way text is laid out) makes the sizes
 * stale; a row's state (hover, selected, backdrop) does not. */
static void
hd_text_block_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  HdTextBlock *self = HD_TEXT_BLOCK (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (hd_text_block_parent_class)->css_changed (widget, change);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font != NULL && font != NULL && pango_font_description_equal (self->font, font))
    return;
  g_clear_pointer (&self->font, pango_font_description_free);
  if (font != NULL)
    self->font = pango_font_description_copy (font);
  relayout (widget);
}

static void
hd_text_block_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (hd_text_block_parent_class)->direction_changed (widget, previous);
  relayout (widget);
}

static void
hd_text_block_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (hd_text_block_parent_class)->system_setting_changed (widget, setting);
  relayout (widget);
}

static void
hd_text_block_finalize (GObject *object)
{
  HdTextBlock *self = HD_TEXT_BLOCK (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (hd_text_block_parent_class)->finalize (object);
}

static void
hd_text_block_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HdTextBlock *self = HD_TEXT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, hd_text_block_get_text (self));
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, self->min_chars);
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_chars);
      break;
    case PROP_TABULAR_FIGURES:
      g_value_set_boolean (value, self->tabular);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_text_block_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HdTextBlock *self = HD_TEXT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      hd_text_block_set_text (self, g_value_get_string (value), NULL, NULL);
      break;
    case PROP_WIDTH_CHARS:
      self->min_chars = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_MAX_WIDTH_CHARS:
      self->max_chars = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_TABULAR_FIGURES:
      hd_text_block_set_tabular_figures (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_text_block_class_init (HdTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hd_text_block_finalize;
  object_class->get_property = hd_text_block_get_property;
  object_class->set_property = hd_text_block_set_property;

  /* Plain text, never markup. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The narrowest it wraps to, and the widest it asks for, in characters. */
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, 1, G_MAXINT16, DEFAULT_MIN_CHARS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, 1, G_MAXINT16, DEFAULT_MAX_CHARS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* Digits of one width, and a change of digits alone only redrawn. */
  properties[PROP_TABULAR_FIGURES] =
    g_param_spec_boolean ("tabular-figures", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  widget_class->get_request_mode = hd_text_block_get_request_mode;
  widget_class->measure = hd_text_block_measure;
  widget_class->snapshot = hd_text_block_snapshot;
  widget_class->css_changed = hd_text_block_css_changed;
  widget_class->direction_changed = hd_text_block_direction_changed;
  widget_class->system_setting_changed = hd_text_block_system_setting_changed;

  /* Styled like a label, and read as one. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
hd_text_block_init (HdTextBlock *self)
{
  self->layout_width = -1;
  self->char_width = -1;
  self->min_chars = DEFAULT_MIN_CHARS;
  self->max_chars = DEFAULT_MAX_CHARS;
  self->digits_even = -1;
  forget_sizes (self);
}

GtkWidget *
hd_text_block_new (void)
{
  return g_object_new (HD_TYPE_TEXT_BLOCK, NULL);
}

void
hd_text_block_set_text (HdTextBlock   *self,
                        const char    *text,
                        PangoAttrList *attributes,
                        const char    *spoken)
{
  g_autoptr(PangoAttrList) list = NULL;
  gboolean redraw_only = FALSE;

  g_return_if_fail (HD_IS_TEXT_BLOCK (self));

  if (text == NULL)
    text = "";
  /* The same words again keep their layout and sizes. */
  if (attributes == NULL && self->layout != NULL && !self->has_attributes &&
      g_strcmp0 (pango_layout_get_text (self->layout), text) == 0)
    return;

  /* A countdown's next second: digits for digits, of one advance each, so
   * every line breaks where it did and every size holds (checked on the
   * unwrapped width, which a font's kerning could still move). */
  if (self->tabular && attributes == NULL && !self->has_attributes && self->layout != NULL &&
      self->natural_units >= 0 && same_but_digits (pango_layout_get_text (self->layout), text) &&
      digits_even (self))
    {
      int units;

      pango_layout_set_text (self->layout, text, -1);
      set_layout_width (self, -1);
      pango_layout_get_size (self->layout, &units, NULL);
      redraw_only = units == self->natural_units;
    }

  list = make_attributes (self, attributes);
  /* Plain text: pango_layout_set_text () never reads markup. */
  pango_layout_set_text (ensure_layout (self), text, -1);
  pango_layout_set_attributes (self->layout, list);
  self->has_attributes = attributes != NULL;
  /* Read by screen readers as a label's text is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken != NULL ? spoken : text, -1);
  if (redraw_only)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      /* The layout forgot its lines; the width it was set to still holds. */
      forget_sizes (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
hd_text_block_set_tabular_figures (HdTextBlock *self,
                                   gboolean     tabular)
{
  g_autoptr(PangoAttrList) list = NULL;

  g_return_if_fail (HD_IS_TEXT_BLOCK (self));

  tabular = !!tabular;
  if (self->tabular == tabular)
    return;
  self->tabular = tabular;
  /* The caller's own attributes, if any, are not kept: set the text again after this. */
  list = make_attributes (self, NULL);
  pango_layout_set_attributes (ensure_layout (self), list);
  self->has_attributes = FALSE;
  self->digits_even = -1;
  forget_sizes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABULAR_FIGURES]);
}

const char *
hd_text_block_get_text (HdTextBlock *self)
{
  g_return_val_if_fail (HD_IS_TEXT_BLOCK (self), NULL);
  return self->layout != NULL ? pango_layout_get_text (self->layout) : "";
}
