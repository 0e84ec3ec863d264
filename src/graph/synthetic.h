// A synthetic inventory at provider scale, for benchmarks and load tests: `sites` sites
// built like the demo's (power chain, routing rooms, datacenters, rooms, racks of 40
// servers), about `infrastructure` infrastructure nodes in all, `resources` customer
// resources spread at random over the servers, owned by `customers` customers (every
// customer owns at least one; a few own many), and one component per product and site.
// Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <memory>

#include "graph/inventory.h"

namespace phare::graph {

struct SyntheticOptions {
  uint32_t resources = 1'000'000;
  uint32_t infrastructure = 100'000;
  uint32_t customers = 300'000;
  uint32_t sites = 4;
  uint64_t seed = 1;
};

// Site ids are "site-1".."site-N"; racks "site-1-dc1-r01-k001".
std::shared_ptr<const Inventory> GenerateSyntheticInventory(const SyntheticOptions& options);

}  // namespace phare::graph
