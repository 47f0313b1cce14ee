/* hd-repeat-detector.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-repeat-detector"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hd-locale-format.h"
#include "hd-repeat-detector.h"

/* All patterns are written lower case and NFKC, as the text is normalised to
 * that before matching.  Latin patterns match whole words only (at their
 * edges); Devanagari ones match anywhere, as Hindi words take suffixes. */

/* Words that make a sentence a request. */
static const char * const request_cues[] = {
  "please", "could you", "can you", "would you", "will you", "may i", "kindly", "tell me",
  "let me know", "confirm", "share", "provide", "send me", "need your", "i need", "what is",
  "what's", "which", "how much", "where", "type in", "enter",
  "बताइए", "बताइये", "बताएं", "बताएँ", "बताओ", "बता दीजिए", "बता दें", "दीजिए", "दें",
  "कन्फर्म", "पुष्टि", "क्या", "कौन", "कितन", "कहाँ", "कहां",
  "bataiye", "bataye", "batayein", "batao", "bata dijiye", "bata do", "dijiye", "confirm kijiye",
  "confirm karein", "confirm kare", "share kijiye", "kya", "kaun", "kaunsa", "kitna", "kitne",
  "kahan", "kahaan",
};

/* Words that make it a warning or a reassurance instead. */
static const char * const negation_cues[] = {
  "no need", "don't need", "do not need", "dont need", "won't ask", "will not ask", "never share",
  "don't share", "do not share", "dont share", "not required", "already verified", "already have",
  "ज़रूरत नहीं", "जरूरत नहीं", "जरुरत नहीं", "मत बताइए", "मत बताइये", "साझा न करें", "शेयर न करें",
  "zarurat nahi", "zaroorat nahi", "jarurat nahi", "mat bataiye", "mat batao", "share na kare",
  "share mat",
};

typedef char *(*CaptureFunc) (HdPacket   *packet,
                              GPtrArray  *evidence);

typedef struct
{
  const char         *key;
  const char         *label;    /* N_() */
  const char * const *patterns;
  CaptureFunc         capture;
  const char * const *unless;   /* a more specific rule's words: "loan account number" */
} Rule;

/* Evidence helpers --------------------------------------------------------- */

static char *
normalise (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *out;

  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)   /* typographic apostrophes */
        c = '\'';
      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
add_evidence (GPtrArray  *evidence,
              const char *value)
{
  g_autofree char *normal = NULL;

  if (evidence == NULL || value == NULL)
    return;
  normal = normalise (value);
  g_strstrip (normal);
  if (g_utf8_strlen (normal, -1) >= 3)
    g_ptr_array_add (evidence, g_steal_pointer (&normal));
}

/* The last four digits of a masked id ("••••1234"): quoting them confirms. */
static void
add_last_digits (GPtrArray  *evidence,
                 const char *masked)
{
  gsize len;

  if (masked == NULL)
    return;
  len = strlen (masked);
  if (len >= 4)
    add_evidence (evidence, masked + len - 4);
}

/* Captures ----------------------------------------------------------------- */

static char *
capture_identity (HdPacket  *packet,
                  GPtrArray *evidence)
{
  HdVerification *verification = hd_packet_get_verification (packet);
  const char *method;
  GDateTime *at;

  if (!hd_verification_get_authenticated (verification))
    return NULL;
  method = hd_verification_method_to_string (hd_verification_get_method (verification));
  at = hd_verification_get_verified_at (verification);
  if (at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (at);
      g_autofree char *time = hd_locale_format_time (utc);

      /* TRANSLATORS: "Verified by otp at 09:14 UTC" */
      return g_strdup_printf (_("Verified by %s at %s UTC"), method != NULL ? method : "?", time);
    }
  return g_strdup_printf (_("Verified by %s"), method != NULL ? method : "?");
}

