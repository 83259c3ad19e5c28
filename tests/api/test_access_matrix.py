"""Who may call what: every role × every route → the status the contract gives.

Read the table as a domain expert would: one line per request (with realistic parameters), one
column per demo user. `200|403` marks the few places where the contract leaves the answer open
(see README.md, "How the contract was read"); everything else is exact. A 401 must say
`unauthenticated` and a 403 `forbidden` (not `csrf_failed`: these clients send their token).
"""

from __future__ import annotations

import csv

import pytest

from conftest import DEMO_USERS
from kompetent_api import REPO_ROOT, TEST_PASSWORD, error_code, hr_csv, unique

ROLES = ["anonymous", "admin", "coordinator", "hr", "unit_leader", "employee"]

# anonymous: no session · admin · coordinator: salten.koordinator · hr: fauske.hr (1841) ·
# unit_leader: fauske.leder (1841/HO/SH01) · employee: fauske.ansatt (1841)
MATRIX = """
# method route                                                                anonymous admin coordinator hr   unit_leader employee
GET    /health                                                                200       200   200         200  200         200
GET    /session                                                               401       200   200         200  200         200
GET    /users                                                                 401       200   403         403  403         403
POST   /users                                                                 401       201   403         403  403         403
POST   /users/{throwaway}/disable                                             401       204   403         403  403         403
GET    /audit?from=2025-01-01&to=2030-12-31&limit=10                          401       200   403         403  403         403
GET    /regions                                                               401       200   200         200  200         200
GET    /municipalities                                                        401       200   200         200  200         200
GET    /categories                                                            401       200   200         200  200         200
GET    /municipalities/1841/tree                                              401       200   200         200  200         200|403
GET    /municipalities/1841/snapshots                                         401       200   200         200  200         200|403
DELETE /municipalities/1841/snapshots/2001-01-01?confirm=2001-01-01           401       403   403         404  403         403
GET    /municipalities/1841/positions?date=2025-12-31                         401       403   403         200  200         403
GET    /municipalities/1841/positions?node=1841/HO/SH01                       401       403   403         200  200         403
GET    /municipalities/1841/positions?node=1841/HO/SH02                       401       403   403         200  403         403
GET    /me/positions                                                          401       403   403         403  403         200
GET    /indicators?municipality=1841                                          401       200   200         200  403         403
GET    /indicators?municipality=1841&node=1841/HO                             401       200   200         200  403         403
GET    /indicators?municipality=1841&node=1841/HO/SH01&by=category            401       200   200         200  200         403
GET    /indicators?region=salten&by=municipality                              401       200   200         200  403         403
GET    /indicators?region=nord-troms                                          401       200   403         403  403         403
GET    /indicators?municipality=5546                                          401       200   403         403  403         403
GET    /indicators?municipality=1840&date=2024-12-31                          401       200   200         403  403         403
GET    /indicators/export?format=csv&region=salten                            401       200   200         200  403         403
GET    /indicators/export?format=xlsx&municipality=1841&node=1841/HO/SH01     401       200   200         200  200         403
POST   /municipalities/1841/imports?date=2025-12-31                           401       403   403         409  403         403
"""

