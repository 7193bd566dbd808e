# Sourced by benchmarks/chain-load.sh and benchmarks/driver-load.sh (not run on its own): the lab both
# benchmarks share. lab_start OUT builds the emulator, the Connector and the harness (Release), starts
# ActiveMQ and prosody with the project's scripts (and stops them on exit if it started them), and
# exports a fresh Connector Monitor login for the harness (it reads the Connector's snapshot).

started_services=no
lab_cleanup() { if [ "$started_services" = yes ]; then bash scripts/services.sh stop >/dev/null 2>&1 || true; fi; }
trap lab_cleanup EXIT
trap 'exit 130' INT TERM

lab_start() {
  local out=$1 p
  for p in samples/FinesseEmulator Connector.Service benchmarks/ChainLoad; do
    dotnet build "$p" -c Release -nologo -clp:ErrorsOnly >"$out/build.log" 2>&1 || { tail -30 "$out/build.log"; die "the build of $p failed"; }
  done
  if ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" || ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_XMPP_PORT"; then
    started_services=yes
  fi
  bash scripts/services.sh start
  CHAIN_LOAD_MONITOR_PASSWORD=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
  CHAIN_LOAD_MONITOR_HASH=$(cd Connector.Service/bin/Release/net10.0 && printf '%s' "$CHAIN_LOAD_MONITOR_PASSWORD" | dotnet SiebelCti.Connector.Service.dll --hash-password | tail -1)
  export CHAIN_LOAD_MONITOR_PASSWORD CHAIN_LOAD_MONITOR_HASH
}

# The ports of the emulator and the Connector Monitor the harness starts (beside the broker's).
lab_ports=(--finesse-port "${SIEBELCTI_CHAIN_LOAD_FINESSE_PORT:-$((SIEBELCTI_AMQ_PORT + 1200))}"
           --monitor-port "${SIEBELCTI_CHAIN_LOAD_MONITOR_PORT:-$((SIEBELCTI_AMQ_PORT + 1203))}")
