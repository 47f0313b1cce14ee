/* hd-trainer-view-recordings.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-trainer-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-error.h"
#include "hd-journal-verify.h"
#include "hd-trainer-view-private.h"
#include "hd-ui-format.h"

/* Opening recordings (files, folders, drops, the file chooser), the sidebar
 * that lists them, and exporting notes. */

void
_hd_trainer_open_recording_free (gpointer data)
{
  HdOpenRecording *open = data;

  g_clear_object (&open->recording);
  g_clear_object (&open->replay);
  g_clear_object (&open->notes);
  g_clear_object (&open->audit);
  g_free (open);
}

static char *
describe_open_error (GFile        *file,
                     const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (error->domain == HD_JOURNAL_ERROR)
    return g_strdup_printf (_("“%s” failed verification and was not opened. %s. "
                              "The recording may have been altered after it was exported."),
                            name, error->message);
  if (g_error_matches (error, HD_ERROR, HD_ERROR_PARSE))
    return g_strdup_printf (_("“%s” is not a HandoffDesk recording: %s"), name, error->message);
  return g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);
}

/* The sidebar */

HdOpenRecording *
_hd_trainer_view_find_open (HdTrainerView *self,
                            GFile         *file)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      HdOpenRecording *open = g_ptr_array_index (self->open, i);

      if (g_file_equal (hd_recording_get_file (open->recording), file))
        return open;
    }
  return NULL;
}

int
_hd_trainer_view_sort_rows (GtkListBoxRow *a,
                            GtkListBoxRow *b,
                            gpointer       user_data)
{
  HdOpenRecording *open_a = g_object_get_data (G_OBJECT (a), "hd-open-recording");
  HdOpenRecording *open_b = g_object_get_data (G_OBJECT (b), "hd-open-recording");

  return (open_a->order > open_b->order) - (open_a->order < open_b->order);
}

static GtkWidget *
recording_row_new (HdOpenRecording *open)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  HdRecording *recording = open->recording;
  g_autofree char *name = g_file_get_basename (hd_recording_get_file (recording));
  const char *title_text = hd_recording_get_title (recording) != NULL ? hd_recording_get_title (recording) : name;
  guint n = hd_recording_get_n_events (recording);
  g_autofree char *subtitle_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event · %s",
                                                                 "%u events · %s", n), n, name);
  g_autofree char *close_label = g_strdup_printf (_("Close “%s”"), title_text);
  g_autofree char *uri = g_file_get_uri (hd_recording_get_file (recording));

  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_tooltip_text (close, close_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, close_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "trainer.close-recording");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "s", uri);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), close);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title_text, -1);
  g_object_set_data (G_OBJECT (row), "hd-open-recording", open);
  return row;
}

HdOpenRecording *
_hd_trainer_open_recording_new (HdTrainerView *self,
                                HdRecording   *recording,
                                guint          order)
{
  HdOpenRecording *open = g_new0 (HdOpenRecording, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdJournalState) final_state = NULL;
  GFile *file = hd_recording_get_file (recording);

  open->recording = g_object_ref (recording);
  open->replay = hd_replay_new (recording);
  open->order = order;

  open->audit = hd_audit_trail_new_for_recording (recording, &error);
  if (open->audit == NULL)
    {
      g_warning ("No audit trail for %s: %s", g_file_peek_path (file), error->message);
      g_clear_error (&error);
    }

  final_state = hd_recording_dup_state_at (recording, hd_recording_get_n_events (recording), &error);
  if (final_state != NULL)
    open->suggested = hd_checklist_suggest (final_state);
  else
    {
      g_warning ("No final state for %s: %s", g_file_peek_path (file), error->message);
      g_clear_error (&error);
    }

  open->notes = hd_trainer_notes_load (file, &error);
  if (open->notes == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("The trainer notes beside “%s” could not be read, so notes "
                                                    "are off for it: %s"), name, error->message);

      _hd_trainer_view_show_error (self, message);
    }
  else if (!g_file_query_exists (hd_trainer_notes_get_file (open->notes), NULL))
    {
      /* A first review starts from what the events show; once saved, the
       * trainer's own ticks win. */
      const char *handoff_id = hd_recording_get_handoff_id (recording);

      for (guint i = 0; i < HD_CHECKLIST_N_ITEMS; i++)
        hd_trainer_notes_set_ticked (open->notes, handoff_id, i, (open->suggested & (1u << i)) != 0);
    }

  return open;
}

