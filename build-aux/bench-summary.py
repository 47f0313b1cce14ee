#!/usr/bin/env python3
# bench-summary.py LOGDIR: the table of targets after `./build-aux/dev.sh bench`.
#
# The UI benchmarks print one line per target,
#   target: KEY | WHAT | FIGURE | TARGET | met or missed | NOTE
# and dev.sh keeps each run's output as LOGDIR/COMPOSITOR-RUN.log, with the load average
# before and after it. This prints, per target, every run's figure under mutter (where the
# targets hold) and under Xvfb (reported beside), and how many runs met it.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

COMPOSITORS = ("mutter", "xvfb")


def read_runs(logdir):
    runs = {c: [] for c in COMPOSITORS}
    for name in os.listdir(logdir):
        m = re.fullmatch(r"(mutter|xvfb)-(\d+)\.log", name)
        if m:
            runs[m.group(1)].append((int(m.group(2)), os.path.join(logdir, name)))
    for c in runs:
        runs[c].sort()
    return runs


def parse(path):
    targets, load = {}, ""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("load:"):
                load = line[len("load:"):].strip()
            i = line.find("target: ")
            if i < 0:
                continue
            fields = [x.strip() for x in line[i + len("target: "):].split("|")]
            if len(fields) < 5:
                continue
            key, what, figure, target, verdict = fields[:5]
            note = fields[5] if len(fields) > 5 else ""
            targets[key] = (what, figure, target, verdict == "met", note)
    return targets, load


def main():
    logdir = sys.argv[1]
    runs = read_runs(logdir)
    parsed = {c: [(n, *parse(p)) for n, p in runs[c]] for c in COMPOSITORS}
    order, info = [], {}
    for c in COMPOSITORS:
        for _, targets, _ in parsed[c]:
            for key, value in targets.items():
                if key not in info:
                    order.append(key)
                    info[key] = value
    for c in COMPOSITORS:
        for n, _, load in parsed[c]:
            print(f"{c} run {n}: load average {load}")
    print()
    for key in order:
        what, _, target, _, _ = info[key]
        print(f"{what} (target {target})")
        for c in COMPOSITORS:
            figures, met, notes = [], 0, set()
            for n, targets, _ in parsed[c]:
                if key not in targets:
                    figures.append("—")
                    continue
                _, figure, _, ok, note = targets[key]
                figures.append(f"{figure} {'met' if ok else 'MISSED'}")
                met += ok
                if note:
                    notes.add(note)
            total = len(parsed[c])
            line = f"  {c:7} met in {met} of {total}: " + "; ".join(figures)
            print(line)
            for note in sorted(notes):
                print(f"  {'':7} ({note})")
    if not order:
        print("no target lines found: did the UI benchmarks run? See the logs in", logdir)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
