// Dependency order of a draft (Kahn's algorithm) and the report of its cycles.
#include <algorithm>
#include <string>

#include "graph/draft.h"

namespace phare::graph::detail {
namespace {

constexpr size_t kMaxCycleIdsShown = 12;

// Members of `v` that Kahn's algorithm could not order (they lie on or behind a cycle).
uint32_t FirstBlockedMember(const Draft& d, uint32_t v, const std::vector<uint32_t>& remaining) {
  for (uint32_t g = d.group_begin[v]; g < d.group_end[v]; ++g) {
    for (uint32_t i = d.group_members[g]; i < d.group_members[g + 1]; ++i) {
      if (remaining[d.members[i]] > 0) return d.members[i];
    }
  }
  return kNone;
}

std::string DescribeCycle(const Draft& d, const std::vector<uint32_t>& path, size_t from) {
  std::string out = "dependency cycle: ";
  size_t shown = 0;
  for (size_t i = from; i < path.size(); ++i) {
    if (shown++ == kMaxCycleIdsShown) {
      out += "... -> ";
      break;
    }
    out += "'" + std::string(d.ids.Get(path[i])) + "' -> ";
  }
  out += "'" + std::string(d.ids.Get(path[from])) + "' (each depends on the next)";
  return out;
}

// Every node left with remaining > 0 has a blocked member, so following blocked members
// always ends on a cycle or on a path already walked. Each node is walked once.
void ReportCycles(const Draft& d, const std::vector<uint32_t>& remaining, const std::string& source,
                  ErrorList& errors) {
  enum : uint8_t { kUnseen, kOnPath, kDone };
  std::vector<uint8_t> state(remaining.size(), kUnseen);
  std::vector<uint32_t> path;
  for (uint32_t start = 0; start < remaining.size(); ++start) {
    if (remaining[start] == 0 || state[start] != kUnseen) continue;
    path.assign(1, start);
    state[start] = kOnPath;
    while (true) {
      const uint32_t next = FirstBlockedMember(d, path.back(), remaining);
      if (next == kNone || state[next] == kDone) break;
      if (state[next] == kOnPath) {
        const size_t from = std::find(path.begin(), path.end(), next) - path.begin();
        errors.Add(
            {source, d.line[next], std::string(d.ids.Get(next)), DescribeCycle(d, path, from)});
        break;
      }
      state[next] = kOnPath;
      path.push_back(next);
    }
    for (uint32_t v : path) state[v] = kDone;
  }
}

// For every node, the owners of the groups it is a member of (CSR), and how many
// member entries each node waits for.
struct Dependents {
  std::vector<uint32_t> begin;
  std::vector<uint32_t> owners;
  std::vector<uint32_t> remaining;
};

Dependents FindDependents(const Draft& d) {
  const auto count = static_cast<uint32_t>(d.def_seq.size());
  Dependents out;
  out.remaining.assign(count, 0);
  out.begin.assign(count + 1, 0);
  for (uint32_t g = 0; g < d.group_k.size(); ++g) {
    out.remaining[d.group_owner[g]] += d.group_members[g + 1] - d.group_members[g];
    for (uint32_t i = d.group_members[g]; i < d.group_members[g + 1]; ++i) {
      ++out.begin[d.members[i] + 1];
    }
  }
  for (uint32_t v = 0; v < count; ++v) out.begin[v + 1] += out.begin[v];
  out.owners.resize(d.members.size());
  std::vector<uint32_t> fill(out.begin.begin(), out.begin.end() - 1);
  for (uint32_t g = 0; g < d.group_k.size(); ++g) {
    for (uint32_t i = d.group_members[g]; i < d.group_members[g + 1]; ++i) {
      out.owners[fill[d.members[i]]++] = d.group_owner[g];
    }
  }
  return out;
}

}  // namespace

std::vector<uint32_t> OrderDraft(const Draft& d, const std::string& source, ErrorList& errors) {
  const auto count = static_cast<uint32_t>(d.def_seq.size());
  Dependents dependents = FindDependents(d);
  std::vector<uint32_t>& remaining = dependents.remaining;
  std::vector<uint32_t> level(count, 0);
  std::vector<uint32_t> ready;
  ready.reserve(count);
  for (uint32_t v = 0; v < count; ++v) {
    if (remaining[v] == 0) ready.push_back(v);
  }
  for (size_t head = 0; head < ready.size(); ++head) {
    const uint32_t v = ready[head];
    for (uint32_t i = dependents.begin[v]; i < dependents.begin[v + 1]; ++i) {
      const uint32_t owner = dependents.owners[i];
      level[owner] = std::max(level[owner], level[v] + 1);
      if (--remaining[owner] == 0) ready.push_back(owner);
    }
  }
  if (ready.size() < count) {
    ReportCycles(d, remaining, source, errors);
    return {};
  }
  std::vector<uint32_t> order;
  order.reserve(d.defined);
  for (uint32_t v = 0; v < count; ++v) {
    if (d.def_seq[v] != kNone) order.push_back(v);
  }
  // Resources sort by customer within a depth, so a customer's resources sit together.
  auto customer_key = [&](uint32_t v) {
    return d.resource[v] == kNone ? 0u : d.res_customer[d.resource[v]] + 1;
  };
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (level[a] != level[b]) return level[a] < level[b];
    const uint32_t ca = customer_key(a), cb = customer_key(b);
    if (ca != cb) return ca < cb;
    return d.def_seq[a] < d.def_seq[b];
  });
  return order;
}

}  // namespace phare::graph::detail
