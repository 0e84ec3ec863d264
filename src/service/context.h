// What every use case needs: the store, the clock, randomness, and a way to announce
// that public state changed (the app rebuilds the snapshot on it). Owned by the app;
// outlives the services. `on_change` is called after a successful commit, on the
// caller's thread; it must be cheap and thread-safe. `policies` are read-only once the
// services run.
#pragma once

#include <functional>

#include "base/clock.h"
#include "base/random.h"
#include "service/policies.h"
#include "store/store.h"

namespace phare::service {

struct Context {
  store::Store& store;
  const base::Clock& clock;
  base::Random& random;
  std::function<void()> on_change = [] {};
  Policies policies = {};
};

}  // namespace phare::service
