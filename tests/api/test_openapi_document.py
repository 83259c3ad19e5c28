"""docs/openapi.yaml itself (no server needed): every route of the contract is there, every
schema is a valid JSON Schema 2020-12, every `$ref` resolves, every example matches its schema,
and the error answers every route needs are documented.
"""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from kompetent_api import OpenApi

CONTRACT_ROUTES = {
    ("get", "/health"), ("post", "/setup"), ("post", "/session"), ("get", "/session"), ("delete", "/session"),
    ("put", "/session/password"), ("get", "/users"), ("post", "/users"), ("post", "/users/{username}/disable"),
    ("get", "/audit"), ("get", "/regions"), ("get", "/municipalities"), ("get", "/categories"),
    ("get", "/municipalities/{number}/tree"), ("get", "/municipalities/{number}/snapshots"),
    ("delete", "/municipalities/{number}/snapshots/{date}"), ("get", "/municipalities/{number}/positions"),
    ("get", "/me/positions"), ("get", "/indicators"), ("get", "/indicators/export"),
    ("post", "/municipalities/{number}/imports"), ("get", "/imports/{id}"), ("get", "/imports/{id}/errors"),
    ("get", "/forecast"), ("get", "/forecast/export"), ("get", "/forecast/levers"), ("get", "/forecast/scenarios"),
    ("post", "/forecast/scenarios"), ("put", "/forecast/scenarios/{id}"), ("delete", "/forecast/scenarios/{id}"),
}
PUBLIC = {("get", "/health"), ("post", "/setup"), ("post", "/session")}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

spec = OpenApi()


def _operations():
    for path, item in spec.doc["paths"].items():
        for method in METHODS:
            if method in item:
                yield method, path, item[method]


def _walk(node, trail=()):
    if isinstance(node, dict):
        yield trail, node
        for key, value in node.items():
            yield from _walk(value, trail + (str(key),))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, trail + (str(i),))


def test_every_contract_route_and_no_other():
    assert spec.doc["openapi"].startswith("3.1")
    assert {(m, p) for m, p, _ in _operations()} == CONTRACT_ROUTES


def test_every_ref_resolves():
    for trail, node in _walk(spec.doc):
        if "$ref" in node and isinstance(node["$ref"], str):
            assert spec.resolve(node) is not None, "/".join(trail)


@pytest.mark.parametrize("name", sorted(spec.doc["components"]["schemas"]))
def test_schema_is_valid_json_schema(name):
    Draft202012Validator.check_schema(spec.doc["components"]["schemas"][name])


def test_examples_match_their_schemas():
    checked = 0
    for method, path, operation in _operations():
        media_sets = []
        if "requestBody" in operation:
            media_sets.append(("request", operation["requestBody"]["content"]))
        for status, response in operation["responses"].items():
            media_sets.append((status, spec.resolve(response).get("content") or {}))
        for where, content in media_sets:
            for media, item in content.items():
                examples = []
                if "example" in item:
                    examples.append(item["example"])
                for example in (item.get("examples") or {}).values():
                    examples.append(spec.resolve(example)["value"])
                for example in examples:
                    problems = spec.validate(example, item.get("schema", {}))
                    assert not problems, f"{method.upper()} {path} {where} {media}: {problems}"
                    checked += 1
    assert checked >= 15


def test_error_answers_are_documented():
    for method, path, operation in _operations():
        responses = operation["responses"]
        where = f"{method.upper()} {path}"
        if (method, path) not in PUBLIC:
            assert "401" in responses, where
        if method in ("post", "put", "patch", "delete") and (method, path) not in PUBLIC:
            assert "403" in responses, f"{where}: csrf_failed needs a 403"
        if "requestBody" in operation and "json" in " ".join(operation["requestBody"]["content"]):
            for status in ("400", "413", "415"):
                assert status in responses, f"{where}: {status}"
        for status, response in responses.items():
            if status.startswith(("4", "5")):
                schema = spec.resolve(response)["content"]["application/json"]["schema"]
                assert schema["$ref"].endswith("Error"), f"{where} {status}"
        assert not any(s.startswith("5") and s != "503" for s in responses), f"{where}: 5xx other than 503"


