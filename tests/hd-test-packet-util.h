/* hd-test-packet-util.h
 *
 * Copyright 2026 The HandoffDesk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

#include "hd-error.h"
#include "hd-mask.h"
#include "hd-packet-parser.h"

G_BEGIN_DECLS

/* Shared by the packet, mask and completeness tests (compiled into the
 * hd-test-packet-generator library): fixture loading, and the "no raw
 * number survives" check that every parsed packet must pass. */

/* tests/fixtures/@kind/@name, or under $HD_TEST_FIXTURES. */
char     *hd_test_fixture_path           (const char         *kind,
                                          const char         *name);
GBytes   *hd_test_load_fixture           (const char         *kind,
                                          const char         *name);
/* A valid fixture, parsed with the default limits; asserts it parses. */
HdPacket *hd_test_parse_fixture          (const char         *name);
/* The same with its case.id set to @case_id (or as the fixture has it, for NULL). */
HdPacket *hd_test_parse_fixture_for_case (const char         *name,
                                          const char         *case_id);

/* Fails the test if `text` holds a Luhn-valid 13–19 digit run (spaces and
 * dashes allowed between digits) or any run of 9 or more digits.  ASCII
 * digits only: the model keeps at most four digits of anything it masks. */
void      hd_test_assert_no_raw_number   (const char         *text);
void      hd_test_assert_strv_masked     (const char * const *strv);
void      hd_test_assert_fields_masked   (GListModel         *fields);
void      hd_test_assert_accounts_masked (GListModel         *accounts);
/* Walks every free-text string a widget could show. */
void      hd_test_assert_packet_masked   (HdPacket           *packet);

G_END_DECLS
