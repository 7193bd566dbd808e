#!/usr/bin/env bash
# Driver side of the chain load benchmark (docs/benchmarks.md, issue #11): one driver instance, loaded
# by the C host of the end-to-end tests (tests/native/e2e/siebel_e2e_host.c) from the published
# libSiebelCtiDriver.so, serves N agent services over the real broker, Connector.Service, Finesse
# emulator and prosody; records the host's RSS per agent service.
# Usage: benchmarks/driver-load.sh [N]   (default 1000; the host holds at most 1024 services)
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$SIEBELCTI_ROOT"

n="${1:-1000}"
out="$SIEBELCTI_RUN/driver-load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out" tests/native/build

started_services=no
cleanup() { if [ "$started_services" = yes ]; then bash scripts/services.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (Release) and publishing the driver"
for p in samples/FinesseEmulator Connector.Service benchmarks/ChainLoad; do
  dotnet build "$p" -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; die "the build of $p failed"; }
done
[ -f artifacts/driver/libSiebelCtiDriver.so ] || bash scripts/publish-driver.sh linux-x64
gcc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -pthread -o tests/native/build/siebel_e2e_host tests/native/e2e/siebel_e2e_host.c -ldl

if ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" || ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_XMPP_PORT"; then
  started_services=yes
fi
bash scripts/services.sh start

CHAIN_LOAD_MONITOR_PASSWORD=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
CHAIN_LOAD_MONITOR_HASH=$(cd Connector.Service/bin/Release/net10.0 && printf '%s' "$CHAIN_LOAD_MONITOR_PASSWORD" | dotnet SiebelCti.Connector.Service.dll --hash-password | tail -1)
export CHAIN_LOAD_MONITOR_PASSWORD CHAIN_LOAD_MONITOR_HASH
{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$out/machine.txt"
dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --driver "$n" --out "$out" \
  --host tests/native/build/siebel_e2e_host --library artifacts/driver/libSiebelCtiDriver.so \
  --finesse-port "${SIEBELCTI_CHAIN_LOAD_FINESSE_PORT:-$((SIEBELCTI_AMQ_PORT + 1200))}" \
  --monitor-port "${SIEBELCTI_CHAIN_LOAD_MONITOR_PORT:-$((SIEBELCTI_AMQ_PORT + 1203))}" 2>&1 | tee "$out/driver-load.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
log "done: $out/driver.md"
