"""Fixtures of the API tests: the binary, a demo database, a server on it, and logged-in clients.

One demo server runs for the whole session (tests that write use their own dates and users, so
they do not depend on each other's order). Tests that need another database or another
`--min-group` start their own `Server`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kompetent_api import (DEMO_PASSWORD, TEST_PASSWORD, Client, OpenApi, Server, binary_path, login,
                           run_cli, unique)

# The demo users of the contract (all with DEMO_PASSWORD).
DEMO_USERS = {
    "admin": "admin",
    "coordinator": "salten.koordinator",
    "coordinator_nord_troms": "nordtroms.koordinator",
    "hr": "fauske.hr",
    "hr_saltdal": "saltdal.hr",
    "unit_leader": "fauske.leder",
    "employee": "fauske.ansatt",
}


@pytest.fixture(scope="session")
def kompetent_binary() -> Path:
    path = binary_path()
    if not path.exists():
        pytest.fail(f"no kompetent binary at {path}; build it or set KOMPETENT_BINARY")
    return path


@pytest.fixture(scope="session")
def api() -> OpenApi:
    return OpenApi()


@pytest.fixture(scope="session")
def demo_db(kompetent_binary, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    run_cli(["demo", "--db", str(db)])
    return db


@pytest.fixture(scope="session")
def server(demo_db, tmp_path_factory):
    srv = Server(demo_db, tmp_path_factory.mktemp("serve")).start()
    yield srv
    code = srv.stop()
    assert code == 0, f"kompetent serve exited {code} after SIGTERM:\n{srv.stderr()}"


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server.base_url


@pytest.fixture(scope="session")
def anon(base_url, api) -> Client:
    return Client(base_url, api)


@pytest.fixture(scope="session")
def login_as(base_url, api):
    """login(username, password=DEMO_PASSWORD) → a Client that sends the cookie and CSRF header."""
    def _login(username: str, password: str = DEMO_PASSWORD) -> Client:
        return login(base_url, api, username, password)
    return _login


@pytest.fixture(scope="session")
def clients(login_as):
    """One shared session per demo user, logged in on first use. Tests must not end these sessions
    (they log in again, or use their own users, for that)."""
    cache: dict[str, Client] = {}

    def _get(role: str) -> Client:
        if role == "anonymous":
            return None  # type: ignore[return-value]
        if role not in cache:
            cache[role] = login_as(DEMO_USERS[role])
        return cache[role]
    return _get


@pytest.fixture(scope="session")
def admin(clients) -> Client:
    return clients("admin")


@pytest.fixture(scope="session")
def make_user(admin):
    """Creates a user through the API (as admin) and returns its username; the password is
    TEST_PASSWORD."""
    def _make(role: str = "hr", **attributes) -> str:
        username = unique(f"test.{role.replace('_', '')}.")
        body = {"username": username, "password": TEST_PASSWORD, "role": role,
                "display_name": f"Testbruker {username}"}
        if role in ("hr", "unit_leader", "employee"):
            body.setdefault("municipality", "1841")
        if role == "coordinator":
            body.setdefault("region", "salten")
        body.update(attributes)
        r = admin.post("/api/v1/users", json_body=body)
        assert r.status_code == 201, f"POST /users {body}: {r.status_code} {r.text[:300]}"
        return username
    return _make


@pytest.fixture(scope="session")
def today_range():
    """from/to around today (UTC), for audit queries."""
    today = dt.datetime.now(dt.timezone.utc).date()
    return (today - dt.timedelta(days=1)).isoformat(), (today + dt.timedelta(days=1)).isoformat()


def pytest_report_header(config):
    return f"kompetent binary: {binary_path()}"
