#!/usr/bin/env bash
# Starts or stops an ActiveMQ Classic broker (Debian package `activemq`) with our own configuration
# and data under .run/activemq, listening for OpenWire on 127.0.0.1:$SIEBELCTI_AMQ_PORT only.
# Usage: scripts/activemq.sh start|stop|restart|status
set -euo pipefail
source "$(dirname "$0")/env.sh"

base="$SIEBELCTI_RUN/activemq"
pidfile="$base/activemq.pid"
home=/usr/share/activemq

write_config() {
  mkdir -p "$base/conf" "$base/data" "$base/tmp"
  cat > "$base/conf/activemq.xml" <<XML
<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                           http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="siebelcti-test" useJmx="false"
          dataDirectory="$base/data" schedulePeriodForDestinationPurge="10000">
    <destinationPolicy>
      <policyMap><policyEntries>
        <policyEntry topic=">" gcInactiveDestinations="true" inactiveTimoutBeforeGC="60000"/>
      </policyEntries></policyMap>
    </destinationPolicy>
    <persistenceAdapter><kahaDB directory="$base/data/kahadb"/></persistenceAdapter>
    <systemUsage><systemUsage>
      <memoryUsage><memoryUsage limit="128 mb"/></memoryUsage>
      <storeUsage><storeUsage limit="1 gb"/></storeUsage>
      <tempUsage><tempUsage limit="512 mb"/></tempUsage>
    </systemUsage></systemUsage>
    <transportConnectors>
      <transportConnector name="openwire"
        uri="tcp://$SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT?maximumConnections=5000&amp;wireFormat.maxFrameSize=16777216"/>
    </transportConnectors>
  </broker>
</beans>
XML
  # Debian's ActiveMQ logs through log4j 1.2.
  cat > "$base/conf/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$base/activemq.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=%d | %-5p | %m | %c | %t%n
PROPS
}

start() {
  if pid_alive "$pidfile"; then log "ActiveMQ already running (pid $(cat "$pidfile")) on $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT"; return 0; fi
  [ -f $home/bin/activemq.jar ] || die "ActiveMQ is not installed: run scripts/install-deps.sh"
  port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" && die "port $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT is taken by another process; set SIEBELCTI_AMQ_PORT"
  write_config
  log "starting ActiveMQ on $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT (data in $base)"
  (cd "$base" && exec setsid java -Xms64M -Xmx384M \
      -Djava.io.tmpdir="$base/tmp" \
      -Dlog4j.configuration="file:$base/conf/log4j.properties" \
      --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED \
      --add-opens java.base/java.util.concurrent=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED \
      -Dactivemq.classpath="$base/conf:$home/lib/" -Dactivemq.home=$home -Dactivemq.base="$base" \
      -Dactivemq.conf="$base/conf" -Dactivemq.data="$base/data" \
      -jar $home/bin/activemq.jar start "xbean:file:$base/conf/activemq.xml" \
      > "$base/console.log" 2>&1 < /dev/null) &
  echo $! > "$pidfile"
  if ! wait_for_port "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" 60; then
    log "ActiveMQ did not open $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT within 60 s; last lines of its log:"
    tail -n 20 "$base/console.log" "$base/activemq.log" >&2 2>/dev/null || true
    stop; exit 1
  fi
  log "ActiveMQ is up (pid $(cat "$pidfile"))"
}

stop() {
  if ! pid_alive "$pidfile"; then rm -f "$pidfile"; log "ActiveMQ not running"; return 0; fi
  local pid; pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && { log "ActiveMQ did not stop in 15 s, killing"; kill -9 "$pid" 2>/dev/null || true; }
  rm -f "$pidfile"; log "ActiveMQ stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) if pid_alive "$pidfile"; then echo "running pid $(cat "$pidfile") port $SIEBELCTI_AMQ_PORT"; else echo stopped; exit 3; fi ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
