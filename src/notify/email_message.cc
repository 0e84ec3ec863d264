#include "notify/email_message.h"

#include <date/date.h>

#include <cctype>

#include "base/crypto.h"
#include "notify/mime.h"

namespace phare::notify {
namespace {

using base::InvalidArgument;
using base::Status;

bool IsPrintableAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

Status CheckAddress(std::string_view addr, std::string_view field, bool required) {
  if (addr.empty()) {
    return required ? InvalidArgument("is required", std::string(field)) : Status::Ok();
  }
  if (!IsPrintableAscii(addr) || addr.find_first_of(" <>\"") != std::string_view::npos ||
      addr.find('@') == std::string_view::npos) {
    return InvalidArgument("is not a plain e-mail address", std::string(field));
  }
  return Status::Ok();
}

Status CheckHeaderValue(std::string_view value, std::string_view field) {
  if (!IsPrintableAscii(value)) {
    return InvalidArgument("must be printable ASCII on one line", std::string(field));
  }
  return Status::Ok();
}

bool IsHeaderName(std::string_view name) {
  if (name.size() < 3 || name.size() > 64 || (name[0] != 'X' && name[0] != 'x') || name[1] != '-') {
    return false;
  }
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

Status Validate(const EmailEnvelope& e, const EmailContent& c) {
  PHARE_RETURN_IF_ERROR(CheckAddress(e.from_addr, "from_addr", true));
  PHARE_RETURN_IF_ERROR(CheckAddress(e.to_addr, "to_addr", true));
  PHARE_RETURN_IF_ERROR(CheckAddress(e.reply_to, "reply_to", false));
  if (e.message_id.size() < 5 || e.message_id.front() != '<' || e.message_id.back() != '>') {
    return InvalidArgument("must look like <id@domain>", "message_id");
  }
  PHARE_RETURN_IF_ERROR(CheckHeaderValue(e.message_id, "message_id"));
  PHARE_RETURN_IF_ERROR(CheckHeaderValue(e.thread_id, "thread_id"));
  if (e.unsubscribe_url.rfind("https://", 0) != 0 && e.unsubscribe_url.rfind("http://", 0) != 0) {
    return InvalidArgument("must be an http(s) URL", "unsubscribe_url");
  }
  PHARE_RETURN_IF_ERROR(CheckHeaderValue(e.unsubscribe_url, "unsubscribe_url"));
  if (!e.unsubscribe_mailto.empty() && e.unsubscribe_mailto.rfind("mailto:", 0) != 0) {
    return InvalidArgument("must be a mailto: URL", "unsubscribe_mailto");
  }
  PHARE_RETURN_IF_ERROR(CheckHeaderValue(e.unsubscribe_mailto, "unsubscribe_mailto"));
  if (e.extra_headers.size() > kMaxExtraHeaders) {
    return InvalidArgument("has too many entries", "extra_headers");
  }
  for (const auto& [name, value] : e.extra_headers) {
    if (!IsHeaderName(name)) return InvalidArgument("must be named X-...", "extra_headers");
    PHARE_RETURN_IF_ERROR(CheckHeaderValue(value, "extra_headers." + name));
  }
  if (c.subject.size() > kMaxSubjectBytes) return InvalidArgument("is too long", "subject");
  if (c.text.empty()) return InvalidArgument("is required", "text");
  if (c.text.size() > kMaxEmailBodyBytes) return InvalidArgument("is too long", "text");
  if (c.html.size() > kMaxEmailBodyBytes) return InvalidArgument("is too long", "html");
  return Status::Ok();
}

void AppendHeader(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

void AppendPart(std::string& out, std::string_view type, std::string_view body) {
  out += "Content-Type: ";
  out += type;
  out += "; charset=UTF-8\r\n";
  if (PrefersBase64(body)) {
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    out += EncodeBase64Lines(body);
  } else {
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += EncodeQuotedPrintable(body);
  }
}

// A boundary starting with "=_" can occur in neither quoted-printable nor base64 text.
std::string BoundaryFor(std::string_view message_id) {
  return "=_phare_" + base::HexEncode(base::Blake2b256(message_id)).substr(0, 24);
}

}  // namespace

base::Result<std::string> BuildEmail(const EmailEnvelope& e, const EmailContent& c) {
  PHARE_RETURN_IF_ERROR(Validate(e, c));
  std::string out;
  out.reserve(c.text.size() + c.html.size() + 2048);
  AppendHeader(out, "Date", FormatMailDate(e.date));
  AppendHeader(out, "From", FormatMailbox(e.from_name, e.from_addr, 6));
  AppendHeader(out, "To", FormatMailbox(e.to_name, e.to_addr, 4));
  if (!e.reply_to.empty()) AppendHeader(out, "Reply-To", e.reply_to);
  AppendHeader(out, "Subject", EncodeHeaderText(c.subject, 9));
  AppendHeader(out, "Message-ID", e.message_id);
  if (!e.thread_id.empty()) {
    AppendHeader(out, "In-Reply-To", e.thread_id);
    AppendHeader(out, "References", e.thread_id);
  }
  std::string unsubscribe = "<" + e.unsubscribe_url + ">";
  if (!e.unsubscribe_mailto.empty()) unsubscribe += ",\r\n <" + e.unsubscribe_mailto + ">";
  AppendHeader(out, "List-Unsubscribe", unsubscribe);
  AppendHeader(out, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  AppendHeader(out, "Auto-Submitted", "auto-generated");
  for (const auto& [name, value] : e.extra_headers) AppendHeader(out, name, value);
  AppendHeader(out, "MIME-Version", "1.0");
  if (c.html.empty()) {
    AppendPart(out, "text/plain", c.text);
    return out;
  }
  const std::string boundary = BoundaryFor(e.message_id);
  AppendHeader(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
  // The CRLF before each delimiter belongs to the delimiter (RFC 2046), so a body's own
  // final line break survives.
  out += "\r\n--" + boundary + "\r\n";
  AppendPart(out, "text/plain", c.text);
  out += "\r\n--" + boundary + "\r\n";
  AppendPart(out, "text/html", c.html);
  out += "\r\n--" + boundary + "--\r\n";
  return out;
}

std::string MessageIdFor(std::string_view idempotency_key, std::string_view domain) {
  return "<" + base::HexEncode(base::Blake2b256(idempotency_key)).substr(0, 32) + "@" +
         std::string(domain) + ">";
}

std::string FormatMailDate(base::Time t) {
  return date::format("%a, %d %b %Y %H:%M:%S +0000", date::floor<std::chrono::seconds>(t));
}

}  // namespace phare::notify
