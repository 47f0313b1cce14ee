/* hd-mask.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a masked run of digits is replaced with, before the kept last four. */
#define HD_MASK_BULLETS "••••"

/* Pure functions: no state, safe from any thread.
 *
 * hd_mask_identifier () turns an account, card or loan identifier into
 * "••••" + its last four digits; everything else in it is dropped.  With four
 * digits or fewer, nothing is kept ("••••").
 *
 * hd_mask_text () returns free text with
 *  - card numbers: runs of 13–19 digits (single spaces or dashes allowed
 *    between digits) that pass the Luhn check,
 *  - account-like numbers: any run with 9 or more contiguous digits, or 12 or
 *    more digits in all,
 *    replaced by "••••" + last four digits, and
 *  - one-time codes: 3–8 digits following "OTP", "code", "PIN", "passcode",
 *    "password", "CVV" (and Hindi "ओटीपी", "कोड", "पिन") within a few
 *    characters, or a whole message that is only 4–8 digits, replaced by "••••".
 * Both return a new string; NULL in gives NULL out. */
char     *hd_mask_identifier (const char *id);
char     *hd_mask_text       (const char *text);

typedef enum
{
  HD_MASK_FLAGS_NONE       = 0,
  /* Treat a text that is nothing but 4–8 digits as a one-time code: right for
   * chat turns, wrong for form fields such as "last four digits". */
  HD_MASK_FLAGS_BARE_CODES = 1 << 0,
  /* The caller has checked that the text is valid UTF-8 (a parser's output,
   * after its check of the whole input): it is not checked again. */
  HD_MASK_FLAGS_VALID_UTF8 = 1 << 1,
} HdMaskFlags;

/* hd_mask_text () is hd_mask_text_full (text, HD_MASK_FLAGS_BARE_CODES). */
char     *hd_mask_text_full  (const char  *text,
                              HdMaskFlags  flags);

/* TRUE if the value of a field called `name` ("loan_number", "account",
 * "card_number", "iban", "AccountNumber", ..., in any case) is an identifier
 * to mask with hd_mask_identifier () rather than free text. */
gboolean  hd_mask_is_identifier_name (const char *name);

/* TRUE if `digits` (ASCII digits only) passes the Luhn check. */
gboolean  hd_mask_luhn_valid (const char *digits,
                              gsize       len);

G_END_DECLS
