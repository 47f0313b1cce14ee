/* hd-journal-dialogs.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-dialogs"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hd-a11y.h"
#include "hd-audit-trail.h"
#include "hd-audit-view.h"
#include "hd-journal-dialogs.h"
#include "hd-ui-format.h"

static void
show_toast (GtkWindow  *parent,
            const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
}

static GtkWidget *
new_message_dialog (GtkWindow  *parent,
                    const char *name,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);

  /* Bodies may quote what the network or the agent wrote: never markup. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, name);
  return dialog;
}

static void
refuse (GtkWindow  *parent,
        const char *why)
{
  GtkWidget *dialog = new_message_dialog (parent, "reveal-refused-dialog",
                                          _("Number Not Revealed"), why);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reveal ------------------------------------------------------------------- */

typedef struct
{
  GtkWindow    *parent;     /* unowned: the dialog is destroyed with it */
  HdJournal    *journal;
  char         *agent_id;
  HdHandoff    *handoff;
  HdAccountRef *account;
  GtkEditable  *entry;      /* the dialog's extra child */
} RevealRequest;

static void
reveal_request_free (gpointer data)
{
  RevealRequest *request = data;

  g_clear_object (&request->journal);
  g_clear_object (&request->handoff);
  g_clear_object (&request->account);
  g_free (request->agent_id);
  g_free (request);
}

static char *
dup_reason (RevealRequest *request)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (request->entry)));
}

static char *
describe_field (HdHandoff    *handoff,
                HdAccountRef *account)
{
  HdCustomer *customer = hd_packet_get_customer (hd_handoff_get_packet (handoff));
  GListModel *linked = hd_customer_get_linked_accounts (customer);
  guint n = g_list_model_get_n_items (linked);
  gboolean is_linked = FALSE;

  for (guint i = 0; i < n && !is_linked; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (linked, i);
      is_linked = item == G_OBJECT (account);
    }

  /* The journal names the field by its masked form only. */
  return g_strdup_printf (is_linked ? "linked account %s" : "account %s",
                          hd_account_ref_get_masked_id (account));
}

static gboolean
close_value_cb (gpointer user_data)
{
  GtkWidget *dialog = user_data;

  g_object_set_data (G_OBJECT (dialog), "hd-close-source", NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_value_destroy_cb (GtkWidget *dialog,
                     gpointer   user_data)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "hd-close-source"));

  if (id != 0)
    g_source_remove (id);
  g_object_set_data (G_OBJECT (dialog), "hd-close-source", NULL);
}

static void
show_value (GtkWindow  *parent,
            const char *field,
            const char *value)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *label;
  guint id;

  body = g_strdup_printf (ngettext ("The reveal of the %s was journaled. This closes after %d second.",
                                    "The reveal of the %s was journaled. This closes after %d seconds.",
                                    HD_REVEAL_SHOW_SECONDS),
                          field, HD_REVEAL_SHOW_SECONDS);
  dialog = new_message_dialog (parent, "reveal-value-dialog", _("Account Number"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  /* Plain, selectable text: the agent may need to copy it into a core system. */
  label = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (label), value);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_set_name (label, "reveal-value-label");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);

  id = g_timeout_add_seconds (HD_REVEAL_SHOW_SECONDS, close_value_cb, dialog);
  g_object_set_data (G_OBJECT (dialog), "hd-close-source", GUINT_TO_POINTER (id));
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_value_destroy_cb), NULL);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reveal_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RevealRequest    *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *field = NULL;
  char *value;

  if (g_strcmp0 (response, "reveal") != 0)
    return;

  reason = dup_reason (request);
  if (*reason == '\0')
    {
      /* The response is disabled while the reason is empty; this guards the API too. */
      refuse (request->parent, _("Say why you need to see the number: the reason is journaled."));
      return;
    }

  field = describe_field (request->handoff, request->account);
  if (request->journal == NULL)
    {
      refuse (request->parent, _("The journal is not open, and a reveal must be journaled first."));
      return;
    }

  /* Journal first: a reveal nobody can audit must not happen. */
  if (!hd_journal_append_reveal (request->journal, hd_handoff_get_handoff_id (request->handoff),
                                 field, HD_ACTOR_AGENT, request->agent_id, reason, &error))
    {
      /* Translators: %s is why the journal could not be written. */
      g_autofree char *why = g_strdup_printf (_("The reveal could not be journaled, so the number stays hidden: %s"),
                                              error->message);
      refuse (request->parent, why);
      return;
    }

  value = hd_packet_reveal_account_id (hd_handoff_get_packet (request->handoff), request->account);
  if (value == NULL)
    {
      refuse (request->parent, _("This handoff holds no unmasked number for that account."));
      return;
    }
  show_value (request->parent, field, value);
  /* Leave no copy in freed memory; the label holds the one shown. */
  memset (value, 0, strlen (value));
  g_free (value);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  RevealRequest *request = g_object_get_data (G_OBJECT (dialog), "hd-reveal-request");
  g_autofree char *reason = dup_reason (request);

  adw_message_dialog_set_response_enabled (dialog, "reveal", *reason != '\0');
}

