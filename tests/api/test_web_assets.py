"""Serving the built web app (`serve --web-dir`): files with their types and cache headers, the
strict CSP on index.html, index.html for the app's client routes, HEAD, traversal and symlinks out
of the directory refused, JSON 404s under /api, and the landing page when there is no app.

The app here is a hand-made directory in pytest's tmp dir, not web/dist, so the expected bytes are
known and the tests do not depend on a web build.
"""

from __future__ import annotations

import pytest
import requests

from kompetent_api import Client, Server, error_code, raw_http, run_cli

INDEX = b"<!doctype html><html><head><title>kompetent-test-app</title></head><body><div id=root></div></body></html>"
SECRET = b"root:x:0:0:not-for-the-web"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
YEAR = "public, max-age=31536000, immutable"

# file under the app directory → (content, expected media type)
FILES = {
    "assets/index-abc123.js": (b"console.log('app')", "text/javascript"),
    "assets/index-abc123.css": (b"body{margin:0}", "text/css"),
    "assets/logo-abc123.svg": (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
    "assets/logo-abc123.png": (b"\x89PNG\r\n\x1a\n0000", "image/png"),
    "assets/font-abc123.woff2": (b"wOF2\x00\x01", "font/woff2"),
    "assets/index-abc123.js.map": (b'{"version":3}', "application/json"),
    "assets/data-abc123.json": (b'{"a":1}', "application/json"),
    "favicon.ico": (b"\x00\x00\x01\x00", "image/x-icon"),
    "robots.txt": (b"User-agent: *\n", "text/plain"),
    "index.html": (INDEX, "text/html"),
}


def _media(response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip()


@pytest.fixture(scope="module")
def web_dir(tmp_path_factory):
    base = tmp_path_factory.mktemp("web")
    app = base / "dist"
    (app / "assets").mkdir(parents=True)
    for name, (content, _) in FILES.items():
        (app / name).write_bytes(content)
    (app / ".env").write_bytes(SECRET)
    (base / "secret.txt").write_bytes(SECRET)
    (base / "dist-other").mkdir()
    (base / "dist-other" / "x.js").write_bytes(SECRET)
    (app / "assets" / "escape.txt").symlink_to(base / "secret.txt")
    (app / "other").symlink_to(base / "dist-other", target_is_directory=True)
    return app


@pytest.fixture(scope="module")
def web(demo_db, web_dir, tmp_path_factory):
    srv = Server(demo_db, tmp_path_factory.mktemp("serve-web"), extra=["--web-dir", str(web_dir)]).start()
    yield srv
    assert srv.stop() == 0


@pytest.fixture(scope="module")
def browser(web):
    session = requests.Session()
    session.trust_env = False
    yield lambda method, path, **kw: session.request(method, web.base_url + path, allow_redirects=False,
                                                     timeout=30, **kw)
    session.close()


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_file_comes_with_its_content_type(browser, name):
    content, media = FILES[name]
    r = browser("GET", "/" + name)
    assert r.status_code == 200, r.text[:200]
    assert r.content == content
    assert _media(r) == media
    assert r.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name", ["assets/index-abc123.js", "assets/index-abc123.css", "assets/logo-abc123.svg"])
def test_hashed_assets_are_cached_for_a_year(browser, name):
    assert browser("GET", "/" + name).headers["Cache-Control"] == YEAR


@pytest.mark.parametrize("path", ["/", "/index.html", "/favicon.ico", "/oversikt"])
def test_unhashed_files_are_asked_for_again(browser, path):
    assert browser("GET", path).headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/", "/index.html", "/oversikt"])
def test_index_html_has_the_strict_policy(browser, path):
    r = browser("GET", path)
    assert r.content == INDEX
    assert r.headers["Content-Security-Policy"] == CSP
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/oversikt", "/oversikt?kommune=1841&node=1841/HO", "/logg-inn?neste=%2Fimport",
                                  "/sammenligning", "/region", "/meg", "/import", "/oversikt/finnes/ikke",
                                  "/v1/health", "/apix", "/setup/ekstra"])
def test_client_routes_get_index_html(browser, path):
    r = browser("GET", path)
    assert r.status_code == 200
    assert r.content == INDEX
    assert _media(r) == "text/html"


def test_setup_pages_keep_their_own_routes(browser):
    page = browser("GET", "/setup")
    assert page.status_code == 200 and b"administrator" in page.content and page.content != INDEX
    script = browser("GET", "/setup.js")
    assert script.status_code == 200 and _media(script) == "text/javascript" and script.content != FILES[
        "assets/index-abc123.js"][0]


