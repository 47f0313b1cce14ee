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
fetch_describe_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HdCaseDraft *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HdSfDescribe) describe = hd_sf_describe_fetch_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (describe == NULL)
    {
      /* The editor keeps what it showed; writes are checked by Salesforce. */
      g_message ("Could not read the org’s Case fields: %s", error->message);
      return;
    }
  g_set_object (&self->describe, describe);
  check_mapped_fields (self);
  _hd_case_draft_update_dirty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIBE]);
}

void
_hd_case_draft_fetch_describe (HdCaseDraft *self)
{
  g_autofree char *cache_dir = NULL;

  if (self->client == NULL || self->auth == NULL || !hd_sf_auth_get_signed_in (self->auth))
    return;
  /* One read at a time; the newest request wins. */
  g_cancellable_cancel (self->describe_cancellable);
  g_clear_object (&self->describe_cancellable);
  self->describe_cancellable = g_cancellable_new ();
  cache_dir = g_build_filename (g_get_user_cache_dir (), "handoffdesk", "salesforce", NULL);
  hd_sf_describe_fetch_async (self->client, "Case", cache_dir, self->describe_cancellable,
                              fetch_describe_cb, self);
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
