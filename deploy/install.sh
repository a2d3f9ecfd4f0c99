#!/bin/sh
# Installs bearerd as a systemd service: the release binary, bearerd.service and bearerd.socket, and
# the example configuration (never over an existing one). Idempotent: run it again after a new build.
#
#   swift build -c release --static-swift-stdlib && sudo deploy/install.sh
#
# Options:
#   --binary PATH   the executable to install (default: .build/release/bearerd)
#   --prefix DIR    where bin/bearerd goes (default: /usr/local); the unit's ExecStart= follows
#   DESTDIR=DIR     (environment) install under DIR instead of /, as packagers do; systemctl is
#                   not called then
set -eu

here=$(cd "$(dirname "$0")" && pwd)
binary="$here/../.build/release/bearerd"
prefix=/usr/local
destdir=${DESTDIR:-}

usage() {
    echo "usage: $0 [--binary PATH] [--prefix DIR]   (DESTDIR=DIR to stage)" >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case "$1" in
        --binary) [ $# -ge 2 ] || usage; binary=$2; shift 2 ;;
        --binary=*) binary=${1#--binary=}; shift ;;
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) usage ;;
    esac
done

# An absolute path of ordinary characters: it is written into ExecStart= (and through sed).
case "$prefix" in
    /*) ;;
    *) echo "install.sh: --prefix must be an absolute path, got \"$prefix\"" >&2; exit 2 ;;
esac
case "$prefix" in
    *[!A-Za-z0-9/._-]*)
        echo "install.sh: --prefix may contain only letters, digits and / . _ -" >&2
        exit 2 ;;
esac
if [ ! -x "$binary" ]; then
    echo "install.sh: no executable at $binary; build it with \`swift build -c release --static-swift-stdlib\` or pass --binary" >&2
    exit 1
fi

bindir="$prefix/bin"
unitdir=/etc/systemd/system
confdir=/etc/bearerd

install -d -m 0755 "$destdir$bindir" "$destdir$unitdir" "$destdir$confdir"
install -m 0755 "$binary" "$destdir$bindir/bearerd"
echo "installed $destdir$bindir/bearerd"

# ExecStart= names the binary where this run put it; the shipped unit says /usr/local/bin.
sed "s#^ExecStart=/usr/local/bin/bearerd #ExecStart=$bindir/bearerd #" "$here/bearerd.service" \
    > "$destdir$unitdir/bearerd.service.tmp"
chmod 0644 "$destdir$unitdir/bearerd.service.tmp"
mv "$destdir$unitdir/bearerd.service.tmp" "$destdir$unitdir/bearerd.service"
install -m 0644 "$here/bearerd.socket" "$destdir$unitdir/bearerd.socket"
echo "installed $destdir$unitdir/bearerd.service and bearerd.socket"

# The configuration is the administrator's once it exists. It holds no secrets (they come through
# LoadCredential=), so it is world-readable: the service's dynamic user must read it.
if [ -e "$destdir$confdir/bearerd.json5" ]; then
    echo "kept existing $destdir$confdir/bearerd.json5 (the example is $here/bearerd.json5)"
else
    install -m 0644 "$here/bearerd.json5" "$destdir$confdir/bearerd.json5"
    echo "installed example $destdir$confdir/bearerd.json5: edit it, then see deploy/SERVICE.md"
fi
install -d -m 0700 "$destdir$confdir/credentials"

# sd_booted(3): systemd is the init system when /run/systemd/system exists.
if [ -n "$destdir" ]; then
    echo "DESTDIR set: skipped systemctl daemon-reload"
elif [ ! -d /run/systemd/system ]; then
    echo "systemd is not running: skipped systemctl daemon-reload"
else
    systemctl daemon-reload
    echo "reloaded systemd; next: systemctl enable --now bearerd.service (or bearerd.socket)"
fi
