"""Small-group suppression, on a fresh database with hand-made HR exports.

Three Salten municipalities with 4, 12 and 14 persons (31.12.2025), imported through the API by
their own HR users. The figures below are worked out by hand from these rows (age = 2025 − birth
year; docs/indicators.md), and the suppression from the contract (k = 5 unless said):

  1836 Rødøy      4 persons: born 1993, 1992 (K, 100 %), 1968, 1967 (M, 60 %)
                  ages 32, 33, 57, 58 → average 45,0; FTE 3,2; part-time 2/4; men 2/4; 50+ 2/4
                  terapeut (retires at 67): born 1967 → 2034, born 1968 → 2035 (years 9 and 10)
  1838 Gildeskål 12 persons: 6 K + 6 M, 6 × 100 % + 6 × 60 %, all born 1988 (37) → FTE 9,6
  1839 Beiarn    14 persons: 12 K + 2 M, 7 × 60 % + 7 × 100 %, 7 born 1983 (42), 7 born 1978 (47)
                  → FTE 11,2; part-time 7/14; men 2/14; women 12/14; 50+ 0/14; other gender 0/14
  Salten total   30 persons, FTE 24,0

Coordinator, by municipality: 1836 (4 < 5) is suppressed; then the total 30 minus 12 minus 14
would give it back, so the smallest other municipality (1838, 12) is suppressed too; 1839 is
shown. In 1839, men 2/14 (2 on the count side) and women 12/14 (2 on the other side) are null;
part-time 7/14 (7 on both sides) and 0/14 are shown.
"""

from __future__ import annotations

import sqlite3

import pytest

from kompetent_api import (OpenApi, Server, TEST_PASSWORD, hr_csv, import_and_wait, login, rows_by_municipality,
                           run_cli)

DATE = "2025-12-31"
NAMES = {"1836": "Rødøy", "1838": "Gildeskål", "1839": "Beiarn"}


def _row(n, municipality, percent, born, gender):
    return [f"T{municipality}-{n:03d}", "SH", "6671", percent, born, gender, "Bachelor", "Ja", "0"]


ROWS = {
    "1836": [_row(1, "1836", 100, 1993, "K"), _row(2, "1836", 100, 1992, "K"),
             _row(3, "1836", 60, 1968, "M"), _row(4, "1836", 60, 1967, "M")],
    "1838": [_row(n, "1838", 100 if n <= 6 else 60, 1988, "K" if n % 2 else "M") for n in range(1, 13)],
    "1839": [_row(n, "1839", 60 if n <= 7 else 100, 1983 if n % 2 else 1978, "K" if n <= 12 else "M")
             for n in range(1, 15)],
}


