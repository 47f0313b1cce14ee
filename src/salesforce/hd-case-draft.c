/* hd-case-draft.c: the fields and what they are compared with, the
 * attention state, properties
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-draft"

#include "config.h"

#include "hd-case-draft-private.h"

G_DEFINE_FINAL_TYPE (HdCaseDraft, hd_case_draft, G_TYPE_OBJECT)

GParamSpec *_hd_case_draft_properties[N_PROPS];
guint _hd_case_draft_signals[N_SIGNALS];

#define properties _hd_case_draft_properties
#define signals _hd_case_draft_signals

/* The field properties, in HdCaseField order. */
static const char * const field_props[HD_CASE_N_FIELDS] = {
  "status", "priority", "case-type", "subcategory", "disposition", "next-step", "description",
};

/* Small setters that notify only on a change. */

static void
set_flag (HdCaseDraft *self,
          gboolean    *flag,
          gboolean     value,
          guint        prop)
{
  value = !!value;
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_hd_case_draft_set_string (HdCaseDraft  *self,
            char        **field,
            const char   *value,
            guint         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_hd_case_draft_set_field_text (HdCaseDraft *self,
                HdCaseField  field,
                const char  *text)
{
  _hd_case_draft_set_string (self, &self->fields[field], text != NULL ? text : "", PROP_FIELD_FIRST + field);
}

void
_hd_case_draft_set_comment_text (HdCaseDraft *self,
                  const char  *text)
{
  _hd_case_draft_set_string (self, &self->comment, text != NULL ? text : "", PROP_COMMENT);
}

void
_hd_case_draft_set_saving (HdCaseDraft *self,
                           gboolean     saving)
{
  set_flag (self, &self->saving, saving, PROP_SAVING);
}

void
_hd_case_draft_set_case_id (HdCaseDraft *self,
                            const char  *case_id)
{
  _hd_case_draft_set_string (self, &self->case_id, case_id, PROP_CASE_ID);
  _hd_case_draft_update_watch (self);
}

void
_hd_case_draft_set_create_queued (HdCaseDraft *self,
                                  gboolean     create_queued)
{
  set_flag (self, &self->create_queued, create_queued, PROP_CREATE_QUEUED);
}

void
_hd_case_draft_set_loading (HdCaseDraft *self,
             gboolean     loading)
{
  set_flag (self, &self->loading, loading, PROP_LOADING);
}

static void
update_signed_out (HdCaseDraft *self)
{
  set_flag (self, &self->signed_out, self->auth != NULL && !hd_sf_auth_get_signed_in (self->auth),
            PROP_SIGNED_OUT);
}

/* Fields and what they are compared with. */

gboolean
_hd_case_draft_is_connected (HdCaseDraft *self)
{
  return self->client != NULL && self->outbox != NULL;
}

gboolean
_hd_case_draft_has_comment (HdCaseDraft *self)
{
  g_autofree char *comment = g_strdup (self->comment);

  return *g_strstrip (comment) != '\0';
}

/* What the agent's text is compared with: the case's value when known,
 * else what was prefilled (an existing case not loaded yet), else nothing
 * (a case still to be created). */
const char *
_hd_case_draft_reference (HdCaseDraft *self,
                          HdCaseField  field)
{
  if (self->base[field] != NULL)
    return self->base[field];
  if (self->create && self->case_id == NULL && !self->create_queued)
    return "";
  return self->prefill[field] != NULL ? self->prefill[field] : "";
}

void
_hd_case_draft_update_dirty (HdCaseDraft *self)
{
  gboolean dirty = FALSE;

  if (_hd_case_draft_is_connected (self) && self->handoff != NULL)
    {
      for (guint i = 0; i < HD_CASE_N_FIELDS && !dirty; i++)
        dirty = g_strcmp0 (self->fields[i], _hd_case_draft_reference (self, i)) != 0 &&
                _hd_case_draft_can_write (self, hd_case_field_get_api_name (i), FALSE);
      dirty = dirty || _hd_case_draft_has_comment (self);
    }
  set_flag (self, &self->dirty, dirty, PROP_DIRTY);
  _hd_case_draft_persist (self);
}

gboolean
hd_case_draft_get_edited (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);

  if (!self->dirty)
    return FALSE;
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *before = self->base[i] != NULL ? self->base[i] : self->prefill[i];

      if (g_strcmp0 (self->fields[i], before != NULL ? before : "") != 0)
        return TRUE;
    }
  return _hd_case_draft_has_comment (self);
}

