/* hd-a11y.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-a11y"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hd-a11y.h"

void
hd_a11y_set_name (GtkWidget  *widget,
                  const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* @label without its mnemonic marks: "_Keep Offer" is "Keep Offer", "__" is "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

void
hd_a11y_fix_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* Only buttons with a mnemonic: GTK sets their accessible label (to the marked text,
   * unless the template names them), so without the relation they keep a name.  Plain
   * buttons are named by their label alone already.  Buttons with an icon and a label
   * (AdwButtonContent) are named by their templates. */
  if (GTK_IS_BUTTON (root) &&
      ((gtk_button_get_label (GTK_BUTTON (root)) != NULL && gtk_button_get_use_underline (GTK_BUTTON (root))) ||
       ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (root)))))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    hd_a11y_fix_buttons (child);
}

void
hd_a11y_fix_dialog_buttons (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WIDGET (dialog));

  /* A dialog's response buttons are libadwaita's, named by no template: each is named by
   * its label without the marks (GTK 4.8 alone says "_Keep Offer Keep Offer"). */
  if (GTK_IS_BUTTON (dialog) && gtk_button_get_use_underline (GTK_BUTTON (dialog)) &&
      gtk_button_get_label (GTK_BUTTON (dialog)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (dialog)));

      gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (dialog); child != NULL; child = gtk_widget_get_next_sibling (child))
    hd_a11y_fix_dialog_buttons (child);
}

void
hd_a11y_name_drop_down (GtkDropDown *drop_down,
                        const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
hd_a11y_name_list_row (GtkWidget  *child,
                       const char *name)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (name != NULL);

  /* GTK 4.8 has no way to name a list item (GtkListItem:accessible-label came in 4.12): the
   * row widget that holds @child is named directly. */
  row = gtk_widget_get_parent (child);
  if (row != NULL && !GTK_IS_LIST_VIEW (row))
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
hd_a11y_expose_editable (GtkEditable *editable,
                         const char  *name)
{
  GtkEditable *text;

  g_return_if_fail (GTK_IS_EDITABLE (editable));
  g_return_if_fail (name != NULL);

  text = gtk_editable_get_delegate (editable);
  if (text == NULL)
    text = editable;
  /* GtkEntry answers for its own GtkText (it asks the text whether it has the focus); an
   * AdwEntryRow in libadwaita 1.2 does not, so its text must speak for itself.  The role
   * can only change before the accessible is realized, which happens once it is shown. */
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)) == GTK_ACCESSIBLE_ROLE_NONE &&
      !GTK_IS_ENTRY (gtk_widget_get_parent (GTK_WIDGET (text))))
    g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
