// Randomness, injected: ids, tokens and retry jitter draw from a `Random` so that tests
// can make them reproducible. SystemRandom (libsodium's CSPRNG) is thread-safe;
// SeededRandom is not and belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

namespace phare::base {

class Random {
 public:
  virtual ~Random() = default;
  // Uniform in [0, upper); upper > 0.
  virtual uint32_t Uniform(uint32_t upper) = 0;
  virtual void Fill(void* out, size_t size) = 0;
};

// Cryptographically secure (libsodium). Use for anything an attacker must not guess.
class SystemRandom final : public Random {
 public:
  uint32_t Uniform(uint32_t upper) override;
  void Fill(void* out, size_t size) override;
  static SystemRandom& Instance();
};

// Deterministic, for tests and the demo's generated data.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(uint64_t seed) : engine_(seed) {}
  uint32_t Uniform(uint32_t upper) override;
  void Fill(void* out, size_t size) override;

 private:
  std::mt19937_64 engine_;
};

// A Statuspage-style object id: 12 characters of [0-9a-z] (about 62 bits).
std::string NewId(Random& random);

}  // namespace phare::base
