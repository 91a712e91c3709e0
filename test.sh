#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs Chromium and PostgreSQL when missing (apt-get),
# starts a throwaway PostgreSQL on 127.0.0.1, runs all test projects, stops PostgreSQL, exits non-zero on failure.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Tenancy"]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then as_root apt-get update -qq; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v chromium >/dev/null || { echo "Installing Chromium (apt-get)..."; apt_install chromium; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL (apt-get)..."; apt_install postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A throwaway PostgreSQL cluster (PostgreSQL refuses to run as root: run it as the postgres user then).
pg_dir=$(mktemp -d /tmp/wbpm-pg.XXXXXX)
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then pg_user=postgres; chown postgres:postgres "$pg_dir"; fi
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_port=""
for port in $(seq 55432 55470); do
  if run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c max_connections=300" -w start >/dev/null 2>&1; then
    pg_port=$port; break
  fi
done
[ -n "$pg_port" ] || { echo "PostgreSQL did not start:"; cat "$pg_dir/server.log"; exit 1; }
echo "PostgreSQL started on 127.0.0.1:$pg_port"

export WBPM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export WBPM_REQUIRE_POSTGRES=1
export WBPM_CHROMIUM=$(command -v chromium)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Wbpm.sln -v q -nologo -clp:ErrorsOnly
results="$root/TestResults"
rm -rf "$results"
status=0
# One test assembly at a time: the browser journeys get the machine's two cores instead of competing with the
# unit and database tests (fewer timing-sensitive waits, same total work).
for project in Wbpm.Tests Wbpm.E2E; do
  dotnet test "$project" --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?
done

# One plain summary line over every test assembly ("N passed, N failed").
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).find(".//t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("total", 0)) - int(c.get("executed", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
