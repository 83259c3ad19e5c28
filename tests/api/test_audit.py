"""The audit log: imports, exports and views of position-level data are recorded, for the
administrator's eyes only, and no entry holds a password, a session or CSRF token, or an
employee id.
"""

from __future__ import annotations

import json
import re

import pytest

from kompetent_api import TEST_PASSWORD, hr_csv, import_and_wait, login, try_login, unique

# Employee ids of the demo (SA1841-000123, NT5538-000123) and of the test files (TEST-0001, T1836-001).
EMPLOYEE_ID = re.compile(r"\b(SA|NT)\d{4}-\d{6}\b|\bTEST-\d{4}\b|\bAUDIT-\d+\b")


def _entries(admin, today_range, **filters):
    start, end = today_range
    query = "&".join(f"{k}={v}" for k, v in {"from": start, "to": end, "limit": 500, **filters}.items())
    return admin.get_json(f"/api/v1/audit?{query}")["entries"]


@pytest.fixture(scope="module")
def audited(base_url, api, admin, make_user, today_range):
    """One user who imports, exports and views positions; returns what the log must not hold."""
    username = make_user("hr")
    hr = login(base_url, api, username, TEST_PASSWORD)
    rows = [[f"AUDIT-{n}", "SH01", "6671", "100", "1975", "K", "Bachelor", "Ja", "0"] for n in range(1, 4)]
    job = import_and_wait(hr, "1841", "2012-12-31", hr_csv(rows))
    assert job["state"] == "succeeded", job
    assert hr.get("/api/v1/indicators/export?format=csv&municipality=1841").status_code == 200
    positions = hr.get_json("/api/v1/municipalities/1841/positions?date=2012-12-31")["positions"]
    assert sorted(p["employee_id"] for p in positions) == ["AUDIT-1", "AUDIT-2", "AUDIT-3"]
    wrong_password = unique("hemmelig-feil-")
    assert try_login(base_url, api, username, wrong_password).status_code == 401
    return {"username": username, "client": hr, "secrets": [
        TEST_PASSWORD, "demo-passord-2025", wrong_password, hr.cookie.value, hr.csrf_token,
        admin.cookie.value, admin.csrf_token]}


@pytest.mark.parametrize("action", ["import", "export", "view_positions", "login", "login_failed"])
def test_action_is_recorded(admin, audited, today_range, action):
    entries = _entries(admin, today_range, user=audited["username"], action=action)
    assert entries, f"no {action} entry for {audited['username']}"
    for entry in entries:
        assert entry["action"] == action and entry["username"] == audited["username"]
    if action in ("import", "view_positions"):
        assert any(e["municipality"] == "1841" for e in entries), entries
    if action == "import":
        assert any("2012-12-31" in json.dumps(e) for e in entries), "the import's date is its subject"


def test_filters_narrow_the_list(admin, audited, today_range):
    mine = _entries(admin, today_range, user=audited["username"])
    assert {e["action"] for e in mine} >= {"login", "import", "export", "view_positions", "login_failed"}
    assert {e["username"] for e in mine} == {audited["username"]}
    assert len(_entries(admin, today_range, user=audited["username"], limit=1)) == 1
    assert _entries(admin, ("2000-01-01", "2000-01-02"), user=audited["username"]) == []


def test_no_entry_holds_a_secret_or_an_employee_id(admin, audited, today_range, clients):
    # The employee's own view is audited too, and must not name the employee id either.
    assert clients("employee").get("/api/v1/me/positions").status_code == 200
    text = json.dumps(_entries(admin, today_range), ensure_ascii=False)
    for secret in audited["secrets"]:
        assert secret not in text, "a password or token in the audit log"
    found = EMPLOYEE_ID.search(text)
    assert found is None, f"an employee id in the audit log: {found.group(0)}"


@pytest.mark.parametrize("role", ["coordinator", "hr", "unit_leader", "employee"])
def test_only_the_administrator_reads_the_log(clients, role):
    r = clients(role).get("/api/v1/audit")
    assert r.status_code == 403


def test_refused_requests_are_not_recorded_as_done(admin, clients, today_range):
    """A denied import is not an import: nothing with outcome success for Saltdal by fauske.hr."""
    r = clients("hr").post("/api/v1/municipalities/1840/imports?date=2012-06-30", data=hr_csv([]),
                           headers={"Content-Type": "text/csv"})
    assert r.status_code == 403
    for entry in _entries(admin, today_range, user="fauske.hr", action="import"):
        assert not (entry["municipality"] == "1840" and entry["outcome"] in ("success", "ok", "succeeded")), entry
