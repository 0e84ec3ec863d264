// Fuzz target: what goes into a notification e-mail. The input is split at NUL bytes
// into a subject, a display name, a text body and an HTML body, which go through the
// MIME encoders (RFC 2047 header text, quoted-printable, base64) and BuildEmail. The
// message must stay 7-bit with CRLF line ends of at most 998 characters (RFC 5322): a
// violation aborts (a finding).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "notify/address.h"
#include "notify/email_message.h"
#include "notify/mime.h"

namespace {

namespace notify = phare::notify;

// The next NUL-separated field of `rest`.
std::string_view Field(std::string_view& rest) {
  const size_t end = rest.find('\0');
  const std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return field;
}

[[noreturn]] void Fail(const char* what, std::string_view message, size_t at) {
  const size_t from = at < 80 ? 0 : at - 80;
  std::fprintf(stderr, "mime: %s at byte %zu: ...%.*s\n", what, at,
               static_cast<int>(std::min<size_t>(120, message.size() - from)),
               message.data() + from);
  std::abort();
}

// 7-bit, CRLF only, lines of at most 998 characters.
void CheckWire(std::string_view message) {
  size_t line = 0;
  for (size_t i = 0; i < message.size(); ++i) {
    const auto c = static_cast<unsigned char>(message[i]);
    if (c >= 0x80 || c == 0) Fail("not 7-bit text", message, i);
    if (c == '\n' && (i == 0 || message[i - 1] != '\r')) Fail("bare LF", message, i);
    if (c == '\r' && (i + 1 == message.size() || message[i + 1] != '\n')) {
      Fail("bare CR", message, i);
    }
    line = c == '\n' ? 0 : line + 1;
    if (line > 999) Fail("line over 998 characters", message, i);  // 998 and the CR
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  notify::EmailContent content;
  notify::EmailEnvelope envelope;
  content.subject = Field(rest);
  envelope.from_name = Field(rest);
  content.text = Field(rest);
  content.html = Field(rest);
  const std::string_view address = Field(rest);

  CheckWire(notify::EncodeHeaderText(content.subject, 9));
  CheckWire(notify::FormatMailbox(envelope.from_name, "status@example.com", 6));
  CheckWire(notify::EncodeQuotedPrintable(content.text));
  CheckWire(notify::EncodeBase64Lines(content.text));
  (void)notify::PrefersBase64(content.text);

  envelope.from_addr = "status@example.com";
  auto to = notify::NormalizeEmailAddress(address);
  envelope.to_addr = to.ok() ? *to : "reader@example.com";
  envelope.to_name = envelope.from_name;
  envelope.message_id = notify::MessageIdFor(content.subject, "status.example.com");
  envelope.date = phare::base::FromMillis(1510208460000);
  envelope.unsubscribe_url = "https://status.example.com/my/abc";
  if (auto message = notify::BuildEmail(envelope, content); message.ok()) CheckWire(*message);
  return 0;
}
