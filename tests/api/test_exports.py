"""Exports: the XLSX and CSV files hold the same numbers as the JSON API, with ":" where the API
has null.

The files are read by independent readers (openpyxl, pandas). Columns are matched to indicators
by their headings in the message catalogue (data/i18n/nb.json, `indicator.*`), ignoring a unit in
brackets ("Deltid (%)"). Shares may be written as fractions (0,657 in a percent-formatted cell) or
as percent numbers (65,7); either must match the API's share to the precision written.
"""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas
import pytest

from kompetent_api import XLSX_TYPE, load_labels

SHARES = {"under_25", "aged_50_plus", "aged_60_plus", "part_time", "small_positions", "unskilled",
          "relevant_education", "further_education", "aged_50_plus_among_further_educated", "female", "male",
          "other_or_unknown_gender"}
COUNTS = {"positions", "persons"}
DECIMALS = {"fte", "average_age"}


def _normal(text) -> str:
    text = re.sub(r"\s*\([^)]*\)\s*$", "", str(text or "")).strip().lower()
    return re.sub(r"\s+", " ", text)


def column_keys(headings: list) -> dict[int, str]:
    """column index → indicator key, for the headings that name an indicator."""
    labels = {_normal(label): key for key, label in load_labels("nb").items()}
    labels.update({key: key for key in labels.values()})
    return {i: labels[_normal(h)] for i, h in enumerate(headings) if i > 0 and _normal(h) in labels}


def expected(row: dict, key: str):
    """The API's value for a column: a number, None for a suppressed figure, or "empty" for a
    share of 0 of 0 (shown as "–")."""
    ind = row["indicators"]
    if ind is None:
        return None
    if key in SHARES:
        share = ind[key]
        if share is None:
            return None
        return "empty" if share["total"] == 0 else share["share"]
    if key in ("retirements_5y", "retirements_10y"):
        years = ind["retirements_by_year"][: 5 if key == "retirements_5y" else 10]
        if any(y is None or y["persons"] is None for y in years):
            return None
        return sum(y["persons"] for y in years)
    if key in ("joiners", "leavers", "turnover"):
        turnover = row.get("turnover")
        if turnover is None:
            return None
        value = turnover[key]
        if key == "turnover":
            return None if value is None else ("empty" if value["total"] == 0 else value["share"])
        return value
    return ind.get(key, "unknown")


def assert_cell(cell, want, key, where):
    if want == "unknown":
        return
    if want is None:
        assert cell == ":", f"{where} {key}: the API has null, the file has {cell!r}"
        return
    if want == "empty":
        assert cell in (None, "", "–", "-", ":"), f"{where} {key}: 0 of 0, the file has {cell!r}"
        return
    assert isinstance(cell, (int, float)) and not isinstance(cell, bool), (
        f"{where} {key}: a number was expected ({want}), the file has {cell!r}")
    if key in COUNTS or key in ("retirements_5y", "retirements_10y", "joiners", "leavers"):
        assert cell == want, f"{where} {key}: {cell} != {want}"
    elif key in SHARES or key == "turnover":
        assert abs(cell - want) <= 0.0005 + 1e-9 or abs(cell - 100 * want) <= 0.05 + 1e-9, (
            f"{where} {key}: {cell} is neither {want} nor {100 * want} %")
    elif key == "average_position_percent":
        assert abs(cell - want) <= 0.05 + 1e-9 or abs(cell - want / 100) <= 0.0005 + 1e-9, f"{where} {key}"
    else:
        assert abs(cell - want) <= 0.05 + 1e-9, f"{where} {key}: {cell} != {want}"


def compare_table(table: dict, headings: list, data_rows: list[list]):
    keys = column_keys(headings)
    found = set(keys.values())
    assert {"positions", "persons", "fte"} <= found and len(found & SHARES) >= 3, (
        f"too few indicator columns recognised in {headings}; expected headings from data/i18n/nb.json")
    assert len(data_rows) == len(table["rows"]), (len(data_rows), len(table["rows"]))
    for row, cells in zip(table["rows"], data_rows):
        assert str(cells[0]).strip() == row["label"], f"label {cells[0]!r} != {row['label']!r}"
        for column, key in keys.items():
            assert_cell(cells[column], expected(row, key), key, row["label"])


