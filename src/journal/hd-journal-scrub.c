/* hd-journal-scrub.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-scrub"

#include "config.h"

#include <string.h>

#include "hd-journal-scrub.h"
#include "hd-mask.h"

static const char * const token_names[] = {
  "access_token", "refresh_token", "id_token", "token", "authorization", "bearer",
  "password", "passcode", "client_secret", "secret", "session_id", "sid", "api_key",
  "apikey", "cookie", "set-cookie", "otp", "pin", "cvv",
};

/* Members the journal needs verbatim: they hold no customer data, and number
 * masking would mangle them ("ho-2026-11-24-000187" has 14 digits). */
static const char * const structural_names[] = {
  "handoff_id", "conversation_id", "schema_version", "time", "seq",
  "event", "kind", "type", "speaker", "field", "queue", "from_queue", "to_queue",
  "skill_group", "status", "method", "result", "check", "name", "format",
};

static GRegex *
get_token_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled =
        g_regex_new ("(?i:\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,})"
                     "|\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
                     "|\\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{16,}"
                     "|(?i:\\b(?:access_token|refresh_token|id_token|client_secret|code)=[^&\\s\"]+)",
                     G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }
  return regex;
}

static gboolean
has_suffix_ignore_case (const char *name,
                        gsize       len,
                        const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && g_ascii_strcasecmp (name + len - n, suffix) == 0;
}

/* Called for every member of every packet journaled (10,000 turns: tens of
 * thousands of times): no allocation. */
gboolean
hd_journal_is_token_name (const char *name)
{
  gsize len;

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (token_names); i++)
    if (g_ascii_strcasecmp (name, token_names[i]) == 0)
      return TRUE;
  len = strlen (name);
  return has_suffix_ignore_case (name, len, "_token") || has_suffix_ignore_case (name, len, "_secret") ||
         has_suffix_ignore_case (name, len, "_password");
}

/* What every match of the token pattern holds: "bearer" (any case), "eyJ",
 * "00D" or "=".  Most texts have none, and this is much cheaper than the
 * regular expression. */
static gboolean
may_hold_token (const char *text)
{
  if (strchr (text, '=') != NULL || strstr (text, "eyJ") != NULL || strstr (text, "00D") != NULL)
    return TRUE;
  for (const char *p = text; (p = strpbrk (p, "bB")) != NULL; p++)
    if (g_ascii_strncasecmp (p, "bearer", 6) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hd_journal_text_has_token (const char *text)
{
  if (text == NULL || !may_hold_token (text))
    return FALSE;
  return g_regex_match (get_token_regex (), text, 0, NULL);
}

static gboolean
is_structural_name (const char *name)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (structural_names); i++)
    if (g_str_equal (name, structural_names[i]))
      return TRUE;
  return g_str_has_suffix (name, "_at") || g_str_has_suffix (name, "_seq");
}

/* A Salesforce record id: 15 or 18 letters and digits, with both. */
static gboolean
is_salesforce_id (const char *value)
{
  gsize len = strlen (value);
  gboolean letters = FALSE, digits = FALSE;

  if (len != 15 && len != 18)
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (g_ascii_isalpha (*p))
        letters = TRUE;
      else
        return FALSE;
    }
  return letters && digits;
}

static char *
scrub_string (const char *parent,
              const char *member,
              const char *value)
{
  g_autofree char *untokened = NULL;

  if (hd_journal_is_token_name (member))
    return g_strdup (HD_JOURNAL_TOKEN_PLACEHOLDER);

  if (hd_journal_text_has_token (value))
    untokened = g_regex_replace_literal (get_token_regex (), value, -1, 0,
                                         HD_JOURNAL_TOKEN_PLACEHOLDER, 0, NULL);
  if (untokened != NULL)
    value = untokened;

  /* Account references are masked as the pane shows them; CRM record ids
   * ("account_id" under "crm") are not account numbers and stay. */
  if ((g_strcmp0 (member, "id") == 0 &&
       (g_strcmp0 (parent, "accounts") == 0 || g_strcmp0 (parent, "linked_accounts") == 0)) ||
      (member != NULL && hd_mask_is_identifier_name (member) && !is_salesforce_id (value)))
    {
      if (g_str_has_prefix (value, HD_MASK_BULLETS) || *value == '\0')
        return g_strdup (value);
      return hd_mask_identifier (value);
    }

  if (is_structural_name (member))
    return g_strdup (value);

  /* Turn texts are chat: a message of bare digits is a one-time code there. */
  return hd_mask_text_full (value, g_strcmp0 (member, "text") == 0 ? HD_MASK_FLAGS_BARE_CODES
                                                                    : HD_MASK_FLAGS_NONE);
}

