/* hd-supervisor-model.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-supervisor-model"

#include "config.h"

#include "hd-display-names.h"
#include "hd-json-get.h"
#include "hd-queue-panel-private.h"
#include "hd-supervisor-model.h"
#include "hd-time.h"

typedef struct
{
  HdWaitingHandoff *handoff;  /* owned */
  HdQueuePanel     *panel;    /* unowned: panels outlive their entries */
} Entry;

struct _HdSupervisorModel
{
  GObject      parent_instance;

  GPtrArray   *panels;        /* of HdQueuePanel, owned */
  GHashTable  *by_id;         /* queue id → HdQueuePanel, unowned */
  GHashTable  *waiting;       /* handoff id → Entry */
  HdKpiEngine *kpi;
  guint        vulnerable_threshold_s;
  guint        n_waiting;
  guint        n_alerts;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdSupervisorModel, hd_supervisor_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum { PROP_0, PROP_N_WAITING, PROP_N_ALERTS, PROP_VULNERABLE_THRESHOLD_S, N_PROPS };
enum { ALERT, N_SIGNALS };
static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* GListModel -------------------------------------------------------------- */

static GType
get_item_type (GListModel *list)
{
  return HD_TYPE_QUEUE_PANEL;
}

static guint
get_n_items (GListModel *list)
{
  return HD_SUPERVISOR_MODEL (list)->panels->len;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  HdSupervisorModel *self = HD_SUPERVISOR_MODEL (list);

  if (position >= self->panels->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->panels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Helpers ------------------------------------------------------------------ */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->handoff);
  g_free (entry);
}

static HdQueuePanel *
ensure_panel (HdSupervisorModel *self,
              const char        *queue_id)
{
  HdQueuePanel *panel = g_hash_table_lookup (self->by_id, queue_id);

  if (panel == NULL)
    {
      panel = _hd_queue_panel_new (queue_id);
      g_ptr_array_add (self->panels, panel);
      g_hash_table_insert (self->by_id, panel->queue_id, panel);
      g_list_model_items_changed (G_LIST_MODEL (self), self->panels->len - 1, 0, 1);
    }
  return panel;
}

static guint
get_uint (JsonObject *object,
          const char *member,
          guint       fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
}

static gint64
get_time (JsonObject *object)
{
  return hd_time_parse_iso8601_usec (hd_json_get_string (object, "at", NULL),
                                     g_get_real_time ());
}

static void
remove_waiting (HdSupervisorModel *self,
                const char        *handoff_id)
{
  Entry *entry = g_hash_table_lookup (self->waiting, handoff_id);

  if (entry == NULL)
    return;
  _hd_queue_panel_remove_waiting (entry->panel, entry->handoff);
  g_hash_table_remove (self->waiting, handoff_id);
}

static void
add_waiting (HdSupervisorModel *self,
             HdQueuePanel      *panel,
             HdWaitingHandoff  *handoff)
{
  Entry *entry;

  remove_waiting (self, hd_waiting_handoff_get_handoff_id (handoff));
  entry = g_new0 (Entry, 1);
  entry->handoff = g_object_ref (handoff);
  entry->panel = panel;
  g_hash_table_insert (self->waiting, g_strdup (hd_waiting_handoff_get_handoff_id (handoff)), entry);
  _hd_queue_panel_add_waiting (panel, handoff);
  /* Until a snapshot names the queue's target, a handoff's own will do. */
  if (panel->sla_target_s == 0 && hd_waiting_handoff_get_sla_target_s (handoff) > 0)
    panel->sla_target_s = hd_waiting_handoff_get_sla_target_s (handoff);
}

static void
set_agents (HdQueuePanel *panel,
            JsonObject   *object)
{
  panel->agents_available = get_uint (object, "agents_available", panel->agents_available);
  panel->agents_busy = get_uint (object, "agents_busy", panel->agents_busy);
  panel->agents_away = get_uint (object, "agents_away", panel->agents_away);
  panel->dirty = TRUE;
}

static void
clear_panel_waiting (HdSupervisorModel *self,
                     HdQueuePanel      *panel)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->waiting);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->panel == panel)
      g_hash_table_iter_remove (&iter);
  _hd_queue_panel_clear_waiting (panel);
}

