#!/usr/bin/env bash
# dev.sh: the developer's entry point.
#
#   ./build-aux/dev.sh demo    install what is missing, build, open the app on its built-in
#                              routing layer and Salesforce stand-in (loopback only)
#   ./build-aux/dev.sh test    install, build with -Werror and ASan/UBSan, run every test
#                              under Xvfb, a private D-Bus and an unlocked gnome-keyring,
#                              then fuzz the packet parser for 60 seconds
#   ./build-aux/dev.sh bench [--runs N]   install, build for release, run the benchmarks
#                              once and the UI ones N times (HD_BENCH_RUNS, default 1) under
#                              headless mutter and under Xvfb, print every figure and a
#                              table of the targets, met or missed, per compositor
#   ./build-aux/dev.sh screenshots   regenerate docs/screenshots/ under Xvfb
#   ./build-aux/dev.sh session CMD…  run one command in the test session (Xvfb, a private
#                              D-Bus and an unlocked keyring), e.g.
#                              meson test -C _build/test ui-trainer
#   ./build-aux/dev.sh mutter-session CMD…   the same on headless mutter (Wayland, as
#                              GNOME on Debian 12 runs) instead of Xvfb
#
# Copyright 2026 The HandoffDesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
top=$(pwd)

# Debian 12 packages, each for one job: build tools, the libraries the app links, the
# validators of the data tests, and the virtual desktops the UI tests and benchmarks run in
# (Xvfb, and mutter as GNOME's own Wayland compositor).
packages=(
  meson ninja-build pkg-config gcc gettext
  clang libclang-rt-14-dev
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  desktop-file-utils appstream
  xvfb xauth mutter dbus dbus-daemon gnome-keyring at-spi2-core
  adwaita-icon-theme fonts-cantarell fonts-noto-core
  imagemagick python3 python3-gi gir1.2-atspi-2.0 xdotool
  locales
)

# The locales the format and translation tests run in: Hindi and English in India (the
# Indian digit grouping, 1,00,000) and English in the US (the 12-hour clock).
test_locales=(hi_IN.UTF-8 en_IN.UTF-8 en_US.UTF-8)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

install_missing() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    generate_locales
    return 0
  fi
  say "Installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing packages (${missing[*]}) and no root: install them first"
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  generate_locales
}

# Generates the test locales that are missing: uncommented in /etc/locale.gen, then
# locale-gen, which builds every locale listed there.
generate_locales() {
  local missing=() l
  for l in "${test_locales[@]}"; do
    locale -a 2>/dev/null | grep -qix "${l/UTF-8/utf8}" || missing+=("$l")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Generating the locales ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "missing locales (${missing[*]}) and no root: generate them first"
    sudo=(sudo)
  fi
  local line
  for l in "${missing[@]}"; do
    # Listed as SUPPORTED names them: "hi_IN UTF-8" but "en_US.UTF-8 UTF-8".
    line=$(grep -E -m1 "^(${l}|${l%.UTF-8}) UTF-8\$" /usr/share/i18n/SUPPORTED) ||
      die "glibc does not know the locale $l"
    if grep -qx "# *$line" /etc/locale.gen; then
      "${sudo[@]}" sed -i "s/^# *$line\$/$line/" /etc/locale.gen
    elif ! grep -qx "$line" /etc/locale.gen; then
      echo "$line" | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    fi
  done
  "${sudo[@]}" locale-gen >/dev/null
}

# meson setup, or reconfigure when the folder exists already.
configure() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@" >/dev/null
  fi
}