def test_error_schema_accepts_the_contract_shape_and_rejects_others():
    good = {"error": {"code": "forbidden", "message": {"nb": "Ingen tilgang.", "en": "No access."}, "args": {}}}
    assert spec.validate(good, spec.schema("ForbiddenError")) == []
    assert spec.validate(good, spec.schema("NotFoundError")) != []  # wrong code for a 404
    assert spec.validate({"error": "forbidden"}, spec.schema("Error")) != []
    no_name = {"error": {"code": "invalid_parameter", "message": {"nb": "x", "en": "x"}, "args": {}}}
    assert spec.validate(no_name, spec.schema("BadRequestError")) != []
    assert spec.validate({**good, "detail": 1}, spec.schema("Error")) != []


def test_indicator_row_schema_catches_a_shown_suppressed_row():
    row = {"key": {"municipality": "1836", "sector": None, "unit": None, "category": None}, "label": "Rødøy",
           "suppressed": True, "indicators": {"persons": 4}}
    assert spec.validate(row, spec.schema("IndicatorRow")) != []
    row["indicators"] = None
    assert spec.validate(row, spec.schema("IndicatorRow")) == []


def test_path_matching():
    assert spec.match("/municipalities/1841/tree") == "/municipalities/{number}/tree"
    assert spec.match("/session/password") == "/session/password"
    assert spec.match("/indicators/export") == "/indicators/export"
    assert spec.match("/municipalities/..%2F..%2Fetc/tree") == "/municipalities/{number}/tree"
    assert spec.match("/municipalities/1841") is None
    assert spec.match("/") is None


def _error(code):
    return json.dumps({"error": {"code": code, "message": {"nb": "Feil.", "en": "Error."}, "args": {}}}).encode()


JSON = {"Content-Type": "application/json; charset=utf-8"}


def test_response_check_accepts_what_the_contract_allows():
    spec.check("GET", "http://h/api/v1/health", 200, JSON, b'{"status": "ok"}')
    spec.check("DELETE", "http://h/api/v1/session", 204, {}, b"")
    spec.check("GET", "http://h/api/v1/finnes-ikke", 404, JSON, _error("not_found"))
    spec.check("PATCH", "http://h/api/v1/session", 405, JSON, _error("method_not_allowed"))
    spec.check("POST", "http://h/api/v1/session", 429, {**JSON, "Retry-After": "60"}, _error("too_many_attempts"))
    spec.check("GET", "http://h/index.html", 200, {"Content-Type": "text/html"}, b"<html>")  # not the API


@pytest.mark.parametrize("method,url,status,headers,body", [
    ("GET", "/api/v1/health", 500, JSON, _error("internal")),                    # status not documented
    ("GET", "/api/v1/health", 200, JSON, b'{"status": "ok", "extra": 1}'),        # closed object
    ("GET", "/api/v1/health", 200, {"Content-Type": "text/plain"}, b"ok"),        # wrong media type
    ("DELETE", "/api/v1/session", 204, {}, b"{}"),                                # 204 has no body
    ("GET", "/api/v1/finnes-ikke", 200, JSON, b"{}"),                             # unknown route must be 404
    ("PATCH", "/api/v1/session", 404, JSON, _error("not_found")),                 # known route, wrong method: 405
    ("POST", "/api/v1/session", 429, JSON, _error("too_many_attempts")),          # Retry-After missing
    ("GET", "/api/v1/session", 401, JSON, _error("forbidden")),                   # code of another status
    ("GET", "/api/v1/regions", 200, JSON, b"not json"),
])
def test_response_check_refuses_what_the_contract_does_not_allow(method, url, status, headers, body):
    with pytest.raises(AssertionError):
        spec.check(method, "http://h" + url, status, headers, body)
