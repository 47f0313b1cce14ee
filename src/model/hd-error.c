/* hd-error.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hd-error.h"

G_DEFINE_QUARK (hd-error-quark, hd_error)