def test_a_missing_asset_is_404_not_the_app(browser):
    r = browser("GET", "/assets/index-gone99.js")
    assert r.status_code == 404 and error_code(r) == "not_found"
    assert INDEX not in r.content


def test_head_gives_the_headers_of_get_and_no_body(browser):
    content, media = FILES["assets/index-abc123.js"]
    r = browser("HEAD", "/assets/index-abc123.js")
    assert r.status_code == 200
    assert r.content == b""
    assert int(r.headers["Content-Length"]) == len(content)
    assert _media(r) == media and r.headers["Cache-Control"] == YEAR
    index = browser("HEAD", "/oversikt")
    assert index.status_code == 200 and index.content == b""
    assert int(index.headers["Content-Length"]) == len(INDEX)
    assert index.headers["Content-Security-Policy"] == CSP
    # The connection is still usable: no stray body was sent after the headers.
    assert browser("GET", "/robots.txt").content == FILES["robots.txt"][0]


@pytest.mark.parametrize("path", ["/assets/../../etc/passwd", "/assets/../../../../../../etc/passwd",
                                  "/assets/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/secret.txt", "/assets/./escape.txt",
                                  "/assets/..%00/x"])
def test_dot_segments_are_refused(web, path):
    # raw: requests would tidy the dots away before sending.
    status, _, body = raw_http(web.base_url, f"GET {path} HTTP/1.1\nHost: localhost\nConnection: close\n")
    assert status == 400, (path, status)
    assert SECRET not in body and b"root:" not in body


@pytest.mark.parametrize("path", ["/assets/escape.txt", "/other/x.js", "/.env", "/assets/..%2F..%2Fsecret.txt",
                                  "/assets/..%5C..%5Csecret.txt", "/..%2Fsecret.txt"])
def test_nothing_outside_the_directory_or_hidden_is_served(browser, path):
    r = browser("GET", path)
    assert r.status_code == 404 and error_code(r) == "not_found", (path, r.status_code)
    assert SECRET not in r.content


@pytest.mark.parametrize("path", ["/api/v1/finnes-ikke", "/api/oversikt", "/api", "/api/v1/assets/index-abc123.js"])
def test_unknown_api_paths_stay_json_404(web, api, path):
    r = Client(web.base_url, api).get(path)  # also checked against the contract (404 + error body)
    assert r.status_code == 404 and error_code(r) == "not_found"
    assert _media(r) == "application/json"


def test_other_methods_on_pages_are_not_allowed(browser):
    r = browser("POST", "/oversikt", data=b"x")
    assert r.status_code == 405 and error_code(r) == "method_not_allowed"
    assert r.headers["Allow"] == "GET"


def test_the_api_still_answers_beside_the_app(web, api):
    assert Client(web.base_url, api).get_json("/api/v1/health")


def test_the_served_directory_is_named_at_start(web, web_dir):
    assert any(str(web_dir.resolve()) in line for line in web.stdout_lines), web.stdout_lines


def test_without_an_app_slash_is_the_landing_page(demo_db, tmp_path):
    srv = Server(demo_db, tmp_path, extra=["--web-dir", "none"]).start()
    try:
        session = requests.Session()
        session.trust_env = False
        r = session.get(srv.base_url + "/", timeout=30)
        assert r.status_code == 200 and _media(r) == "text/html"
        assert b"/api/v1" in r.content and b"make run" in r.content
        head = session.head(srv.base_url + "/", timeout=30)
        assert head.status_code == 200 and head.content == b""
        assert int(head.headers["Content-Length"]) == len(r.content)
        # No app, so no client routes either.
        missing = session.get(srv.base_url + "/oversikt", timeout=30)
        assert missing.status_code == 404 and error_code(missing) == "not_found"
        assert any("make run" in line for line in srv.stdout_lines), srv.stdout_lines
    finally:
        assert srv.stop() == 0


def test_web_dist_in_the_current_directory_is_found(demo_db, tmp_path):
    app = tmp_path / "web" / "dist"
    app.mkdir(parents=True)
    (app / "index.html").write_bytes(INDEX.replace(b"kompetent-test-app", b"found-in-cwd"))
    srv = Server(demo_db, tmp_path, cwd=tmp_path).start()
    try:
        session = requests.Session()
        session.trust_env = False
        assert b"found-in-cwd" in session.get(srv.base_url + "/logg-inn", timeout=30).content
    finally:
        assert srv.stop() == 0


def test_a_web_dir_without_index_html_is_refused(demo_db, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli(["serve", "--db", str(demo_db), "--port", "0", "--web-dir", str(tmp_path / "empty")],
                     check=False, timeout=60)
    assert result.returncode != 0
    assert "index.html" in result.stderr, result.stderr
