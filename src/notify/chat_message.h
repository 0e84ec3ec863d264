// Chat notifications through incoming webhooks: Slack and Mattermost (which accepts
// Slack's format, but reads Markdown instead of Slack's mrkdwn). One message is a line
// of text plus one attachment carrying the title, link, colour and a few fields, a
// shape both products render. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace phare::notify {

enum class ChatFlavor { kSlack, kMattermost };

struct ChatMessage {
  std::string text;        // the headline, plain text (escaped here as each flavour needs)
  std::string title;       // attachment title, e.g. the incident name
  std::string title_link;  // the incident's page URL
  std::string body;        // the update's text, plain
  std::string color;       // "#d9534f"; see ColorForIndicator
  std::vector<std::pair<std::string, std::string>> fields;  // short "Status: Identified"
  std::string footer;                                       // e.g. the page name
  std::string username;  // optional override of the webhook's poster name
};

// The JSON body to POST to the incoming-webhook URL.
std::string BuildChatPayload(ChatFlavor flavor, const ChatMessage& message);

// Slack's escaping of &, < and > (its mrkdwn reads <...> as links and mentions).
std::string EscapeSlackText(std::string_view text);

// "#2fcc66" for none, "#f1c40f" minor, "#e67e22" major, "#e74c3c" critical,
// "#3498db" maintenance; grey for anything else.
std::string_view ColorForIndicator(std::string_view indicator);

}  // namespace phare::notify
