#!/usr/bin/env bash
# Starts or stops an ActiveMQ Classic broker (Debian package `activemq`) with our own configuration
# and data under .run/activemq, listening for OpenWire on 127.0.0.1:$SIEBELCTI_AMQ_PORT (tcp) and
# 127.0.0.1:$SIEBELCTI_AMQ_SSL_PORT (ssl, certificate of a lab CA in .run/activemq/tls/) only.
# Secured as in production (docs/operations.md): no anonymous access, the users of
# .run/activemq/credentials.env (made by scripts/env.sh), and per-destination authorization.
# Usage: scripts/activemq.sh start|stop|restart|status
set -euo pipefail
source "$(dirname "$0")/env.sh"

base="$SIEBELCTI_RUN/activemq"
pidfile="$base/activemq.pid"
home=/usr/share/activemq

# tls_material: a lab CA (ca.crt, what clients trust) and the broker's key and certificate signed by
# it for 127.0.0.1 (broker.p12), made once.
tls_material() {
  local tls="$base/tls"
  [ -s "$tls/broker.p12" ] && [ -s "$tls/ca.crt" ] && [ -s "$tls/keystore.pass" ] && return 0
  mkdir -p "$tls"
  (
    umask 077; cd "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=SiebelCti lab CA" \
      -keyout ca.key -out ca.crt -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$SIEBELCTI_HOST" -keyout broker.key -out broker.csr 2>/dev/null
    printf 'subjectAltName=IP:%s,DNS:localhost\nextendedKeyUsage=serverAuth\n' "$SIEBELCTI_HOST" > broker.ext
    openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -extfile broker.ext -out broker.crt 2>/dev/null
    od -An -tx1 -N18 /dev/urandom | tr -d ' \n' > keystore.pass
    openssl pkcs12 -export -name broker -inkey broker.key -in broker.crt -certfile ca.crt \
      -passout "file:keystore.pass" -out broker.p12
    rm -f broker.csr broker.ext ca.srl
    chmod 644 ca.crt
  ) || die "could not make the lab TLS certificates in $tls"
}

# driver_entries USER: the two topics a driver user may read (its own client topic, fixed client id
# = user name, and the topics of client ids '<user>.<anything>', the driver's default with BrokerUser).
driver_entries() {
  local u=$1
  cat <<XML
          <authorizationEntry topic="SiebelCti.Client.$u" read="$u,testers" write="connectors,testers" admin="$u,connectors,testers"/>
          <authorizationEntry topic="SiebelCti.Client.$u.>" read="$u,testers" write="connectors,testers" admin="$u,connectors,testers"/>
XML
}

