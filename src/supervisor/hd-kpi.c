/* hd-kpi.c
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

#include "hd-kpi.h"

/* See docs/kpis.md for the definitions this file implements. */

#define RING 60
#define MINUTE_US (60 * G_USEC_PER_SEC)
/* A handoff with no event for this long is forgotten unconcluded. */
#define TRACK_IDLE_MINUTES 60

typedef struct
{
  gint64      minute;                 /* -1: empty */
  guint       offered;                /* bot-escalated packets offered */
  guint       complete;               /* ... with nothing missing */
  guint       concluded;              /* bot-escalated handoffs concluded */
  guint       succeeded;              /* ... wrapped up with no transfer */
  guint       transferred;            /* ... concluded after at least one transfer */
  guint       abandoned_in_transfer;
  guint       handled;                /* bot-escalated, accepted, concluded */
  guint       verified_handled;
  guint       reverified;
  guint       repeated;
  double      aht_bot_sum;
  guint       aht_bot_n;
  double      aht_agent_sum;
  guint       aht_agent_n;
  guint       fcr_stated;
  guint       fcr_resolved;
  GHashTable *missing;                /* key → count, created on demand */
} Bucket;

typedef struct
{
  HdKpiScope  kind;
  char       *name;
  Bucket      buckets[RING];
} Scope;

typedef struct
{
  char     *queue_first;
  char     *flow;          /* NULL: agent-only chat */
  gboolean  verified;
  gint64    accepted_at;   /* first accept, 0 before */
  guint     transfers;
  gboolean  in_transfer;   /* transferred and not picked up again */
  gboolean  repeat;
  gboolean  reverified;
  gint64    last_at;
} Track;

struct _HdKpiEngine
{
  GObject     parent_instance;
  guint       window_minutes;
  GHashTable *scopes;          /* "kind:name" → Scope */
  GHashTable *tracks;          /* handoff id → Track */
  gint64      swept_minute;
};

struct _HdKpiRow
{
  GObject     parent_instance;
  HdKpiScope  scope;
  char       *name;
  char       *label;
  Bucket      sum;             /* its missing table is owned */
  char       *most_missing;
};

G_DEFINE_FINAL_TYPE (HdKpiRow, hd_kpi_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (HdKpiEngine, hd_kpi_engine, G_TYPE_OBJECT)

enum { ROW_CHANGED, N_ROW_SIGNALS };
static guint row_signals[N_ROW_SIGNALS];

/* Rows ------------------------------------------------------------------- */

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
hd_kpi_row_class_init (HdKpiRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_kpi_row_finalize;

  row_signals[ROW_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

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

gboolean
hd_kpi_row_update_from (HdKpiRow *self,
                        HdKpiRow *other)
{
  Bucket a, b;

  g_return_val_if_fail (HD_IS_KPI_ROW (self) && HD_IS_KPI_ROW (other), FALSE);

  /* Compare everything but the missing tables (pointers), then those. */
  a = self->sum;
  b = other->sum;
  a.missing = b.missing = NULL;
  if (memcmp (&a, &b, sizeof a) == 0 && missing_equal (self->sum.missing, other->sum.missing))
    return FALSE;

  g_clear_pointer (&self->sum.missing, g_hash_table_unref);
  self->sum = other->sum;
  if (other->sum.missing != NULL)
    self->sum.missing = g_hash_table_ref (other->sum.missing);
  g_free (self->most_missing);
  self->most_missing = g_strdup (other->most_missing);
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

      g_string_append_printf (text, "%s%s %.0f%%", i > 0 ? "; " : "", kc->key,
                              100.0 * kc->count / sum->offered);
    }
  return g_string_free (text, FALSE);
}

/* Buckets ---------------------------------------------------------------- */

static void
bucket_reset (Bucket *bucket,
              gint64  minute)
{
  GHashTable *missing = bucket->missing;

  memset (bucket, 0, sizeof *bucket);
  bucket->minute = minute;
  bucket->missing = missing;
  if (missing != NULL)
    g_hash_table_remove_all (missing);
}

static void
bucket_add (Bucket       *sum,
            const Bucket *bucket)
{
  sum->offered += bucket->offered;
  sum->complete += bucket->complete;
  sum->concluded += bucket->concluded;
  sum->succeeded += bucket->succeeded;
  sum->transferred += bucket->transferred;
  sum->abandoned_in_transfer += bucket->abandoned_in_transfer;
  sum->handled += bucket->handled;
  sum->verified_handled += bucket->verified_handled;
  sum->reverified += bucket->reverified;
  sum->repeated += bucket->repeated;
  sum->aht_bot_sum += bucket->aht_bot_sum;
  sum->aht_bot_n += bucket->aht_bot_n;
  sum->aht_agent_sum += bucket->aht_agent_sum;
  sum->aht_agent_n += bucket->aht_agent_n;
  sum->fcr_stated += bucket->fcr_stated;
  sum->fcr_resolved += bucket->fcr_resolved;

  if (bucket->missing != NULL && g_hash_table_size (bucket->missing) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (sum->missing == NULL)
        sum->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, bucket->missing);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint old = GPOINTER_TO_UINT (g_hash_table_lookup (sum->missing, key));

          g_hash_table_replace (sum->missing, g_strdup (key),
                                GUINT_TO_POINTER (old + GPOINTER_TO_UINT (value)));
        }
    }
}