/* Returns the scrubbed node, or NULL when @node needs no change: a packet
 * is mostly clean, and copying all of it (10,000 turns: tens of thousands
 * of nodes) only to compare took longer than a frame.  A changed object or
 * array is new; its unchanged members are shallow copies that share their
 * contents with @node. */
static JsonNode *
scrub_node (const char *parent,
            const char *member,
            JsonNode   *node,
            guint      *n_changed)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *in = json_node_get_object (node);
        JsonObject *out = NULL;
        JsonNode *result;
        JsonObjectIter iter;
        const char *name;
        JsonNode *child;
        guint n_done = 0;

        json_object_iter_init_ordered (&iter, in);
        while (json_object_iter_next_ordered (&iter, &name, &child))
          {
            JsonNode *scrubbed = scrub_node (member, name, child, n_changed);

            if (scrubbed != NULL && out == NULL)
              {
                JsonObjectIter again;
                const char *earlier;
                JsonNode *kept;

                /* The first change: the members before it, as they are. */
                out = json_object_new ();
                json_object_iter_init_ordered (&again, in);
                for (guint i = 0; i < n_done && json_object_iter_next_ordered (&again, &earlier, &kept); i++)
                  json_object_set_member (out, earlier, json_node_copy (kept));
              }
            if (out != NULL)
              json_object_set_member (out, name, scrubbed != NULL ? scrubbed : json_node_copy (child));
            n_done++;
          }
        if (out == NULL)
          return NULL;
        result = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (result, out);
        return result;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *in = json_node_get_array (node);
        guint n = json_array_get_length (in);
        JsonArray *out = NULL;
        JsonNode *result;

        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (in, i);
            JsonNode *scrubbed = scrub_node (parent, member, element, n_changed);

            if (scrubbed != NULL && out == NULL)
              {
                out = json_array_sized_new (n);
                for (guint j = 0; j < i; j++)
                  json_array_add_element (out, json_node_copy (json_array_get_element (in, j)));
              }
            if (out != NULL)
              json_array_add_element (out, scrubbed != NULL ? scrubbed : json_node_copy (element));
          }
        if (out == NULL)
          return NULL;
        result = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (result, out);
        return result;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *value = json_node_get_string (node);
          g_autofree char *scrubbed = scrub_string (parent, member, value);
          JsonNode *result;

          if (g_str_equal (scrubbed, value))
            return NULL;
          (*n_changed)++;
          result = json_node_new (JSON_NODE_VALUE);
          json_node_set_string (result, scrubbed);
          return result;
        }
      if (hd_journal_is_token_name (member))
        {
          JsonNode *result = json_node_new (JSON_NODE_VALUE);

          (*n_changed)++;
          json_node_set_string (result, HD_JOURNAL_TOKEN_PLACEHOLDER);
          return result;
        }
      return NULL;

    case JSON_NODE_NULL:
    default:
      return NULL;
    }
}

JsonNode *
hd_journal_scrub_payload (JsonNode *payload,
                          guint    *n_changed)
{
  guint changed = 0;
  JsonNode *result;

  g_return_val_if_fail (payload != NULL, NULL);

  result = scrub_node (NULL, NULL, payload, &changed);
  if (n_changed != NULL)
    *n_changed = changed;
  return result != NULL ? result : json_node_copy (payload);
}
