/* hd-sf-case-watch.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-case-watch"

#include "config.h"

#include <string.h>

#include "hd-json-get.h"
#include "hd-sf-case-watch.h"

struct _HdSfCaseWatch
{
  GObject         parent_instance;

  HdSfAuth       *auth;          /* owned */
  HdBayeuxClient *bayeux;        /* owned */
  GHashTable     *watched;       /* 15-letter id → GUINT count */
  GHashTable     *names;         /* 15-letter id → the id as the caller gave it */
  gboolean        unavailable;   /* the org refused the channel this sign-in */
  gulong          signed_in_id;
};

enum { PROP_0, PROP_AVAILABLE, N_PROPS };
enum { CASE_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HdSfCaseWatch, hd_sf_case_watch, G_TYPE_OBJECT)

/* Salesforce ids compare case-sensitively on their first 15 letters: the
 * 18-letter form adds a checksum, and change events carry that form. */
static char *
id_key (const char *id)
{
  return g_strndup (id, 15);
}

static void
update_running (HdSfCaseWatch *self)
{
  gboolean want = hd_sf_auth_get_signed_in (self->auth) && !self->unavailable;
  HdBayeuxState state = hd_bayeux_client_get_state (self->bayeux);

  if (want && state == HD_BAYEUX_STATE_STOPPED)
    hd_bayeux_client_start (self->bayeux);
  else if (!want && state != HD_BAYEUX_STATE_STOPPED)
    hd_bayeux_client_stop (self->bayeux);
}

static void
on_signed_in_cb (HdSfCaseWatch *self)
{
  if (!hd_sf_auth_get_signed_in (self->auth) && self->unavailable)
    {
      /* An admin may enable Change Data Capture before the next sign-in. */
      self->unavailable = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
    }
  update_running (self);
}

static void
on_subscribe_refused_cb (HdSfCaseWatch  *self,
                         const char     *channel,
                         const char     *error,
                         HdBayeuxClient *bayeux)
{
  guint code = hd_bayeux_error_code (error);

  if (code != 400 && code != 403)
    return;
  /* Once per sign-in, not on every retry: the app works without it. */
  g_message ("Live case changes are off: Salesforce refused %s (%s). "
             "Select Case for Change Data Capture in Setup to turn them on.",
             channel, error != NULL ? error : "no reason given");
  self->unavailable = TRUE;
  hd_bayeux_client_stop (bayeux);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static GStrv
dup_string_array (JsonObject *object,
                  const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

static void
on_event_cb (HdSfCaseWatch  *self,
             const char     *channel,
             gint64          replay_id,
             JsonObject     *data)
{
  JsonObject *payload, *header;
  g_auto(GStrv) record_ids = NULL;
  g_auto(GStrv) changed = NULL;
  g_autofree char *own = NULL;
  g_autofree char *committer = NULL;
  const char *commit_user;

  if (g_strcmp0 (channel, HD_SF_CASE_WATCH_CHANNEL) != 0)
    return;
  if (!json_object_has_member (data, "payload") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (data, "payload")))
    {
      g_debug ("A case change event without a payload (replayId %" G_GINT64_FORMAT ")", replay_id);
      return;
    }
  payload = json_object_get_object_member (data, "payload");
  if (!json_object_has_member (payload, "ChangeEventHeader") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (payload, "ChangeEventHeader")))
    {
      g_debug ("A case change event without a ChangeEventHeader (replayId %" G_GINT64_FORMAT ")", replay_id);
      return;
    }
  header = json_object_get_object_member (payload, "ChangeEventHeader");
  if (g_strcmp0 (hd_json_get_string (header, "entityName", NULL), "Case") != 0)
    return;

  commit_user = hd_json_get_string (header, "commitUser", NULL);
  if (commit_user != NULL && hd_sf_auth_get_user_id (self->auth) != NULL)
    {
      own = id_key (hd_sf_auth_get_user_id (self->auth));
      committer = id_key (commit_user);
      /* The agent's own save: the draft already has these values. */
      if (strcmp (own, committer) == 0)
        return;
    }

  record_ids = dup_string_array (header, "recordIds");
  changed = dup_string_array (header, "changedFields");
  for (guint i = 0; record_ids[i] != NULL; i++)
    {
      g_autofree char *key = id_key (record_ids[i]);
      const char *name = g_hash_table_lookup (self->names, key);

      if (name != NULL)
        {
          g_autofree char *case_id = g_strdup (name);   /* a handler may stop watching it */

          g_signal_emit (self, signals[CASE_CHANGED], 0, case_id, changed, commit_user);
        }
    }
}

