#!/usr/bin/env bash
# OpenWire send rates, our client against ActiveMQ's Java client (docs/benchmarks.md, issue #14): builds the
# load driver (Release), starts ActiveMQ with the project's script if it is not running (and stops it again),
# runs `OpenWire.Load sends COUNT SIZE ROUNDS` while tcpdump records the broker port on loopback, then splits
# every persistent send of the capture into the broker's part and the client's part (`OpenWire.Load wire`).
# Usage: benchmarks/openwire-sends.sh [COUNT [SIZE [ROUNDS]]] [--loose] [--no-capture]   (default 2000 256 5)
# Results: .run/openwire-sends/<UTC time>/ (machine.txt, sends.log, sends.pcap, wire.txt).
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$SIEBELCTI_ROOT"

numbers=() flags=() capture=yes
for a in "$@"; do
  case "$a" in
    --no-capture) capture=no ;;
    --*) flags+=("$a") ;;
    *) numbers+=("$a") ;;
  esac
done
count=${numbers[0]:-2000} size=${numbers[1]:-256} rounds=${numbers[2]:-5}
out="$SIEBELCTI_RUN/openwire-sends/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

if [ "$capture" = yes ] && ! command -v tcpdump >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    log "installing tcpdump"; (apt-get install -y tcpdump || { apt-get update && apt-get install -y tcpdump; }) >"$out/apt.log" 2>&1
  else
    log "tcpdump is missing and this is not root: running without the capture"; capture=no
  fi
fi

dotnet build benchmarks/OpenWire.Load -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; die "the build of the load driver failed"; }
started=no
if ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT"; then started=yes; bash scripts/activemq.sh start; fi
tcpdump_pid=
cleanup() {
  if [ -n "$tcpdump_pid" ]; then kill "$tcpdump_pid" 2>/dev/null || true; wait "$tcpdump_pid" 2>/dev/null || true; fi
  if [ "$started" = yes ]; then bash scripts/activemq.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "host: $(uname -srm), $(nproc) vCPU, $(free -m | awk '/Mem:/{print $2}') MB"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "dotnet: $(dotnet --version)"
  echo "java: $(java -version 2>&1 | head -1)"; echo "command: sends $count $size $rounds ${flags[*]:-} (capture: $capture)"; } | tee "$out/machine.txt"

if [ "$capture" = yes ]; then
  tcpdump -i lo -nn -s 0 -B 131072 -w "$out/sends.pcap" "tcp port $SIEBELCTI_AMQ_PORT" 2>"$out/tcpdump.log" &
  tcpdump_pid=$!
  for _ in $(seq 50); do grep -q listening "$out/tcpdump.log" 2>/dev/null && break; sleep 0.1; done
fi
load=benchmarks/OpenWire.Load/bin/Release/net10.0/SiebelCti.OpenWire.Load.dll
dotnet "$load" sends "$count" "$size" "$rounds" "${flags[@]}" | tee "$out/sends.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
if [ "$capture" = yes ]; then
  sleep 0.5; kill "$tcpdump_pid"; wait "$tcpdump_pid" 2>/dev/null || true; tcpdump_pid=
  dotnet "$load" wire "$out/sends.pcap" "${flags[@]}" | tee "$out/wire.txt"
fi
log "results in $out"
