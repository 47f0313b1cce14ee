/* hd-packet-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-packet.h"

G_BEGIN_DECLS

/* The instance structs, shared by the objects and the parser that fills them
 * in.  Nothing outside src/model/hd-packet*.c and hd-completeness.c includes
 * this: to everyone else the objects are immutable. */

struct _HdAccountRef
{
  GObject  parent_instance;
  char    *kind;
  char    *masked_id;
  char    *label;
  /* The identifier as the bot sent it, for hd_packet_reveal_account_id ()
   * only: no getter, property or serializer ever reads it.  Wiped before it
   * is freed. */
  char    *raw_id;
};

struct _HdCustomer
{
  GObject     parent_instance;
  char       *name;
  char       *crm_account_id;
  char       *crm_contact_id;
  char       *segment;
  GStrv       products;
  GListStore *accounts;
  GListStore *linked_accounts;
  HdChannel   channel;
};

struct _HdConsent
{
  GObject    parent_instance;
  char      *id;
  char      *text;
  GDateTime *acknowledged_at;
};

struct _HdVerification
{
  GObject               parent_instance;
  gboolean              authenticated;
  HdVerificationMethod  method;
  GDateTime            *verified_at;
  GStrv                 scope;
  GListStore           *consents;
  gboolean              reverification_required;
};

struct _HdIntent
{
  GObject          parent_instance;
  char            *name;
  GDateTime       *time;
  double           confidence;
  HdIntentOutcome  outcome;
};

struct _HdField
{
  GObject  parent_instance;
  char    *name;
  char    *label;
  char    *value;
};

struct _HdAttachment
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *content_type;
};

struct _HdTurn
{
  GObject     parent_instance;
  HdSpeaker   speaker;
  GDateTime  *time;
  char       *text;
  GListStore *attachments;  /* NULL until the first attachment, to keep turns small */
};

struct _HdSummary
{
  GObject      parent_instance;
  char        *text;
  char        *unresolved_issue;
  GStrv        actions_attempted;
  HdSentiment  sentiment;
  double       frustration;
};

struct _HdRouting
{
  GObject             parent_instance;
  HdEscalationReason  escalation_reason;
  char               *escalation_detail;
  char               *skill_group;
  char               *skill_group_label;
  char               *product_category;
  HdPriority          priority;
  char               *language;
  gboolean            vip;
  gboolean            vulnerable;
  GDateTime          *sla_start;
  guint               sla_target_seconds;
};

struct _HdCaseFields
{
  GObject     parent_instance;
  char       *case_id;
  gboolean    create_case;
  char       *case_type;
  char       *case_type_label;
  char       *subcategory;
  char       *disposition;
  GListStore *form_fields;
  GStrv       documents_requested;
  char       *next_best_action;
};

struct _HdPacket
{
  GObject         parent_instance;
  char           *schema_version;
  char           *handoff_id;
  char           *conversation_id;
  GDateTime      *created_at;
  char           *bot_id;
  char           *bot_flow;
  char           *bot_flow_label;
  HdCustomer     *customer;
  HdVerification *verification;
  char           *primary_intent_name;
  HdIntent       *primary_intent;     /* owned; NULL if no primary */
  GListStore     *intents;
  GListStore     *entities;
  GListStore     *transcript;
  HdSummary      *summary;
  HdRouting      *routing;
  HdCaseFields   *case_fields;
  guint           unknown_field_count;
  HdCompleteness *completeness;       /* computed lazily */
};

HdCompleteness *_hd_completeness_new_for_packet (HdPacket *packet);

G_END_DECLS
