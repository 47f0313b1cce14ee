/* hd-display-names.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words for the machine ids the data sends without a display name of their
 * own (queue, flow, intent, case-type and field ids): a translatable table of
 * the ids we know, then a rule for the rest.  The rule splits on `_`, `-`
 * and `.`, shows a `/` path as "Cards › Transaction declined", capitalises
 * the first word and keeps acronyms upper case ("emi_change" → "EMI
 * change").  Returns a new string, or NULL for a NULL or empty @token. */
char     *hd_display_name_for_token (const char *token);
/* The name the data gives for @token (a display-name field such as
 * `routing.skill_group_label`) when it has one, else the table and the rule
 * above.  Returns a new string, or NULL when both are NULL or empty. */
char     *hd_display_name_choose    (const char *label,
                                     const char *token);
/* The longest display name the data may send, in characters. */
#define HD_DISPLAY_LABEL_MAX_CHARS 80
/* @value as a display name when it is one, with the packet's rules: at most
 * HD_DISPLAY_LABEL_MAX_CHARS characters on one line, no control characters,
 * numbers masked, trimmed.  Returns a new string, or NULL when @value is
 * NULL, blank or breaks a rule (the caller then shows the table's name). */
char     *hd_display_name_read_label (const char *value);
/* The same rules, saying which one @value breaks: FALSE with HD_ERROR_PARSE
 * then; TRUE otherwise, with *@label the name or NULL when @value is blank.
 * The packet parser reads its `*_label` members with it. */
gboolean  hd_display_name_check_label (const char  *value,
                                       char       **label,
                                       GError     **error);
/* Whether @word (one word, any case) is an acronym the rule writes in capitals. */
gboolean  hd_display_name_is_acronym (const char *word);
/* The words for a decline reason id the agent chose ("wrong_skill" → "not
 * my skill area"), lower case to go inside a sentence; other ids through
 * the rule.  Returns a new string, or NULL for NULL or "". */
char     *hd_display_decline_reason  (const char *reason);
/* @time in the local zone as the locale writes a date and a time, the month
 * by name and the year in full (hd_locale_format_date ()): "7 December 2026,
 * 10:42 AM", so no reader takes 12/07/26 for the 12th of July. */
char     *hd_display_date_time       (GDateTime  *time);
/* Who signs a note: @real_name (g_get_real_name ()) unless it is empty or
 * GLib's "Unknown", else @user_name (g_get_user_name ()). */
const char *hd_display_author_name   (const char *real_name,
                                      const char *user_name);

G_END_DECLS
