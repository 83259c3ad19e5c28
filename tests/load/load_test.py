#!/usr/bin/python3
"""API load test: 50 clients against one `kompetent serve` (built with ThreadSanitizer) for 30 s.

    /usr/bin/python3 tests/load/load_test.py --binary build-tsan/kompetent [--duration 30]

The clients mix what a busy morning looks like: dashboard reads (indicators of a region or a
municipality, by various dimensions, some compared with last year), forecasts with levers moved and
scenarios saved and deleted, logins and logouts of the demo users, position lists, exports, and
exactly two imports by fauske.hr through
POST /api/v1/municipalities/1841/imports: one replacing the snapshot of 2025-12-31 with a file of
a known, different row count, one on a new date. What must hold (tests/load/README.md):
- every response is below 500, or 503 with Retry-After (and each request gets the status its
  operation expects: a 403 for an allowed read is a failure too);
- both import jobs succeed; every snapshot list seen during the run shows each Fauske snapshot
  whole (the old count or the file's count, never another, and never back to the old one);
  afterwards each imported snapshot has exactly its file's row count and the indicators say so;
- SIGTERM stops the server with exit status 0;
- `sqlite3 DB 'PRAGMA integrity_check; PRAGMA foreign_key_check;'` prints "ok" and nothing else;
- ThreadSanitizer wrote no report (TSAN_OPTIONS log_path=WORKDIR/tsan); any report is printed.
Exit status 0 when all of it holds, 1 otherwise. There is no wall-clock limit on anything the
server does; the waits below only keep a hung server from hanging the test forever.

Needs only the standard library and requests (Debian: python3-requests).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import quote, urlencode

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
DEMO_PASSWORD = "demo-passord-2025"
FAUSKE = "1841"
REPLACED_DATE = "2025-12-31"   # a demo snapshot (1 079 positions): replaced during the run
NEW_DATE = "2026-06-30"        # no snapshot until the second import
UNTOUCHED_DATE = "2024-12-31"  # a demo snapshot nobody imports over
REPLACEMENT_ROWS = 1000        # the replacement keeps the first 1 000 rows of Fauske's 2025 export
NEW_ROWS = 1040                # the new date gets the first 1 040 rows of Fauske's 2024 export
# Waits that only guard against a hung server (generous: TSan makes everything 5-15x slower).
HANG_GUARD_SECONDS = 600


# ---- the server ----------------------------------------------------------------------------------

class Server:
    """`kompetent serve --port 0 --port-file F` under TSAN_OPTIONS; stop() sends SIGTERM."""

    def __init__(self, binary: Path, db: Path, workdir: Path):
        self.binary, self.db, self.workdir = binary, db, workdir
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.stdout_lines: list[str] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        port_file = self.workdir / "port"
        env = dict(os.environ)
        env["TSAN_OPTIONS"] = f"halt_on_error=0 second_deadlock_stack=1 log_path={self.workdir / 'tsan'}"
        cmd = [str(self.binary), "serve", "--db", str(self.db), "--port", "0", "--port-file", str(port_file),
               "--access-log", str(self.workdir / "access.log")]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=open(self.workdir / "serve.stderr", "wb"), env=env, text=True,
                                     encoding="utf-8", errors="replace", bufsize=1)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        deadline = time.monotonic() + HANG_GUARD_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"kompetent serve exited with {self.proc.returncode} before it listened:\n"
                                 f"{self.stderr()}")
            if self.port is None and port_file.exists():
                text = port_file.read_text().strip()
                if re.fullmatch(r"[0-9]+", text):
                    self.port = int(text)
            # Ready once it prints the address it listens on (after the port file).
            if self.port is not None and any(f"http://127.0.0.1:{self.port}" in line and "/setup" not in line
                                             for line in list(self.stdout_lines)):
                return
            time.sleep(0.05)
        self.proc.kill()
        self.proc.wait()
        raise SystemExit(f"kompetent serve did not listen within {HANG_GUARD_SECONDS} s:\n{self.stderr()}")

    def _read_stdout(self) -> None:
        assert self.proc and self.proc.stdout
        for line in self.proc.stdout:
            self.stdout_lines.append(line.rstrip("\n"))

    def stderr(self) -> str:
        try:
            return (self.workdir / "serve.stderr").read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> int | None:
        """SIGTERM; the exit status, or None if it did not stop (then it is killed)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=HANG_GUARD_SECONDS)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        return self.proc.returncode


