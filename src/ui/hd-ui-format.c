/* hd-ui-format.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-ui-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hd-display-names.h"
#include "hd-locale-format.h"
#include "hd-packet.h"
#include "hd-ui-format.h"

const char *
hd_ui_format_escalation_reason (HdEscalationReason reason)
{
  switch (reason)
    {
    case HD_ESCALATION_REASON_LOW_CONFIDENCE:
      return _("The bot was not confident");
    case HD_ESCALATION_REASON_REGULATED_ACTION:
      return _("Regulated action");
    case HD_ESCALATION_REASON_HIGH_EMOTION:
      return _("Customer is upset");
    case HD_ESCALATION_REASON_BACKEND_EXCEPTION:
      return _("A bank system failed");
    case HD_ESCALATION_REASON_CUSTOMER_REQUEST:
      return _("Customer asked for a person");
    case HD_ESCALATION_REASON_SLA_RULE:
      return _("Queue or SLA rule");
    case HD_ESCALATION_REASON_UNKNOWN:
    default:
      return _("No reason given");
    }
}

const char *
hd_ui_format_priority (HdPriority priority)
{
  switch (priority)
    {
    case HD_PRIORITY_LOW:
      return _("Low priority");
    case HD_PRIORITY_NORMAL:
      return _("Normal priority");
    case HD_PRIORITY_HIGH:
      return _("High priority");
    case HD_PRIORITY_URGENT:
      return _("Urgent");
    case HD_PRIORITY_UNKNOWN:
    default:
      return _("No priority");
    }
}

const char *
hd_ui_format_channel (HdChannel channel)
{
  switch (channel)
    {
    case HD_CHANNEL_WEB_CHAT:
      return _("Web chat");
    case HD_CHANNEL_IN_APP:
      return _("In-app chat");
    case HD_CHANNEL_WHATSAPP:
      return _("WhatsApp");
    case HD_CHANNEL_SMS:
      return _("SMS");
    case HD_CHANNEL_SOCIAL:
      return _("Social media");
    case HD_CHANNEL_VOICE:
      return _("Voice");
    case HD_CHANNEL_EMAIL:
      return _("Email");
    case HD_CHANNEL_OTHER:
      return _("Other channel");
    case HD_CHANNEL_UNKNOWN:
    default:
      return _("Unknown channel");
    }
}

const char *
hd_ui_format_sentiment (HdSentiment sentiment)
{
  switch (sentiment)
    {
    case HD_SENTIMENT_POSITIVE:
      return _("Positive");
    case HD_SENTIMENT_NEUTRAL:
      return _("Neutral");
    case HD_SENTIMENT_NEGATIVE:
      return _("Negative");
    case HD_SENTIMENT_UNKNOWN:
    default:
      return _("Not reported");
    }
}

const char *
hd_ui_format_speaker (HdSpeaker speaker)
{
  switch (speaker)
    {
    case HD_SPEAKER_BOT:
      return _("Bot");
    case HD_SPEAKER_CUSTOMER:
      return _("Customer");
    case HD_SPEAKER_AGENT:
      return _("Agent");
    case HD_SPEAKER_SYSTEM:
    default:
      return _("System");
    }
}

const char *
hd_ui_format_method (HdVerificationMethod method)
{
  switch (method)
    {
    case HD_VERIFICATION_METHOD_OTP:
      return _("OTP");
    case HD_VERIFICATION_METHOD_PIN:
      return _("PIN");
    case HD_VERIFICATION_METHOD_KBA:
      return _("Security questions");
    case HD_VERIFICATION_METHOD_SECURE_LINK:
      return _("Secure link");
    case HD_VERIFICATION_METHOD_BIOMETRIC:
      return _("Biometrics");
    case HD_VERIFICATION_METHOD_OTHER:
      return _("Other method");
    case HD_VERIFICATION_METHOD_NONE:
    default:
      return _("Unknown method");
    }
}

const char *
hd_ui_format_handoff_state (HdHandoffState state)
{
  switch (state)
    {
    case HD_HANDOFF_STATE_OFFERED:
      return _("Offer");
    case HD_HANDOFF_STATE_ACCEPTED:
      return _("Accepted");
    case HD_HANDOFF_STATE_DECLINED:
      return _("Declined");
    case HD_HANDOFF_STATE_EXPIRED:
      return _("Expired");
    case HD_HANDOFF_STATE_REVOKED:
      return _("Withdrawn");
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      return _("Wrapped up");
    }
}

char *
hd_ui_format_ended_offer (HdHandoff *handoff)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (HD_IS_HANDOFF (handoff), NULL);

  switch (hd_handoff_get_state (handoff))
    {
    case HD_HANDOFF_STATE_DECLINED:
      reason = hd_display_decline_reason (hd_handoff_get_decline_reason (handoff));
      if (reason == NULL)
        return g_strdup (_("You declined this offer."));
      /* TRANSLATORS: %s is the reason the agent gave, "not my skill area" */
      return g_strdup_printf (_("You declined this offer (%s)."), reason);
    case HD_HANDOFF_STATE_EXPIRED:
      return g_strdup (_("This offer expired before it was accepted."));
    case HD_HANDOFF_STATE_REVOKED:
      switch (hd_handoff_get_revoke_reason (handoff))
        {
        case HD_REVOKE_REASON_CUSTOMER_ABANDONED:
          return g_strdup (_("This offer was withdrawn: the customer left."));
        case HD_REVOKE_REASON_REASSIGNED:
          return g_strdup (_("This offer was withdrawn: it went to another agent."));
        case HD_REVOKE_REASON_EXPIRED:
          return g_strdup (_("This offer was withdrawn: it expired."));
        case HD_REVOKE_REASON_NONE:
        default:
          return g_strdup (_("This offer was withdrawn."));
        }
    case HD_HANDOFF_STATE_OFFERED:
    case HD_HANDOFF_STATE_ACCEPTED:
    case HD_HANDOFF_STATE_WRAPPED_UP:
    default:
      return NULL;
    }
}

