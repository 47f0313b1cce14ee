/* hd-kpi-engine.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-kpi"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hd-display-names.h"
#include "hd-kpi-private.h"

/* See docs/kpis.md for the definitions this file implements. */

#define RING 60
#define MINUTE_US (60 * G_USEC_PER_SEC)
/* A handoff with no event for this long is forgotten unconcluded. */
#define TRACK_IDLE_MINUTES 60

typedef struct
{
  HdKpiScope  kind;
  char       *name;
  char       *label;           /* the stream's display name for @name, or NULL */
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


G_DEFINE_FINAL_TYPE (HdKpiEngine, hd_kpi_engine, G_TYPE_OBJECT)

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
  g_free (scope->label);
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
      return event->has_report && (event->report == HD_QUALITY_REPORT_ASKED_TO_REPEAT ||
                                   event->report == HD_QUALITY_REPORT_REVERIFIED);

    case HD_QUEUE_EVENT_REASSIGNED:
      /* The router moved the offer; nothing to count. */
    case HD_QUEUE_EVENT_OTHER:
    default:
      return FALSE;
    }
}

/* The stream's name for a queue or flow, kept from the last event that had a
 * valid one: rows are named when they are made. */
static void
remember_label (HdKpiEngine *self,
                HdKpiScope   kind,
                const char  *name,
                const char  *label)
{
  g_autofree char *clean = hd_display_name_read_label (label);
  Scope *scope;

  if (clean == NULL)
    return;
  scope = ensure_scope (self, kind, name);
  g_free (scope->label);
  scope->label = g_steal_pointer (&clean);
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
  remember_label (self, HD_KPI_SCOPE_QUEUE, event->queue_id, event->queue_label);
  if (event->bot_flow != NULL)
    remember_label (self, HD_KPI_SCOPE_FLOW, event->bot_flow, event->bot_flow_label);
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
      if (event->report == HD_QUALITY_REPORT_ASKED_TO_REPEAT)
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
      g_autoptr(HdKpiRow) row = NULL;
      gboolean any = FALSE;
      Bucket sum;

      /* Padding in the struct must compare equal in hd_kpi_row_update_from (). */
      memset (&sum, 0, sizeof sum);

      for (guint i = 0; i < RING; i++)
        {
          Bucket *bucket = &scope->buckets[i];

          if (bucket->minute > now_minute - (gint64) self->window_minutes && bucket->minute <= now_minute)
            {
              bucket_add (&sum, bucket);
              any = TRUE;
            }
        }
      if (!any && scope->kind != HD_KPI_SCOPE_OVERALL)
        {
          g_clear_pointer (&sum.missing, g_hash_table_unref);
          continue;
        }

      row = _hd_kpi_row_new (scope->kind, scope->name, scope->label, &sum);
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
/* Object ------------------------------------------------------------------ */

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
