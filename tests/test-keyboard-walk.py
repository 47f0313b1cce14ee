#!/usr/bin/python3
# test-keyboard-walk.py: drives `handoffdesk --demo` with the keyboard alone, as an agent
# without a mouse would, on a screen of 1366×768 and one of 800×600: accept the first offer,
# send a reply, fill a case field and save the case, wrap up, decline the next offer, switch
# to Supervisor and Trainer, step a recording and add a note. Keys go in through xdotool
# (XTEST, the way a keyboard's do); after each step the accessibility tree says what a user
# would check: the focus is on the expected control, that control lies inside its window and
# the screen, and the window is no wider than the screen.
#
# With HD_SCREENSHOT_DIR set, every step leaves a screenshot named after it there, in a
# folder per screen size (`./build-aux/dev.sh screenshots` keeps them in
# docs/screenshots/keyboard-walk/). HD_WALK_SIZES picks the sizes ("800x600").
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

binary = os.environ["HD_APP_BINARY"]
recordings = os.environ["HANDOFFDESK_RECORDINGS_DIR"]
shots = os.environ.get("HD_SCREENSHOT_DIR")
sizes = [tuple(int(n) for n in s.split("x"))
         for s in os.environ.get("HD_WALK_SIZES", "1366x768 800x600").split()]

# Deadlines grow with the machine's load, as the C tests' (HD_TEST_TIMEOUT_SCALE). Every wait
# is for a condition read back from the app; the app is another process, so they poll.
SCALE = float(os.environ.get("HD_TEST_TIMEOUT_SCALE", "1"))
POLL = 0.05
STEP = 20.0     # seconds one step may take to show its result
START = 90.0    # seconds the app may take to appear and connect (ASan, a loaded machine)

REPLY = "Thanks for waiting, Priya. Which dates are you travelling?"
CASE_TEXT = "Customer travels 10 to 20 December; enable international usage for those dates."
NOTE = "Good opening: the agent confirmed the dates before enabling."

tap = []
children = []


def ok(cond, text):
    tap.append((bool(cond), text))
    print(f"# {'ok' if cond else 'FAILED'}: {text}", file=sys.stderr, flush=True)
    return bool(cond)


def todo(passed, why):
    """Marks the check just made a known gap (TAP TODO): listed in every run, not a failure."""
    if not passed:
        tap[-1] = (True, tap[-1][1] + f" # TODO {why}")


