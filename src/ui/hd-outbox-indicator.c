/* hd-outbox-indicator.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-outbox-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-case-field.h"
#include "hd-locale-format.h"
#include "hd-outbox-indicator.h"

struct _HdOutboxIndicator
{
  AdwBin         parent_instance;

  HdOutbox      *outbox;    /* owned */
  char          *summary;

  /* template children */
  GtkMenuButton *button;    /* the bin's child: not a bound template child, which AdwBin would unparent twice */
  GtkWidget     *popover;
  GtkLabel      *summary_label;
  GtkListBox    *list;
  GtkWidget     *list_scroller;
  GtkWidget     *retry_button;
  GtkLabel      *badge_label;
};

G_DEFINE_FINAL_TYPE (HdOutboxIndicator, hd_outbox_indicator, ADW_TYPE_BIN)

enum { PROP_0, PROP_OUTBOX, PROP_SUMMARY, N_PROPS };
static GParamSpec *properties[N_PROPS];

char *
hd_outbox_indicator_describe (HdOutboxState state,
                              guint         pending,
                              guint         attention)
{
  if (pending == 0)
    return g_strdup (_("All edits sent to Salesforce"));
  if (attention > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edit needs your attention",
                                         "%u edits need your attention", attention), attention);
  switch (state)
    {
    case HD_OUTBOX_STATE_OFFLINE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Offline — %u edit queued",
                                           "Offline — %u edits queued", pending), pending);
    case HD_OUTBOX_STATE_BACKING_OFF:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Salesforce is busy — %u edit queued",
                                           "Salesforce is busy — %u edits queued", pending), pending);
    case HD_OUTBOX_STATE_SIGNED_OUT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Signed out — %u edit waits for you to sign in",
                                           "Signed out — %u edits wait for you to sign in", pending), pending);
    case HD_OUTBOX_STATE_SENDING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sending %u edit",
                                           "Sending %u edits", pending), pending);
    case HD_OUTBOX_STATE_IDLE:
    case HD_OUTBOX_STATE_NEEDS_ATTENTION:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u edit waiting to send",
                                           "%u edits waiting to send", pending), pending);
    }
}

/* One entry in words; field values stay out (the popover is glanceable by
 * anyone behind the agent). */
static GtkWidget *
new_entry_row (HdOutboxEntry *entry,
               HdOutboxState  state)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *record = hd_outbox_entry_get_record_id (entry);

  switch (hd_outbox_entry_get_kind (entry))
    {
    case HD_OUTBOX_KIND_CREATE:
      title = g_strdup (_("New case"));
      break;
    case HD_OUTBOX_KIND_COMMENT:
      title = g_strdup (_("Internal comment"));
      break;
    case HD_OUTBOX_KIND_UPDATE:
    default:
      {
        g_auto(GStrv) names = hd_outbox_entry_dup_field_names (entry);
        GString *fields = g_string_new (NULL);

        for (guint i = 0; names != NULL && names[i] != NULL; i++)
          {
            if (i > 0)
              g_string_append (fields, _(", "));
            g_string_append (fields, hd_case_field_get_title (names[i]));
          }
        /* TRANSLATORS: %s lists field names, e.g. "Status, Priority" */
        title = g_strdup_printf (_("Case changes: %s"), fields->str);
        g_string_free (fields, TRUE);
      }
      break;
    }

  switch (hd_outbox_entry_get_state (entry))
    {
    case HD_OUTBOX_ENTRY_SENDING:
      /* An entry stays "sending" after a lost answer until the outbox has
       * checked whether it arrived: for the agent it is still waiting. */
      subtitle = g_strdup (state == HD_OUTBOX_STATE_SENDING ? _("Sending") : _("Waiting to send"));
      break;
    case HD_OUTBOX_ENTRY_CONFLICT:
      subtitle = g_strdup (_("Needs your attention: a colleague changed the case"));
      gtk_widget_add_css_class (row, "outbox-attention");
      break;
    case HD_OUTBOX_ENTRY_REJECTED:
      subtitle = g_strdup (_("Needs your attention: Salesforce refused it"));
      gtk_widget_add_css_class (row, "outbox-attention");
      break;
    case HD_OUTBOX_ENTRY_QUEUED:
    default:
      subtitle = g_strdup (_("Waiting to send"));
      break;
    }
  if (record != NULL)
    {
      g_autofree char *with_record = g_strdup_printf ("%s · %s", subtitle, record);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_record);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Record ids come from the network: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
rebuild_list (HdOutboxIndicator *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->outbox == NULL)
    return;

  entries = hd_outbox_dup_entries (self->outbox);
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->list, new_entry_row (g_ptr_array_index (entries, i),
                                                    hd_outbox_get_state (self->outbox)));
  gtk_widget_set_visible (self->list_scroller, entries->len > 0);
}

