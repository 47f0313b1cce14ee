/* hd-journal-json.c
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hd-journal-json"

#include "config.h"

#include "hd-journal-json.h"
#include "hd-bounded-json-private.h"

static gboolean
expect_string (HdBoundedJsonScan  *r,
               char              **out)
{
  const char *value;
  gsize len;

  if (r->p >= r->end || *r->p != '"')
    return FALSE;
  r->p++;
  if (!_hd_bounded_json_scan_string (r, &value, &len))
    return FALSE;
  *out = g_strndup (value, len);
  return TRUE;
}

gboolean
_hd_journal_json_parse_envelope (const char  *line,
                                 gsize        content_len,
                                 char       **time,
                                 char       **handoff,
                                 char       **kind,
                                 char       **actor_id,
                                 char       **type,
                                 JsonNode   **payload)
{
  /* Read-only: recordings open by the hundred thousand lines, and most
   * strings here are short. */
  g_auto(HdBoundedJsonScan) scan = { 0 };
  HdBoundedJsonScan *r = &scan;
  g_autofree char *t = NULL, *h = NULL, *k = NULL, *id = NULL, *ty = NULL;
  JsonNode *node;

  _hd_bounded_json_scan_init (r, line, content_len, FALSE, HD_JOURNAL_JSON_MAX_DEPTH, NULL);
  /* {"v":1,"seq":N  — already checked by the caller. */
  if (!_hd_bounded_json_scan_expect (r, "{\"v\":1,\"seq\":"))
    return FALSE;
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  if (!_hd_bounded_json_scan_expect (r, ",\"time\":") || !expect_string (r, &t) ||
      !_hd_bounded_json_scan_expect (r, ",\"handoff\":") || !expect_string (r, &h) ||
      !_hd_bounded_json_scan_expect (r, ",\"actor\":{\"kind\":") || !expect_string (r, &k))
    return FALSE;
  if (_hd_bounded_json_scan_expect (r, ",\"id\":") && !expect_string (r, &id))
    return FALSE;
  if (!_hd_bounded_json_scan_expect (r, "},\"type\":") || !expect_string (r, &ty) ||
      !_hd_bounded_json_scan_expect (r, ",\"payload\":"))
    return FALSE;
  if (r->p >= r->end || *r->p != '{' || !(node = _hd_bounded_json_scan_value (r, 1)))
    return FALSE;
  /* The payload must end exactly where ,"prev":"…" starts. */
  if (!_hd_bounded_json_scan_expect (r, ",\"prev\":\"") || r->end - r->p != 65 || r->end[-1] != '"')
    {
      json_node_unref (node);
      return FALSE;
    }
  json_node_seal (node);
  *time = g_steal_pointer (&t);
  *handoff = g_steal_pointer (&h);
  *kind = g_steal_pointer (&k);
  *actor_id = g_steal_pointer (&id);
  *type = g_steal_pointer (&ty);
  *payload = node;
  return TRUE;
}

