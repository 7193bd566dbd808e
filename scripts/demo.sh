#!/usr/bin/env bash
# The demo: installs what is missing, builds, publishes the native driver, starts ActiveMQ, prosody,
# the Finesse emulator and the connector, then runs the console toolbar that loads the real driver.
# Usage: scripts/demo.sh [--script]   (--script, or stdin not a terminal: the unattended tour)
# Everything it started is stopped on exit; logs are in .run/demo/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$SIEBELCTI_ROOT"

# SIEBELCTI_DEMO_CONFIGURATION=Debug reuses the Debug build (scripts/test.sh runs the tour that way).
config="${SIEBELCTI_DEMO_CONFIGURATION:-Release}"
mode=interactive
if [ "${1:-}" = "--script" ] || [ ! -t 0 ]; then mode=script; fi

FINESSE_PORT="${SIEBELCTI_DEMO_FINESSE_PORT:-$((SIEBELCTI_AMQ_PORT + 1100))}"
MONITOR_PORT="${SIEBELCTI_DEMO_MONITOR_PORT:-$((SIEBELCTI_AMQ_PORT + 1101))}"
MONITOR_PASSWORD="${SIEBELCTI_DEMO_MONITOR_PASSWORD:-demo}"
AGENT=5001 PIN=alice-secret EXTENSION=3001
demo="$SIEBELCTI_RUN/demo"
mkdir -p "$demo"

pids=()
started_services=no
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if [ "$started_services" = yes ]; then bash scripts/services.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/install-deps.sh
log "building ($config)"
dotnet build SiebelCtiDriver.sln -c "$config" -nologo -clp:ErrorsOnly >"$demo/build.log" 2>&1 \
  || { tail -30 "$demo/build.log"; die "the build failed (see $demo/build.log)"; }
bash scripts/publish-driver.sh linux-x64 # the demo loads the Linux library only

if ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" || ! port_open "$SIEBELCTI_HOST" "$SIEBELCTI_XMPP_PORT"; then
  started_services=yes
fi
bash scripts/services.sh start

for port in "$FINESSE_PORT" "$MONITOR_PORT"; do
  port_open "$SIEBELCTI_HOST" "$port" && die "port $port is in use (set SIEBELCTI_DEMO_FINESSE_PORT / SIEBELCTI_DEMO_MONITOR_PORT)"
done

emulator_dir="$SIEBELCTI_ROOT/samples/FinesseEmulator/bin/$config/net10.0"
log "starting the Finesse emulator on http://127.0.0.1:$FINESSE_PORT (log: $demo/emulator.log)"
(cd "$emulator_dir" && exec dotnet SiebelCti.FinesseEmulator.dll \
  --Emulator:SideA:Urls:0="http://127.0.0.1:$FINESSE_PORT" --Emulator:SideB:Urls:0= \
  --Emulator:Xmpp:Enabled=true --Emulator:Xmpp:AccountProvisioning=ProsodyShell --Emulator:Xmpp:FinesseUserPassword=finesse-demo \
  --Emulator:Xmpp:Port="$SIEBELCTI_XMPP_PORT" --Emulator:XmppDomain="$SIEBELCTI_XMPP_DOMAIN") >"$demo/emulator.log" 2>&1 &