def test_hand_made_files_are_what_the_docstring_says():
    """Guards the hand computation: the files have the group sizes the expectations assume."""
    assert [len(ROWS[m]) for m in ("1836", "1838", "1839")] == [4, 12, 14]
    assert sum(1 for r in ROWS["1838"] if r[5] == "M") == 6
    assert sum(1 for r in ROWS["1839"] if r[5] == "M") == 2
    assert sum(1 for r in ROWS["1839"] if r[3] < 100) == 7
    assert sorted({2025 - r[4] for r in ROWS["1839"]}) == [42, 47]
    assert sum(r[3] for m in ROWS for r in ROWS[m]) == 2400  # FTE 24,0


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A database with no demo data: units registered with `kompetent org import`, users with
    `kompetent user add`, snapshots imported through the API."""
    workdir = tmp_path_factory.mktemp("suppression")
    db = workdir / "salten.db"
    for number, name in NAMES.items():
        org = workdir / f"org-{number}.csv"
        org.write_text(f"Sektorkode;Sektor;Enhetskode;Enhet\nHO;Helse og omsorg;SH;{name} sykehjem\n",
                       encoding="utf-8")
        run_cli(["--db", str(db), "org", "import", str(org), "--municipality", number])
        run_cli(["--db", str(db), "user", "add", f"hr{number}", "--role", "hr", "--municipality", number],
                stdin=TEST_PASSWORD + "\n")
    run_cli(["--db", str(db), "user", "add", "koordinator", "--role", "coordinator", "--region", "salten"],
            stdin=TEST_PASSWORD + "\n")
    api = OpenApi()
    server = Server(db, workdir).start()
    try:
        for number in NAMES:
            hr = login(server.base_url, api, f"hr{number}", TEST_PASSWORD)
            job = import_and_wait(hr, number, DATE, hr_csv(ROWS[number]))
            assert job["state"] == "succeeded", job
            assert job["report"]["records"] == len(ROWS[number])
        yield {"server": server, "db": db, "workdir": workdir, "api": api}
    finally:
        code = server.stop()
    assert code == 0


def _as(fresh, username):
    return login(fresh["server"].base_url, fresh["api"], username, TEST_PASSWORD)


def test_coordinator_small_municipality_and_one_more_are_suppressed(fresh):
    table = _as(fresh, "koordinator").get_json("/api/v1/indicators?region=salten&by=municipality")
    assert table["scope"] == {"kind": "region", "id": "salten", "name": "Salten"}
    assert table["suppression"] == {"applied": True, "min_group": 5}
    assert sorted((s["municipality"], s["date"]) for s in table["snapshots"]) == [
        ("1836", DATE), ("1838", DATE), ("1839", DATE)]
    total = table["rows"][0]
    assert total["key"] == {"municipality": None, "sector": None, "unit": None, "category": None}
    assert total["suppressed"] is False
    assert total["indicators"]["persons"] == 30
    assert total["indicators"]["positions"] == 30
    assert total["indicators"]["fte"] == pytest.approx(24.0)

    rows = rows_by_municipality(table)
    assert sorted(rows) == ["1836", "1838", "1839"]
    assert rows["1836"]["suppressed"] is True and rows["1836"]["indicators"] is None
    # Secondary: 30 − 14 would reveal the 4 if 1838 were shown.
    assert rows["1838"]["suppressed"] is True and rows["1838"]["indicators"] is None
    assert rows["1839"]["suppressed"] is False
    beiarn = rows["1839"]["indicators"]
    assert beiarn["persons"] == 14
    assert beiarn["fte"] == pytest.approx(11.2)
    assert beiarn["male"] is None, "2 men of 14: fewer than 5 on the count side"
    assert beiarn["female"] is None, "12 women of 14: 2 on the other side"
    assert beiarn["part_time"] == {"count": 7, "total": 14, "share": pytest.approx(0.5)}
    assert beiarn["other_or_unknown_gender"] == {"count": 0, "total": 14, "share": 0}
    assert beiarn["aged_50_plus"] == {"count": 0, "total": 14, "share": 0}


def test_a_suppressed_row_cannot_be_recovered_from_the_total(fresh):
    for by in ("municipality", "municipality,category", "unit"):
        table = _as(fresh, "koordinator").get_json(f"/api/v1/indicators?region=salten&by={by}")
        total = table["rows"][0]["indicators"]["persons"]
        groups = table["rows"][1:]
        hidden = [r for r in groups if r["suppressed"]]
        shown = sum(r["indicators"]["persons"] for r in groups if not r["suppressed"])
        assert total == 30
        assert len(hidden) != 1, f"by={by}: one suppressed row is the total minus the others ({total - shown})"
        assert any(r["key"]["municipality"] == "1836" for r in hidden), f"by={by}: the 4 must be suppressed"


def test_hr_sees_own_small_municipality_unsuppressed(fresh):
    table = _as(fresh, "hr1836").get_json("/api/v1/indicators?municipality=1836")
    assert table["suppression"]["applied"] is False
    assert table["scope"]["kind"] == "municipality" and table["scope"]["id"] == "1836"
    row = table["rows"][0]
    assert row["suppressed"] is False
    ind = row["indicators"]
    assert (ind["positions"], ind["persons"]) == (4, 4)
    assert ind["fte"] == pytest.approx(3.2)
    assert ind["average_age"] == pytest.approx(45.0)
    assert ind["average_position_percent"] == pytest.approx(80.0)
    assert ind["male"] == {"count": 2, "total": 4, "share": pytest.approx(0.5)}
    assert ind["female"] == {"count": 2, "total": 4, "share": pytest.approx(0.5)}
    assert ind["part_time"] == {"count": 2, "total": 4, "share": pytest.approx(0.5)}
    assert ind["aged_50_plus"] == {"count": 2, "total": 4, "share": pytest.approx(0.5)}
    assert ind["under_25"] == {"count": 0, "total": 4, "share": 0}
    bands = dict.fromkeys(["<20", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59",
                           "60-64", "65-69", "70+"], 0)
    bands.update({"30-34": 2, "55-59": 2})
    assert ind["age_bands"] == bands
    years = ind["retirements_by_year"]
    assert [y["year"] for y in years] == list(range(2026, 2036))
    assert [y["persons"] for y in years] == [0] * 8 + [1, 1]
    assert [y["fte"] for y in years] == pytest.approx([0] * 8 + [0.6, 0.6])


def test_hr_sees_the_region_suppressed(fresh):
    table = _as(fresh, "hr1836").get_json("/api/v1/indicators?region=salten&by=municipality")
    assert table["suppression"]["applied"] is True
    rows = rows_by_municipality(table)
    assert rows["1836"]["suppressed"] is True, "own municipality inside a region view: suppressed like any other"
    assert rows["1836"]["indicators"] is None


def test_hr_of_another_municipality_is_denied(fresh):
    r = _as(fresh, "hr1839").get("/api/v1/indicators?municipality=1836")
    assert r.status_code == 403


def test_export_suppresses_the_same_cells(fresh):
    r = _as(fresh, "koordinator").get("/api/v1/indicators/export?format=csv&region=salten&by=municipality")
    assert r.status_code == 200
    lines = r.content.decode("utf-8-sig").splitlines()
    by_label = {line.split(";")[0]: line.split(";")[1:] for line in lines[1:] if line}
    rodoy = [cells for label, cells in by_label.items() if "Rødøy" in label or "1836" in label]
    assert len(rodoy) == 1 and set(rodoy[0]) == {":"}, lines
    beiarn = [cells for label, cells in by_label.items() if "Beiarn" in label or "1839" in label]
    assert len(beiarn) == 1 and "14" in beiarn[0], lines


def _copy_database(src, dst):
    """A consistent copy while the first server still runs (SQLite's online backup)."""
    with sqlite3.connect(src) as source, sqlite3.connect(dst) as target:
        source.backup(target)


def test_min_group_3_shows_the_group_of_4(fresh):
    db = fresh["workdir"] / "salten-k3.db"
    _copy_database(fresh["db"], db)
    server = Server(db, fresh["workdir"], min_group=3).start()
    try:
        coordinator = login(server.base_url, fresh["api"], "koordinator", TEST_PASSWORD)
        table = coordinator.get_json("/api/v1/indicators?region=salten&by=municipality")
        assert table["suppression"] == {"applied": True, "min_group": 3}
        rows = rows_by_municipality(table)
        assert [rows[m]["suppressed"] for m in ("1836", "1838", "1839")] == [False, False, False]
        rodoy = rows["1836"]["indicators"]
        assert rodoy["persons"] == 4
        # Shares still hide 1..2 persons on either side: 2 men of 4, 2 women of 4, 2 part-time of 4.
        assert rodoy["male"] is None and rodoy["female"] is None and rodoy["part_time"] is None
        assert rodoy["under_25"] == {"count": 0, "total": 4, "share": 0}
        assert rows["1839"]["indicators"]["male"] is None
    finally:
        code = server.stop()
    assert code == 0


def test_min_group_below_3_is_never_used(fresh):
    """--min-group 2: the server refuses to start, or runs with k of at least 3."""
    db = fresh["workdir"] / "salten-k2.db"
    _copy_database(fresh["db"], db)
    server = Server(db, fresh["workdir"], min_group=2)
    try:
        server.start(timeout=20)
    except AssertionError:
        assert server.proc.returncode not in (None, 0), "refusing to start must give a non-zero exit"
        return
    try:
        coordinator = login(server.base_url, fresh["api"], "koordinator", TEST_PASSWORD)
        table = coordinator.get_json("/api/v1/indicators?region=salten&by=municipality")
        assert table["suppression"]["min_group"] >= 3
        assert rows_by_municipality(table)["1839"]["indicators"]["male"] is None  # 2 persons
    finally:
        server.stop()
