#!/usr/bin/env bash
# Adds an EF Core migration for BOTH providers (SQLite and PostgreSQL keep separate migration sets).
# Usage: build/add-migration.sh NameOfMigration
# The Design package cannot restore from this registry; build/EfDesign.targets references its dll when
# EfDesign=true (STACK.md).
set -euo pipefail
name=${1:?usage: build/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build Wbpm.Web -p:EfDesign=true -v q
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build -p Wbpm.Infrastructure -s Wbpm.Web \
    --context "${provider}WbpmDbContext" -o "Persistence/Migrations/$provider" \
    --namespace "Wbpm.Infrastructure.Persistence.Migrations.$provider"
  # dotnet ef writes a first snapshot into a folder named after the namespace: move it beside the migrations.
  stray="Wbpm.Infrastructure/Wbpm/Infrastructure/Persistence/Migrations/$provider"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "Wbpm.Infrastructure/Persistence/Migrations/$provider/"; fi
done
rm -rf Wbpm.Infrastructure/Wbpm
# Leave a normal (non-design) build behind.
dotnet build Wbpm.Web -v q >/dev/null
