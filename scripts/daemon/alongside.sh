#!/bin/sh
# Runs the reference-daemon check (npm run test:daemon) alongside another command, e.g. the rest of
# npm test: most of the check's minutes are waiting (stop timeouts, sleeps), so beside a build it
# costs little. Prints the check's output after the command's; fails if either failed.
#
#   sh scripts/daemon/alongside.sh 'npm run lint && npm run typecheck && npm run test:unit'
#
# Never alongside a browser: each network or container the check makes adds an interface, and
# Chromium aborts its loads in flight with net::ERR_NETWORK_CHANGED (CI saw it in the e2e tests).
[ $# -eq 1 ] || { echo "usage: sh scripts/daemon/alongside.sh 'COMMAND'" >&2; exit 2; }
log=$(mktemp)
npm run --silent test:daemon >"$log" 2>&1 &
check=$!
trap 'kill "$check" 2>/dev/null; rm -f "$log"; exit 130' INT TERM
sh -c "$1"
status=$?
wait "$check"
check_status=$?
echo
echo "--- npm run test:daemon (exit $check_status)"
cat "$log"
rm -f "$log"
[ "$status" -ne 0 ] && exit "$status"
exit "$check_status"
