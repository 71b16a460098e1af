#!/usr/bin/env bash
# Crash-safety test of the exchange axis, run by ./egov test after the Maven build: a platform on
# PostgreSQL is killed with SIGKILL while documents are being sent, restarted, and every document
# whose send was acknowledged (202) must be in each recipient's inbox exactly once, none twice,
# and the exchange log must verify.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
PAYARA_HOME=$(ls -d "$ROOT"/ear/target/it-runtime/payara6 2>/dev/null) || { echo "run the Maven build first" >&2; exit 2; }
EAR="$ROOT/ear/target/egov.ear"
DOMAIN=egov-crash
PORTBASE=30000
BASE="http://localhost:$((PORTBASE + 80))/"
work=$(mktemp -d)
PASSWORD="crash-$(date +%s)-$RANDOM"
ASADMIN="$PAYARA_HOME/bin/asadmin"
pwfile="$work/password"; printf 'AS_ADMIN_PASSWORD=%s\n' "$PASSWORD" > "$pwfile"
cleanup() { "$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
log() { echo "[crash-safety] $*"; }

wait_ready() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "${BASE}health/ready")" = 200 ] && return 0
    sleep 1
  done
  echo "the platform did not become ready" >&2; exit 1
}

PAYARA_HOME="$PAYARA_HOME" EGOV_DOMAIN=$DOMAIN EGOV_PORTBASE=$PORTBASE EGOV_ADMIN_PASSWORD="$PASSWORD" \
  EGOV_DB=postgresql EGOV_DB_URL=jdbc:postgresql://127.0.0.1:5432/egov_crash EGOV_DB_USER=egov EGOV_DB_PASSWORD=egov \
  EGOV_DB_RESET=true EGOV_DOMAIN_RECREATE=true EGOV_LEAVE_RUNNING=true \
  EGOV_POSTGRESQL_DRIVER="$ROOT/server-config/target/artefacts/postgresql.jar" \
  bash "$ROOT/server-config/configure-domain.sh"
log "deploying the EAR (demo mode on)"
"$ASADMIN" --port $((PORTBASE + 48)) --user admin --passwordfile "$pwfile" --interactive=false \
  set-config-property --source=domain --propertyName=egov.demo.enabled --propertyValue=true >/dev/null
"$ASADMIN" --port $((PORTBASE + 48)) --user admin --passwordfile "$pwfile" --interactive=false \
  deploy --force=true --name egov "$EAR" >/dev/null
wait_ready

client() { java "$ROOT/ear/src/test/crash/CrashSafety.java" "$@"; }
client prepare "$BASE" 400 "$work/packages"
: > "$work/acks"
client send "$BASE" "$work/packages" "$work/acks" &
sender=$!
for _ in $(seq 1 600); do
  [ "$(wc -l < "$work/acks")" -ge 60 ] && break
  sleep 0.1
done
pid=$(cat "$PAYARA_HOME/glassfish/domains/$DOMAIN/config/pid")
log "killing the server (pid $pid) with SIGKILL while sends are in flight"
kill -9 "$pid"
wait $sender || true
acked=$(wc -l < "$work/acks")
log "$acked of 400 sends were acknowledged before the crash"
[ "$acked" -lt 400 ] || { echo "the kill came after every send: nothing was tested" >&2; exit 1; }
[ "$acked" -gt 0 ] || { echo "no send was acknowledged before the kill: nothing was tested" >&2; exit 1; }
log "restarting"
"$ASADMIN" start-domain "$DOMAIN" >/dev/null
wait_ready
client verify "$BASE" "$work/acks"
