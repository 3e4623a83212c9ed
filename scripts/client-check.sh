#!/usr/bin/env bash
# The API document as other people's tools use it. Starts the demo town, takes /openapi/v1.json as it is served, and:
#   1. lints it with Redocly (no error allowed);
#   2. generates TypeScript types with openapi-typescript and compiles typed request bodies with tsc;
#   3. generates a C# client with Kiota and one with NSwag (tools from .config/dotnet-tools.json, default options),
#      compiles both unedited (tests/Fazhi.ClientCheck) and uses them against the running server: a window intake, an
#      enforcement and a mediation registration, a Word download, a 409 and a 422 read as typed problem details.
# Needs the .NET SDK, Node.js and npm. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
check="$root/tests/Fazhi.ClientCheck"
port=${FAZHI_CLIENT_CHECK_PORT:-5197}
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 KIOTA_OFFLINE_ENABLED=true

echo "== the demo town on 127.0.0.1:$port"
dotnet build src/Fazhi.Web -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
Database__DataDirectory="$work/data" ASPNETCORE_ENVIRONMENT=Development \
  dotnet run --no-build --project src/Fazhi.Web --no-launch-profile --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "the server stopped"; cat "$work/server.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$work/openapi.json"
echo "   $(wc -c <"$work/openapi.json") bytes of API document"

echo "== Redocly lint, openapi-typescript and tsc"
(cd "$check" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
(cd "$check" && npx --no-install redocly lint "$work/openapi.json" --format=summary)
(cd "$check" && npx --no-install openapi-typescript "$work/openapi.json" -o api.d.ts >/dev/null && npx --no-install tsc -p .)
echo "   tsc: the typed bodies compile"

echo "== Kiota and NSwag clients, generated and compiled as they are"
dotnet tool restore >/dev/null
rm -rf "$check/Generated"
dotnet tool run kiota generate -l CSharp -d "$work/openapi.json" -o "$check/Generated/Kiota" -c FazhiKiotaClient \
  -n Fazhi.ClientCheck.Kiota --exclude-backward-compatible --clean-output --log-level Error >"$work/kiota.log" 2>&1 \
  || { cat "$work/kiota.log"; exit 1; }
dotnet tool run nswag openapi2csclient "/input:$work/openapi.json" "/output:$check/Generated/NSwagClient.cs" \
  /namespace:Fazhi.ClientCheck.NSwag /classname:FazhiNSwagClient >"$work/nswag.log" 2>&1 || { cat "$work/nswag.log"; exit 1; }
dotnet build "$check" -v q -nologo >"$work/check-build.log" 2>&1 || { grep -E "error" "$work/check-build.log" | sort -u | head -40; exit 1; }

echo "== the calls"
dotnet run --no-build --project "$check" -- "http://127.0.0.1:$port"
