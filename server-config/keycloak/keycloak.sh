#!/usr/bin/env bash
# The citizens' identity provider (Keycloak) next to Payara: install, start in the background and wait until
# the citizens' realm answers, stop. Used by ./egov start|stop and by the integration suite (ear/pom.xml).
#
#   keycloak.sh start | stop | status
#   keycloak.sh launch   start it in the background and return at once (then: wait), so that Payara can start
#                        at the same time
#   keycloak.sh wait     wait until the realm answers, and bring its clients up to date
#
# Environment:
#   EGOV_KEYCLOAK_DIR            where Keycloak is installed and keeps its data (required), e.g. .runtime/keycloak
#   EGOV_KEYCLOAK_VERSION        the Keycloak version (required; the parent pom's keycloak.version)
#   EGOV_KEYCLOAK_PORT           its HTTP port (default 8180); the management port is the one below it
#   EGOV_KEYCLOAK_HOST           the host name browsers and the platform reach it by (default localhost); it is
#                                also the realm's issuer, so both must use the same name
#   EGOV_KEYCLOAK_ADMIN_PASSWORD the bootstrap administrator's password (user admin); default: generated on the
#                                first start into EGOV_KEYCLOAK_ADMIN_PASSWORD_FILE
#   EGOV_KEYCLOAK_ADMIN_PASSWORD_FILE  (default $EGOV_KEYCLOAK_DIR/admin-password)
#   EGOV_KEYCLOAK_PORTAL_URLS    the portal's addresses (space-separated, e.g. http://localhost:8080/portal): the
#                                egov-portal client's redirect URI (<url>/oidc/callback) and where sign-out returns
#                                (<url>/); the provincial-portal demo client returns to <url>/ too
#   EGOV_PORTAL_OIDC_CLIENT_SECRET, EGOV_PROVINCIAL_PORTAL_CLIENT_SECRET  the clients' secrets (demo values otherwise)
#   EGOV_KEYCLOAK_DB             dev-file (default: Keycloak's embedded database in EGOV_KEYCLOAK_DIR) or postgres
#   EGOV_KEYCLOAK_DB_URL, EGOV_KEYCLOAK_DB_USER, EGOV_KEYCLOAK_DB_PASSWORD  for postgres (a local database is
#                                created when missing, as configure-domain.sh does for the platform's)
#   EGOV_KEYCLOAK_DEMO           true (default): keep the demo citizens; false: remove them and require strong
#                                passwords (length 12, not the username or e-mail)
#   EGOV_KEYCLOAK_HEAP           the maximum heap (default 512m)
#   EGOV_KEYCLOAK_RESET          true: start from an empty database (tests only)
set -euo pipefail

: "${EGOV_KEYCLOAK_DIR:?EGOV_KEYCLOAK_DIR must name the Keycloak folder}"
: "${EGOV_KEYCLOAK_VERSION:?EGOV_KEYCLOAK_VERSION must be set}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KC_DIR=$EGOV_KEYCLOAK_DIR
KC_HOME="$KC_DIR/keycloak-$EGOV_KEYCLOAK_VERSION"
PORT=${EGOV_KEYCLOAK_PORT:-8180}
MANAGEMENT_PORT=$((PORT - 1))
HOST=${EGOV_KEYCLOAK_HOST:-localhost}
BASE="http://$HOST:$PORT"
REALM=egov-citizens
PID_FILE="$KC_DIR/keycloak.pid"
LOG="$KC_DIR/keycloak.log"
DB=${EGOV_KEYCLOAK_DB:-dev-file}
PASSWORD_FILE=${EGOV_KEYCLOAK_ADMIN_PASSWORD_FILE:-$KC_DIR/admin-password}

log() { echo "[keycloak] $*"; }
die() { echo "[keycloak] $*" >&2; exit 1; }

