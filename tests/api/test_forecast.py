"""The forecast (GET /forecast, /forecast/export, /forecast/levers) on the demo database.

Every answer is checked against docs/openapi.yaml by the client's response hook. The checks
here are the model's identities (docs/forecast.md: needs summed, not netted; the six parts sum to
the need; cumulative = Σ years), the direction of a lever, the access rules and suppression of
docs/privacy.md ("Forecasts"), and that the API, the export and `kompetent forecast` agree.
"""

from __future__ import annotations

import io
import json
import math

import openpyxl
import pytest

from kompetent_api import XLSX_TYPE, error_code, run_cli

PARTS = ["retirements", "turnover", "demand_growth", "demand_levers", "supply_levers", "surplus"]
FIGURES = ["demand_fte", "supply_fte", "gap_fte", "need_fte", "need_contracted_fte", "need_persons",
           "staff_persons"] + PARTS


def close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=tolerance)


@pytest.fixture(scope="module")
def fauske_hr(clients):
    return clients("hr").get_json("/api/v1/forecast?municipality=1841&by=both")


@pytest.mark.parametrize("role,query", [
    ("admin", "region=salten"),
    ("admin", "municipality=1804&by=service&to=2040"),
    ("coordinator", "region=salten&by=both"),
    ("coordinator", "municipality=1841"),
    ("hr", "municipality=1841&by=service"),
    ("hr", "region=salten&turnover=0.08&task_shift=helsefagarbeider:sykepleier:0.1"),
])
def test_answers_follow_the_contract(clients, role, query):
    body = clients(role).get_json(f"/api/v1/forecast?{query}")
    assert body["years"][0]["year"] == body["base_year"]
    assert body["years"][-1]["year"] == body["to_year"]
    assert all(len(year["groups"]) == len(body["groups"]) for year in body["years"])
    assert body["population_source"] == "estimated"


@pytest.mark.parametrize("role", ["unit_leader", "employee"])
def test_unit_leaders_and_employees_are_refused(clients, role):
    for path in ("/api/v1/forecast?municipality=1841", "/api/v1/forecast/export?format=csv&municipality=1841"):
        r = clients(role).get(path)
        assert r.status_code == 403, path


def test_levers_refused_to_employees_and_given_to_hr(clients):
    assert clients("employee").get("/api/v1/forecast/levers").status_code == 403
    levers = clients("hr").get_json("/api/v1/forecast/levers?lang=en")
    assert levers["defaults"]["turnover"] == 0.06
    ranges = {r["lever"]: r for r in levers["ranges"]}
    assert ranges["position_size"]["default"] is None
    assert ranges["turnover"]["min"] == 0 and ranges["turnover"]["default"] == 0.06
    assert {s["key"] for s in levers["services"]} >= {"barnehage", "skole", "pleie_omsorg"}
    assert levers["population_alternatives"] == ["main", "low", "high"]


def test_hr_sees_own_municipality_unsuppressed_and_the_region_suppressed(clients):
    hr = clients("hr")
    assert hr.get_json("/api/v1/forecast?municipality=1841")["suppressed"] is False
    assert hr.get_json("/api/v1/forecast?region=salten")["suppressed"] is True
    assert clients("coordinator").get_json("/api/v1/forecast?municipality=1841")["suppressed"] is True
    assert hr.get("/api/v1/forecast?municipality=1804").status_code == 403


def test_needs_are_summed_and_parts_add_up(fauske_hr):
    body = fauske_hr
    assert not any(g["withheld"] for g in body["groups"])
    for year in body["years"]:
        total = year["total"]
        for key in ("need_fte", "need_persons", "demand_fte", "supply_fte"):
            assert close(total[key], sum(g[key] for g in year["groups"])), (year["year"], key)
        for figures in [total] + year["groups"]:
            assert figures["need_fte"] >= 0
            assert close(sum(figures[p] for p in PARTS), figures["need_fte"], 1e-6), year["year"]
    for cumulative in body["cumulative"]:
        years = [y for y in body["years"][1:] if y["year"] <= cumulative["through"]]
        assert close(cumulative["need_fte"], sum(y["total"]["need_fte"] for y in years))
        assert close(cumulative["need_persons"], sum(y["total"]["need_persons"] for y in years))
        for part in PARTS:
            assert close(cumulative[part], sum(y["total"][part] for y in years), 1e-6)
    assert [c["through"] for c in body["cumulative"]] == [2030, 2035, 2040, 2050]


