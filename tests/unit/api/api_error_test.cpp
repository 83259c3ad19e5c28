// What a client gets when something fails: the HTTP status the contract
// names for each error (docs/openapi.yaml, "Errors"), and a body with the
// code, the message in both languages and named arguments.
#include "api/api_error.h"

#include <gtest/gtest.h>

#include <string>

namespace kompetent::api {
namespace {

TEST(StatusFor, ByKind) {
  struct Case {
    ErrorKind kind;
    int status;
  };
  const Case cases[] = {
      {ErrorKind::invalid, 400},   {ErrorKind::not_found, 404}, {ErrorKind::conflict, 409},
      {ErrorKind::forbidden, 403}, {ErrorKind::io, 500},        {ErrorKind::internal, 500},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(status_for(Error{c.kind, "some_code", {}}), c.status) << static_cast<int>(c.kind);
  }
}

TEST(StatusFor, CodesTheContractGivesTheirOwnStatus) {
  struct Case {
    Error error;
    int status;
  };
  const Case cases[] = {
      {Error::io("database_busy"), 503},
      {Error::io("busy"), 503},
      {Error::invalid("unauthenticated"), 401},
      {Error::invalid("login_failed"), 401},
      {Error::invalid("session_expired"), 401},
      {Error{ErrorKind::forbidden, "password_wrong", {}}, 403},
      {Error::invalid("password_wrong"), 403},  // the code decides, whatever the kind
      {Error::invalid("import_refused"), 422},
      {Error::invalid("password_too_short", {"12"}), 422},
      {Error::invalid("password_too_long", {"128"}), 422},
      {Error::invalid("too_many_attempts", {"60"}), 429},
      {Error::internal("busy"), 503},
      // Codes without an exception go by kind.
      {Error::conflict("snapshot_exists", {"1841", "2024-12-31"}), 409},
      {Error::not_found("snapshot_not_found"), 404},
      {Error::invalid("invalid_parameter", {"by"}), 400},
      {Error::io("disk_full"), 500},
  };
  for (const Case& c : cases) EXPECT_EQ(status_for(c.error), c.status) << c.error.code;
}

// Two small catalogues, so every expected message is written out here.
Messages messages() {
  return Messages{
      MessageCatalogue(
          "nb", {{"error.invalid_parameter", "Ugyldig parameter: {0}"},
                 {"error.snapshot_exists", "Kommune {0} har allerede en kartlegging per {1}"},
                 {"error.unexpected", "Uventet feil ({0})"}}),
      MessageCatalogue(
          "en", {{"error.invalid_parameter", "Invalid parameter: {0}"},
                 {"error.snapshot_exists", "Municipality {0} already has a snapshot for {1}"},
                 {"error.unexpected", "Unexpected error ({0})"}}),
  };
}

TEST(ErrorResponse, BothLanguagesAndNamedArguments) {
  const HttpResponse response =
      error_response(Error::invalid("invalid_parameter", {"by"}), messages());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(response.body,
            R"j({"error":{"code":"invalid_parameter",)j"
            R"j("message":{"nb":"Ugyldig parameter: by","en":"Invalid parameter: by"},)j"
            R"j("args":{"name":"by"}}})j");
  EXPECT_EQ(response.headers.count("Retry-After"), 0u);
}

TEST(ErrorResponse, SeveralNamedArguments) {
  const HttpResponse response =
      error_response(Error::conflict("snapshot_exists", {"1841", "2024-12-31"}), messages());
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.body,
            R"j({"error":{"code":"snapshot_exists",)j"
            R"j("message":{"nb":"Kommune 1841 har allerede en kartlegging per 2024-12-31",)j"
            R"j("en":"Municipality 1841 already has a snapshot for 2024-12-31"},)j"
            R"j("args":{"municipality":"1841","date":"2024-12-31"}}})j");
}

TEST(ErrorResponse, UnnamedArgumentsKeepTheirPositionAndUnknownCodesStillSaySomething) {
  // No message for the code: the "unexpected" message names it. No names for
  // its arguments: "0", "1".
  const HttpResponse response = error_response(Error::invalid("odd_code", {"x", "y"}), messages());
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body,
            R"j({"error":{"code":"odd_code",)j"
            R"j("message":{"nb":"Uventet feil (odd_code)","en":"Unexpected error (odd_code)"},)j"
            R"j("args":{"0":"x","1":"y"}}})j");
}

TEST(ErrorResponse, ArgumentsBeyondTheNamedOnesKeepTheirPosition) {
  const HttpResponse response =
      error_response(Error::invalid("invalid_parameter", {"by", "extra"}), messages());
  EXPECT_NE(response.body.find(R"j("args":{"name":"by","1":"extra"})j"), std::string::npos)
      << response.body;
}

TEST(ErrorResponse, StatusGivenOrDerived) {
  EXPECT_EQ(error_response(Error::invalid("invalid_parameter", {"by"}), messages(), 422).status,
            422);
  EXPECT_EQ(error_response(Error::invalid("import_refused"), messages()).status, 422);

  const HttpResponse not_found = error_response(404, "not_found", messages());
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(not_found.body,
            R"j({"error":{"code":"not_found",)j"
            R"j("message":{"nb":"Uventet feil (not_found)","en":"Unexpected error (not_found)"},)j"
            R"j("args":{}}})j");
  EXPECT_EQ(error_response(405, "method_not_allowed", messages()).status, 405);
  EXPECT_EQ(error_response(415, "unsupported_media_type", messages()).status, 415);
}

TEST(ErrorResponse, BusyAndThrottledSayWhenToRetry) {
  const HttpResponse busy = error_response(Error::io("database_busy"), messages());
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.headers.at("retry-after"), "2");
  const HttpResponse throttled = error_response(429, "too_many_attempts", messages());
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.headers.count("Retry-After"), 1u);
  EXPECT_EQ(error_response(Error::io("disk_full"), messages()).headers.count("Retry-After"), 0u);
}

}  // namespace
}  // namespace kompetent::api
