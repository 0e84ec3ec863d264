// The SQLite schema as an ordered list of migrations. Migration i (1-based) brings
// PRAGMA user_version from i-1 to i; each runs in its own transaction. Never edit a
// released migration: append a new one.
#pragma once

#include <string_view>
#include <vector>

namespace phare::store::sqlite {

const std::vector<std::string_view>& Migrations();

}  // namespace phare::store::sqlite
