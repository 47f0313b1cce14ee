/* hd-repeat-detector.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hd-packet.h"

G_BEGIN_DECLS

/* "The agent is asking for something the packet already holds": a pure
 * matcher over an outgoing agent message, in English, Hindi (Devanagari) and
 * Hinglish.  The rules are documented in docs/kpis.md ("Repeat detection").
 * A sentence matches an item when
 *   1. it is a request (a question mark, or a request word: "please",
 *      "can you", "which", "बताइए", "bataiye", ...),
 *   2. it names the item ("card number", "कौन सा कार्ड", "loan number",
 *      "OTP", "किस शहर", ...),
 *   3. it is not a negation or a warning ("no need to share", "never share
 *      your OTP", "बताने की ज़रूरत नहीं"),
 *   4. it does not already quote what the bot captured (asking "is it the
 *      card ending 1111?" confirms, it does not make the customer repeat),
 * and the packet holds the item (identity counts only when the bot verified
 * the customer). */

typedef struct
{
  const char *key;       /* static: "identity", "name", "card", "loan_number", ... */
  char       *label;     /* translated: "Identity" */
  char       *captured;  /* what the bot captured, for the reply box: "Verified by OTP at 09:14 UTC" */
} HdRepeatMatch;

void       hd_repeat_match_free        (HdRepeatMatch *match);

/* A new array of HdRepeatMatch (it frees them), one per item, in rule order;
 * empty when nothing matches. */
GPtrArray *hd_repeat_detect            (HdPacket      *packet,
                                        const char    *text);
/* "card,city": the keys, for the "detail" of an asked_to_repeat signal. */
char      *hd_repeat_matches_to_detail (GPtrArray     *matches);

G_END_DECLS