# ---- what the clients saw ------------------------------------------------------------------------

@dataclass
class Tally:
    """Every response, by route and status, and every broken expectation (thread-safe)."""
    counts: dict = field(default_factory=lambda: collections.defaultdict(collections.Counter))
    failures: list = field(default_factory=list)
    retry_after_503: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, route: str, status: str) -> None:
        with self.lock:
            self.counts[route][status] += 1

    def fail(self, message: str) -> None:
        with self.lock:
            if len(self.failures) < 200:
                self.failures.append(message)

    def count_retry(self) -> None:
        with self.lock:
            self.retry_after_503 += 1

    def table(self) -> str:
        statuses = sorted({s for c in self.counts.values() for s in c})
        width = max([len("route")] + [len(r) for r in self.counts])
        lines = [f"{'route':<{width}} " + " ".join(f"{s:>6}" for s in statuses) + f" {'total':>7}"]
        for route in sorted(self.counts):
            c = self.counts[route]
            lines.append(f"{route:<{width}} " + " ".join(f"{c.get(s, 0):>6}" for s in statuses)
                         + f" {sum(c.values()):>7}")
        total = collections.Counter()
        for c in self.counts.values():
            total.update(c)
        lines.append(f"{'all':<{width}} " + " ".join(f"{total.get(s, 0):>6}" for s in statuses)
                     + f" {sum(total.values()):>7}")
        return "\n".join(lines)


class Busy(Exception):
    """503 with Retry-After: the client waits and tries again (the contract allows it)."""

    def __init__(self, seconds: float):
        super().__init__(f"busy, retry after {seconds} s")
        self.seconds = seconds


class Client:
    """One user agent: a keep-alive connection, the session cookie and CSRF token sent by hand
    (the cookie is Secure and we speak plain HTTP)."""

    def __init__(self, base_url: str, tally: Tally, name: str):
        self.base_url, self.tally, self.name = base_url, tally, name
        self.http = requests.Session()
        self.http.trust_env = False
        self.cookie: str | None = None
        self.csrf: str | None = None
        self.user: dict | None = None

    def call(self, method: str, route: str, path: str, expect: set[int], *, body: bytes | None = None,
             content_type: str | None = None) -> requests.Response | None:
        """Sends one request and records it under `route`. Returns the response if its status is
        one of `expect`; raises Busy on 503 + Retry-After; records a failure (and returns None) on
        anything else, a 5xx or a broken connection."""
        headers = {}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.csrf and method != "GET":
            headers["X-CSRF-Token"] = self.csrf
        if content_type:
            headers["Content-Type"] = content_type
        try:
            r = self.http.request(method, self.base_url + path, data=body, headers=headers,
                                  timeout=HANG_GUARD_SECONDS, allow_redirects=False)
        except requests.RequestException as e:
            self.tally.record(route, "conn")
            self.tally.fail(f"{self.name}: {method} {path}: no response ({type(e).__name__}: {e})")
            return None
        self.tally.record(route, str(r.status_code))
        if r.status_code == 503 and r.headers.get("Retry-After"):
            self.tally.count_retry()
            raise Busy(float(r.headers["Retry-After"]))
        if r.status_code >= 500:
            self.tally.fail(f"{self.name}: {method} {path}: {r.status_code} without Retry-After: {r.text[:300]}")
            return None
        if r.status_code not in expect:
            self.tally.fail(f"{self.name} ({self.username}): {method} {path}: {r.status_code}, "
                            f"expected {sorted(expect)}: {r.text[:300]}")
            return None
        return r

    @property
    def username(self) -> str | None:
        return self.user["username"] if self.user else None

    def login(self, username: str) -> bool:
        body = json.dumps({"username": username, "password": DEMO_PASSWORD}).encode()
        r = self.call("POST", "POST /session", "/api/v1/session", {200}, body=body,
                      content_type="application/json")
        if r is None:
            return False
        match = re.match(r"((?:__Host-)?kompetent)=([^;]+)", r.headers.get("Set-Cookie", ""))
        if not match:
            self.tally.fail(f"{self.name}: login {username}: no session cookie")
            return False
        self.cookie = f"{match.group(1)}={match.group(2)}"
        payload = r.json()
        self.csrf, self.user = payload["csrf_token"], payload["user"]
        return True

    def logout(self) -> None:
        self.call("DELETE", "DELETE /session", "/api/v1/session", {204})
        self.cookie = self.csrf = self.user = None