# Other municipalities and regions: one user, one request, one answer.
CROSS_TENANT = """
# user                  method route                                                          status
fauske.hr               GET    /municipalities/1840/positions                                 403
fauske.hr               GET    /municipalities/1840/positions?date=2025-12-31                 403
fauske.hr               GET    /municipalities/1840/tree                                      403
fauske.hr               GET    /municipalities/1840/snapshots                                 403
fauske.hr               GET    /indicators?municipality=1840                                  403
fauske.hr               GET    /indicators?municipality=1840&node=1840/HO&by=unit             403
fauske.hr               GET    /indicators/export?format=csv&municipality=1840                403
fauske.hr               POST   /municipalities/1840/imports?date=2030-06-30                   403
fauske.hr               DELETE /municipalities/1840/snapshots/2001-01-01?confirm=2001-01-01   403
fauske.hr               GET    /indicators?region=nord-troms                                  403
saltdal.hr              GET    /municipalities/1841/positions                                 403
saltdal.hr              GET    /municipalities/1841/tree                                      403
saltdal.hr              GET    /indicators?municipality=1841                                  403
salten.koordinator      GET    /municipalities/1841/positions                                 403
salten.koordinator      GET    /municipalities/1840/positions?date=2025-12-31                 403
salten.koordinator      GET    /indicators?municipality=5546                                  403
nordtroms.koordinator   GET    /indicators?region=salten                                      403
nordtroms.koordinator   GET    /indicators?region=salten&by=municipality                      403
nordtroms.koordinator   GET    /indicators?municipality=1841                                  403
nordtroms.koordinator   GET    /indicators/export?format=xlsx&region=salten                   403
nordtroms.koordinator   GET    /municipalities/1841/tree                                      403
nordtroms.koordinator   GET    /municipalities/1841/snapshots                                 403
nordtroms.koordinator   GET    /municipalities/1841/positions                                 403
fauske.leder            GET    /indicators?municipality=1841&node=1841/HO/SH02                403
fauske.leder            GET    /indicators?region=salten                                      403
fauske.leder            GET    /indicators?municipality=1840&node=1840/HO                     403
fauske.leder            GET    /municipalities/1840/positions                                 403
fauske.ansatt           GET    /municipalities/1841/positions?node=1841/HO/SH01               403
fauske.ansatt           GET    /indicators?municipality=1841&node=1841/HO/SH01                403
"""

# Whose figures are suppressed (docs/privacy.md): aggregate-only roles, and any view that spans
# more than the user's own municipality.
SUPPRESSION = """
# user                  route                                                  applied
admin                   /indicators?region=salten                              true
admin                   /indicators?municipality=1841                          true
salten.koordinator      /indicators?region=salten&by=municipality              true
salten.koordinator      /indicators?municipality=1841                          true
nordtroms.koordinator   /indicators?region=nord-troms                          true
fauske.hr               /indicators?municipality=1841                          false
fauske.hr               /indicators?municipality=1841&node=1841/HO&by=unit     false
fauske.hr               /indicators?region=salten                              true
fauske.leder            /indicators?municipality=1841&node=1841/HO/SH01        false
"""


def _table(text: str) -> list[list[str]]:
    return [line.split() for line in text.strip().splitlines() if line.strip() and not line.startswith("#")]


def _matrix_cases():
    for method, route, *statuses in _table(MATRIX):
        assert len(statuses) == len(ROLES), route
        for role, status in zip(ROLES, statuses):
            yield pytest.param(method, route, role, {int(s) for s in status.split("|")},
                               id=f"{role}:{method} {route}")


def _request(client, method, route, make_user):
    """Sends one line of the table. Writes use fresh names, so nothing the other tests rely on
    changes even when the server wrongly allows a write."""
    path = "/api/v1" + route
    kwargs = {}
    if "{throwaway}" in path:
        path = path.replace("{throwaway}", make_user("hr"))
    if method == "POST" and route == "/users":
        kwargs["json_body"] = {"username": unique("matrix."), "password": TEST_PASSWORD, "role": "hr",
                               "display_name": "Matrisetest", "municipality": "1845"}
    if "/imports" in route:
        # Unknown unit: even an import that was wrongly let through would be refused.
        kwargs["data"] = hr_csv([["MATRIX-1", "FINNESIKKE", "6671", "100", "1980", "K", "Bachelor", "Ja", "0"]])
        kwargs["headers"] = {"Content-Type": "text/csv"}
    return client.request(method, path, **kwargs)


@pytest.mark.parametrize("method,route,role,expected", list(_matrix_cases()))
def test_role_route_status(method, route, role, expected, clients, anon, make_user):
    client = anon if role == "anonymous" else clients(role)
    r = _request(client, method, route, make_user)
    assert r.status_code in expected, (f"{role} {method} {route}: expected {sorted(expected)}, "
                                       f"got {r.status_code} {r.text[:300]}")
    if r.status_code == 401:
        assert error_code(r) == "unauthenticated"
    if r.status_code == 403:
        assert error_code(r) == "forbidden"


@pytest.mark.parametrize("username,method,route,status",
                         [pytest.param(*row[:3], int(row[3]), id=f"{row[0]}:{row[1]} {row[2]}")
                          for row in _table(CROSS_TENANT)])
