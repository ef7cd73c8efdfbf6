#!/usr/bin/env bash
# Creates and starts a throw-away Asterisk (20 or 22) configured the way the end-to-end suite
# expects (docs/asterisk). Needs an installed Asterisk; nothing in its prefix is changed.
#
#   scripts/asterisk-instance.sh start [DIR]   # default DIR=.asterisk-test; prints the env to export
#   scripts/asterisk-instance.sh stop  [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-start}
instance=$(realpath -m "${2:-.asterisk-test}")
asterisk_bin=$(command -v asterisk || true)
[ -n "$asterisk_bin" ] || { echo "asterisk is not installed (Debian 12 does not package it)" >&2; exit 2; }
prefix=${ASTERISK_PREFIX:-$(dirname "$(dirname "$asterisk_bin")")}

if [ "$action" = stop ]; then
  asterisk -C "$instance/etc/asterisk.conf" -rx 'core stop now' || true
  exit 0
fi

mkdir -p "$instance"/{etc,varlib,data/sounds,spool/recording,run,log,cache,moh}
for file in docs/asterisk/etc/*.conf; do
  sed -e "s|@INSTANCE@|$instance|g" -e "s|@PREFIX@|$prefix|g" "$file" >"$instance/etc/$(basename "$file")"
done
# Core sounds: the installed ones when present, else the stand-in's set (same names, same lengths).
if [ -d "$prefix/share/asterisk/sounds/en" ] || [ -d /var/lib/asterisk/sounds/en ]; then
  ln -sfn "$( [ -d "$prefix/share/asterisk/sounds" ] && echo "$prefix/share/asterisk/sounds/en" || echo /var/lib/asterisk/sounds/en)" "$instance/data/sounds/en"
else
  ln -sfn "$(realpath packages/ari-sim/sounds/en)" "$instance/data/sounds/en"
fi
cp -n packages/ari-sim/sounds/moh/* "$instance/moh/" 2>/dev/null || true

asterisk -C "$instance/etc/asterisk.conf" -f -n >"$instance/log/console.log" 2>&1 &
for _ in $(seq 1 50); do
  asterisk -C "$instance/etc/asterisk.conf" -rx 'core waitfullybooted' >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS -u parley:parley http://127.0.0.1:8088/ari/asterisk/ping >/dev/null
echo "export PARLEY_TEST_ARI_URL=http://127.0.0.1:8088/ari PARLEY_TEST_ARI_USER=parley PARLEY_TEST_ARI_PASSWORD=parley"
