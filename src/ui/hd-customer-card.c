/* hd-customer-card.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-customer-card"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-card-rows.h"
#include "hd-customer-card.h"
#include "hd-packet.h"
#include "hd-ui-format.h"

/* The pane's card about the customer.  It only shows its handoff's packet:
 * the journal menu and the Reveal buttons ask upward through the pane's
 * actions, and the card never sees an unmasked number. */
struct _HdCustomerCard
{
  GtkBox     parent_instance;

  HdHandoff *handoff;              /* owned */
  gboolean   allow_reveal;

  /* template children */
  GtkLabel  *customer_name_label;
  GtkLabel  *customer_meta_label;
  GtkGrid   *customer_grid;
  GtkWidget *journal_button;
};

G_DEFINE_FINAL_TYPE (HdCustomerCard, hd_customer_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_HANDOFF,
  PROP_ALLOW_REVEAL,
  PROP_SHOW_JOURNAL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static char *
describe_account (HdAccountRef *account)
{
  const char *label = hd_account_ref_get_label (account);
  const char *masked = hd_account_ref_get_masked_id (account);
  g_autofree char *kind = hd_ui_format_token (hd_account_ref_get_kind (account));
  const char *name = label != NULL ? label : kind;

  if (name == NULL)
    return g_strdup (masked != NULL ? masked : "");
  if (masked == NULL)
    return g_strdup (name);
  /* TRANSLATORS: an account and its masked number, e.g. "Premier savings ••••6789" */
  return g_strdup_printf (_("%s %s"), name, masked);
}

/* Takes away whatever is in the grid's cell (@column, @row). */
static void
clear_cell (GtkGrid *grid,
            int      column,
            int      row)
{
  GtkWidget *child = gtk_grid_get_child_at (grid, column, row);

  if (child != NULL)
    gtk_grid_remove (grid, child);
}

/* One row per account, the key on the first only.  Next to each a "Reveal"
 * button, shown only while policy allows it: it asks upward through
 * pane.reveal, the card itself never sees the unmasked number.  The rows
 * and buttons of the previous handoff are reused. */
static void
add_account_rows (HdCustomerCard *self,
                  int            *row,
                  const char     *key,
                  GListModel     *accounts,
                  gboolean        linked)
{
  guint n = accounts != NULL ? g_list_model_get_n_items (accounts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HdAccountRef) account = g_list_model_get_item (accounts, i);
      g_autofree char *line = describe_account (account);
      g_autofree char *tooltip = NULL;
      GtkWidget *button;
      int at = *row;

      hd_card_rows_set_row (self->customer_grid, row, i == 0 ? key : "", line);
      if (*row == at)
        continue;

      button = gtk_grid_get_child_at (self->customer_grid, 2, at);
      if (button == NULL)
        {
          button = gtk_button_new_with_label (_("Reveal"));
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "caption");
          gtk_widget_add_css_class (button, "reveal-button");
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          /* The target first: the action takes one. */
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(bu)", linked, i);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pane.reveal");
          gtk_grid_attach (self->customer_grid, button, 2, at, 1, 1);
        }
      /* A visible widget's new tooltip asks the X server where the pointer
       * is, a round trip per button: hidden, it does not. */
      gtk_widget_set_visible (button, FALSE);
      /* TRANSLATORS: the tooltip of the Reveal button, e.g. "Reveal Premier savings ••••6789" */
      tooltip = g_strdup_printf (_("Reveal %s"), line);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(bu)", linked, i);
      gtk_widget_set_visible (button, self->allow_reveal);
    }
}

/* With no handoff the card keeps what it showed: the pane hides it then. */
static void
update (HdCustomerCard *self)
{
  HdPacket *packet = self->handoff != NULL ? hd_handoff_get_packet (self->handoff) : NULL;
  HdCustomer *customer;
  const char *name;
  g_autofree char *segment = NULL;
  g_autofree char *meta = NULL;
  const char *channel;
  int row = 0;

  if (packet == NULL)
    return;

  customer = hd_packet_get_customer (packet);
  name = hd_customer_get_name (customer);
  segment = hd_ui_format_token (hd_customer_get_segment (customer));
  channel = hd_ui_format_channel (hd_customer_get_channel (customer));

  gtk_label_set_text (self->customer_name_label,
                      name != NULL && *name != '\0' ? name : _("Name not given"));
  if (segment != NULL)
    /* TRANSLATORS: customer segment and channel, e.g. "Premier · In-app chat" */
    meta = g_strdup_printf (_("%s · %s"), segment, channel);
  else
    meta = g_strdup (channel);
  gtk_label_set_text (self->customer_meta_label, meta);

  hd_card_rows_set_row (self->customer_grid, &row, _("CRM account"), hd_customer_get_crm_account_id (customer));
  hd_card_rows_set_row (self->customer_grid, &row, _("CRM contact"), hd_customer_get_crm_contact_id (customer));
  /* Those two rows have no Reveal button (a reused row may have had one). */
  for (int i = 0; i < row; i++)
    clear_cell (self->customer_grid, 2, i);
  add_account_rows (self, &row, _("Accounts"), hd_customer_get_accounts (customer), FALSE);
  add_account_rows (self, &row, _("Linked"), hd_customer_get_linked_accounts (customer), TRUE);
  hd_card_rows_trim (self->customer_grid, row);
}