static void
scope_free (gpointer data)
{
  Scope *scope = data;

  for (guint i = 0; i < RING; i++)
    g_clear_pointer (&scope->buckets[i].missing, g_hash_table_unref);
  g_free (scope->name);
  g_free (scope);
}

static void
track_free (gpointer data)
{
  Track *track = data;

  g_free (track->queue_first);
  g_free (track->flow);
  g_free (track);
}

static Scope *
ensure_scope (HdKpiEngine *self,
              HdKpiScope   kind,
              const char  *name)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", kind, name != NULL ? name : "");
  Scope *scope = g_hash_table_lookup (self->scopes, key);

  if (scope == NULL)
    {
      scope = g_new0 (Scope, 1);
      scope->kind = kind;
      scope->name = g_strdup (name != NULL ? name : "");
      for (guint i = 0; i < RING; i++)
        scope->buckets[i].minute = -1;
      g_hash_table_insert (self->scopes, g_steal_pointer (&key), scope);
    }
  return scope;
}

/* The bucket of @minute, or NULL when the minute fell out of the ring. */
static Bucket *
scope_bucket (Scope  *scope,
              gint64  minute)
{
  Bucket *bucket = &scope->buckets[minute % RING];

  if (bucket->minute > minute)
    return NULL;
  if (bucket->minute != minute)
    bucket_reset (bucket, minute);
  return bucket;
}

typedef void (*BucketFunc) (Bucket  *bucket,
                            gpointer data);

/* Applies @func to the bucket of @at in the overall, queue and flow scopes. */
static void
for_each_scope (HdKpiEngine *self,
                const char  *queue_id,
                const char  *flow,
                gint64       at,
                BucketFunc   func,
                gpointer     data)
{
  gint64 minute = MAX (at, 0) / MINUTE_US;
  Scope *scopes[3];
  guint n = 0;

  scopes[n++] = ensure_scope (self, HD_KPI_SCOPE_OVERALL, NULL);
  if (queue_id != NULL)
    scopes[n++] = ensure_scope (self, HD_KPI_SCOPE_QUEUE, queue_id);
  if (flow != NULL)
    scopes[n++] = ensure_scope (self, HD_KPI_SCOPE_FLOW, flow);

  for (guint i = 0; i < n; i++)
    {
      Bucket *bucket = scope_bucket (scopes[i], minute);

      if (bucket != NULL)
        func (bucket, data);
    }
}

/* Events ----------------------------------------------------------------- */

typedef struct
{
  const HdQueueEvent *event;
  Track              *track;
  gboolean            wrapped;
  gboolean            abandoned;
} Conclusion;

static void
count_offer (Bucket  *bucket,
             gpointer data)
{
  const HdQueueEvent *event = data;

  bucket->offered++;
  if (event->missing == NULL || event->missing[0] == NULL)
    bucket->complete++;
  for (guint i = 0; event->missing != NULL && event->missing[i] != NULL; i++)
    {
      guint old;

      if (bucket->missing == NULL)
        bucket->missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      old = GPOINTER_TO_UINT (g_hash_table_lookup (bucket->missing, event->missing[i]));
      g_hash_table_replace (bucket->missing, g_strdup (event->missing[i]), GUINT_TO_POINTER (old + 1));
    }
}