def test_cross_tenant_denied(username, method, route, status, login_as, clients, make_user):
    client = login_as(username)
    r = _request(client, method, route, make_user)
    assert r.status_code == status, f"{username} {method} {route}: {r.status_code} {r.text[:300]}"
    assert error_code(r) == "forbidden"
    if method == "POST" and "/imports" in route:
        # Nothing may have been started for Saltdal: its own HR sees no new snapshot.
        snapshots = clients("hr_saltdal").get_json("/api/v1/municipalities/1840/snapshots")["snapshots"]
        assert "2030-06-30" not in [s["date"] for s in snapshots]


@pytest.mark.parametrize("username,route,applied",
                         [pytest.param(u, r, a == "true", id=f"{u}:{r}") for u, r, a in _table(SUPPRESSION)])
def test_who_sees_suppressed_figures(username, route, applied, login_as):
    table = login_as(username).get_json("/api/v1" + route)
    assert table["suppression"]["applied"] is applied
    assert table["suppression"]["min_group"] == 5  # the demo server runs with the default


def _regions_csv() -> dict[str, list[str]]:
    with open(REPO_ROOT / "data" / "regions.csv", encoding="utf-8") as f:
        return {row["region"]: row["medlemmer"].split(",") for row in csv.DictReader(f, delimiter=";")}


SALTEN = ["1804", "1836", "1837", "1838", "1839", "1840", "1841", "1845", "1848", "1875"]
NORD_TROMS = ["5536", "5538", "5540", "5542", "5544", "5546"]


@pytest.mark.parametrize("role,numbers", [
    ("admin", SALTEN + NORD_TROMS),          # every municipality with data
    ("coordinator", SALTEN),                 # the members of their region
    ("coordinator_nord_troms", NORD_TROMS),
    ("hr", ["1841"]),                         # their own
    ("hr_saltdal", ["1840"]),
    ("unit_leader", ["1841"]),
    ("employee", ["1841"]),
])
def test_municipalities_each_role_may_see(role, numbers, clients):
    listed = clients(role).get_json("/api/v1/municipalities")["municipalities"]
    assert sorted(m["number"] for m in listed) == sorted(numbers)
    by_number = {m["number"]: m for m in listed}
    if "1841" in by_number:
        assert by_number["1841"]["name"] == "Fauske"
        assert by_number["1841"]["region"] == "salten"


@pytest.mark.parametrize("role", ["admin", "coordinator", "hr", "unit_leader", "employee"])
def test_regions_are_the_reference_regions(role, clients):
    regions = clients(role).get_json("/api/v1/regions")["regions"]
    expected = _regions_csv()
    assert {r["id"]: r["members"] for r in regions} == expected
    assert {r["id"]: r["name"] for r in regions}["nord-troms"] == "Nord-Troms"


def test_categories_are_the_reference_categories(clients):
    with open(REPO_ROOT / "data" / "position_categories.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    categories = clients("hr").get_json("/api/v1/categories")["categories"]
    # The file's categories, in the file's order (not by key: "annen" comes last).
    assert [c["key"] for c in categories] == [row["kategori"] for row in rows]
    assert [c["key"] for c in categories][:3] == ["helsefagarbeider", "sykepleier", "spesialsykepleier"]
    assert [(c["name"], c["name_en"]) for c in categories] == [(row["navn_nb"], row["navn_en"]) for row in rows]
    assert {c["key"]: c["name_en"] for c in categories}["sykepleier"] == "Nurse"
    # In English, `name` is the English name too; the order stays.
    english = clients("hr").get_json("/api/v1/categories?lang=en")["categories"]
    assert [(c["key"], c["name"], c["name_en"]) for c in english] == [
        (row["kategori"], row["navn_en"], row["navn_en"]) for row in rows]


def test_demo_users_have_their_roles(clients):
    expected = {
        "admin": ("administrator", None, None, []),
        "coordinator": ("coordinator", None, "salten", []),
        "hr": ("hr", "1841", None, []),
        "unit_leader": ("unit_leader", "1841", None, ["1841/HO/SH01"]),
        "employee": ("employee", "1841", None, []),
    }
    for role, (kind, municipality, region, units) in expected.items():
        user = clients(role).get_json("/api/v1/session")["user"]
        assert user["username"] == DEMO_USERS[role]
        assert user["role"] == kind, role
        assert user["municipality"] == municipality, role
        if region is not None:
            assert user["region"] == region, role
        assert user["units"] == units, role