/* Input -------------------------------------------------------------------- */

void
hd_supervisor_model_apply_snapshot (HdSupervisorModel *self,
                                    JsonObject        *body)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *queues_node;
  JsonArray *queues;
  gint64 at;

  g_return_if_fail (HD_IS_SUPERVISOR_MODEL (self));
  g_return_if_fail (body != NULL);

  queues_node = json_object_get_member (body, "queues");
  if (queues_node == NULL || !JSON_NODE_HOLDS_ARRAY (queues_node))
    return;
  queues = json_node_get_array (queues_node);
  at = get_time (body);

  for (guint i = 0; i < json_array_get_length (queues); i++)
    {
      JsonNode *node = json_array_get_element (queues, i);
      JsonObject *queue;
      const char *queue_id;
      HdQueuePanel *panel;
      JsonNode *list;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      queue = json_node_get_object (node);
      queue_id = hd_json_get_string (queue, "queue_id", NULL);
      if (queue_id == NULL || *queue_id == '\0')
        continue;

      panel = ensure_panel (self, queue_id);
      g_hash_table_add (seen, panel->queue_id);
      /* A snapshot replaces the last: without a label the table names it again. */
      _hd_queue_panel_set_label (panel, hd_json_get_string (queue, "queue_label", NULL));
      clear_panel_waiting (self, panel);

      list = json_object_get_member (queue, "waiting_handoffs");
      for (guint j = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) &&
                        j < json_array_get_length (json_node_get_array (list)); j++)
        {
          JsonNode *item = json_array_get_element (json_node_get_array (list), j);
          g_autoptr(HdWaitingHandoff) handoff = NULL;

          if (JSON_NODE_HOLDS_OBJECT (item) &&
              (handoff = hd_waiting_handoff_new_from_json (json_node_get_object (item))) != NULL)
            add_waiting (self, panel, handoff);
        }

      panel->waiting = get_uint (queue, "waiting", g_list_model_get_n_items (G_LIST_MODEL (panel->waiting_handoffs)));
      panel->offers_in_push = get_uint (queue, "offers_in_push", panel->waiting);
      panel->sla_target_s = get_uint (queue, "sla_target_s", panel->sla_target_s);
      /* The router lists a bounded number of handoffs: trust its counts. */
      panel->vip_waiting = MAX (panel->vip_waiting, get_uint (queue, "vip_waiting", 0));
      panel->vulnerable_waiting = MAX (panel->vulnerable_waiting, get_uint (queue, "vulnerable_waiting", 0));
      set_agents (panel, queue);
      _hd_queue_panel_set_window_counts (panel, at,
                                         get_uint (queue, "declined", 0),
                                         get_uint (queue, "expired", 0),
                                         get_uint (queue, "abandoned_in_transfer", 0));
    }

  /* Queues the subscription no longer covers. */
  for (guint i = self->panels->len; i > 0; i--)
    {
      HdQueuePanel *panel = g_ptr_array_index (self->panels, i - 1);

      if (g_hash_table_contains (seen, panel->queue_id))
        continue;
      clear_panel_waiting (self, panel);
      g_hash_table_remove (self->by_id, panel->queue_id);
      g_ptr_array_remove_index (self->panels, i - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
    }
}

static void
set_event_agents (HdQueuePanel       *panel,
                  const HdQueueEvent *event)
{
  if (event->agents_available >= 0)
    panel->agents_available = (guint) event->agents_available;
  if (event->agents_busy >= 0)
    panel->agents_busy = (guint) event->agents_busy;
  if (event->agents_away >= 0)
    panel->agents_away = (guint) event->agents_away;
  panel->dirty = TRUE;
}