static void
count_conclusion (Bucket  *bucket,
                  gpointer data)
{
  Conclusion *c = data;
  Track *track = c->track;
  gboolean bot = track->flow != NULL;
  double handle_s = c->wrapped && track->accepted_at > 0
                    ? (double) (c->event->at - track->accepted_at) / G_USEC_PER_SEC : NAN;

  if (c->wrapped && !isnan (handle_s) && handle_s >= 0)
    {
      if (bot)
        {
          bucket->aht_bot_sum += handle_s;
          bucket->aht_bot_n++;
        }
      else
        {
          bucket->aht_agent_sum += handle_s;
          bucket->aht_agent_n++;
        }
    }

  if (!bot)
    return;

  bucket->concluded++;
  if (c->wrapped && track->transfers == 0)
    bucket->succeeded++;
  if (track->transfers > 0)
    bucket->transferred++;
  if (c->abandoned && track->in_transfer)
    bucket->abandoned_in_transfer++;
  if (track->accepted_at > 0)
    {
      bucket->handled++;
      if (track->repeat)
        bucket->repeated++;
      if (track->verified)
        {
          bucket->verified_handled++;
          if (track->reverified)
            bucket->reverified++;
        }
    }
  if (c->wrapped && c->event->resolution != HD_FEED_RESOLUTION_UNKNOWN)
    {
      bucket->fcr_stated++;
      if (c->event->resolution == HD_FEED_RESOLUTION_RESOLVED)
        bucket->fcr_resolved++;
    }
}

static void
sweep_tracks (HdKpiEngine *self,
              gint64       at)
{
  gint64 minute = at / MINUTE_US;
  GHashTableIter iter;
  Track *track;

  if (minute <= self->swept_minute)
    return;
  self->swept_minute = minute;

  g_hash_table_iter_init (&iter, self->tracks);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &track))
    if (track->last_at < at - (gint64) TRACK_IDLE_MINUTES * MINUTE_US)
      g_hash_table_iter_remove (&iter);
}

/* Whether the KPIs count @event (docs/kpis.md, Inputs). */
static gboolean
is_counted (const HdQueueEvent *event)
{
  switch (event->kind)
    {
    case HD_QUEUE_EVENT_OFFERED:
    case HD_QUEUE_EVENT_ACCEPTED:
    case HD_QUEUE_EVENT_DECLINED:
    case HD_QUEUE_EVENT_EXPIRED:
    case HD_QUEUE_EVENT_CUSTOMER_ABANDONED:
    case HD_QUEUE_EVENT_WRAPPED_UP:
    case HD_QUEUE_EVENT_TRANSFERRED:
      return TRUE;

    case HD_QUEUE_EVENT_SIGNAL:
      return event->has_signal && (event->signal == HD_FEED_SIGNAL_ASKED_TO_REPEAT ||
                                   event->signal == HD_FEED_SIGNAL_REVERIFIED);

    case HD_QUEUE_EVENT_REASSIGNED:
      /* The router moved the offer; nothing to count. */
    case HD_QUEUE_EVENT_OTHER:
    default:
      return FALSE;
    }
}

