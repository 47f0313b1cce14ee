/* hd-queue-panel.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hd-display-names.h"
#include "hd-json-get.h"
#include "hd-queue-panel-private.h"
#include "hd-time.h"

#define MINUTE_US (60 * G_USEC_PER_SEC)

struct _HdWaitingHandoff
{
  GObject   parent_instance;
  char     *handoff_id;
  char     *customer;
  char     *intent;
  char     *intent_label;
  char     *priority;
  char     *bot_flow;
  char     *bot_flow_label;
  char     *transferred_from;
  gboolean  vip;
  gboolean  vulnerable;
  gint64    waiting_since;
  guint     sla_target_s;
};

G_DEFINE_FINAL_TYPE (HdWaitingHandoff, hd_waiting_handoff, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (HdQueuePanel, hd_queue_panel, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Waiting handoffs ---------------------------------------------------------- */

static void
hd_waiting_handoff_finalize (GObject *object)
{
  HdWaitingHandoff *self = HD_WAITING_HANDOFF (object);

  g_free (self->handoff_id);
  g_free (self->customer);
  g_free (self->intent);
  g_free (self->intent_label);
  g_free (self->priority);
  g_free (self->bot_flow);
  g_free (self->bot_flow_label);
  g_free (self->transferred_from);

  G_OBJECT_CLASS (hd_waiting_handoff_parent_class)->finalize (object);
}

static void
hd_waiting_handoff_class_init (HdWaitingHandoffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_waiting_handoff_finalize;
}

static void
hd_waiting_handoff_init (HdWaitingHandoff *self)
{
}

HdWaitingHandoff *
_hd_waiting_handoff_new (const char *handoff_id,
                         gint64      waiting_since)
{
  HdWaitingHandoff *self = g_object_new (HD_TYPE_WAITING_HANDOFF, NULL);

  self->handoff_id = g_strdup (handoff_id);
  self->waiting_since = waiting_since;
  return self;
}

static char *
dup_string (JsonObject *object,
            const char *member)
{
  return g_strdup (hd_json_get_string (object, member, NULL));
}

HdWaitingHandoff *
hd_waiting_handoff_new_from_json (JsonObject *object)
{
  HdWaitingHandoff *self;
  g_autofree char *since = NULL;
  char *id;

  g_return_val_if_fail (object != NULL, NULL);

  if ((id = dup_string (object, "handoff_id")) == NULL)
    return NULL;

  self = g_object_new (HD_TYPE_WAITING_HANDOFF, NULL);
  self->handoff_id = id;
  self->customer = dup_string (object, "customer");
  self->intent = dup_string (object, "intent");
  self->intent_label = hd_display_name_read_label (hd_json_get_string (object, "intent_label", NULL));
  self->priority = dup_string (object, "priority");
  self->bot_flow = dup_string (object, "bot_flow");
  self->bot_flow_label = hd_display_name_read_label (hd_json_get_string (object, "bot_flow_label", NULL));
  self->transferred_from = dup_string (object, "transferred_from");
  self->vip = hd_json_get_boolean (object, "vip", FALSE);
  self->vulnerable = hd_json_get_boolean (object, "vulnerable", FALSE);
  self->sla_target_s = (guint) CLAMP (hd_json_get_int (object, "sla_target_s", 0),
                                      0, G_MAXUINT);
  since = dup_string (object, "waiting_since");
  self->waiting_since = hd_time_parse_iso8601_usec (since, g_get_real_time ());
  return self;
}

const char *
hd_waiting_handoff_get_handoff_id (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->handoff_id;
}

const char *
hd_waiting_handoff_get_customer (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->customer;
}

const char *
hd_waiting_handoff_get_intent (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->intent;
}

const char *
hd_waiting_handoff_get_priority (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->priority;
}

const char *
hd_waiting_handoff_get_bot_flow (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->bot_flow;
}

const char *
hd_waiting_handoff_get_intent_label (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->intent_label;
}

const char *
hd_waiting_handoff_get_bot_flow_label (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->bot_flow_label;
}

const char *
hd_waiting_handoff_get_transferred_from (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), NULL);
  return self->transferred_from;
}

gboolean
hd_waiting_handoff_get_vip (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), FALSE);
  return self->vip;
}

gboolean
hd_waiting_handoff_get_vulnerable (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), FALSE);
  return self->vulnerable;
}

gint64
hd_waiting_handoff_get_waiting_since (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), 0);
  return self->waiting_since;
}