static char *
capture_name (HdPacket  *packet,
              GPtrArray *evidence)
{
  const char *name = hd_customer_get_name (hd_packet_get_customer (packet));
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0')
    return NULL;
  parts = g_strsplit (name, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    add_evidence (evidence, parts[i]);
  return g_strdup (name);
}

static char *
capture_accounts (HdPacket           *packet,
                  GPtrArray          *evidence,
                  const char * const *kinds)
{
  HdCustomer *customer = hd_packet_get_customer (packet);
  GListModel *lists[] = { hd_customer_get_accounts (customer), hd_customer_get_linked_accounts (customer) };
  GString *out = g_string_new (NULL);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(HdAccountRef) account = g_list_model_get_item (lists[l], i);
        const char *kind = hd_account_ref_get_kind (account);
        const char *label = hd_account_ref_get_label (account);
        const char *masked = hd_account_ref_get_masked_id (account);

        if (kind == NULL || !g_strv_contains (kinds, kind))
          continue;
        add_last_digits (evidence, masked);
        if (out->len > 0)
          g_string_append (out, "; ");
        if (label != NULL)
          g_string_append_printf (out, "%s ", label);
        g_string_append (out, masked != NULL ? masked : "");
      }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static char *capture_entities (HdPacket           *packet,
                               GPtrArray          *evidence,
                               const char * const *needles,
                               gboolean            words);

/* Accounts of @kinds, then entities named like @needles. */
static char *
capture_both (HdPacket           *packet,
              GPtrArray          *evidence,
              const char * const *kinds,
              const char * const *needles)
{
  g_autofree char *accounts = capture_accounts (packet, evidence, kinds);
  g_autofree char *entities = capture_entities (packet, evidence, needles, FALSE);

  if (accounts != NULL && entities != NULL)
    return g_strdup_printf ("%s; %s", accounts, entities);
  return g_strdup (accounts != NULL ? accounts : entities);
}

static char *
capture_card (HdPacket  *packet,
              GPtrArray *evidence)
{
  static const char * const kinds[] = { "card", "credit_card", "debit_card", NULL };
  static const char * const needles[] = { "card", NULL };
  return capture_both (packet, evidence, kinds, needles);
}

static char *
capture_loan (HdPacket  *packet,
              GPtrArray *evidence)
{
  static const char * const kinds[] = { "loan", "mortgage", NULL };
  static const char * const needles[] = { "loan", NULL };
  return capture_both (packet, evidence, kinds, needles);
}

static char *
capture_account (HdPacket  *packet,
                 GPtrArray *evidence)
{
  static const char * const kinds[] = { "savings", "current", "account", "salary", NULL };
  return capture_accounts (packet, evidence, kinds);
}

static char *
capture_upi (HdPacket  *packet,
             GPtrArray *evidence)
{
  static const char * const kinds[] = { "upi", "wallet", NULL };
  return capture_accounts (packet, evidence, kinds);
}

/* Captured entities whose name contains one of @needles.  Quoting a value's
 * last four digits confirms it; quoting its words too when @words (a place or
 * a merchant name, not a category like "credit" that a question lists as a
 * choice). */
static char *
capture_entities (HdPacket           *packet,
                  GPtrArray          *evidence,
                  const char * const *needles,
                  gboolean            words)
{
  GListModel *entities = hd_packet_get_entities (packet);
  GString *out = g_string_new (NULL);

  for (guint i = 0; entities != NULL && i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (entities, i);
      const char *name = hd_field_get_name (field);
      const char *value = hd_field_get_value (field);
      gboolean hit = FALSE;

      for (guint n = 0; name != NULL && needles[n] != NULL && !hit; n++)
        hit = strstr (name, needles[n]) != NULL;
      if (!hit || value == NULL || *value == '\0')
        continue;
      if (words)
        add_evidence (evidence, value);
      if (strpbrk (value, "0123456789") != NULL)
        add_last_digits (evidence, value);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, value);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
capture_city (HdPacket  *packet,
              GPtrArray *evidence)
{
  static const char * const needles[] = { "city", "country", "location", "where", "place", NULL };
  return capture_entities (packet, evidence, needles, TRUE);
}

static char *
capture_amount (HdPacket  *packet,
                GPtrArray *evidence)
{
  static const char * const needles[] = { "amount", "emi", NULL };
  return capture_entities (packet, evidence, needles, FALSE);
}

static char *
capture_merchant (HdPacket  *packet,
                  GPtrArray *evidence)
{
  static const char * const needles[] = { "merchant", "payee", NULL };
  return capture_entities (packet, evidence, needles, TRUE);
}

static char *
capture_reference (HdPacket  *packet,
                   GPtrArray *evidence)
{
  static const char * const needles[] = { "utr", "reference", "ref", "transaction_id", NULL };
  return capture_entities (packet, evidence, needles, FALSE);
}

static char *
capture_issue (HdPacket  *packet,
               GPtrArray *evidence)
{
  HdSummary *summary = hd_packet_get_summary (packet);
  HdIntent *intent = hd_packet_get_primary_intent (packet);
  const char *text = hd_summary_get_text (summary);

  if (text != NULL && *text != '\0')
    return g_strdup (text);
  text = hd_summary_get_unresolved_issue (summary);
  if (text != NULL && *text != '\0')
    return g_strdup (text);
  if (intent != NULL && hd_intent_get_name (intent) != NULL)
    return g_strdup (hd_intent_get_name (intent));
  return NULL;
}

/* Rules -------------------------------------------------------------------- */

static const char * const identity_patterns[] = {
  "verify your identity", "verify you", "verification", "confirm your identity", "date of birth",
  "dob", "security question", "otp", "one-time password", "one time password", "pin",
  "mother's maiden name", "memorable word",
  "पहचान", "सत्यापन", "वेरिफ", "ओटीपी", "जन्म तिथि", "जन्मतिथि",
  "verify karna", "verify karne", "verify kar", "verify kijiye", "pehchan", "pehchaan", "janam tithi",
  NULL
};
static const char * const name_patterns[] = {
  "your name", "full name", "your good name", "आपका नाम", "अपना नाम", "पूरा नाम",
  "aapka naam", "apna naam", "naam bataiye", "naam batayein", NULL
};
static const char * const card_patterns[] = {
  "which card", "card type", "type of card", "card number", "card no", "last four digits",
  "last 4 digits", "credit or debit", "debit or credit", "कौन सा कार्ड", "कौनसा कार्ड",
  "कार्ड नंबर", "कार्ड का प्रकार", "कार्ड के आखिरी", "kaun sa card", "kaunsa card", "konsa card",
  "card ke last", "card ka type", "card ka number", NULL
};
static const char * const loan_patterns[] = {
  "loan number", "loan account number", "loan account", "loan id", "loan no", "लोन नंबर",
  "लोन खाता", "ऋण खाता", "लोन अकाउंट", "loan ka number", "loan account number bataiye", NULL
};
static const char * const account_patterns[] = {
  "account number", "a/c number", "account no", "खाता संख्या", "खाता नंबर", "अकाउंट नंबर",
  "khata number", "account ka number", NULL
};
static const char * const upi_patterns[] = {
  "upi id", "upi handle", "vpa", "यूपीआई आईडी", "upi ki id", NULL
};
static const char * const city_patterns[] = {
  "which city", "what city", "which country", "where are you", "your location", "current location",
  "where did you lose", "where were you", "where did it happen", "किस शहर", "कौन से शहर", "किस देश",
  "आप कहाँ हैं", "आप कहां हैं", "कहाँ खोया", "कहां खोया", "kis sheher", "kis shahar", "kaunse shahar",
  "kis desh", "aap kahan", "kahan khoya", NULL
};
static const char * const amount_patterns[] = {
  "how much", "what amount", "the amount", "amount of", "कितने रुपये", "कितना पैसा", "कितनी राशि",
  "राशि", "रकम", "kitna amount", "kitne paise", "kitne rupaye", "amount kitna", NULL
};
static const char * const merchant_patterns[] = {
  "which merchant", "merchant name", "which shop", "which store", "where did you pay", "which website",
  "किस दुकान", "मर्चेंट", "kis dukaan", "kis dukan", "merchant ka naam", NULL
};
static const char * const reference_patterns[] = {
  "reference number", "utr", "transaction id", "transaction reference", "ref number", "ref no",
  "यूटीआर", "रेफरेंस नंबर", "utr number", "utr no", NULL
};
static const char * const issue_patterns[] = {
  "what is the issue", "what's the issue", "what is the problem", "what's the problem",
  "how can i help", "how may i help", "what happened", "describe the issue", "explain the issue",
  "tell me the issue", "tell me what happened", "what seems to be", "what can i do for you",
  "reason for your chat", "reason for contacting",
  "क्या समस्या", "क्या परेशानी", "समस्या बताइए", "समस्या क्या", "दिक्कत क्या", "क्या दिक्कत", "क्या हुआ",
  "kya problem", "kya samasya", "kya dikkat", "problem kya", "issue kya", "kya hua", "dikkat kya",
  NULL
};

static const char * const account_unless[] = {
  "loan account", "loan a/c", "लोन अकाउंट", "लोन खाता", "ऋण खाता", NULL
};

static const Rule rules[] = {
  { "identity", N_("Identity"), identity_patterns, capture_identity },
  { "name", N_("Name"), name_patterns, capture_name },
  { "card", N_("Card"), card_patterns, capture_card },
  { "loan_number", N_("Loan number"), loan_patterns, capture_loan },
  { "account_number", N_("Account number"), account_patterns, capture_account, account_unless },
  { "upi", N_("UPI handle"), upi_patterns, capture_upi },
  { "city", N_("City or place"), city_patterns, capture_city },
  { "amount", N_("Amount"), amount_patterns, capture_amount },
  { "merchant", N_("Merchant"), merchant_patterns, capture_merchant },
  { "reference", N_("Reference number"), reference_patterns, capture_reference },
  { "issue", N_("The issue"), issue_patterns, capture_issue },
};

/* Matching ------------------------------------------------------------------ */

/* Patterns are normalised like the text (NFKC, case folded) once, so that
 * "ज़" typed precomposed in this file still matches a decomposed message. */
static const char *
normal_pattern (const char *pattern)
{
  static GHashTable *cache;
  G_LOCK_DEFINE_STATIC (cache);
  const char *normal;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  normal = g_hash_table_lookup (cache, pattern);
  if (normal == NULL)
    {
      char *made = normalise (pattern);

      g_hash_table_insert (cache, (gpointer) pattern, made);
      normal = made;
    }
  G_UNLOCK (cache);
  return normal;
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p)) && g_utf8_get_char (p) < 0x80;
}