running() { [ -s "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

install() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return
  log "installing Keycloak $EGOV_KEYCLOAK_VERSION into $KC_DIR (from the Maven artefact)"
  mkdir -p "$KC_DIR/dist"
  (cd "$HERE/.." && mvn -B -q -N dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$EGOV_KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$KC_DIR/dist" -Dmdep.stripVersion=true)
  rm -rf "$KC_HOME"
  unzip -q "$KC_DIR/dist/keycloak-quarkus-dist.zip" -d "$KC_DIR"
  rm -f "$KC_DIR/dist/keycloak-quarkus-dist.zip"
}

admin_password() {
  if [ -n "${EGOV_KEYCLOAK_ADMIN_PASSWORD:-}" ]; then
    printf '%s' "$EGOV_KEYCLOAK_ADMIN_PASSWORD"
    return
  fi
  if [ ! -s "$PASSWORD_FILE" ]; then
    mkdir -p "$(dirname "$PASSWORD_FILE")"
    ( umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PASSWORD_FILE" )
  fi
  cat "$PASSWORD_FILE"
}

db_args() {
  case "$DB" in
    dev-file) DB_ARGS=() ;;
    postgres)
      : "${EGOV_KEYCLOAK_DB_URL:?EGOV_KEYCLOAK_DB_URL must be set for postgres}"
      local user=${EGOV_KEYCLOAK_DB_USER:-egov} password=${EGOV_KEYCLOAK_DB_PASSWORD:-egov}
      if [[ "$EGOV_KEYCLOAK_DB_URL" == jdbc:postgresql://127.0.0.1[:/]* || "$EGOV_KEYCLOAK_DB_URL" == jdbc:postgresql://localhost[:/]* ]] \
          && psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "SELECT 1" >/dev/null 2>&1; then
        local dbname=${EGOV_KEYCLOAK_DB_URL##*/}; dbname=${dbname%%\?*}
        superuser() { psql -h 127.0.0.1 -U postgres -d postgres -qAt "$@"; }
        if [ -z "$(superuser -c "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" ]; then
          superuser -c "CREATE ROLE \"$user\" LOGIN PASSWORD '$password'" >/dev/null
        fi
        if [ "${EGOV_KEYCLOAK_RESET:-false}" = true ]; then
          superuser -c "DROP DATABASE IF EXISTS \"$dbname\"" >/dev/null
        fi
        if [ -z "$(superuser -c "SELECT 1 FROM pg_database WHERE datname = '$dbname'")" ]; then
          log "creating database $dbname"
          superuser -c "CREATE DATABASE \"$dbname\" OWNER \"$user\"" >/dev/null
        fi
      fi
      DB_ARGS=(--db postgres --db-url "$EGOV_KEYCLOAK_DB_URL" --db-username "$user" --db-password "$password")
      ;;
    *) die "EGOV_KEYCLOAK_DB must be dev-file or postgres" ;;
  esac
}

# Admin REST calls with a token of the bootstrap administrator (master realm, admin-cli).
admin_token() {
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
    --data-urlencode "password=$1" "$BASE/realms/master/protocol/openid-connect/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
api() { curl -sf -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" "$@"; }
first_id() { sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p'; }

json_list() {
  local out="" item
  for item in "$@"; do out="$out${out:+,}\"$item\""; done
  printf '[%s]' "$out"
}

# The realm is imported once; what depends on this installation (the portal's addresses, the clients'
# secrets, demo accounts) is brought up to date on every start, so a new port or secret takes effect.
configure_realm() {
  local password=$1 urls=${EGOV_KEYCLOAK_PORTAL_URLS:-http://localhost:8080/portal}
  TOKEN=$(admin_token "$password")
  [ -n "$TOKEN" ] || die "cannot sign in to Keycloak as admin (password in ${EGOV_KEYCLOAK_ADMIN_PASSWORD:+EGOV_KEYCLOAK_ADMIN_PASSWORD}${EGOV_KEYCLOAK_ADMIN_PASSWORD:-$PASSWORD_FILE}; it is set on Keycloak's first start only)"
  local callbacks=() homes=() url
  for url in $urls; do callbacks+=("$url/oidc/callback"); homes+=("$url/"); done
  local logout; logout=$(IFS='#'; printf '%s' "${homes[*]}"); logout=${logout//#/##}
  client "egov-portal" "$(json_list "${callbacks[@]}")" "$logout" "${EGOV_PORTAL_OIDC_CLIENT_SECRET:-}"
  client "provincial-portal" "$(json_list "${homes[@]}")" "$logout" "${EGOV_PROVINCIAL_PORTAL_CLIENT_SECRET:-}"
  if [ "${EGOV_KEYCLOAK_DEMO:-true}" != true ]; then
    local name id
    for name in citizen.an citizen.binh business.hoa; do
      id=$(api "$BASE/admin/realms/$REALM/users?exact=true&username=$name" | first_id || true)
      [ -z "$id" ] || { api -X DELETE "$BASE/admin/realms/$REALM/users/$id" >/dev/null; log "removed demo citizen $name"; }
    done
    api -X PUT "$BASE/admin/realms/$REALM" -d '{"passwordPolicy":"length(12) and notUsername and notEmail"}' >/dev/null
  fi
}

client() {
  local client_id=$1 redirects=$2 logout=$3 secret=$4 id body
  id=$(api "$BASE/admin/realms/$REALM/clients?clientId=$client_id" | first_id)
  [ -n "$id" ] || die "the realm has no client $client_id"
  local secret_field=""
  if [ -n "$secret" ]; then secret_field=",\"secret\":\"$secret\""; fi
  body="{\"redirectUris\":$redirects,\"attributes\":{\"post.logout.redirect.uris\":\"$logout\"}$secret_field}"
  api -X PUT "$BASE/admin/realms/$REALM/clients/$id" -d "$body" >/dev/null
}

cmd_launch() {
  install
  local password; password=$(admin_password)
  if [ "${EGOV_KEYCLOAK_RESET:-false}" = true ] && running; then
    log "stopping the one left over from an earlier run"
    cmd_stop
  fi
  if ! running; then
    db_args
    if [ "${EGOV_KEYCLOAK_RESET:-false}" = true ]; then rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/tmp"; fi
    mkdir -p "$KC_HOME/data/import"
    cp "$HERE/egov-citizens-realm.json" "$KC_HOME/data/import/"
    log "starting on $BASE ($DB database)"
    # Its own process group, so that stop ends the launcher script and the server it starts, and nothing else.
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$password" \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx${EGOV_KEYCLOAK_HEAP:-512m}" \
      setsid "$KC_HOME/bin/kc.sh" start-dev --http-host 127.0.0.1 --http-port "$PORT" \
        --http-management-port "$MANAGEMENT_PORT" --hostname "$BASE" --import-realm "${DB_ARGS[@]}" \
        > "$LOG" 2>&1 < /dev/null &
    echo $! > "$PID_FILE"
    date +%s > "$KC_DIR/launched-at"
  fi
}

cmd_wait() {
  local password; password=$(admin_password)
  local launched; launched=$(cat "$KC_DIR/launched-at" 2>/dev/null || date +%s)
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/realms/$REALM/.well-known/openid-configuration")" = 200 ]; then
      configure_realm "$password"
      local own; own=$(grep -o 'started in [0-9.]*s' "$LOG" 2>/dev/null | tail -1 || true)
      log "ready (${own:-already running}; $(( $(date +%s) - launched )) s since launched): $BASE/realms/$REALM (admin console $BASE/admin/, user admin)"
      return 0
    fi
    running || { tail -20 "$LOG" >&2; die "Keycloak stopped while starting; see $LOG"; }
    sleep 0.5
  done
  die "Keycloak did not answer within 5 minutes; see $LOG"
}

cmd_stop() {
  if ! running; then
    rm -f "$PID_FILE"
    log "not running"
    return
  fi
  local pid; pid=$(cat "$PID_FILE")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return; }
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  log "killed (did not stop within 30 s)"
}

case "${1:-}" in
  start) cmd_launch; cmd_wait ;;
  launch) cmd_launch ;;
  wait) cmd_wait ;;
  stop) cmd_stop ;;
  status) if running; then log "running: $BASE/realms/$REALM"; else log "not running"; exit 3; fi ;;
  *) echo "usage: keycloak.sh start | launch | wait | stop | status" >&2; exit 2 ;;
esac
