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

source benchmarks/lab.sh
log "building (Release) and publishing the driver"
lab_start "$out"
[ -f artifacts/driver/libSiebelCtiDriver.so ] || bash scripts/publish-driver.sh linux-x64
gcc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -pthread -o tests/native/build/siebel_e2e_host tests/native/e2e/siebel_e2e_host.c -ldl

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } | tee "$out/machine.txt"
dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --driver "$n" --out "$out" \
  --host tests/native/build/siebel_e2e_host --library artifacts/driver/libSiebelCtiDriver.so \
  "${lab_ports[@]}" 2>&1 | tee "$out/driver-load.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
log "done: $out/driver.md"