/* Whether @pattern occurs in @sentence; Latin patterns at word edges. */
static gboolean
contains (const char *sentence,
          const char *pattern)
{
  gsize len = strlen (pattern);
  gboolean latin_start = g_ascii_isalnum (pattern[0]);
  gboolean latin_end = g_ascii_isalnum (pattern[len - 1]);

  for (const char *hit = strstr (sentence, pattern); hit != NULL; hit = strstr (hit + 1, pattern))
    {
      const char *after = hit + len;

      if (latin_start && hit > sentence && is_word_char (g_utf8_prev_char (hit)))
        continue;
      if (latin_end && *after != '\0' && is_word_char (after))
        continue;
      return TRUE;
    }
  return FALSE;
}

static gboolean
contains_any (const char         *sentence,
              const char * const *patterns,
              gsize               n)
{
  for (gsize i = 0; i < n && patterns[i] != NULL; i++)
    if (contains (sentence, normal_pattern (patterns[i])))
      return TRUE;
  return FALSE;
}

/* Splits normalised text into sentences, each keeping its '?' if it had one. */
static GPtrArray *
split_sentences (const char *text)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  GString *current = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' ||
                     c == 0x0964 /* । */ || c == 0xFF1F /* ？ */;

      if (!end)
        {
          g_string_append_unichar (current, c);
          continue;
        }
      if (c == '?' || c == 0xFF1F)
        g_string_append_c (current, '?');
      g_strstrip (current->str);
      if (strlen (current->str) > 0)
        g_ptr_array_add (sentences, g_strdup (current->str));
      g_string_truncate (current, 0);
      if (c == 0)
        break;
    }

  g_string_free (current, TRUE);
  return sentences;
}

