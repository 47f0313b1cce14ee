/* hd-completeness.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The six context objects of a handoff packet. */
typedef enum
{
  HD_CONTEXT_CUSTOMER = 0,
  HD_CONTEXT_VERIFICATION,
  HD_CONTEXT_INTENTS,
  HD_CONTEXT_TRANSCRIPT,   /* transcript and summary */
  HD_CONTEXT_ROUTING,
  HD_CONTEXT_CASE,
  HD_N_CONTEXTS,
} HdContext;

#define HD_TYPE_CONTEXT      (hd_context_get_type ())
#define HD_TYPE_COMPLETENESS (hd_completeness_get_type ())

GType hd_context_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (HdCompleteness, hd_completeness, HD, COMPLETENESS, GObject)

/* Wire-style name ("customer", "verification", ...) and translated title. */
const char         *hd_context_to_string               (HdContext       context);
const char         *hd_context_get_title               (HdContext       context);

/* Overall score 0..1: the mean of the six context scores. */
double              hd_completeness_get_score          (HdCompleteness *self);
double              hd_completeness_get_context_score  (HdCompleteness *self,
                                                        HdContext       context);
/* What is missing, as translated sentences ("no summary") and as stable keys
 * for KPIs ("summary.text").  Both NULL-terminated, same order, never NULL. */
const char * const *hd_completeness_get_missing        (HdCompleteness *self,
                                                        HdContext       context);
const char * const *hd_completeness_get_missing_keys   (HdCompleteness *self,
                                                        HdContext       context);
guint               hd_completeness_get_n_missing      (HdCompleteness *self);

G_END_DECLS
