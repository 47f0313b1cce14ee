#!/usr/bin/env bash
# screenshots.sh BUILDDIR: regenerates docs/screenshots/ from the real program.
# Run it through `./build-aux/dev.sh screenshots`, which provides Xvfb, D-Bus and a keyring.
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

build=${1:?usage: screenshots.sh BUILDDIR}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=docs/screenshots
mkdir -p "$out"

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo
export GDK_DEBUG=gl-disable LC_ALL=C.UTF-8 HANDOFFDESK_RECORDINGS_DIR="$PWD/data/recordings"
export HANDOFFDESK_LOCALEDIR="$build/po"

# Every mode is shot on the built-in demo (HD_SCREENSHOT_ARGS overrides the arguments).
shoot() {
  local name=$1 wait=$2; shift 2
  "$build/src/handoffdesk" "$@" &
  local pid=$!
  sleep "$wait"
  import -window root -crop 1366x768+0+0 +repage "$out/$name.png"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "wrote $out/$name.png"
}

for mode in agent supervisor trainer; do
  # shellcheck disable=SC2086
  shoot "$mode-mode" "${HD_SCREENSHOT_WAIT:-6}" --mode "$mode" ${HD_SCREENSHOT_ARGS:---demo}
done

# Salesforce mode (--feed salesforce): offers from the stand-in's Streaming API endpoint, in
# the same pane; Supervisor mode points to Omni-Channel Supervisor there.
for mode in agent supervisor; do
  shoot "salesforce-$mode" "${HD_SCREENSHOT_WAIT:-6}" --mode "$mode" --demo --feed salesforce
done

# A chat accepted with a reply sent, at 1366×768 (agent-accepted) and at 800×600, where the
# queue and the context fold away (agent-narrow). The geometry test drives the same window
# on the built-in demo there, checks that nothing is clipped, and saves what it checked.
ASAN_OPTIONS=detect_leaks=0 HD_SCREENSHOT_DIR="$PWD/$out" HD_TEST_FIXTURES="$PWD/tests/fixtures" \
  "$build/tests/test-ui-geometry" -p /geometry/demo-reply >/dev/null
echo "wrote $out/agent-accepted.png"
echo "wrote $out/agent-narrow.png"

# The keyboard walk (tests/test-keyboard-walk.py) at 1366×768 and 800×600: a screenshot
# after every step, in keyboard-walk/<size>/.
rm -rf "$out/keyboard-walk"
ASAN_OPTIONS=detect_leaks=0 HD_APP_BINARY="$build/src/handoffdesk" \
  HD_SCREENSHOT_DIR="$PWD/$out/keyboard-walk" /usr/bin/python3 tests/test-keyboard-walk.py >/dev/null
echo "wrote $out/keyboard-walk/"

# Agent mode in Hindi, with the Indian formats (hi_IN.UTF-8, which dev.sh generates).
if locale -a 2>/dev/null | grep -qix hi_in.utf8; then
  # shellcheck disable=SC2086
  LC_ALL=hi_IN.UTF-8 LANGUAGE=hi shoot agent-mode-hi "${HD_SCREENSHOT_WAIT:-6}" --mode agent ${HD_SCREENSHOT_ARGS:---demo}
else
  echo "screenshots.sh: the locale hi_IN.UTF-8 is not generated, no agent-mode-hi.png" >&2
fi
