// Text to telephone audio: espeak-ng speaks a script (its 22,050 Hz voice), libsoxr
// resamples it to the rates phone systems play (8 kHz narrowband, 16 kHz wideband), and
// EncodeWav wraps the samples as a RIFF/WAVE file (mono, 16-bit PCM).
//
// espeak-ng keeps global state and is not thread-safe: Synthesize serializes every call
// behind one process-wide mutex, so the server renders on one thread (app/hotline.h) and
// a second caller simply waits. Resample and EncodeWav are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace phare::notify {

struct Audio {
  int rate = 0;  // samples per second
  std::vector<int16_t> samples;
};

inline constexpr size_t kMaxSpokenTextBytes = 64 * 1024;
inline constexpr int kSpeechWordsPerMinute = 150;  // slower than espeak's 175: phone lines

// Speaks `text` (UTF-8) with espeak-ng voice `voice` ("en-us", "fr"). InvalidArgument for
// an empty or oversized text; Unavailable when espeak-ng or its data cannot be loaded
// (espeak-ng-data), NotFound for a voice it lacks, Internal if synthesis fails.
base::Result<Audio> Synthesize(std::string_view voice, std::string_view text);

// `audio` at `rate` samples per second (libsoxr, high quality). Internal on a soxr error.
base::Result<Audio> Resample(const Audio& audio, int rate);

// A WAVE file of `audio`: RIFF header, "fmt " (PCM, mono, 16 bits), "data".
std::string EncodeWav(const Audio& audio);

}  // namespace phare::notify