gboolean
hd_kpi_engine_add (HdKpiEngine        *self,
                   const HdQueueEvent *event)
{
  Track *track;

  g_return_val_if_fail (HD_IS_KPI_ENGINE (self), FALSE);
  g_return_val_if_fail (event != NULL && event->handoff_id != NULL, FALSE);

  if (!is_counted (event))
    return FALSE;

  sweep_tracks (self, event->at);
  track = g_hash_table_lookup (self->tracks, event->handoff_id);

  if (track == NULL)
    {
      /* Offered, or first seen mid-way (the supervisor connected later). */
      track = g_new0 (Track, 1);
      track->queue_first = g_strdup (event->queue_id);
      track->flow = g_strdup (event->bot_flow);
      track->verified = event->verified;
      track->in_transfer = event->in_transfer;
      track->transfers = event->in_transfer ? 1 : 0;
      g_hash_table_insert (self->tracks, g_strdup (event->handoff_id), track);
      if (event->kind == HD_QUEUE_EVENT_OFFERED && event->bot_flow != NULL)
        for_each_scope (self, event->queue_id, event->bot_flow, event->at, count_offer, (gpointer) event);
    }
  track->last_at = MAX (track->last_at, event->at);

  switch (event->kind)
    {
    case HD_QUEUE_EVENT_OFFERED:
    case HD_QUEUE_EVENT_DECLINED:
      /* A re-offer after a decline is the same handoff: nothing to count. */
      break;

    case HD_QUEUE_EVENT_ACCEPTED:
      if (track->accepted_at == 0)
        track->accepted_at = event->at;
      track->in_transfer = FALSE;
      break;

    case HD_QUEUE_EVENT_TRANSFERRED:
      track->transfers++;
      track->in_transfer = TRUE;
      break;

    case HD_QUEUE_EVENT_SIGNAL:
      /* The agent had to ask the customer to repeat (a click, or detected),
       * or verified the customer again. */
      if (event->signal == HD_FEED_SIGNAL_ASKED_TO_REPEAT)
        track->repeat = TRUE;
      else
        track->reverified = TRUE;
      break;

    case HD_QUEUE_EVENT_WRAPPED_UP:
      {
        Conclusion c = { event, track, TRUE, FALSE };

        /* The transferring agent's own wrap-up: the handoff goes on. */
        if (track->in_transfer)
          break;
        for_each_scope (self, track->queue_first, track->flow, event->at, count_conclusion, &c);
        g_hash_table_remove (self->tracks, event->handoff_id);
      }
      break;

    case HD_QUEUE_EVENT_CUSTOMER_ABANDONED:
    case HD_QUEUE_EVENT_EXPIRED:
      {
        gboolean abandoned = event->kind == HD_QUEUE_EVENT_CUSTOMER_ABANDONED;
        Conclusion c = { event, track, FALSE, abandoned };

        /* Concluded if it had reached an agent or was being transferred;
         * a customer who gave up before any agent, or an expired push (the
         * router offers it again), says nothing about the handoff. */
        if (track->in_transfer || (abandoned && track->accepted_at > 0))
          {
            for_each_scope (self, track->queue_first, track->flow, event->at, count_conclusion, &c);
            g_hash_table_remove (self->tracks, event->handoff_id);
          }
        else if (abandoned)
          g_hash_table_remove (self->tracks, event->handoff_id);
      }
      break;

    case HD_QUEUE_EVENT_REASSIGNED:
    case HD_QUEUE_EVENT_OTHER:
    default:
      g_warn_if_reached ();
    }

  return TRUE;
}

/* Table ------------------------------------------------------------------- */

static gint
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  HdKpiRow *x = (HdKpiRow *) a;
  HdKpiRow *y = (HdKpiRow *) b;

  if (x->scope != y->scope)
    return x->scope < y->scope ? -1 : 1;
  return g_strcmp0 (x->name, y->name);
}

GListModel *
hd_kpi_engine_compute (HdKpiEngine *self,
                       gint64       now)
{
  GListStore *store = g_list_store_new (HD_TYPE_KPI_ROW);
  gint64 now_minute = MAX (now, 0) / MINUTE_US;
  GHashTableIter iter;
  Scope *scope;

  g_return_val_if_fail (HD_IS_KPI_ENGINE (self), G_LIST_MODEL (store));

  ensure_scope (self, HD_KPI_SCOPE_OVERALL, NULL);
  g_hash_table_iter_init (&iter, self->scopes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &scope))
    {
      g_autoptr(HdKpiRow) row = g_object_new (HD_TYPE_KPI_ROW, NULL);
      gboolean any = FALSE;

      /* Padding in the struct must compare equal in hd_kpi_row_update_from (). */
      memset (&row->sum, 0, sizeof row->sum);

      for (guint i = 0; i < RING; i++)
        {
          Bucket *bucket = &scope->buckets[i];

          if (bucket->minute > now_minute - (gint64) self->window_minutes && bucket->minute <= now_minute)
            {
              bucket_add (&row->sum, bucket);
              any = TRUE;
            }
        }
      if (!any && scope->kind != HD_KPI_SCOPE_OVERALL)
        continue;

      row->scope = scope->kind;
      row->name = g_strdup (scope->name);
      switch (scope->kind)
        {
        case HD_KPI_SCOPE_OVERALL:
          row->label = g_strdup (_("All queues"));
          break;
        case HD_KPI_SCOPE_QUEUE:
          /* TRANSLATORS: a row of the KPI table; %s is a queue id. */
          row->label = g_strdup_printf (_("Queue %s"), scope->name);
          break;
        case HD_KPI_SCOPE_FLOW:
          /* TRANSLATORS: a row of the KPI table; %s is a bot flow id. */
          row->label = g_strdup_printf (_("Flow %s"), scope->name);
          break;
        default:
          g_assert_not_reached ();
        }
      row->most_missing = describe_missing (&row->sum);
      g_list_store_insert_sorted (store, row, compare_rows, NULL);
    }

  return G_LIST_MODEL (store);
}

