#!/usr/bin/env bash
# Stops the daemon scripts/daemon/start.sh started, by the pid in its pid file. Idempotent: no pid
# file, or a pid that is gone, is not an error. Its data (DIR/root) stays, so images survive.
#
#   sudo scripts/daemon/stop.sh [DIR]       DIR defaults to $DOCKER_REFERENCE_DIR or /tmp/dockerd
set -euo pipefail

dir="${1:-${DOCKER_REFERENCE_DIR:-/tmp/dockerd}}"
fail() { echo "scripts/daemon/stop.sh: $*" >&2; exit 1; }

if [ ! -f "$dir/pid" ]; then
  echo "no daemon to stop ($dir/pid does not exist)" >&2
  exit 0
fi
pid="$(cat "$dir/pid")"
if ! kill -0 "$pid" 2>/dev/null; then
  [ -w "$dir/pid" ] || fail "cannot remove $dir/pid: run as root"
  rm -f "$dir/pid"
  echo "daemon $pid was not running; removed its stale pid file" >&2
  exit 0
fi
[ "$(id -u)" -eq 0 ] || fail "daemon $pid belongs to root: sudo $0 $*"
kill -TERM "$pid"
# dockerd stops its containers first (up to their stop timeout), then exits and removes the pid file.
for _ in $(seq 1 300); do
  kill -0 "$pid" 2>/dev/null || { echo "daemon $pid stopped" >&2; exit 0; }
  sleep 0.1
done
fail "daemon $pid still running 30 s after SIGTERM"
