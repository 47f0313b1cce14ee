#!/usr/bin/env python3
# Counts test cases from meson's JSON test log (each TAP "ok"/"not ok" line is one case; a
# non-TAP test is one case) plus extra result files ("name: OK" or "name: FAIL"), and prints
# the closing line "N passed, N failed".
#
# With --tests FILE (the output of `meson introspect --tests`), it first prints how long each
# program ran against its timeout, slowest share first, so that a program creeping towards
# its timeout shows before it fails.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = 0
args = sys.argv[1:]
timeouts = {}
if len(args) >= 2 and args[0] == "--tests":
    try:
        with open(args[1], encoding="utf-8") as f:
            timeouts = {t["name"]: t.get("timeout") for t in json.load(f)}
    except (OSError, ValueError):
        pass
    args = args[2:]
log, extras = args[0], args[1:]

try:
    with open(log, encoding="utf-8") as f:
        entries = [json.loads(line) for line in f if line.strip()]
except OSError:
    entries = []
    failed += 1  # the tests did not even run

if entries:
    print("Test programs, by share of their timeout:")
    rows = []
    for e in entries:
        # The log names a test "project:suite / name"; introspection only "name".
        name = (e.get("name") or "").split(" / ")[-1]
        timeout = timeouts.get(name)
        share = e.get("duration", 0) / timeout if timeout else 0
        rows.append((share, name, e.get("duration", 0), timeout, e.get("result")))
    for share, name, duration, timeout, result in sorted(rows, reverse=True):
        limit = f"of {timeout:4d} s ({share:4.0%})" if timeout else "(no timeout)"
        print(f"  {name:<18} {duration:7.1f} s {limit}  {result}")

todo = []
for e in entries:
    ok = e.get("result") in ("OK", "EXPECTEDFAIL", "SKIP")
    stdout = e.get("stdout") or ""
    # A TAP "not ok … # TODO" is a known gap the program reports, not a failure (TAP 13):
    # listed below, counted in neither number.
    todo += re.findall(r"^not ok\b.*#\s*TODO\b.*$", stdout, re.M | re.I)
    cases = [c for c in re.findall(r"^(ok|not ok)\b(.*)$", stdout, re.M)
             if not (c[0] == "not ok" and re.search(r"#\s*TODO\b", c[1], re.I))]
    if cases:
        p = sum(1 for c, _ in cases if c == "ok")
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

for line in todo:
    print(f"known gap (TAP TODO): {line}")
print(f"{passed} passed, {failed} failed")