typedef struct
{
  HdTrainerView *self;    /* unowned: the cancellable tells whether it is alive */
  GFile         *file;
  guint          order;
  gboolean       select;  /* select it once open, even if another one is shown */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadJob *job = user_data;
  HdTrainerView *self = job->self;
  g_autoptr(HdRecording) recording = NULL;
  g_autoptr(GError) error = NULL;
  HdOpenRecording *open;

  recording = hd_recording_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_job_free (job);
      return;  /* the view was disposed: do not touch self */
    }

  _hd_trainer_view_set_busy (self, FALSE);

  if (recording == NULL)
    {
      g_autofree char *message = describe_open_error (job->file, error);

      _hd_trainer_view_show_error (self, message);
      load_job_free (job);
      return;
    }

  open = _hd_trainer_view_find_open (self, job->file);
  if (open == NULL)
    {
      open = _hd_trainer_open_recording_new (self, recording, job->order);
      g_ptr_array_add (self->open, open);
      open->row = recording_row_new (open);
      gtk_list_box_append (self->recordings_list, open->row);
    }

  if (job->select || self->current == NULL)
    _hd_trainer_view_set_current (self, open);
  /* The trainer asked for this one: ←, → and Space should work at once. */
  if (job->select && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  _hd_trainer_view_emit_opened (self, open->recording);
  load_job_free (job);
}

void
_hd_trainer_view_open_file (HdTrainerView *self,
                            GFile         *file,
                            gboolean       select)
{
  LoadJob *job;
  HdOpenRecording *open = _hd_trainer_view_find_open (self, file);

  if (open != NULL)
    {
      if (select)
        _hd_trainer_view_set_current (self, open);
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->self = self;
  job->file = g_object_ref (file);
  job->order = self->next_order++;
  job->select = select;
  _hd_trainer_view_set_busy (self, TRUE);
  hd_recording_load_async (file, self->cancellable, load_cb, job);
}

/* Opening a folder */

typedef struct
{
  HdTrainerView *self;    /* unowned, as in LoadJob */
  GFile         *directory;
  GPtrArray     *names;   /* of char */
} DirectoryJob;

static void
directory_job_free (DirectoryJob *job)
{
  g_clear_object (&job->directory);
  g_clear_pointer (&job->names, g_ptr_array_unref);
  g_free (job);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
next_files_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GFileEnumerator *enumerator = G_FILE_ENUMERATOR (object);
  DirectoryJob *job = user_data;
  HdTrainerView *self = job->self;
  g_autoptr(GError) error = NULL;
  GList *infos;

  infos = g_file_enumerator_next_files_finish (enumerator, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      directory_job_free (job);
      return;
    }

  if (infos != NULL)
    {
      for (GList *l = infos; l != NULL; l = l->next)
        {
          const char *name = g_file_info_get_name (l->data);

          if (g_str_has_suffix (name, HD_RECORDING_SUFFIX) &&
              g_file_info_get_file_type (l->data) != G_FILE_TYPE_DIRECTORY)
            g_ptr_array_add (job->names, g_strdup (name));
        }
      g_list_free_full (infos, g_object_unref);
      g_file_enumerator_next_files_async (enumerator, 64, G_PRIORITY_DEFAULT, self->cancellable,
                                          next_files_cb, job);
      return;
    }

  _hd_trainer_view_set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->directory);
      g_autofree char *message = g_strdup_printf (_("The recordings in “%s” could not be listed: %s"),
                                                  name, error->message);

      _hd_trainer_view_show_error (self, message);
    }
  else
    {
      g_ptr_array_sort (job->names, compare_names);
      for (guint i = 0; i < job->names->len; i++)
        {
          g_autoptr(GFile) file = g_file_get_child (job->directory, g_ptr_array_index (job->names, i));

          _hd_trainer_view_open_file (self, file, FALSE);
        }
    }
  directory_job_free (job);
}

