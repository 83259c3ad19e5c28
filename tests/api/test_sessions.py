"""Sessions: login and logout, the cookie, token rotation, password change, failed logins and
throttling, CSRF, and disabling a user.

Tests that end sessions or change passwords use their own users (made by the admin through the
API), never the shared demo sessions.
"""

from __future__ import annotations

import re

import pytest

from kompetent_api import (DEMO_PASSWORD, TEST_PASSWORD, Client, Server, error_code, login, parse_set_cookie,
                           run_cli, try_login, unique)


def test_login_returns_the_user_and_a_csrf_token(base_url, api):
    r = try_login(base_url, api, "fauske.hr", DEMO_PASSWORD)
    assert r.status_code == 200
    body = r.json()
    assert body["user"]["username"] == "fauske.hr"
    assert body["user"]["role"] == "hr"
    assert body["user"]["municipality"] == "1841"
    assert len(body["csrf_token"]) >= 16


def test_get_session_gives_the_same_body_as_login(login_as):
    client = login_as("salten.koordinator")
    body = client.get_json("/api/v1/session")
    assert body["user"] == client.user
    assert body["csrf_token"] == client.csrf_token


def test_logout_ends_the_session_on_the_server(login_as):
    client = login_as("fauske.hr")
    assert client.get("/api/v1/session").status_code == 200
    r = client.delete("/api/v1/session")
    assert r.status_code == 204
    # The same cookie (as a copied or stolen one would be) no longer works.
    r = client.get("/api/v1/session")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"
    r = client.get("/api/v1/indicators?municipality=1841")
    assert r.status_code == 401
    r = client.delete("/api/v1/session")
    assert r.status_code == 401


def test_cookie_attributes_on_localhost(base_url, api):
    r = try_login(base_url, api, "fauske.hr", DEMO_PASSWORD)
    cookie = parse_set_cookie(r)
    assert cookie is not None, r.raw.headers.getlist("Set-Cookie")
    # Requests to 127.0.0.1 get the __Host- form: Secure, Path=/, no Domain.
    assert cookie.name == "__Host-kompetent", cookie.raw
    assert "httponly" in cookie.attributes, cookie.raw
    assert cookie.attributes.get("samesite", "").lower() == "strict", cookie.raw
    assert cookie.attributes.get("path") == "/", cookie.raw
    assert "secure" in cookie.attributes, cookie.raw
    assert "domain" not in cookie.attributes, cookie.raw
    assert len(cookie.value) >= 20, "the token must be long enough not to be guessed"


def test_cookie_without_secure_for_another_host(base_url, api):
    """Not TLS and not localhost: the plain `kompetent` cookie without Secure (a browser would
    refuse a Secure cookie over plain HTTP)."""
    r = try_login(base_url, api, "fauske.hr", DEMO_PASSWORD, headers={"Host": "kompetent.fauske.kommune.no"})
    assert r.status_code == 200, r.text
    cookie = parse_set_cookie(r)
    assert cookie is not None and cookie.name == "kompetent", r.raw.headers.getlist("Set-Cookie")
    assert "secure" not in cookie.attributes, cookie.raw
    assert "httponly" in cookie.attributes and cookie.attributes.get("path") == "/", cookie.raw
    assert cookie.attributes.get("samesite", "").lower() == "strict", cookie.raw
    # The cookie works when sent back.
    client = Client(base_url, api, cookie, r.json()["csrf_token"])
    assert client.get("/api/v1/session").status_code == 200


def test_every_login_gets_a_new_token(base_url, api, login_as):
    first = login_as("saltdal.hr")
    second = login_as("saltdal.hr")
    assert first.cookie.value != second.cookie.value
    assert first.csrf_token != second.csrf_token
    # A login that presents an existing cookie still gets a fresh one (no session fixation).
    r = first.post("/api/v1/session", json_body={"username": "saltdal.hr", "password": DEMO_PASSWORD})
    assert r.status_code == 200
    third = parse_set_cookie(r)
    assert third is not None and third.value not in (first.cookie.value, second.cookie.value)
    # Both earlier sessions stay valid: logging in elsewhere does not log anyone out.
    assert second.get("/api/v1/session").status_code == 200


def test_wrong_password_and_unknown_user_get_the_same_answer(base_url, api):
    wrong = try_login(base_url, api, "saltdal.hr", "feil-passord")
    unknown = try_login(base_url, api, unique("finnes.ikke."), "feil-passord")
    assert wrong.status_code == unknown.status_code == 401
    assert error_code(wrong) == error_code(unknown) == "login_failed"
    assert wrong.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert parse_set_cookie(wrong) is None and parse_set_cookie(unknown) is None