# ---- the data ------------------------------------------------------------------------------------

def run_cli(binary: Path, args: list[str]) -> None:
    result = subprocess.run([str(binary)] + args, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"kompetent {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")


def first_rows(source: Path, target: Path, rows: int) -> int:
    """Writes the header and the first `rows` data rows of an HR export; returns the number of data
    rows the written file holds, counted by reading it back as CSV (not from the server)."""
    lines = source.read_bytes().split(b"\n")
    target.write_bytes(b"\n".join(lines[:rows + 1]) + b"\n")
    with open(target, encoding="utf-8-sig", newline="") as f:
        return sum(1 for row in list(csv.reader(f, delimiter=";"))[1:] if any(cell.strip() for cell in row))


@dataclass
class ImportPlan:
    date: str
    file: Path
    rows: int
    replace: bool
    job_id: str | None = None
    job: dict | None = None


# ---- what each client does -----------------------------------------------------------------------

SALTEN_BY = ["municipality", "sector", "category", "municipality,category", "sector,category", "municipality,sector"]
MUNICIPALITY_BY = ["sector", "unit", "category", "sector,category", "unit,category"]


class Scenario:
    """The shared facts the clients work from: regions and their members, and Fauske's snapshots
    as each client has last seen them (to catch a half-applied or undone import)."""

    def __init__(self, tally: Tally, regions: dict[str, list[str]], plans: list[ImportPlan], old_counts: dict):
        self.tally, self.regions, self.plans = tally, regions, plans
        # date → (the count before its import, the count after); None: no snapshot.
        self.allowed = {UNTOUCHED_DATE: (old_counts[UNTOUCHED_DATE], old_counts[UNTOUCHED_DATE])}
        for plan in plans:
            self.allowed[plan.date] = (old_counts.get(plan.date), plan.rows)

    def check_snapshots(self, client: Client, seen: dict) -> None:
        """One GET of Fauske's snapshots: each is whole (the count before its import or the file's
        count, nothing between), and a client that has seen the new count never sees the old one
        again. `seen` is this client's last observation (date → count)."""
        r = client.call("GET", "GET /municipalities/{n}/snapshots", f"/api/v1/municipalities/{FAUSKE}/snapshots",
                        {200})
        if r is None:
            return
        counts = {s["date"]: s["positions"] for s in r.json()["snapshots"]}
        for date, (before, after) in self.allowed.items():
            count = counts.get(date)
            if count not in (before, after):
                self.tally.fail(f"{client.name}: snapshot {date} has {count} positions; only {before} (before "
                                f"the import) or {after} (after it) may be seen")
            elif seen.get(date) == after and count != after:
                self.tally.fail(f"{client.name}: snapshot {date} went back from {after} to {count} positions")
            seen[date] = count


# What one persona reads: (client, random numbers, scenario, this client's snapshot observations).
Reads = Callable[[Client, random.Random, Scenario, dict], None]


@dataclass
class Persona:
    username: str
    reads: Reads


def indicator_path(**params) -> str:
    return "/api/v1/indicators?" + urlencode({k: v for k, v in params.items() if v is not None}, safe=",/")


def forecast_path(rng: random.Random, route: str = "/api/v1/forecast", **scope) -> str:
    """A forecast of `scope` with a few levers moved, as the page's sliders send them."""
    params = dict(scope)
    if rng.random() < 0.7:
        params["turnover"] = rng.choice(["0.04", "0.06", "0.08", "0.1"])
    if rng.random() < 0.4:
        params["sick_leave.to"] = rng.choice(["0.05", "0.07"])
    if rng.random() < 0.2:
        params["population"] = rng.choice(["low", "high"])
    if rng.random() < 0.2:
        params["to"] = rng.choice(["2035", "2040"])
    return route + "?" + urlencode(params)


