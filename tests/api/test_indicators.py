"""Indicators of the demo database, checked against the figures docs/demo-data.md states: the
positions per municipality (table "Salten"), Nord-Troms' exact region-wide quotas (seed 003), and
the rules of docs/indicators.md (rows, ordering, dates, turnover).
"""

from __future__ import annotations

import pytest

from kompetent_api import rows_by_municipality

# docs/demo-data.md, "Salten": positions 2024 and 2025.
SALTEN_POSITIONS = {
    "1804": (5502, 5530), "1841": (1083, 1079), "1837": (675, 675), "1840": (603, 608), "1875": (351, 351),
    "1848": (330, 335), "1838": (253, 253), "1845": (224, 227), "1836": (142, 143), "1839": (129, 129),
}
# docs/demo-data.md, "Nord-Troms": table 1 of seed 003, 31.12.2025, one position per person.
# Seed 003 table 1: Storfjord 95, Kåfjord 103, Lyngen 225, Skjervøy 144, Nordreisa 288,
# Kvænangen 84; numbers 5536 Lyngen, 5538 Storfjord, 5540 Kåfjord, 5542 Skjervøy,
# 5544 Nordreisa, 5546 Kvænangen (SSB classification 131, 2024).
NORD_TROMS_2025 = {"5536": 225, "5538": 95, "5540": 103, "5542": 144, "5544": 288, "5546": 84}


@pytest.mark.parametrize("date,index", [("2024-12-31", 0), ("2025-12-31", 1)])
def test_salten_positions_per_municipality(clients, date, index):
    table = clients("admin").get_json(f"/api/v1/indicators?region=salten&by=municipality&date={date}")
    assert table["scope"] == {"kind": "region", "id": "salten", "name": "Salten"}
    assert sorted((s["municipality"], s["date"]) for s in table["snapshots"]) == sorted(
        (m, date) for m in SALTEN_POSITIONS)
    assert table["by"] == ["municipality"]
    total = table["rows"][0]
    assert total["label"] == "Salten"
    assert total["indicators"]["positions"] == sum(p[index] for p in SALTEN_POSITIONS.values())  # 9292 / 9330
    rows = rows_by_municipality(table)
    assert {m: r["indicators"]["positions"] for m, r in rows.items()} == {
        m: p[index] for m, p in SALTEN_POSITIONS.items()}
    # Rows come in municipality-number order (docs/indicators.md, "Breakdowns").
    assert [r["key"]["municipality"] for r in table["rows"][1:]] == sorted(SALTEN_POSITIONS)


def test_default_date_is_each_members_latest(clients):
    table = clients("admin").get_json("/api/v1/indicators?region=salten")
    assert {s["date"] for s in table["snapshots"]} == {"2025-12-31"}
    assert table["rows"][0]["indicators"]["positions"] == 9330
    assert len(table["rows"]) == 1 and table["by"] == []


def test_date_between_snapshots_uses_the_one_before(clients):
    table = clients("hr").get_json("/api/v1/indicators?municipality=1841&date=2025-06-30")
    assert table["snapshots"] == [{"municipality": "1841", "date": "2024-12-31"}]
    assert table["rows"][0]["indicators"]["positions"] == 1083


def test_nord_troms_meets_the_published_quotas(clients):
    """docs/demo-data.md: the region-wide quotas are exact for every seed."""
    table = clients("admin").get_json("/api/v1/indicators?region=nord-troms&by=municipality")
    ind = table["rows"][0]["indicators"]
    assert (ind["positions"], ind["persons"]) == (939, 939)
    assert ind["aged_50_plus"]["count"] == 374
    assert ind["unskilled"]["count"] == 188
    assert ind["part_time"]["count"] == 617
    assert ind["further_education"]["count"] == 198
    assert ind["aged_50_plus_among_further_educated"] == {"count": 69, "total": 198, "share": pytest.approx(69 / 198)}
    assert 47 <= ind["average_age"] <= 49
    rows = rows_by_municipality(table)
    assert {m: r["indicators"]["positions"] for m, r in rows.items()} == NORD_TROMS_2025


