#!/usr/bin/env bash
# The API server benchmarks of docs/PERFORMANCE.md ("API server"): bash bench/api/run.sh
#
# 1. Dashboard: wrk -t2 -c64 --latency against GET /api/v1/indicators?region=salten&by=municipality
#    (as salten.koordinator, the cookie sent with -H) and, in the same run, against nginx serving a
#    static file of exactly the same size on another loopback port, alternating ROUNDS times.
# 2. Upload: the 500 000-row export of bench_generate (large/ansatte-0301.csv), imported with
#    `kompetent import` into a fresh database, and uploaded through the API (curl --data-binary,
#    then polling the job until it ends) into a fresh database with the same units and codes.
#    RUNS times each; the medians are compared.
# Raw output goes to bench/out/api/ (gitignored), the summary to bench/out/api/results.md.
#
# Environment: BUILD_DIR (default build-rel/, configured Release without tests or benchmarks if
# new), ROUNDS (wrk rounds per server, default 3), WRK_SECONDS (default 15), RUNS (upload runs,
# default 3), SKIP_UPLOAD=1 / SKIP_WRK=1 to run one half.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-rel}"
ROUNDS="${ROUNDS:-3}"
WRK_SECONDS="${WRK_SECONDS:-15}"
RUNS="${RUNS:-3}"
OUT="$ROOT/bench/out/api"
K="$BUILD_DIR/kompetent"
PY=/usr/bin/python3
PASSWORD=demo-passord-2025
DASHBOARD="/api/v1/indicators?region=salten&by=municipality"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- tools (Debian; benchmarks only) -------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v curl >/dev/null || missing+=(curl)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKOMPETENT_TESTS=OFF \
    -DKOMPETENT_BENCH=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" --target kompetent -j 2 >/dev/null
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$OUT"

# --- processes we start, stopped by their pid on exit ---------------------------------------------
SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  true
}
trap cleanup EXIT

now() { date +%s.%N; }
# CPU time (clock ticks, user + system) of a process and its children so far: the server's cost
# per request, which the load of other processes on the machine hardly changes.
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}
free_port() { $PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server DB: kompetent serve on a free port, no access log; sets SERVER_PID and BASE.
start_server() {
  rm -f port
  "$K" serve --db "$1" --port 0 --port-file port --access-log none > serve.out 2> serve.err &
  SERVER_PID=$!
  until [ -s port ] && grep -q "http://127.0.0.1:$(cat port)" serve.out 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat serve.err >&2; exit 1; }
    sleep 0.05
  done
  BASE="http://127.0.0.1:$(cat port)"
}

stop_server() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || { echo "kompetent serve exited $? after SIGTERM" >&2; exit 1; }
  SERVER_PID=""
}

# login USER: prints the Cookie header value and sets CSRF.
login() {
  curl -s -D login.head -o login.json -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session"
  grep -q '^HTTP/1.1 200' login.head || { echo "login $1 failed:" >&2; cat login.head login.json >&2; exit 1; }
  COOKIE="$(sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\);.*/\1/p' login.head | head -1)"
  CSRF="$($PY -c 'import json; print(json.load(open("login.json"))["csrf_token"])')"
}

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "$(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "kompetent: $("$K" --version 2>/dev/null | head -1 || true), $BUILD_DIR ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$BUILD_DIR/CMakeCache.txt"))"
  echo "nginx: $(/usr/sbin/nginx -v 2>&1 | cut -d/ -f2); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
  echo "load average at the start: $LOAD_START"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} > machine.txt

# --- 1. dashboard: kompetent vs nginx -------------------------------------------------------------
if [ "${SKIP_WRK:-0}" != 1 ]; then
  echo "== dashboard: wrk -t2 -c64 -d${WRK_SECONDS}s, $ROUNDS rounds each"
  "$K" --db demo.db demo >/dev/null
  start_server demo.db
  login salten.koordinator
  status="$(curl -s -o dashboard.json -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$DASHBOARD")"
  [ "$status" = 200 ] || { echo "GET $DASHBOARD: $status" >&2; exit 1; }
  size="$(stat -c %s dashboard.json)"

  # nginx in its own prefix: nothing under /etc or /var is read or written.
  mkdir -p nginx/www nginx/tmp
  cp dashboard.json nginx/www/dashboard.json
  NGINX_PORT="$(free_port)"
  cat > nginx/nginx.conf <<EOF
