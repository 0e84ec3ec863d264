// Console sign-in sessions. Signing in checks an e-mail and password and starts a
// session: the browser's cookie holds 32 random bytes (base64url), the store only their
// BLAKE2b hash. A session ends after `idle` without use or `absolute` after sign-in,
// whichever comes first, when its user is disabled or sets a new password, and on sign
// out. Each session carries its own CSRF token for the console's forms. Sign-ins and
// sign-outs are in the audit log; so are failed attempts on a known account. The clock
// is the context's, so tests move time instead of waiting. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/config.h"
#include "model/user.h"
#include "service/context.h"

namespace phare::service {

struct SessionPolicy {
  base::Duration idle{};
  base::Duration absolute{};
  // last_seen_at is written at most this often (not on every request).
  base::Duration touch_every = std::chrono::minutes(1);

  // From [console] (base::ConsoleConfig holds the defaults).
  static SessionPolicy From(const base::ConsoleConfig& config);
};

struct SignedIn {
  model::User user;
  model::UserSession session;
};

struct NewSession {
  SignedIn signed_in;
  std::string cookie;  // the secret for the browser; only its hash is stored
};

class SessionService {
 public:
  SessionService(Context& ctx, SessionPolicy policy) : ctx_(ctx), policy_(policy) {}

  // Unauthenticated, with one message whatever was wrong (unknown e-mail, wrong or unset
  // password, disabled user), in about the same time.
  base::Result<NewSession> SignIn(std::string_view email, std::string_view password,
                                  std::string_view remote_address);
  // The user and session behind a cookie; Unauthenticated when there is none, or it has
  // expired (it is then removed) or its user is disabled. `activity` false (a page's own
  // background poll) does not count as use: it never postpones the idle expiry.
  base::Result<SignedIn> Resolve(std::string_view cookie, bool activity = true);
  // Ends the session (no error when it was already over).
  base::Status SignOut(const SignedIn& who);
  // Removes sessions idle for longer than the policy allows; returns how many.
  base::Result<int64_t> Purge();

  const SessionPolicy& policy() const { return policy_; }

 private:
  Context& ctx_;
  SessionPolicy policy_;
};

// True if `token` is the session's CSRF token (constant time).
bool CsrfMatches(const model::UserSession& session, std::string_view token);

}  // namespace phare::service
