"""Saved forecast scenarios (`/forecast/scenarios`): who may list, save, change and delete them,
and what comes back. Expected values come from the contract (docs/openapi.yaml, docs/api.md) and
the lever table of docs/forecast.md ("Levers"), never from the server's answers. Every name is
unique to the test (`unique`), so the tests share the demo server without depending on order.
"""

from __future__ import annotations

import pytest

from kompetent_api import error_code, unique

SCENARIOS = "/api/v1/forecast/scenarios"

# docs/forecast.md, "Levers": every lever a scenario has without position_size, by its default.
DEFAULT_LEVERS = {
    "productivity_per_year": 0,
    "staffing_change": 0,
    "phase_in_until": 2030,
    "population": "main",
    "turnover": 0.06,
    "sick_leave.from": 0.08,
    "sick_leave.to": 0.08,
    "sick_leave.to_year": 2030,
    "retirement_age_shift": 0,
    "outside_recruit_share": 0.3,
}


def save(client, name, levers=None, **scope):
    body = {"name": name, "levers": levers if levers is not None else {}}
    body.update(scope or {"municipality": "1841"})
    return client.post(SCENARIOS, json_body=body)


def listed(client, **scope):
    r = client.get(SCENARIOS + "?" + "&".join(f"{k}={v}" for k, v in scope.items()))
    assert r.status_code == 200, r.text
    return r.json()["scenarios"]


def test_hr_saves_lists_renames_and_deletes_a_fauske_scenario(clients):
    hr = clients("hr")
    name = unique("Heltid 2030 ")
    levers = {"turnover": 0.08, "turnover.sykepleier": 0.1, "position_size": 0.9,
              "position_size.to_year": 2030, "task_shift": ["helsefagarbeider:sykepleier:0.1"]}
    r = save(hr, name, levers)
    assert r.status_code == 201, r.text
    saved = r.json()
    assert saved["name"] == name
    assert saved["municipality"] == "1841" and "region" not in saved
    assert saved["created_by"] == "fauske.hr"
    assert saved["created_at"] == saved["updated_at"]
    # Normalised: every lever present, the given values kept.
    expected = dict(DEFAULT_LEVERS, **levers)
    for lever, value in expected.items():
        assert lever in saved["levers"], lever
        assert saved["levers"][lever] == (pytest.approx(value) if isinstance(value, float) else value), lever
    assert set(saved["levers"]) == set(expected)

    # Listed by name: a second one sorting before it comes first.
    earlier = unique("A " + name)
    assert save(hr, earlier).status_code == 201
    names = [s["name"] for s in listed(hr, municipality="1841")]
    assert names.index(earlier) < names.index(name)
    assert names == sorted(names, key=lambda n: n.encode("utf-8"))
    assert [s for s in listed(hr, municipality="1841") if s["id"] == saved["id"]][0] == saved

    # Renamed: the levers stay; changed levers replace the old ones (applied to the defaults).
    new_name = unique("Heltid 2035 ")
    r = hr.put(f"{SCENARIOS}/{saved['id']}", json_body={"name": new_name})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == new_name and r.json()["levers"] == saved["levers"]
    assert r.json()["created_at"] == saved["created_at"]
    r = hr.put(f"{SCENARIOS}/{saved['id']}", json_body={"levers": {"sick_leave.to": 0.06}})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == new_name
    assert r.json()["levers"] == dict(DEFAULT_LEVERS, **{"sick_leave.to": 0.06})

    assert hr.delete(f"{SCENARIOS}/{saved['id']}").status_code == 204
    assert saved["id"] not in [s["id"] for s in listed(hr, municipality="1841")]
    for r in (hr.put(f"{SCENARIOS}/{saved['id']}", json_body={"name": "x"}),
              hr.delete(f"{SCENARIOS}/{saved['id']}")):
        assert r.status_code == 404 and error_code(r) == "scenario_not_found", r.text
        assert r.json()["error"]["args"] == {"id": str(saved["id"])}


def test_a_name_is_unique_within_its_scope(clients):
    hr, coordinator = clients("hr"), clients("coordinator")
    name = unique("Lav turnover ")
    first = save(hr, name, {"turnover": 0.04})
    assert first.status_code == 201
    for again in (name, f"  {name}  "):  # the name is trimmed before it is compared
        r = save(hr, again)
        assert r.status_code == 409 and error_code(r) == "scenario_name_taken", r.text
        assert r.json()["error"]["args"] == {"name": name}
    # Another scope may use it: Saltdal's hr, and Salten's coordinator.
    assert save(clients("hr_saltdal"), name, municipality="1840").status_code == 201
    assert save(coordinator, name, region="salten").status_code == 201
    # Renaming onto a taken name is the same conflict.
    other = save(hr, unique("Annet "))
    assert other.status_code == 201
    r = hr.put(f"{SCENARIOS}/{other.json()['id']}", json_body={"name": name})
    assert r.status_code == 409 and error_code(r) == "scenario_name_taken", r.text


