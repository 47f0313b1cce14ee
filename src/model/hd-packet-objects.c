/* hd-packet-objects.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-packet-objects"

#include "config.h"

#include <string.h>

#include "hd-packet-objects-private.h"

/* The value objects of a packet are structs with a finalize and getters,
 * kept in two files by concern: who the customer is (here: the customer, the
 * accounts, consent and verification) and what was said and what it comes
 * to (hd-packet-objects-conversation.c). */

/* HdAccountRef */

G_DEFINE_FINAL_TYPE (HdAccountRef, hd_account_ref, G_TYPE_OBJECT)

static void
hd_account_ref_finalize (GObject *object)
{
  HdAccountRef *self = HD_ACCOUNT_REF (object);

  g_free (self->kind);
  g_free (self->masked_id);
  g_free (self->label);
  /* Leave no copy of the raw identifier in freed memory. */
  if (self->raw_id != NULL)
    memset (self->raw_id, 0, strlen (self->raw_id));
  g_free (self->raw_id);

  G_OBJECT_CLASS (hd_account_ref_parent_class)->finalize (object);
}

static void
hd_account_ref_class_init (HdAccountRefClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_account_ref_finalize;
}

static void
hd_account_ref_init (HdAccountRef *self)
{
}

const char *
hd_account_ref_get_kind (HdAccountRef *self)
{
  g_return_val_if_fail (HD_IS_ACCOUNT_REF (self), NULL);
  return self->kind;
}

const char *
hd_account_ref_get_masked_id (HdAccountRef *self)
{
  g_return_val_if_fail (HD_IS_ACCOUNT_REF (self), NULL);
  return self->masked_id;
}

const char *
hd_account_ref_get_label (HdAccountRef *self)
{
  g_return_val_if_fail (HD_IS_ACCOUNT_REF (self), NULL);
  return self->label;
}

/* HdCustomer */

G_DEFINE_FINAL_TYPE (HdCustomer, hd_customer, G_TYPE_OBJECT)

static void
hd_customer_finalize (GObject *object)
{
  HdCustomer *self = HD_CUSTOMER (object);

  g_free (self->name);
  g_free (self->crm_account_id);
  g_free (self->crm_contact_id);
  g_free (self->segment);
  g_strfreev (self->products);
  g_clear_object (&self->accounts);
  g_clear_object (&self->linked_accounts);

  G_OBJECT_CLASS (hd_customer_parent_class)->finalize (object);
}

static void
hd_customer_class_init (HdCustomerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_customer_finalize;
}

static void
hd_customer_init (HdCustomer *self)
{
}

const char *
hd_customer_get_name (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return self->name;
}

const char *
hd_customer_get_crm_account_id (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return self->crm_account_id;
}

const char *
hd_customer_get_crm_contact_id (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return self->crm_contact_id;
}

const char *
hd_customer_get_segment (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return self->segment;
}

const char * const *
hd_customer_get_products (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return strv_or_empty (self->products);
}

GListModel *
hd_customer_get_accounts (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return store_or_empty (&self->accounts, HD_TYPE_ACCOUNT_REF);
}

GListModel *
hd_customer_get_linked_accounts (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), NULL);
  return store_or_empty (&self->linked_accounts, HD_TYPE_ACCOUNT_REF);
}

HdChannel
hd_customer_get_channel (HdCustomer *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER (self), HD_CHANNEL_UNKNOWN);
  return self->channel;
}

/* HdConsent */

G_DEFINE_FINAL_TYPE (HdConsent, hd_consent, G_TYPE_OBJECT)

static void
hd_consent_finalize (GObject *object)
{
  HdConsent *self = HD_CONSENT (object);

  g_free (self->id);
  g_free (self->text);
  g_clear_pointer (&self->acknowledged_at, g_date_time_unref);

  G_OBJECT_CLASS (hd_consent_parent_class)->finalize (object);
}

static void
hd_consent_class_init (HdConsentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_consent_finalize;
}

static void
hd_consent_init (HdConsent *self)
{
}

const char *
hd_consent_get_id (HdConsent *self)
{
  g_return_val_if_fail (HD_IS_CONSENT (self), NULL);
  return self->id;
}

const char *
hd_consent_get_text (HdConsent *self)
{
  g_return_val_if_fail (HD_IS_CONSENT (self), NULL);
  return self->text;
}

GDateTime *
hd_consent_get_acknowledged_at (HdConsent *self)
{
  g_return_val_if_fail (HD_IS_CONSENT (self), NULL);
  return self->acknowledged_at;
}

/* HdVerification */

G_DEFINE_FINAL_TYPE (HdVerification, hd_verification, G_TYPE_OBJECT)

static void
hd_verification_finalize (GObject *object)
{
  HdVerification *self = HD_VERIFICATION (object);

  g_clear_pointer (&self->verified_at, g_date_time_unref);
  g_strfreev (self->scope);
  g_clear_object (&self->consents);

  G_OBJECT_CLASS (hd_verification_parent_class)->finalize (object);
}

static void
hd_verification_class_init (HdVerificationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hd_verification_finalize;
}

static void
hd_verification_init (HdVerification *self)
{
}

gboolean
hd_verification_get_authenticated (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), FALSE);
  return self->authenticated;
}

HdVerificationMethod
hd_verification_get_method (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), HD_VERIFICATION_METHOD_NONE);
  return self->method;
}

GDateTime *
hd_verification_get_verified_at (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), NULL);
  return self->verified_at;
}

const char * const *
hd_verification_get_scope (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), NULL);
  return strv_or_empty (self->scope);
}

gboolean
hd_verification_covers (HdVerification *self,
                        const char     *scope)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);

  /* A scope without authentication covers nothing. */
  if (!self->authenticated || self->scope == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) self->scope, scope);
}

GListModel *
hd_verification_get_consents (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), NULL);
  return store_or_empty (&self->consents, HD_TYPE_CONSENT);
}

gboolean
hd_verification_get_reverification_required (HdVerification *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION (self), FALSE);
  return self->reverification_required;
}

