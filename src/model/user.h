// Console users (the people who run phare from a browser), their sign-in sessions and
// the one-time links that let them set a password. Roles are ordered: each one may do
// everything the ones below it may (viewer < communicator < operator < admin).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace phare::model {

// viewer: reads everything. communicator: + drafts, edits and publishes updates.
// operator: + incidents, components, node reports, progress, maintenance.
// admin: + users, tokens, subscribers, inventory, settings.
enum class Role : uint8_t { kViewer, kCommunicator, kOperator, kAdmin };
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);

struct User {
  std::string id;
  std::string email;  // unique without regard to ASCII case
  Role role = Role::kViewer;
  std::string password_hash;  // libsodium's argon2id string; empty until a password is set
  std::string language;       // preferred interface language; empty: the browser's
  base::Time created_at{};
  std::optional<base::Time> disabled_at;

  // Enabled, and `wanted` is this user's role or one below it.
  bool Allows(Role wanted) const;
};

// A signed-in browser. The cookie holds a random secret; the store keeps its BLAKE2b
// hash only, so a copy of the database signs nobody in.
struct UserSession {
  std::string id_hash;  // BLAKE2b-256 of the cookie's secret, raw bytes
  std::string user_id;
  std::string csrf;  // the session's form token (base64url), compared in constant time
  base::Time created_at{};
  base::Time last_seen_at{};
};

// A one-time link to set (or reset) a user's password, stored as its hash.
struct PasswordLink {
  std::string hash;  // BLAKE2b-256 of the link's token, raw bytes
  std::string user_id;
  base::Time created_at{};
  base::Time expires_at{};
  std::optional<base::Time> used_at;
};

}  // namespace phare::model