def test_password_change_ends_the_other_sessions(base_url, api, make_user):
    username = make_user("hr")
    here = login(base_url, api, username, TEST_PASSWORD)
    elsewhere = login(base_url, api, username, TEST_PASSWORD)
    new_password = "Midnattsol-over-Fauske-2026"
    r = here.put("/api/v1/session/password",
                 json_body={"current_password": TEST_PASSWORD, "new_password": new_password})
    assert r.status_code == 204, r.text
    assert elsewhere.get("/api/v1/session").status_code == 401
    assert here.get("/api/v1/session").status_code == 200  # the session that changed it goes on
    assert try_login(base_url, api, username, TEST_PASSWORD).status_code == 401
    assert try_login(base_url, api, username, new_password).status_code == 200


def test_password_change_needs_the_current_password(base_url, api, make_user):
    username = make_user("hr")
    client = login(base_url, api, username, TEST_PASSWORD)
    r = client.put("/api/v1/session/password",
                   json_body={"current_password": "ikke-mitt-passord", "new_password": "Et-helt-nytt-passord-2026"})
    assert r.status_code in (401, 403, 422), r.text  # the contract names no code; the server says password_wrong
    assert client.get("/api/v1/session").status_code == 200
    assert try_login(base_url, api, username, TEST_PASSWORD).status_code == 200


@pytest.mark.parametrize("new_password,code", [("kort", "password_too_short"), ("x" * 60000, "password_too_long")],
                         ids=["too-short", "too-long"])
def test_password_length_is_checked(base_url, api, make_user, new_password, code):
    username = make_user("hr")
    client = login(base_url, api, username, TEST_PASSWORD)
    r = client.put("/api/v1/session/password",
                   json_body={"current_password": TEST_PASSWORD, "new_password": new_password})
    assert r.status_code == 422 and error_code(r) == code, r.text
    assert try_login(base_url, api, username, TEST_PASSWORD).status_code == 200


def test_five_failures_lock_the_account(base_url, api, make_user, login_as):
    username = make_user("hr")
    for attempt in range(5):
        r = try_login(base_url, api, username, f"feil-{attempt}")
        assert r.status_code == 401 and error_code(r) == "login_failed", f"attempt {attempt + 1}: {r.text}"
    r = try_login(base_url, api, username, "feil-6")
    assert r.status_code == 429 and error_code(r) == "too_many_attempts", r.text
    retry_after = int(r.headers["Retry-After"])
    assert 1 <= retry_after <= 15 * 60
    # Locked means locked: the right password does not get through either.
    r = try_login(base_url, api, username, TEST_PASSWORD)
    assert r.status_code == 429 and "Retry-After" in r.headers
    assert parse_set_cookie(r) is None
    # Other accounts are not affected (the address is far from its limit of 20).
    assert login_as("saltdal.hr").get("/api/v1/session").status_code == 200


def test_twenty_failures_from_one_address_lock_the_address(tmp_path, api):
    """On a server of its own: the address limit would lock every other test out."""
    db = tmp_path / "throttle.db"
    run_cli(["--db", str(db), "user", "add", "bodo.hr", "--role", "hr", "--municipality", "1804"],
            stdin=TEST_PASSWORD + "\n")
    server = Server(db, tmp_path).start()
    try:
        for attempt in range(20):  # distinct accounts, so no account reaches its own limit of 5
            r = try_login(server.base_url, api, f"ukjent.{attempt}", "feil-passord")
            assert r.status_code == 401, f"attempt {attempt + 1}: {r.status_code} {r.text}"
        r = try_login(server.base_url, api, "ukjent.21", "feil-passord")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1, r.text
        r = try_login(server.base_url, api, "bodo.hr", TEST_PASSWORD)
        assert r.status_code == 429, "an address over its limit may not log in at all"
    finally:
        assert server.stop() == 0