def save_and_delete_scenario(client: Client, rng: random.Random, scope: dict) -> None:
    """An hr leader saves a scenario by a name of its own and deletes it again (both audited)."""
    name = f"last {client.name} {rng.randrange(10**9)}"
    body = json.dumps({"name": name, **scope, "levers": {"turnover": 0.07}}).encode()
    r = client.call("POST", "POST /forecast/scenarios", "/api/v1/forecast/scenarios", {201}, body=body,
                    content_type="application/json")
    if r is not None:
        client.call("DELETE", "DELETE /forecast/scenarios/{id}", f"/api/v1/forecast/scenarios/{r.json()['id']}",
                    {204})


def coordinator_reads(region: str):
    def read(client: Client, rng: random.Random, scenario: Scenario, seen: dict) -> None:
        members = scenario.regions[region]
        choice = rng.random()
        if choice < 0.5:
            compare = "2024-12-31" if rng.random() < 0.3 else None
            client.call("GET", "GET /indicators", indicator_path(region=region, by=rng.choice(SALTEN_BY),
                                                                 compare=compare), {200})
        elif choice < 0.56:
            # A forecast costs ~20 indicator reads under TSan: a few keep the cache busy enough.
            scope = {"region": region} if rng.random() < 0.7 else {"municipality": rng.choice(members)}
            client.call("GET", "GET /forecast", forecast_path(rng, **scope), {200})
        elif choice < 0.58:
            client.call("GET", "GET /forecast/export",
                        forecast_path(rng, "/api/v1/forecast/export", format="xlsx", region=region), {200})
        elif choice < 0.8:
            client.call("GET", "GET /indicators", indicator_path(municipality=rng.choice(members),
                                                                 by=rng.choice(MUNICIPALITY_BY)), {200})
        elif choice < 0.9:
            fmt = rng.choice(["csv", "xlsx"])
            client.call("GET", "GET /indicators/export",
                        f"/api/v1/indicators/export?format={fmt}&region={region}&by=municipality", {200})
        else:
            client.call("GET", "GET /municipalities/{n}/tree", f"/api/v1/municipalities/{rng.choice(members)}/tree",
                        {200})
    return read


def hr_reads(municipality: str, region: str):
    def read(client: Client, rng: random.Random, scenario: Scenario, seen: dict) -> None:
        choice = rng.random()
        if choice < 0.3:
            date = rng.choice([None, None, "2025-12-31"])
            client.call("GET", "GET /indicators", indicator_path(municipality=municipality,
                                                                 by=rng.choice(MUNICIPALITY_BY), date=date), {200})
        elif choice < 0.34:
            client.call("GET", "GET /forecast", forecast_path(rng, municipality=municipality), {200})
        elif choice < 0.35:
            save_and_delete_scenario(client, rng, {"municipality": municipality})
        elif choice < 0.45:
            client.call("GET", "GET /indicators", indicator_path(region=region, by="municipality"), {200})
        elif choice < 0.65:
            client.call("GET", "GET /municipalities/{n}/positions",
                        f"/api/v1/municipalities/{municipality}/positions", {200})
        elif choice < 0.75:
            client.call("GET", "GET /indicators/export",
                        f"/api/v1/indicators/export?format=csv&municipality={municipality}&by=unit", {200})
        elif choice < 0.9 and municipality == FAUSKE:
            scenario.check_snapshots(client, seen)
        else:
            client.call("GET", "GET /municipalities/{n}/snapshots", f"/api/v1/municipalities/{municipality}/snapshots",
                        {200})
    return read


def leader_reads(client: Client, rng: random.Random, scenario: Scenario, seen: dict) -> None:
    units = (client.user or {}).get("units") or []
    node = rng.choice(units) if units else None
    if rng.random() < 0.6 and node:
        client.call("GET", "GET /indicators", indicator_path(municipality=FAUSKE, node=node,
                                                             by=rng.choice(["category", None])), {200})
    else:
        client.call("GET", "GET /municipalities/{n}/positions",
                    f"/api/v1/municipalities/{FAUSKE}/positions" + (f"?node={quote(node, safe='/')}" if node else ""),
                    {200})


