"""Helpers for the API tests: start `kompetent serve`, log in, and check every response against
docs/openapi.yaml.

The tests are an independent check of the server: expected values come from the contract, the
demo data description (docs/demo-data.md) or hand-made input files, never from the server's own
output. The OpenAPI document is the other half of the check: `OpenApi.check_response` runs on
every response a `Client` receives (a requests response hook), so a status the contract does not
list for that route and method, or a body that does not match its schema, fails the test that
got it.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

import requests
import yaml
from jsonschema import Draft202012Validator, RefResolver

REPO_ROOT = Path(__file__).resolve().parents[2]
OPENAPI_PATH = REPO_ROOT / "docs" / "openapi.yaml"
DEMO_PASSWORD = "demo-passord-2025"
# Long enough for any sensible minimum, short enough for any sensible maximum.
TEST_PASSWORD = "Nordlys-over-Saltfjellet-2025"
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def binary_path() -> Path:
    return Path(os.environ.get("KOMPETENT_BINARY", REPO_ROOT / "build" / "kompetent"))


def unique(prefix: str) -> str:
    """A name no other test (or earlier run against the same database) uses."""
    return f"{prefix}{uuid.uuid4().hex[:8]}"


# ---- OpenAPI validation --------------------------------------------------------------------------

def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


class OpenApi:
    """docs/openapi.yaml, and the check every response goes through."""

    def __init__(self, path: Path = OPENAPI_PATH):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        self.prefix = urlsplit(self.doc["servers"][0]["url"]).path.rstrip("/")  # "/api/v1"
        self.templates = [(t, t.strip("/").split("/")) for t in self.doc["paths"]]
        self.resolver = RefResolver.from_schema(self.doc)

    def resolve(self, node: Any) -> Any:
        """Follows local `$ref`s of response and header objects (schemas go to the resolver)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/"), ref
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def schema(self, name: str) -> dict:
        return {"$ref": f"#/components/schemas/{name}"}

    def validate(self, instance: Any, schema: dict) -> list[str]:
        validator = Draft202012Validator(schema, resolver=self.resolver)
        problems = []
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "(body)"
            detail = error.message if len(error.message) < 300 else error.message[:300] + "…"
            if error.context:  # oneOf/anyOf: say why each branch failed, briefly
                detail += " | " + "; ".join(sorted({c.message[:120] for c in error.context})[:4])
            problems.append(f"{where}: {detail}")
        return problems

    def match(self, api_path: str) -> str | None:
        """The template of docs/openapi.yaml that `api_path` (relative to the server url, still
        percent-encoded) matches; literal segments win over parameters."""
        segments = api_path.strip("/").split("/")
        best, best_score = None, -1
        for template, parts in self.templates:
            if len(parts) != len(segments):
                continue
            score = 0
            for part, segment in zip(parts, segments):
                if part.startswith("{"):
                    if not segment:
                        break
                elif part == segment:
                    score += 1
                else:
                    break
            else:
                if score > best_score:
                    best, best_score = template, score
        return best

    def check(self, method: str, url: str, status: int, headers: dict, body: bytes) -> None:
        """Raises AssertionError when the response breaks the contract."""
        method = method.upper()
        path = urlsplit(url).path
        if not path.startswith(self.prefix + "/"):
            return  # not part of the API (e.g. the web app); not covered by the contract
        api_path = path[len(self.prefix):]
        where = f"{method} {path} → {status}"
        lower_headers = {k.lower(): v for k, v in headers.items()}
        template = self.match(api_path)
        if template is None:
            assert status == 404, f"{where}: no route matches, so the answer must be 404"
            self._check_error_body(where, lower_headers, body, "NotFoundError", code="not_found")
            return
        operation = self.doc["paths"][template].get(method.lower())
        if operation is None:
            assert status == 405, f"{where}: {template} has no {method}, so the answer must be 405"
            self._check_error_body(where, lower_headers, body, "MethodNotAllowedError")
            return
        responses = operation["responses"]
        assert str(status) in responses, (
            f"{where}: status {status} is not documented for {method} {template} "
            f"(documented: {', '.join(sorted(responses))}); body: {body[:400]!r}")
        response = self.resolve(responses[str(status)])
        for name, header in (response.get("headers") or {}).items():
            header = self.resolve(header)
            if header.get("required"):
                assert name.lower() in lower_headers, f"{where}: header {name} is required"
                value = lower_headers[name.lower()]
                problems = self.validate(value, header.get("schema", {}))
                assert not problems, f"{where}: header {name}={value!r}: {problems}"
        content = response.get("content")
        if not content:
            assert body == b"", f"{where}: the contract gives no body, got {body[:200]!r}"
            return
        media = _media_type(lower_headers.get("content-type"))
        assert media in content, (
            f"{where}: Content-Type {lower_headers.get('content-type')!r} is not one of {sorted(content)}")
        if media == "application/json":
            try:
                instance = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise AssertionError(f"{where}: body is not UTF-8 JSON ({e}): {body[:200]!r}")
            problems = self.validate(instance, content[media].get("schema", {}))
            assert not problems, (f"{where}: body does not match the contract:\n  " + "\n  ".join(problems[:15])
                                  + f"\nbody: {json.dumps(instance, ensure_ascii=False)[:1500]}")
        else:
            assert body, f"{where}: empty {media} body"

    def _check_error_body(self, where, headers, body, schema_name, code=None):
        assert _media_type(headers.get("content-type")) == "application/json", (
            f"{where}: errors are JSON, got Content-Type {headers.get('content-type')!r}")
        instance = json.loads(body.decode("utf-8"))
        problems = self.validate(instance, self.schema(schema_name))
        assert not problems, f"{where}: error body: {problems}; body {instance}"
        if code:
            assert instance["error"]["code"] == code, f"{where}: code {instance['error']['code']}"

    def check_requests_response(self, response: requests.Response) -> None:
        self.check(response.request.method, response.request.url, response.status_code,
                   dict(response.headers), response.content)


