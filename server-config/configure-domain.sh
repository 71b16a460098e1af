#!/usr/bin/env bash
# Creates (if needed) and configures a Payara domain for the e-Government platform: the JDBC pool
# and resource the EAR's persistence unit uses, the JMS resources, role mapping and HTTP hardening.
# Used by ./egov start (the platform's own domain) and by the integration tests (one domain per
# database). Idempotent: run it again and it brings the domain to the same state.
#
# Environment:
#   PAYARA_HOME            the payara6 folder (required)
#   EGOV_DOMAIN            domain name (default egov)
#   EGOV_PORTBASE          if set, every port is derived from it (admin = +48, HTTP = +80)
#   EGOV_ADMIN_PORT        admin port when no port base (default 4848)
#   EGOV_HTTP_PORT         HTTP port when no port base (default 8080)
#   EGOV_ADMIN_PASSWORD    the admin password (required; never empty)
#   EGOV_DB                h2 (default) or postgresql
#   EGOV_DB_URL            JDBC URL (required)
#   EGOV_DB_USER, EGOV_DB_PASSWORD
#   EGOV_POSTGRESQL_DRIVER path of the PostgreSQL JDBC driver jar (for EGOV_DB=postgresql)
#   EGOV_DB_RESET          true: start from an empty database (tests only)
#   EGOV_DOMAIN_RECREATE   true: delete the domain and create it anew (tests only)
#   EGOV_CONFIG            key=value settings of the platform (MicroProfile Config, domain source)
#   EGOV_LEAVE_RUNNING     true (default): leave the domain running afterwards
#   EGOV_HEAP              the server's maximum heap (default 1g)
#   EGOV_GC                the server's garbage collector: parallel (default) or g1
#   EGOV_ADMIN_ADDRESS     where the admin console (4848), JMX (8686), IIOP (3700/3820/3920) and the
#                          JMS broker (7676) listen (default 127.0.0.1: this machine only; reach the
#                          console through an SSH tunnel). Any other address also turns secure admin on.
#   EGOV_SMTP_HOST, EGOV_SMTP_PORT  the SMTP server of the applicants' e-mails (JavaMail session
#                          mail/egov; default localhost:25). No server there is fine: the outbox
#                          keeps the mails and tries again with back-off.
#   EGOV_MAIL_FROM         the sender address of those e-mails (default khong-tra-loi@dichvucong.egov.vn)
#   EGOV_SANDBOX_WAR       path of the sandbox payment platform's WAR (payment-sandbox): deployed beside the
#                          platform at /pp-sandbox (demo mode and tests only; production points
#                          egov.portal.payment.platform-url at the real payment platform instead)
#   EGOV_CIVIL_STATUS_WAR  path of the sandbox civil-status registry's WAR (civil-status-sandbox): deployed
#                          beside the platform at /hotich-sandbox (demo mode and tests only: another
#                          agency's system the sharing gateway forwards to; production registers the
#                          real one as a service instead)
#   EGOV_BEHIND_PROXY      true: a TLS-terminating reverse proxy sits in front of the HTTP listener; its
#                          X-Forwarded-Proto header gives the request's scheme (HTTPS: Secure cookie,
#                          same-origin check). Only set it when every request passes that proxy.
set -euo pipefail

: "${PAYARA_HOME:?PAYARA_HOME must name the payara6 folder}"
: "${EGOV_ADMIN_PASSWORD:?EGOV_ADMIN_PASSWORD must be set (the admin password is never empty)}"
: "${EGOV_DB_URL:?EGOV_DB_URL must be set}"
DOMAIN=${EGOV_DOMAIN:-egov}
DB=${EGOV_DB:-h2}
DB_USER=${EGOV_DB_USER:-egov}
DB_PASSWORD=${EGOV_DB_PASSWORD:-egov}
LEAVE_RUNNING=${EGOV_LEAVE_RUNNING:-true}
if [ -n "${EGOV_PORTBASE:-}" ]; then
  ADMIN_PORT=$((EGOV_PORTBASE + 48))
  PORT_ARGS=(--portbase "$EGOV_PORTBASE")
else
  ADMIN_PORT=${EGOV_ADMIN_PORT:-4848}
  PORT_ARGS=(--adminport "$ADMIN_PORT" --instanceport "${EGOV_HTTP_PORT:-8080}")
fi

ADMIN_ADDRESS=${EGOV_ADMIN_ADDRESS:-127.0.0.1}
case "$ADMIN_ADDRESS" in
  127.0.0.1|localhost|::1) admin_on_loopback=true ;;
  *) admin_on_loopback=false ;;