# Runs a command on a virtual display, a private session bus and a real, unlocked
# gnome-keyring, with private XDG folders so that nothing touches the user's own data.
# The display is Xvfb (X11) or, with COMPOSITOR=mutter, a headless mutter: GNOME's own
# Wayland compositor with one 1366×768 virtual monitor, where GTK takes the Wayland path
# that agents' desktops take (Xvfb's X11 path has round trips of its own).
in_session() {
  local compositor=${COMPOSITOR:-xvfb} tmp display=()
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/handoffdesk-session.XXXXXX")
  mkdir -p "$tmp"/{data,config,cache,runtime}
  chmod 700 "$tmp/runtime"
  case "$compositor" in
    xvfb) display=(xvfb-run -a -s "-screen 0 1366x768x24") ;;
    mutter) display=(env -u DISPLAY) ;;
    *) die "unknown compositor $compositor (xvfb or mutter)" ;;
  esac
  XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
  XDG_RUNTIME_DIR="$tmp/runtime" GSK_RENDERER=cairo NO_AT_BRIDGE=0 HD_SESSION_COMPOSITOR="$compositor" \
    "${display[@]}" \
    dbus-run-session -- bash -c '
      # A keyring of our own, unlocked with a throwaway password, ended with the session.
      printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$XDG_RUNTIME_DIR/keyring.env" 2>/dev/null &
      keyring=$!
      for _ in $(seq 50); do
        grep -q GNOME_KEYRING_CONTROL "$XDG_RUNTIME_DIR/keyring.env" && break
        sleep 0.1
      done
      set -a; . "$XDG_RUNTIME_DIR/keyring.env"; set +a
      compositor=
      if [ "$HD_SESSION_COMPOSITOR" = mutter ]; then
        # mutter makes its socket once its virtual monitor is up; the app waits for that.
        name=handoffdesk-$$
        mutter --wayland --headless --no-x11 --virtual-monitor 1366x768 \
          --wayland-display="$name" >"$XDG_RUNTIME_DIR/mutter.log" 2>&1 &
        compositor=$!
        for _ in $(seq 300); do
          [ -S "$XDG_RUNTIME_DIR/$name" ] && break
          kill -0 "$compositor" 2>/dev/null || break
          sleep 0.1
        done
        if [ ! -S "$XDG_RUNTIME_DIR/$name" ]; then
          echo "dev.sh: mutter did not start:" >&2
          cat "$XDG_RUNTIME_DIR/mutter.log" >&2
          kill "$keyring" "$compositor" 2>/dev/null
          exit 1
        fi
        export WAYLAND_DISPLAY=$name GDK_BACKEND=wayland
      fi
      "$@"; rc=$?
      [ -n "$compositor" ] && { kill "$compositor" 2>/dev/null; wait "$compositor" 2>/dev/null; }
      kill "$keyring" 2>/dev/null || true
      exit $rc' session "$@"
  local rc=$?
  rm -rf "$tmp"
  return $rc
}

cmd_build() {
  install_missing
  configure _build/dev
  ninja -C _build/dev >/dev/null
}

cmd_demo() {
  cmd_build
  # The translations built in the tree; glibc ignores LANGUAGE (LANGUAGE=hi …) under the
  # plain C locale, so an unset or C locale becomes the language's own locale where dev.sh
  # generated one (hi → hi_IN.UTF-8, with the Indian number and time formats), else C.UTF-8.
  case "${LC_ALL:-${LC_MESSAGES:-${LANG:-C}}}" in
    C|POSIX)
      case "${LANGUAGE:-}" in
        hi*) export LANG=hi_IN.UTF-8 ;;
        *) export LANG=C.UTF-8 ;;
      esac
      locale -a 2>/dev/null | grep -qix "${LANG%.UTF-8}.utf8" || export LANG=C.UTF-8
      unset LC_ALL LC_MESSAGES ;;
  esac
  local app=(env GSETTINGS_SCHEMA_DIR="$top/_build/dev/data" HANDOFFDESK_RECORDINGS_DIR="$top/data/recordings"
             HANDOFFDESK_LOCALEDIR="$top/_build/dev/po"
             "$top/_build/dev/src/handoffdesk" --demo "$@")
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    die "no display to open the window on: run this from a desktop session (or see build-aux/screenshots.sh for a headless look)"
  fi
  say "Starting HandoffDesk on the built-in routing layer"
  exec "${app[@]}"
}

