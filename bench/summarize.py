"""Collects the raw results of bench/run.sh in DIR into DIR/results.json and
DIR/results.md: every measurement, its reference, the ratio and the target.

    /usr/bin/python3 bench/summarize.py bench/out
"""
import json
import re
import sys
from pathlib import Path


def load(path: Path):
    return json.loads(path.read_text()) if path.exists() else None


def hyperfine_seconds(path: Path):
    data = load(path)
    if not data:
        return None
    result = data["results"][0]
    return {"mean": result["mean"], "min": result["min"], "stddev": result["stddev"],
            "cpu": result["user"] + result["system"], "runs": len(result["times"])}


def gbench_median_ms(path: Path) -> dict:
    data = load(path) or {"benchmarks": []}
    medians = {}
    for row in data["benchmarks"]:
        if row.get("aggregate_name") not in (None, "median"):
            continue
        name = re.sub(r"/iterations:\d+", "", row.get("run_name", row["name"]).replace("/real_time", ""))
        factor = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[row["time_unit"]]
        medians[name] = {"ms": row["real_time"] * factor,
                         "groups": row.get("groups"), "positions": row.get("positions")}
    return medians


def max_rss_mib(path: Path):
    if not path.exists():
        return None
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", path.read_text())
    return int(match.group(1)) / 1024 if match else None


