/* hd-kpi-csv.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-kpi"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hd-kpi.h"

/* The KPI table as a spreadsheet reads it: only the rows' public figures. */


static void
append_cell (GString    *out,
             const char *value)
{
  gboolean formula = value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@';
  gboolean quote = formula || strpbrk (value, ",\"\r\n") != NULL ||
                   g_ascii_isspace (value[0]) || (value[0] != '\0' && g_ascii_isspace (value[strlen (value) - 1]));

  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ',');
  if (!quote)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      append_cell (out, "");
      return;
    }
  append_cell (out, g_ascii_formatd (buffer, sizeof buffer, decimals == 1 ? "%.1f" : "%.3f", value));
}

static void
append_uint (GString *out,
             guint    value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  append_cell (out, buffer);
}

char *
hd_kpi_rows_to_csv (GListModel *rows)
{
  static const char * const header[] = {
    "scope", "name", "offered", "concluded", "escalation_success", "abandonment_in_transfer",
    "verification_duplication", "repeat_rate", "handle_time_bot_s", "handle_time_agent_only_s",
    "first_contact_resolution", "complete_packets", "most_missing",
  };
  static const char * const scope_names[] = { "overall", "queue", "flow" };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), g_string_free (out, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_cell (out, header[i]);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HdKpiRow) row = g_list_model_get_item (rows, i);

      append_cell (out, scope_names[hd_kpi_row_get_scope (row)]);
      append_cell (out, hd_kpi_row_get_name (row));
      append_uint (out, hd_kpi_row_get_n_offered (row));
      append_uint (out, hd_kpi_row_get_n_concluded (row));
      append_number (out, hd_kpi_row_get_escalation_success (row), 3);
      append_number (out, hd_kpi_row_get_abandonment_in_transfer (row), 3);
      append_number (out, hd_kpi_row_get_verification_duplication (row), 3);
      append_number (out, hd_kpi_row_get_repeat_rate (row), 3);
      append_number (out, hd_kpi_row_get_handle_time_bot (row), 1);
      append_number (out, hd_kpi_row_get_handle_time_agent_only (row), 1);
      append_number (out, hd_kpi_row_get_first_contact_resolution (row), 3);
      append_number (out, hd_kpi_row_get_complete_packets (row), 3);
      append_cell (out, hd_kpi_row_get_most_missing (row));
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

