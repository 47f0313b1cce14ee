/* fuzz-import.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "hd-error.h"
#include "hd-import.h"

/* libFuzzer target for the importers (src/import/): any bytes, read as any
 * platform's document, must give a valid packet or an HD_ERROR, and never a
 * crash, a sanitizer report, a leak or a GLib warning.  Seeded from
 * tests/fixtures/import and its invalid/ folder. */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* GLib stops on a fatal message with a breakpoint trap, which libFuzzer does
 * not report as a crash: abort instead, on warnings too. */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 15, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HdPacket) packet = NULL;

  packet = hd_import_packet (bytes, HD_IMPORT_SOURCE_ANY, now, NULL, &error);
  if (packet == NULL && (error == NULL || error->domain != HD_ERROR))
    abort ();
  return 0;
}
