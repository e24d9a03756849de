#!/usr/bin/env bash
# A two-node cluster of the Service Delivery Orchestrator on this machine, for trying it out (docs/cluster.md):
# PostgreSQL (one database for both nodes), node-a on 8081 and node-b on 8082 (prod profile), a mail server that keeps
# every mail (GreenMail: SMTP 2525, IMAP 2143, its web API on 8025) and HAProxy on 8080 balancing both nodes.
#
#   ops/cluster/run-local-cluster.sh          start (installs PostgreSQL and HAProxy from Debian if missing)
#   ops/cluster/run-local-cluster.sh stop     stop what start started (the database and its data stay)
#   ops/cluster/run-local-cluster.sh status   what runs, and which node answers through HAProxy
#
# Settings (environment): SDO_DB_NAME, SDO_DB_USER, SDO_DB_PASSWORD (default servicedelivery_cluster / servicedelivery
# / servicedelivery), SDO_ADMIN_ID, SDO_ADMIN_PASSWORD (the first administrator, default admin / a generated password
# kept in the run directory), SDO_CLUSTER_DIR (logs, pids; default target/local-cluster).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${SDO_CLUSTER_DIR:-$ROOT/target/local-cluster}"
LOG_DIR="$RUN_DIR/logs"
DB_NAME="${SDO_DB_NAME:-servicedelivery_cluster}"
DB_USER="${SDO_DB_USER:-servicedelivery}"
DB_PASSWORD="${SDO_DB_PASSWORD:-servicedelivery}"
ADMIN_ID="${SDO_ADMIN_ID:-admin}"
HTTP_PORT=8080
NODES=("node-a:8081" "node-b:8082")
SMTP_PORT=2525
IMAP_PORT=2143
MAIL_API_PORT=8025
STATS_PORT=8404

