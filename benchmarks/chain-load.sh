#!/usr/bin/env bash
# Chain load benchmark (docs/benchmarks.md, issue #11): builds Release, starts ActiveMQ and prosody with
# the project's scripts (loopback), then for each N a fresh Finesse emulator (sides A and B, N agents)
# and a fresh Connector.Service as shipped, driven by benchmarks/ChainLoad over the broker.
# Usage: benchmarks/chain-load.sh [N,N,...]   (default 100,500,1000,2000,4000)
# Results: .run/chain-load/<UTC time>/ (results.md, chain-load.svg, nN.json, every process's log).
set -euo pipefail
source "$(dirname "$0")/../scripts/env.sh"
cd "$SIEBELCTI_ROOT"

agents="${1:-100,500,1000,2000,4000}"
out="$SIEBELCTI_RUN/chain-load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

source benchmarks/lab.sh
log "building (Release)"
lab_start "$out"

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "host: $(uname -srm), $(nproc) vCPU, $(free -m | awk '/Mem:/{print $2}') MB"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "dotnet: $(dotnet --version)"; echo "agents: $agents"; } | tee "$out/machine.txt"
log "running N = $agents (results in $out)"
set +e
dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --agents "$agents" --out "$out" \
  "${lab_ports[@]}" 2>&1 | tee "$out/chain-load.log"
rc=${PIPESTATUS[0]}
set -e
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
log "done (exit $rc): $out/results.md, $out/chain-load.svg"
exit "$rc"
