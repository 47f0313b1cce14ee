/* hd-kpi-row.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hd-display-names.h"
#include "hd-kpi-private.h"
#include "hd-locale-format.h"

G_DEFINE_FINAL_TYPE (HdKpiRow, hd_kpi_row, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HdKpiScope, hd_kpi_scope,
                    G_DEFINE_ENUM_VALUE (HD_KPI_SCOPE_OVERALL, "overall"),
                    G_DEFINE_ENUM_VALUE (HD_KPI_SCOPE_QUEUE, "queue"),
                    G_DEFINE_ENUM_VALUE (HD_KPI_SCOPE_FLOW, "flow"))

/* The figures are read-only properties, so a table can bind its cells to
 * them; they change only in hd_kpi_row_update_from (), which notifies the
 * ones that did and then emits "changed". */
enum
{
  PROP_0,
  PROP_SCOPE,
  PROP_NAME,
  PROP_LABEL,
  /* Figures: from here to the end. */
  PROP_N_OFFERED,
  PROP_N_CONCLUDED,
  PROP_ESCALATION_SUCCESS,
  PROP_ABANDONMENT_IN_TRANSFER,
  PROP_VERIFICATION_DUPLICATION,
  PROP_REPEAT_RATE,
  PROP_HANDLE_TIME_BOT,
  PROP_HANDLE_TIME_AGENT_ONLY,
  PROP_FIRST_CONTACT_RESOLUTION,
  PROP_COMPLETE_PACKETS,
  PROP_MOST_MISSING,
  N_PROPS
};
enum { ROW_CHANGED, N_ROW_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint row_signals[N_ROW_SIGNALS];

/* Rows ------------------------------------------------------------------- */

static gboolean
missing_equal (GHashTable *a,
               GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a == NULL ? 0 : g_hash_table_size (a)) != (b == NULL ? 0 : g_hash_table_size (b)))
    return FALSE;
  if (a == NULL || b == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;
  return TRUE;
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  if (G_VALUE_HOLDS_DOUBLE (a))
    {
      double x = g_value_get_double (a);
      double y = g_value_get_double (b);

      /* NAN ("—") is a value of its own here. */
      return isnan (x) != isnan (y) || (!isnan (x) && x != y);
    }
  if (G_VALUE_HOLDS_UINT (a))
    return g_value_get_uint (a) != g_value_get_uint (b);
  return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) != 0;
}

gboolean
hd_kpi_row_update_from (HdKpiRow *self,
                        HdKpiRow *other)
{
  GValue before[N_PROPS] = { G_VALUE_INIT };
  Bucket a, b;

  g_return_val_if_fail (HD_IS_KPI_ROW (self) && HD_IS_KPI_ROW (other), FALSE);

  /* Compare everything but the missing tables (pointers), then those. */
  a = self->sum;
  b = other->sum;
  a.missing = b.missing = NULL;
  if (memcmp (&a, &b, sizeof a) == 0 && missing_equal (self->sum.missing, other->sum.missing))
    return FALSE;

  for (guint i = PROP_N_OFFERED; i < N_PROPS; i++)
    {
      g_value_init (&before[i], properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &before[i]);
    }

  g_clear_pointer (&self->sum.missing, g_hash_table_unref);
  self->sum = other->sum;
  if (other->sum.missing != NULL)
    self->sum.missing = g_hash_table_ref (other->sum.missing);
  g_free (self->most_missing);
  self->most_missing = g_strdup (other->most_missing);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_N_OFFERED; i < N_PROPS; i++)
    {
      GValue after = G_VALUE_INIT;

      g_value_init (&after, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &after);
      if (values_differ (&before[i], &after))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
      g_value_unset (&after);
      g_value_unset (&before[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, row_signals[ROW_CHANGED], 0);
  return TRUE;
}

static void
hd_kpi_row_init (HdKpiRow *self)
{
}

static double
ratio (double numerator,
       double denominator)
{
  return denominator > 0 ? numerator / denominator : NAN;
}

HdKpiScope
hd_kpi_row_get_scope (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), HD_KPI_SCOPE_OVERALL);
  return self->scope;
}

const char *
hd_kpi_row_get_name (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NULL);
  return self->name;
}

const char *
hd_kpi_row_get_label (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NULL);
  return self->label;
}

