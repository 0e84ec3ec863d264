#include "notify/speech.h"

#include <espeak-ng/speak_lib.h>
#include <soxr.h>

#include <cmath>
#include <cstring>
#include <mutex>

namespace phare::notify {
namespace {

constexpr int kBufferMillis = 200;  // espeak-ng hands samples over in chunks this long

std::mutex& SpeechMutex() {
  static std::mutex mutex;  // guards every espeak-ng call: its state is global
  return mutex;
}

// Appends espeak-ng's samples to the Audio its user_data points to.
int Collect(short* wav, int count, espeak_EVENT* events) {
  if (wav == nullptr || count <= 0 || events == nullptr) return 0;
  auto* audio = static_cast<Audio*>(events->user_data);
  if (audio != nullptr) audio->samples.insert(audio->samples.end(), wav, wav + count);
  return 0;  // continue
}

// espeak-ng's sample rate after a successful initialization, 0 otherwise (once per
// process; called with SpeechMutex held).
int Initialize() {
  static const int rate = [] {
    const int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, kBufferMillis, nullptr,
                                    espeakINITIALIZE_DONT_EXIT);
    if (r <= 0) return 0;
    espeak_SetSynthCallback(Collect);
    return r;
  }();
  return rate;
}

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}

}  // namespace

base::Result<Audio> Synthesize(std::string_view voice, std::string_view text) {
  if (text.empty()) return base::InvalidArgument("nothing to say", "text");
  if (text.size() > kMaxSpokenTextBytes) {
    return base::InvalidArgument("longer than " + std::to_string(kMaxSpokenTextBytes) + " bytes",
                                 "text");
  }
  std::lock_guard lock(SpeechMutex());
  const int rate = Initialize();
  if (rate <= 0) {
    return base::Status(base::Code::kUnavailable,
                        "espeak-ng cannot start (is espeak-ng-data installed?)");
  }
  const std::string voice_name(voice);
  if (espeak_SetVoiceByName(voice_name.c_str()) != EE_OK) {
    return base::NotFound("espeak-ng has no voice '" + voice_name + "'");
  }
  espeak_SetParameter(espeakRATE, kSpeechWordsPerMinute, 0);
  Audio audio;
  audio.rate = rate;
  const std::string copy(text);  // espeak-ng reads a NUL-terminated buffer
  const espeak_ERROR err = espeak_Synth(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8, nullptr, &audio);
  if (err != EE_OK)
    return base::Internal("espeak-ng failed to speak (error " +
                          std::to_string(static_cast<int>(err)) + ")");
  espeak_Synchronize();
  if (audio.samples.empty()) return base::Internal("espeak-ng produced no audio");
  return audio;
}

base::Result<Audio> Resample(const Audio& audio, int rate) {
  if (audio.rate == rate) return audio;
  Audio out;
  out.rate = rate;
  const double ratio = static_cast<double>(rate) / audio.rate;
  out.samples.resize(static_cast<size_t>(std::ceil(audio.samples.size() * ratio)) + 16);
  const soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  size_t done = 0;
  const soxr_error_t error =
      soxr_oneshot(audio.rate, rate, 1, audio.samples.data(), audio.samples.size(), nullptr,
                   out.samples.data(), out.samples.size(), &done, &io, &quality, nullptr);
  if (error != nullptr) return base::Internal(std::string("resampling failed: ") + error);
  out.samples.resize(done);
  return out;
}

std::string EncodeWav(const Audio& audio) {
  const auto data_bytes = static_cast<uint32_t>(audio.samples.size() * sizeof(int16_t));
  std::string out;
  out.reserve(44 + data_bytes);
  out += "RIFF";
  PutU32(out, 36 + data_bytes);
  out += "WAVEfmt ";
  PutU32(out, 16);  // PCM's fmt chunk size
  PutU16(out, 1);   // PCM
  PutU16(out, 1);   // mono
  PutU32(out, static_cast<uint32_t>(audio.rate));
  PutU32(out, static_cast<uint32_t>(audio.rate) * 2);  // bytes per second
  PutU16(out, 2);                                      // bytes per frame
  PutU16(out, 16);                                     // bits per sample
  out += "data";
  PutU32(out, data_bytes);
  for (int16_t s : audio.samples) PutU16(out, static_cast<uint16_t>(s));
  return out;
}

}  // namespace phare::notify
