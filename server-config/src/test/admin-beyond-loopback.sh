#!/usr/bin/env bash
# The administration side beyond loopback, run by ./egov test after the Maven build: a domain
# configured with EGOV_ADMIN_ADDRESS set to every interface must come up with secure admin on, so
# the console and asadmin answer only over TLS there (never the admin password in clear). The
# loopback default is checked by WebHardeningIT on the integration domains.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
PAYARA_HOME=$(ls -d "$ROOT"/ear/target/it-runtime/payara6 2>/dev/null) || { echo "run the Maven build first" >&2; exit 2; }
DOMAIN=egov-admin-beyond
PORTBASE=31000
ADMIN_PORT=$((PORTBASE + 48))
work=$(mktemp -d)
PASSWORD="admin-$(date +%s)-$RANDOM"
ASADMIN="$PAYARA_HOME/bin/asadmin"
pwfile="$work/password"; printf 'AS_ADMIN_PASSWORD=%s\n' "$PASSWORD" > "$pwfile"
cleanup() {
  "$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true
  "$ASADMIN" delete-domain "$DOMAIN" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "[admin-beyond-loopback] $*"; }

PAYARA_HOME="$PAYARA_HOME" EGOV_DOMAIN=$DOMAIN EGOV_PORTBASE=$PORTBASE EGOV_ADMIN_PASSWORD="$PASSWORD" \
  EGOV_DB=h2 EGOV_DB_URL="jdbc:h2:$work/db/egov" EGOV_DB_RESET=true EGOV_DOMAIN_RECREATE=true \
  EGOV_LEAVE_RUNNING=true EGOV_ADMIN_ADDRESS=0.0.0.0 \
  bash "$ROOT/server-config/configure-domain.sh"

enabled=$("$ASADMIN" --port $ADMIN_PORT --user admin --passwordfile "$pwfile" --interactive=false --secure \
  get secure-admin.enabled | sed -n 's/^secure-admin.enabled=//p')
[ "$enabled" = true ] || { echo "secure admin is '$enabled' with the admin side on every interface" >&2; exit 1; }
address=$("$ASADMIN" --port $ADMIN_PORT --user admin --passwordfile "$pwfile" --interactive=false --secure \
  get configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address \
  | sed -n 's/^.*address=//p')
[ "$address" = 0.0.0.0 ] || { echo "the admin listener is on '$address', not where it was asked to be" >&2; exit 1; }
# Over TLS the console answers; in clear it does not serve the console (Payara redirects to https).
tls=$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$ADMIN_PORT/management/domain")
[ "$tls" != 000 ] || { echo "the admin port does not answer over TLS" >&2; exit 1; }
clear=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$ADMIN_PORT/management/domain" || true)
case "$clear" in
  200*) echo "the admin port serves the management API in clear: $clear" >&2; exit 1 ;;
esac
log "secure admin on with the admin side on $address (TLS: $tls; in clear: ${clear:-no answer}): PASSED"