pids+=($!)
for ((i = 0; i < 120; i++)); do
  curl -fsS "http://127.0.0.1:$FINESSE_PORT/finesse/api/SystemInfo" >/dev/null 2>&1 && break
  kill -0 "${pids[-1]}" 2>/dev/null || { tail -30 "$demo/emulator.log"; die "the emulator exited"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$FINESSE_PORT/finesse/api/SystemInfo" >/dev/null || die "the emulator does not answer"

service_dir="$SIEBELCTI_ROOT/Connector.Service/bin/$config/net10.0"
hash=$(cd "$service_dir" && printf '%s' "$MONITOR_PASSWORD" | dotnet SiebelCti.Connector.Service.dll --hash-password | tail -1)
log "starting the connector as broker user $SIEBELCTI_AMQ_CONNECTOR_USER (log: $demo/connector.log)"
# Secrets go through the environment, never the command line (visible to every user in ps).
# ConnectTimeout (and RequestTimeout, which may not be shorter) 30 s instead of 10: the demo starts two
# .NET processes cold (Debug under test.sh) on the same small machine as prosody, and an agent's first XMPP connect was once seen to take more than 10 s
# there (prosody finished TLS 5 s after the TCP connect); a real Finesse is not on the Connector's machine.
(cd "$service_dir" && SIEBELCTI_LOG_DIR="$demo/connector-logs" \
  SIEBELCTI_Broker__User="$SIEBELCTI_AMQ_CONNECTOR_USER" SIEBELCTI_Broker__Password="$SIEBELCTI_AMQ_CONNECTOR_PASSWORD" \
  exec dotnet SiebelCti.Connector.Service.dll \
  --Broker:Uri="failover:(tcp://127.0.0.1:$SIEBELCTI_AMQ_PORT)" \
  --Finesse:SideAUrl="http://127.0.0.1:$FINESSE_PORT" --Finesse:XmppHostA=127.0.0.1 \
  --Finesse:XmppPort="$SIEBELCTI_XMPP_PORT" --Finesse:XmppDomain="$SIEBELCTI_XMPP_DOMAIN" --Finesse:XmppTls=StartTls \
  --Finesse:ConnectTimeout=30 --Finesse:RequestTimeout=30 \
  --Finesse:TrustedCertificatesPath="$SIEBELCTI_RUN/prosody/certs/$SIEBELCTI_XMPP_DOMAIN.crt" \
  --Monitor:Urls="http://127.0.0.1:$MONITOR_PORT" --Monitor:Demo=false --Monitor:User=admin \
  --Monitor:PasswordHash="$hash") >"$demo/connector.log" 2>&1 &
pids+=($!)
if ! wait_for_port "$SIEBELCTI_HOST" "$MONITOR_PORT" 60; then
  tail -30 "$demo/connector.log"; die "the connector does not answer"
fi

echo
echo "Connector Monitor: http://127.0.0.1:$MONITOR_PORT/  (user admin, password $MONITOR_PASSWORD)"
echo "Finesse emulator:  http://127.0.0.1:$FINESSE_PORT/  (agent $AGENT, extension $EXTENSION)"
echo "Inject a call:     curl -X POST -H 'Content-Type: application/json' -d '{\"extension\":\"$EXTENSION\",\"ani\":\"0612345678\"}' http://127.0.0.1:$FINESSE_PORT/emulator/calls"
echo

# The toolbar's driver is the broker's driver user; its client id starts with that user, so its topic is
# one the broker lets that user (and only it) read. Passwords through the environment, as for the connector.
toolbar=(dotnet "$SIEBELCTI_ROOT/samples/ConsoleToolbar/bin/$config/net10.0/SiebelCti.ConsoleToolbar.dll"
  --library "$SIEBELCTI_ROOT/artifacts/driver/libSiebelCtiDriver.so"
  --broker "failover:(tcp://127.0.0.1:$SIEBELCTI_AMQ_PORT)" --broker-user "$SIEBELCTI_AMQ_DRIVER_USER"
  --agent "$AGENT" --extension "$EXTENSION"
  --emulator "http://127.0.0.1:$FINESSE_PORT" --client-id "$SIEBELCTI_AMQ_DRIVER_USER.demo-toolbar")
export SIEBELCTI_AGENT_PASSWORD="$PIN" SIEBELCTI_BROKER_PASSWORD="$SIEBELCTI_AMQ_DRIVER_PASSWORD"
if [ "$mode" = script ]; then
  set +e
  "${toolbar[@]}" --script </dev/null 2>&1 | tee "$demo/toolbar.log"
  rc=${PIPESTATUS[0]}
  set -e
  log "the scripted tour exited with $rc"
  exit "$rc"
fi
"${toolbar[@]}"