def main() -> None:
    out = Path(sys.argv[1])
    csv_import = hyperfine_seconds(out / "hf-import-csv.json")
    xlsx_import = hyperfine_seconds(out / "hf-import-xlsx.json")
    pandas_process = hyperfine_seconds(out / "hf-pandas-read.json")
    pandas_read = load(out / "pandas-read.json")
    pandas_excel = load(out / "pandas-excel.json")
    imports = gbench_median_ms(out / "bench-import.json")
    indicators = gbench_median_ms(out / "bench-indicators.json")
    rss_csv = max_rss_mib(out / "time-import-csv.txt")
    rss_xlsx = max_rss_mib(out / "time-import-xlsx.txt")

    rows = []  # measurement, kompetent, reference name, reference, ratio, target, met

    def add(what, ours, ref_name=None, ref=None, target=None, met=None, unit="s"):
        ratio = ref / ours if ours and ref and ref_name != "CPU time" else None
        rows.append({"measurement": what, "kompetent": ours, "unit": unit, "reference": ref_name,
                     "reference_value": ref, "speedup": ratio, "target": target, "met": met})

    def ms(name):
        entry = indicators.get(name) or imports.get(name)
        return entry["ms"] if entry else None

    if csv_import:
        add("CSV import, 500 000 rows (parse, validate, persist)", csv_import["mean"],
            "pandas read_csv (in process)", pandas_read and pandas_read["read_seconds"],
            "≤ 1.5 s", csv_import["mean"] <= 1.5)
        add("  the same: fastest run; CPU time (user + system) of the mean run",
            csv_import["min"], "CPU time", csv_import["cpu"])
    pv_csv = ms("parse_validate/ansatte-0301.csv")
    if pv_csv:
        ref = pandas_read and pandas_read["read_seconds"]
        add("CSV parse + validate (no storage)", pv_csv / 1000, "pandas read_csv (in process)", ref,
            "faster than pandas read_csv", bool(ref) and pv_csv / 1000 < ref)
    po_csv = ms("parse_only/ansatte-0301.csv")
    if po_csv:
        add("CSV parse only (reader, no validation)", po_csv / 1000, "pandas read_csv (in process)",
            pandas_read and pandas_read["read_seconds"])
    if pandas_process:
        add("pandas read_csv as a process (python start-up + import pandas)", pandas_process["mean"])
    if xlsx_import:
        ref = pandas_excel and pandas_excel["read_seconds"]
        add("XLSX import, 500 000 rows (parse, validate, persist)", xlsx_import["mean"],
            "pandas read_excel (openpyxl), once", ref, "≤ 4 s", xlsx_import["mean"] <= 4)
        add("  the same: fastest run; CPU time (user + system) of the mean run",
            xlsx_import["min"], "CPU time", xlsx_import["cpu"])
    pv_xlsx = ms("parse_validate/ansatte-0301.xlsx")
    if pv_xlsx:
        add("XLSX parse + validate (no storage)", pv_xlsx / 1000, "pandas read_excel (openpyxl), once",
            pandas_excel and pandas_excel["read_seconds"])
    po_xlsx = ms("parse_only/ansatte-0301.xlsx")
    if po_xlsx:
        add("XLSX parse only (reader, no validation)", po_xlsx / 1000)

    for db, label in (("national", "357 municipalities, 500 000 positions"),
                      ("large", "0301 alone, 500 000 positions")):
        duck = load(out / f"duckdb-{db}.json")
        pandas = load(out / f"pandas-groupby-{db}.json")
        nodes = ms(f"{db}/tree_nodes_warm")
        if nodes is not None:
            groups = indicators[f"{db}/tree_nodes_warm"]["groups"]
            duck_ms = duck and duck["nodes_best_seconds"] * 1000
            add(f"Every node, all indicators, warm ({label}; {groups:.0f} nodes)", nodes,
                "DuckDB GROUP BY, best run (same nodes)", duck_ms, "≤ 20 ms, faster than DuckDB",
                nodes <= 20 and duck_ms is not None and nodes < duck_ms, unit="ms")
            if pandas:
                add("  the same, against pandas group-by", nodes, "pandas group-by (same nodes)",
                    pandas["nodes_seconds"] * 1000, unit="ms")
        every = ms(f"{db}/all_nodes_warm")
        if every is not None:
            groups = indicators[f"{db}/all_nodes_warm"]["groups"]
            add(f"Every node and node × category, warm ({label}; {groups:.0f} groups)", every,
                "DuckDB GROUP BY, best run (same groups)", duck and duck["all_best_seconds"] * 1000,
                unit="ms")
            if pandas:
                add("  the same, against pandas group-by", every, "pandas group-by (same groups)",
                    pandas["all_seconds"] * 1000, unit="ms")
        for what, name in (("cold: build the view + every node and node × category", "all_nodes_cold"),
                           ("building the view alone", "view_build"),
                           ("reference compute_indicators per tree node", "reference_compute_indicators"),
                           ("loading every snapshot and tree from SQLite", "load_from_sqlite")):
            value = ms(f"{db}/{name}")
            if value is not None:
                add(f"  {label}: {what}", value, unit="ms")
        if duck:
            add(f"  DuckDB read_csv into memory ({label})", duck["read_seconds"])
        if pandas:
            add(f"  pandas read_csv ({label})", pandas["read_seconds"])
    forecast = load(out / "bench-forecast.json")
    pandas_forecast = load(out / "pandas-forecast.json")
    if forecast:
        count = f"{forecast['scenarios']} scenarios × {forecast['municipalities']} municipalities to {forecast['to_year']}"
        batch = forecast["forecasts_batch"]["median_ms"]
        add(f"Forecast: {count}, forecast_batch on {forecast['threads']} threads", batch,
            "pandas/NumPy, the same model (forecasts only)",
            pandas_forecast and pandas_forecast["forecast_seconds"] * 1000, "≤ 200 ms", batch <= 200, unit="ms")
        add("  the same: CPU time", batch, "CPU time", forecast["forecasts_batch"]["cpu_median_ms"], unit="ms")
        add("  the same, one after the other on one thread (forecast_workforce)",
            forecast["forecasts_sequential"]["median_ms"], unit="ms")
        add("  preparation: snapshot → cohorts, every municipality (once per snapshot)",
            forecast["preparation"]["median_ms"], unit="ms")
        add("  population: reading the shipped tables (once)", forecast["population_read"]["median_ms"], unit="ms")
        add("  population: projecting 3 alternatives (once per alternative)",
            forecast["population_project_3_alternatives"]["median_ms"], unit="ms")
        lever = forecast["lever_change"]["median_ms"]
        add(f"  one lever change, region {forecast['region']} ({forecast['region_members']} municipalities)", lever,
            target="≤ 20 ms", met=lever <= 20, unit="ms")
        if pandas_forecast:
            add("  pandas: reading the exported CSV and building its matrices", pandas_forecast["read_seconds"]
                + pandas_forecast["prepare_seconds"])
            add("  pandas totals agree with C++ (within 1e-6 relative)",
                None, target="agree", met=pandas_forecast["agrees_with_cpp"])
    if rss_csv:
        add("Peak memory, CSV import (maximum resident set)", rss_csv, target="≤ 300 MB",
            met=rss_csv * 1.048576 <= 300, unit="MiB")
    if rss_xlsx:
        add("Peak memory, XLSX import (maximum resident set)", rss_xlsx, target="≤ 300 MB",
            met=rss_xlsx * 1.048576 <= 300, unit="MiB")

    (out / "results.json").write_text(json.dumps({"rows": rows}, indent=2))
    machine = (out / "machine.txt").read_text() if (out / "machine.txt").exists() else ""

    def fmt(value, unit):
        if value is None:
            return ""
        if unit == "ms":
            return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"
        if unit == "MiB":
            return f"{value:.0f} MiB"
        return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"

    lines = ["# Benchmark results (bench/run.sh)", "", "```", machine.strip(), "```", "",
             "| measurement | kompetent | reference | reference value | speed-up | target | met |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        ref_unit = "ms" if r["unit"] == "ms" else "s"
        speedup = f"{r['speedup']:.1f}×" if r["speedup"] else ""
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['measurement']} | {fmt(r['kompetent'], r['unit'])} | {r['reference'] or ''} | "
                     f"{fmt(r['reference_value'], ref_unit)} | {speedup} | {r['target'] or ''} | {met} |")
    lines.append("")
    lines.append("Speed-up is reference time / kompetent time (above 1: kompetent is faster).")
    (out / "results.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
