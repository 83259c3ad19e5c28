"""Requests the server must turn away, and turn away without changing anything: bodies too large,
malformed JSON, the wrong content type, path traversal in names and dates, unknown routes and
wrong methods. Each refusal is followed by a read that shows nothing changed.
"""

from __future__ import annotations

import json

import pytest

from kompetent_api import TEST_PASSWORD, error_code, hr_csv, raw_http, unique


def _usernames(admin):
    return {u["username"] for u in admin.get_json("/api/v1/users")["users"]}


def _snapshot_dates(client, municipality="1841"):
    return [s["date"] for s in client.get_json(f"/api/v1/municipalities/{municipality}/snapshots")["snapshots"]]


def _new_user_body(username, **extra):
    body = {"username": username, "password": TEST_PASSWORD, "role": "hr", "display_name": "Test",
            "municipality": "1841"}
    body.update(extra)
    return body


def test_json_body_over_64_kib_is_refused(anon, admin):
    r = anon.post("/api/v1/session", json_body={"username": "admin", "password": "x" * (64 * 1024)})
    assert r.status_code == 413 and error_code(r) == "body_too_large", r.text
    username = unique("stor.")
    r = admin.post("/api/v1/users", json_body=_new_user_body(username, display_name="Ø" * 40000))
    assert r.status_code == 413 and error_code(r) == "body_too_large", r.text
    assert username not in _usernames(admin)


def test_json_body_just_under_the_limit_is_read(anon):
    # JSON may hold whitespace anywhere: a valid login padded to just under 64 KiB.
    body = '{"username": "saltdal.hr", "password": "demo-passord-2025"' + " " * 60000 + "}"
    assert len(body) < 64 * 1024
    r = anon.post("/api/v1/session", data=body.encode(), headers={"Content-Type": "application/json"})
    assert r.status_code == 200, r.text


def test_upload_over_256_mib_is_refused_before_it_is_sent(clients, base_url, api):
    hr = clients("hr")
    path = "/api/v1/municipalities/1841/imports?date=2011-12-31&profile=standard"
    head = (f"POST {path} HTTP/1.1\nHost: 127.0.0.1\nCookie: {hr.cookie.name}={hr.cookie.value}\n"
            f"X-CSRF-Token: {hr.csrf_token}\nContent-Type: text/csv\nContent-Length: {256 * 1024 * 1024 + 1}\n"
            f"Connection: close\n")
    status, headers, body = raw_http(base_url, head, b"Ansattnummer;Enhet\n", timeout=15)
    assert status == 413, body[:300]
    api.check("POST", base_url + path, status, headers, body)
    assert "2011-12-31" not in _snapshot_dates(hr)


@pytest.mark.parametrize("body", [b'{"username": "admin", ', b"{'username': 'admin'}", b"[1, 2",
                                  b'{"username": "\xff\xfe", "password": "x"}', b"null", b""])
