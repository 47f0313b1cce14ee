/* hd-offer-notification.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-offer-notification"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-offer-notification.h"
#include "hd-packet.h"
#include "hd-ui-format.h"
#include "hd-verification-state.h"

/* Some notification servers parse the body as markup.  Text from the network
 * must not be able to inject any, so angle brackets become look-alikes; the
 * rest stays as the customer wrote it. */
static char *
neutralise_markup (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        g_string_append (out, "‹");
      else if (*p == '>')
        g_string_append (out, "›");
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
first_line (const char *text,
            guint       max_chars)
{
  g_autofree char *flat = neutralise_markup (text);
  glong len;

  if (flat == NULL || *g_strstrip (flat) == '\0')
    return NULL;
  len = g_utf8_strlen (flat, -1);
  if (len <= (glong) max_chars)
    return g_steal_pointer (&flat);
  *g_utf8_offset_to_pointer (flat, max_chars - 1) = '\0';
  return g_strconcat (flat, "…", NULL);
}

char *
hd_offer_notification_dup_id (HdHandoff *handoff)
{
  g_return_val_if_fail (HD_IS_HANDOFF (handoff), NULL);
  return g_strconcat ("offer-", hd_handoff_get_handoff_id (handoff), NULL);
}

char *
hd_offer_notification_dup_body (HdHandoff *handoff,
                                GDateTime *now)
{
  HdPacket *packet;
  HdRouting *routing;
  HdSummary *summary;
  g_autoptr(HdVerificationSummary) verification = NULL;
  g_autofree char *brief = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *left = NULL;
  g_autofree char *intent = NULL;
  g_autofree char *verification_text = NULL;
  GString *body = g_string_new (NULL);

  g_return_val_if_fail (HD_IS_HANDOFF (handoff), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  packet = hd_handoff_get_packet (handoff);
  routing = hd_packet_get_routing (packet);
  summary = hd_packet_get_summary (packet);

  detail = first_line (hd_routing_get_escalation_detail (routing), 90);
  if (detail != NULL)
    reason = g_strdup_printf (_("Why: %s. %s"),
                              hd_ui_format_escalation_reason (hd_routing_get_escalation_reason (routing)),
                              detail);
  else
    reason = g_strdup_printf (_("Why: %s"),
                              hd_ui_format_escalation_reason (hd_routing_get_escalation_reason (routing)));
  g_string_append (body, reason);

  verification = hd_verification_summarize (hd_packet_get_verification (packet), now,
                                            HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS);
  if (verification->advice != NULL)
    verification_text = g_strdup_printf (_("Identity: %s. %s"), verification->title,
                                         verification->advice);
  else
    verification_text = g_strdup_printf (_("Identity: %s"), verification->title);
  g_string_append_c (body, '\n');
  g_string_append (body, verification_text);

  brief = first_line (hd_summary_get_unresolved_issue (summary), 120);
  if (brief == NULL)
    brief = first_line (hd_summary_get_text (summary), 120);
  if (brief == NULL)
    {
      intent = hd_ui_format_token (hd_handoff_get_intent (handoff));
      brief = first_line (intent, 120);
    }
  if (brief != NULL)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, brief);
    }

  if (hd_handoff_get_expires_at (handoff) != NULL)
    {
      g_autofree char *countdown = hd_ui_format_countdown (MAX (0, hd_handoff_get_time_to_expiry (handoff, now)));

      left = g_strdup_printf (_("Answer within %s"), countdown);
      g_string_append_c (body, '\n');
      g_string_append (body, left);
    }

  return g_string_free (body, FALSE);
}

GNotification *
hd_offer_notification_new (HdHandoff *handoff)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;
  const char *id;
  HdPriority priority;

  g_return_val_if_fail (HD_IS_HANDOFF (handoff), NULL);

  now = g_date_time_new_now_utc ();
  id = hd_handoff_get_handoff_id (handoff);
  name = first_line (hd_handoff_get_customer_name (handoff), 60);
  priority = hd_handoff_get_priority (handoff);

  if (name != NULL)
    title = g_strdup_printf (_("New Handoff: %s"), name);
  else
    title = g_strdup (_("New Handoff"));
  body = hd_offer_notification_dup_body (handoff, now);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "im.received");
  if (priority >= HD_PRIORITY_URGENT || hd_handoff_get_vulnerable (handoff))
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_URGENT);
  else if (priority >= HD_PRIORITY_HIGH)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-offer", "s", id);
  g_notification_add_button_with_target (notification, _("Accept"), "app.accept-offer", "s", id);
  g_notification_add_button_with_target (notification, _("Decline"), "app.decline-offer", "s", id);
  return notification;
}