static void
enumerate_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DirectoryJob *job = user_data;
  HdTrainerView *self = job->self;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      directory_job_free (job);
      return;
    }
  if (enumerator == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->directory);
      g_autofree char *message = g_strdup_printf (_("The recordings in “%s” could not be listed: %s"),
                                                  name, error->message);

      _hd_trainer_view_set_busy (self, FALSE);
      _hd_trainer_view_show_error (self, message);
      directory_job_free (job);
      return;
    }
  g_file_enumerator_next_files_async (enumerator, 64, G_PRIORITY_DEFAULT, self->cancellable,
                                      next_files_cb, job);
}

/* Drag and drop, file choosers */

gboolean
_hd_trainer_view_on_drop_cb (GtkDropTarget *target,
                             const GValue  *value,
                             double         x,
                             double         y,
                             HdTrainerView *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    _hd_trainer_view_open_file (self, l->data, l == files);
  return files != NULL;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  HdTrainerView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          _hd_trainer_view_open_file (self, file, i == 0);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static GtkWindow *
parent_window (HdTrainerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_hd_trainer_view_open_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("HandoffDesk Recordings"));
  gtk_file_filter_add_suffix (filter, "hdrec");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Recording"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static HdTrainerNotesFormat
format_for_export (GFile         *file,
                   GtkFileFilter *filter)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".csv"))
    return HD_TRAINER_NOTES_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".json"))
    return HD_TRAINER_NOTES_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return HD_TRAINER_NOTES_FORMAT_MARKDOWN;
  if (filter != NULL)
    return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), "hd-format"));
  return HD_TRAINER_NOTES_FORMAT_MARKDOWN;
}

