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

started_services=no
cleanup() { if [ "$started_services" = yes ]; then bash scripts/services.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building (Release)"
for p in samples/FinesseEmulator Connector.Service benchmarks/ChainLoad; do
  dotnet build "$p" -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; die "the build of $p failed"; }
done

if ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" || ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_XMPP_PORT"; then
  started_services=yes
fi
bash scripts/services.sh start

# The Connector Monitor's login (the harness reads the Connector's stage histograms from its snapshot).
CHAIN_LOAD_MONITOR_PASSWORD=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
CHAIN_LOAD_MONITOR_HASH=$(cd Connector.Service/bin/Release/net10.0 && printf '%s' "$CHAIN_LOAD_MONITOR_PASSWORD" | dotnet SiebelCti.Connector.Service.dll --hash-password | tail -1)
export CHAIN_LOAD_MONITOR_PASSWORD CHAIN_LOAD_MONITOR_HASH

{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "host: $(uname -srm), $(nproc) vCPU, $(free -m | awk '/Mem:/{print $2}') MB"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "dotnet: $(dotnet --version)"; echo "agents: $agents"; } | tee "$out/machine.txt"
log "running N = $agents (results in $out)"
set +e
dotnet benchmarks/ChainLoad/bin/Release/net10.0/SiebelCti.ChainLoad.dll --agents "$agents" --out "$out" \
  --finesse-port "${SIEBELCTI_CHAIN_LOAD_FINESSE_PORT:-$((SIEBELCTI_AMQ_PORT + 1200))}" \
  --monitor-port "${SIEBELCTI_CHAIN_LOAD_MONITOR_PORT:-$((SIEBELCTI_AMQ_PORT + 1203))}" 2>&1 | tee "$out/chain-load.log"
rc=${PIPESTATUS[0]}
set -e
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
log "done (exit $rc): $out/results.md, $out/chain-load.svg"
exit "$rc"