esac

ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAINS_DIR="$PAYARA_HOME/glassfish/domains"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pwfile="$work/password"
( umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$EGOV_ADMIN_PASSWORD" > "$pwfile" )
admin() { "$ASADMIN" --port "$ADMIN_PORT" --user admin --passwordfile "$pwfile" --interactive=false "$@"; }
log() { echo "[server-config] $*"; }

if [ "${EGOV_DOMAIN_RECREATE:-false}" = true ] && [ -d "$DOMAINS_DIR/$DOMAIN" ]; then
  "$ASADMIN" stop-domain "$DOMAIN" >/dev/null 2>&1 || true
  rm -rf "${DOMAINS_DIR:?}/$DOMAIN"
fi

created=false
if [ ! -d "$DOMAINS_DIR/$DOMAIN" ]; then
  created=true
  log "creating domain $DOMAIN"
  "$ASADMIN" --user admin --passwordfile "$pwfile" --interactive=false create-domain "${PORT_ARGS[@]}" "$DOMAIN" >/dev/null
fi

if [ "$DB" = postgresql ] && [[ "$EGOV_DB_URL" == jdbc:postgresql://127.0.0.1[:/]* || "$EGOV_DB_URL" == jdbc:postgresql://localhost[:/]* ]]; then
  # A local server: make the role and the database if they are missing (connects as the cluster's
  # superuser); tests also start from an empty database. A remote database is the DBA's to create.
  dbname=${EGOV_DB_URL##*/}; dbname=${dbname%%\?*}
  superuser() { psql -h 127.0.0.1 -U postgres -d postgres -qAt "$@"; }
  if superuser -c "SELECT 1" >/dev/null 2>&1; then
    superuser -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 \
      || { log "creating PostgreSQL role $DB_USER"; superuser -c "CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD'"; }
    if [ "${EGOV_DB_RESET:-false}" = true ]; then
      log "recreating PostgreSQL database $dbname"
      superuser -c "DROP DATABASE IF EXISTS \"$dbname\" WITH (FORCE)"
    fi
    superuser -c "SELECT 1 FROM pg_database WHERE datname='$dbname'" | grep -q 1 \
      || { log "creating PostgreSQL database $dbname"; superuser -c "CREATE DATABASE \"$dbname\" OWNER \"$DB_USER\""; }
  fi
fi

if [ "$DB" = h2 ] && [ "${EGOV_DB_RESET:-false}" = true ]; then
  h2path=${EGOV_DB_URL#jdbc:h2:}; h2path=${h2path%%;*}
  log "removing the embedded database $h2path"
  rm -f "$h2path".mv.db "$h2path".trace.db "$h2path".lock.db
fi

was_running=false
if "$ASADMIN" list-domains 2>/dev/null | grep -q "^$DOMAIN running"; then
  was_running=true
fi

# The server's heap (EGOV_HEAP, default 1g; Payara's own default of 512m makes the exchange axis
# collect garbage several times a second under load). Written into domain.xml, so it applies
# when the domain next starts.
heap=${EGOV_HEAP:-1g}
domain_xml="$DOMAINS_DIR/$DOMAIN/config/domain.xml"
if ! grep -q "<jvm-options>-Xmx$heap</jvm-options>" "$domain_xml"; then
  sed -i "s|<jvm-options>-Xmx[0-9]*[kKmMgG]\{0,1\}</jvm-options>|<jvm-options>-Xmx$heap</jvm-options>|g" "$domain_xml"
  [ "$was_running" = true ] && log "heap set to $heap: it applies when the domain restarts (./egov stop, ./egov start)"
fi
# The garbage collector (EGOV_GC: parallel, the default, or g1). On two cores the throughput
# collector sends about a quarter more exchange documents per second than G1, with lower latency
# percentiles (bench/exchange-load.sh); its young pauses on a 1g heap are a few milliseconds.
gc=${EGOV_GC:-parallel}
case "$gc" in
  parallel)
    if ! grep -q "<jvm-options>-XX:+UseParallelGC</jvm-options>" "$domain_xml"; then
      sed -i "s|\(<jvm-options>-Xmx[^<]*</jvm-options>\)|\1<jvm-options>-XX:+UseParallelGC</jvm-options>|g" "$domain_xml"
      [ "$was_running" = true ] && log "collector set to parallel: it applies when the domain restarts"
    fi
    ;;
  g1) sed -i "s|<jvm-options>-XX:+UseParallelGC</jvm-options>||g" "$domain_xml" ;;
  *) echo "EGOV_GC must be parallel or g1, not '$gc'" >&2; exit 2 ;;
esac

if [ "$was_running" != true ]; then
  log "starting domain $DOMAIN"
  "$ASADMIN" start-domain "$DOMAIN" >/dev/null
fi

# asadmin separates properties with ':' — escape the ones inside values; the multimode file is
# tokenised once more, so each escape is written doubled.
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\\\\\/g' -e 's/:/\\\\:/g' -e 's/=/\\\\=/g' -e 's/;/\\\\;/g'; }

case "$DB" in
  h2)
    ds_class=org.h2.jdbcx.JdbcDataSource
    ;;
  postgresql)
    ds_class=org.postgresql.ds.PGSimpleDataSource
    # The driver sends a JDBC batch of inserts as multi-row INSERTs: status sync writes its dossiers,
    # steps and outbox rows as batches of a hundred (EclipseLink batch writing).
    pool_extra=":reWriteBatchedInserts=true"
    : "${EGOV_POSTGRESQL_DRIVER:?EGOV_POSTGRESQL_DRIVER must name the PostgreSQL JDBC driver jar}"
    if [ ! -f "$DOMAINS_DIR/$DOMAIN/lib/$(basename "$EGOV_POSTGRESQL_DRIVER")" ]; then
      log "adding the PostgreSQL driver to the domain"
      admin add-library "$EGOV_POSTGRESQL_DRIVER" >/dev/null
    fi
    ;;
  *) echo "EGOV_DB must be h2 or postgresql, not '$DB'" >&2; exit 2 ;;
