/* hd-verification-badge.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-verification-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-verification-badge.h"

/* How often the relative time and the stale rule are re-evaluated while shown. */
#define REFRESH_SECONDS 15

struct _HdVerificationBadge
{
  AdwBin               parent_instance;

  HdVerification      *verification;        /* owned, may be NULL */
  guint                stale_after_seconds;
  HdVerificationState  state;
  char                *title;
  guint                refresh_id;

  /* template children */
  GtkBox              *box;
  GtkImage            *icon;
  GtkLabel            *title_label;
  GtkLabel            *advice_label;
  GtkLabel            *method_label;
  GtkLabel            *scope_label;
  GtkLabel            *consents_label;
};

G_DEFINE_FINAL_TYPE (HdVerificationBadge, hd_verification_badge, ADW_TYPE_BIN)

enum { PROP_0, PROP_VERIFICATION, PROP_STALE_AFTER_SECONDS, PROP_STATE, PROP_TITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char * const state_classes[] = {
  "verification-none", "verification-verified", "verification-partial", "verification-stale",
};

static const char * const state_icons[] = {
  "dialog-error-symbolic", "security-high-symbolic", "security-medium-symbolic",
  "dialog-warning-symbolic",
};

static void
set_optional_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
hd_verification_badge_refresh (HdVerificationBadge *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(HdVerificationSummary) summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  HdVerificationState old_state;

  g_return_if_fail (HD_IS_VERIFICATION_BADGE (self));

  now = g_date_time_new_now_utc ();
  summary = hd_verification_summarize (self->verification, now, self->stale_after_seconds);

  old_state = self->state;
  self->state = summary->state;
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if (i == summary->state)
      gtk_widget_add_css_class (GTK_WIDGET (self->box), state_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->box), state_classes[i]);
  gtk_image_set_from_icon_name (self->icon, state_icons[summary->state]);

  gtk_label_set_text (self->title_label, summary->title);
  set_optional_text (self->advice_label, summary->advice);
  set_optional_text (self->method_label, summary->method);
  set_optional_text (self->scope_label, summary->scope);
  set_optional_text (self->consents_label, summary->consents);

  /* The state in words for screen readers, never colour or icon alone. */
  label = g_strdup_printf (_("Verification: %s"), summary->title);
  description = hd_verification_summary_to_string (summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  if (g_strcmp0 (self->title, summary->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (summary->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (old_state != self->state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
refresh_cb (gpointer user_data)
{
  hd_verification_badge_refresh (HD_VERIFICATION_BADGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
hd_verification_badge_map (GtkWidget *widget)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (widget);

  GTK_WIDGET_CLASS (hd_verification_badge_parent_class)->map (widget);

  hd_verification_badge_refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
hd_verification_badge_unmap (GtkWidget *widget)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (hd_verification_badge_parent_class)->unmap (widget);
}

static void
hd_verification_badge_dispose (GObject *object)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->verification);
  /* The bin's child is a bound template child: detach it from the bin first,
   * or AdwBin would unparent it again after the template dropped it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_VERIFICATION_BADGE);

  G_OBJECT_CLASS (hd_verification_badge_parent_class)->dispose (object);
}

static void
hd_verification_badge_finalize (GObject *object)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (object);

  g_free (self->title);

  G_OBJECT_CLASS (hd_verification_badge_parent_class)->finalize (object);
}

static void
hd_verification_badge_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (object);

  switch (prop_id)
    {
    case PROP_VERIFICATION:
      g_value_set_object (value, self->verification);
      break;
    case PROP_STALE_AFTER_SECONDS:
      g_value_set_uint (value, self->stale_after_seconds);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_verification_badge_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HdVerificationBadge *self = HD_VERIFICATION_BADGE (object);

  switch (prop_id)
    {
    case PROP_VERIFICATION:
      hd_verification_badge_set_verification (self, g_value_get_object (value));
      break;
    case PROP_STALE_AFTER_SECONDS:
      hd_verification_badge_set_stale_after_seconds (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_verification_badge_class_init (HdVerificationBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_verification_badge_dispose;
  object_class->finalize = hd_verification_badge_finalize;
  object_class->get_property = hd_verification_badge_get_property;
  object_class->set_property = hd_verification_badge_set_property;
  widget_class->map = hd_verification_badge_map;
  widget_class->unmap = hd_verification_badge_unmap;

  properties[PROP_VERIFICATION] =
    g_param_spec_object ("verification", NULL, NULL, HD_TYPE_VERIFICATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STALE_AFTER_SECONDS] =
    g_param_spec_uint ("stale-after-seconds", NULL, NULL,
                       0, G_MAXUINT, HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* An HdVerificationState; a plain int as the enum has no GType of its own. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      HD_VERIFICATION_STATE_NOT_VERIFIED, HD_VERIFICATION_STATE_STALE,
                      HD_VERIFICATION_STATE_NOT_VERIFIED,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-verification-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, box);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, icon);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, title_label);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, advice_label);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, method_label);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, scope_label);
  gtk_widget_class_bind_template_child (widget_class, HdVerificationBadge, consents_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
hd_verification_badge_init (HdVerificationBadge *self)
{
  self->stale_after_seconds = HD_VERIFICATION_DEFAULT_STALE_AFTER_SECONDS;
  self->state = HD_VERIFICATION_STATE_NOT_VERIFIED;
  gtk_widget_init_template (GTK_WIDGET (self));
  hd_verification_badge_refresh (self);
}

GtkWidget *
hd_verification_badge_new (void)
{
  return g_object_new (HD_TYPE_VERIFICATION_BADGE, NULL);
}

HdVerification *
hd_verification_badge_get_verification (HdVerificationBadge *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION_BADGE (self), NULL);
  return self->verification;
}

void
hd_verification_badge_set_verification (HdVerificationBadge *self,
                                        HdVerification      *verification)
{
  g_return_if_fail (HD_IS_VERIFICATION_BADGE (self));
  g_return_if_fail (verification == NULL || HD_IS_VERIFICATION (verification));

  if (!g_set_object (&self->verification, verification))
    return;
  hd_verification_badge_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFICATION]);
}

guint
hd_verification_badge_get_stale_after_seconds (HdVerificationBadge *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION_BADGE (self), 0);
  return self->stale_after_seconds;
}

void
hd_verification_badge_set_stale_after_seconds (HdVerificationBadge *self,
                                               guint                seconds)
{
  g_return_if_fail (HD_IS_VERIFICATION_BADGE (self));

  if (self->stale_after_seconds == seconds)
    return;
  self->stale_after_seconds = seconds;
  hd_verification_badge_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE_AFTER_SECONDS]);
}

HdVerificationState
hd_verification_badge_get_state (HdVerificationBadge *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION_BADGE (self), HD_VERIFICATION_STATE_NOT_VERIFIED);
  return self->state;
}

const char *
hd_verification_badge_get_title (HdVerificationBadge *self)
{
  g_return_val_if_fail (HD_IS_VERIFICATION_BADGE (self), NULL);
  return self->title;
}
