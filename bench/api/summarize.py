#!/usr/bin/python3
"""Summarises bench/api/run.sh's raw output (wrk reports, upload times) into results.md and
results.json beside them, with the verdict against each target of the issue:
kompetent ≥ 50 % of nginx's throughput, its p99 ≤ 10 ms, an API upload ≤ 2× the CLI import.

    /usr/bin/python3 bench/api/summarize.py bench/out/api
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(path: Path) -> dict:
    """Requests/s, p50 and p99 (ms), request count and errors of one `wrk --latency` report."""
    text = path.read_text()

    def latency(percent: str) -> float:
        m = re.search(rf"^\s+{percent}%\s+([0-9.]+)(us|ms|s|m)\s*$", text, re.M)
        if not m:
            raise ValueError(f"{path}: no {percent}% latency")
        return float(m.group(1)) * UNITS_MS[m.group(2)]

    requests = re.search(r"^\s+([0-9]+) requests in", text, re.M)
    non_2xx = re.search(r"Non-2xx or 3xx responses: ([0-9]+)", text)
    socket_errors = re.search(r"Socket errors: (.*)$", text, re.M)
    cpu = path.with_suffix(".cpu")
    cpu_ms = None
    if cpu.exists() and requests:
        ticks, per_second = (int(v) for v in cpu.read_text().split())
        cpu_ms = 1000.0 * ticks / per_second / int(requests.group(1))
    return {
        "cpu_ms_per_request": cpu_ms,
        "requests_per_second": float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1)),
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
        "requests": int(requests.group(1)) if requests else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
    }


def fmt(value: float, decimals: int = 2) -> str:
    """Norwegian decimal comma, as the rest of docs/PERFORMANCE.md."""
    return f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")


def cpu(result: dict) -> str:
    value = result.get("cpu_ms_per_request")
    return "–" if value is None else f"{fmt(value, 3)} ms"


def main(out: Path) -> int:
    results: dict = {"machine": (out / "machine.txt").read_text().strip().splitlines()}
    lines = ["# API server benchmarks (bench/api/run.sh)", ""] + [f"- {line}" for line in results["machine"]] + [""]
    verdicts = []

    rounds = sorted(out.glob("wrk-kompetent-*.txt"))
    if rounds:
        runs = {"kompetent": [], "nginx": []}
        for path in rounds:
            n = path.stem.rsplit("-", 1)[1]
            runs["kompetent"].append(parse_wrk(path))
            runs["nginx"].append(parse_wrk(out / f"wrk-nginx-{n}.txt"))
        lines += ["## Dashboard: GET /api/v1/indicators?region=salten&by=municipality, wrk -t2 -c64", "",
                  "| round | kompetent req/s | p50 | p99 | CPU/request | nginx req/s | p50 | p99 | CPU/request | ratio |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for i, (k, n) in enumerate(zip(runs["kompetent"], runs["nginx"]), 1):
            lines.append(f"| {i} | {fmt(k['requests_per_second'], 0)} | {fmt(k['p50_ms'])} ms | {fmt(k['p99_ms'])} ms "
                         f"| {cpu(k)} | {fmt(n['requests_per_second'], 0)} | {fmt(n['p50_ms'])} ms | {fmt(n['p99_ms'])} ms "
                         f"| {cpu(n)} "
                         f"| {fmt(100 * k['requests_per_second'] / n['requests_per_second'], 1)} % |")
        median = {name: {key: statistics.median(r[key] for r in rs)
                         for key in ("requests_per_second", "p50_ms", "p99_ms")} for name, rs in runs.items()}
        for name, rs in runs.items():
            cpus = [r["cpu_ms_per_request"] for r in rs if r["cpu_ms_per_request"] is not None]
            median[name]["cpu_ms_per_request"] = statistics.median(cpus) if cpus else None
        ratio = median["kompetent"]["requests_per_second"] / median["nginx"]["requests_per_second"]
        bad = [f"{name} round {i}: {r['non_2xx']} non-2xx, socket errors {r['socket_errors'] or 'none'}"
               for name, rs in runs.items() for i, r in enumerate(rs, 1) if r["non_2xx"] or r["socket_errors"]]
        lines += [f"| median | {fmt(median['kompetent']['requests_per_second'], 0)} "
                  f"| {fmt(median['kompetent']['p50_ms'])} ms | {fmt(median['kompetent']['p99_ms'])} ms "
                  f"| {cpu(median['kompetent'])} | {fmt(median['nginx']['requests_per_second'], 0)} "
                  f"| {fmt(median['nginx']['p50_ms'])} ms | {fmt(median['nginx']['p99_ms'])} ms "
                  f"| {cpu(median['nginx'])} | {fmt(100 * ratio, 1)} % |", "",
                  "CPU/request: the server's CPU time (user + system, all its processes) during the round, "
                  "divided by the requests wrk completed.", ""]
        if bad:
            lines += ["**Errors:** " + "; ".join(bad), ""]
        results["dashboard"] = {"rounds": runs, "median": median, "ratio": ratio, "errors": bad}
        verdicts.append(("throughput ≥ 50 % of nginx", f"{fmt(100 * ratio, 1)} %", ratio >= 0.5 and not bad))
        p99 = median["kompetent"]["p99_ms"]
        verdicts.append(("p99 ≤ 10 ms", f"{fmt(p99)} ms", p99 <= 10.0 and not bad))

    times = out / "upload-times.txt"
    if times.exists() and times.read_text().strip():
        cli, api, upload_part = [], [], []
        for line in times.read_text().split("\n"):
            parts = line.split()
            if not parts:
                continue
            start, end = float(parts[2]), float(parts[3])
            (cli if parts[0] == "cli" else api).append(end - start)
            if parts[0] == "api":
                upload_part.append(float(parts[4]) - start)
        factor = statistics.median(api) / statistics.median(cli)
        lines += ["## Upload of the 500 000-row export", "",
                  "| run | `kompetent import` | API: upload + job | of which the upload (until 202) |",
                  "|---|---|---|---|"]
        for i, (c, a, u) in enumerate(zip(cli, api, upload_part), 1):
            lines.append(f"| {i} | {fmt(c)} s | {fmt(a)} s | {fmt(u)} s |")
        lines += [f"| median | {fmt(statistics.median(cli))} s | {fmt(statistics.median(api))} s "
                  f"| {fmt(statistics.median(upload_part))} s |", ""]
        results["upload"] = {"cli_seconds": cli, "api_seconds": api, "api_upload_seconds": upload_part,
                             "factor": factor}
        verdicts.append(("API upload ≤ 2× CLI import", f"{fmt(factor)}×", factor <= 2.0))

    lines += ["## Targets", "", "| target | measured | met? |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in verdicts]
    results["verdicts"] = [{"target": name, "measured": value, "met": ok} for name, value, ok in verdicts]
    (out / "results.md").write_text("\n".join(lines) + "\n")
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/api")))