def test_nord_troms_has_only_health_and_care(clients):
    table = clients("admin").get_json("/api/v1/indicators?region=nord-troms&by=sector")
    assert {r["key"]["sector"] for r in table["rows"][1:]} == {"HO"}


def test_fauske_tree_and_snapshots(clients):
    tree = clients("hr").get_json("/api/v1/municipalities/1841/tree")
    sectors = {s["code"]: s for s in tree["sectors"]}
    assert {"HO", "OK", "TPU", "ADM"} <= set(sectors)
    assert {"code": "SH01", "name": "Sentrum sykehjem"} in sectors["HO"]["units"]
    snapshots = {s["date"]: s for s in clients("hr").get_json("/api/v1/municipalities/1841/snapshots")["snapshots"]}
    assert snapshots["2024-12-31"]["positions"] == 1083
    assert snapshots["2025-12-31"]["positions"] == 1079


def test_shares_are_count_over_total(clients):
    table = clients("hr").get_json("/api/v1/indicators?municipality=1841&by=sector,category")
    for row in table["rows"]:
        ind = row["indicators"]
        for name, value in ind.items():
            if isinstance(value, dict) and "count" in value:
                assert value["count"] <= value["total"], (row["label"], name)
                if value["total"]:
                    assert value["share"] == pytest.approx(value["count"] / value["total"]), (row["label"], name)
                else:
                    assert value["share"] is None, "0 of 0 is no share"
        assert ind["persons"] == sum(n for n in ind["age_bands"].values())
        assert ind["female"]["count"] + ind["male"]["count"] + ind["other_or_unknown_gender"]["count"] == ind["persons"]


def test_total_row_sums_the_sector_rows_for_one_position_per_person(clients):
    table = clients("hr").get_json("/api/v1/indicators?municipality=1841&by=sector")
    total, sectors = table["rows"][0], table["rows"][1:]
    assert total["key"] == {"municipality": None, "sector": None, "unit": None, "category": None}
    assert {r["key"]["municipality"] for r in sectors} == {"1841"}, "a sector is a sector of one municipality"
    assert sum(r["indicators"]["positions"] for r in sectors) == total["indicators"]["positions"] == 1079


def test_node_filter_limits_the_total(clients):
    whole = clients("hr").get_json("/api/v1/indicators?municipality=1841&by=unit")
    units = {r["key"]["unit"]: r for r in whole["rows"][1:] if r["key"]["sector"] == "HO"}
    node = clients("hr").get_json("/api/v1/indicators?municipality=1841&node=1841/HO/SH01")
    assert node["rows"][0]["indicators"]["positions"] == units["SH01"]["indicators"]["positions"] > 0
    leader = clients("unit_leader").get_json("/api/v1/indicators?municipality=1841&node=1841/HO/SH01")
    assert leader["suppression"]["applied"] is False
    assert leader["rows"][0]["indicators"] == node["rows"][0]["indicators"]


def test_category_filter(clients):
    table = clients("hr").get_json("/api/v1/indicators?municipality=1841&category=sykepleier,helsefagarbeider&by=category")
    assert [r["key"]["category"] for r in table["rows"][1:]] == ["helsefagarbeider", "sykepleier"]  # table order
    assert table["rows"][0]["indicators"]["positions"] == sum(r["indicators"]["positions"] for r in table["rows"][1:])


def test_turnover_with_compare(clients):
    table = clients("admin").get_json("/api/v1/indicators?region=salten&by=municipality&compare=2024-12-31")
    assert {s["date"] for s in table["compare_snapshots"]} == {"2024-12-31"}
    total = table["rows"][0]["turnover"]
    assert total is not None
    # Persons before and after, joiners and leavers must balance for the whole region.
    assert total["persons_after"] - total["persons_before"] == total["joiners"] - total["leavers"]
    assert total["turnover"]["count"] == total["leavers"]
    assert total["turnover"]["total"] == total["persons_before"]
    # docs/demo-data.md: 6–15 % per municipality.
    assert 0.06 <= total["turnover"]["share"] <= 0.15


def test_no_turnover_without_compare(clients):
    table = clients("admin").get_json("/api/v1/indicators?region=salten")
    assert "compare_snapshots" not in table
    assert table["rows"][0].get("turnover") is None