guint
hd_waiting_handoff_get_sla_target_s (HdWaitingHandoff *self)
{
  g_return_val_if_fail (HD_IS_WAITING_HANDOFF (self), 0);
  return self->sla_target_s;
}

/* Panels -------------------------------------------------------------------- */

static void
hd_queue_panel_finalize (GObject *object)
{
  HdQueuePanel *self = HD_QUEUE_PANEL (object);

  g_free (self->queue_id);
  g_free (self->title);
  g_free (self->alert_text);
  g_clear_object (&self->waiting_handoffs);

  G_OBJECT_CLASS (hd_queue_panel_parent_class)->finalize (object);
}

static void
hd_queue_panel_class_init (HdQueuePanelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_queue_panel_finalize;

  /* Emitted by hd_supervisor_model_flush () when anything shown changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hd_queue_panel_init (HdQueuePanel *self)
{
  self->waiting_handoffs = g_list_store_new (HD_TYPE_WAITING_HANDOFF);
  hd_trend_init (&self->trend);
  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    self->buckets[i].minute = -1;
}

/* The router's name for the queue, else "collections_hardship" →
 * "Collections hardship", "kyc" → "KYC". */
static char *
make_title (const char *label,
            const char *queue_id)
{
  char *title = hd_display_name_choose (label, queue_id);

  return title != NULL ? title : g_strdup (queue_id);
}

void
_hd_queue_panel_set_label (HdQueuePanel *self,
                           const char   *label)
{
  g_autofree char *clean = hd_display_name_read_label (label);
  g_autofree char *title = make_title (clean, self->queue_id);

  if (g_strcmp0 (title, self->title) == 0)
    return;
  g_free (self->title);
  self->title = g_steal_pointer (&title);
  self->dirty = TRUE;
}

HdQueuePanel *
_hd_queue_panel_new (const char *queue_id)
{
  HdQueuePanel *self = g_object_new (HD_TYPE_QUEUE_PANEL, NULL);

  self->queue_id = g_strdup (queue_id);
  self->title = make_title (NULL, queue_id);
  self->dirty = TRUE;
  return self;
}

static PanelBucket *
bucket_at (HdQueuePanel *self,
           gint64        at)
{
  gint64 minute = MAX (at, 0) / MINUTE_US;
  PanelBucket *bucket = &self->buckets[minute % 60];

  if (bucket->minute > minute)
    return NULL;
  if (bucket->minute != minute)
    {
      memset (bucket, 0, sizeof *bucket);
      bucket->minute = minute;
    }
  return bucket;
}

void
_hd_queue_panel_count (HdQueuePanel      *self,
                       HdQueuePanelCount  what,
                       gint64             at)
{
  PanelBucket *bucket = bucket_at (self, at);

  if (bucket == NULL)
    return;
  switch (what)
    {
    case HD_QUEUE_PANEL_COUNT_DECLINED:
      bucket->declined++;
      break;
    case HD_QUEUE_PANEL_COUNT_EXPIRED:
      bucket->expired++;
      break;
    case HD_QUEUE_PANEL_COUNT_ABANDONED_IN_TRANSFER:
      bucket->abandoned_in_transfer++;
      break;
    default:
      g_return_if_reached ();
    }
  self->dirty = TRUE;
}

void
_hd_queue_panel_set_window_counts (HdQueuePanel *self,
                                   gint64        at,
                                   guint         declined,
                                   guint         expired,
                                   guint         abandoned_in_transfer)
{
  PanelBucket *bucket;

  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    self->buckets[i].minute = -1;
  bucket = bucket_at (self, at);
  bucket->declined = declined;
  bucket->expired = expired;
  bucket->abandoned_in_transfer = abandoned_in_transfer;
  self->dirty = TRUE;
}

void
_hd_queue_panel_add_waiting (HdQueuePanel     *self,
                             HdWaitingHandoff *handoff)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->waiting_handoffs));
  guint position = n;

  /* Oldest first; new arrivals are nearly always the newest. */
  while (position > 0)
    {
      g_autoptr(HdWaitingHandoff) before = g_list_model_get_item (G_LIST_MODEL (self->waiting_handoffs),
                                                                  position - 1);
      if (before->waiting_since <= handoff->waiting_since)
        break;
      position--;
    }
  g_list_store_insert (self->waiting_handoffs, position, handoff);
  self->vip_waiting += handoff->vip;
  self->vulnerable_waiting += handoff->vulnerable;
  self->dirty = TRUE;
}

