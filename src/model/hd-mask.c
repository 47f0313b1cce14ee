/* hd-mask.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-mask"

#include "config.h"

#include <string.h>

#include "hd-mask.h"

/* Masking works on Unicode decimal digits, not only ASCII ones, so that a
 * code typed in Devanagari digits ("४८२९१३") is masked like "482913". */

#define MAX_RUN_DIGITS 64    /* longer runs are masked without a Luhn check */
#define CODE_MIN_DIGITS 3
#define CODE_MAX_DIGITS 8
#define CODE_MAX_GAP 24      /* characters between keyword and code */

static inline int
digit_value (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c < 0x80)
    return -1;
  return g_unichar_digit_value (c);
}

static inline gboolean
is_separator (char c)
{
  return c == ' ' || c == '-';
}

gboolean
hd_mask_luhn_valid (const char *digits,
                    gsize       len)
{
  guint sum = 0;
  gboolean twice = FALSE;

  g_return_val_if_fail (digits != NULL || len == 0, FALSE);

  if (len == 0)
    return FALSE;

  for (gsize i = len; i > 0; i--)
    {
      guint d;

      if (digits[i - 1] < '0' || digits[i - 1] > '9')
        return FALSE;
      d = (guint) (digits[i - 1] - '0');
      if (twice)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
      twice = !twice;
    }

  return sum % 10 == 0;
}

/* Appends the bullets and the last four digit characters (as written) of the
 * digits between start and end. */
static void
append_masked (GString    *out,
               const char *start,
               const char *end,
               guint       n_digits)
{
  const char *last[4] = { NULL, NULL, NULL, NULL };
  guint seen = 0;

  g_string_append (out, HD_MASK_BULLETS);

  /* Four digits or fewer in all: keeping them would keep everything. */
  if (n_digits <= 4)
    return;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      if (digit_value (p) >= 0)
        last[seen++ % 4] = p;
    }

  for (guint i = 0; i < 4; i++)
    {
      const char *d = last[(seen + i) % 4];

      g_string_append_len (out, d, g_utf8_next_char (d) - d);
    }
}

char *
hd_mask_identifier (const char *id)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n_digits = 0;
  const char *end;

  if (id == NULL)
    return NULL;

  /* The scanners step by UTF-8 characters and must not step over the end. */
  if (!g_utf8_validate (id, -1, NULL))
    id = valid = g_utf8_make_valid (id, -1);

  end = id + strlen (id);
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (digit_value (p) >= 0)
        n_digits++;
    }

  /* Already masked ("••••1111", from a journal or a recording): masking again must keep
   * the last four digits, not lose them. */
  if (g_str_has_prefix (id, HD_MASK_BULLETS) && n_digits <= 4)
    return g_strdup (id);

  out = g_string_sized_new (32);
  append_masked (out, id, end, n_digits);
  return g_string_free (out, FALSE);
}

