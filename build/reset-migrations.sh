#!/usr/bin/env bash
# Regenerates the migrations of both providers as one "Initial" migration. Only for the time before the first
# release, when no database outside development exists yet (delete Wbpm.Web/data/wbpm.db afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf Wbpm.Infrastructure/Persistence/Migrations
mkdir -p Wbpm.Infrastructure/Persistence/Migrations/Sqlite Wbpm.Infrastructure/Persistence/Migrations/PostgreSql
build/add-migration.sh Initial