static void
export_notes_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HdTrainerView *self = HD_TRAINER_VIEW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (hd_trainer_view_export_notes_finish (self, result, &error))
    {
      g_autofree char *message = hd_ui_format_saved_to (file);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The notes could not be exported: %s"), error->message);

      _hd_trainer_view_show_error (self, message);
    }
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    HdTrainerView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        hd_trainer_view_export_notes_async (self, file, format_for_export (file, filter),
                                            export_notes_cb, g_object_ref (file));
    }
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
add_export_filter (GtkFileChooser       *chooser,
                   const char           *name,
                   const char           *suffix,
                   HdTrainerNotesFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data (G_OBJECT (filter), "hd-format", GUINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_hd_trainer_view_export_notes_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);
  g_autofree char *base = NULL;
  g_autofree char *suggested = NULL;

  if (self->chooser != NULL || self->current == NULL || self->current->notes == NULL)
    return;

  base = g_file_get_basename (hd_recording_get_file (self->current->recording));
  if (g_str_has_suffix (base, HD_RECORDING_SUFFIX))
    base[strlen (base) - strlen (HD_RECORDING_SUFFIX)] = '\0';
  /* TRANSLATORS: the suggested file name of exported notes; %s is the recording's name */
  suggested = g_strdup_printf (_("%s-notes.md"), base);

  self->chooser = gtk_file_chooser_native_new (_("Export Notes and Checklist"), parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_export_filter (GTK_FILE_CHOOSER (self->chooser), _("Markdown"), "md", HD_TRAINER_NOTES_FORMAT_MARKDOWN);
  add_export_filter (GTK_FILE_CHOOSER (self->chooser), _("CSV"), "csv", HD_TRAINER_NOTES_FORMAT_CSV);
  add_export_filter (GTK_FILE_CHOOSER (self->chooser), _("JSON"), "json", HD_TRAINER_NOTES_FORMAT_JSON);
  {
    g_autoptr(GFile) folder = hd_ui_format_export_folder ();

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_hd_trainer_view_close_recording_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  HdTrainerView *self = HD_TRAINER_VIEW (widget);
  HdOpenRecording *open = self->current;
  const char *uri = g_variant_get_string (param, NULL);
  GtkListBoxRow *next = NULL;
  int index;

  if (uri[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      open = _hd_trainer_view_find_open (self, file);
    }
  if (open == NULL)
    return;

  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (open->row));
  if (open == self->current)
    {
      next = gtk_list_box_get_row_at_index (self->recordings_list, index + 1);
      if (next == NULL && index > 0)
        next = gtk_list_box_get_row_at_index (self->recordings_list, index - 1);
      _hd_trainer_view_set_current (self, next != NULL ? g_object_get_data (G_OBJECT (next), "hd-open-recording") : NULL);
    }
  gtk_list_box_remove (self->recordings_list, open->row);
  g_ptr_array_remove (self->open, open);
}

void
hd_trainer_view_open_file (HdTrainerView *self,
                           GFile         *file)
{
  g_return_if_fail (HD_IS_TRAINER_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  _hd_trainer_view_open_file (self, file, TRUE);
}

void
hd_trainer_view_open_directory (HdTrainerView *self,
                                GFile         *directory)
{
  DirectoryJob *job;

  g_return_if_fail (HD_IS_TRAINER_VIEW (self));
  g_return_if_fail (G_IS_FILE (directory));

  job = g_new0 (DirectoryJob, 1);
  job->self = self;
  job->directory = g_object_ref (directory);
  job->names = g_ptr_array_new_with_free_func (g_free);
  _hd_trainer_view_set_busy (self, TRUE);
  g_file_enumerate_children_async (directory,
                                   G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                   G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->cancellable,
                                   enumerate_cb, job);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HdTrainerView *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      /* Cancelled when the view goes: nothing of it is left to update. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _hd_trainer_view_set_busy (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _hd_trainer_view_set_busy (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

void
hd_trainer_view_export_notes_async (HdTrainerView         *self,
                                    GFile                 *dest,
                                    HdTrainerNotesFormat   format,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  g_return_if_fail (HD_IS_TRAINER_VIEW (self));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_trainer_view_export_notes_async);
  if (self->current == NULL || self->current->notes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No notes to export"));
      return;
    }

  /* Formatting the notes is quick and reads the view's state, so it stays
   * here; the file, which may be on a slow or remote disk, is written
   * without blocking the window. */
  text = hd_trainer_notes_export (self->current->notes, format);
  bytes = g_bytes_new_take (text, strlen (text));
  _hd_trainer_view_set_busy (self, TRUE);
  g_file_replace_contents_bytes_async (dest, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, export_written_cb, g_steal_pointer (&task));
}

gboolean
hd_trainer_view_export_notes_finish (HdTrainerView  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (HD_IS_TRAINER_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A recording opens on Enter or a click (the row is activated), never as the focus passes
 * over it: Tab and the arrow keys select in a browse list, and opening there would swap the
 * notes field under the trainer's hands.  The highlight stays on the recording shown. */
void
_hd_trainer_view_row_activated_cb (HdTrainerView *self,
                                   GtkListBoxRow *row)
{
  _hd_trainer_view_set_current (self, g_object_get_data (G_OBJECT (row), "hd-open-recording"));
}

void
_hd_trainer_view_row_selected_cb (HdTrainerView *self,
                                  GtkListBoxRow *row)
{
  if (self->current != NULL && self->current->row != NULL && row != GTK_LIST_BOX_ROW (self->current->row))
    gtk_list_box_select_row (self->recordings_list, GTK_LIST_BOX_ROW (self->current->row));
}