gboolean
_hd_queue_panel_remove_waiting (HdQueuePanel     *self,
                                HdWaitingHandoff *handoff)
{
  guint position;

  if (!g_list_store_find (self->waiting_handoffs, handoff, &position))
    return FALSE;
  g_list_store_remove (self->waiting_handoffs, position);
  if (handoff->vip && self->vip_waiting > 0)
    self->vip_waiting--;
  if (handoff->vulnerable && self->vulnerable_waiting > 0)
    self->vulnerable_waiting--;
  self->dirty = TRUE;
  return TRUE;
}

void
_hd_queue_panel_clear_waiting (HdQueuePanel *self)
{
  g_list_store_remove_all (self->waiting_handoffs);
  self->vip_waiting = 0;
  self->vulnerable_waiting = 0;
  self->dirty = TRUE;
}

static char *
format_duration (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

HdQueueAlert
_hd_queue_panel_refresh (HdQueuePanel *self,
                         gint64        now,
                         guint         vulnerable_threshold_s)
{
  GListModel *list = G_LIST_MODEL (self->waiting_handoffs);
  guint n = g_list_model_get_n_items (list);
  guint longest = 0;
  guint vulnerable_longest = 0;
  HdQueueAlert alert = HD_QUEUE_ALERT_NONE;
  HdQueueAlert raised;
  GString *text = NULL;

  if (n > 0)
    {
      g_autoptr(HdWaitingHandoff) oldest = g_list_model_get_item (list, 0);

      longest = (guint) CLAMP ((now - oldest->waiting_since) / G_USEC_PER_SEC, 0, G_MAXUINT);
    }
  /* Only vulnerable customers count for that alert: scan when there are any. */
  for (guint i = 0; self->vulnerable_waiting > 0 && i < n; i++)
    {
      g_autoptr(HdWaitingHandoff) handoff = g_list_model_get_item (list, i);

      if (handoff->vulnerable)
        {
          vulnerable_longest = (guint) CLAMP ((now - handoff->waiting_since) / G_USEC_PER_SEC, 0, G_MAXUINT);
          break;  /* oldest first: the first one waited longest */
        }
    }

  if (self->sla_target_s > 0 && longest > self->sla_target_s)
    alert |= HD_QUEUE_ALERT_SLA_BREACH;
  if (vulnerable_threshold_s > 0 && vulnerable_longest > vulnerable_threshold_s)
    alert |= HD_QUEUE_ALERT_VULNERABLE_WAITING;

  if (longest != self->longest_wait_s)
    {
      self->longest_wait_s = longest;
      self->dirty = TRUE;
    }

  raised = alert & ~self->alert;
  if (alert != self->alert || (alert != HD_QUEUE_ALERT_NONE && self->dirty))
    {
      text = g_string_new (NULL);
      if (alert & HD_QUEUE_ALERT_SLA_BREACH)
        {
          g_autofree char *wait = format_duration (longest);
          g_autofree char *target = format_duration (self->sla_target_s);

          /* TRANSLATORS: "Fraud: longest wait 3:10, SLA target 1:00." */
          g_string_append_printf (text, _("%s: longest wait %s, SLA target %s."),
                                  self->title, wait, target);
        }
      if (alert & HD_QUEUE_ALERT_VULNERABLE_WAITING)
        {
          g_autofree char *wait = format_duration (vulnerable_longest);

          if (text->len > 0)
            g_string_append_c (text, ' ');
          /* TRANSLATORS: "Collections hardship: a vulnerable customer has waited 2:30." */
          g_string_append_printf (text, _("%s: a vulnerable customer has waited %s."),
                                  self->title, wait);
        }
      g_free (self->alert_text);
      if (text->len > 0)
        self->alert_text = g_string_free (text, FALSE);
      else
        {
          g_string_free (text, TRUE);
          self->alert_text = NULL;
        }
      self->alert = alert;
      self->dirty = TRUE;
    }

  self->now_minute = now / MINUTE_US;
  hd_trend_record (&self->trend, self->now_minute, self->waiting);

  if (self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return raised;
}

const char *
hd_queue_panel_get_queue_id (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  return self->queue_id;
}

const char *
hd_queue_panel_get_title (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  return self->title;
}

guint
hd_queue_panel_get_waiting (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->waiting;
}

guint
hd_queue_panel_get_offers_in_push (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->offers_in_push;
}

guint
hd_queue_panel_get_agents_available (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->agents_available;
}

guint
hd_queue_panel_get_agents_busy (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->agents_busy;
}

guint
hd_queue_panel_get_agents_away (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->agents_away;
}

guint
hd_queue_panel_get_longest_wait_s (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->longest_wait_s;
}

guint
hd_queue_panel_get_sla_target_s (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->sla_target_s;
}

static guint
sum_window (HdQueuePanel *self,
            gsize         offset)
{
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->buckets); i++)
    {
      PanelBucket *bucket = &self->buckets[i];

      if (bucket->minute >= 0 && bucket->minute > self->now_minute - 60)
        total += G_STRUCT_MEMBER (guint, bucket, offset);
    }
  return total;
}

