#!/usr/bin/env bash
# The production build, in one place: the Dockerfile runs this script, and
# test/integration/production-build.test.ts runs it in a clean copy of the repository and
# starts the result exactly as the image does.
#
#   bash scripts/build-production.sh OUT
#
# OUT afterwards holds everything Stip needs at run time and nothing else:
#   OUT/server/dist/main.js        the server, bundled to JavaScript (node OUT/server/dist/main.js)
#   OUT/server/dist/cli/*.js       backup and restore
#   OUT/server/assets/             files the server reads at run time (fonts), when present
#   OUT/server/node_modules/       the server's production dependencies only
#   OUT/client/dist/               the built web client, found by the server's default CLIENT_DIR
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: bash scripts/build-production.sh OUT_DIR" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
out="$(mkdir -p "$1" && cd "$1" && pwd)"
pnpm=(npx --yes pnpm@10.34.8)
step() { echo "build-production: $1 (${SECONDS} s so far)"; }

step "installing"
# Every dependency, exactly as locked (build tools included: vite, esbuild).
"${pnpm[@]}" install --frozen-lockfile
step "building the client and the server"
# The client (vite) and the server (esbuild: scripts/build-server.mjs).
"${pnpm[@]}" run build

step "copying the server with its production dependencies"
# The server package with its production dependencies (better-sqlite3 built for this Node),
# copied out of the workspace; its "files" field limits what comes along to dist/ and assets/.
rm -rf "$out/server" "$out/client"
"${pnpm[@]}" --filter @stip/server deploy --prod --legacy "$out/server"
mkdir -p "$out/client"
cp -R client/dist "$out/client/dist"

step "done"
echo "production build in $out: start it with  node $out/server/dist/main.js"
