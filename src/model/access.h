// Who may do what: API tokens with scopes, and the audit trail of every write.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"

namespace phare::model {

// read: GET on the admin API. write: incidents, maintenance, components.
// admin: tokens, inventory, subscribers and everything else.
enum class Scope : uint8_t { kRead, kWrite, kAdmin };
std::string_view ToString(Scope scope);
std::optional<Scope> ParseScope(std::string_view text);
// Parses "read,write"; InvalidArgument naming an unknown scope is reported by callers.
std::optional<std::vector<Scope>> ParseScopes(std::string_view comma_separated);

struct ApiToken {
  std::string id;
  std::string name;
  std::string hash;  // BLAKE2b-256 of the secret; the secret itself is never stored
  std::vector<Scope> scopes;
  base::Time created_at{};
  std::optional<base::Time> revoked_at = std::nullopt;

  // admin implies write implies read.
  bool Allows(Scope wanted) const;
};

// The principal behind a write, for the audit log: "token:ops-bot", "cli:root".
struct Actor {
  std::string name;
};

struct AuditEntry {
  int64_t id = 0;
  base::Time at{};
  std::string actor;
  std::string action;       // "incident.create", "component.update"...
  std::string target_type;  // "incident", "component"...
  std::string target_id;
  std::string details;  // JSON: the request's effective fields
};

}  // namespace phare::model