write_config() {
  mkdir -p "$base/conf" "$base/data" "$base/tmp"
  tls_material
  local drivers="$SIEBELCTI_AMQ_DRIVER_USER $SIEBELCTI_AMQ_VICTIM_USER $SIEBELCTI_AMQ_ATTACKER_USER" u
  (umask 077; cat > "$base/conf/activemq.xml") <<XML
<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                           http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <!-- populateJMSXUserID: every message carries the broker user that sent it (JMSXUserID), set by
       the broker; a sender cannot choose it. -->
  <broker xmlns="http://activemq.apache.org/schema/core" brokerName="siebelcti-test" useJmx="false"
          dataDirectory="$base/data" schedulePeriodForDestinationPurge="10000" populateJMSXUserID="true">
    <destinationPolicy>
      <policyMap><policyEntries>
        <policyEntry topic=">" gcInactiveDestinations="true" inactiveTimoutBeforeGC="60000"/>
      </policyEntries></policyMap>
    </destinationPolicy>
    <!-- The request queue exists from the start, so no driver needs the right to create it. -->
    <destinations><queue physicalName="SiebelCti.Connector.Requests"/></destinations>
    <plugins>
      <simpleAuthenticationPlugin anonymousAccessAllowed="false">
        <users>
          <authenticationUser username="$SIEBELCTI_AMQ_CONNECTOR_USER" password="$SIEBELCTI_AMQ_CONNECTOR_PASSWORD" groups="connectors"/>
$(for u in $drivers; do
    case $u in
      "$SIEBELCTI_AMQ_DRIVER_USER") p=$SIEBELCTI_AMQ_DRIVER_PASSWORD ;;
      "$SIEBELCTI_AMQ_VICTIM_USER") p=$SIEBELCTI_AMQ_VICTIM_PASSWORD ;;
      *) p=$SIEBELCTI_AMQ_ATTACKER_PASSWORD ;;
    esac
    echo "          <authenticationUser username=\"$u\" password=\"$p\" groups=\"drivers,$u\"/>"
  done)
          <authenticationUser username="$SIEBELCTI_AMQ_TEST_USER" password="$SIEBELCTI_AMQ_TEST_PASSWORD" groups="testers"/>
        </users>
      </simpleAuthenticationPlugin>
      <!-- Read = consume, write = send, admin = create the destination. Entries are as in
           docs/operations.md, plus two lab additions: the tests' own request queues
           (SiebelCti.Test.Requests.>) and the privileged group 'testers'. -->
      <authorizationPlugin><map><authorizationMap>
        <authorizationEntries>
          <authorizationEntry queue=">" read="testers" write="testers" admin="testers"/>
          <authorizationEntry topic=">" read="testers" write="testers" admin="testers"/>
          <authorizationEntry queue="SiebelCti.Connector.Requests" read="connectors,testers" write="drivers,connectors,testers" admin="connectors,testers"/>
          <!-- Lab only: the tests' own request queues are created by whichever side comes first, so
               drivers may create them too (SiebelCti.Connector.Requests is declared above instead). -->
          <authorizationEntry queue="SiebelCti.Test.Requests.>" read="connectors,testers" write="drivers,connectors,testers" admin="drivers,connectors,testers"/>
          <authorizationEntry topic="SiebelCti.Client.>" read="testers" write="connectors,testers" admin="connectors,testers"/>
$(for u in $drivers; do driver_entries "$u"; done)
          <authorizationEntry topic="ActiveMQ.Advisory.>" read="testers" write="testers" admin="drivers,connectors,testers"/>
        </authorizationEntries>
        <tempDestinationAuthorizationEntry>
          <tempDestinationAuthorizationEntry read="testers" write="testers" admin="testers"/>
        </tempDestinationAuthorizationEntry>
      </authorizationMap></map></authorizationPlugin>
    </plugins>
    <sslContext>
      <sslContext keyStore="file:$base/tls/broker.p12" keyStoreType="PKCS12" keyStorePassword="$(cat "$base/tls/keystore.pass")"/>
    </sslContext>
    <persistenceAdapter><kahaDB directory="$base/data/kahadb"/></persistenceAdapter>
    <systemUsage><systemUsage>
      <memoryUsage><memoryUsage limit="128 mb"/></memoryUsage>
      <storeUsage><storeUsage limit="1 gb"/></storeUsage>
      <tempUsage><tempUsage limit="512 mb"/></tempUsage>
    </systemUsage></systemUsage>
    <transportConnectors>
      <transportConnector name="openwire"
        uri="tcp://$SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT?maximumConnections=5000&amp;wireFormat.maxFrameSize=16777216"/>
      <transportConnector name="openwire-ssl"
        uri="ssl://$SIEBELCTI_HOST:$SIEBELCTI_AMQ_SSL_PORT?maximumConnections=1000&amp;wireFormat.maxFrameSize=16777216&amp;transport.enabledProtocols=TLSv1.2,TLSv1.3"/>
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
  port_open "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_SSL_PORT" && die "port $SIEBELCTI_HOST:$SIEBELCTI_AMQ_SSL_PORT is taken by another process; set SIEBELCTI_AMQ_SSL_PORT"
  write_config
  log "starting ActiveMQ on $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT (tcp) and :$SIEBELCTI_AMQ_SSL_PORT (ssl), users in $base/credentials.env (data in $base)"
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
  if ! wait_for_port "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_PORT" 60 || ! wait_for_port "$SIEBELCTI_HOST" "$SIEBELCTI_AMQ_SSL_PORT" 10; then
    log "ActiveMQ did not open $SIEBELCTI_HOST:$SIEBELCTI_AMQ_PORT and :$SIEBELCTI_AMQ_SSL_PORT within 60 s; last lines of its log:"
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