say() { printf '%s\n' "$*"; }
fail() { printf 'run-local-cluster: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

port_busy() {
  ss -ltnH "sport = :$1" | grep -q .
}

pid_alive() {
  [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null
}

install_missing() {
  local packages=()
  command -v psql >/dev/null 2>&1 && [ -d /etc/postgresql ] || packages+=(postgresql)
  command -v haproxy >/dev/null 2>&1 || packages+=(haproxy)
  command -v curl >/dev/null 2>&1 || packages+=(curl)
  command -v ss >/dev/null 2>&1 || packages+=(iproute2)
  if [ "${#packages[@]}" -gt 0 ]; then
    say "Installing ${packages[*]} from Debian..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

start_postgresql() {
  if ! as_postgres psql -qtAc 'select 1' >/dev/null 2>&1; then
    say "Starting PostgreSQL..."
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      local version
      version="$(ls /etc/postgresql | sort -V | tail -n 1)"
      as_root pg_ctlcluster "$version" main start
    else
      as_root service postgresql start
    fi
    for _ in $(seq 1 30); do
      as_postgres psql -qtAc 'select 1' >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  as_postgres psql -qtAc 'select 1' >/dev/null || fail "PostgreSQL does not answer"
}

create_database() {
  # the role and the database are created once; a second start uses them with their data
  as_postgres psql -v ON_ERROR_STOP=1 -qtA >/dev/null <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$DB_USER') then
    create role "$DB_USER" login password '$DB_PASSWORD';
  end if;
end \$\$;
SQL
  if [ -z "$(as_postgres psql -qtAc "select 1 from pg_database where datname = '$DB_NAME'")" ]; then
    as_postgres createdb -O "$DB_USER" "$DB_NAME"
    say "Created database $DB_NAME (owner $DB_USER)"
  fi
  local connections
  connections="$(as_postgres psql -qtAc 'show max_connections')"
  # each node's pool takes up to 48 connections (README, Operations)
  [ "$connections" -ge 100 ] || say "Warning: max_connections is $connections; two nodes need up to 96"
}

application_jar() {
  ls "$ROOT"/target/service-delivery-orchestrator-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true
}

build_if_missing() {
  if [ -z "$(application_jar)" ]; then
    say "Building the application (./mvnw package, tests skipped)..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  fi
  [ -n "$(application_jar)" ] || fail "no jar in target/ after the build"
}

greenmail_jar() {
  local version
  version="$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' "$ROOT/pom.xml")"
  local jar="$RUN_DIR/lib/greenmail-standalone-$version.jar"
  if [ ! -f "$jar" ]; then
    say "Fetching GreenMail standalone $version from Maven Central..." >&2
    (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$version" \
      -DoutputDirectory="$RUN_DIR/lib" -Dmdep.overWriteIfNewer=true) >&2
  fi
  printf '%s\n' "$jar"
}

start_mail() {
  pid_alive greenmail && return
  local jar
  jar="$(greenmail_jar)"
  # no login, mailboxes made on the fly for every recipient; read them over IMAP (user = the address, any password)
  # or with the web API on $MAIL_API_PORT
  nohup java -Xmx256m -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
    -Dgreenmail.smtp.port="$SMTP_PORT" -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -jar "$jar" >"$LOG_DIR/greenmail.log" 2>&1 &
  echo $! >"$RUN_DIR/greenmail.pid"
}

admin_password() {
  if [ -n "${SDO_ADMIN_PASSWORD:-}" ]; then
    printf '%s\n' "$SDO_ADMIN_PASSWORD"
  else
    [ -f "$RUN_DIR/admin-password" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$RUN_DIR/admin-password")
    cat "$RUN_DIR/admin-password"
  fi
}

start_node() {
  local name="$1" port="$2" password="$3" jar
  pid_alive "$name" && return
  jar="$(application_jar)"
  # java itself is the background process: its pid is the node's (stop, kill -9 for a failover test)
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:5432/$DB_NAME" \
  SPRING_DATASOURCE_USERNAME="$DB_USER" \
  SPRING_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  SERVICEDELIVERY_ADMIN_ID="$ADMIN_ID" \
  SERVICEDELIVERY_ADMIN_PASSWORD="$password" \
  SERVICEDELIVERY_CLUSTER_NODE_NAME="$name" \
  SPRING_MAIL_HOST=127.0.0.1 \
  SPRING_MAIL_PORT="$SMTP_PORT" \
  SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH=false \
  SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE=false \
  SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED=false \
    nohup java -Xmx1g -jar "$jar" --spring.profiles.active=prod --server.port="$port" \
    >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}

await_up() {
  local name="$1" url="$2" seconds="$3"
  for _ in $(seq 1 "$seconds"); do
    if curl -fsS -m 2 "$url" 2>/dev/null | grep -q '"UP"'; then
      return 0
    fi
    if [ -f "$RUN_DIR/$name.pid" ] && ! pid_alive "$name"; then
      tail -n 40 "$LOG_DIR/$name.log" >&2 || true
      fail "$name ended while starting; its log: $LOG_DIR/$name.log (stop the rest with: $0 stop)"
    fi
    sleep 1
  done
  tail -n 40 "$LOG_DIR/$name.log" >&2 || true
  fail "$name was not UP within $seconds s; its log: $LOG_DIR/$name.log (stop the rest with: $0 stop)"
}

start_haproxy() {
  pid_alive haproxy && return
  haproxy -c -q -f "$ROOT/ops/cluster/haproxy.cfg" || fail "ops/cluster/haproxy.cfg is not valid"
  haproxy -D -f "$ROOT/ops/cluster/haproxy.cfg" -p "$RUN_DIR/haproxy.pid"
}

check_ports() {
  local port busy=()
  for port in "$HTTP_PORT" 8081 8082 "$SMTP_PORT" "$IMAP_PORT" "$MAIL_API_PORT" "$STATS_PORT"; do
    port_busy "$port" && busy+=("$port")
  done
  [ "${#busy[@]}" -eq 0 ] || fail "ports in use: ${busy[*]} (a cluster running already? try: $0 status / $0 stop)"
}

start() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$RUN_DIR/lib"
  if pid_alive node-a || pid_alive node-b || pid_alive haproxy || pid_alive greenmail; then
    fail "a cluster started from $RUN_DIR runs already ($0 status, $0 stop)"
  fi
  install_missing
  check_ports
  start_postgresql
  create_database
  build_if_missing
  start_mail
  local password entry
  password="$(admin_password)"
  say "Starting node-a and node-b at the same moment (logs in $LOG_DIR)..."
  for entry in "${NODES[@]}"; do
    start_node "${entry%%:*}" "${entry##*:}" "$password"
  done
  for entry in "${NODES[@]}"; do
    await_up "${entry%%:*}" "http://127.0.0.1:${entry##*:}/actuator/health" 300
  done
  start_haproxy
  await_up haproxy "http://127.0.0.1:$HTTP_PORT/actuator/health" 30
  cat <<EOF

The cluster runs: two nodes on one PostgreSQL database ($DB_NAME), HAProxy in front.

  Tasklist    http://localhost:$HTTP_PORT/camunda/app/tasklist/
  Cockpit     http://localhost:$HTTP_PORT/camunda/app/cockpit/
  Admin       http://localhost:$HTTP_PORT/camunda/app/admin/
  Dashboard   http://localhost:$HTTP_PORT/dashboard
  API         http://localhost:$HTTP_PORT/api/service-requests   (HTTP Basic)
  Health      http://localhost:$HTTP_PORT/actuator/health        (X-Served-By names the node that answered)
  HAProxy     http://127.0.0.1:$STATS_PORT/stats                 (both nodes' state)
  Mail        IMAP 127.0.0.1:$IMAP_PORT (user = the recipient's address, any password), API http://127.0.0.1:$MAIL_API_PORT/
  Nodes       http://127.0.0.1:8081/ (node-a), http://127.0.0.1:8082/ (node-b); logs in $LOG_DIR

  Sign in as $ADMIN_ID with the password in ${SDO_ADMIN_PASSWORD:+SDO_ADMIN_PASSWORD}${SDO_ADMIN_PASSWORD:-$RUN_DIR/admin-password}.
  Try a failover: kill -9 \$(cat $RUN_DIR/node-a.pid), keep using port $HTTP_PORT.
  Stop: $0 stop
EOF
}

stop_one() {
  local name="$1" pid
  [ -f "$RUN_DIR/$name.pid" ] || return 0
  pid="$(cat "$RUN_DIR/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
    fi
    say "Stopped $name (pid $pid)"
  fi
  rm -f "$RUN_DIR/$name.pid"
}

stop() {
  stop_one haproxy
  stop_one node-a
  stop_one node-b
  stop_one greenmail
  say "Stopped. The database $DB_NAME keeps its data; drop it with: runuser -u postgres -- dropdb $DB_NAME"
}

status() {
  local name
  for name in node-a node-b greenmail haproxy; do
    if pid_alive "$name"; then
      say "$name: running (pid $(cat "$RUN_DIR/$name.pid"))"
    else
      say "$name: not running"
    fi
  done
  if pid_alive haproxy; then
    for _ in 1 2 3 4; do
      curl -sS -m 5 -o /dev/null -D - "http://127.0.0.1:$HTTP_PORT/actuator/health" \
        | tr -d '\r' | sed -n 's/^[Xx]-[Ss]erved-[Bb]y: /port 8080 answered by /p'
    done
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) fail "usage: $0 [start|stop|status]" ;;
esac
