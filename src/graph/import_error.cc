#include "graph/import_error.h"

namespace phare::graph {

std::string ImportError::ToString() const {
  std::string out = source.empty() ? "input" : source;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!id.empty()) out += "node '" + id + "': ";
  out += message;
  return out;
}

void ErrorList::Add(ImportError error) {
  ++total_;
  if (kept_.size() < max_kept_) kept_.push_back(std::move(error));
}

std::string ErrorList::ToString() const {
  std::string out;
  for (const ImportError& e : kept_) {
    out += e.ToString();
    out += '\n';
  }
  if (total_ > kept_.size()) {
    out += "... and " + std::to_string(total_ - kept_.size()) + " more errors\n";
  }
  return out;
}

}  // namespace phare::graph
