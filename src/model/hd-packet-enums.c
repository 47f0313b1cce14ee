/* hd-packet-enums.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-enums"

#include "config.h"

#include <string.h>

#include "hd-packet-enums.h"

/* The GEnum nicks are the wire names, so that properties and the JSON packet
 * spell values the same way.  Value 0 of an optional enum has a nick
 * ("unknown", "none") that never appears on the wire. */

G_DEFINE_ENUM_TYPE (HdChannel, hd_channel,
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_WEB_CHAT, "web_chat"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_IN_APP, "in_app"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_WHATSAPP, "whatsapp"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_SMS, "sms"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_SOCIAL, "social"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_VOICE, "voice"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (HD_CHANNEL_OTHER, "other"))

G_DEFINE_ENUM_TYPE (HdVerificationMethod, hd_verification_method,
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_NONE, "none"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_OTP, "otp"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_PIN, "pin"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_KBA, "kba"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_SECURE_LINK, "secure_link"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_BIOMETRIC, "biometric"),
  G_DEFINE_ENUM_VALUE (HD_VERIFICATION_METHOD_OTHER, "other"))

G_DEFINE_ENUM_TYPE (HdIntentOutcome, hd_intent_outcome,
  G_DEFINE_ENUM_VALUE (HD_INTENT_OUTCOME_MATCHED, "matched"),
  G_DEFINE_ENUM_VALUE (HD_INTENT_OUTCOME_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (HD_INTENT_OUTCOME_FALLBACK, "fallback"))

G_DEFINE_ENUM_TYPE (HdSpeaker, hd_speaker,
  G_DEFINE_ENUM_VALUE (HD_SPEAKER_BOT, "bot"),
  G_DEFINE_ENUM_VALUE (HD_SPEAKER_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (HD_SPEAKER_AGENT, "agent"),
  G_DEFINE_ENUM_VALUE (HD_SPEAKER_SYSTEM, "system"))

G_DEFINE_ENUM_TYPE (HdSentiment, hd_sentiment,
  G_DEFINE_ENUM_VALUE (HD_SENTIMENT_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (HD_SENTIMENT_POSITIVE, "positive"),
  G_DEFINE_ENUM_VALUE (HD_SENTIMENT_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (HD_SENTIMENT_NEGATIVE, "negative"))

G_DEFINE_ENUM_TYPE (HdEscalationReason, hd_escalation_reason,
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_LOW_CONFIDENCE, "low_confidence"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_REGULATED_ACTION, "regulated_action"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_HIGH_EMOTION, "high_emotion"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_BACKEND_EXCEPTION, "backend_exception"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_CUSTOMER_REQUEST, "customer_request"),
  G_DEFINE_ENUM_VALUE (HD_ESCALATION_REASON_SLA_RULE, "sla_rule"))

G_DEFINE_ENUM_TYPE (HdPriority, hd_priority,
  G_DEFINE_ENUM_VALUE (HD_PRIORITY_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (HD_PRIORITY_LOW, "low"),
  G_DEFINE_ENUM_VALUE (HD_PRIORITY_NORMAL, "normal"),
  G_DEFINE_ENUM_VALUE (HD_PRIORITY_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (HD_PRIORITY_URGENT, "urgent"))

/* Wire names, indexed by value; NULL marks the "absent" value 0 of optional
 * enums, which has no wire name. */
static const char * const channel_names[] = {
  NULL, "web_chat", "in_app", "whatsapp", "sms", "social", "voice", "email", "other",
};
static const char * const method_names[] = {
  NULL, "otp", "pin", "kba", "secure_link", "biometric", "other",
};
static const char * const outcome_names[] = { "matched", "failed", "fallback" };
static const char * const speaker_names[] = { "bot", "customer", "agent", "system" };
static const char * const sentiment_names[] = { NULL, "positive", "neutral", "negative" };
static const char * const reason_names[] = {
  NULL, "low_confidence", "regulated_action", "high_emotion", "backend_exception",
  "customer_request", "sla_rule",
};
static const char * const priority_names[] = { NULL, "low", "normal", "high", "urgent" };

static const char *
name_for_value (const char * const *names,
                guint               n_names,
                int                 value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return names[value];
}

static gboolean
value_for_name (const char * const *names,
                guint               n_names,
                const char         *name,
                int                *value)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && strcmp (names[i], name) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_STRING_HELPERS(Type, prefix, names)                             \
  const char *                                                                 \
  prefix##_to_string (Type value)                                              \
  {                                                                            \
    return name_for_value (names, G_N_ELEMENTS (names), (int) value);          \
  }                                                                            \
                                                                               \
  gboolean                                                                     \
  prefix##_from_string (const char *name,                                      \
                        Type       *value)                                     \
  {                                                                            \
    int v = 0;                                                                 \
                                                                               \
    g_return_val_if_fail (value != NULL, FALSE);                               \
                                                                               \
    if (!value_for_name (names, G_N_ELEMENTS (names), name, &v))               \
      return FALSE;                                                            \
    *value = (Type) v;                                                         \
    return TRUE;                                                               \
  }

DEFINE_STRING_HELPERS (HdChannel, hd_channel, channel_names)
DEFINE_STRING_HELPERS (HdVerificationMethod, hd_verification_method, method_names)
DEFINE_STRING_HELPERS (HdIntentOutcome, hd_intent_outcome, outcome_names)
DEFINE_STRING_HELPERS (HdSpeaker, hd_speaker, speaker_names)
DEFINE_STRING_HELPERS (HdSentiment, hd_sentiment, sentiment_names)
DEFINE_STRING_HELPERS (HdEscalationReason, hd_escalation_reason, reason_names)
DEFINE_STRING_HELPERS (HdPriority, hd_priority, priority_names)
