/* hd-packet-enums.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every enum of the handoff context packet (schema version 1).  Value 0 always
 * means "absent" for optional fields.  The to_string () helpers return the
 * wire name used in the JSON packet ("web_chat", "otp", ...) or NULL for 0;
 * the from_string () helpers return FALSE for a name they do not know. */

typedef enum
{
  HD_CHANNEL_UNKNOWN = 0,
  HD_CHANNEL_WEB_CHAT,
  HD_CHANNEL_IN_APP,
  HD_CHANNEL_WHATSAPP,
  HD_CHANNEL_SMS,
  HD_CHANNEL_SOCIAL,
  HD_CHANNEL_VOICE,
  HD_CHANNEL_EMAIL,
  HD_CHANNEL_OTHER,
} HdChannel;

typedef enum
{
  HD_VERIFICATION_METHOD_NONE = 0,
  HD_VERIFICATION_METHOD_OTP,
  HD_VERIFICATION_METHOD_PIN,
  HD_VERIFICATION_METHOD_KBA,
  HD_VERIFICATION_METHOD_SECURE_LINK,
  HD_VERIFICATION_METHOD_BIOMETRIC,
  HD_VERIFICATION_METHOD_OTHER,
} HdVerificationMethod;

typedef enum
{
  HD_INTENT_OUTCOME_MATCHED = 0,
  HD_INTENT_OUTCOME_FAILED,
  HD_INTENT_OUTCOME_FALLBACK,
} HdIntentOutcome;

typedef enum
{
  HD_SPEAKER_BOT = 0,
  HD_SPEAKER_CUSTOMER,
  HD_SPEAKER_AGENT,
  HD_SPEAKER_SYSTEM,
} HdSpeaker;

typedef enum
{
  HD_SENTIMENT_UNKNOWN = 0,
  HD_SENTIMENT_POSITIVE,
  HD_SENTIMENT_NEUTRAL,
  HD_SENTIMENT_NEGATIVE,
} HdSentiment;

typedef enum
{
  HD_ESCALATION_REASON_UNKNOWN = 0,
  HD_ESCALATION_REASON_LOW_CONFIDENCE,    /* low confidence or repeated fallbacks */
  HD_ESCALATION_REASON_REGULATED_ACTION,
  HD_ESCALATION_REASON_HIGH_EMOTION,
  HD_ESCALATION_REASON_BACKEND_EXCEPTION,
  HD_ESCALATION_REASON_CUSTOMER_REQUEST,  /* the customer asked for a human */
  HD_ESCALATION_REASON_SLA_RULE,          /* SLA or queue rule */
} HdEscalationReason;

typedef enum
{
  HD_PRIORITY_UNKNOWN = 0,
  HD_PRIORITY_LOW,
  HD_PRIORITY_NORMAL,
  HD_PRIORITY_HIGH,
  HD_PRIORITY_URGENT,
} HdPriority;

#define HD_TYPE_CHANNEL             (hd_channel_get_type ())
#define HD_TYPE_VERIFICATION_METHOD (hd_verification_method_get_type ())
#define HD_TYPE_INTENT_OUTCOME      (hd_intent_outcome_get_type ())
#define HD_TYPE_SPEAKER             (hd_speaker_get_type ())
#define HD_TYPE_SENTIMENT           (hd_sentiment_get_type ())
#define HD_TYPE_ESCALATION_REASON   (hd_escalation_reason_get_type ())
#define HD_TYPE_PRIORITY            (hd_priority_get_type ())

GType hd_channel_get_type             (void) G_GNUC_CONST;
GType hd_verification_method_get_type (void) G_GNUC_CONST;
GType hd_intent_outcome_get_type      (void) G_GNUC_CONST;
GType hd_speaker_get_type             (void) G_GNUC_CONST;
GType hd_sentiment_get_type           (void) G_GNUC_CONST;
GType hd_escalation_reason_get_type   (void) G_GNUC_CONST;
GType hd_priority_get_type            (void) G_GNUC_CONST;

const char *hd_channel_to_string               (HdChannel             value);
gboolean    hd_channel_from_string             (const char           *name,
                                                HdChannel            *value);
const char *hd_verification_method_to_string   (HdVerificationMethod  value);
gboolean    hd_verification_method_from_string (const char           *name,
                                                HdVerificationMethod *value);
const char *hd_intent_outcome_to_string        (HdIntentOutcome       value);
gboolean    hd_intent_outcome_from_string      (const char           *name,
                                                HdIntentOutcome      *value);
const char *hd_speaker_to_string               (HdSpeaker             value);
gboolean    hd_speaker_from_string             (const char           *name,
                                                HdSpeaker            *value);
const char *hd_sentiment_to_string             (HdSentiment           value);
gboolean    hd_sentiment_from_string           (const char           *name,
                                                HdSentiment          *value);
const char *hd_escalation_reason_to_string     (HdEscalationReason    value);
gboolean    hd_escalation_reason_from_string   (const char           *name,
                                                HdEscalationReason   *value);
const char *hd_priority_to_string              (HdPriority            value);
gboolean    hd_priority_from_string            (const char           *name,
                                                HdPriority           *value);

G_END_DECLS
