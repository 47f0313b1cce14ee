/* hd-packet-objects.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hd-packet-enums.h"

G_BEGIN_DECLS

/* The small, immutable value objects a handoff context packet is made of.
 * They are only ever built by the packet parser (hd-packet-parser.h), so they
 * have getters and no setters.  Every string is already masked: account and
 * card identifiers keep only their last four digits, and card numbers and
 * one-time codes are removed from free text (see hd-mask.h).
 *
 * Getters return borrowed pointers, valid as long as the object lives.
 * Optional strings and times are NULL when absent; string lists are
 * NULL-terminated and never NULL (possibly empty). */

#define HD_TYPE_ACCOUNT_REF  (hd_account_ref_get_type ())
#define HD_TYPE_CUSTOMER     (hd_customer_get_type ())
#define HD_TYPE_CONSENT      (hd_consent_get_type ())
#define HD_TYPE_VERIFICATION (hd_verification_get_type ())
#define HD_TYPE_INTENT       (hd_intent_get_type ())
#define HD_TYPE_FIELD        (hd_field_get_type ())
#define HD_TYPE_ATTACHMENT   (hd_attachment_get_type ())
#define HD_TYPE_TURN         (hd_turn_get_type ())
#define HD_TYPE_SUMMARY      (hd_summary_get_type ())
#define HD_TYPE_ROUTING      (hd_routing_get_type ())
#define HD_TYPE_CASE_FIELDS  (hd_case_fields_get_type ())

G_DECLARE_FINAL_TYPE (HdAccountRef, hd_account_ref, HD, ACCOUNT_REF, GObject)
G_DECLARE_FINAL_TYPE (HdCustomer, hd_customer, HD, CUSTOMER, GObject)
G_DECLARE_FINAL_TYPE (HdConsent, hd_consent, HD, CONSENT, GObject)
G_DECLARE_FINAL_TYPE (HdVerification, hd_verification, HD, VERIFICATION, GObject)
G_DECLARE_FINAL_TYPE (HdIntent, hd_intent, HD, INTENT, GObject)
G_DECLARE_FINAL_TYPE (HdField, hd_field, HD, FIELD, GObject)
G_DECLARE_FINAL_TYPE (HdAttachment, hd_attachment, HD, ATTACHMENT, GObject)
G_DECLARE_FINAL_TYPE (HdTurn, hd_turn, HD, TURN, GObject)
G_DECLARE_FINAL_TYPE (HdSummary, hd_summary, HD, SUMMARY, GObject)
G_DECLARE_FINAL_TYPE (HdRouting, hd_routing, HD, ROUTING, GObject)
G_DECLARE_FINAL_TYPE (HdCaseFields, hd_case_fields, HD, CASE_FIELDS, GObject)

/* An account or linked service account: "kind" is e.g. "card", "savings",
 * "loan", "upi"; the identifier is masked ("••••1234"). */
const char         *hd_account_ref_get_kind               (HdAccountRef   *self);
const char         *hd_account_ref_get_masked_id          (HdAccountRef   *self);
const char         *hd_account_ref_get_label              (HdAccountRef   *self);

const char         *hd_customer_get_name                  (HdCustomer     *self);
const char         *hd_customer_get_crm_account_id        (HdCustomer     *self);
const char         *hd_customer_get_crm_contact_id        (HdCustomer     *self);
const char         *hd_customer_get_segment               (HdCustomer     *self);
const char * const *hd_customer_get_products              (HdCustomer     *self);
GListModel         *hd_customer_get_accounts              (HdCustomer     *self);  /* of HdAccountRef */
GListModel         *hd_customer_get_linked_accounts       (HdCustomer     *self);  /* of HdAccountRef */
HdChannel           hd_customer_get_channel               (HdCustomer     *self);

const char         *hd_consent_get_id                     (HdConsent      *self);
const char         *hd_consent_get_text                   (HdConsent      *self);
GDateTime          *hd_consent_get_acknowledged_at        (HdConsent      *self);

gboolean             hd_verification_get_authenticated           (HdVerification *self);
HdVerificationMethod hd_verification_get_method                  (HdVerification *self);
GDateTime           *hd_verification_get_verified_at             (HdVerification *self);
const char * const  *hd_verification_get_scope                   (HdVerification *self);
gboolean             hd_verification_covers                      (HdVerification *self,
                                                                  const char     *scope);
