/* hd-error.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HD_ERROR (hd_error_quark ())

typedef enum
{
  HD_ERROR_HTTP,
  HD_ERROR_PARSE,
  HD_ERROR_AUTH,
  HD_ERROR_LIMIT,
  HD_ERROR_VERSION,
  HD_ERROR_PROTOCOL,
  HD_ERROR_CONFLICT,
  HD_ERROR_IO,
} HdError;

GQuark hd_error_quark (void);

G_END_DECLS
