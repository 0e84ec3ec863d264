#include "base/random.h"

#include <sodium.h>

#include <cassert>
#include <cstdlib>

namespace phare::base {

uint32_t SystemRandom::Uniform(uint32_t upper) {
  assert(upper > 0 && "Uniform needs a non-empty range");
  return randombytes_uniform(upper);
}

void SystemRandom::Fill(void* out, size_t size) { randombytes_buf(out, size); }

SystemRandom& SystemRandom::Instance() {
  static SystemRandom* random = [] {
    if (sodium_init() < 0) std::abort();  // no entropy source: nothing safe can run
    return new SystemRandom();
  }();
  return *random;
}

uint32_t SeededRandom::Uniform(uint32_t upper) {
  assert(upper > 0 && "Uniform needs a non-empty range");
  return static_cast<uint32_t>(std::uniform_int_distribution<uint64_t>(0, upper - 1)(engine_));
}

void SeededRandom::Fill(void* out, size_t size) {
  auto* bytes = static_cast<unsigned char*>(out);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>(engine_());
}

std::string NewId(Random& random) {
  static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string id(12, '0');
  for (char& c : id) c = kAlphabet[random.Uniform(36)];
  return id;
}

}  // namespace phare::base
