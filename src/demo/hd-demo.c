/* hd-demo.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo"

#include "config.h"

#include "hd-demo.h"
#include "hd-demo-templates.h"
#include "hd-sf-standin-streaming.h"

/* How often the demo's org offers another handoff over its event bus, and
 * how often a waiting customer writes again (as the router's
 * "turn-interval-ms"). */
#define SF_OFFER_INTERVAL_S 20
#define SF_TURN_INTERVAL_S 8

/* A handoff offered over the stand-in, whose customer has more to say. */
typedef struct
{
  char  *handoff_id;
  guint  template_index;
  guint  next_follow_up;
} SfOffer;

struct _HdDemo
{
  GObject       parent_instance;

  char         *token;
  HdDemoRouter *router;       /* owned; NULL until started */
  HdSfStandin  *standin;      /* owned; NULL until started */
  gboolean      salesforce_feed;
  guint         sf_offers;    /* offers published over the stand-in's event bus */
  guint         sf_timer;
  guint         sf_turn_timer;
  guint32       sf_run;       /* this run's prefix of handoff ids */
  GPtrArray    *sf_waiting;   /* SfOffer, owned: offers with follow-ups left */
};

G_DEFINE_FINAL_TYPE (HdDemo, hd_demo, G_TYPE_OBJECT)

HdDemo *
hd_demo_new (void)
{
  return g_object_new (HD_TYPE_DEMO, NULL);
}

/* The stand-in's org plays the routing flow of the Salesforce binding: a
 * Handoff__c for the demo agent and an offer event, the packet from the
 * next demo template. */
static void
publish_sf_offer (HdDemo *self)
{
  guint index = self->sf_offers % hd_demo_templates_get_n ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_seconds (now, 90);
  /* Unique across runs: the demo's journal remembers every id it showed. */
  g_autofree char *handoff_id = g_strdup_printf ("ho-sf-%06x-%06u", self->sf_run, ++self->sf_offers);
  g_autoptr(JsonNode) packet = hd_demo_template_build (index, handoff_id, now);
  g_autofree char *text = json_to_string (packet, FALSE);
  g_autofree char *record = hd_sf_standin_offer_handoff (self->standin, hd_sf_standin_get_user_id (self->standin),
                                                         handoff_id, text, expires);
  SfOffer *offer = g_new0 (SfOffer, 1);

  offer->handoff_id = g_steal_pointer (&handoff_id);
  offer->template_index = index;
  g_ptr_array_add (self->sf_waiting, offer);
}

static void
sf_offer_free (SfOffer *offer)
{
  g_free (offer->handoff_id);
  g_free (offer);
}

/* The journey's customer follow-ups while the offer waits, as the router
 * streams them: the org records each as a Handoff_Turn__c and publishes an
 * `update` (hd_sf_standin_add_turn ()). */