static void
update (HdOutboxIndicator *self)
{
  guint pending = self->outbox != NULL ? hd_outbox_get_pending_count (self->outbox) : 0;
  guint attention = self->outbox != NULL ? hd_outbox_get_attention_count (self->outbox) : 0;
  HdOutboxState state = self->outbox != NULL ? hd_outbox_get_state (self->outbox) : HD_OUTBOX_STATE_IDLE;
  g_autofree char *summary = hd_outbox_indicator_describe (state, pending, attention);
  g_autofree char *count = hd_locale_format_count (pending);

  gtk_widget_set_visible (GTK_WIDGET (self), self->outbox != NULL);
  gtk_label_set_text (self->badge_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), pending > 0);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);

  if (attention > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "attention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "attention");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outbox.retry-now",
                                 pending > attention &&
                                 (state == HD_OUTBOX_STATE_OFFLINE || state == HD_OUTBOX_STATE_BACKING_OFF));
  gtk_widget_set_visible (self->retry_button,
                          state == HD_OUTBOX_STATE_OFFLINE || state == HD_OUTBOX_STATE_BACKING_OFF);
  rebuild_list (self);

  if (g_strcmp0 (summary, self->summary) != 0)
    {
      g_free (self->summary);
      self->summary = g_steal_pointer (&summary);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
    }
}

static void
on_outbox_changed_cb (HdOutboxIndicator *self)
{
  update (self);
}

static void
retry_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  HdOutboxIndicator *self = HD_OUTBOX_INDICATOR (widget);

  if (self->outbox != NULL)
    hd_outbox_retry_now (self->outbox);
}

static void
hd_outbox_indicator_dispose (GObject *object)
{
  HdOutboxIndicator *self = HD_OUTBOX_INDICATOR (object);

  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_clear_object (&self->outbox);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_OUTBOX_INDICATOR);

  G_OBJECT_CLASS (hd_outbox_indicator_parent_class)->dispose (object);
}

static void
hd_outbox_indicator_finalize (GObject *object)
{
  HdOutboxIndicator *self = HD_OUTBOX_INDICATOR (object);

  g_free (self->summary);

  G_OBJECT_CLASS (hd_outbox_indicator_parent_class)->finalize (object);
}

static void
hd_outbox_indicator_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HdOutboxIndicator *self = HD_OUTBOX_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      g_value_set_object (value, self->outbox);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_outbox_indicator_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HdOutboxIndicator *self = HD_OUTBOX_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_OUTBOX:
      hd_outbox_indicator_set_outbox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_outbox_indicator_class_init (HdOutboxIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_outbox_indicator_dispose;
  object_class->finalize = hd_outbox_indicator_finalize;
  object_class->get_property = hd_outbox_indicator_get_property;
  object_class->set_property = hd_outbox_indicator_set_property;

  properties[PROP_OUTBOX] =
    g_param_spec_object ("outbox", NULL, NULL, HD_TYPE_OUTBOX,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-outbox-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, list);
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, retry_button);
  gtk_widget_class_bind_template_child (widget_class, HdOutboxIndicator, badge_label);

  gtk_widget_class_install_action (widget_class, "outbox.retry-now", NULL, retry_now_action);
}

static void
hd_outbox_indicator_init (HdOutboxIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->button = GTK_MENU_BUTTON (adw_bin_get_child (ADW_BIN (self)));
  update (self);
}

GtkWidget *
hd_outbox_indicator_new (void)
{
  return g_object_new (HD_TYPE_OUTBOX_INDICATOR, NULL);
}

HdOutbox *
hd_outbox_indicator_get_outbox (HdOutboxIndicator *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_INDICATOR (self), NULL);
  return self->outbox;
}

void
hd_outbox_indicator_set_outbox (HdOutboxIndicator *self,
                                HdOutbox          *outbox)
{
  g_return_if_fail (HD_IS_OUTBOX_INDICATOR (self));
  g_return_if_fail (outbox == NULL || HD_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;
  if (self->outbox != NULL)
    g_signal_handlers_disconnect_by_data (self->outbox, self);
  g_set_object (&self->outbox, outbox);
  if (outbox != NULL)
    {
      g_signal_connect_swapped (outbox, "notify::pending-count", G_CALLBACK (on_outbox_changed_cb), self);
      g_signal_connect_swapped (outbox, "notify::attention-count", G_CALLBACK (on_outbox_changed_cb), self);
      g_signal_connect_swapped (outbox, "notify::state", G_CALLBACK (on_outbox_changed_cb), self);
      g_signal_connect_swapped (outbox, "sent", G_CALLBACK (on_outbox_changed_cb), self);
      g_signal_connect_swapped (outbox, "conflict", G_CALLBACK (on_outbox_changed_cb), self);
      g_signal_connect_swapped (outbox, "rejected", G_CALLBACK (on_outbox_changed_cb), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTBOX]);
}

const char *
hd_outbox_indicator_get_summary (HdOutboxIndicator *self)
{
  g_return_val_if_fail (HD_IS_OUTBOX_INDICATOR (self), NULL);
  return self->summary;
}