guint
hd_kpi_row_get_n_offered (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), 0);
  return self->sum.offered;
}

guint
hd_kpi_row_get_n_concluded (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), 0);
  return self->sum.concluded;
}

double
hd_kpi_row_get_escalation_success (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.succeeded, self->sum.concluded);
}

double
hd_kpi_row_get_abandonment_in_transfer (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.abandoned_in_transfer, self->sum.transferred);
}

double
hd_kpi_row_get_verification_duplication (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.reverified, self->sum.verified_handled);
}

double
hd_kpi_row_get_repeat_rate (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.repeated, self->sum.handled);
}

double
hd_kpi_row_get_handle_time_bot (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.aht_bot_sum, self->sum.aht_bot_n);
}

double
hd_kpi_row_get_handle_time_agent_only (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.aht_agent_sum, self->sum.aht_agent_n);
}

double
hd_kpi_row_get_first_contact_resolution (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.fcr_resolved, self->sum.fcr_stated);
}

double
hd_kpi_row_get_complete_packets (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  return ratio (self->sum.complete, self->sum.offered);
}

gboolean
hd_kpi_row_get_rate_counts (HdKpiRow   *self,
                            const char *figure,
                            guint      *part,
                            guint      *whole)
{
  const struct {
    const char *figure;
    guint       part;
    guint       whole;
  } rates[] = {
    { "escalation-success", self->sum.succeeded, self->sum.concluded },
    { "abandonment-in-transfer", self->sum.abandoned_in_transfer, self->sum.transferred },
    { "verification-duplication", self->sum.reverified, self->sum.verified_handled },
    { "repeat-rate", self->sum.repeated, self->sum.handled },
    { "first-contact-resolution", self->sum.fcr_resolved, self->sum.fcr_stated },
    { "complete-packets", self->sum.complete, self->sum.offered },
  };

  g_return_val_if_fail (HD_IS_KPI_ROW (self), FALSE);
  g_return_val_if_fail (figure != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (g_str_equal (figure, rates[i].figure))
      {
        if (part != NULL)
          *part = rates[i].part;
        if (whole != NULL)
          *whole = rates[i].whole;
        return TRUE;
      }
  return FALSE;
}

double
hd_kpi_row_get_missing_share (HdKpiRow   *self,
                              const char *key)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NAN);
  g_return_val_if_fail (key != NULL, NAN);

  if (self->sum.offered == 0)
    return NAN;
  return (double) GPOINTER_TO_UINT (self->sum.missing != NULL
                                    ? g_hash_table_lookup (self->sum.missing, key) : NULL)
         / self->sum.offered;
}

const char *
hd_kpi_row_get_most_missing (HdKpiRow *self)
{
  g_return_val_if_fail (HD_IS_KPI_ROW (self), NULL);
  return self->most_missing;
}

typedef struct
{
  const char *key;
  guint       count;
} KeyCount;

static gint
compare_key_counts (gconstpointer a,
                    gconstpointer b)
{
  const KeyCount *x = a;
  const KeyCount *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->key, y->key);
}

static char *
describe_missing (const Bucket *sum)
{
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (KeyCount));
  GString *text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (sum->missing == NULL || sum->offered == 0)
    return g_string_free (text, FALSE);

  g_hash_table_iter_init (&iter, sum->missing);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KeyCount kc = { key, GPOINTER_TO_UINT (value) };
      g_array_append_val (counts, kc);
    }
  g_array_sort (counts, compare_key_counts);
  for (guint i = 0; i < counts->len && i < 3; i++)
    {
      KeyCount *kc = &g_array_index (counts, KeyCount, i);
      g_autofree char *share = hd_locale_format_percent ((double) kc->count / sum->offered);

      g_string_append_printf (text, "%s%s %s", i > 0 ? "; " : "", kc->key, share);
    }
  return g_string_free (text, FALSE);
}

