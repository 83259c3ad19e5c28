"""The server process and first-time setup: `serve --port 0 --port-file`, the ready line, SIGTERM,
and the single-use setup link a fresh database prints.
"""

from __future__ import annotations

import socket
from urllib.parse import parse_qs, urlsplit

from kompetent_api import Client, OpenApi, Server, error_code, login


def test_ready_line_port_file_and_graceful_stop(tmp_path):
    server = Server(tmp_path / "fresh.db", tmp_path).start()
    try:
        assert server.ready_line().rstrip("/") in (f"http://127.0.0.1:{server.port}", f"http://localhost:{server.port}")
        assert Client(server.base_url, OpenApi()).get_json("/api/v1/health") == {"status": "ok"}
    finally:
        code = server.stop()
    assert code == 0
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", server.port)) != 0, "still listening after SIGTERM"


def test_health_is_public(anon):
    assert anon.get_json("/api/v1/health") == {"status": "ok"}


def test_setup_link_creates_the_first_administrator_once(tmp_path):
    api = OpenApi()
    server = Server(tmp_path / "empty.db", tmp_path).start()
    try:
        link = server.setup_link()
        assert link, f"a fresh database must print the setup link; stdout: {server.stdout_lines}"
        assert urlsplit(link).port == server.port
        token = parse_qs(urlsplit(link).query)["token"][0]
        assert len(token) >= 16
        anon = Client(server.base_url, api)
        body = {"token": token, "username": "kari.admin", "password": "Nordlys-over-Saltfjellet-2025",
                "display_name": "Kari Nordmann"}

        r = anon.post("/api/v1/setup", json_body={**body, "token": token[:-2] + "xx"})
        assert r.status_code == 400 and error_code(r) == "setup_token_invalid", r.text
        r = anon.post("/api/v1/setup", json_body={**body, "password": "kort"})
        assert r.status_code in (400, 422), r.text  # a bad password does not use up the token

        r = anon.post("/api/v1/setup", json_body=body)
        assert r.status_code == 201, r.text
        assert r.json()["user"]["username"] == "kari.admin"
        assert r.json()["user"]["role"] == "administrator"

        r = anon.post("/api/v1/setup", json_body={**body, "username": "ola.admin"})
        assert r.status_code == 409 and error_code(r) == "setup_done", r.text

        admin = login(server.base_url, api, "kari.admin", body["password"])
        assert admin.user["role"] == "administrator"
        assert [u["username"] for u in admin.get_json("/api/v1/users")["users"]] == ["kari.admin"]
    finally:
        code = server.stop()
    assert code == 0


def test_setup_is_done_on_the_demo_database(anon):
    r = anon.post("/api/v1/setup", json_body={"token": "x" * 24, "username": "inntrenger",
                                              "password": "Nordlys-over-Saltfjellet-2025", "display_name": "X"})
    assert r.status_code in (400, 409), r.text
    assert error_code(r) in ("setup_done", "setup_token_invalid")
