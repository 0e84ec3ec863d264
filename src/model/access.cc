#include "model/access.h"

#include <algorithm>

namespace phare::model {

std::string_view ToString(Scope scope) {
  switch (scope) {
    case Scope::kRead:
      return "read";
    case Scope::kWrite:
      return "write";
    case Scope::kAdmin:
      return "admin";
  }
  return "read";
}

std::optional<Scope> ParseScope(std::string_view text) {
  if (text == "read") return Scope::kRead;
  if (text == "write") return Scope::kWrite;
  if (text == "admin") return Scope::kAdmin;
  return std::nullopt;
}

std::optional<std::vector<Scope>> ParseScopes(std::string_view text) {
  std::vector<Scope> scopes;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    const auto scope = ParseScope(item);
    if (!scope) return std::nullopt;
    if (std::find(scopes.begin(), scopes.end(), *scope) == scopes.end()) scopes.push_back(*scope);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (scopes.empty()) return std::nullopt;
  return scopes;
}

bool ApiToken::Allows(Scope wanted) const {
  if (revoked_at) return false;
  return std::any_of(scopes.begin(), scopes.end(), [wanted](Scope held) {
    return static_cast<int>(held) >= static_cast<int>(wanted);
  });
}

}  // namespace phare::model
