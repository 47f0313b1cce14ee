/* hd-packet-objects-conversation.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-objects"

#include "config.h"

#include <string.h>

#include "hd-display-names.h"
#include "hd-packet-objects-private.h"

/* What was said and what it comes to: intents, fields, attachments, turns,
 * the summary, routing and the Case fields.  Turns, intents and fields have
 * read-only properties, because list views bind to them. */

/* HdIntent */

enum
{
  INTENT_PROP_0,
  INTENT_PROP_NAME,
  INTENT_PROP_CONFIDENCE,
  INTENT_PROP_OUTCOME,
  INTENT_N_PROPS,
};
static GParamSpec *intent_properties[INTENT_N_PROPS];

G_DEFINE_FINAL_TYPE (HdIntent, hd_intent, G_TYPE_OBJECT)

static void
hd_intent_finalize (GObject *object)
{
  HdIntent *self = HD_INTENT (object);

  g_free (self->name);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (hd_intent_parent_class)->finalize (object);
}

static void
hd_intent_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HdIntent *self = HD_INTENT (object);

  switch (prop_id)
    {
    case INTENT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case INTENT_PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    case INTENT_PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_intent_class_init (HdIntentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_intent_finalize;
  object_class->get_property = hd_intent_get_property;

  intent_properties[INTENT_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  intent_properties[INTENT_PROP_CONFIDENCE] =
    g_param_spec_double ("confidence", NULL, NULL, -1.0, 1.0, -1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  intent_properties[INTENT_PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL, HD_TYPE_INTENT_OUTCOME, HD_INTENT_OUTCOME_MATCHED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, INTENT_N_PROPS, intent_properties);
}

static void
hd_intent_init (HdIntent *self)
{
  self->confidence = -1.0;
}

const char *
hd_intent_get_name (HdIntent *self)
{
  g_return_val_if_fail (HD_IS_INTENT (self), NULL);
  return self->name;
}

GDateTime *
hd_intent_get_time (HdIntent *self)
{
  g_return_val_if_fail (HD_IS_INTENT (self), NULL);
  return self->time;
}

double
hd_intent_get_confidence (HdIntent *self)
{
  g_return_val_if_fail (HD_IS_INTENT (self), -1.0);
  return self->confidence;
}

HdIntentOutcome
hd_intent_get_outcome (HdIntent *self)
{
  g_return_val_if_fail (HD_IS_INTENT (self), HD_INTENT_OUTCOME_MATCHED);
  return self->outcome;
}

/* HdField */

enum { FIELD_PROP_0, FIELD_PROP_NAME, FIELD_PROP_LABEL, FIELD_PROP_VALUE, FIELD_N_PROPS };
static GParamSpec *field_properties[FIELD_N_PROPS];

G_DEFINE_FINAL_TYPE (HdField, hd_field, G_TYPE_OBJECT)

static void
hd_field_finalize (GObject *object)
{
  HdField *self = HD_FIELD (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->value);

  G_OBJECT_CLASS (hd_field_parent_class)->finalize (object);
}

static void
hd_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HdField *self = HD_FIELD (object);

  switch (prop_id)
    {
    case FIELD_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case FIELD_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case FIELD_PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_field_class_init (HdFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_field_finalize;
  object_class->get_property = hd_field_get_property;

  field_properties[FIELD_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  field_properties[FIELD_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  field_properties[FIELD_PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FIELD_N_PROPS, field_properties);
}

static void
hd_field_init (HdField *self)
{
}

const char *
hd_field_get_name (HdField *self)
{
  g_return_val_if_fail (HD_IS_FIELD (self), NULL);
  return self->name;
}

const char *
hd_field_get_label (HdField *self)
{
  g_return_val_if_fail (HD_IS_FIELD (self), NULL);
  return self->label;
}

const char *
hd_field_get_value (HdField *self)
{
  g_return_val_if_fail (HD_IS_FIELD (self), NULL);
  return self->value;
}

/* HdAttachment */

G_DEFINE_FINAL_TYPE (HdAttachment, hd_attachment, G_TYPE_OBJECT)

static void
hd_attachment_finalize (GObject *object)
{
  HdAttachment *self = HD_ATTACHMENT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->content_type);

  G_OBJECT_CLASS (hd_attachment_parent_class)->finalize (object);
}

static void
hd_attachment_class_init (HdAttachmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_attachment_finalize;
}

static void
hd_attachment_init (HdAttachment *self)
{
}

const char *
hd_attachment_get_id (HdAttachment *self)
{
  g_return_val_if_fail (HD_IS_ATTACHMENT (self), NULL);
  return self->id;
}

const char *
hd_attachment_get_name (HdAttachment *self)
{
  g_return_val_if_fail (HD_IS_ATTACHMENT (self), NULL);
  return self->name;
}

const char *
hd_attachment_get_content_type (HdAttachment *self)
{
  g_return_val_if_fail (HD_IS_ATTACHMENT (self), NULL);
  return self->content_type;
}

/* HdTurn */

enum { TURN_PROP_0, TURN_PROP_SPEAKER, TURN_PROP_TIME, TURN_PROP_TEXT, TURN_N_PROPS };
static GParamSpec *turn_properties[TURN_N_PROPS];

G_DEFINE_FINAL_TYPE (HdTurn, hd_turn, G_TYPE_OBJECT)

static void
hd_turn_finalize (GObject *object)
{
  HdTurn *self = HD_TURN (object);

  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->text);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (hd_turn_parent_class)->finalize (object);
}

static void
hd_turn_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HdTurn *self = HD_TURN (object);

  switch (prop_id)
    {
    case TURN_PROP_SPEAKER:
      g_value_set_enum (value, self->speaker);
      break;
    case TURN_PROP_TIME:
      g_value_set_boxed (value, self->time);
      break;
    case TURN_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_turn_class_init (HdTurnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hd_turn_finalize;
  object_class->get_property = hd_turn_get_property;

  turn_properties[TURN_PROP_SPEAKER] =
    g_param_spec_enum ("speaker", NULL, NULL, HD_TYPE_SPEAKER, HD_SPEAKER_BOT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  turn_properties[TURN_PROP_TIME] =
    g_param_spec_boxed ("time", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  turn_properties[TURN_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, TURN_N_PROPS, turn_properties);
}

static void
hd_turn_init (HdTurn *self)
{
}

HdSpeaker
hd_turn_get_speaker (HdTurn *self)
{
  g_return_val_if_fail (HD_IS_TURN (self), HD_SPEAKER_BOT);
  return self->speaker;
}

GDateTime *
hd_turn_get_time (HdTurn *self)
{
  g_return_val_if_fail (HD_IS_TURN (self), NULL);
  return self->time;
}

const char *
hd_turn_get_text (HdTurn *self)
{
  g_return_val_if_fail (HD_IS_TURN (self), NULL);
  return self->text;
}

GListModel *
hd_turn_get_attachments (HdTurn *self)
{
  g_return_val_if_fail (HD_IS_TURN (self), NULL);
  return store_or_empty (&self->attachments, HD_TYPE_ATTACHMENT);
}

/* HdSummary */

G_DEFINE_FINAL_TYPE (HdSummary, hd_summary, G_TYPE_OBJECT)

static void
hd_summary_finalize (GObject *object)
{
  HdSummary *self = HD_SUMMARY (object);

  g_free (self->text);
  g_free (self->unresolved_issue);
  g_strfreev (self->actions_attempted);

  G_OBJECT_CLASS (hd_summary_parent_class)->finalize (object);
}

static void
hd_summary_class_init (HdSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_summary_finalize;
}

static void
hd_summary_init (HdSummary *self)
{
  self->frustration = -1.0;
}

const char *
hd_summary_get_text (HdSummary *self)
{
  g_return_val_if_fail (HD_IS_SUMMARY (self), NULL);
  return self->text;
}

const char *
hd_summary_get_unresolved_issue (HdSummary *self)
{
  g_return_val_if_fail (HD_IS_SUMMARY (self), NULL);
  return self->unresolved_issue;
}

const char * const *
hd_summary_get_actions_attempted (HdSummary *self)
{
  g_return_val_if_fail (HD_IS_SUMMARY (self), NULL);
  return strv_or_empty (self->actions_attempted);
}

HdSentiment
hd_summary_get_sentiment (HdSummary *self)
{
  g_return_val_if_fail (HD_IS_SUMMARY (self), HD_SENTIMENT_UNKNOWN);
  return self->sentiment;
}

double
hd_summary_get_frustration (HdSummary *self)
{
  g_return_val_if_fail (HD_IS_SUMMARY (self), -1.0);
  return self->frustration;
}

/* HdRouting */

G_DEFINE_FINAL_TYPE (HdRouting, hd_routing, G_TYPE_OBJECT)

static void
hd_routing_finalize (GObject *object)
{
  HdRouting *self = HD_ROUTING (object);

  g_free (self->escalation_detail);
  g_free (self->skill_group);
  g_free (self->skill_group_label);
  g_free (self->product_category);
  g_free (self->language);
  g_clear_pointer (&self->sla_start, g_date_time_unref);

  G_OBJECT_CLASS (hd_routing_parent_class)->finalize (object);
}

static void
hd_routing_class_init (HdRoutingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_routing_finalize;
}

static void
hd_routing_init (HdRouting *self)
{
}

HdEscalationReason
hd_routing_get_escalation_reason (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), HD_ESCALATION_REASON_UNKNOWN);
  return self->escalation_reason;
}

const char *
hd_routing_get_escalation_detail (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->escalation_detail;
}

const char *
hd_routing_get_skill_group (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->skill_group;
}

const char *
hd_routing_get_skill_group_label (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->skill_group_label;
}

char *
hd_routing_dup_skill_group_name (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return hd_display_name_choose (self->skill_group_label, self->skill_group);
}

const char *
hd_routing_get_product_category (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->product_category;
}

HdPriority
hd_routing_get_priority (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), HD_PRIORITY_UNKNOWN);
  return self->priority;
}

const char *
hd_routing_get_language (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->language;
}

gboolean
hd_routing_get_vip (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), FALSE);
  return self->vip;
}

gboolean
hd_routing_get_vulnerable (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), FALSE);
  return self->vulnerable;
}

