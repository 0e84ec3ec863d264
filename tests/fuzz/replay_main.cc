// A libFuzzer-compatible main for builds without libFuzzer (g++, `make test`): runs the
// target's LLVMFuzzerTestOneInput over every file of the corpus directories (or files)
// given, then over deterministic mutations of them (bit flips, byte insertions and
// deletions, splices, truncations, interesting bytes) drawn from a fixed-seed PRNG, so a
// run is the same every time and a failure reproduces. A crash or sanitizer report is the
// failure (the input is then written to ./replay-crash, as libFuzzer writes crash-<sha1>);
// a clean pass prints the counts and exits 0.
//
//   x_fuzz CORPUS_DIR...        corpus, then 3,000 mutated inputs
//   x_fuzz -runs=N CORPUS...    N mutated inputs instead (0: the corpus only)
//   x_fuzz CRASH_FILE           one input, as libFuzzer would replay it
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

constexpr size_t kMaxLen = 64 << 10;  // as `make fuzz`'s -max_len

using Input = std::string;

Input ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every regular file under `arg` (or `arg` itself), in a stable order.
void Collect(const std::filesystem::path& arg, std::vector<Input>& out) {
  std::vector<std::filesystem::path> paths;
  if (std::filesystem::is_directory(arg)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file()) paths.push_back(entry.path());
    }
  } else {
    paths.push_back(arg);
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) out.push_back(ReadFile(path));
}

const Input* current = nullptr;

// On abort or a fault: the input that caused it goes to ./replay-crash.
extern "C" void SaveCurrent(int sig) {
  const int fd = ::open("replay-crash", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0 && current != nullptr) {
    (void)!::write(fd, current->data(), current->size());
    ::close(fd);
    constexpr char kSaved[] = "replay: the failing input is in ./replay-crash\n";
    (void)!::write(2, kSaved, sizeof(kSaved) - 1);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void Run(const Input& input) {
  current = &input;
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  current = nullptr;
}

// Bytes that tend to matter to parsers: delimiters, escapes, controls, UTF-8 leads.
constexpr std::string_view kInteresting[] = {
    "\0",   "\xff", "\x80", "\xc3", "\xe2\x80", "{",    "}",  "[",
    "]",    "\"",   "\\",   ",",    ":",        "\r\n", "\n", "%",
    "%0",   "%zz",  "=?",   "\t",   " ",        "<",    ">",  "&",
    ";",    "#",    "/../", "*",    "```",      "\x1f", "-1", "9999999999999999999",
    "1e308"};

class Mutator {
 public:
  explicit Mutator(const std::vector<Input>& corpus) : corpus_(corpus) {}

  Input Next() {
    Input s = corpus_.empty() ? Input() : corpus_[Pick(corpus_.size())];
    const int rounds = 1 + static_cast<int>(Pick(4));
    for (int i = 0; i < rounds; ++i) MutateOnce(s);
    if (s.size() > kMaxLen) s.resize(kMaxLen);
    return s;
  }

 private:
  size_t Pick(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

  void MutateOnce(Input& s) {
    const size_t at = Pick(s.size() + 1);
    switch (Pick(7)) {
      case 0:  // flip a bit
        if (!s.empty()) s[at % s.size()] ^= static_cast<char>(1u << Pick(8));
        break;
      case 1:  // a random byte
        s.insert(at, 1, static_cast<char>(Pick(256)));
        break;
      case 2:  // erase a run
        s.erase(at, 1 + Pick(16));
        break;
      case 3: {  // an interesting token
        const std::string_view t = kInteresting[Pick(std::size(kInteresting))];
        s.insert(at, t.data(), t.size());
        break;
      }
      case 4:  // truncate
        s.resize(at);
        break;
      case 5: {  // splice the tail of another input
        const Input& other = corpus_[Pick(corpus_.size())];
        s = s.substr(0, at) + other.substr(Pick(other.size() + 1));
        break;
      }
      default: {  // repeat a chunk
        const std::string chunk = s.substr(at, 1 + Pick(32));
        for (size_t n = 1 + Pick(8); n > 0; --n) s.insert(at, chunk);
        break;
      }
    }
  }

  const std::vector<Input>& corpus_;
  std::mt19937_64 rng_{20171109};
};

}  // namespace

int main(int argc, char** argv) {
  long runs = 3000;
  std::vector<Input> corpus;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.rfind("-runs=", 0) == 0) {
      runs = std::strtol(argv[i] + 6, nullptr, 10);
    } else if (arg.rfind('-', 0) == 0) {
      continue;  // libFuzzer flags are accepted and ignored
    } else {
      Collect(argv[i], corpus);
    }
  }
  if (corpus.empty()) corpus.emplace_back();
  for (const int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, SaveCurrent);
  for (const auto& input : corpus) Run(input);
  Mutator mutator(corpus);
  for (long i = 0; i < runs; ++i) {
    const Input input = mutator.Next();
    Run(input);
  }
  std::printf("replay: %zu corpus inputs, %ld mutated inputs, no crash\n", corpus.size(), runs);
  return 0;
}