static void
on_reason_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "reveal"))
    adw_message_dialog_response (dialog, "reveal");
}

void
hd_journal_dialogs_reveal (GtkWindow    *parent,
                           HdJournal    *journal,
                           const char   *agent_id,
                           HdHandoff    *handoff,
                           HdAccountRef *account)
{
  RevealRequest *request;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (journal == NULL || HD_IS_JOURNAL (journal));
  g_return_if_fail (HD_IS_HANDOFF (handoff));
  g_return_if_fail (HD_IS_ACCOUNT_REF (account));

  if (hd_handoff_get_packet (handoff) == NULL)
    return;

  request = g_new0 (RevealRequest, 1);
  request->parent = parent;
  request->journal = journal != NULL ? g_object_ref (journal) : NULL;
  request->agent_id = g_strdup (agent_id);
  request->handoff = g_object_ref (handoff);
  request->account = g_object_ref (account);

  /* Translators: %s is the masked number, e.g. "••••6789". */
  body = g_strdup_printf (_("Say why you need to see the full number of %s. Your name and reason are written to the journal, where supervisors and auditors read them."),
                          hd_account_ref_get_masked_id (account));
  dialog = new_message_dialog (parent, "reveal-reason-dialog", _("Reveal Account Number?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reveal", _("_Reveal"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reveal",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "reveal", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reveal");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for revealing"), -1);
  gtk_widget_set_name (entry, "reveal-reason-entry");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  request->entry = GTK_EDITABLE (entry);

  g_object_set_data_full (G_OBJECT (dialog), "hd-reveal-request", request, reveal_request_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_reason_activate_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reveal_response_cb), request);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Audit trail -------------------------------------------------------------- */

static void
audit_toast_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  AdwToastOverlay *overlay = user_data;
  g_autofree char *escaped = g_markup_escape_text (g_variant_get_string (param, NULL), -1);

  /* libadwaita 1.2 toast titles are markup. */
  adw_toast_overlay_add_toast (overlay, adw_toast_new (escaped));
}

typedef struct
{
  GtkWindow    *parent;       /* weak: the toast of a failure goes there */
  GtkWidget    *window;       /* weak */
  HdAuditView  *view;         /* weak */
  char         *handoff_id;
  GCancellable *cancellable;  /* cancelled when the window goes */
} AuditRequest;

static void
audit_request_free (AuditRequest *request)
{
  g_clear_weak_pointer (&request->parent);
  g_clear_weak_pointer (&request->window);
  g_clear_weak_pointer (&request->view);
  g_free (request->handoff_id);
  g_clear_object (&request->cancellable);
  g_free (request);
}

static void
audit_collected_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AuditRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = hd_journal_collect_handoff_finish (result, &error);
  g_autoptr(HdAuditTrail) trail = NULL;

  if (events == NULL)
    {
      /* Cancelled: the window was closed before the trail was read. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says what went wrong reading the journal. */
          g_autofree char *message = g_strdup_printf (_("Could not read the audit trail: %s"), error->message);

          if (request->window != NULL)
            gtk_window_destroy (GTK_WINDOW (request->window));
          if (request->parent != NULL)
            show_toast (request->parent, message);
        }
      audit_request_free (request);
      return;
    }
  if (request->view != NULL)
    {
      trail = hd_audit_trail_new (request->handoff_id, events);
      hd_audit_view_set_trail (request->view, trail);
      hd_audit_view_set_busy (request->view, FALSE);
    }
  audit_request_free (request);
}

