/* hd-case-draft-describe.c: the org's Case describe, and what it lets the
 * draft send
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-case-draft"

#include "config.h"

#include "hd-case-draft-private.h"

#define properties _hd_case_draft_properties

static void
check_mapped_fields (HdCaseDraft *self)
{
  static const HdCaseField custom[] = { HD_CASE_FIELD_DISPOSITION, HD_CASE_FIELD_NEXT_STEP };

  /* Which Case fields hold disposition and next step is a setting; one the
   * org lacks is hidden in the editor and never sent. */
  for (guint i = 0; i < G_N_ELEMENTS (custom); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!hd_sf_describe_check_field (self->describe, hd_case_field_get_api_name (custom[i]), TRUE, &error))
        g_message ("%s; the case editor leaves it out (settings salesforce-disposition-field, "
                   "salesforce-next-step-field)", error->message);
    }
}

static void
on_describe_cb (HdCaseDraft *self)
{
  HdSfDescribe *describe = hd_sf_describe_cache_get_describe (self->describe_cache);

  if (describe != NULL && g_set_object (&self->describe, describe))
    check_mapped_fields (self);
  _hd_case_draft_update_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIBE]);
}

static void
on_picklists_changed_cb (HdCaseDraft *self,
                         const char  *record_type_id)
{
  if (g_strcmp0 (record_type_id, self->record_type_id) == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIBE]);
}

void
_hd_case_draft_connect_describe (HdCaseDraft *self)
{
  HdSfDescribeCache *cache = hd_sf_describe_cache_get_for_auth (self->auth);

  g_set_object (&self->describe_cache, cache);
  g_signal_connect_swapped (cache, "notify::describe", G_CALLBACK (on_describe_cb), self);
  g_signal_connect_swapped (cache, "picklists-changed", G_CALLBACK (on_picklists_changed_cb), self);
  if (hd_sf_describe_cache_get_describe (cache) != NULL)
    on_describe_cb (self);
}

void
_hd_case_draft_disconnect_describe (HdCaseDraft *self)
{
  if (self->describe_cache != NULL)
    g_signal_handlers_disconnect_by_data (self->describe_cache, self);
  g_clear_object (&self->describe_cache);
}

void
_hd_case_draft_fetch_describe (HdCaseDraft *self)
{
  if (self->client == NULL || self->describe_cache == NULL || !hd_sf_auth_get_signed_in (self->auth))
    return;
  /* Once per sign-in, whatever the number of cases shown. */
  hd_sf_describe_cache_ensure (self->describe_cache, self->client);
  if (self->record_type_id != NULL)
    hd_sf_describe_cache_ensure_picklists (self->describe_cache, self->client, self->record_type_id);
}

void
_hd_case_draft_set_record_type (HdCaseDraft *self,
                                const char  *record_type_id)
{
  /* The master record type's values are the describe's own. */
  if (g_strcmp0 (record_type_id, HD_SF_MASTER_RECORD_TYPE) == 0 || (record_type_id != NULL && *record_type_id == '\0'))
    record_type_id = NULL;
  if (g_strcmp0 (record_type_id, self->record_type_id) == 0)
    return;
  g_free (self->record_type_id);
  self->record_type_id = g_strdup (record_type_id);
  _hd_case_draft_fetch_describe (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIBE]);
}

void
_hd_case_draft_check_stale (HdCaseDraft *self,
                            GPtrArray   *errors)
{
  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      HdSfApiError *error = g_ptr_array_index (errors, i);

      if (hd_sf_describe_cache_is_stale_error (error->error_code) && self->describe_cache != NULL &&
          self->client != NULL && hd_sf_auth_get_signed_in (self->auth))
        {
          g_debug ("Salesforce refused a field or value (%s): reading the describe again", error->error_code);
          hd_sf_describe_cache_refresh_async (self->describe_cache, self->client, NULL, NULL, NULL);
          return;
        }
    }
}

gboolean
_hd_case_draft_can_write (HdCaseDraft *self,
                          const char  *api_name,
                          gboolean     create)
{
  if (self->describe == NULL)
    return TRUE;
  return create ? hd_sf_describe_is_createable (self->describe, api_name)
                : hd_sf_describe_is_updateable (self->describe, api_name);
}

void
_hd_case_draft_filter_fields (HdCaseDraft *self,
                              JsonObject  *fields,
                              gboolean     create)
{
  g_autoptr(GList) names = json_object_get_members (fields);

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (fields, l->data);
      const char *value = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                            ? json_node_get_string (node) : NULL;

      /* A field the org lacks, and a value it would refuse that the agent
       * never chose (the create's fixed Origin), are left out. */
      if (!_hd_case_draft_can_write (self, l->data, create) ||
          (create && value != NULL && self->describe != NULL &&
           !hd_sf_describe_accepts_value (self->describe, l->data, value)))
        json_object_remove_member (fields, l->data);
    }
}

HdSfDescribe *
hd_case_draft_get_describe (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->describe;
}

const char *
hd_case_draft_get_record_type_id (HdCaseDraft *self)
{
  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  return self->record_type_id;
}

static gboolean
is_picklist (HdSfDescribe *describe,
             const char   *api_name)
{
  const char *type = hd_sf_describe_get_field_type (describe, api_name);

  return g_strcmp0 (type, "picklist") == 0;
}

GStrv
hd_case_draft_dup_picklist_values (HdCaseDraft *self,
                                   HdCaseField  field)
{
  const char *api_name;
  const char *controller;
  const char *controller_value = NULL;
  gboolean known_controller = FALSE;
  HdSfPicklists *picklists;

  g_return_val_if_fail (HD_IS_CASE_DRAFT (self), NULL);
  g_return_val_if_fail (field < HD_CASE_N_FIELDS, NULL);

  api_name = hd_case_field_get_api_name (field);
  if (self->describe == NULL || !is_picklist (self->describe, api_name))
    return NULL;
  controller = hd_sf_describe_get_controller (self->describe, api_name);
  if (controller != NULL)
    {
      int controlling = hd_case_field_from_api_name (controller);

      /* A controller the editor does not show cannot change here: every
       * value stays on offer, and Salesforce checks the pair. */
      known_controller = controlling >= 0;
      if (known_controller)
        controller_value = self->fields[controlling];
    }
  picklists = self->describe_cache != NULL
                ? hd_sf_describe_cache_get_picklists (self->describe_cache, self->record_type_id) : NULL;
  if (picklists != NULL && hd_sf_picklists_has_field (picklists, api_name) &&
      (controller == NULL || known_controller))
    return hd_sf_picklists_dup_values (picklists, api_name, controller_value);
  if (controller != NULL && known_controller)
    return hd_sf_describe_dup_dependent_values (self->describe, api_name, controller_value);
  return hd_sf_describe_dup_picklist_values (self->describe, api_name);
}