def admin_reads(client: Client, rng: random.Random, scenario: Scenario, seen: dict) -> None:
    choice = rng.random()
    region = rng.choice(sorted(scenario.regions))
    if choice < 0.6:
        client.call("GET", "GET /indicators", indicator_path(region=region, by=rng.choice(SALTEN_BY)), {200})
    elif choice < 0.8:
        client.call("GET", "GET /regions", "/api/v1/regions", {200})
    else:
        client.call("GET", "GET /municipalities", "/api/v1/municipalities", {200})


def employee_reads(client: Client, rng: random.Random, scenario: Scenario, seen: dict) -> None:
    if rng.random() < 0.7:
        client.call("GET", "GET /me/positions", "/api/v1/me/positions", {200})
    else:
        client.call("GET", "GET /categories", "/api/v1/categories", {200})


PERSONAS = [
    Persona("salten.koordinator", coordinator_reads("salten")),
    Persona("nordtroms.koordinator", coordinator_reads("nord-troms")),
    Persona("fauske.hr", hr_reads(FAUSKE, "salten")),
    Persona("saltdal.hr", hr_reads("1840", "salten")),
    Persona("fauske.leder", leader_reads),
    Persona("admin", admin_reads),
    Persona("fauske.ansatt", employee_reads),
]

def run_client(index: int, base_url: str, scenario: Scenario, stop_at: float,
               import_plan: ImportPlan | None, import_at: float | None, seed: int) -> None:
    rng = random.Random(seed * 1000 + index)
    persona = PERSONAS[index % len(PERSONAS)] if import_plan is None else PERSONAS[2]
    client = Client(base_url, scenario.tally, f"client {index:02d}")
    seen: dict = {}
    pending_job = False

    # An importing client goes on past the deadline until its job has ended: exactly two
    # imports happen in every run, however slow the server is.
    def must_go_on() -> bool:
        now = time.monotonic()
        if now < stop_at:
            return True
        unfinished = import_plan is not None and (import_plan.job_id is None or pending_job)
        return unfinished and now < stop_at + HANG_GUARD_SECONDS

    while must_go_on():
        try:
            if client.cookie is None:
                if not client.login(persona.username):
                    time.sleep(0.5)
                    continue
            if import_plan is not None and import_plan.job_id is None and time.monotonic() >= import_at:
                pending_job = start_import(client, import_plan)
                continue
            if pending_job:
                pending_job = not poll_job(client, import_plan)
                if pending_job:
                    time.sleep(0.2)
                continue
            if import_plan is None and rng.random() < 0.03:
                # Log out and in again: a login (Argon2id) and a logout among the reads.
                client.logout()
                continue
            persona.reads(client, rng, scenario, seen)
        except Busy as busy:
            time.sleep(min(busy.seconds, 2.0))
        except Exception as e:  # a bug in the test or a body that is not what the contract says
            scenario.tally.fail(f"{client.name} ({persona.username}): {type(e).__name__}: {e}")
            time.sleep(0.5)
    # Whatever the deadline interrupted, the import's end is waited for in main.


def start_import(client: Client, plan: ImportPlan) -> bool:
    """POST the upload; True once the job is queued (a 503 raises Busy and is retried)."""
    path = (f"/api/v1/municipalities/{FAUSKE}/imports?date={plan.date}&profile=demo"
            f"&replace={'true' if plan.replace else 'false'}")
    r = client.call("POST", "POST /municipalities/{n}/imports", path, {202}, body=plan.file.read_bytes(),
                    content_type="text/csv")
    if r is None:
        plan.job_id = "refused"
        return False
    plan.job_id = str(r.json()["job"]["id"])
    return True


def poll_job(client: Client, plan: ImportPlan) -> bool:
    """One GET of the job; True when it has ended."""
    r = client.call("GET", "GET /imports/{id}", f"/api/v1/imports/{plan.job_id}", {200})
    if r is None:
        return True
    plan.job = r.json()["job"]
    return plan.job["state"] in ("succeeded", "failed")


# ---- after the run -------------------------------------------------------------------------------

def wait_for_jobs(client: Client, plans: list[ImportPlan]) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    for plan in plans:
        if plan.job_id in (None, "refused"):
            continue
        while time.monotonic() < deadline:
            try:
                if poll_job(client, plan):
                    break
            except Busy as busy:
                time.sleep(min(busy.seconds, 2.0))
            time.sleep(0.2)