void
hd_repeat_match_free (HdRepeatMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->label);
  g_free (match->captured);
  g_free (match);
}

GPtrArray *
hd_repeat_detect (HdPacket   *packet,
                  const char *text)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) hd_repeat_match_free);
  g_autofree char *normal = NULL;
  g_autoptr(GPtrArray) sentences = NULL;

  g_return_val_if_fail (HD_IS_PACKET (packet), matches);

  if (text == NULL || *text == '\0')
    return matches;

  normal = normalise (text);
  sentences = split_sentences (normal);

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *captured = NULL;
      gboolean asked = FALSE;

      for (guint s = 0; s < sentences->len && !asked; s++)
        {
          const char *sentence = g_ptr_array_index (sentences, s);
          gboolean request = strchr (sentence, '?') != NULL ||
                             contains_any (sentence, request_cues, G_N_ELEMENTS (request_cues));

          asked = request &&
                  contains_any (sentence, rules[r].patterns, G_MAXSIZE) &&
                  (rules[r].unless == NULL || !contains_any (sentence, rules[r].unless, G_MAXSIZE)) &&
                  !contains_any (sentence, negation_cues, G_N_ELEMENTS (negation_cues));
          if (asked)
            {
              /* Only now look at the packet: most messages ask for nothing. */
              g_clear_pointer (&captured, g_free);
              g_ptr_array_set_size (evidence, 0);
              captured = rules[r].capture (packet, evidence);
              for (guint e = 0; captured != NULL && e < evidence->len; e++)
                if (strstr (sentence, g_ptr_array_index (evidence, e)) != NULL)
                  asked = FALSE;  /* it quotes the captured value: a confirmation */
              if (captured == NULL)
                asked = FALSE;
            }
        }

      if (asked)
        {
          HdRepeatMatch *match = g_new0 (HdRepeatMatch, 1);

          match->key = rules[r].key;
          match->label = g_strdup (_(rules[r].label));
          match->captured = g_steal_pointer (&captured);
          g_ptr_array_add (matches, match);
        }
    }

  return matches;
}

char *
hd_repeat_matches_to_detail (GPtrArray *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      HdRepeatMatch *match = g_ptr_array_index (matches, i);

      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append (out, match->key);
    }
  return g_string_free (out, FALSE);
}