GListModel          *hd_verification_get_consents                (HdVerification *self);  /* of HdConsent */
gboolean             hd_verification_get_reverification_required (HdVerification *self);

/* One recognised (or failed) intent.  Confidence is 0..1, or -1 if unknown. */
const char         *hd_intent_get_name                    (HdIntent       *self);
GDateTime          *hd_intent_get_time                    (HdIntent       *self);
double              hd_intent_get_confidence              (HdIntent       *self);
HdIntentOutcome     hd_intent_get_outcome                 (HdIntent       *self);

/* A named value: a captured entity or a case form field.  The label may be NULL. */
const char         *hd_field_get_name                     (HdField        *self);
const char         *hd_field_get_label                    (HdField        *self);
const char         *hd_field_get_value                    (HdField        *self);

const char         *hd_attachment_get_id                  (HdAttachment   *self);
const char         *hd_attachment_get_name                (HdAttachment   *self);
const char         *hd_attachment_get_content_type        (HdAttachment   *self);

HdSpeaker           hd_turn_get_speaker                   (HdTurn         *self);
GDateTime          *hd_turn_get_time                      (HdTurn         *self);
const char         *hd_turn_get_text                      (HdTurn         *self);  /* masked */
GListModel         *hd_turn_get_attachments               (HdTurn         *self);  /* of HdAttachment */

/* Frustration is 0..1, or -1 if the bot did not report it. */
const char         *hd_summary_get_text                   (HdSummary      *self);
const char         *hd_summary_get_unresolved_issue       (HdSummary      *self);
const char * const *hd_summary_get_actions_attempted      (HdSummary      *self);
HdSentiment         hd_summary_get_sentiment              (HdSummary      *self);
double              hd_summary_get_frustration            (HdSummary      *self);

HdEscalationReason  hd_routing_get_escalation_reason      (HdRouting      *self);
const char         *hd_routing_get_escalation_detail      (HdRouting      *self);
const char         *hd_routing_get_skill_group            (HdRouting      *self);
/* The routing layer's own name for the skill group (its queue), or NULL. */
const char         *hd_routing_get_skill_group_label      (HdRouting      *self);
/* The skill group as words for people: its label, else hd_display_name_for_token ().
 * A new string, or NULL when the packet names no skill group. */
char               *hd_routing_dup_skill_group_name       (HdRouting      *self);
const char         *hd_routing_get_product_category       (HdRouting      *self);
HdPriority          hd_routing_get_priority               (HdRouting      *self);
const char         *hd_routing_get_language               (HdRouting      *self);  /* BCP 47 */
gboolean            hd_routing_get_vip                    (HdRouting      *self);
gboolean            hd_routing_get_vulnerable             (HdRouting      *self);
GDateTime          *hd_routing_get_sla_start              (HdRouting      *self);
/* The SLA target in seconds after the start, or 0 if none. */
guint               hd_routing_get_sla_target_seconds     (HdRouting      *self);
/* A new reference to start + target, or NULL if either is missing. */
GDateTime          *hd_routing_dup_sla_deadline           (HdRouting      *self);

/* The existing case id, or NULL when the agent should create one
 * (hd_case_fields_get_create_case () is then TRUE if the packet said so). */
const char         *hd_case_fields_get_case_id            (HdCaseFields   *self);
gboolean            hd_case_fields_get_create_case        (HdCaseFields   *self);
const char         *hd_case_fields_get_case_type          (HdCaseFields   *self);
/* The bot's own name for the case type, or NULL. */
const char         *hd_case_fields_get_case_type_label    (HdCaseFields   *self);
/* The case type as words for people: its label, else hd_display_name_for_token ().
 * A new string, or NULL when the packet names no case type. */
char               *hd_case_fields_dup_case_type_name     (HdCaseFields   *self);
const char         *hd_case_fields_get_subcategory        (HdCaseFields   *self);
const char         *hd_case_fields_get_disposition        (HdCaseFields   *self);
GListModel         *hd_case_fields_get_form_fields        (HdCaseFields   *self);  /* of HdField */
const char * const *hd_case_fields_get_documents_requested (HdCaseFields  *self);
const char         *hd_case_fields_get_next_best_action   (HdCaseFields   *self);

G_END_DECLS
