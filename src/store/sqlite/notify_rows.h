// Helpers shared by tx_notify.cc and tx_deliveries.cc (internal to the SQLite backend).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "model/subscriber.h"
#include "store/sqlite/db.h"

namespace phare::store::sqlite {

// Component ids are stored as one comma-separated column ("a,b,c"; "" for none).
inline std::vector<std::string> SplitIds(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

inline std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ',';
    out += id;
  }
  return out;
}

inline std::optional<int64_t> OptMillis(const std::optional<base::Time>& t) {
  if (!t) return std::nullopt;
  return base::ToMillis(*t);
}

// The columns of a subscriber row ("seq, id, ..."), each prefixed ("s." for a join).
std::string SubscriberColumns(std::string_view prefix);
// A subscriber read from those columns, starting at column `first`.
model::Subscriber ReadSubscriber(const Statement& s, int first);

}  // namespace phare::store::sqlite