GDateTime *
hd_routing_get_sla_start (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);
  return self->sla_start;
}

guint
hd_routing_get_sla_target_seconds (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), 0);
  return self->sla_target_seconds;
}

GDateTime *
hd_routing_dup_sla_deadline (HdRouting *self)
{
  g_return_val_if_fail (HD_IS_ROUTING (self), NULL);

  if (self->sla_start == NULL || self->sla_target_seconds == 0)
    return NULL;
  return g_date_time_add_seconds (self->sla_start, self->sla_target_seconds);
}

/* HdCaseFields */

G_DEFINE_FINAL_TYPE (HdCaseFields, hd_case_fields, G_TYPE_OBJECT)

static void
hd_case_fields_finalize (GObject *object)
{
  HdCaseFields *self = HD_CASE_FIELDS (object);

  g_free (self->case_id);
  g_free (self->case_type);
  g_free (self->case_type_label);
  g_free (self->subcategory);
  g_free (self->disposition);
  g_clear_object (&self->form_fields);
  g_strfreev (self->documents_requested);
  g_free (self->next_best_action);

  G_OBJECT_CLASS (hd_case_fields_parent_class)->finalize (object);
}

static void
hd_case_fields_class_init (HdCaseFieldsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_case_fields_finalize;
}

static void
hd_case_fields_init (HdCaseFields *self)
{
}

const char *
hd_case_fields_get_case_id (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->case_id;
}

gboolean
hd_case_fields_get_create_case (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), FALSE);
  return self->create_case;
}

const char *
hd_case_fields_get_case_type (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->case_type;
}

const char *
hd_case_fields_get_case_type_label (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->case_type_label;
}

char *
hd_case_fields_dup_case_type_name (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return hd_display_name_choose (self->case_type_label, self->case_type);
}

const char *
hd_case_fields_get_subcategory (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->subcategory;
}

const char *
hd_case_fields_get_disposition (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->disposition;
}

GListModel *
hd_case_fields_get_form_fields (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return store_or_empty (&self->form_fields, HD_TYPE_FIELD);
}

const char * const *
hd_case_fields_get_documents_requested (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return strv_or_empty (self->documents_requested);
}

const char *
hd_case_fields_get_next_best_action (HdCaseFields *self)
{
  g_return_val_if_fail (HD_IS_CASE_FIELDS (self), NULL);
  return self->next_best_action;
}
