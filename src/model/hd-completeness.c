/* hd-completeness.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-completeness"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hd-completeness.h"
#include "hd-packet-private.h"

/* How much of the context an agent needs did the bot hand over?  Each context
 * object has a fixed checklist; its score is the share of items present, and
 * the overall score is the mean of the six.  The checklists are deliberately
 * plain so that supervisors can read the KPI without a manual. */

struct _HdCompleteness
{
  GObject    parent_instance;
  double     scores[HD_N_CONTEXTS];
  GPtrArray *missing[HD_N_CONTEXTS];       /* translated messages, NULL-terminated */
  GPtrArray *missing_keys[HD_N_CONTEXTS];  /* static keys, NULL-terminated */
  guint      n_missing;
};

G_DEFINE_FINAL_TYPE (HdCompleteness, hd_completeness, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HdContext, hd_context,
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_VERIFICATION, "verification"),
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_INTENTS, "intents"),
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_TRANSCRIPT, "transcript"),
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_ROUTING, "routing"),
  G_DEFINE_ENUM_VALUE (HD_CONTEXT_CASE, "case"))

const char *
hd_context_to_string (HdContext context)
{
  static const char * const names[] = {
    "customer", "verification", "intents", "transcript", "routing", "case",
  };

  g_return_val_if_fail (context < HD_N_CONTEXTS, NULL);
  return names[context];
}

const char *
hd_context_get_title (HdContext context)
{
  g_return_val_if_fail (context < HD_N_CONTEXTS, NULL);

  switch (context)
    {
    case HD_CONTEXT_CUSTOMER:
      return _("Customer");
    case HD_CONTEXT_VERIFICATION:
      return _("Verification and consent");
    case HD_CONTEXT_INTENTS:
      return _("Intent history");
    case HD_CONTEXT_TRANSCRIPT:
      return _("Transcript and summary");
    case HD_CONTEXT_ROUTING:
      return _("Routing");
    case HD_CONTEXT_CASE:
      return _("Case");
    case HD_N_CONTEXTS:
    default:
      g_assert_not_reached ();
    }
}

