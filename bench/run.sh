#!/usr/bin/env bash
# The benchmarks of docs/PERFORMANCE.md, in one run: `make bench`.
# Generates the data into bench/out/ (gitignored), measures kompetent and the
# reference tools (pandas, DuckDB) on the same files, and writes the raw
# results to bench/out/results.md and bench/out/results.json.
#
# Environment: BUILD_DIR (default build/ of the repository), RUNS (hyperfine
# runs of the fast commands, default 5), BENCH_REUSE=1 to keep data already
# generated and imported.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
RUNS="${RUNS:-5}"
OUT="$ROOT/bench/out"
K="$BUILD_DIR/kompetent"
DATA="$ROOT/data"
PY=/usr/bin/python3
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- the reference tools (benchmarks only, not runtime dependencies) ---------
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
$PY -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
$PY -c 'import openpyxl' 2>/dev/null || missing+=(python3-openpyxl)
[ -x /usr/bin/time ] || missing+=(time)
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [ ! -d "$ROOT/bench/node_modules/@duckdb/node-api" ]; then
  # npm ci refuses a lock file that lists only this platform's optional DuckDB
  # binding (an npm bug); npm install then installs the locked versions.
  (cd "$ROOT/bench" && { npm ci --no-audit --no-fund --silent 2>/dev/null ||
                         npm install --no-audit --no-fund --silent; })
fi

if ! build_log="$(cmake --build "$BUILD_DIR" --target kompetent bench_generate bench_import bench_indicators bench_forecast 2>&1)"; then
  echo "$build_log" >&2
  exit 1
fi
mkdir -p "$OUT"
cd "$OUT"

# --- data ---------------------------------------------------------------------
if [ "${BENCH_REUSE:-0}" != 1 ] || [ ! -f national/kommuner.txt ]; then
  echo "== generating 2 × 500 000 positions"
  "$BUILD_DIR/bench/bench_generate" --out "$OUT" --data-dir "$DATA"
  rm -f large-template.db* national.db*
fi
LARGE=large/ansatte-0301
if [ ! -f large-template.db ]; then
  "$K" --db large-template.db codes import lokale-koder.csv >/dev/null
  "$K" --db large-template.db org import large/enheter-0301.csv -m 0301 >/dev/null
fi
if [ ! -f national.db ]; then
  echo "== importing 357 municipalities into national.db"
  "$K" --db national.tmp.db codes import lokale-koder.csv >/dev/null
  while read -r number rows; do
    "$K" --db national.tmp.db org import "national/enheter-$number.csv" -m "$number" >/dev/null
    "$K" --db national.tmp.db import "national/ansatte-$number.csv" -m "$number" -d 31.12.2025 \
      --quiet >/dev/null
  done < national/kommuner.txt
  mv national.tmp.db national.db
fi

# A fresh copy of the database (units and codes only) before every import run.
FRESH="rm -f run.db run.db-wal run.db-shm && cp large-template.db run.db"
IMPORT="$K --db run.db import"
ARGS="-m 0301 -d 31.12.2025 --replace --quiet"

# --- kompetent ------------------------------------------------------------------
echo "== kompetent import (CSV, XLSX)"
hyperfine --style basic --runs "$RUNS" --prepare "$FRESH" --export-json hf-import-csv.json \
  -n "kompetent import CSV" "$IMPORT $LARGE.csv $ARGS"
hyperfine --style basic --runs 3 --prepare "$FRESH" --export-json hf-import-xlsx.json \
  -n "kompetent import XLSX" "$IMPORT $LARGE.xlsx $ARGS"

echo "== peak memory"
eval "$FRESH"
/usr/bin/time -v $IMPORT $LARGE.csv $ARGS 2> time-import-csv.txt
eval "$FRESH"
/usr/bin/time -v $IMPORT $LARGE.xlsx $ARGS 2> time-import-xlsx.txt

echo "== parse + validate only (bench_import)"
"$BUILD_DIR/bench/bench_import" --units large/enheter-0301.csv --codes lokale-koder.csv \
  --data-dir "$DATA" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out=bench-import.json --benchmark_out_format=json $LARGE.csv $LARGE.xlsx

echo "== indicators (bench_indicators)"
# run.db holds the last import of the large file: 500 000 positions of 0301.
"$BUILD_DIR/bench/bench_indicators" --db national.db --large-db run.db \
  --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out=bench-indicators.json --benchmark_out_format=json

echo "== forecast (bench_forecast, pandas_forecast.py)"
# The same 500 000 positions (national/), read into memory; 8 scenarios × 357 municipalities to
# 2050. It exports its inputs and totals to forecast/, which pandas computes again and checks.
"$BUILD_DIR/bench/bench_forecast" --national national --codes lokale-koder.csv --data-dir "$DATA" \
  --out "$OUT" --runs 5
$PY "$ROOT/bench/pandas_forecast.py" "$OUT/forecast" > pandas-forecast.json

# --- reference tools ----------------------------------------------------------------
echo "== pandas"
hyperfine --style basic --runs "$RUNS" --export-json hf-pandas-read.json \
  -n "pandas read_csv" "$PY $ROOT/bench/pandas_read.py $LARGE.csv"
$PY "$ROOT/bench/pandas_read.py" $LARGE.csv > pandas-read.json
LARGE_ARGS="$LARGE.csv large/enheter-0301.csv lokale-koder.csv $DATA"
NATIONAL_ARGS=("national/ansatte-*.csv" "national/enheter-*.csv" lokale-koder.csv "$DATA")
$PY "$ROOT/bench/pandas_groupby.py" $LARGE_ARGS > pandas-groupby-large.json
$PY "$ROOT/bench/pandas_groupby.py" "${NATIONAL_ARGS[@]}" > pandas-groupby-national.json
# openpyxl takes tens of seconds: once.
$PY "$ROOT/bench/pandas_read.py" $LARGE.xlsx --excel > pandas-excel.json

echo "== DuckDB"
node "$ROOT/bench/duckdb_groupby.mjs" $LARGE_ARGS 10 > duckdb-large.json
node "$ROOT/bench/duckdb_groupby.mjs" "${NATIONAL_ARGS[@]}" 5 > duckdb-national.json

# --- results ----------------------------------------------------------------------
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "$(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  echo "load average at the start: $LOAD_START"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: ${BENCH_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
} > machine.txt
$PY "$ROOT/bench/summarize.py" "$OUT"
