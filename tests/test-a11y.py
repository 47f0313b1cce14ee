#!/usr/bin/python3
# test-a11y.py: walks the real window's accessible tree over AT-SPI, in every mode, and
# fails for any control a screen reader would announce without a name.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.ENTRY,
    Atspi.Role.TEXT,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SLIDER,
    Atspi.Role.SWITCH if hasattr(Atspi.Role, "SWITCH") else Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.LINK,
    Atspi.Role.MENU_ITEM,
    Atspi.Role.PAGE_TAB,
}

binary = os.environ["HD_APP_BINARY"]
extra = sys.argv[1:]
tap = []


# The app is another process: the only way to see its tree change is to read it again, so
# these waits poll, each until its condition holds or its deadline passes.
POLL = 0.1


def find_app(pid, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
                    return app
            except gi.repository.GLib.Error:
                pass
        time.sleep(POLL)
    return None


def settled_controls(app, timeout=30.0):
    """The visible controls once the first layout is done: the same non-empty list on three
    reads in a row (widgets are added, shown and named during start-up)."""
    end = time.monotonic() + timeout
    last, same = None, 0
    while time.monotonic() < end:
        controls = []
        walk(app, "", controls)
        same = same + 1 if controls and controls == last else 0
        if same >= 2:
            return controls
        last = controls
        time.sleep(POLL)
    return last or []


def walk(node, path, out, depth=0):
    if node is None or depth > 60:
        return
    try:
        role = node.get_role()
        name = (node.get_name() or "").strip()
        states = node.get_state_set()
        # GTK 4.8 marks only the toplevel SHOWING; VISIBLE also covers pages not on screen.
        showing = states.contains(Atspi.StateType.VISIBLE)
        n = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    here = f"{path}/{node.get_role_name()}"
    if role in CONTROL_ROLES and showing:
        description = (node.get_description() or "").strip()
        out.append((here, name or description))
    for i in range(n):
        walk(node.get_child_at_index(i), here, out, depth + 1)


def check_mode(mode):
    env = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0")
    proc = subprocess.Popen([binary, "--mode", mode] + extra, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        app = find_app(proc.pid)
        if app is None:
            tap.append((False, f"{mode}: the window never appeared on the accessibility bus"))
            return
        controls = settled_controls(app)
        unnamed = [p for p, name in controls if not name]
        tap.append((len(controls) > 0, f"{mode}: {len(controls)} visible controls found"))
        tap.append((not unnamed, f"{mode}: every visible control has an accessible name"
                    + ("" if not unnamed else " (unnamed: " + ", ".join(unnamed[:8]) + ")")))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


for m in ("agent", "supervisor", "trainer"):
    check_mode(m)

print(f"1..{len(tap)}")
for i, (ok, text) in enumerate(tap, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {text}")
sys.exit(0 if all(ok for ok, _ in tap) else 1)
