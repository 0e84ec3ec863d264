// Console users: created by an admin (`phare user create`) with a role and no password,
// they set one through a one-time link (32 random bytes, stored as a BLAKE2b hash,
// expiring after the configured time). Passwords are hashed with argon2id (libsodium's
// crypto_pwhash_str, interactive limits: ~64 MiB and a fraction of a second each).
// Every change is in the audit log with who made it. Thread-safe.
//
// Errors: InvalidArgument naming the field (email, role, password); AlreadyExists for a
// taken e-mail; NotFound for an unknown user or link; FailedPrecondition for a link that
// was used or has expired.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/access.h"
#include "model/user.h"
#include "service/context.h"

namespace phare::service {

inline constexpr size_t kMinPasswordBytes = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;

// argon2id string of `password`; Internal when libsodium cannot allocate its memory.
base::Result<std::string> HashPassword(std::string_view password);
// True if `password` matches `hash` (false for an empty or malformed hash).
bool VerifyPassword(std::string_view hash, std::string_view password);
// InvalidArgument (field "password") for a password too short or too long.
base::Status CheckNewPassword(std::string_view password);

struct NewPasswordLink {
  model::User user;
  std::string token;  // the only copy: goes into the link, then forgotten
  base::Time expires_at{};
};

// The audit actor of a console user: "user:jeanne@example.com".
model::Actor ActorOf(const model::User& user);

class UserService {
 public:
  // `link_ttl`: how long set-password links stay valid.
  UserService(Context& ctx, base::Duration link_ttl) : ctx_(ctx), link_ttl_(link_ttl) {}

  // A new user without a password, and the link token to set one.
  base::Result<NewPasswordLink> Create(const model::Actor& actor, std::string_view email,
                                       model::Role role);
  // A new set-password link for an existing user (a forgotten password).
  base::Result<NewPasswordLink> ResetLink(const model::Actor& actor, std::string_view email);
  base::Result<std::vector<model::User>> List();
  base::Result<model::User> Get(std::string_view id);
  // Disables the user and ends their sessions.
  base::Result<model::User> Disable(const model::Actor& actor, std::string_view email);

  // Sets the user's interface language ("" : the browser's); InvalidArgument (field
  // "language") for a language phare has no catalog for.
  base::Result<model::User> SetLanguage(const model::Actor& actor, std::string_view id,
                                        std::string_view language);

  // The user a set-password link is for, if it can still be used.
  base::Result<model::User> CheckLink(std::string_view token);
  // Sets the password through a link, which (and every other of the user's links) is
  // then used up; ends the user's other sessions.
  base::Result<model::User> SetPassword(std::string_view token, std::string_view password);

 private:
  base::Result<NewPasswordLink> IssueLink(store::Tx& tx, const model::User& user);
  base::Result<model::PasswordLink> UsableLink(store::Tx& tx, std::string_view token);

  Context& ctx_;
  base::Duration link_ttl_;
};

}  // namespace phare::service