cmd_test() {
  install_missing
  rm -f _build/fuzz/result
  say "Building with -Werror, ASan and UBSan"
  configure _build/test -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C _build/test
  say "Running the tests"
  local rc=0
  in_session meson test -C _build/test --print-errorlogs --num-processes 2 || rc=$?

  if [ -f tests/fuzz/meson.build ]; then
    say "Fuzzing the packet parser for 60 seconds"
    CC=clang configure _build/fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
    ninja -C _build/fuzz tests/fuzz/fuzz-packet >/dev/null
    local corpus
    corpus=$(mktemp -d)
    if ./_build/fuzz/tests/fuzz/fuzz-packet -max_total_time=60 -print_final_stats=0 \
         -artifact_prefix=_build/fuzz/ "$corpus" tests/fixtures/valid tests/fixtures/invalid \
         >_build/fuzz/fuzz.log 2>&1; then
      echo "fuzz-packet: OK ($(grep -c '' "$corpus"/* 2>/dev/null | wc -l) corpus entries)" | tee _build/fuzz/result
    else
      rc=1
      tail -40 _build/fuzz/fuzz.log
      echo "fuzz-packet: FAIL" | tee _build/fuzz/result
    fi
    rm -rf "$corpus"
  fi
  return $rc
}

# The machine and its load, for reading every figure beside it.
describe_machine() {
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),"\
       "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), kernel $(uname -r)"
  echo "machine: $(. /etc/os-release && echo "$PRETTY_NAME"), $(mutter --version 2>/dev/null | head -1),"\
       "Xvfb $(dpkg-query -W -f='${Version}' xvfb 2>/dev/null), GTK $(pkg-config --modversion gtk4)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo ' (with changes)')"
}

# Runs the benchmarks in a release build: the non-UI ones once, the UI ones (meson suite
# ui-bench) RUNS times under each compositor, interleaved so that a change in the machine's
# load falls on both, then one table of the targets. Every log stays in
# _build/release/bench-logs/.
cmd_bench() {
  local runs=${HD_BENCH_RUNS:-1}
  while [ $# -gt 0 ]; do
    case "$1" in
      --runs) runs=${2:?--runs needs a number}; shift 2 ;;
      --runs=*) runs=${1#--runs=}; shift ;;
      *) die "bench: unknown argument $1 (bench [--runs N])" ;;
    esac
  done
  [[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "bench: --runs wants a positive number, not $runs"
  install_missing
  configure _build/release --buildtype=release
  ninja -C _build/release >/dev/null
  local logs
  logs=_build/release/bench-logs/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$logs"
  describe_machine | tee "$logs/machine.txt"
  say "Running the benchmarks that draw nothing, once (release build, load:$(uptime | sed 's/.*load average://'))"
  in_session meson test -C _build/release --benchmark --no-suite ui-bench --num-processes 1 --verbose \
    2>&1 | tee "$logs/other.log" || true
  local run compositor
  for run in $(seq "$runs"); do
    for compositor in mutter xvfb; do
      say "UI benchmarks under $compositor, run $run of $runs (load:$(uptime | sed 's/.*load average://'))"
      { echo "load:$(uptime | sed 's/.*load average://')"
        COMPOSITOR=$compositor in_session meson test -C _build/release --benchmark --suite ui-bench \
          --num-processes 1 --verbose 2>&1 || true
        echo "load after:$(uptime | sed 's/.*load average://')"
      } | tee "$logs/$compositor-$run.log"
    done
  done
  say "Targets ($logs)"
  python3 "$top/build-aux/bench-summary.py" "$logs"
}

cmd_screenshots() {
  cmd_build
  in_session "$top/build-aux/screenshots.sh" "$top/_build/dev"
}

case "${1:-}" in
  demo) shift; cmd_demo "$@" ;;
  test) cmd_test ;;
  bench) shift; cmd_bench "$@" ;;
  build) cmd_build ;;
  screenshots) cmd_screenshots ;;
  session) shift; install_missing; in_session "$@" ;;
  mutter-session) shift; install_missing; COMPOSITOR=mutter in_session "$@" ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