static void
hd_sf_case_watch_dispose (GObject *object)
{
  HdSfCaseWatch *self = HD_SF_CASE_WATCH (object);

  if (self->bayeux != NULL)
    hd_bayeux_client_stop (self->bayeux);
  g_clear_object (&self->bayeux);
  if (self->auth != NULL)
    g_clear_signal_handler (&self->signed_in_id, self->auth);
  g_clear_object (&self->auth);
  G_OBJECT_CLASS (hd_sf_case_watch_parent_class)->dispose (object);
}

static void
hd_sf_case_watch_finalize (GObject *object)
{
  HdSfCaseWatch *self = HD_SF_CASE_WATCH (object);

  g_hash_table_unref (self->watched);
  g_hash_table_unref (self->names);
  G_OBJECT_CLASS (hd_sf_case_watch_parent_class)->finalize (object);
}

static void
hd_sf_case_watch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HdSfCaseWatch *self = HD_SF_CASE_WATCH (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, hd_sf_case_watch_get_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sf_case_watch_class_init (HdSfCaseWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_sf_case_watch_dispose;
  object_class->finalize = hd_sf_case_watch_finalize;
  object_class->get_property = hd_sf_case_watch_get_property;

  properties[PROP_AVAILABLE] = g_param_spec_boolean ("available", NULL, NULL, TRUE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRV, G_TYPE_STRING);
}

static void
hd_sf_case_watch_init (HdSfCaseWatch *self)
{
  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

HdSfCaseWatch *
hd_sf_case_watch_new (HdSfAuth   *auth,
                      const char *api_version)
{
  HdSfCaseWatch *self;

  g_return_val_if_fail (HD_IS_SF_AUTH (auth), NULL);
  g_return_val_if_fail (api_version != NULL, NULL);

  self = g_object_new (HD_TYPE_SF_CASE_WATCH, NULL);
  self->auth = g_object_ref (auth);
  self->bayeux = hd_bayeux_client_new (auth, api_version);
  /* From the tip: an editor reads the case when it opens it, so only
   * changes after that matter (SALESFORCE.md §6.1). */
  hd_bayeux_client_subscribe (self->bayeux, HD_SF_CASE_WATCH_CHANNEL, HD_BAYEUX_REPLAY_TIP);
  g_signal_connect_object (self->bayeux, "event", G_CALLBACK (on_event_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->bayeux, "subscribe-refused", G_CALLBACK (on_subscribe_refused_cb), self,
                           G_CONNECT_SWAPPED);
  self->signed_in_id = g_signal_connect_swapped (auth, "notify::signed-in", G_CALLBACK (on_signed_in_cb), self);
  update_running (self);
  return self;
}

HdSfCaseWatch *
hd_sf_case_watch_get_for_client (HdSfClient *client)
{
  static GQuark quark;
  HdSfCaseWatch *self;

  g_return_val_if_fail (HD_IS_SF_CLIENT (client), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("hd-sf-case-watch");
  self = g_object_get_qdata (G_OBJECT (client), quark);
  if (self == NULL)
    {
      self = hd_sf_case_watch_new (hd_sf_client_get_auth (client), hd_sf_client_get_api_version (client));
      g_object_set_qdata_full (G_OBJECT (client), quark, self, g_object_unref);
    }
  return self;
}

void
hd_sf_case_watch_add (HdSfCaseWatch *self,
                      const char    *case_id)
{
  g_autofree char *key = NULL;
  guint count;

  g_return_if_fail (HD_IS_SF_CASE_WATCH (self));
  g_return_if_fail (case_id != NULL);

  key = id_key (case_id);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->watched, key));
  g_hash_table_insert (self->names, g_strdup (key), g_strdup (case_id));
  g_hash_table_insert (self->watched, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
}

void
hd_sf_case_watch_remove (HdSfCaseWatch *self,
                         const char    *case_id)
{
  g_autofree char *key = NULL;
  guint count;

  g_return_if_fail (HD_IS_SF_CASE_WATCH (self));
  g_return_if_fail (case_id != NULL);

  key = id_key (case_id);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->watched, key));
  if (count > 1)
    g_hash_table_insert (self->watched, g_strdup (key), GUINT_TO_POINTER (count - 1));
  else
    {
      g_hash_table_remove (self->watched, key);
      g_hash_table_remove (self->names, key);
    }
}

gboolean
hd_sf_case_watch_get_available (HdSfCaseWatch *self)
{
  g_return_val_if_fail (HD_IS_SF_CASE_WATCH (self), FALSE);
  return !self->unavailable;
}

HdBayeuxClient *
hd_sf_case_watch_get_bayeux (HdSfCaseWatch *self)
{
  g_return_val_if_fail (HD_IS_SF_CASE_WATCH (self), NULL);
  return self->bayeux;
}
