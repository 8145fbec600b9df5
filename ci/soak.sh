#!/usr/bin/env bash
# A soak against a real VPP: `jvppmux soak` (mixed traffic from many channels and threads, gauges sampled)
# for MINUTES (default 10) while this script restarts VPP (kill -9, start again) every few minutes and
# freezes it once (SIGSTOP for 5 s, then SIGCONT). Ends with the soak's one line, with the restarts and
# freezes added; exits non-zero when a request was lost, a drift passed its bound, or the mux saw fewer
# reconnects than restarts.
#
#   ci/soak.sh [MINUTES] [--vpp-home DIR]   start a VPP of our own from DIR (default ../shared/vpp) in a
#                                           fresh run directory under /tmp, with its own shm prefix
#   ci/soak.sh [MINUTES] --socket PATH      a VPP that is already running: no restarts, no freeze
#   ci/soak.sh [MINUTES] ... -- ARGS        ARGS go to `jvppmux soak` (e.g. --callers 8 --progress)
#
# Needs cli/target/jvppmux.jar (built here when missing) and, for a VPP of its own, root (run-vpp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=10
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; then minutes=$1; shift; fi
vpp_home=../shared/vpp
socket=
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --vpp-home) vpp_home=$2; shift 2 ;;
    --socket) socket=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "soak.sh: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

jar=cli/target/jvppmux.jar
if [ ! -f "$jar" ]; then
  echo "soak.sh: building $jar" >&2
  mvn -B -ntp -q -pl cli -am package -DskipTests
fi

tmp=$(mktemp -d /tmp/jvppmux-soak.XXXXXX)
run=
java_pid=
cleanup() {
  local rc=$?
  [ -z "$java_pid" ] || kill "$java_pid" 2>/dev/null || true
  if [ -n "$run" ]; then
    [ ! -f "$run/vpp.pid" ] || kill -CONT "$(cat "$run/vpp.pid")" 2>/dev/null || true
    "$vpp_home/run-vpp.sh" stop "$run" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

if [ -z "$socket" ]; then
  [ -x "$vpp_home/run-vpp.sh" ] || { echo "soak.sh: no VPP at $vpp_home (no run-vpp.sh); give --vpp-home DIR or --socket PATH" >&2; exit 2; }
  run=$tmp/run
  prefix=jvppmuxsoak$$
  "$vpp_home/run-vpp.sh" start "$run" "$prefix" >/dev/null
  socket=$run/api.sock
  echo "soak.sh: VPP pid $(cat "$run/vpp.pid") from $vpp_home, socket $socket, $minutes minutes" >&2
fi

java -Xmx512m -jar "$jar" soak --socket "$socket" --minutes "$minutes" "${extra[@]}" > "$tmp/soak.out" &
java_pid=$!

restarts=0
freezes=0
if [ -n "$run" ]; then
  # times in seconds from the start: a freeze at 20% of the run, restarts every min(180 s, a third of the
  # run) up to 80% of it (a 2-minute run: freeze at 24 s, restarts at 40 s and 80 s)
  total=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
  every=$(( total / 3 < 180 ? total / 3 : 180 ))
  [ "$every" -ge 10 ] || every=10
  freeze_at=$(( total / 5 ))
  events=$( { echo "$freeze_at freeze"; for ((t = every; t <= total * 4 / 5; t += every)); do echo "$t restart"; done; } | sort -n)
  start=$SECONDS
  while read -r at what; do
    while [ $((SECONDS - start)) -lt "$at" ]; do
      kill -0 "$java_pid" 2>/dev/null || break 2
      sleep 1
    done
    pid=$(cat "$run/vpp.pid")
    if [ "$what" = freeze ]; then
      kill -STOP "$pid"; sleep 5; kill -CONT "$pid"
      freezes=$((freezes + 1))
      echo "soak.sh: t=$((SECONDS - start))s VPP (pid $pid) frozen for 5 s" >&2
    else
      "$vpp_home/run-vpp.sh" kill "$run"
      "$vpp_home/run-vpp.sh" start "$run" "$prefix" >/dev/null
      restarts=$((restarts + 1))
      echo "soak.sh: t=$((SECONDS - start))s VPP killed (pid $pid) and started again (pid $(cat "$run/vpp.pid"))" >&2
    fi
  done <<< "$events"
fi

rc=0
wait "$java_pid" || rc=$?
java_pid=
line=$(tail -1 "$tmp/soak.out")
[[ $line == SOAK* ]] || { cat "$tmp/soak.out" >&2; echo "soak.sh: the soak ended without its line (exit $rc)" >&2; exit 1; }
reconnects=$(sed -n 's/.* reconnects=\([0-9]*\) .*/\1/p' <<< "$line")
if [ "${reconnects:-0}" -lt "$restarts" ]; then
  line=${line/result=PASS/result=FAIL(reconnects)}
  rc=1
fi
echo "${line/ result=/ vpp-restarts=$restarts vpp-freezes=$freezes result=}"
exit "$rc"