def test_malformed_json_is_a_bad_request(anon, body):
    r = anon.post("/api/v1/session", data=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 400, r.text
    assert error_code(r) in ("invalid_json", "bad_request")
    if body.startswith(b'{"username": "admin"'):
        assert error_code(r) == "invalid_json"


def test_malformed_json_changes_nothing(admin):
    username = unique("ødelagt.")
    r = admin.post("/api/v1/users", data=json.dumps(_new_user_body(username))[:-5].encode(),
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and error_code(r) == "invalid_json"
    assert username not in _usernames(admin)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/csv", None])
def test_json_routes_need_the_json_content_type(anon, admin, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    r = anon.post("/api/v1/session", data=json.dumps({"username": "admin", "password": "x"}).encode(),
                  headers=headers)
    assert r.status_code == 415 and error_code(r) == "unsupported_media_type", r.text
    username = unique("typen.")
    r = admin.post("/api/v1/users", data=json.dumps(_new_user_body(username)).encode(), headers=headers)
    assert r.status_code == 415
    assert username not in _usernames(admin)


def test_json_with_charset_is_accepted(anon):
    r = anon.post("/api/v1/session", data=json.dumps({"username": "saltdal.hr", "password": "demo-passord-2025"}).encode(),
                  headers={"Content-Type": "application/json; charset=utf-8"})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("path", [
    "/api/v1/municipalities/..%2F..%2Fetc/tree",
    "/api/v1/municipalities/..%2F..%2Fetc%2Fpasswd/snapshots",
    "/api/v1/municipalities/%2E%2E/tree",
    "/api/v1/municipalities/1841%00/tree",
    "/api/v1/imports/..%2F..%2Fetc%2Fpasswd",
    "/api/v1/indicators?municipality=..%2F..%2Fetc",
    "/api/v1/indicators?region=../../etc/passwd",
    "/api/v1/indicators?municipality=1841&node=1841/../../etc",
    "/api/v1/indicators?municipality=1841&date=../../x",
    "/api/v1/indicators?municipality=1841&compare=../../x",
    "/api/v1/municipalities/1841/positions?date=../../x",
])
def test_path_traversal_in_names_is_refused(admin, clients, path):
    client = clients("hr") if "positions" in path else admin
    r = client.get(path)
    assert 400 <= r.status_code < 500, f"{path}: {r.status_code}"
    assert "root:" not in r.text


@pytest.mark.parametrize("path", ["/api/v1/municipalities/1841/../../../../etc/passwd",
                                  "/api/v1/../../etc/passwd"])
def test_literal_dot_segments_are_refused(admin, base_url, api, path):
    head = f"GET {path} HTTP/1.1\nHost: 127.0.0.1\nCookie: {admin.cookie.name}={admin.cookie.value}\nConnection: close\n"
    status, headers, body = raw_http(base_url, head)
    assert 400 <= status < 500, status
    assert b"root:" not in body


def test_path_traversal_in_writes_changes_nothing(clients):
    hr = clients("hr")
    before = _snapshot_dates(hr)
    r = hr.post("/api/v1/municipalities/1841/imports?date=../../x", data=hr_csv([]),
                headers={"Content-Type": "text/csv"})
    assert r.status_code == 400
    r = hr.post("/api/v1/municipalities/..%2F1841/imports?date=2012-06-30", data=hr_csv([]),
                headers={"Content-Type": "text/csv"})
    assert 400 <= r.status_code < 500
    r = hr.delete("/api/v1/municipalities/1841/snapshots/..%2F2025-12-31?confirm=..%2F2025-12-31")
    assert 400 <= r.status_code < 500
    r = hr.delete("/api/v1/municipalities/1841/snapshots/2025-12-31?confirm=../2025-12-31")
    assert r.status_code == 400
    assert _snapshot_dates(hr) == before
    assert "2025-12-31" in before


@pytest.mark.parametrize("path", ["/api/v1/finnes-ikke", "/api/v1/municipalities/1841/finnes-ikke",
                                  "/api/v1/health/ekstra", "/api/v1/", "/api/v1/indicators/pdf"])
def test_unknown_route_is_not_found(admin, path):
    r = admin.get(path)
    assert r.status_code == 404 and error_code(r) == "not_found", r.text


@pytest.mark.parametrize("method,path", [
    ("PUT", "/api/v1/health"), ("POST", "/api/v1/health"), ("DELETE", "/api/v1/regions"),
    ("POST", "/api/v1/indicators"), ("PATCH", "/api/v1/session"), ("GET", "/api/v1/session/password"),
    ("DELETE", "/api/v1/users"), ("GET", "/api/v1/users/fauske.hr/disable"), ("PUT", "/api/v1/municipalities/1841/tree"),
    ("GET", "/api/v1/municipalities/1841/imports"), ("DELETE", "/api/v1/imports/1"),
])
def test_wrong_method_is_not_allowed(admin, method, path):
    r = admin.request(method, path, json_body={} if method in ("POST", "PUT", "PATCH") else None)
    assert r.status_code == 405 and error_code(r) == "method_not_allowed", r.text


def test_wrong_method_changes_nothing(admin, clients):
    assert admin.request("DELETE", "/api/v1/users").status_code == 405
    assert "fauske.hr" in _usernames(admin)
    assert clients("hr").get("/api/v1/session").status_code == 200
    assert admin.request("PUT", "/api/v1/municipalities/1841/tree", json_body={"sectors": []}).status_code == 405
    tree = admin.get_json("/api/v1/municipalities/1841/tree")
    assert any(s["code"] == "HO" for s in tree["sectors"])


# An unknown grouping or category gets its own code, naming the value, so the
# message can list what is allowed.
@pytest.mark.parametrize("query,name", [
    ("region=salten&by=fylke", ("unknown_dimension", "dimension", "fylke")),
    ("region=salten&format=pdf", None),
    ("municipality=1841&category=astronaut", ("unknown_category", "category", "astronaut")),
    ("municipality=1841&date=31.12.2025", None),
    ("municipality=1841&date=2025-13-01", None),
    ("", None),
    ("municipality=1841&region=salten", None),
])
def test_bad_indicator_parameters(admin, query, name):
    r = admin.get(f"/api/v1/indicators?{query}")
    if query == "region=salten&format=pdf":
        # An unknown parameter of the JSON route: ignoring it or refusing it are both fine.
        assert r.status_code in (200, 400)
        return
    assert r.status_code == 400, (query, r.status_code, r.text)
    if name:
        code, arg, value = name
        assert error_code(r) == code and r.json()["error"]["args"][arg] == value
    if "date=" in query:
        assert error_code(r) in ("invalid_date", "invalid_parameter")


@pytest.mark.parametrize("query", ["municipality=9999", "region=vesteralen", "municipality=1841&node=1841/XX"])
def test_unknown_scope_is_not_found(admin, query):
    r = admin.get(f"/api/v1/indicators?{query}")
    assert r.status_code in (400, 404), r.text