void
hd_supervisor_model_add_event (HdSupervisorModel  *self,
                               const HdQueueEvent *event)
{
  HdQueuePanel *panel;

  g_return_if_fail (HD_IS_SUPERVISOR_MODEL (self));
  g_return_if_fail (event != NULL && event->queue_id != NULL && event->handoff_id != NULL);

  hd_kpi_engine_add (self->kpi, event);

  panel = ensure_panel (self, event->queue_id);
  /* An event names the queue or says nothing: a label it lacks, or one that
   * breaks the rules, leaves the name the panel has. */
  {
    g_autofree char *label = hd_display_name_read_label (event->queue_label);

    if (label != NULL)
      _hd_queue_panel_set_label (panel, label);
  }

  switch (event->kind)
    {
    case HD_QUEUE_EVENT_OFFERED:
      {
        g_autoptr(HdWaitingHandoff) handoff = NULL;

        if (event->handoff != NULL)
          handoff = hd_waiting_handoff_new_from_json (event->handoff);
        if (handoff == NULL)
          handoff = _hd_waiting_handoff_new (event->handoff_id, event->at);
        add_waiting (self, panel, handoff);
      }
      break;

    case HD_QUEUE_EVENT_TRANSFERRED:
      remove_waiting (self, event->handoff_id);
      if (event->to_queue != NULL && *event->to_queue != '\0')
        {
          HdQueuePanel *to = ensure_panel (self, event->to_queue);
          g_autoptr(HdWaitingHandoff) handoff = NULL;

          if (event->handoff != NULL)
            handoff = hd_waiting_handoff_new_from_json (event->handoff);
          if (handoff != NULL)
            add_waiting (self, to, handoff);
          to->waiting = event->to_waiting >= 0 ? (guint) event->to_waiting : to->waiting + 1;
          set_event_agents (to, event);
        }
      break;

    case HD_QUEUE_EVENT_SIGNAL:
      /* Only the KPIs care. */
      break;

    case HD_QUEUE_EVENT_DECLINED:
      remove_waiting (self, event->handoff_id);
      _hd_queue_panel_count (panel, HD_QUEUE_PANEL_COUNT_DECLINED, event->at);
      break;

    case HD_QUEUE_EVENT_EXPIRED:
      remove_waiting (self, event->handoff_id);
      _hd_queue_panel_count (panel, HD_QUEUE_PANEL_COUNT_EXPIRED, event->at);
      break;

    case HD_QUEUE_EVENT_CUSTOMER_ABANDONED:
      remove_waiting (self, event->handoff_id);
      if (event->in_transfer)
        _hd_queue_panel_count (panel, HD_QUEUE_PANEL_COUNT_ABANDONED_IN_TRANSFER, event->at);
      break;

    case HD_QUEUE_EVENT_ACCEPTED:
    case HD_QUEUE_EVENT_REASSIGNED:
    case HD_QUEUE_EVENT_WRAPPED_UP:
    case HD_QUEUE_EVENT_OTHER:
    default:
      /* No longer waiting here, whatever became of it. */
      remove_waiting (self, event->handoff_id);
      break;
    }

  panel->waiting = event->waiting >= 0 ? (guint) event->waiting
                                       : g_list_model_get_n_items (G_LIST_MODEL (panel->waiting_handoffs));
  panel->offers_in_push = event->offers_in_push >= 0 ? (guint) event->offers_in_push
                                                     : MIN (panel->offers_in_push, panel->waiting);
  set_event_agents (panel, event);
}

void
hd_supervisor_model_apply_event (HdSupervisorModel *self,
                                 JsonObject        *body)
{
  g_auto(HdQueueEvent) event = { 0 };

  g_return_if_fail (HD_IS_SUPERVISOR_MODEL (self));
  g_return_if_fail (body != NULL);

  if (hd_feed_parse_queue_event (body, &event))
    hd_supervisor_model_add_event (self, &event);
}

void
hd_supervisor_model_flush (HdSupervisorModel *self,
                           gint64             now)
{
  guint n_waiting = 0;
  guint n_alerts = 0;

  g_return_if_fail (HD_IS_SUPERVISOR_MODEL (self));

  for (guint i = 0; i < self->panels->len; i++)
    {
      HdQueuePanel *panel = g_ptr_array_index (self->panels, i);
      HdQueueAlert raised = _hd_queue_panel_refresh (panel, now, self->vulnerable_threshold_s);

      n_waiting += panel->waiting;
      n_alerts += panel->alert != HD_QUEUE_ALERT_NONE;
      if (raised != HD_QUEUE_ALERT_NONE && panel->alert_text != NULL)
        g_signal_emit (self, signals[ALERT], 0, panel, panel->alert_text);
    }

  if (n_waiting != self->n_waiting)
    {
      self->n_waiting = n_waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
    }
  if (n_alerts != self->n_alerts)
    {
      self->n_alerts = n_alerts;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALERTS]);
    }
}