GtkWidget *
hd_journal_dialogs_show_audit (GtkWindow *parent,
                               HdJournal *journal,
                               HdHandoff *handoff)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) toast = NULL;
  g_autofree char *title = NULL;
  AuditRequest *request;
  const char *handoff_id;
  const char *customer = NULL;
  HdPacket *packet;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *overlay;
  GtkWidget *view;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (journal == NULL || HD_IS_JOURNAL (journal), NULL);
  g_return_val_if_fail (HD_IS_HANDOFF (handoff), NULL);

  handoff_id = hd_handoff_get_handoff_id (handoff);
  if (journal == NULL)
    {
      show_toast (parent, _("No audit trail: the journal is not open"));
      return NULL;
    }
  /* What was just appended must be on disk before the files are read back. */
  if (!hd_journal_sync (journal, &error))
    {
      /* Translators: %s says what went wrong reading the journal. */
      g_autofree char *message = g_strdup_printf (_("Could not read the audit trail: %s"), error->message);
      show_toast (parent, message);
      return NULL;
    }

  packet = hd_handoff_get_packet (handoff);
  if (packet != NULL)
    customer = hd_customer_get_name (hd_packet_get_customer (packet));
  /* Translators: the window title, %s is the customer's name or the handoff id. */
  title = g_strdup_printf (_("Audit Trail — %s"),
                           customer != NULL && *customer != '\0' ? customer : handoff_id);

  window = adw_window_new ();
  gtk_widget_set_name (window, "audit-window");
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  overlay = adw_toast_overlay_new ();
  gtk_widget_set_vexpand (overlay, TRUE);
  view = hd_audit_view_new ();
  /* The journal is read in a worker thread: the window shows at once,
   * busy until the trail is there. */
  hd_audit_view_set_busy (HD_AUDIT_VIEW (view), TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  gtk_box_append (GTK_BOX (box), overlay);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* audit.copy confirms through win.show-toast: answer it in this window. */
  group = g_simple_action_group_new ();
  toast = g_simple_action_new ("show-toast", G_VARIANT_TYPE_STRING);
  g_signal_connect_object (toast, "activate", G_CALLBACK (audit_toast_action_cb), overlay, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));

  request = g_new0 (AuditRequest, 1);
  g_set_weak_pointer (&request->parent, parent);
  g_set_weak_pointer (&request->window, window);
  g_set_weak_pointer (&request->view, HD_AUDIT_VIEW (view));
  request->handoff_id = g_strdup (handoff_id);
  request->cancellable = g_cancellable_new ();
  g_signal_connect_object (window, "destroy", G_CALLBACK (g_cancellable_cancel), request->cancellable,
                           G_CONNECT_SWAPPED);
  hd_journal_collect_handoff_async (hd_journal_get_directory (journal), handoff_id, request->cancellable,
                                    audit_collected_cb, request);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Export ------------------------------------------------------------------- */