def test_positions_views(clients):
    own = clients("employee").get_json("/api/v1/me/positions")["positions"]
    assert own, "the demo employee has at least one position"
    ids = {p["employee_id"] for p in own}
    assert len(ids) == 1
    (employee_id,) = ids
    assert employee_id.startswith("SA1841-"), employee_id  # docs/demo-data.md: region prefix + kommunenummer
    everyone = clients("hr").get_json("/api/v1/municipalities/1841/positions?date=2025-12-31")["positions"]
    assert len(everyone) == 1079
    assert employee_id in {p["employee_id"] for p in everyone}
    unit = clients("unit_leader").get_json("/api/v1/municipalities/1841/positions?node=1841/HO/SH01")["positions"]
    assert unit and all(str(p.get("unit_code", p.get("unit"))).endswith("SH01") for p in unit)
    assert len(unit) < len(everyone)
    # Without a node a unit leader gets their own units and nothing else.
    own_units = clients("unit_leader").get_json("/api/v1/municipalities/1841/positions")["positions"]
    assert sorted(p["employee_id"] for p in own_units) == sorted(p["employee_id"] for p in unit)


BANDS = ["<20", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70+"]
SIZES = ["<25", "25-49", "50-74", "75-99", "100+"]
GENDER_SHARES = {"female": "female", "male": "male", "other": "other_or_unknown_gender"}


def test_pyramid_and_size_bands_add_up_to_the_other_figures(clients):
    """docs/indicators.md: the pyramid sums per band to age_bands and per gender to the gender
    counts; the size bands sum to persons, the first four to part-time, the first two to small
    positions. HR sees its own municipality unsuppressed, so every cell is a number."""
    table = clients("hr").get_json("/api/v1/indicators?municipality=1841&by=sector")
    assert len(table["rows"]) > 2
    for row in table["rows"]:
        ind = row["indicators"]
        pyramid, sizes = ind["age_pyramid"], ind["position_size_bands"]
        assert list(pyramid) == ["female", "male", "other"] and list(sizes) == SIZES
        for band in BANDS:
            assert sum(pyramid[g][band] for g in pyramid) == ind["age_bands"][band], (row["label"], band)
        for gender, share in GENDER_SHARES.items():
            assert sum(pyramid[gender].values()) == ind[share]["count"], (row["label"], gender)
        assert sum(sizes.values()) == ind["persons"]
        assert sum(sizes[s] for s in SIZES[:4]) == ind["part_time"]["count"]
        assert sum(sizes[s] for s in SIZES[:2]) == ind["small_positions"]["count"]


def test_withheld_pyramid_and_size_cells_cannot_be_recovered(clients):
    """A coordinator's view is suppressed: in a shown row, no sum a chart shows (an age band, a
    gender count, persons, part-time, small positions, or a shown share's rest) has exactly one
    withheld part, which would be that sum minus the others."""
    table = clients("coordinator").get_json("/api/v1/indicators?region=salten&by=municipality,category")
    withheld_cells = 0
    for row in table["rows"]:
        ind = row["indicators"]
        if ind is None:
            continue
        pyramid, sizes = ind["age_pyramid"], ind["position_size_bands"]
        nulls = lambda values: sum(v is None for v in values)
        withheld_cells += nulls(sizes.values()) + sum(nulls(pyramid[g].values()) for g in pyramid)
        for band in BANDS:
            if ind["age_bands"][band] is not None:
                assert nulls(pyramid[g][band] for g in pyramid) != 1, (row["label"], band)
        for gender, share in GENDER_SHARES.items():
            if ind[share] is not None:
                assert nulls(pyramid[gender].values()) != 1, (row["label"], gender)
        assert nulls(sizes.values()) != 1, row["label"]
        if ind["part_time"] is not None:
            assert nulls(sizes[s] for s in SIZES[:4]) != 1 and sizes["100+"] is not None, row["label"]
        if ind["small_positions"] is not None:
            assert nulls(sizes[s] for s in SIZES[:2]) != 1 and nulls(sizes[s] for s in SIZES[2:]) != 1, row["label"]
    assert withheld_cells > 0, "the test should see withheld cells in Salten by municipality × category"