def check_results(client: Client, plans: list[ImportPlan], old_counts: dict, failures: list[str]) -> None:
    for plan in plans:
        if plan.job_id is None:
            failures.append(f"the import of {plan.date} was never started (the run was too short?)")
            continue
        if plan.job_id == "refused":
            failures.append(f"the import of {plan.date} was refused (see above)")
            continue
        job = plan.job or {}
        report = job.get("report") or {}
        if job.get("state") != "succeeded":
            failures.append(f"import job {plan.date} ended {job.get('state')}: {json.dumps(job)[:600]}")
        elif report.get("records") != plan.rows or report.get("error_count") != 0:
            failures.append(f"import job {plan.date}: {report.get('records')} records and "
                            f"{report.get('error_count')} errors; the file has {plan.rows} rows")

    expected = {UNTOUCHED_DATE: old_counts[UNTOUCHED_DATE]} | {p.date: p.rows for p in plans}
    r = client.call("GET", "GET /municipalities/{n}/snapshots", f"/api/v1/municipalities/{FAUSKE}/snapshots", {200})
    if r is not None:
        counts = {s["date"]: s["positions"] for s in r.json()["snapshots"]}
        for date, rows in expected.items():
            if counts.get(date) != rows:
                failures.append(f"afterwards, snapshot {date} has {counts.get(date)} positions, expected {rows}")
    # The dashboard must show the imported data, not a view cached before the import.
    for date in (REPLACED_DATE, NEW_DATE):
        r = client.call("GET", "GET /indicators", f"/api/v1/indicators?municipality={FAUSKE}&date={date}", {200})
        if r is not None:
            positions = r.json()["rows"][0]["indicators"]["positions"]
            if positions != expected[date]:
                failures.append(f"afterwards, the indicators of {FAUSKE} on {date} count {positions} positions, "
                                f"expected {expected[date]}")


