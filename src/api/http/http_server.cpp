#include "api/http/http_server.h"

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <limits>
#include <thread>
#include <unistd.h>
#include <vector>

#include "core/clock.h"

namespace kompetent::api {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct HttpServer::Impl {
  Impl(RequestHandler& h, ServerOptions o)
      : handler(h),
        options(std::move(o)),
        io(options.io_threads),
        acceptor(net::make_strand(io)),
        workers(static_cast<std::size_t>(options.worker_threads)),
        signals(io) {}

  RequestHandler& handler;
  ServerOptions options;
  net::io_context io;
  tcp::acceptor acceptor;
  net::thread_pool workers;
  net::signal_set signals;
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> uploads{0};
  std::mutex in_flight_mutex;
  std::condition_variable in_flight_done;
  int in_flight = 0;
  std::mutex log_mutex;
  std::thread stopper;  // waits for requests in flight, then ends the I/O loop; joined by run()

  void accept();
  void begin_stop();
  void request_started() {
    std::lock_guard lock(in_flight_mutex);
    ++in_flight;
  }
  void request_finished() {
    std::lock_guard lock(in_flight_mutex);
    if (--in_flight == 0) in_flight_done.notify_all();
  }
  void log(const HttpRequest& request, const HttpResponse& response, std::uint64_t bytes,
           std::chrono::steady_clock::duration took) {
    if (!options.access_log) return;
    nlohmann::ordered_json line;
    line["time"] = to_iso_utc(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
    line["remote"] = request.remote_address;
    line["method"] = request.method;
    // The path only: query strings and bodies stay out of the log.
    line["path"] = request.path.empty() ? std::string("-") : request.path;
    line["status"] = response.status;
    line["bytes"] = bytes;
    line["ms"] = std::chrono::duration<double, std::milli>(took).count();
    line["user"] = response.log_user.empty() ? std::string("-") : response.log_user;
    const std::string text = line.dump() + '\n';
    std::lock_guard lock(log_mutex);
    *options.access_log << text << std::flush;
  }
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    const auto peer = stream_.socket().remote_endpoint(ec);
    peer_address_ = ec ? std::string("-") : peer.address().to_string();
  }

  void start() { read_head(); }

 private:
  const ServerOptions& options() const { return server_.options; }

  void read_head() {
    request_ = HttpRequest{};
    head_parser_.emplace();
    head_parser_->header_limit(options().header_limit);
    // The body limit is set per route once the head is known; until then a
    // large Content-Length must not fail the head itself.
    head_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(options().read_timeout);
    http::async_read_header(stream_, buffer_, *head_parser_,
                            beast::bind_front_handler(&Connection::on_head, shared_from_this()));
  }

  void on_head(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == beast::error::timeout || ec == net::error::connection_reset ||
        ec == net::error::operation_aborted) {
      return close();
    }
    started_ = std::chrono::steady_clock::now();
    request_.remote_address = peer_address_;
    counted_ = true;
    server_.request_started();
    if (ec == http::error::header_limit) return refuse(431, "header_too_large");
    if (ec) return refuse(400, "bad_request");

    const auto& head = head_parser_->get();
    request_.method = std::string(head.method_string());
    request_.target = std::string(head.target());
    for (const auto& field : head) {
      request_.headers[std::string(field.name_string())] = std::string(field.value());
    }
    keep_alive_ = head.keep_alive();
    if (options().trust_proxy) apply_proxy_headers();
    auto target = parse_target(request_.target);
    if (!target) return refuse(400, "bad_request");
    request_.path = std::move(target->path);
    request_.path_segments = std::move(target->segments);
    request_.query = std::move(target->query);
    if (server_.stopping) return refuse(503, "busy");