static void
hd_completeness_finalize (GObject *object)
{
  HdCompleteness *self = HD_COMPLETENESS (object);

  for (guint i = 0; i < HD_N_CONTEXTS; i++)
    {
      g_clear_pointer (&self->missing[i], g_ptr_array_unref);
      g_clear_pointer (&self->missing_keys[i], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (hd_completeness_parent_class)->finalize (object);
}

static void
hd_completeness_class_init (HdCompletenessClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_completeness_finalize;
}

static void
hd_completeness_init (HdCompleteness *self)
{
  for (guint i = 0; i < HD_N_CONTEXTS; i++)
    {
      self->missing[i] = g_ptr_array_new ();
      self->missing_keys[i] = g_ptr_array_new ();
    }
}

typedef struct
{
  HdCompleteness *self;
  HdContext       context;
  guint           total;
  guint           present;
} Checklist;

/* `message` is already translated; both strings are static. */
static void
check (Checklist  *list,
       gboolean    present,
       const char *key,
       const char *message)
{
  list->total++;
  if (present)
    {
      list->present++;
      return;
    }

  g_ptr_array_add (list->self->missing[list->context], (gpointer) message);
  g_ptr_array_add (list->self->missing_keys[list->context], (gpointer) key);
  list->self->n_missing++;
}

static void
finish (Checklist *list)
{
  HdCompleteness *self = list->self;

  self->scores[list->context] = list->total > 0 ? (double) list->present / list->total : 1.0;
  g_ptr_array_add (self->missing[list->context], NULL);
  g_ptr_array_add (self->missing_keys[list->context], NULL);
}

static gboolean
has_text (const char *s)
{
  return s != NULL && *s != '\0';
}

static gboolean
has_items (GListStore *store)
{
  return store != NULL && g_list_model_get_n_items (G_LIST_MODEL (store)) > 0;
}

static gboolean
has_strv (GStrv strv)
{
  return strv != NULL && strv[0] != NULL;
}

HdCompleteness *
_hd_completeness_new_for_packet (HdPacket *packet)
{
  HdCompleteness *self = g_object_new (HD_TYPE_COMPLETENESS, NULL);
  HdCustomer *customer = packet->customer;
  HdVerification *verification = packet->verification;
  HdSummary *summary = packet->summary;
  HdRouting *routing = packet->routing;
  HdCaseFields *case_fields = packet->case_fields;
  Checklist list;

  list = (Checklist) { self, HD_CONTEXT_CUSTOMER, 0, 0 };
  check (&list, has_text (customer->name), "customer.name", _("customer name missing"));
  check (&list, has_text (customer->crm_account_id) || has_text (customer->crm_contact_id),
         "customer.crm", _("no CRM customer id"));
  check (&list, has_items (customer->accounts), "customer.accounts", _("no account identifiers"));
  check (&list, has_text (customer->segment), "customer.segment", _("customer segment missing"));
  check (&list, customer->channel != HD_CHANNEL_UNKNOWN, "customer.channel",
         _("channel of origin missing"));
  finish (&list);

  list = (Checklist) { self, HD_CONTEXT_VERIFICATION, 0, 0 };
  check (&list, verification->authenticated, "verification.authenticated",
         _("customer not verified"));
  check (&list, verification->method != HD_VERIFICATION_METHOD_NONE, "verification.method",
         _("verification method missing"));
  check (&list, verification->verified_at != NULL, "verification.verified_at",
         _("verification time missing"));
  check (&list, has_strv (verification->scope), "verification.scope",
         _("verification scope missing"));
  check (&list, has_items (verification->consents), "verification.consents",
         _("no consents or disclosures recorded"));
  finish (&list);

  list = (Checklist) { self, HD_CONTEXT_INTENTS, 0, 0 };
  check (&list, packet->primary_intent != NULL, "intents.primary", _("no primary intent"));
  check (&list, has_items (packet->intents), "intents.history", _("no intent history"));
  check (&list, has_items (packet->entities), "intents.entities", _("no captured entities"));
  finish (&list);

  list = (Checklist) { self, HD_CONTEXT_TRANSCRIPT, 0, 0 };
  check (&list, has_items (packet->transcript), "transcript", _("no transcript"));
  check (&list, has_text (summary->text), "summary.text", _("no summary"));
  check (&list, has_text (summary->unresolved_issue), "summary.unresolved_issue",
         _("unresolved issue missing"));
  check (&list, has_strv (summary->actions_attempted), "summary.actions_attempted",
         _("no actions attempted listed"));
  check (&list, summary->sentiment != HD_SENTIMENT_UNKNOWN || summary->frustration >= 0.0,
         "summary.sentiment", _("no sentiment or frustration indicator"));
  finish (&list);

  list = (Checklist) { self, HD_CONTEXT_ROUTING, 0, 0 };
  check (&list, has_text (routing->escalation_detail), "routing.escalation.detail",
         _("escalation reason not explained"));
  check (&list, has_text (routing->skill_group), "routing.skill_group", _("skill group missing"));
  check (&list, has_text (routing->product_category), "routing.product_category",
         _("product category missing"));
  check (&list, routing->priority != HD_PRIORITY_UNKNOWN, "routing.priority",
         _("priority missing"));
  check (&list, has_text (routing->language), "routing.language", _("language missing"));
  check (&list, routing->sla_start != NULL && routing->sla_target_seconds > 0, "routing.sla",
         _("SLA clock missing"));
  finish (&list);

  list = (Checklist) { self, HD_CONTEXT_CASE, 0, 0 };
  check (&list, has_text (case_fields->case_id) || case_fields->create_case, "case.id",
         _("no case id and no request to create one"));
  check (&list, has_text (case_fields->case_type), "case.type", _("case type missing"));
  check (&list, has_text (case_fields->subcategory), "case.subcategory",
         _("case subcategory missing"));
  check (&list, has_text (case_fields->disposition), "case.disposition",
         _("bot disposition missing"));
  check (&list, has_text (case_fields->next_best_action), "case.next_best_action",
         _("no next-best-action prompt"));
  finish (&list);

  return self;
}

double
hd_completeness_get_score (HdCompleteness *self)
{
  double sum = 0.0;

  g_return_val_if_fail (HD_IS_COMPLETENESS (self), 0.0);

  for (guint i = 0; i < HD_N_CONTEXTS; i++)
    sum += self->scores[i];
  return sum / HD_N_CONTEXTS;
}

double
hd_completeness_get_context_score (HdCompleteness *self,
                                   HdContext       context)
{
  g_return_val_if_fail (HD_IS_COMPLETENESS (self), 0.0);
  g_return_val_if_fail (context < HD_N_CONTEXTS, 0.0);

  return self->scores[context];
}

const char * const *
hd_completeness_get_missing (HdCompleteness *self,
                             HdContext       context)
{
  g_return_val_if_fail (HD_IS_COMPLETENESS (self), NULL);
  g_return_val_if_fail (context < HD_N_CONTEXTS, NULL);

  return (const char * const *) self->missing[context]->pdata;
}

const char * const *
hd_completeness_get_missing_keys (HdCompleteness *self,
                                  HdContext       context)
{
  g_return_val_if_fail (HD_IS_COMPLETENESS (self), NULL);
  g_return_val_if_fail (context < HD_N_CONTEXTS, NULL);

  return (const char * const *) self->missing_keys[context]->pdata;
}

guint
hd_completeness_get_n_missing (HdCompleteness *self)
{
  g_return_val_if_fail (HD_IS_COMPLETENESS (self), 0);
  return self->n_missing;
}
