#include "notify/chat_message.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace phare::notify {
namespace {

// Mattermost renders Markdown: neutralise the characters that would start markup or
// a mention, so an incident text never pings @channel or turns into a link.
std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '*':
      case '_':
      case '`':
      case '~':
      case '[':
      case ']':
      case '#':
      case '|':
      case '\\':
        out += '\\';
        out += c;
        break;
      case '@':
        out += "@\u200b";  // a zero-width space breaks @channel and @user mentions
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Escape(ChatFlavor flavor, std::string_view text) {
  return flavor == ChatFlavor::kSlack ? EscapeSlackText(text) : EscapeMarkdown(text);
}

}  // namespace

std::string EscapeSlackText(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string BuildChatPayload(ChatFlavor flavor, const ChatMessage& m) {
  boost::json::array fields;
  for (const auto& [title, value] : m.fields) {
    fields.push_back(
        boost::json::object{{"title", title}, {"value", Escape(flavor, value)}, {"short", true}});
  }
  boost::json::object attachment{
      {"fallback", m.text},
      {"color", m.color},
      {"title", m.title},
      {"text", Escape(flavor, m.body)},
  };
  if (!m.title_link.empty()) attachment["title_link"] = m.title_link;
  if (!fields.empty()) attachment["fields"] = std::move(fields);
  if (!m.footer.empty()) attachment["footer"] = m.footer;
  boost::json::object payload{
      {"text", Escape(flavor, m.text)},
      {"attachments", boost::json::array{std::move(attachment)}},
  };
  if (!m.username.empty()) payload["username"] = m.username;
  return boost::json::serialize(payload);
}

std::string_view ColorForIndicator(std::string_view indicator) {
  if (indicator == "none") return "#2fcc66";
  if (indicator == "minor") return "#f1c40f";
  if (indicator == "major") return "#e67e22";
  if (indicator == "critical") return "#e74c3c";
  if (indicator == "maintenance") return "#3498db";
  return "#95a5a6";
}

}  // namespace phare::notify