# ---- the server ----------------------------------------------------------------------------------

class Server:
    """`kompetent serve --port 0 --port-file F` on one database; stop() sends SIGTERM."""

    def __init__(self, db: Path, workdir: Path, *, min_group: int | None = None, extra: Iterable[str] = (),
                 cwd: Path | None = None):
        self.db, self.workdir = Path(db), Path(workdir)
        self.min_group, self.extra, self.cwd = min_group, list(extra), cwd
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None
        self.stdout_lines: list[str] = []
        self.stderr_path = self.workdir / f"serve-{uuid.uuid4().hex[:6]}.stderr"
        self._reader: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, port_file: Path) -> list[str]:
        cmd = [str(binary_path()), "serve", "--db", str(self.db), "--port", "0", "--port-file", str(port_file)]
        if self.min_group is not None:
            cmd += ["--min-group", str(self.min_group)]
        return cmd + self.extra

    def start(self, timeout: float = 60.0) -> "Server":
        port_file = self.workdir / f"port-{uuid.uuid4().hex[:6]}"
        self.proc = subprocess.Popen(self.command(port_file), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=open(self.stderr_path, "wb"), text=True, encoding="utf-8",
                                     errors="replace", bufsize=1, cwd=self.cwd)
        self._reader = threading.Thread(target=self._read_stdout, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"kompetent serve exited with {self.proc.returncode} before it was ready:\n"
                                     f"{self.stderr()}\nstdout: {self.stdout_lines}")
            if self.port is None and port_file.exists():
                text = port_file.read_text().strip()
                if re.fullmatch(r"[0-9]+", text):
                    self.port = int(text)
            if self.port is not None and self.ready_line() is not None:
                return self
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"kompetent serve was not ready within {timeout} s (port file {port_file}, "
                             f"stdout {self.stdout_lines}):\n{self.stderr()}")

    def ready_line(self) -> str | None:
        """The `http://HOST:PORT` line the server prints when it listens."""
        for line in list(self.stdout_lines):
            m = re.search(rf"(http://[^\s/]+:{self.port})(?![0-9/])", line)
            if m and "/setup" not in line:
                return m.group(1)
        return None

    def setup_link(self) -> str | None:
        for line in list(self.stdout_lines):
            m = re.search(r"http://\S+/setup\?token=\S+", line)
            if m:
                return m.group(0)
        return None

    def _read_stdout(self):
        assert self.proc and self.proc.stdout
        for line in self.proc.stdout:
            self.stdout_lines.append(line.rstrip("\n"))

    def stderr(self) -> str:
        try:
            return self.stderr_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM and wait; returns the exit status (the contract says 0)."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
                raise AssertionError(f"kompetent serve did not stop within {timeout} s of SIGTERM")
        if self._reader:
            self._reader.join(timeout=5)
        return self.proc.returncode

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def run_cli(args: list[str], *, stdin: str | None = None, check: bool = True, timeout: float = 120
            ) -> subprocess.CompletedProcess:
    result = subprocess.run([str(binary_path())] + args, input=stdin, capture_output=True, text=True,
                            timeout=timeout)
    if check:
        assert result.returncode == 0, (f"kompetent {' '.join(args)} exited {result.returncode}:\n"
                                        f"{result.stdout}\n{result.stderr}")
    return result