/* Attention: an edit of ours Salesforce did not take. */

void
_hd_case_draft_clear_attention (HdCaseDraft *self)
{
  if (self->attention == NULL)
    return;
  g_clear_object (&self->attention);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    g_clear_pointer (&self->field_errors[i], g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION]);
}

void
_hd_case_draft_show_attention (HdCaseDraft   *self,
                               HdOutboxEntry *entry)
{
  HdOutboxEntryState state = hd_outbox_entry_get_state (entry);

  g_set_object (&self->attention, entry);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      const char *message = state == HD_OUTBOX_ENTRY_REJECTED
                              ? hd_outbox_entry_get_field_error (entry, hd_case_field_get_api_name (i)) : NULL;

      g_free (self->field_errors[i]);
      self->field_errors[i] = g_strdup (message);
    }

  /* A refused change is not saved: the fields it sets count as unsaved
   * again, and saving amends the entry. */
  if (state == HD_OUTBOX_ENTRY_REJECTED && hd_outbox_entry_get_kind (entry) == HD_OUTBOX_KIND_UPDATE)
    for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
      {
        const char *name = hd_case_field_get_api_name (i);

        if (hd_outbox_entry_get_value (entry, name) != NULL && self->base[i] != NULL)
          {
            g_free (self->base[i]);
            self->base[i] = hd_case_field_dup_value_text (hd_outbox_entry_get_base_value (entry, name));
          }
      }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION]);
  _hd_case_draft_update_dirty (self);
}

/* Connections. */

static void
on_signed_in_cb (HdCaseDraft *self,
                 GParamSpec  *pspec,
                 HdSfAuth    *auth)
{
  update_signed_out (self);
  if (hd_sf_auth_get_signed_in (auth))
    _hd_case_draft_fetch_describe (self);
  if (hd_sf_auth_get_signed_in (auth) && !self->context_loaded && !self->loading)
    _hd_case_draft_fetch_context (self);
}

static void
disconnect_sources (HdCaseDraft *self)
{
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
  _hd_case_draft_disconnect_describe (self);
}

static void
connect_sources (HdCaseDraft *self)
{
  g_clear_object (&self->auth);
  if (self->client != NULL)
    {
      self->auth = g_object_ref (hd_sf_client_get_auth (self->client));
      /* The shared cache first: it hears of a sign-in before we do. */
      _hd_case_draft_connect_describe (self);
      g_signal_connect_swapped (self->auth, "notify::signed-in", G_CALLBACK (on_signed_in_cb), self);
    }
  update_signed_out (self);
  if (self->outbox != NULL)
    {
      g_signal_connect_swapped (self->outbox, "sent",
                                G_CALLBACK (_hd_case_draft_on_outbox_sent_cb), self);
      g_signal_connect_swapped (self->outbox, "conflict",
                                G_CALLBACK (_hd_case_draft_on_outbox_conflict_cb), self);
      g_signal_connect_swapped (self->outbox, "rejected",
                                G_CALLBACK (_hd_case_draft_on_outbox_rejected_cb), self);
      g_signal_connect_swapped (self->outbox, "case-linked",
                                G_CALLBACK (_hd_case_draft_on_outbox_case_linked_cb), self);
      g_signal_connect_swapped (self->outbox, "notify::state",
                                G_CALLBACK (_hd_case_draft_on_outbox_state_cb), self);
    }
}

/* GObject. */

static void
hd_case_draft_dispose (GObject *object)
{
  HdCaseDraft *self = HD_CASE_DRAFT (object);

  g_cancellable_cancel (self->cancellable);
  _hd_case_draft_unwatch (self);
  disconnect_sources (self);
  g_clear_object (&self->describe);
  g_clear_object (&self->auth);
  g_clear_object (&self->handoff);
  g_clear_object (&self->client);
  g_clear_object (&self->outbox);
  g_clear_object (&self->attention);
  g_queue_clear_full (&self->ops, (GDestroyNotify) _hd_case_draft_op_free);

  G_OBJECT_CLASS (hd_case_draft_parent_class)->dispose (object);
}

