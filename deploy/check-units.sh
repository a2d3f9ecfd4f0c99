#!/bin/sh
# Checks deploy/bearerd.service and deploy/bearerd.socket with systemd's own tools, without a
# running systemd:
#   - `systemd-analyze verify` must print nothing: it exits 0 even on unknown keys and typos, and
#     only its output tells;
#   - `systemd-analyze security --offline=yes` must rate bearerd.service at most MAX_EXPOSURE.
# verify also checks that ExecStart='s binary exists, so the units are checked as copies whose
# ExecStart= names BINARY (default: .build/debug/bearerd, as `swift build` leaves it). UNITS is the
# directory holding the two units (default: deploy/).
#
#   deploy/check-units.sh [BINARY [UNITS]]   prints "... exposure 1.1 (limit 2.0)"; exit 1 on a finding
set -eu

here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-"$here/../.build/debug/bearerd"}
units=${2:-"$here"}
max_exposure=2.0

if [ ! -x "$binary" ]; then
    echo "check-units: no executable at $binary (run swift build, or pass the binary)" >&2
    exit 1
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
# It is written into ExecStart= through sed.
case "$binary" in
    *[!A-Za-z0-9/._-]*)
        echo "check-units: the binary's path may contain only letters, digits and / . _ -" >&2
        exit 1 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/bearerd-units.XXXXXX")
trap 'rm -rf "$work"' EXIT
sed "s#^ExecStart=/usr/local/bin/bearerd #ExecStart=$binary #" "$units/bearerd.service" \
    > "$work/bearerd.service"
cp "$units/bearerd.socket" "$work/bearerd.socket"
if ! grep -q "^ExecStart=$binary " "$work/bearerd.service"; then
    echo "check-units: bearerd.service has no \`ExecStart=/usr/local/bin/bearerd ...\` line" >&2
    exit 1
fi

status=0
findings=$(cd "$work" && systemd-analyze verify "$work/bearerd.socket" "$work/bearerd.service" 2>&1) \
    || status=$?
if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
    echo "check-units: systemd-analyze verify (exit $status):" >&2
    echo "$findings" | sed "s#$work/#$units/#g" >&2
    exit 1
fi

# --threshold is in tenths; the exit status is non-zero above it.
threshold=$(echo "$max_exposure" | awk '{ printf "%d", $1 * 10 }')
status=0
report=$(systemd-analyze security --offline=yes --no-pager --threshold="$threshold" \
    "$work/bearerd.service" 2>&1) || status=$?
exposure=$(echo "$report" | sed -n 's/.*Overall exposure level for bearerd.service: \([0-9.]*\).*/\1/p')
if [ -z "$exposure" ]; then
    echo "check-units: systemd-analyze security gave no exposure level:" >&2
    echo "$report" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "$report" | grep '✗' >&2 || true
    echo "check-units: exposure $exposure is above the limit $max_exposure" >&2
    exit 1
fi
echo "check-units: verify clean; exposure $exposure (limit $max_exposure)"