esac

existing_resources=$(admin list-jdbc-resources 2>/dev/null || true)
existing_mail=$(admin list-javamail-resources 2>/dev/null || true)
SMTP_HOST=${EGOV_SMTP_HOST:-localhost}
SMTP_PORT=${EGOV_SMTP_PORT:-25}
MAIL_FROM=${EGOV_MAIL_FROM:-khong-tra-loi@dichvucong.egov.vn}
[[ "$SMTP_PORT" =~ ^[0-9]+$ ]] || { echo "EGOV_SMTP_PORT must be a port number, not '$SMTP_PORT'" >&2; exit 2; }
# Listener addresses and secure admin apply when the server starts: note whether they change.
listeners_changed=false
current_admin_address=$(admin get configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address 2>/dev/null | sed -n 's/^.*admin-listener.address=//p')
[ "$current_admin_address" = "$ADMIN_ADDRESS" ] || listeners_changed=true
secure_admin_now=$(admin get secure-admin.enabled 2>/dev/null | sed -n 's/^secure-admin.enabled=//p')
if [ "$admin_on_loopback" = false ] && [ "$secure_admin_now" != true ]; then listeners_changed=true; fi
jvm_options=$(admin list-jvm-options 2>/dev/null || true)
cmds="$work/commands"
{
  if grep -q '^jdbc/egov$' <<<"$existing_resources"; then
    echo "delete-jdbc-resource jdbc/egov"
    echo "delete-jdbc-connection-pool egovPool"
  fi
  echo "create-jdbc-connection-pool --datasourceclassname $ds_class --restype javax.sql.DataSource" \
       "--steadypoolsize 4 --maxpoolsize 64 --isconnectvalidatereq=true --validationmethod=meta-data" \
       "--property URL=$(esc "$EGOV_DB_URL"):user=$(esc "$DB_USER"):password=$(esc "$DB_PASSWORD")${pool_extra:-} egovPool"
  echo "create-jdbc-resource --connectionpoolid egovPool jdbc/egov"
  # The applicants' e-mails (portal dossiers) go through this session; short timeouts, so a mail
  # server that does not answer only delays the outbox, never a request.
  if grep -q '^mail/egov$' <<<"$existing_mail"; then
    echo "delete-javamail-resource mail/egov"
  fi
  echo "create-javamail-resource --mailhost $(esc "$SMTP_HOST") --mailuser egov --fromaddress $(esc "$MAIL_FROM")" \
       "--property mail-smtp-port=$SMTP_PORT:mail-smtp-connectiontimeout=5000:mail-smtp-timeout=10000:mail-smtp-writetimeout=10000" \
       "mail/egov"
  # Jakarta Security groups are the application's roles (no per-app role mapping files).
  echo "set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true"
  # Deployer's settings (EGOV_CONFIG: key=value, one per line or space-separated) as domain-level
  # MicroProfile Config properties, above the application's defaults.
  for setting in ${EGOV_CONFIG:-}; do
    echo "set-config-property --source=domain --propertyName=${setting%%=*} --propertyValue=${setting#*=}"
  done
  # Do not advertise the server product on any listener (HTTP, HTTPS, admin).
  for listener in http-listener-1 http-listener-2 admin-listener; do
    echo "set configs.config.server-config.network-config.protocols.protocol.$listener.http.xpowered-by=false"
    echo "set configs.config.server-config.network-config.protocols.protocol.$listener.http.server-header=false"
  done
  # Every cookie of the HTTP listeners is SameSite=Lax (Payara ignores web.xml's cookie attributes).
  for listener in http-listener-1 http-listener-2; do
    echo "set configs.config.server-config.network-config.protocols.protocol.$listener.http.cookie-same-site-value=Lax"
    echo "set configs.config.server-config.network-config.protocols.protocol.$listener.http.cookie-same-site-enabled=true"
  done
  grep -q -- '^-Dproduct.name=' <<<"$jvm_options" || echo "create-jvm-options -Dproduct.name="
  # The administration side listens on EGOV_ADMIN_ADDRESS only (loopback by default).
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address=$ADMIN_ADDRESS"
  echo "set configs.config.server-config.admin-service.jmx-connector.system.address=$ADMIN_ADDRESS"
  for iiop in orb-listener-1 SSL SSL_MUTUALAUTH; do
    echo "set configs.config.server-config.iiop-service.iiop-listener.$iiop.address=$ADMIN_ADDRESS"
  done
  # The embedded broker binds to its JMS host's address (GlassFish passes it as imq.hostname).
  echo "set configs.config.server-config.jms-service.jms-host.default_JMS_host.host=$ADMIN_ADDRESS"
  if [ "${EGOV_BEHIND_PROXY:-false}" = true ]; then
    echo "set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.scheme-mapping=X-Forwarded-Proto"
  fi
} > "$cmds"