def test_more_turnover_never_lowers_the_cumulative_need(clients):
    hr = clients("hr")
    previous = None
    for turnover in ("0", "0.06", "0.1", "0.2"):
        body = hr.get_json(f"/api/v1/forecast?municipality=1841&turnover={turnover}")
        assert body["scenario"]["levers"]["turnover"] == float(turnover)
        needs = [c["need_fte"] for c in body["cumulative"]]
        if previous is not None:
            assert all(n >= p - 1e-9 for n, p in zip(needs, previous)), (turnover, needs, previous)
        previous = needs


def _expected_withheld(persons: list[int], k: int) -> list[bool]:
    withheld = [1 <= p < k for p in persons]
    while 1 <= sum(p for p, w in zip(persons, withheld) if w) < k:
        shown = [(p, i) for i, (p, w) in enumerate(zip(persons, withheld)) if not w and p > 0]
        if not shown:
            break
        withheld[min(shown)[1]] = True
    return withheld


def _numbers(node, into: set):
    if isinstance(node, dict):
        for value in node.values():
            _numbers(value, into)
    elif isinstance(node, list):
        for value in node:
            _numbers(value, into)
    elif isinstance(node, float):
        into.add(node)
    return into


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_suppressed_groups_are_small_or_secondary_and_leave_no_trace(clients, fauske_hr, role):
    body = clients(role).get_json("/api/v1/forecast?municipality=1841&by=both")
    assert body["suppressed"] is True
    k = body["min_group"]
    assert [(g["category"], g["service"]) for g in body["groups"]] == \
        [(g["category"], g["service"]) for g in fauske_hr["groups"]]
    persons = [g["base_persons"] for g in fauske_hr["groups"]]
    withheld = [g["withheld"] for g in body["groups"]]
    assert withheld == _expected_withheld(persons, k)
    assert any(withheld), "the demo's Fauske by category and service has groups under k"
    shown_numbers = _numbers(body, set())
    for i, hidden in enumerate(withheld):
        group = body["groups"][i]
        if not hidden:
            assert group["base_persons"] == persons[i]
            continue
        assert group["base_persons"] is None and group["base_fte"] is None
        for year, unsuppressed in zip(body["years"], fauske_hr["years"]):
            assert year["groups"][i] is None
            for key in FIGURES:
                value = unsuppressed["groups"][i][key]
                if isinstance(value, float) and not value.is_integer():
                    assert value not in shown_numbers, f"withheld {group['label']} {key} {value} is in the answer"
    # The totals are the same: suppression hides groups, never the whole.
    assert [y["total"] for y in body["years"]] == [y["total"] for y in fauske_hr["years"]]


def test_a_region_withholds_what_a_member_withholds(clients):
    admin = clients("admin")
    region = admin.get_json("/api/v1/forecast?region=salten&by=both")
    region_withheld = {(g["category"], g["service"]) for g in region["groups"] if g["withheld"]}
    for number in region["municipalities"]:
        member = admin.get_json(f"/api/v1/forecast?municipality={number}&by=both")
        own = {(g["category"], g["service"]) for g in member["groups"] if g["withheld"]}
        assert own <= region_withheld, number


@pytest.mark.parametrize("query,status,code", [
    ("municipality=1841&no_such_lever=1", 400, "unknown_lever"),
    ("municipality=1841&turnover=0.9", 400, "scenario_value_out_of_range"),
    ("municipality=1841&turnover=lots", 400, "invalid_lever_value"),
    ("municipality=1841&task_shift=sykepleier:sykepleier:0.1", 400, "task_shift_same_category"),
    ("municipality=1841&to=2051", 400, "invalid_parameter"),
    ("municipality=1841&by=unit", 400, "invalid_parameter"),
    ("municipality=1841&region=salten", 400, "invalid_parameter"),
    ("", 400, "invalid_parameter"),
    ("municipality=1841&scenario=999999", 404, "scenario_not_found"),
    ("region=atlantis", 404, "unknown_region"),
])
def test_bad_requests(clients, query, status, code):
    r = clients("hr").get(f"/api/v1/forecast?{query}")
    assert r.status_code == status, r.text[:300]
    assert error_code(r) == code


def test_repeated_task_shifts_all_apply(clients):
    body = clients("hr").get_json("/api/v1/forecast?municipality=1841"
                                  "&task_shift=helsefagarbeider:sykepleier:0.1&task_shift=laerer:assistent:0.05")
    assert body["scenario"]["levers"]["task_shift"] == ["helsefagarbeider:sykepleier:0.1", "laerer:assistent:0.05"]


