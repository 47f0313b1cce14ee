/* hd-case-field.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-field"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hd-error.h"

#include "hd-case-field.h"
#include "hd-sf-client.h"

/* Disposition and next step are custom fields whose API names each org
 * chooses (the settings salesforce-disposition-field and
 * salesforce-next-step-field, applied by the application at start-up). */
static char *field_api[HD_CASE_N_FIELDS] = {
  (char *) HD_SF_CASE_STATUS,
  (char *) HD_SF_CASE_PRIORITY,
  (char *) HD_SF_CASE_TYPE,
  (char *) HD_SF_CASE_SUBCATEGORY,
  (char *) HD_SF_CASE_DISPOSITION,
  (char *) HD_SF_CASE_NEXT_STEP,
  (char *) HD_SF_CASE_DESCRIPTION,
};

const char *
hd_case_field_get_api_name (HdCaseField field)
{
  g_return_val_if_fail (field < HD_CASE_N_FIELDS, NULL);
  return field_api[field];
}

int
hd_case_field_from_api_name (const char *api_name)
{
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    if (g_strcmp0 (field_api[i], api_name) == 0)
      return (int) i;
  return -1;
}

gboolean
hd_case_field_set_api_name (HdCaseField   field,
                            const char   *api_name,
                            GError      **error)
{
  static const char * const defaults[] = { HD_SF_CASE_DISPOSITION, HD_SF_CASE_NEXT_STEP };
  static char *owned[G_N_ELEMENTS (defaults)];
  guint slot = field == HD_CASE_FIELD_DISPOSITION ? 0 : 1;

  g_return_val_if_fail (field == HD_CASE_FIELD_DISPOSITION || field == HD_CASE_FIELD_NEXT_STEP, FALSE);

  if (api_name == NULL || *api_name == '\0')
    api_name = defaults[slot];
  /* An API name: letters, digits and underscores, starting with a letter. */
  if (!g_ascii_isalpha (api_name[0]) || strlen (api_name) > 80 ||
      strspn (api_name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen (api_name))
    {
      g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("“%s” is not a Salesforce field API name"), api_name);
      return FALSE;
    }
  for (guint i = 0; i < HD_CASE_N_FIELDS; i++)
    if (i != field && g_strcmp0 (field_api[i], api_name) == 0)
      {
        g_set_error (error, HD_ERROR, HD_ERROR_PARSE, _("The Case field “%s” already holds another value"),
                     api_name);
        return FALSE;
      }
  g_free (owned[slot]);
  owned[slot] = g_strdup (api_name);
  field_api[field] = owned[slot];
  return TRUE;
}

const char *
hd_case_field_get_title (const char *api_name)
{
  if (g_strcmp0 (api_name, HD_SF_CASE_STATUS) == 0)
    return _("Status");
  if (g_strcmp0 (api_name, HD_SF_CASE_PRIORITY) == 0)
    return _("Priority");
  if (g_strcmp0 (api_name, HD_SF_CASE_TYPE) == 0)
    return _("Type");
  if (g_strcmp0 (api_name, HD_SF_CASE_SUBCATEGORY) == 0)
    return _("Subcategory");
  if (g_strcmp0 (api_name, field_api[HD_CASE_FIELD_DISPOSITION]) == 0)
    return _("Disposition");
  if (g_strcmp0 (api_name, field_api[HD_CASE_FIELD_NEXT_STEP]) == 0)
    return _("Next step");
  if (g_strcmp0 (api_name, HD_SF_CASE_DESCRIPTION) == 0)
    return _("Description");
  if (g_strcmp0 (api_name, "CommentBody") == 0)
    return _("Internal comment");
  return api_name;
}

char *
hd_case_field_dup_value_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
    }
  return json_to_string (node, FALSE);
}

static void
append_line (GString    *text,
             const char *label,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (text, '\n');
  /* TRANSLATORS: a detail the bot captured, e.g. "Country: United Arab Emirates" */
  g_string_append_printf (text, _("%s: %s"), label, value);
}

static void
append_fields (GString    *details,
               GListModel *fields)
{
  guint n = fields != NULL ? g_list_model_get_n_items (fields) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdField) field = g_list_model_get_item (fields, i);
      g_autofree char *name = hd_packet_format_token (hd_field_get_name (field));
      const char *label = hd_field_get_label (field);

      append_line (details, label != NULL ? label : name, hd_field_get_value (field));
    }
}

char *
hd_case_field_build_description (HdPacket *packet)
{
  HdCaseFields *case_fields;
  const char *summary;
  GString *text;
  GString *details;

  g_return_val_if_fail (HD_IS_PACKET (packet), NULL);

  case_fields = hd_packet_get_case_fields (packet);
  summary = hd_summary_get_text (hd_packet_get_summary (packet));
  text = g_string_new (summary != NULL ? summary : "");
  details = g_string_new (NULL);
  append_fields (details, hd_case_fields_get_form_fields (case_fields));
  append_fields (details, hd_packet_get_entities (packet));

  if (details->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* Written into the Salesforce case, which the whole bank reads: data sent
       * to the CRM must not depend on the language of this agent's desktop, so
       * the label stays English (not marked for translation). */
      g_string_append (text, "Captured by the bot:");
      g_string_append (text, details->str);
    }
  g_string_free (details, TRUE);
  return g_string_free (text, FALSE);
}
