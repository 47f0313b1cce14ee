/* hd-audit-view.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-audit-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-audit-view.h"

struct _HdAuditView
{
  AdwBin        parent_instance;

  HdAuditTrail *trail;          /* owned, nullable */
  gboolean      busy;

  /* template children */
  GtkStack     *stack;
  GtkSpinner   *spinner;
  GtkLabel     *title_label;
  GtkBox       *sections_box;
  GtkWidget    *copy_button;
};

G_DEFINE_FINAL_TYPE (HdAuditView, hd_audit_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_TRAIL, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GtkWidget *
plain_label_new (const char *text)
{
  /* Items quote customers and agents: never parse them as markup. */
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  return label;
}

static GtkWidget *
section_new (HdAuditTrail   *trail,
             HdAuditSection  section)
{
  const char * const *items = hd_audit_trail_get_items (trail, section);
  const char *heading_text = hd_audit_section_get_heading (section);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "label", heading_text,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (box, "audit-section");
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "audit-items");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), card);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  if (items == NULL || items[0] == NULL)
    {
      GtkWidget *none = plain_label_new (_("Nothing recorded"));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (card), none);
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    gtk_box_append (GTK_BOX (card), plain_label_new (items[i]));

  return box;
}

static void
rebuild (HdAuditView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.copy", !self->busy && self->trail != NULL);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  if (self->busy)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  if (self->trail == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  {
    g_autofree char *title = g_strdup_printf (_("Audit Trail of %s"),
                                              hd_audit_trail_get_handoff_id (self->trail));

    gtk_label_set_text (self->title_label, title);
  }
  for (guint s = 0; s < HD_AUDIT_N_SECTIONS; s++)
    gtk_box_append (self->sections_box, section_new (self->trail, s));
  gtk_stack_set_visible_child_name (self->stack, "trail");
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HdAuditView *self = HD_AUDIT_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->busy || self->trail == NULL)
    return;

  text = hd_audit_trail_to_text (self->trail);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  gtk_widget_activate_action (widget, "win.show-toast", "s", _("Audit trail copied"));
}

static void
hd_audit_view_dispose (GObject *object)
{
  HdAuditView *self = HD_AUDIT_VIEW (object);

  g_clear_object (&self->trail);
  /* The stack is both AdwBin's child and a template child: unparent it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_AUDIT_VIEW);

  G_OBJECT_CLASS (hd_audit_view_parent_class)->dispose (object);
}

static void
hd_audit_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HdAuditView *self = HD_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRAIL:
      g_value_set_object (value, self->trail);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_audit_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HdAuditView *self = HD_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_TRAIL:
      hd_audit_view_set_trail (self, g_value_get_object (value));
      break;
    case PROP_BUSY:
      hd_audit_view_set_busy (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_audit_view_class_init (HdAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_audit_view_dispose;
  object_class->get_property = hd_audit_view_get_property;
  object_class->set_property = hd_audit_view_set_property;

  properties[PROP_TRAIL] =
    g_param_spec_object ("trail", NULL, NULL, HD_TYPE_AUDIT_TRAIL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HdAuditView, stack);
  gtk_widget_class_bind_template_child (widget_class, HdAuditView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HdAuditView, title_label);
  gtk_widget_class_bind_template_child (widget_class, HdAuditView, sections_box);
  gtk_widget_class_bind_template_child (widget_class, HdAuditView, copy_button);
  gtk_widget_class_install_action (widget_class, "audit.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "audit.copy", NULL);
}

static void
hd_audit_view_init (HdAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
hd_audit_view_new (void)
{
  return g_object_new (HD_TYPE_AUDIT_VIEW, NULL);
}

HdAuditTrail *
hd_audit_view_get_trail (HdAuditView *self)
{
  g_return_val_if_fail (HD_IS_AUDIT_VIEW (self), NULL);

  return self->trail;
}

void
hd_audit_view_set_trail (HdAuditView  *self,
                         HdAuditTrail *trail)
{
  g_return_if_fail (HD_IS_AUDIT_VIEW (self));
  g_return_if_fail (trail == NULL || HD_IS_AUDIT_TRAIL (trail));

  if (!g_set_object (&self->trail, trail))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAIL]);
}

gboolean
hd_audit_view_get_busy (HdAuditView *self)
{
  g_return_val_if_fail (HD_IS_AUDIT_VIEW (self), FALSE);

  return self->busy;
}

void
hd_audit_view_set_busy (HdAuditView *self,
                        gboolean     busy)
{
  g_return_if_fail (HD_IS_AUDIT_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}