worker_processes auto;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/tmp/body;
  proxy_temp_path $OUT/nginx/tmp/proxy;
  fastcgi_temp_path $OUT/nginx/tmp/fastcgi;
  sendfile on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/www;
  }
}
EOF
  /usr/sbin/nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/error.log" &
  NGINX_PID=$!
  until curl -s -o nginx-check.json "http://127.0.0.1:$NGINX_PORT/dashboard.json"; do
    kill -0 "$NGINX_PID" 2>/dev/null || { cat nginx/error.log >&2; exit 1; }
    sleep 0.05
  done
  cmp -s nginx-check.json dashboard.json || { echo "nginx serves another file" >&2; exit 1; }
  echo "dashboard body: $size bytes" >> machine.txt

  # A short warm-up fills the server's view cache (it is built once per snapshot set).
  wrk -t2 -c64 -d2s -H "Cookie: $COOKIE" "$BASE$DASHBOARD" > wrk-warmup.txt
  for round in $(seq 1 "$ROUNDS"); do
    before="$(cpu_ticks "$SERVER_PID")"
    wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency -H "Cookie: $COOKIE" "$BASE$DASHBOARD" > "wrk-kompetent-$round.txt"
    echo "$(( $(cpu_ticks "$SERVER_PID") - before )) $(getconf CLK_TCK)" > "wrk-kompetent-$round.cpu"
    before="$(cpu_ticks "$NGINX_PID")"
    wrk -t2 -c64 -d"${WRK_SECONDS}s" --latency -H "Cookie: $COOKIE" \
      "http://127.0.0.1:$NGINX_PORT/dashboard.json" > "wrk-nginx-$round.txt"
    echo "$(( $(cpu_ticks "$NGINX_PID") - before )) $(getconf CLK_TCK)" > "wrk-nginx-$round.cpu"
    echo "round $round: kompetent $(grep Requests/sec "wrk-kompetent-$round.txt"), nginx $(grep Requests/sec "wrk-nginx-$round.txt")"
  done
  kill "$NGINX_PID"
  wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
  stop_server
fi

# --- 2. upload: CLI import vs API upload of the 500 000-row export --------------------------------
if [ "${SKIP_UPLOAD:-0}" != 1 ]; then
  DATA="$ROOT/bench/out"   # where bench/run.sh's bench_generate writes (the same seed: the same file)
  if [ ! -f "$DATA/large/ansatte-0301.csv" ]; then
    GENERATOR=""
    for candidate in "$BUILD_DIR/bench/bench_generate" "$ROOT/build/bench/bench_generate"; do
      [ -x "$candidate" ] && GENERATOR="$candidate" && break
    done
    if [ -z "$GENERATOR" ]; then
      cmake --build "$ROOT/build" --target bench_generate -j 2 >/dev/null
      GENERATOR="$ROOT/build/bench/bench_generate"
    fi
    DATA="$OUT/data"
    echo "== generating 500 000 positions with $GENERATOR"
    "$GENERATOR" --out "$DATA" --data-dir "$ROOT/data" --no-xlsx >/dev/null
  fi
  CSV="$DATA/large/ansatte-0301.csv"
  ROWS=$(( $(wc -l < "$CSV") - 1 ))
  echo "upload file: $CSV, $ROWS rows, $(stat -c %s "$CSV") bytes" >> machine.txt

  # The template: codes, Oslo's units and an hr user for 0301 (for the API), nothing else.
  "$K" --db template.db codes import "$DATA/lokale-koder.csv" >/dev/null
  "$K" --db template.db org import "$DATA/large/enheter-0301.csv" -m 0301 >/dev/null
  echo "$PASSWORD" | "$K" --db template.db user add bench.hr --role hr -m 0301 --name "Bench HR" >/dev/null
  fresh() { rm -f "$1" "$1-wal" "$1-shm"; cp template.db "$1"; }
  stored() { sqlite3 "$1" "SELECT position_count FROM snapshots WHERE municipality = '0301' AND date = '2025-12-31'"; }

  : > upload-times.txt
  for run in $(seq 1 "$RUNS"); do
    fresh cli.db
    start="$(now)"
    "$K" --db cli.db import "$CSV" -m 0301 -d 31.12.2025 --quiet >/dev/null
    end="$(now)"
    [ "$(stored cli.db)" = "$ROWS" ] || { echo "CLI import stored $(stored cli.db) positions" >&2; exit 1; }
    echo "cli $run $start $end" >> upload-times.txt

    fresh api.db
    start_server api.db
    login bench.hr
    start="$(now)"
    curl -s -o job.json -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/csv' \
      --data-binary @"$CSV" "$BASE/api/v1/municipalities/0301/imports?date=2025-12-31"
    uploaded="$(now)"
    job="$($PY -c 'import json; print(json.load(open("job.json"))["job"]["id"])')"
    read -r state records end < <($PY "$ROOT/bench/api/wait_job.py" "$BASE" "$job" "Cookie: $COOKIE")
    [ "$state" = succeeded ] || { echo "API import $state ($records records)" >&2; exit 1; }
    stop_server
    [ "$(stored api.db)" = "$ROWS" ] || { echo "API import stored $(stored api.db) positions" >&2; exit 1; }
    echo "api $run $start $end $uploaded" >> upload-times.txt
    echo "run $run: $(tail -2 upload-times.txt | awk '{printf "%s %.2f s  ", $1, $4 - $3}')"
  done
fi

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> machine.txt
$PY "$ROOT/bench/api/summarize.py" "$OUT"
