#!/usr/bin/env bash
# Starts or stops every real service the tests and the demo need (ActiveMQ, prosody), on loopback.
# Usage: scripts/services.sh start|stop|status
set -euo pipefail
dir="$(dirname "$0")"
case "${1:-}" in
  start) bash "$dir/activemq.sh" start; bash "$dir/prosody.sh" start ;;
  stop) rc=0; bash "$dir/prosody.sh" stop || rc=1; bash "$dir/activemq.sh" stop || rc=1; exit $rc ;;
  status) bash "$dir/activemq.sh" status || true; bash "$dir/prosody.sh" status || true ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
