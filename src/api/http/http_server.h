// The HTTP/1.1 server: Boost.Beast over Asio, the one file that knows them.
// Connections are read on a few I/O threads; each request is handled on a
// worker pool, so a handler that waits (for the database's write lock, for
// Argon2id) never holds up other connections. Keep-alive, TCP_NODELAY, limits
// on header and body size, timeouts, uploads streamed to a file, graceful
// shutdown on SIGTERM/SIGINT, and one structured access-log line per request.
//
//   HttpServer server(handler, options);
//   auto port = server.listen();        // binds; port 0 picks a free one
//   server.run();                        // until stop() or SIGTERM
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "api/http/http_message.h"
#include "core/result.h"

namespace kompetent::api {

enum class BodyMode {
  small,    // read into HttpRequest::body, up to ServerOptions::small_body_limit
  to_file,  // streamed to a file in upload_dir, up to upload_limit (HttpRequest::body_file)
};

// What the server asks of the application. Called on worker threads, concurrently.
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  // How to read the body, decided from the head alone (method and path).
  [[nodiscard]] virtual BodyMode body_mode(const HttpRequest& head) const = 0;
  // For to_file bodies: checks made before the body is read (session, access,
  // conflicts). A response refuses the request without reading its body.
  [[nodiscard]] virtual std::optional<HttpResponse> admit(const HttpRequest& head) = 0;
  [[nodiscard]] virtual HttpResponse handle(HttpRequest& request) = 0;
  // The response for a request the server refused itself: 400 bad_request
  // (malformed), 413 body_too_large, 431 header_too_large, 503 busy (stopping).
  [[nodiscard]] virtual HttpResponse refusal(int status, std::string_view code) = 0;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 2;
  int worker_threads = 8;
  std::uint32_t header_limit = 16 * 1024;
  std::uint64_t small_body_limit = 64 * 1024;
  std::uint64_t upload_limit = 256ull * 1024 * 1024;
  std::chrono::seconds read_timeout{30};     // head and small bodies; also keep-alive idle time
  std::chrono::seconds upload_timeout{900};  // a whole upload
  std::chrono::seconds shutdown_grace{10};   // finishing requests in flight on SIGTERM
  std::filesystem::path upload_dir;          // where streamed bodies go (created if missing)
  // Believe X-Forwarded-For / X-Forwarded-Proto (only behind our own reverse proxy).
  bool trust_proxy = false;
  std::ostream* access_log = nullptr;        // one JSON line per request; none if null
  bool handle_signals = true;                // stop on SIGTERM/SIGINT
};

class HttpServer {
 public:
  HttpServer(RequestHandler& handler, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. io "listen_failed" {address, reason}. Returns the port.
  [[nodiscard]] Result<std::uint16_t> listen();
  // Serves until stop() or a signal; then stops accepting, lets requests in
  // flight finish (up to shutdown_grace) and returns.
  void run();
  // Thread-safe; may be called from a handler or another thread.
  void stop();

  struct Impl;  // defined in http_server.cpp: keeps Beast out of this header

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kompetent::api
