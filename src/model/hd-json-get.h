/* hd-json-get.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A member of an object from outside (the network, a file), read with a fallback for
 * when it is missing, null or of another type.  json-glib's own
 * json_object_get_*_member_with_default () logs a critical when the member holds an
 * object or an array, which hostile input can make it do at will; these never do. */

const char *hd_json_get_string  (JsonObject *object,
                                 const char *name,
                                 const char *fallback);
/* An integer, or a finite number with no fraction within gint64's range. */
gint64      hd_json_get_int     (JsonObject *object,
                                 const char *name,
                                 gint64      fallback);
gboolean    hd_json_get_boolean (JsonObject *object,
                                 const char *name,
                                 gboolean    fallback);
/* A number, integer or not, when finite. */
double      hd_json_get_double  (JsonObject *object,
                                 const char *name,
                                 double      fallback);

G_END_DECLS