static void
hd_customer_card_dispose (GObject *object)
{
  HdCustomerCard *self = HD_CUSTOMER_CARD (object);

  g_clear_object (&self->handoff);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_CUSTOMER_CARD);

  G_OBJECT_CLASS (hd_customer_card_parent_class)->dispose (object);
}

static void
hd_customer_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HdCustomerCard *self = HD_CUSTOMER_CARD (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      g_value_set_object (value, self->handoff);
      break;
    case PROP_ALLOW_REVEAL:
      g_value_set_boolean (value, self->allow_reveal);
      break;
    case PROP_SHOW_JOURNAL:
      g_value_set_boolean (value, hd_customer_card_get_show_journal (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_customer_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HdCustomerCard *self = HD_CUSTOMER_CARD (object);

  switch (prop_id)
    {
    case PROP_HANDOFF:
      hd_customer_card_set_handoff (self, g_value_get_object (value));
      break;
    case PROP_ALLOW_REVEAL:
      hd_customer_card_set_allow_reveal (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_JOURNAL:
      hd_customer_card_set_show_journal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_customer_card_class_init (HdCustomerCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_customer_card_dispose;
  object_class->get_property = hd_customer_card_get_property;
  object_class->set_property = hd_customer_card_set_property;

  properties[PROP_HANDOFF] =
    g_param_spec_object ("handoff", NULL, NULL, HD_TYPE_HANDOFF,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether policy lets the agent reveal an account's number: shows the Reveal buttons. */
  properties[PROP_ALLOW_REVEAL] =
    g_param_spec_boolean ("allow-reveal", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the journal menu is offered (the agent's own chats only). */
  properties[PROP_SHOW_JOURNAL] =
    g_param_spec_boolean ("show-journal", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-customer-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HdCustomerCard, customer_name_label);
  gtk_widget_class_bind_template_child (widget_class, HdCustomerCard, customer_meta_label);
  gtk_widget_class_bind_template_child (widget_class, HdCustomerCard, customer_grid);
  gtk_widget_class_bind_template_child (widget_class, HdCustomerCard, journal_button);
}

static void
hd_customer_card_init (HdCustomerCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Customer"), -1);
}

GtkWidget *
hd_customer_card_new (void)
{
  return g_object_new (HD_TYPE_CUSTOMER_CARD, NULL);
}

HdHandoff *
hd_customer_card_get_handoff (HdCustomerCard *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER_CARD (self), NULL);
  return self->handoff;
}

void
hd_customer_card_set_handoff (HdCustomerCard *self,
                              HdHandoff      *handoff)
{
  g_return_if_fail (HD_IS_CUSTOMER_CARD (self));
  g_return_if_fail (handoff == NULL || HD_IS_HANDOFF (handoff));

  if (!g_set_object (&self->handoff, handoff))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDOFF]);
}

gboolean
hd_customer_card_get_allow_reveal (HdCustomerCard *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER_CARD (self), FALSE);
  return self->allow_reveal;
}

void
hd_customer_card_set_allow_reveal (HdCustomerCard *self,
                                   gboolean        allow_reveal)
{
  g_return_if_fail (HD_IS_CUSTOMER_CARD (self));

  allow_reveal = !!allow_reveal;
  if (self->allow_reveal == allow_reveal)
    return;
  self->allow_reveal = allow_reveal;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->customer_grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "reveal-button"))
      gtk_widget_set_visible (child, allow_reveal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_REVEAL]);
}

gboolean
hd_customer_card_get_show_journal (HdCustomerCard *self)
{
  g_return_val_if_fail (HD_IS_CUSTOMER_CARD (self), FALSE);
  return gtk_widget_get_visible (self->journal_button);
}

void
hd_customer_card_set_show_journal (HdCustomerCard *self,
                                   gboolean        show_journal)
{
  g_return_if_fail (HD_IS_CUSTOMER_CARD (self));

  show_journal = !!show_journal;
  if (hd_customer_card_get_show_journal (self) == show_journal)
    return;
  gtk_widget_set_visible (self->journal_button, show_journal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_JOURNAL]);
}
