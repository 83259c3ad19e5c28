#!/usr/bin/env bash
# Installs a folder's npm packages from its committed lockfile, only when they are
# missing or older than the lockfile:
#   scripts/npm-install.sh web          # the web app's build tools and libraries
#   scripts/npm-install.sh tests/e2e    # playwright-core and axe-core for the browser tests
# `npm ci` installs exactly what package-lock.json says, so a clean machine and this one
# get the same versions; it never downloads a browser (the tests use Debian's chromium).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir="$1"
stamp="$dir/node_modules/.package-lock.json"   # npm writes it at the end of every install
if [ -f "$stamp" ] && [ "$stamp" -nt "$dir/package-lock.json" ]; then
  exit 0
fi
echo "npm ci in $dir"
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
