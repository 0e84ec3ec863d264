#include "notify/chat_message.h"

#include <gtest/gtest.h>

#include "base/json.h"

namespace phare::notify {
namespace {

ChatMessage Message() {
  ChatMessage m;
  m.text = "Incident <SBG> & RBX: @channel";
  m.title = "Panne électrique";
  m.title_link = "https://status.example.net/incidents/inc1";
  m.body = "Les *serveurs* <tous> sont touchés";
  m.color = std::string(ColorForIndicator("critical"));
  m.fields = {{"Status", "Identified"}};
  m.footer = "Status";
  return m;
}

TEST(BuildChatPayload, SlackEscapesAngleBracketsAndAmpersands) {
  auto json = base::ParseJson(BuildChatPayload(ChatFlavor::kSlack, Message()));
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->at("text"), "Incident &lt;SBG&gt; &amp; RBX: @channel");
  const auto& attachment = json->at("attachments").at(0);
  EXPECT_EQ(attachment.at("title"), "Panne électrique");
  EXPECT_EQ(attachment.at("title_link"), "https://status.example.net/incidents/inc1");
  EXPECT_EQ(attachment.at("color"), "#e74c3c");
  EXPECT_EQ(attachment.at("text"), "Les *serveurs* &lt;tous&gt; sont touchés");
  EXPECT_EQ(attachment.at("fields").at(0).at("title"), "Status");
  EXPECT_EQ(attachment.at("fallback"), "Incident <SBG> & RBX: @channel");
}

TEST(BuildChatPayload, MattermostNeutralisesMarkdownAndMentions) {
  auto json = base::ParseJson(BuildChatPayload(ChatFlavor::kMattermost, Message()));
  ASSERT_TRUE(json.ok());
  const std::string text(json->at("text").as_string());
  EXPECT_EQ(text.find("@channel"), std::string::npos);
  EXPECT_NE(text.find("<SBG> & RBX"), std::string::npos);
  EXPECT_EQ(json->at("attachments").at(0).at("text"), "Les \\*serveurs\\* <tous> sont touchés");
}

TEST(ColorForIndicator, CoversEveryIndicator) {
  EXPECT_EQ(ColorForIndicator("none"), "#2fcc66");
  EXPECT_EQ(ColorForIndicator("maintenance"), "#3498db");
  EXPECT_EQ(ColorForIndicator("bogus"), "#95a5a6");
}

}  // namespace
}  // namespace phare::notify