static gboolean
sf_turn_cb (gpointer user_data)
{
  HdDemo *self = user_data;

  for (guint i = self->sf_waiting->len; i > 0; i--)
    {
      SfOffer *offer = g_ptr_array_index (self->sf_waiting, i - 1);
      const char *status = hd_sf_standin_get_handoff_status (self->standin, offer->handoff_id);
      const char *text = hd_demo_template_get_follow_up (offer->template_index, offer->next_follow_up);

      if (text == NULL || g_strcmp0 (status, "Offered") != 0)
        {
          g_ptr_array_remove_index (self->sf_waiting, i - 1);
          continue;
        }
      offer->next_follow_up++;
      hd_sf_standin_add_turn (self->standin, offer->handoff_id, "customer", text, NULL);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
sf_offer_cb (gpointer user_data)
{
  publish_sf_offer (user_data);
  return G_SOURCE_CONTINUE;
}

void
hd_demo_set_salesforce_feed (HdDemo   *self,
                             gboolean  salesforce_feed)
{
  g_return_if_fail (HD_IS_DEMO (self));
  g_return_if_fail (self->router == NULL);
  self->salesforce_feed = salesforce_feed;
  self->sf_run = g_random_int () & 0xffffff;
}

gboolean
hd_demo_start (HdDemo  *self,
               GError **error)
{
  const char *offer_ttl_s;

  g_return_val_if_fail (HD_IS_DEMO (self), FALSE);
  g_return_val_if_fail (self->router == NULL, FALSE);

  self->router = hd_demo_router_new (self->token);
  /* A lively floor: an offer every few seconds, customers who keep typing, and some who
   * give up while they wait. */
  g_object_set (self->router,
                "offer-rate", 6.0,
                "turn-interval-ms", 8000u,
                "abandon-ratio", 0.15,
                "offer-ttl-s", 45u,
                "simulation-rate", 30.0,   /* the rest of the floor, for Supervisor mode */
                NULL);
  offer_ttl_s = g_getenv ("HD_DEMO_OFFER_TTL_S");
  if (offer_ttl_s != NULL)
    {
      /* Tests that drive the whole app from outside, at the pace of a loaded machine, keep
       * the demo's offers open for as long as they need (tests/test-keyboard-walk.py). */
      guint64 ttl_s = g_ascii_strtoull (offer_ttl_s, NULL, 10);

      if (ttl_s >= 1 && ttl_s <= 86400)
        g_object_set (self->router, "offer-ttl-s", (guint) ttl_s, NULL);
    }
  if (!hd_demo_router_start (self->router, 0, error))
    return FALSE;

  /* The Salesforce stand-in, signed in to through the same PKCE, token and keyring code as
   * a real org; only the browser is a headless one, on loopback. */
  self->standin = hd_sf_standin_new ();
  if (!hd_sf_standin_start (self->standin, 0, error))
    return FALSE;

  /* Three chats are already waiting when the agent logs in, so the demo starts busy. */
  if (self->salesforce_feed)
    {
      for (int i = 0; i < 3; i++)
        publish_sf_offer (self);
      self->sf_timer = g_timeout_add_seconds (SF_OFFER_INTERVAL_S, sf_offer_cb, self);
      self->sf_turn_timer = g_timeout_add_seconds (SF_TURN_INTERVAL_S, sf_turn_cb, self);
    }
  else
    for (int i = 0; i < 3; i++)
      g_free (hd_demo_router_push_offer (self->router, hd_demo_get_agent_id (self), i));

  return TRUE;
}

void
hd_demo_stop (HdDemo *self)
{
  g_return_if_fail (HD_IS_DEMO (self));

  g_clear_handle_id (&self->sf_timer, g_source_remove);
  g_clear_handle_id (&self->sf_turn_timer, g_source_remove);
  if (self->router != NULL)
    hd_demo_router_stop (self->router);
  if (self->standin != NULL)
    hd_sf_standin_stop (self->standin);
}

const char *
hd_demo_get_feed_url (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->router != NULL ? hd_demo_router_get_uri (self->router) : NULL;
}

const char *
hd_demo_get_token (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->token;
}

const char *
hd_demo_get_agent_id (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return "agent-demo";
}

const char *
hd_demo_get_sf_login_url (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->standin != NULL ? hd_sf_standin_get_url (self->standin) : NULL;
}

const char *
hd_demo_get_sf_client_id (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->standin != NULL ? hd_sf_standin_get_client_id (self->standin) : NULL;
}

guint
hd_demo_get_sf_redirect_port (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), 0);
  return 0;  /* the sign-in listens for the redirect on any free loopback port */
}

const char *
hd_demo_get_sf_redirect_path (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return "/OauthRedirect";
}

const char *
hd_demo_get_sf_api_version (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return "v64.0";
}

HdDemoRouter *
hd_demo_get_router (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->router;
}

HdSfStandin *
hd_demo_get_sf_standin (HdDemo *self)
{
  g_return_val_if_fail (HD_IS_DEMO (self), NULL);
  return self->standin;
}

static void
hd_demo_dispose (GObject *object)
{
  HdDemo *self = HD_DEMO (object);

  hd_demo_stop (self);
  g_clear_object (&self->router);
  g_clear_object (&self->standin);

  G_OBJECT_CLASS (hd_demo_parent_class)->dispose (object);
}

static void
hd_demo_finalize (GObject *object)
{
  HdDemo *self = HD_DEMO (object);

  g_free (self->token);
  g_ptr_array_unref (self->sf_waiting);

  G_OBJECT_CLASS (hd_demo_parent_class)->finalize (object);
}

static void
hd_demo_class_init (HdDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hd_demo_dispose;
  object_class->finalize = hd_demo_finalize;
}

static void
hd_demo_init (HdDemo *self)
{
  self->token = hd_demo_router_generate_token ();
  self->sf_waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) sf_offer_free);
}
