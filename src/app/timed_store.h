// A Store that measures how long each write transaction takes (for
// phare_db_write_duration_seconds) and otherwise forwards to the real one.
#pragma once

#include "base/metrics.h"
#include "store/store.h"

namespace phare::app {

class TimedStore final : public store::Store {
 public:
  explicit TimedStore(std::unique_ptr<store::Store> inner) : inner_(std::move(inner)) {}

  base::Status Write(const TxFn& fn) override {
    const auto start = std::chrono::steady_clock::now();
    auto status = inner_->Write(fn);
    writes_.Observe(std::chrono::steady_clock::now() - start);
    return status;
  }
  base::Status Read(const TxFn& fn) override { return inner_->Read(fn); }
  base::Result<int64_t> ChangeCounter() override { return inner_->ChangeCounter(); }
  std::string Describe() const override { return inner_->Describe(); }

  const base::Histogram& writes() const { return writes_; }

 private:
  std::unique_ptr<store::Store> inner_;
  base::Histogram writes_;
};

}  // namespace phare::app
