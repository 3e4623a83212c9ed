#!/usr/bin/env bash
# Adds a migration NAME for both databases (SQLite and PostgreSQL), each in its own folder.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/../src/Fazhi.Web"
dotnet tool restore >/dev/null
dotnet build >/dev/null
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --context "${p}FazhiDbContext" \
    --output-dir "Migrations/$p" --namespace "Fazhi.Web.Migrations.$p"
done
# dotnet ef puts the model snapshot in a folder named after the namespace; keep it beside the migrations.
if [ -d Fazhi ]; then
  for p in Sqlite Postgres; do
    mv Fazhi/Web/Migrations/$p/*.cs "Migrations/$p/" 2>/dev/null || true
  done
  rm -rf Fazhi
fi
