#!/usr/bin/env bash
# Installs the Debian 12 packages kompetent needs to build, test and run, and nothing
# that is already there. Idempotent: a second run does nothing but check.
# Used by `make run`, `make test` and CI on a clean machine.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  libsqlite3-dev sqlite3          # storage (embedded database) and the integrity-check CLI
  nlohmann-json3-dev              # JSON output
  libcli11-dev                    # command line
  libfmt-dev                      # formatting
  libzip-dev libexpat1-dev        # our streaming XLSX reader
  libxlsxwriter-dev               # XLSX writing (test fixtures, benchmark input, exports)
  libboost-dev                    # Boost.Beast + Asio, header-only: the HTTP server
  libsodium-dev                   # Argon2id password hashing, session tokens
  libgtest-dev libgmock-dev       # unit and data-driven tests
  libbenchmark-dev                # bench/
  python3 python3-openpyxl        # independent reader used by tests to check XLSX files
  python3-pytest python3-requests python3-jsonschema python3-yaml python3-pandas
                                  # API tests against the real server, checked against docs/openapi.yaml
  chromium                        # browser tests (tests/e2e), driven by playwright-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

# The web app is built with Vite, which needs Node.js 20.19 or newer (with npm). Debian 12's own
# nodejs is 18, so Node.js is not installed from here: say so plainly instead of failing later.
check_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "install-deps: Node.js >= 20.19 with npm is needed to build the web app (https://nodejs.org)" >&2
    exit 1
  fi
  if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
    echo "install-deps: Node.js $(node --version) is too old; the web app needs >= 20.19" >&2
    exit 1
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  check_node
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
  $sudo apt-get update -q
fi
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
check_node
