// Fuzz target: an update body as operators write it. Time tokens are resolved first
// (comms::ResolveTimes, as publishing does), then the Markdown is rendered to HTML for
// the page and to wrapped plain text for SMS and e-mail (cmark-gfm with phare's URL
// filter), and escaped as a name would be. The first byte picks the wrap width. HTML
// output must never carry a raw <script: that aborts (a finding).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "comms/catalog.h"
#include "comms/markdown.h"
#include "comms/time_format.h"
#include "comms/time_tokens.h"

namespace {

const phare::comms::TimeFormatter& Formatter() {
  static const auto formatter = phare::comms::TimeFormatter::Create(
      phare::comms::Catalogs::Builtin().Default(), *phare::base::Zone::Find("Europe/Paris"));
  return *formatter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int width = data[0] % 4 == 0 ? 0 : 20 + data[0] % 100;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto resolved =
      phare::comms::ResolveTimes(text, Formatter(), phare::base::FromMillis(1510208460000));
  for (const auto& span : resolved.invalid_tokens()) {
    if (span.offset + span.length > text.size()) std::abort();
  }
  auto html = phare::comms::MarkdownToHtml(resolved.text());
  if (html.ok() && html->find("<script") != std::string::npos) std::abort();
  (void)phare::comms::MarkdownToText(resolved.text(), width);
  (void)phare::comms::MarkdownToHtml(phare::comms::EscapeMarkdown(text));
  (void)phare::comms::IsSafeUrl(text);
  return 0;
}
