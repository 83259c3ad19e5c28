"""Imports through the API: upload, the job, the report, all-or-nothing, replace, XLSX.

Every test imports into Fauske (1841, as fauske.hr) on a date of its own, years before the demo
snapshots, so the demo figures other tests rely on (the latest snapshot, 31.12.2025) never
change. The unit SH01 (Sentrum sykehjem) is in Fauske's demo tree; the position codes are KS codes
in the shipped table (6671 terapeut, 6014 assistent, 9451 leder, 7352 annen).
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from kompetent_api import (HR_COLUMNS, XLSX_TYPE, error_code, hr_csv, import_and_wait, raw_http, start_import,
                           wait_for_job)

# Five people in Sentrum sykehjem. On 31.12.2019: ages 49, 34, 24, 54, 19 (sum 180, average 36,0);
# FTE (100 + 80 + 50 + 100 + 40) / 100 = 3,7; part-time 80, 50, 40 → 3/5; small (< 50 %) 40 → 1/5;
# under 25: 24, 19 → 2/5; 50+: 54 → 1/5; women 3/5, men 1/5, unknown 1/5; unskilled 1/5;
# relevant education 3/5; further education (credits > 0) 2/5, of whom 50+ 1/2 (the 54-year-old).
FIVE = [
    ["TEST-0001", "SH01", "6671", "100", "1970", "K", "Bachelor", "Ja", "30"],
    ["TEST-0002", "SH01", "6671", "80", "1985", "K", "Bachelor", "Ja", "0"],
    ["TEST-0003", "SH01", "6014", "50", "1995", "M", "Ufaglært", "Nei", "0"],
    ["TEST-0004", "SH01", "9451", "100", "1965", "K", "Master", "Ja", "60"],
    ["TEST-0005", "SH01", "7352", "40", "2000", "U", "Fagbrev", "Nei", "0"],
]
# Three faults and one good row (row numbers as a spreadsheet shows them: the header is row 1).
FAULTY = [
    ["TEST-0101", "SH01", "6671", "140", "1970", "K", "Bachelor", "Ja", "0"],    # row 2: percent 140
    ["TEST-0102", "XX99", "6671", "80", "1985", "K", "Bachelor", "Ja", "0"],     # row 3: no such unit
    ["TEST-0103", "SH01", "6014", "50", "1890", "M", "Ufaglært", "Nei", "0"],    # row 4: age 128
    ["TEST-0104", "SH01", "6671", "100", "1980", "K", "Bachelor", "Ja", "0"],    # row 5: fine
]
FAULTS = [(2, "Stillingsprosent", "percent_out_of_range", "140"),
          (3, "Enhet", "unknown_unit", "XX99"),
          (4, "Fødselsår", "birth_year_out_of_range", "1890")]


@pytest.fixture
def hr(clients):
    return clients("hr")


def _snapshot_dates(client, municipality="1841"):
    return {s["date"]: s["positions"]
            for s in client.get_json(f"/api/v1/municipalities/{municipality}/snapshots")["snapshots"]}


def test_csv_import_succeeds_and_the_indicators_reflect_it(hr):
    date = "2019-12-31"
    columns = HR_COLUMNS + ["Merknad"]  # an unknown, harmless column: ignored and named
    r = start_import(hr, "1841", date, hr_csv([row + ["ok"] for row in FIVE], columns))
    assert r.status_code == 202, r.text
    job = r.json()["job"]
    assert job["state"] in ("queued", "running", "succeeded")
    assert (job["municipality"], job["date"]) == ("1841", date)
    job = wait_for_job(hr, job["id"])
    assert job["state"] == "succeeded", job
    report = job["report"]
    assert (report["data_rows"], report["records"], report["error_count"]) == (5, 5, 0)
    assert report["errors"] == []
    assert report["ignored_columns"] == ["Merknad"]
    assert job["progress"]["rows"] == 5
    assert job["progress"]["bytes_done"] == job["progress"]["bytes_total"]

    assert _snapshot_dates(hr)[date] == 5
    table = hr.get_json(f"/api/v1/indicators?municipality=1841&date={date}")
    assert table["snapshots"] == [{"municipality": "1841", "date": date}]
    assert table["suppression"]["applied"] is False
    ind = table["rows"][0]["indicators"]
    assert (ind["positions"], ind["persons"]) == (5, 5)
    assert ind["fte"] == pytest.approx(3.7)
    assert ind["average_age"] == pytest.approx(36.0)
    assert ind["average_position_percent"] == pytest.approx(74.0)
    expected_shares = {"under_25": (2, 5), "aged_50_plus": (1, 5), "aged_60_plus": (0, 5), "part_time": (3, 5),
                       "small_positions": (1, 5), "female": (3, 5), "male": (1, 5),
                       "other_or_unknown_gender": (1, 5), "unskilled": (1, 5), "relevant_education": (3, 5),
                       "further_education": (2, 5), "aged_50_plus_among_further_educated": (1, 2)}
    for name, (count, total) in expected_shares.items():
        assert ind[name] == {"count": count, "total": total, "share": pytest.approx(count / total)}, name
    assert {band: n for band, n in ind["age_bands"].items() if n} == {
        "<20": 1, "20-24": 1, "30-34": 1, "45-49": 1, "50-54": 1}
    assert [y["year"] for y in ind["retirements_by_year"]] == list(range(2020, 2030))
    assert sum(y["persons"] for y in ind["retirements_by_year"]) == 0  # the eldest (1965, 67) goes in 2032


def test_refused_import_stores_nothing_and_lists_every_problem(hr):
    date = "2018-12-31"
    job = import_and_wait(hr, "1841", date, hr_csv(FAULTY))
    assert job["state"] == "failed"
    report = job["report"]
    assert report["error_count"] == 3
    assert report["data_rows"] == 4
    assert [(e["row"], e["column"], e["code"], e["value"]) for e in report["errors"]] == FAULTS
    assert all(e["message"] for e in report["errors"])
    assert date not in _snapshot_dates(hr)

    listed = hr.get_json(f"/api/v1/imports/{job['id']}/errors?format=json")["errors"]
    assert [(e["row"], e["column"], e["code"], e["value"]) for e in listed] == FAULTS

    r = hr.get(f"/api/v1/imports/{job['id']}/errors?format=csv")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel opens it directly"
    # Columns by position, as the CLI's list: row;column;code;value;message (headings may be translated).
    header, *rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert len(header) == 5, header
    assert [(int(x[0]), x[1], x[2], x[3]) for x in rows] == FAULTS


def test_report_lists_the_first_100_problems_and_the_error_list_all(hr):
    date = "2009-12-31"
    rows = [[f"TEST-{n:04d}", "SH01", "6671", "0", "1970", "K", "Bachelor", "Ja", "0"] for n in range(150)]
    job = import_and_wait(hr, "1841", date, hr_csv(rows))
    assert job["state"] == "failed"
    assert job["report"]["error_count"] == 150
    assert len(job["report"]["errors"]) == 100
    assert job["report"]["errors"][0]["row"] == 2 and job["report"]["errors"][99]["row"] == 101
    listed = hr.get_json(f"/api/v1/imports/{job['id']}/errors")["errors"]
    assert [e["row"] for e in listed] == list(range(2, 152))
    assert {e["code"] for e in listed} == {"percent_out_of_range"}
    assert date not in _snapshot_dates(hr)


def test_existing_date_is_refused_without_replace_and_replaced_with_it(hr):
    date = "2017-12-31"
    assert import_and_wait(hr, "1841", date, hr_csv(FIVE))["state"] == "succeeded"
    assert _snapshot_dates(hr)[date] == 5

    for replace in (None, False):
        r = start_import(hr, "1841", date, hr_csv(FIVE[:2]), replace=replace)
        assert r.status_code == 409 and error_code(r) == "snapshot_exists", r.text
    assert _snapshot_dates(hr)[date] == 5

    job = import_and_wait(hr, "1841", date, hr_csv(FIVE[:2]), replace=True)
    assert job["state"] == "succeeded", job
    assert _snapshot_dates(hr)[date] == 2
    ind = hr.get_json(f"/api/v1/indicators?municipality=1841&date={date}")["rows"][0]["indicators"]
    assert (ind["persons"], ind["fte"]) == (2, pytest.approx(1.8))

    # A refused replacement leaves the old snapshot in place.
    job = import_and_wait(hr, "1841", date, hr_csv(FAULTY), replace=True)
    assert job["state"] == "failed"
    assert _snapshot_dates(hr)[date] == 2


def test_conflict_is_answered_before_the_body_is_read(hr, base_url, api):
    """A 50 MB upload to a date that has a snapshot: the 409 must come without the body."""
    path = "/api/v1/municipalities/1841/imports?date=2025-12-31&profile=standard"
    head = (f"POST {path} HTTP/1.1\nHost: 127.0.0.1\nCookie: {hr.cookie.name}={hr.cookie.value}\n"
            f"X-CSRF-Token: {hr.csrf_token}\nContent-Type: text/csv\nContent-Length: 50000000\n"
            f"Connection: close\n")
    status, headers, body = raw_http(base_url, head, b"Ansattnummer;Enhet\n", timeout=15)
    assert status == 409, body[:300]
    api.check("POST", base_url + path, status, headers, body)


def test_xlsx_upload(hr):
    date = "2016-12-31"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Ansatte"
    sheet.append(HR_COLUMNS)
    for row in FIVE:  # numbers as numbers, the way Excel holds them
        sheet.append([row[0], row[1], int(row[2]), int(row[3]), int(row[4]), row[5], row[6], row[7], int(row[8])])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = import_and_wait(hr, "1841", date, buffer.getvalue(), content_type=XLSX_TYPE)
    assert job["state"] == "succeeded", job
    assert job["report"]["records"] == 5
    ind = hr.get_json(f"/api/v1/indicators?municipality=1841&date={date}")["rows"][0]["indicators"]
    assert (ind["positions"], ind["persons"]) == (5, 5)
    assert ind["fte"] == pytest.approx(3.7)
    assert ind["female"]["count"] == 3
    # 31.12.2016: ages 46, 31, 21, 51, 16 → under 25: 2, 50+: 1.
    assert (ind["under_25"]["count"], ind["aged_50_plus"]["count"]) == (2, 1)


def test_octet_stream_upload_is_read_by_content(hr):
    job = import_and_wait(hr, "1841", "2015-12-31", hr_csv(FIVE), content_type="application/octet-stream")
    assert job["state"] == "succeeded", job


def test_job_is_visible_to_its_owner_and_the_administrator_only(hr, clients, anon):
    r = start_import(hr, "1841", "2015-06-30", hr_csv(FIVE))
    assert r.status_code == 202
    job_id = r.json()["job"]["id"]
    wait_for_job(hr, job_id)
    assert clients("admin").get(f"/api/v1/imports/{job_id}").status_code == 200
    for other in ("hr_saltdal", "coordinator", "unit_leader", "employee"):
        assert clients(other).get(f"/api/v1/imports/{job_id}").status_code in (403, 404), other
        assert clients(other).get(f"/api/v1/imports/{job_id}/errors").status_code in (403, 404), other
    assert anon.get(f"/api/v1/imports/{job_id}").status_code == 401


def test_unknown_job_is_not_found(hr):
    r = hr.get("/api/v1/imports/finnes-ikke-123")
    assert r.status_code in (400, 404), r.text  # 400 if ids have a shape this one does not


def test_delete_snapshot_needs_confirmation(hr, clients):
    date = "2014-12-31"
    assert import_and_wait(hr, "1841", date, hr_csv(FIVE))["state"] == "succeeded"
    for query in ("", "?confirm=2014-12-30", "?confirm=31.12.2014"):
        r = hr.delete(f"/api/v1/municipalities/1841/snapshots/{date}{query}")
        assert r.status_code == 400, (query, r.text)
    assert clients("admin").delete(f"/api/v1/municipalities/1841/snapshots/{date}?confirm={date}").status_code == 403
    assert date in _snapshot_dates(hr)
    r = hr.delete(f"/api/v1/municipalities/1841/snapshots/{date}?confirm={date}")
    assert r.status_code == 204, r.text
    assert date not in _snapshot_dates(hr)
    r = hr.delete(f"/api/v1/municipalities/1841/snapshots/{date}?confirm={date}")
    assert r.status_code == 404 and error_code(r) == "snapshot_not_found"


def test_import_needs_a_valid_date(hr):
    for date in ("", "31.12.2013", "2013-02-30", "../../x"):
        r = start_import(hr, "1841", date, hr_csv(FIVE))
        assert r.status_code == 400, (date, r.text)
    r = hr.post("/api/v1/municipalities/1841/imports", data=hr_csv(FIVE), headers={"Content-Type": "text/csv"})
    assert r.status_code == 400


def test_upload_must_be_a_file_type_we_read(hr):
    r = start_import(hr, "1841", "2013-06-30", b'{"ansatte": []}', content_type="application/json")
    assert r.status_code == 415 and error_code(r) == "unsupported_media_type"
    assert "2013-06-30" not in _snapshot_dates(hr)
