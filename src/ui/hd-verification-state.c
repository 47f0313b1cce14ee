/* hd-verification-state.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-verification-state"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-ui-format.h"
#include "hd-verification-state.h"

static gboolean
scope_is_restricted (const char * const *scope)
{
  /* An empty scope means the bot put no limit on it. */
  if (scope == NULL || scope[0] == NULL)
    return FALSE;
  return !g_strv_contains (scope, "full") && !g_strv_contains (scope, "all");
}

HdVerificationState
hd_verification_compute_state (HdVerification *verification,
                               GDateTime      *now,
                               guint           stale_after_seconds)
{
  GDateTime *verified_at;

  g_return_val_if_fail (now != NULL, HD_VERIFICATION_STATE_NOT_VERIFIED);

  if (verification == NULL || !hd_verification_get_authenticated (verification))
    return HD_VERIFICATION_STATE_NOT_VERIFIED;

  /* Without a time we cannot tell how old the verification is: treat it as
   * old, the safe side for a bank. */
  verified_at = hd_verification_get_verified_at (verification);
  if (hd_verification_get_reverification_required (verification) ||
      verified_at == NULL ||
      g_date_time_difference (now, verified_at) > (GTimeSpan) stale_after_seconds * G_TIME_SPAN_SECOND)
    return HD_VERIFICATION_STATE_STALE;

  if (scope_is_restricted (hd_verification_get_scope (verification)))
    return HD_VERIFICATION_STATE_PARTLY_VERIFIED;

  return HD_VERIFICATION_STATE_VERIFIED;
}

static char *
join_scope (const char * const *scope)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; scope[i] != NULL; i++)
    {
      char *word = hd_ui_format_token (scope[i]);

      if (word != NULL)
        g_ptr_array_add (words, g_utf8_strdown (word, -1));
      g_free (word);
    }
  g_ptr_array_add (words, NULL);
  /* TRANSLATORS: separates the items of a list, e.g. "view balance, card controls" */
  return g_strjoinv (_(", "), (char **) words->pdata);
}

static char *
describe_consents (HdVerification *verification)
{
  GListModel *consents = hd_verification_get_consents (verification);
  guint n = consents != NULL ? g_list_model_get_n_items (consents) : 0;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *joined = NULL;

  if (n == 0)
    return g_strdup (_("No consents recorded"));

  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdConsent) consent = g_list_model_get_item (consents, i);
      g_autofree char *name = hd_ui_format_token (hd_consent_get_id (consent));
      g_autofree char *clock = hd_ui_format_clock (hd_consent_get_acknowledged_at (consent));

      if (clock != NULL)
        /* TRANSLATORS: a consent and the time it was given, e.g. "Chat recording (09:10)" */
        g_ptr_array_add (items, g_strdup_printf (_("%s (%s)"), name ? name : "", clock));
      else
        g_ptr_array_add (items, g_strdup (name ? name : ""));
    }
  g_ptr_array_add (items, NULL);
  joined = g_strjoinv (_(", "), (char **) items->pdata);
  return g_strdup_printf (_("Consents: %s"), joined);
}

HdVerificationSummary *
hd_verification_summarize (HdVerification *verification,
                           GDateTime      *now,
                           guint           stale_after_seconds)
{
  HdVerificationSummary *summary = g_new0 (HdVerificationSummary, 1);
  GDateTime *verified_at = NULL;
  const char * const *scope = NULL;

  g_return_val_if_fail (now != NULL, summary);

  summary->state = hd_verification_compute_state (verification, now, stale_after_seconds);
  if (verification != NULL)
    {
      verified_at = hd_verification_get_verified_at (verification);
      scope = hd_verification_get_scope (verification);
    }

  switch (summary->state)
    {
    case HD_VERIFICATION_STATE_VERIFIED:
      summary->title = g_strdup (_("Verified"));
      break;
    case HD_VERIFICATION_STATE_PARTLY_VERIFIED:
      summary->title = g_strdup (_("Partly verified"));
      break;
    case HD_VERIFICATION_STATE_STALE:
      summary->title = g_strdup (_("Verification stale"));
      if (hd_verification_get_reverification_required (verification))
        summary->advice = g_strdup (_("The bot asks to re-verify before action"));
      else
        summary->advice = g_strdup (_("Re-verify before action"));
      break;
    case HD_VERIFICATION_STATE_NOT_VERIFIED:
    default:
      summary->title = g_strdup (_("Not verified"));
      summary->advice = g_strdup (_("Verify the customer before discussing the account"));
      break;
    }

  if (summary->state != HD_VERIFICATION_STATE_NOT_VERIFIED)
    {
      const char *method = hd_ui_format_method (hd_verification_get_method (verification));

      if (verified_at != NULL)
        {
          g_autofree char *ago = hd_ui_format_relative_time (verified_at, now);

          /* TRANSLATORS: verification method and age, e.g. "OTP, 4 min ago" */
          summary->method = g_strdup_printf (C_("method and age", "%s, %s"), method, ago);
        }
      else
        summary->method = g_strdup_printf (_("%s, time unknown"), method);

      if (scope_is_restricted (scope))
        {
          g_autofree char *joined = join_scope (scope);

          summary->scope = g_strdup_printf (_("Covers only: %s"), joined);
        }
    }

  if (verification != NULL)
    summary->consents = describe_consents (verification);

  return summary;
}

void
hd_verification_summary_free (HdVerificationSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->advice);
  g_free (summary->method);
  g_free (summary->scope);
  g_free (summary->consents);
  g_free (summary);
}

char *
hd_verification_summary_to_string (HdVerificationSummary *summary)
{
  const char *parts[6];
  guint n = 0;

  g_return_val_if_fail (summary != NULL, NULL);

  parts[n++] = summary->title;
  if (summary->advice != NULL)
    parts[n++] = summary->advice;
  if (summary->method != NULL)
    parts[n++] = summary->method;
  if (summary->scope != NULL)
    parts[n++] = summary->scope;
  if (summary->consents != NULL)
    parts[n++] = summary->consents;
  parts[n] = NULL;

  /* TRANSLATORS: joins the sentences of a spoken summary */
  return g_strjoinv (_(". "), (char **) parts);
}