def test_a_coordinator_writes_for_the_region_and_reads_its_members(clients):
    coordinator, hr = clients("coordinator"), clients("hr")
    r = save(coordinator, unique("Salten felles "), {"population": "low"}, region="salten")
    assert r.status_code == 201, r.text
    salten = r.json()
    assert salten["region"] == "salten" and "municipality" not in salten
    assert salten["created_by"] == "salten.koordinator"
    assert salten["levers"]["population"] == "low"
    assert salten["id"] in [s["id"] for s in listed(coordinator, region="salten")]

    fauske = save(hr, unique("Fauske eget ")).json()
    # The coordinator reads Fauske's scenarios but may not change them ...
    assert fauske["id"] in [s["id"] for s in listed(coordinator, municipality="1841")]
    for r in (coordinator.put(f"{SCENARIOS}/{fauske['id']}", json_body={"name": unique("x ")}),
              coordinator.delete(f"{SCENARIOS}/{fauske['id']}")):
        assert r.status_code == 403 and error_code(r) == "forbidden", r.text
    # ... nor save one for Fauske.
    r = save(coordinator, unique("Fauske fra regionen "), municipality="1841")
    assert r.status_code == 403, r.text
    # Fauske's hr reads the region's scenarios (its own region) but may not change them.
    assert salten["id"] in [s["id"] for s in listed(hr, region="salten")]
    r = hr.put(f"{SCENARIOS}/{salten['id']}", json_body={"name": unique("x ")})
    assert r.status_code == 403 and error_code(r) == "forbidden", r.text
    # Another region's coordinator does not see either: 404, as for an id that does not exist.
    other = clients("coordinator_nord_troms")
    for scenario in (salten, fauske):
        for r in (other.put(f"{SCENARIOS}/{scenario['id']}", json_body={"name": unique("x ")}),
                  other.delete(f"{SCENARIOS}/{scenario['id']}")):
            assert r.status_code == 404 and error_code(r) == "scenario_not_found", r.text
    r = other.get(SCENARIOS + "?region=salten")
    assert r.status_code == 403, r.text
    # Nothing changed.
    still = [s for s in listed(coordinator, region="salten") if s["id"] == salten["id"]]
    assert still == [salten]


def test_hr_writes_only_for_their_own_municipality(clients):
    hr = clients("hr")
    for scope in ({"region": "salten"}, {"municipality": "1840"}, {"region": "nord-troms"}):
        r = save(hr, unique("Ikke mitt "), **scope)
        assert r.status_code == 403 and error_code(r) == "forbidden", (scope, r.text)
    # Saltdal's hr neither reads nor changes Fauske's scenario.
    fauske = save(hr, unique("Fauske ")).json()
    saltdal = clients("hr_saltdal")
    assert saltdal.get(SCENARIOS + "?municipality=1841").status_code == 403
    r = saltdal.delete(f"{SCENARIOS}/{fauske['id']}")
    assert r.status_code == 404 and error_code(r) == "scenario_not_found", r.text
    assert fauske["id"] in [s["id"] for s in listed(hr, municipality="1841")]


@pytest.mark.parametrize("role", ["unit_leader", "employee"])
def test_unit_leaders_and_employees_have_no_scenarios(clients, role):
    client = clients(role)
    assert client.get(SCENARIOS + "?municipality=1841").status_code == 403
    assert save(client, unique("Leder ")).status_code == 403
    fauske = save(clients("hr"), unique("Fauske ")).json()
    for r in (client.put(f"{SCENARIOS}/{fauske['id']}", json_body={"name": "x"}),
              client.delete(f"{SCENARIOS}/{fauske['id']}")):
        assert r.status_code == 403, r.text


def test_the_administrator_reads_but_does_not_write(clients):
    admin = clients("admin")
    assert isinstance(listed(admin, region="salten"), list)
    assert save(admin, unique("Admin "), municipality="1841").status_code == 403