def read_xlsx(content: bytes):
    """(headings, data rows, workbook) of the sheet that holds the table."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        for i, cells in enumerate(rows):
            if len(column_keys(cells)) >= 3:
                data = []
                for cells_below in rows[i + 1:]:
                    if cells_below[0] in (None, ""):
                        break
                    data.append(cells_below)
                return cells, data, workbook
    raise AssertionError("no sheet has a heading row of indicator names")


def fetch(client, query: str):
    table = client.get_json(f"/api/v1/indicators?{query}")
    return table


@pytest.mark.parametrize("role,query", [
    ("coordinator", "region=salten&by=municipality,category"),  # suppressed cells and rows
    ("hr", "municipality=1841&by=sector"),                         # unsuppressed
    ("admin", "region=nord-troms&by=category&date=2025-12-31&compare=2024-12-31"),
])
def test_xlsx_export_matches_the_api(clients, role, query):
    client = clients(role)
    table = fetch(client, query)
    r = client.get(f"/api/v1/indicators/export?format=xlsx&{query}")
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == XLSX_TYPE
    assert re.match(r'attachment; *filename="[^"/\\]+\.xlsx"', r.headers["Content-Disposition"])
    headings, data, workbook = read_xlsx(r.content)
    compare_table(table, headings, data)
    if role == "coordinator":
        assert any(row["suppressed"] for row in table["rows"]), "the test needs a suppressed row"
        assert any(cell == ":" for cells in data for cell in cells), "suppressed cells are ':'"
    # A native chart: a chart part in the package, and openpyxl finds it on a sheet.
    names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
    assert any(re.fullmatch(r"xl/charts/chart\d+\.xml", n) for n in names), names
    assert any(sheet._charts for sheet in workbook.worksheets), "no sheet carries a chart"


@pytest.mark.parametrize("role,query", [
    ("coordinator", "region=salten&by=municipality,category"),
    ("hr", "municipality=1841&node=1841/HO&by=unit"),
])
def test_csv_export_matches_the_api(clients, role, query):
    client = clients(role)
    table = fetch(client, query)
    r = client.get(f"/api/v1/indicators/export?format=csv&{query}")
    assert r.status_code == 200
    assert r.headers["Content-Type"].replace(" ", "").lower() == "text/csv;charset=utf-8"
    assert re.match(r'attachment; *filename="[^"/\\]+\.csv"', r.headers["Content-Disposition"])
    assert r.content.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM, so Excel reads æøå"
    frame = pandas.read_csv(io.BytesIO(r.content), sep=";", decimal=",", encoding="utf-8-sig",
                            keep_default_na=False, dtype=object)
    headings = list(frame.columns)

    def number(cell):
        text = str(cell).strip()
        if text in (":", "", "–", "-"):
            return text or None
        return float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))

    data = [[row[0]] + [number(c) for c in row[1:]] for row in frame.itertuples(index=False)]
    compare_table(table, headings, data)
    if role == "coordinator":
        assert any(c == ":" for row in data for c in row), "suppressed cells are ':'"
    # The decimal comma really is a comma: at least one figure has decimals and is written with ","
    text = r.content.decode("utf-8-sig")
    assert re.search(r";\d+,\d+(;|\r?\n|$)", text), "no decimal comma found"
    assert not re.search(r";\d+\.\d+(;|\r?\n|$)", text), "decimal point in a Norwegian CSV"


def test_export_needs_a_known_format(clients):
    r = clients("hr").get("/api/v1/indicators/export?municipality=1841&format=pdf")
    assert r.status_code == 400
    r = clients("hr").get("/api/v1/indicators/export?municipality=1841")
    assert r.status_code in (200, 400), "no format: a default, or a bad request"
