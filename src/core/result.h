// Result<T>: a value, or the reason there is none.
//
//   Result<Snapshot> r = store.load_snapshot(municipality, date);
//   if (!r.ok()) return r.error();          // Error converts to any Result<U>
//   use(r.value());
//
// Follows absl::StatusOr; switch to std::expected when we move to C++23.
// An Error carries a stable code and a message key, never an English sentence,
// so every front end can show it in bokmål or English.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kompetent {

// What kind of failure, for mapping to exit codes (cli) and HTTP statuses (api).
enum class ErrorKind {
  invalid,    // the input is wrong; the user can fix it
  not_found,  // the thing asked for does not exist
  conflict,   // it exists already, or would clash (e.g. a snapshot without --replace)
  forbidden,  // the caller may not do this
  io,         // the file system or database failed
  internal,   // a bug
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;                // stable, snake_case, e.g. "snapshot_exists"
  std::vector<std::string> args;   // values substituted into the message, in order
  bool operator==(const Error&) const = default;

  static Error invalid(std::string code, std::vector<std::string> args = {}) {
    return {ErrorKind::invalid, std::move(code), std::move(args)};
  }
  static Error not_found(std::string code, std::vector<std::string> args = {}) {
    return {ErrorKind::not_found, std::move(code), std::move(args)};
  }
  static Error conflict(std::string code, std::vector<std::string> args = {}) {
    return {ErrorKind::conflict, std::move(code), std::move(args)};
  }
  static Error io(std::string code, std::vector<std::string> args = {}) {
    return {ErrorKind::io, std::move(code), std::move(args)};
  }
  static Error internal(std::string code, std::vector<std::string> args = {}) {
    return {ErrorKind::internal, std::move(code), std::move(args)};
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  // Precondition: ok().
  [[nodiscard]] const T& value() const& { assert(ok()); return std::get<0>(state_); }
  [[nodiscard]] T& value() & { assert(ok()); return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

  // Precondition: !ok().
  [[nodiscard]] const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
struct Ok {
  bool operator==(const Ok&) const = default;
};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace kompetent
