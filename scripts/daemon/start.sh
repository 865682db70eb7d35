#!/usr/bin/env bash
# Starts a private Docker daemon (Debian's docker.io) for recording reference transcripts, and makes
# the images the scenarios use. Idempotent: a daemon already answering on the socket is left alone.
#
#   sudo scripts/daemon/start.sh [DIR]      DIR defaults to $DOCKER_REFERENCE_DIR or /tmp/dockerd
#
# Prints the socket address (unix://DIR/docker.sock) on its last line. No iptables (containers reach
# published ports on 127.0.0.1 through docker-proxy), its own data root, exec root, pid file and socket,
# so a Docker already on the machine is never touched.
set -euo pipefail

dir="${1:-${DOCKER_REFERENCE_DIR:-/tmp/dockerd}}"
sock="$dir/docker.sock"
here="$(cd "$(dirname "$0")" && pwd)"

fail() { echo "scripts/daemon/start.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (dockerd needs it): sudo $0 $*"
command -v dockerd >/dev/null || fail "dockerd not found: install Debian's docker.io (apt-get install -y docker.io)"
command -v docker >/dev/null || fail "docker client not found: install docker.io (or docker-ce-cli)"

answering() { DOCKER_HOST="unix://$sock" docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if answering; then
  echo "daemon already running on unix://$sock (pid $(cat "$dir/pid" 2>/dev/null || echo '?'))" >&2
else
  mkdir -p "$dir/root" "$dir/exec"
  # A pid file left by a daemon that died would make dockerd refuse to start.
  if [ -f "$dir/pid" ] && ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then rm -f "$dir/pid"; fi
  # Inherited descriptors (a caller's flock) closed: the daemon outlives its caller and must not hold its locks.
  # Started through sudo: the socket belongs to the caller's group, so the recorder needs no root.
  group_args=()
  if [ -n "${SUDO_GID:-}" ]; then
    group_args=(--group "$(getent group "$SUDO_GID" | cut -d: -f1)")
  fi
  nohup dockerd --iptables=false --ip6tables=false "${group_args[@]}" \
    --data-root "$dir/root" --exec-root "$dir/exec" --pidfile "$dir/pid" \
    -H "unix://$sock" >"$dir/dockerd.log" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
  for _ in $(seq 1 150); do
    answering && break
    kill -0 $! 2>/dev/null || fail "dockerd exited at start; its log, $dir/dockerd.log, ends with:
$(tail -n 15 "$dir/dockerd.log")"
    sleep 0.2
  done
  answering || fail "dockerd did not answer on unix://$sock within 30 s (log: $dir/dockerd.log)"
  echo "daemon started on unix://$sock (pid $(cat "$dir/pid"))" >&2
fi

DOCKER_HOST="unix://$sock" "$here/images.sh" >&2
echo "unix://$sock"
