#!/usr/bin/env bash
# Reporting analytics load harness. Needs the platform running on PostgreSQL with demo data:
#   EGOV_DB=postgresql EGOV_DEMO_ENABLED=true ./egov start
#   bench/reporting-load.sh [queries] [concurrency] [delays] [bulkMonths]
# Loads 63 provinces × 200 indicators × 120 months (1 512 000 approved values, once; later runs find
# them and skip the load), then prints dashboard query p50/p90/p95/p99/max per query shape against
# the 50 ms p95 target, sequentially and at the given concurrency, the database's floor for the same
# queries, the submission-to-dashboard delay of a province's report, and the bulk import
# (POST /api/v1/reporting/datavaluesets: 63 provinces × bulkMonths (12) × 200 indicators in one request,
# values/s) beside the COPY ceiling for the same rows in the same run (target ≥ 25 % of COPY).
# More options (warmup, seed, timeoutSeconds, load, ...) as -D properties: see bench/ReportingLoad.java.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRIVER="$ROOT/server-config/target/artefacts/postgresql.jar"
[ -f "$DRIVER" ] || (cd "$ROOT" && mvn -B -q -pl server-config package)
exec java -Dhttp.maxConnections=64 -cp "$DRIVER" \
  -Dbase="http://localhost:${EGOV_HTTP_PORT:-8080}/" \
  -Dqueries="${1:-1000}" -Dconcurrency="${2:-4}" -Ddelays="${3:-5}" -DbulkMonths="${4:-12}" \
  -DjdbcUrl="${EGOV_DB_URL:-jdbc:postgresql://127.0.0.1:5432/egov}" \
  -DjdbcUser="${EGOV_DB_USER:-egov}" -DjdbcPassword="${EGOV_DB_PASSWORD:-egov}" \
  "$ROOT/bench/ReportingLoad.java"
