#!/bin/sh
# Installs the Debian packages bearerd needs to build and test, if any is missing. Idempotent and
# quiet when everything is there. Needs root (or sudo) only when something must be installed.
set -eu

# build: libcurl and libsystemd headers; tests: openssl (a CA made at test time), python3 (the
# HTTPS test upstream), curl, systemd (systemd-analyze, systemd-socket-activate), procps (/bin/kill,
# which systemd-analyze verify wants to find for ExecReload=).
packages="libcurl4-openssl-dev libsystemd-dev pkg-config openssl python3 curl systemd procps"

missing=""
for package in $packages; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "setup: installing$missing" >&2
run_as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
export DEBIAN_FRONTEND=noninteractive
run_as_root apt-get update -qq >/dev/null
# shellcheck disable=SC2086
run_as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
