#include "app/hotline.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "base/crypto.h"
#include "comms/catalog.h"
#include "comms/hotline_script.h"
#include "http/problem.h"
#include "http/resource.h"
#include "notify/speech.h"

namespace phare::app {
namespace {

constexpr const char* kRetryAfterSeconds = "5";

std::string Etag(std::string_view body) {
  return "\"" + base::HexEncode(base::Blake2b256(body)).substr(0, 32) + "\"";
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

base::Result<std::vector<std::pair<std::string, std::string>>> HotlineScripts(
    const service::PublicState& state, base::Time now, const std::vector<std::string>& languages) {
  auto zone = base::Zone::Find(state.page.time_zone);
  comms::HotlineFacts facts{state.page.name, zone.ok() ? *zone : base::Zone::Utc(), now,
                            state.components, state.incidents};
  std::vector<std::pair<std::string, std::string>> scripts;
  for (const auto& language : languages) {
    const comms::Catalog* catalog = comms::Catalogs::Builtin().Find(language);
    if (catalog == nullptr) return base::NotFound("no catalog for language '" + language + "'");
    PHARE_ASSIGN_OR_RETURN(std::string text, comms::WriteHotlineScript(facts, *catalog));
    scripts.emplace_back(language, std::move(text));
  }
  return scripts;
}

base::Result<HotlineRecording> RecordHotline(const std::string& language, std::string text) {
  const auto start = std::chrono::steady_clock::now();
  const comms::Catalog* catalog = comms::Catalogs::Builtin().Find(language);
  if (catalog == nullptr) return base::NotFound("no catalog for language '" + language + "'");
  PHARE_ASSIGN_OR_RETURN(std::string voice, catalog->Format("hotline.voice"));
  PHARE_ASSIGN_OR_RETURN(notify::Audio speech, notify::Synthesize(voice, text));
  PHARE_ASSIGN_OR_RETURN(notify::Audio narrow, notify::Resample(speech, kNarrowbandRate));
  PHARE_ASSIGN_OR_RETURN(notify::Audio wide, notify::Resample(speech, kWidebandRate));
  HotlineRecording r;
  r.language = language;
  r.text = std::move(text);
  r.wav_8k = notify::EncodeWav(narrow);
  r.wav_16k = notify::EncodeWav(wide);
  r.text_etag = Etag(r.text);
  r.wav_8k_etag = Etag(r.wav_8k);
  r.wav_16k_etag = Etag(r.wav_16k);
  r.audio_seconds = static_cast<double>(speech.samples.size()) / speech.rate;
  r.render_seconds = Seconds(std::chrono::steady_clock::now() - start);
  return r;
}

HotlineStation::HotlineStation(Publisher& publisher, const base::Clock& clock)
    : publisher_(publisher), clock_(clock) {}

HotlineStation::~HotlineStation() { Stop(); }

void HotlineStation::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void HotlineStation::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HotlineStation::Wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void HotlineStation::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    Refresh();
    lock.lock();
    cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

// Rewrites the scripts when the state changed or the recheck is due; records the
// languages whose script changed.
void HotlineStation::Refresh() {
  auto state = publisher_.state();
  if (!state) return;
  const auto steady = std::chrono::steady_clock::now();
  if (state->version == seen_version_ && steady < next_check_) return;
  seen_version_ = state->version;
  next_check_ = steady + kHotlineRecheck;
  auto scripts = HotlineScripts(*state, clock_.Now(), comms::Catalogs::Builtin().Languages());
  if (!scripts.ok()) {
    failures_.fetch_add(1, std::memory_order_relaxed);
    spdlog::error("hotline: {}", scripts.status().ToString());
    return;
  }
  for (auto& [language, text] : *scripts) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
      auto it = recordings_.find(language);
      if (it != recordings_.end() && it->second->text == text) continue;
    }
    auto recording = RecordHotline(language, std::move(text));
    if (!recording.ok()) {
      failures_.fetch_add(1, std::memory_order_relaxed);
      spdlog::error("hotline: recording {}: {}", language, recording.status().ToString());
      continue;
    }
    renders_.fetch_add(1, std::memory_order_relaxed);
    render_latency_.Observe(std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::duration<double>(recording->render_seconds)));
    spdlog::info("hotline: {} recorded ({:.1f} s of audio in {:.2f} s)", language,
                 recording->audio_seconds, recording->render_seconds);
    auto shared = std::make_shared<const HotlineRecording>(std::move(recording).value());
    std::lock_guard lock(mu_);
    recordings_[language] = std::move(shared);
  }
}

http::Response HotlineStation::Serve(const std::string& name, bool audio,
                                     const http::Request& req) const {
  std::string language = name;
  bool wide = false;
  if (audio && language.ends_with("-16k")) {
    language.resize(language.size() - 4);
    wide = true;
  }
  if (comms::Catalogs::Builtin().Find(language) == nullptr) {
    return http::Problem(404, "not-found", "no hotline in language '" + language + "'");
  }
  std::shared_ptr<const HotlineRecording> recording;
  {
    std::lock_guard lock(mu_);
    if (auto it = recordings_.find(language); it != recordings_.end()) recording = it->second;
  }
  if (!recording) {
    auto r = http::Problem(503, "unavailable", "the hotline is being recorded; try again shortly");
    r.Header("Retry-After", kRetryAfterSeconds);
    return r;
  }
  const std::string& etag = !audio ? recording->text_etag
                            : wide ? recording->wav_16k_etag
                                   : recording->wav_8k_etag;
  http::Response r;
  r.Header("ETag", etag).Header("Cache-Control", "public, max-age=10");
  if (http::EtagMatches(req.Header("If-None-Match"), etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = audio ? "audio/wav" : "text/plain; charset=utf-8";
  r.body = !audio ? recording->text : wide ? recording->wav_16k : recording->wav_8k;
  return r;
}

void HotlineStation::Install(http::Router& router) {
  router.Add(http::Method::kGet, "/hotline/{}.txt",
             [this](http::Request& req) { return Serve(req.params.at(0), false, req); });
  router.Add(http::Method::kGet, "/hotline/{}.wav",
             [this](http::Request& req) { return Serve(req.params.at(0), true, req); });
}

void HotlineStation::Export(base::Registry& registry) const {
  registry.Add("phare_hotline_recordings_total", "Hotline scripts recorded to audio.", "counter",
               [this](std::string& out) {
                 out += fmt::format("phare_hotline_recordings_total {}\n", renders_.load());
               });
  registry.Add("phare_hotline_failures_total", "Hotline scripts that could not be recorded.",
               "counter", [this](std::string& out) {
                 out += fmt::format("phare_hotline_failures_total {}\n", failures_.load());
               });
  registry.Add("phare_hotline_render_duration_seconds",
               "Time to speak one hotline script and encode its audio.", "histogram",
               [this](std::string& out) {
                 render_latency_.Render("phare_hotline_render_duration_seconds", "", out);
               });
}

}  // namespace phare::app
