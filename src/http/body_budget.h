// How much request body the server takes, decided from a request's head before any of
// its body is read: a limit per route, and budgets shared by all connections for the
// bytes held at once (bodies in memory, uploads spooled to disk), so that many stalled
// or slow uploads cannot exhaust memory or the disk.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

#include "http/router.h"

namespace phare::http {

struct ServerOptions;

// The largest body a request to `route` may carry: the route's own limit, else the
// server's max_body_bytes for routes that check a request before its body
// (RouteOptions::admit), else max_public_body_bytes.
size_t BodyLimit(const RouteOptions& route, const ServerOptions& options);

// A count of bytes shared by all connections, never past `limit`. Thread-safe.
class ByteBudget {
 public:
  explicit ByteBudget(uint64_t limit) : limit_(limit) {}
  ByteBudget(const ByteBudget&) = delete;
  ByteBudget& operator=(const ByteBudget&) = delete;

  // Takes `n` bytes; false (nothing taken) when that would pass the limit.
  bool TryTake(uint64_t n);
  // Gives back `n` bytes taken before.
  void Give(uint64_t n);
  uint64_t used() const { return used_.load(std::memory_order_relaxed); }
  uint64_t limit() const { return limit_; }

 private:
  const uint64_t limit_;
  std::atomic<uint64_t> used_{0};
};

// Bytes taken from a ByteBudget for one request, given back when it goes.
class BudgetLease {
 public:
  BudgetLease() = default;
  BudgetLease(ByteBudget& budget, uint64_t n) : budget_(&budget), n_(n) {}
  BudgetLease(BudgetLease&& other) noexcept : budget_(other.budget_), n_(other.n_) {
    other.budget_ = nullptr;
  }
  BudgetLease& operator=(BudgetLease&& other) noexcept;
  BudgetLease(const BudgetLease&) = delete;
  BudgetLease& operator=(const BudgetLease&) = delete;
  ~BudgetLease() { Release(); }
  void Release();

 private:
  ByteBudget* budget_ = nullptr;
  uint64_t n_ = 0;
};

// What to reserve for a body of `content_length` (nullopt: chunked) whose route accepts
// `body_limit` bytes, from `budget`: the lease, or the refusal's status: 413 when the
// body could never fit the budget, 503 when it does not fit now.
struct Reservation {
  BudgetLease lease;
  int refusal = 0;     // 0, 413 or 503
  uint64_t limit = 0;  // the body limit to enforce as it arrives
};
Reservation Reserve(ByteBudget& budget, std::optional<uint64_t> content_length,
                    uint64_t body_limit);

}  // namespace phare::http
