/* hd-queue.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-queue"

#include "config.h"

#include "hd-queue.h"

struct _HdQueue
{
  GObject       parent_instance;

  GPtrArray    *items;       /* owned, of HdHandoff, in arrival order */
  GHashTable   *by_id;       /* handoff id → HdHandoff, borrowed from items */
  GHashTable   *seen;        /* every id ever added: owned strings */
  guint64       n_presented;
  guint         n_open;
  GSource      *clock;       /* owned, nullable: the next deadline */
  GDateTime    *clock_at;    /* owned, nullable: when it fires */
  GMainContext *context;     /* owned */
};

static void hd_queue_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HdQueue, hd_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hd_queue_list_model_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_OPEN,
  PROP_N_PRESENTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
hd_queue_get_item_type (GListModel *model)
{
  return HD_TYPE_HANDOFF;
}

static guint
hd_queue_get_n_items (GListModel *model)
{
  return HD_QUEUE (model)->items->len;
}

static gpointer
hd_queue_get_item (GListModel *model,
                   guint       position)
{
  HdQueue *self = HD_QUEUE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
hd_queue_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hd_queue_get_item_type;
  iface->get_n_items = hd_queue_get_n_items;
  iface->get_item = hd_queue_get_item;
}

static void reschedule (HdQueue *self);

static void
on_item_open_cb (HdHandoff  *handoff,
                 GParamSpec *pspec,
                 HdQueue    *self)
{
  if (hd_handoff_is_open (handoff))
    self->n_open++;
  else if (self->n_open > 0)
    self->n_open--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
}

static gboolean
clock_cb (gpointer user_data)
{
  HdQueue *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_clear_pointer (&self->clock, g_source_unref);
  g_clear_pointer (&self->clock_at, g_date_time_unref);
  hd_queue_tick (self, now);  /* reschedules */
  return G_SOURCE_REMOVE;
}

/* The earliest deadline of @handoff still to watch, or NULL. */
static GDateTime *
item_deadline (HdHandoff *handoff)
{
  HdHandoffState state = hd_handoff_get_state (handoff);
  GDateTime *expiry = hd_handoff_get_expires_at (handoff);
  GDateTime *sla = hd_handoff_get_sla_deadline (handoff);
  GDateTime *next = NULL;

  if (state == HD_HANDOFF_STATE_OFFERED && expiry != NULL)
    next = expiry;
  if ((state == HD_HANDOFF_STATE_OFFERED || state == HD_HANDOFF_STATE_ACCEPTED) &&
      sla != NULL && !hd_handoff_get_sla_breached (handoff) &&
      (next == NULL || g_date_time_compare (sla, next) < 0))
    next = sla;

  return next;
}

static void
disarm (HdQueue *self)
{
  if (self->clock != NULL)
    {
      g_source_destroy (self->clock);
      g_clear_pointer (&self->clock, g_source_unref);
    }
  g_clear_pointer (&self->clock_at, g_date_time_unref);
}

/* Makes sure the timer fires no later than @deadline.  A timer that fires for
 * a deadline that went away (the offer was accepted) just re-arms. */
static void
arm (HdQueue   *self,
     GDateTime *deadline)
{
  g_autoptr(GDateTime) now = NULL;
  GTimeSpan delay;

  if (deadline == NULL)
    return;
  if (self->clock_at != NULL && g_date_time_compare (self->clock_at, deadline) <= 0)
    return;

  disarm (self);
  now = g_date_time_new_now_utc ();
  delay = MAX (g_date_time_difference (deadline, now), 0);
  /* Round up to the next millisecond so the timer never fires early. */
  self->clock = g_timeout_source_new ((guint) MIN ((delay + 999) / 1000 + 1, G_MAXUINT));
  self->clock_at = g_date_time_ref (deadline);
  g_source_set_static_name (self->clock, "[hd-queue] clock");
  g_source_set_callback (self->clock, clock_cb, self, NULL);
  g_source_attach (self->clock, self->context);
}

/* Arms one timer for the earliest pending deadline of any item. */
static void
reschedule (HdQueue *self)
{
  disarm (self);
  for (guint i = 0; i < self->items->len; i++)
    arm (self, item_deadline (g_ptr_array_index (self->items, i)));
}

static void
check_item (HdHandoff *handoff,
            GDateTime *now)
{
  HdHandoffState state = hd_handoff_get_state (handoff);
  GDateTime *expiry = hd_handoff_get_expires_at (handoff);
  GDateTime *sla = hd_handoff_get_sla_deadline (handoff);

  if (state == HD_HANDOFF_STATE_OFFERED && expiry != NULL &&
      g_date_time_compare (expiry, now) <= 0)
    hd_handoff_transition (handoff, HD_HANDOFF_STATE_EXPIRED, HD_REVOKE_REASON_EXPIRED);

  state = hd_handoff_get_state (handoff);
  if ((state == HD_HANDOFF_STATE_OFFERED || state == HD_HANDOFF_STATE_ACCEPTED) &&
      sla != NULL && g_date_time_compare (sla, now) <= 0)
    hd_handoff_set_sla_breached (handoff, TRUE);
}