guint
hd_kpi_engine_get_n_tracked (HdKpiEngine *self)
{
  g_return_val_if_fail (HD_IS_KPI_ENGINE (self), 0);
  return g_hash_table_size (self->tracks);
}

/* CSV --------------------------------------------------------------------- */

static void
append_cell (GString    *out,
             const char *value)
{
  gboolean formula = value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@';
  gboolean quote = formula || strpbrk (value, ",\"\r\n") != NULL ||
                   g_ascii_isspace (value[0]) || (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      append_cell (out, "");
      return;
    }
  append_cell (out, g_ascii_formatd (buffer, sizeof buffer, decimals == 1 ? "%.1f" : "%.3f", value));
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  append_cell (out, buffer);
}

char *
hd_kpi_rows_to_csv (GListModel *rows)
{
  static const char * const header[] = {
    "scope", "name", "offered", "concluded", "escalation_success", "abandonment_in_transfer",
    "verification_duplication", "repeat_rate", "handle_time_bot_s", "handle_time_agent_only_s",
    "first_contact_resolution", "complete_packets", "most_missing",
  };
  static const char * const scope_names[] = { "overall", "queue", "flow" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), g_string_free (out, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (out, header[i]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HdKpiRow) row = g_list_model_get_item (rows, i);

      append_cell (out, scope_names[row->scope]);
      append_cell (out, row->name);
      append_uint (out, row->sum.offered);
      append_uint (out, row->sum.concluded);
      append_number (out, hd_kpi_row_get_escalation_success (row), 3);
      append_number (out, hd_kpi_row_get_abandonment_in_transfer (row), 3);
      append_number (out, hd_kpi_row_get_verification_duplication (row), 3);
      append_number (out, hd_kpi_row_get_repeat_rate (row), 3);
      append_number (out, hd_kpi_row_get_handle_time_bot (row), 1);
      append_number (out, hd_kpi_row_get_handle_time_agent_only (row), 1);
      append_number (out, hd_kpi_row_get_first_contact_resolution (row), 3);
      append_number (out, hd_kpi_row_get_complete_packets (row), 3);
      append_cell (out, row->most_missing);
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* Engine ------------------------------------------------------------------ */

static void
hd_kpi_engine_finalize (GObject *object)
{
  HdKpiEngine *self = HD_KPI_ENGINE (object);

  g_clear_pointer (&self->scopes, g_hash_table_unref);
  g_clear_pointer (&self->tracks, g_hash_table_unref);

  G_OBJECT_CLASS (hd_kpi_engine_parent_class)->finalize (object);
}

static void
hd_kpi_engine_class_init (HdKpiEngineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_kpi_engine_finalize;
}

static void
hd_kpi_engine_init (HdKpiEngine *self)
{
  self->window_minutes = 60;
  self->scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, scope_free);
  self->tracks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, track_free);
  self->swept_minute = -1;
}

HdKpiEngine *
hd_kpi_engine_new (guint window_minutes)
{
  HdKpiEngine *self = g_object_new (HD_TYPE_KPI_ENGINE, NULL);

  self->window_minutes = CLAMP (window_minutes, 1, RING);
  return self;
}

guint
hd_kpi_engine_get_window_minutes (HdKpiEngine *self)
{
  g_return_val_if_fail (HD_IS_KPI_ENGINE (self), 0);
  return self->window_minutes;
}
