#!/usr/bin/env bash
# Portal status sync load harness. Needs the platform running on PostgreSQL with demo data:
#   EGOV_DB=postgresql EGOV_DEMO_ENABLED=true ./egov start
#   bench/portal-sync.sh [records] [concurrency] [single-record requests] [warm-up records]
# Prints records/s through the batch API (batches of 100) for new dossiers and for steps, single-record
# requests/s, latency p50/p99, and the ceiling: the same rows written by bare JDBC batches.
# Tokens expire after egov.auth.token-ttl-seconds (900): keep a run shorter than that.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRIVER="$ROOT/server-config/target/artefacts/postgresql.jar"
[ -f "$DRIVER" ] || (cd "$ROOT" && mvn -B -q -pl server-config package)
exec java -cp "$DRIVER" \
  -Dbase="http://localhost:${EGOV_HTTP_PORT:-8080}/" \
  -Drecords="${1:-20000}" -Dconcurrency="${2:-4}" -Dsingles="${3:-2000}" -Dwarmup="${4:-10000}" \
  -DjdbcUrl="${EGOV_DB_URL:-jdbc:postgresql://127.0.0.1:5432/egov}" \
  -DjdbcUser="${EGOV_DB_USER:-egov}" -DjdbcPassword="${EGOV_DB_PASSWORD:-egov}" \
  "$ROOT/bench/PortalSyncLoad.java"