    if (server_.handler.body_mode(request_) == BodyMode::small) {
      if (head_parser_->content_length() && *head_parser_->content_length() > options().small_body_limit) {
        return refuse(413, "body_too_large");
      }
      small_parser_.emplace(std::move(*head_parser_));
      small_parser_->body_limit(options().small_body_limit);
      http::async_read(stream_, buffer_, *small_parser_,
                       beast::bind_front_handler(&Connection::on_small_body, shared_from_this()));
      return;
    }
    if (head_parser_->content_length() && *head_parser_->content_length() > options().upload_limit) {
      return refuse(413, "body_too_large");
    }
    // Admission runs on a worker (it reads the database), then the body is read here.
    net::post(server_.workers, [self = shared_from_this()] {
      std::optional<HttpResponse> refusal;
      try {
        refusal = self->server_.handler.admit(self->request_);
      } catch (const std::exception&) {
        refusal = self->server_.handler.refusal(500, "internal");
      }
      net::post(self->stream_.get_executor(), [self, refusal = std::move(refusal)]() mutable {
        if (refusal) {
          self->keep_alive_ = false;  // the body was never read
          return self->respond(std::move(*refusal));
        }
        self->read_upload();
      });
    });
  }

  void apply_proxy_headers() {
    const std::string_view forwarded = request_.header("X-Forwarded-For");
    if (!forwarded.empty()) {
      const std::size_t comma = forwarded.find(',');
      std::string first(forwarded.substr(0, comma));
      while (!first.empty() && first.back() == ' ') first.pop_back();
      while (!first.empty() && first.front() == ' ') first.erase(first.begin());
      if (!first.empty()) request_.remote_address = first;
    }
    request_.secure = request_.header("X-Forwarded-Proto") == "https";
  }

  void on_small_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) return refuse(413, "body_too_large");
    if (ec == beast::error::timeout || ec == net::error::eof || ec == http::error::end_of_stream) {
      return close();
    }
    if (ec) return refuse(400, "bad_request");
    request_.body = small_parser_->release().body();
    request_.body_size = request_.body.size();
    dispatch();
  }

  void read_upload() {
    std::error_code fs_error;
    std::filesystem::create_directories(options().upload_dir, fs_error);
    upload_path_ = options().upload_dir /
                   ("upload-" + std::to_string(::getpid()) + "-" +
                    std::to_string(server_.uploads.fetch_add(1)) + ".part");
    file_parser_.emplace(std::move(*head_parser_));
    file_parser_->body_limit(options().upload_limit);
    beast::error_code ec;
    file_parser_->get().body().open(upload_path_.c_str(), beast::file_mode::write, ec);
    if (ec) return refuse(503, "busy");
    stream_.expires_after(options().upload_timeout);
    const std::string_view expect = request_.header("Expect");
    if (beast::iequals(beast::string_view(expect.data(), expect.size()), "100-continue")) {
      continue_ = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code e, std::size_t) {
        if (e) return self->close();
        self->read_upload_body();
      });
      return;
    }
    read_upload_body();
  }

  void read_upload_body() {
    // The buffer still has the small capacity it grew to for the head; Beast
    // reads at most the free capacity per call, so give it room for 64 KiB reads.
    buffer_.reserve(64 * 1024);
    http::async_read(stream_, buffer_, *file_parser_,
                     beast::bind_front_handler(&Connection::on_upload_body, shared_from_this()));
  }

  void on_upload_body(beast::error_code ec, std::size_t) {
    file_parser_->get().body().close();
    if (ec) {
      discard_upload();
      if (ec == http::error::body_limit) return refuse(413, "body_too_large");
      if (ec == beast::error::timeout || ec == net::error::eof || ec == http::error::end_of_stream ||
          ec == http::error::partial_message) {
        return close();
      }
      return refuse(400, "bad_request");
    }
    request_.body_file = upload_path_;
    std::error_code size_error;
    request_.body_size = std::filesystem::file_size(upload_path_, size_error);
    dispatch();
  }

  void discard_upload() {
    if (upload_path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(upload_path_, ignored);
    upload_path_.clear();
  }

  void dispatch() {
    net::post(server_.workers, [self = shared_from_this()] {
      HttpResponse response;
      try {
        response = self->server_.handler.handle(self->request_);
      } catch (const std::exception&) {
        response = self->server_.handler.refusal(500, "internal");
      }
      // A handler that keeps an upload moves the file away; what is left goes.
      self->discard_upload();
      net::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->respond(std::move(response));
      });
    });
  }

  void refuse(int status, std::string_view code) {
    keep_alive_ = false;  // the rest of the stream cannot be trusted
    respond(server_.handler.refusal(status, code));
  }

  void respond(HttpResponse response) {
    if (server_.stopping) keep_alive_ = false;
    auto out = std::make_shared<http::response<http::string_body>>();
    out->version(11);
    out->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers) out->set(name, value);
    out->set(http::field::server, "kompetent");
    out->body() = std::move(response.body);
    out->keep_alive(keep_alive_);
    out->prepare_payload();
    std::uint64_t bytes = out->body().size();
    // HEAD: the headers GET would send, Content-Length included, and no body.
    if (request_.method == "HEAD") {
      out->body().clear();
      bytes = 0;
    }
    server_.log(request_, response, bytes, std::chrono::steady_clock::now() - started_);
    response_ = out;
    stream_.expires_after(options().read_timeout);
    http::async_write(stream_, *response_,
                      beast::bind_front_handler(&Connection::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    response_.reset();
    finish_request();
    if (ec || !keep_alive_) return close();
    read_head();
  }

  void finish_request() {
    if (counted_) {
      counted_ = false;
      server_.request_finished();
    }
  }

  void close() {
    finish_request();
    discard_upload();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::string peer_address_;
  HttpRequest request_;
  bool keep_alive_ = true;
  bool counted_ = false;
  std::chrono::steady_clock::time_point started_;
  std::optional<http::request_parser<http::empty_body>> head_parser_;
  std::optional<http::request_parser<http::string_body>> small_parser_;
  std::optional<http::request_parser<http::file_body>> file_parser_;
  std::filesystem::path upload_path_;
  std::shared_ptr<http::response<http::string_body>> response_;
  std::shared_ptr<http::response<http::empty_body>> continue_;
};

}  // namespace