def die_with_parent():
    """Children end with the driver, also when meson's timeout kills it."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def spawn(argv, **kwargs):
    proc = subprocess.Popen(argv, preexec_fn=die_with_parent, **kwargs)
    children.append(proc)
    return proc


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_screen(width, height):
    """A display of its own, of exactly @width×@height, so that "inside the screen" means
    what it says. Returns the Xvfb process and its display name."""
    read, write = os.pipe()
    proc = spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
                  "-nolisten", "tcp"], pass_fds=[write],
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(read, 16)
        if not chunk:
            break
        number += chunk
    os.close(read)
    return proc, ":" + number.decode().strip()


def wait_for(what, timeout=STEP):
    """Polls @what () until it returns something true, or the deadline passes (None)."""
    end = time.monotonic() + timeout * SCALE
    context = GLib.MainContext.default()
    while True:
        while context.pending():
            context.iteration(False)
        try:
            found = what()
        except GLib.Error:
            found = None
        if found or time.monotonic() > end:
            return found or None
        time.sleep(POLL)


def name_of(node):
    try:
        return (node.get_name() or "").strip()
    except GLib.Error:
        return ""


def role_of(node):
    try:
        return node.get_role()
    except GLib.Error:
        return None


def states_of(node):
    try:
        return node.get_state_set()
    except GLib.Error:
        return Atspi.StateSet.new([])


def find(node, pred, depth=0):
    """The first visible node under @node (depth first) for which @pred holds."""
    if node is None or depth > 60:
        return None
    try:
        if depth > 0 and not node.get_state_set().contains(Atspi.StateType.VISIBLE):
            return None
        if pred(node):
            return node
        for i in range(node.get_child_count()):
            hit = find(node.get_child_at_index(i), pred, depth + 1)
            if hit is not None:
                return hit
    except GLib.Error:
        pass
    return None


def named(role, pattern):
    """A predicate: @role (or None for any) and a name matching the regular expression."""
    regex = re.compile(pattern)

    def pred(node):
        return (role is None or role_of(node) == role) and regex.search(name_of(node)) is not None
    return pred


def extents(node):
    e = node.get_extents(Atspi.CoordType.WINDOW)
    return e.x, e.y, e.width, e.height


def toplevel_of(node):
    """The frame or dialog @node is in: its extents are what WINDOW coordinates count from."""
    while node is not None:
        parent = node.get_parent()
        if parent is None or role_of(parent) == Atspi.Role.APPLICATION:
            return node
        node = parent
    return None


class Walk:
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.label = f"{width}×{height}"
        # Below about 1,200 px the queue and the customer context fold away, each behind a
        # toggle (docs/ARCHITECTURE.md); the walk opens them as a keyboard user would.
        self.narrow = width < 1200
        self.tmp = tempfile.mkdtemp(prefix="hd-keyboard-walk.")
        self.step_no = 0
        self.focus = None
        self.focus_count = 0
        self.app = None
        self.proc = None

    # --- the session ---

    def start(self):
        self.xvfb, self.display = start_screen(self.width, self.height)
        config = os.path.join(self.tmp, "config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        # The window opens at the screen's size, as a maximized window would (there is no
        # window manager to maximize it): the settings keyfile holds its size.
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write(f"[com/example/HandoffDesk]\nwindow-width={self.width}\n"
                    f"window-height={self.height}\n")
        # Trainer notes are written beside the recording: a copy, not the source tree's.
        recs = os.path.join(self.tmp, "recordings")
        shutil.copytree(recordings, recs)
        env = dict(os.environ, DISPLAY=self.display, GTK_A11Y="atspi", NO_AT_BRIDGE="0",
                   GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config,
                   XDG_DATA_HOME=os.path.join(self.tmp, "data"),
                   XDG_CACHE_HOME=os.path.join(self.tmp, "cache"),
                   HANDOFFDESK_RECORDINGS_DIR=recs,
                   # The demo's offers stay open while a loaded machine walks through them.
                   HD_DEMO_OFFER_TTL_S="3600")
        self.env = env
        self.log = open(os.path.join(self.tmp, "app.log"), "w+")
        self.proc = spawn([binary, "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=self.log)

        def on_focus(event):
            # Other apps on the accessibility bus (the suite runs tests side by side) are
            # not ours: only our app's focus counts.
            if event.detail1 != 1:
                return
            try:
                if event.source.get_process_id() != self.proc.pid:
                    return
            except gi.repository.GLib.Error:
                return
            self.focus = event.source
            self.focus_count += 1

        self.listener = Atspi.EventListener.new(on_focus)
        self.listener.register("object:state-changed:focused")

        def app():
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                a = desktop.get_child_at_index(i)
                if a is not None and a.get_process_id() == self.proc.pid and a.get_child_count() > 0:
                    return a
            return None
        self.app = wait_for(app, START)
        return ok(self.app is not None, f"{self.label}: the window appears on the accessibility bus")

    def finish(self):
        self.listener.deregister("object:state-changed:focused")
        stop(self.proc)
        # The suite runs the app without fatal criticals (tests/meson.build): each one is
        # listed here instead, so that the walk still reaches every step.
        self.log.seek(0)
        criticals = [line.strip() for line in self.log if "CRITICAL" in line]
        self.log.close()
        ok(not criticals, f"{self.label}: the app logs no critical"
           + ("" if not criticals else " (" + "; ".join(criticals[:3]) + ")"))
        stop(self.xvfb)
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- input ---

    def key(self, *keys):
        subprocess.run(["xdotool", "key", "--delay", "40"] + list(keys), env=self.env, check=True)

    def type(self, text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], env=self.env, check=True)

    def press_until(self, key, pred, what, presses=12):
        """Presses @key until the focus lands on a control for which @pred holds. Every press
        must move the focus somewhere the app reports, else it is a trap."""
        for _ in range(presses):
            count = self.focus_count
            self.key(key)
            if wait_for(lambda: self.focus_count > count, 5.0) is None:
                # A control that takes the focus without saying so (AdwEntryRow in GTK 4.8):
                # keep going, the next press shows where the focus went.
                continue
            if pred(self.focus):
                return self.check_focus(what)
        return ok(False, f"{self.label}: {key} reaches {what} within {presses} presses "
                  f"(focus on {self.describe(self.focus)})")

    def toggle(self, name, want):
        """Tabs back to the toggle button @name and presses Space on it, unless it is already
        as @want. GTK 4.8 gives a GtkToggleButton the role of a push button, pressed or not."""
        def is_it(node):
            return role_of(node) in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.PUSH_BUTTON) and \
                name_of(node) == name

        def pressed(node):
            states = states_of(node)
            return states.contains(Atspi.StateType.CHECKED) or states.contains(Atspi.StateType.PRESSED)

        if not self.press_until("shift+Tab", is_it, f"the toggle {name}", presses=40):
            return False
        button = self.focus
        if pressed(button) != want:
            self.key("space")
        return ok(wait_for(lambda: pressed(button) == want),
                  f"{self.label}: Space {'opens' if want else 'closes'} {name[5:]}")

    def wait_focus(self, pred, what, timeout=STEP):
        found = wait_for(lambda: self.focus is not None and pred(self.focus), timeout)
        if not found:
            return ok(False, f"{self.label}: the focus moves to {what} "
                      f"(it is on {self.describe(self.focus)})")
        return self.check_focus(what)

    # --- checks ---

    def describe(self, node):
        if node is None:
            return "nothing"
        try:
            return f"{node.get_role_name()} “{name_of(node)}”"
        except GLib.Error:
            return "a control that is gone"

    def check_focus(self, what):
        """The focused control is inside its window, and the window inside the screen."""
        node = self.focus
        seen = []

        # A scrolled window brings the focused control into view a frame after the focus
        # moved: what counts is where the control settles.
        def inside():
            x, y, w, h = extents(node)
            _, _, tw, th = extents(toplevel_of(node))
            seen[:] = [x, y, w, h, tw, th]
            return (x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= tw and y + h <= th and
                    tw <= self.width and th <= self.height)

        settled = wait_for(inside, 5.0)
        if not seen:
            return ok(False, f"{self.label}: {what} has the focus and reports its extents")
        x, y, w, h, tw, th = seen
        return ok(settled,
                  f"{self.label}: {what} has the focus ({self.describe(node)}) and lies inside "
                  f"its window ({x},{y} {w}×{h} in {tw}×{th}) and the screen")

    def check_window(self):
        frame = find(self.app, lambda n: role_of(n) == Atspi.Role.FRAME)
        if frame is None:
            return ok(False, f"{self.label}: the main window is there")
        _, _, w, h = extents(frame)
        return ok(w <= self.width and h <= self.height,
                  f"{self.label}: the window ({w}×{h}) fits the screen")

    def find(self, pred, timeout=STEP):
        return wait_for(lambda: find(self.app, pred), timeout)

    def shoot(self, name):
        self.step_no += 1
        if not shots:
            return
        folder = os.path.join(shots, f"{self.width}x{self.height}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{self.step_no:02d}-{name}.png")
        subprocess.run(["import", "-display", self.display, "-window", "root", path], check=True)

    # --- the walk ---

    def accept(self):
        offer = self.find(named(Atspi.Role.PUSH_BUTTON, r"^Accept"), START)
        ok(offer, f"{self.label}: the first offer is shown, with its Accept button")
        self.check_window()
        self.shoot("offer")
        # Ctrl+Return answers the offer shown wherever the focus is, also at start-up.
        self.key("ctrl+Return")
        reply = self.find(lambda n: named(Atspi.Role.TEXT, r"^Reply to Customer$")(n) and
                          states_of(n).contains(Atspi.StateType.SENSITIVE))
        ok(reply, f"{self.label}: Ctrl+Return accepts the offer: the reply box opens")
        self.check_window()
        self.shoot("accepted")

    def send_reply(self):
        # F6 goes from region to region; the reply box is one of them.
        self.press_until("F6", named(Atspi.Role.TEXT, r"^Reply to Customer$"), "the reply box")
        self.type(REPLY)
        self.key("Return")
        sent = self.find(named(Atspi.Role.LIST_ITEM, r"^Agent\b.*" + re.escape(REPLY[:30])))
        ok(sent, f"{self.label}: Enter sends the reply: the transcript shows it as the agent's")
        self.check_focus("the reply box, after sending")
        self.check_window()
        self.shoot("reply-sent")

    def save_case(self):
        if self.narrow:
            self.toggle("Show Customer and Bot Context", True)
        self.press_until("F6", named(Atspi.Role.COMBO_BOX, r"^Status"), "the case editor's Status")
        self.press_until("Tab", named(Atspi.Role.TEXT, r"^Case Description$"),
                         "the case description")
        # Below what the bot captured, on a line of its own.
        self.key("ctrl+End", "Return")
        self.type(CASE_TEXT)
        dirty = self.find(named(Atspi.Role.LABEL, r"Unsaved changes"))
        ok(dirty, f"{self.label}: the case editor says it has unsaved changes")
        self.shoot("case-edited")
        # Ctrl+S saves the case from anywhere in the editor.
        self.key("ctrl+s")
        saved = self.find(named(Atspi.Role.LABEL, r"^Case \S*\d"))
        ok(saved, f"{self.label}: Ctrl+S saves the case: the editor names the case Salesforce created")
        self.check_focus("the case description, after saving")
        self.check_window()
        self.shoot("case-saved")
        if self.narrow:
            self.toggle("Show Customer and Bot Context", False)

    def wrap_up(self):
        self.press_until("F6", named(Atspi.Role.TEXT, r"^Reply to Customer$"), "the reply box")
        self.press_until("Tab", named(Atspi.Role.PUSH_BUTTON, r"^Wrap Up"), "Wrap Up")
        self.key("Return")
        self.wait_focus(lambda n: toplevel_of(n) is not None and
                        role_of(toplevel_of(n)) != Atspi.Role.FRAME or
                        re.search(r"Resolved|Cancel", name_of(n)) is not None,
                        "the wrap-up dialog")
        self.shoot("wrap-up-dialog")
        # Response buttons are named by their words once, without mnemonic marks.
        self.press_until("Tab", named(Atspi.Role.PUSH_BUTTON, r"^Resolved$"), "Resolved", presses=4)
        self.key("Return")
        done = self.find(named(Atspi.Role.LIST_ITEM, r"Wrapped up$"))
        ok(done, f"{self.label}: the handoff is wrapped up: its queue row says so")
        self.check_window()
        self.shoot("wrapped-up")

    def decline(self):
        # The next live offer: from the queue, Down to it and Enter to show it.
        if self.narrow:
            self.toggle("Show Queue", True)
        self.press_until("F6", lambda n: role_of(n) == Atspi.Role.LIST_ITEM, "the queue")
        if self.narrow:
            # Folded, the queue stays open while the arrows move its cursor (the focus on
            # the row, shown), and Enter chooses the row, closing it.
            self.key("Down")
            ok(wait_for(lambda: named(Atspi.Role.LIST_ITEM, r"Offer\b")(self.focus), 5.0),
               f"{self.label}: Down moves to the next offer's row in the folded queue")
            self.check_focus("the next offer's row, the folded queue still open")
            self.key("Return")
            offer = self.find(named(Atspi.Role.PUSH_BUTTON, r"^Accept"))
            ok(offer, f"{self.label}: Enter in the folded queue shows the next offer, with its Accept button")
        else:
            self.press_until("Down", named(Atspi.Role.LIST_ITEM, r"Offer\b"), "the next offer", presses=8)
            self.key("Return")
            offer = self.find(named(Atspi.Role.PUSH_BUTTON, r"^Accept"))
            ok(offer, f"{self.label}: Enter on the queue row shows the offer, with its Accept button")
        # Ctrl+D asks why; the dialog's default is to keep the offer.
        self.key("ctrl+d")
        # Named by its words once: GTK 4.8 alone would say "_Keep Offer Keep Offer".
        self.wait_focus(named(Atspi.Role.PUSH_BUTTON, r"^Keep Offer$"),
                        "Keep Offer, the decline dialog's default")
        self.shoot("decline-dialog")
        self.press_until("shift+Tab", named(Atspi.Role.PUSH_BUTTON, r"^Busy With Another Customer$"),
                         "the reason Busy With Another Customer", presses=6)
        self.key("Return")
        declined = self.find(named(Atspi.Role.LIST_ITEM, r"Declined"))
        ok(declined, f"{self.label}: the offer is declined: its queue row says so")
        self.check_window()
        self.shoot("declined")

    def switch_modes(self):
        for key, mode in (("alt+2", "Supervisor"), ("alt+3", "Trainer")):
            count = self.focus_count
            self.key(key)
            tab = self.find(lambda n: named(Atspi.Role.PAGE_TAB, "^" + mode + "$")(n) and
                            states_of(n).contains(Atspi.StateType.SELECTED))
            ok(tab, f"{self.label}: {key} shows {mode} mode")
            if wait_for(lambda: self.focus_count > count, 5.0):
                self.check_focus(f"a control of {mode} mode")
            self.check_window()
            self.shoot(mode.lower())

    def step_recording(self):
        # Tab passes the recordings without opening them; Enter opens one.
        if self.narrow:
            self.toggle("Show Recordings", True)
        self.press_until("Tab", named(Atspi.Role.LIST_ITEM, r"^Good handoff"),
                         "the recording Good handoff", presses=40)
        self.key("Return")
        opened = self.find(named(Atspi.Role.LABEL, r"\b11 events"))
        ok(opened, f"{self.label}: Enter opens the recording: the trainer shows its 11 events")
        timeline = self.find(named(Atspi.Role.SLIDER, r"^Timeline$"))
        if timeline is None:
            return ok(False, f"{self.label}: the recording has a timeline")
        for _ in range(2):
            before = Atspi.Value.get_current_value(timeline)
            self.key("Right")
            moved = wait_for(lambda: Atspi.Value.get_current_value(timeline) > before)
            ok(moved, f"{self.label}: Right steps the recording forward (from event {before:.0f})")
        self.check_focus("the recording, after stepping")
        self.check_window()
        self.shoot("recording-stepped")

    def add_note(self):
        if self.narrow:
            self.toggle("Show Recordings", True)
        self.press_until("Tab", named(Atspi.Role.TEXT, r"^New Note$"), "the note box", presses=25)
        self.type(NOTE)
        self.key("Return")
        note = self.find(lambda n: NOTE[:20] in name_of(n))
        ok(note, f"{self.label}: Enter adds the note: the notes list shows it")
        self.check_focus("the note box, after adding")
        self.check_window()
        self.shoot("note-added")

    def run(self):
        steps = (self.accept, self.send_reply, self.save_case, self.wrap_up, self.decline,
                 self.switch_modes, self.step_recording, self.add_note)
        if not self.start():
            return
        for step in steps:
            before = len([t for t in tap if not t[0]])
            step()
            # A step that failed leaves the app somewhere the next one cannot start from.
            if len([t for t in tap if not t[0]]) > before:
                ok(False, f"{self.label}: the walk stops after {step.__name__}")
                break


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    try:
        for width, height in sizes:
            walk = Walk(width, height)
            try:
                walk.run()
            finally:
                walk.finish()
    finally:
        for proc in children:
            stop(proc)
    print(f"1..{len(tap)}")
    for i, (passed, text) in enumerate(tap, 1):
        print(f"{'not ok' if not passed or '# TODO' in text else 'ok'} {i} - {text}")
    return 0 if all(passed for passed, _ in tap) else 1


sys.exit(main())