@pytest.mark.parametrize("levers, code", [
    ({"no_such_lever": 1}, "unknown_lever"),
    ({"turnover": "mye"}, "invalid_lever_value"),
    ({"turnover": 0.9}, "scenario_value_out_of_range"),                   # 0…0.5
    ({"sick_leave.to": -0.1}, "scenario_value_out_of_range"),             # 0…0.5
    ({"task_shift": ["sykepleier:sykepleier:0.1"]}, "task_shift_same_category"),
    ({"task_shift": ["sykepleier:ingen_slik:0.1"]}, "unknown_category"),
    ({"staffing_change.ingen_slik": 0.1}, "unknown_service"),
    ({"population": "middels"}, "invalid_lever_value"),
    ("turnover=0.08", "invalid_scenario"),
    ([{"turnover": 0.08}], "invalid_scenario"),
])
def test_bad_levers_are_refused_with_their_code(clients, levers, code):
    hr = clients("hr")
    name = unique("Feil ")
    r = save(hr, name, levers)
    assert r.status_code == 400 and error_code(r) == code, r.text
    assert name not in [s["name"] for s in listed(hr, municipality="1841")]
    # The same on a change, which leaves the scenario as it was.
    saved = save(hr, unique("Riktig ")).json()
    r = hr.put(f"{SCENARIOS}/{saved['id']}", json_body={"levers": levers})
    assert r.status_code == 400 and error_code(r) == code, r.text
    assert [s for s in listed(hr, municipality="1841") if s["id"] == saved["id"]] == [saved]


@pytest.mark.parametrize("name", ["", "   ", "x" * 81, "Linje\nskift"])
def test_bad_names_are_refused(clients, name):
    r = save(clients("hr"), name)
    assert r.status_code == 400 and error_code(r) == "invalid_scenario_name", r.text


def test_a_name_of_80_characters_is_kept(clients):
    name = unique("Æøå ")
    name = name + "å" * (80 - len(name))  # 80 characters, more bytes
    r = save(clients("hr"), name)
    assert r.status_code == 201, r.text
    assert r.json()["name"] == name


def test_scope_and_body_are_checked(clients):
    hr = clients("hr")
    for body in ({"name": unique("Begge "), "levers": {}, "municipality": "1841", "region": "salten"},
                 {"name": unique("Ingen "), "levers": {}},
                 {"name": unique("Uten spaker "), "municipality": "1841"}):
        r = hr.post(SCENARIOS, json_body=body)
        assert r.status_code == 400 and error_code(r) == "invalid_parameter", (body, r.text)
    r = hr.post(SCENARIOS, data=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "invalid_json", r.text
    for query in ("", "?municipality=1841&region=salten"):
        r = hr.get(SCENARIOS + query)
        assert r.status_code == 400 and error_code(r) == "invalid_parameter", r.text
    r = hr.get(SCENARIOS + "?municipality=9999")
    assert r.status_code == 404 and error_code(r) == "unknown_municipality", r.text
    r = hr.get(SCENARIOS + "?region=ingen")
    assert r.status_code == 404 and error_code(r) == "unknown_region", r.text
    for bad_id in ("999999999", "abc"):
        r = hr.delete(f"{SCENARIOS}/{bad_id}")
        assert r.status_code in (400, 404), r.text


def test_writes_need_the_csrf_token(clients):
    hr = clients("hr")
    name = unique("Uten CSRF ")
    r = hr.post(SCENARIOS, json_body={"name": name, "levers": {}, "municipality": "1841"}, csrf=False)
    assert r.status_code == 403 and error_code(r) == "csrf_failed", r.text
    assert name not in [s["name"] for s in listed(hr, municipality="1841")]
    saved = save(hr, unique("Med CSRF ")).json()
    for r in (hr.put(f"{SCENARIOS}/{saved['id']}", json_body={"name": unique("x ")}, csrf=False),
              hr.delete(f"{SCENARIOS}/{saved['id']}", csrf=False)):
        assert r.status_code == 403 and error_code(r) == "csrf_failed", r.text
    assert [s for s in listed(hr, municipality="1841") if s["id"] == saved["id"]] == [saved]


def test_saving_is_audited(clients, today_range):
    hr, admin = clients("hr"), clients("admin")
    saved = save(hr, unique("Revidert ")).json()
    assert hr.delete(f"{SCENARIOS}/{saved['id']}").status_code == 204
    start, end = today_range
    entries = admin.get_json(f"/api/v1/audit?from={start}&to={end}&user=fauske.hr&limit=1000")["entries"]
    actions = {(e["action"], e["subject"]) for e in entries}
    assert ("scenario_save", str(saved["id"])) in actions
    assert ("scenario_delete", str(saved["id"])) in actions