void
hd_queue_tick (HdQueue   *self,
               GDateTime *now)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (HD_IS_QUEUE (self));
  g_return_if_fail (now != NULL);

  /* Keep the items alive: state handlers may remove them. */
  items = g_ptr_array_new_full (self->items->len, g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (self->items, i)));

  for (guint i = 0; i < items->len; i++)
    check_item (g_ptr_array_index (items, i), now);

  reschedule (self);
}

static void
hd_queue_dispose (GObject *object)
{
  HdQueue *self = HD_QUEUE (object);

  disarm (self);
  for (guint i = 0; i < self->items->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->items, i), self);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (hd_queue_parent_class)->dispose (object);
}

static void
hd_queue_finalize (GObject *object)
{
  HdQueue *self = HD_QUEUE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (hd_queue_parent_class)->finalize (object);
}

static void
hd_queue_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HdQueue *self = HD_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;
    case PROP_N_PRESENTED:
      g_value_set_uint64 (value, self->n_presented);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_queue_class_init (HdQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hd_queue_dispose;
  object_class->finalize = hd_queue_finalize;
  object_class->get_property = hd_queue_get_property;

  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_PRESENTED] = g_param_spec_uint64 ("n-presented", NULL, NULL,
                                                      0, G_MAXUINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hd_queue_init (HdQueue *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context = g_main_context_ref_thread_default ();
}

HdQueue *
hd_queue_new (void)
{
  return g_object_new (HD_TYPE_QUEUE, NULL);
}

gboolean
hd_queue_add (HdQueue   *self,
              HdHandoff *handoff)
{
  const char *id;

  g_return_val_if_fail (HD_IS_QUEUE (self), FALSE);
  g_return_val_if_fail (HD_IS_HANDOFF (handoff), FALSE);

  id = hd_handoff_get_handoff_id (handoff);
  if (g_hash_table_contains (self->seen, id))
    return FALSE;

  g_hash_table_add (self->seen, g_strdup (id));
  g_ptr_array_add (self->items, g_object_ref (handoff));
  g_hash_table_insert (self->by_id, (gpointer) id, handoff);
  self->n_presented++;
  if (hd_handoff_is_open (handoff))
    {
      self->n_open++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
    }
  g_signal_connect_object (handoff, "notify::is-open", G_CALLBACK (on_item_open_cb), self, 0);

  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PRESENTED]);

  /* An offer that arrives already past its expiry (a replay after a long
   * outage) is shown, and expires right away. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    check_item (handoff, now);
    arm (self, item_deadline (handoff));
  }

  return TRUE;
}

void
hd_queue_remember (HdQueue    *self,
                   const char *handoff_id)
{
  g_return_if_fail (HD_IS_QUEUE (self));
  g_return_if_fail (handoff_id != NULL);

  g_hash_table_add (self->seen, g_strdup (handoff_id));
}

HdHandoff *
hd_queue_lookup (HdQueue    *self,
                 const char *handoff_id)
{
  g_return_val_if_fail (HD_IS_QUEUE (self), NULL);
  g_return_val_if_fail (handoff_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, handoff_id);
}

static void
remove_at (HdQueue *self,
           guint    position)
{
  HdHandoff *handoff = g_ptr_array_index (self->items, position);

  if (hd_handoff_is_open (handoff) && self->n_open > 0)
    {
      self->n_open--;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
    }
  g_signal_handlers_disconnect_by_data (handoff, self);
  g_hash_table_remove (self->by_id, hd_handoff_get_handoff_id (handoff));
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

gboolean
hd_queue_remove (HdQueue    *self,
                 const char *handoff_id)
{
  HdHandoff *handoff;
  guint position;

  g_return_val_if_fail (HD_IS_QUEUE (self), FALSE);
  g_return_val_if_fail (handoff_id != NULL, FALSE);

  handoff = g_hash_table_lookup (self->by_id, handoff_id);
  if (handoff == NULL || !g_ptr_array_find (self->items, handoff, &position))
    return FALSE;

  remove_at (self, position);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  reschedule (self);
  return TRUE;
}

guint
hd_queue_remove_finished (HdQueue *self)
{
  guint removed = 0;

  g_return_val_if_fail (HD_IS_QUEUE (self), 0);

  for (guint i = self->items->len; i > 0; i--)
    {
      HdHandoffState state = hd_handoff_get_state (g_ptr_array_index (self->items, i - 1));

      if (state != HD_HANDOFF_STATE_OFFERED && state != HD_HANDOFF_STATE_ACCEPTED)
        {
          remove_at (self, i - 1);
          removed++;
        }
    }

  if (removed > 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      reschedule (self);
    }
  return removed;
}

guint
hd_queue_get_n_open (HdQueue *self)
{
  g_return_val_if_fail (HD_IS_QUEUE (self), 0);
  return self->n_open;
}

guint64
hd_queue_get_n_presented (HdQueue *self)
{
  g_return_val_if_fail (HD_IS_QUEUE (self), 0);
  return self->n_presented;
}
