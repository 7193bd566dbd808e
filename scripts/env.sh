#!/usr/bin/env bash
# Shared settings of the project's scripts. Source it; every value can be overridden from the
# environment so that two checkouts on one machine can run their services side by side.
SIEBELCTI_ROOT="${SIEBELCTI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# Optional per-checkout overrides (git-ignored), e.g. other ports for a second working tree.
[ -f "$SIEBELCTI_ROOT/.local.env" ] && source "$SIEBELCTI_ROOT/.local.env"
SIEBELCTI_RUN="${SIEBELCTI_RUN:-$SIEBELCTI_ROOT/.run}"
SIEBELCTI_HOST=127.0.0.1
SIEBELCTI_AMQ_PORT="${SIEBELCTI_AMQ_PORT:-61716}"
SIEBELCTI_XMPP_PORT="${SIEBELCTI_XMPP_PORT:-15222}"
SIEBELCTI_XMPP_DOMAIN="${SIEBELCTI_XMPP_DOMAIN:-finesse.localhost}"
export SIEBELCTI_ROOT SIEBELCTI_RUN SIEBELCTI_HOST SIEBELCTI_AMQ_PORT SIEBELCTI_XMPP_PORT SIEBELCTI_XMPP_DOMAIN
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wait_for_port HOST PORT SECONDS: true once a TCP connect succeeds.
wait_for_port() {
  local host=$1 port=$2 secs=$3 i
  for ((i = 0; i < secs * 4; i++)); do
    if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  return 1
}

# port_open HOST PORT: true if something accepts connections there now.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# pid_alive FILE: true if FILE names a running process.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