def check_database(db: Path, failures: list[str]) -> None:
    result = subprocess.run(["sqlite3", str(db), "PRAGMA integrity_check; PRAGMA foreign_key_check;"],
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stdout.strip() != "ok" or result.stderr.strip():
        failures.append(f"sqlite3 integrity/foreign key check: exit {result.returncode}, "
                        f"stdout {result.stdout.strip()[:1000]!r}, stderr {result.stderr.strip()[:500]!r}")


def tsan_digest(report: str) -> list[str]:
    """Each distinct warning in a few words: its SUMMARY line and the first frame in our sources.

    CI shows only the end of the output, where the failures are listed, so this is what a reader
    of a failed run gets to see of a report printed further up."""
    lines = []
    for warning in report.split("WARNING: ThreadSanitizer")[1:]:
        summary = re.search(r"SUMMARY: ThreadSanitizer: (.*)", warning)
        ours = re.search(r"#\d+ ([^\s(]+).* (/\S+/src/\S+:\d+) \(kompetent\+", warning)
        line = (summary.group(1) if summary else warning.splitlines()[0].strip())
        if ours:
            line += f" (first of ours: {ours.group(1)} at {ours.group(2).split('/src/', 1)[1]})"
        if line not in lines:
            lines.append(line)
    return lines


def check_tsan(workdir: Path, failures: list[str]) -> None:
    reports = sorted(workdir.glob("tsan*"))
    for report in reports:
        text = report.read_text(errors="replace")
        print(f"\n==== ThreadSanitizer report {report.name} ====\n{text}", file=sys.stderr)
        warnings = len(re.findall(r"WARNING: ThreadSanitizer", text))
        failures.append(f"ThreadSanitizer wrote {report.name} ({warnings} warnings; printed above):\n"
                        + "\n".join(f"      {line}" for line in tsan_digest(text)))
    stderr = (workdir / "serve.stderr").read_text(errors="replace")
    if "ThreadSanitizer" in stderr and not reports:
        print(f"\n==== server stderr ====\n{stderr[-20000:]}", file=sys.stderr)
        failures.append("ThreadSanitizer reported on stderr (printed above)")


# ---- main ----------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path,
                        default=Path(os.environ.get("KOMPETENT_BINARY", REPO_ROOT / "build-tsan" / "kompetent")))
    parser.add_argument("--duration", type=float, default=float(os.environ.get("KOMPETENT_LOAD_SECONDS", 30)))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20251231)
    parser.add_argument("--workdir", type=Path, help="keep the database, logs and reports here")
    args = parser.parse_args()
    if not args.binary.exists():
        print(f"no kompetent binary at {args.binary}; run scripts/build.sh tsan build-tsan", file=sys.stderr)
        return 1
    if args.clients < 2:
        parser.error("--clients must be at least 2 (two of them import)")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kompetent-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    # A work dir given again is cleared of the last run's files (a stale port file or report
    # would be mistaken for this run's).
    for stale in ("tsan*", "demo.db*", "port", "access.log", "serve.stderr", "*.csv"):
        for path in workdir.glob(stale):
            path.unlink()
    shutil.rmtree(workdir / "exports", ignore_errors=True)

    db = workdir / "demo.db"
    exports = workdir / "exports"
    run_cli(args.binary, ["demo", "--db", str(db), "--export-dir", str(exports)])
    plans = [
        ImportPlan(REPLACED_DATE, workdir / "replace.csv",
                   first_rows(exports / f"ansatte-{FAUSKE}-2025-12-31.csv", workdir / "replace.csv", REPLACEMENT_ROWS),
                   replace=True),
        ImportPlan(NEW_DATE, workdir / "new.csv",
                   first_rows(exports / f"ansatte-{FAUSKE}-2024-12-31.csv", workdir / "new.csv", NEW_ROWS),
                   replace=False),
    ]
    # The demo's own counts (docs/demo-data.md, table 1: Fauske 1 083 and 1 079 positions).
    old_counts = {UNTOUCHED_DATE: 1083, REPLACED_DATE: 1079}
    assert plans[0].rows == REPLACEMENT_ROWS and plans[1].rows == NEW_ROWS, [p.rows for p in plans]

    server = Server(args.binary, db, workdir)
    server.start()
    print(f"kompetent serve on {server.base_url}; {args.clients} clients for {args.duration:g} s; work dir {workdir}")

    tally = Tally()
    admin = Client(server.base_url, tally, "setup")
    failures: list[str] = []
    if not admin.login("admin"):
        server.stop()
        print("\n".join(tally.failures), file=sys.stderr)
        return 1
    regions = {r["id"]: r["members"] for r in admin.call("GET", "GET /regions", "/api/v1/regions", {200}).json()["regions"]
               if r["id"] in ("salten", "nord-troms")}
    scenario = Scenario(tally, regions, plans, old_counts)

    start = time.monotonic()
    stop_at = start + args.duration
    import_times = [start + 0.15 * args.duration, start + 0.35 * args.duration]
    threads = []
    for i in range(args.clients):
        plan = plans[i] if i < len(plans) else None
        t = threading.Thread(target=run_client, name=f"client-{i}",
                             args=(i, server.base_url, scenario, stop_at, plan,
                                   import_times[i] if plan else None, args.seed))
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start

    checker = Client(server.base_url, tally, "check")
    checker.login("fauske.hr")
    wait_for_jobs(checker, plans)
    check_results(checker, plans, old_counts, failures)
    code = server.stop()
    if code != 0:
        failures.append(f"kompetent serve exited {code} after SIGTERM (None: it did not stop; 66: ThreadSanitizer reported):\n{server.stderr()}")
    check_database(db, failures)
    check_tsan(workdir, failures)

    total = sum(sum(c.values()) for c in tally.counts.values())
    print(f"\n{total} responses in {elapsed:.1f} s ({total / elapsed:.0f}/s), "
          f"{tally.retry_after_503} of them 503 with Retry-After\n")
    print(tally.table())
    for plan in plans:
        print(f"import {plan.date} ({plan.rows} rows, replace={plan.replace}): job {plan.job_id}, "
              f"{(plan.job or {}).get('state')}")
    failures = tally.failures + failures
    if failures:
        print(f"\nFAILED ({len(failures)}):", file=sys.stderr)
        for f in failures:
            print(f"  - {f}", file=sys.stderr)
        print(f"work dir kept: {workdir}", file=sys.stderr)
        return 1
    print("\nall checks passed")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
