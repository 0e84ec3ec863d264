#include "http/body_budget.h"

#include <algorithm>
#include <utility>

#include "http/server.h"

namespace phare::http {

size_t BodyLimit(const RouteOptions& route, const ServerOptions& options) {
  if (route.max_body_bytes) return route.max_body_bytes;
  return route.admit ? options.max_body_bytes
                     : std::min(options.max_body_bytes, options.max_public_body_bytes);
}

bool ByteBudget::TryTake(uint64_t n) {
  uint64_t used = used_.load(std::memory_order_relaxed);
  do {
    if (n > limit_ || used > limit_ - n) return false;
  } while (!used_.compare_exchange_weak(used, used + n, std::memory_order_relaxed));
  return true;
}

void ByteBudget::Give(uint64_t n) { used_.fetch_sub(n, std::memory_order_relaxed); }

BudgetLease& BudgetLease::operator=(BudgetLease&& other) noexcept {
  if (this != &other) {
    Release();
    budget_ = std::exchange(other.budget_, nullptr);
    n_ = other.n_;
  }
  return *this;
}

void BudgetLease::Release() {
  if (budget_) budget_->Give(n_);
  budget_ = nullptr;
}

Reservation Reserve(ByteBudget& budget, std::optional<uint64_t> content_length,
                    uint64_t body_limit) {
  Reservation out;
  // A chunked body may grow to the route's limit, or to the whole budget if smaller.
  const uint64_t wanted = content_length ? *content_length : std::min(body_limit, budget.limit());
  out.limit = content_length ? body_limit : wanted;
  if (wanted > budget.limit()) {
    out.refusal = 413;
    out.limit = budget.limit();
  } else if (!budget.TryTake(wanted)) {
    out.refusal = 503;
  } else {
    out.lease = BudgetLease(budget, wanted);
  }
  return out;
}

}  // namespace phare::http
