/* hd-a11y.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Accessible names as a screen reader should say them, where GTK 4.8 gets them wrong.
 * It names a button with a mnemonic by its label text, mark included ("_Save"), followed
 * by the label it is labelled by ("Save"): "_Save Save", or "Save Case Save" when the
 * template gives the button a name of its own.  It names a dropdown's button, which is
 * what takes the focus, by its class ("GtkToggleButton"), and list rows by their class. */

/* Every button with a mnemonic under @root is named once, by its accessible label (the
 * templates give each one a name without the mark).  For widgets built from templates;
 * call it again for buttons made later. */
void hd_a11y_fix_buttons       (GtkWidget  *root);

/* @widget's name is @name alone, not followed by the label it is labelled by. */
void hd_a11y_set_name          (GtkWidget  *widget,
                                const char *name);

/* Names @drop_down and its button, which takes the focus. */
void hd_a11y_fix_dialog_buttons (GtkWidget *dialog);
void hd_a11y_name_drop_down    (GtkDropDown *drop_down,
                                const char  *name);

/* Names the list row that shows @child (the widget a list item factory made), which is
 * what takes the focus in a list view; does nothing while @child is not in a row. */
void hd_a11y_name_list_row     (GtkWidget  *child,
                                const char *name);

/* Makes the text that takes the focus inside @editable (an AdwEntryRow) a text box of its
 * own, named @name.  GTK 4.8 gives that GtkText no role and hands its focus changes to its
 * parent, which in an entry row is a plain container that answers "not focused": a screen
 * reader hears nothing as the focus enters the row.  Call it before the widget is shown. */
void hd_a11y_expose_editable   (GtkEditable *editable,
                                const char  *name);

G_END_DECLS
