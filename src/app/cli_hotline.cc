// phare hotline render: the phone line's scripts and recordings as files, for cron jobs
// and IVR systems that play a file (docs/channels.md). Each language gives {lang}.txt,
// {lang}.wav (8 kHz) and {lang}-16k.wav (16 kHz), each written to a temporary file and
// renamed, so a phone system never plays half a file. Prints a JSON summary.
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>

#include "app/cli.h"
#include "app/hotline.h"
#include "comms/catalog.h"

namespace phare::app {
namespace {

struct HotlineFlags {
  CommonOptions common;
  std::string out;
  std::string language;
};

base::Status WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) return base::IoError("cannot write " + temporary.string());
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) return base::IoError("cannot rename to " + path.string() + ": " + ec.message());
  return base::Status::Ok();
}

int Render(const HotlineFlags& flags) {
  std::vector<std::string> languages = comms::Catalogs::Builtin().Languages();
  if (!flags.language.empty()) {
    if (comms::Catalogs::Builtin().Find(flags.language) == nullptr) {
      return Fail(base::InvalidArgument("no such language; shipped: en, de, es, fr, it", "--lang"));
    }
    languages = {flags.language};
  }
  std::error_code ec;
  std::filesystem::create_directories(flags.out, ec);
  if (ec) return Fail(base::IoError("cannot create " + flags.out + ": " + ec.message()));
  auto rt = OpenRuntime(flags.common);
  if (!rt.ok()) return Fail(rt.status());
  const base::Time now = base::SystemClock::Instance().Now();
  auto state = service::LoadPublicState((*rt)->store(), now, 1);
  if (!state.ok()) return Fail(state.status());
  auto scripts = HotlineScripts(**state, now, languages);
  if (!scripts.ok()) return Fail(scripts.status());
  boost::json::array summary;
  for (auto& [language, text] : *scripts) {
    auto recording = RecordHotline(language, std::move(text));
    if (!recording.ok()) return Fail(recording.status());
    const std::filesystem::path dir(flags.out);
    for (const auto& [name, bytes] : {std::pair{language + ".txt", &recording->text},
                                      std::pair{language + ".wav", &recording->wav_8k},
                                      std::pair{language + "-16k.wav", &recording->wav_16k}}) {
      if (auto s = WriteFile(dir / name, *bytes); !s.ok()) return Fail(s);
    }
    summary.push_back({{"language", language},
                       {"audio_seconds", recording->audio_seconds},
                       {"render_seconds", recording->render_seconds},
                       {"files", {language + ".txt", language + ".wav", language + "-16k.wav"}}});
  }
  return PrintJson(summary);
}

}  // namespace

void AddHotlineCommands(CLI::App& app, Action& action) {
  auto* hotline = app.add_subcommand("hotline", "The phone line's scripts and recordings");
  hotline->require_subcommand(1);
  auto flags = std::make_shared<HotlineFlags>();
  auto* render = hotline->add_subcommand(
      "render", "Write {lang}.txt, {lang}.wav (8 kHz) and {lang}-16k.wav for the current state");
  AddCommonOptions(render, flags->common);
  render->add_option("--out", flags->out, "Directory to write the files to")->required();
  render->add_option("--lang", flags->language, "Only this language (default: every one)");
  render->callback([flags, &action] { action = [flags] { return Render(*flags); }; });
}

}  // namespace phare::app
