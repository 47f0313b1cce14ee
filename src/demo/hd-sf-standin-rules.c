/* hd-sf-standin-rules.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sf-standin"

#include "config.h"

#include <string.h>

#include "hd-sf-standin-private.h"

/* Validation rules.  A real org's rules look at the whole record as it
 * would be after the write, not only at the fields the request sets: a
 * rule "closing a case requires a disposition" refuses PATCH {Status:
 * Closed} when the stored disposition is empty, and names the disposition
 * field, which the request did not send.  That is what makes a client
 * send the fields of one correction together. */

void
_hd_sf_standin_rule_free (ValidationRule *rule)
{
  g_free (rule->sobject);
  g_free (rule->when_field);
  g_free (rule->when_value);
  g_free (rule->required_field);
  g_free (rule->message);
  g_free (rule);
}

/* The value @field has once @fields are written over @record. */
static JsonNode *
value_after_write (JsonObject *record,
                   JsonObject *fields,
                   const char *field)
{
  JsonNode *node = json_object_get_member (fields, field);

  if (node == NULL && record != NULL)
    node = json_object_get_member (record, field);
  return node;
}

static gboolean
node_is_text (JsonNode   *node,
              const char *text)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (node), text) == 0;
}

static gboolean
node_is_blank (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (json_node_get_string (node)));

      return *stripped == '\0';
    }
  return FALSE;
}

gboolean
_hd_sf_standin_check_rules (HdSfStandin       *self,
                            SoupServerMessage *msg,
                            const char        *sobject,
                            JsonObject        *record,
                            JsonObject        *fields)
{
  for (guint i = 0; i < self->rules->len; i++)
    {
      ValidationRule *rule = g_ptr_array_index (self->rules, i);
      const char *one[] = { rule->required_field, NULL };
      const char *none[] = { NULL };

      if (g_strcmp0 (rule->sobject, sobject) != 0 ||
          !node_is_text (value_after_write (record, fields, rule->when_field), rule->when_value) ||
          !node_is_blank (value_after_write (record, fields, rule->required_field)))
        continue;
      _hd_sf_standin_set_error_array (msg, SOUP_STATUS_BAD_REQUEST, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                                      rule->message, rule->at_field ? one : none);
      return FALSE;
    }
  return TRUE;
}

void
hd_sf_standin_add_validation_rule (HdSfStandin *self,
                                   const char  *sobject,
                                   const char  *when_field,
                                   const char  *when_value,
                                   const char  *required_field,
                                   gboolean     at_field,
                                   const char  *message)
{
  ValidationRule *rule;

  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_return_if_fail (sobject != NULL && when_field != NULL && when_value != NULL);
  g_return_if_fail (required_field != NULL && message != NULL);

  rule = g_new0 (ValidationRule, 1);
  rule->sobject = g_strdup (sobject);
  rule->when_field = g_strdup (when_field);
  rule->when_value = g_strdup (when_value);
  rule->required_field = g_strdup (required_field);
  rule->at_field = at_field;
  rule->message = g_strdup (message);
  g_ptr_array_add (self->rules, rule);
}

void
hd_sf_standin_clear_validation_rules (HdSfStandin *self)
{
  g_return_if_fail (HD_IS_SF_STANDIN (self));
  g_ptr_array_set_size (self->rules, 0);
}
