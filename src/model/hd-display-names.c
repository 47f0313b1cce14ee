/* hd-display-names.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-display-names"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hd-display-names.h"
#include "hd-error.h"
#include "hd-locale-format.h"
#include "hd-mask.h"

/* Ids whose words, put together by the rule, would not read as a person
 * would say them.  Ids not here go through the rule. */
static const struct {
  const char *id;
  const char *name;
} known_ids[] = {
  { "cards_international", N_("International cards") },
  { "payments_hindi", N_("Payments (Hindi)") },
  { "in_app", N_("In-app chat") },
  { "web_chat", N_("Web chat") },
  { "inward_neft", N_("Inward NEFT transfer") },
  { "young_saver", N_("Young Saver") },
};

/* Banking acronyms said letter by letter: never "Emi", "Upi" or "Kyc". */
static const char * const acronyms[] = {
  "atm", "bic", "crm", "cvv", "ecs", "emi", "gst", "iban", "id", "ifsc",
  "imps", "kyc", "mpin", "nach", "neft", "nri", "otp", "pan", "pin", "rtgs",
  "sla", "sme", "sms", "tpin", "upi", "vip",
};

gboolean
hd_display_name_is_acronym (const char *word)
{
  g_autofree char *lower = NULL;

  if (word == NULL || *word == '\0')
    return FALSE;
  lower = g_ascii_strdown (word, -1);
  for (guint i = 0; i < G_N_ELEMENTS (acronyms); i++)
    if (g_str_equal (lower, acronyms[i]))
      return TRUE;
  return FALSE;
}

/* One segment of a path: words joined by spaces, acronyms in capitals, the
 * first letter of the segment upper case. */
static void
append_segment (GString    *out,
                const char *segment)
{
  g_auto(GStrv) words = g_strsplit_set (segment, "_-.", -1);
  gsize start = out->len;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > start)
        g_string_append_c (out, ' ');
      if (hd_display_name_is_acronym (words[i]))
        {
          g_autofree char *upper = g_ascii_strup (words[i], -1);

          g_string_append (out, upper);
        }
      else
        g_string_append (out, words[i]);
    }
  if (out->len > start && g_ascii_islower (out->str[start]))
    out->str[start] = g_ascii_toupper (out->str[start]);
}

char *
hd_display_name_for_token (const char *token)
{
  g_auto(GStrv) segments = NULL;
  GString *out;

  if (token == NULL || *token == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (known_ids); i++)
    if (g_str_equal (token, known_ids[i].id))
      return g_strdup (g_dgettext (GETTEXT_PACKAGE, known_ids[i].name));

  /* Tokens are ASCII by the packet's rules; anything else is shown as sent
   * rather than cut in the middle of a character. */
  if (!g_str_is_ascii (token))
    return g_strdup (token);

  out = g_string_new (NULL);
  segments = g_strsplit (token, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      g_autoptr(GString) part = g_string_new (NULL);

      append_segment (part, segments[i]);
      if (part->len == 0)
        continue;
      if (out->len > 0)
        /* TRANSLATORS: between the parts of a bot flow's path, "Cards › Transaction declined" */
        g_string_append (out, _(" › "));
      g_string_append_len (out, part->str, part->len);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return g_strdup (token);
    }
  return g_string_free (out, FALSE);
}

char *
hd_display_name_choose (const char *label,
                        const char *token)
{
  /* The parser keeps labels plain, short and never blank (hd-json-reader.c). */
  if (label != NULL && *label != '\0')
    return g_strdup (label);
  return hd_display_name_for_token (token);
}

gboolean
hd_display_name_check_label (const char  *value,
                             char       **label,
                             GError     **error)
{
  g_autofree char *masked = NULL;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  /* A name shown in a line of its own or inside a sentence: longer, or over more than
   * one line, it is not a name but a message, which has fields of its own. */
  if (g_utf8_strlen (value, -1) > HD_DISPLAY_LABEL_MAX_CHARS)
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("a display name is at most %d characters"),
                   HD_DISPLAY_LABEL_MAX_CHARS);
      return FALSE;
    }
  for (const char *c = value; *c != '\0'; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      {
        g_set_error_literal (error, HD_ERROR, HD_ERROR_PARSE,
                             _("a display name is one line of text, without control characters"));
        return FALSE;
      }
  masked = hd_mask_text_full (value, HD_MASK_FLAGS_NONE);
  g_strstrip (masked);
  *label = *masked != '\0' ? g_steal_pointer (&masked) : NULL;
  return TRUE;
}

char *
hd_display_name_read_label (const char *value)
{
  char *label = NULL;

  /* A stream that cannot say which member was wrong shows the table instead. */
  if (value == NULL || !hd_display_name_check_label (value, &label, NULL))
    return NULL;
  return label;
}

char *
hd_display_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  date = hd_locale_format_date (local);
  clock = hd_locale_format_time (local);
  /* TRANSLATORS: a date, then a time: “7 December 2026, 4:05 PM” */
  return g_strdup_printf (C_("date and time", "%s, %s"), date, clock);
}

const char *
hd_display_author_name (const char *real_name,
                        const char *user_name)
{
  /* GLib says "Unknown" when the password database has no full name. */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return user_name;
  return real_name;
}

char *
hd_display_decline_reason (const char *reason)
{
  static const struct {
    const char *id;
    const char *words;
  } reasons[] = {
    { "busy", N_("busy with another customer") },
    { "wrong_skill", N_("not my skill area") },
    { "language", N_("cannot speak the language") },
    { "other", N_("another reason") },
  };

  if (reason == NULL || *reason == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i].id))
      return g_strdup (g_dgettext (GETTEXT_PACKAGE, reasons[i].words));
  return hd_display_name_for_token (reason);
}