@pytest.mark.parametrize("header", [None, "", "feil-token", "other-session"])
def test_csrf_is_required_on_writes(base_url, api, admin, login_as, header):
    username = unique("csrf.")
    headers = {}
    if header == "other-session":
        headers["X-CSRF-Token"] = login_as("fauske.hr").csrf_token
    elif header is not None:
        headers["X-CSRF-Token"] = header
    r = admin.post("/api/v1/users", csrf=False, headers=headers,
                   json_body={"username": username, "password": TEST_PASSWORD, "role": "hr",
                              "display_name": "CSRF-test", "municipality": "1841"})
    assert r.status_code == 403 and error_code(r) == "csrf_failed", r.text
    users = admin.get_json("/api/v1/users")["users"]
    assert username not in [u["username"] for u in users], "a refused request must change nothing"


def test_csrf_protects_logout_password_and_imports(base_url, api, make_user, login_as):
    username = make_user("hr")
    client = login(base_url, api, username, TEST_PASSWORD)
    r = client.delete("/api/v1/session", csrf=False)
    assert r.status_code == 403 and error_code(r) == "csrf_failed"
    assert client.get("/api/v1/session").status_code == 200, "the session must still be there"
    r = client.put("/api/v1/session/password", csrf=False,
                   json_body={"current_password": TEST_PASSWORD, "new_password": "Et-helt-nytt-passord-2026"})
    assert r.status_code == 403 and error_code(r) == "csrf_failed"
    assert try_login(base_url, api, username, TEST_PASSWORD).status_code == 200, "password unchanged"
    hr = login_as("fauske.hr")
    r = hr.post("/api/v1/municipalities/1841/imports?date=2010-12-31", csrf=False,
                data=b"Ansattnummer;Enhet\n", headers={"Content-Type": "text/csv"})
    assert r.status_code == 403 and error_code(r) == "csrf_failed"
    snapshots = hr.get_json("/api/v1/municipalities/1841/snapshots")["snapshots"]
    assert "2010-12-31" not in [s["date"] for s in snapshots]


def test_disable_ends_the_users_sessions(base_url, api, admin, make_user, clients):
    username = make_user("hr")
    client = login(base_url, api, username, TEST_PASSWORD)
    r = clients("hr").post(f"/api/v1/users/{username}/disable")
    assert r.status_code == 403, "only an administrator disables users"
    assert client.get("/api/v1/session").status_code == 200
    r = admin.post(f"/api/v1/users/{username}/disable")
    assert r.status_code == 204, r.text
    r = client.get("/api/v1/session")
    assert r.status_code == 401 and error_code(r) == "unauthenticated"
    r = try_login(base_url, api, username, TEST_PASSWORD)
    assert r.status_code == 401 and error_code(r) == "login_failed"


def test_disable_unknown_user_is_not_found(admin):
    r = admin.post(f"/api/v1/users/{unique('finnes.ikke.')}/disable")
    assert r.status_code == 404


def test_add_user_twice_is_a_conflict(admin):
    body = {"username": unique("dobbel."), "password": TEST_PASSWORD, "role": "coordinator",
            "display_name": "Koordinator Salten", "region": "salten"}
    r = admin.post("/api/v1/users", json_body=body)
    assert r.status_code == 201, r.text
    created = r.json()["user"]
    assert (created["username"], created["role"], created["region"]) == (body["username"], "coordinator", "salten")
    assert TEST_PASSWORD not in r.text
    r = admin.post("/api/v1/users", json_body=body)
    assert r.status_code == 409 and error_code(r) == "user_exists"


def test_new_user_can_log_in_with_the_given_rights(base_url, api, admin):
    username = unique("leder.")
    r = admin.post("/api/v1/users", json_body={
        "username": username, "password": TEST_PASSWORD, "role": "unit_leader", "display_name": "Enhetsleder Nordsia",
        "municipality": "1841", "units": ["1841/HO/SH02"]})
    assert r.status_code == 201, r.text
    leader = login(base_url, api, username, TEST_PASSWORD)
    assert leader.user["units"] == ["1841/HO/SH02"]
    assert leader.get("/api/v1/indicators?municipality=1841&node=1841/HO/SH02").status_code == 200
    assert leader.get("/api/v1/indicators?municipality=1841&node=1841/HO/SH01").status_code == 403


def test_user_list_holds_no_secrets(admin):
    text = admin.get("/api/v1/users").text
    assert DEMO_PASSWORD not in text
    assert not re.search(r"\$argon2", text), "password hashes must never leave the server"
    names = [u["username"] for u in admin.get_json("/api/v1/users")["users"]]
    for name in ("admin", "salten.koordinator", "nordtroms.koordinator", "fauske.hr", "saltdal.hr",
                 "fauske.leder", "fauske.ansatt"):
        assert name in names
