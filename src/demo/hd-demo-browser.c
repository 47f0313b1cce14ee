/* hd-demo-browser.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-demo-browser"

#include "config.h"

#include <libsoup/soup.h>

#include "hd-demo-browser.h"
#include "hd-sf-util.h"

static void
headless_redirect_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    g_message ("Headless sign-in: the redirect failed: %s", error->message);
  g_object_unref (user_data);  /* the message */
}

static void
headless_authorize_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SoupMessage) msg = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *location;
  SoupMessage *next;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      g_message ("Headless sign-in: the authorize page failed: %s", error->message);
      return;
    }
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  if (!SOUP_STATUS_IS_REDIRECTION (soup_message_get_status (msg)) || location == NULL ||
      !hd_sf_uri_is_loopback (location))
    {
      g_message ("Headless sign-in: the authorize page answered %u without a loopback redirect",
                 soup_message_get_status (msg));
      return;
    }
  next = soup_message_new (SOUP_METHOD_GET, location);
  if (next == NULL)
    return;
  soup_session_send_and_read_async (SOUP_SESSION (object), next, G_PRIORITY_DEFAULT, NULL,
                                    headless_redirect_cb, next);
}

void
hd_demo_browser_open_uri (const char *uri,
                          gpointer    user_data)
{
  g_autoptr(SoupSession) session = NULL;
  SoupMessage *msg;

  g_return_if_fail (uri != NULL);

  if (!hd_sf_uri_is_loopback (uri))
    {
      g_critical ("The headless browser only opens loopback URLs (the stand-in)");
      return;
    }
  msg = soup_message_new (SOUP_METHOD_GET, uri);
  g_return_if_fail (msg != NULL);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  session = soup_session_new ();
  /* The session stays alive while its requests run (each holds a ref). */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, headless_authorize_cb, msg);
}
