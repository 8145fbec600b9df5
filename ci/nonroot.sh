#!/usr/bin/env bash
# jvppmux as a non-root agent: a VPP of its own (from ../shared/vpp or --vpp-home DIR) started with
# RUN_VPP_GID=G, so that its API socket, shared-memory segment and stats socket belong to group G; then, as
# a user in G (created here), `jvppmux version` over the socket, over shared memory, and `jvppmux stats`;
# and, as a user outside G (created here too), the same three, each of which must be refused. A refusal
# should be one line on stderr that names the file, its mode and the group it needs; one that is not is
# printed as a GAP line, and fails the run only with JVPPMUX_NONROOT_STRICT=1 (the library's messages name
# the file but not yet its actual mode and group).
#
#   ci/nonroot.sh [--vpp-home DIR]
#
# Must run as root (it creates a group and two users, and starts VPP); needs cli/target/jvppmux.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
vpp_home=../shared/vpp
[ "${1:-}" != --vpp-home ] || vpp_home=$2
[ "$(id -u)" -eq 0 ] || { echo "nonroot.sh: must run as root (creates users, starts VPP)" >&2; exit 2; }
[ -x "$vpp_home/run-vpp.sh" ] || { echo "nonroot.sh: no VPP at $vpp_home (no run-vpp.sh)" >&2; exit 2; }
jar=cli/target/jvppmux.jar
[ -f "$jar" ] || mvn -B -ntp -q -pl cli -am package -DskipTests
java=$(readlink -f "$(command -v java)")

group=jvppmuxvpp
agent=jvppmuxagent
outsider=jvppmuxoutsider
getent group "$group" >/dev/null || groupadd --system "$group"
for u in "$agent" "$outsider"; do
  getent passwd "$u" >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin "$u"
done
usermod -a -G "$group" "$agent"
gid=$(getent group "$group" | cut -d: -f3)

# what the users run lives in a directory they can read: the jar and libvppapiclient with its libraries
tmp=$(mktemp -d /tmp/jvppmux-nonroot.XXXXXX)
chmod 755 "$tmp"
run=$tmp/run
prefix=jvppmuxnr$$
cleanup() {
  local rc=$?
  "$vpp_home/run-vpp.sh" stop "$run" >/dev/null 2>&1 || true
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
mkdir -p "$tmp/lib" "$run"
chmod 755 "$run"
cp "$jar" "$tmp/jvppmux.jar"
cp "$vpp_home"/lib/*.so* "$tmp/lib/"
chmod -R a+rX "$tmp"
RUN_VPP_GID=$gid "$vpp_home/run-vpp.sh" start "$run" "$prefix" >/dev/null
echo "nonroot.sh: VPP pid $(cat "$run/vpp.pid") with gid $group ($gid); $(ls -l "$run/api.sock" | cut -d' ' -f1,3,4) api.sock," \
     "$(ls -l "/dev/shm/$prefix-vpe-api" | cut -d' ' -f1,3,4) /dev/shm/$prefix-vpe-api"

as() {  # as USER COMMAND...: jvppmux as USER, in a directory USER can read, LD_LIBRARY_PATH for libvppapiclient
  local user=$1; shift
  (cd "$tmp" && runuser -u "$user" -- env HOME="$tmp" LD_LIBRARY_PATH="$tmp/lib" "$java" -jar "$tmp/jvppmux.jar" "$@")
}
checks=(
  "socket|version --socket $run/api.sock"
  "shm|version --shm --shm-prefix $prefix --vppapiclient $tmp/lib/libvppapiclient.so.26.10"
  "stats|stats --stats-socket $run/stats.sock /sys/boottime"
)
failed=0
for c in "${checks[@]}"; do
  name=${c%%|*}; args=${c#*|}
  # shellcheck disable=SC2086
  if out=$(as "$agent" $args 2>&1); then
    echo "nonroot.sh: $agent (in $group) $name: OK: $(tail -1 <<< "$out")"
  else
    echo "nonroot.sh: $agent (in $group) $name: FAILED: $out"; failed=1
  fi
  # shellcheck disable=SC2086
  if out=$(as "$outsider" $args 2>&1); then
    echo "nonroot.sh: $outsider (not in $group) $name: connected, but must have been refused: $out"; failed=1
  elif [ "$(grep -c . <<< "$out")" -eq 1 ] && grep -q "$group" <<< "$out" && grep -Eq '[0-7]{4}|[-rwxs]{9}' <<< "$out"; then
    echo "nonroot.sh: $outsider (not in $group) $name: refused in one clear line: $out"
  else
    echo "nonroot.sh: GAP: $outsider (not in $group) $name: refused, but the line does not name the mode and group $group: $out"
    [ "${JVPPMUX_NONROOT_STRICT:-0}" != 1 ] || failed=1
  fi
done
echo "nonroot.sh: $( [ "$failed" -eq 0 ] && echo passed || echo FAILED ): socket, shm and stats as $agent in $group"
exit "$failed"
