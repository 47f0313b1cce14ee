/* hd-trend-chart.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trend-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hd-trend-chart.h"

struct _HdTrendChart
{
  GtkWidget  parent_instance;
  double    *values;
  guint      n_values;
  char      *description;
};

G_DEFINE_FINAL_TYPE (HdTrendChart, hd_trend_chart, GTK_TYPE_WIDGET)

static void
hd_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 60 : 32;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 180 : 40;
}

static void
hd_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HdTrendChart *self = HD_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double max = 0;
  gboolean any = FALSE;
  GdkRGBA color;
  cairo_t *cr;
  double pad = 2.5;
  double step;

  if (width <= 0 || height <= 0)
    return;

  /* The widget's own foreground colour: it follows the style manager's dark
   * mode and the "alert" class (gtk_widget_get_color () is GTK 4.10). */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  for (guint i = 0; i < self->n_values; i++)
    if (!isnan (self->values[i]))
      {
        max = MAX (max, self->values[i]);
        any = TRUE;
      }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Baseline. */
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.18);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, height - 0.5);
  cairo_line_to (cr, width, height - 0.5);
  cairo_stroke (cr);

  if (!any || self->n_values < 2)
    {
      cairo_destroy (cr);
      return;
    }

  max = MAX (max, 1);
  step = (width - 2 * pad) / (self->n_values - 1);

  /* The area under the line, then the line, segment by segment (gaps stay gaps). */
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean open = FALSE;
      double first_x = 0, last_x = 0;

      for (guint i = 0; i <= self->n_values; i++)
        {
          gboolean have = i < self->n_values && !isnan (self->values[i]);
          double x = pad + i * step;
          double y = have ? pad + (height - 2 * pad) * (1 - self->values[i] / max) : 0;

          if (have && !open)
            {
              cairo_move_to (cr, x, y);
              first_x = x;
              open = TRUE;
            }
          else if (have)
            cairo_line_to (cr, x, y);

          if (have)
            last_x = x;
          if (open && (!have || i == self->n_values))
            {
              if (pass == 0)
                {
                  cairo_line_to (cr, last_x, height);
                  cairo_line_to (cr, first_x, height);
                  cairo_close_path (cr);
                  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.15);
                  cairo_fill (cr);
                }
              else
                {
                  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.9);
                  cairo_set_line_width (cr, 1.5);
                  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
                  cairo_stroke (cr);
                }
              open = FALSE;
            }
        }
    }

  /* The latest value as a dot. */
  if (!isnan (self->values[self->n_values - 1]))
    {
      double x = pad + (self->n_values - 1) * step;
      double y = pad + (height - 2 * pad) * (1 - self->values[self->n_values - 1] / max);

      cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
      cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
hd_trend_chart_finalize (GObject *object)
{
  HdTrendChart *self = HD_TREND_CHART (object);

  g_free (self->values);
  g_free (self->description);

  G_OBJECT_CLASS (hd_trend_chart_parent_class)->finalize (object);
}

static void
hd_trend_chart_class_init (HdTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hd_trend_chart_finalize;
  widget_class->measure = hd_trend_chart_measure;
  widget_class->snapshot = hd_trend_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "trend-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hd_trend_chart_init (HdTrendChart *self)
{
  /* The image's name; the description says what the line does. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waiting over the last hour"),
                                  -1);
}

GtkWidget *
hd_trend_chart_new (void)
{
  return g_object_new (HD_TYPE_TREND_CHART, NULL);
}

void
hd_trend_chart_set_series (HdTrendChart *self,
                           const double *values,
                           guint         n_values,
                           const char   *description)
{
  g_return_if_fail (HD_IS_TREND_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_free (self->values);
  self->values = g_memdup2 (values, sizeof (double) * n_values);
  self->n_values = n_values;

  if (g_strcmp0 (self->description, description) != 0)
    {
      g_free (self->description);
      self->description = g_strdup (description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hd_trend_chart_get_n_values (HdTrendChart *self)
{
  g_return_val_if_fail (HD_IS_TREND_CHART (self), 0);
  return self->n_values;
}

const char *
hd_trend_chart_get_description (HdTrendChart *self)
{
  g_return_val_if_fail (HD_IS_TREND_CHART (self), NULL);
  return self->description;
}