log "configuring $DOMAIN for $DB"
admin multimode --file "$cmds" > "$work/out" 2>&1 || { cat "$work/out" >&2; exit 1; }
if grep -qiE 'failed|error' "$work/out"; then cat "$work/out" >&2; exit 1; fi
admin ping-connection-pool egovPool >/dev/null || { echo "the database at $EGOV_DB_URL does not answer" >&2; exit 1; }
if [ -n "${EGOV_SANDBOX_WAR:-}" ]; then
  log "deploying the sandbox payment platform at /pp-sandbox"
  admin deploy --force=true --name pp-sandbox --contextroot /pp-sandbox "$EGOV_SANDBOX_WAR" >/dev/null
fi
if [ -n "${EGOV_CIVIL_STATUS_WAR:-}" ]; then
  log "deploying the sandbox civil-status registry at /hotich-sandbox"
  admin deploy --force=true --name hotich-sandbox --contextroot /hotich-sandbox "$EGOV_CIVIL_STATUS_WAR" >/dev/null
fi
if [ "$admin_on_loopback" = false ] && [ "$secure_admin_now" != true ]; then
  # The console beyond this machine: only over TLS, never with the password in clear.
  log "admin listens on $ADMIN_ADDRESS: enabling secure admin"
  admin enable-secure-admin >/dev/null
elif [ "$admin_on_loopback" = true ] && [ "$secure_admin_now" = true ]; then
  log "admin back on loopback: secure admin stays on (disable it with asadmin disable-secure-admin if wanted)"
fi

if [ "$LEAVE_RUNNING" != true ] && [ "$was_running" != true ]; then
  log "stopping domain $DOMAIN"
  "$ASADMIN" stop-domain "$DOMAIN" >/dev/null
elif [ "$created" = true ] || [ "$listeners_changed" = true ]; then
  # On a new domain the listener settings above restart http-listener-1 in the background; a
  # deployment racing that restart can leave the listener without its web container (Payara logs
  # "GrizzlyProxy is NULL" and serves 404 for ever). A new domain, with nothing deployed yet,
  # restarts once from its final configuration. Listener addresses and secure admin, when they
  # changed, also apply only on a restart. (Otherwise an existing domain's settings are unchanged.)
  log "restarting domain $DOMAIN on its final configuration"
  "$ASADMIN" restart-domain "$DOMAIN" >/dev/null
fi
log "domain $DOMAIN ready (admin port $ADMIN_PORT)"
