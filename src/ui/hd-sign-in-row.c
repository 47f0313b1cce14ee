/* hd-sign-in-row.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-sign-in-row"

#include "config.h"

#include <glib/gi18n.h>

#include "hd-sign-in-row.h"

struct _HdSignInRow
{
  AdwBin              parent_instance;

  HdSfAuth           *auth;          /* owned */
  GCancellable       *cancellable;   /* cancelled in dispose */
  HdOAuthOpenUriFunc  open_uri;
  gpointer            open_uri_data;
  char               *title;
  char               *message;
  gboolean            working;       /* our own sign-in or sign-out runs */

  /* template children */
  AdwActionRow       *account_row;
  AdwAvatar          *avatar;
  GtkSpinner         *spinner;
  GtkWidget          *sign_in_button;
  GtkWidget          *sign_out_button;
  GtkLabel           *message_label;
};

G_DEFINE_FINAL_TYPE (HdSignInRow, hd_sign_in_row, ADW_TYPE_BIN)

enum { PROP_0, PROP_AUTH, PROP_TITLE, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
dup_instance_host (HdSfAuth *auth)
{
  const char *url = hd_sf_auth_get_instance_url (auth);
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  if (uri == NULL)
    return NULL;
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
set_message (HdSignInRow *self,
             const char  *message)
{
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
update (HdSignInRow *self)
{
  gboolean signed_in = self->auth != NULL && hd_sf_auth_get_signed_in (self->auth);
  gboolean busy = self->working || (self->auth != NULL && hd_sf_auth_get_busy (self->auth));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *name = NULL;

  if (self->auth == NULL)
    {
      title = g_strdup (_("Salesforce is not set up"));
      subtitle = g_strdup (_("Set the login URL and client id to connect."));
    }
  else if (signed_in)
    {
      g_autofree char *host = dup_instance_host (self->auth);
      const HdSfIdentity *identity = hd_sf_auth_get_identity (self->auth);

      name = hd_sf_auth_get_display_name (self->auth);
      if (name != NULL && host != NULL)
        /* TRANSLATORS: a person's name and the Salesforce instance,
         * e.g. "Signed in as Asha Verma (acme.my.salesforce.com)" */
        title = g_strdup_printf (_("Signed in as %s (%s)"), name, host);
      else if (name != NULL)
        title = g_strdup_printf (_("Signed in as %s"), name);
      else if (host != NULL)
        /* Restored offline: the identity is not known yet. */
        title = g_strdup_printf (_("Signed in to %s"), host);
      else
        title = g_strdup (_("Signed in"));
      if (identity != NULL && identity->username != NULL)
        subtitle = g_strdup (identity->username);
    }
  else
    {
      title = g_strdup (_("Not signed in"));
      subtitle = g_strdup (hd_oauth_get_login_url (hd_sf_auth_get_oauth (self->auth)));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), title);
  adw_action_row_set_subtitle (self->account_row, subtitle != NULL ? subtitle : "");
  adw_avatar_set_text (self->avatar, name);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (self->sign_in_button, self->auth != NULL && !signed_in);
  gtk_widget_set_visible (self->sign_out_button, signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.sign-in", self->auth != NULL && !signed_in && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.sign-out", signed_in && !busy);

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_steal_pointer (&title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

static void
show_uri_cb (const char *uri,
             gpointer    user_data)
{
  HdSignInRow *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HdSignInRow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_sign_in_finish (HD_SF_AUTH (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* disposed: do not touch self */

  self->working = FALSE;
  if (error != NULL)
    {
      /* TRANSLATORS: %s says why, e.g. that the keyring is locked */
      g_autofree char *message = g_strdup_printf (_("Could not sign in: %s"), error->message);

      set_message (self, message);
    }
  update (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (widget);

  if (self->auth == NULL || self->working)
    return;
  self->working = TRUE;
  set_message (self, NULL);
  update (self);
  hd_sf_auth_sign_in_async (self->auth,
                            self->open_uri != NULL ? self->open_uri : show_uri_cb,
                            self->open_uri != NULL ? self->open_uri_data : self,
                            self->cancellable, sign_in_cb, self);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HdSignInRow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hd_sf_auth_sign_out_finish (HD_SF_AUTH (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* disposed: do not touch self */

  self->working = FALSE;
  /* Signed out either way; the error says the token may stay valid a while. */
  set_message (self, error != NULL ? error->message : NULL);
  update (self);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (widget);

  if (self->auth == NULL || self->working)
    return;
  self->working = TRUE;
  set_message (self, NULL);
  update (self);
  hd_sf_auth_sign_out_async (self->auth, self->cancellable, sign_out_cb, self);
}

static void
on_auth_notify_cb (HdSignInRow *self)
{
  update (self);
}

static void
on_signed_out_cb (HdSignInRow *self,
                  const char  *message,
                  HdSfAuth    *auth)
{
  set_message (self, message);
  update (self);
}

static void
hd_sign_in_row_dispose (GObject *object)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
  g_clear_object (&self->auth);
  gtk_widget_dispose_template (GTK_WIDGET (self), HD_TYPE_SIGN_IN_ROW);

  G_OBJECT_CLASS (hd_sign_in_row_parent_class)->dispose (object);
}

static void
hd_sign_in_row_finalize (GObject *object)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (object);

  g_free (self->title);
  g_free (self->message);

  G_OBJECT_CLASS (hd_sign_in_row_parent_class)->finalize (object);
}

static void
hd_sign_in_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sign_in_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HdSignInRow *self = HD_SIGN_IN_ROW (object);

  switch (prop_id)
    {
    case PROP_AUTH:
      hd_sign_in_row_set_auth (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hd_sign_in_row_class_init (HdSignInRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hd_sign_in_row_dispose;
  object_class->finalize = hd_sign_in_row_finalize;
  object_class->get_property = hd_sign_in_row_get_property;
  object_class->set_property = hd_sign_in_row_set_property;

  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL, HD_TYPE_SF_AUTH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/HandoffDesk/ui/hd-sign-in-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, account_row);
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, HdSignInRow, message_label);

  gtk_widget_class_install_action (widget_class, "account.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "account.sign-out", NULL, sign_out_action);
}

static void
hd_sign_in_row_init (HdSignInRow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
hd_sign_in_row_new (void)
{
  return g_object_new (HD_TYPE_SIGN_IN_ROW, NULL);
}

HdSfAuth *
hd_sign_in_row_get_auth (HdSignInRow *self)
{
  g_return_val_if_fail (HD_IS_SIGN_IN_ROW (self), NULL);
  return self->auth;
}

void
hd_sign_in_row_set_auth (HdSignInRow *self,
                         HdSfAuth    *auth)
{
  g_return_if_fail (HD_IS_SIGN_IN_ROW (self));
  g_return_if_fail (auth == NULL || HD_IS_SF_AUTH (auth));

  if (self->auth == auth)
    return;
  if (self->auth != NULL)
    g_signal_handlers_disconnect_by_data (self->auth, self);
  g_set_object (&self->auth, auth);
  if (auth != NULL)
    {
      g_signal_connect_swapped (auth, "notify::signed-in", G_CALLBACK (on_auth_notify_cb), self);
      g_signal_connect_swapped (auth, "notify::display-name", G_CALLBACK (on_auth_notify_cb), self);
      g_signal_connect_swapped (auth, "notify::identity", G_CALLBACK (on_auth_notify_cb), self);
      g_signal_connect_swapped (auth, "notify::busy", G_CALLBACK (on_auth_notify_cb), self);
      g_signal_connect_swapped (auth, "signed-out", G_CALLBACK (on_signed_out_cb), self);
    }
  set_message (self, NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

const char *
hd_sign_in_row_get_title (HdSignInRow *self)
{
  g_return_val_if_fail (HD_IS_SIGN_IN_ROW (self), NULL);
  return self->title;
}

const char *
hd_sign_in_row_get_message (HdSignInRow *self)
{
  g_return_val_if_fail (HD_IS_SIGN_IN_ROW (self), NULL);
  return self->message;
}

void
hd_sign_in_row_set_open_uri_func (HdSignInRow        *self,
                                  HdOAuthOpenUriFunc  func,
                                  gpointer            data)
{
  g_return_if_fail (HD_IS_SIGN_IN_ROW (self));
  self->open_uri = func;
  self->open_uri_data = data;
}