void HttpServer::Impl::accept() {
  acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open()) return;  // stopping
    } else {
      std::make_shared<Connection>(std::move(socket), *this)->start();
    }
    accept();
  });
}

void HttpServer::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  net::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
  });
  signals.cancel();
  // Wait for requests in flight on a separate thread, then end the I/O loop.
  stopper = std::thread([this] {
    {
      std::unique_lock lock(in_flight_mutex);
      in_flight_done.wait_for(lock, options.shutdown_grace, [this] { return in_flight == 0; });
    }
    io.stop();
  });
}

HttpServer::HttpServer(RequestHandler& handler, ServerOptions options)
    : impl_(std::make_unique<Impl>(handler, std::move(options))) {}

HttpServer::~HttpServer() {
  if (impl_->stopper.joinable()) impl_->stopper.join();
  impl_->workers.join();
}

Result<std::uint16_t> HttpServer::listen() {
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) return Error::io("listen_failed", {impl_->options.host, ec.message()});
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::io("listen_failed",
                     {impl_->options.host + ":" + std::to_string(impl_->options.port), ec.message()});
  }
  return acceptor.local_endpoint().port();
}

void HttpServer::run() {
  if (impl_->options.handle_signals) {
    impl_->signals.add(SIGTERM);
    impl_->signals.add(SIGINT);
    impl_->signals.async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->begin_stop();
    });
  }
  impl_->accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.io_threads; ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& thread : threads) thread.join();
  if (impl_->stopper.joinable()) impl_->stopper.join();
  impl_->workers.join();
}

void HttpServer::stop() { impl_->begin_stop(); }

}  // namespace kompetent::api