# ---- clients -------------------------------------------------------------------------------------

class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The tests send the session cookie themselves (it is Secure, and we talk plain HTTP)."""

    def set_ok(self, cookie, request):
        return False

    def return_ok(self, cookie, request):
        return False


@dataclass
class SessionCookie:
    name: str
    value: str
    attributes: dict = field(default_factory=dict)  # lower-case attribute name → value ('' for flags)
    raw: str = ""


def parse_set_cookie(response: requests.Response) -> SessionCookie | None:
    for raw in response.raw.headers.getlist("Set-Cookie"):
        parts = [p.strip() for p in raw.split(";")]
        name, _, value = parts[0].partition("=")
        if name not in ("__Host-kompetent", "kompetent"):
            continue
        attributes = {}
        for part in parts[1:]:
            key, _, val = part.partition("=")
            attributes[key.strip().lower()] = val.strip()
        return SessionCookie(name, value, attributes, raw)
    return None


class Client:
    """A user agent that sends the session cookie and the CSRF header by hand; every response it
    receives is checked against docs/openapi.yaml by a response hook."""

    def __init__(self, base_url: str, api: OpenApi, cookie: SessionCookie | None = None,
                 csrf_token: str | None = None, user: dict | None = None, validate: bool = True):
        self.base_url, self.api = base_url, api
        self.cookie, self.csrf_token, self.user = cookie, csrf_token, user
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.cookies.set_policy(_NoCookies())
        if validate:
            self.http.hooks["response"].append(self._check)

    def _check(self, response, *args, **kwargs):
        self.api.check_requests_response(response)

    @property
    def username(self) -> str | None:
        return self.user["username"] if self.user else None

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | str | None = None,
                headers: dict | None = None, csrf: bool = True, timeout: float = 120) -> requests.Response:
        method = method.upper()
        sent = {}
        if self.cookie:
            sent["Cookie"] = f"{self.cookie.name}={self.cookie.value}"
        if csrf and self.csrf_token and method in STATE_CHANGING:
            sent["X-CSRF-Token"] = self.csrf_token
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        return self.http.request(method, self.base_url + path, data=data, headers=sent, timeout=timeout,
                                 allow_redirects=False)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def get_json(self, path: str, expect: int = 200) -> Any:
        r = self.get(path)
        assert r.status_code == expect, f"GET {path} as {self.username}: {r.status_code} {r.text[:500]}"
        return r.json()

    def anonymous(self) -> "Client":
        return Client(self.base_url, self.api)


def try_login(base_url: str, api: OpenApi, username: str, password: str, headers: dict | None = None
              ) -> requests.Response:
    return Client(base_url, api).post("/api/v1/session", json_body={"username": username, "password": password},
                                      headers=headers)


def login(base_url: str, api: OpenApi, username: str, password: str = DEMO_PASSWORD) -> Client:
    r = try_login(base_url, api, username, password)
    assert r.status_code == 200, f"login {username}: {r.status_code} {r.text[:300]}"
    cookie = parse_set_cookie(r)
    assert cookie is not None, f"login {username}: no session cookie in {r.raw.headers.getlist('Set-Cookie')}"
    body = r.json()
    return Client(base_url, api, cookie, body["csrf_token"], body["user"])


def error_code(response: requests.Response) -> str | None:
    try:
        return response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def raw_http(base_url: str, head: str, body: bytes = b"", timeout: float = 15.0) -> tuple[int, dict, bytes]:
    """Sends a request as bytes (for what requests would tidy up or wait for: a Content-Length the
    body never reaches, literal `..` segments). Returns status, headers (lower-case) and body."""
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as s:
        s.sendall(head.replace("\n", "\r\n").encode("utf-8") + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        header_bytes, _, rest = data.partition(b"\r\n\r\n")
        lines = header_bytes.decode("iso-8859-1").split("\r\n")
        assert lines and lines[0].startswith("HTTP/1."), f"not an HTTP response: {data[:200]!r}"
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0") or 0)
        try:
            while len(rest) < length:
                chunk = s.recv(65536)
                if not chunk:
                    break
                rest += chunk
        except (socket.timeout, ConnectionResetError):
            pass
        return status, headers, rest[:length]


# ---- imports -------------------------------------------------------------------------------------

HR_COLUMNS = ["Ansattnummer", "Enhet", "Stillingskode", "Stillingsprosent", "Fødselsår", "Kjønn",
              "Utdanningsnivå", "Relevant utdanning", "Videreutdanning studiepoeng"]


def hr_csv(rows: list[list[Any]], columns: list[str] = HR_COLUMNS) -> bytes:
    """An HR export as Norwegian HR systems write it: `;`, UTF-8."""
    lines = [";".join(columns)] + [";".join("" if v is None else str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def start_import(client: Client, municipality: str, date: str, content: bytes, *,
                 content_type: str = "text/csv", replace: bool | None = None) -> requests.Response:
    path = f"/api/v1/municipalities/{municipality}/imports?date={date}&profile=standard"
    if replace is not None:
        path += f"&replace={'true' if replace else 'false'}"
    return client.post(path, data=content, headers={"Content-Type": content_type})


def wait_for_job(client: Client, job_id: Any, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get_json(f"/api/v1/imports/{job_id}")["job"]
        if job["state"] in ("succeeded", "failed"):
            return job
        assert time.monotonic() < deadline, f"import job {job_id} still {job['state']} after {timeout} s"
        time.sleep(0.1)


def import_and_wait(client: Client, municipality: str, date: str, content: bytes, **kw) -> dict:
    r = start_import(client, municipality, date, content, **kw)
    assert r.status_code == 202, f"import {municipality} {date}: {r.status_code} {r.text[:500]}"
    job = r.json()["job"]
    assert job["municipality"] == municipality and job["date"] == date
    return wait_for_job(client, job["id"])


# ---- indicators ----------------------------------------------------------------------------------

def rows_by_municipality(table: dict) -> dict[str, dict]:
    return {row["key"]["municipality"]: row for row in table["rows"][1:]}


def load_labels(language: str = "nb") -> dict[str, str]:
    """indicator key → column heading, from the message catalogue the exports use."""
    with open(REPO_ROOT / "data" / "i18n" / f"{language}.json", encoding="utf-8") as f:
        catalogue = json.load(f)
    return {k[len("indicator."):]: v for k, v in catalogue.items() if k.startswith("indicator.")}
