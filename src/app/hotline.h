// The phone line (docs/channels.md): for every page language, the script of the current
// situation (comms/hotline_script.h) and its recording, as a text file, an 8 kHz WAV (what
// telephone systems play) and a 16 kHz WAV (wideband), each with its ETag.
//
// HotlineStation renders on its own single thread (espeak-ng is not thread-safe): it
// watches the publisher's state, rewrites the scripts when the state changes (and every
// kHotlineRecheck, for restorations that age out and for "today"), and records a language
// again only when its script changed. Requests never render: they get the last
// recording, or 503 with Retry-After before the first one. Thread-safe.
//
//   GET /hotline/{lang}.txt      the script, text/plain
//   GET /hotline/{lang}.wav      8 kHz mono 16-bit PCM
//   GET /hotline/{lang}-16k.wav  16 kHz mono 16-bit PCM
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/publisher.h"
#include "base/clock.h"
#include "base/metrics.h"
#include "http/router.h"
#include "service/public_state.h"

namespace phare::app {

inline constexpr auto kHotlineRecheck = std::chrono::seconds(30);
inline constexpr int kNarrowbandRate = 8000;
inline constexpr int kWidebandRate = 16000;

// One language's script and its audio.
struct HotlineRecording {
  std::string language;
  std::string text;
  std::string wav_8k;
  std::string wav_16k;
  std::string text_etag, wav_8k_etag, wav_16k_etag;
  double audio_seconds = 0;
  double render_seconds = 0;  // synthesis and resampling
};

// The script of `state` at `now` in each of `languages` (language, text). Internal when a
// catalog pattern or ICU fails.
base::Result<std::vector<std::pair<std::string, std::string>>> HotlineScripts(
    const service::PublicState& state, base::Time now, const std::vector<std::string>& languages);

// Speaks `text` with `language`'s voice (its catalog's hotline.voice) and encodes both
// rates. The errors of notify::Synthesize and notify::Resample.
base::Result<HotlineRecording> RecordHotline(const std::string& language, std::string text);

class HotlineStation {
 public:
  HotlineStation(Publisher& publisher, const base::Clock& clock);
  ~HotlineStation();

  // Adds the GET routes; call before the server starts.
  void Install(http::Router& router);
  void Start();
  void Stop();
  // Asks for a look at the state now (after a publication); cheap, any thread.
  void Wake();
  void Export(base::Registry& registry) const;

 private:
  void Loop();
  void Refresh();
  http::Response Serve(const std::string& name, bool audio, const http::Request& req) const;

  Publisher& publisher_;
  const base::Clock& clock_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  bool woken_ = false;     // GUARDED_BY(mu_)
  // GUARDED_BY(mu_): the last recording of each language.
  std::map<std::string, std::shared_ptr<const HotlineRecording>, std::less<>> recordings_;
  // Owned by the station's thread.
  uint64_t seen_version_ = 0;
  std::chrono::steady_clock::time_point next_check_{};
  std::atomic<uint64_t> renders_{0};
  std::atomic<uint64_t> failures_{0};
  base::Histogram render_latency_;
};

}  // namespace phare::app
