#!/usr/bin/env bash
# Exchange load harness. Needs the platform running on PostgreSQL with demo data:
#   EGOV_DB=postgresql EGOV_DEMO_ENABLED=true ./egov start
#   bench/exchange-load.sh [docs] [concurrency] [attachment KB] [warm-up docs] [api|vxp|both]
# Prints documents/s and latency percentiles through POST /api/v1/exchange/documents (api), the VPCP
# transport's POST /vxp/sendEdoc (vxp), or both in one run (the default), and the database's raw
# commit rate as the ceiling (EGOV_DB_URL=none: no ceiling, e.g. on the embedded database).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRIVER="$ROOT/server-config/target/artefacts/postgresql.jar"
[ -f "$DRIVER" ] || (cd "$ROOT" && mvn -B -q -pl server-config package)
exec java -Dhttp.maxConnections=64 -cp "$DRIVER" \
  -Dbase="http://localhost:${EGOV_HTTP_PORT:-8080}/" \
  -Ddocs="${1:-1000}" -Dconcurrency="${2:-8}" -DattachmentKb="${3:-100}" -Dwarmup="${4:-5000}" \
  -Dmode="${5:-both}" \
  -DjdbcUrl="$( [ "${EGOV_DB_URL:-}" = none ] || echo "${EGOV_DB_URL:-jdbc:postgresql://127.0.0.1:5432/egov}" )" \
  -DjdbcUser="${EGOV_DB_USER:-egov}" -DjdbcPassword="${EGOV_DB_PASSWORD:-egov}" \
  "$ROOT/bench/ExchangeLoad.java"