char *
hd_ui_format_saved_to (GFile *file)
{
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_parse_name (file);
  if (home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
    {
      g_autofree char *shortened = g_strconcat ("~", path + strlen (home), NULL);

      g_free (path);
      path = g_steal_pointer (&shortened);
    }
  /* TRANSLATORS: %s is where an exported file was written, "~/Documents/handoff-kpis.csv" */
  return g_strdup_printf (_("Saved to %s"), path);
}

GFile *
hd_ui_format_export_folder (void)
{
  const GUserDirectory dirs[] = { G_USER_DIRECTORY_DOCUMENTS, G_USER_DIRECTORY_DOWNLOAD };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      const char *dir = g_get_user_special_dir (dirs[i]);

      if (dir != NULL && g_file_test (dir, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (dir);
    }
  return g_file_new_for_path (g_get_home_dir ());
}

char *
hd_ui_format_token (const char *token)
{
  return hd_packet_format_token (token);
}

char *
hd_ui_format_relative_time (GDateTime *then,
                            GDateTime *now)
{
  GTimeSpan span;
  gint64 minutes, hours, days;

  g_return_val_if_fail (then != NULL && now != NULL, NULL);

  span = g_date_time_difference (now, then);
  if (span < -60 * G_TIME_SPAN_SECOND)
    {
      /* Clocks disagree: say when, not a negative age. */
      g_autofree char *clock = hd_ui_format_clock (then);

      return g_strdup_printf (_("at %s"), clock);
    }
  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));

  minutes = span / G_TIME_SPAN_MINUTE;
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", minutes),
                            (int) minutes);
  hours = span / G_TIME_SPAN_HOUR;
  if (hours < 48)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                            (int) hours);
  days = span / G_TIME_SPAN_DAY;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                          (int) days);
}

char *
hd_ui_format_countdown (GTimeSpan span)
{
  gboolean negative = span < 0;
  gint64 seconds = (negative ? -span : span) / G_TIME_SPAN_SECOND;
  const char *sign = negative ? "−" : "";

  /* Past a day, or an hour, seconds are noise. */
  if (seconds >= 86400)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%d day", "%s%d days", seconds / 86400),
                            sign, (int) (seconds / 86400));
  if (seconds >= 3600)
    /* TRANSLATORS: a sign (empty or −), hours and minutes of a countdown, e.g. "2 h 05 min" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%d h %02d min", "%s%d h %02d min", seconds / 3600),
                            sign, (int) (seconds / 3600), (int) (seconds / 60 % 60));
  return g_strdup_printf ("%s%d:%02d", sign, (int) (seconds / 60), (int) (seconds % 60));
}

/* The local time zone, looked up at most once a minute: g_date_time_to_local ()
 * reads /etc/localtime each time (a readlink and a stat), and every transcript
 * row bound formats its turn's time. */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static gint64 looked_up;
  gint64 now = g_get_monotonic_time ();

  if (zone == NULL || now - looked_up > G_TIME_SPAN_MINUTE)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      looked_up = now;
    }
  return zone;
}

/* Main thread only (the zone cache). */
char *
hd_ui_format_clock (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_timezone (time, local_zone ());
  return hd_locale_format_time (local);
}

gboolean
hd_ui_format_has_text (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
