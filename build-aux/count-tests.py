#!/usr/bin/env python3
# Counts test cases from meson's JSON test log (each TAP "ok"/"not ok" line is one case; a
# non-TAP test is one case) plus extra result files ("name: OK" or "name: FAIL"), and prints
# the closing line "N passed, N failed".
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = 0
log, extras = sys.argv[1], sys.argv[2:]

try:
    with open(log, encoding="utf-8") as f:
        entries = [json.loads(line) for line in f if line.strip()]
except OSError:
    entries = []
    failed += 1  # the tests did not even run

for e in entries:
    ok = e.get("result") in ("OK", "EXPECTEDFAIL", "SKIP")
    cases = re.findall(r"^(ok|not ok)\b", e.get("stdout") or "", re.M)
    if cases:
        p = sum(1 for c in cases if c == "ok")
        passed += p
        failed += len(cases) - p
        if not ok and len(cases) == p:
            failed += 1  # the program failed outside its cases (crash, leak, bad plan)
    elif ok:
        passed += 1
    else:
        failed += 1

for path in extras:
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        continue
    if ": OK" in text:
        passed += 1
    elif ": FAIL" in text:
        failed += 1

print(f"{passed} passed, {failed} failed")
