# Sourced (not run) by .ci/run and ci/live-vpp.sh --native: starts a real VPP from a VPP folder that has
# run-vpp.sh (e.g. ../shared/vpp), in a fresh run directory under a temporary directory and with its own
# shared-memory prefix, and exports what the live tests read:
#   JVPPMUX_LIVE_SOCKET, _STATS_SOCKET, _SHM_PREFIX, _VPPAPICLIENT, _CLI_SOCKET, _PID (printed by run-vpp.sh),
#   JVPPMUX_LIVE_VPP_HOME (the folder: fault tests start VPPs of their own from it) and
#   JVPPMUX_LIVE_REQUIRED=1 (a live test that misses a variable fails instead of being skipped).
#
#   native_vpp_start DIR     start it (returns non-zero, with VPP's output, when it does not come up)
#   native_vpp_stop RC       stop it; when RC is not 0 print the tail of VPP's log and output first
#   live_figures             print the LIVE-FIGURE lines the live tests wrote into surefire's reports

native_vpp_start() {
  local home run out
  home=$(cd "$1" && pwd -P) || { echo "native-vpp: no VPP folder at $1" >&2; return 1; }
  [ -x "$home/run-vpp.sh" ] || { echo "native-vpp: $home has no run-vpp.sh" >&2; return 1; }
  NATIVE_VPP_TMP=$(mktemp -d /tmp/jvppmux-ci-vpp.XXXXXX)
  run="$NATIVE_VPP_TMP/run"
  NATIVE_VPP_RUN=$run
  NATIVE_VPP_HOME=$home
  echo "native-vpp: starting $("$home/bin/vpp" --version 2>/dev/null || echo VPP) from $home in $run"
  if ! out=$("$home/run-vpp.sh" start "$run" "jvppmuxci$$" 2>&1); then
    echo "$out" >&2
    return 1
  fi
  while IFS='=' read -r name value; do
    case "$name" in
      JVPPMUX_LIVE_*) export "$name=$value"; echo "  $name=$value" ;;
    esac
  done <<< "$out"
  [ -n "${JVPPMUX_LIVE_SOCKET:-}" ] || { echo "native-vpp: run-vpp.sh printed no JVPPMUX_LIVE_SOCKET:" >&2; echo "$out" >&2; return 1; }
  export JVPPMUX_LIVE_VPP_HOME="$home"
  export JVPPMUX_LIVE_REQUIRED=1
}

native_vpp_stop() {
  local rc=${1:-0}
  [ -n "${NATIVE_VPP_RUN:-}" ] || return 0
  if [ "$rc" -ne 0 ]; then
    for f in vpp.log vpp.out; do
      if [ -s "$NATIVE_VPP_RUN/$f" ]; then
        echo "native-vpp: last 40 lines of VPP's $f:" >&2
        tail -40 "$NATIVE_VPP_RUN/$f" >&2 || true
      fi
    done
  fi
  "$NATIVE_VPP_HOME/run-vpp.sh" stop "$NATIVE_VPP_RUN" || true
  rm -rf "$NATIVE_VPP_TMP"
  echo "native-vpp: VPP stopped"
  NATIVE_VPP_RUN=
}

live_figures() {
  local files
  files=$(find . -path '*/target/surefire-reports/*-output.txt' 2>/dev/null | sort)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  grep -h '^LIVE-FIGURE ' $files 2>/dev/null || true
}