def test_export_xlsx_years_equal_the_json_totals(clients):
    hr = clients("hr")
    query = "municipality=1841&turnover=0.08&to=2040"
    body = hr.get_json(f"/api/v1/forecast?{query}")
    r = hr.get(f"/api/v1/forecast/export?format=xlsx&{query}")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith(XLSX_TYPE)
    assert 'filename="fremskrivning-1841-basis.xlsx"' in r.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(r.content), data_only=True)
    assert book.sheetnames == ["Forutsetninger", "År", "Grupper", "Kumulativt"]
    rows = [row for row in book["År"].iter_rows(values_only=True) if isinstance(row[0], int)]
    assert [row[0] for row in rows] == [y["year"] for y in body["years"]]
    for row, year in zip(rows, body["years"]):
        for column, key in enumerate(FIGURES, start=1):
            assert close(row[column], year["total"][key]), (year["year"], key)
    levers = {row[0]: row[1] for row in book["Forutsetninger"].iter_rows(values_only=True) if row[0]}
    assert levers["turnover"] == "0.08"
    groups = [row for row in book["Grupper"].iter_rows(values_only=True) if isinstance(row[0], int)]
    assert len(groups) == len(body["years"]) * len(body["groups"])


def test_export_of_a_suppressed_view_shows_colons(clients):
    r = clients("admin").get("/api/v1/forecast/export?format=csv&municipality=1841&by=both")
    assert r.status_code == 200
    text = r.content.decode("utf-8-sig")
    assert ";:;" in text or text.rstrip().endswith(":")


def test_export_is_audited(clients, today_range):
    assert clients("hr").get("/api/v1/forecast/export?format=csv&municipality=1841").status_code == 200
    start, end = today_range
    entries = clients("admin").get_json(
        f"/api/v1/audit?from={start}&to={end}&limit=500&user=fauske.hr&action=export")["entries"]
    assert any("forecast" in json.dumps(e) for e in entries), entries


def test_the_api_and_the_cli_give_the_same_forecast(clients, demo_db):
    api = clients("hr").get_json("/api/v1/forecast?municipality=1841&by=service&turnover=0.08&to=2045")
    cli = json.loads(run_cli(["forecast", "--db", str(demo_db), "-m", "1841", "--by", "service",
                              "--set", "turnover=0.08", "--to", "2045", "--format", "json"]).stdout)
    for key in ("scope", "municipalities", "snapshots", "base_year", "to_year", "by", "population_source",
                "groups", "years", "cumulative", "records_without_service"):
        assert api[key] == cli[key], key
    assert cli["scenario"] == api["scenario"]["name"]
    assert cli["levers"] == api["scenario"]["levers"]


def test_a_saved_scenario_is_the_start_and_the_query_overrides_it(clients, make_user):
    hr = clients("hr")
    r = hr.post("/api/v1/forecast/scenarios",
                json_body={"name": "Heltid 2030 test", "municipality": "1841",
                           "levers": {"turnover": 0.1, "position_size": 0.9}})
    assert r.status_code == 201, r.text[:300]
    saved = r.json()["id"]
    body = hr.get_json(f"/api/v1/forecast?municipality=1841&scenario={saved}")
    assert body["scenario"]["id"] == saved and body["scenario"]["name"] == "Heltid 2030 test"
    assert body["scenario"]["levers"]["turnover"] == 0.1 and body["scenario"]["levers"]["position_size"] == 0.9
    body = hr.get_json(f"/api/v1/forecast?municipality=1841&scenario={saved}&turnover=0.12")
    assert body["scenario"]["levers"]["turnover"] == 0.12 and body["scenario"]["levers"]["position_size"] == 0.9
    r = hr.get(f"/api/v1/forecast/export?format=xlsx&municipality=1841&scenario={saved}")
    assert 'filename="fremskrivning-1841-heltid_2030_test.xlsx"' in r.headers["Content-Disposition"]
    # Another scope's scenario is not found, not forbidden: ids cannot be probed.
    r = clients("hr_saltdal").get(f"/api/v1/forecast?municipality=1840&scenario={saved}")
    assert r.status_code == 404 and error_code(r) == "scenario_not_found"
    r = hr.get(f"/api/v1/forecast?region=salten&scenario={saved}")
    assert r.status_code == 404 and error_code(r) == "scenario_not_found"
