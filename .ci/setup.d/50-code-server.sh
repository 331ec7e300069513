#!/usr/bin/env bash
# e2e + extension-host tests: a real VS Code (code-server 4.139.1) needs Node 24 (npm package
# node@24) and compiles native modules against libkrb5-dev (installed by .ci/run). Both go into
# the cache dir (~/.cache/ndscope or $NDSCOPE_CACHE) and are skipped when already there
# (≈ 3 min the first time on 2 cores).
set -euo pipefail
node scripts/code-server.mjs install