HdKpiRow *
_hd_kpi_row_new (HdKpiScope  scope,
                 const char *name,
                 const char *label,
                 Bucket     *sum)
{
  HdKpiRow *self = g_object_new (HD_TYPE_KPI_ROW, NULL);

  self->scope = scope;
  self->name = g_strdup (name);
  switch (scope)
    {
    case HD_KPI_SCOPE_OVERALL:
      self->label = g_strdup (_("All queues"));
      break;
    case HD_KPI_SCOPE_QUEUE:
      /* Queue rows read as the queue's name, as the queue panels do. */
      self->label = hd_display_name_choose (label, name);
      if (self->label == NULL)
        self->label = g_strdup (name);
      break;
    case HD_KPI_SCOPE_FLOW:
      {
        g_autofree char *flow = hd_display_name_choose (label, name);

        /* TRANSLATORS: a row of the KPI table; %s is a bot flow's display name, "Cards › Dispute". */
        self->label = g_strdup_printf (_("Bot flow: %s"), flow != NULL ? flow : name);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  /* All of it, padding included: hd_kpi_row_update_from () compares bytes. */
  memcpy (&self->sum, sum, sizeof self->sum);
  sum->missing = NULL;
  self->most_missing = describe_missing (&self->sum);
  return self;
}

/* Object ------------------------------------------------------------------ */

static void
hd_kpi_row_finalize (GObject *object)
{
  HdKpiRow *self = HD_KPI_ROW (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->most_missing);
  g_clear_pointer (&self->sum.missing, g_hash_table_unref);

  G_OBJECT_CLASS (hd_kpi_row_parent_class)->finalize (object);
}

static void
hd_kpi_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HdKpiRow *self = HD_KPI_ROW (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_N_OFFERED:
      g_value_set_uint (value, hd_kpi_row_get_n_offered (self));
      break;
    case PROP_N_CONCLUDED:
      g_value_set_uint (value, hd_kpi_row_get_n_concluded (self));
      break;
    case PROP_ESCALATION_SUCCESS:
      g_value_set_double (value, hd_kpi_row_get_escalation_success (self));
      break;
    case PROP_ABANDONMENT_IN_TRANSFER:
      g_value_set_double (value, hd_kpi_row_get_abandonment_in_transfer (self));
      break;
    case PROP_VERIFICATION_DUPLICATION:
      g_value_set_double (value, hd_kpi_row_get_verification_duplication (self));
      break;
    case PROP_REPEAT_RATE:
      g_value_set_double (value, hd_kpi_row_get_repeat_rate (self));
      break;
    case PROP_HANDLE_TIME_BOT:
      g_value_set_double (value, hd_kpi_row_get_handle_time_bot (self));
      break;
    case PROP_HANDLE_TIME_AGENT_ONLY:
      g_value_set_double (value, hd_kpi_row_get_handle_time_agent_only (self));
      break;
    case PROP_FIRST_CONTACT_RESOLUTION:
      g_value_set_double (value, hd_kpi_row_get_first_contact_resolution (self));
      break;
    case PROP_COMPLETE_PACKETS:
      g_value_set_double (value, hd_kpi_row_get_complete_packets (self));
      break;
    case PROP_MOST_MISSING:
      g_value_set_string (value, self->most_missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A rate or a mean: NAN when there is nothing to divide by, which a
 * GParamSpec cannot take as its default, so the default is 0. */
static GParamSpec *
figure_spec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
hd_kpi_row_class_init (HdKpiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hd_kpi_row_finalize;
  object_class->get_property = hd_kpi_row_get_property;

  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, HD_TYPE_KPI_SCOPE, HD_KPI_SCOPE_OVERALL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_N_OFFERED] = g_param_spec_uint ("n-offered", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CONCLUDED] = g_param_spec_uint ("n-concluded", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ESCALATION_SUCCESS] = figure_spec ("escalation-success");
  properties[PROP_ABANDONMENT_IN_TRANSFER] = figure_spec ("abandonment-in-transfer");
  properties[PROP_VERIFICATION_DUPLICATION] = figure_spec ("verification-duplication");
  properties[PROP_REPEAT_RATE] = figure_spec ("repeat-rate");
  properties[PROP_HANDLE_TIME_BOT] = figure_spec ("handle-time-bot");
  properties[PROP_HANDLE_TIME_AGENT_ONLY] = figure_spec ("handle-time-agent-only");
  properties[PROP_FIRST_CONTACT_RESOLUTION] = figure_spec ("first-contact-resolution");
  properties[PROP_COMPLETE_PACKETS] = figure_spec ("complete-packets");
  properties[PROP_MOST_MISSING] = g_param_spec_string ("most-missing", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  row_signals[ROW_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}
