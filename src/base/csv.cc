#include "base/csv.h"

#include <algorithm>

namespace phare::base {

std::string_view TrimBlanks(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::string SplitCsvLine(std::string_view line, std::vector<std::string>& out) {
  out.clear();
  size_t i = 0;
  while (true) {
    std::string& field = out.emplace_back();
    if (i < line.size() && line[i] == '"') {
      for (++i;; ++i) {
        if (i >= line.size()) return "unterminated quoted field (fields may not span lines)";
        if (line[i] != '"') {
          field += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          break;
        }
      }
      ++i;
      if (i < line.size() && line[i] != ',') return "unexpected text after a quoted field";
    } else {
      const size_t end = std::min(line.find(',', i), line.size());
      field.assign(line.substr(i, end - i));
      if (field.find('"') != std::string::npos) return "a quote inside an unquoted field";
      i = end;
    }
    if (i >= line.size()) return "";
    ++i;  // the comma
  }
}

}  // namespace phare::base