gboolean
hd_mask_is_identifier_name (const char *name)
{
  static const char * const words[] = { "account", "card", "loan", "iban", "number", "acct" };
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;

  /* In any case: Salesforce's and bot platforms' names are CamelCase
   * ("AccountNumber", "FinServ__FinancialAccountNumber__c", "IBAN"). */
  lower = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (lower, words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Scans a run of digits starting at p: digit groups joined by single spaces
 * or dashes.  Returns the end of the run. */
static const char *
scan_number_run (const char *p,
                 guint      *n_digits,
                 guint      *longest_group,
                 char       *ascii,          /* MAX_RUN_DIGITS + 1 bytes */
                 gboolean   *ascii_complete)
{
  guint group = 0;

  *n_digits = 0;
  *longest_group = 0;
  *ascii_complete = TRUE;

  for (;;)
    {
      int d = digit_value (p);

      if (d >= 0)
        {
          if (*n_digits < MAX_RUN_DIGITS)
            ascii[*n_digits] = (char) ('0' + d);
          else
            *ascii_complete = FALSE;
          (*n_digits)++;
          group++;
          *longest_group = MAX (*longest_group, group);
          p = g_utf8_next_char (p);
        }
      else if (is_separator (*p) && *n_digits > 0 && digit_value (p + 1) >= 0)
        {
          group = 0;
          p++;
        }
      else
        break;
    }

  ascii[MIN (*n_digits, MAX_RUN_DIGITS)] = '\0';
  return p;
}

static gboolean
run_is_sensitive (guint       n_digits,
                  guint       longest_group,
                  const char *ascii,
                  gboolean    ascii_complete)
{
  /* Card numbers: 13–19 digits passing the Luhn check. */
  if (n_digits >= 13 && n_digits <= 19 && ascii_complete &&
      hd_mask_luhn_valid (ascii, n_digits))
    return TRUE;

  /* Account numbers fail Luhn, so anything long enough to be one goes too:
   * 9+ digits in one piece, or 12+ in groups.  Dates and times ("2026-11-24
   * 10:30") stay below both. */
  return longest_group >= 9 || n_digits >= 12;
}

static void
mask_numbers (const char *text,
              GString    *out)
{
  char ascii[MAX_RUN_DIGITS + 1];
  const char *p = text;

  while (*p != '\0')
    {
      if (digit_value (p) >= 0)
        {
          guint n_digits, longest_group;
          gboolean ascii_complete;
          const char *end = scan_number_run (p, &n_digits, &longest_group, ascii, &ascii_complete);

          if (run_is_sensitive (n_digits, longest_group, ascii, ascii_complete))
            append_masked (out, p, end, n_digits);
          else
            g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
}

typedef struct
{
  const char *word;
  gsize       len;
  gboolean    ascii;
} Keyword;

#define KW(w, a) { w, sizeof (w) - 1, a }
static const Keyword code_keywords[] = {
  KW ("otp", TRUE), KW ("code", TRUE), KW ("pin", TRUE), KW ("mpin", TRUE), KW ("tpin", TRUE),
  KW ("passcode", TRUE), KW ("password", TRUE), KW ("cvv", TRUE), KW ("cvc", TRUE),
  KW ("ओटीपी", FALSE), KW ("कोड", FALSE), KW ("पिन", FALSE),
};
#undef KW

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Returns the end of the keyword if one starts at p (on a word boundary). */
static const char *
match_keyword (const char *text,
               const char *p)
{
  if (p > text)
    {
      const char *prev = g_utf8_find_prev_char (text, p);

      if (prev != NULL && is_word_char (prev))
        return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (code_keywords); i++)
    {
      const Keyword *kw = &code_keywords[i];
      gboolean match = kw->ascii ? g_ascii_strncasecmp (p, kw->word, kw->len) == 0
                                 : strncmp (p, kw->word, kw->len) == 0;

      /* "pin" must not match "pinned", nor "code" "codes"; a trailing digit
       * ("code1234") is still a code. */
      if (match && (p[kw->len] == '\0' || digit_value (p + kw->len) >= 0 ||
                    !is_word_char (p + kw->len)))
        return p + kw->len;
    }

  return NULL;
}

/* If a 3–8 digit code follows within a short gap, returns its start and sets
 * *code_end. */
static const char *
find_code_after (const char  *p,
                 const char **code_end)
{
  for (guint gap = 0; *p != '\0' && gap <= CODE_MAX_GAP; gap++)
    {
      if (digit_value (p) >= 0)
        {
          guint n = 0;
          const char *q = p;

          for (;;)
            {
              if (digit_value (q) >= 0)
                {
                  n++;
                  q = g_utf8_next_char (q);
                }
              else if (*q == ' ' && n > 0 && digit_value (q + 1) >= 0)
                q++;
              else
                break;
            }

          if (n < CODE_MIN_DIGITS || n > CODE_MAX_DIGITS)
            return NULL;
          *code_end = q;
          return p;
        }

      /* A code belongs to its sentence. */
      if (strchr (".!?\n", *p) != NULL)
        return NULL;
      p = g_utf8_next_char (p);
    }

  return NULL;
}

static void
mask_codes (const char *text,
            GString    *out)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *kw_end = match_keyword (text, p);
      const char *code_start, *code_end = NULL;

      if (kw_end != NULL && (code_start = find_code_after (kw_end, &code_end)) != NULL)
        {
          g_string_append_len (out, p, code_start - p);
          g_string_append (out, HD_MASK_BULLETS);
          p = code_end;
        }
      else if (kw_end != NULL)
        {
          g_string_append_len (out, p, kw_end - p);
          p = kw_end;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
}

static gboolean
is_bare_code (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (digit_value (p) >= 0)
        n++;
      else if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
        return FALSE;
    }

  return n >= 4 && n <= CODE_MAX_DIGITS;
}

char *
hd_mask_text_full (const char  *text,
                   HdMaskFlags  flags)
{
  g_autoptr(GString) numbers = NULL;
  g_autofree char *valid = NULL;
  GString *out;
  gboolean has_digit = FALSE;

  if (text == NULL)
    return NULL;

  /* The scanners step by UTF-8 characters and must not step over the end.
   * The packet decoder checked its whole input already, and says so: for a
   * 10,000-turn transcript this second check was 4 % of the decode. */
  if ((flags & HD_MASK_FLAGS_VALID_UTF8) == 0 && !g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Most turns have no digits at all: copy them as they are. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((*p >= '0' && *p <= '9') || (guchar) *p >= 0x80)
        {
          has_digit = TRUE;
          break;
        }
    }
  if (!has_digit)
    return g_strdup (text);

  if ((flags & HD_MASK_FLAGS_BARE_CODES) != 0 && is_bare_code (text))
    return g_strdup (HD_MASK_BULLETS);

  numbers = g_string_sized_new (strlen (text) + 16);
  mask_numbers (text, numbers);

  out = g_string_sized_new (numbers->len + 16);
  mask_codes (numbers->str, out);
  return g_string_free (out, FALSE);
}

char *
hd_mask_text (const char *text)
{
  return hd_mask_text_full (text, HD_MASK_FLAGS_BARE_CODES);
}