/* Accessors ------------------------------------------------------------------ */

HdKpiEngine *
hd_supervisor_model_get_kpi_engine (HdSupervisorModel *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), NULL);
  return self->kpi;
}

HdQueuePanel *
hd_supervisor_model_lookup_panel (HdSupervisorModel *self,
                                  const char        *queue_id)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), NULL);
  g_return_val_if_fail (queue_id != NULL, NULL);
  return g_hash_table_lookup (self->by_id, queue_id);
}

HdWaitingHandoff *
hd_supervisor_model_lookup_waiting (HdSupervisorModel *self,
                                    const char        *handoff_id)
{
  Entry *entry;

  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), NULL);
  g_return_val_if_fail (handoff_id != NULL, NULL);

  entry = g_hash_table_lookup (self->waiting, handoff_id);
  return entry != NULL ? entry->handoff : NULL;
}

guint
hd_supervisor_model_get_n_waiting (HdSupervisorModel *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), 0);
  return self->n_waiting;
}

guint
hd_supervisor_model_get_n_alerts (HdSupervisorModel *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), 0);
  return self->n_alerts;
}

guint
hd_supervisor_model_get_vulnerable_threshold_s (HdSupervisorModel *self)
{
  g_return_val_if_fail (HD_IS_SUPERVISOR_MODEL (self), 0);
  return self->vulnerable_threshold_s;
}

void
hd_supervisor_model_set_vulnerable_threshold_s (HdSupervisorModel *self,
                                                guint              seconds)
{
  g_return_if_fail (HD_IS_SUPERVISOR_MODEL (self));

  if (self->vulnerable_threshold_s == seconds)
    return;
  self->vulnerable_threshold_s = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VULNERABLE_THRESHOLD_S]);
}

/* Object -------------------------------------------------------------------- */

static void
hd_supervisor_model_finalize (GObject *object)
{
  HdSupervisorModel *self = HD_SUPERVISOR_MODEL (object);

  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->panels, g_ptr_array_unref);
  g_clear_object (&self->kpi);

  G_OBJECT_CLASS (hd_supervisor_model_parent_class)->finalize (object);
}

static void
hd_supervisor_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HdSupervisorModel *self = HD_SUPERVISOR_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;
    case PROP_N_ALERTS:
      g_value_set_uint (value, self->n_alerts);
      break;
    case PROP_VULNERABLE_THRESHOLD_S:
      g_value_set_uint (value, self->vulnerable_threshold_s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_supervisor_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HdSupervisorModel *self = HD_SUPERVISOR_MODEL (object);

  switch (prop_id)
    {
    case PROP_VULNERABLE_THRESHOLD_S:
      hd_supervisor_model_set_vulnerable_threshold_s (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_supervisor_model_class_init (HdSupervisorModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_supervisor_model_finalize;
  object_class->get_property = hd_supervisor_model_get_property;
  object_class->set_property = hd_supervisor_model_set_property;

  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ALERTS] =
    g_param_spec_uint ("n-alerts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VULNERABLE_THRESHOLD_S] =
    g_param_spec_uint ("vulnerable-threshold-s", NULL, NULL, 0, G_MAXUINT, 120,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ALERT] = g_signal_new ("alert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 HD_TYPE_QUEUE_PANEL, G_TYPE_STRING);
}

static void
hd_supervisor_model_init (HdSupervisorModel *self)
{
  self->panels = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->kpi = hd_kpi_engine_new (60);
  self->vulnerable_threshold_s = 120;
}

HdSupervisorModel *
hd_supervisor_model_new (void)
{
  return g_object_new (HD_TYPE_SUPERVISOR_MODEL, NULL);
}