typedef struct
{
  GtkWindow              *parent;   /* weak: the chooser may outlive it */
  HdJournal              *journal;
  char                   *handoff_id;
  HdRecordingRedactFlags  flags;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  if (request->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (request->parent), (gpointer *) &request->parent);
  g_clear_object (&request->journal);
  g_free (request->handoff_id);
  g_free (request);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkWindow *parent = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!hd_journal_export_recording_finish (result, &error))
    {
      /* Translators: %s says why the recording could not be written. */
      g_autofree char *message = g_strdup_printf (_("Could not export the recording: %s"), error->message);

      show_toast (parent, message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  {
    g_autofree char *message = hd_ui_format_saved_to (g_task_get_task_data (task));

    show_toast (parent, message);
  }
  g_task_return_boolean (task, TRUE);
}

void
hd_journal_dialogs_export_to_file_async (GtkWindow              *parent,
                                         HdJournal              *journal,
                                         const char             *handoff_id,
                                         GFile                  *file,
                                         HdRecordingRedactFlags  flags,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (journal == NULL || HD_IS_JOURNAL (journal));
  g_return_if_fail (handoff_id != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, hd_journal_dialogs_export_to_file_async);
  /* Where it went, for the toast. */
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  if (journal == NULL)
    {
      show_toast (parent, _("Not exported: the journal is not open"));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("Not exported: the journal is not open"));
      return;
    }
  /* The journal is the window's: synced here, then read and the recording
   * written in a worker (hd_journal_export_recording_async ()). */
  if (!hd_journal_sync (journal, &error))
    {
      /* Translators: %s says why the recording could not be written. */
      g_autofree char *message = g_strdup_printf (_("Could not export the recording: %s"), error->message);

      show_toast (parent, message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  hd_journal_export_recording_async (hd_journal_get_directory (journal), handoff_id, file, flags, NULL,
                                     export_written_cb, g_steal_pointer (&task));
}

gboolean
hd_journal_dialogs_export_to_file_finish (GtkWindow     *parent,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, hd_journal_dialogs_export_to_file_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_file_cb (GtkNativeDialog *chooser,
                int              response,
                ExportRequest   *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && request->parent != NULL)
        hd_journal_dialogs_export_to_file_async (request->parent, request->journal, request->handoff_id,
                                                 file, request->flags, NULL, NULL);
    }
  export_request_free (request);
  g_object_unref (chooser);
}

static void
export_choice_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  ExportRequest    *request)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;

  if (g_strcmp0 (response, "export") != 0 && g_strcmp0 (response, "redacted") != 0)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Recording"), request->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  {
    g_autoptr(GFile) folder = hd_ui_format_export_folder ();

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  name = g_strconcat (request->handoff_id, HD_RECORDING_SUFFIX, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("HandoffDesk Recordings"));
  gtk_file_filter_add_pattern (filter, "*" HD_RECORDING_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* The chooser takes over the request. */
  g_object_steal_data (G_OBJECT (dialog), "hd-export-request");
  request->flags = g_str_equal (response, "redacted") ? HD_RECORDING_REDACT_ALL : HD_RECORDING_REDACT_NONE;
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
hd_journal_dialogs_export (GtkWindow *parent,
                           HdJournal *journal,
                           HdHandoff *handoff)
{
  ExportRequest *request;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (journal == NULL || HD_IS_JOURNAL (journal));
  g_return_if_fail (HD_IS_HANDOFF (handoff));

  if (journal == NULL)
    {
      show_toast (parent, _("Not exported: the journal is not open"));
      return;
    }

  request = g_new0 (ExportRequest, 1);
  request->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &request->parent);
  request->journal = g_object_ref (journal);
  request->handoff_id = g_strdup (hd_handoff_get_handoff_id (handoff));

  dialog = new_message_dialog (parent, "export-choice-dialog", _("Export Recording?"),
                               _("A recording holds this handoff’s journal and can be replayed in Trainer mode. "
                                 "For training, export it redacted: customer names become a pseudonym and free "
                                 "text is replaced by word counts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export"),
                                    "redacted", _("Export _Redacted"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "redacted",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "redacted");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Freed with the dialog unless the file chooser took it over. */
  g_object_set_data_full (G_OBJECT (dialog), "hd-export-request", request,
                          (GDestroyNotify) export_request_free);
  g_signal_connect (dialog, "response", G_CALLBACK (export_choice_cb), request);
  /* Response buttons named by their words alone (hd-a11y.h). */
  hd_a11y_fix_dialog_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
