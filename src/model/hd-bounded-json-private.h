/* hd-bounded-json-private.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hd-bounded-json.h"

G_BEGIN_DECLS

/* The scanner under hd_bounded_json_parse (), for readers of a fixed layout
 * (the journal's record envelope) and for the packet parser.  On a writable
 * input (hd_bounded_json_parse () makes a copy) a string without escapes is
 * terminated in place; on a read-only one it is terminated in the scratch
 * buffer.  Either way its node's copy is the only one. */
typedef struct
{
  char        *p;           /* written to only when @writable */
  const char  *start;
  const char  *end;
  gboolean     writable;
  GString     *buffer;      /* scratch for strings with escapes */
  guint        max_depth;   /* nesting of arrays and objects, the top one 1 */
  guint        depth_seen;  /* the deepest nesting read, in the same unit */
  GError     **error;       /* nullable */
  /* All FALSE after _hd_bounded_json_scan_init (); a caller sets them
   * after it. */
  gboolean     input_utf8;  /* the caller validated the whole input as UTF-8,
                               so a string without escapes needs no check */
  gboolean     int64_only;  /* an integer outside gint64 fails rather than
                               being read as a double */
  /* Set by the scanner. */
  gboolean     too_deep;    /* it failed on max_depth */
} HdBoundedJsonScan;

void      _hd_bounded_json_scan_init   (HdBoundedJsonScan  *scan,
                                        const char         *data,
                                        gsize               len,
                                        gboolean            writable,
                                        guint               max_depth,
                                        GError            **error);
void      _hd_bounded_json_scan_clear  (HdBoundedJsonScan *scan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HdBoundedJsonScan, _hd_bounded_json_scan_clear)

/* JSON's white space.  Inline: it runs between any two tokens, in the
 * packet decoder's loops too. */
static inline void
_hd_bounded_json_scan_skip_space (HdBoundedJsonScan *scan)
{
  while (scan->p < scan->end &&
         (*scan->p == ' ' || *scan->p == '\t' || *scan->p == '\n' || *scan->p == '\r'))
    scan->p++;
}

/* Sets the error, unless one is set: "invalid JSON at byte N: @what", N
 * where the scanner is.  Returns FALSE. */
gboolean  _hd_bounded_json_scan_fail   (HdBoundedJsonScan *scan,
                                        const char        *what);
/* A value at @depth, or NULL with the error set. */
JsonNode *_hd_bounded_json_scan_value  (HdBoundedJsonScan *scan,
                                        guint              depth);
/* What _hd_bounded_json_scan_value () checks, building nothing: FALSE with
 * the same error at the same byte. */
gboolean  _hd_bounded_json_scan_skip   (HdBoundedJsonScan *scan,
                                        guint              depth);
/* A string after its opening quote: *out_len bytes at *out, valid until the
 * next string is read, NUL-terminated if the input is writable or the
 * string had escapes. */
gboolean  _hd_bounded_json_scan_string (HdBoundedJsonScan  *scan,
                                        const char        **out,
                                        gsize              *out_len);
/* Consumes @literal if the input continues with it. */
gboolean  _hd_bounded_json_scan_expect (HdBoundedJsonScan *scan,
                                        const char        *literal);

G_END_DECLS
