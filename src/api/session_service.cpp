#include "api/session_service.h"

#include <iostream>

#include "core/access/password_policy.h"
#include "core/access/session_record.h"
#include "core/access/session_policy.h"
#include "security/digest.h"
#include "security/password_hash.h"
#include "security/random_token.h"

namespace kompetent::api {
namespace {

constexpr std::chrono::seconds kTouchInterval{60};

// Verifying against this costs what a real check costs, so the time a login
// takes does not tell whether the account exists.
const std::string& dummy_hash() {
  static const std::string hash = [] {
    auto h = security::hash_password("kompetent-dummy-password");
    return h.ok() ? h.value() : std::string();
  }();
  return hash;
}

}  // namespace

Status audit(ServerContext& server, store::Database& db, const Principal* who, const std::string& address,
             std::string action, std::string municipality, std::string subject, AuditOutcome outcome,
             std::string detail_json) {
  AuditEntry entry;
  entry.at = server.clock.now_utc();
  if (who) {
    entry.username = who->account.username;
    entry.role = who->account.role;
  }
  entry.address = address;
  entry.action = std::move(action);
  entry.municipality = std::move(municipality);
  entry.subject = std::move(subject);
  entry.detail_json = std::move(detail_json);
  entry.outcome = outcome;
  Status appended = retry_when_busy([&] { return db.audit().append(entry); });
  if (!appended.ok()) std::cerr << "kompetent: audit entry not written: " << appended.error().code << '\n';
  return appended;
}

Result<LoginResult> login(ServerContext& server, store::Database& db, std::string_view username_in,
                          std::string_view password, const std::string& address) {
  const std::string username = normalize_username(username_in);
  const auto now = server.clock.now_utc();
  if (auto wait = server.throttle.wait_before(username, address, now)) {
    return Error::invalid("too_many_attempts", {std::to_string(wait->count())});
  }
  auto user = db.users().find_user(username);
  if (!user.ok()) return user.error();
  std::optional<std::string> hash;
  if (user.value()) {
    auto stored = db.users().password_hash(user.value()->id);
    if (!stored.ok()) return stored.error();
    hash = stored.value();
  }
  const bool password_ok = security::verify_password(hash ? *hash : dummy_hash(), password);
  if (!user.value() || !hash || !password_ok || user.value()->disabled) {
    server.throttle.record_failure(username, address, now);
    if (user.value()) {
      Principal tried;
      tried.account = *user.value();
      (void)audit(server, db, &tried, address, "login_failed", tried.account.municipality, username,
                  AuditOutcome::failure);
    } else {
      // An unknown name is not logged: people type their password into the
      // user name field, and the trail is kept for ever.
      (void)audit(server, db, nullptr, address, "login_failed", "", "", AuditOutcome::failure,
                  R"({"known_user":false})");
    }
    return Error::invalid("login_failed");
  }
  server.throttle.record_success(username);

  LoginResult result;
  result.token = security::random_token();
  result.principal.account = *user.value();
  result.principal.session_hash = security::sha256_hex(result.token);
  result.principal.csrf_token = security::random_token();
  SessionRecord session;
  session.token_hash = result.principal.session_hash;
  session.user_id = user.value()->id;
  session.csrf_token = result.principal.csrf_token;
  session.created_at = now;
  session.last_seen = now;
  session.address = address;
  Status created = retry_when_busy([&] { return db.sessions().create(session); });
  if (!created.ok()) return created.error();
  // Sweep sessions that ran out, so the table does not grow with abandoned logins.
  (void)db.sessions().remove_expired(now);
  (void)audit(server, db, &result.principal, address, "login", result.principal.account.municipality,
              username);
  return result;
}

Result<std::optional<Principal>> authenticate(ServerContext& server, store::Database& db,
                                              std::string_view token) {
  if (token.empty() || token.size() > 128) return std::optional<Principal>{};
  const std::string hash = security::sha256_hex(token);
  auto session = db.sessions().find(hash);
  if (!session.ok()) return session.error();
  if (!session.value()) return std::optional<Principal>{};
  const SessionRecord& record = *session.value();
  const auto now = server.clock.now_utc();
  if (!session_alive(record.created_at, record.last_seen, now)) {
    (void)db.sessions().remove(hash);
    return std::optional<Principal>{};
  }
  auto user = db.users().find_user_by_id(record.user_id);
  if (!user.ok()) return user.error();
  if (!user.value() || user.value()->disabled) return std::optional<Principal>{};
  // Best effort, and never while an import holds the write lock: a read must
  // not wait for it (the next request after the import refreshes last_seen).
  const bool importing = server.jobs && server.jobs->importing();
  if (now - record.last_seen >= kTouchInterval && !importing) (void)db.sessions().touch(hash, now);
  Principal principal;
  principal.account = *user.value();
  principal.session_hash = hash;
  principal.csrf_token = record.csrf_token;
  return std::optional<Principal>(std::move(principal));
}

Status logout(ServerContext& server, store::Database& db, const Principal& who, const std::string& address) {
  Status removed = retry_when_busy([&] { return db.sessions().remove(who.session_hash); });
  if (!removed.ok()) return removed;
  (void)audit(server, db, &who, address, "logout", who.account.municipality, who.account.username);
  return ok_status();
}

Status change_password(ServerContext& server, store::Database& db, const Principal& who,
                       std::string_view current, std::string_view replacement, const std::string& address) {
  auto stored = db.users().password_hash(who.account.id);
  if (!stored.ok()) return stored.error();
  if (!stored.value() || !security::verify_password(*stored.value(), current)) {
    (void)audit(server, db, &who, address, "password_change", who.account.municipality,
                who.account.username, AuditOutcome::failure);
    return Error::invalid("password_wrong");
  }
  if (Status policy = check_password_policy(replacement); !policy.ok()) return policy;
  auto hash = security::hash_password(replacement);
  if (!hash.ok()) return hash.error();
  Status set = retry_when_busy([&] {
    return db.users().set_password_hash(who.account.id, hash.value(), who.session_hash);
  });
  if (!set.ok()) return set;
  (void)audit(server, db, &who, address, "password_change", who.account.municipality, who.account.username);
  return ok_status();
}

}  // namespace kompetent::api