static void
hd_case_draft_finalize (GObject *object)
{
  HdCaseDraft *self = HD_CASE_DRAFT (object);

  g_clear_object (&self->cancellable);
  g_free (self->case_id);
  g_free (self->case_number);
  g_free (self->link_key);
  g_free (self->load_error);
  g_free (self->last_modified);
  g_free (self->record_type_id);
  g_free (self->comment);
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    {
      g_free (self->fields[i]);
      g_free (self->prefill[i]);
      g_free (self->base[i]);
      g_free (self->field_errors[i]);
      g_free (self->remote[i]);
    }
  g_ptr_array_unref (self->pending_ids);
  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (hd_case_draft_parent_class)->finalize (object);
}

static void
hd_case_draft_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HdCaseDraft *self = HD_CASE_DRAFT (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + HD_CASE_N_FIELDS)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIELD_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_SF_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_CONNECTED:
      g_value_set_boolean (value, _hd_case_draft_is_connected (self));
      break;
    case PROP_SIGNED_OUT:
      g_value_set_boolean (value, self->signed_out);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    case PROP_CASE_ID:
      g_value_set_string (value, self->case_id);
      break;
    case PROP_CASE_NUMBER:
      g_value_set_string (value, self->case_number);
      break;
    case PROP_CREATE_QUEUED:
      g_value_set_boolean (value, self->create_queued);
      break;
    case PROP_DESCRIBE:
      g_value_set_object (value, self->describe);
      break;
    case PROP_ATTENTION:
      g_value_set_object (value, self->attention);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_case_draft_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HdCaseDraft *self = HD_CASE_DRAFT (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < PROP_FIELD_FIRST + HD_CASE_N_FIELDS)
    {
      hd_case_draft_set_field (self, prop_id - PROP_FIELD_FIRST, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_case_draft_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_SF_CLIENT:
      hd_case_draft_set_sf_client (self, g_value_get_object (value));
      break;
    case PROP_OUTBOX:
      hd_case_draft_set_outbox (self, g_value_get_object (value));
      break;
    case PROP_COMMENT:
      hd_case_draft_set_comment (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
hd_case_draft_class_init (HdCaseDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_case_draft_dispose;
  object_class->finalize = hd_case_draft_finalize;
  object_class->get_property = hd_case_draft_get_property;
  object_class->set_property = hd_case_draft_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SF_CLIENT] =
    g_param_spec_object ("sf-client", NULL, NULL, HD_TYPE_SF_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, HD_TYPE_OUTBOX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONNECTED] = readable_boolean ("connected");
  properties[PROP_SIGNED_OUT] = readable_boolean ("signed-out");
  properties[PROP_DIRTY] = readable_boolean ("dirty");
  properties[PROP_SAVING] = readable_boolean ("saving");
  properties[PROP_LOADING] = readable_boolean ("loading");
  properties[PROP_LOAD_ERROR] = readable_string ("load-error");
  properties[PROP_CASE_ID] = readable_string ("case-id");
  properties[PROP_CASE_NUMBER] = readable_string ("case-number");
  properties[PROP_CREATE_QUEUED] = readable_boolean ("create-queued");
  properties[PROP_ATTENTION] =
    g_param_spec_object ("attention", NULL, NULL, HD_TYPE_OUTBOX_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIBE] =
    g_param_spec_object ("describe", NULL, NULL, HD_TYPE_SF_DESCRIBE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    properties[PROP_FIELD_FIRST + i] =
      g_param_spec_string (field_props[i], NULL, NULL, "",
                           (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[QUEUED] = g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, HD_TYPE_OUTBOX_ENTRY);
  signals[REJECTED] = g_signal_new ("rejected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, HD_TYPE_OUTBOX_ENTRY);
  signals[REMOTE_CHANGED] = g_signal_new ("remote-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hd_case_draft_init (HdCaseDraft *self)
{
  self->pending_ids = g_ptr_array_new_with_free_func (g_free);
  self->drafts = _hd_case_draft_new_draft_table ();
  self->cancellable = g_cancellable_new ();
  self->comment = g_strdup ("");
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  g_queue_init (&self->ops);
}

HdCaseDraft *
hd_case_draft_new (void)
{
  return g_object_new (HD_TYPE_CASE_DRAFT, NULL);
}

HdHandoff *
hd_case_draft_get_handoff (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->handoff;
}

void
hd_case_draft_set_handoff (HdCaseDraft *self,
                           HdHandoff   *handoff)
{
  g_return_if_fail (HD_IS_CASE_DRAFT (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (self->handoff == handoff)
    return;
  _hd_case_draft_stash (self);
  g_set_object (&self->handoff, handoff);
  _hd_case_draft_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

HdSfClient *
hd_case_draft_get_sf_client (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->client;
}

void
hd_case_draft_set_sf_client (HdCaseDraft *self,
                             HdSfClient  *client)
{
  gboolean was_connected;

  g_return_if_fail (HD_IS_CASE_DRAFT (self));
  g_return_if_fail (client == NULL || HD_IS_SF_CLIENT (client));

  if (self->client == client)
    return;
  was_connected = _hd_case_draft_is_connected (self);
  disconnect_sources (self);
  g_set_object (&self->client, client);
  connect_sources (self);
  _hd_case_draft_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SF_CLIENT]);
  if (was_connected != _hd_case_draft_is_connected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

HdOutbox *
hd_case_draft_get_outbox (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->outbox;
}

void
hd_case_draft_set_outbox (HdCaseDraft *self,
                          HdOutbox    *outbox)
{
  gboolean was_connected;

  g_return_if_fail (HD_IS_CASE_DRAFT (self));
  g_return_if_fail (outbox == NULL || HD_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  was_connected = _hd_case_draft_is_connected (self);
  disconnect_sources (self);
  g_set_object (&self->outbox, outbox);
  connect_sources (self);
  _hd_case_draft_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
  if (was_connected != _hd_case_draft_is_connected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

gboolean
hd_case_draft_get_connected (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return _hd_case_draft_is_connected (self);
}

gboolean
hd_case_draft_get_signed_out (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return self->signed_out;
}

gboolean
hd_case_draft_get_dirty (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return self->dirty;
}

gboolean
hd_case_draft_get_saving (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return self->saving;
}

gboolean
hd_case_draft_get_loading (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return self->loading;
}

const char *
hd_case_draft_get_load_error (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->load_error;
}

const char *
hd_case_draft_get_case_id (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->case_id;
}

const char *
hd_case_draft_get_case_number (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->case_number;
}

gboolean
hd_case_draft_get_create_queued (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), FALSE);
  return self->create_queued;
}

guint
hd_case_draft_get_pending_count (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), 0);
  return self->pending_ids->len;
}

const char *
hd_case_draft_get_field (HdCaseDraft *self,
                         HdCaseField  field)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  g_return_val_if_fail (field < HD_CASE_N_FIELDS, NULL);
  return self->fields[field];
}

void
hd_case_draft_set_field (HdCaseDraft *self,
                         HdCaseField  field,
                         const char  *text)
{
  g_return_if_fail (HD_IS_CASE_DRAFT (self));
  g_return_if_fail (field < HD_CASE_N_FIELDS);

  _hd_case_draft_set_field_text (self, field, text);
  _hd_case_draft_field_edited (self, field);
  _hd_case_draft_update_dirty (self);
}

const char *
hd_case_draft_get_comment (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->comment;
}

void
hd_case_draft_set_comment (HdCaseDraft *self,
                           const char  *text)
{
  g_return_if_fail (HD_IS_CASE_DRAFT (self));

  _hd_case_draft_set_comment_text (self, text);
  _hd_case_draft_update_dirty (self);
}

HdOutboxEntry *
hd_case_draft_get_attention (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->attention;
}

const char *
hd_case_draft_get_field_error (HdCaseDraft *self,
                               HdCaseField  field)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  g_return_val_if_fail (field < HD_CASE_N_FIELDS, NULL);
  return self->field_errors[field];
}
