// Errors as the API sends them: a stable code, the message in bokmål and in
// English, and the arguments, with the HTTP status that fits the error.
//
//   {"error": {"code": "snapshot_exists", "message": {"nb": "…", "en": "…"}, "args": {"0": "1841", …}}}
#pragma once

#include <string>
#include <string_view>

#include "api/http/http_message.h"
#include "core/i18n/message_catalogue.h"
#include "core/result.h"

namespace kompetent::api {

// Both catalogues: an API client chooses its language, so errors carry both.
struct Messages {
  MessageCatalogue nb;
  MessageCatalogue en;
};

// The status for an error: by its kind (invalid 400, not_found 404, conflict
// 409, forbidden 403, io 500, internal 500), with the exceptions the contract
// names (database_busy 503, import_refused 422, password policy 422, …).
[[nodiscard]] int status_for(const Error& error);

// The JSON error response for `error`, with `status` (or status_for(error)).
[[nodiscard]] HttpResponse error_response(const Error& error, const Messages& messages, int status = 0);

// Shorthand for errors without arguments: error_response(Error{…code}, …).
[[nodiscard]] HttpResponse error_response(int status, std::string_view code, const Messages& messages);

}  // namespace kompetent::api