guint
hd_queue_panel_get_abandoned_in_transfer (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return sum_window (self, G_STRUCT_OFFSET (PanelBucket, abandoned_in_transfer));
}

guint
hd_queue_panel_get_declined (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return sum_window (self, G_STRUCT_OFFSET (PanelBucket, declined));
}

guint
hd_queue_panel_get_expired (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return sum_window (self, G_STRUCT_OFFSET (PanelBucket, expired));
}

guint
hd_queue_panel_get_vip_waiting (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->vip_waiting;
}

guint
hd_queue_panel_get_vulnerable_waiting (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->vulnerable_waiting;
}

HdQueueAlert
hd_queue_panel_get_alert (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), HD_QUEUE_ALERT_NONE);
  return self->alert;
}

const char *
hd_queue_panel_get_alert_text (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  return self->alert_text;
}

GListModel *
hd_queue_panel_get_waiting_handoffs (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  return G_LIST_MODEL (self->waiting_handoffs);
}

const HdTrend *
hd_queue_panel_get_trend (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  return &self->trend;
}

gint64
hd_queue_panel_get_now_minute (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), 0);
  return self->now_minute;
}

char *
hd_queue_panel_describe_trend (HdQueuePanel *self)
{
  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), NULL);
  /* TRANSLATORS: what the trend sentence is about: “Waiting rose from 3 to 12…” */
  return hd_trend_describe (&self->trend, self->now_minute, C_("trend subject", "Waiting"));
}

/* How far along its SLA the queue is: the longest wait over the target. */
static double
sla_pressure (HdQueuePanel *self)
{
  if (self->sla_target_s == 0)
    return self->longest_wait_s > 0 ? 0.001 * self->longest_wait_s / 60.0 : 0;
  return (double) self->longest_wait_s / self->sla_target_s;
}

int
hd_queue_panel_compare (HdQueuePanel *a,
                        HdQueuePanel *b,
                        HdPanelSort   sort)
{
  int result = 0;

  g_return_val_if_fail (HD_IS_QUEUE_PANEL (a) && HD_IS_QUEUE_PANEL (b), 0);

  switch (sort)
    {
    case HD_PANEL_SORT_URGENCY:
      if ((a->alert != 0) != (b->alert != 0))
        result = a->alert != 0 ? -1 : 1;
      else if (sla_pressure (a) != sla_pressure (b))
        result = sla_pressure (a) > sla_pressure (b) ? -1 : 1;
      else if (a->waiting != b->waiting)
        result = a->waiting > b->waiting ? -1 : 1;
      break;
    case HD_PANEL_SORT_WAITING:
      if (a->waiting != b->waiting)
        result = a->waiting > b->waiting ? -1 : 1;
      break;
    case HD_PANEL_SORT_LONGEST_WAIT:
      if (a->longest_wait_s != b->longest_wait_s)
        result = a->longest_wait_s > b->longest_wait_s ? -1 : 1;
      break;
    case HD_PANEL_SORT_NAME:
    default:
      break;
    }

  /* Ties, and the name sort: by title, then id, so the order is stable. */
  if (result == 0)
    result = g_utf8_collate (a->title, b->title);
  if (result == 0)
    result = g_strcmp0 (a->queue_id, b->queue_id);
  return result;
}

gboolean
hd_queue_panel_matches (HdQueuePanel *self,
                        const char   *search,
                        gboolean      alerts_only)
{
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HD_IS_QUEUE_PANEL (self), FALSE);

  if (alerts_only && self->alert == HD_QUEUE_ALERT_NONE)
    return FALSE;
  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  title = g_utf8_casefold (self->title, -1);
  id = g_utf8_casefold (self->queue_id, -1);
  return strstr (title, needle) != NULL || strstr (id, needle) != NULL;
}
