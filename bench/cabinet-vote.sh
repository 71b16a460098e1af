#!/usr/bin/env bash
# e-Cabinet voting load harness. Needs the platform running with demo data (the default with H2;
# with PostgreSQL set EGOV_DEMO_ENABLED=true):
#   ./egov start
#   bench/cabinet-vote.sh [members] [rounds]
# Opens one live-event stream per member, has all members vote at once (signed remotely with the
# demo PIN), and prints the time until every stream shows the final tally, the push delay after
# the last vote's answer, vote latency percentiles and the server's signature verifications/s.
# More options (verifications, timeout, ...) as -D properties: see bench/CabinetVoteLoad.java.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec java -Dhttp.maxConnections=64 \
  -Dbase="http://localhost:${EGOV_HTTP_PORT:-8080}/" \
  -Dmembers="${1:-30}" -Drounds="${2:-3}" \
  "$ROOT/bench/CabinetVoteLoad.java"
