/* hd-customer-card.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hd-handoff.h"

G_BEGIN_DECLS

#define HD_TYPE_CUSTOMER_CARD (hd_customer_card_get_type ())

G_DECLARE_FINAL_TYPE (HdCustomerCard, hd_customer_card, HD, CUSTOMER_CARD, GtkBox)

GtkWidget *hd_customer_card_new              (void);
HdHandoff *hd_customer_card_get_handoff      (HdCustomerCard *self);
void       hd_customer_card_set_handoff      (HdCustomerCard *self,
                                              HdHandoff      *handoff);
gboolean   hd_customer_card_get_allow_reveal (HdCustomerCard *self);
void       hd_customer_card_set_allow_reveal (HdCustomerCard *self,
                                              gboolean        allow_reveal);
gboolean   hd_customer_card_get_show_journal (HdCustomerCard *self);
void       hd_customer_card_set_show_journal (HdCustomerCard *self,
                                              gboolean        show_journal);

G_END_DECLS
